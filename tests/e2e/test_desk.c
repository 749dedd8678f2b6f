/*
 * desk end to end: the inquiry corpus (tests/data/desk_corpus.txt) and the
 * conversations (tests/data/desk_conversations.txt) over the example catalog
 * conf/smsdesk.cfg and a real sqlite store, answered the way the daemon
 * does: one transaction per text, replies queued in the outbox.
 *
 * Every answer is also checked against the manners: no reply over
 * max_segments, no provider named that does not cover the subject.
 */
#include "harness.h"
#include "support/desk_cases.h"

static struct catalog *example; /* conf/smsdesk.cfg */

/* A reminder reminder_hours before, once, with how to cancel; none to a
 * number that said STOP. */
static void test_reminders(void)
{
	struct store *st = fresh_store();
	struct desk_reminder rem[4];
	char spec[] = "mine:haircut@2026-03-26T10:00";
	int64_t t0 = local_epoch("2026-03-25T08:00");

	CHECK(st != NULL);
	if (st == NULL)
		return;
	CHECK_INT(setup(st, spec, t0), 0);
	CHECK_INT(store_begin(st), 0);
	/* 25 hours before: not yet */
	CHECK_INT(desk_reminders_due(cat, st, local_epoch("2026-03-25T09:00"),
				     rem, 4),
		  0);
	/* 23.5 hours before: due */
	CHECK_INT(desk_reminders_due(cat, st, local_epoch("2026-03-25T10:30"),
				     rem, 4),
		  1);
	CHECK_STR(rem[0].to, SENDER);
	CHECK(strstr(rem[0].text, "Reminder: Haircut, Thu 26 Mar 10:00") !=
	      NULL);
	CHECK(strstr(rem[0].text, "Text CANCEL ") != NULL);
	/* once only */
	CHECK_INT(desk_reminders_due(cat, st, local_epoch("2026-03-25T11:00"),
				     rem, 4),
		  0);
	CHECK_INT(store_commit(st), 0);
	/* opted out: marked, not sent */
	char spec2[] = "mine:beard-trim@2026-03-27T15:00,optout";
	CHECK_INT(setup(st, spec2, t0), 0);
	CHECK_INT(store_begin(st), 0);
	CHECK_INT(desk_reminders_due(cat, st, local_epoch("2026-03-26T16:00"),
				     rem, 4),
		  0);
	CHECK_INT(store_optout_clear(st, SENDER), 0);
	CHECK_INT(desk_reminders_due(cat, st, local_epoch("2026-03-26T16:30"),
				     rem, 4),
		  0);
	CHECK_INT(store_commit(st), 0);
	store_close(st);
}

/* Equally good providers take turns: least recently named first. */
static void test_fair_rotation(void)
{
	char path[128];
	snprintf(path, sizeof(path), "%s/rotation.cfg", dir);
	FILE *fp = fopen(path, "w");
	CHECK(fp != NULL);
	if (fp == NULL)
		return;
	fprintf(fp,
		"database = \"/tmp/x.db\";\n"
		"modems = ( { device = \"/dev/null\"; } );\n"
		"business = { name = \"Rota\"; timezone = \"Europe/London\";\n"
		"  hours = ( { days = \"mon-fri\"; open = \"09:00\"; "
		"close = \"17:00\"; } ); };\n"
		"services = ( { id = \"cut\"; name = \"Cut\"; words = [ "
		"\"cut\" ]; price = \"GBP 9\"; minutes = 30; } );\n"
		"topics = ( { id = \"nails\"; name = \"Nails\"; words = [ "
		"\"nails\" ]; } );\n"
		"referrals = (\n"
		"  { name = \"Alpha\"; phone = \"+441632960001\"; covers = [ "
		"\"nails\" ]; },\n"
		"  { name = \"Bravo\"; phone = \"+441632960002\"; covers = [ "
		"\"cut\" ]; },\n"
		"  { name = \"Charlie\"; phone = \"+441632960003\"; covers = "
		"[ \"nails\" ]; },\n"
		"  { name = \"Delta\"; phone = \"+441632960004\"; covers = [ "
		"\"nails\", \"cut\" ]; } );\n"
		"policy = { referrals_per_reply = 1; };\n");
	fclose(fp);
	struct catalog *rc = catalog_load(path, NULL);
	struct store *st = fresh_store();
	static struct desk_result res;
	static const char *const want[] = {"Alpha", "Charlie", "Delta", "Alpha",
					   "Charlie"};
	CHECK(rc != NULL && st != NULL);
	for (int i = 0; rc != NULL && st != NULL && i < 5; i++) {
		char from[32];
		snprintf(from, sizeof(from), "+4477009001%02d", i);
		CHECK_INT(store_begin(st), 0);
		CHECK_INT(desk_answer(rc, st, from, "do you do nails",
				      local_epoch("2026-03-25T10:00") + 60 * i,
				      &res),
			  0);
		CHECK_INT(store_commit(st), 0);
		CHECK_INT(res.d.kind, DESK_REFER);
		CHECK_INT(res.d.n_named, 1);
		if (res.d.n_named == 1)
			CHECK_STR(res.d.named[0], want[i]);
		/* Bravo covers only cuts: never named for nails */
		CHECK(strstr(res.replies[0], "Bravo") == NULL);
	}
	store_close(st);
	catalog_free(rc);
}

/* "my friend and I want lashes ... at 11 together" with one place at 11:
 * one booked, and the second said to be not free at that time, never
 * "couldn't fit ... straight after", which nobody asked (review r7 s161). */
static void test_party_full(void)
{
	const char *src = getenv("SMSDESK_SRC");
	char path[512];
	snprintf(path, sizeof(path), "%s/tests/data/desk_salon_r7.cfg",
		 src != NULL ? src : ".");
	struct catalog *rc = catalog_load(path, NULL);
	struct store *st = fresh_store();
	static struct desk_result res;
	CHECK(rc != NULL && st != NULL);
	if (rc == NULL || st == NULL)
		return;
	CHECK_INT(store_begin(st), 0);
	CHECK_INT(desk_answer(rc, st, "+447700900201",
			      "my friend and I want lashes on Saturday at 11 "
			      "together",
			      local_epoch("2026-12-02T10:00"), &res),
		  0);
	CHECK_INT(store_commit(st), 0);
	CHECK_INT(res.d.kind, DESK_BOOKED);
	CHECK(res.n_replies > 0);
	if (res.n_replies > 0) {
		CHECK(strstr(res.replies[0], "straight after") == NULL);
		CHECK(strstr(res.replies[0], "at the time you named") != NULL);
	}
	store_close(st);
	catalog_free(rc);
}

/* CFG of tests/data, loaded through the real libconfig path; NULL when
 * it does not load. The caller frees it (catalog_free). */
static struct catalog *data_catalog(const char *cfg)
{
	const char *src = getenv("SMSDESK_SRC");
	char path[512];
	snprintf(path, sizeof(path), "%s/tests/data/%s",
		 src != NULL ? src : ".", cfg);
	return catalog_load(path, NULL);
}

/* "my friend and I want lashes on Saturday at 11" where one is seen at a
 * time: the first at 11, and the next free times offered for the other;
 * "1" books the first of them (reviews fr AL s23, s45, es AL c10.1 were
 * told only "text another time"). */
static void test_party_one_at_a_time(void)
{
	struct catalog *rc = data_catalog("desk_salon_r7.cfg");
	struct store *st = fresh_store();
	static struct desk_result res;
	CHECK(rc != NULL && st != NULL);
	if (rc == NULL || st == NULL)
		return;
	CHECK_INT(store_begin(st), 0);
	CHECK_INT(desk_answer(rc, st, "+447700900202",
			      "my friend and I want lashes on Saturday at 11",
			      local_epoch("2026-12-02T10:00"), &res),
		  0);
	CHECK_INT(store_commit(st), 0);
	CHECK_INT(res.d.kind, DESK_BOOKED);
	CHECK(res.n_replies > 0);
	if (res.n_replies > 0) {
		CHECK(strstr(res.replies[0], "Sat 5 Dec 11:00") != NULL);
		CHECK(strstr(res.replies[0], "No room for the other person") !=
		      NULL);
		CHECK(strstr(res.replies[0], "1) 12:00") != NULL);
	}
	CHECK_INT(store_begin(st), 0);
	CHECK_INT(desk_answer(rc, st, "+447700900202", "1",
			      local_epoch("2026-12-02T10:02"), &res),
		  0);
	CHECK_INT(store_commit(st), 0);
	CHECK_INT(res.d.kind, DESK_BOOKED);
	if (res.n_replies > 0)
		CHECK(strstr(res.replies[0], "Sat 5 Dec 12:00") != NULL);
	store_close(st);
	catalog_free(rc);
}

/* "a checkup at 10 and a clean straight after", "massage 30 um 12:30
 * und danach direkt fango": the second at the next start after the first
 * ends, and when that is later than its end the reply says so, never a
 * gap in silence (review de8 s49). */
static void straight_after(const char *cfg, const char *text, const char *note)
{
	struct catalog *rc = data_catalog(cfg);
	struct store *st = fresh_store();
	static struct desk_result res;
	CHECK(rc != NULL && st != NULL);
	if (rc == NULL || st == NULL)
		return;
	CHECK_INT(store_begin(st), 0);
	CHECK_INT(desk_answer(rc, st, "+4915100900201", text,
			      local_epoch("2026-12-02T10:00"), &res),
		  0);
	CHECK_INT(store_commit(st), 0);
	CHECK_INT(res.d.kind, DESK_BOOKED);
	CHECK(res.n_replies > 0);
	if (res.n_replies > 0)
		CHECK(strstr(res.replies[0], note) != NULL);
	store_close(st);
	catalog_free(rc);
}

static void test_straight_after_gap(void)
{
	straight_after("desk_dental_r4.cfg",
		       "Can I book a checkup for 10am on the 15th and a clean "
		       "straight after?",
		       "starts at 10:45, not straight after at 10:30");
	straight_after("lang/de/massage.cfg",
		       "klassische massage 30 min am mittwoch 9.12. um 12:30 "
		       "und danach direkt fango",
		       "beginnt erst um 13:30, nicht direkt danach um 13:00");
}

/* "and how much is it?" right after booking it: the price, never "text a
 * day and time to book" (review es5 c04 "y cuanto cuesta?"); in English
 * and in Spanish. */
static void price_after(const char *cfg, const char *book, const char *ask,
			const char *hint)
{
	struct catalog *rc = data_catalog(cfg);
	struct store *st = fresh_store();
	static struct desk_result res;
	CHECK(rc != NULL && st != NULL);
	if (rc == NULL || st == NULL)
		return;
	int64_t now = local_epoch("2026-12-02T10:00");
	CHECK_INT(store_begin(st), 0);
	CHECK_INT(desk_answer(rc, st, "+447700900301", book, now, &res), 0);
	CHECK_INT(store_commit(st), 0);
	CHECK_INT(res.d.kind, DESK_BOOKED);
	CHECK_INT(store_begin(st), 0);
	CHECK_INT(desk_answer(rc, st, "+447700900301", ask, now + 60, &res), 0);
	CHECK_INT(store_commit(st), 0);
	CHECK_INT(res.d.kind, DESK_PRICE);
	CHECK(res.n_replies > 0);
	if (res.n_replies > 0) {
		if (strstr(res.replies[0], hint) != NULL)
			printf("  reply: %s\n", res.replies[0]);
		CHECK(strstr(res.replies[0], hint) == NULL);
	}
	store_close(st);
	catalog_free(rc);
}

static void test_price_after_booking(void)
{
	price_after("desk_vet_r6.cfg", "vaccination monday at 10",
		    "and how much is it?", "to book");
	price_after("lang/es/veterinaria.cfg",
		    "quiero cita para desparasitar al perro el lunes 7 a las "
		    "10",
		    "y cuanto cuesta?", "reservar");
}

/* Senders that cannot receive a reply get none. */
static void test_cannot_receive(void)
{
	struct store *st = fresh_store();
	static struct desk_result res;
	CHECK(st != NULL);
	if (st == NULL)
		return;
	const char *senders[] = {"VODAFONE", "12345", "+44", "Bank-Info"};
	for (size_t i = 0; i < 4; i++) {
		CHECK_INT(store_begin(st), 0);
		CHECK_INT(desk_answer(cat, st, senders[i], "haircut tmrw 10",
				      local_epoch("2026-03-25T10:00"), &res),
			  0);
		CHECK_INT(res.d.kind, DESK_SILENT);
		CHECK_INT(res.d.reason, DESK_REASON_CANNOT_RECEIVE);
		CHECK_INT(res.n_replies, 0);
		CHECK_INT(store_commit(st), 0);
	}
	CHECK(desk_can_reply("+447700900001"));
	CHECK(desk_can_reply("07700900001"));
	store_close(st);
}

int main(void)
{
	static const char *const corpora[] = {"desk_corpus.txt",
					      "desk_texts_barber.txt",
					      "desk_texts_bike.txt",
					      "desk_texts_groomer.txt",
					      "desk_texts_salon.txt",
					      "desk_texts_garage.txt",
					      "desk_texts_garage_r3.txt",
					      "desk_texts_dental_r4.txt",
					      "desk_texts_unknown.txt",
					      "desk_texts_vet_r6.txt",
					      "desk_texts_salon_r7.txt",
					      "desk_texts_driving_r8.txt",
					      "desk_texts_podiatry_r9.txt",
					      "desk_texts_massage_r10.txt"};
	static const char *const talks[] = {
	    "desk_conversations.txt",	"desk_talk_groomer.txt",
	    "desk_talk_barber.txt",	"desk_talk_bike.txt",
	    "desk_talk_salon.txt",	"desk_talk_garage.txt",
	    "desk_talk_vet_r6.txt",	"desk_talk_driving_r8.txt",
	    "desk_talk_massage_r10.txt"};
	if (use_catalog("conf/smsdesk.cfg") != 0 || dc_init() != 0) {
		printf("cannot load the example catalog or make a temp dir\n");
		return 1;
	}
	example = cat;
	RUN(test_reminders);
	RUN(test_cannot_receive);
	RUN(test_party_full);
	RUN(test_party_one_at_a_time);
	RUN(test_straight_after_gap);
	RUN(test_price_after_booking);
	RUN(test_fair_rotation);
	int cases = 0, real = 0, convs = 0;
	for (size_t i = 0; i < sizeof(corpora) / sizeof(corpora[0]); i++) {
		cat = example;
		int n = run_corpus(corpora[i]);
		cases += n > 0 ? n : 0;
		real += i > 0 && n > 0 ? n : 0;
	}
	for (size_t i = 0; i < sizeof(talks) / sizeof(talks[0]); i++) {
		cat = example;
		int n = run_conversations(talks[i]);
		convs += n > 0 ? n : 0;
	}
	TEST_BEGIN("the corpora hold at least 600 realistic inquiries and 60 "
		   "conversations over two trades");
	CHECK(real >= 600);
	CHECK(convs >= 60);
	TEST_END();
	printf("corpus: %d cases (%d written by hand), %d conversations\n",
	       cases, real, convs);
	dc_done();
	return h_done();
}
