/*
 * inbound: from a modem's message to a committed inbox row. See inbound.h;
 * the comments here say why it is built the way it is.
 */
#include "smsdesk/inbound.h"

#include "smsdesk/concat.h"
#include "smsdesk/log.h"
#include "smsdesk/pdu.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A received part waiting in the reassembly table; its modem copy stays
 * until the whole message is committed (Invariant 1). */
struct held_part {
	int64_t tag;
	struct modem *m;
	const char *name;
	int index;
	char memory[4];
	unsigned epoch;
	char *hex;
};

struct inbound {
	struct inbound_config cfg;
	struct concat *concat;
	struct held_part *held;
	size_t n_held, cap_held;
	int64_t next_tag;
};

struct inbound *inbound_new(const struct inbound_config *cfg)
{
	struct inbound *in = calloc(1, sizeof(*in));
	struct concat_config cc = {.max_groups = 64,
				   .expiry = cfg->concat_expiry_ms};

	if (in == NULL)
		return NULL;
	in->cfg = *cfg;
	in->concat = concat_new(&cc);
	if (in->concat == NULL) {
		free(in);
		return NULL;
	}
	return in;
}

void inbound_free(struct inbound *in)
{
	if (in == NULL)
		return;
	/* Parts still waiting stay on the modem: nothing to save. */
	for (size_t i = 0; i < in->n_held; i++)
		free(in->held[i].hex);
	concat_free(in->concat);
	free(in->held);
	free(in);
}

int64_t inbound_next_deadline(const struct inbound *in)
{
	return concat_next_deadline(in->concat);
}

static struct held_part *hold(struct inbound *in, struct modem *m,
			      const char *name, const struct modem_message *msg)
{
	int index = msg->index;
	const char *hex = msg->pdu_hex;

	if (in->n_held == in->cap_held) {
		size_t cap = in->cap_held ? in->cap_held * 2 : 16;
		struct held_part *v = realloc(in->held, cap * sizeof(*v));
		if (v == NULL)
			return NULL;
		in->held = v;
		in->cap_held = cap;
	}
	struct held_part *p = &in->held[in->n_held];
	p->hex = strdup(hex);
	if (p->hex == NULL)
		return NULL;
	p->tag = ++in->next_tag;
	p->m = m;
	p->name = name;
	p->index = index;
	snprintf(p->memory, sizeof(p->memory), "%s", msg->memory);
	p->epoch = msg->epoch;
	in->n_held++;
	return p;
}

static struct held_part *held_by_tag(struct inbound *in, int64_t tag)
{
	for (size_t i = 0; i < in->n_held; i++)
		if (in->held[i].tag == tag)
			return &in->held[i];
	return NULL;
}

static int held_by_slot(struct inbound *in, struct modem *m, int index)
{
	for (size_t i = 0; index >= 0 && i < in->n_held; i++)
		if (in->held[i].m == m && in->held[i].index == index)
			return 1;
	return 0;
}

static void release(struct inbound *in, struct held_part *p, int delete)
{
	if (p == NULL)
		return;
	if (delete &&p->index >= 0 && p->m != NULL) {
		struct modem_message where = {
		    .index = p->index, .memory = p->memory, .epoch = p->epoch};
		modem_delete(p->m, &where);
	}
	free(p->hex);
	*p = in->held[--in->n_held];
}

/* Keep what we cannot read or do not answer: commit it, then delete. */
static void keep_unanswerable(struct inbound *in, struct modem *m,
			      const char *name, const struct modem_message *msg,
			      const struct sms_pdu *pdu, const char *why,
			      int64_t wall)
{
	struct store_inbox_new row = {
	    .sender = pdu != NULL ? pdu->number : "",
	    .smsc_time = pdu != NULL && pdu->has_timestamp
			     ? sms_time_to_utc(&pdu->timestamp)
			     : 0,
	    .pdu_hex = msg->pdu_hex,
	    .text = pdu != NULL ? pdu->text : "",
	    .flags = pdu != NULL ? 0 : STORE_IN_BAD_TEXT,
	    .modem = name};
	int64_t id;
	int rc = store_inbox_put(in->cfg.st, &row, wall, &id);

	if (rc < 0) {
		log_error("cannot store a message from the modem: %s",
			  store_errmsg(in->cfg.st));
		return;
	}
	if (rc == STORE_OK)
		store_inbox_mark_ignored(in->cfg.st, id, why, wall);
	if (msg->index >= 0)
		modem_delete(m, msg);
}

static void commit_message(struct inbound *in, const struct concat_message *m,
			   int64_t wall)
{
	size_t len = 1;
	struct held_part *parts[256];
	int n = 0;

	for (int i = 0; i < m->received && n < 256; i++) {
		struct held_part *p = held_by_tag(in, m->tags[i]);
		if (p != NULL) {
			parts[n++] = p;
			len += strlen(p->hex) + 1;
		}
	}
	if (n == 0)
		return;
	char *hex = calloc(len, 1);
	if (hex == NULL)
		return;
	for (int i = 0; i < n; i++) {
		if (i > 0)
			strcat(hex, "\n");
		strcat(hex, parts[i]->hex);
	}
	struct store_inbox_new row = {
	    .sender = m->head->number,
	    .smsc_time = m->head->has_timestamp
			     ? sms_time_to_utc(&m->head->timestamp)
			     : 0,
	    .pdu_hex = hex,
	    .text = m->text,
	    .flags = (m->incomplete ? STORE_IN_INCOMPLETE : 0) |
		     (m->head->msg_class == 0 ? STORE_IN_FLASH : 0),
	    .modem = parts[0]->name};
	int64_t id = 0;
	int rc = store_inbox_put(in->cfg.st, &row, wall, &id);
	free(hex);
	if (rc < 0) {
		/* Not committed: leave every part on the modem; the next
		 * start-up reads them again. */
		log_error("cannot store the message from %s: %s",
			  m->head->number, store_errmsg(in->cfg.st));
		for (int i = 0; i < n; i++)
			release(in, held_by_tag(in, m->tags[i]), 0);
		return;
	}
	if (m->incomplete)
		log_warn("message from %s arrived incomplete (%d of %d parts)",
			 m->head->number, m->received, m->total);
	for (int i = 0; i < n; i++)
		release(in, held_by_tag(in, m->tags[i]), 1);
	if (rc == STORE_OK) {
		if (in->cfg.answer != NULL)
			in->cfg.answer(in->cfg.ctx, id);
	} else
		log_debug("message %lld was already stored", (long long)id);
}

void inbound_tick(struct inbound *in, int64_t now_ms, int64_t wall)
{
	struct concat_message m;

	while (concat_pop(in->concat, now_ms, &m) == 1)
		commit_message(in, &m, wall);
}

static int decode(const struct modem_message *msg, struct sms_pdu *pdu,
		  struct pdu_error *err)
{
	if (msg->tpdu_len > 0)
		return pdu_decode_len(msg->pdu_hex, msg->tpdu_len, pdu, err);
	return pdu_decode(msg->pdu_hex, PDU_SMSC_AUTO, pdu, err);
}

void inbound_message(struct inbound *in, struct modem *m, const char *name,
		     const struct modem_message *msg, int64_t now_ms,
		     int64_t wall)
{
	static struct sms_pdu pdu;
	struct pdu_error err;
	char why[200];

	if (held_by_slot(in, m, msg->index))
		return; /* read again after a resync: already held */
	if (decode(msg, &pdu, &err) < 0) {
		log_warn("undecodable message at %s index %d: %s", name,
			 msg->index, err.msg);
		snprintf(why, sizeof(why), "undecodable PDU: %s", err.msg);
		keep_unanswerable(in, m, name, msg, NULL, why, wall);
		return;
	}
	if (pdu.type == PDU_SUBMIT) {
		/* Someone's draft or sent text on the SIM: not an inquiry, but
		 * left there it takes a place new texts need. Keep a copy. */
		log_info("%s index %d holds an outgoing message: kept in the "
			 "database and removed from the SIM",
			 name, msg->index);
		keep_unanswerable(in, m, name, msg, &pdu,
				  "outgoing message found on the SIM", wall);
		return;
	}
	if (pdu.type == PDU_STATUS_REPORT) {
		store_outbox_delivered_by_mr(in->cfg.st, name, pdu.mr,
					     pdu.status, wall);
		if (msg->index >= 0)
			modem_delete(m, msg);
		return;
	}
	struct held_part *p = hold(in, m, name, msg);
	if (p == NULL) {
		log_error("out of memory holding a message part");
		return;
	}
	int rc = concat_add(in->concat, &pdu, p->tag, now_ms);
	if (rc == CONCAT_DUPLICATE) {
		release(in, p, 0);
		keep_unanswerable(in, m, name, msg, &pdu, "duplicate part",
				  wall);
	} else if (rc < 0) {
		release(in, p, 0);
		log_error("out of memory reassembling a message");
	}
	inbound_tick(in, now_ms, wall);
}
