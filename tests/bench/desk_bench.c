/*
 * desk benchmark driver: answer N inquiries against CATALOG on a fresh store,
 * each in its own transaction as the daemon does, with words taken from the
 * catalog itself so a generated 10,000-service catalog is exercised too.
 * Run under callgrind with --toggle-collect=desk_answer to count
 * instructions per answered inquiry.
 *
 * usage: desk_bench CATALOG DB N
 */
#include "smsdesk/catalog.h"
#include "smsdesk/desk.h"
#include "smsdesk/store.h"
#include "smsdesk/when.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	static const char *const forms[] = {
	    "%s tmrw 10",
	    "hi can i get a %s sat 2pm please",
	    "how much is a %s",
	    "any %s space today after 4",
	    "%s",
	    "%s next wed 11am",
	    "%s asap",
	    "do u do %ss on fri?",
	};
	static struct desk_result res;
	char err[256], text[256], from[32];

	if (argc != 4) {
		fprintf(stderr, "usage: desk_bench CATALOG DB N\n");
		return 2;
	}
	struct catalog *cat = catalog_load(argv[1], NULL);
	struct store *st =
	    store_open(argv[2], STORE_OPEN_CREATE, err, sizeof(err));
	int n = atoi(argv[3]);
	if (cat == NULL || st == NULL) {
		fprintf(stderr, "desk_bench: cannot load %s or open %s\n",
			argv[1], argv[2]);
		return 1;
	}
	struct when_day day;
	time_t now;
	when_day_make(2026, 3, 25, &day);
	when_epoch_of(cat->timezone, &day, 10 * 60, &now);
	int answered = 0;
	for (int i = 0; i < n; i++) {
		const struct cat_service *svc =
		    &cat->services[(size_t)(i * 7919) % cat->n_services];
		snprintf(text, sizeof(text), forms[i % 8],
			 svc->n_words > 0 ? svc->words[0] : svc->id);
		snprintf(from, sizeof(from), "+4477009%05d", i % 5000);
		if (store_begin(st) != 0)
			return 1;
		if (desk_answer(cat, st, from, text, (int64_t)now + i, &res) ==
		    0)
			answered++;
		store_commit(st);
	}
	printf("answered %d of %d\n", answered, n);
	store_close(st);
	catalog_free(cat);
	return answered == n ? 0 : 1;
}
