/*
 * modem: the GSM driver. See include/smsdesk/modem.h for the contract.
 *
 * One AT command is on the wire at a time. The start-up is a table of steps
 * (modem_init.c); once ready, modem_pump() picks the next job by priority:
 * acknowledge, switch memory, delete, read, list, send, health check.
 * Reads and deletes name the memory their slot is in, so a message
 * announced in another memory ("+CMTI: "ME",3" while we read "SM") is read
 * and deleted there. Callbacks from `at` only record what happened and set
 * flags; closing the port happens after at_feed()/at_tick() return, so the
 * engine is never freed under its own feet.
 */
#include "modem_int.h"

#include "smsdesk/log.h"
#include "smsdesk/serial.h"

#include <ctype.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void copy_field(char *dst, size_t cap, const char *src)
{
	snprintf(dst, cap, "%s", src);
}

static char *dup_or_null(const char *s)
{
	return s == NULL ? NULL : strdup(s);
}

const char *modem_state_name(enum modem_state s)
{
	switch (s) {
	case MODEM_CLOSED:
		return "closed";
	case MODEM_STARTING:
		return "starting";
	case MODEM_READY:
		return "ready";
	case MODEM_FAILED:
		return "failed";
	}
	return "?";
}

void modem_set_state(struct modem *m, enum modem_state s, const char *reason)
{
	m->state = s;
	if (s == MODEM_FAILED || s == MODEM_CLOSED)
		log_warn("modem %s: %s: %s", m->device, modem_state_name(s),
			 reason);
	else
		log_info("modem %s: %s: %s", m->device, modem_state_name(s),
			 reason);
	if (m->cb.state != NULL)
		m->cb.state(m->cb.ctx, s, reason);
}

void modem_warn(struct modem *m, enum modem_warning w, const char *text)
{
	log_warn("modem %s: %s", m->device, text);
	if (m->cb.warning != NULL)
		m->cb.warning(m->cb.ctx, w, text);
}

void modem_request_close(struct modem *m, const char *reason)
{
	if (m->want_close || m->want_fail)
		return;
	m->want_close = 1;
	copy_field(m->reason, sizeof(m->reason), reason);
}

void modem_request_fail(struct modem *m, enum modem_failure why,
			const char *reason)
{
	if (m->want_fail)
		return;
	m->want_fail = 1;
	m->failure = why;
	copy_field(m->reason, sizeof(m->reason), reason);
}

/* ---- the port ------------------------------------------------------------ */

int modem_port_is_open(const struct modem *m)
{
	return m->has_io ? m->io_open : m->port != NULL;
}

static void port_close(struct modem *m)
{
	if (m->has_io) {
		if (m->io_open && m->io.close != NULL)
			m->io.close(m->io.ctx);
		m->io_open = 0;
		return;
	}
	serial_close(m->port);
	m->port = NULL;
}

static int port_open(struct modem *m, char *err, size_t errlen)
{
	if (m->has_io) {
		int rc =
		    m->io.open(m->io.ctx, m->device, m->cfg.baud, err, errlen);
		m->io_open = rc == 0;
		return rc;
	}
	return serial_open(m->device, m->cfg.baud, &m->port, err, errlen);
}

static long port_read(struct modem *m, void *buf, size_t cap)
{
	if (m->has_io)
		return m->io.read(m->io.ctx, buf, cap);
	return (long)serial_read(m->port, buf, cap);
}

static long port_write(struct modem *m, const void *buf, size_t len)
{
	if (m->has_io)
		return m->io.write(m->io.ctx, buf, len);
	return (long)serial_write(m->port, buf, len);
}

/* Forget what belonged to the connection that ended. */
static void forget_connection(struct modem *m)
{
	m->n_reads = 0;
	/* Deletes name slots of this connection's storage: after a drop
	 * the SIM behind the path may be another (the start-up lists it
	 * again, and what was committed is deleted then). */
	m->n_deletes = 0;
	m->need_list = 0;
	m->n_list_mems = 0;
	m->ack_owed = 0;
	m->storage_check_due = 0;
	m->foreign_warned = 0;
	m->mem_cur[0] = '\0';
	m->epoch++;
}

static void close_port(struct modem *m, enum modem_state next,
		       const char *reason)
{
	if (m->at != NULL)
		at_abort(m->at);
	port_close(m);
	forget_connection(m);
	m->reopen_at = m->now + m->backoff_ms;
	m->backoff_ms = m->backoff_ms * 2 > m->cfg.reconnect_max_ms
			    ? m->cfg.reconnect_max_ms
			    : m->backoff_ms * 2;
	modem_set_state(m, next, reason);
}

static void reset_startup(struct modem *m)
{
	m->step = STEP_RESET;
	m->wait_until = 0;
	m->sim_busy_tries = 0;
	m->cmgf_tries = 0;
	m->pin_wanted = 0;
	m->pin_sent = 0;
	m->cnmi_fallback = 0;
	m->timeouts = 0;
	m->full_warned = 0;
}

static int open_port(struct modem *m, char *err, size_t errlen)
{
	struct at_config acfg = {.on_event = modem_on_at_event, .ctx = m};
	int rc = port_open(m, err, errlen);

	if (rc != SERIAL_OK) {
		m->reopen_at = m->now + m->backoff_ms;
		m->backoff_ms = m->backoff_ms * 2 > m->cfg.reconnect_max_ms
				    ? m->cfg.reconnect_max_ms
				    : m->backoff_ms * 2;
		/* Say it once per new reason, not at every retry. */
		if (strcmp(err, m->open_error) != 0) {
			copy_field(m->open_error, sizeof(m->open_error), err);
			modem_set_state(m, MODEM_CLOSED, err);
		}
		return rc;
	}
	/* A fresh engine per connection: profile extras start clean. */
	at_free(m->at);
	m->at = at_new(&acfg);
	if (m->at == NULL) {
		port_close(m);
		snprintf(err, errlen, "out of memory");
		return SERIAL_ERR_IO;
	}
	modem_register_urcs(m->at);
	memset(&m->info, 0, sizeof(m->info));
	m->info.rssi = m->info.ber = m->info.reg_stat = -1;
	m->info.storage_used = m->info.storage_total = -1;
	m->info.quirk = "";
	m->info.quirk_note = "";
	reset_startup(m);
	forget_connection(m);
	m->poll_storage = 0;
	m->needs_cnma = 0;
	m->quirk = NULL;
	m->last_answer = m->now;
	m->last_list = m->now;
	modem_set_state(m, MODEM_STARTING,
			!m->has_io && serial_is_pty(m->port)
			    ? "port open (pseudo-terminal)"
			    : "port open");
	return SERIAL_OK;
}

/* Run the start-up again on the open port (settings were lost). */
static void restart(struct modem *m, const char *reason)
{
	reset_startup(m);
	forget_connection(m);
	modem_set_state(m, MODEM_STARTING, reason);
}

static void act_on_flags(struct modem *m)
{
	if (m->want_restart && !m->want_fail && !m->want_close) {
		m->want_restart = 0;
		restart(m, "the modem restarted by itself (boot lines seen): "
			   "starting again");
		return;
	}
	m->want_restart = 0;
	if (m->want_fail) {
		m->want_fail = m->want_close = 0;
		close_port(m, MODEM_FAILED, m->reason);
	} else if (m->want_close) {
		m->want_close = 0;
		close_port(m, MODEM_CLOSED, m->reason);
	}
}

static void read_port(struct modem *m, short revents)
{
	char buf[512];
	int got = 0;

	for (int i = 0; i < 64 && modem_port_is_open(m); i++) {
		long n = port_read(m, buf, sizeof(buf));
		if (n < 0) {
			char text[160];
			snprintf(text, sizeof(text), "line dropped: %s",
				 serial_strerror((int)n));
			modem_request_close(m, text);
			return;
		}
		if (n == 0)
			break;
		got = 1;
		at_feed(m->at, buf, (size_t)n, m->now);
		if (m->want_close || m->want_fail)
			return;
	}
	if (!got && (revents & (POLLHUP | POLLERR)))
		modem_request_close(m, "line dropped: hang-up");
}

static void write_port(struct modem *m)
{
	size_t len;
	const void *out;

	while (modem_port_is_open(m)) {
		out = at_output(m->at, &len);
		if (len == 0)
			return;
		long n = port_write(m, out, len);
		if (n < 0) {
			char text[160];
			snprintf(text, sizeof(text), "line dropped: %s",
				 serial_strerror((int)n));
			modem_request_close(m, text);
			act_on_flags(m);
			return;
		}
		if (n == 0)
			return;
		at_consumed(m->at, (size_t)n);
	}
}

/* ---- public ------------------------------------------------------------- */

struct modem *modem_new(const struct modem_config *cfg,
			const struct modem_callbacks *cb)
{
	struct modem *m;

	if (cfg == NULL || cfg->device == NULL || cfg->device[0] == '\0')
		return NULL;
	m = calloc(1, sizeof(*m));
	if (m == NULL)
		return NULL;
	m->cfg = *cfg;
	if (cb != NULL)
		m->cb = *cb;
	if (cfg->pin_guard != NULL) {
		m->guard = *cfg->pin_guard;
		m->has_guard = 1;
	}
	if (cfg->io != NULL) {
		m->io = *cfg->io;
		m->has_io = m->io.open != NULL && m->io.read != NULL &&
			    m->io.write != NULL;
	}
	m->cfg.pin_guard = NULL;
	m->cfg.io = NULL;
	m->device = strdup(cfg->device);
	m->pin = dup_or_null(cfg->pin);
	m->quirk_name = dup_or_null(cfg->quirk);
	if (m->device == NULL || (cfg->pin != NULL && m->pin == NULL) ||
	    (cfg->quirk != NULL && m->quirk_name == NULL)) {
		modem_free(m);
		return NULL;
	}
	m->cfg.device = m->device;
	m->cfg.pin = m->pin;
	m->cfg.quirk = m->quirk_name;
	if (m->cfg.baud <= 0)
		m->cfg.baud = 115200;
	if (m->cfg.command_timeout_ms <= 0)
		m->cfg.command_timeout_ms = 10000;
	if (m->cfg.send_timeout_ms <= 0)
		m->cfg.send_timeout_ms = 65000;
	if (m->cfg.health_interval_ms <= 0)
		m->cfg.health_interval_ms = 30000;
	if (m->cfg.reconnect_min_ms <= 0)
		m->cfg.reconnect_min_ms = 1000;
	if (m->cfg.reconnect_max_ms < m->cfg.reconnect_min_ms)
		m->cfg.reconnect_max_ms = m->cfg.reconnect_min_ms > 60000
					      ? m->cfg.reconnect_min_ms
					      : 60000;
	m->backoff_ms = m->cfg.reconnect_min_ms;
	m->state = MODEM_CLOSED;
	m->info.rssi = m->info.ber = m->info.reg_stat = -1;
	m->info.storage_used = m->info.storage_total = -1;
	m->info.quirk = "";
	m->info.quirk_note = "";
	return m;
}

void modem_free(struct modem *m)
{
	if (m == NULL)
		return;
	/* No callbacks from a driver being freed. */
	memset(&m->cb, 0, sizeof(m->cb));
	at_free(m->at);
	port_close(m);
	while (m->s_n > 0) {
		free(m->sends[m->s_head].hex);
		m->s_head = (m->s_head + 1) % SEND_QUEUE_MAX;
		m->s_n--;
	}
	if (m->pin != NULL)
		memset(m->pin, 0, strlen(m->pin));
	free(m->deletes);
	free(m->device);
	free(m->pin);
	free(m->quirk_name);
	free(m);
}

int modem_start(struct modem *m, int64_t now_ms, char *err, size_t errlen)
{
	m->now = now_ms;
	if (modem_port_is_open(m))
		return SERIAL_OK;
	if (m->state == MODEM_FAILED) {
		snprintf(err, errlen, "%s", m->reason);
		return SERIAL_ERR_IO;
	}
	return open_port(m, err, errlen);
}

int modem_fd(const struct modem *m)
{
	if (!modem_port_is_open(m))
		return -1;
	if (m->has_io)
		return m->io.fd != NULL ? m->io.fd(m->io.ctx) : -1;
	return serial_fd(m->port);
}

short modem_poll_events(const struct modem *m)
{
	size_t len = 0;

	if (!modem_port_is_open(m))
		return 0;
	at_output(m->at, &len);
	return (short)(POLLIN | (len > 0 ? POLLOUT : 0));
}

void modem_step(struct modem *m, short revents, int64_t now_ms)
{
	char err[256];

	m->now = now_ms;
	if (m->state == MODEM_FAILED)
		return;
	if (!modem_port_is_open(m)) {
		if (now_ms < m->reopen_at ||
		    open_port(m, err, sizeof(err)) != SERIAL_OK)
			return;
	}
	read_port(m, revents);
	act_on_flags(m);
	if (!modem_port_is_open(m))
		return;
	at_tick(m->at, now_ms);
	act_on_flags(m);
	if (!modem_port_is_open(m))
		return;
	modem_pump(m);
	write_port(m);
}

int64_t modem_next_deadline(const struct modem *m)
{
	switch (m->state) {
	case MODEM_FAILED:
		return -1;
	case MODEM_CLOSED:
		return !modem_port_is_open(m) ? m->reopen_at : m->now;
	case MODEM_STARTING:
		if (at_busy(m->at))
			return at_next_deadline(m->at);
		return m->wait_until > m->now ? m->wait_until : m->now;
	case MODEM_READY:
		break;
	}
	if (at_busy(m->at))
		return at_next_deadline(m->at);
	if (modem_jobs_waiting(m))
		return m->now;
	if (m->mem_cur[0] != '\0' && strcmp(m->mem_cur, m->info.storage) != 0)
		return m->now;
	return m->last_answer + m->cfg.health_interval_ms;
}

int modem_is_ready(const struct modem *m)
{
	return m->state == MODEM_READY;
}

enum modem_state modem_state(const struct modem *m)
{
	return m->state;
}

enum modem_failure modem_failure(const struct modem *m)
{
	return m->state == MODEM_FAILED ? m->failure : MODEM_FAIL_NONE;
}

const struct modem_info *modem_info(const struct modem *m)
{
	return &m->info;
}

size_t modem_pending_sends(const struct modem *m)
{
	return m->s_n;
}
