/*
 * sim: a simulated GSM modem on a pseudo-terminal — the desk's stand-in for
 * real hardware in `smsdesk demo`, the tests and the benchmarks.
 *
 * It is the modem side of AT, driven like the rest of smsdesk: non-blocking,
 * stepped from a poll() loop with an explicit clock, no threads. It behaves
 * like a real modem (echo on after reset, +CMTI on arrival, storage with a
 * capacity and +CMS ERROR: 322 when full, the "> " prompt of AT+CMGS and
 * +CMGS: <mr>) and can misbehave on purpose (fault switches). It never
 * decodes PDUs: callers inject SMS-DELIVER hex built with the codec and read
 * back the SMS-SUBMIT hex the driver sent. It must never be linked into the
 * serve path's logic.
 */
#ifndef SMSDESK_SIM_H
#define SMSDESK_SIM_H

#include <stddef.h>
#include <stdint.h>

struct sim;

struct sim_config {
	/*
	 * A symlink kept pointing at the current pty slave. The driver opens
	 * this path; when the line drops and comes back (a USB modem
	 * re-enumerating), the pty changes but this path stays. NULL: none,
	 * sim_device_path gives the slave itself.
	 */
	const char *link_path;
	size_t capacity;	  /* messages the storage holds; 0 means 30 */
	const char *manufacturer; /* AT+CGMI; NULL: "SIMCOM_Ltd" */
	const char *model;	  /* AT+CGMM; NULL: "SIMCOM_SIM800" */
	const char *revision;	  /* AT+CGMR */
	const char *imei;	  /* AT+CGSN */
	const char *profile;	  /* timing: "zero" (default) or "realistic" */
	const char *pin;	  /* SIM PIN asked by AT+CPIN?; NULL/"": none */
	const char *smsc;	  /* AT+CSCA?; NULL: "+447785016005" */
	const char *operator_name; /* AT+COPS?; NULL: "SIMNET" */
	const char *iccid;	   /* the SIM's ICCID; NULL: a fixed one */
	/*
	 * Non-zero: at power-up (sim_new, sim_line_restore) print the start-up
	 * URCs of a SIM800 at fixed baud rate: RDY, +CFUN: 1, +CPIN: READY (or
	 * SIM PIN), Call Ready, SMS Ready. They wait in the pty until a driver
	 * reads them, as a real modem's do.
	 */
	int boot_urcs;
};

/*
 * What the sim emulates, so a driver's expectations can be checked:
 * - two memories, "SM" and "ME", each of `capacity` slots, indexes from 1;
 *   "MT" is both (SM indexes first, then ME at capacity+1...). Arrivals go
 *   to the third AT+CPMS memory (SM after reset).
 * - after reset (ATZ, start, line restore): echo on, verbose results,
 *   AT+CMEE=0, PDU mode, AT+CNMI=2,1,0,0,0 (+CMTI on arrival), AT+CSMS=0.
 * - a command line is "AT" followed by basic (E0, V1, Z, I, Q0, &F) and
 *   extended (+X, +X=..., +X?, +X=?) commands separated by ';'. Unknown
 *   commands answer ERROR; SMS and SIM commands answer +CMS/+CME ERROR
 *   (numeric with AT+CMEE=1, text with =2, plain ERROR with =0).
 * - echo and the "> " prompt are written at once; every final result is
 *   written after the profile's delay for that command.
 */

/*
 * Start a simulated modem. Returns NULL and fills err on failure (no pty).
 * Free with sim_free, which closes the pty and removes link_path.
 */
struct sim *sim_new(const struct sim_config *cfg, char *err, size_t errlen);
void sim_free(struct sim *sim);

/* The path a driver opens (link_path when set). */
const char *sim_device_path(const struct sim *sim);

/* The master fd to poll for reading (-1 while the line is dropped), and
 * whether the sim has output waiting (poll for POLLOUT too). */
int sim_fd(const struct sim *sim);
int sim_wants_write(const struct sim *sim);

/*
 * Read what the driver wrote, answer it, write what is due at now_ms
 * (milliseconds on any monotonic clock, the same for every call). Never
 * blocks. Returns 0, or -1 when the pty failed.
 */
int sim_step(struct sim *sim, int64_t now_ms);
/* When sim_step next has timed work (a delayed answer), or -1 for none. */
int64_t sim_next_deadline(const struct sim *sim);

/*
 * Answer COMMAND (an extended name such as "+CMGS", or "" for the basic
 * commands ATE, ATZ, ...) after MS milliseconds from now on, whatever the
 * profile says; MS < 0 removes the override. For the "+CMGS" delay the
 * time counts from the Ctrl-Z. Returns 0, or -1 when the table of
 * overrides (16) is full or the name is too long.
 */
int sim_set_delay(struct sim *sim, const char *command, int ms);

/*
 * A message arrives from the network: store PDU_HEX (an SMS-DELIVER with its
 * SMSC prefix, as AT+CMGR would print it) and announce it with +CMTI (or
 * +CMT, when the driver chose direct delivery with AT+CNMI). Returns the
 * storage index (from 1), 0 when it went straight to the driver with +CMT
 * (not stored), or -1 when storage is full or PDU_HEX is not hex (the
 * network keeps it: the caller may retry later, as an SMSC would). While
 * the line is dropped the message is stored without an announcement (the
 * driver finds it when it resynchronises), even in +CMT mode.
 */
int sim_deliver(struct sim *sim, const char *pdu_hex);
/*
 * A message arrives and the modem stores it in memory MEM ("SM" or "ME"),
 * whatever AT+CPMS says, and announces it there: "+CMTI: "ME",3" (as
 * firmware does when the SIM is full or a setting was lost). Returns the
 * index, or -1 when that memory is full or the hex is bad.
 */
int sim_deliver_to(struct sim *sim, const char *mem, const char *pdu_hex);

/*
 * A status report (SMS-STATUS-REPORT hex with SMSC prefix) arrives: +CDS
 * with the PDU when AT+CNMI ds=1 (returns 0), stored and announced with
 * +CDSI when ds=2 (returns the index), dropped when ds=0 (returns 0);
 * -1 when storage is full or the hex is bad.
 */
int sim_deliver_status(struct sim *sim, const char *pdu_hex);

size_t sim_stored(const struct sim *sim); /* messages in storage */

/* Every SMS-SUBMIT the driver sent with AT+CMGS, oldest first: the PDU
 * hex as sent, upper-cased, with the SMSC prefix the driver gave ("00" for
 * none). The string belongs to the sim and lives until sim_free; NULL when
 * I is out of range. */
size_t sim_sent_count(const struct sim *sim);
const char *sim_sent_pdu(const struct sim *sim, size_t i);
/* The message reference +CMGS returned for sent PDU i. */
int sim_sent_mr(const struct sim *sim, size_t i);
/* The reference the next +CMGS returns (they count up modulo 256, as the
 * 8-bit TP-MR does): a test can make two sends share one. */
void sim_set_next_mr(struct sim *sim, int mr);

/*
 * How many times the driver ran a command, by name and form: "+CPIN=" (set),
 * "+CPIN?" (read), "+CPIN=?" (test), "+CSQ" (execute).
 */
unsigned long sim_command_count(const struct sim *sim, const char *key);
/* PIN tries left before the SIM wants its PUK (3 after a right PIN). */
int sim_pin_tries(const struct sim *sim);

/* Message stat (0 REC UNREAD .. 3 STO SENT) of storage index INDEX in
 * memory MEM ("SM", "ME", "MT"), or -1 when that slot is empty. */
int sim_stat(const struct sim *sim, const char *mem, int index);

/*
 * Fault switches.
 * garbage: LEN bytes are written to the line at once, between answers.
 * mute: the next N command lines are echoed but never answered (a hung
 *   firmware: the driver's timeout must fire).
 * cms_error: the next N AT+CMGS answer +CMS ERROR: CODE after the PDU
 *   (nothing is recorded as sent).
 * storage_full: while on, every memory acts full: arrivals are refused
 *   (sim_deliver returns -1) and announced with the Huawei-style line
 *   ^SMMEMFULL:"SM"; AT+CMGW answers +CMS ERROR: 322.
 * line_drop: the master is closed and link_path removed: the driver's fd
 *   sees a hang-up (POLLHUP, read returns EIO or 0), opening the path fails.
 * line_restore: a new pty, link_path re-pointed at it, the modem state reset
 *   as after power-up (storage kept). Returns 0, or -1 when no pty.
 */
void sim_fault_garbage(struct sim *sim, const void *bytes, size_t len);
void sim_fault_mute(struct sim *sim, int commands);
void sim_fault_cms_error(struct sim *sim, int sends, int code);
void sim_fault_storage_full(struct sim *sim, int on);
/*
 * store_raw: a stored message whose PDU line reads as LINE (not hex: flash
 * corruption, a firmware bug), announced like an arrival. Returns its index,
 * or -1 when storage is full or LINE holds a line end.
 */
int sim_fault_store_raw(struct sim *sim, const char *line);
void sim_line_drop(struct sim *sim);
int sim_line_restore(struct sim *sim);
/* The driver on the port has died (SIGKILL): drop the TIOCEXCL it left, as
 * the kernel does on a real port's last close, so a non-root restart can
 * open the port again. */
void sim_port_released(struct sim *sim);

#endif
