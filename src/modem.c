/*
 * modem: the GSM driver. See include/smsdesk/modem.h for the contract.
 *
 * One AT command is on the wire at a time. The start-up is a table of steps
 * (modem_init.c); once ready, pump() picks the next job by priority:
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

static void request_close(struct modem *m, const char *reason)
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

/* ---- memories ----------------------------------------------------------- */

/* The index of MEM in the list of memories to list, added if new; -1 when
 * the list is full. */
static int list_slot(struct modem *m, const char *mem)
{
	for (size_t i = 0; i < m->n_list_mems; i++)
		if (strcmp(m->list_mems[i], mem) == 0)
			return (int)i;
	if (m->n_list_mems == LIST_MEMS_MAX)
		return -1;
	copy_field(m->list_mems[m->n_list_mems], MEM_NAME_MAX, mem);
	return (int)m->n_list_mems++;
}

void modem_want_list(struct modem *m, const char *mem)
{
	int i;

	if (m->cfg.probe_only)
		return;
	i = list_slot(m, mem[0] != '\0' ? mem : m->info.storage);
	if (i < 0)
		i = 0;
	m->need_list |= 1u << i;
}

static void want_list_all(struct modem *m)
{
	if (m->n_list_mems == 0)
		list_slot(m, m->info.storage);
	for (size_t i = 0; i < m->n_list_mems; i++)
		m->need_list |= 1u << i;
}

/* ---- arrivals ----------------------------------------------------------- */

static void deliver(struct modem *m, const char *mem, int index, int stat,
		    const char *header, const char *pdu,
		    int announced_as_report)
{
	struct modem_message msg = {
	    .index = index,
	    .memory = index >= 0 ? mem : "",
	    .epoch = m->epoch,
	    .stat = stat,
	    .pdu_hex = pdu,
	    .tpdu_len = mp_last_field(header),
	};

	if (pdu == NULL) {
		if (index < 0) {
			log_warn("modem %s: '%.60s' came without its PDU line",
				 m->device, header);
			return;
		}
		/* Stored but unreadable: hand it over all the same, so that
		 * it is kept and its slot freed, not left there forever. */
		log_warn("modem %s: %s %d has no readable PDU line", m->device,
			 mem, index);
		msg.pdu_hex = "";
	}
	if (announced_as_report || mp_is_status_report(msg.pdu_hex)) {
		if (m->cb.status_report != NULL)
			m->cb.status_report(m->cb.ctx, &msg);
	} else if (m->cb.message != NULL) {
		m->cb.message(m->cb.ctx, &msg);
	}
}

static void queue_read(struct modem *m, const char *mem, int index,
		       int status_report)
{
	for (size_t i = 0; i < m->n_reads; i++)
		if (m->reads[i].index == index &&
		    strcmp(m->reads[i].mem, mem) == 0)
			return;
	if (m->n_reads == READ_QUEUE_MAX) {
		/* The list finds it. */
		modem_want_list(m, mem);
		return;
	}
	copy_field(m->reads[m->n_reads].mem, MEM_NAME_MAX, mem);
	m->reads[m->n_reads].index = index;
	m->reads[m->n_reads].status_report = status_report;
	m->n_reads++;
}

void modem_storage_full(struct modem *m, const char *why)
{
	char text[200];

	modem_want_list(m, m->info.storage);
	if (m->full_warned)
		return;
	m->full_warned = 1;
	snprintf(text, sizeof(text),
		 "message storage full (%s): reading and deleting stored "
		 "messages; new ones wait at the SMSC meanwhile",
		 why);
	modem_warn(m, MODEM_WARN_STORAGE_FULL, text);
}

/* "+CMTI: "SM",3" and "+CDSI: "SR",4": read it where it is. */
static void announced(struct modem *m, const char *line, int status_report)
{
	char mem[16];
	int index = mp_last_field(line);

	mp_quoted(line, 0, mem, sizeof(mem));
	if (m->cfg.probe_only)
		return;
	if (index < 0) {
		/* "+CMTI: ,-1": nothing stored (simcom-sim7600.md). */
		modem_warn(m, MODEM_WARN_STORAGE_MISMATCH,
			   "a message was announced without a storage place; "
			   "listing storage");
		want_list_all(m);
		return;
	}
	if (mem[0] == '\0' || strlen(mem) >= MEM_NAME_MAX)
		copy_field(mem, sizeof(mem), m->info.storage);
	if (strcmp(mem, m->info.storage) != 0) {
		/* Read it there, and list that memory at each check too. */
		list_slot(m, mem);
		if (!m->foreign_warned) {
			char text[200];
			m->foreign_warned = 1;
			snprintf(text, sizeof(text),
				 "a message was stored in %s, not in %s: "
				 "reading it there (AT+CPMS=\"%s\")",
				 mem, m->info.storage, mem);
			modem_warn(m, MODEM_WARN_STORAGE_MISMATCH, text);
		}
	}
	queue_read(m, mem, index, status_report);
}

static void handle_urc(struct modem *m, enum urc_kind kind, const char *line,
		       const char *pdu)
{
	int v[4];

	switch (kind) {
	case URC_CMTI:
		announced(m, line, 0);
		return;
	case URC_CDSI:
		announced(m, line, 1);
		return;
	case URC_CMT:
	case URC_CDS:
		deliver(m, "", -1, -1, line, pdu, kind == URC_CDS);
		if (m->needs_cnma)
			m->ack_owed = 1;
		return;
	case URC_BOOT:
		/* Boot lines once ready: it restarted, settings are gone. */
		if (m->state == MODEM_READY)
			m->want_restart = 1;
		return;
	case URC_MEMFULL:
		modem_storage_full(m, line);
		return;
	case URC_CREG:
		if (mp_fields(line, v, 1) == 1)
			m->info.reg_stat = v[0];
		return;
	case URC_RSSI:
		if (mp_fields(line, v, 1) == 1)
			m->info.rssi = v[0];
		return;
	case URC_OTHER:
		log_debug("modem %s: URC %s", m->device, line);
		return;
	}
}

/* "+CMGL: <index>,<stat>,[<alpha>],<length>" and its PDU. */
void modem_listed(struct modem *m, const char *mem, const char *line,
		  const char *pdu)
{
	int v[2];

	if (mp_fields(line, v, 2) != 2 || v[0] < 0) {
		log_warn("modem %s: unreadable list line '%.60s'", m->device,
			 line);
		return;
	}
	if (v[1] >= 2) {
		/* STO UNSENT / STO SENT: drafts, handed over to be kept and
		 * cleared (they take places new texts need). */
		log_debug("modem %s: %s %d holds a stored outgoing message",
			  m->device, mem, v[0]);
	}
	deliver(m, mem, v[0], v[1], line, pdu, 0);
}

/* ---- jobs once ready ---------------------------------------------------- */

static void become_ready(struct modem *m)
{
	char text[256];

	m->backoff_ms = m->cfg.reconnect_min_ms;
	m->open_error[0] = '\0';
	snprintf(text, sizeof(text), "%s %s, profile %s, storage %s %d/%d",
		 m->info.manufacturer, m->info.model, m->quirk->name,
		 m->info.storage, m->info.storage_used, m->info.storage_total);
	modem_set_state(m, MODEM_READY, text);
}

static void send_done(struct modem *m, const struct at_event *ev)
{
	struct send_job job = m->sends[m->s_head];
	struct modem_send_result r = {
	    .cookie = job.cookie,
	    .ok = ev->result == AT_RESULT_OK,
	    .mr = -1,
	    .cms_error = -1,
	    .error = "",
	};
	char text[80];

	m->s_head = (m->s_head + 1) % SEND_QUEUE_MAX;
	m->s_n--;
	free(job.hex);
	if (r.ok) {
		r.mr = m->reply_mr;
	} else if (ev->result == AT_RESULT_CMS_ERROR ||
		   ev->result == AT_RESULT_CME_ERROR) {
		r.cms_error = ev->result == AT_RESULT_CMS_ERROR ? ev->code : -1;
		snprintf(text, sizeof(text), "%s: %d",
			 at_result_name(ev->result), ev->code);
		r.error = ev->line != NULL ? ev->line : text;
	} else if (ev->result == AT_RESULT_ABORTED) {
		r.error = "line dropped";
	} else if (ev->result == AT_RESULT_TIMEOUT) {
		r.error = "timeout (no answer to AT+CMGS)";
	} else {
		r.error = at_result_name(ev->result);
	}
	if (m->cb.send_result != NULL)
		m->cb.send_result(m->cb.ctx, &r);
}

/* "+CPMS: "SM",3,30,..." (AT+CPMS?): anything left in storage? */
static void storage_line(struct modem *m, const char *line)
{
	char mem[MEM_NAME_MAX];
	int v[3];

	mp_quoted(line, 0, mem, sizeof(mem));
	if (mp_fields(line, v, 3) != 3 || strcmp(mem, m->info.storage) != 0)
		return;
	m->info.storage_used = v[1];
	m->info.storage_total = v[2];
	/* Everything is deleted once committed: what is still there was
	 * missed (a lost delete, a restart mid-way). List it again. */
	if (v[1] > 0 && m->now - m->last_list >= LIST_MIN_GAP_MS)
		want_list_all(m);
}

static void job_line(struct modem *m, int tag, const char *line,
		     const char *pdu)
{
	int v[2];

	switch ((enum job)tag) {
	case JOB_INIT:
		modem_init_line(m, line, pdu);
		return;
	case JOB_READ:
		/* "+CMGR: <stat>,[<alpha>],<length>" then the PDU. */
		if (m->n_reads > 0 && mp_fields(line, v, 1) == 1)
			deliver(m, m->reads[0].mem, m->reads[0].index, v[0],
				line, pdu, m->reads[0].status_report);
		return;
	case JOB_LIST:
		modem_listed(m, m->mem_listing, line, pdu);
		return;
	case JOB_SEND:
		if (mp_fields(line, v, 1) == 1)
			m->reply_mr = v[0];
		return;
	case JOB_HEALTH:
		if (mp_fields(line, v, 2) == 2) {
			m->info.rssi = v[0];
			m->info.ber = v[1];
		}
		return;
	case JOB_STORAGE:
		storage_line(m, line);
		return;
	case JOB_ACK:
	case JOB_SELECT:
	case JOB_DELETE:
		return;
	}
}

static void drop_delete(struct modem *m)
{
	m->n_deletes--;
	memmove(m->deletes, m->deletes + 1,
		m->n_deletes * sizeof(m->deletes[0]));
}

/* The memory could not be selected: forget the jobs that need it. */
static void drop_memory(struct modem *m, const char *mem)
{
	size_t n = 0, dropped = 0;

	for (size_t i = 0; i < m->n_reads; i++)
		if (strcmp(m->reads[i].mem, mem) != 0)
			m->reads[n++] = m->reads[i];
		else
			dropped++;
	m->n_reads = n;
	n = 0;
	for (size_t i = 0; i < m->n_deletes; i++)
		if (strcmp(m->deletes[i].mem, mem) != 0)
			m->deletes[n++] = m->deletes[i];
		else
			dropped++;
	m->n_deletes = n;
	for (size_t i = 0; i < m->n_list_mems; i++)
		if (strcmp(m->list_mems[i], mem) == 0)
			m->need_list &= ~(1u << i);
	log_error("modem %s: memory %s cannot be selected: %zu message "
		  "job%s there dropped (they stay on the modem)",
		  m->device, mem, dropped, dropped == 1 ? "" : "s");
}

static void job_final(struct modem *m, int tag, const struct at_event *ev)
{
	int ok = ev->result == AT_RESULT_OK;

	switch ((enum job)tag) {
	case JOB_INIT:
		if (ev->result == AT_RESULT_ABORTED)
			return;
		m->step = modem_init_next(m, ev);
		if (m->step == STEP_DONE && !m->want_fail)
			become_ready(m);
		return;
	case JOB_SELECT:
		if (ok)
			copy_field(m->mem_cur, sizeof(m->mem_cur),
				   m->mem_select);
		else if (ev->result != AT_RESULT_ABORTED)
			drop_memory(m, m->mem_select);
		return;
	case JOB_READ:
		if (m->n_reads > 0) {
			m->n_reads--;
			memmove(m->reads, m->reads + 1,
				m->n_reads * sizeof(m->reads[0]));
		}
		return;
	case JOB_DELETE:
		if (m->n_deletes == 0)
			return;
		if (!ok)
			log_warn("modem %s: AT+CMGD=%d in %s: %s", m->device,
				 m->deletes[0].index, m->deletes[0].mem,
				 at_result_name(ev->result));
		else if (m->info.storage_used > 0 &&
			 strcmp(m->deletes[0].mem, m->info.storage) == 0)
			m->info.storage_used--;
		drop_delete(m);
		m->full_warned = 0;
		return;
	case JOB_SEND:
		send_done(m, ev);
		return;
	case JOB_HEALTH:
		if (ok && !m->cfg.probe_only)
			m->storage_check_due = 1;
		return;
	case JOB_LIST:
	case JOB_ACK:
	case JOB_STORAGE:
		return;
	}
}

static void on_at_event(void *ctx, const struct at_event *ev)
{
	struct modem *m = ctx;

	switch (ev->kind) {
	case AT_EVENT_URC:
		handle_urc(m, (enum urc_kind)ev->tag, ev->line, ev->pdu);
		return;
	case AT_EVENT_LINE:
		job_line(m, ev->tag, ev->line, ev->pdu);
		return;
	case AT_EVENT_STRAY:
		log_debug("modem %s: stray line '%.60s'", m->device, ev->line);
		return;
	case AT_EVENT_DROPPED:
		modem_warn(m, MODEM_WARN_GARBAGE,
			   "an over-long line from the modem was dropped");
		return;
	case AT_EVENT_FINAL:
		break;
	}
	if (ev->result == AT_RESULT_TIMEOUT) {
		if (++m->timeouts >= TIMEOUTS_BEFORE_RECONNECT)
			request_close(m, "the modem stopped answering");
	} else if (ev->result != AT_RESULT_ABORTED) {
		m->timeouts = 0;
		m->last_answer = m->now;
	}
	if (ev->result == AT_RESULT_CMS_ERROR && ev->code == 322)
		modem_storage_full(m, "+CMS ERROR: 322");
	job_final(m, ev->tag, ev);
}

/* ---- the port ------------------------------------------------------------ */

static int port_is_open(const struct modem *m)
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
	struct at_config acfg = {.on_event = on_at_event, .ctx = m};
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

static void issue(struct modem *m, const struct at_cmd *c)
{
	log_debug("modem %s: > %s", m->device, modem_init_loggable(m, c->cmd));
	if (at_send(m->at, c, m->now) != 0)
		log_error("modem %s: cannot queue %s", m->device,
			  modem_init_loggable(m, c->cmd));
}

static int jobs_waiting(const struct modem *m)
{
	return m->ack_owed || m->n_deletes > 0 || m->n_reads > 0 ||
	       m->need_list != 0 || m->s_n > 0 || m->storage_check_due;
}

/* The memory the next storage job needs, or NULL when none waits. */
static const char *next_memory(const struct modem *m)
{
	if (m->n_deletes > 0)
		return m->deletes[0].mem;
	if (m->n_reads > 0)
		return m->reads[0].mem;
	for (size_t i = 0; i < m->n_list_mems; i++)
		if (m->need_list & (1u << i))
			return m->list_mems[i];
	return NULL;
}

/* Start the next command, if the engine is idle and something is due. */
static void pump(struct modem *m)
{
	char buf[AT_CMD_MAX];
	struct at_cmd c = {.cmd = buf, .timeout_ms = m->cfg.command_timeout_ms};
	const char *mem;

	if (!port_is_open(m) || at_busy(m->at))
		return;
	if (m->state == MODEM_STARTING) {
		while (m->step != STEP_DONE && m->now >= m->wait_until) {
			if (modem_init_command(m, &c, buf, sizeof(buf))) {
				issue(m, &c);
				return;
			}
			m->step = m->step + 1;
		}
		if (m->step == STEP_DONE && !m->want_fail)
			become_ready(m);
		return;
	}
	if (m->state != MODEM_READY)
		return;
	if (m->poll_storage && m->need_list == 0 &&
	    m->now - m->last_answer >= m->cfg.health_interval_ms)
		want_list_all(m);
	mem = next_memory(m);
	if (mem == NULL && m->mem_cur[0] != '\0' &&
	    strcmp(m->mem_cur, m->info.storage) != 0)
		mem = m->info.storage; /* back to the usual memory */
	if (m->ack_owed) {
		m->ack_owed = 0;
		snprintf(buf, sizeof(buf), "AT+CNMA");
		c.tag = JOB_ACK;
	} else if (mem != NULL && strcmp(mem, m->mem_cur) != 0) {
		/* One memory: only <mem1>, where reads and deletes go. */
		copy_field(m->mem_select, sizeof(m->mem_select), mem);
		snprintf(buf, sizeof(buf), "AT+CPMS=\"%s\"", mem);
		c.prefix = "+CPMS:";
		c.tag = JOB_SELECT;
	} else if (m->n_deletes > 0) {
		snprintf(buf, sizeof(buf), "AT+CMGD=%d", m->deletes[0].index);
		c.tag = JOB_DELETE;
	} else if (m->n_reads > 0) {
		snprintf(buf, sizeof(buf), "AT+CMGR=%d", m->reads[0].index);
		c.prefix = "+CMGR:";
		c.pdu_follows = 1;
		c.tag = JOB_READ;
	} else if (m->need_list != 0) {
		for (size_t i = 0; i < m->n_list_mems; i++)
			if (strcmp(m->list_mems[i], m->mem_cur) == 0)
				m->need_list &= ~(1u << i);
		copy_field(m->mem_listing, sizeof(m->mem_listing), m->mem_cur);
		/* the list covers every read owed in this memory */
		m->last_list = m->now;
		snprintf(buf, sizeof(buf), "AT+CMGL=4");
		c.prefix = "+CMGL:";
		c.pdu_follows = 1;
		c.timeout_ms = m->cfg.command_timeout_ms * 3;
		c.tag = JOB_LIST;
	} else if (m->s_n > 0) {
		const struct send_job *s = &m->sends[m->s_head];
		snprintf(buf, sizeof(buf), "AT+CMGS=%d", s->tpdu_len);
		c.prefix = "+CMGS:";
		c.body = s->hex;
		c.timeout_ms = m->cfg.send_timeout_ms;
		c.tag = JOB_SEND;
		c.cookie = s->cookie;
		m->reply_mr = -1;
	} else if (m->storage_check_due) {
		m->storage_check_due = 0;
		snprintf(buf, sizeof(buf), "AT+CPMS?");
		c.prefix = "+CPMS:";
		c.tag = JOB_STORAGE;
	} else if (m->now - m->last_answer >= m->cfg.health_interval_ms) {
		snprintf(buf, sizeof(buf), "AT+CSQ");
		c.prefix = "+CSQ:";
		c.tag = JOB_HEALTH;
	} else {
		return;
	}
	issue(m, &c);
}

static void read_port(struct modem *m, short revents)
{
	char buf[512];
	int got = 0;

	for (int i = 0; i < 64 && port_is_open(m); i++) {
		long n = port_read(m, buf, sizeof(buf));
		if (n < 0) {
			char text[160];
			snprintf(text, sizeof(text), "line dropped: %s",
				 serial_strerror((int)n));
			request_close(m, text);
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
		request_close(m, "line dropped: hang-up");
}

static void write_port(struct modem *m)
{
	size_t len;
	const void *out;

	while (port_is_open(m)) {
		out = at_output(m->at, &len);
		if (len == 0)
			return;
		long n = port_write(m, out, len);
		if (n < 0) {
			char text[160];
			snprintf(text, sizeof(text), "line dropped: %s",
				 serial_strerror((int)n));
			request_close(m, text);
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
	if (port_is_open(m))
		return SERIAL_OK;
	if (m->state == MODEM_FAILED) {
		snprintf(err, errlen, "%s", m->reason);
		return SERIAL_ERR_IO;
	}
	return open_port(m, err, errlen);
}

int modem_fd(const struct modem *m)
{
	if (!port_is_open(m))
		return -1;
	if (m->has_io)
		return m->io.fd != NULL ? m->io.fd(m->io.ctx) : -1;
	return serial_fd(m->port);
}

short modem_poll_events(const struct modem *m)
{
	size_t len = 0;

	if (!port_is_open(m))
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
	if (!port_is_open(m)) {
		if (now_ms < m->reopen_at ||
		    open_port(m, err, sizeof(err)) != SERIAL_OK)
			return;
	}
	read_port(m, revents);
	act_on_flags(m);
	if (!port_is_open(m))
		return;
	at_tick(m->at, now_ms);
	act_on_flags(m);
	if (!port_is_open(m))
		return;
	pump(m);
	write_port(m);
}

int64_t modem_next_deadline(const struct modem *m)
{
	switch (m->state) {
	case MODEM_FAILED:
		return -1;
	case MODEM_CLOSED:
		return !port_is_open(m) ? m->reopen_at : m->now;
	case MODEM_STARTING:
		if (at_busy(m->at))
			return at_next_deadline(m->at);
		return m->wait_until > m->now ? m->wait_until : m->now;
	case MODEM_READY:
		break;
	}
	if (at_busy(m->at))
		return at_next_deadline(m->at);
	if (jobs_waiting(m))
		return m->now;
	if (m->mem_cur[0] != '\0' && strcmp(m->mem_cur, m->info.storage) != 0)
		return m->now;
	return m->last_answer + m->cfg.health_interval_ms;
}

static int valid_hex(const char *hex)
{
	size_t n = strlen(hex);

	if (n == 0 || n % 2 != 0 || n >= AT_BODY_MAX)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isxdigit((unsigned char)hex[i]))
			return 0;
	return 1;
}

int modem_send_pdu(struct modem *m, const char *hex, int tpdu_len, void *cookie)
{
	struct send_job *s;

	/* A wrong <length> leaves the modem waiting for more at "> ". */
	if (hex == NULL || !valid_hex(hex) || tpdu_len <= 0 ||
	    (size_t)mp_hex_octet(hex) + 1 + (size_t)tpdu_len !=
		strlen(hex) / 2 ||
	    m->s_n == SEND_QUEUE_MAX)
		return -1;
	s = &m->sends[(m->s_head + m->s_n) % SEND_QUEUE_MAX];
	s->hex = strdup(hex);
	if (s->hex == NULL)
		return -1;
	s->tpdu_len = tpdu_len;
	s->cookie = cookie;
	m->s_n++;
	return 0;
}

int modem_delete(struct modem *m, const struct modem_message *msg)
{
	const char *mem;

	if (msg == NULL || msg->index < 0)
		return -1;
	if (msg->epoch != m->epoch || !port_is_open(m)) {
		log_debug("modem %s: not deleting %s %d: read on an earlier "
			  "connection",
			  m->device, msg->memory, msg->index);
		return -1;
	}
	mem = msg->memory != NULL && msg->memory[0] != '\0' ? msg->memory
							    : m->info.storage;
	if (strlen(mem) >= MEM_NAME_MAX)
		return -1;
	for (size_t i = 0; i < m->n_deletes; i++)
		if (m->deletes[i].index == msg->index &&
		    strcmp(m->deletes[i].mem, mem) == 0)
			return 0;
	if (m->n_deletes == m->cap_deletes) {
		size_t cap = m->cap_deletes ? m->cap_deletes * 2 : 64;
		struct slot_job *v = NULL;
		if (cap <= DELETE_QUEUE_MAX)
			v = realloc(m->deletes, cap * sizeof(*v));
		if (v == NULL) {
			/* Not silent: the next list finds it again, and it
			 * is deleted then (it is committed). */
			if (!m->delete_overflow_warned)
				log_warn("modem %s: the delete queue is full: "
					 "listing storage again later",
					 m->device);
			m->delete_overflow_warned = 1;
			modem_want_list(m, mem);
			return -1;
		}
		m->deletes = v;
		m->cap_deletes = cap;
	}
	copy_field(m->deletes[m->n_deletes].mem, MEM_NAME_MAX, mem);
	m->deletes[m->n_deletes].index = msg->index;
	m->deletes[m->n_deletes].status_report = 0;
	m->n_deletes++;
	return 0;
}

int modem_rescan(struct modem *m)
{
	if (m->state != MODEM_READY)
		return -1;
	want_list_all(m);
	return 0;
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
