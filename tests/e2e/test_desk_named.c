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
 */
#include "harness.h"

#include "smsdesk/catalog.h"
#include "smsdesk/desk.h"
#include "smsdesk/store.h"
#include "smsdesk/when.h"

#include <stdlib.h>
#include <string.h>

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

static void write_catalog(FILE *fp, int n_svc)
{
	static const char *const days[] = {"mon-fri", "mon-sat", "daily",
					   "tue-sat"};
	int open = 7 * 60 + 30 * pick(6), close = open + 6 * 60 + 30 * pick(8);
	fprintf(fp, "database = \"/tmp/unused.db\";\n"
		    "modems = ( { device = \"/dev/null\"; } );\n");
	fprintf(fp,
		"business = { name = \"Named Test\"; timezone = \"%s\";\n"
		"  hours = ( { days = \"%s\"; open = \"%02d:%02d\"; close = "
		"\"%02d:%02d\"; } ); };\n",
		zones[pick(6)], days[pick(4)], open / 60, open % 60, close / 60,
		close % 60);
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
		/* "next fri": the first after today */
		int w = pick(7);
		d = now->day;
		do
			d = when_day_add(d, 1);
		while (d.wday != w);
		snprintf(out, cap, "next %s", wday_names[w]);
		name_day(nm, d);
		break;
	}
	case 4:
		d = when_day_add(now->day, 1 + pick(30));
		snprintf(out, cap, "%d/%d", d.mday, d.month);
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

	snprintf(path, sizeof(path), "%s/named%d.cfg", dir, index);
	FILE *fp = fopen(path, "w");
	if (fp == NULL)
		return;
	write_catalog(fp, n_svc);
	fclose(fp);
	struct catalog *cat = catalog_load(path, NULL);
	TEST_BEGIN("named catalog %d loads", index);
	CHECK(cat != NULL);
	TEST_END();
	if (cat == NULL)
		return;
	/* One store per catalog; each talk is another customer. */
	snprintf(db, sizeof(db), "%s/named%d.db", dir, index);
	struct store *st = store_open(db, STORE_OPEN_CREATE, err, sizeof(err));
	TEST_BEGIN("named catalog %d: a store", index);
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
			day_phrase(&lnow, dp, sizeof(dp), &nm);
			time_phrase(tp, sizeof(tp), &nm);
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
				snprintf(text, sizeof(text), "yes");
			else if (k == 2 && s > 0)
				snprintf(text, sizeof(text), "%s %s", dp, tp);
			else
				snprintf(text, sizeof(text), "%s%s %s %s%s",
					 pick(3) ? "" : "hi can i get a ", svc,
					 dp, tp, pick(3) ? "" : " pls");
			TEST_BEGIN("named %d talk %d step %d \"%s\"", index, t,
				   s, text);
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
	printf("%d talks: booked %d, offered %d, asked %d\n", n_talks, n_booked,
	       n_offers, n_asked);
	CHECK(n_booked >= 100);
	CHECK(n_offers >= 50);
	CHECK(n_asked >= 50);
	TEST_END();
	char cmd[300];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("could not remove %s\n", dir);
	return h_done();
}
