/*
 * desk properties over generated catalogs and generated inquiries (seeded
 * PRNG, so a failure replays): whatever is asked, the desk never names a
 * provider that does not cover the request, never books beyond capacity,
 * never books outside hours, on a closed day, inside the notice or beyond
 * the horizon, and never sends a reply longer than max_segments.
 *
 * Each catalog is written as a real libconfig file and loaded through
 * catalog_load; each answer runs in a store transaction as the daemon does.
 */
#include "harness.h"

#include "smsdesk/catalog.h"
#include "smsdesk/desk.h"
#include "smsdesk/pdu.h"
#include "smsdesk/store.h"
#include "smsdesk/when.h"

#include <stdlib.h>
#include <string.h>

#define N_CATALOGS  24
#define N_INQUIRIES 40
#define N_SENDERS   12

static uint64_t rng_state;
static int n_booked, n_refer, n_offer, n_named, n_trimmed;

static uint32_t rnd(void)
{
	/* xorshift64*: small, seeded, the same everywhere */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 2685821657736338717ULL) >> 32);
}

static int pick(int n)
{
	return n <= 0 ? 0 : (int)(rnd() % (uint32_t)n);
}

static const char *const zones[] = {"Europe/London", "America/New_York",
				    "Australia/Sydney", "Asia/Kolkata",
				    "Europe/Berlin"};

/* A pronounceable word nobody else in this catalog uses. */
static void word(char *out, size_t cap, int serial)
{
	static const char cons[] = "bdfgklmnprstvz", vow[] = "aeiou";
	size_t len = 0;
	int syl = 2 + pick(2);
	for (int i = 0; i < syl && len + 3 < cap; i++) {
		out[len++] = cons[pick(sizeof(cons) - 1)];
		out[len++] = vow[pick(sizeof(vow) - 1)];
	}
	snprintf(out + len, cap - len, "q%d", serial); /* unique */
}

struct gen {
	char ids[24][16];
	char words[24][32];
	int n_services, n_topics;
};

static void write_catalog(FILE *fp, struct gen *g)
{
	static const char *const days[] = {"mon-fri", "mon,wed,fri", "daily",
					   "tue-sat", "weekend",     "sat",
					   "mon-thu"};
	int serial = 0;

	fprintf(fp, "database = \"/tmp/unused.db\";\n");
	fprintf(fp, "modems = ( { device = \"/dev/null\"; } );\n");
	fprintf(fp, "business = { name = \"%s\"; timezone = \"%s\";\n",
		pick(3) == 0 ? "Łódź Żurek & Söhne Barbería Ünd Friseur"
			     : "Test Desk",
		zones[pick(5)]);
	int open = 6 * 60 + 30 * pick(10);
	int close = open + 120 + 30 * pick(20);
	if (close > 24 * 60)
		close = 24 * 60;
	const char *d = days[pick(7)];
	fprintf(fp,
		"  hours = ( { days = \"%s\"; open = \"%02d:%02d\"; "
		"close = \"%02d:%02d\"; }",
		d, open / 60, open % 60, close / 60, close % 60);
	if (strcmp(d, "sat") != 0 && strcmp(d, "weekend") != 0 &&
	    strcmp(d, "daily") != 0 && strcmp(d, "tue-sat") != 0 && pick(2))
		fprintf(fp, ", { days = \"sat\"; open = \"09:00\"; close = "
			    "\"12:00\"; }");
	fprintf(fp, " );\n  closed = [ \"2026-03-27\", \"2026-06-01\", "
		    "\"2026-10-26\" ];\n};\n");

	g->n_services = 1 + pick(8);
	g->n_topics = pick(4);
	static const int mins[] = {10, 15, 20, 30, 45, 60, 90};
	static const int notice[] = {0, 30, 60, 120, 1440};
	fprintf(fp, "services = (\n");
	for (int i = 0; i < g->n_services; i++) {
		snprintf(g->ids[i], sizeof(g->ids[i]), "svc%d", i);
		word(g->words[i], sizeof(g->words[i]), serial++);
		fprintf(fp,
			"  { id = \"%s\"; name = \"Service %d%s\"; words = [ "
			"\"%s\" ]; price = \"EUR %d\"; minutes = %d; "
			"capacity = %d; notice_minutes = %d; }%s\n",
			g->ids[i], i,
			pick(4) == 0 ? " with a longish name" : "", g->words[i],
			5 + pick(50), mins[pick(7)], 1 + pick(3),
			notice[pick(5)], i + 1 < g->n_services ? "," : "");
	}
	fprintf(fp, ");\n");
	if (g->n_topics > 0) {
		fprintf(fp, "topics = (\n");
		for (int i = 0; i < g->n_topics; i++) {
			int k = g->n_services + i;
			snprintf(g->ids[k], sizeof(g->ids[k]), "top%d", i);
			word(g->words[k], sizeof(g->words[k]), serial++);
			fprintf(fp,
				"  { id = \"%s\"; name = \"Topic %d\"; words "
				"= [ \"%s\" ]; }%s\n",
				g->ids[k], i, g->words[k],
				i + 1 < g->n_topics ? "," : "");
		}
		fprintf(fp, ");\n");
	}
	int n_ref = pick(7);
	if (n_ref > 0) {
		fprintf(fp, "referrals = (\n");
		for (int r = 0; r < n_ref; r++) {
			fprintf(fp,
				"  { name = \"Provider %d%s\"; phone = "
				"\"+4477009%05d\"; covers = [ ",
				r, pick(3) == 0 ? " Ærøskøbing Élite" : "",
				pick(99999));
			int total = g->n_services + g->n_topics, any = 0;
			for (int k = 0; k < total; k++) {
				if (pick(3) != 0 && !(k == total - 1 && !any))
					continue;
				fprintf(fp, "%s\"%s\"", any ? ", " : "",
					g->ids[k]);
				any = 1;
			}
			fprintf(fp, " ]; note = \"%s\"; }%s\n",
				pick(2) ? ""
					: "open late on Thursdays and "
					  "most bank holidays too",
				r + 1 < n_ref ? "," : "");
		}
		fprintf(fp, ");\n");
	}
	fprintf(fp,
		"policy = { referrals_per_reply = %d; max_segments = %d; "
		"booking_horizon_days = %d; conversation_minutes = %d; "
		"max_replies_per_hour = %d; reminder_hours = %d; };\n",
		1 + pick(5), 1 + pick(3), 1 + pick(90), 5 + pick(50),
		3 + pick(58), pick(48));
}

/* A real slot of a real service soon: stresses capacity and the grid. */
static int gen_slot_text(const struct catalog *cat, const struct gen *g,
			 int64_t now, char *out, size_t cap)
{
	struct when_local l;
	int slots[128];

	if (g->n_services == 0 ||
	    when_local_of(cat->timezone, (time_t)now, &l) != 0)
		return 0;
	int k = pick(g->n_services);
	const struct cat_service *svc = &cat->services[k];
	struct when_day d = when_day_add(l.day, pick(4));
	size_t n = when_slots_of(cat, &d, svc->minutes, slots, 128);
	if (n == 0)
		return 0;
	int m = slots[pick(n < 128 ? (int)n : 128)];
	snprintf(out, cap, "%s %d/%d at %02d:%02d", g->words[k], d.mday,
		 d.month, m / 60, m % 60);
	return 1;
}

static void gen_text(const struct gen *g, char *out, size_t cap)
{
	static const char *const days[] = {
	    "",	     "today",  "tomorrow",   "tmrw",	"sat",	    "next mon",
	    "fri",   "sunday", "25/12",	     "27/3",	"1st june", "26 oct",
	    "31/02", "05-06",  "on the 3rd", "this wed"};
	static const char *const times[] = {
	    "",		 "10",	    "10am",	     "2pm",   "7",
	    "at 9",	 "half 3",  "noon",	     "asap",  "after 4",
	    "before 11", "morning", "evening",	     "23:30", "6.15",
	    "1pm",	 "at 12",   "quarter past 2"};
	static const char *const others[] = {
	    "cancel",	  "STOP",	 "START",    "yes",
	    "no",	  "1",		 "2",	     "3",
	    "help",	  "my bookings", "how much", "thanks",
	    "move it to", "cancel ABCD", "🙂",     "any space"};
	int total = g->n_services + g->n_topics;
	int kind = pick(10);

	if (kind < 3) {
		snprintf(out, cap, "%s", others[pick(16)]);
		return;
	}
	const char *thing =
	    kind < 8 && total > 0 ? g->words[pick(total)] : "widget";
	snprintf(out, cap, "%s%s %s %s", pick(4) == 0 ? "hi can i book " : "",
		 thing, days[pick(16)], times[pick(18)]);
}

static int64_t gen_now(const char *tz)
{
	/* Any day of 2026, some on the clock-change days. */
	static const int special[][2] = {
	    {3, 29}, {10, 25}, {3, 8}, {11, 1}, {4, 5}};
	struct when_day d;
	if (pick(4) == 0) {
		int k = pick(5);
		when_day_make(2026, special[k][0], special[k][1], &d);
	} else {
		when_day_make(2026, 1, 1, &d);
		d = when_day_add(d, pick(360));
	}
	time_t t;
	when_epoch_of(tz, &d, 6 * 60 + pick(14 * 60), &t);
	return (int64_t)t;
}

static int answer(const struct catalog *cat, struct store *st, const char *from,
		  const char *text, int64_t now, struct desk_result *res)
{
	int rc = store_begin(st);
	if (rc == 0)
		rc = desk_answer(cat, st, from, text, now, res);
	for (size_t i = 0; rc == 0 && i < res->n_replies; i++) {
		struct pdu_segment segs[12];
		struct store_out_part parts[12];
		struct pdu_error err;
		int n = pdu_encode_submit(res->replies[i], from, NULL, segs, 12,
					  &err);
		CHECK(n >= 1 && n <= cat->policy.max_segments);
		if (n <= 0)
			break;
		for (int k = 0; k < n; k++) {
			parts[k].pdu_hex = segs[k].hex;
			parts[k].tpdu_len = segs[k].tpdu_len;
		}
		struct store_outbox_new msg = {.to = from,
					       .text = res->replies[i],
					       .origin = STORE_ORIGIN_REPLY,
					       .parts = parts,
					       .n_parts = (size_t)n};
		rc = store_outbox_queue(st, &msg, now, NULL);
	}
	if (rc == 0)
		return store_commit(st);
	store_rollback(st);
	return rc;
}

static int covers(const struct catalog *cat, const char *name, const char *id)
{
	for (size_t r = 0; r < cat->n_referrals; r++) {
		if (strcmp(cat->referrals[r].name, name) != 0)
			continue;
		for (size_t k = 0; k < cat->referrals[r].n_covers; k++)
			if (strcmp(cat->referrals[r].covers[k], id) == 0)
				return 1;
	}
	return 0;
}

/* The booking just made keeps every rule of the catalog. */
static void check_booking(const struct catalog *cat, struct store *st,
			  const struct desk_result *res, int64_t now,
			  int64_t offered_at)
{
	const struct cat_service *svc = catalog_service(cat, res->d.subject);
	struct when_local l;
	CHECK(svc != NULL);
	if (svc == NULL)
		return;
	CHECK_INT(when_local_of(cat->timezone, (time_t)res->d.start, &l), 0);
	/* on the slot grid, inside hours, on an open day */
	CHECK(when_is_slot(cat, &l.day, svc->minutes, l.minute));
	CHECK(!when_is_closed_day(cat, &l.day));
	/* notice (from when the slot was offered, if it was) and horizon */
	int64_t asked = offered_at > 0 ? offered_at : now;
	CHECK(res->d.start >= asked + (int64_t)svc->notice_minutes * 60);
	CHECK(res->d.start > now);
	struct when_local ln;
	when_local_of(cat->timezone, (time_t)now, &ln);
	CHECK(when_day_diff(&ln.day, &l.day) <=
	      cat->policy.booking_horizon_days);
	/* capacity */
	int64_t n = 0;
	CHECK_INT(store_booking_count(st, svc->id, res->d.start,
				      res->d.start + svc->minutes * 60, &n),
		  0);
	CHECK(n <= svc->capacity);
}

static void run_catalog(int index, const char *dir)
{
	char path[256], db[256], err[256];
	struct gen g;
	static struct desk_result res;

	snprintf(path, sizeof(path), "%s/cat%d.cfg", dir, index);
	snprintf(db, sizeof(db), "%s/cat%d.db", dir, index);
	FILE *fp = fopen(path, "w");
	if (fp == NULL)
		return;
	memset(&g, 0, sizeof(g));
	write_catalog(fp, &g);
	fclose(fp);

	struct cat_diags diags;
	struct catalog *cat = catalog_load(path, &diags);
	TEST_BEGIN("generated catalog %d loads", index);
	CHECK(cat != NULL);
	for (size_t i = 0; cat == NULL && i < diags.n; i++)
		printf("  %s:%d: %s\n", path, diags.v[i].line, diags.v[i].msg);
	TEST_END();
	catalog_diags_free(&diags);
	if (cat == NULL)
		return;
	struct store *st = store_open(db, STORE_OPEN_CREATE, err, sizeof(err));
	int64_t offered_at[N_SENDERS] = {0};
	int64_t now = gen_now(cat->timezone);

	for (int q = 0; q < N_INQUIRIES && st != NULL; q++) {
		char text[256], from[32];
		int who = pick(N_SENDERS);
		snprintf(from, sizeof(from), "+4477009000%02d", who);
		if (pick(2) != 0 ||
		    !gen_slot_text(cat, &g, now, text, sizeof(text)))
			gen_text(&g, text, sizeof(text));
		/* Mostly minutes apart, sometimes a new day. */
		now = pick(5) == 0 ? gen_now(cat->timezone)
				   : now + 60 * (1 + pick(20));
		TEST_BEGIN("catalog %d inquiry %d \"%s\"", index, q, text);
		int rc = answer(cat, st, from, text, now, &res);
		CHECK_INT(rc, 0);
		CHECK(res.d.segments <= cat->policy.max_segments);
		for (size_t i = 0; i < res.d.n_named; i++) {
			CHECK(covers(cat, res.d.named[i], res.d.subject));
			CHECK(strstr(res.replies[0], res.d.named[i]) != NULL);
		}
		CHECK(res.d.n_named <= (size_t)cat->policy.referrals_per_reply);
		int picked = (text[0] >= '1' && text[0] <= '3') ||
			     strcmp(text, "yes") == 0;
		if (res.d.kind == DESK_BOOKED || res.d.kind == DESK_MOVED) {
			/* the promise survives any shortening */
			char cancel[32];
			snprintf(cancel, sizeof(cancel), "CANCEL %s",
				 res.d.ref);
			CHECK(strstr(res.replies[0], cancel) != NULL);
		}
		if (res.d.kind == DESK_BOOKED || res.d.kind == DESK_MOVED)
			check_booking(cat, st, &res, now,
				      picked ? offered_at[who] : 0);
		if (res.d.n_options > 0)
			offered_at[who] = now;
		n_booked += res.d.kind == DESK_BOOKED;
		n_refer += res.d.kind == DESK_REFER;
		n_offer += res.d.kind == DESK_OFFER;
		n_named += (int)res.d.n_named;
		if (getenv("TEST_SHOW") != NULL && res.n_replies > 0 &&
		    strstr(res.replies[0], "...") != NULL)
			printf("trimmed (max %d): %s\n",
			       cat->policy.max_segments, res.replies[0]);
		n_trimmed +=
		    res.n_replies > 0 && strstr(res.replies[0], "...") != NULL;
		TEST_END();
	}
	/* Afterwards, no slot holds more than its capacity. */
	TEST_BEGIN("catalog %d: no slot over capacity", index);
	struct store_booking_list all;
	CHECK_INT(store_bookings_between(st, 0, INT64_MAX / 2, 0, &all), 0);
	for (size_t i = 0; i < all.n; i++) {
		const struct cat_service *svc =
		    catalog_service(cat, all.v[i].service);
		int over = 0;
		for (size_t k = 0; k < all.n; k++)
			over +=
			    strcmp(all.v[k].service, all.v[i].service) == 0 &&
			    all.v[k].start <
				all.v[i].start + all.v[i].minutes * 60 &&
			    all.v[k].start + all.v[k].minutes * 60 >
				all.v[i].start;
		CHECK(svc != NULL && over <= svc->capacity);
	}
	store_booking_list_free(&all);
	TEST_END();
	store_close(st);
	catalog_free(cat);
}

int main(void)
{
	char dir[] = "/tmp/smsdesk-test-props-XXXXXX";
	const char *seed = getenv("DESK_SEED");

	rng_state = seed != NULL ? strtoull(seed, NULL, 10) : 20260325ULL;
	if (rng_state == 0)
		rng_state = 1;
	if (mkdtemp(dir) == NULL)
		return 1;
	printf("seed %llu\n", (unsigned long long)rng_state);
	for (int i = 0; i < N_CATALOGS; i++)
		run_catalog(i, dir);
	/* Generated cases that never book or refer would prove nothing. */
	TEST_BEGIN("the generated cases exercise the rules");
	printf("booked %d, referred %d (naming %d), offered %d, trimmed %d\n",
	       n_booked, n_refer, n_named, n_offer, n_trimmed);
	CHECK(n_booked >= 50);
	CHECK(n_refer >= 30);
	CHECK(n_named >= 20);
	CHECK(n_offer >= 30);
	TEST_END();
	char cmd[300];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("could not remove %s\n", dir);
	return h_done();
}
