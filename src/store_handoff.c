/*
 * store_handoff: texts handed to a person — handoffs with their short
 * codes, the customer texts in each (held or forwarded), the forwards
 * counted for the limits — and the staff commands refused, for the
 * lock-out. See include/smsdesk/store.h ("handoffs to a person").
 */
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The customer of a handoff is its first text's sender; the counts come
 * from its texts. */
#define HANDOFF_COLS                                                           \
	"h.id, h.code, h.inbox_id, i.sender, h.why, h.created_at,"             \
	" h.last_in_at, h.answered_at, h.answered_by,"                         \
	" (SELECT max(forwarded_at) FROM handoff_text t"                       \
	" WHERE t.handoff_id = h.id),"                                         \
	" (SELECT count(*) FROM handoff_text t WHERE t.handoff_id = h.id),"    \
	" (SELECT count(*) FROM handoff_text t WHERE t.handoff_id = h.id"      \
	" AND t.forwarded_at = 0),"                                            \
	" (SELECT j.text FROM handoff_text t JOIN inbox j ON j.id = "          \
	"t.inbox_id"                                                           \
	" WHERE t.handoff_id = h.id ORDER BY t.inbox_id DESC LIMIT 1)"
#define HANDOFF_FROM " FROM handoff h JOIN inbox i ON i.id = h.inbox_id"
/* Active: a text or an answer at or after ?N. */
#define ACTIVE(n) " max(h.last_in_at, h.answered_at) >= ?" n

static const char SQL_CODE_USED[] =
    "SELECT count(*) FROM handoff h WHERE h.code = ?1 AND" ACTIVE("2");
static const char SQL_OPEN[] =
    "INSERT INTO handoff (code, inbox_id, why, created_at, last_in_at)"
    " VALUES (?1, ?2, ?3, ?4, ?4)";
static const char SQL_TEXT_ADD[] =
    "INSERT OR IGNORE INTO handoff_text (handoff_id, inbox_id)"
    " VALUES (?1, ?2)";
static const char SQL_TOUCH[] =
    "UPDATE handoff SET last_in_at = max(last_in_at, ?2) WHERE id = ?1";
static const char SQL_OF[] =
    "SELECT " HANDOFF_COLS HANDOFF_FROM " WHERE i.sender = ?1 AND"
    " i.sender != '' AND" ACTIVE("2") " ORDER BY h.id DESC LIMIT 1";
static const char SQL_BY_CODE[] =
    "SELECT " HANDOFF_COLS HANDOFF_FROM
    " WHERE h.code = ?1 AND" ACTIVE("2") " ORDER BY h.id DESC LIMIT 1";
static const char SQL_GET[] =
    "SELECT " HANDOFF_COLS HANDOFF_FROM " WHERE h.id = ?1";
static const char SQL_WAITING[] =
    "SELECT " HANDOFF_COLS HANDOFF_FROM
    " WHERE h.last_in_at > h.answered_at AND h.last_in_at >= ?1"
    " AND (?2 = 0 OR EXISTS (SELECT 1 FROM handoff_text t"
    " WHERE t.handoff_id = h.id AND t.forwarded_at = 0))"
    " ORDER BY h.last_in_at, h.id";
static const char SQL_TEXTS[] =
    "SELECT t.inbox_id, i.received_at, t.forwarded_at, i.text"
    " FROM handoff_text t JOIN inbox i ON i.id = t.inbox_id"
    " WHERE t.handoff_id = ?1 AND (?2 = 0 OR t.forwarded_at = 0)"
    " ORDER BY t.inbox_id";
static const char SQL_MARK_FORWARDED[] =
    "UPDATE handoff_text SET forwarded_at = ?3 WHERE handoff_id = ?1"
    " AND inbox_id <= ?2 AND forwarded_at = 0";
static const char SQL_COUNT_FORWARD[] =
    "INSERT INTO handoff_forward (handoff_id, at) VALUES (?1, ?2)";
static const char SQL_FORWARDS_OF[] =
    "SELECT count(*) FROM handoff_forward WHERE handoff_id = ?1"
    " AND at >= ?2";
static const char SQL_FORWARDS_ALL[] =
    "SELECT count(*) FROM handoff_forward WHERE at >= ?1";
static const char SQL_ANSWERED[] =
    "UPDATE handoff SET answered_at = max(answered_at, ?2, last_in_at),"
    " answered_by = ?3 WHERE id = ?1";
static const char SQL_REFUSED[] =
    "INSERT INTO staff_refusal (phone, at) VALUES (?1, ?2)";
static const char SQL_REFUSED_PRUNE[] =
    "DELETE FROM staff_refusal WHERE at < ?1";
static const char SQL_REFUSALS[] =
    "SELECT count(*) FROM staff_refusal WHERE phone = ?1 AND at >= ?2";

static const char SQL_NOT_UNDERSTOOD[] =
    "SELECT count(*) FROM ledger WHERE sender = ?1 AND"
    " reason = 'not_understood' AND created_at >= ?2";
static const char SQL_INBOX_IDS[] =
    "SELECT id FROM inbox WHERE sender = ?1 AND received_at >= ?2"
    " AND id < ?3 ORDER BY id DESC LIMIT ?4";

static const char SQL_REDACT[] =
    "UPDATE inbox SET text = ?2, pdu_hex = '' WHERE id = ?1";

/* Texts naming a number: forwards to the staff, their confirmations. */
#define MENTIONS "(SELECT id FROM out_msg WHERE instr(text, ?1) > 0)"
static const char SQL_MENTION_UNSENT[] =
    "UPDATE out_part SET state = 4, last_error = 'erased on request',"
    " done_at = ?2 WHERE state IN (0, 1) AND msg_id IN " MENTIONS;
static const char SQL_MENTION_PARTS[] =
    "UPDATE out_part SET pdu_hex = '' WHERE msg_id IN " MENTIONS;
static const char SQL_MENTION_TEXT[] =
    "UPDATE out_msg SET text = '' WHERE instr(text, ?1) > 0";

#define CODE_ALPHABET_LEN (sizeof(STORE_REF_ALPHABET) - 1)

/* A random code of len characters without modulo bias (as references). */
static int random_code(struct store *st, int len, char *out)
{
	const unsigned limit = 256 - 256 % CODE_ALPHABET_LEN;
	unsigned char buf[16];
	int n = 0;

	while (n < len) {
		if (st->random(st->random_ctx, buf, sizeof(buf)) != 0) {
			snprintf(st->errmsg, sizeof(st->errmsg),
				 "no random bytes for a handoff code");
			return STORE_ERR_DB;
		}
		for (size_t i = 0; i < sizeof(buf) && n < len; i++)
			if (buf[i] < limit)
				out[n++] =
				    STORE_REF_ALPHABET[buf[i] %
						       CODE_ALPHABET_LEN];
	}
	out[n] = '\0';
	return STORE_OK;
}

int store_handoff_open(struct store *st, int64_t inbox_id, const char *why,
		       int code_len, int64_t unique_since, int64_t now,
		       int64_t *id, char *code)
{
	char c[STORE_CODE_MAX];
	int64_t used = 1, hid = 0;
	struct tx tx;
	int rc;

	if (code_len < 2 || code_len >= STORE_CODE_MAX - 3 || why == NULL ||
	    !db_fits(why, STORE_ID_MAX))
		return STORE_ERR_ARG;
	rc = db_tx_enter(st, &tx);
	if (rc < 0)
		return rc;
	/* Few handoffs are active at once: a handful of draws finds a free
	 * code unless the codes of this length are nearly all taken. */
	for (int attempt = 0; rc == STORE_OK && used != 0 && attempt < 24;
	     attempt++) {
		rc = random_code(st, code_len, c);
		if (rc == STORE_OK)
			rc =
			    db_int(st, SQL_CODE_USED,
				   DB_ARGS(DB_T(c), DB_I(unique_since)), &used);
	}
	if (rc == STORE_OK && used != 0)
		rc = STORE_ERR_FULL;
	if (rc == STORE_OK)
		rc = db_exec(
		    st, SQL_OPEN,
		    DB_ARGS(DB_T(c), DB_I(inbox_id), DB_T(why), DB_I(now)));
	if (rc == STORE_OK) {
		hid = db_last_id(st);
		rc = db_exec(st, SQL_TEXT_ADD,
			     DB_ARGS(DB_I(hid), DB_I(inbox_id)));
	}
	rc = db_tx_leave(st, &tx, rc);
	if (rc == STORE_OK) {
		if (id != NULL)
			*id = hid;
		if (code != NULL)
			memcpy(code, c, strlen(c) + 1);
	}
	return rc;
}

int store_handoff_add(struct store *st, int64_t id, int64_t inbox_id,
		      int64_t now)
{
	struct tx tx;
	int rc = db_tx_enter(st, &tx);

	if (rc < 0)
		return rc;
	rc = db_exec(st, SQL_TEXT_ADD, DB_ARGS(DB_I(id), DB_I(inbox_id)));
	if (rc == STORE_OK)
		rc = db_exec(st, SQL_TOUCH, DB_ARGS(DB_I(id), DB_I(now)));
	if (rc == STORE_OK && db_changes(st) == 0)
		rc = STORE_ERR_NOT_FOUND;
	return db_tx_leave(st, &tx, rc);
}

static int handoff_row(sqlite3_stmt *s, struct store_handoff *h)
{
	memset(h, 0, sizeof(*h));
	h->id = sqlite3_column_int64(s, 0);
	db_col_copy(s, 1, h->code, sizeof(h->code));
	h->inbox_id = sqlite3_column_int64(s, 2);
	db_col_copy(s, 3, h->customer, sizeof(h->customer));
	db_col_copy(s, 4, h->why, sizeof(h->why));
	h->created_at = sqlite3_column_int64(s, 5);
	h->last_in_at = sqlite3_column_int64(s, 6);
	h->answered_at = sqlite3_column_int64(s, 7);
	db_col_copy(s, 8, h->answered_by, sizeof(h->answered_by));
	h->forwarded_at = sqlite3_column_int64(s, 9);
	h->n_texts = sqlite3_column_int(s, 10);
	h->n_held = sqlite3_column_int(s, 11);
	h->last_text = db_col_dup(s, 12);
	return h->last_text != NULL ? STORE_OK : STORE_ERR_NOMEM;
}

static int one(struct store *st, const char *sql, const struct db_arg *args,
	       size_t n, struct store_handoff *out)
{
	sqlite3_stmt *s;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = db_row(st, sql, args, n, &s);
	if (rc != STORE_OK)
		return rc;
	rc = handoff_row(s, out);
	db_done(s);
	return rc;
}

int store_handoff_of(struct store *st, const char *sender, int64_t since,
		     struct store_handoff *out)
{
	return one(st, SQL_OF, DB_ARGS(DB_T(sender), DB_I(since)), out);
}

int store_handoff_by_code(struct store *st, const char *code, int64_t since,
			  struct store_handoff *out)
{
	return one(st, SQL_BY_CODE, DB_ARGS(DB_T(code), DB_I(since)), out);
}

int store_handoff_get(struct store *st, int64_t id, struct store_handoff *out)
{
	return one(st, SQL_GET, DB_ARGS(DB_I(id)), out);
}

void store_handoff_clear(struct store_handoff *h)
{
	free(h->last_text);
	h->last_text = NULL;
}

void store_handoff_list_free(struct store_handoff_list *list)
{
	for (size_t i = 0; i < list->n; i++)
		store_handoff_clear(&list->v[i]);
	free(list->v);
	list->v = NULL;
	list->n = 0;
}

static int collect_handoff(void *ctx, sqlite3_stmt *row)
{
	struct store_handoff_list *out = ctx;
	struct store_handoff *v = store_grow(out->v, out->n, sizeof(*v));

	if (v == NULL)
		return STORE_ERR_NOMEM;
	out->v = v;
	if (handoff_row(row, &v[out->n]) != STORE_OK)
		return STORE_ERR_NOMEM;
	out->n++;
	return STORE_OK;
}

int store_handoff_waiting(struct store *st, int64_t since, int with_held,
			  struct store_handoff_list *out)
{
	int rc;

	out->v = NULL;
	out->n = 0;
	rc =
	    db_each(st, SQL_WAITING, DB_ARGS(DB_I(since), DB_I(with_held != 0)),
		    collect_handoff, out);
	if (rc < 0)
		store_handoff_list_free(out);
	return rc;
}

void store_handoff_texts_free(struct store_handoff_texts *list)
{
	for (size_t i = 0; i < list->n; i++)
		free(list->v[i].text);
	free(list->v);
	list->v = NULL;
	list->n = 0;
}

static int collect_text(void *ctx, sqlite3_stmt *row)
{
	struct store_handoff_texts *out = ctx;
	struct store_handoff_text *v = store_grow(out->v, out->n, sizeof(*v));

	if (v == NULL)
		return STORE_ERR_NOMEM;
	out->v = v;
	v[out->n].inbox_id = sqlite3_column_int64(row, 0);
	v[out->n].received_at = sqlite3_column_int64(row, 1);
	v[out->n].forwarded_at = sqlite3_column_int64(row, 2);
	v[out->n].text = db_col_dup(row, 3);
	if (v[out->n].text == NULL)
		return STORE_ERR_NOMEM;
	out->n++;
	return STORE_OK;
}

int store_handoff_texts(struct store *st, int64_t id, int held_only,
			struct store_handoff_texts *out)
{
	int rc;

	out->v = NULL;
	out->n = 0;
	rc = db_each(st, SQL_TEXTS, DB_ARGS(DB_I(id), DB_I(held_only != 0)),
		     collect_text, out);
	if (rc < 0)
		store_handoff_texts_free(out);
	return rc;
}

int store_handoff_forwarded(struct store *st, int64_t id, int64_t upto,
			    int64_t now)
{
	struct tx tx;
	int rc = db_tx_enter(st, &tx);

	if (rc < 0)
		return rc;
	rc = db_exec(st, SQL_MARK_FORWARDED,
		     DB_ARGS(DB_I(id), DB_I(upto), DB_I(now)));
	if (rc == STORE_OK)
		rc = db_exec(st, SQL_COUNT_FORWARD,
			     DB_ARGS(DB_I(id), DB_I(now)));
	return db_tx_leave(st, &tx, rc);
}

int store_handoff_forwards_since(struct store *st, int64_t id, int64_t since,
				 int64_t *count)
{
	if (id != 0)
		return db_int(st, SQL_FORWARDS_OF,
			      DB_ARGS(DB_I(id), DB_I(since)), count);
	return db_int(st, SQL_FORWARDS_ALL, DB_ARGS(DB_I(since)), count);
}

int store_handoff_answered(struct store *st, int64_t id, const char *by,
			   int64_t now)
{
	int rc;

	if (by == NULL || !db_fits(by, STORE_NAME_MAX))
		return STORE_ERR_ARG;
	rc = db_exec(st, SQL_ANSWERED, DB_ARGS(DB_I(id), DB_I(now), DB_T(by)));
	if (rc == STORE_OK && db_changes(st) == 0)
		rc = STORE_ERR_NOT_FOUND;
	return rc;
}

/* ---- refused staff commands --------------------------------------------- */

int store_staff_refused(struct store *st, const char *phone, int64_t now)
{
	struct tx tx;
	int rc;

	if (phone == NULL || !db_fits(phone, STORE_NUMBER_MAX))
		return STORE_ERR_ARG;
	rc = db_tx_enter(st, &tx);
	if (rc < 0)
		return rc;
	rc = db_exec(st, SQL_REFUSED_PRUNE, DB_ARGS(DB_I(now - 24 * 3600)));
	if (rc == STORE_OK)
		rc = db_exec(st, SQL_REFUSED, DB_ARGS(DB_T(phone), DB_I(now)));
	return db_tx_leave(st, &tx, rc);
}

int store_staff_refusals_since(struct store *st, const char *phone,
			       int64_t since, int64_t *count)
{
	return db_int(st, SQL_REFUSALS, DB_ARGS(DB_T(phone), DB_I(since)),
		      count);
}

/* ---- what the desk made of a sender's texts ------------------------------ */

int store_not_understood_since(struct store *st, const char *sender,
			       int64_t since, int64_t *count)
{
	return db_int(st, SQL_NOT_UNDERSTOOD,
		      DB_ARGS(DB_T(sender), DB_I(since)), count);
}

int store_inbox_ids_since(struct store *st, const char *sender, int64_t since,
			  int64_t before, int64_t *ids, size_t cap)
{
	struct db_ids c = {.ids = ids, .n = 0};
	int rc = db_each(st, SQL_INBOX_IDS,
			 DB_ARGS(DB_T(sender), DB_I(since), DB_I(before),
				 DB_I((int64_t)cap)),
			 db_collect_id, &c);

	return rc < 0 ? rc : (int)c.n;
}

int store_inbox_redact(struct store *st, int64_t id, const char *text)
{
	return db_exec(st, SQL_REDACT, DB_ARGS(DB_I(id), DB_T(text)));
}

int db_forget_mentions(struct store *st, const char *number, int64_t now,
		       int64_t *count)
{
	int rc;

	if (number == NULL || strlen(number) < 5)
		return STORE_OK; /* too short to name anyone for certain */
	rc = db_exec(st, SQL_MENTION_UNSENT, DB_ARGS(DB_T(number), DB_I(now)));
	if (rc == STORE_OK)
		rc = db_exec(st, SQL_MENTION_PARTS, DB_ARGS(DB_T(number)));
	if (rc == STORE_OK)
		rc = db_exec(st, SQL_MENTION_TEXT, DB_ARGS(DB_T(number)));
	if (rc == STORE_OK && count != NULL)
		*count += db_changes(st);
	return rc;
}
