/*
 * serial: the termios path on a real pseudo-terminal (openpty), the
 * libserialport path on /dev/ttyS0 with the UART in internal loopback
 * (TIOCM_LOOP), and the errors staff will meet.
 */
#include "harness.h"
#include "smsdesk/serial.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

/*
 * The 16550 MCR loopback bit as the kernel's modem-control ioctls name it
 * (include/uapi/asm-generic/termios.h); glibc's <termios.h> leaves it out.
 */
#ifndef TIOCM_LOOP
#define TIOCM_LOOP 0x8000
#endif

/* Read from a port until WANT bytes came or a second passed. */
static size_t read_some(struct serial *port, char *buf, size_t want)
{
	size_t got = 0;
	struct pollfd pfd = {.fd = serial_fd(port), .events = POLLIN};

	while (got < want && poll(&pfd, 1, 1000) > 0) {
		ssize_t n = serial_read(port, buf + got, want - got);
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	buf[got] = '\0';
	return got;
}

static void test_pty_roundtrip(void)
{
	int master, slave;
	char name[64], buf[64], err[256];
	struct serial *port = NULL;

	if (openpty(&master, &slave, name, NULL, NULL) != 0) {
		SKIP("openpty failed");
		return;
	}
	CHECK_INT(serial_open(name, 115200, &port, err, sizeof(err)),
		  SERIAL_OK);
	if (port == NULL) {
		printf("  %s\n", err);
		return;
	}
	CHECK_INT(serial_is_pty(port), 1);
	CHECK_STR(serial_path(port), name);
	/* Nothing to read yet: non-blocking, 0 bytes. */
	CHECK_INT(serial_read(port, buf, sizeof(buf)), 0);
	CHECK_INT(serial_write(port, "AT\r", 3), 3);
	CHECK_INT(read(master, buf, sizeof(buf)), 3);
	CHECK(memcmp(buf, "AT\r", 3) == 0);
	CHECK_INT(write(master, "\r\nOK\r\n", 6), 6);
	CHECK_INT(read_some(port, buf, 6), 6);
	CHECK_STR(buf, "\r\nOK\r\n");

	/* A second opener is refused: busy, not silently shared. */
	struct serial *second = NULL;
	CHECK_INT(serial_open(name, 115200, &second, err, sizeof(err)),
		  SERIAL_ERR_BUSY);
	CHECK(second == NULL);
	CHECK(strstr(err, "busy") != NULL);

	/* The line goes away: reads say so. */
	close(slave);
	close(master);
	CHECK_INT(serial_read(port, buf, sizeof(buf)), SERIAL_ERR_CLOSED);
	serial_close(port);
}

/* Is the terminal behind FD in exclusive mode (TIOCGEXCL, Linux 3.8)? */
static int exclusive(int fd)
{
	int on = -1;

	if (ioctl(fd, TIOCGEXCL, &on) != 0)
		return -1;
	return on != 0;
}

/*
 * `sudo smsdesk modem --device` while the daemon runs: root passes the
 * daemon's TIOCEXCL, then the flock refuses it. Closing that failed open
 * must leave the daemon's exclusive mode alone.
 */
static void test_failed_open_keeps_exclusive(void)
{
	int master, slave;
	char name[64], err[256];
	struct serial *port = NULL, *second = NULL;

	if (openpty(&master, &slave, name, NULL, NULL) != 0) {
		SKIP("openpty failed");
		return;
	}
	CHECK_INT(serial_open(name, 115200, &port, err, sizeof(err)),
		  SERIAL_OK);
	if (port == NULL || exclusive(slave) < 0) {
		SKIP("no TIOCGEXCL on this kernel");
		serial_close(port);
		close(slave);
		close(master);
		return;
	}
	CHECK_INT(exclusive(slave), 1);
	if (geteuid() == 0) {
		/* root opens past TIOCEXCL; the flock says busy */
		CHECK_INT(serial_open(name, 115200, &second, err, sizeof(err)),
			  SERIAL_ERR_BUSY);
		CHECK(second == NULL);
	}
	CHECK_INT(exclusive(slave), 1);
	serial_close(port);
	CHECK_INT(exclusive(slave), 0);
	close(slave);
	close(master);
}

static void test_pty_through_symlink(void)
{
	int master, slave;
	char name[64], link[64], err[256];
	struct serial *port = NULL;

	if (openpty(&master, &slave, name, NULL, NULL) != 0) {
		SKIP("openpty failed");
		return;
	}
	snprintf(link, sizeof(link), "/tmp/smsdesk-test-serial-%d",
		 (int)getpid());
	unlink(link);
	CHECK_INT(symlink(name, link), 0);
	CHECK_INT(serial_open(link, 9600, &port, err, sizeof(err)), SERIAL_OK);
	if (port != NULL)
		CHECK_INT(serial_is_pty(port), 1);
	serial_close(port);
	/* Closed and unlocked: it can be opened again. */
	CHECK_INT(serial_open(link, 9600, &port, err, sizeof(err)), SERIAL_OK);
	serial_close(port);
	unlink(link);
	close(slave);
	close(master);
}

static void test_errors(void)
{
	char err[256];
	struct serial *port = (struct serial *)&err;

	CHECK_INT(serial_open("/dev/smsdesk-no-such-modem", 115200, &port, err,
			      sizeof(err)),
		  SERIAL_ERR_NOENT);
	CHECK(port == NULL);
	CHECK(strstr(err, "no such device") != NULL);
	CHECK_INT(serial_open("", 115200, &port, err, sizeof(err)),
		  SERIAL_ERR_NOENT);
	/* A file that is not a terminal (our own: /etc/hostname is not
	 * writable by a non-root user, which gives "permission denied"). */
	char plain[] = "/tmp/smsdesk-test-plain.XXXXXX";
	int pfd = mkstemp(plain);
	CHECK(pfd >= 0);
	CHECK_INT(serial_open(plain, 115200, &port, err, sizeof(err)),
		  SERIAL_ERR_CONFIG);
	CHECK(strstr(err, "not a terminal") != NULL);
	if (pfd >= 0) {
		close(pfd);
		unlink(plain);
	}
	CHECK_STR(serial_strerror(SERIAL_ERR_BUSY), "device busy");
}

static void test_permission_denied(void)
{
	int fds[2];
	pid_t pid;
	char err[256] = "";
	int status, rc = 0;

	if (geteuid() != 0 || access("/dev/ttyS0", F_OK) != 0) {
		SKIP("needs root to drop to an unprivileged user, and "
		     "/dev/ttyS0");
		return;
	}
	CHECK_INT(pipe(fds), 0);
	pid = fork();
	if (pid == 0) {
		struct serial *port = NULL;
		close(fds[0]);
		if (setgid(65534) != 0 || setuid(65534) != 0)
			_exit(99);
		rc = serial_open("/dev/ttyS0", 115200, &port, err, sizeof(err));
		if (write(fds[1], err, strlen(err) + 1) < 0)
			_exit(98);
		_exit(-rc);
	}
	close(fds[1]);
	if (read(fds[0], err, sizeof(err) - 1) < 0)
		err[0] = '\0';
	err[sizeof(err) - 1] = '\0';
	close(fds[0]);
	waitpid(pid, &status, 0);
	CHECK(WIFEXITED(status));
	CHECK_INT(-WEXITSTATUS(status), SERIAL_ERR_ACCESS);
	CHECK(strstr(err, "dialout") != NULL);
}

static void test_libserialport_loopback(void)
{
	char err[256], buf[64];
	struct serial *port = NULL;
	int bits = TIOCM_LOOP;
	int rc = serial_open("/dev/ttyS0", 115200, &port, err, sizeof(err));

	if (rc != SERIAL_OK) {
		char why[300];
		snprintf(why, sizeof(why), "no UART to test on: %s", err);
		SKIP(why);
		return;
	}
	CHECK_INT(serial_is_pty(port), 0);
	if (ioctl(serial_fd(port), TIOCMBIS, &bits) != 0) {
		SKIP("/dev/ttyS0 refuses internal loopback (TIOCM_LOOP)");
		serial_close(port);
		return;
	}
	CHECK_INT(serial_write(port, "AT+CSQ\r", 7), 7);
	CHECK_INT(read_some(port, buf, 7), 7);
	CHECK_STR(buf, "AT+CSQ\r");
	ioctl(serial_fd(port), TIOCMBIC, &bits);
	serial_close(port);
}

static void test_usb_families(void)
{
	CHECK_STR(serial_usb_family(0x2c7c, 0x0125),
		  "Quectel EC25/EG25-G (AT on interface 2)");
	CHECK_STR(serial_usb_family(0x2c7c, 0x7777), "Quectel");
	CHECK_STR(serial_usb_family(0x12d1, 0x1506),
		  "Huawei E3372 stick mode / E398");
	CHECK_STR(serial_usb_family(0x1bc7, 0x1201), "Telit");
	CHECK_STR(serial_usb_family(0x1d6b, 0x0002), "");
}

static void test_list(void)
{
	size_t n = 99;
	struct serial_port_info *ports = serial_list(&n);

	if (ports == NULL) {
		CHECK_INT(n, 0);
		return;
	}
	CHECK(n > 0);
	for (size_t i = 0; i < n; i++) {
		CHECK(strncmp(ports[i].path, "/dev/", 5) == 0);
		if (ports[i].usb_vid == -1)
			CHECK_STR(ports[i].family, "");
	}
	free(ports);
}

int main(void)
{
	RUN(test_pty_roundtrip);
	RUN(test_pty_through_symlink);
	RUN(test_failed_open_keeps_exclusive);
	RUN(test_errors);
	RUN(test_permission_denied);
	RUN(test_libserialport_loopback);
	RUN(test_usb_families);
	RUN(test_list);
	return h_done();
}
