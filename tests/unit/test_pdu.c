/*
 * test_pdu: the PDU codec against published vectors (tests/data, each with
 * its source), byte-exact encoder checks, and malformed input.
 */
#include "harness.h"
#include "smsdesk/pdu.h"

#include "data/pdu_vectors.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static struct pdu_segment segs[SMS_MAX_SEGMENTS];

/* The vectors' "YYYY-MM-DD HH:MM:SS" (gammu's format, no zone). */
static void plain_time(const struct sms_time *t, char *out, size_t cap)
{
	snprintf(out, cap, "%04d-%02d-%02d %02d:%02d:%02d", t->year, t->month,
		 t->day, t->hour, t->minute, t->second);
}

static void check_vector(const struct pdu_vector *v, enum pdu_smsc_mode mode)
{
	struct pdu_error err;
	struct sms_pdu p;
	char ts[32];
	int rc;

	rc = pdu_decode(v->pdu, mode, &p, &err);
	if (v->malformed) {
		CHECK(rc < 0);
		CHECK_INT(err.code, rc);
		if (strstr(err.msg, v->error) == NULL)
			CHECK_STR(err.msg, v->error);
		else
			CHECK(1);
		return;
	}
	CHECK_INT(rc, PDU_OK);
	CHECK_STR(err.msg, "");
	CHECK_INT(p.has_smsc, v->has_smsc);
	if (v->smsc != NULL)
		CHECK_STR(p.smsc, v->smsc);
	if (v->number != NULL)
		CHECK_STR(p.number, v->number);
	if (v->text != NULL)
		CHECK_STR(p.text, v->text);
	CHECK_INT(p.text_len, strlen(p.text));
	if (v->encoding != NULL)
		CHECK_STR(sms_encoding_name(p.encoding), v->encoding);
	if (v->timestamp != NULL) {
		plain_time(&p.timestamp, ts, sizeof(ts));
		CHECK_STR(ts, v->timestamp);
	}
	if (v->concat != -2) {
		CHECK_INT(p.concat.present, v->concat);
		if (v->concat == 1) {
			CHECK_INT(p.concat.ref, v->ref);
			CHECK_INT(p.concat.total, v->total);
			CHECK_INT(p.concat.seq, v->seq);
			CHECK_INT(p.concat.ref_bits, 8);
		}
	}
	if (v->msg_class != -2)
		CHECK_INT(p.msg_class, v->msg_class);
}

/* /pdu/vectors/<id>: every shared vector, as given and auto-detected. */
static void test_vectors(void)
{
	size_t i;

	for (i = 0; i < COUNT(pdu_vectors); i++) {
		const struct pdu_vector *v = &pdu_vectors[i];

		TEST_BEGIN("/pdu/vectors/%s", v->id);
		check_vector(v,
			     v->has_smsc ? PDU_SMSC_PRESENT : PDU_SMSC_ABSENT);
		TEST_END();
		TEST_BEGIN("/pdu/vectors/%s/auto-smsc", v->id);
		check_vector(v, PDU_SMSC_AUTO);
		TEST_END();
	}
}

static const struct pdu_vector *vector(const char *id)
{
	size_t i;

	for (i = 0; i < COUNT(pdu_vectors); i++) {
		if (strcmp(pdu_vectors[i].id, id) == 0)
			return &pdu_vectors[i];
	}
	return NULL;
}

static struct pdu_deliver_options gammu_options(void)
{
	struct pdu_deliver_options o = {
	    .smsc = "+447785016005",
	    .timestamp = {2026, 11, 23, 9, 0, 0, 0},
	    .msg_class = -1,
	    .more_messages = 1, /* gammu leaves TP-MMS at 0 */
	};
	return o;
}

/*
 * The SMS-DELIVER encoder reproduces gammu's PDUs octet for octet,
 * including the fill bit after the concatenation header.
 */
static void test_encode_deliver_matches_gammu(void)
{
	static const char *ids[] = {"gsm7-plain", "gsm7-accents",
				    "ucs2-cyrillic", "newline", "exact160"};
	struct pdu_deliver_options o = gammu_options();
	struct pdu_error err;
	char text[512];
	size_t i;
	int n;

	for (i = 0; i < COUNT(ids); i++) {
		const struct pdu_vector *v = vector(ids[i]);

		TEST_BEGIN("/pdu/encode-deliver/gammu/%s", ids[i]);
		n = pdu_encode_deliver(v->text, v->number, &o, segs, 4, &err);
		CHECK_INT(n, 1);
		CHECK_STR(segs[0].hex, v->pdu);
		CHECK_INT(segs[0].tpdu_len, (int)strlen(v->pdu) / 2 - 8);
		TEST_END();
	}

	TEST_BEGIN("/pdu/encode-deliver/gammu/gsm7-long");
	snprintf(text, sizeof(text), "%s%s%s", vector("gsm7-long-1of3")->text,
		 vector("gsm7-long-2of3")->text,
		 vector("gsm7-long-3of3")->text);
	o.concat_ref = 92;
	n = pdu_encode_deliver(text, "+447700900005", &o, segs, 4, &err);
	CHECK_INT(n, 3);
	CHECK_STR(segs[0].hex, vector("gsm7-long-1of3")->pdu);
	CHECK_STR(segs[1].hex, vector("gsm7-long-2of3")->pdu);
	CHECK_STR(segs[2].hex, vector("gsm7-long-3of3")->pdu);
	TEST_END();
}

/* The classic published SMS-SUBMIT (dreamfabric.com "SMS messages and the
 * PDU format"): "hellohello" to +46708251358, TP-VP 0xAA = 4 days. */
#define HELLO_SUBMIT "0011000B916407281553F80000AA0AE8329BFD4697D9EC37"

static void test_submit_published(void)
{
	struct pdu_submit_options o = {.validity_minutes = 4 * 24 * 60,
				       .msg_class = -1};
	struct pdu_error err;
	struct sms_pdu p;
	int n;

	TEST_BEGIN("/pdu/submit/published/encode");
	n = pdu_encode_submit("hellohello", "+46708251358", &o, segs, 1, &err);
	CHECK_INT(n, 1);
	CHECK_STR(segs[0].hex, HELLO_SUBMIT);
	CHECK_INT(segs[0].tpdu_len, 23);
	TEST_END();

	TEST_BEGIN("/pdu/submit/published/decode");
	CHECK_INT(pdu_decode(HELLO_SUBMIT, PDU_SMSC_AUTO, &p, &err), PDU_OK);
	CHECK_INT(p.type, PDU_SUBMIT);
	CHECK_INT(p.has_smsc, 1);
	CHECK_STR(p.smsc, "");
	CHECK_STR(p.number, "+46708251358");
	CHECK_INT(p.number_type, SMS_NUMBER_INTERNATIONAL);
	CHECK_INT(p.mr, 0);
	CHECK_INT(p.validity.format, PDU_VP_RELATIVE);
	CHECK_INT(p.validity.relative_octet, 0xAA);
	CHECK_INT(p.validity.seconds, 4 * 86400);
	CHECK_STR(p.text, "hellohello");
	CHECK_INT(p.tpdu_len, 23);
	TEST_END();
}

/* A +CDS status report as published on amro.blogspot.com (2007-09,
 * "receiving an SMS status report message"): no SMSC prefix. */
#define CDS_PUBLISHED "06000B910221815716F2709021510121807090215101718000"

static void test_status_report(void)
{
	struct pdu_status_fields f = {
	    .smsc = NULL,
	    .mr = 0,
	    .recipient = "+20121875612",
	    .scts = {2007, 9, 12, 15, 10, 12, 120},
	    .discharge = {2007, 9, 12, 15, 10, 17, 120},
	    .status = 0,
	};
	struct pdu_segment seg;
	struct pdu_error err;
	struct sms_pdu p;

	TEST_BEGIN("/pdu/status-report/published/decode");
	CHECK_INT(pdu_decode(CDS_PUBLISHED, PDU_SMSC_AUTO, &p, &err), PDU_OK);
	CHECK_INT(p.type, PDU_STATUS_REPORT);
	CHECK_INT(p.has_smsc, 0);
	CHECK_INT(p.mr, 0);
	CHECK_STR(p.number, "+20121875612");
	CHECK_INT(p.timestamp.tz_minutes, 120);
	CHECK_INT(p.timestamp.second, 12);
	CHECK_INT(p.discharge.second, 17);
	CHECK_INT(sms_time_to_utc(&p.timestamp), 1189602612);
	CHECK_INT(p.status, 0);
	TEST_END();

	TEST_BEGIN("/pdu/status-report/encode");
	CHECK_INT(pdu_encode_status_report(&f, &seg, &err), PDU_OK);
	CHECK_STR(seg.hex, "00" CDS_PUBLISHED);
	CHECK_INT(seg.tpdu_len, (int)strlen(CDS_PUBLISHED) / 2);
	f.smsc = "+447785016005";
	f.mr = 201;
	f.status = 0x46;
	CHECK_INT(pdu_encode_status_report(&f, &seg, &err), PDU_OK);
	CHECK_INT(pdu_decode(seg.hex, PDU_SMSC_AUTO, &p, &err), PDU_OK);
	CHECK_STR(p.smsc, "+447785016005");
	CHECK_INT(p.mr, 201);
	CHECK_INT(p.status, 0x46);
	TEST_END();
}

struct bad_case {
	const char *name, *hex;
	enum pdu_smsc_mode mode;
	int code;
	const char *says;
};

/* Built from gsm7-plain (SMSC 07914477581006 50, FO 00, OA
 * 0C91447700900010, PID 00, DCS 00, SCTS 62113290000000, UDL, UD). */
#define SMSC "0791447758100650"
#define OA   "0C91447700900010"
#define SCTS "62113290000000"

static const struct bad_case bad_cases[] = {
    {"empty", "", PDU_SMSC_AUTO, PDU_ERR_SHORT, "empty"},
    {"not-hex", SMSC "00" OA "0000" SCTS "01G1", PDU_SMSC_PRESENT, PDU_ERR_HEX,
     "not a hex digit at position 55"},
    {"smsc-too-long", "0C91447758100650", PDU_SMSC_PRESENT, PDU_ERR_LENGTH,
     "SMSC address length 12"},
    {"address-too-long",
     SMSC "00"
	  "1591447700900010",
     PDU_SMSC_PRESENT, PDU_ERR_LENGTH, "originator address (TP-OA) length 21"},
    {"address-filler-inside",
     SMSC "00"
	  "0C9144F700900010"
	  "0000" SCTS "00",
     PDU_SMSC_PRESENT, PDU_ERR_SEMIOCTET,
     "filler semi-octet inside the "
     "originator address"},
    {"timestamp-not-bcd",
     SMSC "00" OA "0000"
	  "6A113290000000"
	  "00",
     PDU_SMSC_PRESENT, PDU_ERR_SEMIOCTET,
     "bad semi-octet 0x6A in the service centre time stamp"},
    {"timestamp-month-13",
     SMSC "00" OA "0000"
	  "62313290000000"
	  "00",
     PDU_SMSC_PRESENT, PDU_ERR_SEMIOCTET, "date out of range"},
    {"timezone-not-bcd",
     SMSC "00" OA "0000"
	  "621132900000A0"
	  "00",
     PDU_SMSC_PRESENT, PDU_ERR_SEMIOCTET, "time zone"},
    {"mti-reserved", SMSC "03" OA "0000" SCTS "00", PDU_SMSC_PRESENT,
     PDU_ERR_TYPE, "reserved message type"},
    {"dcs-compressed", SMSC "00" OA "0020" SCTS "00", PDU_SMSC_PRESENT,
     PDU_ERR_DCS, "compressed"},
    {"dcs-reserved-alphabet", SMSC "00" OA "000C" SCTS "00", PDU_SMSC_PRESENT,
     PDU_ERR_DCS, "reserved alphabet"},
    {"dcs-reserved-group", SMSC "00" OA "0080" SCTS "00", PDU_SMSC_PRESENT,
     PDU_ERR_DCS, "reserved coding group"},
    {"udl-lies-8bit", SMSC "00" OA "0004" SCTS "054142", PDU_SMSC_PRESENT,
     PDU_ERR_LENGTH, "user data length larger than the data"},
    {"udh-longer-than-ud", SMSC "40" OA "0004" SCTS "0409000300",
     PDU_SMSC_PRESENT, PDU_ERR_UDH,
     "user data header longer than the user data"},
    {"udh-ie-longer-than-udh", SMSC "40" OA "0004" SCTS "06050007123401",
     PDU_SMSC_PRESENT, PDU_ERR_UDH, "information element 0x00 longer"},
    {"udh-ie-truncated", SMSC "40" OA "0004" SCTS "050300000541",
     PDU_SMSC_PRESENT, PDU_ERR_UDH, "truncated information element"},
    {"udh-septets-over-udl", SMSC "40" OA "0000" SCTS "03020000",
     PDU_SMSC_PRESENT, PDU_ERR_UDH, "user data header longer"},
    {"udhi-empty-ud", SMSC "40" OA "0004" SCTS "00", PDU_SMSC_PRESENT,
     PDU_ERR_UDH, "user data header longer"},
    {"submit-truncated-vp", "00110000B916407281553F80000", PDU_SMSC_PRESENT,
     PDU_ERR_HEX, "odd number"},
    {"submit-truncated-vp-even", "0011000B916407281553F80000", PDU_SMSC_PRESENT,
     PDU_ERR_SHORT, "validity period (TP-VP)"},
    {"status-truncated-dt", "06000B910221815716F270902151012180709021",
     PDU_SMSC_ABSENT, PDU_ERR_SHORT, "discharge time (TP-DT)"},
    {"status-truncated-pid",
     "06000B910221815716F2709021510121807090215101718000"
     "01",
     PDU_SMSC_ABSENT, PDU_ERR_SHORT, "protocol identifier (TP-PID)"},
};

static void test_malformed(void)
{
	struct pdu_error err;
	struct sms_pdu p;
	size_t i;
	int rc;

	for (i = 0; i < COUNT(bad_cases); i++) {
		const struct bad_case *b = &bad_cases[i];

		TEST_BEGIN("/pdu/malformed/%s", b->name);
		rc = pdu_decode(b->hex, b->mode, &p, &err);
		CHECK_INT(rc, b->code);
		CHECK_INT(err.code, b->code);
		if (strstr(err.msg, b->says) == NULL)
			CHECK_STR(err.msg, b->says);
		TEST_END();
	}
}

/* Every prefix of a good PDU is an error, in every SMSC mode. */
static void test_every_truncation(void)
{
	const char *full = vector("gsm7-long-1of3")->pdu;
	static const enum pdu_smsc_mode modes[] = {
	    PDU_SMSC_PRESENT, PDU_SMSC_ABSENT, PDU_SMSC_AUTO};
	struct pdu_error err;
	struct sms_pdu p;
	char buf[2 * 201 + 1];
	size_t n, m, errors = 0, tries = 0;

	TEST_BEGIN("/pdu/malformed/every-truncation");
	for (n = 0; n < strlen(full); n += 2) {
		memcpy(buf, full, n);
		buf[n] = '\0';
		for (m = 0; m < COUNT(modes); m++) {
			tries++;
			if (pdu_decode(buf, modes[m], &p, &err) < 0 &&
			    err.msg[0] != '\0')
				errors++;
		}
	}
	CHECK_INT(errors, tries);
	memset(buf, '0', 2 * 201);
	buf[2 * 201] = '\0';
	CHECK_INT(pdu_decode(buf, PDU_SMSC_AUTO, &p, &err), PDU_ERR_LENGTH);
	CHECK(strstr(err.msg, "PDU longer than 200 octets") != NULL);
	/* Enough data, but more septets than an SMS holds. */
	snprintf(buf, sizeof(buf), "%s", SMSC "00" OA "0000" SCTS "A1");
	memset(buf + strlen(buf), '0', 2 * 141);
	buf[54 + 2 * 141] = '\0';
	CHECK_INT(pdu_decode(buf, PDU_SMSC_PRESENT, &p, &err), PDU_ERR_LENGTH);
	CHECK(strstr(err.msg, "over 160 septets") != NULL);
	snprintf(buf, sizeof(buf), "%s", SMSC "00" OA "0008" SCTS "8D");
	memset(buf + strlen(buf), '0', 2 * 141);
	buf[54 + 2 * 141] = '\0';
	CHECK_INT(pdu_decode(buf, PDU_SMSC_PRESENT, &p, &err), PDU_ERR_LENGTH);
	CHECK(strstr(err.msg, "over 140 octets") != NULL);
	CHECK_INT(pdu_decode(full, PDU_SMSC_PRESENT, &p, &err), PDU_OK);
	TEST_END();
}

/* Found by fuzz_pdu: UCS-2 U+0000 in the text used to end the C string
 * early; it is replaced like any invalid character. */
#define FUZZ_NUL_IN_UCS2                                                       \
	"0791447758100650000B919761214365F700086211329000000046041C043E0436"   \
	"043D043E002004370430043F0438044104300442044C0441044F0020043D043000"   \
	"20044104380436043A0443003A04430020043700004681350060149807810F"

static void test_fuzz_found(void)
{
	struct pdu_error err;
	struct sms_pdu p;

	TEST_BEGIN("/pdu/fuzz/nul-in-ucs2");
	CHECK_INT(pdu_decode(FUZZ_NUL_IN_UCS2, PDU_SMSC_AUTO, &p, &err),
		  PDU_OK);
	CHECK_INT(strlen(p.text), p.text_len);
	CHECK(strstr(p.text, "\xEF\xBF\xBD") != NULL);
	TEST_END();
}

/* Header elements: 16-bit ports, an unknown element skipped, 8-bit
 * concat; 8-bit data shown as Latin-1. */
static void test_udh_elements(void)
{
	struct pdu_error err;
	struct sms_pdu p;

	TEST_BEGIN("/pdu/udh/ports-unknown-concat");
	CHECK_INT(pdu_decode("00"
			     "44" OA "0004" SCTS "12"
			     "0F"
			     "05040B8423F0"
			     "7002AABB"
			     "0003120201"
			     "48E9",
			     PDU_SMSC_PRESENT, &p, &err),
		  PDU_OK);
	CHECK_INT(p.udhi, 1);
	CHECK_INT(p.ports.present, 1);
	CHECK_INT(p.ports.bits, 16);
	CHECK_INT(p.ports.dst, 2948);
	CHECK_INT(p.ports.src, 9200);
	CHECK_INT(p.concat.present, 1);
	CHECK_INT(p.concat.ref, 0x12);
	CHECK_INT(p.concat.total, 2);
	CHECK_INT(p.concat.seq, 1);
	CHECK_INT(p.encoding, SMS_ENC_8BIT);
	CHECK_STR(p.text, "H\xC3\xA9");
	CHECK_INT(p.ud_len, 2);
	TEST_END();

	TEST_BEGIN("/pdu/udh/concat-seq-0-ignored");
	CHECK_INT(pdu_decode("00"
			     "44" OA "0004" SCTS "07"
			     "050003120200"
			     "41",
			     PDU_SMSC_PRESENT, &p, &err),
		  PDU_OK);
	CHECK_INT(p.concat.present, 0);
	CHECK_STR(p.text, "A");
	TEST_END();

	TEST_BEGIN("/pdu/udh/ports-8bit");
	CHECK_INT(pdu_decode("00"
			     "44" OA "0004" SCTS "06"
			     "0404020210"
			     "41",
			     PDU_SMSC_PRESENT, &p, &err),
		  PDU_OK);
	CHECK_INT(p.ports.bits, 8);
	CHECK_INT(p.ports.dst, 2);
	CHECK_INT(p.ports.src, 0x10);
	TEST_END();
}

static void test_concat16_and_alpha(void)
{
	struct pdu_deliver_options o = gammu_options();
	struct pdu_error err;
	struct sms_pdu p;
	char text[400];
	int n, i;

	TEST_BEGIN("/pdu/deliver/concat-16bit");
	memset(text, 'z', 305);
	text[305] = '\0';
	o.concat_ref = 0xBEEF;
	o.concat_16bit = 1;
	/* 152 septets per segment with the longer header: 305 needs 3. */
	n = pdu_encode_deliver(text, "+447700900001", &o, segs, 4, &err);
	CHECK_INT(n, 3);
	for (i = 0; i < n && i < 3; i++) {
		CHECK_INT(pdu_decode(segs[i].hex, PDU_SMSC_AUTO, &p, &err),
			  PDU_OK);
		CHECK_INT(p.concat.ref, 0xBEEF);
		CHECK_INT(p.concat.ref_bits, 16);
		CHECK_INT(p.concat.seq, i + 1);
		CHECK_INT(p.text_len, i < 2 ? 152 : 1);
	}
	TEST_END();

	TEST_BEGIN("/pdu/deliver/alphanumeric-sender");
	o = gammu_options();
	{
		static const char *names[] = {"Quayside", "Harbour St",
					      "ABCDEFGHIJK", "Bank", "€uro"};
		for (i = 0; i < (int)COUNT(names); i++) {
			CHECK_INT(pdu_encode_deliver("Your code is 1234",
						     names[i], &o, segs, 1,
						     &err),
				  1);
			CHECK_INT(
			    pdu_decode(segs[0].hex, PDU_SMSC_AUTO, &p, &err),
			    PDU_OK);
			CHECK_STR(p.number, names[i]);
			CHECK_INT(p.number_type, SMS_NUMBER_ALPHANUMERIC);
			CHECK_INT(p.number_toa, 0xD0);
		}
	}
	CHECK_INT(pdu_encode_deliver("x", "ABCDEFGHIJKL", &o, segs, 1, &err),
		  PDU_ERR_ADDRESS);
	TEST_END();

	TEST_BEGIN("/pdu/deliver/national-sender-and-flash");
	o.msg_class = 0;
	o.status_report = 1;
	CHECK_INT(pdu_encode_deliver("flash", "07700900123", &o, segs, 1, &err),
		  1);
	CHECK_INT(pdu_decode(segs[0].hex, PDU_SMSC_AUTO, &p, &err), PDU_OK);
	CHECK_STR(p.number, "07700900123");
	CHECK_INT(p.number_type, SMS_NUMBER_UNKNOWN);
	CHECK_INT(p.msg_class, 0);
	CHECK_INT(p.status_report, 1);
	CHECK_INT(p.more_messages, 1);
	TEST_END();
}

static void test_time(void)
{
	struct pdu_deliver_options o = gammu_options();
	struct pdu_error err;
	struct sms_time t;
	struct sms_pdu p;
	char buf[40];

	TEST_BEGIN("/pdu/time/utc-and-zones");
	CHECK_INT(sms_time_to_utc(&o.timestamp), 1795424400);
	o.timestamp = (struct sms_time){2026, 3, 1, 0, 30, 0, -240};
	CHECK_INT(pdu_encode_deliver("t", "+447700900001", &o, segs, 1, &err),
		  1);
	/* -4h is 16 quarters: tens 1 with the sign bit, units 6: 0x69. */
	CHECK(strstr(segs[0].hex, "62301000030069") != NULL);
	CHECK_INT(pdu_decode(segs[0].hex, PDU_SMSC_AUTO, &p, &err), PDU_OK);
	CHECK_INT(p.timestamp.tz_minutes, -240);
	CHECK_INT(sms_time_to_utc(&p.timestamp), 1772339400);
	sms_time_format(&p.timestamp, buf, sizeof(buf));
	CHECK_STR(buf, "2026-03-01T00:30:00-04:00");
	sms_time_from_utc(1772339400, 330, &t);
	sms_time_format(&t, buf, sizeof(buf));
	CHECK_STR(buf, "2026-03-01T10:00:00+05:30");
	CHECK_INT(sms_time_to_utc(&t), 1772339400);
	o.timestamp.tz_minutes = 7;
	CHECK_INT(pdu_encode_deliver("t", "+447700900001", &o, segs, 1, &err),
		  PDU_ERR_ARG);
	TEST_END();
}

static void test_validity(void)
{
	static const struct {
		int minutes, octet;
		long long seconds;
	} steps[] = {
	    {1, 0, 300},
	    {5, 0, 300},
	    {6, 1, 600},
	    {720, 143, 43200},
	    {721, 144, 45000},
	    {1440, 167, 86400},
	    {1441, 168, 2 * 86400},
	    {30 * 1440, 196, 30 * 86400},
	    {31 * 1440, 197, 35 * 86400},
	    {63 * 7 * 1440, 255, 441 * 86400},
	};
	struct pdu_submit_options o = {.msg_class = -1};
	struct pdu_error err;
	struct sms_pdu p;
	size_t i;

	for (i = 0; i < COUNT(steps); i++) {
		TEST_BEGIN("/pdu/validity/relative/%d-minutes",
			   steps[i].minutes);
		o.validity_minutes = steps[i].minutes;
		CHECK_INT(
		    pdu_encode_submit("v", "+447700900001", &o, segs, 1, &err),
		    1);
		CHECK_INT(pdu_decode(segs[0].hex, PDU_SMSC_AUTO, &p, &err),
			  PDU_OK);
		CHECK_INT(p.validity.format, PDU_VP_RELATIVE);
		CHECK_INT(p.validity.relative_octet, steps[i].octet);
		CHECK_INT(p.validity.seconds, steps[i].seconds);
		TEST_END();
	}

	TEST_BEGIN("/pdu/validity/absolute-and-enhanced");
	CHECK_INT(pdu_decode("0019000B916407281553F80000"
			     "62113290000040"
			     "0AE8329BFD4697D9EC37",
			     PDU_SMSC_PRESENT, &p, &err),
		  PDU_OK);
	CHECK_INT(p.validity.format, PDU_VP_ABSOLUTE);
	CHECK_INT(p.validity.absolute.tz_minutes, 60);
	CHECK_STR(p.text, "hellohello");
	CHECK_INT(pdu_decode("0009000B916407281553F80000"
			     "023C0000000000"
			     "0AE8329BFD4697D9EC37",
			     PDU_SMSC_PRESENT, &p, &err),
		  PDU_OK);
	CHECK_INT(p.validity.format, PDU_VP_ENHANCED);
	CHECK_INT(p.validity.seconds, 60);
	CHECK_INT(pdu_decode("0009000B916407281553F80000"
			     "03103000000000"
			     "0AE8329BFD4697D9EC37",
			     PDU_SMSC_PRESENT, &p, &err),
		  PDU_OK);
	CHECK_INT(p.validity.seconds, 1 * 3600 + 3 * 60);
	TEST_END();
}

static void test_submit_options(void)
{
	struct pdu_submit_options o = {
	    .status_report = 1, .msg_class = 0, .mr = 77};
	struct pdu_error err;
	struct sms_pdu p;
	char big[3000];

	TEST_BEGIN("/pdu/submit/options");
	CHECK_INT(pdu_encode_submit("hi", "07700900123", &o, segs, 1, &err), 1);
	CHECK_INT(pdu_decode(segs[0].hex, PDU_SMSC_AUTO, &p, &err), PDU_OK);
	CHECK_INT(p.status_report, 1);
	CHECK_INT(p.msg_class, 0);
	CHECK_INT(p.dcs, 0x10);
	CHECK_INT(p.mr, 77);
	CHECK_STR(p.number, "07700900123");
	CHECK_INT(p.number_toa, 0x81);
	CHECK_INT(p.validity.format, PDU_VP_NONE);
	TEST_END();

	TEST_BEGIN("/pdu/submit/errors");
	CHECK_INT(pdu_encode_submit("hi", "Bank", NULL, segs, 1, &err),
		  PDU_ERR_ADDRESS);
	CHECK(strstr(err.msg, "destination number") != NULL);
	CHECK_INT(pdu_encode_submit("hi", "", NULL, segs, 1, &err),
		  PDU_ERR_ADDRESS);
	CHECK_INT(pdu_encode_submit("hi", "+123456789012345678901", NULL, segs,
				    1, &err),
		  PDU_ERR_ADDRESS);
	memset(big, 'a', 400);
	big[400] = '\0';
	CHECK_INT(pdu_encode_submit(big, "+447700900001", NULL, segs, 2, &err),
		  PDU_ERR_TOO_LONG);
	CHECK(strstr(err.msg, "3 segments") != NULL);
	o.concat_ref = 256;
	CHECK_INT(pdu_encode_submit("hi", "+447700900001", &o, segs, 1, &err),
		  PDU_ERR_ARG);
	TEST_END();
}

static void test_decode_len(void)
{
	const char *hex = vector("gsm7-plain")->pdu;
	int tpdu = (int)strlen(hex) / 2 - 8;
	struct pdu_error err;
	struct sms_pdu p;

	TEST_BEGIN("/pdu/decode-len");
	CHECK_INT(pdu_decode_len(hex, tpdu, &p, &err), PDU_OK);
	CHECK_INT(p.has_smsc, 1);
	CHECK_INT(p.tpdu_len, tpdu);
	CHECK_INT(pdu_decode_len(hex + 16, tpdu, &p, &err), PDU_OK);
	CHECK_INT(p.has_smsc, 0);
	CHECK_STR(p.number, "+447700900001");
	CHECK_INT(pdu_decode_len(hex + 16, tpdu + 1, &p, &err), PDU_ERR_SHORT);
	CHECK_INT(pdu_decode_len(hex + 16, -1, &p, &err), PDU_OK);
	CHECK_INT(p.has_smsc, 0);
	TEST_END();
}

/* Issue 12, bad input: a real trailing '@' in an alphanumeric sender, a
 * status report padded with 0xFF from SIM storage, the modem's length. */
static void test_bad_input_fixes(void)
{
	struct pdu_deliver_options o = gammu_options();
	struct pdu_error err;
	struct sms_pdu p;
	char hex[400];
	int tpdu;

	TEST_BEGIN("/pdu/alphanumeric/trailing-at-is-a-character");
	/* 8 characters fill 7 octets exactly: length 14 semi-octets, and
	 * the eighth septet is '@' (TS 23.040 9.1.2.5). */
	CHECK_INT(pdu_encode_deliver("x", "Tickets@", &o, segs, 1, &err), 1);
	CHECK(strstr(segs[0].hex, "0ED0") != NULL);
	CHECK_INT(pdu_decode(segs[0].hex, PDU_SMSC_AUTO, &p, &err), PDU_OK);
	CHECK_STR(p.number, "Tickets@");
	/* 7 characters: 13 semi-octets, no '@' invented from the padding. */
	CHECK_INT(pdu_encode_deliver("x", "Barclay", &o, segs, 1, &err), 1);
	CHECK(strstr(segs[0].hex, "0DD0") != NULL);
	CHECK_INT(pdu_decode(segs[0].hex, PDU_SMSC_AUTO, &p, &err), PDU_OK);
	CHECK_STR(p.number, "Barclay");
	CHECK_INT(pdu_encode_deliver("x", "@@", &o, segs, 1, &err), 1);
	CHECK_INT(pdu_decode(segs[0].hex, PDU_SMSC_AUTO, &p, &err), PDU_OK);
	CHECK_STR(p.number, "@@");
	TEST_END();

	TEST_BEGIN("/pdu/status-report/sim-padding");
	/* The published report read back from SIM storage: the record's
	 * 0xFF padding is not a TP-PI (its reserved bits are set). */
	snprintf(hex, sizeof(hex), "%s%s", "00" CDS_PUBLISHED,
		 "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF");
	CHECK_INT(pdu_decode(hex, PDU_SMSC_AUTO, &p, &err), PDU_OK);
	CHECK_INT(p.type, PDU_STATUS_REPORT);
	CHECK_INT(p.status, 0);
	CHECK_STR(p.number, "+20121875612");
	CHECK_INT(p.pi, -1);
	CHECK_INT(p.ignored_octets, 16);
	/* A real TP-PI (PID present) then padding: read, rest ignored. */
	snprintf(hex, sizeof(hex), "%s%s", CDS_PUBLISHED "0100", "FFFFFF");
	CHECK_INT(pdu_decode(hex, PDU_SMSC_ABSENT, &p, &err), PDU_OK);
	CHECK_INT(p.pi, 1);
	CHECK_INT(p.pid, 0);
	CHECK_INT(p.ignored_octets, 3);
	TEST_END();

	TEST_BEGIN("/pdu/decode-len/ends-at-length");
	/* +CMGR gives <length> 25 for the report; the SIM record holds
	 * more. Without the length the padding would be read. */
	tpdu = (int)strlen(CDS_PUBLISHED) / 2;
	snprintf(hex, sizeof(hex), "%s%s", "00" CDS_PUBLISHED "04",
		 "0500FFFFFF");
	CHECK_INT(pdu_decode_len(hex, tpdu, &p, &err), PDU_OK);
	CHECK_INT(p.has_smsc, 1);
	CHECK_INT(p.tpdu_len, tpdu);
	CHECK_INT(p.pi, -1);
	CHECK_INT(p.ignored_octets, 6);
	CHECK(pdu_decode(hex, PDU_SMSC_PRESENT, &p, &err) != PDU_OK ||
	      p.pi == 4);
	/* A DELIVER with trailing octets: the text ends at the length. */
	snprintf(hex, sizeof(hex), "%s%s", vector("gsm7-plain")->pdu, "FFFF");
	tpdu = (int)strlen(vector("gsm7-plain")->pdu) / 2 - 8;
	CHECK_INT(pdu_decode_len(hex, tpdu, &p, &err), PDU_OK);
	CHECK_STR(p.text, vector("gsm7-plain")->text);
	CHECK_INT(p.ignored_octets, 2);
	/* No SMSC part and padding: the first <length> octets. */
	CHECK_INT(pdu_decode_len(CDS_PUBLISHED "FFFF",
				 (int)strlen(CDS_PUBLISHED) / 2, &p, &err),
		  PDU_OK);
	CHECK_INT(p.type, PDU_STATUS_REPORT);
	TEST_END();
}

int main(void)
{
	test_vectors();
	test_encode_deliver_matches_gammu();
	test_submit_published();
	test_status_report();
	test_malformed();
	test_every_truncation();
	test_fuzz_found();
	test_udh_elements();
	test_concat16_and_alpha();
	test_time();
	test_validity();
	test_submit_options();
	test_decode_len();
	test_bad_input_fixes();
	return h_done();
}
