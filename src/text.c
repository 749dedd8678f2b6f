/*
 * text: folding, edit distance and UTF-8 hygiene (see text.h).
 *
 * The case and accent tables cover what customers of a European shop type:
 * ASCII, Latin-1 Supplement, Latin Extended-A, basic Greek and Cyrillic.
 * Anything else that is not obviously punctuation or a symbol is kept as it
 * is, so a word in another script still matches itself.
 */
#include "smsdesk/text.h"

#include <stdint.h>
#include <string.h>

#define BAD_CP 0xFFFFFFFFu

/*
 * Decode one code point from s[0..n). Returns the bytes consumed (1 for an
 * invalid byte, with *cp = BAD_CP). Overlong forms, surrogates and values
 * past U+10FFFF are invalid.
 */
static size_t utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t c = s[0];
	size_t len, i;
	uint32_t min;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2, c &= 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3, c &= 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4, c &= 0x07, min = 0x10000;
	} else {
		*cp = BAD_CP;
		return 1;
	}
	if (len > n) {
		*cp = BAD_CP;
		return 1;
	}
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = BAD_CP;
			return 1;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		*cp = BAD_CP;
		return 1;
	}
	*cp = c;
	return len;
}

static size_t utf8_encode(uint32_t c, char *out)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* U+00C0..U+00FF without accents; '*' marks the ones spelled out below. */
static const char latin1_base[64 + 1] = "aaaaaa*ceeeeiiiidnooooo ouuuuy**"
					"aaaaaa*ceeeeiiiidnooooo ouuuuy*y";

/* U+0100..U+017F without accents; '*' marks the ones spelled out below. */
static const char latin_ext_a_base[128 + 1] =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkk"
    "llllllllllnnnnnnnnnoooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyy"
    "zzzzzzs";

enum fold_kind {
	FOLD_DROP,  /* apostrophes, combining accents: vanish */
	FOLD_SPACE, /* punctuation, symbols, emoji, controls */
	FOLD_TEXT,  /* replaced by the bytes written */
};

static int is_apostrophe(uint32_t c)
{
	return c == '\'' || c == '`' || c == 0xB4 || c == 0x2018 ||
	       c == 0x2019 || c == 0x02BC || c == 0x2032;
}

static int is_separator(uint32_t c)
{
	if (c < 0x80)
		return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			 (c >= '0' && c <= '9'));
	return (c >= 0x80 && c <= 0xBF) || c == 0xD7 || c == 0xF7 ||
	       (c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) ||
	       (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xFF01 && c <= 0xFF0F) ||
	       (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0xE0000) ||
	       c == 0xFFFD || c == 0xFEFF || c == BAD_CP;
}

/* Greek vowels with tonos, folded to the plain lower-case vowel. */
static uint32_t greek_plain(uint32_t c)
{
	switch (c) {
	case 0x386:
	case 0x3AC:
		return 0x3B1;
	case 0x388:
	case 0x3AD:
		return 0x3B5;
	case 0x389:
	case 0x3AE:
		return 0x3B7;
	case 0x38A:
	case 0x3AF:
	case 0x3AA:
	case 0x3CA:
		return 0x3B9;
	case 0x38C:
	case 0x3CC:
		return 0x3BF;
	case 0x38E:
	case 0x3CD:
	case 0x3AB:
	case 0x3CB:
		return 0x3C5;
	case 0x38F:
	case 0x3CE:
		return 0x3C9;
	case 0x3C2: /* final sigma */
		return 0x3C3;
	}
	if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2)
		return c + 0x20;
	return c;
}

static uint32_t cyrillic_lower(uint32_t c)
{
	if (c == 0x401 || c == 0x451) /* Ё, ё: written as е by most */
		return 0x435;
	if (c >= 0x410 && c <= 0x42F)
		return c + 0x20;
	if (c >= 0x400 && c <= 0x40F)
		return c + 0x50;
	return c;
}

/* Fold one code point into buf (up to 4 bytes, length in *blen). */
static enum fold_kind fold_one(uint32_t c, char *buf, size_t *blen)
{
	char b;

	if (is_apostrophe(c) || (c >= 0x300 && c <= 0x36F) || c == 0x200D)
		return FOLD_DROP;
	if (is_separator(c))
		return FOLD_SPACE;
	if (c < 0x80) {
		buf[0] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
		*blen = 1;
		return FOLD_TEXT;
	}
	if (c >= 0xC0 && c <= 0x17F) {
		b = c <= 0xFF ? latin1_base[c - 0xC0]
			      : latin_ext_a_base[c - 0x100];
		*blen = 1;
		if (b != '*') {
			buf[0] = b;
			return FOLD_TEXT;
		}
		*blen = 2;
		if (c == 0xC6 || c == 0xE6)
			memcpy(buf, "ae", 2);
		else if (c == 0xDE || c == 0xFE)
			memcpy(buf, "th", 2);
		else if (c == 0xDF)
			memcpy(buf, "ss", 2);
		else if (c == 0x132 || c == 0x133)
			memcpy(buf, "ij", 2);
		else
			memcpy(buf, "oe", 2);
		return FOLD_TEXT;
	}
	if (c >= 0x370 && c <= 0x3FF)
		c = greek_plain(c);
	else if (c >= 0x400 && c <= 0x4FF)
		c = cyrillic_lower(c);
	*blen = utf8_encode(c, buf);
	return FOLD_TEXT;
}

size_t text_fold(const char *in, char *out, size_t cap)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t n = strlen(in), i = 0, o = 0;
	int pending_space = 0;

	if (cap == 0)
		return 0;
	while (i < n) {
		uint32_t c;
		char buf[4];
		size_t blen = 0;

		i += utf8_next(s + i, n - i, &c);
		switch (fold_one(c, buf, &blen)) {
		case FOLD_DROP:
			continue;
		case FOLD_SPACE:
			pending_space = o > 0;
			continue;
		case FOLD_TEXT:
			break;
		}
		if (o + (size_t)pending_space + blen > cap - 1)
			break;
		if (pending_space)
			out[o++] = ' ';
		pending_space = 0;
		memcpy(out + o, buf, blen);
		o += blen;
	}
	out[o] = '\0';
	return o;
}

/* Words longer than this are compared only for equality. */
#define DIST_MAX_CP 128

static size_t decode_all(const char *s, uint32_t *cps, size_t cap)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, k = 0;

	while (i < n) {
		if (k == cap)
			return cap + 1;
		i += utf8_next(u + i, n - i, &cps[k++]);
	}
	return k;
}

static int min3(int a, int b, int c)
{
	int m = a < b ? a : b;
	return m < c ? m : c;
}

int text_distance(const char *a, const char *b, int max)
{
	uint32_t ca[DIST_MAX_CP], cb[DIST_MAX_CP];
	int rows[3][DIST_MAX_CP + 1];
	int *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
	size_t la, lb, i, j;
	int prev_min = 0;

	if (max < 0)
		max = 0;
	la = decode_all(a, ca, DIST_MAX_CP);
	lb = decode_all(b, cb, DIST_MAX_CP);
	if (la > DIST_MAX_CP || lb > DIST_MAX_CP)
		return strcmp(a, b) == 0 ? 0 : max + 1;
	if ((la > lb ? la - lb : lb - la) > (size_t)max)
		return max + 1;
	for (j = 0; j <= lb; j++)
		prev[j] = (int)j;
	for (i = 1; i <= la; i++) {
		int row_min;

		cur[0] = (int)i;
		row_min = cur[0];
		for (j = 1; j <= lb; j++) {
			int cost = ca[i - 1] != cb[j - 1];
			int d = min3(prev[j] + 1, cur[j - 1] + 1,
				     prev[j - 1] + cost);

			if (i > 1 && j > 1 && ca[i - 1] == cb[j - 2] &&
			    ca[i - 2] == cb[j - 1] && prev2[j - 2] + 1 < d)
				d = prev2[j - 2] + 1;
			cur[j] = d;
			if (d < row_min)
				row_min = d;
		}
		/* A cell draws on the two rows above it only. */
		if (row_min > max && prev_min > max)
			return max + 1;
		prev_min = row_min;
		int *t = prev2;
		prev2 = prev, prev = cur, cur = t;
	}
	return prev[lb] > max ? max + 1 : prev[lb];
}

int text_typo_budget(size_t codepoints)
{
	if (codepoints <= 3)
		return 0;
	if (codepoints <= 7)
		return 1;
	return 2;
}

size_t text_codepoints(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, k = 0;
	uint32_t c;

	while (i < n) {
		i += utf8_next(u + i, n - i, &c);
		k++;
	}
	return k;
}

size_t text_sanitize_utf8(const char *s, size_t len, char *out, size_t cap)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, o = 0;

	if (cap == 0)
		return 0;
	while (i < len) {
		uint32_t c;
		size_t step = utf8_next(u + i, len - i, &c);
		char buf[4];
		size_t blen;

		if (c == BAD_CP || c == 0) {
			blen = utf8_encode(0xFFFD, buf);
		} else {
			memcpy(buf, s + i, step);
			blen = step;
		}
		if (o + blen > cap - 1)
			break;
		memcpy(out + o, buf, blen);
		o += blen;
		i += step;
	}
	out[o] = '\0';
	return o;
}
