/*
 * store_summary: which summary texts went to which staff phone, so that a
 * summary goes once per period whatever restarts in between. See
 * include/smsdesk/store.h.
 */
#include "store_internal.h"

#include <string.h>

/* A year and a month: the longest a weekly summary ever looks back, and
 * more; older rows are of no use. */
#define SUMMARY_KEEP_SECONDS (400 * 24 * 3600LL)

static const char SQL_HAS[] = "SELECT count(*) FROM staff_summary"
			      " WHERE phone = ?1 AND kind = ?2 AND period = ?3";
static const char SQL_CLAIM[] =
    "INSERT OR IGNORE INTO staff_summary (phone, kind, period, at)"
    " VALUES (?1, ?2, ?3, ?4)";
static const char SQL_PRUNE[] = "DELETE FROM staff_summary WHERE at < ?1";
static const char SQL_DONE[] =
    "UPDATE staff_summary SET msg_id = ?4, note = ?5"
    " WHERE phone = ?1 AND kind = ?2 AND period = ?3";
static const char SQL_LAST[] =
    "SELECT max(at) FROM staff_summary"
    " WHERE phone = ?1 AND kind = ?2 AND period != ?3";

static int args_ok(const char *phone, const char *kind, const char *period)
{
	return db_fits(phone, STORE_NUMBER_MAX) &&
	       db_fits(kind, STORE_ID_MAX) && db_fits(period, STORE_ID_MAX);
}

int store_summary_has(struct store *st, const char *phone, const char *kind,
		      const char *period)
{
	int64_t n = 0;
	int rc;

	if (!args_ok(phone, kind, period))
		return STORE_ERR_ARG;
	rc = db_int(st, SQL_HAS, DB_ARGS(DB_T(phone), DB_T(kind), DB_T(period)),
		    &n);
	return rc < 0 ? rc : n > 0;
}

int store_summary_claim(struct store *st, const char *phone, const char *kind,
			const char *period, int64_t now)
{
	struct tx tx;
	int rc, claimed = 0;

	if (!args_ok(phone, kind, period))
		return STORE_ERR_ARG;
	rc = db_tx_enter(st, &tx);
	if (rc < 0)
		return rc;
	rc = db_exec(st, SQL_PRUNE, DB_ARGS(DB_I(now - SUMMARY_KEEP_SECONDS)));
	if (rc == STORE_OK)
		rc = db_exec(
		    st, SQL_CLAIM,
		    DB_ARGS(DB_T(phone), DB_T(kind), DB_T(period), DB_I(now)));
	if (rc == STORE_OK)
		claimed = db_changes(st) > 0;
	rc = db_tx_leave(st, &tx, rc);
	return rc < 0 ? rc : claimed;
}

int store_summary_done(struct store *st, const char *phone, const char *kind,
		       const char *period, int64_t msg_id, const char *note)
{
	if (!args_ok(phone, kind, period) || note == NULL ||
	    !db_fits(note, STORE_NOTE_MAX))
		return STORE_ERR_ARG;
	return db_exec(st, SQL_DONE,
		       DB_ARGS(DB_T(phone), DB_T(kind), DB_T(period),
			       DB_I(msg_id), DB_T(note)));
}

int store_summary_last(struct store *st, const char *phone, const char *kind,
		       const char *period, int64_t *at)
{
	if (!args_ok(phone, kind, period))
		return STORE_ERR_ARG;
	return db_int(st, SQL_LAST,
		      DB_ARGS(DB_T(phone), DB_T(kind), DB_T(period)), at);
}
