/*
 * smsdesk-demo: the program behind `smsdesk demo` — text the desk from this
 * terminal. A simulated modem runs on a pseudo-terminal in this process;
 * `smsdesk serve` runs as a child against it with the given catalog and a
 * scratch database — the very daemon a shop runs, so what you see is what a
 * customer's phone would show.
 *
 * It is a program of its own, installed beside smsdesk, because it links
 * the simulated modem (libsmsdesk-sim.a), which the daemon binary must
 * never contain (DESIGN.md: sim "may not be linked into serve paths").
 * `smsdesk demo` execs it, passing its own path with --smsdesk so that the
 * child serve is that very binary.
 */
#include "smsdesk/catalog.h"
#include "smsdesk/cli.h"
#include "smsdesk/concat.h"
#include "smsdesk/gsm7.h"
#include "smsdesk/pdu.h"
#include "smsdesk/sim.h"
#include "smsdesk/staffcmd.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char usage[] =
    "usage: smsdesk demo [-c FILE] [--script FILE] [--now TIME] "
    "[--from NUMBER] [-v]\n"
    "\n"
    "Start a simulated modem and the desk (smsdesk serve) with the catalog\n"
    "and a scratch database, then text it as a customer: type a message and\n"
    "press Enter; the desk's replies appear as a phone would show them, with\n"
    "what each cost in SMS segments. Ctrl-D ends the demo.\n"
    "\n"
    "  -c, --config FILE  the catalog (default $SMSDESK_CONFIG, then\n"
    "                     /etc/smsdesk/smsdesk.cfg)\n"
    "      --script FILE  replay the texts in FILE (one per line, '#' starts\n"
    "                     a comment) instead of reading the terminal\n"
    "      --now TIME     the desk's clock at start, YYYY-MM-DDTHH:MM local\n"
    "      --from NUMBER  the customer's number (default +447700900001)\n"
    "  -v, --verbose      show the daemon's log\n"
    "      --smsdesk PATH the smsdesk binary to run serve with (smsdesk\n"
    "                     demo passes itself; default: beside this program)\n";

struct demo {
	struct sim *sim;
	struct concat *replies;
	pid_t serve;
	size_t seen_sent;
	int64_t last_activity;
	int replies_shown;
	const char *from;
	int concat_ref;
	char dir[64];
	const char *smsdesk; /* the binary that runs serve */
};

static int64_t mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Show a whole reply the way a phone would: one bubble, its cost beside. */
static void show_reply(const struct concat_message *m)
{
	printf("desk> %s\n      [%d SMS, %s%s]\n", m->text, m->total,
	       sms_encoding_name(m->head->encoding),
	       m->incomplete ? ", INCOMPLETE" : "");
	fflush(stdout);
}

static void collect_replies(struct demo *d)
{
	size_t n = sim_sent_count(d->sim);
	struct concat_message m;
	int64_t now = mono_ms();

	for (; d->seen_sent < n; d->seen_sent++) {
		struct sms_pdu pdu;
		struct pdu_error err;
		const char *hex = sim_sent_pdu(d->sim, d->seen_sent);

		d->last_activity = now;
		if (pdu_decode(hex, PDU_SMSC_AUTO, &pdu, &err) < 0) {
			printf("desk> (a PDU smsdesk could not decode: %s)\n",
			       err.msg);
			continue;
		}
		concat_add(d->replies, &pdu, (int64_t)d->seen_sent, now);
	}
	while (concat_pop(d->replies, now, &m) == 1) {
		show_reply(&m);
		d->replies_shown++;
	}
}

static int text_desk(struct demo *d, const char *text)
{
	struct pdu_deliver_options opt = {.smsc = "+447785016005",
					  .msg_class = -1};
	struct pdu_segment segs[16];
	struct pdu_error err;
	int n;

	sms_time_from_utc((int64_t)time(NULL), 0, &opt.timestamp);
	opt.concat_ref = d->concat_ref++ & 0xFF;
	n = pdu_encode_deliver(text, d->from, &opt, segs, 16, &err);
	if (n < 0) {
		printf("(cannot send that: %s)\n", err.msg);
		return -1;
	}
	for (int i = 0; i < n; i++)
		if (sim_deliver(d->sim, segs[i].hex) < 0)
			printf("(the simulated SIM is full)\n");
	d->last_activity = mono_ms();
	return 0;
}

static int serve_alive(struct demo *d)
{
	int status;

	if (d->serve <= 0)
		return 0;
	if (waitpid(d->serve, &status, WNOHANG) == d->serve) {
		d->serve = 0;
		fprintf(stderr, "demo: the desk stopped (see %s/serve.log)\n",
			d->dir);
		return 0;
	}
	return 1;
}

/* Step the modem for up to ms milliseconds, or until stdin is readable. */
static int pump(struct demo *d, int ms, int watch_stdin)
{
	int64_t until = mono_ms() + ms;

	for (;;) {
		int64_t now = mono_ms();
		struct pollfd p[2] = {{.fd = sim_fd(d->sim), .events = POLLIN},
				      {.fd = 0, .events = POLLIN}};
		int64_t due = sim_next_deadline(d->sim);
		int timeout = (int)(until - now);

		if (timeout < 0)
			timeout = 0;
		if (due >= 0 && due - now < timeout)
			timeout = due > now ? (int)(due - now) : 0;
		if (timeout > 100)
			timeout = 100;
		if (sim_wants_write(d->sim))
			p[0].events |= POLLOUT;
		if (poll(p, watch_stdin ? 2 : 1, timeout) < 0 && errno != EINTR)
			return -1;
		sim_step(d->sim, mono_ms());
		collect_replies(d);
		if (!serve_alive(d))
			return -1;
		if (watch_stdin && (p[1].revents & (POLLIN | POLLHUP)))
			return 1;
		if (mono_ms() >= until)
			return 0;
	}
}

/* After a text: wait until the desk has taken it and gone quiet. */
static void settle(struct demo *d)
{
	int64_t start = mono_ms();

	while (mono_ms() - start < 20000) {
		if (pump(d, 100, 0) < 0)
			return;
		int64_t quiet = mono_ms() - d->last_activity;
		if (sim_stored(d->sim) == 0 && quiet > 1500)
			return;
	}
}

static void run_script(struct demo *d, FILE *in)
{
	char line[2048];

	while (fgets(line, sizeof(line), in) != NULL) {
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '\0' || line[0] == '#')
			continue;
		printf("you>  %s\n", line);
		fflush(stdout);
		if (text_desk(d, line) == 0)
			settle(d);
		if (d->serve <= 0)
			break;
	}
}

static void run_interactive(struct demo *d)
{
	char line[2048];

	for (;;) {
		printf("you>  ");
		fflush(stdout);
		int r;
		while ((r = pump(d, 1000, 1)) == 0)
			;
		if (r < 0 || fgets(line, sizeof(line), stdin) == NULL)
			break;
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] != '\0' && text_desk(d, line) == 0)
			settle(d);
	}
	printf("\n");
}

static pid_t start_serve(struct demo *d, const char *config, const char *now,
			 int verbose)
{
	char db[96], log[96];
	pid_t pid;

	snprintf(db, sizeof(db), "%s/demo.db", d->dir);
	snprintf(log, sizeof(log), "%s/serve.log", d->dir);
	pid = fork();
	if (pid != 0)
		return pid;
	if (!verbose) {
		int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (fd >= 0)
			dup2(fd, 2);
	}
	const char *argv[12] = {"smsdesk", "serve",    "-c",
				config,	   "--device", sim_device_path(d->sim),
				"--db",	   db};
	int n = 8;
	if (now != NULL) {
		argv[n++] = "--now";
		argv[n++] = now;
	}
	argv[n] = NULL;
	execv(d->smsdesk, (char *const *)argv);
	fprintf(stderr, "demo: cannot start %s serve\n", d->smsdesk);
	_exit(127);
}

static int load_catalog_name(const char *path, char *name, size_t cap)
{
	struct catalog *cat = staffcmd_catalog("demo", path);

	if (cat == NULL)
		return -1;
	snprintf(name, cap, "%s", cat->business_name);
	catalog_free(cat);
	return 0;
}

static void cleanup(struct demo *d)
{
	char path[128];

	if (d->serve > 0) {
		kill(d->serve, SIGTERM);
		waitpid(d->serve, NULL, 0);
	}
	sim_free(d->sim);
	concat_free(d->replies);
	const char *files[] = {"demo.db", "demo.db-wal", "demo.db-shm",
			       "demo.db.lock", "serve.log"};
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", d->dir, files[i]);
		unlink(path);
	}
	rmdir(d->dir);
}

/* smsdesk beside this program (both are installed in one directory). */
static const char *smsdesk_beside(char *buf, size_t cap)
{
	char self[4096];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	char *slash;

	if (n <= 0)
		return "smsdesk";
	self[n] = '\0';
	slash = strrchr(self, '/');
	if (slash == NULL)
		return "smsdesk";
	*slash = '\0';
	snprintf(buf, cap, "%s/smsdesk", self);
	return buf;
}

/* -c, else $SMSDESK_CONFIG, else the installed catalog (cli.h's rule). */
static const char *config_path(const char *given)
{
	const char *env = getenv("SMSDESK_CONFIG");

	if (given != NULL)
		return given;
	if (env != NULL && env[0] != '\0')
		return env;
	return "/etc/smsdesk/smsdesk.cfg";
}

static int usage_error(const char *what, const char *arg)
{
	fprintf(stderr, "smsdesk demo: %s%s%s\nTry 'smsdesk demo --help'.\n",
		what, arg != NULL ? " " : "", arg != NULL ? arg : "");
	return CLI_USAGE;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"config", required_argument, NULL, 'c'},
	    {"script", required_argument, NULL, 's'},
	    {"now", required_argument, NULL, 'n'},
	    {"from", required_argument, NULL, 'f'},
	    {"verbose", no_argument, NULL, 'v'},
	    {"help", no_argument, NULL, 'h'},
	    {"smsdesk", required_argument, NULL, 'S'},
	    {NULL, 0, NULL, 0}};
	const char *config = NULL, *script = NULL, *now = NULL;
	struct demo d = {.from = "+447700900001"};
	char beside[4200];
	int verbose = 0, o;

	d.smsdesk = smsdesk_beside(beside, sizeof(beside));

	while ((o = getopt_long(argc, argv, "+c:vh", opts, NULL)) != -1) {
		switch (o) {
		case 'c':
			config = optarg;
			break;
		case 's':
			script = optarg;
			break;
		case 'n':
			now = optarg;
			break;
		case 'f':
			d.from = optarg;
			break;
		case 'v':
			verbose = 1;
			break;
		case 'S':
			d.smsdesk = optarg;
			break;
		case 'h':
			fputs(usage, stdout);
			return CLI_OK;
		default:
			return usage_error("bad option", NULL);
		}
	}
	if (optind < argc)
		return usage_error("unexpected", argv[optind]);
	config = config_path(config);

	char name[128];
	if (load_catalog_name(config, name, sizeof(name)) < 0)
		return CLI_BAD_INPUT;
	FILE *in = NULL;
	if (script != NULL && (in = fopen(script, "r")) == NULL) {
		fprintf(stderr, "smsdesk demo: cannot read %s\n", script);
		return CLI_BAD_INPUT;
	}

	snprintf(d.dir, sizeof(d.dir), "/tmp/smsdesk-demo.XXXXXX");
	char err[256], link[96];
	if (mkdtemp(d.dir) == NULL) {
		fprintf(stderr, "smsdesk demo: cannot make a scratch dir\n");
		return CLI_BAD_INPUT;
	}
	snprintf(link, sizeof(link), "%s/modem", d.dir);
	struct sim_config sc = {.link_path = link};
	struct concat_config cc = {.max_groups = 16, .expiry = 30000};
	d.sim = sim_new(&sc, err, sizeof(err));
	d.replies = concat_new(&cc);
	if (d.sim == NULL || d.replies == NULL) {
		fprintf(stderr, "smsdesk demo: no simulated modem: %s\n", err);
		cleanup(&d);
		return CLI_DEVICE;
	}
	signal(SIGPIPE, SIG_IGN);
	d.serve = start_serve(&d, config, now, verbose);
	printf("smsdesk demo - you are texting %s from %s.\n"
	       "Simulated modem on %s. Type a text and press Enter; Ctrl-D "
	       "ends.\n\n",
	       name, d.from, sim_device_path(d.sim));
	fflush(stdout);
	/* Let the desk bring the modem up before the first text. */
	pump(&d, 1500, 0);
	if (in != NULL)
		run_script(&d, in);
	else
		run_interactive(&d);
	if (in != NULL)
		fclose(in);
	int ok = d.serve > 0;
	cleanup(&d);
	return ok ? CLI_OK : CLI_DEVICE;
}
