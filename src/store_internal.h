/*
 * store_internal: what the store*.c files share and nobody else may see —
 * struct store, the statement cache, the query helpers, the transaction
 * helpers and a few small checks. Include it only from src/store*.c: it
 * brings in sqlite3.h, which no other module may include.
 *
 * How a store file is written (see store_inbox.c for a short example):
 *
 *   static const char SQL_X[] = "UPDATE t SET a = ?2 WHERE id = ?1";
 *   ...
 *   rc = db_exec(st, SQL_X, DB_ARGS(DB_I(id), DB_T(a)));
 *
 * Each query is a static const char array in the file that uses it; the
 * array's address is its key in the per-connection statement cache, so a
 * statement is prepared once, on first use, and kept until store_close.
 * A statement must not be re-entered: do not run SQL_X from inside a
 * db_each callback that is walking SQL_X.
 *
 * Schema changes go to the migration table in store_schema.c (append a
 * step; never edit one).
 */
#ifndef SMSDESK_STORE_INTERNAL_H
#define SMSDESK_STORE_INTERNAL_H

#include "smsdesk/store.h"

#include <sqlite3.h>

#include <stddef.h>
#include <stdint.h>

/* Room in the statement cache (open addressing: keep it half empty). */
#define STORE_STMT_SLOTS 512

struct store_stmt_slot {
	const char *sql;    /* the key: address of a static query string */
	sqlite3_stmt *stmt; /* prepared on first use */
};

struct store {
	sqlite3 *db;
	struct store_stmt_slot stmts[STORE_STMT_SLOTS];
	size_t n_stmts;
	int in_tx;    /* the caller's store_begin is open */
	int readonly; /* STORE_OPEN_READONLY */
	int schema_found;
	store_random_fn random;
	void *random_ctx;
	/* The opt-out key (hex), read once: it never changes in a file. */
	char optout_key[65];
	char errmsg[256];
	/* store_set_busy_budget (store_busy.c): the most all calls together
	 * may wait for the lock until the next store_busy_budget_reset. */
	int busy_budget_ms, busy_left_ms;
	/* store_set_places: bookings of any service that may overlap (the
	 * catalog's business.capacity); 0: no limit across services. */
	int places;
};

/* ---- binding: typed arguments, counted by the DB_ARGS macro ----------- */

enum db_arg_kind {
	DB_ARG_NULL,
	DB_ARG_INT,
	DB_ARG_TEXT,
};

struct db_arg {
	enum db_arg_kind kind;
	int64_t i;
	const char *t; /* borrowed until the statement is reset */
};

/* ?N is the N-th argument. DB_T(NULL) binds SQL NULL. */
#define DB_I(v) ((struct db_arg){DB_ARG_INT, (int64_t)(v), NULL})
#define DB_T(v) ((struct db_arg){DB_ARG_TEXT, 0, (v)})
#define DB_NULL ((struct db_arg){DB_ARG_NULL, 0, NULL})

/* Expands to the two parameters `args, n` of the db_ helpers below. */
#define DB_ARGS(...)                                                           \
	(const struct db_arg[]){__VA_ARGS__},                                  \
	    sizeof((const struct db_arg[]){__VA_ARGS__}) /                     \
		sizeof(struct db_arg)
/* For a query without parameters. */
#define DB_NO_ARGS NULL, 0

/* ---- the query helpers --------------------------------------------------
 *
 * Each returns STORE_OK (0) or a negative enum store_err, with st->errmsg
 * saying what sqlite reported. Statements come back reset either way,
 * except the row db_row hands out, which the caller ends with db_done.
 */

/* Prepare (cached), bind and run a statement that returns no rows. */
int db_exec(struct store *st, const char *sql, const struct db_arg *args,
	    size_t n);
/*
 * Prepare, bind and step once. STORE_OK with *row on the first row: read
 * its columns, then db_done(*row). STORE_ERR_NOT_FOUND when there is none.
 */
int db_row(struct store *st, const char *sql, const struct db_arg *args,
	   size_t n, sqlite3_stmt **row);
/*
 * Call each(ctx, row) for every row; a negative return stops the walk and
 * becomes the result.
 */
typedef int (*db_row_fn)(void *ctx, sqlite3_stmt *row);
int db_each(struct store *st, const char *sql, const struct db_arg *args,
	    size_t n, db_row_fn each, void *ctx);
/*
 * Column 0 of the first row as an integer. STORE_ERR_NOT_FOUND when there
 * is no row or the value is NULL (an aggregate over no rows).
 */
int db_int(struct store *st, const char *sql, const struct db_arg *args,
	   size_t n, int64_t *out);
/* A db_each callback collecting column 0 of each row into ids (the query's
 * LIMIT keeps it within the caller's room). */
struct db_ids {
	int64_t *ids;
	size_t n;
};
int db_collect_id(void *ctx, sqlite3_stmt *row);
/* End a row handed out by db_row (reset, bindings cleared). */
void db_done(sqlite3_stmt *s);

/* Rows changed by the last write; the rowid of the last insert. */
int db_changes(struct store *st);
int64_t db_last_id(struct store *st);
/* Remember what sqlite said about rc and map its code to ours. */
int db_fail(struct store *st, int rc, const char *what);

/*
 * After an UPDATE guarded by "AND state = ...": STORE_OK when it changed a
 * row, else STORE_ERR_NOT_FOUND or STORE_ERR_STATE as exists_sql (one
 * parameter, the id) finds the row missing or present.
 */
int db_changed_or_why(struct store *st, const char *exists_sql, int64_t id);

/* ---- columns ----------------------------------------------------------- */

/* Copy a text column into out (cap bytes, truncated; "" for NULL). */
void db_col_copy(sqlite3_stmt *s, int i, char *out, size_t cap);
/* A heap copy of a text column ("" for NULL); NULL when out of memory. */
char *db_col_dup(sqlite3_stmt *s, int i);

/* ---- transactions -------------------------------------------------------
 *
 * Every multi-step change runs between db_tx_enter and db_tx_leave: its own
 * BEGIN IMMEDIATE when the caller holds no transaction, else a savepoint
 * inside the caller's, so a failed step never leaves half a change.
 */
struct tx {
	int own;
	int read; /* tx_enter_read: a snapshot, nothing to undo */
};
int db_tx_enter(struct store *st, struct tx *tx);
/* Commit (rc >= 0) or undo (rc < 0); returns rc or the commit's failure. */
int db_tx_leave(struct store *st, struct tx *tx, int rc);
/* A read snapshot (BEGIN DEFERRED) unless the caller holds a transaction;
 * end it with db_tx_leave. */
int db_tx_enter_read(struct store *st, struct tx *tx);

/* ---- schema (store_schema.c, helpers in store.c) ------------------------ */

/* Run every statement of a script (DDL, pragmas); STORE_OK or < 0. */
int db_script(struct store *st, const char *sql);
/* PRAGMA user_version into *version; STORE_OK or < 0 (errmsg set). */
int db_user_version(struct store *st, int *version);
/*
 * Bring the schema from whatever it is to `target` (at most
 * STORE_SCHEMA_VERSION), in one transaction, so a crash mid-upgrade leaves
 * the old version intact. STORE_OK, or < 0 with the reason in err.
 */
int db_migrate(struct store *st, int target, char *err, size_t cap);

/* ---- privacy (store_privacy.c) ----------------------------------------- */

/* Migration step 3's C part: the random key of the opt-out hashes. */
int db_privacy_setup(struct store *st);
/*
 * The keyed hash an opt-out is kept as once its customer is forgotten:
 * "#" and the HMAC-SHA-256 of number under the file's key, in hex, into
 * out (at least STORE_OPTOUT_KEY_MAX bytes).
 */
#define STORE_OPTOUT_KEY_MAX 66
int db_optout_key(struct store *st, const char *number, char *out);
/*
 * SQL functions for queries that must match an opt-out kept as a hash:
 * optout_key(number) is db_optout_key's result ("" when the file has no
 * key yet), so "optouts.number IN (x, optout_key(x))" finds both forms.
 * Registered on every connection when it opens.
 */
int db_privacy_functions(struct store *st);

/*
 * Erasing one person (store_forget, per stored form of the number): every
 * outbound text that names the number — a forward to the staff, a
 * confirmation to a staff phone (store_handoff.c) — blanked with its
 * PDUs, and given up if still queued; *count grows by the texts blanked.
 */
int db_forget_mentions(struct store *st, const char *number, int64_t now,
		       int64_t *count);

/* ---- small checks ------------------------------------------------------ */

/* Does v fit a buffer of cap bytes (NUL included)? NULL never fits. */
int db_fits(const char *v, size_t cap);
/* Room for one more element after n of `size` bytes: the new array (its
 * last element zeroed), or NULL with v untouched. */
void *store_grow(void *v, size_t n, size_t size);

#endif
