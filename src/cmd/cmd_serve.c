/*
 * smsdesk serve: run the desk in the foreground (systemd style).
 */
#include "smsdesk/cli.h"
#include "smsdesk/cliopt.h"
#include "smsdesk/daemon.h"
#include "smsdesk/log.h"

#include <stdio.h>
#include <stdlib.h>

static const char usage[] =
    "usage: smsdesk serve [-v|-q] [-c FILE] [--device PATH] [--db PATH] "
    "[--now TIME]\n"
    "\n"
    "Answer the texts arriving at the modem(s), in the foreground, logging\n"
    "to standard error. SIGHUP reloads the catalog (an invalid one is\n"
    "reported and the old one kept); SIGTERM or SIGINT finish the message\n"
    "on the wire (all its parts) and exit 0. Exits 5 when another smsdesk\n"
    "serve holds the database or the device, 6 when the database file is\n"
    "removed or replaced while serving, 4 when the SIM needs staff (its PIN\n"
    "was refused, now or at an earlier start, or it wants its PUK).\n"
    "\n"
    "  -c, --config FILE  the catalog (default $SMSDESK_CONFIG, then\n"
    "                     /etc/smsdesk/smsdesk.cfg)\n"
    "      --device PATH  this serial device instead of the catalog's modems\n"
    "      --db PATH      this database instead of the catalog's\n"
    "      --now TIME     start the desk's clock at YYYY-MM-DDTHH:MM (local);\n"
    "                     it runs on with the wall clock\n"
    "      --clock-offset-file FILE\n"
    "                     for tests: seconds added to the wall clock, read\n"
    "                     again every second (a test steps the clock by\n"
    "                     writing it)\n"
    "      --part-wait SECONDS\n"
    "                     how long to wait for the missing parts of a long\n"
    "                     text before answering what arrived (default 180)\n"
    "  -v, --verbose      log more (debug)\n"
    "  -q, --quiet        log only warnings and errors\n";

/* Whole seconds from 1 to a day, else -1. */
static long seconds_of(const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);

	return *s != '\0' && *end == '\0' && v >= 1 && v <= 24 * 3600 ? v : -1;
}

int cmd_serve(int argc, char **argv)
{
	struct daemon_options opt = {0};
	enum log_level level = LOG_LEVEL_INFO;
	const char *config = NULL, *part_wait = NULL, *retry = NULL;
	int verbose = 0, quiet = 0, first;
	const struct cliopt opts[] = {
	    {"config", 'c', &config, NULL},
	    {"device", 0, &opt.device, NULL},
	    {"db", 0, &opt.db_path, NULL},
	    {"now", 0, &opt.now, NULL},
	    {"clock-offset-file", 0, &opt.clock_offset_file, NULL},
	    {"part-wait", 0, &part_wait, NULL},
	    {"verbose", 'v', NULL, &verbose},
	    {"quiet", 'q', NULL, &quiet},
	    /* Not in --help: for the tests, which walk the retry ladder in
	     * seconds instead of hours. */
	    {"retry-seconds", 0, &retry, NULL},
	    CLIOPT_END,
	};
	int rc = cliopt_parse(argc, argv, "serve", usage, opts,
			      CLIOPT_STOP_AT_OPERAND, &first);

	if (rc >= 0)
		return rc;
	if (first < argc)
		return cli_usage_error("serve", "unexpected '%s'", argv[first]);
	if (verbose && quiet)
		return cli_usage_error("serve",
				       "-v and -q say opposite things");
	level = verbose ? LOG_LEVEL_DEBUG : quiet ? LOG_LEVEL_WARN : level;
	if (part_wait != NULL) {
		long v = seconds_of(part_wait);
		if (v < 1)
			return cli_usage_error("serve", "--part-wait wants "
							"seconds, 1 to 86400");
		opt.part_wait_ms = (int)v * 1000;
	}
	if (retry != NULL) {
		opt.retry_seconds = (int)seconds_of(retry);
		if (opt.retry_seconds < 1)
			return cli_usage_error(
			    "serve", "--retry-seconds wants 1..86400");
	}
	log_init(level, "smsdesk");
	opt.config_path = cli_config_path(config);
	return daemon_serve(&opt);
}
