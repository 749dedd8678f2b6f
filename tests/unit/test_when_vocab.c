/*
 * when_vocab: every language pack is well formed (entries fold to words,
 * values in range, nothing listed twice), and the design holds other
 * languages as data alone: a small German, French and Turkish table written
 * here (not shipped: the languages work writes the real packs) reads
 * "übermorgen", "après-demain", "yarın öbür gün", "um 10 Uhr", "10h30",
 * "saat 10" and "3 gün sonra" with no change to the reader.
 */
#include "harness.h"

#include "smsdesk/catalog.h"
#include "smsdesk/when.h"
#include "smsdesk/when_vocab.h"

#include <string.h>

int lex_fold(const char *text, char *out, size_t cap); /* src/when_lex.c */

static int value_ok(const struct when_word *w)
{
	int v = w->value;

	switch (w->sense) {
	case WS_REL_DAY:
		return v >= -7 && v <= 7;
	case WS_WEEKDAY:
		return v >= 0 && v <= 6;
	case WS_MONTH:
		return v >= 1 && v <= 12;
	case WS_HOLIDAY: {
		int kind = v >> 24;
		if (kind == WHEN_HOL_FIXED)
			return ((v >> 8) & 0xFF) >= 1 &&
			       ((v >> 8) & 0xFF) <= 12 && (v & 0xFF) >= 1 &&
			       (v & 0xFF) <= 31;
		if (kind == WHEN_HOL_EASTER)
			return (v & 0xFFFF) - 512 >= -200 &&
			       (v & 0xFFFF) - 512 <= 200;
		if (kind == WHEN_HOL_NTH)
			return ((v >> 16) & 0xFF) >= 1 &&
			       ((v >> 16) & 0xFF) <= 12 &&
			       ((v >> 8) & 0xF) <= 6;
		return 0;
	}
	case WS_UNIT_DAYS:
		return v >= 1 && v <= 366;
	case WS_WEEK_ON: /* days: 0 a week, "fortnight on" 14 */
		return v >= 0 && v <= 28 && v % 7 == 0;
	case WS_LATER: /* 1: may count from the day talked about */
		return v == 0 || v == 1;
	case WS_AFTER:	/* 1 "a partir de" (from the day), 2 "de" (times) */
	case WS_BEFORE: /* 1 "by" (the day included), 2 "till" (times);
			 * WV_OWN_DAY "je sors du boulot à" */
		return (v >= 0 && v <= 2) || v == WV_OWN_DAY;
	case WS_BETWEEN: /* WV_SPAN_ONLY: "de 20 a 22", never "de 5" */
		return v == 0 || v == WV_SPAN_ONLY;
	case WS_ANCHOR: /* days from the day talked about ("ese día",
			 * "that same day": 0, the day itself) */
		return v >= -28 && v <= 28;
	case WS_UNIT_MIN:
	case WS_DURATION:
		return v >= 1 && v <= 24 * 60;
	case WS_NUMBER:
		return v >= 1 && v <= 59;
	case WS_FEW:
		return v >= 2 && v <= 14;
	case WS_ORDINAL:
		return v >= 1 && v <= 31;
	case WS_WEEK:
		return v == 0 || v == 1;
	case WS_NEXT: /* days ahead a weekday after it skips */
		return v >= 0 && v <= 3;
	case WS_ORD_SUFFIX: /* 1: a list's ordinal ("le 2e" is the second
			     * one offered), a date only with a date word */
		return v == 0 || v == 1;
	case WS_COUNTED: /* 1: only after a number word ("one for me") */
		return v == 0 || v == 1;
	case WS_MONTH_PART: /* 1 early, 2 middle, 3 end of a month */
		return v >= 1 && v <= 3;
	case WS_CLOCK:
		return v >= 0 && v < 24 * 60;
	case WS_OCLOCK: /* WV_H24: "7h", the 24-hour clock */
		return v == 0 || v == WV_H24;
	case WS_MIN_BEFORE:
	case WS_MIN_AFTER:
		return v >= -45 && v <= 45 && v != 0;
	case WS_WINDOW:
	case WS_WINDOW_TODAY:
		return v / 2048 >= 0 && v / 2048 < v % 2048 &&
		       v % 2048 <= 24 * 60;
	default:
		return v == 0;
	}
}

static void check_pack(const struct when_vocab *vb)
{
	char a[128], b[128];

	TEST_BEGIN("pack %s: %zu entries well formed", vb->lang, vb->n_words);
	CHECK(vb->n_words > 0);
	CHECK(strlen(vb->lang) == 2);
	CHECK(when_vocab_find(vb->lang) == vb);
	for (size_t i = 0; i < vb->n_words; i++) {
		const struct when_word *w = &vb->words[i];
		int n = lex_fold(w->text, a, sizeof(a));
		if (n <= 0 || !value_ok(w) || w->sense == WS_NONE ||
		    w->sense > WS_FALLBACK) {
			printf("  %s: \"%s\" (sense %u, value %d) is not well "
			       "formed\n",
			       vb->lang, w->text, w->sense, w->value);
			CHECK(0);
		}
		for (size_t j = i + 1; j < vb->n_words; j++) {
			const struct when_word *x = &vb->words[j];
			if (x->sense != w->sense)
				continue;
			lex_fold(x->text, b, sizeof(b));
			if (strcmp(a, b) == 0) {
				printf("  %s: \"%s\" and \"%s\" are one entry "
				       "twice\n",
				       vb->lang, w->text, x->text);
				CHECK(0);
			}
		}
	}
	TEST_END();
}

static void test_fold(void)
{
	char out[128];

	CHECK_INT(lex_fold("Pasado MAÑANA", out, sizeof(out)), 2);
	CHECK_STR(out, "pasado manana");
	lex_fold("après-demain", out, sizeof(out));
	CHECK_STR(out, "apres demain");
	lex_fold("Übermorgen", out, sizeof(out));
	CHECK_STR(out, "ubermorgen");
	lex_fold("yarın öbür gün", out, sizeof(out));
	CHECK_STR(out, "yarin obur gun");
	lex_fold("o'clock new year’s", out, sizeof(out));
	CHECK_STR(out, "oclock new years");
	lex_fold("10h30 straße 1º", out, sizeof(out));
	CHECK_STR(out, "10+h+30 strasse 1+o");
	CHECK_INT(lex_fold("", out, sizeof(out)), 0);
	CHECK_INT(lex_fold("a very long sentence", out, 8), -1);
}

/* A pack written as data only, for languages the reader has not seen. */
static const struct when_word test_words[] = {
    {"übermorgen", WS_REL_DAY, 0, 2},
    {"morgen", WS_REL_DAY, 0, 1},
    {"heute", WS_REL_DAY, 0, 0},
    {"um", WS_AT, 0, 0},
    {"uhr", WS_OCLOCK, 0, 0},
    {"halb", WS_MIN_BEFORE, 0, -30},
    {"nächsten", WS_NEXT, 0, 0},
    {"montag", WS_WEEKDAY, 0, 0},
    {"am", WS_SKIP, 0, 0},
    {"après-demain", WS_REL_DAY, 0, 2},
    {"demain", WS_REL_DAY, 0, 1},
    {"à", WS_AT, 0, 0},
    {"h", WS_OCLOCK, 0, 0},
    {"dans", WS_IN, 0, 0},
    {"jours", WS_UNIT_DAYS, 0, 1},
    {"yarın öbür gün", WS_REL_DAY, 0, 2},
    {"yarın", WS_REL_DAY, 0, 1},
    {"saat", WS_AT, 0, 0},
    {"gün", WS_UNIT_DAYS, 0, 1},
    {"sonra", WS_LATER, 0, 0},
    {"buçuk", WS_MIN_AFTER, 0, 30},
    {"gelecek", WS_NEXT, 0, 0},
    {"pazartesi", WS_WEEKDAY, 0, 0},
};
static const struct when_vocab test_pack = {
    .lang = "xx",
    .words = test_words,
    .n_words = sizeof(test_words) / sizeof(test_words[0]),
    .day_first = 1,
};

static void test_other_languages_as_data(void)
{
	/* Mon 2026-11-30 10:00; hours Mon-Fri 9-18. */
	static struct cat_hours hours[] = {{0x1f, 540, 1080, 1}};
	static struct catalog cat = {.hours = hours, .n_hours = 1};
	const struct when_vocab *packs[] = {&test_pack};
	struct when_local now;
	struct when_req r;
	static const struct {
		const char *text;
		int mday, month, minute;
	} v[] = {
	    {"übermorgen", 2, 12, -1},
	    {"ubermorgen um 10 Uhr", 2, 12, 600},
	    {"morgen um halb 3", 1, 12, 870},
	    {"am nächsten Montag", 7, 12, -1},
	    {"après-demain à 10h30", 2, 12, 630},
	    {"demain 15h", 1, 12, 900},
	    {"dans 3 jours", 3, 12, -1},
	    {"yarın öbür gün saat 10", 2, 12, 600},
	    {"yarın saat 3 buçuk", 1, 12, 930},
	    {"3 gün sonra", 3, 12, -1},
	    {"gelecek pazartesi", 7, 12, -1},
	};

	when_day_make(2026, 11, 30, &now.day);
	now.minute = 600;
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		TEST_BEGIN("as data: \"%s\"", v[i].text);
		when_read(v[i].text, &now, &cat, packs, 1, &r);
		CHECK_INT(r.problem, WHEN_FINE);
		CHECK_INT(r.has_day, 1);
		CHECK_INT(r.day.mday, v[i].mday);
		CHECK_INT(r.day.month, v[i].month);
		if (v[i].minute >= 0) {
			CHECK_INT(r.time, WHEN_TIME_AT);
			CHECK_INT(r.from_min, v[i].minute);
		} else {
			CHECK_INT(r.time, WHEN_TIME_NONE);
		}
		CHECK_INT(r.unsure, 0);
		TEST_END();
	}
}

int main(void)
{
	RUN(test_fold);
	for (size_t i = 0; i < when_n_vocabs; i++)
		check_pack(when_vocabs[i]);
	test_other_languages_as_data();
	return h_done();
}
