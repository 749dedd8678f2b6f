/*
 * Turkish: the words of trade work asked for by a name the catalog doesn't
 * know ("debriyaj değişimi ne kadar", "aynayı tamir eder misiniz"), read by
 * the generic rule in src/inquiry_job.c (the verb comes last: the name
 * before it is the job). Folded words (ş→s, ğ→g, ı→i). The Turkish
 * engineer adds words here.
 */
#include "lang_packs.h"

#include <stddef.h>

static const char *const verbs[] = {
    "degistir",	   "degistirir", "degistirme", "degisim", "degisimi",
    "degistirmek", "tamir",	 "tamiri",     "onar",	  "onarim",
    "onarimi",	   "onarir",	 NULL};

static const char *const skip[] = {"benim", "bir", "yeni", "bizim",
				   "su",    "bu",  NULL};

static const char *const stop[] = {
    "misiniz", "musunuz", "mi",	     "mu",	    "var",	"yok",
    "ne",      "kadar",	  "fiyat",   "fiyati",	    "bugun",	"yarin",
    "lutfen",  "ve",	  "ile",     "icin",	    "eder",	"yapar",
    "yapiyor", "bozuk",	  "bozuldu", "tesekkurler", "degistir", "tamir",
    "onar",    "acil",	  NULL};

static const char *const state[] = {
    "bozuk",	"bozuldu",  "patladi",	  "kirik", "kirildi",
    "degistir", "degisimi", "degisim",	  "tamir", "tamiri",
    "onarim",	"onarimi",  "degistirme", NULL};

static const char *const linking[] = {"oldu", NULL};

static const char *const offer[] = {"yapiyor", "yapar", "yapiyormusunuz", NULL};

static const char *const not_named[] = {"ne",	 "nasil", "nerede", "ne zaman",
					"kim",	 "hangi", "mi",	    "mu",
					"miyim", "gerek", "lazim",  NULL};

const struct lang_jobs lang_tr_jobs = {
    .verbs = verbs,
    .skip = skip,
    .stop = stop,
    .state = state,
    .linking = linking,
    .offer = offer,
    .not_named = not_named,
};
