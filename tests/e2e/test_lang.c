/*
 * The per-language corpus runner. For every directory tests/data/lang/<code>/
 * (tests/data/lang/README.md says what goes in one): load its catalog.cfg,
 * run texts.txt and talk.txt through the desk on real sqlite stores exactly
 * as tests/e2e/test_desk.c runs the English corpora (tests/support/
 * desk_cases.h), check a reminder goes out in the pack's wording, and report
 * per language how many texts and conversations ran. A directory with a
 * `.complete` marker must hold at least 150 texts and 20 conversations; one
 * without is work in progress (run, counted, not held to the sizes).
 */
#include "harness.h"
#include "support/desk_cases.h"

#include "smsdesk/lang.h"

#include <dirent.h>
#include <sys/stat.h>

#define MIN_TEXTS 150
#define MIN_TALKS 20

static void lang_path(char *out, size_t cap, const char *code, const char *f)
{
	const char *src = getenv("SMSDESK_SRC");
	snprintf(out, cap, "%s/tests/data/lang/%s%s%s", src != NULL ? src : ".",
		 code, f[0] != '\0' ? "/" : "", f);
}

static int exists(const char *code, const char *file)
{
	char path[700];
	struct stat sb;
	lang_path(path, sizeof(path), code, file);
	return stat(path, &sb) == 0;
}

/*
 * A booking's reminder, the day before, in the language's wording (or the
 * catalog's own for that language).
 */
static void check_reminder(const char *code)
{
	const struct lang_pack *pack = lang_pack_for(code);
	struct store *st = fresh_store();
	struct desk_reminder rem[2];
	struct when_day d;
	int slots[64];
	char spec[128], at[32];
	size_t n = 0;

	TEST_BEGIN("lang %s: a reminder in the language", code);
	CHECK(st != NULL && pack != NULL && cat->n_services > 0);
	if (st == NULL || pack == NULL || cat->n_services == 0) {
		TEST_END();
		store_close(st);
		return;
	}
	/* The first open day from Thu 26 Mar 2026, its first slot. */
	for (int k = 0; k < 14 && n == 0; k++) {
		when_day_make(2026, 3, 26, &d);
		d = when_day_add(d, k);
		n = when_slots_of(cat, &d, cat->services[0].minutes, slots, 64);
	}
	CHECK(n > 0);
	snprintf(at, sizeof(at), "%04d-%02d-%02dT%02d:%02d", d.year, d.month,
		 d.mday, slots[0] / 60, slots[0] % 60);
	snprintf(spec, sizeof(spec), "mine:%s@%s", cat->services[0].id, at);
	int64_t start = local_epoch(at);
	CHECK_INT(setup(st, spec, start - 7 * 86400), 0);
	CHECK_INT(store_begin(st), 0);
	int64_t due = start - (int64_t)cat->policy.reminder_hours * 3600 + 60;
	CHECK_INT(desk_reminders_due(cat, st, due, rem, 2), 1);
	CHECK_INT(store_commit(st), 0);
	/* The wording up to its first placeholder is the pack's. */
	const char *tpl = lang_template(pack, "reminder");
	CHECK(tpl != NULL);
	if (tpl != NULL) {
		size_t head = strcspn(tpl, "{");
		if (strncmp(rem[0].text, tpl, head) != 0)
			printf("  reminder: %s\n", rem[0].text);
		CHECK(strncmp(rem[0].text, tpl, head) == 0);
	}
	CHECK(strstr(rem[0].text, cat->services[0].name) != NULL);
	TEST_END();
	store_close(st);
}

struct tally {
	char code[16];
	int texts, talks, complete, registered;
};

static void run_language(const char *code, struct tally *t)
{
	char rel[700];

	snprintf(t->code, sizeof(t->code), "%s", code);
	t->registered = lang_pack_for(code) != NULL;
	t->complete = exists(code, ".complete");
	if (!t->registered && !t->complete) {
		TEST_BEGIN("lang %s: no pack registered yet", code);
		SKIP("src/lang/registry.def does not list it");
		TEST_END();
		return;
	}
	TEST_BEGIN("lang %s: the pack is registered and the catalog loads in "
		   "it",
		   code);
	CHECK(t->registered);
	snprintf(rel, sizeof(rel), "tests/data/lang/%s/catalog.cfg", code);
	int loads = use_catalog(rel) == 0;
	CHECK(loads);
	if (loads)
		CHECK_STR(cat->languages[0], code);
	TEST_END();
	if (!loads || !t->registered)
		return;
	if (exists(code, "texts.txt")) {
		snprintf(rel, sizeof(rel), "lang/%s/texts.txt", code);
		int n = run_corpus(rel);
		t->texts = n > 0 ? n : 0;
	}
	snprintf(rel, sizeof(rel), "tests/data/lang/%s/catalog.cfg", code);
	if (exists(code, "talk.txt") && use_catalog(rel) == 0) {
		snprintf(rel, sizeof(rel), "lang/%s/talk.txt", code);
		int n = run_conversations(rel);
		t->talks = n > 0 ? n : 0;
	}
	snprintf(rel, sizeof(rel), "tests/data/lang/%s/catalog.cfg", code);
	if (use_catalog(rel) == 0)
		check_reminder(code);
	if (t->complete) {
		TEST_BEGIN("lang %s: at least %d texts and %d conversations",
			   code, MIN_TEXTS, MIN_TALKS);
		CHECK(t->texts >= MIN_TEXTS);
		CHECK(t->talks >= MIN_TALKS);
		TEST_END();
	}
}

static int by_code(const void *a, const void *b)
{
	return strcmp(((const struct tally *)a)->code,
		      ((const struct tally *)b)->code);
}

int main(void)
{
	char top[600];
	struct tally t[32];
	size_t n = 0;
	struct dirent *e;

	if (dc_init() != 0) {
		printf("cannot make a temp dir\n");
		return 1;
	}
	lang_path(top, sizeof(top), "", "");
	DIR *d = opendir(top);
	TEST_BEGIN("tests/data/lang/ lists the languages' corpora");
	CHECK(d != NULL);
	TEST_END();
	while (d != NULL && (e = readdir(d)) != NULL && n < 32) {
		if (e->d_name[0] == '.' ||
		    strlen(e->d_name) >= sizeof(t[n].code) ||
		    !exists(e->d_name, "catalog.cfg"))
			continue;
		memset(&t[n], 0, sizeof(t[n]));
		memcpy(t[n].code, e->d_name, strlen(e->d_name) + 1);
		n++;
	}
	if (d != NULL)
		closedir(d);
	qsort(t, n, sizeof(t[0]), by_code);
	for (size_t i = 0; i < n; i++) {
		char code[16];
		snprintf(code, sizeof(code), "%s", t[i].code);
		run_language(code, &t[i]);
	}
	/* Every registered pack but English (whose corpora test_desk runs)
	 * has a corpus here. */
	const struct lang_pack *const *packs;
	size_t np = lang_packs(&packs);
	for (size_t p = 1; p < np; p++) {
		TEST_BEGIN("lang %s: has tests/data/lang/%s/", packs[p]->code,
			   packs[p]->code);
		CHECK(exists(packs[p]->code, "catalog.cfg"));
		TEST_END();
	}
	for (size_t i = 0; i < n; i++)
		printf("lang %s: %d texts, %d conversations%s\n", t[i].code,
		       t[i].texts, t[i].talks,
		       !t[i].registered ? " (no pack registered)"
		       : t[i].complete	? ""
					: " (in progress: no .complete)");
	dc_done();
	return h_done();
}
