/* when: date and time phrases, local civil time, slot arithmetic. */
#include "smsdesk/when.h"

#include "smsdesk/catalog.h"
#include "smsdesk/civil.h"

#include <ctype.h>
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

void when_day_iso(const struct when_day *day, char *out, size_t cap)
{
	snprintf(out, cap, "%04d-%02d-%02d", day->year, day->month, day->mday);
}

void when_day_human(const struct when_day *day, char *out, size_t cap)
{
	snprintf(out, cap, "%s %d %s", wday_abbr[day->wday % 7], day->mday,
		 month_abbr[(day->month - 1) % 12]);
}

void when_minute_hhmm(int minute, char *out, size_t cap)
{
	if (minute < 0)
		minute = 0;
	snprintf(out, cap, "%02d:%02d", (minute / 60) % 24, minute % 60);
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
	return n;
}

size_t when_slots_of(const struct catalog *cat, const struct when_day *day,
		     int len, int *out, size_t cap)
{
	int open[8], close[8];
	size_t np = when_hours_of(cat, day, open, close, 8), n = 0;

	if (len <= 0)
		return 0;
	for (size_t p = 0; p < np; p++) {
		for (int t = open[p]; t + len <= close[p]; t += len) {
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
		    (minute - open[p]) % len == 0)
			return 1;
	}
	return 0;
}

/* ---- reading what customers write ---------------------------------------- */

/*
 * Text is cut into ASCII words and numbers; anything else (accents, emoji,
 * invalid bytes) separates. "10am" becomes "10" "am" joined, "10:30" keeps
 * its ':' so times and dates can be told apart.
 */
#define MAX_TOKS 96
#define TOK_CAP	 16

struct tok {
	char s[TOK_CAP];
	int num;     /* value when a number, else -1 */
	int ndigits; /* digits in a number (leading zeros count) */
	char sep;    /* joins to the next token: ':' '.' '/' '-' 'j' or ' ' */
};

struct toks {
	struct tok v[MAX_TOKS];
	int n;
};

/* Whole SMS-speak words that would otherwise split at the digit. */
static const struct {
	const char *from, *to;
} run_alias[] = {
    {"2day", "today"},	   {"2moro", "tomorrow"},  {"2morrow", "tomorrow"},
    {"2mrw", "tomorrow"},  {"2mro", "tomorrow"},   {"2mor", "tomorrow"},
    {"2mora", "tomorrow"}, {"2nite", "tonight"},   {"2nyt", "tonight"},
    {"b4", "before"},	   {"4noon", "afternoon"},
};

static void tok_push(struct toks *t, const char *s, size_t len)
{
	if (t->n >= MAX_TOKS)
		return;
	struct tok *k = &t->v[t->n++];
	size_t n = len < TOK_CAP - 1 ? len : TOK_CAP - 1;
	memcpy(k->s, s, n);
	k->s[n] = '\0';
	if (len >= TOK_CAP - 1)
		k->s[0] = '~'; /* too long to be anything we read */
	k->num = -1;
	k->ndigits = 0;
	k->sep = ' ';
	if (isdigit((unsigned char)s[0])) {
		k->ndigits = (int)len;
		k->num = len <= 4 ? atoi(k->s) : -1;
	}
}

/* Split one alphanumeric run at letter/digit boundaries. */
static void tok_run(struct toks *t, const char *run, size_t len)
{
	for (size_t a = 0; a < sizeof(run_alias) / sizeof(run_alias[0]); a++) {
		if (strlen(run_alias[a].from) == len &&
		    memcmp(run_alias[a].from, run, len) == 0) {
			tok_push(t, run_alias[a].to, strlen(run_alias[a].to));
			return;
		}
	}
	size_t i = 0;
	while (i < len) {
		size_t j = i + 1;
		int digit = isdigit((unsigned char)run[i]) != 0;
		while (j < len &&
		       (isdigit((unsigned char)run[j]) != 0) == digit)
			j++;
		tok_push(t, run + i, j - i);
		if (j < len && t->n > 0)
			t->v[t->n - 1].sep = 'j';
		i = j;
	}
}

static void tokenize(const char *text, struct toks *t)
{
	char run[64];
	size_t rn = 0;
	const unsigned char *p = (const unsigned char *)text;

	t->n = 0;
	for (;; p++) {
		unsigned char c = *p;
		if (isalnum(c) && c < 0x80) {
			if (rn < sizeof(run))
				run[rn++] = (char)tolower(c);
			continue;
		}
		if (c == '\'' && rn > 0 && isalpha(p[1]))
			continue; /* "o'clock", "can't" */
		if (rn > 0) {
			tok_run(t, run, rn);
			rn = 0;
			if (t->n > 0 && c != '\0' &&
			    (c == ':' || c == '.' || c == '/' || c == '-') &&
			    isalnum(p[1]) && p[1] < 0x80)
				t->v[t->n - 1].sep = (char)c;
		}
		if (c == '@')
			tok_push(t, "at", 2);
		if (c == '\0')
			break;
	}
	if (t->n > 0)
		t->v[t->n - 1].sep = ' '; /* nothing follows, even if cut */
}

static int is(const struct toks *t, int i, const char *w)
{
	return i >= 0 && i < t->n && strcmp(t->v[i].s, w) == 0;
}

static int is_any(const struct toks *t, int i, const char *const *ws)
{
	for (; *ws != NULL; ws++)
		if (is(t, i, *ws))
			return 1;
	return 0;
}

static int num_at(const struct toks *t, int i)
{
	return i >= 0 && i < t->n ? t->v[i].num : -1;
}

static const char *const w_today[] = {"today", "tday", "tdy", "todays", NULL};
static const char *const w_tonight[] = {"tonight", "tonite", NULL};
static const char *const w_tomorrow[] = {
    "tomorrow", "tmrw",	     "tmr",	"tmrow",     "tomoz",	"tomorow",
    "tommorow", "tommorrow", "tomorrw", "tomorro",   "tomo",	"tmw",
    "tomrw",	"tomorrows", "morrow",	"tommorows", "tomrrow", NULL};
static const char *const w_asap[] = {"asap", "earliest", "soonest",
				     "now",  "soon",	 NULL};
static const char *const w_morning[] = {"morning", "mornin", "morn", "mornings",
					NULL};
static const char *const w_afternoon[] = {"afternoon", "arvo", "afternoons",
					  "aftnoon", NULL};
static const char *const w_evening[] = {"evening",  "eve",   "evenin",
					"evenings", "night", NULL};
static const char *const w_after[] = {"after", "aftr", "from",
				      "frm",   "past", NULL};
static const char *const w_before[] = {"before", "by",	"until", "till",
				       "til",	 "bfr", "befor", NULL};
static const char *const w_timectx[] = {
    "at",    "about",  "around", "abt",	   "arnd",  "round", "for",	"from",
    "after", "before", "by",	 "till",   "until", "til",   "between", "and",
    "to",    "aftr",   "past",	 "approx", "ish",   NULL};

static int weekday_of(const char *s)
{
	static const char *const names[7][6] = {
	    {"mon", "monday", "mondays", "mo", NULL},
	    {"tue", "tues", "tuesday", "tuesdays", "tu", NULL},
	    {"wed", "weds", "wednesday", "wednesdays", "wensday", NULL},
	    {"thu", "thur", "thurs", "thursday", "thursdays", NULL},
	    {"fri", "friday", "fridays", "fr", NULL},
	    {"sat", "saturday", "saturdays", "satur", "sa", NULL},
	    {"sun", "sunday", "sundays", "su", NULL},
	};
	for (int d = 0; d < 7; d++)
		for (int k = 0; names[d][k] != NULL; k++)
			if (strcmp(names[d][k], s) == 0)
				return d;
	return -1;
}

static int month_of(const char *s)
{
	static const char *const names[12][4] = {
	    {"jan", "january", NULL},
	    {"feb", "february", "febuary", NULL},
	    {"mar", "march", NULL},
	    {"apr", "april", NULL},
	    {"may", NULL},
	    {"jun", "june", NULL},
	    {"jul", "july", NULL},
	    {"aug", "august", NULL},
	    {"sep", "sept", "september", NULL},
	    {"oct", "october", NULL},
	    {"nov", "november", NULL},
	    {"dec", "december", NULL},
	};
	for (int m = 0; m < 12; m++)
		for (int k = 0; names[m][k] != NULL; k++)
			if (strcmp(names[m][k], s) == 0)
				return m + 1;
	return 0;
}

static int is_ordinal(const struct toks *t, int i)
{
	static const char *const suf[] = {"st", "nd", "rd", "th", NULL};
	return i > 0 && t->v[i - 1].sep == 'j' && is_any(t, i, suf);
}

/* A time as written, before opening hours settle a bare hour. */
struct tval {
	int min;    /* minutes after midnight (hour read as written) */
	int strong; /* am/pm, 24-hour clock or "noon": no doubt */
};

/* "am", "a.m", "pm", "p.m" at i: returns tokens used, sets *pm. */
static int ampm_at(const struct toks *t, int i, int *pm)
{
	if (is(t, i, "am") || is(t, i, "pm")) {
		*pm = t->v[i].s[0] == 'p';
		return 1;
	}
	if ((is(t, i, "a") || is(t, i, "p")) && t->v[i].sep == '.' &&
	    is(t, i + 1, "m")) {
		*pm = t->v[i].s[0] == 'p';
		return 2;
	}
	return 0;
}

static int apply_ampm(int h, int pm)
{
	if (h > 12)
		return h;
	return pm ? h % 12 + 12 : h % 12;
}

/*
 * A time starting at token i. CTX: a word before it made it a time ("at",
 * "after", a day name), so a bare number counts. Returns tokens used, 0 when
 * no time starts here.
 */
static int time_at(const struct toks *t, int i, int ctx, struct tval *out)
{
	int h = num_at(t, i), used, pm;

	if (is(t, i, "noon") || is(t, i, "midday")) {
		out->min = 720;
		out->strong = 1;
		return 1;
	}
	if ((is(t, i, "half") || is(t, i, "quarter")) && i + 1 < t->n) {
		int q = t->v[i].s[0] == 'q';
		int k = i + 1, to = 0;
		if (is(t, k, "past"))
			k++;
		else if (q && is(t, k, "to")) {
			k++;
			to = 1;
		} else if (q)
			return 0; /* "quarter" alone is not a time */
		struct tval hv;
		int n = time_at(t, k, 1, &hv);
		if (n == 0 || hv.min % 60 != 0)
			return 0;
		out->min = hv.min + (to ? -15 : q ? 15 : 30);
		out->strong = hv.strong;
		if (out->min < 0)
			out->min += DAY_MIN;
		return k - i + n;
	}
	if (h < 0 || t->v[i].ndigits > 4)
		return 0;
	/* 10:30, 10.30, 10h30 */
	if (t->v[i].ndigits <= 2 && h <= 24 &&
	    (t->v[i].sep == ':' || t->v[i].sep == '.' ||
	     (t->v[i].sep == 'j' && is(t, i + 1, "h") &&
	      t->v[i + 1].sep == 'j')) &&
	    i + (t->v[i].sep == 'j' ? 2 : 1) < t->n) {
		int mi = t->v[i].sep == 'j' ? i + 2 : i + 1;
		int m = num_at(t, mi);
		if (m < 0 || m > 59 || t->v[mi].ndigits != 2)
			return 0;
		if (t->v[i].sep == '.' && t->v[mi].sep == '.')
			return 0; /* 10.12.26 is a date */
		used = mi - i + 1;
		int n = ampm_at(t, mi + 1, &pm);
		out->min = (n ? apply_ampm(h, pm) : h % 24) * 60 + m;
		out->strong = n || h >= 13 || h == 0 ||
			      (t->v[i].ndigits == 2 && t->v[i].s[0] == '0');
		return used + n;
	}
	used = 1;
	int n = ampm_at(t, i + 1, &pm);
	if (t->v[i].ndigits >= 3) {
		/* 1030, 930: only with am/pm or after "at" */
		int hh = h / 100, mm = h % 100;
		if (hh > 23 || mm > 59 || (n == 0 && !ctx))
			return 0;
		out->min = (n ? apply_ampm(hh, pm) : hh) * 60 + mm;
		out->strong = n || hh >= 13 || t->v[i].s[0] == '0';
		return used + n;
	}
	if (n && h > 12 && h <= 23) {
		out->min = h * 60; /* "14pm": the 24-hour clock wins */
		out->strong = 1;
		return used + n;
	}
	if (h > 23 || (n && h == 0))
		return 0;
	if (n) {
		out->min = apply_ampm(h, pm) * 60;
		out->strong = 1;
		return used + n;
	}
	if (is(t, i + 1, "oclock") ||
	    (is(t, i + 1, "o") && is(t, i + 2, "clock"))) {
		out->min = h * 60;
		out->strong = h >= 13 || h == 0;
		return is(t, i + 1, "o") ? 3 : 2;
	}
	if (is(t, i + 1, "ish") || is(t, i + 1, "noon")) {
		out->min = h * 60;
		out->strong = h >= 13 || is(t, i + 1, "noon");
		return 2;
	}
	if (!ctx || is_ordinal(t, i + 1) || t->v[i].sep == 'j')
		return 0;
	out->min = h * 60;
	out->strong = h >= 13 || h == 0 || t->v[i].s[0] == '0';
	return 1;
}

/* The parser's scratch state. */
struct wparse {
	const struct toks *t;
	const struct when_local *now;
	struct when_req *r;
	int day_set;
	struct when_day day;
	int date_amb;
	int bad_date;
	int past_date;
	enum when_time_kind kind;
	struct tval at, lo, hi;
	int has_lo, has_hi;
	int tonight;
	int wday;      /* a weekday named, -1 if none */
	int wday_next; /* "next fri" */
	int asap_weak; /* ASAP from "soon"/"now" alone: a named time wins */
};

static void set_day(struct wparse *p, struct when_day d, int explicit)
{
	/* "monday or tuesday": two different days named is a question. */
	if (p->day_set && when_day_cmp(&p->day, &d) != 0)
		p->date_amb = 1;
	p->day_set = 1;
	p->day = d;
	p->r->day_explicit = explicit;
	p->r->mentioned = 1;
}

/* A day and month with no year: this year's, or next year's once gone. */
static void set_day_month(struct wparse *p, int d, int m, int y)
{
	struct when_day out;

	if (y >= 0) {
		if (y < 100)
			y += 2000;
		if (when_day_make(y, m, d, &out) != 0) {
			p->bad_date = 1;
			return;
		}
		if (when_day_cmp(&out, &p->now->day) < 0)
			p->past_date = 1;
		set_day(p, out, 1);
		return;
	}
	y = p->now->day.year;
	if (when_day_make(y, m, d, &out) == 0 &&
	    when_day_cmp(&out, &p->now->day) < 0)
		y++;
	if (when_day_make(y, m, d, &out) != 0 &&
	    when_day_make(y + 1, m, d, &out) != 0) {
		p->bad_date = 1;
		p->r->mentioned = 1;
		return;
	}
	set_day(p, out, 1);
}

/* Dates at token i; returns tokens used. */
static int date_at(struct wparse *p, int i)
{
	const struct toks *t = p->t;
	int a = num_at(t, i);
	int sep = i < t->n ? t->v[i].sep : ' ';

	if (a < 0)
		return 0;
	/* ISO 2026-12-25 */
	if (t->v[i].ndigits == 4 && sep == '-' && t->v[i + 1].sep == '-' &&
	    i + 2 < t->n) {
		set_day_month(p, num_at(t, i + 2), num_at(t, i + 1), a);
		return 3;
	}
	if (t->v[i].ndigits <= 2 && i + 1 < t->n && t->v[i + 1].num >= 0 &&
	    t->v[i + 1].ndigits <= 2 &&
	    (sep == '/' || sep == '-' || sep == '.')) {
		int b = num_at(t, i + 1), y = -1, used = 2;
		if (sep == '.' && t->v[i + 1].sep != '.' &&
		    t->v[i + 1].ndigits == 2 && a <= 24 && b <= 59)
			return 0; /* 10.30 is a time */
		if (sep == '-' && a <= 12 && b <= 12 && t->v[i].s[0] != '0' &&
		    t->v[i + 1].s[0] != '0')
			return 0; /* 2-4 is a range of hours */
		if ((t->v[i + 1].sep == sep) && num_at(t, i + 2) >= 0 &&
		    (t->v[i + 2].ndigits == 2 || t->v[i + 2].ndigits == 4)) {
			y = num_at(t, i + 2);
			used = 3;
		}
		p->r->mentioned = 1;
		if (sep == '-' && a <= 12 && b <= 12 && a != b) {
			p->date_amb = 1;
			return used;
		}
		if (b <= 12 && a <= 31)
			set_day_month(p, a, b, y); /* day first, as in the UK */
		else if (a <= 12 && b <= 31)
			set_day_month(p, b, a, y); /* 12/25 */
		else
			p->bad_date = 1;
		return used;
	}
	/* 25th dec, 25 of december, 25 december */
	int k = i + 1;
	if (is_ordinal(t, k))
		k++;
	if (is(t, k, "of"))
		k++;
	int m = k < t->n ? month_of(t->v[k].s) : 0;
	if (m > 0 && t->v[i].ndigits <= 2) {
		p->r->mentioned = 1;
		int y = -1, used = k - i + 1;
		if (num_at(t, k + 1) >= 1970 && t->v[k + 1].ndigits == 4) {
			y = num_at(t, k + 1);
			used++;
		}
		if (a < 1 || a > 31)
			p->bad_date = 1;
		else
			set_day_month(p, a, m, y);
		return used;
	}
	/* the 25th: this month's, or next month's once gone */
	if (is_ordinal(t, i + 1) && t->v[i].ndigits <= 2 &&
	    (is(t, i - 1, "the") || is(t, i - 1, "on") || a > 3)) {
		p->r->mentioned = 1;
		struct when_day out;
		int y = p->now->day.year, mo = p->now->day.month;
		if (a < 1 || a > 31) {
			p->bad_date = 1;
			return 2;
		}
		for (int tries = 0; tries < 3; tries++) {
			if (when_day_make(y, mo, a, &out) == 0 &&
			    when_day_cmp(&out, &p->now->day) >= 0) {
				set_day(p, out, 1);
				return 2;
			}
			if (++mo > 12) {
				mo = 1;
				y++;
			}
		}
		p->bad_date = 1;
		return 2;
	}
	return 0;
}

/* "in 2 hours", "in 30 mins": today, that many minutes from now. */
static int relative_at(struct wparse *p, int i)
{
	static const char *const hours[] = {"hour", "hours", "hr",
					    "hrs",  "h",     NULL};
	static const char *const mins[] = {"min",     "mins", "minute",
					   "minutes", "m",    NULL};
	const struct toks *t = p->t;
	int n = num_at(t, i + 1);

	if (!is(t, i, "in") || n < 0 || n > 600)
		return 0;
	int k = i + 2, per;
	if (is_any(t, k, hours))
		per = 60;
	else if (is_any(t, k, mins))
		per = 1;
	else
		return 0;
	int at = p->now->minute + n * per;
	if (at >= DAY_MIN)
		return 0; /* tomorrow by then: let the customer say so */
	set_day(p, p->now->day, 0);
	p->kind = WHEN_TIME_AT;
	p->at.min = at;
	p->at.strong = 1;
	return 3;
}

/* dec 25, december 25th */
static int month_first_at(struct wparse *p, int i)
{
	const struct toks *t = p->t;
	int m = month_of(t->v[i].s);
	int k = i + 1;

	if (m == 0)
		return 0;
	if (is(t, k, "the"))
		k++;
	int d = num_at(t, k);
	if (d < 0 || t->v[k].ndigits > 2)
		return 0;
	int used = k - i + 1;
	if (is_ordinal(t, k + 1))
		used++;
	p->r->mentioned = 1;
	int y = -1;
	if (num_at(t, i + used) >= 1970 && t->v[i + used].ndigits == 4) {
		y = num_at(t, i + used);
		used++;
	}
	if (d < 1 || d > 31)
		p->bad_date = 1;
	else
		set_day_month(p, d, m, y);
	return used;
}

static int weekday_at(struct wparse *p, int i)
{
	const struct toks *t = p->t;
	int w = weekday_of(t->v[i].s);

	if (w < 0)
		return 0;
	/* Two-letter forms only where nothing else could be meant. */
	if (strlen(t->v[i].s) == 2 && !is(t, i - 1, "next") &&
	    !is(t, i - 1, "this") && !is(t, i - 1, "on"))
		return 0;
	/* Settled at the end: "wed 1 apr" names one day, not two. */
	if (p->wday >= 0 && p->wday != w)
		p->date_amb = 1;
	p->wday = w;
	p->wday_next = is(t, i - 1, "next");
	p->r->mentioned = 1;
	return 1;
}

static int window_word_at(struct wparse *p, int i)
{
	const struct toks *t = p->t;
	int lo, hi;

	if (is_any(t, i, w_morning) ||
	    (is(t, i, "am") && i > 0 && t->v[i - 1].sep != 'j' &&
	     num_at(t, i - 1) < 0)) {
		lo = 0;
		hi = 720;
	} else if (is_any(t, i, w_afternoon) ||
		   (is(t, i, "pm") && i > 0 && t->v[i - 1].sep != 'j' &&
		    num_at(t, i - 1) < 0)) {
		lo = 720;
		hi = 1020;
	} else if (is_any(t, i, w_evening) || is_any(t, i, w_tonight)) {
		lo = 1020;
		hi = DAY_MIN;
	} else if (is(t, i, "lunch") || is(t, i, "lunchtime")) {
		lo = 720;
		hi = 840;
	} else {
		return 0;
	}
	if (p->kind == WHEN_TIME_NONE) {
		p->kind = WHEN_TIME_WINDOW;
		p->lo.min = lo;
		p->lo.strong = 1;
		p->hi.min = hi;
		p->hi.strong = 1;
		p->has_lo = p->has_hi = 1;
	}
	p->r->mentioned = 1;
	return 1;
}

/* after 4, before 2, between 2 and 4, 2-4pm, from 10 to 12 */
static int range_at(struct wparse *p, int i)
{
	const struct toks *t = p->t;
	struct tval a, b;
	int n, k;

	if (is_any(t, i, w_after) || is_any(t, i, w_before) ||
	    is(t, i, "between") || is(t, i, "btwn") || is(t, i, "btw")) {
		int before = is_any(t, i, w_before);
		k = i + 1;
		if (is(t, k, "about") || is(t, k, "around"))
			k++;
		n = time_at(t, k, 1, &a);
		if (n == 0)
			return 0;
		k += n;
		if ((is(t, k, "and") || is(t, k, "to") || is(t, k, "till") ||
		     is(t, k, "until") || t->v[k - 1].sep == '-') &&
		    !before) {
			int m = time_at(t, k + (t->v[k - 1].sep != '-'), 1, &b);
			if (m > 0) {
				k += m + (t->v[k - 1].sep != '-');
				goto both;
			}
		}
		p->kind = WHEN_TIME_WINDOW;
		p->r->mentioned = 1;
		if (before) {
			p->has_lo = 0;
			p->has_hi = 1;
			p->hi = a;
		} else {
			p->has_lo = 1;
			p->has_hi = 0;
			p->lo = a;
		}
		return k - i;
	}
	/* 2-4pm, 10-12 */
	if (num_at(t, i) >= 0 && t->v[i].sep == '-' && num_at(t, i + 1) >= 0) {
		n = time_at(t, i, 1, &a);
		if (n != 1)
			return 0;
		int m = time_at(t, i + 1, 1, &b);
		if (m == 0)
			return 0;
		k = i + 1 + m;
		goto both;
	}
	return 0;
both:
	/* "2-4pm": the am/pm of the end applies to the start too. */
	if (!a.strong && b.strong && b.min >= 720 && a.min < 720 &&
	    a.min + 720 < b.min)
		a.min += 720, a.strong = 1;
	p->kind = WHEN_TIME_WINDOW;
	p->lo = a;
	p->hi = b;
	p->has_lo = p->has_hi = 1;
	p->r->mentioned = 1;
	return k - i;
}

/* Does MINUTE fall inside opening hours (of DAY, or of any day)? */
static int open_at(const struct catalog *cat, const struct when_day *day,
		   int minute)
{
	if (day != NULL) {
		int open[8], close[8];
		size_t n = when_hours_of(cat, day, open, close, 8);
		for (size_t k = 0; k < n; k++)
			if (minute >= open[k] && minute < close[k])
				return 1;
		return 0;
	}
	for (size_t k = 0; k < cat->n_hours; k++)
		if (minute >= cat->hours[k].open_min &&
		    minute < cat->hours[k].close_min)
			return 1;
	return 0;
}

/*
 * A bare hour: the reading that falls inside opening hours. Returns the
 * minute, or -1 when both or neither do (then alt[] holds both).
 */
static int settle_hour(const struct catalog *cat, const struct when_day *day,
		       struct tval v, int alt[2])
{
	int h = v.min / 60;

	if (v.strong || h == 0 || h >= 12)
		return v.min;
	int am = v.min, pm = v.min + 720;
	alt[0] = am;
	alt[1] = pm;
	if (cat == NULL)
		return -1;
	int a = open_at(cat, day, am), b = open_at(cat, day, pm);
	if (a && !b)
		return am;
	if (b && !a)
		return pm;
	return -1;
}

/* For window ends doubt does not matter much: prefer business hours. */
static int settle_soft(const struct catalog *cat, const struct when_day *day,
		       struct tval v)
{
	int alt[2];
	int m = settle_hour(cat, day, v, alt);
	if (m >= 0)
		return m;
	return v.min / 60 <= 7 ? v.min + 720 : v.min;
}

static void finish(struct wparse *p, const struct catalog *cat)
{
	struct when_req *r = p->r;

	if (p->wday >= 0 && p->day_set && p->day.wday != p->wday) {
		p->date_amb = 1; /* "fri 1 apr" when the 1st is a Wednesday */
	} else if (p->wday >= 0 && !p->day_set) {
		int delta = (p->wday - p->now->day.wday + 7) % 7;
		if (p->wday_next && delta == 0)
			delta = 7;
		p->day_set = 1;
		p->day = when_day_add(p->now->day, delta);
		r->day_explicit = 1;
	}
	const struct when_day *day = p->day_set ? &p->day : NULL;

	if (p->tonight && !p->day_set) {
		p->day_set = 1;
		p->day = p->now->day;
		day = &p->day;
	}
	r->has_day = p->day_set;
	if (p->day_set)
		r->day = p->day;
	r->time = p->kind;
	switch (p->kind) {
	case WHEN_TIME_NONE:
	case WHEN_TIME_ASAP:
		break;
	case WHEN_TIME_AT: {
		int m = settle_hour(cat, day, p->at, r->alt_min);
		if (m < 0) {
			r->problem = WHEN_AMBIGUOUS_TIME;
			r->from_min = r->to_min = -1;
		} else {
			r->from_min = r->to_min = m;
		}
		break;
	}
	case WHEN_TIME_WINDOW:
		r->from_min = p->has_lo ? settle_soft(cat, day, p->lo) : 0;
		r->to_min = p->has_hi ? settle_soft(cat, day, p->hi) : DAY_MIN;
		if (r->to_min <= r->from_min && p->has_lo && p->has_hi &&
		    !p->hi.strong && r->to_min + 720 > r->from_min)
			r->to_min += 720;
		if (r->to_min <= r->from_min)
			r->problem = WHEN_AMBIGUOUS_TIME;
		break;
	}
	if (r->problem == WHEN_FINE && p->bad_date)
		r->problem = WHEN_BAD_DATE;
	if (r->problem == WHEN_FINE && p->date_amb)
		r->problem = WHEN_AMBIGUOUS_DATE;
	if (r->problem == WHEN_FINE && p->past_date)
		r->problem = WHEN_PAST;
	if (r->problem == WHEN_FINE && p->day_set &&
	    when_day_cmp(&p->day, &p->now->day) == 0) {
		if ((r->time == WHEN_TIME_AT && r->from_min < p->now->minute) ||
		    (r->time == WHEN_TIME_WINDOW &&
		     r->to_min <= p->now->minute))
			r->problem = WHEN_PAST;
	}
}

enum when_problem when_parse(const char *text, const struct when_local *now,
			     const struct catalog *cat, struct when_req *out)
{
	static struct toks t; /* big; the desk is single-threaded */
	struct wparse p;

	memset(out, 0, sizeof(*out));
	out->from_min = out->to_min = -1;
	out->alt_min[0] = out->alt_min[1] = -1;
	memset(&p, 0, sizeof(p));
	p.t = &t;
	p.now = now;
	p.r = out;
	p.wday = -1;
	tokenize(text == NULL ? "" : text, &t);

	for (int i = 0; i < t.n;) {
		int n;
		struct tval v;

		if (is_any(&t, i, w_today)) {
			set_day(&p, now->day, 0);
			i++;
			continue;
		}
		if (is_any(&t, i, w_tonight)) {
			set_day(&p, now->day, 0);
			if (p.kind == WHEN_TIME_NONE)
				window_word_at(&p, i);
			i++;
			continue;
		}
		if (is(&t, i, "day") && is(&t, i + 1, "after") &&
		    is_any(&t, i + 2, w_tomorrow)) {
			set_day(&p, when_day_add(now->day, 2), 0);
			i += 3;
			continue;
		}
		if (is_any(&t, i, w_tomorrow)) {
			set_day(&p, when_day_add(now->day, 1), 0);
			i++;
			continue;
		}
		if (is_any(&t, i, w_asap) ||
		    (is(&t, i, "as") && is(&t, i + 1, "soon")) ||
		    ((is(&t, i, "first") || is(&t, i, "next")) &&
		     (is(&t, i + 1, "available") || is(&t, i + 1, "free")))) {
			/* "see you soon", "book now for 2pm": chatter, not a
			 * request for the earliest slot, once a time is named.
			 */
			int weak = is(&t, i, "soon") || is(&t, i, "now");
			if (weak && p.kind != WHEN_TIME_NONE) {
				i++;
				continue;
			}
			p.asap_weak = weak;
			p.kind = WHEN_TIME_ASAP;
			out->mentioned = 1;
			i += is(&t, i, "as") || is(&t, i + 1, "available") ||
				     is(&t, i + 1, "free")
				 ? 2
				 : 1;
			continue;
		}
		if ((n = relative_at(&p, i)) > 0 || (n = date_at(&p, i)) > 0 ||
		    (n = month_first_at(&p, i)) > 0 ||
		    (n = weekday_at(&p, i)) > 0 || (n = range_at(&p, i)) > 0) {
			i += n;
			continue;
		}
		int ctx = i > 0 && (is_any(&t, i - 1, w_timectx) ||
				    weekday_of(t.v[i - 1].s) >= 0 ||
				    is_any(&t, i - 1, w_today) ||
				    is_any(&t, i - 1, w_tomorrow) ||
				    is_any(&t, i - 1, w_tonight));
		if ((n = time_at(&t, i, ctx, &v)) > 0) {
			if (p.kind != WHEN_TIME_ASAP || p.asap_weak) {
				p.kind = WHEN_TIME_AT;
				p.at = v;
			}
			out->mentioned = 1;
			i += n;
			continue;
		}
		if (window_word_at(&p, i) > 0) {
			i++;
			continue;
		}
		i++;
	}
	finish(&p, cat);
	return out->problem;
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
