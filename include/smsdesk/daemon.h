/*
 * daemon: `smsdesk serve` — one thread, one poll() loop that wires the
 * modems, the store and the desk together (DESIGN.md "Architecture" and
 * "Invariants").
 *
 * Inbound: PDU → decode → reassemble → commit to the store → delete from the
 * modem → answer in one transaction (inbound marked answered, desk changes,
 * reply queued). Outbound: the outbox, in order, one part in flight per
 * modem, retried with backoff, given up after a bound and recorded (the
 * outbox module). It holds no business rules: answering is answer.c's (with
 * the desk), sending rules the outbox's.
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
	/* For tests (a hidden `serve --retry-seconds`): seconds before each
	 * retry of a failed send instead of the backoff; 0: the backoff. */
	int retry_seconds;
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

#endif
