/* libFuzzer: inquiry_parse on arbitrary bytes over the example catalog must
 * never read out of bounds, and must name only services and topics that
 * exist. Run from the source tree (conf/smsdesk.cfg). */
#include "smsdesk/catalog.h"
#include "smsdesk/inquiry.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct catalog *cat;
	struct when_local now;
	struct inquiry q;

	if (cat == NULL) {
		const char *path = getenv("SMSDESK_FUZZ_CATALOG");
		cat = catalog_load(path != NULL ? path : "conf/smsdesk.cfg",
				   NULL);
		if (cat == NULL)
			abort();
	}
	char *text = malloc(size + 1);
	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	when_day_make(2026, 3, 25, &now.day);
	now.minute = 600;
	inquiry_parse(cat, text, &now, &q);
	for (size_t k = 0; k < q.n_matches; k++) {
		size_t lim = q.matches[k].kind == CAT_SERVICE ? cat->n_services
							      : cat->n_topics;
		if (q.matches[k].idx >= lim)
			abort();
	}
	if (q.intent == INQ_CHOICE && (q.choice < 1 || q.choice > 9))
		abort();
	if (strlen(q.ref) >= INQ_REF_MAX)
		abort();
	free(text);
	return 0;
}
