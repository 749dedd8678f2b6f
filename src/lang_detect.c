/*
 * lang: which of the business's languages a text is written in (lang.h,
 * lang_detect). Each listed pack scores the words of the text it knows —
 * its reader's lexicon and its time words, the longest phrase first — and
 * the pack that knows strictly most of them wins; a word that names a
 * service or topic in that language only (its translated names) counts
 * too. A word every pack knows ("ok", "stop", "10") counts for each alike
 * and so decides nothing.
 */
#include "smsdesk/lang.h"

#include "smsdesk/catalog.h"
#include "smsdesk/text.h"
#include "smsdesk/when_vocab.h"

#include <stdio.h>
#include <string.h>

#define DETECT_TEXT  640 /* folded bytes looked at */
#define DETECT_WORDS 96

struct words {
	char buf[DETECT_TEXT];
	const char *w[DETECT_WORDS];
	size_t n;
};

/* Cut folded into words (in place, in a copy). */
static void split(const char *folded, struct words *ws)
{
	char *p = ws->buf;

	strncpy(ws->buf, folded, sizeof(ws->buf) - 1);
	ws->buf[sizeof(ws->buf) - 1] = '\0';
	ws->n = 0;
	while (*p != '\0' && ws->n < DETECT_WORDS) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		ws->w[ws->n++] = p;
		p += strcspn(p, " ");
		if (*p == ' ')
			*p++ = '\0';
	}
}

/* Words i..i+k-1 joined by spaces into out; 0 when they do not fit. */
static int join(const struct words *ws, size_t i, size_t k, char *out,
		size_t cap)
{
	size_t pos = 0;
	for (size_t j = i; j < i + k; j++) {
		size_t n = strlen(ws->w[j]);
		if (pos + n + 2 > cap)
			return 0;
		if (j > i)
			out[pos++] = ' ';
		memcpy(out + pos, ws->w[j], n);
		pos += n;
	}
	out[pos] = '\0';
	return 1;
}

static int all_digits(const char *w)
{
	for (; *w != '\0'; w++)
		if (*w < '0' || *w > '9')
			return 0;
	return 1;
}

/* The longest time-word entry of V matching at word i, in words (0: none).
 * Entries that are also ordinary words (WF_WEAK) and filler (WS_SKIP) say
 * nothing about the language. */
static size_t when_match(const struct when_vocab *v, const struct words *ws,
			 size_t i)
{
	size_t best = 0;
	char entry[96], here[160];

	for (size_t e = 0; v != NULL && e < v->n_words; e++) {
		const struct when_word *ww = &v->words[e];
		if ((ww->flags & WF_WEAK) || ww->sense == WS_SKIP)
			continue;
		size_t n = text_fold(ww->text, entry, sizeof(entry));
		if (n == 0)
			continue;
		size_t k = 1;
		for (size_t j = 0; j < n; j++)
			k += entry[j] == ' ';
		if (k <= best || i + k > ws->n ||
		    !join(ws, i, k, here, sizeof(here)))
			continue;
		if (strcmp(here, entry) == 0)
			best = k;
	}
	return best;
}

/* How many words of ws PACK knows. */
static size_t score(const struct lang_pack *pack, const struct words *ws)
{
	const struct when_vocab *v = lang_when(pack);
	size_t maxp = lang_max_phrase(pack), known = 0;
	char phrase[160];

	for (size_t i = 0; i < ws->n;) {
		size_t got = 0;
		if (all_digits(ws->w[i])) {
			i++;
			continue;
		}
		for (size_t k = maxp; k >= 1 && got == 0; k--) {
			if (i + k > ws->n ||
			    !join(ws, i, k, phrase, sizeof(phrase)))
				continue;
			if (lang_lookup(pack, phrase, NULL) != 0)
				got = k;
		}
		size_t t = when_match(v, ws, i);
		if (t > got)
			got = t;
		known += got;
		i += got > 0 ? got : 1;
	}
	return known;
}

/* WORD is a whole word of NAME (folded here). */
static int in_name(const char *name, const char *word)
{
	char f[256], w[96];
	size_t n = strlen(word);

	if (name == NULL || n == 0 || n + 3 > sizeof(w))
		return 0;
	f[0] = ' ';
	n = text_fold(name, f + 1, sizeof(f) - 2);
	f[n + 1] = ' ';
	f[n + 2] = '\0';
	snprintf(w, sizeof(w), " %s ", word);
	return strstr(f, w) != NULL;
}

/*
 * Words of ws that name a translated service or topic in language CODE
 * only ("haircut" of names = { en = "Haircut"; } beside name = "Corte de
 * pelo"): what the customer calls it tells their language too.
 */
static size_t name_score(const struct catalog *cat, const char *code,
			 const struct words *ws)
{
	size_t known = 0;

	for (size_t i = 0; i < ws->n; i++) {
		if (all_digits(ws->w[i]) || strlen(ws->w[i]) < 3)
			continue;
		int here = 0, elsewhere = 0;
		for (size_t k = 0; k < cat->n_services + cat->n_topics; k++) {
			const char *name;
			const struct cat_tr *tr;
			size_t n;
			if (k < cat->n_services) {
				name = cat->services[k].name;
				tr = cat->services[k].names;
				n = cat->services[k].n_names;
			} else {
				name = cat->topics[k - cat->n_services].name;
				tr = cat->topics[k - cat->n_services].names;
				n = cat->topics[k - cat->n_services].n_names;
			}
			if (n == 0)
				continue;
			for (size_t l = 0; l < cat->n_languages; l++) {
				const char *in =
				    catalog_tr(tr, n, cat->languages[l], name);
				if (!in_name(in, ws->w[i]))
					continue;
				if (strcmp(cat->languages[l], code) == 0)
					here = 1;
				else
					elsewhere = 1;
			}
		}
		known += here && !elsewhere;
	}
	return known;
}

const struct lang_pack *lang_detect(const struct catalog *cat, const char *text,
				    const struct lang_pack *remembered,
				    int *sure)
{
	const struct lang_pack *def = lang_of_business(cat);
	const struct lang_pack *best = NULL;
	size_t best_score = 0, n_best = 0;
	char folded[DETECT_TEXT];
	static struct words ws; /* single-threaded, as the desk */

	if (sure != NULL)
		*sure = 0;
	if (cat == NULL || cat->n_languages < 2 || text == NULL)
		return def;
	text_fold(text, folded, sizeof(folded));
	split(folded, &ws);
	for (size_t i = 0; i < cat->n_languages; i++) {
		const struct lang_pack *p = lang_pack_for(cat->languages[i]);
		if (p == NULL)
			continue;
		size_t s = score(p, &ws) + name_score(cat, p->code, &ws);
		if (best == NULL || s > best_score) {
			best = p;
			best_score = s;
			n_best = 1;
		} else if (s == best_score) {
			n_best++;
		}
	}
	if (best != NULL && best_score > 0 && n_best == 1) {
		if (sure != NULL)
			*sure = 1;
		return best;
	}
	/* A tie, or nothing known: the language we last talked in, if the
	 * business still answers in it. */
	for (size_t i = 0; remembered != NULL && i < cat->n_languages; i++)
		if (strcmp(cat->languages[i], remembered->code) == 0)
			return remembered;
	return def;
}
