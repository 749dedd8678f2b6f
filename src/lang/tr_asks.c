/*
 * The Turkish pack's words for questions, complaints, conditions and
 * worries about a service (Wave G: review tr5 s04, s21, s51, s52, s53):
 * "Bel fıtığım var, pazartesi seans istiyorum", "Hamileyim masaj yapabilir
 * misiniz", "dizim çok ağrıyor ne yapayım", "Teşekkürler çok iyi geldi
 * seans". Data only, folded as text_fold does; the rules that read them
 * are the same in every language.
 */
#include "smsdesk/lang.h"

#include "lang_packs.h"

// clang-format off
#include "reader_rows.h"

const struct lang_word lang_tr_asks[] = {
    /* a question about a service: for a person */
    W("hamileyim", LW_ADVICE), W("hamile", LW_ADVICE),
    W("gebeyim", LW_ADVICE), W("emziriyorum", LW_ADVICE),
    W("normal mi", LW_ADVICE), W("zararli mi", LW_ADVICE),
    W("sakincasi var mi", LW_ADVICE), W("sakincali mi", LW_ADVICE),
    W("bakiyor musunuz", LW_ADVICE), W("bakiyormusunuz", LW_ADVICE),
    W("ilgileniyor musunuz", LW_ADVICE), W("kac seans", LW_ADVICE),
    W("kac seans gerekir", LW_ADVICE), W("ac mi gelmeliyim", LW_ADVICE),
    W("fark ne", LW_ADVICE), W("farki ne", LW_ADVICE),
    /* thanks for a session had, complaints */
    W("iyi geldi", LW_PAST), W("cok iyi geldi", LW_PAST),
    NT("sikayet", OTHER), NT("sikayetci", OTHER),
    NT("sikayetciyim", OTHER), NT("memnun degilim", OTHER),
    NT("memnun kalmadim", OTHER), NT("kaba", OTHER),
    /* a health problem told */
    V("agriyor", LW_SYMPTOM, 1), V("cok agriyor", LW_SYMPTOM, 1),
    V("agrim var", LW_SYMPTOM, 1), V("sizliyor", LW_SYMPTOM, 1),
    V("tutuldu", LW_SYMPTOM, 1), V("skolyoz", LW_SYMPTOM, 1),
    V("fitik", LW_SYMPTOM, 1), V("fitigim", LW_SYMPTOM, 1),
    /* not asked for: negated after, or what the customer has */
    W("degil", LW_NEG_AFTER), W("yok", LW_NEG_AFTER),
    V("var", LW_CONDITION, 2), V("vardi", LW_CONDITION, 2),
    /* kendi randevusunu soruyor ("cuma için kayıtlı mıyım?", "yarın için
     * yazıldım mı?"; inquiry_mine.c) */
    W("ben", LW_AM_I), W("benim", LW_AM_I), W("biz", LW_AM_I),
    W("kayitli", LW_BOOKED), W("kayitliyim", LW_BOOKED), W("yazili", LW_BOOKED),
    W("yaziliyim", LW_BOOKED), W("yazildim", LW_BOOKED), W("yazildim mi", LW_MINE),
    W("yazili miyim", LW_MINE), W("kaydim var mi", LW_MINE),
    W("kaydim", LW_MINE), W("yaziliyim degil mi", LW_MINE),
    /* bir addan önce unvan ("Dr. Ayşe bugün var mı?") */
    W("dr", LW_TITLE), W("doktor", LW_TITLE), W("op dr", LW_TITLE),
    /* bir kişiye: randevu almadı, kimse dönmedi */
    NT("randevu almadim", OTHER), NT("ben randevu almadim", OTHER),
    NT("kimse donmedi", OTHER), NT("kimse cevap vermedi", OTHER),
    NT("donus yapmadiniz", OTHER), NT("geri donmediniz", OTHER),
    {NULL, 0, 0}, /* son */
};

/* A booking said to be another person's, never picked without a reference
 * (inquiry_whose.c): "ablamınkini", "oğlumun randevusu", "oğlum için olan". */
static const char *const whose_after[] = {"icin", NULL};
static const char *const whose_ends[] = {
    "inkinin", "unkinin", "inkini", "unkini", "inkine", "unkine", "inki",
    "unki", "nin", "nun", "in", "un", NULL};
static const char *const whose_third[] = {
    "onunki", "onunkini", "onunkine", NULL};
static const char *const whose_persons[] = {
    "ablam", "abim", "kardesim", "kizkardesim", "teyzem", "halam", "dayim",
    "amcam", "dedem", "ninem", "anneannem", "babaannem", "sevgilim",
    "nisanlim", "enistem", "yengem", "gelinim", "kayinvalidem", "kaynanam",
    NULL};

const struct lang_whose lang_tr_whose = {
    .after = whose_after, .ends = whose_ends, .person_owned = 1,
    .third = whose_third, .persons = whose_persons,
};

// clang-format on
