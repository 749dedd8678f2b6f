/*
 * store_clock: what waits keeps its length when the wall clock steps.
 * See store.h, "clock".
 */
#include "store_internal.h"

/*
 * Every wall time that measures a wait from "now" moves with the step:
 * when a queued part may next be tried (retry backoff), when a queued
 * message was created (reply expiry counts from it), and when a
 * conversation expires. Bookings, reminders and the record of what came
 * and went are absolute times and stay.
 */
static const char SQL_SHIFT_PARTS[] =
    "UPDATE out_part SET next_try_at = next_try_at + ?1 WHERE state = 0";
static const char SQL_SHIFT_MSGS[] =
    "UPDATE out_msg SET created_at = created_at + ?1 WHERE id IN"
    " (SELECT msg_id FROM out_part WHERE state IN (0, 1))";
/* A reply's expiry is a wait from its queueing; a reminder's is its
 * booking's start, absolute (origin 2 keeps it). */
static const char SQL_SHIFT_EXPIRY[] =
    "UPDATE out_msg SET expires_at = expires_at + ?1 WHERE expires_at != 0"
    " AND origin != 2 AND id IN (SELECT msg_id FROM out_part"
    " WHERE state IN (0, 1))";
static const char SQL_SHIFT_CONV[] =
    "UPDATE conversations SET expires_at = expires_at + ?1,"
    " updated_at = updated_at + ?1";

int store_shift_waits(struct store *st, int64_t step)
{
	struct tx tx;
	int rc = db_tx_enter(st, &tx);

	if (rc < 0)
		return rc;
	rc = db_exec(st, SQL_SHIFT_PARTS, DB_ARGS(DB_I(step)));
	if (rc >= 0)
		rc = db_exec(st, SQL_SHIFT_MSGS, DB_ARGS(DB_I(step)));
	if (rc >= 0)
		rc = db_exec(st, SQL_SHIFT_EXPIRY, DB_ARGS(DB_I(step)));
	if (rc >= 0)
		rc = db_exec(st, SQL_SHIFT_CONV, DB_ARGS(DB_I(step)));
	return db_tx_leave(st, &tx, rc);
}
