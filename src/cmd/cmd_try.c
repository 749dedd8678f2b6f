/*
 * smsdesk try: answer one text from the shell exactly as the daemon would —
 * through the same answering function, answer_inbound — and print what
 * would be sent. With --db the conversation, bookings and opt-outs persist,
 * so a whole exchange can be replayed call by call; without it a temporary
 * database lives only for this call. The only desk path that reads the
 * clock, and only when --now is not given.
 *
 * It never causes a text to be sent: its replies are recorded withdrawn
 * ("smsdesk try: never sent"), and it refuses a database that a running
 * daemon holds or that a bearer has used (a desk's live database), where
 * its bookings and cancellations would be real.
 */
#include "smsdesk/answer.h"
#include "smsdesk/catalog.h"
#include "smsdesk/cli.h"
#include "smsdesk/cliopt.h"
#include "smsdesk/runlock.h"
#include "smsdesk/staffcmd.h"
#include "smsdesk/store.h"
#include "smsdesk/when.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

static const char try_usage[] =
    "usage: smsdesk try [-c FILE] [--db PATH] [--now "
    "YYYY-MM-DDTHH:MM]\n"
    "                   [--explain] --from NUMBER TEXT...\n\n"
    "Answer TEXT as if NUMBER had texted it, and print the reply\n"
    "text(s) that would be sent, separated by a blank line\n"
    "(nothing when the desk stays silent).\n\n"
    "  -c, --config FILE   the catalog (default: $SMSDESK_CONFIG,\n"
    "                      else /etc/smsdesk/smsdesk.cfg)\n"
    "      --db PATH       keep state in PATH (a scratch database,\n"
    "                      never the desk's own) so a conversation\n"
    "                      can continue; default: a temporary one\n"
    "      --now TIME      the business's local time, like\n"
    "                      2026-03-25T10:00 (default: the clock)\n"
    "      --from NUMBER   the sender, like +447700900001\n"
    "      --explain       also print how the text was read (intent,\n"
    "                      each word matched to a service or topic\n"
    "                      with its edit distance, the day and time)\n"
    "                      and the rule that decided the reply\n"
    "  -h, --help          this help\n";

static int explain;

/* The inbound row a typed text becomes: unique, like a network's. */
static int put_inbound(struct store *st, const char *from, const char *text,
		       int64_t now, int64_t *id)
{
	unsigned char nonce[8] = {0};
	char hex[40];
	struct store_inbox_new in = {.sender = from,
				     .smsc_time = now,
				     .pdu_hex = hex,
				     .text = text,
				     .modem = ""};

	if (getrandom(nonce, sizeof(nonce), GRND_NONBLOCK) !=
	    (ssize_t)sizeof(nonce))
		nonce[0] = (unsigned char)getpid();
	snprintf(hex, sizeof(hex), "TRY");
	for (size_t i = 0; i < sizeof(nonce); i++)
		snprintf(hex + 3 + 2 * i, sizeof(hex) - 3 - 2 * i, "%02X",
			 nonce[i]);
	return store_inbox_put(st, &in, now, id);
}

static int answer(const struct catalog *cat, struct store *st, const char *from,
		  const char *text, int64_t now)
{
	static struct answer_result res;
	int64_t id = 0;
	int rc = put_inbound(st, from, text, now, &id);

	if (rc >= 0)
		rc = answer_inbound(st, cat, id, now, ANSWER_NEVER_SEND, &res);
	if (rc < 0) {
		fprintf(stderr, "smsdesk try: %s\n",
			rc == STORE_ERR_DB ? store_errmsg(st)
					   : store_strerror(rc));
		return CLI_BAD_INPUT;
	}
	if (res.outcome == ANSWER_UNSENDABLE) {
		fprintf(stderr, "smsdesk try: %s\n", res.why);
		return CLI_BAD_INPUT;
	}
	for (size_t i = 0; i < res.desk.n_replies; i++)
		printf("%s%s\n", i > 0 ? "\n" : "", res.desk.replies[i]);
	if (explain) {
		static char why[8192];
		desk_explain(cat, &res.desk, why, sizeof(why));
		printf("%s--- how it was read\n%s",
		       res.desk.n_replies ? "\n" : "", why);
	}
	return CLI_OK;
}

/*
 * try writes bookings and cancellations: refuse PATH when it is a desk's
 * live database. Called first with st NULL (before opening: a running
 * daemon holds its run lock), then with the store open (a bearer has used
 * it). 0 when PATH may be written.
 */
static int refuse_live(const char *path, struct store *st)
{
	const char *why = NULL;
	int rc;

	if (st == NULL) {
		rc = runlock_in_use(path);
		if (rc != 0)
			why = rc > 0 ? "is in use by a running smsdesk serve"
				     : "cannot be checked for a running daemon";
	} else {
		rc = store_has_served(st);
		if (rc != 0)
			why = rc > 0 ? "is a desk's own database (texts came "
				       "and went through a modem)"
				     : "cannot be read";
	}
	if (why == NULL)
		return 0;
	fprintf(stderr,
		"smsdesk try: %s %s; try writes bookings and cancellations, "
		"so it only uses a scratch database (leave out --db, or give "
		"a new file)\n",
		path, why);
	return -1;
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
	const char *given = NULL, *db = NULL, *now_s = NULL, *from = NULL;
	const struct cliopt opts[] = {
	    {"config", 'c', &given, NULL},  {"db", 0, &db, NULL},
	    {"now", 0, &now_s, NULL},	    {"from", 0, &from, NULL},
	    {"explain", 0, NULL, &explain}, CLIOPT_END,
	};
	char tmpdir[] = "/tmp/smsdesk-try-XXXXXX", tmpdb[64], err[256];
	int first, rc;

	/* Stop at the text: "-" and "--x" inside it are words, not options. */
	rc = cliopt_parse(argc, argv, "try", try_usage, opts,
			  CLIOPT_STOP_AT_OPERAND, &first);
	if (rc >= 0)
		return rc;
	if (from == NULL)
		return cli_usage_error("try", "--from NUMBER is required");
	if (first >= argc)
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
	if (db != NULL && refuse_live(db, NULL) != 0) {
		catalog_free(cat);
		return CLI_BAD_INPUT;
	}
	struct store *st = store_open(db != NULL ? db : tmpdb,
				      STORE_OPEN_CREATE, err, sizeof(err));
	char *text = st != NULL ? join_args(argc - first, argv + first) : NULL;
	if (st != NULL)
		store_set_places(st, cat->capacity);
	if (st == NULL) {
		fprintf(stderr, "smsdesk try: %s\n", err);
		rc = CLI_BAD_INPUT;
	} else if (db != NULL && refuse_live(db, st) != 0) {
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
