/*
 * desk end to end: the inquiry corpus (tests/data/desk_corpus.txt) and the
 * conversations (tests/data/desk_conversations.txt) over the example catalog
 * conf/smsdesk.cfg and a real sqlite store, answered the way the daemon
 * does: one transaction per text, replies queued in the outbox.
 *
 * Every answer is also checked against the manners: no reply over
 * max_segments, no provider named that does not cover the subject.
 */
#include "harness.h"

#include "smsdesk/catalog.h"
#include "smsdesk/desk.h"
#include "smsdesk/pdu.h"
#include "smsdesk/store.h"
#include "smsdesk/when.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SENDER "+447700900001"

static struct catalog *cat;	/* the catalog the cases run against */
static struct catalog *example; /* conf/smsdesk.cfg */
static struct catalog *loaded[8];
static char loaded_path[8][512];
static char dir[] = "/tmp/smsdesk-test-desk-XXXXXX";
static int db_seq;

static struct store *fresh_store(void)
{
	char path[128], err[256];
	snprintf(path, sizeof(path), "%s/db%d.sqlite", dir, ++db_seq);
	struct store *st =
	    store_open(path, STORE_OPEN_CREATE, err, sizeof(err));
	if (st == NULL)
		printf("store_open %s: %s\n", path, err);
	return st;
}

static int64_t local_epoch(const char *s)
{
	int y, mo, d, h, mi;
	struct when_day day;
	time_t t = 0;
	if (sscanf(s, "%d-%d-%dT%d:%d", &y, &mo, &d, &h, &mi) != 5 ||
	    when_day_make(y, mo, d, &day) != 0)
		return -1;
	when_epoch_of(cat->timezone, &day, h * 60 + mi, &t);
	return (int64_t)t;
}

static char *trim(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	return s;
}

/* Split "a | b | c" in place; returns the field count. */
static size_t split(char *line, char **f, size_t cap)
{
	size_t n = 0;
	char *p = line;
	while (n < cap) {
		char *bar = strstr(p, " | ");
		f[n++] = trim(p);
		if (bar == NULL)
			break;
		*bar = '\0';
		p = bar + 3;
	}
	return n;
}

/* Apply one setup item: full:, book:, mine:, fullday:, optout. */
static int setup(struct store *st, char *spec, int64_t now)
{
	char *save = NULL;
	for (char *item = strtok_r(spec, ",", &save); item != NULL;
	     item = strtok_r(NULL, ",", &save)) {
		item = trim(item);
		if (strcmp(item, "-") == 0)
			continue;
		if (strcmp(item, "optout") == 0) {
			if (store_optout_set(st, SENDER, now - 60) != 0)
				return -1;
			continue;
		}
		char kind[16], svc[64], when[32];
		if (sscanf(item, "%15[^:]:%63[^@]@%31s", kind, svc, when) != 3)
			return -1;
		const struct cat_service *s = catalog_service(cat, svc);
		if (s == NULL)
			return -1;
		char ref[STORE_REF_MAX];
		int rc = 0;
		if (strcmp(kind, "fullday") == 0) {
			char at[64];
			int slots[128];
			struct when_day d;
			int y, m, dd;
			sscanf(when, "%d-%d-%d", &y, &m, &dd);
			when_day_make(y, m, dd, &d);
			size_t n =
			    when_slots_of(cat, &d, s->minutes, slots, 128);
			for (size_t i = 0; i < n && rc == 0; i++) {
				snprintf(at, sizeof(at), "%sT%02d:%02d", when,
					 slots[i] / 60, slots[i] % 60);
				for (int k = 0; k < s->capacity && rc == 0; k++)
					rc = store_booking_create(
					    st, svc, local_epoch(at),
					    s->minutes, s->capacity,
					    "+447700900999", now - 86400, ref,
					    NULL);
			}
		} else {
			int copies =
			    strcmp(kind, "full") == 0 ? s->capacity : 1;
			const char *who = strcmp(kind, "mine") == 0
					      ? SENDER
					      : "+447700900999";
			for (int k = 0; k < copies && rc == 0; k++)
				rc = store_booking_create(
				    st, svc, local_epoch(when), s->minutes,
				    s->capacity, who, now - 86400, ref, NULL);
		}
		if (rc != 0)
			return -1;
	}
	return 0;
}

/* What the daemon does with one inbound text. */
static int answer_from(struct store *st, const char *from, const char *text,
		       int64_t now, struct desk_result *res)
{
	int rc = store_begin(st);
	if (rc == 0)
		rc = desk_answer(cat, st, from, text, now, res);
	for (size_t i = 0; rc == 0 && i < res->n_replies; i++) {
		struct pdu_segment segs[10];
		struct store_out_part parts[10];
		struct pdu_error err;
		int n = pdu_encode_submit(res->replies[i], from, NULL, segs, 10,
					  &err);
		if (n <= 0) {
			rc = -100;
			break;
		}
		for (int k = 0; k < n; k++) {
			parts[k].pdu_hex = segs[k].hex;
			parts[k].tpdu_len = segs[k].tpdu_len;
		}
		struct store_outbox_new msg = {.to = from,
					       .text = res->replies[i],
					       .origin = STORE_ORIGIN_REPLY,
					       .parts = parts,
					       .n_parts = (size_t)n};
		rc = store_outbox_queue(st, &msg, now, NULL);
	}
	if (rc == 0)
		return store_commit(st);
	store_rollback(st);
	return rc;
}

static int answer(struct store *st, const char *text, int64_t now,
		  struct desk_result *res)
{
	return answer_from(st, SENDER, text, now, res);
}

/* The manners every answer keeps, whatever was asked. */
static void check_manners(const struct desk_result *res)
{
	CHECK(res->d.segments <= cat->policy.max_segments);
	for (size_t i = 0; i < res->n_replies; i++) {
		struct pdu_segment segs[12];
		struct pdu_error err;
		int n = pdu_encode_submit(res->replies[i], SENDER, NULL, segs,
					  12, &err);
		CHECK(n >= 1 && n <= cat->policy.max_segments);
	}
	for (size_t i = 0; i < res->d.n_named; i++) {
		int covers = 0;
		for (size_t r = 0; r < cat->n_referrals; r++) {
			if (strcmp(cat->referrals[r].name, res->d.named[i]) !=
			    0)
				continue;
			for (size_t k = 0; k < cat->referrals[r].n_covers; k++)
				covers |= strcmp(cat->referrals[r].covers[k],
						 res->d.named_for[i]) == 0;
		}
		CHECK(covers);
		for (size_t k = 0; k < res->n_replies; k++)
			CHECK(strstr(res->replies[k], res->d.named[i]) != NULL);
	}
	if (res->d.kind == DESK_SILENT)
		CHECK_INT(res->n_replies, 0);
	else
		CHECK_INT(res->n_replies, 1);
	/* Every example a reply gives is built from this catalog. */
	for (size_t i = 0; i < res->n_replies; i++) {
		const char *ex = strstr(res->replies[i], "e.g. ");
		if (ex == NULL)
			continue;
		ex += 5;
		int ours = 0;
		for (size_t s = 0; s < cat->n_services && !ours; s++)
			for (size_t w = 0; w < cat->services[s].n_words; w++)
				ours |=
				    strncmp(
					ex, cat->services[s].words[w],
					strlen(cat->services[s].words[w])) == 0;
		CHECK(ours);
	}
}

static void named_list(const struct desk_result *res, char *out, size_t cap)
{
	out[0] = '\0';
	for (size_t i = 0; i < res->d.n_named; i++) {
		size_t len = strlen(out);
		snprintf(out + len, cap - len, "%s%s", i ? ";" : "",
			 res->d.named[i]);
	}
	if (out[0] == '\0')
		snprintf(out, cap, "-");
}

/* "a+b+c": the primary's value and each further part's (empty ones
 * skipped unless keep_empty). */
static void joined(const struct desk_result *res, int which, char *out,
		   size_t cap)
{
	const struct desk_decision *d = &res->d;
	size_t len = 0;
	out[0] = '\0';
	for (size_t i = 0; i <= d->n_more; i++) {
		const char *v;
		if (which == 0)
			v = desk_kind_name(i == 0 ? d->kind
						  : d->more[i - 1].kind);
		else if (which == 1)
			v = i == 0 ? d->subject : d->more[i - 1].subject;
		else
			v = i == 0 ? d->local : d->more[i - 1].local;
		if (v[0] == '\0')
			continue;
		len += (size_t)snprintf(out + len, cap - len, "%s%s",
					len ? "+" : "", v);
		if (len >= cap)
			break;
	}
	if (out[0] == '\0')
		snprintf(out, cap, "-");
}

/* Compare one answer with "kind | reason | subject | local | named"; the
 * kind, subject and local fields list the further parts with "+". */
static void expect(const struct desk_result *res, char **f)
{
	char named[512], kinds[256], subjects[512], locals[256];
	named_list(res, named, sizeof(named));
	joined(res, 0, kinds, sizeof(kinds));
	joined(res, 1, subjects, sizeof(subjects));
	joined(res, 2, locals, sizeof(locals));
	CHECK_STR(kinds, f[0]);
	CHECK_STR(desk_reason_name(res->d.reason), f[1]);
	CHECK_STR(subjects, f[2]);
	CHECK_STR(locals, f[3]);
	CHECK_STR(named, f[4]);
	check_manners(res);
	if (getenv("TEST_SHOW") != NULL)
		for (size_t i = 0; i < res->n_replies; i++)
			printf("      reply: %s\n", res->replies[i]);
}

/* "@catalog PATH" (relative to the source tree): the cases below run
 * against that catalog. Returns 0, or -1 when it does not load. */
static int use_catalog(const char *rel)
{
	const char *src = getenv("SMSDESK_SRC");
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", src != NULL ? src : ".", rel);
	for (size_t i = 0; i < 8; i++) {
		if (loaded[i] != NULL && strcmp(loaded_path[i], path) == 0) {
			cat = loaded[i];
			return 0;
		}
		if (loaded[i] == NULL) {
			loaded[i] = catalog_load(path, NULL);
			if (loaded[i] == NULL) {
				printf("cannot load %s\n", path);
				return -1;
			}
			snprintf(loaded_path[i], sizeof(loaded_path[i]), "%s",
				 path);
			cat = loaded[i];
			return 0;
		}
	}
	return -1;
}

static FILE *open_data(const char *name)
{
	const char *src = getenv("SMSDESK_SRC");
	char path[512];
	snprintf(path, sizeof(path), "%s/tests/data/%s",
		 src != NULL ? src : ".", name);
	FILE *fp = fopen(path, "r");
	if (fp == NULL)
		printf("cannot open %s\n", path);
	return fp;
}

/* now | setup | text | kind | reason | subject | local | named */
static int run_corpus(const char *name)
{
	FILE *fp = open_data(name);
	char line[2048];
	int lineno = 0, cases = 0;
	static struct desk_result res;

	if (fp == NULL)
		return -1;
	while (fgets(line, sizeof(line), fp) != NULL) {
		char *f[10];
		lineno++;
		char *l = trim(line);
		if (l[0] == '#' || l[0] == '\0')
			continue;
		if (strncmp(l, "@catalog ", 9) == 0) {
			TEST_BEGIN("%s:%d: catalog %s", name, lineno, l + 9);
			CHECK_INT(use_catalog(trim(l + 9)), 0);
			TEST_END();
			continue;
		}
		size_t n = split(l, f, 10);
		TEST_BEGIN("%s:%d \"%s\"", name, lineno, n > 2 ? f[2] : "?");
		CHECK_INT(n, 8);
		if (n == 8) {
			struct store *st = fresh_store();
			int64_t now = local_epoch(f[0]);
			CHECK(st != NULL && now > 0);
			if (st != NULL) {
				CHECK_INT(setup(st, f[1], now), 0);
				CHECK_INT(answer(st, f[2], now, &res), 0);
				expect(&res, f + 3);
				store_close(st);
			}
		}
		TEST_END();
		cases++;
	}
	fclose(fp);
	return cases;
}

/*
 * == name                      starts a conversation on a fresh store
 * setup | spec                 prepares it
 * now | text | kind | reason | subject | local | named
 * "$REF" in a text is the reference of the last booking made.
 */
static int run_conversations(const char *file)
{
	FILE *fp = open_data(file);
	char line[2048], name[256] = "", lastref[STORE_REF_MAX] = "";
	char oldref[STORE_REF_MAX] = "";
	int lineno = 0, convs = 0, step = 0;
	struct store *st = NULL;
	static struct desk_result res;

	if (fp == NULL)
		return -1;
	while (fgets(line, sizeof(line), fp) != NULL) {
		char *f[10];
		lineno++;
		char *l = trim(line);
		if (l[0] == '#' || l[0] == '\0')
			continue;
		if (strncmp(l, "@catalog ", 9) == 0) {
			TEST_BEGIN("%s:%d: catalog %s", file, lineno, l + 9);
			CHECK_INT(use_catalog(trim(l + 9)), 0);
			TEST_END();
			continue;
		}
		if (strncmp(l, "== ", 3) == 0) {
			store_close(st);
			st = fresh_store();
			snprintf(name, sizeof(name), "%s", l + 3);
			lastref[0] = '\0';
			oldref[0] = '\0';
			step = 0;
			convs++;
			continue;
		}
		size_t n = split(l, f, 10);
		if (strcmp(f[0], "setup") == 0 && n == 2) {
			TEST_BEGIN("conv %s: setup", name);
			CHECK(st != NULL &&
			      setup(st, f[1],
				    local_epoch("2026-03-25T08:00")) == 0);
			TEST_END();
			continue;
		}
		step++;
		TEST_BEGIN("conv %s: step %d (%s:%d) \"%s\"", name, step, file,
			   lineno, n > 1 ? f[1] : "?");
		CHECK_INT(n, 7);
		if (n == 7 && st != NULL) {
			char text[600];
			/* "$REF": the last booking made or moved to;
			 * "$OLDREF": the one it was moved from. */
			const char *dollar = strstr(f[1], "$REF");
			const char *old = strstr(f[1], "$OLDREF");
			if (old != NULL)
				snprintf(text, sizeof(text), "%.*s%s%s",
					 (int)(old - f[1]), f[1], oldref,
					 old + 7);
			else if (dollar != NULL)
				snprintf(text, sizeof(text), "%.*s%s%s",
					 (int)(dollar - f[1]), f[1], lastref,
					 dollar + 4);
			else
				snprintf(text, sizeof(text), "%s", f[1]);
			/* "@NUMBER text": another customer speaks. */
			char from[STORE_NUMBER_MAX] = SENDER;
			char *body = text;
			if (text[0] == '@') {
				size_t k = strcspn(text + 1, " ");
				snprintf(from, sizeof(from), "%.*s", (int)k,
					 text + 1);
				body = text + 1 + k + (text[1 + k] == ' ');
			}
			CHECK_INT(answer_from(st, from, body, local_epoch(f[0]),
					      &res),
				  0);
			expect(&res, f + 2);
			if (res.d.ref[0] != '\0' && res.d.kind == DESK_MOVED)
				snprintf(oldref, sizeof(oldref), "%s", lastref);
			if (res.d.ref[0] != '\0' &&
			    (res.d.kind == DESK_BOOKED ||
			     res.d.kind == DESK_MOVED))
				snprintf(lastref, sizeof(lastref), "%s",
					 res.d.ref);
		}
		TEST_END();
	}
	store_close(st);
	fclose(fp);
	return convs;
}

/* A reminder reminder_hours before, once, with how to cancel; none to a
 * number that said STOP. */
static void test_reminders(void)
{
	struct store *st = fresh_store();
	struct desk_reminder rem[4];
	char spec[] = "mine:haircut@2026-03-26T10:00";
	int64_t t0 = local_epoch("2026-03-25T08:00");

	CHECK(st != NULL);
	if (st == NULL)
		return;
	CHECK_INT(setup(st, spec, t0), 0);
	CHECK_INT(store_begin(st), 0);
	/* 25 hours before: not yet */
	CHECK_INT(desk_reminders_due(cat, st, local_epoch("2026-03-25T09:00"),
				     rem, 4),
		  0);
	/* 23.5 hours before: due */
	CHECK_INT(desk_reminders_due(cat, st, local_epoch("2026-03-25T10:30"),
				     rem, 4),
		  1);
	CHECK_STR(rem[0].to, SENDER);
	CHECK(strstr(rem[0].text, "Reminder: Haircut, Thu 26 Mar 10:00") !=
	      NULL);
	CHECK(strstr(rem[0].text, "Text CANCEL ") != NULL);
	/* once only */
	CHECK_INT(desk_reminders_due(cat, st, local_epoch("2026-03-25T11:00"),
				     rem, 4),
		  0);
	CHECK_INT(store_commit(st), 0);
	/* opted out: marked, not sent */
	char spec2[] = "mine:beard-trim@2026-03-27T15:00,optout";
	CHECK_INT(setup(st, spec2, t0), 0);
	CHECK_INT(store_begin(st), 0);
	CHECK_INT(desk_reminders_due(cat, st, local_epoch("2026-03-26T16:00"),
				     rem, 4),
		  0);
	CHECK_INT(store_optout_clear(st, SENDER), 0);
	CHECK_INT(desk_reminders_due(cat, st, local_epoch("2026-03-26T16:30"),
				     rem, 4),
		  0);
	CHECK_INT(store_commit(st), 0);
	store_close(st);
}

/* Equally good providers take turns: least recently named first. */
static void test_fair_rotation(void)
{
	char path[128];
	snprintf(path, sizeof(path), "%s/rotation.cfg", dir);
	FILE *fp = fopen(path, "w");
	CHECK(fp != NULL);
	if (fp == NULL)
		return;
	fprintf(fp,
		"database = \"/tmp/x.db\";\n"
		"modems = ( { device = \"/dev/null\"; } );\n"
		"business = { name = \"Rota\"; timezone = \"Europe/London\";\n"
		"  hours = ( { days = \"mon-fri\"; open = \"09:00\"; "
		"close = \"17:00\"; } ); };\n"
		"services = ( { id = \"cut\"; name = \"Cut\"; words = [ "
		"\"cut\" ]; price = \"GBP 9\"; minutes = 30; } );\n"
		"topics = ( { id = \"nails\"; name = \"Nails\"; words = [ "
		"\"nails\" ]; } );\n"
		"referrals = (\n"
		"  { name = \"Alpha\"; phone = \"+441632960001\"; covers = [ "
		"\"nails\" ]; },\n"
		"  { name = \"Bravo\"; phone = \"+441632960002\"; covers = [ "
		"\"cut\" ]; },\n"
		"  { name = \"Charlie\"; phone = \"+441632960003\"; covers = "
		"[ \"nails\" ]; },\n"
		"  { name = \"Delta\"; phone = \"+441632960004\"; covers = [ "
		"\"nails\", \"cut\" ]; } );\n"
		"policy = { referrals_per_reply = 1; };\n");
	fclose(fp);
	struct catalog *rc = catalog_load(path, NULL);
	struct store *st = fresh_store();
	static struct desk_result res;
	static const char *const want[] = {"Alpha", "Charlie", "Delta", "Alpha",
					   "Charlie"};
	CHECK(rc != NULL && st != NULL);
	for (int i = 0; rc != NULL && st != NULL && i < 5; i++) {
		char from[32];
		snprintf(from, sizeof(from), "+4477009001%02d", i);
		CHECK_INT(store_begin(st), 0);
		CHECK_INT(desk_answer(rc, st, from, "do you do nails",
				      local_epoch("2026-03-25T10:00") + 60 * i,
				      &res),
			  0);
		CHECK_INT(store_commit(st), 0);
		CHECK_INT(res.d.kind, DESK_REFER);
		CHECK_INT(res.d.n_named, 1);
		if (res.d.n_named == 1)
			CHECK_STR(res.d.named[0], want[i]);
		/* Bravo covers only cuts: never named for nails */
		CHECK(strstr(res.replies[0], "Bravo") == NULL);
	}
	store_close(st);
	catalog_free(rc);
}

/* Senders that cannot receive a reply get none. */
static void test_cannot_receive(void)
{
	struct store *st = fresh_store();
	static struct desk_result res;
	CHECK(st != NULL);
	if (st == NULL)
		return;
	const char *senders[] = {"VODAFONE", "12345", "+44", "Bank-Info"};
	for (size_t i = 0; i < 4; i++) {
		CHECK_INT(store_begin(st), 0);
		CHECK_INT(desk_answer(cat, st, senders[i], "haircut tmrw 10",
				      local_epoch("2026-03-25T10:00"), &res),
			  0);
		CHECK_INT(res.d.kind, DESK_SILENT);
		CHECK_INT(res.d.reason, DESK_REASON_CANNOT_RECEIVE);
		CHECK_INT(res.n_replies, 0);
		CHECK_INT(store_commit(st), 0);
	}
	CHECK(desk_can_reply("+447700900001"));
	CHECK(desk_can_reply("07700900001"));
	store_close(st);
}

int main(void)
{
	static const char *const corpora[] = {
	    "desk_corpus.txt", "desk_texts_barber.txt", "desk_texts_bike.txt",
	    "desk_texts_groomer.txt",
	    "desk_texts_salon.txt"};
	static const char *const talks[] = {"desk_conversations.txt",
					    "desk_talk_barber.txt",
					    "desk_talk_bike.txt",
					    "desk_talk_salon.txt"};
	if (use_catalog("conf/smsdesk.cfg") != 0 || mkdtemp(dir) == NULL) {
		printf("cannot load the example catalog or make a temp dir\n");
		return 1;
	}
	example = cat;
	RUN(test_reminders);
	RUN(test_cannot_receive);
	RUN(test_fair_rotation);
	int cases = 0, real = 0, convs = 0;
	for (size_t i = 0; i < sizeof(corpora) / sizeof(corpora[0]); i++) {
		cat = example;
		int n = run_corpus(corpora[i]);
		cases += n > 0 ? n : 0;
		real += i > 0 && n > 0 ? n : 0;
	}
	for (size_t i = 0; i < sizeof(talks) / sizeof(talks[0]); i++) {
		cat = example;
		int n = run_conversations(talks[i]);
		convs += n > 0 ? n : 0;
	}
	TEST_BEGIN("the corpora hold at least 600 realistic inquiries and 60 "
		   "conversations over two trades");
	CHECK(real >= 600);
	CHECK(convs >= 60);
	TEST_END();
	printf("corpus: %d cases (%d written by hand), %d conversations\n",
	       cases, real, convs);
	char cmd[600];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("could not remove %s\n", dir);
	for (size_t i = 0; i < 8; i++)
		catalog_free(loaded[i]);
	return h_done();
}
