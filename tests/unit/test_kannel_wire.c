/*
 * test_kannel_wire: what smsbox's calls mean and what an outbox part
 * becomes on sendsms (kannel_wire.c), without Kannel. The end-to-end test
 * with the real Kannel is tests/e2e/test_kannel.sh.
 */
#include "harness.h"

#include "smsdesk/http.h"
#include "smsdesk/kannel.h"
#include "smsdesk/pdu.h"
#include "smsdesk/store.h"

/* ---- building requests ---- */

struct req {
	struct http_param p[16];
	struct http_request r;
};

static void param(struct req *q, const char *name, const char *value,
		  size_t len)
{
	q->p[q->r.n_params] = (struct http_param){name, value, len};
	q->r.n_params++;
	q->r.params = q->p;
}

static void sparam(struct req *q, const char *name, const char *value)
{
	param(q, name, value, strlen(value));
}

static void mo_base(struct req *q, const char *text)
{
	memset(q, 0, sizeof(*q));
	q->r.method = "GET";
	q->r.path = "/kannel/mo";
	sparam(q, "from", "+447700900123");
	sparam(q, "to", "+441632960000");
	sparam(q, "time", "1796036723");
	if (text != NULL)
		sparam(q, "text", text);
}

static void test_mo_utf8(void)
{
	struct req q;
	struct kannel_mo mo;
	char err[200];

	mo_base(&q, "Haircut tomorrow at 10? £5 €");
	sparam(&q, "coding", "0");
	sparam(&q, "charset", "UTF-8");
	sparam(&q, "id", "ca69102b-5397-485d-a98d-cc5d34baf696");
	CHECK_INT(kannel_parse_mo(&q.r, &mo, err, sizeof(err)), 0);
	CHECK_STR(mo.sender, "+447700900123");
	CHECK_STR(mo.receiver, "+441632960000");
	CHECK_INT(mo.smsc_time, 1796036723);
	CHECK_STR(mo.text, "Haircut tomorrow at 10? £5 €");
	CHECK_STR(mo.record, "kannel id=ca69102b-5397-485d-a98d-cc5d34baf696");
	CHECK_INT(mo.flags, 0);
	CHECK_INT(mo.binary, 0);
	kannel_mo_clear(&mo);
}

static void test_mo_without_id(void)
{
	struct req q;
	struct kannel_mo a, b;
	char err[200];

	/* no %I: the record is the text's bytes, so the same text at the
	 * same time from the same sender is the same message */
	mo_base(&q, "hi");
	CHECK_INT(kannel_parse_mo(&q.r, &a, err, sizeof(err)), 0);
	CHECK_STR(a.record, "kannel coding=0 text=6869");
	mo_base(&q, "hi!");
	CHECK_INT(kannel_parse_mo(&q.r, &b, err, sizeof(err)), 0);
	CHECK(strcmp(a.record, b.record) != 0);
	kannel_mo_clear(&a);
	kannel_mo_clear(&b);
}

static void test_mo_ucs2(void)
{
	struct req q;
	struct kannel_mo mo;
	char err[200];
	/* "Привет 😀" in UTF-16BE, the emoji as a surrogate pair */
	static const char u16[] = "\x04\x1F\x04\x40\x04\x38\x04\x32\x04\x35"
				  "\x04\x42\x00\x20\xD8\x3D\xDE\x00";

	mo_base(&q, NULL);
	param(&q, "text", u16, sizeof(u16) - 1);
	sparam(&q, "coding", "2");
	sparam(&q, "charset", "UTF-16BE");
	CHECK_INT(kannel_parse_mo(&q.r, &mo, err, sizeof(err)), 0);
	CHECK_STR(mo.text, "Привет 😀");
	CHECK_INT(mo.flags, 0);
	kannel_mo_clear(&mo);
	/* a lone surrogate and an odd byte are replaced, and flagged */
	mo_base(&q, NULL);
	param(&q, "text", "\xD8\x3D\x00\x41\x00", 5);
	sparam(&q, "coding", "2");
	CHECK_INT(kannel_parse_mo(&q.r, &mo, err, sizeof(err)), 0);
	CHECK_STR(mo.text, "\xEF\xBF\xBD"
			   "A\xEF\xBF\xBD");
	CHECK_INT(mo.flags, STORE_IN_BAD_TEXT);
	kannel_mo_clear(&mo);
}

static void test_mo_charsets(void)
{
	struct req q;
	struct kannel_mo mo;
	char err[200];

	mo_base(&q, "caf\xe9 \x80");
	sparam(&q, "charset", "WINDOWS-1252");
	CHECK_INT(kannel_parse_mo(&q.r, &mo, err, sizeof(err)), 0);
	CHECK_STR(mo.text, "café €");
	kannel_mo_clear(&mo);
	mo_base(&q, "caf\xe9");
	sparam(&q, "charset", "ISO-8859-1");
	CHECK_INT(kannel_parse_mo(&q.r, &mo, err, sizeof(err)), 0);
	CHECK_STR(mo.text, "café");
	kannel_mo_clear(&mo);
	/* UTF-8 that is not: replaced and flagged, never trusted */
	mo_base(&q, "ok \xff\xfe end");
	CHECK_INT(kannel_parse_mo(&q.r, &mo, err, sizeof(err)), 0);
	CHECK(strstr(mo.text, "\xEF\xBF\xBD") != NULL);
	CHECK(strncmp(mo.text, "ok ", 3) == 0);
	CHECK_INT(mo.flags, STORE_IN_BAD_TEXT);
	kannel_mo_clear(&mo);
	/* a NUL inside the text */
	mo_base(&q, NULL);
	param(&q, "text", "a\0b", 3);
	CHECK_INT(kannel_parse_mo(&q.r, &mo, err, sizeof(err)), 0);
	CHECK_INT(mo.flags, STORE_IN_BAD_TEXT);
	kannel_mo_clear(&mo);
}

static void test_mo_binary(void)
{
	struct req q;
	struct kannel_mo mo;
	char err[200];

	mo_base(&q, NULL);
	param(&q, "text", "\x01\x02\x00\xff", 4);
	sparam(&q, "coding", "1");
	CHECK_INT(kannel_parse_mo(&q.r, &mo, err, sizeof(err)), 0);
	CHECK_INT(mo.binary, 1);
	CHECK_STR(mo.record, "kannel coding=1 text=010200FF");
	kannel_mo_clear(&mo);
}

static void test_mo_refused(void)
{
	struct req q;
	struct kannel_mo mo;
	char err[200];

	memset(&q, 0, sizeof(q));
	sparam(&q, "to", "+441632960000");
	sparam(&q, "time", "1796036723");
	sparam(&q, "text", "x");
	CHECK_INT(kannel_parse_mo(&q.r, &mo, err, sizeof(err)), -1);
	CHECK(strstr(err, "from") != NULL);
	mo_base(&q, NULL);
	CHECK_INT(kannel_parse_mo(&q.r, &mo, err, sizeof(err)), -1);
	CHECK(strstr(err, "text") != NULL);
	mo_base(&q, "x");
	q.p[2].value = "yesterday";
	q.p[2].len = 9;
	CHECK_INT(kannel_parse_mo(&q.r, &mo, err, sizeof(err)), -1);
	CHECK(strstr(err, "epoch") != NULL);
	mo_base(&q, "x");
	sparam(&q, "coding", "7");
	CHECK_INT(kannel_parse_mo(&q.r, &mo, err, sizeof(err)), -1);
	mo_base(&q, "x");
	param(&q, "id", "a\0b", 3);
	CHECK_INT(kannel_parse_mo(&q.r, &mo, err, sizeof(err)), -1);
	/* an escape code left unexpanded by a typo in get-url */
	mo_base(&q, "x");
	q.p[0].value = "+447700900123+447700900123+447700900123+447";
	q.p[0].len = strlen(q.p[0].value);
	CHECK_INT(kannel_parse_mo(&q.r, &mo, err, sizeof(err)), -1);
}

static void test_dlr_status(void)
{
	CHECK_INT(kannel_dlr_status(1), 0x00);
	CHECK_INT(kannel_dlr_status(2), 0x40);
	CHECK_INT(kannel_dlr_status(16), 0x40);
	CHECK_INT(kannel_dlr_status(4), 0x20);
	CHECK_INT(kannel_dlr_status(8), -1);
	CHECK_INT(kannel_dlr_status(0), -1);
	CHECK_INT(kannel_dlr_status(-3), -1);
}

/* ---- sendsms ---- */

/* The decoded value of name in url's query, into out; 0 when absent. */
static int qparam(const char *url, const char *name, char *out, size_t cap,
		  size_t *len)
{
	const char *q = strchr(url, '?');
	size_t n = strlen(name);

	while (q != NULL) {
		q++;
		const char *end = strchr(q, '&');
		size_t l = end ? (size_t)(end - q) : strlen(q);
		if (l > n && strncmp(q, name, n) == 0 && q[n] == '=') {
			size_t vl = l - n - 1;
			if (vl >= cap)
				return 0;
			memcpy(out, q + n + 1, vl);
			long d = http_unescape(out, vl);
			if (d < 0)
				return 0;
			if (len != NULL)
				*len = (size_t)d;
			return 1;
		}
		q = end;
	}
	return 0;
}

static struct kannel_send send_of(const char *pdu_hex)
{
	return (struct kannel_send){
	    .sendsms_url = "http://127.0.0.1:13013/cgi-bin/sendsms",
	    .username = "desk",
	    .password = "p&ss w",
	    .from = "+441632960000",
	    .to = "+447700900123",
	    .pdu_hex = pdu_hex,
	    .dlr_url = "http://127.0.0.1:13080/kannel/dlr?secret=s&ref=4.1"
		       "&type=%d"};
}

static void test_sendsms_single(void)
{
	struct pdu_segment segs[4];
	struct pdu_submit_options opt = {.status_report = 1, .msg_class = -1};
	struct pdu_error perr;
	char url[4096], v[1024], err[200];

	CHECK_INT(pdu_encode_submit("Booked: Haircut Tue 10:00, GBP 18 {ref}",
				    "+447700900123", &opt, segs, 4, &perr),
		  1);
	struct kannel_send s = send_of(segs[0].hex);
	CHECK_INT(kannel_sendsms_url(&s, url, sizeof(url), err, sizeof(err)),
		  0);
	const char *head =
	    "http://127.0.0.1:13013/cgi-bin/sendsms?username=desk&";
	CHECK(strncmp(url, head, strlen(head)) == 0);
	CHECK(qparam(url, "password", v, sizeof(v), NULL));
	CHECK_STR(v, "p&ss w");
	CHECK(qparam(url, "from", v, sizeof(v), NULL));
	CHECK_STR(v, "+441632960000");
	CHECK(qparam(url, "to", v, sizeof(v), NULL));
	CHECK_STR(v, "+447700900123");
	CHECK(qparam(url, "text", v, sizeof(v), NULL));
	CHECK_STR(v, "Booked: Haircut Tue 10:00, GBP 18 {ref}");
	CHECK(qparam(url, "coding", v, sizeof(v), NULL));
	CHECK_STR(v, "0");
	CHECK(qparam(url, "charset", v, sizeof(v), NULL));
	CHECK_STR(v, "UTF-8");
	CHECK(!qparam(url, "udh", v, sizeof(v), NULL));
	CHECK(!qparam(url, "mclass", v, sizeof(v), NULL));
	CHECK(qparam(url, "dlr-mask", v, sizeof(v), NULL));
	CHECK_STR(v, "19");
	CHECK(qparam(url, "dlr-url", v, sizeof(v), NULL));
	CHECK_STR(v, "http://127.0.0.1:13080/kannel/dlr?secret=s&ref=4.1"
		     "&type=%d");
	/* without a report */
	s.dlr_url = NULL;
	CHECK_INT(kannel_sendsms_url(&s, url, sizeof(url), err, sizeof(err)),
		  0);
	CHECK(!qparam(url, "dlr-mask", v, sizeof(v), NULL));
	/* too small a buffer is an error, not a cut URL */
	CHECK_INT(kannel_sendsms_url(&s, url, 100, err, sizeof(err)), -1);
	CHECK(strstr(err, "too long") != NULL);
}

static void test_sendsms_concat(void)
{
	struct pdu_segment segs[4];
	struct pdu_submit_options opt = {
	    .status_report = 1, .msg_class = -1, .concat_ref = 0x7A};
	struct pdu_error perr;
	char text[400], url[4096], v[1024], err[200], joined[400] = "";
	size_t len;

	for (int i = 0; i < 200; i++)
		text[i] = (char)('a' + i % 26);
	text[200] = '\0';
	CHECK_INT(
	    pdu_encode_submit(text, "+447700900123", &opt, segs, 4, &perr), 2);
	for (int i = 0; i < 2; i++) {
		struct kannel_send s = send_of(segs[i].hex);
		CHECK_INT(
		    kannel_sendsms_url(&s, url, sizeof(url), err, sizeof(err)),
		    0);
		CHECK(qparam(url, "udh", v, sizeof(v), &len));
		CHECK_INT(len, 6);
		CHECK(memcmp(v, "\x05\x00\x03\x7A\x02", 5) == 0);
		CHECK_INT(v[5], i + 1);
		CHECK(qparam(url, "coding", v, sizeof(v), NULL));
		CHECK_STR(v, "0");
		CHECK(qparam(url, "text", v, sizeof(v), &len));
		CHECK_INT(len, i == 0 ? 153 : 47);
		strcat(joined, v);
	}
	CHECK_STR(joined, text);
}

static void test_sendsms_ucs2(void)
{
	struct pdu_segment segs[4];
	struct pdu_submit_options opt = {
	    .status_report = 1, .msg_class = -1, .concat_ref = 9};
	struct pdu_error perr;
	char url[4096], v[1024], err[200];

	CHECK_INT(pdu_encode_submit("Запись: стрижка, вт 10:00 😀",
				    "+447700900123", &opt, segs, 4, &perr),
		  1);
	struct kannel_send s = send_of(segs[0].hex);
	CHECK_INT(kannel_sendsms_url(&s, url, sizeof(url), err, sizeof(err)),
		  0);
	CHECK(qparam(url, "coding", v, sizeof(v), NULL));
	CHECK_STR(v, "2");
	CHECK(qparam(url, "charset", v, sizeof(v), NULL));
	CHECK_STR(v, "UTF-8");
	CHECK(qparam(url, "text", v, sizeof(v), NULL));
	CHECK_STR(v, "Запись: стрижка, вт 10:00 😀");
}

static void test_sendsms_flash_and_garbage(void)
{
	struct pdu_segment segs[2];
	struct pdu_submit_options opt = {.msg_class = 0};
	struct pdu_error perr;
	char url[4096], v[64], err[200];

	CHECK_INT(
	    pdu_encode_submit("now", "+447700900123", &opt, segs, 2, &perr), 1);
	struct kannel_send s = send_of(segs[0].hex);
	CHECK_INT(kannel_sendsms_url(&s, url, sizeof(url), err, sizeof(err)),
		  0);
	CHECK(qparam(url, "mclass", v, sizeof(v), NULL));
	CHECK_STR(v, "0");
	s.pdu_hex = "00zz";
	CHECK_INT(kannel_sendsms_url(&s, url, sizeof(url), err, sizeof(err)),
		  -1);
	CHECK(strstr(err, "SMS-SUBMIT") != NULL);
}

static void test_sendsms_national_shift(void)
{
	struct pdu_segment segs[4];
	struct pdu_submit_options opt = {.msg_class = -1, .national_shift = 1};
	struct pdu_error perr;
	struct sms_pdu pdu;
	char url[4096], err[200], text[400] = "";

	/* ş is in the Turkish single shift table only; 100 characters of
	 * it take one GSM-7 part with that table, two in UCS-2 */
	for (int i = 0; i < 50; i++)
		strcat(text, "şa");
	CHECK_INT(
	    pdu_encode_submit(text, "+905321234567", &opt, segs, 4, &perr), 1);
	CHECK_INT(pdu_decode(segs[0].hex, PDU_SMSC_AUTO, &pdu, NULL), 0);
	CHECK(pdu.single_lang == 1 || pdu.locking_lang == 1);
	struct kannel_send s = send_of(segs[0].hex);
	CHECK_INT(kannel_sendsms_url(&s, url, sizeof(url), err, sizeof(err)),
		  -1);
	CHECK(strstr(err, "national") != NULL);
}

int main(void)
{
	RUN(test_mo_utf8);
	RUN(test_mo_without_id);
	RUN(test_mo_ucs2);
	RUN(test_mo_charsets);
	RUN(test_mo_binary);
	RUN(test_mo_refused);
	RUN(test_dlr_status);
	RUN(test_sendsms_single);
	RUN(test_sendsms_concat);
	RUN(test_sendsms_ucs2);
	RUN(test_sendsms_flash_and_garbage);
	RUN(test_sendsms_national_shift);
	return h_done();
}
