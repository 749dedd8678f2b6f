/* when_times: the reader's rules for times, ranges and parts of the day. */
#include "when_read.h"

#include "smsdesk/catalog.h"
#include "smsdesk/text.h"

#include <string.h>

/* ---- times --------------------------------------------------------------- */

/* Token I is a word of the catalog in the plural, its "s" or "es" cut
 * ("2 sillones", "6 sillas", "3 pneus"): what a number before it counts.
 * A word as the catalog writes it may follow an hour ("morning 9
 * haircut", "yrn 11 saç"), so only the plural says a count. */
static int catalog_thing_at(const struct rd *rd, int i)
{
	char f[LEX_TOK_CAP * 2];
	struct cat_match m;
	if (rd->cat == NULL || i >= rd->t->n || tok(rd, i)->num >= 0 ||
	    tok(rd, i)->len < 3 || text_fold(tok(rd, i)->s, f, sizeof f) == 0)
		return 0;
	size_t n = strlen(f);
	for (size_t cut = 1; cut <= 2 && n > cut + 3; cut++) {
		char g[LEX_TOK_CAP * 2];
		memcpy(g, f, n - cut);
		g[n - cut] = '\0';
		if (f[n - 1] == 's' &&
		    catalog_lookup(rd->cat, g, 0, &m, 1) > 0 && m.distance == 0)
			return 1;
	}
	return 0;
}

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

/* Right after a part of the day: "por la tarde |un masaje". */
static int after_window(const struct rd *rd, int i)
{
	for (int back = 1; back <= 6 && i - back >= 0; back++) {
		const struct lex_hit *w = hit(rd, i - back, WS_WINDOW);
		const struct lex_hit *t = hit(rd, i - back, WS_WINDOW_TODAY);
		if ((w != NULL && w->len == back) ||
		    (t != NULL && t->len == back))
			return 1;
	}
	return 0;
}

int wr_window_holds_hour(const struct lex_hit *w, int h)
{
	int lo = w->value / 2048 - 60, hi = w->value % 2048;
	int am = h * 60, pm = (h + 12) * 60;
	return (am >= lo && am < hi) || (h <= 12 && pm >= lo && pm < hi);
}

static int time_ctx(const struct rd *rd, int i)
{
	static const unsigned ctx[] = {WS_AT,	  WS_ABOUT,	  WS_AFTER,
				       WS_BEFORE, WS_BETWEEN,	  WS_TO,
				       WS_WINDOW, WS_WINDOW_TODAY};
	if (i == rd->ctx_at ||
	    (rd->neg_next >= 0 && (i == rd->neg_next || i == rd->neg_next + 1)))
		return 1;
	for (int back = 1; back <= 4 && i - back >= 0; back++) {
		/* An entry of BACK words ending right before i. */
		for (size_t k = 0; k < sizeof(ctx) / sizeof(ctx[0]); k++) {
			const struct lex_hit *h = hit(rd, i - back, ctx[k]);
			/* "un grupo de 3": "de" opens a span only */
			if (h == NULL || h->len != back ||
			    (h->sense == WS_BETWEEN &&
			     h->value == WV_SPAN_ONLY))
				continue;
			/* "Geschwister 6 und 8", "2 oder 3 Kinder": an
			 * "and" or "or" after a bare number no rule read
			 * as a time joins two counts, never a time to one
			 * (review de AL s26 booked 08:00 beside "um 15
			 * Uhr"); "um 6 oder 8", "Montag bis 8" still are */
			const struct lex_tok *p = tok(rd, i - back - 1);
			if (ctx[k] == WS_TO && p->num >= 0 && !p->used)
				continue;
			return 1;
		}
	}
	return 0;
}

/* An "at" or "about" word right before token i ("saat onda", "às uma"). */
static int at_before(const struct rd *rd, int i)
{
	for (int back = 1; back <= 4 && i - back >= 0; back++) {
		const struct lex_hit *h = hit(rd, i - back, WS_AT);
		const struct lex_hit *b = hit(rd, i - back, WS_ABOUT);
		if ((h != NULL && h->len == back) ||
		    (b != NULL && b->len == back))
			return 1;
	}
	return 0;
}

/* What the bare number at token i counts, written right after it with one
 * space ("2 kittens", "3 of us"; not "10 (kids bikes)"): no hour. WORD: the
 * number is a word; entries of value 1 ("one for me", "one each") count
 * only after one with no "at" before it, as "sat 10 for my son" and "at
 * one for me" are still hours. */
static int counted_after(const struct rd *rd, int i, int n, int word)
{
	const struct lex_hit *h =
	    i + n < rd->t->n ? hit(rd, i + n, WS_COUNTED) : NULL;
	return h != NULL && (h->value == 0 || (word && !at_before(rd, i))) &&
	       !tok(rd, i + n - 1)->brk &&
	       tok(rd, i + n)->off - tok(rd, i + n - 1)->end == 1;
}

/*
 * "leçon 1h", "leçon de conduite de 2h", "sessão de 3h": an hour count right
 * after a plain word (or after a short linking word after one) that is as
 * long as one of the catalog's services is that service's length, not a
 * clock time (review fr7 s52 "jeudi 10h lecon 1h" read 13:00, s03 "de 2h"
 * read as after 14:00, pt7 s21 "sessao de 3 horas" as 15:00). An "at" or
 * "about" word ("à 2h", "vers 3h") keeps it a time.
 */
static int service_length(const struct rd *rd, int i, int h0)
{
	int k = i - 1;

	if (rd->cat == NULL || h0 < 1 || h0 > 8 || k < 0 ||
	    tok(rd, i)->s[0] == '0')
		return 0;
	if (tok(rd, k)->num < 0 && tok(rd, k)->len <= 3 && k > 0 &&
	    !has(rd, k, WS_AT) && !has(rd, k, WS_ABOUT) &&
	    !has(rd, k, WS_BEFORE) && !has(rd, k, WS_TO) &&
	    tok(rd, k - 1)->num < 0 && longest(rd, k - 1) == 0 &&
	    tok(rd, k - 1)->len > 3)
		k--; /* "de" in "leçon de 2h" */
	if (tok(rd, k)->num >= 0 || longest(rd, k) != 0 || tok(rd, k)->len <= 3)
		return 0;
	for (size_t s = 0; s < rd->cat->n_services; s++)
		if (rd->cat->services[s].minutes == h0 * 60)
			return 1;
	return 0;
}

/*
 * "umas 3 horas na sexta à noite", "la cabina dos horas", "2 horas": a
 * small count of hours written with the plural unit that is also the hour's
 * word ("horas"), with no "at" word before it and no am, pm or part of the
 * day after it, is how long, never 15:00 or 14:00 (reviews pt AI s57 booked
 * four courts at 15:00 for "a noite", es AI s58). N is the number's tokens,
 * OC the hour word after it.
 */
enum { HOURS_LONG_MAX = 5 };

static int hours_long(const struct rd *rd, int i, int n,
		      const struct lex_hit *oc, int h0)
{
	int pm;
	if (oc == NULL || h0 < 1 || h0 > HOURS_LONG_MAX ||
	    !has(rd, i + n, WS_UNIT_MIN) || tok(rd, i)->s[0] == '0')
		return 0;
	for (int back = 1; back <= 4 && i - back >= 0; back++) {
		const struct lex_hit *h = hit(rd, i - back, WS_AT);
		if (h != NULL && h->len == back)
			return 0;
	}
	/* the plural unit only: "3 hs", "3 hora" stay times */
	const struct lex_tok *u = tok(rd, i + n);
	if (u->len < 4 || u->s[u->len - 1] != 's')
		return 0;
	return !ampm_at(rd, i + n + oc->len, &pm) &&
	       !window_after(rd, i + n + oc->len) &&
	       !has(rd, i + n + oc->len, WS_MIN_AFTER) &&
	       tok(rd, i + n + oc->len)->num < 0;
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

	out->h24 = 0;
	out->as_written = 0;

	/* "M-AB 1234", "B-MW 2201": the number of a number plate (short
	 * letters joined by a dash, then digits) is no time (de3 s75) */
	if (h0 >= 0 && i >= 2 && tok(rd, i - 1)->num < 0 &&
	    tok(rd, i - 1)->len <= 3 && tok(rd, i - 2)->sep == '-' &&
	    tok(rd, i - 2)->num < 0 && tok(rd, i - 2)->len <= 3)
		return 0;
	if ((h = hit(rd, i, WS_CLOCK)) != NULL) {
		out->min = h->value;
		out->strong = 1;
		used = h->len;
		goto after; /* "midi et demi", "meio-dia e meia" */
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
	/* (An article that is also "one", "ein", is no hour; "on bir",
	 * eleven, is one though "on" alone may be a SKIP word.) */
	if (h0 < 0 && (n = number(rd, i, &v, &word)) > 0 && word && v >= 1 &&
	    v <= 12 && (!has(rd, i, WS_SKIP) || hit(rd, i, WS_SKIP)->len < n)) {
		int a = ampm_at(rd, i + n, &pm);
		const struct lex_hit *oc = hit(rd, i + n, WS_OCLOCK);
		if (a == 0 && oc == NULL && !ctx && !window_after(rd, i + n))
			return 0;
		if (a == 0 && hours_long(rd, i, n, oc, v))
			return 0;
		if (a == 0 && oc == NULL && !window_after(rd, i + n) &&
		    rd->n_vocabs > 0 && rd->vocabs[0]->word_hour_marked)
			return 0;
		if (a == 0 && oc == NULL &&
		    (has(rd, i + n, WS_UNIT_DAYS) ||
		     has(rd, i + n, WS_UNIT_MIN)))
			return 0; /* "at a week" */
		const struct lex_hit *nw = hit(rd, i, WS_NUMBER);
		if ((tok(rd, i)->len == 1 ||
		     (tok(rd, i)->len == 2 && n == 1 && v == 1) ||
		     (nw != NULL && (nw->flags & WF_WEAK) &&
		      !at_before(rd, i))) &&
		    a == 0 && oc == NULL)
			return 0; /* "a", "an" (even after "for": "in for an
				   * mot"), "et un brushing"; but "saat
				   * onda", "às uma" after an "at" word */
		if (a == 0 && oc == NULL && !after_time_word(rd, i) &&
		    !window_after(rd, i + n) && after_window(rd, i))
			return 0; /* "tomorrow afternoon one massage" */
		if (a == 0 && oc == NULL && counted_after(rd, i, n, 1))
			return 0; /* "for two kittens", "for two of us" */
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
	/* "11 91234-5678", "(11) 3456 7890": an area code before the rest of
	 * a phone number, not an hour. */
	if (t0->ndigits <= 3 && t0->sep == ' ' && i + 1 < rd->t->n &&
	    tok(rd, i + 1)->ndigits >= 4 && tok(rd, i + 1)->ndigits <= 5 &&
	    (tok(rd, i + 1)->sep == '-' || tok(rd, i + 1)->sep == ' ') &&
	    i + 2 < rd->t->n && tok(rd, i + 2)->ndigits >= 4)
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
		out->min =
		    (a && h0 <= 12 ? apply_ampm(h0, pm) : h0 % 24) * 60 + m;
		out->strong = a || h0 >= 13 || h0 == 0 ||
			      (t0->ndigits == 2 && t0->s[0] == '0') || hmark;
		out->as_written = t0->sep == ':' && rd->n_vocabs > 0 &&
				  rd->vocabs[0]->colon_24h;
		used += a;
		goto after;
	}
	/* "10 30", "14 15": a space for the colon, as texts often write it;
	 * minutes of a quarter hour, and never before a month, a unit or an
	 * ordinal ending ("10 15 Minuten", "12 15 mart"). */
	const struct lex_tok *mt = tok(rd, i + 1);
	if (t0->ndigits <= 2 && h0 >= 1 && h0 <= 23 && t0->sep == ' ' &&
	    i + 1 < rd->t->n && mt->num >= 0 && mt->num <= 45 &&
	    mt->num % 15 == 0 && mt->ndigits == 2 && mt->sep != ':' &&
	    mt->sep != '.' && mt->sep != '/' && mt->sep != '-' &&
	    !has(rd, i + 2, WS_MONTH) && !has(rd, i + 2, WS_UNIT_DAYS) &&
	    !has(rd, i + 2, WS_UNIT_MIN) && !ordinal_after(rd, i + 2)) {
		int a2 = ampm_at(rd, i + 2, &pm);
		out->min =
		    (a2 && h0 <= 12 ? apply_ampm(h0, pm) : h0) * 60 + mt->num;
		out->strong = a2 || h0 >= 13;
		used = 2 + a2;
		goto after;
	}
	used = 1;
	int a = ampm_at(rd, i + 1, &pm);
	if (t0->ndigits >= 3) {
		/* 1030, 930: only with am/pm or after "at" */
		int hr = h0 / 100, mm = h0 % 100;
		if (hr > 23 || mm > 59 || (a == 0 && !ctx))
			return 0;
		/* es "a 120", "a 3000 vueltas": a bare "a" before a number
		 * above 24 is a speed or a quantity, never a clock time
		 * (review es4 s45 "me vibra el volante a 120" read 13:20) */
		if (a == 0 && i > 0 && tok(rd, i - 1)->len == 1 &&
		    (tok(rd, i - 1)->s[0] == 'a' ||
		     tok(rd, i - 1)->s[0] == 'A'))
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
	if (h0 > 23 || (a && h0 == 0))
		return 0; /* "24pm", "0am" */
	if (a) {
		out->min = apply_ampm(h0, pm) * 60;
		out->strong = 1;
		used += a;
		goto after;
	}
	if ((h = hit(rd, i + 1, WS_OCLOCK)) != NULL) {
		/* "10 o'clock", "um 10 Uhr", "15h", "10'da" */
		if (!ampm_at(rd, i + 1 + h->len, &pm) &&
		    service_length(rd, i, h0))
			return 0;
		if (hours_long(rd, i, 1, h, h0))
			return 0;
		out->min = (h0 % 24) * 60;
		out->strong = h0 >= 13 || h0 == 0 || t0->s[0] == '0';
		out->as_written = rd->n_vocabs > 0 && rd->vocabs[0]->oclock_24h;
		out->h24 = h->value == WV_H24;
		used += h->len;
		/* "14 heures 30", "10 Uhr 30": two digits after the hour's
		 * word are its minutes (not "10 heures 15 avril", not "17
		 * Uhr, 30 min Massage": a comma, or a unit after them; review
		 * de U s10 booked 17:30) */
		const struct lex_tok *hm = tok(rd, i + used);
		if (i + used < rd->t->n && hm->ndigits == 2 && hm->num >= 0 &&
		    hm->num <= 59 && hm->sep == ' ' &&
		    !tok(rd, i + used - 1)->brk &&
		    !has(rd, i + used + 1, WS_MONTH) &&
		    !has(rd, i + used + 1, WS_OCLOCK) &&
		    !has(rd, i + used + 1, WS_UNIT_DAYS) &&
		    !has(rd, i + used + 1, WS_UNIT_MIN)) {
			out->min += hm->num;
			used++;
		}
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
	/* "mañana por la tarde 2 sillones": a bare number before a thing of
	 * the catalog in the plural counts it, never an hour (the class of
	 * review tr AM s02, "öğleden sonra 3 halı" booked at 15:00; Turkish
	 * says no plural after a number, so that one stays a time) */
	if (!at_before(rd, i) && catalog_thing_at(rd, i + 1))
		return 0;
	/* "10 buçukta", "10'u çeyrek geçe": minutes after it make a time */
	int min_after = has(rd, i + 1, WS_MIN_AFTER);
	if ((!ctx && !window_after(rd, i + 1) && !min_after) ||
	    ordinal_after(rd, i + 1) || (t0->sep == 'j' && !min_after) ||
	    h0 == 24)
		return 0;
	/* "mardi 15 en fin de matinée": a number no hour of the part of the
	 * day after it is no time (the 15th; review fr R c15.2 read 15:00) */
	/* an explicit "at" or a minutes word before it ("às 2 de manhã",
	 * "viertel vor 3 morgen") keeps it a time */
	int marked = at_before(rd, i);
	for (int back = 1; back <= 3 && i - back >= 0 && !marked; back++) {
		const struct lex_hit *mb = hit(rd, i - back, WS_MIN_BEFORE);
		marked = mb != NULL && mb->len == back;
	}
	if (!min_after && !marked && window_after(rd, i + 1)) {
		const struct lex_hit *w = hit(rd, i + 1, WS_WINDOW);
		if (w == NULL)
			w = hit(rd, i + 1, WS_WINDOW_TODAY);
		if (!wr_window_holds_hour(w, h0))
			return 0;
		/* "dia 11 à tarde", "vendredi 11 le matin": a part of the
		 * day said on its own makes no bare number its hour (review
		 * pt AB s58, fr AB c17.1 booked Friday the 4th at 11) */
		if (w != NULL && (w->flags & WF_DAYPART) &&
		    (rd->wday < 0 || wr_mday_on_wday(rd, h0)))
			return 0;
	}
	if ((has(rd, i + 1, WS_UNIT_DAYS) || has(rd, i + 1, WS_UNIT_MIN)) &&
	    unit_len(rd, i + 1) >= longest(rd, i + 1))
		return 0; /* "for 2 hours", "at 3 days' notice" */
	if (counted_after(rd, i, 1, 0))
		return 0; /* "for 2 kittens", "for 3 of us": a count */
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
int wr_window(struct rd *rd, int i)
{
	const struct lex_hit *h;

	if ((h = hit(rd, i, WS_WINDOW_TODAY)) != NULL) {
		/* "à demain même heure ? Je me suis bloqué le dos ce
		 * matin": today's part of the day beside another day named
		 * tells when something happened, never the time asked
		 * (review fr AL c16.2 offered Thursday morning) */
		if (rd->day_set && when_day_cmp(&rd->day, &rd->now->day) != 0) {
			mark(rd, i, h->len);
			return h->len;
		}
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
		/* a weak part of the day only right after a day: "jueves
		 * tarde" (review es L c04.1 offered the morning), never
		 * "llego tarde" */
		if ((h->flags & WF_WEAK) && !(i > 0 && i == rd->ctx_at))
			return 0;
		window_seen(rd, h->value);
		mark(rd, i, h->len);
		if (rd->kind == WHEN_TIME_WINDOW)
			note_time(rd, i, h->len, "part of the day");
		rd->ctx_at = i + h->len;
		return h->len;
	}
	/* "am"/"pm" right after a day: "fri pm", "tomorrow am" (never "I am").
	 */
	if (i > 0 && i == rd->ctx_at && tok(rd, i - 1)->sep != 'j' &&
	    tok(rd, i - 1)->num < 0) {
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
int wr_range(struct rd *rd, int i)
{
	struct tval a, b;
	const struct lex_hit *h;
	int n, k, m;

	/* "Kennzeichen M-AB 1234": letters joined by a dash are a number
	 * plate, not "ab" (from) and a time (review de3 s75) */
	if (i > 0 && tok(rd, i - 1)->sep == '-' && tok(rd, i - 1)->num < 0)
		return 0;
	/* "après midi" written apart is the afternoon, never "after 12" */
	const struct lex_hit *win = hit(rd, i, WS_WINDOW);
	if (win != NULL && win->len > 1)
		return 0;
	if ((h = hit(rd, i, WS_AFTER)) != NULL ||
	    (h = hit(rd, i, WS_BEFORE)) != NULL ||
	    (h = hit(rd, i, WS_BETWEEN)) != NULL) {
		int before = h->sense == WS_BEFORE;
		/* "can't come till 5", "at work until 4": from then on */
		for (int p = i - 1;
		     before && h->value != 1 && p >= 0 && p >= i - 6; p--)
			if (has(rd, p, WS_NOT))
				before = 0;
		k = i + h->len;
		const struct lex_hit *ab = hit(rd, k, WS_ABOUT);
		if (ab != NULL)
			k += ab->len;
		if ((n = time_at(rd, k, 1, &a)) == 0)
			return 0;
		k += n;
		/* "a las 9:30? luego entro a trabajar a las 11": the
		 * customer's own day bounds nothing beside a time asked */
		if (h->value == WV_OWN_DAY && rd->kind == WHEN_TIME_AT) {
			mark(rd, i, k - i);
			return k - i;
		}
		const struct lex_hit *to = hit(rd, k, WS_TO);
		int dash =
		    tok(rd, k - 1)->sep == '-' || tok(rd, k - 1)->sep == '~';
		if ((to != NULL || dash) && !before) {
			int tk = k + (dash ? 0 : to->len);
			if ((m = time_at(rd, tk, 1, &b)) > 0) {
				k = tk + m;
				goto both;
			}
		}
		if (h->value == WV_SPAN_ONLY)
			return 0;
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
	/* 2-4pm, 10-12, 9:30 - 11:00, 2 to 4; after the time: "10'dan
	 * sonra", "12'ye kadar" */
	if (tok(rd, i)->num >= 0 && (n = time_at(rd, i, 1, &a)) > 0) {
		k = i + n;
		const struct lex_hit *pa = hit(rd, k, WS_AFTER);
		const struct lex_hit *pb = hit(rd, k, WS_BEFORE);
		if (pa != NULL && !(pa->flags & WF_POST))
			pa = NULL;
		if (pb != NULL && !(pb->flags & WF_POST))
			pb = NULL;
		if (pa != NULL || pb != NULL) {
			const struct lex_hit *p = pa != NULL ? pa : pb;
			rd->kind = WHEN_TIME_WINDOW;
			rd->has_lo = pa != NULL;
			rd->has_hi = pa == NULL;
			if (pa != NULL)
				rd->lo = a;
			else
				rd->hi = a;
			mark(rd, i, k + p->len - i);
			note_time(rd, i, k + p->len - i,
				  pa != NULL ? "after" : "before");
			return k + p->len - i;
		}
		const struct lex_hit *to = hit(rd, k, WS_TO);
		int dash =
		    tok(rd, k - 1)->sep == '-' || tok(rd, k - 1)->sep == '~';
		if (!dash && (to == NULL || tok(rd, k + to->len)->num < 0))
			return 0;
		if (!dash && (to->len != 1 || !time_ctx(rd, i)) &&
		    !(n > 1 || tok(rd, i)->sep == ':'))
			return 0; /* "2 to 4" only after a time word */
		int tk = k + (dash ? 0 : to->len);
		if ((m = time_at(rd, tk, 1, &b)) == 0)
			return 0;
		if (!a.strong && !b.strong && !time_ctx(rd, i) &&
		    tok(rd, i)->sep != ':' && tok(rd, k - 1)->sep != '~')
			return 0; /* "1-2" alone is not a time; "9 - 11" is */
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

int wr_time_len(const struct rd *rd, int i)
{
	struct tval v;
	return time_at(rd, i, 1, &v);
}

int wr_time_min(const struct rd *rd, int i, int *min)
{
	struct tval v;
	int n = time_at(rd, i, 1, &v);
	if (n > 0)
		*min = v.min;
	return n;
}

int wr_time(struct rd *rd, int i)
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

int wr_asap(struct rd *rd, int i)
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
