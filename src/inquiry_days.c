/*
 * inquiry: several bookings in one text, each on the day its own clause
 * names ("Book me a facial thursday at 10am and a bikini wax friday at
 * 2pm", "Cumartesi 10:00 masaj, pazar 11:00 seans", "consulta sexta de
 * manhã, banho sábado"). The time reader reads a whole text as one day,
 * so two days there are "ambiguous" and nothing was booked (review r7
 * s130, tr5 s57, pt5 s54); each clause is read again on its own.
 *
 * A clause naming a day and no service goes with the service before it
 * when that one has no day yet ("a facial, thursday at 10") or took the
 * day of a service before it ("banho sábado e vacina tbm na sexta"), else
 * it is
 * one more of that service ("seans pazartesi 9:00, salı 9:00"), or it
 * waits for the service after it ("Cumartesi 10:00, masaj"). Alternatives
 * ("thursday or friday"), corrections ("no, friday") and days that are
 * not wanted ("not thursday") are one booking, never several.
 */
#include "smsdesk/inquiry.h"

#include "inquiry_read.h"
#include "smsdesk/text.h"

#include <stdio.h>
#include <string.h>

struct clause_when {
	int has_day; /* the clause names a day of its own */
	int counted; /* its day is counted from the one before ("and also
			the week after"): anchor_days */
	int same;    /* it says "same time" */
	struct when_req w;
};

/* WORDS (folded) say the pack's "every <weekday>" of W's day
 * ("donnerstags", "los jueves"), where the pack's form names no one day. */
static int every_weekday(const struct reader *r, const char *words,
			 const struct when_req *w)
{
	const char *ev = r->pack->wday_every[w->day.wday % 7];
	char f[64], hay[FOLD_CAP + 3], needle[70];
	if (ev == NULL || r->pack->wday_every_names_one ||
	    text_fold(ev, f, sizeof f) == 0)
		return 0;
	snprintf(hay, sizeof hay, " %s ", words);
	snprintf(needle, sizeof needle, " %s ", f);
	return strstr(hay, needle) != NULL;
}

static void read_clause(const struct reader *r, const struct when_local *now,
			int c, struct clause_when *out)
{
	static char words[FOLD_CAP];
	const struct when_vocab *v[8];
	size_t nv = lang_when_vocabs(r->cat, r->pack, v, 8);

	memset(out, 0, sizeof(*out));
	int digits = 0;
	for (size_t i = 0; i < r->n; i++)
		digits += r->t[i].clause == c && rd_is_digits(r->t[i].w);
	if (digits >= 3)
		return; /* "mon num 06 12 34 56 78": a number, no day */
	rd_clause_words(r, NULL, c, words, sizeof(words));
	if (words[0] == '\0')
		return;
	when_read(words, now, r->cat, v, nv, &out->w);
	out->has_day = out->w.has_day && !out->w.unsure &&
		       out->w.problem != WHEN_AMBIGUOUS_DATE &&
		       out->w.problem != WHEN_BAD_DATE && !out->w.has_anchor;
	/* "am besten donnerstags ... Ginge nächste Woche Donnerstag 15
	 * Uhr?": a weekday every week is a habit, never a day of its own
	 * (review de AU s15 booked both Thursdays, a wrong day) */
	if (out->has_day && every_weekday(r, words, &out->w))
		out->has_day = 0;
	out->counted = out->w.has_anchor && out->w.anchor_wday == 0 &&
			       out->w.anchor_days != 0
			   ? out->w.anchor_days
			   : 0;
	/* "same time" in it, or in the clause after it that names no
	 * service ("and the week after, same time"); clauses split at "and"
	 * are numbered after the others, so "after" is in the text */
	int next = -1, thing_next = 0, same_next = 0;
	for (size_t i = 0; i < r->n; i++) {
		out->same |= r->t[i].clause == c && (r->t[i].eff & LW_SAME);
		if (r->t[i].clause == c && i + 1 < r->n &&
		    r->t[i + 1].clause != c)
			next = r->t[i + 1].clause;
	}
	for (size_t i = 0; next >= 0 && i < r->n; i++) {
		thing_next |= r->t[i].clause == next && r->t[i].thing > 0;
		same_next |= r->t[i].clause == next && (r->t[i].eff & LW_SAME);
	}
	out->same |= same_next && !thing_next;
}

/*
 * "a massage next wed 7pm and also the week after same time" (review r10
 * s094 dropped the second): a clause whose day is counted from the one
 * before is one more of that service, on that day, at its own time, or
 * at the same time when it says so (else the desk offers that day).
 */
static int counted_day(struct inq_dated *prev, struct clause_when *cw)
{
	if (cw->counted == 0 || prev == NULL || !prev->when.has_day)
		return 0;
	struct when_req w = prev->when;
	w.day = when_day_add(prev->when.day, cw->counted);
	w.weekday_only = 0;
	if (cw->w.time != WHEN_TIME_NONE) {
		w.time = cw->w.time;
		w.from_min = cw->w.from_min;
		w.to_min = cw->w.to_min;
		w.alt_min[0] = cw->w.alt_min[0];
		w.alt_min[1] = cw->w.alt_min[1];
	} else if (!cw->same) {
		w.time = WHEN_TIME_NONE;
		w.from_min = w.to_min = 0;
		w.alt_min[0] = w.alt_min[1] = -1;
	}
	cw->w = w;
	cw->has_day = 1;
	return 1;
}

/* The match of the service read at token I, or -1. */
static int match_at(const struct reader *r, const struct inquiry *q, size_t i)
{
	int th = r->t[i].thing;
	if (th <= 0 || q->things[th - 1].kind != (int)CAT_SERVICE ||
	    q->things[th - 1].role != INQ_ASKED)
		return -1;
	for (size_t k = 0; k < q->n_matches; k++)
		if (q->matches[k].kind == CAT_SERVICE &&
		    q->matches[k].idx == q->things[th - 1].idx)
			return (int)k;
	return -1;
}

/* A day-only clause's time fills the item's when it has none. */
static void give_when(struct inq_dated *d, const struct clause_when *cw)
{
	if (!d->when.has_day) {
		d->when = cw->w;
		return;
	}
	if (d->when.time == WHEN_TIME_NONE && cw->w.time != WHEN_TIME_NONE &&
	    !cw->has_day) {
		d->when.time = cw->w.time;
		d->when.from_min = cw->w.from_min;
		d->when.to_min = cw->w.to_min;
		d->when.problem = cw->w.problem;
		d->when.alt_min[0] = cw->w.alt_min[0];
		d->when.alt_min[1] = cw->w.alt_min[1];
	}
}

struct walk {
	struct inq_dated items[INQ_MAX_MATCHES];
	int n;
	int borrowed[INQ_MAX_MATCHES]; /* its day is another's, not its
					  clause's own */
	int carry; /* a day-only clause waits for the next service */
	struct clause_when carried;
};

static void add_item(struct walk *wk, int match, const struct clause_when *cw)
{
	if (wk->n >= INQ_MAX_MATCHES)
		return;
	struct inq_dated *d = &wk->items[wk->n++];
	memset(d, 0, sizeof(*d));
	d->match = (size_t)match;
	d->persons = 1;
	wk->borrowed[wk->n - 1] = 0;
	if (cw->has_day) {
		d->when = cw->w;
	} else if (wk->carry) {
		d->when = wk->carried.w;
		give_when(d, cw);
	} else if (wk->n > 1 && wk->items[wk->n - 2].when.has_day) {
		/* "and brows after": the day of the one before */
		d->when = wk->items[wk->n - 2].when;
		wk->borrowed[wk->n - 1] = 1;
		if (cw->w.time != WHEN_TIME_NONE)
			give_when(d, cw);
	} else {
		d->when = cw->w;
	}
	wk->carry = 0;
}

static int opens_with_and(const struct reader *r, int c)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->t[i].clause == c)
			return ((r->t[i].cls | r->t[i].pcls) & LW_CONJ) != 0;
	return 0;
}

/* A topic is read in clause C ("cat grooming wed 9am"): its day and
 * service words are the topic's, never one more of ours. */
static int holds_topic(const struct reader *r, const struct inquiry *q, int c)
{
	for (size_t i = 0; i < r->n; i++) {
		int th = r->t[i].thing;
		if (r->t[i].clause == c && th > 0 &&
		    q->things[th - 1].kind == (int)CAT_TOPIC)
			return 1;
	}
	return 0;
}

/* One clause: its services each an item; a day alone goes to one. */
static void walk_clause(const struct reader *r, const struct inquiry *q, int c,
			const struct clause_when *cw, struct walk *wk)
{
	int any = 0, last = -1;
	if (holds_topic(r, q, c))
		return;
	/* "et la restitution la semaine suivante": a service of its own on
	 * a day counted from the one before (review fr AV c12.2 booked it
	 * on the first one's day, a wrong day) */
	struct clause_when counted = *cw;
	/* only a day after it: "a haircut and a shave the day before"
	 * counts from the wedding, never from the haircut */
	if (counted.counted > 0 && !counted.has_day)
		counted_day(wk->n > 0 ? &wk->items[wk->n - 1] : NULL, &counted);
	for (size_t i = 0; i < r->n; i++) {
		if (r->t[i].clause != c)
			continue;
		int m = match_at(r, q, i);
		if (m < 0 || m == last)
			continue;
		add_item(wk, m, &counted);
		if (any && wk->n > 0)
			wk->borrowed[wk->n - 1] = 1;
		last = m;
		any = 1;
	}
	struct inq_dated *prev = wk->n > 0 ? &wk->items[wk->n - 1] : NULL;
	struct clause_when own = *cw;
	if (!any && counted_day(prev, &own)) {
		add_item(wk, (int)prev->match, &own);
		return;
	}
	if (any || (!cw->has_day && cw->w.time == WHEN_TIME_NONE))
		return;
	if (prev != NULL && !prev->when.has_day) {
		give_when(prev, cw);
	} else if (prev != NULL && cw->has_day && wk->borrowed[wk->n - 1]) {
		/* "banho sábado e vacina tbm na sexta": the day after the
		 * second service is its own, not the first one's */
		prev->when = cw->w;
		wk->borrowed[wk->n - 1] = 0;
	} else if (prev != NULL && cw->has_day &&
		   (cw->w.time == WHEN_TIME_AT || opens_with_and(r, c))) {
		add_item(wk, (int)prev->match, cw); /* "salı 9:00" too */
	} else if (prev != NULL) {
		give_when(prev, cw); /* "..., at 10" */
	} else if (cw->has_day) {
		wk->carry = 1;
		wk->carried = *cw;
	}
}

/* Two or more items on different days, each a day to come. */
static int days_differ(const struct walk *wk, const struct when_local *now)
{
	int differ = 0;
	for (int k = 0; k < wk->n; k++) {
		const struct when_req *w = &wk->items[k].when;
		if (!w->has_day || when_day_cmp(&w->day, &now->day) < 0)
			return 0;
		for (int j = 0; j < k; j++)
			differ |=
			    when_day_cmp(&wk->items[j].when.day, &w->day) != 0;
	}
	return differ;
}

void rd_clause_days(const struct reader *r, const struct when_local *now,
		    struct inquiry *q)
{
	static struct clause_when cws[64];
	struct walk wk;

	q->n_dated = 0;
	if (q->n_matches == 0 || r->clauses < 2 || r->clauses > 64 ||
	    rd_alternatives(r) || rd_has(r, LW_CORRECT) ||
	    rd_has(r, LW_NEGATE) || q->when.has_not_day)
		return;
	memset(&wk, 0, sizeof(wk));
	int with_day = 0;
	for (int c = 0; c < r->clauses; c++) {
		read_clause(r, now, c, &cws[c]);
		with_day += cws[c].has_day || (with_day && cws[c].counted);
	}
	if (with_day < 2)
		return;
	for (int c = 0; c < r->clauses; c++)
		walk_clause(r, q, c, &cws[c], &wk);
	if (wk.n < 2 || !days_differ(&wk, now))
		return;
	/* a service said once for several days is one place each day */
	for (int k = 0; k < wk.n; k++) {
		int once = 1;
		for (int j = 0; j < wk.n; j++)
			once &=
			    j == k || wk.items[j].match != wk.items[k].match;
		if (once)
			wk.items[k].persons =
			    q->persons[wk.items[k].match] > 0
				? q->persons[wk.items[k].match]
				: 1;
	}
	/* "diesen Freitag und nächsten Freitag jeweils um 8", "lundi et
	 * mardi à 10h": one clock time said last, after days with none, is
	 * every day's (review de AL c20.1 booked the second Friday and only
	 * offered the first) */
	/* one service on each day: "bath on the 27th and a groom on the
	 * 31st at 10" gives the groom its time, never the bath */
	const struct when_req *lw = &wk.items[wk.n - 1].when;
	int bare = 1;
	for (int k = 0; k + 1 < wk.n; k++)
		bare &= wk.items[k].when.time == WHEN_TIME_NONE &&
			wk.items[k].match == wk.items[wk.n - 1].match;
	if (bare && lw->time == WHEN_TIME_AT && lw->problem == WHEN_FINE)
		for (int k = 0; k + 1 < wk.n; k++) {
			wk.items[k].when.time = WHEN_TIME_AT;
			wk.items[k].when.from_min = lw->from_min;
			wk.items[k].when.to_min = lw->to_min;
		}
	memcpy(q->dated, wk.items, sizeof(wk.items[0]) * (size_t)wk.n);
	q->n_dated = wk.n;
	q->when = wk.items[0].when;
	q->when.mentioned = 1;
	q->day_conflict = 0;
	q->n_times = 0;
	memset(q->own_min, 0, sizeof(q->own_min));
}
