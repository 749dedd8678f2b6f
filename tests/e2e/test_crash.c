/*
 * Crash safety, end to end: SIGKILL the real `smsdesk serve` at random
 * moments while customers text, staff send long texts, customers opt out
 * and another process holds the database's write lock, restart it, and in
 * the end check the promises:
 *
 * - no inbound text lost: every text the simulated network delivered is in
 *   the inbox and every customer who did not opt out got an answer;
 * - nothing sent to a number after its STOP was confirmed (the confirmation
 *   itself excepted);
 * - duplicates only inside the one window the protocol allows: a part the
 *   modem may have sent (AT+CMGS written) that our database had not yet
 *   marked sent when the kill came. Before each restart the database is
 *   read (with the sqlite3 tool, as an operator would) for the parts left
 *   "sending"; a part sent twice that was never in that state at a kill is
 *   a duplicate outside the window: a bug.
 *
 * `make check` runs a few rounds (CRASH_ROUNDS, default 15); `make soak`
 * runs 1,000 (SOAK=1 prints the figures as the soak's report). SOAK_SEED
 * replays a run.
 */
#include "harness.h"
#include "support/rig.h"

#include "smsdesk/pdu.h"
#include "smsdesk/sim.h"
#include "smsdesk/store.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define NOW	   "2026-12-01T09:00" /* a Tuesday, 09:00 in London (UTC+0) */
#define MAX_ROUNDS 5000

/* One number a round; what happened to it. */
struct customer {
	char number[24];
	int texted;	    /* delivered to the simulated modem */
	int pending;	    /* the network holds it: the SIM was full */
	char text[400];	    /* what it texted (for a retry) */
	int opted_out;	    /* texted STOP */
	int stop_confirmed; /* the "opted out" reply was seen */
	int staff_texts;    /* staff texts accepted by `smsdesk send` */
	char staff[400];    /* what staff sent it */
	int violations;	    /* texts it got after its STOP was confirmed */
};

struct soak {
	struct rig *r;
	unsigned seed;
	int rounds;
	struct customer *c;
	int n;
	/* parts ever seen "sending" at a kill: the allowed window */
	char **window;
	size_t n_window, cap_window;
	size_t seen; /* sent PDUs already looked at */
	char **sent; /* every sent PDU's hex, in order */
	size_t n_sent, cap_sent;
	pid_t hog; /* a competing writer, 0 when none */
	int kills, kills_multipart, kills_part_on_wire, kills_writer, hogs;
	int refused_sends;
};

static int push(char ***v, size_t *n, size_t *cap, const char *s)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 64;
		char **nv = realloc(*v, c * sizeof(*nv));
		if (nv == NULL)
			return -1;
		*v = nv;
		*cap = c;
	}
	(*v)[*n] = strdup(s);
	if ((*v)[*n] == NULL)
		return -1;
	(*n)++;
	return 0;
}

static int in_list(char **v, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return 1;
	return 0;
}

static struct customer *by_number(struct soak *s, const char *number)
{
	for (int i = 0; i < s->n; i++)
		if (strcmp(s->c[i].number, number) == 0)
			return &s->c[i];
	return NULL;
}

/*
 * Look at what the modem sent since last time: remember each PDU, notice
 * STOP confirmations, and count texts to numbers whose STOP was confirmed
 * before (a part of the confirmation sent again is not a new text).
 */
static void look_at_sent(struct soak *s)
{
	size_t n = sim_sent_count(s->r->sims[0]);

	for (; s->seen < n; s->seen++) {
		const char *hex = sim_sent_pdu(s->r->sims[0], s->seen);
		struct sms_pdu pdu;
		struct pdu_error err;
		int again = in_list(s->sent, s->n_sent, hex);

		push(&s->sent, &s->n_sent, &s->cap_sent, hex);
		if (pdu_decode(hex, PDU_SMSC_AUTO, &pdu, &err) < 0)
			continue;
		struct customer *c = by_number(s, pdu.number);
		if (c == NULL)
			continue;
		if (c->opted_out && strstr(pdu.text, "opted out") != NULL)
			c->stop_confirmed = 1;
		else if (c->stop_confirmed && !again)
			c->violations++;
	}
}

static void pump(struct soak *s, int ms)
{
	rig_pump(s->r, ms);
	look_at_sent(s);
}

/*
 * The database as an operator's sqlite3 sees it after the kill: parts left
 * "sending" (the window) and whether a long text was half sent.
 */
static void read_window(struct soak *s)
{
	char cmd[1024], line[1024];
	FILE *p;
	int multipart = 0;

	snprintf(
	    cmd, sizeof(cmd),
	    "sqlite3 -batch '%s' '.timeout 3000' "
	    "\"SELECT 'W ' || upper(pdu_hex) FROM out_part WHERE state = 1\" "
	    "\"SELECT 'M ' || count(*) FROM out_msg m WHERE m.n_parts > 1"
	    " AND EXISTS (SELECT 1 FROM out_part p WHERE p.msg_id = m.id"
	    " AND p.state IN (1, 2, 3)) AND EXISTS (SELECT 1 FROM out_part"
	    " p WHERE p.msg_id = m.id AND p.state IN (0, 1))\" "
	    "\"SELECT 'S ' || count(*) FROM out_part p JOIN out_msg m"
	    " ON m.id = p.msg_id WHERE m.n_parts > 1 AND p.state = 1\" "
	    "2>&1",
	    s->r->db);
	p = popen(cmd, "r");
	if (p == NULL)
		return;
	while (fgets(line, sizeof(line), p) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		if (strncmp(line, "W ", 2) == 0) {
			if (!in_list(s->window, s->n_window, line + 2))
				push(&s->window, &s->n_window, &s->cap_window,
				     line + 2);
		} else if (strncmp(line, "M ", 2) == 0) {
			multipart = atoi(line + 2) > 0;
		} else if (strncmp(line, "S ", 2) == 0) {
			s->kills_part_on_wire += atoi(line + 2) > 0;
		} else if (strstr(line, "no such table") == NULL) {
			printf("  sqlite3: %s\n", line);
		}
	}
	pclose(p);
	s->kills_multipart += multipart;
}

/* A competing writer: another process holding the write lock for a while,
 * as a backup, a staff command or a report can. */
static void start_hog(struct soak *s, int hold_ms)
{
	pid_t pid;

	if (s->hog > 0)
		return;
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		char err[256];
		struct store *st = store_open(s->r->db, 0, err, sizeof(err));
		struct timespec ts = {.tv_sec = hold_ms / 1000,
				      .tv_nsec = (hold_ms % 1000) * 1000000L};
		if (st != NULL && store_begin(st) == 0) {
			nanosleep(&ts, NULL);
			store_commit(st);
		}
		store_close(st);
		_exit(0);
	}
	if (pid > 0) {
		s->hog = pid;
		s->hogs++;
	}
}

static int hog_running(struct soak *s)
{
	if (s->hog > 0 && waitpid(s->hog, NULL, WNOHANG) == s->hog)
		s->hog = 0;
	return s->hog > 0;
}

static void deliver(struct soak *s, struct customer *c)
{
	if (rig_text(s->r, 0, c->number, c->text) < 0) {
		c->pending = 1; /* SIM full: the network keeps it */
		return;
	}
	c->pending = 0;
	c->texted = 1;
}

static const char *const inquiries[] = {
    "how much is a haircut?",
    "price of a beard trim?",
    "when are you open on saturday",
    "do you do nails",
    "can I book a haircut tomorrow at 11am?",
};

static const char long_inquiry[] =
    "Hello there, I hope you are well. I was in last month and really liked "
    "the cut, so I wanted to come back again before the holidays. My brother "
    "recommended you years ago and we both keep coming. Anyway, how much is "
    "a beard trim these days? Thanks a lot and all the best, cheers.";

static const char staff_text[] =
    "Your order is ready: two bottles of beard oil, one comb and the gift "
    "voucher you asked about. We keep it at the desk until Saturday; bring "
    "your booking reference please. Thanks! (round %d)";

static void round_stimulus(struct soak *s, int i)
{
	struct customer *c = &s->c[s->n++];
	int kind = rand() % 10;
	char out[512], cmd[512];

	snprintf(c->number, sizeof(c->number), "+4477009%05d", 30000 + i);
	if (kind <= 4) {
		snprintf(c->text, sizeof(c->text), "%s", inquiries[rand() % 5]);
	} else if (kind == 5) {
		snprintf(c->text, sizeof(c->text), "%s", long_inquiry);
	} else if (kind == 6) {
		/* A long staff text (two parts) to someone, then they ask. */
		snprintf(cmd, sizeof(cmd), "send --to %s '", c->number);
		snprintf(c->staff, sizeof(c->staff), staff_text, i);
		snprintf(cmd + strlen(cmd), sizeof(cmd) - strlen(cmd), "%s'",
			 c->staff);
		if (rig_cli(s->r, out, sizeof(out), cmd) == 0)
			c->staff_texts++;
		snprintf(c->text, sizeof(c->text), "%s", inquiries[0]);
	} else if (kind == 7) {
		c->opted_out = 1;
		snprintf(c->text, sizeof(c->text), "STOP");
	} else {
		/* Someone whose STOP was confirmed texts again, and staff try
		 * to text them: nothing may reach them. */
		struct customer *o = NULL;
		for (int k = 0; k < s->n - 1 && o == NULL; k++)
			if (s->c[k].stop_confirmed && rand() % 3 == 0)
				o = &s->c[k];
		if (o != NULL) {
			rig_text(s->r, 0, o->number,
				 "can I book a haircut tomorrow at 3pm?");
			snprintf(cmd, sizeof(cmd),
				 "send --to %s 'We miss you! 10%% off'",
				 o->number);
			if (rig_cli(s->r, out, sizeof(out), cmd) != 0)
				s->refused_sends++;
		}
		snprintf(c->text, sizeof(c->text), "%s", inquiries[rand() % 5]);
	}
	deliver(s, c);
	if (kind == 9 || rand() % 4 == 0)
		start_hog(s, 200 + rand() % 1300);
}

static void soak_run(struct soak *s)
{
	struct rig *r = s->r;

	for (int i = 0; i < s->rounds; i++) {
		for (int k = 0; k < s->n; k++)
			if (s->c[k].pending)
				deliver(s, &s->c[k]);
		round_stimulus(s, i);
		pump(s, rand() % 700);
		s->kills_writer += hog_running(s);
		rig_kill(r, SIGKILL);
		s->kills++;
		look_at_sent(s);
		if (access(r->cfg, R_OK) != 0) {
			printf("  %s is gone: something removed the scratch "
			       "directory; stopping at round %d\n",
			       r->dir, i);
			CHECK(!"scratch directory kept");
			return;
		}
		read_window(s);
		if (rig_start(r) != 0) {
			CHECK(!"restarted");
			return;
		}
		if ((i + 1) % 100 == 0) {
			printf("  round %d: %zu parts sent, %d kills\n", i + 1,
			       s->n_sent, s->kills);
			fflush(stdout);
		}
	}
	/* Let the network hand over what it kept, then let it all settle. */
	for (int tries = 0; tries < 60; tries++) {
		int left = 0;
		for (int k = 0; k < s->n; k++)
			if (s->c[k].pending) {
				deliver(s, &s->c[k]);
				left += s->c[k].pending;
			}
		if (left == 0)
			break;
		pump(s, 1000);
	}
	while (hog_running(s))
		pump(s, 50);
	rig_settle(r, 3000, 180000);
	look_at_sent(s);
}

/* Senders in the inbox, from the database. */
static int inbox_has(struct rig *r, const char *number)
{
	char cmd[512], line[64];
	FILE *p;
	int n = 0;

	snprintf(cmd, sizeof(cmd),
		 "sqlite3 -batch '%s' '.timeout 3000' "
		 "\"SELECT count(*) FROM inbox WHERE sender = '%s'\"",
		 r->db, number);
	p = popen(cmd, "r");
	if (p == NULL)
		return -1;
	if (fgets(line, sizeof(line), p) != NULL)
		n = atoi(line);
	pclose(p);
	return n;
}

/* Parts sent to C that answer it (not parts of a staff text). */
static size_t replies_to(struct soak *s, const struct customer *c)
{
	size_t n = 0;

	for (size_t i = 0; i < s->n_sent; i++) {
		struct sms_pdu pdu;
		struct pdu_error err;
		if (pdu_decode(s->sent[i], PDU_SMSC_AUTO, &pdu, &err) == 0 &&
		    strcmp(pdu.number, c->number) == 0 &&
		    (c->staff[0] == '\0' || strstr(c->staff, pdu.text) == NULL))
			n++;
	}
	return n;
}

static void test_killed_and_restarted(void)
{
	const char *env = getenv("CRASH_ROUNDS");
	const char *seed = getenv("SOAK_SEED");
	struct soak s = {0};
	struct rig *r = calloc(1, sizeof(*r));
	int lost = 0, unanswered = 0, violations = 0, texted = 0, stops = 0;
	int dup = 0, dup_outside = 0;

	s.rounds = env != NULL ? atoi(env) : 15;
	if (s.rounds < 1 || s.rounds > MAX_ROUNDS)
		s.rounds = 15;
	s.seed = seed != NULL ? (unsigned)strtoul(seed, NULL, 10)
			      : (unsigned)time(NULL);
	srand(s.seed);
	s.c = calloc((size_t)s.rounds, sizeof(*s.c));
	s.r = r;
	if (r == NULL || s.c == NULL || rig_init(r, 1, NOW) != 0 ||
	    rig_start(r) != 0) {
		CHECK(!"rig started");
		goto out;
	}
	/* Sends take a little while, so kills land inside them. */
	sim_set_delay(r->sims[0], "+CMGS", 120);
	rig_pump(r, 300);
	soak_run(&s);
	CHECK_INT(rig_kill(r, SIGTERM), 0);

	for (int k = 0; k < s.n; k++) {
		struct customer *c = &s.c[k];
		if (!c->texted)
			continue;
		texted++;
		stops += c->opted_out;
		if (inbox_has(r, c->number) <= 0)
			lost++;
		else if (!c->opted_out && replies_to(&s, c) == 0)
			unanswered++;
		violations += c->violations;
	}
	for (size_t i = 0; i < s.n_sent; i++) {
		int earlier = 0;
		for (size_t j = 0; j < i && !earlier; j++)
			earlier = strcmp(s.sent[j], s.sent[i]) == 0;
		if (!earlier)
			continue;
		dup++;
		if (!in_list(s.window, s.n_window, s.sent[i]))
			dup_outside++;
	}
	printf("  %s (seed %u): %d rounds, %d SIGKILLs: %d with a long text "
	       "part-sent (%d with one of its parts on the wire), %d during a "
	       "competing writer's lock (%d writers)\n",
	       getenv("SOAK") ? "soak" : "crash test", s.seed, s.rounds,
	       s.kills, s.kills_multipart, s.kills_part_on_wire, s.kills_writer,
	       s.hogs);
	printf("  inbound: %d texts, %d lost, %d unanswered; opted out: %d, "
	       "%d texts to them after STOP (%d staff sends refused)\n",
	       texted, lost, unanswered, stops, violations, s.refused_sends);
	printf("  outbound: %zu parts sent, %d duplicates (%d inside the "
	       "+CMGS-to-commit window, %zu parts were in it at a kill; %d "
	       "outside it)\n",
	       s.n_sent, dup, dup - dup_outside, s.n_window, dup_outside);
	CHECK_INT(lost, 0);
	CHECK_INT(unanswered, 0);
	CHECK_INT(violations, 0);
	CHECK_INT(dup_outside, 0);
	CHECK(texted > 0);
out:
	if (s.hog > 0) {
		kill(s.hog, SIGKILL);
		waitpid(s.hog, NULL, 0);
	}
	if (r != NULL)
		rig_free(r);
	free(r);
	for (size_t i = 0; i < s.n_window; i++)
		free(s.window[i]);
	for (size_t i = 0; i < s.n_sent; i++)
		free(s.sent[i]);
	free(s.window);
	free(s.sent);
	free(s.c);
}

int main(void)
{
	RUN(test_killed_and_restarted);
	return h_done();
}
