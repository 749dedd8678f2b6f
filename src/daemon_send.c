/*
 * daemon_send: handing the outbox's parts to the modems, one part on the
 * wire per modem, and stopping between messages, never inside one. See
 * daemon_internal.h; the outbox (outbox.h) decides what may go.
 */
#include "daemon_internal.h"

#include "smsdesk/log.h"

static int any_modem_down_long(const struct daemon *d, int64_t now_ms)
{
	for (size_t i = 0; i < d->n_modems; i++)
		if (d->modems[i].down_since_ms != 0 &&
		    now_ms - d->modems[i].down_since_ms > FAILOVER_MS)
			return 1;
	return 0;
}

void daemon_pump(struct daemon *d, struct dmodem *dm, int64_t now_ms)
{
	struct outbox_job job;
	int64_t now = wall_now(d);

	dm->finishing = 0;
	if (dm->part_id != 0 || !modem_is_ready(dm->m))
		return;
	if (d->stopping && !dm->msg_unfinished)
		return;
	if (d->stopping && now_ms + SEND_TIMEOUT_MS > d->stop_deadline) {
		log_warn("stopping: the rest of message %lld waits for the "
			 "next start (too little of the stop grace left to "
			 "send another part)",
			 (long long)dm->msg_id);
		dm->msg_unfinished = 0;
		return;
	}
	if (d->opt->min_send_gap_ms > 0 && mono_ms() < dm->next_send_ms) {
		/* poll_timeout wakes us at the gap's end */
		d->outbox_dirty = 1;
		dm->finishing = d->stopping;
		return;
	}
	/* outbox_next withdraws what must not go (opted out, expired) and
	 * commits the part it returns as "sending" before we write it.
	 * Stopping: only the rest of the message on the wire. */
	int rc;
	if (d->stopping) {
		rc = outbox_next_part(d->ob, now, dm->name, dm->msg_id, &job);
	} else {
		rc = outbox_next(d->ob, now, dm->name, 0, &job);
		if (rc == OUTBOX_NONE && any_modem_down_long(d, now_ms))
			rc = outbox_next(d->ob, now, dm->name, 1, &job);
	}
	if (rc < 0) {
		/* The store is busy: look again shortly (stopping too, while
		 * the grace allows another part). */
		d->next_outbox_ms =
		    earliest(d->next_outbox_ms, now_ms + OUTBOX_BUSY_RETRY_MS);
		dm->finishing = d->stopping;
		return;
	}
	if (rc != OUTBOX_OK) {
		if (d->stopping)
			dm->msg_unfinished = 0;
		return;
	}
	if (modem_send_pdu(dm->m, job.pdu_hex, job.tpdu_len, dm) != 0) {
		outbox_failed(d->ob, &job, "the modem refused the PDU", 1, now);
		return;
	}
	dm->part_id = job.part_id;
	dm->job = job;
	dm->msg_id = job.msg_id;
	dm->msg_unfinished = job.seq < job.n_parts;
	log_debug("sending part %d/%d to %s via %s", job.seq, job.n_parts,
		  job.to, dm->name);
}

void daemon_on_send_result(void *ctx, const struct modem_send_result *res)
{
	struct dmodem *dm = res->cookie;
	struct daemon *d = dm->d;
	int64_t now = wall_now(d);

	if (dm->part_id == 0)
		return;
	if (res->ok)
		outbox_sent(d->ob, &dm->job, res->mr, NULL, now);
	else
		outbox_failed(d->ob, &dm->job, res->error, 0, now);
	dm->part_id = 0;
	dm->next_send_ms = mono_ms() + d->opt->min_send_gap_ms;
	d->outbox_dirty = 1;
	(void)ctx;
}

/* The driver logs its own state changes and warnings; the daemon only needs
 * to know how long each modem has been down, for failover. */
void daemon_on_state(void *ctx, enum modem_state state, const char *reason)
{
	struct dmodem *dm = ctx;

	(void)reason;
	if (state == MODEM_READY) {
		dm->down_since_ms = 0;
		dm->d->outbox_dirty = 1;
	} else if (dm->down_since_ms == 0)
		dm->down_since_ms = mono_ms();
}

/* Stopping: done when no part is on the wire and no modem is about to send
 * the next part of its message (pump_outbox ran since the last part
 * ended, so an unfinished message either has its next part on the wire or
 * waits for the send gap). */
int daemon_idle_for_stop(const struct daemon *d)
{
	for (size_t i = 0; i < d->n_modems; i++)
		if (d->modems[i].part_id != 0 || d->modems[i].finishing)
			return 0;
	return outbox_pending(d->ob) == 0;
}
