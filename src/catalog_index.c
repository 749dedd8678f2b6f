/*
 * catalog_index: the word index of a loaded catalog (catalog.h lookups) and
 * the small string map the loader shares. Built once, after a load without
 * errors; read-only afterwards.
 */
#include "catalog_internal.h"

#include "smsdesk/text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- string map (open addressing, grows) ------------------------------ */

static uint64_t hash_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++) {
		h ^= b[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

#define HASH_SEED 0xcbf29ce484222325ULL

static struct strslot *strmap_slot(const struct strmap *m, const char *key)
{
	size_t i = hash_bytes(HASH_SEED, key, strlen(key)) & m->mask;

	while (m->slots[i].key != NULL && strcmp(m->slots[i].key, key) != 0)
		i = (i + 1) & m->mask;
	return &m->slots[i];
}

const struct strslot *strmap_get(const struct strmap *m, const char *key)
{
	const struct strslot *s;

	if (m->slots == NULL)
		return NULL;
	s = strmap_slot(m, key);
	return s->key == NULL ? NULL : s;
}

static int strmap_grow(struct strmap *m)
{
	size_t cap = m->slots == NULL ? 64 : (m->mask + 1) * 2;
	struct strmap next = {calloc(cap, sizeof(struct strslot)), cap - 1, 0};

	if (next.slots == NULL)
		return -1;
	for (size_t i = 0; m->slots != NULL && i <= m->mask; i++) {
		if (m->slots[i].key == NULL)
			continue;
		*strmap_slot(&next, m->slots[i].key) = m->slots[i];
		next.n++;
	}
	free(m->slots);
	*m = next;
	return 0;
}

const struct strslot *strmap_add(struct strmap *m, const char *key,
				 uint32_t val, int line, int *oom)
{
	struct strslot *s;

	if ((m->slots == NULL || (m->n + 1) * 2 > m->mask + 1) &&
	    strmap_grow(m) != 0) {
		*oom = 1;
		return NULL;
	}
	s = strmap_slot(m, key);
	if (s->key != NULL)
		return s;
	s->key = key;
	s->val = val;
	s->line = line;
	m->n++;
	return NULL;
}

/* ---- the word index ---------------------------------------------------- */

/*
 * Fuzzy matching uses a deletion neighbourhood: every word is stored under
 * the hashes of itself with up to text_typo_budget() code points deleted; a
 * query generates its own deletions and any word sharing one is a candidate,
 * confirmed with text_distance(). Two strings within k edits (insert,
 * delete, substitute, swap) always share a deletion of at most k code points
 * on each side, so nothing within budget is missed, and a lookup costs a few
 * dozen probes however many services there are.
 *
 * The (hash, word) pairs live in one array grouped by the top bits of the
 * hash, with a directory pointing at each group.
 */
#define FUZZY_MAX_CP 40 /* longer words and phrases match only exactly */

struct word_entry {
	const char *word; /* borrowed from the service or topic */
	enum cat_kind kind;
	uint32_t idx;
	uint32_t ncp;
};

struct cat_index {
	struct word_entry *words;
	size_t n_words;
	struct strmap exact; /* word → words[] index */
	struct strmap ids;   /* id → owner_val */
	uint64_t *dels;	     /* (hash32 << 32) | word, grouped by dir */
	size_t n_dels;
	uint32_t *dir; /* dir[h >> dir_shift] .. dir[+1]: that run in dels */
	unsigned dir_shift;
	size_t max_phrase_words;
	/* Phrases of two or more words, split once, sorted by their first
	 * word (by[0]) and by their second (by[1]). */
	char *phrase_pool;
	const char **phrase_words;
	struct cat_phrase *by[2];
	size_t n_phrases;
	struct strmap phrase_at[2]; /* word → first of its run in by[] */
	/* Every word of every entry, alone or inside a phrase, with the
	 * services and topics that use it: sorted by word, then services
	 * first in file order, each owner once per word. */
	const char **tok_word;
	struct cat_match *tok_owner;
	size_t n_tok;
	struct strmap tok_at; /* word → first of its run */
};

static size_t decode_cps(const char *s, uint32_t *cps, size_t cap)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t k = 0;

	/* Folded words are valid UTF-8; a stray byte counts as one. */
	while (*u != '\0') {
		uint32_t c = *u++;
		int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;

		while (more-- > 0 && (*u & 0xC0) == 0x80)
			c = (c << 8) | *u++;
		if (k == cap)
			return cap + 1;
		cps[k++] = c;
	}
	return k;
}

/*
 * Polynomial hashes, so that the hash of a word with one or two code points
 * taken out costs O(1) from its prefix hashes: H(s) = sum s[i] * B^(n-1-i).
 */
#define POLY_B 0x9E3779B97F4A7C15ULL

struct poly {
	uint64_t pre[FUZZY_MAX_CP + 1]; /* pre[k] = H(s[0..k)) */
	uint64_t pow[FUZZY_MAX_CP + 1]; /* B^k */
};

static void poly_init(struct poly *p, const uint32_t *cps, size_t n)
{
	p->pre[0] = 0;
	p->pow[0] = 1;
	for (size_t i = 0; i < n; i++) {
		p->pre[i + 1] = p->pre[i] * POLY_B + cps[i] + 1;
		p->pow[i + 1] = p->pow[i] * POLY_B;
	}
}

/* H(s[a..b)) */
static uint64_t poly_sub(const struct poly *p, size_t a, size_t b)
{
	return p->pre[b] - p->pre[a] * p->pow[b - a];
}

/* Spread the bits: the directory uses the top ones. */
static uint32_t poly_final(uint64_t h, size_t len)
{
	h ^= len * 0xD6E8FEB86659FD93ULL;
	h ^= h >> 32;
	h *= 0xD6E8FEB86659FD93ULL;
	h ^= h >> 32;
	return (uint32_t)h;
}

static size_t deletions_count(size_t n, int depth)
{
	size_t c = 1;

	if (depth >= 1)
		c += n;
	if (depth >= 2)
		c += n * (n - 1) / 2;
	return c;
}

/* Call fn for the hash of cps with every choice of up to depth deletions. */
static void deletions_each(const uint32_t *cps, size_t n, int depth,
			   void (*fn)(uint32_t, void *), void *arg)
{
	struct poly p;

	poly_init(&p, cps, n);
	fn(poly_final(p.pre[n], n), arg);
	for (size_t i = 0; depth >= 1 && i < n; i++) {
		uint64_t head = p.pre[i];

		fn(poly_final(head * p.pow[n - 1 - i] + poly_sub(&p, i + 1, n),
			      n - 1),
		   arg);
		for (size_t j = i + 1; depth >= 2 && j < n; j++)
			fn(poly_final(head * p.pow[n - 2 - i] +
					  poly_sub(&p, i + 1, j) *
					      p.pow[n - 1 - j] +
					  poly_sub(&p, j + 1, n),
				      n - 2),
			   arg);
	}
}

/*
 * The index is filled in two walks over the same deletions: the first
 * counts how many fall under each directory entry, the second puts each in
 * its place (a counting sort on the top bits: no second array, and every
 * entry is written once).
 */
struct add_ctx {
	struct cat_index *ix;
	uint32_t word;
};

static void index_count_del(uint32_t h, void *arg)
{
	struct add_ctx *ctx = arg;

	ctx->ix->dir[(h >> ctx->ix->dir_shift) + 1]++;
}

static void index_place_del(uint32_t h, void *arg)
{
	struct add_ctx *ctx = arg;
	uint32_t *cursor = &ctx->ix->dir[h >> ctx->ix->dir_shift];

	ctx->ix->dels[(*cursor)++] = ((uint64_t)h << 32) | ctx->word;
}

static void index_add_word(struct cat_index *ix, const char *w,
			   enum cat_kind kind, size_t idx, size_t *n_dels)
{
	struct word_entry *e = &ix->words[ix->n_words];
	size_t words = 1;

	e->word = w;
	e->kind = kind;
	e->idx = (uint32_t)idx;
	e->ncp = (uint32_t)text_codepoints(w);
	for (const char *p = w; *p != '\0'; p++)
		words += *p == ' ';
	if (words > ix->max_phrase_words)
		ix->max_phrase_words = words;
	if (e->ncp <= FUZZY_MAX_CP)
		*n_dels += deletions_count(e->ncp, text_typo_budget(e->ncp));
	ix->n_words++;
}

void index_free(struct cat_index *ix)
{
	if (ix == NULL)
		return;
	free(ix->words);
	free(ix->exact.slots);
	free(ix->ids.slots);
	free(ix->dels);
	free(ix->dir);
	free(ix->phrase_pool);
	free(ix->phrase_words);
	free(ix->tok_word);
	free(ix->tok_owner);
	free(ix->tok_at.slots);
	for (int pos = 0; pos < 2; pos++) {
		free(ix->by[pos]);
		free(ix->phrase_at[pos].slots);
	}
	free(ix);
}

static void index_walk(struct cat_index *ix, void (*fn)(uint32_t, void *))
{
	for (size_t i = 0; i < ix->n_words; i++) {
		uint32_t cps[FUZZY_MAX_CP];
		struct add_ctx ctx = {ix, (uint32_t)i};
		size_t n = decode_cps(ix->words[i].word, cps, FUZZY_MAX_CP);

		if (n <= FUZZY_MAX_CP)
			deletions_each(cps, n, text_typo_budget(n), fn, &ctx);
	}
}

static int index_fill_fuzzy(struct cat_index *ix, size_t n_dels)
{
	unsigned bits = 8;
	size_t n_dir;

	while (bits < 24 && ((size_t)1 << (bits + 2)) < n_dels)
		bits++;
	n_dir = (size_t)1 << bits;
	ix->dir_shift = 32 - bits;
	ix->dir = calloc(n_dir + 1, sizeof(*ix->dir));
	ix->dels = malloc((n_dels ? n_dels : 1) * sizeof(*ix->dels));
	if (ix->dir == NULL || ix->dels == NULL || n_dels > UINT32_MAX)
		return -1;
	index_walk(ix, index_count_del);
	for (size_t b = 1; b <= n_dir; b++)
		ix->dir[b] += ix->dir[b - 1];
	/* dir[b] is now where run b starts; placing moves it to where run b
	 * ends, which is where run b + 1 starts: shift back by one after. */
	index_walk(ix, index_place_del);
	memmove(ix->dir + 1, ix->dir, n_dir * sizeof(*ix->dir));
	ix->dir[0] = 0;
	ix->n_dels = n_dels;
	return 0;
}

/* ---- phrases by word ---------------------------------------------------- */

/*
 * The typo reader asks "which phrases of N words share all but one word
 * with this run of the text?" on every unmatched run: walking every
 * service's words and splitting each phrase per call made it the costliest
 * part of an answer on a big catalog. A phrase with one word wrong keeps
 * its first word or (the typo in the first) its second, so two sorted
 * copies keyed by those words give the few candidates directly.
 */
static size_t split_words(char *s, const char **out)
{
	size_t n = 0;
	char *p = s;

	while (*p != '\0') {
		while (*p == ' ')
			*p++ = '\0';
		if (*p == '\0')
			break;
		out[n++] = p;
		while (*p != '\0' && *p != ' ')
			p++;
	}
	return n;
}

static size_t sort_pos;

static int phrase_order(const void *pa, const void *pb)
{
	const struct cat_phrase *a = pa, *b = pb;
	int c = strcmp(a->words[sort_pos], b->words[sort_pos]);

	if (c != 0)
		return c;
	if (a->kind != b->kind)
		return a->kind == CAT_SERVICE ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

/* Pool every multi-word phrase, split in place; count them and their
 * words. */
static int phrases_pool(struct cat_index *ix, size_t *n_words)
{
	size_t bytes = 0;

	ix->n_phrases = 0;
	*n_words = 0;
	for (size_t i = 0; i < ix->n_words; i++)
		if (strchr(ix->words[i].word, ' ') != NULL) {
			bytes += strlen(ix->words[i].word) + 1;
			ix->n_phrases++;
		}
	ix->phrase_pool = malloc(bytes ? bytes : 1);
	if (ix->phrase_pool == NULL)
		return -1;
	char *p = ix->phrase_pool;
	for (size_t i = 0; i < ix->n_words; i++) {
		const char *w = ix->words[i].word;
		if (strchr(w, ' ') == NULL)
			continue;
		size_t len = strlen(w);
		memcpy(p, w, len + 1);
		p += len + 1;
		for (const char *c = w; *c != '\0'; c++)
			*n_words += *c != ' ' && (c == w || c[-1] == ' ');
	}
	return 0;
}

static int index_fill_phrases(struct cat_index *ix)
{
	size_t n_words, k = 0, np = 0;
	int oom = 0;

	if (phrases_pool(ix, &n_words) != 0)
		return -1;
	ix->phrase_words = malloc((n_words ? n_words : 1) * sizeof(char *));
	for (int pos = 0; pos < 2; pos++)
		ix->by[pos] = malloc((ix->n_phrases ? ix->n_phrases : 1) *
				     sizeof(struct cat_phrase));
	if (ix->phrase_words == NULL || ix->by[0] == NULL || ix->by[1] == NULL)
		return -1;
	char *p = ix->phrase_pool;
	for (size_t i = 0; i < ix->n_words; i++) {
		const struct word_entry *e = &ix->words[i];
		if (strchr(e->word, ' ') == NULL)
			continue;
		size_t len = strlen(p);
		size_t nw = split_words(p, ix->phrase_words + k);
		p += len + 1;
		if (nw < 2) {
			k += nw;
			continue;
		}
		ix->by[0][np] = (struct cat_phrase){e->kind, e->idx, nw,
						    ix->phrase_words + k};
		np++;
		k += nw;
	}
	ix->n_phrases = np;
	for (int pos = 0; pos < 2; pos++) {
		if (pos == 1)
			memcpy(ix->by[1], ix->by[0], np * sizeof(*ix->by[0]));
		sort_pos = (size_t)pos;
		qsort(ix->by[pos], np, sizeof(*ix->by[pos]), phrase_order);
		for (size_t i = 0; i < np; i++) /* the first of a run stays */
			strmap_add(&ix->phrase_at[pos],
				   ix->by[pos][i].words[pos], (uint32_t)i, 0,
				   &oom);
	}
	return oom ? -1 : 0;
}

/* ---- owners by word ------------------------------------------------------ */

struct tok_pair {
	const char *word;
	struct cat_match owner;
};

static int tok_order(const void *pa, const void *pb)
{
	const struct tok_pair *a = pa, *b = pb;
	int c = strcmp(a->word, b->word);

	if (c != 0)
		return c;
	if (a->owner.kind != b->owner.kind)
		return a->owner.kind == CAT_SERVICE ? -1 : 1;
	return a->owner.idx < b->owner.idx ? -1 : a->owner.idx > b->owner.idx;
}

/* One pair per word of each entry: single words as they are, phrases'
 * words from the split pool. */
static size_t tok_collect(const struct cat_index *ix, struct tok_pair *out)
{
	size_t n = 0;
	for (size_t i = 0; i < ix->n_words; i++) {
		const struct word_entry *e = &ix->words[i];
		if (strchr(e->word, ' ') == NULL && out != NULL)
			out[n] =
			    (struct tok_pair){e->word, {e->kind, e->idx, 0}};
		n += strchr(e->word, ' ') == NULL;
	}
	for (size_t p = 0; p < ix->n_phrases; p++) {
		const struct cat_phrase *ph = &ix->by[0][p];
		for (size_t k = 0; k < ph->n_words; k++, n++)
			if (out != NULL)
				out[n] = (struct tok_pair){
				    ph->words[k], {ph->kind, ph->idx, 0}};
	}
	return n;
}

static int index_fill_tokens(struct cat_index *ix)
{
	size_t n = tok_collect(ix, NULL), m = 0;
	struct tok_pair *v = malloc((n ? n : 1) * sizeof(*v));
	int oom = 0;

	ix->tok_word = malloc((n ? n : 1) * sizeof(*ix->tok_word));
	ix->tok_owner = malloc((n ? n : 1) * sizeof(*ix->tok_owner));
	if (v == NULL || ix->tok_word == NULL || ix->tok_owner == NULL) {
		free(v);
		return -1;
	}
	tok_collect(ix, v);
	qsort(v, n, sizeof(*v), tok_order);
	for (size_t i = 0; i < n; i++) {
		if (m > 0 && tok_order(&v[i], &v[i - 1]) == 0)
			continue; /* "beard" and "beard trim" both say beard */
		ix->tok_word[m] = v[i].word;
		ix->tok_owner[m] = v[i].owner;
		strmap_add(&ix->tok_at, v[i].word, (uint32_t)m, 0, &oom);
		m++;
	}
	ix->n_tok = m;
	free(v);
	return oom ? -1 : 0;
}

struct cat_index *index_build(const struct catalog *cat)
{
	struct cat_index *ix = calloc(1, sizeof(*ix));
	size_t total = 0, n_dels = 0;
	int oom = 0;

	if (ix == NULL)
		return NULL;
	for (size_t i = 0; i < cat->n_services; i++)
		total += cat->services[i].n_words;
	for (size_t i = 0; i < cat->n_topics; i++)
		total += cat->topics[i].n_words;
	ix->words = calloc(total ? total : 1, sizeof(*ix->words));
	if (ix->words == NULL)
		goto fail;
	for (size_t i = 0; i < cat->n_services; i++) {
		const struct cat_service *s = &cat->services[i];
		for (size_t w = 0; w < s->n_words; w++)
			index_add_word(ix, s->words[w], CAT_SERVICE, i,
				       &n_dels);
		strmap_add(&ix->ids, s->id, owner_val(CAT_SERVICE, i), s->line,
			   &oom);
	}
	for (size_t i = 0; i < cat->n_topics; i++) {
		const struct cat_topic *t = &cat->topics[i];
		for (size_t w = 0; w < t->n_words; w++)
			index_add_word(ix, t->words[w], CAT_TOPIC, i, &n_dels);
		strmap_add(&ix->ids, t->id, owner_val(CAT_TOPIC, i), t->line,
			   &oom);
	}
	for (size_t i = 0; i < ix->n_words; i++)
		strmap_add(&ix->exact, ix->words[i].word, (uint32_t)i, 0, &oom);
	if (oom || index_fill_fuzzy(ix, n_dels) != 0 ||
	    index_fill_phrases(ix) != 0 || index_fill_tokens(ix) != 0)
		goto fail;
	return ix;
fail:
	index_free(ix);
	return NULL;
}

/* ---- lookups ----------------------------------------------------------- */

#define MAX_CANDIDATES 64

struct found {
	struct cat_match v[MAX_CANDIDATES];
	size_t n;
};

static void found_add(struct found *f, enum cat_kind kind, size_t idx, int d)
{
	for (size_t i = 0; i < f->n; i++) {
		if (f->v[i].kind == kind && f->v[i].idx == idx) {
			if (d < f->v[i].distance)
				f->v[i].distance = d;
			return;
		}
	}
	if (f->n < MAX_CANDIDATES) {
		f->v[f->n++] = (struct cat_match){kind, idx, d};
		return;
	}
	/* Full: a closer match pushes out the farthest one. */
	size_t worst = 0;
	for (size_t i = 1; i < f->n; i++)
		if (f->v[i].distance > f->v[worst].distance)
			worst = i;
	if (d < f->v[worst].distance)
		f->v[worst] = (struct cat_match){kind, idx, d};
}

#define SEEN_SLOTS 1024 /* power of two */

struct probe_ctx {
	const struct cat_index *ix;
	const char *query;
	size_t ncp;
	int budget;
	struct found *found;
	/* Words already measured (index + 1): one word shares many deletions
	 * with the query, and each measurement costs far more than a probe. */
	uint32_t seen[SEEN_SLOTS];
	size_t n_seen;
};

/* 1 when word was measured before; else remember it and return 0. */
static int probe_seen(struct probe_ctx *pc, uint32_t word)
{
	size_t i = (word * 2654435761u) & (SEEN_SLOTS - 1);

	if (pc->n_seen >= SEEN_SLOTS / 2)
		return 0; /* full: measuring twice is only slower */
	while (pc->seen[i] != 0) {
		if (pc->seen[i] == word + 1)
			return 1;
		i = (i + 1) & (SEEN_SLOTS - 1);
	}
	pc->seen[i] = word + 1;
	pc->n_seen++;
	return 0;
}

static void probe_hash(uint32_t h, void *arg)
{
	struct probe_ctx *pc = arg;
	const struct cat_index *ix = pc->ix;
	size_t top = h >> ix->dir_shift;

	for (size_t i = ix->dir[top]; i < ix->dir[top + 1]; i++) {
		const struct word_entry *e;
		int k, d;

		if ((uint32_t)(ix->dels[i] >> 32) != h)
			continue;
		e = &ix->words[(uint32_t)ix->dels[i]];
		k = text_typo_budget(e->ncp);
		if (k > pc->budget)
			k = pc->budget;
		if (k == 0 || e->ncp + (size_t)k < pc->ncp ||
		    pc->ncp + (size_t)k < e->ncp ||
		    probe_seen(pc, (uint32_t)ix->dels[i]))
			continue;
		d = text_distance(pc->query, e->word, k);
		if (d >= 1 && d <= k)
			found_add(pc->found, e->kind, e->idx, d);
	}
}

static int match_order(const void *pa, const void *pb)
{
	const struct cat_match *a = pa, *b = pb;

	if (a->distance != b->distance)
		return a->distance - b->distance;
	if (a->kind != b->kind)
		return a->kind == CAT_SERVICE ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

size_t catalog_lookup(const struct catalog *cat, const char *folded, int fuzzy,
		      struct cat_match *out, size_t cap)
{
	const struct cat_index *ix = cat->index;
	if (ix == NULL)
		return 0; /* a catalog built by hand, with no words indexed */
	const struct strslot *s = strmap_get(&ix->exact, folded);
	struct found found; /* only v[0..n) is read: no 1.5 kB clear */
	size_t n = 0;

	found.n = 0;

	if (s != NULL) {
		const struct word_entry *e = &ix->words[s->val];
		found_add(&found, e->kind, e->idx, 0);
	}
	if (fuzzy) {
		uint32_t cps[FUZZY_MAX_CP];
		size_t ncp = decode_cps(folded, cps, FUZZY_MAX_CP);
		struct probe_ctx pc;

		pc.ix = ix;
		pc.query = folded;
		pc.ncp = ncp;
		pc.budget = text_typo_budget(ncp);
		pc.found = &found;
		pc.n_seen = 0;
		memset(pc.seen, 0, sizeof(pc.seen));
		if (ncp <= FUZZY_MAX_CP && pc.budget > 0)
			deletions_each(cps, ncp, pc.budget, probe_hash, &pc);
	}
	if (found.n > 1)
		qsort(found.v, found.n, sizeof(found.v[0]), match_order);
	for (; n < found.n && n < cap; n++)
		out[n] = found.v[n];
	return n;
}

size_t catalog_max_phrase_words(const struct catalog *cat)
{
	return cat->index->max_phrase_words;
}

const struct cat_service *catalog_service(const struct catalog *cat,
					  const char *id)
{
	const struct strslot *s = strmap_get(&cat->index->ids, id);

	if (s == NULL || (s->val & KIND_BIT) != 0)
		return NULL;
	return &cat->services[s->val];
}

const struct cat_topic *catalog_topic(const struct catalog *cat, const char *id)
{
	const struct strslot *s = strmap_get(&cat->index->ids, id);

	if (s == NULL || (s->val & KIND_BIT) == 0)
		return NULL;
	return &cat->topics[s->val & ~KIND_BIT];
}

size_t catalog_referrals_for(const struct catalog *cat, const char *id,
			     size_t *out, size_t cap)
{
	size_t total = 0;

	for (size_t i = 0; i < cat->n_referrals; i++) {
		const struct cat_referral *r = &cat->referrals[i];
		for (size_t c = 0; c < r->n_covers; c++) {
			if (strcmp(r->covers[c], id) != 0)
				continue;
			if (total < cap)
				out[total] = i;
			total++;
			break;
		}
	}
	return total;
}

size_t catalog_phrases_at(const struct catalog *cat, size_t pos,
			  const char *word, const struct cat_phrase **out)
{
	const struct cat_index *ix = cat->index;
	const struct strslot *s;
	size_t n = 0;

	*out = NULL;
	if (pos > 1 || (s = strmap_get(&ix->phrase_at[pos], word)) == NULL)
		return 0;
	*out = &ix->by[pos][s->val];
	while (s->val + n < ix->n_phrases &&
	       strcmp(ix->by[pos][s->val + n].words[pos], word) == 0)
		n++;
	return n;
}

size_t catalog_word_owners(const struct catalog *cat, const char *word,
			   const struct cat_match **out)
{
	const struct cat_index *ix = cat->index;
	const struct strslot *s = strmap_get(&ix->tok_at, word);
	size_t n = 0;

	*out = NULL;
	if (s == NULL)
		return 0;
	*out = &ix->tok_owner[s->val];
	while (s->val + n < ix->n_tok &&
	       strcmp(ix->tok_word[s->val + n], word) == 0)
		n++;
	return n;
}
