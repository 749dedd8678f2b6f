/*
 * serial: the byte pipe to a modem, and nothing more.
 *
 * The only module that includes libserialport. Real devices (ttyUSB, ttyACM,
 * ttyS, ttyAMA) are opened through libserialport: 8N1, the configured baud,
 * no flow control, non-blocking. libserialport declines pseudo-terminals (it
 * needs a sysfs entry and modem-control ioctls a pty lacks), so a
 * pseudo-terminal (the simulated modem, a socat bridge) is opened with plain
 * termios behind the same interface; the choice is automatic and logged.
 * An open port holds an exclusive lock (flock + TIOCEXCL): two smsdesk
 * processes never share a modem, and a busy port is reported, naming the
 * holder (ModemManager, usually) when it can be found.
 * This module must never know AT syntax: it moves bytes.
 */
#ifndef SMSDESK_SERIAL_H
#define SMSDESK_SERIAL_H

#include <stddef.h>
#include <sys/types.h>

enum serial_err {
	SERIAL_OK = 0,
	SERIAL_ERR_NOENT = -1,	/* no such device */
	SERIAL_ERR_ACCESS = -2, /* permission denied (dialout group?) */
	SERIAL_ERR_BUSY = -3,	/* another program holds it (ModemManager?) */
	SERIAL_ERR_CONFIG = -4, /* cannot set baud/8N1 */
	SERIAL_ERR_IO = -5,	/* read/write failed */
	SERIAL_ERR_CLOSED = -6, /* the line went away (hang-up, unplugged) */
};

struct serial;

/*
 * Open PATH at BAUD. On success *out is a new port (serial_close frees it)
 * and SERIAL_OK is returned; on failure *out is NULL, a negative
 * enum serial_err is returned and err holds a sentence for the staff.
 */
int serial_open(const char *path, int baud, struct serial **out, char *err,
		size_t errlen);
void serial_close(struct serial *port);

/* The fd to poll(); stays valid until serial_close. */
int serial_fd(const struct serial *port);
/* 1 when opened with termios as a pseudo-terminal, 0 via libserialport. */
int serial_is_pty(const struct serial *port);
const char *serial_path(const struct serial *port);

/*
 * Non-blocking: return the bytes moved (0 when nothing can move now) or a
 * negative enum serial_err (SERIAL_ERR_CLOSED when the device is gone).
 */
ssize_t serial_read(struct serial *port, void *buf, size_t cap);
ssize_t serial_write(struct serial *port, const void *buf, size_t len);

/* Text for an enum serial_err. */
const char *serial_strerror(int err);

struct serial_port_info {
	char path[128];
	char description[128];
	int usb_vid; /* -1 when not USB */
	int usb_pid;
	char family[64]; /* likely modem family from known ids, or "" */
};

/* The likely modem family of a USB id ("Quectel EC25/EG25-G ..."), or "". */
const char *serial_usb_family(int vid, int pid);

/*
 * Serial ports libserialport finds. Returns a new array (free()) and sets
 * *n; NULL with *n = 0 when there are none or listing failed.
 */
struct serial_port_info *serial_list(size_t *n);

#endif
