/*
 * The French pack's words for questions, complaints, conditions and
 * worries about a service (Wave G: review fr5 s20, s57): "C'est normal
 * d'avoir encore mal 3 jours après une extraction ?", "le plombage est
 * tombé, je dois revenir ?". Data only, folded as text_fold does; the
 * rules that read them are the same in every language.
 */
#include "smsdesk/lang.h"

#include "lang_packs.h"

// clang-format off
#include "reader_rows.h"

const struct lang_word lang_fr_asks[] = {
    /* a question about a service: for a person */
    W("cest normal", LW_ADVICE), W("c est normal", LW_ADVICE),
    W("est ce normal", LW_ADVICE), W("est ce que cest normal", LW_ADVICE),
    W("normal que", LW_ADVICE), W("normal davoir", LW_ADVICE),
    W("je dois revenir", LW_ADVICE), W("dois je revenir", LW_ADVICE),
    W("faut il revenir", LW_ADVICE), W("il faut revenir", LW_ADVICE),
    W("est ce grave", LW_ADVICE),
    W("cest grave", LW_ADVICE), W("enceinte", LW_ADVICE),
    W("allaite", LW_ADVICE), W("allergique", LW_ADVICE),
    W("a jeun", LW_ADVICE), W("combien de seances", LW_ADVICE),
    W("en supplement", LW_ADVICE), W("compris dans", LW_ADVICE),
    W("rembourse", LW_ADVICE), W("jours apres", LW_PAST),
    W("jour apres", LW_PAST), W("semaine derniere", LW_PAST),
    W("vous mavez fait", LW_PAST), W("mavez fait", LW_PAST),
    /* complaints, worries about work done */
    NT("pas content", OTHER), NT("pas contente", OTHER),
    NT("pas satisfait", OTHER), NT("pas satisfaite", OTHER),
    NT("mecontent", OTHER), NT("reclamation", OTHER),
    NT("est tombe", OTHER), NT("est tombee", OTHER),
    NT("sest decolle", OTHER), NT("sest casse", OTHER),
    /* not asked for: what the customer has */
    W("souffre de", LW_CONDITION), W("je souffre de", LW_CONDITION),
    /* une question sur un rdv à soi, "inscrit" plus loin ("je suis bien
     * inscrite pour jeudi ?", "j'ai un vaccin demain ?"; inquiry_mine.c) */
    W("je suis", LW_AM_I), W("suis je", LW_AM_I), W("est ce que je suis", LW_AM_I),
    W("on est", LW_AM_I), W("il est", LW_AM_I), W("elle est", LW_AM_I),
    W("jai", LW_HAVE_I), W("ai je", LW_HAVE_I), W("est ce que jai", LW_HAVE_I),
    W("jai bien", LW_HAVE_I), W("on a", LW_HAVE_I), W("on a bien", LW_HAVE_I),
    W("inscrit", LW_BOOKED), W("inscrite", LW_BOOKED),
    W("inscrits", LW_BOOKED), W("inscrites", LW_BOOKED), W("notes", LW_BOOKED),
    W("prevus", LW_BOOKED), W("note", LW_BOOKED), W("notee", LW_BOOKED),
    W("enregistre", LW_BOOKED), W("enregistree", LW_BOOKED),
    W("prevu", LW_BOOKED), W("prevue", LW_BOOKED), W("reserve", LW_BOOKED),
    W("reservee", LW_BOOKED), W("confirme", LW_BOOKED),
    W("dans lagenda", LW_BOOKED),
    /* un titre avant un nom ("le Dr Martin consulte samedi ?") */
    W("dr", LW_TITLE), W("docteur", LW_TITLE), W("mme", LW_TITLE),
    W("madame", LW_TITLE), W("monsieur", LW_TITLE), W("mr", LW_TITLE),
    W("mlle", LW_TITLE),
    {NULL, 0, 0}, /* fin */
};

// clang-format on
