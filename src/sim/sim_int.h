/*
 * sim_int: the simulated modem's private parts, shared by its files
 * (sim.c the pty and the public calls, sim_util.c buffers, results,
 * storage and timing, sim_cmd.c the AT commands, sim_line.c the command
 * line and the PDU after "> "). Include only from src/sim/. The sim is
 * built as its own archive that `smsdesk serve` never links.
 */
#ifndef SMSDESK_SIM_INT_H
#define SMSDESK_SIM_INT_H

#include "smsdesk/sim.h"

#include <stddef.h>
#include <stdint.h>

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

struct cmd_ctx {
	struct sim *sim;
	const char *args; /* after '=' for FORM_SET, "" otherwise */
	enum form form;
	int code; /* out: +CME/+CMS code */
};

typedef enum result (*cmd_fn)(struct cmd_ctx *c);

/* ---- sim_util.c ------------------------------------------------------ */
char *sx_dup_or(const char *s, const char *fallback);
int sx_buf_add(struct buf *b, const char *p, size_t n);
void sx_buf_drop(struct buf *b, size_t n);
int sx_is_hex(char c);
int sx_hex_octet(const char *p);
/* The TPDU length of HEX (with its SMSC prefix) in octets, or -1. */
int sx_tpdu_len(const char *hex);
/* Upper-cased copy of hex, or NULL when HEX is not a PDU. */
char *sx_pdu_copy(const char *hex);
/* Milliseconds before the answer to a line whose first command is this. */
int sx_delay_for(const struct sim *sim, const char *first_cmd);
void sx_info_line(struct sim *sim, struct buf *b, const char *text);
/* An information line of the command being answered. */
void sx_info(struct sim *sim, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* An unsolicited line, written at once. */
void sx_urc(struct sim *sim, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void sx_final_result(struct sim *sim, enum result res, int code);
const char *sx_mem_name(enum mem_id m);
int sx_mem_parse(const char *s, enum mem_id *out);
size_t sx_mem_total(const struct sim *sim, enum mem_id m);
/* The slot behind 1-based INDEX of memory M, or NULL when out of range. */
struct slot *sx_mem_slot(const struct sim *sim, enum mem_id m, long index);
size_t sx_mem_used(const struct sim *sim, enum mem_id m);
/* Store HEX (taken) with STAT in M; the 1-based index, or -1 when full. */
int sx_mem_store(struct sim *sim, enum mem_id m, char *hex, int stat);
void sx_modem_reset(struct sim *sim);
void sx_modem_power_up(struct sim *sim);

/* ---- sim_cmd.c ------------------------------------------------------- */
/* The extended command NAME ("+CMGS", upper case), or NULL. */
cmd_fn sx_find_command(const char *name);

/* ---- sim_line.c ------------------------------------------------------ */
void sx_count_command(struct sim *sim, const char *name, enum form form);
void sx_execute_line(struct sim *sim, int64_t now);
void sx_feed_pdu(struct sim *sim, char c, int64_t now);
void sx_feed_command(struct sim *sim, char c, int64_t now);

#endif
