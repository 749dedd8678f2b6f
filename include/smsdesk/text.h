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
 * as the distance is known to exceed max.
 */
int text_distance(const char *a, const char *b, int max);

/* The typo budget for a folded word of this many code points (0 for short
 * words, so "cat" never becomes "cut"). */
int text_typo_budget(size_t codepoints);

/* Code points in a valid UTF-8 prefix of s (invalid bytes count as one). */
size_t text_codepoints(const char *s);

/*
 * Copy s into out replacing every invalid UTF-8 sequence with U+FFFD.
 * Returns the length written (at most cap-1, never cutting a sequence).
 */
size_t text_sanitize_utf8(const char *s, size_t len, char *out, size_t cap);

#endif
