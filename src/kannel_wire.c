/*
 * kannel_wire: the pure half of the kannel module (kannel.h) — what
 * smsbox's calls mean, and what an outbox part becomes on a sendsms query.
 *
 * The words are Kannel's (userguide 1.4.5, "SMS-service configurations":
 * escape codes %p %P %b %c %C %T %I; "Using the HTTP interface to send SMS
 * messages": username, password, from, to, text, charset, coding, udh,
 * mclass, dlr-mask, dlr-url; chapter 10 for the delivery report types).
 */
#include "smsdesk/kannel.h"
#include "smsdesk/pdu.h"
#include "smsdesk/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Kannel's %c: the data coding of the message. */
enum { CODING_7BIT = 0, CODING_8BIT = 1, CODING_UCS2 = 2 };

/* ---- text as Kannel hands it over ------------------------------------ */

static size_t put_utf8(char *out, unsigned cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* UTF-16BE → UTF-8 (out: 2 * len + 4 bytes); *bad when anything was
 * replaced (an odd byte, a lone surrogate). */
static size_t from_utf16be(const unsigned char *in, size_t len, char *out,
			   int *bad)
{
	size_t o = 0;

	for (size_t i = 0; i + 1 < len; i += 2) {
		unsigned u = (unsigned)in[i] << 8 | in[i + 1];
		if (u >= 0xD800 && u <= 0xDBFF && i + 3 < len) {
			unsigned lo = (unsigned)in[i + 2] << 8 | in[i + 3];
			if (lo >= 0xDC00 && lo <= 0xDFFF) {
				u = 0x10000 + ((u - 0xD800) << 10) +
				    (lo - 0xDC00);
				i += 2;
			}
		}
		if ((u >= 0xD800 && u <= 0xDFFF) || u == 0) {
			u = 0xFFFD;
			*bad = 1;
		}
		o += put_utf8(out + o, u);
	}
	if (len % 2) {
		o += put_utf8(out + o, 0xFFFD);
		*bad = 1;
	}
	out[o] = '\0';
	return o;
}

/* Windows-1252's 0x80..0x9F (ISO-8859-1 has control codes there). */
static const unsigned short cp1252_hi[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

/* Latin-1 or Windows-1252 → UTF-8 (out: 3 * len + 1 bytes). */
static size_t from_latin(const unsigned char *in, size_t len, int cp1252,
			 char *out, int *bad)
{
	size_t o = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned c = in[i];
		if (c >= 0x80 && c < 0xA0 && cp1252)
			c = cp1252_hi[c - 0x80];
		if (c == 0 || c == 0xFFFD) {
			c = 0xFFFD;
			*bad = 1;
		}
		o += put_utf8(out + o, c);
	}
	out[o] = '\0';
	return o;
}

static void hex_of(const unsigned char *in, size_t len, char *out)
{
	static const char hex[] = "0123456789ABCDEF";

	for (size_t i = 0; i < len; i++) {
		out[2 * i] = hex[in[i] >> 4];
		out[2 * i + 1] = hex[in[i] & 15];
	}
	out[2 * len] = '\0';
}

/* ---- /kannel/mo ------------------------------------------------------ */

static int copy_param(const struct http_request *req, const char *name,
		      char *out, size_t cap, int required)
{
	const struct http_param *p = http_param(req, name);

	if (p == NULL || p->len == 0) {
		out[0] = '\0';
		return required ? -1 : 0;
	}
	if (p->len >= cap || memchr(p->value, '\0', p->len) != NULL)
		return -1;
	memcpy(out, p->value, p->len + 1);
	return 0;
}

void kannel_mo_clear(struct kannel_mo *mo)
{
	free(mo->text);
	free(mo->record);
	mo->text = mo->record = NULL;
}

int kannel_parse_mo(const struct http_request *req, struct kannel_mo *out,
		    char *err, size_t errlen)
{
	const struct http_param *text = http_param(req, "text");
	char coding_s[8], charset[32], time_s[24], id[80], *end;
	int coding = CODING_7BIT, bad = 0;
	long long t;

	memset(out, 0, sizeof(*out));
	if (copy_param(req, "from", out->sender, sizeof(out->sender), 1) ||
	    copy_param(req, "to", out->receiver, sizeof(out->receiver), 0) ||
	    copy_param(req, "coding", coding_s, sizeof(coding_s), 0) ||
	    copy_param(req, "charset", charset, sizeof(charset), 0) ||
	    copy_param(req, "time", time_s, sizeof(time_s), 1) ||
	    copy_param(req, "id", id, sizeof(id), 0)) {
		snprintf(err, errlen,
			 "from and time are needed; from, to, coding, "
			 "charset, time and id must be short and have no NUL");
		return -1;
	}
	if (text == NULL) {
		snprintf(err, errlen, "text is missing");
		return -1;
	}
	t = strtoll(time_s, &end, 10);
	if (*end != '\0' || t < 0) {
		snprintf(err, errlen, "time '%s' is not epoch seconds (%%T)",
			 time_s);
		return -1;
	}
	out->smsc_time = t;
	if (coding_s[0] != '\0') {
		if (strlen(coding_s) != 1 || coding_s[0] < '0' ||
		    coding_s[0] > '2') {
			snprintf(err, errlen, "coding '%s' is not 0, 1 or 2",
				 coding_s);
			return -1;
		}
		coding = coding_s[0] - '0';
	}
	/* Enough for the widest conversion (Latin-1: 3 bytes a byte). */
	out->text = malloc(text->len * 3 + 8);
	if (out->text == NULL)
		goto nomem;
	const unsigned char *raw = (const unsigned char *)text->value;
	if (coding == CODING_UCS2 ||
	    (coding == CODING_7BIT && strcasecmp(charset, "UTF-16BE") == 0)) {
		from_utf16be(raw, text->len, out->text, &bad);
	} else if (coding == CODING_8BIT) {
		/* Data, not a text: kept as it came, never answered. */
		out->binary = 1;
		from_latin(raw, text->len, 0, out->text, &bad);
	} else if (strcasecmp(charset, "WINDOWS-1252") == 0 ||
		   strcasecmp(charset, "CP1252") == 0) {
		from_latin(raw, text->len, 1, out->text, &bad);
	} else if (strcasecmp(charset, "ISO-8859-1") == 0 ||
		   strcasecmp(charset, "LATIN1") == 0) {
		from_latin(raw, text->len, 0, out->text, &bad);
	} else {
		/* "UTF-8", or none given: smsbox's own text is UTF-8 */
		size_t n = text_sanitize_utf8(text->value, text->len, out->text,
					      text->len * 3 + 8);
		bad = n != text->len || memcmp(out->text, text->value, n) != 0;
	}
	if (bad)
		out->flags |= STORE_IN_BAD_TEXT;
	/*
	 * What the inbox keeps as the raw message, and what its uniqueness
	 * (sender, time, hash of this) rests on: Kannel's own id when it
	 * gave one (a retry of the same message carries the same id), else
	 * the text's bytes.
	 */
	if (id[0] != '\0') {
		out->record = malloc(strlen(id) + 16);
		if (out->record == NULL)
			goto nomem;
		sprintf(out->record, "kannel id=%s", id);
	} else {
		out->record = malloc(text->len * 2 + 40);
		if (out->record == NULL)
			goto nomem;
		int n = sprintf(out->record, "kannel coding=%d text=", coding);
		hex_of(raw, text->len, out->record + n);
	}
	return 0;
nomem:
	kannel_mo_clear(out);
	snprintf(err, errlen, "out of memory");
	return -1;
}

/* ---- /kannel/dlr ----------------------------------------------------- */

int kannel_dlr_status(int type)
{
	switch (type) {
	case 1: /* delivered to the phone */
		return 0x00;
	case 2:	 /* not delivered to the phone */
	case 16: /* not delivered to the SMSC */
		return 0x40;
	case 4: /* queued at the SMSC */
		return 0x20;
	default: /* 8, delivered to the SMSC: "sent" already says so */
		return -1;
	}
}

/* ---- sendsms --------------------------------------------------------- */

struct buf {
	char *p;
	size_t len, cap;
	int full;
};

static void add(struct buf *b, const char *s)
{
	size_t n = strlen(s);

	if (b->full || b->len + n >= b->cap) {
		b->full = 1;
		return;
	}
	memcpy(b->p + b->len, s, n + 1);
	b->len += n;
}

static void add_escaped(struct buf *b, const char *value, size_t len)
{
	if (b->full)
		return;
	size_t need = http_escape(value, len, b->p + b->len, b->cap - b->len);
	if (need >= b->cap - b->len)
		b->full = 1;
	else
		b->len += need;
}

/* "&name=value", or "?name=value" for the first parameter. */
static void add_param(struct buf *b, const char *name, const char *value,
		      size_t len)
{
	add(b, memchr(b->p, '?', b->len) != NULL ? "&" : "?");
	add(b, name);
	add(b, "=");
	add_escaped(b, value, len);
}

int kannel_sendsms_url(const struct kannel_send *s, char *url, size_t cap,
		       char *err, size_t errlen)
{
	static struct sms_pdu pdu; /* big; one thread */
	struct pdu_error perr;
	unsigned char udh[16];
	size_t udh_len = 0;
	int coding;
	char num[16];
	struct buf b = {.p = url, .cap = cap};

	if (pdu_decode(s->pdu_hex, PDU_SMSC_AUTO, &pdu, &perr) != PDU_OK ||
	    pdu.type != PDU_SUBMIT) {
		snprintf(err, errlen, "the part is not an SMS-SUBMIT: %s",
			 pdu.type != PDU_SUBMIT ? "another type" : perr.msg);
		return -1;
	}
	if (pdu.concat.present) {
		/* TS 23.040 9.2.3.24.1 (8-bit reference, IEI 00) and
		 * 9.2.3.24.8 (16-bit, IEI 08) */
		udh[udh_len++] = pdu.concat.ref_bits == 16 ? 6 : 5; /* UDHL */
		if (pdu.concat.ref_bits == 16) {
			udh[udh_len++] = 0x08;
			udh[udh_len++] = 4;
			udh[udh_len++] = (unsigned char)(pdu.concat.ref >> 8);
		} else {
			udh[udh_len++] = 0x00;
			udh[udh_len++] = 3;
		}
		udh[udh_len++] = (unsigned char)(pdu.concat.ref & 0xFF);
		udh[udh_len++] = (unsigned char)pdu.concat.total;
		udh[udh_len++] = (unsigned char)pdu.concat.seq;
	}
	switch (pdu.encoding) {
	case SMS_ENC_GSM7:
		coding = CODING_7BIT;
		if (pdu.locking_lang || pdu.single_lang) {
			/*
			 * Kannel 1.4.5 knows only the default alphabet and
			 * its extension table. A part needs a national table
			 * only when UCS-2 would take more parts, so it cannot
			 * be resent as UCS-2 either: refused, for good.
			 */
			snprintf(err, errlen,
				 "a part written with a national shift table "
				 "cannot go through Kannel (policy."
				 "national_shift)");
			return -1;
		}
		break;
	case SMS_ENC_UCS2:
		coding = CODING_UCS2;
		break;
	default:
		coding = CODING_8BIT;
		break;
	}
	add(&b, s->sendsms_url);
	add_param(&b, "username", s->username, strlen(s->username));
	add_param(&b, "password", s->password, strlen(s->password));
	add_param(&b, "from", s->from, strlen(s->from));
	add_param(&b, "to", s->to, strlen(s->to));
	if (coding == CODING_8BIT) {
		add_param(&b, "text", (const char *)pdu.ud, pdu.ud_len);
	} else {
		add_param(&b, "text", pdu.text, pdu.text_len);
		add_param(&b, "charset", "UTF-8", 5);
	}
	snprintf(num, sizeof(num), "%d", coding);
	add_param(&b, "coding", num, strlen(num));
	if (udh_len > 0)
		add_param(&b, "udh", (const char *)udh, udh_len);
	if (pdu.msg_class >= 0) {
		snprintf(num, sizeof(num), "%d", pdu.msg_class);
		add_param(&b, "mclass", num, strlen(num));
	}
	if (s->dlr_url != NULL) {
		/* 1 delivered, 2 not delivered, 16 refused by the SMSC */
		add_param(&b, "dlr-mask", "19", 2);
		add_param(&b, "dlr-url", s->dlr_url, strlen(s->dlr_url));
	}
	if (b.full) {
		snprintf(err, errlen, "the sendsms request would be too long");
		return -1;
	}
	return 0;
}
