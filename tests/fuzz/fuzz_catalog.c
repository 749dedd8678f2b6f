/*
 * fuzz_catalog: any file content loads into a catalog or into at least one
 * error, never both and never a crash; every diagnostic is a short line; a
 * loaded catalog answers lookups of its own words exactly and of arbitrary
 * text without reading out of bounds.
 */
#include "smsdesk/catalog.h"
#include "smsdesk/text.h"

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
const char *__lsan_default_suppressions(void);

/* libconfig 1.5 leaks its string buffer on some syntax errors (an
 * unterminated string); that is not ours to fix, so do not stop on it. */
const char *__lsan_default_suppressions(void)
{
	return "leak:libconfig.so\n";
}

static void check_loaded(const struct catalog *cat, const uint8_t *data,
			 size_t size)
{
	struct cat_match m[8];
	char text[256], folded[256];
	size_t n = size < sizeof(text) - 1 ? size : sizeof(text) - 1;

	for (size_t i = 0; i < cat->n_services; i++)
		for (size_t w = 0; w < cat->services[i].n_words; w++) {
			size_t k = catalog_lookup(
			    cat, cat->services[i].words[w], 1, m, 8);
			assert(k >= 1 && m[0].distance == 0);
			assert(m[0].kind == CAT_SERVICE && m[0].idx == i);
		}
	memcpy(text, data, n);
	text[n] = '\0';
	text_fold(text, folded, sizeof(folded));
	catalog_lookup(cat, folded, 1, m, 8);
	for (size_t i = 0; i < cat->n_referrals; i++)
		for (size_t c = 0; c < cat->referrals[i].n_covers; c++)
			assert(catalog_service(
				   cat, cat->referrals[i].covers[c]) != NULL ||
			       catalog_topic(
				   cat, cat->referrals[i].covers[c]) != NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int fd = -1;
	char path[64], line[600];
	struct cat_diags diags;
	struct catalog *cat;

	if (fd < 0)
		fd = memfd_create("fuzz_catalog", 0);
	assert(fd >= 0);
	assert(ftruncate(fd, 0) == 0);
	assert(pwrite(fd, data, size, 0) == (ssize_t)size);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	cat = catalog_load(path, &diags);
	assert((cat == NULL) == (diags.n_errors > 0));
	for (size_t i = 0; i < diags.n; i++) {
		assert(strlen(diags.v[i].msg) < sizeof(diags.v[i].msg));
		assert(strchr(diags.v[i].msg, '\n') == NULL ||
		       diags.v[i].line > 0);
		catalog_diag_format(path, &diags.v[i], line, sizeof(line));
		if (i > 0)
			assert(diags.v[i].line >= diags.v[i - 1].line);
	}
	if (cat != NULL)
		check_loaded(cat, data, size);
	catalog_diags_free(&diags);
	catalog_free(cat);
	return 0;
}
