/*
 * handoff: the customer's side — a text the desk cannot handle handed to a
 * person, forwarded (or held) under a short code, released when the shop
 * opens, and answered by code or number. See include/smsdesk/handoff.h.
 */
#include "handoff_int.h"

#include "smsdesk/gsm7.h"
#include "smsdesk/log.h"
#include "smsdesk/outbox.h"
#include "smsdesk/phone.h"
#include "smsdesk/when.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* After "not understood twice" the forward carries the texts before it. */
#define MISSED_CONTEXT 3

const struct cat_staff *handoff_staff_of(const struct catalog *cat,
					 const char *e164)
{
	if (e164 == NULL || e164[0] == '\0')
		return NULL;
	for (size_t i = 0; i < cat->n_staff; i++)
		if (cat->staff[i].phone != NULL &&
		    strcmp(cat->staff[i].phone, e164) == 0)
			return &cat->staff[i];
	return NULL;
}

static size_t forward_staff(const struct catalog *cat)
{
	size_t n = 0;

	for (size_t i = 0; i < cat->n_staff; i++)
		n += cat->staff[i].forward && cat->staff[i].phone != NULL &&
		     cat->staff[i].phone[0] != '\0';
	return n;
}

int handoff_on_duty(const struct catalog *cat, int64_t now, int64_t *next_open)
{
	const struct civil_zone *z = when_zone_of(cat);
	int open[8], close[8];
	struct when_local l;
	size_t n;

	if (next_open != NULL)
		*next_open = 0;
	if (z == NULL)
		return 1; /* no zone to tell by: never hold a text back */
	when_local_in(z, now, &l);
	n = when_hours_of(cat, &l.day, open, close, 8);
	for (size_t i = 0; i < n; i++)
		if (l.minute >= open[i] && l.minute < close[i])
			return 1;
	for (int d = 0; next_open != NULL && d <= 14; d++) {
		struct when_day day = when_day_add(l.day, d);
		n = when_hours_of(cat, &day, open, close, 8);
		for (size_t i = 0; i < n; i++)
			if (d > 0 || open[i] > l.minute) {
				*next_open = when_epoch_in(z, &day, open[i]);
				return 0;
			}
	}
	return 0;
}

int handoff_code_normalise(const char *typed, char *out)
{
	const char *p = typed;
	size_t n = 0;

	while (*p == ' ')
		p++;
	if (*p == '#')
		p++;
	while (*p == ' ')
		p++;
	for (; *p != '\0' && *p != ' '; p++) {
		int c = toupper((unsigned char)*p);
		if (n == STORE_CODE_MAX - 4 || c == '\0' ||
		    strchr(STORE_REF_ALPHABET, c) == NULL)
			return -1;
		out[n++] = (char)c;
	}
	while (*p == ' ')
		p++;
	out[n] = '\0';
	return n >= 2 && *p == '\0' ? 0 : -1;
}

int hc_customer(const struct catalog *cat, const struct store_handoff *h,
		char *out, size_t cap)
{
	if (h->customer[0] == '\0')
		return -1;
	if (outbox_number(h->customer, cat->country, out, cap) != PHONE_OK)
		return -1;
	return 0;
}

/* ---- forwarding ---------------------------------------------------------
 */

/* Join the texts into buf with " / " (the latest last). */
static void join_texts(const struct store_handoff_texts *t, char *buf,
		       size_t cap)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < t->n && len + 4 < cap; i++) {
		int w = snprintf(buf + len, cap - len, "%s%s",
				 i > 0 ? " / " : "", t->v[i].text);
		if (w < 0)
			break;
		len += (size_t)w < cap - len ? (size_t)w : cap - len - 1;
	}
}

/*
 * Forward what handoff h holds, when the shop is open and the limits
 * allow: *queued forwards (one per staff phone), or *held set.
 */
static int forward(struct store *st, const struct catalog *cat,
		   const struct store_handoff *h, int64_t now, unsigned flags,
		   int urgent, int *queued, int *held)
{
	struct store_handoff_texts t = {0};
	char number[STORE_NUMBER_MAX], code[STORE_CODE_MAX + 1], when[32];
	char joined[1600], text[2048], masked[LOG_NUMBER_MAX];
	int64_t mine = 0, all = 0, upto;
	int rc;

	*queued = 0;
	*held = 0;
	/* words of a crisis reach the staff now, on duty or not: a life
	 * may hang on it. The hour's limits stay: crisis words sent again
	 * and again (a prank, another machine) must not flood the staff's
	 * phones (a first one is within them unless they are already
	 * flooded). */
	if (!urgent && !handoff_on_duty(cat, now, NULL)) {
		*held = 1;
		return STORE_OK;
	}
	rc = store_handoff_forwards_since(st, h->id, now - 3600, &mine);
	if (rc == STORE_OK)
		rc = store_handoff_forwards_since(st, 0, now - 3600, &all);
	if (rc < 0)
		return rc;
	if (mine >= HANDOFF_FORWARDS_PER_HOUR ||
	    all >= HANDOFF_FORWARDS_ALL_PER_HOUR) {
		*held = 1;
		return STORE_OK;
	}
	rc = store_handoff_texts(st, h->id, 1, &t);
	if (rc < 0 || t.n == 0) {
		store_handoff_texts_free(&t);
		return rc < 0 ? rc : STORE_OK;
	}
	upto = t.v[t.n - 1].inbox_id;
	if (hc_customer(cat, h, number, sizeof(number)) != 0) {
		/* erased or pruned meanwhile: nothing left to forward */
		store_handoff_texts_free(&t);
		return store_handoff_forwarded(st, h->id, upto, now);
	}
	join_texts(&t, joined, sizeof(joined));
	snprintf(code, sizeof(code), "#%s", h->code);
	hw_time(cat, t.v[0].received_at, now, when, sizeof(when));
	store_handoff_texts_free(&t);
	struct lang_var v[] = {
	    {.name = "code", .value = code},
	    {.name = "number", .value = number},
	    {.name = "time", .value = when},
	    {.name = "text", .value = joined},
	    {.name = "business", .value = cat->business_name},
	};
	hw_render(cat, urgent ? "staff_forward_urgent" : "staff_forward", v,
		  sizeof(v) / sizeof(v[0]), "text", HANDOFF_FORWARD_SEGMENTS,
		  text, sizeof(text));
	for (size_t i = 0; i < cat->n_staff; i++) {
		const struct cat_staff *s = &cat->staff[i];
		if (!s->forward || s->phone == NULL || s->phone[0] == '\0')
			continue;
		rc = hw_queue(st, cat, s->phone, text, STORE_ORIGIN_STAFF, upto,
			      HANDOFF_FORWARD_SEGMENTS, now, flags, NULL);
		if (rc == STORE_ERR_ARG) {
			log_warn("handoff #%s: cannot forward to %s (%s): %s",
				 h->code, s->name,
				 log_number(s->phone, masked, sizeof(masked)),
				 store_errmsg(st));
			continue;
		}
		if (rc < 0)
			return rc;
		(*queued)++;
	}
	return store_handoff_forwarded(st, h->id, upto, now);
}

/* ---- the customer's side ------------------------------------------------
 */

enum trigger {
	T_NONE,	  /* the desk's answer stands */
	T_WEAK,	  /* joins a live handoff, opens none */
	T_STRONG, /* opens a handoff */
	T_FOLLOW, /* joins a handoff the customer just opened, in place of
		     the desk's answer; else the answer stands */
};

/* The desk only asked back or found nothing to act on: "Mardi matin
 * plutôt", "Oui c'était vendredi 4 à 10h" just after a text handed on
 * belong to it, never "which service?" or "no booking found" again
 * (reviews fr AR c02.2, c06.2, de AP c13.2, de AR after c06.1). */
static int follows_up(const struct desk_result *d)
{
	for (size_t i = 0; i < d->d.n_more; i++)
		if (d->d.more[i].kind != DESK_CANT_ANSWER)
			return 0;
	/* "Haben Sie am Freitag vormittag was frei?" after a question
	 * handed on asks to book: the desk asks which service, as ever
	 * (review de AW c07.2 was only told it was noted) */
	if (d->d.kind == DESK_CLARIFY)
		return d->d.reason == DESK_REASON_NEED_DAY_UNSURE;
	return d->d.kind == DESK_REFUSED &&
	       d->d.reason == DESK_REASON_NO_BOOKING;
}

/* Which desk decisions are for a person: *why names the subject. */
static enum trigger classify(const struct desk_result *d, const char **why)
{
	switch (d->d.kind) {
	case DESK_CANT_ANSWER:
		*why = d->d.subject;
		return T_STRONG;
	case DESK_NOT_UNDERSTOOD:
		*why = "not understood";
		return T_WEAK;
	case DESK_GREETING:
		*why = "greeting";
		return T_WEAK;
	case DESK_SILENT:
	case DESK_BOOKED:
	case DESK_CLARIFY:
	case DESK_OFFER:
	case DESK_REFER:
	case DESK_PRICE:
	case DESK_AVAIL:
	case DESK_CANCELLED:
	case DESK_MOVED:
	case DESK_BOOKINGS:
	case DESK_HELP:
	case DESK_HOURS:
	case DESK_OPTED_OUT:
	case DESK_OPTED_IN:
	case DESK_REFUSED:
	case DESK_ACK:
	case DESK_ALREADY:
	case DESK_DURATION:
	case DESK_ADDRESS:
	case DESK_POLICY:
		break;
	}
	for (size_t i = 0; i < d->d.n_more; i++)
		if (d->d.more[i].kind == DESK_CANT_ANSWER) {
			*why = d->d.more[i].subject;
			return T_STRONG;
		}
	if (follows_up(d)) {
		*why = "person";
		return T_FOLLOW;
	}
	return T_NONE;
}

/* The desk's own answer only asked back (which day, which service) and
 * everything else it read is for the person. */
static int only_asks_back(const struct desk_result *d)
{
	/* "Machen Sie Hausbesuche? ... kommt nicht mehr gut die Treppe
	 * runter": "no booking to cancel here" beside the handoff answered
	 * what nobody asked (review de BA s10, s40, s55); a booking named
	 * ("je dois décaler mon rendez-vous") is told it was not found */
	int none_found = d->d.kind == DESK_REFUSED &&
			 d->d.reason == DESK_REASON_NO_BOOKING &&
			 !d->q.names_booking;
	if ((d->d.kind != DESK_CLARIFY && !none_found) || d->d.n_more == 0)
		return 0;
	switch (d->d.reason) {
	case DESK_REASON_NEED_DAY:
	case DESK_REASON_NEED_DAY_UNSURE:
	case DESK_REASON_NEED_SERVICE:
	case DESK_REASON_TRADE_ONLY:
	case DESK_REASON_NO_BOOKING:
		break;
	default:
		return 0;
	}
	for (size_t i = 0; i < d->d.n_more; i++)
		if (d->d.more[i].kind != DESK_CANT_ANSWER)
			return 0;
	return 1;
}

/* The reply was only about what goes to the person: it can be replaced.
 * "Which day suits you?" beside "a person will answer" pushed a booking
 * before the question was answered, and read as two minds: reviewers
 * graded none of 17 German such replies good, 3 of 19 French (reviews
 * de AP s41, fr AP s48, fr AQ c11.2). The person answers the question;
 * the desk keeps what it asked for, so a day sent next still books. */
static int sole(const struct desk_result *d)
{
	/* the emergency number stays, whatever is said beside it */
	if (d->q.crisis)
		return 0;
	if (only_asks_back(d))
		return 1;
	return d->d.n_more == 0 &&
	       (d->d.kind == DESK_CANT_ANSWER ||
		d->d.kind == DESK_NOT_UNDERSTOOD || d->d.kind == DESK_GREETING);
}

/* Is h live for another text of its customer at now? */
static int live(const struct store_handoff *h, int64_t now)
{
	if (h->last_in_at > h->answered_at)
		return h->last_in_at >= now - HANDOFF_OPEN_SECONDS;
	return h->answered_at >= now - HANDOFF_ANSWER_SECONDS;
}

/* Tell the customer a person will text back: replace the desk's reply when
 * it was only about this, else add it when it fits. */
static void tell_customer(const struct catalog *cat, int64_t now,
			  struct desk_result *d)
{
	int64_t open = 0;
	char when[32], text[DESK_REPLY_MAX], both[DESK_REPLY_MAX];
	int on_duty = handoff_on_duty(cat, now, &open);
	int max = cat->policy.max_segments;

	when[0] = '\0';
	if (!on_duty && open > 0)
		hw_time_in(cat, d->d.lang, open, now, when, sizeof(when));
	struct lang_var v[] = {
	    {.name = "when", .value = when},
	    {.name = "business", .value = cat->business_name},
	};
	/* In the language the desk answered the customer in. */
	const char *tpl = on_duty || open == 0 ? "handoff" : "handoff_later";
	if (d->d.sorry) /* a complaint: sorry first */
		tpl = on_duty || open == 0 ? "handoff_sorry"
					   : "handoff_sorry_later";
	if (d->d.kind == DESK_CANT_ANSWER && strcmp(d->d.subject, "late") == 0)
		tpl = "handoff_late"; /* on their way: thanks, no answer due */
	hw_render_in(cat, d->d.lang, tpl, v, 2, NULL, max, text, sizeof(text));
	if (sole(d) || d->n_replies == 0) {
		snprintf(d->replies[0], sizeof(d->replies[0]), "%s", text);
		d->n_replies = 1;
		return;
	}
	size_t a = strlen(d->replies[0]), b = strlen(text);
	/* before the business's name that signs the reply, never after it
	 * ("... Porsuk Teknik Servis Mesajınızı ekibe ilettim": review tr
	 * AB s02) */
	size_t sig =
	    cat->business_name != NULL ? strlen(cat->business_name) : 0;
	if (sig > 0 && sig + 1 < a && d->replies[0][a - sig - 1] == ' ' &&
	    strcmp(d->replies[0] + a - sig, cat->business_name) == 0 &&
	    a + 1 + b < sizeof(both)) {
		size_t head = a - sig; /* up to and with the space */
		memcpy(both, d->replies[0], head);
		memcpy(both + head, text, b);
		both[head + b] = ' ';
		memcpy(both + head + b + 1, cat->business_name, sig + 1);
		if (lang_segments(both) <= max) {
			memcpy(d->replies[0], both, a + b + 2);
			return;
		}
	}
	if (a + 1 + b < sizeof(both)) {
		memcpy(both, d->replies[0], a);
		both[a] = ' ';
		memcpy(both + a + 1, text, b + 1);
		if (lang_segments(both) <= max) {
			memcpy(d->replies[0], both, a + b + 2);
			return;
		}
	}
	/* too long beside the answer: told in a text of its own */
	if (d->n_replies < DESK_MAX_REPLIES)
		snprintf(d->replies[d->n_replies++], sizeof(d->replies[0]),
			 "%s", text);
}

/* The one line a further question for the person gets. */
static void tell_more(const struct catalog *cat, struct desk_result *d)
{
	struct lang_var v[] = {
	    {.name = "business", .value = cat->business_name}};
	hw_render_in(cat, d->d.lang, "handoff_more", v, 1, NULL,
		     cat->policy.max_segments, d->replies[0],
		     sizeof(d->replies[0]));
	d->n_replies = 1;
}

static const char *why_word(const char *subject)
{
	if (subject == NULL || subject[0] == '\0' ||
	    strcmp(subject, "other") == 0)
		return "person";
	return subject;
}

static int open_new(struct store *st, const struct catalog *cat,
		    const struct store_inbox_msg *msg, const char *why,
		    int64_t now, struct store_handoff *h)
{
	int64_t id = 0;
	char code[STORE_CODE_MAX];
	int rc = STORE_ERR_FULL;

	for (int len = 2; rc == STORE_ERR_FULL && len <= 4; len++)
		rc = store_handoff_open(st, msg->id, why, len,
					now - HANDOFF_CODE_DAYS * 86400LL, now,
					&id, code);
	if (rc < 0)
		return rc;
	if (strcmp(why, "not understood") == 0) {
		/* the texts the desk missed before this one, for context */
		int64_t ids[MISSED_CONTEXT];
		int64_t since =
		    now - (int64_t)cat->policy.conversation_minutes * 60;
		int n = store_inbox_ids_since(st, msg->sender, since, msg->id,
					      ids, MISSED_CONTEXT);
		for (int i = 0; rc >= 0 && i < n; i++)
			rc = store_handoff_add(st, id, ids[i], now);
		if (n < 0)
			rc = n;
		if (rc < 0)
			return rc;
	}
	return store_handoff_get(st, id, h);
}

int handoff_customer(struct store *st, const struct catalog *cat,
		     const struct store_inbox_msg *msg, const char *sender,
		     int64_t now, unsigned flags, struct desk_result *desk,
		     struct handoff_result *out)
{
	struct store_handoff h;
	const char *why = "";
	char masked[LOG_NUMBER_MAX];
	enum trigger t;
	int rc, is_live = 0, fresh = 0;
	int64_t h_last_in = 0;

	memset(out, 0, sizeof(*out));
	if (forward_staff(cat) == 0)
		return STORE_OK; /* nobody to hand it to */
	t = classify(desk, &why);
	if (t == T_NONE)
		return STORE_OK;
	rc = store_handoff_of(st, msg->sender, now - HANDOFF_OPEN_SECONDS, &h);
	if (rc == STORE_OK) {
		is_live = live(&h, now);
		h_last_in = h.last_in_at;
		/* a burst or a repeat of one question is told once */
		fresh = h.n_texts < HANDOFF_TOLD_MORE &&
			h.last_in_at < now - 60 &&
			(h.last_text == NULL || msg->text == NULL ||
			 strcmp(h.last_text, msg->text) != 0);
		store_handoff_clear(&h);
	} else if (rc != STORE_ERR_NOT_FOUND) {
		return rc;
	}
	/* a follow-up joins only a handoff of the conversation going on */
	if (t == T_FOLLOW &&
	    (!is_live ||
	     h_last_in < now - (int64_t)cat->policy.conversation_minutes * 60))
		return STORE_OK;
	if (is_live) {
		rc = store_handoff_add(st, h.id, msg->id, now);
		if (rc == STORE_OK)
			rc = store_handoff_get(st, h.id, &h);
		if (rc < 0)
			return rc;
		out->what = HANDOFF_MORE;
		if (follows_up(desk) && fresh)
			tell_more(cat, desk);
		else if (follows_up(desk))
			desk->n_replies = 0;
		else if (sole(desk) && t == T_STRONG && fresh)
			/* "can you call me then?" after the first: silence
			 * read as ignored (reviews es AA c08.2, fr AA c20.2,
			 * de AA c15.2); a short word that it is with them */
			tell_more(cat, desk);
		else if (sole(desk))
			desk->n_replies = 0; /* the customer was told */
	} else {
		if (t == T_WEAK && desk->d.kind == DESK_NOT_UNDERSTOOD) {
			int64_t n = 0;
			rc = store_not_understood_since(
			    st, sender,
			    now -
				(int64_t)cat->policy.conversation_minutes * 60,
			    &n);
			if (rc < 0)
				return rc;
			if (n >= 2)
				t = T_STRONG;
		}
		if (t != T_STRONG)
			return STORE_OK;
		rc = open_new(st, cat, msg, why_word(why), now, &h);
		if (rc < 0)
			return rc;
		out->what = HANDOFF_NEW;
		tell_customer(cat, now, desk);
	}
	snprintf(out->code, sizeof(out->code), "%s", h.code);
	rc = forward(st, cat, &h, now, flags, desk->q.crisis, &out->forwards,
		     &out->held);
	log_info("message %lld from %s handed to staff as #%s (%s): %s",
		 (long long)msg->id, log_number(sender, masked, sizeof(masked)),
		 h.code, h.why,
		 out->forwards > 0 ? "forwarded"
		 : out->held	   ? "held until open or within the limits"
				   : "nothing to forward");
	store_handoff_clear(&h);
	return rc;
}

int handoff_release(struct store *st, const struct catalog *cat, int64_t now)
{
	struct store_handoff_list list = {0};
	int rc, total = 0;

	if (forward_staff(cat) == 0 || !handoff_on_duty(cat, now, NULL))
		return 0;
	rc = store_begin(st);
	if (rc < 0)
		return rc;
	rc = store_handoff_waiting(st, now - HANDOFF_OPEN_SECONDS, 1, &list);
	for (size_t i = 0; rc >= 0 && i < list.n; i++) {
		int queued = 0, held = 0;
		rc = forward(st, cat, &list.v[i], now, 0, 0, &queued, &held);
		total += queued;
	}
	store_handoff_list_free(&list);
	if (rc >= 0)
		rc = store_commit(st);
	if (rc < 0) {
		store_rollback(st);
		return rc;
	}
	return total;
}

/* ---- answering a customer -----------------------------------------------
 */

static int answer_in(struct store *st, const struct catalog *cat,
		     const char *ref, const char *text, const char *by,
		     int64_t now, unsigned flags, struct handoff_answer *out)
{
	struct sms_plan_options po = {.national_shift =
					  cat->policy.national_shift};
	struct store_handoff h;
	struct sms_plan plan;
	char code[STORE_CODE_MAX];
	int have = 0, rc;

	/* a code ("#K7", 2..4 characters of the code alphabet) or a
	 * number (longer, and with digits the alphabet lacks) */
	if (handoff_code_normalise(ref, code) == 0) {
		snprintf(out->code, sizeof(out->code), "%s", code);
		rc = store_handoff_by_code(st, code,
					   now - HANDOFF_REPLY_SECONDS, &h);
		if (rc == STORE_ERR_NOT_FOUND)
			return HANDOFF_NO_SUCH;
		if (rc < 0)
			return rc;
		have = 1;
		if (hc_customer(cat, &h, out->to, sizeof(out->to)) != 0) {
			store_handoff_clear(&h);
			return HANDOFF_NO_SUCH;
		}
	} else {
		if (phone_kind(ref, -1) == PHONE_KIND_SHORT_CODE ||
		    outbox_number(ref, cat->country, out->to,
				  sizeof(out->to)) != PHONE_OK)
			return HANDOFF_NOT_NUMBER;
		rc = store_handoff_of(st, out->to, now - HANDOFF_REPLY_SECONDS,
				      &h);
		if (rc < 0 && rc != STORE_ERR_NOT_FOUND)
			return rc;
		have = rc == STORE_OK;
		if (have)
			snprintf(out->code, sizeof(out->code), "%s", h.code);
	}
	if (have) {
		out->inbox_id = h.inbox_id;
		store_handoff_clear(&h);
	}
	if (text == NULL || text[strspn(text, " \t\r\n")] == '\0')
		return HANDOFF_EMPTY;
	sms_plan_with(text, &po, &plan);
	out->segments = plan.segments;
	if (plan.segments > cat->policy.max_segments)
		return HANDOFF_TOO_LONG;
	rc = store_is_opted_out(st, out->to, NULL);
	if (rc < 0)
		return rc;
	if (rc == 1)
		return HANDOFF_OPTED_OUT;
	rc = hw_queue(st, cat, out->to, text, STORE_ORIGIN_STAFF, out->inbox_id,
		      cat->policy.max_segments, now, flags, &out->msg_id);
	if (rc == STORE_ERR_ARG)
		return HANDOFF_NOT_NUMBER;
	if (rc < 0)
		return rc;
	if (have)
		rc = store_handoff_answered(st, h.id, by, now);
	return rc < 0 ? rc : HANDOFF_SENT;
}

int handoff_answer(struct store *st, const struct catalog *cat, const char *ref,
		   const char *text, const char *by, int64_t now,
		   unsigned flags, struct handoff_answer *out)
{
	int own = !store_in_transaction(st);
	int rc;

	memset(out, 0, sizeof(*out));
	if (own && (rc = store_begin(st)) < 0)
		return rc;
	rc = answer_in(st, cat, ref, text, by, now, flags, out);
	if (!own)
		return rc;
	if (rc == HANDOFF_SENT) {
		int c = store_commit(st);
		if (c < 0) {
			store_rollback(st);
			return c;
		}
		return rc;
	}
	store_rollback(st);
	return rc;
}
