/*
 * smsdesk forget / export: honour a person's request to delete or to see
 * what the desk holds about them, and apply the retention policy now.
 * Both work on the live database while the daemon runs.
 */
#include "smsdesk/bookcmd.h"
#include "smsdesk/catalog.h"
#include "smsdesk/cli.h"
#include "smsdesk/cliopt.h"
#include "smsdesk/phone.h"
#include "smsdesk/privacy.h"
#include "smsdesk/staffbook.h"
#include "smsdesk/store.h"

#include <stdio.h>
#include <string.h>

static const char forget_usage[] =
    "usage: smsdesk forget [-c FILE] [--db PATH] [--dry-run] NUMBER\n"
    "       smsdesk forget [-c FILE] [--db PATH] [--dry-run] --expired\n"
    "\n"
    "Erase one person: every text they sent or were sent (with the raw\n"
    "PDUs), the parts of long texts, their pending conversation, their\n"
    "number on the desk's \"no\"s; their bookings stay (the places are\n"
    "still taken) without number, name or note. If they texted STOP, the\n"
    "opt-out is kept only as a keyed hash, so nothing is ever sent to them\n"
    "again. NUMBER may be written the national way; every form it was\n"
    "stored in is found. The database file is compacted afterwards, so\n"
    "the erased bytes leave the file.\n"
    "\n"
    "--expired applies the retention policy (policy.retention_days) now,\n"
    "as the daemon does at start and once a day.\n"
    "\n"
    "  -c, --config FILE  the catalog (default $SMSDESK_CONFIG, else\n"
    "                     /etc/smsdesk/smsdesk.cfg)\n"
    "      --db PATH      the database (default: 'database' in the catalog)\n"
    "      --expired      prune what is older than the retention policy\n"
    "      --dry-run      say what would be erased; change nothing\n"
    "      --now TIME     act as if it were TIME (for tests)\n"
    "  -h, --help         this help\n"
    "\n"
    "Exit: 0 done, 1 bad number or the database failed, 2 usage.\n";

static const char export_usage[] =
    "usage: smsdesk export [-c FILE] [--db PATH] NUMBER\n"
    "\n"
    "Print as JSON everything the desk holds about NUMBER (national or\n"
    "international form): the forms it is stored in, texts received and\n"
    "sent with their PDUs, parts of long texts, bookings, a pending\n"
    "conversation, requests we could not serve, and an opt-out. Times are\n"
    "local business time. What is older than policy.retention_days has\n"
    "been blanked already and is not shown.\n"
    "\n"
    "  -c, --config FILE  the catalog (default $SMSDESK_CONFIG, else\n"
    "                     /etc/smsdesk/smsdesk.cfg)\n"
    "      --db PATH      the database (default: 'database' in the catalog)\n"
    "      --now TIME     act as if it were TIME (for tests)\n"
    "  -h, --help         this help\n"
    "\n"
    "Exit: 0 printed (also when nothing is held), 1 bad number, 2 usage.\n";

struct options {
	const char *config, *db, *now, *number;
	int expired, dry_run;
};

static int parse_options(const char *cmd, const char *usage, int argc,
			 char **argv, struct options *o)
{
	const struct cliopt opts[] = {
	    {"config", 'c', &o->config, NULL},
	    {"db", 0, &o->db, NULL},
	    {"expired", 0, NULL, &o->expired},
	    {"dry-run", 0, NULL, &o->dry_run},
	    {"now", 0, &o->now, NULL},
	    CLIOPT_END,
	};
	int first, rc = cliopt_parse(argc, argv, cmd, usage, opts, 0, &first);

	if (rc >= 0)
		return rc;
	if (o->expired && strcmp(cmd, "forget") == 0) {
		if (first < argc)
			return cli_usage_error(
			    cmd, "--expired or a NUMBER, not both");
		return -1;
	}
	if (argc - first != 1)
		return cli_usage_error(cmd, "give one phone number");
	o->number = argv[first];
	return -1;
}

static void say_counts(const struct store_privacy_counts *c, int dry)
{
	const char *verb = dry ? "would be" : "were";

	printf("  %lld texts received and %lld sent %s blanked (PDUs too)\n",
	       (long long)c->texts_in, (long long)c->texts_out, verb);
	printf("  %lld parts of long texts and %lld conversations %s "
	       "deleted\n",
	       (long long)c->parts_in, (long long)c->conversations, verb);
	printf("  %lld bookings and %lld ledger rows %s made anonymous\n",
	       (long long)c->bookings, (long long)c->ledger, verb);
	if (c->unsent > 0)
		printf("  %lld queued texts %s given up\n",
		       (long long)c->unsent, verb);
	if (c->optouts > 0)
		printf("  %lld opt-out%s %s kept only as a keyed hash (STOP "
		       "still holds)\n",
		       (long long)c->optouts, c->optouts == 1 ? "" : "s",
		       dry		 ? "would be"
		       : c->optouts == 1 ? "is"
					 : "are");
}

/* Compact after a change: the erased bytes leave the file. */
static int compact(struct bookcmd *b)
{
	int rc = store_compact(b->st);

	if (rc == STORE_OK)
		return CLI_OK;
	fprintf(stderr,
		"smsdesk %s: erased from the tables, but the file could not "
		"be compacted (%s): freed space is zeroed; run the same "
		"command again to compact it\n",
		b->cmd, store_errmsg(b->st));
	return CLI_BAD_INPUT;
}

static int expired(struct bookcmd *b, const struct options *o)
{
	struct store_privacy_counts c;
	int rc = o->dry_run ? store_begin(b->st) : STORE_OK;

	if (rc == STORE_OK)
		rc = privacy_prune(b->cat, b->st, b->now, &c);
	if (o->dry_run)
		store_rollback(b->st);
	if (rc != STORE_OK)
		return bookcmd_store_failed(b, rc, "pruning failed");
	printf("Older than %d days (policy.retention_days):\n",
	       b->cat->policy.retention_days);
	say_counts(&c, o->dry_run);
	return o->dry_run ? CLI_OK : compact(b);
}

static int forget(struct bookcmd *b, const struct options *o, const char *e164)
{
	struct store_strings forms = {NULL, 0};
	struct store_privacy_counts c;
	int rc = privacy_find(b->cat, b->st, e164, &forms);

	if (rc != STORE_OK)
		return bookcmd_store_failed(b, rc, "searching failed");
	if (o->dry_run)
		rc = store_begin(b->st);
	if (rc == STORE_OK)
		rc = store_forget(b->st, &forms, e164, b->now, &c);
	if (o->dry_run)
		store_rollback(b->st);
	if (rc != STORE_OK) {
		store_strings_free(&forms);
		return bookcmd_store_failed(b, rc, "erasing failed");
	}
	printf("%s %s", o->dry_run ? "Would forget" : "Forgot", e164);
	if (forms.n > 0) {
		printf(" (stored as");
		for (size_t i = 0; i < forms.n; i++)
			printf("%s %s", i > 0 ? "," : "", forms.v[i]);
		printf(")");
	}
	printf(":\n");
	say_counts(&c, o->dry_run);
	store_strings_free(&forms);
	return o->dry_run ? CLI_OK : compact(b);
}

static int run(const char *cmd, const char *usage, int argc, char **argv)
{
	struct options o = {0};
	struct bookcmd b;
	char e164[PHONE_E164_MAX], why[200];
	size_t rows = 0;
	int rc = parse_options(cmd, usage, argc, argv, &o);

	if (rc >= 0)
		return rc;
	rc = bookcmd_open(&b, cmd, o.config, o.db, o.now);
	if (rc != CLI_OK)
		return rc;
	if (o.expired) {
		rc = expired(&b, &o);
	} else if (staffbook_number(b.cat, o.number, e164, sizeof(e164), why,
				    sizeof(why)) != 0) {
		fprintf(stderr, "smsdesk %s: %s\n", cmd, why);
		rc = CLI_BAD_INPUT;
	} else if (strcmp(cmd, "forget") == 0) {
		rc = forget(&b, &o, e164);
	} else {
		rc = privacy_export_json(b.cat, b.st, e164, b.now, stdout,
					 &rows);
		if (rc == STORE_OK && rows == 0)
			fprintf(stderr,
				"smsdesk export: nothing is held about "
				"%s\n",
				e164);
		rc = rc == STORE_OK
			 ? CLI_OK
			 : bookcmd_store_failed(&b, rc, "export failed");
	}
	bookcmd_close(&b);
	return rc;
}

int cmd_forget(int argc, char **argv)
{
	return run("forget", forget_usage, argc, argv);
}

int cmd_export(int argc, char **argv)
{
	return run("export", export_usage, argc, argv);
}
