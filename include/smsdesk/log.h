/*
 * log: the daemon's voice on stderr, in a form journald and a terminal both
 * read well.
 *
 * Under systemd (JOURNAL_STREAM set) each line starts with the syslog
 * priority as "<N>" so journald files it at the right level; on a terminal
 * it reads "smsdesk: warning: ...". Pure modules never log: they return
 * errors and let the edges decide. This module must never exit the process
 * except through fatal().
 *
 * One log line is one line: control characters in a message (CR, LF, ESC
 * from an alphanumeric sender or a modem's garbage) are written escaped as
 * \r, \n, \xNN. Customers' numbers go through log_number() so that they
 * appear masked unless the level is DEBUG (-v).
 */
#ifndef SMSDESK_LOG_H
#define SMSDESK_LOG_H

#include <stddef.h>

enum log_level {
	LOG_LEVEL_ERROR = 3,
	LOG_LEVEL_WARN = 4,
	LOG_LEVEL_INFO = 6,
	LOG_LEVEL_DEBUG = 7,
};

/* Set the lowest level printed (default INFO) and the name lines start with. */
void log_init(enum log_level level, const char *ident);
enum log_level log_get_level(void);

void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_debug(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/*
 * A customer's number (or alphanumeric sender) for a log line: at INFO and
 * above only its last three characters, "***123"; in full at DEBUG (-v).
 * Writes into BUF (LOG_NUMBER_MAX is always enough) and returns it.
 */
#define LOG_NUMBER_MAX 48
const char *log_number(const char *number, char *buf, size_t cap);

/* For broken invariants only: log at error level and exit(1). */
_Noreturn void fatal(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

#endif
