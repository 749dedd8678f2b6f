/*
 * store_shift_waits: after a step of the wall clock, a retry's wait, a
 * queued message's age and a conversation's expiry keep their length; a
 * part already sent and a booking do not move. A real sqlite file, through
 * the store's API only.
 */
#include "harness.h"
#include "smsdesk/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define T0 1796115600 /* 2026-12-01 09:00 UTC */

static char dir[64];

static int queue(struct store *st, const char *to, int64_t now, int64_t *id)
{
	/* An SMS-SUBMIT to +447700900001, "hi": its length checks out. */
	struct store_out_part part = {
	    .pdu_hex = "0011000C914477009000100000AA02E834", .tpdu_len = 16};
	struct store_outbox_new msg = {.to = to,
				       .text = "hi",
				       .origin = STORE_ORIGIN_STAFF,
				       .parts = &part,
				       .n_parts = 1};

	return store_outbox_queue(st, &msg, now, id);
}

static void test_waits_move_with_the_step(void)
{
	char path[128], err[256];
	struct store *st;
	struct store_out_job job;
	struct store_conv conv;
	int64_t msg, when = 0;

	snprintf(path, sizeof(path), "%s/clock.db", dir);
	st = store_open(path, STORE_OPEN_CREATE, err, sizeof(err));
	CHECK(st != NULL);
	if (st == NULL)
		return;
	/* A send failed at T0 and waits 30 s for its retry. */
	CHECK_INT(queue(st, "+447700900001", T0, &msg), STORE_OK);
	CHECK_INT(store_outbox_next(st, T0, NULL, &job), STORE_OK);
	CHECK_INT(store_outbox_mark_sending(st, job.part_id, "m0", T0),
		  STORE_OK);
	CHECK_INT(store_outbox_mark_retry(st, job.part_id, "+CMS ERROR: 500",
					  T0 + 30, T0),
		  STORE_OK);
	/* A conversation that expires in 30 minutes. */
	CHECK_INT(
	    store_conv_set(st, "+447700900002", "offer", "{}", T0 + 1800, T0),
	    STORE_OK);

	/* The clock steps two hours back at T0 + 10: now reads T0 - 7190. */
	CHECK_INT(store_shift_waits(st, -7200), STORE_OK);
	int64_t now = T0 + 10 - 7200;
	CHECK_INT(store_outbox_next(st, now, NULL, &job), STORE_ERR_NOT_FOUND);
	CHECK_INT(store_outbox_next_due(st, &when), STORE_OK);
	CHECK_INT(when, T0 + 30 - 7200); /* 20 s from now, as before */
	CHECK_INT(store_outbox_next(st, now + 20, NULL, &job), STORE_OK);
	CHECK_INT(store_conv_get(st, "+447700900002", now + 1700, &conv),
		  STORE_OK);
	CHECK_INT(conv.expires_at, T0 + 1800 - 7200);
	CHECK_INT(store_conv_get(st, "+447700900002", now + 1800, &conv),
		  STORE_ERR_NOT_FOUND);
	struct store_out_msg out;
	CHECK_INT(store_outbox_get(st, msg, &out), STORE_OK);
	CHECK_INT(out.created_at, T0 - 7200);
	store_out_msg_clear(&out);

	/* Sent parts and their messages keep their times. */
	CHECK_INT(store_outbox_mark_sending(st, job.part_id, "m0", now + 20),
		  STORE_OK);
	CHECK_INT(store_outbox_mark_sent(st, job.part_id, 7, now + 21),
		  STORE_OK);
	CHECK_INT(store_shift_waits(st, 3600), STORE_OK);
	CHECK_INT(store_outbox_get(st, msg, &out), STORE_OK);
	CHECK_INT(out.created_at, T0 - 7200);
	store_out_msg_clear(&out);
	store_close(st);
}

int main(void)
{
	char cmd[96];

	snprintf(dir, sizeof(dir), "/tmp/smsdesk-store-clock.XXXXXX");
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	RUN(test_waits_move_with_the_step);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return h_done();
}
