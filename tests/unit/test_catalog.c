/*
 * catalog: the example file loads with every field as written; each broken
 * file in tests/data/catalog-bad/ yields exactly the diagnostics its
 * "# expect: LINE: message" header lines state, no more, no fewer; lookups
 * find exact words first and typos only within budget; the deletion index
 * finds the same fuzzy matches as a brute-force scan; and a generated
 * 10,000-service catalog loads.
 */
#include "harness.h"

#include "smsdesk/catalog.h"
#include "smsdesk/text.h"

#include <dirent.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char src_dir[512];
static char tmp_dir[64];

static void path_in_src(char *out, size_t cap, const char *rel)
{
	snprintf(out, cap, "%s/%s", src_dir, rel);
}

static struct catalog *load_example(struct cat_diags *diags)
{
	char path[1024];

	path_in_src(path, sizeof(path), "conf/smsdesk.cfg");
	return catalog_load(path, diags);
}

static void write_file(const char *path, const char *text, mode_t mode)
{
	FILE *f = fopen(path, "w");

	if (f == NULL) {
		perror(path);
		exit(1);
	}
	fputs(text, f);
	fclose(f);
	chmod(path, mode);
}

/* ---- the example ---------------------------------------------------------
 */

static void test_example_loads_silently(void)
{
	struct cat_diags diags;
	struct catalog *cat = load_example(&diags);

	CHECK(cat != NULL);
	CHECK_INT(diags.n, 0);
	for (size_t i = 0; i < diags.n; i++)
		printf("  unexpected: %d: %s\n", diags.v[i].line,
		       diags.v[i].msg);
	catalog_diags_free(&diags);
	catalog_free(cat);
}

static void test_example_fields(void)
{
	struct catalog *cat = load_example(NULL);
	const struct cat_service *s;
	const struct cat_referral *r;

	CHECK(cat != NULL);
	if (cat == NULL)
		return;
	CHECK_STR(cat->database, "/var/lib/smsdesk/smsdesk.db");
	CHECK_INT(cat->n_modems, 1);
	CHECK_STR(cat->modems[0].device, "/dev/ttyUSB2");
	CHECK_INT(cat->modems[0].baud, 115200);
	CHECK_STR(cat->modems[0].pin, "");
	CHECK_STR(cat->business_name, "Harbour Street Barbers");
	CHECK_STR(cat->timezone, "Europe/London");
	CHECK_INT(cat->n_hours, 2);
	CHECK_INT(cat->hours[0].days,
		  CAT_MON | CAT_TUE | CAT_WED | CAT_THU | CAT_FRI);
	CHECK_INT(cat->hours[0].open_min, 9 * 60);
	CHECK_INT(cat->hours[0].close_min, 18 * 60);
	CHECK_INT(cat->hours[1].days, CAT_SAT);
	CHECK_INT(cat->hours[1].close_min, 13 * 60);
	CHECK(cat->hours[0].line > 0 &&
	      cat->hours[1].line > cat->hours[0].line);
	CHECK_INT(cat->n_closed, 3);
	CHECK_STR(cat->closed[0], "2026-12-25");
	CHECK_STR(cat->closed[2], "2027-01-01");

	CHECK(cat->n_services >= 5);
	s = &cat->services[0];
	CHECK_STR(s->id, "haircut");
	CHECK_STR(s->name, "Haircut");
	CHECK_STR(s->price, "GBP 18");
	CHECK_INT(s->minutes, 30);
	CHECK_INT(s->capacity, 2);
	CHECK_INT(s->notice_minutes, 60);
	CHECK_INT(s->people, 1);
	CHECK_STR(s->words[0], "haircut");
	CHECK_STR(s->words[1], "hair cut");
	s = catalog_service(cat, "kids-cut");
	CHECK(s != NULL);
	/* Words are stored folded: "children's haircut" lost its apostrophe. */
	CHECK_STR(s ? s->words[s->n_words - 1] : NULL, "childrens haircut");
	CHECK(catalog_service(cat, "nails") == NULL);
	CHECK(catalog_topic(cat, "nails") != NULL);
	CHECK(catalog_topic(cat, "haircut") == NULL);
	CHECK(catalog_service(cat, "no-such") == NULL);

	CHECK(cat->n_topics >= 2);
	CHECK(cat->n_referrals >= 4);
	r = &cat->referrals[0];
	CHECK_STR(r->name, "Quayside Cuts");
	CHECK_STR(r->phone, "+441632960123");
	CHECK_STR(r->note, "open Sundays");
	CHECK_INT(r->n_covers, 3);
	CHECK_STR(r->covers[1], "kids-cut");
	CHECK_STR(cat->referrals[1].note, "");
	for (size_t i = 0; i < cat->n_referrals; i++)
		CHECK(strncmp(cat->referrals[i].phone, "+4416329", 8) == 0 ||
		      strncmp(cat->referrals[i].phone, "+4477009", 8) == 0);

	CHECK_INT(cat->policy.referrals_per_reply, 2);
	CHECK_INT(cat->policy.max_segments, 2);
	CHECK_INT(cat->policy.booking_horizon_days, 60);
	CHECK_INT(cat->policy.conversation_minutes, 30);
	CHECK_INT(cat->policy.max_replies_per_hour, 6);
	CHECK_INT(cat->policy.reminder_hours, 24);
	CHECK_INT(cat->policy.reply_expiry_minutes, 240);
	CHECK_INT(cat->policy.retention_days, 90);
	CHECK_INT(cat->policy.national_shift, 0);
	CHECK_STR(cat->country, "GB");
	CHECK_INT(cat->country_derived, 0);
	CHECK_INT(cat->calling_code, 44);
	CHECK_INT(cat->n_languages, 1);
	CHECK_STR(cat->languages[0], "en");
	CHECK_INT(cat->n_staff, 0);
	CHECK_INT(cat->n_replies, 0);
	CHECK_INT(cat->n_kannel, 0);
	CHECK_INT(catalog_max_phrase_words(cat), 4); /* short back and sides */
	catalog_free(cat);
}

static void test_example_referrals_for(void)
{
	struct catalog *cat = load_example(NULL);
	size_t out[8];

	CHECK(cat != NULL);
	if (cat == NULL)
		return;
	CHECK_INT(catalog_referrals_for(cat, "beard-trim", out, 8), 2);
	CHECK_INT(out[0], 0);
	CHECK_INT(out[1], 1);
	CHECK_INT(catalog_referrals_for(cat, "piercing", out, 8), 2);
	CHECK_INT(out[0], 2);
	CHECK_INT(out[1], 3);
	/* cap smaller than the total: the total is still returned. */
	out[1] = 99;
	CHECK_INT(catalog_referrals_for(cat, "haircut", out, 1), 2);
	CHECK_INT(out[1], 99);
	CHECK_INT(catalog_referrals_for(cat, "no-such", out, 8), 0);
	catalog_free(cat);
}

/* ---- lookups ------------------------------------------------------------- */

static const struct {
	const char *query;
	int fuzzy;
	const char *want_id; /* first match; NULL = no match at all */
	int want_distance;
} lookup_rows[] = {
    {"haircut", 0, "haircut", 0},
    {"hiarcut", 1, "haircut", 1},
    {"haircutt", 1, "haircut", 1},
    {"hiarcut", 0, NULL, 0}, /* no typos without fuzzy */
    {"cut", 1, "haircut", 0},
    {"cat", 1, NULL, 0}, /* short words never bend */
    {"kut", 1, NULL, 0},
    {"beard trim", 0, "beard-trim", 0},
    {"beard trm", 1, "beard-trim", 1},
    {"shvae", 1, "hot-towel-shave", 1},
    {"manicure", 1, "nails", 0},
    {"manicur", 1, "nails", 1},
    {"tatto", 1, "tattoo", 1}, /* near two of its words, listed once */
    {"colour", 1, "colour", 0},
    {"colr", 1, "colour", 1}, /* one letter short of "color" */
    {"dyee", 1, NULL, 0},     /* "dye" is too short to bend */
    {"clour", 1, "colour", 1},
    {"highlihgts", 1, "colour", 1},
    {"higlihgts", 1, "colour", 2},
    {"xyzzyplugh", 1, NULL, 0},
    {"", 1, NULL, 0},
};

static void test_lookup_table(void)
{
	struct catalog *cat = load_example(NULL);

	if (cat == NULL) {
		TEST_BEGIN("lookup: example loads");
		CHECK(cat != NULL);
		TEST_END();
		return;
	}
	for (size_t i = 0; i < sizeof(lookup_rows) / sizeof(lookup_rows[0]);
	     i++) {
		struct cat_match m[8];
		size_t n;
		const char *id = NULL;

		TEST_BEGIN("lookup '%s' fuzzy=%d", lookup_rows[i].query,
			   lookup_rows[i].fuzzy);
		n = catalog_lookup(cat, lookup_rows[i].query,
				   lookup_rows[i].fuzzy, m, 8);
		if (n > 0)
			id = m[0].kind == CAT_SERVICE
				 ? cat->services[m[0].idx].id
				 : cat->topics[m[0].idx].id;
		CHECK_STR(id, lookup_rows[i].want_id);
		if (n > 0)
			CHECK_INT(m[0].distance, lookup_rows[i].want_distance);
		else
			CHECK_INT(n, 0);
		for (size_t k = 1; k < n; k++) {
			CHECK(m[k].distance >= m[k - 1].distance);
			CHECK(m[k].kind != m[0].kind || m[k].idx != m[0].idx);
		}
		TEST_END();
	}
	catalog_free(cat);
}

static void test_lookup_exact_first(void)
{
	/* An exact match comes before a one-typo match of another service. */
	char path[128];
	struct catalog *cat;
	struct cat_match m[4];
	size_t n;

	snprintf(path, sizeof(path), "%s/order.cfg", tmp_dir);
	write_file(
	    path,
	    "database = \"/tmp/x.db\";\n"
	    "modems = ( { device = \"/dev/ttyUSB0\"; } );\n"
	    "business = { name = \"B\"; timezone = \"UTC\";\n"
	    "  hours = ( { days = \"daily\"; open = \"00:00\"; close = "
	    "\"24:00\"; } ); };\n"
	    "services = (\n"
	    "  { id = \"trim\"; name = \"Trim\"; words = [ \"trims\" ];\n"
	    "    price = \"GBP 1\"; minutes = 10; },\n"
	    "  { id = \"trimx\"; name = \"Trimx\"; words = [ \"trimx\" ];\n"
	    "    price = \"GBP 1\"; minutes = 10; } );\n",
	    0600);
	cat = catalog_load(path, NULL);
	CHECK(cat != NULL);
	if (cat == NULL)
		return;
	n = catalog_lookup(cat, "trimx", 1, m, 4);
	CHECK_INT(n, 2);
	CHECK_INT(m[0].idx, 1); /* exact */
	CHECK_INT(m[0].distance, 0);
	CHECK_INT(m[1].idx, 0); /* trims: one substitution */
	CHECK_INT(m[1].distance, 1);
	CHECK_INT(catalog_lookup(cat, "trimx", 1, m, 1), 1);
	CHECK_INT(m[0].idx, 1);
	CHECK_INT(catalog_lookup(cat, "trimx", 1, m, 0), 0);
	CHECK_INT(cat->hours[0].days, 0x7F);
	CHECK_INT(cat->hours[0].close_min, 24 * 60);
	catalog_free(cat);
}

/* Phrases by their first or second word: what the typo reader is given. */
static void test_example_phrases_at(void)
{
	struct catalog *cat = load_example(NULL);
	const struct cat_phrase *ph;
	size_t n;

	CHECK(cat != NULL);
	if (cat == NULL)
		return;
	/* "hot towel", "hot towel shave" (shave), no one-word "hot" */
	n = catalog_phrases_at(cat, 0, "hot", &ph);
	CHECK_INT(n, 2);
	for (size_t i = 0; i < n && ph != NULL; i++) {
		CHECK_INT(ph[i].kind, CAT_SERVICE);
		CHECK_STR(cat->services[ph[i].idx].id, "hot-towel-shave");
		CHECK_STR(ph[i].words[0], "hot");
		CHECK_STR(ph[i].words[1], "towel");
		CHECK(ph[i].n_words == 2 || ph[i].n_words == 3);
	}
	/* "short back and sides": 4 words, found by its second word too */
	n = catalog_phrases_at(cat, 1, "back", &ph);
	CHECK_INT(n, 1);
	if (n == 1) {
		CHECK_INT(ph[0].n_words, 4);
		CHECK_STR(ph[0].words[3], "sides");
		CHECK_STR(cat->services[ph[0].idx].id, "haircut");
	}
	/* one-word entries are not phrases; unknown words and positions */
	CHECK_INT(catalog_phrases_at(cat, 0, "beerd", &ph), 0);
	CHECK(ph == NULL);
	CHECK_INT(catalog_phrases_at(cat, 0, "zzz", &ph), 0);
	CHECK_INT(catalog_phrases_at(cat, 2, "and", &ph), 0);
	/* owners of a word, alone or inside a phrase, each once */
	const struct cat_match *o;
	n = catalog_word_owners(cat, "hair", &o);
	CHECK_INT(n, 3); /* "hair", "hair cut"; "hair dye"; the topic's
			  * "hair extensions" */
	if (n == 3) {
		CHECK_STR(cat->services[o[0].idx].id, "haircut");
		CHECK_STR(cat->services[o[1].idx].id, "colour");
		CHECK_INT(o[2].kind, CAT_TOPIC);
		CHECK_STR(cat->topics[o[2].idx].id, "womens-cut");
	}
	n = catalog_word_owners(cat, "towel", &o);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_STR(cat->services[o[0].idx].id, "hot-towel-shave");
	CHECK_INT(catalog_word_owners(cat, "tow", &o), 0);
	CHECK(o == NULL);
	/* every "beard ..." phrase, one run, each a beard word */
	n = catalog_phrases_at(cat, 0, "beard", &ph);
	CHECK_INT(n, 3); /* beard trim, beard tidy, beard shape */
	for (size_t i = 0; i < n; i++)
		CHECK_STR(ph[i].words[0], "beard");
	catalog_free(cat);
}

/* ---- defaults and warnings ----------------------------------------------- */

static const char minimal_cfg[] =
    "database = \"/tmp/x.db\";\n"
    "modems = ( { device = \"/dev/ttyUSB0\"; } );\n"
    "business = { name = \"B\"; timezone = \"Europe/Paris\";\n"
    "  hours = ( { days = \"mon,wed,fri\"; open = \"10:00\"; close = "
    "\"12:00\"; } ); };\n"
    "services = ( { id = \"cut\"; name = \"Cut\"; words = [ \"cut\" ];\n"
    "  price = \"EUR 9\"; minutes = 20; } );\n";

static void test_defaults(void)
{
	char path[128];
	struct cat_diags diags;
	struct catalog *cat;

	snprintf(path, sizeof(path), "%s/minimal.cfg", tmp_dir);
	write_file(path, minimal_cfg, 0644);
	cat = catalog_load(path, &diags);
	CHECK(cat != NULL);
	CHECK_INT(diags.n, 0);
	catalog_diags_free(&diags);
	if (cat == NULL)
		return;
	CHECK_INT(cat->modems[0].baud, 115200);
	CHECK_STR(cat->modems[0].pin, "");
	CHECK_INT(cat->services[0].capacity, 1);
	CHECK_INT(cat->services[0].notice_minutes, 0);
	CHECK_INT(cat->services[0].people, 1);
	CHECK_INT(cat->n_topics, 0);
	CHECK_INT(cat->n_referrals, 0);
	CHECK_INT(cat->n_closed, 0);
	CHECK_INT(cat->hours[0].days, CAT_MON | CAT_WED | CAT_FRI);
	CHECK_INT(cat->policy.referrals_per_reply, 2);
	CHECK_INT(cat->policy.max_segments, 2);
	CHECK_INT(cat->policy.booking_horizon_days, 60);
	CHECK_INT(cat->policy.conversation_minutes, 30);
	CHECK_INT(cat->policy.max_replies_per_hour, 6);
	CHECK_INT(cat->policy.reminder_hours, 24);
	CHECK_INT(cat->policy.reply_expiry_minutes, 240);
	CHECK_INT(cat->policy.retention_days, 90);
	CHECK_INT(cat->policy.national_shift, 0);
	/* No country written: France's, from Europe/Paris, and said so. */
	CHECK_STR(cat->country, "FR");
	CHECK_INT(cat->country_derived, 1);
	CHECK_INT(cat->calling_code, 33);
	CHECK_INT(cat->country_line, 3);
	CHECK_INT(cat->n_languages, 1);
	CHECK_STR(cat->languages[0], "en");
	CHECK_INT(cat->n_staff + cat->n_replies + cat->n_kannel, 0);
	CHECK(cat->business_phone == NULL && cat->business_address == NULL);
	CHECK_STR(cat->path, path);
	catalog_free(cat);
}

/* Every second-wave key, written out, lands in its field. */
static void test_second_wave_keys(void)
{
	char path[128];
	struct cat_diags diags;
	struct catalog *cat;
	struct cat_diag note;

	snprintf(path, sizeof(path), "%s/second.cfg", tmp_dir);
	write_file(
	    path,
	    "database = \"/tmp/x.db\";\n"
	    "business = { name = \"B\"; timezone = \"Europe/Madrid\";\n"
	    "  country = \"es\"; languages = [ \"es\", \"EN\" ];"
	    " phone = \"600 111 222\"; address = \"C/ Mayor 1\";\n"
	    "  hours = ( { days = \"daily\"; open = \"09:00\"; close = "
	    "\"18:00\"; } ); };\n"
	    "services = ( { id = \"cut\"; name = \"Corte\"; words = [ "
	    "\"corte\" ];\n  price = \"EUR 9\"; minutes = 20; } );\n"
	    "referrals = ( { name = \"R\"; phone = \"612 345 678\"; "
	    "covers = [ \"cut\" ]; } );\n"
	    "staff = (\n"
	    "  { name = \"Ana\"; phone = \"+34 600 111 222\"; pin = "
	    "\"4821\";\n"
	    "    summary = \"weekly\"; },\n"
	    "  { name = \"Luis\"; phone = \"600-111-333\"; forward = false; "
	    "}\n"
	    ");\n"
	    "replies = { booked = \"Reservado: {service}.\"; help_text = "
	    "\"Hola\"; };\n"
	    "kannel = ( { sendsms_url = "
	    "\"http://127.0.0.1:13013/cgi-bin/sendsms\";\n"
	    "  username = \"u\"; password = \"p\"; secret = "
	    "\"0123456789abcdef\";\n"
	    "  numbers = [ \"600 000 000\", \"+34 600 000 001\" ]; "
	    "max_in_flight = 3; } );\n"
	    "policy = { reply_expiry_minutes = 5; retention_days = 3650;\n"
	    "  national_shift = true; };\n",
	    0600);
	cat = catalog_load(path, &diags);
	CHECK(cat != NULL);
	CHECK_INT(diags.n, 0);
	for (size_t i = 0; i < diags.n; i++)
		printf("  unexpected: %d: %s\n", diags.v[i].line,
		       diags.v[i].msg);
	catalog_diags_free(&diags);
	if (cat == NULL)
		return;
	CHECK_INT(cat->n_modems, 0); /* Kannel alone needs no modem */
	CHECK_STR(cat->country, "ES");
	CHECK_INT(cat->country_derived, 0);
	CHECK_INT(cat->country_line, 3);
	CHECK_INT(cat->calling_code, 34);
	CHECK_INT(catalog_country_note(cat, &note), 0);
	CHECK_INT(cat->n_languages, 2);
	CHECK_STR(cat->languages[0], "es");
	CHECK_STR(cat->languages[1], "en");
	CHECK_STR(cat->referrals[0].phone, "+34612345678");
	/* the business's phone may be a staff member's mobile too */
	CHECK_STR(cat->business_phone, "+34600111222");
	CHECK_STR(cat->business_address, "C/ Mayor 1");
	CHECK_INT(cat->n_staff, 2);
	CHECK_STR(cat->staff[0].name, "Ana");
	CHECK_STR(cat->staff[0].phone, "+34600111222");
	CHECK_INT(cat->staff[0].forward, 1);
	CHECK_INT(cat->staff[0].summary, CAT_SUMMARY_WEEKLY);
	CHECK_STR(cat->staff[0].pin, "4821");
	CHECK_INT(cat->staff[0].line, 9);
	CHECK_STR(cat->staff[1].phone, "+34600111333");
	CHECK_INT(cat->staff[1].forward, 0);
	CHECK_INT(cat->staff[1].summary, CAT_SUMMARY_NONE);
	CHECK_STR(cat->staff[1].pin, "");
	CHECK_INT(cat->n_replies, 2);
	CHECK_STR(cat->replies[0].name, "booked");
	CHECK_STR(cat->replies[0].text, "Reservado: {service}.");
	CHECK_INT(cat->replies[0].line, 13);
	CHECK_STR(cat->replies[1].name, "help_text");
	CHECK_INT(cat->n_kannel, 1);
	CHECK_STR(cat->kannel[0].listen, "127.0.0.1:13080");
	CHECK_STR(cat->kannel[0].listen_host, "127.0.0.1");
	CHECK_INT(cat->kannel[0].listen_port, 13080);
	CHECK_STR(cat->kannel[0].sendsms_url,
		  "http://127.0.0.1:13013/cgi-bin/sendsms");
	CHECK_STR(cat->kannel[0].username, "u");
	CHECK_STR(cat->kannel[0].password, "p");
	CHECK_STR(cat->kannel[0].secret, "0123456789abcdef");
	CHECK_INT(cat->kannel[0].n_numbers, 2);
	CHECK_STR(cat->kannel[0].numbers[0], "+34600000000");
	CHECK_STR(cat->kannel[0].numbers[1], "+34600000001");
	CHECK_INT(cat->kannel[0].max_in_flight, 3);
	CHECK_INT(cat->kannel[0].line, 14);
	CHECK_INT(cat->policy.reply_expiry_minutes, 5);
	CHECK_INT(cat->policy.retention_days, 3650);
	CHECK_INT(cat->policy.national_shift, 1);
	catalog_free(cat);
}

static int reject_boked(const struct cat_reply *r, const struct catalog *cat,
			char *why, size_t cap)
{
	(void)cat;
	if (strcmp(r->name, "boked") != 0)
		return 0;
	snprintf(why, cap, "no standard reply is called 'boked'");
	return 1;
}

/* The language side's hook sees every well-shaped reply. */
static void test_reply_hook(void)
{
	char path[128], text[1024];
	struct cat_diags diags;
	struct catalog *cat;

	snprintf(path, sizeof(path), "%s/replies.cfg", tmp_dir);
	snprintf(text, sizeof(text),
		 "%sreplies = {\n  booked = \"B\";\n"
		 "  boked = \"B\";\n};\n",
		 minimal_cfg);
	write_file(path, text, 0600);
	catalog_set_reply_check(reject_boked);
	cat = catalog_load(path, &diags);
	catalog_set_reply_check(NULL);
	CHECK(cat == NULL);
	CHECK_INT(diags.n, 1);
	CHECK_INT(diags.n ? diags.v[0].line : 0, 9);
	CHECK_STR(diags.n ? diags.v[0].msg : NULL,
		  "no standard reply is called 'boked'");
	catalog_diags_free(&diags);
	catalog_free(cat);
	cat = catalog_load(path, &diags);
	CHECK(cat != NULL);
	CHECK_INT(diags.n, 0);
	catalog_diags_free(&diags);
	catalog_free(cat);
}

static void test_days_forms(void)
{
	static const struct {
		const char *days;
		unsigned bits;
	} rows[] = {
	    {"mon-fri", CAT_MON | CAT_TUE | CAT_WED | CAT_THU | CAT_FRI},
	    {"sat", CAT_SAT},
	    {"sat-sun", CAT_SAT | CAT_SUN},
	    {"mon,wed,fri", CAT_MON | CAT_WED | CAT_FRI},
	    {"daily", 0x7F},
	    {"Fri-Mon", CAT_FRI | CAT_SAT | CAT_SUN | CAT_MON}, /* wraps */
	    {"tue, thu", CAT_TUE | CAT_THU},
	    {"weekdays", 0x1F},
	    {"weekend", CAT_SAT | CAT_SUN},
	    {"Sunday", CAT_SUN},
	};
	char path[128], text[2048];
	struct catalog *cat;
	size_t n = sizeof(rows) / sizeof(rows[0]);
	int len;

	/* One entry per row, each in its own hour so none overlap. */
	len = snprintf(text, sizeof(text),
		       "database = \"/tmp/x.db\";\n"
		       "modems = ( { device = \"/dev/ttyUSB0\"; } );\n"
		       "business = { name = \"B\"; timezone = \"UTC\";\n"
		       "  hours = (\n");
	for (size_t i = 0; i < n; i++)
		len +=
		    snprintf(text + len, sizeof(text) - (size_t)len,
			     "    { days = \"%s\"; open = \"%02zu:00\"; "
			     "close = \"%02zu:30\"; }%s\n",
			     rows[i].days, i + 8, i + 8, i + 1 < n ? "," : "");
	snprintf(text + len, sizeof(text) - (size_t)len,
		 "  ); };\n"
		 "services = ( { id = \"cut\"; name = \"Cut\"; words = "
		 "[ \"cut\" ];\n  price = \"EUR 9\"; minutes = 20; } );\n");
	snprintf(path, sizeof(path), "%s/days.cfg", tmp_dir);
	write_file(path, text, 0600);
	cat = catalog_load(path, NULL);
	CHECK(cat != NULL);
	if (cat == NULL)
		return;
	CHECK_INT(cat->n_hours, n);
	for (size_t i = 0; i < n && i < cat->n_hours; i++) {
		CHECK_INT(cat->hours[i].days, rows[i].bits);
		CHECK_INT(cat->hours[i].open_min, (int)(i + 8) * 60);
		CHECK_INT(cat->hours[i].close_min, (int)(i + 8) * 60 + 30);
		CHECK_INT(cat->hours[i].line, 5 + (int)i);
	}
	catalog_free(cat);
}

static void test_pin_warning(void)
{
	char path[128], text[1024];
	struct cat_diags diags;
	struct catalog *cat;

	snprintf(path, sizeof(path), "%s/pin.cfg", tmp_dir);
	/* minimal_cfg with its modems line (line 2) swapped for one with a PIN
	 */
	snprintf(text, sizeof(text),
		 "database = \"/tmp/x.db\";\n"
		 "modems = ( { device = \"/dev/ttyUSB0\";\n"
		 "             pin = \"1234\"; } );\n%s",
		 strchr(strchr(minimal_cfg, '\n') + 1, '\n') + 1);
	write_file(path, text, 0644);
	cat = catalog_load(path, &diags);
	CHECK(cat != NULL); /* a warning does not stop the load */
	CHECK_INT(diags.n, 1);
	CHECK_INT(diags.n_errors, 0);
	if (diags.n == 1) {
		CHECK_INT(diags.v[0].line, 3);
		CHECK_INT(diags.v[0].warning, 1);
		CHECK_STR(diags.v[0].msg,
			  "this file holds a SIM PIN and other users can read "
			  "it; make it private with chmod 600");
	}
	CHECK_STR(cat ? cat->modems[0].pin : NULL, "1234");
	catalog_diags_free(&diags);
	catalog_free(cat);

	chmod(path, 0600);
	cat = catalog_load(path, &diags);
	CHECK(cat != NULL);
	CHECK_INT(diags.n, 0);
	catalog_diags_free(&diags);
	catalog_free(cat);

	chmod(path, 0640); /* group-readable is readable by others too */
	cat = catalog_load(path, &diags);
	CHECK_INT(diags.n, 1);
	catalog_diags_free(&diags);
	catalog_free(cat);
}

/* ---- the file's form: BOM, CRLF, tabs, UTF-16 ------------------------------
 */

/* minimal_cfg with a BOM in front, CRLF line ends and tabs for spaces. */
static void test_windows_file(void)
{
	char path[128], text[2048];
	size_t n = 3;
	struct cat_diags diags;
	struct catalog *cat;

	memcpy(text, "\xEF\xBB\xBF", 3);
	for (const char *p = minimal_cfg; *p != '\0' && n + 3 < sizeof(text);
	     p++) {
		if (*p == '\n')
			text[n++] = '\r';
		text[n++] = *p == ' ' ? '\t' : *p;
	}
	text[n] = '\0';
	snprintf(path, sizeof(path), "%s/windows.cfg", tmp_dir);
	write_file(path, text, 0600);
	cat = catalog_load(path, &diags);
	CHECK(cat != NULL);
	/* Only the tab now inside the price is worth a word. */
	CHECK_INT(diags.n, 1);
	CHECK_INT(diags.n ? diags.v[0].line : 0, 6);
	CHECK_INT(diags.n ? diags.v[0].warning : 0, 1);
	catalog_diags_free(&diags);
	if (cat == NULL)
		return;
	CHECK_STR(cat->business_name, "B");
	CHECK_INT(cat->hours[0].line, 4); /* the BOM did not shift lines */
	CHECK_INT(cat->services[0].line, 5);
	CHECK_STR(cat->services[0].price, "EUR\t9"); /* tabs inside text kept */
	catalog_free(cat);

	/* A BOM followed by a mistake: the mistake's own line. */
	snprintf(text, sizeof(text),
		 "\xEF\xBB\xBF%s\r\npolicy = { "
		 "max_segments = 0; };\r\n",
		 minimal_cfg);
	write_file(path, text, 0600);
	cat = catalog_load(path, &diags);
	CHECK(cat == NULL);
	CHECK_INT(diags.n, 1);
	CHECK_INT(diags.n ? diags.v[0].line : 0, 8);
	catalog_diags_free(&diags);
}

static void test_utf16_file(void)
{
	char path[128];
	struct cat_diags diags;
	FILE *f;

	snprintf(path, sizeof(path), "%s/utf16.cfg", tmp_dir);
	f = fopen(path, "wb");
	fwrite("\xFF\xFE"
	       "d\0b\0 \0=\0",
	       1, 10, f);
	fclose(f);
	CHECK(catalog_load(path, &diags) == NULL);
	CHECK_INT(diags.n, 1);
	CHECK_STR(diags.n ? diags.v[0].msg : NULL,
		  "the file is saved as UTF-16; save it as UTF-8");
	catalog_diags_free(&diags);
}

/* ---- warnings the caller asks for, and the hooks ------------------------- */

static void test_warn_past(void)
{
	char path[128], text[1024];
	struct cat_diags diags;
	struct catalog *cat;

	snprintf(path, sizeof(path), "%s/past.cfg", tmp_dir);
	snprintf(text, sizeof(text),
		 "database = \"/tmp/x.db\";\n"
		 "modems = ( { device = \"/dev/ttyUSB0\"; } );\n"
		 "business = { name = \"B\"; timezone = \"Europe/Paris\";\n"
		 "  closed = [ \"2026-12-25\",\n"
		 "             \"2025-12-25\",\n"
		 "             \"2026-11-30\" ];\n"
		 "  hours = ( { days = \"daily\"; open = \"10:00\"; close = "
		 "\"12:00\"; } ); };\n"
		 "services = ( { id = \"cut\"; name = \"Cut\"; words = [ "
		 "\"cut\" ];\n  price = \"EUR 9\"; minutes = 20; } );\n");
	write_file(path, text, 0600);
	cat = catalog_load(path, &diags);
	CHECK(cat != NULL);
	CHECK_INT(diags.n, 0);
	if (cat == NULL)
		return;
	CHECK_INT(cat->closed_line[0], 5); /* sorted: 2025-12-25 first */
	CHECK_INT(cat->closed_line[1], 6);
	CHECK_INT(cat->closed_line[2], 4);
	catalog_warn_past(cat, "2026-12-01", &diags);
	CHECK_INT(diags.n, 2);
	CHECK_INT(diags.n_errors, 0);
	if (diags.n == 2) {
		CHECK_INT(diags.v[0].line, 5);
		CHECK_INT(diags.v[0].warning, 1);
		CHECK_STR(
		    diags.v[0].msg,
		    "closed date '2025-12-25' is already past (today is "
		    "2026-12-01); if you meant next year's, fix the year");
		CHECK_INT(diags.v[1].line, 6);
	}
	catalog_diags_free(&diags);
	catalog_warn_past(cat, "2026-11-30", &diags); /* today is not past */
	CHECK_INT(diags.n, 1);
	catalog_diags_free(&diags);
	catalog_free(cat);
}

static void long_promise(const struct catalog *cat,
			 const struct cat_service *svc, char *out, size_t cap)
{
	(void)cat;
	snprintf(out, cap, "%s: %0200d", svc->name, 0);
}

/* The desk's hook decides how long the confirmation is. */
static void test_confirmation_hook(void)
{
	char path[128];
	struct cat_diags diags;
	struct catalog *cat;

	snprintf(path, sizeof(path), "%s/hook.cfg", tmp_dir);
	write_file(path, minimal_cfg, 0600);
	catalog_set_confirmation_text(long_promise);
	cat = catalog_load(path, &diags);
	catalog_set_confirmation_text(NULL);
	CHECK(cat != NULL);
	CHECK_INT(diags.n, 0); /* 2 parts, and max_segments is 2 */
	catalog_diags_free(&diags);
	catalog_free(cat);

	write_file(path,
		   "database = \"/tmp/x.db\";\n"
		   "modems = ( { device = \"/dev/ttyUSB0\"; } );\n"
		   "business = { name = \"B\"; timezone = \"UTC\";\n"
		   "  hours = ( { days = \"daily\"; open = \"10:00\"; close = "
		   "\"12:00\"; } ); };\n"
		   "services = ( { id = \"cut\"; name = \"Cut\"; words = [ "
		   "\"cut\" ];\n  price = \"EUR 9\"; minutes = 20; } );\n"
		   "policy = { max_segments = 1; };\n",
		   0600);
	catalog_set_confirmation_text(long_promise);
	cat = catalog_load(path, &diags);
	catalog_set_confirmation_text(NULL);
	CHECK(cat != NULL);
	CHECK_INT(diags.n, 1);
	CHECK_INT(diags.n ? diags.v[0].line : 0, 5);
	CHECK(diags.n && strstr(diags.v[0].msg, "is 2 SMS parts") != NULL);
	catalog_diags_free(&diags);
	catalog_free(cat);
	/* Without the hook, desk.c's wording: one part, no warning. */
	cat = catalog_load(path, &diags);
	CHECK_INT(diags.n, 0);
	catalog_diags_free(&diags);
	catalog_free(cat);
}

/* Staff PINs and Kannel passwords: keep the file private too. */
static void test_secret_warning(void)
{
	char path[128], text[1024];
	struct cat_diags diags;
	struct catalog *cat;

	snprintf(path, sizeof(path), "%s/secret.cfg", tmp_dir);
	snprintf(text, sizeof(text),
		 "%sstaff = ( { name = \"Sam\"; phone = \"+33 6 12 34 56 "
		 "78\";\n  pin = \"4821\"; } );\n",
		 minimal_cfg);
	write_file(path, text, 0644);
	cat = catalog_load(path, &diags);
	CHECK(cat != NULL);
	CHECK_INT(diags.n, 1);
	CHECK_INT(diags.n ? diags.v[0].line : 0, 8);
	CHECK_STR(diags.n ? diags.v[0].msg : NULL,
		  "this file holds staff PINs or Kannel passwords and other "
		  "users can read it; make it private with chmod 600");
	catalog_diags_free(&diags);
	catalog_free(cat);
	chmod(path, 0600);
	cat = catalog_load(path, &diags);
	CHECK_INT(diags.n, 0);
	CHECK_STR(cat ? cat->staff[0].phone : NULL, "+33612345678");
	catalog_diags_free(&diags);
	catalog_free(cat);
}

static void test_missing_file(void)
{
	struct cat_diags diags;
	char out[300];

	CHECK(catalog_load("/nonexistent/smsdesk.cfg", &diags) == NULL);
	CHECK_INT(diags.n, 1);
	CHECK_INT(diags.n_errors, 1);
	if (diags.n == 1) {
		CHECK_INT(diags.v[0].line, 0);
		catalog_diag_format("/nonexistent/smsdesk.cfg", &diags.v[0],
				    out, sizeof(out));
		CHECK_STR(out, "/nonexistent/smsdesk.cfg: cannot read the "
			       "file: No such file or directory");
	}
	catalog_diags_free(&diags);

	/* libconfig would exit the process on a directory: never get there */
	CHECK(catalog_load(tmp_dir, &diags) == NULL);
	CHECK_INT(diags.n, 1);
	CHECK_STR(diags.n ? diags.v[0].msg : NULL,
		  "cannot read the file: it is not a regular file");
	catalog_diags_free(&diags);
}

static void test_diag_format(void)
{
	struct cat_diag d = {7, 0, "unknown key 'pirce'"};
	char out[300], small[12];

	catalog_diag_format("a.cfg", &d, out, sizeof(out));
	CHECK_STR(out, "a.cfg:7: unknown key 'pirce'");
	d.warning = 1;
	catalog_diag_format("a.cfg", &d, out, sizeof(out));
	CHECK_STR(out, "a.cfg:7: warning: unknown key 'pirce'");
	d.line = 0;
	d.warning = 0;
	catalog_diag_format("a.cfg", &d, out, sizeof(out));
	CHECK_STR(out, "a.cfg: unknown key 'pirce'");
	catalog_diag_format("a.cfg", &d, small, sizeof(small));
	CHECK_STR(small, "a.cfg: unkn");
}

/* ---- the corpus of broken files ------------------------------------------ */

struct expect {
	int line;
	int warning;
	char msg[300];
};

/* Read the "# expect: LINE: [warning: ]message" header lines of path (a
 * message ending in "..." is a prefix). */
static size_t read_expectations(const char *path, struct expect *ex, size_t cap)
{
	FILE *f = fopen(path, "r");
	char buf[600];
	size_t n = 0;

	if (f == NULL)
		return 0;
	while (fgets(buf, sizeof(buf), f) != NULL && n < cap) {
		char *msg;
		int line;

		if (strncmp(buf, "# expect: ", 10) != 0)
			continue;
		line = (int)strtol(buf + 10, &msg, 10);
		if (strncmp(msg, ": ", 2) != 0)
			continue;
		msg += 2;
		msg[strcspn(msg, "\n")] = '\0';
		ex[n].line = line;
		ex[n].warning = strncmp(msg, "warning: ", 9) == 0;
		snprintf(ex[n].msg, sizeof(ex[n].msg), "%s",
			 msg + (ex[n].warning ? 9 : 0));
		n++;
	}
	fclose(f);
	return n;
}

static int name_order(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void check_bad_file(const char *dir, const char *name)
{
	char path[1400];
	struct expect ex[16];
	struct cat_diags diags;
	struct catalog *cat;
	size_t n_ex, n_err = 0;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	n_ex = read_expectations(path, ex, 16);
	TEST_BEGIN("%s/%s", strrchr(dir, '/') + 1, name);
	CHECK(n_ex > 0);
	/* The corpus is in git: make sure group/other permissions do not
	 * add a PIN warning the header does not state. */
	chmod(path, 0600);
	cat = catalog_load(path, &diags);
	for (size_t i = 0; i < n_ex; i++)
		n_err += !ex[i].warning;
	CHECK_INT(diags.n, n_ex);
	CHECK_INT(diags.n_errors, n_err);
	CHECK(n_err > 0 ? cat == NULL : cat != NULL);
	for (size_t i = 0; i < n_ex && i < diags.n; i++) {
		CHECK_INT(diags.v[i].line, ex[i].line);
		CHECK_INT(diags.v[i].warning, ex[i].warning);
		/* "..." at the end: the message starts so (a list that grows
		 * as language packs are added). */
		size_t el = strlen(ex[i].msg);
		if (el > 3 && strcmp(ex[i].msg + el - 3, "...") == 0)
			CHECK(strncmp(diags.v[i].msg, ex[i].msg, el - 3) == 0);
		else
			CHECK_STR(diags.v[i].msg, ex[i].msg);
	}
	for (size_t i = n_ex; i < diags.n; i++)
		printf("  extra: %d: %s\n", diags.v[i].line, diags.v[i].msg);
	catalog_diags_free(&diags);
	catalog_free(cat);
	TEST_END();
}

/* Every .cfg of tests/data/DIR states its own diagnostics: check each. */
static void test_corpus(const char *rel, size_t at_least)
{
	char dir[1024];
	char *names[256];
	size_t n = 0;
	DIR *d;
	struct dirent *e;

	path_in_src(dir, sizeof(dir), rel);
	d = opendir(dir);
	TEST_BEGIN("%s has %zu+ files", rel, at_least);
	CHECK(d != NULL);
	while (d != NULL && (e = readdir(d)) != NULL && n < 256) {
		size_t len = strlen(e->d_name);
		if (len > 4 && strcmp(e->d_name + len - 4, ".cfg") == 0)
			names[n++] = strdup(e->d_name);
	}
	if (d != NULL)
		closedir(d);
	CHECK(n >= at_least);
	TEST_END();
	qsort(names, n, sizeof(names[0]), name_order);
	for (size_t i = 0; i < n; i++) {
		check_bad_file(dir, names[i]);
		free(names[i]);
	}
}

/* ---- the generated big catalog ------------------------------------------- */

/* Same spelling as gen_word() in tests/bench/gen_catalog.sh. */
static void gen_word(unsigned k, char *out)
{
	static const char *syl[20] = {"ka", "lo", "mi", "nu", "pe", "ra", "si",
				      "to", "vu", "ze", "ba", "do", "fi", "gu",
				      "ha", "je", "ko", "li", "mo", "ne"};
	char tmp[9];

	for (int i = 3; i >= 0; i--) {
		memcpy(tmp + 2 * i, syl[k % 20], 2);
		k /= 20;
	}
	tmp[8] = '\0';
	memcpy(out, tmp, 9);
}

static int brute_best(const char *q, int bq, char **words, size_t n_words)
{
	int best = 99;

	for (size_t w = 0; w < n_words; w++) {
		int k = text_typo_budget(text_codepoints(words[w]));
		int dist = text_distance(q, words[w], k < bq ? k : bq);

		if (dist <= (k < bq ? k : bq) && dist < best)
			best = dist;
	}
	return best;
}

/* Every service and topic with a word within the typo budget, by scanning. */
static size_t brute_fuzzy(const struct catalog *cat, const char *q,
			  struct cat_match *out, size_t cap)
{
	int bq = text_typo_budget(text_codepoints(q));
	size_t n = 0;

	for (size_t i = 0; i < cat->n_services; i++) {
		int best = brute_best(q, bq, cat->services[i].words,
				      cat->services[i].n_words);
		if (best < 99 && n < cap)
			out[n++] = (struct cat_match){CAT_SERVICE, i, best};
	}
	for (size_t i = 0; i < cat->n_topics; i++) {
		int best = brute_best(q, bq, cat->topics[i].words,
				      cat->topics[i].n_words);
		if (best < 99 && n < cap)
			out[n++] = (struct cat_match){CAT_TOPIC, i, best};
	}
	return n;
}

static int match_by_owner(const void *pa, const void *pb)
{
	const struct cat_match *a = pa, *b = pb;

	if (a->kind != b->kind)
		return a->kind == CAT_SERVICE ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

/* Mutate word w (8 letters) into q with one of four kinds of typo. */
static void make_typo(const char *w, char *q, unsigned r)
{
	size_t p = (r >> 4) % 7;
	char c;

	memcpy(q, w, 9);
	switch (r % 4) {
	case 0: /* substitute */
		q[p] = 'x';
		break;
	case 1: /* swap neighbours */
		c = q[p];
		q[p] = q[p + 1];
		q[p + 1] = c;
		break;
	case 2: /* delete two */
		memmove(q + p, q + p + 2, 9 - p - 2);
		break;
	default: /* insert one */
		memmove(q + p + 1, q + p, 9 - p);
		q[p] = 'q';
		break;
	}
}

#define BIG_CAP	  64 /* as many as catalog_lookup keeps */
#define BRUTE_CAP 4096

static void test_big_catalog(void)
{
	char path[256], cmd[2048], w[16], q[16];
	struct cat_diags diags;
	struct catalog *cat;
	static struct cat_match m[BIG_CAP], b[BRUTE_CAP];
	size_t n;
	unsigned seed = 12345;

	snprintf(path, sizeof(path), "%s/big.cfg", tmp_dir);
	snprintf(cmd, sizeof(cmd),
		 "sh '%s/tests/bench/gen_catalog.sh' '%s' 10000 1000 100",
		 src_dir, path);
	CHECK_INT(system(cmd), 0);
	cat = catalog_load(path, &diags);
	CHECK(cat != NULL);
	/* the generated services start every so often: warnings about it
	 * are fine, errors are not */
	size_t errors = 0;
	for (size_t i = 0; i < diags.n; i++)
		errors += diags.v[i].warning == 0;
	CHECK_INT(errors, 0);
	catalog_diags_free(&diags);
	if (cat == NULL)
		return;
	CHECK_INT(cat->n_services, 10000);
	CHECK_INT(cat->n_referrals, 1000);
	CHECK_INT(cat->n_topics, 100);
	CHECK_STR(cat->services[9999].id, "svc-9999");
	CHECK_INT(catalog_max_phrase_words(cat), 2);

	/* Word 3*k+1 belongs to service k. */
	gen_word(3 * 4321 + 1, w);
	n = catalog_lookup(cat, w, 0, m, BIG_CAP);
	CHECK_INT(n, 1);
	CHECK_INT(m[0].idx, 4321);

	/*
	 * Random typos: the index must agree with a brute-force scan. The
	 * made-up words are dense (many lie two edits apart), so compare
	 * whole sets only when they fit in one answer.
	 */
	for (int t = 0; t < 200; t++) {
		size_t nb;
		unsigned r;

		seed = seed * 1103515245u + 12345u;
		gen_word((seed >> 8) % 30100, w);
		seed = seed * 1103515245u + 12345u;
		r = seed >> 8;
		make_typo(w, q, r);
		TEST_BEGIN("big catalog: typo '%s' of '%s'", q, w);
		n = catalog_lookup(cat, q, 1, m, BIG_CAP);
		nb = brute_fuzzy(cat, q, b, BRUTE_CAP);
		if (r % 4 != 2) /* two deleted: too short to stretch that far */
			CHECK(n >= 1);
		CHECK_INT(n, nb < BIG_CAP ? nb : BIG_CAP);
		for (size_t i = 0; i < n; i++) {
			const struct cat_match *hit =
			    bsearch(&m[i], b, nb, sizeof(b[0]), match_by_owner);
			CHECK(hit != NULL);
			CHECK_INT(hit ? hit->distance : -1, m[i].distance);
		}
		TEST_END();
	}
	catalog_free(cat);
}

int main(void)
{
	const char *src = getenv("SMSDESK_SRC");
	char tmpl[] = "/tmp/test_catalog.XXXXXX";
	char cmd[128];

	snprintf(src_dir, sizeof(src_dir), "%s", src != NULL ? src : ".");
	if (mkdtemp(tmpl) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(tmp_dir, sizeof(tmp_dir), "%s", tmpl);
	RUN(test_example_loads_silently);
	RUN(test_example_fields);
	RUN(test_example_referrals_for);
	RUN(test_example_phrases_at);
	test_lookup_table();
	RUN(test_lookup_exact_first);
	RUN(test_defaults);
	RUN(test_second_wave_keys);
	RUN(test_reply_hook);
	RUN(test_days_forms);
	RUN(test_pin_warning);
	RUN(test_windows_file);
	RUN(test_utf16_file);
	RUN(test_warn_past);
	RUN(test_confirmation_hook);
	RUN(test_secret_warning);
	RUN(test_missing_file);
	RUN(test_diag_format);
	test_corpus("tests/data/catalog-bad", 100);
	test_corpus("tests/data/catalog-warn", 10);
	RUN(test_big_catalog);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmp_dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmp_dir);
	return h_done();
}
