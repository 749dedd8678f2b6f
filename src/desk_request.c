/*
 * desk: a request and the questions beside it — topics said no to (with
 * who does them), services booked or offered (back to back when several),
 * prices, durations, free slots, opening hours and what only a person can
 * answer, all in one reply.
 */
#include "desk_int.h"
#include "smsdesk/text.h"

#include <stdio.h>
#include <ctype.h>
#include <string.h>

/* ---- requests and questions ---------------------------------------------- */

/* The decision's subject for a question only a person can answer. */
const char *const not_text_ids[LANG_NT_COUNT] = {
    "other", "payment",	 "directions", "parking", "status", "walk-in",
    "sales", "reminder", "notice",     "late",	  "phone"};

enum desk_kind not_text_kind(const struct ctx *c, int topic)
{
	if (topic == LANG_NT_DIRECTIONS && c->cat->business_address != NULL)
		return DESK_ADDRESS;
	if (topic == LANG_NT_REMINDER || topic == LANG_NT_NOTICE)
		return DESK_POLICY;
	if (topic == LANG_NT_PHONE && c->cat->business_phone != NULL)
		return DESK_ADDRESS;
	return DESK_CANT_ANSWER;
}

/*
 * The price or length (WHAT) asked beside a request, of the services the
 * question names ("book a facial friday at 10, how much is a bikini
 * wax?": the wax's price, never the facial's); 0 when it names none (the
 * request's service is meant).
 */
static int asked_of(struct ctx *c, const struct inquiry *q, unsigned what)
{
	int n = 0;
	for (size_t k = 0; k < q->n_things; k++) {
		const struct inq_thing *t = &q->things[k];
		const struct cat_service *s = &c->cat->services[t->idx];
		if (t->kind != CAT_SERVICE || !(t->facts & what))
			continue;
		int dup = 0;
		for (size_t j = 0; j < k; j++)
			dup |= q->things[j].kind == CAT_SERVICE &&
			       (q->things[j].facts & what) &&
			       q->things[j].idx == t->idx;
		if (dup)
			continue;
		n++;
		also_decide(c,
			    what == INQ_ASK_PRICE ? DESK_PRICE : DESK_DURATION,
			    DESK_REASON_NONE);
		set_subject(c, s->id);
		if (what == INQ_ASK_PRICE)
			add_price(c, s, 2);
		else
			add_duration(c, s, 2);
	}
	return n > 0;
}

/* The questions asked beside the main answer, each answered (prio 2:
 * they give way to the main answer when space is short). */
void answer_questions(struct ctx *c, const struct inquiry *q,
		      const struct cat_service *svc, int booked)
{
	enum desk_kind main = c->out->d.kind;
	/* "Was kostet scheren bei einem Pudel?": the price and length said
	 * once, in "which day?" (review de AZ s02 said them twice) */
	int said = has_part(c, "ask_day_priced");
	if ((q->asks & INQ_ASK_PRICE) && svc != NULL && !booked && !said &&
	    main != DESK_PRICE && !asked_of(c, q, INQ_ASK_PRICE)) {
		also_decide(c, DESK_PRICE, DESK_REASON_NONE);
		set_subject(c, svc->id);
		add_price(c, svc, 2);
	}
	if ((q->asks & INQ_ASK_DURATION) && svc != NULL && !said &&
	    main != DESK_DURATION && !asked_of(c, q, INQ_ASK_DURATION)) {
		also_decide(c, DESK_DURATION, DESK_REASON_NONE);
		set_subject(c, svc->id);
		add_duration(c, svc, 2);
	}
	if ((q->asks & INQ_ASK_HOURS) && main != DESK_HOURS) {
		also_decide(c, DESK_HOURS, DESK_REASON_NONE);
		add_hours(c, &q->hours_when, 2);
	}
	/* the main answer already hands it to a person: "call us" twice,
	 * and a handoff told apart, read as a machine's (review tr W s31) */
	if (q->not_text >= 0 &&
	    !(main == DESK_CANT_ANSWER && q->not_text == LANG_NT_OTHER)) {
		enum desk_kind k = not_text_kind(c, q->not_text);
		also_decide(c, k,
			    k == DESK_CANT_ANSWER ? DESK_REASON_NOT_BY_TEXT
						  : DESK_REASON_NONE);
		set_subject(c, not_text_ids[q->not_text]);
		add_cant_answer(c, q->not_text, 0, 3);
	}
	c->item = -1;
}

/* Topics asked for beside a service (or alone): each an honest no. */
static size_t refer_topics(struct ctx *c, const struct inquiry *q)
{
	size_t n = 0;
	for (size_t i = 0; i < q->n_matches && n < 2; i++) {
		if (q->matches[i].kind != CAT_TOPIC)
			continue;
		if (c->decided)
			also_decide(c, DESK_REFER, DESK_REASON_NOT_OFFERED);
		refer_topic(c, &c->cat->topics[q->matches[i].idx], 0);
		c->item = -1;
		n++;
	}
	return n;
}

/* "how much was it again", "same time": the service last talked about. */
static const struct cat_service *talked_about(struct ctx *c)
{
	if (c->have_pend && c->pend.svc != NULL)
		return c->pend.svc;
	const struct store_booking_list *bl = my_upcoming(c);
	if (bl != NULL && bl->n > 0)
		return catalog_service(c->cat, bl->v[bl->n - 1].service);
	return NULL;
}

/* The booking just made in this conversation, 0 when there is none. */
static int just_booked(struct ctx *c, struct store_booking *b)
{
	return pending_is(c, "done") && c->pend.last[0] != '\0' &&
	       c->io->find(c->io->ctx, c->pend.last, c->sender, b) == 0 &&
	       b->state == STORE_BOOKED;
}

/*
 * "can you do brake pads at the same time", "oh and a tyre fitted too",
 * "for my other car too": one more thing for the visit just booked. Another
 * service, or anything "right after": that day, the nearest free slots
 * after the booking ends; the same service for someone else: the booked
 * slot. Offered, never booked
 * unasked, with the booking named.
 */
static int visit_of(struct ctx *c, const struct inquiry *q, struct request *rq,
		    const struct store_booking *bp, int own_time);

static int with_visit(struct ctx *c, const struct inquiry *q,
		      struct request *rq)
{
	struct store_booking b;
	if (!just_booked(c, &b))
		return 0;
	return visit_of(c, q, rq, &b, 1);
}

/* The booking the text tells of holding (q->held: its service, the day
 * and time the text names): one of the sender's upcoming bookings, 1;
 * else 0 (never guessed when the day or time disagrees). */
static int held_booking(struct ctx *c, const struct inquiry *q,
			struct store_booking *out)
{
	const struct store_booking_list *bl = my_upcoming(c);
	const struct cat_service *held =
	    q->held > 0 && (size_t)q->held <= c->cat->n_services
		? &c->cat->services[q->held - 1]
		: NULL;
	if (bl == NULL || held == NULL)
		return 0;
	for (size_t i = 0; i < bl->n; i++) {
		struct when_local l = local_of(c, bl->v[i].start);
		if (strcmp(bl->v[i].service, held->id) != 0 ||
		    (q->when.has_day && when_day_cmp(&l.day, &q->when.day)) ||
		    (q->when.time == WHEN_TIME_AT &&
		     l.minute != q->when.from_min))
			continue;
		*out = bl->v[i];
		return 1;
	}
	return 0;
}

/* One more thing for the visit B: that day, after it (at the time said
 * when OWN_TIME and the text names one). */
static int visit_of(struct ctx *c, const struct inquiry *q, struct request *rq,
		    const struct store_booking *bp, int own_time)
{
	struct store_booking b = *bp;
	const struct cat_service *was = catalog_service(c->cat, b.service);
	struct when_local l = local_of(c, b.start);
	rq->w.has_day = 1;
	rq->w.day = l.day;
	rq->w.has_range = 0;
	rq->w.problem = WHEN_FINE;
	rq->w.unsure = 0;
	rq->w.mentioned = 1;
	rq->day_named = 1;
	rq->offer_only = 1;
	rq->own_from = b.start;
	rq->own_to = b.start + (int64_t)b.minutes * 60;
	if (own_time && q->when.time == WHEN_TIME_AT &&
	    q->when.problem == WHEN_FINE) {
		/* "another one for my wife at 9:30": that day, the time said */
	} else if (rq->svc == was && !q->also_after) {
		if (!q->other)
			return 0;
		rq->w.time = WHEN_TIME_AT;
		rq->w.from_min = rq->w.to_min = l.minute;
	} else {
		rq->w.time = WHEN_TIME_WINDOW;
		rq->w.from_min = l.minute + b.minutes;
		rq->w.to_min = 24 * 60;
	}
	struct part *p = part_add(c, "with_booking", 1);
	part_set(p, "service", svc_name(c, was != NULL ? was : rq->svc));
	part_set(p, "when", fmt_when(c, b.start));
	part_set(p, "ref", pool_str(c, b.ref));
	return 1;
}

/* "same time next week as well for my wife's car": the booking just made,
 * a week on (the week named holds that day). */
static void week_after_visit(struct ctx *c, struct request *rq)
{
	struct store_booking b;
	if (!just_booked(c, &b))
		return;
	struct when_day was = local_of(c, b.start).day;
	struct when_day d = when_day_add(was, 7);
	int in_week = when_day_cmp(&d, &rq->w.range_first) >= 0 &&
		      when_day_cmp(&d, &rq->w.range_last) <= 0;
	/* booked in the week named ("mot monday", then "same time next
	 * week" said the Wednesday before): the week after the booking */
	int was_in = when_day_cmp(&was, &rq->w.range_first) >= 0 &&
		     when_day_cmp(&was, &rq->w.range_last) <= 0;
	if (!in_week && !was_in)
		return;
	rq->w.has_day = 1;
	rq->w.day = d;
	rq->w.has_range = 0;
	rq->day_named = 1;
}

/* "how much altogether", "what's the total": each of the sender's upcoming
 * bookings with its price, and their sum when the prices add up. 0 when
 * there is nothing booked to add. */
static int say_total(struct ctx *c)
{
	const struct store_booking_list *bl = my_upcoming(c);
	if (bl == NULL || bl->n == 0)
		return 0;
	size_t n = bl->n < 6 ? bl->n : 6;
	const struct cat_service *svcs[6];
	const char **items = pool_ptrs(c, n);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		const struct cat_service *s =
		    catalog_service(c->cat, bl->v[i].service);
		if (s == NULL)
			continue;
		svcs[k] = s;
		items[k++] = pool_fmt(c, "%s %s (%s) %s", svc_name(c, s),
				      fmt_when(c, bl->v[i].start),
				      s->price != NULL ? s->price : "",
				      fmt_ref(c, bl->v[i].ref));
	}
	if (k == 0)
		return 0;
	const char *total = fmt_total(c, svcs, k);
	decide(c, DESK_PRICE, DESK_REASON_NONE,
	       "the total of the sender's bookings");
	set_subject(c, svcs[0]->id);
	struct part *p =
	    part_add(c, total != NULL ? "bookings_total" : "bookings", 0);
	part_list(p, "bookings", items, k, ", ", 0);
	if (total != NULL)
		part_set(p, "total", total);
	return 1;
}

/* "a haircut same time next week": the time of the booking last made. */
static void same_time_as_last(struct ctx *c, struct when_req *w)
{
	int64_t t = 0;
	struct store_booking b;
	/* or the one just cancelled: "der Sonntag danach, gleiche Uhrzeit?"
	 * (review de AD c20.3) */
	if ((pending_is(c, "done") || pending_is(c, "cancelled")) &&
	    c->io->find(c->io->ctx, c->pend.last, c->sender, &b) == 0)
		t = b.start;
	const struct store_booking_list *bl = my_upcoming(c);
	if (t == 0 && bl != NULL && bl->n > 0)
		t = bl->v[bl->n - 1].start;
	if (t == 0)
		return;
	struct when_local l = local_of(c, t);
	w->time = WHEN_TIME_AT;
	w->from_min = w->to_min = l.minute;
	w->problem = w->problem == WHEN_AMBIGUOUS_TIME ? WHEN_FINE : w->problem;
	w->mentioned = 1;
}

static void do_avail_in(struct ctx *c, struct request *rq)
{
	int64_t opts[DESK_MAX_OPTIONS];
	int from = 0, to = 24 * 60;
	size_t n = 0;

	if (rq->w.time == WHEN_TIME_WINDOW) {
		from = rq->w.from_min;
		to = rq->w.to_min;
	} else if (rq->w.time == WHEN_TIME_AT && rq->w.problem == WHEN_FINE) {
		from = rq->w.from_min;
	}
	/* "un créneau aujourd'hui ou demain ?": both days offered across,
	 * as a request does (review fr BA c10.1 got only tomorrow) */
	if (rq->w.unsure || rq->w.has_range || rq->w.time == WHEN_TIME_ASAP ||
	    (rq->w.problem == WHEN_AMBIGUOUS_DATE && rq->w.has_either)) {
		book_request(c, rq);
		return;
	}
	if (rq->w.has_day) {
		if (when_day_cmp(&rq->w.day, &c->lnow.day) < 0 ||
		    when_day_diff(&c->lnow.day, &rq->w.day) >
			c->cat->policy.booking_horizon_days) {
			book_request(c, rq);
			return;
		}
		n = spread_slots(c, rq->svc, &rq->w.day, from, to, NULL, opts,
				 DESK_MAX_OPTIONS);
	} else {
		/* No day: the next day with room in that window. */
		struct when_day d = c->lnow.day;
		for (int i = 0;
		     i <= c->cat->policy.booking_horizon_days && n == 0;
		     i++, d = when_day_add(d, 1)) {
			/* "tous les matins sauf le mercredi": never that
			 * weekday (review fr P s36 got today, a Wednesday) */
			if (rq->w.has_not_day && d.wday == rq->w.not_day.wday)
				continue;
			n = spread_slots(c, rq->svc, &d, from, to, NULL, opts,
					 DESK_MAX_OPTIONS);
			if (c->err)
				return;
			if (n > 0)
				rq->w.day = d;
		}
		rq->w.has_day = n > 0;
		rq->day_guess = 1; /* our pick, not their day */
	}
	if (c->err)
		return;
	if (n == 0 && rq->w.has_day && rq->w.time == WHEN_TIME_WINDOW) {
		/* "dispo ce matin pour un bain ?" with the morning inside the
		 * notice (fr3 s42): why that part of the day can't be, and
		 * the day's other slots; never "full that day" when its
		 * afternoon is free */
		int op[8], cl[8];
		if (when_hours_of(c->cat, &rq->w.day, op, cl, 8) > 0) {
			book_request(c, rq);
			return;
		}
	}
	if (n == 0) {
		if (!rq->w.has_day) {
			rq->w.day = c->lnow.day;
			rq->w.has_day = 1;
		}
		int open[8], close[8];
		day_is_gone(c, rq,
			    when_hours_of(c->cat, &rq->w.day, open, close, 8) ==
				    0
				? DESK_REASON_CLOSED
				: DESK_REASON_FULL);
		return;
	}
	decide(c, DESK_AVAIL, DESK_REASON_NONE,
	       "availability: list free slots");
	set_subject(c, rq->svc->id);
	offer_slots(c, rq, "offer_window", opts, n, 0, &rq->w.day);
}

static void do_avail(struct ctx *c, struct request *rq)
{
	const struct request *was = c->fit;
	c->fit = rq;
	do_avail_in(c, rq);
	c->fit = was;
}

/*
 * "et vous pouvez aussi couper les griffes ?" while the visit asked for is
 * still only offered (nothing booked yet): the other service comes with
 * that visit, which still wants its time; never the add-on booked alone
 * in the visit's place (review fr6 c14).
 */
static void also_to_offer(struct ctx *c, const struct inquiry *q,
			  struct request *rq)
{
	if (!q->also || !rq->svc_named || rq->svc == NULL ||
	    q->when.mentioned || rq->n_also >= MAX_ALSO ||
	    (!pending_is(c, "book") && !pending_is(c, "offer")) ||
	    c->pend.svc == NULL || c->pend.svc == rq->svc)
		return;
	rq->also[rq->n_also] = rq->svc;
	rq->also_min[rq->n_also++] = 0;
	rq->svc = c->pend.svc;
	rq->svc_named = 0;
	rq->offer_only = 1;
}

/*
 * Everything a request text asks: topics (an honest no each), services (a
 * booking, back to back when several, or their prices, durations or free
 * slots), and every question beside them.
 */
/*
 * A service beside the one booked whose price or length is only asked
 * ("Perşembe 18:00 klasik masaj lütfen, bir de cilt bakımı fiyatı ne?",
 * review tr7 e09): its price is answered, never booked back to back.
 */
static size_t drop_asked_also(const struct ctx *c, const struct inquiry *q,
			      struct request *rq)
{
	size_t n = 0;
	for (size_t i = 0; i < rq->n_also; i++) {
		/* named once, in the question: asked about; named twice
		 * ("X and Y please, how long is Y?"): asked for too */
		int asked = rq->also[i] != rq->svc;
		int facts = 0, named = 0;
		for (size_t k = 0; k < q->n_things && asked; k++)
			if (q->things[k].kind == CAT_SERVICE &&
			    &c->cat->services[q->things[k].idx] ==
				rq->also[i]) {
				named++;
				facts |= q->things[k].facts != 0;
			}
		if (asked && facts && named == 1)
			continue;
		rq->also[n] = rq->also[i];
		rq->also_min[n++] = rq->also_min[i];
	}
	size_t dropped = rq->n_also - n;
	rq->n_also = n;
	return dropped;
}

/*
 * Each service a price or length question names, answered for what was
 * asked of it ("how long is the rpg? and the pilates?", "how much is a
 * facial and how long is a wax?"; review pt6 s07, s24): a price with its
 * minutes, or the minutes alone, then one hint how to book. 0 when the
 * question names one service for one thing (the plain answer does).
 */
static int answer_facts(struct ctx *c, const struct inquiry *q,
			struct request *rq)
{
	const struct cat_service *svc[1 + MAX_ALSO];
	unsigned what[1 + MAX_ALSO], all = 0;
	size_t n = 0;
	for (size_t k = 0; k < q->n_things; k++) {
		const struct inq_thing *t = &q->things[k];
		if (t->kind != CAT_SERVICE || t->facts == 0)
			continue;
		size_t i = 0;
		while (i < n && svc[i] != &c->cat->services[t->idx])
			i++;
		if (i == n && n == 1 + MAX_ALSO)
			continue;
		if (i == n)
			what[n++] = 0;
		svc[i] = &c->cat->services[t->idx];
		what[i] |= t->facts;
		all |= t->facts;
	}
	if (n == 0 || (n == 1 && what[0] != (INQ_ASK_PRICE | INQ_ASK_DURATION)))
		return 0;
	int done = pending_is(c, "done");
	/* the kind asked first (the intent) is decided first */
	unsigned first =
	    q->intent == INQ_DURATION ? INQ_ASK_DURATION : INQ_ASK_PRICE;
	int said = 0;
	for (size_t i = 0; i < n; i++) {
		for (unsigned b = first, m = 0; m < 2;
		     m++, b ^= INQ_ASK_PRICE | INQ_ASK_DURATION) {
			if (!(what[i] & b))
				continue;
			enum desk_kind kind =
			    b == INQ_ASK_PRICE ? DESK_PRICE : DESK_DURATION;
			if (!said++)
				decide(c, kind, DESK_REASON_NONE,
				       "each service asked");
			else
				also_decide(c, kind, DESK_REASON_NONE);
			set_subject(c, svc[i]->id);
		}
		if (what[i] & INQ_ASK_PRICE) {
			add_price_each(c, svc[i]);
			done &= svc[i] == c->pend.svc;
		} else {
			add_duration(c, svc[i], 0);
		}
	}
	if ((all & INQ_ASK_PRICE) && !done)
		add_book_example(c, svc[0]);
	c->item = -1;
	struct request r2 = *rq;
	r2.svc = svc[0];
	/* every service asked about stays talked about: "marca as duas pra
	 * sexta" (or "book them friday") books each, never the first alone
	 * with the others dropped (review pt8 c12) */
	r2.n_also = 0;
	for (size_t i = 1; i < n && r2.n_also < MAX_ALSO; i++) {
		r2.also_min[r2.n_also] = 0;
		r2.also[r2.n_also++] = svc[i];
	}
	memset(&r2.w, 0, sizeof(r2.w));
	r2.w.has_day = q->when.has_day;
	r2.w.day = q->when.day;
	remember_answered(c, &r2); /* "ok book one sat" */
	return 1;
}

/* Right after a cancel, the day of the booking just cancelled and nothing
 * else ("Ich muss meinen Termin absagen" ... "Den am Freitag"): which one
 * was meant, already done; never an offer of that day (review de7 c06). */
static int said_cancelled_day(struct ctx *c, const struct inquiry *q,
			      const struct request *rq)
{
	struct store_booking b;
	if (!pending_is(c, "cancelled") || c->pend.last[0] == '\0' ||
	    rq->svc != NULL || first_topic(c, q) != NULL || !q->when.has_day ||
	    q->when.time != WHEN_TIME_NONE || q->when.has_range ||
	    q->correction || q->when.has_anchor || q->same_time ||
	    c->io->find(c->io->ctx, c->pend.last, c->sender, &b) != 0 ||
	    b.state == STORE_BOOKED)
		return 0;
	struct when_local at = local_of(c, b.start);
	if (when_day_cmp(&at.day, &q->when.day) != 0)
		return 0;
	decide(c, DESK_REFUSED, DESK_REASON_NO_BOOKING, "already cancelled");
	part_set(part_add(c, "cancel_already", 0), "ref",
		 pool_str(c, c->pend.last));
	set_ref(c, c->pend.last);
	return 1;
}

/*
 * A question of a few words the desk read nothing in ("how early should I
 * arrive?", "Is it a male or female therapist?"): a person's to answer
 * (handoff.c forwards it where staff take texts), else honestly not by
 * text with what we can do; "sorry, I didn't catch that" answered what was
 * not asked (review r10 class 6). A lone "what?" stays not understood.
 */
static int unknown_question(struct ctx *c, const struct inquiry *q,
			    const char *text)
{
	size_t words = 0;
	int in = 0;
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		int letter = isalpha(*p) || *p >= 0x80;
		words += letter && !in;
		in = letter;
	}
	if (!q->outright || words < 3 || q->when.mentioned)
		return 0;
	if (q->not_text >= 0)
		return 1; /* answer_questions says it, once */
	decide(c, DESK_CANT_ANSWER, DESK_REASON_NOT_BY_TEXT,
	       "a question we read nothing in: for a person");
	set_subject(c, not_text_ids[LANG_NT_OTHER]);
	add_cant_answer(c, LANG_NT_OTHER, 1, 0);
	return 1;
}

/*
 * A part of the day alone answering a list over days ("Por la tarde mejor"
 * to "closed Tuesday; next: Wed 9, Thu 10"): the days listed, never today
 * (review es AN c06.2 offered today's afternoon, c06.3 booked it, a wrong
 * day).
 */
void window_on_the_list(struct ctx *c, const struct inquiry *q,
			struct request *rq)
{
	const struct pending *p = &c->pend;
	if (!pending_is(c, "offer") || p->n_opts == 0 || p->has_day ||
	    q->when.has_day || q->when.has_range ||
	    rq->w.time != WHEN_TIME_WINDOW || rq->w.has_day ||
	    rq->w.has_range || (rq->svc != NULL && rq->svc != p->svc))
		return;
	struct when_day first = local_of(c, p->opts[0]).day, last = first;
	for (size_t i = 1; i < p->n_opts; i++) {
		struct when_day d = local_of(c, p->opts[i]).day;
		if (when_day_cmp(&d, &first) < 0)
			first = d;
		if (when_day_cmp(&d, &last) > 0)
			last = d;
	}
	if (when_day_cmp(&first, &c->lnow.day) == 0)
		return; /* today is among them: the window is today's */
	rq->w.has_range = 1;
	rq->w.range_first = first;
	rq->w.range_last = last;
	rq->day_named = 1;
}

/*
 * A time alone answering a list of slots (rq has no day of its own):
 * "15h" to a list holding 15h is that option, its day even one we picked
 * (review fr Q c21 asked which day after offering today); "1 gibi
 * geliyorum" to a list holding 13:00 is the one listed, morning or
 * afternoon (review tr R c06.3); a time off a list of one day's slots
 * ("16h30" to 14h30, 15h, 16h ...) is offered on that day (of a list
 * over days, its first) to confirm, never booked: the day is ours, not
 * named in the text.
 */
static void time_on_the_list(struct ctx *c, const struct inquiry *q,
			     struct request *rq)
{
	const struct pending *p = &c->pend;
	int either =
	    rq->w.problem == WHEN_AMBIGUOUS_TIME && rq->w.alt_min[0] >= 0;
	if (!pending_is(c, "offer") || p->n_opts == 0 || q->when.has_day ||
	    q->when.has_range || rq->w.time != WHEN_TIME_AT ||
	    (rq->w.problem != WHEN_FINE && !either) ||
	    (rq->svc != NULL && rq->svc != p->svc))
		return;
	size_t hit = 0, at = 0;
	struct when_day d0 = local_of(c, p->opts[0]).day;
	for (size_t i = 0; i < p->n_opts; i++) {
		struct when_local l = local_of(c, p->opts[i]);
		if (either ? l.minute == rq->w.alt_min[0] ||
				 l.minute == rq->w.alt_min[1]
			   : l.minute == rq->w.from_min) {
			hit++;
			at = i;
		}
	}
	if (hit == 1) {
		struct when_local l = local_of(c, p->opts[at]);
		rq->w.day = l.day;
		rq->w.from_min = rq->w.to_min = l.minute;
		rq->w.problem = WHEN_FINE;
		rq->offered = 1; /* one of ours, as a number picks it */
	} else if (hit == 0 && !p->has_day && rq->w.problem == WHEN_FINE) {
		/* a list over days (the next free, at most two a day): the
		 * first day listed, the nearest, offered to confirm */
		rq->w.day = d0;
		rq->day_guess = 1; /* still ours to a later text */
		rq->offer_only = 1;
	} else {
		return;
	}
	rq->w.has_day = 1;
	rq->day_named = 1;
	if (rq->svc == NULL)
		rq->svc = p->svc;
}

/* The number opening TEXT before a comma or the like ("4, vormittags"),
 * 1..N; 0 when the text opens otherwise. */
static size_t menu_number(const char *text, size_t n)
{
	const char *s = text;
	while (*s == ' ')
		s++;
	size_t k = 0;
	int digits = 0;
	while (isdigit((unsigned char)*s) && digits < 2) {
		k = k * 10 + (size_t)(*s - '0');
		s++;
		digits++;
	}
	if (digits == 0 || isdigit((unsigned char)*s) || k == 0 || k > n)
		return 0;
	if (*s == ')' || *s == ',' || *s == ';' || *s == ':')
		return k;
	if ((*s == '.' || *s == '-') && s[1] == ' ')
		return k;
	return 0;
}

/*
 * "CT pour mon Renault Trafic" where "CT" is the car's inspection and
 * "Trafic" the van's, "aula particular para minha filha" where "filha"
 * names the children's lessons: two services read in one clause, with no
 * "and", "+", "too" or time of their own between them, are one service
 * asked for in two words, never both booked (reviews fr AB s37 c11.2, pt
 * AB s58 booked a service nobody asked for). Which of them is asked
 * (ask_service's short list), the day and time kept. Returns 1 when it
 * asked.
 */
static int one_clause_pair(struct ctx *c, const struct inquiry *q,
			   const struct request *rq)
{
	/* "somos mi novio y yo, queremos probar el yoga aéreo": two
	 * people change nothing of it (review es AB c06.2 booked the trial
	 * class beside the aerial yoga, for each) */
	if (q->also || q->n_times > 1 || q->n_dated > 0 || c->out->q.n_kin > 0)
		return 0;
	size_t idx[INQ_MAX_KIN], n = 0;
	int clause = -1;
	for (size_t k = 0; k < q->n_things; k++) {
		const struct inq_thing *t = &q->things[k];
		if (t->kind != CAT_SERVICE || t->role != INQ_ASKED)
			continue;
		if (clause >= 0 && t->clause != clause)
			return 0;
		clause = t->clause;
		size_t j = 0;
		while (j < n && idx[j] != t->idx)
			j++;
		if (j == n && n < INQ_MAX_KIN)
			idx[n++] = t->idx;
	}
	if (n < 2)
		return 0;
	struct inquiry *mq = &c->out->q;
	memcpy(mq->kin, idx, n * sizeof(idx[0]));
	mq->n_kin = n;
	struct request r2 = *rq;
	r2.svc = NULL;
	r2.n_also = 0;
	ask_service(c, &r2, 0);
	return 1;
}

void do_request(struct ctx *c, const struct inquiry *q, const char *text)
{
	struct request rq;
	if (q->group > MAX_PARTY) {
		/* "a table for 10": a group is for a person to arrange */
		decide(c, DESK_CANT_ANSWER, DESK_REASON_NOT_BY_TEXT,
		       "a group bigger than the desk books: for a person");
		set_subject(c, "group");
		add_cant_answer(c, LANG_NT_OTHER, 0, 0);
		return;
	}
	if (q->total && q->n_matches == 0 && !q->when.mentioned && say_total(c))
		return;
	request_from(c, q, &rq);
	if (said_cancelled_day(c, q, &rq))
		return;
	dated_first(c, q, &rq); /* "facial thu 10 and wax fri 2" */
	struct when_day base;
	if (q->when.has_anchor && talked_day(c, &base)) {
		/* "the same again 6 weeks later": from the booking */
		place_day(c, &rq.w, &base, 0);
		rq.day_named = 1;
	}
	if (q->when.weekday_only && rq.svc == NULL &&
	    (pending_is(c, "book") || pending_is(c, "offer"))) {
		/* "massage next week" ... "wednesday 11am": that week's,
		 * offered to confirm (the coming one is another reading) */
		struct when_day was = rq.w.day;
		if (c->pend.has_day)
			place_day(c, &rq.w, &c->pend.day, 1);
		else if (pending_is(c, "offer") && c->pend.n_opts > 0) {
			base = local_of(c, c->pend.opts[0]).day;
			place_day(c, &rq.w, &base, 1);
		}
		if (when_day_cmp(&was, &rq.w.day) != 0)
			rq.offer_only = 1;
	}
	int named_svc = rq.svc != NULL;
	int topics = first_topic(c, q) != NULL;

	/* A follow-up names no service: the one being talked about. An
	 * hours question ("what time do you close saturday?" after a
	 * booking) is answered, never a new offer (review r5 C06). */
	if (!named_svc && !topics && q->intent != INQ_HOURS &&
	    (pending_is(c, "book") || pending_is(c, "offer") ||
	     pending_is(c, "done") || pending_is(c, "cancelled"))) {
		/* "y cuánto dura?", "e quanto tempo demora?", "how long?"
		 * right after a booking: of that service, as "how much?";
		 * Portuguese and Spanish drop the "it" English writes
		 * (reviews es6 c07, pt6 c21) */
		if (q->asks_back ||
		    ((q->intent == INQ_PRICE || q->intent == INQ_DURATION) &&
		     !q->asked_thing))
			rq.svc = talked_about(c);
		else if (pending_is(c, "book") || pending_is(c, "offer"))
			rq.svc = c->pend.svc;
		else if (q->when.mentioned || q->refers_back)
			rq.svc = c->pend.svc;
	}
	if (q->asks_back && rq.svc == NULL)
		rq.svc = talked_about(c);
	/* "4, um 17 Uhr", "3, morgen um 9 Uhr" to "which service?": the
	 * number picks the service, the rest says when (review de W c02.2,
	 * c16.3, c20.3 got the menu again) */
	if (rq.svc == NULL && !topics && pending_is(c, "book") &&
	    c->pend.svc == NULL && !c->pend.menu_gone) {
		size_t k = c->pend.n_menu > 0
			       ? menu_number(text, c->pend.n_menu)
			       : menu_number(text, c->cat->n_services);
		if (k > 0 && c->pend.n_menu > 0)
			rq.svc = &c->cat->services[c->pend.menu[k - 1]];
		else if (k > 0)
			rq.svc = &c->cat->services[k - 1];
		/* "ele é pequeno, um pinscher" to "which bath?": the one
		 * service whose name holds the word (review pt Y c16.2) */
		else if (q->n_kin == 1)
			rq.svc = &c->cat->services[q->kin[0]];
	}
	if (!named_svc && (pending_is(c, "book") || pending_is(c, "offer")) &&
	    q->when.time == WHEN_TIME_NONE && !q->when.has_range &&
	    !(asked_day(c) && !q->when.has_day && bare_mday(c, &rq.w)))
		bare_time(c, text, &rq.w);
	time_on_the_list(c, q, &rq);
	window_on_the_list(c, q, &rq);
	if (!named_svc && !topics && q->also && q->other &&
	    pending_is(c, "done"))
		rq.svc = c->pend.svc; /* "for my other car too" */
	/* "y de paso el chip a la misma hora" with no visit just booked:
	 * the same time as the last, as without "de paso" */
	/* "hab morgen um 11 eine massage, kann ich noch fango dazu
	 * buchen?": the massage told of is theirs, looked up: the one more
	 * thing is offered after it; not found, their bookings are said
	 * (none, or which they hold), never the massage booked again
	 * (review de8 s50) */
	if (q->held > 0) {
		struct store_booking hb;
		if (rq.svc == NULL || !held_booking(c, q, &hb)) {
			do_my_bookings(c);
			return;
		}
		visit_of(c, q, &rq, &hb, 0);
	}
	int with = rq.svc != NULL && q->also && !q->when.has_day &&
		   !q->when.has_range && !q->correction &&
		   with_visit(c, q, &rq);
	if (!with && q->same_time && rq.w.time == WHEN_TIME_NONE)
		same_time_as_last(c, &rq.w);
	if (q->same_time && rq.w.has_range && rq.w.time == WHEN_TIME_AT)
		week_after_visit(c, &rq);

	if (rq.svc == NULL && !topics) {
		switch (q->intent) {
		case INQ_PRICE:
			if (q->asked_thing) {
				not_offered_unknown(c);
				break;
			}
			decide(c, DESK_PRICE, DESK_REASON_NONE,
			       "prices of everything we do");
			add_prices(c, 0);
			break;
		case INQ_DURATION:
			if (q->asked_thing) {
				not_offered_unknown(c);
				break;
			}
			decide(c, DESK_DURATION, DESK_REASON_NONE,
			       "how long everything we do takes");
			add_durations(c, 0);
			break;
		case INQ_TRADE:
			ask_service(c, &rq, q->intent == INQ_TRADE);
			break;
		case INQ_HOURS:
			decide(c, DESK_HOURS, DESK_REASON_NONE,
			       "opening hours");
			add_hours(c, &q->hours_when, 0);
			/* "are you open on saturdays?" then "can I book nail
			 * cutting then": the day asked about is the day talked
			 * about; we asked nothing (review r9 c17) */
			if (q->hours_when.has_day &&
			    q->hours_when.day_explicit &&
			    !q->hours_when.has_range) {
				rq.w = q->hours_when;
				rq.w.time = WHEN_TIME_NONE;
				remember_answered(c, &rq);
			}
			return;
		default:
			if (q->asked_thing) {
				not_offered_unknown(c);
				break;
			}
			if (c->cat->n_services == 1 &&
			    (q->intent == INQ_AVAIL || q->when.mentioned)) {
				rq.svc = &c->cat->services[0];
				break;
			}
			/* "is it ok to come if I have a cold?": a question
			 * for a person, no service, no day: the person
			 * answers, a menu beside it answered nothing (review
			 * r10 class 7) */
			if (q->not_text >= 0 && !q->when.mentioned &&
			    unknown_question(c, q, text))
				break;
			if (q->intent == INQ_BOOK || q->intent == INQ_AVAIL ||
			    q->when.mentioned) {
				ask_service(c, &rq, q->trade);
				break;
			}
			if (unknown_question(c, q, text))
				break;
			decide(c, DESK_NOT_UNDERSTOOD, DESK_REASON_NONE,
			       "nothing we could act on");
			part_set(part_add(c, "not_understood", 0), "example",
				 example_text(c));
			break;
		}
		if (rq.svc == NULL) {
			if (q->intent != INQ_PRICE &&
			    (q->asks & INQ_ASK_PRICE)) {
				also_decide(c, DESK_PRICE, DESK_REASON_NONE);
				add_prices(c, 2);
				c->item = -1;
			}
			answer_questions(c, q, NULL, 0);
			/* "price? open sat? can I come at 10": which service
			 * for that time, asked last; not when the thing asked
			 * for by a name we don't know is the person's ("book
			 * a thai massage fri 10am": "which service then?"
			 * beside the handoff asked what the text said) */
			if (c->out->d.kind != DESK_CLARIFY &&
			    c->out->d.kind != DESK_NOT_UNDERSTOOD &&
			    c->out->d.kind != DESK_REFER &&
			    !(c->out->d.kind == DESK_CANT_ANSWER &&
			      q->asked_thing) &&
			    q->when.time != WHEN_TIME_NONE) {
				also_decide(c, DESK_CLARIFY,
					    DESK_REASON_NEED_SERVICE);
				say(c, "ask_service_brief");
				remember_request(c, &rq);
				c->item = -1;
			}
			return;
		}
	}
	if (rq.svc == NULL) {
		refer_topics(c, q);
		answer_questions(c, q, NULL, 0);
		return;
	}
	/* Topics come first only when no service is being booked. */
	/*
	 * A question (price, how long, any space) that names a day or time
	 * runs the booking too — offering, not booking, unless the question
	 * stands apart from the request ("brakes sat 11 - how much?").
	 */
	int question = q->intent == INQ_PRICE || q->intent == INQ_AVAIL ||
		       q->intent == INQ_DURATION;
	/* "knirscht nachts ... Was kostet eine Kinderbehandlung?": a part
	 * of the day alone, no day, beside a price or length asked is no
	 * request for slots (review de AT s26 was offered tonight's) */
	int window_only = q->when.time == WHEN_TIME_WINDOW && !rq.w.has_day &&
			  !rq.w.has_range && q->intent != INQ_AVAIL;
	int when_said =
	    rq.w.has_day || rq.w.has_range ||
	    (q->when.time != WHEN_TIME_NONE && !(question && window_only));
	int booking =
	    !question || (when_said && !(q->intent == INQ_AVAIL &&
					 q->when.time != WHEN_TIME_AT));
	if (booking && rq.n_also > 0 && one_clause_pair(c, q, &rq))
		return;
	int booked = 0;
	struct inquiry q2;
	if ((q->intent == INQ_PRICE || q->intent == INQ_DURATION) && !booking &&
	    answer_facts(c, q, &rq)) {
		/* every price and length asked is said: none again below */
		q2 = *q;
		q2.asks &= ~(unsigned)(INQ_ASK_PRICE | INQ_ASK_DURATION);
		q = &q2;
		booked = 1;
	} else if (q->intent == INQ_PRICE && !booking) {
		/* The services in the price question's own sentence, when it
		 * names any ("... brakes squeal. How much is a service?"). */
		const struct cat_service *priced[1 + MAX_ALSO];
		size_t np = 0;
		for (size_t k = 0; k < q->n_things && np < 1 + MAX_ALSO; k++)
			if (q->things[k].kind == CAT_SERVICE &&
			    q->things[k].role == INQ_ASKED &&
			    q->things[k].segment >= q->price_segment &&
			    q->things[k].segment <= q->price_segment_to)
				priced[np++] =
				    &c->cat->services[q->things[k].idx];
		if (np == 0) {
			priced[np++] = rq.svc;
			for (size_t i = 0; i < rq.n_also; i++)
				priced[np++] = rq.also[i];
		}
		rq.svc = priced[0];
		decide(c, DESK_PRICE, DESK_REASON_NONE, "the price asked");
		set_subject(c, priced[0]->id);
		add_price(c, priced[0], 0);
		/* "and how much is it?" right after booking it: the price,
		 * never "text a day and time to book" (review es5 c04) */
		/* ... or right after its slots were listed: the list stays
		 * what the next text answers (review es T c18: "cuanto
		 * costaría?" then "vale reservalo" lost the Thursday) */
		int listed = pending_is(c, "offer") &&
			     priced[0] == c->pend.svc && np == 1;
		if ((pending_is(c, "done") && priced[0] == c->pend.svc) ||
		    listed)
			c->parts[c->n_parts - 1].tpl = "price_booked";
		/* "do you do diabetic checks?": yes, what it costs and takes,
		 * which day (review r9 class 5) */
		else if (q->asks_offered && np == 1)
			c->parts[c->n_parts - 1].tpl = "price_offered";
		for (size_t i = 1; i < np; i++) {
			also_decide(c, DESK_PRICE, DESK_REASON_NONE);
			set_subject(c, priced[i]->id);
			add_price(c, priced[i], 2);
		}
		c->item = -1;
		struct request r2 = rq;
		memset(&r2.w, 0, sizeof(r2.w));
		r2.w.has_day = q->when.has_day;
		r2.w.day = q->when.day;
		/* the price of the visit just booked keeps the talk on it
		 * ("y cuanto cuesta?", then "y de paso el chip") */
		if (!(pending_is(c, "done") && priced[0] == c->pend.svc) &&
		    !listed)
			remember_answered(c, &r2); /* "ok book one sat" */
		booked = 1;			   /* the price is said */
	} else if (q->intent == INQ_DURATION && !booking) {
		decide(c, DESK_DURATION, DESK_REASON_NONE, "how long it takes");
		set_subject(c, rq.svc->id);
		if ((q->asks & INQ_ASK_PRICE) && rq.svc->price != NULL) {
			/* both asked: one sentence, the name once ("Book :
			 * 250 € (2 h).", review fr R s37 named it twice) */
			add_price_each(c, rq.svc);
			also_decide(c, DESK_PRICE, DESK_REASON_NONE);
			set_subject(c, rq.svc->id);
			booked = 1; /* the price is said */
		} else {
			add_duration(c, rq.svc, 0);
		}
		/* how long the visit just booked or offered takes: the
		 * booking or the list stays what a "2" then answers */
		if (!((pending_is(c, "done") || pending_is(c, "offer")) &&
		      rq.svc == c->pend.svc))
			remember_answered(c, &rq);
	} else if (q->intent == INQ_AVAIL && !booking) {
		merge_pending(c, &rq);
		if (load_moving(c, &rq) < 0)
			return;
		do_avail(c, &rq);
	} else {
		also_to_offer(c, q, &rq);
		size_t dropped = drop_asked_also(c, q, &rq);
		merge_pending(c, &rq);
		if (load_moving(c, &rq) < 0)
			return;
		if (question && !q->question_apart)
			rq.offer_only = 1; /* a question: offer, don't book */
		book_request(c, &rq);
		booked = c->out->d.kind == DESK_BOOKED ||
			 c->out->d.kind == DESK_ALREADY ||
			 c->out->d.kind == DESK_MOVED;
		if (dropped > 0 && booked && !c->err &&
		    (q->asks & INQ_ASK_PRICE) &&
		    asked_of(c, q, INQ_ASK_PRICE)) {
			/* the price of the service only asked about */
			q2 = *q;
			q2.asks &= ~(unsigned)INQ_ASK_PRICE;
			q = &q2;
			c->item = -1;
		}
	}
	if (c->err)
		return;
	dated_rest(c, q, rq.offer_only);
	if (rq.n_also > 0 && !booked && c->out->d.kind != DESK_PRICE &&
	    c->out->d.kind != DESK_DURATION && !c->visit_named) {
		/* the same service for two people once, "x2"; a thing hired
		 * for the visit goes with it, never "straight after it"
		 * (review es AH s06: "Y justo después, Alquiler de equipo") */
		const char **after = pool_ptrs(c, rq.n_also);
		const char **beside = pool_ptrs(c, rq.n_also);
		size_t na = 0, nw = 0;
		for (size_t i = 0, k; i < rq.n_also; i = k) {
			for (k = i + 1;
			     k < rq.n_also && rq.also[k] == rq.also[i];)
				k++;
			const char *name =
			    k - i > 1
				? fmt_for_persons(c, svc_name(c, rq.also[i]),
						  (int)(k - i))
				: svc_name(c, rq.also[i]);
			if (rq.also[i] != rq.svc &&
			    service_hired(c, rq.also[i]))
				beside[nw++] = name;
			else
				after[na++] = name;
		}
		if (na > 0)
			part_list(part_add(c, "rest_asked", 1), "services",
				  after, na, ", ", 0);
		if (nw > 0)
			part_list(part_add(c, "rest_with", 1), "services",
				  beside, nw, ", ", 0);
	}
	refer_topics(c, q);
	if (q->asked_thing && q->asked_about) {
		/* "... and how much are varifocals?": for a person */
		also_decide(c, DESK_CANT_ANSWER, DESK_REASON_NOT_BY_TEXT);
		set_subject(c, not_text_ids[LANG_NT_OTHER]);
		add_cant_answer(c, LANG_NT_OTHER, 0, 3);
	} else if (q->asked_thing) {
		/* "... and do you do eyebrow waxing?" */
		also_decide(c, DESK_REFER, DESK_REASON_NOT_OFFERED);
		say(c, "not_offered_brief");
		refer(c, NULL, "", DESK_REASON_NOT_OFFERED);
		c->item = -1;
	}
	answer_questions(c, q, rq.svc, booked || c->out->d.kind == DESK_PRICE);
}
