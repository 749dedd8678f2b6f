/*
 * Privacy end to end: a customer texts the real daemon over a simulated
 * modem (short and long texts, so PDUs and parts of long texts are
 * stored), is booked by text and by the staff, and texts STOP. `smsdesk
 * export` prints valid JSON holding all of it; `smsdesk forget` with the
 * number in national form, run while the daemon serves, leaves no byte of
 * the number (E.164, national, digits only, the PDU's swapped BCD) nor of
 * the customer's texts, name or note in the database file or its log —
 * while STOP still holds: the daemon answers nothing to that number, the
 * staff cannot text it. The retention policy then blanks old texts when
 * the daemon starts past it, keeping the counts the report shows.
 */
#include "harness.h"
#include "support/rig.h"

#include "smsdesk/store.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#define NOW   "2026-12-01T09:00" /* Tuesday 09:00 in London (UTC+0) */
#define ZED   "+447700900123"
#define ALICE "+447700900001"

/* What must not survive forget, as bytes. */
static const char *const traces[] = {
    ZED,
    "447700900123", /* digits only */
    "07700900123",  /* national */
    "7700900123",   /* national significant number */
    "447700091032", /* in a PDU: swapped semi-octets */
    "Quixote",	    /* in his texts and the staff's name for him */
    "marmalade",    /* in his long text */
    "lavender",	    /* the staff's note */
    "Zed",	    /* his name */
};

/* How many times needle occurs in the file at path (0 when it is absent). */
static size_t count_in_file(const char *path, const char *needle)
{
	FILE *f = fopen(path, "rb");
	size_t n = 0, len = strlen(needle), got;
	static char buf[1 << 20];
	size_t keep = 0;

	if (f == NULL)
		return 0;
	while ((got = fread(buf + keep, 1, sizeof(buf) - keep, f)) > 0) {
		size_t have = keep + got;
		for (size_t i = 0; i + len <= have; i++)
			if (memcmp(buf + i, needle, len) == 0)
				n++;
		/* carry the tail: a match may straddle two reads */
		keep = len - 1 < have ? len - 1 : have;
		memmove(buf, buf + have - keep, keep);
	}
	fclose(f);
	return n;
}

/* Occurrences in the database file and its write-ahead log. */
static size_t in_db(const struct rig *r, const char *needle)
{
	char wal[128];

	snprintf(wal, sizeof(wal), "%s-wal", r->db);
	return count_in_file(r->db, needle) + count_in_file(wal, needle);
}

/*
 * The daemon logs what it blanked, then compacts the file (checkpoint,
 * VACUUM, checkpoint): the old bytes leave the file a moment after the
 * log line. Wait for that (bounded), keeping the modem answering.
 */
static size_t in_db_settled(struct rig *r, const char *needle, int ms)
{
	int64_t until = rig_ms() + ms;
	size_t n;

	while ((n = in_db(r, needle)) > 0 && rig_ms() < until)
		rig_pump(r, 50);
	return n;
}

static size_t traces_left(const struct rig *r, int verbose)
{
	size_t total = 0;

	for (size_t i = 0; i < sizeof(traces) / sizeof(traces[0]); i++) {
		size_t n = in_db(r, traces[i]);
		if (n > 0 && verbose)
			printf("  '%s' still in the database (%zu times)\n",
			       traces[i], n);
		total += n;
	}
	return total;
}

static int staff(struct rig *r, char *out, size_t cap, const char *args)
{
	char cmd[768];

	snprintf(cmd, sizeof(cmd), "%s --now %s", args, NOW);
	return rig_cli(r, out, cap, cmd);
}

/* Run a shell pipeline; its exit status. */
static int sh(const char *cmd)
{
	int rc = system(cmd);

	return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

static void test_export_forget_and_stop(struct rig *r)
{
	static char out[1 << 16];
	char cmd[512], path[128];
	FILE *f;

	rig_text(r, 0, ZED,
		 "Hello, Zed Quixote here, can I book a haircut tomorrow at "
		 "10am?");
	CHECK_INT(rig_wait_replies(r, ZED, 1, 15000), 1);
	rig_text(r, 0, ZED,
		 "Also, sorry for the long message: last time I left my "
		 "marmalade coloured umbrella by the door, the one with the "
		 "wooden handle. Could you keep it for me until I come in? My "
		 "neighbour says you found one like it. Many thanks from Zed "
		 "Quixote, who will bring biscuits for the whole shop.");
	CHECK_INT(rig_wait_replies(r, ZED, 2, 15000), 2);
	rig_text(r, 0, ALICE, "haircut tomorrow at 11am please");
	CHECK_INT(rig_wait_replies(r, ALICE, 1, 15000), 1);
	CHECK_INT(staff(r, out, sizeof(out),
			"book --service beard-trim --at 2026-12-03T10:00 "
			"--phone '07700 900123' --name 'Zed Quixote' "
			"--note 'allergic to lavender'"),
		  0);
	CHECK_INT(rig_wait_replies(r, ZED, 3, 15000), 3);
	rig_text(r, 0, ZED, "STOP");
	CHECK_INT(rig_wait_replies(r, ZED, 4, 15000), 4);
	CHECK_INT(rig_settle(r, 1000, 15000), 0);
	CHECK(traces_left(r, 0) > 0); /* the scan can see him */

	/* What is held about him: valid JSON, all of it. */
	CHECK_INT(staff(r, out, sizeof(out), "export '07700 900123'"), 0);
	snprintf(path, sizeof(path), "%s/zed.json", r->dir);
	f = fopen(path, "w");
	if (f != NULL) {
		fputs(out, f);
		fclose(f);
	}
	snprintf(cmd, sizeof(cmd), "python3 -m json.tool '%s' >/dev/null",
		 path);
	CHECK_INT(sh(cmd), 0);
	snprintf(cmd, sizeof(cmd),
		 "jq -e '(.texts_received | length) >= 3 and"
		 " (.texts_sent | length) >= 4 and (.bookings | length) == 2"
		 " and .opt_out[0].kept_as == \"" ZED "\" and"
		 " (.texts_received[0].pdu | length) > 20 and"
		 " (.bookings | map(.note) | index(\"allergic to lavender\"))"
		 " != null' '%s' >/dev/null",
		 path);
	CHECK_INT(sh(cmd), 0);
	CHECK(strstr(out, "marmalade") != NULL);

	/* Forget him while the daemon serves. */
	CHECK_INT(staff(r, out, sizeof(out), "forget '07700 900123'"), 0);
	CHECK(strstr(out, "Forgot " ZED) != NULL);
	CHECK(strstr(out, "STOP still holds") != NULL);
	CHECK_INT(traces_left(r, 1), 0);
	/* Alice is still there, and so is his booking's place. */
	CHECK(in_db(r, ALICE) > 0);
	CHECK_INT(staff(r, out, sizeof(out), "export " ZED), 0);
	CHECK(strstr(out, "\"kept_as\": \"keyed hash\"") != NULL);
	CHECK(strstr(out, "\"texts_received\": []") != NULL);
	CHECK_INT(rig_cli(r, out, sizeof(out), "bookings --day 2026-12-03"), 0);
	CHECK(strstr(out, "10:00-10:15  Beard trim") != NULL);

	/* STOP holds: the desk does not answer him, the staff cannot text
	 * him, a staff booking for him is not texted. */
	rig_text(r, 0, ZED, "haircut friday at 10am please");
	CHECK_INT(rig_settle(r, 2000, 15000), 0);
	CHECK_INT(rig_count(r, ZED), 4);
	CHECK(staff(r, out, sizeof(out), "send --to " ZED " hello") != 0);
	CHECK(strstr(out, "opted out") != NULL);
	CHECK_INT(staff(r, out, sizeof(out),
			"book --service haircut --at 2026-12-04T15:00 "
			"--phone 07700900123"),
		  0);
	CHECK(strstr(out, "opted out") != NULL);
	CHECK_INT(rig_settle(r, 1500, 15000), 0);
	CHECK_INT(rig_count(r, ZED), 4);
}

/* Texts the daemon answered, as the report counts them. */
static void received(struct rig *r, char *line, size_t cap)
{
	static char out[8192];
	const char *p;

	line[0] = '\0';
	if (rig_cli(r, out, sizeof(out), "report") != 0)
		return;
	p = strstr(out, "received");
	if (p != NULL)
		snprintf(line, cap, "%.*s", (int)strcspn(p, "\n"), p);
}

static void test_retention_at_start(struct rig *r)
{
	char before[256], after[256], out[4096];

	received(r, before, sizeof(before));
	CHECK(before[0] != '\0');
	CHECK(in_db(r, ALICE) > 0);
	/* A dry run changes nothing. */
	CHECK_INT(rig_cli(r, out, sizeof(out),
			  "forget --expired --dry-run --now 2027-06-01T09:00"),
		  0);
	CHECK(strstr(out, "would be blanked") != NULL);
	/* The daemon starts 180 days later: it prunes at once. */
	CHECK_INT(rig_kill(r, SIGTERM), 0);
	snprintf(r->now, sizeof(r->now), "2027-06-01T09:00");
	CHECK_INT(rig_start(r), 0);
	CHECK_INT(rig_wait_log(r, "retention: older than 90 days", 15000), 0);
	CHECK_INT(in_db_settled(r, ALICE, 15000), 0);
	CHECK_INT(in_db(r, "haircut tomorrow at 11am"), 0);
	/* The counts the report needs are kept. */
	received(r, after, sizeof(after));
	CHECK_STR(after, before);
	/* Nothing left to prune. */
	CHECK_INT(rig_cli(r, out, sizeof(out),
			  "forget --expired --now 2027-06-01T09:05"),
		  0);
	CHECK(strstr(out, "0 texts received and 0 sent were blanked") != NULL);
}

int main(void)
{
	struct rig r;

	if (rig_init(&r, 1, NOW) != 0 || rig_start(&r) != 0) {
		printf("rig did not start\n");
		return 1;
	}
	TEST_BEGIN("test_export_forget_and_stop");
	test_export_forget_and_stop(&r);
	TEST_END();
	TEST_BEGIN("test_retention_at_start");
	test_retention_at_start(&r);
	TEST_END();
	rig_free(&r);
	return h_done();
}
