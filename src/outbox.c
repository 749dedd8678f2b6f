/*
 * outbox: queueing, the send-time checks, retries and the bearers' results.
 * See include/smsdesk/outbox.h for the contract.
 */
#include "smsdesk/outbox.h"

#include "smsdesk/log.h"
#include "smsdesk/pdu.h"
#include "smsdesk/phone.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

/* ---- queueing ---------------------------------------------------------- */

static int random_ref(void)
{
	unsigned char b = 0;

	/* Any byte will do: the reference only has to differ between the
	 * concatenated texts a phone is reassembling at the same time. */
	if (getrandom(&b, 1, GRND_NONBLOCK) != 1)
		b = (unsigned char)(uintptr_t)&b;
	return b;
}

int outbox_number(const char *written, const char *country, char *out,
		  size_t cap)
{
	return phone_to_e164(written != NULL ? written : "", country, out, cap);
}

int outbox_queue(struct store *st, const struct outbox_text *t, int64_t now,
		 int64_t *msg_id, char *err, size_t errlen)
{
	struct pdu_submit_options opt = {.status_report = 1,
					 .msg_class = -1,
					 .concat_ref = random_ref(),
					 .national_shift = t->national_shift};
	struct pdu_segment segs[16];
	struct store_out_part parts[16];
	struct pdu_error perr;
	char to[PHONE_E164_MAX];
	int cap =
	    t->max_segments > 0 && t->max_segments < 16 ? t->max_segments : 16;
	int n, rc;

	rc = outbox_number(t->to, t->country, to, sizeof(to));
	if (rc < 0) {
		snprintf(err, errlen, "not a phone number: %s",
			 phone_error_text(rc));
		return STORE_ERR_ARG;
	}
	n = pdu_encode_submit(t->text, to, &opt, segs, cap, &perr);
	if (n < 0) {
		snprintf(err, errlen, "%s", perr.msg);
		return STORE_ERR_ARG;
	}
	for (int i = 0; i < n; i++) {
		parts[i].pdu_hex = segs[i].hex;
		parts[i].tpdu_len = segs[i].tpdu_len;
	}
	struct store_outbox_new msg = {.to = to,
				       .text = t->text,
				       .origin = t->origin,
				       .inbox_id = t->inbox_id,
				       .modem = t->bearer,
				       .parts = parts,
				       .n_parts = (size_t)n,
				       .expires_at = t->expires_at,
				       .flags = t->flags,
				       .due_at = t->due_at};
	rc = store_outbox_queue(st, &msg, now, msg_id);
	if (rc < 0)
		snprintf(err, errlen, "%s", store_strerror(rc));
	return rc;
}

static int to_e164(void *ctx, const char *stored, char *out, size_t cap)
{
	/* Short codes stay as they are; so do alphanumeric senders, which
	 * phone_to_e164 refuses. */
	if (phone_kind(stored, -1) == PHONE_KIND_SHORT_CODE)
		return -1;
	return outbox_number(stored, ctx, out, cap) == PHONE_OK ? 0 : -1;
}

int outbox_renumber(struct store *st, const char *country)
{
	char tag[16];

	if (country == NULL)
		country = "";
	snprintf(tag, sizeof(tag), "e164:%.2s", country);
	return store_renumber(st, tag, to_e164, (void *)country);
}

/* ---- sending ----------------------------------------------------------- */

enum pending_kind {
	PENDING_SENT,
	PENDING_RETRY,
	PENDING_FAILED,
};

/* A bearer's result the store could not take yet. */
struct pending {
	enum pending_kind kind;
	int64_t part_id;
	int64_t at; /* when the bearer answered */
	int mr;
	char ref[STORE_ID_MAX];
	char error[STORE_ERROR_MAX];
	int64_t next_try_at; /* PENDING_RETRY: when the part is due again */
};

struct outbox {
	struct outbox_config cfg;
	struct pending *pending;
	size_t n_pending, cap_pending;
	int64_t next_write_at; /* when to try the pending writes again */
};

struct outbox *outbox_new(const struct outbox_config *cfg)
{
	struct outbox *ob = calloc(1, sizeof(*ob));

	if (ob == NULL)
		return NULL;
	ob->cfg = *cfg;
	if (ob->cfg.max_tries <= 0)
		ob->cfg.max_tries = STORE_OUT_MAX_TRIES;
	return ob;
}

void outbox_free(struct outbox *ob, int64_t now)
{
	if (ob == NULL)
		return;
	ob->next_write_at = 0;
	if (outbox_tick(ob, now) > 0)
		for (size_t i = 0; i < ob->n_pending; i++)
			log_error("outbox part %lld: its result (%s) could not "
				  "be written: %s; the next start will send it "
				  "again",
				  (long long)ob->pending[i].part_id,
				  ob->pending[i].kind == PENDING_SENT
				      ? "sent"
				      : "failed",
				  store_errmsg(ob->cfg.st));
	free(ob->pending);
	free(ob);
}

/*
 * Why the part must not go: *why set (1), or left NULL (0); or a negative
 * store error. The opt-out is asked of the store each time (a forgotten
 * customer's opt-out is kept only as a keyed hash of the number).
 */
static int withdraw_reason(struct store *st, const struct store_out_job *j,
			   int64_t now, const char **why)
{
	int rc;

	*why = NULL;
	/* The confirmation of a STOP is the one text a number that opted out
	 * still gets. Not compared by time: a clock step may move when it
	 * was queued (store_shift_waits), and it only ever says "you have
	 * opted out". */
	if (!(j->flags & STORE_OUT_CONFIRMS_OPTOUT)) {
		rc = store_is_opted_out(st, j->to, NULL);
		if (rc < 0)
			return rc;
		if (rc == 1)
			*why = "opted out (STOP) before it was sent";
	}
	if (*why == NULL && j->expires_at > 0 && now >= j->expires_at) {
		switch (j->origin) {
		case STORE_ORIGIN_REMINDER:
			*why = "expired: the booking had started";
			break;
		case STORE_ORIGIN_REPLY:
			*why = "expired: the reply was too old to send";
			break;
		case STORE_ORIGIN_STAFF:
			*why = "expired";
			break;
		}
	}
	return *why != NULL;
}

/* Withdrawals per outbox_next call at most: the loop must not stall. */
#define WITHDRAW_BATCH 32

/* outbox_next with a filter on the message (0: any). */
static int next_in(struct outbox *ob, int64_t now, const char *bearer,
		   int any_pinned, int64_t msg_id, struct outbox_job *job)
{
	struct store_out_job sj;
	char masked[LOG_NUMBER_MAX];
	int rc;

	for (int i = 0; i < WITHDRAW_BATCH; i++) {
		const char *why;

		rc = store_outbox_next_in(
		    ob->cfg.st, now, any_pinned ? NULL : bearer, msg_id, &sj);
		if (rc == STORE_ERR_NOT_FOUND)
			return OUTBOX_NONE;
		if (rc < 0)
			return rc;
		rc = withdraw_reason(ob->cfg.st, &sj, now, &why);
		if (rc < 0)
			return rc;
		if (rc == 0)
			break;
		rc = store_outbox_withdraw(ob->cfg.st, sj.msg_id, why, now);
		if (rc < 0)
			return rc;
		log_info("outbox message %lld to %s withdrawn: %s",
			 (long long)sj.msg_id,
			 log_number(sj.to, masked, sizeof(masked)), why);
		if (i == WITHDRAW_BATCH - 1)
			return OUTBOX_NONE; /* more next time (due now) */
	}
	/* Committed before the bearer sees it: a crash from here on leaves
	 * the part "sending", which the next start puts back in the queue. */
	rc = store_outbox_mark_sending(ob->cfg.st, sj.part_id, bearer, now);
	if (rc < 0)
		return rc;
	memset(job, 0, sizeof(*job));
	job->part_id = sj.part_id;
	job->msg_id = sj.msg_id;
	job->seq = sj.seq;
	job->n_parts = sj.n_parts;
	job->tries = sj.tries;
	job->origin = sj.origin;
	snprintf(job->to, sizeof(job->to), "%s", sj.to);
	snprintf(job->bearer, sizeof(job->bearer), "%s",
		 bearer != NULL ? bearer : "");
	job->tpdu_len = sj.tpdu_len;
	snprintf(job->pdu_hex, sizeof(job->pdu_hex), "%s", sj.pdu_hex);
	return OUTBOX_OK;
}

int outbox_next(struct outbox *ob, int64_t now, const char *bearer,
		int any_pinned, struct outbox_job *job)
{
	return next_in(ob, now, bearer, any_pinned, 0, job);
}

int outbox_next_part(struct outbox *ob, int64_t now, const char *bearer,
		     int64_t msg_id, struct outbox_job *job)
{
	if (msg_id <= 0)
		return OUTBOX_NONE;
	return next_in(ob, now, bearer, 1, msg_id, job);
}

/* Write one result; STORE_OK also when the store has moved on (the part
 * is no longer ours to change: nothing to keep). */
static int write_result(struct outbox *ob, const struct pending *p)
{
	int rc = STORE_OK;

	switch (p->kind) {
	case PENDING_SENT:
		rc = store_outbox_mark_sent_ref(ob->cfg.st, p->part_id, p->mr,
						p->ref, p->at);
		break;
	case PENDING_RETRY:
		rc = store_outbox_mark_retry(ob->cfg.st, p->part_id, p->error,
					     p->next_try_at, p->at);
		break;
	case PENDING_FAILED:
		rc = store_outbox_mark_failed(ob->cfg.st, p->part_id, p->error,
					      p->at);
		break;
	}
	if (rc == STORE_ERR_STATE || rc == STORE_ERR_NOT_FOUND) {
		log_warn("outbox part %lld: no longer waiting for a result "
			 "(%s)",
			 (long long)p->part_id, store_strerror(rc));
		return STORE_OK;
	}
	return rc;
}

/* Write P now, or keep it for outbox_tick. */
static void settle(struct outbox *ob, const struct pending *p, int64_t now)
{
	int rc = ob->n_pending > 0 ? STORE_ERR_BUSY : write_result(ob, p);

	if (rc == STORE_OK)
		return;
	if (ob->n_pending == 0)
		log_warn("outbox part %lld: cannot record the result now (%s: "
			 "%s); kept, will write it again",
			 (long long)p->part_id, store_strerror(rc),
			 store_errmsg(ob->cfg.st));
	if (ob->n_pending == ob->cap_pending) {
		size_t cap = ob->cap_pending ? ob->cap_pending * 2 : 8;
		struct pending *v = realloc(ob->pending, cap * sizeof(*v));

		if (v == NULL) {
			log_error("outbox part %lld: out of memory keeping its "
				  "result",
				  (long long)p->part_id);
			return;
		}
		ob->pending = v;
		ob->cap_pending = cap;
	}
	ob->pending[ob->n_pending++] = *p;
	if (ob->next_write_at == 0 || ob->next_write_at > now + 1)
		ob->next_write_at = now + 1;
}

void outbox_sent(struct outbox *ob, const struct outbox_job *job, int mr,
		 const char *ref, int64_t now)
{
	struct pending p = {
	    .kind = PENDING_SENT, .part_id = job->part_id, .at = now, .mr = mr};

	snprintf(p.ref, sizeof(p.ref), "%s", ref != NULL ? ref : "");
	settle(ob, &p, now);
}

void outbox_failed(struct outbox *ob, const struct outbox_job *job,
		   const char *error, int permanent, int64_t now)
{
	struct pending p = {.part_id = job->part_id, .at = now};
	int tries = job->tries + 1;
	char masked[LOG_NUMBER_MAX];

	snprintf(p.error, sizeof(p.error), "%s", error != NULL ? error : "");
	log_number(job->to, masked, sizeof(masked));
	if (permanent || tries >= ob->cfg.max_tries) {
		p.kind = PENDING_FAILED;
		log_error("giving up on outbox part %lld to %s after %d "
			  "tr%s: %s",
			  (long long)job->part_id, masked, tries,
			  tries == 1 ? "y" : "ies", p.error);
	} else {
		int64_t wait = ob->cfg.retry_seconds > 0
				   ? ob->cfg.retry_seconds
				   : store_outbox_backoff(tries);

		p.kind = PENDING_RETRY;
		p.next_try_at = now + wait;
		log_warn("send failed (%s) to %s; retry %d in %llds", p.error,
			 masked, tries, (long long)wait);
	}
	settle(ob, &p, now);
}

size_t outbox_tick(struct outbox *ob, int64_t now)
{
	size_t kept = 0;

	if (ob->n_pending == 0 || now < ob->next_write_at)
		return ob->n_pending;
	/* In order: a part's results are written in the order they came. */
	for (size_t i = 0; i < ob->n_pending; i++) {
		if (kept == 0 && write_result(ob, &ob->pending[i]) == STORE_OK)
			continue;
		ob->pending[kept++] = ob->pending[i];
	}
	if (kept < ob->n_pending)
		log_info("outbox: %zu kept result%s written, %zu still wait",
			 ob->n_pending - kept,
			 ob->n_pending - kept == 1 ? "" : "s", kept);
	ob->n_pending = kept;
	ob->next_write_at = kept > 0 ? now + 1 : 0;
	return kept;
}

size_t outbox_pending(const struct outbox *ob)
{
	return ob->n_pending;
}

int outbox_next_due(struct outbox *ob, int64_t now, int64_t *when)
{
	int64_t due = 0;
	int rc = store_outbox_next_due(ob->cfg.st, &due);

	(void)now;
	if (rc < 0 && rc != STORE_ERR_NOT_FOUND)
		return rc;
	if (ob->n_pending > 0 &&
	    (rc == STORE_ERR_NOT_FOUND || ob->next_write_at < due)) {
		due = ob->next_write_at;
		rc = STORE_OK;
	}
	if (rc == STORE_ERR_NOT_FOUND)
		return OUTBOX_NONE;
	*when = due;
	return OUTBOX_OK;
}
