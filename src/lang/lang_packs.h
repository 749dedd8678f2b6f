/*
 * The desk's language packs built into smsdesk (lang.h), shared between a
 * pack's files. Private to src/lang.c and src/lang/: not a module header.
 * The packs themselves are listed once, in src/lang/registry.def.
 */
#ifndef SMSDESK_LANG_PACKS_H
#define SMSDESK_LANG_PACKS_H

#include "smsdesk/lang.h"
#include "smsdesk/when_vocab.h"

/* Each pack's lexicon (<code>_reader.c, NULL-terminated), its replies
 * (<code>_replies.c), its time words (<code>_when.c) and its words of
 * trade work (<code>_jobs.c). */
#define LANG_PACK(code)                                                        \
	extern const struct lang_word lang_##code##_words[];                   \
	extern const struct lang_word lang_##code##_asks[];                    \
	extern const struct lang_pack lang_pack_##code;                        \
	extern const struct lang_jobs lang_##code##_jobs;                      \
	extern const struct lang_whose lang_##code##_whose;                    \
	extern const struct when_vocab when_vocab_##code;
#include "registry.def"
#undef LANG_PACK

/* Packs whose catalog words take endings (struct lang_stems). */
extern const struct lang_stems lang_tr_stems; /* tr_reader.c */
extern const struct lang_stems lang_de_stems; /* de_stems.c */

#endif
