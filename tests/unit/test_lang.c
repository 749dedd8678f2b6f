/* lang: the English pack's lexicon, template rendering and fitting, and the
 * check of a business's own wording, over the example catalog. */
#include "harness.h"

#include "smsdesk/catalog.h"
#include "smsdesk/lang.h"
#include "smsdesk/text.h"

#include <stdlib.h>
#include <string.h>

static struct catalog *cat;

static void test_lookup(void)
{
	const struct lang_pack *en = lang_pack_for("en");
	int val;
	CHECK(en != NULL);
	CHECK(en == lang_default());
	CHECK(lang_pack_for("xx") == NULL);
	CHECK(lang_lookup(en, "stop", NULL) & LW_STOP);
	CHECK(lang_lookup(en, "opt out", NULL) & LW_STOP);
	CHECK(lang_lookup(en, "stop by", NULL) & LW_NOT_STOP);
	CHECK(lang_lookup(en, "thanks", NULL) & LW_THANKS);
	CHECK(lang_lookup(en, "look at", NULL) & LW_TRADE);
	CHECK(lang_lookup(en, "do not disturb", NULL) & LW_AUTO);
	CHECK(lang_lookup(en, "two", &val) & LW_NUMBER);
	CHECK_INT(val, 2);
	CHECK(lang_lookup(en, "card", &val) & LW_NOT_TEXT);
	CHECK_INT(val, LANG_NT_PAYMENT);
	/* "ok" is two things at once: agreement and an acknowledgement */
	CHECK((lang_lookup(en, "ok", NULL) & (LW_YES | LW_ACK)) ==
	      (LW_YES | LW_ACK));
	CHECK_INT(lang_lookup(en, "haircut", NULL), 0);
	CHECK_INT(lang_lookup(en, "", NULL), 0);
	CHECK(lang_max_phrase(en) >= 4 &&
	      lang_max_phrase(en) <= LANG_MAX_PHRASE_WORDS);
}

static void test_render(void)
{
	const char *slots[] = {"10:00", "10:30", "11:00"};
	struct lang_var v[] = {
	    {.name = "service", .value = "Haircut"},
	    {.name = "slots",
	     .items = slots,
	     .n_items = 3,
	     .shown = 3,
	     .sep = " ",
	     .numbered = 1},
	};
	char out[256];
	lang_render("{service}: {slots}. Reply {pick} to book.", v, 2, out,
		    sizeof(out));
	CHECK_STR(out, "Haircut: 1) 10:00 2) 10:30 3) 11:00. Reply 1-3 to "
		       "book.");
	v[1].shown = 1;
	lang_render("{service}: {slots}. Reply {pick}.", v, 2, out,
		    sizeof(out));
	CHECK_STR(out, "Haircut: 1) 10:00. Reply 1.");
	/* a menu cut short says how many more; its brief items when asked */
	const char *names[] = {"Bath (small dog)", "Nails", "Trim"};
	const char *brief[] = {"Bath", "Nails", "Trim"};
	struct lang_var m = {.name = "services",
			     .items = names,
			     .n_items = 3,
			     .shown = 2,
			     .sep = ", ",
			     .more = " and {n} more",
			     .total = 12};
	lang_render("We do {services}.", &m, 1, out, sizeof(out));
	CHECK_STR(out, "We do Bath (small dog), Nails and 10 more.");
	m.shown = 3;
	m.total = 0;
	m.brief = brief;
	m.use_brief = 1;
	lang_render("We do {services}.", &m, 1, out, sizeof(out));
	CHECK_STR(out, "We do Bath, Nails, Trim.");
	/* an unknown placeholder is nothing; an open brace is kept */
	lang_render("a{nope}b {x", v, 2, out, sizeof(out));
	CHECK_STR(out, "ab {x");
	/* truncated at a UTF-8 boundary, never past cap */
	lang_render("Zoë Zoë Zoë", NULL, 0, out, 7);
	CHECK_STR(out, "Zoë Z");
	lang_render("Zoë", NULL, 0, out, 3);
	CHECK_STR(out, "Zo");
}

/*
 * issue 12: trim_words wrote two bytes past the reply buffer when the reply
 * was exactly full. The buffer here is exactly its size on the heap, so
 * AddressSanitizer sees any write past it.
 */
static void test_trim_full_buffer(void)
{
	for (size_t cap = 4; cap < 400; cap += 37) {
		char *text = malloc(cap);
		CHECK(text != NULL);
		if (text == NULL)
			return;
		/* "aaaa bbbb cc ... y z": full to cap - 1 with a space near
		 * the end */
		for (size_t i = 0; i + 1 < cap; i++)
			text[i] = (i % 5 == 4) ? ' ' : (char)('a' + i % 26);
		if (cap >= 3)
			text[cap - 3] = ' ';
		text[cap - 1] = '\0';
		int seg = lang_trim_words(text, cap, 1);
		CHECK(seg <= 1);
		CHECK(strlen(text) < cap);
		free(text);
	}
	/* a long reply is cut at a word and says so */
	char buf[512];
	memset(buf, 0, sizeof(buf));
	for (int i = 0; i < 60; i++)
		strcat(buf, "word ");
	CHECK_INT(lang_trim_words(buf, sizeof(buf), 1), 1);
	size_t n = strlen(buf);
	CHECK(n <= 160 && n >= 150);
	CHECK(n >= 3 && strcmp(buf + n - 3, "...") == 0);
	CHECK(buf[n - 4] != ' ');
	/* a single word too long for the cap goes altogether */
	char one[400];
	memset(one, 'x', sizeof(one) - 1);
	one[sizeof(one) - 1] = '\0';
	lang_trim_words(one, sizeof(one), 1);
	CHECK_STR(one, "");
}

static void test_check_reply(void)
{
	char why[256];
	CHECK_INT(lang_check_reply(cat, "booked",
				   "Done: {service} {when}, ref {ref}.", why,
				   sizeof(why)),
		  0);
	CHECK_INT(lang_check_reply(cat, "boked", "x", why, sizeof(why)), -1);
	CHECK(strstr(why, "did you mean 'booked'") != NULL);
	CHECK_INT(lang_check_reply(cat, "booked",
				   "Done: {service} {when} {rf}.", why,
				   sizeof(why)),
		  -1);
	CHECK(strstr(why, "{rf}") != NULL);
	CHECK_INT(lang_check_reply(cat, "booked", "Done: {service} {when}.",
				   why, sizeof(why)),
		  -1);
	CHECK(strstr(why, "{ref}") != NULL);
	CHECK_INT(lang_check_reply(cat, "help", "{business", why, sizeof(why)),
		  -1);
	CHECK_INT(lang_check_reply(cat, "help", "business}", why, sizeof(why)),
		  -1);
	/* the longest rendering must fit max_segments (2 here) */
	char longer[1200];
	memset(longer, 0, sizeof(longer));
	strcpy(longer, "{business}");
	for (int i = 0; i < 40; i++)
		strcat(longer, " and some more words");
	CHECK_INT(lang_check_reply(cat, "help", longer, why, sizeof(why)), -1);
	CHECK(strstr(why, "segments") != NULL);
}

/* Every pack in the registry: every reply it words is known, fills only
 * what the desk supplies, keeps what it must, and fits the example's
 * max_segments; every known reply has its wording; its lexicon is folded
 * as the reader folds texts; its days and months have names; it has time
 * words. */
static void test_packs_are_complete(void)
{
	const struct lang_pack *const *packs;
	size_t np = lang_packs(&packs);
	const struct lang_reply_spec *specs;
	size_t n = lang_reply_specs(&specs);
	char why[256], folded[256];

	TEST_BEGIN("the registry lists English first, each code once");
	CHECK(np >= 2);
	CHECK(packs[0] == lang_default());
	for (size_t p = 0; p < np; p++) {
		CHECK(lang_pack_for(packs[p]->code) == packs[p]);
		CHECK(lang_when(packs[p]) != NULL);
	}
	TEST_END();
	for (size_t p = 0; p < np; p++) {
		const struct lang_pack *pk = packs[p];
		for (size_t i = 0; i < pk->n_tpls; i++) {
			TEST_BEGIN("pack %s: reply %s", pk->code,
				   pk->tpls[i].name);
			int rc = lang_check_reply(cat, pk->tpls[i].name,
						  pk->tpls[i].text, why,
						  sizeof(why));
			if (rc != 0)
				printf("  %s\n", why);
			CHECK_INT(rc, 0);
			TEST_END();
		}
		TEST_BEGIN("pack %s words every reply", pk->code);
		for (size_t i = 0; i < n; i++) {
			int have = lang_template(pk, specs[i].name) != NULL;
			if (!have)
				printf("  no wording for %s\n", specs[i].name);
			CHECK(have);
		}
		TEST_END();
		TEST_BEGIN("pack %s: lexicon folded, names of days and months",
			   pk->code);
		for (int tb = 0; tb < 2; tb++) {
			const struct lang_word *lw =
			    tb == 0 ? pk->words : pk->asks;
			for (size_t w = 0; lw != NULL && lw[w].text != NULL;
			     w++) {
				text_fold(lw[w].text, folded, sizeof(folded));
				if (strcmp(folded, lw[w].text) != 0)
					printf("  '%s' folds to '%s'\n",
					       lw[w].text, folded);
				CHECK_STR(folded, lw[w].text);
				CHECK(lw[w].cls != 0);
				/* every word fits the pack's index */
				CHECK(lang_lookup(pk, lw[w].text, NULL) != 0);
			}
		}
		for (int d = 0; d < 7; d++)
			CHECK(pk->wday_abbr[d] != NULL &&
			      pk->wday_abbr[d][0] != '\0');
		for (int m = 0; m < 12; m++)
			CHECK(pk->month_abbr[m] != NULL &&
			      pk->month_abbr[m][0] != '\0');
		for (int k = 0; k < LANG_NT_COUNT; k++)
			CHECK(pk->not_text_names[k] != NULL);
		TEST_END();
	}
}

/* lang_detect over the Spanish example catalog (languages es, en). */
static void test_detect(void)
{
	const char *src = getenv("SMSDESK_SRC");
	char path[512];
	snprintf(path, sizeof(path), "%s/conf/ejemplo-es.cfg",
		 src != NULL ? src : ".");
	struct catalog *two = catalog_load(path, NULL);
	const struct lang_pack *es = lang_pack_for("es"),
			       *en = lang_pack_for("en");
	static const struct {
		const char *text, *want;
		int sure;
	} cases[] = {
	    {"hola, quiero un corte mañana a las 11", "es", 1},
	    {"tenéis hueco el sábado por la tarde?", "es", 1},
	    {"cuanto cuesta?", "es", 1},
	    {"can I book a haircut tomorrow at 11", "en", 1},
	    {"how much is a beard trim", "en", 1},
	    {"hi, any space on saturday afternoon?", "en", 1},
	    /* A service named as the catalog names it in one language. */
	    {"haircut?", "en", 1},
	    {"corte?", "es", 1},
	    {"nails", "en", 1},
	    {"uñas", "es", 1},
	    /* Texts that do not tell: the remembered language (none: es). */
	    {"10am?", "es", 0},
	    {"2", "es", 0},
	    {"ok", "es", 0},
	    {"", "es", 0},
	};

	CHECK(two != NULL && es != NULL && en != NULL);
	if (two == NULL)
		return;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int sure = -1;
		const struct lang_pack *p =
		    lang_detect(two, cases[i].text, NULL, &sure);
		if (strcmp(p->code, cases[i].want) != 0 ||
		    sure != cases[i].sure)
			printf("  '%s': %s (sure %d)\n", cases[i].text, p->code,
			       sure);
		CHECK_STR(p->code, cases[i].want);
		CHECK_INT(sure, cases[i].sure);
	}
	/* A tie stays in the customer's language... */
	CHECK(lang_detect(two, "10am?", en, NULL) == en);
	CHECK(lang_detect(two, "ok", en, NULL) == en);
	/* ...but a text that tells wins over it. */
	CHECK(lang_detect(two, "quiero un corte", en, NULL) == es);
	/* A language the business does not answer in is never chosen. */
	CHECK(lang_detect(cat, "hola, quiero un corte mañana", es, NULL) ==
	      lang_pack_for("en"));
	catalog_free(two);
}

/* lang_words_with answers from its gathered lists exactly what a walk of
 * the pack's table gives, in table order, and gathers each list once. */
static void test_words_with(void)
{
	const struct lang_pack *const *packs;
	size_t np = lang_packs(&packs);
	const uint64_t classes[] = {LW_URGENT, LW_SYMPTOM, LW_BOOKING, LW_CHILD,
				    LW_URGENT | LW_SYMPTOM};
	for (size_t p = 0; p < np; p++) {
		TEST_BEGIN("pack %s: words of a class, gathered once",
			   packs[p]->code);
		for (size_t c = 0; c < sizeof(classes) / sizeof(classes[0]);
		     c++) {
			const struct lang_word *const *got, *const *again;
			size_t n = lang_words_with(packs[p], classes[c], &got);
			size_t k = 0;
			for (const struct lang_word *w = packs[p]->words;
			     w->text != NULL; w++) {
				if ((w->cls & classes[c]) == 0)
					continue;
				CHECK(k < n && got[k] == w);
				k++;
			}
			CHECK(k == n);
			CHECK(lang_words_with(packs[p], classes[c], &again) ==
			      n);
			CHECK(again == got); /* the same list, not a new walk */
		}
		TEST_END();
	}
	TEST_BEGIN("the English urgent and children's words are there");
	const struct lang_word *const *w;
	size_t n = lang_words_with(lang_default(), LW_URGENT, &w);
	int emergency = 0;
	for (size_t i = 0; i < n; i++)
		emergency |= strcmp(w[i]->text, "emergency") == 0;
	CHECK(emergency);
	CHECK(lang_words_with(lang_default(), LW_CHILD, &w) > 0);
	TEST_END();
}

int main(void)
{
	const char *src = getenv("SMSDESK_SRC");
	char path[512];
	snprintf(path, sizeof(path), "%s/conf/smsdesk.cfg",
		 src != NULL ? src : ".");
	cat = catalog_load(path, NULL);
	if (cat == NULL) {
		printf("cannot load %s\n", path);
		return 1;
	}
	RUN(test_lookup);
	RUN(test_render);
	RUN(test_trim_full_buffer);
	RUN(test_check_reply);
	RUN(test_detect);
	test_packs_are_complete();
	test_words_with();
	catalog_free(cat);
	return h_done();
}
