/*
 * smsdesk bookings: one day's bookings for the staff, as an aligned table
 * or as an iCalendar file (RFC 5545) a phone calendar imports.
 */
#include "smsdesk/catalog.h"
#include "smsdesk/civil.h"
#include "smsdesk/cli.h"
#include "smsdesk/cliopt.h"
#include "smsdesk/staffcmd.h"
#include "smsdesk/store.h"
#include "smsdesk/text.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char usage_text[] =
    "usage: smsdesk bookings [-c FILE] [--db PATH] [--day YYYY-MM-DD] "
    "[--ics FILE]\n"
    "\n"
    "List one day's bookings (default: today in the business's time zone)\n"
    "and the blocks that cover it. BY says who made a booking: the desk\n"
    "(text) or the staff (staff, with the name and note they gave).\n"
    "\n"
    "  -c, --config FILE  the catalog (default $SMSDESK_CONFIG, else\n"
    "                     /etc/smsdesk/smsdesk.cfg)\n"
    "      --db PATH      the database (default: 'database' in the catalog)\n"
    "      --day DATE     the day to list, as YYYY-MM-DD\n"
    "      --ics FILE     write the day as an iCalendar file instead of a\n"
    "                     table ('-' for standard output)\n"
    "  -h, --help         this help\n";

/* The catalog's name for a service id; the id itself if it is gone. */
static const char *service_name(const struct catalog *cat, const char *id)
{
	const struct cat_service *svc = catalog_service(cat, id);

	return svc != NULL ? svc->name : id;
}

static const char *state_name(enum store_booking_state state)
{
	switch (state) {
	case STORE_BOOKED:
		return "booked";
	case STORE_CANCELLED:
		return "cancelled";
	case STORE_BLOCKED:
		return "blocked";
	}
	return "?";
}

/* "HH:MM" in the zone in use. */
static void local_hhmm(int64_t t, char *out, size_t cap)
{
	staffcmd_local(t, out, cap, 0);
}

/* Print s and pad it with spaces to width code points. */
static void put_cell(const char *s, size_t width)
{
	size_t w = text_codepoints(s);

	fputs(s, stdout);
	while (w++ < width)
		putchar(' ');
}

static size_t max_size(size_t a, size_t b)
{
	return a > b ? a : b;
}

/* Who a booking is for, as staff read it: name and number, either, or
 * "-" (a walk-in without either, or a customer who was forgotten). */
static void who(const struct store_booking *bk, char *out, size_t cap)
{
	if (bk->name[0] != '\0' && bk->customer[0] != '\0')
		snprintf(out, cap, "%s %s", bk->name, bk->customer);
	else if (bk->name[0] != '\0' || bk->customer[0] != '\0')
		snprintf(out, cap, "%s%s", bk->name, bk->customer);
	else
		snprintf(out, cap, "-");
}

#define COLS 7

struct row {
	char time[16];
	char ref[24];
	char customer[STORE_NAME_MAX + STORE_NUMBER_MAX + 2];
	const char *cell[COLS];
};

/* The day's bookings and blocks as rows, in time order. */
static void fill_row(const struct catalog *cat, const struct staff_day *day,
		     const struct store_booking *bk, struct row *r)
{
	char a[8], b[8];
	int64_t from, to, end = bk->start + (int64_t)bk->minutes * 60;

	staffcmd_day_range(day, &from, &to);
	/* A block may start before the day or end after it. */
	if (bk->start < from)
		snprintf(a, sizeof(a), "00:00");
	else
		local_hhmm(bk->start, a, sizeof(a));
	if (end > to)
		snprintf(b, sizeof(b), "24:00");
	else
		local_hhmm(end, b, sizeof(b));
	snprintf(r->time, sizeof(r->time), "%s-%s", a, b);
	r->cell[0] = r->time;
	if (bk->state == STORE_BLOCKED) {
		snprintf(r->ref, sizeof(r->ref), "block %lld",
			 (long long)bk->id);
		r->customer[0] = '\0';
		r->cell[1] = bk->service[0] != '\0'
				 ? service_name(cat, bk->service)
				 : "all services";
		r->cell[4] = "";
	} else {
		snprintf(r->ref, sizeof(r->ref), "%s", bk->ref);
		who(bk, r->customer, sizeof(r->customer));
		r->cell[1] = service_name(cat, bk->service);
		r->cell[4] = bk->by == STORE_BY_STAFF ? "staff" : "text";
	}
	r->cell[2] = r->customer;
	r->cell[3] = r->ref;
	r->cell[5] = state_name(bk->state);
	r->cell[6] = bk->note;
}

static int any_note(const struct store_booking_list *list)
{
	for (size_t i = 0; i < list->n; i++)
		if (list->v[i].note[0] != '\0')
			return 1;
	return 0;
}

static int print_table(const struct catalog *cat, const struct staff_day *day,
		       const struct store_booking_list *list)
{
	static const char *const head[COLS] = {
	    "TIME", "SERVICE", "CUSTOMER", "REF", "BY", "STATE", "NOTE"};
	size_t width[COLS], booked = 0, blocks = 0;
	char human[32];
	struct row *rows = calloc(list->n > 0 ? list->n : 1, sizeof(*rows));

	if (rows == NULL) {
		fprintf(stderr, "smsdesk bookings: out of memory\n");
		return CLI_BAD_INPUT;
	}
	staffcmd_day_human(day, human, sizeof(human));
	printf("Bookings for %s (%s)\n", human, cat->timezone);
	if (list->n == 0) {
		printf("\nNo bookings.\n");
		free(rows);
		return CLI_OK;
	}
	for (int c = 0; c < COLS; c++)
		width[c] = strlen(head[c]);
	for (size_t i = 0; i < list->n; i++) {
		const struct store_booking *bk = &list->v[i];

		fill_row(cat, day, bk, &rows[i]);
		booked += bk->state == STORE_BOOKED;
		blocks += bk->state == STORE_BLOCKED;
		for (int c = 0; c < COLS; c++)
			width[c] = max_size(width[c],
					    text_codepoints(rows[i].cell[c]));
	}
	/* NOTE only when there is one to show. */
	int cols = any_note(list) ? COLS : COLS - 1;
	printf("\n");
	for (int c = 0; c < cols - 1; c++)
		put_cell(head[c], width[c] + 2);
	printf("%s\n", head[cols - 1]);
	for (size_t i = 0; i < list->n; i++) {
		int last = cols - 1;
		while (last > 0 && rows[i].cell[last][0] == '\0')
			last--;
		for (int c = 0; c < last; c++)
			put_cell(rows[i].cell[c], width[c] + 2);
		printf("%s\n", rows[i].cell[last]);
	}
	printf("\n%zu booked, %zu cancelled", booked,
	       list->n - booked - blocks);
	if (blocks > 0)
		printf(", %zu block%s", blocks, blocks == 1 ? "" : "s");
	printf("\n");
	free(rows);
	return CLI_OK;
}

/* ---- iCalendar ---------------------------------------------------------- */

/*
 * Write one content line: folded so no line exceeds 75 octets (RFC 5545
 * 3.1), never inside a UTF-8 sequence, each ending in CRLF.
 *
 * It always ends: a cut steps back at most 3 bytes to the start of a
 * sequence (UTF-8 sequences are at most 4 bytes long), so every round
 * writes at least 71 bytes; bytes that are not UTF-8 are cut where they
 * stand (ics_text never passes them, this is the last guard).
 */
static void ics_line(FILE *f, const char *line)
{
	size_t len = strlen(line), pos = 0, limit = 75;

	while (len - pos > limit) {
		size_t cut = pos + limit, back = 0;

		while (back < 3 &&
		       ((unsigned char)line[cut - back] & 0xC0) == 0x80)
			back++;
		if (((unsigned char)line[cut - back] & 0xC0) != 0x80)
			cut -= back;
		fwrite(line + pos, 1, cut - pos, f);
		fputs("\r\n ", f);
		pos = cut;
		limit = 74; /* the leading space counts */
	}
	fputs(line + pos, f);
	fputs("\r\n", f);
}

/*
 * name:value with value escaped as TEXT (RFC 5545 3.3.11): invalid UTF-8
 * becomes U+FFFD, control characters a space (TEXT allows none but tab).
 */
static void ics_text(FILE *f, const char *name, const char *value)
{
	char clean[2048], buf[2 * sizeof(clean) + 64];
	size_t n = (size_t)snprintf(buf, sizeof(buf), "%.32s:", name);

	text_sanitize_utf8(value, strlen(value), clean, sizeof(clean));
	for (const char *p = clean; *p != '\0' && n + 3 < sizeof(buf); p++) {
		unsigned char c = (unsigned char)*p;

		if (c == '\\' || c == ';' || c == ',') {
			buf[n++] = '\\';
			buf[n++] = (char)c;
		} else if (c == '\n') {
			buf[n++] = '\\';
			buf[n++] = 'n';
		} else if (c == '\r') {
			continue;
		} else if ((c < 0x20 && c != '\t') || c == 0x7F) {
			buf[n++] = ' ';
		} else {
			buf[n++] = (char)c;
		}
	}
	buf[n] = '\0';
	ics_line(f, buf);
}

/* name:YYYYMMDDTHHMMSSZ */
static void ics_utc(FILE *f, const char *name, int64_t t)
{
	char buf[64];
	struct civil_time c;

	civil_zone_local(civil_zone_utc(), t, &c);
	snprintf(buf, sizeof(buf), "%s:%04d%02d%02dT%02d%02d%02dZ", name,
		 c.year % 10000, c.month, c.mday, c.hour, c.minute, c.second);
	ics_line(f, buf);
}

static void ics_event(FILE *f, const struct catalog *cat,
		      const struct store_booking *bk, int64_t now)
{
	const char *svc = service_name(cat, bk->service);
	char buf[2048], customer[STORE_NAME_MAX + STORE_NUMBER_MAX + 2];

	ics_line(f, "BEGIN:VEVENT");
	snprintf(buf, sizeof(buf), "UID:booking-%s@smsdesk", bk->ref);
	ics_line(f, buf);
	ics_utc(f, "DTSTAMP", now);
	ics_utc(f, "DTSTART", bk->start);
	ics_utc(f, "DTEND", bk->start + (int64_t)bk->minutes * 60);
	/* A cancelled booking is exported too, as an update of the event
	 * an earlier export created, so a calendar can drop it. */
	ics_line(f, bk->state == STORE_BOOKED ? "SEQUENCE:0" : "SEQUENCE:1");
	ics_line(f, bk->state == STORE_BOOKED ? "STATUS:CONFIRMED"
					      : "STATUS:CANCELLED");
	who(bk, customer, sizeof(customer));
	snprintf(buf, sizeof(buf), "%s: %s (%s)", svc, customer, bk->ref);
	ics_text(f, "SUMMARY", buf);
	snprintf(buf, sizeof(buf),
		 "%s at %s, booked %s.\nCustomer: %s\nReference: %s%s%s", svc,
		 cat->business_name,
		 bk->by == STORE_BY_STAFF ? "by the staff" : "by text message",
		 customer, bk->ref, bk->note[0] != '\0' ? "\nNote: " : "",
		 bk->note);
	ics_text(f, "DESCRIPTION", buf);
	ics_text(f, "LOCATION", cat->business_name);
	ics_line(f, "TRANSP:OPAQUE");
	ics_line(f, "END:VEVENT");
}

static int write_ics(const char *path, const struct catalog *cat,
		     const struct staff_day *day,
		     const struct store_booking_list *list, int64_t now)
{
	FILE *f = strcmp(path, "-") == 0 ? stdout : fopen(path, "w");
	char buf[1024];
	int failed;

	if (f == NULL) {
		fprintf(stderr, "smsdesk bookings: cannot write %s: %s\n", path,
			strerror(errno));
		return CLI_BAD_INPUT;
	}
	ics_line(f, "BEGIN:VCALENDAR");
	ics_line(f, "VERSION:2.0");
	ics_line(f, "PRODID:-//smsdesk//smsdesk " SMSDESK_VERSION "//EN");
	ics_line(f, "CALSCALE:GREGORIAN");
	ics_line(f, "METHOD:PUBLISH");
	snprintf(buf, sizeof(buf), "%s bookings %04d-%02d-%02d",
		 cat->business_name, day->year, day->month, day->mday);
	ics_text(f, "X-WR-CALNAME", buf);
	for (size_t i = 0; i < list->n; i++)
		ics_event(f, cat, &list->v[i], now);
	ics_line(f, "END:VCALENDAR");
	failed = ferror(f);
	if (f != stdout)
		failed |= fclose(f) != 0;
	else
		failed |= fflush(f) != 0;
	if (failed) {
		fprintf(stderr, "smsdesk bookings: writing %s failed: %s\n",
			path, strerror(errno));
		return CLI_BAD_INPUT;
	}
	if (f != stdout)
		printf("%zu booking%s written to %s\n", list->n,
		       list->n == 1 ? "" : "s", path);
	return CLI_OK;
}

/* ---- the command -------------------------------------------------------- */

static int by_start(const void *a, const void *b)
{
	const struct store_booking *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->state == STORE_BLOCKED ? -1 : y->state == STORE_BLOCKED;
}

/* The blocks covering [from, to) into list, as rows, all in time order. */
static int add_blocks(struct store *st, int64_t from, int64_t to,
		      struct store_booking_list *list)
{
	struct store_block_list bl = {NULL, 0};
	struct store_booking *v;
	int rc = store_blocks_between(st, from, to, &bl);

	if (rc != STORE_OK || bl.n == 0)
		return rc;
	v = realloc(list->v, (list->n + bl.n) * sizeof(*v));
	if (v == NULL) {
		store_block_list_free(&bl);
		return STORE_ERR_NOMEM;
	}
	list->v = v;
	for (size_t i = 0; i < bl.n; i++) {
		struct store_booking *b = &list->v[list->n++];
		int64_t minutes = (bl.v[i].end - bl.v[i].start + 59) / 60;

		memset(b, 0, sizeof(*b));
		b->id = bl.v[i].id;
		b->state = STORE_BLOCKED;
		b->start = bl.v[i].start;
		b->minutes = minutes > 0x7fffffff ? 0x7fffffff : (int)minutes;
		snprintf(b->service, sizeof(b->service), "%s", bl.v[i].service);
		snprintf(b->note, sizeof(b->note), "%s", bl.v[i].reason);
	}
	store_block_list_free(&bl);
	qsort(list->v, list->n, sizeof(*list->v), by_start);
	return STORE_OK;
}

struct options {
	const char *config;
	const char *db;
	const char *day;
	const char *ics;
};

/* Parse argv; returns -1 to go on, else the exit code. */
static int parse_options(int argc, char **argv, struct options *o)
{
	const struct cliopt opts[] = {
	    {"config", 'c', &o->config, NULL},
	    {"db", 0, &o->db, NULL},
	    {"day", 0, &o->day, NULL},
	    {"ics", 0, &o->ics, NULL},
	    CLIOPT_END,
	};
	int first, rc = cliopt_parse(argc, argv, "bookings", usage_text, opts,
				     0, &first);

	if (rc >= 0)
		return rc;
	if (first < argc)
		return cli_usage_error("bookings", "unexpected argument '%s'",
				       argv[first]);
	return -1;
}

int cmd_bookings(int argc, char **argv)
{
	struct options o = {NULL, NULL, NULL, NULL};
	struct store_booking_list list = {NULL, 0};
	struct catalog *cat = NULL;
	struct store *st = NULL;
	struct staff_day day;
	int64_t now = (int64_t)time(NULL), from, to;
	int rc = parse_options(argc, argv, &o);

	if (rc >= 0)
		return rc;
	if (o.day != NULL && staffcmd_parse_day(o.day, &day) != 0)
		return cli_usage_error("bookings",
				       "--day wants a date as YYYY-MM-DD, "
				       "not '%s'",
				       o.day);
	cat = staffcmd_catalog("bookings", cli_config_path(o.config));
	if (cat == NULL)
		return CLI_BAD_INPUT;
	rc = CLI_BAD_INPUT;
	if (staffcmd_use_zone(cat->timezone) != 0) {
		fprintf(stderr, "smsdesk bookings: cannot use time zone %s\n",
			cat->timezone);
		goto out;
	}
	if (o.day == NULL)
		day = staffcmd_today(now);
	st = staffcmd_store("bookings", cat, o.db);
	if (st == NULL)
		goto out;
	staffcmd_day_range(&day, &from, &to);
	if (store_bookings_between(st, from, to, 1, &list) != STORE_OK) {
		fprintf(stderr, "smsdesk bookings: reading bookings: %s\n",
			store_errmsg(st));
		goto out;
	}
	if (o.ics != NULL)
		rc = write_ics(o.ics, cat, &day, &list, now);
	else if (add_blocks(st, from, to, &list) != STORE_OK)
		fprintf(stderr, "smsdesk bookings: reading blocks: %s\n",
			store_errmsg(st));
	else
		rc = print_table(cat, &day, &list);
out:
	store_booking_list_free(&list);
	store_close(st);
	catalog_free(cat);
	return rc;
}
