/*
 * daemon: `smsdesk serve` — one thread, one poll() loop that wires the
 * modems, the store and the desk together (DESIGN.md "Architecture" and
 * "Invariants").
 *
 * Inbound: PDU → decode → reassemble → commit to the store → delete from the
 * modem → answer in one transaction (inbound marked answered, desk changes,
 * reply queued). Outbound: the outbox, in order, one part in flight per
 * modem, retried with backoff, given up after a bound and recorded. It holds
 * no business rules (those are the desk's) beyond the guards that protect
 * phones and wallets: never reply to senders that cannot receive, a per
 * sender hourly cap, and an auto-reply loop detector.
 */
#ifndef SMSDESK_DAEMON_H
#define SMSDESK_DAEMON_H

#include <stddef.h>
#include <stdint.h>

#include "smsdesk/store.h"

struct daemon_options {
	const char *config_path;
	const char *device;  /* --device: this one port instead of the list */
	const char *db_path; /* --db: instead of the catalog's database */
	const char *now;     /* --now YYYY-MM-DDTHH:MM local, or NULL */
	/* Tests only: a file holding seconds added to the wall clock, re-read
	 * every second (wallclock.h), or NULL. */
	const char *clock_offset_file;
	/* Per modem, a pause after each AT+CMGS ends (0: none). One AT+CMGS in
	 * flight at a time already paces sends to what the modem can take. */
	int min_send_gap_ms;
	/* --part-wait: how long the missing parts of a long text are waited
	 * for before what arrived is answered (0: three minutes). */
	int part_wait_ms;
};

/*
 * Run until SIGTERM/SIGINT (then finish the command in flight and return
 * CLI_OK) or a fatal start-up problem (CLI_BAD_INPUT for config/database,
 * CLI_DEVICE when no modem can be used at all, CLI_SIM_LOCKED when none can
 * and a SIM needs staff).
 */
int daemon_serve(const struct daemon_options *opt);

/*
 * Encode TEXT to TO as SMS-SUBMIT segments and queue them in the outbox as
 * one message (inside the caller's transaction if one is open). At most
 * max_segments segments (0: no cap). Returns STORE_OK, a negative
 * enum store_err, or STORE_ERR_ARG when the number or text cannot be
 * encoded (err says why).
 */
int daemon_queue_text(struct store *st, const char *to, const char *text,
		      enum store_origin origin, int64_t inbox_id,
		      const char *modem, int max_segments, int64_t now,
		      int64_t *msg_id, char *err, size_t errlen);

/*
 * Is TEXT the latest of an auto-reply loop? True when at least `threshold`
 * of the sender's recent texts (RECENT, newest first, may include TEXT
 * itself) are the same or nearly the same as TEXT once folded.
 */
int daemon_looks_like_loop(const char *text, const struct store_strings *recent,
			   int threshold);

#endif
