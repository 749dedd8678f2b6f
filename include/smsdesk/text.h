/*
 * text: UTF-8 helpers shared by the catalog's word index and the inquiry
 * parser, so both fold words the same way ("Haircut!", "HAIRCUT" and
 * "háircut" meet at "haircut").
 *
 * Pure functions on caller buffers: no allocation, no I/O, no locale. Invalid
 * UTF-8 is never trusted: it is skipped or replaced, never read past.
 */
#ifndef SMSDESK_TEXT_H
#define SMSDESK_TEXT_H

#include <stddef.h>

/*
 * Fold text for matching: lower case, Latin accents removed (é→e, ß→ss,
 * ø→o, ...), apostrophes dropped ("can't"→"cant"), any other punctuation,
 * symbol or emoji becomes a space, runs of spaces collapse, no leading or
 * trailing space. Letters of other scripts are kept (lower-cased where a
 * simple mapping exists). Writes at most cap-1 bytes plus NUL, never cutting
 * a UTF-8 sequence; returns the length written.
 */
size_t text_fold(const char *in, char *out, size_t cap);

/*
 * Edit distance (insert, delete, substitute, swap of neighbours) between two
 * folded words, counted in code points. Stops early: returns max + 1 as soon
 * as the distance is known to exceed max (a negative max counts as 0).
 * Words longer than 128 code points are only compared for equality (0 or
 * max + 1): nobody's typo is that long, and the stack stays small.
 */
int text_distance(const char *a, const char *b, int max);

/*
 * The typo budget for a folded word of this many code points: 0 up to 3,
 * 1 for 4 to 7, 2 from 8 (so "cat" never becomes "cut", while "hiarcut" and
 * "haircutt" still find "haircut"). When two words meet, the smaller of
 * their two budgets applies (catalog_lookup does so).
 */
int text_typo_budget(size_t codepoints);

/* Code points in a valid UTF-8 prefix of s (invalid bytes count as one). */
size_t text_codepoints(const char *s);

/*
 * Copy the len bytes of s into out replacing every invalid UTF-8 sequence
 * (stray bytes, overlong forms, surrogates, past U+10FFFF) and every NUL
 * with U+FFFD. Returns the length written (at most cap-1, never cutting a
 * sequence; nothing is written when cap is 0).
 */
size_t text_sanitize_utf8(const char *s, size_t len, char *out, size_t cap);

#endif
