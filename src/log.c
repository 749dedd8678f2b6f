#include "smsdesk/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static enum log_level threshold = LOG_LEVEL_INFO;
static const char *ident = "smsdesk";
static int journal = -1;

void log_init(enum log_level level, const char *name)
{
	threshold = level;
	if (name != NULL)
		ident = name;
	journal = getenv("JOURNAL_STREAM") != NULL;
}

enum log_level log_get_level(void)
{
	return threshold;
}

static const char *level_word(enum log_level level)
{
	switch (level) {
	case LOG_LEVEL_ERROR:
		return "error";
	case LOG_LEVEL_WARN:
		return "warning";
	case LOG_LEVEL_INFO:
		return "info";
	case LOG_LEVEL_DEBUG:
		return "debug";
	}
	return "?";
}

const char *log_number(const char *number, char *buf, size_t cap)
{
	size_t n = number != NULL ? strlen(number) : 0;

	if (cap == 0)
		return buf;
	if (number == NULL)
		number = "";
	if (threshold >= LOG_LEVEL_DEBUG || n <= 3)
		snprintf(buf, cap, "%s", number);
	else
		snprintf(buf, cap, "***%s", number + n - 3);
	return buf;
}

/* SRC with control characters escaped, so that a line stays one line. */
static void escape_controls(const char *src, char *dst, size_t cap)
{
	size_t o = 0;

	for (; *src != '\0' && o + 5 < cap; src++) {
		unsigned char c = (unsigned char)*src;
		if (c == '\r') {
			dst[o++] = '\\';
			dst[o++] = 'r';
		} else if (c == '\n') {
			dst[o++] = '\\';
			dst[o++] = 'n';
		} else if (c < 0x20 || c == 0x7f) {
			o += (size_t)snprintf(dst + o, cap - o, "\\x%02x", c);
		} else {
			dst[o++] = (char)c;
		}
	}
	dst[o] = '\0';
}

static void vlog(enum log_level level, const char *fmt, va_list ap)
{
	if (level > threshold)
		return;
	if (journal < 0)
		journal = getenv("JOURNAL_STREAM") != NULL;
	/* One fprintf per line keeps lines whole when stderr is shared. */
	char raw[1024], msg[1500];
	vsnprintf(raw, sizeof(raw), fmt, ap);
	escape_controls(raw, msg, sizeof(msg));
	if (journal)
		fprintf(stderr, "<%d>%s\n", (int)level, msg);
	else
		fprintf(stderr, "%s: %s: %s\n", ident, level_word(level), msg);
}

#define DEFINE_LOG(fn, level)                                                  \
	void fn(const char *fmt, ...)                                          \
	{                                                                      \
		va_list ap;                                                    \
		va_start(ap, fmt);                                             \
		vlog(level, fmt, ap);                                          \
		va_end(ap);                                                    \
	}

DEFINE_LOG(log_error, LOG_LEVEL_ERROR)
DEFINE_LOG(log_warn, LOG_LEVEL_WARN)
DEFINE_LOG(log_info, LOG_LEVEL_INFO)
DEFINE_LOG(log_debug, LOG_LEVEL_DEBUG)

void fatal(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vlog(LOG_LEVEL_ERROR, fmt, ap);
	va_end(ap);
	exit(1);
}
