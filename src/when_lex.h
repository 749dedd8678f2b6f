/*
 * when_lex: the time reader's words (private to when_read.c and when.c).
 *
 * Cuts a text into folded words and numbers, and finds for each word the
 * vocabulary entries (when_vocab.h) that start there. A word no pack knows
 * is read without a pack's ending ("cumartesiye") or as a day and a part
 * of the day written as one ("freitagabend"). Each vocabulary is
 * compiled once, on first use, into a sorted index kept for the life of the
 * process (a few kilobytes per language); reading allocates nothing.
 */
#ifndef SMSDESK_WHEN_LEX_H
#define SMSDESK_WHEN_LEX_H

#include "smsdesk/when_vocab.h"

#include <stddef.h>

#define LEX_MAX_TOKS 96
#define LEX_TOK_CAP  24
#define LEX_MAX_HITS 8

struct lex_tok {
	char s[LEX_TOK_CAP];
	int num;	       /* value when digits (up to 4), else -1 */
	unsigned char ndigits; /* digits in a number (leading zeros count) */
	unsigned char len;
	char sep;	     /* to the next token: ':' '.' '/' '-' 'j' (joined:
			      * "10am"), '~' (a dash between spaces: "9 - 11", a
			      * range, never a date) or ' ' */
	unsigned char used;  /* consumed by a rule */
	unsigned char known; /* some entry matched here */
	unsigned char near;  /* two edits from a day or month name */
	unsigned char brk;   /* a ',' ';' '!' or '?' follows it: what
			      * comes next is a new clause */
	unsigned char dot;   /* a '.' ends it, then a space or the end of
			      * the text ("am 5.", "24.12.") */
	int off, end;	     /* bytes of the text */
};

/* An entry found at a token: it spans LEN tokens. */
struct lex_hit {
	unsigned char len;
	unsigned char sense;
	unsigned char flags;
	unsigned char fuzzy; /* matched at one edit */
	int value;
};

struct lex_text {
	struct lex_tok v[LEX_MAX_TOKS];
	int n;
	struct lex_hit hits[LEX_MAX_TOKS][LEX_MAX_HITS];
	unsigned char nhits[LEX_MAX_TOKS];
};

/* Cut TEXT into tokens and find the entries of VOCABS at each. */
void lex_read(const char *text, const struct when_vocab *const *vocabs,
	      size_t n_vocabs, struct lex_text *out);

/*
 * Is token I a day word in a built-in pack other than ACTIVE ("mañana" in
 * an English-only reading)? Such a word is a date the reader cannot place.
 */
int lex_foreign_date(const struct lex_text *t, int i,
		     const struct when_vocab *const *active, size_t n_active);

/*
 * Fold TEXT as the reader does into out (cap bytes): words separated by
 * one space, or by '+' where the text joins them ("2day" = "2+day"). Returns
 * the number of words, or -1 when it does not fit.
 */
int lex_fold(const char *text, char *out, size_t cap);

#endif
