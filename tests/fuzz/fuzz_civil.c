/*
 * libFuzzer: time zones from arbitrary TZif bytes and POSIX TZ strings must
 * load or be refused, never read out of bounds; a zone that loads gives
 * offsets within a day and local times that go back to the same instant
 * (or its earlier twin in an overlap).
 */
#include "smsdesk/civil.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[128];
	struct civil_zone *z;

	if (size > 0 && data[0] == 'T') {
		z = civil_zone_from_tzif("fuzz", data, size, err, sizeof(err));
	} else {
		char *s = malloc(size + 1);
		if (s == NULL)
			return 0;
		memcpy(s, data, size);
		s[size] = '\0';
		z = civil_zone_from_posix(s, err, sizeof(err));
		free(s);
	}
	if (z == NULL)
		return 0;
	for (int64_t t = -2000000000LL; t < 4000000000LL;
	     t += 86400LL * 97 + 3607) {
		struct civil_time c;
		int off = civil_zone_offset(z, t);
		if (off <= -25 * 3600 || off >= 26 * 3600)
			abort();
		civil_zone_local(z, t, &c);
		if (c.hour < 0 || c.hour > 23 || c.minute < 0 ||
		    c.minute > 59 || !civil_valid(c.year, c.month, c.mday) ||
		    c.abbr == NULL)
			abort();
		int64_t back = civil_zone_epoch(
		    z, c.days, c.hour * 3600 + c.minute * 60 + c.second);
		struct civil_time b;
		civil_zone_local(z, back, &b);
		if (back > t || b.days != c.days || b.hour != c.hour ||
		    b.minute != c.minute)
			abort();
	}
	civil_zone_free(z);
	return 0;
}
