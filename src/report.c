/*
 * report: the owner's report read from the store and bucketed in the
 * business's time zone, and written as text. See include/smsdesk/report.h.
 * The HTML page is report_html.c.
 */
#include "smsdesk/report.h"

#include "smsdesk/catalog.h"
#include "smsdesk/civil.h"
#include "smsdesk/text.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static const char *const reason_words[REPORT_N_REASONS] = {
    "not offered",     "slot taken",	"too short notice",   "outside hours",
    "closed that day", "too far ahead", "offer not taken up", "other",
};

const char *report_reason_words(enum report_reason r)
{
	return r < REPORT_N_REASONS ? reason_words[r] : "?";
}

/* The ledger's stored reason as the report's; -1 for not understood. */
static int reason_of(const char *stored)
{
	static const char *const names[][2] = {
	    {"not_offered", "0"},  {"full", "1"},
	    {"short_notice", "2"}, {"outside_hours", "3"},
	    {"closed", "4"},	   {"beyond_horizon", "5"},
	    {"offered", "6"},	   {"not_understood", "-1"},
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(stored, names[i][0]) == 0)
			return atoi(names[i][1]);
	return REPORT_OTHER;
}

void report_mask(const char *number, char *out, size_t cap)
{
	size_t n = strlen(number), keep_head = number[0] == '+' ? 3 : 0;

	if (cap < 8) {
		if (cap > 0)
			out[0] = '\0';
		return;
	}
	if (n == 0) {
		snprintf(out, cap, "(erased)");
		return;
	}
	if (n <= keep_head + 3) {
		snprintf(out, cap, "%s", "***");
		return;
	}
	/* "+44", stars, the last three digits: enough to tell two callers
	 * apart on the phone, not enough to call them. */
	size_t o = 0;
	for (size_t i = 0; i < n && o + 1 < cap; i++)
		out[o++] = i < keep_head || i >= n - 3 ? number[i] : '*';
	out[o] = '\0';
}

/* ---- building ------------------------------------------------------------ */

static const struct civil_zone *zone_of(const struct catalog *cat)
{
	const struct civil_zone *z = when_zone_of(cat);

	return z != NULL ? z : civil_zone_utc();
}

/* Local day number of instant t. */
static int64_t local_days(const struct civil_zone *z, int64_t t)
{
	struct civil_time ct;

	civil_zone_local(z, t, &ct);
	return ct.days;
}

static int parse_day(const char *s, struct when_day *out)
{
	int y, m, d;
	char tail;

	if (strlen(s) != 10 ||
	    sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || s[4] != '-' ||
	    s[7] != '-')
		return -1;
	return when_day_make(y, m, d, out);
}

static struct when_day day_of_number(int64_t days)
{
	struct when_day d;
	int y, m, md;

	civil_from_days(days, &y, &m, &md);
	when_day_make(y, m, md, &d);
	return d;
}

static struct report_thing *thing_for(const struct catalog *cat,
				      struct report *r, const char *id)
{
	const struct cat_service *svc;
	const struct cat_topic *topic;
	struct report_thing *v, *t;

	for (size_t i = 0; i < r->n_things; i++)
		if (strcmp(r->things[i].id, id) == 0)
			return &r->things[i];
	v = realloc(r->things, (r->n_things + 1) * sizeof(*v));
	if (v == NULL)
		return NULL;
	r->things = v;
	t = &v[r->n_things++];
	memset(t, 0, sizeof(*t));
	snprintf(t->id, sizeof(t->id), "%s", id);
	svc = id[0] != '\0' ? catalog_service(cat, id) : NULL;
	topic = svc == NULL && id[0] != '\0' ? catalog_topic(cat, id) : NULL;
	t->is_service = svc != NULL;
	if (svc != NULL)
		snprintf(t->name, sizeof(t->name), "%s", svc->name);
	else if (topic != NULL)
		snprintf(t->name, sizeof(t->name), "%s", topic->name);
	else if (id[0] == '\0')
		snprintf(t->name, sizeof(t->name), "(a thing we don't know)");
	else
		snprintf(t->name, sizeof(t->name), "%s", id);
	return t;
}

static int by_lost(const void *a, const void *b)
{
	const struct report_thing *x = a, *y = b;

	if (x->lost_total != y->lost_total)
		return x->lost_total > y->lost_total ? -1 : 1;
	if (x->taken_up != y->taken_up)
		return x->taken_up > y->taken_up ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* The week (index into r->weeks) of instant t, or NULL outside. */
static struct report_week *week_of(struct report *r, const struct civil_zone *z,
				   int64_t t, int64_t first_monday)
{
	int64_t days = local_days(z, t), monday = days - civil_weekday(days);
	int64_t k = (monday - first_monday) / 7;

	if (monday < first_monday || k < 0 || (size_t)k >= r->n_weeks)
		return NULL;
	return &r->weeks[k];
}

struct sources {
	struct store_demand_list demand;
	struct store_times texts;
	struct store_booking_list bookings;
};

static void sources_free(struct sources *s)
{
	store_demand_list_free(&s->demand);
	store_times_free(&s->texts);
	store_booking_list_free(&s->bookings);
}

/* The weeks to show: from --from (or the first thing that happened) to
 * --to (or now), the latest REPORT_MAX_WEEKS of them. */
static int make_weeks(struct report *r, const struct civil_zone *z,
		      const struct sources *s, int64_t now,
		      int64_t *first_monday)
{
	int64_t first = local_days(z, now), last = first;

	if (r->has_from) {
		first =
		    civil_days(r->first.year, r->first.month, r->first.mday);
	} else {
		if (s->texts.n > 0)
			first = local_days(z, s->texts.v[0]);
		if (s->demand.n > 0 && local_days(z, s->demand.v[0].at) < first)
			first = local_days(z, s->demand.v[0].at);
		for (size_t i = 0; i < s->bookings.n; i++)
			if (local_days(z, s->bookings.v[i].created_at) < first)
				first =
				    local_days(z, s->bookings.v[i].created_at);
		r->first = day_of_number(first);
	}
	if (r->has_to)
		last = civil_days(r->last.year, r->last.month, r->last.mday);
	else
		r->last = day_of_number(last);
	if (last < first)
		last = first;
	int64_t fm = first - civil_weekday(first);
	int64_t lm = last - civil_weekday(last);
	size_t n = (size_t)((lm - fm) / 7 + 1);
	if (n > REPORT_MAX_WEEKS) {
		r->weeks_dropped = n - REPORT_MAX_WEEKS;
		fm += 7 * (int64_t)r->weeks_dropped;
		n = REPORT_MAX_WEEKS;
	}
	r->weeks = calloc(n, sizeof(*r->weeks));
	if (r->weeks == NULL)
		return STORE_ERR_NOMEM;
	r->n_weeks = n;
	for (size_t i = 0; i < n; i++)
		r->weeks[i].monday = day_of_number(fm + 7 * (int64_t)i);
	*first_monday = fm;
	return STORE_OK;
}

static int tally_demand(const struct catalog *cat, struct report *r,
			const struct civil_zone *z,
			const struct store_demand_list *dl, int64_t fm)
{
	for (size_t i = 0; i < dl->n; i++) {
		const struct store_demand_event *e = &dl->v[i];
		struct report_week *w = week_of(r, z, e->at, fm);
		int why = reason_of(e->reason);

		if (w != NULL)
			w->referrals += e->referrals;
		if (why < 0) {
			if (w != NULL)
				w->not_understood++;
			continue;
		}
		struct report_thing *t = thing_for(cat, r, e->requested);
		if (t == NULL)
			return STORE_ERR_NOMEM;
		if (e->taken_at > 0) {
			t->taken_up++;
			continue;
		}
		t->lost[why]++;
		t->lost_total++;
		r->lost_by_reason[why]++;
		if (w != NULL)
			w->lost++;
	}
	if (r->n_things > 1)
		qsort(r->things, r->n_things, sizeof(*r->things), by_lost);
	return STORE_OK;
}

static void tally_bookings(const struct catalog *cat, struct report *r,
			   const struct civil_zone *z,
			   const struct store_booking_list *bl, int64_t fm)
{
	r->open_hour = 24;
	r->close_hour = 0;
	for (size_t i = 0; i < cat->n_hours; i++) {
		int o = cat->hours[i].open_min / 60;
		int c = (cat->hours[i].close_min + 59) / 60;
		r->open_hour = o < r->open_hour ? o : r->open_hour;
		r->close_hour = c > r->close_hour ? c : r->close_hour;
	}
	for (size_t i = 0; i < bl->n; i++) {
		const struct store_booking *b = &bl->v[i];
		struct report_week *w = week_of(r, z, b->created_at, fm);
		struct civil_time ct;

		if (w != NULL && b->by == STORE_BY_STAFF)
			w->booked_staff++;
		else if (w != NULL)
			w->booked_text++;
		if (b->state == STORE_CANCELLED) {
			w = week_of(r, z, b->cancelled_at, fm);
			if (w != NULL)
				w->cancelled++;
			continue;
		}
		civil_zone_local(z, b->start, &ct);
		r->by_hour[ct.hour]++;
		r->open_hour = ct.hour < r->open_hour ? ct.hour : r->open_hour;
		r->close_hour =
		    ct.hour + 1 > r->close_hour ? ct.hour + 1 : r->close_hour;
	}
	if (r->open_hour >= r->close_hour) {
		r->open_hour = 0;
		r->close_hour = 24;
	}
}

int report_build(const struct catalog *cat, struct store *st,
		 const char *from_day, const char *to_day, int64_t now,
		 struct report *out, char *err, size_t cap)
{
	const struct civil_zone *z = zone_of(cat);
	struct sources s = {{NULL, 0}, {NULL, 0}, {NULL, 0}};
	int64_t fm = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	out->from = 0;
	out->to = INT64_MAX;
	if (from_day != NULL) {
		if (parse_day(from_day, &out->first) != 0) {
			snprintf(err, cap,
				 "--from wants a day as YYYY-MM-DD, "
				 "not '%s'",
				 from_day);
			return -1;
		}
		out->has_from = 1;
		out->from = when_epoch_in(z, &out->first, 0);
	}
	if (to_day != NULL) {
		if (parse_day(to_day, &out->last) != 0) {
			snprintf(err, cap,
				 "--to wants a day as YYYY-MM-DD, not '%s'",
				 to_day);
			return -1;
		}
		struct when_day next = when_day_add(out->last, 1);
		out->has_to = 1;
		out->to = when_epoch_in(z, &next, 0);
		if (out->to <= out->from) {
			snprintf(err, cap, "--to is before --from");
			return -1;
		}
	}
	rc = store_report_range(st, out->from, out->to, &out->totals);
	if (rc == STORE_OK)
		rc = store_demand_between(st, out->from, out->to, &s.demand);
	if (rc == STORE_OK)
		rc = store_texts_in_between(st, out->from, out->to, &s.texts);
	if (rc == STORE_OK)
		rc = store_bookings_made_between(st, out->from, out->to,
						 &s.bookings);
	if (rc == STORE_OK)
		rc = store_not_understood(st, out->from, out->to,
					  REPORT_NOT_UNDERSTOOD_MAX,
					  &out->not_understood);
	if (rc == STORE_OK)
		rc = make_weeks(out, z, &s, now, &fm);
	if (rc == STORE_OK)
		rc = tally_demand(cat, out, z, &s.demand, fm);
	if (rc == STORE_OK) {
		for (size_t i = 0; i < s.texts.n; i++) {
			struct report_week *w =
			    week_of(out, z, s.texts.v[i], fm);
			if (w != NULL)
				w->texts_in++;
		}
		tally_bookings(cat, out, z, &s.bookings, fm);
	}
	sources_free(&s);
	if (rc != STORE_OK)
		snprintf(err, cap, "reading the database: %s",
			 store_errmsg(st));
	return rc;
}

void report_free(struct report *r)
{
	store_report_free(&r->totals);
	free(r->things);
	free(r->weeks);
	store_text_list_free(&r->not_understood);
	r->things = NULL;
	r->weeks = NULL;
	r->n_things = 0;
	r->n_weeks = 0;
}

/* ---- text -------------------------------------------------------------- */

static void pad(FILE *out, const char *s, size_t width)
{
	size_t w = text_codepoints(s);

	fputs(s, out);
	while (w++ < width)
		fputc(' ', out);
}

/* "slot taken 3, too short notice 1" */
static void why_list(const int64_t *lost, char *out, size_t cap)
{
	size_t pos = 0;

	out[0] = '\0';
	for (int i = 0; i < REPORT_N_REASONS; i++) {
		if (lost[i] == 0)
			continue;
		int k = snprintf(out + pos, cap - pos, "%s%s %" PRId64,
				 pos > 0 ? ", " : "", reason_words[i], lost[i]);
		if (k < 0 || (size_t)k >= cap - pos)
			break;
		pos += (size_t)k;
	}
}

static void text_demand(const struct report *r, FILE *out)
{
	size_t wname = strlen("REQUESTED"), wwhy = strlen("WHY");
	char why[512];
	int64_t taken = 0;

	fprintf(out, "Demand we could not serve\n");
	if (r->n_things == 0) {
		fprintf(out, "  none\n");
		return;
	}
	for (size_t i = 0; i < r->n_things; i++) {
		size_t w = text_codepoints(r->things[i].name);
		wname = w > wname ? w : wname;
		why_list(r->things[i].lost, why, sizeof(why));
		w = text_codepoints(why);
		wwhy = w > wwhy ? w : wwhy;
	}
	fprintf(out, "  ");
	pad(out, "REQUESTED", wname + 2);
	fprintf(out, " LOST  ");
	pad(out, "WHY", wwhy + 2);
	fprintf(out, "BOOKED LATER\n");
	for (size_t i = 0; i < r->n_things; i++) {
		const struct report_thing *t = &r->things[i];
		fprintf(out, "  ");
		pad(out, t->name, wname + 2);
		why_list(t->lost, why, sizeof(why));
		fprintf(out, "%5" PRId64 "  ", t->lost_total);
		pad(out, why, wwhy + 2);
		fprintf(out, "%12" PRId64 "\n", t->taken_up);
		taken += t->taken_up;
	}
	fprintf(out, "  ");
	pad(out, "total", wname + 2);
	fprintf(out, "%5" PRId64 "  ", r->totals.turned_away);
	pad(out, "", wwhy + 2);
	fprintf(out, "%12" PRId64 "\n", taken);
	why_list(r->lost_by_reason, why, sizeof(why));
	fprintf(out, "  by why: %s\n", why[0] != '\0' ? why : "-");
}

static void text_weeks(const struct report *r, FILE *out)
{
	char day[32];

	fprintf(out, "\nWeek by week (weeks start on Monday)\n");
	if (r->weeks_dropped > 0)
		fprintf(out, "  (%zu older weeks left out: use --from)\n",
			r->weeks_dropped);
	fprintf(out, "  WEEK OF      TEXTS  BOOKED  BY STAFF  CANCELLED  "
		     "LOST  NOT UNDERSTOOD  REFERRALS\n");
	for (size_t i = 0; i < r->n_weeks; i++) {
		const struct report_week *w = &r->weeks[i];
		when_day_iso(&w->monday, day, sizeof(day));
		fprintf(out,
			"  %-10s  %6" PRId64 "  %6" PRId64 "  %8" PRId64
			"  %9" PRId64 "  %4" PRId64 "  %14" PRId64 "  %9" PRId64
			"\n",
			day, w->texts_in, w->booked_text + w->booked_staff,
			w->booked_staff, w->cancelled, w->lost,
			w->not_understood, w->referrals);
	}
}

static void text_hours(const struct report *r, FILE *out)
{
	int64_t max = 0;

	fprintf(out, "\nBookings by hour of day (by start, not cancelled)\n");
	for (int h = r->open_hour; h < r->close_hour; h++)
		max = r->by_hour[h] > max ? r->by_hour[h] : max;
	for (int h = r->open_hour; h < r->close_hour; h++) {
		int bar =
		    max > 0 ? (int)((r->by_hour[h] * 40 + max - 1) / max) : 0;
		fprintf(out, "  %02d:00  %4" PRId64 "%s", h, r->by_hour[h],
			bar > 0 ? "  " : "");
		for (int i = 0; i < bar; i++)
			fputc('#', out);
		fputc('\n', out);
	}
}

static void text_referrals(const struct report *r, FILE *out)
{
	size_t width = strlen("REFERRAL");

	fprintf(out, "\nReferrals named\n");
	if (r->totals.n_referrals == 0) {
		fprintf(out, "  none\n");
		return;
	}
	for (size_t i = 0; i < r->totals.n_referrals; i++) {
		size_t w = text_codepoints(r->totals.referrals[i].name);
		width = w > width ? w : width;
	}
	fprintf(out, "  ");
	pad(out, "REFERRAL", width + 2);
	fprintf(out, "TIMES\n");
	for (size_t i = 0; i < r->totals.n_referrals; i++) {
		fprintf(out, "  ");
		pad(out, r->totals.referrals[i].name, width + 2);
		fprintf(out, "%5" PRId64 "\n", r->totals.referrals[i].count);
	}
}

/* "2026-11-25 10:00" local. */
static void local_stamp(const struct catalog *cat, int64_t t, char *out,
			size_t cap)
{
	struct civil_time ct;

	civil_zone_local(zone_of(cat), t, &ct);
	snprintf(out, cap, "%04d-%02d-%02d %02d:%02d", ct.year, ct.month,
		 ct.mday, ct.hour, ct.minute);
}

/* One line: control characters as spaces, at most 60 characters. */
static void one_line(const char *text, char *out, size_t cap)
{
	size_t o = 0, cps = 0;

	text_sanitize_utf8(text, strlen(text), out, cap);
	for (size_t i = 0; out[i] != '\0'; i++) {
		unsigned char c = (unsigned char)out[i];
		if ((c & 0xC0) != 0x80 && ++cps > 60) {
			snprintf(out + o, cap - o, "...");
			return;
		}
		out[o++] = c < 0x20 ? ' ' : (char)c;
	}
	out[o] = '\0';
}

static void text_not_understood(const struct catalog *cat,
				const struct report *r, FILE *out)
{
	char when[32], who[STORE_NUMBER_MAX], line[512];

	fprintf(out, "\nTexts not understood (latest %d at most)\n",
		REPORT_NOT_UNDERSTOOD_MAX);
	if (r->not_understood.n == 0) {
		fprintf(out, "  none\n");
		return;
	}
	for (size_t i = 0; i < r->not_understood.n; i++) {
		const struct store_text_row *t = &r->not_understood.v[i];
		local_stamp(cat, t->at, when, sizeof(when));
		report_mask(t->sender, who, sizeof(who));
		one_line(t->text, line, sizeof(line));
		fprintf(out, "  %s  %-15s  %s\n", when, who,
			line[0] != '\0' ? line : "(text pruned)");
	}
}

static const char *origin_words(enum store_origin origin)
{
	switch (origin) {
	case STORE_ORIGIN_REPLY:
		return "reply";
	case STORE_ORIGIN_STAFF:
		return "staff text";
	case STORE_ORIGIN_REMINDER:
		return "reminder";
	}
	return "text";
}

/*
 * Messages that did not go out, latest first, with why: the ones we gave
 * up on (numbers in full: staff may want to call these customers) and,
 * with what = 1 (a column naming the kind of text), the ones the outbox
 * withdrew on purpose (expired after an outage, or the number opted out).
 */
static void text_ended(const struct catalog *cat, const char *title,
		       const struct store_failed_row *v, size_t n, int what,
		       FILE *out)
{
	char when[32], who[STORE_NUMBER_MAX];

	if (n == 0)
		return;
	fprintf(out, "\n%s (latest %d at most)\n", title,
		STORE_REPORT_FAILED_MAX);
	fprintf(out, "  QUEUED            TO               %sWHY\n",
		what ? "WHAT        " : "");
	for (size_t i = 0; i < n; i++) {
		local_stamp(cat, v[i].created_at, when, sizeof(when));
		snprintf(who, sizeof(who), "%s",
			 v[i].to[0] != '\0' ? v[i].to : "(erased)");
		fprintf(out, "  %-16s  %-15s  ", when, who);
		if (what)
			fprintf(out, "%-12s", origin_words(v[i].origin));
		fprintf(out, "%s\n",
			v[i].error[0] != '\0' ? v[i].error
					      : "(no reason recorded)");
	}
}

static void text_counts(const struct catalog *cat, const struct report *r,
			FILE *out)
{
	const struct store_report *t = &r->totals;

	fprintf(out, "\nMessages\n");
	fprintf(out,
		"  received   %5" PRId64 "  (answered %" PRId64
		", not answered on purpose %" PRId64 ", waiting %" PRId64 ")\n",
		t->in_total, t->in_answered, t->in_ignored, t->in_new);
	fprintf(out,
		"  sent out   %5" PRId64 "  (delivered %" PRId64
		", sent %" PRId64 ", queued %" PRId64 ", failed %" PRId64
		"; %" PRId64 " SMS segments)\n",
		t->out_total, t->out_delivered, t->out_sent, t->out_queued,
		t->out_failed, t->out_parts);
	if (t->out_withdrawn > 0)
		fprintf(out,
			"  not sent   %5" PRId64
			"  (withdrawn on purpose: expired, or the number "
			"opted out)\n",
			t->out_withdrawn);
	fprintf(out, "\nBookings\n");
	fprintf(out, "  made       %5" PRId64 "\n", t->bookings_made);
	fprintf(out, "  cancelled  %5" PRId64 "\n", t->bookings_cancelled);
	text_ended(cat, "Sends that failed", t->failed, t->n_failed, 0, out);
	text_ended(cat, "Not sent on purpose", t->withdrawn, t->n_withdrawn, 1,
		   out);
}

int report_text(const struct catalog *cat, const struct report *r, FILE *out)
{
	char a[32], b[32];

	when_day_human(&r->first, a, sizeof(a));
	when_day_human(&r->last, b, sizeof(b));
	if (r->has_from || r->has_to)
		fprintf(out, "%s: %s %d to %s %d (%s)\n\n", cat->business_name,
			a, r->first.year, b, r->last.year, cat->timezone);
	else
		fprintf(out, "%s: all time, up to %s %d (%s)\n\n",
			cat->business_name, b, r->last.year, cat->timezone);
	text_demand(r, out);
	text_weeks(r, out);
	text_hours(r, out);
	text_referrals(r, out);
	text_not_understood(cat, r, out);
	text_counts(cat, r, out);
	return ferror(out) ? -1 : 0;
}
