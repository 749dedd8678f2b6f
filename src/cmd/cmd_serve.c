/*
 * smsdesk serve: run the desk in the foreground (systemd style).
 */
#include "smsdesk/cli.h"
#include "smsdesk/daemon.h"
#include "smsdesk/log.h"

#include <getopt.h>
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

int cmd_serve(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"config", required_argument, NULL, 'c'},
	    {"device", required_argument, NULL, 'D'},
	    {"db", required_argument, NULL, 'd'},
	    {"now", required_argument, NULL, 'n'},
	    {"clock-offset-file", required_argument, NULL, 'C'},
	    {"part-wait", required_argument, NULL, 'P'},
	    {"verbose", no_argument, NULL, 'v'},
	    {"quiet", no_argument, NULL, 'q'},
	    {"help", no_argument, NULL, 'h'},
	    /* Not in --help: for the tests, which walk the retry ladder in
	     * seconds instead of hours. */
	    {"retry-seconds", required_argument, NULL, 'R'},
	    {NULL, 0, NULL, 0}};
	struct daemon_options opt = {0};
	enum log_level level = LOG_LEVEL_INFO;
	const char *config = NULL;
	int o;

	optind = 0;
	while ((o = getopt_long(argc, argv, "+c:vqh", opts, NULL)) != -1) {
		switch (o) {
		case 'c':
			config = optarg;
			break;
		case 'D':
			opt.device = optarg;
			break;
		case 'd':
			opt.db_path = optarg;
			break;
		case 'n':
			opt.now = optarg;
			break;
		case 'C':
			opt.clock_offset_file = optarg;
			break;
		case 'P': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (*end != '\0' || v < 1 || v > 24 * 3600)
				return cli_usage_error(
				    "serve", "--part-wait wants seconds, 1 to "
					     "86400");
			opt.part_wait_ms = (int)v * 1000;
			break;
		}
		case 'v':
			level = LOG_LEVEL_DEBUG;
			break;
		case 'q':
			level = LOG_LEVEL_WARN;
			break;
		case 'R':
			opt.retry_seconds = atoi(optarg);
			if (opt.retry_seconds < 1 || opt.retry_seconds > 86400)
				return cli_usage_error(
				    "serve", "--retry-seconds wants 1..86400");
			break;
		case 'h':
			fputs(usage, stdout);
			return CLI_OK;
		default:
			return cli_usage_error("serve", "bad option");
		}
	}
	if (optind < argc)
		return cli_usage_error("serve", "unexpected '%s'",
				       argv[optind]);
	log_init(level, "smsdesk");
	opt.config_path = cli_config_path(config);
	return daemon_serve(&opt);
}
