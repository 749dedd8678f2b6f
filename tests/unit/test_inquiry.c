/* inquiry: intents, service matching with typos, references, choices,
 * over the example catalog conf/smsdesk.cfg. */
#include "harness.h"

#include <string.h>

#include "smsdesk/catalog.h"
#include "smsdesk/inquiry.h"

static struct catalog *cat;

static const char *match_id(const struct inquiry *q, size_t k)
{
	if (k >= q->n_matches)
		return "";
	const struct cat_match *m = &q->matches[k];
	return m->kind == CAT_SERVICE ? cat->services[m->idx].id
				      : cat->topics[m->idx].id;
}

struct icase {
	const char *text;
	enum inq_intent intent;
	const char *thing; /* first service/topic id, "" none */
	const char *ref;
	int choice;
};

static const struct icase icases[] = {
    {"hi do u do haircuts tmrw about 10?", INQ_BOOK, "haircut", "", 0},
    {"BOOK trim sat 2pm", INQ_BOOK, "haircut", "", 0},
    {"how much is a beard trim", INQ_PRICE, "beard-trim", "", 0},
    {"any space today after 4", INQ_AVAIL, "", "", 0},
    {"cancel K7QX", INQ_CANCEL, "", "K7QX", 0},
    {"Cancel my booking please", INQ_CANCEL, "", "", 0},
    {"can't make it tomorrow", INQ_CANCEL, "", "", 0},
    {"cant make it tmrw, can i do fri instead?", INQ_MOVE, "", "", 0},
    {"can I move my appointment to friday 3pm", INQ_MOVE, "", "", 0},
    {"STOP", INQ_STOP, "", "", 0},
    {"stop please", INQ_STOP, "", "", 0},
    {"Unsubscribe", INQ_STOP, "", "", 0},
    {"STOPALL", INQ_STOP, "", "", 0},
    {"end", INQ_STOP, "", "", 0},
    {"quit", INQ_STOP, "", "", 0},
    {"please stop texting me", INQ_STOP, "", "", 0},
    {"START", INQ_START, "", "", 0},
    {"unstop", INQ_START, "", "", 0},
    {"yes", INQ_YES, "", "", 0},
    {"Yes please!", INQ_YES, "", "", 0},
    {"ok", INQ_YES, "", "", 0},
    {"yep sounds good", INQ_YES, "", "", 0},
    {"no", INQ_NO, "", "", 0},
    {"nah", INQ_NO, "", "", 0},
    {"2", INQ_CHOICE, "", "", 2},
    {"option 3", INQ_CHOICE, "", "", 3},
    {"#1 please", INQ_CHOICE, "", "", 1},
    {"the second one", INQ_CHOICE, "", "", 2},
    {"thanks", INQ_THANKS, "", "", 0},
    {"Thank you so much!", INQ_THANKS, "", "", 0},
    {"cheers mate", INQ_THANKS, "", "", 0},
    {"👍", INQ_THANKS, "", "", 0},
    {"HELP", INQ_HELP, "", "", 0},
    {"?", INQ_HELP, "", "", 0},
    {"menu", INQ_HELP, "", "", 0},
    {"what do you offer", INQ_HELP, "", "", 0},
    {"my bookings", INQ_MY_BOOKINGS, "", "", 0},
    {"when is my appointment?", INQ_MY_BOOKINGS, "", "", 0},
    {"do you do nails", INQ_BOOK, "nails", "", 0},
    {"can i get a manicure friday", INQ_BOOK, "nails", "", 0},
    {"hiarcut tomorrow 10am", INQ_BOOK, "haircut", "", 0},
    {"haircutt sat 10am", INQ_BOOK, "haircut", "", 0},
    {"HAIRCUT", INQ_BOOK, "haircut", "", 0},
    {"Háircut mañana?", INQ_BOOK, "haircut", "", 0},
    {"hot towel shave thurs 11", INQ_BOOK, "hot-towel-shave", "", 0},
    {"wet shave pls", INQ_BOOK, "hot-towel-shave", "", 0},
    {"my kid needs a cut sat", INQ_BOOK, "kids-cut", "", 0},
    {"my son needs a cut sat", INQ_BOOK, "haircut", "", 0},
    {"do u do tattoos", INQ_BOOK, "tattoo", "", 0},
    {"price of colour?", INQ_PRICE, "colour", "", 0},
    {"how much for highlights", INQ_PRICE, "colour", "", 0},
    {"do you do massages", INQ_BOOK, "", "", 0},
    {"is the cat ok", INQ_UNKNOWN, "", "", 0},
    {"asdfgh", INQ_UNKNOWN, "", "", 0},
    {"", INQ_UNKNOWN, "", "", 0},
    {"ref k7qx", INQ_UNKNOWN, "", "K7QX", 0},
    {"when are you free for a beard tidy", INQ_AVAIL, "beard-trim", "", 0},
};

static void test_table(void)
{
	struct when_local now;
	when_day_make(2026, 3, 25, &now.day);
	now.minute = 600;
	for (size_t i = 0; i < sizeof(icases) / sizeof(icases[0]); i++) {
		const struct icase *c = &icases[i];
		struct inquiry q;
		TEST_BEGIN("inquiry \"%s\"", c->text);
		inquiry_parse(cat, c->text, &now, &q);
		CHECK_STR(inq_intent_name(q.intent),
			  inq_intent_name(c->intent));
		CHECK_STR(match_id(&q, 0), c->thing);
		CHECK_STR(q.ref, c->ref);
		CHECK_INT(q.choice, c->choice);
		TEST_END();
	}
}

static void test_details(void)
{
	struct when_local now;
	struct inquiry q;

	when_day_make(2026, 3, 25, &now.day);
	now.minute = 600;
	/* "cat" is not "cut": three letters get no typo budget. */
	inquiry_parse(cat, "cat sat 10am", &now, &q);
	CHECK_INT(q.n_matches, 0);
	/* Two services in one text, in the order written. */
	inquiry_parse(cat, "haircut and beard trim fri 2pm", &now, &q);
	CHECK_INT(q.n_matches, 2);
	CHECK_STR(match_id(&q, 0), "haircut");
	CHECK_STR(match_id(&q, 1), "beard-trim");
	CHECK_INT(q.when.day.mday, 27);
	CHECK_INT(q.when.from_min, 840);
	/* An unknown thing asked for by name. */
	inquiry_parse(cat, "can I book a massage tomorrow", &now, &q);
	CHECK_INT(q.intent, INQ_BOOK);
	CHECK(q.asked_thing);
	inquiry_parse(cat, "can I book tomorrow at 10", &now, &q);
	CHECK(!q.asked_thing);
	/* The when-phrase travels along. */
	inquiry_parse(cat, "trim tmrw half 2", &now, &q);
	CHECK_INT(q.when.from_min, 14 * 60 + 30);
	/* A price question with a time is still a price question. */
	inquiry_parse(cat, "how much is a shave", &now, &q);
	CHECK(q.wants_price);
	/* CANCEL is never an opt-out. */
	inquiry_parse(cat, "CANCEL", &now, &q);
	CHECK_INT(q.intent, INQ_CANCEL);
	/* Invalid UTF-8 is tolerated. */
	inquiry_parse(cat, "\xff\xfe haircut \xc3", &now, &q);
	CHECK_STR(match_id(&q, 0), "haircut");
	inquiry_parse(cat, NULL, &now, &q);
	CHECK_INT(q.intent, INQ_UNKNOWN);
}

/*
 * issue 12: the reader read only the first 160 words of a text, so a
 * question at the end of a long one was lost. Now every word of a text up
 * to about 6,000 bytes is read, and a longer one at its start and its end.
 */
static void test_long_texts(void)
{
	static char text[20000];
	struct when_local now;
	struct inquiry q;

	when_day_make(2026, 3, 25, &now.day);
	now.minute = 600;
	text[0] = '\0';
	for (int i = 0; i < 300; i++)
		strcat(text, "so anyway ");
	strcat(text, "how much is a beard trim?");
	inquiry_parse(cat, text, &now, &q);
	CHECK_INT(q.intent, INQ_PRICE);
	CHECK_STR(match_id(&q, 0), "beard-trim");
	CHECK(q.n_words > 600);
	/* far past any buffer: the start and the end are both read */
	text[0] = '\0';
	strcat(text, "haircut please. ");
	for (int i = 0; i < 1500; i++)
		strcat(text, "blah blah ");
	strcat(text, "can I also get a beard trim");
	inquiry_parse(cat, text, &now, &q);
	CHECK_INT(q.n_matches, 2);
	CHECK_STR(match_id(&q, 0), "haircut");
	CHECK_STR(match_id(&q, 1), "beard-trim");
}

int main(void)
{
	const char *src = getenv("SMSDESK_SRC");
	char path[512];
	snprintf(path, sizeof(path), "%s/conf/smsdesk.cfg",
		 src != NULL ? src : ".");
	cat = catalog_load(path, NULL);
	if (cat == NULL) {
		printf("cannot load %s\n", path);
		return 1;
	}
	test_table();
	RUN(test_details);
	RUN(test_long_texts);
	catalog_free(cat);
	return h_done();
}
