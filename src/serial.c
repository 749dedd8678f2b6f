/*
 * serial: libserialport for real devices, termios for pseudo-terminals.
 * See include/smsdesk/serial.h.
 *
 * Both paths end with the same guard: an exclusive advisory lock (flock) so
 * two smsdesk processes never share one modem, and TIOCEXCL so other
 * unprivileged programs cannot open it behind our back. Staff see one
 * sentence per failure, naming the likely cause.
 */
#include "smsdesk/serial.h"

#include "smsdesk/log.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libserialport.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <termios.h>
#include <unistd.h>

struct serial {
	struct sp_port *sp; /* NULL on the termios path */
	int fd;
	int is_pty;
	int excl; /* this process set TIOCEXCL: clear it on close */
	char path[PATH_MAX];
};

const char *serial_strerror(int err)
{
	switch (err) {
	case SERIAL_OK:
		return "ok";
	case SERIAL_ERR_NOENT:
		return "no such device";
	case SERIAL_ERR_ACCESS:
		return "permission denied";
	case SERIAL_ERR_BUSY:
		return "device busy";
	case SERIAL_ERR_CONFIG:
		return "cannot configure the port";
	case SERIAL_ERR_IO:
		return "read/write failed";
	case SERIAL_ERR_CLOSED:
		return "the line went away";
	}
	return "unknown serial error";
}

/* Map an errno from open() or sp_open() to our codes, with a sentence. */
static int open_error(const char *path, int errnum, char *err, size_t errlen)
{
	switch (errnum) {
	case ENOENT:
	case ENODEV:
	case ENXIO:
		snprintf(err, errlen,
			 "%s: no such device (is the modem plugged in? "
			 "'smsdesk modem --list' shows the ports)",
			 path);
		return SERIAL_ERR_NOENT;
	case EACCES:
	case EPERM:
		snprintf(err, errlen,
			 "%s: permission denied (is the user in the dialout "
			 "group?)",
			 path);
		return SERIAL_ERR_ACCESS;
	case EBUSY:
	case EWOULDBLOCK:
		snprintf(err, errlen,
			 "%s: device busy: another program holds it "
			 "(ModemManager? another smsdesk?)",
			 path);
		return SERIAL_ERR_BUSY;
	default:
		snprintf(err, errlen, "%s: cannot open: %s", path,
			 strerror(errnum));
		return SERIAL_ERR_IO;
	}
}

/*
 * Unix98 pty slaves live under /dev/pts with majors 136-143
 * (Documentation/admin-guide/devices.txt). A symlink to one (the
 * simulator's stable path) counts too.
 */
static int path_is_pty(const char *path, const struct stat *st)
{
	char real[PATH_MAX];

	if (S_ISCHR(st->st_mode) && major(st->st_rdev) >= 136 &&
	    major(st->st_rdev) <= 143)
		return 1;
	if (realpath(path, real) != NULL && strncmp(real, "/dev/pts/", 9) == 0)
		return 1;
	return 0;
}

/*
 * Name a process other than us that has the device open: the usual
 * culprit is ModemManager probing every new tty.
 */
static int find_holder(const struct stat *dev, char *name, size_t cap)
{
	DIR *proc = opendir("/proc");
	struct dirent *de;
	int found = 0;
	pid_t self = getpid();

	if (proc == NULL)
		return 0;
	while (!found && (de = readdir(proc)) != NULL) {
		char *end;
		long pid = strtol(de->d_name, &end, 10);
		char fddir[64];
		DIR *fds;
		struct dirent *fe;

		if (*end != '\0' || pid <= 0 || pid == self)
			continue;
		snprintf(fddir, sizeof(fddir), "/proc/%ld/fd", pid);
		fds = opendir(fddir);
		if (fds == NULL)
			continue;
		while (!found && (fe = readdir(fds)) != NULL) {
			char fdpath[64 + sizeof(fe->d_name)];
			struct stat st;
			snprintf(fdpath, sizeof(fdpath), "%s/%s", fddir,
				 fe->d_name);
			if (stat(fdpath, &st) == 0 && S_ISCHR(st.st_mode) &&
			    st.st_rdev == dev->st_rdev)
				found = 1;
		}
		closedir(fds);
		if (found) {
			char comm[64], buf[64] = "?";
			FILE *f;
			snprintf(comm, sizeof(comm), "/proc/%ld/comm", pid);
			f = fopen(comm, "r");
			if (f != NULL) {
				if (fgets(buf, sizeof(buf), f) == NULL)
					buf[0] = '\0';
				buf[strcspn(buf, "\n")] = '\0';
				fclose(f);
			}
			snprintf(name, cap, "%s (pid %ld)", buf, pid);
		}
	}
	closedir(proc);
	return found;
}

/* The lock that keeps a second smsdesk (or anything using flock) out. */
static int lock_port(struct serial *port, char *err, size_t errlen)
{
	if (flock(port->fd, LOCK_EX | LOCK_NB) != 0) {
		int e = errno;
		if (e == EWOULDBLOCK)
			snprintf(err, errlen,
				 "%s: device busy: another smsdesk (or a "
				 "program using flock) holds it",
				 port->path);
		else
			snprintf(err, errlen, "%s: cannot lock: %s", port->path,
				 strerror(e));
		return e == EWOULDBLOCK ? SERIAL_ERR_BUSY : SERIAL_ERR_IO;
	}
	/* Refused for pseudo-terminals on some kernels: not an error. */
	if (ioctl(port->fd, TIOCEXCL) != 0)
		log_debug("serial: %s: TIOCEXCL: %s", port->path,
			  strerror(errno));
	else
		port->excl = 1;
	return SERIAL_OK;
}

static speed_t termios_speed(int baud)
{
	static const struct {
		int baud;
		speed_t speed;
	} speeds[] = {
	    {9600, B9600},     {19200, B19200},	  {38400, B38400},
	    {57600, B57600},   {115200, B115200}, {230400, B230400},
	    {460800, B460800}, {921600, B921600},
	};

	for (size_t i = 0; i < sizeof(speeds) / sizeof(speeds[0]); i++)
		if (speeds[i].baud == baud)
			return speeds[i].speed;
	return B0;
}

static int open_termios(struct serial *port, int baud, char *err, size_t errlen)
{
	struct termios tio;
	speed_t speed = termios_speed(baud);

	if (speed == B0) {
		snprintf(err, errlen, "%s: unsupported baud rate %d",
			 port->path, baud);
		return SERIAL_ERR_CONFIG;
	}
	port->fd = open(port->path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	if (port->fd < 0)
		return open_error(port->path, errno, err, errlen);
	if (tcgetattr(port->fd, &tio) != 0) {
		snprintf(err, errlen, "%s: not a terminal: %s", port->path,
			 strerror(errno));
		return SERIAL_ERR_CONFIG;
	}
	cfmakeraw(&tio);
	tio.c_cflag |= CLOCAL | CREAD;
	tio.c_cflag &= ~(tcflag_t)CRTSCTS;
	tio.c_cc[VMIN] = 1;
	tio.c_cc[VTIME] = 0;
	cfsetispeed(&tio, speed);
	cfsetospeed(&tio, speed);
	if (tcsetattr(port->fd, TCSANOW, &tio) != 0) {
		snprintf(err, errlen, "%s: cannot set raw mode: %s", port->path,
			 strerror(errno));
		return SERIAL_ERR_CONFIG;
	}
	return lock_port(port, err, errlen);
}

static int sp_config_error(struct serial *port, const char *what, char *err,
			   size_t errlen)
{
	char *msg = sp_last_error_message();
	snprintf(err, errlen, "%s: cannot set %s: %s", port->path, what,
		 msg != NULL ? msg : "?");
	sp_free_error_message(msg);
	return SERIAL_ERR_CONFIG;
}

static int open_libserialport(struct serial *port, int baud, char *err,
			      size_t errlen)
{
	struct stat st;

	if (sp_open(port->sp, SP_MODE_READ_WRITE) != SP_OK) {
		int e = sp_last_error_code();
		int rc = open_error(port->path, e, err, errlen);
		if (rc == SERIAL_ERR_BUSY && stat(port->path, &st) == 0) {
			char who[96];
			if (find_holder(&st, who, sizeof(who)))
				snprintf(err, errlen,
					 "%s: device busy: held by %s "
					 "(firmware-notes/ explains the udev "
					 "rule ID_MM_DEVICE_IGNORE)",
					 port->path, who);
		}
		return rc;
	}
	if (sp_set_baudrate(port->sp, baud) != SP_OK)
		return sp_config_error(port, "the baud rate", err, errlen);
	if (sp_set_bits(port->sp, 8) != SP_OK ||
	    sp_set_parity(port->sp, SP_PARITY_NONE) != SP_OK ||
	    sp_set_stopbits(port->sp, 1) != SP_OK)
		return sp_config_error(port, "8N1", err, errlen);
	if (sp_set_flowcontrol(port->sp, SP_FLOWCONTROL_NONE) != SP_OK)
		return sp_config_error(port, "no flow control", err, errlen);
	if (sp_get_port_handle(port->sp, &port->fd) != SP_OK)
		return sp_config_error(port, "(get the handle)", err, errlen);
	/* libserialport's own non-blocking calls do not need this; poll() does.
	 */
	fcntl(port->fd, F_SETFL, fcntl(port->fd, F_GETFL) | O_NONBLOCK);
	return lock_port(port, err, errlen);
}

int serial_open(const char *path, int baud, struct serial **out, char *err,
		size_t errlen)
{
	struct serial *port;
	struct stat st;
	int rc;

	*out = NULL;
	if (path == NULL || path[0] == '\0' || strlen(path) >= PATH_MAX) {
		snprintf(err, errlen, "no device path given");
		return SERIAL_ERR_NOENT;
	}
	if (stat(path, &st) != 0)
		return open_error(path, errno, err, errlen);
	port = calloc(1, sizeof(*port));
	if (port == NULL) {
		snprintf(err, errlen, "%s: out of memory", path);
		return SERIAL_ERR_IO;
	}
	port->fd = -1;
	snprintf(port->path, sizeof(port->path), "%s", path);
	if (baud <= 0)
		baud = 115200;

	if (path_is_pty(path, &st)) {
		port->is_pty = 1;
		log_info("serial: %s is a pseudo-terminal: opened with termios",
			 path);
		rc = open_termios(port, baud, err, errlen);
	} else if (sp_get_port_by_name(path, &port->sp) != SP_OK) {
		/* Not a device libserialport knows (no sysfs entry). */
		port->sp = NULL;
		log_info("serial: libserialport declined %s: opened with "
			 "termios",
			 path);
		rc = open_termios(port, baud, err, errlen);
	} else {
		log_info("serial: %s opened with libserialport (%d 8N1, no "
			 "flow control)",
			 path, baud);
		rc = open_libserialport(port, baud, err, errlen);
	}
	if (rc != SERIAL_OK) {
		serial_close(port);
		return rc;
	}
	*out = port;
	return SERIAL_OK;
}

void serial_close(struct serial *port)
{
	if (port == NULL)
		return;
	/*
	 * TIOCEXCL belongs to the terminal, not to our descriptor: a failed
	 * open (root passes TIOCEXCL, then the flock is refused) must not
	 * clear the lock the process that owns the port set.
	 */
	if (port->fd >= 0 && port->excl)
		ioctl(port->fd, TIOCNXCL);
	if (port->sp != NULL) {
		/* sp_close closes the fd it handed out. */
		sp_close(port->sp);
		sp_free_port(port->sp);
	} else if (port->fd >= 0) {
		close(port->fd);
	}
	free(port);
}

int serial_fd(const struct serial *port)
{
	return port->fd;
}

int serial_is_pty(const struct serial *port)
{
	return port->is_pty;
}

const char *serial_path(const struct serial *port)
{
	return port->path;
}

/* errno values that mean the device is gone rather than a glitch. */
static int gone(int e)
{
	return e == EIO || e == ENXIO || e == ENODEV || e == EBADF ||
	       e == EPIPE;
}

ssize_t serial_read(struct serial *port, void *buf, size_t cap)
{
	ssize_t n;

	if (port->sp != NULL) {
		enum sp_return r = sp_nonblocking_read(port->sp, buf, cap);
		if (r >= 0)
			return r;
		return gone(sp_last_error_code()) ? SERIAL_ERR_CLOSED
						  : SERIAL_ERR_IO;
	}
	n = read(port->fd, buf, cap);
	if (n > 0)
		return n;
	if (n == 0)
		return SERIAL_ERR_CLOSED; /* hang-up: EOF on a tty */
	if (errno == EAGAIN || errno == EINTR)
		return 0;
	return gone(errno) ? SERIAL_ERR_CLOSED : SERIAL_ERR_IO;
}

ssize_t serial_write(struct serial *port, const void *buf, size_t len)
{
	ssize_t n;

	if (port->sp != NULL) {
		enum sp_return r = sp_nonblocking_write(port->sp, buf, len);
		if (r >= 0)
			return r;
		return gone(sp_last_error_code()) ? SERIAL_ERR_CLOSED
						  : SERIAL_ERR_IO;
	}
	n = write(port->fd, buf, len);
	if (n >= 0)
		return n;
	if (errno == EAGAIN || errno == EINTR)
		return 0;
	return gone(errno) ? SERIAL_ERR_CLOSED : SERIAL_ERR_IO;
}

/*
 * USB ids of modem makers and of the USB-serial bridges a UART modem
 * (SIM800, M35) usually sits behind. Ids from the public usb.ids list and
 * ModemManager's plugins; see firmware-notes/ for each family.
 */
struct usb_family {
	int vid;
	int pid; /* -1: any product of this vendor */
	const char *family;
};

static const struct usb_family usb_families[] = {
    {0x1e0e, 0x9001, "SIMCom SIM7600 (AT on interface 2)"},
    {0x1e0e, -1, "SIMCom"},
    {0x2c7c, 0x0125, "Quectel EC25/EG25-G (AT on interface 2)"},
    {0x2c7c, 0x0121, "Quectel EC21"},
    {0x2c7c, 0x0296, "Quectel BG96"},
    {0x2c7c, -1, "Quectel"},
    {0x05c6, 0x9215, "Quectel EC20 (Qualcomm id)"},
    {0x12d1, 0x1506, "Huawei E3372 stick mode / E398"},
    {0x12d1, 0x14dc, "Huawei E3372 HiLink (no AT port: needs stick mode)"},
    {0x12d1, 0x1f01, "Huawei E3372 storage mode (needs usb_modeswitch)"},
    {0x12d1, 0x1001, "Huawei E169/E173 family"},
    {0x12d1, 0x1436, "Huawei E173 family"},
    {0x12d1, -1, "Huawei"},
    {0x1546, -1, "u-blox"},
    {0x1bc7, -1, "Telit"},
    {0x1199, -1, "Sierra Wireless"},
    {0x19d2, -1, "ZTE"},
    {0x2cb7, -1, "Fibocom"},
    {0x1e2d, -1, "Cinterion/Thales"},
    {0x0403, -1, "FTDI USB-serial bridge (UART modem such as SIM800?)"},
    {0x10c4, 0xea60, "CP210x USB-serial bridge (UART modem such as SIM800?)"},
    {0x1a86, 0x7523, "CH340 USB-serial bridge (UART modem such as SIM800?)"},
    {0x067b, 0x2303, "PL2303 USB-serial bridge (UART modem such as SIM800?)"},
};

const char *serial_usb_family(int vid, int pid)
{
	for (size_t i = 0; i < sizeof(usb_families) / sizeof(usb_families[0]);
	     i++) {
		const struct usb_family *f = &usb_families[i];
		if (f->vid == vid && (f->pid == -1 || f->pid == pid))
			return f->family;
	}
	return "";
}

static void fill_info(struct sp_port *sp, struct serial_port_info *info)
{
	const char *name = sp_get_port_name(sp);
	const char *desc = sp_get_port_description(sp);

	memset(info, 0, sizeof(*info));
	snprintf(info->path, sizeof(info->path), "%s%s",
		 strncmp(name, "/dev/", 5) == 0 ? "" : "/dev/", name);
	snprintf(info->description, sizeof(info->description), "%s",
		 desc != NULL ? desc : "");
	info->usb_vid = -1;
	info->usb_pid = -1;
	if (sp_get_port_transport(sp) == SP_TRANSPORT_USB &&
	    sp_get_port_usb_vid_pid(sp, &info->usb_vid, &info->usb_pid) ==
		SP_OK) {
		snprintf(info->family, sizeof(info->family), "%s",
			 serial_usb_family(info->usb_vid, info->usb_pid));
	} else {
		info->usb_vid = -1;
		info->usb_pid = -1;
	}
}

struct serial_port_info *serial_list(size_t *n)
{
	struct sp_port **ports = NULL;
	struct serial_port_info *out;
	size_t count = 0;

	*n = 0;
	if (sp_list_ports(&ports) != SP_OK)
		return NULL;
	while (ports[count] != NULL)
		count++;
	if (count == 0) {
		sp_free_port_list(ports);
		return NULL;
	}
	out = calloc(count, sizeof(*out));
	if (out == NULL) {
		sp_free_port_list(ports);
		return NULL;
	}
	for (size_t i = 0; i < count; i++)
		fill_info(ports[i], &out[i]);
	sp_free_port_list(ports);
	*n = count;
	return out;
}
