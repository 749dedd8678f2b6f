/* The time reader's language packs built into smsdesk (when_vocab.h), in
 * the order of the registry (src/lang/registry.def). */
#include "smsdesk/when_vocab.h"

#include <string.h>

#include "lang_packs.h"

const struct when_vocab *const when_vocabs[] = {
#define LANG_PACK(code) &when_vocab_##code,
#include "registry.def"
#undef LANG_PACK
};
const size_t when_n_vocabs = sizeof(when_vocabs) / sizeof(when_vocabs[0]);

const struct when_vocab *when_vocab_find(const char *lang)
{
	for (size_t i = 0; lang != NULL && i < when_n_vocabs; i++)
		if (strcmp(when_vocabs[i]->lang, lang) == 0)
			return when_vocabs[i];
	return NULL;
}
