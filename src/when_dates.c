/* when_dates: the reader's rules for dates written with numbers and month
 * names ("25/12", "the 3rd", "3 jan", "15 de marzo") and for months and
 * parts of them ("early january"); split from when_days.c. */
#include "when_read.h"

#include "smsdesk/civil.h"

#include <string.h>

/* ---- dates --------------------------------------------------------------- */

/* A month at i (weak forms too: a number is next to it). */
static int month_at(const struct rd *rd, int i, int *m)
{
	const struct lex_hit *h = hit(rd, i, WS_MONTH);
	if (h == NULL)
		return 0;
	*m = h->value;
	return h->len;
}

static int hour_marked(const struct rd *rd, int i);

/* Day A of this month, or of the next month that has it once it is gone;
 * the N tokens from I are used. */
/* The next day of the month A (this month's, or a later one's) falls on
 * the weekday read: "vendredi 11 le matin" is Friday the 11th, where
 * "mardi 10 le matin" (the 10th a Thursday) is Tuesday at 10. */
int wr_mday_on_wday(const struct rd *rd, int a)
{
	int yy = rd->now->day.year, mo = rd->now->day.month;
	for (int tries = 0; tries < 3; tries++) {
		struct when_day d;
		if (when_day_make(yy, mo, a, &d) == 0 &&
		    when_day_cmp(&d, &rd->now->day) >= 0)
			return d.wday == rd->wday;
		if (++mo > 12) {
			mo = 1;
			yy++;
		}
	}
	return 0;
}

static int mday_ahead(struct rd *rd, int a, int i, int n, const char *why)
{
	mark(rd, i, n);
	if (a < 1 || a > 31) {
		rd->bad_date = 1;
		return n;
	}
	int yy = rd->now->day.year, mo = rd->now->day.month;
	for (int tries = 0; tries < 3; tries++) {
		struct when_day out;
		if (when_day_make(yy, mo, a, &out) == 0 &&
		    when_day_cmp(&out, &rd->now->day) >= 0) {
			set_day(rd, out, 1);
			note_day(rd, i, n, why);
			rd->ctx_at = i + n;
			return n;
		}
		if (++mo > 12) {
			mo = 1;
			yy++;
		}
	}
	rd->bad_date = 1;
	return n;
}

/* A number standing alone as a day: not joined or glued to a time mark,
 * not a count, and no month after it (then it is a date). */
/* A part of the day said on its own starts at K ("à tarde", whose "à" is
 * also an ordinal's "a": "dia 11 à tarde" is the 11th, review pt AB s58). */
static int daypart_at(const struct rd *rd, int k)
{
	const struct lex_hit *w = hit(rd, k, WS_WINDOW);
	return w != NULL && (w->flags & WF_DAYPART) && w->len > 1;
}

static int lone_mday(const struct rd *rd, int k)
{
	const struct lex_tok *d = tok(rd, k);
	int m;

	if (d->num < 1 || d->num > 31 || d->ndigits > 2 || d->sep != ' ')
		return 0;
	if (has(rd, k + 1, WS_COUNTED) ||
	    (has(rd, k + 1, WS_ORD_SUFFIX) && has(rd, k + 2, WS_COUNTED)))
		return 0; /* "12º andar": a floor */
	return month_at(rd, skip(rd, k + 1), &m) == 0 &&
	       !has(rd, k + 1, WS_OCLOCK) && !has(rd, k + 1, WS_AM) &&
	       !has(rd, k + 1, WS_PM) && !has(rd, k + 1, WS_MIN_AFTER) &&
	       !has(rd, k + 1, WS_UNIT_DAYS) && !has(rd, k + 1, WS_UNIT_MIN) &&
	       (!has(rd, k + 1, WS_ORD_SUFFIX) || daypart_at(rd, k + 1));
}

/*
 * "el domingo 14", "samedi 23": a number of 1 to 31 right after a weekday
 * names the day of the month in the text's language when its pack says so
 * (when_vocab.wday_date), unless a time is marked on it ("viernes 10:30",
 * "viernes 10 y media", "viernes 10h", "viernes 10 de la mañana") or it
 * starts a span ("viernes 10 a 12"; "viernes 10 a las 12" is a date).
 */
static int number_after_weekday(const struct rd *rd, int i)
{
	const struct lex_tok *t = tok(rd, i);
	if (rd->n_vocabs == 0 || !rd->vocabs[0]->wday_date || rd->wday < 0 ||
	    i == 0 || rd->wday_to != tok(rd, i - 1)->end || t->num < 1 ||
	    t->num > 31 || t->ndigits > 2 || t->sep == ':' || t->sep == '.' ||
	    t->sep == 'j' || t->sep == '-' || t->sep == '~')
		return 0;
	return !hour_marked(rd, i + 1) && !has(rd, i + 1, WS_MONTH);
}

/* After the number at i-1: a mark that makes it an hour ("10h", "10 y
 * media", "10 de la mañana") or the start of a span ("10 a 12"; "10 a
 * las 12" and "10 a mediodía" are not spans). */
static int hour_marked(const struct rd *rd, int i)
{
	const struct lex_hit *w = hit(rd, i, WS_WINDOW);
	const struct lex_hit *to = hit(rd, i, WS_TO);
	if (has(rd, i, WS_OCLOCK) || has(rd, i, WS_AM) || has(rd, i, WS_PM) ||
	    has(rd, i, WS_MIN_AFTER) || (w != NULL && !(w->flags & WF_DAYPART)))
		return 1;
	/* "mardi 10 le matin" where the 10th is no Tuesday: the hour */
	if (w != NULL && rd->wday >= 0 && i > 0 &&
	    !wr_mday_on_wday(rd, tok(rd, i - 1)->num))
		return 1;
	if (to == NULL || has(rd, i, WS_AT))
		return 0;
	int k = skip(rd, i + to->len);
	return tok(rd, k)->num >= 0 || has(rd, k, WS_NUMBER);
}

/*
 * "el 15", "el día 24": a number of 1 to 31 after a word its pack marks
 * (WS_DAY_MARK) is the day of the month, unless it is an hour or a
 * month follows (the month rule reads "el 15 de marzo").
 */
static int number_after_mark(const struct rd *rd, int i)
{
	const struct lex_tok *t = tok(rd, i);
	if (i == 0 || !has(rd, i - 1, WS_DAY_MARK) || t->num < 1 ||
	    t->num > 31 || t->ndigits > 2 || t->sep == ':' || t->sep == '.' ||
	    t->sep == 'j' || t->sep == '-' || t->sep == '~' || t->sep == '/' ||
	    after_time_word(rd, i) || has(rd, i + 1, WS_COUNTED) ||
	    (has(rd, i + 1, WS_ORD_SUFFIX) && has(rd, i + 2, WS_COUNTED)))
		return 0;
	return !hour_marked(rd, i + 1) && !has(rd, i + 1, WS_MONTH);
}

/*
 * "dia 15 ou 16", "dia 15 e dia 16", "le 15 ou le 16": after the day of the
 * month at k (its word at i), a joining word (WS_TO: "ou", "e", "a") and a
 * later day of the month with no hour mark: the two days, a span offered
 * across (never the second number read as an hour). Returns the tokens
 * used, 0 when it is not that.
 */
static int two_mdays(struct rd *rd, int i, int k)
{
	const struct lex_hit *to = hit(rd, k + 1, WS_TO), *h;
	if (to == NULL || has(rd, k + 1, WS_AT))
		return 0;
	int k2 = skip(rd, k + 1 + to->len), again = 0;
	if ((h = hit(rd, k2, WS_MDAY)) != NULL) {
		k2 = skip(rd, k2 + h->len);
		again = 1; /* "ou dia 16": a day, whatever follows */
	}
	int a = tok(rd, k)->num, b = tok(rd, k2)->num;
	/* "dia 15 ou 16 de manhã": the part of the day is for both days;
	 * only a clock mark ("16h", "16:30") makes the second an hour */
	int clock = has(rd, k2 + 1, WS_OCLOCK) ||
		    has(rd, k2 + 1, WS_MIN_AFTER) || tok(rd, k2)->sep == ':' ||
		    tok(rd, k2)->sep == 'h';
	if (b <= a || b > 31 || tok(rd, k2)->ndigits > 2 || (!again && clock) ||
	    (!again && !lone_mday(rd, k2) && hour_marked(rd, k2 + 1) &&
	     !has(rd, k2 + 1, WS_AM) && !has(rd, k2 + 1, WS_PM) &&
	     !has(rd, k2 + 1, WS_WINDOW)))
		return 0;
	int m;
	if (month_at(rd, skip(rd, k2 + 1), &m) > 0)
		return 0; /* "dia 15 ou 16 de dezembro": the month rule */

	int yy = rd->now->day.year, mo = rd->now->day.month;
	for (int tries = 0; tries < 3; tries++) {
		struct when_day first, last;
		if (when_day_make(yy, mo, a, &first) == 0 &&
		    when_day_make(yy, mo, b, &last) == 0 &&
		    when_day_cmp(&last, &rd->now->day) >= 0) {
			if (when_day_cmp(&first, &rd->now->day) < 0)
				first = rd->now->day;
			set_range(rd, first, last);
			mark(rd, i, k2 + 1 - i);
			note_day(rd, i, k2 + 1 - i, "two days of the month");
			rd->ctx_at = k2 + 1;
			return k2 + 1 - i;
		}
		if (++mo > 12) {
			mo = 1;
			yy++;
		}
	}
	return 0;
}

int wr_date(struct rd *rd, int i)
{
	const struct lex_tok *t0 = tok(rd, i);
	int a = t0->num, sep = t0->sep, m, ml, y = -1, yl, n;
	const struct lex_hit *h;

	/* "le 12", "dia 12 às 10h": the day of the month after its word */
	if ((h = hit(rd, i, WS_MDAY)) != NULL) {
		int k = skip(rd, i + h->len);
		if (lone_mday(rd, k) && (n = two_mdays(rd, i, k)) > 0)
			return n;
		if (lone_mday(rd, k))
			return mday_ahead(rd, tok(rd, k)->num, i, k + 1 - i,
					  "day of the month");
	}
	/* "samedi 12 à 10h", "sábado 12 às 9", "lundi 30": after a weekday,
	 * a number before a time, or past any hour, is the day of the
	 * month */
	if (i == rd->ctx_at && rd->wday >= 0 && !rd->day_set &&
	    lone_mday(rd, i)) {
		int k = i + 1;
		if ((h = hit(rd, k, WS_AT)) != NULL ||
		    (h = hit(rd, k, WS_ABOUT)) != NULL)
			k += h->len;
		if (a > 24 || (k > i + 1 && wr_time_len(rd, k) > 0))
			return mday_ahead(rd, a, i, 1, "day of the month");
		/* "mardi 15 en fin de matinée": before a part of the day
		 * that holds no such hour (review fr R c15.2) */
		const struct lex_hit *w = hit(rd, i + 1, WS_WINDOW);
		if (w != NULL && k == i + 1 && !wr_window_holds_hour(w, a))
			return mday_ahead(rd, a, i, 1, "day of the month");
	}
	/* In a language that writes the date after the weekday
	 * (when_vocab.wday_date), so is a number before a time by name of
	 * another hour ("sexta-feira 18 à uma", whose "à" is also an
	 * ordinal's "a") */
	if (i == rd->ctx_at && rd->wday >= 0 && !rd->day_set &&
	    rd->n_vocabs > 0 && rd->vocabs[0]->wday_date && a >= 1 && a <= 31 &&
	    t0->ndigits <= 2 && sep == ' ' &&
	    (h = hit(rd, i + 1, WS_CLOCK)) != NULL && a != h->value / 60 &&
	    (a > 12 || a % 12 != h->value / 60 % 12))
		return mday_ahead(rd, a, i, 1, "day of the month");
	if (a >= 0) {
		/* ISO 2026-12-25 */
		if (t0->ndigits == 4 && sep == '-' &&
		    tok(rd, i + 1)->sep == '-' && tok(rd, i + 2)->num >= 0) {
			wr_day_month(rd, tok(rd, i + 2)->num,
				     tok(rd, i + 1)->num, a);
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
			/* "24.12.", "am 5.12", "12.12 saat 11", "12.12
			 * cumartesi": a day and a month written with dots;
			 * the second dot, a word before it, or a time or a
			 * weekday after it says so (review tr K s36 read
			 * 12:12 and booked Saturday the 5th) */
			/* ... or a weekday before it, or a clock time
			 * right after ("Mo 14.12 9:00": review de AA s49
			 * booked Monday the 7th) */
			int dotted = sep == '.' && b >= 1 && b <= 12 &&
				     (t1->dot || has(rd, i - 1, WS_SKIP) ||
				      has(rd, i + 2, WS_AT) ||
				      has(rd, i + 2, WS_WEEKDAY) ||
				      (i > 0 && has(rd, i - 1, WS_WEEKDAY)) ||
				      (t2->num >= 0 && t2->sep == ':')) &&
				     !after_time_word(rd, i);
			if (sep == '.' && t1->sep != '.' && t1->ndigits == 2 &&
			    a <= 24 && b <= 59 && !dotted)
				return 0; /* 10.30 is a time */
			if (a > 31 || b > 31)
				return 0; /* 35.49: a price, not a date */
			if (t1->sep == sep && t2->num >= 0 &&
			    t2->ndigits != 2 && t2->ndigits != 4)
				return 0; /* 1.1.3: a version */
			if (sep == '.' && t1->ndigits != 2 && t1->sep != '.' &&
			    !dotted)
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
				wr_day_month(rd, a, b, y); /* day first */
			else if (a <= 12 && b <= 31)
				wr_day_month(rd, b, a, y); /* 12/25 */
			else
				rd->bad_date = 1;
			return used;
		}
	}
	/* 25th dec, 25 of december, 25 de diciembre, the first of march */
	int d = -1, k = i;
	if (a >= 0 && t0->ndigits <= 2 &&
	    (ordinal_after(rd, i + 1) || !after_time_word(rd, i))) {
		/* "at 11 april 27": 11 is a time; "at the 11th" is not. */
		d = a;
		k = i + 1;
		if (ordinal_after(rd, k))
			k++;
	} else if ((h = hit(rd, i, WS_ORDINAL)) != NULL) {
		d = h->value;
		k = i + h->len;
	} else if ((h = hit(rd, i, WS_NUMBER)) != NULL && tok(rd, i)->len > 1 &&
		   !(h->flags & WF_WEAK)) {
		d = h->value; /* "el cinco de mayo" */
		k = i + h->len;
	}
	if (d >= 0) {
		int mk = skip(rd, k);
		if ((ml = month_at(rd, mk, &m)) > 0) {
			n = mk + ml - i;
			if ((yl = wr_year_at(rd, i + n, &y)) > 0)
				n += yl;
			if (d < 1 || d > 31)
				rd->bad_date = 1;
			else
				wr_day_month(rd, d, m, y);
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
		if ((yl = wr_year_at(rd, i + n, &y)) > 0)
			n += yl;
		if (dv < 1 || dv > 31)
			rd->bad_date = 1;
		else
			wr_day_month(rd, dv, m, y);
		mark(rd, i, n);
		note_day(rd, i, n, "date");
		rd->ctx_at = i + n;
		return n;
	}
	/* the 25th, "am 5.": this month's, or next month's once gone; in a
	 * language that writes "el viernes 10" for Friday the 10th, a bare
	 * number right after a weekday too (when_vocab.wday_date). */
	int ord =
	    ordinal_after(rd, i + 1) && (has(rd, i - 1, WS_SKIP) || a > 3);
	/* "no 12º andar", "im 3. Stock": a floor (review pt AM s46 offered
	 * Saturday 12) */
	if (has(rd, skip(rd, i + 1 + ordinal_after(rd, i + 1)), WS_COUNTED))
		return 0;
	/* "le 2e" and no date word after it: the second of a list, no date
	 * (fr); "le 2e samedi" stays a date read (and doubted) */
	if (ord && hit(rd, i + 1, WS_ORD_SUFFIX)->value == 1) {
		int nx = skip(rd, i + 2);
		if (nx >= rd->t->n || !tok(rd, nx)->known)
			return 0;
	}
	int odot =
	    t0->dot && has(rd, i - 1, WS_SKIP) && !after_time_word(rd, i);
	if (a >= 0 && t0->ndigits <= 2 &&
	    (ord || odot || number_after_weekday(rd, i) ||
	     number_after_mark(rd, i))) {
		/* the number and its ordinal ending, if any ("25th", "15") */
		int used = 1 + ordinal_after(rd, i + 1);
		/* "the 3rd of smarch": an ordinal "of" something unknown */
		int nk = skip(rd, i + used);
		if (nk > i + used && !tok(rd, nk)->known &&
		    tok(rd, nk)->num < 0 && nk < rd->t->n &&
		    !has(rd, i + used, WS_WINDOW)) {
			rd->unsure = 1;
			mark(rd, i, nk - i + 1);
			return nk - i + 1;
		}
		/* "den 7. Geburtstag": an ordinal before a word we don't
		 * know (review de AD s10, s46) */
		rd->weak_next = nk < rd->t->n && !tok(rd, nk)->known &&
				tok(rd, nk)->num < 0;
		int got = mday_ahead(rd, a, i, used, "day of the month");
		rd->weak_next = 0;
		return got;
	}
	return 0;
}

/* "next month", "end of the month", "in 3 months": the month counted
 * from this one at K (its tokens into *used), or 0. */
static int month_counted(struct rd *rd, int k, int span, int part, int *used)
{
	const struct lex_hit *h, *u;
	int off = -1, v, word, nl, kk = k;
	if ((h = hit(rd, kk, WS_NEXT)) != NULL) {
		off = 1;
		kk = skip(rd, kk + h->len);
	} else if ((h = hit(rd, kk, WS_THIS)) != NULL) {
		off = 0;
		kk = skip(rd, kk + h->len);
	} else if (span && (nl = number(rd, kk, &v, &word)) > 0 && v >= 1 &&
		   v <= 24) {
		off = word ? -2 : v; /* "in 3 months"; "in a month" vague */
		kk = skip(rd, kk + nl);
	} else if (part) {
		off = 0; /* "end of the month" */
	}
	if (off == -1 || (u = hit(rd, kk, WS_MONTH_UNIT)) == NULL)
		return -1;
	*used = kk + u->len - k;
	return off;
}

/* "in december", "during may", "mid december", "end of the month", "next
 * month", "in 3 months": the month's days (or that part of them) from
 * today on. */
int wr_month_span(struct rd *rd, int i)
{
	const struct lex_hit *h = hit(rd, i, WS_MONTH_SPAN);
	int m, ml, part = 0, k = i, used = 0, off;

	if (h != NULL)
		k = skip(rd, i + h->len);
	const struct lex_hit *p = hit(rd, k, WS_MONTH_PART);
	if (p != NULL) {
		part = p->value;
		k = skip(rd, k + p->len);
	}
	int n, y = rd->now->day.year, yl, counted = 0;
	if ((ml = month_at(rd, k, &m)) > 0) {
		if (h == NULL && part == 0)
			return 0; /* a month alone is read elsewhere */
		n = k + ml - i;
		if ((yl = wr_year_at(rd, i + n, &y)) > 0)
			n += yl;
		else if (m < rd->now->day.month)
			y++;
	} else if ((off = month_counted(rd, k, h != NULL, part, &used)) == -2) {
		rd->unsure = 1; /* "in a month": too vague to offer across */
		mark(rd, i, k + used - i);
		return k + used - i;
	} else if (off >= 0) {
		n = k + used - i;
		counted = 1; /* "in 3 months", "next month": a month counted */
		m = rd->now->day.month + off;
		while (m > 12) {
			m -= 12;
			y++;
		}
	} else {
		return 0;
	}
	struct when_day first, last;
	int days = civil_month_days(y, m);
	when_day_make(y, m, part == 2 ? 11 : part == 3 ? 21 : 1, &first);
	when_day_make(y, m, part == 1 ? 10 : part == 2 ? 20 : days, &last);
	if (when_day_cmp(&last, &rd->now->day) < 0)
		return 0; /* that part of this month has gone */
	if (when_day_cmp(&first, &rd->now->day) < 0 &&
	    when_day_cmp(&last, &rd->now->day) >= 0)
		first = rd->now->day;
	set_range(rd, first, last);
	mark(rd, i, n);
	note_day(rd, i, n, counted ? "months counted" : "month");
	return n;
}
