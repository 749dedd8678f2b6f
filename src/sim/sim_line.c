/*
 * sim_line: a command line as V.250 reads it (basic and extended commands
 * separated by ';'), and the PDU typed after "> ". See sim_int.h.
 */
#include "sim_int.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
			sx_modem_reset(sim);
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
		sx_modem_reset(sim);
		return RES_OK;
	case 'I':
		sx_info(sim, "%s %s", sim->manufacturer, sim->model);
		sx_info(sim, "%s", sim->revision);
		return RES_OK;
	default:
		return RES_ERROR;
	}
}

void sx_count_command(struct sim *sim, const char *name, enum form form)
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
	sx_count_command(sim, name, ctx.form);
	cmd_fn fn = sx_find_command(name);
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

void sx_execute_line(struct sim *sim, int64_t now)
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
	sx_final_result(sim, r, code);
	if (r == RES_PROMPT)
		schedule(sim, now, sim->realistic ? 20 : 0);
	else
		schedule(sim, now, sx_delay_for(sim, first));
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
	hex = sim->pdu_overflow ? NULL : sx_pdu_copy(sim->pdu);
	if (hex == NULL || sx_tpdu_len(hex) != sim->pdu_tpdu_len) {
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
		sx_info(sim, "+CMGS: %d", sim->next_mr);
		sim->next_mr = (sim->next_mr + 1) % 256;
	} else {
		int idx = sx_mem_store(sim, sim->cpms[1], hex, sim->pdu_stat);
		if (idx < 0) {
			free(hex);
			r = RES_CMS;
			code = 322;
		} else {
			sx_info(sim, "+CMGW: %d", idx);
		}
	}
out:
	sx_final_result(sim, r, code);
	schedule(sim, now, sx_delay_for(sim, cmd));
}

void sx_feed_pdu(struct sim *sim, char c, int64_t now)
{
	if (c == CTRL_Z) {
		finish_pdu(sim, now);
		return;
	}
	if (c == ESC) {
		/* 27.005 3.5.1: ESC quits without sending */
		sim->mode = MODE_COMMAND;
		sx_final_result(sim, RES_OK, 0);
		schedule(sim, now, 0);
		return;
	}
	if (sim->echo)
		(void)sx_buf_add(&sim->out, &c, 1);
	if (c == '\r' || c == '\n' || c == ' ')
		return;
	if (sim->pdu_len < SIM_PDU_MAX - 1)
		sim->pdu[sim->pdu_len++] = c;
	else
		sim->pdu_overflow = 1;
}

void sx_feed_command(struct sim *sim, char c, int64_t now)
{
	if (sim->echo)
		(void)sx_buf_add(&sim->out, &c, 1);
	if (c == '\r') {
		sim->line[sim->line_len] = '\0';
		sx_execute_line(sim, now);
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
