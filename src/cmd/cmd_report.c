/*
 * smsdesk report: what the desk did, for the owner — to read in a
 * terminal, or (--html) as one page with charts to look at. The demand we
 * could not serve comes first: it tells the owner what to offer next
 * (DESIGN.md, manners 5). The work is the report module's.
 */
#include "smsdesk/catalog.h"
#include "smsdesk/cli.h"
#include "smsdesk/cliopt.h"
#include "smsdesk/report.h"
#include "smsdesk/staffbook.h"
#include "smsdesk/staffcmd.h"
#include "smsdesk/store.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static const char usage_text[] =
    "usage: smsdesk report [-c FILE] [--db PATH] [--from DAY] [--to DAY]\n"
    "                      [--html FILE]\n"
    "\n"
    "The demand we could not serve (by service and why: not offered, slot\n"
    "taken, too short notice, outside hours or closed, free times offered\n"
    "and none taken), week by week, bookings by hour of day, the referrals\n"
    "we named, the texts the desk did not understand (numbers masked),\n"
    "and the messages in and out. Over all time, or the days from --from\n"
    "to --to (YYYY-MM-DD, both included, in the business's time zone).\n"
    "\n"
    "  -c, --config FILE  the catalog (default $SMSDESK_CONFIG, else\n"
    "                     /etc/smsdesk/smsdesk.cfg)\n"
    "      --db PATH      the database (default: 'database' in the catalog)\n"
    "      --from DAY     the first day counted (--since is the same)\n"
    "      --to DAY       the last day counted\n"
    "      --html FILE    write one page with charts to FILE ('-' for\n"
    "                     standard output) instead of the text; it needs\n"
    "                     no network and no scripts to open\n"
    "      --now TIME     act as if it were TIME (for tests)\n"
    "  -h, --help         this help\n"
    "\n"
    "Exit: 0 done, 1 bad catalog, database or file, 2 usage.\n";

struct options {
	const char *config, *db, *from, *to, *html, *now;
};

/* Parse argv; returns -1 to go on, else the exit code. */
static int parse_options(int argc, char **argv, struct options *o)
{
	const struct cliopt opts[] = {
	    {"config", 'c', &o->config, NULL}, {"db", 0, &o->db, NULL},
	    {"from", 0, &o->from, NULL},       {"since", 0, &o->from, NULL},
	    {"to", 0, &o->to, NULL},	       {"html", 0, &o->html, NULL},
	    {"now", 0, &o->now, NULL},	       CLIOPT_END,
	};
	int first, rc = cliopt_parse(argc, argv, "report", usage_text, opts, 0,
				     &first);

	if (rc >= 0)
		return rc;
	if (first < argc)
		return cli_usage_error("report", "unexpected argument '%s'",
				       argv[first]);
	return -1;
}

/* Check the days' shape before anything is opened: a usage error. */
static int days_ok(const struct options *o)
{
	struct staff_day d;

	if (o->from != NULL && staffcmd_parse_day(o->from, &d) != 0)
		return cli_usage_error("report",
				       "--from wants a date as YYYY-MM-DD, "
				       "not '%s'",
				       o->from);
	if (o->to != NULL && staffcmd_parse_day(o->to, &d) != 0)
		return cli_usage_error("report",
				       "--to wants a date as YYYY-MM-DD, not "
				       "'%s'",
				       o->to);
	return -1;
}

static int write_html(const struct catalog *cat, const struct report *r,
		      int64_t now, const char *path)
{
	FILE *f = strcmp(path, "-") == 0 ? stdout : fopen(path, "w");
	int failed;

	if (f == NULL) {
		fprintf(stderr, "smsdesk report: cannot write %s: %s\n", path,
			strerror(errno));
		return CLI_BAD_INPUT;
	}
	failed = report_html(cat, r, now, f) != 0;
	if (f != stdout)
		failed |= fclose(f) != 0;
	else
		failed |= fflush(f) != 0;
	if (failed) {
		fprintf(stderr, "smsdesk report: writing %s failed: %s\n", path,
			strerror(errno));
		return CLI_BAD_INPUT;
	}
	if (f != stdout)
		printf("report written to %s\n", path);
	return CLI_OK;
}

int cmd_report(int argc, char **argv)
{
	struct options o = {0};
	struct report r;
	struct catalog *cat = NULL;
	struct store *st = NULL;
	int64_t now = (int64_t)time(NULL);
	char err[256];
	int rc = parse_options(argc, argv, &o);

	if (rc >= 0)
		return rc;
	rc = days_ok(&o);
	if (rc >= 0)
		return rc;
	memset(&r, 0, sizeof(r));
	cat = staffcmd_catalog("report", cli_config_path(o.config));
	if (cat == NULL)
		return CLI_BAD_INPUT;
	if (o.now != NULL && staffbook_parse_time(cat, o.now, &now) != 0) {
		catalog_free(cat);
		return cli_usage_error("report",
				       "--now wants a local time like "
				       "2026-03-03T10:00, not '%s'",
				       o.now);
	}
	rc = CLI_BAD_INPUT;
	st = staffcmd_store("report", cat, o.db);
	if (st == NULL)
		goto out;
	if (report_build(cat, st, o.from, o.to, now, &r, err, sizeof(err)) !=
	    0) {
		fprintf(stderr, "smsdesk report: %s\n", err);
		goto out;
	}
	if (o.html != NULL)
		rc = write_html(cat, &r, now, o.html);
	else
		rc = report_text(cat, &r, stdout) == 0 ? CLI_OK : CLI_BAD_INPUT;
out:
	report_free(&r);
	store_close(st);
	catalog_free(cat);
	return rc;
}
