/*
 * inquiry: a catalog word under an ending of the pack's language
 * ("seansım", "boynum", "tırnağı") or written without its vowels ("msj"),
 * as the pack's struct lang_stems describes. Exact catalog lookups only:
 * a stem that is not a catalog word names nothing.
 */
#include "smsdesk/inquiry.h"

#include "smsdesk/lang.h"
#include "smsdesk/when_vocab.h"

#include "inquiry_read.h"

#include <stdio.h>
#include <string.h>

#define STEM_CAP 64

static int vowel(const struct lang_stems *s, char c)
{
	const char *v = s->sms_vowels != NULL ? s->sms_vowels : "aeiou";
	return c != '\0' && strchr(v, c) != NULL;
}

static int consonant(const struct lang_stems *s, char c)
{
	return c >= 'a' && c <= 'z' && !vowel(s, c);
}

/* STEM (SL letters) with its last letter changed back ("tirnag" is
 * "tirnak"): the first that is a catalog word. */
static size_t lookup_alts(const struct catalog *cat, const struct lang_stems *s,
			  const char *stem, size_t sl, struct cat_match *out,
			  size_t cap)
{
	char tmp[STEM_CAP];

	for (size_t k = 0;
	     s->alts != NULL && s->alts[k] != NULL && s->alts[k + 1] != NULL;
	     k += 2) {
		size_t fl = strlen(s->alts[k]), tl = strlen(s->alts[k + 1]);
		if (fl > sl || sl - fl + tl >= sizeof(tmp) ||
		    strcmp(stem + sl - fl, s->alts[k]) != 0)
			continue;
		memcpy(tmp, stem, sl - fl);
		memcpy(tmp + sl - fl, s->alts[k + 1], tl + 1);
		size_t n = catalog_lookup(cat, tmp, 0, out, cap);
		if (n > 0)
			return n;
	}
	return 0;
}

/* STEM as cut, changed back, or with a dropped vowel put back between
 * its last two consonants ("boyn" is "boyun"). */
static size_t lookup_stem(const struct catalog *cat, const struct lang_stems *s,
			  const char *stem, struct cat_match *out, size_t cap)
{
	char tmp[STEM_CAP];
	size_t sl = strlen(stem);
	size_t n = catalog_lookup(cat, stem, 0, out, cap);

	if (n == 0)
		n = lookup_alts(cat, s, stem, sl, out, cap);
	if (n > 0 || s->dropped_vowels == NULL || sl < 3 ||
	    sl + 2 > sizeof(tmp) || !consonant(s, stem[sl - 1]) ||
	    !consonant(s, stem[sl - 2]))
		return n;
	for (const char *v = s->dropped_vowels; *v != '\0' && n == 0; v++) {
		memcpy(tmp, stem, sl - 1);
		tmp[sl - 1] = *v;
		tmp[sl] = stem[sl - 1];
		tmp[sl + 1] = '\0';
		n = catalog_lookup(cat, tmp, 0, out, cap);
	}
	return n;
}

/* WORD less one of ENDS, the stem three letters or more. */
static size_t cut_ends(const struct catalog *cat, const struct lang_stems *s,
		       const char *const *ends, const char *word,
		       struct cat_match *out, size_t cap)
{
	char stem[STEM_CAP];
	size_t len = strlen(word);

	for (size_t i = 0; ends != NULL && ends[i] != NULL; i++) {
		size_t el = strlen(ends[i]);
		/* "belim", "dizimde": three letters before two or more */
		size_t least = el >= 2 ? 3 : 4;
		if (len < el + least || len >= sizeof(stem) ||
		    strcmp(word + len - el, ends[i]) != 0)
			continue;
		memcpy(stem, word, len - el);
		stem[len - el] = '\0';
		size_t n = lookup_stem(cat, s, stem, out, cap);
		if (n > 0)
			return n;
	}
	return 0;
}

/* WORD with a verb ending of S cut and an infinitive put on ("klima
 * söktürcem" is "klima söktürmek"): the first that is a catalog word. */
static size_t as_infinitive(const struct catalog *cat,
			    const struct lang_stems *s, const char *word,
			    struct cat_match *out, size_t cap)
{
	size_t len = strlen(word);
	for (size_t i = 0; s->verb_ends != NULL && s->verb_ends[i] != NULL;
	     i++) {
		size_t el = strlen(s->verb_ends[i]);
		if (len < el + 3 ||
		    strcmp(word + len - el, s->verb_ends[i]) != 0)
			continue;
		for (size_t k = 0;
		     s->infinitives != NULL && s->infinitives[k] != NULL; k++) {
			char tmp[STEM_CAP * 2];
			size_t il = strlen(s->infinitives[k]);
			if (len - el + il + 1 > sizeof(tmp))
				continue;
			memcpy(tmp, word, len - el);
			memcpy(tmp + len - el, s->infinitives[k], il + 1);
			size_t n = catalog_lookup(cat, tmp, 0, out, cap);
			if (n > 0)
				return n;
		}
	}
	return 0;
}

/* WORD's last word cut as rd_stem_lookup does. */
static size_t stem_last(const struct reader *r, const struct lang_stems *s,
			const char *word, struct cat_match *out, size_t cap)
{
	const struct when_vocab *v = lang_when(r->pack);
	size_t n = cut_ends(r->cat, s, s->ends, word, out, cap);
	if (n == 0 && v != NULL)
		n = cut_ends(r->cat, s, v->suffixes, word, out, cap);
	if (n == 0)
		n = as_infinitive(r->cat, s, word, out, cap);
	return n;
}

size_t rd_stem_lookup(const struct reader *r, const char *word,
		      struct cat_match *out, size_t cap)
{
	const struct lang_stems *s = r->pack != NULL ? r->pack->stems : NULL;

	if (s == NULL)
		return 0;
	size_t n = stem_last(r, s, word, out, cap);
	/* "klimanın bakımını", "klimayı temizlemek": the first of two words
	 * under its own ending too, the catalog's "klima bakımı" (review tr
	 * AL s34 got the menu of services) */
	const char *sp = strchr(word, ' ');
	if (n > 0 || s->first_ends == NULL || sp == NULL ||
	    strchr(sp + 1, ' ') != NULL)
		return n;
	size_t fl = (size_t)(sp - word);
	for (size_t i = 0; s->first_ends[i] != NULL && n == 0; i++) {
		char tmp[STEM_CAP * 2];
		size_t el = strlen(s->first_ends[i]);
		if (fl < el + 3 ||
		    strncmp(word + fl - el, s->first_ends[i], el) != 0 ||
		    fl - el + strlen(sp) + 1 > sizeof(tmp))
			continue;
		memcpy(tmp, word, fl - el);
		strcpy(tmp + fl - el, sp);
		n = catalog_lookup(r->cat, tmp, 0, out, cap);
		if (n == 0)
			n = stem_last(r, s, tmp, out, cap);
	}
	return n;
}

/* The consonants of W into OUT; 0 when W holds anything but letters. */
static int skeleton(const struct lang_stems *s, const char *w, char *out,
		    size_t cap)
{
	size_t k = 0;

	for (; *w != '\0'; w++) {
		if (*w < 'a' || *w > 'z' || k + 1 >= cap)
			return 0;
		if (!vowel(s, *w))
			out[k++] = *w;
	}
	out[k] = '\0';
	return 1;
}

size_t rd_vowelless_lookup(const struct reader *r, const char *word,
			   struct cat_match *out, size_t cap)
{
	const struct lang_stems *s = r->pack != NULL ? r->pack->stems : NULL;
	char sk[STEM_CAP];
	size_t found = 0, hits = 0;

	if (s == NULL || s->sms_vowels == NULL || cap == 0 ||
	    strlen(word) < 3 || !skeleton(s, word, sk, sizeof(sk)) ||
	    strcmp(sk, word) != 0)
		return 0;
	for (size_t i = 0; i < r->cat->n_services; i++) {
		const struct cat_service *sv = &r->cat->services[i];
		for (size_t j = 0; j < sv->n_words; j++) {
			char ws[STEM_CAP];
			if (!skeleton(s, sv->words[j], ws, sizeof(ws)) ||
			    strcmp(ws, word) != 0 ||
			    strcmp(sv->words[j], word) == 0)
				continue;
			if (hits > 0 && found != i)
				return 0; /* two services: not ours to pick */
			found = i;
			hits++;
		}
	}
	if (hits == 0)
		return 0;
	out[0].kind = CAT_SERVICE;
	out[0].idx = found;
	out[0].distance = 0;
	return 1;
}

/*
 * "axilas con laser", "cera de ingles", "laser para las axilas": two words
 * of a catalog phrase joined by a linking word (the pack's LW_RELATIVE,
 * then articles), in either order, name what the phrase names (review
 * es10 s50 got the whole menu). LEN words from I; exact lookups only.
 */
size_t rd_linked_lookup(const struct reader *r, size_t i, size_t len,
			struct cat_match *out, size_t cap)
{
	const struct tok *a = &r->t[i], *b = &r->t[i + len - 1];
	char p[160];

	if (len < 3 || len > 4 || !(r->t[i + 1].cls & LW_RELATIVE) ||
	    a->cls != 0 || b->cls != 0)
		return 0;
	for (size_t k = i + 2; k + 1 < i + len; k++)
		if (r->t[k].cls != LW_FILLER)
			return 0; /* only an article between: "para las" */
	for (int order = 0; order < 2; order++) {
		snprintf(p, sizeof(p), "%s %s", order ? b->w : a->w,
			 order ? a->w : b->w);
		size_t n = catalog_lookup(r->cat, p, 0, out, cap);
		if (n > 0 && out[0].distance == 0)
			return n;
	}
	return 0;
}

/*
 * Word I is one of the pack's function words ("unas": some) that a
 * catalog word folds to ("uñas"), and here it works as one: a content
 * word follows it in the same piece ("unas sesiones de láser", "unas
 * cejas") and no article or possessive comes before it ("las unas", "mis
 * unas" are the nails). Then it names nothing (review es10 s60: "regalarle
 * unas sesiones de láser" got "no hacemos Uñas").
 */
int rd_function_word_here(const struct reader *r, size_t i)
{
	const struct tok *t = &r->t[i];
	if (!(t->cls & LW_FILLER) || i + 1 >= r->n ||
	    r->t[i + 1].segment != t->segment)
		return 0;
	if (i > 0 && r->t[i - 1].segment == t->segment &&
	    (r->t[i - 1].cls & LW_FILLER) && !(r->t[i - 1].cls & LW_RELATIVE))
		return 0;
	const struct tok *next = &r->t[i + 1];
	return !(next->cls & LW_FILLER) && !rd_has_digit(next->w) &&
	       !(next->cls & (LW_WEEKDAY | LW_DATEWORD | LW_CONJ));
}

/*
 * "láser de piernas y de axilas", "el precio de cera piernas y de ingles":
 * after a service's phrase, "and" (a linking word may follow) and a word
 * the pack does not know, with the first word of that phrase before it,
 * is another catalog phrase ("laser axilas", "cera ingles"): the head is
 * said once for both (review es10 s21 s47 lost the second). Exact lookups.
 */
void rd_shared_head(struct reader *r, struct inquiry *q)
{
	struct cat_match m[1];
	char p[160];

	for (size_t j = 2; j < r->n; j++) {
		struct tok *t = &r->t[j];
		size_t k = j - 1;
		if (t->thing != 0 || t->cls != 0 || rd_has_digit(t->w))
			continue;
		if ((r->t[k].cls & LW_RELATIVE) && k > 1)
			k--;
		if (!(r->t[k].cls & LW_CONJ) || r->t[k - 1].thing == 0)
			continue;
		const struct inq_thing *prev =
		    &q->things[r->t[k - 1].thing - 1];
		size_t hl = strcspn(prev->word, " ");
		if (prev->kind != CAT_SERVICE || prev->word[hl] == '\0')
			continue;
		snprintf(p, sizeof(p), "%.*s %s", (int)hl, prev->word, t->w);
		if (catalog_lookup(r->cat, p, 0, m, 1) == 0 ||
		    m[0].distance != 0 || m[0].kind != CAT_SERVICE)
			continue;
		t->thing = rd_add_thing(q, (int)m[0].kind, m[0].idx, 0,
					prev->role, t, p);
	}
}
