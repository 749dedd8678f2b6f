/* inquiry: services, topics and trade words in a text, and their roles. */
#include "smsdesk/inquiry.h"

#include "smsdesk/text.h"
#include "smsdesk/when_vocab.h"

#include "inquiry_read.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- services and topics ------------------------------------------------ */

/* The catalog word of match m closest to folded (its distance). */
static const char *closest_word(const struct catalog *cat,
				const struct cat_match *m, const char *folded)
{
	char *const *ws;
	size_t n;
	const char *best = NULL;
	int bd = 99;

	if (m->kind == CAT_SERVICE) {
		ws = cat->services[m->idx].words;
		n = cat->services[m->idx].n_words;
	} else {
		ws = cat->topics[m->idx].words;
		n = cat->topics[m->idx].n_words;
	}
	for (size_t i = 0; i < n; i++) {
		int d = text_distance(folded, ws[i], 3);
		if (d < bd) {
			bd = d;
			best = ws[i];
		}
	}
	return best;
}

/* The word without an ending: "haircuts", "brushes", "coloured",
 * "trimmed", "shaving" meet "haircut", "brush", "colour", "trim",
 * "shave"; and a singular where the catalog lists only the plural ("en
 * cas d'urgence" meets "urgences", review fr6 s25). Exact lookups only. */
static size_t lookup_singular(const struct catalog *cat, const char *word,
			      struct cat_match *out, size_t cap)
{
	static const struct {
		const char *end;
		const char *add;
	} ends[] = {{"s", ""},	 {"es", ""},   {"ed", ""},   {"ed", "e"},
		    {"ing", ""}, {"ing", "e"}, {"ies", "y"}, {"", "s"}};
	char tmp[64];
	size_t len = strlen(word);

	if (len < 4 || len >= sizeof(tmp))
		return 0;
	for (size_t i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
		size_t el = strlen(ends[i].end);
		if (len < el + 3 || strcmp(word + len - el, ends[i].end) != 0)
			continue;
		size_t stem = len - el;
		/* "trimmed" → "trim": a doubled last letter */
		int dbl = stem >= 2 && word[stem - 1] == word[stem - 2] &&
			  ends[i].add[0] == '\0' && el >= 2;
		for (int k = 0; k <= dbl; k++) {
			size_t sl = stem - (size_t)k;
			memcpy(tmp, word, sl);
			snprintf(tmp + sl, sizeof(tmp) - sl, "%s", ends[i].add);
			size_t n = catalog_lookup(cat, tmp, 0, out, cap);
			if (n > 0)
				return n;
		}
	}
	return 0;
}

/* The phrase without one of the pack's word endings (Turkish case
 * endings: "muayeneye", "muayeneyi"; "-yor": "agriyor"), when what is
 * left (four letters or more) is a catalog word. Exact lookups only. */
static size_t lookup_unsuffixed(const struct reader *r, const char *word,
				struct cat_match *out, size_t cap)
{
	const struct when_vocab *v = lang_when(r->pack);
	char tmp[64];
	size_t len = strlen(word);

	if (v == NULL || v->suffixes == NULL || len >= sizeof(tmp))
		return 0;
	for (int pass = 0; pass < 2; pass++) {
		const char *const *ends = v->suffixes;
		static const char *const verb[] = {"iyor", "yor", NULL};
		/* a verb the pack knows is no catalog word ("veriyor" is
		 * "gives", never "veri", data: review tr AB s50) */
		if (pass == 1 && lang_lookup(r->pack, word, NULL) == LW_COMMON)
			break;
		if (pass == 1)
			ends = verb;
		for (size_t i = 0; ends[i] != NULL; i++) {
			size_t el = strlen(ends[i]);
			/* a three-letter word takes one vowel ("yağı",
			 * "camı"), a longer one any ending */
			size_t least = el == 1 && pass == 0 ? 3 : 4;
			if (len < el + least ||
			    strcmp(word + len - el, ends[i]) != 0)
				continue;
			memcpy(tmp, word, len - el);
			tmp[len - el] = '\0';
			size_t n = catalog_lookup(r->cat, tmp, 0, out, cap);
			if (n > 0)
				return n;
		}
	}
	return 0;
}

/* WORD, a verb of the pack the pack itself does not know, with its ending
 * traded for a noun's ("bañar" and "bañarlo" meet "baño", "limpiarle"
 * "limpieza"), when that is a catalog word. A stem of three letters or
 * more; exact lookups only. */
static size_t lookup_verb_noun(const struct reader *r, const struct tok *t,
			       struct cat_match *out, size_t cap)
{
	const struct lang_pack *p = r->pack;
	char tmp[64];
	size_t len = strlen(t->w);

	if (p == NULL || p->verb_ends == NULL || p->noun_ends == NULL ||
	    (t->cls & ~LW_COMMON) != 0)
		return 0;
	for (size_t i = 0; p->verb_ends[i] != NULL; i++) {
		size_t vl = strlen(p->verb_ends[i]);
		if (len < vl + 3 || strcmp(t->w + len - vl, p->verb_ends[i]))
			continue;
		for (size_t k = 0; p->noun_ends[k] != NULL; k++) {
			size_t nl = strlen(p->noun_ends[k]);
			if (len - vl + nl >= sizeof(tmp))
				continue;
			memcpy(tmp, t->w, len - vl);
			memcpy(tmp + len - vl, p->noun_ends[k], nl + 1);
			size_t n = catalog_lookup(r->cat, tmp, 0, out, cap);
			if (n > 0)
				return n;
		}
	}
	return 0;
}

/* WORD without an elided article of PACK glued to it ("losteopathie" is
 * "osteopathie"): the rest when it starts with a vowel or h and is long
 * enough to be a word of its own; NULL otherwise. */
const char *rd_unelided(const struct lang_pack *pack, const char *word)
{
	if (pack == NULL || pack->elisions == NULL)
		return NULL;
	for (size_t i = 0; pack->elisions[i] != NULL; i++) {
		size_t el = strlen(pack->elisions[i]);
		const char *rest = word + el;
		if (strncmp(word, pack->elisions[i], el) != 0 ||
		    strlen(rest) < 3)
			continue;
		if (strchr("aeiouyh", rest[0]) != NULL)
			return rest;
		/* "d'l'extension": two in a row */
		for (size_t k = 0; pack->elisions[k] != NULL; k++) {
			size_t kl = strlen(pack->elisions[k]);
			if (strncmp(rest, pack->elisions[k], kl) == 0 &&
			    strlen(rest + kl) >= 3 &&
			    strchr("aeiouyh", rest[kl]) != NULL)
				return rest + kl;
		}
	}
	return NULL;
}

int rd_add_thing(struct inquiry *q, int kind, size_t idx, int dist,
		 enum inq_role role, const struct tok *at, const char *word)
{
	int clause = at->clause;
	for (size_t k = 0; k < q->n_things; k++) {
		struct inq_thing *t = &q->things[k];
		if (t->kind == kind && (kind < 0 || t->idx == idx) &&
		    t->clause == clause &&
		    (kind >= 0 || strcmp(t->word, word) == 0)) {
			if (dist < t->distance)
				t->distance = dist;
			return (int)k + 1;
		}
	}
	if (q->n_things >= INQ_MAX_THINGS)
		return 0;
	struct inq_thing *t = &q->things[q->n_things++];
	t->kind = kind;
	t->idx = idx;
	t->distance = dist;
	t->role = role;
	t->clause = clause;
	t->segment = at->segment;
	t->persons = 1;
	snprintf(t->word, sizeof(t->word), "%s", word);
	return (int)q->n_things;
}

/*
 * May this phrase be a typo of a catalog word? Only words the pack does not
 * know, with no digits, long enough to have a typo budget.
 */
static int fuzzy_ok(const struct reader *r, size_t i, size_t len,
		    const char *phrase)
{
	struct cat_match m[1];
	for (size_t k = 0; k < len; k++) {
		const struct tok *t = &r->t[i + k];
		if (t->cls != 0 || rd_has_digit(t->w) ||
		    rd_is_ref_like(t->w, 0))
			return 0;
		/* a word that is ours exactly is no part of a typo */
		if (len > 1 && catalog_lookup(r->cat, t->w, 0, m, 1) > 0)
			return 0;
	}
	return text_codepoints(phrase) >= (len == 1 ? 4 : 8);
}

/* b is next to a on a QWERTY keyboard (the slip of a thumb). */
static int key_next(char a, char b)
{
	static const char *const rows[] = {"qwertyuiop", "asdfghjkl",
					   "zxcvbnm"};
	for (int i = 0; i < 3; i++) {
		const char *p = strchr(rows[i], a);
		if (p == NULL)
			continue;
		return (p > rows[i] && p[-1] == b) ||
		       (p[1] != '\0' && p[1] == b);
	}
	return 0;
}

/*
 * A word of four letters that differs from the catalog's word of as many in
 * one letter not next to it on the keyboard is another real word ("wasp"
 * is no "wash", "wand" no "want"), not a slip of the thumb: no typo.
 */
static int other_word(const char *w, const char *cw)
{
	size_t n = strlen(w);
	if (n > 4 || strlen(cw) != n)
		return 0;
	int diff = 0, near = 0;
	for (size_t k = 0; k < n; k++)
		if (w[k] != cw[k]) {
			diff++;
			near = key_next(w[k], cw[k]);
		}
	return diff == 1 && !near;
}

/*
 * A typo of a three- or four-letter catalog word ("mto", "moy" for "mot";
 * "wsah" for "wash"), where the typo budget allows none: the same first
 * letter, and either two neighbours swapped or one letter after the first
 * replaced by its neighbour on the keyboard. Only a word the pack does not
 * know (an everyday word is no typo) and only when one catalog word fits.
 */
static int short_typo(const struct reader *r, size_t i, struct cat_match *m)
{
	const char *w = r->t[i].w;
	size_t n = strlen(w);
	int found = 0;
	if (r->t[i].cls != 0 || n < 3 || n > 4 || rd_has_digit(w) ||
	    rd_is_ref_like(w, 0))
		return 0;
	for (int kind = 0; kind < 2; kind++) {
		size_t cnt = kind == 0 ? r->cat->n_services : r->cat->n_topics;
		for (size_t x = 0; x < cnt; x++) {
			char *const *ws = kind == 0 ? r->cat->services[x].words
						    : r->cat->topics[x].words;
			size_t nw = kind == 0 ? r->cat->services[x].n_words
					      : r->cat->topics[x].n_words;
			for (size_t y = 0; y < nw; y++) {
				const char *c = ws[y];
				if (strlen(c) != n || c[0] != w[0] ||
				    strcmp(c, w) == 0)
					continue;
				int diff[4], nd = 0;
				for (size_t k = 1; k < n; k++)
					if (c[k] != w[k] && nd < 4)
						diff[nd++] = (int)k;
				int swap = nd == 2 && diff[1] == diff[0] + 1 &&
					   c[diff[0]] == w[diff[1]] &&
					   c[diff[1]] == w[diff[0]];
				int slip =
				    nd == 1 && key_next(c[diff[0]], w[diff[0]]);
				if (!swap && !slip)
					continue;
				if (found && (m->kind != (enum cat_kind)kind ||
					      m->idx != x))
					return 0; /* two fit: ambiguous */
				m->kind = kind == 0 ? CAT_SERVICE : CAT_TOPIC;
				m->idx = x;
				m->distance = 1;
				found = 1;
			}
		}
	}
	return found;
}

/* Word i lies inside a pack phrase of two words or more whose meaning
 * outranks a single catalog word (an everyday phrase counts: "last night",
 * "fill in", "straight after"; "un grupo de 8 amigos" counts people, never
 * the group class: review es AE s32). */
static int phrase_covered(const struct reader *r, size_t i)
{
	const uint64_t strong = LW_HELP | LW_MINE | LW_AUTO | LW_NOT_TEXT |
				LW_STOP | LW_NOT_STOP | LW_START | LW_TRADE |
				LW_GREET | LW_BYE | LW_THANKS | LW_BOOK |
				LW_SAYS | LW_COMMON | LW_GROUP;
	for (size_t k = 0; k <= i; k++) {
		const struct tok *t = &r->t[i - k];
		if (t->plen >= 2 && (size_t)t->plen > k && (t->pcls & strong))
			return 1;
	}
	return 0;
}

int rd_name_holds_word(const struct catalog *cat, size_t idx, const char *word)
{
	char name[160];
	size_t wl = strlen(word);
	if (wl < 3 ||
	    text_fold(cat->services[idx].name, name, sizeof(name)) == 0)
		return 0;
	for (const char *p = name; (p = strstr(p, word)) != NULL; p++) {
		if (p != name && p[-1] != ' ')
			continue;
		size_t tail = strcspn(p + wl, " ()");
		if (tail <= 2)
			return 1;
	}
	return 0;
}

/*
 * A pack's trade word ("bakim": any care) that the catalog lists for one
 * service and that names exactly that one service ("Periyodik bakım"; only
 * a word of another service's phrase, "klima bakımı") is that service.
 */
static int trade_word_names_one(const struct catalog *cat, size_t idx,
				const char *word)
{
	if (strchr(word, ' ') != NULL || !rd_name_holds_word(cat, idx, word))
		return 0;
	for (size_t s = 0; s < cat->n_services; s++)
		if (s != idx && rd_name_holds_word(cat, s, word))
			return 0;
	return 1;
}

/*
 * A word the pack reads as "I" written short ("I'll" folds to "ill", which
 * a vet lists for sick animals) that opens its clause, or follows "ok",
 * "and", "then", "yes", "thanks", and has more words after it in that
 * piece of text, is the customer talking ("I'll text you back", "ok I'll
 * call instead"), not the catalog's word; "he's ill", "very ill" are.
 */
static int pronoun_first(const struct reader *r, size_t i)
{
	const uint64_t lead =
	    LW_YES | LW_NO | LW_ACK | LW_CONJ | LW_THANKS | LW_GREET;
	if (!(r->t[i].cls & LW_SELF) || i + 1 >= r->n ||
	    r->t[i + 1].segment != r->t[i].segment)
		return 0;
	if (i == 0 || r->t[i - 1].segment != r->t[i].segment ||
	    r->t[i - 1].clause != r->t[i].clause)
		return 1;
	static const char *const leads[] = {
	    "then", "so", "maybe", "probably", "think", "guess", "actually",
	    "oh",   "or", "if",	   "but",      "and",	"now"};
	for (size_t k = 0; k < sizeof(leads) / sizeof(leads[0]); k++)
		if (strcmp(r->t[i - 1].w, leads[k]) == 0)
			return 1;
	return (r->t[i - 1].cls & lead) != 0 &&
	       !(r->t[i - 1].cls & (LW_SELF | LW_PRONOUN));
}

/*
 * Walk the words, trying the longest phrase at each place first, exact then
 * with typos. A typo must keep the first letter: "bike" is not "ebike".
 */
static int names_service(const struct reader *r, const struct cat_match *m,
			 const char *phrase);

/*
 * Does an exact catalog phrase of two words or more start at word AT and
 * end past it (within one segment)?
 */
static size_t overlapped_on(const struct reader *r, size_t at, size_t maxw)
{
	char phrase[256];
	struct cat_match m[1];

	for (size_t len = maxw; len >= 2; len--) {
		if (at + len > r->n)
			continue;
		size_t pos = 0;
		int fits = 1;
		for (size_t k = 0; k < len && fits; k++) {
			size_t wl = strlen(r->t[at + k].w);
			if (r->t[at + k].segment != r->t[at].segment ||
			    pos + wl + 2 >= sizeof(phrase))
				fits = 0;
			else {
				if (k > 0)
					phrase[pos++] = ' ';
				memcpy(phrase + pos, r->t[at + k].w, wl);
				pos += wl;
			}
		}
		if (!fits)
			continue;
		phrase[pos] = '\0';
		if (catalog_lookup(r->cat, phrase, 0, m, 1) > 0 &&
		    m[0].distance == 0)
			return len;
	}
	return 0;
}

/* Words [FROM, TO) are all words of service M's name ("kombi arıza
 * tespiti" is all of "Kombi arıza tespiti"). */
static int name_holds_all(const struct reader *r, const struct cat_match *m,
			  size_t from, size_t to)
{
	if (m->kind != CAT_SERVICE)
		return 0;
	for (size_t k = from; k < to && k < r->n; k++)
		if (!rd_name_holds_word(r->cat, m->idx, r->t[k].w))
			return 0;
	return 1;
}

static void match_words(struct reader *r, struct inquiry *q)
{
	size_t maxw = catalog_max_phrase_words(r->cat);
	char phrase[256];
	struct cat_match m[4];

	if (maxw == 0)
		maxw = 1;
	if (maxw > 6)
		maxw = 6;
	for (size_t i = 0; i < r->n;) {
		size_t took = 0;
		for (size_t len = maxw; len >= 1 && took == 0; len--) {
			if (i + len > r->n)
				continue;
			size_t pos = 0;
			int fits = 1;
			for (size_t k = 0; k < len && fits; k++) {
				size_t wl = strlen(r->t[i + k].w);
				/* a phrase never spans "," or ".", and "+" only
				 * as the catalog writes it ("coupe + barbe",
				 * review fr K s16 booked the beard alone) */
				int seg = r->t[i + k].segment;
				int prev =
				    k > 0 ? r->t[i + k - 1].segment : seg;
				if (seg != prev &&
				    (seg != prev + 1 || !r->seg_plus[prev])) {
					fits = 0;
					break;
				}
				if (pos + wl + 2 >= sizeof(phrase)) {
					fits = 0;
					break;
				}
				if (k > 0)
					phrase[pos++] = ' ';
				memcpy(phrase + pos, r->t[i + k].w, wl);
				pos += wl;
			}
			if (!fits)
				continue;
			phrase[pos] = '\0';
			size_t n = catalog_lookup(r->cat, phrase, 0, m, 4);
			/* "haircuts", "x rays": the last word's ending */
			if (n == 0)
				n = lookup_singular(r->cat, phrase, m, 4);
			/* "muayeneye", "muayeneyi", "agriyor": the pack's
			 * case endings (and a present-tense "-yor") cut */
			if (n == 0)
				n = lookup_unsuffixed(r, phrase, m, 4);
			/* "bañar a mi perro" where the catalog says "baño" */
			if (n == 0 && len == 1)
				n = lookup_verb_noun(r, &r->t[i], m, 4);
			/* "seansım", "boynum", "tırnağı"; "msj" */
			if (n == 0 && r->t[i + len - 1].cls == 0)
				n = rd_stem_lookup(r, phrase, m, 4);
			if (n == 0 && len == 1 && r->t[i].cls == 0)
				n = rd_vowelless_lookup(r, phrase, m, 4);
			if (n == 0)
				n = rd_linked_lookup(r, i, len, m, 4);
			/* "l'ostéopathie": the phrase after the article */
			const char *bare = rd_unelided(r->pack, phrase);
			if (n == 0 && bare != NULL)
				n = catalog_lookup(r->cat, bare, 0, m, 4);
			if (n == 0 && bare != NULL)
				n = lookup_singular(r->cat, bare, m, 4);
			if (n == 0 && fuzzy_ok(r, i, len, phrase)) {
				size_t got =
				    catalog_lookup(r->cat, phrase, 1, m, 4);
				for (size_t k = 0; k < got && n == 0; k++) {
					const char *cw =
					    closest_word(r->cat, &m[k], phrase);
					if (cw != NULL && cw[0] == phrase[0] &&
					    !other_word(phrase, cw)) {
						m[0] = m[k];
						n = 1;
					}
				}
			}
			if (n == 0 && len == 1 && r->pack != NULL &&
			    strcmp(r->pack->code, "en") == 0)
				n = (size_t)short_typo(r, i, &m[0]);
			/* "eye tst": a short word's typo inside a phrase */
			if (n == 0 && len >= 2)
				n = (size_t)rd_phrase_typo(r, i, len, &m[0]);
			if (n == 0)
				continue;
			/* One word inside a pack phrase that means something
			 * else ("what services", "look at") is that phrase. */
			if (len == 1 && phrase_covered(r, i))
				continue;
			if (len == 1 && pronoun_first(r, i))
				continue;
			if (len == 1 && rd_function_word_here(r, i))
				continue;
			/* "baño y corte de uñas": the last word begins a
			 * longer phrase ("corte de uñas") that the catalog
			 * lists word for word; it binds there, and the words
			 * before it are read on their own ("baño") */
			/* ... unless the words of both are the first one's
			 * service's own name: "kombi arıza tespiti" is
			 * "Kombi arıza tespiti" though "arıza tespiti" is
			 * a word of "Klima arıza tespiti" (review tr AL
			 * c16.2 booked the other service) */
			size_t span = len;
			size_t ol =
			    len >= 2 ? overlapped_on(r, i + len - 1, maxw) : 0;
			if (ol > 0 &&
			    !name_holds_all(r, &m[0], i, i + len - 1 + ol))
				continue;
			if (ol > 0)
				span = len - 1 + ol;
			uint64_t c = lang_lookup(r->pack, phrase, NULL);
			/* "for my little boy": a child's version of it */
			/* A trade word names no service; the catalog's own
			 * topics still count ("car" at a bike shop). */
			enum inq_role role =
			    (c & LW_TRADE) && m[0].kind == CAT_SERVICE &&
				    !names_service(r, &m[0], phrase) &&
				    !trade_word_names_one(r->cat, m[0].idx,
							  phrase)
				? INQ_TRADE_WORD
				: INQ_ASKED;
			int th =
			    rd_add_thing(q, (int)m[0].kind, m[0].idx,
					 m[0].distance, role, &r->t[i], phrase);
			for (size_t k = 0; k < span; k++) {
				r->t[i + k].thing = th;
				r->t[i + k].in_phrase =
				    span >= 2 && m[0].distance == 0;
			}
			took = span;
		}
		i += took ? took : 1;
	}
	/* Trade words the catalog does not list ("look at my bike"). */
	for (size_t i = 0; i < r->n; i++) {
		const struct tok *t = &r->t[i];
		if (t->thing != 0)
			continue;
		if (t->pcls & LW_TRADE) {
			char w[INQ_WORD_MAX] = "";
			for (int k = 0; k < t->plen; k++)
				snprintf(w + strlen(w), sizeof(w) - strlen(w),
					 "%s%s", k ? " " : "", r->t[i + k].w);
			rd_add_thing(q, -1, 0, 0, INQ_TRADE_WORD, t, w);
			i += (size_t)t->plen - 1;
		} else if (t->cls & LW_TRADE) {
			rd_add_thing(q, -1, 0, 0, INQ_TRADE_WORD, t, t->w);
		}
	}
}

static int name_head(const struct catalog *cat, size_t idx, char *out,
		     size_t cap);

/* Does some service other than IDX list W as a word of one of its
 * catalog words? */
static int other_lists(const struct catalog *cat, size_t idx, const char *w)
{
	size_t wl = strlen(w);
	for (size_t k = 0; k < cat->n_services; k++) {
		if (k == idx)
			continue;
		for (size_t j = 0; j < cat->services[k].n_words; j++) {
			const char *p = cat->services[k].words[j];
			for (const char *q = strstr(p, w); q != NULL;
			     q = strstr(q + 1, w))
				if ((q == p || q[-1] == ' ') &&
				    (q[wl] == '\0' || q[wl] == ' '))
					return 1;
		}
	}
	return 0;
}

/* Does some service other than IDX name W (or W less a plural "s") in
 * its name outside brackets? "Alemán en grupo (A1 a C1)" names "grupo";
 * "Maquiagem de noiva (com teste incluso)" only mentions "teste". */
static int other_names(const struct catalog *cat, size_t idx, const char *w)
{
	char name[160], bare[64];
	size_t wl = strlen(w);
	if (wl >= sizeof bare)
		return 1;
	memcpy(bare, w, wl + 1);
	if (wl > 4 && bare[wl - 1] == 's')
		bare[--wl] = '\0';
	for (size_t k = 0; k < cat->n_services; k++) {
		char raw[160];
		size_t o = 0;
		int depth = 0;
		if (k == idx)
			continue;
		/* the name with what stands in brackets left out */
		for (const char *p = cat->services[k].name;
		     *p != '\0' && o + 1 < sizeof raw; p++) {
			depth += *p == '(';
			if (depth == 0)
				raw[o++] = *p;
			depth -= *p == ')' && depth > 0;
		}
		raw[o] = '\0';
		if (text_fold(raw, name, sizeof(name)) == 0)
			continue;
		for (char *p = name; *p != '\0'; p++) {
			if ((p > name && isalnum((unsigned char)p[-1])) ||
			    strncmp(p, bare, wl) != 0)
				continue;
			char e = p[wl];
			if (!isalnum((unsigned char)e) ||
			    (e == 's' && !isalnum((unsigned char)p[wl + 1])))
				return 1;
		}
	}
	return 0;
}

/*
 * "Quero marcar o teste antes" at a studio with "Teste de maquiagem de
 * noiva" (and "Maquiagem de noiva (com teste incluso)"): a word the
 * catalog lists nowhere that is the first word of one service's name, and
 * of no other's, names that service (review pt AL c14.3 booked the bridal
 * makeup, R$ 1.200, for the trial). Only where nothing else of ours was
 * read, and never a word some other service lists ("klima" at an air
 * conditioning firm names no one service).
 */
static void name_head_word(struct reader *r, struct inquiry *q)
{
	/* only beside a booking, price, length or free-places word: "küçük
	 * bir sorum var" (a small question) names no "Küçük dövme" */
	if (r->cat == NULL || r->pack == NULL || !r->pack->name_head_first ||
	    q->n_things > 0 ||
	    !rd_has(r, LW_BOOK | LW_PRICE | LW_AVAIL | LW_DURATION))
		return;
	for (size_t i = 0; i < r->n; i++) {
		const struct tok *t = &r->t[i];
		size_t wl = strlen(t->w);
		if (t->thing != 0 || (t->eff & ~(uint64_t)LW_COMMON) != 0 ||
		    wl < 4 || rd_has_digit(t->w))
			continue;
		size_t found = 0, idx = 0;
		for (size_t k = 0; k < r->cat->n_services; k++) {
			char head[64];
			if (!name_head(r->cat, k, head, sizeof head))
				continue;
			size_t hl = strlen(head);
			if (strcmp(head, t->w) == 0 ||
			    (wl == hl + 1 && t->w[hl] == 's' &&
			     strncmp(head, t->w, hl) == 0)) {
				found++;
				idx = k;
			}
		}
		if (found != 1 || other_lists(r->cat, idx, t->w) ||
		    other_names(r->cat, idx, t->w))
			continue;
		int th =
		    rd_add_thing(q, CAT_SERVICE, idx, 0, INQ_ASKED, t, t->w);
		r->t[i].thing = th;
		return;
	}
}

/* NAME's catalog phrases: does one hold WORD as a whole word? */
static int phrase_holds(char *const *ws, size_t n, const char *word)
{
	size_t wl = strlen(word);
	for (size_t i = 0; i < n; i++) {
		const char *p = ws[i];
		if (strchr(p, ' ') == NULL)
			continue;
		while ((p = strstr(p, word)) != NULL) {
			int start = p == ws[i] || p[-1] == ' ';
			int end = p[wl] == '\0' || p[wl] == ' ';
			if (start && end)
				return 1;
			p++;
		}
	}
	return 0;
}

/* phrase_holds for the word or its stem ("clipped": "clip", "trims":
 * "trim"). */
static int phrase_holds_stem(char *const *ws, size_t n, const char *word)
{
	static const char *const ends[] = {"s", "es", "ed", "ing"};
	char stem[64];
	size_t len = strlen(word);

	if (phrase_holds(ws, n, word))
		return 1;
	for (size_t i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
		size_t el = strlen(ends[i]);
		if (len < el + 3 || len >= sizeof(stem) ||
		    strcmp(word + len - el, ends[i]) != 0)
			continue;
		size_t sl = len - el;
		memcpy(stem, word, sl);
		stem[sl] = '\0';
		if (phrase_holds(ws, n, stem))
			return 1;
		if (sl >= 2 && stem[sl - 1] == stem[sl - 2]) {
			stem[sl - 1] = '\0'; /* "clipped": "clip" */
			if (phrase_holds(ws, n, stem))
				return 1;
		}
	}
	return 0;
}

/*
 * A thing said in passing is not asked for: the one who speaks ("my
 * trainer says", "my physio told me to book a massage"), or for a topic a
 * place been to ("been at the vets", "came back from kennels", up to three
 * words before it).
 */
static void passing_mentions(const struct reader *r, struct inquiry *q)
{
	for (size_t i = 0; i < r->n; i++) {
		const struct tok *t = &r->t[i];
		if (t->thing == 0 || (i > 0 && r->t[i - 1].thing == t->thing))
			continue;
		struct inq_thing *th = &q->things[t->thing - 1];
		if (th->role != INQ_ASKED)
			continue;
		size_t e = i;
		while (e + 1 < r->n && r->t[e + 1].thing == t->thing)
			e++;
		/* "my physio told me to book a massage": the one who speaks,
		 * a service word too */
		int passing = e + 1 < r->n && (r->t[e + 1].eff & LW_SAYS) &&
			      r->t[e + 1].segment == t->segment;
		/* "seit Jahren Fressattacken. Ist das was für Sie?": since,
		 * asking nothing of a day, the topic is what is asked;
		 * "mal aux dents depuis dimanche, dispo demain ?" asks a
		 * visit (fr corpus) */
		int since_asked = !q->when.has_day && !q->when.has_range &&
				  !rd_has(r, LW_AVAIL | LW_BOOK | LW_BOOKING);
		for (size_t b = 1;
		     b <= 3 && b <= i && !passing && th->kind == CAT_TOPIC; b++)
			passing =
			    (r->t[i - b].eff & LW_PAST) &&
			    !(since_asked && (r->t[i - b].cls & LW_PAST) &&
			      r->t[i - b].val == LW_PAST_SINCE) &&
			    r->t[i - b].segment == t->segment;
		if (passing)
			th->role = INQ_MENTIONED;
	}
}

/*
 * In one clause, a topic beside a service is what the service is for
 * ("moped puncture", "brakes on my van"): the request is the topic. A
 * service named by a word that is part of another service's phrase, with
 * that service also named ("trim on the beard"), is that other service.
 */
/* The word under an ending the catalog's own word takes ("gözlüğüm",
 * "gozlugumun": "gözlük", its last letter softened): is one of service
 * A's single words, so written, part of a phrase of service B ("gözlük
 * ayarı")? Review tr6 s31: "gozlugum yamuldu ... ayarlar misiniz" booked
 * the glasses selection beside the adjustment. */
static int suffixed_in_phrase(const struct catalog *cat, size_t a, size_t b,
			      const char *word)
{
	const struct cat_service *sa = &cat->services[a];
	size_t wl = strlen(word);
	for (size_t i = 0; i < sa->n_words; i++) {
		const char *cw = sa->words[i];
		size_t cl = strlen(cw);
		if (cl < 4 || strchr(cw, ' ') != NULL || wl <= cl ||
		    strncmp(word, cw, cl - 1) != 0)
			continue;
		if (phrase_holds(cat->services[b].words,
				 cat->services[b].n_words, cw))
			return 1;
	}
	return 0;
}

/*
 * The text says a word of A's own name that B's lacks, beside A's word:
 * "semi mains et pieds" asks "Pose vernis semi-permanent mains" and
 * "Semi-permanent pieds", two (review fr11: the hands were lost, 'semi'
 * read as part of the feet's name).
 */
static int own_name_word(const struct reader *r, const struct inq_thing *a,
			 const struct inq_thing *b)
{
	for (size_t i = 0; i < r->n; i++) {
		const struct tok *t = &r->t[i];
		if (t->segment != a->segment || t->thing != 0 ||
		    strlen(t->w) < 4 || strcmp(t->w, a->word) == 0)
			continue;
		if (rd_name_holds_word(r->cat, a->idx, t->w) &&
		    !rd_name_holds_word(r->cat, b->idx, t->w))
			return 1;
	}
	return 0;
}

/* The later of the pieces A and B opens with "and" ("quanto é o
 * alongamento? e a manutenção?"): a request of its own. */
static int later_opens_with_and(const struct reader *r, int a, int b)
{
	int later = a > b ? a : b;
	/* "saha + 10 çift ayakkabı": a "+" between them joins two (review
	 * tr AI s34 booked the shoes alone, the pitch read as theirs) */
	if (later > 0 && later - 1 < MAX_SEGMENTS && r->seg_plus[later - 1])
		return 1;
	for (size_t i = 0; i < r->n; i++)
		if (r->t[i].segment == later)
			return (r->t[i].cls & LW_CONJ) != 0;
	return 0;
}

static void settle_roles(const struct reader *r, struct inquiry *q)
{
	const struct catalog *cat = r->cat;
	for (size_t a = 0; a < q->n_things; a++) {
		struct inq_thing *ta = &q->things[a];
		if (ta->role != INQ_ASKED)
			continue;
		for (size_t b = 0; b < q->n_things; b++) {
			struct inq_thing *tb = &q->things[b];
			if (a == b ||
			    (tb->role != INQ_ASKED && tb->role != INQ_OBJECT))
				continue;
			/* Within one clause; a part of a phrase also across
			 * sentences ("my beard, need a trim"), never across
			 * "and" ("trim and beard" are two; "quanto é o
			 * alongamento? e a manutenção?", review pt10 s34). */
			/* "ich bin Diabetikerin und bräuchte ... Fußpflege":
			 * the word is in the other's name ("Fußpflege für
			 * Diabetiker"), one service however the text joins
			 * them (review de10 S03); "um corte e um corte
			 * infantil" names the word twice: two; a question of
			 * its own ("quanto é o alongamento? e a manutenção?")
			 * is its own service */
			if (ta->kind == CAT_SERVICE &&
			    tb->kind == CAT_SERVICE && ta->idx != tb->idx &&
			    tb->segment == ta->segment && tb->distance <= 2 &&
			    strchr(ta->word, ' ') == NULL &&
			    strstr(tb->word, ta->word) == NULL &&
			    !rd_name_holds_word(cat, ta->idx, tb->word) &&
			    rd_name_holds_word(cat, tb->idx, ta->word) &&
			    !own_name_word(r, ta, tb)) {
				ta->role = INQ_MERGED;
				break;
			}
			int same = tb->clause == ta->clause;
			int apart =
			    tb->segment != ta->segment &&
			    !later_opens_with_and(r, ta->segment, tb->segment);
			if (!same && !apart)
				continue;
			if (same && ta->kind == CAT_SERVICE &&
			    tb->kind == CAT_TOPIC) {
				ta->role = INQ_FOR_OBJ;
				tb->role = INQ_OBJECT;
				break;
			}
			if (ta->kind == CAT_SERVICE &&
			    tb->kind == CAT_SERVICE && ta->idx != tb->idx &&
			    strchr(ta->word, ' ') == NULL &&
			    (phrase_holds_stem(cat->services[tb->idx].words,
					       cat->services[tb->idx].n_words,
					       ta->word) ||
			     suffixed_in_phrase(cat, ta->idx, tb->idx,
						ta->word))) {
				ta->role = INQ_MERGED;
				break;
			}
		}
	}
}
static void list_matches(struct inquiry *q)
{
	q->n_matches = 0;
	for (size_t k = 0; k < q->n_things; k++) {
		const struct inq_thing *t = &q->things[k];
		if (t->kind < 0 ||
		    (t->role != INQ_ASKED && t->role != INQ_OBJECT))
			continue;
		int dup = 0;
		for (size_t j = 0; j < q->n_matches; j++)
			dup |= (int)q->matches[j].kind == t->kind &&
			       q->matches[j].idx == t->idx;
		if (dup || q->n_matches >= INQ_MAX_MATCHES)
			continue;
		q->matches[q->n_matches].kind = (enum cat_kind)t->kind;
		q->matches[q->n_matches].idx = t->idx;
		q->matches[q->n_matches].distance = t->distance;
		q->persons[q->n_matches] = t->persons;
		q->n_matches++;
	}
}

/* A trade word that is the first word of the matched service's own name
 * ("réparation" of "Réparation de monture", fr4: "une réparation de
 * monture demain 10h" booked the frame choice) names that service. */
static int names_service(const struct reader *r, const struct cat_match *m,
			 const char *phrase)
{
	char nm[96];
	size_t pl = strlen(phrase);
	return m->distance == 0 &&
	       rd_folded_name(r->cat, m->idx, nm, sizeof(nm)) &&
	       strncmp(nm, phrase, pl) == 0 &&
	       (nm[pl] == '\0' || nm[pl] == ' ');
}

/*
 * "sessão de RPG", "uma sessão de pilates": a service named by one word
 * right before an "of" word (LW_RELATIVE_OF) and another service is the
 * unit of that service, not a second one asked (review pt6 s07: the price
 * and length of the general session given for RPG; "sessão de pilates
 * amanhã" booked both).
 */
static void unit_of_service(const struct reader *r, struct inquiry *q)
{
	for (size_t i = 0; i + 2 < r->n; i++) {
		const struct tok *a = &r->t[i], *of = &r->t[i + 1],
				 *b = &r->t[i + 2];
		if (a->thing == 0 || b->thing == 0 || a->thing == b->thing ||
		    of->thing != 0 || !(of->cls & LW_RELATIVE) ||
		    of->val != LW_RELATIVE_OF ||
		    (i > 0 && r->t[i - 1].thing == a->thing))
			continue;
		struct inq_thing *ta = &q->things[a->thing - 1];
		const struct inq_thing *tb = &q->things[b->thing - 1];
		if (ta->kind == CAT_SERVICE && tb->kind == CAT_SERVICE &&
		    ta->idx != tb->idx && ta->role == INQ_ASKED &&
		    tb->role == INQ_ASKED && strchr(ta->word, ' ') == NULL)
			ta->role = INQ_MERGED;
	}
}

/* Word I is a pack word that means "on" or "in" a place ("na", "nos"). */
static int at_place_word(const struct tok *t)
{
	return t->thing == 0 && (t->cls & (LW_RELATIVE | LW_FILLER)) &&
	       t->val == LW_RELATIVE_AT;
}

/* Is thing K read elsewhere than in the run of words from A? */
static int named_elsewhere(const struct reader *r, int k, size_t a)
{
	size_t e = a;
	while (e + 1 < r->n && r->t[e + 1].thing == k)
		e++;
	for (size_t m = 0; m < r->n; m++)
		if (r->t[m].thing == k && (m < a || m > e))
			return 1;
	return 0;
}

/* Is W, or W without a plural's last letter ("gatos", "genoux"), a word
 * of service IDX's name? */
static int name_holds_form(const struct catalog *cat, size_t idx, const char *w)
{
	char one[64];
	size_t n = strlen(w);
	if (rd_name_holds_word(cat, idx, w))
		return 1;
	if (n < 5 || n >= sizeof(one) || (w[n - 1] != 's' && w[n - 1] != 'x'))
		return 0;
	memcpy(one, w, n - 1);
	one[n - 1] = '\0';
	return rd_name_holds_word(cat, idx, one);
}

/* Is a word the text reads as thing K in service IDX's name? */
static int thing_word_in_name(const struct reader *r, int k, size_t idx)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->t[i].thing == k &&
		    name_holds_form(r->cat, idx, r->t[i].w))
			return 1;
	return 0;
}

/* Every word read for thing K is in service IDX's name: "cours" of "cours
 * particulier" is in "Cours collectif de tango", "particulier" is not. */
static int thing_words_all_in_name(const struct reader *r, int k, size_t idx)
{
	int any = 0;
	for (size_t i = 0; i < r->n; i++) {
		if (r->t[i].thing != k)
			continue;
		if (!name_holds_form(r->cat, idx, r->t[i].w))
			return 0;
		any = 1;
	}
	return any;
}

/* From word I (the last of a thing), the words up to the next thing are
 * only linking words, the first one "of" or "on" (never "with" or "for",
 * never "and"), all in one clause: the index of that thing's first word,
 * else 0. */
static size_t linked_thing(const struct reader *r, size_t i)
{
	size_t j = i + 1;
	/* "gel na mão e no pé": a place is place_of_service's */
	if (j >= r->n || r->t[j].thing != 0 || !(r->t[j].cls & LW_RELATIVE) ||
	    r->t[j].val == LW_RELATIVE_WITH || r->t[j].val == LW_RELATIVE_FOR ||
	    r->t[j].val == LW_RELATIVE_AT)
		return 0;
	for (; j < r->n && j <= i + 3 && r->t[j].thing == 0; j++)
		if (!(r->t[j].cls & (LW_FILLER | LW_RELATIVE | LW_OWNER)) ||
		    (r->t[j].cls & (LW_CONJ | LW_PERSON)) ||
		    r->t[j].val == LW_RELATIVE_WITH ||
		    r->t[j].val == LW_RELATIVE_FOR ||
		    r->t[j].clause != r->t[i].clause)
			return 0;
	if (j >= r->n || r->t[j].thing == 0 || r->t[j].thing == r->t[i].thing ||
	    (r->t[j].eff & LW_PERSON) || r->t[j].clause != r->t[i].clause)
		return 0;
	return j;
}

/* Is a run of words read for service IDX made only of words of two
 * services' names or more ("séance", "kiné" at a practice whose sessions
 * all say so; not "bikini wax", whose "bikini" is its own)? */
static int generic_service(const struct reader *r, const struct inquiry *q,
			   size_t idx)
{
	int in_run = 0, all_shared = 0;
	for (size_t i = 0; i <= r->n; i++) {
		int k = i < r->n ? r->t[i].thing : 0;
		int mine = k != 0 && q->things[k - 1].kind == CAT_SERVICE &&
			   q->things[k - 1].idx == idx;
		if (!mine) {
			if (in_run && all_shared)
				return 1;
			in_run = 0;
			continue;
		}
		if (!in_run) {
			in_run = 1;
			all_shared = 1;
		}
		size_t names = 0;
		for (size_t s = 0; s < r->cat->n_services; s++)
			names += rd_name_holds_word(r->cat, s, r->t[i].w);
		all_shared &= names >= 2;
	}
	return 0;
}

/*
 * "une séance de rééducation du genou", "une entorse du genou", "un
 * massage du dos", "revisión del audífono": two services joined by "of"
 * are one, the one the text names by its own name. A word of the first
 * that is in the second's name ("rééducation" of "Rééducation du genou",
 * "revisión" heading both "Revisión de la vista" and "Revisión auditiva")
 * makes it the second; else it is the one named by a word of its name,
 * the other only by a word the staff listed under it ("genou" of
 * "Rééducation du genou", "entorse" listed under the plain session;
 * "massage" of the massage, "dos" listed under the session). Where both
 * are, the first is the head and the second what it is of; where neither
 * is, the other rules decide (review fr O c05: "une séance
 * de rééducation du genou lundi à 10h" booked the session and the knee).
 */
static void kind_of_service(const struct reader *r, struct inquiry *q)
{
	for (size_t i = 0; i + 2 < r->n; i++) {
		if (r->t[i].thing == 0 || r->t[i + 1].thing != 0)
			continue;
		size_t j = linked_thing(r, i);
		if (j == 0)
			continue;
		int ka = r->t[i].thing, kb = r->t[j].thing;
		struct inq_thing *ta = &q->things[ka - 1];
		struct inq_thing *tb = &q->things[kb - 1];
		if (ta->kind != CAT_SERVICE || tb->kind != CAT_SERVICE ||
		    ta->idx == tb->idx || ta->role != INQ_ASKED ||
		    tb->role != INQ_ASKED)
			continue;
		/* "une séance de dry needling": a word every session's name
		 * shares is no kind of its own, the other is meant (review
		 * fr Y booked the prescribed session) */
		if (generic_service(r, q, ta->idx) &&
		    !generic_service(r, q, tb->idx)) {
			ta->role = INQ_MERGED;
			continue;
		}
		/* "couper les ongles de mon chat": the second named as
		 * theirs ("mon chat" under the cat's grooming) is what the
		 * first is done to, never the service (review fr AY s49
		 * offered the cat's grooming for its claws) */
		if ((r->t[j].cls & LW_OWNER) && !named_elsewhere(r, kb, j)) {
			tb->role = INQ_MERGED;
			continue;
		}
		int a_own = thing_word_in_name(r, ka, ta->idx);
		int b_own = thing_word_in_name(r, kb, tb->idx);
		/* all of the first's words: "un cours particulier de tango"
		 * is the private lesson, whose "cours" the group class's name
		 * shares too (review fr AE s15, s28 booked the group class) */
		int a_in_b = thing_words_all_in_name(r, ka, tb->idx);
		/* "un réglage de mes lunettes" at "Ajustage de lunettes": the
		 * first's own name says what it is of, the head (review fr W
		 * s35 booked new glasses) */
		if (!a_in_b && thing_word_in_name(r, kb, ta->idx) &&
		    !named_elsewhere(r, kb, j))
			tb->role = INQ_MERGED;
		else if (a_in_b || (b_own && !a_own))
			ta->role = INQ_MERGED;
		else if (a_own && !named_elsewhere(r, kb, j))
			/* both so named: the first is the head ("changer mon
			 * bijou de nombril" is the jewel's change, never a
			 * navel piercing too; review fr S c11 booked both) */
			tb->role = INQ_MERGED;
	}
}

/*
 * "gel na mão", "esmaltação nos pés", "gel na mão e no pé": a service,
 * then a word of place (LW_RELATIVE_AT), then another service's words is
 * where the first is done: the second is not asked for (review pt10 c14:
 * "queria marcar gel na mão" booked a manicure beside the gel; s27 "pé e
 * gel na mão" read three services). A place joined on with "and" and
 * another place word is one too. A service named again on its own stays
 * asked.
 */
static void place_of_service(const struct reader *r, struct inquiry *q)
{
	int last = 0; /* the thing last read as a place */
	for (size_t i = 1; i + 1 < r->n; i++) {
		const struct tok *b = &r->t[i - 1];
		if (!at_place_word(&r->t[i]) || b->thing == last)
			continue;
		int left = b->thing != 0 &&
			   q->things[b->thing - 1].kind == CAT_SERVICE &&
			   q->things[b->thing - 1].role == INQ_ASKED;
		/* "... na mão e no pé" */
		left |= last != 0 && (b->cls & LW_CONJ) && i >= 2 &&
			r->t[i - 2].thing == last;
		size_t a = i + 1;
		if ((r->t[a].cls & LW_OWNER) && r->t[a].thing == 0)
			a++;
		if (!left || a >= r->n || r->t[a].thing == 0 ||
		    r->t[a].thing == b->thing ||
		    r->t[a].segment != r->t[i].segment)
			continue;
		struct inq_thing *ta = &q->things[r->t[a].thing - 1];
		if (ta->kind != CAT_SERVICE || ta->role != INQ_ASKED ||
		    named_elsewhere(r, r->t[a].thing, a))
			continue;
		ta->role = INQ_MERGED;
		last = r->t[a].thing;
	}
}

/*
 * "retirer mon gel", "dépose de mon gel", "quitar mis uñas de gel": a
 * service named after an owner word, right after another service in one
 * clause, is what that service works on,
 * not a second one asked (review fr11: "retirer mon gel et faire un semi"
 * booked a new gel set between the removal and the semi). A service named
 * again elsewhere stays asked.
 */
static int only_filler_between(const struct reader *r, size_t from, size_t to)
{
	if (to < from || to - from > 2)
		return 0;
	for (size_t k = from; k < to; k++)
		if (r->t[k].thing != 0 ||
		    !(r->t[k].cls & (LW_FILLER | LW_RELATIVE)) ||
		    (r->t[k].cls & LW_CONJ) ||
		    r->t[k].clause != r->t[from > 0 ? from - 1 : 0].clause)
			return 0;
	return 1;
}

/* Do the names of services A and B share a word of 4 letters or more? */
static int names_share_word(const struct catalog *cat, size_t a, size_t b)
{
	char na[160], w[64];
	if (text_fold(cat->services[a].name, na, sizeof(na)) == 0)
		return 0;
	for (const char *p = na; *p != '\0';) {
		size_t n = strcspn(p, " ()/");
		if (n >= 4 && n < sizeof(w)) {
			memcpy(w, p, n);
			w[n] = '\0';
			if (rd_name_holds_word(cat, b, w))
				return 1;
		}
		p += n;
		p += strspn(p, " ()/");
	}
	return 0;
}

/*
 * "oğlumun saçı kesilecek", "my son's haircut": a service named by a
 * person word (the catalog's kids' cut lists "oğlum") right before another
 * service's word is that person's service; the other is what it does, not
 * a second booking (review tr L c07 booked an adult cut beside the kids').
 */
static void person_before_service(const struct reader *r, struct inquiry *q)
{
	for (size_t i = 0; i + 1 < r->n; i++) {
		const struct tok *a = &r->t[i], *b = &r->t[i + 1];
		if (a->thing == 0 || b->thing == 0 || a->thing == b->thing ||
		    !(a->eff & LW_PERSON) || a->clause != b->clause)
			continue;
		const struct inq_thing *ta = &q->things[a->thing - 1];
		struct inq_thing *tb = &q->things[b->thing - 1];
		if (ta->kind != CAT_SERVICE || tb->kind != CAT_SERVICE ||
		    ta->idx == tb->idx || ta->role != INQ_ASKED ||
		    tb->role != INQ_ASKED ||
		    named_elsewhere(r, b->thing, i + 1))
			continue;
		tb->role = INQ_MERGED;
	}
}

/* Is W in the NULL-ended LIST? */
static int in_list(const char *const *list, const char *w)
{
	for (size_t i = 0; list != NULL && list[i] != NULL; i++)
		if (strcmp(list[i], w) == 0)
			return 1;
	return 0;
}

/*
 * "tonte + bain pour un caniche": a service named by a word after "for a"
 * (the pack's whose-of word, then an article or owner word), beside other
 * services asked, says whom the others are for; it is no booking of its
 * own (review fr N s60 booked a two-hour groom after the two services, the
 * breed being a word of it). A person ("pour mon fils") stays asked.
 */
static void for_whom(const struct reader *r, struct inquiry *q)
{
	const struct lang_whose *wh = r->pack != NULL ? r->pack->whose : NULL;
	if (wh == NULL)
		return;
	for (size_t b = 2; b < r->n; b++) {
		const struct tok *t = &r->t[b];
		if (t->thing == 0 || (t->eff & LW_PERSON) ||
		    r->t[b - 1].thing != 0 ||
		    !(r->t[b - 1].cls & (LW_FILLER | LW_OWNER)) ||
		    r->t[b - 2].thing != 0 || !in_list(wh->of, r->t[b - 2].w))
			continue;
		struct inq_thing *tb = &q->things[t->thing - 1];
		if (tb->kind != CAT_SERVICE || tb->role != INQ_ASKED ||
		    named_elsewhere(r, t->thing, b))
			continue;
		/* the services it is for come before it ("how much for a
		 * haircut and a beard trim" asks two) */
		int other = 0;
		for (size_t k = 0; k < b - 2 && !other; k++) {
			if (r->t[k].thing == 0 || r->t[k].thing == t->thing)
				continue;
			const struct inq_thing *tk =
			    &q->things[r->t[k].thing - 1];
			other = tk->kind == CAT_SERVICE &&
				tk->role == INQ_ASKED && tk->idx != tb->idx &&
				!names_share_word(r->cat, tk->idx, tb->idx);
		}
		if (other)
			tb->role = INQ_MERGED;
	}
}

static void owned_object(const struct reader *r, struct inquiry *q)
{
	for (size_t o = 0; o + 1 < r->n; o++) {
		if (!(r->t[o].cls & LW_OWNER) || r->t[o].thing != 0)
			continue;
		size_t b = o + 1;
		if (r->t[b].thing == 0)
			continue;
		/* the service working on it comes before the owner word
		 * ("retirer mon gel"); one after the thing may be what is
		 * done to it ("his nails clipped": the clipping) */
		size_t a = (size_t)-1;
		for (size_t k = o; k-- > 0 && o - k <= 3;)
			if (r->t[k].thing != 0) {
				if (only_filler_between(r, k + 1, o))
					a = k;
				break;
			}
		/* "pour ma petite": a person, whose booking it is */
		if (a == (size_t)-1 || (r->t[b].eff & LW_PERSON) ||
		    r->t[a].thing == r->t[b].thing ||
		    r->t[a].clause != r->t[b].clause)
			continue;
		struct inq_thing *tb = &q->things[r->t[b].thing - 1];
		const struct inq_thing *ta = &q->things[r->t[a].thing - 1];
		/* "un contrôle pour ma petite": two kinds of one service
		 * ("Consultation", "Consultation enfant"), the second saying
		 * whose it is */
		if (ta->kind != CAT_SERVICE || tb->kind != CAT_SERVICE ||
		    names_share_word(r->cat, ta->idx, tb->idx) ||
		    ta->idx == tb->idx || ta->role != INQ_ASKED ||
		    tb->role != INQ_ASKED ||
		    named_elsewhere(r, r->t[b].thing, b))
			continue;
		tb->role = INQ_MERGED;
	}
}

/*
 * "kedi tırnak kesimi", "kedimin tırnaklarını", "dog nail clipping": a trade
 * word (the animal, the car) that a service's name begins with, right before
 * another service's words, says whose that service is; it asks for nothing
 * of its own (review tr8 s58, c07: cat washing added to a nail trim). A
 * service its words name again elsewhere in the text stays asked.
 */
static void animal_of_service(const struct reader *r, struct inquiry *q)
{
	for (size_t i = 0; i + 1 < r->n; i++) {
		const struct tok *a = &r->t[i], *b = &r->t[i + 1];
		if (a->thing == 0 || b->thing == 0 || a->thing == b->thing ||
		    !(a->cls & LW_TRADE) || a->segment != b->segment ||
		    (i > 0 && r->t[i - 1].thing == a->thing))
			continue;
		struct inq_thing *ta = &q->things[a->thing - 1];
		const struct inq_thing *tb = &q->things[b->thing - 1];
		if (ta->kind != CAT_SERVICE || tb->kind != CAT_SERVICE ||
		    ta->idx == tb->idx || ta->role != INQ_ASKED ||
		    tb->role != INQ_ASKED)
			continue;
		size_t k = 0;
		while (k < r->n && (k == i || r->t[k].thing != a->thing))
			k++;
		if (k == r->n)
			ta->role = INQ_TRADE_WORD;
	}
}

/*
 * A move, cancel or symptom word inside a phrase the catalog lists, read
 * whole and exactly ("se déplacer" under home visits, "mal au dos" under
 * a physiotherapy session), is the catalog's word, not the customer's verb
 * or an emergency (review fr O s11 was told it had nothing to move; c07
 * booked the session and handed "mal au dos" on as a health problem).
 */
static void catalog_phrase_not_verbs(struct reader *r)
{
	const uint64_t verbs = LW_MOVE | LW_CANCEL | LW_SYMPTOM;
	for (size_t i = 0; i < r->n; i++) {
		struct tok *t = &r->t[i];
		if (t->in_phrase) {
			t->cls &= ~verbs;
			t->eff &= ~verbs;
		}
		/* "j'ai mal au dos": the pack's "j'ai mal" ends inside */
		int over = 0;
		for (int k = 0; k < t->plen && i + (size_t)k < r->n; k++)
			over |= r->t[i + (size_t)k].in_phrase;
		if (!over || !(t->pcls & verbs))
			continue;
		t->pcls &= ~verbs;
		for (int k = 0; k < t->plen && i + (size_t)k < r->n; k++)
			r->t[i + (size_t)k].eff &= ~verbs;
	}
}

/* The first word of service IDX's name, folded, into out ("banho" of
 * "Banho de gato"); 0 when too short to tell. */
static int name_head(const struct catalog *cat, size_t idx, char *out,
		     size_t cap)
{
	char name[160];
	if (text_fold(cat->services[idx].name, name, sizeof(name)) == 0)
		return 0;
	size_t n = strcspn(name, " ()/+-");
	if (n < 3 || n >= cap)
		return 0;
	memcpy(out, name, n);
	out[n] = '\0';
	return 1;
}

/* Is a word of the text the head word of service IDX's name ("banho"), or
 * near it (ends differ by two letters at most: "banhos")? */
static int head_in_text(const struct reader *r, size_t idx)
{
	char head[64];
	if (!name_head(r->cat, idx, head, sizeof head))
		return 1;
	size_t hl = strlen(head);
	for (size_t i = 0; i < r->n; i++) {
		size_t wl = strlen(r->t[i].w);
		if (wl >= hl && wl <= hl + 2 &&
		    strncmp(r->t[i].w, head, hl) == 0)
			return 1;
		if (wl + 2 >= hl && wl < hl && wl >= 3 &&
		    strncmp(r->t[i].w, head, wl) == 0)
			return 1;
	}
	return 0;
}

/* Does service IDX's name hold W, or W with its last letter changed or an
 * "s" more or less ("gata", "gatos" of "Banho de gato")? */
static int name_holds_near(const struct catalog *cat, size_t idx, const char *w)
{
	char name[160];
	size_t wl = strlen(w);
	if (wl < 4 ||
	    text_fold(cat->services[idx].name, name, sizeof(name)) == 0)
		return 0;
	for (const char *p = name; *p != '\0';) {
		size_t n = strcspn(p, " ()/+-,");
		if (n >= 4 && ((n == wl && strncmp(p, w, n - 1) == 0) ||
			       (n + 1 == wl && strncmp(p, w, n) == 0) ||
			       (n == wl + 1 && strncmp(p, w, wl) == 0)))
			return 1;
		p += n;
		p += strspn(p, " ()/+-,");
	}
	return 0;
}

/* Are tokens A < B joined by "and", "also" or a "+" between them? */
static int joined_between(const struct reader *r, size_t a, size_t b)
{
	for (size_t k = a + 1; k < b; k++)
		if (r->t[k].eff & (LW_CONJ | LW_ALSO))
			return 1;
	for (size_t k = a; k < b; k++)
		if (r->t[k].segment != r->t[k + 1].segment &&
		    r->seg_plus[r->t[k].segment])
			return 1;
	return 0;
}

/*
 * "vcs vacinam gato?", "cortar as unhas da minha gata", "consulta hj a
 * tarde? minha gata nao quer comer" at a shop whose "Banho de gato" lists
 * "gato": a service read only by an everyday word (the pack's LW_COMMON)
 * of its name that is not the name's first ("gato", never "banho"), beside
 * another service asked and
 * joined to it by no "and", says whose or what the other service is for;
 * it asks for nothing of its own (review pt Y c19.1, s50, c03.1 booked or
 * chased a cat bath nobody asked for).
 */
static void modifier_of_service(const struct reader *r, struct inquiry *q)
{
	for (size_t b = 0; b < r->n; b++) {
		int th = r->t[b].thing;
		if (th == 0 || r->t[b].in_phrase)
			continue;
		struct inq_thing *tb = &q->things[th - 1];
		/* only an everyday word of the pack's (the animal, the
		 * child): "facial" of "Classic facial" is the service */
		if (tb->kind != CAT_SERVICE || tb->role != INQ_ASKED ||
		    !(r->t[b].cls & LW_COMMON) ||
		    strchr(tb->word, ' ') != NULL ||
		    !name_holds_near(r->cat, tb->idx, r->t[b].w) ||
		    head_in_text(r, tb->idx))
			continue;
		/* another service asked, by a word of its own */
		int other = 0, linked = 0;
		for (size_t a = 0; a < r->n; a++) {
			int ta = r->t[a].thing;
			if (ta == 0 || ta == th)
				continue;
			const struct inq_thing *o = &q->things[ta - 1];
			if (o->kind != CAT_SERVICE || o->role != INQ_ASKED ||
			    o->idx == tb->idx)
				continue;
			other = 1;
			linked |= a < b ? joined_between(r, a, b)
					: joined_between(r, b, a);
		}
		/* the same word named again elsewhere keeps it asked */
		for (size_t k = 0; k < r->n; k++)
			linked |= k != b && r->t[k].thing == th;
		if (other && !linked)
			tb->role = INQ_TRADE_WORD;
	}
}

static int asked_service_at(const struct reader *r, const struct inquiry *q,
			    size_t i)
{
	int k = r->t[i].thing;
	return k != 0 && q->things[k - 1].kind == CAT_SERVICE &&
	       q->things[k - 1].role == INQ_ASKED;
}

/*
 * "une séance pour mon dos, j'ai une ordonnance", "une ordonnance pour de
 * la kiné à domicile": a service read by a word every session's name
 * shares beside one read by its own word, with no "and", "+" or "also"
 * between them, is one request, the specific one. Both were offered back
 * to back and picking a time booked two (review fr Y: six unasked
 * bookings).
 */
static void generic_beside_specific(const struct reader *r, struct inquiry *q)
{
	size_t sa = 0, sb = 0, prev = 0;
	int n = 0, side_by_side = 0, listed = 0, have_prev = 0;
	for (size_t i = 0; i < r->n; i++) {
		if (!asked_service_at(r, q, i))
			continue;
		size_t idx = q->things[r->t[i].thing - 1].idx;
		if (n == 0) {
			sa = idx;
			n = 1;
		} else if (idx != sa && (n == 1 || idx != sb)) {
			if (n == 2)
				return; /* three services: as they are */
			sb = idx;
			n = 2;
		}
		/* two services one after the other, nothing joining them
		 * ("séance pour mon dos"; "opéré du LCA, ... la kiné"); "and"
		 * or "also" makes a list ("coupe et brushing") */
		if (have_prev && q->things[r->t[prev].thing - 1].idx != idx) {
			int joined = 0;
			for (size_t k = prev + 1; k < i; k++)
				joined |=
				    (r->t[k].eff & (LW_CONJ | LW_ALSO)) != 0;
			/* "service + gear tune": a piece ending at "+" */
			for (size_t k = prev; k < i; k++)
				joined |=
				    r->t[k].segment != r->t[k + 1].segment &&
				    r->seg_plus[r->t[k].segment];
			side_by_side |= !joined;
			listed |= joined;
		}
		prev = i;
		have_prev = 1;
	}
	if (n < 2 || !side_by_side || listed)
		return;
	int ga = generic_service(r, q, sa), gb = generic_service(r, q, sb);
	if (ga == gb)
		return;
	size_t drop = ga ? sa : sb;
	for (size_t k = 0; k < q->n_things; k++)
		if (q->things[k].kind == CAT_SERVICE &&
		    q->things[k].idx == drop && q->things[k].role == INQ_ASKED)
			q->things[k].role = INQ_MERGED;
}

/*
 * "maquiagem + penteado para sábado às 8h, é para um casamento que sou
 * madrinha": a service read only by a word that is no part of its name
 * ("madrinha" for "Maquiagem social"), beside a service asked by its
 * name that holds the first one's head word ("Maquiagem + penteado"), is
 * that one told again, never one more booked (review pt AL s03 booked a
 * second makeup).
 */
/* Does the folded phrase P hold W as a whole word? */
static int holds_word(const char *p, const char *w)
{
	size_t wl = strlen(w);
	for (const char *x = strstr(p, w); x != NULL; x = strstr(x + 1, w))
		if ((x == p || x[-1] == ' ') && (x[wl] == '\0' || x[wl] == ' '))
			return 1;
	return 0;
}

/* Service A's folded name holds the head words of two services or more,
 * each other than A, with different heads ("Maquiagem + penteado": a
 * combination; "Examen de vue" holds one head only). */
static int combines(const struct catalog *cat, size_t a)
{
	char name[160], head[64], first[64] = "";
	if (!rd_folded_name(cat, a, name, sizeof name))
		return 0;
	for (size_t k = 0; k < cat->n_services; k++) {
		if (k == a || !name_head(cat, k, head, sizeof head) ||
		    !holds_word(name, head))
			continue;
		if (first[0] == '\0')
			snprintf(first, sizeof first, "%s", head);
		else if (strcmp(first, head) != 0)
			return 1;
	}
	return 0;
}

static void part_of_combo(const struct reader *r, struct inquiry *q)
{
	if (r->pack == NULL || !r->pack->name_head_first)
		return;
	for (size_t b = 0; b < q->n_things; b++) {
		struct inq_thing *tb = &q->things[b];
		char head[64], name[160];
		if (tb->kind != CAT_SERVICE || tb->role != INQ_ASKED ||
		    !name_head(r->cat, tb->idx, head, sizeof head) ||
		    holds_word(tb->word, head))
			continue;
		if (rd_folded_name(r->cat, tb->idx, name, sizeof name) &&
		    holds_word(name, tb->word))
			continue;
		for (size_t a = 0; a < q->n_things; a++) {
			const struct inq_thing *ta = &q->things[a];
			if (a == b || ta->kind != CAT_SERVICE ||
			    ta->role != INQ_ASKED || ta->idx == tb->idx ||
			    !holds_word(ta->word, head) ||
			    !rd_folded_name(r->cat, ta->idx, name,
					    sizeof name) ||
			    !holds_word(name, head) ||
			    !combines(r->cat, ta->idx))
				continue;
			tb->role = INQ_MENTIONED;
			break;
		}
	}
}

/* The tokens of thing TH (1-based): first in *from, last in *to; 0 when
 * none. */
static int thing_span(const struct reader *r, int th, size_t *from, size_t *to)
{
	int any = 0;
	for (size_t i = 0; i < r->n; i++)
		if (r->t[i].thing == th) {
			if (!any)
				*from = i;
			*to = i;
			any = 1;
		}
	return any;
}

/*
 * "entretien poêle à granulés" at a sweep with "Entretien annuel poêle à
 * granulés" and "Ramonage poêle à granulés": a service word ("entretien")
 * right before the words of another service, all of them words of the
 * first one's name, names the first one (review fr AM c03.1 booked the
 * sweep, a service not asked for).
 */
static void name_spans_both(const struct reader *r, struct inquiry *q)
{
	for (size_t a = 0; a < q->n_things; a++) {
		struct inq_thing *ta = &q->things[a];
		size_t af = 0, at = 0;
		if (ta->kind != CAT_SERVICE ||
		    (ta->role != INQ_ASKED && ta->role != INQ_TRADE_WORD) ||
		    !thing_span(r, (int)a + 1, &af, &at))
			continue;
		for (size_t b = 0; b < q->n_things; b++) {
			struct inq_thing *tb = &q->things[b];
			size_t bf = 0, bt = 0;
			if (b == a || tb->kind != CAT_SERVICE ||
			    tb->role != INQ_ASKED || tb->idx == ta->idx ||
			    !thing_span(r, (int)b + 1, &bf, &bt) ||
			    bf != at + 1 ||
			    r->t[bf].segment != r->t[at].segment)
				continue;
			int all = 1;
			for (size_t k = bf; k <= bt && all; k++)
				all = strlen(r->t[k].w) <= 2 ||
				      rd_name_holds_word(r->cat, ta->idx,
							 r->t[k].w);
			if (!all ||
			    rd_name_holds_word(r->cat, tb->idx, r->t[af].w))
				continue;
			ta->role = INQ_ASKED;
			tb->role = INQ_MENTIONED;
		}
	}
}

/*
 * "le forfait 5 séances, première séance mardi 8 décembre 9h": a service
 * read by an ordinal and a word of another service's name asked before it
 * ("première séance", a word of "Séance découverte") is the first of that
 * one, never one more booked (review fr AO s26 booked the discovery
 * session beside the package, a service not asked for).
 */
static void first_of_asked(const struct reader *r, struct inquiry *q)
{
	for (size_t b = 0; b < q->n_things; b++) {
		struct inq_thing *tb = &q->things[b];
		size_t bf = 0, bt = 0;
		if (tb->kind != CAT_SERVICE || tb->role != INQ_ASKED ||
		    !thing_span(r, (int)b + 1, &bf, &bt) ||
		    !(r->t[bf].eff & LW_ORDINAL))
			continue;
		for (size_t a = 0; a < q->n_things; a++) {
			const struct inq_thing *ta = &q->things[a];
			size_t af = 0, at = 0;
			if (a == b || ta->kind != CAT_SERVICE ||
			    ta->role != INQ_ASKED || ta->idx == tb->idx ||
			    !thing_span(r, (int)a + 1, &af, &at) || af > bf)
				continue;
			int held = 0;
			for (size_t k = bf + 1; k <= bt; k++)
				held |= rd_name_holds_word(r->cat, ta->idx,
							   r->t[k].w);
			if (held) {
				tb->role = INQ_MENTIONED;
				break;
			}
		}
	}
}

/*
 * "la réflexo et le shiatsu dans la même séance" at a studio with
 * "Séance combinée réflexologie + shiatsu": two services asked side by
 * side whose head words a third one's name holds, a combination, are
 * that one, never two bookings (review fr AO c15.2 booked two sessions,
 * 125 €, for the combined 90 €). Only two, in one piece of the text.
 */
static void combo_of_asked(const struct reader *r, struct inquiry *q)
{
	int a = -1, b = -1, n = 0;
	if (r->pack == NULL || !r->pack->name_head_first)
		return;
	for (size_t k = 0; k < q->n_things; k++)
		if (q->things[k].kind == CAT_SERVICE &&
		    q->things[k].role == INQ_ASKED) {
			if (n == 0)
				a = (int)k;
			else
				b = (int)k;
			n++;
		}
	size_t af = 0, at = 0, bf = 0, bt = 0;
	int days = 0;
	for (size_t i = 0; i < r->n; i++)
		days += (r->t[i].cls & (LW_WEEKDAY | LW_TODAY)) != 0;
	if (n != 2 || q->things[a].idx == q->things[b].idx || days > 1 ||
	    !thing_span(r, a + 1, &af, &at) ||
	    !thing_span(r, b + 1, &bf, &bt) ||
	    r->t[af].segment != r->t[bf].segment)
		return;
	char ha[64], hb[64], name[160];
	if (!name_head(r->cat, q->things[a].idx, ha, sizeof ha) ||
	    !name_head(r->cat, q->things[b].idx, hb, sizeof hb) ||
	    strcmp(ha, hb) == 0)
		return;
	for (size_t c = 0; c < r->cat->n_services; c++) {
		/* a name that joins them: "réflexologie + shiatsu" */
		if (c == q->things[a].idx || c == q->things[b].idx ||
		    strpbrk(r->cat->services[c].name, "+&") == NULL ||
		    !rd_folded_name(r->cat, c, name, sizeof name) ||
		    !holds_word(name, ha) || !holds_word(name, hb) ||
		    !combines(r->cat, c))
			continue;
		q->things[a].idx = c;
		q->things[b].role = INQ_MENTIONED;
		return;
	}
}

void rd_match_things(struct reader *r, struct inquiry *q)
{
	match_words(r, q);
	name_head_word(r, q);
	name_spans_both(r, q);
	catalog_phrase_not_verbs(r);
	rd_shared_head(r, q);
	passing_mentions(r, q);
	rd_conditions(r, q);
	modifier_of_service(r, q);
	unit_of_service(r, q);
	kind_of_service(r, q);
	place_of_service(r, q);
	animal_of_service(r, q);
	generic_beside_specific(r, q);
	settle_roles(r, q);
	part_of_combo(r, q);
	first_of_asked(r, q);
	combo_of_asked(r, q);
	owned_object(r, q);
	person_before_service(r, q);
	for_whom(r, q);
	rd_persons(r, q);
	list_matches(q);
}
