/*
 * desk_cases: the desk's corpus runners, shared by tests/e2e/test_desk.c
 * (the English corpora) and tests/e2e/test_lang.c (one corpus per language
 * pack, tests/data/lang/<code>/). Like harness.h, a header of static
 * functions: included once by a test, it checks with that test's CHECK.
 *
 * Cases run against the catalog in `cat` (use_catalog, or a "@catalog
 * PATH" line in the file) on a fresh sqlite store each, answered the way
 * the daemon does (one transaction per text, replies queued in the
 * outbox), and every answer is checked against the manners: no reply over
 * max_segments, no provider named that does not cover the subject, every
 * example built from the catalog.
 *
 * Texts (run_corpus), one case a line:
 *   now (local) | setup | text | kind | reason | subject | local start | named
 * Conversations (run_conversations):
 *   == name                      starts a conversation on a fresh store
 *   setup | spec                 prepares it
 *   now | text | kind | reason | subject | local start | named
 * "$REF" in a text is the last booking made or moved to, "$OLDREF" the one
 * it was moved from; "@NUMBER text" is another customer speaking. Setup
 * items: full:SERVICE@TIME, book:..., mine:..., fullday:SERVICE@DAY,
 * optout.
 *
 * The test calls dc_init() first (a scratch directory) and dc_done() last.
 */
#ifndef SMSDESK_TEST_DESK_CASES_H
#define SMSDESK_TEST_DESK_CASES_H

#include "harness.h"

#include "smsdesk/catalog.h"
#include "smsdesk/desk.h"
#include "smsdesk/pdu.h"
#include "smsdesk/store.h"
#include "smsdesk/text.h"
#include "smsdesk/when.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SENDER "+447700900001"

static struct catalog *cat; /* the catalog the cases run against */
/* Every catalog a corpus names stays loaded; more than fit is a test error
 * said plainly (it once failed as "cannot load" at the ninth). */
#define LOADED_MAX 240
static struct catalog *loaded[LOADED_MAX];
static char loaded_path[LOADED_MAX][512];
static char dir[] = "/tmp/smsdesk-test-cases-XXXXXX";
static int db_seq;

static __attribute__((unused)) struct store *fresh_store(void)
{
	char path[128], err[256];
	snprintf(path, sizeof(path), "%s/db%d.sqlite", dir, ++db_seq);
	struct store *st =
	    store_open(path, STORE_OPEN_CREATE, err, sizeof(err));
	if (st == NULL)
		printf("store_open %s: %s\n", path, err);
	return st;
}

static __attribute__((unused)) int64_t local_epoch(const char *s)
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

static __attribute__((unused)) char *trim(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	return s;
}

/* Split "a | b | c" in place; returns the field count. */
static __attribute__((unused)) size_t split(char *line, char **f, size_t cap)
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
static __attribute__((unused)) int setup(struct store *st, char *spec,
					 int64_t now)
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
static __attribute__((unused)) int answer_from(struct store *st,
					       const char *from,
					       const char *text, int64_t now,
					       struct desk_result *res)
{
	int rc = store_begin(st);
	if (rc == 0)
		rc = desk_answer(cat, st, from, text, now, res);
	for (size_t i = 0; rc == 0 && i < res->n_replies; i++) {
		struct pdu_segment segs[10];
		struct store_out_part parts[10];
		struct pdu_error err;
		struct pdu_submit_options po = {
		    .status_report = 1,
		    .msg_class = -1,
		    .national_shift =
			cat->policy.national_shift && cat->n_kannel == 0};
		int n = pdu_encode_submit(res->replies[i], from, &po, segs, 10,
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

static __attribute__((unused)) int answer(struct store *st, const char *text,
					  int64_t now, struct desk_result *res)
{
	return answer_from(st, SENDER, text, now, res);
}

/*
 * What introduces an example request in a reply, in each pack's wording
 * ("Text e.g. haircut sat 10am"): add your language's here.
 */
static const char *const example_marks[] = {"e.g. ", "p. ej. ", "ex. ", "Ex. ",
					    "z.B. ", "örn. ",	NULL};

/* An example's word that a service's name writes with its letters
 * ("Füllung", "Saç") is written so, never folded ("fullung", "sac":
 * review de6 s29); lower case, ASCII and Latin-1 capitals. */
static void dc_lower(char *s)
{
	for (unsigned char *q = (unsigned char *)s; *q != '\0'; q++) {
		if (q[0] == 0xc3 && q[1] >= 0x80 && q[1] <= 0x9e &&
		    q[1] != 0x97)
			q[1] += 0x20;
		else if (q[0] < 0x80)
			*q = (unsigned char)tolower(*q);
	}
}

/* Every word of the folded W is a word of NAME, folded. */
static int dc_name_holds(const char *name, const char *w)
{
	char raw[160], fn[160], pad[164], tok[72];
	/* split at an apostrophe as the desk does ("Children's") */
	snprintf(raw, sizeof(raw), "%s", name);
	for (char *q = raw; *q != '\0'; q++)
		if (*q == '\'')
			*q = ' ';
	text_fold(raw, fn, sizeof(fn));
	snprintf(pad, sizeof(pad), " %s ", fn);
	for (const char *p = w; *p != '\0';) {
		size_t n = strcspn(p, " ");
		snprintf(tok, sizeof(tok), " %.*s ", (int)n, p);
		if (strstr(pad, tok) == NULL)
			return 0;
		p += n;
		p += *p != '\0';
	}
	return 1;
}

/* An example names a service by a word its name holds when it has one
 * ("maniküre" of "Maniküre mit Shellac", never the catalog's first word
 * "manikuere"). */
static int example_name_word(const char *fex)
{
	for (size_t s = 0; s < cat->n_services; s++) {
		const struct cat_service *sv = &cat->services[s];
		int named = 0, held = 0, any = 0;
		for (size_t w = 0; w < sv->n_words; w++) {
			size_t l = strlen(sv->words[w]);
			int here =
			    strncmp(fex, sv->words[w], l) == 0 && fex[l] == ' ';
			int h = dc_name_holds(sv->name, sv->words[w]);
			named |= here;
			held |= here && h;
			any |= w < 8 && h;
		}
		if (named && held)
			return 1;
		if (named && any) {
			printf("  example %s: its name holds a word of it\n",
			       fex);
			return 0;
		}
	}
	return 1;
}

static int example_as_written(const char *w1, const char *f1)
{
	if (strcmp(w1, f1) != 0)
		return 1;
	for (size_t s = 0; s < cat->n_services; s++) {
		const char *p = cat->services[s].name;
		while (*p != '\0') {
			size_t n = strcspn(p, " -/(),.'");
			char tok[64], ft[64];
			snprintf(tok, sizeof(tok), "%.*s", (int)n, p);
			text_fold(tok, ft, sizeof(ft));
			dc_lower(tok);
			if (n > 0 && strcmp(ft, f1) == 0 &&
			    strcmp(tok, f1) != 0 &&
			    text_codepoints(tok) == text_codepoints(ft)) {
				printf(
				    "  example word %s, the name writes %s\n",
				    w1, tok);
				return 0;
			}
			p += n;
			p += *p != '\0';
		}
	}
	return 1;
}

/* The manners every answer keeps, whatever was asked. */
/* "@whole" in a corpus file: from there on no reply may be cut short
 * ("..." at its end), so a reply that only fits by losing words fails. */
static int dc_whole;
/* "@every_service": from there on a greeting, HELP or "which service?"
 * reply names every service of the catalog (a list cut to fit reads as
 * if we did only those). */
static int dc_every;

static __attribute__((unused)) void check_manners(const struct desk_result *res)
{
	for (size_t i = 0; dc_whole && i < res->n_replies; i++) {
		size_t l = strlen(res->replies[i]);
		CHECK(l < 3 || strcmp(res->replies[i] + l - 3, "...") != 0);
	}
	CHECK(res->d.segments <= cat->policy.max_segments);
	if (dc_every && res->n_replies > 0 &&
	    (res->d.kind == DESK_GREETING || res->d.kind == DESK_HELP ||
	     (res->d.kind == DESK_CLARIFY &&
	      res->d.reason == DESK_REASON_NEED_SERVICE))) {
		for (size_t s = 0; s < cat->n_services; s++) {
			int named = strstr(res->replies[0],
					   cat->services[s].name) != NULL;
			if (!named)
				printf("  missing %s: %s\n",
				       cat->services[s].name, res->replies[0]);
			CHECK(named);
		}
	}
	/* as the outbox encodes it (answer.c): a national shift table
	 * where the policy allows one */
	struct pdu_submit_options po = {
	    .status_report = 1,
	    .msg_class = -1,
	    .national_shift = cat->policy.national_shift && cat->n_kannel == 0};
	for (size_t i = 0; i < res->n_replies; i++) {
		struct pdu_segment segs[12];
		struct pdu_error err;
		int n = pdu_encode_submit(res->replies[i], SENDER, &po, segs,
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
		/* as written, or with the letters folded to fit ("Fisio
		 * Nervion"): compared folded */
		char fname[256], freply[2048];
		text_fold(res->d.named[i], fname, sizeof(fname));
		for (size_t k = 0; k < res->n_replies; k++) {
			text_fold(res->replies[k], freply, sizeof(freply));
			CHECK(strstr(freply, fname) != NULL);
		}
	}
	/* Every booking made or moved is stated: its ref is in a reply
	 * (the length limit never hides one). */
	for (size_t i = 0; i <= res->d.n_more; i++) {
		enum desk_kind k =
		    i == 0 ? res->d.kind : res->d.more[i - 1].kind;
		const char *ref = i == 0 ? res->d.ref : res->d.more[i - 1].ref;
		int told = 0;
		if ((k != DESK_BOOKED && k != DESK_MOVED) || ref[0] == '\0')
			continue;
		for (size_t r = 0; r < res->n_replies; r++)
			told |= strstr(res->replies[r], ref) != NULL;
		CHECK(told);
	}
	if (res->d.kind == DESK_SILENT)
		CHECK_INT(res->n_replies, 0);
	else
		CHECK_INT(res->n_replies, 1);
	/* Every example a reply gives is built from this catalog. */
	for (size_t i = 0; i < res->n_replies; i++) {
		const char *ex = NULL;
		for (size_t m = 0; ex == NULL && example_marks[m] != NULL; m++)
			if ((ex = strstr(res->replies[i], example_marks[m])) !=
			    NULL)
				ex += strlen(example_marks[m]);
		if (ex == NULL)
			continue;
		/* The example, folded as the catalog keeps its words
		 * ("füllung do 9" is the word "fullung"). */
		char w1[64], f1[64], fex[256];
		size_t n1 = strcspn(ex, " ");
		snprintf(w1, sizeof(w1), "%.*s", (int)n1, ex);
		text_fold(w1, f1, sizeof(f1));
		text_fold(ex, fex, sizeof(fex));
		int ours = 0;
		for (size_t s = 0; s < cat->n_services && !ours; s++)
			for (size_t w = 0; w < cat->services[s].n_words; w++) {
				const char *cw = cat->services[s].words[w];
				size_t l = strlen(cw);
				ours |= strncmp(fex, cw, l) == 0 &&
					fex[l] == ' '; /* the whole word */
			}
		CHECK(ours);
		CHECK(example_as_written(w1, f1));
		CHECK(cat->n_languages > 1 || example_name_word(fex));
	}
}

static __attribute__((unused)) void named_list(const struct desk_result *res,
					       char *out, size_t cap)
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
static __attribute__((unused)) void joined(const struct desk_result *res,
					   int which, char *out, size_t cap)
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
static __attribute__((unused)) void expect(const struct desk_result *res,
					   char **f)
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
static __attribute__((unused)) int use_catalog(const char *rel)
{
	const char *src = getenv("SMSDESK_SRC");
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", src != NULL ? src : ".", rel);
	for (size_t i = 0; i < LOADED_MAX; i++) {
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
	printf("more than %d catalogs: raise LOADED_MAX\n", LOADED_MAX);
	return -1;
}

static __attribute__((unused)) FILE *open_data(const char *name)
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
static __attribute__((unused)) int run_corpus(const char *name)
{
	FILE *fp = open_data(name);
	char line[2048];
	int lineno = 0, cases = 0;
	static struct desk_result res;

	dc_whole = 0;
	dc_every = 0;

	if (fp == NULL)
		return -1;
	while (fgets(line, sizeof(line), fp) != NULL) {
		char *f[10];
		lineno++;
		char *l = trim(line);
		if (l[0] == '#' || l[0] == '\0')
			continue;
		if (strcmp(l, "@whole") == 0) {
			dc_whole = 1;
			continue;
		}
		if (strcmp(l, "@every_service") == 0) {
			dc_every = 1;
			continue;
		}
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
static __attribute__((unused)) int run_conversations(const char *file)
{
	FILE *fp = open_data(file);
	char line[2048], name[256] = "", lastref[STORE_REF_MAX] = "";
	char oldref[STORE_REF_MAX] = "";
	int lineno = 0, convs = 0, step = 0;
	struct store *st = NULL;

	dc_whole = 0;
	dc_every = 0;
	static struct desk_result res;

	if (fp == NULL)
		return -1;
	while (fgets(line, sizeof(line), fp) != NULL) {
		char *f[10];
		lineno++;
		char *l = trim(line);
		if (l[0] == '#' || l[0] == '\0')
			continue;
		if (strcmp(l, "@whole") == 0) {
			dc_whole = 1;
			continue;
		}
		if (strcmp(l, "@every_service") == 0) {
			dc_every = 1;
			continue;
		}
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

/* A scratch directory for the stores; 0, or -1 when it cannot be made. */
static __attribute__((unused)) int dc_init(void)
{
	return mkdtemp(dir) != NULL ? 0 : -1;
}

/* Remove the scratch directory and free the catalogs loaded. */
static __attribute__((unused)) void dc_done(void)
{
	char cmd[600];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("could not remove %s\n", dir);
	for (size_t i = 0; i < LOADED_MAX; i++) {
		catalog_free(loaded[i]);
		loaded[i] = NULL;
	}
}

#endif
