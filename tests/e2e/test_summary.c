/*
 * The staff's summary text, end to end: the real `smsdesk serve` on a
 * simulated modem, a real sqlite file, a real catalog with staff, and a
 * clock the test moves (--now and --clock-offset-file). A staff member with
 * summary = "daily" gets one text at opening time with the day's bookings,
 * what waits for a person and the demand turned away — once per day, also
 * across a restart of the daemon; one with summary = "none" gets nothing; a
 * staff phone that texted STOP gets nothing; a closed day has none;
 * policy.summary_time moves it; summary = "weekly" gets the week's.
 */
#include "harness.h"
#include "support/rig.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ALICE "+447700900001"
#define BOB   "+447700900002"
#define CAROL "+447700900003"
#define DAVE  "+447700900004"
#define SAM   "+447700900777" /* daily */
#define ALEX  "+447700900778" /* none */
#define PAT   "+447700900779" /* daily, but texts STOP */
#define WES   "+447700900780" /* weekly */

#define DAY (24 * 3600)

static const char staff[] =
    "staff = (\n"
    "  { name = \"Sam\"; phone = \"07700 900777\"; summary = \"daily\"; },\n"
    "  { name = \"Alex\"; phone = \"07700 900778\"; forward = false; },\n"
    "  { name = \"Pat\"; phone = \"07700 900779\"; forward = false;\n"
    "    summary = \"daily\"; },\n"
    "  { name = \"Wes\"; phone = \"07700 900780\"; forward = false;\n"
    "    summary = \"weekly\"; }\n"
    ");\n";

static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (f != NULL) {
		fputs(text, f);
		fclose(f);
	}
}

/* Append the staff to the rig's catalog; with policy_extra, put it into
 * the policy group too. */
static int write_catalog(struct rig *r, const char *policy_extra)
{
	char buf[8192], out[8400];
	FILE *f = fopen(r->cfg, "r");
	size_t n;
	const char *anchor = "reminder_hours = 0;";
	char *p;

	if (f == NULL)
		return -1;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	p = strstr(buf, anchor);
	if (p == NULL)
		return -1;
	p += strlen(anchor);
	snprintf(out, sizeof(out), "%.*s\n  %s\n%s%s", (int)(p - buf), buf,
		 policy_extra != NULL ? policy_extra : "", p, staff);
	put(r->cfg, out);
	return 0;
}

/* A rig at NOW with the staff, a clock the test moves, started. */
static int boot(struct rig *r, const char *now, const char *policy_extra,
		char *offset, size_t cap)
{
	if (rig_init(r, 1, now) != 0 || write_catalog(r, policy_extra) != 0) {
		CHECK(!"rig made");
		return -1;
	}
	snprintf(offset, cap, "%s/clock-offset", r->dir);
	put(offset, "0\n");
	snprintf(r->extra[0], sizeof(r->extra[0]), "--clock-offset-file=%s",
		 offset);
	if (rig_start(r) != 0 || rig_wait_log(r, "serving ", 20000) != 0) {
		CHECK(!"serve started");
		return -1;
	}
	return 0;
}

static void set_offset(const char *path, long seconds)
{
	char v[32];

	snprintf(v, sizeof(v), "%ld\n", seconds);
	put(path, v);
}

/* Texts to TO holding NEEDLE so far. */
static size_t count_with(const struct rig *r, const char *to,
			 const char *needle)
{
	size_t n = 0;

	for (size_t i = 0; i < r->n_replies; i++)
		if (strcmp(r->replies[i].to, to) == 0 &&
		    strstr(r->replies[i].text, needle) != NULL)
			n++;
	return n;
}

/* The latest text to TO holding NEEDLE, or "". */
static const char *last_with(const struct rig *r, const char *to,
			     const char *needle)
{
	for (size_t i = r->n_replies; i-- > 0;)
		if (strcmp(r->replies[i].to, to) == 0 &&
		    strstr(r->replies[i].text, needle) != NULL)
			return r->replies[i].text;
	return "";
}

/* Pump until N texts to TO hold NEEDLE, or 20 s. */
static size_t wait_with(struct rig *r, const char *to, const char *needle,
			size_t n)
{
	int64_t end = rig_ms() + 20000;

	while (count_with(r, to, needle) < n && rig_ms() < end)
		rig_pump(r, 100);
	return count_with(r, to, needle);
}

/*
 * Make sure the daemon's timers ran at the clock it has now: a customer
 * asks a price and the answer comes back (the loop that sends it has run
 * its timers, the summaries among them, since it started).
 */
static void round_trip(struct rig *r, const char *who)
{
	size_t before = rig_count(r, who);

	rig_text(r, 0, who, "how much is a haircut?");
	CHECK_INT(rig_wait_replies(r, who, before + 1, 20000), before + 1);
	CHECK_INT(rig_settle(r, 1500, 15000), 0);
}

#define SUMMARY "Waiting for a person:"

static void test_daily_once_across_restart(void)
{
	struct rig r;
	char offset[128];
	const char *s;

	/* Tuesday 08:50: open 09:00-18:00; the summary goes at opening */
	if (boot(&r, "2026-12-01T08:50", NULL, offset, sizeof(offset)) != 0)
		goto out;
	/* the day: two bookings, a text for a person (held until we open),
	 * a request turned away, and a staff phone that opts out */
	rig_text(&r, 0, ALICE, "haircut today at 2pm please");
	CHECK(strstr(rig_wait_replies(&r, ALICE, 1, 20000) == 1
			 ? rig_last(&r, ALICE)->text
			 : "",
		     "Booked") != NULL);
	rig_text(&r, 0, BOB, "haircut today at 4pm");
	CHECK(strstr(rig_wait_replies(&r, BOB, 1, 20000) == 1
			 ? rig_last(&r, BOB)->text
			 : "",
		     "Booked") != NULL);
	rig_text(&r, 0, CAROL, "can I pay by card?");
	CHECK_INT(rig_wait_replies(&r, CAROL, 1, 20000), 1);
	rig_text(&r, 0, DAVE, "can I get my nails done tomorrow?");
	CHECK_INT(rig_wait_replies(&r, DAVE, 1, 20000), 1);
	rig_text(&r, 0, PAT, "STOP");
	CHECK_INT(rig_wait_replies(&r, PAT, 1, 20000), 1);
	CHECK(strstr(rig_last(&r, PAT)->text, "opted out") != NULL);
	round_trip(&r, ALICE);
	CHECK_INT(count_with(&r, SAM, SUMMARY), 0); /* not yet 09:00 */

	/* 09:00: the summary, in the business's words */
	set_offset(offset, 600);
	CHECK_INT(wait_with(&r, SAM, SUMMARY, 1), 1);
	s = last_with(&r, SAM, SUMMARY);
	CHECK(strstr(s, "Harbour Street Barbers, Tue 1 Dec: 2 booked, 14:00 "
			"to 16:00.") != NULL);
	CHECK(strstr(s, "Waiting for a person: 1.") != NULL);
	CHECK(strstr(s, "Turned away since Mon 09:0") != NULL);
	CHECK(strstr(s, ": 1.") != NULL);
	CHECK(strstr(s, "+44") == NULL); /* no customer's number */
	CHECK(strlen(s) <= 160);
	CHECK_INT(rig_wait_log(&r, "not sent: that phone opted out", 20000), 0);
	CHECK_INT(rig_settle(&r, 1500, 15000), 0);
	CHECK_INT(count_with(&r, PAT, SUMMARY), 0); /* opted out */
	CHECK_INT(rig_count(&r, ALEX), 0);	    /* summary = none */
	CHECK_INT(count_with(&r, WES, "week from Tue 1 Dec"), 1);

	/* a restart the same day, after the summary time: no second one
	 * (--now pins the clock at start, the offset file moves it on) */
	CHECK_INT(rig_kill(&r, SIGTERM), 0);
	snprintf(r.now, sizeof(r.now), "2026-12-01T09:05");
	set_offset(offset, 0);
	if (rig_start(&r) != 0 || rig_wait_log(&r, "serving ", 20000) != 0) {
		CHECK(!"serve restarted");
		goto out;
	}
	round_trip(&r, BOB);
	CHECK_INT(count_with(&r, SAM, SUMMARY), 1);
	CHECK_INT(count_with(&r, WES, SUMMARY), 1);

	/* the next day at opening: the next one, counting from this one */
	set_offset(offset, DAY - 5 * 60);
	CHECK_INT(wait_with(&r, SAM, SUMMARY, 2), 2);
	s = last_with(&r, SAM, SUMMARY);
	CHECK(strstr(s, "Wed 2 Dec: nothing booked.") != NULL);
	CHECK(strstr(s, "Turned away since Tue 09:0") != NULL);
	CHECK(strstr(s, ": 0.") != NULL);
	CHECK_INT(rig_settle(&r, 1500, 15000), 0);
	CHECK_INT(count_with(&r, SAM, SUMMARY), 2);
	CHECK_INT(count_with(&r, WES, SUMMARY), 1); /* once a week */
	CHECK_INT(count_with(&r, PAT, SUMMARY), 0);
	CHECK_INT(rig_count(&r, ALEX), 0);
out:
	rig_free(&r);
}

static void test_closed_day_and_summary_time(void)
{
	struct rig r;
	char offset[128];

	/* Sunday 20:00: closed all day (hours are mon-fri and sat) */
	if (boot(&r, "2026-12-06T20:00", "summary_time = \"08:30\";", offset,
		 sizeof(offset)) != 0)
		goto out;
	round_trip(&r, ALICE);
	CHECK_INT(count_with(&r, SAM, SUMMARY), 0);
	CHECK_INT(count_with(&r, WES, SUMMARY), 0);
	/* Monday 08:31: summary_time 08:30, before opening at 09:00 */
	set_offset(offset, 12 * 3600 + 31 * 60);
	CHECK_INT(wait_with(&r, SAM, SUMMARY, 1), 1);
	CHECK(strstr(last_with(&r, SAM, SUMMARY),
		     "Mon 7 Dec: nothing booked") != NULL);
	CHECK_INT(wait_with(&r, WES, "week from Mon 7 Dec", 1), 1);
	CHECK_INT(rig_settle(&r, 1500, 15000), 0);
	CHECK_INT(count_with(&r, SAM, SUMMARY), 1);
	CHECK_INT(count_with(&r, PAT, SUMMARY), 1); /* did not opt out here */
	CHECK_INT(rig_count(&r, ALEX), 0);
out:
	rig_free(&r);
}

int main(void)
{
	RUN(test_daily_once_across_restart);
	RUN(test_closed_day_and_summary_time);
	return h_done();
}
