/* inquiry: the main intent of a text, from everything the reader saw. */
#include "smsdesk/inquiry.h"

#include "inquiry_read.h"

#include "smsdesk/text.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* ---- intents ------------------------------------------------------------ */

/* Words that opt out however they stand ("unsubscribe, I meant it"). */
static int hard_stop_word(const char *w)
{
	return strcmp(w, "unsubscribe") == 0 || strcmp(w, "optout") == 0 ||
	       strcmp(w, "unsub") == 0 || strcmp(w, "stopall") == 0;
}

/* Nothing but polite words, greetings, "no" and words for us from FROM up
 * to AT: "Bitte, hört auf" speaks to us; "Unserer hört auf" has a subject
 * of its own. */
static int only_polite_before(const struct reader *r, size_t from, size_t at)
{
	for (size_t i = from; i < at; i++)
		if (!(r->t[i].eff & (LW_FILLER | LW_THANKS | LW_ACK | LW_GREET |
				     LW_NO | LW_YES | LW_CONJ | LW_STOP_OBJ)))
			return 0;
	return 1;
}

/*
 * Opt-out in ordinary words: STOP, UNSUBSCRIBE, "please stop", "stop
 * texting me", "opt out", "Stop.", "remove my number from your list" —
 * in any short sentence of a text ("too expensive. pls stop texting me"),
 * with only polite words or words that mean us around it. "stop by
 * tomorrow" and "can't stop sneezing" are not. A weak phrase ("take me
 * off") is an opt-out only when the text says nothing about a booking:
 * "can't make thursday, can you take me off" is a cancel.
 */
/* After a stop phrase ending at token I (before TO): "of" and a word that
 * is none of ours ("del curso", "from the gym"), fillers between. */
static int other_object_after(const struct reader *r, size_t i, size_t to)
{
	while (i < to && (r->t[i].cls & LW_SELF)) /* "unsubscribe me from" */
		i++;
	if (i >= to || !(r->t[i].cls & LW_RELATIVE))
		return 0;
	for (size_t k = i + 1; k < to; k++) {
		const struct tok *t = &r->t[k];
		if (t->cls & (LW_STOP_OBJ | LW_STOP))
			return 0;
		if (t->cls & LW_FILLER)
			continue;
		return 1;
	}
	return 0;
}

static int opt_out_in(const struct reader *r, size_t from, size_t to,
		      int booking_talk)
{
	size_t n = to - from;
	int at = -1;

	if (n == 0 || n > 12)
		return 0;
	int lone = 0;
	for (size_t i = from; i < to; i++) {
		const struct tok *t = &r->t[i];
		/* "stop by", "Stopp, ich meinte": that stop word is none; a
		 * stop phrase after it still is ("stopp, ich meinte: keine
		 * sms mehr") */
		if (t->eff & LW_NOT_STOP)
			continue;
		/* "Para" (es): a stop word that is also a filler ("para
		 * el viernes") opts out only as the whole message */
		if (!(t->plen > 1 && (t->pcls & LW_STOP)) &&
		    (t->cls & LW_STOP) && (t->cls & LW_FILLER)) {
			lone = 1;
			continue;
		}
		if (at < 0 && ((t->pcls | t->cls) & LW_STOP))
			at = (int)i;
	}
	if (at < 0 && lone && r->n <= 3) {
		for (size_t i = 0; i < r->n; i++)
			if (!(r->t[i].cls & (LW_STOP | LW_STOP_OBJ)))
				return 0;
		return 1; /* "PARA", "para ya" */
	}
	if (at < 0)
		return 0;
	const struct tok *s = &r->t[at];
	int phrase = (s->pcls & LW_STOP) && s->plen > 1;
	uint64_t scls = phrase ? s->pcls : s->cls;
	if ((scls & LW_STOP_WEAK) && booking_talk)
		return 0;
	if ((phrase ? s->pval : s->val) == LW_STOP_VERB &&
	    !only_polite_before(r, from, (size_t)at))
		return 0;
	/* "quiero darme de baja del curso": the phrase's object is
	 * something else (the course, the gym), never our texts: for a
	 * person (review es AJ s60 opted out a customer who asked for a
	 * refund) */
	if (other_object_after(r, (size_t)at + (phrase ? (size_t)s->plen : 1),
			       to))
		return 0;
	/* A phrase (opt out, remove me) or a word other than stop/end/quit
	 * is enough in a short sentence. */
	/* Up to 12 words: "je voudrais annuler tous mes rdv et ne plus
	 * être contacté" (11) is an opt-out beside a cancel (review fr3). */
	if (phrase)
		return n <= 12;
	if (hard_stop_word(s->w))
		return 1;
	/* stop/end/quit: only with polite words and words for us. */
	int to_us = 0;
	for (size_t i = from; i < to; i++) {
		const struct tok *t = &r->t[i];
		if (t->eff & LW_STOP)
			continue;
		if (t->cls & LW_STOP_OBJ) {
			to_us = 1;
			continue;
		}
		if (t->cls & (LW_FILLER | LW_THANKS | LW_ACK | LW_GREET |
			      LW_SELF | LW_YES | LW_CONJ))
			continue;
		if (strcmp(t->w, "just") == 0 || strcmp(t->w, "asap") == 0)
			continue;
		return 0;
	}
	/* "end" and "quit" alone mean opt out only as the whole message. */
	if (strcmp(s->w, "stop") != 0 && strcmp(s->w, "stopp") != 0 &&
	    strcmp(s->w, "stahp") != 0 && !to_us && r->n > 3)
		return 0;
	return 1;
}

/* Token I lies inside a longer phrase about the past that starts before
 * it: "otro día" (another day, a move) in "la manicura del otro día". */
static int inside_past(const struct reader *r, size_t i)
{
	for (size_t k = 1; k <= 5 && k <= i; k++) {
		const struct tok *t = &r->t[i - k];
		if ((size_t)t->plen > k && (t->pcls & LW_PAST))
			return 1;
	}
	return 0;
}

/* A move word not inside a phrase about the past ("del otro día"). */
static int move_word(const struct reader *r)
{
	for (size_t i = 0; i < r->n; i++)
		if ((r->t[i].eff & LW_MOVE) && !inside_past(r, i))
			return 1;
	return 0;
}

/* Token I is a bare stop word ("Stopp," "stop sorry", "wait stop"): one
 * stop word, no stop phrase over it, first in its piece of the text but
 * for fillers, "no", "wait", and nothing after it that means us ("stop
 * texting", "stop sms"). */
static int bare_stop(const struct reader *r, size_t i)
{
	const struct tok *t = &r->t[i];
	if (!(t->cls & LW_STOP) || (t->cls & LW_STOP_WEAK) ||
	    hard_stop_word(t->w) || (t->plen > 1 && (t->pcls & LW_STOP)))
		return 0;
	for (size_t k = 1; k <= 6 && k <= i; k++) {
		const struct tok *p = &r->t[i - k];
		if ((size_t)p->plen > k && (p->pcls & LW_STOP))
			return 0;
	}
	for (size_t k = i; k-- > 0 && r->t[k].segment == t->segment;)
		if (!(r->t[k].eff &
		      (LW_FILLER | LW_NO | LW_CORRECT | LW_GREET | LW_ACK)))
			return 0;
	return !(i + 1 < r->n && r->t[i + 1].segment == t->segment &&
		 (r->t[i + 1].eff & (LW_STOP | LW_STOP_OBJ)));
}

/* A plain correction starts at token I: "I meant", "my mistake". */
static int clear_correction(const struct tok *t)
{
	return (t->cls & LW_MEANT) || (t->plen > 1 && (t->pcls & LW_MEANT)) ||
	       ((t->cls & LW_CORRECT) && t->val == LW_CORRECT_CLEAR) ||
	       (t->plen > 1 && (t->pcls & LW_CORRECT) &&
		t->pval == LW_CORRECT_CLEAR);
}

/*
 * "Stop, sorry, I meant Friday", "Stopp, ich hab mich vertan. Ich meinte
 * Freitag nächste Woche": every stop word of the text a bare one, and a
 * plain correction after the first that names a day, time or service
 * (NAMES). The customer halts us to put a booking right; an opt-out would
 * lose the correction and cut off their reminders (review de10 c15.2).
 * Anything else that may be an opt-out ("stop, I meant stop texting me",
 * "I meant Friday. Stop.", "Stopp, ich hab mich vertan" with nothing
 * named) and the opt-out wins.
 */
static int halts_to_correct(const struct reader *r, int names)
{
	int stop = -1;
	if (!names)
		return 0;
	for (size_t i = 0; i < r->n; i++) {
		if (!(r->t[i].eff & LW_STOP))
			continue;
		if (!bare_stop(r, i))
			return 0;
		if (stop < 0)
			stop = (int)i;
	}
	for (size_t i = (size_t)stop + 1; stop >= 0 && i < r->n; i++)
		if (clear_correction(&r->t[i]))
			return 1;
	return 0;
}

static int opt_out(const struct reader *r, int names)
{
	if (r->n == 0 || r->n > 40 || !rd_has(r, LW_STOP))
		return 0;
	if (halts_to_correct(r, names))
		return 0;
	/* About a booking, besides the weak phrase itself (which is also a
	 * cancel word: "take me off for saturday"). */
	int booking_talk = 0;
	for (size_t i = 0; i < r->n; i++)
		booking_talk |=
		    !(r->t[i].eff & LW_STOP_WEAK) &&
		    (r->t[i].eff & (LW_CANCEL | LW_BOOKING | LW_MINE | LW_MOVE |
				    LW_WEEKDAY)) != 0;
	for (size_t i = 0; i < r->n;) {
		size_t k = i;
		while (k < r->n && r->t[k].segment == r->t[i].segment)
			k++;
		if (opt_out_in(r, i, k, booking_talk))
			return 1;
		i = k;
	}
	return 0;
}

static int opt_in(const struct reader *r)
{
	if (r->n == 0 || r->n > 5 || !rd_has(r, LW_START))
		return 0;
	for (size_t i = 0; i < r->n; i++)
		if (!(r->t[i].eff & (LW_START | LW_FILLER | LW_THANKS |
				     LW_STOP_OBJ | LW_SELF | LW_GREET)))
			return 0;
	return 1;
}

static int only_emoji_or_marks(const char *raw)
{
	const unsigned char *p = (const unsigned char *)raw;
	int any = 0;
	for (; *p != '\0'; p++) {
		if (isalnum(*p) && *p < 0x80)
			return 0;
		if (!isspace(*p))
			any = 1;
	}
	return any;
}

static int raw_is_question_mark(const char *raw)
{
	while (isspace((unsigned char)*raw))
		raw++;
	if (*raw != '?')
		return 0;
	while (*raw == '?')
		raw++;
	while (isspace((unsigned char)*raw))
		raw++;
	return *raw == '\0';
}

/* W is a word of the name of a service read in the text ("cuanto es la
 * carga" beside "aire acondicionado": Carga de aire acondicionado, review
 * es4): never a thing asked that we don't know. */
static int in_read_service_name(const struct reader *r, const struct inquiry *q,
				const char *w)
{
	char name[256];
	size_t wl = strlen(w);
	for (size_t k = 0; k < q->n_things && r->cat != NULL; k++) {
		if (q->things[k].kind != CAT_SERVICE)
			continue;
		text_fold(r->cat->services[q->things[k].idx].name, name,
			  sizeof(name));
		for (const char *p = strstr(name, w); p != NULL;
		     p = strstr(p + 1, w))
			if ((p == name || !isalnum((unsigned char)p[-1])) &&
			    !isalnum((unsigned char)p[wl]))
				return 1;
	}
	return 0;
}

/* Is W the word the services of q->kin share? */
static int kin_word(const struct reader *r, const struct inquiry *q,
		    const char *w)
{
	return q->n_kin >= 2 && rd_name_holds_word(r->cat, q->kin[0], w) &&
	       rd_name_holds_word(r->cat, q->kin[1], w);
}

/*
 * "do you do massages", "can I book a tattoo", "price of a facial": the
 * content word right after such a lead (past "a", "you", "my") names the
 * thing asked for. Only there: a customer's own name elsewhere is not a
 * request. Returns 2 when it was asked for ("do you do", "offer", "book",
 * trade work, a booking word outside a question), 1 when only asked
 * about ("how much are glasses", "can I get a copy ...?", "is there
 * disabled access"), 0 when nothing was named.
 */
static int asked_something(const struct reader *r, struct inquiry *q)
{
	for (size_t i = 0; i < r->n; i++) {
		const struct tok *t = &r->t[i];
		/* "do" leads only as "you do ...": in "do you treat back
		 * pain", "do I need to wear" the word after is a verb */
		int you_do = strcmp(t->w, "do") == 0 &&
			     ((i > 0 && (strcmp(r->t[i - 1].w, "you") == 0 ||
					 strcmp(r->t[i - 1].w, "u") == 0 ||
					 strcmp(r->t[i - 1].w, "ya") == 0)) ||
			      /* "do you fix carbon frames" */
			      (i + 2 < r->n &&
			       (strcmp(r->t[i + 1].w, "you") == 0 ||
				strcmp(r->t[i + 1].w, "u") == 0) &&
			       (r->t[i + 2].eff & LW_TRADE)));
		int offer =
		    (strcmp(t->w, "do") != 0 && rd_offer_verb(r, t->w)) ||
		    you_do;
		int lead = (t->cls & LW_BOOK) || (t->eff & LW_PRICE) || offer;
		/* "vcs fazem sobrancelha de henna?": a question word leads
		 * in a question that names nothing we know and no time
		 * (the packs mark "do you do" in their words as questions) */
		if (!lead && (t->cls & LW_QUESTION) && r->qmark &&
		    q->n_things == 0 && !q->when.mentioned)
			lead = 1;
		/* "do you have a courtesy car": a question about us */
		if (lead && i > 0 && strcmp(t->w, "have") == 0 &&
		    (strcmp(r->t[i - 1].w, "you") == 0 ||
		     strcmp(r->t[i - 1].w, "u") == 0))
			lead = 0;
		if (!lead)
			continue;
		size_t j = i + 1;
		int object_said = 0; /* "do it cheaper": the object is "it" */
		while (j < r->n &&
		       (r->t[j].cls &
			    (LW_FILLER | LW_BOOK | LW_SELF | LW_QUESTION |
			     LW_PRONOUN | LW_NUMBER | LW_TRADE) ||
			(r->t[j].eff & LW_PRICE) ||
			(j > i && rd_offer_verb(r, r->t[j].w))) &&
		       r->t[j].thing == 0) {
			/* "... kommen? lg Jana": a sign-off, then a name */
			if (r->t[j].eff & (LW_ACK | LW_THANKS | LW_BYE)) {
				j = r->n;
				break;
			}
			object_said |= strcmp(r->t[j].w, "it") == 0 ||
				       strcmp(r->t[j].w, "them") == 0 ||
				       strcmp(r->t[j].w, "that") == 0;
			/* "do you do", "vcs fazem": asked for; "how much to
			 * replace a bulb": trade work */
			offer |= j > i && (rd_offer_verb(r, r->t[j].w) ||
					   rd_job_verb(r, r->t[j].w));
			j++;
		}
		if (j >= r->n || object_said)
			continue;
		const struct tok *s = &r->t[j];
		/* An everyday word counts only after a strong lead ("do you
		 * do wheel building"), not "do you get busy". */
		int strong =
		    offer || strcmp(t->w, "book") == 0 || (t->eff & LW_PRICE);
		uint64_t cls =
		    strong && !(s->eff & (LW_DATEWORD | LW_WEEKDAY | LW_TODAY))
			? s->eff & ~LW_COMMON
			: s->eff;
		if (s->thing != 0 || cls != 0 || strlen(s->w) < 3 ||
		    rd_has_digit(s->w) || rd_is_ref_like(s->w, 0) ||
		    rd_not_named(r, s->w))
			continue;
		if (q->ref[0] != '\0' && strcasecmp(s->w, q->ref) == 0)
			continue;
		/* "Hab ein Vorstellungsgespräch um 10": the customer's own
		 * (review de AY s58 handed it to the team) */
		if (s->segment >= 0 && s->segment < 32 &&
		    (q->own_event & (1u << s->segment)))
			continue;
		if (in_read_service_name(r, q, s->w) || kin_word(r, q, s->w))
			continue;
		/* "my spaniel", "our van": what is theirs is what the work is
		 * on, not what they ask us for */
		if (j > 0 && (r->t[j - 1].cls & LW_OWNER))
			continue;
		/* Only where nothing we know was named in that clause. */
		int known = 0;
		for (size_t k = 0; k < q->n_things; k++)
			known |= q->things[k].kind >= 0 &&
				 q->things[k].clause == s->clause;
		if (known)
			continue;
		snprintf(q->asked_word, sizeof(q->asked_word), "%s", s->w);
		/* "wheel builds", "eyebrow waxing": the words after it */
		for (size_t k = j + 1; k < r->n && k < j + 3; k++) {
			uint64_t e = r->t[k].eff;
			if (r->t[k].thing != 0 || (e & ~LW_COMMON) != 0 ||
			    rd_has_digit(r->t[k].w) ||
			    rd_not_named(r, r->t[k].w))
				break;
			size_t l = strlen(q->asked_word);
			snprintf(q->asked_word + l, sizeof(q->asked_word) - l,
				 " %s", r->t[k].w);
		}
		/* "recovery" from "need recovery, broke down on the a34" */
		rd_job_name(r, j, q->asked_word, sizeof(q->asked_word));
		/* asked for: "do you do", "offer", "book", trade work, or a
		 * booking word outside a question ("need a new battery") */
		/* "how much is a clutch replacement": trade work named */
		for (size_t k = j; k < r->n && k < j + 4 && !offer; k++)
			offer = rd_job_verb(r, r->t[k].w);
		if (offer || (strong && !(t->eff & LW_PRICE)))
			return 2;
		return (t->cls & LW_BOOK) && !r->qmark && !(t->eff & LW_PRICE)
			   ? 2
			   : 1;
	}
	/* "tubeless setup?": a short question about a thing we don't know */
	if (r->qmark && r->n <= 3 && q->n_things == 0) {
		for (size_t i = 0; i < r->n; i++) {
			const struct tok *s = &r->t[i];
			if (s->eff != 0 || strlen(s->w) < 4 ||
			    rd_has_digit(s->w) || rd_is_ref_like(s->w, 0) ||
			    rd_not_named(r, s->w))
				continue;
			snprintf(q->asked_word, sizeof(q->asked_word), "%s",
				 s->w);
			return 2; /* a bare name asked: asked for */
		}
	}
	return 0;
}

static int things_asked(const struct inquiry *q, int kind)
{
	int n = 0;
	for (size_t k = 0; k < q->n_things; k++)
		n += q->things[k].kind == kind &&
		     (q->things[k].role == INQ_ASKED ||
		      q->things[k].role == INQ_OBJECT);
	return n;
}

/* A topic asked for by a phrase of its own ("işitme cihazı"). */
static int topic_phrase(const struct inquiry *q)
{
	for (size_t k = 0; k < q->n_things; k++)
		if (q->things[k].kind == CAT_TOPIC &&
		    q->things[k].role == INQ_ASKED &&
		    strchr(q->things[k].word, ' ') != NULL)
			return 1;
	return 0;
}

static int has_word(const struct reader *r, const char *w)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->t[i].w, w) == 0)
			return 1;
	return 0;
}

/* A booking word, except a "like" that only compares ("drives like new",
 * not "i'd like", "would like"). */
static int wants_something(const struct reader *r)
{
	static const char *const want[] = {"would", "d",  "id",
					   "i'd",   "wd", "i"};
	for (size_t i = 0; i < r->n; i++) {
		if (!(r->t[i].eff & LW_BOOK))
			continue;
		if (strcmp(r->t[i].w, "like") != 0 || i == 0)
			return 1;
		for (size_t k = 0; k < sizeof want / sizeof want[0]; k++)
			if (strcmp(r->t[i - 1].w, want[k]) == 0)
				return 1;
	}
	return 0;
}

/* The one word that is neither thanks nor an acknowledgement is an
 * everyday word ("lovely stuff"), not a name of something. */
static int other_is_common(const struct reader *r, uint64_t ack_set)
{
	for (size_t i = 0; i < r->n; i++)
		if (!(r->t[i].eff & ack_set))
			return r->t[i].eff == LW_COMMON;
	return 0;
}

/* Every word thanks or acknowledges; with a thanks word, one word in three
 * may be anything else ("thanks Dave", "cheers for fixing it"). */
static int thanks_only(const struct reader *r, uint64_t ack_set)
{
	size_t other = 0;
	if (!rd_has(r, LW_THANKS | LW_ACK))
		return 0;
	for (size_t i = 0; i < r->n; i++)
		other += !(r->t[i].eff & ack_set);
	if (other == 0)
		return 1;
	/* "thanks for fixing it, i'd like to book again" asks for something */
	if (rd_has(r, LW_BOOK))
		return 0;
	if (!rd_has(r, LW_THANKS))
		return other == 1 && !rd_has(r, LW_QUESTION) &&
		       (r->n >= 3 || other_is_common(r, ack_set));
	return other <= 1 || other * 3 <= r->n ||
	       (other * 2 <= r->n && !rd_has(r, LW_QUESTION | LW_BOOK));
}

/* "pode ser o primeiro horario", "the first one": the earliest read
 * from an ordinal 1 — a pick when a list is open (the desk reads it as
 * the earliest when none is; review pt5 c06). */
/* The choice read is a lone digit among other words, none of which marks
 * it as an option ("3 is fine", never "3", "option 3", "the 3rd"). */
static int loose_digit(const struct reader *r)
{
	int digit = 0, other = 0;
	for (size_t i = 0; i < r->n; i++) {
		const struct tok *t = &r->t[i];
		if (t->w[0] >= '1' && t->w[0] <= '9' && t->w[1] == '\0')
			digit = 1;
		else if (isdigit((unsigned char)t->w[0]) ||
			 (t->eff & (LW_CHOICE | LW_ORDINAL)))
			return 0;
		/* "1 please", "2 svp": a courtesy beside the number leaves
		 * it the option (a day's list spread across it often holds
		 * 13:00 or 14:00) */
		else if ((t->eff & ~(LW_FILLER | LW_COMMON)) != 0 ||
			 t->eff == 0)
			other = 1;
	}
	return digit && other;
}

static int first_named(const struct reader *r, const struct inquiry *q)
{
	if (q->when.time != WHEN_TIME_ASAP || q->when.has_day ||
	    q->when.has_range)
		return 0;
	for (size_t i = 0; i < r->n; i++) {
		const struct tok *t = &r->t[i];
		if ((t->plen > 1 && (t->pcls & LW_ORDINAL) && t->pval == 1) ||
		    ((t->cls & LW_ORDINAL) && t->val == 1))
			return 1;
	}
	return 0;
}

/* A "will come back to us" phrase (LW_BYE and LW_ACK: "ill text you
 * back", "ill call instead") and only yes, ack, thanks or filler words
 * beside it. */
static int later_only(const struct reader *r)
{
	const uint64_t later = LW_BYE | LW_ACK;
	int seen = 0, no = 0;
	for (size_t i = 0; i < r->n; i++) {
		const struct tok *t = &r->t[i];
		if (t->plen >= 2 && (t->pcls & later) == later) {
			seen = 1;
			i += (size_t)t->plen - 1;
			continue;
		}
		if (!(t->eff & (LW_YES | LW_ACK | LW_THANKS | LW_FILLER |
				LW_GREET | LW_NO)) ||
		    t->thing != 0)
			return 0;
		/* "não obrigado, depois eu vejo": a no to what we asked,
		 * answered as one */
		if ((t->eff & LW_NO) && !(t->eff & later))
			no = 1;
	}
	return seen && !no;
}

/* A help word outside a thanks phrase: "danke für die Info", "obrigada
 * pela info" thank us for what we said, they never ask for the menu (review
 * de11 s49, pt11 s52 were answered with it). */
static int help_unthanked(const struct reader *r)
{
	size_t thanked_to = 0;
	for (size_t i = 0; i < r->n; i++) {
		const struct tok *t = &r->t[i];
		if (t->plen > 1 && (t->pcls & LW_THANKS) &&
		    i + (size_t)t->plen > thanked_to)
			thanked_to = i + (size_t)t->plen;
		if ((t->eff & LW_HELP) && i >= thanked_to &&
		    !(t->plen > 1 && (t->pcls & LW_THANKS)))
			return 1;
	}
	return 0;
}

/* A question for a person, or a "running late" for the counter: never
 * read as asking about their bookings ("j'ai rdv demain mais je serai en
 * retard"). */
static int for_person(const struct inquiry *q)
{
	return q->not_text == LANG_NT_OTHER || q->not_text == LANG_NT_LATE ||
	       q->cancel_terms;
}

static void set(struct inquiry *q, enum inq_intent intent, const char *rule)
{
	q->intent = intent;
	q->rule = rule;
}

/* Is token I inside a pack phrase that starts before it and is not of
 * class CLS ("pas" in "je peux pas": a "can't", not a "don't")? */
static int in_other_phrase(const struct reader *r, int i, uint64_t cls)
{
	for (int k = i - 1; k >= 0 && k >= i - 5; k--)
		if (r->t[k].plen > i - k)
			return !(r->t[k].pcls & cls);
	return 0;
}

static size_t unread_words(const struct reader *r);
static int only_the_question(const struct reader *r);
static int told_of_the_past(const struct reader *r, const struct inquiry *q);
static int praises(const struct reader *r, const struct inquiry *q);
static int thanks_lead(const struct reader *r, const struct inquiry *q);
static int question_opens_a_piece(const struct reader *r);
/* Words at least in a story of a visit gone by ("ich war gestern da" is
 * too short to tell one: it may begin a booking). */
enum { TOLD_WORDS = 8 };
/* Words at least in thanks that praise a visit ("vielen Dank, super" is a
 * plain thanks, left without a reply). */
enum { PRAISE_WORDS = 7 };
/* Words at most in a question about a day that asks our hours. */
enum { HOURS_QUESTION_WORDS = 10 };

/* "me dais cita? el finde no puedo", "cita el lunes q yo no llego",
 * "no puedo a esa hora, teneis algo mas tarde?": the cancel word AT is a
 * negated "can't" phrase, and beside it the text asks for something (a
 * booking verb or a question) with no other cancel word and no booking of
 * theirs named: a condition on a request, never a cancel (review es9
 * s39, s67, c12) */
static int cant_within_request(const struct reader *r, int at)
{
	int end = at + (r->t[at].plen > 1 ? r->t[at].plen : 1);
	int asks = r->qmark;
	if (r->t[at].plen < 2 || !(r->t[at].cls & LW_NEGATE) ||
	    rd_has(r, LW_MINE))
		return 0;
	for (int k = 0; k < (int)r->n; k++) {
		if (k >= at && k < end)
			continue;
		if ((r->t[k].cls | r->t[k].pcls) & LW_CANCEL)
			return 0;
		/* "corte el viernes, el lunes no puedo": a thing named
		 * in another piece is what they ask for */
		if ((r->t[k].cls & LW_BOOK) ||
		    (r->t[k].thing != 0 && r->t[k].segment != r->t[at].segment))
			asks = 1;
	}
	return asks;
}

/* A number or a day is said in a piece after piece SEG ("Kann ich auf 16
 * Uhr?", "Geht Samstag auch?"). */
static int asked_in_later_piece(const struct reader *r, int seg)
{
	for (size_t k = 0; k < r->n; k++)
		if (r->t[k].segment > seg &&
		    (rd_has_digit(r->t[k].w) ||
		     (r->t[k].eff & (LW_WEEKDAY | LW_DATEWORD | LW_TODAY))))
			return 1;
	return 0;
}

/* Is a day named in the piece of text holding token AT, with nothing
 * asked there (a booking verb, a thing)? "el finde no puedo": the day
 * they can't; "cita el lunes q yo no llego": the day wanted. */
static int day_by_cant(const struct reader *r, int at)
{
	int day = 0;
	for (size_t k = 0; k < r->n; k++) {
		if (r->t[k].segment != r->t[at].segment)
			continue;
		if ((r->t[k].cls & LW_BOOK) || r->t[k].thing != 0)
			return 0;
		day |=
		    (r->t[k].eff & (LW_WEEKDAY | LW_DATEWORD | LW_TODAY)) != 0;
	}
	return day;
}

/* The day or span read is one they can't: never offered, asked again. */
static void set_aside_day(struct inquiry *q)
{
	if (q->when.has_day)
		q->when.day_not_meant = 1;
	if (q->when.has_range) {
		q->when.has_range = 0;
		q->when.unsure = 1;
	}
}

/* A booking word not inside a phrase that only asks ("gostaria de saber
 * se vocês atendem no Natal": "gostaria" there books nothing; review pt10
 * s44 got the menu beside the answer). */
static int books_outright(const struct reader *r)
{
	for (size_t i = 0; i < r->n; i++) {
		if (!(r->t[i].eff & LW_BOOK))
			continue;
		int asks = 0;
		for (size_t m = i >= 5 ? i - 5 : 0; m <= i && !asks; m++)
			asks = r->t[m].plen > (int)(i - m) &&
			       (r->t[m].pcls & LW_QUESTION) &&
			       !(r->t[m].pcls & LW_BOOK);
		/* "bis wann kann man abends Termine bekommen?": the verb of
		 * an hours question before it in its own question piece
		 * (review de AA s21 got the menu) */
		int seg = r->t[i].segment;
		for (size_t m = 0; m < i && !asks; m++)
			asks = seg >= 0 && seg < MAX_SEGMENTS &&
			       r->seg_q[seg] && r->t[m].segment == seg &&
			       ((r->t[m].eff | r->t[m].pcls) & LW_HOURS);
		if (!asks)
			return 1;
	}
	return 0;
}

/* The first word no service is read by, that two services' names or more
 * hold ("banho" of "Banho cão porte pequeno", "Banho de gato"): those
 * services, in q->kin. Only where no service was read at all. */
static void name_kin(const struct reader *r, struct inquiry *q)
{
	const struct catalog *cat = r->cat;
	q->n_kin = 0;
	if (cat == NULL || things_asked(q, CAT_SERVICE) > 0)
		return;
	/* which of several only for a booking asked, never a price or a
	 * complaint about the thing the names share (review de W s22, s41) */
	int books =
	    (rd_has(r, LW_BOOK | LW_BOOKING | LW_AVAIL) || q->when.mentioned) &&
	    !rd_has(r, LW_PRICE);
	for (size_t i = 0; i < r->n; i++) {
		const struct tok *t = &r->t[i];
		if (t->thing != 0 || strlen(t->w) < 4 ||
		    (t->eff & ~(LW_COMMON | LW_TRADE)) != 0 ||
		    rd_has_digit(t->w))
			continue;
		/* "depilación masculina": a kind we do not list, for a
		 * person, never the waxings to choose from */
		const struct tok *next = i + 1 < r->n ? &r->t[i + 1] : NULL;
		if (next != NULL && next->segment == t->segment &&
		    next->thing == 0 && next->eff == 0 &&
		    strlen(next->w) >= 4 && !rd_has_digit(next->w))
			continue;
		size_t n = 0, kin[INQ_MAX_KIN];
		for (size_t k = 0; k < cat->n_services && n < INQ_MAX_KIN; k++)
			if (rd_name_holds_word(cat, k, t->w))
				kin[n++] = k;
		/* two or more: which of them; one ("pequeno" after "which
		 * bath?"): that one, where the desk asked which */
		if (n >= 2 && !books) /* "was kostet ein Hörgerät?" */
			continue;
		if (n >= 2 || (n == 1 && q->n_kin == 0)) {
			memcpy(q->kin, kin, n * sizeof kin[0]);
			q->n_kin = n;
		}
		if (n >= 2)
			return;
	}
}

void rd_decide_intent(const struct reader *r, const char *text,
		      struct inquiry *q)
{
	name_kin(r, q);
	/* "habe morgen um 14 Uhr einen Termin ... erst um 15 Uhr" */
	if (q->held_moved && q->not_text < 0 && !q->crisis) {
		set(q, INQ_MOVE, "a booking told, another time asked: a move");
		return;
	}
	int retest = rd_retest(r, q);
	int kind = !retest && rd_other_kind(r, q);
	int thing = q->n_matches > 0;
	int svc = things_asked(q, CAT_SERVICE) > 0;
	int how = retest || kind ? 2 : asked_something(r, q);
	if (how == 0 && !thing && rd_job_asked(r, q))
		how = 2;
	int asked = how > 0;
	/* "how much are glasses" at an optician, "is there disabled
	 * access", "do you do varifocals" where a person answers: not ours
	 * to refuse — the desk hands it to a person, or says honestly it
	 * can't answer that by text */
	q->asked_about = asked && !retest && !rd_may_say_no(r, q, how == 2);
	/* "do you use genuine parts", "can you do it cheaper": for a person */
	if (!thing && !q->when.mentioned && !q->asks &&
	    (q->not_text < 0 || q->not_text == LANG_NT_STATUS) &&
	    rd_asks_about_us(r)) {
		asked = 0;
		q->not_text = LANG_NT_OTHER;
	}
	q->asked_thing = asked;
	q->thanks = rd_has(r, LW_THANKS | LW_BYE);
	for (size_t i = 0; i < r->n; i++)
		q->takes |= (r->t[i].cls & LW_CHOICE) && (r->t[i].cls & LW_YES);
	q->meant = rd_has(r, LW_MEANT);
	int time = q->when.mentioned;
	int trade = q->trade;
	uint64_t ack_set = LW_THANKS | LW_ACK | LW_FILLER | LW_GREET | LW_YES |
			   LW_SELF | LW_PRONOUN;

	if (r->n == 0) {
		if (raw_is_question_mark(text))
			set(q, INQ_HELP, "a question mark alone");
		else if (only_emoji_or_marks(text))
			set(q, INQ_THANKS, "emoji only");
		else
			set(q, INQ_UNKNOWN, "no words");
		return;
	}
	if (rd_has(r, LW_AUTO)) {
		set(q, INQ_AUTO_REPLY, "a phone's auto-reply");
		return;
	}
	if (opt_out(r, q->when.mentioned || svc)) {
		set(q, INQ_STOP, "opt-out words");
		return;
	}
	if (opt_in(r)) {
		set(q, INQ_START, "opt-in words");
		return;
	}
	/* "about 4", "around 5": a time (the reader reads no bare number as
	 * one), never the number of an option */
	/* "el 1" just after a numbered list: the desk may take it as the
	 * option when no option falls on that day (review es7 c04) */
	if (rd_number_is_mday(&q->when) && q->n_things == 0)
		q->mday_choice = rd_choice_of(r);
	if ((q->when.time == WHEN_TIME_NONE || first_named(r, q)) &&
	    !rd_number_is_mday(&q->when) && (q->choice = rd_choice_of(r)) > 0) {
		set(q, INQ_CHOICE, "a number picked");
		q->choice_loose = loose_digit(r);
		return;
	}
	/* "I'll text you back", "ok I'll call instead": the customer will
	 * come back to us; nothing booked, moved or picked, no reply */
	if (!thing && !time && !q->asks && !r->qmark && later_only(r)) {
		set(q, INQ_THANKS, "will come back to us");
		return;
	}
	int negated_cancel = 0;
	int at = rd_where(r, LW_CANCEL, NULL);
	if (at > 0 && (r->t[at - 1].cls & LW_NEGATE) &&
	    !(r->t[at].pcls & LW_CANCEL) &&
	    r->t[at - 1].segment == r->t[at].segment &&
	    !in_other_phrase(r, at - 1, LW_NEGATE))
		negated_cancel = 1; /* "don't cancel"; not "je peux pas,
				     * annulez" */
	if (at >= 0 && r->t[at].plen > 1 && (r->t[at].pcls & LW_NOT_TEXT))
		negated_cancel = 1; /* "your cancellation policy" */
	/* "iptal etmeyin": a pack phrase whose negation follows the cancel
	 * word (tr6 c18) */
	if (at >= 0 && r->t[at].plen > 1 && (r->t[at].pcls & LW_NEGATE) &&
	    !(r->t[at].pcls & LW_CANCEL))
		negated_cancel = 1;
	/* "can I still cancel if something comes up", "bis wann kann ich
	 * absagen": a phrase asking about their booking covers the cancel
	 * word — whether one can, never a cancel (review de2 c08.3) */
	for (int j = 0; at >= 0 && j <= at; j++) {
		if (r->t[j].plen < 2 ||
		    !(r->t[j].pcls & (LW_MINE | LW_NOT_TEXT)) ||
		    r->t[j].pcls & LW_CANCEL)
			continue;
		for (int k = j; k < j + r->t[j].plen && k < (int)r->n; k++)
			if (r->t[k].cls & LW_CANCEL)
				negated_cancel = 1;
	}
	/* "Bin 10 min später da, der Bus kommt nicht": on their way, late,
	 * never a cancel (review de AC c06.2 cancelled the booking) */
	if (q->not_text == LANG_NT_LATE)
		negated_cancel = 1;
	/* "ich bin ziemlich enttäuscht. Letzte Woche wurde unser Termin
	 * kurzfristig abgesagt": a grievance about a cancel gone by, for a
	 * person with a sorry, never "no booking to cancel" (review de AI
	 * s41) */
	if (q->complaint &&
	    (q->when.problem == WHEN_PAST || rd_has(r, LW_PAST)))
		negated_cancel = 1;
	/* "le cours de 20h hier soir a été annulé ? ... Je suis venue pour
	 * rien": a class gone by can be cancelled by no one; the text tells
	 * of it (review fr AK s62 got "no booking to cancel") */
	if (q->when.problem == WHEN_PAST && q->ref[0] == '\0' &&
	    !rd_has(r, LW_MOVE))
		negated_cancel = 1;
	/* "Kaç saat önce iptal etmem lazım?", "bis wann muss ich absagen,
	 * damit ich nicht zahlen muss?": the terms asked, no booking named:
	 * for a person, never "no booking to cancel" (reviews tr AF s59, tr
	 * AD s37, de AD2 s56) */
	if (q->cancel_terms && (r->qmark || q->question) && !q->when.has_day &&
	    q->ref[0] == '\0')
		negated_cancel = 1;
	/* "can't come till 2, can you do a bath then": when they can */
	for (int k = at + (at >= 0 && r->t[at].plen > 0 ? r->t[at].plen : 1);
	     at >= 0 && k < (int)r->n && k <= at + 5; k++)
		if (r->t[k].eff & LW_UNTIL)
			negated_cancel = 1;
	if (at >= 0 && !negated_cancel) {
		int kept = 1;
		if (q->when.has_day &&
		    ((q->gone_when.has_day &&
		      ((q->asks & INQ_ASK_AVAIL) || r->qmark)) ||
		     ((q->asks & INQ_ASK_AVAIL) &&
		      r->t[at].segment + 1 < r->n_segs)))
			set(q, INQ_MOVE,
			    rd_has(r, LW_MINE | LW_BOOKING)
				? "can't the booking's day, asks for another: "
				  "a move"
				: "can't one day, asks for another: a change");
		else if (rd_has(r, LW_MOVE) && (time || q->same_time))
			set(q, INQ_MOVE, "cancel with a new time: a move");
		else if (q->same_time && q->when.has_day &&
			 (r->qmark || (q->asks & INQ_ASK_AVAIL)))
			/* "sabado nao vou poder, consegue segunda no mesmo
			 * horario?": another day at the same time, asked —
			 * a move, never a bare cancel (review pt5 c02) */
			set(q, INQ_MOVE,
			    "can't one day, asks another at the "
			    "same time: a move");
		else if (q->correction && q->when.has_day &&
			 (q->when.has_not_day || q->gone_when.has_day))
			/* "el jueves no puedo, mejor el viernes": one day
			 * set aside, another said instead */
			set(q, INQ_MOVE, "can't one day, says another: a move");
		/* ... a clock time said: "Je dois annuler le rendez-vous de
		 * samedi finalement" names the booking's own day, a cancel
		 * (review fr AN c04.2 was told it held that booking) */
		else if (q->correction && time && q->when.has_day &&
			 q->when.time == WHEN_TIME_AT && !q->when.day_not_meant)
			/* "iptal edin lütfen, yeni randevu cuma 13 olsun",
			 * "cancel it, make it friday at 1": a cancel and the
			 * day and time wanted instead is a move (review tr8
			 * c12) */
			set(q, INQ_MOVE,
			    "cancel, then the day and time "
			    "wanted instead: a move");
		else if (time &&
			 (q->when.time == WHEN_TIME_AT || q->when.has_day) &&
			 r->qmark && asked_in_later_piece(r, r->t[at].segment))
			/* "Ach nee, geht doch nicht. Kann ich auf 16 Uhr?",
			 * "da muss ich arbeiten. Geht Samstag auch?": can't,
			 * then another time or day asked in a piece of its
			 * own: a move (reviews de BA c12.2 cancelled and
			 * booked nothing, de BC c18.3 moved within Friday) */
			set(q, INQ_MOVE, "can't, asks another time: a move");
		else if (cant_within_request(r, at)) {
			kept = 0; /* read on as the request it is */
			if (day_by_cant(r, at))
				set_aside_day(q); /* "el finde no puedo" */
		} else
			set(q, INQ_CANCEL, "cancel words");
		if (kept)
			return;
	}
	if (time && rd_moves_mine(r)) {
		set(q, INQ_MOVE, "their booking to a new time: a move");
		return;
	}
	int bare = 0; /* "make it 3": a number the when-reader left alone */
	for (size_t i = 0; i < r->n && !time; i++)
		bare |= rd_is_digits(r->t[i].w) && strlen(r->t[i].w) <= 4;
	int strong_move = 0;
	for (size_t i = 0; i < r->n; i++)
		/* "instead", "statt", "en vez de" (a move word that also
		 * corrects) moves nothing alone: "Brautkleider leihen statt
		 * kaufen?" (review de AM s09 was told it had no booking to
		 * move) */
		strong_move |=
		    !inside_past(r, i) &&
		    (((r->t[i].cls & LW_MOVE) && !(r->t[i].cls & LW_CORRECT) &&
		      strcmp(r->t[i].w, "change") != 0) ||
		     (r->t[i].plen > 1 && (r->t[i].pcls & LW_MOVE) &&
		      !(r->t[i].pcls & LW_CORRECT)));
	/* "Gracias, ya os escribiré para otro día": they will come back,
	 * nothing to move now (review es AN c03.2 was told there was no
	 * booking to move) */
	int comes_back = 0;
	for (size_t i = 0;
	     i < r->n && !q->when.has_day && q->when.time == WHEN_TIME_NONE;
	     i++)
		comes_back |=
		    (r->t[i].plen > 1 && (r->t[i].pcls & LW_BYE) &&
		     r->t[i].pval == LW_BYE_OPEN) ||
		    ((r->t[i].cls & LW_BYE) && r->t[i].val == LW_BYE_OPEN);
	if (rd_has(r, LW_MOVE) && !svc && !comes_back &&
	    (time || bare || q->ref[0] != '\0' ||
	     rd_has(r, LW_BOOKING | LW_MINE) || r->n <= 3 || strong_move ||
	     q->same_time)) {
		set(q, INQ_MOVE, "move words");
		return;
	}
	if (rd_has(r, LW_MOVE) && svc && (strong_move || rd_has(r, LW_MINE))) {
		set(q, INQ_MOVE, "move words with a service");
		return;
	}
	if (q->correction && !svc && (time || bare || q->same_time)) {
		set(q, INQ_MOVE, "a correction with a new time");
		return;
	}
	/* "vous êtes bien le cabinet de kiné ?", "is this the barbers?":
	 * who we are, asked with the trade's word; no booking asked */
	size_t lead = 0;
	while (lead < r->n && (r->t[lead].cls & (LW_GREET | LW_FILLER)) &&
	       !(r->t[lead].plen > 1 && (r->t[lead].pcls & LW_HELP)))
		lead++;
	if (lead < r->n && r->t[lead].plen > 1 && (r->t[lead].pcls & LW_HELP) &&
	    r->qmark && !time &&
	    !rd_has(r, LW_BOOK | LW_BOOKING | LW_PRICE | LW_AVAIL |
			   LW_DURATION | LW_HOURS | LW_MINE | LW_NOT_TEXT |
			   LW_EARLIEST)) {
		set(q, INQ_HELP, "who we are, asked");
		return;
	}
	/* "quais serviços vcs fazem e os preços?", "what services do you
	 * do and how much?", "hizmetleriniz neler, fiyat listesi atar
	 * mısınız": the prices, which name the services too (reviews pt10
	 * s40, tr10 S59 got the names alone), read below */
	if (help_unthanked(r) && !thing && !time &&
	    (!trade || !rd_has(r, LW_BOOK | LW_NOT_TEXT)) &&
	    !rd_has(r, LW_PRICE) && !(q->asks & INQ_ASK_PRICE)) {
		set(q, INQ_HELP, "help words");
		return;
	}
	/* "yarın 14:00 manikür randevum vardı, hala geçerli mi?", "is my
	 * haircut on friday still on?": a question about a booking they
	 * hold, even with its service named — never a new offer (review
	 * tr1 S094). Only a phrase of several words says so, or the customer
	 * asked as the subject of "booked" (inquiry_mine.c). */
	int mine_asked = rd_mine_asked(r, q), mine_phrase = mine_asked;
	int mine_word = 0;
	for (size_t i = 0; i < r->n; i++) {
		/* "que no tengo cita todavía": no booking held, told (review
		 * es AL c02.2 got "no booking found" for a booking asked) */
		if (i > 0 && (r->t[i - 1].cls & LW_NEGATE) &&
		    !(r->t[i - 1].cls & LW_MINE))
			continue;
		mine_phrase |= r->t[i].plen > 1 && (r->t[i].pcls & LW_MINE);
		mine_word |= (r->t[i].cls & LW_MINE) != 0 ||
			     (r->t[i].plen > 1 && (r->t[i].pcls & LW_MINE));
	}
	if (svc &&
	    (mine_asked ||
	     (mine_phrase && !rd_has(r, LW_BOOK | LW_MOVE | LW_CANCEL))) &&
	    !(q->asks & INQ_ASK_PRICE) && !for_person(q)) {
		set(q, INQ_MY_BOOKINGS, "asks about a booking of theirs");
		return;
	}
	/* "complaint - I waited past my appointment": for a person; "hab
	 * ich heute um 14 Uhr bei Ihnen Termin?" asks the same (review de
	 * AS s16 got the menu) */
	if ((mine_word || mine_phrase || mine_asked) && !svc &&
	    !(q->asks & INQ_ASK_PRICE) && !for_person(q)) {
		set(q, INQ_MY_BOOKINGS, "asks about own bookings");
		return;
	}
	if (!thing && !time && (r->t[0].eff & LW_YES) &&
	    rd_all_of(r, LW_YES | LW_ACK | LW_THANKS | LW_FILLER | LW_PRONOUN |
			     LW_BOOK | LW_SELF) &&
	    !r->qmark) {
		set(q, INQ_YES, "yes words");
		return;
	}
	/* "ok tant pis", "ok never mind": an ok for what was said, then the
	 * no (review fr6 c15) */
	size_t no_at = r->n > 1 && (r->t[0].eff & (LW_YES | LW_ACK)) &&
			       !(r->t[0].eff & LW_NO) && (r->t[1].eff & LW_NO)
			   ? 1
			   : 0;
	if (!thing && !time && r->n <= 5 + no_at && (r->t[no_at].eff & LW_NO) &&
	    !(r->t[0].eff & LW_CHOICE && r->n > 1 && rd_has_digit(r->t[1].w))) {
		set(q, INQ_NO, "no words");
		return;
	}
	/* Thanks and acknowledgements: every word one (a name or one other
	 * word allowed beside a thanks), nothing asked, no time. */
	if (!thing && !q->asks && q->not_text < 0 && !time && !r->qmark &&
	    thanks_only(r, ack_set)) {
		q->praise = praises(r, q);
		set(q, INQ_THANKS, "thanks or an acknowledgement");
		return;
	}
	/* "thx for fixing the car, drives like new": thanks for work done,
	 * nothing asked, no time, no "but": no reply */
	if (!thing && !q->asks && q->not_text < 0 && !time && !r->qmark &&
	    r->n >= 3 && (r->t[0].eff & LW_THANKS) &&
	    strcmp(r->t[1].w, "for") == 0 &&
	    !rd_has(r, LW_QUESTION | LW_NEGATE) && !wants_something(r) &&
	    !has_word(r, "but") && !has_word(r, "book")) {
		set(q, INQ_THANKS, "thanks for work done");
		return;
	}
	if (!thing && !trade && !q->asks && q->not_text < 0 &&
	    rd_has(r, LW_BYE) && !rd_has(r, LW_BOOK | LW_QUESTION) &&
	    !r->qmark) {
		set(q, INQ_THANKS, "a goodbye");
		return;
	}
	/* "hi", "good morning!" ("morning" is no booking time here) */
	if ((r->t[0].eff & LW_GREET) && !thing && !trade && !asked &&
	    !q->asks && q->not_text < 0 && r->n <= 8 &&
	    !rd_has(r, LW_BOOK | LW_BOOKING | LW_HELP) &&
	    (!time || rd_all_of(r, LW_GREET | LW_FILLER | LW_ACK | LW_THANKS |
				       LW_SELF))) {
		set(q, INQ_GREETING, "a greeting");
		return;
	}
	/* "me encantó el resultado de las pestañas, mil gracias": thanks
	 * for a service had, nothing asked: no reply, no new offer; "merci
	 * pour hier, super soin", "thanks for yesterday, great facial": a
	 * day gone by beside a past word ("hier") is the visit thanked for
	 * (review fr8 s079) */
	/* "Vielen Dank für die tolle Sitzung gestern, mir geht es schon
	 * viel besser!": "geht es" inside its piece, no '?', asks nothing;
	 * praise is thanked back (review de AQ s20 was handed on) */
	int praised = praises(r, q) && !question_opens_a_piece(r);
	/* "Vielen Dank für die tolle Betreuung im Wochenbett! Sie waren
	 * ein Engel": praise at length is of a visit had, no past word
	 * needed (review de AU s18 was offered another) */
	int gone_by = rd_has(r, LW_PAST) || q->when.problem == WHEN_PAST;
	if (thing && (!q->when.has_day || q->when.problem == WHEN_PAST) &&
	    q->when.time == WHEN_TIME_NONE && !r->qmark && !q->asks &&
	    q->not_text < 0 && rd_has(r, LW_THANKS) && (gone_by || praised) &&
	    !rd_has(r, LW_BOOK | LW_CANCEL) &&
	    (!rd_has(r, LW_QUESTION) || praised) && !move_word(r)) {
		/* thanks with a sentence of how they are since: thanked
		 * back; a plain "merci pour hier, super soin" stays
		 * unanswered */
		q->praise = praised && (rd_has(r, LW_QUESTION) || !gone_by);
		set(q, INQ_THANKS, "thanks for a service had");
		return;
	}
	/* "I had a massage yesterday and I'm sore, is that normal?": a
	 * question about a service had, for a person */
	if (svc && q->not_text < 0 && q->when.problem == WHEN_PAST &&
	    rd_has(r, LW_PAST) && (r->qmark || q->question))
		q->not_text = LANG_NT_OTHER;
	/* "mes semelles faites chez vous il y a 2 semaines me font mal":
	 * pain from a service had, no day ahead asked: a complaint, for a
	 * person with a sorry, never the service booked again (review fr P
	 * c14.1) */
	if (svc && (q->not_text < 0 || q->not_text == LANG_NT_OTHER) &&
	    q->when.time == WHEN_TIME_NONE &&
	    (!q->when.has_day || q->when.problem == WHEN_PAST) &&
	    rd_has(r, LW_PAST) && rd_has(r, LW_SYMPTOM)) {
		q->not_text = LANG_NT_OTHER;
		q->complaint = 1;
	}
	/* "speak to someone about my dog's haircut last week": a service
	 * in the past is no booking */
	int ahead = time && q->when.problem != WHEN_PAST && !rd_has(r, LW_PAST);
	/* "whats included in an interim service": a word not understood as
	 * a date is no day ahead */
	if (q->when.unsure && !q->when.has_day && !q->when.has_range &&
	    q->when.time == WHEN_TIME_NONE)
		ahead = 0;
	/* "saat pili değiştiriyor musunuz", "işitme cihazı satıyor
	 * musunuz": a topic the catalog answers (its honest no and
	 * referral) is asked, not a question for a person; a sale only when
	 * the topic's own phrase names it ("vendéis cera para el pelo" is
	 * hair wax, not the waxing topic) (review tr6 s14, s15) */
	int topic_only = !svc && things_asked(q, CAT_TOPIC) > 0 &&
			 (q->not_text == LANG_NT_OTHER ||
			  (q->not_text == LANG_NT_SALES && topic_phrase(q)));
	if (topic_only)
		q->not_text = -1;
	/* "Ich komm heute 10 min später zum Zumba": the minutes late are no
	 * booking time, the service named is the one they are late for
	 * (review de AF s62 offered Zumba at 10:10) */
	if (q->not_text == LANG_NT_LATE && q->when.time_rule != NULL &&
	    strcmp(q->when.time_rule, "in N minutes") == 0)
		ahead = 0;
	/* "bu akşam 9'da maçımız vardı 15 dk gecikicez": late for the
	 * match they hold, never a new booking at its time (review tr AI
	 * s27 booked a second pitch) */
	if (q->not_text == LANG_NT_LATE && !rd_has(r, LW_MOVE | LW_CANCEL))
		ahead = 0;
	if (q->not_text >= 0 &&
	    (!svc || q->not_text == LANG_NT_SALES ||
	     q->not_text == LANG_NT_STATUS || q->gift || !ahead)) {
		set(q, INQ_NOT_TEXT, "a question only a person can answer");
		return;
	}
	if (q->asks & INQ_ASK_DURATION) {
		set(q, INQ_DURATION, "how long");
		return;
	}
	if (q->asks & INQ_ASK_PRICE) {
		set(q, INQ_PRICE, "price words");
		return;
	}
	if ((q->asks & INQ_ASK_HOURS) && !svc && !books_outright(r)) {
		set(q, INQ_HOURS, "opening hours words");
		return;
	}
	if ((q->asks & (INQ_ASK_AVAIL | INQ_ASK_EARLIEST)) &&
	    (!rd_has(r, LW_BOOK | LW_YES) ||
	     (q->when.time == WHEN_TIME_NONE && !q->when.has_day &&
	      q->question))) {
		set(q, INQ_AVAIL, "availability words");
		return;
	}
	/* "Great massage yesterday, thank you" (review r10 s113 got "that
	 * date has passed. Which day suits you"): thanks for a visit on a
	 * day gone, with no booking word and nothing asked, is thanks */
	/* "Obrigada pelo atendimento de ontem", "Teşekkürler, bugünkü
	 * dersten çok memnun kaldım": opening with thanks, the visit itself
	 * may be named, and today's is one had too (review pt W s25, tr W
	 * s21 got the menu) */
	int opens_thanks = r->n > 0 && (r->t[0].eff & LW_THANKS);
	/* "merci pour le rappel, je serai bien là demain": a thanks for
	 * something (a phrase of three words or more) opening the text,
	 * the day only when they come (review fr X s43 got the menu) */
	int thanks_for = opens_thanks && r->t[0].plen >= 3 &&
			 (r->t[0].pcls & LW_THANKS) && !thing;
	int gone = q->when.problem == WHEN_PAST || thanks_for ||
		   (opens_thanks && q->today && !q->when.day_explicit);
	if (q->thanks && q->when.has_day && gone &&
	    q->when.time == WHEN_TIME_NONE && !q->asks && !r->qmark &&
	    !rd_has(r, LW_BOOK | LW_CANCEL | LW_MOVE) &&
	    (opens_thanks || !rd_has(r, LW_BOOKING))) {
		/* at length, praise: thanked back */
		q->praise = praises(r, q);
		set(q, INQ_THANKS, "thanks for a visit gone");
		return;
	}
	/* "Vielen Dank für die tolle Betreuung von Paul, er spricht jetzt
	 * viel deutlicher! 🙏": thanks opening a text of praise that asks
	 * and books nothing is thanked back, never "not understood"
	 * (review de AI s52) */
	/* "merci beaucoup pour le cours de ce matin, c'était top !": the
	 * visit of today (review fr AK s34 got the menu) */
	/* "... ich hab mein Traumkleid gefunden!!": "hab" tells, books
	 * nothing (review de AM s25 got the menu) */
	int book_verb = 0;
	for (size_t i = 0; i < r->n; i++)
		book_verb |=
		    (r->t[i].eff & LW_BOOK) && !(r->t[i].cls & LW_AM_I);
	if (praises(r, q) && !thing && !asked && q->not_text < 0 && !q->asks &&
	    (q->when.time == WHEN_TIME_NONE || q->today) && !book_verb &&
	    !rd_has(r, LW_BOOKING | LW_CANCEL | LW_MOVE | LW_AVAIL | LW_MINE |
			   LW_NO | LW_STOP)) {
		q->praise = 1;
		set(q, INQ_THANKS, "thanks at length: thanked back");
		return;
	}
	/* "merci beaucoup, Filou est magnifique !! 😍": thanks with a few
	 * words of our work beside them, nothing asked: a thanks, never
	 * "not understood" (review fr AY s40) */
	if (thanks_lead(r, q) && !thing && !asked && !trade &&
	    q->not_text < 0 && !q->asks && !q->when.mentioned && !book_verb &&
	    !rd_has(r, LW_BOOKING | LW_CANCEL | LW_MOVE | LW_AVAIL | LW_MINE |
			   LW_NO | LW_STOP) &&
	    !question_opens_a_piece(r)) {
		set(q, INQ_THANKS, "thanks with a word beside: no reply");
		return;
	}
	/* "Seid ihr heute bis 19 Uhr da?", "wann habt ihr am Wochenende
	 * auf?": a short question naming a day and nothing we do, no clock
	 * time, no word of booking and none we don't know ("is Mr Patel
	 * teaching on saturday?" is about a person), asks when we are open
	 * that day, not which service (reviews de AD2 s10, s12 got the
	 * menu) */
	if (!thing && !asked && !trade && r->qmark && q->not_text < 0 &&
	    !q->same_time && !q->correction && !q->when.has_anchor &&
	    (q->when.has_day || q->when.has_range) &&
	    q->when.time != WHEN_TIME_AT && q->when.problem == WHEN_FINE &&
	    r->n <= HOURS_QUESTION_WORDS && only_the_question(r) &&
	    unread_words(r) == 0 && !rd_names_staff(r) &&
	    !rd_has(r, LW_BOOK | LW_BOOKING | LW_AVAIL | LW_SELF | LW_CANCEL |
			   LW_MOVE | LW_MINE | LW_PRICE | LW_DURATION)) {
		q->asks |= INQ_ASK_HOURS;
		q->hours_of_day = 1;
		set(q, INQ_HOURS, "a short question about a day: hours");
		return;
	}
	/* "Haben Sie auch Abendtermine?", "vous faites consultation le soir
	 * après 19h ?": a part of the day asked about, no day, no service
	 * and no booking verb: our hours say whether we are open then,
	 * never the menu of services (reviews de AR s57, fr AR s45) */
	if (!thing && !asked && !trade && r->qmark && q->not_text < 0 &&
	    !q->correction && !q->when.has_day && !q->when.has_range &&
	    q->when.time == WHEN_TIME_WINDOW && !rd_names_staff(r) &&
	    !(q->asks & (INQ_ASK_PRICE | INQ_ASK_DURATION)) &&
	    !rd_has(r, LW_BOOK | LW_CANCEL | LW_MOVE | LW_MINE)) {
		q->asks |= INQ_ASK_HOURS;
		set(q, INQ_HOURS, "a part of the day asked about: hours");
		return;
	}
	/* "j'ai été facturée 80€ pour un simple suivi la semaine dernière
	 * ... Pouvez-vous vérifier ?", "War gestern bei euch und die Matten
	 * waren verrutscht": a visit gone by told, naming nothing of ours
	 * and no booking, with only a courtesy verb ("pouvez-vous") to read
	 * as one, is for a person, never the menu of services (reviews fr AH
	 * c13.1, de AH s41) */
	/* "Ich wollte nur kurz sagen, dass ich mit der Behandlung letzte
	 * Woche sehr zufrieden war. Danke an ... das ganze Team!": a visit
	 * gone by told with thanks and nothing asked is praise, thanked
	 * back (review de BC s41 was handed on) */
	if (!thing && !asked && !trade && q->not_text < 0 && !r->qmark &&
	    !q->complaint && rd_has(r, LW_THANKS) &&
	    !rd_has(r, LW_NO | LW_CANCEL | LW_MOVE | LW_BOOK) &&
	    told_of_the_past(r, q)) {
		q->praise = 1;
		set(q, INQ_THANKS, "a visit gone by told with thanks: praise");
		return;
	}
	if (!thing && !asked && !trade && q->not_text < 0 &&
	    told_of_the_past(r, q)) {
		q->not_text = LANG_NT_OTHER;
		set(q, INQ_NOT_TEXT, "a visit gone by told: for a person");
		return;
	}
	/* "ayer vinieron a limpiar mi sofá y sigue oliendo a humedad",
	 * "Vim buscar minhas fotos impressas ontem e estavam com as cores
	 * todas erradas": a visit gone by told with its service named, no
	 * booking verb and no day ahead, is for a person, never "which day
	 * for the sofa?" (reviews es AM c09.1, pt AK c09.1) */
	if (thing && !trade && q->not_text < 0 && !time &&
	    !rd_has(r, LW_BOOK | LW_PRICE | LW_DURATION) &&
	    told_of_the_past(r, q)) {
		q->not_text = LANG_NT_OTHER;
		set(q, INQ_NOT_TEXT,
		    "a visit gone by told, its service named: for a person");
		return;
	}
	/* "un rdv stp", "an appointment please": the booking noun alone
	 * asks for one (which service is asked back) */
	int bare_booking =
	    rd_has(r, LW_BOOKING) &&
	    rd_all_of(r, LW_BOOKING | LW_FILLER | LW_GREET | LW_THANKS);
	if (thing || time || asked || rd_has(r, LW_BOOK) || bare_booking) {
		if (!thing && trade && !asked) {
			set(q, INQ_TRADE, "names the trade, no service");
			return;
		}
		set(q, INQ_BOOK,
		    thing   ? "a service or topic named"
		    : asked ? "asked for a thing by name"
			    : "booking words or a time");
		return;
	}
	if (trade) {
		set(q, INQ_TRADE, "names the trade, no service");
		return;
	}
	/* "Bonjour, mon chien est un peu agressif avec les inconnus, c'est
	 * possible quand même ?": a question in words we can't read is for
	 * a person, even after a hello (fr3 s35, fr4 s26) */
	if (q->greeting && r->qmark && unread_words(r) >= 3) {
		q->not_text = LANG_NT_OTHER;
		set(q, INQ_NOT_TEXT, "a question not understood: for a person");
		return;
	}
	if (q->greeting) {
		set(q, INQ_GREETING, "a greeting with words not understood");
		return;
	}
	/* "how do i leave a review": a question we can't read is one only a
	 * person can answer, not a text we didn't catch */
	if (r->n >= 3 &&
	    (strncmp(r->t[0].w, "wh", 2) == 0 ||
	     strncmp(r->t[0].w, "how", 3) == 0) &&
	    (r->t[0].eff & LW_QUESTION) && !q->refers_back &&
	    !rd_has(r, LW_DATEWORD | LW_WEEKDAY | LW_BOOKING | LW_MINE)) {
		q->not_text = LANG_NT_OTHER;
		set(q, INQ_NOT_TEXT, "a question not understood: for a person");
		return;
	}
	set(q, INQ_UNKNOWN, "nothing recognised");
}

/* The text tells of a day gone by ("hier", "letzte Woche") and of no day
 * ahead, at some length, with no booking noun and no word of availability,
 * cancelling, moving or the customer's own bookings: a story, not a
 * request. */
static int told_of_the_past(const struct reader *r, const struct inquiry *q)
{
	int past = q->when.problem == WHEN_PAST || rd_has(r, LW_PAST);
	/* "le cours de 20h hier soir a été annulé ?": a cancel gone by is
	 * told, a time gone by is the visit's (review fr AK s62) */
	uint64_t not_cls =
	    LW_BOOKING | LW_AVAIL | LW_MOVE | LW_EARLIEST | LW_HOURS;
	if (q->when.problem != WHEN_PAST)
		not_cls |= LW_CANCEL;
	/* "Fiz um penteado ontem e desmanchou em 2 horas": yesterday and
	 * "in 2 hours" disagree; told in the past, the story's (review pt
	 * AL s43 asked which day for a hairdo) */
	int told_amb =
	    q->when.problem == WHEN_AMBIGUOUS_DATE && rd_has(r, LW_PAST);
	return past && r->n >= TOLD_WORDS &&
	       (q->when.time == WHEN_TIME_NONE ||
		q->when.problem == WHEN_PAST || told_amb) &&
	       (q->when.problem == WHEN_PAST || !q->when.mentioned ||
		told_amb) &&
	       !rd_has(r, not_cls);
}

/* Thanks opening the text (after a hello), at length, with no goodbye or
 * no in it: praise, thanked back ("Merci beaucoup pour la séance, je me
 * sens vraiment beaucoup mieux", "... c'était top !"), where "ok merci, à
 * demain, bonne journée" closes and gets no reply. */
static int praises(const struct reader *r, const struct inquiry *q)
{
	return r->n >= PRAISE_WORDS && thanks_lead(r, q);
}

/* The text opens with thanks (after a greeting or an "again") and asks
 * nothing: no '?', no goodbye or no, no day ahead. */
static int thanks_lead(const struct reader *r, const struct inquiry *q)
{
	/* "Nochmal danke für die tolle Behandlung heute": thanks after a
	 * greeting or an "again" (review de AL s24 got the menu) */
	size_t lead = 0;
	while (lead < 2 && lead + 1 < r->n &&
	       (r->t[lead].eff & (LW_GREET | LW_BACK)) &&
	       !(r->t[lead].eff & LW_THANKS))
		lead++;
	/* "Hallo liebe Miriam, danke für ...": a greeting's piece of a few
	 * words, up to its comma (review de AP s37 was handed on) */
	size_t k = 0;
	while (k < r->n && r->t[k].segment == r->t[0].segment &&
	       !(r->t[k].eff & LW_THANKS))
		k++;
	if (r->n > 0 && (r->t[0].eff & LW_GREET) && k <= 4 && k < r->n &&
	    r->t[k].segment != r->t[0].segment)
		lead = k;
	int opens = r->n > 0 && (r->t[lead].eff & LW_THANKS);
	/* a day ahead is a visit to come ("merci, je serai là demain") */
	return opens && !r->qmark && !rd_has(r, LW_BYE | LW_NO) &&
	       (!q->when.mentioned || q->when.problem == WHEN_PAST || q->today);
}

/* A question word opens a piece of the text (after a greeting or a
 * an "and"): "Geht es auch Montag", never "mir geht es besser". */
static int question_opens_a_piece(const struct reader *r)
{
	int seg = -1, first = 1;
	for (size_t i = 0; i < r->n; i++) {
		const struct tok *t = &r->t[i];
		if (t->segment != seg) {
			seg = t->segment;
			first = 1;
		}
		if (first && (t->eff & LW_QUESTION))
			return 1;
		/* "mir" (a filler) before "geht es" tells */
		if (!(t->eff & (LW_GREET | LW_CONJ | LW_THANKS)))
			first = 0;
	}
	return 0;
}

/* Every piece of the text is a question or a greeting ("Hallo zusammen,
 * wann habt ihr am Wochenende auf?"), nothing told beside it ("mein
 * Hörgerät muss gereinigt werden. Geht Freitag?", "mi gato vomita"). */
static int only_the_question(const struct reader *r)
{
	for (size_t i = 0; i < r->n; i++)
		if (!r->seg_q[r->t[i].segment] &&
		    !(r->t[i].eff & (LW_GREET | LW_FILLER | LW_THANKS)))
			return 0;
	return 1;
}

/* Words the pack does not know, in no phrase it knows. */
static size_t unread_words(const struct reader *r)
{
	size_t n = 0;
	for (size_t i = 0; i < r->n; i++)
		n += r->t[i].eff == 0 && !rd_is_digits(r->t[i].w);
	return n;
}

/* ---- explaining a reading ----------------------------------------------- */

static void line(char *out, size_t cap, size_t *pos, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void line(char *out, size_t cap, size_t *pos, const char *fmt, ...)
{
	va_list ap;
	if (*pos >= cap)
		return;
	va_start(ap, fmt);
	int n = vsnprintf(out + *pos, cap - *pos, fmt, ap);
	va_end(ap);
	if (n > 0)
		*pos += (size_t)n < cap - *pos ? (size_t)n : cap - *pos - 1;
}

/* The when-reading in words (the time module's description). */
static void explain_when(const struct when_req *w, char *out, size_t cap,
			 size_t *pos)
{
	char d[512];
	when_describe(NULL, w, d, sizeof(d));
	line(out, cap, pos, "when: %s\n", d);
}

size_t inquiry_explain(const struct catalog *cat, const struct inquiry *q,
		       char *out, size_t cap)
{
	size_t pos = 0;
	static const char *const asks[] = {"price", "duration", "hours",
					   "earliest", "availability"};

	if (cap == 0)
		return 0;
	out[0] = '\0';
	line(out, cap, &pos, "intent: %s (rule: %s)\n",
	     inq_intent_name(q->intent), q->rule != NULL ? q->rule : "-");
	for (size_t k = 0; k < q->n_things; k++) {
		const struct inq_thing *t = &q->things[k];
		if (t->kind < 0) {
			line(out, cap, &pos,
			     "word '%s' -> trade word, selects nothing\n",
			     t->word);
			continue;
		}
		const char *id = t->kind == CAT_SERVICE
				     ? cat->services[t->idx].id
				     : cat->topics[t->idx].id;
		line(out, cap, &pos, "word '%s' -> %s %s (distance %d), %s",
		     t->word, t->kind == CAT_SERVICE ? "service" : "topic", id,
		     t->distance, inq_role_name(t->role));
		if (t->persons > 1)
			line(out, cap, &pos, ", for %d people", t->persons);
		if (t->facts != 0)
			line(out, cap, &pos, ", its%s%s asked",
			     (t->facts & INQ_ASK_PRICE) ? " price" : "",
			     (t->facts & INQ_ASK_DURATION) ? " length" : "");
		line(out, cap, &pos, "\n");
	}
	if (q->asked_thing)
		line(out, cap, &pos, "asked for '%s': not in the catalog%s\n",
		     q->asked_word,
		     q->asked_about ? ", not ours to refuse: for a person"
				    : "");

	if (q->group > 1)
		line(out, cap, &pos, "counts %d (people or things)%s\n",
		     q->group,
		     q->apart ? ": one service each, side by side" : "");
	if (q->other)
		line(out, cap, &pos,
		     "names someone or something else: not a duplicate\n");
	explain_when(&q->when, out, cap, &pos);
	if (q->n_times > 1) {
		line(out, cap, &pos, "times, one per clause:");
		for (int k = 0; k < q->n_times; k++)
			line(out, cap, &pos, " %02d:%02d", q->times[k] / 60,
			     q->times[k] % 60);
		line(out, cap, &pos, "\n");
	}
	for (int k = 0; k < q->n_dated; k++) {
		const struct inq_dated *d = &q->dated[k];
		line(out, cap, &pos, "on a day of its own: %s %04d-%02d-%02d",
		     cat->services[q->matches[d->match].idx].id,
		     d->when.day.year, d->when.day.month, d->when.day.mday);
		if (d->when.time == WHEN_TIME_AT)
			line(out, cap, &pos, " %02d:%02d",
			     d->when.from_min / 60, d->when.from_min % 60);
		line(out, cap, &pos, d->persons > 1 ? " x%d\n" : "\n",
		     d->persons);
	}
	if (q->symptom > 0)
		line(out, cap, &pos, "a health problem (%s)\n",
		     q->symptom > 1 ? "urgent" : "mild");
	if (q->asks != 0) {
		line(out, cap, &pos, "asks:");
		for (size_t i = 0; i < 5; i++)
			if (q->asks & (1u << i))
				line(out, cap, &pos, " %s", asks[i]);
		line(out, cap, &pos, "\n");
	}
	if (q->not_text >= 0)
		line(out, cap, &pos, "asks what only a person can answer: %s\n",
		     lang_default()->not_text_names[q->not_text]);
	if (q->ref[0] != '\0')
		line(out, cap, &pos, "reference: %s\n", q->ref);
	if (q->choice > 0)
		line(out, cap, &pos, "choice: %d\n", q->choice);
	if (q->correction)
		line(out, cap, &pos,
		     "a correction (\"I meant\", \"make it\")\n");
	if (q->same_time)
		line(out, cap, &pos, "\"same time\"\n");
	if (q->whose && (q->intent == INQ_CANCEL || q->intent == INQ_MOVE))
		line(out, cap, &pos,
		     "another person's booking: never picked without a "
		     "reference\n");
	return pos;
}
