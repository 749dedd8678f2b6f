/*
 * gsm7: GSM 7-bit default alphabet, extension table, UCS-2 and the segment
 * planner (TS 23.038 6.2.1, 6.2.1.1; TS 23.040 9.2.3.24).
 */
#include "smsdesk/gsm7.h"

#include <string.h>

#define REPLACEMENT 0xFFFDu
#define ESC	    0x1B

/*
 * The basic table, code -> code point. 0x1B is the escape to the extension
 * table; where it has to be shown (a lone escape) a space stands in.
 */
static const uint16_t basic_table[128] = {
    0x0040, 0x00A3, 0x0024, 0x00A5, 0x00E8, 0x00E9, 0x00F9, 0x00EC, /* 00 */
    0x00F2, 0x00C7, 0x000A, 0x00D8, 0x00F8, 0x000D, 0x00C5, 0x00E5, /* 08 */
    0x0394, 0x005F, 0x03A6, 0x0393, 0x039B, 0x03A9, 0x03A0, 0x03A8, /* 10 */
    0x03A3, 0x0398, 0x039E, 0x0020, 0x00C6, 0x00E6, 0x00DF, 0x00C9, /* 18 */
    0x0020, 0x0021, 0x0022, 0x0023, 0x00A4, 0x0025, 0x0026, 0x0027, /* 20 */
    0x0028, 0x0029, 0x002A, 0x002B, 0x002C, 0x002D, 0x002E, 0x002F, /* 28 */
    0x0030, 0x0031, 0x0032, 0x0033, 0x0034, 0x0035, 0x0036, 0x0037, /* 30 */
    0x0038, 0x0039, 0x003A, 0x003B, 0x003C, 0x003D, 0x003E, 0x003F, /* 38 */
    0x00A1, 0x0041, 0x0042, 0x0043, 0x0044, 0x0045, 0x0046, 0x0047, /* 40 */
    0x0048, 0x0049, 0x004A, 0x004B, 0x004C, 0x004D, 0x004E, 0x004F, /* 48 */
    0x0050, 0x0051, 0x0052, 0x0053, 0x0054, 0x0055, 0x0056, 0x0057, /* 50 */
    0x0058, 0x0059, 0x005A, 0x00C4, 0x00D6, 0x00D1, 0x00DC, 0x00A7, /* 58 */
    0x00BF, 0x0061, 0x0062, 0x0063, 0x0064, 0x0065, 0x0066, 0x0067, /* 60 */
    0x0068, 0x0069, 0x006A, 0x006B, 0x006C, 0x006D, 0x006E, 0x006F, /* 68 */
    0x0070, 0x0071, 0x0072, 0x0073, 0x0074, 0x0075, 0x0076, 0x0077, /* 70 */
    0x0078, 0x0079, 0x007A, 0x00E4, 0x00F6, 0x00F1, 0x00FC, 0x00E0, /* 78 */
};

struct ext_entry {
	uint8_t code;
	uint16_t cp;
};

/* The extension table's characters (everything else after ESC is unknown). */
static const struct ext_entry ext_table[] = {
    {0x0A, 0x000C}, /* form feed (page break) */
    {0x14, 0x005E}, /* ^ */
    {0x28, 0x007B}, /* { */
    {0x29, 0x007D}, /* } */
    {0x2F, 0x005C}, /* backslash */
    {0x3C, 0x005B}, /* [ */
    {0x3D, 0x007E}, /* ~ */
    {0x3E, 0x005D}, /* ] */
    {0x40, 0x007C}, /* | */
    {0x65, 0x20AC}, /* euro sign */
};

#define EXT_COUNT (sizeof(ext_table) / sizeof(ext_table[0]))

const char *sms_encoding_name(enum sms_encoding enc)
{
	switch (enc) {
	case SMS_ENC_GSM7:
		return "gsm7";
	case SMS_ENC_8BIT:
		return "8bit";
	case SMS_ENC_UCS2:
		return "ucs2";
	}
	return "?";
}

size_t gsm7_utf8_next(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t need, i;
	uint32_t v, min;

	if (len == 0) {
		*cp = REPLACEMENT;
		return 0;
	}
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		need = 1, v = u[0] & 0x1F, min = 0x80;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		need = 2, v = u[0] & 0x0F, min = 0x800;
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		need = 3, v = u[0] & 0x07, min = 0x10000;
	} else {
		*cp = REPLACEMENT;
		return 1;
	}
	for (i = 1; i <= need; i++) {
		/* A missing or wrong continuation ends the bad sequence
		 * there, so the next character is not swallowed. */
		if (i >= len || (u[i] & 0xC0) != 0x80) {
			*cp = REPLACEMENT;
			return i;
		}
		v = (v << 6) | (u[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		v = REPLACEMENT;
	*cp = v;
	return need + 1;
}

int gsm7_utf8_put(uint32_t cp, char *out, size_t cap, size_t *pos)
{
	unsigned char b[4];
	size_t n;

	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = REPLACEMENT;
	if (cp < 0x80) {
		b[0] = (unsigned char)cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (unsigned char)(0xC0 | (cp >> 6));
		b[1] = (unsigned char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = (unsigned char)(0xE0 | (cp >> 12));
		b[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (unsigned char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		b[0] = (unsigned char)(0xF0 | (cp >> 18));
		b[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		b[3] = (unsigned char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	if (cap == 0 || *pos + n > cap - 1)
		return GSM7_ERR_SPACE;
	memcpy(out + *pos, b, n);
	*pos += n;
	return 0;
}

/* ASCII is the common case: decide it without searching the table. */
static int lookup_ascii(uint32_t cp)
{
	switch (cp) {
	case '\n':
		return 0x0A;
	case '\r':
		return 0x0D;
	case '\f':
		return 0x1B00 | 0x0A;
	case '$':
		return 0x02;
	case '@':
		return 0x00;
	case '_':
		return 0x11;
	case '^':
		return 0x1B00 | 0x14;
	case '{':
		return 0x1B00 | 0x28;
	case '}':
		return 0x1B00 | 0x29;
	case '\\':
		return 0x1B00 | 0x2F;
	case '[':
		return 0x1B00 | 0x3C;
	case '~':
		return 0x1B00 | 0x3D;
	case ']':
		return 0x1B00 | 0x3E;
	case '|':
		return 0x1B00 | 0x40;
	case '`':
		return -1;
	}
	if (cp >= 0x20 && cp <= 0x7A)
		return (int)cp;
	return -1;
}

int gsm7_lookup(uint32_t cp)
{
	size_t i;

	if (cp < 0x80)
		return lookup_ascii(cp);
	for (i = 0; i < 128; i++) {
		if (basic_table[i] == cp && i != ESC)
			return (int)i;
	}
	for (i = 0; i < EXT_COUNT; i++) {
		if (ext_table[i].cp == cp)
			return 0x1B00 | ext_table[i].code;
	}
	return -1;
}

int gsm7_units(uint32_t cp, enum sms_encoding enc)
{
	int code;

	switch (enc) {
	case SMS_ENC_GSM7:
		code = gsm7_lookup(cp);
		if (code < 0)
			return 0;
		return code > 0x7F ? 2 : 1;
	case SMS_ENC_UCS2:
		return cp > 0xFFFF ? 2 : 1;
	case SMS_ENC_8BIT:
		return 1;
	}
	return 0;
}

int gsm7_split(const char *utf8, size_t len, size_t *pos, enum sms_encoding enc,
	       int room)
{
	int taken = 0, cost;
	uint32_t cp;
	size_t n;

	while (*pos < len) {
		n = gsm7_utf8_next(utf8 + *pos, len - *pos, &cp);
		cost = gsm7_units(cp, enc);
		if (cost == 0)
			cost = 1; /* not GSM-7: the encoder sends '?' */
		if (taken + cost > room)
			break;
		taken += cost;
		*pos += n;
	}
	return taken;
}

/* ---- national language tables ------------------------------------------ */

static const char *const lang_names[GSM7_LANG_COUNT] = {
    "default",	"turkish", "spanish", "portuguese", "bengali",
    "gujarati", "hindi",   "kannada", "malayalam",  "oriya",
    "punjabi",	"tamil",   "telugu",  "urdu",
};

static const char *const lang_codes[GSM7_LANG_COUNT] = {
    "",	  "tr", "es", "pt", "bn", "gu", "hi",
    "kn", "ml", "or", "pa", "ta", "te", "ur",
};

const char *gsm7_lang_name(int lang)
{
	if (lang < 0 || lang >= GSM7_LANG_COUNT)
		return "unknown";
	return lang_names[lang];
}

const char *gsm7_lang_code(int lang)
{
	if (lang < 0 || lang >= GSM7_LANG_COUNT)
		return "";
	return lang_codes[lang];
}

static int same_word(const char *a, const char *b)
{
	for (; *a != '\0' && *b != '\0'; a++, b++) {
		char x = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;

		if (x != *b)
			return 0;
	}
	return *a == *b;
}

int gsm7_lang_from_code(const char *s)
{
	int i;

	for (i = 0; i < GSM7_LANG_COUNT; i++) {
		if (same_word(s, lang_codes[i]) || same_word(s, lang_names[i]))
			return i;
	}
	return -1;
}

int gsm7_has_locking(int lang)
{
	return lang == 0 || (lang > 0 && lang < GSM7_LANG_COUNT &&
			     gsm7_locking_tables[lang] != NULL);
}

static const uint16_t *locking_of(struct gsm7_charset cs)
{
	return cs.locking < GSM7_LANG_COUNT ? gsm7_locking_tables[cs.locking]
					    : NULL;
}

static const uint16_t *single_of(struct gsm7_charset cs)
{
	return cs.single < GSM7_LANG_COUNT ? gsm7_single_tables[cs.single]
					   : NULL;
}

/* The code of cp in a 128-entry national table, or -1. */
static int table_code(const uint16_t *t, uint32_t cp)
{
	int i;

	if (cp == 0 || cp > 0xFFFF)
		return -1;
	for (i = 0; i < 128; i++) {
		if (t[i] == cp && i != ESC)
			return i;
	}
	return -1;
}

int gsm7_lookup_cs(uint32_t cp, struct gsm7_charset cs)
{
	const uint16_t *lk = locking_of(cs), *sg = single_of(cs);
	int code;

	if (lk == NULL && sg == NULL)
		return gsm7_lookup(cp);
	if (lk == NULL) {
		code = gsm7_lookup(cp);
		if (code >= 0 && code <= 0x7F)
			return code;
	} else {
		code = table_code(lk, cp);
		if (code >= 0)
			return code;
	}
	if (sg == NULL) {
		code = gsm7_lookup(cp);
		return code > 0x7F ? code : -1;
	}
	code = table_code(sg, cp);
	return code >= 0 ? 0x1B00 | code : -1;
}

int gsm7_units_cs(uint32_t cp, struct gsm7_charset cs)
{
	int code = gsm7_lookup_cs(cp, cs);

	if (code < 0)
		return 0;
	return code > 0x7F ? 2 : 1;
}

int gsm7_split_cs(const char *utf8, size_t len, size_t *pos,
		  struct gsm7_charset cs, int room)
{
	int taken = 0, cost;
	uint32_t cp;
	size_t n;

	while (*pos < len) {
		n = gsm7_utf8_next(utf8 + *pos, len - *pos, &cp);
		cost = gsm7_units_cs(cp, cs);
		if (cost == 0)
			cost = 1; /* not in the set: the encoder sends '?' */
		if (taken + cost > room)
			break;
		taken += cost;
		*pos += n;
	}
	return taken;
}

/* ---- the planner ----------------------------------------------------------
 */

/* GSM-7 if every character is in the basic or extension table. */
static enum sms_encoding choose_encoding(const char *s, size_t len,
					 int *gsm_units, int *ucs_units)
{
	enum sms_encoding enc = SMS_ENC_GSM7;
	size_t pos = 0;
	uint32_t cp;
	int u;

	*gsm_units = 0;
	*ucs_units = 0;
	while (pos < len) {
		pos += gsm7_utf8_next(s + pos, len - pos, &cp);
		/* Once one character needs UCS-2, GSM-7 counts no more. */
		if (enc == SMS_ENC_GSM7) {
			u = gsm7_units(cp, SMS_ENC_GSM7);
			if (u == 0)
				enc = SMS_ENC_UCS2;
			*gsm_units += u;
		}
		*ucs_units += gsm7_units(cp, SMS_ENC_UCS2);
	}
	return enc;
}

/* Septets of the text in a national character set, or -1. */
static int units_in(const char *s, size_t len, struct gsm7_charset cs)
{
	size_t pos = 0;
	uint32_t cp;
	int u, total = 0;

	while (pos < len) {
		pos += gsm7_utf8_next(s + pos, len - pos, &cp);
		u = gsm7_units_cs(cp, cs);
		if (u == 0)
			return -1;
		total += u;
	}
	return total;
}

/* Units that fit beside a header of udh octets (with its length octet). */
static int room_for(enum sms_encoding enc, int udh)
{
	if (enc == SMS_ENC_UCS2)
		return (140 - udh) / 2;
	return (140 * 8 - 8 * udh) / 7;
}

static int is_default(struct gsm7_charset cs)
{
	return cs.locking == 0 && cs.single == 0;
}

/* Fill out for one encoding: segments by splitting for real. */
static void fill_plan(const char *s, size_t len, enum sms_encoding enc,
		      struct gsm7_charset cs, int units, int concat_octets,
		      struct sms_plan *out)
{
	int shift = enc == SMS_ENC_GSM7
			? 3 * (cs.locking != 0) + 3 * (cs.single != 0)
			: 0;
	int udh = shift > 0 ? 1 + shift : 0, room, last = 0;
	size_t pos = 0;

	memset(out, 0, sizeof(*out));
	out->encoding = enc;
	out->charset = enc == SMS_ENC_GSM7 ? cs : (struct gsm7_charset){0, 0};
	out->units = units;
	room = room_for(enc, udh);
	if (units <= room) {
		out->segments = 1;
		out->per_segment = room;
		out->units_left = room - units;
		out->udh_octets = udh;
		return;
	}
	/* Whole characters only: an escape or surrogate pair that does not
	 * fit moves to the next segment, so count by splitting for real. */
	udh = 1 + concat_octets + shift;
	room = room_for(enc, udh);
	out->per_segment = room;
	out->udh_octets = udh;
	while (pos < len) {
		if (enc == SMS_ENC_GSM7 && !is_default(cs))
			last = gsm7_split_cs(s, len, &pos, cs, room);
		else
			last = gsm7_split(s, len, &pos, enc, room);
		out->segments++;
	}
	out->units_left = room - last;
}

/* Keep cand when it needs fewer segments than best (ties: best stays,
 * so candidates are tried from the most widely understood). */
static void consider(const char *s, size_t len, struct gsm7_charset cs,
		     int concat_octets, struct sms_plan *best)
{
	struct sms_plan p;
	int units = units_in(s, len, cs);

	if (units < 0)
		return;
	fill_plan(s, len, SMS_ENC_GSM7, cs, units, concat_octets, &p);
	if (p.segments < best->segments)
		*best = p;
}

int sms_plan_with(const char *utf8, const struct sms_plan_options *opt,
		  struct sms_plan *out)
{
	static const struct sms_plan_options none;
	size_t len = strlen(utf8);
	int gsm_units, ucs_units, concat_octets, lang, first, last;
	enum sms_encoding enc;

	if (opt == NULL)
		opt = &none;
	concat_octets = opt->concat16 ? 6 : 5;
	enc = choose_encoding(utf8, len, &gsm_units, &ucs_units);
	fill_plan(utf8, len, enc, (struct gsm7_charset){0, 0},
		  enc == SMS_ENC_GSM7 ? gsm_units : ucs_units, concat_octets,
		  out);
	/* The default alphabet is never beaten by a single shift table (the
	 * same characters cost the same, plus a header); a locking table
	 * may hold an extension character at one septet. */
	if (opt->national_shift &&
	    (enc == SMS_ENC_UCS2 || opt->locking_shift)) {
		first = opt->lang > 0 ? opt->lang : 1;
		last = opt->lang > 0 ? opt->lang : GSM7_LANG_COUNT - 1;
		if (first >= GSM7_LANG_COUNT)
			first = last + 1;
		for (lang = first; lang <= last; lang++)
			consider(utf8, len,
				 (struct gsm7_charset){0, (uint8_t)lang},
				 concat_octets, out);
		for (lang = first; opt->locking_shift && lang <= last; lang++) {
			if (gsm7_locking_tables[lang] != NULL)
				consider(utf8, len,
					 (struct gsm7_charset){(uint8_t)lang,
							       (uint8_t)lang},
					 concat_octets, out);
		}
	}
	return out->segments > SMS_MAX_SEGMENTS ? GSM7_ERR_TOO_LONG : GSM7_OK;
}

int sms_plan(const char *utf8, struct sms_plan *out)
{
	return sms_plan_with(utf8, NULL, out);
}

int gsm7_from_utf8(const char *utf8, size_t len, uint8_t *out, size_t cap)
{
	size_t pos = 0, n = 0;
	uint32_t cp;
	int code;

	while (pos < len) {
		pos += gsm7_utf8_next(utf8 + pos, len - pos, &cp);
		code = gsm7_lookup(cp);
		if (code < 0)
			code = '?';
		if (n + (code > 0x7F ? 2 : 1) > cap)
			return GSM7_ERR_SPACE;
		if (code > 0x7F)
			out[n++] = ESC;
		out[n++] = (uint8_t)(code & 0x7F);
	}
	return (int)n;
}

int gsm7_from_utf8_cs(const char *utf8, size_t len, struct gsm7_charset cs,
		      uint8_t *out, size_t cap)
{
	size_t pos = 0, n = 0;
	int code, unknown = gsm7_lookup_cs('?', cs);
	uint32_t cp;

	if (is_default(cs))
		return gsm7_from_utf8(utf8, len, out, cap);
	while (pos < len) {
		pos += gsm7_utf8_next(utf8 + pos, len - pos, &cp);
		code = gsm7_lookup_cs(cp, cs);
		if (code < 0)
			code = unknown >= 0 ? unknown : 0x3F;
		if (n + (code > 0x7F ? 2 : 1) > cap)
			return GSM7_ERR_SPACE;
		if (code > 0x7F)
			out[n++] = ESC;
		out[n++] = (uint8_t)(code & 0x7F);
	}
	return (int)n;
}

static uint32_t ext_code_point(uint8_t code)
{
	size_t i;

	for (i = 0; i < EXT_COUNT; i++) {
		if (ext_table[i].code == code)
			return ext_table[i].cp;
	}
	/* Unknown: TS 23.038 says show the basic table's character. */
	return basic_table[code & 0x7F];
}

int gsm7_to_utf8(const uint8_t *septets, size_t n, char *out, size_t cap)
{
	size_t i, pos = 0;
	uint32_t cp;
	int rc = 0;

	if (cap == 0)
		return GSM7_ERR_SPACE;
	for (i = 0; i < n && rc == 0; i++) {
		uint8_t c = septets[i] & 0x7F;

		if (c == ESC && i + 1 < n) {
			cp = ext_code_point(septets[++i] & 0x7F);
		} else {
			cp = basic_table[c];
		}
		rc = gsm7_utf8_put(cp, out, cap, &pos);
	}
	out[pos] = '\0';
	return rc == 0 ? (int)pos : GSM7_ERR_SPACE;
}

/* The character a locking table shows for code (U+FFFD: none). */
static uint32_t locking_code_point(const uint16_t *lk, uint8_t code)
{
	if (lk == NULL)
		return basic_table[code];
	if (code == ESC)
		return ' ';
	return lk[code] != 0 ? lk[code] : REPLACEMENT;
}

int gsm7_to_utf8_cs(const uint8_t *septets, size_t n, struct gsm7_charset cs,
		    char *out, size_t cap)
{
	const uint16_t *lk = locking_of(cs), *sg = single_of(cs);
	size_t i, pos = 0;
	uint32_t cp;
	int rc = 0;

	if (lk == NULL && sg == NULL)
		return gsm7_to_utf8(septets, n, out, cap);
	if (cap == 0)
		return GSM7_ERR_SPACE;
	for (i = 0; i < n && rc == 0; i++) {
		uint8_t c = septets[i] & 0x7F;

		if (c == ESC && i + 1 < n) {
			c = septets[++i] & 0x7F;
			if (c == ESC)
				cp = ' '; /* escape to a further table */
			else if (sg == NULL)
				cp = ext_code_point(c);
			else
				cp = sg[c];
			/* Not in the single shift table: the character
			 * in force, as 6.2.1.1 says for the default. */
			if (cp == 0 || (sg == NULL && cp == basic_table[c]))
				cp = locking_code_point(lk, c);
		} else if (c == ESC) {
			cp = ' ';
		} else {
			cp = locking_code_point(lk, c);
		}
		rc = gsm7_utf8_put(cp, out, cap, &pos);
	}
	out[pos] = '\0';
	return rc == 0 ? (int)pos : GSM7_ERR_SPACE;
}

int ucs2_from_utf8(const char *utf8, size_t len, uint8_t *out, size_t cap)
{
	size_t pos = 0, n = 0;
	uint32_t cp, hi, lo;

	while (pos < len) {
		pos += gsm7_utf8_next(utf8 + pos, len - pos, &cp);
		if (cp > 0xFFFF) {
			if (n + 4 > cap)
				return GSM7_ERR_SPACE;
			cp -= 0x10000;
			hi = 0xD800 | (cp >> 10);
			lo = 0xDC00 | (cp & 0x3FF);
			out[n++] = (uint8_t)(hi >> 8);
			out[n++] = (uint8_t)(hi & 0xFF);
			out[n++] = (uint8_t)(lo >> 8);
			out[n++] = (uint8_t)(lo & 0xFF);
		} else {
			if (n + 2 > cap)
				return GSM7_ERR_SPACE;
			out[n++] = (uint8_t)(cp >> 8);
			out[n++] = (uint8_t)(cp & 0xFF);
		}
	}
	return (int)n;
}

int ucs2_to_utf8(const uint8_t *in, size_t n, char *out, size_t cap)
{
	size_t i = 0, pos = 0;
	uint32_t u, lo;
	int rc = 0;

	if (cap == 0)
		return GSM7_ERR_SPACE;
	while (i < n && rc == 0) {
		if (i + 1 >= n) {
			u = REPLACEMENT; /* a dangling odd octet */
			i++;
		} else {
			u = (uint32_t)in[i] << 8 | in[i + 1];
			i += 2;
		}
		if (u >= 0xD800 && u <= 0xDBFF && i + 1 < n) {
			lo = (uint32_t)in[i] << 8 | in[i + 1];
			if (lo >= 0xDC00 && lo <= 0xDFFF) {
				u = 0x10000 + ((u - 0xD800) << 10) +
				    (lo - 0xDC00);
				i += 2;
			}
		}
		/* gsm7_utf8_put turns a lone surrogate into U+FFFD; a NUL
		 * would cut the text short for every C string reader. */
		if (u == 0)
			u = REPLACEMENT;
		rc = gsm7_utf8_put(u, out, cap, &pos);
	}
	out[pos] = '\0';
	return rc == 0 ? (int)pos : GSM7_ERR_SPACE;
}

int gsm7_pack(const uint8_t *septets, size_t n, int fill, uint8_t *out,
	      size_t cap)
{
	size_t octets = ((size_t)fill + 7 * n + 7) / 8, i, bit, byte;
	unsigned shift;

	if (fill < 0 || fill > 6 || octets > cap)
		return GSM7_ERR_SPACE;
	memset(out, 0, octets);
	for (i = 0; i < n; i++) {
		unsigned s = septets[i] & 0x7F;

		bit = (size_t)fill + 7 * i;
		byte = bit / 8;
		shift = bit % 8;
		out[byte] |= (uint8_t)(s << shift);
		if (shift > 1)
			out[byte + 1] |= (uint8_t)(s >> (8 - shift));
	}
	return (int)octets;
}

int gsm7_unpack(const uint8_t *in, size_t inlen, int fill, size_t n,
		uint8_t *septets)
{
	size_t need = ((size_t)fill + 7 * n + 7) / 8, i, bit, byte;
	unsigned shift, v;

	if (fill < 0 || fill > 6 || need > inlen)
		return GSM7_ERR_SPACE;
	for (i = 0; i < n; i++) {
		bit = (size_t)fill + 7 * i;
		byte = bit / 8;
		shift = bit % 8;
		v = in[byte] >> shift;
		if (shift > 1)
			v |= (unsigned)in[byte + 1] << (8 - shift);
		septets[i] = (uint8_t)(v & 0x7F);
	}
	return (int)n;
}
