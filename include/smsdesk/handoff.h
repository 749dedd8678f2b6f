/*
 * handoff: what the desk cannot handle goes to a person, and what the person
 * answers goes back to the customer from the business number (issue 13).
 *
 * Customer side (handoff_customer, after the desk decided): a question only
 * a person can answer (payment, directions, "is my bike ready", "can I
 * speak to someone", a complaint, "running late"), or a second text in a
 * conversation the desk did not understand, opens a handoff under a short
 * code ("K7") and is forwarded to every staff phone with forward = true;
 * the customer is told, in the business's wording ("handoff"), that a
 * person will text back. Further texts the desk cannot handle while the
 * handoff is live join it (forwarded, no reply: the customer was told).
 * Never forwarded: STOP/START, thanks, auto-replies and anything else the
 * desk stays silent on.
 *
 * On duty means the business's opening hours (business.hours, not a closed
 * day): outside them a text is held and the customer hears when we open
 * ("handoff_later"); handoff_release forwards what is held once the shop
 * opens. Limits: at most HANDOFF_FORWARDS_PER_HOUR forwards per handoff
 * and HANDOFF_FORWARDS_ALL_PER_HOUR in all; over them texts are held and
 * go together in the next forward. Nothing is lost: `smsdesk inbox` lists
 * every handoff waiting for a person, held or not.
 *
 * Staff side (handoff_staff_text): a text from a staff phone is never read
 * as an inquiry. "#K7 text" answers handoff K7's customer (through the
 * outbox: origin staff, opt-out checked now and again at send time) and
 * confirms to the staff member; "PIN command" runs an SMS staff command
 * (today, tomorrow, waiting, block, unblock, help); anything else — and a
 * wrong or missing PIN — gets the one same "not understood" answer, is
 * counted, and after HANDOFF_REFUSALS_MAX refusals in
 * HANDOFF_LOCKOUT_MINUTES the phone gets no answer and no command or
 * code is accepted from it until they age out. The PIN and the staff
 * text are never logged; numbers are logged masked.
 *
 * All of it runs inside the caller's transaction (answer.c's), except
 * handoff_release and handoff_reply, which run their own. It never reads
 * the clock and never sends: texts go to the outbox.
 */
#ifndef SMSDESK_HANDOFF_H
#define SMSDESK_HANDOFF_H

#include "smsdesk/catalog.h"
#include "smsdesk/desk.h"
#include "smsdesk/store.h"

#include <stddef.h>
#include <stdint.h>

#define HANDOFF_FORWARDS_PER_HOUR     4
#define HANDOFF_FORWARDS_ALL_PER_HOUR 40
#define HANDOFF_REFUSALS_MAX	      5
#define HANDOFF_LOCKOUT_MINUTES	      15
/* A forward is at most this many SMS (the customer's text is shortened;
 * `smsdesk inbox` shows it whole). */
#define HANDOFF_FORWARD_SEGMENTS 3
/* A further question joining a live handoff is told it was added
 * ("handoff_more") while the handoff holds fewer texts than this, and not
 * for a repeat or a text a minute after the last: a flood is told once. */
#define HANDOFF_TOLD_MORE 4
/* An unanswered handoff stays live this long after the customer's latest
 * text; an answered one this long after the staff's latest answer. */
#define HANDOFF_OPEN_SECONDS   (3 * 24 * 3600)
#define HANDOFF_ANSWER_SECONDS (24 * 3600)
/* Staff may answer a handoff active this recently; codes are not reused
 * for HANDOFF_CODE_DAYS. */
#define HANDOFF_REPLY_SECONDS (7 * 24 * 3600)
#define HANDOFF_CODE_DAYS     30

enum handoff_flags {
	/* smsdesk try: everything queued is withdrawn at once (never sent). */
	HANDOFF_NEVER_SEND = 1 << 0,
};

enum handoff_what {
	HANDOFF_NONE,  /* the desk's answer stands */
	HANDOFF_NEW,   /* a new handoff; the customer told a person replies */
	HANDOFF_MORE,  /* joined the customer's live handoff: no reply */
	HANDOFF_STAFF, /* a staff phone's text (answered in desk.replies) */
};

struct handoff_result {
	enum handoff_what what;
	char code[STORE_CODE_MAX]; /* the handoff's, or the one answered */
	int forwards;		   /* forwards queued (one per staff phone) */
	int held;		   /* the text waits: closed, or a limit */
	/* HANDOFF_STAFF: who, and what was done, for the log (no PIN, no
	 * text): "answered #K7", "today", "refused", "locked out". */
	const char *staff;
	char action[64];
};

/*
 * The staff member whose phone is E164 (as answer.c normalised the
 * sender), or NULL.
 */
const struct cat_staff *handoff_staff_of(const struct catalog *cat,
					 const char *e164);

/*
 * After desk_answer decided DESK about inbound row MSG from SENDER (E.164):
 * hand it to a person when it is for one (see above). May replace
 * desk->replies (the customer's answer) or empty them (HANDOFF_MORE);
 * queues the forwards. Returns STORE_OK with *out filled, or a negative
 * enum store_err (roll back).
 */
int handoff_customer(struct store *st, const struct catalog *cat,
		     const struct store_inbox_msg *msg, const char *sender,
		     int64_t now, unsigned flags, struct desk_result *desk,
		     struct handoff_result *out);

/*
 * A text MSG from staff member WHO: a reply by code, a command, or refused.
 * What to answer the staff member goes into desk->replies (0 or 1; the
 * caller queues it like a reply); *desk is otherwise cleared. Returns
 * STORE_OK or a negative enum store_err (roll back).
 */
int handoff_staff_text(struct store *st, const struct catalog *cat,
		       const struct cat_staff *who,
		       const struct store_inbox_msg *msg, int64_t now,
		       unsigned flags, struct desk_result *desk,
		       struct handoff_result *out);

/*
 * Forward what is held (off duty, or over a limit) when the shop is open
 * and the limits allow: one forward per handoff with its held texts, in
 * its own transaction. Returns how many forwards were queued (>= 0), or a
 * negative enum store_err. The daemon calls it every minute.
 */
int handoff_release(struct store *st, const struct catalog *cat, int64_t now);

/*
 * The summaries staff asked for (staff.summary "daily" or "weekly"),
 * worded in the business's language (staff_summary, staff_summary_none,
 * staff_summary_week): the day's bookings (how many, first and last; the
 * week's from today on), the handoffs waiting for a person, and the
 * demand turned away since that phone's previous summary. Due on each
 * open day (never on a closed one) from policy.summary_time, or the day's
 * opening time, until midnight; a weekly one on the first open day of the
 * week the desk runs. Each goes once per phone and day (week): claimed in
 * the store in the transaction that queues it, so no restart sends it
 * twice; a phone that opted out gets none (recorded, logged once). The
 * daemon calls it every few seconds; it costs one small query per
 * summary phone once due. Returns how many texts were queued (>= 0), or
 * a negative enum store_err (nothing half done: tried again next call).
 */
int handoff_summaries(struct store *st, const struct catalog *cat, int64_t now);
/*
 * Are summaries due at NOW (an open day, its summary time passed): 1 with
 * the local day and its week's Monday ("YYYY-MM-DD", 11 bytes each), or 0.
 */
int handoff_summary_due(const struct catalog *cat, int64_t now, char *day,
			char *monday);

/* What became of a staff answer (handoff_answer). */
enum handoff_answer_rc {
	HANDOFF_SENT = 0,	/* queued to the customer */
	HANDOFF_NO_SUCH = 1,	/* no live handoff with that code or number */
	HANDOFF_OPTED_OUT = 2,	/* the customer texted STOP: nothing queued */
	HANDOFF_TOO_LONG = 3,	/* over policy.max_segments */
	HANDOFF_EMPTY = 4,	/* no text */
	HANDOFF_NOT_NUMBER = 5, /* neither a code nor a phone number */
};

struct handoff_answer {
	char code[STORE_CODE_MAX]; /* the handoff answered, "" when none */
	char to[STORE_NUMBER_MAX]; /* the customer, E.164 */
	int64_t msg_id;		   /* the text queued */
	int segments;		   /* its SMS, or what it would take */
	int64_t inbox_id;	   /* the handoff's first text, or 0 */
};

/*
 * Answer a customer as the staff: REF is a handoff's code ("#K7", "k7") or
 * a customer's number (any written form). TEXT goes through the outbox
 * (origin staff, expiring after policy.reply_expiry_minutes) unless the
 * number opted out, and the handoff (one live for that number, when REF
 * is a number) is marked answered BY. Inside the caller's transaction
 * when one is open. Returns an enum handoff_answer_rc (>= 0) with *out, or
 * a negative enum store_err.
 */
int handoff_answer(struct store *st, const struct catalog *cat, const char *ref,
		   const char *text, const char *by, int64_t now,
		   unsigned flags, struct handoff_answer *out);

/*
 * Is the business open (staff on duty) at NOW: 1, or 0 with *next_open
 * (may be NULL) the next opening within two weeks (0 when none).
 */
int handoff_on_duty(const struct catalog *cat, int64_t now, int64_t *next_open);

/* "K7" from what staff type ("#K7", "#k7", "k7"): 0, or -1 when it
 * cannot be a code. out: STORE_CODE_MAX bytes. */
int handoff_code_normalise(const char *typed, char *out);

#endif
