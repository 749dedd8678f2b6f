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
#include "when_read.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

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
 * How many minutes MINUTE lies outside DAY's opening hours (0 inside or at
 * closing time), or -1 when the day has none (closed).
 */
static int hours_gap(const struct catalog *cat, const struct when_day *day,
		     int minute)
{
	int open[8], close[8], best = -1;
	size_t n = 0;
	if (day != NULL) {
		n = when_hours_of(cat, day, open, close, 8);
	} else {
		for (size_t k = 0; k < cat->n_hours && n < 8; k++, n++) {
			open[n] = cat->hours[k].open_min;
			close[n] = cat->hours[k].close_min;
		}
	}
	for (size_t k = 0; k < n; k++) {
		int g = minute < open[k]     ? open[k] - minute
			: minute >= close[k] ? minute - close[k]
					     : 0;
		if (best < 0 || g < best)
			best = g;
	}
	return best;
}

/*
 * A bare hour: the reading inside the part of the day named, else the one
 * inside opening hours; when neither is, the one just outside them when
 * the other is far off (half an hour at most against three hours or
 * more: "Freitag viertel nach 4" with Friday 08-16 is 16:15, never
 * 04:15; a morning just before opening against an evening an hour or
 * more past closing: "mañana a las 9" with 09:30-14:00, 16:30-20:00 is
 * 09:00, never "09:00 o 21:00?" (review es6 s33): the desk then says
 * when we open or close). Returns the minute, or -1 when both or
 * neither do (then alt[] holds both).
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
		/* "às 2 de manhã", "at 2 in the morning": neither reading is
		 * in the morning named; the afternoon one is no fit either
		 * (review pt8 c12 booked 14:00): asked, never settled by
		 * our hours */
		if (!a && rd->hint_hi <= 720) {
			alt[0] = am;
			alt[1] = pm;
			return -1;
		}
	}
	alt[0] = am;
	alt[1] = pm;
	if (v.as_written)
		return am;
	if (rd->cat == NULL)
		return -1;
	int a = open_at(rd->cat, day, am), b = open_at(rd->cat, day, pm);
	if (a && !b)
		return am;
	if (b && !a)
		return pm;
	if (!a && !b) {
		int ga = hours_gap(rd->cat, day, am);
		int gb = hours_gap(rd->cat, day, pm);
		if (ga >= 0 && gb >= 0 && gb <= 30 && ga >= 180)
			return pm;
		if (ga >= 0 && gb >= 0 && ga <= 30 && gb >= 60)
			return am;
	}
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
			if (hit(rd, i, WS_ORD_SUFFIX)->value == 1)
				continue; /* "le 2e": a list's, no date */
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

/*
 * Does a WS_NOT entry end right before token i (one SKIP word may sit
 * between: "can't make it on friday")?
 */
static int negated_at(const struct rd *rd, int i)
{
	int k = i;
	for (int pass = 0; pass < 2; pass++) {
		for (int back = 1; back <= 5 && k - back >= 0; back++) {
			const struct lex_hit *h = hit(rd, k - back, WS_NOT);
			/* "Montag kann ich nicht, Dienstag": a comma ends
			 * what it negates */
			if (h != NULL && h->len == back &&
			    !tok(rd, k - back + h->len - 1)->brk)
				return 1;
		}
		if (!has(rd, k - 1, WS_SKIP))
			break;
		k--;
	}
	return 0;
}

/* Where a time follows token e, maybe after a word of no time ("but",
 * "mais", "sondern") and an "at" word: its first token, or -1. */
static int time_follows(const struct rd *rd, int e)
{
	const struct lex_hit *at;

	e = skip(rd, e);
	if (tok(rd, e)->num < 0 && longest(rd, e) == 0)
		e++;
	if ((at = hit(rd, e, WS_AT)) != NULL)
		e += at->len;
	return tok(rd, e)->num >= 0 && wr_time_len(rd, e) > 0 ? e : -1;
}

/*
 * Does a WS_NOT entry that may stand after the day (WF_POST) start at
 * token j, one SKIP word allowed before it ("Morgen keine Zeit", "am
 * Montag kann ich nicht")? Not when a day follows it: then it is said
 * before that day ("Montag, nicht Dienstag").
 */
static int negated_after(const struct rd *rd, int j)
{
	if (tok(rd, j - 1)->brk)
		return 0; /* "Montag, nicht Dienstag" */
	if (has(rd, j, WS_SKIP) && !has(rd, j, WS_NOT))
		j++;
	const struct lex_hit *h = hit(rd, j, WS_NOT);
	if (h == NULL || !(h->flags & WF_POST) || h->len < longest(rd, j))
		return 0;
	int e = j + h->len;
	if (tok(rd, e - 1)->brk)
		return 1; /* "Montag kann ich nicht, Dienstag um 14" */
	if (has(rd, e, WS_SKIP))
		e++;
	/* "morgen nicht um 11, sondern um 12": a time after it is what is
	 * not meant, never the day before it */
	const struct lex_hit *at = hit(rd, e, WS_AT);
	int te = at != NULL ? e + at->len : e;
	if (!tok(rd, e - 1)->brk && tok(rd, te)->num >= 0 &&
	    !has(rd, te, WS_WEEKDAY) && wr_time_len(rd, te) > 0 &&
	    (at != NULL || time_follows(rd, te + wr_time_len(rd, te)) >= 0))
		return 0;
	if (has(rd, e, WS_WEEKDAY) || has(rd, e, WS_REL_DAY) ||
	    has(rd, e, WS_HOLIDAY) || has(rd, e, WS_NEXT) ||
	    has(rd, e, WS_WEEKEND) || tok(rd, e)->num >= 0)
		return -1; /* between two days, no comma: which one? */
	return 1;
}

/*
 * The day a rule just read after "not" is the one not meant: kept aside
 * (restoring what was read before), so another day named wins. When no
 * other day is named it is the day after all ("can't make tomorrow" is
 * about tomorrow).
 */
struct day_note {
	const char *rule;
	int from, to, explicit_day;
};

static void set_aside(struct rd *rd, const struct rd *before,
		      const struct day_note *was, int wday_again)
{
	struct when_day d;
	int got = 0;

	/* "el sábado a las 11 ... en vez de este sábado": the weekday named
	 * again is the one set aside (review es9 s71) */
	if (rd->wday >= 0 && (rd->wday != before->wday || wday_again)) {
		d = wr_weekday_day(rd, rd->wday, M_NONE);
		got = 1;
	} else if (rd->day_set && (!before->day_set ||
				   when_day_cmp(&rd->day, &before->day) != 0)) {
		d = rd->day;
		got = 1;
	}
	if (!got)
		return;
	const char *rule = rd->r->day_rule;
	int from = rd->r->day_from, to = rd->r->day_to;
	int expl = rd->r->day_explicit;
	rd->day_set = before->day_set;
	rd->day = before->day;
	rd->wday = before->wday;
	rd->wday_from = before->wday_from;
	rd->wday_to = before->wday_to;
	rd->date_amb = before->date_amb;
	rd->past = before->past;
	rd->r->day_rule = was->rule;
	rd->r->day_from = was->from;
	rd->r->day_to = was->to;
	rd->r->day_explicit = was->explicit_day;
	if (!rd->neg_set) {
		rd->neg_set = 1;
		rd->neg_day = d;
		rd->neg_again = wday_again && rd->wday == before->wday;
	}
	if (!before->day_set && before->wday < 0) {
		/* noted as the day until another is named */
		rd->r->day_from = from;
		rd->r->day_to = to;
		rd->r->day_explicit = expl;
		rd->r->day_rule = rule;
	}
}

/*
 * "not 10, 11", "pas 10h, 11h", "no a las 10, a las 11", "saat 11 değil
 * 12": a time said not to be the one, with another number right after
 * it. The negated time is passed over (noted in not_min) and a bare
 * number after it is read as the time meant. Returns the tokens passed
 * (0: no such time at i).
 */
static int negated_time(struct rd *rd, int i)
{
	const struct lex_hit *nt = hit(rd, i, WS_NOT), *at;
	int j = i, n, min, end;

	if (nt != NULL && nt->len >= longest(rd, i)) {
		j += nt->len;
		if ((at = hit(rd, j, WS_AT)) != NULL)
			j += at->len;
		if (tok(rd, j)->num < 0 || (n = wr_time_min(rd, j, &min)) == 0)
			return 0;
		end = j + n;
	} else {
		if ((at = hit(rd, j, WS_AT)) != NULL)
			j += at->len;
		if (tok(rd, j)->num < 0 ||
		    (n = wr_time_min(rd, j, &min)) == 0 ||
		    (nt = hit(rd, j + n, WS_NOT_AFTER)) == NULL)
			return 0;
		end = j + n + nt->len;
	}
	/* another time follows, the one meant */
	int e = time_follows(rd, end);
	/* "um 11:15, nicht 10:30", "at 3 not 2": the time meant came first;
	 * the one after "not" is set aside, never read over it */
	int came = rd->kind == WHEN_TIME_AT && nt != NULL && j > i;
	if (e < 0 && !came)
		return 0;
	mark(rd, i, end - i);
	if (e < 0) {
		rd->r->has_not_time = 1;
		rd->r->not_min = min;
		return end - i;
	}
	rd->r->has_not_time = 1;
	rd->r->not_min = min;
	rd->neg_next = e;
	return end - i;
}

static void finish(struct rd *rd)
{
	struct when_req *r = rd->r;
	struct when_day week_on = when_day_add(rd->rfirst, 7);

	if (rd->neg_set) {
		if (rd->day_set || rd->wday >= 0) {
			r->has_not_day = 1;
			r->not_day = rd->neg_day;
		} else {
			set_day(rd, rd->neg_day, 1);
			r->day_not_meant = 1;
		}
	}

	struct when_day back;
	if (rd->wday >= 0 && rd->day_set) {
		if (rd->day.wday != rd->wday &&
		    when_day_make(rd->day.year - 1, rd->day.month, rd->day.mday,
				  &back) == 0 &&
		    back.wday == rd->wday &&
		    when_day_cmp(&back, &rd->now->day) < 0 &&
		    when_day_diff(&back, &rd->now->day) <= 31) {
			/* "monday 30th nov" on 2 Dec: that Monday, passed
			 * (not the 30th a year on) */
			rd->day = back;
			rd->past = 1;
		} else if (rd->day.wday != rd->wday) {
			rd->date_amb =
			    1; /* "fri 1 apr" when the 1st is a Wed */
			r->has_other_day = 1;
			r->other_day = wr_weekday_day(rd, rd->wday, M_NONE);
		}
	} else if (rd->wday >= 0 && rd->range_set && rd->week_at >= 0 &&
		   (rd->wday_at == rd->week_end ||
		    rd->wday_end == rd->week_at) &&
		   when_day_cmp(&rd->rlast, &week_on) < 0) {
		/* "next week tuesday", "haftaya salı": the weekday right
		 * beside the week named is that week's */
		struct when_day d = rd->rfirst;
		while (d.wday != rd->wday && when_day_cmp(&d, &rd->rlast) < 0)
			d = when_day_add(d, 1);
		set_day(rd,
			d.wday == rd->wday
			    ? d
			    : wr_weekday_day(rd, rd->wday, M_NONE),
			1);
		r->day_rule = "weekday";
		r->day_from = rd->wday_from;
		r->day_to = rd->wday_to;
	} else if (rd->wday >= 0) {
		int same_next = rd->n_vocabs > 0 &&
				rd->vocabs[0]->wday_same_next &&
				rd->wday == rd->now->day.wday;
		set_day(
		    rd,
		    wr_weekday_day(rd, rd->wday, same_next ? M_NEXT : M_NONE),
		    1);
		r->weekday_only = 1;
		r->day_rule = "weekday";
		r->day_from = rd->wday_from;
		r->day_to = rd->wday_to;
	}
	if (rd->anchor_in_text && rd->day_set && r->has_anchor &&
	    r->anchor_wday > 0) {
		/* "je viens de réserver samedi 11h, c'était pour le samedi
		 * d'après": the Saturday after the one named (review fr AD
		 * c13.1 booked the one she got wrong) */
		struct when_day d = when_day_add(rd->day, 1);
		while (d.wday != r->anchor_wday - 1)
			d = when_day_add(d, 1);
		rd->day = d;
		r->has_anchor = 0;
		r->anchor_wday = 0;
		r->weekday_only = 0;
		r->day_counted = 1;
		r->day_rule = "the weekday after the day named";
	}
	if (rd->range_set && rd->day_set) {
		/* "this weekend, saturday": the day inside the span wins. */
		if (when_day_cmp(&rd->day, &rd->rfirst) >= 0 &&
		    when_day_cmp(&rd->day, &rd->rlast) <= 0)
			rd->range_set = 0;
		/* "elle doit se faire opérer en janvier. Vous pouvez la
		 * prendre mercredi prochain ?": a month after the day named
		 * is when something else happens (review fr AN s32 asked
		 * which date) */
		else if (when_day_diff(&rd->rfirst, &rd->rlast) >= 27 &&
			 when_day_cmp(&rd->day, &rd->rfirst) < 0 &&
			 !r->weekday_only)
			rd->range_set = 0; /* "un samedi en janvier" asks */
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
			r->h24 = rd->at.h24;
			r->hour_asked = rd->hint && rd->hint_hi <= 720 &&
					r->alt_min[0] < rd->hint_lo;
		} else {
			r->from_min = r->to_min = m;
		}
		break;
	}
	case WHEN_TIME_WINDOW:
		r->from_min = rd->has_lo ? settle_soft(rd, day, rd->lo) : 0;
		r->to_min = rd->has_hi ? settle_soft(rd, day, rd->hi) : DAY_MIN;
		if (r->to_min <= r->from_min && rd->has_lo && rd->has_hi &&
		    !rd->hi.strong && r->to_min + 720 > r->from_min &&
		    r->to_min + 720 <= DAY_MIN)
			r->to_min += 720;
		if (r->to_min <= r->from_min)
			r->problem = WHEN_AMBIGUOUS_TIME;
		break;
	}
	/* A doubt about the day comes before one about the hour: asking
	 * "8:45 or 20:45 on Wed 30?" would settle the day the text named
	 * wrongly ("samedis 30" when the 30th is a Wednesday). */
	if ((r->problem == WHEN_FINE || r->problem == WHEN_AMBIGUOUS_TIME) &&
	    rd->bad_date)
		r->problem = WHEN_BAD_DATE;
	if ((r->problem == WHEN_FINE || r->problem == WHEN_AMBIGUOUS_TIME) &&
	    rd->date_amb)
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
	/* "el sábado a las 11 ... en vez de este sábado el siguiente": the
	 * day read is the one set aside, so no day named is meant (review
	 * es9 s71 booked this Saturday) */
	if (rd->neg_again && r->has_not_day && r->has_day &&
	    when_day_cmp(&r->day, &r->not_day) == 0)
		r->day_not_meant = 1;
	/* Doubt matters when nothing else named the day: "tomorrow at 2pm,
	 * before the holidays" is tomorrow. */
	r->unsure = (rd->unsure || rd->foreign) && !r->has_day && !r->has_range;
	if (rd->unsure || r->has_day || r->has_range ||
	    r->time != WHEN_TIME_NONE)
		r->mentioned = 1;
}

/*
 * A phrase of several words, the longest entry at i, that only leads into
 * a time ("por volta das 4", "aux alentours de 14h"), names no time ("boa
 * tarde", a greeting) or a day the reader cannot place ("christmas
 * holidays", "vacances de Noël") is passed over whole, so a word inside it
 * ("das", "tarde", "christmas") is not read on its own; doubt() still sees
 * the last kind. Returns the tokens to pass (1: no such phrase).
 */
static int pass_over(const struct rd *rd, int i)
{
	static const unsigned lead[] = {WS_AT, WS_ABOUT, WS_NOT_DATE,
					WS_UNPLACED};
	int best = longest(rd, i);

	for (size_t k = 0; k < sizeof(lead) / sizeof(lead[0]); k++) {
		const struct lex_hit *h = hit(rd, i, lead[k]);
		if (h != NULL && h->len > 1 && h->len == best)
			return h->len;
	}
	return 1;
}

/*
 * The catalog's words are its services, not dates: a day or month name one
 * letter off ("Montage" at a tyre shop is the fitting, not Monday: review de
 * K s22 offered Monday slots), a short day or month name that is a catalog
 * word ("kaş", eyebrows, folds to "kas", November: review tr K s31), and
 * every word of a catalog phrase of several words ("koltuk altı", the
 * underarm: its "altı", six, was read as 18:00, review tr K s39).
 */
static void drop_hits(struct lex_text *t, int i, int fuzzy_only)
{
	int k = 0;
	for (int h = 0; h < t->nhits[i]; h++)
		if (fuzzy_only && !t->hits[i][h].fuzzy)
			t->hits[i][k++] = t->hits[i][h];
	t->nhits[i] = (unsigned char)k;
	t->v[i].known = k > 0;
}

static int catalog_word(const struct catalog *cat, const char *w)
{
	struct cat_match m;
	return catalog_lookup(cat, w, 0, &m, 1) > 0 && m.distance == 0;
}

/* A weak part of the day ("tarde") is one only right after a day word
 * ("jueves tarde"); elsewhere it is an ordinary word ("llego tarde, 10
 * min" is no afternoon, and its 10 no hour). */
static void weak_parts_after_days(struct lex_text *t)
{
	for (int i = 0; i < t->n; i++) {
		int prev_day = 0;
		for (int h = 0; i > 0 && h < t->nhits[i - 1]; h++) {
			int s = t->hits[i - 1][h].sense;
			prev_day |= s == WS_WEEKDAY || s == WS_REL_DAY ||
				    s == WS_HOLIDAY;
		}
		int k = 0;
		for (int h = 0; h < t->nhits[i]; h++) {
			const struct lex_hit *x = &t->hits[i][h];
			if (x->sense == WS_WINDOW && (x->flags & WF_WEAK) &&
			    !prev_day)
				continue;
			t->hits[i][k++] = *x;
		}
		t->nhits[i] = (unsigned char)k;
		t->v[i].known = k > 0;
	}
}

static void catalog_words_not_days(struct lex_text *t,
				   const struct catalog *cat)
{
	char phrase[3 * LEX_TOK_CAP + 4];
	for (int i = 0; cat != NULL && i < t->n; i++) {
		/* a phrase of two or three words, all of them letters */
		for (int len = 3; len >= 2; len--) {
			if (i + len > t->n)
				continue;
			/* only where the reader found a date or time word:
			 * the rest needs no lookup (the desk's answer path) */
			int any = 0;
			for (int k = 0; k < len; k++)
				any |= t->nhits[i + k] > 0;
			if (!any)
				continue;
			size_t pos = 0;
			int words = 1;
			for (int k = 0; k < len; k++) {
				words &=
				    t->v[i + k].num < 0 &&
				    (k == len - 1 || t->v[i + k].sep == ' ');
				pos += (size_t)snprintf(
				    phrase + pos, sizeof(phrase) - pos, "%s%s",
				    k ? " " : "", t->v[i + k].s);
			}
			if (!words || !catalog_word(cat, phrase))
				continue;
			for (int k = 0; k < len; k++)
				drop_hits(t, i + k, 0);
			i += len - 1;
			break;
		}
		if (i >= t->n || t->nhits[i] == 0)
			continue;
		int fuzzy = 0, named = 0;
		for (int h = 0; h < t->nhits[i]; h++) {
			fuzzy |= t->hits[i][h].fuzzy;
			named |= t->hits[i][h].sense == WS_MONTH ||
				 t->hits[i][h].sense == WS_WEEKDAY;
		}
		if (!fuzzy && !(named && t->v[i].len <= 4))
			continue;
		if (catalog_word(cat, t->v[i].s))
			drop_hits(t, i, !(named && t->v[i].len <= 4));
	}
}

/*
 * Countries that write the month first ("12/1" is 1 December): the United
 * States and the places that follow its usage (CLDR's short date patterns).
 */
static int month_first(const char *country)
{
	static const char mf[][3] = {"US", "PR", "GU", "AS", "VI", "MP",
				     "UM", "FM", "MH", "PW", "BZ", "PH"};
	for (size_t i = 0; country != NULL && i < sizeof(mf) / sizeof(mf[0]);
	     i++)
		if (strcmp(country, mf[i]) == 0)
			return 1;
	return 0;
}

void when_req_none(struct when_req *r)
{
	memset(r, 0, sizeof(*r));
	r->from_min = r->to_min = -1;
	r->alt_min[0] = r->alt_min[1] = -1;
	r->day_from = r->day_to = r->time_from = r->time_to = -1;
}

enum when_problem when_read(const char *text, const struct when_local *now,
			    const struct catalog *cat,
			    const struct when_vocab *const *vocabs,
			    size_t n_vocabs, struct when_req *out)
{
	static struct lex_text t; /* big; the desk is single-threaded */
	struct rd rd;

	when_req_none(out);
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
	rd.wday_at = rd.week_at = -1;
	rd.ctx_at = -1;
	rd.neg_next = -1;
	rd.day_first = vocabs[0]->day_first;
	if (cat != NULL && month_first(cat->country))
		rd.day_first = 0;
	lex_read(text == NULL ? "" : text, vocabs, n_vocabs, &t);
	catalog_words_not_days(&t, cat);
	weak_parts_after_days(&t);

	for (int i = 0; i < t.n;) {
		int n;
		const struct lex_hit *nd = hit(&rd, i, WS_NOT_DATE);
		if (nd != NULL && nd->len > 1 && nd->len >= longest(&rd, i)) {
			/* "guten morgen", "iyi günler", "merry christmas":
			 * nothing */
			for (int k = i; k < i + nd->len; k++)
				t.v[k].used = 1;
			i += nd->len;
			continue;
		}
		const struct lex_hit *fb = hit(&rd, i, WS_FALLBACK);
		if (fb != NULL && fb->len >= longest(&rd, i) &&
		    (rd.kind != WHEN_TIME_NONE || rd.day_set)) {
			/* "yarın 11 olmazsa 14", "at 11, otherwise 2": the
			 * first choice is the one asked; what follows is a
			 * second choice, never read over it */
			for (int k = i; k < t.n; k++)
				t.v[k].used = 1;
			break;
		}
		const struct lex_hit *un = hit(&rd, i, WS_UNPLACED);
		if (un != NULL && un->len > 1 && un->len >= longest(&rd, i)) {
			/* "nach Ostern", "bir ara": a day we cannot place,
			 * though a word of it names one: ask */
			rd.unsure = 1;
			mark(&rd, i, un->len);
			i += un->len;
			continue;
		}
		/* a lead into a time ("por volta das 4") passed over whole */
		if ((n = pass_over(&rd, i)) > 1) {
			i += n;
			continue;
		}
		if ((n = negated_time(&rd, i)) > 0) {
			i += n;
			continue;
		}
		const struct lex_hit *nt = hit(&rd, i, WS_NOT);
		if (nt == NULL)
			nt = hit(&rd, i, WS_NOT_AFTER);
		if (nt != NULL && nt->len >= longest(&rd, i)) {
			i += nt->len; /* "instead of": its "of" is no prefix */
			continue;
		}
		int neg = negated_at(&rd, i);
		struct rd before = rd;
		struct day_note was = {out->day_rule, out->day_from,
				       out->day_to, out->day_explicit};
		if ((n = wr_asap(&rd, i)) > 0 || (n = wr_anchor(&rd, i)) > 0 ||
		    (n = wr_count(&rd, i)) > 0 ||
		    (n = wr_day_span(&rd, i)) > 0 || (n = wr_day(&rd, i)) > 0 ||
		    (n = wr_date(&rd, i)) > 0 ||
		    (n = wr_month_span(&rd, i)) > 0 ||
		    (n = wr_range(&rd, i)) > 0 || (n = wr_time(&rd, i)) > 0 ||
		    (n = wr_window(&rd, i)) > 0) {
			int day_read = rd.day_set != before.day_set ||
				       rd.wday != before.wday ||
				       when_day_cmp(&rd.day, &before.day) != 0;
			int post = day_read ? negated_after(&rd, i + n) : 0;
			if (post < 0)
				rd.date_amb = 1;
			/* "cuma değil cumartesi": the negation after it */
			int again = 0;
			for (int k = i; k < i + (int)n; k++)
				again |= has(&rd, k, WS_WEEKDAY) != 0;
			if (neg || post > 0 ||
			    hit(&rd, i + n, WS_NOT_AFTER) != NULL)
				set_aside(&rd, &before, &was,
					  again && before.wday == rd.wday);
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
	const struct when_vocab *v[8];
	size_t n = 0;

	for (size_t i = 0; cat != NULL && i < cat->n_languages && n < 8; i++) {
		const struct when_vocab *vb =
		    when_vocab_find(cat->languages[i]);
		size_t k = 0;
		while (k < n && v[k] != vb)
			k++;
		if (vb != NULL && k == n)
			v[n++] = vb;
	}
	return when_read(text, now, cat, v, n, out);
}
