/*
 * smsdesk inbox: what waits for a person — the texts handed to the staff
 * and not yet answered, with their codes, age and whether the forward is
 * still held — and the recent conversations; with a NUMBER, that one
 * customer's texts in and out. Read only. Numbers are masked ("***123")
 * unless -v or a NUMBER is given: a screen is often seen by others.
 */
#include "smsdesk/catalog.h"
#include "smsdesk/cli.h"
#include "smsdesk/cliopt.h"
#include "smsdesk/handoff.h"
#include "smsdesk/outbox.h"
#include "smsdesk/phone.h"
#include "smsdesk/staffbook.h"
#include "smsdesk/staffcmd.h"
#include "smsdesk/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char usage[] =
    "usage: smsdesk inbox [-c FILE] [--db PATH] [--days N] [-v] [NUMBER]\n"
    "\n"
    "What waits for a person: texts the desk handed to the staff and no one\n"
    "has answered yet, with their code (answer with 'smsdesk reply K7 ...'\n"
    "or by texting '#K7 ...' from a staff phone), their age, and whether\n"
    "the forward to the staff phones is still held (closed, or over the\n"
    "limits). Then the conversations of the last --days days (default 2).\n"
    "With NUMBER: that customer's texts in and out, in full.\n"
    "\n"
    "  -c, --config FILE  the catalog (default $SMSDESK_CONFIG, else\n"
    "                     /etc/smsdesk/smsdesk.cfg)\n"
    "      --db PATH      the database (default: 'database' in the catalog)\n"
    "      --days N       how far back conversations go (1..365)\n"
    "      --now TIME     act as if it were TIME (for tests)\n"
    "  -v, --verbose      show numbers in full (masked by default)\n"
    "  -h, --help         this help\n";

#define TALKS_MAX 50
#define LINES_MAX 200

struct view {
	const struct catalog *cat;
	struct store *st;
	int64_t now;
	int verbose;
};

static const char *shown(const struct view *v, const char *number, char *buf,
			 size_t cap)
{
	size_t n = strlen(number);

	if (v->verbose || n <= 3) {
		snprintf(buf, cap, "%s", number);
		return buf;
	}
	snprintf(buf, cap, "***%s", number + n - 3);
	return buf;
}

static void age(int64_t secs, char *out, size_t cap)
{
	if (secs < 60)
		snprintf(out, cap, "just now");
	else if (secs < 3600)
		snprintf(out, cap, "%lld min", (long long)(secs / 60));
	else if (secs < 2 * 86400)
		snprintf(out, cap, "%lld h", (long long)(secs / 3600));
	else
		snprintf(out, cap, "%lld days", (long long)(secs / 86400));
}

/* One line of text: line breaks as spaces, cut at max bytes (UTF-8 kept
 * whole). */
static void oneline(const char *text, size_t max, char *out, size_t cap)
{
	size_t n = 0;

	for (const char *p = text; *p != '\0' && n + 4 < cap; p++) {
		if (n >= max && ((unsigned char)*p & 0xC0) != 0x80) {
			memcpy(out + n, "...", 3);
			n += 3;
			break;
		}
		out[n++] = (*p == '\n' || *p == '\r' || *p == '\t') ? ' ' : *p;
	}
	out[n] = '\0';
}

static int waiting(const struct view *v)
{
	struct store_handoff_list list = {0};
	int64_t open = 0;
	int on_duty = handoff_on_duty(v->cat, v->now, &open);
	int rc = store_handoff_waiting(v->st, v->now - HANDOFF_OPEN_SECONDS, 0,
				       &list);

	if (rc < 0)
		return rc;
	printf("Waiting for a person: %zu\n", list.n);
	for (size_t i = 0; i < list.n; i++) {
		const struct store_handoff *h = &list.v[i];
		char num[STORE_NUMBER_MAX], a[32], text[160], note[96] = "";
		if (h->customer[0] == '\0')
			snprintf(num, sizeof(num), "(erased)");
		else
			shown(v, h->customer, num, sizeof(num));
		age(v->now - h->last_in_at, a, sizeof(a));
		oneline(h->last_text, 60, text, sizeof(text));
		if (h->n_held > 0 && !on_duty && open > 0) {
			char when[32];
			staffcmd_local(open, when, sizeof(when), 1);
			snprintf(note, sizeof(note),
				 "  [forward held until we open, %s]", when);
		} else if (h->n_held > 0) {
			snprintf(note, sizeof(note),
				 "  [forward held: over the limits, next "
				 "minute]");
		}
		printf("  #%-4s %-15s %-9s %-15s %d text%s, last \"%s\"%s\n",
		       h->code, num, a, h->why, h->n_texts,
		       h->n_texts == 1 ? "" : "s", text, note);
	}
	if (list.n > 0)
		printf("  Answer with: smsdesk reply CODE TEXT...\n");
	store_handoff_list_free(&list);
	return STORE_OK;
}

static int talks(const struct view *v, int days)
{
	struct store_talks t = {0};
	int rc =
	    store_recent_talks(v->st, v->now - days * 86400LL, TALKS_MAX, &t);

	if (rc < 0)
		return rc;
	printf("\nConversations, last %d day%s: %zu%s\n", days,
	       days == 1 ? "" : "s", t.n, t.n == TALKS_MAX ? " (latest)" : "");
	for (size_t i = 0; i < t.n; i++) {
		char num[STORE_NUMBER_MAX], when[32], text[160];
		char e[PHONE_E164_MAX];
		const struct cat_staff *s = NULL;
		if (outbox_number(t.v[i].sender, v->cat->country, e,
				  sizeof(e)) == PHONE_OK)
			s = handoff_staff_of(v->cat, e);
		if (s != NULL)
			snprintf(num, sizeof(num), "staff %.20s", s->name);
		else
			shown(v, t.v[i].sender, num, sizeof(num));
		staffcmd_local(t.v[i].last_at, when, sizeof(when), 1);
		oneline(t.v[i].last_text, 60, text, sizeof(text));
		printf("  %-15s %s  %3lld in, last \"%s\"\n", num, when,
		       (long long)t.v[i].n_in, text);
	}
	store_talks_free(&t);
	return STORE_OK;
}

/* Every stored form of the number (as received, national, E.164). */
struct match {
	const char *country;
	const char *e164;
};

static int same_number(void *ctx, const char *stored)
{
	const struct match *m = ctx;
	char e[PHONE_E164_MAX];

	return outbox_number(stored, m->country, e, sizeof(e)) == PHONE_OK &&
	       strcmp(e, m->e164) == 0;
}

static const char *out_state(int state)
{
	switch (state) {
	case STORE_OUT_QUEUED:
		return "queued";
	case STORE_OUT_SENDING:
		return "sending";
	case STORE_OUT_SENT:
		return "sent";
	case STORE_OUT_DELIVERED:
		return "delivered";
	case STORE_OUT_FAILED:
		return "failed";
	case STORE_OUT_WITHDRAWN:
		return "not sent";
	}
	return "?";
}

static int one(const struct view *v, const char *number, int days)
{
	struct match m = {.country = v->cat->country};
	struct store_strings forms = {0};
	struct store_talk_lines lines = {0};
	struct store_handoff h;
	char e164[PHONE_E164_MAX];
	int rc;

	if (outbox_number(number, v->cat->country, e164, sizeof(e164)) !=
	    PHONE_OK) {
		fprintf(stderr, "smsdesk inbox: '%s' is not a phone number\n",
			number);
		return CLI_USAGE;
	}
	m.e164 = e164;
	rc = store_numbers_matching(v->st, same_number, &m, &forms);
	if (rc >= 0)
		rc = store_talk_lines(v->st, &forms, e164,
				      v->now - days * 86400LL, LINES_MAX,
				      &lines);
	if (rc < 0) {
		store_strings_free(&forms);
		fprintf(stderr, "smsdesk inbox: %s\n", store_errmsg(v->st));
		return CLI_BAD_INPUT;
	}
	printf("%s, last %d day%s:\n", e164, days, days == 1 ? "" : "s");
	for (size_t i = 0; i < lines.n; i++) {
		const struct store_talk_line *l = &lines.v[i];
		char when[32], text[1024];
		staffcmd_local(l->at, when, sizeof(when), 1);
		oneline(l->text, sizeof(text) - 8, text, sizeof(text));
		if (!l->out)
			printf("  %s  in     %s\n", when, text);
		else
			printf("  %s  out    %s  [%s%s]\n", when, text,
			       l->origin == STORE_ORIGIN_STAFF ? "staff, " : "",
			       out_state(l->state));
	}
	if (lines.n == 0)
		printf("  nothing\n");
	for (size_t i = 0; i < forms.n; i++) {
		rc = store_handoff_of(v->st, forms.v[i],
				      v->now - HANDOFF_OPEN_SECONDS, &h);
		if (rc != STORE_OK)
			continue;
		if (h.last_in_at > h.answered_at)
			printf("Waiting for a person as #%s: answer with "
			       "smsdesk reply %s TEXT...\n",
			       h.code, h.code);
		store_handoff_clear(&h);
		break;
	}
	store_talk_lines_free(&lines);
	store_strings_free(&forms);
	return CLI_OK;
}

int cmd_inbox(int argc, char **argv)
{
	const char *config = NULL, *db = NULL, *now = NULL, *days_opt = NULL;
	struct view v = {0};
	const struct cliopt opts[] = {
	    {"config", 'c', &config, NULL},	{"db", 0, &db, NULL},
	    {"days", 0, &days_opt, NULL},	{"now", 0, &now, NULL},
	    {"verbose", 'v', NULL, &v.verbose}, CLIOPT_END,
	};
	int first, days = 2,
		   rc = cliopt_parse(argc, argv, "inbox", usage, opts,
				     CLIOPT_STOP_AT_OPERAND, &first);
	char *end;

	if (rc >= 0)
		return rc;
	if (days_opt != NULL) {
		days = (int)strtol(days_opt, &end, 10);
		if (end == days_opt || *end != '\0' || days < 1 || days > 365)
			return cli_usage_error(
			    "inbox", "--days wants 1 to 365, not '%s'",
			    days_opt);
	}
	if (argc - first > 1)
		return cli_usage_error("inbox", "one NUMBER at most");
	struct catalog *cat =
	    staffcmd_catalog("inbox", cli_config_path(config));
	if (cat == NULL)
		return CLI_BAD_INPUT;
	v.cat = cat;
	v.now = (int64_t)time(NULL);
	staffcmd_use_zone(cat->timezone);
	if (now != NULL && staffbook_parse_time(cat, now, &v.now) != 0) {
		catalog_free(cat);
		return cli_usage_error("inbox",
				       "--now wants a local time like "
				       "2026-03-03T10:00, not '%s'",
				       now);
	}
	v.st = staffcmd_store("inbox", cat, db);
	if (v.st == NULL) {
		catalog_free(cat);
		return CLI_BAD_INPUT;
	}
	if (first < argc) {
		rc = one(&v, argv[first], days);
	} else {
		rc = waiting(&v);
		if (rc >= 0)
			rc = talks(&v, days);
		if (rc < 0) {
			fprintf(stderr, "smsdesk inbox: %s\n",
				store_errmsg(v.st));
			rc = CLI_BAD_INPUT;
		} else {
			rc = CLI_OK;
		}
	}
	store_close(v.st);
	catalog_free(cat);
	return rc;
}
