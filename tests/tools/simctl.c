/*
 * simctl: the simulated modem as a process, driven by lines on stdin — for
 * the end-to-end shell tests and for the benchmarks, where smsdesk, gammu-smsd
 * and smstools each talk to the same simulated modem through its pty path.
 *
 *   simctl [--link PATH] [--profile zero|realistic] [--capacity N]
 *          [--model NAME] [--manufacturer NAME] [--usec]
 *
 * Prints "ready PATH" once the modem exists, then for each message the
 * client sends with AT+CMGS, once the sim has answered "+CMGS: MR" (after
 * the profile's delay): "sent I MR T_MS HEX" (T_MS: milliseconds since
 * start on the monotonic clock; with --usec every T_MS is in microseconds
 * instead, for the benchmarks, where a reply can take less than a
 * millisecond). Commands on stdin, one per line:
 *
 *   text FROM TEXT...     deliver TEXT from FROM (split into parts as needed)
 *   hex PDU               deliver one SMS-DELIVER (with SMSC prefix) as is
 *   status MR STATUS TO   deliver a status report for message reference MR
 *   garbage HEX           put these bytes on the line
 *   mute N                never answer the next N commands
 *   cms N CODE            +CMS ERROR: CODE on the next N sends
 *   full on|off           storage-full switch
 *   drop | restore        the line disappears / comes back at the same path
 *   stored                print "stored N"
 *   quit                  (also: end of input)
 *
 * Each delivery prints "delivered T_MS INDEX..." or "full T_MS". A test tool:
 * not installed, never part of smsdesk serve.
 */
#include "smsdesk/pdu.h"
#include "smsdesk/sim.h"

#include <errno.h>
#include <getopt.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The sim runs on mono_ms; only the printed stamps honour --usec. */
static int stamp_usec;

static int64_t stamp_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	if (stamp_usec)
		return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

struct ctl {
	struct sim *sim;
	int64_t t0;
	size_t reported;   /* sent PDUs already printed */
	int64_t accept_ms; /* when the next one's +CMGS is due, or -1 */
	int concat_ref;
	char line[8192];
	size_t line_len;
	int eof;
};

/*
 * The sim records a PDU when it arrives and answers "+CMGS: <mr>" after the
 * profile's delay for AT+CMGS. A send counts as accepted when that answer is
 * written, so its line waits until then and carries that time (the sim's
 * next deadline when the PDU arrived: the answer, as the driver is waiting
 * for it and nothing else is pending).
 */
static void report_sent(struct ctl *c)
{
	size_t n = sim_sent_count(c->sim);
	int64_t now = mono_ms();

	while (c->reported < n) {
		int64_t stamp;

		if (c->accept_ms < 0) {
			int64_t due = sim_next_deadline(c->sim);
			c->accept_ms = due > now ? due : now;
		}
		if (now < c->accept_ms)
			return;
		if (c->accept_ms == now)
			stamp = stamp_now() - c->t0;
		else if (stamp_usec)
			stamp = c->accept_ms * 1000 - c->t0;
		else
			stamp = c->accept_ms - c->t0;
		printf("sent %zu %d %lld %s\n", c->reported,
		       sim_sent_mr(c->sim, c->reported), (long long)stamp,
		       sim_sent_pdu(c->sim, c->reported));
		c->reported++;
		c->accept_ms = -1;
	}
	fflush(stdout);
}

static void now_sms_time(struct sms_time *t)
{
	time_t now = time(NULL);
	sms_time_from_utc((int64_t)now, 0, t);
}

static void cmd_text(struct ctl *c, char *args)
{
	char *from = strtok(args, " ");
	char *text = strtok(NULL, "");
	struct pdu_deliver_options opt = {.smsc = "+447785016005",
					  .msg_class = -1};
	struct pdu_segment segs[16];
	struct pdu_error err;
	int n;

	if (from == NULL || text == NULL) {
		printf("error usage: text FROM TEXT\n");
		return;
	}
	now_sms_time(&opt.timestamp);
	opt.concat_ref = c->concat_ref++ & 0xFF;
	n = pdu_encode_deliver(text, from, &opt, segs, 16, &err);
	if (n < 0) {
		printf("error %s\n", err.msg);
		return;
	}
	printf("delivered %lld", (long long)(stamp_now() - c->t0));
	for (int i = 0; i < n; i++) {
		int idx = sim_deliver(c->sim, segs[i].hex);
		if (idx < 0)
			printf(" full");
		else
			printf(" %d", idx);
	}
	printf("\n");
}

static void cmd_status(struct ctl *c, char *args)
{
	struct pdu_status_fields f = {.smsc = "+447785016005"};
	struct pdu_segment seg;
	struct pdu_error err;
	char to[64];

	if (sscanf(args, "%d %d %63s", &f.mr, &f.status, to) != 3) {
		printf("error usage: status MR STATUS TO\n");
		return;
	}
	f.recipient = to;
	now_sms_time(&f.scts);
	f.discharge = f.scts;
	if (pdu_encode_status_report(&f, &seg, &err) < 0) {
		printf("error %s\n", err.msg);
		return;
	}
	printf("status %d\n", sim_deliver_status(c->sim, seg.hex));
}

static int hex_val(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

static void cmd_garbage(struct ctl *c, const char *hex)
{
	unsigned char bytes[512];
	size_t n = 0;

	while (hex[0] != '\0' && hex[1] != '\0' && n < sizeof(bytes)) {
		int hi = hex_val(hex[0]), lo = hex_val(hex[1]);
		if (hi < 0 || lo < 0)
			break;
		bytes[n++] = (unsigned char)(hi << 4 | lo);
		hex += 2;
	}
	sim_fault_garbage(c->sim, bytes, n);
	printf("ok\n");
}

static void run_command(struct ctl *c, char *line)
{
	char *cmd = strtok(line, " ");
	char *rest = strtok(NULL, "");
	int a = 0, b = 0;

	if (cmd == NULL)
		return;
	if (rest == NULL)
		rest = "";
	if (strcmp(cmd, "text") == 0) {
		cmd_text(c, rest);
	} else if (strcmp(cmd, "hex") == 0) {
		int idx = sim_deliver(c->sim, rest);
		if (idx < 0)
			printf("full %lld\n", (long long)(stamp_now() - c->t0));
		else
			printf("delivered %lld %d\n",
			       (long long)(stamp_now() - c->t0), idx);
	} else if (strcmp(cmd, "status") == 0) {
		cmd_status(c, rest);
	} else if (strcmp(cmd, "garbage") == 0) {
		cmd_garbage(c, rest);
	} else if (strcmp(cmd, "mute") == 0 && sscanf(rest, "%d", &a) == 1) {
		sim_fault_mute(c->sim, a);
		printf("ok\n");
	} else if (strcmp(cmd, "cms") == 0 &&
		   sscanf(rest, "%d %d", &a, &b) == 2) {
		sim_fault_cms_error(c->sim, a, b);
		printf("ok\n");
	} else if (strcmp(cmd, "full") == 0) {
		sim_fault_storage_full(c->sim, strcmp(rest, "on") == 0);
		printf("ok\n");
	} else if (strcmp(cmd, "drop") == 0) {
		sim_line_drop(c->sim);
		printf("ok\n");
	} else if (strcmp(cmd, "restore") == 0) {
		printf(sim_line_restore(c->sim) == 0 ? "ok\n" : "error\n");
	} else if (strcmp(cmd, "stored") == 0) {
		printf("stored %zu\n", sim_stored(c->sim));
	} else if (strcmp(cmd, "quit") == 0) {
		c->eof = 1;
	} else {
		printf("error unknown command '%s'\n", cmd);
	}
	fflush(stdout);
}

static void read_stdin(struct ctl *c)
{
	char buf[4096];
	ssize_t n = read(0, buf, sizeof(buf));

	if (n <= 0) {
		if (n == 0 || (errno != EINTR && errno != EAGAIN))
			c->eof = 1;
		return;
	}
	for (ssize_t i = 0; i < n; i++) {
		if (buf[i] == '\n') {
			c->line[c->line_len] = '\0';
			run_command(c, c->line);
			c->line_len = 0;
		} else if (c->line_len + 1 < sizeof(c->line)) {
			c->line[c->line_len++] = buf[i];
		}
	}
}

static void loop(struct ctl *c)
{
	while (!c->eof) {
		struct pollfd p[2] = {{.fd = 0, .events = POLLIN},
				      {.fd = sim_fd(c->sim), .events = POLLIN}};
		int64_t now = mono_ms();
		int64_t due = sim_next_deadline(c->sim);
		int timeout = 200;

		if (sim_wants_write(c->sim))
			p[1].events |= POLLOUT;
		if (due >= 0)
			timeout = due <= now ? 0 : (int)(due - now);
		if (timeout > 200)
			timeout = 200;
		if (poll(p, p[1].fd >= 0 ? 2 : 1, timeout) < 0 &&
		    errno != EINTR)
			break;
		if (p[0].revents & (POLLIN | POLLHUP))
			read_stdin(c);
		sim_step(c->sim, mono_ms());
		report_sent(c);
	}
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"link", required_argument, NULL, 'l'},
	    {"profile", required_argument, NULL, 'p'},
	    {"capacity", required_argument, NULL, 'n'},
	    {"model", required_argument, NULL, 'm'},
	    {"manufacturer", required_argument, NULL, 'M'},
	    {"usec", no_argument, NULL, 'u'},
	    {NULL, 0, NULL, 0}};
	struct sim_config cfg = {0};
	struct ctl c = {0};
	char err[256];
	int o;

	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (o) {
		case 'l':
			cfg.link_path = optarg;
			break;
		case 'p':
			cfg.profile = optarg;
			break;
		case 'n':
			cfg.capacity = (size_t)atoi(optarg);
			break;
		case 'm':
			cfg.model = optarg;
			break;
		case 'M':
			cfg.manufacturer = optarg;
			break;
		case 'u':
			stamp_usec = 1;
			break;
		default:
			fprintf(stderr,
				"usage: simctl [--link PATH] "
				"[--profile P] [--capacity N] [--usec]\n");
			return 2;
		}
	}
	c.sim = sim_new(&cfg, err, sizeof(err));
	if (c.sim == NULL) {
		fprintf(stderr, "simctl: %s\n", err);
		return 1;
	}
	c.t0 = stamp_now();
	c.accept_ms = -1;
	printf("ready %s\n", sim_device_path(c.sim));
	fflush(stdout);
	loop(&c);
	sim_free(c.sim);
	return 0;
}
