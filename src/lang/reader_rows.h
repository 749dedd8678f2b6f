/*
 * reader_rows: the row macros every language's reader lexicon (src/lang/
 * *_reader.c) writes its table with. Private to src/lang; each pack used to
 * define its own copies. W is a word and its classes, V one with a value,
 * NT a word that says the text is not for the desk (LANG_NT_*).
 */
#ifndef SMSDESK_LANG_READER_ROWS_H
#define SMSDESK_LANG_READER_ROWS_H

#include <stdint.h>

#define W(t, c)                                                                \
	{                                                                      \
		t, (uint64_t)(c), 0                                            \
	}
#define V(t, c, v)                                                             \
	{                                                                      \
		t, (uint64_t)(c), v                                            \
	}
/* A complaint: for a person, and the reply says sorry (LANG_NT_SORRY). */
#define NC(t)                                                                  \
	{                                                                      \
		t, LW_NOT_TEXT, LANG_NT_OTHER | LANG_NT_SORRY                  \
	}
/* The customer's own, told (LANG_NT_TOLD): "my address is ...". */
#define NTOLD(t)                                                               \
	{                                                                      \
		t, LW_NOT_TEXT, LANG_NT_OTHER | LANG_NT_TOLD                   \
	}
/* Who covers the cost (LANG_NT_COVER): a payment question. */
#define NCOVER(t)                                                              \
	{                                                                      \
		t, LW_NOT_TEXT, LANG_NT_PAYMENT | LANG_NT_COVER                \
	}
/* A customer in crisis (LANG_NT_CRISIS): first-person words only. */
#define NCRISIS(t)                                                             \
	{                                                                      \
		t, LW_NOT_TEXT, LANG_NT_OTHER | LANG_NT_CRISIS                 \
	}
/* How long a result lasts (LANG_NT_LASTS). */
#define NLASTS(t)                                                              \
	{                                                                      \
		t, LW_NOT_TEXT, LANG_NT_OTHER | LANG_NT_LASTS                  \
	}
/* A gift voucher (LANG_NT_GIFT), a question of kind v about it. */
#define NGIFT(t, v)                                                            \
	{                                                                      \
		t, LW_NOT_TEXT, LANG_NT_##v | LANG_NT_GIFT                     \
	}
#define NT(t, v)                                                               \
	{                                                                      \
		t, LW_NOT_TEXT, LANG_NT_##v                                    \
	}

#endif
