/*
 * phone: numbers as people write them become E.164 with the business's
 * country (national forms, international prefixes of that country, "(0)"
 * after the code only where the trunk prefix is 0), and anything uncertain
 * is an error; the country table is sorted, complete for the ISO codes
 * zone.tab names, and agrees with ITU-T's assigned codes for a sample;
 * phone_kind lets the type of number decide over the characters.
 */
#include "harness.h"

#include "smsdesk/pdu.h"
#include "smsdesk/phone.h"

#include <stdio.h>

static const struct {
	const char *written;
	const char *country;
	int rc;
	const char *want;
} rows[] = {
    /* The business's own country, written the national way. */
    {"07700 900123", "GB", PHONE_OK, "+447700900123"},
    {"07700900123", "gb", PHONE_OK, "+447700900123"},
    {"(020) 7946-0958", "GB", PHONE_OK, "+442079460958"},
    {"020.7946.0958", "GB", PHONE_OK, "+442079460958"},
    {"01632 960123", "GB", PHONE_OK, "+441632960123"},
    /* International forms. */
    {"+44 7700 900123", "GB", PHONE_OK, "+447700900123"},
    {"+44 (0)20 7946 0958", "GB", PHONE_OK, "+442079460958"},
    {"+44 (0) 7700 900123", "US", PHONE_OK, "+447700900123"},
    {"0044 7700 900123", "GB", PHONE_OK, "+447700900123"},
    {"00 44 7700 900123", "ES", PHONE_OK, "+447700900123"},
    {"+447700900123", NULL, PHONE_OK, "+447700900123"},
    {"+447700900123", "", PHONE_OK, "+447700900123"},
    {"0044 7700 900123", NULL, PHONE_OK, "+447700900123"},
    /* Italy keeps its leading 0 after the code; (0) is part of it. */
    {"+39 06 6988 0000", "GB", PHONE_OK, "+390669880000"},
    {"06 6988 0000", "IT", PHONE_OK, "+390669880000"},
    {"+39 (0)6 6988 0000", "GB", PHONE_OK, "+390669880000"},
    /* NANP: trunk 1, international prefix 011; 00 is not one there. */
    {"(415) 555-0100", "US", PHONE_OK, "+14155550100"},
    {"1 (415) 555-0100", "US", PHONE_OK, "+14155550100"},
    {"1-416-555-0100", "CA", PHONE_OK, "+14165550100"},
    {"011 44 7700 900123", "US", PHONE_OK, "+447700900123"},
    {"+1 415 555 0100", "GB", PHONE_OK, "+14155550100"},
    /* Russia: trunk 8, international 8~10. */
    {"8 (912) 345-67-89", "RU", PHONE_OK, "+79123456789"},
    {"8~10 44 7700 900123", "RU", PHONE_OK, "+447700900123"},
    {"810 44 7700 900123", "RU", PHONE_OK, "+447700900123"},
    {"+7 912 345 67 89", "GB", PHONE_OK, "+79123456789"},
    /* Hungary: trunk 06. Spain: none. Japan: international 010. */
    {"06 30 123 4567", "HU", PHONE_OK, "+36301234567"},
    {"612 345 678", "ES", PHONE_OK, "+34612345678"},
    {"010 44 7700 900123", "JP", PHONE_OK, "+447700900123"},
    {"090-1234-5678", "JP", PHONE_OK, "+819012345678"},
    /* Brazil: 00 and a carrier code. Australia: 0011. */
    {"0021 44 7700 900123", "BR", PHONE_OK, "+447700900123"},
    {"0011 44 7700 900123", "AU", PHONE_OK, "+447700900123"},
    {"0412 345 678", "AU", PHONE_OK, "+61412345678"},
    /* Separators beyond ASCII: no-break space, en dash. */
    {"07700\xC2\xA0"
     "900123",
     "GB", PHONE_OK, "+447700900123"},
    {"07700\xE2\x80\x93"
     "900123",
     "GB", PHONE_OK, "+447700900123"},
    /* Non-geographic codes: +800 freephone, +882 networks. */
    {"+800 1234 5678", NULL, PHONE_OK, "+80012345678"},
    {"+882 1234 5678", NULL, PHONE_OK, "+88212345678"},
    /* Errors, never guesses. */
    {"", "GB", PHONE_EMPTY, ""},
    {" - ", "GB", PHONE_EMPTY, ""},
    {"0800 FLOWERS", "GB", PHONE_BAD_CHAR, ""},
    {"07700 900123 ext 4", "GB", PHONE_BAD_CHAR, ""},
    {"07700 900123", NULL, PHONE_NO_COUNTRY, ""},
    {"07700 900123", "", PHONE_NO_COUNTRY, ""},
    {"07700 900123", "UK", PHONE_UNKNOWN_COUNTRY, ""},
    {"07700 900123", "GBR", PHONE_UNKNOWN_COUNTRY, ""},
    {"+0044 7700 900123", "GB", PHONE_BAD_CALLING_CODE, ""},
    {"+28 1234 5678", NULL, PHONE_BAD_CALLING_CODE, ""}, /* spare */
    {"+44 12", NULL, PHONE_TOO_SHORT, ""},
    {"012", "GB", PHONE_TOO_SHORT, ""},
    {"+44 7700 900123 4567", NULL, PHONE_TOO_LONG, ""},
    {"1234567890123456789012345", "GB", PHONE_TOO_LONG, ""},
    {"07700 +900123", "GB", PHONE_BAD_CHAR, ""},
    {"(07700 900123", "GB", PHONE_BAD_CHAR, ""},
    {"07700) 900123", "GB", PHONE_BAD_CHAR, ""},
    {"++447700900123", NULL, PHONE_BAD_CHAR, ""},
    /* A digit missing or one too many for the country's plan. */
    {"07700 9001", "GB", PHONE_BAD_LENGTH, ""},
    {"+44 7700 9001234", NULL, PHONE_BAD_LENGTH, ""},
    {"+1 415 555 010", NULL, PHONE_BAD_LENGTH, ""},
    {"612 345 67", "ES", PHONE_BAD_LENGTH, ""},
    /* Shorter plans are fine where they exist: Niue, Saint Helena. */
    {"+683 4002", NULL, PHONE_OK, "+6834002"},
    {"+290 22001", NULL, PHONE_OK, "+29022001"},
};

static void test_rows(void)
{
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		char out[PHONE_E164_MAX];
		int rc;

		TEST_BEGIN("'%s' in %s", rows[i].written,
			   rows[i].country ? rows[i].country : "(none)");
		rc = phone_to_e164(rows[i].written, rows[i].country, out,
				   sizeof(out));
		CHECK_INT(rc, rows[i].rc);
		CHECK_STR(out, rows[i].want);
		TEST_END();
	}
}

static void test_lengths(void)
{
	char out[PHONE_E164_MAX], text[64];

	phone_lengths_text(44, text, sizeof(text));
	CHECK_STR(text, "7, 9 or 10");
	phone_lengths_text(34, text, sizeof(text));
	CHECK_STR(text, "9");
	phone_lengths_text(800, text, sizeof(text)); /* not stated */
	CHECK_STR(text, "");
	CHECK_INT(phone_country("GB")->nsn_lengths,
		  (1UL << 7) | (1UL << 9) | (1UL << 10));
	/* What the staff wrote, read without the length check. */
	CHECK_INT(
	    phone_to_e164_any_length("07700 9001", "GB", out, sizeof(out)),
	    PHONE_OK);
	CHECK_STR(out, "+4477009001");
	CHECK(strstr(phone_error_text(PHONE_BAD_LENGTH), "digits") != NULL);
}

static void test_no_room(void)
{
	char small[PHONE_E164_MAX - 1];

	CHECK_INT(phone_to_e164("+447700900123", NULL, small, sizeof(small)),
		  PHONE_NO_ROOM);
	CHECK_INT(phone_to_e164(NULL, "GB", small, PHONE_E164_MAX - 1),
		  PHONE_NO_ROOM);
	CHECK(phone_error_text(PHONE_TOO_LONG)[0] != '\0');
	CHECK(phone_error_text(-99)[0] != '\0');
}

/* Same number every way a person might write it: one E.164. */
static void test_one_number_many_ways(void)
{
	static const char *ways[] = {
	    "+447700900123",	"+44 7700 900123", "+44 (0)7700 900123",
	    "0044 7700 900123", "07700 900123",	   "07700-900-123",
	    "(07700) 900123",	"0 7700 900 123",
	};
	for (size_t i = 0; i < sizeof(ways) / sizeof(ways[0]); i++) {
		char out[PHONE_E164_MAX];

		CHECK_INT(phone_to_e164(ways[i], "GB", out, sizeof(out)),
			  PHONE_OK);
		CHECK_STR(out, "+447700900123");
	}
}

static void test_table(void)
{
	size_t n;
	const struct phone_country *t = phone_countries(&n);
	static const struct {
		const char *iso;
		unsigned cc;
	} itu[] = {
	    /* ITU-T E.164 assigned codes (a sample across zones). */
	    {"US", 1},	 {"CA", 1},   {"JM", 1},   {"RU", 7},	{"KZ", 7},
	    {"EG", 20},	 {"ZA", 27},  {"GR", 30},  {"NL", 31},	{"FR", 33},
	    {"ES", 34},	 {"HU", 36},  {"IT", 39},  {"GB", 44},	{"GG", 44},
	    {"JE", 44},	 {"IM", 44},  {"DE", 49},  {"MX", 52},	{"BR", 55},
	    {"AU", 61},	 {"NZ", 64},  {"JP", 81},  {"CN", 86},	{"TR", 90},
	    {"IN", 91},	 {"PT", 351}, {"IE", 353}, {"IS", 354}, {"FI", 358},
	    {"UA", 380}, {"HK", 852}, {"AE", 971}, {"NU", 683}, {"SH", 290},
	    {"AQ", 672}, {"VA", 39},
	};

	CHECK(n >= 249);
	for (size_t i = 1; i < n; i++)
		CHECK(strcmp(t[i - 1].iso, t[i].iso) < 0);
	for (size_t i = 0; i < n; i++) {
		CHECK(t[i].cc >= 1 && t[i].cc <= 999);
		CHECK(t[i].intl != NULL && t[i].trunk != NULL);
		CHECK(t[i].intl[0] != '\0');
	}
	for (size_t i = 0; i < sizeof(itu) / sizeof(itu[0]); i++) {
		const struct phone_country *c = phone_country(itu[i].iso);

		CHECK(c != NULL);
		CHECK_INT(c ? c->cc : 0, itu[i].cc);
	}
	CHECK_STR(phone_country("gb")->trunk, "0");
	CHECK_STR(phone_country("GB")->intl, "00");
	CHECK_STR(phone_country("US")->intl, "011");
	CHECK_STR(phone_country("RU")->trunk, "8");
	CHECK(phone_country("UK") == NULL);
	CHECK(phone_country("G") == NULL);
	CHECK(phone_country("") == NULL);
	CHECK(phone_country(NULL) == NULL);
}

/* Every country tzdata's zone.tab names is in the table. */
static void test_zone_tab_countries(void)
{
	FILE *fp = fopen("/usr/share/zoneinfo/zone.tab", "r");
	char line[512];
	int seen = 0;

	if (fp == NULL) {
		printf("  (no /usr/share/zoneinfo/zone.tab: skipped)\n");
		return;
	}
	while (fgets(line, sizeof(line), fp) != NULL) {
		char iso[3] = {line[0], line[1], '\0'};

		if (line[0] == '#')
			continue;
		seen++;
		if (phone_country(iso) == NULL)
			printf("  missing: %s\n", iso);
		CHECK(phone_country(iso) != NULL);
	}
	fclose(fp);
	CHECK(seen > 200);
}

static void test_calling_code(void)
{
	size_t len = 0;

	CHECK_INT(phone_calling_code("447700900123", &len), 1);
	CHECK_INT(len, 2);
	CHECK_INT(phone_calling_code("14155550100", &len), 1);
	CHECK_INT(len, 1);
	CHECK_INT(phone_calling_code("35312345678", &len), 1);
	CHECK_INT(len, 3);
	CHECK_INT(phone_calling_code("80012345678", &len), 1);
	CHECK_INT(len, 3);
	CHECK_INT(phone_calling_code("0441234", NULL), 0);
	CHECK_INT(phone_calling_code("2812345", NULL), 0);
	CHECK_INT(phone_calling_code("", NULL), 0);
	CHECK_INT(phone_calling_code("4", NULL), 0);
}

static void test_kind(void)
{
	/* The type of number decides when it is known. */
	CHECK_INT(phone_kind("12345678", SMS_NUMBER_ALPHANUMERIC),
		  PHONE_KIND_ALPHANUMERIC);
	CHECK_INT(phone_kind("MyBank", SMS_NUMBER_ALPHANUMERIC),
		  PHONE_KIND_ALPHANUMERIC);
	CHECK_INT(phone_kind("+447700900123", SMS_NUMBER_INTERNATIONAL),
		  PHONE_KIND_NUMBER);
	CHECK_INT(phone_kind("447700900123", SMS_NUMBER_INTERNATIONAL),
		  PHONE_KIND_NUMBER);
	CHECK_INT(phone_kind("80888", SMS_NUMBER_ABBREVIATED),
		  PHONE_KIND_SHORT_CODE);
	CHECK_INT(phone_kind("07700900123", SMS_NUMBER_ABBREVIATED),
		  PHONE_KIND_SHORT_CODE);
	CHECK_INT(phone_kind("2222", SMS_NUMBER_NETWORK),
		  PHONE_KIND_SHORT_CODE);
	/* National or unknown type: the characters decide. */
	CHECK_INT(phone_kind("07700900123", SMS_NUMBER_NATIONAL),
		  PHONE_KIND_NUMBER);
	CHECK_INT(phone_kind("80888", SMS_NUMBER_UNKNOWN),
		  PHONE_KIND_SHORT_CODE);
	CHECK_INT(phone_kind("80888", -1), PHONE_KIND_SHORT_CODE);
	CHECK_INT(phone_kind("+447700900123", -1), PHONE_KIND_NUMBER);
	CHECK_INT(phone_kind("Vodafone", -1), PHONE_KIND_ALPHANUMERIC);
	CHECK_INT(phone_kind("+44770090O123", -1), PHONE_KIND_ALPHANUMERIC);
	CHECK_INT(phone_kind("", -1), PHONE_KIND_NONE);
	CHECK_INT(phone_kind(NULL, 1), PHONE_KIND_NONE);
	CHECK_INT(phone_kind("+", -1), PHONE_KIND_ALPHANUMERIC);
}

/* A number written as its country writes it at home, and every home
 * form read back to the same E.164 (the reply's number is one a customer
 * can dial and that phone_to_e164 takes). */
static void test_national(void)
{
	static const struct {
		const char *e164, *country, *home;
	} homes[] = {
	    {"+33478291352", "FR", "04 78 29 13 52"},
	    {"+33612345678", "fr", "06 12 34 56 78"},
	    {"+903322514410", "TR", "0332 251 44 10"},
	    {"+34968123456", "ES", "968 12 34 56"},
	    {"+34612345678", "ES", "612 345 678"},
	    {"+351912345678", "PT", "912 345 678"},
	    {"+5548999123456", "BR", "(48) 99912-3456"},
	    {"+554832224410", "BR", "(48) 3222-4410"},
	    {"+447700900123", "GB", "07700 900123"},
	    {"+4922112345678", "DE", "0221 12345678"},
	    /* the German area code apart: two digits for the big four,
	     * three ending in 1 and for mobiles, four else */
	    {"+493414629180", "DE", "0341 4629180"},
	    {"+493012345678", "DE", "030 12345678"},
	    {"+4915112345678", "DE", "0151 12345678"},
	    {"+4940881234", "DE", "040 881234"},
	    {"+4935011234567", "DE", "03501 1234567"},
	    /* a service number has no trunk 0 */
	    {"+49116117", "DE", "116 117"},
	};
	char out[40], back[PHONE_E164_MAX];
	for (size_t i = 0; i < sizeof homes / sizeof homes[0]; i++) {
		CHECK_INT(phone_national(homes[i].e164, homes[i].country, out,
					 sizeof out),
			  0);
		CHECK_STR(out, homes[i].home);
		CHECK_INT(
		    phone_to_e164(out, homes[i].country, back, sizeof back),
		    PHONE_OK);
		CHECK_STR(back, homes[i].e164);
	}
	/* another country's number, or none known: kept E.164 by the caller */
	CHECK_INT(phone_national("+33478291352", "ES", out, sizeof out), -1);
	CHECK_STR(out, "");
	CHECK_INT(phone_national("+33478291352", "", out, sizeof out), -1);
	CHECK_INT(phone_national("0478291352", "FR", out, sizeof out), -1);
	CHECK_INT(phone_national(NULL, "FR", out, sizeof out), -1);
	/* too little room: an error, never half a number */
	CHECK_INT(phone_national("+33478291352", "FR", out, 6), -1);
}

/* Who a customer in crisis is told to call: the country's own numbers,
 * either case; 112 and no line for a country not in the table or none. */
static void test_crisis(void)
{
	struct phone_crisis c = phone_crisis("DE");
	CHECK_STR(c.emergency, "112");
	CHECK_STR(c.line, "TelefonSeelsorge 0800 111 0 111");
	c = phone_crisis("fr");
	CHECK_STR(c.emergency, "112");
	CHECK_STR(c.line, "3114");
	c = phone_crisis("GB");
	CHECK_STR(c.emergency, "999");
	CHECK_STR(c.line, "Samaritans 116 123");
	c = phone_crisis("US");
	CHECK_STR(c.emergency, "911");
	CHECK_STR(c.line, "988");
	c = phone_crisis("BR");
	CHECK_STR(c.emergency, "192");
	CHECK_STR(c.line, "CVV 188");
	c = phone_crisis("TR");
	CHECK_STR(c.emergency, "112");
	CHECK(c.line == NULL);
	c = phone_crisis("ZZ");
	CHECK_STR(c.emergency, "112");
	CHECK(c.line == NULL);
	c = phone_crisis("");
	CHECK_STR(c.emergency, "112");
	c = phone_crisis(NULL);
	CHECK_STR(c.emergency, "112");
	c = phone_crisis("DEU");
	CHECK(c.line == NULL);
}

int main(void)
{
	test_rows();
	RUN(test_lengths);
	RUN(test_no_room);
	RUN(test_one_number_many_ways);
	RUN(test_table);
	RUN(test_zone_tab_countries);
	RUN(test_calling_code);
	RUN(test_kind);
	RUN(test_national);
	RUN(test_crisis);
	return h_done();
}
