/*
 * smsdesk bookings and smsdesk report, end to end: a real catalog file, a
 * real database seeded through the store, the real binary ($SMSDESK_BIN).
 * The aligned table and the report are compared whole; the iCalendar file
 * is parsed back (CRLF, folding, escaping, UTC times) and checked field by
 * field.
 */
#include "harness.h"
#include "smsdesk/store.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char dir[64], cfg[128], db[128], bin[512], src[512];
static char out[16384], err[4096];

/* 2026-11-25 is a Wednesday, in GMT; 2026-07-15 a Wednesday, in BST. */
#define NOV25 1795564800 /* 2026-11-25T00:00:00Z */
#define JUL15 1784073600 /* 2026-07-15T00:00:00Z */
#define H     3600

static int slurp(const char *path, char *buf, size_t cap)
{
	FILE *f = fopen(path, "rb");
	size_t n;

	buf[0] = '\0';
	if (f == NULL)
		return -1;
	n = fread(buf, 1, cap - 1, f);
	buf[n] = '\0';
	fclose(f);
	return (int)n;
}

/* Run "smsdesk ARGS" through sh; stdout and stderr land in out and err. */
static int run(const char *args)
{
	char cmd[2048], o[128], e[128];
	int status;

	snprintf(o, sizeof(o), "%s/stdout", dir);
	snprintf(e, sizeof(e), "%s/stderr", dir);
	snprintf(cmd, sizeof(cmd), "'%s' %s >'%s' 2>'%s'", bin, args, o, e);
	status = system(cmd);
	slurp(o, out, sizeof(out));
	slurp(e, err, sizeof(err));
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (f != NULL) {
		fputs(text, f);
		fclose(f);
	}
}

static struct store *open_db(void)
{
	char e[256];
	struct store *st = store_open(db, STORE_OPEN_CREATE, e, sizeof(e));

	if (st == NULL)
		printf("  store_open: %s\n", e);
	return st;
}

static void book(struct store *st, const char *svc, int64_t start, int min,
		 const char *who, char *ref)
{
	char tmp[STORE_REF_MAX];

	CHECK_INT(store_booking_create(st, svc, start, min, 5, who,
				       start - 2 * H, ref != NULL ? ref : tmp,
				       NULL),
		  STORE_OK);
}

/* References drawn from a fixed sequence so the table can be compared. */
static int counting_random(void *ctx, unsigned char *buf, size_t n)
{
	unsigned *next = ctx;

	for (size_t i = 0; i < n; i++)
		buf[i] = (unsigned char)((*next)++ % 25);
	return 0;
}

static void seed(void)
{
	struct store *st;
	char ref[STORE_REF_MAX];
	unsigned next = 0;

	unlink(db);
	st = open_db();
	if (st == NULL)
		return;
	store_set_random(st, counting_random, &next);
	/* Wednesday 25 November, out of order on purpose. */
	book(st, "haircut", NOV25 + 10 * H, 30, "+441632960001", NULL);
	book(st, "beard-trim", NOV25 + 9 * H + 15 * 60, 15, "+441632960002",
	     NULL);
	book(st, "kids-cut", NOV25 + 16 * H + 40 * 60, 20, "+447700900123",
	     ref);
	CHECK_INT(store_booking_cancel(st, ref, "+447700900123", 2000, NULL),
		  STORE_OK);
	book(st, "long", NOV25 + 11 * H, 60, "+441632960003", NULL);
	/* The evening before and the morning after stay out. */
	book(st, "haircut", NOV25 - 1 * H, 30, "+441632960009", NULL);
	book(st, "haircut", NOV25 + 24 * H, 30, "+441632960009", NULL);
	book(st, "accents", NOV25 + 24 * H + 14 * H, 30, "+441632960008", NULL);
	/* Summer: 10:00 BST is 09:00 UTC. */
	book(st, "haircut", JUL15 + 9 * H, 30, "+441632960004", NULL);
	store_close(st);
}

static void setup(void)
{
	const char *b = getenv("SMSDESK_BIN"), *s = getenv("SMSDESK_SRC");

	snprintf(bin, sizeof(bin), "%s", b != NULL ? b : "");
	snprintf(src, sizeof(src), "%s", s != NULL ? s : ".");
	snprintf(dir, sizeof(dir), "/tmp/smsdesk-bookings-XXXXXX");
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		exit(1);
	}
	snprintf(cfg, sizeof(cfg), "%s/shop.cfg", dir);
	snprintf(db, sizeof(db), "%s/desk.db", dir);
	{
		char text[4096], accents[128] = "";

		/* 50 two-byte characters: any fold lands mid-character
		 * unless the writer steps back. */
		for (int i = 0; i < 50; i++)
			strcat(accents, "é");
		snprintf(
		    text, sizeof(text),
		    "database = \"%2$s\";\n"
		    "modems = ( { device = \"/dev/null\"; } );\n"
		    "business = { name = \"Harbour Street Barbers\";\n"
		    "  timezone = \"Europe/London\";\n"
		    "  hours = ( { days = \"mon-sat\"; open = \"09:00\";"
		    " close = \"18:00\"; } ); };\n"
		    "services = (\n"
		    "  { id = \"haircut\"; name = \"Haircut\"; words = ["
		    " \"haircut\" ]; price = \"GBP 18\"; minutes = 30;"
		    " capacity = 2; notice_minutes = 60; },\n"
		    "  { id = \"beard-trim\"; name = \"Beard trim\"; words = ["
		    " \"beard\" ]; price = \"GBP 10\"; minutes = 15;"
		    " capacity = 2; notice_minutes = 30; },\n"
		    "  { id = \"kids-cut\"; name = \"Kids' cut\"; words = ["
		    " \"kids\" ]; price = \"GBP 12\"; minutes = 20;"
		    " capacity = 2; notice_minutes = 60; },\n"
		    "  { id = \"accents\"; name = \"%1$s\"; words = ["
		    " \"accents\" ]; price = \"EUR 1\"; minutes = 30;"
		    " capacity = 1; notice_minutes = 60; },\n"
		    "  { id = \"long\"; name = \"Coupe et brushing à "
		    "l'ancienne, façon Café Crème; soin complet\"; words = ["
		    " \"coupe\" ]; price = \"EUR 60\"; minutes = 60;"
		    " capacity = 1; notice_minutes = 60; }\n"
		    ");\n"
		    "topics = ( { id = \"nails\"; name = \"Nails\"; words = ["
		    " \"nails\" ]; } );\n"
		    "referrals = (\n"
		    "  { name = \"Quayside Cuts\"; phone = \"+441632960123\";"
		    " covers = [ \"haircut\" ]; },\n"
		    "  { name = \"Harbour Nails & Beauty\"; phone ="
		    " \"+447700900123\"; covers = [ \"nails\" ]; }\n"
		    ");\n",
		    accents, db);
		write_file(cfg, text);
	}
}

/* ---- the table ---------------------------------------------------------- */

static void test_table(void)
{
	char args[512];

	seed();
	snprintf(args, sizeof(args), "bookings -c '%s' --day 2026-11-25", cfg);
	CHECK_INT(run(args), 0);
	CHECK_STR(err, "");
	/* Time order; columns padded by characters, not bytes. */
	CHECK_STR(out,
		  "Bookings for Wed 25 Nov 2026 (Europe/London)\n"
		  "\n"
		  "TIME         SERVICE                                        "
		  "                 CUSTOMER       REF   BY    STATE\n"
		  "09:15-09:30  Beard trim                                     "
		  "                 +441632960002  DEFG  text  booked\n"
		  "10:00-10:30  Haircut                                        "
		  "                 +441632960001  3467  text  booked\n"
		  "11:00-12:00  Coupe et brushing à l'ancienne, façon Café "
		  "Crème; soin complet  +441632960003  VWXY  text  booked\n"
		  "16:40-17:00  Kids' cut                                      "
		  "                 +447700900123  MNPQ  text  cancelled\n"
		  "\n"
		  "3 booked, 1 cancelled\n");
}

static void test_table_summer_and_empty(void)
{
	char args[512];

	seed();
	snprintf(args, sizeof(args),
		 "bookings -c '%s' --db '%s' --day 2026-07-15", cfg, db);
	CHECK_INT(run(args), 0);
	CHECK(strstr(out, "10:00-10:30  Haircut  +441632960004") != NULL);
	snprintf(args, sizeof(args), "bookings -c '%s' --day 2026-07-16", cfg);
	CHECK_INT(run(args), 0);
	CHECK_STR(out, "Bookings for Thu 16 Jul 2026 (Europe/London)\n\n"
		       "No bookings.\n");
}

static void test_default_day_is_today(void)
{
	char args[512], ref[STORE_REF_MAX], day[16], want[64];
	struct store *st;
	time_t now = time(NULL);
	struct tm tm;

	/* Noon today in London, as the command should see it. */
	setenv("TZ", "Europe/London", 1);
	tzset();
	localtime_r(&now, &tm);
	tm.tm_hour = 12;
	tm.tm_min = 0;
	tm.tm_sec = 0;
	tm.tm_isdst = -1;
	strftime(day, sizeof(day), "%Y-%m-%d", &tm);
	seed();
	st = open_db();
	if (st == NULL) {
		CHECK(0);
		return;
	}
	book(st, "haircut", (int64_t)mktime(&tm), 30, "+441632960077", ref);
	store_close(st);
	snprintf(args, sizeof(args), "bookings -c '%s'", cfg);
	CHECK_INT(run(args), 0);
	{
		const char *line = strstr(out, "\n12:00-12:30  Haircut ");
		const char *eol = line != NULL ? strchr(line + 1, '\n') : NULL;
		const char *who = strstr(out, "+441632960077");
		CHECK(line != NULL && eol != NULL && who != NULL &&
		      who > line && who < eol);
	}
	CHECK(strstr(out, ref) != NULL);
	snprintf(want, sizeof(want), "--day %s", day);
	snprintf(args, sizeof(args), "bookings -c '%s' %s", cfg, want);
	CHECK_INT(run(args), 0);
	CHECK(strstr(out, ref) != NULL);
}

/* ---- iCalendar, parsed back ---------------------------------------------- */

struct ics {
	char lines[64][512]; /* unfolded content lines */
	int n;
	int bad_eol;	/* lines not ending in CRLF */
	int too_long;	/* physical lines over 75 octets */
	int folded;	/* continuation lines seen */
	int split_utf8; /* continuation lines starting mid-character */
};

static void ics_parse(const char *text, struct ics *ics)
{
	const char *p = text;

	memset(ics, 0, sizeof(*ics));
	while (*p != '\0') {
		const char *nl = strchr(p, '\n');
		size_t len = nl != NULL ? (size_t)(nl - p) : strlen(p);

		if (nl == NULL || len == 0 || p[len - 1] != '\r')
			ics->bad_eol++;
		else
			len--; /* drop CR */
		if (len > 75)
			ics->too_long++;
		if (*p == ' ' && ics->n > 0) {
			ics->folded++;
			if (((unsigned char)p[1] & 0xC0) == 0x80)
				ics->split_utf8++;
			strncat(ics->lines[ics->n - 1], p + 1,
				sizeof(ics->lines[0]) -
					    strlen(ics->lines[ics->n - 1]) - 1 <
					len - 1
				    ? sizeof(ics->lines[0]) -
					  strlen(ics->lines[ics->n - 1]) - 1
				    : len - 1);
		} else if (ics->n < 64) {
			snprintf(ics->lines[ics->n++], sizeof(ics->lines[0]),
				 "%.*s", (int)len, p);
		}
		p = nl != NULL ? nl + 1 : p + strlen(p);
	}
}

/* The value of the first property `name` after line `from`, or NULL. */
static const char *ics_get(const struct ics *ics, int from, const char *name)
{
	size_t n = strlen(name);

	for (int i = from; i < ics->n; i++) {
		if (strncmp(ics->lines[i], name, n) == 0 &&
		    ics->lines[i][n] == ':')
			return ics->lines[i] + n + 1;
		if (strcmp(ics->lines[i], "END:VEVENT") == 0)
			break;
	}
	return NULL;
}

/* Index of the VEVENT whose UID is uid, or -1. */
static int ics_event(const struct ics *ics, const char *uid)
{
	for (int i = 0; i < ics->n; i++) {
		const char *u;
		if (strcmp(ics->lines[i], "BEGIN:VEVENT") != 0)
			continue;
		u = ics_get(ics, i, "UID");
		if (u != NULL && strcmp(u, uid) == 0)
			return i;
	}
	return -1;
}

static void test_ics(void)
{
	char args[512], path[128], text[16384];
	struct ics *ics = calloc(1, sizeof(*ics));
	int events = 0, e;
	const char *v;

	if (ics == NULL) {
		CHECK(0);
		return;
	}
	seed();
	snprintf(path, sizeof(path), "%s/day.ics", dir);
	snprintf(args, sizeof(args),
		 "bookings -c '%s' --day 2026-11-25 --ics '%s'", cfg, path);
	CHECK_INT(run(args), 0);
	CHECK(strstr(out, "4 bookings written to") != NULL);
	CHECK(slurp(path, text, sizeof(text)) > 0);
	ics_parse(text, ics);
	CHECK_INT(ics->bad_eol, 0);
	CHECK_INT(ics->too_long, 0);
	CHECK(ics->folded > 0);
	CHECK_STR(ics->lines[0], "BEGIN:VCALENDAR");
	CHECK_STR(ics->lines[ics->n - 1], "END:VCALENDAR");
	CHECK(ics_get(ics, 0, "VERSION") != NULL &&
	      strcmp(ics_get(ics, 0, "VERSION"), "2.0") == 0);
	CHECK(ics_get(ics, 0, "PRODID") != NULL);
	for (int i = 0; i < ics->n; i++)
		events += strcmp(ics->lines[i], "BEGIN:VEVENT") == 0;
	CHECK_INT(events, 4);

	e = ics_event(ics, "booking-3467@smsdesk");
	CHECK(e >= 0);
	if (e >= 0) {
		CHECK_STR(ics_get(ics, e, "DTSTART"), "20261125T100000Z");
		CHECK_STR(ics_get(ics, e, "DTEND"), "20261125T103000Z");
		CHECK_STR(ics_get(ics, e, "STATUS"), "CONFIRMED");
		CHECK_STR(ics_get(ics, e, "SUMMARY"),
			  "Haircut: +441632960001 (3467)");
		v = ics_get(ics, e, "DTSTAMP");
		CHECK(v != NULL && strlen(v) == 16 && v[8] == 'T' &&
		      v[15] == 'Z');
	}
	/* The long name: folded on the wire, escaped, whole once unfolded. */
	e = ics_event(ics, "booking-VWXY@smsdesk");
	CHECK(e >= 0);
	if (e >= 0) {
		CHECK_STR(ics_get(ics, e, "SUMMARY"),
			  "Coupe et brushing à l'ancienne\\, façon Café "
			  "Crème\\; soin complet: +441632960003 (VWXY)");
		CHECK_STR(ics_get(ics, e, "DTEND"), "20261125T120000Z");
		v = ics_get(ics, e, "DESCRIPTION");
		CHECK(v != NULL && strstr(v, "\\nCustomer: +441632960003\\n"
					     "Reference: VWXY") != NULL);
	}
	e = ics_event(ics, "booking-MNPQ@smsdesk");
	CHECK(e >= 0);
	if (e >= 0)
		CHECK_STR(ics_get(ics, e, "STATUS"), "CANCELLED");

	CHECK_INT(ics->split_utf8, 0);

	/* Only two-byte characters: each fold must step back one byte. */
	snprintf(args, sizeof(args),
		 "bookings -c '%s' --day 2026-11-26 --ics -", cfg);
	CHECK_INT(run(args), 0);
	ics_parse(out, ics);
	CHECK_INT(ics->bad_eol, 0);
	CHECK_INT(ics->too_long, 0);
	CHECK(ics->folded >= 2);
	CHECK_INT(ics->split_utf8, 0);
	{
		char want[256] = "";
		for (int i = 0; i < 50; i++)
			strcat(want, "é");
		strcat(want, ": +441632960008 (");
		e = -1;
		for (int i = 0; i < ics->n; i++)
			if (strcmp(ics->lines[i], "BEGIN:VEVENT") == 0)
				e = i;
		v = e >= 0 ? ics_get(ics, e, "SUMMARY") : NULL;
		CHECK(v != NULL && strncmp(v, want, strlen(want)) == 0);
		v = e >= 0 ? ics_get(ics, e, "DTSTART") : NULL;
		CHECK(v != NULL && strcmp(v, "20261126T140000Z") == 0);
	}

	/* Summer time: local 10:00 is 09:00 UTC. */
	snprintf(args, sizeof(args),
		 "bookings -c '%s' --day 2026-07-15 --ics -", cfg);
	CHECK_INT(run(args), 0);
	ics_parse(out, ics);
	CHECK_INT(ics->bad_eol, 0);
	e = -1;
	for (int i = 0; i < ics->n; i++)
		if (strcmp(ics->lines[i], "BEGIN:VEVENT") == 0)
			e = i;
	CHECK(e >= 0);
	if (e >= 0)
		CHECK_STR(ics_get(ics, e, "DTSTART"), "20260715T090000Z");
	free(ics);
}

/* ---- errors ------------------------------------------------------------ */

static void test_errors(void)
{
	char args[512], missing[160], bad[160];
	struct stat sb;

	snprintf(missing, sizeof(missing), "%s/nothing-here.db", dir);
	snprintf(args, sizeof(args), "bookings -c '%s' --db '%s'", cfg,
		 missing);
	CHECK_INT(run(args), 1);
	CHECK(strstr(err, "no database at") != NULL);
	CHECK(strstr(err, missing) != NULL);
	CHECK(stat(missing, &sb) != 0); /* not created */
	snprintf(args, sizeof(args), "report -c '%s' --db '%s'", cfg, missing);
	CHECK_INT(run(args), 1);
	CHECK(strstr(err, "no database at") != NULL);
	CHECK(stat(missing, &sb) != 0);

	snprintf(args, sizeof(args), "bookings -c '%s' --day 2026-02-30", cfg);
	CHECK_INT(run(args), 2);
	CHECK(strstr(err, "YYYY-MM-DD") != NULL);
	snprintf(args, sizeof(args), "report -c '%s' --since yesterday", cfg);
	CHECK_INT(run(args), 2);
	CHECK_INT(run("bookings --frobnicate"), 2);
	CHECK(strstr(err, "unknown option '--frobnicate'") != NULL);
	CHECK_INT(run("bookings --day"), 2);
	CHECK_INT(run("report extra"), 2);
	CHECK_INT(run("bookings --help"), 0);
	CHECK(strstr(out, "--ics FILE") != NULL);
	CHECK_INT(run("report --help"), 0);
	CHECK(strstr(out, "--from DAY") != NULL);
	CHECK(strstr(out, "--html FILE") != NULL);

	/* A broken catalog: FILE:LINE and exit 1. */
	snprintf(bad, sizeof(bad), "%s/bad.cfg", dir);
	write_file(bad, "database = \"x.db\";\nbusiness = {\n");
	snprintf(args, sizeof(args), "bookings -c '%s'", bad);
	CHECK_INT(run(args), 1);
	CHECK(strstr(err, bad) != NULL);
	CHECK(strstr(err, ":3:") != NULL || strstr(err, ":2:") != NULL);

	/* A database from a newer smsdesk is refused, not damaged. */
	seed();
	snprintf(args, sizeof(args), "sqlite3 '%s' 'PRAGMA user_version=42;'",
		 db);
	CHECK_INT(system(args), 0);
	snprintf(args, sizeof(args), "report -c '%s'", cfg);
	CHECK_INT(run(args), 1);
	CHECK(strstr(err, "newer") != NULL);
}

/* ---- the report -----------------------------------------------------------
 */

static void queue(struct store *st, const char *to, int64_t now)
{
	struct store_out_part part = {"0011000B91", 10};
	struct store_outbox_new msg = {.to = to,
				       .text = "text",
				       .origin = STORE_ORIGIN_REPLY,
				       .parts = &part,
				       .n_parts = 1};

	CHECK_INT(store_outbox_queue(st, &msg, now, NULL), STORE_OK);
}

static void seed_report(void)
{
	const char *named[2] = {"Harbour Nails & Beauty", "Quayside Cuts"};
	struct store_inbox_new in = {
	    "+441632960001", 0, "07", "nails?", 0, "", 0};
	struct store_out_job job;
	struct store *st;
	char ref[STORE_REF_MAX];
	int64_t id;

	unlink(db);
	st = open_db();
	if (st == NULL)
		return;
	/* October (before --since 2026-11-01): one of each. */
	in.smsc_time = NOV25 - 40 * 24 * H;
	store_inbox_put(st, &in, in.smsc_time, &id);
	store_ledger_add(st, "+441632960001", "nails", STORE_REASON_NOT_OFFERED,
			 named, 1, in.smsc_time, NULL);
	book(st, "haircut", NOV25 - 40 * 24 * H, 30, "+441632960001", NULL);
	/* November. */
	for (int i = 0; i < 4; i++) {
		in.smsc_time = NOV25 + i;
		in.pdu_hex = i % 2 ? "0A" : "0B";
		store_inbox_put(st, &in, NOV25 + i, &id);
		if (i < 2)
			store_inbox_mark_answered(st, id, NOV25 + i);
		else if (i == 2)
			store_inbox_mark_ignored(st, id, "opted out", NOV25);
		store_ledger_add(st, "+441632960001", "nails",
				 STORE_REASON_NOT_OFFERED, named, i < 2 ? 1 : 0,
				 NOV25 + i, NULL);
	}
	store_ledger_add(st, "+441632960002", "haircut", STORE_REASON_FULL,
			 named + 1, 1, NOV25, NULL);
	store_ledger_add(st, "+441632960002", "", STORE_REASON_OTHER, NULL, 0,
			 NOV25, NULL);
	store_ledger_add(st, "+441632960002", "gone-service",
			 STORE_REASON_SHORT_NOTICE, NULL, 0, NOV25, NULL);
	queue(st, "+441632960001", NOV25);
	queue(st, "+441632960002", NOV25);
	while (store_outbox_next(st, NOV25, NULL, &job) == STORE_OK) {
		store_outbox_mark_sending(st, job.part_id, "m1", NOV25);
		if (strcmp(job.to, "+441632960002") == 0)
			store_outbox_mark_failed(st, job.part_id,
						 "+CMS ERROR: 38", NOV25);
		else
			store_outbox_mark_sent(st, job.part_id, 1, NOV25);
	}
	book(st, "haircut", NOV25 + 10 * H, 30, "+441632960005", ref);
	store_booking_cancel(st, ref, "+441632960005", NOV25 + 60, NULL);
	book(st, "beard-trim", NOV25 + 10 * H, 15, "+441632960006", NULL);
	store_close(st);
}

static void test_report(void)
{
	char args[512];

	seed_report();
	snprintf(args, sizeof(args),
		 "report -c '%s' --since 2026-11-01 --to 2026-11-30", cfg);
	CHECK_INT(run(args), 0);
	CHECK_STR(err, "");
	CHECK_STR(
	    out, "Harbour Street Barbers: Sun 1 Nov 2026 to Mon 30 Nov 2026 "
		 "(Europe/London)\n"
		 "\n"
		 "Demand we could not serve\n"
		 "  REQUESTED                 LOST  WHY                 BOOKED "
		 "LATER\n"
		 "  Nails                        4  not offered 4              "
		 "    0\n"
		 "  (a thing we don't know)      1  other 1                    "
		 "    0\n"
		 "  Haircut                      1  slot taken 1               "
		 "    0\n"
		 "  gone-service                 1  too short notice 1         "
		 "    0\n"
		 "  total                        7                             "
		 "    0\n"
		 "  by why: not offered 4, slot taken 1, too short notice 1, "
		 "other 1\n"
		 "\n"
		 "Week by week (weeks start on Monday)\n"
		 "  WEEK OF      TEXTS  BOOKED  BY STAFF  CANCELLED  LOST  NOT "
		 "UNDERSTOOD  REFERRALS\n"
		 "  2026-10-26       0       0         0          0     0      "
		 "         0          0\n"
		 "  2026-11-02       0       0         0          0     0      "
		 "         0          0\n"
		 "  2026-11-09       0       0         0          0     0      "
		 "         0          0\n"
		 "  2026-11-16       0       0         0          0     0      "
		 "         0          0\n"
		 "  2026-11-23       4       2         0          1     7      "
		 "         0          3\n"
		 "  2026-11-30       0       0         0          0     0      "
		 "         0          0\n"
		 "\n"
		 "Bookings by hour of day (by start, not cancelled)\n"
		 "  09:00     0\n"
		 "  10:00     1  ########################################\n"
		 "  11:00     0\n"
		 "  12:00     0\n"
		 "  13:00     0\n"
		 "  14:00     0\n"
		 "  15:00     0\n"
		 "  16:00     0\n"
		 "  17:00     0\n"
		 "\n"
		 "Referrals named\n"
		 "  REFERRAL                TIMES\n"
		 "  Harbour Nails & Beauty      2\n"
		 "  Quayside Cuts               1\n"
		 "\n"
		 "Texts not understood (latest 50 at most)\n"
		 "  none\n"
		 "\n"
		 "Messages\n"
		 "  received       4  (answered 2, not answered on purpose 1, "
		 "waiting 1)\n"
		 "  sent out       2  (delivered 0, sent 1, queued 0, failed "
		 "1; 2 SMS segments)\n"
		 "\n"
		 "Bookings\n"
		 "  made           2\n"
		 "  cancelled      1\n"
		 "\n"
		 "Sends that failed (latest 20 at most)\n"
		 "  QUEUED            TO               WHY\n"
		 "  2026-11-25 00:00  +441632960002    +CMS ERROR: 38\n");
	snprintf(args, sizeof(args), "report -c '%s'", cfg);
	CHECK_INT(run(args), 0);
	CHECK(strstr(out, "Harbour Street Barbers: all time, up to ") != NULL);
	CHECK(strstr(out, "  Nails                        5  not offered 5") !=
	      NULL);
	CHECK(strstr(out, "  total                        8") != NULL);
	CHECK(strstr(out, "  received       5") != NULL);
	CHECK(strstr(out, "  made           3\n") != NULL);
}

static void test_report_empty_example_catalog(void)
{
	char args[1024], e[256];
	struct store *st;

	/* The shipped example catalog, its database overridden by --db. */
	unlink(db);
	st = store_open(db, STORE_OPEN_CREATE, e, sizeof(e));
	CHECK(st != NULL);
	store_close(st);
	snprintf(args, sizeof(args),
		 "report -c '%s/conf/smsdesk.cfg' --db '%s'", src, db);
	CHECK_INT(run(args), 0);
	CHECK(strstr(out, "Demand we could not serve\n  none\n") != NULL);
	CHECK(strstr(out, "Referrals named\n  none\n") != NULL);
	CHECK(strstr(out, "  received       0") != NULL);
	snprintf(args, sizeof(args),
		 "bookings -c '%s/conf/smsdesk.cfg' --db '%s' --day 2026-12-25",
		 src, db);
	CHECK_INT(run(args), 0);
	CHECK(strstr(out, "Fri 25 Dec 2026") != NULL);
	CHECK(strstr(out, "No bookings.") != NULL);
}

int main(void)
{
	char cmd[128];

	setup();
	if (bin[0] == '\0') {
		TEST_BEGIN("bookings");
		SKIP("SMSDESK_BIN not set: run through make check");
		TEST_END();
		return h_done();
	}
	RUN(test_table);
	RUN(test_table_summer_and_empty);
	RUN(test_default_day_is_today);
	RUN(test_ics);
	RUN(test_errors);
	RUN(test_report);
	RUN(test_report_empty_example_catalog);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("could not remove %s\n", dir);
	return h_done();
}
