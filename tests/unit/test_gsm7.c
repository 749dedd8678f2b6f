/*
 * test_gsm7: alphabets, packing and the segment planner, each checked by a
 * full trip through the real encoder and decoder (pdu.c), and the
 * planner's promise checked against what the encoder actually sends.
 */
#include "harness.h"
#include "smsdesk/gsm7.h"
#include "smsdesk/pdu.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define TO	 "+447700900123"

static struct pdu_segment segs[SMS_MAX_SEGMENTS + 1];
static struct sms_pdu decoded[SMS_MAX_SEGMENTS];
static char joined[SMS_MAX_SEGMENTS * SMS_TEXT_MAX];

/*
 * Encode text as SMS-SUBMIT, decode every segment, join the texts.
 * Returns the segment count (negative on an encoder error); checks that
 * the planner agrees on count, encoding and the last segment's units.
 */
static int roundtrip(const char *text)
{
	struct sms_plan plan;
	struct pdu_error err;
	int n, i, units = 0;
	size_t pos = 0;

	sms_plan(text, &plan);
	n = pdu_encode_submit(text, TO, NULL, segs, SMS_MAX_SEGMENTS, &err);
	if (n < 0)
		return n;
	CHECK_INT(n, plan.segments);
	joined[0] = '\0';
	for (i = 0; i < n; i++) {
		CHECK_INT(
		    pdu_decode(segs[i].hex, PDU_SMSC_AUTO, &decoded[i], &err),
		    PDU_OK);
		CHECK_INT(decoded[i].encoding, plan.encoding);
		memcpy(joined + pos, decoded[i].text, decoded[i].text_len);
		pos += decoded[i].text_len;
		if (n > 1) {
			CHECK_INT(decoded[i].concat.seq, i + 1);
			CHECK_INT(decoded[i].concat.total, n);
		}
	}
	joined[pos] = '\0';
	if (n > 0) {
		const struct sms_pdu *last = &decoded[n - 1];

		units = plan.encoding == SMS_ENC_GSM7 ? (int)last->ud_len
						      : (int)last->ud_len / 2;
		CHECK_INT(plan.per_segment - plan.units_left, units);
	}
	return n;
}

/* Every character of the basic table (all but the escape). */
static void test_basic_table(void)
{
	char all[128 * 3 + 1], one[8];
	size_t pos = 0;
	uint8_t code;
	struct sms_plan plan;
	uint32_t cp;

	for (code = 0; code < 128; code++) {
		if (code == 0x1B)
			continue;
		TEST_BEGIN("/gsm7/basic/0x%02X", code);
		gsm7_to_utf8(&code, 1, one, sizeof(one));
		gsm7_utf8_next(one, strlen(one), &cp);
		CHECK_INT(gsm7_lookup(cp), code);
		CHECK_INT(sms_plan(one, &plan), GSM7_OK);
		CHECK_INT(plan.encoding, SMS_ENC_GSM7);
		CHECK_INT(plan.units, 1);
		CHECK_INT(roundtrip(one), 1);
		CHECK_STR(joined, one);
		CHECK_INT(decoded[0].ud[0], code);
		TEST_END();
		memcpy(all + pos, one, strlen(one));
		pos += strlen(one);
	}
	all[pos] = '\0';
	TEST_BEGIN("/gsm7/basic/all-in-one-message");
	CHECK_INT(sms_plan(all, &plan), GSM7_OK);
	CHECK_INT(plan.encoding, SMS_ENC_GSM7);
	CHECK_INT(plan.units, 127);
	CHECK_INT(roundtrip(all), 1);
	CHECK_STR(joined, all);
	TEST_END();
}

static void test_extension_table(void)
{
	static const struct {
		const char *utf8;
		uint8_t code;
	} ext[] = {
	    {"\f", 0x0A}, {"^", 0x14},
	    {"{", 0x28},  {"}", 0x29},
	    {"\\", 0x2F}, {"[", 0x3C},
	    {"~", 0x3D},  {"]", 0x3E},
	    {"|", 0x40},  {"\xE2\x82\xAC", 0x65}, /* euro sign */
	};
	struct sms_plan plan;
	char all[64] = "";
	uint32_t cp;
	size_t i;

	for (i = 0; i < COUNT(ext); i++) {
		TEST_BEGIN("/gsm7/extension/0x%02X", ext[i].code);
		gsm7_utf8_next(ext[i].utf8, strlen(ext[i].utf8), &cp);
		CHECK_INT(gsm7_lookup(cp), 0x1B00 | ext[i].code);
		CHECK_INT(sms_plan(ext[i].utf8, &plan), GSM7_OK);
		CHECK_INT(plan.encoding, SMS_ENC_GSM7);
		CHECK_INT(plan.units, 2);
		CHECK_INT(roundtrip(ext[i].utf8), 1);
		CHECK_STR(joined, ext[i].utf8);
		CHECK_INT(decoded[0].ud_len, 2);
		CHECK_INT(decoded[0].ud[0], 0x1B);
		CHECK_INT(decoded[0].ud[1], ext[i].code);
		TEST_END();
		strcat(all, ext[i].utf8);
	}
	TEST_BEGIN("/gsm7/extension/all-in-one-message");
	CHECK_INT(roundtrip(all), 1);
	CHECK_STR(joined, all);
	CHECK_INT(decoded[0].ud_len, 20);
	TEST_END();

	TEST_BEGIN("/gsm7/extension/unknown-escape-shows-basic");
	{
		const uint8_t sept[] = {0x1B, 0x41, 0x62, 0x1B};
		char out[16];

		/* ESC 'A' is undefined: show 'A'; a lone ESC: a space. */
		CHECK_INT(gsm7_to_utf8(sept, 4, out, sizeof(out)), 3);
		CHECK_STR(out, "Ab ");
	}
	TEST_END();

	TEST_BEGIN("/gsm7/not-in-gsm7");
	CHECK_INT(gsm7_lookup('`'), -1);
	CHECK_INT(gsm7_lookup(0xE7), -1); /* c-cedilla: only the capital */
	CHECK_INT(gsm7_lookup(0xE1), -1); /* a-acute */
	CHECK_INT(sms_plan("caf\xC3\xA1", &plan), GSM7_OK);
	CHECK_INT(plan.encoding, SMS_ENC_UCS2);
	TEST_END();
}

/* Many scripts, emoji (outside the BMP), combining marks. */
static const char *unicode_sample[] = {
    "Можно записаться на стрижку завтра в 10?",
    "Καλημέρα, θα ήθελα ένα ραντεβού",
    "こんにちは、明日の予約はできますか？",
    "مرحبا، هل يمكنني حجز موعد غدا؟",
    "שלום, אפשר לקבוע תור למחר?",
    "नमस्ते, क्या कल का अपॉइंटमेंट मिल सकता है?",
    "안녕하세요 내일 예약 가능할까요",
    "e\xCC\x81 a\xCC\x88 n\xCC\x83 o\xCC\x8A\xCC\x81 (combining marks)",
    "\xF0\x9F\x98\x80\xF0\x9F\x92\x87\xE2\x80\x8D\xE2\x99\x82\xEF\xB8\x8F"
    "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD\xF0\x9F\x87\xAC\xF0\x9F\x87\xA7",
    "\xF0\x9D\x84\x9E music \xF0\x9F\x8E\xB5 and \xF0\xA0\x80\x8B CJK ext B",
    "Ünïcödé mixed with ASCII and ø å æ €",
};

static void test_unicode_sample(void)
{
	char text[4096] = "";
	size_t i;
	int n, k;

	for (i = 0; i < COUNT(unicode_sample); i++) {
		TEST_BEGIN("/gsm7/unicode/sample-%zu", i);
		CHECK(roundtrip(unicode_sample[i]) >= 1);
		CHECK_STR(joined, unicode_sample[i]);
		TEST_END();
		strcat(text, unicode_sample[i]);
		strcat(text, " / ");
	}
	TEST_BEGIN("/gsm7/unicode/all-concatenated");
	n = roundtrip(text);
	CHECK(n > 5);
	CHECK_STR(joined, text);
	/* No segment ends on a high surrogate. */
	for (k = 0; k < n; k++) {
		uint8_t hi = decoded[k].ud[decoded[k].ud_len - 2];

		CHECK(hi < 0xD8 || hi > 0xDB);
	}
	TEST_END();
}

static void repeat(char *out, const char *unit, int times)
{
	size_t len = strlen(unit);
	int i;

	for (i = 0; i < times; i++)
		memcpy(out + (size_t)i * len, unit, len);
	out[(size_t)times * len] = '\0';
}

/* Exactly one segment, one more character, ten segments: both encodings. */
static void test_boundaries(void)
{
	static const struct {
		const char *name, *unit;
		int count, segments, units_left;
		enum sms_encoding enc;
	} cases[] = {
	    {"gsm7-160", "a", 160, 1, 0, SMS_ENC_GSM7},
	    {"gsm7-161", "a", 161, 2, 145, SMS_ENC_GSM7},
	    {"gsm7-10x153", "a", 1530, 10, 0, SMS_ENC_GSM7},
	    {"gsm7-10x153+1", "a", 1531, 11, 152, SMS_ENC_GSM7},
	    {"gsm7-euro-80", "\xE2\x82\xAC", 80, 1, 0, SMS_ENC_GSM7},
	    {"gsm7-euro-81", "\xE2\x82\xAC", 81, 2, 153 - 10, SMS_ENC_GSM7},
	    {"ucs2-70", "\xD0\x96", 70, 1, 0, SMS_ENC_UCS2},
	    {"ucs2-71", "\xD0\x96", 71, 2, 63, SMS_ENC_UCS2},
	    {"ucs2-10x67", "\xD0\x96", 670, 10, 0, SMS_ENC_UCS2},
	    {"ucs2-10x67+1", "\xD0\x96", 671, 11, 66, SMS_ENC_UCS2},
	    {"emoji-35", "\xF0\x9F\x98\x80", 35, 1, 0, SMS_ENC_UCS2},
	    {"emoji-36", "\xF0\x9F\x98\x80", 36, 2, 61, SMS_ENC_UCS2},
	    {"emoji-10-segments", "\xF0\x9F\x98\x80", 330, 10, 1, SMS_ENC_UCS2},
	};
	static char text[8192];
	struct sms_plan plan;
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		TEST_BEGIN("/gsm7/boundary/%s", cases[i].name);
		repeat(text, cases[i].unit, cases[i].count);
		CHECK_INT(sms_plan(text, &plan), GSM7_OK);
		CHECK_INT(plan.encoding, cases[i].enc);
		CHECK_INT(plan.segments, cases[i].segments);
		CHECK_INT(plan.units_left, cases[i].units_left);
		CHECK_INT(roundtrip(text), cases[i].segments);
		CHECK_STR(joined, text);
		TEST_END();
	}
}

/* An escape sequence or a surrogate pair that does not fit moves whole. */
static void test_never_split(void)
{
	char text[512];
	struct sms_plan plan;

	TEST_BEGIN("/gsm7/never-split/escape");
	repeat(text, "a", 152);
	strcat(text, "\xE2\x82\xAC"
		     "bbbbbbbbbb");
	CHECK_INT(sms_plan(text, &plan), GSM7_OK);
	CHECK_INT(plan.segments, 2);
	CHECK_INT(plan.units, 164);
	CHECK_INT(plan.units_left, 153 - 12);
	CHECK_INT(roundtrip(text), 2);
	CHECK_INT(decoded[0].ud_len, 152);
	CHECK_INT(decoded[1].ud[0], 0x1B);
	CHECK_STR(decoded[1].text, "\xE2\x82\xAC"
				   "bbbbbbbbbb");
	CHECK_STR(joined, text);
	TEST_END();

	TEST_BEGIN("/gsm7/never-split/surrogate-pair");
	repeat(text, "a", 66);
	strcat(text, "\xF0\x9F\x98\x80"
		     "bbbbbbbbbb");
	CHECK_INT(sms_plan(text, &plan), GSM7_OK);
	CHECK_INT(plan.encoding, SMS_ENC_UCS2);
	CHECK_INT(plan.segments, 2);
	CHECK_INT(roundtrip(text), 2);
	CHECK_INT(decoded[0].ud_len, 132);
	CHECK_INT(decoded[1].ud[0], 0xD8);
	CHECK_STR(joined, text);
	TEST_END();
}

static void test_packing(void)
{
	/* "hellohello", the published dreamfabric packing example. */
	static const uint8_t hello[] = {0xE8, 0x32, 0x9B, 0xFD, 0x46,
					0x97, 0xD9, 0xEC, 0x37};
	uint8_t sept[160], back[160], packed[160];
	int fill, n, i, bad;

	TEST_BEGIN("/gsm7/pack/published-hellohello");
	n = gsm7_from_utf8("hellohello", 10, sept, sizeof(sept));
	CHECK_INT(n, 10);
	CHECK_INT(gsm7_pack(sept, 10, 0, packed, sizeof(packed)), 9);
	CHECK(memcmp(packed, hello, 9) == 0);
	CHECK_INT(gsm7_unpack(hello, 9, 0, 10, back), 10);
	CHECK(memcmp(back, sept, 10) == 0);
	TEST_END();

	TEST_BEGIN("/gsm7/pack/fill-bits");
	sept[0] = 0x61;
	/* One fill bit (after a 6-octet concat header): 'a' << 1. */
	CHECK_INT(gsm7_pack(sept, 1, 1, packed, sizeof(packed)), 1);
	CHECK_INT(packed[0], 0xC2);
	CHECK_INT(gsm7_pack(sept, 1, 6, packed, sizeof(packed)), 2);
	CHECK_INT(packed[0], 0x40);
	CHECK_INT(packed[1], 0x18);
	for (fill = 0; fill <= 6; fill++) {
		for (i = 0; i < 160; i++)
			sept[i] = (uint8_t)((i * 37 + fill) & 0x7F);
		n = gsm7_pack(sept, 160, fill, packed, sizeof(packed));
		CHECK_INT(n, (fill + 7 * 160 + 7) / 8);
		CHECK_INT(gsm7_unpack(packed, (size_t)n, fill, 160, back), 160);
		bad = memcmp(back, sept, 160) != 0;
		CHECK_INT(bad, 0);
		CHECK_INT(gsm7_unpack(packed, (size_t)n - 1, fill, 160, back),
			  GSM7_ERR_SPACE);
	}
	CHECK_INT(gsm7_pack(sept, 160, 0, packed, 139), GSM7_ERR_SPACE);
	TEST_END();
}

static void test_invalid_utf8(void)
{
	static const struct {
		const char *name, *in, *want;
	} cases[] = {
	    {"stray-byte", "abc\xFF", "abc\xEF\xBF\xBD"},
	    {"overlong", "\xC0\xAF!", "\xEF\xBF\xBD\xEF\xBF\xBD!"},
	    {"truncated", "ok\xE2\x82", "ok\xEF\xBF\xBD"},
	    {"surrogate", "\xED\xA0\x80x", "\xEF\xBF\xBDx"},
	    {"beyond-max", "\xF4\x90\x80\x80", "\xEF\xBF\xBD"},
	    {"cut-then-ascii",
	     "\xE2\x82"
	     "A",
	     "\xEF\xBF\xBD"
	     "A"},
	};
	struct sms_plan plan;
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		TEST_BEGIN("/gsm7/invalid-utf8/%s", cases[i].name);
		CHECK_INT(sms_plan(cases[i].in, &plan), GSM7_OK);
		CHECK_INT(plan.encoding, SMS_ENC_UCS2);
		CHECK_INT(roundtrip(cases[i].in), 1);
		CHECK_STR(joined, cases[i].want);
		TEST_END();
	}
}

static void test_plan_edges(void)
{
	static char text[256 * 153 + 1];
	struct sms_plan plan;

	TEST_BEGIN("/gsm7/plan/empty");
	CHECK_INT(sms_plan("", &plan), GSM7_OK);
	CHECK_INT(plan.segments, 1);
	CHECK_INT(plan.units, 0);
	CHECK_INT(plan.units_left, 160);
	CHECK_INT(roundtrip(""), 1);
	CHECK_STR(joined, "");
	TEST_END();

	TEST_BEGIN("/gsm7/plan/too-long");
	repeat(text, "a", 255 * 153);
	CHECK_INT(sms_plan(text, &plan), GSM7_OK);
	CHECK_INT(plan.segments, 255);
	repeat(text, "a", 255 * 153 + 1);
	CHECK_INT(sms_plan(text, &plan), GSM7_ERR_TOO_LONG);
	CHECK_INT(plan.segments, 256);
	CHECK_INT(roundtrip(text), PDU_ERR_TOO_LONG);
	TEST_END();
}

/* A small deterministic generator: the same texts on every run. */
static uint32_t rng_state = 12345;
static uint32_t rng(void)
{
	rng_state = rng_state * 1103515245u + 12345u;
	return rng_state >> 8;
}

/* sms_plan and the encoder agree on texts mixing every kind of unit. */
static void test_plan_matches_encoder(void)
{
	static const char *pool[] = {
	    "a",
	    " ",
	    "Z",
	    "9",
	    "@",
	    "\n",
	    "\xE2\x82\xAC",
	    "[",
	    "~",
	    "\xC3\xA9",
	    "\xCE\x94",
	    "\xD0\x96",
	    "\xF0\x9F\x98\x80",
	    "\xCC\x81",
	    "\xFF",
	};
	static char text[2400];
	int iter, len, target, gsm_only, mismatches = 0, checked = 0;
	struct sms_plan plan;

	TEST_BEGIN("/gsm7/plan/matches-encoder");
	for (iter = 0; iter < 400; iter++) {
		gsm_only = iter % 2;
		target = (int)(rng() % 2000);
		len = 0;
		text[0] = '\0';
		while (len < target) {
			size_t k = rng() % (gsm_only ? 10 : COUNT(pool));
			size_t l = strlen(pool[k]);

			memcpy(text + len, pool[k], l);
			len += (int)l;
		}
		text[len] = '\0';
		sms_plan(text, &plan);
		if (roundtrip(text) != plan.segments)
			mismatches++;
		if (strcmp(joined, text) != 0 && gsm_only)
			mismatches++;
		checked++;
	}
	CHECK_INT(mismatches, 0);
	CHECK_INT(checked, 400);
	TEST_END();
}

int main(void)
{
	test_basic_table();
	test_extension_table();
	test_unicode_sample();
	test_boundaries();
	test_never_split();
	test_packing();
	test_invalid_utf8();
	test_plan_edges();
	test_plan_matches_encoder();
	return h_done();
}
