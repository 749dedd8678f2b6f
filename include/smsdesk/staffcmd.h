/*
 * staffcmd: what the staff's read-only subcommands (bookings, report) share:
 * loading the catalog with its problems printed as FILE:LINE, opening the
 * existing database, and turning calendar days in the business's time zone
 * into UTC ranges.
 *
 * For short-lived subcommands only: it prints to stderr and remembers the
 * business's zone for the day arithmetic below (a zone object, civil.h; TZ
 * is never touched). The daemon must never use it. It
 * never creates a database: a missing file is an error, since a read-only
 * command that made an empty one would hide a wrong path.
 */
#ifndef SMSDESK_STAFFCMD_H
#define SMSDESK_STAFFCMD_H

#include <stddef.h>
#include <stdint.h>

struct catalog;
struct store;

/* A calendar day. */
struct staff_day {
	int year, month, mday;
};

/*
 * Load the catalog at path (as cli_config_path gives it). On failure print
 * every error as "FILE:LINE: message" plus a one-line summary prefixed with
 * "smsdesk CMD:" and return NULL. Free with catalog_free.
 */
struct catalog *staffcmd_catalog(const char *cmd, const char *path);

/*
 * Open the existing database: db_path when non-NULL, else the catalog's.
 * Prints why and returns NULL when the file is missing or unusable. Close
 * with store_close.
 */
struct store *staffcmd_store(const char *cmd, const struct catalog *cat,
			     const char *db_path);

/* Parse a strict YYYY-MM-DD that names a real day; 0 on success. */
int staffcmd_parse_day(const char *s, struct staff_day *out);

/* Use zone tz (IANA name) for the calls below; 0 on success. */
int staffcmd_use_zone(const char *tz);

/* Today in the zone set by staffcmd_use_zone, at UTC time now. */
struct staff_day staffcmd_today(int64_t now);

/* [start of day, start of the next day) in UTC, DST days included. */
void staffcmd_day_range(const struct staff_day *day, int64_t *from,
			int64_t *to);

/* "Wed 25 Nov 2026" for day. */
void staffcmd_day_human(const struct staff_day *day, char *out, size_t cap);

/* Instant t as local "HH:MM", or "YYYY-MM-DD HH:MM" WITH_DAY. */
void staffcmd_local(int64_t t, char *out, size_t cap, int with_day);

#endif
