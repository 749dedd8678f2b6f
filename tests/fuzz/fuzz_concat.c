/*
 * fuzz_concat: any sequence of parts (senders, references, totals, seqs,
 * duplicates, out-of-range numbers) and clock steps through a small
 * reassembly table: every stored part comes out exactly once, in seq order,
 * and nothing is delivered that was not stored — never silently dropped.
 * Some parts are UCS-2 with a lone surrogate at an end (a pair the
 * sender's phone split): the joined text stays valid UTF-8 and no longer
 * than the parts' texts.
 */
#include "smsdesk/concat.h"

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Valid UTF-8: decoding and encoding again gives the same bytes. */
static void assert_utf8(const char *s, size_t len)
{
	char again[255 * 6 + 1];
	size_t pos = 0, out = 0;
	uint32_t cp;

	while (pos < len) {
		pos += gsm7_utf8_next(s + pos, len - pos, &cp);
		assert(gsm7_utf8_put(cp, again, sizeof(again), &out) == 0);
	}
	assert(out == len && memcmp(again, s, len) == 0);
}

/* UCS-2 user data: a split pair's halves, both, or a plain letter. */
static void ucs2_part(struct sms_pdu *p, unsigned kind)
{
	static const uint8_t uds[4][4] = {{0xD8, 0x3D, 0, 0},
					  {0xDE, 0x00, 0, 0},
					  {0xDE, 0x01, 0xD8, 0x3D},
					  {0x00, 0x78, 0, 0}};

	p->encoding = SMS_ENC_UCS2;
	p->ud_len = kind == 2 ? 4 : 2;
	memcpy(p->ud, uds[kind], p->ud_len);
	p->text_len =
	    (size_t)ucs2_to_utf8(p->ud, p->ud_len, p->text, sizeof(p->text));
}

static size_t drain(struct concat *c, int64_t now)
{
	struct concat_message m;
	size_t parts = 0;
	int i;

	while (concat_pop(c, now, &m) == 1) {
		assert(m.received >= 1 && m.received <= m.total);
		assert(m.incomplete == (m.received < m.total));
		assert(m.text_len >= (size_t)m.received);
		assert(m.text_len <= (size_t)m.received * 6);
		assert_utf8(m.text, m.text_len);
		assert(strlen(m.text) == m.text_len);
		for (i = 1; i < m.received; i++)
			assert(m.tags[i - 1] < m.tags[i]);
		parts += (size_t)m.received;
	}
	return parts;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct concat_config cfg = {3, 50};
	struct sms_pdu p;
	struct concat *c = concat_new(&cfg);
	size_t i, stored = 0, delivered = 0;
	int64_t now = 0;
	int rc;

	assert(c != NULL);
	memset(&p, 0, sizeof(p));
	for (i = 0; i + 4 <= size; i += 4) {
		const uint8_t *op = data + i;

		if (op[0] & 0x80) {
			now += op[1];
			delivered += drain(c, now);
			assert(concat_next_deadline(c) == -1 ||
			       concat_next_deadline(c) >= 0);
			continue;
		}
		snprintf(p.number, sizeof(p.number), "+44770090000%d",
			 op[0] & 0x03);
		p.concat.present = (op[0] & 0x04) == 0;
		p.concat.ref = op[1] & 0x07;
		p.concat.total = op[2] % 6;
		p.concat.seq = op[3] % 7;
		/* One character per part (or a UCS-2 part); the tag orders
		 * by seq (or 0). */
		if (op[0] & 0x08) {
			ucs2_part(&p, (op[0] >> 4) & 0x03);
		} else {
			p.encoding = SMS_ENC_GSM7;
			p.ud_len = 0;
			p.text[0] = (char)('a' + p.concat.seq);
			p.text[1] = '\0';
			p.text_len = 1;
		}
		rc = concat_add(
		    c, &p, (int64_t)p.concat.seq * 100000 + (int64_t)i, now);
		assert(rc == CONCAT_ADDED || rc == CONCAT_DUPLICATE);
		if (rc == CONCAT_ADDED)
			stored++;
		assert(concat_open_groups(c) <= cfg.max_groups);
	}
	delivered += drain(c, INT64_MAX);
	assert(delivered == stored);
	assert(concat_open_groups(c) == 0);
	concat_free(c);
	return 0;
}
