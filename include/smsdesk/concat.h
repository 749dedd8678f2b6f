/*
 * concat: reassembly of concatenated SMS parts into the customer's whole
 * message (TS 23.040 9.2.3.24.1).
 *
 * Parts are grouped by (sender, reference, total) and may arrive in any
 * order; a duplicate part is ignored. A group is delivered when every part
 * is in, or as what arrived — marked incomplete — when its expiry passes or
 * when the table needs room for a new group (the oldest goes first).
 * A part is never silently dropped. A UTF-16 surrogate pair that the
 * sender's phone split between two UCS-2 parts (each then shows U+FFFD at
 * the cut) is joined back into its character when both parts are in.
 * The caller supplies the clock (`now`,
 * in any unit consistent with `expiry`), so the table never reads one.
 *
 * Memory is bounded by max_groups groups of at most 255 parts of at most
 * SMS_TEXT_MAX bytes. No I/O, no logging. One owner, no locking.
 */
#ifndef SMSDESK_CONCAT_H
#define SMSDESK_CONCAT_H

#include <stddef.h>
#include <stdint.h>

#include "smsdesk/pdu.h"

struct concat;

struct concat_config {
	size_t max_groups; /* open groups kept; 0 means 64 */
	int64_t expiry;	   /* a group older than this is delivered as is */
};

enum concat_result {
	CONCAT_ADDED = 0,	/* stored; see concat_pop for what is ready */
	CONCAT_DUPLICATE = 1,	/* this (group, seq) was already in: ignored */
	CONCAT_ERR_MEMORY = -1, /* out of memory: the part was not stored */
};

/* A reassembled (or single) message, borrowed from the table. */
struct concat_message {
	const struct sms_pdu *head; /* the lowest-numbered part received,
				       its text cleared; sender, timestamp,
				       encoding, class come from here */
	const char *text;	    /* all received parts' text in order */
	size_t text_len;
	int total;	     /* parts announced (1 for a single SMS) */
	int received;	     /* parts that arrived */
	int incomplete;	     /* received < total */
	const int64_t *tags; /* the callers' tags of the parts, in
				seq order, `received` of them */
};

/*
 * Create a table. Returns NULL when out of memory. Free with concat_free
 * (concat_free(NULL) is a no-op); undelivered groups are discarded then,
 * so drain with concat_pop(c, INT64_MAX, ...) first if they matter.
 */
struct concat *concat_new(const struct concat_config *cfg);
void concat_free(struct concat *c);

/*
 * Add a decoded part received at `now`. `tag` is the caller's handle for
 * it (an inbox row id, a modem storage index) handed back with the
 * message. A PDU without a concat header (or with total 1) is a complete
 * message at once. Adding may make the oldest group ready (evicted,
 * incomplete) when max_groups are open. Returns an enum concat_result.
 */
int concat_add(struct concat *c, const struct sms_pdu *part, int64_t tag,
	       int64_t now);

/*
 * Take the next ready message: complete or evicted groups first, then
 * groups whose expiry has passed at `now` (now = INT64_MAX drains every
 * group). Returns 1 and fills out (its pointers stay valid until the next
 * call on this table), or 0 when nothing is ready.
 */
int concat_pop(struct concat *c, int64_t now, struct concat_message *out);

/* When the next group expires (first part's arrival + expiry), or -1
 * when no group is open. A ready group counts as due now. */
int64_t concat_next_deadline(const struct concat *c);

/* Open (not yet delivered) groups. */
size_t concat_open_groups(const struct concat *c);

#endif
