/*
 * store_report: the rows behind the staff report's week-by-week and
 * hour-of-day views and its list of texts not understood; the report
 * module buckets them in the business's time zone (the store knows no
 * zones). The totals are store_ledger.c's. See include/smsdesk/store.h.
 */
#include "store_internal.h"

#include <stdlib.h>
#include <string.h>

static const char SQL_DEMAND[] =
    "SELECT l.created_at, l.requested, l.reason, l.taken_at, (SELECT"
    " count(*) FROM ledger_referral r WHERE r.ledger_id = l.id) FROM"
    " ledger l WHERE l.created_at >= ?1 AND l.created_at < ?2"
    " ORDER BY l.created_at, l.id";
static const char SQL_TEXTS_IN[] =
    "SELECT received_at FROM inbox WHERE received_at >= ?1 AND"
    " received_at < ?2 ORDER BY received_at";
/*
 * The desk records "not understood" in the ledger while answering, in the
 * transaction that marks the text answered with the same time: the text
 * is the sender's inbox row handled then.
 */
static const char SQL_NOT_UNDERSTOOD[] =
    "SELECT i.received_at, i.sender, i.text FROM inbox i WHERE i.id IN"
    " (SELECT i2.id FROM ledger l JOIN inbox i2 ON i2.sender = l.sender"
    " AND i2.handled_at = l.created_at WHERE l.reason = 'not_understood'"
    " AND l.sender != '' AND l.created_at >= ?1 AND l.created_at < ?2)"
    " ORDER BY i.received_at DESC, i.id DESC LIMIT ?3";

static int collect_demand(void *ctx, sqlite3_stmt *row)
{
	struct store_demand_list *out = ctx;
	struct store_demand_event *v = store_grow(out->v, out->n, sizeof(*v));
	struct store_demand_event *e;

	if (v == NULL)
		return STORE_ERR_NOMEM;
	out->v = v;
	e = &v[out->n++];
	e->at = sqlite3_column_int64(row, 0);
	db_col_copy(row, 1, e->requested, sizeof(e->requested));
	db_col_copy(row, 2, e->reason, sizeof(e->reason));
	e->taken_at = sqlite3_column_int64(row, 3);
	e->referrals = sqlite3_column_int(row, 4);
	return STORE_OK;
}

int store_demand_between(struct store *st, int64_t from, int64_t to,
			 struct store_demand_list *out)
{
	int rc;

	out->v = NULL;
	out->n = 0;
	rc = db_each(st, SQL_DEMAND, DB_ARGS(DB_I(from), DB_I(to)),
		     collect_demand, out);
	if (rc < 0)
		store_demand_list_free(out);
	return rc;
}

void store_demand_list_free(struct store_demand_list *list)
{
	free(list->v);
	list->v = NULL;
	list->n = 0;
}

static int collect_time(void *ctx, sqlite3_stmt *row)
{
	struct store_times *out = ctx;
	int64_t *v = store_grow(out->v, out->n, sizeof(*v));

	if (v == NULL)
		return STORE_ERR_NOMEM;
	out->v = v;
	v[out->n++] = sqlite3_column_int64(row, 0);
	return STORE_OK;
}

int store_texts_in_between(struct store *st, int64_t from, int64_t to,
			   struct store_times *out)
{
	int rc;

	out->v = NULL;
	out->n = 0;
	rc = db_each(st, SQL_TEXTS_IN, DB_ARGS(DB_I(from), DB_I(to)),
		     collect_time, out);
	if (rc < 0)
		store_times_free(out);
	return rc;
}

void store_times_free(struct store_times *t)
{
	free(t->v);
	t->v = NULL;
	t->n = 0;
}

static int collect_text(void *ctx, sqlite3_stmt *row)
{
	struct store_text_list *out = ctx;
	struct store_text_row *v = store_grow(out->v, out->n, sizeof(*v));
	struct store_text_row *t;

	if (v == NULL)
		return STORE_ERR_NOMEM;
	out->v = v;
	t = &v[out->n];
	t->at = sqlite3_column_int64(row, 0);
	db_col_copy(row, 1, t->sender, sizeof(t->sender));
	t->text = db_col_dup(row, 2);
	if (t->text == NULL)
		return STORE_ERR_NOMEM;
	out->n++;
	return STORE_OK;
}

int store_not_understood(struct store *st, int64_t from, int64_t to, size_t max,
			 struct store_text_list *out)
{
	int rc;

	out->v = NULL;
	out->n = 0;
	rc = db_each(st, SQL_NOT_UNDERSTOOD,
		     DB_ARGS(DB_I(from), DB_I(to), DB_I((int64_t)max)),
		     collect_text, out);
	if (rc < 0)
		store_text_list_free(out);
	return rc;
}

void store_text_list_free(struct store_text_list *list)
{
	for (size_t i = 0; i < list->n; i++)
		free(list->v[i].text);
	free(list->v);
	list->v = NULL;
	list->n = 0;
}
