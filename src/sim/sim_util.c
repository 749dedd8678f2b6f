/*
 * sim_util: buffers, result formatting, timing and storage of the
 * simulated modem. See sim_int.h.
 */
#include "sim_int.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- small helpers ------------------------------------------------------ */

char *sx_dup_or(const char *s, const char *fallback)
{
	const char *v = (s != NULL) ? s : fallback;
	return strdup(v == NULL ? "" : v);
}

int sx_buf_add(struct buf *b, const char *p, size_t n)
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

void sx_buf_drop(struct buf *b, size_t n)
{
	memmove(b->data, b->data + n, b->len - n);
	b->len -= n;
}

int sx_is_hex(char c)
{
	return isxdigit((unsigned char)c) != 0;
}

int sx_hex_octet(const char *p)
{
	char two[3] = {p[0], p[1], 0};
	return (int)strtol(two, NULL, 16);
}

/*
 * The TPDU length of HEX (with its SMSC prefix) in octets, as +CMGR and
 * +CMGS=<len> count it, or -1 when HEX is not well-formed hex.
 */
int sx_tpdu_len(const char *hex)
{
	size_t n = strlen(hex);
	if (n < 2 || n % 2 != 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (!sx_is_hex(hex[i]))
			return -1;
	size_t smsc = (size_t)sx_hex_octet(hex) + 1;
	if (smsc * 2 > n)
		return -1;
	return (int)(n / 2 - smsc);
}

/* Upper-cased copy of hex, or NULL when HEX is not a PDU. */
char *sx_pdu_copy(const char *hex)
{
	if (hex == NULL || sx_tpdu_len(hex) < 1)
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

int sx_delay_for(const struct sim *sim, const char *first_cmd)
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
void sx_info_line(struct sim *sim, struct buf *b, const char *text)
{
	if (sim->verbose) {
		(void)sx_buf_add(b, "\r\n", 2);
		(void)sx_buf_add(b, text, strlen(text));
		(void)sx_buf_add(b, "\r\n", 2);
	} else {
		(void)sx_buf_add(b, text, strlen(text));
		(void)sx_buf_add(b, "\r\n", 2);
	}
}

void sx_info(struct sim *sim, const char *fmt, ...)
{
	char tmp[SIM_PDU_MAX + 64];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	sx_info_line(sim, &sim->pending, tmp);
}

void sx_urc(struct sim *sim, const char *fmt, ...)
{
	char tmp[SIM_PDU_MAX + 64];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (sim->master >= 0)
		sx_info_line(sim, &sim->out, tmp);
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

void sx_final_result(struct sim *sim, enum result res, int code)
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
			sx_info_line(sim, b, tmp);
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
		sx_info_line(sim, b, word);
	} else {
		snprintf(tmp, sizeof(tmp), "%d\r", num);
		(void)sx_buf_add(b, tmp, strlen(tmp));
	}
}

/* ---- storage ------------------------------------------------------------ */

const char *sx_mem_name(enum mem_id m)
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

int sx_mem_parse(const char *s, enum mem_id *out)
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

size_t sx_mem_total(const struct sim *sim, enum mem_id m)
{
	return m == MEM_MT ? 2 * sim->cap : sim->cap;
}

/* The slot behind 1-based INDEX of memory M, or NULL when out of range. */
struct slot *sx_mem_slot(const struct sim *sim, enum mem_id m, long index)
{
	if (index < 1 || (size_t)index > sx_mem_total(sim, m))
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

size_t sx_mem_used(const struct sim *sim, enum mem_id m)
{
	size_t used = 0;
	for (size_t i = 1; i <= sx_mem_total(sim, m); i++)
		used += sx_mem_slot(sim, m, (long)i)->hex != NULL;
	return used;
}

/* Store HEX (taken) with STAT in M; the 1-based index, or -1 when full. */
int sx_mem_store(struct sim *sim, enum mem_id m, char *hex, int stat)
{
	if (sim->storage_full)
		return -1;
	for (size_t i = 1; i <= sx_mem_total(sim, m); i++) {
		struct slot *s = sx_mem_slot(sim, m, (long)i);
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

void sx_modem_reset(struct sim *sim)
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
void sx_modem_power_up(struct sim *sim)
{
	sx_modem_reset(sim);
	sim->pin_ok = sim->pin[0] == '\0';
	sim->cfun = 1;
	if (sim->boot_urcs) {
		/* SIM800 manual V1.09 URC table: RDY only at a fixed baud rate
		 */
		sx_urc(sim, "RDY");
		sx_urc(sim, "+CFUN: 1");
		sx_urc(sim, "+CPIN: %s", sim->pin_ok ? "READY" : "SIM PIN");
		sx_urc(sim, "Call Ready");
		sx_urc(sim, "SMS Ready");
	}
}
