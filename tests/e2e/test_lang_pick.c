/*
 * Which language, per text (issue 14 item 3): a business answering in
 * English and Spanish (tests/data/lang/bilingual.cfg, business.languages =
 * [ "en", "es" ]) reads each text in the language it is written in and
 * answers in it; a text that does not tell ("2", "10am?", "ok") stays in
 * the language the customer last wrote in; and that language is kept in
 * the store with the conversation, so the customer's reminder goes out in
 * it. Every text goes through desk_answer on a real sqlite store, one
 * transaction each with the replies queued, as the daemon answers.
 */
#include "harness.h"
#include "support/desk_cases.h"

#include "smsdesk/lang.h"

#define ES "+34600000001"
#define EN "+34600000002"

/* The longest literal run of PACK's template NAME (between placeholders). */
static void literal_of(const char *code, const char *name, char *out,
		       size_t cap)
{
	const char *t = lang_template(lang_pack_for(code), name);
	size_t best = 0;

	out[0] = '\0';
	while (t != NULL && *t != '\0') {
		size_t n = strcspn(t, "{");
		if (n > best && n < cap) {
			best = n;
			memcpy(out, t, n);
			out[n] = '\0';
		}
		t += n;
		if (*t == '{')
			t += strcspn(t, "}");
		if (*t == '}')
			t++;
	}
}

/* REPLY is PACK's wording of NAME. */
static int worded(const char *reply, const char *code, const char *name)
{
	char lit[256];
	literal_of(code, name, lit, sizeof(lit));
	if (lit[0] != '\0' && strstr(reply, lit) != NULL)
		return 1;
	printf("  expected %s '%s' (\"%s\"), got: %s\n", code, name, lit,
	       reply);
	return 0;
}

/* FROM texts TEXT at local time AT; the reply must be KIND worded by
 * CODE's template NAME. */
static void says(struct store *st, const char *from, const char *at,
		 const char *text, const char *kind, const char *code,
		 const char *name)
{
	struct desk_result res;
	int rc = answer_from(st, from, text, local_epoch(at), &res);
	CHECK_INT(rc, 0);
	if (rc != 0)
		return;
	check_manners(&res);
	CHECK_STR(desk_kind_name(res.d.kind), kind);
	CHECK(res.n_replies >= 1);
	if (res.n_replies >= 1)
		CHECK(worded(res.replies[0], code, name));
}

static void remembered(struct store *st, const char *from, const char *code)
{
	char got[8] = "?";
	CHECK_INT(store_conv_lang(st, from, got, sizeof(got)), 0);
	CHECK_STR(got, code);
}

int main(void)
{
	struct store *st;

	if (dc_init() != 0 || use_catalog("tests/data/lang/bilingual.cfg")) {
		printf("cannot set up\n");
		return 1;
	}

	TEST_BEGIN("each text is read and answered in its own language");
	st = fresh_store();
	says(st, ES, "2026-03-25T10:00",
	     "hola, quiero un corte mañana a las 11", "booked", "es", "booked");
	says(st, EN, "2026-03-25T10:00",
	     "hi can I get a haircut tomorrow at 12", "booked", "en", "booked");
	says(st, "+34600000003", "2026-03-25T10:00", "cuanto cuesta la barba?",
	     "price", "es", "price_one");
	says(st, "+34600000004", "2026-03-25T10:00",
	     "how much is a beard trim?", "price", "en", "price_one");
	says(st, "+34600000005", "2026-03-25T10:00", "hacéis manicura?",
	     "refer", "es", "not_offered");
	/* "do you do X?": a yes with the price and length, then the day
	 * (Wave K0, review r9 class 5), in the customer's language */
	says(st, "+34600000006", "2026-03-25T10:00",
	     "¿hacéis arreglo de barba?", "price", "es", "price_offered");
	says(st, "+34600000007", "2026-03-25T10:00", "do you do beard trims?",
	     "price", "en", "price_offered");
	remembered(st, ES, "es");
	remembered(st, EN, "en");
	store_close(st);
	TEST_END();

	TEST_BEGIN("a text that does not tell (a number, a bare time) stays in "
		   "the customer's language");
	st = fresh_store();
	says(st, ES, "2026-03-25T10:00", "corte el sábado", "offer", "es",
	     "offer_day");
	says(st, ES, "2026-03-25T10:01", "2", "booked", "es", "booked");
	says(st, EN, "2026-03-25T10:00", "haircut on saturday", "offer", "en",
	     "offer_day");
	says(st, EN, "2026-03-25T10:01", "2", "booked", "en", "booked");
	/* Later, another day: a bare time answered in Spanish again. */
	says(st, ES, "2026-03-26T10:00", "barba el viernes", "offer", "es",
	     "offer_day");
	says(st, ES, "2026-03-26T10:01", "12:30", "booked", "es", "booked");
	store_close(st);
	TEST_END();

	TEST_BEGIN("a customer who changes language is answered in the new "
		   "one, and it is remembered");
	st = fresh_store();
	says(st, ES, "2026-03-25T10:00", "corte el sábado", "offer", "es",
	     "offer_day");
	remembered(st, ES, "es");
	says(st, ES, "2026-03-25T10:01", "1 please", "booked", "en", "booked");
	remembered(st, ES, "en");
	store_close(st);
	TEST_END();

	TEST_BEGIN("a new customer's neutral text gets the business's first "
		   "language");
	st = fresh_store();
	says(st, ES, "2026-03-25T10:00", "11:30?", "clarify", "en",
	     "ask_service");
	remembered(st, ES, "");
	store_close(st);
	TEST_END();

	TEST_BEGIN("the reminder goes out in the language the customer booked "
		   "in; a staff booking's in the business's first");
	st = fresh_store();
	says(st, ES, "2026-03-25T10:00", "quiero un corte el lunes a las 11",
	     "booked", "es", "booked");
	says(st, EN, "2026-03-25T10:00", "haircut monday at 12 please",
	     "booked", "en", "booked");
	char spec[] = "mine:barba@2026-03-30T13:00";
	CHECK_INT(setup(st, spec, local_epoch("2026-03-25T10:00")), 0);
	struct desk_reminder rem[4];
	CHECK_INT(store_begin(st), 0);
	int n = desk_reminders_due(cat, st, local_epoch("2026-03-29T14:00"),
				   rem, 4);
	CHECK_INT(store_commit(st), 0);
	CHECK_INT(n, 3);
	int es = 0, en = 0;
	for (int i = 0; i < n && i < 4; i++) {
		if (strcmp(rem[i].to, ES) == 0) {
			CHECK(worded(rem[i].text, "es", "reminder"));
			es++;
		} else {
			CHECK(worded(rem[i].text, "en", "reminder"));
			en++;
		}
	}
	CHECK_INT(es, 1);
	CHECK_INT(en, 2);
	store_close(st);
	TEST_END();

	TEST_BEGIN("the language outlives the conversation, not a forget");
	st = fresh_store();
	says(st, ES, "2026-03-25T10:00",
	     "hola, quiero un corte mañana a las 11", "booked", "es", "booked");
	says(st, ES, "2026-03-25T10:01", "cancelar", "cancelled", "es",
	     "cancelled");
	/* Hours later, the conversation gone: still Spanish. */
	says(st, ES, "2026-03-25T18:00", "11:30?", "clarify", "es",
	     "ask_service");
	remembered(st, ES, "es");
	store_close(st);
	TEST_END();

	dc_done();
	return h_done();
}
