/*
 * handoff_int: what the handoff files share and nobody else may see —
 *
 *   handoff.c        the customer's side: handing a text to a person,
 *                    forwarding, holding and releasing, answers by code
 *   handoff_staff.c  a staff phone's text: answers by code, PIN commands,
 *                    refusals and the lock-out
 *   handoff_words.c  wording (the business's, its language pack's) and the
 *                    times and numbers the texts show; queueing a text
 *   handoff_summary.c the daily (weekly) summary texts to staff
 *
 * Include it only from src/handoff*.c.
 */
#ifndef SMSDESK_HANDOFF_INT_H
#define SMSDESK_HANDOFF_INT_H

#include "smsdesk/handoff.h"
#include "smsdesk/lang.h"

#include <stddef.h>
#include <stdint.h>

/* handoff_words.c */

/* The business's own wording of NAME (replies), else its first language's,
 * else English. Never NULL. */
const char *hw_wording(const struct catalog *cat, const char *name);
/* The same in LANG (ISO 639-1) when the business answers in it: a
 * customer's own language (desk_decision.lang). */
const char *hw_wording_in(const struct catalog *cat, const char *name,
			  const char *lang);
/* Render NAME with vars into out; then, while it takes more than max
 * segments, shorten the variable `shrink` (NULL: none) word by word and
 * end it with "...", and as the last resort trim the whole text. Returns
 * the segments the text takes. */
int hw_render(const struct catalog *cat, const char *name,
	      struct lang_var *vars, size_t n_vars, const char *shrink, int max,
	      char *out, size_t cap);
int hw_render_in(const struct catalog *cat, const char *lang, const char *name,
		 struct lang_var *vars, size_t n_vars, const char *shrink,
		 int max, char *out, size_t cap);
/* Local time of t as "14:05" (today at now) or "Tue 14:05" (another day),
 * in the pack's day names. */
void hw_time(const struct catalog *cat, int64_t t, int64_t now, char *out,
	     size_t cap);
void hw_time_in(const struct catalog *cat, const char *lang, int64_t t,
		int64_t now, char *out, size_t cap);
/* "Tue 3 Mar" for t's local day, in the pack's words. */
void hw_day(const struct catalog *cat, int64_t t, char *out, size_t cap);

/*
 * Queue TEXT to TO (E.164 or as written) through the outbox, expiring after
 * policy.reply_expiry_minutes, at most max segments. HANDOFF_NEVER_SEND
 * withdraws it at once. Returns STORE_OK with *msg_id (may be NULL), or a
 * negative enum store_err (STORE_ERR_ARG: the text or number cannot be
 * sent, err says why).
 */
int hw_queue(struct store *st, const struct catalog *cat, const char *to,
	     const char *text, enum store_origin origin, int64_t inbox_id,
	     int max, int64_t now, unsigned flags, int64_t *msg_id);

/* handoff.c */

/* The customer's number (E.164) of handoff h; 0, or -1 when it is gone
 * (pruned, forgotten) or cannot be read. */
int hc_customer(const struct catalog *cat, const struct store_handoff *h,
		char *out, size_t cap);

/* handoff_staff.c: nothing shared yet */

#endif
