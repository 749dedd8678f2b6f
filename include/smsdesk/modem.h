/*
 * modem: the GSM driver. It opens the port (serial), talks AT (at), brings
 * the modem to a known state, and turns it into four kinds of news for the
 * daemon: a message arrived, a send ended, a status report arrived, the
 * modem went up or down.
 *
 * It is shaped for the daemon's single-threaded poll() loop: the caller
 * polls modem_fd() for modem_poll_events(), calls modem_step() with what
 * poll returned and the time, and sleeps no longer than
 * modem_next_deadline(). Nothing blocks, nothing sleeps, no threads. When
 * the port disappears or the modem stops answering, the driver closes it
 * and reopens the same path with backoff (a USB modem re-enumerates), then
 * runs the start-up again, which re-reads everything stored.
 *
 * It must never decide replies or decode messages (it hands over PDU hex),
 * and never delete a stored message the caller has not said is safe; it
 * never deletes a slot read on an earlier connection (the storage behind
 * the same path may be another SIM's now). It never enters a SIM PIN twice
 * in one process, and asks the caller's PIN guard before entering one at
 * all, so that a PIN refused by an earlier process is not tried again.
 */
#ifndef SMSDESK_MODEM_H
#define SMSDESK_MODEM_H

#include <stddef.h>
#include <stdint.h>

enum modem_state {
	MODEM_CLOSED,	/* port not open: waiting to (re)open with backoff */
	MODEM_STARTING, /* port open, start-up sequence running */
	MODEM_READY,	/* receiving and sending */
	MODEM_FAILED,	/* needs staff (no SIM, PIN missing/wrong, PUK):
			   no retry, so a wrong PIN is never tried twice */
};

/* A message the modem holds (or pushed with +CMT / +CDS). */
struct modem_message {
	int index;	    /* storage index for modem_delete; -1: not stored */
	const char *memory; /* "SM", "ME", "SR"... ("" when not stored) */
	unsigned epoch;	    /* the connection it was read on */
	int stat;	    /* 27.005 <stat>: 0 unread, 1 read; -1 unknown */
	/*
	 * As the modem printed it, SMSC prefix first. Not always hex: a
	 * stored message whose PDU line is garbled or was too long comes as
	 * that line (or ""), so that the caller can keep it and free the slot.
	 */
	const char *pdu_hex;
	int tpdu_len; /* octets after the SMSC part (header <length>) */
};

struct modem_send_result {
	void *cookie;	   /* as given to modem_send_pdu */
	int ok;		   /* 1: the network took it, mr is set */
	int mr;		   /* +CMGS message reference, -1 on failure */
	int cms_error;	   /* +CMS ERROR code, -1 when there was none */
	const char *error; /* for logs and staff: "+CMS ERROR: 500",
			      "timeout", "line dropped"; "" when ok */
};

/* Why a modem is MODEM_FAILED. */
enum modem_failure {
	MODEM_FAIL_NONE,
	MODEM_FAIL_DEVICE, /* the modem cannot be used (PDU mode refused...) */
	/*
	 * The SIM needs staff: no PIN configured, the PIN refused (now, or by
	 * an earlier process: the PIN guard remembers), or a PUK wanted.
	 * Restarting cannot help and could spend the SIM's last tries.
	 */
	MODEM_FAIL_SIM,
	MODEM_FAIL_NO_SIM, /* no SIM card inserted */
};

enum modem_warning {
	MODEM_WARN_STORAGE_FULL,     /* ^SMMEMFULL, +CMS ERROR: 322, full
					at start: the driver drains */
	MODEM_WARN_STORAGE_MISMATCH, /* arrivals go to a memory not read */
	MODEM_WARN_NO_PUSH, /* AT+CNMI refused: polling storage instead */
	MODEM_WARN_GARBAGE, /* stray or over-long lines on the port */
};

/*
 * Callbacks, all optional (NULL). Strings are borrowed for the call. They
 * may call modem_delete() and modem_send_pdu() (which only queue) but must
 * not call modem_free().
 */
struct modem_callbacks {
	void *ctx;
	/* An SMS-DELIVER (or anything not a status report) arrived. */
	void (*message)(void *ctx, const struct modem_message *msg);
	/* An SMS-STATUS-REPORT (+CDS, or stored and announced by +CDSI). */
	void (*status_report)(void *ctx, const struct modem_message *msg);
	void (*send_result)(void *ctx, const struct modem_send_result *res);
	/* Every change of state, with a sentence for the log. */
	void (*state)(void *ctx, enum modem_state state, const char *reason);
	void (*warning)(void *ctx, enum modem_warning w, const char *text);
};

/*
 * Remembering refused PINs beyond this process (the daemon keeps them in
 * its database, per SIM). SIM_ID is "iccid:<ICCID>" when the SIM's ICCID
 * could be read, else "imei:<IMEI>" (the SIM in that modem). The PIN is
 * given so that a corrected PIN is tried again: keep a hash, never the PIN,
 * and never log it.
 */
struct modem_pin_guard {
	/* 1: PIN was refused before for SIM_ID; the driver will not enter it.
	 */
	int (*refused)(void *ctx, const char *sim_id, const char *pin);
	/* The SIM accepted (1) or refused (0) PIN. */
	void (*result)(void *ctx, const char *sim_id, const char *pin,
		       int accepted);
	void *ctx;
};

/*
 * The byte pipe under the driver, for tests and fuzzing (a fake port with a
 * fake clock). NULL in modem_config: the serial port at `device`. open
 * returns 0 or a negative enum serial_err with a sentence in err; read and
 * write return bytes moved, 0 when nothing can move now, or a negative
 * enum serial_err.
 */
struct modem_io {
	int (*open)(void *ctx, const char *device, int baud, char *err,
		    size_t errlen);
	long (*read)(void *ctx, void *buf, size_t cap);
	long (*write)(void *ctx, const void *buf, size_t len);
	void (*close)(void *ctx);
	int (*fd)(void *ctx); /* to poll; -1 when there is none */
	void *ctx;
};

struct modem_config {
	const char *device; /* required: tty, USB serial, or pty */
	int baud;	    /* 0: 115200 */
	const char *pin;    /* SIM PIN; NULL or "": none */
	const char *quirk;  /* profile name; NULL: from identification */
	/*
	 * 1: stop after identification and status (smsdesk modem): no
	 * AT+CMGL, no reading on +CMTI.
	 */
	int probe_only;
	int command_timeout_ms; /* 0: 10000 */
	int send_timeout_ms;	/* 0: 65000 (27.005 allows a minute) */
	int health_interval_ms; /* 0: 30000: AT+CSQ when idle that long */
	int reconnect_min_ms;	/* 0: 1000, doubling ... */
	int reconnect_max_ms;	/* 0: 60000 */
	/* NULL: no memory beyond this process (the PIN is still never
	 * entered twice by one driver). Copied. */
	const struct modem_pin_guard *pin_guard;
	/* 1: enter the configured PIN once even though the guard remembers
	 * it refused (staff fixed the SIM: `smsdesk modem --retry-pin`). */
	int retry_pin;
	const struct modem_io *io; /* NULL: the serial port. Copied. */
};

/* What the start-up learnt; fields are "" or -1 until known. */
struct modem_info {
	char manufacturer[64];
	char model[64];
	char revision[96];
	char imei[32];
	char sim_state[32]; /* AT+CPIN?: "READY", "SIM PIN", ... */
	char iccid[32];	    /* the SIM's ICCID (digits), "" if unread */
	int rssi;	    /* AT+CSQ 0-31, 99 unknown */
	int ber;
	int reg_stat; /* AT+CREG stat: 1 home, 5 roaming, ... */
	char smsc[32];
	char storage[4]; /* the memory read, written and received to */
	int storage_used;
	int storage_total;
	const char *quirk;	/* profile name */
	const char *quirk_note; /* firmware-notes/ file describing it */
};

struct modem;

/*
 * A driver for CFG (strings are copied). Does not open the port: the first
 * modem_step() does, or modem_start(). NULL when out of memory or without
 * a device. Free with modem_free (closes the port; queued sends are
 * dropped without callbacks).
 */
struct modem *modem_new(const struct modem_config *cfg,
			const struct modem_callbacks *cb);
void modem_free(struct modem *m);

/*
 * Try to open the port now. Returns 0, or a negative enum serial_err with a
 * sentence in err (the driver keeps retrying with backoff from
 * modem_step()). For a caller that wants to fail fast (smsdesk modem).
 */
int modem_start(struct modem *m, int64_t now_ms, char *err, size_t errlen);

/* The fd to poll, -1 while the port is closed. */
int modem_fd(const struct modem *m);
/* POLLIN, plus POLLOUT while output waits; 0 while closed. */
short modem_poll_events(const struct modem *m);
/*
 * Do everything due: read and write the port (REVENTS from poll, 0 when
 * only time passed), fire timeouts, start the next command, reopen.
 * NOW_MS is any monotonic clock in milliseconds, the same for every call.
 */
void modem_step(struct modem *m, short revents, int64_t now_ms);
/* When modem_step must next run even if the fd is quiet; -1: never. */
int64_t modem_next_deadline(const struct modem *m);

/*
 * Queue one SMS-SUBMIT: HEX is the PDU with its SMSC prefix ("00" for the
 * SIM's SMSC), TPDU_LEN the octets after it (the <length> of AT+CMGS).
 * The result comes through send_result with COOKIE. Sends wait while the
 * modem is down and go out in order once it is ready; one that was on the
 * wire when the line dropped fails with "line dropped" (it may or may not
 * have left: the caller's outbox decides). Returns 0, or -1 when the hex is
 * not hex, too long, TPDU_LEN does not match it, or the queue (64) is full.
 */
int modem_send_pdu(struct modem *m, const char *hex, int tpdu_len,
		   void *cookie);

/*
 * The caller has stored MSG safely (committed): delete it from the memory
 * and index it was read from. Never called, never deleted. Deletes wait
 * while the modem is busy; they are dropped when the line drops (the
 * start-up lists storage again, and what was committed is deleted then).
 * Returns 0, or -1 when MSG was not stored (+CMT), was read on an earlier
 * connection (its slot may hold something else now), or the queue (4096)
 * is full (the next list finds it again).
 */
int modem_delete(struct modem *m, const struct modem_message *msg);

/*
 * List storage again soon (AT+CMGL=4 in every memory messages were
 * announced in), handing over everything still stored: for a caller that
 * could not commit what it was given and wants it again. Returns 0, or -1
 * while the modem is not ready (its start-up lists storage anyway).
 */
int modem_rescan(struct modem *m);

int modem_is_ready(const struct modem *m);
enum modem_state modem_state(const struct modem *m);
/* Why it is MODEM_FAILED (MODEM_FAIL_NONE otherwise). */
enum modem_failure modem_failure(const struct modem *m);
const struct modem_info *modem_info(const struct modem *m);
/* Sends queued or on the wire. */
size_t modem_pending_sends(const struct modem *m);

/* "closed", "starting", "ready", "failed". */
const char *modem_state_name(enum modem_state s);

/*
 * Firmware profiles, a const table: how each family is started and what
 * it says. Chosen by modem_quirk_for() from AT+CGMI/AT+CGMM.
 */
struct modem_quirk {
	const char *name;	  /* "simcom-sim800" */
	const char *manufacturer; /* case-insensitive substring; NULL any */
	const char *model;	  /* case-insensitive substring; NULL any */
	const char *storage;	  /* AT+CPMS memory for all three */
	const char *cnmi;	  /* the AT+CNMI that pushes +CMTI */
	int csms;		  /* AT+CSMS; 1 means +CMT/+CDS need AT+CNMA */
	const char *extra_init;	  /* a vendor command after AT+CMEE, or NULL */
	const char *extra_final;  /* a vendor final error line, or NULL */
	const char *extra_urc;	  /* a vendor URC prefix, or NULL */
	int poll_storage;	  /* also AT+CMGL=4 at each health check */
	/*
	 * How this family reads the SIM's ICCID and the prefix of its answer
	 * ("" for a bare line of digits); NULL: only the 27.007 fallback,
	 * AT+CRSM=176,12258,0,0,10 (EF_ICCID read, nibble-swapped).
	 */
	const char *iccid_cmd;
	const char *iccid_prefix;
	const char *note; /* firmware-notes/ file */
};

const struct modem_quirk *modem_quirk_for(const char *manufacturer,
					  const char *model);
const struct modem_quirk *modem_quirk_by_name(const char *name);

#endif
