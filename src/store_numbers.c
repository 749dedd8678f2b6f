/*
 * store_numbers: the stored phone numbers as a whole — rewriting them into
 * one form (store_renumber: E.164 when the caller's function says so), and
 * whether a bearer ever used this file. See include/smsdesk/store.h.
 */
#include "store_internal.h"

#include <stdlib.h>
#include <string.h>

static const char SQL_META_GET[] = "SELECT value FROM meta WHERE key = ?1";
static const char SQL_META_SET[] =
    "INSERT INTO meta (key, value) VALUES (?1, ?2)"
    " ON CONFLICT (key) DO UPDATE SET value = ?2";
/* Every number a table holds for a customer (the inbox keeps its own). */
static const char SQL_NUMBERS[] =
    "SELECT to_number FROM out_msg UNION SELECT customer FROM bookings"
    " UNION SELECT number FROM optouts UNION SELECT sender FROM"
    " conversations UNION SELECT sender FROM ledger";
static const char SQL_MAP_CREATE[] =
    "CREATE TEMP TABLE IF NOT EXISTS renumber ("
    " old TEXT PRIMARY KEY, new TEXT NOT NULL)";
static const char SQL_MAP_CLEAR[] = "DELETE FROM temp.renumber";
static const char SQL_MAP_ADD[] =
    "INSERT INTO temp.renumber (old, new) VALUES (?1, ?2)";
#define RENUMBER(table, col)                                                   \
	"UPDATE " table " SET " col " = (SELECT new FROM temp.renumber"        \
	" WHERE old = " col ") WHERE " col " IN (SELECT old FROM"              \
	" temp.renumber)"
static const char SQL_RE_OUT[] = RENUMBER("out_msg", "to_number");
static const char SQL_RE_BOOKINGS[] = RENUMBER("bookings", "customer");
static const char SQL_RE_LEDGER[] = RENUMBER("ledger", "sender");
/* Keyed tables: merge into the new key, then drop the old rows. */
static const char SQL_RE_OPTOUTS[] =
    "INSERT INTO optouts (number, since) SELECT r.new, o.since FROM optouts o"
    " JOIN temp.renumber r ON r.old = o.number WHERE true"
    " ON CONFLICT (number) DO UPDATE SET since = min(since, excluded.since)";
static const char SQL_RE_OPTOUTS_DROP[] =
    "DELETE FROM optouts WHERE number IN (SELECT old FROM temp.renumber)";
static const char SQL_RE_CONV[] =
    "INSERT INTO conversations (sender, kind, state, expires_at, updated_at,"
    " lang) SELECT r.new, c.kind, c.state, c.expires_at, c.updated_at,"
    " c.lang"
    " FROM conversations c JOIN temp.renumber r ON r.old = c.sender"
    " WHERE true ORDER BY c.updated_at"
    " ON CONFLICT (sender) DO UPDATE SET kind = excluded.kind,"
    " state = excluded.state, expires_at = excluded.expires_at,"
    " updated_at = excluded.updated_at, lang = excluded.lang"
    " WHERE excluded.updated_at >= conversations.updated_at";
static const char SQL_RE_CONV_DROP[] =
    "DELETE FROM conversations WHERE sender IN (SELECT old FROM"
    " temp.renumber)";
static const char SQL_SERVED[] =
    "SELECT EXISTS (SELECT 1 FROM inbox WHERE modem != '')"
    " OR EXISTS (SELECT 1 FROM out_part WHERE sent_at > 0 OR state IN"
    " (1, 2, 3))";

static const char META_NUMBERS[] = "numbers";

struct renumber_walk {
	store_number_fn fn;
	void *ctx;
	char (*old)[STORE_NUMBER_MAX];
	char (*new)[STORE_NUMBER_MAX];
	size_t n, cap;
};

/* Remember stored → new when fn changes it. */
static int map_number(void *ctx, sqlite3_stmt *row)
{
	struct renumber_walk *w = ctx;
	char stored[STORE_NUMBER_MAX], fresh[STORE_NUMBER_MAX];

	db_col_copy(row, 0, stored, sizeof(stored));
	if (w->fn(w->ctx, stored, fresh, sizeof(fresh)) != 0 ||
	    fresh[0] == '\0' || strcmp(fresh, stored) == 0)
		return STORE_OK;
	if (w->n == w->cap) {
		size_t cap = w->cap == 0 ? 16 : w->cap * 2;
		void *o = realloc(w->old, cap * sizeof(*w->old));
		void *n;

		if (o == NULL)
			return STORE_ERR_NOMEM;
		w->old = o;
		n = realloc(w->new, cap * sizeof(*w->new));
		if (n == NULL)
			return STORE_ERR_NOMEM;
		w->new = n;
		w->cap = cap;
	}
	memcpy(w->old[w->n], stored, sizeof(stored));
	memcpy(w->new[w->n], fresh, sizeof(fresh));
	w->n++;
	return STORE_OK;
}

/* Apply the mapping in temp.renumber to every table. */
static int apply_map(struct store *st)
{
	static const char *const steps[] = {
	    SQL_RE_OUT,	      SQL_RE_BOOKINGS,	   SQL_RE_LEDGER,
	    SQL_RE_OPTOUTS,   SQL_RE_OPTOUTS_DROP, SQL_RE_CONV,
	    SQL_RE_CONV_DROP,
	};
	int rc = STORE_OK;

	for (size_t i = 0; rc == STORE_OK && i < sizeof(steps) / sizeof(*steps);
	     i++)
		rc = db_exec(st, steps[i], DB_NO_ARGS);
	return rc;
}

/* Is the meta value of key equal to value? 1, 0, or a negative error. */
static int meta_is(struct store *st, const char *key, const char *value)
{
	sqlite3_stmt *s;
	int rc = db_row(st, SQL_META_GET, DB_ARGS(DB_T(key)), &s), same;

	if (rc == STORE_ERR_NOT_FOUND)
		return 0;
	if (rc < 0)
		return rc;
	same = strcmp((const char *)sqlite3_column_text(s, 0), value) == 0;
	db_done(s);
	return same;
}

int store_renumber(struct store *st, const char *tag, store_number_fn fn,
		   void *ctx)
{
	struct renumber_walk w = {fn, ctx, NULL, NULL, 0, 0};
	struct tx tx;
	int rc;

	if (tag == NULL || fn == NULL)
		return STORE_ERR_ARG;
	rc = meta_is(st, META_NUMBERS, tag);
	if (rc != 0)
		return rc < 0 ? rc : 0;
	rc = db_tx_enter(st, &tx);
	if (rc < 0)
		return rc;
	rc = meta_is(st, META_NUMBERS, tag); /* again, under the lock */
	if (rc == 0)
		rc = db_each(st, SQL_NUMBERS, DB_NO_ARGS, map_number, &w);
	if (rc == STORE_OK && w.n > 0) {
		rc = db_exec(st, SQL_MAP_CREATE, DB_NO_ARGS);
		if (rc == STORE_OK)
			rc = db_exec(st, SQL_MAP_CLEAR, DB_NO_ARGS);
		for (size_t i = 0; rc == STORE_OK && i < w.n; i++)
			rc = db_exec(st, SQL_MAP_ADD,
				     DB_ARGS(DB_T(w.old[i]), DB_T(w.new[i])));
		if (rc == STORE_OK)
			rc = apply_map(st);
		if (rc == STORE_OK)
			rc = db_exec(st, SQL_MAP_CLEAR, DB_NO_ARGS);
	}
	if (rc == STORE_OK)
		rc = db_exec(st, SQL_META_SET,
			     DB_ARGS(DB_T(META_NUMBERS), DB_T(tag)));
	rc = db_tx_leave(st, &tx, rc);
	free(w.old);
	free(w.new);
	if (rc == 1) /* the tag was set meanwhile by another process */
		return 0;
	return rc < 0 ? rc : (int)w.n;
}

int store_has_served(struct store *st)
{
	int64_t yes = 0;
	int rc = db_int(st, SQL_SERVED, DB_NO_ARGS, &yes);

	return rc < 0 ? rc : yes != 0;
}
