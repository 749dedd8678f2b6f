/*
 * store_outbox: outbound messages and their parts' send state machine
 * (queued → sending → sent → delivered, or → failed). See
 * include/smsdesk/store.h for the contract.
 */
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char SQL_MSG_INSERT[] =
    "INSERT INTO out_msg (to_number, text, origin, inbox_id, modem,"
    " created_at, n_parts, expires_at, flags)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
static const char SQL_PART_INSERT[] =
    "INSERT INTO out_part (msg_id, seq, pdu_hex, tpdu_len, next_try_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5)";
/* A part waits while an earlier part of its message is queued or sending. */
#define NOT_BEHIND_EARLIER_PART                                                \
	" NOT EXISTS (SELECT 1 FROM out_part e WHERE e.msg_id = p.msg_id"      \
	" AND e.seq < p.seq AND e.state IN (0, 1))"
static const char SQL_NEXT[] =
    "SELECT p.id, p.msg_id, p.seq, m.n_parts, m.to_number, m.modem,"
    " m.origin, p.tries, p.tpdu_len, p.pdu_hex, m.created_at,"
    " m.expires_at, m.flags FROM out_part p JOIN out_msg m"
    " ON m.id = p.msg_id"
    " WHERE p.state = 0 AND p.next_try_at <= ?1"
    " AND (?2 IS NULL OR m.modem = '' OR m.modem = ?2)"
    " AND (?3 IS NULL OR p.msg_id = ?3) AND" NOT_BEHIND_EARLIER_PART
    " ORDER BY p.next_try_at, p.msg_id, p.seq LIMIT 1";
static const char SQL_NEXT_DUE[] =
    "SELECT min(p.next_try_at) FROM out_part p WHERE p.state = 0 "
    "AND" NOT_BEHIND_EARLIER_PART;
static const char SQL_SENDING[] =
    "UPDATE out_part SET state = 1, tries = tries + 1, modem = ?2"
    " WHERE id = ?1 AND state = 0";
static const char SQL_PIN[] =
    "UPDATE out_msg SET modem = ?2 WHERE id = (SELECT msg_id FROM out_part"
    " WHERE id = ?1)";
static const char SQL_SENT[] =
    "UPDATE out_part SET state = 2, mr = ?2, sent_at = ?3, last_error = '',"
    " ref = ?4 WHERE id = ?1 AND state = 1";
static const char SQL_RETRY[] =
    "UPDATE out_part SET state = 0, last_error = ?2, next_try_at = ?3"
    " WHERE id = ?1 AND state = 1";
static const char SQL_FAIL[] =
    "UPDATE out_part SET state = 4, last_error = ?2, done_at = ?3"
    " WHERE id = ?1 AND state IN (0, 1)";
static const char SQL_FAIL_REST[] =
    "UPDATE out_part SET state = 4, last_error = ?2, done_at = ?3"
    " WHERE msg_id = (SELECT msg_id FROM out_part WHERE id = ?1)"
    " AND state = 0";
static const char SQL_PART_EXISTS[] = "SELECT 1 FROM out_part WHERE id = ?1";
static const char SQL_BY_MR[] =
    "SELECT p.id, m.to_number FROM out_part p JOIN out_msg m"
    " ON m.id = p.msg_id WHERE p.modem = ?1 AND p.mr = ?2 AND p.state = 2"
    " AND p.sent_at >= ?3 ORDER BY p.sent_at DESC, p.id DESC";
static const char SQL_BY_REF[] =
    "SELECT id FROM out_part WHERE modem = ?1 AND ref = ?2 AND ref != ''"
    " AND state = 2 ORDER BY sent_at DESC, id DESC LIMIT 1";
static const char SQL_WITHDRAW[] =
    "UPDATE out_part SET state = 5, last_error = ?2, done_at = ?3"
    " WHERE msg_id = ?1 AND state = 0";
static const char SQL_MSG_EXISTS[] = "SELECT 1 FROM out_msg WHERE id = ?1";
static const char SQL_TO[] =
    "SELECT id FROM out_msg WHERE to_number = ?1 ORDER BY id LIMIT ?2";
static const char SQL_REPORTED[] =
    "UPDATE out_part SET state = ?2, last_error = ?3, done_at = ?4"
    " WHERE id = ?1";
static const char SQL_RECOVER[] =
    "UPDATE out_part SET state = 0, next_try_at = ?1,"
    " last_error = 'interrupted while sending' WHERE state = 1";
static const char SQL_MSG_GET[] =
    "SELECT m.id, m.to_number, m.origin, m.inbox_id, m.created_at,"
    " m.n_parts, m.text, (SELECT CASE WHEN max(p.state) >= 4 THEN"
    " max(p.state) ELSE min(p.state) END FROM out_part p"
    " WHERE p.msg_id = m.id),"
    " (SELECT last_error FROM out_part p WHERE p.msg_id = m.id AND"
    " p.last_error != '' ORDER BY p.state DESC, p.seq LIMIT 1),"
    " m.expires_at, m.flags FROM out_msg m WHERE m.id = ?1";
static const char SQL_PART_GET[] =
    "SELECT state, tries, mr FROM out_part WHERE id = ?1";
static const char SQL_REPLIES_SINCE[] =
    "SELECT count(*) FROM out_msg WHERE to_number = ?1 AND origin = 0"
    " AND created_at >= ?2";

static int outbox_args_ok(const struct store_outbox_new *msg)
{
	const char *modem = msg->modem != NULL ? msg->modem : "";

	if (!db_fits(msg->to, STORE_NUMBER_MAX) || msg->to[0] == '\0' ||
	    msg->text == NULL || !db_fits(modem, STORE_ID_MAX) ||
	    msg->n_parts < 1 || msg->n_parts > 255 || msg->parts == NULL)
		return 0;
	for (size_t i = 0; i < msg->n_parts; i++)
		if (!db_fits(msg->parts[i].pdu_hex, STORE_PDU_HEX_MAX) ||
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
	struct tx tx;
	int64_t id = 0;
	int rc;

	if (!outbox_args_ok(msg))
		return STORE_ERR_ARG;
	rc = db_tx_enter(st, &tx);
	if (rc < 0)
		return rc;
	rc = db_exec(st, SQL_MSG_INSERT,
		     DB_ARGS(DB_T(msg->to), DB_T(msg->text), DB_I(msg->origin),
			     msg->inbox_id > 0 ? DB_I(msg->inbox_id) : DB_NULL,
			     DB_T(msg->modem != NULL ? msg->modem : ""),
			     DB_I(now), DB_I(msg->n_parts),
			     DB_I(msg->expires_at > 0 ? msg->expires_at : 0),
			     DB_I(msg->flags)));
	if (rc == STORE_OK)
		id = db_last_id(st);
	for (size_t i = 0; rc == STORE_OK && i < msg->n_parts; i++)
		rc = db_exec(
		    st, SQL_PART_INSERT,
		    DB_ARGS(DB_I(id), DB_I(i + 1), DB_T(msg->parts[i].pdu_hex),
			    DB_I(msg->parts[i].tpdu_len),
			    DB_I(msg->due_at > 0 ? msg->due_at : now)));
	rc = db_tx_leave(st, &tx, rc);
	if (rc == STORE_OK && msg_id != NULL)
		*msg_id = id;
	return rc;
}

int store_outbox_next(struct store *st, int64_t now, const char *modem,
		      struct store_out_job *job)
{
	return store_outbox_next_in(st, now, modem, 0, job);
}

int store_outbox_next_in(struct store *st, int64_t now, const char *modem,
			 int64_t msg_id, struct store_out_job *job)
{
	sqlite3_stmt *s;
	int rc = db_row(st, SQL_NEXT,
			DB_ARGS(DB_I(now), DB_T(modem),
				msg_id > 0 ? DB_I(msg_id) : DB_NULL),
			&s);

	if (rc < 0)
		return rc;
	memset(job, 0, sizeof(*job));
	job->part_id = sqlite3_column_int64(s, 0);
	job->msg_id = sqlite3_column_int64(s, 1);
	job->seq = sqlite3_column_int(s, 2);
	job->n_parts = sqlite3_column_int(s, 3);
	db_col_copy(s, 4, job->to, sizeof(job->to));
	db_col_copy(s, 5, job->modem, sizeof(job->modem));
	job->origin = (enum store_origin)sqlite3_column_int(s, 6);
	job->tries = sqlite3_column_int(s, 7);
	job->tpdu_len = sqlite3_column_int(s, 8);
	db_col_copy(s, 9, job->pdu_hex, sizeof(job->pdu_hex));
	job->created_at = sqlite3_column_int64(s, 10);
	job->expires_at = sqlite3_column_int64(s, 11);
	job->flags = (unsigned)sqlite3_column_int(s, 12);
	db_done(s);
	return STORE_OK;
}

int store_outbox_next_due(struct store *st, int64_t *when)
{
	return db_int(st, SQL_NEXT_DUE, DB_NO_ARGS, when);
}

int store_outbox_mark_sending(struct store *st, int64_t part_id,
			      const char *modem, int64_t now)
{
	struct tx tx;
	int rc;

	(void)now;
	if (modem == NULL)
		modem = "";
	if (!db_fits(modem, STORE_ID_MAX))
		return STORE_ERR_ARG;
	rc = db_tx_enter(st, &tx);
	if (rc < 0)
		return rc;
	rc = db_exec(st, SQL_SENDING, DB_ARGS(DB_I(part_id), DB_T(modem)));
	if (rc == STORE_OK)
		rc = db_changed_or_why(st, SQL_PART_EXISTS, part_id);
	if (rc == STORE_OK && modem[0] != '\0')
		rc = db_exec(st, SQL_PIN, DB_ARGS(DB_I(part_id), DB_T(modem)));
	return db_tx_leave(st, &tx, rc);
}

int store_outbox_mark_sent(struct store *st, int64_t part_id, int mr,
			   int64_t now)
{
	return store_outbox_mark_sent_ref(st, part_id, mr, NULL, now);
}

int store_outbox_mark_sent_ref(struct store *st, int64_t part_id, int mr,
			       const char *ref, int64_t now)
{
	int rc;

	if (ref == NULL)
		ref = "";
	if (!db_fits(ref, STORE_ID_MAX))
		return STORE_ERR_ARG;
	rc = db_exec(st, SQL_SENT,
		     DB_ARGS(DB_I(part_id), DB_I(mr), DB_I(now), DB_T(ref)));
	if (rc < 0)
		return rc;
	return db_changed_or_why(st, SQL_PART_EXISTS, part_id);
}

int store_outbox_mark_retry(struct store *st, int64_t part_id,
			    const char *error, int64_t next_try_at, int64_t now)
{
	int rc;

	(void)now;
	rc = db_exec(st, SQL_RETRY,
		     DB_ARGS(DB_I(part_id), DB_T(error != NULL ? error : ""),
			     DB_I(next_try_at)));
	if (rc < 0)
		return rc;
	return db_changed_or_why(st, SQL_PART_EXISTS, part_id);
}

int store_outbox_mark_failed(struct store *st, int64_t part_id,
			     const char *error, int64_t now)
{
	struct tx tx;
	int rc;

	if (error == NULL)
		error = "";
	rc = db_tx_enter(st, &tx);
	if (rc < 0)
		return rc;
	rc = db_exec(st, SQL_FAIL,
		     DB_ARGS(DB_I(part_id), DB_T(error), DB_I(now)));
	if (rc == STORE_OK)
		rc = db_changed_or_why(st, SQL_PART_EXISTS, part_id);
	if (rc == STORE_OK)
		rc =
		    db_exec(st, SQL_FAIL_REST,
			    DB_ARGS(DB_I(part_id),
				    DB_T("an earlier part failed"), DB_I(now)));
	return db_tx_leave(st, &tx, rc);
}

/* Same number? Digits only; a national form matches its international
 * one by the last nine digits (a status report may carry either). */
static int same_recipient(const char *a, const char *b)
{
	char da[STORE_NUMBER_MAX], db[STORE_NUMBER_MAX];
	size_t na = 0, nb = 0;

	for (; *a != '\0' && na < sizeof(da) - 1; a++)
		if (*a >= '0' && *a <= '9')
			da[na++] = *a;
	for (; *b != '\0' && nb < sizeof(db) - 1; b++)
		if (*b >= '0' && *b <= '9')
			db[nb++] = *b;
	if (na == 0 || nb == 0)
		return 0;
	if (na == nb)
		return memcmp(da, db, na) == 0;
	return na >= 9 && nb >= 9 && memcmp(da + na - 9, db + nb - 9, 9) == 0;
}

struct mr_match {
	const char *recipient;
	int64_t part_id;
};

static int match_recipient(void *ctx, sqlite3_stmt *row)
{
	struct mr_match *m = ctx;
	const char *to = (const char *)sqlite3_column_text(row, 1);

	if (m->part_id == 0 && to != NULL && same_recipient(to, m->recipient))
		m->part_id = sqlite3_column_int64(row, 0);
	return STORE_OK;
}

/* A status report's TP-Status applied to the part it matched. */
static int reported(struct store *st, int64_t part_id, int status, int64_t now)
{
	char why[64];

	/* TS 23.040 9.2.3.15: 0x20-0x3F means the SC is still trying. */
	if (status >= 0x20 && status < 0x40)
		return STORE_OK;
	snprintf(why, sizeof(why), "delivery failed: status 0x%02X",
		 (unsigned)status & 0xffu);
	return db_exec(st, SQL_REPORTED,
		       DB_ARGS(DB_I(part_id),
			       DB_I(status < 0x20 ? STORE_OUT_DELIVERED
						  : STORE_OUT_FAILED),
			       DB_T(status < 0x20 ? "" : why), DB_I(now)));
}

int store_outbox_delivered_by_mr(struct store *st, const char *modem, int mr,
				 const char *recipient, int status, int64_t now)
{
	struct mr_match match = {recipient != NULL ? recipient : "", 0};
	int rc;

	rc = db_each(st, SQL_BY_MR,
		     DB_ARGS(DB_T(modem != NULL ? modem : ""), DB_I(mr),
			     DB_I(now - STORE_REPORT_WINDOW)),
		     match_recipient, &match);
	if (rc < 0)
		return rc;
	if (match.part_id == 0)
		return STORE_ERR_NOT_FOUND;
	return reported(st, match.part_id, status, now);
}

int store_outbox_delivered_by_ref(struct store *st, const char *bearer,
				  const char *ref, int status, int64_t now)
{
	int64_t part_id;
	int rc;

	rc = db_int(st, SQL_BY_REF,
		    DB_ARGS(DB_T(bearer != NULL ? bearer : ""),
			    DB_T(ref != NULL ? ref : "")),
		    &part_id);
	if (rc < 0)
		return rc;
	return reported(st, part_id, status, now);
}

int store_outbox_withdraw(struct store *st, int64_t msg_id, const char *reason,
			  int64_t now)
{
	int64_t one;
	int rc;

	if (reason == NULL || reason[0] == '\0' ||
	    !db_fits(reason, STORE_ERROR_MAX))
		return STORE_ERR_ARG;
	rc = db_exec(st, SQL_WITHDRAW,
		     DB_ARGS(DB_I(msg_id), DB_T(reason), DB_I(now)));
	if (rc < 0)
		return rc;
	rc = db_changes(st);
	if (rc > 0)
		return rc;
	rc = db_int(st, SQL_MSG_EXISTS, DB_ARGS(DB_I(msg_id)), &one);
	return rc < 0 ? rc : 0;
}

int store_outbox_recover(struct store *st, int64_t now)
{
	int rc = db_exec(st, SQL_RECOVER, DB_ARGS(DB_I(now)));

	if (rc < 0)
		return rc;
	return db_changes(st);
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
	sqlite3_stmt *s;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = db_row(st, SQL_MSG_GET, DB_ARGS(DB_I(msg_id)), &s);
	if (rc < 0)
		return rc;
	out->id = sqlite3_column_int64(s, 0);
	db_col_copy(s, 1, out->to, sizeof(out->to));
	out->origin = (enum store_origin)sqlite3_column_int(s, 2);
	out->inbox_id = sqlite3_column_int64(s, 3);
	out->created_at = sqlite3_column_int64(s, 4);
	out->n_parts = sqlite3_column_int(s, 5);
	out->text = db_col_dup(s, 6);
	out->state = (enum store_out_state)sqlite3_column_int(s, 7);
	db_col_copy(s, 8, out->last_error, sizeof(out->last_error));
	out->expires_at = sqlite3_column_int64(s, 9);
	out->flags = (unsigned)sqlite3_column_int(s, 10);
	db_done(s);
	return out->text != NULL ? STORE_OK : STORE_ERR_NOMEM;
}

int store_outbox_to(struct store *st, const char *to, int64_t *ids, size_t cap)
{
	struct db_ids w = {ids, 0};
	int rc;

	if (cap > 100000)
		cap = 100000;
	rc = db_each(st, SQL_TO, DB_ARGS(DB_T(to), DB_I(cap)), db_collect_id,
		     &w);
	return rc < 0 ? rc : (int)w.n;
}

void store_out_msg_clear(struct store_out_msg *msg)
{
	free(msg->text);
	msg->text = NULL;
}

int store_outbox_part_state(struct store *st, int64_t part_id,
			    enum store_out_state *state, int *tries, int *mr)
{
	sqlite3_stmt *s;
	int rc = db_row(st, SQL_PART_GET, DB_ARGS(DB_I(part_id)), &s);

	if (rc < 0)
		return rc;
	if (state != NULL)
		*state = (enum store_out_state)sqlite3_column_int(s, 0);
	if (tries != NULL)
		*tries = sqlite3_column_int(s, 1);
	if (mr != NULL)
		*mr = sqlite3_column_int(s, 2);
	db_done(s);
	return STORE_OK;
}

int store_replies_since(struct store *st, const char *to, int64_t since,
			int64_t *count)
{
	return db_int(st, SQL_REPLIES_SINCE, DB_ARGS(DB_T(to), DB_I(since)),
		      count);
}
