/*
 * store: everything smsdesk must remember, in one sqlite file — the inbox
 * (raw PDUs kept), the outbox and its send state machine, bookings,
 * conversations, opt-outs and the referral ledger (DESIGN.md "Invariants").
 *
 * The only module that includes sqlite3 (src/store*.c, which share
 * src/store_internal.h: store.c opens and holds the statement cache,
 * store_schema.c holds the migration steps and applies them; store_inbox.c,
 * store_outbox.c, store_bookings.c — bookings, conversations, opt-outs — and
 * store_ledger.c — ledger and report — hold the tables). The file runs in WAL
 * mode with foreign keys on and a busy timeout; its schema is versioned with
 * PRAGMA user_version and upgraded forward in code when opened. Every statement
 * is prepared once and cached; every multi-step change is one transaction. The
 * store never reads the clock (every time is UTC epoch seconds passed in by the
 * caller), never knows AT or PDU syntax (PDUs are opaque hex), and never
 * decides anything a customer reads.
 *
 * Return codes: 0 (STORE_OK) on success, a positive STORE_EXISTS where a call
 * is idempotent, or a negative enum store_err. After STORE_ERR_DB,
 * store_errmsg() says what sqlite reported.
 */
#ifndef SMSDESK_STORE_H
#define SMSDESK_STORE_H

#include <stddef.h>
#include <stdint.h>

enum store_err {
	STORE_OK = 0,
	STORE_EXISTS = 1,	  /* idempotent call found it already there */
	STORE_ERR_DB = -1,	  /* sqlite failed; see store_errmsg() */
	STORE_ERR_BUSY = -2,	  /* another writer held the lock too long */
	STORE_ERR_NOT_FOUND = -3, /* no such row (or not the caller's) */
	STORE_ERR_FULL = -4,	  /* booking: no capacity left */
	STORE_ERR_STATE = -5,	  /* transition not allowed from this state */
	STORE_ERR_ARG = -6,	  /* caller bug: bad or oversize argument */
	STORE_ERR_NOMEM = -7,
};

/* Fixed buffer sizes used in the structs below (each includes the NUL). */
#define STORE_NUMBER_MAX     40	 /* phone number or alphanumeric sender */
#define STORE_ID_MAX	     128 /* catalog ids, referral names, modem names */
#define STORE_REF_MAX	     8	 /* booking reference: 4 or 5 chars */
#define STORE_PDU_HEX_MAX    600 /* one outbound part's PDU as hex */
#define STORE_ERROR_MAX	     160 /* last error text of an outbound part */
#define STORE_CONV_KIND_MAX  32
#define STORE_CONV_STATE_MAX 1024
#define STORE_NAME_MAX	     80	 /* a staff booking's customer name */
#define STORE_NOTE_MAX	     240 /* a staff booking's note, a block's reason */

/* The schema version this build writes (PRAGMA user_version). */
#define STORE_SCHEMA_VERSION 9

struct store;

/* ---- opening --------------------------------------------------------- */

enum store_open_flags {
	STORE_OPEN_CREATE = 1 << 0, /* create the file if missing */
	/*
	 * Read only (smsdesk status, for a member of the service's group who
	 * may read the file but not write it): nothing is written, not even
	 * an upgrade — a file older than this smsdesk is refused with a
	 * sentence saying that the daemon upgrades it when it starts.
	 */
	STORE_OPEN_READONLY = 1 << 1,
	/*
	 * With READONLY: the file is taken as one nobody writes (sqlite's
	 * immutable=1): no lock, no -shm. Only for a reader who may not
	 * create the -shm file beside a database no daemon holds (its -wal
	 * and -shm are gone when it closed cleanly); a writer meanwhile could
	 * be read half-done.
	 */
	STORE_OPEN_IMMUTABLE = 1 << 2,
};

/*
 * Open (and, with STORE_OPEN_CREATE, create) the database at PATH, switch it
 * to WAL, and upgrade an older schema to STORE_SCHEMA_VERSION in one
 * transaction. A file written by a newer smsdesk is refused. Returns a new
 * store (free with store_close) or NULL with a plain-words reason in err.
 */
struct store *store_open(const char *path, unsigned flags, char *err,
			 size_t cap);
/* Close; a transaction still open is rolled back. store_close(NULL) is ok. */
void store_close(struct store *st);
/* What sqlite said about the last STORE_ERR_DB/BUSY (borrowed string). */
const char *store_errmsg(const struct store *st);
/* A short constant description of an enum store_err. */
const char *store_strerror(int rc);
/* The file's user_version as found on open, before any upgrade. */
int store_schema_found(const struct store *st);

/*
 * Random bytes for booking references: by default getrandom(2). Tests and
 * simulations may install their own source (fn returns 0 on success).
 */
typedef int (*store_random_fn)(void *ctx, unsigned char *buf, size_t n);
void store_set_random(struct store *st, store_random_fn fn, void *ctx);

/*
 * How long a call waits for another connection's write lock before giving
 * up with STORE_ERR_BUSY (default 5000 ms).
 */
void store_set_busy_timeout(struct store *st, int ms);
/*
 * How many booked bookings of any service may overlap (the catalog's
 * business.capacity: one practitioner is 1); 0, the default: only each
 * service's own capacity is checked. Checked inside the booking
 * transaction with the service's capacity, for new bookings and moves.
 */
void store_set_places(struct store *st, int places);
/*
 * Instead of a wait per call, a budget shared by all calls (store_busy.c):
 * together they wait at most MS for other connections' locks until the
 * next store_busy_budget_reset, then give up at once with STORE_ERR_BUSY.
 * The daemon resets it at each pass of its loop, so a competing writer
 * costs one pass at most MS, however many calls the pass makes (texts
 * read from a SIM in one listing, a batch of retries). Replaced by a later
 * store_set_busy_timeout.
 */
void store_set_busy_budget(struct store *st, int ms);
/*
 * After a store_set_busy_timeout meant for one step (the daily
 * compaction waits 250 ms for readers), put back what the connection had:
 * its busy budget when one was set, else the default 5 s wait. Without it
 * the daemon's loop waited up to 5 s per call for the rest of the run.
 */
void store_busy_restore(struct store *st);
void store_busy_budget_reset(struct store *st);

/* ---- transactions ---------------------------------------------------- */

/*
 * BEGIN IMMEDIATE: take the write lock now (waiting up to the busy timeout,
 * else STORE_ERR_BUSY), so that several calls — mark the inbound answered,
 * book, set the conversation, queue the reply — commit together or not at
 * all (Invariant 2). Calls made inside run in savepoints of this
 * transaction; a call that fails undoes its own part only, and the caller
 * decides whether to commit the rest or roll everything back. Not nestable:
 * store_begin inside a transaction is STORE_ERR_STATE.
 */
int store_begin(struct store *st);
int store_commit(struct store *st);
/* Roll back the caller's transaction; harmless when none is open. */
int store_rollback(struct store *st);
int store_in_transaction(const struct store *st);

/* ---- inbox ----------------------------------------------------------- */

enum store_in_state {
	STORE_IN_NEW,	   /* waiting for an answer */
	STORE_IN_ANSWERED, /* answered (reply queued in the same commit) */
	STORE_IN_IGNORED,  /* deliberately not answered; reason says why */
};

enum store_in_flags {
	STORE_IN_INCOMPLETE = 1 << 0, /* parts missing when given up waiting */
	STORE_IN_FLASH = 1 << 1,      /* class 0 message */
	STORE_IN_BAD_TEXT = 1 << 2,   /* undecodable parts replaced */
};

/*
 * sender_ton: the type of number of the sender's address as the PDU gave it
 * (TS 23.040 9.1.2.5, enum sms_number_type: 0 unknown, 1 international,
 * 2 national, 3 network-specific, 4 subscriber, 5 alphanumeric,
 * 6 abbreviated). "Can we reply?" is decided by it, not by the characters
 * of the sender: an alphanumeric sender made only of digits is still
 * alphanumeric. -1 on rows stored before it was recorded; 0 and -1 both
 * mean "the network did not say".
 */
struct store_inbox_new {
	const char *sender;  /* as decoded: "+44...", "12345", "VODAFONE" */
	int64_t smsc_time;   /* SMSC timestamp of the first part, UTC */
	const char *pdu_hex; /* all parts' PDUs, e.g. joined by '\n' */
	const char *text;    /* decoded UTF-8 */
	unsigned flags;	     /* enum store_in_flags */
	const char *modem;   /* which modem it came in on ("" if none) */
	int sender_ton;	     /* see above; 0 when not known (last, so that
				positional initialisers stay valid) */
};

struct store_inbox_msg {
	int64_t id;
	char sender[STORE_NUMBER_MAX];
	int sender_ton; /* see store_inbox_new; -1: not recorded */
	int64_t smsc_time;
	int64_t received_at;
	unsigned flags;
	char modem[STORE_ID_MAX];
	enum store_in_state state;
	char reason[STORE_ID_MAX]; /* why ignored; "" otherwise */
	int64_t handled_at;	   /* 0 while new */
	char *pdu_hex;		   /* owned: store_inbox_msg_clear */
	char *text;		   /* owned: store_inbox_msg_clear */
};

/*
 * Commit an inbound message (Invariant 1: delete it from the modem only
 * after this returns). Unique on (sender, smsc_time, hash of the PDU hex,
 * case and surrounding whitespace ignored): putting the same message again
 * returns STORE_EXISTS and its existing id instead of STORE_OK and a new id.
 */
int store_inbox_put(struct store *st, const struct store_inbox_new *in,
		    int64_t now, int64_t *id);
/* Fill out (its strings are heap copies: store_inbox_msg_clear). */
int store_inbox_get(struct store *st, int64_t id, struct store_inbox_msg *out);
void store_inbox_msg_clear(struct store_inbox_msg *msg);
/* new → answered. STORE_ERR_STATE if it was not new. */
int store_inbox_mark_answered(struct store *st, int64_t id, int64_t now);
/* new → ignored with a reason ("opted out", "loop guard", ...). */
int store_inbox_mark_ignored(struct store *st, int64_t id, const char *reason,
			     int64_t now);
/*
 * Ids of new (unanswered) rows with id > after_id, oldest first, at most cap
 * into ids; returns how many were written (negative on error). Page through
 * by passing the last id back as after_id.
 */
int store_inbox_unanswered(struct store *st, int64_t after_id, int64_t *ids,
			   size_t cap);

/* A list of strings (owned: store_strings_free). */
struct store_strings {
	char **v;
	size_t n;
};
void store_strings_free(struct store_strings *list);

/* Texts received from sender since `since`, newest first, at most max. */
int store_inbox_recent(struct store *st, const char *sender, int64_t since,
		       size_t max, struct store_strings *out);

/* ---- parts of long texts (store_modem.c) ------------------------------ */

/*
 * Each part of a concatenated text is committed on its own as it arrives,
 * so that its SIM slot is freed at once (a text longer than the SIM can
 * hold still gets through) and a crash loses none (+CMT parts are stored
 * nowhere else). When the message is whole (or given up waiting for), it
 * is committed as one inbox row and its parts are tied to that row: the
 * parts stay as the record that they were answered, so a part read again
 * (after a crash, before its SIM copy was deleted) is recognised and never
 * answered a second time. Old records are pruned.
 */
struct store_part_new {
	const char *sender;
	int sender_ton;	     /* as store_inbox_new */
	int ref;	     /* concatenation reference (8- or 16-bit) */
	int total;	     /* parts announced, 2..255 */
	int seq;	     /* this part, 1..total */
	const char *pdu_hex; /* as read, SMSC prefix first */
	int tpdu_len;	     /* the modem's <length>, 0 when not known */
	const char *modem;   /* which modem it came in on */
};

struct store_part {
	int64_t id;
	int seq;
	int sender_ton;
	int tpdu_len;
	int64_t received_at;
	int64_t inbox_id; /* its message once committed; 0 while waiting */
	char modem[STORE_ID_MAX];
	char *pdu_hex; /* owned: store_parts_free */
};

struct store_parts {
	struct store_part *v;
	size_t n;
};
void store_parts_free(struct store_parts *parts);

/*
 * Keep one part (its SIM copy may be deleted once this returns). Parts are
 * unique on (sender, PDU hex, case ignored). STORE_OK with *id for a new
 * part; STORE_EXISTS when this very part was kept before: *id is it and
 * *inbox_id its message when that was already committed (0 while it
 * waits). Either out pointer may be NULL.
 */
int store_part_put(struct store *st, const struct store_part_new *p,
		   int64_t now, int64_t *id, int64_t *inbox_id);
/*
 * The parts of (sender, ref, total) received at or after `since`, waiting
 * and committed, oldest first, into out (owned: store_parts_free).
 */
int store_part_group(struct store *st, const char *sender, int ref, int total,
		     int64_t since, struct store_parts *out);
/*
 * Commit a message made of parts in one transaction: store_inbox_put(row)
 * and tie the N parts to it. Returns what store_inbox_put returned
 * (STORE_OK, STORE_EXISTS) with *inbox_id, or a negative enum store_err
 * with nothing changed.
 */
int store_part_commit(struct store *st, const int64_t *part_ids, size_t n,
		      const struct store_inbox_new *row, int64_t now,
		      int64_t *inbox_id);
/* Tie one waiting part to message INBOX_ID (a late part of it). */
int store_part_tie(struct store *st, int64_t part_id, int64_t inbox_id);
/* When the oldest waiting part arrived; STORE_ERR_NOT_FOUND: none waits. */
int store_part_oldest_waiting(struct store *st, int64_t *received_at);
/*
 * A group with a part waiting since before `before` (given up on): its
 * sender, ref and total. STORE_ERR_NOT_FOUND when there is none.
 */
int store_part_expired(struct store *st, int64_t before,
		       char sender[STORE_NUMBER_MAX], int *ref, int *total);
/* A group with parts waiting (sender, ref, total). */
struct store_part_key {
	char sender[STORE_NUMBER_MAX];
	int ref, total;
};
/* Up to CAP groups with parts waiting, oldest first; how many, or <0. */
int store_part_waiting_keys(struct store *st, struct store_part_key *keys,
			    size_t cap);
/* Forget committed parts that arrived before `before`; how many, or <0. */
int store_part_prune(struct store *st, int64_t before);

/* ---- SIM PINs refused (store_modem.c) ---------------------------------- */

/*
 * A PIN the SIM refused, per SIM ("iccid:..."), kept so that no later start
 * enters it again (three refusals lock the SIM). PIN_HASH is the caller's
 * hash of the PIN (simlock.h): the PIN itself is never stored. Returns 1
 * when that PIN was refused for that SIM, 0 when not, or <0.
 */
int store_sim_pin_refused(struct store *st, const char *sim_id,
			  const char *pin_hash);
/* Record what the SIM said: refused adds, accepted forgets every refusal
 * of that SIM (its PIN is known good now). */
int store_sim_pin_record(struct store *st, const char *sim_id,
			 const char *pin_hash, int accepted, int64_t now);

/* ---- outbox ---------------------------------------------------------- */

enum store_origin {
	STORE_ORIGIN_REPLY,
	STORE_ORIGIN_STAFF,
	STORE_ORIGIN_REMINDER,
};

/*
 * Per part: queued → sending → sent → delivered, or → failed (given up), or
 * queued → withdrawn (not sent on purpose: expired, the number opted out;
 * the reason is the part's last error). sending → queued again on a retry.
 * A message's state is derived from its parts: withdrawn or failed if any
 * part was (withdrawn first), else the least advanced part's state.
 */
enum store_out_state {
	STORE_OUT_QUEUED,
	STORE_OUT_SENDING,
	STORE_OUT_SENT,
	STORE_OUT_DELIVERED,
	STORE_OUT_FAILED,
	STORE_OUT_WITHDRAWN,
};

/* What a message is, beyond its origin (store_outbox_new.flags). */
enum store_out_flags {
	/* The desk's confirmation of a STOP: the one text that may go to a
	 * number that opted out. */
	STORE_OUT_CONFIRMS_OPTOUT = 1 << 0,
};

struct store_out_part {
	const char *pdu_hex; /* SMS-SUBMIT as given to AT+CMGS, opaque */
	int tpdu_len;	     /* the length AT+CMGS wants */
};

struct store_outbox_new {
	const char *to;
	const char *text; /* the whole reply, for staff and reports */
	enum store_origin origin;
	int64_t inbox_id;  /* the inquiry answered; 0 if none */
	const char *modem; /* preferred modem; NULL or "" = any */
	const struct store_out_part *parts; /* in sending order */
	size_t n_parts;			    /* 1..255 */
	int64_t expires_at; /* not sent at or after this (UTC); 0 = never */
	unsigned flags;	    /* enum store_out_flags */
	/* First try at or after this (UTC); 0: at `now`. STORE_DUE_AT_ONCE:
	 * whatever the clock of the process that sends it says (`smsdesk
	 * send` queues for a daemon whose clock may be pinned, --now). */
	int64_t due_at;
};
#define STORE_DUE_AT_ONCE 1

/* One part due for sending, as store_outbox_next hands it out. */
struct store_out_job {
	int64_t part_id;
	int64_t msg_id;
	int seq; /* 1-based within the message */
	int n_parts;
	char to[STORE_NUMBER_MAX];
	char modem[STORE_ID_MAX]; /* pinned modem; "" = any */
	enum store_origin origin;
	int tries; /* attempts made before this one */
	int tpdu_len;
	char pdu_hex[STORE_PDU_HEX_MAX];
	int64_t created_at; /* when the message was queued */
	int64_t expires_at; /* 0 = never */
	unsigned flags;	    /* enum store_out_flags */
};

/* Queue a message and its parts, all due at `now` (or msg->due_at). */
int store_outbox_queue(struct store *st, const struct store_outbox_new *msg,
		       int64_t now, int64_t *msg_id);
/*
 * The next part due at `now`: queued, next_try_at <= now, and every earlier
 * part of its message already sent (parts leave in order). With modem
 * non-NULL only messages pinned to that modem or to none qualify. Returns
 * STORE_OK with *job filled, or STORE_ERR_NOT_FOUND when nothing is due.
 */
int store_outbox_next(struct store *st, int64_t now, const char *modem,
		      struct store_out_job *job);
/* The same, only for parts of message msg_id (0: any message). */
int store_outbox_next_in(struct store *st, int64_t now, const char *modem,
			 int64_t msg_id, struct store_out_job *job);
/*
 * When store_outbox_next will next have something (for the poll timeout):
 * the earliest next_try_at of a queued part not waiting behind an earlier
 * part of its message; STORE_ERR_NOT_FOUND when there is none.
 */
int store_outbox_next_due(struct store *st, int64_t *when);
/*
 * queued → sending, counting a try and pinning the whole message to modem
 * (the parts of one message must leave from one number). Commit this
 * before writing AT+CMGS so a crash can be detected.
 */
int store_outbox_mark_sending(struct store *st, int64_t part_id,
			      const char *modem, int64_t now);
/* sending → sent with the +CMGS message reference. */
int store_outbox_mark_sent(struct store *st, int64_t part_id, int mr,
			   int64_t now);
/*
 * sending → sent with what the bearer calls it: mr, the TP-MR of +CMGS (-1
 * when none), and ref, the bearer's own message id (Kannel's; NULL or ""
 * when none, at most STORE_ID_MAX - 1 bytes).
 */
int store_outbox_mark_sent_ref(struct store *st, int64_t part_id, int mr,
			       const char *ref, int64_t now);
/* sending → queued, due again at next_try_at, remembering why. */
int store_outbox_mark_retry(struct store *st, int64_t part_id,
			    const char *error, int64_t next_try_at,
			    int64_t now);
/*
 * queued/sending → failed (given up). The message's remaining queued parts
 * fail with it: a concatenated text missing a part is no use.
 */
int store_outbox_mark_failed(struct store *st, int64_t part_id,
			     const char *error, int64_t now);
/*
 * A status report (+CDS) for message reference mr on modem, about a text
 * to RECIPIENT (TP-RA): the part it is about is the most recently sent one
 * with that modem and reference, sent within the last STORE_REPORT_WINDOW
 * seconds, to that recipient (digits compared; a national form matches
 * its international one by the last nine digits). The 8-bit reference
 * alone comes round every 256 sends. TP-Status 0x00-0x1F marks it
 * delivered, 0x20-0x3F (SC still trying) changes nothing, 0x40 and up
 * marks it failed. STORE_ERR_NOT_FOUND when no sent part matches.
 */
#define STORE_REPORT_WINDOW (3 * 24 * 3600)
int store_outbox_delivered_by_mr(struct store *st, const char *modem, int mr,
				 const char *recipient, int status,
				 int64_t now);
/* The same for a bearer's own message id (mark_sent_ref's ref), with the
 * TP-Status of the report as above. */
int store_outbox_delivered_by_ref(struct store *st, const char *bearer,
				  const char *ref, int status, int64_t now);
/*
 * Withdraw what is left of a message: its queued parts → withdrawn with
 * reason (parts already sent stay sent). Returns how many parts were
 * withdrawn (0 when none was queued), or a negative error.
 */
int store_outbox_withdraw(struct store *st, int64_t msg_id, const char *reason,
			  int64_t now);
/*
 * At start-up: parts left in sending by a crash go back to queued, due now;
 * returns how many (negative on error). Such a part may already have left
 * the modem (the crash fell between the modem's +CMGS and our commit of
 * mark_sent), so it may reach the customer twice. Committing mark_sending
 * before the write and mark_sent right after +CMGS keeps that window to
 * the one in-flight part.
 */
int store_outbox_recover(struct store *st, int64_t now);
/*
 * The documented retry rule: seconds to wait after `tries` failed attempts
 * (30 s doubling, at most one hour). Give up after STORE_OUT_MAX_TRIES.
 */
int64_t store_outbox_backoff(int tries);
#define STORE_OUT_MAX_TRIES 6

/* One outbound message as staff see it. */
struct store_out_msg {
	int64_t id;
	char to[STORE_NUMBER_MAX];
	enum store_origin origin;
	enum store_out_state state;
	int64_t inbox_id;
	int64_t created_at;
	int n_parts;
	char last_error[STORE_ERROR_MAX];
	char *text;	    /* owned: store_out_msg_clear */
	int64_t expires_at; /* 0 = never */
	unsigned flags;	    /* enum store_out_flags */
};
int store_outbox_get(struct store *st, int64_t msg_id,
		     struct store_out_msg *out);
void store_out_msg_clear(struct store_out_msg *msg);
/*
 * Ids of the messages queued to `to`, oldest first, at most cap into ids;
 * returns how many (negative on error).
 */
int store_outbox_to(struct store *st, const char *to, int64_t *ids, size_t cap);
/* The state of one part (for tests and diagnostics). */
int store_outbox_part_state(struct store *st, int64_t part_id,
			    enum store_out_state *state, int *tries, int *mr);

/* Replies (origin reply) queued to `to` since `since`: the per-hour guard. */
int store_replies_since(struct store *st, const char *to, int64_t since,
			int64_t *count);

/* ---- bookings -------------------------------------------------------- */

/*
 * Reference codes use only characters that cannot be mistaken for another
 * on a small screen or read aloud: no 0/O, 1/I/L, 2/Z, 5/S, 8/B.
 */
#define STORE_REF_ALPHABET "34679ACDEFGHJKMNPQRTUVWXY"

enum store_booking_state {
	STORE_BOOKED,
	STORE_CANCELLED,
	/* Not a booking: a block (lunch, a day off, a broken chair) as
	 * store_slots_between lists it; it takes every place of the service
	 * it names, or of every service when its service is "". */
	STORE_BLOCKED,
};

/* Who made a booking. */
enum store_booked_by {
	STORE_BY_TEXT,	/* the desk, for a customer who texted */
	STORE_BY_STAFF, /* smsdesk book: a walk-in or a phone call */
};

struct store_booking {
	int64_t id; /* a block's id for STORE_BLOCKED */
	char ref[STORE_REF_MAX];
	char service[STORE_ID_MAX];
	int64_t start;
	int minutes;
	/* The customer's number (E.164); "" for a staff booking without
	 * one, and once the customer was forgotten or the retention passed. */
	char customer[STORE_NUMBER_MAX];
	enum store_booking_state state;
	int64_t created_at;
	int64_t cancelled_at; /* 0 unless cancelled */
	int64_t reminded_at;  /* 0 until the reminder is queued */
	enum store_booked_by by;
	char name[STORE_NAME_MAX]; /* staff bookings: as staff typed it */
	char note[STORE_NOTE_MAX]; /* staff bookings; a block's reason */
};

struct store_booking_list {
	struct store_booking *v;
	size_t n;
};
void store_booking_list_free(struct store_booking_list *list);

/*
 * Book `service` for [start, start + minutes) if fewer than `capacity`
 * booked (not cancelled) bookings of that service overlap it, all inside one
 * BEGIN IMMEDIATE (or inside the caller's transaction, as a savepoint), so
 * two customers can never get the last place (Invariant 4). Writes a new
 * unique reference into ref (STORE_REF_MAX bytes) and the row id into *id
 * (may be NULL). STORE_ERR_FULL when no place is left.
 */
int store_booking_create(struct store *st, const char *service, int64_t start,
			 int minutes, int capacity, const char *customer,
			 int64_t now, char *ref, int64_t *id);
/*
 * Upper-case and check a reference as a customer typed it; writes it to out
 * (STORE_REF_MAX bytes). Returns 1 if it can be a reference, else 0.
 */
int store_ref_normalise(const char *typed, char *out);
/*
 * The booking with this reference, only if it belongs to customer:
 * someone else's reference is STORE_ERR_NOT_FOUND, exactly as a reference
 * that does not exist, so a guess reveals nothing.
 */
int store_booking_find(struct store *st, const char *ref, const char *customer,
		       struct store_booking *out);
/*
 * Cancel by reference for its owner (out may be NULL). NOT_FOUND as for
 * find; STORE_ERR_STATE when the owner's booking is already cancelled.
 */
int store_booking_cancel(struct store *st, const char *ref,
			 const char *customer, int64_t now,
			 struct store_booking *out);
/*
 * A move cancels old_ref and books new_ref: remember which, so the old
 * reference can point to the new one. STORE_ERR_NOT_FOUND when old_ref does
 * not exist.
 */
int store_booking_set_moved(struct store *st, const char *old_ref,
			    const char *new_ref);
/*
 * The reference old_ref was moved to (new_ref: STORE_REF_MAX bytes), only
 * for its owner; STORE_ERR_NOT_FOUND when it was never moved (or is not
 * customer's).
 */
int store_booking_moved_to(struct store *st, const char *old_ref,
			   const char *customer, char *new_ref);
/* The customer's booked (not cancelled) bookings starting at or after from. */
int store_bookings_upcoming(struct store *st, const char *customer,
			    int64_t from, struct store_booking_list *out);
/* Booked bookings of service overlapping [from, to). */
int store_booking_count(struct store *st, const char *service, int64_t from,
			int64_t to, int64_t *count);
/*
 * Every booking starting in [from, to), by start time, for staff; cancelled
 * ones too when include_cancelled.
 */
int store_bookings_between(struct store *st, int64_t from, int64_t to,
			   int include_cancelled,
			   struct store_booking_list *out);
/*
 * Booked bookings due a reminder: not yet reminded, starting after now and
 * within lead seconds, and made before their reminder time (a booking made
 * at short notice just got its confirmation and needs no reminder).
 */
int store_bookings_due_reminder(struct store *st, int64_t now, int64_t lead,
				struct store_booking_list *out);
int store_booking_mark_reminded(struct store *st, int64_t id, int64_t now);
/* The booking with row id `id` (for staff and the reminder's expiry). */
int store_booking_get(struct store *st, int64_t id, struct store_booking *out);

/* ---- staff: bookings made by staff, moves, blocks --------------------- */

/* A booking staff make (smsdesk book). */
struct store_staff_booking {
	const char *service;
	int64_t start;
	int minutes;
	int capacity;	      /* the service's, from the catalog */
	const char *customer; /* E.164, or "" / NULL when none was given */
	const char *name;     /* NULL or "" when none */
	const char *note;     /* NULL or "" when none */
};

/*
 * Book as store_booking_create does — capacity and blocks checked inside
 * BEGIN IMMEDIATE (or the caller's transaction), STORE_ERR_FULL when no
 * place is left — marked as made by staff, with a name and a note.
 */
int store_booking_create_staff(struct store *st,
			       const struct store_staff_booking *b, int64_t now,
			       char *ref, int64_t *id);
/* The booking with this reference, whoever's it is (for staff only). */
int store_booking_by_ref(struct store *st, const char *ref,
			 struct store_booking *out);
/*
 * Cancel by reference for staff (out may be NULL): NOT_FOUND when there is
 * no such booking, STORE_ERR_STATE when it is already cancelled.
 */
int store_booking_cancel_ref(struct store *st, const char *ref, int64_t now,
			     struct store_booking *out);
/*
 * Move a booked booking to start (same reference, same service and
 * length) if a place is free there — its own place not counted, blocks
 * honoured — in one transaction; its reminder is due again. out (may be
 * NULL) gets the booking as it was before the move. STORE_ERR_FULL,
 * STORE_ERR_STATE (cancelled), STORE_ERR_NOT_FOUND.
 */
int store_booking_move(struct store *st, const char *ref, int64_t start,
		       int capacity, int64_t now, struct store_booking *out);

/* A stretch of time staff took out of the book. */
struct store_block {
	int64_t id;
	char service[STORE_ID_MAX]; /* "" = every service */
	int64_t start, end;	    /* [start, end), UTC */
	char reason[STORE_NOTE_MAX];
	int64_t created_at;
};

struct store_block_list {
	struct store_block *v;
	size_t n;
};
void store_block_list_free(struct store_block_list *list);

/* Block [start, end) for service ("" or NULL: all). *id may be NULL. */
int store_block_add(struct store *st, const char *service, int64_t start,
		    int64_t end, const char *reason, int64_t now, int64_t *id);
/* Remove block id (out, may be NULL, gets it); NOT_FOUND if none. */
int store_block_remove(struct store *st, int64_t id, struct store_block *out);
/* Blocks overlapping [from, to), by start. */
int store_blocks_between(struct store *st, int64_t from, int64_t to,
			 struct store_block_list *out);

/*
 * What takes places in [from, to): the booked bookings starting in it (as
 * store_bookings_between lists them; a long one may start the day before,
 * so callers ask from a day early) and every block overlapping it, as
 * STORE_BLOCKED rows (id the block's, ref "", customer "", note its
 * reason). The desk counts places from this (desk_io between).
 */
int store_slots_between(struct store *st, int64_t from, int64_t to,
			struct store_booking_list *out);

/*
 * How many of service's capacity places row b takes where it overlaps:
 * 1 for a booked booking of that service, all of them (capacity) for a
 * block of that service or of every service, 0 otherwise.
 */
int store_booking_places(const struct store_booking *b, const char *service,
			 int capacity);

/* ---- conversations --------------------------------------------------- */

/* One pending question per sender; kind and state are the desk's words. */
struct store_conv {
	char kind[STORE_CONV_KIND_MAX];
	char state[STORE_CONV_STATE_MAX];
	int64_t expires_at;
	int64_t updated_at;
};
/* The sender's pending question unless expired at now: else NOT_FOUND. */
int store_conv_get(struct store *st, const char *sender, int64_t now,
		   struct store_conv *out);
/* Replace the sender's pending question. */
int store_conv_set(struct store *st, const char *sender, const char *kind,
		   const char *state, int64_t expires_at, int64_t now);
/* End the sender's pending question (their language stays). */
int store_conv_clear(struct store *st, const char *sender);
/*
 * The language the sender writes in (ISO 639-1) into out (cap bytes): ""
 * when not known. Kept with the conversation: after it ends, and until
 * the retention prune or `forget` removes it.
 */
int store_conv_lang(struct store *st, const char *sender, char *out,
		    size_t cap);
/* Remember the sender's language (at most 7 bytes). */
int store_conv_lang_set(struct store *st, const char *sender, const char *lang,
			int64_t now);

/* ---- opt-outs -------------------------------------------------------- */

int store_optout_set(struct store *st, const char *number, int64_t now);
int store_optout_clear(struct store *st, const char *number);
/* 1 if opted out (with *since set when non-NULL), 0 if not, <0 on error. */
int store_is_opted_out(struct store *st, const char *number, int64_t *since);

/* ---- referral ledger ------------------------------------------------- */

/* Why we said no; stored by name so old rows stay readable. */
enum store_reason {
	STORE_REASON_NOT_OFFERED,
	STORE_REASON_FULL,
	STORE_REASON_CLOSED,
	STORE_REASON_OUTSIDE_HOURS,
	STORE_REASON_SHORT_NOTICE,
	STORE_REASON_BEYOND_HORIZON,
	STORE_REASON_OTHER,
	/* Not a "no" as such: free times were offered instead of what was
	 * asked (or asked about); lost demand when not taken up. */
	STORE_REASON_OFFERED,
	/* The text was not understood (requested ""): listed for staff. */
	STORE_REASON_NOT_UNDERSTOOD,
};
/* "not_offered", "full", "closed", ... */
const char *store_reason_name(enum store_reason reason);

/*
 * Record one "no": sender asked for requested (a service or topic id, or ""
 * when unknown), why, and the referrals named in the reply (names as in
 * the catalog, n may be 0). One transaction; *id may be NULL.
 */
int store_ledger_add(struct store *st, const char *sender,
		     const char *requested, enum store_reason reason,
		     const char *const *referrals, size_t n, int64_t now,
		     int64_t *id);
/*
 * Fair rotation: order[0..n) receives the indexes of names sorted by when
 * each was last named, never-named first, ties kept in the given order.
 */
int store_referral_rank(struct store *st, const char *const *names, size_t n,
			size_t *order);

/* ---- report ---------------------------------------------------------- */

struct store_demand_row {
	/* a service or topic id; "" when the request was not understood */
	char requested[STORE_ID_MAX];
	char reason[32];
	int64_t count;
	/* of count, how many the same customer booked (that service) within
	 * a day after: not lost after all */
	int64_t taken;
};

struct store_named_row {
	char name[STORE_ID_MAX];
	int64_t count;
};

/*
 * A message we gave up sending (Invariant 3: visible to staff), or one
 * withdrawn on purpose (expired, opted out): error says why.
 */
struct store_failed_row {
	int64_t msg_id;
	char to[STORE_NUMBER_MAX];
	int64_t created_at;
	char error[STORE_ERROR_MAX];
	enum store_origin origin;
};

#define STORE_REPORT_FAILED_MAX 20

struct store_report {
	int64_t in_total, in_answered, in_ignored, in_new;
	int64_t out_total, out_queued, out_sent, out_delivered, out_failed;
	int64_t out_withdrawn; /* not sent on purpose: expired, opted out */
	int64_t out_parts;     /* SMS segments queued: what the replies cost */
	int64_t bookings_made, bookings_cancelled;
	/* ledger rows not taken up, not counting texts not understood */
	int64_t turned_away;
	int64_t taken_up;		 /* ledger rows booked after all */
	int64_t not_understood;		 /* texts the desk did not understand */
	struct store_demand_row *demand; /* most often turned away first */
	size_t n_demand;
	struct store_named_row *referrals; /* most often named first */
	size_t n_referrals;
	struct store_failed_row *failed; /* latest first, at most
					    STORE_REPORT_FAILED_MAX */
	size_t n_failed;
	struct store_failed_row *withdrawn; /* the same for withdrawn */
	size_t n_withdrawn;
};

/*
 * Counts over rows created at or after since (0 = all time), read in one
 * snapshot. Free with store_report_free.
 */
int store_report_build(struct store *st, int64_t since,
		       struct store_report *out);
/* The same over rows created in [from, to). */
int store_report_range(struct store *st, int64_t from, int64_t to,
		       struct store_report *out);
void store_report_free(struct store_report *r);

/* ---- numbers --------------------------------------------------------- */

/*
 * A number as stored → its new form in out (cap bytes); 0 when out holds
 * it, nonzero to keep the stored form (an alphanumeric sender, a number
 * that cannot be read with certainty).
 */
typedef int (*store_number_fn)(void *ctx, const char *stored, char *out,
			       size_t cap);
/*
 * Rewrite every stored phone number — outbox recipients, bookings'
 * customers, opt-outs, conversations, ledger senders — through fn, in one
 * transaction, unless this database already went through it under the
 * same tag (remembered in the file; e.g. "e164:GB"). Where two stored
 * forms of one number meet, the opt-out keeps the earliest time and the
 * conversation the latest. Inbound rows keep the sender as received (with
 * the PDU it came in). Returns how many values changed (0 when the tag was
 * already done), or a negative error.
 */
int store_renumber(struct store *st, const char *tag, store_number_fn fn,
		   void *ctx);

/*
 * 1 when a bearer has used this database — a text came in on a modem or a
 * part was sent — so it belongs to a real desk, not to `smsdesk try`; 0
 * when not; negative on error.
 */
int store_has_served(struct store *st);

/* ---- report: rows for the week-by-week and hour-of-day views ----------
 * (store_report.c) */

/* One ledger row: something asked that we did not book then. */
struct store_demand_event {
	int64_t at;
	char requested[STORE_ID_MAX];
	char reason[32];
	int64_t taken_at; /* when the customer booked it after all; 0 */
	int referrals;	  /* providers named */
};
struct store_demand_list {
	struct store_demand_event *v;
	size_t n;
};
void store_demand_list_free(struct store_demand_list *list);
/* Ledger rows made in [from, to), oldest first. */
int store_demand_between(struct store *st, int64_t from, int64_t to,
			 struct store_demand_list *out);

struct store_times {
	int64_t *v;
	size_t n;
};
void store_times_free(struct store_times *t);
/* When each text in [from, to) was received, oldest first. */
int store_texts_in_between(struct store *st, int64_t from, int64_t to,
			   struct store_times *out);
/* Bookings made (created) in [from, to), cancelled ones too. */
int store_bookings_made_between(struct store *st, int64_t from, int64_t to,
				struct store_booking_list *out);

/* A text the desk did not understand. */
struct store_text_row {
	int64_t at;
	char sender[STORE_NUMBER_MAX]; /* "" once pruned or erased */
	char *text;		       /* owned: store_text_list_free */
};
struct store_text_list {
	struct store_text_row *v;
	size_t n;
};
void store_text_list_free(struct store_text_list *list);
/*
 * The texts answered in [from, to) that the desk recorded as not
 * understood, latest first, at most max.
 */
int store_not_understood(struct store *st, int64_t from, int64_t to, size_t max,
			 struct store_text_list *out);

/* ---- the wall clock stepped ------------------------------------------ */

/*
 * The wall clock jumped by STEP seconds (NTP's first sync, `date -s`): move
 * every persisted wall time that measures a wait by STEP, so the wait keeps
 * its length in real time — when queued parts may next be tried, the
 * creation time of messages not yet sent (reply expiry counts from it),
 * when conversations expire. Absolute times (bookings, what came and went)
 * stay. One transaction (store_clock.c).
 */
int store_shift_waits(struct store *st, int64_t step);

/* ---- privacy: retention, erasure, export ------------------------------
 *
 * What the store holds about a person: the texts they sent (with their
 * PDUs and the parts of long ones), the replies and staff texts sent to
 * them, their bookings (number, name, note), their pending conversation,
 * their opt-out and the "no"s the desk gave them. Pruning and erasing
 * blank the personal columns of rows that the report counts (a row with
 * no number and no text is a count) and delete the rest. Freed space is
 * overwritten with zeros (PRAGMA secure_delete) on the connection that
 * prunes or erases.
 */

/* How many rows a prune or an erasure touched, by kind. */
struct store_privacy_counts {
	int64_t texts_in;      /* inbound texts blanked */
	int64_t parts_in;      /* parts of long texts deleted */
	int64_t texts_out;     /* outbound texts blanked */
	int64_t bookings;      /* bookings made anonymous */
	int64_t conversations; /* pending questions deleted */
	int64_t ledger;	       /* "no"s made anonymous */
	int64_t optouts;       /* opt-outs kept only as a keyed hash */
	int64_t unsent;	       /* queued texts given up (erasure only) */
};

/*
 * The retention policy: blank everything personal older than `before`
 * (inbound texts received, outbound texts queued and finished, bookings
 * that ended, conversations last touched, ledger rows made), in one
 * transaction; opt-outs older than it are kept as keyed hashes, so STOP
 * still holds. out may be NULL.
 */
int store_prune(struct store *st, int64_t before,
		struct store_privacy_counts *out);

/*
 * Every distinct number the store holds (senders, recipients, customers,
 * opt-outs, conversations, ledger; not the hashes) for which
 * match(ctx, stored) returns nonzero, into out (owned:
 * store_strings_free). So that one person is found in every form their
 * number was stored in.
 */
typedef int (*store_match_fn)(void *ctx, const char *stored);
int store_numbers_matching(struct store *st, store_match_fn match, void *ctx,
			   struct store_strings *out);

/*
 * Erase one person, whose number was stored in the forms of `forms` (as
 * store_numbers_matching found them) and whose E.164 form is e164 (it
 * need not be stored): every text to or from them blanked with its PDU
 * (queued ones given up), parts of long texts and conversations deleted,
 * bookings and ledger rows made anonymous, and an opt-out (if any) kept
 * only as keyed hashes of e164 and of every form. One transaction. out may
 * be NULL.
 */
int store_forget(struct store *st, const struct store_strings *forms,
		 const char *e164, int64_t now,
		 struct store_privacy_counts *out);

/*
 * Make what was blanked or deleted gone from the file too: checkpoint the
 * write-ahead log into the database, VACUUM it (a fresh copy, no free
 * pages) and truncate the log. Needs no other connection in a transaction;
 * STORE_ERR_BUSY otherwise (the busy timeout applies).
 */
int store_compact(struct store *st);

/* One field of a row held about a person (store_export). */
enum store_field_kind {
	STORE_FIELD_TEXT,
	STORE_FIELD_INT,
	STORE_FIELD_TIME, /* UTC epoch seconds; 0 = none */
};
struct store_field {
	const char *name;
	enum store_field_kind kind;
	const char *text; /* STORE_FIELD_TEXT (borrowed for the call) */
	int64_t num;
};
/*
 * Called once per row, grouped by table ("inbox", "in_part", "outbox",
 * "bookings", "conversations", "ledger", "optouts"), with the row's
 * fields; a negative return stops the walk and becomes the result.
 */
typedef int (*store_export_fn)(void *ctx, const char *table,
			       const struct store_field *fields, size_t n);
/*
 * Every row held about a person (forms as for store_forget, e164 for the
 * opt-out kept as a hash), in one read snapshot, oldest first per table.
 */
int store_export(struct store *st, const struct store_strings *forms,
		 const char *e164, store_export_fn fn, void *ctx);

/* ---- handoffs to a person (store_handoff.c) ----------------------------
 *
 * A handoff is a customer's texts that the desk passed to the staff, under
 * a short code ("K7": staff answer with "#K7 ..."). It holds no number of
 * its own: the customer is the sender of its first inbound row, so that
 * pruning and erasing the inbox (store_prune, store_forget) leave a handoff
 * anonymous with nothing more to do. A customer text joins it held (not
 * yet forwarded) and is marked forwarded when it went out to the staff in
 * a forward; every forward is counted, for the per-customer and overall
 * limits. A handoff waits for a person while its latest text is newer than
 * its latest answer.
 */
#define STORE_CODE_MAX                                                         \
	8 /* a handoff's code, 2..4 characters of                              \
	     STORE_REF_ALPHABET, NUL included */

struct store_handoff {
	int64_t id;
	char code[STORE_CODE_MAX];
	int64_t inbox_id; /* the customer's first text in it */
	/* That text's sender as received: "" once pruned or forgotten. */
	char customer[STORE_NUMBER_MAX];
	char why[STORE_ID_MAX]; /* "person", "payment", "not understood" */
	int64_t created_at;
	int64_t last_in_at;  /* the customer's latest text in it */
	int64_t answered_at; /* the latest answer from the staff; 0: none */
	char answered_by[STORE_NAME_MAX];
	int64_t forwarded_at; /* the latest forward to the staff; 0: none */
	int n_texts;
	int n_held;	 /* texts not yet forwarded (closed, or over a limit) */
	char *last_text; /* owned: the latest text (store_handoff_clear) */
};

struct store_handoff_list {
	struct store_handoff *v;
	size_t n;
};

/*
 * Open a handoff for inbound row inbox_id (its first text, held) with a
 * fresh code of code_len characters (2..4) that no handoff active since
 * `unique_since` holds. STORE_OK with *id and code (STORE_CODE_MAX bytes);
 * STORE_ERR_FULL when no free code of that length was found (try longer).
 */
int store_handoff_open(struct store *st, int64_t inbox_id, const char *why,
		       int code_len, int64_t unique_since, int64_t now,
		       int64_t *id, char *code);
/* Add inbound row inbox_id to handoff id, held; its last_in_at is now. */
int store_handoff_add(struct store *st, int64_t id, int64_t inbox_id,
		      int64_t now);
/*
 * The latest handoff whose customer (its first text's sender, exactly as
 * received) is sender and that was active (a text or an answer) at or
 * after since. STORE_ERR_NOT_FOUND when none. out: store_handoff_clear.
 */
int store_handoff_of(struct store *st, const char *sender, int64_t since,
		     struct store_handoff *out);
/* The same by code (upper case, no '#'). */
int store_handoff_by_code(struct store *st, const char *code, int64_t since,
			  struct store_handoff *out);
int store_handoff_get(struct store *st, int64_t id, struct store_handoff *out);
void store_handoff_clear(struct store_handoff *h);
void store_handoff_list_free(struct store_handoff_list *list);
/*
 * Handoffs waiting for a person (a text newer than the latest answer),
 * active since `since`, oldest first; with_held: only those holding texts
 * not yet forwarded. out: store_handoff_list_free.
 */
int store_handoff_waiting(struct store *st, int64_t since, int with_held,
			  struct store_handoff_list *out);

/* One text of a handoff. */
struct store_handoff_text {
	int64_t inbox_id;
	int64_t received_at;
	int64_t forwarded_at; /* 0: held */
	char *text;	      /* owned: store_handoff_texts_free */
};
struct store_handoff_texts {
	struct store_handoff_text *v;
	size_t n;
};
void store_handoff_texts_free(struct store_handoff_texts *list);
/* The texts of handoff id, oldest first; held_only: only the held ones. */
int store_handoff_texts(struct store *st, int64_t id, int held_only,
			struct store_handoff_texts *out);
/*
 * A forward of handoff id went to the staff at now: its held texts up to
 * inbox row upto (inclusive) are forwarded, and the forward is counted.
 */
int store_handoff_forwarded(struct store *st, int64_t id, int64_t upto,
			    int64_t now);
/* Forwards since `since`: of handoff id, or of all handoffs when id is 0. */
int store_handoff_forwards_since(struct store *st, int64_t id, int64_t since,
				 int64_t *count);
/* The staff answered handoff id (by: a staff name, or "command line"):
 * every text in it so far is answered (a clock behind the daemon's does
 * not leave it waiting). */
int store_handoff_answered(struct store *st, int64_t id, const char *by,
			   int64_t now);

/* Texts of sender the desk did not understand since `since` (the ledger's
 * not_understood rows). */
int store_not_understood_since(struct store *st, const char *sender,
			       int64_t since, int64_t *count);
/* Ids of sender's inbound rows received since `since` with id < before,
 * latest first, at most cap; returns how many (negative on error). */
int store_inbox_ids_since(struct store *st, const char *sender, int64_t since,
			  int64_t before, int64_t *ids, size_t cap);

/*
 * Keep no secret a staff member typed: the text of inbound row id becomes
 * TEXT (the PIN replaced) and its PDU is dropped; its uniqueness key stays,
 * so the same message read again is still recognised.
 */
int store_inbox_redact(struct store *st, int64_t id, const char *text);

/* ---- refused staff commands (store_handoff.c) -------------------------- */

/*
 * A staff phone's text refused (a wrong or missing PIN, an unknown command
 * or code): remembered by phone (a staff number, never a customer's) for
 * the lock-out; refusals older than a day are dropped on the way.
 */
int store_staff_refused(struct store *st, const char *phone, int64_t now);
int store_staff_refusals_since(struct store *st, const char *phone,
			       int64_t since, int64_t *count);

/* ---- summary texts to staff (store_summary.c) ---------------------------
 *
 * One row per summary a staff phone was due: its kind ("daily", "weekly")
 * and period (the local day "2026-12-01", or the week's Monday), claimed
 * in the transaction that queues it, so that no restart sends one twice.
 * A row also records a summary not sent (the phone opted out), with a
 * note. Rows older than about a year are dropped on the way.
 */

/* 1 when the summary KIND of PERIOD to PHONE was claimed, 0 when not, or
 * a negative enum store_err. */
int store_summary_has(struct store *st, const char *phone, const char *kind,
		      const char *period);
/*
 * Claim it at now (inside the caller's transaction when one is open): 1
 * when this call claimed it, 0 when it was claimed before, or a negative
 * enum store_err.
 */
int store_summary_claim(struct store *st, const char *phone, const char *kind,
			const char *period, int64_t now);
/* What became of a claimed summary: the message queued (msg_id, 0 when
 * none) and a note for staff ("opted out"; "" when sent). */
int store_summary_done(struct store *st, const char *phone, const char *kind,
		       const char *period, int64_t msg_id, const char *note);
/* When the latest summary KIND to PHONE of another period than PERIOD was
 * claimed: STORE_OK with *at, STORE_ERR_NOT_FOUND when there is none. */
int store_summary_last(struct store *st, const char *phone, const char *kind,
		       const char *period, int64_t *at);

/* ---- the daemon's heartbeat (store_health.c) ----------------------------
 *
 * What a running `smsdesk serve` last said about itself, for `smsdesk
 * status` (a reader: no port, no signal). One row, replaced at each beat,
 * and one row per bearer (a modem, a Kannel link).
 */
#define STORE_HEALTH_BEARERS 16

struct store_health_bearer {
	char name[STORE_ID_MAX];   /* "/dev/ttyUSB2", "kannel:0" */
	char kind[16];		   /* "modem", "kannel" */
	char state[32];		   /* "ready", "starting", "closed", "failed" */
	int rssi;		   /* AT+CSQ 0..31, 99 unknown */
	int reg;		   /* AT+CREG stat, -1 unknown */
	int64_t since;		   /* in this state since (UTC) */
	char detail[STORE_ID_MAX]; /* why it failed, the model, ... */
};

struct store_health {
	int64_t pid;
	char version[32];
	int64_t started_at;
	int64_t updated_at;	   /* the beat */
	int64_t stopped_at;	   /* 0 while running (or after a crash) */
	int ready;		   /* a bearer is ready */
	char status[STORE_ID_MAX]; /* the STATUS= line given to systemd */
	struct store_health_bearer bearers[STORE_HEALTH_BEARERS];
	size_t n_bearers;
};

/* Replace the heartbeat (one transaction). */
int store_health_put(struct store *st, const struct store_health *h);
/* The heartbeat; STORE_ERR_NOT_FOUND when no daemon ever wrote one. */
int store_health_get(struct store *st, struct store_health *out);

/* What the database itself says about traffic, for status and inbox. */
struct store_traffic {
	int64_t last_in_at;	/* latest inbound text received; 0: none */
	int64_t last_out_at;	/* latest part sent; 0: none */
	int64_t queued;		/* parts waiting to be sent (queued, sending) */
	int64_t failed;		/* messages given up since `since` */
	int64_t waiting;	/* handoffs waiting for a person */
	int64_t oldest_waiting; /* when the oldest of them last heard: 0 */
};
int store_traffic(struct store *st, int64_t since, struct store_traffic *out);

/* One sender's recent talk, for smsdesk inbox. */
struct store_talk {
	char sender[STORE_NUMBER_MAX]; /* as received */
	int64_t last_at;
	int64_t n_in;
	char *last_text; /* owned: store_talks_free */
};
struct store_talks {
	struct store_talk *v;
	size_t n;
};
void store_talks_free(struct store_talks *list);
/* Senders heard from since `since`, latest first, at most max. */
int store_recent_talks(struct store *st, int64_t since, size_t max,
		       struct store_talks *out);

/* One text in or out of a conversation (smsdesk inbox NUMBER). */
struct store_talk_line {
	int64_t at;
	int64_t id; /* the inbox row's or the outbound message's */
	int out;    /* 0 in, 1 out */
	enum store_origin origin; /* out: who wrote it */
	int state;		  /* out: enum store_out_state of the message */
	char *text;		  /* owned: store_talk_lines_free */
};
struct store_talk_lines {
	struct store_talk_line *v;
	size_t n;
};
void store_talk_lines_free(struct store_talk_lines *list);
/*
 * Texts from any of the senders FORMS (as received) and to E164 since
 * `since`, oldest first, at most max (the latest max).
 */
int store_talk_lines(struct store *st, const struct store_strings *forms,
		     const char *e164, int64_t since, size_t max,
		     struct store_talk_lines *out);

/* ---- for test cases only --------------------------------------------- */

/* Create a fresh file at schema version `version` (1..latest), unmigrated. */
int store_testing_create(const char *path, int version, char *err, size_t cap);

#endif
