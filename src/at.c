/*
 * at: bytes to lines to events. See include/smsdesk/at.h for the contract.
 *
 * The shape follows oFono's gatchat (syntax, then chat): a line splitter
 * that knows about the "> " prompt, then a router that decides who owns each
 * line. Final results are a table so firmware quirks add entries instead of
 * code; URCs are whatever the owner registered (at_add_urc), as gatchat's
 * g_at_chat_register: which lines are unsolicited is the modem's knowledge,
 * not the syntax's.
 */
#include "smsdesk/at.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define AT_PREFIX_MAX 32
#define AT_EXTRA_MAX  8
#define CTRL_Z	      0x1a
#define ESC	      0x1b

struct at_queued {
	char cmd[AT_CMD_MAX];
	char prefix[AT_PREFIX_MAX];
	char body[AT_BODY_MAX];
	int has_body;
	int pdu_follows;
	int timeout_ms;
	int tag;
	void *cookie;
};

enum at_phase {
	PHASE_IDLE,	   /* nothing in flight */
	PHASE_SENT,	   /* head handed out, waiting for the final */
	PHASE_WAIT_PROMPT, /* AT+CMGS head handed out, waiting for "> " */
	PHASE_BODY_SENT,   /* body and Ctrl-Z handed out */
};

/* Who is waiting for the PDU line that follows a header line. */
enum at_pdu_owner {
	PDU_NONE,
	PDU_URC,
	PDU_COMMAND,
};

/*
 * A registered unsolicited result code: the owner says which prefixes are
 * URCs (27.005/27.007 ones and the vendor lines of its firmware profile)
 * and whether a PDU line follows; `at` only matches them.
 */
struct at_urc {
	char prefix[AT_PREFIX_MAX];
	int pdu_follows;
	int tag;
};

struct at_final {
	const char *text;
	int is_prefix; /* followed by ": code" */
	enum at_result result;
};

static const struct at_final final_table[] = {
    {"OK", 0, AT_RESULT_OK},
    {"ERROR", 0, AT_RESULT_ERROR},
    {"+CME ERROR:", 1, AT_RESULT_CME_ERROR},
    {"+CMS ERROR:", 1, AT_RESULT_CMS_ERROR},
    {"NO CARRIER", 0, AT_RESULT_NO_CARRIER},
    {"BUSY", 0, AT_RESULT_BUSY},
    {"NO ANSWER", 0, AT_RESULT_NO_ANSWER},
    {"NO DIALTONE", 0, AT_RESULT_NO_DIALTONE},
};

struct at {
	at_event_fn on_event;
	void *ctx;

	char line[AT_LINE_MAX + 1];
	size_t len;
	int discarding; /* inside an over-long line */

	enum at_pdu_owner pdu_owner;
	char held[AT_LINE_MAX + 1]; /* header waiting for its PDU */

	struct at_queued cur;
	enum at_phase phase;
	int64_t deadline;
	struct at_queued queue[AT_QUEUE_MAX];
	size_t q_head, q_n;

	/* One head, one body, its Ctrl-Z and an ESC fit at any time. */
	unsigned char out[2 * (AT_CMD_MAX + AT_BODY_MAX) + 8];
	size_t out_len;

	char extra_final[AT_EXTRA_MAX][AT_PREFIX_MAX];
	size_t n_extra_final;
	struct at_urc urcs[AT_URC_MAX];
	size_t n_urcs;
	int held_tag; /* the URC tag of a held header */

	struct at_stats stats;
};

struct at *at_new(const struct at_config *cfg)
{
	struct at *at;

	if (cfg == NULL || cfg->on_event == NULL)
		return NULL;
	at = calloc(1, sizeof(*at));
	if (at == NULL)
		return NULL;
	at->on_event = cfg->on_event;
	at->ctx = cfg->ctx;
	at->phase = PHASE_IDLE;
	at->deadline = -1;
	return at;
}

void at_free(struct at *at)
{
	free(at);
}

static int copy_str(char *dst, size_t cap, const char *src)
{
	size_t n;

	if (src == NULL) {
		dst[0] = '\0';
		return 0;
	}
	n = strlen(src);
	if (n >= cap)
		return -1;
	memcpy(dst, src, n + 1);
	return 0;
}

static void out_append(struct at *at, const void *buf, size_t len)
{
	/* Cannot overflow: see the size of out and the prompt guard. */
	if (len > sizeof(at->out) - at->out_len)
		len = sizeof(at->out) - at->out_len;
	memcpy(at->out + at->out_len, buf, len);
	at->out_len += len;
}

static void emit(struct at *at, enum at_event_kind kind, int urc_tag,
		 const char *line, const char *pdu)
{
	struct at_event ev = {
	    .kind = kind,
	    .line = line,
	    .pdu = pdu,
	    .result = AT_RESULT_OK,
	    .code = -1,
	};

	if (kind == AT_EVENT_LINE) {
		ev.tag = at->cur.tag;
		ev.cookie = at->cur.cookie;
	} else if (kind == AT_EVENT_URC) {
		ev.tag = urc_tag;
	}
	at->on_event(at->ctx, &ev);
}

static void start_next(struct at *at, int64_t now_ms)
{
	static const char cr = '\r';

	if (at->phase != PHASE_IDLE || at->q_n == 0)
		return;
	at->cur = at->queue[at->q_head];
	at->q_head = (at->q_head + 1) % AT_QUEUE_MAX;
	at->q_n--;
	out_append(at, at->cur.cmd, strlen(at->cur.cmd));
	out_append(at, &cr, 1);
	at->phase = at->cur.has_body ? PHASE_WAIT_PROMPT : PHASE_SENT;
	at->deadline = now_ms + at->cur.timeout_ms;
}

/*
 * End the command in flight. The event is sent after the engine is idle
 * again, so the callback may queue the next command.
 */
static void finish(struct at *at, enum at_result result, int code,
		   const char *line, int64_t now_ms)
{
	struct at_event ev = {
	    .kind = AT_EVENT_FINAL,
	    .tag = at->cur.tag,
	    .cookie = at->cur.cookie,
	    .line = line,
	    .result = result,
	    .code = code,
	};

	at->phase = PHASE_IDLE;
	at->deadline = -1;
	if (at->pdu_owner == PDU_COMMAND)
		at->pdu_owner = PDU_NONE;
	at->on_event(at->ctx, &ev);
	start_next(at, now_ms);
}

int at_send(struct at *at, const struct at_cmd *cmd, int64_t now_ms)
{
	struct at_queued *q;

	if (cmd == NULL || cmd->cmd == NULL || at->q_n == AT_QUEUE_MAX)
		return -1;
	q = &at->queue[(at->q_head + at->q_n) % AT_QUEUE_MAX];
	if (copy_str(q->cmd, sizeof(q->cmd), cmd->cmd) != 0 ||
	    copy_str(q->prefix, sizeof(q->prefix), cmd->prefix) != 0 ||
	    copy_str(q->body, sizeof(q->body), cmd->body) != 0)
		return -1;
	q->has_body = cmd->body != NULL;
	q->pdu_follows = cmd->pdu_follows;
	q->timeout_ms = cmd->timeout_ms > 0 ? cmd->timeout_ms : 1;
	q->tag = cmd->tag;
	q->cookie = cmd->cookie;
	at->q_n++;
	start_next(at, now_ms);
	return 0;
}

static int starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static int is_hex_line(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!isxdigit((unsigned char)*s))
			return 0;
	return 1;
}

/* The code after "+CMS ERROR:", or -1 when it is text (AT+CMEE=2). */
static int error_code(const char *after)
{
	char *end;
	long v;

	while (*after == ' ')
		after++;
	if (!isdigit((unsigned char)*after))
		return -1;
	v = strtol(after, &end, 10);
	while (*end == ' ')
		end++;
	if (*end != '\0' || v > 65535)
		return -1;
	return (int)v;
}

/* 1, with the result and code filled in, when LINE is a final result. */
static int match_final(const struct at *at, const char *line,
		       enum at_result *result, int *code)
{
	for (size_t i = 0; i < sizeof(final_table) / sizeof(final_table[0]);
	     i++) {
		const struct at_final *f = &final_table[i];
		if (f->is_prefix ? starts_with(line, f->text)
				 : strcmp(line, f->text) == 0) {
			*result = f->result;
			*code = f->is_prefix
				    ? error_code(line + strlen(f->text))
				    : -1;
			return 1;
		}
	}
	for (size_t i = 0; i < at->n_extra_final; i++) {
		if (strcmp(line, at->extra_final[i]) == 0) {
			*result = AT_RESULT_ERROR;
			*code = -1;
			return 1;
		}
	}
	return 0;
}

/* The registered URC LINE starts with (the first registered wins). */
static const struct at_urc *match_urc(const struct at *at, const char *line)
{
	for (size_t i = 0; i < at->n_urcs; i++)
		if (starts_with(line, at->urcs[i].prefix))
			return &at->urcs[i];
	return NULL;
}

/* Echo of our own head ("AT...") or of the PDU body we typed after "> ". */
static int is_echo(const struct at *at, const char *line)
{
	size_t n;

	/* The driver may lead a head with ESC to leave a stuck prompt. */
	while (*line == ESC || *line == CTRL_Z)
		line++;
	if ((line[0] == 'A' || line[0] == 'a') &&
	    (line[1] == 'T' || line[1] == 't'))
		return 1;
	if (at->phase != PHASE_BODY_SENT)
		return 0;
	n = strlen(line);
	while (n > 0 && (line[n - 1] == CTRL_Z || line[n - 1] == ESC))
		n--;
	return n > 0 && strlen(at->cur.body) == n &&
	       strncmp(line, at->cur.body, n) == 0;
}

/* A header whose PDU line never came: deliver it without one. */
static void flush_held(struct at *at)
{
	enum at_pdu_owner owner = at->pdu_owner;

	at->pdu_owner = PDU_NONE;
	switch (owner) {
	case PDU_NONE:
		return;
	case PDU_URC:
		emit(at, AT_EVENT_URC, at->held_tag, at->held, NULL);
		return;
	case PDU_COMMAND:
		if (at->phase != PHASE_IDLE)
			emit(at, AT_EVENT_LINE, 0, at->held, NULL);
		return;
	}
}

static void hold(struct at *at, enum at_pdu_owner owner, int tag,
		 const char *line)
{
	/* Both buffers have the same size: the copy always fits. */
	memcpy(at->held, line, strlen(line) + 1);
	at->pdu_owner = owner;
	at->held_tag = tag;
}

/*
 * Is LINE, seen where a PDU is owed, something else after all: a result, a
 * registered URC, echo, or the next header of the listing (the entry before
 * had no PDU)? Anything else is the PDU, even when it is not hex: the owner
 * must see a stored message it cannot read, or its slot is never freed.
 */
static int not_a_pdu(const struct at *at, const char *line)
{
	enum at_result result;
	int code;

	if (is_hex_line(line))
		return 0;
	return match_final(at, line, &result, &code) ||
	       match_urc(at, line) != NULL || is_echo(at, line) ||
	       (at->phase != PHASE_IDLE && at->cur.prefix[0] != '\0' &&
		starts_with(line, at->cur.prefix));
}

static void route_line(struct at *at, const char *line, int64_t now_ms)
{
	enum at_result result;
	const struct at_urc *urc;
	int code;
	int in_flight = at->phase != PHASE_IDLE;

	if (at->pdu_owner != PDU_NONE) {
		if (!not_a_pdu(at, line)) {
			enum at_pdu_owner owner = at->pdu_owner;
			at->pdu_owner = PDU_NONE;
			emit(at,
			     owner == PDU_URC ? AT_EVENT_URC : AT_EVENT_LINE,
			     at->held_tag, at->held, line);
			return;
		}
		flush_held(at);
	}
	if (is_echo(at, line)) {
		at->stats.echo_lines++;
		return;
	}
	if (in_flight && match_final(at, line, &result, &code)) {
		finish(at, result, code, line, now_ms);
		return;
	}
	if (in_flight && at->cur.prefix[0] != '\0' &&
	    starts_with(line, at->cur.prefix)) {
		if (at->cur.pdu_follows)
			hold(at, PDU_COMMAND, 0, line);
		else
			emit(at, AT_EVENT_LINE, 0, line, NULL);
		return;
	}
	urc = match_urc(at, line);
	if (urc != NULL) {
		if (urc->pdu_follows)
			hold(at, PDU_URC, urc->tag, line);
		else
			emit(at, AT_EVENT_URC, urc->tag, line, NULL);
		return;
	}
	if (in_flight && at->cur.prefix[0] == '\0') {
		emit(at, AT_EVENT_LINE, 0, line, NULL);
		return;
	}
	at->stats.stray_lines++;
	emit(at, AT_EVENT_STRAY, 0, line, NULL);
}

static void end_of_line(struct at *at, int64_t now_ms)
{
	if (at->discarding) {
		at->discarding = 0;
		at->stats.dropped_lines++;
		/* A PDU too long to keep is lost: say so with the header. */
		flush_held(at);
		emit(at, AT_EVENT_DROPPED, 0, NULL, NULL);
		return;
	}
	if (at->len == 0)
		return;
	at->line[at->len] = '\0';
	at->len = 0;
	route_line(at, at->line, now_ms);
}

/* The "> " of AT+CMGS has no line end: look for it in the partial line. */
static void check_prompt(struct at *at)
{
	static const char ctrl_z = CTRL_Z;

	if (at->phase != PHASE_WAIT_PROMPT || at->out_len != 0 ||
	    at->len != 2 || at->line[0] != '>' || at->line[1] != ' ')
		return;
	at->len = 0;
	out_append(at, at->cur.body, strlen(at->cur.body));
	out_append(at, &ctrl_z, 1);
	at->phase = PHASE_BODY_SENT;
}

void at_feed(struct at *at, const void *buf, size_t len, int64_t now_ms)
{
	const unsigned char *p = buf;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = p[i];

		if (c == '\0') {
			at->stats.nul_bytes++;
			continue;
		}
		if (c == '\r' || c == '\n') {
			end_of_line(at, now_ms);
			continue;
		}
		if (at->discarding)
			continue;
		if (at->len == AT_LINE_MAX) {
			at->discarding = 1;
			at->len = 0;
			continue;
		}
		at->line[at->len++] = (char)c;
		check_prompt(at);
	}
}

void at_tick(struct at *at, int64_t now_ms)
{
	static const char esc = ESC;

	if (at->phase == PHASE_IDLE || now_ms < at->deadline)
		return;
	/* A modem left waiting for a PDU body would swallow the next head. */
	if (at->phase == PHASE_WAIT_PROMPT)
		out_append(at, &esc, 1);
	at->stats.timeouts++;
	finish(at, AT_RESULT_TIMEOUT, -1, NULL, now_ms);
}

int64_t at_next_deadline(const struct at *at)
{
	return at->phase == PHASE_IDLE ? -1 : at->deadline;
}

const void *at_output(const struct at *at, size_t *len)
{
	*len = at->out_len;
	return at->out;
}

void at_consumed(struct at *at, size_t n)
{
	if (n >= at->out_len) {
		at->out_len = 0;
		return;
	}
	memmove(at->out, at->out + n, at->out_len - n);
	at->out_len -= n;
}

int at_busy(const struct at *at)
{
	return at->phase != PHASE_IDLE || at->q_n > 0;
}

void at_abort(struct at *at)
{
	at->len = 0;
	at->discarding = 0;
	at->pdu_owner = PDU_NONE;
	at->out_len = 0;
	while (at->phase != PHASE_IDLE || at->q_n > 0) {
		if (at->phase == PHASE_IDLE) {
			at->cur = at->queue[at->q_head];
			at->q_head = (at->q_head + 1) % AT_QUEUE_MAX;
			at->q_n--;
		}
		at->phase = PHASE_IDLE;
		at->deadline = -1;
		struct at_event ev = {
		    .kind = AT_EVENT_FINAL,
		    .tag = at->cur.tag,
		    .cookie = at->cur.cookie,
		    .result = AT_RESULT_ABORTED,
		    .code = -1,
		};
		at->on_event(at->ctx, &ev);
		/* Whatever the callback queued meanwhile is aborted too. */
		at->out_len = 0;
	}
}

int at_add_final_error(struct at *at, const char *line)
{
	if (at->n_extra_final == AT_EXTRA_MAX ||
	    copy_str(at->extra_final[at->n_extra_final], AT_PREFIX_MAX, line) !=
		0)
		return -1;
	at->n_extra_final++;
	return 0;
}

int at_add_urc(struct at *at, const char *prefix, int pdu_follows, int tag)
{
	struct at_urc *u;

	if (prefix == NULL || prefix[0] == '\0' || at->n_urcs == AT_URC_MAX)
		return -1;
	u = &at->urcs[at->n_urcs];
	if (copy_str(u->prefix, sizeof(u->prefix), prefix) != 0)
		return -1;
	u->pdu_follows = pdu_follows;
	u->tag = tag;
	at->n_urcs++;
	return 0;
}

const struct at_stats *at_stats(const struct at *at)
{
	return &at->stats;
}

const char *at_result_name(enum at_result r)
{
	switch (r) {
	case AT_RESULT_OK:
		return "OK";
	case AT_RESULT_ERROR:
		return "ERROR";
	case AT_RESULT_CME_ERROR:
		return "+CME ERROR";
	case AT_RESULT_CMS_ERROR:
		return "+CMS ERROR";
	case AT_RESULT_NO_CARRIER:
		return "NO CARRIER";
	case AT_RESULT_BUSY:
		return "BUSY";
	case AT_RESULT_NO_ANSWER:
		return "NO ANSWER";
	case AT_RESULT_NO_DIALTONE:
		return "NO DIALTONE";
	case AT_RESULT_TIMEOUT:
		return "timeout";
	case AT_RESULT_ABORTED:
		return "aborted";
	}
	return "?";
}
