/*
 * store_ledger: the referral ledger (every "no", what was asked, why, and
 * whom we named), fair rotation among referrals, and the staff report's
 * counts. See include/smsdesk/store.h.
 */
#include "store_internal.h"

#include <stdlib.h>
#include <string.h>

static const char SQL_LEDGER_INSERT[] =
    "INSERT INTO ledger (sender, requested, reason, created_at)"
    " VALUES (?1, ?2, ?3, ?4)";
static const char SQL_REFERRAL_INSERT[] =
    "INSERT INTO ledger_referral (ledger_id, position, name)"
    " VALUES (?1, ?2, ?3)";
static const char SQL_LAST_NAMED[] =
    "SELECT max(ledger_id) FROM ledger_referral WHERE name = ?1";
/* Every report query counts rows made in [?1, ?2). */
static const char SQL_REP_IN[] =
    "SELECT count(*), total(state = 1), total(state = 2), total(state = 0)"
    " FROM inbox WHERE received_at >= ?1 AND received_at < ?2";
static const char SQL_REP_OUT[] =
    "SELECT count(*), total(st IN (0, 1)), total(st = 2), total(st = 3),"
    " total(st = 4), total(n_parts), total(st = 5) FROM (SELECT m.n_parts,"
    " (SELECT CASE WHEN max(p.state) >= 4 THEN max(p.state)"
    " ELSE min(p.state) END FROM out_part p WHERE p.msg_id = m.id) AS st"
    " FROM out_msg m WHERE m.created_at >= ?1 AND m.created_at < ?2)";
static const char SQL_REP_BOOKINGS[] =
    "SELECT (SELECT count(*) FROM bookings WHERE created_at >= ?1 AND"
    " created_at < ?2), (SELECT count(*) FROM bookings WHERE state = 1 AND"
    " cancelled_at >= ?1 AND cancelled_at < ?2)";
static const char SQL_REP_DEMAND[] =
    "SELECT requested, reason, count(*) AS n, total(taken_at > 0) FROM"
    " ledger WHERE created_at >= ?1 AND created_at < ?2"
    " GROUP BY requested, reason ORDER BY n DESC, requested, reason";
/* Messages with a part in state ?4 (failed, withdrawn), latest first. */
static const char SQL_REP_ENDED[] =
    "SELECT m.id, m.to_number, m.created_at, (SELECT p.last_error FROM"
    " out_part p WHERE p.msg_id = m.id AND p.state = ?4 ORDER BY p.seq"
    " LIMIT 1), m.origin FROM out_msg m WHERE m.created_at >= ?1 AND"
    " m.created_at < ?2 AND EXISTS"
    " (SELECT 1 FROM out_part p WHERE p.msg_id = m.id AND p.state = ?4)"
    " ORDER BY m.created_at DESC, m.id DESC LIMIT ?3";
static const char SQL_REP_NAMED[] =
    "SELECT r.name, count(*) AS n FROM ledger_referral r JOIN ledger l"
    " ON l.id = r.ledger_id WHERE l.created_at >= ?1 AND"
    " l.created_at < ?2 GROUP BY r.name"
    " ORDER BY n DESC, r.name";

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
	case STORE_REASON_OFFERED:
		return "offered";
	case STORE_REASON_NOT_UNDERSTOOD:
		return "not_understood";
	}
	return "other";
}

int store_ledger_add(struct store *st, const char *sender,
		     const char *requested, enum store_reason reason,
		     const char *const *referrals, size_t n, int64_t now,
		     int64_t *id)
{
	int64_t lid = 0;
	struct tx tx;
	int rc;

	if (requested == NULL)
		requested = "";
	if (!db_fits(sender, STORE_NUMBER_MAX) ||
	    !db_fits(requested, STORE_ID_MAX) || (n > 0 && referrals == NULL))
		return STORE_ERR_ARG;
	for (size_t i = 0; i < n; i++)
		if (!db_fits(referrals[i], STORE_ID_MAX))
			return STORE_ERR_ARG;
	rc = db_tx_enter(st, &tx);
	if (rc < 0)
		return rc;
	rc = db_exec(st, SQL_LEDGER_INSERT,
		     DB_ARGS(DB_T(sender), DB_T(requested),
			     DB_T(store_reason_name(reason)), DB_I(now)));
	if (rc == STORE_OK)
		lid = db_last_id(st);
	for (size_t i = 0; rc == STORE_OK && i < n; i++)
		rc = db_exec(st, SQL_REFERRAL_INSERT,
			     DB_ARGS(DB_I(lid), DB_I(i), DB_T(referrals[i])));
	rc = db_tx_leave(st, &tx, rc);
	if (rc == STORE_OK && id != NULL)
		*id = lid;
	return rc;
}

int store_referral_rank(struct store *st, const char *const *names, size_t n,
			size_t *order)
{
	int64_t *last = calloc(n > 0 ? n : 1, sizeof(*last));
	int rc = STORE_OK;

	if (last == NULL)
		return STORE_ERR_NOMEM;
	/* Ledger ids grow with time, so the latest id naming a referral says
	 * when it was last named; 0 = never. */
	for (size_t i = 0; i < n && rc == STORE_OK; i++) {
		rc = db_int(st, SQL_LAST_NAMED, DB_ARGS(DB_T(names[i])),
			    &last[i]);
		if (rc == STORE_ERR_NOT_FOUND)
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

/* Columns 0.. of one row of counts into out[0..n). */
static int counts_row(struct store *st, const char *sql, int64_t from,
		      int64_t to, int64_t *const *out, size_t n)
{
	sqlite3_stmt *s;
	int rc = db_row(st, sql, DB_ARGS(DB_I(from), DB_I(to)), &s);

	if (rc < 0)
		return rc;
	for (size_t i = 0; i < n; i++)
		*out[i] = sqlite3_column_int64(s, (int)i);
	db_done(s);
	return STORE_OK;
}

static int report_counts(struct store *st, int64_t from, int64_t to,
			 struct store_report *r)
{
	int64_t *const in[] = {&r->in_total, &r->in_answered, &r->in_ignored,
			       &r->in_new};
	int64_t *const out[] = {
	    &r->out_total,  &r->out_queued, &r->out_sent,     &r->out_delivered,
	    &r->out_failed, &r->out_parts,  &r->out_withdrawn};
	int64_t *const bookings[] = {&r->bookings_made, &r->bookings_cancelled};
	int rc;

	rc = counts_row(st, SQL_REP_IN, from, to, in, 4);
	if (rc == STORE_OK)
		rc = counts_row(st, SQL_REP_OUT, from, to, out, 7);
	if (rc == STORE_OK)
		rc = counts_row(st, SQL_REP_BOOKINGS, from, to, bookings, 2);
	return rc;
}

static int collect_demand(void *ctx, sqlite3_stmt *row)
{
	struct store_report *r = ctx;
	struct store_demand_row *v, *d;

	v = store_grow(r->demand, r->n_demand, sizeof(*v));
	if (v == NULL)
		return STORE_ERR_NOMEM;
	r->demand = v;
	d = &v[r->n_demand++];
	db_col_copy(row, 0, d->requested, sizeof(d->requested));
	db_col_copy(row, 1, d->reason, sizeof(d->reason));
	d->count = sqlite3_column_int64(row, 2);
	d->taken = sqlite3_column_int64(row, 3);
	if (strcmp(d->reason, "not_understood") == 0) {
		r->not_understood += d->count;
	} else {
		r->turned_away += d->count - d->taken;
		r->taken_up += d->taken;
	}
	return STORE_OK;
}

static int collect_named(void *ctx, sqlite3_stmt *row)
{
	struct store_report *r = ctx;
	struct store_named_row *v, *d;

	v = store_grow(r->referrals, r->n_referrals, sizeof(*v));
	if (v == NULL)
		return STORE_ERR_NOMEM;
	r->referrals = v;
	d = &v[r->n_referrals++];
	db_col_copy(row, 0, d->name, sizeof(d->name));
	d->count = sqlite3_column_int64(row, 1);
	return STORE_OK;
}

struct ended_walk {
	struct store_failed_row *rows;
	size_t n;
};

static int collect_ended(void *ctx, sqlite3_stmt *row)
{
	struct ended_walk *w = ctx;
	struct store_failed_row *d;

	if (w->n >= STORE_REPORT_FAILED_MAX)
		return STORE_OK;
	d = &w->rows[w->n++];
	d->msg_id = sqlite3_column_int64(row, 0);
	db_col_copy(row, 1, d->to, sizeof(d->to));
	d->created_at = sqlite3_column_int64(row, 2);
	db_col_copy(row, 3, d->error, sizeof(d->error));
	d->origin = (enum store_origin)sqlite3_column_int(row, 4);
	return STORE_OK;
}

/* The latest messages with a part in `state`, into *rows (calloc'd). */
static int report_ended(struct store *st, int64_t from, int64_t to,
			enum store_out_state state,
			struct store_failed_row **rows, size_t *n)
{
	struct ended_walk w = {NULL, 0};
	int rc;

	w.rows = calloc(STORE_REPORT_FAILED_MAX, sizeof(*w.rows));
	if (w.rows == NULL)
		return STORE_ERR_NOMEM;
	*rows = w.rows;
	rc = db_each(st, SQL_REP_ENDED,
		     DB_ARGS(DB_I(from), DB_I(to),
			     DB_I(STORE_REPORT_FAILED_MAX), DB_I(state)),
		     collect_ended, &w);
	*n = w.n;
	return rc;
}

int store_report_build(struct store *st, int64_t since,
		       struct store_report *out)
{
	return store_report_range(st, since, INT64_MAX, out);
}

int store_report_range(struct store *st, int64_t from, int64_t to,
		       struct store_report *out)
{
	struct tx tx;
	int rc;

	memset(out, 0, sizeof(*out));
	/* One read transaction, so the numbers agree with each other while
	 * the daemon keeps writing. */
	rc = db_tx_enter_read(st, &tx);
	if (rc == STORE_OK)
		rc = report_counts(st, from, to, out);
	if (rc == STORE_OK)
		rc = db_each(st, SQL_REP_DEMAND, DB_ARGS(DB_I(from), DB_I(to)),
			     collect_demand, out);
	if (rc == STORE_OK)
		rc = db_each(st, SQL_REP_NAMED, DB_ARGS(DB_I(from), DB_I(to)),
			     collect_named, out);
	if (rc == STORE_OK)
		rc = report_ended(st, from, to, STORE_OUT_FAILED, &out->failed,
				  &out->n_failed);
	if (rc == STORE_OK)
		rc = report_ended(st, from, to, STORE_OUT_WITHDRAWN,
				  &out->withdrawn, &out->n_withdrawn);
	rc = db_tx_leave(st, &tx, rc);
	if (rc != STORE_OK)
		store_report_free(out);
	return rc;
}

void store_report_free(struct store_report *r)
{
	free(r->demand);
	free(r->referrals);
	free(r->failed);
	free(r->withdrawn);
	r->demand = NULL;
	r->referrals = NULL;
	r->failed = NULL;
	r->withdrawn = NULL;
	r->n_demand = 0;
	r->n_referrals = 0;
	r->n_failed = 0;
	r->n_withdrawn = 0;
}
