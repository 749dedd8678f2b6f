/*
 * store_modem: what the modem side must remember beyond a process — the
 * parts of long texts until their message is committed (and as the record
 * that they were), and the PINs a SIM refused. See include/smsdesk/store.h.
 */
#include "store_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const char SQL_PART_INSERT[] =
    "INSERT INTO in_part (sender, sender_ton, ref, total, seq, pdu_hex,"
    " tpdu_len, modem, received_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
    " ?9) ON CONFLICT (sender, pdu_hex) DO NOTHING";
static const char SQL_PART_FIND[] =
    "SELECT id, coalesce(inbox_id, 0) FROM in_part"
    " WHERE sender = ?1 AND pdu_hex = ?2";
static const char SQL_PART_GROUP[] =
    "SELECT id, seq, sender_ton, tpdu_len, received_at,"
    " coalesce(inbox_id, 0), modem, pdu_hex FROM in_part"
    " WHERE sender = ?1 AND ref = ?2 AND total = ?3 AND received_at >= ?4"
    " ORDER BY received_at, id";
static const char SQL_PART_TIE[] =
    "UPDATE in_part SET inbox_id = ?2 WHERE id = ?1";
static const char SQL_PART_OLDEST[] =
    "SELECT min(received_at) FROM in_part WHERE inbox_id IS NULL";
static const char SQL_PART_EXPIRED[] =
    "SELECT sender, ref, total FROM in_part WHERE inbox_id IS NULL"
    " AND received_at < ?1 ORDER BY received_at, id LIMIT 1";
static const char SQL_PART_KEYS[] =
    "SELECT sender, ref, total FROM in_part WHERE inbox_id IS NULL"
    " GROUP BY sender, ref, total ORDER BY min(received_at) LIMIT ?1";
static const char SQL_PART_PRUNE[] =
    "DELETE FROM in_part WHERE inbox_id IS NOT NULL AND received_at < ?1";
static const char SQL_PIN_REFUSED[] =
    "SELECT 1 FROM sim_pin_refused WHERE sim_id = ?1 AND pin_hash = ?2";
static const char SQL_PIN_ADD[] =
    "INSERT INTO sim_pin_refused (sim_id, pin_hash, refused_at)"
    " VALUES (?1, ?2, ?3) ON CONFLICT (sim_id, pin_hash) DO UPDATE"
    " SET refused_at = ?3";
static const char SQL_PIN_FORGET[] =
    "DELETE FROM sim_pin_refused WHERE sim_id = ?1";

/* Upper case, no white space: the same part read twice compares equal. */
static char *canonical_hex(const char *hex)
{
	size_t n = strlen(hex), o = 0;
	char *out = malloc(n + 1);

	if (out == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (!isspace((unsigned char)hex[i]))
			out[o++] = (char)toupper((unsigned char)hex[i]);
	out[o] = '\0';
	return out;
}

void store_parts_free(struct store_parts *parts)
{
	for (size_t i = 0; i < parts->n; i++)
		free(parts->v[i].pdu_hex);
	free(parts->v);
	parts->v = NULL;
	parts->n = 0;
}

int store_part_put(struct store *st, const struct store_part_new *p,
		   int64_t now, int64_t *id, int64_t *inbox_id)
{
	const char *modem = p->modem != NULL ? p->modem : "";
	sqlite3_stmt *s;
	char *hex;
	int rc, existed = 0;
	int64_t found_id = 0, found_inbox = 0;

	if (!db_fits(p->sender, STORE_NUMBER_MAX) || p->pdu_hex == NULL ||
	    !db_fits(modem, STORE_ID_MAX) || p->total < 1 || p->seq < 1 ||
	    p->seq > p->total)
		return STORE_ERR_ARG;
	hex = canonical_hex(p->pdu_hex);
	if (hex == NULL)
		return STORE_ERR_NOMEM;
	rc = db_exec(st, SQL_PART_INSERT,
		     DB_ARGS(DB_T(p->sender), DB_I(p->sender_ton), DB_I(p->ref),
			     DB_I(p->total), DB_I(p->seq), DB_T(hex),
			     DB_I(p->tpdu_len), DB_T(modem), DB_I(now)));
	if (rc == STORE_OK && db_changes(st) == 1) {
		found_id = db_last_id(st);
	} else if (rc == STORE_OK) {
		existed = 1;
		rc = db_row(st, SQL_PART_FIND,
			    DB_ARGS(DB_T(p->sender), DB_T(hex)), &s);
		if (rc == STORE_OK) {
			found_id = sqlite3_column_int64(s, 0);
			found_inbox = sqlite3_column_int64(s, 1);
			db_done(s);
		}
	}
	free(hex);
	if (rc < 0)
		return rc;
	if (id != NULL)
		*id = found_id;
	if (inbox_id != NULL)
		*inbox_id = found_inbox;
	return existed ? STORE_EXISTS : STORE_OK;
}

static int collect_part(void *ctx, sqlite3_stmt *row)
{
	struct store_parts *out = ctx;
	struct store_part *v = store_grow(out->v, out->n, sizeof(*v));
	struct store_part *p;

	if (v == NULL)
		return STORE_ERR_NOMEM;
	out->v = v;
	p = &v[out->n];
	p->id = sqlite3_column_int64(row, 0);
	p->seq = sqlite3_column_int(row, 1);
	p->sender_ton = sqlite3_column_int(row, 2);
	p->tpdu_len = sqlite3_column_int(row, 3);
	p->received_at = sqlite3_column_int64(row, 4);
	p->inbox_id = sqlite3_column_int64(row, 5);
	db_col_copy(row, 6, p->modem, sizeof(p->modem));
	p->pdu_hex = db_col_dup(row, 7);
	if (p->pdu_hex == NULL)
		return STORE_ERR_NOMEM;
	out->n++;
	return STORE_OK;
}

int store_part_group(struct store *st, const char *sender, int ref, int total,
		     int64_t since, struct store_parts *out)
{
	int rc;

	out->v = NULL;
	out->n = 0;
	if (!db_fits(sender, STORE_NUMBER_MAX))
		return STORE_ERR_ARG;
	rc = db_each(st, SQL_PART_GROUP,
		     DB_ARGS(DB_T(sender), DB_I(ref), DB_I(total), DB_I(since)),
		     collect_part, out);
	if (rc < 0)
		store_parts_free(out);
	return rc;
}

int store_part_commit(struct store *st, const int64_t *part_ids, size_t n,
		      const struct store_inbox_new *row, int64_t now,
		      int64_t *inbox_id)
{
	struct tx tx;
	int rc, put;

	rc = db_tx_enter(st, &tx);
	if (rc < 0)
		return rc;
	put = rc = store_inbox_put(st, row, now, inbox_id);
	for (size_t i = 0; rc >= 0 && i < n; i++)
		rc = db_exec(st, SQL_PART_TIE,
			     DB_ARGS(DB_I(part_ids[i]), DB_I(*inbox_id)));
	rc = db_tx_leave(st, &tx, rc < 0 ? rc : STORE_OK);
	return rc < 0 ? rc : put;
}

int store_part_tie(struct store *st, int64_t part_id, int64_t inbox_id)
{
	int rc =
	    db_exec(st, SQL_PART_TIE, DB_ARGS(DB_I(part_id), DB_I(inbox_id)));

	if (rc < 0)
		return rc;
	return db_changes(st) == 1 ? STORE_OK : STORE_ERR_NOT_FOUND;
}

int store_part_oldest_waiting(struct store *st, int64_t *received_at)
{
	return db_int(st, SQL_PART_OLDEST, DB_NO_ARGS, received_at);
}

int store_part_expired(struct store *st, int64_t before,
		       char sender[STORE_NUMBER_MAX], int *ref, int *total)
{
	sqlite3_stmt *s;
	int rc = db_row(st, SQL_PART_EXPIRED, DB_ARGS(DB_I(before)), &s);

	if (rc < 0)
		return rc;
	db_col_copy(s, 0, sender, STORE_NUMBER_MAX);
	*ref = sqlite3_column_int(s, 1);
	*total = sqlite3_column_int(s, 2);
	db_done(s);
	return STORE_OK;
}

struct key_list {
	struct store_part_key *v;
	size_t n;
};

static int collect_key(void *ctx, sqlite3_stmt *row)
{
	struct key_list *list = ctx;
	struct store_part_key *k = &list->v[list->n++];

	db_col_copy(row, 0, k->sender, sizeof(k->sender));
	k->ref = sqlite3_column_int(row, 1);
	k->total = sqlite3_column_int(row, 2);
	return STORE_OK;
}

int store_part_waiting_keys(struct store *st, struct store_part_key *keys,
			    size_t cap)
{
	struct key_list list = {keys, 0};
	int rc;

	if (cap > 100000)
		cap = 100000;
	rc = db_each(st, SQL_PART_KEYS, DB_ARGS(DB_I(cap)), collect_key, &list);
	return rc < 0 ? rc : (int)list.n;
}

int store_part_prune(struct store *st, int64_t before)
{
	int rc = db_exec(st, SQL_PART_PRUNE, DB_ARGS(DB_I(before)));

	return rc < 0 ? rc : db_changes(st);
}

int store_sim_pin_refused(struct store *st, const char *sim_id,
			  const char *pin_hash)
{
	int64_t one;
	int rc;

	if (!db_fits(sim_id, STORE_ID_MAX) || !db_fits(pin_hash, STORE_ID_MAX))
		return STORE_ERR_ARG;
	rc = db_int(st, SQL_PIN_REFUSED, DB_ARGS(DB_T(sim_id), DB_T(pin_hash)),
		    &one);
	if (rc == STORE_ERR_NOT_FOUND)
		return 0;
	return rc < 0 ? rc : 1;
}

int store_sim_pin_record(struct store *st, const char *sim_id,
			 const char *pin_hash, int accepted, int64_t now)
{
	if (!db_fits(sim_id, STORE_ID_MAX) || !db_fits(pin_hash, STORE_ID_MAX))
		return STORE_ERR_ARG;
	if (accepted)
		return db_exec(st, SQL_PIN_FORGET, DB_ARGS(DB_T(sim_id)));
	return db_exec(st, SQL_PIN_ADD,
		       DB_ARGS(DB_T(sim_id), DB_T(pin_hash), DB_I(now)));
}
