/*
 * civil: calendar arithmetic and local time <-> UTC for the whole program.
 *
 * Days are proleptic Gregorian "day numbers" (days since 1970-01-01, may be
 * negative); weekdays count from Monday = 0 as everywhere in smsdesk. A time
 * zone is an immutable object read once from the system's tz database: a
 * TZif file (RFC 8536, versions 1 to 4) with the POSIX TZ string of its
 * footer, which rules every instant after the file's last transition. A
 * zone can also be built from a POSIX TZ string alone ("GMT0BST,M3.5.0/1,
 * M10.5.0"), which tests use.
 *
 * Why a zone object and not TZ: the C library knows one zone per process,
 * through the TZ environment variable. Switching it around each call (what
 * when.c used to do) costs a tzset() per call, changes process-wide state
 * under everyone's feet and cannot hold two zones at once. Setting TZ once
 * per process would be cheap, but ties every log line and test to the
 * business's zone and breaks the day a reload changes the zone while the old
 * catalog is still answering. A zone object is plain data: the catalog loads
 * it with the zone name, a reload builds a new one next to the old, tests
 * hold several zones side by side, and every conversion is a pure function
 * of (zone, instant). The cost is this file: a TZif reader and a POSIX TZ
 * rule evaluator, checked against glibc in tests/unit/test_civil.c.
 *
 * Gaps and overlaps: a local time that does not exist (clocks spring
 * forward) maps to the instant the clocks jumped; a local time that exists
 * twice (clocks fall back) maps to its first occurrence.
 *
 * Must never: read the clock, read or set TZ, call the C library's local time
 * functions, or allocate outside civil_zone_load/civil_zone_from_* (whose
 * result the caller frees with civil_zone_free). Leap-second ("right/")
 * zones are refused.
 */
#ifndef SMSDESK_CIVIL_H
#define SMSDESK_CIVIL_H

#include <stddef.h>
#include <stdint.h>

/* ---- calendar ------------------------------------------------------------ */

/* Day number of YEAR-MONTH-MDAY (not checked; MDAY may overflow). */
int64_t civil_days(int year, int month, int mday);
/* The date of day number DAYS. */
void civil_from_days(int64_t days, int *year, int *month, int *mday);
/* Weekday of day number DAYS: 0 Monday ... 6 Sunday. */
int civil_weekday(int64_t days);
int civil_is_leap(int year);
/* Days in MONTH of YEAR (28..31), 0 for a month outside 1..12. */
int civil_month_days(int year, int month);
/* 1 when YEAR-MONTH-MDAY is a real date. */
int civil_valid(int year, int month, int mday);
/* Gregorian Easter Sunday of YEAR (the anonymous "Meeus/Jones/Butcher"
 * computus), as a day number. */
int64_t civil_easter(int year);
/*
 * The Nth WDAY (0 Monday) of MONTH as a day number: N 1..5 counts from the
 * start of the month, N -1 is the last. Returns INT64_MIN when the month has
 * no such day (a fifth Monday).
 */
int64_t civil_nth_weekday(int year, int month, int n, int wday);

/* ---- zones --------------------------------------------------------------- */

struct civil_zone;

/* A broken-down local time. */
struct civil_time {
	int year, month, mday;
	int wday; /* 0 Monday ... 6 Sunday */
	int hour, minute, second;
	int64_t days; /* day number of the local date */
	int utoff;    /* seconds east of UTC */
	int isdst;
	const char *abbr; /* "GMT", "BST"; owned by the zone */
};

/*
 * Read zone NAME (an IANA name such as "Europe/London") from $TZDIR or
 * /usr/share/zoneinfo. Returns a zone the caller frees with civil_zone_free,
 * or NULL with a reason in err (cap bytes) when the name is unsafe, the file
 * is missing or is not a valid TZif file.
 */
struct civil_zone *civil_zone_load(const char *name, char *err, size_t cap);
/* The same from TZif bytes in memory (for tests and fuzzing). */
struct civil_zone *civil_zone_from_tzif(const char *name,
					const unsigned char *data, size_t len,
					char *err, size_t cap);
/* A zone from a POSIX TZ string alone, e.g. "EST5EDT,M3.2.0,M11.1.0". */
struct civil_zone *civil_zone_from_posix(const char *spec, char *err,
					 size_t cap);
void civil_zone_free(struct civil_zone *z);
/* UTC, never freed. */
const struct civil_zone *civil_zone_utc(void);
/* The name the zone was loaded with. */
const char *civil_zone_name(const struct civil_zone *z);

/* Seconds east of UTC in effect at instant T (Unix seconds). */
int civil_zone_offset(const struct civil_zone *z, int64_t t);
/* Local civil time of instant T. */
void civil_zone_local(const struct civil_zone *z, int64_t t,
		      struct civil_time *out);
/*
 * The instant of local day DAYS (a day number) at SECOND seconds after local
 * midnight (may be negative or past 86400: it carries into other days).
 */
int64_t civil_zone_epoch(const struct civil_zone *z, int64_t days,
			 int64_t second);

#endif
