/*
 * The outbox end to end: the real `smsdesk serve` on a simulated modem, the
 * real sqlite file and catalog (tests/data/e2e.cfg, country GB from its
 * time zone), the real `smsdesk send`, `try` and `report`.
 *
 * - a STOP stops whatever was queued before it: a reply, a reminder and a
 *   staff text queued while the daemon was down, a reply waiting for its
 *   retry, a staff text queued while the modem's line was down;
 * - replies and reminders expire: after an outage they are withdrawn, and
 *   the report says so;
 * - a send the modem confirmed while another process held the database is
 *   recorded later, not sent again after a restart;
 * - `try` refuses the live database; `send` refuses a database that does
 *   not exist and, after a STOP, the number in any written form.
 */
#include "harness.h"
#include "support/rig.h"

#include "smsdesk/outbox.h"
#include "smsdesk/sim.h"
#include "smsdesk/store.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define NOW   "2026-12-01T09:00" /* a Tuesday, 09:00 in London (UTC+0) */
#define NOW_T 1796115600	 /* the same, UTC epoch seconds */
#define ALICE "+447700900123"
#define BOB   "+447700900456"
#define OPTED "You've opted out"

static int init(struct rig *r, const char *retry_seconds)
{
	if (rig_init(r, 1, NOW) != 0) {
		CHECK(!"rig");
		return -1;
	}
	if (retry_seconds != NULL)
		snprintf(r->extra[0], sizeof(r->extra[0]), "--retry-seconds=%s",
			 retry_seconds);
	return 0;
}

static int start(struct rig *r)
{
	if (rig_start(r) != 0) {
		CHECK(!"serve started");
		return -1;
	}
	return 0;
}

static struct store *open_db(struct rig *r, unsigned flags)
{
	char err[256];
	struct store *st = store_open(r->db, flags, err, sizeof(err));

	if (st == NULL)
		printf("  store_open(%s): %s\n", r->db, err);
	return st;
}

/* Queue a text straight into the rig's outbox, as the daemon would. */
static int64_t queue(struct rig *r, const char *to, const char *text,
		     enum store_origin origin, int64_t expires)
{
	struct store *st = open_db(r, STORE_OPEN_CREATE);
	struct outbox_text t = {.to = to,
				.country = "GB",
				.text = text,
				.origin = origin,
				.expires_at = expires};
	char err[160];
	int64_t id = 0;

	if (st == NULL)
		return 0;
	if (outbox_queue(st, &t, NOW_T, &id, err, sizeof(err)) != STORE_OK)
		printf("  queue: %s\n", err);
	store_close(st);
	return id;
}

/* The state of outbox message ID (and why it ended, into why). */
static int msg_state(struct rig *r, int64_t id, char *why, size_t cap)
{
	struct store *st = open_db(r, 0);
	struct store_out_msg m;
	int state = -1;

	if (st != NULL && store_outbox_get(st, id, &m) == STORE_OK) {
		state = (int)m.state;
		if (why != NULL)
			snprintf(why, cap, "%s", m.last_error);
		store_out_msg_clear(&m);
	}
	store_close(st);
	return state;
}

/* The messages queued to TO so far; their ids into ids. */
static int msgs_to(struct rig *r, const char *to, int64_t *ids, size_t cap)
{
	struct store *st = open_db(r, 0);
	int n = st != NULL ? store_outbox_to(st, to, ids, cap) : -1;

	store_close(st);
	return n;
}

/* Pump the modem until message ID is in STATE (1) or TIMEOUT_MS passed. */
static int wait_state(struct rig *r, int64_t id, int state, int timeout_ms)
{
	int64_t until = rig_ms() + timeout_ms;

	while (rig_ms() < until) {
		if (msg_state(r, id, NULL, 0) == state)
			return 1;
		rig_pump(r, 50);
	}
	return msg_state(r, id, NULL, 0) == state;
}

/* Pump until the first part of message ID has been tried at least once
 * and waits queued for its retry. */
static int wait_retrying(struct rig *r, int64_t id, int timeout_ms)
{
	int64_t until = rig_ms() + timeout_ms;

	while (rig_ms() < until) {
		struct store *st = open_db(r, 0);
		struct store_out_msg m;
		int ok = 0;

		if (st != NULL && store_outbox_get(st, id, &m) == STORE_OK) {
			ok = m.state == STORE_OUT_QUEUED &&
			     m.last_error[0] != '\0';
			store_out_msg_clear(&m);
		}
		store_close(st);
		if (ok)
			return 1;
		rig_pump(r, 50);
	}
	return 0;
}

static int contains(const char *hay, const char *needle)
{
	return hay != NULL && strstr(hay, needle) != NULL;
}

/* ---- consent ------------------------------------------------------------- */

/*
 * While the daemon was down: a reply, a reminder and a staff text were
 * queued for Alice, a staff text for Bob, and Alice's STOP reached the SIM.
 * On start the STOP is read first; of Alice's texts only its confirmation
 * may go.
 */
static void test_stop_while_down_stops_every_origin(void)
{
	struct rig r;
	char out[2048], why[STORE_ERROR_MAX];
	int64_t reply, reminder, ids[8];

	if (init(&r, NULL) != 0)
		goto out;
	reply = queue(&r, ALICE, "Booked: Haircut, Wed 2 Dec 10:00",
		      STORE_ORIGIN_REPLY, NOW_T + 4 * 3600);
	reminder = queue(&r, ALICE, "Reminder: Haircut tomorrow 10:00",
			 STORE_ORIGIN_REMINDER, NOW_T + 86400);
	CHECK_INT(rig_cli(&r, out, sizeof(out),
			  "send --to 07700900123 We open at 11 tomorrow"),
		  0);
	CHECK_INT(rig_cli(&r, out, sizeof(out),
			  "send --to +447700900456 Your coat is here"),
		  0);
	CHECK(rig_text(&r, 0, ALICE, "STOP") > 0);
	if (start(&r) != 0)
		goto out;
	CHECK_INT(rig_wait_replies(&r, BOB, 1, 15000), 1);
	CHECK_INT(rig_wait_replies(&r, ALICE, 1, 15000), 1);
	CHECK_INT(rig_settle(&r, 2000, 15000), 0);
	CHECK_INT(rig_count(&r, ALICE), 1);
	/* Under any spelling of her number: Bob's text and her confirmation
	 * are all that left. */
	CHECK_INT(rig_count(&r, NULL), 2);
	CHECK(contains(rig_last(&r, ALICE) ? rig_last(&r, ALICE)->text : NULL,
		       OPTED));
	CHECK_INT(msg_state(&r, reply, why, sizeof(why)), STORE_OUT_WITHDRAWN);
	CHECK(contains(why, "opted out"));
	CHECK_INT(msg_state(&r, reminder, NULL, 0), STORE_OUT_WITHDRAWN);
	/* The staff text, stored under the number's E.164 form. */
	CHECK_INT(msgs_to(&r, ALICE, ids, 8), 4);
	CHECK_INT(msg_state(&r, ids[2], NULL, 0), STORE_OUT_WITHDRAWN);
	rig_cli(&r, out, sizeof(out), "report");
	CHECK(contains(out, "Not sent on purpose"));
	CHECK(contains(out, "opted out (STOP) before it was sent"));
out:
	rig_free(&r);
}

/* A reply failed once and waits for its retry; then the STOP comes. */
static void test_stop_stops_a_retry(void)
{
	struct rig r;
	int64_t ids[8];

	if (init(&r, "3") != 0 || start(&r) != 0)
		goto out;
	rig_pump(&r, 500);
	sim_fault_cms_error(r.sims[0], 1, 500);
	rig_text(&r, 0, ALICE, "how much is a haircut?");
	/* Deterministic: the database says the reply failed and waits. */
	for (int64_t until = rig_ms() + 15000;
	     msgs_to(&r, ALICE, ids, 8) < 1 && rig_ms() < until;)
		rig_pump(&r, 50);
	CHECK_INT(msgs_to(&r, ALICE, ids, 8), 1);
	CHECK(wait_retrying(&r, ids[0], 15000));
	rig_text(&r, 0, ALICE, "STOP");
	CHECK_INT(rig_wait_replies(&r, ALICE, 1, 15000), 1);
	/* Past the retry time: the reply is withdrawn, not sent. */
	CHECK(wait_state(&r, ids[0], STORE_OUT_WITHDRAWN, 15000));
	CHECK_INT(rig_settle(&r, 1500, 10000), 0);
	CHECK_INT(rig_count(&r, ALICE), 1);
	CHECK(contains(rig_last(&r, ALICE) ? rig_last(&r, ALICE)->text : NULL,
		       OPTED));
out:
	rig_free(&r);
}

/* The modem's line is down: staff queue a text; Alice's STOP waits on the
 * SIM. When the line comes back the STOP is read before anything goes. */
static void test_stop_while_line_down(void)
{
	struct rig r;
	char out[1024];

	if (init(&r, NULL) != 0 || start(&r) != 0)
		goto out;
	rig_text(&r, 0, BOB, "how much is a haircut?");
	CHECK_INT(rig_wait_replies(&r, BOB, 1, 15000), 1);
	sim_line_drop(r.sims[0]);
	rig_pump(&r, 300);
	CHECK_INT(rig_cli(&r, out, sizeof(out),
			  "send --to 07700900123 Your order is ready"),
		  0);
	rig_pump(&r, 1500); /* the daemon sees the text, cannot send it */
	CHECK(rig_text(&r, 0, ALICE, "STOP") > 0);
	CHECK_INT(sim_line_restore(r.sims[0]), 0);
	CHECK_INT(rig_wait_replies(&r, ALICE, 1, 30000), 1);
	CHECK_INT(rig_settle(&r, 2000, 15000), 0);
	CHECK_INT(rig_count(&r, ALICE), 1);
	CHECK_INT(rig_count(&r, NULL), 2); /* Bob's answer, her confirmation */
	CHECK(contains(rig_last(&r, ALICE) ? rig_last(&r, ALICE)->text : NULL,
		       OPTED));
out:
	rig_free(&r);
}

/* After a STOP, `send` refuses the number however it is written. */
static void test_send_refuses_any_form_after_stop(void)
{
	static const char *const forms[] = {"07700900123", "00447700900123",
					    "'+44 7700 900123'",
					    "'07700 900 123'", ALICE};
	struct rig r;
	char out[1024], args[128];

	if (init(&r, NULL) != 0 || start(&r) != 0)
		goto out;
	rig_text(&r, 0, ALICE, "STOP");
	CHECK_INT(rig_wait_replies(&r, ALICE, 1, 15000), 1);
	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		snprintf(args, sizeof(args), "send --to %s Sale on now",
			 forms[i]);
		CHECK_INT(rig_cli(&r, out, sizeof(out), args), 1);
		CHECK(contains(out, "opted out"));
	}
	CHECK_INT(rig_settle(&r, 1500, 10000), 0);
	CHECK_INT(rig_count(&r, ALICE), 1);
out:
	rig_free(&r);
}

/*
 * An opt-out an older smsdesk stored as the network gave the number
 * (national form): found for every written form once the numbers are
 * brought into E.164, before anything is sent or queued.
 */
static void test_optout_stored_in_national_form(void)
{
	struct rig r;
	char out[1024];
	struct store *st;

	if (init(&r, NULL) != 0)
		goto out;
	st = open_db(&r, STORE_OPEN_CREATE);
	CHECK(st != NULL && store_optout_set(st, "07700900123", NOW_T) == 0);
	store_close(st);
	queue(&r, ALICE, "Sale on now", STORE_ORIGIN_STAFF, 0);
	CHECK_INT(rig_cli(&r, out, sizeof(out), "send --to " ALICE " Hello"),
		  1);
	CHECK(contains(out, "opted out"));
	if (start(&r) != 0)
		goto out;
	CHECK_INT(rig_settle(&r, 2000, 15000), 0);
	CHECK_INT(rig_count(&r, ALICE), 0);
out:
	rig_free(&r);
}

/* ---- expiry -------------------------------------------------------------- */

/*
 * The network refuses every send for hours; the daemon is stopped and
 * started again five hours later. The reply (expires after 240 minutes)
 * and a reminder for a booking that has started are withdrawn, not sent,
 * and the report names them.
 */
static void test_expiry_after_outage(void)
{
	struct rig r;
	char out[4096], why[STORE_ERROR_MAX];
	int64_t reminder, ids[8];

	if (init(&r, "1") != 0 || start(&r) != 0)
		goto out;
	rig_pump(&r, 500);
	sim_fault_cms_error(r.sims[0], 1000, 38);
	rig_text(&r, 0, ALICE, "how much is a haircut?");
	for (int64_t until = rig_ms() + 15000;
	     msgs_to(&r, ALICE, ids, 8) < 1 && rig_ms() < until;)
		rig_pump(&r, 50);
	CHECK_INT(msgs_to(&r, ALICE, ids, 8), 1);
	CHECK(wait_retrying(&r, ids[0], 15000));
	/* A reminder for a booking at 11:00 today. */
	reminder = queue(&r, BOB, "Reminder: Haircut today 11:00",
			 STORE_ORIGIN_REMINDER, NOW_T + 2 * 3600);
	CHECK(wait_retrying(&r, reminder, 15000));
	CHECK_INT(rig_kill(&r, SIGTERM), 0);

	/* Back at 14:00, the network fine again. */
	sim_fault_cms_error(r.sims[0], 0, 38);
	snprintf(r.now, sizeof(r.now), "2026-12-01T14:00");
	if (start(&r) != 0)
		goto out;
	CHECK(wait_state(&r, ids[0], STORE_OUT_WITHDRAWN, 15000));
	CHECK(wait_state(&r, reminder, STORE_OUT_WITHDRAWN, 15000));
	CHECK_INT(rig_settle(&r, 1500, 10000), 0);
	CHECK_INT(rig_count(&r, ALICE), 0);
	CHECK_INT(rig_count(&r, BOB), 0);
	msg_state(&r, ids[0], why, sizeof(why));
	CHECK(contains(why, "expired"));
	msg_state(&r, reminder, why, sizeof(why));
	CHECK(contains(why, "booking had started"));
	rig_cli(&r, out, sizeof(out), "report");
	CHECK(contains(out, "not sent       2"));
	CHECK(contains(out, "expired: the reply was too old to send"));
	CHECK(contains(out, "expired: the booking had started"));
out:
	rig_free(&r);
}

/* ---- a busy database when the modem confirms ----------------------------- */

static int log_has(const struct rig *r, const char *needle)
{
	char buf[1 << 16];
	FILE *f = fopen(r->log, "r");
	size_t n;

	if (f == NULL)
		return 0;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return strstr(buf, needle) != NULL;
}

static void test_busy_database_at_confirmation(void)
{
	struct rig r;
	struct store *holder = NULL;
	int64_t ids[8], until;

	if (init(&r, NULL) != 0 || start(&r) != 0)
		goto out;
	rig_pump(&r, 500);
	/* The modem takes two seconds to confirm each send. */
	CHECK_INT(sim_set_delay(r.sims[0], "+CMGS", 2000), 0);
	rig_text(&r, 0, ALICE, "how much is a haircut?");
	until = rig_ms() + 15000;
	while (msgs_to(&r, ALICE, ids, 8) < 1 && rig_ms() < until)
		rig_pump(&r, 20);
	CHECK(wait_state(&r, ids[0], STORE_OUT_SENDING, 15000));
	/* Another process takes the write lock before the confirmation and
	 * keeps it past the daemon's busy timeout (5 s). */
	holder = open_db(&r, 0);
	CHECK(holder != NULL && store_begin(holder) == STORE_OK);
	until = rig_ms() + 20000;
	while (!log_has(&r, "cannot record the result now") && rig_ms() < until)
		rig_pump(&r, 50);
	CHECK(log_has(&r, "cannot record the result now"));
	CHECK_INT(sim_sent_count(r.sims[0]), 1);
	store_rollback(holder);
	store_close(holder);
	holder = NULL;
	/* Written once the lock is gone... */
	CHECK(wait_state(&r, ids[0], STORE_OUT_SENT, 15000));
	/* ...so a crash and a restart do not send it again. */
	rig_kill(&r, SIGKILL);
	if (start(&r) != 0)
		goto out;
	CHECK_INT(rig_settle(&r, 3000, 15000), 0);
	CHECK_INT(rig_count(&r, ALICE), 1);
	CHECK_INT(sim_sent_count(r.sims[0]), 1);
out:
	if (holder != NULL) {
		store_rollback(holder);
		store_close(holder);
	}
	rig_free(&r);
}

/* ---- try and send on the wrong database ---------------------------------- */

static size_t bookings(struct rig *r)
{
	struct store *st = open_db(r, 0);
	struct store_booking_list list = {0};
	size_t n = 0;

	if (st != NULL &&
	    store_bookings_between(st, 0, INT64_MAX / 2, 0, &list) == 0)
		n = list.n;
	store_booking_list_free(&list);
	store_close(st);
	return n;
}

static void test_try_refuses_the_live_database(void)
{
	struct rig r;
	char out[2048], args[512];

	if (init(&r, NULL) != 0 || start(&r) != 0)
		goto out;
	rig_text(&r, 0, ALICE, "how much is a haircut?");
	CHECK_INT(rig_wait_replies(&r, ALICE, 1, 15000), 1);
	snprintf(args, sizeof(args),
		 "try --db '%s' --now 2026-12-01T09:05 --from %s "
		 "haircut tomorrow at 10am",
		 r.db, BOB);
	CHECK_INT(rig_cli(&r, out, sizeof(out), args), 1);
	CHECK(contains(out, "scratch database"));
	CHECK_INT(bookings(&r), 0);
	CHECK_INT(rig_settle(&r, 2000, 10000), 0);
	CHECK_INT(rig_count(&r, BOB), 0);
out:
	rig_free(&r);
}

static void test_send_refuses_a_missing_database(void)
{
	struct rig r;
	char out[1024], args[512], missing[160];
	struct stat sb;

	if (init(&r, NULL) != 0)
		goto out;
	snprintf(missing, sizeof(missing), "%s/typo.db", r.dir);
	snprintf(args, sizeof(args), "send --db '%s' --to %s Hello", missing,
		 ALICE);
	CHECK_INT(rig_cli(&r, out, sizeof(out), args), 1);
	CHECK(contains(out, "no database"));
	CHECK(stat(missing, &sb) != 0);
	/* The catalog's database, not created yet, likewise. */
	CHECK_INT(rig_cli(&r, out, sizeof(out), "send --to +447700900123 Hi"),
		  1);
	CHECK(stat(r.db, &sb) != 0);
out:
	rig_free(&r);
}

int main(void)
{
	RUN(test_stop_while_down_stops_every_origin);
	RUN(test_stop_stops_a_retry);
	RUN(test_stop_while_line_down);
	RUN(test_send_refuses_any_form_after_stop);
	RUN(test_optout_stored_in_national_form);
	RUN(test_expiry_after_outage);
	RUN(test_busy_database_at_confirmation);
	RUN(test_try_refuses_the_live_database);
	RUN(test_send_refuses_a_missing_database);
	return h_done();
}
