/*
 * Invariant 7 as a property (DESIGN.md): a booking is made only for a day
 * and a time the customer's text, or the conversation, named. Generated
 * catalogs (zones, hours, services) and generated conversations: each text
 * is built from pieces whose true meaning the generator knows ("tmrw",
 * "next fri", "in 3 days", "27/3", "2pm", "half 3"), mixed with pieces that
 * name no day or name it wrongly on purpose ("smarch 3rd", "yesterday",
 * "thursday the 27th" when the 27th is no Thursday, "i'm 25", "room 12").
 * Whatever the desk does, every booking it makes must fall on a day and at
 * a time named so far in that conversation, or be a slot it offered and
 * the customer picked. Seeded PRNG (DESK_SEED), so a failure replays.
 *
 * Then the same for every other language pack in the registry
 * (src/lang/registry.def): a business answering in that language only, and
 * texts whose pieces come from the pack's own time vocabulary
 * (src/lang/<code>_when.c: its relative days, weekdays, months, "in N
 * days", holidays, "at", o'clock, half and quarter words, names of times)
 * and lexicon (greetings, thanks, yes), with the meaning the vocabulary
 * gives them; pieces that name no day are its words for days before today
 * and the days it knows but cannot place, and weekdays that are not the
 * date's. A pack whose corpus is marked complete (tests/data/lang/<code>/
 * .complete) must also book, offer and ask often enough.
 */
#include "harness.h"

#include "smsdesk/catalog.h"
#include "smsdesk/desk.h"
#include "smsdesk/lang.h"
#include "smsdesk/store.h"
#include "smsdesk/when.h"
#include "smsdesk/when_vocab.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define N_CATALOGS 12
#define N_TALKS	   60
#define MAX_NAMED  16

static uint64_t rng_state;
static int n_booked, n_offers, n_asked, n_talks;
static char history[8][300]; /* the talk so far, for a failure's report */
static int n_history;

static uint32_t rnd(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 2685821657736338717ULL) >> 32);
}

static int pick(int n)
{
	return n <= 0 ? 0 : (int)(rnd() % (uint32_t)n);
}

static const char *const zones[] = {"Europe/London",	"Europe/Dublin",
				    "America/New_York", "Australia/Sydney",
				    "Asia/Kolkata",	"Europe/Berlin"};
static const char *const svc_words[] = {"haircut", "puncture",	 "massage",
					"facial",  "wheel true", "tune up"};
static const char *const wday_names[] = {"mon", "tue", "wed", "thu",
					 "fri", "sat", "sun"};
static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
				     "jul", "aug", "sep", "oct", "nov", "dec"};

/* The language the catalogs answer in, and the zones they may be in. */
static const char *cat_lang = "en";
static const char *const *cat_zones = zones;
static int n_cat_zones = 6;

/* The catalog's zone: a numeric date is written the way its country
 * writes it (month first in the US), and offered days are placed in it. */
static const char *cur_zone = "Europe/London";

static void write_catalog(FILE *fp, int n_svc)
{
	static const char *const days[] = {"mon-fri", "mon-sat", "daily",
					   "tue-sat"};
	int open = 7 * 60 + 30 * pick(6), close = open + 6 * 60 + 30 * pick(8);
	fprintf(fp, "database = \"/tmp/unused.db\";\n"
		    "modems = ( { device = \"/dev/null\"; } );\n");
	cur_zone = cat_zones[pick(n_cat_zones)];
	fprintf(fp,
		"business = { name = \"Named Test\"; timezone = \"%s\";\n"
		"  languages = [ \"%s\" ];\n"
		"  hours = ( { days = \"%s\"; open = \"%02d:%02d\"; close = "
		"\"%02d:%02d\"; } ); };\n",
		cur_zone, cat_lang, days[pick(4)], open / 60, open % 60,
		close / 60, close % 60);
	fprintf(fp, "services = (\n");
	for (int i = 0; i < n_svc; i++)
		fprintf(fp,
			"  { id = \"s%d\"; name = \"Service %d\"; words = [ "
			"\"%s\" ]; price = \"EUR %d\"; minutes = %d; "
			"capacity = %d; notice_minutes = %d; }%s\n",
			i, i, svc_words[i], 10 + i, pick(2) ? 30 : 15,
			1 + pick(2), pick(2) ? 0 : 60,
			i + 1 < n_svc ? "," : "");
	fprintf(fp, ");\npolicy = { max_replies_per_hour = 60; "
		    "booking_horizon_days = 90; };\n");
}

/* What the conversation has named so far. */
struct named {
	struct when_day days[MAX_NAMED];
	int n_days;
	int minutes[MAX_NAMED];
	int n_minutes;
	int64_t offered[DESK_MAX_OPTIONS];
	size_t n_offered;
};

static void name_day(struct named *nm, struct when_day d)
{
	if (nm->n_days < MAX_NAMED)
		nm->days[nm->n_days++] = d;
}

static void name_minute(struct named *nm, int m)
{
	if (nm->n_minutes < MAX_NAMED)
		nm->minutes[nm->n_minutes++] = m;
}

static void numeric_date(char *out, size_t cap, struct when_day d)
{
	if (strncmp(cur_zone, "America/New_York", 16) == 0)
		snprintf(out, cap, "%d/%d", d.month, d.mday);
	else
		snprintf(out, cap, "%d/%d", d.mday, d.month);
}

/* "the day before": the day before any day the talk has named or offered
 * (the desk counts it from the day being talked about). */
static void name_day_before(struct named *nm)
{
	int n = nm->n_days;
	for (int i = 0; i < n; i++)
		name_day(nm, when_day_add(nm->days[i], -1));
	for (size_t i = 0; i < nm->n_offered; i++) {
		struct when_local l;
		when_local_of(cur_zone, (time_t)nm->offered[i], &l);
		name_day(nm, when_day_add(l.day, -1));
	}
}

/* A day phrase and what it means (or nothing, on purpose). */
static void day_phrase(const struct when_local *now, char *out, size_t cap,
		       struct named *nm)
{
	struct when_day d;
	int k = pick(9);
	switch (k) {
	case 0:
		snprintf(out, cap, "today");
		name_day(nm, now->day);
		break;
	case 1:
		snprintf(out, cap, pick(2) ? "tomorrow" : "tmrw");
		name_day(nm, when_day_add(now->day, 1));
		break;
	case 2: {
		int n = 2 + pick(5);
		snprintf(out, cap, "in %d days", n);
		name_day(nm, when_day_add(now->day, n));
		break;
	}
	case 3: {
		/* "next fri": that day of next calendar week, weeks
		 * starting on Monday (r4 review; was the first after
		 * today) */
		int w = pick(7);
		d = when_day_add(now->day, 7 - now->day.wday + w);
		snprintf(out, cap, "next %s", wday_names[w]);
		name_day(nm, d);
		break;
	}
	case 4:
		d = when_day_add(now->day, 1 + pick(30));
		numeric_date(out, cap, d);
		name_day(nm, d);
		break;
	case 5:
		d = when_day_add(now->day, 1 + pick(30));
		snprintf(out, cap, "%d%s %s", d.mday,
			 d.mday % 10 == 1 && d.mday != 11   ? "st"
			 : d.mday % 10 == 2 && d.mday != 12 ? "nd"
			 : d.mday % 10 == 3 && d.mday != 13 ? "rd"
							    : "th",
			 months[d.month - 1]);
		name_day(nm, d);
		break;
	case 6: {
		/* a weekday that is not that date's: names no day */
		d = when_day_add(now->day, 2 + pick(20));
		snprintf(out, cap, "%s the %d%s",
			 wday_names[(d.wday + 1 + pick(6)) % 7], d.mday,
			 d.mday == 1 || d.mday == 21 || d.mday == 31 ? "st"
			 : d.mday == 2 || d.mday == 22		     ? "nd"
			 : d.mday == 3 || d.mday == 23		     ? "rd"
								     : "th");
		break;
	}
	case 7: {
		static const char *const none[] = {
		    "smarch 3rd", "yesterday", "someday",   "the day before",
		    "whenever",	  "soonish",   "last week", "blursday"};
		snprintf(out, cap, "%s", none[pick(8)]);
		if (strcmp(out, "the day before") == 0)
			name_day_before(nm);
		break;
	}
	default:
		out[0] = '\0';
		break;
	}
}

/* A time phrase and what it may mean (both halves of the day for a bare
 * or half-past hour; the reader settles it against the hours). */
static void time_phrase(char *out, size_t cap, struct named *nm)
{
	int h = 7 + pick(12), m = pick(2) ? 0 : 30;
	switch (pick(8)) {
	case 0:
		snprintf(out, cap, "%d%s", h % 12 == 0 ? 12 : h % 12,
			 h < 12 ? "am" : "pm");
		name_minute(nm, h * 60);
		break;
	case 1:
		snprintf(out, cap, "at %02d:%02d", h, m);
		name_minute(nm, h * 60 + m);
		break;
	case 2:
		snprintf(out, cap, "half %d", h % 12 == 0 ? 12 : h % 12);
		name_minute(nm, (h % 12) * 60 + 30);
		name_minute(nm, (h % 12 + 12) * 60 + 30);
		break;
	case 3:
		snprintf(out, cap, "at %d", h % 12 == 0 ? 12 : h % 12);
		name_minute(nm, (h % 12) * 60);
		name_minute(nm, (h % 12 + 12) * 60);
		break;
	case 4:
		snprintf(out, cap, "noon");
		name_minute(nm, 12 * 60);
		break;
	case 5: {
		static const char *const none[] = {
		    "i'm 25", "room 12", "2 bikes", "x3", "asap", "later"};
		snprintf(out, cap, "%s", none[pick(6)]);
		break;
	}
	default:
		out[0] = '\0';
		break;
	}
}

/* ---- any pack: pieces from its own words ----------------------------------
 */

#define GEN_MAX 64

/* What one pack's words give the generator. */
struct gen {
	const char *code;
	const char *rel[GEN_MAX]; /* today .. in 3 days, by value */
	int rel_val[GEN_MAX];
	int n_rel;
	const char *gone[GEN_MAX]; /* days before today, days it cannot
				      place: name no day */
	int n_gone;
	const char *wday[7]; /* the longest name of each weekday */
	const char *next[GEN_MAX];
	int n_next;
	const char *month[12];
	const char *in[GEN_MAX], *later[GEN_MAX];
	int n_in, n_later;
	const char *unit_day; /* the longest word for a day as a unit */
	const char *hol[GEN_MAX];
	int hol_m[GEN_MAX], hol_d[GEN_MAX], n_hol;
	const char *at[GEN_MAX];
	int n_at;
	const char *oclock[GEN_MAX];
	int n_oclock;
	const char *clock[GEN_MAX];
	int clock_min[GEN_MAX], n_clock;
	const char *min_after[GEN_MAX];
	int after_val[GEN_MAX], n_after;
	const char *min_before[GEN_MAX];
	int before_val[GEN_MAX], n_before;
	const char *pm[GEN_MAX];
	int n_pm;
	const char *greet[GEN_MAX], *thanks[GEN_MAX], *yes[GEN_MAX];
	int n_greet, n_thanks, n_yes;
	int wday_date; /* "viernes 10" is a date; else a time ("Freitag 10") */
};

static struct gen G;

static void longest(const char **slot, const char *text)
{
	if (*slot == NULL || strlen(text) > strlen(*slot))
		*slot = text;
}

/* Collect the pieces of PACK's time words and lexicon. */
static void gen_build(const struct lang_pack *pack)
{
	const struct when_vocab *v = lang_when(pack);
	memset(&G, 0, sizeof(G));
	G.code = pack->code;
	G.wday_date = v != NULL && v->wday_date;
	for (size_t i = 0; v != NULL && i < v->n_words; i++) {
		const struct when_word *w = &v->words[i];
		if (w->flags & WF_WEAK)
			continue;
		switch (w->sense) {
		case WS_REL_DAY:
			if (w->value >= 0 && w->value <= 3 &&
			    G.n_rel < GEN_MAX) {
				G.rel[G.n_rel] = w->text;
				G.rel_val[G.n_rel++] = w->value;
			} else if (w->value < 0 && G.n_gone < GEN_MAX)
				G.gone[G.n_gone++] = w->text;
			break;
		case WS_UNPLACED:
			if (G.n_gone < GEN_MAX)
				G.gone[G.n_gone++] = w->text;
			break;
		case WS_WEEKDAY:
			if (w->value >= 0 && w->value < 7)
				longest(&G.wday[w->value], w->text);
			break;
		case WS_NEXT:
			if (G.n_next < GEN_MAX)
				G.next[G.n_next++] = w->text;
			break;
		case WS_MONTH:
			if (w->value >= 1 && w->value <= 12)
				longest(&G.month[w->value - 1], w->text);
			break;
		case WS_IN:
			if (G.n_in < GEN_MAX)
				G.in[G.n_in++] = w->text;
			break;
		case WS_LATER:
			if (G.n_later < GEN_MAX)
				G.later[G.n_later++] = w->text;
			break;
		case WS_UNIT_DAYS:
			if (w->value == 1)
				longest(&G.unit_day, w->text);
			break;
		case WS_HOLIDAY:
			if ((w->value >> 24) == WHEN_HOL_FIXED &&
			    G.n_hol < GEN_MAX) {
				G.hol[G.n_hol] = w->text;
				G.hol_m[G.n_hol] = (w->value >> 8) & 0xff;
				G.hol_d[G.n_hol++] = w->value & 0xff;
			}
			break;
		case WS_AT:
			if (G.n_at < GEN_MAX)
				G.at[G.n_at++] = w->text;
			break;
		case WS_OCLOCK:
			if (G.n_oclock < GEN_MAX)
				G.oclock[G.n_oclock++] = w->text;
			break;
		case WS_CLOCK:
			if (G.n_clock < GEN_MAX) {
				G.clock[G.n_clock] = w->text;
				G.clock_min[G.n_clock++] = w->value;
			}
			break;
		case WS_MIN_AFTER:
			if (G.n_after < GEN_MAX) {
				G.min_after[G.n_after] = w->text;
				G.after_val[G.n_after++] = w->value;
			}
			break;
		case WS_MIN_BEFORE:
			if (G.n_before < GEN_MAX) {
				G.min_before[G.n_before] = w->text;
				G.before_val[G.n_before++] = w->value;
			}
			break;
		case WS_PM:
			if (G.n_pm < GEN_MAX)
				G.pm[G.n_pm++] = w->text;
			break;
		default:
			break;
		}
	}
	for (size_t i = 0; pack->words[i].text != NULL; i++) {
		const struct lang_word *w = &pack->words[i];
		if (w->cls == LW_GREET && G.n_greet < GEN_MAX)
			G.greet[G.n_greet++] = w->text;
		else if (w->cls == LW_THANKS && G.n_thanks < GEN_MAX)
			G.thanks[G.n_thanks++] = w->text;
		else if (w->cls == LW_YES && G.n_yes < GEN_MAX)
			G.yes[G.n_yes++] = w->text;
	}
}

/* The first WD after today (and today itself when it is one: a weekday
 * alone may mean it); with a "next" word, the one a week later too. */
static void name_weekday(const struct when_local *now, int wd, int next,
			 struct named *nm)
{
	struct when_day d = now->day;
	if (d.wday == wd)
		name_day(nm, d);
	do
		d = when_day_add(d, 1);
	while (d.wday != wd);
	name_day(nm, d);
	if (next)
		name_day(nm, when_day_add(d, 7));
}

static void gen_day_phrase(const struct when_local *now, char *out, size_t cap,
			   struct named *nm)
{
	struct when_day d;
	int k;
	switch (pick(10)) {
	case 0:
	case 1:
		if (G.n_rel == 0)
			break;
		k = pick(G.n_rel);
		snprintf(out, cap, "%s", G.rel[k]);
		name_day(nm, when_day_add(now->day, G.rel_val[k]));
		return;
	case 2: {
		int w = pick(7);
		if (G.wday[w] == NULL)
			break;
		if (G.n_next > 0 && pick(2)) {
			const char *nx = G.next[pick(G.n_next)];
			if (pick(2))
				snprintf(out, cap, "%s %s", nx, G.wday[w]);
			else
				snprintf(out, cap, "%s %s", G.wday[w], nx);
			name_weekday(now, w, 1, nm);
		} else {
			snprintf(out, cap, "%s", G.wday[w]);
			name_weekday(now, w, 0, nm);
		}
		return;
	}
	case 3:
		d = when_day_add(now->day, 1 + pick(30));
		numeric_date(out, cap, d);
		name_day(nm, d);
		return;
	case 4:
		d = when_day_add(now->day, 1 + pick(30));
		if (G.month[d.month - 1] == NULL)
			break;
		snprintf(out, cap, "%d %s", d.mday, G.month[d.month - 1]);
		name_day(nm, d);
		return;
	case 5: {
		int n = 2 + pick(5);
		if (G.unit_day == NULL || (G.n_in == 0 && G.n_later == 0))
			break;
		if (G.n_in > 0 && (G.n_later == 0 || pick(2)))
			snprintf(out, cap, "%s %d %s", G.in[pick(G.n_in)], n,
				 G.unit_day);
		else
			snprintf(out, cap, "%d %s %s", n, G.unit_day,
				 G.later[pick(G.n_later)]);
		name_day(nm, when_day_add(now->day, n));
		return;
	}
	case 6: {
		if (G.n_hol == 0)
			break;
		k = pick(G.n_hol);
		snprintf(out, cap, "%s", G.hol[k]);
		for (int y = 0; y < 2; y++) {
			if (when_day_make(now->day.year + y, G.hol_m[k],
					  G.hol_d[k], &d) != 0)
				continue;
			if (when_day_cmp(&d, &now->day) >= 0) {
				name_day(nm, d);
				break;
			}
		}
		return;
	}
	case 7: {
		/* a weekday that is not that date's: names no day */
		d = when_day_add(now->day, 2 + pick(20));
		const char *w = G.wday[(d.wday + 1 + pick(6)) % 7];
		if (w == NULL)
			break;
		if (G.wday_date)
			snprintf(out, cap, "%s %d", w, d.mday);
		else if (G.month[d.month - 1] != NULL) /* "Freitag 10": 10:00 */
			snprintf(out, cap, "%s %d %s", w, d.mday,
				 G.month[d.month - 1]);
		else
			break;
		return;
	}
	case 8:
		if (G.n_gone == 0)
			break;
		snprintf(out, cap, "%s", G.gone[pick(G.n_gone)]);
		return;
	default:
		break;
	}
	out[0] = '\0';
}

/* Both halves of the day for an hour of 1..12 the reader settles. */
static void name_both(struct named *nm, int minute)
{
	name_minute(nm, minute % 720);
	name_minute(nm, minute % 720 + 720);
}

static void gen_time_phrase(char *out, size_t cap, struct named *nm)
{
	int h = 7 + pick(12), m = pick(2) ? 0 : 30, h12 = h % 12 ? h % 12 : 12;
	const char *at = G.n_at > 0 ? G.at[pick(G.n_at)] : "";
	const char *sp = at[0] != '\0' ? " " : "";
	int k;
	switch (pick(9)) {
	case 0:
		snprintf(out, cap, "%s%s%02d:%02d", at, sp, h, m);
		name_minute(nm, h * 60 + m);
		return;
	case 1:
		snprintf(out, cap, "%s%s%d", at, sp, h12);
		name_both(nm, h12 * 60);
		return;
	case 2:
		if (G.n_oclock == 0)
			break;
		snprintf(out, cap, "%d %s", h12, G.oclock[pick(G.n_oclock)]);
		name_both(nm, h12 * 60);
		return;
	case 3:
		if (G.n_clock == 0)
			break;
		k = pick(G.n_clock);
		snprintf(out, cap, "%s", G.clock[k]);
		name_minute(nm, G.clock_min[k]);
		return;
	case 4:
		if (G.n_after == 0)
			break;
		k = pick(G.n_after);
		snprintf(out, cap, "%s%s%d %s", at, sp, h12, G.min_after[k]);
		name_both(nm, h12 * 60 + G.after_val[k] + 720);
		return;
	case 5:
		if (G.n_before == 0)
			break;
		k = pick(G.n_before);
		snprintf(out, cap, "%s %d", G.min_before[k], h12);
		name_both(nm, h12 * 60 + G.before_val[k] + 720);
		return;
	case 6:
		if (G.n_pm == 0)
			break;
		snprintf(out, cap, "%d %s", h12, G.pm[pick(G.n_pm)]);
		name_minute(nm, h12 % 12 * 60 + 720);
		return;
	case 7: {
		snprintf(out, cap, "x3");
		return;
	}
	default:
		break;
	}
	out[0] = '\0';
}

/* The pieces the talks use: English's own, or any pack's from its words. */
struct phrases {
	void (*day)(const struct when_local *now, char *out, size_t cap,
		    struct named *nm);
	void (*time)(char *out, size_t cap, struct named *nm);
	const char *(*hello)(void);
	const char *(*please)(void);
	const char *(*yes)(void);
};

static const char *en_hello(void)
{
	return "hi can i get a ";
}

static const char *en_please(void)
{
	return " pls";
}

static const char *en_yes(void)
{
	return "yes";
}

static const char *gen_hello(void)
{
	static char buf[64];
	snprintf(buf, sizeof(buf), "%s ",
		 G.n_greet > 0 ? G.greet[pick(G.n_greet)] : "");
	return buf;
}

static const char *gen_please(void)
{
	static char buf[64];
	snprintf(buf, sizeof(buf), " %s",
		 G.n_thanks > 0 ? G.thanks[pick(G.n_thanks)] : "");
	return buf;
}

static const char *gen_yes(void)
{
	return G.n_yes > 0 ? G.yes[pick(G.n_yes)] : "ok";
}

static const struct phrases en_phrases = {day_phrase, time_phrase, en_hello,
					  en_please, en_yes};
static const struct phrases gen_phrases = {gen_day_phrase, gen_time_phrase,
					   gen_hello, gen_please, gen_yes};
static const struct phrases *ph = &en_phrases;

static int day_named(const struct named *nm, const struct when_day *d)
{
	for (int i = 0; i < nm->n_days; i++)
		if (when_day_cmp(&nm->days[i], d) == 0)
			return 1;
	return 0;
}

static int minute_named(const struct named *nm, int m)
{
	for (int i = 0; i < nm->n_minutes; i++)
		if (nm->minutes[i] == m)
			return 1;
	return 0;
}

static int offered(const struct named *nm, int64_t t)
{
	for (size_t i = 0; i < nm->n_offered; i++)
		if (nm->offered[i] == t)
			return 1;
	return 0;
}

static char sender[32];

static int answer(const struct catalog *cat, struct store *st, const char *text,
		  int64_t now, struct desk_result *res)
{
	int rc = store_begin(st);
	if (rc == 0)
		rc = desk_answer(cat, st, sender, text, now, res);
	if (rc == 0)
		return store_commit(st);
	store_rollback(st);
	return rc;
}

/* Every booking this answer made is on a named day at a named time, or
 * a picked offer (and the rest of its group follows it that day). */
static void check_named(const struct catalog *cat, const struct named *nm,
			const struct desk_result *res, const char *text)
{
	const struct desk_decision *d = &res->d;
	if (d->kind != DESK_BOOKED && d->kind != DESK_MOVED)
		return;
	n_booked++;
	struct when_local l;
	when_local_of(cat->timezone, (time_t)d->start, &l);
	int ok = offered(nm, d->start) ||
		 (day_named(nm, &l.day) && minute_named(nm, l.minute));
	if (!ok) {
		printf("  booked %s for \"%s\": that day or time was not "
		       "named; the talk:\n",
		       d->local, text);
		for (int i = 0; i < n_history; i++)
			printf("    %s\n", history[i]);
	}
	CHECK(ok);
	for (size_t i = 0; i < d->n_more; i++) {
		if (d->more[i].kind != DESK_BOOKED)
			continue;
		struct when_local m;
		when_local_of(cat->timezone, (time_t)d->more[i].start, &m);
		CHECK(when_day_cmp(&m.day, &l.day) == 0 &&
		      d->more[i].start >= d->start);
	}
}

static void run_talks(int index, const char *dir)
{
	char path[256], db[256], err[256];
	int n_svc = 2 + pick(5);
	static struct desk_result res;

	snprintf(path, sizeof(path), "%s/named-%s-%d.cfg", dir, cat_lang,
		 index);
	FILE *fp = fopen(path, "w");
	if (fp == NULL)
		return;
	write_catalog(fp, n_svc);
	fclose(fp);
	struct catalog *cat = catalog_load(path, NULL);
	TEST_BEGIN("named %s catalog %d loads", cat_lang, index);
	CHECK(cat != NULL);
	TEST_END();
	if (cat == NULL)
		return;
	/* One store per catalog; each talk is another customer. */
	snprintf(db, sizeof(db), "%s/named-%s-%d.db", dir, cat_lang, index);
	struct store *st = store_open(db, STORE_OPEN_CREATE, err, sizeof(err));
	TEST_BEGIN("named %s catalog %d: a store", cat_lang, index);
	CHECK(st != NULL);
	TEST_END();
	for (int t = 0; st != NULL && t < N_TALKS; t++) {
		snprintf(sender, sizeof(sender), "+4477009%02d%03d", index, t);
		struct named nm;
		memset(&nm, 0, sizeof(nm));
		struct when_day day;
		when_day_make(2026, 1 + pick(12), 1 + pick(28), &day);
		time_t t0;
		when_epoch_of(cat->timezone, &day, 8 * 60 + pick(9 * 60), &t0);
		int64_t now = (int64_t)t0;
		n_talks++;
		/* One to four texts: the pieces come all at once or one by
		 * one; a number or "yes" picks an offered slot. */
		int steps = 1 + pick(4);
		for (int s = 0; s < steps; s++) {
			struct when_local lnow;
			char dp[64], tp[64], text[256];
			when_local_of(cat->timezone, (time_t)now, &lnow);
			ph->day(&lnow, dp, sizeof(dp), &nm);
			ph->time(tp, sizeof(tp), &nm);
			int k = pick(6);
			const char *svc = svc_words[pick(n_svc)];
			if (k == 0 && nm.n_offered > 0) {
				/* a pick, or (when asked what time) an hour:
				 * either way the customer said it */
				int v = 1 + pick((int)nm.n_offered);
				snprintf(text, sizeof(text), "%d", v);
				name_minute(&nm, v * 60);
				name_minute(&nm, (v + 12) * 60);
			} else if (k == 1 && nm.n_offered > 0)
				snprintf(text, sizeof(text), "%s", ph->yes());
			else if (k == 2 && s > 0)
				snprintf(text, sizeof(text), "%s %s", dp, tp);
			else
				snprintf(text, sizeof(text), "%s%s %s %s%s",
					 pick(3) ? "" : ph->hello(), svc, dp,
					 tp, pick(3) ? "" : ph->please());
			TEST_BEGIN("named %s %d talk %d step %d \"%s\"",
				   cat_lang, index, t, s, text);
			CHECK_INT(answer(cat, st, text, now, &res), 0);
			if (s == 0)
				n_history = 0;
			if (n_history < 8) {
				struct when_local ln;
				when_local_of(cat->timezone, (time_t)now, &ln);
				snprintf(
				    history[n_history++], sizeof(history[0]),
				    "%04d-%02d-%02d %02d:%02d \"%.60s\" -> %s "
				    "%s | %.150s",
				    ln.day.year, ln.day.month, ln.day.mday,
				    ln.minute / 60, ln.minute % 60, text,
				    desk_kind_name(res.d.kind), res.d.local,
				    res.n_replies ? res.replies[0] : "");
			}
			check_named(cat, &nm, &res, text);
			TEST_END();
			n_offers += res.d.kind == DESK_OFFER;
			n_asked += res.d.kind == DESK_CLARIFY;
			if (res.d.n_options > 0) {
				nm.n_offered = res.d.n_options;
				memcpy(nm.offered, res.d.options,
				       sizeof(nm.offered));
			}
			now += 60 * (1 + pick(5));
		}
	}
	store_close(st);
	catalog_free(cat);
}

int main(void)
{
	char dir[] = "/tmp/smsdesk-test-named-XXXXXX";
	const char *seed = getenv("DESK_SEED");

	rng_state = seed != NULL ? strtoull(seed, NULL, 10) : 20260325ULL;
	if (rng_state == 0)
		rng_state = 1;
	if (mkdtemp(dir) == NULL)
		return 1;
	printf("seed %llu\n", (unsigned long long)rng_state);
	for (int i = 0; i < N_CATALOGS; i++)
		run_talks(i, dir);
	TEST_BEGIN("the generated talks book, offer and ask");
	printf("en: %d talks: booked %d, offered %d, asked %d\n", n_talks,
	       n_booked, n_offers, n_asked);
	CHECK(n_booked >= 100);
	CHECK(n_offers >= 50);
	CHECK(n_asked >= 50);
	TEST_END();

	/* Every other pack, from its own words, in places that write the
	 * day first. */
	static const char *const dm_zones[] = {
	    "Europe/Madrid",	 "Europe/Paris",
	    "Europe/Berlin",	 "Europe/Istanbul",
	    "Europe/Lisbon",	 "America/Mexico_City",
	    "America/Sao_Paulo", "America/Argentina/Buenos_Aires"};
	const struct lang_pack *const *packs;
	size_t np = lang_packs(&packs);
	for (size_t p = 0; p < np; p++) {
		if (strcmp(packs[p]->code, "en") == 0)
			continue;
		gen_build(packs[p]);
		ph = &gen_phrases;
		cat_lang = packs[p]->code;
		cat_zones = dm_zones;
		n_cat_zones = 8;
		n_talks = n_booked = n_offers = n_asked = 0;
		for (int i = 0; i < N_CATALOGS; i++)
			run_talks(i, dir);
		char marker[600];
		struct stat sb;
		const char *src = getenv("SMSDESK_SRC");
		snprintf(marker, sizeof(marker),
			 "%s/tests/data/lang/%s/.complete",
			 src != NULL ? src : ".", cat_lang);
		int complete = stat(marker, &sb) == 0;
		printf("%s: %d talks: booked %d, offered %d, asked %d%s\n",
		       cat_lang, n_talks, n_booked, n_offers, n_asked,
		       complete ? "" : " (pack in progress)");
		TEST_BEGIN("%s: the generated talks book, offer and ask",
			   cat_lang);
		CHECK(n_talks > 0);
		if (complete) {
			CHECK(n_booked >= 100);
			CHECK(n_offers >= 50);
			CHECK(n_asked >= 50);
		}
		TEST_END();
	}
	char cmd[300];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("could not remove %s\n", dir);
	return h_done();
}
