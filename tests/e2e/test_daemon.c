/*
 * The daemon end to end: simulated modems on pseudo-terminals, the real
 * `smsdesk serve` binary as a child, a real sqlite file and a real catalog
 * (tests/data/e2e.cfg). Customers text through the simulated network; the
 * replies are what the daemon sent with AT+CMGS, decoded.
 * The crash test (SIGKILL and restart while customers text) and `make
 * soak` are in test_crash.c.
 */
#include "harness.h"
#include "support/rig.h"

#include "smsdesk/cli.h"
#include "smsdesk/pdu.h"
#include "smsdesk/sim.h"
#include "smsdesk/store.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
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
		 "Hello there, I hope you are well. I really liked the cut "
		 "last time, so I wanted to come back again. My brother "
		 "recommended you and we both keep coming to you. Anyway, "
		 "could I book a haircut for tomorrow at 2pm please? My "
		 "brother says your coffee is good too, and the music, and "
		 "the chairs, and he is right about all of that. Thanks a lot "
		 "and all the best, cheers, Alice from the harbour flats.");
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
			 "Thank you for contacting Parcelco. Your message has "
			 "been received and we will respond within two working "
			 "days.");
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
	snprintf(r->extra[0], sizeof(r->extra[0]), "--retry-seconds=1");
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
	CHECK_INT(rig_wait_log(&r, "serving ", 15000), 0);
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
	CHECK_INT(rig_wait_log(&r, "serving ", 15000), 0);
	CHECK_INT(rig_kill(&r, SIGTERM), 0);
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

/*
 * Run `smsdesk serve -c CFG` a second time while the rig's daemon runs,
 * keeping the modems answering; wait up to TIMEOUT_MS for it to exit
 * (then SIGKILL it). Its output goes to OUT. Returns its exit status, or
 * -1 when it had to be killed.
 */
static int second_serve(struct rig *r, const char *extra, char *out, size_t cap,
			int timeout_ms)
{
	const char *bin = getenv("SMSDESK_BIN");
	char log[128];
	int status = 0, rc = -1;
	pid_t pid;

	snprintf(log, sizeof(log), "%s/second.log", r->dir);
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		FILE *f = freopen(log, "w", stderr);
		(void)f;
		dup2(2, 1);
		execl(bin, bin, "serve", "-c", r->cfg, extra, (char *)NULL);
		_exit(127);
	}
	int64_t until = rig_ms() + timeout_ms;
	while (pid > 0) {
		if (waitpid(pid, &status, WNOHANG) == pid) {
			rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
			break;
		}
		if (rig_ms() > until) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			break;
		}
		rig_pump(r, 20);
	}
	FILE *f = fopen(log, "r");
	size_t n = f != NULL ? fread(out, 1, cap - 1, f) : 0;
	out[n] = '\0';
	if (f != NULL)
		fclose(f);
	return rc;
}

/*
 * A second `smsdesk serve` on the live database — even one that would be
 * refused the device — must not touch what the running daemon owns: its
 * start-up recovery once put the sends in flight back in the queue and
 * every one went out twice. Now it exits at once naming the holder.
 */
static void test_second_serve_leaves_live_sends_alone(void)
{
	static const char *const who[] = {"+447700900051", "+447700900052",
					  "+447700900053"};
	struct rig r;
	char out[4096], pid[32];

	if (boot(&r, 1) != 0)
		goto out;
	rig_pump(&r, 300);
	sim_set_delay(r.sims[0], "+CMGS", 2500);
	snprintf(pid, sizeof(pid), "(pid %d)", (int)r.serve);
	for (size_t i = 0; i < 3; i++) {
		size_t before = sim_sent_count(r.sims[0]);
		rig_text(&r, 0, who[i], "how much is a haircut?");
		/* Wait until the reply is on the wire, not yet confirmed. */
		int64_t until = rig_ms() + 15000;
		while (sim_sent_count(r.sims[0]) == before && rig_ms() < until)
			rig_pump(&r, 10);
		CHECK(sim_sent_count(r.sims[0]) > before);
		CHECK_INT(second_serve(&r, "-v", out, sizeof(out), 5000),
			  CLI_IN_USE);
		CHECK(strstr(out, "in use") != NULL);
		CHECK(strstr(out, pid) != NULL);
	}
	/* The lock file removed by a clean-up: the daemon locks a new one
	 * (within a second), and a second serve is still refused. */
	char lock[160];
	snprintf(lock, sizeof(lock), "%s.lock", r.db);
	CHECK_INT(unlink(lock), 0);
	int64_t back = rig_ms() + 5000;
	while (access(lock, F_OK) != 0 && rig_ms() < back)
		rig_pump(&r, 20);
	CHECK_INT(access(lock, F_OK), 0);
	CHECK_INT(second_serve(&r, "-v", out, sizeof(out), 5000), CLI_IN_USE);
	CHECK(strstr(out, pid) != NULL);
	/* Another database on the same modem: the device's lock names us. */
	char other[160];
	snprintf(other, sizeof(other), "--db=%s/other.db", r.dir);
	CHECK_INT(second_serve(&r, other, out, sizeof(out), 5000), CLI_IN_USE);
	CHECK(strstr(out, "device") != NULL && strstr(out, pid) != NULL);
	sim_set_delay(r.sims[0], "+CMGS", -1);
	CHECK_INT(rig_settle(&r, 3000, 30000), 0);
	for (size_t i = 0; i < 3; i++)
		CHECK_INT(rig_count(&r, who[i]), 1);
	CHECK_INT(rig_kill(&r, SIGTERM), 0);
out:
	rig_free(&r);
}

/*
 * SIGTERM between the parts of a long text: the message on the wire is
 * finished, all its parts (it used to stop after the part in flight, and
 * the customer got half a text); the next message is not started, and the
 * next start sends it once, with nothing sent twice.
 */
static void test_sigterm_finishes_the_message_in_flight(void)
{
	static const char long_text[] =
	    "Your order is ready: two bottles of beard oil, one comb and the "
	    "gift voucher you asked about. We keep it at the desk until "
	    "Saturday; bring your booking reference please. Thanks!";
	struct rig r;
	char out[1024], cmd[512];
	const char *x = "+447700900061", *y = "+447700900062";

	if (boot(&r, 1) != 0)
		goto out;
	rig_pump(&r, 300);
	CHECK(strlen(long_text) > 160); /* two GSM-7 parts */
	sim_set_delay(r.sims[0], "+CMGS", 1500);
	snprintf(cmd, sizeof(cmd), "send --to %s '%s'", x, long_text);
	CHECK_INT(rig_cli(&r, out, sizeof(out), cmd), 0);
	snprintf(cmd, sizeof(cmd), "send --to %s '%s'", y, long_text);
	CHECK_INT(rig_cli(&r, out, sizeof(out), cmd), 0);
	int64_t until = rig_ms() + 15000;
	while (sim_sent_count(r.sims[0]) == 0 && rig_ms() < until)
		rig_pump(&r, 10);
	CHECK_INT(sim_sent_count(r.sims[0]), 1); /* part 1 on the wire */
	CHECK_INT(rig_kill(&r, SIGTERM), 0);
	CHECK_INT(sim_sent_count(r.sims[0]), 2);
	CHECK_INT(rig_count(&r, x), 1);
	const struct rig_reply *rep = rig_last(&r, x);
	CHECK(rep != NULL && rep->segments == 2 && rep->total == 2);
	CHECK_INT(rig_count(&r, y), 0);
	/* The next start sends the other message, and nothing twice. */
	sim_set_delay(r.sims[0], "+CMGS", -1);
	CHECK(rig_start(&r) == 0);
	CHECK_INT(rig_wait_replies(&r, y, 1, 15000), 1);
	CHECK_INT(rig_settle(&r, 1500, 15000), 0);
	CHECK_INT(sim_sent_count(r.sims[0]), 4);
	CHECK_INT(rig_count(&r, x), 1);
out:
	rig_free(&r);
}

/* Wait for the daemon to exit on its own (pumping the modems); its exit
 * status, or -1 when it was still running after TIMEOUT_MS (then killed). */
static int wait_exit(struct rig *r, int timeout_ms)
{
	int64_t until = rig_ms() + timeout_ms;
	int status = 0;

	while (waitpid(r->serve, &status, WNOHANG) == 0) {
		if (rig_ms() > until) {
			rig_kill(r, SIGKILL);
			return -1;
		}
		rig_pump(r, 20);
	}
	r->serve = 0;
	for (int m = 0; m < r->n_modems; m++)
		sim_port_released(r->sims[m]);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/*
 * The database file removed, or replaced by another, while the daemon
 * runs: it used to carry on writing to a file nobody would read again, and
 * the next start created an empty one ("You have no upcoming bookings").
 * It stops loudly with its own exit code (the unit does not restart on it).
 */
static void test_database_removed_or_replaced_stops(void)
{
	for (int replace = 0; replace <= 1; replace++) {
		struct rig r;
		char other[160];

		if (boot(&r, 1) != 0)
			goto out;
		rig_text(&r, 0, ALICE, "how much is a haircut?");
		CHECK_INT(rig_wait_replies(&r, ALICE, 1, 15000), 1);
		if (replace) {
			snprintf(other, sizeof(other), "%s/restored.db", r.dir);
			FILE *f = fopen(other, "w");
			CHECK(f != NULL);
			if (f != NULL)
				fclose(f);
			CHECK_INT(rename(other, r.db), 0);
		} else {
			CHECK_INT(unlink(r.db), 0);
		}
		CHECK_INT(wait_exit(&r, 10000), CLI_DB_LOST);
		CHECK(
		    file_contains(r.log, replace ? "was replaced" : "is gone"));
	out:
		rig_free(&r);
	}
}

/* ONLY=name runs the cases whose name contains it (during development). */
#define RUN_IF(fn)                                                             \
	do {                                                                   \
		if (only == NULL || strstr(#fn, only) != NULL)                 \
			RUN(fn);                                               \
	} while (0)

int main(void)
{
	const char *only = getenv("ONLY");

	RUN_IF(test_customer_books);
	RUN_IF(test_long_inquiry_answered_once);
	RUN_IF(test_ucs2_with_emoji);
	RUN_IF(test_stop_silences);
	RUN_IF(test_autoreply_loop_cut_off);
	RUN_IF(test_stop_honoured_over_the_cap);
	RUN_IF(test_unanswerable_kept_and_cleared);
	RUN_IF(test_idle_daemon_sleeps);
	RUN_IF(test_burst_sent_back_to_back);
	RUN_IF(test_two_modems);
	RUN_IF(test_cms_error_retried);
	RUN_IF(test_gives_up_and_records);
	RUN_IF(test_garbage_on_the_line);
	RUN_IF(test_line_drop_and_return);
	RUN_IF(test_storage_full_at_start);
	RUN_IF(test_sighup_with_invalid_config);
	RUN_IF(test_sigterm_exits_zero);
	RUN_IF(test_database_removed_or_replaced_stops);
	RUN_IF(test_sigterm_finishes_the_message_in_flight);
	RUN_IF(test_staff_send_through_running_daemon);
	RUN_IF(test_send_waits_for_the_daemon);
	RUN_IF(test_send_refuses_opted_out);
	RUN_IF(test_delivery_report_marks_delivered);
	RUN_IF(test_second_serve_leaves_live_sends_alone);
	return h_done();
}
