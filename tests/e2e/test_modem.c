/*
 * modem end to end: the real driver (modem + at + serial) against the
 * simulated modem on a pseudo-terminal, both stepped from one poll() loop
 * in this process. Time is virtual: it only jumps to the next deadline when
 * both sides have been quiet for a while in real time, so a 65 s send
 * timeout costs a few milliseconds and no test sleeps.
 *
 * PDUs are published examples, copied with their source:
 * - DELIVER_1: /work/shared/pdu-vectors.json "dreamfabric-deliver"
 *   (the SMS-DELIVER of the dreamfabric.com PDU tutorial, "How are you?").
 * - DELIVER_2: pdu-vectors.json "gsm7-plain" (gammu 1.42 EncodePDU).
 * - SUBMIT: the SMS-SUBMIT of the same tutorial ("hellohello" to
 *   +46708251358), with "00" for the SIM's SMSC: 23 TPDU octets.
 */
#include "harness.h"
#include "smsdesk/modem.h"
#include "smsdesk/sim.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char DELIVER_1[] = "07911326040000F0040B911346610089F60000208062"
				"917314080CC8F71D14969741F977FD07";
static const char DELIVER_2[] =
    "0791447758100650000C9144770009001000006211329000000023C3B01B94049DCB7450"
    "18840EA7E5E33A1D447FB7DF72F9FB0E0AD34131D80F";
static const char SUBMIT[] = "0011000B916407281553F80000AA0AE8329BFD4697D9EC37";
/* An SMS-STATUS-REPORT built by hand per 23.040 9.2.2.3: no SMSC, TP-MTI
 * 10, MR 5, the SUBMIT's recipient, two timestamps, TP-ST 0 (delivered). */
static const char STATUS[] = "000605"
			     "0B916407281553F8"
			     "99309251619580"
			     "99309251619580"
			     "00";

#define MAX_MSGS 16

struct world {
	struct sim *sim;
	struct modem *m;
	int64_t now;
	char states[1024]; /* "starting;ready;closed;..." */
	char last_reason[256];
	int n_msgs;
	int msg_index[MAX_MSGS];
	char msg_mem[MAX_MSGS][4];
	unsigned msg_epoch[MAX_MSGS];
	char msg_pdu[MAX_MSGS][400];
	int msg_tpdu_len[MAX_MSGS];
	int n_reports;
	char report_pdu[400];
	int n_results;
	struct modem_send_result results[8];
	void *result_cookie[8];
	int n_full;
	int n_warnings;
	int auto_delete; /* delete each message as it comes (committed) */
	int n_seen;	 /* messages handed over, all of them */
	/* The PIN guard's memory: one refused (sim id, PIN). */
	char refused_id[64], refused_pin[16];
	int n_guard_asked, n_guard_results, last_accepted;
	unsigned long ccid_before;
};

static void on_message(void *ctx, const struct modem_message *msg)
{
	struct world *w = ctx;

	w->n_seen++;
	if (w->auto_delete)
		modem_delete(w->m, msg);
	if (w->n_msgs == MAX_MSGS)
		return;
	w->msg_index[w->n_msgs] = msg->index;
	snprintf(w->msg_mem[w->n_msgs], sizeof(w->msg_mem[0]), "%s",
		 msg->memory);
	w->msg_epoch[w->n_msgs] = msg->epoch;
	snprintf(w->msg_pdu[w->n_msgs], sizeof(w->msg_pdu[0]), "%s",
		 msg->pdu_hex);
	w->msg_tpdu_len[w->n_msgs] = msg->tpdu_len;
	w->n_msgs++;
}

static void on_report(void *ctx, const struct modem_message *msg)
{
	struct world *w = ctx;

	w->n_reports++;
	snprintf(w->report_pdu, sizeof(w->report_pdu), "%s", msg->pdu_hex);
	if (msg->index >= 0)
		modem_delete(w->m, msg);
}

/* The caller committed message I: delete it where it was read. */
static int del(struct world *w, int i)
{
	struct modem_message msg = {.index = w->msg_index[i],
				    .memory = w->msg_mem[i],
				    .epoch = w->msg_epoch[i]};

	return modem_delete(w->m, &msg);
}

static void on_send(void *ctx, const struct modem_send_result *r)
{
	struct world *w = ctx;

	if (w->n_results == 8)
		return;
	w->results[w->n_results] = *r;
	w->results[w->n_results].error = NULL; /* borrowed */
	w->result_cookie[w->n_results] = r->cookie;
	w->n_results++;
}

static void on_state(void *ctx, enum modem_state s, const char *reason)
{
	struct world *w = ctx;
	size_t n = strlen(w->states);

	snprintf(w->states + n, sizeof(w->states) - n, "%s;",
		 modem_state_name(s));
	snprintf(w->last_reason, sizeof(w->last_reason), "%s", reason);
}

static void on_warning(void *ctx, enum modem_warning wr, const char *text)
{
	struct world *w = ctx;

	(void)text;
	w->n_warnings++;
	if (wr == MODEM_WARN_STORAGE_FULL)
		w->n_full++;
}

static int guard_refused(void *ctx, const char *sim_id, const char *pin)
{
	struct world *w = ctx;

	w->n_guard_asked++;
	return strcmp(w->refused_id, sim_id) == 0 &&
	       strcmp(w->refused_pin, pin) == 0;
}

static void guard_result(void *ctx, const char *sim_id, const char *pin,
			 int accepted)
{
	struct world *w = ctx;

	w->n_guard_results++;
	w->last_accepted = accepted;
	if (!accepted) {
		snprintf(w->refused_id, sizeof(w->refused_id), "%s", sim_id);
		snprintf(w->refused_pin, sizeof(w->refused_pin), "%s", pin);
	} else if (strcmp(w->refused_id, sim_id) == 0) {
		w->refused_id[0] = '\0';
	}
}

static char link_path[64];

static int world_open(struct world *w, const struct sim_config *scfg,
		      const char *pin)
{
	char err[256];
	struct sim_config def = {0};
	struct modem_callbacks cb = {
	    .message = on_message,
	    .status_report = on_report,
	    .send_result = on_send,
	    .state = on_state,
	    .warning = on_warning,
	};
	struct modem_config mcfg = {.pin = pin};

	memset(w, 0, sizeof(*w));
	w->now = 1000000;
	snprintf(link_path, sizeof(link_path), "/tmp/smsdesk-e2e-modem-%d",
		 (int)getpid());
	def = scfg != NULL ? *scfg : def;
	def.link_path = link_path;
	w->sim = sim_new(&def, err, sizeof(err));
	if (w->sim == NULL) {
		printf("  sim_new: %s\n", err);
		return -1;
	}
	cb.ctx = w;
	mcfg.device = sim_device_path(w->sim);
	w->m = modem_new(&mcfg, &cb);
	return w->m == NULL ? -1 : 0;
}

static void world_close(struct world *w)
{
	modem_free(w->m);
	sim_free(w->sim);
}

static int64_t earliest(int64_t a, int64_t b)
{
	if (a < 0)
		return b;
	if (b < 0)
		return a;
	return a < b ? a : b;
}

typedef int (*until_fn)(struct world *w);

/*
 * Step both sides until DONE says so or VIRTUAL_MS of virtual time passed.
 * Returns 1 when DONE was reached.
 */
static int spin(struct world *w, until_fn done, int64_t virtual_ms)
{
	int64_t end = w->now + virtual_ms;
	int quiet = 0;

	while (w->now <= end) {
		struct pollfd p[2];
		int sfd = sim_fd(w->sim), mfd = modem_fd(w->m);
		short mrev = 0;

		if (done != NULL && done(w))
			return 1;
		p[0].fd = sfd;
		p[0].events =
		    (short)(POLLIN | (sim_wants_write(w->sim) ? POLLOUT : 0));
		p[0].revents = 0;
		p[1].fd = mfd;
		p[1].events = modem_poll_events(w->m);
		p[1].revents = 0;
		int r = poll(p, 2, 10);
		mrev = p[1].revents;
		if (r == 0 && ++quiet >= 2) {
			/* Both quiet: jump to the next thing either waits for.
			 */
			int64_t d = earliest(sim_next_deadline(w->sim),
					     modem_next_deadline(w->m));
			if (d < 0)
				d = end + 1; /* nothing will ever happen */
			w->now = d > w->now ? d : w->now + 1;
			quiet = 0;
		} else if (r > 0) {
			quiet = 0;
		}
		sim_step(w->sim, w->now);
		modem_step(w->m, mrev, w->now);
	}
	return done != NULL ? done(w) : 1;
}

static int is_ready(struct world *w)
{
	return modem_is_ready(w->m);
}

static int one_msg(struct world *w)
{
	return w->n_msgs >= 1;
}

static int two_msgs(struct world *w)
{
	return w->n_msgs >= 2;
}

static int one_result(struct world *w)
{
	return w->n_results >= 1;
}

static int two_results(struct world *w)
{
	return w->n_results >= 2;
}

static int storage_empty(struct world *w)
{
	return sim_stored(w->sim) == 0;
}

static int failed(struct world *w)
{
	return modem_state(w->m) == MODEM_FAILED;
}

static int closed(struct world *w)
{
	return modem_state(w->m) == MODEM_CLOSED;
}

static int start(struct world *w)
{
	char err[256];
	int rc = modem_start(w->m, w->now, err, sizeof(err));

	if (rc != 0)
		printf("  modem_start: %s\n", err);
	CHECK_INT(rc, 0);
	return spin(w, is_ready, 60000);
}

static void test_startup(void)
{
	struct world w;
	const struct modem_info *info;

	if (world_open(&w, NULL, NULL) != 0) {
		CHECK(0);
		return;
	}
	CHECK_INT(modem_fd(w.m), -1);
	CHECK(start(&w));
	CHECK_STR(w.states, "starting;ready;");
	info = modem_info(w.m);
	CHECK_STR(info->manufacturer, "SIMCOM_Ltd");
	CHECK_STR(info->model, "SIMCOM_SIM800");
	CHECK_STR(info->quirk, "simcom-sim800");
	CHECK_STR(info->sim_state, "READY");
	CHECK_STR(info->storage, "SM");
	CHECK_INT(info->storage_used, 0);
	CHECK_INT(info->storage_total, 30);
	CHECK_STR(info->smsc, "+447785016005");
	CHECK_INT(info->rssi, 21);
	CHECK(info->reg_stat == 1 || info->reg_stat == 5);
	CHECK(info->imei[0] != '\0');
	CHECK(modem_fd(w.m) >= 0);
	world_close(&w);
}

static void test_receive_by_cmti(void)
{
	struct world w;

	if (world_open(&w, NULL, NULL) != 0 || !start(&w)) {
		CHECK(0);
		world_close(&w);
		return;
	}
	int idx = sim_deliver(w.sim, DELIVER_1);
	CHECK(idx >= 1);
	CHECK(spin(&w, one_msg, 10000));
	CHECK_INT(w.n_msgs, 1);
	CHECK_INT(w.msg_index[0], idx);
	CHECK_STR(w.msg_pdu[0], DELIVER_1);
	CHECK_INT(w.msg_tpdu_len[0], (int)(strlen(DELIVER_1) / 2) - 8);
	/* Not deleted until the caller says it is stored; meanwhile the
	 * health check finds it still there and hands it over again. */
	spin(&w, NULL, 5 * 60000);
	CHECK_INT(sim_stored(w.sim), 1);
	CHECK(w.n_msgs >= 2 && w.n_msgs <= 6);
	for (int i = 1; i < w.n_msgs; i++) {
		CHECK_INT(w.msg_index[i], idx);
		CHECK_STR(w.msg_pdu[i], DELIVER_1);
	}
	CHECK_INT(del(&w, w.n_msgs - 1), 0);
	CHECK(spin(&w, storage_empty, 10000));
	CHECK_STR(w.states, "starting;ready;");
	world_close(&w);
}

static void test_receive_stored_at_start(void)
{
	struct world w;

	if (world_open(&w, NULL, NULL) != 0) {
		CHECK(0);
		return;
	}
	CHECK(sim_deliver(w.sim, DELIVER_1) >= 1);
	CHECK(sim_deliver(w.sim, DELIVER_2) >= 1);
	CHECK(start(&w));
	CHECK(spin(&w, two_msgs, 10000));
	CHECK_INT(w.n_msgs, 2);
	CHECK_STR(w.msg_pdu[0], DELIVER_1);
	CHECK_STR(w.msg_pdu[1], DELIVER_2);
	CHECK(w.msg_index[0] != w.msg_index[1]);
	CHECK_INT(sim_stored(w.sim), 2);
	del(&w, 0);
	del(&w, 1);
	CHECK(spin(&w, storage_empty, 10000));
	world_close(&w);
}

static void test_send_and_failure(void)
{
	struct world w;
	int cookie_a, cookie_b, cookie_c;

	if (world_open(&w, NULL, NULL) != 0 || !start(&w)) {
		CHECK(0);
		world_close(&w);
		return;
	}
	/* Bad input is refused at the door. */
	CHECK_INT(modem_send_pdu(w.m, "00XY", 1, NULL), -1);
	CHECK_INT(modem_send_pdu(w.m, "001", 1, NULL), -1);
	CHECK_INT(modem_send_pdu(w.m, SUBMIT, 22, NULL), -1);
	CHECK_INT(modem_send_pdu(w.m, SUBMIT, 24, NULL), -1);
	CHECK_INT(modem_pending_sends(w.m), 0);
	CHECK_INT(modem_send_pdu(w.m, SUBMIT, 23, &cookie_a), 0);
	CHECK(spin(&w, one_result, 10000));
	CHECK(w.result_cookie[0] == &cookie_a);
	CHECK_INT(w.results[0].ok, 1);
	CHECK_INT(sim_sent_count(w.sim), 1);
	CHECK_STR(sim_sent_pdu(w.sim, 0), SUBMIT);
	CHECK_INT(w.results[0].mr, sim_sent_mr(w.sim, 0));

	/* The network refuses once: the error comes back, then a retry
	 * goes through. */
	sim_fault_cms_error(w.sim, 1, 500);
	w.n_results = 0;
	CHECK_INT(modem_send_pdu(w.m, SUBMIT, 23, &cookie_b), 0);
	CHECK_INT(modem_send_pdu(w.m, SUBMIT, 23, &cookie_c), 0);
	CHECK_INT(modem_pending_sends(w.m), 2);
	CHECK(spin(&w, two_results, 10000));
	CHECK(w.result_cookie[0] == &cookie_b);
	CHECK_INT(w.results[0].ok, 0);
	CHECK_INT(w.results[0].cms_error, 500);
	CHECK_INT(w.results[0].mr, -1);
	CHECK(w.result_cookie[1] == &cookie_c);
	CHECK_INT(w.results[1].ok, 1);
	CHECK_INT(sim_sent_count(w.sim), 2);
	CHECK_INT(modem_pending_sends(w.m), 0);
	world_close(&w);
}

static int one_report(struct world *w)
{
	return w->n_reports >= 1;
}

static void test_status_report(void)
{
	struct world w;
	struct sim_config scfg = {.manufacturer = "Quectel", .model = "EC25"};

	if (world_open(&w, &scfg, NULL) != 0 || !start(&w)) {
		CHECK(0);
		world_close(&w);
		return;
	}
	/* The EC25 profile asks for ds=1: the report comes with +CDS. */
	CHECK_STR(modem_info(w.m)->quirk, "quectel-ec25");
	CHECK_INT(sim_deliver_status(w.sim, STATUS), 0);
	CHECK(spin(&w, one_report, 10000));
	CHECK_STR(w.report_pdu, STATUS);
	CHECK_INT(w.n_msgs, 0);
	CHECK_INT(sim_stored(w.sim), 0);
	world_close(&w);
}

static void test_modem_restarts_by_itself(void)
{
	struct world w;
	static const char boot[] = "\r\nRDY\r\n\r\nSMS Ready\r\n";
	static const char unstored[] = "\r\n+CMTI: ,-1\r\n";

	if (world_open(&w, NULL, NULL) != 0 || !start(&w)) {
		CHECK(0);
		world_close(&w);
		return;
	}
	/* Boot lines while ready: settings are gone, start again. */
	w.states[0] = '\0';
	sim_fault_garbage(w.sim, boot, sizeof(boot) - 1);
	spin(&w, NULL, 1000);
	CHECK(spin(&w, is_ready, 60000));
	CHECK_STR(w.states, "starting;ready;");
	/* An arrival nobody stored (SIM7600 "+CMTI: ,-1"): warn, list. */
	CHECK(sim_deliver(w.sim, DELIVER_1) >= 1);
	CHECK(spin(&w, one_msg, 10000));
	w.n_msgs = 0;
	w.n_warnings = 0;
	sim_fault_garbage(w.sim, unstored, sizeof(unstored) - 1);
	CHECK(spin(&w, one_msg, 10000));
	CHECK_INT(w.n_warnings, 1);
	CHECK_STR(w.msg_pdu[0], DELIVER_1);
	/* Direct delivery (+CMT with its PDU line): not stored, index -1. */
	static const char direct[] =
	    "\r\n+CMT: ,24\r\n07911326040000F0040B911346610089F600002080629173"
	    "14080CC8F71D14969741F977FD07\r\n";
	w.n_msgs = 0;
	sim_fault_garbage(w.sim, direct, sizeof(direct) - 1);
	CHECK(spin(&w, one_msg, 10000));
	CHECK_INT(w.msg_index[0], -1);
	CHECK_INT(w.msg_tpdu_len[0], 24);
	CHECK_STR(w.msg_pdu[0], DELIVER_1);
	world_close(&w);
}

static void test_timeouts(void)
{
	struct world w;
	int cookie;

	if (world_open(&w, NULL, NULL) != 0 || !start(&w)) {
		CHECK(0);
		world_close(&w);
		return;
	}
	/* One unanswered send: reported as a timeout, the modem stays. */
	sim_fault_mute(w.sim, 1);
	CHECK_INT(modem_send_pdu(w.m, SUBMIT, 23, &cookie), 0);
	CHECK(spin(&w, one_result, 120000));
	CHECK_INT(w.results[0].ok, 0);
	CHECK(modem_is_ready(w.m));
	/* A hung firmware: two timeouts in a row, then close and reopen. */
	sim_fault_mute(w.sim, 3);
	w.states[0] = '\0';
	CHECK(spin(&w, closed, 10 * 60000));
	CHECK(strstr(w.last_reason, "stopped answering") != NULL);
	CHECK(spin(&w, is_ready, 10 * 60000));
	/* The sim may still be stuck on reopen: then once more. */
	CHECK(strncmp(w.states, "closed;starting;", 16) == 0);
	CHECK(strlen(w.states) >= 6 &&
	      strcmp(w.states + strlen(w.states) - 6, "ready;") == 0);
	world_close(&w);
}

static void test_line_drop_and_reconnect(void)
{
	struct world w;

	if (world_open(&w, NULL, NULL) != 0 || !start(&w)) {
		CHECK(0);
		world_close(&w);
		return;
	}
	w.states[0] = '\0';
	sim_line_drop(w.sim);
	CHECK(spin(&w, closed, 10000));
	CHECK_INT(modem_fd(w.m), -1);
	/* Gone for a while: reopening fails with backoff, quietly. */
	spin(&w, NULL, 30000);
	CHECK(!modem_is_ready(w.m));
	/* A message arrives meanwhile; the device returns at the same path. */
	CHECK_INT(sim_line_restore(w.sim), 0);
	CHECK(sim_deliver(w.sim, DELIVER_2) >= 1);
	CHECK(spin(&w, is_ready, 5 * 60000));
	CHECK(spin(&w, one_msg, 10000));
	CHECK_STR(w.msg_pdu[0], DELIVER_2);
	CHECK(strncmp(w.states, "closed;", 7) == 0);
	CHECK(strstr(w.states, "starting;ready;") != NULL);
	world_close(&w);
}

static void test_storage_full(void)
{
	struct world w;
	struct sim_config scfg = {.capacity = 2};

	if (world_open(&w, &scfg, NULL) != 0) {
		CHECK(0);
		return;
	}
	CHECK(sim_deliver(w.sim, DELIVER_1) >= 1);
	CHECK(sim_deliver(w.sim, DELIVER_2) >= 1);
	CHECK_INT(sim_deliver(w.sim, DELIVER_1), -1);
	/* Full at start: warned, and everything stored is handed over. */
	CHECK(start(&w));
	CHECK(spin(&w, two_msgs, 10000));
	CHECK_INT(w.n_full, 1);
	/* The SIM says so itself (^SMMEMFULL): drained again. */
	sim_fault_storage_full(w.sim, 1);
	CHECK_INT(sim_deliver(w.sim, DELIVER_1), -1);
	spin(&w, NULL, 10000);
	/* Each full signal lists storage again: the same two messages. */
	CHECK(w.n_msgs >= 4);
	for (int i = 2; i < w.n_msgs; i++)
		CHECK(strcmp(w.msg_pdu[i], w.msg_pdu[i % 2]) == 0);
	CHECK(w.n_full >= 1);
	sim_fault_storage_full(w.sim, 0);
	for (int i = 0; i < w.n_msgs; i++)
		del(&w, i);
	CHECK(spin(&w, storage_empty, 10000));
	/* Room again: arrivals flow. */
	w.n_msgs = 0;
	CHECK(sim_deliver(w.sim, DELIVER_1) >= 1);
	CHECK(spin(&w, one_msg, 10000));
	world_close(&w);
}

static void test_pin(void)
{
	struct world w;
	struct sim_config scfg = {.pin = "1234"};

	if (world_open(&w, &scfg, "1234") != 0) {
		CHECK(0);
		return;
	}
	CHECK(start(&w));
	CHECK_STR(modem_info(w.m)->sim_state, "READY");
	world_close(&w);

	/* No PIN configured: fail, say why, do not retry. */
	if (world_open(&w, &scfg, NULL) != 0) {
		CHECK(0);
		return;
	}
	modem_start(w.m, w.now, w.last_reason, sizeof(w.last_reason));
	CHECK(spin(&w, failed, 60000));
	CHECK(strstr(w.last_reason, "PIN") != NULL);
	CHECK_INT(modem_next_deadline(w.m), -1);
	world_close(&w);

	/* A wrong PIN is tried once only: the SIM keeps two tries. */
	if (world_open(&w, &scfg, "9999") != 0) {
		CHECK(0);
		return;
	}
	modem_start(w.m, w.now, w.last_reason, sizeof(w.last_reason));
	CHECK(spin(&w, failed, 60000));
	CHECK(strstr(w.last_reason, "refused") != NULL);
	spin(&w, NULL, 10 * 60000);
	CHECK_INT(modem_state(w.m), MODEM_FAILED);
	world_close(&w);
}

static int n_seen_at_least(struct world *w, int n)
{
	return w->n_seen >= n;
}

static int all_150(struct world *w)
{
	return n_seen_at_least(w, 150) && sim_stored(w->sim) == 0;
}

/*
 * A large SIM found full of answered texts: every one listed at start is
 * deleted, however many (a 64-entry delete queue once overflowed
 * silently and left the rest on the SIM).
 */
static void test_many_deletes(void)
{
	struct world w;
	struct sim_config scfg = {.capacity = 200};

	if (world_open(&w, &scfg, NULL) != 0) {
		CHECK(0);
		return;
	}
	for (int i = 0; i < 150; i++)
		CHECK(sim_deliver(w.sim, i % 2 ? DELIVER_1 : DELIVER_2) >= 1);
	w.auto_delete = 1;
	CHECK(start(&w));
	CHECK(spin(&w, all_150, 5 * 60000));
	CHECK_INT(w.n_seen, 150);
	CHECK_INT(sim_stored(w.sim), 0);
	world_close(&w);
}

/*
 * "+CMTI: "ME",1" while the driver reads "SM": read and deleted in ME
 * (once it was only warned about and stayed there unread), then back to SM
 * for the next arrival.
 */
static void test_arrival_in_another_memory(void)
{
	struct world w;

	if (world_open(&w, NULL, NULL) != 0 || !start(&w)) {
		CHECK(0);
		world_close(&w);
		return;
	}
	CHECK_INT(sim_deliver_to(w.sim, "ME", DELIVER_1), 1);
	CHECK(spin(&w, one_msg, 10000));
	CHECK_STR(w.msg_pdu[0], DELIVER_1);
	CHECK_STR(w.msg_mem[0], "ME");
	CHECK_INT(w.msg_index[0], 1);
	CHECK_INT(sim_stat(w.sim, "ME", 1), 1);
	CHECK_INT(del(&w, 0), 0);
	CHECK(spin(&w, storage_empty, 10000));
	CHECK_INT(sim_stat(w.sim, "ME", 1), -1);
	/* SM arrivals still read in SM, at the same index. */
	CHECK_INT(sim_deliver(w.sim, DELIVER_2), 1);
	CHECK(spin(&w, two_msgs, 10000));
	CHECK_STR(w.msg_mem[1], "SM");
	CHECK_STR(w.msg_pdu[1], DELIVER_2);
	CHECK_INT(del(&w, 1), 0);
	CHECK(spin(&w, storage_empty, 10000));
	CHECK(sim_command_count(w.sim, "+CPMS=") >= 3);
	CHECK(modem_is_ready(w.m));
	world_close(&w);
}

/* A stored message whose PDU line is not hex is handed over, to be kept
 * and freed, not left on the SIM forever. */
static void test_unreadable_stored_message(void)
{
	struct world w;

	if (world_open(&w, NULL, NULL) != 0 || !start(&w)) {
		CHECK(0);
		world_close(&w);
		return;
	}
	CHECK(sim_fault_store_raw(w.sim, "GARBLED, NOT A PDU") >= 1);
	CHECK(spin(&w, one_msg, 10000));
	CHECK_STR(w.msg_pdu[0], "GARBLED, NOT A PDU");
	CHECK_INT(del(&w, 0), 0);
	CHECK(spin(&w, storage_empty, 10000));
	/* Found at start-up too. */
	CHECK(sim_fault_store_raw(w.sim, "\x01\x02 ###") >= 1);
	sim_line_drop(w.sim);
	CHECK(spin(&w, closed, 10000));
	CHECK_INT(sim_line_restore(w.sim), 0);
	w.n_msgs = 0;
	CHECK(spin(&w, one_msg, 5 * 60000));
	CHECK_INT(del(&w, 0), 0);
	CHECK(spin(&w, storage_empty, 10000));
	world_close(&w);
}

/*
 * A slot read before the line dropped is not deleted after it came back:
 * the storage behind the path may be another SIM's now. What is still
 * there is listed again and deleted then.
 */
static void test_no_delete_across_connections(void)
{
	struct world w;

	if (world_open(&w, NULL, NULL) != 0 || !start(&w)) {
		CHECK(0);
		world_close(&w);
		return;
	}
	CHECK_INT(sim_deliver(w.sim, DELIVER_1), 1);
	CHECK(spin(&w, one_msg, 10000));
	sim_line_drop(w.sim);
	CHECK(spin(&w, closed, 10000));
	CHECK_INT(del(&w, 0), -1);
	CHECK_INT(sim_line_restore(w.sim), 0);
	CHECK(spin(&w, two_msgs, 5 * 60000));
	CHECK_INT(del(&w, 0), -1);
	CHECK_STR(w.msg_pdu[1], DELIVER_1);
	CHECK_INT(del(&w, 1), 0);
	CHECK(spin(&w, storage_empty, 10000));
	world_close(&w);
}

/* The SIM's ICCID, each family its own way, the 27.007 read otherwise. */
static void test_iccid(void)
{
	static const struct {
		const char *manufacturer, *model, *command;
	} cases[] = {
	    {"SIMCOM_Ltd", "SIMCOM_SIM800", "+CCID"},
	    {"Quectel", "EC25", "+QCCID"},
	    {"SIMCOM INCORPORATED", "SIMCOM_SIM7600E-H", "+CICCID"},
	    {"huawei", "E3372", "^ICCID?"},
	    {"u-blox", "SARA-U201", "+CCID"},
	    {"Telit", "LE910C1-EU", "+CRSM="},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct world w;
		struct sim_config scfg = {.manufacturer = cases[i].manufacturer,
					  .model = cases[i].model,
					  .iccid = "8944110067212345678"};
		TEST_BEGIN("test_iccid/%s", cases[i].model);
		if (world_open(&w, &scfg, NULL) != 0 || !start(&w)) {
			CHECK(0);
			world_close(&w);
			TEST_END();
			continue;
		}
		CHECK_STR(modem_info(w.m)->iccid, "8944110067212345678");
		CHECK_INT(sim_command_count(w.sim, cases[i].command), 1);
		world_close(&w);
		TEST_END();
	}
}

static int iccid_answered(struct world *w)
{
	return sim_command_count(w->sim, "+CCID") > w->ccid_before;
}

static int guard_world(struct world *w, const char *pin)
{
	struct sim_config scfg = {.pin = "1234",
				  .iccid = "89441100672123456789"};
	struct modem_pin_guard g = {.refused = guard_refused,
				    .result = guard_result};
	struct modem_callbacks cb = {.ctx = w, .state = on_state};
	struct modem_config mcfg = {.pin = pin, .pin_guard = &g};
	char err[200];

	/* world_open with a guard: the sim and its PIN tries stay. */
	g.ctx = w;
	if (w->sim == NULL) {
		snprintf(link_path, sizeof(link_path),
			 "/tmp/smsdesk-e2e-modem-%d", (int)getpid());
		scfg.link_path = link_path;
		w->sim = sim_new(&scfg, err, sizeof(err));
		if (w->sim == NULL)
			return -1;
	}
	modem_free(w->m);
	sim_port_released(w->sim);
	mcfg.device = sim_device_path(w->sim);
	w->m = modem_new(&mcfg, &cb);
	w->states[0] = '\0';
	return w->m == NULL ? -1 : 0;
}

/*
 * A PIN the SIM refused is remembered beyond the driver (the guard), per
 * SIM: later drivers do not enter it again, however often they start; a
 * different PIN is tried; a right one clears the memory.
 */
static void test_pin_guard(void)
{
	struct world w;

	memset(&w, 0, sizeof(w));
	w.now = 1000000;
	if (guard_world(&w, "9999") != 0) {
		CHECK(0);
		return;
	}
	modem_start(w.m, w.now, w.last_reason, sizeof(w.last_reason));
	CHECK(spin(&w, failed, 60000));
	CHECK_INT(modem_failure(w.m), MODEM_FAIL_SIM);
	CHECK_INT(sim_pin_tries(w.sim), 2);
	CHECK_INT(w.n_guard_results, 1);
	CHECK_INT(w.last_accepted, 0);
	CHECK_STR(w.refused_id, "iccid:89441100672123456789");
	CHECK(strstr(w.last_reason, "9999") == NULL);
	/* Five more starts, as systemd would: no try spent. */
	for (int i = 0; i < 5; i++) {
		CHECK_INT(guard_world(&w, "9999"), 0);
		modem_start(w.m, w.now, w.last_reason, sizeof(w.last_reason));
		CHECK(spin(&w, failed, 60000));
		CHECK_INT(modem_failure(w.m), MODEM_FAIL_SIM);
		CHECK(strstr(w.last_reason, "refused this PIN before") != NULL);
	}
	CHECK_INT(sim_pin_tries(w.sim), 2);
	CHECK_INT(sim_command_count(w.sim, "+CPIN="), 1);
	/* Staff corrected the config: the new PIN is entered, and works. */
	CHECK_INT(guard_world(&w, "1234"), 0);
	modem_start(w.m, w.now, w.last_reason, sizeof(w.last_reason));
	CHECK(spin(&w, is_ready, 60000));
	CHECK_INT(w.last_accepted, 1);
	CHECK_STR(w.refused_id, "");
	CHECK_INT(sim_pin_tries(w.sim), 3);

	/* The modem power-cycles (USB re-enumeration): the SIM asks again
	 * and the PIN it accepted is entered again. */
	sim_line_drop(w.sim);
	CHECK(spin(&w, closed, 10000));
	CHECK_INT(sim_line_restore(w.sim), 0);
	CHECK(spin(&w, is_ready, 5 * 60000));
	CHECK_INT(sim_command_count(w.sim, "+CPIN="), 3);

	/* The line drops while the SIM has not answered the PIN yet: it
	 * may have cost a try, so it is not entered again. The driver has
	 * just written AT+CPIN= when the ICCID was answered. */
	CHECK_INT(guard_world(&w, "1234"), 0);
	sim_line_drop(w.sim);
	CHECK_INT(sim_line_restore(w.sim), 0);
	unsigned long ccid = sim_command_count(w.sim, "+CCID");
	modem_start(w.m, w.now, w.last_reason, sizeof(w.last_reason));
	w.ccid_before = ccid;
	CHECK(spin(&w, iccid_answered, 60000));
	sim_line_drop(w.sim);
	CHECK(spin(&w, closed, 10000));
	CHECK_INT(sim_line_restore(w.sim), 0);
	CHECK(spin(&w, failed, 5 * 60000));
	CHECK_INT(modem_failure(w.m), MODEM_FAIL_SIM);
	CHECK(strstr(w.last_reason, "before the SIM answered") != NULL);
	CHECK_INT(sim_command_count(w.sim, "+CPIN="), 3);
	CHECK_STR(w.refused_id, "iccid:89441100672123456789");
	modem_free(w.m);
	sim_free(w.sim);
}

static void test_quirk_profiles(void)
{
	static const struct {
		const char *manufacturer, *model, *quirk;
	} cases[] = {
	    {"Quectel", "EC25", "quectel-ec25"},
	    {"huawei", "E3372", "huawei-e3372"},
	    {"SIMCOM INCORPORATED", "SIMCOM_SIM7600E-H", "simcom-sim7600"},
	    {"u-blox", "SARA-U201", "ublox"},
	    {"Telit", "LE910C1-EU", "telit"},
	    {"ACME", "X1", "generic"},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct world w;
		struct sim_config scfg = {.manufacturer = cases[i].manufacturer,
					  .model = cases[i].model};
		TEST_BEGIN("test_quirk_profiles/%s", cases[i].quirk);
		if (world_open(&w, &scfg, NULL) != 0) {
			CHECK(0);
			TEST_END();
			continue;
		}
		/* Vendor commands the sim does not know are refused:
		 * tolerated. */
		CHECK(start(&w));
		CHECK_STR(modem_info(w.m)->quirk, cases[i].quirk);
		CHECK(strncmp(modem_info(w.m)->quirk_note, "firmware-notes/",
			      15) == 0);
		world_close(&w);
		TEST_END();
	}
}

static void test_quirk_lookup(void)
{
	CHECK_STR(modem_quirk_for("SIMCOM_Ltd", "SIMCOM_SIM900")->name,
		  "simcom-sim900");
	CHECK_STR(modem_quirk_for(NULL, NULL)->name, "generic");
	CHECK_STR(modem_quirk_by_name("huawei-e173")->extra_final,
		  "COMMAND NOT SUPPORT");
	CHECK(modem_quirk_by_name("nope") == NULL);
}

static void test_garbage_on_the_line(void)
{
	struct world w;
	static const char junk[] = "\xff\xfe\0\0noise\r\n\r\n\x1b[1m";

	if (world_open(&w, NULL, NULL) != 0 || !start(&w)) {
		CHECK(0);
		world_close(&w);
		return;
	}
	sim_fault_garbage(w.sim, junk, sizeof(junk) - 1);
	CHECK(sim_deliver(w.sim, DELIVER_1) >= 1);
	CHECK(spin(&w, one_msg, 10000));
	CHECK_STR(w.msg_pdu[0], DELIVER_1);
	CHECK(modem_is_ready(w.m));
	world_close(&w);
}

static void test_no_device(void)
{
	struct modem_config cfg = {.device = "/dev/smsdesk-no-such-modem"};
	struct modem *m = modem_new(&cfg, NULL);
	char err[256];

	CHECK(m != NULL);
	CHECK_INT(modem_start(m, 0, err, sizeof(err)), -1);
	CHECK(strstr(err, "no such device") != NULL);
	CHECK_INT(modem_state(m), MODEM_CLOSED);
	/* It will try again after the backoff. */
	CHECK_INT(modem_next_deadline(m), 1000);
	modem_free(m);
	CHECK(modem_new(&(struct modem_config){0}, NULL) == NULL);
}

int main(void)
{
	RUN(test_startup);
	RUN(test_receive_by_cmti);
	RUN(test_receive_stored_at_start);
	RUN(test_send_and_failure);
	RUN(test_status_report);
	RUN(test_modem_restarts_by_itself);
	RUN(test_timeouts);
	RUN(test_line_drop_and_reconnect);
	RUN(test_storage_full);
	RUN(test_pin);
	RUN(test_pin_guard);
	test_iccid();
	RUN(test_many_deletes);
	RUN(test_arrival_in_another_memory);
	RUN(test_unreadable_stored_message);
	RUN(test_no_delete_across_connections);
	test_quirk_profiles();
	RUN(test_quirk_lookup);
	RUN(test_garbage_on_the_line);
	RUN(test_no_device);
	return h_done();
}
