/*
 * staffcmd: shared plumbing of the staff's read-only subcommands. See
 * include/smsdesk/staffcmd.h.
 */
#include "smsdesk/staffcmd.h"

#include "smsdesk/catalog.h"
#include "smsdesk/civil.h"
#include "smsdesk/store.h"
#include "smsdesk/when.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

struct catalog *staffcmd_catalog(const char *cmd, const char *path)
{
	struct cat_diags diags = {0};
	struct catalog *cat = catalog_load(path, &diags);
	char line[600];

	if (cat == NULL) {
		for (size_t i = 0; i < diags.n; i++) {
			catalog_diag_format(path, &diags.v[i], line,
					    sizeof(line));
			fprintf(stderr, "%s\n", line);
		}
		fprintf(stderr,
			"smsdesk %s: cannot use the catalog %s (%zu "
			"error%s); 'smsdesk check -c %s' lists them\n",
			cmd, path, diags.n_errors,
			diags.n_errors == 1 ? "" : "s", path);
	}
	catalog_diags_free(&diags);
	return cat;
}

struct store *staffcmd_store(const char *cmd, const struct catalog *cat,
			     const char *db_path)
{
	const char *path = db_path != NULL ? db_path : cat->database;
	struct store *st;
	struct stat sb;
	char err[512];

	if (stat(path, &sb) != 0) {
		fprintf(stderr,
			"smsdesk %s: no database at %s: %s\n"
			"smsdesk %s: the desk creates it when it first runs; "
			"check --db or 'database' in %s\n",
			cmd, path, strerror(errno), cmd, cat->path);
		return NULL;
	}
	if (!S_ISREG(sb.st_mode)) {
		fprintf(stderr, "smsdesk %s: %s is not a database file\n", cmd,
			path);
		return NULL;
	}
	st = store_open(path, 0, err, sizeof(err));
	if (st == NULL)
		fprintf(stderr, "smsdesk %s: %s\n", cmd, err);
	else
		store_set_places(st, cat->capacity);
	return st;
}

static int days_in_month(int year, int month)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30,
				     31, 31, 30, 31, 30, 31};
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return month == 2 && leap ? 29 : days[month - 1];
}

int staffcmd_parse_day(const char *s, struct staff_day *out)
{
	int v[3] = {0, 0, 0};
	const int widths[3] = {4, 2, 2};
	const char *p = s;

	for (int f = 0; f < 3; f++) {
		for (int i = 0; i < widths[f]; i++, p++) {
			if (*p < '0' || *p > '9')
				return -1;
			v[f] = v[f] * 10 + (*p - '0');
		}
		if (f < 2 && *p++ != '-')
			return -1;
	}
	if (*p != '\0' || v[0] < 1970 || v[1] < 1 || v[1] > 12 || v[2] < 1 ||
	    v[2] > days_in_month(v[0], v[1]))
		return -1;
	out->year = v[0];
	out->month = v[1];
	out->mday = v[2];
	return 0;
}

/* The zone set by staffcmd_use_zone (a short-lived command has one). */
static const struct civil_zone *zone;

int staffcmd_use_zone(const char *tz)
{
	zone = when_zone_named(tz);
	return zone != NULL ? 0 : -1;
}

static const struct civil_zone *cur_zone(void)
{
	return zone != NULL ? zone : civil_zone_utc();
}

struct staff_day staffcmd_today(int64_t now)
{
	struct staff_day day;
	struct civil_time c;

	civil_zone_local(cur_zone(), now, &c);
	day.year = c.year;
	day.month = c.month;
	day.mday = c.mday;
	return day;
}

/* Local midnight starting day + add days, DST change days included. */
static int64_t local_midnight(const struct staff_day *day, int add)
{
	return civil_zone_epoch(
	    cur_zone(), civil_days(day->year, day->month, day->mday) + add, 0);
}

void staffcmd_day_range(const struct staff_day *day, int64_t *from, int64_t *to)
{
	*from = local_midnight(day, 0);
	*to = local_midnight(day, 1);
}

void staffcmd_day_human(const struct staff_day *day, char *out, size_t cap)
{
	static const char *const wd[7] = {"Mon", "Tue", "Wed", "Thu",
					  "Fri", "Sat", "Sun"};
	static const char *const mon[12] = {"Jan", "Feb", "Mar", "Apr",
					    "May", "Jun", "Jul", "Aug",
					    "Sep", "Oct", "Nov", "Dec"};
	int64_t z = civil_days(day->year, day->month, day->mday);

	snprintf(out, cap, "%s %d %s %d", wd[civil_weekday(z)], day->mday,
		 mon[(day->month - 1) % 12], day->year);
}

void staffcmd_local(int64_t t, char *out, size_t cap, int with_day)
{
	struct civil_time c;

	civil_zone_local(cur_zone(), t, &c);
	if (with_day)
		snprintf(out, cap, "%04d-%02d-%02d %02d:%02d", c.year % 10000,
			 c.month, c.mday, c.hour, c.minute);
	else
		snprintf(out, cap, "%02d:%02d", c.hour, c.minute);
}
