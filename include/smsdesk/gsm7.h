/*
 * gsm7: the SMS alphabets of 3GPP TS 23.038 — the GSM 7-bit default
 * alphabet with its extension table, septet packing, UCS-2 (UTF-16, with
 * surrogate pairs for emoji) — and the segment planner that decides how a
 * UTF-8 text is split into SMS segments.
 *
 * The planner and the encoder in pdu.c share one splitting rule
 * (gsm7_split), so what sms_plan promises is exactly what pdu_encode_submit
 * sends: the desk relies on that to keep replies within max_segments.
 *
 * Pure functions on caller buffers: no allocation, no I/O, no locale.
 * Invalid UTF-8 is replaced by U+FFFD, never read past; an escape sequence
 * or a surrogate pair is never split across segments.
 */
#ifndef SMSDESK_GSM7_H
#define SMSDESK_GSM7_H

#include <stddef.h>
#include <stdint.h>

enum sms_encoding {
	SMS_ENC_GSM7 = 0, /* 7-bit default alphabet (+ extension table) */
	SMS_ENC_8BIT = 1, /* 8-bit data (decoded as Latin-1 for display) */
	SMS_ENC_UCS2 = 2, /* UCS-2 / UTF-16BE */
};

/* "gsm7", "8bit", "ucs2". */
const char *sms_encoding_name(enum sms_encoding enc);

/* Units (septets for GSM-7, UTF-16 code units for UCS-2) per segment. */
#define SMS_GSM7_SINGLE	 160
#define SMS_GSM7_CONCAT	 153 /* 160 minus the 7 septets of a concat UDH */
#define SMS_UCS2_SINGLE	 70
#define SMS_UCS2_CONCAT	 67  /* 70 minus the 3 units of a concat UDH */
#define SMS_MAX_SEGMENTS 255 /* the concat header counts in one octet */

/* Largest text of one decoded segment in UTF-8, with its NUL. */
#define SMS_TEXT_MAX 512

enum gsm7_error {
	GSM7_OK = 0,
	GSM7_ERR_TOO_LONG = -1, /* more than SMS_MAX_SEGMENTS segments */
	GSM7_ERR_SPACE = -2,	/* the caller's buffer is too small */
};

struct sms_plan {
	enum sms_encoding encoding; /* SMS_ENC_GSM7 or SMS_ENC_UCS2 */
	int segments;		    /* 1..SMS_MAX_SEGMENTS; 1 for "" */
	int units;	 /* septets or UTF-16 units in all segments */
	int per_segment; /* 160/153 (GSM-7) or 70/67 (UCS-2) */
	int units_left;	 /* free units in the last segment */
};

/*
 * Plan how UTF-8 text (NUL-terminated) will be sent: GSM-7 when every
 * character is in the basic or extension table, otherwise UCS-2; one
 * segment when it fits, else concatenated segments of 153/67 units.
 * Returns GSM7_OK, or GSM7_ERR_TOO_LONG (out is still filled, with
 * segments > SMS_MAX_SEGMENTS).
 */
int sms_plan(const char *utf8, struct sms_plan *out);

/*
 * Decode one code point from UTF-8 s[0..len). Stores it in *cp (U+FFFD for
 * an invalid or truncated sequence, an overlong form or a surrogate) and
 * returns the bytes consumed (1..4; 0 only when len is 0).
 */
size_t gsm7_utf8_next(const char *s, size_t len, uint32_t *cp);

/* Append cp as UTF-8 to out[*pos..cap-1), keeping room for a NUL. Returns 0,
 * or GSM7_ERR_SPACE (nothing written). */
int gsm7_utf8_put(uint32_t cp, char *out, size_t cap, size_t *pos);

/*
 * The GSM-7 code of a code point: 0..127 in the basic table, 0x1B00 | code
 * for the extension table (sent as ESC, code), or -1 when not in GSM-7.
 */
int gsm7_lookup(uint32_t cp);

/*
 * The unit cost of cp in an encoding: 1 or 2 septets (escape) for GSM-7,
 * 1 or 2 UTF-16 units (surrogate pair) for UCS-2; 0 when cp cannot be
 * sent in GSM-7.
 */
int gsm7_units(uint32_t cp, enum sms_encoding enc);

/*
 * The splitting rule shared by planner and encoder: starting at byte
 * offset *pos of utf8[0..len), take as many whole characters as fit in
 * `room` units of `enc`. Advances *pos past them and returns the units
 * taken. Never splits a character's units.
 */
int gsm7_split(const char *utf8, size_t len, size_t *pos, enum sms_encoding enc,
	       int room);

/*
 * Convert UTF-8 bytes to GSM-7 septet codes (one per byte of out, escapes
 * as 0x1B, code). Every character must be in GSM-7 (check with sms_plan).
 * Returns the septet count, or GSM7_ERR_SPACE.
 */
int gsm7_from_utf8(const char *utf8, size_t len, uint8_t *out, size_t cap);

/*
 * Convert septet codes to NUL-terminated UTF-8. An escape to a code the
 * extension table does not define shows the basic character (TS 23.038
 * 6.2.1.1); a lone trailing escape shows a space. Returns the byte length,
 * or GSM7_ERR_SPACE (out then holds what fit, NUL-terminated).
 */
int gsm7_to_utf8(const uint8_t *septets, size_t n, char *out, size_t cap);

/*
 * Convert UTF-8 to UTF-16BE octets (surrogate pairs beyond the BMP).
 * Returns the octet count, or GSM7_ERR_SPACE.
 */
int ucs2_from_utf8(const char *utf8, size_t len, uint8_t *out, size_t cap);

/*
 * Convert UTF-16BE octets to NUL-terminated UTF-8; a lone surrogate or a
 * dangling odd octet becomes U+FFFD. Returns the byte length, or
 * GSM7_ERR_SPACE (out holds what fit).
 */
int ucs2_to_utf8(const uint8_t *in, size_t n, char *out, size_t cap);

/*
 * Pack n septets into octets starting after `fill` zero bits (0..6: the
 * fill that aligns text after a user-data header). Returns the octets
 * written, ((fill + 7n) + 7) / 8, or GSM7_ERR_SPACE.
 */
int gsm7_pack(const uint8_t *septets, size_t n, int fill, uint8_t *out,
	      size_t cap);

/*
 * Unpack n septets from in[0..inlen) skipping `fill` leading bits. Returns
 * n, or GSM7_ERR_SPACE when in is too short for n septets.
 */
int gsm7_unpack(const uint8_t *in, size_t inlen, int fill, size_t n,
		uint8_t *septets);

#endif
