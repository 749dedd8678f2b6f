/*
 * smsdesk move: staff move a booking to another time, keeping its
 * reference. The new place is taken in the same transaction as the old one
 * is freed (capacity and blocks checked there); the customer is told what
 * changed, the new time, that the reference stays, and how to cancel.
 */
#include "smsdesk/bookcmd.h"
#include "smsdesk/catalog.h"
#include "smsdesk/cli.h"
#include "smsdesk/cliopt.h"
#include "smsdesk/staffbook.h"
#include "smsdesk/store.h"

#include <stdio.h>
#include <string.h>

static const char usage_text[] =
    "usage: smsdesk move [-c FILE] [--db PATH] [--force] [--no-text] REF\n"
    "                    --at TIME\n"
    "\n"
    "Move booking REF to TIME (local business time, YYYY-MM-DDTHH:MM or\n"
    "\"YYYY-MM-DD HH:MM\"), same service, same reference. Nothing changes\n"
    "when the service is full or blocked then. A customer with a number is\n"
    "texted the new time (unless it opted out, or --no-text).\n"
    "\n"
    "  -c, --config FILE  the catalog (default $SMSDESK_CONFIG, else\n"
    "                     /etc/smsdesk/smsdesk.cfg)\n"
    "      --db PATH      the database (default: 'database' in the catalog)\n"
    "      --at TIME      the new start\n"
    "      --force        move outside opening hours or off the slot grid\n"
    "                     (never past capacity or a block)\n"
    "      --no-text      do not text the customer\n"
    "      --now TIME     act as if it were TIME (for tests)\n"
    "  -h, --help         this help\n"
    "\n"
    "Exit: 0 moved, 1 not moved (no such booking, full, closed), 2 usage.\n";

struct options {
	const char *config, *db, *now, *ref, *at;
	int force, no_text;
};

static int parse_options(int argc, char **argv, struct options *o)
{
	const struct cliopt opts[] = {
	    {"config", 'c', &o->config, NULL},
	    {"db", 0, &o->db, NULL},
	    {"at", 0, &o->at, NULL},
	    {"force", 0, NULL, &o->force},
	    {"no-text", 0, NULL, &o->no_text},
	    {"now", 0, &o->now, NULL},
	    CLIOPT_END,
	};
	int first,
	    rc = cliopt_parse(argc, argv, "move", usage_text, opts, 0, &first);

	if (rc >= 0)
		return rc;
	if (argc - first != 1)
		return cli_usage_error("move", "give one booking reference");
	if (o->at == NULL)
		return cli_usage_error("move", "--at TIME is needed");
	o->ref = argv[first];
	return -1;
}

/* Move to start in one transaction with the customer's text. */
static int move(struct bookcmd *b, const struct options *o,
		const struct cat_service *svc, int64_t start)
{
	struct store_booking old = {0}, now_bk;
	char when[48], was[48], text[1024], err[200] = "";
	int64_t msg_id = 0;
	int sent = STAFFBOOK_NOT_WANTED;
	int rc = store_begin(b->st);

	if (rc == STORE_OK)
		rc = store_booking_move(b->st, o->ref, start, svc->capacity,
					b->now, &old);
	now_bk = old;
	now_bk.start = start;
	if (rc == STORE_OK && old.customer[0] != '\0' && !o->no_text &&
	    staffbook_text_for(b->st, b->cat, STAFFBOOK_MOVED, &now_bk,
			       old.start, text, sizeof(text)) >= 0) {
		sent = staffbook_notify(b->st, b->cat, old.customer, text,
					b->now, &msg_id, err, sizeof(err));
		if (sent < 0 && sent != STORE_ERR_ARG)
			rc = sent;
	}
	if (rc == STORE_OK)
		rc = store_commit(b->st);
	if (rc != STORE_OK)
		store_rollback(b->st);
	staffbook_when(b->cat, start, 1, when, sizeof(when));
	if (rc == STORE_ERR_FULL) {
		fprintf(stderr,
			"smsdesk move: no place left for %s at %s: fully "
			"booked or blocked; %s is unchanged\n",
			svc->name, when, old.ref);
		return CLI_BAD_INPUT;
	}
	if (rc == STORE_ERR_STATE) {
		fprintf(stderr, "smsdesk move: %s is cancelled\n", old.ref);
		return CLI_BAD_INPUT;
	}
	if (rc != STORE_OK)
		return bookcmd_store_failed(b, rc, "moving failed");
	staffbook_when(b->cat, old.start, 1, was, sizeof(was));
	printf("Moved %s: %s, now %s (was %s)%s%s.\n", old.ref, svc->name, when,
	       was, old.customer[0] != '\0' ? ", " : "", old.customer);
	if (old.customer[0] != '\0')
		bookcmd_say_text(b, sent, old.customer, msg_id, err);
	return CLI_OK;
}

static int run(struct bookcmd *b, const struct options *o)
{
	const struct cat_service *svc;
	struct store_booking bk;
	char why[320];
	int64_t start;
	int rc = store_booking_by_ref(b->st, o->ref, &bk);

	if (rc == STORE_ERR_NOT_FOUND) {
		fprintf(stderr, "smsdesk move: no booking '%s'\n", o->ref);
		return CLI_BAD_INPUT;
	}
	if (rc != STORE_OK)
		return bookcmd_store_failed(b, rc, "reading the booking");
	if (bk.state != STORE_BOOKED) {
		fprintf(stderr, "smsdesk move: %s is cancelled\n", bk.ref);
		return CLI_BAD_INPUT;
	}
	svc = catalog_service(b->cat, bk.service);
	if (svc == NULL) {
		fprintf(stderr,
			"smsdesk move: the catalog no longer has the service "
			"'%s'; cancel %s and book another instead\n",
			bk.service, bk.ref);
		return CLI_BAD_INPUT;
	}
	if (staffbook_parse_time(b->cat, o->at, &start) != 0)
		return cli_usage_error("move",
				       "--at wants a local time like "
				       "2026-03-03T10:00, not '%s'",
				       o->at);
	if (start == bk.start) {
		printf("%s is already at that time; nothing changed.\n",
		       bk.ref);
		return CLI_OK;
	}
	if (start + (int64_t)svc->minutes * 60 <= b->now) {
		fprintf(stderr, "smsdesk move: that time is over already\n");
		return CLI_BAD_INPUT;
	}
	if (!o->force &&
	    staffbook_check_slot(b->cat, svc, start, why, sizeof(why)) != 0) {
		fprintf(stderr,
			"smsdesk move: %s\nsmsdesk move: %s is unchanged; "
			"--force moves it anyway\n",
			why, bk.ref);
		return CLI_BAD_INPUT;
	}
	return move(b, o, svc, start);
}

int cmd_move(int argc, char **argv)
{
	struct options o = {0};
	struct bookcmd b;
	int rc = parse_options(argc, argv, &o);

	if (rc >= 0)
		return rc;
	rc = bookcmd_open(&b, "move", o.config, o.db, o.now);
	if (rc != CLI_OK)
		return rc;
	rc = run(&b, &o);
	bookcmd_close(&b);
	return rc;
}
