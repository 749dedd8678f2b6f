/*
 * rig: see rig.h. Test support code, linked into every test binary.
 */
#include "support/rig.h"

#include "smsdesk/pdu.h"
#include "smsdesk/sim.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int64_t rig_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf;
	long n;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = calloc((size_t)n + 1, 1);
	if (buf != NULL && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

/* Write TEMPLATE to PATH with each KEY replaced by VALUE. */
static int write_filled(const char *path, const char *tmpl, const char *key1,
			const char *val1, const char *key2, const char *val2)
{
	FILE *f = fopen(path, "w");
	const char *p = tmpl;

	if (f == NULL)
		return -1;
	while (*p != '\0') {
		if (strncmp(p, key1, strlen(key1)) == 0) {
			fputs(val1, f);
			p += strlen(key1);
		} else if (strncmp(p, key2, strlen(key2)) == 0) {
			fputs(val2, f);
			p += strlen(key2);
		} else {
			fputc(*p++, f);
		}
	}
	return fclose(f);
}

int rig_init(struct rig *r, int n_modems, const char *now)
{
	const char *src = getenv("SMSDESK_SRC");
	char tmpl_path[512], modems[512] = "", err[256];
	char *tmpl;

	memset(r, 0, sizeof(*r));
	/* $TMPDIR when set and short enough (make soak runs in its own, so a
	 * clean-up of /tmp/smsdesk-* cannot pull the floor away mid-run). */
	const char *tmp = getenv("TMPDIR");
	if (tmp == NULL || tmp[0] == '\0' || strlen(tmp) > 32)
		tmp = "/tmp";
	snprintf(r->dir, sizeof(r->dir), "%s/smsdesk-e2e.XXXXXX", tmp);
	if (src == NULL || mkdtemp(r->dir) == NULL || n_modems < 1 ||
	    n_modems > RIG_MAX_MODEMS)
		return -1;
	snprintf(r->now, sizeof(r->now), "%s", now ? now : "");
	snprintf(r->cfg, sizeof(r->cfg), "%s/smsdesk.cfg", r->dir);
	snprintf(r->db, sizeof(r->db), "%s/smsdesk.db", r->dir);
	snprintf(r->log, sizeof(r->log), "%s/serve.log", r->dir);
	char dir[sizeof(r->dir)];
	memcpy(dir, r->dir, sizeof(dir));
	for (int i = 0; i < n_modems; i++) {
		struct sim_config sc = {0};
		size_t len = strlen(modems);
		snprintf(r->links[i], sizeof(r->links[i]), "%s/modem%d", dir,
			 i);
		sc.link_path = r->links[i];
		r->sims[i] = sim_new(&sc, err, sizeof(err));
		if (r->sims[i] == NULL) {
			fprintf(stderr, "rig: %s\n", err);
			return -1;
		}
		snprintf(modems + len, sizeof(modems) - len,
			 "%s{ device = \"%s\"; baud = 115200; pin = \"\"; }",
			 i > 0 ? ", " : "", r->links[i]);
		r->n_modems++;
	}
	snprintf(tmpl_path, sizeof(tmpl_path), "%s/tests/data/e2e.cfg", src);
	tmpl = read_file(tmpl_path);
	if (tmpl == NULL)
		return -1;
	int rc = write_filled(r->cfg, tmpl, "@MODEMS@", modems, "@DB@", r->db);
	free(tmpl);
	return rc;
}

int rig_start(struct rig *r)
{
	const char *bin = getenv("SMSDESK_BIN");
	pid_t pid;

	if (bin == NULL)
		return -1;
	fflush(NULL);
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int fd = open(r->log, O_WRONLY | O_CREAT | O_APPEND, 0600);
		if (fd >= 0) {
			dup2(fd, 2);
			dup2(fd, 1);
		}
		char *argv[16];
		int n = 0;
		argv[n++] = (char *)bin;
		argv[n++] = "serve";
		argv[n++] = "-v";
		argv[n++] = "-c";
		argv[n++] = r->cfg;
		if (r->now[0] != '\0') {
			argv[n++] = "--now";
			argv[n++] = r->now;
		}
		for (int i = 0; i < 4; i++)
			if (r->extra[i][0] != '\0')
				argv[n++] = r->extra[i];
		argv[n] = NULL;
		execv(bin, argv);
		_exit(127);
	}
	r->serve = pid;
	return 0;
}

int rig_kill(struct rig *r, int sig)
{
	int status = 0;
	int64_t until = rig_ms() + 20000;

	if (r->serve <= 0)
		return -1;
	kill(r->serve, sig);
	/* Keep the modems answering while the daemon finishes. */
	while (waitpid(r->serve, &status, WNOHANG) == 0) {
		rig_pump(r, 20);
		if (rig_ms() > until) {
			kill(r->serve, SIGKILL);
			waitpid(r->serve, &status, 0);
			break;
		}
	}
	r->serve = 0;
	for (int m = 0; m < r->n_modems; m++)
		sim_port_released(r->sims[m]);
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + WTERMSIG(status);
}

static void add_reply(struct rig *r, const char *to, const char *text,
		      int segments, int total, int modem)
{
	struct rig_reply *rep;

	if (r->n_replies == RIG_MAX_REPLIES)
		return;
	rep = &r->replies[r->n_replies++];
	snprintf(rep->to, sizeof(rep->to), "%s", to);
	snprintf(rep->text, sizeof(rep->text), "%s", text);
	rep->segments = segments;
	rep->total = total;
	rep->modem = modem;
}

/* A part of a long reply: complete the reply when every part is in. */
static void add_part(struct rig *r, const struct sms_pdu *p, int modem)
{
	int have = 0;
	char text[2048] = "";

	for (size_t i = 0; i < r->n_parts; i++) {
		struct rig_part *q = &r->parts[i];
		if (q->ref == p->concat.ref && q->total == p->concat.total &&
		    strcmp(q->to, p->number) == 0 && q->seq == p->concat.seq)
			return; /* a resend of a part we have */
	}
	if (r->n_parts < 256) {
		struct rig_part *q = &r->parts[r->n_parts++];
		snprintf(q->to, sizeof(q->to), "%s", p->number);
		q->ref = p->concat.ref;
		q->total = p->concat.total;
		q->seq = p->concat.seq;
		q->modem = modem;
		snprintf(q->text, sizeof(q->text), "%s", p->text);
	}
	for (int seq = 1; seq <= p->concat.total; seq++)
		for (size_t i = 0; i < r->n_parts; i++) {
			struct rig_part *q = &r->parts[i];
			if (q->ref == p->concat.ref &&
			    q->total == p->concat.total && q->seq == seq &&
			    strcmp(q->to, p->number) == 0) {
				strncat(text, q->text,
					sizeof(text) - strlen(text) - 1);
				have++;
			}
		}
	if (have < p->concat.total)
		return;
	add_reply(r, p->number, text, have, p->concat.total, modem);
	for (size_t i = 0; i < r->n_parts;) {
		struct rig_part *q = &r->parts[i];
		if (q->ref == p->concat.ref && q->total == p->concat.total &&
		    strcmp(q->to, p->number) == 0)
			*q = r->parts[--r->n_parts];
		else
			i++;
	}
}

static void collect(struct rig *r)
{
	for (int m = 0; m < r->n_modems; m++) {
		size_t n = sim_sent_count(r->sims[m]);
		for (; r->seen[m] < n; r->seen[m]++) {
			struct sms_pdu pdu;
			struct pdu_error err;
			const char *hex = sim_sent_pdu(r->sims[m], r->seen[m]);
			if (pdu_decode(hex, PDU_SMSC_AUTO, &pdu, &err) < 0) {
				add_reply(r, "?", err.msg, 1, 1, m);
				continue;
			}
			if (pdu.concat.present && pdu.concat.total > 1)
				add_part(r, &pdu, m);
			else
				add_reply(r, pdu.number, pdu.text, 1, 1, m);
		}
	}
}

void rig_pump(struct rig *r, int ms)
{
	int64_t until = rig_ms() + ms;

	do {
		struct pollfd p[RIG_MAX_MODEMS];
		int n = 0, timeout = 10;
		for (int m = 0; m < r->n_modems; m++) {
			p[n].fd = sim_fd(r->sims[m]);
			p[n].events = POLLIN;
			if (sim_wants_write(r->sims[m]))
				p[n].events |= POLLOUT;
			n++;
		}
		poll(p, (nfds_t)n, timeout);
		for (int m = 0; m < r->n_modems; m++)
			sim_step(r->sims[m], rig_ms());
		collect(r);
	} while (rig_ms() < until);
}

int rig_text(struct rig *r, int m, const char *from, const char *text)
{
	struct pdu_deliver_options opt = {.smsc = "+447785016005",
					  .msg_class = -1};
	struct pdu_segment segs[16];
	struct pdu_error err;
	int n;

	/* A network stamps each text; a second apart keeps identical texts
	 * distinct messages, as they are on a real network. */
	sms_time_from_utc((int64_t)time(NULL) + r->concat_ref, 0,
			  &opt.timestamp);
	opt.concat_ref = r->concat_ref++ & 0xFF;
	n = pdu_encode_deliver(text, from, &opt, segs, 16, &err);
	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++)
		if (sim_deliver(r->sims[m], segs[i].hex) < 0)
			return -1;
	return n;
}

static int log_has(const struct rig *r, const char *needle)
{
	FILE *f = fopen(r->log, "r");
	char line[4096];
	int found = 0;

	if (f == NULL)
		return 0;
	while (!found && fgets(line, sizeof(line), f) != NULL)
		found = strstr(line, needle) != NULL;
	fclose(f);
	return found;
}

int rig_wait_log(struct rig *r, const char *needle, int timeout_ms)
{
	int64_t until = rig_ms() + timeout_ms;

	while (!log_has(r, needle)) {
		if (rig_ms() > until)
			return -1;
		rig_pump(r, 20);
	}
	return 0;
}

size_t rig_count(const struct rig *r, const char *to)
{
	size_t n = 0;

	for (size_t i = 0; i < r->n_replies; i++)
		if (to == NULL || strcmp(r->replies[i].to, to) == 0)
			n++;
	return n;
}

const struct rig_reply *rig_last(const struct rig *r, const char *to)
{
	for (size_t i = r->n_replies; i > 0; i--)
		if (to == NULL || strcmp(r->replies[i - 1].to, to) == 0)
			return &r->replies[i - 1];
	return NULL;
}

size_t rig_wait_replies(struct rig *r, const char *to, size_t n, int timeout_ms)
{
	int64_t until = rig_ms() + timeout_ms;

	while (rig_count(r, to) < n && rig_ms() < until)
		rig_pump(r, 20);
	return rig_count(r, to);
}

static size_t total_sent(const struct rig *r)
{
	size_t n = 0;

	for (int m = 0; m < r->n_modems; m++)
		n += sim_sent_count(r->sims[m]);
	return n;
}

static size_t total_stored(const struct rig *r)
{
	size_t n = 0;

	for (int m = 0; m < r->n_modems; m++)
		n += sim_stored(r->sims[m]);
	return n;
}

int rig_settle(struct rig *r, int quiet_ms, int timeout_ms)
{
	int64_t until = rig_ms() + timeout_ms, last = rig_ms();
	size_t sent = total_sent(r);

	while (rig_ms() < until) {
		rig_pump(r, 20);
		if (total_sent(r) != sent) {
			sent = total_sent(r);
			last = rig_ms();
		}
		if (total_stored(r) == 0 && rig_ms() - last >= quiet_ms)
			return 0;
	}
	return -1;
}

int rig_cli(struct rig *r, char *out, size_t cap, const char *args)
{
	const char *bin = getenv("SMSDESK_BIN");
	char cmd[1024];
	FILE *p;
	size_t n;

	snprintf(cmd, sizeof(cmd), "%s %s 2>&1", bin, args);
	setenv("SMSDESK_CONFIG", r->cfg, 1);
	p = popen(cmd, "r");
	if (p == NULL)
		return -1;
	n = fread(out, 1, cap - 1, p);
	out[n] = '\0';
	int status = pclose(p);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void rig_free(struct rig *r)
{
	char cmd[128];

	if (r->serve > 0)
		rig_kill(r, SIGKILL);
	for (int m = 0; m < r->n_modems; m++)
		sim_free(r->sims[m]);
	if (getenv("RIG_KEEP") == NULL && r->dir[0] != '\0') {
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", r->dir);
		if (system(cmd) != 0)
			fprintf(stderr, "rig: could not remove %s\n", r->dir);
	}
}
