/*
 * at: the AT command engine, a byte-fed state machine between a modem's
 * serial bytes and the driver that gives it commands.
 *
 * Bytes from the modem go in with at_feed(); bytes for the modem come out of
 * at_output() and are acknowledged with at_consumed(); time passes only when
 * the caller says so (at_tick(), with the same monotonic milliseconds it
 * gives at_feed()). Lines end on CR or LF in any mix. One command is in
 * flight at a time, with its own timeout. Lines are routed in a fixed order:
 * echo is dropped, final results end the command in flight, lines with the
 * command's expected prefix (and the PDU line after them) belong to it,
 * unsolicited result codes the owner registered with at_add_urc() go to it
 * as URC events (with the PDU line after them when the registration says
 * so), anything else is counted as stray. Where a PDU line is owed, the
 * next line is that PDU unless it is a result, a registered URC, echo or
 * the next header: a line that is not hex is still handed over as the PDU,
 * so that the owner can keep and free a stored message it cannot read.
 * Every buffer is bounded: an over-long line is dropped and reported, never
 * truncated into something that looks valid.
 *
 * This module knows AT syntax only: never which lines are unsolicited (the
 * owner registers them), never what an SMS is. It must never do I/O, read a
 * clock, or allocate after at_new().
 */
#ifndef SMSDESK_AT_H
#define SMSDESK_AT_H

#include <stddef.h>
#include <stdint.h>

/* Longest line kept (a +CMGL PDU line is at most ~360 characters). */
#define AT_LINE_MAX 1024
/* Longest command head and body (the PDU hex of AT+CMGS). */
#define AT_CMD_MAX  128
#define AT_BODY_MAX 640
/* Commands waiting behind the one in flight. */
#define AT_QUEUE_MAX 8
/* Registered URC prefixes. */
#define AT_URC_MAX 48

enum at_result {
	AT_RESULT_OK,
	AT_RESULT_ERROR,     /* plain ERROR and per-firmware extras */
	AT_RESULT_CME_ERROR, /* +CME ERROR: code (equipment/SIM) */
	AT_RESULT_CMS_ERROR, /* +CMS ERROR: code (SMS service) */
	AT_RESULT_NO_CARRIER,
	AT_RESULT_BUSY,
	AT_RESULT_NO_ANSWER,
	AT_RESULT_NO_DIALTONE,
	AT_RESULT_TIMEOUT, /* no final result before the deadline */
	AT_RESULT_ABORTED, /* at_abort(): the port went away */
};

enum at_event_kind {
	AT_EVENT_LINE,	  /* an intermediate line of the command in flight */
	AT_EVENT_FINAL,	  /* the command in flight ended */
	AT_EVENT_URC,	  /* a registered URC (pdu set when one follows) */
	AT_EVENT_STRAY,	  /* a line nobody claims; logged by the caller */
	AT_EVENT_DROPPED, /* an over-long line was discarded */
};

/*
 * What at tells its owner. Strings are borrowed for the duration of the
 * callback: copy to keep.
 */
struct at_event {
	enum at_event_kind kind;
	int tag;	       /* from the command (LINE, FINAL) or the
				  registration (URC) */
	void *cookie;	       /* from the command (LINE, FINAL) */
	const char *line;      /* the line; NULL for TIMEOUT/ABORTED/DROPPED */
	const char *pdu;       /* LINE after a PDU header, URC +CMT/+CDS */
	enum at_result result; /* FINAL */
	int code;	       /* FINAL: n of +CME/+CMS ERROR, else -1 */
};

/*
 * The callback may call at_send() (the command is queued) but must not call
 * at_free() on the engine that called it.
 */
typedef void (*at_event_fn)(void *ctx, const struct at_event *ev);

struct at_config {
	at_event_fn on_event; /* required */
	void *ctx;
};

/* One command. All strings are copied by at_send(). */
struct at_cmd {
	const char *cmd; /* "AT+CMGS=23", without the CR */
	/*
	 * Lines that belong to this command start with this prefix
	 * ("+CMGL:"); NULL: every line that is not a URC or a final result
	 * (for AT+CGMI and friends, which answer with bare text).
	 */
	const char *prefix;
	int pdu_follows;  /* a PDU line follows each prefixed line */
	const char *body; /* AT+CMGS: sent after "> ", then Ctrl-Z */
	int timeout_ms;	  /* from when the head is handed out */
	int tag;	  /* the caller's: returned in events */
	void *cookie;
};

struct at;

/* A new engine (free with at_free); NULL when out of memory. */
struct at *at_new(const struct at_config *cfg);
void at_free(struct at *at);

/*
 * Queue CMD. Returns 0, or -1 when it does not fit (queue full, command or
 * body too long, prefix too long): nothing is queued then. A command starts
 * at once when none is in flight; its timeout counts from NOW_MS.
 */
int at_send(struct at *at, const struct at_cmd *cmd, int64_t now_ms);

/* Bytes from the modem. */
void at_feed(struct at *at, const void *buf, size_t len, int64_t now_ms);

/* Let time pass: fires the timeout of the command in flight. */
void at_tick(struct at *at, int64_t now_ms);

/* When at_tick next has work, or -1 for never. */
int64_t at_next_deadline(const struct at *at);

/* Bytes waiting for the modem: *len of them at the returned pointer. */
const void *at_output(const struct at *at, size_t *len);
/* N of those bytes were written. */
void at_consumed(struct at *at, size_t n);

/* 1 while a command is in flight or queued. */
int at_busy(const struct at *at);

/*
 * The port went away: end the command in flight and every queued one with
 * AT_RESULT_ABORTED, forget partial lines and pending output.
 */
void at_abort(struct at *at);

/*
 * A line starting with PREFIX is unsolicited: it is reported as an
 * AT_EVENT_URC carrying TAG, after the command in flight had its chance (so
 * AT+CREG? still gets its own +CREG: line). PDU_FOLLOWS: the next line is
 * its PDU (+CMT, +CDS). Prefixes are tried in the order registered.
 * Returns 0, or -1 when the table (AT_URC_MAX) is full or PREFIX is empty
 * or too long. The string is copied.
 */
int at_add_urc(struct at *at, const char *prefix, int pdu_follows, int tag);

/*
 * A per-firmware final result that ends a command with AT_RESULT_ERROR
 * (Huawei's "COMMAND NOT SUPPORT"). Returns 0, or -1 when the table is
 * full. The string is copied.
 */
int at_add_final_error(struct at *at, const char *line);

struct at_stats {
	unsigned long stray_lines;
	unsigned long dropped_lines; /* over-long */
	unsigned long nul_bytes;
	unsigned long echo_lines;
	unsigned long timeouts;
};
const struct at_stats *at_stats(const struct at *at);

/* "OK", "+CMS ERROR", "timeout", ... for logs. */
const char *at_result_name(enum at_result r);

#endif
