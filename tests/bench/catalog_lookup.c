/*
 * catalog_lookup bench: load a catalog several times (median milliseconds),
 * then time fuzzy lookups of typos of its own words (nanoseconds each).
 * Built and run by tests/bench/catalog.sh; under callgrind it is run with
 * only the lookups collected, to count instructions per lookup.
 *
 * usage: catalog_lookup FILE LOADS LOOKUPS
 */
#include "smsdesk/catalog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	struct catalog *cat = NULL;
	double ms[64], t0;
	int loads, lookups;
	size_t hits = 0, words = 0;
	struct cat_match m[16];
	char **q;

	if (argc != 4) {
		fprintf(stderr, "usage: catalog_lookup FILE LOADS LOOKUPS\n");
		return 2;
	}
	loads = atoi(argv[2]);
	lookups = atoi(argv[3]);
	if (loads < 1 || loads > 64 || lookups < 0)
		return 2;
	for (int i = 0; i < loads; i++) {
		catalog_free(cat);
		t0 = now_ms();
		cat = catalog_load(argv[1], NULL);
		ms[i] = now_ms() - t0;
		if (cat == NULL) {
			fprintf(stderr, "%s does not load\n", argv[1]);
			return 1;
		}
	}
	qsort(ms, (size_t)loads, sizeof(ms[0]), by_value);
	for (size_t i = 0; i < cat->n_services; i++)
		words += cat->services[i].n_words;

	/* Queries: every 7th service's first word with its 3rd letter doubled
	 * (a typo within budget), prepared before the clock starts. */
	q = calloc((size_t)lookups + 1, sizeof(*q));
	for (int i = 0; q != NULL && i < lookups; i++) {
		const char *w =
		    cat->services[(size_t)i * 7 % cat->n_services].words[0];
		size_t n = strlen(w);

		q[i] = malloc(n + 2);
		memcpy(q[i], w, 3);
		memcpy(q[i] + 3, w + 2, n - 1);
	}
	t0 = now_ms();
	for (int i = 0; q != NULL && i < lookups; i++)
		hits += catalog_lookup(cat, q[i], 1, m, 16) > 0;
	t0 = now_ms() - t0;
	printf("catalog: %zu services, %zu words, %zu topics, %zu referrals\n",
	       cat->n_services, words, cat->n_topics, cat->n_referrals);
	printf("load+validate: median %.1f ms (min %.1f, max %.1f, %d runs)\n",
	       ms[loads / 2], ms[0], ms[loads - 1], loads);
	if (lookups > 0)
		printf("fuzzy lookup: %.2f us each (%d lookups, %zu found)\n",
		       t0 * 1e3 / lookups, lookups, hits);
	for (int i = 0; q != NULL && i < lookups; i++)
		free(q[i]);
	free(q);
	catalog_free(cat);
	return hits == (size_t)lookups ? 0 : 1;
}
