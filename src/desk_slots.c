/*
 * desk: slots and referrals. A day's bookings are read once per decision
 * (not once per slot) and counted here; referrals are picked fairly among
 * the providers that cover exactly the request, and every "no" is recorded.
 */
#include "desk_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- a day's bookings, read once ----------------------------------------- */

void days_free(struct ctx *c)
{
	for (size_t i = 0; i < sizeof(c->days) / sizeof(c->days[0]); i++) {
		if (c->days[i].valid)
			list_free(&c->days[i].bl);
		c->days[i].valid = 0;
	}
}

/* Bookings were made or cancelled: read days afresh. */
void days_changed(struct ctx *c)
{
	days_free(c);
	mine_changed(c);
}

static const struct store_booking_list *day_bookings(struct ctx *c,
						     const struct when_day *d)
{
	size_t n = sizeof(c->days) / sizeof(c->days[0]);
	for (size_t i = 0; i < n; i++)
		if (c->days[i].valid && when_day_cmp(&c->days[i].day, d) == 0)
			return &c->days[i].bl;
	struct day_cache *dc = &c->days[c->next_day++ % n];
	if (dc->valid)
		list_free(&dc->bl);
	dc->valid = 0;
	/* From the day before: a long booking may reach into this day. */
	struct when_day prev = when_day_add(*d, -1), next = when_day_add(*d, 1);
	int64_t from = epoch_of(c, &prev, 0), to = epoch_of(c, &next, 0);
	dc->bl.v = NULL;
	dc->bl.n = 0;
	if (check(c, c->io->between(c->io->ctx, from, to, &dc->bl)) < 0)
		return NULL;
	dc->day = *d;
	dc->valid = 1;
	return &dc->bl;
}

/*
 * How many of svc's places row b takes where it overlaps: one for a booked
 * booking of svc, all of them for a staff block of svc or of every service
 * (service ""). The same rule as store_booking_places, kept here so the
 * desk's rules run without the store.
 */
static int places_taken(const struct store_booking *b,
			const struct cat_service *svc)
{
	if (b->state == STORE_BLOCKED)
		return b->service[0] == '\0' || strcmp(b->service, svc->id) == 0
			   ? svc->capacity
			   : 0;
	return b->state == STORE_BOOKED && strcmp(b->service, svc->id) == 0;
}

/* Is there a place left for svc at t (ignoring the booking being moved)? */
int has_place(struct ctx *c, const struct cat_service *svc, int64_t t,
	      const struct store_booking *moving)
{
	return free_places(c, svc, t, moving) > 0;
}

/* Does b run at moment p (and is it not the booking being moved)? */
static int runs_at(const struct store_booking *b, int64_t p,
		   const struct store_booking *moving)
{
	if (moving != NULL && b->state == STORE_BOOKED &&
	    strcmp(b->ref, moving->ref) == 0)
		return 0;
	return b->start <= p && b->start + (int64_t)b->minutes * 60 > p;
}

/*
 * Places left for svc over [t, t + its minutes): the fewest left at any
 * moment of it. What runs only changes where something starts, so it is
 * counted at t and at every start inside; two bookings one after the
 * other inside the span take one place, not two (review tr11).
 */
int free_places(struct ctx *c, const struct cat_service *svc, int64_t t,
		const struct store_booking *moving)
{
	struct when_local l = local_of(c, t);
	const struct store_booking_list *bl = day_bookings(c, &l.day);
	int64_t end = t + (int64_t)svc->minutes * 60;
	/* business.capacity: one practitioner is never booked twice at once,
	 * whatever the two services (review fr10); as store_set_places */
	int places = c->cat->capacity, left = svc->capacity;

	if (bl == NULL)
		return 0;
	for (size_t k = 0; k <= bl->n; k++) {
		int64_t p = k == 0 ? t : bl->v[k - 1].start;
		if (k > 0 && (p <= t || p >= end))
			continue;
		int n = 0, all = 0;
		for (size_t i = 0; i < bl->n; i++) {
			const struct store_booking *b = &bl->v[i];
			if (!runs_at(b, p, moving))
				continue;
			/* a booking of svc takes one place, a block all */
			n += places_taken(b, svc);
			all += b->state == STORE_BOOKED;
		}
		if (svc->capacity - n < left)
			left = svc->capacity - n;
		if (places > 0 && places - all < left)
			left = places - all;
	}
	return left;
}

int64_t earliest_start(const struct ctx *c, const struct cat_service *svc)
{
	return c->now + (int64_t)svc->notice_minutes * 60;
}

/* Where service S may start straight after PREV_END on DAY (as book_at
 * places it: on its own grid, inside the follow gap, or within its length
 * or an hour when the text said "right after"), -1 when nowhere. */
static int64_t follow_start(struct ctx *c, const struct cat_service *s,
			    const struct when_day *day, int64_t prev_end,
			    const struct store_booking *moving)
{
	int grid[MAX_GRID];
	size_t ng = when_slots_of(c->cat, day, s->minutes, grid, MAX_GRID);
	int64_t reach = s->minutes > 60 ? s->minutes * 60 : 3600;
	int64_t gap = (int64_t)when_slot_step(c->cat, s->minutes) * 60;
	if (gap < FOLLOW_GAP_S)
		gap = FOLLOW_GAP_S;
	if (!c->q->also_after && gap + 1 < reach)
		reach = gap + 1;
	for (size_t i = 0; i < ng && i < MAX_GRID; i++) {
		int64_t t = epoch_of(c, day, grid[i]);
		if (t >= prev_end && t < prev_end + reach &&
		    t >= earliest_start(c, s) && has_place(c, s, t, moving))
			return t;
	}
	return -1;
}

/*
 * Does the whole group of c->fit fit when its first service starts at t?
 * "Inspektion + Ölwechsel am Montag", "trocar óleo e fazer alinhamento
 * amanhã de tarde", "kesim ve fön": a start after which the second
 * service cannot follow before closing (or over lunch) was offered, and
 * picking it booked the first alone (reviews de T s48, c11, pt U s26,
 * c08, tr U s58, c21). Two people at one time need two places. Services
 * at times of their own, side by side or beside another person's are
 * placed by book_at's own rules and not checked here.
 */
int group_in_a_row(const struct ctx *c, const struct request *rq)
{
	if (rq->n_also == 0 || rq->persons > 1 || rq->apart || c->q == NULL ||
	    c->q->other || c->q->same_time || c->q->n_times > 1)
		return 0;
	const struct cat_service *prev = rq->svc;
	for (size_t j = 0; j < rq->n_also; j++) {
		if (rq->also_min[j] > 0 || rq->also[j] == prev)
			return 0;
		prev = rq->also[j];
	}
	return 1;
}

int service_room(const struct ctx *c, const struct cat_service *svc)
{
	int room = svc->capacity;
	if (c->cat->capacity > 0 && c->cat->capacity < room)
		room = c->cat->capacity;
	return room;
}

int group_fits(struct ctx *c, const struct cat_service *svc, int64_t t,
	       const struct store_booking *moving)
{
	const struct request *rq = c->fit;
	if (rq == NULL || rq->svc != svc || c->q == NULL)
		return 1;
	/* two people at one time: both places free, where the service
	 * can ever hold them both (with one practitioner the second is
	 * placed by book_at's own rules) */
	int room = service_room(c, svc);
	if (rq->persons > 1 && room >= rq->persons &&
	    free_places(c, svc, t, moving) < rq->persons)
		return 0;
	/* a party the service never holds at once: one after the other,
	 * each start free (as book_at places them) */
	if (rq->persons > 1 && room < rq->persons) {
		struct when_day day = local_of(c, t).day;
		int64_t at = t;
		for (int k = 1; k < rq->persons; k++) {
			at = follow_start(c, svc, &day,
					  at + (int64_t)svc->minutes * 60,
					  moving);
			if (at < 0)
				return 0;
		}
	}
	if (!group_in_a_row(c, rq))
		return 1;
	struct when_day day = local_of(c, t).day;
	const struct cat_service *prev = svc;
	int64_t prev_t = t;
	for (size_t j = 0; j < rq->n_also; j++) {
		const struct cat_service *s = rq->also[j];
		prev_t = follow_start(
		    c, s, &day, prev_t + (int64_t)prev->minutes * 60, moving);
		if (prev_t < 0)
			return 0;
		prev = s;
	}
	return 1;
}

/*
 * Free slots of svc on day with start minute in [from, to), not before
 * notice allows: epochs into out (at most cap), returns the count found.
 */
size_t free_slots(struct ctx *c, const struct cat_service *svc,
		  const struct when_day *day, int from, int to,
		  const struct store_booking *moving, int64_t *out, size_t cap)
{
	int grid[MAX_GRID];
	size_t ng = when_slots_of(c->cat, day, svc->minutes, grid, MAX_GRID);
	size_t n = 0;
	int64_t early = earliest_start(c, svc);
	int64_t alone[MAX_GRID];

	if (ng > MAX_GRID)
		ng = MAX_GRID;
	/* starts the whole group fits at, and as many the first service
	 * alone fits at, in case none fits all of it that day */
	size_t n_alone = 0;
	for (size_t i = 0; i < ng && n < cap; i++) {
		if (grid[i] < from || grid[i] >= to)
			continue;
		int64_t t = epoch_of(c, day, grid[i]);
		if (t < early || !has_place(c, svc, t, moving))
			continue;
		if (group_fits(c, svc, t, moving))
			out[n++] = t;
		else if (n == 0 && n_alone < cap)
			alone[n_alone++] = t;
		if (c->err)
			break;
	}
	/* "polimento e higienização, segunda": 7 hours never fit back to
	 * back that day; the first service's starts, with the rest asked
	 * after it as before (review pt11 c16), never "no room" */
	if (n == 0 && n_alone > 0) {
		memcpy(out, alone, n_alone * sizeof(alone[0]));
		n = n_alone;
		c->visit_apart = 1;
	}
	return n;
}

/* Minute of the hour of epoch T in the business's zone. */
static int minute_of_hour(struct ctx *c, int64_t t)
{
	return local_of(c, t).minute % 60;
}

size_t spread_slots(struct ctx *c, const struct cat_service *svc,
		    const struct when_day *day, int from, int to,
		    const struct store_booking *moving, int64_t *out,
		    size_t cap)
{
	int64_t all[MAX_GRID];
	size_t n = free_slots(c, svc, day, from, to, moving, all, MAX_GRID);
	if (n <= cap || cap < 2) {
		size_t k = n < cap ? n : cap;
		/* "samedi matin" with 9h to 10h free: 9h, 9h30, 10h, never
		 * every quarter hour (review fr AS s23); the first and the
		 * last stay */
		size_t half = 0;
		int dense = 1; /* a quarter-hour grid, not a class's 50 min */
		for (size_t i = 0; i < k; i++) {
			half += i == 0 || i == k - 1 ||
				local_of(c, all[i]).minute % 30 == 0;
			dense &= i == 0 || all[i] - all[i - 1] <= 20 * 60;
		}
		if (k > 3 && dense && half >= 2 && half < k) {
			size_t m = 0;
			for (size_t i = 0; i < k; i++)
				if (i == 0 || i == k - 1 ||
				    local_of(c, all[i]).minute % 30 == 0)
					out[m++] = all[i];
			return m;
		}
		memcpy(out, all, k * sizeof(all[0]));
		return k;
	}
	/* review fr Q: "jeudi" was offered 9:00-9:45, eight times over */
	size_t k = 0, step = (n - 1) / (cap - 1), prev = 0;
	out[k++] = all[0];
	for (size_t i = 1; i < cap; i++) {
		size_t want = i == cap - 1 ? n - 1 : i * (n - 1) / (cap - 1);
		size_t best = want;
		for (size_t d = 1; d <= step / 2; d++) {
			if (want >= d && want - d > prev &&
			    minute_of_hour(c, all[want - d]) == 0) {
				best = want - d;
				break;
			}
			if (want + d < n &&
			    (i < cap - 1 || want + d == n - 1) &&
			    minute_of_hour(c, all[want + d]) == 0) {
				best = want + d;
				break;
			}
		}
		if (minute_of_hour(c, all[want]) == 0 || best <= prev)
			best = want;
		out[k++] = all[best];
		prev = best;
	}
	return k;
}

/* The free slots of the day nearest to minute `near`, in time order. */
size_t nearest_slots(struct ctx *c, const struct cat_service *svc,
		     const struct when_day *day, int near,
		     const struct store_booking *moving, int64_t *out,
		     size_t want)
{
	int64_t all[MAX_GRID];
	size_t n = free_slots(c, svc, day, 0, 24 * 60, moving, all, MAX_GRID);
	int64_t target = epoch_of(c, day, near);
	int64_t first_after = -1, last_before = -1;
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		if (all[i] > target &&
		    (first_after < 0 || all[i] < first_after))
			first_after = all[i];
		if (all[i] < target && all[i] > last_before)
			last_before = all[i];
	}
	while (k < want && n > 0) {
		size_t best = 0;
		for (size_t i = 1; i < n; i++) {
			int64_t di = llabs((long long)(all[i] - target));
			int64_t db = llabs((long long)(all[best] - target));
			if (di < db || (di == db && all[i] < all[best]))
				best = i; /* ties: the earlier slot */
		}
		out[k++] = all[best];
		all[best] = all[--n];
	}
	/* "vendredi à midi" in the lunch break: the nearest on both sides,
	 * never three before it (review fr BA s37 was never offered 14h) */
	int before = 0, after = 0;
	size_t far = 0;
	for (size_t i = 0; i < k; i++) {
		before += out[i] < target;
		after += out[i] > target;
		if (llabs((long long)(out[i] - target)) >
		    llabs((long long)(out[far] - target)))
			far = i;
	}
	if (k >= 2 && after == 0 && first_after >= 0)
		out[far] = first_after;
	else if (k >= 2 && before == 0 && last_before >= 0)
		out[far] = last_before;
	for (size_t i = 1; i < k; i++) {
		int64_t v = out[i];
		size_t j = i;
		while (j > 0 && out[j - 1] > v) {
			out[j] = out[j - 1];
			j--;
		}
		out[j] = v;
	}
	return k;
}

/* First free slots from day `from` on (minutes in [from_min, to_min)),
 * within the booking horizon, at most PER_DAY a day, spread over it. */
size_t next_free(struct ctx *c, const struct cat_service *svc,
		 struct when_day from, int from_min, int to_min,
		 const struct store_booking *moving, int64_t *out, size_t want)
{
	size_t n = 0;
	int horizon = c->cat->policy.booking_horizon_days;

	if (when_day_cmp(&from, &c->lnow.day) < 0)
		from = c->lnow.day;
	for (struct when_day d = from;
	     n < want && when_day_diff(&c->lnow.day, &d) <= horizon;
	     d = when_day_add(d, 1)) {
		int open[8], close[8];
		if (when_hours_of(c->cat, &d, open, close, 8) == 0)
			continue;
		/* a day's first and last free starts, not its first three
		 * ten minutes apart: 07:00, 07:10, 07:20 suit nobody who
		 * cannot come at seven (reviews pt AA s26 s36 s51 s52, de
		 * AA s12, de Z c04.1) */
		size_t k = want - n < PER_DAY ? want - n : PER_DAY;
		n += spread_slots(c, svc, &d, from_min, to_min, moving, out + n,
				  k);
		if (c->err)
			break;
	}
	return n;
}

static int same_day(const struct ctx *c, const struct when_day *d, int64_t t)
{
	struct when_local l = local_of(c, t);
	return when_day_cmp(d, &l.day) == 0;
}

/* The minute of W that fits day D: the time asked, or of a bare hour
 * ("a las 11") the reading inside D's hours; -1 when neither does. */
static int minute_on(const struct ctx *c, const struct when_req *w,
		     const struct when_day *d)
{
	if (w->problem != WHEN_AMBIGUOUS_TIME || w->alt_min[0] < 0)
		return w->from_min;
	int a = when_is_slot(c->cat, d, 1, w->alt_min[0]);
	int b = when_is_slot(c->cat, d, 1, w->alt_min[1]);
	return a ? w->alt_min[0] : b ? w->alt_min[1] : -1;
}

/*
 * The day asked cannot be had (closed, full): the same time on the open
 * days nearest it, before and after ("el martes a las 5" on a holiday: lun
 * and mié at 17:00, review es10 s18 s59), the slot nearest the time within
 * an hour; a day said not to be meant (NOT_DAY, or NULL) and the day of
 * the booking being moved are never one.
 * In time order; 0 when no day has it.
 */
size_t same_time_slots(struct ctx *c, const struct request *rq,
		       const struct when_day *not_day,
		       const struct store_booking *moving, int64_t *out,
		       size_t want)
{
	int horizon = c->cat->policy.booking_horizon_days;
	size_t n = 0;

	for (int k = 1; k <= 14 && n < want; k++) {
		for (int side = 0; side < 2 && n < want; side++) {
			struct when_day d =
			    when_day_add(rq->w.day, side ? -k : k);
			int64_t t[1];
			if (when_day_cmp(&d, &c->lnow.day) < 0 ||
			    when_day_diff(&c->lnow.day, &d) > horizon ||
			    (not_day != NULL && when_day_cmp(&d, not_day) == 0))
				continue;
			/* a move never goes back to the day it leaves */
			if (moving != NULL && same_day(c, &d, moving->start))
				continue;
			int m = minute_on(c, &rq->w, &d);
			if (m < 0 ||
			    nearest_slots(c, rq->svc, &d, m, moving, t, 1) == 0)
				continue;
			if (llabs((long long)(t[0] - epoch_of(c, &d, m))) <=
			    3600)
				out[n++] = t[0];
			if (c->err)
				return n;
		}
	}
	for (size_t i = 1; i < n; i++) /* in time order */
		for (size_t j = i; j > 0 && out[j - 1] > out[j]; j--) {
			int64_t v = out[j];
			out[j] = out[j - 1];
			out[j - 1] = v;
		}
	return n;
}

/* ---- referrals ------------------------------------------------------------
 */

static enum store_reason ledger_reason(enum desk_reason r)
{
	switch (r) {
	case DESK_REASON_NOT_OFFERED:
		return STORE_REASON_NOT_OFFERED;
	case DESK_REASON_FULL:
		return STORE_REASON_FULL;
	case DESK_REASON_CLOSED:
		return STORE_REASON_CLOSED;
	case DESK_REASON_OUTSIDE_HOURS:
		return STORE_REASON_OUTSIDE_HOURS;
	case DESK_REASON_SHORT_NOTICE:
		return STORE_REASON_SHORT_NOTICE;
	case DESK_REASON_BEYOND_HORIZON:
		return STORE_REASON_BEYOND_HORIZON;
	case DESK_REASON_NONE:
	case DESK_REASON_PAST:
	case DESK_REASON_NEED_SERVICE:
	case DESK_REASON_NEED_DAY:
	case DESK_REASON_NEED_TIME:
	case DESK_REASON_NEED_WHICH:
	case DESK_REASON_NO_BOOKING:
	case DESK_REASON_THANKS:
	case DESK_REASON_OPTED_OUT:
	case DESK_REASON_LOOP_GUARD:
	case DESK_REASON_CANNOT_RECEIVE:
	case DESK_REASON_AUTO_REPLY:
	case DESK_REASON_NOT_BY_TEXT:
	case DESK_REASON_TRADE_ONLY:
	case DESK_REASON_NEED_DAY_UNSURE:
		return STORE_REASON_OTHER;
	}
	return STORE_REASON_OTHER;
}

/*
 * The providers that cover id (only those: manners 4), fairly rotated
 * (least recently named first), at most referrals_per_reply, as part p's
 * {providers}. The "no" is recorded (manners 5) when the decision is done,
 * naming only the providers the sent reply still holds (refer_done).
 */
size_t refer(struct ctx *c, struct part *p, const char *id,
	     enum desk_reason why)
{
	size_t idx[64], order[64];
	const char *names[64];
	size_t total = catalog_referrals_for(c->cat, id, idx, 64);
	size_t n = total < 64 ? total : 64;
	size_t want = (size_t)c->cat->policy.referrals_per_reply;
	struct pending_no *no;
	size_t k = 0;

	if (c->n_nos >= sizeof(c->nos) / sizeof(c->nos[0]))
		return 0;
	no = &c->nos[c->n_nos++];
	no->id = pool_str(c, id);
	no->why = why;
	no->n = 0;
	if (want > DESK_MAX_NAMED)
		want = DESK_MAX_NAMED;
	if (n > 0) {
		for (size_t i = 0; i < n; i++) {
			names[i] = c->cat->referrals[idx[i]].name;
			order[i] = i;
		}
		if (check(c, c->io->referral_rank(c->io->ctx, names, n,
						  order)) < 0)
			return 0;
	}
	const char **items = pool_ptrs(c, want);
	for (size_t i = 0; i < n && k < want; i++) {
		const struct cat_referral *r =
		    &c->cat->referrals[idx[order[i]]];
		const char *note = ref_note(c, r);
		if (note != NULL && note[0] != '\0')
			items[k] = pool_fmt(c, "%s %s (%s)", r->name,
					    show_phone(c, r->phone), note);
		else
			items[k] = pool_fmt(c, "%s %s", r->name,
					    show_phone(c, r->phone));
		no->names[k] = r->name;
		k++;
	}
	no->n = k;
	if (p != NULL && k > 0)
		part_list(p, "providers", items, k, ", ", 0);
	return k;
}

/*
 * What the staff's report counts besides the "no"s (issue 13): free times
 * offered instead of what was asked — lost demand unless the customer
 * books after all (the store marks it taken up) — and a text not
 * understood. nos: the "no"s this decision recorded (then nothing more).
 */
void demand_done(struct ctx *c, size_t nos)
{
	const struct desk_decision *d = &c->out->d;
	enum store_reason why;

	if (c->err || nos > 0)
		return;
	if (d->kind == DESK_OFFER) {
		why = ledger_reason(d->reason);
		if (why == STORE_REASON_OTHER)
			why = STORE_REASON_OFFERED;
	} else if (d->kind == DESK_NOT_UNDERSTOOD) {
		why = STORE_REASON_NOT_UNDERSTOOD;
	} else {
		return;
	}
	check(c, c->io->ledger_add(c->io->ctx, c->sender,
				   d->kind == DESK_OFFER ? d->subject : "", why,
				   NULL, 0, c->now));
}

/*
 * The decision is worded: name in it (and record in the ledger) the
 * providers the replies still hold after fitting.
 */
void refer_done(struct ctx *c)
{
	struct desk_decision *d = &c->out->d;
	for (size_t i = 0; i < c->n_nos; i++) {
		struct pending_no *no = &c->nos[i];
		const char *kept[DESK_MAX_NAMED];
		size_t k = 0;
		for (size_t j = 0; j < no->n; j++) {
			/* as written, or as folded to fit ("Ostéo Saone") */
			char plain[160];
			fold_letters(c, no->names[j], plain, sizeof(plain));
			int shown = 0;
			for (size_t r = 0; r < c->out->n_replies; r++)
				shown |=
				    strstr(c->out->replies[r], no->names[j]) !=
					NULL ||
				    strstr(c->out->replies[r], plain) != NULL;
			if (!shown)
				continue;
			kept[k++] = no->names[j];
			if (d->n_named < DESK_MAX_NAMED) {
				d->named[d->n_named] = no->names[j];
				snprintf(d->named_for[d->n_named],
					 sizeof(d->named_for[0]), "%s", no->id);
				d->n_named++;
			}
		}
		check(c, c->io->ledger_add(c->io->ctx, c->sender, no->id,
					   ledger_reason(no->why), kept, k,
					   c->now));
	}
	c->n_nos = 0;
}

/* Today can take none of it: the hour asked, or every start today (in the
 * window asked), is before EARLY (now, or the end of the notice). */
static int today_gone(struct ctx *c, const struct request *rq, int64_t early)
{
	const struct when_req *w = &rq->w;
	int grid[MAX_GRID];

	if (w->time == WHEN_TIME_AT)
		return epoch_of(c, &w->day, w->from_min) < early;
	size_t ng =
	    when_slots_of(c->cat, &w->day, rq->svc->minutes, grid, MAX_GRID);
	if (ng > MAX_GRID)
		ng = MAX_GRID;
	for (size_t i = 0; i < ng; i++) {
		if (w->time == WHEN_TIME_WINDOW &&
		    (grid[i] < w->from_min || grid[i] >= w->to_min))
			continue;
		if (epoch_of(c, &w->day, grid[i]) >= early)
			return 0;
	}
	return 1;
}

/*
 * "lesson wednesday at 9am" said on a Wednesday at 10: the hour has gone,
 * so next week's Wednesday is meant, never "that time has passed". So too
 * when a later day is being talked about ("Can I also book one on
 * Wednesday at 4pm?" after booking Monday 7th) and today is inside the
 * notice (review r8 c10). Notice alone, with no day talked about, keeps
 * today's honest no: "wednesday at 10" at 10 may mean now. Offered to
 * confirm, never booked on our reading. 1 when the day moved.
 */
int next_week_meant(struct ctx *c, struct request *rq)
{
	struct when_req *w = &rq->w;
	struct when_day talked;

	if (!w->has_day || !w->weekday_only || rq->offered ||
	    when_day_cmp(&w->day, &c->lnow.day) != 0)
		return 0;
	int64_t early = earliest_start(c, rq->svc);
	if (!today_gone(c, rq, c->now) &&
	    !(talked_day(c, &talked) &&
	      when_day_cmp(&talked, &c->lnow.day) > 0 &&
	      today_gone(c, rq, early > c->now ? early : c->now)))
		return 0;
	w->day = when_day_add(w->day, 7);
	w->day_rule = "the same weekday next week: today cannot take it";
	if (w->problem == WHEN_PAST)
		w->problem = WHEN_FINE;
	rq->offer_only = 1;
	return 1;
}

/*
 * "el 1" just after a numbered list (review es7 c04): read as the 1st of a
 * month, but when no option falls on that day of the month and the list
 * has that many options, it is the option, never a day weeks away.
 */
int option_by_mday(struct ctx *c, const struct inquiry *q, const char *text)
{
	if (q->mday_choice <= 0 || !pending_is(c, "offer") ||
	    (size_t)q->mday_choice > c->pend.n_opts || q->n_things > 0 ||
	    q->when.time != WHEN_TIME_NONE)
		return 0;
	for (size_t i = 0; i < c->pend.n_opts; i++)
		if (local_of(c, c->pend.opts[i]).day.mday == q->when.day.mday)
			return 0;
	struct inquiry pick = *q;
	pick.intent = INQ_CHOICE;
	pick.choice = q->mday_choice;
	memset(&pick.when, 0, sizeof(pick.when));
	do_choice(c, &pick, text);
	return 1;
}

/*
 * "El primer día que tengas" to "the first places: 1) ... 2) ...": the
 * first of them, never the same list again (review es AH c19.2). Only
 * after a list across days, and the
 * earliest asked with nothing else: no day, service or booking word of
 * its own, no question.
 */
int first_of_offer(struct ctx *c, const struct inquiry *q, const char *text)
{
	/* after a day's list, "earliest possible" asks that day's
	 * earliest (review fr2 c13): only a list of the first places, or
	 * a pick from it ("Dann nehme ich den frühesten", review de AL
	 * c18.3 got the morning of a day asked in the afternoon) */
	if (!pending_is(c, "offer") || c->pend.n_opts == 0 ||
	    (c->pend.has_day && !q->takes) ||
	    (q->intent != INQ_BOOK && q->intent != INQ_AVAIL) ||
	    q->when.time != WHEN_TIME_ASAP || q->when.has_day ||
	    q->when.has_range || q->n_things > 0 || strchr(text, '?') != NULL ||
	    q->n_times > 0 || c->pend.move[0] != '\0')
		return 0;
	struct inquiry pick = *q;
	pick.intent = INQ_CHOICE;
	pick.choice = 1;
	memset(&pick.when, 0, sizeof(pick.when));
	do_choice(c, &pick, text);
	return 1;
}
