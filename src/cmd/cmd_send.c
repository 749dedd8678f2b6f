/*
 * smsdesk send: a text from the staff, queued in the same outbox the daemon
 * drains. It only writes the database, so it works whether or not the
 * daemon runs; a running daemon picks it up within a second.
 */
#include "smsdesk/catalog.h"
#include "smsdesk/cli.h"
#include "smsdesk/daemon.h"
#include "smsdesk/gsm7.h"
#include "smsdesk/staffcmd.h"
#include "smsdesk/store.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char usage[] =
    "usage: smsdesk send [-c FILE] [--db PATH] --to NUMBER TEXT...\n"
    "\n"
    "Queue a text to NUMBER (international form, +44...) through the desk's\n"
    "outbox. The running daemon sends it; if it is not running, the text\n"
    "waits in the database until it starts. Numbers that texted STOP are\n"
    "refused.\n"
    "\n"
    "  -c, --config FILE  the catalog (default $SMSDESK_CONFIG, then\n"
    "                     /etc/smsdesk/smsdesk.cfg)\n"
    "      --db PATH      the database instead of the catalog's\n"
    "      --to NUMBER    who gets the text\n";

/* Join argv[from..] with single spaces into a new string (free()). */
static char *join_words(int argc, char **argv, int from)
{
	size_t len = 1;
	char *s;

	for (int i = from; i < argc; i++)
		len += strlen(argv[i]) + 1;
	s = calloc(len, 1);
	if (s == NULL)
		return NULL;
	for (int i = from; i < argc; i++) {
		if (i > from)
			strcat(s, " ");
		strcat(s, argv[i]);
	}
	return s;
}

static int valid_number(const char *n)
{
	size_t digits = 0;

	if (*n == '+')
		n++;
	for (; *n != '\0'; n++, digits++)
		if (*n < '0' || *n > '9')
			return 0;
	return digits >= 3 && digits <= 15;
}

static int queue(struct store *st, const char *to, const char *text)
{
	int64_t now = (int64_t)time(NULL), id = 0;
	char err[160];
	struct sms_plan plan;

	if (store_is_opted_out(st, to, NULL) == 1) {
		fprintf(stderr,
			"smsdesk send: %s has opted out (texted STOP); "
			"nothing was queued\n",
			to);
		return CLI_BAD_INPUT;
	}
	if (daemon_queue_text(st, to, text, STORE_ORIGIN_STAFF, 0, NULL, 0, now,
			      &id, err, sizeof(err)) < 0) {
		fprintf(stderr, "smsdesk send: cannot queue: %s\n", err);
		return CLI_BAD_INPUT;
	}
	sms_plan(text, &plan);
	printf("queued message %lld to %s (%d SMS, %s)\n", (long long)id, to,
	       plan.segments, sms_encoding_name(plan.encoding));
	return CLI_OK;
}

int cmd_send(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"config", required_argument, NULL, 'c'},
	    {"db", required_argument, NULL, 'd'},
	    {"to", required_argument, NULL, 't'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0}};
	const char *config = NULL, *db = NULL, *to = NULL;
	int o;

	optind = 0;
	while ((o = getopt_long(argc, argv, "+c:h", opts, NULL)) != -1) {
		switch (o) {
		case 'c':
			config = optarg;
			break;
		case 'd':
			db = optarg;
			break;
		case 't':
			to = optarg;
			break;
		case 'h':
			fputs(usage, stdout);
			return CLI_OK;
		default:
			return cli_usage_error("send", "bad option");
		}
	}
	if (to == NULL)
		return cli_usage_error("send", "--to NUMBER is required");
	if (optind >= argc)
		return cli_usage_error("send", "no text to send");
	if (!valid_number(to))
		return cli_usage_error("send", "'%s' is not a phone number",
				       to);

	struct catalog *cat = NULL;
	if (db == NULL) {
		cat = staffcmd_catalog("send", cli_config_path(config));
		if (cat == NULL)
			return CLI_BAD_INPUT;
		db = cat->database;
	}

	char err[256];
	struct store *st = store_open(db, STORE_OPEN_CREATE, err, sizeof(err));
	int rc = CLI_BAD_INPUT;
	char *text = join_words(argc, argv, optind);
	if (st == NULL)
		fprintf(stderr, "smsdesk send: %s\n", err);
	else if (text != NULL)
		rc = queue(st, to, text);
	free(text);
	store_close(st);
	catalog_free(cat);
	return rc;
}
