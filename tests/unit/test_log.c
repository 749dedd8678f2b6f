/*
 * log: one message is one line whatever it carries (an alphanumeric
 * sender's CR/LF, a modem's ESC), and customers' numbers are masked unless
 * the level is DEBUG.
 */
#include "harness.h"
#include "smsdesk/log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Run FN with stderr going to a file; the file's text into out. */
static void capture(void (*fn)(void), char *out, size_t cap)
{
	char path[] = "/tmp/smsdesk-test-log.XXXXXX";
	int fd = mkstemp(path);
	int saved = dup(2);
	FILE *f;
	size_t n = 0;

	fflush(stderr);
	dup2(fd, 2);
	fn();
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	f = fopen(path, "r");
	if (f != NULL) {
		n = fread(out, 1, cap - 1, f);
		fclose(f);
	}
	out[n] = '\0';
	close(fd);
	unlink(path);
}

static void log_injection(void)
{
	log_warn("sender %s", "BANK\r\nsmsdesk: info: all fine\x1b[2J");
}

static void test_control_characters_escaped(void)
{
	char out[512];

	unsetenv("JOURNAL_STREAM");
	log_init(LOG_LEVEL_INFO, "smsdesk");
	capture(log_injection, out, sizeof(out));
	CHECK_STR(out, "smsdesk: warning: sender BANK\\r\\nsmsdesk: info: all "
		       "fine\\x1b[2J\n");
}

static void test_numbers_masked(void)
{
	char buf[LOG_NUMBER_MAX];

	log_init(LOG_LEVEL_INFO, "smsdesk");
	CHECK_STR(log_number("+447700900123", buf, sizeof(buf)), "***123");
	CHECK_STR(log_number("VODAFONE", buf, sizeof(buf)), "***ONE");
	CHECK_STR(log_number("12", buf, sizeof(buf)), "12");
	CHECK_STR(log_number(NULL, buf, sizeof(buf)), "");
	log_init(LOG_LEVEL_DEBUG, "smsdesk");
	CHECK_STR(log_number("+447700900123", buf, sizeof(buf)),
		  "+447700900123");
	log_init(LOG_LEVEL_INFO, "smsdesk");
}

int main(void)
{
	RUN(test_control_characters_escaped);
	RUN(test_numbers_masked);
	return h_done();
}
