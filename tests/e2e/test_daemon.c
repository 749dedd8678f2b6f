/*
 * The daemon end to end: simulated modems on pseudo-terminals, the real
 * `smsdesk serve` binary as a child, a real sqlite file and a real catalog
 * (tests/data/e2e.cfg). Customers text through the simulated network; the
 * replies are what the daemon sent with AT+CMGS, decoded.
 *
 * KILL_RUNS (default 12) sets how many SIGKILL/restart rounds the crash
 * test makes; `make soak` runs only that test (KILL_ONLY), 200 rounds.
 */
#include "harness.h"
#include "support/rig.h"

#include "smsdesk/pdu.h"
#include "smsdesk/sim.h"
#include "smsdesk/store.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define NOW   "2026-12-01T09:00" /* a Tuesday, 09:00 in London (UTC+0) */
#define ALICE "+447700900001"
#define BOB   "+447700900002"

static int boot(struct rig *r, int modems)
{
	if (rig_init(r, modems, NOW) != 0 || rig_start(r) != 0) {
		CHECK(!"rig started");
		return -1;
	}
	return 0;
}

/* Bookings in the rig's database, straight from the store. */
static size_t booked(struct rig *r, int64_t *first_start)
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

static void test_customer_books(void)
{
	struct rig r;
	int64_t start = 0;

	if (boot(&r, 1) != 0)
		goto out;
	rig_text(&r, 0, ALICE, "Hi, can I book a haircut tomorrow at 10am?");
	CHECK_INT(rig_wait_replies(&r, ALICE, 1, 15000), 1);
	const struct rig_reply *rep = rig_last(&r, ALICE);
	CHECK(rep != NULL && strstr(rep->text, "Haircut") != NULL);
	CHECK(rep != NULL && strstr(rep->text, "10:00") != NULL);
	CHECK(rep != NULL && rep->total <= 2);
	CHECK_INT(booked(&r, &start), 1);
	CHECK_INT(start, 1796205600); /* 2026-12-02 10:00 GMT */
	CHECK_INT(rig_settle(&r, 1000, 10000), 0);
	CHECK_INT(rig_count(&r, ALICE), 1);
out:
	rig_free(&r);
}

static void test_long_inquiry_answered_once(void)
{
	struct rig r;
	char text[600];

	if (boot(&r, 1) != 0)
		goto out;
	snprintf(text, sizeof(text),
		 "Hello there, I hope you are well. I was in last month and "
		 "really liked the cut, so I wanted to come back again before "
		 "the holidays. My brother recommended you years ago and we "
		 "both keep coming. Anyway, could I book a haircut for "
		 "tomorrow at 2pm please? My brother says your coffee is "
		 "good too, and the music, and the chairs, and he is right "
		 "about all of that. Thanks a lot and all the best, cheers, "
		 "Alice from the harbour flats.");
	CHECK(strlen(text) > 306); /* three GSM-7 parts */
	CHECK_INT(rig_text(&r, 0, ALICE, text), 3);
	CHECK_INT(rig_wait_replies(&r, ALICE, 1, 15000), 1);
	CHECK_INT(rig_settle(&r, 1500, 15000), 0);
	CHECK_INT(rig_count(&r, ALICE), 1);
	CHECK_INT(booked(&r, NULL), 1);
out:
	rig_free(&r);
}

static void test_ucs2_with_emoji(void)
{
	struct rig r;

	if (boot(&r, 1) != 0)
		goto out;
	CHECK_INT(
	    rig_text(&r, 0, BOB, "Bonjour 😊 how much is a haircut? Merci, Zoë"),
	    1);
	CHECK_INT(rig_wait_replies(&r, BOB, 1, 15000), 1);
	const struct rig_reply *rep = rig_last(&r, BOB);
	CHECK(rep != NULL && strstr(rep->text, "18") != NULL);
out:
	rig_free(&r);
}

static void test_stop_silences(void)
{
	struct rig r;

	if (boot(&r, 1) != 0)
		goto out;
	rig_text(&r, 0, ALICE, "STOP");
	CHECK_INT(rig_wait_replies(&r, ALICE, 1, 15000), 1);
	rig_text(&r, 0, ALICE, "haircut tomorrow at 2pm please");
	CHECK_INT(rig_settle(&r, 2000, 15000), 0);
	CHECK_INT(rig_count(&r, ALICE), 1);
	CHECK_INT(booked(&r, NULL), 0);
out:
	rig_free(&r);
}

static void test_autoreply_loop_cut_off(void)
{
	struct rig r;
	const char *robot = "+447700900777";

	if (boot(&r, 1) != 0)
		goto out;
	for (int i = 0; i < 12; i++) {
		rig_text(&r, 0, robot,
			 "Thank you for your message. I am out of the office "
			 "until Monday and will reply when I return.");
		rig_pump(&r, 300);
	}
	CHECK_INT(rig_settle(&r, 2000, 30000), 0);
	size_t n = rig_count(&r, robot);
	printf("  auto-responder: 12 texts, %zu replies\n", n);
	CHECK(n >= 1);
	CHECK(n <= 6); /* max_replies_per_hour in tests/data/e2e.cfg */
	CHECK(n <= 2); /* the loop detector stops it sooner */
out:
	rig_free(&r);
}

/* The hourly cap silences a chatty sender, but STOP still works at once. */
static void test_stop_honoured_over_the_cap(void)
{
	static const char *const texts[] = {"how much is a haircut",
					    "what does a beard trim cost",
					    "when are you open on saturday",
					    "do you do nails",
					    "help",
					    "price list please",
					    "can you do a trim",
					    "what about colour"};
	struct rig r;

	if (boot(&r, 1) != 0)
		goto out;
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		rig_text(&r, 0, ALICE, texts[i]);
		rig_pump(&r, 400);
	}
	CHECK_INT(rig_settle(&r, 1500, 20000), 0);
	CHECK_INT(rig_count(&r, ALICE), 6); /* max_replies_per_hour */
	rig_text(&r, 0, ALICE, "STOP");
	CHECK_INT(rig_wait_replies(&r, ALICE, 7, 15000), 7);
	const struct rig_reply *rep = rig_last(&r, ALICE);
	CHECK(rep != NULL && strstr(rep->text, "opted out") != NULL);
out:
	rig_free(&r);
}

/* Bad input loses nothing: an undecodable PDU and someone's outgoing draft
 * on the SIM are kept in the database, then cleared from the SIM. */
static void test_unanswerable_kept_and_cleared(void)
{
	struct rig r;
	struct pdu_segment seg;
	struct pdu_error err;
	struct store_report rep = {0};
	char e[256];

	if (rig_init(&r, 1, NOW) != 0) {
		CHECK(!"rig");
		goto out;
	}
	/* An SMS-DELIVER cut short inside its originator address. */
	CHECK(sim_deliver(r.sims[0], "07914477581006500408914477") > 0);
	CHECK_INT(
	    pdu_encode_submit("draft", "+447700900009", NULL, &seg, 1, &err),
	    1);
	CHECK(sim_deliver(r.sims[0], seg.hex) > 0);
	CHECK(rig_start(&r) == 0);
	CHECK_INT(rig_settle(&r, 1000, 15000), 0);
	CHECK_INT(sim_stored(r.sims[0]), 0);
	CHECK_INT(rig_count(&r, NULL), 0);
	struct store *st = store_open(r.db, 0, e, sizeof(e));
	CHECK(st != NULL);
	if (st != NULL && store_report_build(st, 0, &rep) == 0) {
		CHECK_INT(rep.in_total, 2);
		CHECK_INT(rep.in_ignored, 2);
		store_report_free(&rep);
	}
	store_close(st);
out:
	rig_free(&r);
}

/* CPU seconds (user + system) the process has used, from /proc. */
static double cpu_seconds(pid_t pid)
{
	char path[64], buf[1024];
	unsigned long ut = 0, st = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	f = fopen(path, "r");
	if (f == NULL)
		return -1;
	size_t n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	/* Fields 14 and 15, counted after the ")" that ends the name. */
	char *p = strrchr(buf, ')');
	if (p == NULL ||
	    sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu",
		   &ut, &st) != 2)
		return -1;
	return (double)(ut + st) / (double)sysconf(_SC_CLK_TCK);
}

/* An idle desk sleeps in poll(): it must not spin between texts. */
static void test_idle_daemon_sleeps(void)
{
	struct rig r;

	if (boot(&r, 1) != 0)
		goto out;
	rig_text(&r, 0, ALICE, "how much is a haircut?");
	CHECK_INT(rig_wait_replies(&r, ALICE, 1, 15000), 1);
	rig_pump(&r, 500);
	double before = cpu_seconds(r.serve);
	rig_pump(&r, 3000);
	double used = cpu_seconds(r.serve) - before;
	printf("  idle: %.3f CPU seconds in 3 s\n", used);
	CHECK(before >= 0);
	CHECK(used < 0.3); /* a busy loop burns about 3 */
out:
	rig_free(&r);
}

/* A burst is answered as fast as the modem takes sends: each send starts
 * when the last one ends, not at the next once-a-second look at the outbox
 * (which would take 20 s here). */
static void test_burst_sent_back_to_back(void)
{
	struct rig r;
	char from[32];

	if (boot(&r, 1) != 0)
		goto out;
	rig_pump(&r, 500);
	for (int i = 0; i < 20; i++) {
		snprintf(from, sizeof(from), "+4477009030%02d", i);
		rig_text(&r, 0, from, "how much is a haircut?");
	}
	int64_t start = rig_ms();
	CHECK_INT(rig_wait_replies(&r, NULL, 20, 30000), 20);
	int64_t took = rig_ms() - start;
	printf("  burst: 20 inquiries answered in %lld ms\n", (long long)took);
	CHECK(took < 10000);
out:
	rig_free(&r);
}

static void test_two_modems(void)
{
	struct rig r;

	if (boot(&r, 2) != 0)
		goto out;
	rig_text(&r, 0, ALICE, "how much is a beard trim?");
	rig_text(&r, 1, BOB, "how much is a haircut?");
	CHECK_INT(rig_wait_replies(&r, ALICE, 1, 15000), 1);
	CHECK_INT(rig_wait_replies(&r, BOB, 1, 15000), 1);
	const struct rig_reply *a = rig_last(&r, ALICE), *b = rig_last(&r, BOB);
	CHECK(a != NULL && a->modem == 0);
	CHECK(b != NULL && b->modem == 1);
out:
	rig_free(&r);
}

/* boot() with serve's hidden test option: every retry after a second. */
static int boot_fast_retry(struct rig *r, int modems)
{
	if (rig_init(r, modems, NOW) != 0) {
		CHECK(!"rig");
		return -1;
	}
	r->serve_args[0] = "--retry-seconds";
	r->serve_args[1] = "1";
	if (rig_start(r) != 0) {
		CHECK(!"rig started");
		return -1;
	}
	return 0;
}

static void test_cms_error_retried(void)
{
	struct rig r;

	if (boot_fast_retry(&r, 1) != 0)
		goto out;
	rig_pump(&r, 500);
	sim_fault_cms_error(r.sims[0], 2, 500);
	rig_text(&r, 0, ALICE, "how much is a haircut?");
	CHECK_INT(rig_wait_replies(&r, ALICE, 1, 20000), 1);
	CHECK_INT(rig_settle(&r, 1500, 10000), 0);
	CHECK_INT(rig_count(&r, ALICE), 1);
out:
	rig_free(&r);
}

static void test_gives_up_and_records(void)
{
	struct rig r;
	char out[4096];

	if (boot_fast_retry(&r, 1) != 0)
		goto out;
	rig_pump(&r, 500);
	sim_fault_cms_error(r.sims[0], 100, 500);
	rig_text(&r, 0, ALICE, "how much is a haircut?");
	rig_pump(&r, 12000);
	CHECK_INT(rig_count(&r, ALICE), 0);
	sim_fault_cms_error(r.sims[0], 0, 500);
	rig_cli(&r, out, sizeof(out), "report");
	CHECK(strstr(out, "failed") != NULL);
out:
	rig_free(&r);
}

static void test_garbage_on_the_line(void)
{
	struct rig r;
	unsigned char junk[64];

	if (boot(&r, 1) != 0)
		goto out;
	for (size_t i = 0; i < sizeof(junk); i++)
		junk[i] = (unsigned char)(i * 37 + 11);
	junk[5] = 0;
	rig_pump(&r, 300);
	sim_fault_garbage(r.sims[0], junk, sizeof(junk));
	rig_text(&r, 0, ALICE, "how much is a haircut?");
	sim_fault_garbage(r.sims[0], "\r\nOK\r\n+CMTI: \"XX\",\r\n", 21);
	CHECK_INT(rig_wait_replies(&r, ALICE, 1, 20000), 1);
out:
	rig_free(&r);
}

static void test_line_drop_and_return(void)
{
	struct rig r;

	if (boot(&r, 1) != 0)
		goto out;
	rig_text(&r, 0, ALICE, "how much is a haircut?");
	CHECK_INT(rig_wait_replies(&r, ALICE, 1, 15000), 1);
	sim_line_drop(r.sims[0]);
	rig_pump(&r, 1500);
	CHECK_INT(sim_line_restore(r.sims[0]), 0);
	rig_text(&r, 0, BOB, "how much is a beard trim?");
	CHECK_INT(rig_wait_replies(&r, BOB, 1, 30000), 1);
out:
	rig_free(&r);
}

static void test_storage_full_at_start(void)
{
	struct rig r;
	char from[32];
	int stored = 0;

	if (rig_init(&r, 1, NOW) != 0) {
		CHECK(!"rig");
		goto out;
	}
	for (int i = 0; i < 40; i++) {
		snprintf(from, sizeof(from), "+4477009010%02d", i);
		if (rig_text(&r, 0, from, "how much is a haircut?") < 0)
			break;
		stored++;
	}
	CHECK(stored > 0 && stored < 40); /* the SIM filled up */
	CHECK(rig_start(&r) == 0);
	CHECK_INT(rig_wait_replies(&r, NULL, (size_t)stored, 60000), stored);
	CHECK_INT(rig_settle(&r, 1000, 20000), 0);
	CHECK_INT(sim_stored(r.sims[0]), 0);
out:
	rig_free(&r);
}

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

static void test_sighup_with_invalid_config(void)
{
	struct rig r;
	char expect[160];

	if (boot(&r, 1) != 0)
		goto out;
	rig_pump(&r, 500);
	FILE *f = fopen(r.cfg, "a");
	CHECK(f != NULL);
	if (f != NULL) {
		fputs("policy = { max_segments = ; };\n", f);
		fclose(f);
	}
	kill(r.serve, SIGHUP);
	rig_pump(&r, 800);
	snprintf(expect, sizeof(expect), "%s:", r.cfg);
	CHECK(file_contains(r.log, expect));
	CHECK(file_contains(r.log, "keeping the catalog"));
	rig_text(&r, 0, ALICE, "how much is a haircut?");
	CHECK_INT(rig_wait_replies(&r, ALICE, 1, 15000), 1);
	CHECK_INT(rig_kill(&r, SIGTERM), 0);
out:
	rig_free(&r);
}

static void test_sigterm_exits_zero(void)
{
	struct rig r;

	if (boot(&r, 1) != 0)
		goto out;
	rig_pump(&r, 500);
	CHECK_INT(rig_kill(&r, SIGTERM), 0);
out:
	rig_free(&r);
}

/*
 * Crash safety: SIGKILL at random moments while customers text, restart,
 * and in the end every customer has an answer. A reply sent twice is a
 * duplicate: the protocol allows one per crash that lands between the
 * modem's +CMGS and our commit, so it is counted and printed, not hidden.
 */
static void test_killed_and_restarted(void)
{
	struct rig r;
	const char *env = getenv("KILL_RUNS");
	int runs = env != NULL ? atoi(env) : 12;
	char from[32];
	unsigned seed = (unsigned)time(NULL);

	if (boot(&r, 1) != 0)
		goto out;
	srand(seed);
	for (int i = 0; i < runs; i++) {
		snprintf(from, sizeof(from), "+4477009%05d", 20000 + i);
		rig_text(&r, 0, from,
			 i % 2 ? "how much is a haircut?"
			       : "price of a beard trim?");
		rig_pump(&r, rand() % 700);
		rig_kill(&r, SIGKILL);
		CHECK(rig_start(&r) == 0);
	}
	rig_settle(&r, 2000, 60000);
	int lost = 0, dup = 0;
	for (int i = 0; i < runs; i++) {
		snprintf(from, sizeof(from), "+4477009%05d", 20000 + i);
		size_t n = rig_count(&r, from);
		if (n == 0)
			lost++;
		if (n > 1)
			dup += (int)n - 1;
	}
	printf("  crash test (seed %u): %d kills, %d lost, %d duplicate "
	       "replies\n",
	       seed, runs, lost, dup);
	CHECK_INT(lost, 0);
	CHECK(dup <= runs);
out:
	rig_free(&r);
}

static void test_staff_send_through_running_daemon(void)
{
	struct rig r;
	char out[1024];

	if (boot(&r, 1) != 0)
		goto out;
	rig_pump(&r, 300);
	CHECK_INT(rig_cli(&r, out, sizeof(out),
			  "send --to +447700900003 Your coat is at the desk"),
		  0);
	CHECK(strstr(out, "queued message") != NULL);
	CHECK_INT(rig_wait_replies(&r, "+447700900003", 1, 10000), 1);
	const struct rig_reply *rep = rig_last(&r, "+447700900003");
	CHECK_STR(rep ? rep->text : NULL, "Your coat is at the desk");
out:
	rig_free(&r);
}

static void test_send_waits_for_the_daemon(void)
{
	struct rig r;
	char out[1024], err[256];
	struct store *st;

	if (rig_init(&r, 1, NOW) != 0) {
		CHECK(!"rig");
		goto out;
	}
	/* The database as an earlier run of the daemon left it (send never
	 * creates one). */
	st = store_open(r.db, STORE_OPEN_CREATE, err, sizeof(err));
	CHECK(st != NULL);
	store_close(st);
	CHECK_INT(rig_cli(&r, out, sizeof(out),
			  "send --to +447700900004 We open late today"),
		  0);
	CHECK(rig_start(&r) == 0);
	CHECK_INT(rig_wait_replies(&r, "+447700900004", 1, 15000), 1);
out:
	rig_free(&r);
}

static void test_send_refuses_opted_out(void)
{
	struct rig r;
	char out[1024];

	if (boot(&r, 1) != 0)
		goto out;
	rig_text(&r, 0, ALICE, "STOP");
	CHECK_INT(rig_wait_replies(&r, ALICE, 1, 15000), 1);
	CHECK_INT(rig_cli(&r, out, sizeof(out), "send --to " ALICE " hello"),
		  1);
	CHECK(strstr(out, "opted out") != NULL);
	rig_pump(&r, 2000);
	CHECK_INT(rig_count(&r, ALICE), 1);
out:
	rig_free(&r);
}

static void test_delivery_report_marks_delivered(void)
{
	struct rig r;
	char out[2048];
	struct pdu_status_fields f = {.smsc = "+447785016005",
				      .recipient = BOB};
	struct pdu_segment seg;
	struct pdu_error err;

	if (boot(&r, 1) != 0)
		goto out;
	rig_text(&r, 0, BOB, "how much is a haircut?");
	CHECK_INT(rig_wait_replies(&r, BOB, 1, 15000), 1);
	f.mr = sim_sent_mr(r.sims[0], 0);
	sms_time_from_utc((int64_t)time(NULL), 0, &f.scts);
	f.discharge = f.scts;
	f.status = 0;
	CHECK_INT(pdu_encode_status_report(&f, &seg, &err), 0);
	CHECK(sim_deliver_status(r.sims[0], seg.hex) >= 0);
	rig_pump(&r, 1500);
	rig_cli(&r, out, sizeof(out), "report");
	CHECK(strstr(out, "delivered 1") != NULL);
out:
	rig_free(&r);
}

int main(void)
{
	if (getenv("KILL_ONLY") != NULL) { /* make soak */
		RUN(test_killed_and_restarted);
		return h_done();
	}
	RUN(test_customer_books);
	RUN(test_long_inquiry_answered_once);
	RUN(test_ucs2_with_emoji);
	RUN(test_stop_silences);
	RUN(test_autoreply_loop_cut_off);
	RUN(test_stop_honoured_over_the_cap);
	RUN(test_unanswerable_kept_and_cleared);
	RUN(test_idle_daemon_sleeps);
	RUN(test_burst_sent_back_to_back);
	RUN(test_two_modems);
	RUN(test_cms_error_retried);
	RUN(test_gives_up_and_records);
	RUN(test_garbage_on_the_line);
	RUN(test_line_drop_and_return);
	RUN(test_storage_full_at_start);
	RUN(test_sighup_with_invalid_config);
	RUN(test_sigterm_exits_zero);
	RUN(test_staff_send_through_running_daemon);
	RUN(test_send_waits_for_the_daemon);
	RUN(test_send_refuses_opted_out);
	RUN(test_delivery_report_marks_delivered);
	RUN(test_killed_and_restarted);
	return h_done();
}
