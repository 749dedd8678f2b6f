/*
 * store_health: the daemon's heartbeat (what `smsdesk status` reads instead
 * of opening a port), what the tables say about the traffic, and the
 * recent conversations `smsdesk inbox` lists. See include/smsdesk/store.h
 * ("the daemon's heartbeat").
 */
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char SQL_PUT[] =
    "INSERT INTO health (id, pid, version, started_at, updated_at,"
    " stopped_at, ready, status) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)"
    " ON CONFLICT (id) DO UPDATE SET pid = ?1, version = ?2,"
    " started_at = ?3, updated_at = ?4, stopped_at = ?5, ready = ?6,"
    " status = ?7";
static const char SQL_BEARERS_DEL[] = "DELETE FROM health_bearer";
static const char SQL_BEARER_PUT[] =
    "INSERT INTO health_bearer (position, name, kind, state, rssi, reg,"
    " since, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
static const char SQL_GET[] =
    "SELECT pid, version, started_at, updated_at, stopped_at, ready, status"
    " FROM health WHERE id = 1";
static const char SQL_BEARERS[] =
    "SELECT name, kind, state, rssi, reg, since, detail FROM health_bearer"
    " ORDER BY position";

static const char SQL_LAST_IN[] = "SELECT max(received_at) FROM inbox";
static const char SQL_LAST_OUT[] =
    "SELECT max(sent_at) FROM out_part WHERE state IN (2, 3)";
static const char SQL_QUEUED[] =
    "SELECT count(*) FROM out_part WHERE state IN (0, 1)";
static const char SQL_FAILED[] =
    "SELECT count(DISTINCT msg_id) FROM out_part WHERE state = 4"
    " AND done_at >= ?1";
static const char SQL_WAITING[] =
    "SELECT count(*), min(last_in_at) FROM handoff"
    " WHERE last_in_at > answered_at AND last_in_at >= ?1";

static const char SQL_TALKS[] =
    "SELECT sender, max(received_at), count(*),"
    " (SELECT j.text FROM inbox j WHERE j.sender = i.sender"
    " ORDER BY j.received_at DESC, j.id DESC LIMIT 1)"
    " FROM inbox i WHERE received_at >= ?1 AND sender != ''"
    " GROUP BY sender ORDER BY max(received_at) DESC LIMIT ?2";
static const char SQL_LINES_IN[] =
    "SELECT received_at, text, id FROM inbox WHERE sender = ?1"
    " AND received_at >= ?2 ORDER BY received_at DESC, id DESC LIMIT ?3";
static const char SQL_LINES_OUT[] =
    "SELECT m.created_at, m.origin, m.text,"
    " (SELECT CASE WHEN max(p.state = 5) THEN 5 WHEN max(p.state = 4)"
    " THEN 4 ELSE min(p.state) END FROM out_part p WHERE p.msg_id = m.id),"
    " m.id"
    " FROM out_msg m WHERE m.to_number = ?1 AND m.created_at >= ?2"
    " ORDER BY m.created_at DESC, m.id DESC LIMIT ?3";

int store_health_put(struct store *st, const struct store_health *h)
{
	struct tx tx;
	int rc;

	if (h->n_bearers > STORE_HEALTH_BEARERS)
		return STORE_ERR_ARG;
	rc = db_tx_enter(st, &tx);
	if (rc < 0)
		return rc;
	rc =
	    db_exec(st, SQL_PUT,
		    DB_ARGS(DB_I(h->pid), DB_T(h->version), DB_I(h->started_at),
			    DB_I(h->updated_at), DB_I(h->stopped_at),
			    DB_I(h->ready), DB_T(h->status)));
	if (rc == STORE_OK)
		rc = db_exec(st, SQL_BEARERS_DEL, DB_NO_ARGS);
	for (size_t i = 0; rc == STORE_OK && i < h->n_bearers; i++) {
		const struct store_health_bearer *b = &h->bearers[i];
		rc =
		    db_exec(st, SQL_BEARER_PUT,
			    DB_ARGS(DB_I(i), DB_T(b->name), DB_T(b->kind),
				    DB_T(b->state), DB_I(b->rssi), DB_I(b->reg),
				    DB_I(b->since), DB_T(b->detail)));
	}
	return db_tx_leave(st, &tx, rc);
}

static int collect_bearer(void *ctx, sqlite3_stmt *row)
{
	struct store_health *h = ctx;
	struct store_health_bearer *b;

	if (h->n_bearers == STORE_HEALTH_BEARERS)
		return STORE_OK;
	b = &h->bearers[h->n_bearers++];
	db_col_copy(row, 0, b->name, sizeof(b->name));
	db_col_copy(row, 1, b->kind, sizeof(b->kind));
	db_col_copy(row, 2, b->state, sizeof(b->state));
	b->rssi = sqlite3_column_int(row, 3);
	b->reg = sqlite3_column_int(row, 4);
	b->since = sqlite3_column_int64(row, 5);
	db_col_copy(row, 6, b->detail, sizeof(b->detail));
	return STORE_OK;
}

int store_health_get(struct store *st, struct store_health *out)
{
	sqlite3_stmt *s;
	struct tx tx;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = db_tx_enter_read(st, &tx);
	if (rc < 0)
		return rc;
	rc = db_row(st, SQL_GET, DB_NO_ARGS, &s);
	if (rc == STORE_OK) {
		out->pid = sqlite3_column_int64(s, 0);
		db_col_copy(s, 1, out->version, sizeof(out->version));
		out->started_at = sqlite3_column_int64(s, 2);
		out->updated_at = sqlite3_column_int64(s, 3);
		out->stopped_at = sqlite3_column_int64(s, 4);
		out->ready = sqlite3_column_int(s, 5);
		db_col_copy(s, 6, out->status, sizeof(out->status));
		db_done(s);
		rc = db_each(st, SQL_BEARERS, DB_NO_ARGS, collect_bearer, out);
	}
	return db_tx_leave(st, &tx, rc);
}

/* An aggregate that is NULL over no rows reads as 0. */
static int int_or_zero(struct store *st, const char *sql,
		       const struct db_arg *args, size_t n, int64_t *out)
{
	int rc = db_int(st, sql, args, n, out);

	if (rc == STORE_ERR_NOT_FOUND) {
		*out = 0;
		rc = STORE_OK;
	}
	return rc;
}

int store_traffic(struct store *st, int64_t since, struct store_traffic *out)
{
	sqlite3_stmt *s;
	struct tx tx;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = db_tx_enter_read(st, &tx);
	if (rc < 0)
		return rc;
	rc = int_or_zero(st, SQL_LAST_IN, DB_NO_ARGS, &out->last_in_at);
	if (rc == STORE_OK)
		rc = int_or_zero(st, SQL_LAST_OUT, DB_NO_ARGS,
				 &out->last_out_at);
	if (rc == STORE_OK)
		rc = int_or_zero(st, SQL_QUEUED, DB_NO_ARGS, &out->queued);
	if (rc == STORE_OK)
		rc = int_or_zero(st, SQL_FAILED, DB_ARGS(DB_I(since)),
				 &out->failed);
	if (rc == STORE_OK)
		rc = db_row(st, SQL_WAITING, DB_ARGS(DB_I(since)), &s);
	if (rc == STORE_OK) {
		out->waiting = sqlite3_column_int64(s, 0);
		out->oldest_waiting = sqlite3_column_int64(s, 1);
		db_done(s);
	}
	return db_tx_leave(st, &tx, rc);
}

/* ---- conversations -------------------------------------------------------
 */

void store_talks_free(struct store_talks *list)
{
	for (size_t i = 0; i < list->n; i++)
		free(list->v[i].last_text);
	free(list->v);
	list->v = NULL;
	list->n = 0;
}

static int collect_talk(void *ctx, sqlite3_stmt *row)
{
	struct store_talks *out = ctx;
	struct store_talk *v = store_grow(out->v, out->n, sizeof(*v));

	if (v == NULL)
		return STORE_ERR_NOMEM;
	out->v = v;
	db_col_copy(row, 0, v[out->n].sender, sizeof(v[out->n].sender));
	v[out->n].last_at = sqlite3_column_int64(row, 1);
	v[out->n].n_in = sqlite3_column_int64(row, 2);
	v[out->n].last_text = db_col_dup(row, 3);
	if (v[out->n].last_text == NULL)
		return STORE_ERR_NOMEM;
	out->n++;
	return STORE_OK;
}

int store_recent_talks(struct store *st, int64_t since, size_t max,
		       struct store_talks *out)
{
	int rc;

	out->v = NULL;
	out->n = 0;
	rc = db_each(st, SQL_TALKS, DB_ARGS(DB_I(since), DB_I((int64_t)max)),
		     collect_talk, out);
	if (rc < 0)
		store_talks_free(out);
	return rc;
}

void store_talk_lines_free(struct store_talk_lines *list)
{
	for (size_t i = 0; i < list->n; i++)
		free(list->v[i].text);
	free(list->v);
	list->v = NULL;
	list->n = 0;
}

struct lines_ctx {
	struct store_talk_lines *out;
	int out_dir;
};

static int collect_line(void *ctx, sqlite3_stmt *row)
{
	struct lines_ctx *c = ctx;
	struct store_talk_lines *out = c->out;
	struct store_talk_line *v = store_grow(out->v, out->n, sizeof(*v));
	struct store_talk_line *l;

	if (v == NULL)
		return STORE_ERR_NOMEM;
	out->v = v;
	l = &v[out->n];
	l->at = sqlite3_column_int64(row, 0);
	l->out = c->out_dir;
	if (c->out_dir) {
		l->origin = (enum store_origin)sqlite3_column_int(row, 1);
		l->text = db_col_dup(row, 2);
		l->state = sqlite3_column_int(row, 3);
		l->id = sqlite3_column_int64(row, 4);
	} else {
		l->text = db_col_dup(row, 1);
		l->id = sqlite3_column_int64(row, 2);
	}
	if (l->text == NULL)
		return STORE_ERR_NOMEM;
	out->n++;
	return STORE_OK;
}

static int by_time(const void *a, const void *b)
{
	const struct store_talk_line *x = a, *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	if (x->out != y->out)
		return x->out - y->out; /* a text before its reply */
	return x->id < y->id ? -1 : x->id > y->id;
}

int store_talk_lines(struct store *st, const struct store_strings *forms,
		     const char *e164, int64_t since, size_t max,
		     struct store_talk_lines *out)
{
	struct lines_ctx c = {.out = out, .out_dir = 0};
	struct tx tx;
	int rc;

	out->v = NULL;
	out->n = 0;
	rc = db_tx_enter_read(st, &tx);
	if (rc < 0)
		return rc;
	for (size_t i = 0; rc >= 0 && i < forms->n; i++)
		rc = db_each(
		    st, SQL_LINES_IN,
		    DB_ARGS(DB_T(forms->v[i]), DB_I(since), DB_I((int64_t)max)),
		    collect_line, &c);
	c.out_dir = 1;
	if (rc >= 0)
		rc = db_each(
		    st, SQL_LINES_OUT,
		    DB_ARGS(DB_T(e164), DB_I(since), DB_I((int64_t)max)),
		    collect_line, &c);
	rc = db_tx_leave(st, &tx, rc);
	if (rc < 0) {
		store_talk_lines_free(out);
		return rc;
	}
	qsort(out->v, out->n, sizeof(out->v[0]), by_time);
	if (out->n > max) {
		size_t drop = out->n - max;
		for (size_t i = 0; i < drop; i++)
			free(out->v[i].text);
		memmove(out->v, out->v + drop, max * sizeof(out->v[0]));
		out->n = max;
	}
	return STORE_OK;
}
