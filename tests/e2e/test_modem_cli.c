/*
 * smsdesk modem, the real binary ($SMSDESK_BIN, set by make check), against
 * the simulated modem this process runs and steps while the probe runs.
 * Covers the probe output, exit 3 on device trouble, the PIN from the
 * config, and --list.
 */
#include "harness.h"
#include "smsdesk/serial.h"
#include "smsdesk/sim.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *bin;

static int64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

struct out {
	char text[8192];
	size_t len;
	int fd;
};

static void drain(struct out *o)
{
	ssize_t n = -1;

	while (o->fd >= 0 && (n = read(o->fd, o->text + o->len,
				       sizeof(o->text) - 1 - o->len)) != 0) {
		if (n < 0) {
			if (errno != EAGAIN && errno != EINTR) {
				close(o->fd);
				o->fd = -1;
			}
			break;
		}
		o->len += (size_t)n;
		o->text[o->len] = '\0';
		if (o->len == sizeof(o->text) - 1)
			break;
	}
	if (n == 0 && o->fd >= 0) {
		close(o->fd);
		o->fd = -1;
	}
}

/*
 * Run smsdesk with ARGV while stepping SIM (may be NULL); collect stdout
 * and stderr. Returns the exit status, or -1.
 */
static int run(struct sim *sim, char *const argv[], struct out *out,
	       struct out *err)
{
	int po[2], pe[2], status = -1;
	pid_t pid;
	int64_t end = mono_ms() + 30000;

	memset(out, 0, sizeof(*out));
	memset(err, 0, sizeof(*err));
	if (pipe(po) != 0 || pipe(pe) != 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		dup2(po[1], 1);
		dup2(pe[1], 2);
		close(po[0]);
		close(pe[0]);
		execv(bin, argv);
		_exit(127);
	}
	close(po[1]);
	close(pe[1]);
	out->fd = po[0];
	err->fd = pe[0];
	fcntl(out->fd, F_SETFL, O_NONBLOCK);
	fcntl(err->fd, F_SETFL, O_NONBLOCK);
	for (;;) {
		struct pollfd p[3] = {
		    {.fd = out->fd, .events = POLLIN},
		    {.fd = err->fd, .events = POLLIN},
		    {.fd = sim != NULL ? sim_fd(sim) : -1, .events = POLLIN}};
		if (sim != NULL && sim_wants_write(sim))
			p[2].events |= POLLOUT;
		poll(p, 3, 10);
		if (sim != NULL)
			sim_step(sim, mono_ms());
		drain(out);
		drain(err);
		if (out->fd < 0 && err->fd < 0 &&
		    waitpid(pid, &status, WNOHANG) == pid)
			break;
		if (mono_ms() > end) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			printf("  %s: killed after 30 s\n", argv[1]);
			return -1;
		}
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static struct sim *new_sim(const char *pin)
{
	struct sim_config cfg = {.pin = pin};
	char err[200];
	struct sim *sim = sim_new(&cfg, err, sizeof(err));

	if (sim == NULL)
		printf("  sim_new: %s\n", err);
	return sim;
}

static void test_probe(void)
{
	struct sim *sim = new_sim(NULL);
	struct out out, err;

	if (sim == NULL) {
		CHECK(0);
		return;
	}
	char *argv[] = {(char *)bin, "modem", "--device",
			(char *)sim_device_path(sim), NULL};
	CHECK_INT(run(sim, argv, &out, &err), 0);
	CHECK(strstr(out.text, "manufacturer:  SIMCOM_Ltd\n") != NULL);
	CHECK(strstr(out.text, "model:         SIMCOM_SIM800\n") != NULL);
	CHECK(strstr(out.text, "SIM:           READY\n") != NULL);
	CHECK(strstr(out.text, "signal:        21 (-71 dBm)\n") != NULL);
	CHECK(strstr(out.text, "registration:  1 (registered, home") != NULL);
	CHECK(strstr(out.text, "SMSC:          +447785016005\n") != NULL);
	CHECK(strstr(out.text, "storage:       SM 0/30 used\n") != NULL);
	CHECK(strstr(out.text, "profile:       simcom-sim800 (") != NULL);
	CHECK(strstr(err.text, "pseudo-terminal") != NULL);
	/* A probe reads nothing and deletes nothing. */
	CHECK(sim_deliver(sim, "07911326040000F0040B911346610089F60000208062"
			       "917314080CC8F71D14969741F977FD07") >= 1);
	CHECK_INT(run(sim, argv, &out, &err), 0);
	CHECK(strstr(out.text, "storage:       SM 1/30 used\n") != NULL);
	CHECK_INT(sim_stored(sim), 1);
	CHECK_INT(sim_stat(sim, "SM", 1), 0);
	if (out.len == 0 || err.len == 0)
		printf("%s%s", out.text, err.text);
	sim_free(sim);
}

static void test_pin(void)
{
	struct sim *sim = new_sim("1234");
	struct out out, err;
	char cfg[128], line[512];
	const char *src = getenv("SMSDESK_SRC");
	FILE *in, *to;

	if (sim == NULL || src == NULL) {
		CHECK(0);
		sim_free(sim);
		return;
	}
	char *argv[] = {(char *)bin, "modem", "--device",
			(char *)sim_device_path(sim), NULL};
	unsetenv("SMSDESK_CONFIG");
	/* The SIM needs staff: exit 4, as serve does. */
	CHECK_INT(run(sim, argv, &out, &err), 4);
	CHECK(strstr(err.text, "asks for a PIN") != NULL);
	CHECK(strstr(out.text, "SIM:           SIM PIN\n") != NULL);

	/* The example catalog, with this SIM's PIN. */
	snprintf(cfg, sizeof(cfg), "/tmp/smsdesk-e2e-modem-cli-%d.cfg",
		 (int)getpid());
	snprintf(line, sizeof(line), "%s/conf/smsdesk.cfg", src);
	in = fopen(line, "r");
	to = fopen(cfg, "w");
	CHECK(in != NULL && to != NULL);
	while (in != NULL && to != NULL && fgets(line, sizeof(line), in)) {
		char *pin = strstr(line, "pin = \"\";");
		if (pin != NULL && strstr(line, "device") != NULL) {
			*pin = '\0';
			fprintf(to, "%spin = \"1234\"; }\n", line);
		} else {
			fputs(line, to);
		}
	}
	if (in != NULL)
		fclose(in);
	if (to != NULL)
		fclose(to);
	char *argv_c[] = {(char *)bin, "modem",	   "-c",
			  cfg,	       "--device", (char *)sim_device_path(sim),
			  NULL};
	CHECK_INT(run(sim, argv_c, &out, &err), 0);
	CHECK(strstr(out.text, "SIM:           READY\n") != NULL);
	if (out.len == 0 || strstr(out.text, "READY") == NULL)
		printf("%s%s", out.text, err.text);
	unlink(cfg);
	sim_free(sim);
}

static void test_device_trouble(void)
{
	struct out out, err;
	char *argv[] = {(char *)bin, "modem", "--device",
			"/dev/smsdesk-no-such-modem", NULL};
	char *bad[] = {(char *)bin, "modem", "--bogus", NULL};

	unsetenv("SMSDESK_CONFIG");
	CHECK_INT(run(NULL, argv, &out, &err), 3);
	CHECK(strstr(err.text, "no such device") != NULL);
	CHECK_INT(run(NULL, bad, &out, &err), 2);
}

/* TIOCGEXCL of the terminal at PATH: 1, 0, or -1 when it cannot tell. */
static int exclusive_at(const char *path)
{
	int fd = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK);
	int on = -1;

	if (fd < 0)
		return -1;
	if (ioctl(fd, TIOCGEXCL, &on) != 0)
		on = -1;
	close(fd);
	return on < 0 ? -1 : on != 0;
}

/*
 * `sudo smsdesk modem --device` while the daemon holds the port: the probe
 * is refused (busy) and must not clear the daemon's TIOCEXCL on its way out,
 * or any unprivileged program could then open the daemon's modem.
 */
static void test_busy_probe_keeps_the_lock(void)
{
	struct sim *sim = new_sim(NULL);
	struct serial *daemon_port = NULL;
	struct out out, err;
	char e[256];

	if (sim == NULL) {
		CHECK(0);
		return;
	}
	/* The daemon's side of the port, as serve opens it. */
	CHECK_INT(serial_open(sim_device_path(sim), 115200, &daemon_port, e,
			      sizeof(e)),
		  SERIAL_OK);
	if (exclusive_at(sim_device_path(sim)) < 0 || geteuid() != 0) {
		SKIP("needs root (to pass TIOCEXCL) and TIOCGEXCL");
		serial_close(daemon_port);
		sim_free(sim);
		return;
	}
	CHECK_INT(exclusive_at(sim_device_path(sim)), 1);
	char *argv[] = {(char *)bin, "modem", "--device",
			(char *)sim_device_path(sim), NULL};
	unsetenv("SMSDESK_CONFIG");
	CHECK_INT(run(sim, argv, &out, &err), 3);
	CHECK(strstr(err.text, "busy") != NULL);
	CHECK_INT(exclusive_at(sim_device_path(sim)), 1);
	serial_close(daemon_port);
	CHECK_INT(exclusive_at(sim_device_path(sim)), 0);
	sim_free(sim);
}

static void test_list(void)
{
	struct out out, err;
	char *argv[] = {(char *)bin, "modem", "--list", NULL};

	CHECK_INT(run(NULL, argv, &out, &err), 0);
	CHECK(strncmp(out.text, "PORT ", 5) == 0 ||
	      strcmp(out.text, "no serial ports found\n") == 0);
	/* The build machines have a 16550 at ttyS0, not a USB modem. */
	if (access("/dev/ttyS0", F_OK) == 0 &&
	    strncmp(out.text, "PORT ", 5) == 0)
		CHECK(strstr(out.text, "/dev/ttyS0 ") != NULL);
}

int main(void)
{
	bin = getenv("SMSDESK_BIN");
	if (bin == NULL) {
		TEST_BEGIN("smsdesk modem");
		SKIP("SMSDESK_BIN is not set: run through make check");
		TEST_END();
		return h_done();
	}
	RUN(test_probe);
	RUN(test_pin);
	RUN(test_device_trouble);
	RUN(test_busy_probe_keeps_the_lock);
	RUN(test_list);
	return h_done();
}
