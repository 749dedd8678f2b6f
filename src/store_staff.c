/*
 * store_staff: blocks — stretches of time staff take out of the book
 * (lunch, a day off, a broken chair) — and the list of what takes places
 * that the desk counts from (bookings and blocks together). The staff's
 * bookings and moves live beside the desk's in store_bookings.c, where
 * capacity is checked. See include/smsdesk/store.h.
 */
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK_COLS "id, service, start, end_at, reason, created_at"

static const char SQL_BLOCK_ADD[] =
    "INSERT INTO blocks (service, start, end_at, reason, created_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5)";
static const char SQL_BLOCK_GET[] = "SELECT " BLOCK_COLS " FROM blocks"
				    " WHERE id = ?1";
static const char SQL_BLOCK_DEL[] = "DELETE FROM blocks WHERE id = ?1";
static const char SQL_BLOCKS_BETWEEN[] =
    "SELECT " BLOCK_COLS " FROM blocks WHERE start < ?2 AND end_at > ?1"
    " ORDER BY start, id";
static const char SQL_SLOT_BOOKINGS[] =
    "SELECT id, ref, service, start, minutes, customer, created_at"
    " FROM bookings"
    " WHERE start >= ?1 AND start < ?2 AND state = 0 ORDER BY start, id";

static void block_row(sqlite3_stmt *s, struct store_block *b)
{
	memset(b, 0, sizeof(*b));
	b->id = sqlite3_column_int64(s, 0);
	db_col_copy(s, 1, b->service, sizeof(b->service));
	b->start = sqlite3_column_int64(s, 2);
	b->end = sqlite3_column_int64(s, 3);
	db_col_copy(s, 4, b->reason, sizeof(b->reason));
	b->created_at = sqlite3_column_int64(s, 5);
}

int store_block_add(struct store *st, const char *service, int64_t start,
		    int64_t end, const char *reason, int64_t now, int64_t *id)
{
	int rc;

	if (service == NULL)
		service = "";
	if (reason == NULL)
		reason = "";
	if (!db_fits(service, STORE_ID_MAX) ||
	    !db_fits(reason, STORE_NOTE_MAX) || end <= start)
		return STORE_ERR_ARG;
	rc = db_exec(st, SQL_BLOCK_ADD,
		     DB_ARGS(DB_T(service), DB_I(start), DB_I(end),
			     DB_T(reason), DB_I(now)));
	if (rc == STORE_OK && id != NULL)
		*id = db_last_id(st);
	return rc;
}

int store_block_remove(struct store *st, int64_t id, struct store_block *out)
{
	struct store_block b;
	sqlite3_stmt *s;
	struct tx tx;
	int rc = db_tx_enter(st, &tx);

	if (rc < 0)
		return rc;
	rc = db_row(st, SQL_BLOCK_GET, DB_ARGS(DB_I(id)), &s);
	if (rc == STORE_OK) {
		block_row(s, &b);
		db_done(s);
		rc = db_exec(st, SQL_BLOCK_DEL, DB_ARGS(DB_I(id)));
	}
	rc = db_tx_leave(st, &tx, rc);
	if (rc == STORE_OK && out != NULL)
		*out = b;
	return rc;
}

static int collect_block(void *ctx, sqlite3_stmt *row)
{
	struct store_block_list *out = ctx;
	struct store_block *v = store_grow(out->v, out->n, sizeof(*v));

	if (v == NULL)
		return STORE_ERR_NOMEM;
	out->v = v;
	block_row(row, &out->v[out->n++]);
	return STORE_OK;
}

int store_blocks_between(struct store *st, int64_t from, int64_t to,
			 struct store_block_list *out)
{
	int rc;

	out->v = NULL;
	out->n = 0;
	rc = db_each(st, SQL_BLOCKS_BETWEEN, DB_ARGS(DB_I(from), DB_I(to)),
		     collect_block, out);
	if (rc < 0)
		store_block_list_free(out);
	return rc;
}

void store_block_list_free(struct store_block_list *list)
{
	free(list->v);
	list->v = NULL;
	list->n = 0;
}

/* ---- what takes places ------------------------------------------------- */

static struct store_booking *slot_add(struct store_booking_list *out)
{
	struct store_booking *v = store_grow(out->v, out->n, sizeof(*v));

	if (v == NULL)
		return NULL;
	out->v = v;
	return &out->v[out->n++];
}

/* What counting needs, and whose it is (no name or note). */
static int collect_slot(void *ctx, sqlite3_stmt *row)
{
	struct store_booking *b = slot_add(ctx);

	if (b == NULL)
		return STORE_ERR_NOMEM;
	b->id = sqlite3_column_int64(row, 0);
	db_col_copy(row, 1, b->ref, sizeof(b->ref));
	db_col_copy(row, 2, b->service, sizeof(b->service));
	b->start = sqlite3_column_int64(row, 3);
	b->minutes = sqlite3_column_int(row, 4);
	db_col_copy(row, 5, b->customer, sizeof(b->customer));
	b->created_at = sqlite3_column_int64(row, 6);
	b->state = STORE_BOOKED;
	return STORE_OK;
}

static int collect_block_slot(void *ctx, sqlite3_stmt *row)
{
	struct store_booking *b = slot_add(ctx);
	struct store_block blk;
	int64_t minutes;

	if (b == NULL)
		return STORE_ERR_NOMEM;
	block_row(row, &blk);
	minutes = (blk.end - blk.start + 59) / 60;
	b->id = blk.id;
	snprintf(b->service, sizeof(b->service), "%s", blk.service);
	b->start = blk.start;
	b->minutes = minutes > 0x7fffffff ? 0x7fffffff : (int)minutes;
	b->state = STORE_BLOCKED;
	b->created_at = blk.created_at;
	snprintf(b->note, sizeof(b->note), "%s", blk.reason);
	return STORE_OK;
}

int store_slots_between(struct store *st, int64_t from, int64_t to,
			struct store_booking_list *out)
{
	struct tx tx;
	int rc;

	out->v = NULL;
	out->n = 0;
	rc = db_tx_enter_read(st, &tx);
	if (rc == STORE_OK)
		rc = db_each(st, SQL_SLOT_BOOKINGS,
			     DB_ARGS(DB_I(from), DB_I(to)), collect_slot, out);
	if (rc == STORE_OK)
		rc = db_each(st, SQL_BLOCKS_BETWEEN,
			     DB_ARGS(DB_I(from), DB_I(to)), collect_block_slot,
			     out);
	rc = db_tx_leave(st, &tx, rc);
	if (rc < 0)
		store_booking_list_free(out);
	return rc;
}

int store_booking_places(const struct store_booking *b, const char *service,
			 int capacity)
{
	switch (b->state) {
	case STORE_BOOKED:
		return strcmp(b->service, service) == 0 ? 1 : 0;
	case STORE_CANCELLED:
		return 0;
	case STORE_BLOCKED:
		return b->service[0] == '\0' || strcmp(b->service, service) == 0
			   ? capacity
			   : 0;
	}
	return 0;
}
