/*
 * smsdesk send: a text from the staff, queued in the same outbox the daemon
 * drains. It only writes the database, so it works whether or not the
 * daemon runs; a running daemon picks it up within a second. The number is
 * read with the catalog's country and stored in E.164, so an opt-out is
 * found however the staff write the number. It never creates a database:
 * a wrong --db must not quietly make an empty one that nobody sends from.
 */
#include "smsdesk/catalog.h"
#include "smsdesk/cli.h"
#include "smsdesk/cliopt.h"
#include "smsdesk/gsm7.h"
#include "smsdesk/outbox.h"
#include "smsdesk/phone.h"
#include "smsdesk/staffcmd.h"
#include "smsdesk/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char usage[] =
    "usage: smsdesk send [-c FILE] [--db PATH] --to NUMBER TEXT...\n"
    "\n"
    "Queue a text to NUMBER through the desk's outbox. NUMBER may be\n"
    "international (+44 7700 900123, 0044...) or national (07700 900123,\n"
    "read with the catalog's business.country). The running daemon sends\n"
    "it; if it is not running, the text waits in the database until it\n"
    "starts. Numbers that texted STOP are refused, and a STOP that comes\n"
    "before the text leaves stops it too. The database must exist.\n"
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

static int queue(struct store *st, const struct catalog *cat, const char *to,
		 const char *text)
{
	int64_t now = (int64_t)time(NULL), id = 0;
	char err[160];
	struct sms_plan plan;
	struct outbox_text t = {.to = to,
				.country = cat->country,
				.text = text,
				.origin = STORE_ORIGIN_STAFF,
				.national_shift = cat->policy.national_shift,
				/* due for the daemon at once, whatever its
				 * clock: a demo's or a test's pinned --now
				 * earlier than ours held it back until the
				 * wall clock caught up */
				.due_at = STORE_DUE_AT_ONCE};
	int rc;

	/* Opt-outs stored before numbers were kept in E.164. */
	rc = outbox_renumber(st, cat->country);
	if (rc >= 0)
		rc = store_is_opted_out(st, to, NULL);
	if (rc < 0) {
		fprintf(stderr, "smsdesk send: %s\n", store_errmsg(st));
		return CLI_BAD_INPUT;
	}
	if (rc == 1) {
		fprintf(stderr,
			"smsdesk send: %s has opted out (texted STOP); "
			"nothing was queued\n",
			to);
		return CLI_BAD_INPUT;
	}
	if (outbox_queue(st, &t, now, &id, err, sizeof(err)) < 0) {
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
	const char *config = NULL, *db = NULL, *to = NULL;
	const struct cliopt opts[] = {
	    {"config", 'c', &config, NULL},
	    {"db", 0, &db, NULL},
	    {"to", 0, &to, NULL},
	    CLIOPT_END,
	};
	int first, rc = cliopt_parse(argc, argv, "send", usage, opts,
				     CLIOPT_STOP_AT_OPERAND, &first);

	if (rc >= 0)
		return rc;
	if (to == NULL)
		return cli_usage_error("send", "--to NUMBER is required");
	if (first >= argc)
		return cli_usage_error("send", "no text to send");

	/* The catalog: the database, and the country national numbers
	 * belong to. */
	struct catalog *cat = staffcmd_catalog("send", cli_config_path(config));
	if (cat == NULL)
		return CLI_BAD_INPUT;
	char e164[PHONE_E164_MAX];
	int prc = phone_kind(to, -1) == PHONE_KIND_SHORT_CODE
		      ? PHONE_TOO_SHORT
		      : outbox_number(to, cat->country, e164, sizeof(e164));
	if (prc != PHONE_OK) {
		catalog_free(cat);
		return cli_usage_error("send", "'%s' is not a phone number: %s",
				       to, phone_error_text(prc));
	}

	struct store *st = staffcmd_store("send", cat, db);
	rc = CLI_BAD_INPUT;
	char *text = join_words(argc, argv, first);
	if (st != NULL && text != NULL)
		rc = queue(st, cat, e164, text);
	free(text);
	store_close(st);
	catalog_free(cat);
	return rc;
}
