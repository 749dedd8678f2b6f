/*
 * modem_jobs: what the driver does once the modem is up — the unsolicited
 * lines, reading and deleting stored messages in the memory each is in,
 * listing storage, sending, and the health check — and which command goes
 * next (modem_pump). See modem_int.h and include/smsdesk/modem.h.
 */
#include "modem_int.h"

#include "smsdesk/log.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A memory name or a line into a fixed field, cut to fit. */
static void copy_field(char *dst, size_t cap, const char *src)
{
	size_t n = strnlen(src, cap - 1);

	memcpy(dst, src, n);
	dst[n] = '\0';
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
	if (m->state != MODEM_READY) {
		/* Still starting (which memory is ours is not known yet): the
		 * start-up's list finds it; another memory is listed once
		 * ready. */
		if (mem[0] != '\0')
			modem_want_list(m, mem);
		return;
	}
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

void modem_on_at_event(void *ctx, const struct at_event *ev)
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
			modem_request_close(m, "the modem stopped answering");
	} else if (ev->result != AT_RESULT_ABORTED) {
		m->timeouts = 0;
		m->last_answer = m->now;
	}
	if (ev->result == AT_RESULT_CMS_ERROR && ev->code == 322)
		modem_storage_full(m, "+CMS ERROR: 322");
	job_final(m, ev->tag, ev);
}

static void issue(struct modem *m, const struct at_cmd *c)
{
	log_debug("modem %s: > %s", m->device, modem_init_loggable(m, c->cmd));
	if (at_send(m->at, c, m->now) != 0)
		log_error("modem %s: cannot queue %s", m->device,
			  modem_init_loggable(m, c->cmd));
}

int modem_jobs_waiting(const struct modem *m)
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
void modem_pump(struct modem *m)
{
	char buf[AT_CMD_MAX];
	struct at_cmd c = {.cmd = buf, .timeout_ms = m->cfg.command_timeout_ms};
	const char *mem;

	if (!modem_port_is_open(m) || at_busy(m->at))
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
	if (msg->epoch != m->epoch || !modem_port_is_open(m)) {
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
