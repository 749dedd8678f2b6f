/* libFuzzer: when_parse on arbitrary bytes must never read out of bounds and
 * must return a day that exists and minutes inside one day. */
#include "smsdesk/catalog.h"
#include "smsdesk/when.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct cat_hours hours[] = {{0x1f, 540, 1080, 1},
					   {0x20, 540, 780, 2}};
	static char closed[][11] = {"2026-12-25"};
	static struct catalog cat = {.timezone = "Europe/London",
				     .hours = hours,
				     .n_hours = 2,
				     .closed = closed,
				     .n_closed = 1};
	char *text = malloc(size + 1);
	struct when_local now;
	struct when_req r;

	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	when_day_make(2026, 3, 25, &now.day);
	now.minute = 600;
	when_parse(text, &now, &cat, &r);
	if (r.has_day) {
		struct when_day d;
		if (when_day_make(r.day.year, r.day.month, r.day.mday, &d) != 0)
			abort();
	}
	if (r.time == WHEN_TIME_AT && r.problem == WHEN_FINE &&
	    (r.from_min < 0 || r.from_min >= 24 * 60))
		abort();
	free(text);
	return 0;
}
