/*
 * pdu_encode: SMS-SUBMIT, SMS-DELIVER and SMS-STATUS-REPORT encoders,
 * split into segments as the planner in gsm7.c says.
 */
#include "pdu_internal.h"

#include <stdio.h>
#include <string.h>

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
		return pdu_fail(err, PDU_ERR_ADDRESS, "bad SMSC number '%.40s'",
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
		return pdu_fail(err, PDU_ERR_ADDRESS,
				"bad %s '%.40s': want +digits or digits", field,
				addr);
	n = gsm7_from_utf8(addr, strlen(addr), septets, 11);
	if (n <= 0)
		return pdu_fail(err, PDU_ERR_ADDRESS,
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
		return pdu_fail(err, PDU_ERR_ARG, "time stamp out of range");
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

/* TP-UDL and TP-UD for one segment's text: the header holds the concat
 * element (c may be NULL) and the plan's shift table elements. */
static void put_user_data(struct writer *w, const char *text, size_t len,
			  const struct sms_plan *plan,
			  const struct concat_hdr *c)
{
	uint8_t ud[UD_MAX + 8], septets[2 * SMS_GSM7_SINGLE + 2];
	size_t hdr = 1;
	int n, fill, octets;

	if (c != NULL) {
		if (c->bits16) {
			ud[hdr++] = IEI_CONCAT16;
			ud[hdr++] = 4;
			ud[hdr++] = (uint8_t)(c->ref >> 8);
		} else {
			ud[hdr++] = IEI_CONCAT8;
			ud[hdr++] = 3;
		}
		ud[hdr++] = (uint8_t)(c->ref & 0xFF);
		ud[hdr++] = (uint8_t)c->total;
		ud[hdr++] = (uint8_t)c->seq;
	}
	if (plan->encoding == SMS_ENC_GSM7 && plan->charset.single != 0) {
		ud[hdr++] = IEI_SINGLE;
		ud[hdr++] = 1;
		ud[hdr++] = plan->charset.single;
	}
	if (plan->encoding == SMS_ENC_GSM7 && plan->charset.locking != 0) {
		ud[hdr++] = IEI_LOCKING;
		ud[hdr++] = 1;
		ud[hdr++] = plan->charset.locking;
	}
	if (hdr == 1)
		hdr = 0; /* no header: no length octet either */
	else
		ud[0] = (uint8_t)(hdr - 1);
	if (plan->encoding == SMS_ENC_GSM7) {
		n = gsm7_from_utf8_cs(text, len, plan->charset, septets,
				      sizeof(septets));
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
		if (pdu_relative_seconds(v) >= (int64_t)minutes * 60)
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
static int encode_segments(const char *utf8, const struct envelope *env,
			   int ref, const struct sms_plan_options *popt,
			   struct pdu_segment *segs, int max_segs,
			   struct pdu_error *err)
{
	struct sms_plan plan;
	struct concat_hdr hdr;
	struct writer w;
	size_t len = strlen(utf8), pos = 0, start, smsc_len;
	int i, rc, nsegs, shifted;

	/* The planner decides encoding, tables and the split; the encoder
	 * follows it, so what sms_plan_with promised is what is sent. */
	sms_plan_with(utf8, popt, &plan);
	nsegs = plan.segments;
	if (nsegs > max_segs || nsegs > SMS_MAX_SEGMENTS)
		return pdu_fail(
		    err, PDU_ERR_TOO_LONG,
		    "text needs %d segments, at most %d allowed", nsegs,
		    max_segs < SMS_MAX_SEGMENTS ? max_segs : SMS_MAX_SEGMENTS);
	shifted = plan.encoding == SMS_ENC_GSM7 &&
		  (plan.charset.locking != 0 || plan.charset.single != 0);
	hdr = (struct concat_hdr){ref, nsegs, 0, popt->concat16};
	for (i = 0; i < nsegs; i++) {
		w.len = 0;
		rc =
		    put_head(&w, env, nsegs > 1 || shifted, plan.encoding, err);
		if (rc != PDU_OK)
			return rc;
		smsc_len = (size_t)w.buf[0] + 1;
		start = pos;
		if (nsegs == 1)
			pos = len;
		else if (shifted)
			gsm7_split_cs(utf8, len, &pos, plan.charset,
				      plan.per_segment);
		else
			gsm7_split(utf8, len, &pos, plan.encoding,
				   plan.per_segment);
		hdr.seq = i + 1;
		put_user_data(&w, utf8 + start, pos - start, &plan,
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
	struct sms_plan_options popt = {0};

	if (opt == NULL)
		env.sub = &defaults;
	if (env.sub->concat_ref < 0 || env.sub->concat_ref > 255 ||
	    env.sub->mr < 0 || env.sub->mr > 255 || env.sub->msg_class > 3 ||
	    env.sub->shift_lang < 0 || env.sub->shift_lang >= GSM7_LANG_COUNT)
		return pdu_fail(err, PDU_ERR_ARG,
				"concat reference, TP-MR, class or shift "
				"language out of range");
	popt.national_shift = env.sub->national_shift;
	popt.locking_shift = env.sub->locking_shift;
	popt.lang = env.sub->shift_lang;
	return encode_segments(utf8, &env, env.sub->concat_ref, &popt, segs,
			       max_segs, err);
}

int pdu_encode_deliver(const char *utf8, const char *from,
		       const struct pdu_deliver_options *opt,
		       struct pdu_segment *segs, int max_segs,
		       struct pdu_error *err)
{
	struct envelope env = {PDU_DELIVER, opt->smsc, from, NULL, opt};
	struct sms_plan_options popt = {0};
	int max_ref = opt->concat_16bit ? 0xFFFF : 0xFF;

	if (opt->concat_ref < 0 || opt->concat_ref > max_ref ||
	    opt->msg_class > 3 || opt->shift_lang < 0 ||
	    opt->shift_lang >= GSM7_LANG_COUNT)
		return pdu_fail(err, PDU_ERR_ARG,
				"concat reference, class or shift language "
				"out of range");
	popt.national_shift = opt->national_shift;
	popt.locking_shift = opt->locking_shift;
	popt.lang = opt->shift_lang;
	popt.concat16 = opt->concat_16bit;
	return encode_segments(utf8, &env, opt->concat_ref, &popt, segs,
			       max_segs, err);
}

int pdu_encode_status_report(const struct pdu_status_fields *f,
			     struct pdu_segment *seg, struct pdu_error *err)
{
	struct writer w = {.len = 0};
	size_t smsc_len;
	int rc;

	if (f->mr < 0 || f->mr > 255 || f->status < 0 || f->status > 255)
		return pdu_fail(err, PDU_ERR_ARG,
				"TP-MR or TP-ST out of range");
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
