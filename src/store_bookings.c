/*
 * store_bookings: bookings (capacity enforced inside the booking
 * transaction, Invariant 4, counting staff bookings and blocks alike), the
 * staff's bookings and moves, the one pending question per sender
 * (conversations) and opt-outs. See include/smsdesk/store.h.
 */
#include "store_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BOOKING_COLS                                                           \
	"id, ref, service, start, minutes, customer, state, created_at,"       \
	" cancelled_at, reminded_at, made_by, name, note"

static const char SQL_REF_TAKEN[] = "SELECT 1 FROM bookings WHERE ref = ?1";
static const char SQL_OVERLAP[] =
    "SELECT count(*) FROM bookings WHERE service = ?1 AND state = 0"
    " AND start < ?3 AND start + minutes * 60 > ?2";
/* A block of the service, or of every service, overlapping [?2, ?3). */
static const char SQL_BLOCKED[] =
    "SELECT 1 FROM blocks WHERE (service = '' OR service = ?1)"
    " AND start < ?3 AND end_at > ?2 LIMIT 1";
static const char SQL_INSERT[] =
    "INSERT INTO bookings (ref, service, start, minutes, customer,"
    " created_at, made_by, name, note)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
/*
 * The customer's "no"s and offers for this service in the day before a
 * booking were not lost after all (the report counts them as taken up).
 */
static const char SQL_TAKEN_UP[] =
    "UPDATE ledger SET taken_at = ?3 WHERE sender = ?1 AND requested = ?2"
    " AND taken_at = 0 AND created_at <= ?3 AND created_at >= ?3 - 86400";
static const char SQL_BY_REF[] = "SELECT " BOOKING_COLS " FROM bookings"
				 " WHERE ref = ?1";
/*
 * The most bookings of service ?1 at any one moment of [?2, ?3), not
 * counting booking ?4: the count only changes where one starts, so it is
 * counted at ?2 and at every start inside. Two bookings that touch the
 * span one after the other take one place, not two (review tr11: a
 * 14:00-15:00 and a 15:00-17:00 filled a capacity of two for 14:00-16:00).
 */
static const char SQL_OVERLAP_OTHERS[] =
    "SELECT max((SELECT count(*) FROM bookings b WHERE b.service = ?1"
    " AND b.state = 0 AND b.id != ?4 AND b.start <= p.t"
    " AND b.start + b.minutes * 60 > p.t))"
    " FROM (SELECT ?2 AS t UNION SELECT start FROM bookings"
    " WHERE service = ?1 AND state = 0 AND id != ?4"
    " AND start > ?2 AND start < ?3) AS p";
/* The same over every booked booking in [?1, ?2), of whatever service. */
static const char SQL_OVERLAP_ALL[] =
    "SELECT max((SELECT count(*) FROM bookings b WHERE b.state = 0"
    " AND b.id != ?3 AND b.start <= p.t AND b.start + b.minutes * 60 > p.t))"
    " FROM (SELECT ?1 AS t UNION SELECT start FROM bookings"
    " WHERE state = 0 AND id != ?3 AND start > ?1 AND start < ?2) AS p";
static const char SQL_MOVE[] =
    "UPDATE bookings SET start = ?2, reminded_at = 0 WHERE id = ?1"
    " AND state = 0";
static const char SQL_FIND[] = "SELECT " BOOKING_COLS " FROM bookings"
			       " WHERE ref = ?1 AND customer = ?2";
static const char SQL_CANCEL[] =
    "UPDATE bookings SET state = 1, cancelled_at = ?2 WHERE id = ?1"
    " AND state = 0";
static const char SQL_UPCOMING[] =
    "SELECT " BOOKING_COLS " FROM bookings WHERE customer = ?1"
    " AND state = 0 AND start >= ?2 ORDER BY start, id";
static const char SQL_BETWEEN[] =
    "SELECT " BOOKING_COLS " FROM bookings WHERE start >= ?1 AND start < ?2"
    " AND (state = 0 OR ?3) ORDER BY start, service, id";
static const char SQL_MADE_BETWEEN[] =
    "SELECT " BOOKING_COLS " FROM bookings WHERE created_at >= ?1 AND"
    " created_at < ?2 ORDER BY created_at, id";
static const char SQL_DUE_REMINDER[] =
    "SELECT " BOOKING_COLS " FROM bookings WHERE state = 0 AND"
    " reminded_at = 0 AND customer != '' AND start > ?1 AND"
    " start - ?2 <= ?1 AND created_at <= start - ?2 ORDER BY start, id";
static const char SQL_REMINDED[] =
    "UPDATE bookings SET reminded_at = ?2 WHERE id = ?1 AND reminded_at = 0";
static const char SQL_EXISTS[] = "SELECT 1 FROM bookings WHERE id = ?1";
static const char SQL_GET[] = "SELECT " BOOKING_COLS " FROM bookings"
			      " WHERE id = ?1";
static const char SQL_SET_MOVED[] =
    "UPDATE bookings SET moved_to = ?2 WHERE ref = ?1";
static const char SQL_MOVED_TO[] =
    "SELECT moved_to FROM bookings WHERE ref = ?1 AND customer = ?2"
    " AND moved_to <> ''";
static const char SQL_CONV_GET[] =
    "SELECT kind, state, expires_at, updated_at FROM conversations"
    " WHERE sender = ?1 AND expires_at > ?2";
static const char SQL_CONV_SET[] =
    "INSERT INTO conversations (sender, kind, state, expires_at,"
    " updated_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (sender) DO"
    " UPDATE SET kind = ?2, state = ?3, expires_at = ?4, updated_at = ?5";
static const char SQL_CONV_CLEAR[] =
    "DELETE FROM conversations WHERE sender = ?1 AND lang = ''";
static const char SQL_CONV_END[] =
    "UPDATE conversations SET kind = '', state = '', expires_at = 0"
    " WHERE sender = ?1";
static const char SQL_CONV_LANG[] =
    "SELECT lang FROM conversations WHERE sender = ?1";
static const char SQL_CONV_LANG_SET[] =
    "INSERT INTO conversations (sender, kind, state, expires_at,"
    " updated_at, lang) VALUES (?1, '', '', 0, ?3, ?2) ON CONFLICT (sender)"
    " DO UPDATE SET lang = ?2, updated_at = max(updated_at, ?3)";
static const char SQL_OPT_SET[] =
    "INSERT INTO optouts (number, since) VALUES (?1, ?2)"
    " ON CONFLICT (number) DO NOTHING";
/*
 * The number as stored, or the keyed hash a forgotten customer's opt-out
 * is kept as ('#' and hex: optout_key, store_privacy.c). The hash is only
 * computed when some opt-out is kept hashed: the first HMAC starts
 * libcrypto's providers, about 4 MiB of the daemon's peak RSS and 15,000
 * instructions per answer, for nothing on a desk that never forgot anyone.
 */
#define SQL_OPT_HASHED                                                         \
	"(SELECT optout_key(?1) WHERE EXISTS ("                                \
	"SELECT 1 FROM optouts WHERE number >= '#' AND number < '$'))"
static const char SQL_OPT_CLEAR[] =
    "DELETE FROM optouts WHERE number = ?1 OR number = " SQL_OPT_HASHED;
/* Asked before every answer: two index searches, not the OR, which sqlite
 * plans as an IN list in a temporary b-tree (a third of this query's
 * instructions). */
static const char SQL_OPT_GET[] =
    "SELECT min(s) FROM (SELECT since AS s FROM optouts WHERE number = ?1"
    " UNION ALL SELECT since FROM optouts WHERE number = " SQL_OPT_HASHED ")";

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
		int64_t one;
		int rc = ref_generate(st, attempt < 20 ? 4 : 5, ref);

		if (rc < 0)
			return rc;
		rc = db_int(st, SQL_REF_TAKEN, DB_ARGS(DB_T(ref)), &one);
		if (rc == STORE_ERR_NOT_FOUND)
			return STORE_OK;
		if (rc < 0)
			return rc;
	}
	snprintf(st->errmsg, sizeof(st->errmsg),
		 "no unused booking reference found");
	return STORE_ERR_DB;
}

/*
 * STORE_OK when a place of service is free for [start, start + minutes):
 * at no moment of it are capacity booked bookings running (not counting booking
 * `except`, 0 for none), fewer than st->places of any service when that
 * is set, and no block covers any of it; else
 * STORE_ERR_FULL. Runs inside the caller's transaction.
 */
static int place_free(struct store *st, const char *service, int64_t start,
		      int minutes, int capacity, int64_t except)
{
	int64_t end = start + (int64_t)minutes * 60, n = 0;
	int rc = db_int(st, SQL_BLOCKED,
			DB_ARGS(DB_T(service), DB_I(start), DB_I(end)), &n);

	if (rc == STORE_OK)
		return STORE_ERR_FULL;
	if (rc != STORE_ERR_NOT_FOUND)
		return rc;
	rc = db_int(
	    st, SQL_OVERLAP_OTHERS,
	    DB_ARGS(DB_T(service), DB_I(start), DB_I(end), DB_I(except)), &n);
	if (rc == STORE_OK && n >= capacity)
		rc = STORE_ERR_FULL;
	if (rc == STORE_OK && st->places > 0) {
		rc = db_int(st, SQL_OVERLAP_ALL,
			    DB_ARGS(DB_I(start), DB_I(end), DB_I(except)), &n);
		if (rc == STORE_OK && n >= st->places)
			rc = STORE_ERR_FULL;
	}
	return rc;
}

void store_set_places(struct store *st, int places)
{
	st->places = places > 0 ? places : 0;
}

struct new_booking {
	const char *service;
	int64_t start;
	int minutes;
	int capacity;
	const char *customer;
	enum store_booked_by by;
	const char *name;
	const char *note;
};

static int create(struct store *st, const struct new_booking *b, int64_t now,
		  char *ref, int64_t *id)
{
	struct tx tx;
	int rc;

	if (!db_fits(b->service, STORE_ID_MAX) ||
	    !db_fits(b->customer, STORE_NUMBER_MAX) ||
	    !db_fits(b->name, STORE_NAME_MAX) ||
	    !db_fits(b->note, STORE_NOTE_MAX) || b->minutes <= 0 ||
	    b->capacity <= 0 || ref == NULL)
		return STORE_ERR_ARG;
	ref[0] = '\0';
	rc = db_tx_enter(st, &tx);
	if (rc < 0)
		return rc;
	rc = place_free(st, b->service, b->start, b->minutes, b->capacity, 0);
	if (rc == STORE_OK)
		rc = ref_unused(st, ref);
	if (rc == STORE_OK)
		rc = db_exec(st, SQL_INSERT,
			     DB_ARGS(DB_T(ref), DB_T(b->service),
				     DB_I(b->start), DB_I(b->minutes),
				     DB_T(b->customer), DB_I(now), DB_I(b->by),
				     DB_T(b->name), DB_T(b->note)));
	if (rc == STORE_OK && id != NULL)
		*id = db_last_id(st);
	if (rc == STORE_OK && b->customer[0] != '\0')
		rc = db_exec(
		    st, SQL_TAKEN_UP,
		    DB_ARGS(DB_T(b->customer), DB_T(b->service), DB_I(now)));
	rc = db_tx_leave(st, &tx, rc);
	if (rc != STORE_OK)
		ref[0] = '\0';
	return rc;
}

int store_booking_create(struct store *st, const char *service, int64_t start,
			 int minutes, int capacity, const char *customer,
			 int64_t now, char *ref, int64_t *id)
{
	struct new_booking b = {service,  start,	 minutes, capacity,
				customer, STORE_BY_TEXT, "",	  ""};

	return create(st, &b, now, ref, id);
}

int store_booking_create_staff(struct store *st,
			       const struct store_staff_booking *sb,
			       int64_t now, char *ref, int64_t *id)
{
	struct new_booking b = {
	    sb->service,
	    sb->start,
	    sb->minutes,
	    sb->capacity,
	    sb->customer != NULL ? sb->customer : "",
	    STORE_BY_STAFF,
	    sb->name != NULL ? sb->name : "",
	    sb->note != NULL ? sb->note : "",
	};

	return create(st, &b, now, ref, id);
}

static void booking_row(sqlite3_stmt *s, struct store_booking *b)
{
	memset(b, 0, sizeof(*b));
	b->id = sqlite3_column_int64(s, 0);
	db_col_copy(s, 1, b->ref, sizeof(b->ref));
	db_col_copy(s, 2, b->service, sizeof(b->service));
	b->start = sqlite3_column_int64(s, 3);
	b->minutes = sqlite3_column_int(s, 4);
	db_col_copy(s, 5, b->customer, sizeof(b->customer));
	b->state =
	    sqlite3_column_int(s, 6) == 0 ? STORE_BOOKED : STORE_CANCELLED;
	b->created_at = sqlite3_column_int64(s, 7);
	b->cancelled_at = sqlite3_column_int64(s, 8);
	b->reminded_at = sqlite3_column_int64(s, 9);
	b->by = sqlite3_column_int(s, 10) == 1 ? STORE_BY_STAFF : STORE_BY_TEXT;
	db_col_copy(s, 11, b->name, sizeof(b->name));
	db_col_copy(s, 12, b->note, sizeof(b->note));
}

struct booking_walk {
	struct store_booking_list *out;
	size_t cap;
};

static int collect_booking(void *ctx, sqlite3_stmt *row)
{
	struct booking_walk *w = ctx;
	struct store_booking_list *out = w->out;

	if (out->n == w->cap) {
		size_t ncap = w->cap == 0 ? 8 : w->cap * 2;
		void *v = realloc(out->v, ncap * sizeof(*out->v));

		if (v == NULL)
			return STORE_ERR_NOMEM;
		out->v = v;
		w->cap = ncap;
	}
	booking_row(row, &out->v[out->n++]);
	return STORE_OK;
}

/* Every row of a booking query into out (emptied first). */
static int booking_rows(struct store *st, const char *sql,
			const struct db_arg *args, size_t n,
			struct store_booking_list *out)
{
	struct booking_walk w = {out, 0};
	int rc;

	out->v = NULL;
	out->n = 0;
	rc = db_each(st, sql, args, n, collect_booking, &w);
	if (rc < 0)
		store_booking_list_free(out);
	return rc;
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
	rc = db_row(st, SQL_FIND, DB_ARGS(DB_T(norm), DB_T(customer)), &s);
	if (rc < 0)
		return rc;
	booking_row(s, out);
	db_done(s);
	return STORE_OK;
}

int store_booking_cancel(struct store *st, const char *ref,
			 const char *customer, int64_t now,
			 struct store_booking *out)
{
	struct store_booking b;
	struct tx tx;
	int rc;

	rc = db_tx_enter(st, &tx);
	if (rc < 0)
		return rc;
	rc = store_booking_find(st, ref, customer, &b);
	if (rc == STORE_OK && b.state != STORE_BOOKED)
		rc = STORE_ERR_STATE;
	if (rc == STORE_OK) {
		rc = db_exec(st, SQL_CANCEL, DB_ARGS(DB_I(b.id), DB_I(now)));
		b.state = STORE_CANCELLED;
		b.cancelled_at = now;
	}
	rc = db_tx_leave(st, &tx, rc);
	if (out != NULL && (rc == STORE_OK || rc == STORE_ERR_STATE))
		*out = b;
	return rc;
}

int store_booking_by_ref(struct store *st, const char *ref,
			 struct store_booking *out)
{
	char norm[STORE_REF_MAX];
	sqlite3_stmt *s;
	int rc;

	if (!store_ref_normalise(ref, norm))
		return STORE_ERR_NOT_FOUND;
	rc = db_row(st, SQL_BY_REF, DB_ARGS(DB_T(norm)), &s);
	if (rc < 0)
		return rc;
	booking_row(s, out);
	db_done(s);
	return STORE_OK;
}

int store_booking_cancel_ref(struct store *st, const char *ref, int64_t now,
			     struct store_booking *out)
{
	struct store_booking b;
	struct tx tx;
	int rc;

	rc = db_tx_enter(st, &tx);
	if (rc < 0)
		return rc;
	rc = store_booking_by_ref(st, ref, &b);
	if (rc == STORE_OK && b.state != STORE_BOOKED)
		rc = STORE_ERR_STATE;
	if (rc == STORE_OK) {
		rc = db_exec(st, SQL_CANCEL, DB_ARGS(DB_I(b.id), DB_I(now)));
		b.state = STORE_CANCELLED;
		b.cancelled_at = now;
	}
	rc = db_tx_leave(st, &tx, rc);
	if (out != NULL && (rc == STORE_OK || rc == STORE_ERR_STATE))
		*out = b;
	return rc;
}

int store_booking_move(struct store *st, const char *ref, int64_t start,
		       int capacity, int64_t now, struct store_booking *out)
{
	struct store_booking b;
	struct tx tx;
	int rc, found;

	(void)now;
	if (capacity <= 0)
		return STORE_ERR_ARG;
	rc = db_tx_enter(st, &tx);
	if (rc < 0)
		return rc;
	rc = store_booking_by_ref(st, ref, &b);
	found = rc == STORE_OK;
	if (rc == STORE_OK && b.state != STORE_BOOKED)
		rc = STORE_ERR_STATE;
	if (rc == STORE_OK)
		rc =
		    place_free(st, b.service, start, b.minutes, capacity, b.id);
	if (rc == STORE_OK)
		rc = db_exec(st, SQL_MOVE, DB_ARGS(DB_I(b.id), DB_I(start)));
	rc = db_tx_leave(st, &tx, rc);
	if (out != NULL && found)
		*out = b;
	return rc;
}

int store_booking_set_moved(struct store *st, const char *old_ref,
			    const char *new_ref)
{
	if (!db_fits(new_ref, STORE_REF_MAX))
		return STORE_ERR_ARG;
	int rc =
	    db_exec(st, SQL_SET_MOVED, DB_ARGS(DB_T(old_ref), DB_T(new_ref)));
	if (rc == STORE_OK && db_changes(st) == 0)
		rc = STORE_ERR_NOT_FOUND;
	return rc;
}

int store_booking_moved_to(struct store *st, const char *old_ref,
			   const char *customer, char *new_ref)
{
	sqlite3_stmt *row;
	int rc = db_row(st, SQL_MOVED_TO,
			DB_ARGS(DB_T(old_ref), DB_T(customer)), &row);
	new_ref[0] = '\0';
	if (rc != STORE_OK)
		return rc;
	db_col_copy(row, 0, new_ref, STORE_REF_MAX);
	db_done(row);
	return STORE_OK;
}

int store_bookings_upcoming(struct store *st, const char *customer,
			    int64_t from, struct store_booking_list *out)
{
	return booking_rows(st, SQL_UPCOMING,
			    DB_ARGS(DB_T(customer), DB_I(from)), out);
}

int store_booking_count(struct store *st, const char *service, int64_t from,
			int64_t to, int64_t *count)
{
	return db_int(st, SQL_OVERLAP,
		      DB_ARGS(DB_T(service), DB_I(from), DB_I(to)), count);
}

int store_bookings_between(struct store *st, int64_t from, int64_t to,
			   int include_cancelled,
			   struct store_booking_list *out)
{
	return booking_rows(
	    st, SQL_BETWEEN,
	    DB_ARGS(DB_I(from), DB_I(to), DB_I(include_cancelled ? 1 : 0)),
	    out);
}

int store_bookings_made_between(struct store *st, int64_t from, int64_t to,
				struct store_booking_list *out)
{
	return booking_rows(st, SQL_MADE_BETWEEN, DB_ARGS(DB_I(from), DB_I(to)),
			    out);
}

int store_bookings_due_reminder(struct store *st, int64_t now, int64_t lead,
				struct store_booking_list *out)
{
	return booking_rows(st, SQL_DUE_REMINDER,
			    DB_ARGS(DB_I(now), DB_I(lead)), out);
}

int store_booking_mark_reminded(struct store *st, int64_t id, int64_t now)
{
	int rc = db_exec(st, SQL_REMINDED, DB_ARGS(DB_I(id), DB_I(now)));

	if (rc < 0)
		return rc;
	return db_changed_or_why(st, SQL_EXISTS, id);
}

int store_booking_get(struct store *st, int64_t id, struct store_booking *out)
{
	sqlite3_stmt *s;
	int rc = db_row(st, SQL_GET, DB_ARGS(DB_I(id)), &s);

	if (rc < 0)
		return rc;
	booking_row(s, out);
	db_done(s);
	return STORE_OK;
}

/* ---- conversations ----------------------------------------------------- */

int store_conv_get(struct store *st, const char *sender, int64_t now,
		   struct store_conv *out)
{
	sqlite3_stmt *s;
	int rc = db_row(st, SQL_CONV_GET, DB_ARGS(DB_T(sender), DB_I(now)), &s);

	if (rc < 0)
		return rc;
	db_col_copy(s, 0, out->kind, sizeof(out->kind));
	db_col_copy(s, 1, out->state, sizeof(out->state));
	out->expires_at = sqlite3_column_int64(s, 2);
	out->updated_at = sqlite3_column_int64(s, 3);
	db_done(s);
	return STORE_OK;
}

int store_conv_set(struct store *st, const char *sender, const char *kind,
		   const char *state, int64_t expires_at, int64_t now)
{
	if (!db_fits(sender, STORE_NUMBER_MAX) ||
	    !db_fits(kind, STORE_CONV_KIND_MAX) ||
	    !db_fits(state, STORE_CONV_STATE_MAX))
		return STORE_ERR_ARG;
	return db_exec(st, SQL_CONV_SET,
		       DB_ARGS(DB_T(sender), DB_T(kind), DB_T(state),
			       DB_I(expires_at), DB_I(now)));
}

int store_conv_clear(struct store *st, const char *sender)
{
	int rc = db_exec(st, SQL_CONV_CLEAR, DB_ARGS(DB_T(sender)));
	if (rc < 0)
		return rc;
	return db_exec(st, SQL_CONV_END, DB_ARGS(DB_T(sender)));
}

int store_conv_lang(struct store *st, const char *sender, char *out, size_t cap)
{
	sqlite3_stmt *s;
	int rc = db_row(st, SQL_CONV_LANG, DB_ARGS(DB_T(sender)), &s);

	if (cap > 0)
		out[0] = '\0';
	if (rc == STORE_ERR_NOT_FOUND)
		return STORE_OK;
	if (rc < 0)
		return rc;
	db_col_copy(s, 0, out, cap);
	db_done(s);
	return STORE_OK;
}

int store_conv_lang_set(struct store *st, const char *sender, const char *lang,
			int64_t now)
{
	if (!db_fits(sender, STORE_NUMBER_MAX) || !db_fits(lang, 8))
		return STORE_ERR_ARG;
	return db_exec(st, SQL_CONV_LANG_SET,
		       DB_ARGS(DB_T(sender), DB_T(lang), DB_I(now)));
}

/* ---- opt-outs ---------------------------------------------------------- */

int store_optout_set(struct store *st, const char *number, int64_t now)
{
	if (!db_fits(number, STORE_NUMBER_MAX))
		return STORE_ERR_ARG;
	return db_exec(st, SQL_OPT_SET, DB_ARGS(DB_T(number), DB_I(now)));
}

int store_optout_clear(struct store *st, const char *number)
{
	return db_exec(st, SQL_OPT_CLEAR, DB_ARGS(DB_T(number)));
}

/* Matches the number as stored, or the keyed hash a forgotten customer's
 * opt-out is kept as (store_forget), so STOP still holds. */
int store_is_opted_out(struct store *st, const char *number, int64_t *since)
{
	int64_t t;
	int rc = db_int(st, SQL_OPT_GET, DB_ARGS(DB_T(number)), &t);

	if (rc == STORE_ERR_NOT_FOUND)
		return 0;
	if (rc < 0)
		return rc;
	if (since != NULL)
		*since = t;
	return 1;
}
