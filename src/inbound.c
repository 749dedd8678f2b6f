/*
 * inbound: from a modem's message to a committed inbox row. See inbound.h;
 * the comments here say why it is built the way it is.
 *
 * Every message is committed before its SIM copy is deleted (Invariant 1),
 * and every committed or rejected message is deleted. A part of a long text
 * is committed on its own (store_part_put) and deleted at once, so nothing
 * is held on the SIM: a text longer than the SIM still gets through, a
 * crash loses no part, and a slot is never remembered across a change of
 * SIM. When a group is whole, or given up waiting for, it becomes one inbox
 * row in one transaction, and its parts stay behind as the record that it
 * was answered: a part read again after a crash, or a late part of a
 * message already answered as incomplete, is never answered again.
 *
 * What cannot be committed (database locked, disk full, read-only, I/O
 * error) stays where it is — on the SIM, or in memory for a pushed +CMT —
 * and is retried on a timer: the SIM is listed again and each message
 * re-read. The log says what waits and why.
 */
#include "smsdesk/inbound.h"

#include "smsdesk/concat.h"
#include "smsdesk/log.h"
#include "smsdesk/pdu.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_EXPIRY_MS (3 * 60 * 1000)
#define DEFAULT_RETRY_MS  5000
/* A part arriving this long after its message was committed is a late
 * part of it; later than that, the reference has been reused. */
#define LATE_WINDOW_S (24 * 3600)
/* Committed parts are kept this long as the record that they were
 * answered (a re-read after a crash comes within minutes). */
#define PART_RECORD_S	  (7 * 24 * 3600)
#define PRUNE_EVERY_MS	  (3600 * 1000)
#define WAITING_LOG_MS	  60000
#define PUSHED_MAX	  256
#define WAITING_SLOTS_MAX 512
#define MODEMS_MAX	  16

/* A pushed message (+CMT, +CDS) that could not be committed: only here. */
struct pushed {
	struct modem *m;
	const char *name;
	char *hex;
	int tpdu_len;
	int status_report;
};

/* A stored message that could not be committed: still on its SIM. */
struct waiting_slot {
	struct modem *m;
	char memory[4];
	int index;
	int64_t seen_ms; /* when its commit last failed */
};

struct inbound {
	struct inbound_config cfg;
	int64_t expiry_s;

	struct pushed pushed[PUSHED_MAX];
	size_t n_pushed;
	struct waiting_slot waiting[WAITING_SLOTS_MAX];
	size_t n_waiting;
	struct modem *rescan[MODEMS_MAX]; /* modems to list again */
	size_t n_rescan;
	char why[200];	       /* the last commit failure */
	int64_t next_retry_ms; /* 0: nothing to retry */
	int64_t next_log_ms;
	int64_t next_prune_ms;
	int64_t next_expiry_ms; /* -1: no part waits */
	int need_refresh;	/* look at the waiting parts again */
	int started;
};

/* ---- small helpers ------------------------------------------------------ */

static const char *who(const char *number, char *buf)
{
	return log_number(number, buf, LOG_NUMBER_MAX);
}

static int64_t smsc_time(const struct sms_pdu *pdu)
{
	return pdu->has_timestamp ? sms_time_to_utc(&pdu->timestamp) : 0;
}

static void delete_msg(struct modem *m, const struct modem_message *msg)
{
	if (msg->index >= 0 && m != NULL)
		modem_delete(m, msg);
}

/* The key a concatenated part's group goes by: 8- and 16-bit references
 * with the same number are different groups. */
static int group_ref(const struct sms_pdu *pdu)
{
	return pdu->concat.ref | (pdu->concat.ref_bits == 16 ? 1 << 16 : 0);
}

static int decode(const char *hex, int tpdu_len, struct sms_pdu *pdu,
		  struct pdu_error *err)
{
	if (tpdu_len > 0)
		return pdu_decode_len(hex, tpdu_len, pdu, err);
	return pdu_decode(hex, PDU_SMSC_AUTO, pdu, err);
}

/* ---- what waits because it could not be committed ---------------------- */

static void remember_rescan(struct inbound *in, struct modem *m)
{
	for (size_t i = 0; i < in->n_rescan; i++)
		if (in->rescan[i] == m)
			return;
	if (in->n_rescan < MODEMS_MAX)
		in->rescan[in->n_rescan++] = m;
}

static int waiting_find(const struct inbound *in, const struct modem *m,
			const struct modem_message *msg)
{
	for (size_t i = 0; i < in->n_waiting; i++)
		if (in->waiting[i].m == m &&
		    in->waiting[i].index == msg->index &&
		    strcmp(in->waiting[i].memory, msg->memory) == 0)
			return (int)i;
	return -1;
}

/* MSG could not be committed: keep it for the retry, and say so. */
static void not_committed(struct inbound *in, struct modem *m, const char *name,
			  const struct modem_message *msg, int status_report,
			  int rc, int64_t now_ms)
{
	int first = in->next_retry_ms == 0;

	snprintf(in->why, sizeof(in->why), "%s: %s", store_strerror(rc),
		 store_errmsg(in->cfg.st));
	if (msg->index >= 0) {
		/* It stays on the SIM: listed again at the retry. */
		int i = waiting_find(in, m, msg);
		if (i < 0 && in->n_waiting < WAITING_SLOTS_MAX) {
			struct waiting_slot *w = &in->waiting[in->n_waiting];
			i = (int)in->n_waiting++;
			w->m = m;
			snprintf(w->memory, sizeof(w->memory), "%s",
				 msg->memory);
			w->index = msg->index;
		}
		if (i >= 0)
			in->waiting[i].seen_ms = now_ms;
		remember_rescan(in, m);
	} else {
		/* Pushed (+CMT): nowhere else but here. */
		struct pushed *p = NULL;
		for (size_t i = 0; i < in->n_pushed; i++)
			if (strcmp(in->pushed[i].hex, msg->pdu_hex) == 0)
				p = &in->pushed[i];
		if (p == NULL && in->n_pushed < PUSHED_MAX) {
			p = &in->pushed[in->n_pushed];
			p->hex = strdup(msg->pdu_hex);
			if (p->hex != NULL) {
				p->m = m;
				p->name = name;
				p->tpdu_len = msg->tpdu_len;
				p->status_report = status_report;
				in->n_pushed++;
			}
		}
		if (p == NULL || p->hex == NULL)
			log_error(
			    "a text pushed by %s could not be stored (%s) "
			    "and there is no room to keep it: it is lost",
			    name, in->why);
	}
	if (first) {
		in->next_retry_ms = now_ms + in->cfg.retry_ms;
		in->next_log_ms = now_ms + WAITING_LOG_MS;
		log_error("a text on %s could not be stored (%s): it stays %s "
			  "and is retried every %d s",
			  name, in->why,
			  msg->index >= 0 ? "on the SIM" : "in memory",
			  in->cfg.retry_ms / 1000);
	}
}

/* MSG was committed (or found committed): it no longer waits. */
static void committed(struct inbound *in, struct modem *m,
		      const struct modem_message *msg)
{
	int i = msg->index >= 0 ? waiting_find(in, m, msg) : -1;

	if (i >= 0)
		in->waiting[i] = in->waiting[--in->n_waiting];
}

/* ---- keeping what is not answered --------------------------------------- */

/* Commit MSG as an inbox row marked ignored (WHY); 0 or <0. */
static int keep_ignored(struct inbound *in, const char *name,
			const struct modem_message *msg,
			const struct sms_pdu *pdu, const char *why,
			int64_t wall)
{
	struct store_inbox_new row = {
	    .sender = pdu != NULL ? pdu->number : "",
	    .sender_ton = pdu != NULL ? (int)pdu->number_type : 0,
	    .smsc_time = pdu != NULL ? smsc_time(pdu) : 0,
	    .pdu_hex = msg->pdu_hex,
	    .text = pdu != NULL ? pdu->text : "",
	    .flags = pdu != NULL ? 0 : STORE_IN_BAD_TEXT,
	    .modem = name};
	int64_t id;
	int rc = store_begin(in->cfg.st);

	if (rc == 0)
		rc = store_inbox_put(in->cfg.st, &row, wall, &id);
	if (rc == STORE_OK)
		rc = store_inbox_mark_ignored(in->cfg.st, id, why, wall);
	if (rc >= 0)
		rc = store_commit(in->cfg.st);
	if (rc < 0)
		store_rollback(in->cfg.st);
	return rc < 0 ? rc : 0;
}

/* ---- long texts ----------------------------------------------------------
 */

/* Join the parts' PDUs by '\n' in the given order; NULL: no memory. */
static char *join_pdus(const struct store_part *const *parts, size_t n)
{
	size_t len = 1;
	char *hex;

	for (size_t i = 0; i < n; i++)
		len += strlen(parts[i]->pdu_hex) + 1;
	hex = calloc(len, 1);
	if (hex == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			strcat(hex, "\n");
		strcat(hex, parts[i]->pdu_hex);
	}
	return hex;
}

/*
 * Commit the N waiting PARTS of one message (complete, or as far as it
 * got), then answer it. 0, or <0 when the store failed (they keep waiting).
 */
static int commit_parts(struct inbound *in, const struct store_part *const *p,
			size_t n, int64_t wall)
{
	static struct sms_pdu pdu;
	struct concat_config cc = {.max_groups = 1, .expiry = 1};
	struct concat *c = concat_new(&cc);
	struct concat_message m;
	int64_t ids[256], id = 0;
	struct pdu_error err;
	char num[LOG_NUMBER_MAX];
	int rc = STORE_ERR_NOMEM;

	if (c == NULL || n > 256)
		goto out;
	for (size_t i = 0; i < n; i++) {
		ids[i] = p[i]->id;
		if (decode(p[i]->pdu_hex, p[i]->tpdu_len, &pdu, &err) == 0)
			concat_add(c, &pdu, (int64_t)i, 0);
	}
	if (concat_pop(c, INT64_MAX, &m) != 1) {
		rc = STORE_ERR_ARG; /* no part decodes now: cannot be */
		goto out;
	}
	char *hex = join_pdus(p, n);
	if (hex == NULL)
		goto out;
	struct store_inbox_new row = {
	    .sender = m.head->number,
	    .sender_ton = (int)m.head->number_type,
	    .smsc_time = smsc_time(m.head),
	    .pdu_hex = hex,
	    .text = m.text,
	    .flags = (m.incomplete ? STORE_IN_INCOMPLETE : 0) |
		     (m.head->msg_class == 0 ? STORE_IN_FLASH : 0),
	    .modem = p[0]->modem};
	rc = store_part_commit(in->cfg.st, ids, n, &row, wall, &id);
	free(hex);
	if (rc < 0)
		goto out;
	if (m.incomplete)
		log_warn("message %lld from %s arrived incomplete (%d of %d "
			 "parts): answered as it is",
			 (long long)id, who(m.head->number, num), m.received,
			 m.total);
	if (rc == STORE_OK && in->cfg.answer != NULL)
		in->cfg.answer(in->cfg.ctx, id);
	rc = 0;
out:
	concat_free(c);
	return rc;
}

/*
 * PART came after its message ANSWERED was committed (given up waiting
 * for it): kept as an ignored row (staff can read it) and tied to that
 * message, in one transaction, so that it is never answered.
 */
static int keep_late_part(struct inbound *in, const struct store_part *part,
			  const char *sender, int total, int64_t answered,
			  int64_t wall)
{
	struct sms_pdu *pdu = calloc(1, sizeof(*pdu));
	struct pdu_error err;
	char why[64];
	int64_t id;
	int rc;

	if (pdu == NULL)
		return STORE_ERR_NOMEM;
	if (decode(part->pdu_hex, part->tpdu_len, pdu, &err) < 0)
		pdu->text[0] = '\0';
	snprintf(why, sizeof(why), "late part of message %lld",
		 (long long)answered);
	struct store_inbox_new row = {.sender = sender,
				      .sender_ton = part->sender_ton,
				      .smsc_time = smsc_time(pdu),
				      .pdu_hex = part->pdu_hex,
				      .text = pdu->text,
				      .flags = STORE_IN_INCOMPLETE,
				      .modem = part->modem};
	rc = store_begin(in->cfg.st);
	if (rc == 0)
		rc = store_inbox_put(in->cfg.st, &row, wall, &id);
	if (rc == STORE_OK)
		rc = store_inbox_mark_ignored(in->cfg.st, id, why, wall);
	if (rc >= 0)
		rc = store_part_tie(in->cfg.st, part->id, answered);
	if (rc >= 0)
		rc = store_commit(in->cfg.st);
	if (rc < 0)
		store_rollback(in->cfg.st);
	else
		log_info("part %d/%d arrived after its message %lld was "
			 "answered: kept with it, not answered again",
			 part->seq, total, (long long)answered);
	free(pdu);
	return rc < 0 ? rc : 0;
}

/*
 * Look at the group (sender, ref, total) after a part arrived (PART_ID, 0
 * when none did) or when waiting is over (GIVE_UP): commit what is whole,
 * what a reused reference shows to be another message, and a late part of
 * a message already answered. 0, or <0 when the store failed.
 */
static int settle_group(struct inbound *in, const char *sender, int ref,
			int total, int64_t part_id, int give_up, int64_t wall)
{
	struct store_parts g;
	const struct store_part *set[256];
	size_t n_set = 0;
	unsigned char have[256] = {0};
	const struct store_part *mine = NULL;
	int64_t answered = 0;
	int rc = store_part_group(in->cfg.st, sender, ref, total,
				  wall - LATE_WINDOW_S, &g);

	if (rc < 0)
		return rc;
	for (size_t i = 0; i < g.n; i++) {
		const struct store_part *p = &g.v[i];
		if (p->id == part_id)
			mine = p;
		if (p->inbox_id != 0) {
			answered = p->inbox_id;
			continue;
		}
		/* The same part number twice: the reference was reused, and
		 * what waited before is another message. */
		if (p->seq < 256 && have[p->seq] && n_set > 0) {
			rc = commit_parts(in, set, n_set, wall);
			if (rc < 0)
				goto out;
			n_set = 0;
			memset(have, 0, sizeof(have));
		}
		if (n_set < 256 && p->seq < 256) {
			set[n_set++] = p;
			have[p->seq] = 1;
		}
	}
	/*
	 * A part alone, of a message already answered that lacks it: it is
	 * that message's late part. Kept, and never answered a second time.
	 */
	if (mine != NULL && mine->inbox_id == 0 && n_set == 1 &&
	    set[0] == mine && answered != 0) {
		int late = 1;
		for (size_t i = 0; i < g.n; i++)
			if (g.v[i].inbox_id == answered &&
			    g.v[i].seq == mine->seq)
				late = 0;
		if (late) {
			rc = keep_late_part(in, mine, sender, total, answered,
					    wall);
			goto out;
		}
	}
	rc = 0;
	if (n_set > 0 && (give_up || (int)n_set == total))
		rc = commit_parts(in, set, n_set, wall);
out:
	store_parts_free(&g);
	in->need_refresh = 1;
	return rc;
}

/* ---- arrivals ------------------------------------------------------------
 */

/* A status report: mark the part it is about. <0: the store failed. */
static int on_report(struct inbound *in, const char *name,
		     const struct sms_pdu *pdu, int64_t wall)
{
	char num[LOG_NUMBER_MAX];
	int rc = store_outbox_delivered_by_mr(in->cfg.st, name, pdu->mr,
					      pdu->number, pdu->status, wall);

	if (rc == STORE_ERR_NOT_FOUND) {
		log_debug("a status report (reference %d, to %s) matches no "
			  "text sent from %s",
			  pdu->mr, who(pdu->number, num), name);
		return 0;
	}
	return rc < 0 ? rc : 0;
}

/* A single SMS-DELIVER. */
static int on_single(struct inbound *in, const char *name,
		     const struct modem_message *msg, const struct sms_pdu *pdu,
		     int64_t wall)
{
	struct store_inbox_new row = {
	    .sender = pdu->number,
	    .sender_ton = (int)pdu->number_type,
	    .smsc_time = smsc_time(pdu),
	    .pdu_hex = msg->pdu_hex,
	    .text = pdu->text,
	    .flags = pdu->msg_class == 0 ? STORE_IN_FLASH : 0,
	    .modem = name};
	int64_t id = 0;
	int rc = store_inbox_put(in->cfg.st, &row, wall, &id);

	if (rc == STORE_OK && in->cfg.answer != NULL)
		in->cfg.answer(in->cfg.ctx, id);
	else if (rc == STORE_EXISTS)
		log_debug("message %lld was already stored", (long long)id);
	return rc < 0 ? rc : 0;
}

/* One part of a long text. */
static int on_part(struct inbound *in, struct modem *m, const char *name,
		   const struct modem_message *msg, const struct sms_pdu *pdu,
		   int64_t wall)
{
	struct store_part_new part = {.sender = pdu->number,
				      .sender_ton = (int)pdu->number_type,
				      .ref = group_ref(pdu),
				      .total = pdu->concat.total,
				      .seq = pdu->concat.seq,
				      .pdu_hex = msg->pdu_hex,
				      .tpdu_len = msg->tpdu_len,
				      .modem = name};
	int64_t id = 0, inbox_id = 0;
	int rc = store_part_put(in->cfg.st, &part, wall, &id, &inbox_id);

	if (rc < 0)
		return rc;
	/* Committed on its own: its slot is free for the next part. */
	delete_msg(m, msg);
	committed(in, m, msg);
	if (rc == STORE_EXISTS && inbox_id != 0) {
		log_debug("part %d/%d read again: its message %lld was "
			  "answered already",
			  part.seq, part.total, (long long)inbox_id);
		return 0;
	}
	/* Deleted already: a failure to settle is retried with the group. */
	if (settle_group(in, part.sender, part.ref, part.total, id, 0, wall) <
	    0)
		in->need_refresh = 1;
	return 0;
}

/* Commit MSG (or keep it for a retry); delete it once committed. */
static void take(struct inbound *in, struct modem *m, const char *name,
		 const struct modem_message *msg, int status_report,
		 int64_t now_ms, int64_t wall)
{
	static struct sms_pdu pdu;
	struct pdu_error err;
	char why[200];
	int rc;

	/* What the modem announced as a status report is taken for what
	 * the PDU says it is: an EC25 announces unrelated texts with +CDSI
	 * (quectel-ec25.md), and a customer's text is never dropped. */
	(void)status_report;
	if (decode(msg->pdu_hex, msg->tpdu_len, &pdu, &err) < 0) {
		log_warn("undecodable message at %s %s %d: %s (kept, not "
			 "answered)",
			 name, msg->memory, msg->index, err.msg);
		snprintf(why, sizeof(why), "undecodable PDU: %s", err.msg);
		rc = keep_ignored(in, name, msg, NULL, why, wall);
	} else if (pdu.type == PDU_SUBMIT) {
		/* Someone's draft or sent text on the SIM: not an inquiry, but
		 * left there it takes a place new texts need. Keep a copy. */
		log_info("%s %s %d holds an outgoing message: kept in the "
			 "database and removed from the SIM",
			 name, msg->memory, msg->index);
		rc = keep_ignored(in, name, msg, &pdu,
				  "outgoing message found on the SIM", wall);
	} else if (pdu.type == PDU_STATUS_REPORT) {
		rc = on_report(in, name, &pdu, wall);
	} else if (pdu.concat.present && pdu.concat.total > 1) {
		rc = on_part(in, m, name, msg, &pdu, wall);
		if (rc == 0)
			return; /* deleted (and settled) there */
	} else {
		rc = on_single(in, name, msg, &pdu, wall);
	}
	if (rc < 0) {
		not_committed(in, m, name, msg, status_report, rc, now_ms);
		return;
	}
	delete_msg(m, msg);
	committed(in, m, msg);
}

void inbound_message(struct inbound *in, struct modem *m, const char *name,
		     const struct modem_message *msg, int64_t now_ms,
		     int64_t wall)
{
	take(in, m, name, msg, 0, now_ms, wall);
}

void inbound_status_report(struct inbound *in, struct modem *m,
			   const char *name, const struct modem_message *msg,
			   int64_t now_ms, int64_t wall)
{
	take(in, m, name, msg, 1, now_ms, wall);
}

/* ---- time ----------------------------------------------------------------
 */

/* Retry what could not be committed: pushed copies now, the SIMs by a
 * fresh listing (each message comes back through inbound_message). */
static void retry(struct inbound *in, int64_t now_ms, int64_t wall)
{
	size_t n = in->n_pushed;
	struct pushed copy[PUSHED_MAX];

	memcpy(copy, in->pushed, n * sizeof(copy[0]));
	in->n_pushed = 0;
	in->next_retry_ms = 0;
	/* A slot not seen failing for a while was stored, or is gone (the
	 * SIM changed): its modem's listing would have brought it back. */
	for (size_t i = 0; i < in->n_waiting;)
		if (now_ms - in->waiting[i].seen_ms > 3 * in->cfg.retry_ms)
			in->waiting[i] = in->waiting[--in->n_waiting];
		else
			i++;
	for (size_t i = 0; i < n; i++) {
		struct modem_message msg = {.index = -1,
					    .memory = "",
					    .stat = -1,
					    .pdu_hex = copy[i].hex,
					    .tpdu_len = copy[i].tpdu_len};
		take(in, copy[i].m, copy[i].name, &msg, copy[i].status_report,
		     now_ms, wall);
		free(copy[i].hex);
	}
	for (size_t i = 0; i < in->n_rescan;) {
		if (modem_rescan(in->rescan[i]) == 0)
			in->rescan[i] = in->rescan[--in->n_rescan];
		else
			i++; /* not ready: its start-up lists anyway */
	}
	in->n_rescan = 0;
	/* The listing answers later: keep the clock running until the SIM
	 * copies are stored too. */
	if (in->n_waiting > 0 || in->n_pushed > 0) {
		for (size_t i = 0; i < in->n_waiting; i++)
			remember_rescan(in, in->waiting[i].m);
		if (in->next_retry_ms == 0)
			in->next_retry_ms = now_ms + in->cfg.retry_ms;
	}
}

/* Say, now and then, what is still waiting and why. */
static void report_waiting(struct inbound *in, int64_t now_ms)
{
	size_t n = in->n_waiting + in->n_pushed;

	if (n == 0) {
		if (in->next_log_ms != 0) {
			log_info("the texts that waited to be stored are "
				 "stored now");
			in->next_log_ms = 0;
		}
		return;
	}
	if (in->next_log_ms == 0 || now_ms < in->next_log_ms)
		return;
	in->next_log_ms = now_ms + WAITING_LOG_MS;
	log_warn("%zu text%s still wait%s to be stored (%s); retrying every "
		 "%d s",
		 n, n == 1 ? "" : "s", n == 1 ? "s" : "", in->why,
		 in->cfg.retry_ms / 1000);
}

/* The waiting parts: settle each group once (after a restart: a group
 * made whole just before a crash), and when the oldest gives up. */
static void refresh(struct inbound *in, int64_t now_ms, int64_t wall)
{
	int64_t oldest;
	int rc;

	in->need_refresh = 0;
	if (!in->started) {
		struct store_part_key keys[64];
		int n = store_part_waiting_keys(in->cfg.st, keys, 64);
		in->started = 1;
		for (int i = 0; i < n; i++)
			settle_group(in, keys[i].sender, keys[i].ref,
				     keys[i].total, 0, 0, wall);
		if (n < 0)
			in->need_refresh = 1;
	}
	rc = store_part_oldest_waiting(in->cfg.st, &oldest);
	if (rc == STORE_ERR_NOT_FOUND) {
		in->next_expiry_ms = -1;
		return;
	}
	if (rc < 0) {
		in->need_refresh = 1;
		in->next_expiry_ms = now_ms + in->cfg.retry_ms;
		return;
	}
	in->next_expiry_ms = now_ms + (oldest + in->expiry_s - wall) * 1000;
	if (in->next_expiry_ms < now_ms)
		in->next_expiry_ms = now_ms;
}

void inbound_tick(struct inbound *in, int64_t now_ms, int64_t wall)
{
	char sender[STORE_NUMBER_MAX];
	int ref, total;

	if (in->next_retry_ms != 0 && now_ms >= in->next_retry_ms)
		retry(in, now_ms, wall);
	report_waiting(in, now_ms);
	/* Groups given up on: answered with what arrived. */
	for (int i = 0;
	     i < 64 && in->next_expiry_ms >= 0 && now_ms >= in->next_expiry_ms;
	     i++) {
		if (store_part_expired(in->cfg.st, wall - in->expiry_s + 1,
				       sender, &ref, &total) != 0 ||
		    settle_group(in, sender, ref, total, 0, 1, wall) < 0)
			break;
		refresh(in, now_ms, wall);
	}
	if (in->need_refresh || !in->started)
		refresh(in, now_ms, wall);
	if (now_ms >= in->next_prune_ms) {
		in->next_prune_ms = now_ms + PRUNE_EVERY_MS;
		store_part_prune(in->cfg.st, wall - PART_RECORD_S);
	}
}

int64_t inbound_next_deadline(const struct inbound *in)
{
	int64_t d = in->next_expiry_ms;

	if (!in->started || in->need_refresh)
		return 0;
	if (in->next_retry_ms != 0 && (d < 0 || in->next_retry_ms < d))
		d = in->next_retry_ms;
	if (in->next_log_ms != 0 && (d < 0 || in->next_log_ms < d))
		d = in->next_log_ms;
	return d;
}

struct inbound *inbound_new(const struct inbound_config *cfg)
{
	struct inbound *in = calloc(1, sizeof(*in));

	if (in == NULL)
		return NULL;
	in->cfg = *cfg;
	if (in->cfg.concat_expiry_ms <= 0)
		in->cfg.concat_expiry_ms = DEFAULT_EXPIRY_MS;
	if (in->cfg.retry_ms <= 0)
		in->cfg.retry_ms = DEFAULT_RETRY_MS;
	in->expiry_s = (in->cfg.concat_expiry_ms + 999) / 1000;
	in->next_expiry_ms = -1;
	return in;
}

void inbound_free(struct inbound *in)
{
	if (in == NULL)
		return;
	for (size_t i = 0; i < in->n_pushed; i++)
		free(in->pushed[i].hex);
	if (in->n_pushed > 0)
		log_error("%zu pushed text%s could not be stored before "
			  "stopping: lost",
			  in->n_pushed, in->n_pushed == 1 ? "" : "s");
	free(in);
}
