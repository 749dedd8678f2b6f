/*
 * pdu: SMS-DELIVER, SMS-SUBMIT and SMS-STATUS-REPORT (3GPP TS 23.040 9.2).
 *
 * The decoder is a walk over octets with a guard before every field; the
 * guard's message names the field, so an installer reading `smsdesk pdu
 * decode` output knows where a modem's PDU went wrong.
 */
#include "smsdesk/pdu.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* SMSC (12) + the longest TPDU (SUBMIT with absolute VP: 164), with room. */
#define PDU_BIN_MAX 200
#define UD_MAX	    140

/* TP-MTI and first-octet flags (TS 23.040 9.2.3). */
#define FO_MTI_MASK 0x03
#define FO_MMS_RD   0x04 /* DELIVER/STATUS: TP-MMS; SUBMIT: TP-RD */
#define FO_VPF_MASK 0x18
#define FO_SRI	    0x20 /* TP-SRI, TP-SRR, TP-SRQ */
#define FO_UDHI	    0x40
#define FO_RP	    0x80

/* TON bits of a type-of-address octet. */
#define TOA_TON(toa)	  (((toa) >> 4) & 0x07)
#define TOA_INTERNATIONAL 0x91
#define TOA_UNKNOWN	  0x81
#define TOA_ALPHANUMERIC  0xD0

/* Information element identifiers (TS 23.040 9.2.3.24). */
#define IEI_CONCAT8  0x00
#define IEI_PORTS8   0x04
#define IEI_PORTS16  0x05
#define IEI_CONCAT16 0x08

struct reader {
	const uint8_t *p;
	size_t len, off;
	struct pdu_error *err;
};

static int fail(struct pdu_error *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail(struct pdu_error *err, int code, const char *fmt, ...)
{
	va_list ap;

	if (err != NULL) {
		err->code = code;
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
		va_end(ap);
	}
	return code;
}

/* The guard before every read. */
static int need(struct reader *r, size_t n, const char *field)
{
	if (n > r->len - r->off)
		return fail(r->err, PDU_ERR_SHORT, "truncated in the %s",
			    field);
	return PDU_OK;
}

const char *pdu_type_name(enum pdu_type type)
{
	switch (type) {
	case PDU_DELIVER:
		return "deliver";
	case PDU_SUBMIT:
		return "submit";
	case PDU_STATUS_REPORT:
		return "status-report";
	}
	return "?";
}

const char *sms_number_type_name(enum sms_number_type type)
{
	switch (type) {
	case SMS_NUMBER_UNKNOWN:
		return "unknown";
	case SMS_NUMBER_INTERNATIONAL:
		return "international";
	case SMS_NUMBER_NATIONAL:
		return "national";
	case SMS_NUMBER_NETWORK:
		return "network";
	case SMS_NUMBER_SUBSCRIBER:
		return "subscriber";
	case SMS_NUMBER_ALPHANUMERIC:
		return "alphanumeric";
	case SMS_NUMBER_ABBREVIATED:
		return "abbreviated";
	case SMS_NUMBER_RESERVED:
		return "reserved";
	}
	return "?";
}

/* ---- time stamps --------------------------------------------------------- */

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
 * well-known civil-days arithmetic, written out here). */
static int64_t days_from_civil(int y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int64_t sms_time_to_utc(const struct sms_time *t)
{
	return days_from_civil(t->year, t->month, t->day) * 86400 +
	       t->hour * 3600 + t->minute * 60 + t->second -
	       (int64_t)t->tz_minutes * 60;
}

void sms_time_from_utc(int64_t epoch, int tz_minutes, struct sms_time *out)
{
	int64_t local = epoch + (int64_t)tz_minutes * 60;
	int64_t days = local / 86400, secs = local % 86400;
	int64_t era, doe, yoe, doy, mp, y;

	if (secs < 0) {
		secs += 86400;
		days--;
	}
	days += 719468;
	era = (days >= 0 ? days : days - 146096) / 146097;
	doe = days - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	out->day = (int)(doy - (153 * mp + 2) / 5 + 1);
	out->month = (int)(mp < 10 ? mp + 3 : mp - 9);
	out->year = (int)(y + (out->month <= 2));
	out->hour = (int)(secs / 3600);
	out->minute = (int)(secs / 60 % 60);
	out->second = (int)(secs % 60);
	out->tz_minutes = tz_minutes;
}

void sms_time_format(const struct sms_time *t, char *out, size_t cap)
{
	int tz = t->tz_minutes < 0 ? -t->tz_minutes : t->tz_minutes;

	snprintf(out, cap, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
		 t->year % 10000, t->month % 100, t->day % 100, t->hour % 100,
		 t->minute % 100, t->second % 100,
		 t->tz_minutes < 0 ? '-' : '+', tz / 60 % 100, tz % 60);
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
			return fail(r->err, PDU_ERR_SEMIOCTET,
				    "bad semi-octet 0x%02X in the %s", p[i],
				    field);
	}
	/* The zone's tens digit carries the sign in its top bit. */
	if ((p[6] >> 4) > 9)
		return fail(r->err, PDU_ERR_SEMIOCTET,
			    "bad semi-octet 0x%02X in the time zone of the %s",
			    p[6], field);
	quarters = (p[6] & 0x07) * 10 + (p[6] >> 4);
	if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31 || v[3] > 23 ||
	    v[4] > 59 || v[5] > 59)
		return fail(r->err, PDU_ERR_SEMIOCTET,
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
			return fail(r->err, PDU_ERR_SEMIOCTET,
				    "filler semi-octet inside the %s", field);
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
		return fail(r->err, PDU_ERR_LENGTH,
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
		size_t n = ndigits * 4 / 7;

		gsm7_unpack(r->p + r->off, octets, 0, n, septets);
		gsm7_to_utf8(septets, n, out, SMS_ADDR_MAX);
		/* A name padded with '@' (septet 0) shows it: trim it. */
		while (n > 0 && septets[n - 1] == 0 && out[0] != '\0') {
			n--;
			out[strlen(out) - 1] = '\0';
		}
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
		return fail(r->err, PDU_ERR_LENGTH,
			    "SMSC address length %zu over 11 octets", octets);
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
			return fail(r->err, PDU_ERR_DCS,
				    "compressed text (TP-DCS 0x%02X) is not "
				    "supported",
				    dcs);
		alphabet = (dcs >> 2) & 0x03;
		if (alphabet == 3)
			return fail(r->err, PDU_ERR_DCS,
				    "reserved alphabet in TP-DCS 0x%02X", dcs);
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
	return fail(r->err, PDU_ERR_DCS,
		    "reserved coding group in TP-DCS 0x%02X", dcs);
}

static int64_t relative_seconds(int v)
{
	if (v <= 143)
		return (int64_t)(v + 1) * 5 * 60;
	if (v <= 167)
		return 12 * 3600 + (int64_t)(v - 143) * 30 * 60;
	if (v <= 196)
		return (int64_t)(v - 166) * 86400;
	return (int64_t)(v - 192) * 7 * 86400;
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
		vp->seconds = relative_seconds(vp->relative_octet);
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
		vp->seconds = relative_seconds(p[1]);
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
			return fail(r->err, PDU_ERR_UDH,
				    "truncated information element in the "
				    "user data header");
		iei = h[i];
		iel = h[i + 1];
		if ((size_t)iel > hlen - i - 2)
			return fail(r->err, PDU_ERR_UDH,
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
	int fill, hdr_septets, n;

	switch (out->encoding) {
	case SMS_ENC_GSM7:
		/* Text starts on the septet boundary after the header. */
		hdr_septets = (int)((hdr_octets * 8 + 6) / 7);
		fill = hdr_septets * 7 - (int)hdr_octets * 8;
		if ((size_t)hdr_septets > udl)
			return fail(r->err, PDU_ERR_UDH,
				    "user data header longer than the user "
				    "data");
		n = (int)udl - hdr_septets;
		if (gsm7_unpack(body, body_octets, fill, (size_t)n, out->ud) <
		    0)
			return fail(r->err, PDU_ERR_LENGTH,
				    "user data length larger than the data");
		out->ud_len = (size_t)n;
		out->text_len = (size_t)gsm7_to_utf8(out->ud, out->ud_len,
						     out->text, SMS_TEXT_MAX);
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
		return fail(r->err, PDU_ERR_LENGTH,
			    "user data length larger than the data (TP-UDL "
			    "%zu needs %zu octets, %zu left)",
			    udl, octets, r->len - r->off);
	if (out->encoding == SMS_ENC_GSM7 && udl > 160)
		return fail(r->err, PDU_ERR_LENGTH,
			    "user data length %zu over 160 septets", udl);
	if (out->encoding != SMS_ENC_GSM7 && udl > UD_MAX)
		return fail(r->err, PDU_ERR_LENGTH,
			    "user data length %zu over 140 octets", udl);
	if (out->udhi) {
		if (octets < 1 || (size_t)r->p[r->off] + 1 > octets)
			return fail(r->err, PDU_ERR_UDH,
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
	/* TP-PI says which optional fields follow; extension octets
	 * (bit 7) carry nothing we use. */
	pi = r->p[r->off++];
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
	if (pi & 0x04)
		return read_user_data(r, out);
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
			rc = fail(err, PDU_ERR_TYPE,
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
			return fail(err, PDU_ERR_HEX,
				    "not a hex digit at position %zu", i + 1);
	}
	if (n % 2 != 0)
		return fail(err, PDU_ERR_HEX, "odd number of hex digits (%zu)",
			    n);
	if (n == 0)
		return fail(err, PDU_ERR_SHORT, "empty PDU");
	if (n / 2 > cap)
		return fail(err, PDU_ERR_LENGTH, "PDU longer than %zu octets",
			    cap);
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
	return fail(err, PDU_ERR_ARG, "bad SMSC mode");
}

int pdu_decode_len(const char *hex, int tpdu_len, struct sms_pdu *out,
		   struct pdu_error *err)
{
	size_t octets = strlen(hex) / 2;

	if (tpdu_len < 0)
		return pdu_decode(hex, PDU_SMSC_AUTO, out, err);
	if (octets < (size_t)tpdu_len) {
		reset(out);
		return fail(err, PDU_ERR_SHORT,
			    "PDU of %zu octets shorter than the modem's "
			    "length %d",
			    octets, tpdu_len);
	}
	return pdu_decode(hex,
			  octets == (size_t)tpdu_len ? PDU_SMSC_ABSENT
						     : PDU_SMSC_PRESENT,
			  out, err);
}

/* ---- encoding ------------------------------------------------------------ */

struct writer {
	uint8_t buf[PDU_BIN_MAX];
	size_t len;
};

static void put(struct writer *w, uint8_t b)
{
	if (w->len < sizeof(w->buf))
		w->buf[w->len++] = b;
}

static void put_bytes(struct writer *w, const uint8_t *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		put(w, b[i]);
}

/* "+digits" or "digits" (at most 20): 0 and the digits, else -1. */
static int parse_number(const char *s, int *international, char *digits)
{
	size_t n = 0;

	*international = (*s == '+');
	if (*international)
		s++;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9' || n >= 20)
			return -1;
		digits[n++] = *s;
	}
	digits[n] = '\0';
	return n == 0 ? -1 : 0;
}

static void put_semi_octets(struct writer *w, const char *digits)
{
	size_t i, n = strlen(digits);

	for (i = 0; i < n; i += 2) {
		unsigned lo = (unsigned)(digits[i] - '0');
		unsigned hi = i + 1 < n ? (unsigned)(digits[i + 1] - '0') : 0xF;

		put(w, (uint8_t)(hi << 4 | lo));
	}
}

static int put_smsc(struct writer *w, const char *smsc, struct pdu_error *err)
{
	char digits[21];
	int intl;

	if (smsc == NULL || *smsc == '\0') {
		put(w, 0);
		return PDU_OK;
	}
	if (parse_number(smsc, &intl, digits) < 0)
		return fail(err, PDU_ERR_ADDRESS, "bad SMSC number '%.40s'",
			    smsc);
	put(w, (uint8_t)(1 + (strlen(digits) + 1) / 2));
	put(w, intl ? TOA_INTERNATIONAL : TOA_UNKNOWN);
	put_semi_octets(w, digits);
	return PDU_OK;
}

static int put_address(struct writer *w, const char *addr, int allow_alpha,
		       const char *field, struct pdu_error *err)
{
	uint8_t septets[24], packed[24];
	char digits[21];
	int intl, n, octets;

	if (parse_number(addr, &intl, digits) == 0) {
		put(w, (uint8_t)strlen(digits));
		put(w, intl ? TOA_INTERNATIONAL : TOA_UNKNOWN);
		put_semi_octets(w, digits);
		return PDU_OK;
	}
	if (!allow_alpha)
		return fail(err, PDU_ERR_ADDRESS,
			    "bad %s '%.40s': want +digits or digits", field,
			    addr);
	n = gsm7_from_utf8(addr, strlen(addr), septets, 11);
	if (n <= 0)
		return fail(err, PDU_ERR_ADDRESS,
			    "bad %s '%.40s': a name has 1 to 11 GSM-7 "
			    "characters",
			    field, addr);
	octets = gsm7_pack(septets, (size_t)n, 0, packed, sizeof(packed));
	put(w, (uint8_t)((n * 7 + 3) / 4));
	put(w, TOA_ALPHANUMERIC);
	put_bytes(w, packed, (size_t)octets);
	return PDU_OK;
}

static uint8_t bcd_swapped(int v)
{
	return (uint8_t)((v % 10) << 4 | (v / 10 % 10));
}

static int put_time(struct writer *w, const struct sms_time *t,
		    struct pdu_error *err)
{
	int q = t->tz_minutes < 0 ? -t->tz_minutes : t->tz_minutes;

	if (t->year < 2000 || t->year > 2099 || t->month < 1 || t->month > 12 ||
	    t->day < 1 || t->day > 31 || t->hour < 0 || t->hour > 23 ||
	    t->minute < 0 || t->minute > 59 || t->second < 0 ||
	    t->second > 59 || q % 15 != 0 || q / 15 > 79)
		return fail(err, PDU_ERR_ARG, "time stamp out of range");
	q /= 15;
	put(w, bcd_swapped(t->year - 2000));
	put(w, bcd_swapped(t->month));
	put(w, bcd_swapped(t->day));
	put(w, bcd_swapped(t->hour));
	put(w, bcd_swapped(t->minute));
	put(w, bcd_swapped(t->second));
	put(w,
	    (uint8_t)((q % 10) << 4 | (q / 10) | (t->tz_minutes < 0 ? 8 : 0)));
	return PDU_OK;
}

static int dcs_for(enum sms_encoding enc, int msg_class)
{
	int dcs = enc == SMS_ENC_UCS2 ? 0x08 : 0x00;

	if (msg_class >= 0)
		dcs |= 0x10 | (msg_class & 0x03);
	return dcs;
}

struct concat_hdr {
	int ref, total, seq, bits16;
};

/* TP-UDL and TP-UD for one segment's text. */
static void put_user_data(struct writer *w, const char *text, size_t len,
			  enum sms_encoding enc, const struct concat_hdr *c)
{
	uint8_t ud[UD_MAX + 8], septets[2 * SMS_GSM7_SINGLE + 2];
	size_t hdr = 0;
	int n, fill, octets;

	if (c != NULL) {
		if (c->bits16) {
			ud[hdr++] = 6;
			ud[hdr++] = IEI_CONCAT16;
			ud[hdr++] = 4;
			ud[hdr++] = (uint8_t)(c->ref >> 8);
		} else {
			ud[hdr++] = 5;
			ud[hdr++] = IEI_CONCAT8;
			ud[hdr++] = 3;
		}
		ud[hdr++] = (uint8_t)(c->ref & 0xFF);
		ud[hdr++] = (uint8_t)c->total;
		ud[hdr++] = (uint8_t)c->seq;
	}
	if (enc == SMS_ENC_GSM7) {
		n = gsm7_from_utf8(text, len, septets, sizeof(septets));
		fill = (int)((7 - hdr * 8 % 7) % 7);
		octets = gsm7_pack(septets, (size_t)(n < 0 ? 0 : n), fill,
				   ud + hdr, sizeof(ud) - hdr);
		put(w, (uint8_t)((hdr * 8 + (size_t)fill) / 7 + (size_t)n));
	} else {
		octets = ucs2_from_utf8(text, len, ud + hdr, sizeof(ud) - hdr);
		put(w, (uint8_t)(hdr + (size_t)octets));
	}
	put_bytes(w, ud, hdr + (size_t)(octets < 0 ? 0 : octets));
}

static void to_hex(const uint8_t *b, size_t n, char *out)
{
	static const char digits[] = "0123456789ABCDEF";
	size_t i;

	for (i = 0; i < n; i++) {
		out[2 * i] = digits[b[i] >> 4];
		out[2 * i + 1] = digits[b[i] & 0x0F];
	}
	out[2 * n] = '\0';
}

/* What varies between SUBMIT and DELIVER around the user data. */
struct envelope {
	enum pdu_type type;
	const char *smsc, *addr;
	const struct pdu_submit_options *sub;
	const struct pdu_deliver_options *del;
};

static int relative_octet_for(int minutes)
{
	int v;

	/* The smallest step at least as long as asked. */
	for (v = 0; v < 255; v++) {
		if (relative_seconds(v) >= (int64_t)minutes * 60)
			return v;
	}
	return 255;
}

static int put_head(struct writer *w, const struct envelope *env, int udhi,
		    enum sms_encoding enc, struct pdu_error *err)
{
	int rc, fo, cls;

	rc = put_smsc(w, env->smsc, err);
	if (rc != PDU_OK)
		return rc;
	if (env->type == PDU_SUBMIT) {
		fo = 0x01 | (udhi ? FO_UDHI : 0) |
		     (env->sub->status_report ? FO_SRI : 0) |
		     (env->sub->validity_minutes > 0 ? 0x10 : 0);
		put(w, (uint8_t)fo);
		put(w, (uint8_t)env->sub->mr);
		rc = put_address(w, env->addr, 0, "destination number", err);
		cls = env->sub->msg_class;
	} else {
		fo = 0x00 | (udhi ? FO_UDHI : 0) |
		     (env->del->status_report ? FO_SRI : 0) |
		     (env->del->more_messages ? 0 : FO_MMS_RD);
		put(w, (uint8_t)fo);
		rc = put_address(w, env->addr, 1, "sender", err);
		cls = env->del->msg_class;
	}
	if (rc != PDU_OK)
		return rc;
	put(w, 0x00); /* TP-PID: plain text to a phone */
	put(w, (uint8_t)dcs_for(enc, cls));
	if (env->type == PDU_SUBMIT) {
		if (env->sub->validity_minutes > 0)
			put(w, (uint8_t)relative_octet_for(
				   env->sub->validity_minutes));
		return PDU_OK;
	}
	return put_time(w, &env->del->timestamp, err);
}

static int finish_segment(struct writer *w, size_t smsc_len,
			  struct pdu_segment *seg)
{
	to_hex(w->buf, w->len, seg->hex);
	seg->tpdu_len = (int)(w->len - smsc_len);
	return PDU_OK;
}

/* Segments of `room` units, by the rule sms_plan uses (gsm7_split). */
static int count_segments(const char *utf8, size_t len, enum sms_encoding enc,
			  int room)
{
	size_t pos = 0;
	int n = 0;

	while (pos < len && n <= SMS_MAX_SEGMENTS) {
		gsm7_split(utf8, len, &pos, enc, room);
		n++;
	}
	return n;
}

static int encode_segments(const char *utf8, const struct envelope *env,
			   int ref, int bits16, struct pdu_segment *segs,
			   int max_segs, struct pdu_error *err)
{
	struct sms_plan plan;
	struct concat_hdr hdr;
	struct writer w;
	size_t len = strlen(utf8), pos = 0, start, smsc_len;
	int i, rc, room, nsegs;

	sms_plan(utf8, &plan);
	nsegs = plan.segments;
	room = plan.per_segment;
	/* A 16-bit reference costs one octet more: one unit less. */
	if (bits16 && nsegs > 1) {
		room--;
		nsegs = count_segments(utf8, len, plan.encoding, room);
	}
	if (nsegs > max_segs || nsegs > SMS_MAX_SEGMENTS)
		return fail(err, PDU_ERR_TOO_LONG,
			    "text needs %d segments, at most %d allowed", nsegs,
			    max_segs < SMS_MAX_SEGMENTS ? max_segs
							: SMS_MAX_SEGMENTS);
	hdr = (struct concat_hdr){ref, nsegs, 0, bits16};
	for (i = 0; i < nsegs; i++) {
		w.len = 0;
		rc = put_head(&w, env, nsegs > 1, plan.encoding, err);
		if (rc != PDU_OK)
			return rc;
		smsc_len = (size_t)w.buf[0] + 1;
		start = pos;
		if (nsegs > 1)
			gsm7_split(utf8, len, &pos, plan.encoding, room);
		else
			pos = len;
		hdr.seq = i + 1;
		put_user_data(&w, utf8 + start, pos - start, plan.encoding,
			      nsegs > 1 ? &hdr : NULL);
		finish_segment(&w, smsc_len, &segs[i]);
	}
	if (err != NULL) {
		err->code = PDU_OK;
		err->msg[0] = '\0';
	}
	return nsegs;
}

int pdu_encode_submit(const char *utf8, const char *to,
		      const struct pdu_submit_options *opt,
		      struct pdu_segment *segs, int max_segs,
		      struct pdu_error *err)
{
	static const struct pdu_submit_options defaults = {.msg_class = -1};
	struct envelope env = {PDU_SUBMIT, NULL, to, opt, NULL};

	if (opt == NULL)
		env.sub = &defaults;
	if (env.sub->concat_ref < 0 || env.sub->concat_ref > 255 ||
	    env.sub->mr < 0 || env.sub->mr > 255 || env.sub->msg_class > 3)
		return fail(err, PDU_ERR_ARG,
			    "concat reference, TP-MR or class out of range");
	return encode_segments(utf8, &env, env.sub->concat_ref, 0, segs,
			       max_segs, err);
}

int pdu_encode_deliver(const char *utf8, const char *from,
		       const struct pdu_deliver_options *opt,
		       struct pdu_segment *segs, int max_segs,
		       struct pdu_error *err)
{
	struct envelope env = {PDU_DELIVER, opt->smsc, from, NULL, opt};
	int max_ref = opt->concat_16bit ? 0xFFFF : 0xFF;

	if (opt->concat_ref < 0 || opt->concat_ref > max_ref ||
	    opt->msg_class > 3)
		return fail(err, PDU_ERR_ARG,
			    "concat reference or class out of range");
	return encode_segments(utf8, &env, opt->concat_ref, opt->concat_16bit,
			       segs, max_segs, err);
}

int pdu_encode_status_report(const struct pdu_status_fields *f,
			     struct pdu_segment *seg, struct pdu_error *err)
{
	struct writer w = {.len = 0};
	size_t smsc_len;
	int rc;

	if (f->mr < 0 || f->mr > 255 || f->status < 0 || f->status > 255)
		return fail(err, PDU_ERR_ARG, "TP-MR or TP-ST out of range");
	rc = put_smsc(&w, f->smsc, err);
	if (rc != PDU_OK)
		return rc;
	smsc_len = w.len;
	put(&w, 0x02 | FO_MMS_RD);
	put(&w, (uint8_t)f->mr);
	rc = put_address(&w, f->recipient, 0, "recipient", err);
	if (rc == PDU_OK)
		rc = put_time(&w, &f->scts, err);
	if (rc == PDU_OK)
		rc = put_time(&w, &f->discharge, err);
	if (rc != PDU_OK)
		return rc;
	put(&w, (uint8_t)f->status);
	return finish_segment(&w, smsc_len, seg);
}
