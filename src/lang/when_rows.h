/*
 * when_rows: the row macros every language's time vocabulary (src/lang/
 * *_when.c) writes its table with. Private to src/lang; each pack used to
 * define its own copies. E is a plain word, W a weak one (a time word only
 * next to another, WF_WEAK); a pack with other rows defines its own.
 */
#ifndef SMSDESK_LANG_WHEN_ROWS_H
#define SMSDESK_LANG_WHEN_ROWS_H

#include "smsdesk/when_vocab.h"

#define E(t, s, v)                                                             \
	{                                                                      \
		t, s, 0, v                                                     \
	}
#define W(t, s, v)                                                             \
	{                                                                      \
		t, s, WF_WEAK, v                                               \
	}

#endif
