/*
 * modem_parse: reading the fields of a modem's answer lines. Pure functions
 * of a line; bounded by the line and the caller's buffer. See modem_int.h.
 */
#include "modem_int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *mp_after_prefix(const char *line, const char *prefix)
{
	size_t n = strlen(prefix);

	if (strncmp(line, prefix, n) != 0)
		return line;
	line += n;
	while (*line == ' ')
		line++;
	return line;
}

int mp_fields(const char *line, int *v, int max)
{
	const char *p = strchr(line, ':');
	int n = 0;

	p = p == NULL ? line : p + 1;
	while (n < max) {
		char *end;
		long x;
		while (*p == ' ')
			p++;
		if (*p == '"') {
			const char *q = strchr(p + 1, '"');
			p = q == NULL ? p + strlen(p) : q + 1;
			v[n++] = -1;
		} else {
			x = strtol(p, &end, 10);
			v[n++] =
			    end == p || x < -1 || x > 1000000 ? -1 : (int)x;
			p = end;
		}
		p = strchr(p, ',');
		if (p == NULL)
			break;
		p++;
	}
	return n;
}

int mp_last_field(const char *line)
{
	const char *comma = strrchr(line, ',');
	const char *p = comma != NULL ? comma + 1 : strchr(line, ':');
	long v;

	if (p == NULL)
		return -1;
	if (*p == ':')
		p++;
	while (*p == ' ')
		p++;
	if (!isdigit((unsigned char)*p))
		return -1;
	v = strtol(p, NULL, 10);
	return v > 1000000 ? -1 : (int)v;
}

void mp_quoted(const char *line, int n, char *out, size_t cap)
{
	const char *a = strchr(line, '"');
	const char *b = a != NULL ? strchr(a + 1, '"') : NULL;

	for (; n > 0 && b != NULL; n--) {
		a = strchr(b + 1, '"');
		b = a != NULL ? strchr(a + 1, '"') : NULL;
	}
	if (b == NULL) {
		out[0] = '\0';
		return;
	}
	snprintf(out, cap, "%.*s", (int)(b - a - 1), a + 1);
}

int mp_hex_octet(const char *p)
{
	int v = 0;

	for (int i = 0; i < 2; i++) {
		int c = p[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else
			return -1;
	}
	return v;
}

/*
 * Only TP-MTI is looked at, to route status reports apart: the first TPDU
 * octet after the SMSC part, bits 0-1 == 2 (23.040 9.2.3.1).
 */
int mp_is_status_report(const char *hex)
{
	size_t len = strlen(hex);
	int smsc_len = len >= 2 ? mp_hex_octet(hex) : -1;
	size_t at;

	if (smsc_len < 0)
		return 0;
	at = 2 + 2 * (size_t)smsc_len;
	if (at + 2 > len)
		return 0;
	return (mp_hex_octet(hex + at) & 0x03) == 0x02;
}

/*
 * An ICCID is 19 or 20 digits (ITU-T E.118: "89", country, issuer, account,
 * Luhn check), stored in EF_ICCID as 10 BCD octets with the nibbles of each
 * swapped and F as filler (3GPP TS 51.011 10.1.1).
 */
int mp_iccid(const char *line, const char *prefix, int swapped, char *out,
	     size_t cap)
{
	char raw[64];
	size_t n = 0;
	const char *p =
	    prefix[0] != '\0' ? mp_after_prefix(line, prefix) : line;

	if (prefix[0] != '\0' && p == line)
		return -1;
	/* AT+CRSM: "+CRSM: 144,0,"98..."": the data is the quoted string. */
	if (swapped) {
		mp_quoted(p, 0, raw, sizeof(raw));
		p = raw;
	}
	char digits[64];
	for (; *p != '\0' && n < sizeof(digits) - 1; p++) {
		if (*p == '"' || *p == ' ')
			continue;
		if (!isxdigit((unsigned char)*p))
			return -1;
		digits[n++] = (char)toupper((unsigned char)*p);
	}
	digits[n] = '\0';
	if (!swapped && n >= 2 && digits[0] == '9' && digits[1] == '8')
		swapped = 1;
	if (swapped) {
		for (size_t i = 0; i + 1 < n; i += 2) {
			char t = digits[i];
			digits[i] = digits[i + 1];
			digits[i + 1] = t;
		}
	}
	while (n > 0 && digits[n - 1] == 'F')
		digits[--n] = '\0';
	if (n < 18 || n > 22 || cap <= n)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)digits[i]))
			return -1;
	memcpy(out, digits, n + 1);
	return 0;
}
