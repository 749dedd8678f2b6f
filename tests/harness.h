/*
 * harness: the smallest test runner that can fail.
 *
 * A test binary is a main() calling RUN(fn) for each case (or
 * TEST_BEGIN/TEST_END around a table row); CHECK* macros record failures
 * with file:line and keep going so one run shows every broken field.
 * h_done() prints "N passed, N failed[, N skipped]" — tests/run.sh sums
 * those lines. A case that checks nothing is reported as a failure:
 * a test that asserts nothing is not a test.
 */
#ifndef SMSDESK_TEST_HARNESS_H
#define SMSDESK_TEST_HARNESS_H

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int h_passed, h_failed, h_skipped;
static const char *h_name;
static int h_case_failed, h_case_checks, h_case_skipped;
static char h_namebuf[256];

static void h_begin(const char *fmt, ...)
    __attribute__((format(printf, 1, 2), unused));
static void h_begin(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(h_namebuf, sizeof(h_namebuf), fmt, ap);
	va_end(ap);
	h_name = h_namebuf;
	h_case_failed = 0;
	h_case_checks = 0;
	h_case_skipped = 0;
}

static void __attribute__((unused)) h_end(void)
{
	if (h_case_skipped) {
		h_skipped++;
	} else if (h_case_failed) {
		h_failed++;
		printf("FAIL %s\n", h_name);
	} else if (h_case_checks == 0) {
		h_failed++;
		printf("FAIL %s: checked nothing\n", h_name);
	} else {
		h_passed++;
		if (getenv("TEST_VERBOSE") != NULL)
			printf("ok   %s\n", h_name);
	}
	fflush(stdout);
}

static void __attribute__((unused))
h_check(int ok, const char *file, int line, const char *what)
{
	h_case_checks++;
	if (ok)
		return;
	h_case_failed = 1;
	printf("  %s:%d: %s: check failed: %s\n", file, line,
	       h_name ? h_name : "?", what);
}

static void __attribute__((unused))
h_check_str(const char *got, const char *want, const char *file, int line,
	    const char *expr)
{
	int ok = (got == NULL && want == NULL) ||
		 (got != NULL && want != NULL && strcmp(got, want) == 0);
	h_case_checks++;
	if (ok)
		return;
	h_case_failed = 1;
	printf("  %s:%d: %s: %s\n      got:  \"%s\"\n      want: \"%s\"\n",
	       file, line, h_name ? h_name : "?", expr, got ? got : "(null)",
	       want ? want : "(null)");
}

static void __attribute__((unused))
h_check_int(intmax_t got, intmax_t want, const char *file, int line,
	    const char *expr)
{
	h_case_checks++;
	if (got == want)
		return;
	h_case_failed = 1;
	printf("  %s:%d: %s: %s: got %jd, want %jd\n", file, line,
	       h_name ? h_name : "?", expr, got, want);
}

static void __attribute__((unused)) h_skip(const char *why)
{
	h_case_skipped = 1;
	printf("skip %s: %s\n", h_name ? h_name : "?", why);
}

static int __attribute__((unused)) h_done(void)
{
	printf("%d passed, %d failed, %d skipped\n", h_passed, h_failed,
	       h_skipped);
	return h_failed ? 1 : 0;
}

#define CHECK(cond) h_check(!!(cond), __FILE__, __LINE__, #cond)
#define CHECK_STR(got, want)                                                   \
	h_check_str((got), (want), __FILE__, __LINE__, #got " == " #want)
#define CHECK_INT(got, want)                                                   \
	h_check_int((intmax_t)(got), (intmax_t)(want), __FILE__, __LINE__,     \
		    #got " == " #want)
#define TEST_BEGIN(...) h_begin(__VA_ARGS__)
#define TEST_END()	h_end()
#define SKIP(why)	h_skip(why)
#define RUN(fn)                                                                \
	do {                                                                   \
		h_begin("%s", #fn);                                            \
		fn();                                                          \
		h_end();                                                       \
	} while (0)

#endif
