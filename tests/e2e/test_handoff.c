/*
 * A person in the loop, end to end: the real `smsdesk serve` on a simulated
 * modem (pseudo-terminal), a real sqlite file, a real catalog with staff.
 * A customer's text only a person can answer is forwarded over the
 * simulated network to the staff phone with a code; the staff member's
 * "#CODE answer" reaches the customer from the business number; a wrong PIN
 * is answered as any nonsense is; a staff text is never read as an inquiry;
 * a STOP stops a staff answer; `smsdesk inbox` and `smsdesk reply` work
 * beside the running daemon; a text handed over while the shop is closed is
 * forwarded when it opens. And the service that says how it is: sd_notify
 * datagrams (READY only once the modem is ready, STATUS, WATCHDOG,
 * RELOADING/READY, STOPPING) on a socket of ours, `smsdesk status` against
 * the running daemon and after it stopped, `smsdesk modem` while serving.
 */
#include "harness.h"
#include "support/rig.h"

#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define NOW   "2026-12-01T10:00" /* Tuesday: open 09:00-18:00 */
#define ALICE "+447700900001"
#define BOB   "+447700900002"
#define CAROL "+447700900003"
#define SAM   "+447700900777"

static const char staff[] =
    "staff = ( { name = \"Sam\"; phone = \"07700 900777\"; pin = \"4821\"; "
    "} );\n";

/* A rig whose catalog has a staff member, not started yet. */
static int setup(struct rig *r, const char *now)
{
	FILE *f;

	if (rig_init(r, 1, now) != 0) {
		CHECK(!"rig made");
		return -1;
	}
	f = fopen(r->cfg, "a");
	if (f == NULL)
		return -1;
	fputs(staff, f);
	fclose(f);
	return 0;
}

static int go(struct rig *r)
{
	if (rig_start(r) != 0 || rig_wait_log(r, "serving ", 20000) != 0) {
		CHECK(!"serve started");
		return -1;
	}
	return 0;
}

static int boot(struct rig *r, const char *now)
{
	return setup(r, now) == 0 ? go(r) : -1;
}

static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (f != NULL) {
		fputs(text, f);
		fclose(f);
	}
}

/* Wait for the Nth text to TO; its text, or "" when none came. */
static const char *nth(struct rig *r, const char *to, size_t n)
{
	if (rig_wait_replies(r, to, n, 20000) < n)
		return "";
	return rig_last(r, to)->text;
}

/* The code in a forward ("#K7 ..."), without '#'. */
static void code_in(const char *text, char *code, size_t cap)
{
	const char *p = strchr(text, '#');
	size_t n = 0;

	code[0] = '\0';
	if (p == NULL)
		return;
	for (p++; n + 1 < cap && *p != ' ' && *p != '\0'; p++)
		code[n++] = *p;
	code[n] = '\0';
}

static void test_forward_and_staff_answer(void)
{
	struct rig r;
	char code[8], msg[160], out[4096];

	if (boot(&r, NOW) != 0)
		goto out;
	/* forwarded with the number, the text and a code */
	rig_text(&r, 0, ALICE, "Can I pay by card?");
	CHECK(strstr(nth(&r, ALICE, 1), "passed your message to the team") !=
	      NULL);
	const char *fwd = nth(&r, SAM, 1);
	CHECK(strstr(fwd, ALICE) != NULL);
	CHECK(strstr(fwd, "Can I pay by card?") != NULL);
	code_in(fwd, code, sizeof(code));
	CHECK_INT(strlen(code), 2);

	/* the staff member answers with the code: to the customer, from the
	 * business number; a confirmation back */
	snprintf(msg, sizeof(msg), "#%s Yes, cards are fine", code);
	rig_text(&r, 0, SAM, msg);
	CHECK_STR(nth(&r, ALICE, 2), "Yes, cards are fine");
	CHECK(strstr(nth(&r, SAM, 2), "Sent to " ALICE) != NULL);

	/* a wrong PIN gets what any nonsense gets; nothing else leaks */
	rig_text(&r, 0, SAM, "1234 today");
	char wrong[2048];
	snprintf(wrong, sizeof(wrong), "%s", nth(&r, SAM, 3));
	rig_text(&r, 0, SAM, "hello there");
	CHECK_STR(nth(&r, SAM, 4), wrong);
	CHECK(strstr(wrong, "Not understood") != NULL);
	CHECK(strstr(wrong, "Tue") == NULL);
	/* a staff text is never an inquiry: no booking, no desk reply */
	rig_text(&r, 0, SAM, "haircut tomorrow at 10am");
	CHECK_STR(nth(&r, SAM, 5), wrong);
	rig_cli(&r, out, sizeof(out), "bookings --day 2026-12-02");
	CHECK(strstr(out, "Haircut") == NULL);
	/* the right PIN */
	rig_text(&r, 0, SAM, "4821 today");
	CHECK(strstr(nth(&r, SAM, 6), "Tue 1 Dec") != NULL);

	/* STOP from the customer stops the staff's answer */
	rig_text(&r, 0, BOB, "where are you exactly?");
	CHECK(strstr(nth(&r, BOB, 1), "passed your message") != NULL);
	code_in(nth(&r, SAM, 7), code, sizeof(code));
	rig_text(&r, 0, BOB, "STOP");
	CHECK(strstr(nth(&r, BOB, 2), "opted out") != NULL);
	snprintf(msg, sizeof(msg), "#%s We're at 1 Harbour St", code);
	rig_text(&r, 0, SAM, msg);
	CHECK(strstr(nth(&r, SAM, 8), "opted out") != NULL);
	CHECK_INT(rig_settle(&r, 1500, 15000), 0);
	CHECK_INT(rig_count(&r, BOB), 2);

	/* the command line beside the running daemon */
	rig_text(&r, 0, CAROL, "can I speak to someone please");
	CHECK(strstr(nth(&r, CAROL, 1), "passed your message") != NULL);
	code_in(nth(&r, SAM, 9), code, sizeof(code));
	CHECK_INT(rig_cli(&r, out, sizeof(out), "inbox --now 2026-12-01T10:10"),
		  0);
	snprintf(msg, sizeof(msg), "#%s", code);
	CHECK(strstr(out, msg) != NULL);
	CHECK(strstr(out, "***003") != NULL);
	CHECK(strstr(out, CAROL) == NULL); /* masked */
	CHECK_INT(
	    rig_cli(&r, out, sizeof(out), "inbox --now 2026-12-01T10:10 -v"),
	    0);
	CHECK(strstr(out, CAROL) != NULL);
	snprintf(msg, sizeof(msg),
		 "reply --now 2026-12-01T10:00 %s Calling you in 5 minutes",
		 code);
	CHECK_INT(rig_cli(&r, out, sizeof(out), msg), 0);
	CHECK_STR(nth(&r, CAROL, 2), "Calling you in 5 minutes");
	CHECK_INT(rig_cli(&r, out, sizeof(out), "inbox --now 2026-12-01T10:10"),
		  0);
	snprintf(msg, sizeof(msg), "#%s ", code);
	CHECK(strstr(out, msg) == NULL); /* answered */
	CHECK_INT(rig_cli(&r, out, sizeof(out),
			  "reply --now 2026-12-01T10:05 XX hello"),
		  1);
	/* the rig's clock, never the machine's: the texts are of
	 * 2026-12-01, and "inbox NUMBER" shows the last two days (this
	 * check failed on every machine from 2026-12-03 10:00) */
	CHECK_INT(rig_cli(&r, out, sizeof(out),
			  "inbox --now 2026-12-01T10:10 " CAROL),
		  0);
	CHECK(strstr(out, "Calling you in 5 minutes") != NULL);
	CHECK(strstr(out, "can I speak to someone please") != NULL);
out:
	rig_free(&r);
}

static void test_closed_then_open(void)
{
	struct rig r;
	char offset[128];

	/* 08:58 on a Tuesday: closed until 09:00; the test moves the clock */
	if (setup(&r, "2026-12-01T08:58") != 0)
		goto out;
	snprintf(offset, sizeof(offset), "%s/clock-offset", r.dir);
	put(offset, "0\n");
	snprintf(r.extra[0], sizeof(r.extra[0]), "--clock-offset-file=%s",
		 offset);
	if (go(&r) != 0)
		goto out;
	rig_text(&r, 0, ALICE, "is my bike ready?");
	CHECK(strstr(nth(&r, ALICE, 1), "when we open (09:00)") != NULL);
	CHECK_INT(rig_settle(&r, 1500, 15000), 0);
	CHECK_INT(rig_count(&r, SAM), 0); /* held */
	/* the clock reaches opening time: the forward goes */
	put(offset, "300\n");
	const char *fwd = nth(&r, SAM, 1);
	CHECK(strstr(fwd, "is my bike ready?") != NULL);
	CHECK(strstr(fwd, ALICE) != NULL);
	CHECK(strstr(fwd, "08:5") != NULL); /* when it came */
out:
	rig_free(&r);
}

/* ---- the service that says how it is --------------------------------- */

/* A datagram socket standing in for systemd's. */
static int notify_socket(const char *path)
{
	struct sockaddr_un a = {.sun_family = AF_UNIX};
	int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	if (strlen(path) >= sizeof(a.sun_path))
		return -1;
	memcpy(a.sun_path, path, strlen(path) + 1);
	if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof(a)) != 0)
		return -1;
	return fd;
}

/* Pump the rig while collecting datagrams into heard (appended, each
 * followed by '|') until NEEDLE is heard or timeout. 0 when heard. */
static int hear(struct rig *r, int fd, char *heard, size_t cap,
		const char *needle, int timeout_ms)
{
	int64_t until = rig_ms() + timeout_ms;

	while (strstr(heard, needle) == NULL) {
		struct pollfd p = {.fd = fd, .events = POLLIN};
		char buf[512];
		if (rig_ms() > until)
			return -1;
		while (poll(&p, 1, 0) == 1) {
			ssize_t n = recv(fd, buf, sizeof(buf) - 1, 0);
			if (n <= 0)
				break;
			buf[n] = '\0';
			size_t len = strlen(heard);
			snprintf(heard + len, cap - len, "%s|", buf);
		}
		rig_pump(r, 20);
	}
	return 0;
}

static void test_notify_and_status(void)
{
	struct rig r;
	char path[128], out[4096];
	static char heard[65536];
	int fd = -1;

	heard[0] = '\0';
	if (setup(&r, NOW) != 0)
		goto out;
	snprintf(path, sizeof(path), "%s/notify", r.dir);
	fd = notify_socket(path);
	CHECK(fd >= 0);
	setenv("NOTIFY_SOCKET", path, 1);
	setenv("WATCHDOG_USEC", "400000", 1); /* a ping every 0.2 s */
	int started = rig_start(&r);
	unsetenv("NOTIFY_SOCKET");
	unsetenv("WATCHDOG_USEC");
	if (started != 0 || fd < 0)
		goto out;
	CHECK_INT(hear(&r, fd, heard, sizeof(heard), "READY=1", 30000), 0);
	/* nothing said READY before the modem was: STATUS came first */
	char *ready = strstr(heard, "READY=1");
	char *status = strstr(heard, "STATUS=");
	CHECK(status != NULL && ready != NULL && status < ready);
	CHECK(strstr(heard, "ready") != NULL);
	heard[0] = '\0';
	CHECK_INT(hear(&r, fd, heard, sizeof(heard), "WATCHDOG=1", 5000), 0);

	/* status against the running daemon: read only, no port */
	CHECK_INT(rig_cli(&r, out, sizeof(out), "status"), 0);
	CHECK(strstr(out, "smsdesk serve: running, pid") != NULL);
	CHECK(strstr(out, "modem ") != NULL && strstr(out, ": ready") != NULL);
	CHECK(strstr(out, "signal") != NULL);
	CHECK(strstr(out, "registered") != NULL);
	CHECK(strstr(out, "Waiting for a person: 0") != NULL);
	rig_text(&r, 0, ALICE, "can I pay by card?");
	nth(&r, SAM, 1);
	heard[0] = '\0';
	CHECK_INT(
	    hear(&r, fd, heard, sizeof(heard), "1 waiting for a person", 15000),
	    0);
	CHECK_INT(rig_cli(&r, out, sizeof(out), "status"), 0);
	CHECK(strstr(out, "Waiting for a person: 1") != NULL);
	CHECK(strstr(out, "Last text in:  2026-12-01 10:0") != NULL);

	/* the modem command does not take the port from the daemon */
	snprintf(path, sizeof(path), "modem --device %s", r.links[0]);
	CHECK_INT(rig_cli(&r, out, sizeof(out), path), 0);
	CHECK(strstr(out, "is busy: smsdesk serve (pid") != NULL);
	CHECK(strstr(out, "smsdesk status") != NULL);
	CHECK(strstr(out, "state:         ready") != NULL);

	/* a reload: RELOADING=1 then READY=1 */
	heard[0] = '\0';
	kill(r.serve, SIGHUP);
	CHECK_INT(hear(&r, fd, heard, sizeof(heard), "RELOADING=1", 10000), 0);
	CHECK_INT(hear(&r, fd, heard, sizeof(heard), "READY=1", 10000), 0);

	/* stopping */
	heard[0] = '\0';
	kill(r.serve, SIGTERM);
	CHECK_INT(hear(&r, fd, heard, sizeof(heard), "STOPPING=1", 10000), 0);
	CHECK_INT(rig_kill(&r, SIGTERM), 0);
	CHECK_INT(rig_cli(&r, out, sizeof(out), "status"), 3);
	CHECK(strstr(out, "not running") != NULL);
	CHECK(strstr(out, "stopped cleanly") != NULL);
	/* killed: said as it is */
	if (truncate(r.log, 0) != 0 || rig_start(&r) != 0 ||
	    rig_wait_log(&r, "ready:", 30000) != 0)
		goto out;
	rig_pump(&r, 200);
	rig_kill(&r, SIGKILL);
	CHECK_INT(rig_cli(&r, out, sizeof(out), "status"), 3);
	CHECK(strstr(out, "without saying so") != NULL);

out:
	if (fd >= 0)
		close(fd);
	rig_free(&r);
}

/*
 * The unit's ExecReload= lines run as systemd runs them (one after the
 * other, the first that fails ends the reload with its exit status),
 * against a running serve: a broken catalog fails the reload and the daemon
 * is never told; a good one reaches it.
 */
static int unit_reload(struct rig *r)
{
	char path[512], line[1024], cmd[2048];
	const char *src = getenv("SMSDESK_SRC"), *bin = getenv("SMSDESK_BIN");
	int rc = 0, n = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/conf/smsdesk.service", src);
	f = fopen(path, "r");
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL) {
		char *p = line, *out = cmd;
		if (strncmp(line, "ExecReload=", 11) != 0)
			continue;
		p += 11;
		while (*p != '\0' && *p != '\n' &&
		       out < cmd + sizeof(cmd) - 600) {
			if (strncmp(p, "@BINDIR@/smsdesk", 16) == 0) {
				out += sprintf(out, "%s", bin);
				p += 16;
			} else if (strncmp(p,
					   "@SYSCONFDIR@/smsdesk/smsdesk.cfg",
					   32) == 0) {
				out += sprintf(out, "%s", r->cfg);
				p += 32;
			} else if (strncmp(p, "$MAINPID", 8) == 0) {
				out += sprintf(out, "%d", (int)r->serve);
				p += 8;
			} else {
				*out++ = *p++;
			}
		}
		*out = '\0';
		strcat(cmd, " >/dev/null 2>&1");
		n++;
		if (rc == 0)
			rc = system(cmd);
	}
	fclose(f);
	return n == 2 ? rc : -1; /* check, then kill -HUP */
}

static void test_reload_checks_first(void)
{
	struct rig r;
	char broken[256], good[256];

	if (boot(&r, NOW) != 0)
		goto out;
	snprintf(good, sizeof(good), "cp %s %s.good", r.cfg, r.cfg);
	snprintf(broken, sizeof(broken),
		 "printf 'policy = { nonsense = 1; };\\n' >> %s", r.cfg);
	if (system(good) != 0 || system(broken) != 0)
		goto out;
	CHECK(unit_reload(&r) > 0); /* systemctl reload fails */
	rig_pump(&r, 1500);
	CHECK_INT(rig_wait_log(&r, "SIGHUP", 1), -1); /* not told */
	snprintf(good, sizeof(good), "cp %s.good %s", r.cfg, r.cfg);
	if (system(good) != 0)
		goto out;
	CHECK_INT(unit_reload(&r), 0);
	CHECK_INT(rig_wait_log(&r, "catalog reloaded", 10000), 0);
	/* and the desk still answers */
	rig_text(&r, 0, ALICE, "how much is a haircut");
	CHECK(strstr(nth(&r, ALICE, 1), "GBP") != NULL);
out:
	rig_free(&r);
}

int main(void)
{
	RUN(test_forward_and_staff_answer);
	RUN(test_closed_then_open);
	RUN(test_notify_and_status);
	RUN(test_reload_checks_first);
	return h_done();
}
