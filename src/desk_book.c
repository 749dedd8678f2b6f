/*
 * desk: one booking request — yes (the promise), an offer of free slots, one
 * short question, or an honest no with providers that cover it.
 *
 * Invariant 7 lives here: book_at is the only place a customer's request
 * becomes a booking, and it is reached only with a day the text, the
 * conversation or an offered slot named (request.day_named) and an exact
 * time from the same. A time with no day is offered for today, never
 * booked; a day word the reader could not place is asked about.
 */
#include "desk_int.h"
#include "smsdesk/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "Inspektion nach Herstellervorgabe + Ölwechsel": the whole visit (NULL
 * when the request is no visit of several services), for
 * a reply that offers or asks a day for all of it at once. A line "The
 * oil change straight after it." at the end was read as cryptic, or as
 * a second offer (reviews de T s48, c11, pt U s26, tr U c21). */
static const char *visit_name(struct ctx *c, const struct request *rq)
{
	if (!(group_in_a_row(c, rq) ||
	      (rq->apart && rq->persons <= 1 && rq->n_also > 0)) ||
	    c->visit_apart)
		return NULL;
	const char *s = svc_name(c, rq->svc);
	/* the same service again and again is one, for so many ("pista +
	 * alquiler de pala para 2 personas") */
	for (size_t j = 0, k; j < rq->n_also; j = k) {
		for (k = j + 1; k < rq->n_also && rq->also[k] == rq->also[j];)
			k++;
		const char *nm = svc_name(c, rq->also[j]);
		if (k - j > 1)
			nm = fmt_for_persons(c, nm, (int)(k - j));
		s = pool_fmt(c, "%s + %s", s, nm);
	}
	c->visit_named = 1;
	return s;
}

static int visit_cut_short(struct ctx *c, struct request *rq, int64_t t, int m);

/* The usual values of a part about this request. */
static struct part *head_part(struct ctx *c, const struct request *rq,
			      const char *tpl, int minute)
{
	struct part *p = part_add(c, tpl, 0);
	/* a visit of several services in a row is named whole: "the last
	 * start for dépose + pose is 16:30" (review fr AA s53) */
	const char *visit = rq->persons <= 1 ? visit_name(c, rq) : NULL;
	if (rq->svc != NULL) {
		part_set(
		    p, "service",
		    rq->persons > 1
			? fmt_for_persons(c, svc_name(c, rq->svc), rq->persons)
		    : visit != NULL ? visit
				    : svc_name(c, rq->svc));
		part_set(p, "price", rq->svc->price);
		part_set(p, "minutes", pool_fmt(c, "%d", rq->svc->minutes));
		part_set(p, "length", fmt_length(c, rq->svc->minutes));
		part_set(p, "notice", fmt_notice(c, rq->svc->notice_minutes));
	}
	if (rq->w.has_day) {
		part_set(p, "day", fmt_day(c, &rq->w.day));
		part_set(p, "day_hours", fmt_day_hours(c, &rq->w.day));
	}
	if (minute >= 0)
		part_set(p, "time", fmt_hhmm(c, minute));
	part_set(p, "n",
		 pool_fmt(c, "%d", c->cat->policy.booking_horizon_days));
	return p;
}

int load_moving(struct ctx *c, struct request *rq)
{
	if (rq->move[0] == '\0')
		return 0;
	int rc = c->io->find(c->io->ctx, rq->move, c->sender, &rq->moving);
	if (rc == STORE_ERR_NOT_FOUND ||
	    (rc == 0 &&
	     (rq->moving.state != STORE_BOOKED || rq->moving.start < c->now))) {
		rq->move[0] = '\0';
		return 0;
	}
	if (check(c, rc) < 0)
		return -1;
	/* the places offered for were the whole party's */
	if (rq->persons > 1)
		find_siblings(c, rq);
	return 0;
}

void find_siblings(struct ctx *c, struct request *rq)
{
	rq->n_sib = 0;
	if (rq->move[0] == '\0')
		return;
	const struct store_booking_list *bl = my_upcoming(c);
	if (bl == NULL)
		return;
	for (size_t i = 0; i < bl->n && rq->n_sib + 1 < MAX_PARTY; i++) {
		const struct store_booking *b = &bl->v[i];
		if (strcmp(b->ref, rq->moving.ref) == 0 ||
		    strcmp(b->service, rq->moving.service) != 0 ||
		    b->start != rq->moving.start)
			continue;
		snprintf(rq->sib[rq->n_sib], sizeof(rq->sib[0]), "%s", b->ref);
		rq->n_sib++;
	}
	if (rq->persons < 1 + (int)rq->n_sib)
		rq->persons = 1 + (int)rq->n_sib;
}

/* ---- asking ---------------------------------------------------------------
 */

/* Every day of [first, last] is closed, and none is past. */
static int span_all_closed(const struct ctx *c, const struct when_day *first,
			   const struct when_day *last)
{
	if (when_day_cmp(first, &c->lnow.day) < 0 ||
	    when_day_diff(first, last) > 7)
		return 0;
	for (struct when_day d = *first; when_day_cmp(&d, last) <= 0;
	     d = when_day_add(d, 1)) {
		int op[8], cl[8];
		if (when_hours_of(c->cat, &d, op, cl, 8) > 0)
			return 0;
	}
	return 1;
}

void ask_service(struct ctx *c, const struct request *rq, int trade)
{
	/* "de la place dimanche ?": that we are closed that day comes
	 * first, never a list of services for a day we cannot do */
	int span_closed =
	    !rq->w.has_day && rq->w.has_range &&
	    span_all_closed(c, &rq->w.range_first, &rq->w.range_last);
	if (span_closed) {
		/* "Termine am Wochenende?" at a business closed then: closed,
		 * with our hours, never the menu (review de AA s44) */
		part_set(part_add(c, "no_closed", 0), "day",
			 pool_fmt(c, "%s / %s", fmt_day(c, &rq->w.range_first),
				  fmt_day(c, &rq->w.range_last)));
		part_set(part_add(c, "hours_week", 1), "hours", fmt_hours(c));
		decide(c, DESK_CLARIFY,
		       trade ? DESK_REASON_TRADE_ONLY
			     : DESK_REASON_NEED_SERVICE,
		       "no service named, on days we are closed: when we open");
		return;
	}
	if (rq->w.has_day && !rq->w.has_range && rq->day_named &&
	    fmt_day_hours(c, &rq->w.day)[0] == '\0') {
		/* and when we are open, not the menu for a day we cannot
		 * do (review fr O s47 "vous travaillez le dimanche ?", s36
		 * "et le 25 ?" got the services after "closed"); "Termine
		 * am Sonntag?" at a business closed every Sunday is closed
		 * on Sundays, never on one Sunday (review de AY s50) */
		if (!closed_weekly(c, &rq->w, "", 0)) {
			part_set(part_add(c, "no_closed", 0), "day",
				 fmt_day(c, &rq->w.day));
			part_set(part_add(c, "hours_week", 1), "hours",
				 fmt_hours(c));
		}
		decide(c, DESK_CLARIFY,
		       trade ? DESK_REASON_TRADE_ONLY
			     : DESK_REASON_NEED_SERVICE,
		       "no service named, on a day we are closed: when we "
		       "open");
		/* the day kept: "une coupe" next is for a provider open
		 * then */
		remember_request(c, rq);
		return;
	}
	struct part *p = part_add(c, trade ? "ask_trade" : "ask_service", 0);
	if (c->q != NULL && c->q->n_kin >= 2) {
		/* "banho": only the services it opens, numbered 1..n, the
		 * list kept with the question so the number books its own
		 * (numbers on the whole menu, "8) ... 2)", read as a
		 * machine's: reviews pt AB s35, tr AC s37, es AC s58) */
		const char **items = pool_ptrs(c, c->q->n_kin);
		for (size_t i = 0; i < c->q->n_kin; i++) {
			c->menu[i] = c->q->kin[i];
			items[i] = svc_name(c, &c->cat->services[c->q->kin[i]]);
		}
		c->n_menu = c->q->n_kin;
		part_list(p, "services", items, c->q->n_kin, " ", 1);
	} else {
		services_list(c, p, "services", 1, BESIDE_NOTHING);
	}
	decide(c, DESK_CLARIFY,
	       trade ? DESK_REASON_TRADE_ONLY : DESK_REASON_NEED_SERVICE,
	       trade ? "named the trade, not a service: ask which"
		     : "no service named: ask which");
	remember_request(c, rq);
}

void ask_day(struct ctx *c, const struct request *rq, const char *tpl)
{
	const char *visit = visit_name(c, rq);
	/* which day, with what it costs and takes ("Kein Ja und kein
	 * Preis, gleich Tagesfrage", review de AQ c09.2); a catalog's own
	 * ask_day wording stands */
	int priced = strcmp(tpl, "ask_day") == 0 && visit == NULL &&
		     rq->svc->price != NULL && rq->svc->price[0] != '\0' &&
		     catalog_reply(c->cat, "ask_day", c->pack->code) == NULL;
	struct part *p = part_add(c, priced ? "ask_day_priced" : tpl, 0);
	part_set(p, "service", visit != NULL ? visit : svc_name(c, rq->svc));
	part_set(p, "hours", fmt_hours(c));
	if (priced) {
		part_set(p, "price", rq->svc->price);
		part_set(p, "length", fmt_length(c, rq->svc->minutes));
	}
	decide(c, DESK_CLARIFY,
	       strcmp(tpl, "ask_day_unsure") == 0 ? DESK_REASON_NEED_DAY_UNSURE
						  : DESK_REASON_NEED_DAY,
	       "no day we can be sure of: ask");
	set_subject(c, rq->svc->id);
	struct request r2 = *rq;
	r2.w.has_day = 0;
	remember_request(c, &r2);
}

static void ask_time(struct ctx *c, const struct request *rq)
{
	int either =
	    rq->w.problem == WHEN_AMBIGUOUS_TIME && rq->w.alt_min[0] >= 0;
	struct part *p =
	    head_part(c, rq, either ? "ask_time_either" : "ask_time", -1);
	if (either) {
		part_set(p, "a", fmt_hhmm(c, rq->w.alt_min[0]));
		part_set(p, "b", fmt_hhmm(c, rq->w.alt_min[1]));
	}
	decide(c, DESK_CLARIFY, DESK_REASON_NEED_TIME,
	       "the hour could be morning or evening: ask");
	set_subject(c, rq->svc->id);
	struct request r2 = *rq;
	r2.w.time = WHEN_TIME_NONE;
	remember_request(c, &r2);
}

/* What could not be booked with the rest is what we asked a time for:
 * the next "13h" books it on that day, never moves what was booked
 * (review pt11 c16). */
static void remember_rest(struct ctx *c, const struct cat_service **failed,
			  size_t n_failed, const struct cat_service **failed_at,
			  size_t n_failed_at, const struct when_day *day)
{
	struct request r2;

	memset(&r2, 0, sizeof(r2));
	for (size_t i = 0; i < n_failed + n_failed_at; i++) {
		const struct cat_service *s =
		    i < n_failed ? failed[i] : failed_at[i - n_failed];
		if (r2.svc == NULL)
			r2.svc = s;
		else if (r2.n_also < MAX_ALSO)
			r2.also[r2.n_also++] = s;
	}
	r2.persons = 1;
	r2.w.has_day = 1;
	r2.w.day = *day;
	remember_request(c, &r2);
}

/* ---- offering --------------------------------------------------------------
 */

/* Numbered slots in part tpl; remembered once the reply is fitted. */
void offer_slots(struct ctx *c, const struct request *rq, const char *tpl,
		 const int64_t *opts, size_t n, int with_day,
		 const struct when_day *day)
{
	if (n > DESK_MAX_OPTIONS)
		n = DESK_MAX_OPTIONS;
	struct part *p = head_part(c, rq, tpl, -1);
	const char *visit = visit_name(c, rq);
	if (visit != NULL)
		part_set(p, "service", visit);
	if (day != NULL)
		part_set(p, "day", fmt_day(c, day));
	const char **items = pool_ptrs(c, n);
	for (size_t i = 0; i < n; i++) {
		struct when_local l = local_of(c, opts[i]);
		items[i] =
		    with_day ? fmt_when(c, opts[i]) : fmt_hhmm(c, l.minute);
	}
	part_list(p, "slots", items, n, " ", 1);
	if (c->later_offer.on)
		return; /* one offer per answer */
	c->later_offer.on = 1;
	c->later_offer.part = (size_t)(p - c->parts);
	c->later_offer.rq = *rq;
	memcpy(c->later_offer.opts, opts, n * sizeof(opts[0]));
	c->later_offer.n = n;
	if (rq->day_guess)
		day = NULL; /* a day we guessed is not theirs to build on */
	c->later_offer.has_day = day != NULL;
	if (day != NULL)
		c->later_offer.day = *day;
}

/*
 * An honest no: the head (tpl), our own next free slots when there are any,
 * and the providers that cover exactly this service.
 */
void say_no(struct ctx *c, const struct request *rq, const char *tpl,
	    enum desk_reason why, const int64_t *opts, size_t n)
{
	head_part(c, rq, tpl, -1);
	decide(c, DESK_REFER, why, "cannot do it then: an honest no");
	set_subject(c, rq->svc->id);
	if (n > 0)
		offer_slots(c, rq, "our_next", opts, n, 1, NULL);
	struct part *p = part_add(c, n > 0 ? "elsewhere" : "try", 0);
	size_t k = refer(c, p, rq->svc->id, why);
	if (k == 0) {
		c->n_parts--; /* nobody to name */
		if (n == 0)
			say(c, "no_nobody");
	}
	if (n == 0)
		conv_clear(c);
}

/*
 * Our next free slots after a day that cannot be had, keeping what else was
 * asked: a time asked is the same time on the nearest open days, a part of
 * the day ("por la tarde") that part on the next days (review es10 s18
 * s59: "a las 5 de la tarde" on a holiday got the next morning).
 */
static size_t alternatives(struct ctx *c, const struct request *rq,
			   const struct store_booking *mv, int64_t *opts)
{
	const struct when_req *w = &rq->w;
	const struct when_day *not_day = w->has_not_day ? &w->not_day : NULL;
	struct when_day next = when_day_add(w->day, 1);
	size_t n = 0;

	if (w->time == WHEN_TIME_AT && !w->hour_asked &&
	    (w->problem == WHEN_FINE || w->alt_min[0] >= 0))
		n = same_time_slots(c, rq, not_day, mv, opts, NEAREST);
	else if (w->time == WHEN_TIME_WINDOW)
		n = next_free(c, rq->svc, next, w->from_min, w->to_min, mv,
			      opts, NEAREST);
	if (n == 0 && !c->err)
		n = next_free(c, rq->svc, next, 0, 24 * 60, mv, opts, NEAREST);
	return n;
}

/* Nothing that day: the honest no, with the next free slots. */
void day_is_gone(struct ctx *c, const struct request *rq, enum desk_reason why)
{
	int64_t opts[NEAREST];
	const struct store_booking *mv = rq->move[0] ? &rq->moving : NULL;
	size_t n = 0;
	const char *tpl = "no_full";

	switch (why) {
	case DESK_REASON_CLOSED:
		tpl = "no_closed";
		break;
	case DESK_REASON_SHORT_NOTICE:
		tpl = "no_notice";
		break;
	case DESK_REASON_BEYOND_HORIZON:
		tpl = "no_horizon";
		break;
	default:
		break;
	}
	if (why != DESK_REASON_BEYOND_HORIZON)
		n = alternatives(c, rq, mv, opts);
	if (c->err)
		return;
	say_no(c, rq, tpl, why, opts, n);
}

/* The start of the day's last slot for the request's service, or -1. */
static int last_start(struct ctx *c, const struct request *rq)
{
	int grid[MAX_GRID];
	size_t ng =
	    when_slots_of(c->cat, &rq->w.day, rq->svc->minutes, grid, MAX_GRID);
	if (ng > MAX_GRID)
		ng = MAX_GRID;
	return ng > 0 ? grid[ng - 1] : -1;
}

/* Every slot of the day in [from, to) starts inside the notice: the first
 * of them still to come (else the first), else -1. */
static int window_in_notice(struct ctx *c, const struct request *rq, int from,
			    int to)
{
	int grid[MAX_GRID], any = -1, future = 0;
	size_t ng =
	    when_slots_of(c->cat, &rq->w.day, rq->svc->minutes, grid, MAX_GRID);
	int64_t early = earliest_start(c, rq->svc);
	if (ng > MAX_GRID)
		ng = MAX_GRID;
	for (size_t i = 0; i < ng; i++) {
		if (grid[i] < from || grid[i] >= to)
			continue;
		int64_t t = epoch_of(c, &rq->w.day, grid[i]);
		if (t >= early)
			return -1;
		/* its first start still to come: "ce matin" at 11:38 is too
		 * soon at 11:45, not at 8:00, long gone (review fr N);
		 * "tomorrow first thing" at 8:00 */
		if (any < 0 || (t >= c->now && !future))
			any = grid[i];
		future |= t >= c->now;
	}
	return any;
}

/* Why nothing is free on the day: notice, or bookings. */
static enum desk_reason why_none(struct ctx *c, const struct request *rq)
{
	int grid[MAX_GRID];
	size_t ng =
	    when_slots_of(c->cat, &rq->w.day, rq->svc->minutes, grid, MAX_GRID);
	int64_t early = earliest_start(c, rq->svc);
	if (ng > MAX_GRID)
		ng = MAX_GRID;
	for (size_t i = 0; i < ng; i++)
		if (epoch_of(c, &rq->w.day, grid[i]) >= early)
			return DESK_REASON_FULL;
	return DESK_REASON_SHORT_NOTICE;
}

/*
 * The head part (already added) and the free slots of the day near `near`
 * (or in [from, to)); nothing free that day is the honest no instead.
 */
static void offer_day(struct ctx *c, const struct request *rq, int from, int to,
		      int near, enum desk_reason reason, const char *rule)
{
	int64_t opts[MAX_GRID];
	const struct store_booking *mv = rq->move[0] ? &rq->moving : NULL;
	size_t n;

	if (near >= 0)
		n = nearest_slots(c, rq->svc, &rq->w.day, near, mv, opts,
				  NEAREST);
	else
		n = free_slots(c, rq->svc, &rq->w.day, from, to, mv, opts,
			       LIST_SLOTS);
	if (c->err)
		return;
	/* "Geht gleich danach noch Hirnleistungstraining?" where nothing
	 * fits after 17:00-17:45: never a start inside the customer's own
	 * visit (review de AL c13.2 offered 16:45, 17:00, 17:15) */
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (rq->own_to <= rq->own_from || opts[i] >= rq->own_to ||
		    opts[i] + (int64_t)rq->svc->minutes * 60 <= rq->own_from)
			opts[k++] = opts[i];
	n = k;
	if (n == 0) {
		c->n_parts--; /* the head gives way to the no */
		day_is_gone(c, rq, why_none(c, rq));
		return;
	}
	decide(c, DESK_OFFER, reason, rule);
	set_subject(c, rq->svc->id);
	offer_slots(c, rq, "offer", opts, n, 0, &rq->w.day);
}

/* "le soir", "en fin de journée": a part of the day, not "after 5". */
static int part_of_day(const struct when_req *w)
{
	return w->time == WHEN_TIME_WINDOW && w->time_rule != NULL &&
	       strcmp(w->time_rule, "part of the day") == 0;
}

/*
 * "la semaine prochaine en fin de journée" for a service too long to start
 * in the evening before we close: each day's last start within one
 * service's length before the part of the day, as a single day's "le soir"
 * is answered (review fr AA c15.1 was told nothing was free all week).
 */
static size_t latest_in_range(struct ctx *c, const struct request *rq,
			      const struct store_booking *mv, int64_t *opts)
{
	size_t n = 0;
	for (struct when_day d = rq->w.range_first;
	     n < LIST_SLOTS && when_day_cmp(&d, &rq->w.range_last) <= 0;
	     d = when_day_add(d, 1)) {
		int64_t t[1];
		if (when_day_cmp(&d, &c->lnow.day) < 0 ||
		    when_day_diff(&c->lnow.day, &d) >
			c->cat->policy.booking_horizon_days)
			continue;
		int64_t at = epoch_of(c, &d, rq->w.from_min);
		if (nearest_slots(c, rq->svc, &d, rq->w.from_min, mv, t, 1) ==
			1 &&
		    t[0] < at && at - t[0] <= (int64_t)rq->svc->minutes * 60)
			opts[n++] = t[0];
		if (c->err)
			break;
	}
	return n;
}

/* Offer across a span of days ("this weekend", "next week"). */
/* The free starts of one day looked at for a span's offer: a day of
 * quarter hours from 07:00 to 22:00 at most. */
enum { DAY_SLOTS = 64 };
/* Two starts offered on one day of a span are at least this far apart. */
enum { SPREAD_S = 90 * 60 };

/* The slot nearest I, towards DIR, that starts on the hour or the half
 * hour ("18h30", never "17h45"); I itself when none does. */
static size_t on_the_half_hour(const struct ctx *c, const int64_t *got,
			       size_t k, size_t i, int dir)
{
	for (size_t j = i; j < k; j = dir < 0 ? j - 1 : j + 1) {
		if (local_of(c, got[j]).minute % 30 == 0)
			return j;
		if (dir < 0 && j == 0)
			break;
	}
	return i;
}

static void offer_range(struct ctx *c, struct request *rq)
{
	int64_t opts[LIST_SLOTS];
	size_t n = 0;
	int from = 0, to = 24 * 60;
	const struct store_booking *mv = rq->move[0] ? &rq->moving : NULL;

	if (rq->w.time == WHEN_TIME_WINDOW ||
	    (rq->w.time == WHEN_TIME_AT && rq->w.problem == WHEN_FINE)) {
		from = rq->w.from_min;
		to = rq->w.time == WHEN_TIME_AT ? from + 1 : rq->w.to_min;
	}
	/* "in 3 months": the span starts past how far ahead we book */
	if (when_day_diff(&c->lnow.day, &rq->w.range_first) >
	    c->cat->policy.booking_horizon_days) {
		rq->w.day = rq->w.range_first;
		rq->w.has_day = 1;
		day_is_gone(c, rq, DESK_REASON_BEYOND_HORIZON);
		return;
	}
	/* Across the span: one free slot of each day, then more of the
	 * same days when the span has fewer days than slots shown. The one
	 * of each day takes turns: the first, the last, one between, so a
	 * week is never "8h30, 8h30, 8h30, 8h30" to someone who cannot come
	 * at opening (reviews fr AQ s12, c13.1) */
	size_t days_in = 0;
	for (int pass = 0; pass < 2 && n < LIST_SLOTS; pass++) {
		for (struct when_day d = rq->w.range_first;
		     n < LIST_SLOTS && when_day_cmp(&d, &rq->w.range_last) <= 0;
		     d = when_day_add(d, 1)) {
			int64_t got[DAY_SLOTS];
			if (when_day_cmp(&d, &c->lnow.day) < 0 ||
			    when_day_diff(&c->lnow.day, &d) >
				c->cat->policy.booking_horizon_days)
				continue;
			size_t k = free_slots(c, rq->svc, &d, from, to, mv, got,
					      DAY_SLOTS);
			if (c->err)
				return;
			size_t take = pass == 0 ? 1 : LIST_SLOTS;
			size_t first = 0;
			if (pass == 0 && k > 0) {
				size_t turn = days_in++ % 3;
				first = turn == 0   ? 0
					: turn == 1 ? k - 1
						    : k / 2;
				first = on_the_half_hour(c, got, k, first,
							 turn == 1 ? -1 : 1);
			}
			for (size_t i = first;
			     i < k && take > 0 && n < LIST_SLOTS; i++) {
				int dup = 0;
				/* more of a day: spread, never 10:00, 10:15,
				 * 10:30 (review de AS s14, fr AS c14.1) */
				for (size_t j = 0; j < n; j++)
					dup |= opts[j] == got[i] ||
					       (pass > 0 &&
						llabs(opts[j] - got[i]) <
						    SPREAD_S);
				if (dup)
					continue;
				opts[n++] = got[i];
				take--;
			}
		}
	}
	if (n == 0 && part_of_day(&rq->w))
		n = latest_in_range(c, rq, mv, opts);
	if (c->err)
		return;
	for (size_t i = 1; i < n; i++) /* in time order */
		for (size_t j = i; j > 0 && opts[j - 1] > opts[j]; j--) {
			int64_t t = opts[j];
			opts[j] = opts[j - 1];
			opts[j - 1] = t;
		}
	if (n == 0) {
		rq->w.day = rq->w.range_first;
		if (when_day_cmp(&rq->w.day, &c->lnow.day) < 0)
			rq->w.day = c->lnow.day;
		/* the no names an open day of the span, never the
		 * Monday we are closed on (review fr AA c15.1); "am
		 * Wochenende?" at a business closed then (none open):
		 * closed, with the next free slots, never "nothing free at
		 * that time" */
		int all_closed = 1;
		for (struct when_day d = rq->w.day;
		     all_closed && when_day_cmp(&d, &rq->w.range_last) <= 0;
		     d = when_day_add(d, 1)) {
			int op[8], cl[8];
			if (when_hours_of(c->cat, &d, op, cl, 8) > 0) {
				rq->w.day = d;
				all_closed = 0;
			}
		}
		rq->w.has_day = 1;
		if (all_closed) {
			day_is_gone(c, rq, DESK_REASON_CLOSED);
			return;
		}
		say_no(c, rq, "window_full", DESK_REASON_FULL, opts, 0);
		return;
	}
	decide(c, DESK_OFFER, DESK_REASON_NEED_TIME,
	       "a span of days: offer across it");
	set_subject(c, rq->svc->id);
	offer_slots(c, rq, "offer_range", opts, n, 1, NULL);
}

/* ---- saying yes ------------------------------------------------------------
 */

/* The sender already holds this service at t: its booking, or NULL. */
static const struct store_booking *
already(struct ctx *c, const struct cat_service *svc, int64_t t)
{
	const struct store_booking_list *bl = my_upcoming(c);
	for (size_t i = 0; bl != NULL && i < bl->n; i++)
		if (bl->v[i].start == t &&
		    strcmp(bl->v[i].service, svc->id) == 0)
			return &bl->v[i];
	return NULL;
}

/* "aula particular + aluguel de raquete sábado 10h": a thing hired for
 * the visit (the pack's hire_words in its name) is used during it, so it
 * starts with the visit, never after it ends (review pt AI s42 booked the
 * racket at 11:00, es AI s26 the amp after the room). */
int service_hired(const struct ctx *c, const struct cat_service *svc)
{
	char name[160];
	if (c->pack->hire_words == NULL || svc->name == NULL ||
	    text_fold(svc->name, name, sizeof(name)) == 0)
		return 0;
	for (size_t i = 0; c->pack->hire_words[i] != NULL; i++)
		if (strstr(name, c->pack->hire_words[i]) != NULL)
			return 1;
	return 0;
}

/* Where the next job of a group starts: with the last one when the same
 * service has room (or, for someone else's service, at the time asked
 * when it is a slot of its own with room), else the first free slot after
 * the last one ends, that day. */
static int64_t next_start(struct ctx *c, const struct cat_service *svc,
			  const struct cat_service *prev, int64_t prev_t,
			  const struct when_day *day, int64_t asked_t,
			  int apart)
{
	if (svc == prev && has_place(c, svc, prev_t, NULL))
		return prev_t;
	if (apart &&
	    when_is_slot(c->cat, day, svc->minutes,
			 local_of(c, asked_t).minute) &&
	    has_place(c, svc, asked_t, NULL))
		return asked_t;
	int64_t end = prev_t + (int64_t)prev->minutes * 60;
	int grid[MAX_GRID];
	size_t ng = when_slots_of(c->cat, day, svc->minutes, grid, MAX_GRID);
	for (size_t i = 0; i < ng && i < MAX_GRID; i++) {
		int64_t t = epoch_of(c, day, grid[i]);
		int64_t gap = svc->minutes > 60 ? svc->minutes * 60 : 3600;
		if (t >= end && t < end + gap && has_place(c, svc, t, NULL))
			return t;
	}
	return -1;
}

/* " (GBP 54.85)": each booking of several states its price (manners 3). */
static const char *price_note(struct ctx *c, const struct cat_service *svc)
{
	if (svc->price == NULL || svc->price[0] == '\0')
		return "";
	return pool_fmt(c, " (%s)", svc->price);
}

/* Book (or move into) svc at t, with the group after it; the promise
 * states everything (manners 3). */
static int book_at(struct ctx *c, struct request *rq, int64_t t)
{
	const struct cat_service *svc = rq->svc;
	const struct store_booking *mv = rq->move[0] ? &rq->moving : NULL;
	char ref[STORE_REF_MAX] = "";
	int rc;

	/* Invariant 7: a day the customer named, an exact time. */
	if (!rq->day_named || rq->w.time != WHEN_TIME_AT)
		return STORE_ERR_ARG;
	const struct store_booking *held =
	    mv == NULL && rq->persons <= 1 && !c->q->other && !rq->offered
		? already(c, svc, t)
		: NULL;
	/* "12:00 olsun" when it is at 12:00: the booking stands, never a
	 * move into its own slot with a new ref (review tr5 c14) */
	if (mv != NULL && mv->start == t && rq->persons <= 1 &&
	    strcmp(mv->service, svc->id) == 0)
		held = mv;
	if (held != NULL) {
		struct part *p = part_add(c, "already_booked", 0);
		part_set(p, "service", svc_name(c, svc));
		part_set(p, "when", fmt_when(c, t));
		part_set(p, "ref", pool_str(c, held->ref));
		decide(c, DESK_ALREADY, DESK_REASON_NONE,
		       "the sender already holds that slot");
		set_subject(c, svc->id);
		set_start(c, t);
		set_ref(c, held->ref);
		remember_booked(c, held->ref, svc);
		return 0;
	}
	if (mv != NULL) {
		rc =
		    c->io->cancel(c->io->ctx, mv->ref, c->sender, c->now, NULL);
		if (check(c, rc) < 0)
			return rc;
	}
	rc = c->io->create(c->io->ctx, svc->id, t, svc->minutes, svc->capacity,
			   c->sender, c->now, ref);
	if (rc == STORE_ERR_FULL)
		return rc;
	if (check(c, rc) < 0)
		return rc;
	days_changed(c);
	if (mv != NULL)
		check(c, c->io->set_moved(c->io->ctx, mv->ref, ref));

	/* The rest of the group: more people, more services. */
	const struct cat_service *jobs[MAX_PARTY + MAX_ALSO];
	size_t n_jobs = 0;
	for (int i = 1; i < rq->persons && n_jobs < MAX_PARTY - 1; i++)
		jobs[n_jobs++] = svc;
	for (size_t i = 0; i < rq->n_also; i++)
		jobs[n_jobs++] = rq->also[i];
	const struct cat_service *done[MAX_PARTY + MAX_ALSO] = {svc};
	const char **items = pool_ptrs(c, 1 + n_jobs);
	const struct cat_service *failed[MAX_PARTY + MAX_ALSO];
	const struct cat_service *failed_at[MAX_PARTY + MAX_ALSO];
	size_t n_done = 1, n_failed = 0, n_failed_at = 0;
	int64_t prev_t = t, same_t = t;
	const struct cat_service *prev = svc;
	/* "und danach direkt fango" booked at a later start than the end
	 * of the one before: said, never a gap in silence (review de8 s49:
	 * Fango 13:30 after a massage 12:30-13:00) */
	const struct cat_service *later = NULL;
	int64_t later_t = 0, later_end = 0;
	struct when_local l = local_of(c, t);

	decide(c, mv != NULL ? DESK_MOVED : DESK_BOOKED, DESK_REASON_NONE,
	       mv != NULL ? "a free slot: moved" : "a free slot: booked");
	set_subject(c, svc->id);
	set_start(c, t);
	set_ref(c, ref);
	items[0] = pool_fmt(c, "%s %s%s %s", svc_name(c, svc), fmt_when(c, t),
			    price_note(c, svc), fmt_ref(c, ref));
	size_t n_party = n_jobs - rq->n_also; /* more people, same service */
	for (size_t j = 0; j < n_jobs; j++) {
		int64_t tj =
		    next_start(c, jobs[j], prev, prev_t, &l.day, t, rq->apart);
		/* "me and my husband both ... 2pm": each at the time asked,
		 * never one of them later unasked; where the service never
		 * holds them all at once (one practitioner) and the time was
		 * picked from our list for them all, one after the other, as
		 * offered (review pt AE c07.3 booked one sister and told the
		 * other there was no room); a time the text named stays the
		 * time asked */
		if (j < n_party && tj != t &&
		    (service_room(c, svc) >= rq->persons || !rq->offered))
			tj = -1;
		/* "Maniküre um 10 und Augenbrauen um 11": at its own time;
		 * "9 for me and 9:30 for him": each person or service at
		 * the time named in its own clause, never shifted (review
		 * r5 C45) */
		int named = -1;
		if (j >= n_party && rq->also_min[j - n_party] > 0)
			named = rq->also_min[j - n_party] - 1;
		else if (c->q != NULL && c->q->n_times > (int)j + 1 &&
			 !rq->offered)
			named = c->q->times[j + 1];
		if (named >= 0) {
			tj = epoch_of(c, &l.day, named);
			if (!when_is_slot(c->cat, &l.day, jobs[j]->minutes,
					  named) ||
			    !has_place(c, jobs[j], tj, NULL))
				tj = -1;
		}
		/* "papilomas a las 17:30 y para mi marido quiropodia a la
		 * misma hora", "reflexology for my wife at the same time":
		 * another person's service at the first one's time, never
		 * after it unasked (review es9 s65 booked 18:00) */
		int together = j >= n_party && named < 0 && c->q != NULL &&
			       c->q->same_time && c->q->other;
		if (together && (tj != t || !has_place(c, jobs[j], t, NULL)))
			tj = -1;
		int hired = !together && j >= n_party && named < 0 &&
			    jobs[j] != svc && service_hired(c, jobs[j]) &&
			    has_place(c, jobs[j], t, NULL);
		if (hired)
			tj = t;
		/* "une coupe enfant et une coupe homme samedi 11h (moi et
		 * mon fils)": one service each for as many people as the
		 * text counts, all at the time asked where there is room
		 * (review fr K c18.1 put the father at 11:30); else straight
		 * after, as for one person */
		if (!together && j >= n_party && named < 0 && c->q != NULL &&
		    !c->q->also_after && c->q->other && c->q->group >= 2 &&
		    (size_t)c->q->group == 1 + n_jobs &&
		    has_place(c, jobs[j], t, NULL))
			tj = t;
		/* the same service again for the next person: beside the
		 * one just booked, at its time */
		int beside = j >= n_party && j > 0 && jobs[j] == jobs[j - 1];
		if (beside) {
			tj = same_t;
			if (tj < 0 || !has_place(c, jobs[j], tj, NULL))
				tj = -1;
		}
		/* another service with no time of its own goes straight
		 * after, never an hour later in silence (review pt11 c16.3:
		 * "8h" for a polish and a valet booked the valet at 13:00
		 * after lunch): a later start is said when the text asked
		 * for it after ("danach"), else it is asked for */
		int64_t prev_end = prev_t + (int64_t)prev->minutes * 60;
		int64_t gap =
		    (int64_t)when_slot_step(c->cat, jobs[j]->minutes) * 60;
		if (gap < FOLLOW_GAP_S)
			gap = FOLLOW_GAP_S;
		if (tj > prev_end + gap && j >= n_party && named < 0 &&
		    !beside && !together && !(c->q != NULL && c->q->also_after))
			tj = -1;
		char rj[STORE_REF_MAX] = "";
		if (tj >= 0 && tj >= earliest_start(c, jobs[j]))
			rc = c->io->create(c->io->ctx, jobs[j]->id, tj,
					   jobs[j]->minutes, jobs[j]->capacity,
					   c->sender, c->now, rj);
		else
			rc = STORE_ERR_FULL;
		if (rc != 0 && rc != STORE_ERR_FULL && check(c, rc) < 0)
			return rc;
		if (rc != 0) {
			/* a second person at the time asked: that time is
			 * full, never "straight after" (review r7 s161) */
			same_t = -1;
			if (named >= 0 || j < n_party || beside || together)
				failed_at[n_failed_at++] = jobs[j];
			else
				failed[n_failed++] = jobs[j];
			continue;
		}
		days_changed(c);
		/* a place moved with the first: its old one goes */
		if (mv != NULL && j < n_party && j < rq->n_sib) {
			rc = c->io->cancel(c->io->ctx, rq->sib[j], c->sender,
					   c->now, NULL);
			if (check(c, rc) < 0)
				return rc;
			check(c, c->io->set_moved(c->io->ctx, rq->sib[j], rj));
		}
		also_decide(
		    c, mv != NULL && j < n_party ? DESK_MOVED : DESK_BOOKED,
		    DESK_REASON_NONE);
		set_subject(c, jobs[j]->id);
		set_start(c, tj);
		set_ref(c, rj);
		/* one more place beside the last, same service and time:
		 * its ref alone ("... 11:00 (55 €) Ref N7PQ, Ref XQQE"), so
		 * four riders never push a ref past the length limit
		 * (review de AD s46 cut the list with "...") */
		if (n_done > 0 && done[n_done - 1] == jobs[j] && tj == same_t)
			items[n_done] = fmt_ref(c, rj);
		else
			items[n_done] =
			    pool_fmt(c, "%s %s%s %s", svc_name(c, jobs[j]),
				     fmt_hhmm(c, local_of(c, tj).minute),
				     price_note(c, jobs[j]), fmt_ref(c, rj));
		done[n_done++] = jobs[j];
		int64_t end = prev_t + (int64_t)prev->minutes * 60;
		if (c->q != NULL && c->q->also_after && named < 0 && !beside &&
		    j >= n_party && tj > end && later == NULL) {
			later = jobs[j];
			later_t = tj;
			later_end = end;
		}
		prev = jobs[j];
		prev_t = tj;
		same_t = tj;
	}
	c->item = -1;
	if (n_done == 1) {
		struct part *p =
		    part_add(c, mv != NULL ? "moved" : "booked", 0);
		part_set(p, "service", svc_name(c, svc));
		part_set(p, "when", fmt_when(c, t));
		part_set(p, "price", svc->price);
		part_set(p, "ref", pool_str(c, ref));
		if (mv != NULL)
			part_set(p, "old_ref", pool_str(c, mv->ref));
	} else {
		const char *total = fmt_total(c, done, n_done);
		/* places moved together: said moved, the old ones gone */
		const char *tpl = mv != NULL && rq->n_sib > 0 ? "moved_many"
				  : total != NULL	      ? "booked_many"
						  : "booked_many_plain";
		struct part *p = part_add(c, tpl, 0);
		part_set(p, "count", pool_fmt(c, "%zu", n_done));
		part_list(p, "bookings", items, n_done, ", ", 0);
		if (total != NULL)
			part_set(p, "total", total);
	}
	if (later != NULL) {
		struct part *p = part_add(c, "rest_later", 0);
		part_set(p, "service", svc_name(c, later));
		part_set(p, "time", fmt_hhmm(c, local_of(c, later_t).minute));
		part_set(p, "end", fmt_hhmm(c, local_of(c, later_end).minute));
	}
	if (n_failed > 0) {
		const char **names = pool_ptrs(c, n_failed);
		for (size_t i = 0; i < n_failed; i++)
			names[i] = svc_name(c, failed[i]);
		part_list(part_add(c, "rest_failed", 0), "services", names,
			  n_failed, ", ", 0);
	}
	/* "pour moi et mon mari lundi 7 vers 17h" where one is seen at a
	 * time: the other's first free times after, to pick, never only
	 * "send another time" (reviews fr AL s23, s45, es AL c10.1); the
	 * time asked stays the first one's, and nothing is booked for the
	 * other unasked */
	int64_t rest_opts[3];
	size_t n_rest = 0;
	if (mv == NULL && n_failed == 0 && n_failed_at == 1 &&
	    failed_at[0] == svc && n_party >= 1 && n_jobs == n_party &&
	    c->q != NULL && !c->q->same_time && !c->q->together) {
		const struct request *fit = c->fit;
		c->fit = NULL;
		n_rest =
		    free_slots(c, svc, &l.day, l.minute + (int)svc->minutes,
			       24 * 60, NULL, rest_opts, 3);
		c->fit = fit;
	}
	if (n_rest > 0) {
		struct request r2;
		memset(&r2, 0, sizeof(r2));
		r2.svc = svc;
		r2.persons = 1;
		r2.w.has_day = 1;
		r2.w.day = l.day;
		part_add(c, "rest_party_full", 0);
		offer_slots(c, &r2, "offer", rest_opts, n_rest, 0, &l.day);
		c->later_offer.beside_booked = 1;
		sign(c);
		return 0;
	}
	if (n_failed_at > 0) {
		const char **names = pool_ptrs(c, n_failed_at);
		for (size_t i = 0; i < n_failed_at; i++)
			names[i] = svc_name(c, failed_at[i]);
		part_list(part_add(c, "rest_failed_at", 0), "services", names,
			  n_failed_at, ", ", 0);
	}
	sign(c);
	if (n_failed + n_failed_at > 0)
		remember_rest(c, failed, n_failed, failed_at, n_failed_at,
			      &l.day);
	else if (rq->offered && n_jobs == 0 && pending_is(c, "offer") &&
		 c->pend.n_opts > 1)
		remember_booked_pick(c, ref, svc);
	else
		remember_booked(c, ref, svc);
	return 0;
}

/* ---- the request ------------------------------------------------------------
 */

/* Only a time, no day: ask which day, with the time they gave kept for
 * the answer ("tomorrow" then books it). Today is never offered as if it
 * had been asked: a "1" or "yes" to such an offer booked a day nobody
 * named (review tr1 C17, C20). "today at 3" has its day and never comes
 * here. */
static void ask_day_at(struct ctx *c, struct request *rq)
{
	if (rq->w.from_min < 0 || rq->w.problem == WHEN_AMBIGUOUS_TIME) {
		/* "a las 3": morning or afternoon is settled by the day's
		 * hours once a day is named; the question names no time */
		ask_day(c, rq, "ask_day");
		return;
	}
	struct part *p = part_add(c, "ask_day_at", 0);
	part_set(p, "service", svc_name(c, rq->svc));
	part_set(p, "time", fmt_hhmm(c, rq->w.from_min));
	part_set(p, "hours", fmt_hours(c));
	decide(c, DESK_CLARIFY, DESK_REASON_NEED_DAY,
	       "a time but no day: ask which day, never today unasked");
	set_subject(c, rq->svc->id);
	struct request r2 = *rq;
	r2.w.has_day = 0;
	remember_request(c, &r2);
}

static void earliest(struct ctx *c, struct request *rq)
{
	int64_t opts[NEAREST];
	const struct store_booking *mv = rq->move[0] ? &rq->moving : NULL;
	int from = 0, to = 24 * 60;
	if (rq->w.time == WHEN_TIME_WINDOW) {
		from = rq->w.from_min;
		to = rq->w.to_min;
	}
	size_t n =
	    next_free(c, rq->svc, c->lnow.day, from, to, mv, opts, NEAREST);
	if (c->err)
		return;
	if (n == 0) {
		rq->w.day = c->lnow.day;
		rq->w.has_day = 1;
		day_is_gone(c, rq, DESK_REASON_FULL);
		return;
	}
	decide(c, DESK_OFFER, DESK_REASON_NONE, "earliest: offer the next");
	set_subject(c, rq->svc->id);
	offer_slots(c, rq, "offer_earliest", opts, n, 1, NULL);
}

/* A free slot inside the request's time window on a day ahead. */
static int window_ahead(struct ctx *c, struct request *rq)
{
	int64_t opts[1];
	const struct store_booking *mv = rq->move[0] ? &rq->moving : NULL;
	return next_free(c, rq->svc, c->lnow.day, rq->w.from_min, rq->w.to_min,
			 mv, opts, 1) > 0 &&
	       !c->err;
}

static void book_request_in(struct ctx *c, struct request *rq)
{
	struct when_req *w = &rq->w;
	const struct cat_service *svc = rq->svc;
	const struct store_booking *mv = rq->move[0] ? &rq->moving : NULL;

	set_subject(c, svc->id);
	/* "mein Mann und ich ... Können wir zusammen kommen?" where one
	 * person at a time is served: asked whether they may, one visit for
	 * both or two one after the other is theirs to say and the team's
	 * to arrange, never two bookings in a row (review de AR c06.2
	 * booked 10:00 and 11:00 where one joint consultation was meant);
	 * "... at 11 together" told, not asked, keeps the first booked, and
	 * three bridesmaids coming together are a group (de AM s15) */
	if (c->q != NULL && c->q->together && c->q->outright &&
	    rq->persons == 2 && svc->people < rq->persons &&
	    service_room(c, svc) < rq->persons && !rq->move[0] &&
	    staff_forward(c)) {
		decide(c, DESK_CANT_ANSWER, DESK_REASON_NOT_BY_TEXT,
		       "together where one at a time is served: for a person");
		set_subject(c, not_text_ids[LANG_NT_OTHER]);
		add_cant_answer(c, LANG_NT_OTHER, 0, 0);
		return;
	}
	if (w->unsure && !rq->offered) {
		ask_day(c, rq, "ask_day_unsure");
		return;
	}
	if (w->problem == WHEN_AMBIGUOUS_DATE && w->has_either &&
	    !rq->offered) {
		/* "friday or saturday": both days offered across */
		w->has_day = 0;
		w->has_range = 1;
		w->range_first = w->either_first;
		w->range_last = w->either_last;
		w->problem = WHEN_FINE;
	}
	if (w->problem == WHEN_AMBIGUOUS_DATE || w->problem == WHEN_BAD_DATE) {
		ask_day(c, rq,
			w->problem == WHEN_BAD_DATE ? "ask_day_bad"
						    : "ask_day_ambiguous");
		return;
	}
	if (!w->has_day && w->has_range &&
	    when_day_cmp(&w->range_last, &c->lnow.day) < 0) {
		/* "letzte Woche", "last week": a span gone by is no day we
		 * can book, never "closed today" (review de4 s34) */
		ask_day(c, rq, "ask_day_passed");
		return;
	}
	if (!w->has_day && w->has_range) {
		offer_range(c, rq);
		return;
	}
	if (!w->has_day) {
		if (w->time == WHEN_TIME_ASAP) {
			earliest(c, rq);
			return;
		}
		if (w->time == WHEN_TIME_AT) {
			ask_day_at(c, rq);
			return;
		}
		if (w->time == WHEN_TIME_WINDOW && w->to_min > c->lnow.minute) {
			/* "after 4": today's window, offered; today was our
			 * guess, not their word, so it is not remembered */
			w->day = c->lnow.day;
			w->has_day = 1;
			rq->day_guess = 1;
		} else {
			ask_day(c, rq, "ask_day");
			/* "MOT in April" asks for April after all: how far
			 * ahead we book is said, with no one else named */
			if (rq->far_month)
				part_set(
				    part_add(c, "no_horizon", 1), "n",
				    pool_fmt(
					c, "%d",
					c->cat->policy.booking_horizon_days));
			return;
		}
	}
	next_week_meant(c, rq);
	if (when_day_cmp(&w->day, &c->lnow.day) < 0) {
		ask_day(c, rq, "ask_day_passed");
		return;
	}
	if (when_day_diff(&c->lnow.day, &w->day) >
	    c->cat->policy.booking_horizon_days) {
		day_is_gone(c, rq, DESK_REASON_BEYOND_HORIZON);
		return;
	}
	int open[8], close[8];
	if (when_hours_of(c->cat, &w->day, open, close, 8) == 0) {
		day_is_gone(c, rq, DESK_REASON_CLOSED);
		return;
	}
	settle_hour(c, w, &w->day);
	switch (w->time) {
	case WHEN_TIME_NONE: {
		int64_t opts[LIST_SLOTS];
		size_t n = spread_slots(c, svc, &w->day, 0, 24 * 60, mv, opts,
					LIST_SLOTS);
		if (c->err)
			return;
		if (n == 0) {
			day_is_gone(c, rq, why_none(c, rq));
			return;
		}
		decide(c, DESK_OFFER, DESK_REASON_NEED_TIME,
		       "a day but no time: offer that day");
		offer_slots(c, rq, "offer_day", opts, n, 0, &w->day);
		return;
	}
	case WHEN_TIME_ASAP: {
		int64_t opts[LIST_SLOTS];
		size_t n = free_slots(c, svc, &w->day, 0, 24 * 60, mv, opts,
				      LIST_SLOTS);
		if (c->err)
			return;
		if (n == 0) {
			day_is_gone(c, rq, why_none(c, rq));
			return;
		}
		decide(c, DESK_OFFER, DESK_REASON_NONE,
		       "earliest on a day: offer it");
		offer_slots(c, rq, "offer_window", opts, n, 0, &w->day);
		return;
	}
	case WHEN_TIME_WINDOW: {
		int64_t opts[LIST_SLOTS];
		/* "el local fijo los miércoles de 20 a 22" for a service of
		 * two hours: from its start, the span said is the service's
		 * own (review es AI c07.1 booked 22:00) */
		if (w->time_rule != NULL &&
		    strcmp(w->time_rule, "between") == 0 &&
		    w->to_min - w->from_min == svc->minutes) {
			w->time = WHEN_TIME_AT;
			w->to_min = w->from_min;
			book_request_in(c, rq);
			return;
		}
		/* "mañana a primera hora" (6-10) at a shop that opens at 10:
		 * its first hours, never "nothing then" and 10:00 offered as
		 * if it were later (reviews es W s20, U s23) */
		if (w->to_min <= open[0] && w->from_min < open[0]) {
			int span = w->to_min - w->from_min;
			w->from_min = open[0];
			w->to_min = open[0] + (span > 120 ? span : 120);
		}
		/* "à tarde": the afternoon, not its first hour (review pt S:
		 * 13:00-14:30 for an afternoon to 20h) */
		size_t n = spread_slots(c, svc, &w->day, w->from_min, w->to_min,
					mv, opts, LIST_SLOTS);
		if (c->err)
			return;
		if (n > 0) {
			decide(c, DESK_OFFER, DESK_REASON_NONE,
			       "a window: offer the slots in it");
			offer_slots(c, rq, "offer_window", opts, n, 0, &w->day);
			return;
		}
		/* "nach der Arbeit, ab 17 Uhr, egal welcher Tag": today was
		 * our guess; the window is theirs, so the next days' slots
		 * in it, never this morning's (review de10 S20); a window we
		 * never open in gets today's last start, as below */
		if (rq->day_guess && window_ahead(c, rq)) {
			w->has_day = 0;
			earliest(c, rq);
			return;
		}
		/* the true reason: "evening" after the last start, "first
		 * thing" inside the notice, else booked up */
		int last = last_start(c, rq);
		int first = window_in_notice(c, rq, w->from_min, w->to_min);
		enum desk_reason why = DESK_REASON_FULL;
		if (last >= 0 && w->from_min > last) {
			head_part(c, rq, "last_start", last);
			why = DESK_REASON_OUTSIDE_HOURS;
		} else if (first >= 0) {
			head_part(c, rq, "too_soon", first);
			why = DESK_REASON_SHORT_NOTICE;
		} else {
			head_part(c, rq, "window_full", -1);
		}
		offer_day(c, rq, 0, 24 * 60, (w->from_min + w->to_min) / 2, why,
			  "nothing in the window: nearest");
		if (c->out->d.kind == DESK_OFFER)
			c->out->d.reason = why;
		return;
	}
	case WHEN_TIME_AT:
		break;
	}
	if (w->problem == WHEN_AMBIGUOUS_TIME) {
		ask_time(c, rq);
		return;
	}
	int m = w->from_min;
	int64_t t = epoch_of(c, &w->day, m);
	set_start(c, t);
	if (!when_is_slot(c->cat, &w->day, svc->minutes, m)) {
		int inside = 0;
		size_t np = when_hours_of(c->cat, &w->day, open, close, 8);
		for (size_t i = 0; i < np; i++)
			inside |= m >= open[i] && m + svc->minutes <= close[i];
		/* "mot fri 5pm": open till 17:30, but the last MOT starts
		 * at 16:00 — say so, not only the hours */
		int last = last_start(c, rq);
		int late = !inside && last >= 0 && m > last;
		if (late)
			head_part(c, rq, "last_start", last);
		else if (inside)
			part_set(
			    head_part(c, rq, "off_grid", m), "minutes",
			    pool_fmt(c, "%d",
				     when_slot_step(c->cat, svc->minutes)));
		else
			head_part(c, rq, "outside_hours", m);
		offer_day(c, rq, 0, 24 * 60, m,
			  inside ? DESK_REASON_NEED_TIME
				 : DESK_REASON_OUTSIDE_HOURS,
			  inside ? "not a slot start: nearest"
				 : "outside hours: nearest");
		return;
	}
	if (t < c->now) {
		head_part(c, rq, "time_passed", m);
		offer_day(c, rq, 0, 24 * 60, m, DESK_REASON_PAST,
			  "that time has passed: nearest");
		return;
	}
	if (t < earliest_start(c, svc) && !rq->offered) {
		head_part(c, rq, "too_soon", m);
		offer_day(c, rq, 0, 24 * 60, m, DESK_REASON_SHORT_NOTICE,
			  "inside the notice: nearest");
		if (c->out->d.kind == DESK_OFFER)
			c->out->d.reason = DESK_REASON_SHORT_NOTICE;
		return;
	}
	if (!rq->day_named) {
		ask_day_at(c, rq);
		return;
	}
	if (rq->offer_only && has_place(c, svc, t, mv)) {
		/* A question ("any chance of a cut fri 2pm?"): the slot,
		 * offered to confirm. */
		decide(c, DESK_OFFER, DESK_REASON_NONE,
		       "asked if a slot is free: offer it");
		offer_slots(c, rq, "offer_one", &t, 1, 1, &w->day);
		part_set(&c->parts[c->n_parts - 1], "when", fmt_when(c, t));
		return;
	}
	if (visit_cut_short(c, rq, t, m))
		return;
	if (has_place(c, svc, t, mv) || already(c, svc, t) != NULL) {
		int rc = book_at(c, rq, t);
		if (rc != STORE_ERR_FULL)
			return;
	}
	if (c->err)
		return;
	head_part(c, rq, "taken", m);
	offer_day(c, rq, 0, 24 * 60, m, DESK_REASON_FULL,
		  "that slot is taken: nearest");
	if (c->out->d.kind == DESK_OFFER)
		c->out->d.reason = DESK_REASON_FULL;
}

/*
 * "dépose + pose cil à cil vendredi 17h30" where the second cannot follow
 * before we close: the first alone was booked and the rest asked after
 * (review fr AA s53). Where the whole visit fits earlier that day, those
 * starts are offered, with the last of them said; never half a visit
 * booked unasked. Returns 1 when it answered.
 */
static int visit_cut_short(struct ctx *c, struct request *rq, int64_t t, int m)
{
	const struct store_booking *mv = rq->move[0] ? &rq->moving : NULL;
	if (!group_in_a_row(c, rq) || !has_place(c, rq->svc, t, mv) ||
	    group_fits(c, rq->svc, t, mv))
		return 0;
	/* the rest later that day, said as such, is still the visit asked
	 * for (book_at's "rest_later"): only a rest that cannot follow at
	 * all cuts it short */
	int64_t end = t + (int64_t)rq->svc->minutes * 60;
	int cut = 0;
	for (size_t j = 0; j < rq->n_also && !cut; j++) {
		int64_t next[1];
		int from = local_of(c, end).minute;
		if (free_slots(c, rq->also[j], &rq->w.day, from, 24 * 60, mv,
			       next, 1) == 0)
			cut = 1;
		else
			end = next[0] + (int64_t)rq->also[j]->minutes * 60;
	}
	if (!cut || c->err)
		return 0;
	int64_t all[MAX_GRID];
	int apart = c->visit_apart;
	size_t n =
	    free_slots(c, rq->svc, &rq->w.day, 0, 24 * 60, mv, all, MAX_GRID);
	int never = c->visit_apart; /* it fits nowhere that day */
	c->visit_apart = apart;
	if (c->err || n == 0 || never)
		return 0;
	if (all[n - 1] < t)
		head_part(c, rq, "last_start", local_of(c, all[n - 1]).minute);
	else
		head_part(c, rq, "taken", m);
	offer_day(c, rq, 0, 24 * 60, m, DESK_REASON_FULL,
		  "the whole visit does not fit then: nearest");
	if (c->out->d.kind == DESK_OFFER)
		c->out->d.reason = DESK_REASON_FULL;
	return 1;
}

void book_request(struct ctx *c, struct request *rq)
{
	/* every start offered is one the whole group fits at */
	const struct request *was = c->fit;
	c->fit = rq;
	book_request_in(c, rq);
	c->fit = was;
}

/* "2": the second slot we offered. */
void book_option(struct ctx *c, size_t k)
{
	const struct pending *p = &c->pend;
	struct request rq;

	memset(&rq, 0, sizeof(rq));
	if (p->svc == NULL || k >= p->n_opts) {
		decide(c, DESK_CLARIFY, DESK_REASON_NEED_TIME,
		       "a number not on the list");
		part_set(part_add(c, "pick_number", 0), "n",
			 pool_fmt(c, "%zu", p->n_opts));
		return;
	}
	rq.svc = p->svc;
	snprintf(rq.move, sizeof(rq.move), "%s", p->move);
	for (size_t i = 0; i < p->n_also; i++)
		rq.also[rq.n_also++] = p->also[i];
	rq.persons = p->persons;
	rq.apart = p->apart;
	if (load_moving(c, &rq) < 0)
		return;
	struct when_local l = local_of(c, p->opts[k]);
	rq.w.has_day = 1;
	rq.w.day = l.day;
	rq.w.time = WHEN_TIME_AT;
	rq.w.from_min = rq.w.to_min = l.minute;
	rq.w.mentioned = 1;
	rq.w.alt_min[0] = rq.w.alt_min[1] = -1;
	rq.offered = 1;
	rq.day_named = 1; /* the customer picked a slot we named */
	book_request(c, &rq);
}

/* "tirei há 10 anos", "10 gün önce doğdu": a day so many days or years
 * ago, with no time, tells a story; a booking never asks for it, so it is
 * no "that date has passed" (reviews pt AA s07, tr AA c06.1). */
static int story_day(const struct inquiry *q)
{
	const struct when_req *w = &q->when;
	return w->has_day && w->problem == WHEN_PAST &&
	       w->time == WHEN_TIME_NONE && w->day_rule != NULL &&
	       strcmp(w->day_rule, "N days ago") == 0 &&
	       (q->intent == INQ_BOOK || q->intent == INQ_AVAIL ||
		q->intent == INQ_UNKNOWN || q->intent == INQ_PRICE ||
		q->intent == INQ_DURATION);
}

/* "je prépare un marathon en avril", "wir heiraten im Mai": a whole month
 * past how far ahead we book, beside a service, is when the customer's
 * event is, not the visit: the visit's day is asked, never "we book only
 * 60 days ahead, try them" (reviews fr AC s07, de AC s15 c17.1). */
static int event_month(const struct ctx *c, const struct inquiry *q)
{
	const struct when_req *w = &q->when;
	return !w->has_day && w->has_range && w->time == WHEN_TIME_NONE &&
	       w->day_rule != NULL && strcmp(w->day_rule, "month") == 0 &&
	       q->n_matches > 0 &&
	       when_day_diff(&c->lnow.day, &w->range_first) >
		   c->cat->policy.booking_horizon_days;
}

/* A request from what the text asked: the first service, the others back to
 * back, how many people. */
void request_from(struct ctx *c, const struct inquiry *q, struct request *rq)
{
	memset(rq, 0, sizeof(*rq));
	rq->w = q->when;
	int far = event_month(c, q);
	if (story_day(q) || far) /* as when_read reads a text naming none */
		when_req_none(&rq->w);
	rq->day_named = rq->w.has_day;
	rq->far_month = far;
	if (!rq->w.has_day && !rq->w.has_range && q->today && !rq->w.unsure) {
		/* "this afternoon at 5", "tonight": today, named */
		rq->w.has_day = 1;
		rq->w.day = c->lnow.day;
		rq->day_named = 1;
	}
	rq->persons = 1;
	/* "Hörtest für mich und Reinigung für meinen Mann, gleiche Zeit?":
	 * side by side, kept for the day and time sent next (review de W
	 * c17.2 booked the second straight after) */
	rq->apart = q->apart || (q->same_time && q->other);
	for (size_t i = 0; i < q->n_matches; i++) {
		if (q->matches[i].kind != CAT_SERVICE)
			continue;
		const struct cat_service *s =
		    &c->cat->services[q->matches[i].idx];
		if (rq->svc == NULL) {
			rq->svc = s;
			rq->svc_named = 1;
			rq->persons = q->persons[i];
		} else {
			/* "aromaterapi ve 2 kişi refleksoloji": one each,
			 * never the second person silently dropped */
			for (int k = 0; k < q->persons[i] && k < MAX_ALSO &&
					rq->n_also < MAX_ALSO;
			     k++) {
				rq->also_min[rq->n_also] = q->own_min[i];
				rq->also[rq->n_also++] = s;
			}
		}
	}
	/* "8.30 both": a count with no service, for the one talked about */
	if (rq->svc == NULL && q->group > 1)
		rq->persons = q->group > MAX_PARTY ? MAX_PARTY : q->group;
	people_served(rq);
}

void people_served(struct request *rq)
{
	/* "un massage en duo pour moi et mon mari": one booking of a
	 * service for two, never "x2" and a second duo (review fr V c08,
	 * c16 booked one and said the other was taken) */
	if (rq->svc != NULL && rq->svc->people > 1 &&
	    rq->persons <= rq->svc->people)
		rq->persons = 1;
}
