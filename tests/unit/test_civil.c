/*
 * civil: calendar arithmetic, and zones read from TZif files checked against
 * glibc's localtime over years of hourly instants, with the gaps and
 * overlaps of daylight saving in zones that shift by an hour, by half an
 * hour (Lord Howe), in the south (Sydney), backwards (Dublin), and not at
 * all (Tokyo).
 */
#include "harness.h"

#include "smsdesk/civil.h"

#include <time.h>

static int64_t utc(int y, int m, int d, int hh, int mm)
{
	return civil_days(y, m, d) * 86400 + hh * 3600 + mm * 60;
}

static void test_days(void)
{
	int y, m, d;

	CHECK_INT(civil_days(1970, 1, 1), 0);
	CHECK_INT(civil_days(2000, 3, 1), 11017);
	CHECK_INT(civil_days(1969, 12, 31), -1);
	CHECK_INT(civil_weekday(civil_days(2026, 11, 30)), 0); /* Monday */
	CHECK_INT(civil_weekday(civil_days(1969, 12, 28)), 6); /* Sunday */
	civil_from_days(-1, &y, &m, &d);
	CHECK_INT(y * 10000 + m * 100 + d, 19691231);
	/* Every day from 1900 to 2100 goes there and back, and weekdays
	 * step by one. */
	int ok = 1;
	int64_t from = civil_days(1900, 1, 1), to = civil_days(2100, 12, 31);
	for (int64_t z = from; z <= to; z++) {
		civil_from_days(z, &y, &m, &d);
		ok &= civil_valid(y, m, d) && civil_days(y, m, d) == z &&
		      civil_weekday(z + 1) == (civil_weekday(z) + 1) % 7;
	}
	CHECK(ok);
	CHECK(civil_valid(2028, 2, 29));
	CHECK(!civil_valid(2026, 2, 29));
	CHECK(!civil_valid(1900, 2, 29));
	CHECK(civil_valid(2000, 2, 29));
	CHECK(!civil_valid(2026, 4, 31));
	CHECK(!civil_valid(2026, 13, 1));
	CHECK(!civil_valid(2026, 0, 1));
	CHECK_INT(civil_month_days(2026, 2), 28);
}

static void test_easter(void)
{
	/* Dates from the published tables (and python-dateutil's easter). */
	static const int v[][3] = {
	    {1818, 3, 22}, {2000, 4, 23}, {2019, 4, 21}, {2024, 3, 31},
	    {2025, 4, 20}, {2026, 4, 5},  {2027, 3, 28}, {2028, 4, 16},
	    {2029, 4, 1},  {2030, 4, 21}, {2038, 4, 25}, {2285, 3, 22},
	};
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		TEST_BEGIN("easter %d", v[i][0]);
		CHECK_INT(civil_easter(v[i][0]),
			  civil_days(v[i][0], v[i][1], v[i][2]));
		CHECK_INT(civil_weekday(civil_easter(v[i][0])), 6);
		TEST_END();
	}
}

static void test_nth_weekday(void)
{
	/* US Thanksgiving 2026: 4th Thursday of November. */
	CHECK_INT(civil_nth_weekday(2026, 11, 4, 3), civil_days(2026, 11, 26));
	/* UK spring bank holiday 2026: last Monday of May. */
	CHECK_INT(civil_nth_weekday(2026, 5, -1, 0), civil_days(2026, 5, 25));
	CHECK_INT(civil_nth_weekday(2026, 8, -1, 0), civil_days(2026, 8, 31));
	CHECK_INT(civil_nth_weekday(2026, 5, 1, 0), civil_days(2026, 5, 4));
	/* March 2026 starts on a Sunday: five Sundays, four Wednesdays. */
	CHECK_INT(civil_nth_weekday(2026, 3, 5, 6), civil_days(2026, 3, 29));
	CHECK_INT(civil_nth_weekday(2026, 3, 5, 2), INT64_MIN);
	CHECK_INT(civil_nth_weekday(2026, 13, 1, 0), INT64_MIN);
	CHECK_INT(civil_nth_weekday(2026, 3, 0, 0), INT64_MIN);
}

static struct civil_zone *load(const char *name)
{
	char err[256] = "";
	struct civil_zone *z = civil_zone_load(name, err, sizeof(err));
	if (z == NULL)
		printf("  load %s: %s\n", name, err);
	return z;
}

/* Local YYYYMMDDhhmm of instant t in z. */
static long long stamp(const struct civil_zone *z, int64_t t)
{
	struct civil_time c;
	civil_zone_local(z, t, &c);
	return c.year * 100000000LL + c.month * 1000000LL + c.mday * 10000LL +
	       c.hour * 100 + c.minute;
}

static void test_london(void)
{
	struct civil_zone *z = load("Europe/London");
	CHECK(z != NULL);
	if (z == NULL)
		return;
	CHECK_STR(civil_zone_name(z), "Europe/London");
	/* 2026-03-29 01:00 GMT the clocks go to 02:00 BST. */
	CHECK_INT(stamp(z, utc(2026, 3, 29, 0, 59)), 202603290059LL);
	CHECK_INT(stamp(z, utc(2026, 3, 29, 1, 0)), 202603290200LL);
	int64_t d = civil_days(2026, 3, 29);
	CHECK_INT(civil_zone_epoch(z, d, 90 * 60), utc(2026, 3, 29, 1, 0));
	CHECK_INT(civil_zone_epoch(z, d, 9 * 3600), utc(2026, 3, 29, 8, 0));
	CHECK_INT(civil_zone_epoch(z, d, 0), utc(2026, 3, 29, 0, 0));
	/* 2026-10-25 02:00 BST back to 01:00 GMT: 01:30 happens twice. */
	d = civil_days(2026, 10, 25);
	CHECK_INT(civil_zone_epoch(z, d, 90 * 60), utc(2026, 10, 25, 0, 30));
	CHECK_INT(stamp(z, utc(2026, 10, 25, 0, 30)), 202610250130LL);
	CHECK_INT(stamp(z, utc(2026, 10, 25, 1, 30)), 202610250130LL);
	CHECK_INT(civil_zone_epoch(z, d, 9 * 3600), utc(2026, 10, 25, 9, 0));
	/* A second past midnight carries into the next day. */
	CHECK_INT(civil_zone_epoch(z, d - 1, 24 * 3600 + 9 * 3600),
		  utc(2026, 10, 25, 9, 0));
	struct civil_time c;
	civil_zone_local(z, utc(2026, 7, 1, 12, 0), &c);
	CHECK_STR(c.abbr, "BST");
	CHECK_INT(c.isdst, 1);
	CHECK_INT(c.utoff, 3600);
	CHECK_INT(c.wday, 2);
	civil_zone_local(z, utc(2026, 12, 1, 12, 0), &c);
	CHECK_STR(c.abbr, "GMT");
	/* Past the table's end (2037) the footer rule rules. */
	CHECK_INT(stamp(z, utc(2090, 3, 26, 1, 0)), 209003260200LL);
	CHECK_INT(civil_zone_offset(z, utc(2090, 7, 1, 0, 0)), 3600);
	CHECK_INT(civil_zone_offset(z, utc(2090, 12, 1, 0, 0)), 0);
	/* Before the table's start: local mean time, type 0. */
	CHECK_INT(civil_zone_offset(z, -5000000000LL), -75);
	civil_zone_free(z);
}

static void test_new_york(void)
{
	struct civil_zone *z = load("America/New_York");
	CHECK(z != NULL);
	if (z == NULL)
		return;
	/* 2026-03-08 02:00 EST -> 03:00 EDT; 2026-11-01 02:00 EDT -> 01:00. */
	int64_t d = civil_days(2026, 3, 8);
	CHECK_INT(civil_zone_epoch(z, d, 150 * 60), utc(2026, 3, 8, 7, 0));
	CHECK_INT(civil_zone_epoch(z, d, 180 * 60), utc(2026, 3, 8, 7, 0));
	CHECK_INT(civil_zone_epoch(z, d, 60 * 60), utc(2026, 3, 8, 6, 0));
	d = civil_days(2026, 11, 1);
	CHECK_INT(civil_zone_epoch(z, d, 90 * 60), utc(2026, 11, 1, 5, 30));
	CHECK_INT(stamp(z, utc(2026, 11, 1, 6, 30)), 202611010130LL);
	CHECK_INT(civil_zone_epoch(z, civil_days(2026, 7, 1), 9 * 3600),
		  utc(2026, 7, 1, 13, 0));
	civil_zone_free(z);
}

static void test_lord_howe(void)
{
	struct civil_zone *z = load("Australia/Lord_Howe");
	CHECK(z != NULL);
	if (z == NULL)
		return;
	/* +10:30 standard, +11 in summer: 2026-10-04 02:00 -> 02:30, and
	 * 2026-04-05 02:00 -> 01:30 (half-hour shifts, southern summer). */
	int64_t d = civil_days(2026, 10, 4);
	CHECK_INT(civil_zone_epoch(z, d, 2 * 3600 + 15 * 60),
		  utc(2026, 10, 3, 15, 30));
	CHECK_INT(civil_zone_epoch(z, d, 2 * 3600 + 30 * 60),
		  utc(2026, 10, 3, 15, 30));
	CHECK_INT(stamp(z, utc(2026, 10, 3, 15, 29)), 202610040159LL);
	CHECK_INT(stamp(z, utc(2026, 10, 3, 15, 30)), 202610040230LL);
	d = civil_days(2026, 4, 5);
	/* 01:45 happens at 14:45 UTC (summer) and 15:15 UTC (standard). */
	CHECK_INT(civil_zone_epoch(z, d, 105 * 60), utc(2026, 4, 4, 14, 45));
	CHECK_INT(stamp(z, utc(2026, 4, 4, 15, 15)), 202604050145LL);
	CHECK_INT(civil_zone_offset(z, utc(2027, 1, 1, 0, 0)), 11 * 3600);
	CHECK_INT(civil_zone_offset(z, utc(2026, 7, 1, 0, 0)), 37800);
	civil_zone_free(z);
}

static void test_posix_rules(void)
{
	char err[128];
	struct civil_zone *z =
	    civil_zone_from_posix("GMT0BST,M3.5.0/1,M10.5.0", err, sizeof(err));
	CHECK(z != NULL);
	if (z != NULL) {
		CHECK_INT(stamp(z, utc(2026, 3, 29, 1, 0)), 202603290200LL);
		CHECK_INT(civil_zone_offset(z, utc(2026, 10, 25, 0, 59)), 3600);
		CHECK_INT(civil_zone_offset(z, utc(2026, 10, 25, 1, 0)), 0);
		civil_zone_free(z);
	}
	/* Dublin's negative daylight saving: winter is the "dst" period. */
	z = civil_zone_from_posix("IST-1GMT0,M10.5.0,M3.5.0/1", err,
				  sizeof(err));
	CHECK(z != NULL);
	if (z != NULL) {
		CHECK_INT(civil_zone_offset(z, utc(2026, 7, 1, 0, 0)), 3600);
		CHECK_INT(civil_zone_offset(z, utc(2026, 12, 1, 0, 0)), 0);
		civil_zone_free(z);
	}
	/* RFC 8536 3.3.1's all-year daylight saving example. */
	z = civil_zone_from_posix("EST5EDT,0/0,J365/25", err, sizeof(err));
	CHECK(z != NULL);
	if (z != NULL) {
		CHECK_INT(civil_zone_offset(z, utc(2026, 1, 1, 5, 0)), -14400);
		CHECK_INT(civil_zone_offset(z, utc(2026, 7, 1, 0, 0)), -14400);
		CHECK_INT(civil_zone_offset(z, utc(2026, 12, 31, 23, 0)),
			  -14400);
		civil_zone_free(z);
	}
	/* Quoted names, minutes, no daylight saving. */
	z = civil_zone_from_posix("<+0530>-5:30", err, sizeof(err));
	CHECK(z != NULL);
	if (z != NULL) {
		CHECK_INT(civil_zone_offset(z, 0), 19800);
		struct civil_time c;
		civil_zone_local(z, 0, &c);
		CHECK_STR(c.abbr, "+0530");
		civil_zone_free(z);
	}
	static const char *const bad[] = {
	    "",
	    "GM0",
	    "GMT",
	    "GMT0BST,M3.5.0",
	    "<>0",
	    "GMT0BST,M13.1.0,M10.5.0",
	    "GMT0BST,M3.6.0,M10.5.0",
	    "GMT25",
	    "GMT0BST,J0,J365",
	    "GMT0BST,M3.5.0/200,M10.5.0",
	    "GMT0x",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		TEST_BEGIN("posix refuses \"%s\"", bad[i]);
		z = civil_zone_from_posix(bad[i], err, sizeof(err));
		CHECK(z == NULL);
		civil_zone_free(z);
		TEST_END();
	}
	CHECK_INT(civil_zone_offset(civil_zone_utc(), utc(2026, 7, 1, 0, 0)),
		  0);
}

static void test_load_refuses(void)
{
	char err[256];
	static const char *const bad[] = {
	    "",
	    "/etc/passwd",
	    "../../etc/passwd",
	    "Europe/../../../etc/passwd",
	    "Europe//London",
	    "Nowhere/City",
	    "Europe",
	    "right/../Europe/London",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		TEST_BEGIN("load refuses \"%s\"", bad[i]);
		err[0] = '\0';
		struct civil_zone *z =
		    civil_zone_load(bad[i], err, sizeof(err));
		CHECK(z == NULL);
		CHECK(err[0] != '\0');
		civil_zone_free(z);
		TEST_END();
	}
	/* Cut TZif data is refused at every length, never read past. */
	FILE *f = fopen("/usr/share/zoneinfo/Europe/London", "rb");
	unsigned char buf[8192];
	size_t n = f != NULL ? fread(buf, 1, sizeof(buf), f) : 0;
	if (f != NULL)
		fclose(f);
	TEST_BEGIN("TZif cut short");
	int refused = 0, total = 0;
	for (size_t len = 0; len + 1 < n; len += 7) {
		unsigned char *copy = malloc(len + 1);
		memcpy(copy, buf, len);
		struct civil_zone *z =
		    civil_zone_from_tzif("x", copy, len, err, sizeof(err));
		refused += z == NULL;
		total++;
		civil_zone_free(z);
		free(copy);
	}
	/* Only a cut inside the footer's zone string can still load (as a
	 * version 1 read), so nearly all lengths are refused. */
	CHECK(n > 1000);
	CHECK(refused >= total - 1);
	TEST_END();
}

/*
 * Agreement with glibc: every hour from 2020 to 2031 and from 2036 to 2040
 * (past the 2037 end of the "fat" tables, where the footer rules) gives the
 * same local time, offset and abbreviation as localtime_r. TZ is set once per
 * zone, here in the test only. Zones given as POSIX strings exercise the rule
 * code alone (glibc reads such a TZ directly).
 */
static void test_agrees_with_glibc(void)
{
	static const char *const zones[] = {
	    "GMT0BST,M3.5.0/1,M10.5.0",
	    "<+1030>-10:30<+11>-11,M10.1.0,M4.1.0",
	    "AEST-10AEDT,M10.1.0,M4.1.0/3",
	    "IST-1GMT0,M10.5.0,M3.5.0/1",
	    "<-03>3<-02>,M3.5.0/-2,M10.5.0/-1",
	    "EST5EDT,M3.2.0,M11.1.0",
	    "<+1245>-12:45<+1345>,M9.5.0/2:45,M4.1.0/3:45",
	    "NST3:30NDT,M3.2.0,M11.1.0",
	    "<-04>4<-03>,M9.1.6/24,M4.1.6/24",
	    "CET-1CEST,J60/2,J300/3",
	    "XXX-2YYY,59/2,299/3",
	    "Europe/London",
	    "America/New_York",
	    "Australia/Lord_Howe",
	    "Australia/Sydney",
	    "Asia/Tokyo",
	    "Europe/Dublin",
	    "America/Sao_Paulo",
	    "Pacific/Chatham",
	    "America/St_Johns",
	    "Asia/Kolkata",
	    "Africa/Casablanca",
	    "UTC",
	    "America/Santiago",
	    "Pacific/Apia",
	    "Europe/Istanbul",
	};
	for (size_t k = 0; k < sizeof(zones) / sizeof(zones[0]); k++) {
		TEST_BEGIN("agrees with glibc in %s", zones[k]);
		char err[128];
		struct civil_zone *z =
		    strchr(zones[k], ',') != NULL
			? civil_zone_from_posix(zones[k], err, sizeof(err))
			: load(zones[k]);
		CHECK(z != NULL);
		if (z == NULL) {
			TEST_END();
			continue;
		}
		setenv("TZ", zones[k], 1);
		tzset();
		int bad = 0;
		long checked = 0;
		for (int pass = 0; pass < 2; pass++) {
			int64_t from = pass == 0 ? utc(2020, 1, 1, 0, 0)
						 : utc(2036, 1, 1, 0, 0);
			int64_t to = pass == 0 ? utc(2031, 1, 1, 0, 0)
					       : utc(2040, 1, 1, 0, 0);
			int64_t step = 3600;
			for (int64_t t = from; t < to; t += step) {
				time_t tt = (time_t)t;
				struct tm tm;
				struct civil_time c;
				localtime_r(&tt, &tm);
				civil_zone_local(z, t, &c);
				checked++;
				if (c.year != tm.tm_year + 1900 ||
				    c.month != tm.tm_mon + 1 ||
				    c.mday != tm.tm_mday ||
				    c.hour != tm.tm_hour ||
				    c.minute != tm.tm_min ||
				    c.wday != (tm.tm_wday + 6) % 7 ||
				    c.utoff != tm.tm_gmtoff ||
				    c.isdst != tm.tm_isdst ||
				    strcmp(c.abbr, tm.tm_zone) != 0) {
					if (bad++ < 3)
						printf(
						    "  %s at %lld: %04d-%02d-"
						    "%02d %02d:%02d %s, glibc "
						    "%02d:%02d %s\n",
						    zones[k], (long long)t,
						    c.year, c.month, c.mday,
						    c.hour, c.minute, c.abbr,
						    tm.tm_hour, tm.tm_min,
						    tm.tm_zone);
				}
				/* And back: local -> instant finds t, or its
				 * earlier twin in an overlap. */
				int64_t back = civil_zone_epoch(
				    z, c.days,
				    c.hour * 3600 + c.minute * 60 + c.second);
				if (back != t &&
				    stamp(z, back) != stamp(z, t)) {
					if (bad++ < 3)
						printf("  %s: %lld back to "
						       "%lld\n",
						       zones[k], (long long)t,
						       (long long)back);
				}
			}
		}
		CHECK_INT(bad, 0);
		CHECK(checked > 90000);
		unsetenv("TZ");
		tzset();
		civil_zone_free(z);
		TEST_END();
	}
}

/* civil_zone_epoch agrees with glibc's mktime for times that exist once. */
static void test_epoch_agrees_with_mktime(void)
{
	static const char *const zones[] = {"Europe/London", "America/New_York",
					    "Australia/Lord_Howe"};
	for (size_t k = 0; k < sizeof(zones) / sizeof(zones[0]); k++) {
		TEST_BEGIN("epoch agrees with mktime in %s", zones[k]);
		struct civil_zone *z = load(zones[k]);
		CHECK(z != NULL);
		if (z == NULL) {
			TEST_END();
			continue;
		}
		setenv("TZ", zones[k], 1);
		tzset();
		int bad = 0;
		for (int64_t d = civil_days(2024, 1, 1);
		     d < civil_days(2028, 1, 1); d++) {
			for (int minute = 0; minute < 1440; minute += 45) {
				int y, m, md;
				civil_from_days(d, &y, &m, &md);
				int64_t mine =
				    civil_zone_epoch(z, d, minute * 60);
				/* Only where the local time is unique: it
				 * comes back unchanged and an hour either
				 * side reads differently. */
				struct civil_time c;
				civil_zone_local(z, mine, &c);
				if (c.hour * 60 + c.minute != minute)
					continue; /* in a gap */
				if (stamp(z, mine + 3600) ==
					stamp(z, mine) + 100 &&
				    stamp(z, mine - 3600) ==
					stamp(z, mine) - 100) {
					struct tm tm = {0};
					tm.tm_year = y - 1900;
					tm.tm_mon = m - 1;
					tm.tm_mday = md;
					tm.tm_hour = minute / 60;
					tm.tm_min = minute % 60;
					tm.tm_isdst = -1;
					if ((int64_t)mktime(&tm) != mine &&
					    bad++ < 3)
						printf("  %s %d-%d-%d %d: %lld "
						       "vs %lld\n",
						       zones[k], y, m, md,
						       minute, (long long)mine,
						       (long long)mktime(&tm));
				}
			}
		}
		CHECK_INT(bad, 0);
		unsetenv("TZ");
		tzset();
		civil_zone_free(z);
		TEST_END();
	}
}

int main(void)
{
	RUN(test_days);
	test_easter();
	RUN(test_nth_weekday);
	RUN(test_london);
	RUN(test_new_york);
	RUN(test_lord_howe);
	test_posix_rules();
	test_load_refuses();
	test_agrees_with_glibc();
	test_epoch_agrees_with_mktime();
	return h_done();
}
