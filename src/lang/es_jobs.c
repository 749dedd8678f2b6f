/*
 * Spanish: the words of trade work asked for by a name the catalog doesn't
 * know ("me pueden cambiar el embrague", "presupuesto para reparar la
 * puerta"), read by the generic rule in src/inquiry_job.c. Folded words
 * (no accents). The Spanish engineer adds words here.
 */
#include "lang_packs.h"

#include <stddef.h>

static const char *const verbs[] = {
    "cambiar",	   "cambio",	  "cambian",	"arreglar", "arreglo",
    "arreglan",	   "reparar",	  "reparacion", "reparan",  "sustituir",
    "sustitucion", "presupuesto", NULL};

static const char *const one_thing[] = {"camb", "sustitu", NULL};

static const char *const skip[] = {
    "el", "la",	 "los",	  "las",   "un",    "una",  "mi",   "mis",
    "su", "sus", "tu",	  "nuevo", "nueva", "de",   "del",  "al",
    "me", "por", "favor", "para",  "coche", "otro", "otra", NULL};

static const char *const stop[] = {
    "es",      "esta",	 "se",	     "ha",     "me",	"que",	   "y",
    "o",       "con",	 "para",     "en",     "hoy",	"manana",  "cuanto",
    "cuesta",  "precio", "pueden",   "podeis", "puede", "urgente", "roto",
    "rota",    "no",	 "funciona", "por",    "favor", "gracias", "hace",
    "algo",    "cosa",	 "ya",	     "otra",   "vez",	"cambiar", "arreglar",
    "reparar", "el",	 "la",	     "un",     "una",	"mi",	   "si",
    NULL};

static const char *const state[] = {
    "roto",	"rota",	    "rotos",	"rotas",    "estropeado", "estropeada",
    "pinchado", "pinchada", "averiado", "averiada", "cambiar",	  "reparar",
    "arreglar", "suena",    "pierde",	NULL};

static const char *const linking[] = {"esta",  "se",	"ha",
				      "tiene", "estan", NULL};

static const char *const articles[] = {"un", "una", NULL};

static const char *const offer[] = {"haceis",  "hacen",	   "hacer",
				    "ofrecen", "ofreceis", NULL};

static const char *const not_named[] = {
    "puedo",  "puede",	"pueden", "debo",    "deberia", "hay", "que",
    "como",   "cuando", "donde",  "cual",    "quien",	"por", "cuanto",
    "cuesta", "sale",	"seria",  "saldria", "va",	"ser", NULL};

const struct lang_jobs lang_es_jobs = {
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
