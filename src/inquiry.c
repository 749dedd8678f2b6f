/* inquiry: a customer's text → intent, services, when, reference, choice. */
#include "smsdesk/inquiry.h"

#include "smsdesk/text.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define FOLD_CAP  2048
#define MAX_WORDS 160

/* Reference characters: the store's alphabet (no 0/O, 1/I/L, 2/Z, 5/S,
 * 8/B), repeated here so the parser needs no store. */
static const char ref_alphabet[] = "34679ACDEFGHJKMNPQRTUVWXY";

struct words {
	char buf[FOLD_CAP];
	const char *v[MAX_WORDS];
	size_t n;
};

const char *inq_intent_name(enum inq_intent intent)
{
	switch (intent) {
	case INQ_UNKNOWN:
		return "unknown";
	case INQ_BOOK:
		return "book";
	case INQ_PRICE:
		return "price";
	case INQ_AVAIL:
		return "avail";
	case INQ_CANCEL:
		return "cancel";
	case INQ_MOVE:
		return "move";
	case INQ_MY_BOOKINGS:
		return "my_bookings";
	case INQ_HELP:
		return "help";
	case INQ_STOP:
		return "stop";
	case INQ_START:
		return "start";
	case INQ_YES:
		return "yes";
	case INQ_NO:
		return "no";
	case INQ_CHOICE:
		return "choice";
	case INQ_THANKS:
		return "thanks";
	}
	return "?";
}

static void split_words(const char *text, struct words *w)
{
	text_fold(text, w->buf, sizeof(w->buf));
	w->n = 0;
	char *p = w->buf;
	while (*p != '\0' && w->n < MAX_WORDS) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		w->v[w->n++] = p;
		while (*p != ' ' && *p != '\0')
			p++;
		if (*p == ' ')
			*p++ = '\0';
	}
}

static int in_list(const char *word, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(word, *list) == 0)
			return 1;
	return 0;
}

static int has_any(const struct words *w, const char *const *list)
{
	for (size_t i = 0; i < w->n; i++)
		if (in_list(w->v[i], list))
			return 1;
	return 0;
}

/* Words a, b next to each other (b may be NULL: a alone). */
static int has_pair(const struct words *w, const char *a, const char *b)
{
	for (size_t i = 0; i < w->n; i++) {
		if (strcmp(w->v[i], a) != 0)
			continue;
		if (b == NULL || (i + 1 < w->n && strcmp(w->v[i + 1], b) == 0))
			return 1;
	}
	return 0;
}

/* Every word of the message is in list (and there is at least one). */
static int all_in(const struct words *w, const char *const *list)
{
	if (w->n == 0)
		return 0;
	for (size_t i = 0; i < w->n; i++)
		if (!in_list(w->v[i], list))
			return 0;
	return 1;
}

/* ---- the grammar's words ------------------------------------------------- */

static const char *const w_stop[] = {"stop", "stopall", "unsubscribe", "end",
				     "quit", "optout",	NULL};
static const char *const w_start[] = {"start", "unstop", "resume", NULL};
static const char *const w_polite[] = {
    "please",  "pls", "plz", "now", "thanks", "thank", "you",	"u",
    "thx",     "all", "me",  "out", "opt",    "text",  "texts", "messages",
    "sending", "to",  "ta",  "x",   "xx",     NULL};
static const char *const w_help[] = {"help",	 "menu",     "info", "options",
				     "commands", "services", "halp", NULL};
static const char *const w_thanks[] = {
    "thanks", "thank",	  "thx",      "ty",	"ta",	 "cheers",  "thanx",
    "thnx",   "tnx",	  "thankyou", "thankz", "merci", "gracias", "danke",
    "grazie", "obrigado", "obrigada", "tq",	NULL};
static const char *const w_thanks_filler[] = {
    "thanks",  "thank",	    "thx",	"ty",	  "ta",	   "cheers",   "thanx",
    "thnx",    "tnx",	    "thankyou", "thankz", "merci", "gracias",  "danke",
    "grazie",  "obrigado",  "obrigada", "tq",	  "you",   "u",	       "so",
    "very",    "much",	    "a",	"lot",	  "lots",  "great",    "lovely",
    "perfect", "brilliant", "brill",	"ok",	  "okay",  "cool",     "nice",
    "x",       "xx",	    "xxx",	"bye",	  "see",   "then",     "many",
    "mate",    "again",	    "for",	"that",	  "the",   "help",     "all",
    "kind",    "awesome",   "super",	"ace",	  "mucho", "beaucoup", "muchas",
    "vielen",  "dank",	    "tak",	"tack",	  NULL};
static const char *const w_yes[] = {
    "yes",     "y",	    "yeah",	  "yep",	"yup",	   "ya",
    "yea",     "ok",	    "okay",	  "k",		"kk",	   "sure",
    "confirm", "confirmed", "correct",	  "go",		"ahead",   "aye",
    "oui",     "si",	    "ja",	  "sim",	"da",	   "yas",
    "yess",    "yesss",	    "absolutely", "definitely", "alright", "fine",
    "please",  "pls",	    "plz",	  "do",		"it",	   "that",
    "book",    "sounds",    "good",	  "great",	"perfect", "lovely",
    "thanks",  "ta",	    "cheers",	  "yes please", NULL};
static const char *const w_yes_head[] = {
    "yes",	  "y",	       "yeah",	  "yep",   "yup",    "ya",
    "yea",	  "ok",	       "okay",	  "k",	   "kk",     "sure",
    "confirm",	  "confirmed", "correct", "aye",   "oui",    "si",
    "ja",	  "sim",       "yas",	  "yess",  "yesss",  "absolutely",
    "definitely", "alright",   "perfect", "great", "lovely", "sounds",
    "go",	  NULL};
static const char *const w_no[] = {"no",   "nope", "nah", "non", "n",
				   "nein", "noo",  "na",  NULL};
static const char *const w_cancel[] = {
    "cancel",	  "cancell",   "cancle",   "cancellation", "canceling",
    "cancelling", "cancelled", "canceled", "cncl",	   "cnl",
    "annuler",	  "cancelar",  NULL};
static const char *const w_move[] = {
    "move",	"reschedule", "resched", "rebook", "rearrange",
    "postpone", "change",     "instead", "swap",   "moving",
    "changing", "shift",      NULL};
static const char *const w_booking_noun[] = {
    "booking", "bookings",    "appointment", "appointments", "appt",
    "appts",   "reservation", "slot",	     "booked",	     NULL};
static const char *const w_price[] = {
    "price",  "prices",	 "cost", "costs",     "pricing",
    "charge", "charges", "much", "rates",     "rate",
    "quote",  "fee",	 "fees", "pricelist", NULL};
static const char *const w_avail[] = {
    "space",	"spaces",  "availability", "available", "avail", "free",
    "slots",	"room",	   "gaps",	   "gap",	"open",	 "opening",
    "openings", "vacancy", "vacancies",	   "spare",	NULL};
static const char *const w_book[] = {
    "book",  "booking", "appointment", "appt",	   "reserve", "get", "want",
    "like",  "need",	"have",	       "squeeze",  "fit",     "do",  "wanna",
    "gimme", "needs",	"reservation", "schedule", "please",  NULL};

/*
 * Words the grammar owns: never fuzzy-matched to a service, so "tues" is not
 * a typo of anything and "book" never becomes "look".
 */
static const char *const w_grammar[] = {
    "the",	    "and",	   "for",	   "you",	"your",
    "have",	    "with",	   "what",	   "when",	"where",
    "which",	    "this",	   "that",	   "there",	"they",
    "them",	    "then",	   "than",	   "book",	"booking",
    "bookings",	    "appointment", "appointments", "appt",	"please",
    "thanks",	    "thank",	   "cancel",	   "move",	"change",
    "reschedule",   "tomorrow",	   "today",	   "tonight",	"morning",
    "afternoon",    "evening",	   "monday",	   "tuesday",	"wednesday",
    "thursday",	    "friday",	   "saturday",	   "sunday",	"tues",
    "thur",	    "thurs",	   "weds",	   "next",	"after",
    "before",	    "about",	   "around",	   "price",	"prices",
    "much",	    "cost",	   "space",	   "free",	"available",
    "availability", "slot",	   "slots",	   "time",	"times",
    "would",	    "could",	   "should",	   "like",	"want",
    "need",	    "hello",	   "hiya",	   "help",	"stop",
    "start",	    "still",	   "some",	   "anything",	"something",
    "make",	    "just",	   "know",	   "open",	"from",
    "until",	    "till",	   "half",	   "past",	"noon",
    "week",	    "weekend",	   "day",	   "days",	"tmrw",
    "asap",	    "earliest",	   "soon",	   "instead",	"later",
    "earlier",	    "sorry",	   "again",	   "mine",	"mate",
    "please",	    "cheers",	   "yeah",	   "okay",	"sure",
    "good",	    "great",	   "fine",	   "also",	"maybe",
    "another",	    "other",	   "people",	   "person",	"friend",
    "wife",	    "husband",	   "son",	   "daughter",	"kids",
    "quick",	    "today's",	   "tomorrows",	   "here",	"their",
    "these",	    "those",	   "does",	   "doing",	"done",
    "come",	    "coming",	   "going",	   "will",	"shall",
    "cant",	    "wont",	   "dont",	   "didnt",	"cannot",
    "unable",	    "able",	   "attend",	   "reply",	"text",
    "number",	    "option",	   "first",	   "second",	"third",
    "last",	    "lunch",	   "lunchtime",	   "midday",	"night",
    "months",	    "january",	   "february",	   "march",	"april",
    "june",	    "july",	   "august",	   "september", "october",
    "november",	    "december",	   "nothing",	   "take",	"accept",
    "walk",	    "walkin",	   "walkins",	   "close",	"closed",
    "closing",	    "hours",	   "opening",	   NULL};

/* Words that carry no request on their own (for "asked for something"). */
static const char *const w_filler[] = {
    "hi",	"hey",	    "hello",	   "hiya",   "morning", "a",
    "an",	"the",	    "do",	   "u",	     "you",	"ya",
    "i",	"can",	    "could",	   "would",  "get",	"have",
    "me",	"my",	    "for",	   "please", "pls",	"plz",
    "is",	"it",	    "any",	   "some",   "book",	"want",
    "like",	"need",	    "to",	   "on",     "at",	"in",
    "of",	"we",	    "us",	   "there",  "your",	"ur",
    "r",	"are",	    "what",	   "how",    "much",	"price",
    "cost",	"does",	    "did",	   "im",     "id",	"be",
    "am",	"and",	    "or",	   "with",   "this",	"that",
    "offer",	"offering", "dont",	   "not",    "yet",	"about",
    "around",	"just",	    "wondering",   "wanted", "wanna",	"gonna",
    "if",	"possible", "appointment", "appt",   "booking", "reserve",
    "slot",	"time",	    "so",	   "too",    "also",	"its",
    "one",	"thanks",   "thank",	   "ok",     "okay",	"q",
    "question", "quick",    "know",	   "let",    "tell",	"done",
    "there",	"anyone",   "someone",	   "who",    "does",	"s",
    "t",	"pm",	    "am",	   "oclock", "ish",	"abt",
    "da",	"de",	    "la",	   "le",     "el",	"hola",
    "bonjour",	"salut",    "ciao",	   "hallo",  "guten",	"tag",
    "buenos",	"dias",	    "yo",	   "hun",    "babe",	"mate",
    "bro",	"pal",	    "guys",	   "folks",  "team",	"all",
    "lads",	"sir",	    "madam",	   "maam",   "x",	"xx",
    "xxx",	NULL};

/* ---- services and topics ------------------------------------------------- */

static void add_match(struct inquiry *q, const struct cat_match *m)
{
	for (size_t k = 0; k < q->n_matches; k++) {
		if (q->matches[k].kind == m->kind &&
		    q->matches[k].idx == m->idx) {
			if (m->distance < q->matches[k].distance)
				q->matches[k].distance = m->distance;
			return;
		}
	}
	if (q->n_matches < INQ_MAX_MATCHES)
		q->matches[q->n_matches++] = *m;
}

/* "haircuts" → "haircut", "beards" → "beard": exact after a plural. */
static size_t lookup_singular(const struct catalog *cat, const char *word,
			      struct cat_match *out, size_t cap)
{
	char tmp[64];
	size_t len = strlen(word);

	if (len < 4 || len >= sizeof(tmp) || word[len - 1] != 's')
		return 0;
	memcpy(tmp, word, len - 1);
	tmp[len - 1] = '\0';
	size_t n = catalog_lookup(cat, tmp, 0, out, cap);
	if (n == 0 && len > 4 && word[len - 2] == 'e') {
		tmp[len - 2] = '\0';
		n = catalog_lookup(cat, tmp, 0, out, cap);
	}
	return n;
}

static int is_ref_like(const char *w, int after_keyword);

/*
 * Walk the words, trying the longest phrase at each place first, exact then
 * with typos. Returns how many words named nothing we know but look like a
 * thing being asked for.
 */
static void match_services(const struct catalog *cat, const struct words *w,
			   struct inquiry *q)
{
	size_t maxw = catalog_max_phrase_words(cat);
	char phrase[256];
	struct cat_match m[4];

	if (maxw == 0)
		maxw = 1;
	if (maxw > 6)
		maxw = 6;
	for (size_t i = 0; i < w->n;) {
		size_t took = 0;
		for (size_t len = maxw; len >= 1 && took == 0; len--) {
			if (i + len > w->n)
				continue;
			size_t pos = 0;
			int fits = 1;
			for (size_t k = 0; k < len && fits; k++) {
				int r =
				    snprintf(phrase + pos, sizeof(phrase) - pos,
					     "%s%s", k ? " " : "", w->v[i + k]);
				if (r < 0 || (size_t)r >= sizeof(phrase) - pos)
					fits = 0;
				else
					pos += (size_t)r;
			}
			if (!fits)
				continue;
			size_t n = catalog_lookup(cat, phrase, 0, m, 4);
			if (n == 0 && len == 1)
				n = lookup_singular(cat, phrase, m, 4);
			if (n == 0 && !in_list(phrase, w_grammar) &&
			    !is_ref_like(phrase, 0))
				n = catalog_lookup(cat, phrase, 1, m, 4);
			if (n > 0) {
				add_match(q, &m[0]);
				took = len;
			}
		}
		i += took ? took : 1;
	}
}

/* ---- references ---------------------------------------------------------- */

static int is_ref_like(const char *w, int after_keyword)
{
	size_t len = strlen(w);
	int digits = 0, letters = 0;

	if (len < 4 || len > 5)
		return 0;
	for (size_t i = 0; i < len; i++) {
		int c = toupper((unsigned char)w[i]);
		if (strchr(ref_alphabet, c) == NULL || c == '\0')
			return 0;
		if (isdigit(c))
			digits++;
		else
			letters++;
	}
	/* Alone, a reference must look like one: "have" and "when" are
	 * spelled in the same alphabet. */
	return after_keyword ? 1 : digits > 0 && letters > 0;
}

static int code_shaped(const char *w)
{
	size_t len = strlen(w);
	if (len < 4 || len > 5)
		return 0;
	int digits = 0;
	for (size_t i = 0; i < len; i++) {
		if (!isalnum((unsigned char)w[i]))
			return 0;
		digits += isdigit((unsigned char)w[i]) != 0;
	}
	/* "10am", "1030" are times, not codes. */
	if ((size_t)digits == len)
		return 0;
	if (isdigit((unsigned char)w[0]) &&
	    (strcmp(w + len - 2, "am") == 0 || strcmp(w + len - 2, "pm") == 0))
		return 0;
	return 1;
}

static void find_ref(const struct words *w, struct inquiry *q)
{
	static const char *const keys[] = {
	    "ref", "reference",	  "code", "booking", "cancel", "number",
	    "no",  "appointment", "appt", "id",	     NULL};
	for (size_t i = 0; i < w->n; i++) {
		int after = i > 0 && in_list(w->v[i - 1], keys);
		if (after &&
		    (in_list(w->v[i], w_grammar) || in_list(w->v[i], w_filler)))
			continue;
		/* After "cancel" or "ref", a code-shaped word is taken as the
		 * reference even when it cannot be one of ours, so a mistyped
		 * code is refused rather than another booking cancelled. */
		if (!is_ref_like(w->v[i], after) &&
		    !(after && code_shaped(w->v[i])))
			continue;
		size_t k;
		for (k = 0; w->v[i][k] != '\0' && k + 1 < INQ_REF_MAX; k++)
			q->ref[k] = (char)toupper((unsigned char)w->v[i][k]);
		q->ref[k] = '\0';
		return;
	}
}

/* ---- a choice by number -------------------------------------------------- */

static int choice_of(const struct words *w, const char *raw)
{
	static const char *const around[] = {
	    "option", "number", "no",	"num",	  "slot", "please", "pls",
	    "plz",    "the",	"one",	"ok",	  "okay", "yes",    "choice",
	    "i",      "ll",	"take", "thanks", "go",	  "for",    "that",
	    "nr",     "n",	"time", "id",	  "like", "please", NULL};
	static const char *const ordinal[] = {
	    "first", "second",	"third",  "fourth", "fifth",
	    "sixth", "seventh", "eighth", "ninth",  NULL};
	int choice = 0;

	for (size_t i = 0; i < w->n; i++) {
		const char *s = w->v[i];
		int c = 0;
		if (s[0] >= '1' && s[0] <= '9' &&
		    (s[1] == '\0' ||
		     ((strcmp(s + 1, "st") == 0 || strcmp(s + 1, "nd") == 0 ||
		       strcmp(s + 1, "rd") == 0 || strcmp(s + 1, "th") == 0))))
			c = s[0] - '0';
		for (int k = 0; ordinal[k] != NULL && c == 0; k++)
			if (strcmp(s, ordinal[k]) == 0)
				c = k + 1;
		if (c > 0) {
			if (choice != 0)
				return 0; /* two numbers: not a choice */
			choice = c;
			continue;
		}
		if (!in_list(s, around))
			return 0;
	}
	/* "2pm" folds to "2pm", never here; "2." or "#2" are fine. */
	(void)raw;
	return choice;
}

/* ---- intents ------------------------------------------------------------- */

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

/* STOP and START as the whole message, give or take politeness. */
static int keyword_message(const struct words *w, const char *const *kw)
{
	int seen = 0;

	if (w->n == 0 || w->n > 5 || !in_list(w->v[0], kw))
		return 0;
	for (size_t i = 0; i < w->n; i++) {
		if (in_list(w->v[i], kw))
			seen = 1;
		else if (!in_list(w->v[i], w_polite))
			return 0;
	}
	return seen;
}

static int wants_opt_out(const struct words *w)
{
	if (keyword_message(w, w_stop))
		return 1;
	if (has_pair(w, "stop", "all") && w->n <= 3)
		return 1;
	/* "stop texting me", "please stop sending messages" */
	return has_any(w, (const char *const[]){"stop", NULL}) &&
	       has_any(w, (const char *const[]){"texting", "messaging",
						"sending", "texts", "messages",
						"spam", NULL});
}

static int says_cancel(const struct words *w)
{
	if (has_any(w, w_cancel))
		return 1;
	/* can't make it, won't make it, cannot come, not coming */
	static const char *const neg[] = {"cant",    "cannot", "wont", "unable",
					  "couldnt", "cnt",    "can",  NULL};
	for (size_t i = 0; i + 1 < w->n; i++) {
		if (!in_list(w->v[i], neg))
			continue;
		const char *next = w->v[i + 1];
		if (strcmp(w->v[i], "can") == 0) {
			/* "can not make it" */
			if (strcmp(next, "not") != 0 || i + 2 >= w->n)
				continue;
			next = w->v[i + 2];
		}
		if (strcmp(next, "make") == 0 || strcmp(next, "come") == 0 ||
		    strcmp(next, "attend") == 0 || strcmp(next, "do") == 0 ||
		    strcmp(next, "go") == 0)
			return 1;
	}
	return has_pair(w, "not", "coming") || has_pair(w, "no", "longer");
}

static int says_move(const struct words *w)
{
	if (has_any(w, w_move))
		return 1;
	return has_pair(w, "push", "back") || has_pair(w, "bring", "forward");
}

static int says_my_bookings(const struct words *w)
{
	for (size_t i = 0; i + 1 < w->n; i++) {
		if ((strcmp(w->v[i], "my") == 0 ||
		     strcmp(w->v[i], "our") == 0) &&
		    in_list(w->v[i + 1], w_booking_noun))
			return 1;
	}
	if (has_pair(w, "what", "time") && has_pair(w, "am", "i"))
		return 1;
	if (has_pair(w, "did", "i") &&
	    has_any(w, (const char *const[]){"book", "booked", NULL}))
		return 1;
	if (has_pair(w, "do", "i") && has_pair(w, "have", NULL) &&
	    has_any(w, w_booking_noun))
		return 1;
	return all_in(w, (const char *const[]){"status", "bookings", "booking",
					       "check", "my", "please", NULL});
}

static int says_price(const struct words *w)
{
	if (has_pair(w, "how", "much") || has_pair(w, "hw", "much"))
		return 1;
	return has_any(w, (const char *const[]){
			      "price", "prices", "cost", "costs", "pricing",
			      "charge", "rates", "quote", "fee", "fees",
			      "pricelist", "prix", "precio", "preis", NULL});
}

static int says_avail(const struct words *w)
{
	if (has_any(w, w_avail))
		return 1;
	if (has_pair(w, "when", "can") || has_pair(w, "when", "are") ||
	    has_pair(w, "what", "times") || has_pair(w, "any", "time") ||
	    has_pair(w, "what", "time") || has_pair(w, "when", "is") ||
	    has_pair(w, "any", "chance") || has_pair(w, "u", "free"))
		return 1;
	return 0;
}

static int says_help(const struct words *w, const char *raw)
{
	if (raw_is_question_mark(raw))
		return 1;
	if (w->n > 0 && w->n <= 3 && in_list(w->v[0], w_help))
		return 1;
	if (w->n > 0 && w->n <= 2 && in_list(w->v[w->n - 1], w_help))
		return 1;
	return (has_pair(w, "what", "do") &&
		has_any(w, (const char *const[]){"offer", "do", NULL}) &&
		has_pair(w, "you", NULL) && w->n <= 6) ||
	       has_pair(w, "what", "services") ||
	       (has_pair(w, "what", "can") && has_pair(w, "i", "book"));
}

static int thanks_only(const struct words *w, const char *raw)
{
	if (w->n == 0)
		return only_emoji_or_marks(raw);
	return has_any(w, w_thanks) && all_in(w, w_thanks_filler);
}

static int asked_something(const struct words *w, const struct inquiry *q)
{
	/* "do you do tattoos", "can I book a massage": the word right after
	 * such a lead (past "a", "you", "my" ...) names the thing asked for.
	 * Only there: a customer's own name elsewhere is not a request. */
	static const char *const lead[] = {"do",   "get",   "book",  "have",
					   "want", "need",  "offer", "much",
					   "for",  "fancy", NULL};
	static const char *const skip[] = {
	    "a",    "an",   "the", "some", "my",    "me",     "you",  "u",
	    "ya",   "your", "ur",  "i",	   "do",    "get",    "have", "any",
	    "to",   "for",  "us",  "we",   "doing", "offer",  "book", "want",
	    "need", "is",   "are", "a",	   "one",   "please", "pls",  NULL};
	for (size_t i = 0; i < w->n; i++) {
		if (!in_list(w->v[i], lead))
			continue;
		size_t j = i + 1;
		while (j < w->n && in_list(w->v[j], skip))
			j++;
		if (j >= w->n)
			continue;
		const char *s = w->v[j];
		if (strlen(s) < 3 || isdigit((unsigned char)s[0]))
			continue;
		if (in_list(s, w_filler) || in_list(s, w_grammar) ||
		    in_list(s, w_price) || in_list(s, w_avail))
			continue;
		if (q->ref[0] != '\0' && strcasecmp(s, q->ref) == 0)
			continue;
		if (q->when.mentioned && (strcmp(s, "tmrw") == 0))
			continue;
		return 1;
	}
	return 0;
}

void inquiry_parse(const struct catalog *cat, const char *text,
		   const struct when_local *now, struct inquiry *out)
{
	static struct words w; /* single-threaded; keeps the stack small */

	memset(out, 0, sizeof(*out));
	if (text == NULL)
		text = "";
	split_words(text, &w);
	when_parse(text, now, cat, &out->when);
	match_services(cat, &w, out);
	find_ref(&w, out);
	out->wants_price = says_price(&w);
	out->asks_hours =
	    has_any(&w, (const char *const[]){"open", "close", "closed",
					      "closing", "hours", "opening",
					      "opens", "closes", NULL});

	int thing = out->n_matches > 0;
	int time = out->when.mentioned;

	if (wants_opt_out(&w)) {
		out->intent = INQ_STOP;
		return;
	}
	if (keyword_message(&w, w_start)) {
		out->intent = INQ_START;
		return;
	}
	if ((out->choice = choice_of(&w, text)) > 0) {
		out->intent = INQ_CHOICE;
		return;
	}
	if (says_move(&w) &&
	    (time || out->ref[0] != '\0' || has_any(&w, w_booking_noun) ||
	     w.n <= 3 ||
	     has_any(&w,
		     (const char *const[]){"reschedule", "resched", "rebook",
					   "postpone", "rearrange", NULL}))) {
		out->intent = INQ_MOVE;
		return;
	}
	if (says_cancel(&w)) {
		/* "can't make it tomorrow, can I do fri instead" is a move */
		out->intent =
		    has_pair(&w, "instead", NULL) ? INQ_MOVE : INQ_CANCEL;
		return;
	}
	if (says_help(&w, text) && !thing) {
		out->intent = INQ_HELP;
		return;
	}
	if (says_my_bookings(&w) && !thing) {
		out->intent = INQ_MY_BOOKINGS;
		return;
	}
	if (!thing && !time && w.n > 0 && in_list(w.v[0], w_yes_head) &&
	    all_in(&w, w_yes)) {
		out->intent = INQ_YES;
		return;
	}
	if (!thing && !time && w.n > 0 && w.n <= 4 && in_list(w.v[0], w_no)) {
		out->intent = INQ_NO;
		return;
	}
	if (thanks_only(&w, text)) {
		out->intent = INQ_THANKS;
		return;
	}
	if (out->wants_price) {
		out->intent = INQ_PRICE;
		if (!thing)
			out->asked_thing = asked_something(&w, out);
		return;
	}
	if (says_avail(&w) &&
	    !has_any(&w, (const char *const[]){"book", NULL})) {
		out->intent = INQ_AVAIL;
		if (!thing)
			out->asked_thing = asked_something(&w, out);
		return;
	}
	if (thing || time || has_any(&w, w_book)) {
		out->intent = INQ_BOOK;
		if (!thing)
			out->asked_thing = asked_something(&w, out);
		return;
	}
	out->intent = INQ_UNKNOWN;
	out->asked_thing = 0;
}
