/*
 * sim: the modem side of AT on a pseudo-terminal. See include/smsdesk/sim.h.
 *
 * Layout: bytes read from the master go into `in`; the parser consumes them
 * one at a time (echoing as a modem does) until a command line is complete
 * or, after AT+CMGS/AT+CMGW, until the PDU's Ctrl-Z. A complete line is
 * executed at once into `pending`, which is released to `out` when its delay
 * has passed; until then the parser waits, as a modem busy with one command
 * does. URCs and garbage go straight to `out`.
 */
#include "smsdesk/sim.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <pty.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#define SIM_IN_MAX     4096 /* unprocessed input kept; beyond, bytes drop */
#define SIM_LINE_MAX   560  /* V.250 asks for >= 40; PDU-free lines are short */
#define SIM_PDU_MAX    1024 /* hex digits: SMSC (12) + TPDU (176) octets, x2 */
#define SIM_OUT_MAX    (256 * 1024) /* unread output kept for a stalled driver */
#define SIM_SENT_MAX   10000
#define SIM_DELAYS_MAX 16
#define SIM_COUNTS_MAX 64

#define CTRL_Z 0x1a
#define ESC    0x1b

enum sim_mode {
	MODE_COMMAND, /* reading a command line */
	MODE_PDU,     /* after "> ": hex until Ctrl-Z */
};

enum pdu_purpose {
	PDU_SEND,  /* AT+CMGS */
	PDU_WRITE, /* AT+CMGW */
};

enum mem_id {
	MEM_SM,
	MEM_ME,
	MEM_MT,
};

enum form {
	FORM_EXEC, /* AT+X */
	FORM_SET,  /* AT+X=... */
	FORM_READ, /* AT+X? */
	FORM_TEST, /* AT+X=? */
};

/* How a command ended; CME and CMS carry a code in `code`. */
enum result {
	RES_OK,
	RES_ERROR,
	RES_CME,
	RES_CMS,
	RES_PROMPT, /* "> " written, the PDU follows */
};

struct buf {
	char *data;
	size_t len;
	size_t cap;
};

struct slot {
	char *hex; /* NULL: empty */
	int stat;  /* 0 REC UNREAD, 1 REC READ, 2 STO UNSENT, 3 STO SENT */
};

struct sent {
	char *hex;
	int mr;
};

struct sim {
	int master;
	int slave; /* held open so the master never reads EIO between users */
	char slave_name[128];
	char *link_path;
	char errbuf[160];

	/* identity and profile */
	char *manufacturer, *model, *revision, *imei, *pin, *smsc_default;
	char *operator_name, *iccid;
	int realistic;
	struct delay_override {
		char cmd[16];
		int ms;
	} delays[SIM_DELAYS_MAX];
	size_t ndelays;

	/* modem state, reset by ATZ */
	int echo, verbose, quiet, cmee;
	int cmgf;
	int cnmi[5];
	int csms;
	int creg_n;
	char smsc[32];
	enum mem_id cpms[3];
	int pin_ok, pin_tries;
	int ack_pending; /* +CMT sent with AT+CSMS=1, AT+CNMA owed */
	int boot_urcs;
	int cfun;

	/* storage */
	struct slot *mem[2];
	size_t cap;

	/* parser */
	enum sim_mode mode;
	char in[SIM_IN_MAX];
	size_t in_len;
	char line[SIM_LINE_MAX];
	size_t line_len;
	int line_overflow;
	char pdu[SIM_PDU_MAX];
	size_t pdu_len;
	int pdu_overflow;
	int pdu_tpdu_len;
	int pdu_stat;
	enum pdu_purpose pdu_purpose;

	/* output */
	struct buf out;
	struct buf pending;
	int busy;
	int64_t due;

	/* sent messages */
	struct sent *sent;
	size_t sent_n, sent_cap;
	int next_mr;

	/* how often each command (name and form) was executed */
	struct cmd_count {
		char key[20];
		unsigned long n;
	} counts[SIM_COUNTS_MAX];
	size_t n_counts;

	/* faults */
	int mute;
	int cms_sends, cms_code;
	int storage_full;
};

/* ---- small helpers ------------------------------------------------------ */

static char *dup_or(const char *s, const char *fallback)
{
	const char *v = (s != NULL) ? s : fallback;
	return strdup(v == NULL ? "" : v);
}

static int buf_add(struct buf *b, const char *p, size_t n)
{
	if (b->len + n > SIM_OUT_MAX)
		return -1;
	if (b->len + n > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->len + n)
			cap *= 2;
		char *d = realloc(b->data, cap);
		if (d == NULL)
			return -1;
		b->data = d;
		b->cap = cap;
	}
	memcpy(b->data + b->len, p, n);
	b->len += n;
	return 0;
}

static void buf_drop(struct buf *b, size_t n)
{
	memmove(b->data, b->data + n, b->len - n);
	b->len -= n;
}

static int is_hex(char c)
{
	return isxdigit((unsigned char)c) != 0;
}

static int hex_octet(const char *p)
{
	char two[3] = {p[0], p[1], 0};
	return (int)strtol(two, NULL, 16);
}

/*
 * The TPDU length of HEX (with its SMSC prefix) in octets, as +CMGR and
 * +CMGS=<len> count it, or -1 when HEX is not well-formed hex.
 */
static int tpdu_len(const char *hex)
{
	size_t n = strlen(hex);
	if (n < 2 || n % 2 != 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (!is_hex(hex[i]))
			return -1;
	size_t smsc = (size_t)hex_octet(hex) + 1;
	if (smsc * 2 > n)
		return -1;
	return (int)(n / 2 - smsc);
}

/* Upper-cased copy of hex, or NULL when HEX is not a PDU. */
static char *pdu_copy(const char *hex)
{
	if (hex == NULL || tpdu_len(hex) < 1)
		return NULL;
	char *c = strdup(hex);
	if (c == NULL)
		return NULL;
	for (char *p = c; *p != '\0'; p++)
		*p = (char)toupper((unsigned char)*p);
	return c;
}

/* ---- timing ------------------------------------------------------------- */

/*
 * Per-command answer times of the "realistic" profile, in milliseconds.
 * These are typical times, not the manuals' maxima: a manual's "max
 * response time" bounds a driver's time-out, while the sim should look
 * like an ordinary day. Sources:
 *  [S8]  SIMCom, SIM800 Series AT Command Manual V1.09, "Max Response Time"
 *        rows: AT+CMGS 60 s (4.2.5); SIM and storage commands 5 s.
 *  [Q25] Quectel, EC25&EC21 AT Commands Manual: AT+CMGR "Depends on the
 *        length of message content"; AT+CNMA 300 ms.
 *  [G419] gammu/gammu issue #419: gammu-smsd log, four AT+CMGS parts sent
 *        at 09:51:34, :37, :40, :42 - about 2.5-3 s per submit, including
 *        gammu's own 400 ms pause after each command.
 *  [T]   Telit UC864/GM862 AT Commands Reference Guides, +CMGS: "command
 *        execution, which may take several seconds".
 * Reads and writes of SIM storage are local and short (tens of ms, well
 * inside [S8]'s 5 s); basic commands are answered by the terminal adapter
 * itself. The exact values below are our choice inside those bounds.
 */
struct timing {
	const char *cmd; /* extended command name, or "" for basic */
	int ms;
};

static const struct timing realistic_times[] = {
    {"", 5},	     /* ATE/ATV/ATZ/ATI: TA-local */
    {"+CMGS", 2500}, /* [G419], [T]; bounded by 60 s [S8] */
    {"+CMGW", 80},   /* SIM write, [S8] max 5 s */
    {"+CMGR", 40},   /* SIM read, grows with length [Q25] */
    {"+CMGL", 150},  /* several SIM reads */
    {"+CMGD", 60},   /* SIM write, [S8] max 5 s */
    {"+CPMS", 30},   /* [S8] max 5 s */
    {"+CSCA", 30},   /* SIM read, [S8] max 5 s */
    {"+CPIN", 50},   /* SIM access, [S8] max 5 s */
    {"+COPS", 100},  /* read form only; a network scan is far longer */
    {"+CNMA", 20},   /* [Q25] max 300 ms */
    {"+CSQ", 10},    {"+CREG", 10},
};

static int delay_for(const struct sim *sim, const char *first_cmd)
{
	for (size_t i = 0; i < sim->ndelays; i++)
		if (strcmp(sim->delays[i].cmd, first_cmd) == 0)
			return sim->delays[i].ms;
	if (!sim->realistic)
		return 0;
	int dflt = 20; /* other extended commands: TA-local settings */
	for (size_t i = 0;
	     i < sizeof(realistic_times) / sizeof(*realistic_times); i++) {
		if (strcmp(realistic_times[i].cmd, first_cmd) == 0)
			return realistic_times[i].ms;
	}
	return dflt;
}

/* ---- result formatting -------------------------------------------------- */

/* An information line (or URC) in the current V.250 format. */
static void info_line(struct sim *sim, struct buf *b, const char *text)
{
	if (sim->verbose) {
		(void)buf_add(b, "\r\n", 2);
		(void)buf_add(b, text, strlen(text));
		(void)buf_add(b, "\r\n", 2);
	} else {
		(void)buf_add(b, text, strlen(text));
		(void)buf_add(b, "\r\n", 2);
	}
}

static void info(struct sim *sim, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void info(struct sim *sim, const char *fmt, ...)
{
	char tmp[SIM_PDU_MAX + 64];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	info_line(sim, &sim->pending, tmp);
}

static void urc(struct sim *sim, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void urc(struct sim *sim, const char *fmt, ...)
{
	char tmp[SIM_PDU_MAX + 64];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (sim->master >= 0)
		info_line(sim, &sim->out, tmp);
}

/* 3GPP TS 27.007 9.2 and TS 27.005 3.2.5 texts for the codes we use. */
static const char *error_text(enum result kind, int code)
{
	if (kind == RES_CME) {
		switch (code) {
		case 3:
			return "operation not allowed";
		case 4:
			return "operation not supported";
		case 10:
			return "SIM not inserted";
		case 11:
			return "SIM PIN required";
		case 12:
			return "SIM PUK required";
		case 16:
			return "incorrect password";
		case 21:
			return "invalid index";
		case 50:
			return "Incorrect parameters";
		default:
			return NULL;
		}
	}
	switch (code) {
	case 302:
		return "operation not allowed";
	case 303:
		return "operation not supported";
	case 304:
		return "invalid PDU mode parameter";
	case 311:
		return "SIM PIN required";
	case 321:
		return "invalid memory index";
	case 322:
		return "memory full";
	case 330:
		return "SMSC address unknown";
	case 340:
		return "no +CNMA acknowledgement expected";
	default:
		return NULL;
	}
}

static void final_result(struct sim *sim, enum result res, int code)
{
	struct buf *b = &sim->pending;
	const char *word = NULL;
	int num = 0;
	char tmp[96];

	if (sim->quiet && (res == RES_OK || res == RES_ERROR))
		return;
	switch (res) {
	case RES_OK:
		word = "OK";
		num = 0;
		break;
	case RES_PROMPT:
		return;
	case RES_CME:
	case RES_CMS:
		if (sim->cmee != 0) {
			const char *text = error_text(res, code);
			const char *tag =
			    res == RES_CME ? "+CME ERROR" : "+CMS ERROR";
			if (sim->cmee == 2 && text != NULL)
				snprintf(tmp, sizeof(tmp), "%s: %s", tag, text);
			else
				snprintf(tmp, sizeof(tmp), "%s: %d", tag, code);
			info_line(sim, b, tmp);
			return;
		}
		/* AT+CMEE=0: a plain ERROR, as V.250 result code 4 */
		/* fall through */
	case RES_ERROR:
		word = "ERROR";
		num = 4;
		break;
	}
	if (sim->verbose) {
		info_line(sim, b, word);
	} else {
		snprintf(tmp, sizeof(tmp), "%d\r", num);
		(void)buf_add(b, tmp, strlen(tmp));
	}
}

/* ---- storage ------------------------------------------------------------ */

static const char *mem_name(enum mem_id m)
{
	switch (m) {
	case MEM_SM:
		return "SM";
	case MEM_ME:
		return "ME";
	case MEM_MT:
		return "MT";
	}
	return "?";
}

static int mem_parse(const char *s, enum mem_id *out)
{
	if (strcmp(s, "SM") == 0)
		*out = MEM_SM;
	else if (strcmp(s, "ME") == 0)
		*out = MEM_ME;
	else if (strcmp(s, "MT") == 0)
		*out = MEM_MT;
	else
		return -1;
	return 0;
}

static size_t mem_total(const struct sim *sim, enum mem_id m)
{
	return m == MEM_MT ? 2 * sim->cap : sim->cap;
}

/* The slot behind 1-based INDEX of memory M, or NULL when out of range. */
static struct slot *mem_slot(const struct sim *sim, enum mem_id m, long index)
{
	if (index < 1 || (size_t)index > mem_total(sim, m))
		return NULL;
	size_t i = (size_t)index - 1;
	switch (m) {
	case MEM_SM:
		return &sim->mem[0][i];
	case MEM_ME:
		return &sim->mem[1][i];
	case MEM_MT:
		return i < sim->cap ? &sim->mem[0][i]
				    : &sim->mem[1][i - sim->cap];
	}
	return NULL;
}

static size_t mem_used(const struct sim *sim, enum mem_id m)
{
	size_t used = 0;
	for (size_t i = 1; i <= mem_total(sim, m); i++)
		used += mem_slot(sim, m, (long)i)->hex != NULL;
	return used;
}

/* Store HEX (taken) with STAT in M; the 1-based index, or -1 when full. */
static int mem_store(struct sim *sim, enum mem_id m, char *hex, int stat)
{
	if (sim->storage_full)
		return -1;
	for (size_t i = 1; i <= mem_total(sim, m); i++) {
		struct slot *s = mem_slot(sim, m, (long)i);
		if (s->hex == NULL) {
			s->hex = hex;
			s->stat = stat;
			return (int)i;
		}
	}
	return -1;
}

/* ---- modem state ---------------------------------------------------------
 */

static void modem_reset(struct sim *sim)
{
	static const int cnmi_default[5] = {2, 1, 0, 0, 0};

	sim->echo = 1;
	sim->verbose = 1;
	sim->quiet = 0;
	sim->cmee = 0;
	sim->cmgf = 0;
	memcpy(sim->cnmi, cnmi_default, sizeof(sim->cnmi));
	sim->csms = 0;
	sim->creg_n = 0;
	snprintf(sim->smsc, sizeof(sim->smsc), "%s", sim->smsc_default);
	sim->cpms[0] = sim->cpms[1] = sim->cpms[2] = MEM_SM;
	sim->ack_pending = 0;
	sim->mode = MODE_COMMAND;
	sim->line_len = 0;
	sim->line_overflow = 0;
	sim->pdu_len = 0;
}

/*
 * A power-up: the SIM asks for its PIN again. Its count of wrong tries is
 * kept (a real SIM keeps it across power cycles, until a right PIN).
 */
static void modem_power_up(struct sim *sim)
{
	modem_reset(sim);
	sim->pin_ok = sim->pin[0] == '\0';
	sim->cfun = 1;
	if (sim->boot_urcs) {
		/* SIM800 manual V1.09 URC table: RDY only at a fixed baud rate
		 */
		urc(sim, "RDY");
		urc(sim, "+CFUN: 1");
		urc(sim, "+CPIN: %s", sim->pin_ok ? "READY" : "SIM PIN");
		urc(sim, "Call Ready");
		urc(sim, "SMS Ready");
	}
}

/* ---- commands ------------------------------------------------------------
 */

/* Parse "n[,n...]" into at most MAX ints (empty fields keep -1). */
static int parse_ints(const char *args, int *out, int max)
{
	int n = 0;
	const char *p = args;
	for (int i = 0; i < max; i++)
		out[i] = -1;
	while (*p != '\0') {
		if (n == max)
			return -1;
		if (*p != ',') {
			char *end;
			long v = strtol(p, &end, 10);
			if (end == p || v < 0 || v > 100000)
				return -1;
			out[n] = (int)v;
			p = end;
		}
		n++;
		if (*p == ',')
			p++;
		else if (*p != '\0')
			return -1;
	}
	return n;
}

/* Split "\"SM\",\"ME\"" into memory ids; the count, or -1. */
static int parse_mems(const char *args, enum mem_id *out, int max)
{
	int n = 0;
	const char *p = args;
	while (*p != '\0' && n < max) {
		char name[8];
		size_t k = 0;
		if (*p != '"')
			return -1;
		p++;
		while (*p != '"' && *p != '\0' && k < sizeof(name) - 1)
			name[k++] = (char)toupper((unsigned char)*p++);
		name[k] = '\0';
		if (*p != '"' || mem_parse(name, &out[n]) != 0)
			return -1;
		p++;
		n++;
		if (*p == ',')
			p++;
		else if (*p != '\0')
			return -1;
	}
	return *p == '\0' ? n : -1;
}

struct cmd_ctx {
	struct sim *sim;
	const char *args; /* after '=' for FORM_SET, "" otherwise */
	enum form form;
	int code; /* out: +CME/+CMS code */
};

typedef enum result (*cmd_fn)(struct cmd_ctx *c);

static enum result cms(struct cmd_ctx *c, int code)
{
	c->code = code;
	return RES_CMS;
}

static enum result cme(struct cmd_ctx *c, int code)
{
	c->code = code;
	return RES_CME;
}

static enum result cmd_ident(struct cmd_ctx *c, const char *value)
{
	if (c->form == FORM_TEST)
		return RES_OK;
	if (c->form != FORM_EXEC)
		return RES_ERROR;
	info(c->sim, "%s", value);
	return RES_OK;
}

static enum result cmd_cgmi(struct cmd_ctx *c)
{
	return cmd_ident(c, c->sim->manufacturer);
}

static enum result cmd_cgmm(struct cmd_ctx *c)
{
	return cmd_ident(c, c->sim->model);
}

static enum result cmd_cgmr(struct cmd_ctx *c)
{
	return cmd_ident(c, c->sim->revision);
}

static enum result cmd_cgsn(struct cmd_ctx *c)
{
	return cmd_ident(c, c->sim->imei);
}

static enum result cmd_cimi(struct cmd_ctx *c)
{
	if (!c->sim->pin_ok)
		return cme(c, 11);
	return cmd_ident(c, "234150999999999");
}

static enum result cmd_cmee(struct cmd_ctx *c)
{
	int v[1];
	switch (c->form) {
	case FORM_READ:
		info(c->sim, "+CMEE: %d", c->sim->cmee);
		return RES_OK;
	case FORM_TEST:
		info(c->sim, "+CMEE: (0-2)");
		return RES_OK;
	case FORM_EXEC:
		c->sim->cmee = 0;
		return RES_OK;
	case FORM_SET:
		if (parse_ints(c->args, v, 1) != 1 || v[0] > 2)
			return RES_ERROR;
		c->sim->cmee = v[0];
		return RES_OK;
	}
	return RES_ERROR;
}

static enum result cmd_cpin(struct cmd_ctx *c)
{
	struct sim *sim = c->sim;
	char given[32];
	size_t n;

	switch (c->form) {
	case FORM_TEST:
		return RES_OK;
	case FORM_EXEC:
		return RES_ERROR;
	case FORM_READ:
		if (sim->pin_tries == 0)
			info(sim, "+CPIN: SIM PUK");
		else
			info(sim, "+CPIN: %s",
			     sim->pin_ok ? "READY" : "SIM PIN");
		return RES_OK;
	case FORM_SET:
		break;
	}
	if (sim->pin_ok)
		return cme(c, 3);
	if (sim->pin_tries == 0)
		return cme(c, 12);
	n = strlen(c->args);
	if (n >= 2 && c->args[0] == '"' && c->args[n - 1] == '"' &&
	    n - 2 < sizeof(given)) {
		memcpy(given, c->args + 1, n - 2);
		given[n - 2] = '\0';
	} else if (n < sizeof(given)) {
		memcpy(given, c->args, n + 1);
	} else {
		return cme(c, 16);
	}
	if (strcmp(given, sim->pin) != 0) {
		sim->pin_tries--;
		return cme(c, sim->pin_tries == 0 ? 12 : 16);
	}
	sim->pin_ok = 1;
	sim->pin_tries = 3;
	return RES_OK;
}

static enum result cmd_csq(struct cmd_ctx *c)
{
	if (c->form == FORM_TEST) {
		info(c->sim, "+CSQ: (0-31,99),(0-7,99)");
		return RES_OK;
	}
	if (c->form != FORM_EXEC)
		return RES_ERROR;
	info(c->sim, "+CSQ: 21,0");
	return RES_OK;
}

static enum result cmd_creg(struct cmd_ctx *c)
{
	int v[1];
	int stat = c->sim->pin_ok ? 1 : 0;
	switch (c->form) {
	case FORM_TEST:
		info(c->sim, "+CREG: (0-2)");
		return RES_OK;
	case FORM_EXEC:
		return RES_ERROR;
	case FORM_READ:
		if (c->sim->creg_n == 2)
			info(c->sim, "+CREG: 2,%d,\"1A2B\",\"0C3D\"", stat);
		else
			info(c->sim, "+CREG: %d,%d", c->sim->creg_n, stat);
		return RES_OK;
	case FORM_SET:
		if (parse_ints(c->args, v, 1) != 1 || v[0] > 2)
			return RES_ERROR;
		c->sim->creg_n = v[0];
		return RES_OK;
	}
	return RES_ERROR;
}

static enum result cmd_cops(struct cmd_ctx *c)
{
	switch (c->form) {
	case FORM_READ:
		if (!c->sim->pin_ok)
			info(c->sim, "+COPS: 0");
		else
			info(c->sim, "+COPS: 0,0,\"%s\"",
			     c->sim->operator_name);
		return RES_OK;
	case FORM_TEST:
		info(c->sim, "+COPS: (2,\"%s\",\"%s\",\"23415\"),,(0-4),(0-2)",
		     c->sim->operator_name, c->sim->operator_name);
		return RES_OK;
	case FORM_SET:
		/* Accept "automatic" and format changes, nothing else. */
		if (c->args[0] == '0' || c->args[0] == '3')
			return RES_OK;
		return cme(c, 3);
	case FORM_EXEC:
		return RES_ERROR;
	}
	return RES_ERROR;
}

static enum result cmd_cscs(struct cmd_ctx *c)
{
	switch (c->form) {
	case FORM_READ:
		info(c->sim, "+CSCS: \"GSM\"");
		return RES_OK;
	case FORM_TEST:
		info(c->sim, "+CSCS: (\"IRA\",\"GSM\")");
		return RES_OK;
	case FORM_SET:
		if (strcmp(c->args, "\"GSM\"") == 0 ||
		    strcmp(c->args, "\"IRA\"") == 0)
			return RES_OK;
		return cme(c, 4);
	case FORM_EXEC:
		return RES_ERROR;
	}
	return RES_ERROR;
}

static enum result cmd_cmgf(struct cmd_ctx *c)
{
	int v[1];
	switch (c->form) {
	case FORM_READ:
		info(c->sim, "+CMGF: %d", c->sim->cmgf);
		return RES_OK;
	case FORM_TEST:
		info(c->sim, "+CMGF: (0)");
		return RES_OK;
	case FORM_EXEC:
		c->sim->cmgf = 0;
		return RES_OK;
	case FORM_SET:
		/* Text mode is not emulated: the sim never decodes PDUs. */
		if (parse_ints(c->args, v, 1) != 1 || v[0] != 0)
			return RES_ERROR;
		c->sim->cmgf = 0;
		return RES_OK;
	}
	return RES_ERROR;
}

static enum result cmd_csms(struct cmd_ctx *c)
{
	int v[1];
	switch (c->form) {
	case FORM_READ:
		info(c->sim, "+CSMS: %d,1,1,1", c->sim->csms);
		return RES_OK;
	case FORM_TEST:
		info(c->sim, "+CSMS: (0,1)");
		return RES_OK;
	case FORM_SET:
		if (parse_ints(c->args, v, 1) != 1 || v[0] > 1)
			return cms(c, 303);
		c->sim->csms = v[0];
		info(c->sim, "+CSMS: 1,1,1");
		return RES_OK;
	case FORM_EXEC:
		return RES_ERROR;
	}
	return RES_ERROR;
}

static void cpms_counts(struct cmd_ctx *c, int with_names)
{
	struct sim *sim = c->sim;
	char tmp[160];
	size_t n = 0;
	for (int i = 0; i < 3; i++) {
		enum mem_id m = sim->cpms[i];
		n += (size_t)snprintf(
		    tmp + n, sizeof(tmp) - n, "%s%s%s%s%zu,%zu", i ? "," : "",
		    with_names ? "\"" : "", with_names ? mem_name(m) : "",
		    with_names ? "\"," : "", mem_used(sim, m),
		    mem_total(sim, m));
	}
	info(sim, "+CPMS: %s", tmp);
}

static enum result cmd_cpms(struct cmd_ctx *c)
{
	enum mem_id m[3];
	int n;
	switch (c->form) {
	case FORM_READ:
		cpms_counts(c, 1);
		return RES_OK;
	case FORM_TEST:
		info(c->sim, "+CPMS: (\"SM\",\"ME\",\"MT\"),(\"SM\",\"ME\","
			     "\"MT\"),(\"SM\",\"ME\",\"MT\")");
		return RES_OK;
	case FORM_SET:
		n = parse_mems(c->args, m, 3);
		if (n < 1)
			return cms(c, 302);
		for (int i = 0; i < n; i++)
			c->sim->cpms[i] = m[i];
		cpms_counts(c, 0);
		return RES_OK;
	case FORM_EXEC:
		return RES_ERROR;
	}
	return RES_ERROR;
}

static enum result cmd_cnmi(struct cmd_ctx *c)
{
	int v[5];
	int n;
	int *cur = c->sim->cnmi;
	switch (c->form) {
	case FORM_READ:
		info(c->sim, "+CNMI: %d,%d,%d,%d,%d", cur[0], cur[1], cur[2],
		     cur[3], cur[4]);
		return RES_OK;
	case FORM_TEST:
		info(c->sim, "+CNMI: (0-3),(0-3),(0,2),(0-2),(0,1)");
		return RES_OK;
	case FORM_SET:
		n = parse_ints(c->args, v, 5);
		if (n < 1 || v[0] > 3 || v[1] > 3 || v[2] > 3 || v[3] > 2 ||
		    v[4] > 1)
			return cms(c, 303);
		for (int i = 0; i < n; i++)
			if (v[i] >= 0)
				cur[i] = v[i];
		return RES_OK;
	case FORM_EXEC:
		return RES_ERROR;
	}
	return RES_ERROR;
}

static enum result cmd_csca(struct cmd_ctx *c)
{
	size_t n;
	switch (c->form) {
	case FORM_READ:
		if (!c->sim->pin_ok)
			return cms(c, 311);
		info(c->sim, "+CSCA: \"%s\",%d", c->sim->smsc,
		     c->sim->smsc[0] == '+' ? 145 : 129);
		return RES_OK;
	case FORM_TEST:
		return RES_OK;
	case FORM_SET:
		if (c->args[0] != '"')
			return cms(c, 304);
		n = strcspn(c->args + 1, "\"");
		if (c->args[n + 1] != '"' || n >= sizeof(c->sim->smsc))
			return cms(c, 304);
		memcpy(c->sim->smsc, c->args + 1, n);
		c->sim->smsc[n] = '\0';
		return RES_OK;
	case FORM_EXEC:
		return RES_ERROR;
	}
	return RES_ERROR;
}

static enum result cmd_cmgl(struct cmd_ctx *c)
{
	struct sim *sim = c->sim;
	int v[1];
	enum mem_id m = sim->cpms[0];

	if (c->form == FORM_TEST) {
		info(sim, "+CMGL: (0-4)");
		return RES_OK;
	}
	if (!sim->pin_ok)
		return cms(c, 311);
	if (c->form == FORM_EXEC)
		v[0] = 0; /* 27.005: default <stat> is "REC UNREAD" */
	else if (c->form != FORM_SET || parse_ints(c->args, v, 1) != 1 ||
		 v[0] > 4)
		return cms(c, 302);
	for (size_t i = 1; i <= mem_total(sim, m); i++) {
		struct slot *s = mem_slot(sim, m, (long)i);
		if (s->hex == NULL || (v[0] != 4 && s->stat != v[0]))
			continue;
		info(sim, "+CMGL: %zu,%d,,%d", i, s->stat, tpdu_len(s->hex));
		(void)buf_add(&sim->pending, s->hex, strlen(s->hex));
		(void)buf_add(&sim->pending, "\r\n", 2);
		if (s->stat == 0)
			s->stat = 1;
	}
	return RES_OK;
}

static enum result cmd_cmgr(struct cmd_ctx *c)
{
	struct sim *sim = c->sim;
	int v[1];
	struct slot *s;

	if (c->form == FORM_TEST)
		return RES_OK;
	if (c->form != FORM_SET)
		return RES_ERROR;
	if (!sim->pin_ok)
		return cms(c, 311);
	if (parse_ints(c->args, v, 1) != 1)
		return cms(c, 321);
	s = mem_slot(sim, sim->cpms[0], v[0]);
	if (s == NULL)
		return cms(c, 321);
	if (s->hex == NULL)
		return RES_OK; /* SIM800 and most: an empty slot reads as OK */
	info(sim, "+CMGR: %d,,%d", s->stat, tpdu_len(s->hex));
	(void)buf_add(&sim->pending, s->hex, strlen(s->hex));
	(void)buf_add(&sim->pending, "\r\n", 2);
	if (s->stat == 0)
		s->stat = 1;
	return RES_OK;
}

/* AT+CMGD=<index>[,<delflag>] as 27.005 3.5.4 describes it. */
static enum result cmd_cmgd(struct cmd_ctx *c)
{
	struct sim *sim = c->sim;
	enum mem_id m = sim->cpms[0];
	int v[2];
	int n;

	if (c->form == FORM_TEST) {
		info(sim, "+CMGD: (1-%zu),(0-4)", mem_total(sim, m));
		return RES_OK;
	}
	if (c->form != FORM_SET)
		return RES_ERROR;
	if (!sim->pin_ok)
		return cms(c, 311);
	n = parse_ints(c->args, v, 2);
	if (n < 1 || (n == 2 && v[1] > 4))
		return cms(c, 302);
	if (n == 2 && v[1] > 0) {
		/* delflag 1 read, 2 +sent, 3 +unsent, 4 all */
		for (size_t i = 1; i <= mem_total(sim, m); i++) {
			struct slot *s = mem_slot(sim, m, (long)i);
			if (s->hex == NULL)
				continue;
			if (v[1] == 4 || s->stat == 1 ||
			    (v[1] >= 2 && s->stat == 3) ||
			    (v[1] >= 3 && s->stat == 2)) {
				free(s->hex);
				s->hex = NULL;
			}
		}
		return RES_OK;
	}
	struct slot *s = mem_slot(sim, m, v[0]);
	if (s == NULL)
		return cms(c, 321);
	free(s->hex);
	s->hex = NULL;
	return RES_OK;
}

static enum result cmd_cnma(struct cmd_ctx *c)
{
	if (c->form == FORM_TEST) {
		info(c->sim, "+CNMA: (0-2)");
		return RES_OK;
	}
	if (!c->sim->ack_pending)
		return cms(c, 340);
	c->sim->ack_pending--;
	return RES_OK;
}

static enum result start_pdu(struct cmd_ctx *c, enum pdu_purpose purpose)
{
	struct sim *sim = c->sim;
	int v[2];
	int n;

	if (c->form == FORM_TEST)
		return RES_OK;
	if (c->form != FORM_SET)
		return RES_ERROR;
	if (!sim->pin_ok)
		return cms(c, 311);
	n = parse_ints(c->args, v, 2);
	if (n < 1 || v[0] < 1 || v[0] > 176 || (n == 2 && v[1] > 3))
		return cms(c, 304);
	sim->pdu_tpdu_len = v[0];
	sim->pdu_stat = (n == 2 && v[1] >= 0) ? v[1] : 2;
	sim->pdu_purpose = purpose;
	sim->pdu_len = 0;
	sim->pdu_overflow = 0;
	sim->mode = MODE_PDU;
	/* SIM800 and Quectel send CR LF before the prompt, none after */
	(void)buf_add(&sim->pending, "\r\n> ", 4);
	return RES_PROMPT;
}

static enum result cmd_cmgs(struct cmd_ctx *c)
{
	return start_pdu(c, PDU_SEND);
}

static enum result cmd_cmgw(struct cmd_ctx *c)
{
	return start_pdu(c, PDU_WRITE);
}

/* AT+CFUN: gammu powers the phone on at start; we are always on. */
static enum result cmd_cfun(struct cmd_ctx *c)
{
	int v[2];
	switch (c->form) {
	case FORM_READ:
		info(c->sim, "+CFUN: %d", c->sim->cfun);
		return RES_OK;
	case FORM_TEST:
		info(c->sim, "+CFUN: (0,1,4),(0,1)");
		return RES_OK;
	case FORM_SET:
		if (parse_ints(c->args, v, 2) < 1 ||
		    (v[0] != 0 && v[0] != 1 && v[0] != 4) || v[1] > 1)
			return cme(c, 50);
		c->sim->cfun = v[0];
		return RES_OK;
	case FORM_EXEC:
		return RES_ERROR;
	}
	return RES_ERROR;
}

/*
 * The SIM's ICCID, readable before the PIN as EF_ICCID is. Each family's
 * command answers in its own form: AT+CCID a bare line on SIMCom and
 * "+CCID: " elsewhere, AT+QCCID "+QCCID: " (Quectel), AT+CICCID "+ICCID: "
 * (SIM7600), AT^ICCID? "^ICCID: " (Huawei); see firmware-notes/.
 */
static enum result cmd_ccid(struct cmd_ctx *c)
{
	struct sim *sim = c->sim;

	if (c->form == FORM_TEST)
		return RES_OK;
	if (c->form != FORM_EXEC && c->form != FORM_READ)
		return RES_ERROR;
	if (strstr(sim->manufacturer, "SIMCOM") != NULL)
		info(sim, "%s", sim->iccid);
	else
		info(sim, "+CCID: %s", sim->iccid);
	return RES_OK;
}

static enum result cmd_qccid(struct cmd_ctx *c)
{
	if (c->form != FORM_EXEC)
		return c->form == FORM_TEST ? RES_OK : RES_ERROR;
	info(c->sim, "+QCCID: %s", c->sim->iccid);
	return RES_OK;
}

static enum result cmd_ciccid(struct cmd_ctx *c)
{
	if (c->form != FORM_EXEC)
		return c->form == FORM_TEST ? RES_OK : RES_ERROR;
	info(c->sim, "+ICCID: %s", c->sim->iccid);
	return RES_OK;
}

static enum result cmd_hw_iccid(struct cmd_ctx *c)
{
	if (c->form != FORM_READ)
		return c->form == FORM_TEST ? RES_OK : RES_ERROR;
	info(c->sim, "^ICCID: %s", c->sim->iccid);
	return RES_OK;
}

/*
 * AT+CRSM (27.007 8.18): only READ BINARY (176) of EF_ICCID (12258), which
 * answers the raw file: BCD with the nibbles of each octet swapped and F
 * as filler (TS 51.011 10.1.1).
 */
static enum result cmd_crsm(struct cmd_ctx *c)
{
	char raw[24];
	size_t n = strlen(c->sim->iccid);

	if (c->form == FORM_TEST)
		return RES_OK;
	if (c->form != FORM_SET)
		return RES_ERROR;
	if (strcmp(c->args, "176,12258,0,0,10") != 0)
		return cme(c, 4);
	for (size_t i = 0; i < 20; i++)
		raw[i] = i < n ? c->sim->iccid[i] : 'F';
	for (size_t i = 0; i < 20; i += 2) {
		char t = raw[i];
		raw[i] = raw[i + 1];
		raw[i + 1] = t;
	}
	raw[20] = '\0';
	info(c->sim, "+CRSM: 144,0,\"%s\"", raw);
	return RES_OK;
}

static enum result cmd_gcap(struct cmd_ctx *c)
{
	if (c->form != FORM_EXEC)
		return RES_ERROR;
	info(c->sim, "+GCAP: +CGSM");
	return RES_OK;
}

struct command {
	const char *name;
	cmd_fn fn;
};

/* Extended commands, searched by exact (upper-cased) name. */
static const struct command command_table[] = {
    {"+CGMI", cmd_cgmi},     {"+GMI", cmd_cgmi},       {"+CGMM", cmd_cgmm},
    {"+GMM", cmd_cgmm},	     {"+CGMR", cmd_cgmr},      {"+GMR", cmd_cgmr},
    {"+CGSN", cmd_cgsn},     {"+GSN", cmd_cgsn},       {"+CIMI", cmd_cimi},
    {"+CMEE", cmd_cmee},     {"+CPIN", cmd_cpin},      {"+CSQ", cmd_csq},
    {"+CREG", cmd_creg},     {"+COPS", cmd_cops},      {"+CSCS", cmd_cscs},
    {"+CMGF", cmd_cmgf},     {"+CSMS", cmd_csms},      {"+CPMS", cmd_cpms},
    {"+CNMI", cmd_cnmi},     {"+CSCA", cmd_csca},      {"+CMGL", cmd_cmgl},
    {"+CMGR", cmd_cmgr},     {"+CMGD", cmd_cmgd},      {"+CNMA", cmd_cnma},
    {"+CMGS", cmd_cmgs},     {"+CMGW", cmd_cmgw},      {"+GCAP", cmd_gcap},
    {"+CFUN", cmd_cfun},     {"+CCID", cmd_ccid},      {"+QCCID", cmd_qccid},
    {"+CICCID", cmd_ciccid}, {"^ICCID", cmd_hw_iccid}, {"+CRSM", cmd_crsm},
};

static cmd_fn find_command(const char *name)
{
	for (size_t i = 0; i < sizeof(command_table) / sizeof(*command_table);
	     i++)
		if (strcmp(command_table[i].name, name) == 0)
			return command_table[i].fn;
	return NULL;
}

/* One basic command letter (after "AT" or a previous basic command). */
static enum result run_basic(struct sim *sim, const char **pp)
{
	const char *p = *pp;
	char letter = (char)toupper((unsigned char)*p++);
	int amp = 0;
	long v = 0;

	if (letter == '&') {
		amp = 1;
		letter = (char)toupper((unsigned char)*p++);
	}
	if (isdigit((unsigned char)*p)) {
		char *end;
		v = strtol(p, &end, 10);
		p = end;
	}
	*pp = p;
	if (amp) {
		if (letter == 'F' && v == 0) {
			modem_reset(sim);
			return RES_OK;
		}
		return RES_ERROR;
	}
	switch (letter) {
	case 'E':
		if (v > 1)
			return RES_ERROR;
		sim->echo = (int)v;
		return RES_OK;
	case 'V':
		if (v > 1)
			return RES_ERROR;
		sim->verbose = (int)v;
		return RES_OK;
	case 'Q':
		if (v > 1)
			return RES_ERROR;
		sim->quiet = (int)v;
		return RES_OK;
	case 'Z':
		modem_reset(sim);
		return RES_OK;
	case 'I':
		info(sim, "%s %s", sim->manufacturer, sim->model);
		info(sim, "%s", sim->revision);
		return RES_OK;
	default:
		return RES_ERROR;
	}
}

static void count_command(struct sim *sim, const char *name, enum form form)
{
	static const char *const suffix[] = {[FORM_EXEC] = "",
					     [FORM_SET] = "=",
					     [FORM_READ] = "?",
					     [FORM_TEST] = "=?"};
	char key[20];
	size_t i;

	snprintf(key, sizeof(key), "%s%s", name, suffix[form]);
	for (i = 0; i < sim->n_counts; i++)
		if (strcmp(sim->counts[i].key, key) == 0)
			break;
	if (i == sim->n_counts) {
		if (sim->n_counts == SIM_COUNTS_MAX)
			return;
		snprintf(sim->counts[i].key, sizeof(sim->counts[i].key), "%s",
			 key);
		sim->counts[i].n = 0;
		sim->n_counts++;
	}
	sim->counts[i].n++;
}

/* One extended command "+NAME[=args|?|=?]" up to ';' or the end. */
static enum result run_extended(struct sim *sim, const char **pp, int *code)
{
	const char *p = *pp;
	char name[16];
	char args[SIM_LINE_MAX];
	size_t n = 0, a = 0;
	struct cmd_ctx ctx = {.sim = sim, .args = "", .form = FORM_EXEC};
	int quoted = 0;

	name[n++] = *p++;
	while (isalnum((unsigned char)*p) && n < sizeof(name) - 1)
		name[n++] = (char)toupper((unsigned char)*p++);
	name[n] = '\0';
	if (p[0] == '=' && p[1] == '?') {
		ctx.form = FORM_TEST;
		p += 2;
	} else if (p[0] == '?') {
		ctx.form = FORM_READ;
		p++;
	} else if (p[0] == '=') {
		ctx.form = FORM_SET;
		p++;
		while (*p != '\0' && (quoted || *p != ';') &&
		       a < sizeof(args) - 1) {
			if (*p == '"')
				quoted = !quoted;
			/* V.250 5.2.1: spaces outside strings are ignored */
			if (quoted || *p != ' ')
				args[a++] =
				    quoted ? *p
					   : (char)toupper((unsigned char)*p);
			p++;
		}
	}
	args[a] = '\0';
	ctx.args = args;
	if (*p == ';')
		p++;
	else if (*p != '\0') {
		*pp = p + strlen(p);
		return RES_ERROR;
	}
	*pp = p;
	count_command(sim, name, ctx.form);
	cmd_fn fn = find_command(name);
	if (fn == NULL)
		return RES_ERROR;
	enum result r = fn(&ctx);
	*code = ctx.code;
	return r;
}

/* The name the timing table knows the line's first command by. */
static void first_command_name(const char *body, char *out, size_t cap)
{
	size_t n = 0;
	if (body[0] == '+' || body[0] == '^') {
		out[n++] = body[0];
		for (size_t i = 1;
		     isalnum((unsigned char)body[i]) && n < cap - 1; i++)
			out[n++] = (char)toupper((unsigned char)body[i]);
	}
	out[n] = '\0';
}

/* Queue the answer in `pending` and mark the sim busy until it is due. */
static void schedule(struct sim *sim, int64_t now, int delay)
{
	sim->busy = 1;
	sim->due = now + delay;
}

static void execute_line(struct sim *sim, int64_t now)
{
	const char *line = sim->line;
	const char *p;
	enum result r = RES_OK;
	int code = 0;
	char first[16];

	/* V.250: anything before "AT" is ignored; a line without it too */
	while (*line != '\0' && !(toupper((unsigned char)line[0]) == 'A' &&
				  toupper((unsigned char)line[1]) == 'T'))
		line++;
	if (*line == '\0')
		return;
	p = line + 2;
	if (sim->mute > 0) {
		sim->mute--;
		return;
	}
	first_command_name(p, first, sizeof(first));
	if (sim->line_overflow) {
		r = RES_ERROR;
		p = "";
	}
	while (*p != '\0' && r == RES_OK) {
		if (*p == ' ' || *p == ';') {
			p++;
		} else if (*p == '+' || *p == '^') {
			r = run_extended(sim, &p, &code);
			/* the PDU must be the last thing on the line */
			if (r == RES_PROMPT && *p != '\0') {
				sim->mode = MODE_COMMAND;
				sim->pending.len = 0;
				r = RES_ERROR;
			}
		} else {
			r = run_basic(sim, &p);
		}
	}
	final_result(sim, r, code);
	if (r == RES_PROMPT)
		schedule(sim, now, sim->realistic ? 20 : 0);
	else
		schedule(sim, now, delay_for(sim, first));
}

/* ---- the PDU after "> " ------------------------------------------------- */

static void finish_pdu(struct sim *sim, int64_t now)
{
	const char *cmd = sim->pdu_purpose == PDU_SEND ? "+CMGS" : "+CMGW";
	enum result r = RES_OK;
	int code = 0;
	char *hex;

	sim->pdu[sim->pdu_len] = '\0';
	sim->mode = MODE_COMMAND;
	hex = sim->pdu_overflow ? NULL : pdu_copy(sim->pdu);
	if (hex == NULL || tpdu_len(hex) != sim->pdu_tpdu_len) {
		free(hex);
		r = RES_CMS;
		code = 304;
	} else if (sim->pdu_purpose == PDU_SEND && sim->cms_sends > 0) {
		sim->cms_sends--;
		free(hex);
		r = RES_CMS;
		code = sim->cms_code;
	} else if (sim->pdu_purpose == PDU_SEND) {
		if (sim->sent_n == sim->sent_cap) {
			size_t cap = sim->sent_cap ? sim->sent_cap * 2 : 8;
			struct sent *s = NULL;
			if (cap <= SIM_SENT_MAX)
				s = realloc(sim->sent, cap * sizeof(*s));
			if (s == NULL) {
				free(hex);
				r = RES_CMS;
				code = 500;
				goto out;
			}
			sim->sent = s;
			sim->sent_cap = cap;
		}
		sim->sent[sim->sent_n].hex = hex;
		sim->sent[sim->sent_n].mr = sim->next_mr;
		sim->sent_n++;
		info(sim, "+CMGS: %d", sim->next_mr);
		sim->next_mr = (sim->next_mr + 1) % 256;
	} else {
		int idx = mem_store(sim, sim->cpms[1], hex, sim->pdu_stat);
		if (idx < 0) {
			free(hex);
			r = RES_CMS;
			code = 322;
		} else {
			info(sim, "+CMGW: %d", idx);
		}
	}
out:
	final_result(sim, r, code);
	schedule(sim, now, delay_for(sim, cmd));
}

static void feed_pdu(struct sim *sim, char c, int64_t now)
{
	if (c == CTRL_Z) {
		finish_pdu(sim, now);
		return;
	}
	if (c == ESC) {
		/* 27.005 3.5.1: ESC quits without sending */
		sim->mode = MODE_COMMAND;
		final_result(sim, RES_OK, 0);
		schedule(sim, now, 0);
		return;
	}
	if (sim->echo)
		(void)buf_add(&sim->out, &c, 1);
	if (c == '\r' || c == '\n' || c == ' ')
		return;
	if (sim->pdu_len < SIM_PDU_MAX - 1)
		sim->pdu[sim->pdu_len++] = c;
	else
		sim->pdu_overflow = 1;
}

static void feed_command(struct sim *sim, char c, int64_t now)
{
	if (sim->echo)
		(void)buf_add(&sim->out, &c, 1);
	if (c == '\r') {
		sim->line[sim->line_len] = '\0';
		execute_line(sim, now);
		sim->line_len = 0;
		sim->line_overflow = 0;
		return;
	}
	if (c == '\n' || c == '\0')
		return;
	if (c == '\b' || c == 0x7f) {
		if (sim->line_len > 0)
			sim->line_len--;
		return;
	}
	if (sim->line_len < SIM_LINE_MAX - 1)
		sim->line[sim->line_len++] = c;
	else
		sim->line_overflow = 1;
}

/* ---- the pty ------------------------------------------------------------ */

static int pty_open(struct sim *sim)
{
	struct termios tio;
	int flags;

	if (openpty(&sim->master, &sim->slave, sim->slave_name, NULL, NULL) !=
	    0) {
		snprintf(sim->errbuf, sizeof(sim->errbuf), "openpty: %s",
			 strerror(errno));
		sim->master = sim->slave = -1;
		return -1;
	}
	/* The settings belong to the slave side; a driver sets its own too. */
	if (tcgetattr(sim->slave, &tio) == 0) {
		cfmakeraw(&tio);
		(void)tcsetattr(sim->slave, TCSANOW, &tio);
	}
	flags = fcntl(sim->master, F_GETFL);
	if (flags < 0 || fcntl(sim->master, F_SETFL, flags | O_NONBLOCK) != 0 ||
	    fcntl(sim->master, F_SETFD, FD_CLOEXEC) != 0 ||
	    fcntl(sim->slave, F_SETFD, FD_CLOEXEC) != 0) {
		snprintf(sim->errbuf, sizeof(sim->errbuf), "pty fcntl: %s",
			 strerror(errno));
		close(sim->master);
		close(sim->slave);
		sim->master = sim->slave = -1;
		return -1;
	}
	if (sim->link_path != NULL) {
		(void)unlink(sim->link_path);
		if (symlink(sim->slave_name, sim->link_path) != 0) {
			snprintf(sim->errbuf, sizeof(sim->errbuf),
				 "symlink %s: %s", sim->link_path,
				 strerror(errno));
			close(sim->master);
			close(sim->slave);
			sim->master = sim->slave = -1;
			return -1;
		}
	}
	return 0;
}

static void pty_close(struct sim *sim)
{
	if (sim->master >= 0)
		close(sim->master);
	if (sim->slave >= 0)
		close(sim->slave);
	sim->master = sim->slave = -1;
	if (sim->link_path != NULL)
		(void)unlink(sim->link_path);
	sim->out.len = 0;
	sim->pending.len = 0;
	sim->busy = 0;
	sim->in_len = 0;
}

/* ---- public ------------------------------------------------------------- */

struct sim *sim_new(const struct sim_config *cfg, char *err, size_t errlen)
{
	static const struct sim_config none;
	struct sim *sim;

	if (cfg == NULL)
		cfg = &none;
	sim = calloc(1, sizeof(*sim));
	if (sim == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	sim->master = sim->slave = -1;
	sim->cap = cfg->capacity ? cfg->capacity : 30;
	sim->manufacturer = dup_or(cfg->manufacturer, "SIMCOM_Ltd");
	sim->model = dup_or(cfg->model, "SIMCOM_SIM800");
	sim->revision = dup_or(cfg->revision, "Revision:1418B04SIM800L24");
	sim->imei = dup_or(cfg->imei, "490154203237518");
	sim->pin = dup_or(cfg->pin, "");
	sim->smsc_default = dup_or(cfg->smsc, "+447785016005");
	sim->operator_name = dup_or(cfg->operator_name, "SIMNET");
	sim->link_path = cfg->link_path ? strdup(cfg->link_path) : NULL;
	sim->mem[0] = calloc(sim->cap, sizeof(struct slot));
	sim->mem[1] = calloc(sim->cap, sizeof(struct slot));
	sim->next_mr = 1;
	sim->pin_tries = 3;
	sim->boot_urcs = cfg->boot_urcs != 0;
	sim->iccid = dup_or(cfg->iccid, "8944110067212345678");
	if (sim->manufacturer == NULL || sim->model == NULL ||
	    sim->revision == NULL || sim->imei == NULL || sim->pin == NULL ||
	    sim->smsc_default == NULL || sim->operator_name == NULL ||
	    sim->iccid == NULL ||
	    (cfg->link_path != NULL && sim->link_path == NULL) ||
	    sim->mem[0] == NULL || sim->mem[1] == NULL) {
		snprintf(err, errlen, "out of memory");
		sim_free(sim);
		return NULL;
	}
	if (cfg->profile == NULL || strcmp(cfg->profile, "zero") == 0) {
		sim->realistic = 0;
	} else if (strcmp(cfg->profile, "realistic") == 0) {
		sim->realistic = 1;
	} else {
		snprintf(err, errlen,
			 "unknown timing profile '%s' (zero, realistic)",
			 cfg->profile);
		sim_free(sim);
		return NULL;
	}
	if (pty_open(sim) != 0) {
		snprintf(err, errlen, "%s", sim->errbuf);
		sim_free(sim);
		return NULL;
	}
	modem_power_up(sim);
	return sim;
}

void sim_free(struct sim *sim)
{
	if (sim == NULL)
		return;
	pty_close(sim);
	for (int m = 0; m < 2; m++) {
		for (size_t i = 0; sim->mem[m] != NULL && i < sim->cap; i++)
			free(sim->mem[m][i].hex);
		free(sim->mem[m]);
	}
	for (size_t i = 0; i < sim->sent_n; i++)
		free(sim->sent[i].hex);
	free(sim->sent);
	free(sim->out.data);
	free(sim->pending.data);
	free(sim->manufacturer);
	free(sim->model);
	free(sim->revision);
	free(sim->imei);
	free(sim->pin);
	free(sim->smsc_default);
	free(sim->operator_name);
	free(sim->iccid);
	free(sim->link_path);
	free(sim);
}

const char *sim_device_path(const struct sim *sim)
{
	return sim->link_path != NULL ? sim->link_path : sim->slave_name;
}

int sim_fd(const struct sim *sim)
{
	return sim->master;
}

int sim_wants_write(const struct sim *sim)
{
	return sim->master >= 0 && sim->out.len > 0;
}

static int pty_read(struct sim *sim)
{
	while (sim->in_len < SIM_IN_MAX) {
		ssize_t n = read(sim->master, sim->in + sim->in_len,
				 SIM_IN_MAX - sim->in_len);
		if (n > 0) {
			sim->in_len += (size_t)n;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK &&
		    errno != EIO)
			return -1;
		break;
	}
	return 0;
}

static int pty_write(struct sim *sim)
{
	while (sim->out.len > 0) {
		ssize_t n = write(sim->master, sim->out.data, sim->out.len);
		if (n > 0) {
			buf_drop(&sim->out, (size_t)n);
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
			return -1;
		break;
	}
	return 0;
}

int sim_step(struct sim *sim, int64_t now_ms)
{
	size_t used = 0;

	if (sim->master < 0)
		return 0;
	if (pty_read(sim) != 0)
		return -1;
	for (;;) {
		if (sim->busy) {
			if (now_ms < sim->due)
				break;
			(void)buf_add(&sim->out, sim->pending.data,
				      sim->pending.len);
			sim->pending.len = 0;
			sim->busy = 0;
		}
		if (used == sim->in_len)
			break;
		char c = sim->in[used++];
		if (sim->mode == MODE_PDU)
			feed_pdu(sim, c, now_ms);
		else
			feed_command(sim, c, now_ms);
	}
	memmove(sim->in, sim->in + used, sim->in_len - used);
	sim->in_len -= used;
	return pty_write(sim);
}

int64_t sim_next_deadline(const struct sim *sim)
{
	return sim->busy ? sim->due : -1;
}

int sim_set_delay(struct sim *sim, const char *command, int ms)
{
	size_t i;

	if (command == NULL || strlen(command) >= sizeof(sim->delays[0].cmd))
		return -1;
	for (i = 0; i < sim->ndelays; i++)
		if (strcmp(sim->delays[i].cmd, command) == 0)
			break;
	if (ms < 0) {
		if (i < sim->ndelays)
			sim->delays[i] = sim->delays[--sim->ndelays];
		return 0;
	}
	if (i == sim->ndelays) {
		if (sim->ndelays == SIM_DELAYS_MAX)
			return -1;
		sim->ndelays++;
	}
	snprintf(sim->delays[i].cmd, sizeof(sim->delays[i].cmd), "%s", command);
	sim->delays[i].ms = ms;
	return 0;
}

static void announce_full(struct sim *sim)
{
	if (sim->storage_full)
		/* Huawei MU509 AT spec 6.21: "^SMMEMFULL:<mem_type>" */
		urc(sim, "^SMMEMFULL:\"%s\"", mem_name(sim->cpms[2]));
}

int sim_deliver(struct sim *sim, const char *pdu_hex)
{
	char *hex = pdu_copy(pdu_hex);
	int mt = sim->cnmi[1];
	int idx;

	if (hex == NULL)
		return -1;
	if (mt == 2 && sim->cnmi[0] != 0 && sim->master >= 0) {
		/* direct delivery: the PDU goes to the driver, not storage */
		urc(sim, "+CMT: ,%d", tpdu_len(hex));
		(void)buf_add(&sim->out, hex, strlen(hex));
		(void)buf_add(&sim->out, "\r\n", 2);
		if (sim->csms == 1)
			sim->ack_pending++;
		free(hex);
		return 0;
	}
	idx = mem_store(sim, sim->cpms[2], hex, 0);
	if (idx < 0) {
		free(hex);
		announce_full(sim);
		return -1;
	}
	if (mt != 0 && sim->cnmi[0] != 0)
		urc(sim, "+CMTI: \"%s\",%d", mem_name(sim->cpms[2]), idx);
	return idx;
}

int sim_deliver_to(struct sim *sim, const char *mem, const char *pdu_hex)
{
	char *hex = pdu_copy(pdu_hex);
	enum mem_id m;
	int idx;

	if (hex == NULL || mem == NULL || mem_parse(mem, &m) != 0 ||
	    m == MEM_MT) {
		free(hex);
		return -1;
	}
	idx = mem_store(sim, m, hex, 0);
	if (idx < 0) {
		free(hex);
		announce_full(sim);
		return -1;
	}
	if (sim->cnmi[1] != 0 && sim->cnmi[0] != 0)
		urc(sim, "+CMTI: \"%s\",%d", mem_name(m), idx);
	return idx;
}

int sim_fault_store_raw(struct sim *sim, const char *line)
{
	char *copy;
	int idx;

	if (line == NULL || strchr(line, '\r') != NULL ||
	    strchr(line, '\n') != NULL || (copy = strdup(line)) == NULL)
		return -1;
	idx = mem_store(sim, sim->cpms[2], copy, 0);
	if (idx < 0) {
		free(copy);
		return -1;
	}
	if (sim->cnmi[1] != 0 && sim->cnmi[0] != 0)
		urc(sim, "+CMTI: \"%s\",%d", mem_name(sim->cpms[2]), idx);
	return idx;
}

unsigned long sim_command_count(const struct sim *sim, const char *key)
{
	for (size_t i = 0; i < sim->n_counts; i++)
		if (strcmp(sim->counts[i].key, key) == 0)
			return sim->counts[i].n;
	return 0;
}

int sim_pin_tries(const struct sim *sim)
{
	return sim->pin_tries;
}

int sim_deliver_status(struct sim *sim, const char *pdu_hex)
{
	char *hex = pdu_copy(pdu_hex);
	int idx;

	if (hex == NULL)
		return -1;
	if (sim->cnmi[3] == 0 || sim->cnmi[0] == 0) {
		free(hex);
		return 0;
	}
	if (sim->cnmi[3] == 1) {
		urc(sim, "+CDS: %d", tpdu_len(hex));
		(void)buf_add(&sim->out, hex, strlen(hex));
		(void)buf_add(&sim->out, "\r\n", 2);
		if (sim->csms == 1)
			sim->ack_pending++;
		free(hex);
		return 0;
	}
	idx = mem_store(sim, sim->cpms[2], hex, 0);
	if (idx < 0) {
		free(hex);
		announce_full(sim);
		return -1;
	}
	urc(sim, "+CDSI: \"%s\",%d", mem_name(sim->cpms[2]), idx);
	return idx;
}

size_t sim_stored(const struct sim *sim)
{
	return mem_used(sim, MEM_SM) + mem_used(sim, MEM_ME);
}

int sim_stat(const struct sim *sim, const char *mem, int index)
{
	enum mem_id m;
	const struct slot *s;

	if (mem == NULL || mem_parse(mem, &m) != 0)
		return -1;
	s = mem_slot(sim, m, index);
	return (s == NULL || s->hex == NULL) ? -1 : s->stat;
}

size_t sim_sent_count(const struct sim *sim)
{
	return sim->sent_n;
}

const char *sim_sent_pdu(const struct sim *sim, size_t i)
{
	return i < sim->sent_n ? sim->sent[i].hex : NULL;
}

int sim_sent_mr(const struct sim *sim, size_t i)
{
	return i < sim->sent_n ? sim->sent[i].mr : -1;
}

void sim_fault_garbage(struct sim *sim, const void *bytes, size_t len)
{
	if (sim->master >= 0)
		(void)buf_add(&sim->out, bytes, len);
}

void sim_fault_mute(struct sim *sim, int commands)
{
	sim->mute = commands > 0 ? commands : 0;
}

void sim_fault_cms_error(struct sim *sim, int sends, int code)
{
	sim->cms_sends = sends > 0 ? sends : 0;
	sim->cms_code = code;
}

void sim_fault_storage_full(struct sim *sim, int on)
{
	sim->storage_full = on != 0;
	announce_full(sim);
}

void sim_line_drop(struct sim *sim)
{
	pty_close(sim);
}

void sim_port_released(struct sim *sim)
{
	/* The sim holds the slave open, so the kernel never sees a last close
	 * and keeps a killed driver's TIOCEXCL; clear it as a real port would
	 * be after its user died (only root may open an exclusive tty). */
	if (sim->slave >= 0)
		(void)ioctl(sim->slave, TIOCNXCL);
}

int sim_line_restore(struct sim *sim)
{
	if (sim->master >= 0)
		pty_close(sim);
	if (pty_open(sim) != 0)
		return -1;
	modem_power_up(sim);
	return 0;
}
