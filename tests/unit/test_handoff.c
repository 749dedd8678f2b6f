/*
 * handoff: through the one answering function (answer_inbound), on a real
 * sqlite file and a real libconfig catalog. What is handed to a person and
 * what is not (STOP, thanks, auto-replies never); the forward (every staff
 * phone with forward = true, the customer's number, text and code); "not
 * understood" twice; texts joining a live handoff without another reply;
 * the limits and the shop's hours (held, then released in one forward);
 * staff answers by code (to the customer from the business number, never
 * after a STOP); the PIN commands, one answer for every refusal, the
 * lock-out, and no PIN kept; a staff text never reaching the desk.
 */
#include "harness.h"
#include "smsdesk/answer.h"
#include "smsdesk/catalog.h"
#include "smsdesk/handoff.h"
#include "smsdesk/log.h"
#include "smsdesk/store.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Tue 2026-12-01 10:00 in London (UTC+0): open 09:00-18:00. */
#define TUE10 1796119200LL
#define HOUR  3600LL
#define ALICE "+447700900001"
#define BOB   "+447700900002"
#define SAM   "+447700900777" /* forward = true, PIN 4821 */
#define ALEX  "+447700900778" /* forward = false, PIN 1357 */

static char tmpdir[64];
static int seq;
static int64_t last_id; /* the inbound row text() answered last */

static const char catalog_text[] =
    "database = \"/nonexistent\";\n"
    "modems = ( { device = \"/dev/null\"; } );\n"
    "business = { name = \"Harbour Street Barbers\";"
    " timezone = \"Europe/London\"; country = \"GB\";\n"
    "  hours = ( { days = \"mon-fri\"; open = \"09:00\"; close = \"18:00\"; "
    "},\n"
    "            { days = \"sat\"; open = \"09:00\"; close = \"13:00\"; } ); "
    "};\n"
    "services = ( { id = \"haircut\"; name = \"Haircut\";"
    " words = [ \"haircut\", \"cut\" ]; price = \"GBP 18\"; minutes = 30;"
    " capacity = 2; } );\n"
    "%s";

static const char staff_text[] =
    "staff = ( { name = \"Sam\"; phone = \"07700 900777\"; pin = \"4821\"; },\n"
    "          { name = \"Alex\"; phone = \"07700 900778\"; forward = false;"
    " pin = \"1357\"; } );\n";

struct fx {
	struct catalog *cat;
	struct store *st;
	int64_t smsc;
};

static int fx_open(struct fx *f, const char *extra)
{
	char path[128], err[256];
	struct cat_diags d = {0};
	FILE *fp;

	memset(f, 0, sizeof(*f));
	seq++;
	snprintf(path, sizeof(path), "%s/c%d.cfg", tmpdir, seq);
	fp = fopen(path, "w");
	if (fp == NULL)
		return -1;
	fprintf(fp, catalog_text, extra);
	fclose(fp);
	f->cat = catalog_load(path, &d);
	for (size_t i = 0; f->cat == NULL && i < d.n; i++)
		printf("  catalog: %d: %s\n", d.v[i].line, d.v[i].msg);
	catalog_diags_free(&d);
	snprintf(path, sizeof(path), "%s/d%d.db", tmpdir, seq);
	f->st = store_open(path, STORE_OPEN_CREATE, err, sizeof(err));
	if (f->st == NULL)
		printf("  store: %s\n", err);
	return f->cat != NULL && f->st != NULL ? 0 : -1;
}

static void fx_close(struct fx *f)
{
	store_close(f->st);
	catalog_free(f->cat);
}

/* FROM texts TEXT at NOW; answered; *res (static) says how. */
static struct answer_result *text(struct fx *f, const char *from, const char *t,
				  int64_t now)
{
	static struct answer_result res;
	struct store_inbox_new in = {.sender = from,
				     .smsc_time = ++f->smsc,
				     .pdu_hex = t,
				     .text = t,
				     .modem = "/dev/null",
				     .sender_ton = 1};
	int64_t id = 0;

	memset(&res, 0, sizeof(res));
	if ((last_id = 0, store_inbox_put(f->st, &in, now, &id)) != STORE_OK ||
	    answer_inbound(f->st, f->cat, id, now, 0, &res) != STORE_OK)
		printf("  answering '%s' failed: %s\n", t, store_errmsg(f->st));
	last_id = id;
	return &res;
}

/* How many messages are queued to TO, and the text of the last. */
static size_t to(struct fx *f, const char *number, char *last, size_t cap)
{
	int64_t ids[64];
	int n = store_outbox_to(f->st, number, ids, 64);
	struct store_out_msg m;

	if (last != NULL)
		last[0] = '\0';
	if (n > 0 && last != NULL &&
	    store_outbox_get(f->st, ids[n - 1], &m) == STORE_OK) {
		snprintf(last, cap, "%s", m.text);
		store_out_msg_clear(&m);
	}
	return n < 0 ? 0 : (size_t)n;
}

static void test_cant_answer_goes_to_staff(void)
{
	struct fx f;
	char last[2048];

	if (fx_open(&f, staff_text) != 0)
		goto out;
	struct answer_result *r = text(&f, ALICE, "can I pay by card?", TUE10);
	CHECK_INT(r->handoff.what, HANDOFF_NEW);
	CHECK_INT(r->handoff.forwards, 1);
	CHECK_INT(r->desk.n_replies, 1);
	CHECK(strstr(r->desk.replies[0], "passed your message to the team") !=
	      NULL);
	char code[16];
	snprintf(code, sizeof(code), "#%s", r->handoff.code);
	CHECK_INT(strlen(r->handoff.code), 2);
	/* Sam (forward = true) gets it with the number, text and code; Alex
	 * (forward = false) does not */
	CHECK_INT(to(&f, SAM, last, sizeof(last)), 1);
	CHECK(strstr(last, ALICE) != NULL);
	CHECK(strstr(last, "can I pay by card?") != NULL);
	CHECK(strstr(last, code) != NULL);
	CHECK_INT(to(&f, ALEX, NULL, 0), 0);
	/* the customer's text waits for a person */
	struct store_handoff_list w = {0};
	CHECK_INT(store_handoff_waiting(f.st, 0, 0, &w), STORE_OK);
	CHECK_INT(w.n, 1);
	CHECK(w.n == 1 && strcmp(w.v[0].why, "payment") == 0);
	store_handoff_list_free(&w);
out:
	fx_close(&f);
}

/* A question for a person beside one the desk answers: the answer and
 * "a person will text back", never "I can't answer that" too (review pt5
 * s22, s55 read it as a refusal) */
static void test_beside_an_answer(void)
{
	struct fx f;

	if (fx_open(&f, staff_text) != 0)
		goto out;
	struct answer_result *r =
	    text(&f, ALICE, "how much is a haircut? can I pay by card?", TUE10);
	CHECK_INT(r->handoff.what, HANDOFF_NEW);
	CHECK_INT(r->desk.n_replies, 1);
	CHECK(strstr(r->desk.replies[0], "GBP 18") != NULL);
	CHECK(strstr(r->desk.replies[0], "passed your message to the team") !=
	      NULL);
	CHECK(strstr(r->desk.replies[0], "can't answer") == NULL);
out:
	fx_close(&f);
}

static void test_never_forwarded(void)
{
	static const char *const quiet[] = {
	    "STOP", "thanks!", "ok thanks",
	    "I'm driving right now, I'll get back to you later",
	    "haircut tomorrow at 10am"};
	struct fx f;

	if (fx_open(&f, staff_text) != 0)
		goto out;
	for (size_t i = 0; i < sizeof(quiet) / sizeof(quiet[0]); i++) {
		struct answer_result *r = text(&f, BOB, quiet[i], TUE10 + i);
		TEST_BEGIN("/handoff/never/%zu", i);
		CHECK_INT(r->handoff.what, HANDOFF_NONE);
		CHECK_INT(to(&f, SAM, NULL, 0), 0);
		TEST_END();
	}
out:
	fx_close(&f);
}

static void test_not_understood_twice(void)
{
	struct fx f;
	char last[2048];

	if (fx_open(&f, staff_text) != 0)
		goto out;
	struct answer_result *r = text(&f, ALICE, "blah blorp", TUE10);
	CHECK_INT(r->handoff.what, HANDOFF_NONE);
	CHECK(strstr(r->desk.replies[0], "didn't catch") != NULL);
	r = text(&f, ALICE, "zorg plimf", TUE10 + 60);
	CHECK_INT(r->handoff.what, HANDOFF_NEW);
	CHECK(strstr(r->desk.replies[0], "passed your message") != NULL);
	/* the forward carries both texts */
	CHECK_INT(to(&f, SAM, last, sizeof(last)), 1);
	CHECK(strstr(last, "blah blorp") != NULL);
	CHECK(strstr(last, "zorg plimf") != NULL);
	/* the next text the desk cannot handle joins it, no reply */
	r = text(&f, ALICE, "hello??", TUE10 + 120);
	CHECK_INT(r->handoff.what, HANDOFF_MORE);
	CHECK_INT(r->desk.n_replies, 0);
	CHECK_INT(to(&f, SAM, last, sizeof(last)), 2);
	CHECK(strstr(last, "hello??") != NULL);
	/* a further question for the person joins it too, and is told so:
	 * silence read as being ignored */
	r = text(&f, ALICE, "can you call me please?", TUE10 + 200);
	CHECK_INT(r->handoff.what, HANDOFF_MORE);
	CHECK_INT(r->desk.n_replies, 1);
	CHECK(strstr(r->desk.replies[0], "added this to your message") != NULL);
	CHECK_INT(to(&f, SAM, last, sizeof(last)), 3);
	CHECK(strstr(last, "call me") != NULL);
	/* what the desk can handle, it still handles */
	r = text(&f, ALICE, "haircut tomorrow at 10am", TUE10 + 300);
	CHECK_INT(r->handoff.what, HANDOFF_NONE);
	CHECK(strstr(r->desk.replies[0], "Booked") != NULL);
out:
	fx_close(&f);
}

static void test_limits_and_hours(void)
{
	struct fx f;
	char last[2048];

	if (fx_open(&f, staff_text) != 0)
		goto out;
	/* a flood: at most HANDOFF_FORWARDS_PER_HOUR forwards an hour */
	for (int i = 0; i < 8; i++)
		text(&f, ALICE, "can I pay by card?", TUE10 + i);
	CHECK_INT(to(&f, SAM, NULL, 0), HANDOFF_FORWARDS_PER_HOUR);
	CHECK_INT(to(&f, ALICE, NULL, 0), 1); /* told once */
	CHECK_INT(handoff_release(f.st, f.cat, TUE10 + 600), 0);
	/* an hour on, what was held goes in one forward */
	CHECK_INT(handoff_release(f.st, f.cat, TUE10 + HOUR + 10), 1);
	CHECK_INT(to(&f, SAM, last, sizeof(last)),
		  HANDOFF_FORWARDS_PER_HOUR + 1);
	CHECK(strstr(last, " / ") != NULL);
	CHECK_INT(handoff_release(f.st, f.cat, TUE10 + HOUR + 70), 0);

	/* closed (20:00): held, and the customer hears when we open */
	struct answer_result *r =
	    text(&f, BOB, "where are you?", TUE10 + 10 * HOUR);
	CHECK_INT(r->handoff.what, HANDOFF_NEW);
	CHECK_INT(r->handoff.held, 1);
	CHECK_INT(r->handoff.forwards, 0);
	CHECK(strstr(r->desk.replies[0], "when we open (Wed 09:00)") != NULL);
	size_t before = to(&f, SAM, NULL, 0);
	CHECK_INT(handoff_release(f.st, f.cat, TUE10 + 12 * HOUR), 0);
	/* Wed 09:00: forwarded */
	CHECK_INT(handoff_release(f.st, f.cat, TUE10 + 23 * HOUR), 1);
	CHECK_INT(to(&f, SAM, last, sizeof(last)), before + 1);
	CHECK(strstr(last, BOB) != NULL && strstr(last, "Tue 20:00") != NULL);
out:
	fx_close(&f);
}

/* The code of the last handoff of FROM. */
static void code_of(struct fx *f, const char *from, char *code, size_t cap)
{
	struct store_handoff h;

	code[0] = '\0';
	if (store_handoff_of(f->st, from, 0, &h) == STORE_OK) {
		snprintf(code, cap, "%s", h.code);
		store_handoff_clear(&h);
	}
}

static void test_staff_answers_by_code(void)
{
	struct fx f;
	char code[16], msg[128], last[2048];

	if (fx_open(&f, staff_text) != 0)
		goto out;
	text(&f, ALICE, "is my bike ready?", TUE10);
	code_of(&f, ALICE, code, sizeof(code));
	CHECK(code[0] != '\0');
	snprintf(msg, sizeof(msg), "#%s Yes, collect it after 3", code);
	struct answer_result *r = text(&f, SAM, msg, TUE10 + 300);
	CHECK_INT(r->handoff.what, HANDOFF_STAFF);
	CHECK(strstr(r->desk.replies[0], "Sent to " ALICE) != NULL);
	CHECK_INT(to(&f, ALICE, last, sizeof(last)), 2);
	CHECK_STR(last, "Yes, collect it after 3");
	struct store_handoff h;
	CHECK_INT(store_handoff_by_code(f.st, code, 0, &h), STORE_OK);
	CHECK_STR(h.answered_by, "Sam");
	store_handoff_clear(&h);
	/* lower case, a colon: still the code */
	snprintf(msg, sizeof(msg), "# %c%c: and bring the key",
		 tolower((unsigned char)code[0]),
		 tolower((unsigned char)code[1]));
	r = text(&f, SAM, msg, TUE10 + 360);
	CHECK(strstr(r->desk.replies[0], "Sent to") != NULL);
	CHECK_INT(to(&f, ALICE, last, sizeof(last)), 3);
	CHECK_STR(last, "and bring the key");
	/* a code nobody holds: nothing sent, nothing said of anyone */
	r = text(&f, SAM, "#XX hello", TUE10 + 400);
	CHECK(strstr(r->desk.replies[0], "no text #XX waits") != NULL);
	CHECK(strstr(r->desk.replies[0], "+44") == NULL);
	/* the customer said STOP: the staff's answer does not go */
	text(&f, ALICE, "STOP", TUE10 + 500);
	size_t n = to(&f, ALICE, NULL, 0);
	snprintf(msg, sizeof(msg), "#%s one more thing", code);
	r = text(&f, SAM, msg, TUE10 + 600);
	CHECK(strstr(r->desk.replies[0], "opted out") != NULL);
	CHECK_INT(to(&f, ALICE, NULL, 0), n);
out:
	fx_close(&f);
}

static void test_pin_commands(void)
{
	struct fx f;
	char unknown[DESK_REPLY_MAX];

	if (fx_open(&f, staff_text) != 0)
		goto out;
	text(&f, ALICE, "haircut today at 2pm", TUE10);
	struct answer_result *r = text(&f, SAM, "4821 today", TUE10 + 60);
	CHECK(strstr(r->desk.replies[0], "Tue 1 Dec") != NULL);
	CHECK(strstr(r->desk.replies[0], "14:00 Haircut") != NULL);
	/* the PIN is not kept */
	struct store_inbox_msg m;
	CHECK_INT(store_inbox_get(f.st, last_id, &m), STORE_OK);
	CHECK(m.text != NULL && strstr(m.text, "4821") == NULL);
	CHECK(m.pdu_hex != NULL && strstr(m.pdu_hex, "4821") == NULL);
	store_inbox_msg_clear(&m);
	r = text(&f, SAM, "4821 block 15:00-16:00 lunch", TUE10 + 70);
	CHECK(strstr(r->desk.replies[0], "Blocked Tue 1 Dec 15:00-16:00") !=
	      NULL);
	struct store_block_list bl = {0};
	CHECK_INT(store_blocks_between(f.st, TUE10, TUE10 + 8 * HOUR, &bl),
		  STORE_OK);
	CHECK_INT(bl.n, 1);
	CHECK(bl.n == 1 && bl.v[0].start == TUE10 + 5 * HOUR &&
	      bl.v[0].end == TUE10 + 6 * HOUR &&
	      strcmp(bl.v[0].reason, "lunch") == 0);
	store_block_list_free(&bl);
	/* a wrong PIN, no PIN, another's PIN, nonsense: one same answer */
	r = text(&f, SAM, "hello", TUE10 + 80);
	snprintf(unknown, sizeof(unknown), "%s", r->desk.replies[0]);
	CHECK(unknown[0] != '\0');
	r = text(&f, SAM, "1234 today", TUE10 + 90);
	CHECK_STR(r->desk.replies[0], unknown);
	r = text(&f, SAM, "1357 today", TUE10 + 100);
	CHECK_STR(r->desk.replies[0], unknown);
	r = text(&f, SAM, "today", TUE10 + 110);
	CHECK_STR(r->desk.replies[0], unknown);
	/* the fifth refusal is answered, then nothing: locked out, even the
	 * right PIN */
	r = text(&f, SAM, "4822 today", TUE10 + 120);
	CHECK_STR(r->desk.replies[0], unknown);
	r = text(&f, SAM, "4821 today", TUE10 + 130);
	CHECK_INT(r->desk.n_replies, 0);
	CHECK_STR(r->handoff.action, "locked out");
	/* a quarter of an hour after the last refusal, it works again */
	r = text(&f, SAM, "4821 today",
		 TUE10 + 130 + HANDOFF_LOCKOUT_MINUTES * 60 + 1);
	CHECK(strstr(r->desk.replies[0], "14:00 Haircut") != NULL);
	/* the commands in Spanish too */
	r = text(&f, SAM, "4821 Mañana", TUE10 + 140 + 15 * 60);
	CHECK(strstr(r->desk.replies[0], "Wed 2 Dec") != NULL);
	r = text(&f, SAM, "4821 bloquear mañana 16:00-17:00", TUE10 + 1200);
	CHECK(strstr(r->desk.replies[0], "Blocked Wed 2 Dec 16:00-17:00") !=
	      NULL);
	/* Alex's PIN works for Alex */
	r = text(&f, ALEX, "1357 help", TUE10 + 200);
	CHECK(strstr(r->desk.replies[0], "today") != NULL);
out:
	fx_close(&f);
}

static void test_staff_never_the_desk(void)
{
	struct fx f;
	struct store_booking_list bl = {0};

	if (fx_open(&f, staff_text) != 0)
		goto out;
	struct answer_result *r =
	    text(&f, SAM, "haircut tomorrow at 10am please", TUE10);
	CHECK_INT(r->handoff.what, HANDOFF_STAFF);
	CHECK(strstr(r->desk.replies[0], "Booked") == NULL);
	CHECK_INT(store_bookings_between(f.st, 0, INT64_MAX / 2, 1, &bl),
		  STORE_OK);
	CHECK_INT(bl.n, 0);
	store_booking_list_free(&bl);
	/* nor handed to a person */
	r = text(&f, SAM, "can I pay by card?", TUE10 + 10);
	CHECK_INT(r->handoff.what, HANDOFF_STAFF);
	CHECK_INT(to(&f, SAM, NULL, 0), 2); /* the two answers, no forward */
out:
	fx_close(&f);
}

static void test_no_staff_no_handoff(void)
{
	struct fx f;

	if (fx_open(&f, "") != 0)
		goto out;
	struct answer_result *r = text(&f, ALICE, "can I pay by card?", TUE10);
	CHECK_INT(r->handoff.what, HANDOFF_NONE);
	CHECK(strstr(r->desk.replies[0], "payment") != NULL);
out:
	fx_close(&f);
}

static void test_answer_by_number(void)
{
	struct fx f;
	struct handoff_answer a;
	char code[16], last[256];

	if (fx_open(&f, staff_text) != 0)
		goto out;
	text(&f, ALICE, "can I speak to someone?", TUE10);
	code_of(&f, ALICE, code, sizeof(code));
	CHECK_INT(handoff_answer(f.st, f.cat, "07700 900001", "Calling you now",
				 "Jo", TUE10 + 60, 0, &a),
		  HANDOFF_SENT);
	CHECK_STR(a.code, code);
	CHECK_STR(a.to, ALICE);
	CHECK_INT(to(&f, ALICE, last, sizeof(last)), 2);
	CHECK_STR(last, "Calling you now");
	struct store_handoff_list w = {0};
	CHECK_INT(store_handoff_waiting(f.st, 0, 0, &w), STORE_OK);
	CHECK_INT(w.n, 0);
	store_handoff_list_free(&w);
	CHECK_INT(handoff_answer(f.st, f.cat, "K", "x", "Jo", TUE10, 0, &a),
		  HANDOFF_NOT_NUMBER);
	CHECK_INT(handoff_answer(f.st, f.cat, code, "   ", "Jo", TUE10, 0, &a),
		  HANDOFF_EMPTY);
out:
	fx_close(&f);
}

/* Erasing a customer erases what the staff were sent about them. */
static void test_forget_reaches_forwards(void)
{
	struct fx f;
	struct store_strings forms = {.v = NULL, .n = 0};
	char code[16], msg[64], last[2048];
	static char *one[] = {ALICE};

	if (fx_open(&f, staff_text) != 0)
		goto out;
	text(&f, ALICE, "can I pay by card?", TUE10);
	code_of(&f, ALICE, code, sizeof(code));
	snprintf(msg, sizeof(msg), "#%s yes", code);
	text(&f, SAM, msg, TUE10 + 60);		   /* "Sent to +44..." */
	text(&f, SAM, "4821 waiting", TUE10 + 70); /* names nobody now */
	CHECK_INT(to(&f, SAM, last, sizeof(last)), 3);
	forms.v = one;
	forms.n = 1;
	CHECK_INT(store_forget(f.st, &forms, ALICE, TUE10 + 100, NULL),
		  STORE_OK);
	int64_t ids[8];
	int n = store_outbox_to(f.st, SAM, ids, 8);
	CHECK_INT(n, 3);
	for (int i = 0; i < n; i++) {
		struct store_out_msg m;
		if (store_outbox_get(f.st, ids[i], &m) != STORE_OK)
			continue;
		CHECK(strstr(m.text, ALICE) == NULL);
		CHECK(strstr(m.text, "pay by card") == NULL);
		store_out_msg_clear(&m);
	}
	/* and the handoff is anonymous: nothing to answer any more */
	struct handoff_answer a;
	CHECK_INT(handoff_answer(f.st, f.cat, code, "hello", "Sam", TUE10 + 200,
				 0, &a),
		  HANDOFF_NO_SUCH);
out:
	fx_close(&f);
}

/* The daily (weekly) summary: due from opening time (or
 * policy.summary_time) on open days, once per phone and day (week), none
 * after a STOP (recorded, so not tried again), and a bad summary_time is
 * refused with the catalog. */
static void test_summaries(void)
{
	struct fx f;
	char last[1024];
	const int64_t wed10 = TUE10 + 24 * HOUR, thu10 = TUE10 + 48 * HOUR,
		      sun10 = TUE10 + 5 * 24 * HOUR;

	if (fx_open(&f, "staff = ( { name = \"Sam\"; phone = \"07700 "
			"900777\"; summary = \"daily\"; },\n"
			"  { name = \"Alex\"; phone = \"07700 900778\"; "
			"summary = \"weekly\"; },\n"
			"  { name = \"Kim\"; phone = \"07700 900779\"; } "
			");\n") != 0) {
		CHECK(!"fixture");
		goto out;
	}
	CHECK_INT(handoff_summaries(f.st, f.cat, TUE10 - 2 * HOUR), 0);
	text(&f, ALICE, "haircut today at 3pm", TUE10 - HOUR);
	CHECK_INT(handoff_summaries(f.st, f.cat, TUE10), 2);
	CHECK_INT(to(&f, SAM, last, sizeof(last)), 1);
	CHECK_STR(last, "Harbour Street Barbers, Tue 1 Dec: 1 booked, 15:00 "
			"to 15:00. Waiting for a person: 0. Turned away since "
			"Mon 10:00: 0.");
	CHECK_INT(to(&f, ALEX, last, sizeof(last)), 1);
	CHECK(strstr(last, "week from Tue 1 Dec: 1 booked") != NULL);
	CHECK_INT(to(&f, "+447700900779", NULL, 0), 0);
	CHECK_INT(handoff_summaries(f.st, f.cat, TUE10 + 60), 0);
	CHECK_INT(store_summary_has(f.st, SAM, "daily", "2026-12-01"), 1);
	CHECK_INT(store_summary_has(f.st, ALEX, "weekly", "2026-11-30"), 1);
	/* the next day: Sam's, counting from the last; Alex's week is done */
	CHECK_INT(handoff_summaries(f.st, f.cat, wed10), 1);
	CHECK_INT(to(&f, SAM, last, sizeof(last)), 2);
	CHECK(strstr(last, "Wed 2 Dec: nothing booked.") != NULL);
	CHECK(strstr(last, "since Tue 10:00") != NULL);
	/* a STOP from Sam's phone: recorded, not sent, not tried again */
	text(&f, SAM, "STOP", wed10 + HOUR);
	size_t before = to(&f, SAM, NULL, 0);
	CHECK_INT(handoff_summaries(f.st, f.cat, thu10), 0);
	CHECK_INT(to(&f, SAM, NULL, 0), before);
	CHECK_INT(store_summary_has(f.st, SAM, "daily", "2026-12-03"), 1);
	/* Sunday: closed, none (the next week's Monday would send Alex's) */
	CHECK_INT(handoff_summaries(f.st, f.cat, sun10), 0);
	fx_close(&f);

	if (fx_open(&f, "policy = { summary_time = \"07:00\"; };\n"
			"staff = ( { name = \"Sam\"; phone = \"07700 "
			"900777\"; summary = \"daily\"; } );\n") != 0) {
		CHECK(!"fixture");
		goto out;
	}
	CHECK_INT(handoff_summaries(f.st, f.cat, TUE10 - 3 * HOUR - 60), 0);
	CHECK_INT(handoff_summaries(f.st, f.cat, TUE10 - 3 * HOUR), 1);
	fx_close(&f);
	/* not a time of day: the catalog is refused */
	CHECK_INT(fx_open(&f, "policy = { summary_time = \"7am\"; };\n"), -1);
out:
	fx_close(&f);
}

int main(void)
{
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/test_handoff.XXXXXX");
	if (mkdtemp(tmpdir) == NULL)
		return 1;
	log_init(LOG_LEVEL_ERROR, "test_handoff");
	RUN(test_cant_answer_goes_to_staff);
	RUN(test_beside_an_answer);
	test_never_forwarded();
	RUN(test_not_understood_twice);
	RUN(test_limits_and_hours);
	RUN(test_staff_answers_by_code);
	RUN(test_pin_commands);
	RUN(test_staff_never_the_desk);
	RUN(test_no_staff_no_handoff);
	RUN(test_answer_by_number);
	RUN(test_forget_reaches_forwards);
	RUN(test_summaries);
	char cmd[96];
	snprintf(cmd, sizeof(cmd), "rm -rf %s", tmpdir);
	if (system(cmd) != 0)
		printf("  could not remove %s\n", tmpdir);
	return h_done();
}
