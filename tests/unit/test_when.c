/* when: date/time phrases, zones across daylight saving, slot arithmetic. */
#include "harness.h"

#include "smsdesk/catalog.h"
#include "smsdesk/when.h"

#include <time.h>

/* Harbour Street Barbers' hours, written by hand: Mon-Fri 9-18, Sat 9-13. */
static struct cat_hours hours[] = {
    {CAT_MON | CAT_TUE | CAT_WED | CAT_THU | CAT_FRI, 540, 1080, 1},
    {CAT_SAT, 540, 780, 2},
};
static char closed[][11] = {"2026-12-25", "2026-12-26"};
static struct catalog cat = {
    .timezone = "Europe/London",
    .hours = hours,
    .n_hours = 2,
    .closed = closed,
    .n_closed = 2,
};

static struct when_local at(int y, int m, int d, int hh, int mm)
{
	struct when_local l;
	when_day_make(y, m, d, &l.day);
	l.minute = hh * 60 + mm;
	return l;
}

static time_t utc(int y, int m, int d, int hh, int mm)
{
	struct tm tm = {0};
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = hh;
	tm.tm_min = mm;
	return timegm(&tm);
}

static void test_civil_days(void)
{
	struct when_day d;
	CHECK_INT(when_day_make(2026, 3, 25, &d), 0);
	CHECK_INT(d.wday, 2); /* a Wednesday */
	CHECK_INT(when_day_make(2026, 2, 29, &d), -1);
	CHECK_INT(when_day_make(2028, 2, 29, &d), 0);
	CHECK_INT(d.wday, 1);
	when_day_make(2026, 12, 31, &d);
	struct when_day n = when_day_add(d, 1);
	CHECK_INT(n.year, 2027);
	CHECK_INT(n.month, 1);
	CHECK_INT(n.mday, 1);
	CHECK_INT(n.wday, 4);
	CHECK_INT(when_day_diff(&d, &n), 1);
	char buf[32];
	when_day_human(&n, buf, sizeof(buf));
	CHECK_STR(buf, "Fri 1 Jan");
	when_day_iso(&n, buf, sizeof(buf));
	CHECK_STR(buf, "2027-01-01");
	when_minute_hhmm(9 * 60 + 5, buf, sizeof(buf));
	CHECK_STR(buf, "09:05");
	when_minute_hhmm(23 * 60 + 59, buf, 3);
	CHECK_STR(buf, "23");
	when_day_iso(&n, buf, 5);
	CHECK_STR(buf, "2027");
}

static void test_zone_spring_forward(void)
{
	struct when_day d;
	time_t t;
	struct when_local l;

	/* Europe/London: 2026-03-29 01:00 GMT jumps to 02:00 BST. */
	when_day_make(2026, 3, 28, &d);
	CHECK_INT(when_epoch_of("Europe/London", &d, 9 * 60, &t), 0);
	CHECK_INT(t, utc(2026, 3, 28, 9, 0));
	when_day_make(2026, 3, 29, &d);
	when_epoch_of("Europe/London", &d, 9 * 60, &t);
	CHECK_INT(t, utc(2026, 3, 29, 8, 0));
	/* 01:30 does not exist: the moment the clocks jumped. */
	when_epoch_of("Europe/London", &d, 90, &t);
	CHECK_INT(t, utc(2026, 3, 29, 1, 0));
	when_epoch_of("Europe/London", &d, 0, &t);
	CHECK_INT(t, utc(2026, 3, 29, 0, 0));
	CHECK_INT(when_local_of("Europe/London", utc(2026, 3, 29, 8, 0), &l),
		  0);
	CHECK_INT(l.day.mday, 29);
	CHECK_INT(l.minute, 9 * 60);
	/* Saturday 23:30 local: "tomorrow" is the short Sunday. */
	when_local_of("Europe/London", utc(2026, 3, 28, 23, 30), &l);
	CHECK_INT(l.minute, 23 * 60 + 30);
	struct when_req r;
	when_parse("tomorrow 10am", &l, &cat, &r);
	CHECK_INT(r.day.mday, 29);
	CHECK_INT(r.from_min, 600);
	when_epoch_of("Europe/London", &r.day, r.from_min, &t);
	CHECK_INT(t, utc(2026, 3, 29, 9, 0));
}

static void test_zone_fall_back(void)
{
	struct when_day d;
	time_t t;
	struct when_local l;

	/* 2026-10-25 02:00 BST falls back to 01:00 GMT: 01:30 happens twice. */
	when_day_make(2026, 10, 25, &d);
	when_epoch_of("Europe/London", &d, 90, &t);
	CHECK_INT(t, utc(2026, 10, 25, 0, 30));
	when_epoch_of("Europe/London", &d, 9 * 60, &t);
	CHECK_INT(t, utc(2026, 10, 25, 9, 0));
	when_day_make(2026, 10, 24, &d);
	when_epoch_of("Europe/London", &d, 9 * 60, &t);
	CHECK_INT(t, utc(2026, 10, 24, 8, 0));
	when_local_of("Europe/London", utc(2026, 10, 25, 1, 30), &l);
	CHECK_INT(l.minute, 90);
	when_local_of("Europe/London", utc(2026, 10, 25, 0, 30), &l);
	CHECK_INT(l.minute, 90);
	/* Another zone, and the caller's TZ is left as it was. */
	setenv("TZ", "UTC", 1);
	when_day_make(2026, 7, 1, &d);
	when_epoch_of("America/New_York", &d, 9 * 60, &t);
	CHECK_INT(t, utc(2026, 7, 1, 13, 0));
	CHECK_STR(getenv("TZ"), "UTC");
	CHECK_INT(when_epoch_of("", &d, 0, &t), -1);
}

static void test_slots(void)
{
	struct when_day d;
	int s[64];

	when_day_make(2026, 3, 25, &d); /* Wed */
	CHECK_INT(when_slots_of(&cat, &d, 30, s, 64), 18);
	CHECK_INT(s[0], 540);
	CHECK_INT(s[17], 1050);
	CHECK_INT(when_slots_of(&cat, &d, 45, s, 64), 12);
	CHECK_INT(s[11], 1035);
	CHECK_INT(when_slots_of(&cat, &d, 45, s, 3), 12);
	CHECK(when_is_slot(&cat, &d, 30, 570));
	CHECK(!when_is_slot(&cat, &d, 30, 555));
	CHECK(when_is_slot(&cat, &d, 30, 1050));
	CHECK(!when_is_slot(&cat, &d, 30, 1065));
	CHECK(!when_is_slot(&cat, &d, 30, 1080));
	CHECK(!when_is_slot(&cat, &d, 45, 1050));
	CHECK(!when_is_slot(&cat, &d, 45, 600)); /* 10:00: 09:45, 10:30 */
	/* policy.slot_minutes = 15: a 45-minute service on any quarter hour
	 * where it fits; a 10-minute one still back to back */
	cat.policy.slot_minutes = 15;
	CHECK_INT(when_slot_step(&cat, 45), 15);
	CHECK_INT(when_slot_step(&cat, 10), 10);
	CHECK_INT(when_slots_of(&cat, &d, 45, s, 64), 34);
	CHECK_INT(s[1], 555);
	CHECK_INT(s[33], 1035);
	CHECK(when_is_slot(&cat, &d, 45, 600));
	CHECK(!when_is_slot(&cat, &d, 45, 610));
	CHECK(!when_is_slot(&cat, &d, 45, 1050)); /* would end after 18:00 */
	CHECK(when_is_slot(&cat, &d, 10, 550));
	cat.policy.slot_minutes = 0;
	CHECK_INT(when_slots_of(&cat, &d, 45, s, 64), 12);
	when_day_make(2026, 3, 28, &d); /* Sat */
	CHECK_INT(when_slots_of(&cat, &d, 60, s, 64), 4);
	CHECK_INT(s[3], 720);
	when_day_make(2026, 3, 29, &d); /* Sun */
	CHECK_INT(when_slots_of(&cat, &d, 30, s, 64), 0);
	when_day_make(2026, 12, 25, &d); /* Fri, closed */
	CHECK(when_is_closed_day(&cat, &d));
	CHECK_INT(when_slots_of(&cat, &d, 30, s, 64), 0);
	when_day_make(2026, 12, 24, &d);
	CHECK(!when_is_closed_day(&cat, &d));
	CHECK_INT(when_slots_of(&cat, &d, 30, s, 64), 18);
}

struct pcase {
	const char *text;
	int y, m, d; /* expected day, 0 = none */
	enum when_time_kind kind;
	int from, to; /* minutes */
	enum when_problem problem;
};

/* now: Wed 2026-03-25 10:00 in London. */
static const struct pcase pcases[] = {
    {"tomorrow 10", 2026, 3, 26, WHEN_TIME_AT, 600, 600, WHEN_FINE},
    {"hi do u do haircuts tmrw about 10?", 2026, 3, 26, WHEN_TIME_AT, 600, 600,
     WHEN_FINE},
    {"BOOK trim sat 2pm", 2026, 3, 28, WHEN_TIME_AT, 840, 840, WHEN_FINE},
    {"sat 10am", 2026, 3, 28, WHEN_TIME_AT, 600, 600, WHEN_FINE},
    {"sat at 2", 2026, 3, 28, WHEN_TIME_AT, -1, -1, WHEN_AMBIGUOUS_TIME},
    {"fri 7", 2026, 3, 27, WHEN_TIME_AT, -1, -1, WHEN_AMBIGUOUS_TIME},
    {"friday at 1", 2026, 3, 27, WHEN_TIME_AT, 780, 780, WHEN_FINE},
    {"Friday @ 3:30", 2026, 3, 27, WHEN_TIME_AT, 930, 930, WHEN_FINE},
    {"fri 15:00", 2026, 3, 27, WHEN_TIME_AT, 900, 900, WHEN_FINE},
    {"wed 4pm", 2026, 3, 25, WHEN_TIME_AT, 960, 960, WHEN_FINE},
    {"next wed 4pm", 2026, 4, 1, WHEN_TIME_AT, 960, 960, WHEN_FINE},
    {"this thurs", 2026, 3, 26, WHEN_TIME_NONE, -1, -1, WHEN_FINE},
    {"monday", 2026, 3, 30, WHEN_TIME_NONE, -1, -1, WHEN_FINE},
    {"25/12", 2026, 12, 25, WHEN_TIME_NONE, -1, -1, WHEN_FINE},
    {"25.12", 2026, 12, 25, WHEN_TIME_NONE, -1, -1, WHEN_FINE},
    {"12-25", 2026, 12, 25, WHEN_TIME_NONE, -1, -1, WHEN_FINE},
    {"25th dec", 2026, 12, 25, WHEN_TIME_NONE, -1, -1, WHEN_FINE},
    {"24th of December at 11", 2026, 12, 24, WHEN_TIME_AT, 660, 660, WHEN_FINE},
    {"dec 25", 2026, 12, 25, WHEN_TIME_NONE, -1, -1, WHEN_FINE},
    {"3/2 at 10am", 2027, 2, 3, WHEN_TIME_AT, 600, 600, WHEN_FINE},
    {"1 april 2pm", 2026, 4, 1, WHEN_TIME_AT, 840, 840, WHEN_FINE},
    {"2026-04-02 14:30", 2026, 4, 2, WHEN_TIME_AT, 870, 870, WHEN_FINE},
    {"on the 30th", 2026, 3, 30, WHEN_TIME_NONE, -1, -1, WHEN_FINE},
    {"the 3rd", 2026, 4, 3, WHEN_TIME_NONE, -1, -1, WHEN_FINE},
    {"monday or tuesday at 3", 2026, 3, 31, WHEN_TIME_AT, 900, 900,
     WHEN_AMBIGUOUS_DATE},
    {"fri 27th march at 3pm", 2026, 3, 27, WHEN_TIME_AT, 900, 900, WHEN_FINE},
    {"wed 1 apr 2pm", 2026, 4, 1, WHEN_TIME_AT, 840, 840, WHEN_FINE},
    {"fri 1 apr 2pm", 2026, 4, 1, WHEN_TIME_AT, 840, 840, WHEN_AMBIGUOUS_DATE},
    {"tomorrow friday", 2026, 3, 26, WHEN_TIME_NONE, -1, -1,
     WHEN_AMBIGUOUS_DATE},
    {"05-06", 0, 0, 0, WHEN_TIME_NONE, -1, -1, WHEN_AMBIGUOUS_DATE},
    {"31/02", 0, 0, 0, WHEN_TIME_NONE, -1, -1, WHEN_BAD_DATE},
    {"10.30", 0, 0, 0, WHEN_TIME_AT, 630, 630, WHEN_FINE},
    {"at 10:30", 0, 0, 0, WHEN_TIME_AT, 630, 630, WHEN_FINE},
    {"tmrw half 10", 2026, 3, 26, WHEN_TIME_AT, 630, 630, WHEN_FINE},
    {"tomorrow quarter past 2", 2026, 3, 26, WHEN_TIME_AT, 855, 855, WHEN_FINE},
    {"tomorrow noon", 2026, 3, 26, WHEN_TIME_AT, 720, 720, WHEN_FINE},
    {"any space today after 4", 2026, 3, 25, WHEN_TIME_WINDOW, 960, 1440,
     WHEN_FINE},
    {"tomorrow before 2", 2026, 3, 26, WHEN_TIME_WINDOW, 0, 840, WHEN_FINE},
    {"tmrw morning", 2026, 3, 26, WHEN_TIME_WINDOW, 360, 720, WHEN_FINE},
    {"fri afternoon", 2026, 3, 27, WHEN_TIME_WINDOW, 720, 1020, WHEN_FINE},
    {"tonight", 2026, 3, 25, WHEN_TIME_WINDOW, 1020, 1440, WHEN_FINE},
    {"thu 2-4pm", 2026, 3, 26, WHEN_TIME_WINDOW, 840, 960, WHEN_FINE},
    {"thu between 2 and 4", 2026, 3, 26, WHEN_TIME_WINDOW, 840, 960, WHEN_FINE},
    {"asap", 0, 0, 0, WHEN_TIME_ASAP, -1, -1, WHEN_FINE},
    {"can I come in now", 0, 0, 0, WHEN_TIME_ASAP, -1, -1, WHEN_FINE},
    {"tomorrow at 2pm please, see you soon", 2026, 3, 26, WHEN_TIME_AT, 840,
     840, WHEN_FINE},
    {"soon as you can, tmrw 2pm", 2026, 3, 26, WHEN_TIME_AT, 840, 840,
     WHEN_FINE},
    {"asap tomorrow, 2pm if not", 2026, 3, 26, WHEN_TIME_ASAP, -1, -1,
     WHEN_FINE},
    {"earliest you have tomorrow", 2026, 3, 26, WHEN_TIME_ASAP, -1, -1,
     WHEN_FINE},
    {"today at 9", 2026, 3, 25, WHEN_TIME_AT, 540, 540, WHEN_PAST},
    {"1/1/2026", 2026, 1, 1, WHEN_TIME_NONE, -1, -1, WHEN_PAST},
    {"2moro 11ish", 2026, 3, 26, WHEN_TIME_AT, 660, 660, WHEN_FINE},
    {"can i book a haircut", 0, 0, 0, WHEN_TIME_NONE, -1, -1, WHEN_FINE},
    {"2", 0, 0, 0, WHEN_TIME_NONE, -1, -1, WHEN_FINE},
    {"cancel K7QX", 0, 0, 0, WHEN_TIME_NONE, -1, -1, WHEN_FINE},
    {"day after tomorrow 9.15am", 2026, 3, 27, WHEN_TIME_AT, 555, 555,
     WHEN_FINE},
    {"Mañana? no: tomorrow 16h30 😀", 2026, 3, 26, WHEN_TIME_AT, 990, 990,
     WHEN_FINE},
};

static void test_parse_table(void)
{
	struct when_local now = at(2026, 3, 25, 10, 0);
	for (size_t i = 0; i < sizeof(pcases) / sizeof(pcases[0]); i++) {
		const struct pcase *c = &pcases[i];
		struct when_req r;
		TEST_BEGIN("when_parse \"%s\"", c->text);
		when_parse(c->text, &now, &cat, &r);
		CHECK_INT(r.problem, c->problem);
		CHECK_INT(r.has_day, c->y != 0);
		if (c->y != 0) {
			CHECK_INT(r.day.year, c->y);
			CHECK_INT(r.day.month, c->m);
			CHECK_INT(r.day.mday, c->d);
		}
		CHECK_INT(r.time, c->kind);
		if (c->from != -1 || c->problem == WHEN_AMBIGUOUS_TIME) {
			CHECK_INT(r.from_min, c->from);
			CHECK_INT(r.to_min, c->to);
		}
		TEST_END();
	}
}

static void test_ambiguity(void)
{
	struct when_local now = at(2026, 3, 25, 10, 0);
	struct when_req r;

	/* Fri 7: neither 07:00 nor 19:00 is inside 09:00-18:00. */
	when_parse("fri 7", &now, &cat, &r);
	CHECK_INT(r.problem, WHEN_AMBIGUOUS_TIME);
	CHECK_INT(r.alt_min[0], 420);
	CHECK_INT(r.alt_min[1], 1140);
	/* Sat 2: Saturday closes at 13:00, so 14:00 does not settle it. */
	when_parse("sat at 2", &now, &cat, &r);
	CHECK_INT(r.problem, WHEN_AMBIGUOUS_TIME);
	/* Without hours every bare hour is a question. */
	when_parse("tomorrow at 10", &now, NULL, &r);
	CHECK_INT(r.problem, WHEN_AMBIGUOUS_TIME);
	when_parse("tomorrow at 10am", &now, NULL, &r);
	CHECK_INT(r.problem, WHEN_FINE);
	CHECK_INT(r.from_min, 600);
	/* On a closed day no reading is inside hours. */
	when_parse("25th of December at 11", &now, &cat, &r);
	CHECK_INT(r.problem, WHEN_AMBIGUOUS_TIME);
	CHECK_INT(r.day.mday, 25);
	/* 10.30 with no day: any open day's hours settle it. */
	when_parse("10.30", &now, &cat, &r);
	CHECK_INT(r.from_min, 630);
}

/* --now for serve, try and demo: one parser, strict, in the zone. */
static void test_parse_iso_local(void)
{
	int64_t t = 0;

	CHECK_INT(when_parse_iso_local("Europe/London", "2026-12-01T09:00", &t),
		  0);
	CHECK_INT(t, 1796115600); /* GMT in December */
	CHECK_INT(when_parse_iso_local("Europe/London", "2026-07-01T09:00", &t),
		  0);
	CHECK_INT(t, 1782892800); /* BST: 08:00 UTC */
	CHECK_INT(when_parse_iso_local("Europe/London", "2026-02-30T09:00", &t),
		  -1);
	CHECK_INT(when_parse_iso_local("Europe/London", "2026-12-01T24:00", &t),
		  -1);
	CHECK_INT(
	    when_parse_iso_local("Europe/London", "2026-12-01T09:00x", &t), -1);
	CHECK_INT(when_parse_iso_local("Europe/London", "tomorrow", &t), -1);
}

/* The business's country says which way "12/1" is written. */
static void test_month_first(void)
{
	struct when_local now = at(2026, 11, 30, 10, 0);
	struct catalog us = cat;
	struct when_req r;

	snprintf(us.country, sizeof(us.country), "US");
	when_parse("12/1", &now, &us, &r);
	CHECK_INT(r.day.month, 12);
	CHECK_INT(r.day.mday, 1);
	when_parse("12/25", &now, &us, &r);
	CHECK_INT(r.day.mday, 25);
	when_parse("25/12", &now, &us, &r); /* fits one way only */
	CHECK_INT(r.day.mday, 25);
	when_parse("12/1", &now, &cat, &r);
	CHECK_INT(r.day.month, 1);
	CHECK_INT(r.day.mday, 12);
}

/* try --explain's line: what was read, from which words. */
static void test_describe(void)
{
	struct when_local now = at(2026, 11, 30, 10, 0);
	struct when_req r;
	char buf[256];
	const char *t = "a trim the thursday after next in the evening";

	when_parse(t, &now, &cat, &r);
	when_describe(t, &r, buf, sizeof(buf));
	CHECK_STR(buf, "day Thu 10 Dec 2026 (the thursday after next), time "
		       "window 17:00-21:00 (in the evening)");
	t = "haircut yesterday 4pm";
	when_parse(t, &now, &cat, &r);
	when_describe(t, &r, buf, sizeof(buf));
	CHECK_STR(buf, "day Sun 29 Nov 2026 (yesterday), time 16:00 (4pm), "
		       "already passed");
	t = "this weekend asap";
	when_parse(t, &now, &cat, &r);
	when_describe(t, &r, buf, sizeof(buf));
	CHECK_STR(buf, "days Sat 5 Dec - Sun 6 Dec (this weekend), time "
		       "earliest (asap)");
	t = "smurf day at 7";
	when_parse(t, &now, &cat, &r);
	when_describe(t, &r, buf, sizeof(buf));
	CHECK_STR(buf, "no day, time 07:00 or 19:00 (at 7), ambiguous time, "
		       "unsure: ask");
	when_parse("haircut please", &now, &cat, &r);
	when_describe(NULL, &r, buf, sizeof(buf));
	CHECK_STR(buf, "no day, no time");
	/* Without the text, the rule names what was read. */
	when_parse("in 5 days", &now, &cat, &r);
	when_describe(NULL, &r, buf, sizeof(buf));
	CHECK_STR(buf, "day Sat 5 Dec 2026 (in N days), no time");
	when_describe(NULL, &r, buf, 8);
	CHECK_STR(buf, "day Sat");
}

int main(void)
{
	RUN(test_parse_iso_local);
	RUN(test_civil_days);
	RUN(test_zone_spring_forward);
	RUN(test_zone_fall_back);
	RUN(test_slots);
	test_parse_table();
	RUN(test_ambiguity);
	RUN(test_describe);
	RUN(test_month_first);
	return h_done();
}
