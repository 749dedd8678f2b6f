/*
 * answer: one inbound row → guards → desk → replies queued → row marked, in
 * one transaction. See include/smsdesk/answer.h.
 */
#include "smsdesk/answer.h"

#include "smsdesk/handoff.h"
#include "smsdesk/outbox.h"
#include "smsdesk/phone.h"
#include "smsdesk/text.h"

#include <stdio.h>
#include <string.h>

/* The same text this many times in an hour is another machine talking. */
#define LOOP_THRESHOLD 3
/* Short texts ("yes", "2") repeat innocently: only longer ones count. */
#define LOOP_MIN_BYTES 20

static int nearly_same(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t longer = la > lb ? la : lb;
	/* Auto-replies differ only in a date, a counter or a name: allow a
	 * tenth of the text to change. */
	int budget = (int)(longer / 10);

	if (la == 0 || lb == 0)
		return la == lb;
	if ((la > lb ? la - lb : lb - la) > (size_t)budget)
		return 0;
	return text_distance(a, b, budget) <= budget;
}

int answer_looks_like_loop(const char *text, const struct store_strings *recent,
			   int threshold)
{
	char mine[512], theirs[512];
	int same = 0;

	text_fold(text, mine, sizeof(mine));
	for (size_t i = 0; i < recent->n; i++) {
		text_fold(recent->v[i], theirs, sizeof(theirs));
		if (nearly_same(mine, theirs))
			same++;
	}
	return same >= threshold;
}

/*
 * The guards before the desk: 1 with *why set when the row must not be
 * answered, 0 when it may, or a negative store error. The hourly cap and
 * STOP are the desk's (it honours STOP even from a sender over the cap).
 */
static int guard(struct store *st, const struct store_inbox_msg *msg,
		 int64_t now, const char **why)
{
	struct store_strings recent = {0};
	int rc, looping;

	/* The sender's type of number decides where the network gave it (an
	 * alphanumeric sender made only of digits is still alphanumeric);
	 * otherwise the characters do. */
	if (phone_kind(msg->sender, msg->sender_ton) != PHONE_KIND_NUMBER) {
		*why = desk_reason_name(DESK_REASON_CANNOT_RECEIVE);
		return 1;
	}
	if (strlen(msg->text) < LOOP_MIN_BYTES)
		return 0;
	rc = store_inbox_recent(st, msg->sender, now - 3600, 10, &recent);
	if (rc < 0)
		return rc;
	looping = answer_looks_like_loop(msg->text, &recent, LOOP_THRESHOLD);
	store_strings_free(&recent);
	if (looping)
		*why = "auto-reply loop";
	return looping;
}

static int queue_replies(struct store *st, const struct catalog *cat,
			 const struct store_inbox_msg *msg, int64_t now,
			 unsigned flags, struct answer_result *out)
{
	char err[160];
	int rc = STORE_OK;

	for (size_t i = 0; rc >= 0 && i < out->desk.n_replies; i++) {
		struct outbox_text t = {
		    .to = out->sender,
		    .country = cat->country,
		    .text = out->desk.replies[i],
		    .origin = STORE_ORIGIN_REPLY,
		    .inbox_id = msg->id,
		    .bearer = msg->modem,
		    .max_segments = cat->policy.max_segments,
		    .expires_at =
			now + (int64_t)cat->policy.reply_expiry_minutes * 60,
		    .flags = out->desk.d.kind == DESK_OPTED_OUT
				 ? STORE_OUT_CONFIRMS_OPTOUT
				 : 0,
		    .national_shift = cat->policy.national_shift};

		rc = outbox_queue(st, &t, now, &out->msg_ids[i], err,
				  sizeof(err));
		if (rc == STORE_ERR_ARG)
			snprintf(out->why, sizeof(out->why),
				 "reply could not be encoded: %.90s", err);
		if (rc >= 0 && (flags & ANSWER_NEVER_SEND))
			rc = store_outbox_withdraw(st, out->msg_ids[i],
						   "smsdesk try: never sent",
						   now);
	}
	return rc < 0 ? rc : STORE_OK;
}

/* Everything between BEGIN and COMMIT. */
static int answer_in_transaction(struct store *st, const struct catalog *cat,
				 const struct store_inbox_msg *msg, int64_t now,
				 unsigned flags, struct answer_result *out)
{
	const char *why = NULL;
	int rc = guard(st, msg, now, &why);

	if (rc < 0)
		return rc;
	if (rc == 1) {
		out->outcome = ANSWER_IGNORED;
		out->guarded = 1;
		snprintf(out->why, sizeof(out->why), "%s", why);
		return store_inbox_mark_ignored(st, msg->id, why, now);
	}
	/* Everything the desk writes — opt-outs, bookings, conversations,
	 * replies — holds the number in E.164 (a form the phone module
	 * cannot read with certainty is kept as received). */
	if (outbox_number(msg->sender, cat->country, out->sender,
			  sizeof(out->sender)) != PHONE_OK)
		snprintf(out->sender, sizeof(out->sender), "%s", msg->sender);
	/* A staff phone's text is the staff's, never an inquiry; what the
	 * desk cannot handle goes to a person (handoff.h). */
	unsigned hflags = flags & ANSWER_NEVER_SEND ? HANDOFF_NEVER_SEND : 0;
	const struct cat_staff *staff = handoff_staff_of(cat, out->sender);
	if (staff != NULL) {
		rc = handoff_staff_text(st, cat, staff, msg, now, hflags,
					&out->desk, &out->handoff);
	} else {
		rc = desk_answer(cat, st, out->sender, msg->text, now,
				 &out->desk);
		if (rc == STORE_OK)
			rc =
			    handoff_customer(st, cat, msg, out->sender, now,
					     hflags, &out->desk, &out->handoff);
	}
	if (rc == STORE_OK)
		rc = queue_replies(st, cat, msg, now, flags, out);
	if (rc < 0)
		return rc;
	if (out->desk.n_replies == 0 && out->handoff.what == HANDOFF_MORE) {
		/* forwarded to a person: handled, with nothing to say */
		out->outcome = ANSWER_REPLIED;
		return store_inbox_mark_answered(st, msg->id, now);
	}
	if (out->desk.n_replies == 0 && out->handoff.what == HANDOFF_STAFF) {
		out->outcome = ANSWER_IGNORED;
		snprintf(out->why, sizeof(out->why), "staff text: %s",
			 out->handoff.action);
		return store_inbox_mark_ignored(st, msg->id, out->why, now);
	}
	if (out->desk.n_replies == 0) {
		out->outcome = ANSWER_IGNORED;
		snprintf(out->why, sizeof(out->why), "%s",
			 desk_reason_name(out->desk.d.reason));
		return store_inbox_mark_ignored(st, msg->id, out->why, now);
	}
	out->outcome = ANSWER_REPLIED;
	return store_inbox_mark_answered(st, msg->id, now);
}

int answer_inbound(struct store *st, const struct catalog *cat, int64_t id,
		   int64_t now, unsigned flags, struct answer_result *out)
{
	struct store_inbox_msg msg;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = store_begin(st);
	if (rc < 0)
		return rc;
	rc = store_inbox_get(st, id, &msg);
	if (rc < 0) {
		store_rollback(st);
		return rc;
	}
	snprintf(out->sender, sizeof(out->sender), "%s", msg.sender);
	if (msg.state != STORE_IN_NEW) {
		out->outcome = ANSWER_NOT_PENDING;
		rc = store_rollback(st);
	} else {
		rc = answer_in_transaction(st, cat, &msg, now, flags, out);
		if (rc == STORE_OK)
			rc = store_commit(st);
		else
			store_rollback(st);
	}
	if (rc == STORE_ERR_ARG && out->why[0] != '\0') {
		/* A reply that cannot be encoded never will be: keep the
		 * inquiry, say why, and do not try again forever. */
		out->outcome = ANSWER_UNSENDABLE;
		out->desk.n_replies = 0;
		memset(out->msg_ids, 0, sizeof(out->msg_ids));
		rc = store_inbox_mark_ignored(
		    st, id, "reply could not be encoded", now);
	}
	store_inbox_msg_clear(&msg);
	return rc;
}
