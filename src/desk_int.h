/*
 * The desk's parts share one decision's context; this header is private to
 * desk*.c (not a module header: nothing else includes it).
 *
 *   desk.c         deciding: which rule answers the text
 *   desk_conv.c    the conversation's memory (pending question, last booking)
 *   desk_slots.c   free slots, capacity, referrals and the ledger
 *   desk_request.c a request and the questions beside it, in one reply
 *   desk_book.c    a booking request: yes, offer, ask, or an honest no
 *   desk_manage.c  cancel, move, my bookings, prices, hours, questions
 *   desk_reply.c   wording: parts of a reply from templates, fitted to SMS
 *   desk_store.c   the store as a desk_io
 */
#ifndef SMSDESK_DESK_INT_H
#define SMSDESK_DESK_INT_H

#include "smsdesk/catalog.h"
#include "smsdesk/desk.h"
#include "smsdesk/inquiry.h"
#include "smsdesk/lang.h"
#include "smsdesk/when.h"

#include <stddef.h>
#include <stdint.h>

#define MAX_GRID   160 /* slot starts considered on one day */
#define NEAREST	   3   /* alternatives offered around a requested time */
#define LIST_SLOTS 4   /* free slots listed when no time was given */
#define PER_DAY	   2   /* of the next free slots, at most this many a day */
/* A service said to follow another may start this much after it ends,
 * or one step of its own start grid when that is longer (a 2-hour groom
 * starts on the even hours); more is no longer "straight after". */
#define FOLLOW_GAP_S (30 * 60)
#define MAX_ALSO     3		   /* further services booked back to back */
#define MAX_PARTY    INQ_MAX_PARTY /* people booked for one service */

/* ---- the conversation's memory (desk_conv.c) ---------------------------- */

struct pending {
	char kind[STORE_CONV_KIND_MAX]; /* "" none, "book", "offer", "which",
					   "done" (just booked) */
	const struct cat_service *svc;
	int has_day;
	struct when_day day;
	enum when_time_kind tk;
	int from, to;
	int64_t opts[DESK_MAX_OPTIONS];
	size_t n_opts;
	char refs[DESK_MAX_OPTIONS][STORE_REF_MAX];
	size_t n_refs;
	char move[STORE_REF_MAX]; /* the booking being moved, "" if none */
	char action[8];		  /* "which": "cancel" or "move" */
	char last[STORE_REF_MAX]; /* "done": the booking just made */
	const struct cat_service *also[MAX_ALSO];
	size_t n_also;
	/* "which of these?" listed a few services numbered 1..n: menu[k] is
	 * the service (its index) of number k + 1 */
	size_t menu[INQ_MAX_KIN];
	size_t n_menu;
	int menu_gone; /* the list named a service the catalog no longer has */
	int persons;
	int apart;
	int has_range; /* a span of days talked about ("semana que vem") */
	struct when_day range_first, range_last;
	int nudged; /* "not booked yet" was said once to this question */
	int told;   /* "book": we answered (a price, a length), asked nothing */
};

/* ---- one booking request ------------------------------------------------- */

struct request {
	const struct cat_service *svc;
	int svc_named; /* svc came from this text's words */
	struct when_req w;
	int day_named;	/* the day came from the text, the talk or an offer */
	int offered;	/* a slot we offered: its notice was checked then */
	int offer_only; /* a question: offer the slot, do not book it */
	/* the visit this is asked beside ("gleich danach noch ..."): no
	 * slot offered overlaps it; 0, 0 none */
	int64_t own_from, own_to;
	/* a month past the horizon was read as the customer's event, not the
	 * visit (event_month): the day asked with how far ahead we book */
	int far_month;
	int day_guess; /* today by our guess: offered, never remembered
			  as the customer's day */
	struct store_booking moving; /* valid when move[0] */
	char move[STORE_REF_MAX];
	const struct cat_service *also[MAX_ALSO]; /* back to back after */
	int also_min[MAX_ALSO]; /* 1 + the time its own clause named, 0 none:
				   at that time, never shifted */
	size_t n_also;
	int persons; /* places to book (1 unless said) */
	int apart;   /* the services are one each for several: side by
			side when there is room, not back to back */
	/* the other places booked with the one being moved (same service,
	 * same start): moved with it, one for each place booked anew */
	char sib[MAX_PARTY][STORE_REF_MAX];
	size_t n_sib;
};

/* ---- a reply in parts (desk_reply.c) ------------------------------------- */

#define PART_MAX  8
#define PART_VARS 10
#define POOL_MAX  8192
#define PTRS_MAX  160

struct part {
	const char *tpl; /* template name */
	struct lang_var vars[PART_VARS];
	size_t n_vars;
	int prio; /* 0 kept; higher is dropped first to fit */
};

/* ---- one decision's context ---------------------------------------------- */

struct day_cache {
	int valid;
	struct when_day day;
	struct store_booking_list bl;
};

/* A "no" waiting to be recorded with the providers the reply names. */
struct pending_no {
	const char *id;
	enum desk_reason why;
	const char *names[DESK_MAX_NAMED];
	size_t n;
};

struct ctx {
	const struct catalog *cat;
	const struct desk_io *io;
	const struct lang_pack
	    *pack; /* the language this text is answered in */
	const struct lang_pack
	    *spoke;    /* the sender's remembered one, or NULL */
	int lang_told; /* the text itself told the language */
	const char *sender;
	int64_t now;
	struct when_local lnow;
	struct desk_result *out;
	const struct inquiry *q;
	int err; /* first store failure */
	struct pending pend;
	int have_pend;
	int item; /* -1: writing the primary decision, else more[item] */
	int decided;
	struct day_cache days[4];
	size_t next_day;
	struct store_booking_list mine; /* the sender's upcoming, cached */
	/* The request whose whole group must fit at a start offered for its
	 * first service (free_slots): set while book_request and do_avail
	 * list starts, else NULL. */
	const struct request *fit;
	int visit_named; /* a head named the whole visit ("X + Y") */
	int visit_apart; /* starts were offered where only the first
			    service fits: the visit is never named as one */
	int have_mine;
	size_t n_parts;
	int max_segments;
	int want_sign; /* end with our name when it fits */
	size_t pool_used;
	size_t n_ptrs;
	char example[96];
	size_t example_wlen; /* bytes of example[] that are the service word */
	struct pending_no nos[4];
	size_t n_nos;
	/* Remembered once the reply is fitted (how many items it kept). */
	struct {
		int on;
		size_t part;
		struct request rq;
		int64_t opts[DESK_MAX_OPTIONS];
		size_t n;
		int has_day;
		struct when_day day;
		/* offered beside a booking made in the same reply (the
		 * party's next person): a thanks after it says nothing is
		 * unbooked, for something was */
		int beside_booked;
	} later_offer;
	struct {
		int on;
		size_t part;
		char refs[DESK_MAX_OPTIONS][STORE_REF_MAX];
		size_t n;
		char action[8];
		struct when_req w;
	} later_which;
	/* The short menu just listed (ask_service), kept with the question */
	size_t menu[INQ_MAX_KIN];
	size_t n_menu;
	/* Work space, never read before written (not cleared per text). */
	struct part parts[PART_MAX];
	char pool[POOL_MAX];
	const char *ptrs[PTRS_MAX];
};

/* What desk_answer_io clears for each text: all but the work space. */
#define CTX_CLEAR_SIZE offsetof(struct ctx, parts)

/* desk.c */
/* Free a list a desk_io handed out (malloc'd: free, as the store does). */
void list_free(struct store_booking_list *bl);
int check(struct ctx *c, int rc);
void decide(struct ctx *c, enum desk_kind kind, enum desk_reason reason,
	    const char *rule);
void also_decide(struct ctx *c, enum desk_kind kind, enum desk_reason reason);
void set_subject(struct ctx *c, const char *id);
void set_start(struct ctx *c, int64_t t);
void set_ref(struct ctx *c, const char *ref);
int64_t epoch_of(const struct ctx *c, const struct when_day *d, int minute);
struct when_local local_of(const struct ctx *c, int64_t t);
const struct cat_service *first_service(const struct ctx *c,
					const struct inquiry *q);
const struct cat_topic *first_topic(const struct ctx *c,
				    const struct inquiry *q);
const struct store_booking_list *my_upcoming(struct ctx *c);
void mine_changed(struct ctx *c);

/* desk_reply.c */
const char *pool_str(struct ctx *c, const char *s);
const char *pool_fmt(struct ctx *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
const char **pool_ptrs(struct ctx *c, size_t n);
struct part *part_add(struct ctx *c, const char *tpl, int prio);
void part_set(struct part *p, const char *name, const char *value);
void part_list(struct part *p, const char *name, const char *const *items,
	       size_t n, const char *sep, int numbered);
size_t part_shown(const struct part *p, const char *name);
void reply_flush(struct ctx *c);
int parts_segments(struct ctx *c);
void say(struct ctx *c, const char *tpl);
void sign(struct ctx *c);
const char *tpl_text(const struct ctx *c, const char *name);
/* "Ausritt für 2 Personen" in the reply's words; the pool owns it. */
const char *fmt_for_persons(struct ctx *c, const char *service, int n);
const char *svc_name(const struct ctx *c, const struct cat_service *s);
const char *topic_name(const struct ctx *c, const struct cat_topic *t);
const char *ref_note(const struct ctx *c, const struct cat_referral *r);
const char *fmt_day(struct ctx *c, const struct when_day *d);
const char *fmt_hhmm(struct ctx *c, int minute);
/* A booking's reference as a list of them writes it ("réf K3QF"). */
const char *fmt_ref(struct ctx *c, const char *ref);
const char *fmt_when(struct ctx *c, int64_t t);
const char *fmt_hours(struct ctx *c);
const char *fmt_day_hours(struct ctx *c, const struct when_day *d);
const char *fmt_minutes(struct ctx *c, int minutes);
const char *fmt_length(struct ctx *c, int minutes);
const char *fmt_notice(struct ctx *c, int minutes);
const char *fmt_total(struct ctx *c, const struct cat_service *const *svcs,
		      size_t n);
const char *example_text(struct ctx *c);
const char *svc_word_written(struct ctx *c, const struct cat_service *svc,
			     const char *word);
const char *svc_example_word(struct ctx *c, const struct cat_service *svc);
/* What services_list writes beside each name. */
enum svc_beside { BESIDE_NOTHING, BESIDE_PRICE, BESIDE_LENGTH };
void services_list(struct ctx *c, struct part *p, const char *name,
		   int numbered, enum svc_beside beside);
const char *biz(const struct ctx *c);
/* A number as the business's own country writes it at home ("04 78 29 13
 * 52"; review rounds fr, tr Z: "+33478291352" read as a machine's), from
 * the reply's pool; another country's stays E.164. */
const char *show_phone(struct ctx *c, const char *e164);

/* desk_slots.c */
int has_place(struct ctx *c, const struct cat_service *svc, int64_t t,
	      const struct store_booking *moving);
/* Places left for svc at t (capacity less what overlaps it). */
int free_places(struct ctx *c, const struct cat_service *svc, int64_t t,
		const struct store_booking *moving);
int64_t earliest_start(const struct ctx *c, const struct cat_service *svc);
/* desk_request.c: what answers a not-text topic (a person, the address,
 * the catalog's policy). */
enum desk_kind not_text_kind(const struct ctx *c, int topic);
/* Are rq's other services one visit, each straight after the one before
 * (no other person, no time of their own, none twice in a row)? Only
 * then is each start offered checked for the whole visit, and the visit
 * named as one ("Inspektion + Ölwechsel"). */
int group_in_a_row(const struct ctx *c, const struct request *rq);
/* How many SVC can ever serve at one time: its capacity, within the
 * business's (business.capacity). */
int service_room(const struct ctx *c, const struct cat_service *svc);
/* Does a member of staff take handed-on texts? */
int staff_forward(const struct ctx *c);
/* The whole group of c->fit fits when its first service starts at t. */
int group_fits(struct ctx *c, const struct cat_service *svc, int64_t t,
	       const struct store_booking *moving);
/* desk_book.c: a service that serves several at once ("people = 2") is
 * one booking for as many as it serves. */
void people_served(struct request *rq);
int next_week_meant(struct ctx *c, struct request *rq);
size_t free_slots(struct ctx *c, const struct cat_service *svc,
		  const struct when_day *day, int from, int to,
		  const struct store_booking *moving, int64_t *out, size_t cap);
/* Up to CAP free slots of the day in [FROM, TO) spread across it, the
 * first free one
 * first and the rest near even steps, on the hour where one is near: a
 * whole day asked is offered as a whole day ("9h, 11h, 14h30, 17h"), not
 * its first hour. */
size_t spread_slots(struct ctx *c, const struct cat_service *svc,
		    const struct when_day *day, int from, int to,
		    const struct store_booking *moving, int64_t *out,
		    size_t cap);
size_t nearest_slots(struct ctx *c, const struct cat_service *svc,
		     const struct when_day *day, int near,
		     const struct store_booking *moving, int64_t *out,
		     size_t want);
size_t next_free(struct ctx *c, const struct cat_service *svc,
		 struct when_day from, int from_min, int to_min,
		 const struct store_booking *moving, int64_t *out, size_t want);
/* The time asked, on the open days nearest the one that cannot be had. */
size_t same_time_slots(struct ctx *c, const struct request *rq,
		       const struct when_day *not_day,
		       const struct store_booking *moving, int64_t *out,
		       size_t want);
void days_changed(struct ctx *c);
void days_free(struct ctx *c);
/* Name providers covering id in part p's {providers}; the no is recorded
 * by refer_done once the reply is worded. */
size_t refer(struct ctx *c, struct part *p, const char *id,
	     enum desk_reason why);
void refer_done(struct ctx *c);
void demand_done(struct ctx *c, size_t nos);

/* desk_conv.c */
void pending_load(struct ctx *c, const struct store_conv *conv);
void conv_save(struct ctx *c, const char *kind, const char *state);
void conv_clear(struct ctx *c);
void lang_choose(struct ctx *c, const char *text);
void lang_remember(struct ctx *c);
void remember_offer(struct ctx *c, const struct request *rq,
		    const int64_t *opts, size_t n, const struct when_day *day);
void remember_request(struct ctx *c, const struct request *rq);
void remember_answered(struct ctx *c, const struct request *rq);
void remember_booked(struct ctx *c, const char *ref,
		     const struct cat_service *svc);
void remember_booked_pick(struct ctx *c, const char *ref,
			  const struct cat_service *svc);
void remember_cancelled(struct ctx *c, const char *ref, const char *svc_id);
void remember_which(struct ctx *c, char refs[][STORE_REF_MAX], size_t n,
		    const char *action, const struct when_req *w);
void merge_pending(const struct ctx *c, struct request *rq);
int pending_is(const struct ctx *c, const char *kind);
/* A goodbye or thanks to our open list or question: once, say nothing is
 * booked yet (1 when it answered). */
int says_unbooked(struct ctx *c, const struct inquiry *q);
int bare_time(struct ctx *c, const char *text, struct when_req *w);
int bare_mday(struct ctx *c, struct when_req *w);
int asked_day(const struct ctx *c);
void settle_hour(const struct ctx *c, struct when_req *w,
		 const struct when_day *day);
int talked_day(struct ctx *c, struct when_day *d);
void place_day(const struct ctx *c, struct when_req *w,
	       const struct when_day *base, int near);

/* desk_book.c */
void offer_slots(struct ctx *c, const struct request *rq, const char *tpl,
		 const int64_t *opts, size_t n, int with_day,
		 const struct when_day *day);
void say_no(struct ctx *c, const struct request *rq, const char *tpl,
	    enum desk_reason why, const int64_t *opts, size_t n);
void day_is_gone(struct ctx *c, const struct request *rq, enum desk_reason why);
void book_request(struct ctx *c, struct request *rq);
void book_option(struct ctx *c, size_t k);
void ask_service(struct ctx *c, const struct request *rq, int trade);
void ask_day(struct ctx *c, const struct request *rq, const char *tpl);
int load_moving(struct ctx *c, struct request *rq);
/* The places booked beside the one being moved (the customer's, same
 * service and start) into rq->sib, and rq->persons counts them: "Yoga
 * für 2" moved is both places moved. */
void find_siblings(struct ctx *c, struct request *rq);
/* A thing hired for the visit (the pack's hire_words in its name): booked
 * beside another service it starts with it, never after it. */
int service_hired(const struct ctx *c, const struct cat_service *svc);
void request_from(struct ctx *c, const struct inquiry *q, struct request *rq);

/* desk_request.c */
extern const char *const not_text_ids[LANG_NT_COUNT];
void do_request(struct ctx *c, const struct inquiry *q, const char *text);
void answer_questions(struct ctx *c, const struct inquiry *q,
		      const struct cat_service *svc, int booked);

/* desk_dated.c: several bookings each on a day of its own (q->dated):
 * the first as the request, the rest after it (only their free times
 * when the first was only offered, the text being a question). */
void dated_first(struct ctx *c, const struct inquiry *q, struct request *rq);
void dated_rest(struct ctx *c, const struct inquiry *q, int offer_only);

/* desk_manage.c */
void do_cancel(struct ctx *c, const struct inquiry *q, const char *text);
/* A booking to cancel described (its day, its time) that this number does
 * not hold: where a person answers, said (it may have been made from
 * another phone). */
void cancel_none_held(struct ctx *c);
/* TEXT with the pack's fit folds applied (the letters a reply too long
 * for its parts is written without, "ê" as "e") into OUT; its length. */
size_t fold_letters(const struct ctx *c, const char *text, char *out,
		    size_t cap);
void do_move(struct ctx *c, const struct inquiry *q, const char *text);
/* A part of the day alone answering a list over days: the days listed
 * (desk_request.c). */
/* The open question is marked as told "nothing is booked yet", so a
 * thanks after it is left alone (desk_conv.c). */
void conv_nudged(struct ctx *c);
void window_on_the_list(struct ctx *c, const struct inquiry *q,
			struct request *rq);
void move_booking(struct ctx *c, const char *ref, const struct when_req *w,
		  const struct inquiry *q);
void do_my_bookings(struct ctx *c);
/* Ask whether to cancel the sender's booking REF (listed alone); 0 when it
 * is not theirs or not ahead. */
int ask_cancel_one(struct ctx *c, const char *ref);
void do_help(struct ctx *c, int greeting);
void add_price(struct ctx *c, const struct cat_service *svc, int prio);
void add_prices(struct ctx *c, int prio);
/* "how long does a session take?" naming none: every service's length, or
 * the one they all share (review tr W s18 got the menu of services). */
void add_durations(struct ctx *c, int prio);
void add_duration(struct ctx *c, const struct cat_service *svc, int prio);
void add_price_each(struct ctx *c, const struct cat_service *svc);
void add_book_example(struct ctx *c, const struct cat_service *svc);
void add_hours(struct ctx *c, const struct when_req *w, int prio);
void add_cant_answer(struct ctx *c, int topic, int with_can, int prio);
/* Has the reply a part rendered from template TPL already? */
int has_part(const struct ctx *c, const char *tpl);
/* "are you open on sundays?": a weekday named alone (W) that we close
 * every week (HOURS "", its hours that day) is said for every week, with
 * the week's hours; 0 (nothing added) when it is open or closed by date. */
int closed_weekly(struct ctx *c, const struct when_req *w, const char *hours,
		  int prio);
/* Words of a crisis (q->crisis): the emergency number and the crisis
 * line, whatever else the text asks; the handoff tells a person at once. */
void answer_crisis(struct ctx *c);
void refer_topic(struct ctx *c, const struct cat_topic *topic, int prio);
void not_offered_unknown(struct ctx *c);
void do_choice(struct ctx *c, const struct inquiry *q, const char *text);
/* "el 1" after a list: option 1 when no option is on the 1st; 1 if done */
int option_by_mday(struct ctx *c, const struct inquiry *q, const char *text);
int first_of_offer(struct ctx *c, const struct inquiry *q, const char *text);

#endif
