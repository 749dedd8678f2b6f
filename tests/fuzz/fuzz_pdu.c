/*
 * fuzz_pdu: every input to the PDU decoder ends in success or in an error
 * with a message — never a crash, never a read out of bounds (ASan), and
 * the decoded text is always a NUL-terminated string of the stated length.
 * The input is tried as hex (auto, with and without SMSC) and as octets.
 */
#include "smsdesk/pdu.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int rc, const struct sms_pdu *p, const struct pdu_error *e)
{
	if (rc == PDU_OK) {
		assert(e->code == PDU_OK);
		assert(p->text_len < SMS_TEXT_MAX);
		assert(strlen(p->text) == p->text_len);
		assert(strlen(p->number) < SMS_ADDR_MAX);
		assert(p->ud_len <= sizeof(p->ud));
		assert(p->tpdu_len > 0);
		assert(p->ignored_octets >= 0);
		assert(p->locking_lang >= 0 && p->locking_lang <= 255);
		assert(p->single_lang >= 0 && p->single_lang <= 255);
	} else {
		assert(rc < 0 && rc >= PDU_ERR_ARG);
		assert(e->code == rc);
		assert(e->msg[0] != '\0');
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum pdu_smsc_mode modes[] = {
	    PDU_SMSC_AUTO, PDU_SMSC_PRESENT, PDU_SMSC_ABSENT};
	struct pdu_error err;
	struct sms_pdu pdu;
	char *hex;
	size_t i;
	int rc;

	hex = malloc(size + 1);
	if (hex == NULL)
		return 0;
	memcpy(hex, data, size);
	hex[size] = '\0';
	for (i = 0; i < 3; i++) {
		rc = pdu_decode(hex, modes[i], &pdu, &err);
		check(rc, &pdu, &err);
	}
	/* The modem's length as the first octet says, and shorter or
	 * longer than the hex (trailing octets are not read). */
	rc = pdu_decode_len(hex, size > 0 ? data[0] : -1, &pdu, &err);
	check(rc, &pdu, &err);
	rc = pdu_decode_len(hex, (int)(size / 2) - (size > 2 ? data[1] % 8 : 0),
			    &pdu, &err);
	check(rc, &pdu, &err);
	free(hex);
	for (i = 0; i < 2; i++) {
		rc = pdu_decode_bin(data, size, (int)i, &pdu, &err);
		check(rc, &pdu, &err);
	}
	return 0;
}
