/*
 * store_inbox: inbound messages, committed before the modem's copy is
 * deleted (Invariant 1) and marked answered or ignored when handled. See
 * include/smsdesk/store.h for the contract.
 */
#include "store_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char SQL_IN_INSERT[] =
    "INSERT INTO inbox (sender, smsc_time, pdu_hash, pdu_hex, text, flags,"
    " modem, received_at, sender_ton)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
    " ON CONFLICT (sender, smsc_time, pdu_hash) DO NOTHING";
static const char SQL_IN_FIND[] =
    "SELECT id FROM inbox WHERE sender = ?1 AND smsc_time = ?2"
    " AND pdu_hash = ?3";
static const char SQL_IN_GET[] =
    "SELECT id, sender, smsc_time, received_at, flags, modem, state,"
    " reason, handled_at, pdu_hex, text, sender_ton FROM inbox WHERE id = ?1";
static const char SQL_IN_MARK[] =
    "UPDATE inbox SET state = ?2, reason = ?3, handled_at = ?4"
    " WHERE id = ?1 AND state = 0";
static const char SQL_IN_EXISTS[] = "SELECT 1 FROM inbox WHERE id = ?1";
static const char SQL_IN_UNANSWERED[] =
    "SELECT id FROM inbox WHERE state = 0 AND id > ?1 ORDER BY id LIMIT ?2";
static const char SQL_IN_RECENT[] =
    "SELECT text FROM inbox WHERE sender = ?1 AND received_at >= ?2"
    " ORDER BY received_at DESC, id DESC LIMIT ?3";

/*
 * FNV-1a (64 bit) of the PDU hex with case and white space ignored, so the
 * same message read twice — or joined with other separators — hashes alike.
 * Not a defence against forgery: it only tells re-reads apart from new
 * messages of one sender in one second.
 */
static void pdu_hash(const char *hex, char out[17])
{
	uint64_t h = 0xcbf29ce484222325u;

	for (const unsigned char *p = (const unsigned char *)hex; *p; p++) {
		if (isspace(*p))
			continue;
		h ^= (uint64_t)toupper(*p);
		h *= 0x100000001b3u;
	}
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}

int store_inbox_put(struct store *st, const struct store_inbox_new *in,
		    int64_t now, int64_t *id)
{
	const char *modem = in->modem != NULL ? in->modem : "";
	char hash[17];
	struct tx tx;
	int rc, existed = 0;

	if (!db_fits(in->sender, STORE_NUMBER_MAX) || in->pdu_hex == NULL ||
	    in->text == NULL || !db_fits(modem, STORE_ID_MAX) || id == NULL)
		return STORE_ERR_ARG;
	pdu_hash(in->pdu_hex, hash);
	rc = db_tx_enter(st, &tx);
	if (rc < 0)
		return rc;
	rc = db_exec(st, SQL_IN_INSERT,
		     DB_ARGS(DB_T(in->sender), DB_I(in->smsc_time), DB_T(hash),
			     DB_T(in->pdu_hex), DB_T(in->text), DB_I(in->flags),
			     DB_T(modem), DB_I(now), DB_I(in->sender_ton)));
	if (rc == STORE_OK && db_changes(st) == 0) {
		existed = 1;
		rc = db_int(
		    st, SQL_IN_FIND,
		    DB_ARGS(DB_T(in->sender), DB_I(in->smsc_time), DB_T(hash)),
		    id);
		if (rc == STORE_ERR_NOT_FOUND)
			rc = STORE_OK;
	} else if (rc == STORE_OK) {
		*id = db_last_id(st);
	}
	rc = db_tx_leave(st, &tx, rc);
	if (rc < 0)
		return rc;
	return existed ? STORE_EXISTS : STORE_OK;
}

int store_inbox_get(struct store *st, int64_t id, struct store_inbox_msg *out)
{
	sqlite3_stmt *s;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = db_row(st, SQL_IN_GET, DB_ARGS(DB_I(id)), &s);
	if (rc < 0)
		return rc;
	out->id = sqlite3_column_int64(s, 0);
	db_col_copy(s, 1, out->sender, sizeof(out->sender));
	out->smsc_time = sqlite3_column_int64(s, 2);
	out->received_at = sqlite3_column_int64(s, 3);
	out->flags = (unsigned)sqlite3_column_int(s, 4);
	db_col_copy(s, 5, out->modem, sizeof(out->modem));
	out->state = (enum store_in_state)sqlite3_column_int(s, 6);
	db_col_copy(s, 7, out->reason, sizeof(out->reason));
	out->handled_at = sqlite3_column_int64(s, 8);
	out->pdu_hex = db_col_dup(s, 9);
	out->text = db_col_dup(s, 10);
	out->sender_ton = sqlite3_column_int(s, 11);
	db_done(s);
	if (out->pdu_hex == NULL || out->text == NULL) {
		store_inbox_msg_clear(out);
		return STORE_ERR_NOMEM;
	}
	return STORE_OK;
}

void store_inbox_msg_clear(struct store_inbox_msg *msg)
{
	free(msg->pdu_hex);
	free(msg->text);
	msg->pdu_hex = NULL;
	msg->text = NULL;
}

static int inbox_mark(struct store *st, int64_t id, enum store_in_state to,
		      const char *reason, int64_t now)
{
	int rc = db_exec(st, SQL_IN_MARK,
			 DB_ARGS(DB_I(id), DB_I(to), DB_T(reason), DB_I(now)));

	if (rc < 0)
		return rc;
	return db_changed_or_why(st, SQL_IN_EXISTS, id);
}

int store_inbox_mark_answered(struct store *st, int64_t id, int64_t now)
{
	return inbox_mark(st, id, STORE_IN_ANSWERED, "", now);
}

int store_inbox_mark_ignored(struct store *st, int64_t id, const char *reason,
			     int64_t now)
{
	if (!db_fits(reason, STORE_ID_MAX))
		return STORE_ERR_ARG;
	return inbox_mark(st, id, STORE_IN_IGNORED, reason, now);
}

int store_inbox_unanswered(struct store *st, int64_t after_id, int64_t *ids,
			   size_t cap)
{
	struct db_ids list = {ids, 0};
	int rc;

	if (cap > 100000)
		cap = 100000;
	rc = db_each(st, SQL_IN_UNANSWERED, DB_ARGS(DB_I(after_id), DB_I(cap)),
		     db_collect_id, &list);
	return rc < 0 ? rc : (int)list.n;
}

static int collect_text(void *ctx, sqlite3_stmt *row)
{
	struct store_strings *out = ctx;

	out->v[out->n] = db_col_dup(row, 0);
	if (out->v[out->n] == NULL)
		return STORE_ERR_NOMEM;
	out->n++;
	return STORE_OK;
}

int store_inbox_recent(struct store *st, const char *sender, int64_t since,
		       size_t max, struct store_strings *out)
{
	int rc;

	out->v = NULL;
	out->n = 0;
	if (max == 0)
		return STORE_OK;
	out->v = calloc(max, sizeof(*out->v));
	if (out->v == NULL)
		return STORE_ERR_NOMEM;
	rc = db_each(st, SQL_IN_RECENT,
		     DB_ARGS(DB_T(sender), DB_I(since), DB_I(max)),
		     collect_text, out);
	if (rc < 0)
		store_strings_free(out);
	return rc;
}
