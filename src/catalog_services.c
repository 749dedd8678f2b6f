/*
 * catalog_services: what the business offers (services), what customers ask
 * for that it does not (topics), and who it trusts to send them to
 * (referrals). Ids and words are unique across services and topics; a
 * referral covers only ids that exist.
 */
#include "catalog_internal.h"

#include "smsdesk/phone.h"
#include "smsdesk/store.h"
#include "smsdesk/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int valid_id(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > MAX_ID_LEN)
		return 0;
	for (const char *p = s; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		      *p == '-' || *p == '_'))
			return 0;
	return 1;
}

static const char *kind_noun(enum cat_kind kind)
{
	switch (kind) {
	case CAT_SERVICE:
		return "service";
	case CAT_TOPIC:
		return "topic";
	}
	return "";
}

static const char *owner_id(const struct loader *ld, uint32_t val)
{
	const char *id = (val & KIND_BIT) ? ld->cat->topics[val & ~KIND_BIT].id
					  : ld->cat->services[val].id;
	return id != NULL ? id : "?";
}

static void parse_id(struct loader *ld, const config_setting_t *s,
		     enum cat_kind kind, size_t idx, char **out)
{
	const char *v = nonempty(ld, s, "id");
	const struct strslot *prev;

	if (v == NULL)
		return;
	if (!valid_id(v)) {
		ERR(ld, line_of(s),
		    "id '%s' may use only a-z, 0-9, '-' and '_' (at most %d)",
		    v, MAX_ID_LEN);
		return;
	}
	*out = dup_str(ld, v);
	if (*out == NULL)
		return;
	prev = strmap_add(&ld->ids, *out, owner_val(kind, idx), line_of(s),
			  &ld->oom);
	if (prev != NULL)
		ERR(ld, line_of(s),
		    "duplicate id '%s' (already used on line %d)", v,
		    prev->line);
}

static char **parse_words(struct loader *ld, const config_setting_t *s,
			  enum cat_kind kind, size_t idx, const char *noun,
			  size_t *n_out, char ***written)
{
	int n = config_setting_length(s);
	char **words = alloc_array(ld, (size_t)n, sizeof(char *));
	uint32_t me = owner_val(kind, idx);

	*n_out = 0;
	if (words == NULL)
		return NULL;
	if (written != NULL) {
		*written = alloc_array(ld, (size_t)n, sizeof(char *));
		if (*written == NULL)
			return words;
	}
	for (int i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(s, i);
		const char *raw = text_of(ld, e, "word");
		const char *as_written = raw;
		char folded[256];
		const struct strslot *prev;
		size_t len;

		if (raw == NULL)
			continue;
		/* "pass+" is "pass plus": folding drops the sign, and the
		 * bare "pass" took "I passed!!!" for the course (review r8
		 * s059) */
		char plus[256];
		if (strchr(raw, '+') != NULL) {
			size_t o = 0;
			for (const char *c = raw;
			     *c != '\0' && o + 7 < sizeof(plus); c++)
				if (*c == '+' && c > raw && c[-1] == ' ' &&
				    c[1] == ' ') {
					/* "maquiagem + penteado": the sign
					 * joins two words, as a text's "+"
					 * does (read as one piece with it),
					 * never "plus" (review pt AL s03
					 * booked the two apart) */
					continue;
				} else if (*c == '+') {
					memcpy(plus + o, " plus ", 6);
					o += 6;
				} else {
					plus[o++] = *c;
				}
			plus[o] = '\0';
			raw = plus;
		}
		len = text_fold(raw, folded, sizeof(folded));
		if (len == 0) {
			ERR(ld, line_of(e),
			    "word '%s' has no letters or digits", raw);
			continue;
		}
		if (len > MAX_WORD_LEN) {
			ERR(ld, line_of(e),
			    "word '%.40s...' is too long (at most %d letters)",
			    raw, MAX_WORD_LEN);
			continue;
		}
		prev = strmap_get(&ld->words, folded);
		if (prev != NULL && prev->val == me)
			continue; /* listed twice by its owner: harmless */
		if (prev != NULL) {
			ERR(ld, line_of(e),
			    "word '%s' is already claimed by %s '%s' on line "
			    "%d",
			    folded,
			    kind_noun((prev->val & KIND_BIT) ? CAT_TOPIC
							     : CAT_SERVICE),
			    owner_id(ld, prev->val), prev->line);
			continue;
		}
		words[*n_out] = dup_str(ld, folded);
		if (words[*n_out] == NULL)
			break;
		if (written != NULL) {
			(*written)[*n_out] = dup_str(ld, as_written);
			if ((*written)[*n_out] == NULL) {
				free(words[*n_out]);
				break;
			}
		}
		strmap_add(&ld->words, words[*n_out], me, line_of(e), &ld->oom);
		(*n_out)++;
	}
	if (n == 0)
		ERR(ld, line_of(s),
		    "%s has no words; list what customers might text, like "
		    "words = [ \"haircut\", \"cut\" ];",
		    noun);
	return words;
}

/* An optional whole number with a lower bound; def when absent. */
static int int_at_least(struct loader *ld, const config_setting_t *s,
			const char *key, int min, int def)
{
	int v;

	if (s == NULL)
		return def;
	v = int_of(s);
	if (v >= min)
		return v;
	if (min == 1)
		ERR(ld, line_of(s), "%s must be more than 0, not %d", key, v);
	else
		ERR(ld, line_of(s), "%s must be %d or more, not %d", key, min,
		    v);
	return def;
}

/* A service longer than every opening can never be booked: say so. */
static void warn_never_fits(struct loader *ld, const config_setting_t *s,
			    int minutes)
{
	const struct catalog *cat = ld->cat;
	int longest = 0;

	for (size_t i = 0; i < cat->n_hours; i++) {
		int span = cat->hours[i].close_min - cat->hours[i].open_min;
		if (cat->hours[i].open_min >= 0 && span > longest)
			longest = span;
	}
	if (s != NULL && longest > 0 && minutes > longest)
		WARN(ld, line_of(s),
		     "this service takes %d minutes but the longest opening is "
		     "%d minutes, so it can never be booked",
		     minutes, longest);
}

/*
 * The languages of business.languages after the first: the ones a name,
 * note or reply may be translated into. Returns 1 when code is one.
 */
int catalog_other_language(const struct catalog *cat, const char *code)
{
	for (size_t i = 1; code != NULL && i < cat->n_languages; i++)
		if (strcmp(cat->languages[i], code) == 0)
			return 1;
	return 0;
}

/* Say why CODE (a key of what's group) is no translation. */
void bad_language(struct loader *ld, const config_setting_t *e,
		  const char *what, const char *code)
{
	const struct catalog *cat = ld->cat;

	if (cat->n_languages > 0 && strcmp(cat->languages[0], code) == 0)
		ERR(ld, line_of(e),
		    "%s: '%s' is the business's first language, whose wording "
		    "is the plain one; list only the other languages here",
		    what, code);
	else
		ERR(ld, line_of(e),
		    "%s: '%s' is not one of business.languages after the "
		    "first; add it there, like languages = [ \"%s\", \"%s\" ];",
		    what, code, cat->n_languages > 0 ? cat->languages[0] : "en",
		    code);
}

/* names = { en = "Haircut"; } (or notes = { ... }): one text per other
 * language of the business, each checked like the plain one. */
static struct cat_tr *parse_tr(struct loader *ld, const config_setting_t *g,
			       const char *what, size_t max, size_t *n_out)
{
	int n = config_setting_length(g);
	struct cat_tr *tr = alloc_array(ld, (size_t)n, sizeof(*tr));

	*n_out = 0;
	if (tr == NULL)
		return NULL;
	for (int i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(g, i);
		const char *code = config_setting_name(e), *v;

		if (!catalog_other_language(ld->cat, code)) {
			bad_language(ld, e, what, code);
			continue;
		}
		if (config_setting_type(e) != CONFIG_TYPE_STRING) {
			ERR(ld, line_of(e),
			    "%s: %s must be text in quotes, like %s = "
			    "\"...\";",
			    what, code, code);
			continue;
		}
		char key[40];
		snprintf(key, sizeof(key), "%s.%s", what, code);
		if ((v = nonempty(ld, e, key)) == NULL ||
		    (max > 0 && !fits(ld, e, key, v, max)))
			continue;
		memcpy(tr[*n_out].lang, code, 3);
		tr[*n_out].line = line_of(e);
		if ((tr[*n_out].text = dup_str(ld, v)) == NULL)
			break;
		(*n_out)++;
	}
	return tr;
}

void parse_service(struct loader *ld, const config_setting_t *g, size_t idx)
{
	struct cat_service *sv = &ld->cat->services[idx];
	const config_setting_t *f[N_SERVICE_KEYS];
	const char *v;

	check_group(ld, g, service_keys, N_SERVICE_KEYS, "this service", f);
	sv->line = line_of(g);
	parse_id(ld, f[SVC_ID], CAT_SERVICE, idx, &sv->id);
	if ((v = nonempty(ld, f[SVC_NAME], "name")) != NULL)
		sv->name = dup_str(ld, v);
	if (f[SVC_WORDS] != NULL)
		sv->words = parse_words(ld, f[SVC_WORDS], CAT_SERVICE, idx,
					"this service", &sv->n_words,
					&sv->words_written);
	if ((v = nonempty(ld, f[SVC_PRICE], "price")) != NULL)
		sv->price = dup_str(ld, v);
	sv->minutes = int_at_least(ld, f[SVC_MINUTES], "minutes", 1, 0);
	warn_never_fits(ld, f[SVC_MINUTES], sv->minutes);
	sv->capacity =
	    int_at_least(ld, f[SVC_CAPACITY], "capacity", 1, DEF_CAPACITY);
	sv->notice_minutes = int_at_least(ld, f[SVC_NOTICE], "notice_minutes",
					  0, DEF_NOTICE_MINUTES);
	sv->people = int_at_least(ld, f[SVC_PEOPLE], "people", 1, 1);
	if (f[SVC_NAMES] != NULL)
		sv->names =
		    parse_tr(ld, f[SVC_NAMES], "names", 0, &sv->n_names);
}

void parse_topic(struct loader *ld, const config_setting_t *g, size_t idx)
{
	struct cat_topic *tp = &ld->cat->topics[idx];
	const config_setting_t *f[N_TOPIC_KEYS];
	const char *v;

	check_group(ld, g, topic_keys, N_TOPIC_KEYS, "this topic", f);
	tp->line = line_of(g);
	parse_id(ld, f[TOPIC_ID], CAT_TOPIC, idx, &tp->id);
	if ((v = nonempty(ld, f[TOPIC_NAME], "name")) != NULL)
		tp->name = dup_str(ld, v);
	if (f[TOPIC_WORDS] != NULL)
		tp->words = parse_words(ld, f[TOPIC_WORDS], CAT_TOPIC, idx,
					"this topic", &tp->n_words, NULL);
	if (f[TOPIC_NAMES] != NULL)
		tp->names =
		    parse_tr(ld, f[TOPIC_NAMES], "names", 0, &tp->n_names);
}

static void suggest_id(struct loader *ld, const config_setting_t *e,
		       const char *id)
{
	const struct catalog *cat = ld->cat;
	size_t n = cat->n_services + cat->n_topics, k = 0;
	const char **ids = alloc_array(ld, n, sizeof(char *));
	const char *near = NULL;

	for (size_t i = 0; ids != NULL && i < cat->n_services; i++)
		if (cat->services[i].id != NULL)
			ids[k++] = cat->services[i].id;
	for (size_t i = 0; ids != NULL && i < cat->n_topics; i++)
		if (cat->topics[i].id != NULL)
			ids[k++] = cat->topics[i].id;
	if (ids != NULL)
		near = nearest(id, ids, k);
	if (near != NULL)
		ERR(ld, line_of(e),
		    "covers names '%s', which is not a service or topic id "
		    "(did you mean '%s'?)",
		    id, near);
	else
		ERR(ld, line_of(e),
		    "covers names '%s', which is not a service or topic id",
		    id);
	free(ids);
}

static void parse_covers(struct loader *ld, const config_setting_t *s,
			 struct cat_referral *rf)
{
	int n = config_setting_length(s);

	rf->covers = alloc_array(ld, (size_t)n, sizeof(char *));
	if (rf->covers == NULL)
		return;
	if (n == 0)
		ERR(ld, line_of(s),
		    "this referral covers nothing; list the service or topic "
		    "ids it covers, like covers = [ \"haircut\", \"nails\" ];");
	for (int i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(s, i);
		const char *id = text_of(ld, e, "covers");

		if (id == NULL)
			continue;
		if (strmap_get(&ld->ids, id) == NULL) {
			suggest_id(ld, e, id);
			continue;
		}
		rf->covers[rf->n_covers] = dup_str(ld, id);
		if (rf->covers[rf->n_covers] == NULL)
			return;
		rf->n_covers++;
	}
}

void parse_referral(struct loader *ld, const config_setting_t *g, size_t idx)
{
	struct cat_referral *rf = &ld->cat->referrals[idx];
	const config_setting_t *f[N_REFERRAL_KEYS];
	const char *v;

	check_group(ld, g, referral_keys, N_REFERRAL_KEYS, "this referral", f);
	rf->line = line_of(g);
	if ((v = nonempty(ld, f[REF_NAME], "name")) != NULL &&
	    fits(ld, f[REF_NAME], "name", v, STORE_ID_MAX - 1))
		rf->name = dup_str(ld, v);
	if (f[REF_PHONE] != NULL)
		rf->phone = parse_phone(ld, f[REF_PHONE], NULL);
	if (f[REF_COVERS] != NULL)
		parse_covers(ld, f[REF_COVERS], rf);
	v = f[REF_NOTE] != NULL ? text_of(ld, f[REF_NOTE], "note") : "";
	rf->note = dup_str(ld, v != NULL ? v : "");
	if (f[REF_NOTES] != NULL)
		rf->notes =
		    parse_tr(ld, f[REF_NOTES], "notes", 0, &rf->n_notes);
}

const char *catalog_tr(const struct cat_tr *tr, size_t n, const char *lang,
		       const char *text)
{
	for (size_t i = 0; lang != NULL && i < n; i++)
		if (strcmp(tr[i].lang, lang) == 0)
			return tr[i].text;
	return text;
}

/* The error of phone_to_e164, in the staff's words. */
static void phone_error(struct loader *ld, const config_setting_t *s,
			const char *v, int err)
{
	switch (err) {
	case PHONE_NO_COUNTRY:
		ERR(ld, line_of(s),
		    "phone '%s' has no country code and the catalog has no "
		    "country to add one; write it with + and the country "
		    "code, like \"+441632960123\", or set country in business",
		    v);
		break;
	case PHONE_BAD_CALLING_CODE:
		ERR(ld, line_of(s),
		    "phone '%s' does not start with a country calling code; "
		    "write it like \"+441632960123\"",
		    v);
		break;
	case PHONE_BAD_LENGTH: {
		char e164[PHONE_E164_MAX], lengths[64];
		size_t cc_len = 0, nsn;
		unsigned cc = 0;

		/* Read again, without the length check, to say what is wrong.
		 */
		phone_to_e164_any_length(v, ld->cat->country, e164,
					 sizeof(e164));
		phone_calling_code(e164 + 1, &cc_len);
		for (size_t i = 1; i <= cc_len; i++)
			cc = cc * 10 + (unsigned)(e164[i] - '0');
		nsn = strlen(e164) - 1 - cc_len;
		phone_lengths_text(cc, lengths, sizeof(lengths));
		ERR(ld, line_of(s),
		    "phone '%s' has %zu digits after +%u, but numbers there "
		    "have %s; a digit is missing or one too many",
		    v, nsn, cc, lengths);
		break;
	}
	case PHONE_TOO_SHORT:
		ERR(ld, line_of(s),
		    "phone '%s' is too short to be a phone number", v);
		break;
	case PHONE_TOO_LONG:
		ERR(ld, line_of(s),
		    "phone '%s' is too long; an international number has at "
		    "most 15 digits",
		    v);
		break;
	default:
		ERR(ld, line_of(s),
		    "phone '%s' is not a phone number; write digits, spaces "
		    "and an optional +, like \"+441632960123\" or \"01632 "
		    "960123\"",
		    v);
		break;
	}
}

char *parse_phone_number(struct loader *ld, const config_setting_t *s)
{
	const char *v = nonempty(ld, s, "phone");
	char e164[PHONE_E164_MAX];
	int rc;

	if (v == NULL)
		return NULL;
	rc = phone_to_e164(v, ld->cat->country, e164, sizeof(e164));
	if (rc != PHONE_OK) {
		phone_error(ld, s, v, rc);
		return NULL;
	}
	return dup_str(ld, e164);
}

char *parse_phone(struct loader *ld, const config_setting_t *s,
		  const char *owner)
{
	const struct strslot *prev;
	char *out = parse_phone_number(ld, s);

	if (out == NULL)
		return NULL;
	/* The map keeps the first owner of each number: referrals, then
	 * staff. Two referrals may share a switchboard; a person may not. */
	prev =
	    strmap_add(&ld->phones, out, owner != NULL, line_of(s), &ld->oom);
	if (prev != NULL && owner != NULL)
		ERR(ld, line_of(s),
		    "phone %s is already the phone of the %s on line %d; "
		    "each %s needs a phone of their own",
		    out, prev->val ? "staff member" : "referral", prev->line,
		    owner);
	return out;
}
