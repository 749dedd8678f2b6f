/*
 * sim_cmd: the AT commands the simulated modem answers, one function each,
 * found by name in command_table. See sim_int.h and sim.h.
 */
#include "sim_int.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
		if (*p != '"' || sx_mem_parse(name, &out[n]) != 0)
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
	sx_info(c->sim, "%s", value);
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
		sx_info(c->sim, "+CMEE: %d", c->sim->cmee);
		return RES_OK;
	case FORM_TEST:
		sx_info(c->sim, "+CMEE: (0-2)");
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
			sx_info(sim, "+CPIN: SIM PUK");
		else
			sx_info(sim, "+CPIN: %s",
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
		sx_info(c->sim, "+CSQ: (0-31,99),(0-7,99)");
		return RES_OK;
	}
	if (c->form != FORM_EXEC)
		return RES_ERROR;
	sx_info(c->sim, "+CSQ: 21,0");
	return RES_OK;
}

static enum result cmd_creg(struct cmd_ctx *c)
{
	int v[1];
	int stat = c->sim->pin_ok ? 1 : 0;
	switch (c->form) {
	case FORM_TEST:
		sx_info(c->sim, "+CREG: (0-2)");
		return RES_OK;
	case FORM_EXEC:
		return RES_ERROR;
	case FORM_READ:
		if (c->sim->creg_n == 2)
			sx_info(c->sim, "+CREG: 2,%d,\"1A2B\",\"0C3D\"", stat);
		else
			sx_info(c->sim, "+CREG: %d,%d", c->sim->creg_n, stat);
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
			sx_info(c->sim, "+COPS: 0");
		else
			sx_info(c->sim, "+COPS: 0,0,\"%s\"",
				c->sim->operator_name);
		return RES_OK;
	case FORM_TEST:
		sx_info(c->sim,
			"+COPS: (2,\"%s\",\"%s\",\"23415\"),,(0-4),(0-2)",
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
		sx_info(c->sim, "+CSCS: \"GSM\"");
		return RES_OK;
	case FORM_TEST:
		sx_info(c->sim, "+CSCS: (\"IRA\",\"GSM\")");
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
		sx_info(c->sim, "+CMGF: %d", c->sim->cmgf);
		return RES_OK;
	case FORM_TEST:
		sx_info(c->sim, "+CMGF: (0)");
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
		sx_info(c->sim, "+CSMS: %d,1,1,1", c->sim->csms);
		return RES_OK;
	case FORM_TEST:
		sx_info(c->sim, "+CSMS: (0,1)");
		return RES_OK;
	case FORM_SET:
		if (parse_ints(c->args, v, 1) != 1 || v[0] > 1)
			return cms(c, 303);
		c->sim->csms = v[0];
		sx_info(c->sim, "+CSMS: 1,1,1");
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
		    with_names ? "\"" : "", with_names ? sx_mem_name(m) : "",
		    with_names ? "\"," : "", sx_mem_used(sim, m),
		    sx_mem_total(sim, m));
	}
	sx_info(sim, "+CPMS: %s", tmp);
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
		sx_info(c->sim, "+CPMS: (\"SM\",\"ME\",\"MT\"),(\"SM\",\"ME\","
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
		sx_info(c->sim, "+CNMI: %d,%d,%d,%d,%d", cur[0], cur[1], cur[2],
			cur[3], cur[4]);
		return RES_OK;
	case FORM_TEST:
		sx_info(c->sim, "+CNMI: (0-3),(0-3),(0,2),(0-2),(0,1)");
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
		sx_info(c->sim, "+CSCA: \"%s\",%d", c->sim->smsc,
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
		sx_info(sim, "+CMGL: (0-4)");
		return RES_OK;
	}
	if (!sim->pin_ok)
		return cms(c, 311);
	if (c->form == FORM_EXEC)
		v[0] = 0; /* 27.005: default <stat> is "REC UNREAD" */
	else if (c->form != FORM_SET || parse_ints(c->args, v, 1) != 1 ||
		 v[0] > 4)
		return cms(c, 302);
	for (size_t i = 1; i <= sx_mem_total(sim, m); i++) {
		struct slot *s = sx_mem_slot(sim, m, (long)i);
		if (s->hex == NULL || (v[0] != 4 && s->stat != v[0]))
			continue;
		sx_info(sim, "+CMGL: %zu,%d,,%d", i, s->stat,
			sx_tpdu_len(s->hex));
		(void)sx_buf_add(&sim->pending, s->hex, strlen(s->hex));
		(void)sx_buf_add(&sim->pending, "\r\n", 2);
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
	s = sx_mem_slot(sim, sim->cpms[0], v[0]);
	if (s == NULL)
		return cms(c, 321);
	if (s->hex == NULL)
		return RES_OK; /* SIM800 and most: an empty slot reads as OK */
	sx_info(sim, "+CMGR: %d,,%d", s->stat, sx_tpdu_len(s->hex));
	(void)sx_buf_add(&sim->pending, s->hex, strlen(s->hex));
	(void)sx_buf_add(&sim->pending, "\r\n", 2);
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
		sx_info(sim, "+CMGD: (1-%zu),(0-4)", sx_mem_total(sim, m));
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
		for (size_t i = 1; i <= sx_mem_total(sim, m); i++) {
			struct slot *s = sx_mem_slot(sim, m, (long)i);
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
	struct slot *s = sx_mem_slot(sim, m, v[0]);
	if (s == NULL)
		return cms(c, 321);
	free(s->hex);
	s->hex = NULL;
	return RES_OK;
}

static enum result cmd_cnma(struct cmd_ctx *c)
{
	if (c->form == FORM_TEST) {
		sx_info(c->sim, "+CNMA: (0-2)");
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
	(void)sx_buf_add(&sim->pending, "\r\n> ", 4);
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
		sx_info(c->sim, "+CFUN: %d", c->sim->cfun);
		return RES_OK;
	case FORM_TEST:
		sx_info(c->sim, "+CFUN: (0,1,4),(0,1)");
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
		sx_info(sim, "%s", sim->iccid);
	else
		sx_info(sim, "+CCID: %s", sim->iccid);
	return RES_OK;
}

static enum result cmd_qccid(struct cmd_ctx *c)
{
	if (c->form != FORM_EXEC)
		return c->form == FORM_TEST ? RES_OK : RES_ERROR;
	sx_info(c->sim, "+QCCID: %s", c->sim->iccid);
	return RES_OK;
}

static enum result cmd_ciccid(struct cmd_ctx *c)
{
	if (c->form != FORM_EXEC)
		return c->form == FORM_TEST ? RES_OK : RES_ERROR;
	sx_info(c->sim, "+ICCID: %s", c->sim->iccid);
	return RES_OK;
}

static enum result cmd_hw_iccid(struct cmd_ctx *c)
{
	if (c->form != FORM_READ)
		return c->form == FORM_TEST ? RES_OK : RES_ERROR;
	sx_info(c->sim, "^ICCID: %s", c->sim->iccid);
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
	sx_info(c->sim, "+CRSM: 144,0,\"%s\"", raw);
	return RES_OK;
}

static enum result cmd_gcap(struct cmd_ctx *c)
{
	if (c->form != FORM_EXEC)
		return RES_ERROR;
	sx_info(c->sim, "+GCAP: +CGSM");
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

cmd_fn sx_find_command(const char *name)
{
	for (size_t i = 0; i < sizeof(command_table) / sizeof(*command_table);
	     i++)
		if (strcmp(command_table[i].name, name) == 0)
			return command_table[i].fn;
	return NULL;
}
