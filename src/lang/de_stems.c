/*
 * German: compounds. German writes a service and what is done to it as one
 * word ("Hornhautentfernung", "Nagelpilzbehandlung", "Fußpflegetermin"):
 * the last part only says what is done or that a visit is wanted, the
 * first part is the catalog's word. The generic stem rule
 * (src/inquiry_stems.c) cuts these heads and looks the rest up, exactly;
 * a linking "s" or "n" before the head is dropped too
 * ("Hausbesuchstermin", "Nagelspangenbehandlung"). Folded words.
 */
#include "smsdesk/lang.h"

#include "lang_packs.h"

#include <stddef.h>

// clang-format off
static const char *const de_compound_heads[] = {
    /* longest first: "behandlungstermin" before "termin" */
    "behandlungstermin", "fussbehandlung", "behandlungen", "behandlung",
    /* "Diabetikerfußpflege": the foot care of the one named first */
    "fusspflege", "entfernungen",
    "entfernung", "untersuchung", "anwendungen", "anwendung", "beratung",
    "kontrolle", "korrektur", "versorgung", "abtragung", "therapie",
    "reinigung", "sitzung", "termine", "termin", "massage", "pflege",
    "kur", NULL,
};

static const char *const de_compound_links[] = {
    "s", "", "n", "", NULL, NULL,
};
// clang-format on

const struct lang_stems lang_de_stems = {
    .ends = de_compound_heads,
    .alts = de_compound_links,
};
