/*
 * modem_int: the modem driver's private parts, shared by its files and by
 * nothing else (modem.c the port, jobs and routing; modem_init.c the
 * start-up table; modem_profiles.c the firmware profiles and URC table;
 * modem_parse.c the line parsers). Include only from src/modem*.c.
 */
#ifndef SMSDESK_MODEM_INT_H
#define SMSDESK_MODEM_INT_H

#include "smsdesk/at.h"
#include "smsdesk/modem.h"

#include <stddef.h>
#include <stdint.h>

#define SEND_QUEUE_MAX		  64
#define READ_QUEUE_MAX		  64
#define DELETE_QUEUE_MAX	  4096
#define MEM_NAME_MAX		  4 /* "SM", "ME", "SR", "MT" */
#define LIST_MEMS_MAX		  4 /* memories listed: storage + seen ones */
#define SIM_BUSY_RETRIES	  10
#define SIM_BUSY_PAUSE_MS	  2000
#define TIMEOUTS_BEFORE_RECONNECT 2
/* A health check that finds messages left in storage lists it again, at
 * most this often. */
#define LIST_MIN_GAP_MS 60000

/* The start-up, one row each in modem_init.c's table, in this order. */
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
	STEP_ICCID,
	STEP_ICCID_CRSM,
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

/* What the command on the wire is for (its at tag). */
enum job {
	JOB_INIT,
	JOB_ACK,
	JOB_SELECT, /* AT+CPMS="<mem>": switch the read/delete memory */
	JOB_DELETE,
	JOB_READ,
	JOB_LIST,
	JOB_SEND,
	JOB_HEALTH,  /* AT+CSQ */
	JOB_STORAGE, /* AT+CPMS?: anything left behind? */
};

/* URCs the driver registers with at (their tag). */
enum urc_kind {
	URC_CMTI,
	URC_CMT,
	URC_CDSI,
	URC_CDS,
	URC_BOOT, /* "SMS Ready", "RDY": the module restarted */
	URC_MEMFULL,
	URC_CREG,
	URC_RSSI,
	URC_OTHER, /* known, only logged */
};

struct send_job {
	char *hex;
	int tpdu_len;
	void *cookie;
};

/* A stored message to read or delete, in a memory. */
struct slot_job {
	char mem[MEM_NAME_MAX];
	int index;
	int status_report; /* announced by +CDSI */
};

struct modem {
	struct modem_config cfg;
	char *device, *pin, *quirk_name;
	struct modem_callbacks cb;
	struct modem_pin_guard guard;
	int has_guard;
	struct modem_io io;
	int has_io;

	struct serial *port;
	int io_open;
	struct at *at;
	enum modem_state state;
	enum modem_failure failure;
	int64_t now;
	int64_t reopen_at;
	int backoff_ms;
	char open_error[256];
	unsigned epoch; /* bumped at every (re)start: slots of older ones are
			   not ours to delete */

	enum init_step step;
	int64_t wait_until; /* pause before the next start-up step */
	int sim_busy_tries;
	int pin_wanted; /* the SIM asked for its PIN on this connection */
	int pin_sent;	/* entered on this connection */
	/* Across connections of this driver: the SIM accepted the PIN once
	 * (a power cycle asks for it again: enter it again), or an entry was
	 * written and its answer never came (it may have cost a try). */
	int pin_accepted, pin_pending;
	int cnmi_fallback;
	const struct modem_quirk *quirk;
	struct modem_info info;

	int64_t last_answer; /* for the health check */
	int64_t last_list;
	int timeouts; /* consecutive */
	int needs_cnma, ack_owed, poll_storage;
	int cmgf_tries;
	int full_warned;
	int reply_mr; /* +CMGS of the send on the wire */
	int storage_check_due;

	/* Memories: the one reads and deletes go to now, the one wanted by
	 * the command on the wire, and those to list. */
	char mem_cur[MEM_NAME_MAX];
	char mem_select[MEM_NAME_MAX];
	char list_mems[LIST_MEMS_MAX][MEM_NAME_MAX];
	size_t n_list_mems;
	unsigned need_list; /* bit i: list list_mems[i] */
	char mem_listing[MEM_NAME_MAX];
	int foreign_warned;

	struct slot_job reads[READ_QUEUE_MAX];
	size_t n_reads;
	struct slot_job *deletes;
	size_t n_deletes, cap_deletes;
	int delete_overflow_warned;
	struct send_job sends[SEND_QUEUE_MAX];
	size_t s_head, s_n;

	/* Set from at callbacks, acted on after the engine returns. */
	int want_close, want_fail, want_restart;
	char reason[256];
};

/* ---- modem.c -------------------------------------------------------------
 */
void modem_set_state(struct modem *m, enum modem_state s, const char *reason);
void modem_warn(struct modem *m, enum modem_warning w, const char *text);
/* Close (and reopen later) or fail, after at_feed/at_tick return. */
void modem_request_close(struct modem *m, const char *reason);
void modem_request_fail(struct modem *m, enum modem_failure why,
			const char *reason);
int modem_port_is_open(const struct modem *m);

/* ---- modem_jobs.c ---------------------------------------------------- */
/* Everything `at` reports (its on_event). */
void modem_on_at_event(void *ctx, const struct at_event *ev);
/* Start the next command, if the engine is idle and something is due. */
void modem_pump(struct modem *m);
/* Something to do now (a job waits). */
int modem_jobs_waiting(const struct modem *m);
void modem_storage_full(struct modem *m, const char *why);
/* A +CMGL line (and its PDU) from a list of memory MEM. */
void modem_listed(struct modem *m, const char *mem, const char *line,
		  const char *pdu);
/* Remember MEM as one to list, and ask for a list of it now. */
void modem_want_list(struct modem *m, const char *mem);

/* ---- modem_init.c ---------------------------------------------------- */
/* The current step's command into c/buf; 0 when the step is skipped. */
int modem_init_command(struct modem *m, struct at_cmd *c, char *buf,
		       size_t cap);
void modem_init_line(struct modem *m, const char *line, const char *pdu);
/* The step after the current one ended with EV. */
enum init_step modem_init_next(struct modem *m, const struct at_event *ev);
/* A loggable form of a start-up command (the PIN is never shown). */
const char *modem_init_loggable(const struct modem *m, const char *cmd);

/* ---- modem_profiles.c ------------------------------------------------ */
/* Register the URCs every modem may send (27.005/27.007 and vendor lines
 * seen in the field), and the profile's extras once it is known. */
void modem_register_urcs(struct at *at);
void modem_register_profile(struct at *at, const struct modem_quirk *q);

/* ---- modem_parse.c --------------------------------------------------- */
/* The text after "PREFIX: " or the whole line when it lacks the prefix. */
const char *mp_after_prefix(const char *line, const char *prefix);
/* Comma-separated integer fields after the ':' (quoted/empty: -1). */
int mp_fields(const char *line, int *v, int max);
/* The last integer field (the <length> of +CMGL/+CMGR/+CMT), or -1. */
int mp_last_field(const char *line);
/* The Nth (from 0) "quoted" string of LINE into out ("" when none). */
void mp_quoted(const char *line, int n, char *out, size_t cap);
/* Two hex digits, or -1. */
int mp_hex_octet(const char *p);
/* TP-MTI of a PDU with its SMSC prefix says SMS-STATUS-REPORT. */
int mp_is_status_report(const char *hex);
/*
 * The ICCID in an answer line (after PREFIX, "" for a bare line), as
 * digits: quotes and padding F dropped, nibble-swapped when SWAPPED (as
 * AT+CRSM reads EF_ICCID) or when it starts "98" (firmware that prints the
 * raw file). Returns 0, or -1 when it does not look like an ICCID.
 */
int mp_iccid(const char *line, const char *prefix, int swapped, char *out,
	     size_t cap);

#endif
