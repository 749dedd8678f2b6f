/* desk: one inbound text → one decision and a reply with manners. */
#include "desk_int.h"
#include "smsdesk/text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *desk_kind_name(enum desk_kind kind)
{
	switch (kind) {
	case DESK_SILENT:
		return "silent";
	case DESK_BOOKED:
		return "booked";
	case DESK_CLARIFY:
		return "clarify";
	case DESK_OFFER:
		return "offer";
	case DESK_REFER:
		return "refer";
	case DESK_PRICE:
		return "price";
	case DESK_AVAIL:
		return "avail";
	case DESK_CANCELLED:
		return "cancelled";
	case DESK_MOVED:
		return "moved";
	case DESK_BOOKINGS:
		return "bookings";
	case DESK_HELP:
		return "help";
	case DESK_OPTED_OUT:
		return "opted_out";
	case DESK_OPTED_IN:
		return "opted_in";
	case DESK_REFUSED:
		return "refused";
	case DESK_ACK:
		return "ack";
	case DESK_HOURS:
		return "hours";
	case DESK_NOT_UNDERSTOOD:
		return "not_understood";
	case DESK_ALREADY:
		return "already";
	case DESK_DURATION:
		return "duration";
	case DESK_CANT_ANSWER:
		return "cant_answer";
	case DESK_GREETING:
		return "greeting";
	case DESK_ADDRESS:
		return "address";
	case DESK_POLICY:
		return "policy";
	}
	return "?";
}

const char *desk_reason_name(enum desk_reason reason)
{
	switch (reason) {
	case DESK_REASON_NONE:
		return "none";
	case DESK_REASON_NOT_OFFERED:
		return "not_offered";
	case DESK_REASON_FULL:
		return "full";
	case DESK_REASON_CLOSED:
		return "closed";
	case DESK_REASON_OUTSIDE_HOURS:
		return "outside_hours";
	case DESK_REASON_SHORT_NOTICE:
		return "short_notice";
	case DESK_REASON_BEYOND_HORIZON:
		return "beyond_horizon";
	case DESK_REASON_PAST:
		return "past";
	case DESK_REASON_NEED_SERVICE:
		return "need_service";
	case DESK_REASON_NEED_DAY:
		return "need_day";
	case DESK_REASON_NEED_TIME:
		return "need_time";
	case DESK_REASON_NEED_WHICH:
		return "need_which";
	case DESK_REASON_NO_BOOKING:
		return "no_booking";
	case DESK_REASON_THANKS:
		return "thanks";
	case DESK_REASON_OPTED_OUT:
		return "opted_out";
	case DESK_REASON_LOOP_GUARD:
		return "loop_guard";
	case DESK_REASON_CANNOT_RECEIVE:
		return "cannot_receive";
	case DESK_REASON_AUTO_REPLY:
		return "auto_reply";
	case DESK_REASON_NOT_BY_TEXT:
		return "not_by_text";
	case DESK_REASON_TRADE_ONLY:
		return "trade_only";
	case DESK_REASON_NEED_DAY_UNSURE:
		return "need_day_unsure";
	}
	return "?";
}

int desk_can_reply(const char *sender)
{
	size_t digits = 0;

	if (sender == NULL)
		return 0;
	if (*sender == '+')
		sender++;
	for (; *sender != '\0'; sender++) {
		if (!isdigit((unsigned char)*sender))
			return 0; /* alphanumeric sender: nobody reads it */
		digits++;
	}
	/* Short codes are up to 6 digits; real numbers are longer. */
	return digits >= 7 && digits <= 15;
}

/* ---- the decision being written ------------------------------------------ */

int check(struct ctx *c, int rc)
{
	if (rc < 0 && c->err == 0)
		c->err = rc;
	return rc;
}

static struct desk_item *cur_item(struct ctx *c)
{
	if (c->item < 0 || (size_t)c->item >= c->out->d.n_more)
		return NULL;
	return &c->out->d.more[c->item];
}

void decide(struct ctx *c, enum desk_kind kind, enum desk_reason reason,
	    const char *rule)
{
	struct desk_item *it = cur_item(c);
	if (it != NULL) {
		it->kind = kind;
		it->reason = reason;
		return;
	}
	c->out->d.kind = kind;
	c->out->d.reason = reason;
	c->out->d.rule = rule;
	c->decided = 1;
}

/* Start a further part of the answer; what follows is written there. */
void also_decide(struct ctx *c, enum desk_kind kind, enum desk_reason reason)
{
	struct desk_decision *d = &c->out->d;
	if (!c->decided) {
		c->item = -1;
		decide(c, kind, reason, NULL);
		return;
	}
	if (d->n_more >= DESK_MAX_MORE) {
		c->item = DESK_MAX_MORE; /* written nowhere */
		return;
	}
	memset(&d->more[d->n_more], 0, sizeof(d->more[0]));
	c->item = (int)d->n_more++;
	decide(c, kind, reason, NULL);
}

void set_subject(struct ctx *c, const char *id)
{
	struct desk_item *it = cur_item(c);
	if (c->item >= 0 && it == NULL)
		return;
	char *dst = it != NULL ? it->subject : c->out->d.subject;
	snprintf(dst, STORE_ID_MAX, "%s", id != NULL ? id : "");
}

void set_start(struct ctx *c, int64_t t)
{
	struct desk_item *it = cur_item(c);
	if (c->item >= 0 && it == NULL)
		return;
	struct when_local l = local_of(c, t);
	char iso[16];
	when_day_iso(&l.day, iso, sizeof(iso));
	iso[10] = '\0';
	int64_t *start = it != NULL ? &it->start : &c->out->d.start;
	char *local = it != NULL ? it->local : c->out->d.local;
	*start = t;
	snprintf(local, 20, "%.10s %02d:%02d", iso, (l.minute / 60) % 100,
		 l.minute % 60);
}

void set_ref(struct ctx *c, const char *ref)
{
	struct desk_item *it = cur_item(c);
	if (c->item >= 0 && it == NULL)
		return;
	snprintf(it != NULL ? it->ref : c->out->d.ref, STORE_REF_MAX, "%s",
		 ref);
}

int64_t epoch_of(const struct ctx *c, const struct when_day *d, int minute)
{
	const struct civil_zone *z = when_zone_of(c->cat);
	return z != NULL ? when_epoch_in(z, d, minute) : 0;
}

struct when_local local_of(const struct ctx *c, int64_t t)
{
	struct when_local l;
	const struct civil_zone *z = when_zone_of(c->cat);
	if (z != NULL)
		when_local_in(z, t, &l);
	else
		memset(&l, 0, sizeof(l));
	return l;
}

const struct cat_service *first_service(const struct ctx *c,
					const struct inquiry *q)
{
	for (size_t i = 0; i < q->n_matches; i++)
		if (q->matches[i].kind == CAT_SERVICE)
			return &c->cat->services[q->matches[i].idx];
	return NULL;
}

const struct cat_topic *first_topic(const struct ctx *c,
				    const struct inquiry *q)
{
	for (size_t i = 0; i < q->n_matches; i++)
		if (q->matches[i].kind == CAT_TOPIC)
			return &c->cat->topics[q->matches[i].idx];
	return NULL;
}

/* The sender's upcoming bookings, read once per decision. */
const struct store_booking_list *my_upcoming(struct ctx *c)
{
	if (!c->have_mine) {
		c->mine.v = NULL;
		c->mine.n = 0;
		if (check(c, c->io->upcoming(c->io->ctx, c->sender, c->now,
					     &c->mine)) < 0)
			return NULL;
		c->have_mine = 1;
	}
	return &c->mine;
}

/* The customer holds an upcoming booking of SVC (NULL: of any service). */
static int holds_service(struct ctx *c, const struct cat_service *svc)
{
	const struct store_booking_list *bl = my_upcoming(c);
	for (size_t i = 0; bl != NULL && i < bl->n; i++)
		if (svc == NULL || strcmp(bl->v[i].service, svc->id) == 0)
			return 1;
	return 0;
}

/* A bare "ok" ("tmm", "tamamdır") to our answer about the service of a
 * booking the customer holds ("kaç para" after booking it): an
 * acknowledgement, never "which day?" for a new one (review tr5 c14,
 * tr4 c12). */
static int acks_held(struct ctx *c, const struct inquiry *q)
{
	return q->n_things == 0 && !q->when.mentioned && q->asks == 0 &&
	       holds_service(c, c->pend.svc);
}

void list_free(struct store_booking_list *bl)
{
	free(bl->v);
	bl->v = NULL;
	bl->n = 0;
}

void mine_changed(struct ctx *c)
{
	if (c->have_mine)
		list_free(&c->mine);
	c->have_mine = 0;
}

/* "the Tuesday one": which of the listed bookings, by its day. */
/* A word of TEXT, whole and in any case, is one of WORDS. */
static int has_any_word(const char *text, const char *const *words)
{
	for (const char *p = text; *p != '\0';) {
		while (*p != '\0' && !isalpha((unsigned char)*p))
			p++;
		const char *b = p;
		while (isalpha((unsigned char)*p))
			p++;
		for (size_t k = 0; words[k] != NULL; k++)
			if (strlen(words[k]) == (size_t)(p - b) &&
			    strncasecmp(b, words[k], (size_t)(p - b)) == 0)
				return 1;
	}
	return 0;
}

/* The first number written in a price ("from GBP 129"), -1 for none. */
static double price_value(const char *price)
{
	const char *p = price;
	while (p != NULL && *p != '\0' && !isdigit((unsigned char)*p))
		p++;
	return p != NULL && *p != '\0' ? strtod(p, NULL) : -1;
}

/*
 * "whats the cheapest service": of the services the word named ("service"
 * names interim and full), the one with the lowest price written.
 */
static int cheapest(struct ctx *c, const struct inquiry *q, const char *text)
{
	static const char *const words[] = {"cheapest", NULL};
	const struct cat_service *named = first_service(c, q), *best = NULL;
	const char *key = NULL;
	double bv = 0;

	if (!has_any_word(text, words) || named == NULL || q->when.has_day ||
	    q->when.time != WHEN_TIME_NONE)
		return 0;
	for (size_t k = 0; k < named->n_words; k++)
		if (strcasestr(text, named->words[k]) != NULL &&
		    (key == NULL || strlen(named->words[k]) > strlen(key)))
			key = named->words[k];
	if (key == NULL)
		return 0;
	for (size_t i = 0; i < c->cat->n_services; i++) {
		const struct cat_service *sv = &c->cat->services[i];
		int names = 0;
		for (size_t k = 0; k < sv->n_words && !names; k++)
			names = strstr(sv->words[k], key) != NULL;
		double v = price_value(sv->price);
		if (names && v >= 0 && (best == NULL || v < bv)) {
			best = sv;
			bv = v;
		}
	}
	if (best == NULL)
		return 0;
	decide(c, DESK_PRICE, DESK_REASON_NONE,
	       "the cheapest of the services named, by the prices written");
	set_subject(c, best->id);
	add_price(c, best, 0);
	return 1;
}

/*
 * "what day is that", "is that ok", "is that with the retest included?"
 * just after a booking: a question about the booking held, never a new
 * request. When and what: the booking; anything else: for a person. One
 * more person too ("can my friend come too?") is a request.
 */
static int about_the_booking(struct ctx *c, const struct inquiry *q,
			     const char *text)
{
	static const char *const when_words[] = {
	    "day", "time", "when", "date", "what", "which", NULL};
	if (!pending_is(c, "done") || !q->question ||
	    (q->intent != INQ_UNKNOWN && q->intent != INQ_TRADE) ||
	    q->asks != 0 || first_service(c, q) != NULL ||
	    first_topic(c, q) != NULL || q->when.has_day || q->when.has_range ||
	    q->when.time != WHEN_TIME_NONE ||
	    /* "e minha amiga também quer, mesmo horário, dá?": one more
	     * person asks a place, never a question for a person */
	    (q->also && q->other))
		return 0;
	if (has_any_word(text, when_words)) {
		do_my_bookings(c);
		return 1;
	}
	decide(c, DESK_CANT_ANSWER, DESK_REASON_NOT_BY_TEXT,
	       "a question about the booking just made: for a person");
	set_subject(c, not_text_ids[LANG_NT_OTHER]);
	add_cant_answer(c, LANG_NT_OTHER, 1, 0);
	return 1;
}

/* How many of the customer's upcoming bookings start at START. */
static size_t held_at(struct ctx *c, int64_t start)
{
	const struct store_booking_list *bl = my_upcoming(c);
	size_t n = 0;
	for (size_t i = 0; bl != NULL && i < bl->n; i++)
		n += bl->v[i].start == start;
	return n;
}

/*
 * A bare time just after a booking was made or moved ("a las 12", "at 12",
 * "sobre las 5"): the time of that booking, on its day ("move it to
 * tuesday" then "at 12"), never a new booking today. Only a short text that
 * names nothing else: no service, no day, no range, no group.
 */
static int time_for_the_booking(struct ctx *c, const struct inquiry *q,
				const char *text)
{
	/* "Geht auch eine Stunde später?" just after "Gebucht: Mo 08:00":
	 * the booking an hour on, never an hour from now (review de AI
	 * c20.2 offered today 14:46; the correction then booked a second
	 * visit beside the first) */
	int shift = q->when.time_rule != NULL &&
		    strcmp(q->when.time_rule, "in N minutes") == 0;
	if (!pending_is(c, "done") || c->pend.last[0] == '\0' ||
	    (q->intent != INQ_BOOK && q->intent != INQ_UNKNOWN) ||
	    q->n_things > 0 || (q->when.has_day && !shift) ||
	    q->when.has_range || q->when.has_anchor ||
	    (q->when.time == WHEN_TIME_NONE && (!q->same_time || q->other)) ||
	    q->when.time == WHEN_TIME_ASAP || q->choice != 0)
		return 0;
	size_t words = 0, numbers = 0;
	for (const char *p = text; *p != '\0'; p++) {
		if (*p != ' ' && (p == text || p[-1] == ' '))
			words++;
		/* "17h30", "17.30" are one time: the minutes after an
		 * hour mark count no second number (review pt AL c12.2
		 * asked "which day?" for "Pode ser às 17h30?") */
		if (isdigit((unsigned char)*p) &&
		    (p == text || !isdigit((unsigned char)p[-1])) &&
		    !(p - text >= 2 && strchr("hH.:", p[-1]) != NULL &&
		      isdigit((unsigned char)p[-2])))
			numbers++;
	}
	if (words > (q->same_time ? 8u : 5u))
		return 0;
	/* "Die sind 5 und 9" after booking two children: their ages, never
	 * the booking moved to 9 (review de AG c16.2); two numbers alone
	 * are no one time */
	if (numbers >= 2 && q->when.time == WHEN_TIME_AT &&
	    strchr(text, ':') == NULL)
		return 0;
	struct store_booking b;
	if (c->io->find(c->io->ctx, c->pend.last, c->sender, &b) != 0 ||
	    b.state != STORE_BOOKED || b.start < c->now)
		return 0;
	if (q->when.time == WHEN_TIME_NONE) {
		/* "yes, both at the same time", "isso, as duas no mesmo
		 * horário" just after several were booked at one time: they
		 * are (review pt6 c19); after one, "and another at the same
		 * time" is another booking */
		if (held_at(c, b.start) < 2)
			return 0;
		do_my_bookings(c);
		return 1;
	}
	if (q->group > 1) {
		/* "both at 9 please" after "Booked 2 ... 09:00": they are;
		 * the bookings are shown. Another time for several is no
		 * move of one. */
		struct when_local l = local_of(c, b.start);
		if (q->when.time != WHEN_TIME_AT ||
		    l.minute != q->when.from_min)
			return 0;
		do_my_bookings(c);
		return 1;
	}
	if (q->when.time == WHEN_TIME_AT &&
	    local_of(c, b.start).minute == q->when.from_min) {
		/* "oui à 17h", "ok 17h c'est bon" when it is at 17:00: a
		 * confirmation, never a move to the same slot. */
		do_my_bookings(c);
		return 1;
	}
	struct inquiry mv = *q;
	mv.intent = INQ_MOVE;
	mv.correction = 1;
	do_move(c, &mv, text);
	return 1;
}

/*
 * "Und können Sie mir auch gleich einen Folgetermin zwei Wochen später
 * geben?" just after booking Thursday 17: two weeks from that booking,
 * never from today (review de AQ c15.2 booked Wednesday 16, the day
 * before the first, a wrong day), as "eine Stunde später" is an hour
 * from it.
 */
enum { DESK_TEXT_FOLD = 1024 };

static void days_from_the_booking(struct ctx *c, struct inquiry *q,
				  const char *text)
{
	/* "later", never "in 6 days": that one counts from today */
	static const char *const later[] = {"spater", "spaeter", "later", NULL};
	/* ... of a follow-up: "6 Tagen später um 15:30" alone is from
	 * today, as "in 6 days" */
	static const char *const follow[] = {"folgetermin", "folgesitzung",
					     "nachtermin", "follow", NULL};
	struct store_booking b;
	char folded[DESK_TEXT_FOLD];
	if (text_fold(text, folded, sizeof folded) == 0 ||
	    !has_any_word(folded, later) || !has_any_word(folded, follow) ||
	    !q->when.has_day || q->when.day_rule == NULL ||
	    strcmp(q->when.day_rule, "in N days") != 0 ||
	    !pending_is(c, "done") || c->pend.last[0] == '\0' ||
	    c->io->find(c->io->ctx, c->pend.last, c->sender, &b) != 0 ||
	    b.state != STORE_BOOKED || b.start < c->now)
		return;
	int n = when_day_diff(&c->lnow.day, &q->when.day);
	struct when_day from = local_of(c, b.start).day;
	if (n <= 0 || when_day_cmp(&from, &c->lnow.day) <= 0)
		return;
	q->when.day = when_day_add(from, n);
}

/*
 * "Me acabo de dar cuenta de que mañana trabajo. ¿Me la puedes pasar al
 * viernes?": a move naming two days, one of them the day of a booking
 * held, moves that booking to the other (review es AL c13.2 was told
 * "which day do you mean?" and the move was lost). Only when exactly one
 * of the two days holds bookings.
 */
static void settle_move_days(struct ctx *c, struct inquiry *q)
{
	struct when_req *w = &q->when;
	if (q->intent != INQ_MOVE || w->problem != WHEN_AMBIGUOUS_DATE ||
	    !w->has_other_day || !w->has_day || q->gone_when.has_day)
		return;
	const struct store_booking_list *bl = my_upcoming(c);
	int on_read = 0, on_other = 0;
	for (size_t i = 0; bl != NULL && i < bl->n; i++) {
		struct when_local l = local_of(c, bl->v[i].start);
		on_read |= when_day_cmp(&l.day, &w->day) == 0;
		on_other |= when_day_cmp(&l.day, &w->other_day) == 0;
	}
	if (on_read == on_other)
		return;
	q->gone_when = *w;
	q->gone_when.problem = WHEN_FINE;
	if (on_read) {
		struct when_day to = w->other_day;
		w->other_day = w->day;
		w->day = to;
	} else {
		q->gone_when.day = w->other_day;
	}
	w->problem = WHEN_FINE;
	w->unsure = 0;
	w->weekday_only = 0;
	w->has_other_day = 0;
}

/* Clock times written as such in TEXT ("17h", "17h30", "10:00'ı",
 * "9.30", "15 Uhr"), in order, into MINS (at most CAP); bare numbers are
 * none. Returns how many. */
static size_t clock_times(const char *text, int *mins, size_t cap)
{
	size_t n = 0;
	for (const char *p = text; *p != '\0' && n < cap; p++) {
		if (!isdigit((unsigned char)*p) ||
		    (p > text && (isdigit((unsigned char)p[-1]) ||
				  isalpha((unsigned char)p[-1]))))
			continue;
		char *end;
		long h = strtol(p, &end, 10);
		int m = 0, clock = 0;
		if (end - p > 2 || h > 23)
			continue;
		if ((*end == ':' || *end == '.') &&
		    isdigit((unsigned char)end[1]) &&
		    isdigit((unsigned char)end[2]) &&
		    !isdigit((unsigned char)end[3])) {
			m = (end[1] - '0') * 10 + (end[2] - '0');
			clock = m < 60;
		} else if ((*end == 'h' || *end == 'H') &&
			   !isalpha((unsigned char)end[1])) {
			clock = 1;
			if (isdigit((unsigned char)end[1]) &&
			    isdigit((unsigned char)end[2]))
				m = (end[1] - '0') * 10 + (end[2] - '0');
		} else if (strncasecmp(end, " uhr", 4) == 0) {
			clock = 1;
		}
		if (clock && m < 60)
			mins[n++] = (int)h * 60 + m;
	}
	return n;
}

/*
 * "Hoje mesmo, troca das 17h pras 17h30", "Yarın 10:00'ı 11:30'a alabilir
 * misiniz": the time of a booking held, then the time asked, is that
 * booking moved, never a second booking beside it (reviews pt AL c12.3,
 * tr AL c20.2 kept both). Only two clock times, the first one booking's
 * (on the day named, if any), the second the time read.
 */
static int time_swap(struct ctx *c, const struct inquiry *q, const char *text)
{
	int mins[3];
	if (q->when.time != WHEN_TIME_AT || q->when.has_range ||
	    q->ref[0] != '\0' || q->n_matches > 1 || q->group > 1 ||
	    (q->intent != INQ_BOOK && q->intent != INQ_MOVE &&
	     q->intent != INQ_UNKNOWN) ||
	    clock_times(text, mins, 3) != 2 || mins[1] != q->when.from_min ||
	    mins[0] == mins[1])
		return 0;
	const struct store_booking_list *bl = my_upcoming(c);
	size_t found = 0, pick = 0;
	for (size_t i = 0; bl != NULL && i < bl->n; i++) {
		struct when_local l = local_of(c, bl->v[i].start);
		if (l.minute != mins[0] ||
		    (q->when.has_day &&
		     when_day_cmp(&l.day, &q->when.day) != 0))
			continue;
		if (q->n_matches == 1 &&
		    (q->matches[0].kind != CAT_SERVICE ||
		     strcmp(c->cat->services[q->matches[0].idx].id,
			    bl->v[i].service) != 0))
			continue;
		found++;
		pick = i;
	}
	if (found != 1)
		return 0;
	struct inquiry mv = *q;
	mv.intent = INQ_MOVE;
	mv.correction = 1;
	mv.when.has_day = 1;
	mv.when.day = local_of(c, bl->v[pick].start).day;
	char ref[STORE_REF_MAX];
	snprintf(ref, sizeof(ref), "%s", bl->v[pick].ref);
	move_booking(c, ref, &mv.when, &mv);
	return 1;
}

/*
 * "Actually forget it, my husband has already booked one", "never mind,
 * scrap that" just after a booking was made: the customer takes it back.
 * Never a new booking, never a day asked: the booking is named and the
 * customer asked to confirm the cancel (a number), or told it stays.
 */
static int takes_it_back(struct ctx *c, const struct inquiry *q,
			 const char *text)
{
	static const char *const back[] = {"forget", "nevermind", "scrap",
					   "scratch", NULL};
	static const char *const never[] = {"never", NULL};
	static const char *const mind[] = {"mind", NULL};
	if (!pending_is(c, "done") || c->pend.last[0] == '\0' ||
	    q->n_matches > 0 || q->when.has_day || q->when.has_range ||
	    q->when.time != WHEN_TIME_NONE || q->intent == INQ_CANCEL ||
	    q->intent == INQ_MOVE || q->intent == INQ_CHOICE)
		return 0;
	if (!has_any_word(text, back) &&
	    !(has_any_word(text, never) && has_any_word(text, mind)))
		return 0;
	return ask_cancel_one(c, c->pend.last);
}

/*
 * "Is that the 11th?", "is that friday?" just after a booking: a question
 * about the booking held, answered with it (its day and time), never a
 * new offer for that day.
 */
static int day_of_the_booking(struct ctx *c, const struct inquiry *q)
{
	if (!pending_is(c, "done") || c->pend.last[0] == '\0' || !q->question ||
	    !q->when.has_day || q->n_matches > 0 ||
	    q->when.time != WHEN_TIME_NONE || q->correction ||
	    (q->intent != INQ_UNKNOWN && q->intent != INQ_BOOK &&
	     q->intent != INQ_AVAIL) ||
	    q->n_words > 5)
		return 0;
	do_my_bookings(c);
	return 1;
}

/*
 * "Danke, bis Montag" after booking Monday: a goodbye naming the day of a
 * booking held, never a new list of slots up to Monday (review de AA
 * c02.3; "merci, à ce soir", fr AC c20.3). Thanks, no service, and the
 * day named (or the day a "bis" span runs up to), with its part of the
 * day or hour if said, holds a booking of the sender's.
 */
static int see_you_then(struct ctx *c, const struct inquiry *q)
{
	const struct when_req *w = &q->when;
	if (!q->thanks || q->n_matches > 0 || w->time == WHEN_TIME_ASAP ||
	    q->correction || q->question || (!w->has_day && !w->has_range) ||
	    (q->intent != INQ_BOOK && q->intent != INQ_AVAIL &&
	     q->intent != INQ_UNKNOWN && q->intent != INQ_THANKS))
		return 0;
	struct when_day d = w->day;
	if (!w->has_day) {
		if (w->day_rule == NULL ||
		    strcmp(w->day_rule, "before a day") != 0)
			return 0;
		d = when_day_add(w->range_last, 1);
	}
	const struct store_booking_list *bl = my_upcoming(c);
	for (size_t i = 0; bl != NULL && i < bl->n; i++) {
		struct when_local l = local_of(c, bl->v[i].start);
		/* "merci, à ce soir": the part of the day holds it; "danke,
		 * bis 15 Uhr": its hour */
		int at = w->time == WHEN_TIME_NONE ||
			 (w->time == WHEN_TIME_AT && w->from_min == l.minute) ||
			 (w->time == WHEN_TIME_WINDOW &&
			  l.minute >= w->from_min && l.minute < w->to_min);
		if (at && when_day_cmp(&l.day, &d) == 0) {
			decide(c, DESK_SILENT, DESK_REASON_THANKS,
			       "thanks, see you on the day booked: no reply");
			return 1;
		}
	}
	return 0;
}

static int which_by_day(struct ctx *c, const struct inquiry *q)
{
	if (!pending_is(c, "which") || !q->when.has_day)
		return 0;
	for (size_t i = 0; i < c->pend.n_refs; i++) {
		struct store_booking b;
		if (c->io->find(c->io->ctx, c->pend.refs[i], c->sender, &b) !=
		    0)
			continue;
		struct when_local l = local_of(c, b.start);
		if (when_day_cmp(&l.day, &q->when.day) != 0)
			continue;
		struct inquiry pick = *q;
		pick.choice = (int)i + 1;
		do_choice(c, &pick, "");
		return 1;
	}
	return 0;
}

/*
 * After "I need to cancel my appointment" found nothing booked, "Check-up
 * tomorrow at 10" describes the booking meant, never asks for a new one:
 * a description while a cancel is open is about cancelling.
 */
static int describes_held(struct ctx *c, const struct inquiry *q,
			  const char *text)
{
	if (!pending_is(c, "which") || strcmp(c->pend.action, "cancel") != 0)
		return 0;
	if (q->intent != INQ_BOOK && q->intent != INQ_AVAIL &&
	    q->intent != INQ_UNKNOWN)
		return 0;
	int svc = 0;
	for (size_t k = 0; k < q->n_matches; k++)
		svc |= q->matches[k].kind == CAT_SERVICE;
	if (!svc && !q->when.has_day && q->when.time == WHEN_TIME_NONE)
		return 0;
	struct inquiry cq = *q;
	cq.intent = INQ_CANCEL;
	if (c->pend.n_refs == 0) {
		decide(c, DESK_REFUSED, DESK_REASON_NO_BOOKING,
		       "describes a booking to cancel: none held");
		say(c, "cancel_none_named");
		cancel_none_held(c);
		return 1;
	}
	do_cancel(c, &cq, text);
	return 1;
}

/*
 * A question for a person about one of our services ("do you do product
 * shots? I sell jewellery"): the service stays the conversation's, so "next
 * Wednesday morning?" after it asks no "which service?" with the whole menu
 * (reviews tr AA c08.2, c11.2). Never over a question of ours still open.
 */
static void keep_service_talked(struct ctx *c, const struct inquiry *q,
				const struct cat_service *svc)
{
	if (svc == NULL || c->err || c->have_pend || c->out->d.sorry ||
	    q->complaint || q->not_text == LANG_NT_LATE || q->other)
		return; /* a complaint or a late arrival books nothing next */
	/* "I had the trial lesson last week, what now?": a visit gone by
	 * is no service to book again (review de Z c10) */
	if (q->when.mentioned &&
	    (!q->when.has_day || q->when.problem != WHEN_FINE))
		return;
	/* only one service, named as the catalog names it: "levar" read
	 * as "lavar" beside "tosar", or a check-up "for my son" at a
	 * clinic with a children's one, is no service to book on a later
	 * "tomorrow 4pm" (review pt R c21, tr X c16) */
	for (size_t k = 0; k < q->n_things; k++) {
		const struct inq_thing *t = &q->things[k];
		if (t->kind == CAT_SERVICE &&
		    (t->distance != 0 || &c->cat->services[t->idx] != svc))
			return;
	}
	if (q->n_kin > 0)
		return;
	struct request rq;
	memset(&rq, 0, sizeof(rq));
	rq.svc = svc;
	if (q->when.has_day)
		rq.w = q->when;
	remember_answered(c, &rq);
}

/* ---- the rules ------------------------------------------------------------
 */

static void dispatch(struct ctx *c, const char *text)
{
	struct inquiry *q = &c->out->q;
	struct store_conv conv;
	int rc;

	lang_choose(c, text);
	if (c->err)
		return;
	inquiry_parse_lang(c->cat, c->pack, text, &c->lnow, q);
	c->q = q;

	rc = c->io->opted_out(c->io->ctx, c->sender);
	if (check(c, rc) < 0)
		return;
	if (rc == 1) {
		if (q->intent == INQ_START) {
			if (check(c, c->io->optout_clear(c->io->ctx,
							 c->sender)) < 0)
				return;
			decide(c, DESK_OPTED_IN, DESK_REASON_NONE, "opt-in");
			say(c, "opted_in");
			sign(c);
		} else {
			decide(c, DESK_SILENT, DESK_REASON_OPTED_OUT,
			       "the number opted out");
		}
		return;
	}
	if (q->intent == INQ_STOP) {
		if (check(c, c->io->optout_set(c->io->ctx, c->sender, c->now)) <
		    0)
			return;
		conv_clear(c);
		decide(c, DESK_OPTED_OUT, DESK_REASON_NONE,
		       "opt-out honoured at once");
		say(c, "opted_out");
		sign(c);
		return;
	}
	if (q->intent == INQ_AUTO_REPLY) {
		decide(c, DESK_SILENT, DESK_REASON_AUTO_REPLY,
		       "another machine's auto-reply: never answered");
		return;
	}
	lang_remember(c);
	/* before the reply guard: a crisis is answered, whatever came
	 * before it this hour */
	if (q->crisis) {
		answer_crisis(c);
		return;
	}
	int64_t sent = 0;
	if (check(c, c->io->replies_since(c->io->ctx, c->sender, c->now - 3600,
					  &sent)) < 0)
		return;
	if (sent >= c->cat->policy.max_replies_per_hour) {
		decide(c, DESK_SILENT, DESK_REASON_LOOP_GUARD,
		       "max_replies_per_hour reached");
		return;
	}
	rc = c->io->conv_get(c->io->ctx, c->sender, c->now, &conv);
	if (rc == 0) {
		pending_load(c, &conv);
		c->have_pend = 1;
	} else if (rc != STORE_ERR_NOT_FOUND && check(c, rc) < 0) {
		return;
	}
	/* "Morgen?" to "which day for the ride?", "Is that the 11th?" after
	 * a booking: the day belongs to the conversation; it asks nothing
	 * about our hours */
	/* "Et le 30 ?" after our hours of the 31st: no service was talked
	 * about, so the day asks the hours again (review fr AH c18.2 got
	 * the menu) */
	if (q->hours_of_day && c->have_pend &&
	    (c->pend.svc != NULL || !pending_is(c, "book"))) {
		q->intent = INQ_BOOK;
		q->asks &= ~(unsigned)INQ_ASK_HOURS;
		q->asks_hours = 0;
		q->hours_of_day = 0;
		q->rule = "a day answering our question";
	}
	settle_move_days(c, q);
	days_from_the_booking(c, q, text);
	if (which_by_day(c, q))
		return;
	if (see_you_then(c, q))
		return;
	if (option_by_mday(c, q, text))
		return;
	if (first_of_offer(c, q, text))
		return;
	/* "habe morgen um 14 Uhr einen Termin ... erst um 15 Uhr": the
	 * booking told is the one to move, never "already booked" */
	if (!q->held_moved && describes_held(c, q, text))
		return;
	if (about_the_booking(c, q, text))
		return;
	if (takes_it_back(c, q, text))
		return;
	if (day_of_the_booking(c, q))
		return;
	if (time_swap(c, q, text))
		return;
	if (time_for_the_booking(c, q, text))
		return;
	if (cheapest(c, q, text))
		return;

	switch (q->intent) {
	case INQ_STOP:
	case INQ_AUTO_REPLY:
		return; /* handled above */
	case INQ_START:
		decide(c, DESK_OPTED_IN, DESK_REASON_NONE, "already opted in");
		say(c, "already_in");
		return;
	case INQ_CHOICE:
		do_choice(c, q, text);
		return;
	case INQ_YES:
		if (pending_is(c, "offer") && c->pend.n_opts == 1) {
			book_option(c, 0);
		} else if (q->thanks &&
			   (pending_is(c, "offer") || pending_is(c, "book"))) {
			if (!(pending_is(c, "book") && acks_held(c, q)) &&
			    says_unbooked(c, q))
				return;
			decide(c, DESK_SILENT, DESK_REASON_THANKS,
			       "ok with thanks: closes, picks nothing");
		} else if (pending_is(c, "offer") && c->pend.n_opts > 1) {
			decide(c, DESK_CLARIFY, DESK_REASON_NEED_TIME,
			       "yes to several slots: which one");
			part_set(part_add(c, "which_one", 0), "n",
				 pool_fmt(c, "%zu", c->pend.n_opts));
		} else if (pending_is(c, "book") && acks_held(c, q)) {
			decide(c, DESK_SILENT, DESK_REASON_THANKS,
			       "ok to an answer about a booking held");
		} else if (pending_is(c, "book")) {
			do_request(c, q, text);
		} else if (pending_is(c, "which") && c->pend.n_refs == 1) {
			/* "yes" to "cancel this one?" */
			struct inquiry pick = *q;
			pick.choice = 1;
			do_choice(c, &pick, "");
		} else {
			decide(c, DESK_SILENT, DESK_REASON_THANKS,
			       "agreement with nothing open: no reply");
		}
		return;
	case INQ_NO:
		if (pending_is(c, "book") || pending_is(c, "offer") ||
		    pending_is(c, "which")) {
			conv_clear(c);
			decide(c, DESK_ACK, DESK_REASON_NONE,
			       "no to our question: forgotten");
			/* never "nothing booked" to a customer with a
			 * booking */
			const struct store_booking_list *bl = my_upcoming(c);
			say(c,
			    bl != NULL && bl->n > 0 ? "ack_no_kept" : "ack_no");
		} else {
			decide(c, DESK_SILENT, DESK_REASON_THANKS,
			       "no with nothing open: no reply");
		}
		return;
	case INQ_THANKS:
		/* "ok dann bitte für 2" to "Frei: 1) 18:00": that place for
		 * two (review de AJ c05.3 got "1 bis 1") */
		if (pending_is(c, "offer") && q->group >= 2 &&
		    q->group <= INQ_MAX_PARTY && c->pend.n_opts == 1 &&
		    c->pend.move[0] == '\0' && q->when.time == WHEN_TIME_NONE &&
		    !q->when.has_day && !q->when.has_range) {
			c->pend.persons = q->group;
			book_option(c, 0);
			return;
		}
		if ((pending_is(c, "book") || pending_is(c, "offer")) &&
		    strpbrk(text, "0123456789") != NULL) {
			/* "ok 11 then" answering our offer: an hour, which
			 * gets a booking or the nearest start times */
			do_request(c, q, text);
			return;
		}
		if (q->greeting && q->greet_only && !c->have_pend &&
		    !holds_service(c, NULL)) {
			/* "iyi günler, kolay gelsin" opening a conversation:
			 * a greeting, not a goodbye (review tr5 s56, tr4 s46);
			 * "İyi günler" alone with nothing open, too (tr10 s13)
			 */
			do_help(c, 1);
			return;
		}
		if (!(pending_is(c, "book") && acks_held(c, q)) &&
		    says_unbooked(c, q))
			return;
		if (q->praise && !c->have_pend) {
			decide(c, DESK_ACK, DESK_REASON_NONE,
			       "thanks at length: thanked back");
			say(c, "praise_thanks");
			sign(c);
			return;
		}
		decide(c, DESK_SILENT, DESK_REASON_THANKS,
		       "thanks or an acknowledgement: no reply");
		return;
	case INQ_GREETING:
		if ((pending_is(c, "book") || pending_is(c, "offer")) &&
		    q->when.time != WHEN_TIME_NONE) {
			/* "morning" answering an offer: a part of the day */
			do_request(c, q, text);
			return;
		}
		do_help(c, 1);
		return;
	case INQ_HELP:
		do_help(c, 0);
		return;
	case INQ_CANCEL:
		do_cancel(c, q, text);
		return;
	case INQ_MOVE:
		do_move(c, q, text);
		return;
	case INQ_MY_BOOKINGS:
		do_my_bookings(c);
		return;
	case INQ_NOT_TEXT:
		/* "Um 15 Uhr bitte. Kann ich sein Kuscheltier mitnehmen?"
		 * to our offer: the time books, the question goes to a
		 * person beside it (review de BB c16.3 booked nothing) */
		if ((pending_is(c, "offer") || pending_is(c, "book")) &&
		    c->pend.svc != NULL && q->when.time == WHEN_TIME_AT &&
		    q->when.problem == WHEN_FINE &&
		    q->not_text == LANG_NT_OTHER && !q->complaint &&
		    first_service(c, q) == NULL) {
			q->intent = INQ_BOOK;
			do_request(c, q, text);
			return;
		}
		switch (not_text_kind(c, q->not_text)) {
		case DESK_ADDRESS:
			decide(c, DESK_ADDRESS, DESK_REASON_NONE,
			       "where we are: the catalog's address");
			break;
		case DESK_POLICY:
			decide(c, DESK_POLICY, DESK_REASON_NONE,
			       "reminders or notice: the catalog's policy");
			break;
		default:
			decide(c, DESK_CANT_ANSWER, DESK_REASON_NOT_BY_TEXT,
			       "a question only a person can answer");
		}
		set_subject(c, not_text_ids[q->not_text]);
		/* "Où êtes-vous situés ? Il y a un parking ?": the address
		 * we know, and the rest for a person (reviews AE fr s12, es
		 * s14, de s13, pt s13, tr s12 handed all on) */
		if (q->directions && q->not_text != LANG_NT_DIRECTIONS &&
		    c->cat->business_address != NULL) {
			also_decide(c, DESK_ADDRESS, DESK_REASON_NONE);
			add_cant_answer(c, LANG_NT_DIRECTIONS, 0, 0);
		}
		add_cant_answer(c, q->not_text, q->asks == 0, 0);
		{
			struct inquiry rest = *q;
			const struct cat_service *svc = first_service(c, q);
			/* the service of the price question's sentence */
			for (size_t k = 0; k < q->n_things; k++)
				if (q->things[k].kind == CAT_SERVICE &&
				    q->things[k].role == INQ_ASKED &&
				    q->things[k].segment == q->price_segment) {
					svc =
					    &c->cat->services[q->things[k].idx];
					break;
				}
			rest.not_text = -1;
			/* "Machen Sie auch Gutscheine?": the voucher the
			 * catalog lists is priced, nothing more of it (no
			 * length, no day asked), beside the handoff */
			if (q->gift) {
				/* "un bon cadeau pour un shiatsu": the
				 * shiatsu's price, the voucher's own else */
				svc =
				    q->gift_service > 0
					? &c->cat->services[q->gift_service - 1]
					: NULL;
				for (size_t k = 0; k < q->n_things; k++)
					if (q->things[k].kind == CAT_SERVICE &&
					    (int)q->things[k].idx + 1 !=
						q->gift_service) {
						svc = &c->cat->services
							   [q->things[k].idx];
						break;
					}
			}
			if (q->gift && svc != NULL) {
				also_decide(c, DESK_PRICE, DESK_REASON_NONE);
				set_subject(c, svc->id);
				add_price(c, svc, 2);
				c->item = -1;
				rest.asks &= ~(
				    unsigned)(INQ_ASK_PRICE | INQ_ASK_DURATION |
					      INQ_ASK_AVAIL | INQ_ASK_EARLIEST);
			}
			if ((rest.asks & INQ_ASK_PRICE) && svc == NULL &&
			    !q->cover) {
				also_decide(c, DESK_PRICE, DESK_REASON_NONE);
				add_prices(c, 2);
				c->item = -1;
			}
			answer_questions(c, &rest, svc, 0);
			keep_service_talked(c, q, svc);
		}
		return;
	case INQ_UNKNOWN:
		if ((pending_is(c, "book") || pending_is(c, "offer")) &&
		    c->pend.has_day) {
			do_request(c, q, text);
			return;
		}
		do_request(c, q, text);
		return;
	case INQ_PRICE:
	case INQ_AVAIL:
	case INQ_BOOK:
	case INQ_DURATION:
	case INQ_HOURS:
	case INQ_TRADE:
		do_request(c, q, text);
		return;
	}
}

/* After the reply is worded: remember what it offered, name providers. */
static void finish(struct ctx *c)
{
	reply_flush(c);
	if (c->later_offer.on && !c->err) {
		size_t kept =
		    part_shown(&c->parts[c->later_offer.part], "slots");
		remember_offer(c, &c->later_offer.rq, c->later_offer.opts, kept,
			       c->later_offer.has_day ? &c->later_offer.day
						      : NULL);
		/* "Merci" after "Réservé ... Pour l'autre personne ...
		 * 1) 10h30": never "rien n'est encore réservé" (review fr
		 * AO c16.3) */
		if (c->later_offer.beside_booked && !c->err)
			conv_nudged(c);
	}
	if (c->later_which.on && !c->err) {
		size_t kept =
		    part_shown(&c->parts[c->later_which.part], "bookings");
		remember_which(c, c->later_which.refs, kept,
			       c->later_which.action, &c->later_which.w);
	}
	size_t nos = c->n_nos;
	refer_done(c);
	demand_done(c, nos); /* lost demand for the staff's report */
}

int desk_answer_io(const struct catalog *cat, const struct desk_io *io,
		   const char *sender, const char *text, int64_t now,
		   struct desk_result *out)
{
	static struct ctx c; /* single-threaded; keeps the stack small */

	/* The decision, not the reply buffers: they are written before they
	 * are read (n_replies says how many). */
	memset(&out->d, 0, sizeof(out->d));
	out->n_replies = 0;
	out->replies[0][0] = '\0';
	memset(&c, 0, CTX_CLEAR_SIZE);
	c.cat = cat;
	c.io = io;
	c.pack = lang_of_business(cat);
	snprintf(out->d.lang, sizeof(out->d.lang), "%s", c.pack->code);
	out->d.lang_why = "the business's language";
	c.sender = sender;
	c.now = now;
	c.out = out;
	c.item = -1;
	c.max_segments = cat->policy.max_segments;
	if (!desk_can_reply(sender)) {
		memset(&out->q, 0, sizeof(out->q)); /* nothing was read */
		out->q.not_text = -1;
		decide(&c, DESK_SILENT, DESK_REASON_CANNOT_RECEIVE,
		       "the sender cannot receive a reply");
		return 0;
	}
	const struct civil_zone *zone = when_zone_of(cat);
	if (zone == NULL)
		return STORE_ERR_ARG;
	when_local_in(zone, now, &c.lnow);
	dispatch(&c, text != NULL ? text : "");
	if (!c.err)
		finish(&c);
	days_free(&c);
	mine_changed(&c);
	if (c.err != 0)
		return c.err;
	if (out->d.kind == DESK_SILENT)
		out->n_replies = 0;
	return 0;
}
