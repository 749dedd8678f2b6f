/*
 * handoff_summary: the summary text staff asked for in the catalog
 * (staff = ( { ...; summary = "daily"; } )) — how the day looks (bookings,
 * first and last), what waits for a person, and how much demand was turned
 * away since the last summary — worded in the business's language, sent
 * through the outbox like every other text, once per day (or week) per
 * staff phone whatever restarts in between. See include/smsdesk/handoff.h.
 */
#include "handoff_int.h"

#include "smsdesk/log.h"
#include "smsdesk/when.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

/* Short enough to read at a glance: one or two SMS. */
#define SUMMARY_SEGMENTS 2
#define DAY_SECONDS	 (24 * 3600)

struct sum_ctx {
	struct store *st;
	const struct catalog *cat;
	const struct civil_zone *z;
	int64_t now;
	struct when_local l; /* now, local */
	char today[16];	     /* "2026-12-01" */
	char monday[16];     /* this week's Monday, the weekly period */
};

static const char *kind_name(enum cat_summary s)
{
	return s == CAT_SUMMARY_WEEKLY ? "weekly" : "daily";
}

/* Bookings starting in [from, to): how many, and the first and the last
 * start. */
static int bookings(struct sum_ctx *c, int64_t from, int64_t to, size_t *n,
		    int64_t *first, int64_t *last)
{
	struct store_booking_list bl = {0};
	int rc = store_bookings_between(c->st, from, to, 0, &bl);

	*n = 0;
	if (rc == STORE_OK && bl.n > 0) {
		*n = bl.n;
		*first = bl.v[0].start;
		*last = bl.v[bl.n - 1].start;
	}
	store_booking_list_free(&bl);
	return rc;
}

static int waiting(struct sum_ctx *c, size_t *n)
{
	struct store_handoff_list list = {0};
	int rc = store_handoff_waiting(c->st, c->now - HANDOFF_OPEN_SECONDS, 0,
				       &list);

	*n = list.n;
	store_handoff_list_free(&list);
	return rc;
}

/*
 * Since when the summary counts turned-away demand: this phone's previous
 * summary of the kind, so that nothing falls between two (a closed Sunday
 * included), but never further back than a week (daily) or a month; a
 * day (a week) before now when there was none.
 */
static int64_t since_of(struct sum_ctx *c, const struct cat_staff *sf,
			const char *period)
{
	int weekly = sf->summary == CAT_SUMMARY_WEEKLY;
	int64_t at = 0, first = c->now - (weekly ? 7 : 1) * DAY_SECONDS,
		oldest = c->now - (weekly ? 31 : 6) * DAY_SECONDS;

	if (store_summary_last(c->st, sf->phone, kind_name(sf->summary), period,
			       &at) != STORE_OK)
		return first;
	return at < oldest ? oldest : at;
}

static void compose(struct sum_ctx *c, const struct cat_staff *sf,
		    const char *period, char *out, size_t cap, int *rcp)
{
	struct when_day next;
	struct store_report r = {0};
	int weekly = sf->summary == CAT_SUMMARY_WEEKLY;
	int64_t from = when_epoch_in(c->z, &c->l.day, 0), first = 0, last = 0;
	int64_t since = since_of(c, sf, period);
	size_t n = 0, w = 0;
	char day[48], a[16], b[16], cnt[16], wt[16], ta[24], sn[48];
	int rc;

	/* the day, or the rest of the week from today to Sunday */
	next = when_day_add(c->l.day, weekly ? 7 - c->l.day.wday % 7 : 1);
	rc =
	    bookings(c, from, when_epoch_in(c->z, &next, 0), &n, &first, &last);
	if (rc == STORE_OK)
		rc = waiting(c, &w);
	if (rc == STORE_OK)
		rc = store_report_range(c->st, since, c->now, &r);
	*rcp = rc;
	if (rc < 0) {
		store_report_free(&r);
		return;
	}
	hw_day(c->cat, c->now, day, sizeof(day));
	hw_time(c->cat, first, c->now, a, sizeof(a));
	hw_time(c->cat, last, c->now, b, sizeof(b));
	snprintf(cnt, sizeof(cnt), "%zu", n);
	snprintf(wt, sizeof(wt), "%zu", w);
	snprintf(ta, sizeof(ta), "%" PRId64, r.turned_away);
	store_report_free(&r);
	/* within the week the day's name says when; further back, the date */
	if (since > c->now - 6 * DAY_SECONDS)
		hw_time(c->cat, since, c->now, sn, sizeof(sn));
	else
		hw_day(c->cat, since, sn, sizeof(sn));
	struct lang_var v[] = {
	    {.name = "business", .value = c->cat->business_name},
	    {.name = "day", .value = day},
	    {.name = "count", .value = cnt},
	    {.name = "first", .value = a},
	    {.name = "last", .value = b},
	    {.name = "waiting", .value = wt},
	    {.name = "turned_away", .value = ta},
	    {.name = "since", .value = sn},
	};
	hw_render(c->cat,
		  weekly   ? "staff_summary_week"
		  : n == 0 ? "staff_summary_none"
			   : "staff_summary",
		  v, sizeof(v) / sizeof(v[0]), NULL, SUMMARY_SEGMENTS, out,
		  cap);
}

/*
 * The summary for SF of PERIOD, in one transaction: claimed in the store
 * (so it goes once), then queued — or, for a phone that opted out,
 * recorded as not sent. Returns 1 when a text was queued, 0 when not, or
 * a negative enum store_err (rolled back: tried again at the next call).
 */
static int send_one(struct sum_ctx *c, const struct cat_staff *sf,
		    const char *period)
{
	const char *kind = kind_name(sf->summary);
	char text[1024], m[LOG_NUMBER_MAX];
	int64_t id = 0;
	int rc, queued = 0;

	rc = store_begin(c->st);
	if (rc < 0)
		return rc;
	rc = store_summary_claim(c->st, sf->phone, kind, period, c->now);
	if (rc == 1) {
		rc = store_is_opted_out(c->st, sf->phone, NULL);
		if (rc == 1) {
			rc = store_summary_done(c->st, sf->phone, kind, period,
						0, "opted out");
			if (rc == STORE_OK)
				log_info("%s summary to staff %s (%s) not sent:"
					 " that phone opted out",
					 kind, sf->name,
					 log_number(sf->phone, m, sizeof(m)));
		} else if (rc == 0) {
			compose(c, sf, period, text, sizeof(text), &rc);
			if (rc == STORE_OK)
				rc = hw_queue(c->st, c->cat, sf->phone, text,
					      STORE_ORIGIN_STAFF, 0,
					      SUMMARY_SEGMENTS, c->now, 0, &id);
			if (rc == STORE_OK)
				rc = store_summary_done(c->st, sf->phone, kind,
							period, id, "");
			queued = rc == STORE_OK;
		}
	}
	if (rc >= 0)
		rc = store_commit(c->st);
	if (rc < 0) {
		store_rollback(c->st);
		log_error("%s summary to staff %s: %s; will try again", kind,
			  sf->name, store_errmsg(c->st));
		return rc;
	}
	if (queued)
		log_info("%s summary queued to staff %s (%s)", kind, sf->name,
			 log_number(sf->phone, m, sizeof(m)));
	return queued;
}

int handoff_summary_due(const struct catalog *cat, int64_t now, char *day,
			char *monday)
{
	const struct civil_zone *z = when_zone_of(cat);
	int open[8], close[8];
	struct when_local l;
	struct when_day mon;
	size_t n;

	if (z == NULL)
		return 0;
	when_local_in(z, now, &l);
	n = when_hours_of(cat, &l.day, open, close, 8);
	/* A closed day has no summary: nothing is booked and nobody is at
	 * work to read it; what waits is in the next open day's. */
	if (n == 0)
		return 0;
	if (l.minute < (cat->policy.summary_minute >= 0
			    ? cat->policy.summary_minute
			    : open[0]))
		return 0;
	mon = when_day_add(l.day, -(l.day.wday % 7));
	when_day_iso(&l.day, day, 11);
	when_day_iso(&mon, monday, 11);
	return 1;
}

int handoff_summaries(struct store *st, const struct catalog *cat, int64_t now)
{
	struct sum_ctx c = {.st = st, .cat = cat, .now = now};
	int sent = 0;

	for (size_t i = 0; i < cat->n_staff; i++)
		if (cat->staff[i].summary != CAT_SUMMARY_NONE)
			break;
		else if (i + 1 == cat->n_staff)
			return 0;
	if (cat->n_staff == 0 ||
	    !handoff_summary_due(cat, now, c.today, c.monday))
		return 0;
	c.z = when_zone_of(cat);
	when_local_in(c.z, now, &c.l);
	for (size_t i = 0; i < cat->n_staff; i++) {
		const struct cat_staff *sf = &cat->staff[i];
		const char *period =
		    sf->summary == CAT_SUMMARY_WEEKLY ? c.monday : c.today;
		int rc;

		if (sf->summary == CAT_SUMMARY_NONE || sf->phone == NULL)
			continue;
		rc = store_summary_has(st, sf->phone, kind_name(sf->summary),
				       period);
		if (rc == 1)
			continue; /* sent (or not, for a reason) before */
		if (rc == 0)
			rc = send_one(&c, sf, period);
		if (rc < 0)
			return rc;
		sent += rc;
	}
	return sent;
}
