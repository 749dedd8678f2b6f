/*
 * smsdesk report: what the desk did, for the owner. The demand we turned
 * away comes first: it tells the owner what to offer next (DESIGN.md,
 * manners 5).
 */
#include "smsdesk/catalog.h"
#include "smsdesk/cli.h"
#include "smsdesk/staffcmd.h"
#include "smsdesk/store.h"
#include "smsdesk/text.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char usage_text[] =
    "usage: smsdesk report [-c FILE] [--db PATH] [--since YYYY-MM-DD]\n"
    "\n"
    "Messages in and out, bookings made and cancelled, the demand we\n"
    "turned away and the referrals we named, over all time or since a day\n"
    "(in the business's time zone).\n"
    "\n"
    "  -c, --config FILE  the catalog (default $SMSDESK_CONFIG, else\n"
    "                     /etc/smsdesk/smsdesk.cfg)\n"
    "      --db PATH      the database (default: 'database' in the catalog)\n"
    "      --since DATE   count from this day on, as YYYY-MM-DD\n"
    "  -h, --help         this help\n";

/* The reasons as the owner reads them; the stored names otherwise. */
static const char *reason_words(const char *stored)
{
	static const char *const words[][2] = {
	    {"not_offered", "not offered"},
	    {"full", "fully booked"},
	    {"closed", "closed that day"},
	    {"outside_hours", "outside hours"},
	    {"short_notice", "too short notice"},
	    {"beyond_horizon", "too far ahead"},
	    {"other", "other"},
	};

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(stored, words[i][0]) == 0)
			return words[i][1];
	return stored;
}

/* "Nails (nails)" for a catalog id, the bare id if the catalog dropped it. */
static void requested_words(const struct catalog *cat, const char *id,
			    char *out, size_t cap)
{
	const struct cat_service *svc;
	const struct cat_topic *topic;

	if (id[0] == '\0') {
		snprintf(out, cap, "(not understood)");
		return;
	}
	svc = catalog_service(cat, id);
	topic = svc == NULL ? catalog_topic(cat, id) : NULL;
	if (svc != NULL)
		snprintf(out, cap, "%s (%s)", svc->name, id);
	else if (topic != NULL)
		snprintf(out, cap, "%s (%s)", topic->name, id);
	else
		snprintf(out, cap, "%s", id);
}

static void pad(const char *s, size_t width)
{
	size_t w = text_codepoints(s);

	fputs(s, stdout);
	while (w++ < width)
		putchar(' ');
}

static int print_demand(const struct catalog *cat, const struct store_report *r)
{
	size_t wreq = strlen("REQUESTED"), wwhy = strlen("REASON");
	char(*names)[STORE_ID_MAX + 80];

	printf("Demand we turned away\n");
	if (r->n_demand == 0) {
		printf("  none\n");
		return CLI_OK;
	}
	names = calloc(r->n_demand, sizeof(*names));
	if (names == NULL) {
		fprintf(stderr, "smsdesk report: out of memory\n");
		return CLI_BAD_INPUT;
	}
	for (size_t i = 0; i < r->n_demand; i++) {
		size_t w;
		requested_words(cat, r->demand[i].requested, names[i],
				sizeof(names[i]));
		w = text_codepoints(names[i]);
		wreq = w > wreq ? w : wreq;
		w = text_codepoints(reason_words(r->demand[i].reason));
		wwhy = w > wwhy ? w : wwhy;
	}
	printf("  ");
	pad("REQUESTED", wreq + 2);
	pad("REASON", wwhy + 2);
	printf("TIMES\n");
	for (size_t i = 0; i < r->n_demand; i++) {
		printf("  ");
		pad(names[i], wreq + 2);
		pad(reason_words(r->demand[i].reason), wwhy + 2);
		printf("%5" PRId64 "\n", r->demand[i].count);
	}
	printf("  ");
	pad("total", wreq + 2 + wwhy + 2);
	printf("%5" PRId64 "\n", r->turned_away);
	free(names);
	return CLI_OK;
}

static void print_referrals(const struct store_report *r)
{
	size_t width = strlen("REFERRAL");

	printf("\nReferrals named\n");
	if (r->n_referrals == 0) {
		printf("  none\n");
		return;
	}
	for (size_t i = 0; i < r->n_referrals; i++) {
		size_t w = text_codepoints(r->referrals[i].name);
		width = w > width ? w : width;
	}
	printf("  ");
	pad("REFERRAL", width + 2);
	printf("TIMES\n");
	for (size_t i = 0; i < r->n_referrals; i++) {
		printf("  ");
		pad(r->referrals[i].name, width + 2);
		printf("%5" PRId64 "\n", r->referrals[i].count);
	}
}

static void print_counts(const struct store_report *r)
{
	printf("\nMessages\n");
	printf("  received   %5" PRId64 "  (answered %" PRId64
	       ", not answered on purpose %" PRId64 ", waiting %" PRId64 ")\n",
	       r->in_total, r->in_answered, r->in_ignored, r->in_new);
	printf("  sent out   %5" PRId64 "  (delivered %" PRId64
	       ", sent %" PRId64 ", queued %" PRId64 ", failed %" PRId64
	       "; %" PRId64 " SMS segments)\n",
	       r->out_total, r->out_delivered, r->out_sent, r->out_queued,
	       r->out_failed, r->out_parts);
	if (r->out_withdrawn > 0)
		printf("  not sent   %5" PRId64
		       "  (withdrawn on purpose: expired, or the number "
		       "opted out)\n",
		       r->out_withdrawn);
	printf("\nBookings\n");
	printf("  made       %5" PRId64 "\n", r->bookings_made);
	printf("  cancelled  %5" PRId64 "\n", r->bookings_cancelled);
}

static const char *origin_words(enum store_origin origin)
{
	switch (origin) {
	case STORE_ORIGIN_REPLY:
		return "reply";
	case STORE_ORIGIN_STAFF:
		return "staff text";
	case STORE_ORIGIN_REMINDER:
		return "reminder";
	}
	return "text";
}

/*
 * Messages that did not go out, latest first, with why: the ones we gave
 * up on (staff may want to call these customers) and, with what = 1 (a
 * column naming the kind of text), the ones withdrawn on purpose.
 */
static void print_ended(const char *title, const struct store_failed_row *v,
			size_t n, int what)
{
	size_t width = strlen("TO");

	if (n == 0)
		return;
	for (size_t i = 0; i < n; i++) {
		size_t w = strlen(v[i].to);
		width = w > width ? w : width;
	}
	printf("\n%s (latest %d at most)\n", title, STORE_REPORT_FAILED_MAX);
	printf("  QUEUED            ");
	pad("TO", width + 2);
	if (what)
		pad("WHAT", 12);
	printf("WHY\n");
	for (size_t i = 0; i < n; i++) {
		char when[32];

		staffcmd_local(v[i].created_at, when, sizeof(when), 1);
		printf("  %-16s  ", when);
		pad(v[i].to, width + 2);
		if (what)
			pad(origin_words(v[i].origin), 12);
		printf("%s\n", v[i].error[0] != '\0' ? v[i].error
						     : "(no reason recorded)");
	}
}

struct options {
	const char *config;
	const char *db;
	const char *since;
};

/* Parse argv; returns -1 to go on, else the exit code. */
static int parse_options(int argc, char **argv, struct options *o)
{
	static const struct option longopts[] = {
	    {"config", required_argument, NULL, 'c'},
	    {"db", required_argument, NULL, 'd'},
	    {"since", required_argument, NULL, 's'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	int c;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":c:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			o->config = optarg;
			break;
		case 'd':
			o->db = optarg;
			break;
		case 's':
			o->since = optarg;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return CLI_OK;
		case ':':
			return cli_usage_error("report", "%s needs a value",
					       argv[optind - 1]);
		default:
			return cli_usage_error("report", "unknown option '%s'",
					       argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("report", "unexpected argument '%s'",
				       argv[optind]);
	return -1;
}

int cmd_report(int argc, char **argv)
{
	struct options o = {NULL, NULL, NULL};
	struct store_report r = {0};
	struct catalog *cat = NULL;
	struct store *st = NULL;
	struct staff_day day;
	int64_t since = 0, to;
	char human[32];
	int rc = parse_options(argc, argv, &o);

	if (rc >= 0)
		return rc;
	if (o.since != NULL && staffcmd_parse_day(o.since, &day) != 0)
		return cli_usage_error("report",
				       "--since wants a date as YYYY-MM-DD, "
				       "not '%s'",
				       o.since);
	cat = staffcmd_catalog("report", cli_config_path(o.config));
	if (cat == NULL)
		return CLI_BAD_INPUT;
	rc = CLI_BAD_INPUT;
	if (staffcmd_use_zone(cat->timezone) != 0) {
		fprintf(stderr, "smsdesk report: cannot use time zone %s\n",
			cat->timezone);
		goto out;
	}
	st = staffcmd_store("report", cat, o.db);
	if (st == NULL)
		goto out;
	if (o.since != NULL)
		staffcmd_day_range(&day, &since, &to);
	if (store_report_build(st, since, &r) != STORE_OK) {
		fprintf(stderr, "smsdesk report: reading the database: %s\n",
			store_errmsg(st));
		goto out;
	}
	if (o.since != NULL) {
		staffcmd_day_human(&day, human, sizeof(human));
		printf("%s: since %s\n\n", cat->business_name, human);
	} else {
		printf("%s: all time\n\n", cat->business_name);
	}
	rc = print_demand(cat, &r);
	if (rc == CLI_OK) {
		print_referrals(&r);
		print_counts(&r);
		print_ended("Sends that failed", r.failed, r.n_failed, 0);
		/* Withdrawn on purpose by the outbox's send-time checks:
		 * expired after an outage, or the number opted out. */
		print_ended("Not sent on purpose", r.withdrawn, r.n_withdrawn,
			    1);
	}
out:
	store_report_free(&r);
	store_close(st);
	catalog_free(cat);
	return rc;
}
