/*
 * smsdesk book: a booking made at the counter or on the phone. It takes a
 * place exactly as a texted booking does (capacity and blocks checked in
 * the same transaction), so the desk offers other times around it, and
 * texts the customer the promise when a number is given and has not opted
 * out.
 */
#include "smsdesk/bookcmd.h"
#include "smsdesk/catalog.h"
#include "smsdesk/cli.h"
#include "smsdesk/cliopt.h"
#include "smsdesk/phone.h"
#include "smsdesk/staffbook.h"
#include "smsdesk/store.h"

#include <stdio.h>
#include <string.h>

static const char usage_text[] =
    "usage: smsdesk book [-c FILE] [--db PATH] --service ID --at TIME\n"
    "                    [--name NAME] [--phone NUMBER] [--note TEXT]\n"
    "                    [--force] [--no-text]\n"
    "\n"
    "Book a walk-in or a phone booking. TIME is local business time,\n"
    "YYYY-MM-DDTHH:MM or \"YYYY-MM-DD HH:MM\". The booking takes a place like\n"
    "a texted one: when the service is full or blocked then, nothing is\n"
    "booked. With --phone the customer is texted the booking and its\n"
    "reference (unless the number texted STOP, or --no-text). Works while\n"
    "the desk is running; it sends the text.\n"
    "\n"
    "  -c, --config FILE  the catalog (default $SMSDESK_CONFIG, else\n"
    "                     /etc/smsdesk/smsdesk.cfg)\n"
    "      --db PATH      the database (default: 'database' in the catalog)\n"
    "      --service ID   a service id from the catalog\n"
    "      --at TIME      when it starts\n"
    "      --name NAME    who it is for, as you want to see it\n"
    "      --phone NUMBER their mobile (national or +international form)\n"
    "      --note TEXT    anything to remember (kept with the booking)\n"
    "      --force        book outside opening hours or off the slot grid\n"
    "                     (never past capacity or a block)\n"
    "      --no-text      do not text the customer\n"
    "      --now TIME     act as if it were TIME (for tests)\n"
    "  -h, --help         this help\n"
    "\n"
    "Exit: 0 booked, 1 not booked (full, closed, bad input), 2 usage.\n";

struct options {
	const char *config, *db, *service, *at, *name, *phone, *note, *now;
	int force, no_text;
};

static int parse_options(int argc, char **argv, struct options *o)
{
	const struct cliopt opts[] = {
	    {"config", 'c', &o->config, NULL},
	    {"db", 0, &o->db, NULL},
	    {"service", 0, &o->service, NULL},
	    {"at", 0, &o->at, NULL},
	    {"name", 0, &o->name, NULL},
	    {"phone", 0, &o->phone, NULL},
	    {"note", 0, &o->note, NULL},
	    {"force", 0, NULL, &o->force},
	    {"no-text", 0, NULL, &o->no_text},
	    {"now", 0, &o->now, NULL},
	    CLIOPT_END,
	};
	int first,
	    rc = cliopt_parse(argc, argv, "book", usage_text, opts, 0, &first);

	if (rc >= 0)
		return rc;
	if (first < argc)
		return cli_usage_error("book", "unexpected argument '%s'",
				       argv[first]);
	if (o->service == NULL || o->at == NULL)
		return cli_usage_error("book", "--service and --at are needed");
	return -1;
}

/* "haircut, beard-trim" for the staff who typed an unknown id. */
static void list_services(const struct catalog *cat)
{
	fprintf(stderr, "smsdesk book: the catalog's services are:");
	for (size_t i = 0; i < cat->n_services; i++)
		fprintf(stderr, "%s %s", i > 0 ? "," : "", cat->services[i].id);
	fprintf(stderr, "\n");
}

static int fits(const char *what, const char *v, size_t cap)
{
	if (v == NULL || strlen(v) < cap)
		return 1;
	fprintf(stderr, "smsdesk book: %s is too long (at most %zu bytes)\n",
		what, cap - 1);
	return 0;
}

/* Check what was asked against the catalog; CLI_OK or the exit code. */
static int check_request(const struct bookcmd *b, const struct options *o,
			 const struct cat_service *svc, int64_t start,
			 char *phone, size_t phone_cap)
{
	char why[320];

	if (start + (int64_t)svc->minutes * 60 <= b->now) {
		fprintf(stderr, "smsdesk book: that %s would be over already\n",
			svc->name);
		return CLI_BAD_INPUT;
	}
	if (!o->force &&
	    staffbook_check_slot(b->cat, svc, start, why, sizeof(why)) != 0) {
		fprintf(stderr,
			"smsdesk book: %s\nsmsdesk book: nothing booked; "
			"--force books it anyway\n",
			why);
		return CLI_BAD_INPUT;
	}
	phone[0] = '\0';
	if (o->phone != NULL &&
	    staffbook_number(b->cat, o->phone, phone, phone_cap, why,
			     sizeof(why)) != 0) {
		fprintf(stderr, "smsdesk book: %s\n", why);
		return CLI_BAD_INPUT;
	}
	if (!fits("--name", o->name, STORE_NAME_MAX) ||
	    !fits("--note", o->note, STORE_NOTE_MAX))
		return CLI_BAD_INPUT;
	return CLI_OK;
}

static int book(struct bookcmd *b, const struct options *o,
		const struct cat_service *svc, int64_t start, const char *phone)
{
	struct store_staff_booking sb = {
	    .service = svc->id,
	    .start = start,
	    .minutes = svc->minutes,
	    .capacity = svc->capacity,
	    .customer = phone,
	    .name = o->name,
	    .note = o->note,
	};
	struct store_booking bk;
	char when[48], end[48], text[1024], err[200] = "";
	int64_t msg_id = 0;
	int sent = STAFFBOOK_NOT_WANTED;
	int rc = store_begin(b->st);

	if (rc == STORE_OK)
		rc = store_booking_create_staff(b->st, &sb, b->now, bk.ref,
						&bk.id);
	if (rc == STORE_OK && !o->no_text && phone[0] != '\0') {
		rc = store_booking_by_ref(b->st, bk.ref, &bk);
		if (rc == STORE_OK &&
		    staffbook_text_for(b->st, b->cat, STAFFBOOK_BOOKED, &bk, 0,
				       text, sizeof(text)) >= 0)
			sent =
			    staffbook_notify(b->st, b->cat, phone, text, b->now,
					     &msg_id, err, sizeof(err));
		if (sent < 0 && sent != STORE_ERR_ARG)
			rc = sent;
	}
	if (rc == STORE_OK)
		rc = store_commit(b->st);
	if (rc != STORE_OK) {
		store_rollback(b->st);
		staffbook_when(b->cat, start, 1, when, sizeof(when));
		if (rc == STORE_ERR_FULL) {
			fprintf(stderr,
				"smsdesk book: no place left for %s at %s: "
				"fully booked or blocked; nothing booked\n",
				svc->name, when);
			return CLI_BAD_INPUT;
		}
		return bookcmd_store_failed(b, rc, "booking failed");
	}
	staffbook_when(b->cat, start, 1, when, sizeof(when));
	staffbook_when(b->cat, start + (int64_t)svc->minutes * 60, 0, end,
		       sizeof(end));
	printf("Booked %s: %s, %s-%s", bk.ref, svc->name, when, end);
	if (o->name != NULL && o->name[0] != '\0')
		printf(", %s", o->name);
	if (phone[0] != '\0')
		printf(", %s", phone);
	printf(".\n");
	if (phone[0] != '\0')
		bookcmd_say_text(b, sent, phone, msg_id, err);
	return CLI_OK;
}

int cmd_book(int argc, char **argv)
{
	struct options o = {0};
	struct bookcmd b;
	const struct cat_service *svc;
	char phone[PHONE_E164_MAX];
	int64_t start;
	int rc = parse_options(argc, argv, &o);

	if (rc >= 0)
		return rc;
	rc = bookcmd_open(&b, "book", o.config, o.db, o.now);
	if (rc != CLI_OK)
		return rc;
	svc = catalog_service(b.cat, o.service);
	if (svc == NULL) {
		fprintf(stderr, "smsdesk book: no service '%s' in %s\n",
			o.service, b.cat->path);
		list_services(b.cat);
		rc = CLI_BAD_INPUT;
	} else if (staffbook_parse_time(b.cat, o.at, &start) != 0) {
		rc = cli_usage_error("book",
				     "--at wants a local time like "
				     "2026-03-03T10:00, not '%s'",
				     o.at);
	} else {
		rc = check_request(&b, &o, svc, start, phone, sizeof(phone));
		if (rc == CLI_OK)
			rc = book(&b, &o, svc, start, phone);
	}
	bookcmd_close(&b);
	return rc;
}
