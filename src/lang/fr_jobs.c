/*
 * French: the words of trade work asked for by a name the catalog doesn't
 * know ("un devis pour le remplacement de l'embrayage", "pouvez-vous
 * réparer mon rétro"), read by the generic rule in src/inquiry_job.c.
 * Folded words (no accents, apostrophes dropped: "l'embrayage" is
 * "lembrayage", read past the pack's elisions). The French engineer adds
 * words here.
 */
#include "lang_packs.h"

#include <stddef.h>

static const char *const verbs[] = {
    "changer",	"change",  "changement", "remplacer", "remplacement",
    "remplace", "reparer", "reparation", "refaire",   "poser",
    "pose",	"devis",   NULL};

static const char *const one_thing[] = {"rempl", "pos", NULL};

static const char *const skip[] = {
    "le",  "la",      "les",	  "un",	  "une",   "des", "de",
    "du",  "mon",     "ma",	  "mes",  "ton",   "ta",  "votre",
    "vos", "nouveau", "nouvelle", "neuf", "neuve", "me",  "pour",
    "sur", "voiture", "auto",	  NULL};

static const char *const stop[] = {
    "est",     "a",	"ai",	      "sont",	   "fait",    "et",
    "ou",      "avec",	"pour",	      "en",	   "au",      "aux",
    "combien", "prix",	"cout",	      "pouvez",	   "vous",    "svp",
    "stp",     "merci", "aujourdhui", "demain",	   "urgent",  "casse",
    "cassee",  "qui",	"que",	      "il",	   "elle",    "ne",
    "pas",     "plus",	"changer",    "remplacer", "reparer", "le",
    "la",      "les",	"un",	      "une",	   "mon",     "ma",
    "mes",     "si",	"cest",	      "quelque",   "chose",   NULL};

static const char *const state[] = {
    "casse",   "cassee",    "casses",  "crevee", "creve",  "hs",
    "fuit",    "bloque",    "bloquee", "use",	 "usee",   "uses",
    "changer", "remplacer", "reparer", "a",	 "grince", NULL};

static const char *const linking[] = {"est", "a", "sont", "ont", "fait", NULL};

static const char *const articles[] = {"un", "une", NULL};

static const char *const offer[] = {"faites", "proposez", "faire",
				    "fait",   "font",	  NULL};

static const char *const not_named[] = {
    "dois",	"devrais", "faut",    "peux",  "pouvez", "peut",   "est",
    "quoi",	"quand",   "comment", "ou",    "quel",	 "quelle", "combien",
    "chercher", "venir",   "passer",  "aller", NULL};

const struct lang_jobs lang_fr_jobs = {
    .verbs = verbs,
    .one_thing = one_thing,
    .skip = skip,
    .stop = stop,
    .state = state,
    .linking = linking,
    .articles = articles,
    .offer = offer,
    .not_named = not_named,
    .head_first = 1,
};
