/*
 * inquiry: what a price or length question asks of each service it names
 * (review pt6 s07, s24: "quanto tempo dura o rpg? e o pilates?", "quanto é
 * o pilates? e a acupuntura?" were answered for the first service only).
 * The text is walked clause by clause ("and", punctuation): a clause with a
 * question word and services starts a question about them; a clause that
 * only names more services ("and a wax?", "e o pilates?") goes on with the
 * question before it; a question word with no service of its own ("and how
 * long does it take?", "E qual o valor?") asks it of the services before
 * it. A clause that names a day, a time or a booking word is a request,
 * never part of a question. The desk answers each service for what was
 * asked of it; this file only reads.
 */
#include "smsdesk/inquiry.h"

#include "inquiry_read.h"

#include "smsdesk/catalog.h"

#include <string.h>

int rd_price_word(const struct tok *t)
{
	if (t->plen > 1 && !(t->pcls & LW_PRICE) && (t->pcls & LW_DURATION))
		return 0; /* "quanto tempo dura": the length */
	uint64_t c = t->plen > 1 && (t->pcls & LW_PRICE) ? t->pcls : t->cls;
	return (c & LW_PRICE) != 0;
}

/* One clause as the walk sees it. */
struct fclause {
	unsigned kind;		    /* price/duration words in it */
	int request;		    /* a day, time or booking word */
	int words;		    /* words that are no service */
	size_t svc[INQ_MAX_THINGS]; /* asked services first read here */
	size_t n;
};

static void read_clause(const struct reader *r, const struct inquiry *q,
			size_t from, size_t to, unsigned *seen,
			struct fclause *c)
{
	memset(c, 0, sizeof(*c));
	for (size_t i = from; i < to; i++) {
		const struct tok *t = &r->t[i];
		if (rd_price_word(t))
			c->kind |= INQ_ASK_PRICE;
		if (t->eff & LW_DURATION)
			c->kind |= INQ_ASK_DURATION;
		if ((t->eff &
		     (LW_WEEKDAY | LW_DATEWORD | LW_TODAY | LW_BOOK)) ||
		    (t->thing == 0 && rd_has_digit(t->w)))
			c->request = 1;
		if (t->thing == 0 || t->thing > (int)q->n_things) {
			c->words++;
			continue;
		}
		size_t k = (size_t)t->thing - 1;
		if ((*seen >> k) & 1u)
			continue;
		*seen |= 1u << k;
		if (q->things[k].kind == CAT_SERVICE &&
		    q->things[k].role == INQ_ASKED)
			c->svc[c->n++] = k;
	}
}

/* The walk's state: the question being asked, and services named before
 * any question word ("the facial and the wax, how much?"). */
struct fwalk {
	unsigned kind;
	size_t grp[INQ_MAX_THINGS], ng;
	size_t orphan[INQ_MAX_THINGS], no;
	unsigned ahead; /* a question word with nothing named yet */
};

static void ask_of(struct inquiry *q, struct fwalk *w, const size_t *k,
		   size_t n)
{
	for (size_t i = 0; i < n && w->ng < INQ_MAX_THINGS; i++)
		w->grp[w->ng++] = k[i];
	for (size_t i = 0; i < w->ng; i++)
		q->things[w->grp[i]].facts |= w->kind;
}

static void walk_clause(struct inquiry *q, struct fwalk *w,
			const struct fclause *c)
{
	if (c->kind && c->n > 0) {
		w->kind = c->kind | w->ahead;
		w->ahead = 0;
		w->ng = 0;
		ask_of(q, w, w->orphan, w->no);
		w->no = 0;
		ask_of(q, w, c->svc, c->n);
	} else if (c->kind && w->ng > 0) {
		w->kind |= c->kind; /* "and how long does it take?" */
		ask_of(q, w, NULL, 0);
	} else if (c->kind && w->no > 0) {
		w->kind = c->kind;
		ask_of(q, w, w->orphan, w->no);
		w->no = 0;
	} else if (c->kind) {
		w->ahead |= c->kind;
	} else if (c->n > 0 && !c->request) {
		if (w->ng > 0) {
			ask_of(q, w, c->svc, c->n); /* "and a wax?" */
		} else if (w->ahead) {
			w->kind = w->ahead;
			w->ahead = 0;
			ask_of(q, w, c->svc, c->n);
		} else if (c->words <= 2) { /* "the facial and the wax," */
			for (size_t i = 0; i < c->n && w->no < INQ_MAX_THINGS;
			     i++)
				w->orphan[w->no++] = c->svc[i];
		} else {
			w->no = 0; /* "the brakes squeal": told, not asked */
		}
	} else if (!c->kind) {
		w->no = 0; /* "what would you recommend?" between */
	}
}

void rd_facts(const struct reader *r, struct inquiry *q)
{
	unsigned want = q->asks & (INQ_ASK_PRICE | INQ_ASK_DURATION);
	struct fwalk w;
	struct fclause c;
	unsigned seen = 0;

	if (want == 0)
		return;
	memset(&w, 0, sizeof(w));
	for (size_t i = 0; i < r->n;) {
		size_t j = i + 1;
		while (j < r->n && r->t[j].clause == r->t[i].clause)
			j++;
		read_clause(r, q, i, j, &seen, &c);
		walk_clause(q, &w, &c);
		i = j;
	}
	for (size_t k = 0; k < q->n_things; k++)
		q->things[k].facts &= want;
}
