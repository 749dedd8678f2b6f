/*
 * store, privacy: the retention prune blanks what is old and keeps what is
 * new, queued and upcoming; an erased person's opt-out holds through its
 * keyed hash (and START still clears it); every stored form of a number is
 * found; export walks each table of a person's rows. Real sqlite files.
 */
#include "harness.h"
#include "smsdesk/catalog.h"
#include "smsdesk/privacy.h"
#include "smsdesk/store.h"

#include <string.h>
#include <time.h>
#include <unistd.h>

static char tmpdir[64];
static int db_seq;

#define H   3600
#define DAY 1796169600 /* 2026-12-02 00:00 UTC */

static struct store *open_new(void)
{
	char path[128], err[256];
	struct store *st;

	snprintf(path, sizeof(path), "%s/db%d.sqlite", tmpdir, ++db_seq);
	st = store_open(path, STORE_OPEN_CREATE, err, sizeof(err));
	if (st == NULL)
		printf("  store_open(%s): %s\n", path, err);
	return st;
}

static int64_t text_in(struct store *st, const char *from, int64_t t,
		       const char *text)
{
	char pdu[64];
	struct store_inbox_new in = {.sender = from,
				     .smsc_time = t,
				     .pdu_hex = pdu,
				     .text = text,
				     .modem = "m1"};
	int64_t id = 0;

	snprintf(pdu, sizeof(pdu), "0791%08llX", (unsigned long long)t);
	CHECK_INT(store_inbox_put(st, &in, t, &id), STORE_OK);
	return id;
}

static int64_t text_out(struct store *st, const char *to, int64_t t)
{
	struct store_out_part part = {
	    "0011000C914477000910320000AA0548656C6C6F", 20};
	struct store_outbox_new msg = {.to = to,
				       .text = "Hello there",
				       .origin = STORE_ORIGIN_REPLY,
				       .parts = &part,
				       .n_parts = 1};
	int64_t id = 0;

	CHECK_INT(store_outbox_queue(st, &msg, t, &id), STORE_OK);
	return id;
}

static void test_prune_old_keep_new(void)
{
	struct store *st = open_new();
	struct store_privacy_counts c;
	struct store_inbox_msg m;
	struct store_out_msg om;
	struct store_booking b;
	char ref_old[STORE_REF_MAX], ref_new[STORE_REF_MAX];
	int64_t old_in, new_in, old_out, queued_out;
	int64_t cut = DAY - 90 * 24 * H;

	if (st == NULL) {
		CHECK(0);
		return;
	}
	old_in = text_in(st, "+447700900001", cut - H, "old secret");
	new_in = text_in(st, "+447700900001", cut + H, "new text");
	old_out = text_out(st, "+447700900001", cut - H);
	queued_out = text_out(st, "+447700900002", cut - H / 2);
	/* old_out was sent; queued_out still waits */
	struct store_out_job job;
	CHECK_INT(store_outbox_next(st, cut, NULL, &job), STORE_OK);
	CHECK_INT(job.msg_id, old_out);
	CHECK_INT(store_outbox_mark_sending(st, job.part_id, "m1", cut),
		  STORE_OK);
	CHECK_INT(store_outbox_mark_sent(st, job.part_id, 7, cut), STORE_OK);
	CHECK_INT(store_booking_create(st, "haircut", cut - 24 * H, 30, 1,
				       "+447700900001", cut - 48 * H, ref_old,
				       NULL),
		  STORE_OK);
	CHECK_INT(store_booking_create(st, "haircut", DAY + 10 * H, 30, 1,
				       "+447700900001", cut - 48 * H, ref_new,
				       NULL),
		  STORE_OK);
	CHECK_INT(
	    store_conv_set(st, "+447700900001", "offer", "{}", cut, cut - H),
	    STORE_OK);
	CHECK_INT(store_ledger_add(st, "+447700900003", "nails",
				   STORE_REASON_NOT_OFFERED, NULL, 0, cut - H,
				   NULL),
		  STORE_OK);
	CHECK_INT(store_optout_set(st, "+447700900004", cut - H), STORE_OK);
	CHECK_INT(store_optout_set(st, "+447700900005", cut + H), STORE_OK);

	CHECK_INT(store_prune(st, cut, &c), STORE_OK);
	CHECK_INT(c.texts_in, 1);
	CHECK_INT(c.texts_out, 1);
	CHECK_INT(c.bookings, 1);
	CHECK_INT(c.conversations, 1);
	CHECK_INT(c.ledger, 1);
	CHECK_INT(c.optouts, 1);
	CHECK_INT(store_inbox_get(st, old_in, &m), STORE_OK);
	CHECK_STR(m.sender, "");
	CHECK_STR(m.text, "");
	CHECK_STR(m.pdu_hex, "");
	store_inbox_msg_clear(&m);
	CHECK_INT(store_inbox_get(st, new_in, &m), STORE_OK);
	CHECK_STR(m.text, "new text");
	store_inbox_msg_clear(&m);
	CHECK_INT(store_outbox_get(st, old_out, &om), STORE_OK);
	CHECK_STR(om.to, "");
	CHECK_STR(om.text, "");
	store_out_msg_clear(&om);
	/* a text still waiting to go is not cut from under the sender */
	CHECK_INT(store_outbox_get(st, queued_out, &om), STORE_OK);
	CHECK_STR(om.to, "+447700900002");
	store_out_msg_clear(&om);
	CHECK_INT(store_booking_by_ref(st, ref_old, &b), STORE_OK);
	CHECK_STR(b.customer, "");
	CHECK_INT(store_booking_by_ref(st, ref_new, &b), STORE_OK);
	CHECK_STR(b.customer, "+447700900001");
	/* an old STOP holds through its hash; a recent one is as it was */
	CHECK_INT(store_is_opted_out(st, "+447700900004", NULL), 1);
	CHECK_INT(store_is_opted_out(st, "+447700900005", NULL), 1);
	CHECK_INT(store_is_opted_out(st, "+447700900006", NULL), 0);
	/* twice is a no-op */
	CHECK_INT(store_prune(st, cut, &c), STORE_OK);
	CHECK_INT(c.texts_in + c.texts_out + c.bookings + c.optouts, 0);
	CHECK_INT(store_compact(st), STORE_OK);
	store_close(st);
}

static int digits_match(void *ctx, const char *stored)
{
	const char *want = ctx; /* the last 10 digits */
	size_t n = strlen(stored);

	return n >= 10 && strcmp(stored + n - 10, want) == 0;
}

struct seen {
	char tables[8][16];
	size_t n, rows;
};

static int note_row(void *ctx, const char *table, const struct store_field *f,
		    size_t n)
{
	struct seen *s = ctx;

	(void)f;
	CHECK(n > 0);
	s->rows++;
	if (s->n == 0 || strcmp(s->tables[s->n - 1], table) != 0)
		if (s->n < 8)
			snprintf(s->tables[s->n++], sizeof(s->tables[0]), "%s",
				 table);
	return STORE_OK;
}

static void test_forget_keeps_stop(void)
{
	struct store *st = open_new();
	struct store_strings forms = {0};
	struct store_privacy_counts c;
	struct seen seen = {0};
	char ref[STORE_REF_MAX];
	int64_t since = 0;

	if (st == NULL) {
		CHECK(0);
		return;
	}
	text_in(st, "07700900123", DAY, "national form"); /* as a modem may */
	text_in(st, "+447700900123", DAY + 60, "hello");
	text_in(st, "+447700900999", DAY + 60, "someone else");
	text_out(st, "+447700900123", DAY + 61);
	CHECK_INT(store_booking_create(st, "haircut", DAY + 10 * H, 30, 1,
				       "+447700900123", DAY, ref, NULL),
		  STORE_OK);
	CHECK_INT(store_optout_set(st, "+447700900123", DAY + 120), STORE_OK);
	CHECK_INT(
	    store_numbers_matching(st, digits_match, "7700900123", &forms),
	    STORE_OK);
	CHECK_INT(forms.n, 2);
	CHECK_INT(store_export(st, &forms, "+447700900123", note_row, &seen),
		  STORE_OK);
	CHECK_INT(seen.rows, 5); /* 2 in, 1 out, 1 booking, 1 opt-out */
	CHECK_STR(seen.tables[0], "inbox");
	CHECK_STR(seen.tables[seen.n - 1], "optouts");

	CHECK_INT(store_forget(st, &forms, "+447700900123", DAY + 200, &c),
		  STORE_OK);
	CHECK_INT(c.texts_in, 2);
	CHECK_INT(c.texts_out, 1);
	CHECK_INT(c.unsent, 1);
	CHECK_INT(c.bookings, 1);
	CHECK_INT(c.optouts, 1);
	store_strings_free(&forms);
	/* Found by hash in every form, with the time of the STOP. */
	CHECK_INT(store_is_opted_out(st, "+447700900123", &since), 1);
	CHECK_INT(since, DAY + 120);
	CHECK_INT(store_is_opted_out(st, "07700900123", NULL), 1);
	CHECK_INT(store_is_opted_out(st, "+447700900999", NULL), 0);
	/* Nothing of him is listed any more; the hash is no number. */
	CHECK_INT(
	    store_numbers_matching(st, digits_match, "7700900123", &forms),
	    STORE_OK);
	CHECK_INT(forms.n, 0);
	memset(&seen, 0, sizeof(seen));
	CHECK_INT(store_export(st, &forms, "+447700900123", note_row, &seen),
		  STORE_OK);
	CHECK_INT(seen.rows, 1); /* the opt-out, as a keyed hash */
	store_strings_free(&forms);
	/* START still clears it. */
	CHECK_INT(store_optout_clear(st, "+447700900123"), STORE_OK);
	CHECK_INT(store_is_opted_out(st, "+447700900123", NULL), 0);
	CHECK_INT(store_compact(st), STORE_OK);
	store_close(st);
}

static int64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * The daemon's daily prune must leave the loop's lock budget in place: it
 * used to end with the store's default 5 s wait, so from the first day
 * with something to prune every call in the loop could wait 5 s for a
 * staff command's lock again (issue 12: the loop never blocks long).
 */
static void test_daily_prune_keeps_loop_budget(void)
{
	char path[128], err[256];
	struct catalog cat;
	struct store *st = open_new(), *other;

	memset(&cat, 0, sizeof(cat));
	cat.policy.retention_days = 90;
	snprintf(path, sizeof(path), "%s/db%d.sqlite", tmpdir, db_seq);
	other = store_open(path, 0, err, sizeof(err));
	if (st == NULL || other == NULL) {
		CHECK(!"opened twice");
		store_close(st);
		store_close(other);
		return;
	}
	text_in(st, "+447700900001", DAY - 100 * 24 * H, "old text");
	store_set_busy_budget(st, 50);
	privacy_daily(&cat, st, DAY);

	/* Another process holds the write lock: the budget gives up in
	 * about 50 ms, the default would wait 5 s. */
	CHECK_INT(store_begin(other), STORE_OK);
	store_busy_budget_reset(st);
	int64_t t0 = mono_ms();
	CHECK_INT(store_begin(st), STORE_ERR_BUSY);
	int64_t waited = mono_ms() - t0;
	if (waited >= 2500)
		printf("  waited %lld ms for the lock\n", (long long)waited);
	CHECK(waited < 2500);
	CHECK_INT(store_rollback(other), STORE_OK);
	store_close(other);
	store_close(st);
}

int main(void)
{
	char cmd[128];

	snprintf(tmpdir, sizeof(tmpdir), "/tmp/smsdesk-privacy-XXXXXX");
	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	RUN(test_prune_old_keep_new);
	RUN(test_forget_keeps_stop);
	RUN(test_daily_prune_keeps_loop_budget);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		printf("could not remove %s\n", tmpdir);
	return h_done();
}
