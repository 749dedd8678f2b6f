/*
 * The desk's language packs built into smsdesk (lang.h), shared between a
 * pack's files. Private to src/lang.c and src/lang/: not a module header.
 */
#ifndef SMSDESK_LANG_PACKS_H
#define SMSDESK_LANG_PACKS_H

#include "smsdesk/lang.h"

/* English: en_reader.c (the lexicon, NULL-terminated), en_replies.c. */
extern const struct lang_word lang_en_words[];
extern const struct lang_pack lang_pack_en;

/* French: fr_reader.c, fr_replies.c. Portuguese: pt_reader.c,
 * pt_replies.c. */
extern const struct lang_word lang_fr_words[];
extern const struct lang_pack lang_pack_fr;
extern const struct lang_word lang_pt_words[];
extern const struct lang_pack lang_pack_pt;

#endif
