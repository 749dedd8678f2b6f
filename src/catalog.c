/*
 * catalog: libconfig file → validated, immutable struct catalog (catalog.h).
 *
 * Loading walks the file once, checking every group against a table of the
 * keys it may hold, and keeps going after a problem so the staff see all of
 * them in one run. Only when nothing is wrong is the word index built and the
 * catalog handed out.
 */
#include "smsdesk/catalog.h"
#include "smsdesk/text.h"

#include <libconfig.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Defaults for keys a file may leave out (conf/smsdesk.cfg lists them). */
#define DEF_REFERRALS_PER_REPLY	 2
#define DEF_MAX_SEGMENTS	 2
#define DEF_BOOKING_HORIZON_DAYS 60
#define DEF_CONVERSATION_MINUTES 30
#define DEF_MAX_REPLIES_PER_HOUR 6
#define DEF_REMINDER_HOURS	 24
#define DEF_CAPACITY		 1
#define DEF_NOTICE_MINUTES	 0
#define DEF_BAUD		 115200

#define MAX_ID_LEN   40
#define MAX_WORD_LEN 63 /* bytes, folded */

/* ---- string map (open addressing, grows) ------------------------------ */

struct strslot {
	const char *key; /* borrowed; NULL = empty */
	uint32_t val;
	int line;
};

struct strmap {
	struct strslot *slots;
	size_t mask;
	size_t n;
};

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

static const struct strslot *strmap_get(const struct strmap *m, const char *key)
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

/*
 * Insert key unless present. Returns the existing slot when the key was
 * already there, NULL when inserted; *oom is set on allocation failure.
 */
static const struct strslot *strmap_add(struct strmap *m, const char *key,
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

#define KIND_BIT 0x80000000u

static uint32_t owner_val(enum cat_kind kind, size_t idx)
{
	return (kind == CAT_TOPIC ? KIND_BIT : 0) | (uint32_t)idx;
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

static void index_free(struct cat_index *ix)
{
	if (ix == NULL)
		return;
	free(ix->words);
	free(ix->exact.slots);
	free(ix->ids.slots);
	free(ix->dels);
	free(ix->dir);
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

static struct cat_index *index_build(const struct catalog *cat)
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
	if (oom || index_fill_fuzzy(ix, n_dels) != 0)
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
	const struct strslot *s = strmap_get(&ix->exact, folded);
	struct found found = {.n = 0};
	size_t n = 0;

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

/* ---- diagnostics ------------------------------------------------------- */

struct loader {
	const char *path;
	struct cat_diags *diags;
	struct catalog *cat;
	struct strmap ids;   /* id → owner_val, line of first use */
	struct strmap words; /* folded word → owner_val, line */
	int oom;
	int pin_line; /* first modem with a non-empty pin, 0 if none */
};

static void diag(struct loader *ld, int line, int warning, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void diag(struct loader *ld, int line, int warning, const char *fmt, ...)
{
	struct cat_diags *ds = ld->diags;
	struct cat_diag *v, *d;
	va_list ap;

	v = realloc(ds->v, (ds->n + 1) * sizeof(*ds->v));
	if (v == NULL) {
		ld->oom = 1;
		return;
	}
	ds->v = v;
	d = &ds->v[ds->n++];
	d->line = line;
	d->warning = warning;
	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof(d->msg), fmt, ap);
	va_end(ap);
	if (!warning)
		ds->n_errors++;
}

#define ERR(ld, line, ...)  diag((ld), (line), 0, __VA_ARGS__)
#define WARN(ld, line, ...) diag((ld), (line), 1, __VA_ARGS__)

void catalog_diags_free(struct cat_diags *diags)
{
	if (diags == NULL)
		return;
	free(diags->v);
	diags->v = NULL;
	diags->n = 0;
	diags->n_errors = 0;
}

void catalog_diag_format(const char *path, const struct cat_diag *d, char *out,
			 size_t cap)
{
	const char *w = d->warning ? "warning: " : "";

	if (d->line > 0)
		snprintf(out, cap, "%s:%d: %s%s", path, d->line, w, d->msg);
	else
		snprintf(out, cap, "%s: %s%s", path, w, d->msg);
}

/* Insertion sort: stable, and diagnostics are few and nearly in order. */
static void diags_sort(struct cat_diags *ds)
{
	for (size_t i = 1; i < ds->n; i++) {
		struct cat_diag t = ds->v[i];
		size_t j = i;

		while (j > 0 && ds->v[j - 1].line > t.line) {
			ds->v[j] = ds->v[j - 1];
			j--;
		}
		ds->v[j] = t;
	}
}

static char *dup_str(struct loader *ld, const char *s)
{
	char *d = strdup(s);

	if (d == NULL)
		ld->oom = 1;
	return d;
}

static void *alloc_array(struct loader *ld, size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);

	if (p == NULL)
		ld->oom = 1;
	return p;
}

/* ---- key tables -------------------------------------------------------- */

enum key_type { K_STR, K_INT, K_STRLIST, K_GROUPLIST, K_GROUP };

struct key_spec {
	const char *name;
	enum key_type type;
	int required;
	const char *example; /* the value, as it would be written */
};

struct group_spec {
	const char *noun; /* "this service": used in "... has no 'price'" */
	const struct key_spec *keys;
	size_t n_keys;
};

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static const struct key_spec top_keys[] = {
    {"database", K_STR, 1, "\"/var/lib/smsdesk/smsdesk.db\""},
    {"modems", K_GROUPLIST, 1, "( { device = \"/dev/ttyUSB2\"; } )"},
    {"business", K_GROUP, 1, "{ name = \"Harbour Street Barbers\"; ... }"},
    {"services", K_GROUPLIST, 1, "( { id = \"haircut\"; ... } )"},
    {"topics", K_GROUPLIST, 0, "( { id = \"nails\"; ... } )"},
    {"referrals", K_GROUPLIST, 0, "( { name = \"Quayside Cuts\"; ... } )"},
    {"policy", K_GROUP, 0, "{ max_segments = 2; }"},
};
enum {
	TOP_DATABASE,
	TOP_MODEMS,
	TOP_BUSINESS,
	TOP_SERVICES,
	TOP_TOPICS,
	TOP_REFERRALS,
	TOP_POLICY
};

static const struct key_spec modem_keys[] = {
    {"device", K_STR, 1, "\"/dev/ttyUSB2\""},
    {"baud", K_INT, 0, "115200"},
    {"pin", K_STR, 0, "\"1234\""},
};
enum { MODEM_DEVICE, MODEM_BAUD, MODEM_PIN };

static const struct key_spec business_keys[] = {
    {"name", K_STR, 1, "\"Harbour Street Barbers\""},
    {"timezone", K_STR, 1, "\"Europe/London\""},
    {"hours", K_GROUPLIST, 1,
     "( { days = \"mon-fri\"; open = \"09:00\"; close = \"18:00\"; } )"},
    {"closed", K_STRLIST, 0, "[ \"2026-12-25\" ]"},
};
enum { BUS_NAME, BUS_TIMEZONE, BUS_HOURS, BUS_CLOSED };

static const struct key_spec hours_keys[] = {
    {"days", K_STR, 1, "\"mon-fri\""},
    {"open", K_STR, 1, "\"09:00\""},
    {"close", K_STR, 1, "\"18:00\""},
};
enum { HOURS_DAYS, HOURS_OPEN, HOURS_CLOSE };

static const struct key_spec service_keys[] = {
    {"id", K_STR, 1, "\"haircut\""},
    {"name", K_STR, 1, "\"Haircut\""},
    {"words", K_STRLIST, 1, "[ \"haircut\", \"cut\" ]"},
    {"price", K_STR, 1, "\"GBP 18\""},
    {"minutes", K_INT, 1, "30"},
    {"capacity", K_INT, 0, "2"},
    {"notice_minutes", K_INT, 0, "60"},
};
enum {
	SVC_ID,
	SVC_NAME,
	SVC_WORDS,
	SVC_PRICE,
	SVC_MINUTES,
	SVC_CAPACITY,
	SVC_NOTICE
};

static const struct key_spec topic_keys[] = {
    {"id", K_STR, 1, "\"nails\""},
    {"name", K_STR, 1, "\"Nails\""},
    {"words", K_STRLIST, 1, "[ \"nails\", \"manicure\" ]"},
};
enum { TOPIC_ID, TOPIC_NAME, TOPIC_WORDS };

static const struct key_spec referral_keys[] = {
    {"name", K_STR, 1, "\"Quayside Cuts\""},
    {"phone", K_STR, 1, "\"+441632960123\""},
    {"covers", K_STRLIST, 1, "[ \"haircut\", \"nails\" ]"},
    {"note", K_STR, 0, "\"open Sundays\""},
};
enum { REF_NAME, REF_PHONE, REF_COVERS, REF_NOTE };

struct policy_key {
	struct key_spec spec;
	int min, max, def;
	size_t offset;
};

#define POLICY(name, min, max, def)                                            \
	{                                                                      \
		{#name, K_INT, 0, #def}, min, max, def,                        \
		    offsetof(struct cat_policy, name)                          \
	}

static const struct policy_key policy_keys[] = {
    POLICY(referrals_per_reply, 1, 5, DEF_REFERRALS_PER_REPLY),
    POLICY(max_segments, 1, 10, DEF_MAX_SEGMENTS),
    POLICY(booking_horizon_days, 1, 365, DEF_BOOKING_HORIZON_DAYS),
    POLICY(conversation_minutes, 1, 1440, DEF_CONVERSATION_MINUTES),
    POLICY(max_replies_per_hour, 1, 60, DEF_MAX_REPLIES_PER_HOUR),
    POLICY(reminder_hours, 0, 168, DEF_REMINDER_HOURS),
};

static int line_of(const config_setting_t *s)
{
	return (int)config_setting_source_line(s);
}

static int is_string_list(const config_setting_t *s)
{
	int t = config_setting_type(s);

	if (t != CONFIG_TYPE_ARRAY && t != CONFIG_TYPE_LIST)
		return 0;
	for (int i = 0; i < config_setting_length(s); i++)
		if (config_setting_type(config_setting_get_elem(s, i)) !=
		    CONFIG_TYPE_STRING)
			return 0;
	return 1;
}

static int type_ok(const config_setting_t *s, enum key_type type)
{
	int t = config_setting_type(s);

	switch (type) {
	case K_STR:
		return t == CONFIG_TYPE_STRING;
	case K_INT:
		if (t == CONFIG_TYPE_INT64) {
			long long v = config_setting_get_int64(s);
			return v >= INT_MIN && v <= INT_MAX;
		}
		return t == CONFIG_TYPE_INT;
	case K_STRLIST:
		return is_string_list(s);
	case K_GROUPLIST:
		if (t != CONFIG_TYPE_LIST)
			return 0;
		for (int i = 0; i < config_setting_length(s); i++)
			if (config_setting_type(config_setting_get_elem(
				s, i)) != CONFIG_TYPE_GROUP)
				return 0;
		return 1;
	case K_GROUP:
		return t == CONFIG_TYPE_GROUP;
	}
	return 0;
}

static void type_error(struct loader *ld, const config_setting_t *s,
		       const struct key_spec *k)
{
	const char *what = "";

	switch (k->type) {
	case K_STR:
		what = "text in quotes";
		break;
	case K_INT:
		what = "a whole number";
		break;
	case K_STRLIST:
		what = "a list of texts in square brackets";
		break;
	case K_GROUPLIST:
		what = "a list of { ... } groups in round brackets";
		break;
	case K_GROUP:
		what = "a group in curly brackets";
		break;
	}
	ERR(ld, line_of(s), "%s must be %s, like %s", k->name, what,
	    k->example);
}

/* The closest name within a typo's reach, or NULL. */
static const char *nearest(const char *word, const char *const *names, size_t n)
{
	const char *best = NULL;
	int best_d = 3;
	char fw[128], fn[128];
	int budget;

	text_fold(word, fw, sizeof(fw));
	budget = text_typo_budget(text_codepoints(fw));
	if (budget < 1)
		budget = 1;
	for (size_t i = 0; i < n; i++) {
		int d;

		text_fold(names[i], fn, sizeof(fn));
		d = text_distance(fw, fn, budget);
		if (d <= budget && d < best_d) {
			best = names[i];
			best_d = d;
		}
	}
	return best;
}

struct key_home {
	const struct key_spec *keys;
	size_t n_keys;
	const char *where;
};

static const struct key_home key_homes[] = {
    {top_keys, N_OF(top_keys), "at the top level of the file"},
    {modem_keys, N_OF(modem_keys), "inside a modem in modems = ( ... )"},
    {business_keys, N_OF(business_keys), "inside business = { ... }"},
    {hours_keys, N_OF(hours_keys), "inside an entry of hours = ( ... )"},
    {service_keys, N_OF(service_keys),
     "inside a service in services = ( ... )"},
    {topic_keys, N_OF(topic_keys), "inside a topic in topics = ( ... )"},
    {referral_keys, N_OF(referral_keys),
     "inside a referral in referrals = ( ... )"},
};

/*
 * Where a key that is unknown here belongs, when exactly one other kind of
 * group has it ("timezone" written at the top level); NULL otherwise.
 */
static const char *key_home_of(const char *name, const struct key_spec *here)
{
	const char *home = NULL;
	int homes = 0;

	for (size_t h = 0; h < N_OF(key_homes); h++) {
		if (key_homes[h].keys == here)
			continue;
		for (size_t k = 0; k < key_homes[h].n_keys; k++)
			if (strcmp(key_homes[h].keys[k].name, name) == 0) {
				home = key_homes[h].where;
				homes++;
			}
	}
	for (size_t k = 0; k < N_OF(policy_keys); k++)
		if (strcmp(policy_keys[k].spec.name, name) == 0) {
			home = "inside policy = { ... }";
			homes++;
		}
	return homes == 1 ? home : NULL;
}

/*
 * Check the keys of group s against keys[]: unknown, missing and mistyped
 * keys are reported; found[i] gets each key that is present with the right
 * type (else NULL).
 */
static void check_group(struct loader *ld, const config_setting_t *s,
			const struct key_spec *keys, size_t n_keys,
			const char *noun, const config_setting_t **found)
{
	const char *names[16];
	int guessed[16] = {0}; /* "did you mean" already named it */

	for (size_t k = 0; k < n_keys; k++) {
		found[k] = NULL;
		names[k] = keys[k].name;
	}
	for (int i = 0; i < config_setting_length(s); i++) {
		const config_setting_t *e = config_setting_get_elem(s, i);
		const char *name = config_setting_name(e);
		size_t k = 0;

		while (k < n_keys && strcmp(keys[k].name, name) != 0)
			k++;
		if (k == n_keys) {
			const char *home = key_home_of(name, keys);
			const char *near = nearest(name, names, n_keys);
			char list[200] = "";

			if (home != NULL) {
				ERR(ld, line_of(e),
				    "key '%s' does not belong here; it goes %s",
				    name, home);
				continue;
			}
			if (near != NULL) {
				for (size_t j = 0; j < n_keys; j++)
					guessed[j] |= names[j] == near;
				ERR(ld, line_of(e),
				    "unknown key '%s' (did you mean '%s'?)",
				    name, near);
				continue;
			}
			for (size_t j = 0; j < n_keys; j++) {
				size_t len = strlen(list);
				snprintf(list + len, sizeof(list) - len, "%s%s",
					 j ? ", " : "", names[j]);
			}
			ERR(ld, line_of(e), "unknown key '%s'; %s may have %s",
			    name, noun, list);
		} else if (!type_ok(e, keys[k].type)) {
			type_error(ld, e, &keys[k]);
			found[k] = NULL;
		} else {
			found[k] = e;
		}
	}
	for (size_t k = 0; k < n_keys; k++) {
		if (!keys[k].required || guessed[k] ||
		    config_setting_get_member(s, keys[k].name) != NULL)
			continue;
		ERR(ld, line_of(s), "%s has no '%s'; add one, like %s = %s;",
		    noun, keys[k].name, keys[k].name, keys[k].example);
	}
}

static const char *str_of(const config_setting_t *s)
{
	return config_setting_get_string(s);
}

static int int_of(const config_setting_t *s)
{
	return (int)config_setting_get_int64(s);
}

/* A required text that must not be empty; NULL when missing or empty. */
static const char *nonempty(struct loader *ld, const config_setting_t *s,
			    const char *key)
{
	const char *v;

	if (s == NULL)
		return NULL;
	v = str_of(s);
	if (v[0] == '\0') {
		ERR(ld, line_of(s), "%s must not be empty", key);
		return NULL;
	}
	return v;
}

/* ---- value checks ------------------------------------------------------ */

static int parse_2digits(const char *s)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return -1;
	return (s[0] - '0') * 10 + (s[1] - '0');
}

/* "HH:MM" → minutes after midnight; "24:00" only when allow_24. -1 if bad. */
static int parse_time(const char *s, int allow_24)
{
	int h, m;

	if (strlen(s) != 5 || s[2] != ':')
		return -1;
	h = parse_2digits(s);
	m = parse_2digits(s + 3);
	if (h < 0 || m < 0 || m > 59)
		return -1;
	if (h == 24 && m == 0 && allow_24)
		return 24 * 60;
	if (h > 23)
		return -1;
	return h * 60 + m;
}

static const char *const day_names[7] = {"mon", "tue", "wed", "thu",
					 "fri", "sat", "sun"};
static const char *const day_long[7] = {"monday",   "tuesday", "wednesday",
					"thursday", "friday",  "saturday",
					"sunday"};

static int day_index(const char *s, size_t len)
{
	for (int d = 0; d < 7; d++) {
		if ((len == 3 && strncmp(s, day_names[d], 3) == 0) ||
		    (len == strlen(day_long[d]) &&
		     strncmp(s, day_long[d], len) == 0))
			return d;
	}
	return -1;
}

/* One token: "daily", "weekdays", "weekend", "mon" or "mon-fri" (may wrap). */
static unsigned parse_day_token(const char *s, size_t len)
{
	const char *dash = memchr(s, '-', len);
	int a, b;
	unsigned bits = 0;

	if (len == 5 && strncmp(s, "daily", 5) == 0)
		return 0x7F;
	if (len == 8 && strncmp(s, "weekdays", 8) == 0)
		return 0x1F;
	if (len == 7 && strncmp(s, "weekend", 7) == 0)
		return 0x60;
	if (dash == NULL) {
		a = day_index(s, len);
		return a < 0 ? 0 : 1u << a;
	}
	a = day_index(s, (size_t)(dash - s));
	b = day_index(dash + 1, len - (size_t)(dash - s) - 1);
	if (a < 0 || b < 0 || a == b)
		return 0;
	for (int d = a;; d = (d + 1) % 7) {
		bits |= 1u << d;
		if (d == b)
			break;
	}
	return bits;
}

/* "mon-fri", "sat", "mon,wed,fri", "daily"; 0 when not understood. */
static unsigned parse_days(const char *s)
{
	char buf[64];
	size_t n = 0;
	unsigned bits = 0;
	const char *p;

	for (p = s; *p != '\0' && n < sizeof(buf) - 1; p++) {
		char c = *p;
		if (c == ' ')
			continue;
		buf[n++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
	}
	if (*p != '\0' || n == 0)
		return 0;
	buf[n] = '\0';
	for (char *tok = buf;;) {
		char *comma = strchr(tok, ',');
		size_t len = comma ? (size_t)(comma - tok) : strlen(tok);
		unsigned b = len ? parse_day_token(tok, len) : 0;

		if (b == 0)
			return 0;
		bits |= b;
		if (comma == NULL)
			break;
		tok = comma + 1;
	}
	return bits;
}

static int days_in_month(int y, int m)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30,
				      31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : mdays[m - 1];
}

/* 0 ok, -1 not in YYYY-MM-DD form, -2 no such day. */
static int check_date(const char *s)
{
	int y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	y = atoi(s);
	m = parse_2digits(s + 5);
	d = parse_2digits(s + 8);
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return -2;
	return 0;
}

static int is_e164(const char *s)
{
	size_t n = 0;

	if (s[0] != '+' || s[1] == '0')
		return 0;
	for (const char *p = s + 1; *p != '\0'; p++, n++)
		if (*p < '0' || *p > '9')
			return 0;
	return n >= 8 && n <= 15;
}

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

/* ---- time zones -------------------------------------------------------- */

static const char *zoneinfo_dir(void)
{
	const char *d = getenv("TZDIR");

	return d != NULL && d[0] == '/' ? d : "/usr/share/zoneinfo";
}

/* Only plain IANA names: no "..", no absolute paths, no odd characters. */
static int tz_name_safe(const char *name)
{
	size_t n = strlen(name);

	if (n == 0 || n > 64 || name[0] == '/' || name[n - 1] == '/')
		return 0;
	for (const char *p = name; *p != '\0'; p++) {
		char c = *p;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '/' || c == '_' ||
		      c == '-' || c == '+'))
			return 0;
		if (c == '/' && p[1] == '/')
			return 0;
	}
	return 1;
}

static int tz_file_ok(const char *name)
{
	char path[PATH_MAX], magic[4];
	struct stat st;
	int fd, ok;

	if (!tz_name_safe(name))
		return 0;
	snprintf(path, sizeof(path), "%s/%s", zoneinfo_dir(), name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	     read(fd, magic, 4) == 4 && memcmp(magic, "TZif", 4) == 0;
	close(fd);
	return ok;
}

/* Nearest entry of directory dir (relative to zoneinfo) to name, or "". */
static void tz_nearest_in(const char *dir, const char *name, char *out,
			  size_t cap)
{
	char path[PATH_MAX], fname[128], fent[128];
	int best_d = 3;
	DIR *d;
	struct dirent *e;

	out[0] = '\0';
	snprintf(path, sizeof(path), "%s/%s", zoneinfo_dir(), dir);
	d = opendir(path);
	if (d == NULL)
		return;
	text_fold(name, fname, sizeof(fname));
	while ((e = readdir(d)) != NULL) {
		int budget = text_typo_budget(text_codepoints(fname)), dist;

		size_t len = strlen(e->d_name);

		if (e->d_name[0] == '.' || len >= cap)
			continue;
		if (budget < 1)
			budget = 1;
		text_fold(e->d_name, fent, sizeof(fent));
		dist = text_distance(fname, fent, budget);
		if (dist <= budget && dist < best_d) {
			best_d = dist;
			memcpy(out, e->d_name, len + 1);
		}
	}
	closedir(d);
}

/* "Europe/Londn" → "Europe/London"; "" when nothing is close. */
static void tz_suggest(const char *name, char *out, size_t cap)
{
	char region[64], fixed_region[64], city[64];
	const char *slash = strchr(name, '/');

	out[0] = '\0';
	if (!tz_name_safe(name))
		return;
	if (slash == NULL) {
		tz_nearest_in("", name, city, sizeof(city));
		if (city[0] != '\0' && tz_file_ok(city))
			snprintf(out, cap, "%s", city);
		return;
	}
	snprintf(region, sizeof(region), "%.*s", (int)(slash - name), name);
	tz_nearest_in("", region, fixed_region, sizeof(fixed_region));
	if (fixed_region[0] == '\0')
		return;
	tz_nearest_in(fixed_region, slash + 1, city, sizeof(city));
	if (city[0] == '\0')
		return;
	snprintf(out, cap, "%s/%s", fixed_region, city);
	if (!tz_file_ok(out))
		out[0] = '\0';
}

/* ---- sections ---------------------------------------------------------- */

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
			  size_t *n_out)
{
	int n = config_setting_length(s);
	char **words = alloc_array(ld, (size_t)n, sizeof(char *));
	uint32_t me = owner_val(kind, idx);

	*n_out = 0;
	if (words == NULL)
		return NULL;
	for (int i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(s, i);
		const char *raw = str_of(e);
		char folded[256];
		const struct strslot *prev;
		size_t len = text_fold(raw, folded, sizeof(folded));

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

static void parse_service(struct loader *ld, const config_setting_t *g,
			  size_t idx)
{
	struct cat_service *sv = &ld->cat->services[idx];
	const config_setting_t *f[N_OF(service_keys)];
	const char *v;

	check_group(ld, g, service_keys, N_OF(service_keys), "this service", f);
	sv->line = line_of(g);
	parse_id(ld, f[SVC_ID], CAT_SERVICE, idx, &sv->id);
	if ((v = nonempty(ld, f[SVC_NAME], "name")) != NULL)
		sv->name = dup_str(ld, v);
	if (f[SVC_WORDS] != NULL)
		sv->words = parse_words(ld, f[SVC_WORDS], CAT_SERVICE, idx,
					"this service", &sv->n_words);
	if ((v = nonempty(ld, f[SVC_PRICE], "price")) != NULL)
		sv->price = dup_str(ld, v);
	sv->minutes = int_at_least(ld, f[SVC_MINUTES], "minutes", 1, 0);
	warn_never_fits(ld, f[SVC_MINUTES], sv->minutes);
	sv->capacity =
	    int_at_least(ld, f[SVC_CAPACITY], "capacity", 1, DEF_CAPACITY);
	sv->notice_minutes = int_at_least(ld, f[SVC_NOTICE], "notice_minutes",
					  0, DEF_NOTICE_MINUTES);
}

static void parse_topic(struct loader *ld, const config_setting_t *g,
			size_t idx)
{
	struct cat_topic *tp = &ld->cat->topics[idx];
	const config_setting_t *f[N_OF(topic_keys)];
	const char *v;

	check_group(ld, g, topic_keys, N_OF(topic_keys), "this topic", f);
	tp->line = line_of(g);
	parse_id(ld, f[TOPIC_ID], CAT_TOPIC, idx, &tp->id);
	if ((v = nonempty(ld, f[TOPIC_NAME], "name")) != NULL)
		tp->name = dup_str(ld, v);
	if (f[TOPIC_WORDS] != NULL)
		tp->words = parse_words(ld, f[TOPIC_WORDS], CAT_TOPIC, idx,
					"this topic", &tp->n_words);
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
		const char *id = str_of(e);

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

static void parse_referral(struct loader *ld, const config_setting_t *g,
			   size_t idx)
{
	struct cat_referral *rf = &ld->cat->referrals[idx];
	const config_setting_t *f[N_OF(referral_keys)];
	const char *v;

	check_group(ld, g, referral_keys, N_OF(referral_keys), "this referral",
		    f);
	rf->line = line_of(g);
	if ((v = nonempty(ld, f[REF_NAME], "name")) != NULL)
		rf->name = dup_str(ld, v);
	if ((v = nonempty(ld, f[REF_PHONE], "phone")) != NULL) {
		if (is_e164(v))
			rf->phone = dup_str(ld, v);
		else
			ERR(ld, line_of(f[REF_PHONE]),
			    "phone '%s' is not in international E.164 form; "
			    "write + and 8 to 15 digits, no spaces, like "
			    "\"+441632960123\"",
			    v);
	}
	if (f[REF_COVERS] != NULL)
		parse_covers(ld, f[REF_COVERS], rf);
	rf->note = dup_str(ld, f[REF_NOTE] != NULL ? str_of(f[REF_NOTE]) : "");
}

static int baud_ok(int b)
{
	static const int rates[] = {9600,   19200,  38400,  57600,
				    115200, 230400, 460800, 921600};

	for (size_t i = 0; i < N_OF(rates); i++)
		if (rates[i] == b)
			return 1;
	return 0;
}

static void parse_modem(struct loader *ld, const config_setting_t *g,
			size_t idx)
{
	struct cat_modem *md = &ld->cat->modems[idx];
	const config_setting_t *f[N_OF(modem_keys)];
	const char *v;

	check_group(ld, g, modem_keys, N_OF(modem_keys), "this modem", f);
	md->line = line_of(g);
	if ((v = nonempty(ld, f[MODEM_DEVICE], "device")) != NULL) {
		for (size_t i = 0; i < idx; i++) {
			const struct cat_modem *other = &ld->cat->modems[i];
			if (other->device != NULL &&
			    strcmp(other->device, v) == 0)
				ERR(ld, line_of(f[MODEM_DEVICE]),
				    "device '%s' is already used by the modem "
				    "on line %d",
				    v, other->line);
		}
		md->device = dup_str(ld, v);
	}
	md->baud = DEF_BAUD;
	if (f[MODEM_BAUD] != NULL) {
		md->baud = int_of(f[MODEM_BAUD]);
		if (!baud_ok(md->baud))
			ERR(ld, line_of(f[MODEM_BAUD]),
			    "baud %d is not a serial speed; use one of 9600, "
			    "19200, 38400, 57600, 115200, 230400, 460800, "
			    "921600",
			    md->baud);
	}
	v = f[MODEM_PIN] != NULL ? str_of(f[MODEM_PIN]) : "";
	if (v[0] != '\0') {
		size_t n = strspn(v, "0123456789");
		if (n != strlen(v) || n < 4 || n > 8)
			ERR(ld, line_of(f[MODEM_PIN]),
			    "pin must be 4 to 8 digits, or \"\" for none");
		else if (ld->pin_line == 0)
			ld->pin_line = line_of(f[MODEM_PIN]);
	}
	md->pin = dup_str(ld, v);
}

static void parse_hours_entry(struct loader *ld, const config_setting_t *g,
			      struct cat_hours *h)
{
	const config_setting_t *f[N_OF(hours_keys)];
	const char *v;

	check_group(ld, g, hours_keys, N_OF(hours_keys), "this hours entry", f);
	h->line = line_of(g);
	h->open_min = h->close_min = -1;
	if (f[HOURS_DAYS] != NULL) {
		v = str_of(f[HOURS_DAYS]);
		h->days = parse_days(v);
		if (h->days == 0)
			ERR(ld, line_of(f[HOURS_DAYS]),
			    "days '%s' is not understood; write days like "
			    "\"mon-fri\", \"sat\", \"mon,wed,fri\" or "
			    "\"daily\"",
			    v);
	}
	if (f[HOURS_OPEN] != NULL) {
		v = str_of(f[HOURS_OPEN]);
		h->open_min = parse_time(v, 0);
		if (h->open_min < 0)
			ERR(ld, line_of(f[HOURS_OPEN]),
			    "open time '%s' is not a time of day; write it as "
			    "HH:MM, like \"09:00\"",
			    v);
	}
	if (f[HOURS_CLOSE] != NULL) {
		v = str_of(f[HOURS_CLOSE]);
		h->close_min = parse_time(v, 1);
		if (h->close_min < 0)
			ERR(ld, line_of(f[HOURS_CLOSE]),
			    "close time '%s' is not a time of day; write it as "
			    "HH:MM, like \"18:00\"",
			    v);
	}
	if (h->open_min >= 0 && h->close_min >= 0 &&
	    h->close_min <= h->open_min)
		ERR(ld, line_of(f[HOURS_CLOSE]),
		    "close time '%s' is not after open time '%s'",
		    str_of(f[HOURS_CLOSE]), str_of(f[HOURS_OPEN]));
}

static void check_overlaps(struct loader *ld)
{
	const struct catalog *cat = ld->cat;

	for (size_t j = 1; j < cat->n_hours; j++) {
		const struct cat_hours *b = &cat->hours[j];
		if (b->open_min < 0 || b->close_min <= b->open_min)
			continue;
		for (size_t i = 0; i < j; i++) {
			const struct cat_hours *a = &cat->hours[i];
			unsigned both = a->days & b->days;
			int day = 0;

			if (both == 0 || a->open_min < 0 ||
			    a->close_min <= a->open_min ||
			    a->open_min >= b->close_min ||
			    b->open_min >= a->close_min)
				continue;
			while (!(both & (1u << day)))
				day++;
			ERR(ld, b->line,
			    "these hours overlap the hours on line %d (both "
			    "include %s)",
			    a->line, day_names[day]);
			break;
		}
	}
}

struct dated {
	char d[11];
	int line;
};

static int dated_order(const void *pa, const void *pb)
{
	const struct dated *a = pa, *b = pb;
	int c = strcmp(a->d, b->d);

	return c != 0 ? c : a->line - b->line;
}

static void parse_closed(struct loader *ld, const config_setting_t *s)
{
	struct catalog *cat = ld->cat;
	int n = config_setting_length(s);
	struct dated *v = alloc_array(ld, (size_t)n, sizeof(*v));
	size_t k = 0;

	if (v == NULL)
		return;
	for (int i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(s, i);
		const char *d = str_of(e);

		switch (check_date(d)) {
		case -1:
			ERR(ld, line_of(e),
			    "closed date '%s' is not a date; write it as "
			    "YYYY-MM-DD, like \"2026-12-25\"",
			    d);
			continue;
		case -2:
			ERR(ld, line_of(e), "closed date '%s' does not exist",
			    d);
			continue;
		}
		memcpy(v[k].d, d, 11);
		v[k++].line = line_of(e);
	}
	qsort(v, k, sizeof(*v), dated_order);
	cat->closed = alloc_array(ld, k, sizeof(*cat->closed));
	for (size_t i = 0; cat->closed != NULL && i < k; i++) {
		if (i > 0 && strcmp(v[i].d, v[i - 1].d) == 0) {
			WARN(ld, v[i].line, "closed date '%s' is listed twice",
			     v[i].d);
			continue;
		}
		memcpy(cat->closed[cat->n_closed++], v[i].d, 11);
	}
	free(v);
}

static void parse_timezone(struct loader *ld, const config_setting_t *s)
{
	const char *v = nonempty(ld, s, "timezone");
	char near[128];

	if (v == NULL)
		return;
	if (tz_file_ok(v)) {
		ld->cat->timezone = dup_str(ld, v);
		return;
	}
	tz_suggest(v, near, sizeof(near));
	if (near[0] != '\0')
		ERR(ld, line_of(s),
		    "unknown time zone '%s' (did you mean '%s'?)", v, near);
	else
		ERR(ld, line_of(s),
		    "unknown time zone '%s'; use an IANA name like "
		    "\"Europe/London\"",
		    v);
}

static void parse_business(struct loader *ld, const config_setting_t *g)
{
	struct catalog *cat = ld->cat;
	const config_setting_t *f[N_OF(business_keys)];
	const char *v;

	check_group(ld, g, business_keys, N_OF(business_keys), "business", f);
	if ((v = nonempty(ld, f[BUS_NAME], "name")) != NULL)
		cat->business_name = dup_str(ld, v);
	if (f[BUS_TIMEZONE] != NULL)
		parse_timezone(ld, f[BUS_TIMEZONE]);
	if (f[BUS_HOURS] != NULL) {
		size_t n = (size_t)config_setting_length(f[BUS_HOURS]);

		if (n == 0)
			ERR(ld, line_of(f[BUS_HOURS]),
			    "hours is empty; list when you are open, like "
			    "hours = %s;",
			    business_keys[BUS_HOURS].example);
		cat->hours = alloc_array(ld, n, sizeof(*cat->hours));
		for (size_t i = 0; cat->hours != NULL && i < n; i++)
			parse_hours_entry(
			    ld, config_setting_get_elem(f[BUS_HOURS], (int)i),
			    &cat->hours[cat->n_hours++]);
		check_overlaps(ld);
	}
	if (f[BUS_CLOSED] != NULL)
		parse_closed(ld, f[BUS_CLOSED]);
}

static void parse_policy(struct loader *ld, const config_setting_t *g)
{
	struct key_spec keys[N_OF(policy_keys)];
	const config_setting_t *f[N_OF(policy_keys)];

	for (size_t i = 0; i < N_OF(policy_keys); i++) {
		const struct policy_key *pk = &policy_keys[i];
		*(int *)((char *)&ld->cat->policy + pk->offset) = pk->def;
		keys[i] = pk->spec;
	}
	if (g == NULL)
		return;
	check_group(ld, g, keys, N_OF(keys), "policy", f);
	for (size_t i = 0; i < N_OF(policy_keys); i++) {
		const struct policy_key *pk = &policy_keys[i];
		int v;

		if (f[i] == NULL)
			continue;
		v = int_of(f[i]);
		if (v < pk->min || v > pk->max) {
			ERR(ld, line_of(f[i]),
			    "%s must be between %d and %d, not %d",
			    pk->spec.name, pk->min, pk->max, v);
			continue;
		}
		*(int *)((char *)&ld->cat->policy + pk->offset) = v;
	}
}

/*
 * Allocate the array for list s (zeroed, one element per entry); an empty
 * list that must not be empty is reported with the key's example.
 */
static void *parse_list(struct loader *ld, const config_setting_t *s,
			const struct key_spec *k, int need_one, size_t size,
			size_t *n_out)
{
	size_t n = s != NULL ? (size_t)config_setting_length(s) : 0;
	void *arr = alloc_array(ld, n, size);

	*n_out = 0;
	if (arr == NULL)
		return NULL;
	if (s != NULL && n == 0 && need_one)
		ERR(ld, line_of(s),
		    "%s is empty; list at least one, like %s = %s;", k->name,
		    k->name, k->example);
	*n_out = n;
	return arr;
}

static void parse_sections(struct loader *ld, const config_setting_t *root)
{
	struct catalog *cat = ld->cat;
	const config_setting_t *f[N_OF(top_keys)];
	const char *v;

	check_group(ld, root, top_keys, N_OF(top_keys), "the file", f);
	if ((v = nonempty(ld, f[TOP_DATABASE], "database")) != NULL)
		cat->database = dup_str(ld, v);
	cat->modems = parse_list(ld, f[TOP_MODEMS], &top_keys[TOP_MODEMS], 1,
				 sizeof(*cat->modems), &cat->n_modems);
	for (size_t i = 0; cat->modems != NULL && i < cat->n_modems; i++)
		parse_modem(ld, config_setting_get_elem(f[TOP_MODEMS], (int)i),
			    i);
	if (f[TOP_BUSINESS] != NULL)
		parse_business(ld, f[TOP_BUSINESS]);
	cat->services = parse_list(ld, f[TOP_SERVICES], &top_keys[TOP_SERVICES],
				   1, sizeof(*cat->services), &cat->n_services);
	cat->topics = parse_list(ld, f[TOP_TOPICS], &top_keys[TOP_TOPICS], 0,
				 sizeof(*cat->topics), &cat->n_topics);
	cat->referrals =
	    parse_list(ld, f[TOP_REFERRALS], &top_keys[TOP_REFERRALS], 0,
		       sizeof(*cat->referrals), &cat->n_referrals);
	for (size_t i = 0; cat->services != NULL && i < cat->n_services; i++)
		parse_service(
		    ld, config_setting_get_elem(f[TOP_SERVICES], (int)i), i);
	for (size_t i = 0; cat->topics != NULL && i < cat->n_topics; i++)
		parse_topic(ld, config_setting_get_elem(f[TOP_TOPICS], (int)i),
			    i);
	for (size_t i = 0; cat->referrals != NULL && i < cat->n_referrals; i++)
		parse_referral(
		    ld, config_setting_get_elem(f[TOP_REFERRALS], (int)i), i);
	parse_policy(ld, f[TOP_POLICY]);
}

/* libconfig's own words, said the way a shop owner would understand. */
static void syntax_error(struct loader *ld, const config_t *cfg)
{
	const char *t = config_error_text(cfg);
	int line = config_error_line(cfg);

	if (t == NULL)
		t = "unreadable file";
	if (strcmp(t, "syntax error") == 0)
		ERR(ld, line,
		    "syntax error (look for a missing ';', '\"' or bracket "
		    "here or just before)");
	else if (strcmp(t, "duplicate setting name") == 0)
		ERR(ld, line, "a key is set twice in the same group");
	else if (strcmp(t, "mismatched element type in array") == 0)
		ERR(ld, line, "a [ ... ] list mixes texts and numbers");
	else
		ERR(ld, line, "%s", t);
}

static void free_words(char **w, size_t n)
{
	for (size_t i = 0; w != NULL && i < n; i++)
		free(w[i]);
	free(w);
}

void catalog_free(struct catalog *cat)
{
	if (cat == NULL)
		return;
	free(cat->path);
	free(cat->database);
	for (size_t i = 0; cat->modems != NULL && i < cat->n_modems; i++) {
		free(cat->modems[i].device);
		free(cat->modems[i].pin);
	}
	free(cat->modems);
	free(cat->business_name);
	free(cat->timezone);
	free(cat->hours);
	free(cat->closed);
	for (size_t i = 0; cat->services != NULL && i < cat->n_services; i++) {
		struct cat_service *s = &cat->services[i];
		free(s->id);
		free(s->name);
		free(s->price);
		free_words(s->words, s->n_words);
	}
	free(cat->services);
	for (size_t i = 0; cat->topics != NULL && i < cat->n_topics; i++) {
		free(cat->topics[i].id);
		free(cat->topics[i].name);
		free_words(cat->topics[i].words, cat->topics[i].n_words);
	}
	free(cat->topics);
	for (size_t i = 0; cat->referrals != NULL && i < cat->n_referrals;
	     i++) {
		struct cat_referral *r = &cat->referrals[i];
		free(r->name);
		free(r->phone);
		free(r->note);
		free_words(r->covers, r->n_covers);
	}
	free(cat->referrals);
	index_free(cat->index);
	free(cat);
}

struct catalog *catalog_load(const char *path, struct cat_diags *diags)
{
	struct cat_diags local = {NULL, 0, 0};
	struct loader ld = {.path = path, .diags = diags ? diags : &local};
	config_t cfg;
	struct stat st;
	FILE *fp;

	memset(ld.diags, 0, sizeof(*ld.diags));
	ld.cat = calloc(1, sizeof(*ld.cat));
	fp = ld.cat != NULL ? fopen(path, "r") : NULL;
	if (ld.cat == NULL) {
		ERR(&ld, 0, "out of memory while loading");
		goto out;
	}
	if (fp == NULL) {
		ERR(&ld, 0, "cannot read the file: %s", strerror(errno));
		goto out;
	}
	/* libconfig's scanner exits the process on a read error (a
	 * directory, say): only hand it regular files. */
	if (fstat(fileno(fp), &st) != 0 || !S_ISREG(st.st_mode)) {
		ERR(&ld, 0, "cannot read the file: it is not a regular file");
		goto out;
	}
	ld.cat->path = dup_str(&ld, path);
	config_init(&cfg);
	if (config_read(&cfg, fp) != CONFIG_TRUE) {
		syntax_error(&ld, &cfg);
	} else {
		parse_sections(&ld, config_root_setting(&cfg));
		if (ld.pin_line > 0 && (st.st_mode & 044) != 0)
			WARN(&ld, ld.pin_line,
			     "this file holds a SIM PIN and other users can "
			     "read it; make it private with chmod 600");
	}
	config_destroy(&cfg);
	if (ld.oom)
		ERR(&ld, 0, "out of memory while loading");
	if (ld.diags->n_errors == 0) {
		ld.cat->index = index_build(ld.cat);
		if (ld.cat->index == NULL)
			ERR(&ld, 0, "out of memory while indexing");
	}
out:
	if (fp != NULL)
		fclose(fp);
	free(ld.ids.slots);
	free(ld.words.slots);
	diags_sort(ld.diags);
	if (ld.diags->n_errors > 0) {
		catalog_free(ld.cat);
		ld.cat = NULL;
	}
	catalog_diags_free(&local);
	return ld.cat;
}
