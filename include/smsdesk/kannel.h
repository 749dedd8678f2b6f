/*
 * kannel: a bearer beside the modems, through a Kannel gateway (bearerbox
 * holding the operator's SMPP/EMI links or many modems, smsbox talking
 * HTTP). One struct kannel per `kannel = ( ... )` entry of the catalog,
 * driven by the daemon's poll() loop through one descriptor.
 *
 * Inbound: smsbox calls GET /kannel/mo for each message (an sms-service
 * with get-url, max-messages = 0: Kannel never replies by itself). The
 * message is committed to the store before the 2xx goes back, idempotently
 * — unique on Kannel's message id (%I), or without one on sender, time and
 * text — so Kannel's retries never make a second inbox row, and a new row
 * is handed to the caller's answer callback. A store that fails answers 503
 * and Kannel tries again later; smsdesk never answers in the HTTP body.
 *
 * Outbound: the outbox's parts for this bearer's numbers (bearer names
 * "kannel:+E164") go to smsbox's sendsms, each with its own user-data
 * header and coding from the part's SMS-SUBMIT, so a long reply is split
 * exactly as on a modem (max_segments holds, and each part has its own
 * delivery report). Up to max_in_flight requests at once. Kannel's answer
 * is reported to the outbox (202: sent; 4xx: refused for good; anything
 * else: retried with the outbox's backoff); delivery reports come back on
 * GET /kannel/dlr and are recorded as +CDS status reports are.
 *
 * It must never: send anything the outbox did not hand out (the opt-out,
 * expiry and give-up rules live there), answer 2xx before the commit, reply
 * in an HTTP body, or reach anything but the configured sendsms URL.
 */
#ifndef SMSDESK_KANNEL_H
#define SMSDESK_KANNEL_H

#include <stddef.h>
#include <stdint.h>

#include "smsdesk/catalog.h"
#include "smsdesk/http.h"
#include "smsdesk/store.h"

struct outbox;

struct kannel_config {
	const struct cat_kannel *cat; /* copied: the catalog may go */
	const char *country;	      /* business.country, for numbers */
	struct store *st;	      /* borrowed */
	struct outbox *ob;	      /* borrowed */
	/* A message was committed as a new inbox row: answer it. */
	void (*answer)(void *ctx, int64_t inbox_id);
	/* The outbox may have work: a send ended (one of ours or not). */
	void (*kick)(void *ctx);
	void *ctx;
	int rate;  /* requests a second the endpoint takes [500] */
	int burst; /* [1000] */
};

struct kannel;

/*
 * Listen and get ready to send. Returns a new bearer (free with
 * kannel_free) or NULL with the reason in err.
 */
struct kannel *kannel_new(const struct kannel_config *cfg, char *err,
			  size_t errlen);
/* Stop listening and cancel what is in flight (those parts stay
 * "sending" and the next start sends them again). */
void kannel_free(struct kannel *k);

/* The one descriptor to poll for POLLIN. */
int kannel_fd(const struct kannel *k);
/* Monotonic ms when kannel_step must run anyway; -1 when never. */
int64_t kannel_next_deadline(struct kannel *k, int64_t now_ms);
/*
 * Answer Kannel's calls, collect sendsms answers. wall: UTC epoch seconds
 * for the store. Never blocks.
 */
void kannel_step(struct kannel *k, int64_t now_ms, int64_t wall);
/*
 * Hand due parts of this bearer's numbers to sendsms while there is room
 * (stopping: only the next parts of messages already on the wire, as a
 * modem finishes the message it is sending). After Kannel failed to answer (no
 * answer, 5xx) only one part at a time goes, 1 s after the failure doubling to
 * 30 s, so an outage does not use up every queued part's tries. Returns how
 * many were started. The daemon calls it whenever the outbox may have
 * work, and at least every second.
 */
int kannel_pump(struct kannel *k, int64_t wall, int stopping);
/*
 * sendsms requests waiting for Kannel's answer, and (stopping) messages
 * with parts still to go: 0 when the daemon may stop.
 */
int kannel_busy(const struct kannel *k);
/* The port it listens on. */
int kannel_port(const struct kannel *k);
/* "kannel:+441632960000" for number i (0 .. n_numbers-1), else NULL. */
const char *kannel_bearer(const struct kannel *k, size_t i);

/* ---- the translations, pure (tests) ---------------------------------- */

/* One message as smsbox described it. */
struct kannel_mo {
	char sender[STORE_NUMBER_MAX];
	char receiver[STORE_NUMBER_MAX];
	int64_t smsc_time; /* %T */
	char *text;	   /* UTF-8 (owned: kannel_mo_clear) */
	char *record;	   /* what the inbox keeps as the raw message */
	unsigned flags;	   /* enum store_in_flags */
	int binary;	   /* coding 1: data, not text */
};
/*
 * Read the parameters of /kannel/mo: from, to, text (%b), coding (%c),
 * charset (%C), time (%T), id (%I). 0, or -1 with err when something
 * needed is missing or malformed (answered 400).
 */
int kannel_parse_mo(const struct http_request *req, struct kannel_mo *out,
		    char *err, size_t errlen);
void kannel_mo_clear(struct kannel_mo *mo);

/*
 * The TP-Status (TS 23.040 9.2.3.15) a Kannel delivery report of type %d
 * stands for: 1 delivered → 0x00; 2 not delivered, 16 rejected by the SMSC
 * → 0x40 (permanent error); 4 buffered → 0x20 (SMSC still trying); 8
 * (accepted by the SMSC) and anything else → -1 (nothing to record).
 */
int kannel_dlr_status(int type);

/* What one part becomes on the sendsms query. */
struct kannel_send {
	const char *sendsms_url, *username, *password;
	const char *from, *to;
	const char *pdu_hex; /* the outbox's SMS-SUBMIT, SMSC octet first */
	const char *dlr_url; /* ours, ref included; NULL: no report */
};
/*
 * Write the whole sendsms URL into url (cap bytes). 0, or -1 with err
 * when the part cannot go through Kannel (an undecodable PDU, a GSM-7 part
 * with national shift tables too long for UCS-2) — refused for good.
 */
int kannel_sendsms_url(const struct kannel_send *s, char *url, size_t cap,
		       char *err, size_t errlen);

#endif
