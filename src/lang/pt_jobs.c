/*
 * Portuguese: the words of trade work asked for by a name the catalog
 * doesn't know ("orçamento para trocar a embreagem", "vcs consertam
 * retrovisor?"), read by the generic rule in src/inquiry_job.c. Folded
 * words (no accents). The Portuguese engineer adds words here.
 */
#include "lang_packs.h"

#include <stddef.h>

static const char *const verbs[] = {"trocar",	    "consertar", "conserto",
				    "consertam",    "arrumar",	 "arrumam",
				    "reparar",	    "reparo",	 "substituir",
				    "substituicao", "orcamento", NULL};

static const char *const one_thing[] = {"troc", "substitu", NULL};

static const char *const skip[] = {
    "o",      "a",   "os",   "as",  "um",    "uma", "meu",   "minha", "meus",
    "minhas", "seu", "sua",  "de",  "do",    "da",  "dos",   "das",   "novo",
    "nova",   "pra", "para", "pro", "carro", "vcs", "voces", "me",    NULL};

static const char *const stop[] = {
    "e",	"ta",	    "esta",	"tem",	  "com",       "em",
    "no",	"na",	    "hoje",	"amanha", "quanto",    "custa",
    "preco",	"vai",	    "ficar",	"fica",	  "pode",      "podem",
    "voces",	"vcs",	    "por",	"favor",  "urgente",   "quebrado",
    "quebrada", "obrigado", "obrigada", "trocar", "consertar", "arrumar",
    "o",	"a",	    "um",	"uma",	  "meu",       "minha",
    "se",	"que",	    "algo",	NULL};

static const char *const state[] = {
    "quebrado",	 "quebrada", "furado", "furada",    "estragado",
    "estragada", "vazando",  "trocar", "consertar", "arrumar",
    "queimado",	 "queimada", NULL};

static const char *const linking[] = {"esta",  "ta",  "foi",
				      "ficou", "tem", NULL};

static const char *const articles[] = {"um", "uma", NULL};

static const char *const offer[] = {"fazem", "fazer", "oferecem", NULL};

static const char *const not_named[] = {
    "vai",  "ficar",  "fica",	"devo",	 "posso", "pode",
    "tem",  "quanto", "quando", "como",	 "onde",  "qual",
    "quem", "sai",    "seria",	"custa", "favor", NULL};

const struct lang_jobs lang_pt_jobs = {
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
