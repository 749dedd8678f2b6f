/*
 * English: the words of trade work asked for by a name the catalog doesn't
 * know ("can you fix my clutch", "timing belt change how much", "battery
 * flat can u replace it"), read by the generic rule in src/inquiry_job.c.
 */
#include "lang_packs.h"

#include <stddef.h>

static const char *const verbs[] = {
    "fix",	"fixed",    "fixing",	 "repair",	"repaired", "repairing",
    "replace",	"replaced", "replacing", "replacement", "change",   "changed",
    "changing", "swap",	    "swapped",	 "fit",		"fitted",   "renew",
    "sort",	"quote",    NULL};

static const char *const one_thing[] = {"repl", "fit", "swap", "renew", NULL};

static const char *const skip[] = {
    "a",     "an",	 "the",	  "my",		 "our",	  "his",      "her",
    "their", "me",	 "us",	  "new",	 "some",  "your",     "ur",
    "u",     "you",	 "ya",	  "pls",	 "plz",	  "please",   "for",
    "of",    "on",	 "just",  "replacement", "brand", "car",      "cars",
    "van",   "vans",	 "motor", "vehicle",	 "wifes", "husbands", "mums",
    "dads",  "partners", "2nd",	  "second",	 NULL};

static const char *const stop[] = {
    "flat",	 "dead",       "broke",	   "broken",  "down",
    "gone",	 "blowing",    "blown",	   "leaking", "leak",
    "failed",	 "stopped",    "keeps",	   "making",  "is",
    "was",	 "has",	       "are",	   "its",     "it",
    "needs",	 "need",       "needed",   "went",    "on",
    "in",	 "at",	       "for",	   "from",    "with",
    "to",	 "and",	       "or",	   "please",  "pls",
    "plz",	 "asap",       "how",	   "much",    "cost",
    "price",	 "can",	       "could",	   "would",   "will",
    "you",	 "u",	       "do",	   "change",  "changed",
    "replace",	 "replaced",   "fix",	   "fixed",   "repair",
    "repaired",	 "fitted",     "done",	   "doing",   "today",
    "tomorrow",	 "tmrw",       "tmw",	   "again",   "cheaper",
    "quick",	 "quickly",    "urgently", "urgent",  "sorted",
    "work",	 "working",    "noise",	   "problem", "issue",
    "light",	 "the",	       "a",	   "an",      "my",
    "cheap",	 "expensive",  "thanks",   "thx",     "cheers",
    "ta",	 "mate",       "help",	   "snapped", "cracked",
    "worn",	 "knackered",  "busted",   "playing", "up",
    "out",	 "off",	       "still",	   "any",     "if",
    "something", "somethings", "thing",	   "things",  "everything",
    "anything",	 "nothing",    "sound",	   "should",  "shall",
    "must",	 "might",      "may",	   "i",	      "im",
    "while",	 "wait",       "waiting",  NULL};

static const char *const state[] = {
    "flat",	"dead",	     "broke",	    "broken", "blowing", "blown",
    "leaking",	"leaks",     "failed",	    "gone",   "stopped", "snapped",
    "cracked",	"worn",	     "knackered",   "busted", "making",	 "playing",
    "keeps",	"needs",     "need",	    "needed", "went",	 "change",
    "changed",	"replace",   "replacement", "fix",    "repair",	 "swap",
    "slipping", "squealing", "smoking",	    NULL};

static const char *const linking[] = {"is",   "has",  "keeps", "was",
				      "have", "had",  "been",  "got",
				      "are",  "were", NULL};

static const char *const articles[] = {"a", "an", NULL};

static const char *const offer[] = {"do", "does", "offer", "offers", NULL};

/* Words no customer asks for by name: what leads a question or helps a
 * verb ("should I come in": never "we don't do shoulds"). */
static const char *const not_named[] = {
    "should", "shall", "could", "would", "might", "must", "may", "can", "will",
    "does", "did", "is", "are", "was", "were", "been", "being", "have", "has",
    "had", "there", "here", "this", "that", "these", "those", "what", "which",
    "who", "why", "how", "when", "where", "whats", "online",
    /* a slot, not a thing: "book the latest one" */
    "latest", "earliest", "soonest", "last", "first", "next", "one", "ones",
    "slot", "slots", "time", "times", NULL};

static const char *const mass[] = {"recovery",	 "upholstery", "bodywork",
				   "electrics",	 "oil",	       "coolant",
				   "antifreeze", NULL};

static const char *const mass_ends[] = {"ing", "ion", "ment", "work",
					"ics", "age", NULL};

static const char *const about_lead[] = {"do", "can", "could", "will", NULL};
static const char *const about_you[] = {"you", "u", "ya", NULL};
static const char *const about_how[] = {"use",	   "have",	"collect",
					"deliver", "recommend", NULL};
static const char *const comparing[] = {"cheaper", "quicker",  "faster",
					"sooner",  "discount", "deal",
					"deals",   NULL};

static const char *const retest[] = {"retest", "retests", "reinspection", NULL};
static const char *const included[] = {
    "included", "include", "includes", "free", "inc", "incl", NULL};

const struct lang_jobs lang_en_jobs = {
    .verbs = verbs,
    .one_thing = one_thing,
    .skip = skip,
    .stop = stop,
    .state = state,
    .linking = linking,
    .articles = articles,
    .offer = offer,
    .not_named = not_named,
    .plural = 1,
    .mass = mass,
    .mass_ends = mass_ends,
    .about_lead = about_lead,
    .about_you = about_you,
    .about_how = about_how,
    .comparing = comparing,
    .retest = retest,
    .included = included,
};
