/*
 * desk: the person at the counter. One inbound text (after inquiry and when
 * have read it) plus the catalog, the bookings and "now" become one decision
 * and the reply text that honours DESIGN.md "The desk's manners": book only
 * what we do well, state a clear promise, say an honest no with trusted
 * providers that cover the request, ask one short question when something
 * essential is missing, answer every question in the text, keep the reply
 * within max_segments, honour STOP at once, stay quiet for thanks and for
 * other machines.
 *
 * The desk never does I/O of its own and never reads the clock. It reads
 * and writes bookings, conversations, opt-outs and the referral ledger
 * through a narrow interface (struct desk_io): desk_answer wires it to the
 * store, inside the caller's transaction (store_begin ... store_commit);
 * tests may give desk_answer_io a fake. It hands back texts for the caller
 * to queue. Its parts: desk.c (deciding), desk_request.c (a request and
 * the questions beside it), desk_conv.c (the conversation's memory),
 * desk_slots.c (slots and referrals), desk_book.c (saying yes and no to a
 * booking), desk_manage.c (cancel, move, my bookings), desk_reply.c
 * (wording from the language pack), desk_store.c (the store as desk_io).
 */
#ifndef SMSDESK_DESK_H
#define SMSDESK_DESK_H

#include "smsdesk/catalog.h"
#include "smsdesk/inquiry.h"
#include "smsdesk/store.h"

#include <stddef.h>
#include <stdint.h>

enum desk_kind {
	DESK_SILENT,	/* nothing is sent; reason says why */
	DESK_BOOKED,	/* a booking was made: the promise */
	DESK_CLARIFY,	/* one short question (service, day, time, which) */
	DESK_OFFER,	/* numbered free slots; "2" picks one */
	DESK_REFER,	/* an honest no, with referrals where any cover it */
	DESK_PRICE,	/* prices from the catalog */
	DESK_AVAIL,	/* free slots listed, nothing booked */
	DESK_CANCELLED, /* the sender's booking was cancelled */
	DESK_MOVED,	/* cancelled and rebooked in one transaction */
	DESK_BOOKINGS,	/* the sender's upcoming bookings */
	DESK_HELP,	/* what we do, in one segment */
	DESK_HOURS,	/* our opening hours (of a day, when one was named) */
	DESK_OPTED_OUT, /* STOP confirmed */
	DESK_OPTED_IN,	/* START confirmed */
	DESK_REFUSED,	/* a reference we cannot act on (reveals nothing) */
	DESK_ACK,	/* "no" to our question: acknowledged, forgotten */
	DESK_NOT_UNDERSTOOD,
	DESK_ALREADY,	  /* the sender already holds that slot: the ref */
	DESK_DURATION,	  /* how long a service takes, from the catalog */
	DESK_CANT_ANSWER, /* a question only a person can answer (payment,
			     directions, a job's progress): said so; the
			     staff handoff hooks in here */
	DESK_GREETING,	  /* hello back, and what we do */
	DESK_ADDRESS,	  /* where we are, from business.address */
	DESK_POLICY,	  /* reminders or notice, from the catalog's policy */
};

enum desk_reason {
	DESK_REASON_NONE,
	DESK_REASON_NOT_OFFERED,    /* a topic, or a thing we do not know */
	DESK_REASON_FULL,	    /* the slot (or the day) is booked up */
	DESK_REASON_CLOSED,	    /* closed that day */
	DESK_REASON_OUTSIDE_HOURS,  /* that time is outside opening hours */
	DESK_REASON_SHORT_NOTICE,   /* too soon for the service's notice */
	DESK_REASON_BEYOND_HORIZON, /* further ahead than we take bookings */
	DESK_REASON_PAST,	    /* that time has gone */
	DESK_REASON_NEED_SERVICE,   /* CLARIFY: which service */
	DESK_REASON_NEED_DAY,	    /* CLARIFY: which day */
	DESK_REASON_NEED_TIME,	    /* CLARIFY/OFFER: what time */
	DESK_REASON_NEED_WHICH,	    /* CLARIFY: which of your bookings */
	DESK_REASON_NO_BOOKING,	    /* cancel/move with nothing to act on */
	DESK_REASON_THANKS,	    /* SILENT: nothing to answer */
	DESK_REASON_OPTED_OUT,	    /* SILENT: the number said STOP */
	DESK_REASON_LOOP_GUARD,	    /* SILENT: max_replies_per_hour reached */
	DESK_REASON_CANNOT_RECEIVE, /* SILENT: alphanumeric or short code */
	DESK_REASON_AUTO_REPLY,	    /* SILENT: another machine's auto-reply */
	DESK_REASON_NOT_BY_TEXT,    /* CANT_ANSWER: subject names the topic */
	DESK_REASON_TRADE_ONLY, /* CLARIFY: named the trade, not a service */
	DESK_REASON_NEED_DAY_UNSURE, /* CLARIFY: a day word not understood */
};

const char *desk_kind_name(enum desk_kind kind);
const char *desk_reason_name(enum desk_reason reason);

#define DESK_MAX_REPLIES 2
#define DESK_REPLY_MAX	 1600 /* 10 segments of UCS-2 in UTF-8, with room */
#define DESK_MAX_NAMED	 5    /* referrals_per_reply is at most 5 */
#define DESK_MAX_OPTIONS 6
#define DESK_MAX_MORE	 5 /* further parts of one answer */

/* A further part of one answer: a second booking, a referral beside a
 * booking, a question answered beside it. */
struct desk_item {
	enum desk_kind kind;
	enum desk_reason reason;
	char subject[STORE_ID_MAX];
	int64_t start;
	char local[20];
	char ref[STORE_REF_MAX];
};

/* What the desk decided, for the caller's log and for tests. */
struct desk_decision {
	enum desk_kind kind;
	enum desk_reason reason;
	char subject[STORE_ID_MAX]; /* service or topic id; "" if none */
	int64_t start;		    /* the booking's (or requested) start, 0 */
	char local[20];		    /* start as "YYYY-MM-DD HH:MM" local, "" */
	char ref[STORE_REF_MAX];    /* the booking touched, "" if none */
	/* Referral names as in the catalog (borrowed from it: valid while
	 * that catalog is loaded), in the order the reply names them. */
	const char *named[DESK_MAX_NAMED];
	/* The service or topic id each named provider was named for. */
	char named_for[DESK_MAX_NAMED][STORE_ID_MAX];
	size_t n_named;
	int64_t options[DESK_MAX_OPTIONS]; /* offered slot starts, numbered */
	size_t n_options;
	int segments; /* the longest reply's segments */
	struct desk_item more[DESK_MAX_MORE];
	size_t n_more;
	const char *rule;     /* the rule that decided (static text), for
				 --explain and logs */
	char lang[3];	      /* ISO 639-1: the language read and answered in */
	const char *lang_why; /* why that one (static text) */
	int sorry; /* a complaint handed on: the reply says sorry first */
};

struct desk_result {
	struct desk_decision d;
	struct inquiry q; /* how the text was read */
	char replies[DESK_MAX_REPLIES][DESK_REPLY_MAX];
	size_t n_replies; /* 0 when SILENT */
};

/*
 * Answer one inbound TEXT from SENDER at NOW (UTC epoch seconds) against
 * CAT, reading and writing ST inside the caller's open transaction
 * (store_begin before, store_commit after, with the replies queued and the
 * inbound row marked in between). Fills *out: n_replies texts to queue to
 * SENDER (0 for DESK_SILENT: mark the row ignored with
 * desk_reason_name(out->d.reason)). Opt-outs, the per-hour reply guard,
 * conversation state, bookings and the referral ledger are all handled
 * here; the caller only needs to count the replies it queues as origin
 * STORE_ORIGIN_REPLY so the guard sees them. Returns 0, or a negative enum
 * store_err when the store failed (roll back and retry later; *out is then
 * meaningless). Not reentrant: the desk is single-threaded.
 */
int desk_answer(const struct catalog *cat, struct store *st, const char *sender,
		const char *text, int64_t now, struct desk_result *out);

/*
 * What the desk reads and writes, and nothing more. Each call returns 0 (or
 * 1 for yes where it asks), STORE_ERR_NOT_FOUND / STORE_ERR_FULL /
 * STORE_ERR_STATE as store.h documents for the call of the same name, or
 * another negative enum store_err on failure. Lists are allocated with
 * malloc and freed by the desk with free(list.v) (as
 * store_booking_list_free does).
 */
struct desk_io {
	void *ctx;
	int (*opted_out)(void *ctx, const char *number);
	int (*optout_set)(void *ctx, const char *number, int64_t now);
	int (*optout_clear)(void *ctx, const char *number);
	int (*replies_since)(void *ctx, const char *to, int64_t since,
			     int64_t *count);
	int (*conv_get)(void *ctx, const char *sender, int64_t now,
			struct store_conv *out);
	int (*conv_set)(void *ctx, const char *sender, const char *kind,
			const char *state, int64_t expires_at, int64_t now);
	int (*conv_clear)(void *ctx, const char *sender);
	/* The customer's booked bookings starting at or after from. */
	int (*upcoming)(void *ctx, const char *customer, int64_t from,
			struct store_booking_list *out);
	/* Every booked booking starting in [from, to), by start, and the
	 * staff's blocks overlapping it (STORE_BLOCKED rows: count places
	 * with store_booking_places). */
	int (*between)(void *ctx, int64_t from, int64_t to,
		       struct store_booking_list *out);
	int (*find)(void *ctx, const char *ref, const char *customer,
		    struct store_booking *out);
	int (*create)(void *ctx, const char *service, int64_t start,
		      int minutes, int capacity, const char *customer,
		      int64_t now, char *ref);
	int (*cancel)(void *ctx, const char *ref, const char *customer,
		      int64_t now, struct store_booking *out);
	/* Remember that booking old_ref was moved to new_ref. */
	int (*set_moved)(void *ctx, const char *old_ref, const char *new_ref);
	/* The reference old_ref (customer's) was moved to, STORE_REF_MAX
	 * bytes (STORE_ERR_NOT_FOUND: none). */
	int (*moved_to)(void *ctx, const char *old_ref, const char *customer,
			char *new_ref);
	int (*referral_rank)(void *ctx, const char *const *names, size_t n,
			     size_t *order);
	int (*ledger_add)(void *ctx, const char *sender, const char *requested,
			  enum store_reason reason,
			  const char *const *referrals, size_t n, int64_t now);
	/* The language the sender writes in ("" unknown) into out (cap
	 * bytes), and remembering it (store_conv_lang, _set). Either may be
	 * NULL: the desk then reads each text on its own. */
	int (*lang_get)(void *ctx, const char *sender, char *out, size_t cap);
	int (*lang_set)(void *ctx, const char *sender, const char *lang,
			int64_t now);
};

/* The store as a desk_io (ctx is the store). */
void desk_io_store(struct store *st, struct desk_io *io);

/* desk_answer through any desk_io (a fake one in tests). */
int desk_answer_io(const struct catalog *cat, const struct desk_io *io,
		   const char *sender, const char *text, int64_t now,
		   struct desk_result *out);

/*
 * How the text was read and why the desk answered as it did, for people
 * (smsdesk try --explain): the reading (inquiry_explain) and the decision.
 */
size_t desk_explain(const struct catalog *cat, const struct desk_result *res,
		    char *out, size_t cap);

/* 1 when a reply can reach SENDER: a phone number, not "VODAFONE" or a
 * short code. */
int desk_can_reply(const char *sender);

struct desk_reminder {
	int64_t booking_id;
	char to[STORE_NUMBER_MAX];
	char text[DESK_REPLY_MAX];
};

/*
 * Reminders due at NOW (policy.reminder_hours before each booking; none
 * when it is 0): writes up to cap into out and marks each booking reminded
 * in ST (inside the caller's transaction), so each is sent once. Bookings of
 * opted-out numbers are marked but not returned. Returns how many were
 * written, or a negative enum store_err.
 */
int desk_reminders_due(const struct catalog *cat, struct store *st, int64_t now,
		       struct desk_reminder *out, size_t cap);

#endif
