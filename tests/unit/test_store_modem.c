/*
 * store_modem: the parts of long texts and the PINs a SIM refused, on a
 * real sqlite file in /tmp.
 */
#include "harness.h"
#include "smsdesk/simlock.h"
#include "smsdesk/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char path[128];

static struct store *open_new(void)
{
	char err[256];
	struct store *st;

	snprintf(path, sizeof(path), "/tmp/smsdesk-test-parts-%d.db",
		 (int)getpid());
	unlink(path);
	st = store_open(path, STORE_OPEN_CREATE, err, sizeof(err));
	if (st == NULL)
		printf("  store_open: %s\n", err);
	return st;
}

static void close_and_remove(struct store *st)
{
	char p[160];

	store_close(st);
	unlink(path);
	snprintf(p, sizeof(p), "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", path);
	unlink(p);
}

static void test_parts(void)
{
	struct store *st = open_new();
	struct store_part_new p = {.sender = "+447700900001",
				   .sender_ton = 1,
				   .ref = 7,
				   .total = 3,
				   .seq = 2,
				   .pdu_hex = "00aa02",
				   .tpdu_len = 2,
				   .modem = "/dev/m0"};
	struct store_parts g;
	struct store_part_key keys[4];
	int64_t id1, id2, id3, inbox = -1, oldest;
	char sender[STORE_NUMBER_MAX];
	int ref, total;

	if (st == NULL) {
		CHECK(0);
		return;
	}
	CHECK_INT(store_part_oldest_waiting(st, &oldest), STORE_ERR_NOT_FOUND);
	CHECK_INT(store_part_put(st, &p, 100, &id2, &inbox), STORE_OK);
	CHECK_INT(inbox, 0);
	/* The same part again (case differs: a re-read): one row. */
	p.pdu_hex = "00AA02";
	CHECK_INT(store_part_put(st, &p, 101, &id1, &inbox), STORE_EXISTS);
	CHECK_INT(id1, id2);
	CHECK_INT(inbox, 0);
	p.seq = 1;
	p.pdu_hex = "00AA01";
	CHECK_INT(store_part_put(st, &p, 102, &id1, NULL), STORE_OK);
	CHECK_INT(store_part_oldest_waiting(st, &oldest), STORE_OK);
	CHECK_INT(oldest, 100);
	CHECK_INT(store_part_waiting_keys(st, keys, 4), 1);
	CHECK_STR(keys[0].sender, "+447700900001");
	CHECK_INT(keys[0].ref, 7);
	CHECK_INT(keys[0].total, 3);
	CHECK_INT(store_part_expired(st, 100, sender, &ref, &total),
		  STORE_ERR_NOT_FOUND);
	CHECK_INT(store_part_expired(st, 101, sender, &ref, &total), STORE_OK);
	CHECK_INT(ref, 7);
	CHECK_INT(store_part_group(st, "+447700900001", 7, 3, 0, &g), STORE_OK);
	CHECK_INT(g.n, 2);
	if (g.n == 2) {
		CHECK_INT(g.v[0].seq, 2);
		CHECK_STR(g.v[0].pdu_hex, "00AA02");
		CHECK_STR(g.v[0].modem, "/dev/m0");
		CHECK_INT(g.v[1].seq, 1);
		CHECK_INT(g.v[1].sender_ton, 1);
	}
	store_parts_free(&g);
	/* Another group (other total) is not mixed in. */
	p.total = 2;
	CHECK_INT(store_part_put(st, &p, 103, &id3, NULL), STORE_EXISTS);
	p.pdu_hex = "00AB01";
	CHECK_INT(store_part_put(st, &p, 103, &id3, NULL), STORE_OK);
	CHECK_INT(store_part_group(st, "+447700900001", 7, 3, 0, &g), STORE_OK);
	CHECK_INT(g.n, 2);
	store_parts_free(&g);

	/* Committed as one message: the parts point at it, and a re-read
	 * part says its message was committed. */
	int64_t ids[2] = {id1, id2};
	struct store_inbox_new row = {.sender = "+447700900001",
				      .pdu_hex = "00AA01\n00AA02",
				      .text = "hello world",
				      .flags = STORE_IN_INCOMPLETE,
				      .modem = "/dev/m0",
				      .sender_ton = 1};
	int64_t msg;
	CHECK_INT(store_part_commit(st, ids, 2, &row, 200, &msg), STORE_OK);
	p.total = 3;
	p.pdu_hex = "00aa01";
	CHECK_INT(store_part_put(st, &p, 300, &id1, &inbox), STORE_EXISTS);
	CHECK_INT(inbox, msg);
	struct store_inbox_msg m;
	CHECK_INT(store_inbox_get(st, msg, &m), STORE_OK);
	CHECK_INT(m.sender_ton, 1);
	CHECK_STR(m.text, "hello world");
	store_inbox_msg_clear(&m);
	CHECK_INT(store_part_waiting_keys(st, keys, 4), 1);
	CHECK_INT(keys[0].total, 2);
	/* Committed parts are pruned when old; waiting ones are not. */
	CHECK_INT(store_part_prune(st, 150), 2);
	CHECK_INT(store_part_prune(st, 1000), 0);
	CHECK_INT(store_part_oldest_waiting(st, &oldest), STORE_OK);
	CHECK_INT(oldest, 103);
	close_and_remove(st);
}

static void test_pin_refusals(void)
{
	struct store *st = open_new();
	char h1[17], h2[17], h3[17];

	if (st == NULL) {
		CHECK(0);
		return;
	}
	simlock_hash("iccid:8944", "1234", h1);
	simlock_hash("iccid:8944", "9999", h2);
	simlock_hash("iccid:8945", "1234", h3);
	CHECK(strcmp(h1, h2) != 0 && strcmp(h1, h3) != 0);
	CHECK(strstr(h1, "1234") == NULL);
	CHECK_INT(store_sim_pin_refused(st, "iccid:8944", h2), 0);
	CHECK_INT(store_sim_pin_record(st, "iccid:8944", h2, 0, 10), STORE_OK);
	CHECK_INT(store_sim_pin_refused(st, "iccid:8944", h2), 1);
	CHECK_INT(store_sim_pin_refused(st, "iccid:8944", h1), 0);
	CHECK_INT(store_sim_pin_refused(st, "iccid:8945", h2), 0);
	/* Through the modem's PIN guard, as the daemon uses it. */
	struct modem_pin_guard g;
	simlock_guard(st, &g);
	CHECK_INT(g.refused(g.ctx, "iccid:8944", "9999"), 1);
	CHECK_INT(g.refused(g.ctx, "iccid:8944", "1234"), 0);
	g.result(g.ctx, "iccid:8945", "0000", 0);
	CHECK_INT(g.refused(g.ctx, "iccid:8945", "0000"), 1);
	/* Accepted: every refusal of that SIM is forgotten. */
	g.result(g.ctx, "iccid:8944", "1234", 1);
	CHECK_INT(g.refused(g.ctx, "iccid:8944", "9999"), 0);
	CHECK_INT(g.refused(g.ctx, "iccid:8945", "0000"), 1);
	close_and_remove(st);
}

int main(void)
{
	RUN(test_parts);
	RUN(test_pin_refusals);
	return h_done();
}
