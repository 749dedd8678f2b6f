/*
 * smsdesk cancel: staff cancel a booking by its reference (a phone call, a
 * no-show cleared, a mistake), whoever made it. The place is free for the
 * desk at once; a customer with a number is told, unless it opted out.
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
    "usage: smsdesk cancel [-c FILE] [--db PATH] [--no-text] REF\n"
    "\n"
    "Cancel booking REF (as in the confirmation, or in 'smsdesk bookings'),\n"
    "whether the desk or the staff made it. A customer with a number is\n"
    "texted that it is cancelled, if the booking is still to come and the\n"
    "number has not opted out.\n"
    "\n"
    "  -c, --config FILE  the catalog (default $SMSDESK_CONFIG, else\n"
    "                     /etc/smsdesk/smsdesk.cfg)\n"
    "      --db PATH      the database (default: 'database' in the catalog)\n"
    "      --no-text      do not text the customer\n"
    "      --now TIME     act as if it were TIME (for tests)\n"
    "  -h, --help         this help\n"
    "\n"
    "Exit: 0 cancelled, 1 no such booking or already cancelled, 2 usage.\n";

struct options {
	const char *config, *db, *now, *ref;
	int no_text;
};

static int parse_options(int argc, char **argv, struct options *o)
{
	const struct cliopt opts[] = {
	    {"config", 'c', &o->config, NULL},
	    {"db", 0, &o->db, NULL},
	    {"no-text", 0, NULL, &o->no_text},
	    {"now", 0, &o->now, NULL},
	    CLIOPT_END,
	};
	int first, rc = cliopt_parse(argc, argv, "cancel", usage_text, opts, 0,
				     &first);

	if (rc >= 0)
		return rc;
	if (argc - first != 1)
		return cli_usage_error("cancel", "give one booking reference");
	o->ref = argv[first];
	return -1;
}

static int cancel(struct bookcmd *b, const struct options *o)
{
	const struct cat_service *svc;
	struct store_booking bk;
	char when[48], text[1024], err[200] = "";
	int64_t msg_id = 0;
	int sent = STAFFBOOK_NOT_WANTED;
	int rc = store_begin(b->st);

	if (rc == STORE_OK)
		rc = store_booking_cancel_ref(b->st, o->ref, b->now, &bk);
	if (rc == STORE_OK && bk.customer[0] != '\0' && bk.start > b->now &&
	    !o->no_text &&
	    staffbook_text_for(b->st, b->cat, STAFFBOOK_CANCELLED, &bk, 0, text,
			       sizeof(text)) >= 0) {
		sent = staffbook_notify(b->st, b->cat, bk.customer, text,
					b->now, &msg_id, err, sizeof(err));
		if (sent < 0 && sent != STORE_ERR_ARG)
			rc = sent;
	}
	if (rc == STORE_OK)
		rc = store_commit(b->st);
	if (rc != STORE_OK)
		store_rollback(b->st);
	if (rc == STORE_ERR_NOT_FOUND) {
		fprintf(stderr, "smsdesk cancel: no booking '%s'\n", o->ref);
		return CLI_BAD_INPUT;
	}
	if (rc == STORE_ERR_STATE) {
		staffbook_when(b->cat, bk.cancelled_at, 1, when, sizeof(when));
		fprintf(stderr,
			"smsdesk cancel: %s was already cancelled (%s)\n",
			bk.ref, when);
		return CLI_BAD_INPUT;
	}
	if (rc != STORE_OK)
		return bookcmd_store_failed(b, rc, "cancelling failed");
	svc = catalog_service(b->cat, bk.service);
	staffbook_when(b->cat, bk.start, 1, when, sizeof(when));
	printf("Cancelled %s: %s, %s%s%s%s%s.\n", bk.ref,
	       svc != NULL ? svc->name : bk.service, when,
	       bk.name[0] != '\0' ? ", " : "", bk.name,
	       bk.customer[0] != '\0' ? ", " : "", bk.customer);
	if (bk.customer[0] != '\0' && bk.start > b->now)
		bookcmd_say_text(b, sent, bk.customer, msg_id, err);
	return CLI_OK;
}

int cmd_cancel(int argc, char **argv)
{
	struct options o = {0};
	struct bookcmd b;
	int rc = parse_options(argc, argv, &o);

	if (rc >= 0)
		return rc;
	rc = bookcmd_open(&b, "cancel", o.config, o.db, o.now);
	if (rc != CLI_OK)
		return rc;
	rc = cancel(&b, &o);
	bookcmd_close(&b);
	return rc;
}
