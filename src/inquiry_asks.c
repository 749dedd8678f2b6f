/*
 * inquiry: a question that names a service is a question, not a booking
 * (review r5 S060, S061, S129, S166, C07, C22; r4 s165, c55). "Is the
 * children's eye test free?", "is it free if I'm over 60?" ask the price;
 * "do I need to bring my old glasses?", "how often should I have an eye
 * test?", "does whitening hurt?" ask what only a person can answer. With no
 * day or time named and no booking word, such a text never starts a
 * booking flow. The advice leads are the pack's (LW_ADVICE).
 */
#include "smsdesk/inquiry.h"

#include "inquiry_read.h"

#include <string.h>

/* "is it free", "is the kids test free?", "are children free": "free" in
 * a yes/no question about a thing is its price, not free slots. */
static int asks_if_free(const struct reader *r)
{
	if (r->n < 2)
		return 0;
	const char *w0 = r->t[0].w;
	if (strcmp(w0, "is") != 0 && strcmp(w0, "are") != 0 &&
	    strcmp(w0, "its") != 0 && strcmp(w0, "isnt") != 0)
		return 0;
	for (size_t i = 1; i < r->n; i++)
		if (strcmp(r->t[i].w, "free") == 0 ||
		    strcmp(r->t[i].w, "chargeable") == 0)
			return 1;
	return 0;
}

/* "will a filling hurt?", "does the trial fitting hurt?": a yes/no
 * question about how a service feels. */
static int asks_if_hurts(const struct reader *r)
{
	static const char *const lead[] = {"does", "will", "would", "is", "do"};
	static const char *const how[] = {"hurt", "painful", "safe", "sting"};
	int led = 0, feel = 0;
	if (!r->qmark || r->n < 2)
		return 0;
	for (size_t k = 0; k < sizeof lead / sizeof lead[0]; k++)
		led |= strcmp(r->t[0].w, lead[k]) == 0;
	for (size_t i = 1; i < r->n; i++)
		for (size_t k = 0; k < sizeof how / sizeof how[0]; k++)
			feel |= strcmp(r->t[i].w, how[k]) == 0;
	return led && feel;
}

void rd_questions(const struct reader *r, struct inquiry *q)
{
	if (q->when.mentioned || q->n_times > 0)
		return;
	switch (q->intent) {
	case INQ_BOOK:
	case INQ_AVAIL:
	case INQ_UNKNOWN:
	case INQ_TRADE:
	case INQ_HELP:
		break;
	default:
		return;
	}
	if (asks_if_free(r)) {
		q->intent = INQ_PRICE;
		q->asks = (q->asks & ~(unsigned)INQ_ASK_AVAIL) | INQ_ASK_PRICE;
		q->wants_price = 1;
		q->rule = "is it free: the price";
		return;
	}
	if (!rd_has(r, LW_ADVICE) && !asks_if_hurts(r))
		return;
	if ((q->asks & (INQ_ASK_PRICE | INQ_ASK_DURATION | INQ_ASK_HOURS)))
		return;
	/* "can I book an eye test, do I need to bring anything": a
	 * booking word outside the advice phrase still books */
	for (size_t i = 0; i < r->n; i++) {
		int in_advice = 0;
		for (size_t k = 0; k <= i && k < 6 && !in_advice; k++)
			in_advice = (r->t[i - k].pcls & LW_ADVICE) &&
				    r->t[i - k].plen > (int)k;
		if ((r->t[i].cls & LW_BOOK) && !in_advice &&
		    strcmp(r->t[i].w, "need") != 0 &&
		    strcmp(r->t[i].w, "get") != 0 &&
		    strcmp(r->t[i].w, "have") != 0)
			return;
	}
	q->intent = INQ_NOT_TEXT;
	q->not_text = LANG_NT_OTHER;
	q->asked_thing = 0;
	q->rule = "a question about a service, not a booking: for a person";
}
