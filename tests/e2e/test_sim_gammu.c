/*
 * Interoperability: Debian's gammu (a real AT client nobody here wrote),
 * configured with `connection = at`, against the simulated modem. The sim
 * runs in this process, stepped from a poll loop; gammu is forked and
 * exec'd against the sim's device path. Every wait is bounded, so a hung
 * gammu fails the case instead of hanging `make check`.
 *
 * Set TEST_GAMMU_LOG=1 to print gammu's own protocol log for each run.
 */
#include "harness.h"
#include "smsdesk/sim.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define GAMMU_WAIT_MS 20000

/*
 * SMS-DELIVER from +31641600986, "How are you?", SMSC +31624000000: the
 * example of the dreamfabric.com "SMS and the PDU format" tutorial, as
 * listed in /work/shared/pdu-vectors.json ("dreamfabric-deliver").
 */
static const char DELIVER_HEX[] =
    "07911326040000F0040B911346610089F60000208062917314080CC8F71D14969741F9"
    "77FD07";

static char workdir[64];
static char cfg_path[128];
static char log_path[128];
static char link_path[128];

static int64_t mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int have_gammu(void)
{
	const char *path = getenv("PATH");
	char buf[4096];
	if (path == NULL)
		path = "/usr/bin:/bin";
	snprintf(buf, sizeof(buf), "%s", path);
	for (char *save = NULL, *dir = strtok_r(buf, ":", &save); dir != NULL;
	     dir = strtok_r(NULL, ":", &save)) {
		char full[4200];
		snprintf(full, sizeof(full), "%s/gammu", dir);
		if (access(full, X_OK) == 0)
			return 1;
	}
	return 0;
}

static int write_config(void)
{
	FILE *f = fopen(cfg_path, "w");
	if (f == NULL)
		return -1;
	fprintf(f,
		"[gammu]\n"
		"device = %s\n"
		"connection = at\n"
		"logfile = %s\n"
		"logformat = textalldate\n",
		link_path, log_path);
	return fclose(f);
}

static void print_file(const char *path)
{
	char buf[4096];
	FILE *f = fopen(path, "r");
	size_t n;
	if (f == NULL)
		return;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		fwrite(buf, 1, n, stdout);
	fclose(f);
}

/*
 * Run gammu with ARGV (NULL-terminated, after "gammu -c CFG") against SIM,
 * stepping the sim until gammu exits or GAMMU_WAIT_MS pass. Its stdout and
 * stderr land in OUT (NUL-terminated, truncated to CAP). Returns gammu's
 * exit status, or -1 when it had to be killed or could not start.
 */
static int run_gammu(struct sim *sim, const char *const *argv, char *out,
		     size_t cap)
{
	char out_path[160];
	const char *args[16];
	size_t n = 0;
	int status = -1;
	pid_t pid;

	snprintf(out_path, sizeof(out_path), "%s/gammu.out", workdir);
	args[n++] = "gammu";
	args[n++] = "-c";
	args[n++] = cfg_path;
	for (size_t i = 0; argv[i] != NULL && n < 15; i++)
		args[n++] = argv[i];
	args[n] = NULL;
	out[0] = '\0';
	(void)unlink(log_path);

	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int fd = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (fd >= 0) {
			dup2(fd, 1);
			dup2(fd, 2);
			close(fd);
		}
		execvp("gammu", (char *const *)args);
		_exit(127);
	}

	int64_t end = mono_ms() + GAMMU_WAIT_MS;
	for (;;) {
		pid_t w = waitpid(pid, &status, WNOHANG);
		if (w == pid)
			break;
		if (mono_ms() > end) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			printf("  gammu did not finish in %d ms: killed\n",
			       GAMMU_WAIT_MS);
			status = -1;
			break;
		}
		struct pollfd p = {.fd = sim_fd(sim), .events = POLLIN};
		if (sim_wants_write(sim))
			p.events |= POLLOUT;
		int timeout = 20;
		int64_t due = sim_next_deadline(sim);
		if (due >= 0 && due - mono_ms() < timeout)
			timeout = due > mono_ms() ? (int)(due - mono_ms()) : 0;
		(void)poll(&p, 1, timeout);
		if (sim_step(sim, mono_ms()) != 0) {
			printf("  sim_step failed\n");
			break;
		}
	}

	FILE *f = fopen(out_path, "r");
	if (f != NULL) {
		size_t got = fread(out, 1, cap - 1, f);
		out[got] = '\0';
		fclose(f);
	}
	if (getenv("TEST_GAMMU_LOG") != NULL) {
		printf("---- gammu %s: output\n%s---- log\n", argv[0], out);
		print_file(log_path);
	}
	if (status != -1 && WIFEXITED(status))
		return WEXITSTATUS(status);
	return -1;
}

static struct sim *start_sim(void)
{
	struct sim_config cfg = {.link_path = link_path,
				 .manufacturer = "SIMCOM_Ltd",
				 .model = "SIMCOM_SIM800",
				 .revision = "Revision:1418B04SIM800L24",
				 .imei = "490154203237518"};
	char err[200];
	struct sim *sim = sim_new(&cfg, err, sizeof(err));
	if (sim == NULL)
		printf("  sim_new: %s\n", err);
	return sim;
}

static void gammu_identifies_the_sim(void)
{
	static const char *const argv[] = {"--identify", NULL};
	char out[8192];
	struct sim *sim = start_sim();
	if (sim == NULL) {
		CHECK(0);
		return;
	}
	CHECK_INT(run_gammu(sim, argv, out, sizeof(out)), 0);
	CHECK(strstr(out, "SIMCOM_Ltd") != NULL);
	CHECK(strstr(out, "SIMCOM_SIM800") != NULL);
	CHECK(strstr(out, "490154203237518") != NULL);
	sim_free(sim);
}

static void gammu_reads_an_injected_message(void)
{
	static const char *const argv[] = {"getallsms", NULL};
	char out[8192];
	struct sim *sim = start_sim();
	if (sim == NULL) {
		CHECK(0);
		return;
	}
	CHECK_INT(sim_deliver(sim, DELIVER_HEX), 1);
	CHECK_INT(run_gammu(sim, argv, out, sizeof(out)), 0);
	CHECK(strstr(out, "How are you?") != NULL);
	CHECK(strstr(out, "+31641600986") != NULL);
	sim_free(sim);
}

static void gammu_sends_through_the_sim(void)
{
	static const char *const argv[] = {"sendsms", "TEXT",  "+447700900123",
					   "-text",   "hello", NULL};
	char out[8192];
	struct sim *sim = start_sim();
	if (sim == NULL) {
		CHECK(0);
		return;
	}
	CHECK_INT(run_gammu(sim, argv, out, sizeof(out)), 0);
	CHECK_INT(sim_sent_count(sim), 1);
	const char *pdu = sim_sent_pdu(sim, 0);
	if (pdu != NULL) {
		if (getenv("TEST_GAMMU_LOG") != NULL)
			printf("sent PDU: %s\n", pdu);
		/* TP-DA: 12 digits, international (91), nibble-swapped */
		CHECK(strstr(pdu, "0C91447700091032") != NULL);
		/* "hello" as GSM-7 septets packed into octets (TS 23.038) */
		CHECK(strstr(pdu, "05E8329BFD06") != NULL);
	}
	/* gammu prints the +CMGS message reference the sim returned */
	CHECK_INT(sim_sent_mr(sim, 0), 1);
	CHECK(strstr(out, "message reference=1") != NULL);
	sim_free(sim);
}

int main(void)
{
	snprintf(workdir, sizeof(workdir), "/tmp/smsdesk-gammu-XXXXXX");
	if (mkdtemp(workdir) == NULL) {
		printf("mkdtemp: %s\n", strerror(errno));
		return 1;
	}
	snprintf(cfg_path, sizeof(cfg_path), "%s/gammurc", workdir);
	snprintf(log_path, sizeof(log_path), "%s/gammu.log", workdir);
	snprintf(link_path, sizeof(link_path), "%s/modem", workdir);
	if (!have_gammu()) {
		h_begin("gammu interoperability");
		SKIP("gammu is not installed (scripts/deps.sh test could not "
		     "install it): apt-get install gammu");
		h_end();
	} else if (write_config() != 0) {
		printf("cannot write %s\n", cfg_path);
		return 1;
	} else {
		RUN(gammu_identifies_the_sim);
		RUN(gammu_reads_an_injected_message);
		RUN(gammu_sends_through_the_sim);
	}
	char p[200];
	snprintf(p, sizeof(p), "%s/gammu.out", workdir);
	unlink(p);
	unlink(cfg_path);
	unlink(log_path);
	rmdir(workdir);
	return h_done();
}
