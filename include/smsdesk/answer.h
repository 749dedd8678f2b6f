/*
 * answer: the one way an inbound text is answered — by the daemon for what
 * the modems commit, and by `smsdesk try` for what is typed at the shell —
 * so that the two can never diverge.
 *
 * One transaction (DESIGN.md Invariant 2): read the inbound row; the
 * guards the desk does not do itself (a sender that cannot receive a reply,
 * decided by its type of number as the PDU gave it, else by its
 * characters; another machine's auto-reply repeating
 * itself); the sender's number in E.164 for everything the desk writes;
 * a staff phone's text to the handoff (never to the desk), else
 * desk_answer and then the handoff for what only a person can answer
 * (handoff.h: forwards queued, the customer's reply reworded); the
 * replies queued through the outbox (expiring after
 * policy.reply_expiry_minutes, a STOP's confirmation marked as such); the
 * row marked answered or ignored. All of it or none of it.
 *
 * It never reads the clock (now is passed in), never sends and never
 * prints; with ANSWER_NEVER_SEND the replies are recorded and withdrawn at
 * once, so the database shows them but no bearer will ever take them.
 */
#ifndef SMSDESK_ANSWER_H
#define SMSDESK_ANSWER_H

#include "smsdesk/catalog.h"
#include "smsdesk/desk.h"
#include "smsdesk/handoff.h"
#include "smsdesk/store.h"

#include <stddef.h>
#include <stdint.h>

enum answer_flags {
	/* `smsdesk try`: queue nothing a bearer could send. */
	ANSWER_NEVER_SEND = 1 << 0,
};

enum answer_outcome {
	ANSWER_REPLIED,	    /* replies queued, row answered */
	ANSWER_IGNORED,	    /* nothing queued on purpose; why says why */
	ANSWER_UNSENDABLE,  /* the reply could not be encoded: kept, ignored */
	ANSWER_NOT_PENDING, /* the row was not new (answered before) */
};

struct answer_result {
	enum answer_outcome outcome;
	int guarded;		/* IGNORED by a guard, before the desk saw it */
	char why[STORE_ID_MAX]; /* IGNORED/UNSENDABLE: the reason */
	char sender[STORE_NUMBER_MAX];	   /* as answered: E.164 for a number */
	struct desk_result desk;	   /* what the desk decided and said */
	struct handoff_result handoff;	   /* what went to a person (or a
					      staff phone's text) */
	int64_t msg_ids[DESK_MAX_REPLIES]; /* the replies queued */
};

/*
 * Answer inbound row ID against CAT at NOW (UTC epoch seconds), in its own
 * transaction (ST must not be in one). Returns STORE_OK with *out filled,
 * or a negative enum store_err when the store failed: then nothing was
 * written and the row is still new — try again later. Not reentrant.
 */
int answer_inbound(struct store *st, const struct catalog *cat, int64_t id,
		   int64_t now, unsigned flags, struct answer_result *out);

/*
 * Is TEXT the latest of an auto-reply loop? True when at least `threshold`
 * of the sender's recent texts (RECENT, newest first, may include TEXT
 * itself) are the same or nearly the same as TEXT once folded.
 */
int answer_looks_like_loop(const char *text, const struct store_strings *recent,
			   int threshold);

#endif
