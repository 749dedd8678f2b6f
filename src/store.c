/*
 * store: the sqlite file behind smsdesk. See include/smsdesk/store.h for the
 * contract; this file is the only one that includes sqlite3.h.
 *
 * Layout of this file: the schema as a table of forward migrations, the
 * statement cache (every query is a row of QUERIES and is prepared once, on
 * first use), the transaction helpers, then one section per table.
 */
#include "smsdesk/store.h"

#include <sqlite3.h>

#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <time.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

/* ---- schema: one step per version, applied in order, never edited ---- */

static const char *const migrations[] = {
    /* 1: inbox, outbox, bookings, conversations, opt-outs */
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
    " since INTEGER NOT NULL);",

    /* 2: the referral ledger, and reminders */
    "ALTER TABLE bookings ADD COLUMN reminded_at INTEGER NOT NULL DEFAULT 0;"
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
    "CREATE INDEX ledger_referral_name ON ledger_referral (name, ledger_id);",
};

#define N_MIGRATIONS ((int)(sizeof(migrations) / sizeof(migrations[0])))

_Static_assert(N_MIGRATIONS == STORE_SCHEMA_VERSION,
	       "STORE_SCHEMA_VERSION must match the migration table");

/* ---- the statement cache ---------------------------------------------- */

#define BOOKING_COLS                                                           \
	"id, ref, service, start, minutes, customer, state, created_at,"       \
	" cancelled_at, reminded_at"

#define QUERIES(X)                                                             \
	X(Q_BEGIN, "BEGIN IMMEDIATE")                                          \
	X(Q_BEGIN_READ, "BEGIN DEFERRED")                                      \
	X(Q_COMMIT, "COMMIT")                                                  \
	X(Q_ROLLBACK, "ROLLBACK")                                              \
	X(Q_SAVEPOINT, "SAVEPOINT store_step")                                 \
	X(Q_RELEASE, "RELEASE store_step")                                     \
	X(Q_ROLLBACK_TO, "ROLLBACK TO store_step")                             \
	X(Q_IN_INSERT,                                                         \
	  "INSERT INTO inbox (sender, smsc_time, pdu_hash, pdu_hex, text,"     \
	  " flags, modem, received_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"    \
	  " ?8) ON CONFLICT (sender, smsc_time, pdu_hash) DO NOTHING")         \
	X(Q_IN_FIND,                                                           \
	  "SELECT id FROM inbox WHERE sender = ?1 AND smsc_time = ?2"          \
	  " AND pdu_hash = ?3")                                                \
	X(Q_IN_GET,                                                            \
	  "SELECT id, sender, smsc_time, received_at, flags, modem, state,"    \
	  " reason, handled_at, pdu_hex, text FROM inbox WHERE id = ?1")       \
	X(Q_IN_MARK,                                                           \
	  "UPDATE inbox SET state = ?2, reason = ?3, handled_at = ?4"          \
	  " WHERE id = ?1 AND state = 0")                                      \
	X(Q_IN_EXISTS, "SELECT 1 FROM inbox WHERE id = ?1")                    \
	X(Q_IN_UNANSWERED,                                                     \
	  "SELECT id FROM inbox WHERE state = 0 AND id > ?1 ORDER BY id"       \
	  " LIMIT ?2")                                                         \
	X(Q_IN_RECENT,                                                         \
	  "SELECT text FROM inbox WHERE sender = ?1 AND received_at >= ?2"     \
	  " ORDER BY received_at DESC, id DESC LIMIT ?3")                      \
	X(Q_OUT_MSG_INSERT,                                                    \
	  "INSERT INTO out_msg (to_number, text, origin, inbox_id, modem,"     \
	  " created_at, n_parts) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")         \
	X(Q_OUT_PART_INSERT,                                                   \
	  "INSERT INTO out_part (msg_id, seq, pdu_hex, tpdu_len,"              \
	  " next_try_at) VALUES (?1, ?2, ?3, ?4, ?5)")                         \
	X(Q_OUT_NEXT,                                                          \
	  "SELECT p.id, p.msg_id, p.seq, m.n_parts, m.to_number, m.modem,"     \
	  " m.origin, p.tries, p.tpdu_len, p.pdu_hex"                          \
	  " FROM out_part p JOIN out_msg m ON m.id = p.msg_id"                 \
	  " WHERE p.state = 0 AND p.next_try_at <= ?1"                         \
	  " AND (?2 IS NULL OR m.modem = '' OR m.modem = ?2)"                  \
	  " AND NOT EXISTS (SELECT 1 FROM out_part e WHERE e.msg_id ="         \
	  " p.msg_id AND e.seq < p.seq AND e.state IN (0, 1))"                 \
	  " ORDER BY p.next_try_at, p.msg_id, p.seq LIMIT 1")                  \
	X(Q_OUT_NEXT_DUE,                                                      \
	  "SELECT min(p.next_try_at) FROM out_part p WHERE p.state = 0"        \
	  " AND NOT EXISTS (SELECT 1 FROM out_part e WHERE e.msg_id ="         \
	  " p.msg_id AND e.seq < p.seq AND e.state IN (0, 1))")                \
	X(Q_OUT_SENDING,                                                       \
	  "UPDATE out_part SET state = 1, tries = tries + 1, modem = ?2"       \
	  " WHERE id = ?1 AND state = 0")                                      \
	X(Q_OUT_PIN,                                                           \
	  "UPDATE out_msg SET modem = ?2 WHERE id = (SELECT msg_id FROM"       \
	  " out_part WHERE id = ?1)")                                          \
	X(Q_OUT_SENT, "UPDATE out_part SET state = 2, mr = ?2, sent_at = ?3,"  \
		      " last_error = '' WHERE id = ?1 AND state = 1")          \
	X(Q_OUT_RETRY,                                                         \
	  "UPDATE out_part SET state = 0, last_error = ?2, next_try_at = ?3"   \
	  " WHERE id = ?1 AND state = 1")                                      \
	X(Q_OUT_FAIL,                                                          \
	  "UPDATE out_part SET state = 4, last_error = ?2, done_at = ?3"       \
	  " WHERE id = ?1 AND state IN (0, 1)")                                \
	X(Q_OUT_FAIL_REST,                                                     \
	  "UPDATE out_part SET state = 4, last_error = ?2, done_at = ?3"       \
	  " WHERE msg_id = (SELECT msg_id FROM out_part WHERE id = ?1)"        \
	  " AND state = 0")                                                    \
	X(Q_OUT_PART_EXISTS, "SELECT 1 FROM out_part WHERE id = ?1")           \
	X(Q_OUT_BY_MR,                                                         \
	  "SELECT id FROM out_part WHERE modem = ?1 AND mr = ?2 AND"           \
	  " state = 2 ORDER BY sent_at DESC, id DESC LIMIT 1")                 \
	X(Q_OUT_REPORTED,                                                      \
	  "UPDATE out_part SET state = ?2, last_error = ?3, done_at = ?4"      \
	  " WHERE id = ?1")                                                    \
	X(Q_OUT_RECOVER,                                                       \
	  "UPDATE out_part SET state = 0, next_try_at = ?1, last_error ="      \
	  " 'interrupted while sending' WHERE state = 1")                      \
	X(Q_OUT_MSG_GET,                                                       \
	  "SELECT m.id, m.to_number, m.origin, m.inbox_id, m.created_at,"      \
	  " m.n_parts, m.text, (SELECT CASE WHEN max(p.state) = 4 THEN 4"      \
	  " ELSE min(p.state) END FROM out_part p WHERE p.msg_id = m.id),"     \
	  " (SELECT last_error FROM out_part p WHERE p.msg_id = m.id AND"      \
	  " p.last_error != '' ORDER BY p.state DESC, p.seq LIMIT 1)"          \
	  " FROM out_msg m WHERE m.id = ?1")                                   \
	X(Q_OUT_PART_GET,                                                      \
	  "SELECT state, tries, mr FROM out_part WHERE id = ?1")               \
	X(Q_OUT_REPLIES_SINCE,                                                 \
	  "SELECT count(*) FROM out_msg WHERE to_number = ?1 AND origin = 0"   \
	  " AND created_at >= ?2")                                             \
	X(Q_BK_REF_TAKEN, "SELECT 1 FROM bookings WHERE ref = ?1")             \
	X(Q_BK_OVERLAP,                                                        \
	  "SELECT count(*) FROM bookings WHERE service = ?1 AND state = 0"     \
	  " AND start < ?3 AND start + minutes * 60 > ?2")                     \
	X(Q_BK_INSERT,                                                         \
	  "INSERT INTO bookings (ref, service, start, minutes, customer,"      \
	  " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")                      \
	X(Q_BK_FIND, "SELECT " BOOKING_COLS " FROM bookings WHERE ref = ?1"    \
		     " AND customer = ?2")                                     \
	X(Q_BK_CANCEL,                                                         \
	  "UPDATE bookings SET state = 1, cancelled_at = ?2 WHERE id = ?1"     \
	  " AND state = 0")                                                    \
	X(Q_BK_UPCOMING, "SELECT " BOOKING_COLS " FROM bookings WHERE"         \
			 " customer = ?1 AND state = 0 AND start >= ?2"        \
			 " ORDER BY start, id")                                \
	X(Q_BK_BETWEEN, "SELECT " BOOKING_COLS " FROM bookings WHERE"          \
			" start >= ?1 AND start < ?2 AND (state = 0 OR ?3)"    \
			" ORDER BY start, service, id")                        \
	X(Q_BK_DUE_REMINDER,                                                   \
	  "SELECT " BOOKING_COLS " FROM bookings WHERE state = 0 AND"          \
	  " reminded_at = 0 AND start > ?1 AND start - ?2 <= ?1 AND"           \
	  " created_at <= start - ?2 ORDER BY start, id")                      \
	X(Q_BK_REMINDED,                                                       \
	  "UPDATE bookings SET reminded_at = ?2 WHERE id = ?1 AND"             \
	  " reminded_at = 0")                                                  \
	X(Q_BK_EXISTS, "SELECT 1 FROM bookings WHERE id = ?1")                 \
	X(Q_CONV_GET,                                                          \
	  "SELECT kind, state, expires_at, updated_at FROM conversations"      \
	  " WHERE sender = ?1 AND expires_at > ?2")                            \
	X(Q_CONV_SET,                                                          \
	  "INSERT INTO conversations (sender, kind, state, expires_at,"        \
	  " updated_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (sender) DO"   \
	  " UPDATE SET kind = ?2, state = ?3, expires_at = ?4,"                \
	  " updated_at = ?5")                                                  \
	X(Q_CONV_CLEAR, "DELETE FROM conversations WHERE sender = ?1")         \
	X(Q_OPT_SET, "INSERT INTO optouts (number, since) VALUES (?1, ?2)"     \
		     " ON CONFLICT (number) DO NOTHING")                       \
	X(Q_OPT_CLEAR, "DELETE FROM optouts WHERE number = ?1")                \
	X(Q_OPT_GET, "SELECT since FROM optouts WHERE number = ?1")            \
	X(Q_LEDGER_INSERT,                                                     \
	  "INSERT INTO ledger (sender, requested, reason, created_at)"         \
	  " VALUES (?1, ?2, ?3, ?4)")                                          \
	X(Q_LEDGER_REF_INSERT,                                                 \
	  "INSERT INTO ledger_referral (ledger_id, position, name)"            \
	  " VALUES (?1, ?2, ?3)")                                              \
	X(Q_LEDGER_LAST_NAMED,                                                 \
	  "SELECT max(ledger_id) FROM ledger_referral WHERE name = ?1")        \
	X(Q_REP_IN, "SELECT count(*), total(state = 1), total(state = 2),"     \
		    " total(state = 0) FROM inbox WHERE received_at >= ?1")    \
	X(Q_REP_OUT,                                                           \
	  "SELECT count(*), total(st IN (0, 1)), total(st = 2),"               \
	  " total(st = 3), total(st = 4), total(n_parts) FROM (SELECT"         \
	  " m.n_parts, (SELECT CASE WHEN max(p.state) = 4 THEN 4 ELSE"         \
	  " min(p.state) END FROM out_part p WHERE p.msg_id = m.id) AS st"     \
	  " FROM out_msg m WHERE m.created_at >= ?1)")                         \
	X(Q_REP_BOOKINGS,                                                      \
	  "SELECT (SELECT count(*) FROM bookings WHERE created_at >= ?1),"     \
	  " (SELECT count(*) FROM bookings WHERE state = 1 AND"                \
	  " cancelled_at >= ?1)")                                              \
	X(Q_REP_DEMAND,                                                        \
	  "SELECT requested, reason, count(*) AS n FROM ledger WHERE"          \
	  " created_at >= ?1 GROUP BY requested, reason"                       \
	  " ORDER BY n DESC, requested, reason")                               \
	X(Q_REP_FAILED,                                                        \
	  "SELECT m.id, m.to_number, m.created_at, (SELECT p.last_error FROM"  \
	  " out_part p WHERE p.msg_id = m.id AND p.state = 4 ORDER BY p.seq"   \
	  " LIMIT 1) FROM out_msg m WHERE m.created_at >= ?1 AND EXISTS"       \
	  " (SELECT 1 FROM out_part p WHERE p.msg_id = m.id AND p.state = 4)"  \
	  " ORDER BY m.created_at DESC, m.id DESC LIMIT ?2")                   \
	X(Q_REP_NAMED,                                                         \
	  "SELECT r.name, count(*) AS n FROM ledger_referral r JOIN ledger l"  \
	  " ON l.id = r.ledger_id WHERE l.created_at >= ?1 GROUP BY r.name"    \
	  " ORDER BY n DESC, r.name")

enum query {
#define QUERY_ENUM(name, sql) name,
	QUERIES(QUERY_ENUM)
#undef QUERY_ENUM
	    N_QUERIES
};

static const char *const query_sql[N_QUERIES] = {
#define QUERY_SQL(name, sql) [name] = sql,
    QUERIES(QUERY_SQL)
#undef QUERY_SQL
};

struct store {
	sqlite3 *db;
	sqlite3_stmt *stmts[N_QUERIES]; /* prepared on first use */
	int in_tx;			/* the caller's store_begin is open */
	int schema_found;
	store_random_fn random;
	void *random_ctx;
	char errmsg[256];
};

/* Remember what sqlite said and map its code to ours. */
static int db_fail(struct store *st, int rc, const char *what)
{
	snprintf(st->errmsg, sizeof(st->errmsg), "%s: %s", what,
		 sqlite3_errmsg(st->db));
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
		return STORE_ERR_BUSY;
	if ((rc & 0xff) == SQLITE_NOMEM)
		return STORE_ERR_NOMEM;
	return STORE_ERR_DB;
}

/* The cached statement for q, reset and unbound, or NULL (errmsg set). */
static sqlite3_stmt *stmt(struct store *st, enum query q)
{
	sqlite3_stmt *s = st->stmts[q];
	int rc;

	if (s != NULL)
		return s;
	rc = sqlite3_prepare_v3(st->db, query_sql[q], -1,
				SQLITE_PREPARE_PERSISTENT, &s, NULL);
	if (rc != SQLITE_OK) {
		db_fail(st, rc, "prepare");
		return NULL;
	}
	st->stmts[q] = s;
	return s;
}

static void done(sqlite3_stmt *s)
{
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
}

/*
 * Step s once. Returns SQLITE_ROW or SQLITE_DONE, or a negative store error
 * (the statement is then reset).
 */
static int step(struct store *st, sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc;
	rc = db_fail(st, rc, "query");
	done(s);
	return rc;
}

/* Run a statement that returns no rows; 0 or a negative store error. */
static int run(struct store *st, sqlite3_stmt *s)
{
	int rc = step(st, s);

	if (rc < 0)
		return rc;
	done(s);
	return STORE_OK;
}

static void bind_text(sqlite3_stmt *s, int i, const char *v)
{
	sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
}

static void bind_int(sqlite3_stmt *s, int i, int64_t v)
{
	sqlite3_bind_int64(s, i, v);
}

static void col_copy(sqlite3_stmt *s, int i, char *out, size_t cap)
{
	const unsigned char *v = sqlite3_column_text(s, i);

	snprintf(out, cap, "%s", v != NULL ? (const char *)v : "");
}

/* A heap copy of a text column ("" for NULL), or NULL when out of memory. */
static char *col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *v = sqlite3_column_text(s, i);

	return strdup(v != NULL ? (const char *)v : "");
}

/* Does v fit a buffer of cap bytes (NUL included)? NULL never fits. */
static int fits(const char *v, size_t cap)
{
	return v != NULL && strlen(v) < cap;
}

/* ---- transactions ------------------------------------------------------ */

/*
 * Every multi-step change runs between tx_enter and tx_leave: its own
 * BEGIN IMMEDIATE when the caller holds no transaction, else a savepoint
 * inside the caller's, so a failed step never leaves half a change.
 */
struct tx {
	int own;
};

static int tx_enter(struct store *st, struct tx *tx)
{
	sqlite3_stmt *s;

	tx->own = sqlite3_get_autocommit(st->db);
	s = stmt(st, tx->own ? Q_BEGIN : Q_SAVEPOINT);
	if (s == NULL)
		return STORE_ERR_DB;
	return run(st, s);
}

/* Commit (rc >= 0) or undo (rc < 0) what tx_enter began; returns rc or the
 * commit's failure. */
static int tx_leave(struct store *st, struct tx *tx, int rc)
{
	sqlite3_stmt *s;
	int rc2;

	if (rc >= 0) {
		s = stmt(st, tx->own ? Q_COMMIT : Q_RELEASE);
		rc2 = s == NULL ? STORE_ERR_DB : run(st, s);
		if (rc2 == STORE_OK)
			return rc;
		rc = rc2;
	}
	if (tx->own) {
		s = stmt(st, Q_ROLLBACK);
		if (s != NULL && !sqlite3_get_autocommit(st->db))
			run(st, s);
		return rc;
	}
	s = stmt(st, Q_ROLLBACK_TO);
	if (s != NULL)
		run(st, s);
	s = stmt(st, Q_RELEASE);
	if (s != NULL)
		run(st, s);
	return rc;
}

int store_begin(struct store *st)
{
	sqlite3_stmt *s;
	int rc;

	if (st->in_tx || !sqlite3_get_autocommit(st->db))
		return STORE_ERR_STATE;
	s = stmt(st, Q_BEGIN);
	if (s == NULL)
		return STORE_ERR_DB;
	rc = run(st, s);
	if (rc == STORE_OK)
		st->in_tx = 1;
	return rc;
}

int store_commit(struct store *st)
{
	sqlite3_stmt *s;
	int rc;

	if (!st->in_tx)
		return STORE_ERR_STATE;
	s = stmt(st, Q_COMMIT);
	if (s == NULL)
		return STORE_ERR_DB;
	rc = run(st, s);
	if (rc != STORE_OK) {
		store_rollback(st);
		return rc;
	}
	st->in_tx = 0;
	return STORE_OK;
}

int store_rollback(struct store *st)
{
	sqlite3_stmt *s;
	int rc = STORE_OK;

	st->in_tx = 0;
	if (sqlite3_get_autocommit(st->db))
		return STORE_OK;
	s = stmt(st, Q_ROLLBACK);
	if (s == NULL)
		return STORE_ERR_DB;
	rc = run(st, s);
	return rc;
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
	sqlite3_stmt *s = NULL;
	int rc =
	    sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL);

	if (rc != SQLITE_OK)
		return db_fail(st, rc, "reading the schema version");
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		rc = db_fail(st, rc, "reading the schema version");
		sqlite3_finalize(s);
		return rc;
	}
	*version = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
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

	rc = tx_enter(st, &tx);
	if (rc < 0) {
		snprintf(err, cap, "cannot lock the database to upgrade it: %s",
			 st->errmsg);
		return rc;
	}
	rc = read_user_version(st, &version);
	for (int v = version; rc == STORE_OK && v < target; v++) {
		rc = exec_script(st, migrations[v]);
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
	return tx_leave(st, &tx, rc);
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

	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, 5000);
	for (size_t i = 0; i < sizeof(pragmas) / sizeof(pragmas[0]); i++) {
		int rc = exec_script(st, pragmas[i]);
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
	rc = sqlite3_open_v2(path, &st->db, oflags, NULL);
	if (rc != SQLITE_OK) {
		snprintf(err, cap, "cannot open database %s: %s", path,
			 st->db != NULL ? sqlite3_errmsg(st->db)
					: "out of memory");
		goto fail;
	}
	if (configure_settled(st) != STORE_OK) {
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
	for (int i = 0; i < N_QUERIES; i++)
		sqlite3_finalize(st->stmts[i]);
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

/* ---- small shared queries ---------------------------------------------- */

/* Does the single-parameter existence query q find id? 1, 0 or < 0. */
static int row_exists(struct store *st, enum query q, int64_t id)
{
	sqlite3_stmt *s = stmt(st, q);
	int rc;

	if (s == NULL)
		return STORE_ERR_DB;
	bind_int(s, 1, id);
	rc = step(st, s);
	if (rc < 0)
		return rc;
	done(s);
	return rc == SQLITE_ROW;
}

/*
 * After an UPDATE guarded by "AND state = ...": nothing changed means the
 * row is missing (NOT_FOUND) or in another state (STATE).
 */
static int changed_or_why(struct store *st, enum query exists_q, int64_t id)
{
	int rc;

	if (sqlite3_changes(st->db) > 0)
		return STORE_OK;
	rc = row_exists(st, exists_q, id);
	if (rc < 0)
		return rc;
	return rc ? STORE_ERR_STATE : STORE_ERR_NOT_FOUND;
}

/* Run a single-row aggregate query bound to (text, int); *out = col 0. */
static int count_query(struct store *st, enum query q, const char *text,
		       int64_t a, int64_t b, int64_t *out)
{
	sqlite3_stmt *s = stmt(st, q);
	int rc;

	if (s == NULL)
		return STORE_ERR_DB;
	bind_text(s, 1, text);
	bind_int(s, 2, a);
	if (sqlite3_bind_parameter_count(s) >= 3)
		bind_int(s, 3, b);
	rc = step(st, s);
	if (rc < 0)
		return rc;
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	done(s);
	return STORE_OK;
}

/* ---- inbox ------------------------------------------------------------- */

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
	sqlite3_stmt *s;
	struct tx tx;
	int rc, existed = 0;

	if (!fits(in->sender, STORE_NUMBER_MAX) || in->pdu_hex == NULL ||
	    in->text == NULL || !fits(modem, STORE_ID_MAX) || id == NULL)
		return STORE_ERR_ARG;
	pdu_hash(in->pdu_hex, hash);
	rc = tx_enter(st, &tx);
	if (rc < 0)
		return rc;
	s = stmt(st, Q_IN_INSERT);
	if (s == NULL)
		return tx_leave(st, &tx, STORE_ERR_DB);
	bind_text(s, 1, in->sender);
	bind_int(s, 2, in->smsc_time);
	bind_text(s, 3, hash);
	bind_text(s, 4, in->pdu_hex);
	bind_text(s, 5, in->text);
	bind_int(s, 6, in->flags);
	bind_text(s, 7, modem);
	bind_int(s, 8, now);
	rc = run(st, s);
	if (rc == STORE_OK && sqlite3_changes(st->db) == 0) {
		existed = 1;
		s = stmt(st, Q_IN_FIND);
		rc = s == NULL ? STORE_ERR_DB : STORE_OK;
		if (rc == STORE_OK) {
			bind_text(s, 1, in->sender);
			bind_int(s, 2, in->smsc_time);
			bind_text(s, 3, hash);
			rc = step(st, s);
			if (rc == SQLITE_ROW)
				*id = sqlite3_column_int64(s, 0);
			if (rc >= 0) {
				done(s);
				rc = STORE_OK;
			}
		}
	} else if (rc == STORE_OK) {
		*id = sqlite3_last_insert_rowid(st->db);
	}
	rc = tx_leave(st, &tx, rc);
	if (rc < 0)
		return rc;
	return existed ? STORE_EXISTS : STORE_OK;
}

int store_inbox_get(struct store *st, int64_t id, struct store_inbox_msg *out)
{
	sqlite3_stmt *s = stmt(st, Q_IN_GET);
	int rc;

	memset(out, 0, sizeof(*out));
	if (s == NULL)
		return STORE_ERR_DB;
	bind_int(s, 1, id);
	rc = step(st, s);
	if (rc < 0)
		return rc;
	if (rc != SQLITE_ROW) {
		done(s);
		return STORE_ERR_NOT_FOUND;
	}
	out->id = sqlite3_column_int64(s, 0);
	col_copy(s, 1, out->sender, sizeof(out->sender));
	out->smsc_time = sqlite3_column_int64(s, 2);
	out->received_at = sqlite3_column_int64(s, 3);
	out->flags = (unsigned)sqlite3_column_int(s, 4);
	col_copy(s, 5, out->modem, sizeof(out->modem));
	out->state = (enum store_in_state)sqlite3_column_int(s, 6);
	col_copy(s, 7, out->reason, sizeof(out->reason));
	out->handled_at = sqlite3_column_int64(s, 8);
	out->pdu_hex = col_dup(s, 9);
	out->text = col_dup(s, 10);
	done(s);
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
	sqlite3_stmt *s = stmt(st, Q_IN_MARK);
	int rc;

	if (s == NULL)
		return STORE_ERR_DB;
	bind_int(s, 1, id);
	bind_int(s, 2, to);
	bind_text(s, 3, reason);
	bind_int(s, 4, now);
	rc = run(st, s);
	if (rc < 0)
		return rc;
	return changed_or_why(st, Q_IN_EXISTS, id);
}

int store_inbox_mark_answered(struct store *st, int64_t id, int64_t now)
{
	return inbox_mark(st, id, STORE_IN_ANSWERED, "", now);
}

int store_inbox_mark_ignored(struct store *st, int64_t id, const char *reason,
			     int64_t now)
{
	if (!fits(reason, STORE_ID_MAX))
		return STORE_ERR_ARG;
	return inbox_mark(st, id, STORE_IN_IGNORED, reason, now);
}

int store_inbox_unanswered(struct store *st, int64_t after_id, int64_t *ids,
			   size_t cap)
{
	sqlite3_stmt *s = stmt(st, Q_IN_UNANSWERED);
	size_t n = 0;
	int rc;

	if (s == NULL)
		return STORE_ERR_DB;
	if (cap > 100000)
		cap = 100000;
	bind_int(s, 1, after_id);
	bind_int(s, 2, (int64_t)cap);
	while ((rc = step(st, s)) == SQLITE_ROW)
		ids[n++] = sqlite3_column_int64(s, 0);
	if (rc < 0)
		return rc;
	done(s);
	return (int)n;
}

void store_strings_free(struct store_strings *list)
{
	for (size_t i = 0; i < list->n; i++)
		free(list->v[i]);
	free(list->v);
	list->v = NULL;
	list->n = 0;
}

int store_inbox_recent(struct store *st, const char *sender, int64_t since,
		       size_t max, struct store_strings *out)
{
	sqlite3_stmt *s = stmt(st, Q_IN_RECENT);
	int rc;

	out->v = NULL;
	out->n = 0;
	if (s == NULL)
		return STORE_ERR_DB;
	if (max == 0)
		return STORE_OK;
	out->v = calloc(max, sizeof(*out->v));
	if (out->v == NULL)
		return STORE_ERR_NOMEM;
	bind_text(s, 1, sender);
	bind_int(s, 2, since);
	bind_int(s, 3, (int64_t)max);
	while ((rc = step(st, s)) == SQLITE_ROW) {
		out->v[out->n] = col_dup(s, 0);
		if (out->v[out->n] == NULL) {
			done(s);
			store_strings_free(out);
			return STORE_ERR_NOMEM;
		}
		out->n++;
	}
	if (rc < 0) {
		store_strings_free(out);
		return rc;
	}
	done(s);
	return STORE_OK;
}

/* ---- outbox ------------------------------------------------------------ */

static int outbox_insert_parts(struct store *st, int64_t msg_id,
			       const struct store_outbox_new *msg, int64_t now)
{
	for (size_t i = 0; i < msg->n_parts; i++) {
		sqlite3_stmt *s = stmt(st, Q_OUT_PART_INSERT);
		int rc;

		if (s == NULL)
			return STORE_ERR_DB;
		bind_int(s, 1, msg_id);
		bind_int(s, 2, (int64_t)i + 1);
		bind_text(s, 3, msg->parts[i].pdu_hex);
		bind_int(s, 4, msg->parts[i].tpdu_len);
		bind_int(s, 5, now);
		rc = run(st, s);
		if (rc < 0)
			return rc;
	}
	return STORE_OK;
}

static int outbox_args_ok(const struct store_outbox_new *msg)
{
	const char *modem = msg->modem != NULL ? msg->modem : "";

	if (!fits(msg->to, STORE_NUMBER_MAX) || msg->to[0] == '\0' ||
	    msg->text == NULL || !fits(modem, STORE_ID_MAX) ||
	    msg->n_parts < 1 || msg->n_parts > 255 || msg->parts == NULL)
		return 0;
	for (size_t i = 0; i < msg->n_parts; i++)
		if (!fits(msg->parts[i].pdu_hex, STORE_PDU_HEX_MAX) ||
		    msg->parts[i].pdu_hex[0] == '\0' ||
		    msg->parts[i].tpdu_len <= 0)
			return 0;
	switch (msg->origin) {
	case STORE_ORIGIN_REPLY:
	case STORE_ORIGIN_STAFF:
	case STORE_ORIGIN_REMINDER:
		return 1;
	}
	return 0;
}

int store_outbox_queue(struct store *st, const struct store_outbox_new *msg,
		       int64_t now, int64_t *msg_id)
{
	sqlite3_stmt *s;
	struct tx tx;
	int64_t id = 0;
	int rc;

	if (!outbox_args_ok(msg))
		return STORE_ERR_ARG;
	rc = tx_enter(st, &tx);
	if (rc < 0)
		return rc;
	s = stmt(st, Q_OUT_MSG_INSERT);
	if (s == NULL)
		return tx_leave(st, &tx, STORE_ERR_DB);
	bind_text(s, 1, msg->to);
	bind_text(s, 2, msg->text);
	bind_int(s, 3, msg->origin);
	if (msg->inbox_id > 0)
		bind_int(s, 4, msg->inbox_id);
	bind_text(s, 5, msg->modem != NULL ? msg->modem : "");
	bind_int(s, 6, now);
	bind_int(s, 7, (int64_t)msg->n_parts);
	rc = run(st, s);
	if (rc == STORE_OK) {
		id = sqlite3_last_insert_rowid(st->db);
		rc = outbox_insert_parts(st, id, msg, now);
	}
	rc = tx_leave(st, &tx, rc);
	if (rc == STORE_OK && msg_id != NULL)
		*msg_id = id;
	return rc;
}

int store_outbox_next(struct store *st, int64_t now, const char *modem,
		      struct store_out_job *job)
{
	sqlite3_stmt *s = stmt(st, Q_OUT_NEXT);
	int rc;

	if (s == NULL)
		return STORE_ERR_DB;
	bind_int(s, 1, now);
	if (modem != NULL)
		bind_text(s, 2, modem);
	rc = step(st, s);
	if (rc < 0)
		return rc;
	if (rc != SQLITE_ROW) {
		done(s);
		return STORE_ERR_NOT_FOUND;
	}
	memset(job, 0, sizeof(*job));
	job->part_id = sqlite3_column_int64(s, 0);
	job->msg_id = sqlite3_column_int64(s, 1);
	job->seq = sqlite3_column_int(s, 2);
	job->n_parts = sqlite3_column_int(s, 3);
	col_copy(s, 4, job->to, sizeof(job->to));
	col_copy(s, 5, job->modem, sizeof(job->modem));
	job->origin = (enum store_origin)sqlite3_column_int(s, 6);
	job->tries = sqlite3_column_int(s, 7);
	job->tpdu_len = sqlite3_column_int(s, 8);
	col_copy(s, 9, job->pdu_hex, sizeof(job->pdu_hex));
	done(s);
	return STORE_OK;
}

int store_outbox_next_due(struct store *st, int64_t *when)
{
	sqlite3_stmt *s = stmt(st, Q_OUT_NEXT_DUE);
	int rc;

	if (s == NULL)
		return STORE_ERR_DB;
	rc = step(st, s);
	if (rc < 0)
		return rc;
	rc = (rc == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL)
		 ? STORE_OK
		 : STORE_ERR_NOT_FOUND;
	if (rc == STORE_OK)
		*when = sqlite3_column_int64(s, 0);
	done(s);
	return rc;
}

int store_outbox_mark_sending(struct store *st, int64_t part_id,
			      const char *modem, int64_t now)
{
	sqlite3_stmt *s;
	struct tx tx;
	int rc;

	(void)now;
	if (modem == NULL)
		modem = "";
	if (!fits(modem, STORE_ID_MAX))
		return STORE_ERR_ARG;
	rc = tx_enter(st, &tx);
	if (rc < 0)
		return rc;
	s = stmt(st, Q_OUT_SENDING);
	if (s == NULL)
		return tx_leave(st, &tx, STORE_ERR_DB);
	bind_int(s, 1, part_id);
	bind_text(s, 2, modem);
	rc = run(st, s);
	if (rc == STORE_OK)
		rc = changed_or_why(st, Q_OUT_PART_EXISTS, part_id);
	if (rc == STORE_OK && modem[0] != '\0') {
		s = stmt(st, Q_OUT_PIN);
		rc = s == NULL ? STORE_ERR_DB : STORE_OK;
		if (rc == STORE_OK) {
			bind_int(s, 1, part_id);
			bind_text(s, 2, modem);
			rc = run(st, s);
		}
	}
	return tx_leave(st, &tx, rc);
}

int store_outbox_mark_sent(struct store *st, int64_t part_id, int mr,
			   int64_t now)
{
	sqlite3_stmt *s = stmt(st, Q_OUT_SENT);
	int rc;

	if (s == NULL)
		return STORE_ERR_DB;
	bind_int(s, 1, part_id);
	bind_int(s, 2, mr);
	bind_int(s, 3, now);
	rc = run(st, s);
	if (rc < 0)
		return rc;
	return changed_or_why(st, Q_OUT_PART_EXISTS, part_id);
}

int store_outbox_mark_retry(struct store *st, int64_t part_id,
			    const char *error, int64_t next_try_at, int64_t now)
{
	sqlite3_stmt *s = stmt(st, Q_OUT_RETRY);
	int rc;

	(void)now;
	if (s == NULL)
		return STORE_ERR_DB;
	bind_int(s, 1, part_id);
	bind_text(s, 2, error != NULL ? error : "");
	bind_int(s, 3, next_try_at);
	rc = run(st, s);
	if (rc < 0)
		return rc;
	return changed_or_why(st, Q_OUT_PART_EXISTS, part_id);
}

int store_outbox_mark_failed(struct store *st, int64_t part_id,
			     const char *error, int64_t now)
{
	sqlite3_stmt *s;
	struct tx tx;
	int rc;

	if (error == NULL)
		error = "";
	rc = tx_enter(st, &tx);
	if (rc < 0)
		return rc;
	s = stmt(st, Q_OUT_FAIL);
	if (s == NULL)
		return tx_leave(st, &tx, STORE_ERR_DB);
	bind_int(s, 1, part_id);
	bind_text(s, 2, error);
	bind_int(s, 3, now);
	rc = run(st, s);
	if (rc == STORE_OK)
		rc = changed_or_why(st, Q_OUT_PART_EXISTS, part_id);
	if (rc == STORE_OK) {
		s = stmt(st, Q_OUT_FAIL_REST);
		rc = s == NULL ? STORE_ERR_DB : STORE_OK;
		if (rc == STORE_OK) {
			bind_int(s, 1, part_id);
			bind_text(s, 2, "an earlier part failed");
			bind_int(s, 3, now);
			rc = run(st, s);
		}
	}
	return tx_leave(st, &tx, rc);
}

int store_outbox_delivered_by_mr(struct store *st, const char *modem, int mr,
				 int status, int64_t now)
{
	sqlite3_stmt *s = stmt(st, Q_OUT_BY_MR);
	int64_t part_id;
	char why[64];
	int rc;

	if (s == NULL)
		return STORE_ERR_DB;
	bind_text(s, 1, modem != NULL ? modem : "");
	bind_int(s, 2, mr);
	rc = step(st, s);
	if (rc < 0)
		return rc;
	if (rc != SQLITE_ROW) {
		done(s);
		return STORE_ERR_NOT_FOUND;
	}
	part_id = sqlite3_column_int64(s, 0);
	done(s);
	/* TS 23.040 9.2.3.15: 0x20-0x3F means the SC is still trying. */
	if (status >= 0x20 && status < 0x40)
		return STORE_OK;
	s = stmt(st, Q_OUT_REPORTED);
	if (s == NULL)
		return STORE_ERR_DB;
	snprintf(why, sizeof(why), "delivery failed: status 0x%02X",
		 (unsigned)status & 0xffu);
	bind_int(s, 1, part_id);
	bind_int(s, 2, status < 0x20 ? STORE_OUT_DELIVERED : STORE_OUT_FAILED);
	bind_text(s, 3, status < 0x20 ? "" : why);
	bind_int(s, 4, now);
	return run(st, s);
}

int store_outbox_recover(struct store *st, int64_t now)
{
	sqlite3_stmt *s = stmt(st, Q_OUT_RECOVER);
	int rc;

	if (s == NULL)
		return STORE_ERR_DB;
	bind_int(s, 1, now);
	rc = run(st, s);
	if (rc < 0)
		return rc;
	return sqlite3_changes(st->db);
}

int64_t store_outbox_backoff(int tries)
{
	int64_t wait = 30;

	for (int i = 1; i < tries && wait < 3600; i++)
		wait *= 2;
	return wait < 3600 ? wait : 3600;
}

int store_outbox_get(struct store *st, int64_t msg_id,
		     struct store_out_msg *out)
{
	sqlite3_stmt *s = stmt(st, Q_OUT_MSG_GET);
	int rc;

	memset(out, 0, sizeof(*out));
	if (s == NULL)
		return STORE_ERR_DB;
	bind_int(s, 1, msg_id);
	rc = step(st, s);
	if (rc < 0)
		return rc;
	if (rc != SQLITE_ROW) {
		done(s);
		return STORE_ERR_NOT_FOUND;
	}
	out->id = sqlite3_column_int64(s, 0);
	col_copy(s, 1, out->to, sizeof(out->to));
	out->origin = (enum store_origin)sqlite3_column_int(s, 2);
	out->inbox_id = sqlite3_column_int64(s, 3);
	out->created_at = sqlite3_column_int64(s, 4);
	out->n_parts = sqlite3_column_int(s, 5);
	out->text = col_dup(s, 6);
	out->state = (enum store_out_state)sqlite3_column_int(s, 7);
	col_copy(s, 8, out->last_error, sizeof(out->last_error));
	done(s);
	return out->text != NULL ? STORE_OK : STORE_ERR_NOMEM;
}

void store_out_msg_clear(struct store_out_msg *msg)
{
	free(msg->text);
	msg->text = NULL;
}

int store_outbox_part_state(struct store *st, int64_t part_id,
			    enum store_out_state *state, int *tries, int *mr)
{
	sqlite3_stmt *s = stmt(st, Q_OUT_PART_GET);
	int rc;

	if (s == NULL)
		return STORE_ERR_DB;
	bind_int(s, 1, part_id);
	rc = step(st, s);
	if (rc < 0)
		return rc;
	if (rc != SQLITE_ROW) {
		done(s);
		return STORE_ERR_NOT_FOUND;
	}
	if (state != NULL)
		*state = (enum store_out_state)sqlite3_column_int(s, 0);
	if (tries != NULL)
		*tries = sqlite3_column_int(s, 1);
	if (mr != NULL)
		*mr = sqlite3_column_int(s, 2);
	done(s);
	return STORE_OK;
}

int store_replies_since(struct store *st, const char *to, int64_t since,
			int64_t *count)
{
	return count_query(st, Q_OUT_REPLIES_SINCE, to, since, 0, count);
}

/* ---- bookings ---------------------------------------------------------- */

#define REF_ALPHABET_LEN (sizeof(STORE_REF_ALPHABET) - 1)

int store_ref_normalise(const char *typed, char *out)
{
	size_t n = 0;

	out[0] = '\0';
	if (typed == NULL)
		return 0;
	for (const char *p = typed; *p != '\0'; p++) {
		int c = toupper((unsigned char)*p);
		if (n >= STORE_REF_MAX - 1 ||
		    strchr(STORE_REF_ALPHABET, c) == NULL)
			return 0;
		out[n++] = (char)c;
	}
	out[n] = '\0';
	return n == 4 || n == 5;
}

/*
 * A random reference of len characters, drawn without modulo bias: bytes
 * at or above the largest multiple of the alphabet size are thrown away.
 */
static int ref_generate(struct store *st, size_t len, char *out)
{
	const unsigned limit = 256 - 256 % REF_ALPHABET_LEN;
	unsigned char buf[32];
	size_t n = 0;

	while (n < len) {
		if (st->random(st->random_ctx, buf, sizeof(buf)) != 0) {
			snprintf(st->errmsg, sizeof(st->errmsg),
				 "no random bytes for a booking reference");
			return STORE_ERR_DB;
		}
		for (size_t i = 0; i < sizeof(buf) && n < len; i++)
			if (buf[i] < limit)
				out[n++] = STORE_REF_ALPHABET[buf[i] %
							      REF_ALPHABET_LEN];
	}
	out[n] = '\0';
	return STORE_OK;
}

/* A reference no booking has ever had: 4 characters while they are easy to
 * find, then 5. Runs inside the booking transaction. */
static int ref_unused(struct store *st, char *ref)
{
	for (int attempt = 0; attempt < 40; attempt++) {
		sqlite3_stmt *s;
		int rc = ref_generate(st, attempt < 20 ? 4 : 5, ref);

		if (rc < 0)
			return rc;
		s = stmt(st, Q_BK_REF_TAKEN);
		if (s == NULL)
			return STORE_ERR_DB;
		bind_text(s, 1, ref);
		rc = step(st, s);
		if (rc < 0)
			return rc;
		done(s);
		if (rc == SQLITE_DONE)
			return STORE_OK;
	}
	snprintf(st->errmsg, sizeof(st->errmsg),
		 "no unused booking reference found");
	return STORE_ERR_DB;
}

static int booking_insert(struct store *st, const char *service, int64_t start,
			  int minutes, const char *customer, int64_t now,
			  const char *ref)
{
	sqlite3_stmt *s = stmt(st, Q_BK_INSERT);

	if (s == NULL)
		return STORE_ERR_DB;
	bind_text(s, 1, ref);
	bind_text(s, 2, service);
	bind_int(s, 3, start);
	bind_int(s, 4, minutes);
	bind_text(s, 5, customer);
	bind_int(s, 6, now);
	return run(st, s);
}

int store_booking_create(struct store *st, const char *service, int64_t start,
			 int minutes, int capacity, const char *customer,
			 int64_t now, char *ref, int64_t *id)
{
	int64_t taken = 0;
	struct tx tx;
	int rc;

	if (!fits(service, STORE_ID_MAX) || !fits(customer, STORE_NUMBER_MAX) ||
	    minutes <= 0 || capacity <= 0 || ref == NULL)
		return STORE_ERR_ARG;
	ref[0] = '\0';
	rc = tx_enter(st, &tx);
	if (rc < 0)
		return rc;
	rc = count_query(st, Q_BK_OVERLAP, service, start,
			 start + (int64_t)minutes * 60, &taken);
	if (rc == STORE_OK && taken >= capacity)
		rc = STORE_ERR_FULL;
	if (rc == STORE_OK)
		rc = ref_unused(st, ref);
	if (rc == STORE_OK)
		rc = booking_insert(st, service, start, minutes, customer, now,
				    ref);
	if (rc == STORE_OK && id != NULL)
		*id = sqlite3_last_insert_rowid(st->db);
	rc = tx_leave(st, &tx, rc);
	if (rc != STORE_OK)
		ref[0] = '\0';
	return rc;
}

static void booking_row(sqlite3_stmt *s, struct store_booking *b)
{
	memset(b, 0, sizeof(*b));
	b->id = sqlite3_column_int64(s, 0);
	col_copy(s, 1, b->ref, sizeof(b->ref));
	col_copy(s, 2, b->service, sizeof(b->service));
	b->start = sqlite3_column_int64(s, 3);
	b->minutes = sqlite3_column_int(s, 4);
	col_copy(s, 5, b->customer, sizeof(b->customer));
	b->state =
	    sqlite3_column_int(s, 6) == 0 ? STORE_BOOKED : STORE_CANCELLED;
	b->created_at = sqlite3_column_int64(s, 7);
	b->cancelled_at = sqlite3_column_int64(s, 8);
	b->reminded_at = sqlite3_column_int64(s, 9);
}

/* Collect every row of a booking query whose parameters are bound. */
static int booking_rows(struct store *st, sqlite3_stmt *s,
			struct store_booking_list *out)
{
	size_t cap = 0;
	int rc;

	while ((rc = step(st, s)) == SQLITE_ROW) {
		if (out->n == cap) {
			size_t ncap = cap == 0 ? 8 : cap * 2;
			void *v = realloc(out->v, ncap * sizeof(*out->v));
			if (v == NULL) {
				done(s);
				store_booking_list_free(out);
				return STORE_ERR_NOMEM;
			}
			out->v = v;
			cap = ncap;
		}
		booking_row(s, &out->v[out->n++]);
	}
	if (rc < 0) {
		store_booking_list_free(out);
		return rc;
	}
	done(s);
	return STORE_OK;
}

void store_booking_list_free(struct store_booking_list *list)
{
	free(list->v);
	list->v = NULL;
	list->n = 0;
}

int store_booking_find(struct store *st, const char *ref, const char *customer,
		       struct store_booking *out)
{
	char norm[STORE_REF_MAX];
	sqlite3_stmt *s;
	int rc;

	if (!store_ref_normalise(ref, norm) || customer == NULL)
		return STORE_ERR_NOT_FOUND;
	s = stmt(st, Q_BK_FIND);
	if (s == NULL)
		return STORE_ERR_DB;
	bind_text(s, 1, norm);
	bind_text(s, 2, customer);
	rc = step(st, s);
	if (rc < 0)
		return rc;
	if (rc == SQLITE_ROW)
		booking_row(s, out);
	done(s);
	return rc == SQLITE_ROW ? STORE_OK : STORE_ERR_NOT_FOUND;
}

int store_booking_cancel(struct store *st, const char *ref,
			 const char *customer, int64_t now,
			 struct store_booking *out)
{
	struct store_booking b;
	sqlite3_stmt *s;
	struct tx tx;
	int rc;

	rc = tx_enter(st, &tx);
	if (rc < 0)
		return rc;
	rc = store_booking_find(st, ref, customer, &b);
	if (rc == STORE_OK && b.state != STORE_BOOKED)
		rc = STORE_ERR_STATE;
	if (rc == STORE_OK) {
		s = stmt(st, Q_BK_CANCEL);
		rc = s == NULL ? STORE_ERR_DB : STORE_OK;
		if (rc == STORE_OK) {
			bind_int(s, 1, b.id);
			bind_int(s, 2, now);
			rc = run(st, s);
		}
		b.state = STORE_CANCELLED;
		b.cancelled_at = now;
	}
	rc = tx_leave(st, &tx, rc);
	if (out != NULL && (rc == STORE_OK || rc == STORE_ERR_STATE))
		*out = b;
	return rc;
}

int store_bookings_upcoming(struct store *st, const char *customer,
			    int64_t from, struct store_booking_list *out)
{
	sqlite3_stmt *s = stmt(st, Q_BK_UPCOMING);

	out->v = NULL;
	out->n = 0;
	if (s == NULL)
		return STORE_ERR_DB;
	bind_text(s, 1, customer);
	bind_int(s, 2, from);
	return booking_rows(st, s, out);
}

int store_booking_count(struct store *st, const char *service, int64_t from,
			int64_t to, int64_t *count)
{
	return count_query(st, Q_BK_OVERLAP, service, from, to, count);
}

int store_bookings_between(struct store *st, int64_t from, int64_t to,
			   int include_cancelled,
			   struct store_booking_list *out)
{
	sqlite3_stmt *s = stmt(st, Q_BK_BETWEEN);

	out->v = NULL;
	out->n = 0;
	if (s == NULL)
		return STORE_ERR_DB;
	bind_int(s, 1, from);
	bind_int(s, 2, to);
	bind_int(s, 3, include_cancelled ? 1 : 0);
	return booking_rows(st, s, out);
}

int store_bookings_due_reminder(struct store *st, int64_t now, int64_t lead,
				struct store_booking_list *out)
{
	sqlite3_stmt *s = stmt(st, Q_BK_DUE_REMINDER);

	out->v = NULL;
	out->n = 0;
	if (s == NULL)
		return STORE_ERR_DB;
	bind_int(s, 1, now);
	bind_int(s, 2, lead);
	return booking_rows(st, s, out);
}

int store_booking_mark_reminded(struct store *st, int64_t id, int64_t now)
{
	sqlite3_stmt *s = stmt(st, Q_BK_REMINDED);
	int rc;

	if (s == NULL)
		return STORE_ERR_DB;
	bind_int(s, 1, id);
	bind_int(s, 2, now);
	rc = run(st, s);
	if (rc < 0)
		return rc;
	return changed_or_why(st, Q_BK_EXISTS, id);
}

/* ---- conversations ----------------------------------------------------- */

int store_conv_get(struct store *st, const char *sender, int64_t now,
		   struct store_conv *out)
{
	sqlite3_stmt *s = stmt(st, Q_CONV_GET);
	int rc;

	if (s == NULL)
		return STORE_ERR_DB;
	bind_text(s, 1, sender);
	bind_int(s, 2, now);
	rc = step(st, s);
	if (rc < 0)
		return rc;
	if (rc == SQLITE_ROW) {
		col_copy(s, 0, out->kind, sizeof(out->kind));
		col_copy(s, 1, out->state, sizeof(out->state));
		out->expires_at = sqlite3_column_int64(s, 2);
		out->updated_at = sqlite3_column_int64(s, 3);
	}
	done(s);
	return rc == SQLITE_ROW ? STORE_OK : STORE_ERR_NOT_FOUND;
}

int store_conv_set(struct store *st, const char *sender, const char *kind,
		   const char *state, int64_t expires_at, int64_t now)
{
	sqlite3_stmt *s;

	if (!fits(sender, STORE_NUMBER_MAX) ||
	    !fits(kind, STORE_CONV_KIND_MAX) ||
	    !fits(state, STORE_CONV_STATE_MAX))
		return STORE_ERR_ARG;
	s = stmt(st, Q_CONV_SET);
	if (s == NULL)
		return STORE_ERR_DB;
	bind_text(s, 1, sender);
	bind_text(s, 2, kind);
	bind_text(s, 3, state);
	bind_int(s, 4, expires_at);
	bind_int(s, 5, now);
	return run(st, s);
}

int store_conv_clear(struct store *st, const char *sender)
{
	sqlite3_stmt *s = stmt(st, Q_CONV_CLEAR);

	if (s == NULL)
		return STORE_ERR_DB;
	bind_text(s, 1, sender);
	return run(st, s);
}

/* ---- opt-outs ---------------------------------------------------------- */

int store_optout_set(struct store *st, const char *number, int64_t now)
{
	sqlite3_stmt *s;

	if (!fits(number, STORE_NUMBER_MAX))
		return STORE_ERR_ARG;
	s = stmt(st, Q_OPT_SET);
	if (s == NULL)
		return STORE_ERR_DB;
	bind_text(s, 1, number);
	bind_int(s, 2, now);
	return run(st, s);
}

int store_optout_clear(struct store *st, const char *number)
{
	sqlite3_stmt *s = stmt(st, Q_OPT_CLEAR);

	if (s == NULL)
		return STORE_ERR_DB;
	bind_text(s, 1, number);
	return run(st, s);
}

int store_is_opted_out(struct store *st, const char *number, int64_t *since)
{
	sqlite3_stmt *s = stmt(st, Q_OPT_GET);
	int rc;

	if (s == NULL)
		return STORE_ERR_DB;
	bind_text(s, 1, number);
	rc = step(st, s);
	if (rc < 0)
		return rc;
	if (rc == SQLITE_ROW && since != NULL)
		*since = sqlite3_column_int64(s, 0);
	done(s);
	return rc == SQLITE_ROW;
}

/* ---- referral ledger --------------------------------------------------- */

const char *store_reason_name(enum store_reason reason)
{
	switch (reason) {
	case STORE_REASON_NOT_OFFERED:
		return "not_offered";
	case STORE_REASON_FULL:
		return "full";
	case STORE_REASON_CLOSED:
		return "closed";
	case STORE_REASON_OUTSIDE_HOURS:
		return "outside_hours";
	case STORE_REASON_SHORT_NOTICE:
		return "short_notice";
	case STORE_REASON_BEYOND_HORIZON:
		return "beyond_horizon";
	case STORE_REASON_OTHER:
		return "other";
	}
	return "other";
}

int store_ledger_add(struct store *st, const char *sender,
		     const char *requested, enum store_reason reason,
		     const char *const *referrals, size_t n, int64_t now,
		     int64_t *id)
{
	sqlite3_stmt *s;
	int64_t lid = 0;
	struct tx tx;
	int rc;

	if (!fits(sender, STORE_NUMBER_MAX) ||
	    !fits(requested != NULL ? requested : "", STORE_ID_MAX) ||
	    (n > 0 && referrals == NULL))
		return STORE_ERR_ARG;
	for (size_t i = 0; i < n; i++)
		if (!fits(referrals[i], STORE_ID_MAX))
			return STORE_ERR_ARG;
	rc = tx_enter(st, &tx);
	if (rc < 0)
		return rc;
	s = stmt(st, Q_LEDGER_INSERT);
	if (s == NULL)
		return tx_leave(st, &tx, STORE_ERR_DB);
	bind_text(s, 1, sender);
	bind_text(s, 2, requested != NULL ? requested : "");
	bind_text(s, 3, store_reason_name(reason));
	bind_int(s, 4, now);
	rc = run(st, s);
	lid = sqlite3_last_insert_rowid(st->db);
	for (size_t i = 0; rc == STORE_OK && i < n; i++) {
		s = stmt(st, Q_LEDGER_REF_INSERT);
		if (s == NULL) {
			rc = STORE_ERR_DB;
			break;
		}
		bind_int(s, 1, lid);
		bind_int(s, 2, (int64_t)i);
		bind_text(s, 3, referrals[i]);
		rc = run(st, s);
	}
	rc = tx_leave(st, &tx, rc);
	if (rc == STORE_OK && id != NULL)
		*id = lid;
	return rc;
}

int store_referral_rank(struct store *st, const char *const *names, size_t n,
			size_t *order)
{
	int64_t *last = calloc(n > 0 ? n : 1, sizeof(*last));
	sqlite3_stmt *s = stmt(st, Q_LEDGER_LAST_NAMED);
	int rc = STORE_OK;

	if (last == NULL)
		return STORE_ERR_NOMEM;
	if (s == NULL) {
		free(last);
		return STORE_ERR_DB;
	}
	/* Ledger ids grow with time, so the latest id naming a referral says
	 * when it was last named; 0 = never. */
	for (size_t i = 0; i < n && rc == STORE_OK; i++) {
		bind_text(s, 1, names[i]);
		rc = step(st, s);
		if (rc < 0)
			break;
		last[i] = sqlite3_column_int64(s, 0);
		done(s);
		rc = STORE_OK;
	}
	/* Insertion sort: stable, and n is a handful of names. */
	for (size_t i = 0; rc == STORE_OK && i < n; i++) {
		size_t j = i;
		order[i] = i;
		while (j > 0 && last[order[j - 1]] > last[i]) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = i;
	}
	free(last);
	return rc;
}

/* ---- report ------------------------------------------------------------ */

static int report_counts(struct store *st, int64_t since,
			 struct store_report *r)
{
	sqlite3_stmt *s;
	int rc;

	s = stmt(st, Q_REP_IN);
	if (s == NULL)
		return STORE_ERR_DB;
	bind_int(s, 1, since);
	if ((rc = step(st, s)) < 0)
		return rc;
	r->in_total = sqlite3_column_int64(s, 0);
	r->in_answered = sqlite3_column_int64(s, 1);
	r->in_ignored = sqlite3_column_int64(s, 2);
	r->in_new = sqlite3_column_int64(s, 3);
	done(s);
	s = stmt(st, Q_REP_OUT);
	if (s == NULL)
		return STORE_ERR_DB;
	bind_int(s, 1, since);
	if ((rc = step(st, s)) < 0)
		return rc;
	r->out_total = sqlite3_column_int64(s, 0);
	r->out_queued = sqlite3_column_int64(s, 1);
	r->out_sent = sqlite3_column_int64(s, 2);
	r->out_delivered = sqlite3_column_int64(s, 3);
	r->out_failed = sqlite3_column_int64(s, 4);
	r->out_parts = sqlite3_column_int64(s, 5);
	done(s);
	s = stmt(st, Q_REP_BOOKINGS);
	if (s == NULL)
		return STORE_ERR_DB;
	bind_int(s, 1, since);
	if ((rc = step(st, s)) < 0)
		return rc;
	r->bookings_made = sqlite3_column_int64(s, 0);
	r->bookings_cancelled = sqlite3_column_int64(s, 1);
	done(s);
	return STORE_OK;
}

/* Room for one more element after n of `size` bytes: the new array (its
 * last element zeroed), or NULL with v untouched. */
static void *grow(void *v, size_t n, size_t size)
{
	char *p = realloc(v, (n + 1) * size);

	if (p != NULL)
		memset(p + n * size, 0, size);
	return p;
}

static int report_demand(struct store *st, int64_t since,
			 struct store_report *r)
{
	sqlite3_stmt *s = stmt(st, Q_REP_DEMAND);
	int rc;

	if (s == NULL)
		return STORE_ERR_DB;
	bind_int(s, 1, since);
	while ((rc = step(st, s)) == SQLITE_ROW) {
		struct store_demand_row *v, *row;

		v = grow(r->demand, r->n_demand, sizeof(*v));
		if (v == NULL) {
			done(s);
			return STORE_ERR_NOMEM;
		}
		r->demand = v;
		row = &v[r->n_demand++];
		col_copy(s, 0, row->requested, sizeof(row->requested));
		col_copy(s, 1, row->reason, sizeof(row->reason));
		row->count = sqlite3_column_int64(s, 2);
		r->turned_away += row->count;
	}
	if (rc < 0)
		return rc;
	done(s);
	return STORE_OK;
}

static int report_named(struct store *st, int64_t since, struct store_report *r)
{
	sqlite3_stmt *s = stmt(st, Q_REP_NAMED);
	int rc;

	if (s == NULL)
		return STORE_ERR_DB;
	bind_int(s, 1, since);
	while ((rc = step(st, s)) == SQLITE_ROW) {
		struct store_named_row *v, *row;

		v = grow(r->referrals, r->n_referrals, sizeof(*v));
		if (v == NULL) {
			done(s);
			return STORE_ERR_NOMEM;
		}
		r->referrals = v;
		row = &v[r->n_referrals++];
		col_copy(s, 0, row->name, sizeof(row->name));
		row->count = sqlite3_column_int64(s, 1);
	}
	if (rc < 0)
		return rc;
	done(s);
	return STORE_OK;
}

static int report_failed(struct store *st, int64_t since,
			 struct store_report *r)
{
	sqlite3_stmt *s = stmt(st, Q_REP_FAILED);
	int rc;

	if (s == NULL)
		return STORE_ERR_DB;
	r->failed = calloc(STORE_REPORT_FAILED_MAX, sizeof(*r->failed));
	if (r->failed == NULL)
		return STORE_ERR_NOMEM;
	bind_int(s, 1, since);
	bind_int(s, 2, STORE_REPORT_FAILED_MAX);
	while ((rc = step(st, s)) == SQLITE_ROW &&
	       r->n_failed < STORE_REPORT_FAILED_MAX) {
		struct store_failed_row *row = &r->failed[r->n_failed++];

		row->msg_id = sqlite3_column_int64(s, 0);
		col_copy(s, 1, row->to, sizeof(row->to));
		row->created_at = sqlite3_column_int64(s, 2);
		col_copy(s, 3, row->error, sizeof(row->error));
	}
	if (rc < 0)
		return rc;
	done(s);
	return STORE_OK;
}

int store_report_build(struct store *st, int64_t since,
		       struct store_report *out)
{
	sqlite3_stmt *s = NULL;
	int rc = STORE_OK, own = sqlite3_get_autocommit(st->db);

	memset(out, 0, sizeof(*out));
	/* One read transaction, so the numbers agree with each other while
	 * the daemon keeps writing. */
	if (own) {
		s = stmt(st, Q_BEGIN_READ);
		rc = s == NULL ? STORE_ERR_DB : run(st, s);
	}
	if (rc == STORE_OK)
		rc = report_counts(st, since, out);
	if (rc == STORE_OK)
		rc = report_demand(st, since, out);
	if (rc == STORE_OK)
		rc = report_named(st, since, out);
	if (rc == STORE_OK)
		rc = report_failed(st, since, out);
	if (own && !sqlite3_get_autocommit(st->db)) {
		s = stmt(st, Q_COMMIT);
		if (s != NULL)
			run(st, s);
	}
	if (rc != STORE_OK)
		store_report_free(out);
	return rc;
}

void store_report_free(struct store_report *r)
{
	free(r->demand);
	free(r->referrals);
	free(r->failed);
	r->demand = NULL;
	r->referrals = NULL;
	r->failed = NULL;
	r->n_demand = 0;
	r->n_referrals = 0;
	r->n_failed = 0;
}
