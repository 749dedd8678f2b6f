/*
 * desk: the person at the counter. One inbound text (after inquiry and when
 * have read it) plus the catalog, the store and "now" become one decision
 * and the reply text(s) that honour DESIGN.md "The desk's manners": book
 * only what we do well, state a clear promise, say an honest no with
 * trusted providers that cover the request, ask one short question when
 * something essential is missing, keep every reply within max_segments,
 * honour STOP at once.
 *
 * The desk never does I/O of its own and never reads the clock: it reads and
 * writes bookings, conversations, opt-outs and the referral ledger through
 * the store handle, inside the caller's transaction (store_begin ...
 * store_commit), and hands back texts for the caller to queue.
 */
#ifndef SMSDESK_DESK_H
#define SMSDESK_DESK_H

#include "smsdesk/catalog.h"
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
};

const char *desk_kind_name(enum desk_kind kind);
const char *desk_reason_name(enum desk_reason reason);

#define DESK_MAX_REPLIES 2
#define DESK_REPLY_MAX	 1600 /* 10 segments of UCS-2 in UTF-8, with room */
#define DESK_MAX_NAMED	 5    /* referrals_per_reply is at most 5 */
#define DESK_MAX_OPTIONS 6

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
	size_t n_named;
	int64_t options[DESK_MAX_OPTIONS]; /* offered slot starts, numbered */
	size_t n_options;
	int segments; /* the longest reply's segments */
};

struct desk_result {
	struct desk_decision d;
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
