/*
 * modem: the GSM driver. See include/smsdesk/modem.h for the contract.
 *
 * One AT command is on the wire at a time. The start-up is a sequence of
 * steps (enum init_step), each a command and what its answer means; once
 * ready, pump() picks the next job by priority: acknowledge, delete, read,
 * list, send, health check. Callbacks from `at` only record what happened
 * and set flags; closing the port happens after at_feed()/at_tick() return,
 * so the engine is never freed under its own feet.
 */
#include "smsdesk/modem.h"

#include "smsdesk/at.h"
#include "smsdesk/log.h"
#include "smsdesk/serial.h"

#include <ctype.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SEND_QUEUE_MAX		  64
#define INDEX_QUEUE_MAX		  64
#define SIM_BUSY_RETRIES	  10
#define SIM_BUSY_PAUSE_MS	  2000
#define TIMEOUTS_BEFORE_RECONNECT 2

/*
 * Profiles, kept consistent with firmware-notes/ (the "Recommended driver
 * settings" table of firmware-notes/README.md); each entry names the note
 * that holds its sources. All use one memory for all three AT+CPMS slots
 * and AT+CSMS=0, so +CMT/+CDS never need AT+CNMA. Every profile routes
 * status reports as +CDS (<ds>=1): the daemon asks for one on each text it
 * sends, and they are what turns "sent" into "delivered" (README.md there).
 */
static const struct modem_quirk quirks[] = {
    /* "SMS Ready" late means the module restarted (simcom-sim800.md). */
    {.name = "simcom-sim800",
     .manufacturer = "SIMCOM",
     .model = "SIM800",
     .storage = "SM",
     .cnmi = "AT+CNMI=2,1,0,1,0",
     .note = "firmware-notes/simcom-sim800.md"},
    {.name = "simcom-sim900",
     .manufacturer = "SIMCOM",
     .model = "SIM900",
     .storage = "SM",
     .cnmi = "AT+CNMI=2,1,0,1,0",
     .note = "firmware-notes/simcom-sim800.md"},
    {.name = "simcom-sim7600",
     .manufacturer = "SIMCOM",
     .model = "SIM7600",
     .storage = "SM",
     .cnmi = "AT+CNMI=2,1,0,1,0",
     .note = "firmware-notes/simcom-sim7600.md"},
    /*
     * URCs go to whichever port AT+QURCCFG names, and some users never
     * saw +CMTI: route them to ours and also list storage at each health
     * check. Status reports with ds=1 (+CDS): ds=2 announces them in the
     * wrong memory (quectel-ec25.md).
     */
    {.name = "quectel-ec25",
     .manufacturer = "Quectel",
     .model = "EC25",
     .storage = "SM",
     .cnmi = "AT+CNMI=2,1,0,1,0",
     .extra_init = "AT+QURCCFG=\"urcport\",\"usbat\"",
     .extra_urc = "+QUSIM:",
     .poll_storage = 1,
     .note = "firmware-notes/quectel-ec25.md"},
    {.name = "quectel-eg25",
     .manufacturer = "Quectel",
     .model = "EG25",
     .storage = "SM",
     .cnmi = "AT+CNMI=2,1,0,1,0",
     .extra_init = "AT+QURCCFG=\"urcport\",\"usbat\"",
     .extra_urc = "+QUSIM:",
     .poll_storage = 1,
     .note = "firmware-notes/quectel-ec25.md"},
    /* URC routing as on the EC25: unverified for the BG96 (its note). */
    {.name = "quectel-bg96",
     .manufacturer = "Quectel",
     .model = "BG96",
     .storage = "SM",
     .cnmi = "AT+CNMI=2,1,0,1,0",
     .extra_init = "AT+QURCCFG=\"urcport\",\"usbat\"",
     .note = "firmware-notes/quectel-bg96.md"},
    /* A UART module: one channel for AT and URCs. */
    {.name = "quectel-m35",
     .manufacturer = "Quectel",
     .model = "M35",
     .storage = "SM",
     .cnmi = "AT+CNMI=2,1,0,1,0",
     .note = "firmware-notes/quectel-m35.md"},
    /* ^RSSI/^BOOT/^MODE flood the port unless AT^CURC=0. */
    {.name = "huawei-e3372",
     .manufacturer = "huawei",
     .model = "E3372",
     .storage = "SM",
     .cnmi = "AT+CNMI=2,1,0,1,0",
     .extra_init = "AT^CURC=0",
     .extra_final = "COMMAND NOT SUPPORT",
     .extra_urc = "^DSFLOWRPT:",
     .note = "firmware-notes/huawei-e3372-e173.md"},
    {.name = "huawei-e173",
     .manufacturer = "huawei",
     .model = "E173",
     .storage = "SM",
     .cnmi = "AT+CNMI=2,1,0,1,0",
     .extra_init = "AT^CURC=0",
     .extra_final = "COMMAND NOT SUPPORT",
     .extra_urc = "^DSFLOWRPT:",
     .note = "firmware-notes/huawei-e3372-e173.md"},
    /* "SIM busy" early after boot: the AT+CPIN? retry covers it. */
    {.name = "ublox",
     .manufacturer = "u-blox",
     .storage = "SM",
     .cnmi = "AT+CNMI=2,1,0,1,0",
     .note = "firmware-notes/ublox-sara-lisa.md"},
    {.name = "telit",
     .manufacturer = "Telit",
     .storage = "SM",
     .cnmi = "AT+CNMI=2,1,0,1,0",
     .note = "firmware-notes/telit-he910-le910.md"},
    /* Last: matches anything. */
    {.name = "generic",
     .storage = "SM",
     .cnmi = "AT+CNMI=2,1,0,1,0",
     .note = "firmware-notes/README.md"},
};

#define N_QUIRKS (sizeof(quirks) / sizeof(quirks[0]))
/* 27.005 minimum: +CMTI for new messages, no status reports. */
static const char fallback_cnmi[] = "AT+CNMI=1,1,0,0,0";

enum init_step {
	STEP_RESET,
	STEP_ECHO_OFF,
	STEP_CMEE,
	STEP_CGMI,
	STEP_CGMM,
	STEP_CGMR,
	STEP_CGSN,
	STEP_VENDOR,
	STEP_CPIN_QUERY,
	STEP_CPIN_ENTER,
	STEP_CMGF,
	STEP_CPMS_SET,
	STEP_CPMS_QUERY,
	STEP_CSMS,
	STEP_CNMI,
	STEP_CSQ,
	STEP_CREG,
	STEP_CSCA,
	STEP_LIST,
	STEP_DONE,
};

enum job {
	JOB_INIT,
	JOB_ACK,
	JOB_DELETE,
	JOB_READ,
	JOB_LIST,
	JOB_SEND,
	JOB_HEALTH,
};

struct send_job {
	char *hex;
	int tpdu_len;
	void *cookie;
};

struct pending_read {
	int index;
	int status_report; /* announced by +CDSI */
};

struct modem {
	struct modem_config cfg;
	char *device, *pin, *quirk_name;
	struct modem_callbacks cb;

	struct serial *port;
	struct at *at;
	enum modem_state state;
	int64_t now;
	int64_t reopen_at;
	int backoff_ms;
	char open_error[256];

	enum init_step step;
	int64_t wait_until; /* pause before the next start-up step */
	int sim_busy_tries;
	int pin_sent;
	int cnmi_fallback;
	const struct modem_quirk *quirk;
	struct modem_info info;

	int64_t last_answer; /* for the health check */
	int timeouts;	     /* consecutive */
	int needs_cnma, ack_owed, poll_storage, need_list;
	int cmgf_tries;
	int full_warned;
	int reply_mr; /* +CMGS of the send on the wire */

	struct pending_read reads[INDEX_QUEUE_MAX];
	size_t n_reads;
	int deletes[INDEX_QUEUE_MAX];
	size_t n_deletes;
	struct send_job sends[SEND_QUEUE_MAX];
	size_t s_head, s_n;

	/* Set from at callbacks, acted on after the engine returns. */
	int want_close, want_fail, want_restart;
	char reason[256];
};

static char *dup_or_null(const char *s)
{
	return s == NULL ? NULL : strdup(s);
}

static void copy_field(char *dst, size_t cap, const char *src)
{
	snprintf(dst, cap, "%s", src);
}

/* Case-insensitive: "SIMCOM_Ltd" and "SIMCOM INCORPORATED" both match. */
static int contains_nocase(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay != '\0'; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return 1;
	return n == 0;
}

const struct modem_quirk *modem_quirk_for(const char *manufacturer,
					  const char *model)
{
	for (size_t i = 0; i < N_QUIRKS; i++) {
		const struct modem_quirk *q = &quirks[i];
		if (q->manufacturer != NULL &&
		    (manufacturer == NULL ||
		     !contains_nocase(manufacturer, q->manufacturer)))
			continue;
		if (q->model != NULL &&
		    (model == NULL || !contains_nocase(model, q->model)))
			continue;
		return q;
	}
	return &quirks[N_QUIRKS - 1];
}

const struct modem_quirk *modem_quirk_by_name(const char *name)
{
	for (size_t i = 0; i < N_QUIRKS; i++)
		if (name != NULL && strcmp(quirks[i].name, name) == 0)
			return &quirks[i];
	return NULL;
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

static void set_state(struct modem *m, enum modem_state s, const char *reason)
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

static void warn(struct modem *m, enum modem_warning w, const char *text)
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

static void request_fail(struct modem *m, const char *reason)
{
	if (m->want_fail)
		return;
	m->want_fail = 1;
	copy_field(m->reason, sizeof(m->reason), reason);
}

/* ---- parsing helpers ---------------------------------------------------- */

/* The text after "PREFIX: " or the whole line when it lacks the prefix. */
static const char *after_prefix(const char *line, const char *prefix)
{
	size_t n = strlen(prefix);

	if (strncmp(line, prefix, n) != 0)
		return line;
	line += n;
	while (*line == ' ')
		line++;
	return line;
}

/*
 * Comma-separated fields after the ':' of LINE: integers go to v (quoted
 * and empty fields count as -1). Returns the number of fields.
 */
static int parse_fields(const char *line, int *v, int max)
{
	const char *p = strchr(line, ':');
	int n = 0;

	p = p == NULL ? line : p + 1;
	while (n < max) {
		char *end;
		long x;
		while (*p == ' ')
			p++;
		if (*p == '"') {
			const char *q = strchr(p + 1, '"');
			p = q == NULL ? p + strlen(p) : q + 1;
			v[n++] = -1;
		} else {
			x = strtol(p, &end, 10);
			v[n++] = end == p ? -1 : (int)x;
			p = end;
		}
		p = strchr(p, ',');
		if (p == NULL)
			break;
		p++;
	}
	return n;
}

/* The last integer field: the <length> of +CMGL/+CMGR/+CMT headers. */
static int last_field(const char *line)
{
	const char *comma = strrchr(line, ',');
	const char *p = comma != NULL ? comma + 1 : strchr(line, ':');

	if (p == NULL)
		return -1;
	if (*p == ':')
		p++;
	while (*p == ' ')
		p++;
	return isdigit((unsigned char)*p) ? atoi(p) : -1;
}

/* The first "quoted" string of LINE into out. */
static void first_quoted(const char *line, char *out, size_t cap)
{
	const char *a = strchr(line, '"');
	const char *b = a != NULL ? strchr(a + 1, '"') : NULL;

	if (b == NULL) {
		out[0] = '\0';
		return;
	}
	snprintf(out, cap, "%.*s", (int)(b - a - 1), a + 1);
}

static int hex_octet(const char *p)
{
	int v = 0;

	for (int i = 0; i < 2; i++) {
		int c = p[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else
			return -1;
	}
	return v;
}

/*
 * Only TP-MTI is looked at, to route status reports apart: the first TPDU
 * octet after the SMSC part, bits 0-1 == 2 (23.040 9.2.3.1).
 */
static int is_status_report_pdu(const char *hex)
{
	size_t len = strlen(hex);
	int smsc_len = len >= 2 ? hex_octet(hex) : -1;
	size_t at;

	if (smsc_len < 0)
		return 0;
	at = 2 + 2 * (size_t)smsc_len;
	if (at + 2 > len)
		return 0;
	return (hex_octet(hex + at) & 0x03) == 0x02;
}

/* ---- arrivals ----------------------------------------------------------- */

static void deliver(struct modem *m, int index, int stat, const char *header,
		    const char *pdu, int announced_as_report)
{
	struct modem_message msg = {
	    .index = index,
	    .memory = index >= 0 ? m->info.storage : "",
	    .stat = stat,
	    .pdu_hex = pdu,
	    .tpdu_len = last_field(header),
	};

	if (pdu == NULL) {
		log_warn("modem %s: '%s' came without its PDU line", m->device,
			 header);
		return;
	}
	if (announced_as_report || is_status_report_pdu(pdu)) {
		if (m->cb.status_report != NULL)
			m->cb.status_report(m->cb.ctx, &msg);
	} else if (m->cb.message != NULL) {
		m->cb.message(m->cb.ctx, &msg);
	}
}

static void queue_read(struct modem *m, int index, int status_report)
{
	for (size_t i = 0; i < m->n_reads; i++)
		if (m->reads[i].index == index)
			return;
	if (m->n_reads == INDEX_QUEUE_MAX) {
		/* The list at the next drain finds it. */
		m->need_list = 1;
		return;
	}
	m->reads[m->n_reads].index = index;
	m->reads[m->n_reads].status_report = status_report;
	m->n_reads++;
}

static void storage_full(struct modem *m, const char *why)
{
	char text[200];

	if (!m->cfg.probe_only)
		m->need_list = 1;
	if (m->full_warned)
		return;
	m->full_warned = 1;
	snprintf(text, sizeof(text),
		 "message storage full (%s): reading and deleting stored "
		 "messages; new ones wait at the SMSC meanwhile",
		 why);
	warn(m, MODEM_WARN_STORAGE_FULL, text);
}

/* "+CMTI: "SM",3" and "+CDSI: "SM",4": is it in the memory we read? */
static void announced(struct modem *m, const char *line, int status_report)
{
	char mem[16];
	int index = last_field(line);

	first_quoted(line, mem, sizeof(mem));
	if (m->cfg.probe_only)
		return;
	if (index < 0) {
		/* "+CMTI: ,-1": nothing stored (simcom-sim7600.md). */
		warn(m, MODEM_WARN_STORAGE_MISMATCH,
		     "a message was announced without a storage place; "
		     "listing storage");
		m->need_list = 1;
		return;
	}
	if (mem[0] != '\0' && m->info.storage[0] != '\0' &&
	    strcmp(mem, m->info.storage) != 0) {
		char text[160];
		snprintf(text, sizeof(text),
			 "a message was stored in %s, not in %s which the "
			 "desk reads: check AT+CPMS",
			 mem, m->info.storage);
		warn(m, MODEM_WARN_STORAGE_MISMATCH, text);
		return;
	}
	queue_read(m, index, status_report);
}

static void handle_urc(struct modem *m, const char *line, const char *pdu)
{
	int v[4];

	if (strncmp(line, "+CMTI:", 6) == 0) {
		announced(m, line, 0);
	} else if (strncmp(line, "+CDSI:", 6) == 0) {
		announced(m, line, 1);
	} else if (strncmp(line, "+CMT:", 5) == 0 ||
		   strncmp(line, "+CDS:", 5) == 0) {
		deliver(m, -1, -1, line, pdu, line[2] == 'D');
		if (m->needs_cnma)
			m->ack_owed = 1;
	} else if (m->state == MODEM_READY && (strcmp(line, "SMS Ready") == 0 ||
					       strcmp(line, "RDY") == 0)) {
		/* Boot lines now: it restarted, settings are gone. */
		m->want_restart = 1;
	} else if (strncmp(line, "^SMMEMFULL", 10) == 0) {
		storage_full(m, line);
	} else if (strncmp(line, "+CREG:", 6) == 0) {
		if (parse_fields(line, v, 1) == 1)
			m->info.reg_stat = v[0];
	} else if (strncmp(line, "^RSSI:", 6) == 0) {
		if (parse_fields(line, v, 1) == 1)
			m->info.rssi = v[0];
	} else {
		log_debug("modem %s: URC %s", m->device, line);
	}
}

/* "+CMGL: <index>,<stat>,[<alpha>],<length>" and its PDU. */
static void listed(struct modem *m, const char *line, const char *pdu)
{
	int v[2];

	if (parse_fields(line, v, 2) != 2 || v[0] < 0) {
		log_warn("modem %s: unreadable list line '%.60s'", m->device,
			 line);
		return;
	}
	if (v[1] >= 2) {
		/* STO UNSENT / STO SENT: not something we received. */
		log_debug("modem %s: skipping stored outgoing %d", m->device,
			  v[0]);
		return;
	}
	deliver(m, v[0], v[1], line, pdu, 0);
}

/* ---- start-up ----------------------------------------------------------- */

static void init_line(struct modem *m, const char *line, const char *pdu)
{
	int v[9];
	int n;

	switch (m->step) {
	case STEP_CGMI:
		if (m->info.manufacturer[0] == '\0')
			copy_field(m->info.manufacturer,
				   sizeof(m->info.manufacturer),
				   after_prefix(line, "+CGMI:"));
		return;
	case STEP_CGMM:
		if (m->info.model[0] == '\0')
			copy_field(m->info.model, sizeof(m->info.model),
				   after_prefix(line, "+CGMM:"));
		return;
	case STEP_CGMR:
		if (m->info.revision[0] == '\0')
			copy_field(m->info.revision, sizeof(m->info.revision),
				   after_prefix(after_prefix(line, "+CGMR:"),
						"Revision:"));
		return;
	case STEP_CGSN:
		/* Some firmware: +CGSN: "869777028421538" (simcom-sim7600.md).
		 */
		if (m->info.imei[0] == '\0') {
			const char *p = after_prefix(line, "+CGSN:");
			if (*p == '"')
				first_quoted(p, m->info.imei,
					     sizeof(m->info.imei));
			else
				copy_field(m->info.imei, sizeof(m->info.imei),
					   p);
		}
		return;
	case STEP_CPIN_QUERY:
		copy_field(m->info.sim_state, sizeof(m->info.sim_state),
			   after_prefix(line, "+CPIN:"));
		return;
	case STEP_CPMS_QUERY: {
		char mem[3][8] = {"", "", ""};
		const char *p = line;
		for (int i = 0; i < 3 && p != NULL; i++) {
			first_quoted(p, mem[i], sizeof(mem[i]));
			p = strchr(p, '"');
			p = p != NULL ? strchr(p + 1, '"') : NULL;
			p = p != NULL ? p + 1 : NULL;
		}
		n = parse_fields(line, v, 9);
		copy_field(m->info.storage, sizeof(m->info.storage), mem[0]);
		if (n >= 3) {
			m->info.storage_used = v[1];
			m->info.storage_total = v[2];
		}
		if (strcmp(mem[0], m->quirk->storage) != 0 ||
		    strcmp(mem[2], m->quirk->storage) != 0) {
			char text[160];
			snprintf(text, sizeof(text),
				 "storage is read from %s but arrivals go to "
				 "%s (wanted %s for both)",
				 mem[0], mem[2], m->quirk->storage);
			warn(m, MODEM_WARN_STORAGE_MISMATCH, text);
		}
		return;
	}
	case STEP_CSQ:
		if (parse_fields(line, v, 2) == 2) {
			m->info.rssi = v[0];
			m->info.ber = v[1];
		}
		return;
	case STEP_CREG:
		n = parse_fields(line, v, 2);
		if (n >= 1)
			m->info.reg_stat = n >= 2 ? v[1] : v[0];
		return;
	case STEP_CSCA:
		first_quoted(line, m->info.smsc, sizeof(m->info.smsc));
		return;
	case STEP_LIST:
		listed(m, line, pdu);
		return;
	case STEP_RESET:
	case STEP_ECHO_OFF:
	case STEP_CMEE:
	case STEP_VENDOR:
	case STEP_CPIN_ENTER:
	case STEP_CMGF:
	case STEP_CPMS_SET:
	case STEP_CSMS:
	case STEP_CNMI:
	case STEP_DONE:
		return;
	}
}

/* The command for the current step into buf, with its prefix; 0: skip. */
static int init_command(struct modem *m, struct at_cmd *c, char *buf,
			size_t cap)
{
	const char *s = m->quirk != NULL ? m->quirk->storage : "SM";

	memset(c, 0, sizeof(*c));
	c->cmd = buf;
	c->tag = JOB_INIT;
	c->timeout_ms = m->cfg.command_timeout_ms;
	switch (m->step) {
	case STEP_RESET:
		/* ESC first: a modem left at a "> " prompt drops the text. */
		snprintf(buf, cap,
			 "\x1b"
			 "ATZ");
		return 1;
	case STEP_ECHO_OFF:
		snprintf(buf, cap, "ATE0");
		return 1;
	case STEP_CMEE:
		snprintf(buf, cap, "AT+CMEE=1");
		return 1;
	case STEP_CGMI:
		snprintf(buf, cap, "AT+CGMI");
		return 1;
	case STEP_CGMM:
		snprintf(buf, cap, "AT+CGMM");
		return 1;
	case STEP_CGMR:
		snprintf(buf, cap, "AT+CGMR");
		return 1;
	case STEP_CGSN:
		snprintf(buf, cap, "AT+CGSN");
		return 1;
	case STEP_VENDOR:
		if (m->quirk->extra_init == NULL)
			return 0;
		snprintf(buf, cap, "%s", m->quirk->extra_init);
		return 1;
	case STEP_CPIN_QUERY:
		snprintf(buf, cap, "AT+CPIN?");
		c->prefix = "+CPIN:";
		return 1;
	case STEP_CPIN_ENTER:
		snprintf(buf, cap, "AT+CPIN=\"%s\"", m->pin);
		return 1;
	case STEP_CMGF:
		snprintf(buf, cap, "AT+CMGF=0");
		return 1;
	case STEP_CPMS_SET:
		snprintf(buf, cap, "AT+CPMS=\"%s\",\"%s\",\"%s\"", s, s, s);
		c->prefix = "+CPMS:";
		return 1;
	case STEP_CPMS_QUERY:
		snprintf(buf, cap, "AT+CPMS?");
		c->prefix = "+CPMS:";
		return 1;
	case STEP_CSMS:
		snprintf(buf, cap, "AT+CSMS=%d", m->quirk->csms);
		c->prefix = "+CSMS:";
		return 1;
	case STEP_CNMI:
		snprintf(buf, cap, "%s",
			 m->cnmi_fallback ? fallback_cnmi : m->quirk->cnmi);
		return 1;
	case STEP_CSQ:
		snprintf(buf, cap, "AT+CSQ");
		c->prefix = "+CSQ:";
		return 1;
	case STEP_CREG:
		snprintf(buf, cap, "AT+CREG?");
		c->prefix = "+CREG:";
		return 1;
	case STEP_CSCA:
		snprintf(buf, cap, "AT+CSCA?");
		c->prefix = "+CSCA:";
		return 1;
	case STEP_LIST:
		if (m->cfg.probe_only)
			return 0;
		snprintf(buf, cap, "AT+CMGL=4");
		c->prefix = "+CMGL:";
		c->pdu_follows = 1;
		c->timeout_ms = m->cfg.command_timeout_ms * 3;
		m->n_reads = 0; /* the list covers every read owed */
		return 1;
	case STEP_DONE:
		return 0;
	}
	return 0;
}

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
	if (q->extra_final != NULL)
		at_add_final_error(m->at, q->extra_final);
	if (q->extra_urc != NULL)
		at_add_urc(m->at, q->extra_urc, 0);
	log_info("modem %s: %s %s (%s): profile %s", m->device,
		 m->info.manufacturer, m->info.model, m->info.revision,
		 q->name);
}

/* What the SIM said to AT+CPIN?: the next step, or fail. */
static enum init_step after_cpin(struct modem *m, const struct at_event *ev)
{
	const char *st = m->info.sim_state;

	if (ev->result == AT_RESULT_CME_ERROR && ev->code == 10) {
		request_fail(m, "no SIM card inserted (+CME ERROR: 10)");
		return STEP_DONE;
	}
	if (ev->result != AT_RESULT_OK || strcmp(st, "NOT READY") == 0 ||
	    st[0] == '\0') {
		/* SIM busy (+CME ERROR: 14) just after reset: wait. */
		if (++m->sim_busy_tries > SIM_BUSY_RETRIES) {
			request_fail(m, "the SIM never became ready");
			return STEP_DONE;
		}
		m->wait_until = m->now + SIM_BUSY_PAUSE_MS;
		return STEP_CPIN_QUERY;
	}
	if (strcmp(st, "READY") == 0)
		return STEP_CMGF;
	if (strcmp(st, "SIM PIN") == 0) {
		if (m->pin == NULL || m->pin[0] == '\0') {
			request_fail(m, "the SIM asks for a PIN: set pin in "
					"the modems entry of the config");
			return STEP_DONE;
		}
		if (m->pin_sent) {
			request_fail(m, "the SIM still asks for its PIN after "
					"it was entered");
			return STEP_DONE;
		}
		return STEP_CPIN_ENTER;
	}
	{
		char text[128];
		snprintf(text, sizeof(text),
			 "the SIM wants '%s': unlock it in a phone first", st);
		request_fail(m, text);
	}
	return STEP_DONE;
}

static enum init_step init_next(struct modem *m, const struct at_event *ev)
{
	int ok = ev->result == AT_RESULT_OK;

	switch (m->step) {
	case STEP_RESET:
	case STEP_ECHO_OFF:
	case STEP_CMEE:
	case STEP_CGMI:
	case STEP_CGMM:
	case STEP_CGMR:
		return m->step + 1;
	case STEP_CGSN:
		choose_quirk(m);
		return STEP_VENDOR;
	case STEP_VENDOR:
		if (!ok)
			log_warn("modem %s: %s refused: %s", m->device,
				 m->quirk->extra_init,
				 at_result_name(ev->result));
		return STEP_CPIN_QUERY;
	case STEP_CPIN_QUERY:
		return after_cpin(m, ev);
	case STEP_CPIN_ENTER:
		if (!ok) {
			/* Never try a PIN twice: three wrong ones lock. */
			request_fail(m, "the SIM refused the configured PIN: "
					"not retried (check pin in the "
					"config)");
			return STEP_DONE;
		}
		m->pin_sent = 1;
		m->wait_until = m->now + SIM_BUSY_PAUSE_MS;
		return STEP_CPIN_QUERY;
	case STEP_CMGF:
		if (ok)
			return STEP_CPMS_SET;
		/* SMS commands fail until "SMS Ready" (simcom-sim800.md). */
		if (++m->cmgf_tries > SIM_BUSY_RETRIES) {
			request_fail(m, "the modem refuses PDU mode "
					"(AT+CMGF=0)");
			return STEP_DONE;
		}
		m->wait_until = m->now + SIM_BUSY_PAUSE_MS;
		return STEP_CMGF;
	case STEP_CPMS_SET:
		if (!ok)
			log_warn("modem %s: AT+CPMS=\"%s\" refused (%s): "
				 "checking what is in use",
				 m->device, m->quirk->storage,
				 at_result_name(ev->result));
		return STEP_CPMS_QUERY;
	case STEP_CPMS_QUERY:
		if (m->info.storage_total > 0 &&
		    m->info.storage_used >= m->info.storage_total)
			storage_full(m, "full at start-up");
		return STEP_CSMS;
	case STEP_CSMS:
		m->needs_cnma = ok && m->quirk->csms == 1;
		return STEP_CNMI;
	case STEP_CNMI:
		if (!ok && !m->cnmi_fallback &&
		    strcmp(m->quirk->cnmi, fallback_cnmi) != 0) {
			m->cnmi_fallback = 1;
			return STEP_CNMI;
		}
		if (!ok) {
			m->poll_storage = 1;
			warn(m, MODEM_WARN_NO_PUSH,
			     "the modem refuses AT+CNMI: new messages are "
			     "found by listing storage at each health check");
		}
		return STEP_CSQ;
	case STEP_CSQ:
	case STEP_CREG:
	case STEP_CSCA:
		return m->step + 1;
	case STEP_LIST:
		if (!ok)
			log_warn("modem %s: AT+CMGL=4 failed: %s", m->device,
				 at_result_name(ev->result));
		return STEP_DONE;
	case STEP_DONE:
		return STEP_DONE;
	}
	return STEP_DONE;
}

static void become_ready(struct modem *m)
{
	char text[256];

	m->backoff_ms = m->cfg.reconnect_min_ms;
	m->open_error[0] = '\0';
	snprintf(text, sizeof(text), "%s %s, profile %s, storage %s %d/%d",
		 m->info.manufacturer, m->info.model, m->quirk->name,
		 m->info.storage, m->info.storage_used, m->info.storage_total);
	set_state(m, MODEM_READY, text);
}

/* ---- jobs once ready ---------------------------------------------------- */

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

static void job_line(struct modem *m, int tag, const char *line,
		     const char *pdu)
{
	int v[2];

	switch ((enum job)tag) {
	case JOB_INIT:
		init_line(m, line, pdu);
		return;
	case JOB_READ:
		/* "+CMGR: <stat>,[<alpha>],<length>" then the PDU. */
		if (m->n_reads > 0 && parse_fields(line, v, 1) == 1)
			deliver(m, m->reads[0].index, v[0], line, pdu,
				m->reads[0].status_report);
		return;
	case JOB_LIST:
		listed(m, line, pdu);
		return;
	case JOB_SEND:
		if (parse_fields(line, v, 1) == 1)
			m->reply_mr = v[0];
		return;
	case JOB_HEALTH:
		if (parse_fields(line, v, 2) == 2) {
			m->info.rssi = v[0];
			m->info.ber = v[1];
		}
		return;
	case JOB_ACK:
	case JOB_DELETE:
		return;
	}
}

static void job_final(struct modem *m, int tag, const struct at_event *ev)
{
	switch ((enum job)tag) {
	case JOB_INIT:
		if (ev->result == AT_RESULT_ABORTED)
			return;
		m->step = init_next(m, ev);
		if (m->step == STEP_DONE && !m->want_fail)
			become_ready(m);
		return;
	case JOB_READ:
		if (m->n_reads > 0) {
			m->n_reads--;
			memmove(m->reads, m->reads + 1,
				m->n_reads * sizeof(m->reads[0]));
		}
		return;
	case JOB_DELETE:
		if (m->n_deletes > 0) {
			if (ev->result != AT_RESULT_OK)
				log_warn("modem %s: AT+CMGD=%d: %s", m->device,
					 m->deletes[0],
					 at_result_name(ev->result));
			else if (m->info.storage_used > 0)
				m->info.storage_used--;
			m->n_deletes--;
			memmove(m->deletes, m->deletes + 1,
				m->n_deletes * sizeof(m->deletes[0]));
			m->full_warned = 0;
		}
		return;
	case JOB_SEND:
		send_done(m, ev);
		return;
	case JOB_LIST:
	case JOB_ACK:
	case JOB_HEALTH:
		return;
	}
}

static void on_at_event(void *ctx, const struct at_event *ev)
{
	struct modem *m = ctx;

	switch (ev->kind) {
	case AT_EVENT_URC:
		handle_urc(m, ev->line, ev->pdu);
		return;
	case AT_EVENT_LINE:
		job_line(m, ev->tag, ev->line, ev->pdu);
		return;
	case AT_EVENT_STRAY:
		log_debug("modem %s: stray line '%.60s'", m->device, ev->line);
		return;
	case AT_EVENT_DROPPED:
		warn(m, MODEM_WARN_GARBAGE,
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
		storage_full(m, "+CMS ERROR: 322");
	job_final(m, ev->tag, ev);
}

/* ---- the port ------------------------------------------------------------ */

static void close_port(struct modem *m, enum modem_state next,
		       const char *reason)
{
	if (m->at != NULL)
		at_abort(m->at);
	serial_close(m->port);
	m->port = NULL;
	m->n_reads = 0;
	m->ack_owed = 0;
	m->need_list = 0;
	m->reopen_at = m->now + m->backoff_ms;
	m->backoff_ms = m->backoff_ms * 2 > m->cfg.reconnect_max_ms
			    ? m->cfg.reconnect_max_ms
			    : m->backoff_ms * 2;
	set_state(m, next, reason);
}

static int open_port(struct modem *m, char *err, size_t errlen)
{
	struct at_config acfg = {.on_event = on_at_event, .ctx = m};
	int rc = serial_open(m->device, m->cfg.baud, &m->port, err, errlen);

	if (rc != SERIAL_OK) {
		m->reopen_at = m->now + m->backoff_ms;
		m->backoff_ms = m->backoff_ms * 2 > m->cfg.reconnect_max_ms
				    ? m->cfg.reconnect_max_ms
				    : m->backoff_ms * 2;
		/* Say it once per new reason, not at every retry. */
		if (strcmp(err, m->open_error) != 0) {
			copy_field(m->open_error, sizeof(m->open_error), err);
			set_state(m, MODEM_CLOSED, err);
		}
		return rc;
	}
	/* A fresh engine per connection: profile extras start clean. */
	at_free(m->at);
	m->at = at_new(&acfg);
	if (m->at == NULL) {
		serial_close(m->port);
		m->port = NULL;
		snprintf(err, errlen, "out of memory");
		return SERIAL_ERR_IO;
	}
	memset(&m->info, 0, sizeof(m->info));
	m->info.rssi = m->info.ber = m->info.reg_stat = -1;
	m->info.storage_used = m->info.storage_total = -1;
	m->info.quirk = "";
	m->info.quirk_note = "";
	m->step = STEP_RESET;
	m->wait_until = 0;
	m->sim_busy_tries = 0;
	m->cmgf_tries = 0;
	m->pin_sent = 0;
	m->cnmi_fallback = 0;
	m->poll_storage = 0;
	m->needs_cnma = 0;
	m->timeouts = 0;
	m->full_warned = 0;
	m->quirk = NULL;
	m->last_answer = m->now;
	set_state(m, MODEM_STARTING,
		  serial_is_pty(m->port) ? "port open (pseudo-terminal)"
					 : "port open");
	return SERIAL_OK;
}

/* Run the start-up again on the open port (settings were lost). */
static void restart(struct modem *m, const char *reason)
{
	m->step = STEP_RESET;
	m->wait_until = 0;
	m->sim_busy_tries = 0;
	m->cmgf_tries = 0;
	m->pin_sent = 0;
	m->cnmi_fallback = 0;
	m->n_reads = 0;
	set_state(m, MODEM_STARTING, reason);
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
	log_debug("modem %s: > %s", m->device, c->cmd);
	if (at_send(m->at, c, m->now) != 0)
		log_error("modem %s: cannot queue %s", m->device, c->cmd);
}

static int jobs_waiting(const struct modem *m)
{
	return m->ack_owed || m->n_deletes > 0 || m->n_reads > 0 ||
	       m->need_list || m->s_n > 0;
}

/* Start the next command, if the engine is idle and something is due. */
static void pump(struct modem *m)
{
	char buf[AT_CMD_MAX];
	struct at_cmd c = {.cmd = buf, .timeout_ms = m->cfg.command_timeout_ms};

	if (m->port == NULL || at_busy(m->at))
		return;
	if (m->state == MODEM_STARTING) {
		while (m->step != STEP_DONE && m->now >= m->wait_until) {
			if (init_command(m, &c, buf, sizeof(buf))) {
				issue(m, &c);
				return;
			}
			m->step = m->step + 1;
		}
		if (m->step == STEP_DONE)
			become_ready(m);
		return;
	}
	if (m->state != MODEM_READY)
		return;
	if (m->ack_owed) {
		m->ack_owed = 0;
		snprintf(buf, sizeof(buf), "AT+CNMA");
		c.tag = JOB_ACK;
	} else if (m->n_deletes > 0) {
		snprintf(buf, sizeof(buf), "AT+CMGD=%d", m->deletes[0]);
		c.tag = JOB_DELETE;
	} else if (m->n_reads > 0) {
		snprintf(buf, sizeof(buf), "AT+CMGR=%d", m->reads[0].index);
		c.prefix = "+CMGR:";
		c.pdu_follows = 1;
		c.tag = JOB_READ;
	} else if (m->need_list ||
		   (m->poll_storage &&
		    m->now - m->last_answer >= m->cfg.health_interval_ms)) {
		m->need_list = 0;
		m->n_reads = 0;
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

	for (int i = 0; i < 64 && m->port != NULL; i++) {
		ssize_t n = serial_read(m->port, buf, sizeof(buf));
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

	while (m->port != NULL) {
		out = at_output(m->at, &len);
		if (len == 0)
			return;
		ssize_t n = serial_write(m->port, out, len);
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
	serial_close(m->port);
	while (m->s_n > 0) {
		free(m->sends[m->s_head].hex);
		m->s_head = (m->s_head + 1) % SEND_QUEUE_MAX;
		m->s_n--;
	}
	free(m->device);
	free(m->pin);
	free(m->quirk_name);
	free(m);
}

int modem_start(struct modem *m, int64_t now_ms, char *err, size_t errlen)
{
	m->now = now_ms;
	if (m->port != NULL)
		return SERIAL_OK;
	if (m->state == MODEM_FAILED) {
		snprintf(err, errlen, "%s", m->reason);
		return SERIAL_ERR_IO;
	}
	return open_port(m, err, errlen);
}

int modem_fd(const struct modem *m)
{
	return m->port != NULL ? serial_fd(m->port) : -1;
}

short modem_poll_events(const struct modem *m)
{
	size_t len = 0;

	if (m->port == NULL)
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
	if (m->port == NULL) {
		if (now_ms < m->reopen_at ||
		    open_port(m, err, sizeof(err)) != SERIAL_OK)
			return;
	}
	read_port(m, revents);
	act_on_flags(m);
	if (m->port == NULL)
		return;
	at_tick(m->at, now_ms);
	act_on_flags(m);
	if (m->port == NULL)
		return;
	pump(m);
	write_port(m);
}

int64_t modem_next_deadline(const struct modem *m)
{
	int64_t d;

	switch (m->state) {
	case MODEM_FAILED:
		return -1;
	case MODEM_CLOSED:
		return m->port == NULL ? m->reopen_at : m->now;
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
	d = m->last_answer + m->cfg.health_interval_ms;
	return d;
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
	    (size_t)hex_octet(hex) + 1 + (size_t)tpdu_len != strlen(hex) / 2 ||
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

int modem_delete(struct modem *m, int index)
{
	if (index < 0 || m->n_deletes == INDEX_QUEUE_MAX)
		return -1;
	for (size_t i = 0; i < m->n_deletes; i++)
		if (m->deletes[i] == index)
			return 0;
	m->deletes[m->n_deletes++] = index;
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

const struct modem_info *modem_info(const struct modem *m)
{
	return &m->info;
}

size_t modem_pending_sends(const struct modem *m)
{
	return m->s_n;
}
