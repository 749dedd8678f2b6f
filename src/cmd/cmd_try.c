/*
 * smsdesk try: answer one text from the shell exactly as the daemon would,
 * and print what would be sent. With --db the conversation, bookings and
 * opt-outs persist, so a whole exchange can be replayed call by call; without
 * it a temporary database lives only for this call. The only desk path that
 * reads the clock, and only when --now is not given.
 */
#include "smsdesk/catalog.h"
#include "smsdesk/cli.h"
#include "smsdesk/daemon.h"
#include "smsdesk/desk.h"
#include "smsdesk/staffcmd.h"
#include "smsdesk/store.h"
#include "smsdesk/when.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void try_help(void)
{
	printf(
	    "usage: smsdesk try [-c FILE] [--db PATH] [--now "
	    "YYYY-MM-DDTHH:MM]\n"
	    "                   [--explain] --from NUMBER TEXT...\n\n"
	    "Answer TEXT as if NUMBER had texted it, and print the reply\n"
	    "text(s) that would be sent, separated by a blank line\n"
	    "(nothing when the desk stays silent).\n\n"
	    "  -c, --config FILE   the catalog (default: $SMSDESK_CONFIG,\n"
	    "                      else /etc/smsdesk/smsdesk.cfg)\n"
	    "      --db PATH       keep state in PATH so a conversation can\n"
	    "                      continue; default: a temporary database\n"
	    "      --now TIME      the business's local time, like\n"
	    "                      2026-03-25T10:00 (default: the clock)\n"
	    "      --from NUMBER   the sender, like +447700900001\n"
	    "      --explain       also print how the text was read (intent,\n"
	    "                      each word matched to a service or topic\n"
	    "                      with its edit distance, the day and time)\n"
	    "                      and the rule that decided the reply\n"
	    "  -h, --help          this help\n");
}

/* "2026-03-25T10:00" in the business's zone → epoch. */
static int explain;

static int answer(const struct catalog *cat, struct store *st, const char *from,
		  const char *text, int64_t now)
{
	static struct desk_result res;
	char qerr[160];
	int rc = store_begin(st);

	if (rc == 0)
		rc = desk_answer(cat, st, from, text, now, &res);
	for (size_t i = 0; rc == 0 && i < res.n_replies; i++)
		rc = daemon_queue_text(
		    st, from, res.replies[i], STORE_ORIGIN_REPLY, 0, NULL,
		    cat->policy.max_segments, now, NULL, qerr, sizeof(qerr));
	if (rc == 0)
		rc = store_commit(st);
	if (rc != 0) {
		fprintf(stderr, "smsdesk try: %s\n",
			rc == STORE_ERR_DB ? store_errmsg(st)
					   : store_strerror(rc));
		store_rollback(st);
		return CLI_BAD_INPUT;
	}
	for (size_t i = 0; i < res.n_replies; i++)
		printf("%s%s\n", i > 0 ? "\n" : "", res.replies[i]);
	if (explain) {
		static char why[8192];
		desk_explain(cat, &res, why, sizeof(why));
		printf("%s--- how it was read\n%s", res.n_replies ? "\n" : "",
		       why);
	}
	return CLI_OK;
}

static char *join_args(int argc, char **argv)
{
	size_t len = 1;
	for (int i = 0; i < argc; i++)
		len += strlen(argv[i]) + 1;
	char *s = malloc(len);
	if (s == NULL)
		return NULL;
	s[0] = '\0';
	for (int i = 0; i < argc; i++) {
		if (i > 0)
			strcat(s, " ");
		strcat(s, argv[i]);
	}
	return s;
}

static void remove_db(const char *path)
{
	char side[600];
	unlink(path);
	snprintf(side, sizeof(side), "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof(side), "%s-shm", path);
	unlink(side);
}

int cmd_try(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"config", required_argument, NULL, 'c'},
	    {"db", required_argument, NULL, 'd'},
	    {"now", required_argument, NULL, 'n'},
	    {"from", required_argument, NULL, 'f'},
	    {"explain", no_argument, NULL, 'x'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	const char *given = NULL, *db = NULL, *now_s = NULL, *from = NULL;
	char tmpdir[] = "/tmp/smsdesk-try-XXXXXX", tmpdb[64], err[256];
	int c, rc;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+c:h", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			given = optarg;
			break;
		case 'd':
			db = optarg;
			break;
		case 'n':
			now_s = optarg;
			break;
		case 'f':
			from = optarg;
			break;
		case 'x':
			explain = 1;
			break;
		case 'h':
			try_help();
			return CLI_OK;
		default:
			return cli_usage_error("try", "unknown option '%s'",
					       argv[optind - 1]);
		}
	}
	if (from == NULL)
		return cli_usage_error("try", "--from NUMBER is required");
	if (optind >= argc)
		return cli_usage_error("try", "no TEXT to answer");

	struct catalog *cat = staffcmd_catalog("try", cli_config_path(given));
	if (cat == NULL)
		return CLI_BAD_INPUT;

	int64_t now = (int64_t)time(NULL);
	if (now_s != NULL &&
	    when_parse_iso_local(cat->timezone, now_s, &now) != 0) {
		catalog_free(cat);
		return cli_usage_error("try",
				       "--now wants YYYY-MM-DDTHH:MM, "
				       "not '%s'",
				       now_s);
	}
	if (db == NULL) {
		if (mkdtemp(tmpdir) == NULL) {
			perror("smsdesk try: mkdtemp");
			catalog_free(cat);
			return CLI_BAD_INPUT;
		}
		snprintf(tmpdb, sizeof(tmpdb), "%s/try.db", tmpdir);
	}
	struct store *st = store_open(db != NULL ? db : tmpdb,
				      STORE_OPEN_CREATE, err, sizeof(err));
	char *text =
	    st != NULL ? join_args(argc - optind, argv + optind) : NULL;
	if (st == NULL) {
		fprintf(stderr, "smsdesk try: %s\n", err);
		rc = CLI_BAD_INPUT;
	} else if (text == NULL) {
		fprintf(stderr, "smsdesk try: out of memory\n");
		rc = CLI_BAD_INPUT;
	} else {
		rc = answer(cat, st, from, text, now);
	}
	free(text);
	store_close(st);
	if (db == NULL) {
		remove_db(tmpdb);
		rmdir(tmpdir);
	}
	catalog_free(cat);
	return rc;
}
