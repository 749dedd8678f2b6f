/*
 * modem_init: the start-up, one table of steps. Each row is a command, the
 * lines it is owed, what to do with each line, and which step follows its
 * result; modem.c runs the table one row at a time. See modem_int.h.
 */
#include "modem_int.h"

#include "smsdesk/log.h"

#include <stdio.h>
#include <string.h>

/* 27.005 minimum: +CMTI for new messages, no status reports. */
static const char fallback_cnmi[] = "AT+CNMI=1,1,0,0,0";

struct step {
	const char *cmd; /* the command; NULL: build() writes it */
	/* Write the command into buf; 0: skip to the next row. */
	int (*build)(struct modem *m, char *buf, size_t cap);
	const char *prefix; /* lines owed to it; NULL: bare lines */
	int pdu_follows;
	int slow; /* three command timeouts */
	void (*line)(struct modem *m, const char *line, const char *pdu);
	/* The next step after its result; NULL: the next row. */
	enum init_step (*done)(struct modem *m, const struct at_event *ev);
};

static void copy_field(char *dst, size_t cap, const char *src)
{
	snprintf(dst, cap, "%s", src);
}

/* ---- lines ------------------------------------------------------------ */

static void line_cgmi(struct modem *m, const char *line, const char *pdu)
{
	(void)pdu;
	if (m->info.manufacturer[0] == '\0')
		copy_field(m->info.manufacturer, sizeof(m->info.manufacturer),
			   mp_after_prefix(line, "+CGMI:"));
}

static void line_cgmm(struct modem *m, const char *line, const char *pdu)
{
	(void)pdu;
	if (m->info.model[0] == '\0')
		copy_field(m->info.model, sizeof(m->info.model),
			   mp_after_prefix(line, "+CGMM:"));
}

static void line_cgmr(struct modem *m, const char *line, const char *pdu)
{
	(void)pdu;
	if (m->info.revision[0] == '\0')
		copy_field(m->info.revision, sizeof(m->info.revision),
			   mp_after_prefix(mp_after_prefix(line, "+CGMR:"),
					   "Revision:"));
}

static void line_cgsn(struct modem *m, const char *line, const char *pdu)
{
	const char *p = mp_after_prefix(line, "+CGSN:");

	(void)pdu;
	/* Some firmware: +CGSN: "869777028421538" (simcom-sim7600.md). */
	if (m->info.imei[0] != '\0')
		return;
	if (*p == '"')
		mp_quoted(p, 0, m->info.imei, sizeof(m->info.imei));
	else
		copy_field(m->info.imei, sizeof(m->info.imei), p);
}

static void line_cpin(struct modem *m, const char *line, const char *pdu)
{
	(void)pdu;
	copy_field(m->info.sim_state, sizeof(m->info.sim_state),
		   mp_after_prefix(line, "+CPIN:"));
}

static void line_iccid(struct modem *m, const char *line, const char *pdu)
{
	(void)pdu;
	if (m->info.iccid[0] == '\0')
		mp_iccid(line, m->quirk->iccid_prefix, 0, m->info.iccid,
			 sizeof(m->info.iccid));
}

static void line_crsm(struct modem *m, const char *line, const char *pdu)
{
	int v[2];

	(void)pdu;
	/* "+CRSM: <sw1>,<sw2>,"<data>"": 144,0 is success (TS 51.011 9.4). */
	if (m->info.iccid[0] == '\0' && mp_fields(line, v, 2) == 2 &&
	    v[0] == 144)
		mp_iccid(line, "+CRSM:", 1, m->info.iccid,
			 sizeof(m->info.iccid));
}

static void line_cpms_query(struct modem *m, const char *line, const char *pdu)
{
	char mem[3][MEM_NAME_MAX];
	int v[9];
	int n = mp_fields(line, v, 9);

	(void)pdu;
	for (int i = 0; i < 3; i++)
		mp_quoted(line, i, mem[i], sizeof(mem[i]));
	copy_field(m->info.storage, sizeof(m->info.storage), mem[0]);
	copy_field(m->mem_cur, sizeof(m->mem_cur), mem[0]);
	if (n >= 3) {
		m->info.storage_used = v[1];
		m->info.storage_total = v[2];
	}
	if (strcmp(mem[0], m->quirk->storage) != 0 ||
	    strcmp(mem[2], m->quirk->storage) != 0) {
		char text[160];
		snprintf(
		    text, sizeof(text),
		    "storage is read from %s but arrivals go to %s (wanted "
		    "%s for both): reading each where it is announced",
		    mem[0], mem[2], m->quirk->storage);
		modem_warn(m, MODEM_WARN_STORAGE_MISMATCH, text);
	}
}

static void line_csq(struct modem *m, const char *line, const char *pdu)
{
	int v[2];

	(void)pdu;
	if (mp_fields(line, v, 2) == 2) {
		m->info.rssi = v[0];
		m->info.ber = v[1];
	}
}

static void line_creg(struct modem *m, const char *line, const char *pdu)
{
	int v[2];
	int n = mp_fields(line, v, 2);

	(void)pdu;
	if (n >= 1)
		m->info.reg_stat = n >= 2 ? v[1] : v[0];
}

static void line_csca(struct modem *m, const char *line, const char *pdu)
{
	(void)pdu;
	mp_quoted(line, 0, m->info.smsc, sizeof(m->info.smsc));
}

static void line_list(struct modem *m, const char *line, const char *pdu)
{
	modem_listed(m, m->info.storage, line, pdu);
}

/* ---- commands that depend on the profile ------------------------------- */

static int build_vendor(struct modem *m, char *buf, size_t cap)
{
	if (m->quirk->extra_init == NULL)
		return 0;
	snprintf(buf, cap, "%s", m->quirk->extra_init);
	return 1;
}

static int build_iccid(struct modem *m, char *buf, size_t cap)
{
	if (m->quirk->iccid_cmd == NULL || m->info.iccid[0] != '\0')
		return 0;
	snprintf(buf, cap, "%s", m->quirk->iccid_cmd);
	return 1;
}

static int build_crsm(struct modem *m, char *buf, size_t cap)
{
	if (m->info.iccid[0] != '\0')
		return 0;
	/* READ BINARY (176) of EF_ICCID (0x2FE2 = 12258), 10 octets. */
	snprintf(buf, cap, "AT+CRSM=176,12258,0,0,10");
	return 1;
}

static int build_cpin(struct modem *m, char *buf, size_t cap)
{
	/* Only ever reached through pin_decision(). */
	if (!m->pin_wanted || m->pin == NULL || m->pin[0] == '\0')
		return 0;
	snprintf(buf, cap, "AT+CPIN=\"%s\"", m->pin);
	/* From now on it may have cost a try, answered or not. */
	m->pin_sent = 1;
	m->pin_pending = 1;
	return 1;
}

static int build_cpms_set(struct modem *m, char *buf, size_t cap)
{
	const char *s = m->quirk->storage;

	snprintf(buf, cap, "AT+CPMS=\"%s\",\"%s\",\"%s\"", s, s, s);
	return 1;
}

static int build_csms(struct modem *m, char *buf, size_t cap)
{
	snprintf(buf, cap, "AT+CSMS=%d", m->quirk->csms);
	return 1;
}

static int build_cnmi(struct modem *m, char *buf, size_t cap)
{
	snprintf(buf, cap, "%s",
		 m->cnmi_fallback ? fallback_cnmi : m->quirk->cnmi);
	return 1;
}

static int build_list(struct modem *m, char *buf, size_t cap)
{
	if (m->cfg.probe_only)
		return 0;
	snprintf(buf, cap, "AT+CMGL=4");
	m->n_reads = 0; /* the list covers every read owed */
	m->last_list = m->now;
	return 1;
}

/* ---- what follows a result ----------------------------------------------
 */

static void choose_quirk(struct modem *m)
{
	const struct modem_quirk *q = NULL;

	if (m->quirk_name != NULL) {
		q = modem_quirk_by_name(m->quirk_name);
		if (q == NULL)
			log_warn("modem %s: unknown profile '%s': choosing "
				 "from identification",
				 m->device, m->quirk_name);
	}
	if (q == NULL)
		q = modem_quirk_for(m->info.manufacturer, m->info.model);
	m->quirk = q;
	m->poll_storage = q->poll_storage;
	m->info.quirk = q->name;
	m->info.quirk_note = q->note;
	modem_register_profile(m->at, q);
	log_info("modem %s: %s %s (%s): profile %s", m->device,
		 m->info.manufacturer, m->info.model, m->info.revision,
		 q->name);
}

static enum init_step done_cgsn(struct modem *m, const struct at_event *ev)
{
	(void)ev;
	choose_quirk(m);
	return STEP_VENDOR;
}

static enum init_step done_vendor(struct modem *m, const struct at_event *ev)
{
	if (ev->result != AT_RESULT_OK)
		log_warn("modem %s: %s refused: %s", m->device,
			 m->quirk->extra_init, at_result_name(ev->result));
	return STEP_CPIN_QUERY;
}

/* Who the SIM is, for the PIN guard: its ICCID, else the modem's IMEI. */
static void sim_key(const struct modem *m, char *out, size_t cap)
{
	if (m->info.iccid[0] != '\0')
		snprintf(out, cap, "iccid:%s", m->info.iccid);
	else if (m->info.imei[0] != '\0')
		snprintf(out, cap, "imei:%s", m->info.imei);
	else
		snprintf(out, cap, "device:%s", m->device);
}

/* The SIM wants its PIN and its ICCID is read: enter it, or not. */
static enum init_step pin_decision(struct modem *m)
{
	char id[64];

	if (m->pin == NULL || m->pin[0] == '\0') {
		modem_request_fail(m, MODEM_FAIL_SIM,
				   "the SIM asks for a PIN: set pin in the "
				   "modems entry of the config");
		return STEP_DONE;
	}
	sim_key(m, id, sizeof(id));
	if (m->pin_sent) {
		modem_request_fail(m, MODEM_FAIL_SIM,
				   "the SIM still asks for its PIN after it "
				   "was entered");
		return STEP_DONE;
	}
	if (m->pin_pending && !m->pin_accepted) {
		/*
		 * Entered on a connection that dropped before the SIM
		 * answered: it may have been refused. Not again: that could
		 * be the try that locks the SIM.
		 */
		if (m->has_guard && m->guard.result != NULL)
			m->guard.result(m->guard.ctx, id, m->pin, 0);
		modem_request_fail(m, MODEM_FAIL_SIM,
				   "the PIN was entered but the line dropped "
				   "before the SIM answered, and the SIM asks "
				   "for it again: not entered again (run "
				   "'smsdesk modem --retry-pin' once the PIN "
				   "in the config is known to be right)");
		return STEP_DONE;
	}
	if (m->has_guard && m->guard.refused != NULL &&
	    m->guard.refused(m->guard.ctx, id, m->pin) && !m->cfg.retry_pin) {
		char text[256];
		snprintf(text, sizeof(text),
			 "the SIM (%s) refused this PIN before: not entered "
			 "again, so that the SIM is not locked. Check pin in "
			 "the config (or unlock the SIM in a phone), then run "
			 "'smsdesk modem --retry-pin' once",
			 id);
		modem_request_fail(m, MODEM_FAIL_SIM, text);
		return STEP_DONE;
	}
	return STEP_CPIN_ENTER;
}

/* What the SIM said to AT+CPIN?: the next step, or fail. */
static enum init_step done_cpin_query(struct modem *m,
				      const struct at_event *ev)
{
	const char *st = m->info.sim_state;

	if (ev->result == AT_RESULT_CME_ERROR && ev->code == 10) {
		modem_request_fail(m, MODEM_FAIL_NO_SIM,
				   "no SIM card inserted (+CME ERROR: 10)");
		return STEP_DONE;
	}
	if (ev->result != AT_RESULT_OK || strcmp(st, "NOT READY") == 0 ||
	    st[0] == '\0') {
		/* SIM busy (+CME ERROR: 14) just after reset: wait. */
		if (++m->sim_busy_tries > SIM_BUSY_RETRIES) {
			modem_request_fail(m, MODEM_FAIL_DEVICE,
					   "the SIM never became ready");
			return STEP_DONE;
		}
		m->wait_until = m->now + SIM_BUSY_PAUSE_MS;
		return STEP_CPIN_QUERY;
	}
	if (strcmp(st, "READY") == 0) {
		m->pin_wanted = 0;
		return m->info.iccid[0] != '\0' ? STEP_CMGF : STEP_ICCID;
	}
	if (strcmp(st, "SIM PIN") == 0) {
		m->pin_wanted = 1;
		return m->info.iccid[0] != '\0' ? pin_decision(m) : STEP_ICCID;
	}
	char text[128];
	snprintf(text, sizeof(text),
		 "the SIM wants '%s': unlock it in a phone first", st);
	modem_request_fail(m, MODEM_FAIL_SIM, text);
	return STEP_DONE;
}

static enum init_step done_iccid(struct modem *m, const struct at_event *ev)
{
	(void)ev;
	if (m->info.iccid[0] == '\0')
		return STEP_ICCID_CRSM;
	return m->pin_wanted ? pin_decision(m) : STEP_CMGF;
}

static enum init_step done_crsm(struct modem *m, const struct at_event *ev)
{
	(void)ev;
	if (m->info.iccid[0] == '\0')
		log_info("modem %s: the SIM's ICCID cannot be read: it is "
			 "known by the modem's IMEI instead",
			 m->device);
	return m->pin_wanted ? pin_decision(m) : STEP_CMGF;
}

static enum init_step done_cpin_enter(struct modem *m,
				      const struct at_event *ev)
{
	char id[64];
	int ok = ev->result == AT_RESULT_OK;

	sim_key(m, id, sizeof(id));
	if (ev->result == AT_RESULT_ABORTED)
		return STEP_DONE; /* the line dropped: pin_pending says so */
	m->pin_pending = 0;
	if (ok)
		m->pin_accepted = 1;
	/*
	 * Anything but OK may have cost a try (a timeout too): remember it
	 * as refused, so that no later start enters it again.
	 */
	if (m->has_guard && m->guard.result != NULL)
		m->guard.result(m->guard.ctx, id, m->pin, ok);
	if (!ok) {
		char text[256];
		snprintf(text, sizeof(text),
			 "the SIM (%s) refused the configured PIN (%s): not "
			 "retried, now or at the next start (check pin in the "
			 "config, then run 'smsdesk modem --retry-pin' once)",
			 id, at_result_name(ev->result));
		modem_request_fail(m, MODEM_FAIL_SIM, text);
		return STEP_DONE;
	}
	m->wait_until = m->now + SIM_BUSY_PAUSE_MS;
	return STEP_CPIN_QUERY;
}

static enum init_step done_cmgf(struct modem *m, const struct at_event *ev)
{
	if (ev->result == AT_RESULT_OK)
		return STEP_CPMS_SET;
	/* SMS commands fail until "SMS Ready" (simcom-sim800.md). */
	if (++m->cmgf_tries > SIM_BUSY_RETRIES) {
		modem_request_fail(m, MODEM_FAIL_DEVICE,
				   "the modem refuses PDU mode (AT+CMGF=0)");
		return STEP_DONE;
	}
	m->wait_until = m->now + SIM_BUSY_PAUSE_MS;
	return STEP_CMGF;
}

static enum init_step done_cpms_set(struct modem *m, const struct at_event *ev)
{
	if (ev->result != AT_RESULT_OK)
		log_warn("modem %s: AT+CPMS=\"%s\" refused (%s): checking "
			 "what is in use",
			 m->device, m->quirk->storage,
			 at_result_name(ev->result));
	return STEP_CPMS_QUERY;
}

static enum init_step done_cpms_query(struct modem *m,
				      const struct at_event *ev)
{
	(void)ev;
	if (m->info.storage_total > 0 &&
	    m->info.storage_used >= m->info.storage_total)
		modem_storage_full(m, "full at start-up");
	return STEP_CSMS;
}

static enum init_step done_csms(struct modem *m, const struct at_event *ev)
{
	m->needs_cnma = ev->result == AT_RESULT_OK && m->quirk->csms == 1;
	return STEP_CNMI;
}

static enum init_step done_cnmi(struct modem *m, const struct at_event *ev)
{
	int ok = ev->result == AT_RESULT_OK;

	if (!ok && !m->cnmi_fallback &&
	    strcmp(m->quirk->cnmi, fallback_cnmi) != 0) {
		m->cnmi_fallback = 1;
		return STEP_CNMI;
	}
	if (!ok) {
		m->poll_storage = 1;
		modem_warn(m, MODEM_WARN_NO_PUSH,
			   "the modem refuses AT+CNMI: new messages are found "
			   "by listing storage at each health check");
	}
	return STEP_CSQ;
}

static enum init_step done_list(struct modem *m, const struct at_event *ev)
{
	if (ev->result != AT_RESULT_OK)
		log_warn("modem %s: AT+CMGL=4 failed: %s", m->device,
			 at_result_name(ev->result));
	return STEP_DONE;
}

/* ---- the table ----------------------------------------------------------
 */

static const struct step steps[STEP_DONE] = {
    /* ESC first: a modem left at a "> " prompt drops the text. */
    [STEP_RESET] = {.cmd = "\x1b"
			   "ATZ"},
    [STEP_ECHO_OFF] = {.cmd = "ATE0"},
    [STEP_CMEE] = {.cmd = "AT+CMEE=1"},
    [STEP_CGMI] = {.cmd = "AT+CGMI", .line = line_cgmi},
    [STEP_CGMM] = {.cmd = "AT+CGMM", .line = line_cgmm},
    [STEP_CGMR] = {.cmd = "AT+CGMR", .line = line_cgmr},
    [STEP_CGSN] = {.cmd = "AT+CGSN", .line = line_cgsn, .done = done_cgsn},
    [STEP_VENDOR] = {.build = build_vendor, .done = done_vendor},
    [STEP_CPIN_QUERY] = {.cmd = "AT+CPIN?",
			 .prefix = "+CPIN:",
			 .line = line_cpin,
			 .done = done_cpin_query},
    [STEP_ICCID] = {.build = build_iccid,
		    .line = line_iccid,
		    .done = done_iccid},
    [STEP_ICCID_CRSM] = {.build = build_crsm,
			 .prefix = "+CRSM:",
			 .line = line_crsm,
			 .done = done_crsm},
    [STEP_CPIN_ENTER] = {.build = build_cpin, .done = done_cpin_enter},
    [STEP_CMGF] = {.cmd = "AT+CMGF=0", .done = done_cmgf},
    [STEP_CPMS_SET] = {.build = build_cpms_set,
		       .prefix = "+CPMS:",
		       .done = done_cpms_set},
    [STEP_CPMS_QUERY] = {.cmd = "AT+CPMS?",
			 .prefix = "+CPMS:",
			 .line = line_cpms_query,
			 .done = done_cpms_query},
    [STEP_CSMS] = {.build = build_csms, .prefix = "+CSMS:", .done = done_csms},
    [STEP_CNMI] = {.build = build_cnmi, .done = done_cnmi},
    [STEP_CSQ] = {.cmd = "AT+CSQ", .prefix = "+CSQ:", .line = line_csq},
    [STEP_CREG] = {.cmd = "AT+CREG?", .prefix = "+CREG:", .line = line_creg},
    [STEP_CSCA] = {.cmd = "AT+CSCA?", .prefix = "+CSCA:", .line = line_csca},
    [STEP_LIST] = {.build = build_list,
		   .prefix = "+CMGL:",
		   .pdu_follows = 1,
		   .slow = 1,
		   .line = line_list,
		   .done = done_list},
};

int modem_init_command(struct modem *m, struct at_cmd *c, char *buf, size_t cap)
{
	const struct step *s;

	memset(c, 0, sizeof(*c));
	if (m->step >= STEP_DONE)
		return 0;
	s = &steps[m->step];
	if (s->build != NULL) {
		if (!s->build(m, buf, cap))
			return 0;
	} else {
		snprintf(buf, cap, "%s", s->cmd);
	}
	c->cmd = buf;
	c->prefix = s->prefix;
	c->pdu_follows = s->pdu_follows;
	c->tag = JOB_INIT;
	c->timeout_ms = m->cfg.command_timeout_ms * (s->slow ? 3 : 1);
	return 1;
}

void modem_init_line(struct modem *m, const char *line, const char *pdu)
{
	if (m->step < STEP_DONE && steps[m->step].line != NULL)
		steps[m->step].line(m, line, pdu);
}

enum init_step modem_init_next(struct modem *m, const struct at_event *ev)
{
	if (m->step >= STEP_DONE)
		return STEP_DONE;
	if (steps[m->step].done != NULL)
		return steps[m->step].done(m, ev);
	return m->step + 1;
}

const char *modem_init_loggable(const struct modem *m, const char *cmd)
{
	(void)m;
	if (strncmp(cmd, "AT+CPIN=", 8) == 0)
		return "AT+CPIN=(the PIN, not logged)";
	return cmd;
}
