/*
 * German: the words of trade work asked for by a name the catalog doesn't
 * know ("können Sie die Kupplung wechseln", "Auspuff reparieren was
 * kostet das"), read by the generic rule in src/inquiry_job.c (the verb
 * often comes last: the name before it is the job). Folded words
 * (ä→a, ß→ss). The German engineer adds words here.
 */
#include "lang_packs.h"

#include <stddef.h>

static const char *const verbs[] = {
    "wechseln", "wechsel",	     "reparieren", "reparatur",
    "tauschen", "austauschen",	     "tausch",	   "erneuern",
    "ersetzen", "kostenvoranschlag", NULL};

static const char *const one_thing[] = {"ersetz", "austausch", NULL};

static const char *const skip[] = {
    "der",  "die",   "das",    "den",	"dem",	  "ein",   "eine",  "einen",
    "mein", "meine", "meinen", "unser", "unsere", "neue",  "neuen", "neuer",
    "fur",  "am",    "beim",   "mir",	"sie",	  "bitte", NULL};

static const char *const stop[] = {
    "ist",	"hat",	      "sind",	  "und",    "oder",	"mit",
    "fur",	"bei",	      "im",	  "am",	    "heute",	"morgen",
    "was",	"kostet",     "preis",	  "konnen", "konnten",	"sie",
    "bitte",	"danke",      "kaputt",	  "defekt", "dringend", "das",
    "der",	"die",	      "ein",	  "eine",   "mein",	"meine",
    "wechseln", "reparieren", "tauschen", "nicht",  "mehr",	"noch",
    "wie",	"viel",	      NULL};

static const char *const state[] = {
    "kaputt",	"defekt",   "platt",	"undicht",   "wechseln", "reparieren",
    "tauschen", "ersetzen", "erneuern", "quietscht", "leuchtet", NULL};

static const char *const linking[] = {"ist", "hat", "sind", "war", NULL};

static const char *const articles[] = {"ein", "eine", "einen", NULL};

static const char *const offer[] = {"bietet", "bieten", "anbieten", NULL};

static const char *const not_named[] = {
    "soll", "sollte", "muss", "kann",	"konnen", "darf", "wie", "was",
    "wann", "wo",     "wer",  "welche", "gibt",	  "es",	  NULL};

const struct lang_jobs lang_de_jobs = {
    .verbs = verbs,
    .one_thing = one_thing,
    .skip = skip,
    .stop = stop,
    .state = state,
    .linking = linking,
    .articles = articles,
    .offer = offer,
    .not_named = not_named,
};
