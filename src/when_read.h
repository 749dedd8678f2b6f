/*
 * when_read: the time reader's state and rules, shared by when_read.c (the
 * loop, doubt and settling), when_days.c (days, weeks, counts and spans),
 * when_dates.c (dates and months) and when_times.c (times and parts of the
 * day). Private to the when module.
 */
#ifndef SMSDESK_WHEN_READ_H
#define SMSDESK_WHEN_READ_H

#include "smsdesk/when.h"
#include "smsdesk/when_vocab.h"
#include "when_lex.h"

#include <stdint.h>

#define DAY_MIN (24 * 60)

/* A time as written, before opening hours settle a bare hour. */
struct tval {
	int min;	/* minutes after midnight (hour read as written) */
	int strong;	/* am/pm, 24-hour clock or "noon": no doubt */
	int h24;	/* "7h" where the 24-hour clock is written (WV_H24) */
	int as_written; /* "um 10 Uhr", "10:00" where the pack writes the
			   24-hour clock: as written unless a part of the
			   day says otherwise ("8 Uhr abends") */
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
	int wday_at, wday_end; /* its tokens */
	int week_at, week_end; /* the tokens of a week named ("next week") */
	int range_set;
	struct when_day rfirst, rlast;
	int date_amb, bad_date, past, unsure;
	int day_by_mod; /* the day is a weekday moved by "next"/"last" */
	/* "den 7. Geburtstag", "am 3. Advent (13.12.)": a lone ordinal
	 * before a word we don't know may be no day at all; beside a day
	 * said plainly it yields, never making the two a question */
	int weak_next; /* the day set_day is given next is such a one */
	int day_weak;  /* the day set is such a one */
	/* "samedi 11h ... c'était pour le samedi d'après": the weekday
	 * after (anchor_wday) is counted from the day the text named before
	 * it, not from one talked about */
	int anchor_in_text;
	int foreign; /* only another language's day word: unsure, but not
		      * a date mentioned in ours */
	int ctx_at;  /* a bare number at this token is a time */
	/* the time */
	enum when_time_kind kind;
	struct tval at, lo, hi;
	int has_lo, has_hi;
	int asap_weak;
	int hint, hint_lo, hint_hi; /* a part of the day named */
	/* a day said not to be the one ("not tomorrow") */
	int neg_set;
	int neg_again; /* the day set aside was the weekday named again */
	struct when_day neg_day;
	/* a time said not to be the one ("not 10, 11"): a bare number at
	 * this token or the next is the time meant; -1 none */
	int neg_next;
};

/* ---- helpers ------------------------------------------------------------- */

/* ---- helpers --------------------------------------------------------------
 */

static inline const struct lex_hit *hit(const struct rd *rd, int i,
					unsigned sense)
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

static inline int has(const struct rd *rd, int i, unsigned sense)
{
	return hit(rd, i, sense) != NULL;
}

static const struct lex_tok *tok(const struct rd *rd, int i)
{
	static const struct lex_tok none = {.num = -1, .sep = ' '};
	return i >= 0 && i < rd->t->n ? &rd->t->v[i] : &none;
}

/* Index after any SKIP words ("the", "of", "de") from i. */
static inline int skip(const struct rd *rd, int i)
{
	const struct lex_hit *h;
	while ((h = hit(rd, i, WS_SKIP)) != NULL)
		i += h->len;
	return i;
}

/* A number at i, digits or a word: returns tokens used, 0 if none. */
static inline int number(const struct rd *rd, int i, int *v, int *word)
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

static inline void mark(struct rd *rd, int i, int n)
{
	for (int k = i; k < i + n && k < rd->t->n; k++)
		rd->t->v[k].used = 1;
	if (n > 0)
		rd->r->mentioned = 1;
}

static inline void note_day(struct rd *rd, int i, int n, const char *rule)
{
	rd->r->day_rule = rule;
	rd->r->day_from = tok(rd, i)->off;
	rd->r->day_to = tok(rd, i + n - 1)->end;
}

static inline void note_time(struct rd *rd, int i, int n, const char *rule)
{
	if (n <= 0)
		return;
	/* with the "at" before it: "saat 10", "um 11" are said as times */
	int from = i;
	for (int back = 1; back <= 3 && i - back >= 0; back++) {
		const struct lex_hit *h = hit(rd, i - back, WS_AT);
		const struct lex_hit *a = hit(rd, i - back, WS_ABOUT);
		if ((h != NULL && h->len == back) ||
		    (a != NULL && a->len == back)) {
			from = i - back;
			break;
		}
	}
	rd->r->time_rule = rule;
	rd->r->time_from = tok(rd, from)->off;
	rd->r->time_to = tok(rd, i + n - 1)->end;
}

static inline struct when_day today_plus(const struct rd *rd, int n)
{
	return when_day_add(rd->now->day, n);
}

static inline void set_day(struct rd *rd, struct when_day d, int explicit_day)
{
	int weak = rd->weak_next;
	rd->weak_next = 0;
	if (weak && rd->day_set)
		return;
	if (rd->day_set && rd->day_weak)
		rd->day_set = 0;
	rd->day_weak = weak;
	/* "monday or tuesday": two different days named is a question; but
	 * "samedi prochain le 12", "next saturday the 12th": a date that is
	 * the same weekday a week from the one "next" gave names which. */
	if (rd->day_set && when_day_cmp(&rd->day, &d) != 0 &&
	    !(rd->day_by_mod && d.wday == rd->day.wday &&
	      (when_day_diff(&rd->day, &d) == 7 ||
	       when_day_diff(&d, &rd->day) == 7))) {
		rd->date_amb = 1;
		rd->r->has_other_day = 1;
		rd->r->other_day = rd->day;
	}
	rd->day_by_mod = 0;
	rd->day_set = 1;
	rd->day = d;
	rd->r->day_explicit = explicit_day;
	if (when_day_cmp(&d, &rd->now->day) < 0)
		rd->past = 1;
}

static inline void set_range(struct rd *rd, struct when_day a,
			     struct when_day b)
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

/* The longest entry of any sense at i. */
static inline int longest(const struct rd *rd, int i)
{
	int best = 0;
	for (unsigned k = 0; i >= 0 && i < rd->t->n && k < rd->t->nhits[i]; k++)
		if (rd->t->hits[i][k].len > best)
			best = rd->t->hits[i][k].len;
	return best;
}

/* The longest unit entry at i. */
static inline int unit_len(const struct rd *rd, int i)
{
	const struct lex_hit *d = hit(rd, i, WS_UNIT_DAYS);
	const struct lex_hit *m = hit(rd, i, WS_UNIT_MIN);
	int a = d != NULL ? d->len : 0, b = m != NULL ? m->len : 0;
	return a > b ? a : b;
}

/* Right after "at", "about", "@": a number there is a time. */
static inline int after_time_word(const struct rd *rd, int i)
{
	for (int back = 1; back <= 3 && i - back >= 0; back++) {
		const struct lex_hit *h = hit(rd, i - back, WS_AT);
		const struct lex_hit *a = hit(rd, i - back, WS_ABOUT);
		if ((h != NULL && h->len == back) ||
		    (a != NULL && a->len == back))
			return 1;
	}
	return 0;
}

/* "25th", "1er": a number joined to an ordinal ending (no longer entry
 * starts there: "10'u çeyrek geçe" is a time). */
/* when_dates.c: the next day of the month A falls on the weekday read. */
int wr_mday_on_wday(const struct rd *rd, int a);

static inline int ordinal_after(const struct rd *rd, int i)
{
	const struct lex_hit *h = hit(rd, i, WS_ORD_SUFFIX);
	return tok(rd, i - 1)->sep == 'j' && h != NULL &&
	       h->len >= longest(rd, i);
}

/*
 * Rules: each reads what starts at token i, records it in rd and returns
 * the tokens it used (0: nothing of its kind starts here).
 */
/* when_days.c, shared with when_dates.c: a day and month with no year
 * (this year's, or next year's once gone; 1 when set), and a year written
 * at i (the tokens used). */
int wr_day_month(struct rd *rd, int d, int m, int y);
int wr_year_at(const struct rd *rd, int i, int *y);
int wr_day(struct rd *rd, int i);
int wr_count(struct rd *rd, int i);
int wr_date(struct rd *rd, int i);
int wr_month_span(struct rd *rd, int i);
int wr_window(struct rd *rd, int i);
/* The tokens a time at i takes when a word before it made it one (0:
 * none); reads only. */
int wr_time_len(const struct rd *rd, int i);
/* The same, with the minute after midnight it names in *MIN. */
int wr_time_min(const struct rd *rd, int i, int *min);
/* Does the part of the day W (a WS_WINDOW hit: WHEN_SPAN) hold hour H,
 * morning or afternoon, give or take the hour before it opens? "15 en
 * fin de matinée" does not: the 15 is the day of the month. */
int wr_window_holds_hour(const struct lex_hit *w, int h);
int wr_range(struct rd *rd, int i);
int wr_time(struct rd *rd, int i);
int wr_asap(struct rd *rd, int i);
int wr_anchor(struct rd *rd, int i);
int wr_day_span(struct rd *rd, int i);
/* The coming weekday W (today counts), moved by MOD. */
struct when_day wr_weekday_day(struct rd *rd, int w, enum mod mod);

#endif
