/*
 * outbox: real sqlite files in a temporary directory. Queueing (numbers into
 * E.164, expiry and flags kept), the send-time checks (a STOP after
 * queueing withdraws every origin; the STOP's own confirmation still goes;
 * replies and reminders expire), retries and giving up, a bearer's result
 * kept in memory while another connection holds the database and written
 * later, the renumbering of numbers stored in national form, and the
 * withdrawn messages in the report.
 */
#include "harness.h"
#include "smsdesk/log.h"
#include "smsdesk/outbox.h"
#include "smsdesk/store.h"

#include <unistd.h>

#define NOW   1796205600 /* 2026-12-02 10:00 UTC */
#define ALICE "+447700900123"
#define BOB   "+447700900456"

static char tmpdir[64];
static int db_seq;

static struct store *open_new(char *path, size_t cap)
{
	char err[256];
	struct store *st;

	snprintf(path, cap, "%s/db%d.sqlite", tmpdir, ++db_seq);
	st = store_open(path, STORE_OPEN_CREATE, err, sizeof(err));
	if (st == NULL)
		printf("  store_open(%s): %s\n", path, err);
	return st;
}

/* Queue TEXT to TO (as written) from ORIGIN; the message id, 0 on error. */
static int64_t queue(struct store *st, const char *to, const char *text,
		     enum store_origin origin, int64_t now, int64_t expires,
		     unsigned flags)
{
	struct outbox_text t = {.to = to,
				.country = "GB",
				.text = text,
				.origin = origin,
				.expires_at = expires,
				.flags = flags};
	char err[160] = "";
	int64_t id = 0;
	int rc = outbox_queue(st, &t, now, &id, err, sizeof(err));

	if (rc != STORE_OK)
		printf("  outbox_queue(%s): %d %s\n", to, rc, err);
	return rc == STORE_OK ? id : 0;
}

static enum store_out_state msg_state(struct store *st, int64_t id, char *why,
				      size_t cap)
{
	struct store_out_msg m;

	if (store_outbox_get(st, id, &m) != STORE_OK)
		return (enum store_out_state) - 1;
	if (why != NULL)
		snprintf(why, cap, "%s", m.last_error);
	store_out_msg_clear(&m);
	return m.state;
}

static struct outbox *new_outbox(struct store *st, int retry_seconds)
{
	struct outbox_config cfg = {.st = st, .retry_seconds = retry_seconds};

	return outbox_new(&cfg);
}

/* ---- queueing ------------------------------------------------------------ */

static void test_queue_stores_e164(void)
{
	char path[128];
	struct store *st = open_new(path, sizeof(path));
	struct outbox_text bad = {.to = "VODAFONE", .text = "x"};
	struct store_out_msg m;
	char err[160];
	int64_t id, ids[4];

	if (st == NULL) {
		CHECK(0);
		return;
	}
	/* National, international prefix and spaced forms: one number. */
	CHECK(queue(st, "07700 900123", "a", STORE_ORIGIN_STAFF, NOW, 0, 0) >
	      0);
	CHECK(queue(st, "00447700900123", "b", STORE_ORIGIN_STAFF, NOW, 0, 0) >
	      0);
	id = queue(st, "+44 7700 900123", "c", STORE_ORIGIN_REPLY, NOW,
		   NOW + 600, STORE_OUT_CONFIRMS_OPTOUT);
	CHECK_INT(store_outbox_to(st, ALICE, ids, 4), 3);
	CHECK_INT(store_outbox_get(st, id, &m), STORE_OK);
	CHECK_STR(m.to, ALICE);
	CHECK_INT(m.expires_at, NOW + 600);
	CHECK_INT(m.flags, STORE_OUT_CONFIRMS_OPTOUT);
	store_out_msg_clear(&m);
	/* Not a phone number: refused with a reason, nothing stored. */
	CHECK_INT(outbox_queue(st, &bad, NOW, NULL, err, sizeof(err)),
		  STORE_ERR_ARG);
	CHECK(strstr(err, "not a phone number") != NULL);
	store_close(st);
}

/* ---- the send-time checks ------------------------------------------------ */

static void test_stop_after_queueing_withdraws_every_origin(void)
{
	char path[128], why[STORE_ERROR_MAX];
	struct store *st = open_new(path, sizeof(path));
	struct outbox *ob = st != NULL ? new_outbox(st, 0) : NULL;
	struct outbox_job job;
	int64_t reply, reminder, staff, other, confirm;

	if (ob == NULL) {
		CHECK(0);
		store_close(st);
		return;
	}
	reply = queue(st, ALICE, "Booked", STORE_ORIGIN_REPLY, NOW, 0, 0);
	reminder = queue(st, "07700900123", "Tomorrow 10:00",
			 STORE_ORIGIN_REMINDER, NOW, NOW + 86400, 0);
	staff = queue(st, "00447700900123", "We open late", STORE_ORIGIN_STAFF,
		      NOW, 0, 0);
	other = queue(st, BOB, "Hello Bob", STORE_ORIGIN_STAFF, NOW, 0, 0);
	/* The STOP comes after all of that was queued, with its
	 * confirmation (queued in the same answer). */
	CHECK_INT(store_optout_set(st, ALICE, NOW + 5), STORE_OK);
	confirm = queue(st, ALICE, "You've opted out", STORE_ORIGIN_REPLY,
			NOW + 5, 0, STORE_OUT_CONFIRMS_OPTOUT);

	/* Only Bob's text and the confirmation are handed out. */
	CHECK_INT(outbox_next(ob, NOW + 10, "m1", 0, &job), OUTBOX_OK);
	CHECK_INT(job.msg_id, other);
	outbox_sent(ob, &job, 1, NULL, NOW + 10);
	CHECK_INT(outbox_next(ob, NOW + 10, "m1", 0, &job), OUTBOX_OK);
	CHECK_INT(job.msg_id, confirm);
	CHECK_STR(job.to, ALICE);
	outbox_sent(ob, &job, 2, NULL, NOW + 10);
	CHECK_INT(outbox_next(ob, NOW + 10, "m1", 0, &job), OUTBOX_NONE);

	CHECK_INT(msg_state(st, reply, why, sizeof(why)), STORE_OUT_WITHDRAWN);
	CHECK(strstr(why, "opted out") != NULL);
	CHECK_INT(msg_state(st, reminder, NULL, 0), STORE_OUT_WITHDRAWN);
	CHECK_INT(msg_state(st, staff, NULL, 0), STORE_OUT_WITHDRAWN);
	CHECK_INT(msg_state(st, other, NULL, 0), STORE_OUT_SENT);
	CHECK_INT(msg_state(st, confirm, NULL, 0), STORE_OUT_SENT);
	outbox_free(ob, NOW);
	store_close(st);
}

static void test_confirmation_survives_a_clock_step(void)
{
	char path[128];
	struct store *st = open_new(path, sizeof(path));
	struct outbox *ob = st != NULL ? new_outbox(st, 0) : NULL;
	struct outbox_job job;
	int64_t confirm, reply;

	if (ob == NULL) {
		CHECK(0);
		store_close(st);
		return;
	}
	/* STOP answered: opt-out and confirmation in one transaction; then
	 * the wall clock steps back an hour before the confirmation leaves
	 * (what waits is shifted with it, the opt-out's time is not). */
	CHECK_INT(store_optout_set(st, ALICE, NOW), STORE_OK);
	confirm = queue(st, ALICE, "You've opted out", STORE_ORIGIN_REPLY, NOW,
			NOW + 240 * 60, STORE_OUT_CONFIRMS_OPTOUT);
	reply = queue(st, BOB, "Booked", STORE_ORIGIN_REPLY, NOW,
		      NOW + 240 * 60, 0);
	CHECK_INT(store_shift_waits(st, -3600), STORE_OK);
	CHECK_INT(outbox_next(ob, NOW - 3600 + 10, "m1", 0, &job), OUTBOX_OK);
	CHECK_INT(job.msg_id, confirm);
	outbox_sent(ob, &job, 1, NULL, NOW);
	/* The reply's four hours moved with the clock too: four real hours
	 * after it was queued it is stale, not five. */
	CHECK_INT(outbox_next(ob, NOW - 3600 + 240 * 60, "m1", 0, &job),
		  OUTBOX_NONE);
	CHECK_INT(msg_state(st, reply, NULL, 0), STORE_OUT_WITHDRAWN);
	outbox_free(ob, NOW);
	store_close(st);
}

static void test_expiry(void)
{
	char path[128], why[STORE_ERROR_MAX];
	struct store *st = open_new(path, sizeof(path));
	struct outbox *ob = st != NULL ? new_outbox(st, 0) : NULL;
	struct outbox_job job;
	int64_t reply, reminder, staff;

	if (ob == NULL) {
		CHECK(0);
		store_close(st);
		return;
	}
	reply = queue(st, ALICE, "Booked: Haircut tomorrow 10:00",
		      STORE_ORIGIN_REPLY, NOW, NOW + 240 * 60, 0);
	reminder = queue(st, BOB, "Reminder: Haircut today 11:00",
			 STORE_ORIGIN_REMINDER, NOW, NOW + 3600, 0);
	staff = queue(st, BOB, "We open late", STORE_ORIGIN_STAFF, NOW, 0, 0);

	/* Five hours later: the reply and the reminder are stale; the staff
	 * text has no expiry. */
	CHECK_INT(outbox_next(ob, NOW + 5 * 3600, "m1", 0, &job), OUTBOX_OK);
	CHECK_INT(job.msg_id, staff);
	CHECK_INT(msg_state(st, reply, why, sizeof(why)), STORE_OUT_WITHDRAWN);
	CHECK(strstr(why, "expired") != NULL);
	CHECK_INT(msg_state(st, reminder, why, sizeof(why)),
		  STORE_OUT_WITHDRAWN);
	CHECK(strstr(why, "booking had started") != NULL);
	outbox_failed(ob, &job, "+CMS ERROR: 38", 0, NOW + 5 * 3600);

	/* Exactly at the expiry it is too late; a second before, not. */
	reply = queue(st, ALICE, "x", STORE_ORIGIN_REPLY, NOW, NOW + 100, 0);
	CHECK_INT(outbox_next(ob, NOW + 99, "m1", 0, &job), OUTBOX_OK);
	CHECK_INT(job.msg_id, reply);
	outbox_sent(ob, &job, 3, NULL, NOW + 99);
	reply = queue(st, ALICE, "y", STORE_ORIGIN_REPLY, NOW, NOW + 100, 0);
	CHECK_INT(outbox_next(ob, NOW + 100, "m1", 0, &job), OUTBOX_NONE);
	CHECK_INT(msg_state(st, reply, NULL, 0), STORE_OUT_WITHDRAWN);
	outbox_free(ob, NOW);
	store_close(st);
}

/* ---- retries ------------------------------------------------------------- */

static void test_retry_backoff_and_give_up(void)
{
	char path[128], why[STORE_ERROR_MAX];
	struct store *st = open_new(path, sizeof(path));
	struct outbox *ob = st != NULL ? new_outbox(st, 0) : NULL;
	struct outbox_job job;
	int64_t id, t = NOW, when = 0;
	int tries = 0;

	if (ob == NULL) {
		CHECK(0);
		store_close(st);
		return;
	}
	id = queue(st, ALICE, "Booked", STORE_ORIGIN_STAFF, NOW, 0, 0);
	while (outbox_next(ob, t, "m1", 0, &job) == OUTBOX_OK) {
		CHECK_INT(job.tries, tries);
		outbox_failed(ob, &job, "+CMS ERROR: 38", 0, t);
		tries++;
		if (outbox_next_due(ob, t, &when) == OUTBOX_OK) {
			/* The documented backoff: 30 s doubling. */
			CHECK_INT(when - t, store_outbox_backoff(tries));
			CHECK_INT(outbox_next(ob, when - 1, "m1", 0, &job),
				  OUTBOX_NONE);
			t = when;
		}
	}
	CHECK_INT(tries, STORE_OUT_MAX_TRIES);
	CHECK_INT(msg_state(st, id, why, sizeof(why)), STORE_OUT_FAILED);
	CHECK_STR(why, "+CMS ERROR: 38");

	/* A permanent refusal gives up at once; a fixed retry for tests. */
	outbox_free(ob, t);
	ob = new_outbox(st, 2);
	id = queue(st, BOB, "x", STORE_ORIGIN_STAFF, t, 0, 0);
	CHECK_INT(outbox_next(ob, t, "m1", 0, &job), OUTBOX_OK);
	outbox_failed(ob, &job, "timeout", 0, t);
	CHECK_INT(outbox_next_due(ob, t, &when), OUTBOX_OK);
	CHECK_INT(when, t + 2);
	CHECK_INT(outbox_next(ob, t + 2, "m1", 0, &job), OUTBOX_OK);
	outbox_failed(ob, &job, "the modem refused the PDU", 1, t + 2);
	CHECK_INT(msg_state(st, id, NULL, 0), STORE_OUT_FAILED);
	outbox_free(ob, t);
	store_close(st);
}

/* ---- a busy database when the bearer answers ----------------------------- */

static void test_result_kept_while_database_busy(void)
{
	char path[128], err[256];
	struct store *st = open_new(path, sizeof(path));
	struct store *other =
	    st != NULL ? store_open(path, 0, err, sizeof(err)) : NULL;
	struct outbox *ob = other != NULL ? new_outbox(st, 0) : NULL;
	struct outbox_job job, job2;
	enum store_out_state state;
	struct outbox_text two = {
	    .to = ALICE, .country = "GB", .origin = STORE_ORIGIN_STAFF};
	char text[400];
	int mr = -1;

	if (ob == NULL) {
		CHECK(0);
		store_close(other);
		store_close(st);
		return;
	}
	memset(text, 'a', sizeof(text) - 1);
	text[sizeof(text) - 1] = '\0';
	two.text = text; /* three parts */
	CHECK_INT(outbox_queue(st, &two, NOW, NULL, err, sizeof(err)),
		  STORE_OK);
	store_set_busy_timeout(st, 50);
	CHECK_INT(outbox_next(ob, NOW, "m1", 0, &job), OUTBOX_OK);
	CHECK_INT(job.seq, 1);

	/* Another process holds the write lock when the modem confirms. */
	CHECK_INT(store_begin(other), STORE_OK);
	outbox_sent(ob, &job, 42, NULL, NOW + 1);
	CHECK_INT(outbox_pending(ob), 1);
	CHECK_INT(outbox_tick(ob, NOW + 2), 1);
	CHECK_INT(store_rollback(other), STORE_OK);

	/* Not written yet: the part is still "sending", so the rest of the
	 * message waits and nothing is handed out twice. */
	CHECK_INT(store_outbox_part_state(st, job.part_id, &state, NULL, NULL),
		  STORE_OK);
	CHECK_INT(state, STORE_OUT_SENDING);
	CHECK_INT(outbox_next(ob, NOW + 2, "m1", 0, &job2), OUTBOX_NONE);

	/* The lock is gone: the kept result is written. */
	CHECK_INT(outbox_tick(ob, NOW + 3), 0);
	CHECK_INT(store_outbox_part_state(st, job.part_id, &state, NULL, &mr),
		  STORE_OK);
	CHECK_INT(state, STORE_OUT_SENT);
	CHECK_INT(mr, 42);
	/* A restart after that finds nothing to send again. */
	CHECK_INT(store_outbox_recover(st, NOW + 4), 0);
	CHECK_INT(outbox_next(ob, NOW + 4, "m1", 0, &job2), OUTBOX_OK);
	CHECK_INT(job2.seq, 2);

	/* A failure kept the same way still counts as a try. */
	CHECK_INT(store_begin(other), STORE_OK);
	outbox_failed(ob, &job2, "+CMS ERROR: 500", 0, NOW + 5);
	CHECK_INT(outbox_pending(ob), 1);
	CHECK_INT(store_rollback(other), STORE_OK);
	CHECK_INT(outbox_tick(ob, NOW + 6), 0);
	CHECK_INT(store_outbox_part_state(st, job2.part_id, &state, &mr, NULL),
		  STORE_OK);
	CHECK_INT(state, STORE_OUT_QUEUED);
	CHECK_INT(mr, 1); /* tries */
	outbox_free(ob, NOW);
	store_close(other);
	store_close(st);
}

/* ---- numbers stored before E.164 ----------------------------------------- */

static int64_t count_to(struct store *st, const char *to)
{
	int64_t ids[16];

	return store_outbox_to(st, to, ids, 16);
}

static void test_renumber(void)
{
	char path[128];
	struct store *st = open_new(path, sizeof(path));
	struct store_out_part part = {"0011000B91", 10};
	struct store_outbox_new raw = {.text = "x",
				       .origin = STORE_ORIGIN_STAFF,
				       .parts = &part,
				       .n_parts = 1};
	struct store_booking_list bl = {0};
	struct store_conv conv;
	char ref[STORE_REF_MAX];
	int64_t since = 0;

	if (st == NULL) {
		CHECK(0);
		return;
	}
	/* What an older smsdesk stored as written. */
	raw.to = "07700900123";
	CHECK_INT(store_outbox_queue(st, &raw, NOW, NULL), STORE_OK);
	raw.to = "VODAFONE";
	CHECK_INT(store_outbox_queue(st, &raw, NOW, NULL), STORE_OK);
	CHECK_INT(store_optout_set(st, "07700900123", NOW + 50), STORE_OK);
	CHECK_INT(store_optout_set(st, ALICE, NOW + 10), STORE_OK);
	CHECK_INT(store_booking_create(st, "haircut", NOW + 86400, 30, 2,
				       "07700 900456", NOW, ref, NULL),
		  STORE_OK);
	CHECK_INT(store_conv_set(st, "07700900456", "ask", "new", NOW + 900,
				 NOW + 20),
		  STORE_OK);
	CHECK_INT(store_conv_set(st, BOB, "ask", "old", NOW + 900, NOW + 10),
		  STORE_OK);

	CHECK_INT(outbox_renumber(st, "GB"), 3);
	CHECK_INT(count_to(st, ALICE), 1);
	CHECK_INT(count_to(st, "VODAFONE"), 1);
	CHECK_INT(store_is_opted_out(st, ALICE, &since), 1);
	CHECK_INT(since, NOW + 10); /* the earliest of the two */
	CHECK_INT(store_is_opted_out(st, "07700900123", NULL), 0);
	CHECK_INT(store_bookings_upcoming(st, BOB, NOW, &bl), STORE_OK);
	CHECK_INT(bl.n, 1);
	store_booking_list_free(&bl);
	CHECK_INT(store_conv_get(st, BOB, NOW, &conv), STORE_OK);
	CHECK_STR(conv.state, "new"); /* the latest of the two */
	/* Once per country. */
	CHECK_INT(outbox_renumber(st, "GB"), 0);
	store_close(st);
}

/* ---- the report ---------------------------------------------------------- */

static void test_report_lists_withdrawn(void)
{
	char path[128];
	struct store *st = open_new(path, sizeof(path));
	struct outbox *ob = st != NULL ? new_outbox(st, 0) : NULL;
	struct store_report r;
	struct outbox_job job;

	if (ob == NULL) {
		CHECK(0);
		store_close(st);
		return;
	}
	queue(st, ALICE, "Booked", STORE_ORIGIN_REPLY, NOW, NOW + 60, 0);
	queue(st, BOB, "Hi", STORE_ORIGIN_STAFF, NOW, 0, 0);
	CHECK_INT(store_optout_set(st, BOB, NOW + 1), STORE_OK);
	CHECK_INT(outbox_next(ob, NOW + 120, "m1", 0, &job), OUTBOX_NONE);
	CHECK_INT(store_report_build(st, 0, &r), STORE_OK);
	CHECK_INT(r.out_total, 2);
	CHECK_INT(r.out_withdrawn, 2);
	CHECK_INT(r.out_queued, 0);
	CHECK_INT(r.n_withdrawn, 2);
	CHECK_INT(r.n_failed, 0);
	if (r.n_withdrawn == 2) {
		CHECK_STR(r.withdrawn[0].to, BOB);
		CHECK_INT(r.withdrawn[0].origin, STORE_ORIGIN_STAFF);
		CHECK(strstr(r.withdrawn[0].error, "opted out") != NULL);
		CHECK(strstr(r.withdrawn[1].error, "expired") != NULL);
	}
	store_report_free(&r);
	outbox_free(ob, NOW);
	store_close(st);
}

static void cleanup(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		printf("could not remove %s\n", tmpdir);
}

int main(void)
{
	log_init(LOG_LEVEL_ERROR, "test_outbox");
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/smsdesk-outbox-XXXXXX");
	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	RUN(test_queue_stores_e164);
	RUN(test_stop_after_queueing_withdraws_every_origin);
	RUN(test_confirmation_survives_a_clock_step);
	RUN(test_expiry);
	RUN(test_retry_backoff_and_give_up);
	RUN(test_result_kept_while_database_busy);
	RUN(test_renumber);
	RUN(test_report_lists_withdrawn);
	cleanup();
	return h_done();
}
