/*
 * when_read: what customers write about days and times, read with rules on
 * word senses (when_vocab.h), so every language is data. A day is only set
 * by a word, date or expression that names one; a date-like word the rules
 * cannot place sets `unsure` so the desk asks.
 */
#include "smsdesk/when.h"

#include "smsdesk/catalog.h"
#include "smsdesk/civil.h"
#include "smsdesk/when_vocab.h"
#include "when_lex.h"

#include <stdint.h>
#include <string.h>

#define DAY_MIN (24 * 60)

/* A time as written, before opening hours settle a bare hour. */
struct tval {
	int min;    /* minutes after midnight (hour read as written) */
	int strong; /* am/pm, 24-hour clock or "noon": no doubt */
};

enum mod { M_NONE, M_NEXT, M_THIS, M_LAST, M_AFTER_NEXT };

struct rd {
	struct lex_text *t;
	const struct when_vocab *const *vocabs;
	size_t n_vocabs;
	const struct when_local *now;
	const struct catalog *cat;
	struct when_req *r;
	int day_first;
	/* the day */
	int day_set;
	struct when_day day;
	int wday; /* a bare weekday, settled at the end; -1 none */
	int wday_from, wday_to;
	int range_set;
	struct when_day rfirst, rlast;
	int date_amb, bad_date, past, unsure;
	int foreign; /* only another language's day word: unsure, but not
		      * a date mentioned in ours */
	int ctx_at;  /* a bare number at this token is a time */
	/* the time */
	enum when_time_kind kind;
	struct tval at, lo, hi;
	int has_lo, has_hi;
	int asap_weak;
	int hint, hint_lo, hint_hi; /* a part of the day named */
};

/* ---- helpers ------------------------------------------------------------- */

static const struct lex_hit *hit(const struct rd *rd, int i, unsigned sense)
{
	const struct lex_hit *best = NULL;

	if (i < 0 || i >= rd->t->n)
		return NULL;
	for (unsigned k = 0; k < rd->t->nhits[i]; k++) {
		const struct lex_hit *h = &rd->t->hits[i][k];
		if (h->sense == sense && (best == NULL || h->len > best->len))
			best = h;
	}
	return best;
}

static int has(const struct rd *rd, int i, unsigned sense)
{
	return hit(rd, i, sense) != NULL;
}

static const struct lex_tok *tok(const struct rd *rd, int i)
{
	static const struct lex_tok none = {.num = -1, .sep = ' '};
	return i >= 0 && i < rd->t->n ? &rd->t->v[i] : &none;
}

/* Index after any SKIP words ("the", "of", "de") from i. */
static int skip(const struct rd *rd, int i)
{
	const struct lex_hit *h;
	while ((h = hit(rd, i, WS_SKIP)) != NULL)
		i += h->len;
	return i;
}

/* A number at i, digits or a word: returns tokens used, 0 if none. */
static int number(const struct rd *rd, int i, int *v, int *word)
{
	const struct lex_hit *h;

	*word = 0;
	if (tok(rd, i)->num >= 0 && tok(rd, i)->ndigits <= 4) {
		*v = tok(rd, i)->num;
		return 1;
	}
	if ((h = hit(rd, i, WS_NUMBER)) != NULL) {
		*v = h->value;
		*word = 1;
		return h->len;
	}
	return 0;
}

static void mark(struct rd *rd, int i, int n)
{
	for (int k = i; k < i + n && k < rd->t->n; k++)
		rd->t->v[k].used = 1;
	if (n > 0)
		rd->r->mentioned = 1;
}

static void note_day(struct rd *rd, int i, int n, const char *rule)
{
	rd->r->day_rule = rule;
	rd->r->day_from = tok(rd, i)->off;
	rd->r->day_to = tok(rd, i + n - 1)->end;
}

static void note_time(struct rd *rd, int i, int n, const char *rule)
{
	if (n <= 0)
		return;
	rd->r->time_rule = rule;
	rd->r->time_from = tok(rd, i)->off;
	rd->r->time_to = tok(rd, i + n - 1)->end;
}

static struct when_day today_plus(const struct rd *rd, int n)
{
	return when_day_add(rd->now->day, n);
}

static void set_day(struct rd *rd, struct when_day d, int explicit_day)
{
	/* "monday or tuesday": two different days named is a question. */
	if (rd->day_set && when_day_cmp(&rd->day, &d) != 0)
		rd->date_amb = 1;
	rd->day_set = 1;
	rd->day = d;
	rd->r->day_explicit = explicit_day;
	if (when_day_cmp(&d, &rd->now->day) < 0)
		rd->past = 1;
}

static void set_range(struct rd *rd, struct when_day a, struct when_day b)
{
	if (rd->range_set && (when_day_cmp(&rd->rfirst, &a) != 0 ||
			      when_day_cmp(&rd->rlast, &b) != 0))
		rd->date_amb = 1;
	rd->range_set = 1;
	rd->rfirst = a;
	rd->rlast = b;
	if (when_day_cmp(&b, &rd->now->day) < 0)
		rd->past = 1;
}

/* ---- days ---------------------------------------------------------------- */

/* A day and month with no year: this year's, or next year's once gone. */
static int day_month(struct rd *rd, int d, int m, int y)
{
	struct when_day out;

	if (y >= 0) {
		if (y < 100)
			y += 2000;
		if (when_day_make(y, m, d, &out) != 0) {
			rd->bad_date = 1;
			return 0;
		}
		set_day(rd, out, 1);
		return 1;
	}
	y = rd->now->day.year;
	if (when_day_make(y, m, d, &out) == 0 &&
	    when_day_cmp(&out, &rd->now->day) < 0)
		y++;
	if (when_day_make(y, m, d, &out) != 0 &&
	    when_day_make(y + 1, m, d, &out) != 0) {
		rd->bad_date = 1;
		return 0;
	}
	set_day(rd, out, 1);
	return 1;
}

/* The day of holiday RULE in YEAR, as a day number; INT64_MIN if none. */
static int64_t holiday_in(int rule, int year)
{
	switch (rule >> 24) {
	case WHEN_HOL_FIXED: {
		int m = (rule >> 8) & 0xFF, d = rule & 0xFF;
		if (!civil_valid(year, m, d))
			return INT64_MIN;
		return civil_days(year, m, d);
	}
	case WHEN_HOL_EASTER:
		return civil_easter(year) + ((rule & 0xFFFF) - 512);
	case WHEN_HOL_NTH: {
		int m = (rule >> 16) & 0xFF, n = ((rule >> 12) & 0xF) - 1;
		int wd = (rule >> 8) & 0xF, off = (rule & 0xFF) - 8;
		int64_t z = civil_nth_weekday(year, m, n, wd);
		return z == INT64_MIN ? z : z + off;
	}
	}
	return INT64_MIN;
}

static struct when_day day_of_number(int64_t z)
{
	struct when_day d;
	civil_from_days(z, &d.year, &d.month, &d.mday);
	d.wday = civil_weekday(z);
	return d;
}

/* A four-digit year at i (after optional SKIP words): tokens used. */
static int year_at(const struct rd *rd, int i, int *y)
{
	int k = skip(rd, i);
	const struct lex_tok *t = tok(rd, k);
	if (t->ndigits == 4 && t->num >= 1970 && t->num <= 2999) {
		*y = t->num;
		return k - i + 1;
	}
	return 0;
}

/* The coming weekday W (today counts), moved by MOD. */
static struct when_day weekday_day(struct rd *rd, int w, enum mod mod)
{
	int delta = (w - rd->now->day.wday + 7) % 7;

	switch (mod) {
	case M_NONE:
	case M_THIS:
		break;
	case M_NEXT:
		if (delta == 0)
			delta = 7;
		break;
	case M_LAST:
		delta = delta == 0 ? -7 : delta - 7;
		break;
	case M_AFTER_NEXT:
		if (delta == 0)
			delta = 7;
		delta += 7;
		break;
	}
	return today_plus(rd, delta);
}

/* Monday of the week that holds today, moved by WEEKS. */
static struct when_day week_monday(const struct rd *rd, int weeks)
{
	return today_plus(rd, -rd->now->day.wday + 7 * weeks);
}

/* The longest entry of any sense at i. */
static int longest(const struct rd *rd, int i)
{
	int best = 0;
	for (unsigned k = 0; i >= 0 && i < rd->t->n && k < rd->t->nhits[i]; k++)
		if (rd->t->hits[i][k].len > best)
			best = rd->t->hits[i][k].len;
	return best;
}

static enum mod mod_of(const struct rd *rd, int i, int *len)
{
	static const struct {
		unsigned sense;
		enum mod mod;
	} m[] = {{WS_NEXT, M_NEXT},
		 {WS_THIS, M_THIS},
		 {WS_LAST, M_LAST},
		 {WS_AFTER_NEXT, M_AFTER_NEXT}};
	for (size_t k = 0; k < sizeof(m) / sizeof(m[0]); k++) {
		const struct lex_hit *h = hit(rd, i, m[k].sense);
		/* "pasado mañana", "next day": a longer entry wins. */
		if (h != NULL && h->len >= longest(rd, i)) {
			*len = h->len;
			return m[k].mod;
		}
	}
	*len = 0;
	return M_NONE;
}

/* Is there a week word at i ("week", or the unit "week")? */
static int week_word(const struct rd *rd, int i)
{
	const struct lex_hit *u = hit(rd, i, WS_UNIT_DAYS);
	if (has(rd, i, WS_WEEK))
		return hit(rd, i, WS_WEEK)->len;
	return u != NULL && u->value == 7 ? u->len : 0;
}

/*
 * After a weekday: "after next", "next", "week", "next week", "of next
 * week", "this week", "last". Returns tokens used; sets *mod, *weeks and
 * *week_of (-1 none, else weeks from this one of "<day> next week").
 */
static int weekday_post(const struct rd *rd, int i, enum mod *mod, int *weeks,
			int *week_of)
{
	int k = skip(rd, i), ml, wl;
	enum mod m = mod_of(rd, k, &ml);

	*week_of = -100;
	if (m != M_NONE && (wl = week_word(rd, k + ml)) > 0) {
		*week_of = m == M_NEXT ? 1 : m == M_LAST ? -1 : 0;
		if (m == M_AFTER_NEXT)
			return 0;
		return k + ml + wl - i;
	}
	if (m == M_AFTER_NEXT || ((m == M_NEXT || m == M_LAST) && k == i)) {
		*mod = m;
		return k + ml - i;
	}
	if (k == i && (wl = week_word(rd, i)) > 0 && !has(rd, i, WS_IN)) {
		(*weeks)++;
		return wl;
	}
	return 0;
}

/*
 * Days: [modifiers] weekday|relative day|weekend|week|holiday [modifiers].
 * Returns tokens used.
 */
static int rule_day(struct rd *rd, int i)
{
	int k = i, weeks = 0, pre = 0, n;
	enum mod mod = M_NONE;
	const struct lex_hit *h;

	for (;;) {
		int ml;
		enum mod m = mod_of(rd, k, &ml);
		if (m != M_NONE && m != M_AFTER_NEXT) {
			mod = m;
			k += ml;
			pre = 1;
			continue;
		}
		if ((h = hit(rd, k, WS_WEEK_ON)) != NULL &&
		    (has(rd, skip(rd, k + h->len), WS_WEEKDAY) ||
		     has(rd, skip(rd, k + h->len), WS_REL_DAY))) {
			weeks++;
			k += h->len;
			pre = 1;
			continue;
		}
		if (k > i && (h = hit(rd, k, WS_SKIP)) != NULL) {
			k += h->len;
			continue;
		}
		if (k == i && (h = hit(rd, k, WS_SKIP)) != NULL &&
		    (has(rd, k + h->len, WS_WEEKDAY) ||
		     has(rd, k + h->len, WS_WEEKEND) ||
		     week_word(rd, k + h->len) > 0)) {
			k += h->len;
			pre = 1; /* "on sa", "the weekend" */
			continue;
		}
		break;
	}

	if ((h = hit(rd, k, WS_WEEKDAY)) != NULL &&
	    (!(h->flags & WF_WEAK) || pre)) {
		int w = h->value, week_of;
		n = k + h->len - i;
		n += weekday_post(rd, k + h->len, &mod, &weeks, &week_of);
		if (week_of != -100) {
			/* "friday next week", "tuesday of this week" */
			set_day(rd,
				today_plus(rd, -rd->now->day.wday + w +
						   7 * week_of),
				1);
		} else if (mod == M_NONE && weeks == 0) {
			/* Settled at the end: "wed 1 apr" names one day. */
			if (rd->wday >= 0 && rd->wday != w)
				rd->date_amb = 1;
			rd->wday = w;
			rd->wday_from = tok(rd, i)->off;
			rd->wday_to = tok(rd, i + n - 1)->end;
		} else {
			struct when_day d = weekday_day(rd, w, mod);
			set_day(rd, when_day_add(d, 7 * weeks), 1);
		}
		mark(rd, i, n);
		if (rd->wday < 0 || week_of != -100 || mod != M_NONE ||
		    weeks > 0)
			note_day(rd, i, n, "weekday");
		rd->ctx_at = i + n;
		return n;
	}
	if ((h = hit(rd, k, WS_REL_DAY)) != NULL && mod == M_NONE) {
		n = k + h->len - i;
		int wl = week_word(rd, k + h->len);
		if (wl > 0 && !has(rd, k + h->len, WS_IN)) {
			weeks++; /* "tomorrow week" */
			n += wl;
		}
		set_day(rd, today_plus(rd, h->value + 7 * weeks),
			h->value != 0 || weeks > 0);
		mark(rd, i, n);
		note_day(rd, i, n, "relative day");
		rd->ctx_at = i + n;
		return n;
	}
	if ((h = hit(rd, k, WS_WEEKEND)) != NULL) {
		n = k + h->len - i;
		int ml, add = 0;
		if (mod_of(rd, k + h->len, &ml) == M_AFTER_NEXT) {
			add = 14;
			n += ml;
		} else if (mod == M_NEXT) {
			add = 7;
		} else if (mod == M_LAST) {
			add = -7;
		}
		/* This weekend: the coming Saturday and Sunday, or what is
		 * left of the one we are in. */
		int wd = rd->now->day.wday;
		struct when_day sat = today_plus(rd, wd == 6 ? -1 : 5 - wd);
		sat = when_day_add(sat, add);
		struct when_day first = sat, last = when_day_add(sat, 1);
		if (when_day_cmp(&first, &rd->now->day) < 0 &&
		    when_day_cmp(&last, &rd->now->day) >= 0)
			first = rd->now->day;
		set_range(rd, first, last);
		mark(rd, i, n);
		note_day(rd, i, n, "weekend");
		return n;
	}
	if ((n = week_word(rd, k)) > 0 && !has(rd, k, WS_IN)) {
		/* next week, la semana que viene, the week after next */
		int ml, pk = skip(rd, k + n);
		enum mod post = mod_of(rd, pk, &ml);
		if (post != M_NONE) {
			mod =
			    post; /* "la semana que viene", "week after next" */
			n = pk + ml - k;
		} else if (mod == M_NONE) {
			return 0;
		}
		int weeks_on = mod == M_NEXT	     ? 1
			       : mod == M_LAST	     ? -1
			       : mod == M_AFTER_NEXT ? 2
						     : 0;
		n += k - i;
		struct when_day mon = week_monday(rd, weeks_on);
		struct when_day first = mon, last = when_day_add(mon, 6);
		if (weeks_on == 0)
			first = rd->now->day; /* this week: from today */
		set_range(rd, first, last);
		mark(rd, i, n);
		note_day(rd, i, n, "week");
		return n;
	}
	if ((h = hit(rd, k, WS_HOLIDAY)) != NULL) {
		int y = rd->now->day.year, yl;
		n = k + h->len - i;
		if ((yl = year_at(rd, i + n, &y)) > 0) {
			n += yl;
		} else {
			int64_t z = holiday_in(h->value, y);
			int64_t today =
			    civil_days(rd->now->day.year, rd->now->day.month,
				       rd->now->day.mday);
			if (mod == M_LAST) {
				if (z == INT64_MIN || z >= today)
					y--;
			} else if (z == INT64_MIN || z < today) {
				y++;
			}
		}
		int64_t z = holiday_in(h->value, y);
		if (z == INT64_MIN) {
			rd->bad_date = 1;
		} else {
			set_day(rd, day_of_number(z), 1);
			note_day(rd, i, n, "holiday");
		}
		mark(rd, i, n);
		rd->ctx_at = i + n;
		return n;
	}
	return 0;
}

/*
 * Counting: "in 5 days", "in an hour", "3 days later", "2 weeks from now",
 * "3 days ago", "in half an hour", "next 3 days", "in a few days".
 */
static int rule_count(struct rd *rd, int i)
{
	const struct lex_hit *h, *u;
	int k = i, in = 0, next = 0, ago = 0, v = 0, few = 0, word, n;

	if ((h = hit(rd, k, WS_IN)) != NULL) {
		in = 1;
		k += h->len;
	} else if ((h = hit(rd, k, WS_AGO)) != NULL) {
		ago = 1; /* "hace 2 días" */
		k += h->len;
	} else if ((h = hit(rd, k, WS_FEW)) != NULL && h->len > 1 &&
		   has(rd, k, WS_FEW)) {
		/* "next few" as one phrase: handled below as FEW. */
	} else if ((h = hit(rd, k, WS_NEXT)) != NULL &&
		   (tok(rd, k + h->len)->num >= 0 ||
		    has(rd, k + h->len, WS_NUMBER) ||
		    has(rd, k + h->len, WS_FEW))) {
		next = 1;
		k += h->len;
	}
	if ((h = hit(rd, k, WS_DURATION)) != NULL && (in || ago)) {
		v = h->value;
		k += h->len;
		goto minutes;
	}
	if ((h = hit(rd, k, WS_FEW)) != NULL) {
		few = h->value;
		k += h->len;
		if (h->len > 1)
			next = 1; /* "next few" */
	} else if ((n = number(rd, k, &v, &word)) > 0) {
		k += n;
	} else {
		return 0;
	}
	k = skip(rd, k);
	if ((u = hit(rd, k, WS_UNIT_DAYS)) != NULL) {
		k += u->len;
	} else if ((u = hit(rd, k, WS_UNIT_MIN)) != NULL) {
		k += u->len;
	} else {
		/* "in 5 dys": a count of something unknown; in 2 of us */
		if (in && !few && tok(rd, k)->num < 0 && tok(rd, k)->len >= 2 &&
		    !tok(rd, k)->known && tok(rd, k)->s[0] != '~' &&
		    tok(rd, k - 1)->sep == ' ')
			rd->unsure = 1;
		return 0;
	}
	if ((h = hit(rd, k, WS_LATER)) != NULL) {
		k += h->len;
		if ((h = hit(rd, k, WS_LATER)) != NULL) /* "weeks time" */
			k += h->len;
	} else if ((h = hit(rd, k, WS_AGO)) != NULL) {
		ago = 1;
		k += h->len;
	} else if (!in && !next && !ago) {
		return 0; /* "2 weeks" alone is a length, not a day */
	}
	n = k - i;
	if (few) {
		if (u->sense != WS_UNIT_DAYS || u->value != 1 || ago) {
			rd->unsure = 1; /* "in a few weeks": too vague */
			mark(rd, i, n);
			return n;
		}
		set_range(rd, today_plus(rd, 1), today_plus(rd, few));
		mark(rd, i, n);
		note_day(rd, i, n, "next few days");
		return n;
	}
	if (u->sense == WS_UNIT_DAYS) {
		long days = (long)v * u->value * (ago ? -1 : 1);
		if (days > 3660 || days < -3660)
			return 0;
		if (next) {
			set_range(rd, today_plus(rd, 1),
				  today_plus(rd, (int)days));
			note_day(rd, i, n, "next N days");
		} else {
			set_day(rd, today_plus(rd, (int)days), 1);
			note_day(rd, i, n, ago ? "N days ago" : "in N days");
		}
		mark(rd, i, n);
		rd->ctx_at = i + n;
		return n;
	}
	if (next)
		return 0;
	v *= u->value;
minutes:;
	n = k - i;
	if (v > 14 * DAY_MIN)
		return 0;
	int at = rd->now->minute + (ago ? -v : v);
	int days = at >= 0 ? at / DAY_MIN : -((-at + DAY_MIN - 1) / DAY_MIN);
	set_day(rd, today_plus(rd, days), days != 0);
	rd->kind = WHEN_TIME_AT;
	rd->at.min = at - days * DAY_MIN;
	rd->at.strong = 1;
	if (ago)
		rd->past = 1;
	mark(rd, i, n);
	note_day(rd, i, n, "in N minutes");
	note_time(rd, i, n, "in N minutes");
	return n;
}

/* ---- dates --------------------------------------------------------------- */

static int ordinal_after(const struct rd *rd, int i)
{
	return tok(rd, i - 1)->sep == 'j' && has(rd, i, WS_ORD_SUFFIX);
}

/* A month at i (weak forms too: a number is next to it). */
static int month_at(const struct rd *rd, int i, int *m)
{
	const struct lex_hit *h = hit(rd, i, WS_MONTH);
	if (h == NULL)
		return 0;
	*m = h->value;
	return h->len;
}

static int rule_date(struct rd *rd, int i)
{
	const struct lex_tok *t0 = tok(rd, i);
	int a = t0->num, sep = t0->sep, m, ml, y = -1, yl, n;
	const struct lex_hit *h;

	if (a >= 0) {
		/* ISO 2026-12-25 */
		if (t0->ndigits == 4 && sep == '-' &&
		    tok(rd, i + 1)->sep == '-' && tok(rd, i + 2)->num >= 0) {
			day_month(rd, tok(rd, i + 2)->num, tok(rd, i + 1)->num,
				  a);
			mark(rd, i, 3);
			note_day(rd, i, 3, "date");
			rd->ctx_at = i + 3;
			return 3;
		}
		const struct lex_tok *t1 = tok(rd, i + 1);
		if (t0->ndigits <= 2 && t1->num >= 0 && t1->ndigits <= 2 &&
		    (sep == '/' || sep == '-' || sep == '.')) {
			int b = t1->num, used = 2;
			const struct lex_tok *t2 = tok(rd, i + 2);
			if (sep == '.' && t1->sep != '.' && t1->ndigits == 2 &&
			    a <= 24 && b <= 59)
				return 0; /* 10.30 is a time */
			if (a > 31 || b > 31)
				return 0; /* 35.49: a price, not a date */
			if (t1->sep == sep && t2->num >= 0 &&
			    t2->ndigits != 2 && t2->ndigits != 4)
				return 0; /* 1.1.3: a version */
			if (sep == '.' && t1->ndigits != 2 && t1->sep != '.')
				return 0; /* 6.5: a decimal */
			if (sep == '-' && a <= 12 && b <= 12 &&
			    t0->s[0] != '0' && t1->s[0] != '0')
				return 0; /* 2-4 is a range of hours */
			if (t1->sep == sep && tok(rd, i + 2)->num >= 0 &&
			    (tok(rd, i + 2)->ndigits == 2 ||
			     tok(rd, i + 2)->ndigits == 4)) {
				y = tok(rd, i + 2)->num;
				used = 3;
			}
			mark(rd, i, used);
			note_day(rd, i, used, "date");
			rd->ctx_at = i + used;
			if (sep == '-' && a <= 12 && b <= 12 && a != b) {
				rd->date_amb = 1;
				return used;
			}
			if (b <= 12 && a <= 31 && (rd->day_first || a > 12))
				day_month(rd, a, b, y); /* day first */
			else if (a <= 12 && b <= 31)
				day_month(rd, b, a, y); /* 12/25 */
			else
				rd->bad_date = 1;
			return used;
		}
	}
	/* 25th dec, 25 of december, 25 de diciembre, the first of march */
	int d = -1, k = i;
	if (a >= 0 && t0->ndigits <= 2) {
		d = a;
		k = i + 1;
		if (ordinal_after(rd, k))
			k++;
	} else if ((h = hit(rd, i, WS_ORDINAL)) != NULL) {
		d = h->value;
		k = i + h->len;
	} else if ((h = hit(rd, i, WS_NUMBER)) != NULL && tok(rd, i)->len > 1) {
		d = h->value; /* "el cinco de mayo" */
		k = i + h->len;
	}
	if (d >= 0) {
		int mk = skip(rd, k);
		if ((ml = month_at(rd, mk, &m)) > 0) {
			n = mk + ml - i;
			if ((yl = year_at(rd, i + n, &y)) > 0)
				n += yl;
			if (d < 1 || d > 31)
				rd->bad_date = 1;
			else
				day_month(rd, d, m, y);
			mark(rd, i, n);
			note_day(rd, i, n, "date");
			rd->ctx_at = i + n;
			return n;
		}
	}
	/* dec 25, december the 25th, march first, mayo 5 del 2013 */
	if ((ml = month_at(rd, i, &m)) > 0) {
		int dk = skip(rd, i + ml), dv = -1, dl = 0;
		if (tok(rd, dk)->num >= 0 && tok(rd, dk)->ndigits <= 2) {
			dv = tok(rd, dk)->num;
			dl = 1 + ordinal_after(rd, dk + 1);
		} else if ((h = hit(rd, dk, WS_ORDINAL)) != NULL) {
			dv = h->value;
			dl = h->len;
		}
		if (dv < 0)
			return 0;
		/* "march 3 2pm": 3 is the day unless a time marker follows. */
		if (dl == 1 &&
		    (has(rd, dk + 1, WS_AM) || has(rd, dk + 1, WS_PM) ||
		     tok(rd, dk)->sep == ':' || has(rd, dk + 1, WS_OCLOCK)))
			return 0;
		n = dk + dl - i;
		if ((yl = year_at(rd, i + n, &y)) > 0)
			n += yl;
		if (dv < 1 || dv > 31)
			rd->bad_date = 1;
		else
			day_month(rd, dv, m, y);
		mark(rd, i, n);
		note_day(rd, i, n, "date");
		rd->ctx_at = i + n;
		return n;
	}
	/* the 25th: this month's, or next month's once gone */
	if (a >= 0 && t0->ndigits <= 2 && ordinal_after(rd, i + 1) &&
	    (has(rd, i - 1, WS_SKIP) || a > 3)) {
		/* "the 3rd of smarch": an ordinal "of" something unknown */
		int nk = skip(rd, i + 2);
		if (nk > i + 2 && !tok(rd, nk)->known && tok(rd, nk)->num < 0 &&
		    nk < rd->t->n) {
			rd->unsure = 1;
			mark(rd, i, nk - i + 1);
			return nk - i + 1;
		}
		mark(rd, i, 2);
		if (a < 1 || a > 31) {
			rd->bad_date = 1;
			return 2;
		}
		int yy = rd->now->day.year, mo = rd->now->day.month;
		for (int tries = 0; tries < 3; tries++) {
			struct when_day out;
			if (when_day_make(yy, mo, a, &out) == 0 &&
			    when_day_cmp(&out, &rd->now->day) >= 0) {
				set_day(rd, out, 1);
				note_day(rd, i, 2, "day of the month");
				rd->ctx_at = i + 2;
				return 2;
			}
			if (++mo > 12) {
				mo = 1;
				yy++;
			}
		}
		rd->bad_date = 1;
		return 2;
	}
	return 0;
}

/* "in december", "during may": the month's days from today on. */
static int rule_month_span(struct rd *rd, int i)
{
	const struct lex_hit *h = hit(rd, i, WS_MONTH_SPAN);
	int m, ml;

	if (h == NULL)
		return 0;
	int k = skip(rd, i + h->len);
	if ((ml = month_at(rd, k, &m)) == 0)
		return 0;
	int n = k + ml - i;
	int y = rd->now->day.year, yl;
	if ((yl = year_at(rd, i + n, &y)) > 0)
		n += yl;
	else if (m < rd->now->day.month)
		y++;
	struct when_day first, last;
	when_day_make(y, m, 1, &first);
	when_day_make(y, m, civil_month_days(y, m), &last);
	if (when_day_cmp(&first, &rd->now->day) < 0 &&
	    when_day_cmp(&last, &rd->now->day) >= 0)
		first = rd->now->day;
	set_range(rd, first, last);
	mark(rd, i, n);
	note_day(rd, i, n, "month");
	return n;
}

/* ---- times --------------------------------------------------------------- */

static int apply_ampm(int h, int pm)
{
	if (h > 12)
		return h;
	return pm ? h % 12 + 12 : h % 12;
}

static int ampm_at(const struct rd *rd, int i, int *pm)
{
	const struct lex_hit *h;
	if ((h = hit(rd, i, WS_AM)) != NULL) {
		*pm = 0;
		return h->len;
	}
	if ((h = hit(rd, i, WS_PM)) != NULL) {
		*pm = 1;
		return h->len;
	}
	return 0;
}

/* A part of the day right after the number: "8 tonight", "7 in the evening",
 * "3 de la tarde". */
static int window_after(const struct rd *rd, int i)
{
	return has(rd, i, WS_WINDOW) || has(rd, i, WS_WINDOW_TODAY);
}

static int time_ctx(const struct rd *rd, int i)
{
	static const unsigned ctx[] = {WS_AT,	  WS_ABOUT,	  WS_AFTER,
				       WS_BEFORE, WS_BETWEEN,	  WS_TO,
				       WS_WINDOW, WS_WINDOW_TODAY};
	if (i == rd->ctx_at)
		return 1;
	for (int back = 1; back <= 4 && i - back >= 0; back++) {
		/* An entry of BACK words ending right before i. */
		for (size_t k = 0; k < sizeof(ctx) / sizeof(ctx[0]); k++) {
			const struct lex_hit *h = hit(rd, i - back, ctx[k]);
			if (h != NULL && h->len == back)
				return 1;
		}
	}
	return 0;
}

/*
 * A time starting at token i. CTX: a word before it made it a time, so a
 * bare number counts. Returns tokens used, 0 when no time starts here.
 */
static int time_at(const struct rd *rd, int i, int ctx, struct tval *out)
{
	const struct lex_tok *t0 = tok(rd, i);
	const struct lex_hit *h;
	int h0 = t0->num, used, pm, n, v, word;

	if ((h = hit(rd, i, WS_CLOCK)) != NULL) {
		out->min = h->value;
		out->strong = 1;
		return h->len;
	}
	/* half past 3, quarter to 5, half 3, halb 3 */
	if ((h = hit(rd, i, WS_MIN_BEFORE)) != NULL) {
		struct tval hv;
		int k = i + h->len;
		if ((n = time_at(rd, k, 1, &hv)) > 0 && hv.min % 60 == 0) {
			out->min = (hv.min + h->value + DAY_MIN) % DAY_MIN;
			out->strong = hv.strong;
			return k + n - i;
		}
	}
	/* 20 past 3, twenty past 3, ten to five */
	if ((n = number(rd, i, &v, &word)) > 0 && v >= 1 && v <= 59) {
		const struct lex_hit *p = hit(rd, i + n, WS_PAST);
		const struct lex_hit *to = hit(rd, i + n, WS_TO_HOUR);
		struct tval hv;
		int m;
		if (p != NULL &&
		    (m = time_at(rd, i + n + p->len, 1, &hv)) > 0 &&
		    hv.min % 60 == 0) {
			out->min = hv.min + v;
			out->strong = hv.strong;
			return n + p->len + m;
		}
		if (to != NULL && word &&
		    (m = time_at(rd, i + n + to->len, 1, &hv)) > 0 &&
		    hv.min % 60 == 0) {
			out->min = (hv.min - v + DAY_MIN) % DAY_MIN;
			out->strong = hv.strong;
			return n + to->len + m;
		}
	}
	/* An hour as a word: "at seven", "seven pm", "three o'clock". */
	if (h0 < 0 && (n = number(rd, i, &v, &word)) > 0 && word && v >= 1 &&
	    v <= 12 && !has(rd, i, WS_SKIP)) {
		int a = ampm_at(rd, i + n, &pm);
		const struct lex_hit *oc = hit(rd, i + n, WS_OCLOCK);
		if (a == 0 && oc == NULL && !ctx && !window_after(rd, i + n))
			return 0;
		if (a == 0 && oc == NULL &&
		    (has(rd, i + n, WS_UNIT_DAYS) ||
		     has(rd, i + n, WS_UNIT_MIN)))
			return 0; /* "at a week" */
		if (tok(rd, i)->len == 1 && a == 0 && oc == NULL)
			return 0; /* "a", "an" */
		out->min = (a ? apply_ampm(v, pm) : v) * 60;
		out->strong = a > 0;
		used = n + a + (a == 0 && oc != NULL ? oc->len : 0);
		goto after;
	}
	if (h0 < 0 || t0->ndigits > 4)
		return 0;
	/* 650.650.6500, 650-650-6500: part of a longer number. */
	if ((t0->sep == '.' || t0->sep == '-' || t0->sep == '/') &&
	    tok(rd, i + 1)->ndigits > 2)
		return 0;
	if (i > 0 && tok(rd, i - 1)->num >= 0 &&
	    (tok(rd, i - 1)->sep == '.' || tok(rd, i - 1)->sep == '/' ||
	     (tok(rd, i - 1)->sep == '-' && tok(rd, i - 1)->ndigits > 2)))
		return 0;
	/* 10:30, 10.30, 10h30 */
	const struct lex_hit *hh = hit(rd, i + 1, WS_OCLOCK);
	int hmark = t0->sep == 'j' && hh != NULL && hh->len == 1 &&
		    tok(rd, i + 1)->sep == 'j';
	if (t0->ndigits <= 2 && h0 <= 24 &&
	    (t0->sep == ':' || t0->sep == '.' || hmark) &&
	    i + (hmark ? 2 : 1) < rd->t->n) {
		int mi = hmark ? i + 2 : i + 1;
		int m = tok(rd, mi)->num;
		if (m < 0 || m > 59 || tok(rd, mi)->ndigits != 2)
			return 0;
		if (t0->sep == '.' && tok(rd, mi)->sep == '.')
			return 0; /* 10.12.26 is a date */
		used = mi - i + 1;
		int a = ampm_at(rd, mi + 1, &pm);
		out->min = (a ? apply_ampm(h0, pm) : h0 % 24) * 60 + m;
		out->strong = a || h0 >= 13 || h0 == 0 ||
			      (t0->ndigits == 2 && t0->s[0] == '0') || hmark;
		used += a;
		goto after;
	}
	used = 1;
	int a = ampm_at(rd, i + 1, &pm);
	if (t0->ndigits >= 3) {
		/* 1030, 930: only with am/pm or after "at" */
		int hr = h0 / 100, mm = h0 % 100;
		if (hr > 23 || mm > 59 || (a == 0 && !ctx))
			return 0;
		out->min = (a ? apply_ampm(hr, pm) : hr) * 60 + mm;
		out->strong = a || hr >= 13 || t0->s[0] == '0';
		used += a;
		goto after;
	}
	if (a && h0 > 12 && h0 <= 23) {
		out->min = h0 * 60; /* "14pm": the 24-hour clock wins */
		out->strong = 1;
		used += a;
		goto after;
	}
	if (h0 > 24 || (a && h0 == 0))
		return 0;
	if (a) {
		out->min = apply_ampm(h0, pm) * 60;
		out->strong = 1;
		used += a;
		goto after;
	}
	if ((h = hit(rd, i + 1, WS_OCLOCK)) != NULL) {
		/* "10 o'clock", "um 10 Uhr", "15h", "10'da" */
		out->min = (h0 % 24) * 60;
		out->strong = h0 >= 13 || h0 == 0 || t0->s[0] == '0';
		used += h->len;
		if ((a = ampm_at(rd, i + used, &pm)) > 0 && h0 <= 12) {
			out->min = apply_ampm(h0, pm) * 60;
			out->strong = 1;
			used += a;
		}
		goto after;
	}
	if ((h = hit(rd, i + 1, WS_ABOUT)) != NULL && t0->sep == 'j') {
		out->min = h0 * 60; /* "11ish" */
		out->strong = h0 >= 13;
		used += h->len;
		if ((a = ampm_at(rd, i + used, &pm)) > 0 && h0 <= 12) {
			out->min = apply_ampm(h0, pm) * 60;
			out->strong = 1;
			used += a;
		}
		goto after;
	}
	if ((!ctx && !window_after(rd, i + 1)) || ordinal_after(rd, i + 1) ||
	    t0->sep == 'j' || h0 == 24)
		return 0;
	if (has(rd, i + 1, WS_UNIT_DAYS) || has(rd, i + 1, WS_UNIT_MIN))
		return 0; /* "for 2 hours", "at 3 days' notice" */
	out->min = h0 * 60;
	out->strong = h0 >= 13 || h0 == 0 || t0->s[0] == '0';
after:
	/* "3 y media", "las doce menos cuarto", "3 buçuk" */
	if (out->min % 60 == 0 &&
	    (h = hit(rd, i + used, WS_MIN_AFTER)) != NULL) {
		out->min = (out->min + h->value + DAY_MIN) % DAY_MIN;
		used += h->len;
		if ((a = ampm_at(rd, i + used, &pm)) > 0 && !out->strong) {
			out->min =
			    apply_ampm(out->min / 60, pm) * 60 + out->min % 60;
			out->strong = 1;
			used += a;
		}
	}
	return used;
}

static void window_seen(struct rd *rd, int value)
{
	int lo = value / 2048, hi = value % 2048;
	rd->hint = 1;
	rd->hint_lo = lo;
	rd->hint_hi = hi;
	if (rd->kind == WHEN_TIME_NONE ||
	    (rd->kind == WHEN_TIME_ASAP && rd->asap_weak)) {
		rd->kind = WHEN_TIME_WINDOW;
		rd->lo.min = lo;
		rd->hi.min = hi;
		rd->lo.strong = rd->hi.strong = 1;
		rd->has_lo = rd->has_hi = 1;
	}
}

/* Parts of the day: "morning", "after work", "tonight", "am" alone. */
static int rule_window(struct rd *rd, int i)
{
	const struct lex_hit *h;

	if ((h = hit(rd, i, WS_WINDOW_TODAY)) != NULL) {
		if (!rd->day_set)
			set_day(rd, rd->now->day, 0);
		window_seen(rd, h->value);
		mark(rd, i, h->len);
		note_day(rd, i, h->len, "part of today");
		note_time(rd, i, h->len, "part of the day");
		rd->ctx_at = i + h->len;
		return h->len;
	}
	if ((h = hit(rd, i, WS_WINDOW)) != NULL) {
		window_seen(rd, h->value);
		mark(rd, i, h->len);
		if (rd->kind == WHEN_TIME_WINDOW)
			note_time(rd, i, h->len, "part of the day");
		rd->ctx_at = i + h->len;
		return h->len;
	}
	/* "am"/"pm" on their own: the morning, the afternoon. */
	if (i > 0 && tok(rd, i - 1)->sep != 'j' && tok(rd, i - 1)->num < 0) {
		int pm, a = ampm_at(rd, i, &pm);
		if (a > 0 && tok(rd, i)->len >= 2) {
			window_seen(rd, pm ? WHEN_SPAN(720, 1020)
					   : WHEN_SPAN(360, 720));
			mark(rd, i, a);
			return a;
		}
	}
	return 0;
}

/* after 4, before 2, between 2 and 4, 2-4pm, from 10 to 12 */
static int rule_range(struct rd *rd, int i)
{
	struct tval a, b;
	const struct lex_hit *h;
	int n, k, m;

	if ((h = hit(rd, i, WS_AFTER)) != NULL ||
	    (h = hit(rd, i, WS_BEFORE)) != NULL ||
	    (h = hit(rd, i, WS_BETWEEN)) != NULL) {
		int before = h->sense == WS_BEFORE;
		k = i + h->len;
		const struct lex_hit *ab = hit(rd, k, WS_ABOUT);
		if (ab != NULL)
			k += ab->len;
		if ((n = time_at(rd, k, 1, &a)) == 0)
			return 0;
		k += n;
		const struct lex_hit *to = hit(rd, k, WS_TO);
		int dash = tok(rd, k - 1)->sep == '-';
		if ((to != NULL || dash) && !before) {
			int tk = k + (dash ? 0 : to->len);
			if ((m = time_at(rd, tk, 1, &b)) > 0) {
				k = tk + m;
				goto both;
			}
		}
		rd->kind = WHEN_TIME_WINDOW;
		if (before) {
			rd->has_lo = 0;
			rd->has_hi = 1;
			rd->hi = a;
		} else {
			rd->has_lo = 1;
			rd->has_hi = 0;
			rd->lo = a;
		}
		mark(rd, i, k - i);
		note_time(rd, i, k - i, before ? "before" : "after");
		return k - i;
	}
	/* 2-4pm, 10-12, 9:30 - 11:00, 2 to 4 */
	if (tok(rd, i)->num >= 0 && (n = time_at(rd, i, 1, &a)) > 0) {
		k = i + n;
		const struct lex_hit *to = hit(rd, k, WS_TO);
		int dash = tok(rd, k - 1)->sep == '-';
		if (!dash && (to == NULL || tok(rd, k + to->len)->num < 0))
			return 0;
		if (!dash && (to->len != 1 || !time_ctx(rd, i)) &&
		    !(n > 1 || tok(rd, i)->sep == ':'))
			return 0; /* "2 to 4" only after a time word */
		int tk = k + (dash ? 0 : to->len);
		if ((m = time_at(rd, tk, 1, &b)) == 0)
			return 0;
		if (!a.strong && !b.strong && !time_ctx(rd, i) &&
		    tok(rd, i)->sep != ':')
			return 0; /* "1-2" alone is not a time */
		k = tk + m;
		goto both;
	}
	return 0;
both:
	/* "2-4pm": the am/pm of the end applies to the start too. */
	if (!a.strong && b.strong && b.min >= 720 && a.min < 720 &&
	    a.min + 720 < b.min)
		a.min += 720, a.strong = 1;
	rd->kind = WHEN_TIME_WINDOW;
	rd->lo = a;
	rd->hi = b;
	rd->has_lo = rd->has_hi = 1;
	mark(rd, i, k - i);
	note_time(rd, i, k - i, "between");
	return k - i;
}

static int rule_time(struct rd *rd, int i)
{
	struct tval v;
	int n;

	if ((n = time_at(rd, i, time_ctx(rd, i), &v)) == 0)
		return 0;
	if (rd->kind != WHEN_TIME_ASAP || rd->asap_weak) {
		rd->kind = WHEN_TIME_AT;
		rd->at = v;
	}
	mark(rd, i, n);
	note_time(rd, i, n, "time");
	return n;
}

static int rule_asap(struct rd *rd, int i)
{
	const struct lex_hit *h;

	if ((h = hit(rd, i, WS_ASAP)) != NULL) {
		rd->asap_weak = 0;
		rd->kind = WHEN_TIME_ASAP;
		mark(rd, i, h->len);
		note_time(rd, i, h->len, "earliest");
		return h->len;
	}
	if ((h = hit(rd, i, WS_ASAP_WEAK)) != NULL) {
		/* "see you soon", "book now for 2pm": chatter once a time
		 * is named. */
		if (rd->kind == WHEN_TIME_NONE) {
			rd->asap_weak = 1;
			rd->kind = WHEN_TIME_ASAP;
			note_time(rd, i, h->len, "earliest");
		}
		mark(rd, i, h->len);
		return h->len;
	}
	return 0;
}

/* ---- settling ------------------------------------------------------------ */

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
 * A bare hour: the reading inside the part of the day named, else the one
 * inside opening hours. Returns the minute, or -1 when both or neither do
 * (then alt[] holds both).
 */
static int settle_hour(const struct rd *rd, const struct when_day *day,
		       struct tval v, int alt[2])
{
	int h = v.min / 60;

	if (v.strong || h == 0 || h >= 12)
		return v.min;
	int am = v.min, pm = v.min + 720;
	if (rd->hint) {
		int a = am >= rd->hint_lo && am <= rd->hint_hi;
		int b = pm >= rd->hint_lo && pm <= rd->hint_hi;
		if (a != b)
			return a ? am : pm;
	}
	alt[0] = am;
	alt[1] = pm;
	if (rd->cat == NULL)
		return -1;
	int a = open_at(rd->cat, day, am), b = open_at(rd->cat, day, pm);
	if (a && !b)
		return am;
	if (b && !a)
		return pm;
	return -1;
}

/* For window ends doubt does not matter much: prefer business hours. */
static int settle_soft(const struct rd *rd, const struct when_day *day,
		       struct tval v)
{
	int alt[2];
	int m = settle_hour(rd, day, v, alt);
	if (m >= 0)
		return m;
	return v.min / 60 <= 7 ? v.min + 720 : v.min;
}

/* Date-like words no rule took: the desk must ask, never guess. */
static void doubt(struct rd *rd)
{
	struct lex_text *t = rd->t;
	int dayish = rd->day_set || rd->range_set || rd->wday >= 0;

	for (int i = 0; i < t->n; i++) {
		const struct lex_tok *k = &t->v[i];
		if (k->used)
			continue;
		if (has(rd, i, WS_UNPLACED)) {
			rd->unsure = 1;
			mark(rd, i, hit(rd, i, WS_UNPLACED)->len);
			continue;
		}
		if (k->near) {
			rd->unsure = 1;
			continue;
		}
		/* "pasado mañana" to a business reading English only. */
		if (!k->known &&
		    lex_foreign_date(t, i, rd->vocabs, rd->n_vocabs)) {
			rd->foreign = 1;
			continue;
		}
		/* "boxing day" without the holiday: an unknown word before a
		 * date noun. */
		if (has(rd, i, WS_DATE_NOUN) && i > 0 && !t->v[i - 1].known &&
		    !t->v[i - 1].used && t->v[i - 1].num < 0 &&
		    t->v[i - 1].s[0] != '~' && t->v[i - 1].len >= 2) {
			rd->unsure = 1;
			continue;
		}
		/* An ordinal no date took: "the 45th", "3rd of smarch". */
		if (has(rd, i, WS_ORD_SUFFIX) && i > 0 &&
		    t->v[i - 1].num >= 0 && t->v[i - 1].sep == 'j') {
			int nx = skip(rd, i + 1);
			if (!dayish || (nx > i + 1 && nx < t->n &&
					!t->v[nx].known && t->v[nx].num < 0))
				rd->unsure = 1;
			continue;
		}
		/* A month named without a day: "december?" */
		const struct lex_hit *m = hit(rd, i, WS_MONTH);
		if (m != NULL && !(m->flags & WF_WEAK) && !dayish)
			rd->unsure = 1;
	}
	if (rd->unsure)
		rd->r->mentioned = 1;
}

static void finish(struct rd *rd)
{
	struct when_req *r = rd->r;

	if (rd->wday >= 0 && rd->day_set) {
		if (rd->day.wday != rd->wday)
			rd->date_amb =
			    1; /* "fri 1 apr" when the 1st is a Wed */
	} else if (rd->wday >= 0) {
		set_day(rd, weekday_day(rd, rd->wday, M_NONE), 1);
		r->day_rule = "weekday";
		r->day_from = rd->wday_from;
		r->day_to = rd->wday_to;
	}
	if (rd->range_set && rd->day_set) {
		/* "this weekend, saturday": the day inside the span wins. */
		if (when_day_cmp(&rd->day, &rd->rfirst) >= 0 &&
		    when_day_cmp(&rd->day, &rd->rlast) <= 0)
			rd->range_set = 0;
		else
			rd->date_amb = 1;
	}
	const struct when_day *day = rd->day_set ? &rd->day : NULL;
	r->has_day = rd->day_set;
	if (rd->day_set)
		r->day = rd->day;
	r->has_range = rd->range_set;
	if (rd->range_set) {
		r->range_first = rd->rfirst;
		r->range_last = rd->rlast;
	}
	r->time = rd->kind;
	switch (rd->kind) {
	case WHEN_TIME_NONE:
	case WHEN_TIME_ASAP:
		break;
	case WHEN_TIME_AT: {
		int m = settle_hour(rd, day, rd->at, r->alt_min);
		if (m < 0) {
			r->problem = WHEN_AMBIGUOUS_TIME;
			r->from_min = r->to_min = -1;
		} else {
			r->from_min = r->to_min = m;
		}
		break;
	}
	case WHEN_TIME_WINDOW:
		r->from_min = rd->has_lo ? settle_soft(rd, day, rd->lo) : 0;
		r->to_min = rd->has_hi ? settle_soft(rd, day, rd->hi) : DAY_MIN;
		if (r->to_min <= r->from_min && rd->has_lo && rd->has_hi &&
		    !rd->hi.strong && r->to_min + 720 > r->from_min)
			r->to_min += 720;
		if (r->to_min <= r->from_min)
			r->problem = WHEN_AMBIGUOUS_TIME;
		break;
	}
	if (r->problem == WHEN_FINE && rd->bad_date)
		r->problem = WHEN_BAD_DATE;
	if (r->problem == WHEN_FINE && rd->date_amb)
		r->problem = WHEN_AMBIGUOUS_DATE;
	if (r->problem == WHEN_FINE && rd->past)
		r->problem = WHEN_PAST;
	if (r->problem == WHEN_FINE && rd->day_set &&
	    when_day_cmp(&rd->day, &rd->now->day) == 0) {
		if ((r->time == WHEN_TIME_AT &&
		     r->from_min < rd->now->minute) ||
		    (r->time == WHEN_TIME_WINDOW &&
		     r->to_min <= rd->now->minute))
			r->problem = WHEN_PAST;
	}
	r->unsure = rd->unsure || rd->foreign;
	if (rd->unsure || r->has_day || r->has_range ||
	    r->time != WHEN_TIME_NONE)
		r->mentioned = 1;
}

enum when_problem when_read(const char *text, const struct when_local *now,
			    const struct catalog *cat,
			    const struct when_vocab *const *vocabs,
			    size_t n_vocabs, struct when_req *out)
{
	static struct lex_text t; /* big; the desk is single-threaded */
	struct rd rd;

	memset(out, 0, sizeof(*out));
	out->from_min = out->to_min = -1;
	out->alt_min[0] = out->alt_min[1] = -1;
	out->day_from = out->day_to = out->time_from = out->time_to = -1;
	if (n_vocabs == 0) {
		static const struct when_vocab *const en[] = {&when_vocab_en};
		vocabs = en;
		n_vocabs = 1;
	}
	memset(&rd, 0, sizeof(rd));
	rd.t = &t;
	rd.vocabs = vocabs;
	rd.n_vocabs = n_vocabs;
	rd.now = now;
	rd.cat = cat;
	rd.r = out;
	rd.wday = -1;
	rd.ctx_at = -1;
	rd.day_first = vocabs[0]->day_first;
	lex_read(text == NULL ? "" : text, vocabs, n_vocabs, &t);

	for (int i = 0; i < t.n;) {
		int n;
		if ((n = rule_asap(&rd, i)) > 0 ||
		    (n = rule_count(&rd, i)) > 0 ||
		    (n = rule_day(&rd, i)) > 0 || (n = rule_date(&rd, i)) > 0 ||
		    (n = rule_month_span(&rd, i)) > 0 ||
		    (n = rule_range(&rd, i)) > 0 ||
		    (n = rule_time(&rd, i)) > 0 ||
		    (n = rule_window(&rd, i)) > 0) {
			i += n;
			continue;
		}
		i++;
	}
	doubt(&rd);
	finish(&rd);
	return out->problem;
}

enum when_problem when_parse(const char *text, const struct when_local *now,
			     const struct catalog *cat, struct when_req *out)
{
	return when_read(text, now, cat, NULL, 0, out);
}
