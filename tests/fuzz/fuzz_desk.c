/* libFuzzer: desk_answer on arbitrary texts over the example catalog and a
 * real sqlite store must never crash, never fail, and never reply longer
 * than max_segments. Run from the source tree (conf/smsdesk.cfg). */
#include "smsdesk/catalog.h"
#include "smsdesk/desk.h"
#include "smsdesk/store.h"
#include "smsdesk/when.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct catalog *cat;
	static struct store *st;
	static int64_t now;
	static struct desk_result res;
	char err[256], from[32];

	if (cat == NULL) {
		char path[64];
		const char *cfg = getenv("SMSDESK_FUZZ_CATALOG");
		cat =
		    catalog_load(cfg != NULL ? cfg : "conf/smsdesk.cfg", NULL);
		snprintf(path, sizeof(path), "/tmp/fuzz_desk_%d.db",
			 (int)getpid());
		st = store_open(path, STORE_OPEN_CREATE, err, sizeof(err));
		if (cat == NULL || st == NULL)
			abort();
		struct when_day d;
		time_t t;
		when_day_make(2026, 3, 25, &d);
		when_epoch_of(cat->timezone, &d, 600, &t);
		now = (int64_t)t;
	}
	char *text = malloc(size + 1);
	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	snprintf(from, sizeof(from), "+4477009000%02d",
		 size > 0 ? data[0] % 8 : 0);
	now += 97; /* conversations expire, days pass */
	if (store_begin(st) != 0)
		abort();
	if (desk_answer(cat, st, from, text, now, &res) != 0)
		abort();
	if (res.d.segments > cat->policy.max_segments)
		abort();
	store_commit(st);
	free(text);
	return 0;
}
