/*
 * phone: written numbers → E.164, and what kind of sender a sender is. See
 * include/smsdesk/phone.h.
 */
#include "smsdesk/phone.h"

#include <stdio.h>
#include <string.h>

/*
 * ISO 3166-1 alpha-2 → country calling code, trunk prefixes, international
 * prefixes, lengths of a national significant number (bit n: n digits).
 * Sources: the list of ITU-T Recommendation E.164 assigned country codes (ITU
 * Operational Bulletin annex) and ITU-T "Dialling procedures (international
 * prefix, national (trunk) prefix and national (significant) number)"; read
 * from libphonenumber's metadata 8.12.57 and expanded into plain lists by
 * scripts/gen_phone_countries.py (which says how). Sorted by ISO code. NANP
 * members all have code 1: their area codes are part of the national number.
 */
static const struct phone_country countries[] = {
    /* BEGIN generated rows */
    {"AC", 247, "", "00", 0x60},
    {"AD", 376, "", "00", 0x340},
    {"AE", 971, "0", "00", 0x1fe0},
    {"AF", 93, "0", "00", 0x200},
    {"AG", 1, "1", "011", 0x400},
    {"AI", 1, "1", "011", 0x400},
    {"AL", 355, "0", "00", 0x3c0},
    {"AM", 374, "0", "00", 0x100},
    {"AO", 244, "", "00", 0x200},
    {"AQ", 672, "", "00", 0x0},
    {"AR", 54, "0", "00", 0xc00},
    {"AS", 1, "1", "011", 0x400},
    {"AT", 43, "0", "00", 0x3ff0},
    {"AU", 61, "0",
     "0011|0014|0015|0016|0018|0019|14110011|14140011|14340011|14410011|"
     "14470011|14560011|14660011|14740011|14770011|14880011",
     0x17e0},
    {"AW", 297, "", "00", 0x80},
    {"AX", 358, "0",
     "00|990|991|994|996|999|99511|99541|99532|99533|99555|99559|99577|99588|"
     "99590|99599",
     0x1fe0},
    {"AZ", 994, "0", "00", 0x200},
    {"BA", 387, "0", "00", 0x300},
    {"BB", 1, "1", "011", 0x400},
    {"BD", 880, "0", "00", 0x7c0},
    {"BE", 32, "0", "00", 0x300},
    {"BF", 226, "", "00", 0x100},
    {"BG", 359, "0", "00", 0x3c0},
    {"BH", 973, "", "00", 0x100},
    {"BI", 257, "", "00", 0x100},
    {"BJ", 229, "", "00", 0x100},
    {"BL", 590, "0", "00", 0x200},
    {"BM", 1, "1", "011", 0x400},
    {"BN", 673, "", "00", 0x80},
    {"BO", 591, "0", "00|001#", 0x300},
    {"BQ", 599, "", "00", 0x80},
    {"BR", 55, "0",
     "0012|0014|0015|0021|0022|0023|0025|0031|0041|0043|0055|0065|0099", 0xf00},
    {"BS", 1, "1", "011", 0x400},
    {"BT", 975, "", "00", 0x180},
    {"BV", 47, "", "00", 0x0},
    {"BW", 267, "", "00", 0x580},
    {"BY", 375, "0|8|80", "810", 0xfc0},
    {"BZ", 501, "", "00", 0x880},
    {"CA", 1, "1", "011", 0x480},
    {"CC", 61, "0",
     "0011|0014|0015|0016|0018|0019|14110011|14140011|14340011|14410011|"
     "14470011|14560011|14660011|14740011|14770011|14880011",
     0x17c0},
    {"CD", 243, "0", "00", 0x280},
    {"CF", 236, "", "00", 0x100},
    {"CG", 242, "", "00", 0x200},
    {"CH", 41, "0", "00", 0x1200},
    {"CI", 225, "", "00", 0x400},
    {"CK", 682, "", "00", 0x20},
    {"CL", 56, "",
     "00|1100|1110|1120|1130|1140|1150|1160|1190|1200|1220|1230|1240|1250|1510|"
     "1530|1540|1550|1580|1690|1700|1710|1760|1770|1800|1810|1880",
     0xe00},
    {"CM", 237, "", "00", 0x300},
    {"CN", 86, "0", "00|11###00|12###00|179##00", 0x1f80},
    {"CO", 57, "0", "00414|00444|00456|005|007|009", 0xc00},
    {"CR", 506, "", "00", 0x500},
    {"CU", 53, "0", "119", 0x5c0},
    {"CV", 238, "", "0", 0x80},
    {"CW", 599, "", "00", 0x180},
    {"CX", 61, "0",
     "0011|0014|0015|0016|0018|0019|14110011|14140011|14340011|14410011|"
     "14470011|14560011|14660011|14740011|14770011|14880011",
     0x17c0},
    {"CY", 357, "", "00", 0x100},
    {"CZ", 420, "", "00", 0x1e00},
    {"DE", 49, "0", "00", 0xfff0},
    {"DJ", 253, "", "00", 0x100},
    {"DK", 45, "", "00", 0x100},
    {"DM", 1, "1", "011", 0x400},
    {"DO", 1, "1", "011", 0x400},
    {"DZ", 213, "0", "00", 0x300},
    {"EC", 593, "0", "00", 0xf00},
    {"EE", 372, "", "00", 0x580},
    {"EG", 20, "0", "00", 0x700},
    {"EH", 212, "0", "00", 0x200},
    {"ER", 291, "0", "00", 0x80},
    {"ES", 34, "", "00", 0x200},
    {"ET", 251, "0", "00", 0x200},
    {"FI", 358, "0",
     "00|990|991|994|996|999|99511|99541|99532|99533|99555|99559|99577|99588|"
     "99590|99599",
     0x1fe0},
    {"FJ", 679, "", "00|052", 0x880},
    {"FK", 500, "", "00", 0x20},
    {"FM", 691, "", "00", 0x80},
    {"FO", 298, "", "00", 0x40},
    {"FR", 33, "0", "00", 0x200},
    {"GA", 241, "", "00", 0x180},
    {"GB", 44, "0", "00", 0x680},
    {"GD", 1, "1", "011", 0x400},
    {"GE", 995, "0", "00", 0x200},
    {"GF", 594, "0", "00", 0x200},
    {"GG", 44, "0", "00", 0x680},
    {"GH", 233, "0", "00", 0x300},
    {"GI", 350, "", "00", 0x100},
    {"GL", 299, "", "00", 0x40},
    {"GM", 220, "", "00", 0x80},
    {"GN", 224, "", "00", 0x300},
    {"GP", 590, "0", "00", 0x200},
    {"GQ", 240, "", "00", 0x200},
    {"GR", 30, "", "00", 0x1c00},
    {"GS", 500, "", "00", 0x0},
    {"GT", 502, "", "00", 0x900},
    {"GU", 1, "1", "011", 0x400},
    {"GW", 245, "", "00", 0x280},
    {"GY", 592, "", "001", 0x80},
    {"HK", 852, "", "0030|0050|0059|00|001|002|006|007|008|009", 0xbe0},
    {"HM", 672, "", "00", 0x0},
    {"HN", 504, "", "00", 0x900},
    {"HR", 385, "0", "00", 0x3c0},
    {"HT", 509, "", "00", 0x100},
    {"HU", 36, "06", "00", 0x300},
    {"ID", 62, "0", "008|009", 0x3f80},
    {"IE", 353, "0", "00", 0x780},
    {"IL", 972, "0", "00|012|013|014|015|016|017|018|019", 0x1f80},
    {"IM", 44, "0", "00", 0x400},
    {"IN", 91, "0", "00", 0x3f00},
    {"IO", 246, "", "00", 0x80},
    {"IQ", 964, "0", "00", 0x700},
    {"IR", 98, "0", "00", 0x4f0},
    {"IS", 354, "", "00|1001|1010|1020|1100", 0x280},
    {"IT", 39, "", "00", 0x1fc0},
    {"JE", 44, "0", "00", 0x400},
    {"JM", 1, "1", "011", 0x400},
    {"JO", 962, "0", "00", 0x300},
    {"JP", 81, "0", "010", 0x3ff00},
    {"KE", 254, "0", "000", 0x780},
    {"KG", 996, "0", "00", 0x600},
    {"KH", 855, "0", "001|004|005|006|007|008|009", 0x700},
    {"KI", 686, "0", "00", 0x120},
    {"KM", 269, "", "00", 0x80},
    {"KN", 1, "1", "011", 0x400},
    {"KP", 850, "0", "00|99", 0x500},
    {"KR", 82, "0",
     "001|002|005|006|008|009|00345|00365|00391|00700|00727|0073|00755|00761|"
     "00762|00766",
     0x7f60},
    {"KW", 965, "", "00", 0x180},
    {"KY", 1, "1", "011", 0x400},
    {"KZ", 7, "8", "810", 0x4400},
    {"LA", 856, "0", "00", 0x700},
    {"LB", 961, "0", "00", 0x180},
    {"LC", 1, "1", "011", 0x400},
    {"LI", 423, "0", "00", 0x280},
    {"LK", 94, "0", "00", 0x200},
    {"LR", 231, "0", "00", 0x380},
    {"LS", 266, "", "00", 0x100},
    {"LT", 370, "0|8", "00", 0x100},
    {"LU", 352, "", "00", 0xff0},
    {"LV", 371, "", "00", 0x100},
    {"LY", 218, "0", "00", 0x200},
    {"MA", 212, "0", "00", 0x200},
    {"MC", 377, "0", "00", 0x300},
    {"MD", 373, "0", "00", 0x100},
    {"ME", 382, "0", "00", 0x300},
    {"MF", 590, "0", "00", 0x200},
    {"MG", 261, "0", "00", 0x200},
    {"MH", 692, "1", "011", 0x80},
    {"MK", 389, "0", "00", 0x100},
    {"ML", 223, "", "00", 0x100},
    {"MM", 95, "0", "00", 0x7c0},
    {"MN", 976, "0", "001", 0x700},
    {"MO", 853, "", "00", 0x180},
    {"MP", 1, "1", "011", 0x400},
    {"MQ", 596, "0", "00", 0x200},
    {"MR", 222, "", "00", 0x100},
    {"MS", 1, "1", "011", 0x400},
    {"MT", 356, "", "00", 0x100},
    {"MU", 230, "", "00|020|040|050|060|070|030|033", 0x580},
    {"MV", 960, "", "00|019", 0x480},
    {"MW", 265, "0", "00", 0x280},
    {"MX", 52, "01|02|044|045|1", "00|09", 0xc00},
    {"MY", 60, "0", "00", 0x700},
    {"MZ", 258, "", "00", 0x300},
    {"NA", 264, "0", "00", 0x300},
    {"NC", 687, "", "00", 0x40},
    {"NE", 227, "", "00", 0x100},
    {"NF", 672, "", "00", 0x40},
    {"NG", 234, "0", "009", 0x7d80},
    {"NI", 505, "", "00", 0x100},
    {"NL", 31, "0", "00", 0xfe0},
    {"NO", 47, "", "00", 0x120},
    {"NP", 977, "0", "00", 0xd00},
    {"NR", 674, "", "00", 0x80},
    {"NU", 683, "", "00", 0x90},
    {"NZ", 64, "0", "00|0161", 0x7e0},
    {"OM", 968, "", "00", 0x380},
    {"PA", 507, "", "00", 0xd80},
    {"PE", 51, "0", "00|191100|191200|191400|197700|199000", 0x300},
    {"PF", 689, "", "00", 0x340},
    {"PG", 675, "", "00|1401|1402|1403", 0x180},
    {"PH", 63, "0", "00", 0x3f40},
    {"PK", 92, "0", "00", 0x1f00},
    {"PL", 48, "", "00", 0x7c0},
    {"PM", 508, "0", "00", 0x240},
    {"PN", 64, "", "00", 0x0},
    {"PR", 1, "1", "011", 0x400},
    {"PS", 970, "0", "00", 0x700},
    {"PT", 351, "", "00", 0x200},
    {"PW", 680, "", "011|012", 0x80},
    {"PY", 595, "0", "00", 0xfc0},
    {"QA", 974, "", "00", 0x380},
    {"RE", 262, "0", "00", 0x200},
    {"RO", 40, "0", "00", 0x240},
    {"RS", 381, "0", "00", 0x1fc0},
    {"RU", 7, "8", "810", 0x4400},
    {"RW", 250, "0", "00", 0x300},
    {"SA", 966, "0", "00", 0x600},
    {"SB", 677, "", "00|01", 0xa0},
    {"SC", 248, "", "010|00|01|02", 0x80},
    {"SD", 249, "0", "00", 0x200},
    {"SE", 46, "0", "00", 0x17c0},
    {"SG", 65, "", "00#|01#|02#|03#", 0xd00},
    {"SH", 290, "", "00", 0x30},
    {"SI", 386, "0", "00|1022|1066|1088|1099", 0x1e0},
    {"SJ", 47, "", "00", 0x120},
    {"SK", 421, "0", "00", 0x2c0},
    {"SL", 232, "0", "00", 0x100},
    {"SM", 378, "", "00", 0x500},
    {"SN", 221, "", "00", 0x200},
    {"SO", 252, "0", "00", 0x3c0},
    {"SR", 597, "", "00", 0xc0},
    {"SS", 211, "0", "00", 0x200},
    {"ST", 239, "", "00", 0x80},
    {"SV", 503, "", "00", 0x980},
    {"SX", 1, "1", "011", 0x400},
    {"SY", 963, "0", "00", 0x300},
    {"SZ", 268, "", "00", 0x300},
    {"TA", 290, "", "00", 0x10},
    {"TC", 1, "1", "011", 0x400},
    {"TD", 235, "", "00|16", 0x100},
    {"TF", 262, "0", "00", 0x0},
    {"TG", 228, "", "00", 0x100},
    {"TH", 66, "0", "001|002|003|004|005|006|007|008|009", 0x2700},
    {"TJ", 992, "", "810", 0x200},
    {"TK", 690, "", "00", 0xf0},
    {"TL", 670, "", "00", 0x180},
    {"TM", 993, "8", "810", 0x100},
    {"TN", 216, "", "00", 0x100},
    {"TO", 676, "", "00", 0xa0},
    {"TR", 90, "0", "00", 0x3480},
    {"TT", 1, "1", "011", 0x400},
    {"TV", 688, "", "00", 0xe0},
    {"TW", 886, "0", "002|005|006|007|009|019", 0xf80},
    {"TZ", 255, "0", "000|005|006", 0x200},
    {"UA", 380, "0", "00", 0x600},
    {"UG", 256, "0", "000|005|007", 0x200},
    {"UM", 1, "1", "011", 0x0},
    {"US", 1, "1", "011", 0x400},
    {"UY", 598, "0", "00|013#|014#|015#|016#|017#|018#|019#", 0x580},
    {"UZ", 998, "8", "810", 0x200},
    {"VA", 39, "", "00", 0x1fc0},
    {"VC", 1, "1", "011", 0x400},
    {"VE", 58, "0", "00", 0x400},
    {"VG", 1, "1", "011", 0x400},
    {"VI", 1, "1", "011", 0x400},
    {"VN", 84, "0", "00", 0x780},
    {"VU", 678, "", "00", 0xa0},
    {"WF", 681, "", "00", 0x240},
    {"WS", 685, "", "0", 0x4e0},
    {"XK", 383, "0", "00", 0x300},
    {"YE", 967, "0", "00", 0x380},
    {"YT", 262, "0", "00", 0x200},
    {"ZA", 27, "0", "00", 0x7e0},
    {"ZM", 260, "0", "00", 0x200},
    {"ZW", 263, "0", "00", 0x7e0},
    /* END generated rows */
};

/* ITU-T E.164 codes with no country: 800 freephone, 808 shared cost, 870
 * Inmarsat, 878 UPT, 881 GMSS, 882/883 international networks, 888 OCHA,
 * 979 premium rate. */
static const unsigned short non_geographic[] = {800, 808, 870, 878, 881,
						882, 883, 888, 979};

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

const struct phone_country *phone_countries(size_t *n)
{
	*n = N_OF(countries);
	return countries;
}

static char upper(char c)
{
	return c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
}

const struct phone_country *phone_country(const char *iso2)
{
	size_t lo = 0, hi = N_OF(countries);
	char key[3];

	if (iso2 == NULL || iso2[0] == '\0' || iso2[1] == '\0' ||
	    iso2[2] != '\0')
		return NULL;
	key[0] = upper(iso2[0]);
	key[1] = upper(iso2[1]);
	key[2] = '\0';
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(countries[mid].iso, key);

		if (c == 0)
			return &countries[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int code_assigned(unsigned code)
{
	for (size_t i = 0; i < N_OF(countries); i++)
		if (countries[i].cc == code)
			return 1;
	for (size_t i = 0; i < N_OF(non_geographic); i++)
		if (non_geographic[i] == code)
			return 1;
	return 0;
}

int phone_calling_code(const char *digits, size_t *len)
{
	unsigned code = 0;

	/* Assigned codes are prefix-free: the first that exists is it. */
	for (size_t n = 1; n <= 3; n++) {
		if (digits[n - 1] < '0' || digits[n - 1] > '9')
			return 0;
		code = code * 10 + (unsigned)(digits[n - 1] - '0');
		if (digits[0] != '0' && code_assigned(code)) {
			if (len != NULL)
				*len = n;
			return 1;
		}
	}
	return 0;
}

/* Lengths a national significant number may have after code cc (the union
 * over the countries sharing it that state theirs), as bits; 0 when none
 * does. */
static unsigned long nsn_lengths(unsigned cc)
{
	unsigned long mask = 0;

	for (size_t i = 0; i < N_OF(countries); i++)
		if (countries[i].cc == cc)
			mask |= countries[i].nsn_lengths;
	return mask;
}

/* The country of calling code cc whose trunk prefix is "0", if any. */
static int code_has_trunk_zero(unsigned cc)
{
	for (size_t i = 0; i < N_OF(countries); i++) {
		const char *t = countries[i].trunk;

		if (countries[i].cc != cc)
			continue;
		for (;;) {
			if (t[0] == '0' && (t[1] == '|' || t[1] == '\0'))
				return 1;
			t = strchr(t, '|');
			if (t == NULL)
				break;
			t++;
		}
	}
	return 0;
}

/*
 * The length of the longest choice in list ('|' between choices, '#' any
 * digit) that digits starts with, leaving at least one digit after it; 0
 * when none does.
 */
static size_t prefix_match(const char *list, const char *digits)
{
	size_t best = 0, have = strlen(digits);

	while (list != NULL && *list != '\0') {
		const char *end = strchr(list, '|');
		size_t n = end != NULL ? (size_t)(end - list) : strlen(list);
		size_t i = 0;

		while (i < n && i < have &&
		       (list[i] == '#' || list[i] == digits[i]))
			i++;
		if (i == n && n < have && n > best)
			best = n;
		list = end != NULL ? end + 1 : NULL;
	}
	return best;
}

/* Separators people put in numbers, as UTF-8; length matched, or 0. */
static size_t separator(const char *p)
{
	static const char *const seps[] = {
	    " ",
	    "\t",
	    "-",
	    ".",
	    "/",
	    "~",
	    "\xC2\xA0",	    /* no-break space */
	    "\xE2\x80\xAF", /* narrow no-break space */
	    "\xE2\x80\x89", /* thin space */
	    "\xE2\x80\x90", /* hyphen */
	    "\xE2\x80\x91", /* non-breaking hyphen */
	    "\xE2\x80\x93", /* en dash */
	};

	for (size_t i = 0; i < N_OF(seps); i++) {
		size_t n = strlen(seps[i]);
		if (strncmp(p, seps[i], n) == 0)
			return n;
	}
	return 0;
}

#define MAX_DIGITS 24

/*
 * digits (len of them, the first cc_len the country code) into "+digits"
 * when the national significant number has a length its plan allows.
 */
static int finish(const char *digits, size_t len, size_t cc_len, char *out,
		  int check_len)
{
	unsigned cc = 0;
	unsigned long lengths;
	size_t nsn = len - cc_len;

	for (size_t i = 0; i < cc_len; i++)
		cc = cc * 10 + (unsigned)(digits[i] - '0');
	if (nsn < 4)
		return PHONE_TOO_SHORT;
	if (len > 15)
		return PHONE_TOO_LONG;
	lengths = nsn_lengths(cc);
	if (check_len && lengths != 0 &&
	    (nsn >= 8 * sizeof(lengths) || (lengths & (1UL << nsn)) == 0))
		return PHONE_BAD_LENGTH;
	out[0] = '+';
	memcpy(out + 1, digits, len);
	out[len + 1] = '\0';
	return PHONE_OK;
}

static int convert(const char *written, const char *country, char *out,
		   size_t cap, int check_len)
{
	const struct phone_country *c = NULL;
	char digits[MAX_DIGITS + 1];
	const char *intl = NULL;
	size_t n = 0, zero_at = (size_t)-1, cc_len, skip;
	int plus = 0, depth = 0;

	if (out == NULL || cap < PHONE_E164_MAX)
		return PHONE_NO_ROOM;
	out[0] = '\0';
	if (written == NULL)
		return PHONE_EMPTY;
	if (country != NULL && country[0] != '\0') {
		c = phone_country(country);
		if (c == NULL)
			return PHONE_UNKNOWN_COUNTRY;
	}
	for (const char *p = written; *p != '\0';) {
		size_t sep = separator(p);

		if (sep > 0) {
			p += sep;
		} else if (*p >= '0' && *p <= '9') {
			if (n == MAX_DIGITS)
				return PHONE_TOO_LONG;
			digits[n++] = *p++;
		} else if (*p == '+' && n == 0 && !plus && depth == 0) {
			plus = 1;
			p++;
		} else if (strncmp(p, "(0)", 3) == 0 && zero_at == (size_t)-1) {
			/* "+44 (0)20 ...": a trunk 0 shown for national use */
			zero_at = n;
			if (n == MAX_DIGITS)
				return PHONE_TOO_LONG;
			digits[n++] = '0';
			p += 3;
		} else if (*p == '(' && depth == 0) {
			depth++;
			p++;
		} else if (*p == ')' && depth == 1) {
			depth--;
			p++;
		} else {
			return PHONE_BAD_CHAR;
		}
	}
	digits[n] = '\0';
	if (depth != 0)
		return PHONE_BAD_CHAR;
	if (n == 0)
		return PHONE_EMPTY;

	if (plus) {
		intl = digits;
	} else if (c != NULL && (skip = prefix_match(c->intl, digits)) > 0) {
		intl = digits + skip;
		if (zero_at != (size_t)-1 && zero_at < skip)
			zero_at = (size_t)-1;
		else if (zero_at != (size_t)-1)
			zero_at -= skip;
	} else if (c == NULL && n > 2 && digits[0] == '0' && digits[1] == '0') {
		/* No country: 00 is the prefix ITU-T E.164 recommends, and no
		 * national number begins with it. */
		intl = digits + 2;
		if (zero_at != (size_t)-1)
			zero_at = zero_at < 2 ? (size_t)-1 : zero_at - 2;
	}

	if (intl != NULL) {
		char buf[MAX_DIGITS + 1];
		size_t len = strlen(intl);

		if (intl[0] == '0' || !phone_calling_code(intl, &cc_len))
			return PHONE_BAD_CALLING_CODE;
		memcpy(buf, intl, len + 1);
		if (zero_at == cc_len) {
			unsigned cc = 0;
			for (size_t i = 0; i < cc_len; i++)
				cc = cc * 10 + (unsigned)(buf[i] - '0');
			if (code_has_trunk_zero(cc)) {
				memmove(buf + cc_len, buf + cc_len + 1,
					len - cc_len);
				len--;
			}
		}
		return finish(buf, len, cc_len, out, check_len);
	}

	/* A national number: the country's code, without the trunk prefix. */
	if (c == NULL)
		return PHONE_NO_COUNTRY;
	skip = prefix_match(c->trunk, digits);
	{
		char buf[MAX_DIGITS + 8];
		int w =
		    snprintf(buf, sizeof(buf), "%u%s", c->cc, digits + skip);

		if (w < 0 || (size_t)w >= sizeof(buf))
			return PHONE_TOO_LONG;
		return finish(buf, (size_t)w, (size_t)w - (n - skip), out,
			      check_len);
	}
}

int phone_to_e164(const char *written, const char *country, char *out,
		  size_t cap)
{
	return convert(written, country, out, cap, 1);
}

int phone_to_e164_any_length(const char *written, const char *country,
			     char *out, size_t cap)
{
	return convert(written, country, out, cap, 0);
}

const char *phone_error_text(int err)
{
	switch (err) {
	case PHONE_OK:
		return "ok";
	case PHONE_EMPTY:
		return "there is no number";
	case PHONE_BAD_CHAR:
		return "it has characters a phone number does not have";
	case PHONE_NO_COUNTRY:
		return "it has no country code and no country is known";
	case PHONE_UNKNOWN_COUNTRY:
		return "the country is not an ISO 3166 code";
	case PHONE_BAD_CALLING_CODE:
		return "it does not start with a country calling code";
	case PHONE_TOO_SHORT:
		return "it is too short";
	case PHONE_TOO_LONG:
		return "it is longer than 15 digits";
	case PHONE_NO_ROOM:
		return "no room for the result";
	case PHONE_BAD_LENGTH:
		return "it has too many or too few digits for its country";
	}
	return "not a phone number";
}

enum phone_kind phone_kind(const char *sender, int ton)
{
	size_t digits = 0, other = 0;

	if (sender == NULL || sender[0] == '\0')
		return PHONE_KIND_NONE;
	switch (ton) {
	case 1: /* international */
		return PHONE_KIND_NUMBER;
	case 3: /* network specific: the operator's own services */
	case 6: /* abbreviated */
		return PHONE_KIND_SHORT_CODE;
	case 5: /* alphanumeric, even when made only of digits */
		return PHONE_KIND_ALPHANUMERIC;
	default:
		break;
	}
	for (const char *p = sender; *p != '\0'; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (!(*p == '+' && p == sender))
			other++;
	}
	if (other > 0 || digits == 0)
		return PHONE_KIND_ALPHANUMERIC;
	if (sender[0] != '+' && digits <= 6)
		return PHONE_KIND_SHORT_CODE;
	return PHONE_KIND_NUMBER;
}

void phone_lengths_text(unsigned cc, char *out, size_t cap)
{
	unsigned long mask = nsn_lengths(cc);
	size_t n = 0;
	int left = 0;

	if (cap == 0)
		return;
	out[0] = '\0';
	for (unsigned len = 1; len < 8 * sizeof(mask); len++)
		left += (mask >> len) & 1;
	for (unsigned len = 1; len < 8 * sizeof(mask) && n < cap; len++) {
		if ((mask & (1UL << len)) == 0)
			continue;
		left--;
		n += (size_t)snprintf(out + n, cap - n, "%s%u",
				      n == 0	  ? ""
				      : left == 0 ? " or "
						  : ", ",
				      len);
	}
}

/* ---- writing a number for a reader at home -------------------------------
 */

/* Copy digits d (n of them) into out at *pos in groups of the sizes in g
 * (0 ends; the last size repeats), a space between groups. */
static void put_groups(char *out, size_t cap, size_t *pos, const char *d,
		       size_t n, const int *g)
{
	size_t k = 0;
	for (int gi = 0; k < n; gi += g[gi + 1] != 0) {
		size_t take = (size_t)g[gi];
		if (take > n - k)
			take = n - k;
		if (k > 0 && *pos + 1 < cap)
			out[(*pos)++] = ' ';
		for (size_t i = 0; i < take && *pos + 1 < cap; i++)
			out[(*pos)++] = d[k + i];
		k += take;
	}
	out[*pos] = '\0';
}

static int national_into(const char *e164, const char *country, char *out,
			 size_t cap)
{
	const struct phone_country *pc = phone_country(country);
	size_t cl = 0;
	if (cap == 0)
		return -1;
	out[0] = '\0';
	if (e164 == NULL || e164[0] != '+' || pc == NULL ||
	    !phone_calling_code(e164 + 1, &cl))
		return -1;
	unsigned code = 0;
	for (size_t i = 0; i < cl; i++)
		code = code * 10 + (unsigned)(e164[1 + i] - '0');
	if (code != pc->cc)
		return -1;
	const char *d = e164 + 1 + cl;
	size_t n = strlen(d), pos = 0;
	char trunk[8] = "";
	size_t tl = strcspn(pc->trunk, "|");
	if (tl < sizeof trunk) {
		memcpy(trunk, pc->trunk, tl);
		trunk[tl] = '\0';
	}
	/* how each country groups its numbers at home (the national plans'
	 * usual written forms: "04 78 29 13 52", "0332 251 44 10",
	 * "968 12 34 56", "(48) 99912-3456"); elsewhere the trunk prefix
	 * and the digits unbroken */
	static const int fr[] = {1, 2, 0}, tr[] = {3, 3, 2, 2, 0},
			 es[] = {3, 2, 2, 2, 0}, pt[] = {3, 3, 3, 0},
			 gb_mobile[] = {4, 6, 0};
	const int *g = NULL;
	if (pc->cc == 33 && n == 9)
		g = fr;
	else if (pc->cc == 90 && n == 10)
		g = tr;
	else if (pc->cc == 34 && n == 9)
		g = d[0] == '6' || d[0] == '7' ? pt : es;
	else if (pc->cc == 351 && n == 9)
		g = pt;
	else if (pc->cc == 44 && n == 10 && d[0] == '7')
		g = gb_mobile;
	if (pc->cc == 55 && (n == 10 || n == 11)) {
		pos = (size_t)snprintf(out, cap, "(%.2s) %.*s-%s", d,
				       (int)(n - 6), d + 2, d + n - 4);
		return pos < cap ? 0 : -1;
	}
	/* Germany: the area code, then the subscriber ("0341 4629180",
	 * "030 12345678", "0151 23456789"; review de AL read "03414802217"
	 * as one run). Area codes are prefix-free: two digits for the four
	 * big cities, three for those ending in 1 (0341 Leipzig, 0911
	 * Nürnberg) and for mobiles, four for the rest. */
	/* "116 117", "110": German service numbers are dialled as they
	 * are, never after a trunk 0 (review de AO s50 wrote "0116117") */
	if (pc->cc == 49 && n >= 3 && n <= 6 && d[0] == '1' && d[1] == '1') {
		pos = n == 6 ? (size_t)snprintf(out, cap, "%.3s %s", d, d + 3)
			     : (size_t)snprintf(out, cap, "%s", d);
		return pos < cap ? 0 : -1;
	}
	if (pc->cc == 49 && n >= 7 && n <= 11) {
		size_t al = 4;
		if (d[0] == '1')
			al = 3;
		else if ((d[0] == '3' && d[1] == '0') ||
			 (d[0] == '4' && d[1] == '0') ||
			 (d[0] == '6' && d[1] == '9') ||
			 (d[0] == '8' && d[1] == '9'))
			al = 2;
		else if (d[2] == '1')
			al = 3;
		pos = (size_t)snprintf(out, cap, "%s%.*s %s", trunk, (int)al, d,
				       d + al);
		return pos < cap ? 0 : -1;
	}
	if (g == NULL) {
		pos = (size_t)snprintf(out, cap, "%s%s", trunk, d);
		return pos < cap ? 0 : -1;
	}
	/* the trunk prefix joins the first group ("04", "0332") */
	pos = (size_t)snprintf(out, cap, "%s", trunk);
	if (pos >= cap)
		return -1;
	char first[8];
	size_t f = (size_t)g[0] < n ? (size_t)g[0] : n;
	memcpy(first, d, f);
	first[f] = '\0';
	pos += (size_t)snprintf(out + pos, cap - pos, "%s", first);
	if (pos >= cap)
		return -1;
	if (f < n) {
		out[pos++] = ' ';
		out[pos] = '\0';
		put_groups(out, cap, &pos, d + f, n - f, g + 1);
	}
	return 0;
}

int phone_national(const char *e164, const char *country, char *out, size_t cap)
{
	/* written whole into room enough, then copied: never half a number */
	char full[48];
	if (cap == 0)
		return -1;
	out[0] = '\0';
	if (national_into(e164, country, full, sizeof full) != 0 ||
	    strlen(full) + 1 > cap)
		return -1;
	memcpy(out, full, strlen(full) + 1);
	return 0;
}

/* ---- crisis numbers ------------------------------------------------------ */

/*
 * National numbers, as of 2026: TelefonSeelsorge (DE, AT), 3114 (FR, the
 * national suicide prevention number since October 2021), 024 (ES, since
 * May 2022), SNS 24 (PT, psychological support), CVV 188 (BR, free since
 * July 2018), Samaritans 116 123 (GB, IE), 988 (US, CA), 143 (CH), 113
 * (NL), Lifeline (AU), 1737 (NZ). DE, FR, BR, GB, US and CH were checked
 * against the lines' and health services' own public pages; the others
 * are the widely published national numbers, to be confirmed by whoever
 * installs the desk there (business.crisis_line overrides). Turkey has
 * 112 and no national line; none is guessed. Sorted by code for the
 * binary search.
 */
static const struct {
	char iso[3];
	struct phone_crisis c;
} crisis_numbers[] = {
    {"AT", {"112", "Telefonseelsorge 142"}},
    {"AU", {"000", "Lifeline 13 11 14"}},
    {"BE", {"112", NULL}},
    {"BR", {"192", "CVV 188"}},
    {"CA", {"911", "988"}},
    {"CH", {"144", "143"}},
    {"DE", {"112", "TelefonSeelsorge 0800 111 0 111"}},
    {"ES", {"112", "024"}},
    {"FR", {"112", "3114"}},
    {"GB", {"999", "Samaritans 116 123"}},
    {"IE", {"112", "Samaritans 116 123"}},
    {"NL", {"112", "113 (0800 0113)"}},
    {"NZ", {"111", "1737"}},
    {"PT", {"112", "SNS 24 808 24 24 24"}},
    {"TR", {"112", NULL}},
    {"US", {"911", "988"}},
};

struct phone_crisis phone_crisis(const char *country)
{
	struct phone_crisis none = {"112", NULL};
	size_t lo = 0, hi = N_OF(crisis_numbers);
	char key[3];

	if (country == NULL || country[0] == '\0' || country[1] == '\0' ||
	    country[2] != '\0')
		return none;
	key[0] = upper(country[0]);
	key[1] = upper(country[1]);
	key[2] = '\0';
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int cmp = strcmp(key, crisis_numbers[mid].iso);
		if (cmp == 0)
			return crisis_numbers[mid].c;
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return none;
}
