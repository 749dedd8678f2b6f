/*
 * when_vocab: what the time reader knows of a language, as data.
 *
 * A language pack for the reader is one table of words and phrases, each
 * with a sense (what it does in a date or time) and a value. The reader's
 * rules are written on senses only, so another language is another table
 * (src/lang/<code>_when.c), never another code path. Several packs can be
 * read at once (a business answering in Spanish and English).
 *
 * How text is matched: the customer's text and every entry are cut into
 * words the same way — lower case, accents folded ("mañana" = "manana",
 * "übermorgen" = "ubermorgen", "yarın" = "yarin"), an apostrophe inside a
 * word dropped ("o'clock" = "oclock", "year's" = "years"), and any other
 * punctuation separating ("après-demain" = "apres demain"). Digits and
 * letters split ("10h30" = "10" "h" "30"). An entry of several words
 * matches those words in a row; the longest entry wins where several start
 * at the same word. The same text may appear with different senses (in
 * one pack or across packs); each rule looks for the sense it needs.
 *
 * A day word and a part of the day written as one word ("freitagabend",
 * "montagmorgen") are read as the two words.
 *
 * Typos: day, month and relative-day words of 5 letters or more also match
 * at one edit (a letter missing, extra, changed or two swapped, first letter
 * kept): "wednsday", "thrusday", "febuary". Shorter forms and SMS spellings
 * ("tmrw", "tomoz", "weds", "thurs") are listed as entries. An everyday
 * word one edit from such a word ("kesim" beside "kasım", "yapın" beside
 * "yarın") is listed as WS_NOT_DATE, so it is never read as the typo.
 *
 * To add a language: copy src/lang/en_when.c, translate the entries (add
 * your language's own phrases freely: every rule below takes words in
 * either order where the sense allows it), add the pack to when_vocabs[] in
 * src/lang/when_packs.c, and add rows to tests/data/when_corpus.txt.
 * tests/unit/test_when_vocab.c checks every pack: entries fold to words,
 * values are in range, and no entry is listed twice with the same sense.
 *
 * Must never: hold code, or words that change meaning with the country
 * (those are WS_UNPLACED: the reader asks).
 */
#ifndef SMSDESK_WHEN_VOCAB_H
#define SMSDESK_WHEN_VOCAB_H

#include <stddef.h>

/* What a word or phrase does. VALUE's meaning is given per sense. */
enum when_sense {
	WS_NONE,
	/* Days */
	WS_REL_DAY,    /* days from today: "today" 0, "tomorrow" 1,
			* "pasado mañana" 2, "yesterday" -1 */
	WS_WEEKDAY,    /* 0 Monday ... 6 Sunday */
	WS_MONTH,      /* 1 ... 12 */
	WS_HOLIDAY,    /* a day by rule: WHEN_FIXED, WHEN_EASTER, WHEN_NTH */
	WS_NEXT,       /* before or after a weekday/week/weekend/holiday:
			* "next", "coming", "próximo", "que viene";
			* value N: right after a weekday that is 1..N days
			* ahead it means the week after ("jeudi prochain" on
			* a Wednesday); 0 the coming one */
	WS_THIS,       /* "this", "este", "ce" */
	WS_LAST,       /* "last", "pasado": the one before today (past) */
	WS_AFTER_NEXT, /* after a weekday or weekend: "after next" */
	WS_WEEK_ON,    /* before a weekday or relative day: a week later,
			* "a week on", "a week" ("a week on thursday");
			* value: days (0 is 7; "fortnight on" 14) */
	WS_WEEK,       /* "week": after a weekday, a week later ("monday
			* week"); with this/next, the days of that week;
			* value 1: next week by itself ("haftaya") */
	WS_WEEKEND,    /* "weekend", "fin de semana" */
	WS_MONTH_SPAN, /* before a month alone: the whole month is meant
			* ("in december", "during may"); value 0 */
	WS_MDAY,       /* before a bare number: that day of this month, or
			* of the next once gone ("le 12", "dia 12"); a
			* month after the number makes it a date instead */
	/* Counting: "in 5 days", "3 gün sonra", "in an hour" */
	WS_IN,	       /* before N units: "in", "en", "dans", "within" */
	WS_LATER,      /* after N units: "later", "from now", "sonra"; value
			* 1 when it may count from the day being talked
			* about ("6 weeks later"), 0 from today */
	WS_AGO,	       /* after (or before) N units: "ago", "hace" */
	WS_UNIT_DAYS,  /* days per unit: "day" 1, "week" 7, "fortnight" 14 */
	WS_UNIT_MIN,   /* minutes per unit: "hour" 60, "min" 1 */
	WS_DURATION,   /* a span in minutes on its own: "half an hour" 30 */
	WS_NUMBER,     /* a number word: "one" 1, "a" 1, "a couple of" 2 */
	WS_FEW,	       /* "a few", "next few": a span of days (value: how
			* many days it stretches to, e.g. 3) */
	WS_ORDINAL,    /* an ordinal word: "first" 1 ... "thirty-first" 31 */
	WS_ORD_SUFFIX, /* after a number: "st", "nd", "rd", "th", "er"; value
			* 1: a list's ordinal, a date only with a date word
			* after it
			* (fr "2e": "le 2e" is the second one offered) */
	/* Times */
	WS_AT,		 /* before a time: "at", "@", "a las", "um", "saat";
			  * a bare number after it is a time */
	WS_ABOUT,	 /* around a time: "about", "around", "ish" */
	WS_OCLOCK,	 /* after an hour: "o'clock", "uhr", "h", "heures" */
	WS_AM,		 /* after a time: "am", "in the morning" (value 0) */
	WS_PM,		 /* after a time: "pm" (value 0) */
	WS_CLOCK,	 /* a time by name: "noon" 720, "midnight" 0 */
	WS_MIN_BEFORE,	 /* minutes added to the hour that follows: "half
			  * past" 30, "quarter to" -15, "half" 30 (en),
			  * "halb" -30 (de) */
	WS_MIN_AFTER,	 /* minutes added to the hour before: "y media" 30,
			  * "et quart" 15, "buçuk" 30 */
	WS_PAST,	 /* "N past H": "past" */
	WS_TO_HOUR,	 /* "N to H" with N a word: "to", "before" */
	WS_WINDOW,	 /* a part of the day: WHEN_SPAN(from, to) minutes */
	WS_WINDOW_TODAY, /* a part of today: "tonight", "this evening" */
	WS_AFTER,	 /* an open window from a time: "after", "from";
			  * value 1 ("from", "à partir de"): before a day,
			  * the span starts on that day, else the day after */
	WS_BEFORE,	 /* an open window to a time: "before", "by" */
	WS_BETWEEN,	 /* "between", "entre" */
	WS_TO,		 /* joins two ends: "and", "to", "till", "-" */
	WS_ASAP,	 /* the earliest: "asap", "earliest", "cuanto antes" */
	WS_ASAP_WEAK, /* the earliest unless a time is named: "now", "soon" */
	/* Asking, never guessing */
	WS_DATE_NOUN, /* "day", "holiday", "eve": after a word the reader
		       * does not know, a day it cannot place ("boxing day"
		       * in a pack without it): the desk asks */
	WS_UNPLACED,  /* a day the reader knows is one but cannot place
		       * (country-dependent or vague): "bank holiday",
		       * "mother's day", "half term" */
	WS_SKIP,      /* may sit inside a phrase: "the", "of", "on", "de",
		       * "el", "am" (de) */
	WS_NOT_DATE,  /* known words that are not date words, so a
		       * following date noun does not raise doubt ("any
		       * day", "what day", "same day"); a phrase of several
		       * words is read as nothing at all ("guten morgen",
		       * "iyi günler", "merry christmas", "christmas party":
		       * greetings and events, not a day named) */
	/* Days said against another day */
	WS_NOT,	       /* before a day that is not the one meant: "not",
			* "can't make", "instead of" ("I meant tuesday, not
			* tomorrow"): the other day named wins */
	WS_NOT_AFTER,  /* after a day that is not the one meant: "değil"
			* ("cuma değil cumartesi", tr), "olmaz": the other
			* day named wins */
	WS_ANCHOR,     /* a day counted from the booking or day being talked
			* about: "the day before" -1, "the day after" 1 (alone,
			* the reader cannot place it: the desk does) */
	WS_DAY_MARK,   /* a bare number of 1 to 31 right after it is the day
			* of the month: "el 15", "el día 24" (es) */
	WS_MONTH_PART, /* before a month or "month": which part of it, a
			* span of days offered across: 1 early ("early",
			* "beginning of"), 2 middle ("mid"), 3 end ("end
			* of", "late") */
	WS_MONTH_UNIT, /* "month": after this/next, a part, or "in N" */
	WS_COUNTED,    /* after a bare number, what it counts: "kittens",
			* "people", "of us", "cars" ("for 2 kittens" is two
			* of them, never 14:00); a number said as a time
			* ("2pm", "14:00", "2 o'clock") is still one;
			* value 1: only after a number word ("one for me",
			* "one each"), never after digits ("sat 10 for my
			* son" is 10 o'clock) */
	WS_FALLBACK,   /* after a day or time: what follows is a second
			* choice ("11 olmazsa 14", "at 11, otherwise 2", "à
			* 11h sinon 14h"): the first choice is the one read;
			* before any day or time it is nothing */
};

/* Day rules for WS_HOLIDAY. */
#define WHEN_HOL_FIXED	1
#define WHEN_HOL_EASTER 2
#define WHEN_HOL_NTH	3
/* Month M, day D, every year. */
#define WHEN_FIXED(m, d) ((WHEN_HOL_FIXED << 24) | ((m) << 8) | (d))
/* OFF days from Easter Sunday (-200..200). */
#define WHEN_EASTER(off) ((WHEN_HOL_EASTER << 24) | ((off) + 512))
/*
 * The Nth (1..5, -1 last) weekday WD (0 Monday) of month M, then OFF days
 * (-8..7) from it: US Thanksgiving WHEN_NTH(11, 4, 3, 0), Black Friday
 * WHEN_NTH(11, 4, 3, 1).
 */
#define WHEN_NTH(m, n, wd, off)                                                \
	((WHEN_HOL_NTH << 24) | ((m) << 16) | (((n) + 1) << 12) |              \
	 ((wd) << 8) | ((off) + 8))
/* A part of the day, [FROM, TO) in minutes after midnight. */
#define WHEN_SPAN(from, to) ((from)*2048 + (to))

/* Entry flags. */
#define WF_WEAK                                                                \
	1 /* also an ordinary word ("may", "march", "sa"): counts              \
	   * only next to a number, a day or a modifier; a weak number         \
	   * word ("on", ten in Turkish) is an hour after a time word,         \
	   * never a day of the month; one that is also an article ("un",      \
	   * "uma") is an hour only before o'clock or am/pm ("une heure", not  \
	   * "pour un") */
/* A WS_AFTER_NEXT written before what it moves ("übernächsten Montag"). */
#define WF_PRE 2
/*
 * A WS_AFTER or WS_BEFORE written after the time it bounds, as languages
 * with postpositions do ("10'dan sonra", "12'ye kadar").
 */
#define WF_POST 4
/* The value of a WS_AFTER or WS_BEFORE that tells the customer's own day
 * ("je sors du boulot à", "entro a trabajar a las"): a bound when no time
 * was asked, nothing beside one. */
#define WV_OWN_DAY 3
/* The value of a WS_BETWEEN that opens a span only with both its ends
 * ("de 20 a 22", "das 20 às 22"): the word alone ("un grupo de 5") bounds
 * nothing. */
#define WV_SPAN_ONLY 5
/* The value of a WS_OCLOCK written on the hour ("7h") in a language that
 * writes the 24-hour clock: the hour as written, never asked am or pm. */
#define WV_H24 24
/* A part of the day that leaves a bare number before it a date after a
 * weekday ("martes 15 por la mañana": the 15th), where "de la mañana"
 * makes it an hour ("martes 10 de la mañana"). */
#define WF_DAYPART 8
/* A WS_NEXT that means the coming one ("this coming friday", "kommenden
 * Freitag"): before a weekday it is that day's next occurrence, where a
 * plain "next friday" is the Friday of next calendar week. */
#define WF_COMING 16

struct when_word {
	const char *text;    /* UTF-8, any case; words separated by spaces */
	unsigned char sense; /* enum when_sense */
	unsigned char flags; /* WF_* */
	int value;
};

struct when_vocab {
	const char *lang; /* ISO 639-1 */
	const struct when_word *words;
	size_t n_words;
	/*
	 * Endings a word may carry in this language (folded, longest
	 * first, NULL-terminated; NULL for none): a word of the text that
	 * no pack knows is read without one when what is left is a word of
	 * this pack ("cumartesiye" = "cumartesi", "sonuna" = "sonu").
	 */
	const char *const *suffixes;
	/*
	 * Numeric dates: 1 when "05/06" is day first (UK, most of the
	 * world), 0 when month first. A business in a month-first country
	 * (business.country "US" and the places that write like it) reads
	 * month first whatever this says, and a date that fits only one way
	 * is read that way.
	 */
	int day_first;
	/*
	 * 1 when a bare number right after a weekday is the day of the month
	 * ("el viernes 10", "samedi 23": Friday the 10th), 0 when it is a
	 * time ("fri 10": Friday at 10). Read from the text's language (the
	 * first pack the reader is given).
	 */
	int wday_date;
	/*
	 * 1 when a weekday named alone on that same weekday is next week's
	 * ("el miércoles" sent on a Wednesday: today is "hoy"), 0 when it
	 * is today. "este miércoles" and "hoy" still name today.
	 */
	int wday_same_next;
	/*
	 * 1 when a clock time written with a colon is as written, the 24-hour
	 * clock ("10:00" is ten in the morning; the evening is "22:00"), 0
	 * when a colon time under 12 may be either (en, and es, pt, where "a
	 * las 8:30" may be the evening).
	 */
	int colon_24h;
	/*
	 * 1 when an hour with the pack's o'clock word is as written ("um 10
	 * Uhr" is ten in the morning; the evening is "um 22 Uhr"): German.
	 */
	int oclock_24h;
	/*
	 * 1 when an hour written as a word needs its hour word ("à deux
	 * heures"): "on peut venir à deux ?" is as two, never two o'clock
	 * (French).
	 */
	int word_hour_marked;
	/*
	 * 1 when "next <weekday>" is the coming one, skipped a week only when
	 * the "next" word after it says the weekday is that near (its WS_NEXT
	 * value: "jeudi prochain" on a Wednesday is next week's, "vendredi
	 * prochain" this Friday, "le prochain jeudi" the coming one) — how
	 * French speakers read it (review fr2); 0 when it is that weekday of
	 * next calendar week ("next Thursday" on a Wednesday: 8 days on).
	 */
	int next_coming;
	/*
	 * 1 when a word two edits from a day or month name is no doubt: in
	 * a language whose endings make many everyday words that near one
	 * ("aracım", "aradım", "hazırım", "olursun" beside "aralık",
	 * "haziran", "öbürgün"), such a word is far likelier meant than a
	 * misspelt date. 0 (the default): it makes the reader ask.
	 */
	int no_near_doubt;
};

/* The packs built in, and one by ISO 639-1 code (NULL if none). */
extern const struct when_vocab when_vocab_en;
extern const struct when_vocab when_vocab_es;
extern const struct when_vocab when_vocab_de;
extern const struct when_vocab when_vocab_tr;
extern const struct when_vocab *const when_vocabs[];
extern const size_t when_n_vocabs;
const struct when_vocab *when_vocab_find(const char *lang);

#endif
