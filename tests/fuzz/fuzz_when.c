/*
 * libFuzzer: the time reader on arbitrary bytes, with the English and
 * Spanish packs, must never read out of bounds and must return what its
 * contract promises: a day that exists, a span whose first day is not after
 * its last, minutes inside one day for a settled time, a window that is
 * not empty, and an explanation line that is a terminated string. The
 * first byte picks the packs and the clock; the rest is the text.
 */
#include "smsdesk/catalog.h"
#include "smsdesk/when.h"
#include "smsdesk/when_vocab.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_day(const struct when_day *d)
{
	struct when_day x;
	if (when_day_make(d->year, d->month, d->mday, &x) != 0 ||
	    x.wday != d->wday)
		abort();
}

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
	const struct when_vocab *en[] = {&when_vocab_en};
	const struct when_vocab *both[] = {&when_vocab_es, &when_vocab_en};
	struct when_local now;
	struct when_req r;
	char line[256];

	if (size == 0)
		return 0;
	uint8_t mode = data[0];
	char *text = malloc(size);
	if (text == NULL)
		return 0;
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	/* Days across a year, and minutes across the day. */
	when_day_make(2026, 1, 1, &now.day);
	now.day = when_day_add(now.day, (mode >> 1) * 3);
	now.minute = (mode * 37) % 1440;
	if (mode & 1)
		when_read(text, &now, &cat, both, 2, &r);
	else
		when_read(text, &now, (mode & 2) ? NULL : &cat, en, 1, &r);

	if (r.has_day)
		check_day(&r.day);
	if (r.has_range) {
		check_day(&r.range_first);
		check_day(&r.range_last);
		if (when_day_cmp(&r.range_first, &r.range_last) > 0)
			abort();
	}
	if (r.problem == WHEN_FINE && r.time == WHEN_TIME_AT &&
	    (r.from_min < 0 || r.from_min >= 24 * 60 || r.to_min != r.from_min))
		abort();
	if (r.problem == WHEN_FINE && r.time == WHEN_TIME_WINDOW &&
	    (r.from_min < 0 || r.to_min > 24 * 60 || r.from_min >= r.to_min))
		abort();
	if (r.day_from > r.day_to || r.time_from > r.time_to ||
	    r.day_to > (int)size || r.time_to > (int)size)
		abort();
	when_describe(text, &r, line, sizeof(line));
	if (strlen(line) >= sizeof(line))
		abort();
	free(text);
	return 0;
}
