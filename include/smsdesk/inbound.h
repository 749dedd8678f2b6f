/*
 * inbound: what happens to a message the modem hands over, up to the
 * moment it is committed to the store (DESIGN.md Invariant 1) — decode,
 * keep what cannot be answered, commit each part of a long text as it comes
 * and the whole message when it is complete (or given up waiting for),
 * and only then ask the modem to delete the slot it occupied. Status
 * reports are matched to the outbox here too. Nothing is stranded: every
 * committed or rejected message is deleted, and what cannot be committed
 * (the database is locked, full, read-only) is retried on a timer — the
 * SIM listed again — with the log saying what waits and why. Nothing is
 * repeated: one answer per message, however often a part is read again.
 * Customers' numbers are logged through log_number().
 *
 * It never answers anything itself: a newly committed message is handed to
 * the caller's `answer` callback (the daemon's desk path). It never reads
 * the clock: the caller passes a monotonic time (for reassembly expiry) and
 * the wall time (UTC epoch seconds, for the store). No I/O of its own: it
 * talks to the modem only through modem_delete().
 */
#ifndef SMSDESK_INBOUND_H
#define SMSDESK_INBOUND_H

#include <stdint.h>

#include "smsdesk/modem.h"
#include "smsdesk/store.h"

struct inbound;

struct inbound_config {
	struct store *st;	  /* borrowed, outlives the inbound */
	int64_t concat_expiry_ms; /* wait this long for missing parts
				     (0: three minutes) */
	int retry_ms; /* retry a failed commit this often (0: 5 s) */
	/* A message was committed as a new inbox row: answer it. */
	void (*answer)(void *ctx, int64_t inbox_id);
	void *ctx;
};

/* NULL when out of memory. Free with inbound_free (NULL is a no-op);
 * parts still waiting are in the store, and wait on at the next start. */
struct inbound *inbound_new(const struct inbound_config *cfg);
void inbound_free(struct inbound *in);

/*
 * MSG arrived on modem M, known to the store as NAME (borrowed: both must
 * outlive the inbound). NOW_MS is the caller's monotonic clock, WALL the
 * wall time in UTC epoch seconds.
 */
void inbound_message(struct inbound *in, struct modem *m, const char *name,
		     const struct modem_message *msg, int64_t now_ms,
		     int64_t wall);
/* The same for what the modem announced as a status report (+CDS, +CDSI). */
void inbound_status_report(struct inbound *in, struct modem *m,
			   const char *name, const struct modem_message *msg,
			   int64_t now_ms, int64_t wall);

/* What is due: retries of failed commits, groups given up waiting for. */
void inbound_tick(struct inbound *in, int64_t now_ms, int64_t wall);

/* When inbound_tick must next run; -1: nothing waits. */
int64_t inbound_next_deadline(const struct inbound *in);

#endif
