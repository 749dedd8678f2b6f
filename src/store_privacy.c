/*
 * store_privacy: what smsdesk keeps about people, and for how long — the
 * retention prune, erasing one person, what is held about them, making
 * deleted bytes leave the file, and the keyed hashes that keep an erased
 * person's opt-out. See include/smsdesk/store.h.
 *
 * Personal columns: inbox.sender/text/pdu_hex (and pdu_hash, derived from
 * the PDU), in_part.sender/pdu_hex, out_msg.to_number/text,
 * out_part.pdu_hex, bookings.customer/name/note, conversations.*,
 * optouts.number, ledger.sender. Everything else is what the report counts.
 */
#include "store_internal.h"

#include "smsdesk/digest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char SQL_KEY_SET[] =
    "INSERT OR IGNORE INTO secrets (name, value) VALUES ('optout_key', ?1)";
static const char SQL_KEY_GET[] =
    "SELECT value FROM secrets WHERE name = 'optout_key'";
static const char SQL_SECURE_DELETE[] = "PRAGMA secure_delete = ON";

/* ---- the retention prune: ?1 is the cut-off ------------------------------ */

static const char SQL_PRUNE_INBOX[] =
    "UPDATE inbox SET sender = '', text = '', pdu_hex = '',"
    " pdu_hash = 'pruned:' || id WHERE received_at < ?1 AND"
    " (sender != '' OR text != '' OR pdu_hex != '')";
static const char SQL_PRUNE_PARTS[] =
    "DELETE FROM in_part WHERE received_at < ?1";
/* Outbound texts are done with once no part waits to be sent. */
#define OUT_FINISHED                                                           \
	" NOT EXISTS (SELECT 1 FROM out_part q WHERE q.msg_id = m.id"          \
	" AND q.state IN (0, 1))"
static const char SQL_PRUNE_OUT_PARTS[] =
    "UPDATE out_part SET pdu_hex = '' WHERE pdu_hex != '' AND msg_id IN"
    " (SELECT m.id FROM out_msg m WHERE m.created_at < ?1 AND" OUT_FINISHED ")";
static const char SQL_PRUNE_OUT[] =
    "UPDATE out_msg AS m SET to_number = '', text = '' WHERE"
    " m.created_at < ?1 AND (m.to_number != '' OR m.text != '') "
    "AND" OUT_FINISHED;
static const char SQL_PRUNE_BOOKINGS[] =
    "UPDATE bookings SET customer = '', name = '', note = ''"
    " WHERE start + minutes * 60 < ?1 AND"
    " (customer != '' OR name != '' OR note != '')";
static const char SQL_PRUNE_CONV[] =
    "DELETE FROM conversations WHERE updated_at < ?1";
static const char SQL_PRUNE_LEDGER[] =
    "UPDATE ledger SET sender = '' WHERE created_at < ?1 AND sender != ''";
static const char SQL_OLD_OPTOUTS[] =
    "SELECT number, since FROM optouts WHERE since < ?1"
    " AND substr(number, 1, 1) != '#'";

/* ---- erasing one person: ?1 is one stored form of the number ------------ */

static const char SQL_OPTOUT_SINCE[] =
    "SELECT min(since) FROM optouts WHERE number = ?1 OR number = ?2";
static const char SQL_OPTOUT_DEL[] = "DELETE FROM optouts WHERE number = ?1";
static const char SQL_OPTOUT_KEEP[] =
    "INSERT INTO optouts (number, since) VALUES (?1, ?2)"
    " ON CONFLICT (number) DO UPDATE SET since = min(since, ?2)";
static const char SQL_FORGET_INBOX[] =
    "UPDATE inbox SET sender = '', text = '', pdu_hex = '',"
    " pdu_hash = 'erased:' || id WHERE sender = ?1";
static const char SQL_FORGET_PARTS[] = "DELETE FROM in_part WHERE sender = ?1";
static const char SQL_FORGET_UNSENT[] =
    "UPDATE out_part SET state = 4, last_error = 'erased on request',"
    " done_at = ?2 WHERE state IN (0, 1) AND msg_id IN"
    " (SELECT id FROM out_msg WHERE to_number = ?1)";
static const char SQL_FORGET_OUT_PARTS[] =
    "UPDATE out_part SET pdu_hex = '' WHERE msg_id IN"
    " (SELECT id FROM out_msg WHERE to_number = ?1)";
static const char SQL_FORGET_OUT[] =
    "UPDATE out_msg SET to_number = '', text = '' WHERE to_number = ?1";
static const char SQL_FORGET_BOOKINGS[] =
    "UPDATE bookings SET customer = '', name = '', note = ''"
    " WHERE customer = ?1";
static const char SQL_FORGET_CONV[] =
    "DELETE FROM conversations WHERE sender = ?1";
static const char SQL_FORGET_LEDGER[] =
    "UPDATE ledger SET sender = '' WHERE sender = ?1";

static const char SQL_NUMBERS[] =
    "SELECT sender FROM inbox UNION SELECT sender FROM in_part"
    " UNION SELECT to_number FROM out_msg UNION SELECT customer FROM"
    " bookings UNION SELECT sender FROM conversations UNION SELECT"
    " number FROM optouts UNION SELECT sender FROM ledger";

static const char SQL_CHECKPOINT[] = "PRAGMA wal_checkpoint(TRUNCATE)";
static const char SQL_VACUUM[] = "VACUUM";

#define KEY_BYTES 32

int db_privacy_setup(struct store *st)
{
	unsigned char key[KEY_BYTES];
	char hex[2 * KEY_BYTES + 1];
	int rc;

	if (st->random(st->random_ctx, key, sizeof(key)) != 0) {
		snprintf(st->errmsg, sizeof(st->errmsg),
			 "no random bytes for the opt-out key");
		return STORE_ERR_DB;
	}
	digest_hex(key, sizeof(key), hex);
	rc = db_exec(st, SQL_KEY_SET, DB_ARGS(DB_T(hex)));
	memset(key, 0, sizeof(key));
	memset(hex, 0, sizeof(hex));
	return rc;
}

/* The file's opt-out key into st->optout_key, read once per connection. */
static int optout_key_load(struct store *st)
{
	sqlite3_stmt *s;
	const char *key;
	int rc;

	if (st->optout_key[0] != '\0')
		return STORE_OK;
	rc = db_row(st, SQL_KEY_GET, DB_NO_ARGS, &s);
	if (rc == STORE_ERR_NOT_FOUND) {
		snprintf(st->errmsg, sizeof(st->errmsg),
			 "the database has no opt-out key");
		return STORE_ERR_DB;
	}
	if (rc < 0)
		return rc;
	key = (const char *)sqlite3_column_text(s, 0);
	snprintf(st->optout_key, sizeof(st->optout_key), "%s",
		 key != NULL ? key : "");
	db_done(s);
	if (st->optout_key[0] == '\0') {
		snprintf(st->errmsg, sizeof(st->errmsg),
			 "the database's opt-out key is empty");
		return STORE_ERR_DB;
	}
	return STORE_OK;
}

int db_optout_key(struct store *st, const char *number, char *out)
{
	unsigned char mac[DIGEST_SHA256_LEN];
	int rc;

	out[0] = '\0';
	if (number == NULL)
		return STORE_ERR_ARG;
	rc = optout_key_load(st);
	if (rc < 0)
		return rc;
	if (digest_hmac_sha256(st->optout_key, strlen(st->optout_key), number,
			       strlen(number), mac) != 0) {
		snprintf(st->errmsg, sizeof(st->errmsg),
			 "libcrypto could not compute the opt-out hash");
		return STORE_ERR_DB;
	}
	out[0] = '#';
	digest_hex(mac, sizeof(mac), out + 1);
	return STORE_OK;
}

static void sql_optout_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct store *st = sqlite3_user_data(ctx);
	const unsigned char *number = sqlite3_value_text(argv[0]);
	char key[STORE_OPTOUT_KEY_MAX];

	(void)argc;
	if (number == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	if (db_optout_key(st, (const char *)number, key) != STORE_OK)
		key[0] = '\0';
	sqlite3_result_text(ctx, key, -1, SQLITE_TRANSIENT);
}

int db_privacy_functions(struct store *st)
{
	int rc = sqlite3_create_function(st->db, "optout_key", 1,
					 SQLITE_UTF8 | SQLITE_DETERMINISTIC, st,
					 sql_optout_key, NULL, NULL);

	return rc == SQLITE_OK ? STORE_OK : db_fail(st, rc, "optout_key");
}

/* Run one write and add the rows it changed to *count. */
static int counted(struct store *st, const char *sql, const struct db_arg *a,
		   size_t n, int64_t *count)
{
	int rc = db_exec(st, sql, a, n);

	if (rc == STORE_OK)
		*count += db_changes(st);
	return rc;
}

/* Keep an opt-out of number (since) only as its keyed hash. */
static int keep_hashed(struct store *st, const char *number, int64_t since)
{
	char key[STORE_OPTOUT_KEY_MAX];
	int rc = db_optout_key(st, number, key);

	if (rc == STORE_OK)
		rc = db_exec(st, SQL_OPTOUT_KEEP,
			     DB_ARGS(DB_T(key), DB_I(since)));
	return rc;
}

/* ---- prune --------------------------------------------------------------- */

struct old_optouts {
	struct store_strings numbers;
	int64_t *since;
};

static int collect_optout(void *ctx, sqlite3_stmt *row)
{
	struct old_optouts *o = ctx;
	char **v = store_grow(o->numbers.v, o->numbers.n, sizeof(*v));
	int64_t *s;

	if (v == NULL)
		return STORE_ERR_NOMEM;
	o->numbers.v = v;
	s = store_grow(o->since, o->numbers.n, sizeof(*s));
	if (s == NULL)
		return STORE_ERR_NOMEM;
	o->since = s;
	v[o->numbers.n] = db_col_dup(row, 0);
	if (v[o->numbers.n] == NULL)
		return STORE_ERR_NOMEM;
	s[o->numbers.n] = sqlite3_column_int64(row, 1);
	o->numbers.n++;
	return STORE_OK;
}

static int prune_optouts(struct store *st, int64_t before, int64_t *count)
{
	struct old_optouts o = {{NULL, 0}, NULL};
	int rc = db_each(st, SQL_OLD_OPTOUTS, DB_ARGS(DB_I(before)),
			 collect_optout, &o);

	for (size_t i = 0; rc == STORE_OK && i < o.numbers.n; i++) {
		rc = keep_hashed(st, o.numbers.v[i], o.since[i]);
		if (rc == STORE_OK)
			rc = db_exec(st, SQL_OPTOUT_DEL,
				     DB_ARGS(DB_T(o.numbers.v[i])));
		if (rc == STORE_OK)
			(*count)++;
	}
	store_strings_free(&o.numbers);
	free(o.since);
	return rc;
}

int store_prune(struct store *st, int64_t before,
		struct store_privacy_counts *out)
{
	struct store_privacy_counts c = {0};
	int64_t ignored = 0;
	struct tx tx;
	int rc = db_exec(st, SQL_SECURE_DELETE, DB_NO_ARGS);

	if (rc < 0)
		return rc;
	rc = db_tx_enter(st, &tx);
	if (rc < 0)
		return rc;
	rc = counted(st, SQL_PRUNE_INBOX, DB_ARGS(DB_I(before)), &c.texts_in);
	if (rc == STORE_OK)
		rc = counted(st, SQL_PRUNE_PARTS, DB_ARGS(DB_I(before)),
			     &c.parts_in);
	if (rc == STORE_OK)
		rc = counted(st, SQL_PRUNE_OUT_PARTS, DB_ARGS(DB_I(before)),
			     &ignored);
	if (rc == STORE_OK)
		rc = counted(st, SQL_PRUNE_OUT, DB_ARGS(DB_I(before)),
			     &c.texts_out);
	if (rc == STORE_OK)
		rc = counted(st, SQL_PRUNE_BOOKINGS, DB_ARGS(DB_I(before)),
			     &c.bookings);
	if (rc == STORE_OK)
		rc = counted(st, SQL_PRUNE_CONV, DB_ARGS(DB_I(before)),
			     &c.conversations);
	if (rc == STORE_OK)
		rc = counted(st, SQL_PRUNE_LEDGER, DB_ARGS(DB_I(before)),
			     &c.ledger);
	if (rc == STORE_OK)
		rc = prune_optouts(st, before, &c.optouts);
	rc = db_tx_leave(st, &tx, rc);
	if (rc == STORE_OK && out != NULL)
		*out = c;
	return rc;
}

/* ---- one person -----------------------------------------------------------
 */

struct matching {
	store_match_fn match;
	void *ctx;
	struct store_strings *out;
};

static int collect_match(void *ctx, sqlite3_stmt *row)
{
	struct matching *m = ctx;
	const char *v = (const char *)sqlite3_column_text(row, 0);
	char **list;

	if (v == NULL || v[0] == '\0' || v[0] == '#' || !m->match(m->ctx, v))
		return STORE_OK;
	list = store_grow(m->out->v, m->out->n, sizeof(*list));
	if (list == NULL)
		return STORE_ERR_NOMEM;
	m->out->v = list;
	list[m->out->n] = strdup(v);
	if (list[m->out->n] == NULL)
		return STORE_ERR_NOMEM;
	m->out->n++;
	return STORE_OK;
}

int store_numbers_matching(struct store *st, store_match_fn match, void *ctx,
			   struct store_strings *out)
{
	struct matching m = {match, ctx, out};
	int rc;

	out->v = NULL;
	out->n = 0;
	rc = db_each(st, SQL_NUMBERS, DB_NO_ARGS, collect_match, &m);
	if (rc < 0)
		store_strings_free(out);
	return rc;
}

/* The earliest opt-out of number (as stored or as its hash), or -1. */
static int optout_since(struct store *st, const char *number, int64_t *since)
{
	char key[STORE_OPTOUT_KEY_MAX];
	int64_t t;
	int rc = db_optout_key(st, number, key);

	if (rc < 0)
		return rc;
	rc = db_int(st, SQL_OPTOUT_SINCE, DB_ARGS(DB_T(number), DB_T(key)), &t);
	if (rc == STORE_ERR_NOT_FOUND)
		return STORE_OK;
	if (rc == STORE_OK && (*since < 0 || t < *since))
		*since = t;
	return rc;
}

static int forget_form(struct store *st, const char *f, int64_t now,
		       struct store_privacy_counts *c)
{
	int64_t ignored = 0;
	int rc = db_exec(st, SQL_OPTOUT_DEL, DB_ARGS(DB_T(f)));

	if (rc == STORE_OK) /* forwards to the staff naming them */
		rc = db_forget_mentions(st, f, now, &c->texts_out);
	if (rc == STORE_OK)
		rc = counted(st, SQL_FORGET_INBOX, DB_ARGS(DB_T(f)),
			     &c->texts_in);
	if (rc == STORE_OK)
		rc = counted(st, SQL_FORGET_PARTS, DB_ARGS(DB_T(f)),
			     &c->parts_in);
	if (rc == STORE_OK)
		rc = counted(st, SQL_FORGET_UNSENT, DB_ARGS(DB_T(f), DB_I(now)),
			     &c->unsent);
	if (rc == STORE_OK)
		rc = counted(st, SQL_FORGET_OUT_PARTS, DB_ARGS(DB_T(f)),
			     &ignored);
	if (rc == STORE_OK)
		rc = counted(st, SQL_FORGET_OUT, DB_ARGS(DB_T(f)),
			     &c->texts_out);
	if (rc == STORE_OK)
		rc = counted(st, SQL_FORGET_BOOKINGS, DB_ARGS(DB_T(f)),
			     &c->bookings);
	if (rc == STORE_OK)
		rc = counted(st, SQL_FORGET_CONV, DB_ARGS(DB_T(f)),
			     &c->conversations);
	if (rc == STORE_OK)
		rc = counted(st, SQL_FORGET_LEDGER, DB_ARGS(DB_T(f)),
			     &c->ledger);
	return rc;
}

int store_forget(struct store *st, const struct store_strings *forms,
		 const char *e164, int64_t now,
		 struct store_privacy_counts *out)
{
	struct store_privacy_counts c = {0};
	int64_t since = -1;
	struct tx tx;
	int rc;

	if (e164 == NULL || e164[0] == '\0' || e164[0] == '#')
		return STORE_ERR_ARG;
	rc = db_exec(st, SQL_SECURE_DELETE, DB_NO_ARGS);
	if (rc < 0)
		return rc;
	rc = db_tx_enter(st, &tx);
	if (rc < 0)
		return rc;
	rc = optout_since(st, e164, &since);
	for (size_t i = 0; rc == STORE_OK && i < forms->n; i++)
		rc = optout_since(st, forms->v[i], &since);
	for (size_t i = 0; rc == STORE_OK && i < forms->n; i++)
		rc = forget_form(st, forms->v[i], now, &c);
	if (rc == STORE_OK)
		rc = db_forget_mentions(st, e164, now, &c.texts_out);
	if (rc == STORE_OK)
		rc = db_exec(st, SQL_OPTOUT_DEL, DB_ARGS(DB_T(e164)));
	/* STOP still holds: for the number in every form it came in. */
	if (rc == STORE_OK && since >= 0) {
		rc = keep_hashed(st, e164, since);
		for (size_t i = 0; rc == STORE_OK && i < forms->n; i++)
			rc = keep_hashed(st, forms->v[i], since);
		c.optouts = 1;
	}
	rc = db_tx_leave(st, &tx, rc);
	if (rc == STORE_OK && out != NULL)
		*out = c;
	return rc;
}

/* The first column of a pragma's row: 1 when the checkpoint was blocked. */
static int checkpoint(struct store *st)
{
	sqlite3_stmt *s;
	int rc = db_row(st, SQL_CHECKPOINT, DB_NO_ARGS, &s);

	if (rc < 0)
		return rc;
	if (sqlite3_column_int(s, 0) != 0) {
		snprintf(st->errmsg, sizeof(st->errmsg),
			 "another connection kept the log busy");
		rc = STORE_ERR_BUSY;
	}
	db_done(s);
	return rc;
}

int store_compact(struct store *st)
{
	int rc;

	if (store_in_transaction(st))
		return STORE_ERR_STATE;
	rc = checkpoint(st);
	if (rc == STORE_OK)
		rc = db_exec(st, SQL_VACUUM, DB_NO_ARGS);
	if (rc == STORE_OK)
		rc = checkpoint(st);
	return rc;
}

/* ---- what is held ---------------------------------------------------------
 */

struct column {
	const char *name;
	enum store_field_kind kind;
};

static const char SQL_HELD_INBOX[] =
    "SELECT received_at, sender, text, CASE state WHEN 0 THEN 'waiting'"
    " WHEN 1 THEN 'answered' ELSE 'not answered' END, reason, pdu_hex"
    " FROM inbox WHERE sender = ?1 ORDER BY received_at, id";
static const struct column COLS_INBOX[] = {
    {"received", STORE_FIELD_TIME}, {"from", STORE_FIELD_TEXT},
    {"text", STORE_FIELD_TEXT},	    {"state", STORE_FIELD_TEXT},
    {"why", STORE_FIELD_TEXT},	    {"pdu", STORE_FIELD_TEXT},
};
static const char SQL_HELD_PARTS[] =
    "SELECT received_at, sender, seq, total, pdu_hex FROM in_part"
    " WHERE sender = ?1 ORDER BY received_at, id";
static const struct column COLS_PARTS[] = {
    {"received", STORE_FIELD_TIME}, {"from", STORE_FIELD_TEXT},
    {"part", STORE_FIELD_INT},	    {"of", STORE_FIELD_INT},
    {"pdu", STORE_FIELD_TEXT},
};
static const char SQL_HELD_OUT[] =
    "SELECT m.created_at, m.to_number, m.text, CASE m.origin WHEN 0 THEN"
    " 'reply' WHEN 1 THEN 'staff' WHEN 2 THEN 'reminder' ELSE 'other' END,"
    " (SELECT CASE WHEN max(p.state) >= 4 THEN 'not sent' WHEN min(p.state)"
    " >= 3 THEN 'delivered' WHEN min(p.state) = 2 THEN 'sent' ELSE"
    " 'waiting' END FROM out_part p WHERE p.msg_id = m.id),"
    " (SELECT group_concat(p.pdu_hex, ' ') FROM out_part p"
    " WHERE p.msg_id = m.id) FROM out_msg m WHERE m.to_number = ?1"
    " ORDER BY m.created_at, m.id";
static const struct column COLS_OUT[] = {
    {"queued", STORE_FIELD_TIME}, {"to", STORE_FIELD_TEXT},
    {"text", STORE_FIELD_TEXT},	  {"kind", STORE_FIELD_TEXT},
    {"state", STORE_FIELD_TEXT},  {"pdus", STORE_FIELD_TEXT},
};
static const char SQL_HELD_BOOKINGS[] =
    "SELECT ref, service, start, minutes, CASE state WHEN 0 THEN 'booked'"
    " ELSE 'cancelled' END, CASE made_by WHEN 1 THEN 'staff' ELSE 'text'"
    " END, customer, name, note, created_at, cancelled_at FROM bookings"
    " WHERE customer = ?1 ORDER BY start, id";
static const struct column COLS_BOOKINGS[] = {
    {"ref", STORE_FIELD_TEXT},	     {"service", STORE_FIELD_TEXT},
    {"start", STORE_FIELD_TIME},     {"minutes", STORE_FIELD_INT},
    {"state", STORE_FIELD_TEXT},     {"made_by", STORE_FIELD_TEXT},
    {"number", STORE_FIELD_TEXT},    {"name", STORE_FIELD_TEXT},
    {"note", STORE_FIELD_TEXT},	     {"made", STORE_FIELD_TIME},
    {"cancelled", STORE_FIELD_TIME},
};
static const char SQL_HELD_CONV[] =
    "SELECT sender, kind, state, updated_at, expires_at, lang FROM"
    " conversations WHERE sender = ?1";
static const struct column COLS_CONV[] = {
    {"with", STORE_FIELD_TEXT},	   {"about", STORE_FIELD_TEXT},
    {"state", STORE_FIELD_TEXT},   {"updated", STORE_FIELD_TIME},
    {"expires", STORE_FIELD_TIME}, {"language", STORE_FIELD_TEXT},
};
static const char SQL_HELD_LEDGER[] =
    "SELECT l.created_at, l.sender, l.requested, l.reason, (SELECT"
    " group_concat(r.name, ', ') FROM ledger_referral r WHERE"
    " r.ledger_id = l.id), l.taken_at FROM ledger l WHERE l.sender = ?1"
    " ORDER BY l.created_at, l.id";
static const struct column COLS_LEDGER[] = {
    {"when", STORE_FIELD_TIME},	       {"from", STORE_FIELD_TEXT},
    {"asked_for", STORE_FIELD_TEXT},   {"why_not", STORE_FIELD_TEXT},
    {"referred_to", STORE_FIELD_TEXT}, {"booked_later", STORE_FIELD_TIME},
};
static const char SQL_HELD_OPTOUT[] =
    "SELECT since, CASE WHEN substr(number, 1, 1) = '#' THEN 'keyed hash'"
    " ELSE number END FROM optouts WHERE number = ?1";
static const struct column COLS_OPTOUT[] = {
    {"since", STORE_FIELD_TIME},
    {"kept_as", STORE_FIELD_TEXT},
};

struct held_walk {
	const char *table;
	const struct column *cols;
	size_t n;
	store_export_fn fn;
	void *ctx;
};

static int held_row(void *ctx, sqlite3_stmt *row)
{
	struct held_walk *w = ctx;
	struct store_field f[16];

	for (size_t i = 0; i < w->n && i < 16; i++) {
		const unsigned char *t = sqlite3_column_text(row, (int)i);

		f[i].name = w->cols[i].name;
		f[i].kind = w->cols[i].kind;
		f[i].text = t != NULL ? (const char *)t : "";
		f[i].num = sqlite3_column_int64(row, (int)i);
	}
	return w->fn(w->ctx, w->table, f, w->n < 16 ? w->n : 16);
}

static int held(struct store *st, const char *sql, const char *table,
		const struct column *cols, size_t n,
		const struct store_strings *forms, const char *extra,
		store_export_fn fn, void *ctx)
{
	struct held_walk w = {table, cols, n, fn, ctx};
	int rc = STORE_OK;

	for (size_t i = 0; rc == STORE_OK && i < forms->n; i++)
		rc = db_each(st, sql, DB_ARGS(DB_T(forms->v[i])), held_row, &w);
	if (rc == STORE_OK && extra != NULL)
		rc = db_each(st, sql, DB_ARGS(DB_T(extra)), held_row, &w);
	return rc;
}

#define HELD(sql, table, cols, extra)                                          \
	held(st, sql, table, cols, sizeof(cols) / sizeof(cols[0]), forms,      \
	     extra, fn, ctx)

int store_export(struct store *st, const struct store_strings *forms,
		 const char *e164, store_export_fn fn, void *ctx)
{
	char key[STORE_OPTOUT_KEY_MAX];
	struct tx tx;
	int rc = db_optout_key(st, e164 != NULL ? e164 : "", key);

	if (rc < 0)
		return rc;
	rc = db_tx_enter_read(st, &tx);
	if (rc == STORE_OK)
		rc = HELD(SQL_HELD_INBOX, "inbox", COLS_INBOX, NULL);
	if (rc == STORE_OK)
		rc = HELD(SQL_HELD_PARTS, "in_part", COLS_PARTS, NULL);
	if (rc == STORE_OK)
		rc = HELD(SQL_HELD_OUT, "outbox", COLS_OUT, NULL);
	if (rc == STORE_OK)
		rc = HELD(SQL_HELD_BOOKINGS, "bookings", COLS_BOOKINGS, NULL);
	if (rc == STORE_OK)
		rc = HELD(SQL_HELD_CONV, "conversations", COLS_CONV, NULL);
	if (rc == STORE_OK)
		rc = HELD(SQL_HELD_LEDGER, "ledger", COLS_LEDGER, NULL);
	if (rc == STORE_OK)
		rc = HELD(SQL_HELD_OPTOUT, "optouts", COLS_OPTOUT, key);
	return db_tx_leave(st, &tx, rc);
}
