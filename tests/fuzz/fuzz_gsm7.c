/*
 * fuzz_gsm7: any text (invalid UTF-8 included) survives the trip encode ->
 * decode -> reassemble unchanged but for U+FFFD replacements; the encoder
 * makes exactly the segments sms_plan promised; no segment ends inside a
 * surrogate pair; SMS-DELIVER and SMS-SUBMIT agree.
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

static void check_roundtrip(const char *text, const char *want)
{
	struct concat_config cfg = {4, 1000};
	struct pdu_submit_options sub = {.msg_class = -1, .concat_ref = 7};
	struct concat_message m;
	struct sms_plan plan;
	struct pdu_error err;
	struct sms_pdu pdu;
	struct concat *c;
	int n, i, rc;

	sms_plan(text, &plan);
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
	size_t len = size < MAX_INPUT ? size : MAX_INPUT;
	char *nul;

	memcpy(text, data, len);
	text[len] = '\0';
	nul = memchr(text, '\0', len);
	if (nul != NULL)
		len = (size_t)(nul - text);
	sanitize(text, len, want, sizeof(want));
	check_roundtrip(text, want);
	return 0;
}
