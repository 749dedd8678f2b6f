/*
 * fuzz_text: for any bytes, folding yields valid UTF-8 with single inner
 * spaces and none at the ends, is idempotent, and a smaller buffer only cuts
 * it short; sanitising yields valid UTF-8 and never grows past its buffer;
 * the edit distance is symmetric, zero on equal words and bounded by max+1.
 */
#include "smsdesk/text.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_INPUT 512

static int valid_utf8(const char *s, size_t n)
{
	char buf[4 * MAX_INPUT + 4];

	/* Valid exactly when sanitising changes nothing. */
	return text_sanitize_utf8(s, n, buf, sizeof(buf)) == n &&
	       memcmp(buf, s, n) == 0;
}

static void check_fold(const char *in)
{
	static char out[4 * MAX_INPUT + 4], again[4 * MAX_INPUT + 4];
	char small[9];
	size_t n = text_fold(in, out, sizeof(out)), m;

	assert(n == strlen(out));
	assert(valid_utf8(out, n));
	assert(n == 0 || (out[0] != ' ' && out[n - 1] != ' '));
	assert(strstr(out, "  ") == NULL);
	assert(text_fold(out, again, sizeof(again)) == n);
	assert(strcmp(out, again) == 0);
	m = text_fold(in, small, sizeof(small));
	assert(m < sizeof(small) && m == strlen(small));
	assert(strncmp(small, out, m) == 0);
	assert(valid_utf8(small, m));
}

static void check_distance(const char *a, const char *b)
{
	for (int max = 0; max <= 2; max++) {
		int d = text_distance(a, b, max);
		assert(d >= 0 && d <= max + 1);
		assert(d == text_distance(b, a, max));
	}
	assert(text_distance(a, a, 2) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char in[MAX_INPUT + 1], a[MAX_INPUT + 1], b[MAX_INPUT + 1];
	char clean[3 * MAX_INPUT + 1];
	size_t n = size < MAX_INPUT ? size : MAX_INPUT, half;

	memcpy(in, data, n);
	in[n] = '\0';
	check_fold(in);

	/* Sanitising sees the raw bytes, NULs included. */
	size_t c =
	    text_sanitize_utf8((const char *)data, n, clean, sizeof(clean));
	assert(c == strlen(clean) && valid_utf8(clean, c));
	assert(text_codepoints(clean) <= n);

	half = n / 2;
	memcpy(a, data, half);
	a[half] = '\0';
	memcpy(b, data + half, n - half);
	b[n - half] = '\0';
	text_fold(a, a, 0); /* cap 0 writes nothing */
	check_distance(a, b);
	return 0;
}
