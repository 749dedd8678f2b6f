/*
 * inquiry: a service word that is negated or that names what the customer
 * has is not asked for (Wave G: tr5 s04 "Bel fıtığım var, pazartesi
 * öğleden sonra seans istiyorum" offered the back programme and asked a
 * time for the seans too). "keinen Durchfall mehr", "no facial this time,
 * just brows", "seans değil masaj" negate the word (LW_NEGATE before it,
 * LW_NEG_AFTER after it); "I have a slipped disc", "bel fıtığım var" name
 * a condition (LW_CONDITION, val 2 when it follows the thing); a thing
 * right after a question phrase ("precisa de exame antes?") is asked
 * about (LW_ADVICE). A negated
 * thing is never asked for; a condition's thing only steps aside when
 * something else is asked for in the same text ("tengo una carie, quiero
 * cita" still books the filling). The words are the pack's; a text that
 * cancels or moves is left alone (its service says which booking).
 */
#include "smsdesk/inquiry.h"

#include "inquiry_read.h"

/* Words that may sit between a negation or condition and its thing:
 * articles, owners, fillers ("not the", "keinen", "no more"). */
static int between(const struct tok *t)
{
	return t->thing == 0 && !(t->eff & (LW_BOOK | LW_CONJ | LW_QUESTION)) &&
	       (t->eff & (LW_FILLER | LW_OWNER | LW_RELATIVE | LW_COMMON)) &&
	       !(t->eff & (LW_NEGATE | LW_CONDITION));
}

/* The thing starting at i is negated: a negation just before it (past
 * articles), or an after-negation just after its last word e. */
static int negated(const struct reader *r, size_t i, size_t e)
{
	for (size_t k = 1; k <= 3 && k <= i; k++) {
		const struct tok *b = &r->t[i - k];
		if (b->segment != r->t[i].segment || b->thing != 0)
			break;
		if (b->eff & LW_NEG_AFTER)
			break; /* "masaj değil seans": değil is masaj's */
		if (b->cls & LW_NEGATE)
			return 1;
		/* one word the pack doesn't know, no number: an adjective
		 * ("keine starken Schmerzen", de6 c16.2) */
		if (k == 1 && b->cls == 0 && b->eff == 0 && !rd_has_digit(b->w))
			continue;
		if (!between(b))
			break;
	}
	return e + 1 < r->n && (r->t[e + 1].eff & LW_NEG_AFTER) &&
	       r->t[e + 1].segment == r->t[e].segment;
}

/* Words i..j-1 all sit between a condition and its thing. */
static int only_between(const struct reader *r, size_t from, size_t to)
{
	for (size_t k = from; k < to; k++)
		if (!between(&r->t[k]))
			return 0;
	return 1;
}

/* A condition phrase (val 0 or 1) ends just before i, past articles; or
 * one of val 2 follows e past at most one word the pack doesn't know
 * ("bel fıtığım var"). */
static int conditioned(const struct reader *r, size_t i, size_t e)
{
	for (size_t k = 1; k <= 5 && k <= i; k++) {
		const struct tok *b = &r->t[i - k];
		if (b->segment != r->t[i].segment || b->thing != 0)
			break;
		size_t len = 0;
		if ((b->pcls & LW_CONDITION) && b->plen > 0 && b->pval != 2)
			len = (size_t)b->plen;
		else if ((b->pcls & LW_ADVICE) && b->plen > 1 && b->pval != 1)
			len = (size_t)b->plen; /* "precisa de exame antes?" */
		else if ((b->cls & LW_CONDITION) && b->val != 2)
			len = 1;
		if (len > 0 && (len >= k || only_between(r, i - k + len, i)))
			return 1;
	}
	for (size_t k = e + 1; k < r->n && k <= e + 2; k++) {
		const struct tok *a = &r->t[k];
		if (a->segment != r->t[e].segment || a->thing != 0)
			break;
		/* "var mı" asks whether there is one: no condition */
		if ((a->cls & LW_CONDITION) && a->val == 2 && a->plen <= 1)
			return 1;
		if ((a->eff & ~(LW_SYMPTOM | LW_COMMON)) != 0 && !between(a))
			break;
	}
	return 0;
}

/* Word K is (the end of) an opener that tells what the customer holds
 * (LW_AM_I of val LW_AM_I_HOLDS: "hab", "ich habe"). */
static int holds_at(const struct reader *r, size_t k)
{
	if ((r->t[k].cls & LW_AM_I) && r->t[k].val == LW_AM_I_HOLDS)
		return 1;
	for (size_t j = k; j + LANG_MAX_PHRASE_WORDS > k; j--) {
		if (r->t[j].plen > (int)(k - j) && (r->t[j].pcls & LW_AM_I) &&
		    r->t[j].pval == LW_AM_I_HOLDS)
			return 1;
		if (j == 0)
			break;
	}
	return 0;
}

/* A word saying it is booked ("gebucht") right after the thing ending at
 * e, in its piece. */
static int booked_after(const struct reader *r, size_t e)
{
	for (size_t k = e + 1; k < r->n && k <= e + 3; k++) {
		if (r->t[k].segment != r->t[e].segment || r->t[k].thing != 0)
			break;
		if (r->t[k].eff & LW_BOOKED)
			return 1;
	}
	return 0;
}

/* The thing at i..e is a booking the customer tells of holding: an
 * opener that holds, then only days, times, articles and the booking noun
 * ("termin für") up to it, and a day or time among them or "gebucht"
 * after it ("hab morgen um 11 eine massage", "ich hab am Freitag um 10
 * Fußreflexzonen gebucht"). "hab morgen um 11 zeit für eine massage"
 * asks: "für" only goes with the booking noun. */
static int held_told(const struct reader *r, size_t i, size_t e)
{
	int when = 0, booking = 0;
	for (size_t k = 1; k <= 8 && k <= i; k++) {
		const struct tok *b = &r->t[i - k];
		if (b->segment != r->t[i].segment || b->thing != 0)
			return 0;
		if (holds_at(r, i - k))
			return when || booked_after(r, e);
		/* "Tenho consulta marcada amanhã às 10h, posso ...?": "have
		 * I" and "booked" after the service tell of one held, never
		 * one to book (review pt Z s58 booked a second) */
		if ((b->cls & LW_HAVE_I) && booked_after(r, e))
			return 1;
		if ((b->eff & (LW_NEGATE | LW_BOOK | LW_QUESTION | LW_CONJ)))
			return 0;
		if ((b->eff & (LW_DATEWORD | LW_WEEKDAY)) || rd_has_digit(b->w))
			when = 1;
		else if (b->eff & LW_BOOKING)
			booking = 1;
		else if ((b->eff & LW_RELATIVE) ? !booking
						: !(b->cls & LW_FILLER))
			return 0;
	}
	return 0;
}

void rd_conditions(const struct reader *r, struct inquiry *q)
{
	if (rd_has(r, LW_CANCEL | LW_MOVE))
		return;
	int cond[INQ_MAX_THINGS] = {0}, plain[INQ_MAX_THINGS] = {0};
	int held[INQ_MAX_THINGS] = {0};
	int others = 0;
	for (size_t i = 0; i < r->n; i++) {
		const struct tok *t = &r->t[i];
		if (t->thing == 0 || (i > 0 && r->t[i - 1].thing == t->thing))
			continue;
		struct inq_thing *th = &q->things[t->thing - 1];
		if (th->role != INQ_ASKED || th->kind < 0)
			continue;
		size_t e = i;
		while (e + 1 < r->n && r->t[e + 1].thing == t->thing)
			e++;
		if (negated(r, i, e))
			th->role = INQ_MENTIONED;
		else if (th->kind == CAT_SERVICE && q->held == 0 &&
			 held_told(r, i, e))
			held[t->thing - 1] = 1;
		else if (conditioned(r, i, e))
			cond[t->thing - 1] = 1;
		else
			others = plain[t->thing - 1] = 1;
	}
	/* "gözümde kızarıklık var, doktor bakıyor mu": the topic is named
	 * again, asked — its condition word does not set it aside (tr6 s13) */
	for (size_t k = 0; k < q->n_things && others; k++)
		if (cond[k] && !plain[k])
			q->things[k].role = INQ_MENTIONED;
	/* the booking told of is looked up, not asked; asked about ("hab
	 * morgen eine massage gebucht, was kostet die?") it stays the
	 * service the question is about */
	for (size_t k = 0; k < q->n_things; k++)
		if (held[k] && !plain[k] &&
		    (others || !rd_has(r, LW_PRICE | LW_DURATION))) {
			q->things[k].role = INQ_MENTIONED;
			q->held = 1 + (int)q->things[k].idx;
			break;
		}
}

/* "randevumu 17:00'ye alabilir miyiz", "randevumu cumaya istiyorum": the
 * pack's word for their booking as the object (LW_MINE_OBJECT) with a
 * booking, taking or "make it" verb — with a new day or time it is moved, never
 * listed (review tr6 c06.2) */
int rd_moves_mine(const struct reader *r)
{
	int mine = 0;
	for (size_t i = 0; i < r->n; i++)
		mine |= (r->t[i].cls & LW_MINE) &&
			r->t[i].val == LW_MINE_OBJECT &&
			!(r->t[i].eff & (LW_NEGATE | LW_CANCEL)) &&
			!(i > 0 && r->t[i - 1].plen > 1 &&
			  (r->t[i - 1].pcls & LW_MINE));
	int verb = rd_has(r, LW_BOOK | LW_CORRECT);
	for (size_t i = 0; i < r->n; i++) /* "alalım", "olsun": take it */
		verb |= (r->t[i].cls & (LW_YES | LW_CHOICE)) ==
			(LW_YES | LW_CHOICE);
	return mine && verb && !rd_has(r, LW_CANCEL | LW_PAST);
}
