/*
 * The English pack's words for questions, complaints, conditions and
 * worries about a service (Wave G: reviews r7 s078-s088, s120, s157):
 * "I'm pregnant, is it ok to have a facial?", "is the pedicure gel or
 * normal polish?", "how long do gels last?", "my brows came out way too
 * dark", "I've got a slipped disc". Data only, folded as text_fold does;
 * the rules that read them are the same in every language
 * (inquiry_asks.c, inquiry_cond.c, inquiry_intent.c).
 */
#include "smsdesk/lang.h"

#include "lang_packs.h"

// clang-format off
#include "reader_rows.h"

const struct lang_word lang_en_asks[] = {
    /* a question about a service: for a person (val 1: only opening a
     * question, "is the facial suitable for...?") */
    V("is the", LW_ADVICE, 1), V("are the", LW_ADVICE, 1),
    V("does the", LW_ADVICE, 1), V("do the", LW_ADVICE, 1),
    V("is your", LW_ADVICE, 1), V("are your", LW_ADVICE, 1),
    V("does your", LW_ADVICE, 1), V("will the", LW_ADVICE, 1),
    V("are they", LW_ADVICE, 1), V("do they", LW_ADVICE, 1),
    W("is it ok", LW_ADVICE), W("is it okay", LW_ADVICE),
    W("is it alright", LW_ADVICE), W("is it safe", LW_ADVICE),
    W("is that ok", LW_ADVICE), W("ok to have", LW_ADVICE),
    W("safe to have", LW_ADVICE), W("safe for", LW_ADVICE),
    W("suitable", LW_ADVICE), W("suitable for", LW_ADVICE),
    W("pregnant", LW_ADVICE), W("breastfeeding", LW_ADVICE),
    W("allergic", LW_ADVICE), W("allergy", LW_ADVICE),
    W("allergies", LW_ADVICE), W("patch test", LW_ADVICE),
    W("patch tests", LW_ADVICE), W("aftercare", LW_ADVICE),
    W("do gels last", LW_ADVICE), W("do they last", LW_ADVICE),
    W("does it last", LW_ADVICE), W("will it last", LW_ADVICE),
    W("will they last", LW_ADVICE), W("lasts", LW_ADVICE),
    W("stay on", LW_ADVICE), W("how much notice", LW_ADVICE),
    W("notice do you need", LW_ADVICE), W("asking for my", LW_ADVICE),
    W("asking for a friend", LW_ADVICE), W("male clients", LW_ADVICE),
    W("what can i", LW_ADVICE), W("can i eat", LW_ADVICE),
    W("can i exercise", LW_ADVICE), W("can i shower", LW_ADVICE),
    W("how many doses", LW_ADVICE), W("how many sessions", LW_ADVICE),
    W("is that normal", LW_ADVICE), W("is this normal", LW_ADVICE),
    W("should i be worried", LW_ADVICE),
    W("fasting", LW_ADVICE), W("nil by mouth", LW_ADVICE),
    W("stop eating", LW_ADVICE), W("before the op", LW_ADVICE),
    W("cost extra", LW_ADVICE), W("costs extra", LW_ADVICE),
    W("charge extra", LW_ADVICE), W("does it include", LW_ADVICE),
    W("include shaping", LW_ADVICE),
    /* cover and method questions (review r9 s105 "Is nail surgery
     * covered by the NHS?", s131 "Do you do cryotherapy on verrucas or
     * just acid?" got "Which day suits you") */
    W("covered by", LW_ADVICE), W("covered on", LW_ADVICE),
    W("on the nhs", LW_ADVICE), W("nhs", LW_ADVICE),
    W("insurance", LW_ADVICE), W("insurer", LW_ADVICE),
    W("or just", LW_ADVICE), W("or only", LW_ADVICE),
    W("days after", LW_PAST), W("weeks after", LW_PAST),
    /* complaints about work done: for a person */
    NC("not happy"), NC("not impressed"),
    NC("not pleased"), NC("already chipped"),
    NC("have chipped"), NC("has chipped"),
    NC("chipped already"), NC("have lifted"),
    NC("are lifting"), NC("started lifting"),
    NC("too dark"), NC("too light"), NC("too short"),
    NC("too thin"), NC("too thick"), NC("uneven"),
    NC("patchy"), NC("went wrong"), NC("gone wrong"),
    NC("messed up"), NC("botched"), NC("rude"),
    /* a cancel said as a condition ("if I have to cancel ..."): a
     * question about cancelling, for a person, never a cancel (review pt
     * AG c20.2 cancelled the lesson just booked) */
    NT("if i need to cancel", OTHER), NT("if i have to cancel", OTHER),
    NT("if i cancel", OTHER), NT("if i need to reschedule", OTHER),
    NT("refund", OTHER), NC("my money back"),
    /* asking after someone treated, or about a person of the team */
    NT("how did it go", OTHER), NT("how is he doing", OTHER),
    NT("how is she doing", OTHER), NT("year old with me", OTHER),
    NT("bring my baby", OTHER), NT("bring my toddler", OTHER),
    NT("bring my kids", OTHER), NT("bring the kids", OTHER),
    /* their own bookings */
    W("anything booked", LW_MINE), W("have i got anything", LW_MINE),
    W("do i have anything", LW_MINE), W("am i booked", LW_MINE),
    /* the customer asking after a booking of theirs, the booked word
     * later ("am I down for thursday?", "have I got a lesson tomorrow?",
     * inquiry_mine.c) */
    W("am i", LW_AM_I), W("are we", LW_AM_I), W("is he", LW_AM_I),
    W("is she", LW_AM_I), W("am i still", LW_AM_I),
    W("have i got", LW_HAVE_I), W("have we got", LW_HAVE_I),
    W("do i have", LW_HAVE_I), W("do we have", LW_HAVE_I),
    W("has he got", LW_HAVE_I), W("has she got", LW_HAVE_I),
    W("does he have", LW_HAVE_I), W("does she have", LW_HAVE_I),
    W("have i still got", LW_HAVE_I), W("do i still have", LW_HAVE_I),
    W("booked", LW_BOOKED), W("down", LW_BOOKED), W("registered", LW_BOOKED),
    W("scheduled", LW_BOOKED), W("confirmed", LW_BOOKED),
    W("pencilled", LW_BOOKED), W("penciled", LW_BOOKED),
    W("in the diary", LW_BOOKED), W("on the list", LW_BOOKED),
    W("whens my", LW_MINE), W("whats my ref", LW_MINE),
    W("whats the ref", LW_MINE), W("what is the ref", LW_MINE),
    W("what was the ref", LW_MINE), W("whats my booking", LW_MINE),
    W("what time is my next", LW_MINE), W("when is my next", LW_MINE),
    /* a title before a person's name */
    W("dr", LW_TITLE), W("mr", LW_TITLE), W("mrs", LW_TITLE), W("ms", LW_TITLE),
    /* for a person: they never booked what we wrote about, nobody
     * answered them, or a question of how many or what kind (review r8
     * s103, s098, s137, s139) */
    NT("didnt book", OTHER), NT("did not book", OTHER),
    NT("never booked", OTHER), NT("havent booked", OTHER),
    NT("have not booked", OTHER), NT("didnt make a booking", OTHER),
    NT("didnt ask for", OTHER), NT("not me who booked", OTHER),
    NT("no one replied", OTHER), NT("nobody replied", OTHER),
    NT("no one got back", OTHER), NT("nobody got back", OTHER),
    NT("didnt hear back", OTHER), NT("never heard back", OTHER),
    NT("no reply yet", OTHER), NT("still waiting for a reply", OTHER),
    W("will i need", LW_ADVICE), W("would i need", LW_ADVICE),
    W("will he need", LW_ADVICE), W("will she need", LW_ADVICE),
    W("disabled", LW_ADVICE), W("disability", LW_ADVICE),
    W("adapted", LW_ADVICE), W("wheelchair", LW_ADVICE),
    W("dyslexic", LW_ADVICE), W("dyslexia", LW_ADVICE),
    NT("bank holidays", OTHER),
    NT("public holidays", OTHER),
    /* what the customer has, not what they ask for */
    W("ive got", LW_CONDITION), W("i have got", LW_CONDITION),
    W("suffer from", LW_CONDITION), W("suffering from", LW_CONDITION),
    W("diagnosed with", LW_CONDITION), W("history of", LW_CONDITION),
    /* whether we text a reminder, how far ahead to book: the catalog's
     * policy answers (LANG_NT_REMINDER, LANG_NT_NOTICE) */
    NT("send a reminder", REMINDER), NT("send me a reminder", REMINDER),
    NT("send reminders", REMINDER), NT("get a reminder", REMINDER),
    NT("reminder text", REMINDER), NT("text reminder", REMINDER),
    NT("reminder the day before", REMINDER),
    NT("how far in advance", NOTICE), NT("how much notice", NOTICE),
    /* "on peut annuler jusqu'à quand ?": until when, the terms, never a
     * cancel (review fr AI c21.3 cancelled the lesson just booked) */
    NT("until when", NOTICE), NT("how late can i cancel", NOTICE),
    NT("by when", NOTICE),
    NT("how far ahead", NOTICE), NT("how long in advance", NOTICE),
    NT("how early do i need to book", NOTICE),
    /* "can I cancel it if I can't make it?": a cancel asked "if" asks
     * whether one can: the bookings and how, never a cancel (review es
     * AL c04.3 cancelled the booking just made) */
    W("cancel if", LW_MINE), W("cancel it if", LW_MINE), W("cancel in case", LW_MINE),
    /* "thanks for the reminder, see you tomorrow": thanks (review fr X
     * s43 alike) */
    W("thanks for the reminder", LW_THANKS), W("thank you for the reminder", LW_THANKS),
    /* our number asked: the catalog's phone (LANG_NT_PHONE) */
    NT("your phone number", PHONE), NT("your number", PHONE), NT("can i call you", PHONE),
    NT("can i ring you", PHONE), NT("number to call", PHONE), NT("phone number", PHONE),
    /* the customer's own address told ("my address is ..."): for the
     * team, never ours (reviews de AL c06.3, es AM c04.2, tr AM c01.3) */
    NTOLD("my address"), NTOLD("address is"), NTOLD("i live at"),
    NTOLD("i live in"), NTOLD("we live at"),
    {NULL, 0, 0}, /* the end */
};

/* A booking said to be another person's, never picked without a reference
 * (inquiry_whose.c): "my wife's", "the one for my son", "cancel his
 * appointment". */
static const char *const whose_of[] = {"for", "of", NULL};
static const char *const whose_between[] = {
    "my", "our", "the", "his", "her", "their", "little", NULL};
static const char *const whose_ends[] = {"s", NULL};
static const char *const whose_third[] = {
    "his", "her", "hers", "their", "theirs", NULL};
static const char *const whose_persons[] = {
    "him", "her", "them", "hubby", "wifey", "grandma", "grandpa", "gran",
    "nan", "nana", "granny", "grandmother", "grandfather", "granddaughter",
    "niece", "aunt", "auntie", "uncle", "cousin", "fiance", "fiancee",
    "baby", "stepson", "stepdaughter", "flatmate", "housemate", "neighbour",
    "neighbor", NULL};

const struct lang_whose lang_en_whose = {
    .of = whose_of, .between = whose_between, .ends = whose_ends,
    .ends_after_owner = 1, .third = whose_third, .persons = whose_persons,
};

// clang-format on
