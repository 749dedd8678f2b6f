/*
 * store: the sqlite file behind smsdesk. See include/smsdesk/store.h for the
 * contract and src/store_internal.h for how the store*.c files share it.
 *
 * This file: opening and closing (the schema's migration steps are in
 * store_schema.c), the statement cache and the query helpers every store file
 * uses, and transactions. The tables live in store_inbox.c, store_outbox.c,
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
int db_script(struct store *st, const char *sql)
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

int db_user_version(struct store *st, int *version)
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
		int rc = db_script(st, list[i]);
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
			rc = db_user_version(st, &st->schema_found);
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
		if (db_migrate(st, target, why, sizeof(why)) != STORE_OK) {
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
