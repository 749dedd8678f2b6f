/* when: date and time phrases, local civil time, slot arithmetic. */
#include "smsdesk/when.h"

#include "smsdesk/catalog.h"
#include "smsdesk/civil.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DAY_MIN (24 * 60)

/* ---- civil days ---------------------------------------------------------- */

static struct when_day day_of_number(int64_t z)
{
	struct when_day out;

	civil_from_days(z, &out.year, &out.month, &out.mday);
	out.wday = civil_weekday(z);
	return out;
}

static int64_t day_number(const struct when_day *d)
{
	return civil_days(d->year, d->month, d->mday);
}

struct when_day when_day_add(struct when_day day, int n)
{
	return day_of_number(day_number(&day) + n);
}

void when_req_drop_unmeant(struct when_req *r)
{
	if (!r->day_not_meant || !r->has_day)
		return;
	r->has_not_day = 1;
	r->not_day = r->day;
	r->has_day = 0;
	r->day_explicit = 0;
}

int when_day_cmp(const struct when_day *a, const struct when_day *b)
{
	int64_t x = day_number(a), y = day_number(b);
	return (x > y) - (x < y);
}

int when_day_diff(const struct when_day *a, const struct when_day *b)
{
	return (int)(day_number(b) - day_number(a));
}

int when_day_make(int year, int month, int mday, struct when_day *out)
{
	if (year < 1970 || year > 9999 || !civil_valid(year, month, mday))
		return -1;
	*out = day_of_number(civil_days(year, month, mday));
	return 0;
}

static const char *const wday_abbr[7] = {"Mon", "Tue", "Wed", "Thu",
					 "Fri", "Sat", "Sun"};
static const char *const month_abbr[12] = {"Jan", "Feb", "Mar", "Apr",
					   "May", "Jun", "Jul", "Aug",
					   "Sep", "Oct", "Nov", "Dec"};

/* Digits by hand: these run for every slot the desk looks at. */
static char *put2(char *p, int v)
{
	*p++ = (char)('0' + v / 10 % 10);
	*p++ = (char)('0' + v % 10);
	return p;
}

void when_day_iso(const struct when_day *day, char *out, size_t cap)
{
	char buf[11], *p = buf;

	if (day->year < 0 || day->year > 9999) {
		snprintf(out, cap, "%04d-%02d-%02d", day->year, day->month,
			 day->mday);
		return;
	}
	p = put2(p, day->year / 100);
	p = put2(p, day->year % 100);
	*p++ = '-';
	p = put2(p, day->month);
	*p++ = '-';
	p = put2(p, day->mday);
	*p = '\0';
	if (cap >= sizeof(buf)) {
		memcpy(out, buf, sizeof(buf));
	} else if (cap > 0) {
		memcpy(out, buf, cap - 1);
		out[cap - 1] = '\0';
	}
}

void when_day_human(const struct when_day *day, char *out, size_t cap)
{
	snprintf(out, cap, "%s %d %s", wday_abbr[day->wday % 7], day->mday,
		 month_abbr[(day->month - 1) % 12]);
}

void when_minute_hhmm(int minute, char *out, size_t cap)
{
	char buf[6], *p = buf;

	if (minute < 0)
		minute = 0;
	p = put2(p, (minute / 60) % 24);
	*p++ = ':';
	p = put2(p, minute % 60);
	*p = '\0';
	if (cap >= sizeof(buf)) {
		memcpy(out, buf, sizeof(buf));
	} else if (cap > 0) {
		memcpy(out, buf, cap - 1);
		out[cap - 1] = '\0';
	}
}

/* ---- time zones ---------------------------------------------------------- */

/*
 * Zones by name for callers that still pass a name (and catalogs built by
 * hand in tests): each is read once and kept for the life of the process.
 * The catalog's own zone object is the way forward (when_zone).
 */
#define ZONE_CACHE 8
static struct {
	char name[64];
	struct civil_zone *zone;
} zone_cache[ZONE_CACHE];

const struct civil_zone *when_zone_named(const char *tz)
{
	if (tz == NULL || tz[0] == '\0' || strlen(tz) >= 64)
		return NULL;
	for (size_t i = 0; i < ZONE_CACHE && zone_cache[i].zone != NULL; i++)
		if (strcmp(zone_cache[i].name, tz) == 0)
			return zone_cache[i].zone;
	struct civil_zone *z = civil_zone_load(tz, NULL, 0);
	if (z == NULL)
		return NULL;
	for (size_t i = 0; i < ZONE_CACHE; i++) {
		if (zone_cache[i].zone == NULL) {
			snprintf(zone_cache[i].name, sizeof(zone_cache[i].name),
				 "%s", tz);
			zone_cache[i].zone = z;
			return z;
		}
	}
	/* Full: the oldest goes. Names are few (one per catalog), so this is
	 * a test running through many zones; nobody holds the old one. */
	civil_zone_free(zone_cache[0].zone);
	memmove(&zone_cache[0], &zone_cache[1],
		sizeof(zone_cache[0]) * (ZONE_CACHE - 1));
	snprintf(zone_cache[ZONE_CACHE - 1].name, sizeof(zone_cache[0].name),
		 "%s", tz);
	zone_cache[ZONE_CACHE - 1].zone = z;
	return z;
}

const struct civil_zone *when_zone_of(const struct catalog *cat)
{
	if (cat == NULL)
		return NULL;
	if (cat->zone != NULL)
		return cat->zone;
	return when_zone_named(cat->timezone);
}

int when_tz_enter(const char *tz, struct when_tz_saved *s)
{
	s->switched = 0;
	return when_zone_named(tz) != NULL ? 0 : -1;
}

void when_tz_leave(const struct when_tz_saved *s)
{
	(void)s;
}

void when_local_in(const struct civil_zone *z, int64_t t,
		   struct when_local *out)
{
	struct civil_time c;

	civil_zone_local(z, t, &c);
	out->day.year = c.year;
	out->day.month = c.month;
	out->day.mday = c.mday;
	out->day.wday = c.wday;
	out->minute = c.hour * 60 + c.minute;
}

int64_t when_epoch_in(const struct civil_zone *z, const struct when_day *day,
		      int minute)
{
	return civil_zone_epoch(z, day_number(day), (int64_t)minute * 60);
}

int when_local_of(const char *tz, time_t t, struct when_local *out)
{
	const struct civil_zone *z = when_zone_named(tz);

	if (z == NULL)
		return -1;
	when_local_in(z, (int64_t)t, out);
	if (out->day.year < 1970 || out->day.year > 9999)
		return -1;
	return 0;
}

int when_epoch_of(const char *tz, const struct when_day *day, int minute,
		  time_t *out)
{
	const struct civil_zone *z = when_zone_named(tz);

	if (z == NULL)
		return -1;
	*out = (time_t)when_epoch_in(z, day, minute);
	return 0;
}

/* ---- opening hours and slots --------------------------------------------- */

int when_is_closed_day(const struct catalog *cat, const struct when_day *day)
{
	char iso[16];
	size_t lo = 0, hi = cat->n_closed;

	if (hi == 0)
		return 0;
	when_day_iso(day, iso, sizeof(iso));
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(cat->closed[mid], iso);
		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

size_t when_hours_of(const struct catalog *cat, const struct when_day *day,
		     int *open, int *close, size_t cap)
{
	size_t n = 0;

	if (when_is_closed_day(cat, day))
		return 0;
	for (size_t i = 0; i < cat->n_hours && n < cap; i++) {
		const struct cat_hours *h = &cat->hours[i];
		if (!(h->days & (1u << day->wday)))
			continue;
		/* Insert in time order: a day may have a morning and an
		 * afternoon period. */
		size_t j = n;
		while (j > 0 && open[j - 1] > h->open_min) {
			open[j] = open[j - 1];
			close[j] = close[j - 1];
			j--;
		}
		open[j] = h->open_min;
		close[j] = h->close_min;
		n++;
	}
	/* Periods that meet or overlap are one ("13:30-19:00" and a late
	 * "19:00-20:30" on Thursdays: open 13:30-20:30, review fr11) */
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		if (m > 0 && open[i] <= close[m - 1]) {
			if (close[i] > close[m - 1])
				close[m - 1] = close[i];
			continue;
		}
		open[m] = open[i];
		close[m] = close[i];
		m++;
	}
	return m;
}

int when_slot_step(const struct catalog *cat, int len)
{
	int s = cat != NULL ? cat->policy.slot_minutes : 0;
	return s > 0 && s < len ? s : len;
}

size_t when_slots_of(const struct catalog *cat, const struct when_day *day,
		     int len, int *out, size_t cap)
{
	int open[8], close[8];
	size_t np = when_hours_of(cat, day, open, close, 8), n = 0;
	int step = when_slot_step(cat, len);

	if (len <= 0)
		return 0;
	for (size_t p = 0; p < np; p++) {
		for (int t = open[p]; t + len <= close[p]; t += step) {
			/* Overlapping periods must not list a start twice. */
			int dup = 0;
			for (size_t k = 0; k < n && k < cap; k++)
				dup |= out[k] == t;
			if (dup)
				continue;
			if (n < cap)
				out[n] = t;
			n++;
		}
	}
	/* Periods are sorted by opening, so starts are nearly sorted; make it
	 * exact for overlapping periods. */
	size_t m = n < cap ? n : cap;
	for (size_t i = 1; i < m; i++) {
		int v = out[i];
		size_t j = i;
		while (j > 0 && out[j - 1] > v) {
			out[j] = out[j - 1];
			j--;
		}
		out[j] = v;
	}
	return n;
}

int when_is_slot(const struct catalog *cat, const struct when_day *day, int len,
		 int minute)
{
	int open[8], close[8];
	size_t np = when_hours_of(cat, day, open, close, 8);

	if (len <= 0)
		return 0;
	for (size_t p = 0; p < np; p++) {
		if (minute >= open[p] && minute + len <= close[p] &&
		    (minute - open[p]) % when_slot_step(cat, len) == 0)
			return 1;
	}
	return 0;
}

int when_parse_iso_local(const char *tz, const char *s, int64_t *out)
{
	int y, mo, d, h, mi;
	char tail;
	struct when_day day;
	time_t t;

	if (sscanf(s, "%4d-%2d-%2dT%2d:%2d%c", &y, &mo, &d, &h, &mi, &tail) !=
		5 ||
	    h < 0 || h > 23 || mi < 0 || mi > 59 ||
	    when_day_make(y, mo, d, &day) != 0 ||
	    when_epoch_of(tz, &day, h * 60 + mi, &t) != 0)
		return -1;
	*out = (int64_t)t;
	return 0;
}

/* ---- explaining ------------------------------------------------------------
 */

static size_t put(char *out, size_t cap, size_t n, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static size_t put(char *out, size_t cap, size_t n, const char *fmt, ...)
{
	va_list ap;

	if (n >= cap)
		return n;
	va_start(ap, fmt);
	int k = vsnprintf(out + n, cap - n, fmt, ap);
	va_end(ap);
	if (k < 0)
		return n;
	n += (size_t)k;
	return n < cap ? n : cap - 1;
}

/* " (the words)" from the text, or " (rule)". */
static size_t quote(char *out, size_t cap, size_t n, const char *text, int from,
		    int to, const char *rule)
{
	if (text != NULL && from >= 0 && to > from &&
	    (size_t)to <= strlen(text)) {
		int len = to - from > 48 ? 48 : to - from;
		return put(out, cap, n, " (%.*s)", len, text + from);
	}
	if (rule != NULL)
		return put(out, cap, n, " (%s)", rule);
	return n;
}

void when_describe(const char *text, const struct when_req *r, char *out,
		   size_t cap)
{
	static const char *const problems[] = {
	    [WHEN_FINE] = "fine",
	    [WHEN_AMBIGUOUS_TIME] = "ambiguous time",
	    [WHEN_AMBIGUOUS_DATE] = "ambiguous day",
	    [WHEN_BAD_DATE] = "no such date",
	    [WHEN_PAST] = "already passed",
	};
	char a[32], b[32];
	size_t n = 0;

	if (cap == 0)
		return;
	out[0] = '\0';
	if (r->has_day) {
		when_day_human(&r->day, a, sizeof(a));
		n = put(out, cap, n, "day %s %d", a, r->day.year);
		n = quote(out, cap, n, text, r->day_from, r->day_to,
			  r->day_rule);
	} else if (r->has_range) {
		when_day_human(&r->range_first, a, sizeof(a));
		when_day_human(&r->range_last, b, sizeof(b));
		n = put(out, cap, n, "days %s - %s", a, b);
		n = quote(out, cap, n, text, r->day_from, r->day_to,
			  r->day_rule);
	} else {
		n = put(out, cap, n, "no day");
	}
	switch (r->time) {
	case WHEN_TIME_NONE:
		n = put(out, cap, n, ", no time");
		break;
	case WHEN_TIME_ASAP:
		n = put(out, cap, n, ", time earliest");
		break;
	case WHEN_TIME_AT:
		if (r->from_min >= 0) {
			when_minute_hhmm(r->from_min, a, sizeof(a));
			n = put(out, cap, n, ", time %s", a);
		} else {
			when_minute_hhmm(r->alt_min[0], a, sizeof(a));
			when_minute_hhmm(r->alt_min[1], b, sizeof(b));
			n = put(out, cap, n, ", time %s or %s", a, b);
		}
		break;
	case WHEN_TIME_WINDOW:
		when_minute_hhmm(r->from_min, a, sizeof(a));
		if (r->to_min >= 24 * 60)
			snprintf(b, sizeof(b), "24:00");
		else
			when_minute_hhmm(r->to_min, b, sizeof(b));
		n = put(out, cap, n, ", time window %s-%s", a, b);
		break;
	}
	if (r->time != WHEN_TIME_NONE)
		n = quote(out, cap, n, text, r->time_from, r->time_to,
			  r->time_rule);
	if (r->problem != WHEN_FINE)
		n = put(out, cap, n, ", %s", problems[r->problem]);
	if (r->unsure)
		n = put(out, cap, n, ", unsure: ask");
}
