/*
 * desk: several bookings in one text, each on a day of its own ("a facial
 * thursday at 10am and a bikini wax friday at 2pm"). The first is the
 * request answered as any other; each further one is booked when its day
 * and exact time are free, else said plainly (closed that day, its free
 * times, or full) so that no part of the text is dropped. Only one list
 * is ever numbered in a reply.
 */
#include "desk_int.h"

#include <stdio.h>
#include <string.h>

static int is_dated(const struct inquiry *q)
{
	/* a price or length asked beside them too ("how much is a facial
	 * thu at 10 and brows fri at 2?"): each still on its own day, never
	 * the second booked after the first (review pt7 c21) */
	return q->n_dated >= 2 &&
	       (q->intent == INQ_BOOK || q->intent == INQ_AVAIL ||
		q->intent == INQ_PRICE || q->intent == INQ_DURATION);
}

static void from_item(struct ctx *c, const struct inquiry *q,
		      const struct inq_dated *d, struct request *rq)
{
	memset(rq, 0, sizeof(*rq));
	rq->svc = &c->cat->services[q->matches[d->match].idx];
	rq->svc_named = 1;
	rq->w = d->when;
	rq->day_named = rq->w.has_day;
	rq->persons = d->persons;
}

void dated_first(struct ctx *c, const struct inquiry *q, struct request *rq)
{
	if (!is_dated(q) || q->matches[q->dated[0].match].kind != CAT_SERVICE)
		return;
	from_item(c, q, &q->dated[0], rq);
}

/* A part naming the service and its day. */
static struct part *item_part(struct ctx *c, const struct request *rq,
			      const char *tpl)
{
	struct part *p = part_add(c, tpl, 1);
	part_set(p, "service",
		 rq->persons > 1
		     ? fmt_for_persons(c, svc_name(c, rq->svc), rq->persons)
		     : svc_name(c, rq->svc));
	part_set(p, "day", fmt_day(c, &rq->w.day));
	return p;
}

/* Its exact time is a free start we may book now. */
static int bookable(struct ctx *c, struct request *rq)
{
	const struct when_req *w = &rq->w;
	if (w->time != WHEN_TIME_AT || w->problem != WHEN_FINE ||
	    !rq->day_named)
		return 0;
	if (!when_is_slot(c->cat, &w->day, rq->svc->minutes, w->from_min))
		return 0;
	int64_t t = epoch_of(c, &w->day, w->from_min);
	return t >= c->now && t >= earliest_start(c, rq->svc) &&
	       free_places(c, rq->svc, t, NULL) >= rq->persons;
}

/* Its free times that day, near the time asked or in the part of the day
 * asked, unnumbered; or full. */
static void say_free(struct ctx *c, struct request *rq)
{
	int64_t opts[NEAREST];
	size_t n;
	const struct when_req *w = &rq->w;
	if (w->time == WHEN_TIME_AT && w->problem == WHEN_FINE)
		n = nearest_slots(c, rq->svc, &w->day, w->from_min, NULL, opts,
				  NEAREST);
	else if (w->time == WHEN_TIME_WINDOW)
		n = free_slots(c, rq->svc, &w->day, w->from_min, w->to_min,
			       NULL, opts, NEAREST);
	else
		n = free_slots(c, rq->svc, &w->day, 0, 24 * 60, NULL, opts,
			       NEAREST);
	if (c->err)
		return;
	also_decide(c, n > 0 ? DESK_OFFER : DESK_REFER,
		    n > 0 ? DESK_REASON_NEED_TIME : DESK_REASON_FULL);
	set_subject(c, rq->svc->id);
	if (n == 0) {
		item_part(c, rq, "dated_full");
		return;
	}
	const char **items = pool_ptrs(c, n);
	for (size_t i = 0; i < n; i++)
		items[i] = fmt_hhmm(c, local_of(c, opts[i]).minute);
	part_list(item_part(c, rq, "dated_free"), "slots", items, n, ", ", 0);
}

/* may_book: 0 name it for later, 1 book it when free, 2 say its times */
static void dated_one(struct ctx *c, struct request *rq, int may_book)
{
	int open[8], close[8];
	struct when_day *day = &rq->w.day;
	if (when_day_diff(&c->lnow.day, day) >
	    c->cat->policy.booking_horizon_days) {
		also_decide(c, DESK_REFER, DESK_REASON_BEYOND_HORIZON);
		set_subject(c, rq->svc->id);
		item_part(c, rq, "dated_far");
	} else if (when_hours_of(c->cat, day, open, close, 8) == 0) {
		also_decide(c, DESK_REFER, DESK_REASON_CLOSED);
		set_subject(c, rq->svc->id);
		item_part(c, rq, "dated_closed");
	} else if (!may_book) {
		also_decide(c, DESK_CLARIFY, DESK_REASON_NEED_TIME);
		set_subject(c, rq->svc->id);
		item_part(c, rq, "dated_later");
	} else {
		settle_hour(c, &rq->w, day);
		if (may_book == 1 && bookable(c, rq)) {
			size_t from = c->n_parts;
			also_decide(c, DESK_BOOKED, DESK_REASON_NONE);
			book_request(c, rq);
			/* the way to cancel was said with the first */
			for (size_t i = from; i < c->n_parts; i++)
				if (strcmp(c->parts[i].tpl, "booked") == 0)
					c->parts[i].tpl = "dated_booked";
		} else {
			say_free(c, rq);
			if (!c->later_offer.on)
				remember_request(c, rq);
		}
	}
	c->item = -1;
}

void dated_rest(struct ctx *c, const struct inquiry *q, int offer_only)
{
	if (!is_dated(q))
		return;
	/* booked or offered first: the conversation holds that answer, so
	 * a further one may be booked beside it; a question about the first
	 * waits for its answer, the others are named for later; the first
	 * only offered because the text asks ("how much is ... fri at 2?"):
	 * the others' free times are said, none booked unasked */
	enum desk_kind k = c->out->d.kind;
	int may_book =
	    k == DESK_BOOKED || k == DESK_ALREADY || c->later_offer.on;
	if (may_book && offer_only)
		may_book = 2;
	for (int i = 1; i < q->n_dated; i++) {
		if (q->matches[q->dated[i].match].kind != CAT_SERVICE)
			continue;
		struct request rq;
		from_item(c, q, &q->dated[i], &rq);
		dated_one(c, &rq, may_book);
	}
}
