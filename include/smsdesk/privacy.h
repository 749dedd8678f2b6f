/*
 * privacy: what smsdesk holds about people, for how long, and how a
 * request to see or delete it is honoured (README "Privacy").
 *
 *  - retention: texts, numbers and PDUs older than policy.retention_days
 *    are blanked, keeping only the anonymous rows the report counts; an
 *    old opt-out is kept as a keyed hash (store_prune). The daemon runs it
 *    at start and once a day; `smsdesk forget --expired` runs it at once.
 *  - erasure: `smsdesk forget NUMBER` finds the person's number in every
 *    form it was stored in (phone_to_e164 with business.country), erases
 *    them (store_forget) and compacts the file so the bytes are gone.
 *  - access: `smsdesk export NUMBER` writes everything held about them as
 *    one JSON document (RFC 8259).
 *
 * It never reads the clock (now is passed in). It logs through log.h only
 * in privacy_daily (the daemon's call); numbers in its log lines are
 * counts, never numbers.
 */
#ifndef SMSDESK_PRIVACY_H
#define SMSDESK_PRIVACY_H

#include <stdint.h>
#include <stdio.h>

#include "smsdesk/store.h"

struct catalog;

/*
 * The forms in which the number e164 is stored (those that phone_to_e164
 * with the business's country reads as e164, or that equal it) into forms
 * (owned: store_strings_free). Returns STORE_OK or a negative store error.
 */
int privacy_find(const struct catalog *cat, struct store *st, const char *e164,
		 struct store_strings *forms);

/* The cut-off of the retention policy at now: older is pruned. */
int64_t privacy_cutoff(const struct catalog *cat, int64_t now);

/* Prune what is older than the retention policy (store_prune). */
int privacy_prune(const struct catalog *cat, struct store *st, int64_t now,
		  struct store_privacy_counts *out);

/*
 * The daemon's call, at start and once a day: prune, log what was pruned
 * (counts only) or why it failed, then give the log file's space back
 * (best effort). Never fatal.
 */
void privacy_daily(const struct catalog *cat, struct store *st, int64_t now);

/*
 * Write as JSON to out everything held about e164 (found with
 * privacy_find): the forms it is stored in, texts in and out with their
 * PDUs, parts of long texts, bookings, the pending conversation, the "no"s
 * the desk gave, the opt-out. Times are local business time with their
 * UTC offset. Returns STORE_OK (and *rows, may be NULL, the rows written)
 * or a negative store error; -100 when writing out failed.
 */
int privacy_export_json(const struct catalog *cat, struct store *st,
			const char *e164, int64_t now, FILE *out, size_t *rows);

#endif
