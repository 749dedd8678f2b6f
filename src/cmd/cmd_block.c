/*
 * smsdesk block / unblock: take a stretch of time out of the book (lunch,
 * a day off, a broken chair) for one service or for all, and give it back.
 * A block takes every place it covers, so the desk offers times around it
 * at once; bookings already inside it stand, and are listed so the staff
 * can move or cancel them.
 */
#include "smsdesk/bookcmd.h"
#include "smsdesk/catalog.h"
#include "smsdesk/cli.h"
#include "smsdesk/cliopt.h"
#include "smsdesk/staffbook.h"
#include "smsdesk/store.h"
#include "smsdesk/text.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char block_usage[] =
    "usage: smsdesk block [-c FILE] [--db PATH] --from TIME --to TIME\n"
    "                     [--service ID] [--reason TEXT]\n"
    "       smsdesk block [-c FILE] [--db PATH] --day DAY [--service ID]\n"
    "                     [--reason TEXT]\n"
    "       smsdesk block [-c FILE] [--db PATH] --list [--all]\n"
    "\n"
    "Take time out of the book: nothing can be booked from --from up to\n"
    "--to (local business time, YYYY-MM-DDTHH:MM or \"YYYY-MM-DD HH:MM\"),\n"
    "or all of --day (YYYY-MM-DD), for one service or, without --service,\n"
    "for every service. The desk offers other times around it. Bookings\n"
    "already inside stand; they are listed so you can move or cancel them.\n"
    "Each block gets a number: 'smsdesk unblock N' removes it.\n"
    "\n"
    "  -c, --config FILE  the catalog (default $SMSDESK_CONFIG, else\n"
    "                     /etc/smsdesk/smsdesk.cfg)\n"
    "      --db PATH      the database (default: 'database' in the catalog)\n"
    "      --from TIME    where the block starts\n"
    "      --to TIME      where it ends (not included)\n"
    "      --day DAY      the whole day instead of --from/--to\n"
    "      --service ID   only this service (default: all)\n"
    "      --reason TEXT  why, for the staff (never texted)\n"
    "      --list         list the blocks that have not ended yet\n"
    "      --all          with --list: past blocks too\n"
    "      --now TIME     act as if it were TIME (for tests)\n"
    "  -h, --help         this help\n"
    "\n"
    "Exit: 0 done, 1 bad input (unknown service, --to before --from), 2\n"
    "usage.\n";

static const char unblock_usage[] =
    "usage: smsdesk unblock [-c FILE] [--db PATH] N\n"
    "\n"
    "Remove block N (as 'smsdesk block --list' numbers it): its time can be\n"
    "booked again at once.\n"
    "\n"
    "  -c, --config FILE  the catalog (default $SMSDESK_CONFIG, else\n"
    "                     /etc/smsdesk/smsdesk.cfg)\n"
    "      --db PATH      the database (default: 'database' in the catalog)\n"
    "  -h, --help         this help\n"
    "\n"
    "Exit: 0 removed, 1 no such block, 2 usage.\n";

struct options {
	const char *config, *db, *now, *from, *to, *day, *service, *reason;
	int list, all;
	int first; /* argv index of the first operand */
};

static int parse_options(const char *cmd, const char *usage, int argc,
			 char **argv, struct options *o)
{
	const struct cliopt opts[] = {
	    {"config", 'c', &o->config, NULL},
	    {"db", 0, &o->db, NULL},
	    {"from", 0, &o->from, NULL},
	    {"to", 0, &o->to, NULL},
	    {"day", 0, &o->day, NULL},
	    {"service", 0, &o->service, NULL},
	    {"reason", 0, &o->reason, NULL},
	    {"list", 0, NULL, &o->list},
	    {"all", 0, NULL, &o->all},
	    {"now", 0, &o->now, NULL},
	    CLIOPT_END,
	};
	int first, rc = cliopt_parse(argc, argv, cmd, usage, opts, 0, &first);

	if (rc >= 0)
		return rc;
	o->first = first;
	return -1;
}

static const char *service_name(const struct catalog *cat, const char *id)
{
	const struct cat_service *svc;

	if (id[0] == '\0')
		return "all services";
	svc = catalog_service(cat, id);
	return svc != NULL ? svc->name : id;
}

/* "Tue 3 Mar 2026 12:00 - 13:00" (the end's day only when it differs). */
static void span(const struct catalog *cat, int64_t from, int64_t to, char *out,
		 size_t cap)
{
	char a[48], b[48], a_day[48], b_day[48];

	staffbook_when(cat, from, 1, a, sizeof(a));
	staffbook_when(cat, to, 1, b, sizeof(b));
	snprintf(a_day, sizeof(a_day), "%.*s", (int)(strlen(a) - 6), a);
	snprintf(b_day, sizeof(b_day), "%.*s", (int)(strlen(b) - 6), b);
	if (strlen(a) > 6 && strlen(b) > 6 && strcmp(a_day, b_day) == 0)
		snprintf(out, cap, "%s - %s", a, b + strlen(b) - 5);
	else
		snprintf(out, cap, "%s - %s", a, b);
}

/* The bookings that stand inside the new block: the staff decide. */
static void bookings_inside(const struct bookcmd *b, const char *service,
			    int64_t from, int64_t to)
{
	struct store_booking_list list = {NULL, 0};
	char when[48];
	size_t n = 0;

	if (store_bookings_between(b->st, from - 86400, to, 0, &list) != 0)
		return;
	for (size_t i = 0; i < list.n; i++) {
		const struct store_booking *bk = &list.v[i];
		int64_t end = bk->start + (int64_t)bk->minutes * 60;

		if (end <= from || bk->start >= to ||
		    (service[0] != '\0' && strcmp(service, bk->service) != 0))
			continue;
		if (n++ == 0)
			printf("These bookings are inside it and still stand "
			       "(smsdesk move REF --at TIME, or smsdesk "
			       "cancel REF):\n");
		staffbook_when(b->cat, bk->start, 1, when, sizeof(when));
		printf("  %s  %s  %s%s%s%s%s\n", bk->ref, when,
		       service_name(b->cat, bk->service),
		       bk->name[0] != '\0' ? "  " : "", bk->name,
		       bk->customer[0] != '\0' ? "  " : "", bk->customer);
	}
	store_booking_list_free(&list);
}

static int add_block(struct bookcmd *b, const struct options *o)
{
	const char *service = o->service != NULL ? o->service : "";
	char buf[128];
	int64_t from, to, id = 0;
	int rc;

	if (o->day != NULL) {
		if (o->from != NULL || o->to != NULL)
			return cli_usage_error(
			    "block", "--day or --from/--to, not both");
		if (staffbook_parse_day(b->cat, o->day, &from, &to) != 0)
			return cli_usage_error("block",
					       "--day wants YYYY-MM-DD, not "
					       "'%s'",
					       o->day);
	} else if (o->from == NULL || o->to == NULL) {
		return cli_usage_error("block",
				       "--from and --to (or --day) are needed");
	} else if (staffbook_parse_time(b->cat, o->from, &from) != 0 ||
		   staffbook_parse_time(b->cat, o->to, &to) != 0) {
		return cli_usage_error("block",
				       "--from and --to want local times like "
				       "2026-03-03T12:00");
	}
	if (service[0] != '\0' && catalog_service(b->cat, service) == NULL) {
		fprintf(stderr, "smsdesk block: no service '%s' in %s\n",
			service, b->cat->path);
		return CLI_BAD_INPUT;
	}
	if (to <= from) {
		fprintf(stderr, "smsdesk block: --to must be after --from\n");
		return CLI_BAD_INPUT;
	}
	if (to <= b->now) {
		fprintf(stderr, "smsdesk block: that time is over already\n");
		return CLI_BAD_INPUT;
	}
	if (o->reason != NULL && strlen(o->reason) >= STORE_NOTE_MAX) {
		fprintf(stderr,
			"smsdesk block: --reason is too long (at most %d "
			"bytes)\n",
			STORE_NOTE_MAX - 1);
		return CLI_BAD_INPUT;
	}
	rc = store_block_add(b->st, service, from, to, o->reason, b->now, &id);
	if (rc != STORE_OK)
		return bookcmd_store_failed(b, rc, "blocking failed");
	span(b->cat, from, to, buf, sizeof(buf));
	printf("Blocked %s for %s (block %" PRId64 "%s%s).\n", buf,
	       service_name(b->cat, service), id,
	       o->reason != NULL && o->reason[0] != '\0' ? ": " : "",
	       o->reason != NULL ? o->reason : "");
	bookings_inside(b, service, from, to);
	return CLI_OK;
}

static int list_blocks(struct bookcmd *b, const struct options *o)
{
	struct store_block_list list = {NULL, 0};
	char buf[128];
	int rc = store_blocks_between(b->st, o->all ? INT64_MIN / 2 : b->now,
				      INT64_MAX / 2, &list);

	if (rc != STORE_OK)
		return bookcmd_store_failed(b, rc, "reading blocks");
	if (list.n == 0)
		printf("No blocks%s.\n", o->all ? "" : " from now on");
	for (size_t i = 0; i < list.n; i++) {
		const struct store_block *k = &list.v[i];

		span(b->cat, k->start, k->end, buf, sizeof(buf));
		printf("%4" PRId64 "  %s  %s%s%s\n", k->id, buf,
		       service_name(b->cat, k->service),
		       k->reason[0] != '\0' ? "  " : "", k->reason);
	}
	store_block_list_free(&list);
	return CLI_OK;
}

int cmd_block(int argc, char **argv)
{
	struct options o = {0};
	struct bookcmd b;
	int rc = parse_options("block", block_usage, argc, argv, &o);

	if (rc >= 0)
		return rc;
	if (o.first < argc)
		return cli_usage_error("block", "unexpected argument '%s'",
				       argv[o.first]);
	rc = bookcmd_open(&b, "block", o.config, o.db, o.now);
	if (rc != CLI_OK)
		return rc;
	rc = o.list ? list_blocks(&b, &o) : add_block(&b, &o);
	bookcmd_close(&b);
	return rc;
}

int cmd_unblock(int argc, char **argv)
{
	struct options o = {0};
	struct store_block k;
	struct bookcmd b;
	char buf[128], *end;
	long long id;
	int rc = parse_options("unblock", unblock_usage, argc, argv, &o);

	if (rc >= 0)
		return rc;
	if (argc - o.first != 1)
		return cli_usage_error("unblock", "give one block number");
	errno = 0;
	id = strtoll(argv[o.first], &end, 10);
	if (errno != 0 || *end != '\0' || end == argv[o.first] || id <= 0)
		return cli_usage_error("unblock",
				       "'%s' is not a block number (see "
				       "'smsdesk block --list')",
				       argv[o.first]);
	rc = bookcmd_open(&b, "unblock", o.config, o.db, o.now);
	if (rc != CLI_OK)
		return rc;
	rc = store_block_remove(b.st, id, &k);
	if (rc == STORE_ERR_NOT_FOUND) {
		fprintf(stderr, "smsdesk unblock: no block %lld\n", id);
		rc = CLI_BAD_INPUT;
	} else if (rc != STORE_OK) {
		rc = bookcmd_store_failed(&b, rc, "unblocking failed");
	} else {
		span(b.cat, k.start, k.end, buf, sizeof(buf));
		printf("Removed block %lld: %s, %s.\n", id, buf,
		       service_name(b.cat, k.service));
		rc = CLI_OK;
	}
	bookcmd_close(&b);
	return rc;
}
