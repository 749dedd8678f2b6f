/*
 * inquiry: a question about a booking the customer holds, said with words
 * in between (Wave I: r8 S048 "when's my next lesson?", de6 s48 "Bin ich
 * bei Ihnen mit 15:30 am 8.12. eingetragen?", de6 c14 "habe Termin zur
 * Kontrolle bei Ihnen gebucht, können Sie mir sagen wann genau?", pt6 s49
 * "tenho sessão amanhã né?"). The pack's LW_MINE phrases say it in one
 * breath; here the customer is the subject of a question (LW_AM_I "am I",
 * "bin ich"; LW_HAVE_I "have I got", "tenho") and a word saying it is
 * booked follows in the same piece of the text (LW_BOOKED "booked",
 * "eingetragen", "marcada"), or, after an LW_HAVE_I, a service or the
 * booking noun follows within a few words. A text that books, cancels,
 * moves, asks a price or what is free is left to its own rule, and so is
 * one that says no ("I didn't book one"). The words are the pack's.
 */
#include "inquiry_read.h"

/* How far after the opener the booked word may stand, and the service
 * or booking noun after an LW_HAVE_I ("hab ich morgen früh Kontrolle"). */
#define BOOKED_GAP 10
#define HAVE_GAP   8 /* "hab ich heute um 14 uhr bei ihnen termin?" */

/* The opener's classes at word I: its phrase's, else its own. */
static uint64_t opener(const struct tok *t)
{
	uint64_t c = t->plen > 1 ? t->pcls : t->cls;
	return c & (LW_AM_I | LW_HAVE_I);
}

static int service_at(const struct inquiry *q, const struct tok *t)
{
	if (t->thing == 0 || t->thing > (int)q->n_things)
		return 0;
	const struct inq_thing *th = &q->things[t->thing - 1];
	return th->kind == CAT_SERVICE && th->role == INQ_ASKED;
}

/* Words that say the text wants something else (to book, cancel, move,
 * know a price or what is free, or that it was not booked): the opener
 * and the booked words themselves aside ("hab", "réservé" also book). */
static int wants_else(const struct reader *r, size_t op, size_t op_len)
{
	const uint64_t other =
	    LW_BOOK | LW_CANCEL | LW_MOVE | LW_AVAIL | LW_EARLIEST | LW_PRICE;
	for (size_t k = 0; k < r->n; k++)
		if ((k < op || k >= op + op_len) &&
		    !(r->t[k].cls & LW_BOOKED) && (r->t[k].eff & other))
			return 1;
	return 0;
}

/* A service asked for in another piece than SEG ("j'ai les jambes
 * lourdes depuis samedi, un drainage jeudi ?": the first is how they
 * feel, the second what they ask for). */
static int asked_apart(const struct reader *r, const struct inquiry *q, int seg)
{
	for (size_t k = 0; k < r->n; k++)
		if (r->t[k].segment != seg && service_at(q, &r->t[k]))
			return 1;
	return 0;
}

/* Words J-1 and J in two pieces only for a date's dots ("am 8.12.
 * eingetragen"). */
static int dotted(const struct reader *r, size_t j)
{
	return rd_has_digit(r->t[j - 1].w) || rd_has_digit(r->t[j].w);
}

/* After the opener at I: the booked word (or, after "have I", the service
 * or booking noun past known words only) in the same piece. */
static int booked_after(const struct reader *r, const struct inquiry *q,
			size_t i, size_t from)
{
	uint64_t op = opener(&r->t[i]);
	for (size_t j = from; j < r->n && j < from + BOOKED_GAP; j++) {
		const struct tok *t = &r->t[j];
		if ((t->segment != r->t[j - 1].segment && !dotted(r, j)) ||
		    (t->cls & LW_NEGATE))
			return 0;
		if (t->eff & LW_BOOKED)
			return 1;
		if (!(op & LW_HAVE_I) || j >= from + HAVE_GAP)
			continue;
		/* a service after "have I" is one held only with a day or
		 * time named ("tenho pilates na quarta né?"); without one it
		 * is what they have ("tenho uma verruga plantar, quando podem
		 * ver?", review pt9 s008) */
		/* ... never a verb right after it: "j'ai cassé une branche,
		 * vous pouvez réparer aujourd'hui ?" has broken something
		 * ("cassé" is a word of the repair, not its name; review fr
		 * W s04 listed the bookings) */
		if ((t->eff & LW_BOOKING) ||
		    (service_at(q, t) && q->when.mentioned &&
		     (j > from || t->plen > 1 ||
		      rd_name_holds_word(r->cat, q->things[t->thing - 1].idx,
					 t->w)) &&
		     !asked_apart(r, q, t->segment)))
			return 1;
		if (t->thing != 0 || (t->eff & (LW_SYMPTOM | LW_CONDITION)) ||
		    (t->eff == 0 && !rd_has_digit(t->w)))
			op &= ~LW_HAVE_I; /* "tenho dor", "tenho interesse" */
	}
	return 0;
}

int rd_mine_asked(const struct reader *r, const struct inquiry *q)
{
	if (!r->qmark && !rd_has(r, LW_QUESTION))
		return 0;
	if (q->asks & (INQ_ASK_PRICE | INQ_ASK_AVAIL | INQ_ASK_EARLIEST))
		return 0;
	for (size_t i = 0; i < r->n; i++) {
		size_t len = r->t[i].plen > 1 ? (size_t)r->t[i].plen : 1;
		/* "hab ich morgen Kontrolle?": the pack's phrase, its "hab"
		 * no booking word */
		int phrase = len > 1 && (r->t[i].pcls & LW_MINE);
		if ((phrase ||
		     (opener(&r->t[i]) && booked_after(r, q, i, i + len))) &&
		    !wants_else(r, i, len))
			return 1;
	}
	return 0;
}
