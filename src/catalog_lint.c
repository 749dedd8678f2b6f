/*
 * catalog_lint: the mistakes that load fine but cost money or customers,
 * reported as warnings — a character outside the GSM 7-bit alphabet that
 * turns replies into Unicode texts (70 characters a part instead of 160), a
 * booking confirmation too long for max_segments (the desk would cut the
 * promise short), a word of a service or topic that is an everyday word of
 * one of our languages (a text using it in passing reads that service),
 * and closed dates already past.
 *
 * The confirmation is measured as the desk writes it, through a hook the
 * desk side may set (catalog_set_confirmation_text); until it does, a copy
 * of desk.c's wording today (book_at) stands in.
 */
#include "catalog_internal.h"

#include "smsdesk/gsm7.h"
#include "smsdesk/lang.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t first_non_gsm_in(const struct catalog *cat, const char *text);
static int shift_langs(const struct catalog *cat, int *langs, int cap);

/* ---- the confirmation ---------------------------------------------------- */

/*
 * desk.c book_at() today: "Booked: NAME, WHEN, PRICE. Ref REF. To cancel
 * text CANCEL REF." with WHEN at its widest ("Wed 30 Sep 10:30") and a
 * five-character reference.
 */
static void confirmation_today(const struct catalog *cat,
			       const struct cat_service *svc, char *out,
			       size_t cap)
{
	(void)cat;
	snprintf(out, cap,
		 "Booked: %s, Wed 30 Sep 10:30, %s. Ref ABCDE. To cancel "
		 "text CANCEL ABCDE.",
		 svc->name, svc->price);
}

static cat_confirmation_fn confirmation = confirmation_today;

void catalog_set_confirmation_text(cat_confirmation_fn fn)
{
	confirmation = fn != NULL ? fn : confirmation_today;
}

#define CONF_MAX 2048

/* The confirmation for svc, signed with the business's name when sign. */
static void confirmation_of(const struct catalog *cat,
			    const struct cat_service *svc, int sign, char *out,
			    size_t cap)
{
	size_t n;

	out[0] = '\0';
	confirmation(cat, svc, out, cap);
	n = strlen(out);
	if (sign && cat->business_name != NULL)
		snprintf(out + n, cap - n, " %s", cat->business_name);
}

/* SMS parts of text as the desk may send it (national shift included). */
static int parts_of(const struct catalog *cat, const char *text)
{
	struct sms_plan plan;
	int langs[4], n = shift_langs(cat, langs, 4), best;

	sms_plan(text, &plan);
	best = plan.segments;
	for (int i = 0; i < n; i++) {
		struct sms_plan_options o = {.national_shift = 1,
					     .lang = langs[i]};

		if (sms_plan_with(text, &o, &plan) == GSM7_OK &&
		    plan.segments < best)
			best = plan.segments;
	}
	return best;
}

/* text with every character outside GSM-7 replaced by '?'. */
static void gsm_only(const struct catalog *cat, const char *text, char *out,
		     size_t cap)
{
	size_t len = strlen(text), pos = 0, o = 0;

	while (pos < len && o + 1 < cap) {
		uint32_t cp;
		size_t n = gsm7_utf8_next(text + pos, len - pos, &cp);

		char one[8] = "";

		memcpy(one, text + pos, n < sizeof(one) ? n : 0);
		if (first_non_gsm_in(cat, one) == 0) {
			if (o + n >= cap)
				break;
			memcpy(out + o, text + pos, n);
			o += n;
		} else {
			out[o++] = '?';
		}
		pos += n;
	}
	out[o] = '\0';
}

/* ---- characters outside GSM-7 -------------------------------------------- */

/*
 * The national single-shift tables replies may use: with
 * policy.national_shift, those of the business's languages that have one
 * (Turkish, Spanish, Portuguese); none otherwise.
 */
static int shift_langs(const struct catalog *cat, int *langs, int cap)
{
	int n = 0;

	for (size_t i = 0; cat->policy.national_shift && i < cat->n_languages;
	     i++) {
		int l = gsm7_lang_from_code(cat->languages[i]);

		if (l > 0 && l < GSM7_LANG_COUNT &&
		    gsm7_single_tables[l] != NULL && n < cap)
			langs[n++] = l;
	}
	return n;
}

static int in_single_shift(uint32_t cp, int lang)
{
	const uint16_t *t = gsm7_single_tables[lang];

	for (int c = 0; t != NULL && c < 128; c++)
		if (t[c] != 0 && t[c] == cp)
			return 1;
	return 0;
}

/* The first character of text replies cannot carry in GSM-7, or 0. */
static uint32_t first_non_gsm_in(const struct catalog *cat, const char *text)
{
	size_t len = strlen(text), pos = 0;
	int langs[4], n = shift_langs(cat, langs, 4);

	while (pos < len) {
		uint32_t cp;
		size_t k = gsm7_utf8_next(text + pos, len - pos, &cp);
		int ok = gsm7_lookup(cp) >= 0;

		for (int i = 0; !ok && i < n; i++)
			ok = in_single_shift(cp, langs[i]);
		if (!ok)
			return cp;
		pos += k;
	}
	return 0;
}

/*
 * When policy.national_shift is off and a national single-shift table of
 * one of the business's languages carries every character of text, a hint
 * to turn it on ("" otherwise). Points into a static buffer.
 */
static const char *shift_hint(const struct catalog *cat, const char *text)
{
	static char hint[160];

	hint[0] = '\0';
	for (size_t i = 0; !cat->policy.national_shift && i < cat->n_languages;
	     i++) {
		int l = gsm7_lang_from_code(cat->languages[i]);
		size_t len = strlen(text), pos = 0;
		int all = 1;

		if (l <= 0 || l >= GSM7_LANG_COUNT ||
		    gsm7_single_tables[l] == NULL)
			continue;
		while (pos < len && all) {
			uint32_t cp;
			size_t k = gsm7_utf8_next(text + pos, len - pos, &cp);

			all = gsm7_lookup(cp) >= 0 || in_single_shift(cp, l);
			pos += k;
		}
		if (all) {
			snprintf(
			    hint, sizeof(hint),
			    "; policy.national_shift = true would keep it "
			    "in 7-bit (the '%s' single shift table has it)",
			    cat->languages[i]);
			break;
		}
	}
	return hint;
}

/* How to name cp to a person: "'ë'", "a tab", "'’' (a curly quote)". */
static void name_char(uint32_t cp, char *out, size_t cap)
{
	char u[8];
	size_t n = 0;

	if (cp == '\t') {
		snprintf(out, cap, "a tab");
		return;
	}
	if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200F) ||
	    (cp >= 0x2028 && cp <= 0x202F) || cp == 0x205F || cp == 0xFEFF) {
		snprintf(out, cap, "an invisible space (U+%04X)", (unsigned)cp);
		return;
	}
	if (gsm7_utf8_put(cp, u, sizeof(u), &n) != 0)
		n = 0;
	u[n] = '\0';
	if (cp == 0x2018 || cp == 0x2019)
		snprintf(out, cap, "'%s' (a curly quote; ' is free)", u);
	else if (cp == 0x201C || cp == 0x201D)
		snprintf(out, cap, "'%s' (a curly quote; \" is free)", u);
	else if (cp == 0x2013 || cp == 0x2014)
		snprintf(out, cap, "'%s' (a long dash; - is free)", u);
	else
		snprintf(out, cap, "'%s'", u);
}

/*
 * Warn when text (the value of key at s) has a character outside GSM-7.
 * With svc, say what it does to that service's confirmation (signed with
 * the business's name when sign); else say which replies it touches.
 */
static void warn_gsm(struct loader *ld, const config_setting_t *s,
		     const char *key, const char *text,
		     const struct cat_service *svc, int sign, const char *who)
{
	uint32_t cp = text != NULL ? first_non_gsm_in(ld->cat, text) : 0;
	char what[64];

	if (cp == 0 || s == NULL)
		return;
	name_char(cp, what, sizeof(what));
	const char *hint = shift_hint(ld->cat, text);
	if (svc != NULL && svc->name != NULL && svc->price != NULL) {
		char *conf = malloc(CONF_MAX), *plain = malloc(CONF_MAX);
		int with, without;

		if (conf == NULL || plain == NULL) {
			free(conf);
			free(plain);
			ld->oom = 1;
			return;
		}
		confirmation_of(ld->cat, svc, sign, conf, CONF_MAX);
		gsm_only(ld->cat, conf, plain, CONF_MAX);
		with = parts_of(ld->cat, conf);
		without = parts_of(ld->cat, plain);
		free(conf);
		free(plain);
		if (sign)
			WARN(ld, line_of(s),
			     "%s has %s, which is not in the GSM alphabet: "
			     "every reply signed with it goes as Unicode; a "
			     "signed confirmation for '%.40s' is a %d-part "
			     "Unicode text (%d without it)%s",
			     key, what, svc->name, with, without, hint);
		else if (with > without)
			WARN(ld, line_of(s),
			     "%s has %s, which is not in the GSM alphabet: it "
			     "makes every confirmation %s a %d-part Unicode "
			     "text "
			     "(%d without it)%s",
			     key, what, who, with, without, hint);
		else
			WARN(ld, line_of(s),
			     "%s has %s, which is not in the GSM alphabet: it "
			     "makes every confirmation %s a Unicode text (70 "
			     "characters a part instead of 160)%s",
			     key, what, who, hint);
		return;
	}
	WARN(ld, line_of(s),
	     "%s has %s, which is not in the GSM alphabet: every reply that "
	     "names %s goes as a Unicode text (70 characters a part instead of "
	     "160)%s",
	     key, what, who, hint);
}

/* The setting KEY of element i of list NAME at the top of the file. */
static const config_setting_t *member_of(const config_setting_t *root,
					 const char *list, size_t i,
					 const char *key)
{
	const config_setting_t *l = config_setting_get_member(root, list);
	const config_setting_t *e =
	    l != NULL ? config_setting_get_elem(l, (unsigned)i) : NULL;

	return e != NULL && config_setting_is_group(e)
		   ? config_setting_get_member(e, key)
		   : NULL;
}

/*
 * A whole hour inside opening hours at which SV can never start, slots
 * stepping back to back from opening (DESIGN: "slots start on the
 * business's opening time and step by the service's minutes"), or -1.
 * Customers ask for round hours; reviewers of five languages found "10:00
 * is free but we offer 09:45 or 10:30" the desk's most common weak reply.
 */
static int hour_never_started(const struct catalog *cat,
			      const struct cat_service *sv)
{
	if (cat->policy.slot_minutes > 0 || sv->minutes <= 0)
		return -1;
	for (size_t p = 0; p < cat->n_hours; p++) {
		const struct cat_hours *h = &cat->hours[p];
		int first = (h->open_min + 59) / 60 * 60;
		for (int t = first; t + sv->minutes <= h->close_min; t += 60)
			if ((t - h->open_min) % sv->minutes != 0)
				return t;
	}
	return -1;
}

static void warn_grid(struct loader *ld, const struct cat_service *sv)
{
	/* hours with a mistake in them say nothing about the grid */
	int t = ld->diags->n_errors > 0 ? -1 : hour_never_started(ld->cat, sv);
	if (t < 0)
		return;
	WARN(ld, sv->line,
	     "'%s' (%d min) starts only every %d minutes from opening, so a "
	     "customer asking for %02d:%02d is offered other times even on "
	     "an empty day; if it can start on any quarter hour where it "
	     "fits, set policy.slot_minutes = 15",
	     sv->name, sv->minutes, sv->minutes, t / 60, t % 60);
}

/* Word classes that make a catalog word a trap: grammar and time words
 * ("ce", "la", "fête", "soir"), greetings and answers. Everyday nouns the
 * pack knows (LW_COMMON) are left alone: a trade may well name one. */
#define EVERYDAY_TRAP                                                          \
	(LW_PRONOUN | LW_TODAY | LW_DATEWORD | LW_WEEKDAY | LW_GREET |         \
	 LW_YES | LW_NO)

/* A single word of a service's or topic's words that one of our language
 * packs reads as grammar or time ("ce" for comité d'entreprise, "soir"):
 * every text saying "ce soir" names that service (review fr AG s12 got a
 * team building). Warned once per word, with the line of its entry. */
static void warn_everyday(struct loader *ld, char **words, size_t n,
			  const config_setting_t *ws, int line,
			  const char *what)
{
	if (ws != NULL)
		line = line_of(ws); /* where the list starts */
	const struct catalog *cat = ld->cat;
	for (size_t w = 0; w < n; w++) {
		if (words[w] == NULL || strchr(words[w], ' ') != NULL)
			continue;
		for (size_t l = 0; l < cat->n_languages; l++) {
			const struct lang_pack *p =
			    lang_pack_for(cat->languages[l]);
			uint64_t c =
			    p != NULL ? lang_lookup(p, words[w], NULL) : 0;
			/* a short grammar word ("ce", "la"); "uñas" folds to
			 * the article "unas" and is still the nails' word */
			if (!(c & EVERYDAY_TRAP) &&
			    !((c & LW_FILLER) && strlen(words[w]) <= 2))
				continue;
			WARN(ld, line,
			     "'%s' among the words of %s is an everyday word "
			     "in %s, so any text using it in passing names "
			     "this; use a longer phrase (\"%s ...\")",
			     words[w], what, cat->languages[l], words[w]);
			break;
		}
	}
}

/*
 * After the whole file (policy and languages known): every name, price and
 * note outside GSM-7, every confirmation against max_segments, and every
 * service whose slots miss the round hours customers ask for.
 */
void lint_catalog(struct loader *ld, const config_setting_t *root)
{
	const struct catalog *cat = ld->cat;
	const struct cat_service *first = NULL;
	char *conf = malloc(CONF_MAX);

	if (conf == NULL) {
		ld->oom = 1;
		return;
	}
	for (size_t i = 0; i < cat->n_services; i++) {
		const struct cat_service *sv = &cat->services[i];
		int parts;

		if (sv->name == NULL || sv->price == NULL)
			continue;
		warn_gsm(ld, member_of(root, "services", i, "name"), "name",
			 sv->name, sv, 0, "for this service");
		warn_gsm(ld, member_of(root, "services", i, "price"), "price",
			 sv->price, sv, 0, "for this service");
		/* The business's name is shown on a service of plain GSM. */
		if (first == NULL || (first_non_gsm_in(cat, first->name) != 0 &&
				      first_non_gsm_in(cat, sv->name) == 0))
			first = sv;
		warn_grid(ld, sv);
		warn_everyday(ld, sv->words, sv->n_words,
			      member_of(root, "services", i, "words"), sv->line,
			      "this service");
		confirmation_of(cat, sv, 0, conf, CONF_MAX);
		parts = parts_of(cat, conf);
		if (parts > cat->policy.max_segments)
			WARN(ld, sv->line,
			     "the booking confirmation for this service is %d "
			     "SMS parts, more than max_segments = %d, so the "
			     "desk cuts the promise short; shorten the name or "
			     "the price, or raise max_segments",
			     parts, cat->policy.max_segments);
	}
	free(conf);
	for (size_t i = 0; i < cat->n_topics; i++) {
		warn_gsm(ld, member_of(root, "topics", i, "name"), "name",
			 cat->topics[i].name, NULL, 0, "this topic");
		warn_everyday(ld, cat->topics[i].words, cat->topics[i].n_words,
			      member_of(root, "topics", i, "words"),
			      cat->topics[i].line, "this topic");
	}
	for (size_t i = 0; i < cat->n_referrals; i++) {
		warn_gsm(ld, member_of(root, "referrals", i, "name"), "name",
			 cat->referrals[i].name, NULL, 0, "this referral");
		warn_gsm(ld, member_of(root, "referrals", i, "note"), "note",
			 cat->referrals[i].note, NULL, 0, "this referral");
	}
	warn_gsm(ld, ld->business_name, "name", cat->business_name, first,
		 first != NULL, "the business");
	warn_gsm(ld, ld->business_address, "address", cat->business_address,
		 NULL, 0, "the business");
}

/* ---- dates --------------------------------------------------------------- */

void catalog_warn_past(const struct catalog *cat, const char *today,
		       struct cat_diags *diags)
{
	struct loader ld = {
	    .path = cat->path, .diags = diags, .cat = (struct catalog *)cat};
	size_t before = diags->n;

	if (today == NULL || strlen(today) != 10)
		return;
	for (size_t i = 0; i < cat->n_closed; i++)
		if (strcmp(cat->closed[i], today) < 0)
			WARN(&ld, cat->closed_line[i],
			     "closed date '%s' is already past (today is %s); "
			     "if you meant next year's, fix the year",
			     cat->closed[i], today);
	if (diags->n > before)
		diags_sort(diags);
}
