/* when_lex: folded words, vocabulary indexes, one-edit matches. */
#include "when_lex.h"

#include <stdlib.h>
#include <string.h>

/* ---- folding ------------------------------------------------------------- */

/*
 * Latin letters with accents to their base letters. U+00C0..U+00FF, then
 * U+0100..U+017F; '?' marks the few that become two letters, '_' a sign
 * that is not a letter.
 */
static const char fold_c0[] =
    "aaaaaa?ceeeeiiiidnooooo_ouuuuy??aaaaaa?ceeeeiiiidnooooo_ouuuuy?y";
static const char fold_100[] = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhii"
			       "iiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooo"
			       "oorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzz"
			       "zzzzs";

/* Decode one UTF-8 character; returns its length (1 for a bad byte, with
 * *cp = 0xFFFD). */
static int utf8_next(const unsigned char *p, unsigned *cp)
{
	unsigned c = p[0];
	int n;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF)
		n = 2, c &= 0x1F;
	else if (c >= 0xE0 && c <= 0xEF)
		n = 3, c &= 0x0F;
	else if (c >= 0xF0 && c <= 0xF4)
		n = 4, c &= 0x07;
	else {
		*cp = 0xFFFD;
		return 1;
	}
	for (int i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80) {
			*cp = 0xFFFD;
			return 1;
		}
		c = c << 6 | (p[i] & 0x3F);
	}
	if ((n == 3 && c < 0x800) ||
	    (n == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
	    (c >= 0xD800 && c <= 0xDFFF)) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = c;
	return n;
}

enum cls { C_SEP, C_LETTER, C_DIGIT, C_RAW };

/*
 * The class of code point CP; for letters, the folded ASCII in out (up to 2
 * bytes) and its length in *n. C_RAW: a letter of another script, kept as
 * its own bytes.
 */
static enum cls classify(unsigned cp, char *out, int *n)
{
	*n = 0;
	if (cp < 0x80) {
		if (cp >= '0' && cp <= '9') {
			out[(*n)++] = (char)cp;
			return C_DIGIT;
		}
		if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) {
			out[(*n)++] = (char)(cp | 0x20);
			return C_LETTER;
		}
		return C_SEP;
	}
	if (cp == 0xAA || cp == 0xBA) { /* ª º: "1º", "1ª" */
		out[(*n)++] = cp == 0xAA ? 'a' : 'o';
		return C_LETTER;
	}
	if (cp >= 0xC0 && cp <= 0xFF) {
		char f = fold_c0[cp - 0xC0];
		if (f == '_')
			return C_SEP;
		if (f == '?') {
			const char *two = cp == 0xDF		       ? "ss"
					  : (cp == 0xDE || cp == 0xFE) ? "th"
								       : "ae";
			out[0] = two[0];
			out[1] = two[1];
			*n = 2;
			return C_LETTER;
		}
		out[(*n)++] = f;
		return C_LETTER;
	}
	if (cp >= 0x100 && cp <= 0x17F) {
		if (cp == 0x152 || cp == 0x153) {
			out[0] = 'o';
			out[1] = 'e';
			*n = 2;
			return C_LETTER;
		}
		out[(*n)++] = fold_100[cp - 0x100];
		return C_LETTER;
	}
	if (cp < 0x370 || (cp >= 0x2000 && cp <= 0x2BFF) ||
	    (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
	    (cp >= 0xFF00 && cp <= 0xFFEF) || cp >= 0x1F000 || cp == 0xFFFD)
		return C_SEP;
	return C_RAW;
}

/* An apostrophe inside a word: "o'clock", "year's", "10'da". */
static int is_apostrophe(unsigned cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x2018;
}

/*
 * The next token at *pp: fills buf (cap) and returns its class (C_SEP at the
 * end of the text). *start is where it began; *pp is left after it.
 */
static enum cls next_token(const unsigned char **pp, char *buf, size_t cap,
			   size_t *len, const unsigned char **start)
{
	const unsigned char *p = *pp;
	enum cls kind = C_SEP;
	size_t n = 0;
	int cut = 0;
	unsigned cp;
	char f[2];
	int fn;

	*len = 0;
	buf[0] = '\0';
	/* Skip separators. */
	for (;;) {
		if (*p == '\0') {
			*pp = p;
			return C_SEP;
		}
		if (*p == '@') {
			*start = p;
			*pp = p + 1;
			buf[0] = '@';
			buf[1] = '\0';
			*len = 1;
			return C_LETTER;
		}
		int k = utf8_next(p, &cp);
		enum cls c = classify(cp, f, &fn);
		if (c != C_SEP) {
			kind = c == C_DIGIT ? C_DIGIT : C_LETTER;
			break;
		}
		p += k;
	}
	*start = p;
	while (*p != '\0') {
		int k = utf8_next(p, &cp);
		enum cls c = classify(cp, f, &fn);
		if (c == C_SEP && is_apostrophe(cp) && n > 0 && p[k] != '\0') {
			/* Dropped when a letter follows: "o'clock". */
			unsigned nx;
			char g[2];
			int gn;
			utf8_next(p + k, &nx);
			enum cls nc = classify(nx, g, &gn);
			if (nc == C_LETTER || nc == C_RAW) {
				p += k;
				if (kind == C_DIGIT)
					break; /* "10'da": the number ends */
				continue;
			}
			break;
		}
		if (c == C_SEP)
			break;
		if ((c == C_DIGIT ? C_DIGIT : C_LETTER) != kind)
			break;
		const char *src = c == C_RAW ? (const char *)p : f;
		int sn = c == C_RAW ? k : fn;
		for (int i = 0; i < sn; i++) {
			if (n + 1 < cap)
				buf[n++] = src[i];
			else
				cut = 1;
		}
		p += k;
	}
	buf[n] = '\0';
	*len = cut ? cap : n;
	*pp = p;
	return kind;
}

int lex_fold(const char *text, char *out, size_t cap)
{
	const unsigned char *p = (const unsigned char *)text, *start;
	char buf[LEX_TOK_CAP];
	const unsigned char *last_end = NULL;
	size_t len, n = 0;
	int words = 0;

	if (cap == 0)
		return -1;
	out[0] = '\0';
	for (;;) {
		if (next_token(&p, buf, sizeof(buf), &len, &start) == C_SEP &&
		    len == 0)
			break;
		size_t bl = strlen(buf);
		if (n + bl + 2 > cap || len >= sizeof(buf))
			return -1;
		if (words > 0)
			out[n++] = start == last_end ? '+' : ' ';
		memcpy(out + n, buf, bl + 1);
		n += bl;
		words++;
		last_end = p;
	}
	return words;
}

/* ---- vocabulary indexes -------------------------------------------------- */

struct lex_ent {
	const char *text; /* folded: words joined by ' ' or '+' */
	unsigned char ntok;
	unsigned char sense, flags;
	int value;
};

struct lexicon {
	const struct when_vocab *src;
	struct lex_ent *v;
	size_t n;
	/* Every word of every entry, sorted, once: the words this pack
	 * knows (a stem left by an ending must be one of them). */
	const char **words;
	size_t nwords;
	/* One-edit candidates (day, month, relative-day words of five
	 * letters or more), by first letter. */
	struct lex_ent **fz;
	size_t nfz;
	size_t fz_at[27];
};

#define MAX_LEXICONS 8
static struct lexicon lexicons[MAX_LEXICONS];

static int ent_cmp(const void *a, const void *b)
{
	const struct lex_ent *x = a, *y = b;
	int c = strcmp(x->text, y->text);
	if (c != 0)
		return c;
	return (int)x->sense - (int)y->sense;
}

static int fz_cmp(const void *a, const void *b)
{
	const struct lex_ent *x = *(struct lex_ent *const *)a;
	const struct lex_ent *y = *(struct lex_ent *const *)b;
	return strcmp(x->text, y->text);
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The words of the entries (split at ' ' and '+'), in the arena after the
 * entries' own text. */
static void words_build(struct lexicon *lx, char *arena)
{
	size_t n = 0;
	for (size_t i = 0; i < lx->n; i++) {
		const char *p = lx->v[i].text;
		while (*p != '\0') {
			size_t l = strcspn(p, " +");
			memcpy(arena, p, l);
			arena[l] = '\0';
			lx->words[n++] = arena;
			arena += l + 1;
			p += l;
			if (*p != '\0')
				p++;
		}
	}
	qsort(lx->words, n, sizeof(*lx->words), str_cmp);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (k == 0 || strcmp(lx->words[k - 1], lx->words[i]) != 0)
			lx->words[k++] = lx->words[i];
	lx->nwords = k;
}

static int has_word(const struct lexicon *lx, const char *w)
{
	return lx != NULL && bsearch(&w, lx->words, lx->nwords,
				     sizeof(*lx->words), str_cmp) != NULL;
}

/* The index of the first entry not before TEXT (entries are sorted). */
static size_t first_entry(const struct lexicon *lx, const char *text)
{
	size_t lo = 0, hi = lx->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(lx->v[mid].text, text) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* A one-word entry TEXT of SENSE (never a weak one). */
static int has_entry(const struct lexicon *lx, const char *text, unsigned sense)
{
	size_t lo = first_entry(lx, text);
	for (; lo < lx->n && strcmp(lx->v[lo].text, text) == 0; lo++)
		if (lx->v[lo].sense == sense && !(lx->v[lo].flags & WF_WEAK))
			return 1;
	return 0;
}

static int fuzzy_sense(unsigned s)
{
	return s == WS_WEEKDAY || s == WS_MONTH || s == WS_REL_DAY;
}

static void lexicon_build(struct lexicon *lx, const struct when_vocab *vb)
{
	size_t bytes = 0;
	char buf[128];

	for (size_t i = 0; i < vb->n_words; i++)
		bytes += strlen(vb->words[i].text) + 2;
	lx->v = calloc(vb->n_words + 1, sizeof(*lx->v));
	char *arena = malloc(4 * bytes + 16);
	lx->fz = calloc(vb->n_words + 1, sizeof(*lx->fz));
	lx->words = calloc(bytes + 1, sizeof(*lx->words));
	if (lx->v == NULL || arena == NULL || lx->fz == NULL ||
	    lx->words == NULL)
		abort(); /* a few kilobytes once at start: nothing to save */
	size_t at = 0;
	for (size_t i = 0; i < vb->n_words; i++) {
		int n = lex_fold(vb->words[i].text, buf, sizeof(buf));
		if (n <= 0)
			continue; /* test_when_vocab reports these */
		size_t bl = strlen(buf);
		memcpy(arena + at, buf, bl + 1);
		struct lex_ent *e = &lx->v[lx->n++];
		e->text = arena + at;
		e->ntok = (unsigned char)n;
		e->sense = vb->words[i].sense;
		e->flags = vb->words[i].flags;
		e->value = vb->words[i].value;
		at += bl + 1;
	}
	qsort(lx->v, lx->n, sizeof(*lx->v), ent_cmp);
	words_build(lx, arena + at);
	for (size_t i = 0; i < lx->n; i++) {
		struct lex_ent *e = &lx->v[i];
		if (fuzzy_sense(e->sense) && e->ntok == 1 &&
		    !(e->flags & WF_WEAK) && strlen(e->text) >= 5 &&
		    e->text[0] >= 'a' && e->text[0] <= 'z')
			lx->fz[lx->nfz++] = e;
	}
	qsort(lx->fz, lx->nfz, sizeof(*lx->fz), fz_cmp);
	size_t k = 0;
	for (int c = 0; c < 26; c++) {
		lx->fz_at[c] = k;
		while (k < lx->nfz && lx->fz[k]->text[0] == 'a' + c)
			k++;
	}
	lx->fz_at[26] = k;
	lx->src = vb;
}

static const struct lexicon *lexicon_of(const struct when_vocab *vb)
{
	for (size_t i = 0; i < MAX_LEXICONS; i++) {
		if (lexicons[i].src == vb)
			return &lexicons[i];
		if (lexicons[i].src == NULL) {
			lexicon_build(&lexicons[i], vb);
			return &lexicons[i];
		}
	}
	return NULL; /* more languages than a business reads */
}

/* ---- matching ------------------------------------------------------------ */

/*
 * Does the rest of an entry (W at the separator after its first word) match
 * the tokens from I? A '+' in the entry ("2day" folds to "2+day") wants the
 * text's words joined too.
 */
static int rest_matches(const char *w, const struct lex_text *t, int i)
{
	while (*w != '\0') {
		if (i >= t->n)
			return 0;
		if (*w == '+' && t->v[i - 1].sep != 'j')
			return 0;
		w++;
		size_t l = t->v[i].len < LEX_TOK_CAP ? t->v[i].len : 0;
		if (l == 0 || strncmp(w, t->v[i].s, l) != 0 ||
		    (w[l] != ' ' && w[l] != '+' && w[l] != '\0'))
			return 0;
		w += l;
		i++;
	}
	return 1;
}

static void add_hit(struct lex_text *t, int i, const struct lex_ent *e,
		    int fuzzy)
{
	unsigned char *n = &t->nhits[i];
	struct lex_hit h = {e->ntok, e->sense, e->flags, (unsigned char)fuzzy,
			    e->value};

	for (unsigned k = 0; k < *n; k++) {
		struct lex_hit *o = &t->hits[i][k];
		if (o->sense == h.sense && o->len == h.len &&
		    o->value == h.value)
			return;
	}
	if (*n < LEX_MAX_HITS) {
		t->hits[i][(*n)++] = h;
		return;
	}
	/* Full: a longer entry replaces the shortest. */
	unsigned shortest = 0;
	for (unsigned k = 1; k < *n; k++)
		if (t->hits[i][k].len < t->hits[i][shortest].len)
			shortest = k;
	if (t->hits[i][shortest].len < h.len)
		t->hits[i][shortest] = h;
}

static void exact_hits(const struct lexicon *lx, struct lex_text *t, int i)
{
	const char *s = t->v[i].s;
	size_t sl = strlen(s), lo = 0, hi = lx->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(lx->v[mid].text, s) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t k = lo; k < lx->n; k++) {
		const struct lex_ent *e = &lx->v[k];
		if (strncmp(e->text, s, sl) != 0 ||
		    (e->text[sl] != '\0' && e->text[sl] != ' ' &&
		     e->text[sl] != '+'))
			break;
		if (e->text[sl] == '\0' || rest_matches(e->text + sl, t, i + 1))
			add_hit(t, i, e, 0);
	}
}

/*
 * Edits between a and b (insert, delete, change, swap of neighbours),
 * stopping early past MAX. Words are short (under 24 bytes).
 */
static int edits(const char *a, size_t la, const char *b, size_t lb, int max)
{
	int d[LEX_TOK_CAP + 1][LEX_TOK_CAP + 1];

	if (la > LEX_TOK_CAP || lb > LEX_TOK_CAP)
		return max + 1;
	for (size_t i = 0; i <= la; i++)
		d[i][0] = (int)i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		int row_min = max + 1;
		for (size_t j = 1; j <= lb; j++) {
			int cost = a[i - 1] != b[j - 1];
			int v = d[i - 1][j - 1] + cost;
			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
			if (v < row_min)
				row_min = v;
		}
		if (row_min > max)
			return max + 1;
	}
	return d[la][lb];
}

static void fuzzy_hits(const struct lexicon *lx, struct lex_text *t, int i)
{
	struct lex_tok *k = &t->v[i];
	size_t sl = k->len;
	int c = k->s[0] - 'a';

	if (c < 0 || c >= 26 || sl < 5 || sl >= LEX_TOK_CAP)
		return;
	for (size_t j = lx->fz_at[c]; j < lx->fz_at[c + 1]; j++) {
		const struct lex_ent *e = lx->fz[j];
		size_t el = strlen(e->text);
		if (el + 2 < sl || sl + 2 < el)
			continue;
		int d = edits(k->s, sl, e->text, el, 2);
		if (d == 1)
			add_hit(t, i, e, 1);
		else if (d == 2 && sl >= 6 && el >= 6 &&
			 !lx->src->no_near_doubt)
			k->near = 1;
	}
}

/* Some pack being read knows the word W. */
static int word_known(const char *w, const struct when_vocab *const *vocabs,
		      size_t n_vocabs)
{
	for (size_t l = 0; l < n_vocabs; l++)
		if (has_word(lexicon_of(vocabs[l]), w))
			return 1;
	return 0;
}

/*
 * A word no pack knows, with an ending of a pack that leaves one of that
 * pack's words ("cumartesiye", "sonuna"): cut the ending. The stem keeps
 * three letters at least.
 */
static void cut_ending(struct lex_tok *k,
		       const struct when_vocab *const *vocabs, size_t n_vocabs)
{
	char stem[LEX_TOK_CAP];

	for (size_t l = 0; l < n_vocabs; l++) {
		const char *const *sfx = vocabs[l]->suffixes;
		const struct lexicon *lx = lexicon_of(vocabs[l]);
		for (size_t i = 0; sfx != NULL && lx != NULL && sfx[i] != NULL;
		     i++) {
			size_t el = strlen(sfx[i]), wl = strlen(k->s);
			if (wl < el + 3 || strcmp(k->s + wl - el, sfx[i]) != 0)
				continue;
			memcpy(stem, k->s, wl - el);
			stem[wl - el] = '\0';
			if (has_word(lx, stem)) {
				memcpy(k->s, stem, wl - el + 1);
				k->len = (unsigned char)(wl - el);
				return;
			}
		}
	}
}

/*
 * A day and a part of the day written as one word ("freitagabend",
 * "montagmorgen"): where the word splits into a day of some pack and a
 * part of the day of the same pack. Returns the bytes of the first part
 * (0: no such split).
 */
static size_t compound_at(const char *w, const struct when_vocab *const *vocabs,
			  size_t n_vocabs)
{
	char head[LEX_TOK_CAP];
	size_t wl = strlen(w);

	for (size_t l = 0; l < n_vocabs; l++) {
		const struct lexicon *lx = lexicon_of(vocabs[l]);
		for (size_t p = 3; lx != NULL && p + 3 <= wl; p++) {
			memcpy(head, w, p);
			head[p] = '\0';
			if ((has_entry(lx, head, WS_WEEKDAY) ||
			     has_entry(lx, head, WS_REL_DAY)) &&
			    has_entry(lx, w + p, WS_WINDOW))
				return p;
		}
	}
	return 0;
}

/* The byte of TEXT (from START) where the first N folded bytes end. */
static const unsigned char *folded_end(const unsigned char *start, size_t n)
{
	const unsigned char *p = start;
	size_t got = 0;
	while (*p != '\0' && got < n) {
		unsigned cp;
		char f[2];
		int fn, k = utf8_next(p, &cp);
		if (classify(cp, f, &fn) == C_RAW)
			fn = k;
		got += (size_t)fn;
		p += k;
	}
	return p;
}

void lex_read(const char *text, const struct when_vocab *const *vocabs,
	      size_t n_vocabs, struct lex_text *t)
{
	const unsigned char *base = (const unsigned char *)text, *p = base;
	const unsigned char *start;
	size_t len;

	t->n = 0;
	while (t->n < LEX_MAX_TOKS) {
		struct lex_tok *k = &t->v[t->n];
		enum cls c = next_token(&p, k->s, sizeof(k->s), &len, &start);
		if (c == C_SEP && len == 0)
			break;
		k->len = (unsigned char)(len < LEX_TOK_CAP ? len : LEX_TOK_CAP);
		if (len >= LEX_TOK_CAP)
			k->s[0] = '~'; /* too long to be anything we read */
		k->off = (int)(start - base);
		k->end = (int)(p - base);
		k->num = -1;
		k->ndigits = 0;
		k->used = k->known = k->near = k->dot = 0;
		size_t head = 0;
		if (c == C_LETTER && len < LEX_TOK_CAP &&
		    !word_known(k->s, vocabs, n_vocabs)) {
			cut_ending(k, vocabs, n_vocabs);
			if (!word_known(k->s, vocabs, n_vocabs))
				head = compound_at(k->s, vocabs, n_vocabs);
		}
		if (c == C_DIGIT) {
			k->ndigits = (unsigned char)(len < 255 ? len : 255);
			if (len <= 4)
				k->num = atoi(k->s);
		}
		/* How it joins the next token. */
		unsigned cp;
		char f[2];
		int fn;
		k->sep = ' ';
		k->brk = 0;
		for (const unsigned char *q = p;
		     *q == ' ' || *q == ',' || *q == ';' || *q == '!' ||
		     *q == '?' || *q == '.';
		     q++)
			if (*q != ' ' && *q != '.')
				k->brk = 1;
		if (*p == ' ') {
			/* "8am - 1pm", "9:30 – 11": a dash between spaces. */
			const unsigned char *q = p;
			int dash = 0;
			while (*q == ' ')
				q++;
			if (*q == '-') {
				dash = 1;
				q++;
			} else if (q[0] == 0xE2 && q[1] == 0x80 &&
				   (q[2] == 0x93 || q[2] == 0x94)) {
				dash = 1;
				q += 3;
			}
			while (*q == ' ')
				q++;
			if (dash && *q != '\0') {
				unsigned cq;
				utf8_next(q, &cq);
				if (classify(cq, f, &fn) != C_SEP)
					k->sep = '~'; /* a range, not a date */
			}
		} else if (*p != '\0') {
			int w = utf8_next(p, &cp);
			enum cls nc = classify(cp, f, &fn);
			if (nc != C_SEP) {
				k->sep = 'j';
			} else if ((*p == ':' || *p == '.' || *p == '/' ||
				    *p == '-') &&
				   p[w] != '\0') {
				unsigned cp2;
				utf8_next(p + w, &cp2);
				if (classify(cp2, f, &fn) != C_SEP)
					k->sep = (char)*p;
			}
			/* "am 5.", "24.12.", "dann am 23.?": a dot, then a
			 * space, a stop of the sentence or nothing */
			if (*p == '.' && k->sep == ' ' &&
			    (p[1] == '\0' || p[1] == ' ' || p[1] == ',' ||
			     p[1] == '\n' || p[1] == '?' || p[1] == '!' ||
			     p[1] == ';' || p[1] == ')'))
				k->dot = 1;
		}
		if (head > 0 && t->n + 1 < LEX_MAX_TOKS) {
			/* "freitagabend": "freitag" "abend" */
			struct lex_tok *k2 = &t->v[t->n + 1];
			*k2 = *k;
			memmove(k2->s, k->s + head, strlen(k->s + head) + 1);
			k2->len = (unsigned char)strlen(k2->s);
			k->s[head] = '\0';
			k->len = (unsigned char)head;
			k->sep = ' ';
			k->dot = 0;
			k->end = k2->off =
			    (int)(folded_end(start, head) - base);
			t->n++;
		}
		t->n++;
	}
	if (t->n > 0)
		t->v[t->n - 1].sep = ' '; /* nothing follows, even if cut */

	for (int i = 0; i < t->n; i++) {
		t->nhits[i] = 0;
		if (t->v[i].s[0] == '~')
			continue;
		for (size_t l = 0; l < n_vocabs; l++) {
			const struct lexicon *lx = lexicon_of(vocabs[l]);
			if (lx != NULL)
				exact_hits(lx, t, i);
		}
		if (t->nhits[i] == 0 && t->v[i].num < 0 &&
		    t->v[i].ndigits == 0) {
			for (size_t l = 0; l < n_vocabs; l++) {
				const struct lexicon *lx =
				    lexicon_of(vocabs[l]);
				if (lx != NULL)
					fuzzy_hits(lx, t, i);
			}
		}
		t->v[i].known = t->nhits[i] > 0;
	}
}

int lex_foreign_date(const struct lex_text *t, int i,
		     const struct when_vocab *const *active, size_t n_active)
{
	const char *s = t->v[i].s;
	size_t sl = strlen(s);

	if (t->v[i].len < 4 || t->v[i].num >= 0 || s[0] == '~')
		return 0;
	for (size_t v = 0; v < when_n_vocabs; v++) {
		int mine = 0;
		for (size_t a = 0; a < n_active; a++)
			mine |= active[a] == when_vocabs[v];
		const struct lexicon *lx =
		    mine ? NULL : lexicon_of(when_vocabs[v]);
		if (lx == NULL)
			continue;
		size_t lo = first_entry(lx, s);
		for (size_t k = lo; k < lx->n; k++) {
			const struct lex_ent *e = &lx->v[k];
			if (strncmp(e->text, s, sl) != 0 ||
			    (e->text[sl] != '\0' && e->text[sl] != ' ' &&
			     e->text[sl] != '+'))
				break;
			if (e->flags & WF_WEAK)
				continue;
			if ((e->sense == WS_REL_DAY || e->sense == WS_WEEKDAY ||
			     e->sense == WS_MONTH || e->sense == WS_HOLIDAY ||
			     e->sense == WS_WINDOW_TODAY) &&
			    (e->text[sl] == '\0' ||
			     rest_matches(e->text + sl, t, i + 1)))
				return 1;
		}
	}
	return 0;
}
