/*
 * lang: everything the desk knows about one language, as data. A language
 * pack holds the reader's lexicon (which words and short phrases mean stop,
 * yes, thanks, a greeting, a question about payment, a phone's auto-reply,
 * a word that only names the trade, ...) and the reply wording as templates
 * with named placeholders ("Booked: {service}, {when}, {price}. Ref {ref}.").
 * Another language is another pack (src/lang/en_*.c is English, listed
 * with the others in src/lang/registry.def); a business may
 * override single templates by name from its catalog (`replies`), checked
 * by lang_check_reply.
 *
 * This module also renders templates: it fills placeholders, shrinks lists
 * and drops optional parts until a reply fits the SMS segment cap, and cuts
 * whole words only as the last resort.
 *
 * Pure: no allocation after the first lookup builds a pack's word index in
 * static storage, no I/O, no clock. It never decides anything: which
 * template to use and with what values is the desk's business.
 */
#ifndef SMSDESK_LANG_H
#define SMSDESK_LANG_H

#include <stddef.h>
#include <stdint.h>

struct catalog;
struct cat_reply;
struct when_vocab;

/*
 * Word classes (bits): what a folded word or phrase can mean. A word may
 * have several ("ok" is yes and an acknowledgement).
 */
#define LW_STOP (UINT64_C(1) << 0) /* opt out: stop, unsubscribe, opt out */
#define LW_STOP_OBJ                                                            \
	(UINT64_C(1) << 1) /* after stop it means us: texting, messages */
#define LW_NOT_STOP                                                            \
	(UINT64_C(1) << 2) /* "stop by", "cant stop": not an opt-out */
#define LW_START  (UINT64_C(1) << 3) /* opt back in */
#define LW_YES	  (UINT64_C(1) << 4) /* agrees */
#define LW_NO	  (UINT64_C(1) << 5) /* declines */
#define LW_THANKS (UINT64_C(1) << 6) /* thanks (needs no reply) */
#define LW_ACK	  (UINT64_C(1) << 7) /* ok, perfect, see you (needs no reply) */
#define LW_GREET  (UINT64_C(1) << 8) /* hi, hello, good morning */
#define LW_FILLER                                                              \
	(UINT64_C(1) << 9) /* carries no request: a, the, me, please */
#define LW_CANCEL  (UINT64_C(1) << 10) /* cancel, can't make it */
#define LW_MOVE	   (UINT64_C(1) << 11) /* move, reschedule, instead */
#define LW_PRICE   (UINT64_C(1) << 12) /* how much, price */
#define LW_AVAIL   (UINT64_C(1) << 13) /* any space, free, available */
#define LW_BOOK	   (UINT64_C(1) << 14) /* book, get, want, need */
#define LW_HELP	   (UINT64_C(1) << 15) /* help, menu, what do you do */
#define LW_BOOKING (UINT64_C(1) << 16) /* booking, appointment (the noun) */
#define LW_TRADE                                                               \
	(UINT64_C(1) << 17) /* names the trade only: bike, hair, fix           \
			     */
#define LW_QUESTION (UINT64_C(1) << 18) /* what, when, how, do you */
#define LW_CONJ                                                                \
	(UINT64_C(1) << 19) /* and, also, plus: a new request starts           \
			     */
#define LW_PERSON  (UINT64_C(1) << 20) /* son, wife, mate: another person */
#define LW_NUMBER  (UINT64_C(1) << 21) /* two, both, couple (val: how many) */
#define LW_ORDINAL (UINT64_C(1) << 22) /* first, second (val) */
#define LW_PRONOUN                                                             \
	(UINT64_C(1) << 23) /* it, one, that: what was just named              \
			     */
#define LW_CORRECT                                                             \
	(UINT64_C(1) << 24) /* meant, actually, sorry: a correction */
#define LW_SAME	    (UINT64_C(1) << 25) /* same (time) */
#define LW_NEGATE   (UINT64_C(1) << 26) /* not, don't, can't */
#define LW_DURATION (UINT64_C(1) << 27) /* how long */
#define LW_HOURS    (UINT64_C(1) << 28) /* open, close, opening hours */
#define LW_EARLIEST (UINT64_C(1) << 29) /* earliest, next available */
#define LW_MINE	    (UINT64_C(1) << 30) /* my booking(s), what have I booked */
#define LW_AUTO	    (UINT64_C(1) << 31) /* a phone's auto-reply signature */
#define LW_NOT_TEXT                                                            \
	(UINT64_C(1) << 32) /* a question we can't answer by text (val) */
#define LW_COMMON                                                              \
	(UINT64_C(1) << 33)		/* a common word: never a typo of ours \
					 */
#define LW_CHOICE   (UINT64_C(1) << 34) /* may surround a number: option, no. */
#define LW_REFKEY   (UINT64_C(1) << 35) /* ref, code: a reference follows */
#define LW_RELATIVE (UINT64_C(1) << 36) /* for, on, of: links an object */
#define LW_SELF	    (UINT64_C(1) << 37) /* me, I, myself (counting persons) */
#define LW_BACK	    (UINT64_C(1) << 38) /* again, was: asks back about before */
#define LW_BYE	    (UINT64_C(1) << 39) /* see you, bye: a goodbye */
#define LW_TODAY    (UINT64_C(1) << 40) /* tonight, this afternoon: today */
#define LW_CHILD    (UINT64_C(1) << 41) /* little boy, toddler: a child */
#define LW_WEEKDAY  (UINT64_C(1) << 42) /* a weekday name (val 0 Monday) */
#define LW_DATEWORD (UINT64_C(1) << 43) /* tomorrow, june, next: when words */
#define LW_STOP_WEAK                                                           \
	(UINT64_C(1) << 44) /* "take me off": an opt-out only when nothing in  \
			       the text is about a booking (else a cancel) */
#define LW_SAYS                                                                \
	(UINT64_C(1) << 45) /* says, told, reckons: the word before speaks,    \
			       it is not asked for */
#define LW_GROUP                                                               \
	(UINT64_C(1) << 47) /* party of, group of: a number after it counts    \
			       people */
#define LW_EACH                                                                \
	(UINT64_C(1) << 48) /* both: a count that may stand alone ("8.30       \
			       both") */
#define LW_UNTIL                                                               \
	(UINT64_C(1) << 49) /* till, until, before: after "can't come" a time  \
			       it starts from, not a cancel */
#define LW_MEANT                                                               \
	(UINT64_C(1) << 50) /* "I meant": the day said now is what was meant   \
			       from the start, not one counted from the        \
			       booking */
#define LW_OWNER                                                               \
	(UINT64_C(1) << 56) /* my, our, his, her: whose thing follows ("my     \
			       corsa and my partner's polo": two of them) */
#define LW_OTHER                                                               \
	(UINT64_C(1) << 57) /* other, another, second: someone or something    \
			       else than the booking before */
#define LW_ALSO                                                                \
	(UINT64_C(1) << 58) /* too, as well, also, at the same time: one more  \
			       thing for the visit just booked */
#define LW_TOTAL                                                               \
	(UINT64_C(1) << 59) /* altogether, in total, all in: the sum of what   \
			       is booked */
#define LW_SYMPTOM                                                             \
	(UINT64_C(1) << 51) /* pain, swollen, bleeding, something in my eye: a \
			       health problem (val 2 urgent, 1 mild) */
#define LW_URGENT                                                              \
	(UINT64_C(1) << 52) /* emergency, urgent, casualty: the words a        \
			       catalog names its emergency service or topic by \
			     */
#define LW_ADVICE                                                              \
	(UINT64_C(1) << 53) /* do I need, how often, should I, does it hurt:   \
			       a question about a service, not a booking */
#define LW_CONDITION                                                               \
	(UINT64_C(1) << 54) /* i have, tengo, ich habe; "var" after: what the      \
			       customer has ("bel fıtığım var"), not what they \
			       ask (val 1: before the thing, 2: after it) */
#define LW_NEG_AFTER                                                           \
	(UINT64_C(1)                                                           \
	 << 55) /* nenhuma, yok, değil: negates the thing named               \
		   just before it ("dor nenhuma", "seans değil") */
#define LW_PAST                                                                \
	(UINT64_C(1) << 46) /* been, went, came back, last week: what happened \
			       before, not a request */
/* The val of an LW_PAST word that means "since" ("seit", "depuis"): what
 * follows goes on now ("seit Jahren Fressattacken"), a condition asked
 * about, never a story of a visit gone by (review de AR s43 got the
 * menu). */
#define LW_PAST_SINCE 1
#define LW_AM_I                                                                \
	(UINT64_C(1) << 60) /* am I, bin ich, estou: the customer the subject  \
			       of a question; an LW_BOOKED word after it asks  \
			       about a booking of theirs ("am I down for") */
#define LW_HAVE_I                                                              \
	(UINT64_C(1) << 61) /* have I got, hab ich, tenho: the same, and a     \
			       service or booking noun right after it does too \
			       ("tenho sessão amanhã né?") */
#define LW_BOOKED                                                              \
	(UINT64_C(1) << 62) /* booked, eingetragen, marcada: said after        \
			       LW_AM_I or LW_HAVE_I in a question */
#define LW_TITLE                                                               \
	(UINT64_C(1) << 63) /* Dr, Frau, Mme, Sra: a name follows ("Ist Frau   \
			       Dr. Hoffmann diese Woche da?") */

/* The val of an LW_MOVE word that also means replacing a part
 * ("cambiar", "cambio", "change"): followed by a thing, not a booking or a
 * day, it names the job ("cambiar las pastillas"), never a move. */
#define LW_MOVE_REPLACES 1

/* The val of an LW_MOVE phrase that means travelling, not moving a booking
 * ("se déplacer", "vous vous déplacez"): its words are no move word ("elle
 * ne peut plus se déplacer" asks for a home visit; review fr O s11 was
 * told it had no booking to move). */
#define LW_MOVE_TRAVEL 2

/* The val of an LW_AM_I word or phrase that tells what the customer
 * holds, in the present ("hab", "ich habe"): with a day or time before a
 * service, or "gebucht" after it ("hab morgen um 11 eine massage", "ich
 * hab am Freitag um 10 Fußreflexzonen gebucht"), the service is a booking
 * of theirs told about, looked up, never booked again (review de8 s50). */
#define LW_AM_I_HOLDS 1

/* The val of an LW_MINE word that names the booking as the object of the
 * verb ("randevumu"): with a booking verb and a new day or time, the text
 * moves it ("randevumu 17:00'ye alabilir miyiz"). */
#define LW_MINE_OBJECT 1

/* The val of an LW_ALSO word or phrase that puts the one more thing right
 * after the visit just booked ("right after", "direkt danach"), never at
 * its time: "can my sister come right after" is the next free slot after
 * the booking ends. */
#define LW_ALSO_AFTER 1

/* The val of an LW_ALSO phrase that only says the day ("same day", "le
 * même jour"): beside a correction word and no other LW_ALSO word ("non
 * finalement je préfère une beauté des pieds, même jour") the service named
 * takes the place of the one asked, on that day; it is no one more thing. */
#define LW_ALSO_SAME_DAY 2

/* The val of an LW_ALSO word or phrase that puts two services asked side by
 * side ("gleichzeitig", "at the same time", "a la vez"): one each, at one
 * start, never back to back (review de AD c19.1). */
#define LW_ALSO_TOGETHER 3

/* The val of an LW_BYE phrase that leaves the choice open ("I'll text you
 * back", "I'll call instead", "wrong number"): the customer knows nothing
 * is settled, so a list they leave unanswered needs no "nothing is booked
 * yet" (a plain "thanks, see you then" gets one). */
#define LW_BYE_OPEN 1

/* The val of an LW_QUESTION word that asks whether we do something
 * ("hacéis", "ofrecéis"): "¿hacéis baño de gatos?" with no day, time or
 * booking word is answered with what the service costs and takes, not a
 * booking flow (review es6 s19). */
#define LW_QUESTION_OFFERED 1

/* The val of an LW_QUESTION word or phrase that asks about a thing's
 * nature, never for a slot ("how many", "how old", "who", "why"): opening
 * a question that names a service, with no day, time or booking word, it
 * asks something only a person can answer ("Wie viele Kinder sind in
 * einem Seepferdchenkurs?", review de AK s27), never "which day?". */
#define LW_QUESTION_ABOUT 3

/* The val of an LW_QUESTION word that asks when ("wann", "quand"): in a
 * question naming a service or a booking, with no day or time, it asks
 * for the next free times ("Wann gibt's was Freies für
 * Kinderkinesiologie?", "vous pouvez le voir quand ?"), never "which day
 * suits you?" back (reviews de AQ s36, fr AQ s19). A phrase around it
 * ("ab wann", "jusqu'à quand") keeps its own meaning. */
#define LW_QUESTION_WHEN 4

/* The val of an LW_RELATIVE word that means "of" ("sessão de RPG"): a
 * service named by one word just before it is only the unit of the
 * service named right after it, which is the one meant (review pt6 s07). */
#define LW_RELATIVE_OF 1

/* The val of an LW_BOOK phrase holding a "for me" said as a courtesy
 * ("marca pra mim", "vê pra mim"): the one asking, never a person counted
 * beside one named later ("Marca pra mim mão e pé sexta 18h, é pra minha
 * mãe": one booking, review pt10 s41 booked two). */
#define LW_BOOK_COURTESY 1

/* The val of an LW_RELATIVE word that means "on" or "in" a place ("gel na
 * mão", "esmalte nos pés"): a service named by one word right after it,
 * after another service, is where that service is done, not a second
 * service asked (review pt10 c14: "gel na mão" booked a manicure too). */
#define LW_RELATIVE_AT 2

/* The val of an LW_RELATIVE word that means "with" ("avec", "con"): two
 * services it joins are both asked ("coupe avec balayage"), never one
 * the kind of the other. */
#define LW_RELATIVE_WITH 3

/* The val of an LW_RELATIVE word that means "for" ("pour", "para"): a
 * service after it may say whom the first is for ("corte para el niño"),
 * never which kind of the first it is. */
#define LW_RELATIVE_FOR 4

/* The val of an LW_CORRECT word or phrase that says plainly that a
 * mistake was made or what was meant ("I meant", "my mistake", "ich hab
 * mich vertan", "je me suis trompé"); "rather", "actually" are not. A
 * bare "stop" opening one that names a day, time or service halts the
 * desk to put a booking right: it is no opt-out (review de10 c15.2). */
#define LW_CORRECT_CLEAR 1
/* The value of a stop word or phrase (LW_STOP) that is a verb whose
 * subject may be someone else: "hört auf" is "stop it!" to us only when
 * nothing but polite words comes before it in its sentence; "Unserer hört
 * auf" (our farrier is retiring) is news, not an opt-out (review de AD
 * s07). */
#define LW_STOP_VERB 1

/* What an LW_NOT_TEXT word or phrase asks about (its val). */
enum lang_not_text {
	LANG_NT_OTHER,
	LANG_NT_PAYMENT,
	LANG_NT_DIRECTIONS,
	LANG_NT_PARKING,
	LANG_NT_STATUS,
	LANG_NT_WALKIN,
	LANG_NT_SALES, /* selling parts or goods, not a service */
	/* Two the catalog answers, never a person: whether we text a
	 * reminder (policy.reminder_hours; review fr V c18.3 was sent to
	 * the phone though reminders were on) and how far ahead to book
	 * (each service's notice_minutes; es U s50, tr U s45). */
	LANG_NT_REMINDER,
	LANG_NT_NOTICE,
	/* Running late or on the way: for the people at the counter, and the
	 * customer hears thanks, never sorry for a complaint nor "call us"
	 * (review tr W s20: "Randevuma 10 dk gecikeceğim trafik berbat"). */
	LANG_NT_LATE,
	/* Our phone number asked ("can I call you?", "Telefonnummer?"): the
	 * catalog's business.phone answers, never a person (review tr AL
	 * s37 got our hours). */
	LANG_NT_PHONE,
	LANG_NT_COUNT
};
/* Beside LANG_NT_OTHER in an LW_NOT_TEXT word's val: a complaint about us
 * or our work ("not happy", "too short", "kötü kestiniz"). The reply says
 * sorry before handing it on (inquiry.complaint, desk_decision.sorry). */
#define LANG_NT_SORRY 0x100
/* Beside LANG_NT_OTHER: the customer tells something of theirs ("my
 * address is", "moro no"); the place words after it are theirs, never a
 * question where we are (reviews es AM c04.2, de AL c06.3 were sent our
 * address). */
#define LANG_NT_TOLD 0x200
/* Beside LANG_NT_OTHER or LANG_NT_SALES: a gift voucher ("Gutschein",
 * "bon cadeau", "vale regalo"). It is bought, never booked: a day beside
 * it is the occasion ("eine Sitzung zu Weihnachten schenken" offered the
 * 25th, review de AQ s41), and a service the catalog names by it is
 * priced, never offered a day ("Gutschein (15 Min.), welcher Tag?",
 * reviews de AP s47, fr AO s57), beside the handoff. */
#define LANG_NT_GIFT 0x400
/* Beside LANG_NT_PAYMENT: who covers the cost ("Krankenkasse",
 * "mutuelle", "übernimmt"): the team answers; no price list beside it
 * (review de AV s13, AS s13, AR s07 got every price). */
#define LANG_NT_COVER 0x800
/* Beside LANG_NT_OTHER: words of a customer thinking of ending their life
 * or harming themselves ("idées noires", "mich umzubringen"). The desk
 * gives the emergency number and a crisis line first, whatever else the
 * text asks, and a person is told at once (review fr AX and de AX: the
 * menu of services, and "we don't offer that, try ..."). First person
 * only: "the pain is killing me" is no crisis. */
#define LANG_NT_CRISIS 0x1000
/* Beside LANG_NT_OTHER: how long a service's result lasts, or how often to
 * come back ("combien de temps tient le semi", "wie lange hält das"): for
 * a person; the phrase's own "how long" and "how much" ask no length or
 * price of the visit (review fr AZ s49, c06.2 got the visit's length). */
#define LANG_NT_LASTS 0x2000

struct lang_word {
	const char *text; /* folded (text_fold), one to four words */
	uint64_t cls;	  /* enum lang_class bits */
	int val;	  /* LW_NUMBER / LW_ORDINAL / LW_NOT_TEXT value */
};

/* One reply's wording, by name (names are the same in every pack). */
struct lang_tpl {
	const char *name;
	const char *text;
};

#define LANG_MAX_PHRASE_WORDS 6

/*
 * Trade work asked for by a name the catalog doesn't know (inquiry_job.c),
 * as the pack's words: every list NULL-terminated, any list may be NULL
 * (none). The rule that reads them is the same in every language.
 */
struct lang_jobs {
	/* Verbs (and their nouns) of trade work: the job follows them ("fix",
	 * "replace", "remplacement", "trocar"). */
	const char *const *verbs;
	/* Those that fit one thing: its article stays ("replace a wiper
	 * blade"); matched as prefixes ("repl" covers "replace(d)"). */
	const char *const *one_thing;
	/* Words between a verb and its object: articles, owners, "new". */
	const char *const *skip;
	/* Words that end a job's name: states, verbs, places, fillers. */
	const char *const *stop;
	/* What is wrong with a thing, or what to do to it, said right after
	 * its name ("battery flat", "timing belt change"). */
	const char *const *state;
	/* Linking verbs between a name and its state ("exhaust is blowing");
	 * before a job verb they make it a state, not a request ("my vision
	 * has changed"). */
	const char *const *linking;
	/* Articles kept before one thing ("a", "an"). */
	const char *const *articles;
	/* Verbs that ask whether we do something ("do you do", "offer"):
	 * the thing after them is asked for, not only asked about. */
	const char *const *offer;
	/* Never the name of a thing asked for, whatever leads to it: modal
	 * and auxiliary verbs, question words ("should", "could"). */
	const char *const *not_named;
	/* The word of a name that says what it is comes first ("limpieza
	 * facial", "troca de óleo"); 0: last ("wheel building"). */
	int head_first;
	/* A kind of work is named in the plural English-style ("clutches",
	 * "batteries"); 0: the name as written. */
	int plural;
	/* Names without a plural ("oil", "recovery") and such endings
	 * ("ing", "ion") when plural is set. */
	const char *const *mass;
	const char *const *mass_ends;
	/* A question about how we work, not a request: lead + you + how
	 * ("do you use", "can you collect"), or a comparing word ("cheaper",
	 * "discount"). */
	const char *const *about_lead;
	const char *const *about_you;
	const char *const *about_how;
	const char *const *comparing;
	/* A retest the catalog doesn't list ("mot retest"), unless asked
	 * whether one is included ("included", "free"). */
	const char *const *retest;
	const char *const *included;
};

/*
 * A catalog word under an ending of the language, for the reader only
 * (the time reader's case endings, when_vocab.suffixes, are tried too):
 * "seansım", "boynum", "tırnağı" are "seans", "boyun", "tırnak".
 */
struct lang_stems {
	/* Endings cut from a word whose stem (four letters or more) is, or
	 * with the changes below becomes, a catalog word: possessives and
	 * what follows them ("im", "imi", "imda"). Longest first; NULL ends. */
	const char *const *ends;
	/* A stem's last letter as written before an ending and as in the
	 * dictionary, in pairs: "g", "k" ("tırnağ-ı" is "tırnak"); NULL ends.
	 */
	const char *const *alts;
	/* Vowels a stem loses before an ending ("boyun", "boynum"): tried
	 * between its last two consonants. NULL: none. */
	const char *dropped_vowels;
	/* Texters drop the vowels of a word ("msj" for "masaj", "sns" for
	 * "seans"): a word of consonants only, that the pack does not know,
	 * is the one catalog word of one service with those consonants. These
	 * are the vowels (folded); NULL: never read so. */
	const char *sms_vowels;
	/* Endings the first of two words takes before a second ("klimanın
	 * bakımı", "klimayı temizlemek": genitive, accusative): cut to read
	 * the catalog's "klima bakımı". Longest first; NULL: none. */
	const char *const *first_ends;
	/* Verb endings ("söktürcem", "temizleteceğim"): cut, with one of
	 * INFINITIVES put on, a word may be the catalog's verb ("klima
	 * söktürmek"). NULL: none. */
	const char *const *verb_ends;
	const char *const *infinitives;
};

/*
 * How the language says that a booking is another person's ("my wife's",
 * "for my son", "el de mi hija", "den Termin meiner Frau", "ablamınkini"):
 * the desk does not record whom a booking is for, so a cancel or move that
 * says so and gives no reference never picks one of the customer's
 * bookings by itself (inquiry.whose). Person words are the pack's
 * LW_PERSON and LW_CHILD words and `persons` below. Every word folded,
 * every list NULL-terminated, any list NULL (none).
 */
struct lang_whose {
	/* Words before a person word that make the booking theirs: "for",
	 * "of"; "de", "del", "para"; "von", "meiner" ("den Termin meiner
	 * Frau"). */
	const char *const *of;
	/* The same, after the person word: "için" ("oğlum için olan"). */
	const char *const *after;
	/* Owner words and articles that may stand between one of `of` and
	 * the person word ("for MY son", "para O MEU filho"); the pack's
	 * LW_OWNER words may too. */
	const char *const *between;
	/* Endings on a person word that make it the owner: "s" ("my wife's"
	 * is "my wifes"), "in", "inkini" ("eşimin", "ablamınkini"). */
	const char *const *ends;
	/* 1: a person word with one of `ends` needs one of `between` (or an
	 * LW_OWNER word) just before it ("my sons", never "with friends"). */
	int ends_after_owner;
	/* 1: the pack's person words carry their owner ("oğlum", "eşim"):
	 * "kızım gelemeyecek" needs no owner word before the person. */
	int person_owned;
	/* Words that name someone else as the owner by themselves: "his",
	 * "her", "dela", "seinen", "onunkini". */
	const char *const *third;
	/* Words that name a person only after one of `of` or with one of
	 * `ends` ("for him", "de ella", "meiner Frau", "ablamın"): not person
	 * words elsewhere ("Frau Dr. Hoffmann", "abim" calling the barber). */
	const char *const *persons;
};

struct lang_pack {
	const char *code;	       /* ISO 639-1: "en" */
	const char *name;	       /* "English" */
	const struct lang_word *words; /* ends with a NULL text */
	/* More of the lexicon, kept apart (<code>_asks.c): questions,
	 * complaints, conditions and worries about a service; NULL none */
	const struct lang_word *asks;
	const struct lang_tpl *tpls;
	size_t n_tpls;
	const char *wday_abbr[7]; /* Monday first: "Mon" */
	/* A weekday in general, as "closed_weekly" says it ("Mondays", "los
	 * lunes", "le lundi"); NULL: that reply names the date instead. */
	const char *wday_every[7];
	/* wday_every also names one day ("le jeudi" is this Thursday as
	 * well as every Thursday): never read as a habit, only said. */
	int wday_every_names_one;
	/* A weekday as an example request names it ("perşembe"), where the
	 * abbreviation reads as another word in running text ("per"); NULL:
	 * the abbreviation, lower case. */
	const char *wday_example[7];
	const char *month_abbr[12];
	const char *not_text_names[LANG_NT_COUNT]; /* "payment", ... */
	const struct when_vocab *when; /* the time reader's words (NULL: found
					  by code in when_vocabs[]) */
	/* Letters a reply may lose their accent to fit max_segments when
	 * only they make it Unicode ("ó", "o", "á", "a", ... NULL ends;
	 * NULL: never): readers of the language read them plain, and a
	 * whole reply in GSM beats one cut short. */
	const char *const *fit_folds;
	/* Set: a reply gives up those letters only after its lists are cut
	 * to a few items, never first (Turkish: "aksam", "aylik pesin" read
	 * as broken to every reviewer, reviews tr AH s22, s54, AI s03, s60). */
	int fold_last;
	/* How the language writes a time of day in a reply: NULL "09:30"
	 * and "14:00"; "h" writes "9h30" and "14h" as French texts do
	 * (reviews fr M, N: "09:00" read as a machine's). */
	const char *hour_mark;
	/* Elided articles and pronouns glued to the next word once the
	 * apostrophe is folded away ("l'ostéo" is "losteo", "d'acupuncture"
	 * "dacupuncture"): a catalog word is also found without one, before
	 * a vowel or h. NULL-terminated; NULL: the language elides none. */
	const char *const *elisions;
	/* The words of trade work asked for by name (NULL: the pack reads
	 * none, and names nothing it does not know). */
	const struct lang_jobs *jobs;
	/* A verb said where the catalog lists its noun ("bañar", "bañarlo"
	 * meet "baño"; "depilarme" "depilacion"): the verb endings (with
	 * their pronouns) and the noun endings one may be traded for, each
	 * list NULL-terminated; NULL: the pack trades none. */
	const char *const *verb_ends;
	const char *const *noun_ends;
	/* How a catalog word is found under the language's endings (NULL:
	 * fields unset, nothing more is tried); see struct lang_stems. */
	const struct lang_stems *stems;
	/* How the language says a person's age around its number, word for
	 * word as folded: '#' is the number, '$' the end of the text ("#
	 * years old", "il a # ans", "aged #"); an age under 16 names a
	 * child. NULL-terminated; NULL: the pack reads none. */
	const char *const *age_frames;
	/* How the language says a booking is another person's (NULL: it
	 * says none); see struct lang_whose. */
	const struct lang_whose *whose;
	/* Parts of a service's folded name that make it a thing hired for
	 * the visit ("alquiler", "aluguel", "verleih", "location", "hire"):
	 * booked beside another service, it starts with it, never after it
	 * ends. NULL-terminated; NULL: none. */
	const char *const *hire_words;
	/* Phones without umlauts write "ue", "oe", "ae" ("fuer", "moechte"):
	 * a word the pack does not know is read as its umlaut spelling when
	 * that one is a pack word ("fuer" is "fur", never a booking
	 * reference). 0: the language has no such spelling. */
	int umlaut_digraphs;
	/* A service's name starts with its head noun ("Teste de maquiagem
	 * de noiva", "Séance d'acupuncture"), never with a word that only
	 * qualifies it ("Küçük dövme", "Glasses collection"): the first
	 * word alone may name the service. */
	int name_head_first;
};

/*
 * The registry: every pack built in, listed once in src/lang/registry.def
 * (adding a language is adding its three data files and one line there).
 * lang_pack_for finds one by ISO 639-1 code (NULL when there is none);
 * lang_default is English, always there; lang_packs points *out at the
 * table and returns its length.
 */
const struct lang_pack *lang_pack_for(const char *code);
const struct lang_pack *lang_default(void);
size_t lang_packs(const struct lang_pack *const **out);

/* The business's default language's pack: the first of
 * business.languages with a pack (CAT NULL: English). */
const struct lang_pack *lang_of_business(const struct catalog *cat);

/*
 * Which of CAT's business.languages TEXT is written in: the pack that
 * knows strictly most of its words (lexicon and time words). On a tie, or
 * a text no pack knows better than another ("10am?", "ok", "2"), the
 * REMEMBERED pack (the customer's language so far; may be NULL) when the
 * business answers in it, else the business's default. *sure (may be
 * NULL) is 1 only when the text itself decided. A business with one
 * language always gets that one.
 */
const struct lang_pack *lang_detect(const struct catalog *cat, const char *text,
				    const struct lang_pack *remembered,
				    int *sure);

/* The time reader's words of PACK (NULL: the default pack's). */
const struct when_vocab *lang_when(const struct lang_pack *pack);

/*
 * The time reader's packs to read a text with: FIRST's (may be NULL), then
 * those of the business's other languages, each once; English when none.
 * Writes up to cap into out and returns how many.
 */
size_t lang_when_vocabs(const struct catalog *cat,
			const struct lang_pack *first,
			const struct when_vocab **out, size_t cap);

/*
 * Classes of one folded word or phrase (0 when the pack does not know it);
 * *val (may be NULL) gets its value. The first call for a pack builds its
 * index in static storage.
 */
uint64_t lang_lookup(const struct lang_pack *pack, const char *folded,
		     int *val);
/*
 * The rows of the pack's own words table (not its asks) having any class of
 * CLS, in table order: *out points at them, the return value says how many.
 * Gathered once per pack and CLS into static storage, so a question about a
 * whole class costs its few rows, not a walk of the pack. Borrowed: valid
 * until the next call (usually for the life of the process).
 */
size_t lang_words_with(const struct lang_pack *pack, uint64_t cls,
		       const struct lang_word *const **out);
/* The longest phrase in the pack, in words (at most LANG_MAX_PHRASE_WORDS). */
size_t lang_max_phrase(const struct lang_pack *pack);
/* MINUTE of the day as PACK writes a time in a reply ("09:30", "9h30")
 * into OUT; its length. */
size_t lang_fmt_time(const struct lang_pack *pack, int minute, char *out,
		     size_t cap);

/* ---- templates ---------------------------------------------------------- */

/*
 * Every reply the desk can send, by name, with the placeholders it fills and
 * those a wording must keep (the promise of a booking keeps its {ref}).
 */
struct lang_reply_spec {
	const char *name;
	const char *allowed;  /* space-separated placeholder names */
	const char *required; /* space-separated, a subset of allowed;
				"a|b": one of them */
};
const struct lang_reply_spec *lang_reply_spec(const char *name);
size_t lang_reply_specs(const struct lang_reply_spec **out);

/* The pack's wording of NAME, or NULL when the pack has none. */
const char *lang_template(const struct lang_pack *pack, const char *name);

/*
 * A value for one placeholder: a scalar (value != NULL) or a list of items
 * joined by sep ("1) " numbers before each item when numbered). The renderer
 * shows only the first `shown` items; the fitting loop lowers it. A list
 * that must not lose items silently (a menu: the customer's service may be
 * the one left out) carries `more`, a wording with {n} said after the
 * shown items when fewer are shown than `total` (0: n_items), and may carry
 * `brief`, its items said shorter (used when use_brief is set).
 */
struct lang_var {
	const char *name;
	const char *value;
	const char *const *items;
	size_t n_items;
	size_t shown;
	const char *sep;
	int numbered;
	const char *more;
	size_t total;
	const char *const *brief;
	int use_brief;
	/* a name ("Cambio de pantalla", "Mekanik tamir") said inside a
	 * sentence starts lower case ("para cambio de pantalla"); at a
	 * sentence's start, after a colon or in a numbered list it stays.
	 * Never for German, whose nouns keep their capital. */
	int lower_mid;
};

/*
 * Fill TPL's {placeholders} from vars into out (always NUL-terminated,
 * truncated at a UTF-8 boundary when cap is short). Besides the named
 * variables, "{pick}" is "1" or "1-N" for the shown items of the first
 * numbered list ("1/4/6" when it carries its own numbers). An unknown
 * placeholder renders as nothing. Returns the length written.
 */
size_t lang_render(const char *tpl, const struct lang_var *vars, size_t n_vars,
		   char *out, size_t cap);

/* SMS segments TEXT takes (over the cap: SMS_MAX_SEGMENTS + 1). */
int lang_segments(const char *text);

/*
 * Segments TEXT takes as CAT's replies are sent: with a national
 * single-shift table where policy.national_shift allows one and every
 * bearer can send it (a catalog with a Kannel bearer counts without: its
 * replies may leave through Kannel, which has none).
 */
int lang_segments_cat(const struct catalog *cat, const char *text);

/*
 * Cut whole words from the end of TEXT (a buffer of cap bytes) until it
 * fits max segments, ending it with "..." — never writing past cap, even
 * when the buffer is full. Returns the segments it takes afterwards.
 */
int lang_trim_words(char *text, size_t cap, int max);

/*
 * Check a business's own wording for reply NAME (from the catalog's
 * `replies`): the name is known, every {placeholder} is one that reply
 * fills, the required ones are all there, braces are balanced, and its
 * longest rendering — with CAT's longest service name, price, business
 * name and referral, one item in each list — fits policy.max_segments.
 * Returns 0, or -1 with a plain-words reason in why ("unknown placeholder
 * {srvice}").
 */
int lang_check_reply(const struct catalog *cat, const char *name,
		     const char *text, char *why, size_t cap);
/* The same for a wording in LANG ("" the business's first language): its
 * longest rendering uses the names and notes translated into LANG. */
int lang_check_reply_in(const struct catalog *cat, const char *lang,
			const char *name, const char *text, char *why,
			size_t cap);

/*
 * lang_check_reply as the catalog's reply hook (catalog_set_reply_check):
 * main sets it at start-up so `check` and every load report a business's
 * wording that the desk could not send.
 */
int lang_catalog_reply_check(const struct cat_reply *reply,
			     const struct catalog *cat, char *why, size_t cap);

#endif
