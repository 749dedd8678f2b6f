/*
 * smsdesk reply: a person answers a customer from the command line — by the
 * code of a text handed to the staff ("#K7", as `smsdesk inbox` lists it)
 * or by the customer's number. The text goes through the outbox from the
 * business number (a running daemon sends it within a second; else it
 * waits for the next start, expiring after policy.reply_expiry_minutes),
 * never to a number that opted out, and the handoff is marked answered.
 */
#include "smsdesk/bookcmd.h"
#include "smsdesk/catalog.h"
#include "smsdesk/cli.h"
#include "smsdesk/cliopt.h"
#include "smsdesk/handoff.h"
#include "smsdesk/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: smsdesk reply [-c FILE] [--db PATH] REF|NUMBER TEXT...\n"
    "\n"
    "Answer a customer from the business number. REF is the code of a text\n"
    "handed to the staff (#K7, as 'smsdesk inbox' and the forwards show\n"
    "it); NUMBER is a customer's number (+44 7700 900123, 07700 900123).\n"
    "The text is queued in the desk's outbox: a running daemon sends it\n"
    "within a second, else it waits for the next start (and is dropped\n"
    "after policy.reply_expiry_minutes). A number that texted STOP is\n"
    "never texted. The handoff is marked answered.\n"
    "\n"
    "  -c, --config FILE  the catalog (default $SMSDESK_CONFIG, else\n"
    "                     /etc/smsdesk/smsdesk.cfg)\n"
    "      --db PATH      the database (default: 'database' in the catalog)\n"
    "      --now TIME     act as if it were TIME (for tests)\n"
    "  -h, --help         this help\n"
    "\n"
    "Exit: 0 queued, 1 not sent (no such code, opted out, too long), 2\n"
    "usage.\n";

/* Join argv[from..] with single spaces (free()). */
static char *join(int argc, char **argv, int from)
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

/* Who answered, for the handoff's record. */
static void answerer(char *out, size_t cap)
{
	const char *u = getenv("SUDO_USER");

	if (u == NULL || u[0] == '\0')
		u = getenv("USER");
	if (u != NULL && u[0] != '\0')
		snprintf(out, cap, "%.40s (smsdesk reply)", u);
	else
		snprintf(out, cap, "smsdesk reply");
}

static int say(const struct bookcmd *b, int rc, const char *ref,
	       const struct handoff_answer *a)
{
	const struct catalog *cat = b->cat;

	switch (rc) {
	case HANDOFF_SENT:
		printf("queued message %lld to %s%s%s (%d SMS); the desk sends "
		       "it\n",
		       (long long)a->msg_id, a->to, a->code[0] ? ", #" : "",
		       a->code, a->segments);
		return CLI_OK;
	case HANDOFF_NO_SUCH:
		fprintf(stderr,
			"smsdesk reply: no text #%s from a customer is waiting "
			"(codes last %d days; see smsdesk inbox); nothing "
			"sent\n",
			a->code[0] ? a->code : ref,
			HANDOFF_REPLY_SECONDS / 86400);
		return CLI_BAD_INPUT;
	case HANDOFF_OPTED_OUT:
		fprintf(stderr,
			"smsdesk reply: %s has opted out (texted STOP); "
			"nothing sent\n",
			a->to);
		return CLI_BAD_INPUT;
	case HANDOFF_TOO_LONG:
		fprintf(stderr,
			"smsdesk reply: the text takes %d SMS, more than "
			"policy.max_segments (%d); nothing sent\n",
			a->segments, cat->policy.max_segments);
		return CLI_BAD_INPUT;
	case HANDOFF_EMPTY:
		return cli_usage_error("reply", "no text to send");
	case HANDOFF_NOT_NUMBER:
		return cli_usage_error("reply",
				       "'%s' is neither a code (#K7) nor a "
				       "phone number",
				       ref);
	}
	return bookcmd_store_failed(b, rc, "replying failed");
}

int cmd_reply(int argc, char **argv)
{
	const char *config = NULL, *db = NULL, *now = NULL;
	const struct cliopt opts[] = {
	    {"config", 'c', &config, NULL},
	    {"db", 0, &db, NULL},
	    {"now", 0, &now, NULL},
	    CLIOPT_END,
	};
	struct handoff_answer a;
	struct bookcmd b;
	char by[STORE_NAME_MAX];
	int first, rc = cliopt_parse(argc, argv, "reply", usage, opts,
				     CLIOPT_STOP_AT_OPERAND, &first);

	if (rc >= 0)
		return rc;
	if (first >= argc)
		return cli_usage_error("reply",
				       "a code (#K7) or a number, then "
				       "the text");
	if (first + 1 >= argc)
		return cli_usage_error("reply", "no text to send");
	rc = bookcmd_open(&b, "reply", config, db, now);
	if (rc != CLI_OK)
		return rc;
	char *text = join(argc, argv, first + 1);
	if (text == NULL) {
		bookcmd_close(&b);
		return CLI_BAD_INPUT;
	}
	answerer(by, sizeof(by));
	rc = handoff_answer(b.st, b.cat, argv[first], text, by, b.now, 0, &a);
	rc = say(&b, rc, argv[first], &a);
	free(text);
	bookcmd_close(&b);
	return rc;
}
