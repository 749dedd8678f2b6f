/*
 * outbox: everything between "this text should go to that number" and "a
 * bearer took it". Queueing turns a text into SMS-SUBMIT parts in the
 * store. Handing parts out keeps the desk's promises at send time, for
 * every origin (reply, reminder, staff) and every bearer:
 *
 *  - nothing goes to a number that opted out, whenever the STOP came — a
 *    part queued, retried or waiting since before the STOP is withdrawn
 *    when its turn comes (numbers are stored and compared in E.164). The
 *    one exception is the desk's confirmation of that STOP.
 *  - nothing goes out stale: a message carries an expiry (replies:
 *    policy.reply_expiry_minutes after queueing; reminders: their
 *    booking's start) and is withdrawn once it passes.
 *  - what is withdrawn stays in the store with its reason, for
 *    `smsdesk report`.
 *  - a failed send is retried with backoff and given up after a bounded
 *    number of tries, recorded (DESIGN.md Invariant 3).
 *  - a bearer's result is never lost to a busy database: a result the store
 *    cannot take now is kept in memory and written again at each
 *    outbox_tick, so a part the bearer confirmed is never handed out again
 *    by this process (the part stays "sending" in the store until then,
 *    which also keeps the rest of its message waiting).
 *
 * It never reads the clock (every `now` is UTC epoch seconds from the
 * caller), does no I/O but the store, and never decides what a reply says.
 * It logs what it withdraws, retries and gives up (numbers masked).
 *
 * ---- Driving it from a bearer ---------------------------------------------
 *
 * A bearer is anything that sends parts under a name that the store keeps
 * with each part ("/dev/ttyUSB2" for a modem, "kannel:0" for a Kannel
 * link). A modem takes one part at a time (AT+CMGS, the TP-MR back); a
 * Kannel link may take many (HTTP sendsms, Kannel's own message id back,
 * delivery reports later). Both drive the outbox the same way:
 *
 *	struct outbox_job job;             // a plain struct: keep a copy
 *	while (bearer has room &&
 *	       outbox_next(ob, now, "kannel:0", 0, &job) == OUTBOX_OK)
 *		submit job.pdu_hex / job.tpdu_len (or job.to + the decoded
 *		text) and remember job until the bearer answers;
 *	bearer accepted it:  outbox_sent(ob, &job, mr, ref, now);
 *	bearer refused it:   outbox_failed(ob, &job, why, permanent, now);
 *	each loop turn:      outbox_tick(ob, now);
 *	poll timeout:        outbox_next_due(ob, now, &when);
 *	stopping:            wait (within the grace) for outbox_pending() == 0.
 *
 * The parts of one message are handed out in order, each only after the
 * one before it was sent, and all from the first bearer that took one
 * (outbox_next pins the message to it); a bearer that has been down a
 * while may let another take its pinned messages (any_pinned = 1).
 *
 * Return codes: OUTBOX_OK (0), OUTBOX_NONE (1: nothing due), or a negative
 * enum store_err (the store failed; store_errmsg says why).
 */
#ifndef SMSDESK_OUTBOX_H
#define SMSDESK_OUTBOX_H

#include "smsdesk/store.h"

#include <stddef.h>
#include <stdint.h>

enum outbox_rc {
	OUTBOX_OK = 0,
	OUTBOX_NONE = 1, /* outbox_next: nothing is due */
};

/* ---- queueing ---------------------------------------------------------- */

struct outbox_text {
	/* The recipient as written ("+44 7700 900123", "07700 900123",
	 * "0044..."): turned into E.164 with country before it is stored. */
	const char *to;
	const char *country; /* business.country (ISO alpha-2); NULL or "" */
	const char *text;    /* UTF-8; invalid bytes become U+FFFD */
	enum store_origin origin;
	int64_t inbox_id;   /* the inquiry this answers; 0 if none */
	const char *bearer; /* send it from this bearer; NULL or "" = any */
	int max_segments;   /* refuse texts longer than this; 0: 16 */
	int64_t expires_at; /* not sent at or after this; 0 = never */
	unsigned flags;	    /* enum store_out_flags */
	int national_shift; /* policy.national_shift: GSM shift tables */
	int64_t due_at;	    /* store_outbox_new.due_at; 0: at now */
};

/*
 * Encode T as SMS-SUBMIT parts and queue them as one message, due at now
 * (inside the caller's transaction when one is open). Returns STORE_OK
 * with *msg_id (may be NULL), or STORE_ERR_ARG with a sentence in err when
 * the number is not a phone number or the text cannot be encoded in
 * max_segments, or another negative enum store_err.
 */
int outbox_queue(struct store *st, const struct outbox_text *t, int64_t now,
		 int64_t *msg_id, char *err, size_t errlen);

/*
 * The E.164 form of a number as written, with country for national forms:
 * 0 with out filled (cap >= 17), or a negative enum phone_error.
 */
int outbox_number(const char *written, const char *country, char *out,
		  size_t cap);

/*
 * Bring every number the store holds for customers into E.164 with country
 * (once per country: the store remembers it). Numbers that cannot be read
 * with certainty stay as they are. Returns how many changed, or a negative
 * enum store_err. Call it after store_open wherever a catalog is at hand.
 */
int outbox_renumber(struct store *st, const char *country);

/* ---- sending ----------------------------------------------------------- */

struct outbox;

struct outbox_config {
	struct store *st; /* borrowed: outlives the outbox */
	/* Seconds before each retry: 0 for the documented backoff
	 * (store_outbox_backoff: 30 s doubling to an hour); more for a fixed
	 * wait (tests: `serve --retry-seconds`). */
	int retry_seconds;
	int max_tries; /* give up after this many tries; 0: STORE_OUT_MAX_TRIES
			*/
};

/* NULL when out of memory. Free with outbox_free (NULL is a no-op): it
 * writes what it can of the pending results first, and logs the rest. */
struct outbox *outbox_new(const struct outbox_config *cfg);
void outbox_free(struct outbox *ob, int64_t now);

/* One part handed to a bearer. A plain value: copy it freely. */
struct outbox_job {
	int64_t part_id;
	int64_t msg_id;
	int seq; /* 1-based within the message */
	int n_parts;
	int tries; /* attempts before this one */
	enum store_origin origin;
	char to[STORE_NUMBER_MAX];	 /* E.164 */
	char bearer[STORE_ID_MAX];	 /* who took it */
	int tpdu_len;			 /* AT+CMGS=<tpdu_len> */
	char pdu_hex[STORE_PDU_HEX_MAX]; /* SMS-SUBMIT hex, "00" SMSC first */
};

/*
 * The next part for BEARER at now. Parts that must not go (the number
 * opted out, the message expired) are withdrawn on the way, with their
 * reason. With any_pinned, messages pinned to another bearer qualify too
 * (failover). The part returned is "sending" in the store, pinned with its
 * message to BEARER, before this returns: hand it to the bearer, then
 * report with outbox_sent or outbox_failed. OUTBOX_NONE when nothing is
 * due.
 */
int outbox_next(struct outbox *ob, int64_t now, const char *bearer,
		int any_pinned, struct outbox_job *job);
/*
 * The same, limited to the next part of message msg_id: a bearer that is
 * stopping finishes the message on the wire and starts no other.
 */
int outbox_next_part(struct outbox *ob, int64_t now, const char *bearer,
		     int64_t msg_id, struct outbox_job *job);

/*
 * The bearer accepted JOB: mr is the TP-MR of +CMGS (-1 when none), ref the
 * bearer's own message id (NULL or "" when none; delivery reports by ref:
 * store_outbox_delivered_by_ref). Always succeeds from the caller's view:
 * a store that cannot take it now gets it again at outbox_tick.
 */
void outbox_sent(struct outbox *ob, const struct outbox_job *job, int mr,
		 const char *ref, int64_t now);

/*
 * The bearer refused JOB (error: a short reason, logged and stored).
 * Retried after the backoff unless permanent (the bearer will never take
 * it: a PDU it rejects) or out of tries, then given up and recorded: the
 * message's other queued parts fail with it. Kept for outbox_tick like
 * outbox_sent when the store is busy.
 */
void outbox_failed(struct outbox *ob, const struct outbox_job *job,
		   const char *error, int permanent, int64_t now);

/*
 * Write the results the store could not take before. Returns how many
 * still wait (0 when none).
 */
size_t outbox_tick(struct outbox *ob, int64_t now);

/* How many bearer results wait to be written. */
size_t outbox_pending(const struct outbox *ob);

/*
 * When the outbox next has work, for the poll timeout: the earliest of a
 * queued part falling due and the next try at writing a pending result
 * (at most a second away). OUTBOX_OK with *when (may be <= now: at once),
 * OUTBOX_NONE when there is nothing at all, or a negative store error.
 */
int outbox_next_due(struct outbox *ob, int64_t now, int64_t *when);

#endif
