/*
 * store: the sqlite file behind smsdesk. See include/smsdesk/store.h for the
 * contract and src/store_internal.h for how the store*.c files share it.
 *
 * This file: the schema as a table of forward migrations, opening and
 * closing, the statement cache and the query helpers every store file uses,
 * and transactions. The tables live in store_inbox.c, store_outbox.c,
 * store_bookings.c (bookings, conversations, opt-outs) and store_ledger.c
 * (referral ledger, report).
 */
#include "store_internal.h"

#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

/* ---- schema: one step per version, applied in order, never edited ------
 *
 * To change the schema, append one step at the end of this table and bump
 * STORE_SCHEMA_VERSION in store.h (the _Static_assert below checks the
 * two agree). When two branches each append a step, the integrator keeps
 * both, one after the other, and renumbers. A step is SQL, optionally
 * followed by C (`fix`) for what SQL cannot do; both run inside the
 * upgrade's one transaction.
 */
struct migration {
	const char *sql;
	int (*fix)(struct store *st); /* NULL or run after sql */
};

static const struct migration migrations[] = {
    /* 1: inbox, outbox, bookings, conversations, opt-outs */
    {.sql =
	 "CREATE TABLE inbox ("
	 " id INTEGER PRIMARY KEY,"
	 " sender TEXT NOT NULL,"
	 " smsc_time INTEGER NOT NULL,"
	 " pdu_hash TEXT NOT NULL,"
	 " pdu_hex TEXT NOT NULL,"
	 " text TEXT NOT NULL,"
	 " flags INTEGER NOT NULL DEFAULT 0,"
	 " modem TEXT NOT NULL DEFAULT '',"
	 " received_at INTEGER NOT NULL,"
	 " state INTEGER NOT NULL DEFAULT 0,"
	 " reason TEXT NOT NULL DEFAULT '',"
	 " handled_at INTEGER NOT NULL DEFAULT 0,"
	 " UNIQUE (sender, smsc_time, pdu_hash));"
	 "CREATE INDEX inbox_state ON inbox (state, id);"
	 "CREATE INDEX inbox_sender ON inbox (sender, received_at);"
	 "CREATE TABLE out_msg ("
	 " id INTEGER PRIMARY KEY,"
	 " to_number TEXT NOT NULL,"
	 " text TEXT NOT NULL,"
	 " origin INTEGER NOT NULL,"
	 " inbox_id INTEGER REFERENCES inbox (id),"
	 " modem TEXT NOT NULL DEFAULT '',"
	 " created_at INTEGER NOT NULL,"
	 " n_parts INTEGER NOT NULL);"
	 "CREATE INDEX out_msg_to ON out_msg (to_number, created_at);"
	 "CREATE TABLE out_part ("
	 " id INTEGER PRIMARY KEY,"
	 " msg_id INTEGER NOT NULL REFERENCES out_msg (id) ON DELETE CASCADE,"
	 " seq INTEGER NOT NULL,"
	 " pdu_hex TEXT NOT NULL,"
	 " tpdu_len INTEGER NOT NULL,"
	 " state INTEGER NOT NULL DEFAULT 0,"
	 " tries INTEGER NOT NULL DEFAULT 0,"
	 " next_try_at INTEGER NOT NULL,"
	 " last_error TEXT NOT NULL DEFAULT '',"
	 " modem TEXT NOT NULL DEFAULT '',"
	 " mr INTEGER NOT NULL DEFAULT -1,"
	 " sent_at INTEGER NOT NULL DEFAULT 0,"
	 " done_at INTEGER NOT NULL DEFAULT 0,"
	 " UNIQUE (msg_id, seq));"
	 "CREATE INDEX out_part_due ON out_part (state, next_try_at);"
	 "CREATE INDEX out_part_mr ON out_part (modem, mr, state);"
	 "CREATE TABLE bookings ("
	 " id INTEGER PRIMARY KEY,"
	 " ref TEXT NOT NULL UNIQUE,"
	 " service TEXT NOT NULL,"
	 " start INTEGER NOT NULL,"
	 " minutes INTEGER NOT NULL CHECK (minutes > 0),"
	 " customer TEXT NOT NULL,"
	 " state INTEGER NOT NULL DEFAULT 0,"
	 " created_at INTEGER NOT NULL,"
	 " cancelled_at INTEGER NOT NULL DEFAULT 0);"
	 "CREATE INDEX bookings_service ON bookings (service, start);"
	 "CREATE INDEX bookings_customer ON bookings (customer, start);"
	 "CREATE INDEX bookings_start ON bookings (start);"
	 "CREATE TABLE conversations ("
	 " sender TEXT PRIMARY KEY,"
	 " kind TEXT NOT NULL,"
	 " state TEXT NOT NULL,"
	 " expires_at INTEGER NOT NULL,"
	 " updated_at INTEGER NOT NULL);"
	 "CREATE TABLE optouts ("
	 " number TEXT PRIMARY KEY,"
	 " since INTEGER NOT NULL);"},

    /* 2: the referral ledger, and reminders */
    {.sql =
	 "ALTER TABLE bookings ADD COLUMN reminded_at INTEGER NOT NULL"
	 " DEFAULT 0;"
	 "CREATE TABLE ledger ("
	 " id INTEGER PRIMARY KEY,"
	 " sender TEXT NOT NULL,"
	 " requested TEXT NOT NULL,"
	 " reason TEXT NOT NULL,"
	 " created_at INTEGER NOT NULL);"
	 "CREATE INDEX ledger_created ON ledger (created_at);"
	 "CREATE TABLE ledger_referral ("
	 " ledger_id INTEGER NOT NULL REFERENCES ledger (id) ON DELETE CASCADE,"
	 " position INTEGER NOT NULL,"
	 " name TEXT NOT NULL,"
	 " PRIMARY KEY (ledger_id, position));"
	 "CREATE INDEX ledger_referral_name ON ledger_referral (name,"
	 " ledger_id);"},

    /*
     * 3 (modem): the sender's type of number on inbound rows; the parts of
     * long texts kept until their message is whole (and, once it is, as a
     * record that they were answered, so a re-read part is never answered
     * again); PINs a SIM refused, so that no later start enters them again.
     */
    {.sql = "ALTER TABLE inbox ADD COLUMN sender_ton INTEGER NOT NULL"
	    " DEFAULT -1;"
	    "CREATE TABLE in_part ("
	    " id INTEGER PRIMARY KEY,"
	    " sender TEXT NOT NULL,"
	    " sender_ton INTEGER NOT NULL,"
	    " ref INTEGER NOT NULL,"
	    " total INTEGER NOT NULL,"
	    " seq INTEGER NOT NULL,"
	    " pdu_hex TEXT NOT NULL,"
	    " tpdu_len INTEGER NOT NULL,"
	    " modem TEXT NOT NULL DEFAULT '',"
	    " received_at INTEGER NOT NULL,"
	    " inbox_id INTEGER REFERENCES inbox (id),"
	    " UNIQUE (sender, pdu_hex));"
	    "CREATE INDEX in_part_group ON in_part (sender, ref, total,"
	    " received_at);"
	    "CREATE INDEX in_part_open ON in_part (inbox_id, received_at);"
	    "CREATE TABLE sim_pin_refused ("
	    " sim_id TEXT NOT NULL,"
	    " pin_hash TEXT NOT NULL,"
	    " refused_at INTEGER NOT NULL,"
	    " PRIMARY KEY (sim_id, pin_hash));"},

    /* 4: the staff's side — bookings staff make (who made it, a name, a
     * note), blocks, lost demand taken up later, and the key that keeps a
     * forgotten customer's opt-out as a keyed hash (store_privacy.c) */
    {.sql = "ALTER TABLE bookings ADD COLUMN made_by INTEGER NOT NULL"
	    " DEFAULT 0;"
	    "ALTER TABLE bookings ADD COLUMN name TEXT NOT NULL DEFAULT '';"
	    "ALTER TABLE bookings ADD COLUMN note TEXT NOT NULL DEFAULT '';"
	    "CREATE TABLE blocks ("
	    " id INTEGER PRIMARY KEY,"
	    " service TEXT NOT NULL DEFAULT '',"
	    " start INTEGER NOT NULL,"
	    " end_at INTEGER NOT NULL CHECK (end_at > start),"
	    " reason TEXT NOT NULL DEFAULT '',"
	    " created_at INTEGER NOT NULL);"
	    "CREATE INDEX blocks_start ON blocks (start);"
	    "ALTER TABLE ledger ADD COLUMN taken_at INTEGER NOT NULL"
	    " DEFAULT 0;"
	    "CREATE INDEX ledger_sender ON ledger (sender, created_at);"
	    "CREATE TABLE secrets ("
	    " name TEXT PRIMARY KEY,"
	    " value TEXT NOT NULL);",
     .fix = db_privacy_setup},

    /* 5 (desk): a moved booking names its successor (desk: an old reference
     * after a move points to the new one) */
    {.sql = "ALTER TABLE bookings ADD COLUMN moved_to TEXT NOT NULL"
	    " DEFAULT '';"},

    /*
     * 6 (outbox): the outbox's expiry and flags, the bearer's own message id,
     * and a small key/value table for facts about the file itself (the tag of
     * store_renumber). Replies queued before replies could expire get the
     * default reply expiry (240 minutes), so an upgrade after an outage
     * does not send them days late.
     */
    {.sql =
	 "ALTER TABLE out_msg ADD COLUMN expires_at INTEGER NOT NULL"
	 " DEFAULT 0;"
	 "ALTER TABLE out_msg ADD COLUMN flags INTEGER NOT NULL DEFAULT 0;"
	 "ALTER TABLE out_part ADD COLUMN ref TEXT NOT NULL DEFAULT '';"
	 "CREATE INDEX out_part_ref ON out_part (modem, ref) WHERE ref != '';"
	 "UPDATE out_msg SET expires_at = created_at + 240 * 60"
	 " WHERE origin = 0;"
	 "CREATE TABLE meta ("
	 " key TEXT PRIMARY KEY,"
	 " value TEXT NOT NULL);"},

    /*
     * 7 (handoff): texts handed to a person — a handoff per customer talk
     * with its short code (its customer is its first text's sender, so the
     * privacy prune and erasure need nothing more), the texts in it, the
     * forwards to the staff (for the limits), refused staff commands (for
     * the lock-out), and the daemon's heartbeat for `smsdesk status`.
     */
    {.sql = "CREATE TABLE handoff ("
	    " id INTEGER PRIMARY KEY,"
	    " code TEXT NOT NULL,"
	    " inbox_id INTEGER NOT NULL REFERENCES inbox (id),"
	    " why TEXT NOT NULL,"
	    " created_at INTEGER NOT NULL,"
	    " last_in_at INTEGER NOT NULL,"
	    " answered_at INTEGER NOT NULL DEFAULT 0,"
	    " answered_by TEXT NOT NULL DEFAULT '');"
	    "CREATE INDEX handoff_code ON handoff (code, last_in_at);"
	    "CREATE INDEX handoff_active ON handoff (last_in_at);"
	    "CREATE INDEX handoff_first ON handoff (inbox_id);"
	    "CREATE TABLE handoff_text ("
	    " handoff_id INTEGER NOT NULL REFERENCES handoff (id)"
	    " ON DELETE CASCADE,"
	    " inbox_id INTEGER NOT NULL REFERENCES inbox (id),"
	    " forwarded_at INTEGER NOT NULL DEFAULT 0,"
	    " PRIMARY KEY (handoff_id, inbox_id));"
	    "CREATE TABLE handoff_forward ("
	    " handoff_id INTEGER NOT NULL REFERENCES handoff (id)"
	    " ON DELETE CASCADE,"
	    " at INTEGER NOT NULL);"
	    "CREATE INDEX handoff_forward_id ON handoff_forward (handoff_id,"
	    " at);"
	    "CREATE INDEX handoff_forward_at ON handoff_forward (at);"
	    "CREATE TABLE staff_refusal ("
	    " phone TEXT NOT NULL,"
	    " at INTEGER NOT NULL);"
	    "CREATE INDEX staff_refusal_phone ON staff_refusal (phone, at);"
	    "CREATE TABLE health ("
	    " id INTEGER PRIMARY KEY CHECK (id = 1),"
	    " pid INTEGER NOT NULL,"
	    " version TEXT NOT NULL,"
	    " started_at INTEGER NOT NULL,"
	    " updated_at INTEGER NOT NULL,"
	    " stopped_at INTEGER NOT NULL DEFAULT 0,"
	    " ready INTEGER NOT NULL DEFAULT 0,"
	    " status TEXT NOT NULL DEFAULT '');"
	    "CREATE TABLE health_bearer ("
	    " position INTEGER PRIMARY KEY,"
	    " name TEXT NOT NULL,"
	    " kind TEXT NOT NULL,"
	    " state TEXT NOT NULL,"
	    " rssi INTEGER NOT NULL,"
	    " reg INTEGER NOT NULL,"
	    " since INTEGER NOT NULL,"
	    " detail TEXT NOT NULL);"},

    /*
     * 8 (handoff): the summary texts sent to staff, one row per staff phone,
     * kind ("daily", "weekly") and period (the local day or the week's
     * Monday), so that a restart never sends one twice. A staff phone is
     * the business's, not a customer's: nothing here to prune or forget.
     */
    {.sql = "CREATE TABLE staff_summary ("
	    " phone TEXT NOT NULL,"
	    " kind TEXT NOT NULL,"
	    " period TEXT NOT NULL,"
	    " at INTEGER NOT NULL,"
	    " msg_id INTEGER NOT NULL DEFAULT 0,"
	    " note TEXT NOT NULL DEFAULT '',"
	    " PRIMARY KEY (phone, kind, period));"},

    /*
     * 9 (lang): the language a customer writes in (ISO 639-1, "" not yet
     * known), kept with their conversation for follow-ups and reminders;
     * a conversation that ends keeps its row while it has a language.
     */
    {.sql = "ALTER TABLE conversations ADD COLUMN lang TEXT NOT NULL"
	    " DEFAULT '';"},

    /* append the next step here */
};

#define N_MIGRATIONS ((int)(sizeof(migrations) / sizeof(migrations[0])))

_Static_assert(N_MIGRATIONS == STORE_SCHEMA_VERSION,
	       "STORE_SCHEMA_VERSION must match the migration table");

/* ---- the statement cache and the query helpers ------------------------- */

int db_fail(struct store *st, int rc, const char *what)
{
	snprintf(st->errmsg, sizeof(st->errmsg), "%s: %s", what,
		 sqlite3_errmsg(st->db));
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
		return STORE_ERR_BUSY;
	if ((rc & 0xff) == SQLITE_NOMEM)
		return STORE_ERR_NOMEM;
	return STORE_ERR_DB;
}

static size_t slot_hash(const char *sql)
{
	uint64_t h = (uint64_t)(uintptr_t)sql;

	h ^= h >> 17;
	h *= 0x9e3779b97f4a7c15u;
	return (size_t)(h >> 32) % STORE_STMT_SLOTS;
}

/* The cached statement for sql, reset and unbound, into *out; STORE_OK or
 * a negative store error (errmsg set). */
static int db_stmt(struct store *st, const char *sql, sqlite3_stmt **out)
{
	size_t i = slot_hash(sql);
	int rc;

	*out = NULL;
	while (st->stmts[i].sql != NULL) {
		if (st->stmts[i].sql == sql) {
			*out = st->stmts[i].stmt;
			return STORE_OK;
		}
		i = (i + 1) % STORE_STMT_SLOTS;
	}
	if (st->n_stmts >= STORE_STMT_SLOTS / 2) {
		snprintf(st->errmsg, sizeof(st->errmsg),
			 "statement cache full (raise STORE_STMT_SLOTS)");
		return STORE_ERR_DB;
	}
	rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
				&st->stmts[i].stmt, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(st->stmts[i].stmt);
		st->stmts[i].stmt = NULL;
		return db_fail(st, rc, "prepare");
	}
	st->stmts[i].sql = sql;
	st->n_stmts++;
	*out = st->stmts[i].stmt;
	return STORE_OK;
}

void db_done(sqlite3_stmt *s)
{
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
}

/* The statement for sql with args bound, into *out; STORE_OK or a negative
 * store error (errmsg set). */
static int db_bound(struct store *st, const char *sql,
		    const struct db_arg *args, size_t n, sqlite3_stmt **out)
{
	sqlite3_stmt *s;
	int rc = db_stmt(st, sql, &s);

	*out = NULL;
	if (rc < 0)
		return rc;
	for (size_t i = 0; i < n; i++) {
		int at = (int)i + 1;

		switch (args[i].kind) {
		case DB_ARG_NULL:
			rc = sqlite3_bind_null(s, at);
			break;
		case DB_ARG_INT:
			rc = sqlite3_bind_int64(s, at, args[i].i);
			break;
		case DB_ARG_TEXT:
			rc = args[i].t != NULL
				 ? sqlite3_bind_text(s, at, args[i].t, -1,
						     SQLITE_STATIC)
				 : sqlite3_bind_null(s, at);
			break;
		}
		if (rc != SQLITE_OK) {
			rc = db_fail(st, rc, "bind");
			db_done(s);
			return rc;
		}
	}
	*out = s;
	return STORE_OK;
}

/*
 * Step s once. Returns SQLITE_ROW or SQLITE_DONE, or a negative store error
 * (the statement is then reset).
 */
static int db_step(struct store *st, sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc;
	rc = db_fail(st, rc, "query");
	db_done(s);
	return rc;
}

int db_row(struct store *st, const char *sql, const struct db_arg *args,
	   size_t n, sqlite3_stmt **row)
{
	sqlite3_stmt *s;
	int rc = db_bound(st, sql, args, n, &s);

	*row = NULL;
	if (rc < 0)
		return rc;
	rc = db_step(st, s);
	if (rc < 0)
		return rc;
	if (rc != SQLITE_ROW) {
		db_done(s);
		return STORE_ERR_NOT_FOUND;
	}
	*row = s;
	return STORE_OK;
}

int db_exec(struct store *st, const char *sql, const struct db_arg *args,
	    size_t n)
{
	sqlite3_stmt *s;
	int rc = db_row(st, sql, args, n, &s);

	if (rc == STORE_OK)
		db_done(s); /* a row it returned is of no interest */
	return rc == STORE_ERR_NOT_FOUND ? STORE_OK : rc;
}

int db_each(struct store *st, const char *sql, const struct db_arg *args,
	    size_t n, db_row_fn each, void *ctx)
{
	sqlite3_stmt *s;
	int rc = db_bound(st, sql, args, n, &s);

	if (rc < 0)
		return rc;
	while ((rc = db_step(st, s)) == SQLITE_ROW) {
		rc = each(ctx, s);
		if (rc < 0) {
			db_done(s);
			return rc;
		}
	}
	if (rc < 0)
		return rc;
	db_done(s);
	return STORE_OK;
}

int db_int(struct store *st, const char *sql, const struct db_arg *args,
	   size_t n, int64_t *out)
{
	sqlite3_stmt *s;
	int rc = db_row(st, sql, args, n, &s);

	if (rc < 0)
		return rc;
	if (sqlite3_column_type(s, 0) == SQLITE_NULL)
		rc = STORE_ERR_NOT_FOUND;
	else
		*out = sqlite3_column_int64(s, 0);
	db_done(s);
	return rc;
}

int db_collect_id(void *ctx, sqlite3_stmt *row)
{
	struct db_ids *w = ctx;

	w->ids[w->n++] = sqlite3_column_int64(row, 0);
	return STORE_OK;
}

int db_changes(struct store *st)
{
	return sqlite3_changes(st->db);
}

int64_t db_last_id(struct store *st)
{
	return sqlite3_last_insert_rowid(st->db);
}

int db_changed_or_why(struct store *st, const char *exists_sql, int64_t id)
{
	int64_t one;
	int rc;

	if (sqlite3_changes(st->db) > 0)
		return STORE_OK;
	rc = db_int(st, exists_sql, DB_ARGS(DB_I(id)), &one);
	if (rc == STORE_OK)
		return STORE_ERR_STATE;
	return rc;
}

void db_col_copy(sqlite3_stmt *s, int i, char *out, size_t cap)
{
	const unsigned char *v = sqlite3_column_text(s, i);

	snprintf(out, cap, "%s", v != NULL ? (const char *)v : "");
}

char *db_col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *v = sqlite3_column_text(s, i);

	return strdup(v != NULL ? (const char *)v : "");
}

int db_fits(const char *v, size_t cap)
{
	return v != NULL && strlen(v) < cap;
}

void *store_grow(void *v, size_t n, size_t size)
{
	char *p = realloc(v, (n + 1) * size);

	if (p != NULL)
		memset(p + n * size, 0, size);
	return p;
}

void store_strings_free(struct store_strings *list)
{
	for (size_t i = 0; i < list->n; i++)
		free(list->v[i]);
	free(list->v);
	list->v = NULL;
	list->n = 0;
}

/* ---- transactions ------------------------------------------------------ */

static const char SQL_BEGIN[] = "BEGIN IMMEDIATE";
static const char SQL_BEGIN_READ[] = "BEGIN DEFERRED";
static const char SQL_COMMIT[] = "COMMIT";
static const char SQL_ROLLBACK[] = "ROLLBACK";
static const char SQL_SAVEPOINT[] = "SAVEPOINT store_step";
static const char SQL_RELEASE[] = "RELEASE store_step";
static const char SQL_ROLLBACK_TO[] = "ROLLBACK TO store_step";

int db_tx_enter(struct store *st, struct tx *tx)
{
	tx->own = sqlite3_get_autocommit(st->db);
	tx->read = 0;
	return db_exec(st, tx->own ? SQL_BEGIN : SQL_SAVEPOINT, DB_NO_ARGS);
}

int db_tx_enter_read(struct store *st, struct tx *tx)
{
	tx->own = sqlite3_get_autocommit(st->db);
	tx->read = 1;
	return tx->own ? db_exec(st, SQL_BEGIN_READ, DB_NO_ARGS) : STORE_OK;
}

int db_tx_leave(struct store *st, struct tx *tx, int rc)
{
	int rc2;

	if (tx->read) {
		/* Nothing was written: end the snapshot, keep rc. */
		if (tx->own && !sqlite3_get_autocommit(st->db))
			db_exec(st, SQL_COMMIT, DB_NO_ARGS);
		return rc;
	}
	if (rc >= 0) {
		rc2 =
		    db_exec(st, tx->own ? SQL_COMMIT : SQL_RELEASE, DB_NO_ARGS);
		if (rc2 == STORE_OK)
			return rc;
		rc = rc2;
	}
	if (tx->own) {
		if (!sqlite3_get_autocommit(st->db))
			db_exec(st, SQL_ROLLBACK, DB_NO_ARGS);
		return rc;
	}
	db_exec(st, SQL_ROLLBACK_TO, DB_NO_ARGS);
	db_exec(st, SQL_RELEASE, DB_NO_ARGS);
	return rc;
}

int store_begin(struct store *st)
{
	int rc;

	if (st->in_tx || !sqlite3_get_autocommit(st->db))
		return STORE_ERR_STATE;
	rc = db_exec(st, SQL_BEGIN, DB_NO_ARGS);
	if (rc == STORE_OK)
		st->in_tx = 1;
	return rc;
}

int store_commit(struct store *st)
{
	int rc;

	if (!st->in_tx)
		return STORE_ERR_STATE;
	rc = db_exec(st, SQL_COMMIT, DB_NO_ARGS);
	if (rc != STORE_OK) {
		store_rollback(st);
		return rc;
	}
	st->in_tx = 0;
	return STORE_OK;
}

int store_rollback(struct store *st)
{
	st->in_tx = 0;
	if (sqlite3_get_autocommit(st->db))
		return STORE_OK;
	return db_exec(st, SQL_ROLLBACK, DB_NO_ARGS);
}

int store_in_transaction(const struct store *st)
{
	/* sqlite ends a transaction by itself on some errors (disk full,
	 * I/O): then the caller's is gone too, and store_commit will say so. */
	return st->in_tx && !sqlite3_get_autocommit(st->db);
}

/* ---- opening and migrations -------------------------------------------- */

/* Run every statement of a script (DDL from the migration table). */
static int exec_script(struct store *st, const char *sql)
{
	const char *tail = sql;

	while (*tail != '\0') {
		sqlite3_stmt *s = NULL;
		int rc = sqlite3_prepare_v2(st->db, tail, -1, &s, &tail);

		if (rc != SQLITE_OK)
			return db_fail(st, rc, "schema");
		if (s == NULL) /* only whitespace or a comment was left */
			break;
		rc = sqlite3_step(s);
		while (rc == SQLITE_ROW)
			rc = sqlite3_step(s);
		if (rc != SQLITE_DONE) {
			rc = db_fail(st, rc, "schema");
			sqlite3_finalize(s);
			return rc;
		}
		sqlite3_finalize(s);
	}
	return STORE_OK;
}

static int read_user_version(struct store *st, int *version)
{
	static const char sql[] = "PRAGMA user_version";
	int64_t v = 0;
	int rc = db_int(st, sql, DB_NO_ARGS, &v);

	if (rc < 0) {
		snprintf(st->errmsg, sizeof(st->errmsg),
			 "reading the schema version: %s",
			 sqlite3_errmsg(st->db));
		return rc;
	}
	*version = (int)v;
	return STORE_OK;
}

/*
 * Bring the schema from whatever it is to `target`, in one transaction, so
 * a crash mid-upgrade leaves the old version intact. Re-reads the version
 * under the write lock: another process may have upgraded meanwhile.
 */
static int migrate(struct store *st, int target, char *err, size_t cap)
{
	struct tx tx;
	int version, rc;
	char pragma[48];

	rc = db_tx_enter(st, &tx);
	if (rc < 0) {
		snprintf(err, cap, "cannot lock the database to upgrade it: %s",
			 st->errmsg);
		return rc;
	}
	rc = read_user_version(st, &version);
	for (int v = version; rc == STORE_OK && v < target; v++) {
		rc = exec_script(st, migrations[v].sql);
		if (rc == STORE_OK && migrations[v].fix != NULL)
			rc = migrations[v].fix(st);
		if (rc != STORE_OK)
			snprintf(err, cap,
				 "upgrading the schema to version "
				 "%d failed: %s",
				 v + 1, st->errmsg);
	}
	if (rc == STORE_OK && version < target) {
		snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d",
			 target);
		rc = exec_script(st, pragma);
	}
	return db_tx_leave(st, &tx, rc);
}

/* Settings every connection needs before its first real query. */
static int configure(struct store *st)
{
	static const char *const pragmas[] = {
	    /* WAL lets the staff commands read while the daemon writes. */
	    "PRAGMA journal_mode = WAL",
	    /* FULL: a committed inbound row must survive a power cut, since
	     * the modem deletes its copy right after (Invariant 1). */
	    "PRAGMA synchronous = FULL",
	    "PRAGMA foreign_keys = ON",
	};
	/* A reader changes nothing: the daemon made the file WAL. */
	static const char *const reader[] = {"PRAGMA query_only = ON"};
	const char *const *list = st->readonly ? reader : pragmas;
	size_t n = st->readonly ? 1 : sizeof(pragmas) / sizeof(pragmas[0]);

	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, 5000);
	for (size_t i = 0; i < n; i++) {
		int rc = exec_script(st, list[i]);
		if (rc != STORE_OK)
			return rc;
	}
	return STORE_OK;
}

/*
 * configure() and the first read, retried while the file is busy. Turning a
 * new file to WAL takes its lock for a moment, and a second process opening
 * the same new file at that instant gets "database is locked" at once:
 * sqlite does not wait for it through the busy handler. Opening is rare,
 * so waiting here (up to about 5 s, like the busy timeout) costs nothing.
 */
static int configure_settled(struct store *st)
{
	const struct timespec pause = {.tv_sec = 0, .tv_nsec = 20000000};
	int rc = STORE_ERR_BUSY;

	for (int attempt = 0; attempt < 250 && rc == STORE_ERR_BUSY;
	     attempt++) {
		if (attempt > 0)
			nanosleep(&pause, NULL);
		rc = configure(st);
		if (rc == STORE_OK)
			rc = read_user_version(st, &st->schema_found);
	}
	return rc;
}

static int default_random(void *ctx, unsigned char *buf, size_t n)
{
	(void)ctx;
	while (n > 0) {
		ssize_t got = getrandom(buf, n, 0);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += got;
		n -= (size_t)got;
	}
	return 0;
}

static struct store *open_at(const char *path, unsigned flags, int target,
			     char *err, size_t cap)
{
	struct store *st;
	int oflags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
	int rc;

	assert(path != NULL && err != NULL);
	err[0] = '\0';
	st = calloc(1, sizeof(*st));
	if (st == NULL) {
		snprintf(err, cap, "out of memory");
		return NULL;
	}
	st->random = default_random;
	if (flags & STORE_OPEN_CREATE)
		oflags |= SQLITE_OPEN_CREATE;
	if (flags & STORE_OPEN_READONLY) {
		oflags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX;
		st->readonly = 1;
	}
	char uri[4200];
	const char *name = path;
	if ((flags & STORE_OPEN_READONLY) && (flags & STORE_OPEN_IMMUTABLE)) {
		/* a URI filename: '%', '?' and '#' escaped (sqlite uri.html) */
		size_t n = (size_t)snprintf(uri, sizeof(uri), "file:");
		for (const char *p = path; *p != '\0' && n + 16 < sizeof(uri);
		     p++)
			n +=
			    (size_t)(strchr("%?#", *p) != NULL
					 ? snprintf(uri + n, sizeof(uri) - n,
						    "%%%02X", (unsigned char)*p)
					 : snprintf(uri + n, sizeof(uri) - n,
						    "%c", *p));
		snprintf(uri + n, sizeof(uri) - n, "?immutable=1");
		name = uri;
		oflags |= SQLITE_OPEN_URI;
	}
	rc = sqlite3_open_v2(name, &st->db, oflags, NULL);
	if (rc != SQLITE_OK) {
		snprintf(err, cap, "cannot open database %s: %s", path,
			 st->db != NULL ? sqlite3_errmsg(st->db)
					: "out of memory");
		goto fail;
	}
	if (configure_settled(st) != STORE_OK ||
	    db_privacy_functions(st) != STORE_OK) {
		snprintf(err, cap, "%s: %s", path, st->errmsg);
		goto fail;
	}
	if (st->schema_found > STORE_SCHEMA_VERSION) {
		snprintf(err, cap,
			 "%s: database schema version %d is newer than this "
			 "smsdesk understands (%d); use a newer smsdesk",
			 path, st->schema_found, STORE_SCHEMA_VERSION);
		goto fail;
	}
	if (st->schema_found < target && st->readonly) {
		snprintf(err, cap,
			 "%s: database schema version %d is older than this "
			 "smsdesk (%d): `smsdesk serve` upgrades it when it "
			 "starts",
			 path, st->schema_found, target);
		goto fail;
	}
	if (st->schema_found < target) {
		char why[400];
		if (migrate(st, target, why, sizeof(why)) != STORE_OK) {
			snprintf(err, cap, "%s: %s", path, why);
			goto fail;
		}
	}
	return st;
fail:
	store_close(st);
	return NULL;
}

struct store *store_open(const char *path, unsigned flags, char *err,
			 size_t cap)
{
	return open_at(path, flags, STORE_SCHEMA_VERSION, err, cap);
}

int store_testing_create(const char *path, int version, char *err, size_t cap)
{
	struct store *st;

	if (version < 1 || version > STORE_SCHEMA_VERSION) {
		snprintf(err, cap, "no schema version %d", version);
		return STORE_ERR_ARG;
	}
	st = open_at(path, STORE_OPEN_CREATE, version, err, cap);
	if (st == NULL)
		return STORE_ERR_DB;
	store_close(st);
	return STORE_OK;
}

void store_close(struct store *st)
{
	if (st == NULL)
		return;
	if (st->db != NULL && !sqlite3_get_autocommit(st->db))
		store_rollback(st);
	for (size_t i = 0; i < STORE_STMT_SLOTS; i++)
		sqlite3_finalize(st->stmts[i].stmt);
	sqlite3_close(st->db);
	free(st);
}

const char *store_errmsg(const struct store *st)
{
	return st->errmsg;
}

int store_schema_found(const struct store *st)
{
	return st->schema_found;
}

const char *store_strerror(int rc)
{
	switch ((enum store_err)rc) {
	case STORE_OK:
		return "ok";
	case STORE_EXISTS:
		return "already stored";
	case STORE_ERR_DB:
		return "database error";
	case STORE_ERR_BUSY:
		return "database busy";
	case STORE_ERR_NOT_FOUND:
		return "not found";
	case STORE_ERR_FULL:
		return "fully booked";
	case STORE_ERR_STATE:
		return "not allowed in this state";
	case STORE_ERR_ARG:
		return "invalid argument";
	case STORE_ERR_NOMEM:
		return "out of memory";
	}
	return "unknown store error";
}

void store_set_random(struct store *st, store_random_fn fn, void *ctx)
{
	st->random = fn != NULL ? fn : default_random;
	st->random_ctx = fn != NULL ? ctx : NULL;
}

void store_set_busy_timeout(struct store *st, int ms)
{
	sqlite3_busy_timeout(st->db, ms);
}
