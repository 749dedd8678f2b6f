/*
 * The German pack's words for questions, complaints, conditions and
 * worries about a service (Wave G: review de5 s26, s40, s44, s48, s49,
 * c08): "Muss sie nüchtern sein?", "Kostet die Nachkontrolle extra?",
 * "Braucht man noch was für die Reise?", "keinen Durchfall mehr". Data
 * only, folded as text_fold does; the rules that read them are the same
 * in every language.
 */
#include "smsdesk/lang.h"

#include "lang_packs.h"

// clang-format off
#include "reader_rows.h"

const struct lang_word lang_de_asks[] = {
    /* a question about a service: for a person (val 1: only opening a
     * question, "Ist die Impfung ...?") */
    V("ist die", LW_ADVICE, 1), V("ist der", LW_ADVICE, 1),
    V("ist das", LW_ADVICE, 1), V("sind die", LW_ADVICE, 1),
    V("muss er", LW_ADVICE, 1), V("muss sie", LW_ADVICE, 1),
    V("muss es", LW_ADVICE, 1), V("muss ich", LW_ADVICE, 1),
    W("ist das normal", LW_ADVICE), W("ist es normal", LW_ADVICE),
    /* "Wann sollte man mit der Behandlung anfangen?": advice, never the
     * next free times (LW_QUESTION_WHEN) */
    W("wann sollte", LW_ADVICE), W("wann soll man", LW_ADVICE), W("wann muss man", LW_ADVICE),
    W("wann sollte man", LW_ADVICE), W("wann sollten", LW_ADVICE),
    W("normal dass", LW_ADVICE),
    W("braucht man", LW_ADVICE), W("brauche ich noch", LW_ADVICE),
    W("wie oft", LW_ADVICE), W("wie viele impfungen", LW_ADVICE),
    W("schwanger", LW_ADVICE), W("tragend", LW_ADVICE),
    W("trachtig", LW_ADVICE), W("allergisch", LW_ADVICE),
    W("allergie", LW_ADVICE), W("vertragt", LW_ADVICE),
    W("kostet extra", LW_ADVICE), W("extra", LW_ADVICE),
    W("aufpreis", LW_ADVICE), W("inklusive", LW_ADVICE),
    /* "se chover cancela?": whether the weather cancels it, a question
     * for a person, never a cancel (review pt AI s44) */
    NT("wenn es regnet", OTHER), NT("falls es regnet", OTHER), NT("bei regen", OTHER),
    /* "can he/she/I do it?", "do I need ...?", "what does it include?":
     * whether it suits someone, for a person, never "which day?"
     * (reviews es AH s06, s40, s52, c08.1, de AH s21, s29, AG s19, tr AH
     * s19, fr AH s42, c20.2) */
    V("kann er", LW_ADVICE, 1),
    V("darf er", LW_ADVICE, 1), V("darf sie", LW_ADVICE, 1),
    V("brauch ich", LW_ADVICE, 1), V("brauche ich", LW_ADVICE, 1),
    V("braucht er", LW_ADVICE, 1), V("braucht sie", LW_ADVICE, 1),
    W("vorkenntnisse", LW_ADVICE), W("alles dabei", LW_ADVICE),
    W("was ist dabei", LW_ADVICE), W("was ist beim", LW_ADVICE),
    W("was ist bei", LW_ADVICE), W("ist dabei", LW_ADVICE),
    W("inbegriffen", LW_ADVICE), W("im preis", LW_ADVICE),
    W("fur die reise", LW_ADVICE), W("einreise", LW_ADVICE),
    /* does it hurt, is it dangerous, should I see a doctor, what now:
     * for a person, never a booking prompt (de10 S10, S40, S58) */
    V("tut die", LW_ADVICE, 1), V("tut der", LW_ADVICE, 1),
    V("tut das", LW_ADVICE, 1), V("tut es", LW_ADVICE, 1),
    V("tut eine", LW_ADVICE, 1), V("tut ein", LW_ADVICE, 1),
    V("ist eine", LW_ADVICE, 1), V("ist ein", LW_ADVICE, 1),
    W("tut das weh", LW_ADVICE), W("tut es weh", LW_ADVICE),
    W("ist das schmerzhaft", LW_ADVICE), W("ist es schmerzhaft", LW_ADVICE),
    W("gefahrlich", LW_ADVICE), W("ist das schlimm", LW_ADVICE),
    W("ist es schlimm", LW_ADVICE), W("zum arzt", LW_ADVICE),
    W("zum hausarzt", LW_ADVICE), W("zum doktor", LW_ADVICE),
    W("zum facharzt", LW_ADVICE), W("zum hautarzt", LW_ADVICE),
    W("was jetzt", LW_ADVICE), W("was nun", LW_ADVICE),
    W("was soll ich tun", LW_ADVICE), W("was soll ich machen", LW_ADVICE),
    W("was mache ich jetzt", LW_ADVICE), W("was kann ich tun", LW_ADVICE),
    W("was kann ich machen", LW_ADVICE),
    /* what to mind or bring, from what age, with whose consent, may I
     * swim, who does it, a loan car: for a person, never "Welcher Tag
     * passt Ihnen?" (reviews de V s16, s54, s59; T s47; U s45; S s51) */
    W("was muss ich", LW_ADVICE), W("worauf muss ich", LW_ADVICE),
    W("beachten", LW_ADVICE),
    W("darf ich vorher", LW_ADVICE), W("darf ich danach", LW_ADVICE),
    W("darf ich mit", LW_ADVICE), W("darf man", LW_ADVICE),
    W("einverstandnis", LW_ADVICE), W("ab welchem alter", LW_ADVICE),
    W("ab wie viel jahren", LW_ADVICE), W("ab wieviel jahren", LW_ADVICE),
    W("mindestalter", LW_ADVICE), W("minderjahrig", LW_ADVICE),
    W("bei jugendlichen", LW_ADVICE), W("schwimmen", LW_ADVICE),
    W("schwimmbad", LW_ADVICE), W("gemischt", LW_ADVICE),
    /* "Tut Lymphdrainage weh?", what to bring, whether it is for beginners
     * or too loud: for a person, never "Welcher Tag passt?" (reviews de AA
     * s42, Z s09 s20 s21) */
    /* "wie lange dauert das Trocknen?": drying, never the visit's length */
    W("trocknen", LW_ADVICE), W("trocknet", LW_ADVICE), W("trocken", LW_ADVICE),
    W("trockenzeit", LW_ADVICE), W("trocknungszeit", LW_ADVICE),
    W("weh", LW_ADVICE), W("schmerzhaft", LW_ADVICE),
    W("mitbringen", LW_ADVICE), W("mitnehmen", LW_ADVICE),
    W("bringt man", LW_ADVICE), W("muss man", LW_ADVICE),
    W("geht das uberhaupt", LW_ADVICE), W("geht das noch", LW_ADVICE),
    W("auch was fur", LW_ADVICE), W("fur anfanger", LW_ADVICE),
    W("absolute anfangerin", LW_ADVICE), W("absoluter anfanger", LW_ADVICE),
    W("zu alt", LW_ADVICE), W("empfindliche", LW_ADVICE),
    W("sehr laut", LW_ADVICE), W("keine betreuung", LW_ADVICE),
    W("keinen babysitter", LW_ADVICE),
    W("mann oder eine frau", LW_ADVICE), W("mann oder frau", LW_ADVICE),
    W("lieber eine frau", LW_ADVICE), W("lieber einen mann", LW_ADVICE),
    W("leihwagen", LW_ADVICE), W("ersatzwagen", LW_ADVICE),
    W("ersatzfahrzeug", LW_ADVICE),
    /* how far a home visit goes: the price, and the rest for a person
     * (de10 S59) */
    /* a cancel said as a condition ("if I have to cancel ..."): a
     * question about cancelling, for a person, never a cancel (review pt
     * AG c20.2 cancelled the lesson just booked) */
    NT("falls ich absagen muss", OTHER), NT("wenn ich absagen muss", OTHER),
    NT("falls ich stornieren muss", OTHER), NT("wenn ich stornieren muss", OTHER),
    NT("falls ich absage", OTHER), NT("wenn ich absage", OTHER),
    NT("bis wohin", OTHER), NT("wie weit fahren", OTHER),
    NT("wie weit kommen", OTHER), NT("einzugsgebiet", OTHER),
    NT("welche stadtteile", OTHER), NT("fahren sie auch nach", OTHER),
    NT("kommen sie auch nach", OTHER), NT("fahrt ihr auch nach", OTHER),
    W("tage nach", LW_PAST), W("nach der op", LW_PAST),
    /* asking after an animal treated, a person of the team */
    NT("wie geht es", OTHER), NT("wie gehts", OTHER),
    NT("wie ist die op", OTHER), NT("gut uberstanden", OTHER),
    NT("befund", OTHER), NT("ergebnisse", OTHER),
    /* complaints */
    NC("beschwerde"), NC("beschweren"),
    NC("unzufrieden"), NC("nicht zufrieden"),
    NC("unfreundlich"), NC("zu dunkel"),
    /* what the customer has, not what they ask for */
    W("leidet an", LW_CONDITION), W("leidet unter", LW_CONDITION),
    W("leide an", LW_CONDITION), W("leide unter", LW_CONDITION),
    W("hat seit", LW_CONDITION),
    /* nach einem eigenen Termin gefragt, das Wort "eingetragen" später
     * ("Bin ich bei Ihnen mit 15:30 am 8.12. eingetragen?", "habe Termin
     * zur Kontrolle bei Ihnen gebucht, ... wann genau?", de6 s48, c14;
     * inquiry_mine.c) */
    W("bin ich", LW_AM_I), W("sind wir", LW_AM_I), W("ist er", LW_AM_I),
    W("ist sie", LW_AM_I), W("ist mein", LW_AM_I), W("ist meine", LW_AM_I),
    W("ist unser", LW_AM_I), W("ist unsere", LW_AM_I), W("bin ich noch", LW_AM_I),
    /* ... und was man hält, erzählt: "hab morgen um 11 eine massage,
     * kann ich noch fango dazu buchen?" (de8 s50; inquiry_cond.c) */
    V("hab", LW_AM_I, LW_AM_I_HOLDS), V("habe", LW_AM_I, LW_AM_I_HOLDS),
    V("ich hab", LW_AM_I, LW_AM_I_HOLDS), V("ich habe", LW_AM_I, LW_AM_I_HOLDS),
    V("wir haben", LW_AM_I, LW_AM_I_HOLDS), W("hatte", LW_AM_I), W("ich hatte", LW_AM_I),
    W("hab ich", LW_HAVE_I), W("habe ich", LW_HAVE_I),
    W("haben wir", LW_HAVE_I), W("hat er", LW_HAVE_I), W("hat sie", LW_HAVE_I),
    W("hab ich noch", LW_HAVE_I), W("habe ich noch", LW_HAVE_I),
    W("eingetragen", LW_BOOKED), W("gebucht", LW_BOOKED),
    W("angemeldet", LW_BOOKED), W("vorgemerkt", LW_BOOKED),
    W("notiert", LW_BOOKED), W("reserviert", LW_BOOKED),
    W("vereinbart", LW_BOOKED), W("ausgemacht", LW_BOOKED),
    W("bestatigt", LW_BOOKED), W("im kalender", LW_BOOKED),
    /* ein Titel vor einem Namen ("Ist Frau Dr. Hoffmann diese Woche da?") */
    W("dr", LW_TITLE), W("frau", LW_TITLE), W("herr", LW_TITLE),
    W("doktor", LW_TITLE), W("prof", LW_TITLE),
    /* für einen Menschen: nie gebucht, keine Antwort bekommen */
    NT("nicht gebucht", OTHER), NT("nie gebucht", OTHER),
    NT("nichts gebucht", OTHER), NT("keinen termin gemacht", OTHER),
    NT("keinen termin gebucht", OTHER), NT("keine antwort", OTHER),
    NT("niemand hat geantwortet", OTHER), NT("nicht zuruckgerufen", OTHER),
    NT("nie zuruckgerufen", OTHER), NT("keiner hat sich gemeldet", OTHER),
    NT("niemand hat sich gemeldet", OTHER),
    /* ob wir erinnern, wie lange vorher buchen: die Richtlinie des
     * Katalogs antwortet */
    NT("erinnerung per sms", REMINDER), NT("eine erinnerung", REMINDER),
    NT("erinnerungs sms", REMINDER), NT("erinnerungssms", REMINDER),
    /* "Bekomm ich da vorher noch ne Erinnerung?" (review de X c15.3) */
    NT("ne erinnerung", REMINDER), NT("noch ne erinnerung", REMINDER),
    NT("einer erinnerung", REMINDER), NT("erinnerung vorher", REMINDER),
    NT("erinnert ihr mich", REMINDER), NT("erinnern sie mich", REMINDER),
    NT("wie weit im voraus", NOTICE), NT("wie kurzfristig", NOTICE),
    /* the terms of a cancel (review de AD2 s56) */
    NT("bis wann muss ich", NOTICE), NT("stornobedingungen", NOTICE), NT("stornofrist", NOTICE),
    /* "Wie früh muss ich eine Schiene buchen?" (review de AL s22) */
    NT("wie fruh muss ich", NOTICE), NT("wie fruh sollte ich", NOTICE), NT("wie fruh muss man", NOTICE),
    NT("wie fruh vorher", NOTICE),
    /* "Wieviel Vorlauf brauchen Sie?" (review de AS s58 got the price) */
    NT("vorlauf", NOTICE), NT("wieviel vorlauf", NOTICE), NT("wie viel vorlauf", NOTICE),
    /* "Ist die Reinigung kostenlos?", "kostet das was?": its price
     * answers (review de W s47; the other packs alike) */
    W("kostenlos", LW_PRICE), W("gratis", LW_PRICE), W("umsonst", LW_PRICE),
    W("kostenpflichtig", LW_PRICE), W("muss ich zahlen", LW_PRICE),
    W("muss ich bezahlen", LW_PRICE), W("kostet das was", LW_PRICE),
    /* "Sie schicken doch Erinnerungen oder?" (review de X s48) */
    NT("schicken doch erinnerungen", REMINDER), NT("schicken sie erinnerungen", REMINDER),
    NT("schickt ihr erinnerungen", REMINDER), NT("bekomme ich erinnerungen", REMINDER),
    NT("gibt es erinnerungen", REMINDER),
    /* unsere Telefonnummer (LANG_NT_PHONE): aus dem Katalog */
    NT("telefonnummer", PHONE), NT("ihre nummer", PHONE), NT("eure nummer", PHONE),
    NT("kann ich sie anrufen", PHONE), NT("kann ich euch anrufen", PHONE),
    NT("kann man sie anrufen", PHONE), NT("telefonisch erreichen", PHONE),
    /* "unter welcher Nummer kann ich die Praxis anrufen?" (review de AN
     * s62 was handed on) */
    NT("unter welcher nummer", PHONE), NT("welche nummer", PHONE),
    NT("die praxis anrufen", PHONE), NT("wann kann ich anrufen", PHONE),
    /* die Adresse der Kundin ("Adresse ist Stuttgarter Allee 12"): fürs
     * Team, nie unsere (review de AL c06.3) */
    NTOLD("meine adresse"), NTOLD("adresse ist"), NTOLD("unsere adresse"),
    NTOLD("ich wohne"), NTOLD("wir wohnen"),
    {NULL, 0, 0}, /* das Ende */
};

/* A booking said to be another person's, never picked without a reference
 * (inquiry_whose.c): "den Termin meiner Frau", "von meinem Sohn", "seinen
 * Termin". */
static const char *const whose_of[] = {
    "von", "vom", "fur", "meiner", "meines", "unserer", "unseres", NULL};
static const char *const whose_between[] = {
    "mein", "meine", "meinen", "meinem", "meiner", "unser", "unsere",
    "unseren", "unserem", "dem", "den", "der", "die", NULL};
static const char *const whose_third[] = {
    "seinen", "seine", "seinem", "seines", "seiner", NULL};
static const char *const whose_persons[] = {
    "frau", "mannes", "sohnes", "vaters", "bruders", "freundes", "kindes",
    "partners", "enkels", "neffen", "kleinen", "kleine", "ihn", "ihm",
    "tante", "onkel", "schwiegermutter", "schwiegervater", "verlobte",
    "verlobten", "gattin", "gatte", "mutti", "vati", "tochterchen", NULL};

const struct lang_whose lang_de_whose = {
    .of = whose_of, .between = whose_between, .third = whose_third,
    .persons = whose_persons,
};

// clang-format on
