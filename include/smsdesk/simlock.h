/*
 * simlock: never lock the SIM. The modem driver enters a PIN only after
 * asking a PIN guard (modem.h); this module is that guard, backed by the
 * database, so that a PIN a SIM refused is remembered per SIM (by ICCID)
 * across restarts and across `smsdesk serve` and `smsdesk modem`: systemd
 * restarting the daemon every few seconds would otherwise spend the SIM's
 * three tries and leave it wanting its PUK.
 *
 * It must never store or log the PIN: the database keeps a hash of (SIM,
 * PIN), enough to tell "the same PIN again" from "a corrected PIN". (A
 * 4-digit PIN can be found from its hash by trying all 10,000: the hash
 * keeps the PIN out of plain sight in backups and reports, it is not a
 * secret store.)
 */
#ifndef SMSDESK_SIMLOCK_H
#define SMSDESK_SIMLOCK_H

#include "smsdesk/modem.h"
#include "smsdesk/store.h"

#include <stdint.h>

/*
 * A PIN guard on ST (borrowed: it must outlive every modem given the
 * guard). A refusal is time-stamped with the wall clock, as a label only.
 */
void simlock_guard(struct store *st, struct modem_pin_guard *out);

/* The hash stored for (SIM_ID, PIN): 16 hex digits into out[17]. */
void simlock_hash(const char *sim_id, const char *pin, char out[17]);

#endif
