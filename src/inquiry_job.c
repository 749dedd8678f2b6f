/*
 * inquiry: trade work asked for by a name the catalog doesn't know ("can
 * you fix my clutch", "timing belt change how much", "battery flat can u
 * replace it", "my exhaust is blowing"), named cleanly for the honest no
 * ("clutches", "timing belts", "a wiper blade"), and questions about how we
 * work that are no request at all ("do you use genuine parts", "can you do
 * it cheaper"). English words only: other packs keep the generic reading.
 */
#include "smsdesk/inquiry.h"

#include "inquiry_read.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static int in(const char *w, const char *const *list)
{
	for (size_t i = 0; list[i] != NULL; i++)
		if (strcmp(w, list[i]) == 0)
			return 1;
	return 0;
}

/* Verbs of trade work: the thing after them is the job ("need" and "do"
 * are read by the generic rule, inquiry_intent.c). */
static const char *const job_verbs[] = {
    "fix",	"fixed",    "fixing",	 "repair",	"repaired", "repairing",
    "replace",	"replaced", "replacing", "replacement", "change",   "changed",
    "changing", "swap",	    "swapped",	 "fit",		"fitted",   "renew",
    "sort",	"quote",    NULL};

/* Words between a verb and its object: articles, owners, "new". */
static const char *const skip_words[] = {
    "a",     "an",	 "the",	  "my",		 "our",	  "his",      "her",
    "their", "me",	 "us",	  "new",	 "some",  "your",     "ur",
    "u",     "you",	 "ya",	  "pls",	 "plz",	  "please",   "for",
    "of",    "on",	 "just",  "replacement", "brand", "car",      "cars",
    "van",   "vans",	 "motor", "vehicle",	 "wifes", "husbands", "mums",
    "dads",  "partners", "2nd",	  "second",	 NULL};

/* Words that end a job's name: states, verbs, places, fillers. */
static const char *const stop_words[] = {
    "flat",	"dead",	      "broke",	   "broken",	 "down",
    "gone",	"blowing",    "blown",	   "leaking",	 "leak",
    "failed",	"stopped",    "keeps",	   "making",	 "is",
    "was",	"has",	      "are",	   "its",	 "it",
    "needs",	"need",	      "needed",	   "went",	 "on",
    "in",	"at",	      "for",	   "from",	 "with",
    "to",	"and",	      "or",	   "please",	 "pls",
    "plz",	"asap",	      "how",	   "much",	 "cost",
    "price",	"can",	      "could",	   "would",	 "will",
    "you",	"u",	      "do",	   "change",	 "changed",
    "replace",	"replaced",   "fix",	   "fixed",	 "repair",
    "repaired", "fitted",     "done",	   "doing",	 "today",
    "tomorrow", "tmrw",	      "tmw",	   "again",	 "cheaper",
    "quick",	"quickly",    "urgently",  "urgent",	 "sorted",
    "work",	"working",    "noise",	   "problem",	 "issue",
    "light",	"the",	      "a",	   "an",	 "my",
    "cheap",	"expensive",  "thanks",	   "thx",	 "cheers",
    "ta",	"mate",	      "help",	   "broken",	 "snapped",
    "cracked",	"worn",	      "knackered", "busted",	 "playing",
    "up",	"out",	      "off",	   "still",	 "again",
    "any",	"if",	      "something", "somethings", "thing",
    "things",	"everything", "anything",  "nothing",	 "sound",
    "noise",	NULL};

/* What is wrong with a thing, or what to do to it, said right after its
 * name ("battery flat", "exhaust is blowing", "timing belt change"). */
static const char *const state_words[] = {
    "flat",	"dead",	     "broke",	    "broken", "blowing", "blown",
    "leaking",	"leaks",     "failed",	    "gone",   "stopped", "snapped",
    "cracked",	"worn",	     "knackered",   "busted", "making",	 "playing",
    "keeps",	"needs",     "need",	    "needed", "went",	 "change",
    "changed",	"replace",   "replacement", "fix",    "repair",	 "swap",
    "slipping", "squealing", "smoking",	    NULL};

/* Words that name nothing on their own, even unclassed. */
static int content(const struct tok *t)
{
	size_t n = strlen(t->w);
	if (t->thing != 0 || (t->eff & ~LW_COMMON) != 0 || n < 3 ||
	    in(t->w, stop_words) || in(t->w, skip_words))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isalpha((unsigned char)t->w[i]))
			return 0;
	return 1;
}

/* A name the customer would use for many of them: no plural. */
static int uncountable(const char *w)
{
	size_t n = strlen(w);
	static const char *const ends[] = {"ing", "ion", "ment", "work",
					   "ics", "age", NULL};
	static const char *const mass[] = {
	    "recovery", "upholstery", "bodywork",   "electrics",
	    "oil",	"coolant",    "antifreeze", NULL};
	if (in(w, mass))
		return 1;
	for (size_t i = 0; ends[i] != NULL; i++) {
		size_t e = strlen(ends[i]);
		if (n > e && strcmp(w + n - e, ends[i]) == 0)
			return 1;
	}
	return n > 0 && w[n - 1] == 's';
}

/* "clutch" -> "clutches", "battery" -> "batteries", "belt" -> "belts". */
static void plural(char *w, size_t cap)
{
	size_t n = strlen(w);
	if (n == 0 || uncountable(w))
		return;
	if (w[n - 1] == 'y' && n > 1 && !strchr("aeiou", w[n - 2])) {
		if (n + 3 <= cap)
			snprintf(w + n - 1, cap - (n - 1), "ies");
		return;
	}
	int es = w[n - 1] == 'x' || w[n - 1] == 'z' ||
		 (n > 1 && (w[n - 1] == 'h') &&
		  (w[n - 2] == 'c' || w[n - 2] == 's'));
	if (n + 3 <= cap)
		snprintf(w + n, cap - n, "%s", es ? "es" : "s");
}

/*
 * The job named from word J on (up to three words of one clause), into
 * OUT: "a wiper blade" keeps its article, a bare name becomes plural
 * ("clutches"). Returns the words used, 0 when J names nothing.
 */
static size_t job_phrase(const struct reader *r, size_t j, int keep_article,
			 char *out, size_t cap)
{
	size_t k = j, used = 0;
	out[0] = '\0';
	while (k < r->n && used < 3 && r->t[k].clause == r->t[j].clause &&
	       r->t[k].segment == r->t[j].segment && content(&r->t[k])) {
		size_t l = strlen(out);
		snprintf(out + l, cap - l, "%s%s", used ? " " : "", r->t[k].w);
		k++;
		used++;
	}
	if (used == 0)
		return 0;
	int article = keep_article && j > 0 &&
		      (strcmp(r->t[j - 1].w, "a") == 0 ||
		       strcmp(r->t[j - 1].w, "an") == 0);
	if (article) {
		size_t a = strlen(r->t[j - 1].w) + 1, l = strlen(out);
		if (l + a < cap) {
			memmove(out + a, out, l + 1);
			memcpy(out, r->t[j - 1].w, a - 1);
			out[a - 1] = ' ';
		}
	} else {
		/* pluralise the last word */
		char *last = strrchr(out, ' ');
		last = last != NULL ? last + 1 : out;
		plural(last, cap - (size_t)(last - out));
	}
	return used;
}

/* The first job named at the start of a clause ("timing belt change",
 * "battery flat", "my exhaust is blowing"), past owners and the car. */
static size_t leading_job(const struct reader *r, size_t upto, char *out,
			  size_t cap)
{
	for (size_t i = 0; i < upto && i < r->n; i++) {
		const struct tok *t = &r->t[i];
		if (in(t->w, skip_words) ||
		    (t->eff &
		     (LW_GREET | LW_FILLER | LW_SELF | LW_BOOK | LW_QUESTION)))
			continue;
		if (!content(t))
			return 0;
		size_t used = job_phrase(r, i, 0, out, cap);
		/* a name followed by what is wrong or what to do with it */
		size_t after = i + used;
		/* "is", "has": the state after it ("exhaust is blowing") */
		if (used > 0 && after + 1 < r->n &&
		    (strcmp(r->t[after].w, "is") == 0 ||
		     strcmp(r->t[after].w, "has") == 0 ||
		     strcmp(r->t[after].w, "keeps") == 0))
			after++;
		if (used > 0 && after < r->n &&
		    (in(r->t[after].w, state_words) ||
		     in(r->t[after].w, job_verbs)))
			return used;
		return 0;
	}
	return 0;
}

/* One thing fitted keeps its article ("a wiper blade"); a kind of work is
 * named in the plural ("clutches"). */
static int one_thing(const char *verb)
{
	return strncmp(verb, "repl", 4) == 0 || strncmp(verb, "fit", 3) == 0 ||
	       strncmp(verb, "swap", 4) == 0 || strcmp(verb, "renew") == 0;
}

int rd_job_asked(const struct reader *r, struct inquiry *q)
{
	char buf[INQ_WORD_MAX];
	if (r->pack == NULL || strcmp(r->pack->code, "en") != 0)
		return 0;
	for (size_t k = 0; k < q->n_things; k++)
		if (q->things[k].kind >= 0)
			return 0; /* a service or topic we know was named */
	for (size_t i = 0; i < r->n; i++) {
		if (!in(r->t[i].w, job_verbs))
			continue;
		size_t j = i + 1;
		while (j < r->n && in(r->t[j].w, skip_words))
			j++;
		int one = one_thing(r->t[i].w);
		if (j < r->n && job_phrase(r, j, one, buf, sizeof(buf)) > 0) {
			snprintf(q->asked_word, sizeof(q->asked_word), "%s",
				 buf);
			return 1;
		}
		/* "battery flat can u replace it": the job named first */
		if (leading_job(r, i, buf, sizeof(buf)) > 0) {
			snprintf(q->asked_word, sizeof(q->asked_word), "%s",
				 buf);
			return 1;
		}
	}
	/* "my exhaust is blowing can you book me in", "car battery dead
	 * need a new one tomorrow" */
	if ((rd_has(r, LW_BOOK | LW_PRICE | LW_QUESTION) ||
	     q->when.mentioned) &&
	    leading_job(r, r->n, buf, sizeof(buf)) > 0) {
		snprintf(q->asked_word, sizeof(q->asked_word), "%s", buf);
		return 1;
	}
	return 0;
}

/* A clean name for a word found after "do you do", "need", "quote for"
 * ("how much to replace a headlight bulb": past the verb). */
void rd_job_name(const struct reader *r, size_t j, char *out, size_t cap)
{
	if (r->pack == NULL || strcmp(r->pack->code, "en") != 0)
		return;
	char buf[INQ_WORD_MAX];
	int one = 0;
	if (j < r->n && in(r->t[j].w, job_verbs)) {
		one = one_thing(r->t[j].w);
		j++;
		while (j < r->n && in(r->t[j].w, skip_words))
			j++;
	}
	if (j < r->n && content(&r->t[j]) &&
	    job_phrase(r, j, one, buf, sizeof(buf)) > 0)
		snprintf(out, cap, "%s", buf);
}

/*
 * A question about how we work, not a request: "do you use genuine
 * parts", "what oil do you use", "do you have a courtesy car", "can you do
 * it cheaper", "can you collect my car from work".
 */
int rd_asks_about_us(const struct reader *r)
{
	static const char *const how[] = {"use",     "have",	  "collect",
					  "deliver", "recommend", NULL};
	static const char *const comparing[] = {"cheaper", "quicker",  "faster",
						"sooner",  "discount", "deal",
						"deals",   NULL};
	if (r->pack == NULL || strcmp(r->pack->code, "en") != 0)
		return 0;
	for (size_t i = 0; i + 2 < r->n; i++) {
		const char *a = r->t[i].w, *b = r->t[i + 1].w;
		if ((strcmp(a, "do") == 0 || strcmp(a, "can") == 0 ||
		     strcmp(a, "could") == 0 || strcmp(a, "will") == 0) &&
		    (strcmp(b, "you") == 0 || strcmp(b, "u") == 0 ||
		     strcmp(b, "ya") == 0) &&
		    in(r->t[i + 2].w, how) &&
		    /* "can you have a look", "can you collect it at 5" */
		    !(i + 3 < r->n &&
		      (strcmp(r->t[i + 3].w, "a") == 0 && i + 4 < r->n &&
		       strcmp(r->t[i + 4].w, "look") == 0)))
			return 1;
	}
	/* "can you do it cheaper", "any deals" */
	for (size_t i = 0; i < r->n; i++)
		if (in(r->t[i].w, comparing))
			return 1;
	return 0;
}

/*
 * "mot retest", "can you do a retest": a retest the catalog doesn't list
 * is not the full service at full price. The service named beside it is
 * dropped and the retest asked for, so the honest no lists what we do
 * (the MOT among them, to book by number). Not a question whether one is
 * included ("is the retest included"): that is for a person.
 */
int rd_retest(const struct reader *r, struct inquiry *q)
{
	static const char *const incl[] = {
	    "included", "include", "includes", "free", "inc", "incl", NULL};
	if (r->pack == NULL || strcmp(r->pack->code, "en") != 0)
		return 0;
	int at = -1;
	for (size_t i = 0; i < r->n; i++) {
		if (in(r->t[i].w, incl))
			return 0;
		if (r->t[i].thing == 0 &&
		    (strcmp(r->t[i].w, "retest") == 0 ||
		     strcmp(r->t[i].w, "retests") == 0 ||
		     strcmp(r->t[i].w, "reinspection") == 0))
			at = (int)i;
	}
	if (at < 0 || q->n_matches > 1)
		return 0;
	for (size_t k = 0; k < q->n_things; k++)
		if (q->things[k].kind == CAT_SERVICE)
			q->things[k].role = INQ_MENTIONED;
	q->n_matches = 0;
	snprintf(q->asked_word, sizeof(q->asked_word), "retests");
	return 1;
}
