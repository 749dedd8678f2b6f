/*
 * The time reader never invents a day: a property over generated texts.
 *
 * Each text mixes known words that are not about time, unknown words,
 * numbers and punctuation with at most one day expression whose day the
 * generator computes itself (a relative day, a weekday with its modifiers
 * and typos, "in N days", a holiday, a date, a weekend or week), at most one
 * time expression, and sometimes a date-like phrase no reader can place
 * ("smurf day", "the 3rd of smarch"). The properties, for every text:
 *
 *   1. no day expression        -> has_day == 0 and has_range == 0
 *   2. a day expression          -> the day (or span) the generator computed
 *   3. an unplaceable phrase and no day expression -> unsure == 1
 *   4. no time expression and no number -> time == WHEN_TIME_NONE
 *
 * WHEN_PROPS_N sets the number of texts (default 20000), WHEN_PROPS_SEED
 * the seed; a failure prints the text and its reading.
 */
#include "harness.h"

#include "smsdesk/catalog.h"
#include "smsdesk/civil.h"
#include "smsdesk/when.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_state;

static uint32_t rnd(uint32_t n)
{
	/* xorshift64*: deterministic across platforms. */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 2685821657736338717ULL) >> 33) % n;
}

#define PICK(a) ((a)[rnd(sizeof(a) / sizeof((a)[0]))])

/* Known words that say nothing about time. */
static const char *const noise[] = {
    "haircut",	"beard", "trim",  "please", "pls",	   "thanks", "hi",
    "can",	"i",	 "book",  "cut",    "me",	   "my",     "son",
    "is",	"there", "space", "cheers", "x",	   "ok",     "lol",
    "u",	"do",	 "you",	  "have",   "how",	   "much",   "price",
    "hello",	"want",	 "need",  "get",    "quick",	   "wash",   "style",
    "fade",	"short", "sides", "back",   "mate",	   "ta",     "xx",
    "hiya",	"would", "like",  "a",	    "appointment", "is",     "it",
    "possible", "Sam",	 "here",  "again",  "same",	   "as",     "usual",
};

/* Unknown words: letters no day, month or time word is near. */
static void unknown_word(char *out, size_t cap)
{
	static const char letters[] = "bcgjkpqvxz";
	size_t n = 3 + rnd(6);
	if (n >= cap)
		n = cap - 1;
	for (size_t i = 0; i < n; i++)
		out[i] = letters[rnd(sizeof(letters) - 1)];
	out[n] = '\0';
}

static const char *const numbers[] = {"2",  "30",  "£18", "07700900123",
				      "x2", "100", "5"};
static const char *const punct[] = {"", "", "", "!", "?", ",", "!!", "."};

/* Phrases that look like a date but name none any reader can place. */
static const char *const unplaceable[] = {
    "smurf day",
    "the 3rd of smarch",
    "in 5 sleeps",
    "graduation day",
    "bank holiday",
    "payday",
    "mothers day",
    "half term",
    "snorkel day",
    "in a few weeks",
    "the 9th of grumbuary",
};

/* Times (no day). */
static const char *const times[] = {
    "10am",
    "2pm",
    "at 11",
    "half 3",
    "quarter past 2",
    "after 4",
    "at 3:30",
    "in the evening",
    "morning",
    "before 12",
    "11ish",
    "15h",
    "7 in the evening",
};

static const char *const wd_names[7][3] = {
    {"monday", "mon", "mondya"},       {"tuesday", "tues", "tuesdya"},
    {"wednesday", "weds", "wednsday"}, {"thursday", "thurs", "thrusday"},
    {"friday", "fri", "fridya"},       {"saturday", "sat", "satuday"},
    {"sunday", "sun", "sundya"},
};
static const char *const month_names[12] = {
    "january", "february", "march",	"april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december",
};
static const char *const num_words[] = {"",	"one", "two",	"three", "four",
					"five", "six", "seven", "eight"};

struct expect {
	int kind; /* 0 none, 1 day, 2 range */
	int64_t day, first, last;
};

/* A day expression relative to TODAY (weekday WD); fills out and e. */
static void day_expr(int64_t today, int wd, char *out, size_t cap,
		     struct expect *e)
{
	int w = (int)rnd(7), form = (int)rnd(3);
	int coming = (w - wd + 7) % 7;
	int y, m, d;

	civil_from_days(today, &y, &m, &d);
	e->kind = 1;
	switch (rnd(12)) {
	case 0: {
		static const char *const r[] = {
		    "today", "tday",	"tomorrow", "tmrw",
		    "tomoz", "tomorow", "2moro",    "day after tomorrow"};
		static const int v[] = {0, 0, 1, 1, 1, 1, 1, 2};
		int k = (int)rnd(8);
		snprintf(out, cap, "%s", r[k]);
		e->day = today + v[k];
		break;
	}
	case 1:
	case 2:
		snprintf(out, cap, "%s%s", rnd(2) ? "" : "on ",
			 wd_names[w][form]);
		e->day = today + coming;
		break;
	case 3:
		/* that weekday of next calendar week (weeks start on
		 * Monday): on a Wednesday, "next thursday" is 8 days on */
		snprintf(out, cap, "next %s", wd_names[w][form]);
		e->day = today + 7 - wd + w;
		break;
	case 4:
		snprintf(out, cap, "the %s after next", wd_names[w][form]);
		e->day = today + (coming == 0 ? 7 : coming) + 7;
		break;
	case 5:
		if (rnd(2))
			snprintf(out, cap, "%s week", wd_names[w][form]);
		else
			snprintf(out, cap, "a week on %s", wd_names[w][form]);
		e->day = today + coming + 7;
		break;
	case 6: {
		int n = 1 + (int)rnd(8), weeks = (int)rnd(2);
		const char *unit = weeks ? (n == 1 ? "week" : "weeks")
					 : (n == 1 ? "day" : "days");
		if (rnd(2))
			snprintf(out, cap, "in %d %s", n, unit);
		else
			snprintf(out, cap, "in %s %s", num_words[n], unit);
		e->day = today + n * (weeks ? 7 : 1);
		break;
	}
	case 7: {
		static const char *const h[] = {"christmas", "boxing day",
						"halloween", "new years eve",
						"valentines day"};
		static const int hm[] = {12, 12, 10, 12, 2},
				 hd[] = {25, 26, 31, 31, 14};
		int k = (int)rnd(5);
		snprintf(out, cap, "%s", h[k]);
		e->day = civil_days(y, hm[k], hd[k]);
		if (e->day < today)
			e->day = civil_days(y + 1, hm[k], hd[k]);
		break;
	}
	case 8:
	case 9: {
		int dd = 1 + (int)rnd(28), mm = 1 + (int)rnd(12);
		switch (rnd(3)) {
		case 0:
			snprintf(out, cap, "%d/%d", dd, mm);
			break;
		case 1:
			snprintf(out, cap, "%d%s %s", dd,
				 dd == 1 || dd == 21   ? "st"
				 : dd == 2 || dd == 22 ? "nd"
				 : dd == 3 || dd == 23 ? "rd"
						       : "th",
				 month_names[mm - 1]);
			break;
		default:
			snprintf(out, cap, "%s %d", month_names[mm - 1], dd);
			break;
		}
		e->day = civil_days(y, mm, dd);
		if (e->day < today)
			e->day = civil_days(y + 1, mm, dd);
		break;
	}
	case 10: {
		/* this weekend */
		int64_t sat = today + (wd == 6 ? -1 : 5 - wd);
		snprintf(out, cap, "%s",
			 rnd(2) ? "this weekend" : "at the weekend");
		e->kind = 2;
		e->first = sat < today ? today : sat;
		e->last = sat + 1;
		break;
	}
	default: {
		int64_t mon = today - wd + 7;
		snprintf(out, cap, "next week");
		e->kind = 2;
		e->first = mon;
		e->last = mon + 6;
		break;
	}
	}
}

int main(void)
{
	static struct cat_hours hours[] = {{0x1f, 540, 1080, 1},
					   {0x20, 540, 780, 2}};
	static struct catalog cat = {.hours = hours, .n_hours = 2};
	const char *ns = getenv("WHEN_PROPS_N"),
		   *ss = getenv("WHEN_PROPS_SEED");
	long n = ns != NULL ? atol(ns) : 20000;
	rng_state = ss != NULL ? strtoull(ss, NULL, 10) : 20261130;
	if (rng_state == 0)
		rng_state = 1;
	long bad[4] = {0, 0, 0, 0}, with_day = 0, with_unsure = 0;

	printf("seed %llu, %ld texts\n", (unsigned long long)rng_state, n);
	for (long it = 0; it < n; it++) {
		char text[512], part[96], word[16];
		size_t len = 0;
		struct expect e = {0, 0, 0, 0};
		int has_time = 0, has_num = 0, has_unplaceable = 0;
		int64_t today = civil_days(2026, 1, 1) + rnd(730);
		int wd = civil_weekday(today);

		/* Slots: noise ... [day] ... [time] ... [unplaceable] ... */
		int want_day = rnd(3) != 0, want_time = rnd(2) != 0;
		int want_odd = rnd(4) == 0;
		int slots = 2 + (int)rnd(6);
		int day_at = want_day ? (int)rnd(slots) : -1;
		int time_at = want_time ? (int)rnd(slots) : -1;
		int odd_at = want_odd ? (int)rnd(slots) : -1;
		int prev_noise = 0;
		if (rnd(8) == 0)
			len += (size_t)snprintf(text + len, sizeof(text) - len,
						"may i ");
		for (int s = 0; s < slots; s++) {
			int noise_word = 0;
			part[0] = '\0';
			if (s == day_at) {
				day_expr(today, wd, part, sizeof(part), &e);
			} else if (s == time_at) {
				snprintf(part, sizeof(part), "%s", PICK(times));
				has_time = 1;
			} else if (s == odd_at) {
				snprintf(part, sizeof(part), "%s",
					 PICK(unplaceable));
				has_unplaceable = 1;
			} else if (prev_noise && s + 1 < slots &&
				   s + 1 != day_at && s + 1 != time_at &&
				   s + 1 != odd_at && rnd(4) == 0) {
				/* A number only between two plain words. */
				snprintf(part, sizeof(part), "%s",
					 PICK(numbers));
				has_num = 1;
			} else if (rnd(3) == 0) {
				unknown_word(word, sizeof(word));
				snprintf(part, sizeof(part), "%s", word);
				noise_word = 1;
			} else {
				snprintf(part, sizeof(part), "%s", PICK(noise));
				noise_word = 1;
			}
			if (has_num && !noise_word && s > 0 && part[0] >= '0' &&
			    part[0] <= '9')
				noise_word = 0;
			/* Random case for the first letter. */
			if (rnd(4) == 0 && part[0] >= 'a' && part[0] <= 'z')
				part[0] = (char)(part[0] - 'a' + 'A');
			len += (size_t)snprintf(text + len, sizeof(text) - len,
						"%s%s%s", part, PICK(punct),
						s + 1 < slots ? " " : "");
			prev_noise = noise_word;
			if (len >= sizeof(text) - 1)
				break;
		}

		struct when_local now;
		civil_from_days(today, &now.day.year, &now.day.month,
				&now.day.mday);
		now.day.wday = wd;
		now.minute = (int)rnd(24 * 60);
		struct when_req r;
		when_parse(text, &now, &cat, &r);

		int64_t got =
		    r.has_day ? civil_days(r.day.year, r.day.month, r.day.mday)
			      : 0;
		int fail = -1;
		if (e.kind == 0 && (r.has_day || r.has_range))
			fail = 0;
		else if (e.kind == 1 && (!r.has_day || got != e.day))
			fail = 1;
		else if (e.kind == 2 &&
			 (!r.has_range ||
			  civil_days(r.range_first.year, r.range_first.month,
				     r.range_first.mday) != e.first ||
			  civil_days(r.range_last.year, r.range_last.month,
				     r.range_last.mday) != e.last))
			fail = 1;
		else if (e.kind == 0 && has_unplaceable && !r.unsure)
			fail = 2;
		else if (!has_time && !has_num && r.time != WHEN_TIME_NONE)
			fail = 3;
		with_day += r.has_day || r.has_range;
		with_unsure += r.unsure;
		if (fail >= 0) {
			char how[256];
			when_describe(text, &r, how, sizeof(how));
			if (bad[fail]++ < 5)
				printf(
				    "  property %d fails (today %04d-%02d-%02d "
				    "%02d:%02d): \"%s\"\n    read: %s\n",
				    fail + 1, now.day.year, now.day.month,
				    now.day.mday, now.minute / 60,
				    now.minute % 60, text, how);
		}
	}
	printf("%ld texts: %ld with a day or span read, %ld unsure\n", n,
	       with_day, with_unsure);
	static const char *const names[4] = {
	    "no day expression: no day read", "a day expression: that day read",
	    "an unplaceable phrase alone: unsure",
	    "no time expression or number: no time read"};
	for (int p = 0; p < 4; p++) {
		TEST_BEGIN("property %d: %s", p + 1, names[p]);
		CHECK_INT(bad[p], 0);
		TEST_END();
	}
	return h_done();
}
