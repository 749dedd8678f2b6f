/*
 * gsm7: the SMS alphabets of 3GPP TS 23.038 — the GSM 7-bit default
 * alphabet with its extension table, the national language locking and
 * single shift tables of Annex A (Turkish, Spanish, Portuguese and the ten
 * languages of India and Pakistan), septet packing, UCS-2 (UTF-16, with
 * surrogate pairs for emoji) — and the segment planner that decides how a
 * UTF-8 text is encoded and split into SMS segments.
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

/*
 * National language identifiers (TS 23.038 6.2.1.2.4), as the user-data
 * header's information elements 0x24 (single shift) and 0x25 (locking
 * shift) carry them (TS 23.040 9.2.3.24.15-16). 0 is the default alphabet and
 * extension table.
 */
enum gsm7_lang {
	GSM7_LANG_DEFAULT = 0,
	GSM7_LANG_TURKISH = 1,
	GSM7_LANG_SPANISH = 2, /* single shift only */
	GSM7_LANG_PORTUGUESE = 3,
	GSM7_LANG_BENGALI = 4,
	GSM7_LANG_GUJARATI = 5,
	GSM7_LANG_HINDI = 6,
	GSM7_LANG_KANNADA = 7,
	GSM7_LANG_MALAYALAM = 8,
	GSM7_LANG_ORIYA = 9,
	GSM7_LANG_PUNJABI = 10,
	GSM7_LANG_TAMIL = 11,
	GSM7_LANG_TELUGU = 12,
	GSM7_LANG_URDU = 13,
};
#define GSM7_LANG_COUNT 14

/*
 * The tables by language identifier, code -> code point, 0 where a table
 * has no character; NULL where the specification defines no table (index
 * 0, and Spanish locking). Data only (src/gsm7_tables.c).
 */
extern const uint16_t *const gsm7_locking_tables[GSM7_LANG_COUNT];
extern const uint16_t *const gsm7_single_tables[GSM7_LANG_COUNT];

/* "turkish", ...; "default" for 0; "unknown" past the defined ones. */
const char *gsm7_lang_name(int lang);
/* ISO 639-1: "tr", "es", "pt", "bn", "gu", "hi", "kn", "ml", "or", "pa",
 * "ta", "te", "ur"; "" for 0 and unknown identifiers. */
const char *gsm7_lang_code(int lang);
/* The identifier for an ISO 639-1 code or an English name (any case), or
 * -1. "default" and "" are 0. */
int gsm7_lang_from_code(const char *s);
/* 1 when the specification defines that locking shift table (0 counts:
 * the default alphabet). */
int gsm7_has_locking(int lang);

/*
 * A GSM 7-bit character set: the table in force (locking shift) and the
 * table an escape reaches (single shift). {0, 0} is the default alphabet
 * with its extension table. An identifier without a table (an unknown
 * one, or Spanish locking) reads as the default, as TS 23.038 asks of a
 * receiver that does not support the language.
 */
struct gsm7_charset {
	uint8_t locking; /* enum gsm7_lang */
	uint8_t single;	 /* enum gsm7_lang */
};

struct sms_plan {
	enum sms_encoding encoding; /* SMS_ENC_GSM7 or SMS_ENC_UCS2 */
	int segments;		    /* 1..SMS_MAX_SEGMENTS; 1 for "" */
	int units;	 /* septets or UTF-16 units in all segments */
	int per_segment; /* units per segment: 160/153 (GSM-7), 70/67
			    (UCS-2), less with shift-table elements */
	int units_left;	 /* free units in the last segment */
	struct gsm7_charset charset; /* GSM-7: the tables used */
	int udh_octets; /* user-data header in every segment, with its
			   length octet: 0, or concat and shift elements */
};

/*
 * Plan how UTF-8 text (NUL-terminated) will be sent: GSM-7 when every
 * character is in the basic or extension table, otherwise UCS-2; one
 * segment when it fits, else concatenated segments of 153/67 units.
 * Returns GSM7_OK, or GSM7_ERR_TOO_LONG (out is still filled, with
 * segments > SMS_MAX_SEGMENTS). The same as sms_plan_with(utf8, NULL).
 */
int sms_plan(const char *utf8, struct sms_plan *out);

/*
 * What a plan may use beyond the default alphabet and UCS-2. All zero
 * (or NULL) is sms_plan's choice.
 *
 * national_shift: a national single shift table may be used (with the
 *   default alphabet in force). A phone that lacks the table still shows
 *   the text nearly right: the tables were laid out so that an unknown
 *   escape falls back to the base letter (Turkish ESC 'g' is "ğ", shown as
 *   "g" where unsupported; TS 23.038 6.2.1.1). This is the catalog's
 *   policy.national_shift.
 * locking_shift: also a locking shift table with the same language's
 *   single shift table. Only with national_shift. A phone that ignores the
 *   locking shift element reads every character through the default
 *   alphabet: the whole text comes out wrong, so use it only for
 *   recipients known to support it (Indian scripts need it).
 * lang: 0 lets the planner try every language's tables; else only that
 *   language's.
 *
 * The plan is the cheapest: the fewest segments; on a tie, the most widely
 * understood — default alphabet, then UCS-2, then single shift, then
 * locking shift; among tables of equal cost the lowest identifier. Each
 * segment pays for its header: a shift element is 3 octets (a single
 * segment of default alphabet with single shift holds 155 septets, a
 * concatenated one 149).
 */
struct sms_plan_options {
	int national_shift;
	int locking_shift;
	int lang;     /* enum gsm7_lang; 0 any */
	int concat16; /* plan for 16-bit concat references (one header
			 octet more per segment; pdu_encode_deliver) */
};

int sms_plan_with(const char *utf8, const struct sms_plan_options *opt,
		  struct sms_plan *out);

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

/* gsm7_lookup, gsm7_units (GSM-7) and gsm7_split in a character set. */
int gsm7_lookup_cs(uint32_t cp, struct gsm7_charset cs);
int gsm7_units_cs(uint32_t cp, struct gsm7_charset cs);
int gsm7_split_cs(const char *utf8, size_t len, size_t *pos,
		  struct gsm7_charset cs, int room);

/*
 * Convert UTF-8 bytes to GSM-7 septet codes (one per byte of out, escapes
 * as 0x1B, code). Every character must be in GSM-7 (check with sms_plan).
 * Returns the septet count, or GSM7_ERR_SPACE.
 */
int gsm7_from_utf8(const char *utf8, size_t len, uint8_t *out, size_t cap);

/* The same in a character set (a character in neither table: '?'). */
int gsm7_from_utf8_cs(const char *utf8, size_t len, struct gsm7_charset cs,
		      uint8_t *out, size_t cap);

/*
 * Convert septet codes to NUL-terminated UTF-8. An escape to a code the
 * extension table does not define shows the basic character (TS 23.038
 * 6.2.1.1); a lone trailing escape shows a space. Returns the byte length,
 * or GSM7_ERR_SPACE (out then holds what fit, NUL-terminated).
 */
int gsm7_to_utf8(const uint8_t *septets, size_t n, char *out, size_t cap);

/*
 * The same in a character set: codes through the locking shift table, an
 * escaped code through the single shift table. An escaped code the single
 * shift table lacks shows the locking table's character (as 6.2.1.1 asks
 * of the default tables); a code the locking table lacks shows U+FFFD;
 * an escape followed by an escape shows a space.
 */
int gsm7_to_utf8_cs(const uint8_t *septets, size_t n, struct gsm7_charset cs,
		    char *out, size_t cap);

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
