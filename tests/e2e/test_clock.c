/*
 * The desk's clock, end to end: the real `smsdesk serve` on a simulated
 * modem whose wall clock a test steps through --clock-offset-file (the
 * test-only hook; wallclock.h). A step after start — NTP's first sync on a
 * box without a battery-backed clock — must move "tomorrow" at once (the
 * clock used to be the start-up wall time plus monotonic time, so a step
 * was never seen until a restart).
 */
#include "harness.h"
#include "support/rig.h"

#include "smsdesk/sim.h"
#include "smsdesk/store.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NOW   "2026-12-01T09:00" /* a Tuesday, 09:00 in London (UTC+0) */
#define ALICE "+447700900001"

static int file_contains(const char *path, const char *needle)
{
	char buf[65536];
	FILE *f = fopen(path, "r");
	size_t n;

	if (f == NULL)
		return 0;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return strstr(buf, needle) != NULL;
}

/* Start serve with a clock offset file holding SECONDS. */
static int boot_with_clock(struct rig *r, char *offset_file, size_t cap,
			   long seconds)
{
	FILE *f;

	if (rig_init(r, 1, NOW) != 0)
		return -1;
	snprintf(offset_file, cap, "%s/clock-offset", r->dir);
	f = fopen(offset_file, "w");
	if (f == NULL)
		return -1;
	fprintf(f, "%ld\n", seconds);
	fclose(f);
	snprintf(r->extra[0], sizeof(r->extra[0]), "--clock-offset-file=%s",
		 offset_file);
	/* A failed send is retried after 3 s (serve's test option). */
	snprintf(r->extra[1], sizeof(r->extra[1]), "--retry-seconds=3");
	return rig_start(r);
}

/* Step the clock to SECONDS and wait until the daemon has noticed. */
static int step_clock(struct rig *r, const char *offset_file, long seconds,
		      const char *expect_log)
{
	FILE *f = fopen(offset_file, "w");
	int64_t until = rig_ms() + 10000;

	if (f == NULL)
		return -1;
	fprintf(f, "%ld\n", seconds);
	fclose(f);
	while (!file_contains(r->log, expect_log) && rig_ms() < until)
		rig_pump(r, 50);
	return file_contains(r->log, expect_log) ? 0 : -1;
}

static size_t bookings(struct rig *r, int64_t *first_start)
{
	char err[256];
	struct store *st = store_open(r->db, 0, err, sizeof(err));
	struct store_booking_list list = {0};
	size_t n = 0;

	if (st == NULL)
		return 0;
	if (store_bookings_between(st, 0, INT64_MAX / 2, 0, &list) == 0) {
		n = list.n;
		if (n > 0 && first_start != NULL)
			*first_start = list.v[0].start;
	}
	store_booking_list_free(&list);
	store_close(st);
	return n;
}

/* NTP steps the clock a day forward after start: "tomorrow" is Thursday. */
static void test_step_forward_moves_tomorrow(void)
{
	struct rig r;
	char offset[128];
	int64_t start = 0;

	if (boot_with_clock(&r, offset, sizeof(offset), 0) != 0) {
		CHECK(!"rig started");
		goto out;
	}
	/* The clock starts when serve does: step it only after that. */
	CHECK_INT(rig_wait_log(&r, "serving ", 15000), 0);
	CHECK_INT(step_clock(&r, offset, 86400, "stepped +86400 s"), 0);
	rig_text(&r, 0, ALICE, "Hi, can I book a haircut tomorrow at 10am?");
	CHECK_INT(rig_wait_replies(&r, ALICE, 1, 15000), 1);
	const struct rig_reply *rep = rig_last(&r, ALICE);
	CHECK(rep != NULL && strstr(rep->text, "Thu 3 Dec") != NULL);
	CHECK_INT(bookings(&r, &start), 1);
	CHECK_INT(start, 1796292000); /* 2026-12-03 10:00 GMT */
	CHECK_INT(rig_kill(&r, SIGTERM), 0);
out:
	rig_free(&r);
}

/*
 * The clock is corrected an hour forward in the middle of a conversation
 * (the customer was offered slots a minute ago): the conversation's expiry
 * moves with the step, so the customer's "2" still books the second slot
 * instead of finding the conversation an hour old and expired.
 */
static void test_step_forward_keeps_the_conversation(void)
{
	struct rig r;
	char offset[128];
	int64_t start = 0;

	if (boot_with_clock(&r, offset, sizeof(offset), 0) != 0) {
		CHECK(!"rig started");
		goto out;
	}
	CHECK_INT(rig_wait_log(&r, "serving ", 15000), 0);
	rig_text(&r, 0, ALICE, "can I book a haircut tomorrow?");
	CHECK_INT(rig_wait_replies(&r, ALICE, 1, 15000), 1);
	const struct rig_reply *rep = rig_last(&r, ALICE);
	CHECK(rep != NULL && strstr(rep->text, "2) 11:00") != NULL);
	CHECK_INT(step_clock(&r, offset, 3600, "stepped +3600 s"), 0);
	rig_text(&r, 0, ALICE, "2");
	CHECK_INT(rig_wait_replies(&r, ALICE, 2, 15000), 2);
	rep = rig_last(&r, ALICE);
	CHECK(rep != NULL && strstr(rep->text, "Booked") != NULL);
	CHECK_INT(bookings(&r, &start), 1);
	CHECK_INT(start, 1796209200); /* 2026-12-02 11:00 GMT */
	CHECK_INT(rig_kill(&r, SIGTERM), 0);
out:
	rig_free(&r);
}

/*
 * The clock steps two hours back while a failed send waits for its retry:
 * the retry still comes after its few seconds (it used to wait two hours
 * more, its time being a wall time).
 */
static void test_step_back_does_not_stretch_a_retry(void)
{
	struct rig r;
	char offset[128];

	if (boot_with_clock(&r, offset, sizeof(offset), 0) != 0) {
		CHECK(!"rig started");
		goto out;
	}
	CHECK_INT(rig_wait_log(&r, "serving ", 15000), 0);
	sim_fault_cms_error(r.sims[0], 1, 500);
	rig_text(&r, 0, ALICE, "how much is a haircut?");
	CHECK_INT(rig_wait_log(&r, "send failed", 15000), 0);
	CHECK_INT(step_clock(&r, offset, -7200, "stepped -7200 s"), 0);
	CHECK_INT(rig_wait_replies(&r, ALICE, 1, 15000), 1);
	CHECK_INT(rig_kill(&r, SIGTERM), 0);
out:
	rig_free(&r);
}

int main(void)
{
	RUN(test_step_forward_moves_tomorrow);
	RUN(test_step_forward_keeps_the_conversation);
	RUN(test_step_back_does_not_stretch_a_retry);
	return h_done();
}
