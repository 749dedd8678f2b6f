/*
 * phone: telephone numbers as people write them, turned into E.164 (ITU-T
 * E.164: "+" and at most 15 digits, the country calling code first), so that
 * every number smsdesk compares — opt-outs, bookings, staff, referrals — is
 * compared in one form. Also tells a phone number from an alphanumeric
 * sender ("MyBank") and a short code ("80888"), which cannot be replied to.
 *
 * Pure: tables and caller buffers only, no allocation, no I/O, no locale.
 * It must never guess: a number it cannot read with certainty is an error,
 * never a best effort.
 */
#ifndef SMSDESK_PHONE_H
#define SMSDESK_PHONE_H

#include <stddef.h>

/* Room for an E.164 number: '+', 15 digits, NUL. */
#define PHONE_E164_MAX 17

/* Results of phone_to_e164 (0 or negative). */
enum phone_error {
	PHONE_OK = 0,
	PHONE_EMPTY = -1,	     /* no digits at all */
	PHONE_BAD_CHAR = -2,	     /* letters or other odd characters */
	PHONE_NO_COUNTRY = -3,	     /* a national number, no country given */
	PHONE_UNKNOWN_COUNTRY = -4,  /* country is not in the table */
	PHONE_BAD_CALLING_CODE = -5, /* +0..., or no assigned code */
	PHONE_TOO_SHORT = -6,	     /* under 4 digits after the code */
	PHONE_TOO_LONG = -7,	     /* over 15 digits in all */
	PHONE_NO_ROOM = -8,	     /* cap < PHONE_E164_MAX */
	PHONE_BAD_LENGTH = -9,	     /* not a length its country's plan has */
};

/* One country's dialling facts. */
struct phone_country {
	char iso[3];	   /* ISO 3166-1 alpha-2, upper case: "GB" */
	unsigned short cc; /* country calling code: 44 */
	/* Trunk (national) prefixes dialled before a national number, '|'
	 * between choices: "0", "06" (HU), "8" (RU), "" (none: ES, IT). */
	const char *trunk;
	/* International call prefixes, '|' between choices, '#' for any one
	 * digit (a carrier code): "00", "011" (NANP), "810" (8~10, RU). */
	const char *intl;
	/* Lengths a national significant number (after the country code)
	 * may have: bit n set for n digits; 0 when not known. */
	unsigned long nsn_lengths;
};

/*
 * The lengths a national significant number may have after country code
 * cc, as a list into out ("7, 9 or 10" for 44); "" when not known.
 */
void phone_lengths_text(unsigned cc, char *out, size_t cap);

/*
 * The dialling facts of an ISO 3166-1 alpha-2 code (either case), or NULL
 * when it is not in the table.
 */
const struct phone_country *phone_country(const char *iso2);

/* The table itself, for listing: *n gets its length. */
const struct phone_country *phone_countries(size_t *n);

/*
 * 1 when digits (no '+') begins with an assigned country calling code (a
 * country's, or a non-geographic one such as 800 or 882); the code's length
 * goes to *len (may be NULL).
 */
int phone_calling_code(const char *digits, size_t *len);

/*
 * Turn a number as written into E.164 in out (cap >= PHONE_E164_MAX).
 * Accepted: "+44 7700 900123", "+44 (0)7700 900123", "0044 7700 900123"
 * (the country's international prefix: 00, 011 in NANP, 810 in Russia,
 * ...), and national forms of country (ISO alpha-2, may be NULL or "" when
 * unknown): "07700 900123", "(020) 7946-0958", "1 (415) 555-0100" in the
 * US. Separators: spaces (also no-break), '-', '.', '/', '(', ')', '~'.
 * The digits after the country code must be a length the country's plan
 * has (PHONE_BAD_LENGTH otherwise: "07700 9001" in GB).
 * Returns PHONE_OK or a negative enum phone_error; out is "" on error.
 */
int phone_to_e164(const char *written, const char *country, char *out,
		  size_t cap);

/*
 * phone_to_e164 without the check of the national number's length, to tell
 * the staff how many digits they wrote (never to store or send to).
 */
int phone_to_e164_any_length(const char *written, const char *country,
			     char *out, size_t cap);

/*
 * An E.164 number as people of COUNTRY (ISO alpha-2) write it at home, into
 * out: "+33478291352" in FR is "04 78 29 13 52", "+903322514410" in TR
 * "0332 251 44 10", "+5548999123456" in BR "(48) 99912-3456"; elsewhere
 * the trunk prefix and the digits. Returns 0, or -1 (out "") when the
 * number is of another country or cannot be written: keep the E.164 form.
 */
int phone_national(const char *e164, const char *country, char *out,
		   size_t cap);

/* A short English sentence for an enum phone_error. */
const char *phone_error_text(int err);

enum phone_kind {
	PHONE_KIND_NUMBER,	 /* a phone number: can be replied to */
	PHONE_KIND_ALPHANUMERIC, /* a name like "MyBank": cannot */
	PHONE_KIND_SHORT_CODE,	 /* a short or service code: do not */
	PHONE_KIND_NONE,	 /* empty */
};

/*
 * What kind of sender this is. ton is the type of number from the PDU
 * (TS 23.040 9.1.2.5; enum sms_number_type), or -1 when not known: when it
 * is known it decides (5 alphanumeric, 6 abbreviated and 3 network-specific
 * are never numbers; 1 international always is), whatever the characters
 * say — an alphanumeric sender made only of digits is still alphanumeric.
 * Otherwise the characters decide: any letter makes it alphanumeric, and at
 * most 6 digits without '+' a short code.
 */
enum phone_kind phone_kind(const char *sender, int ton);

/* Who to call in a crisis in one country (static, never freed). */
struct phone_crisis {
	const char *emergency; /* dialled for an ambulance: "112", "999" */
	/* A national line for people thinking of suicide, answered at any
	 * hour, named as the country's own people know it ("3114",
	 * "Samaritans 116 123"); NULL where the table knows none. */
	const char *line;
};

/*
 * The crisis numbers of country (ISO 3166-1 alpha-2, either case). A
 * country not in the table, or none (NULL, ""), gets 112 and no line: 112
 * is the emergency number every GSM phone must be able to call (3GPP TS
 * 22.101, emergency calls), so it reaches help from the customer's own
 * phone anywhere.
 */
struct phone_crisis phone_crisis(const char *country);

#endif
