/*
 * pdu_decode: the decoder, a walk over octets with a guard before every
 * field; the guard's message names the field, so an installer reading
 * `smsdesk pdu decode` output knows where a modem's PDU went wrong.
 */
#include "pdu_internal.h"

#include <stdio.h>
#include <string.h>

struct reader {
	const uint8_t *p;
	size_t len, off;
	struct pdu_error *err;
};

/* The guard before every read. */
static int need(struct reader *r, size_t n, const char *field)
{
	if (n > r->len - r->off)
		return pdu_fail(r->err, PDU_ERR_SHORT, "truncated in the %s",
				field);
	return PDU_OK;
}

/* One swapped-BCD octet: low nibble is the tens digit. */
static int semi_octet_pair(uint8_t b)
{
	if ((b & 0x0F) > 9 || (b >> 4) > 9)
		return -1;
	return (b & 0x0F) * 10 + (b >> 4);
}

static int read_time(struct reader *r, const char *field, struct sms_time *t)
{
	const uint8_t *p;
	int v[6], i, rc, quarters;

	rc = need(r, 7, field);
	if (rc != PDU_OK)
		return rc;
	p = r->p + r->off;
	for (i = 0; i < 6; i++) {
		v[i] = semi_octet_pair(p[i]);
		if (v[i] < 0)
			return pdu_fail(r->err, PDU_ERR_SEMIOCTET,
					"bad semi-octet 0x%02X in the %s", p[i],
					field);
	}
	/* The zone's tens digit carries the sign in its top bit. */
	if ((p[6] >> 4) > 9)
		return pdu_fail(
		    r->err, PDU_ERR_SEMIOCTET,
		    "bad semi-octet 0x%02X in the time zone of the %s", p[6],
		    field);
	quarters = (p[6] & 0x07) * 10 + (p[6] >> 4);
	if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31 || v[3] > 23 ||
	    v[4] > 59 || v[5] > 59)
		return pdu_fail(r->err, PDU_ERR_SEMIOCTET,
				"date out of range in the %s", field);
	t->year = 2000 + v[0];
	t->month = v[1];
	t->day = v[2];
	t->hour = v[3];
	t->minute = v[4];
	t->second = v[5];
	t->tz_minutes = quarters * 15 * ((p[6] & 0x08) ? -1 : 1);
	r->off += 7;
	return PDU_OK;
}

/* ---- addresses ----------------------------------------------------------- */

static const char semi_octet_digit[16] = "0123456789*#abc?";

/* ndigits semi-octets from p; a filler 0xF is allowed only as the last
 * nibble of an odd count (and then not counted). */
static int digits_to_text(struct reader *r, const uint8_t *p, size_t ndigits,
			  int international, const char *field, char *out)
{
	size_t i, n = 0;

	if (international)
		out[n++] = '+';
	for (i = 0; i < ndigits; i++) {
		unsigned nib =
		    (i % 2 == 0) ? (p[i / 2] & 0x0F) : (p[i / 2] >> 4);

		if (nib == 0x0F) {
			if (i + 1 == ndigits)
				break;
			return pdu_fail(r->err, PDU_ERR_SEMIOCTET,
					"filler semi-octet inside the %s",
					field);
		}
		out[n++] = semi_octet_digit[nib];
	}
	out[n] = '\0';
	return PDU_OK;
}

static int read_address(struct reader *r, const char *field, char *out,
			enum sms_number_type *type, int *toa_out)
{
	size_t ndigits, octets;
	uint8_t septets[24];
	int rc, toa;

	rc = need(r, 2, field);
	if (rc != PDU_OK)
		return rc;
	ndigits = r->p[r->off];
	toa = r->p[r->off + 1];
	if (ndigits > 20)
		return pdu_fail(r->err, PDU_ERR_LENGTH,
				"%s length %zu over 20 semi-octets", field,
				ndigits);
	octets = (ndigits + 1) / 2;
	r->off += 2;
	rc = need(r, octets, field);
	if (rc != PDU_OK)
		return rc;
	*type = (enum sms_number_type)TOA_TON(toa);
	*toa_out = toa;
	if (*type == SMS_NUMBER_ALPHANUMERIC) {
		/* The length counts the useful semi-octets (TS 23.040
		 * 9.1.2.5): the characters are the whole septets in them.
		 * A last '@' is a character, not padding: padding never fills
		 * a whole septet. */
		size_t n = ndigits * 4 / 7;

		gsm7_unpack(r->p + r->off, octets, 0, n, septets);
		gsm7_to_utf8(septets, n, out, SMS_ADDR_MAX);
	} else {
		rc = digits_to_text(r, r->p + r->off, ndigits,
				    *type == SMS_NUMBER_INTERNATIONAL, field,
				    out);
		if (rc != PDU_OK)
			return rc;
	}
	r->off += octets;
	return PDU_OK;
}

/* The SMSC part counts octets, not digits (TS 24.011 8.2.5.1). */
static int read_smsc(struct reader *r, struct sms_pdu *out)
{
	const char *field = "SMSC address";
	size_t octets, ndigits;
	int rc;

	rc = need(r, 1, "SMSC address length");
	if (rc != PDU_OK)
		return rc;
	octets = r->p[r->off++];
	if (octets == 0)
		return PDU_OK;
	if (octets > 11)
		return pdu_fail(r->err, PDU_ERR_LENGTH,
				"SMSC address length %zu over 11 octets",
				octets);
	rc = need(r, octets, field);
	if (rc != PDU_OK)
		return rc;
	ndigits = (octets - 1) * 2;
	rc = digits_to_text(r, r->p + r->off + 1, ndigits,
			    TOA_TON(r->p[r->off]) == SMS_NUMBER_INTERNATIONAL,
			    field, out->smsc);
	r->off += octets;
	return rc;
}

/* ---- coding scheme, validity --------------------------------------------- */

static int parse_dcs(struct reader *r, int dcs, struct sms_pdu *out)
{
	int alphabet;

	out->dcs = dcs;
	out->msg_class = -1;
	switch (dcs >> 4) {
	case 0x0:
	case 0x1:
	case 0x2:
	case 0x3: /* general data coding */
	case 0x4:
	case 0x5:
	case 0x6:
	case 0x7: /* the same, marked for automatic deletion */
		if (dcs & 0x20)
			return pdu_fail(
			    r->err, PDU_ERR_DCS,
			    "compressed text (TP-DCS 0x%02X) is not "
			    "supported",
			    dcs);
		alphabet = (dcs >> 2) & 0x03;
		if (alphabet == 3)
			return pdu_fail(r->err, PDU_ERR_DCS,
					"reserved alphabet in TP-DCS 0x%02X",
					dcs);
		out->encoding = alphabet == 0	? SMS_ENC_GSM7
				: alphabet == 1 ? SMS_ENC_8BIT
						: SMS_ENC_UCS2;
		if (dcs & 0x10)
			out->msg_class = dcs & 0x03;
		return PDU_OK;
	case 0xC:
	case 0xD: /* message waiting indication, GSM-7 */
		out->encoding = SMS_ENC_GSM7;
		return PDU_OK;
	case 0xE: /* message waiting indication, UCS-2 */
		out->encoding = SMS_ENC_UCS2;
		return PDU_OK;
	case 0xF:
		out->encoding = (dcs & 0x04) ? SMS_ENC_8BIT : SMS_ENC_GSM7;
		out->msg_class = dcs & 0x03;
		return PDU_OK;
	}
	return pdu_fail(r->err, PDU_ERR_DCS,
			"reserved coding group in TP-DCS 0x%02X", dcs);
}

static int read_validity(struct reader *r, int vpf, struct pdu_validity *vp)
{
	const char *field = "validity period (TP-VP)";
	const uint8_t *p;
	int rc, h, m, s;

	vp->seconds = -1;
	switch (vpf) {
	case 0:
		vp->format = PDU_VP_NONE;
		return PDU_OK;
	case 2:
		vp->format = PDU_VP_RELATIVE;
		rc = need(r, 1, field);
		if (rc != PDU_OK)
			return rc;
		vp->relative_octet = r->p[r->off++];
		vp->seconds = pdu_relative_seconds(vp->relative_octet);
		return PDU_OK;
	case 3:
		vp->format = PDU_VP_ABSOLUTE;
		return read_time(r, field, &vp->absolute);
	}
	vp->format = PDU_VP_ENHANCED;
	rc = need(r, 7, field);
	if (rc != PDU_OK)
		return rc;
	p = r->p + r->off;
	memcpy(vp->enhanced, p, 7);
	r->off += 7;
	switch (p[0] & 0x07) {
	case 1:
		vp->seconds = pdu_relative_seconds(p[1]);
		break;
	case 2:
		vp->seconds = p[1];
		break;
	case 3:
		h = semi_octet_pair(p[1]);
		m = semi_octet_pair(p[2]);
		s = semi_octet_pair(p[3]);
		if (h >= 0 && m >= 0 && s >= 0)
			vp->seconds = h * 3600 + m * 60 + s;
		break;
	}
	return PDU_OK;
}

/* ---- user data ----------------------------------------------------------- */

static void parse_element(int iei, const uint8_t *v, int len,
			  struct sms_pdu *out)
{
	/* TS 23.040 9.2.3.24.1: a concat element numbering a part 0 or past
	 * the total is ignored, not fatal. */
	if (iei == IEI_CONCAT8 && len == 3 && v[1] > 0 && v[2] > 0 &&
	    v[2] <= v[1]) {
		out->concat = (struct sms_concat){1, v[0], 8, v[1], v[2]};
	} else if (iei == IEI_CONCAT16 && len == 4 && v[2] > 0 && v[3] > 0 &&
		   v[3] <= v[2]) {
		out->concat =
		    (struct sms_concat){1, v[0] << 8 | v[1], 16, v[2], v[3]};
	} else if (iei == IEI_PORTS8 && len == 2) {
		out->ports = (struct sms_ports){1, 8, v[0], v[1]};
	} else if (iei == IEI_LOCKING && len == 1) {
		out->locking_lang = v[0];
	} else if (iei == IEI_SINGLE && len == 1) {
		out->single_lang = v[0];
	} else if (iei == IEI_PORTS16 && len == 4) {
		out->ports = (struct sms_ports){1, 16, v[0] << 8 | v[1],
						v[2] << 8 | v[3]};
	}
	/* Anything else: skipped, its length already checked. */
}

static int parse_udh(struct reader *r, const uint8_t *h, size_t hlen,
		     struct sms_pdu *out)
{
	size_t i = 0;

	while (i < hlen) {
		int iei, iel;

		if (hlen - i < 2)
			return pdu_fail(r->err, PDU_ERR_UDH,
					"truncated information element in the "
					"user data header");
		iei = h[i];
		iel = h[i + 1];
		if ((size_t)iel > hlen - i - 2)
			return pdu_fail(
			    r->err, PDU_ERR_UDH,
			    "information element 0x%02X longer than "
			    "the user data header",
			    iei);
		parse_element(iei, h + i + 2, iel, out);
		i += 2 + (size_t)iel;
	}
	return PDU_OK;
}

static int decode_text(struct reader *r, const uint8_t *ud, size_t ud_octets,
		       size_t udl, size_t hdr_octets, struct sms_pdu *out)
{
	const uint8_t *body = ud + hdr_octets;
	size_t body_octets = ud_octets - hdr_octets, i, pos = 0;
	struct gsm7_charset cs;
	int fill, hdr_septets, n;

	switch (out->encoding) {
	case SMS_ENC_GSM7:
		/* Text starts on the septet boundary after the header. */
		hdr_septets = (int)((hdr_octets * 8 + 6) / 7);
		fill = hdr_septets * 7 - (int)hdr_octets * 8;
		if ((size_t)hdr_septets > udl)
			return pdu_fail(r->err, PDU_ERR_UDH,
					"user data header longer than the user "
					"data");
		n = (int)udl - hdr_septets;
		if (gsm7_unpack(body, body_octets, fill, (size_t)n, out->ud) <
		    0)
			return pdu_fail(
			    r->err, PDU_ERR_LENGTH,
			    "user data length larger than the data");
		out->ud_len = (size_t)n;
		cs.locking = (uint8_t)out->locking_lang;
		cs.single = (uint8_t)out->single_lang;
		out->text_len = (size_t)gsm7_to_utf8_cs(
		    out->ud, out->ud_len, cs, out->text, SMS_TEXT_MAX);
		return PDU_OK;
	case SMS_ENC_UCS2:
		memcpy(out->ud, body, body_octets);
		out->ud_len = body_octets;
		out->text_len = (size_t)ucs2_to_utf8(body, body_octets,
						     out->text, SMS_TEXT_MAX);
		return PDU_OK;
	case SMS_ENC_8BIT:
		/* Shown as Latin-1, the 8-bit text some phones send. */
		memcpy(out->ud, body, body_octets);
		out->ud_len = body_octets;
		for (i = 0; i < body_octets; i++)
			gsm7_utf8_put(body[i] != 0 ? body[i] : 0xFFFD,
				      out->text, SMS_TEXT_MAX, &pos);
		out->text[pos] = '\0';
		out->text_len = pos;
		return PDU_OK;
	}
	return PDU_OK;
}

static int read_user_data(struct reader *r, struct sms_pdu *out)
{
	size_t udl, octets, hdr = 0;
	int rc;

	rc = need(r, 1, "user data length (TP-UDL)");
	if (rc != PDU_OK)
		return rc;
	udl = r->p[r->off++];
	octets = out->encoding == SMS_ENC_GSM7 ? (udl * 7 + 7) / 8 : udl;
	/* A length past the end says more about the PDU than its range. */
	if (octets > r->len - r->off)
		return pdu_fail(r->err, PDU_ERR_LENGTH,
				"user data length larger than the data (TP-UDL "
				"%zu needs %zu octets, %zu left)",
				udl, octets, r->len - r->off);
	if (out->encoding == SMS_ENC_GSM7 && udl > 160)
		return pdu_fail(r->err, PDU_ERR_LENGTH,
				"user data length %zu over 160 septets", udl);
	if (out->encoding != SMS_ENC_GSM7 && udl > UD_MAX)
		return pdu_fail(r->err, PDU_ERR_LENGTH,
				"user data length %zu over 140 octets", udl);
	if (out->udhi) {
		if (octets < 1 || (size_t)r->p[r->off] + 1 > octets)
			return pdu_fail(r->err, PDU_ERR_UDH,
					"user data header longer than the user "
					"data");
		hdr = (size_t)r->p[r->off] + 1;
		rc = parse_udh(r, r->p + r->off + 1, hdr - 1, out);
		if (rc != PDU_OK)
			return rc;
	}
	rc = decode_text(r, r->p + r->off, octets, udl, hdr, out);
	if (rc != PDU_OK)
		return rc;
	r->off += octets;
	return PDU_OK;
}

/* ---- the three TPDUs ----------------------------------------------------- */

static int read_octet(struct reader *r, const char *field, int *v)
{
	int rc = need(r, 1, field);

	if (rc != PDU_OK)
		return rc;
	*v = r->p[r->off++];
	return PDU_OK;
}

static int read_pid_dcs(struct reader *r, struct sms_pdu *out)
{
	int rc, dcs;

	rc = read_octet(r, "protocol identifier (TP-PID)", &out->pid);
	if (rc == PDU_OK)
		rc = read_octet(r, "data coding scheme (TP-DCS)", &dcs);
	if (rc == PDU_OK)
		rc = parse_dcs(r, dcs, out);
	return rc;
}

static int decode_deliver(struct reader *r, struct sms_pdu *out)
{
	int rc;

	out->more_messages = !(out->first_octet & FO_MMS_RD);
	rc = read_address(r, "originator address (TP-OA)", out->number,
			  &out->number_type, &out->number_toa);
	if (rc == PDU_OK)
		rc = read_pid_dcs(r, out);
	if (rc == PDU_OK)
		rc = read_time(r, "service centre time stamp (TP-SCTS)",
			       &out->timestamp);
	if (rc != PDU_OK)
		return rc;
	out->has_timestamp = 1;
	return read_user_data(r, out);
}

static int decode_submit(struct reader *r, struct sms_pdu *out)
{
	int rc;

	out->reject_duplicates = !!(out->first_octet & FO_MMS_RD);
	rc = read_octet(r, "message reference (TP-MR)", &out->mr);
	if (rc == PDU_OK)
		rc = read_address(r, "destination address (TP-DA)", out->number,
				  &out->number_type, &out->number_toa);
	if (rc == PDU_OK)
		rc = read_pid_dcs(r, out);
	if (rc == PDU_OK)
		rc = read_validity(r, (out->first_octet & FO_VPF_MASK) >> 3,
				   &out->validity);
	if (rc != PDU_OK)
		return rc;
	return read_user_data(r, out);
}

static int decode_status_report(struct reader *r, struct sms_pdu *out)
{
	int rc, pi, more;

	out->more_messages = !(out->first_octet & FO_MMS_RD);
	rc = read_octet(r, "message reference (TP-MR)", &out->mr);
	if (rc == PDU_OK)
		rc = read_address(r, "recipient address (TP-RA)", out->number,
				  &out->number_type, &out->number_toa);
	if (rc == PDU_OK)
		rc = read_time(r, "service centre time stamp (TP-SCTS)",
			       &out->timestamp);
	if (rc == PDU_OK)
		rc = read_time(r, "discharge time (TP-DT)", &out->discharge);
	if (rc == PDU_OK)
		rc = read_octet(r, "status (TP-ST)", &out->status);
	if (rc != PDU_OK)
		return rc;
	out->has_timestamp = 1;
	if (r->off == r->len)
		return PDU_OK;
	/* TP-PI is optional (TS 23.040 9.2.2.3) and its bits 3-6 are
	 * reserved (9.2.3.27): an octet with any of them set is not a TP-PI
	 * but what follows the report, such as the 0xFF padding of a report
	 * read from SIM storage. It is left unread, as Android does. */
	if ((r->p[r->off] & 0x78) != 0) {
		out->ignored_octets = (int)(r->len - r->off);
		r->off = r->len;
		return PDU_OK;
	}
	/* Extension octets (bit 7) carry nothing we use. */
	pi = r->p[r->off++];
	out->pi = pi;
	for (more = pi & 0x80; more && r->off < r->len; r->off++)
		more = r->p[r->off] & 0x80;
	if (pi & 0x01) {
		rc = read_octet(r, "protocol identifier (TP-PID)", &out->pid);
		if (rc != PDU_OK)
			return rc;
	}
	if (pi & 0x02) {
		int dcs;

		rc = read_octet(r, "data coding scheme (TP-DCS)", &dcs);
		if (rc == PDU_OK)
			rc = parse_dcs(r, dcs, out);
		if (rc != PDU_OK)
			return rc;
	}
	if (pi & 0x04) {
		rc = read_user_data(r, out);
		if (rc != PDU_OK)
			return rc;
	}
	out->ignored_octets = (int)(r->len - r->off);
	r->off = r->len;
	return PDU_OK;
}

static void reset(struct sms_pdu *out)
{
	memset(out, 0, sizeof(*out));
	out->mr = -1;
	out->pid = -1;
	out->dcs = -1;
	out->msg_class = -1;
	out->validity.seconds = -1;
	out->pi = -1;
}

/* The walk proper; *reached tells how far it got (for auto-detection). */
static int decode_walk(const uint8_t *pdu, size_t len, int with_smsc,
		       struct sms_pdu *out, struct pdu_error *err,
		       size_t *reached)
{
	struct reader r = {pdu, len, 0, err};
	int rc = PDU_OK;

	reset(out);
	out->has_smsc = with_smsc;
	if (with_smsc)
		rc = read_smsc(&r, out);
	if (rc == PDU_OK) {
		out->tpdu_len = (int)(len - r.off);
		rc = read_octet(&r, "first octet (TP-MTI)", &out->first_octet);
	}
	if (rc == PDU_OK) {
		out->reply_path = !!(out->first_octet & FO_RP);
		out->status_report = !!(out->first_octet & FO_SRI);
		out->udhi = !!(out->first_octet & FO_UDHI);
		switch (out->first_octet & FO_MTI_MASK) {
		case 0:
			out->type = PDU_DELIVER;
			rc = decode_deliver(&r, out);
			break;
		case 1:
			out->type = PDU_SUBMIT;
			rc = decode_submit(&r, out);
			break;
		case 2:
			out->type = PDU_STATUS_REPORT;
			rc = decode_status_report(&r, out);
			break;
		default:
			rc = pdu_fail(err, PDU_ERR_TYPE,
				      "reserved message type (TP-MTI 3)");
			break;
		}
	}
	*reached = r.off;
	if (rc == PDU_OK && err != NULL) {
		err->code = PDU_OK;
		err->msg[0] = '\0';
	}
	return rc;
}

int pdu_decode_bin(const uint8_t *pdu, size_t len, int with_smsc,
		   struct sms_pdu *out, struct pdu_error *err)
{
	size_t reached;

	return decode_walk(pdu, len, with_smsc, out, err, &reached);
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

static int hex_to_bin(const char *hex, uint8_t *bin, size_t cap, size_t *len,
		      struct pdu_error *err)
{
	size_t n = strlen(hex), i;

	for (i = 0; i < n; i++) {
		if (hex_value(hex[i]) < 0)
			return pdu_fail(err, PDU_ERR_HEX,
					"not a hex digit at position %zu",
					i + 1);
	}
	if (n % 2 != 0)
		return pdu_fail(err, PDU_ERR_HEX,
				"odd number of hex digits (%zu)", n);
	if (n == 0)
		return pdu_fail(err, PDU_ERR_SHORT, "empty PDU");
	if (n / 2 > cap)
		return pdu_fail(err, PDU_ERR_LENGTH,
				"PDU longer than %zu octets", cap);
	for (i = 0; i < n / 2; i++)
		bin[i] = (uint8_t)(hex_value(hex[2 * i]) << 4 |
				   hex_value(hex[2 * i + 1]));
	*len = n / 2;
	return PDU_OK;
}

/* Both readings; exact and prefixed wins (see the header). */
static int decode_auto(const uint8_t *bin, size_t len, struct sms_pdu *out,
		       struct pdu_error *err)
{
	static const int order[2] = {1, 0};
	struct pdu_error e[2];
	size_t reached[2];
	int rc[2], i;

	for (i = 0; i < 2; i++) {
		rc[i] =
		    decode_walk(bin, len, order[i], out, &e[i], &reached[i]);
		if (rc[i] == PDU_OK && reached[i] == len) {
			if (err != NULL)
				*err = e[i];
			return PDU_OK;
		}
	}
	for (i = 0; i < 2; i++) {
		if (rc[i] == PDU_OK)
			return decode_walk(bin, len, order[i], out, err,
					   &reached[i]);
	}
	i = reached[1] > reached[0] ? 1 : 0;
	return decode_walk(bin, len, order[i], out, err, &reached[i]);
}

int pdu_decode(const char *hex, enum pdu_smsc_mode mode, struct sms_pdu *out,
	       struct pdu_error *err)
{
	uint8_t bin[PDU_BIN_MAX];
	size_t len = 0, reached;
	int rc;

	reset(out);
	rc = hex_to_bin(hex, bin, sizeof(bin), &len, err);
	if (rc != PDU_OK)
		return rc;
	switch (mode) {
	case PDU_SMSC_ABSENT:
		return decode_walk(bin, len, 0, out, err, &reached);
	case PDU_SMSC_PRESENT:
		return decode_walk(bin, len, 1, out, err, &reached);
	case PDU_SMSC_AUTO:
		return decode_auto(bin, len, out, err);
	}
	return pdu_fail(err, PDU_ERR_ARG, "bad SMSC mode");
}

int pdu_decode_len(const char *hex, int tpdu_len, struct sms_pdu *out,
		   struct pdu_error *err)
{
	uint8_t bin[PDU_BIN_MAX];
	size_t len = 0, reached, smsc;
	int rc;

	if (tpdu_len < 0)
		return pdu_decode(hex, PDU_SMSC_AUTO, out, err);
	reset(out);
	rc = hex_to_bin(hex, bin, sizeof(bin), &len, err);
	if (rc != PDU_OK)
		return rc;
	if (len < (size_t)tpdu_len)
		return pdu_fail(err, PDU_ERR_SHORT,
				"PDU of %zu octets shorter than the modem's "
				"length %d",
				len, tpdu_len);
	/* The SMSC part is its length octet and that many octets. */
	smsc = (size_t)bin[0] + 1;
	if (len > (size_t)tpdu_len && smsc + (size_t)tpdu_len <= len) {
		rc = decode_walk(bin, smsc + (size_t)tpdu_len, 1, out, err,
				 &reached);
		out->ignored_octets += (int)(len - smsc - (size_t)tpdu_len);
		return rc;
	}
	rc = decode_walk(bin, (size_t)tpdu_len, 0, out, err, &reached);
	out->ignored_octets += (int)(len - (size_t)tpdu_len);
	return rc;
}
