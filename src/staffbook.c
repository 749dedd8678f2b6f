/*
 * staffbook: times, checks and customer texts for the staff's booking
 * commands. See include/smsdesk/staffbook.h.
 */
#include "smsdesk/staffbook.h"

#include "smsdesk/catalog.h"
#include "smsdesk/lang.h"
#include "smsdesk/outbox.h"
#include "smsdesk/phone.h"
#include "smsdesk/store.h"
#include "smsdesk/when.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_GRID 256

int staffbook_parse_time(const struct catalog *cat, const char *s, int64_t *out)
{
	char iso[32];
	size_t n;

	if (s == NULL)
		return -1;
	n = strlen(s);
	/* Exactly YYYY-MM-DDTHH:MM (or a space for the T): sscanf alone
	 * would take "2026-3-3T9:00" and trailing junk. */
	if (n != 16 || (s[10] != 'T' && s[10] != ' ' && s[10] != 't'))
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return -1;
		} else if (i == 13) {
			if (s[i] != ':')
				return -1;
		} else if (i != 10 && (s[i] < '0' || s[i] > '9')) {
			return -1;
		}
	}
	memcpy(iso, s, n + 1);
	iso[10] = 'T';
	return when_parse_iso_local(cat->timezone, iso, out);
}

int staffbook_parse_day(const struct catalog *cat, const char *s, int64_t *from,
			int64_t *to)
{
	const struct civil_zone *z = when_zone_of(cat);
	struct when_day day, next;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	if (when_day_make(atoi(s), atoi(s + 5), atoi(s + 8), &day) != 0)
		return -1;
	if (z == NULL)
		return -1;
	next = when_day_add(day, 1);
	*from = when_epoch_in(z, &day, 0);
	*to = when_epoch_in(z, &next, 0);
	return 0;
}

void staffbook_when(const struct catalog *cat, int64_t t, int with_day,
		    char *out, size_t cap)
{
	static const char *const wd[7] = {"Mon", "Tue", "Wed", "Thu",
					  "Fri", "Sat", "Sun"};
	static const char *const mon[12] = {"Jan", "Feb", "Mar", "Apr",
					    "May", "Jun", "Jul", "Aug",
					    "Sep", "Oct", "Nov", "Dec"};
	const struct civil_zone *z = when_zone_of(cat);
	struct when_local l;

	if (z == NULL) {
		snprintf(out, cap, "?");
		return;
	}
	when_local_in(z, t, &l);
	if (!with_day) {
		snprintf(out, cap, "%02d:%02d", l.minute / 60, l.minute % 60);
		return;
	}
	snprintf(out, cap, "%s %d %s %d %02d:%02d", wd[l.day.wday % 7],
		 l.day.mday, mon[(l.day.month + 11) % 12], l.day.year,
		 l.minute / 60, l.minute % 60);
}

/* "10:00, 10:30" for the slots of svc nearest to minute m on day. */
static void nearest(const struct catalog *cat, const struct cat_service *svc,
		    const struct when_day *day, int m, char *out, size_t cap)
{
	int grid[MAX_GRID], best[2] = {-1, -1};
	size_t n = when_slots_of(cat, day, svc->minutes, grid, MAX_GRID);
	size_t pos = 0;

	if (n > MAX_GRID)
		n = MAX_GRID;
	/* The last slot starting at or before m, and the first after. */
	for (size_t i = 0; i < n; i++) {
		if (grid[i] <= m)
			best[0] = grid[i];
		else if (best[1] < 0)
			best[1] = grid[i];
	}
	out[0] = '\0';
	for (int i = 0; i < 2; i++) {
		if (best[i] < 0)
			continue;
		int k =
		    snprintf(out + pos, cap - pos, "%s%02d:%02d",
			     pos > 0 ? ", " : "", best[i] / 60, best[i] % 60);
		if (k < 0 || (size_t)k >= cap - pos)
			break;
		pos += (size_t)k;
	}
}

int staffbook_check_slot(const struct catalog *cat,
			 const struct cat_service *svc, int64_t t, char *why,
			 size_t cap)
{
	const struct civil_zone *z = when_zone_of(cat);
	int open[8], close[8];
	struct when_local l;
	char near[64], day[32];
	size_t np;

	if (z == NULL) {
		snprintf(why, cap, "that time cannot be placed in %s",
			 cat->timezone);
		return -1;
	}
	when_local_in(z, t, &l);
	when_day_iso(&l.day, day, sizeof(day));
	np = when_hours_of(cat, &l.day, open, close, 8);
	if (np == 0) {
		snprintf(why, cap, "%s is closed on %s (%s)",
			 cat->business_name, day,
			 when_is_closed_day(cat, &l.day)
			     ? "a closed date in the catalog"
			     : "not in the opening hours");
		return -1;
	}
	if (when_is_slot(cat, &l.day, svc->minutes, l.minute))
		return 0;
	nearest(cat, svc, &l.day, l.minute, near, sizeof(near));
	int inside = 0;
	for (size_t i = 0; i < np; i++)
		inside |=
		    l.minute >= open[i] && l.minute + svc->minutes <= close[i];
	if (inside)
		snprintf(why, cap,
			 "%02d:%02d is not a slot start for %s (every %d "
			 "minutes from opening)%s%s",
			 l.minute / 60, l.minute % 60, svc->name, svc->minutes,
			 near[0] != '\0' ? "; nearest: " : "", near);
	else
		snprintf(why, cap,
			 "%02d:%02d on %s is outside opening hours for %s (%d "
			 "minutes)%s%s",
			 l.minute / 60, l.minute % 60, day, svc->name,
			 svc->minutes, near[0] != '\0' ? "; nearest: " : "",
			 near);
	return -1;
}

/* ---- texts to the customer ------------------------------------------------
 */

/* LANG's pack when the business answers in it, else its first language's
 * (NULL when that has none). */
static const struct lang_pack *pack_in(const struct catalog *cat,
				       const char *lang)
{
	for (size_t i = 0; lang != NULL && i < cat->n_languages; i++)
		if (strcmp(cat->languages[i], lang) == 0 &&
		    lang_pack_for(lang) != NULL)
			return lang_pack_for(lang);
	return cat->n_languages > 0 ? lang_pack_for(cat->languages[0]) : NULL;
}

/* The business's own wording of NAME in LANG, else that language's, else
 * English. */
static const char *wording(const struct catalog *cat, const char *lang,
			   const char *name)
{
	const struct lang_pack *pack = pack_in(cat, lang);
	const char *t;

	if ((t = catalog_reply(cat, name, pack != NULL ? pack->code : NULL)) !=
	    NULL)
		return t;
	t = pack != NULL ? lang_template(pack, name) : NULL;
	if (t == NULL)
		t = lang_template(lang_default(), name);
	return t != NULL ? t : "";
}

/* "Tue 3 Mar 10:00" in the pack's words, as the desk writes it. */
static void text_when(const struct catalog *cat, const char *lang, int64_t t,
		      char *out, size_t cap)
{
	const struct civil_zone *z = when_zone_of(cat);
	const struct lang_pack *pack = pack_in(cat, lang);
	struct when_local l;
	char mday[8], day[64];

	if (pack == NULL)
		pack = lang_default();
	if (z == NULL) {
		snprintf(out, cap, "?");
		return;
	}
	when_local_in(z, t, &l);
	snprintf(mday, sizeof(mday), "%d", l.day.mday);
	struct lang_var v[] = {
	    {.name = "wday", .value = pack->wday_abbr[l.day.wday % 7]},
	    {.name = "mday", .value = mday},
	    {.name = "month",
	     .value = pack->month_abbr[(l.day.month + 11) % 12]},
	};
	lang_render(wording(cat, lang, "date"), v, 3, day, sizeof(day));
	snprintf(out, cap, "%s %02d:%02d", day, l.minute / 60, l.minute % 60);
}

int staffbook_text(const struct catalog *cat, enum staffbook_text kind,
		   const struct store_booking *b, int64_t old_start, char *out,
		   size_t cap)
{
	return staffbook_text_in(cat, NULL, kind, b, old_start, out, cap);
}

int staffbook_text_for(struct store *st, const struct catalog *cat,
		       enum staffbook_text kind, const struct store_booking *b,
		       int64_t old_start, char *out, size_t cap)
{
	char lang[8] = "";

	if (store_conv_lang(st, b->customer, lang, sizeof(lang)) < 0)
		lang[0] = '\0';
	return staffbook_text_in(cat, lang, kind, b, old_start, out, cap);
}

int staffbook_text_in(const struct catalog *cat, const char *lang,
		      enum staffbook_text kind, const struct store_booking *b,
		      int64_t old_start, char *out, size_t cap)
{
	const struct cat_service *svc = catalog_service(cat, b->service);
	const char *name = "staff_booked";
	char when[80], old_when[80];
	size_t n;

	if (svc == NULL)
		return -1;
	switch (kind) {
	case STAFFBOOK_BOOKED:
		name = "staff_booked";
		break;
	case STAFFBOOK_MOVED:
		name = "staff_moved";
		break;
	case STAFFBOOK_CANCELLED:
		name = "staff_cancelled";
		break;
	}
	const struct lang_pack *pack = pack_in(cat, lang);
	const char *code = pack != NULL ? pack->code : NULL;
	text_when(cat, lang, b->start, when, sizeof(when));
	text_when(cat, lang, old_start, old_when, sizeof(old_when));
	struct lang_var v[] = {
	    {.name = "service",
	     .value = catalog_tr(svc->names, svc->n_names, code, svc->name)},
	    {.name = "when", .value = when},
	    {.name = "old_when", .value = old_when},
	    {.name = "price", .value = svc->price},
	    {.name = "ref", .value = b->ref},
	    {.name = "business", .value = cat->business_name},
	};
	n = lang_render(wording(cat, lang, name), v, sizeof(v) / sizeof(v[0]),
			out, cap);
	/* check warns when a wording can outgrow max_segments; the last
	 * resort keeps whole words, as the desk's replies do */
	if (lang_segments(out) > cat->policy.max_segments) {
		lang_trim_words(out, cap, cat->policy.max_segments);
		n = strlen(out);
	}
	return (int)n;
}

int staffbook_notify(struct store *st, const struct catalog *cat,
		     const char *to, const char *text, int64_t now,
		     int64_t *msg_id, char *err, size_t errlen)
{
	int rc;

	err[0] = '\0';
	if (to == NULL || to[0] == '\0')
		return STAFFBOOK_NO_NUMBER;
	rc = store_is_opted_out(st, to, NULL);
	if (rc < 0) {
		snprintf(err, errlen, "%s", store_errmsg(st));
		return rc;
	}
	if (rc == 1)
		return STAFFBOOK_OPTED_OUT;
	struct outbox_text t = {.to = to,
				.country = cat->country,
				.text = text,
				.origin = STORE_ORIGIN_STAFF,
				.max_segments = cat->policy.max_segments,
				.national_shift = cat->policy.national_shift,
				/* queued by a staff command for the daemon,
				 * whose clock may be pinned (see cmd_send) */
				.due_at = STORE_DUE_AT_ONCE};
	rc = outbox_queue(st, &t, now, msg_id, err, errlen);
	return rc < 0 ? rc : STAFFBOOK_QUEUED;
}

int staffbook_number(const struct catalog *cat, const char *typed, char *out,
		     size_t cap, char *why, size_t whycap)
{
	int rc = phone_to_e164(typed, cat->country, out, cap);

	if (rc != PHONE_OK) {
		snprintf(why, whycap,
			 "'%s' is not a phone number we can text: %s", typed,
			 phone_error_text(rc));
		return -1;
	}
	return 0;
}
