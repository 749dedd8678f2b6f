/*
 * The reader's shared parts, private to inquiry*.c: the words of one text
 * with their pack classes and clauses, and the helpers the matching and
 * intent rules share. Not a module header: nothing outside inquiry*.c
 * includes it.
 */
#ifndef SMSDESK_INQUIRY_READ_H
#define SMSDESK_INQUIRY_READ_H

#include "smsdesk/inquiry.h"

#include <stdint.h>

#define FOLD_CAP  8192
#define MAX_WORDS 1024
#define RAW_HALF  3000 /* a longer text is read at its start and end */

struct tok {
	const char *w;
	uint64_t cls;  /* the word's own classes */
	uint64_t eff;  /* with those of every phrase covering it */
	int val;       /* the word's value (numbers, ordinals) */
	uint64_t pcls; /* the longest pack phrase starting here */
	int plen;      /* its words (0: none) */
	int pval;
	int clause;
	int segment;   /* the raw, punctuation-delimited piece it came from */
	int thing;     /* 1 + index of the thing read here, 0 none */
	int in_phrase; /* part of a catalog phrase of 2+ words, read exactly */
};

#define MAX_SEGMENTS 64

struct reader {
	const struct catalog *cat;
	const struct lang_pack *pack;
	char buf[FOLD_CAP];
	char seg[FOLD_CAP];
	struct tok t[MAX_WORDS];
	size_t n;
	int tail;	  /* reading the end of a text too long to read whole */
	size_t tail_from; /* where the end's words start */
	int clauses;
	int qmark;
	size_t seg_from[MAX_SEGMENTS], seg_to[MAX_SEGMENTS]; /* raw bytes */
	/* 1: the piece ends at "+" ("coupe + barbe": a catalog word may
	 * span it) */
	unsigned char seg_plus[MAX_SEGMENTS];
	/* 1: the piece ends at "?" (a question of its own: "Wie viel kostet
	 * ein Septum und tut das sehr weh?") */
	unsigned char seg_q[MAX_SEGMENTS];
	int n_segs;
};

/* A word of a team member's name is in the text ("Ist Dr Keller nächste
 * Woche da?"): a question about a person, for the team. */
int rd_names_staff(const struct reader *r);
/* Some word is of a class in cls (its own or a covering phrase's). */
int rd_has(const struct reader *r, uint64_t cls);
/* The first place a word or phrase of cls starts (*val its value), or -1. */
int rd_where(const struct reader *r, uint64_t cls, int *val);
/* Every word is of one of the classes in cls (and there is a word). */
int rd_all_of(const struct reader *r, uint64_t cls);
int rd_is_digits(const char *w);
int rd_has_digit(const char *w);
/* Spelled like one of our references (alone it needs letters and digits). */
int rd_is_ref_like(const char *w, int after_keyword);

/* "2", "option 3", "the second one": the number picked, else 0. */
int rd_choice_of(const struct reader *r);
int rd_number_is_mday(const struct when_req *w);

/* inquiry_things.c: services, topics and trade words, their roles, how
 * many people. */
void rd_match_things(struct reader *r, struct inquiry *q);

/* A catalog word under an ending of the pack ("seansım", "boynum") or
 * written without its vowels ("msj"): the matches (0: none). */
size_t rd_stem_lookup(const struct reader *r, const char *word,
		      struct cat_match *out, size_t cap);
size_t rd_vowelless_lookup(const struct reader *r, const char *word,
			   struct cat_match *out, size_t cap);
/* LEN words from I, two catalog words joined by a linking word ("axilas
 * con laser" for "laser axilas"): the matches (0: none). */
size_t rd_linked_lookup(const struct reader *r, size_t i, size_t len,
			struct cat_match *out, size_t cap);
/* Word I is a function word of the pack used as one ("unas sesiones"),
 * never the catalog word it folds to ("uñas"). */
int rd_function_word_here(const struct reader *r, size_t i);
/* "láser de piernas y de axilas": the second service under the first's
 * head word, added to Q's things. */
void rd_shared_head(struct reader *r, struct inquiry *q);

/* inquiry_job.c (the pack's job words): trade work named that the
 * catalog doesn't know, into q->asked_word, cleanly ("clutches", "a wiper
 * blade"); 1 when found. */
int rd_job_asked(const struct reader *r, struct inquiry *q);
/* The clean name of the job starting at word J, into OUT (unchanged when
 * J names none). */
void rd_job_name(const struct reader *r, size_t j, char *out, size_t cap);
/* A question about how we work, not a request ("do you use genuine
 * parts", "can you do it cheaper"). */
int rd_asks_about_us(const struct reader *r);
/* "mot retest" where the catalog lists no retest: the service named is
 * dropped and 'retests' asked for; 1 when so. */
int rd_retest(const struct reader *r, struct inquiry *q);
/* "thai massage" where massage is one of our services' words and "thai"
 * no word we know: another kind, not ours; the service dropped and the
 * words put in q->asked_word; 1 when so. */
int rd_other_kind(const struct reader *r, struct inquiry *q);
/* W is one of the pack's verbs of trade work / never the name of a thing
 * asked for ("should") / a verb asking whether we do a thing ("do",
 * "offer"). */
int rd_job_verb(const struct reader *r, const char *w);
int rd_not_named(const struct reader *r, const char *w);
int rd_offer_verb(const struct reader *r, const char *w);
/* May the thing asked for by an unknown name (q->asked_word) get an
 * honest "we don't do X"? Only when it was asked for (REQUEST: trade work
 * or "do you do X", not a question about it), no person takes handed-on
 * texts, and no word of it is one of our services' or topics' words
 * ("glasses" at an optician). Otherwise it is for a person. */
int rd_may_say_no(const struct reader *r, const struct inquiry *q, int request);
/* A phrase of LEN words from word I that is one of the catalog's phrases
 * with one word a letter off, its first letter kept, a word no pack knows
 * ("eye tst" for "eye test"); one service or topic fits: *m, 1. */
int rd_phrase_typo(const struct reader *r, size_t i, size_t len,
		   struct cat_match *m);
/* inquiry_intent.c: the main intent from everything read. */
void rd_decide_intent(const struct reader *r, const char *text,
		      struct inquiry *q);

/* inquiry_health.c: a health problem in everyday words is a problem
 * report: the catalog's emergency service (earliest), its emergency
 * topic (the referral), or a person. */
void rd_health(const struct reader *r, const struct when_local *now,
	       struct inquiry *q);

/* inquiry_times.c: several clock times, one per clause, into q->times
 * (q->when takes the first). */
void rd_clause_times(const struct reader *r, const struct when_local *now,
		     struct inquiry *q);
void rd_times_persons(const struct reader *r, struct inquiry *q);
/* inquiry_days.c: several bookings on days of their own clauses, into
 * q->dated (q->when takes the first). */
void rd_clause_days(const struct reader *r, const struct when_local *now,
		    struct inquiry *q);
/* The words of the clauses marked in KEEP (or the one clause ONE when keep
 * is NULL), folded, into OUT. */
void rd_clause_words(const struct reader *r, const int *keep, int one,
		     char *out, size_t cap);
/* "or", "either", "if not": the times or days are alternatives. */
int rd_alternatives(const struct reader *r);

/* inquiry_cond.c: a service word negated ("keinen", "değil") or naming
 * what the customer has ("bel fıtığım var") is not asked for. */
void rd_conditions(const struct reader *r, struct inquiry *q);
/* Their booking named as the object of a booking verb ("randevumu ...
 * alabilir miyiz"), neither negated nor in a longer phrase. */
int rd_moves_mine(const struct reader *r);

/* inquiry_asks.c: a question that names a service is a question (the
 * price, or for a person), never a booking flow. */
void rd_questions(const struct reader *r, struct inquiry *q);
/* A price word at T, not inside a longer phrase of another meaning
 * ("quanto" in "quanto tempo dura" asks the length). */
int rd_price_word(const struct tok *t);
/* What each asked service's question asks of it (things[].facts). */
void rd_facts(const struct reader *r, struct inquiry *q);
/* What only a person can answer (q->not_text), the last such question of
 * the pack's; the catalog's own topic for the same words wins. */
void rd_not_text(const struct reader *r, struct inquiry *q);
/* inquiry_mine.c: a question about a booking the customer holds, the
 * customer its subject and "booked" (or, after "have I", the service)
 * said a few words on ("am I down for thursday?", "Bin ich ... am 8.12.
 * eingetragen?", "tenho sessão amanhã né?"). */
int rd_mine_asked(const struct reader *r, const struct inquiry *q);
/* inquiry_staff.c: a question about a member of staff by name, naming no
 * service, is for a person. */
void rd_staff(const struct reader *r, const char *text, struct inquiry *q);

int rd_time_word(const struct reader *r, const char *w, int after);

/* inquiry_persons.c: whom the services read are for (children's versions,
 * person words, how many: q->group, each thing's persons). */
void rd_persons(struct reader *r, struct inquiry *q);
/* inquiry_whose.c: the booking meant is said to be another person's
 * ("cancel my wife's", "el de mi hija"): q->whose. */
void rd_whose(const struct reader *r, struct inquiry *q);
/* inquiry_things.c: note a thing read at token AT (kind -1: a trade word);
 * a thing already noted in the same clause is not noted twice. Returns the
 * thing's number (1 + its index; 0 when there was no room). */
int rd_add_thing(struct inquiry *q, int kind, size_t idx, int dist,
		 enum inq_role role, const struct tok *at, const char *word);
/* inquiry_things.c: does service IDX's folded name hold WORD as a word,
 * bare or with a short ending ("bakim" in "periyodik bakim", "cilt
 * bakimi")? */
int rd_name_holds_word(const struct catalog *cat, size_t idx, const char *word);
/* A service is asked for by name (a thing of role INQ_ASKED). */
int rd_service_asked(const struct inquiry *q);
/* WORD without an elided article or pronoun of PACK glued to it
 * ("losteopathie" is "osteopathie", "lavancer" is "avancer"): the rest
 * when it starts with a vowel or h and is long enough to be a word of its
 * own; NULL otherwise. Points into WORD. */
const char *rd_unelided(const struct lang_pack *pack, const char *word);
/* Service IDX's name folded into OUT; 0 when it does not fit. */
int rd_folded_name(const struct catalog *cat, size_t idx, char *out,
		   size_t cap);

#endif
