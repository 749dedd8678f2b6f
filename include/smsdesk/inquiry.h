/*
 * inquiry: what a customer's text asks for. Free text from a phone ("hi do u
 * do haircuts tmrw about 10?", "cancel K7QX", "STOP", "2", "tattoo and a
 * haircut sat", "do you take card") becomes one main intent, every service
 * or topic it names (whole words and near-typos of them, through the
 * catalog's word index) with the part each plays, the questions asked
 * beside it (price, duration, hours, earliest), the when-phrase (when.h), a
 * booking reference, a choice number, and a trace of how it was read for
 * `smsdesk try --explain`.
 *
 * What words mean comes from a language pack (lang.h); this module holds
 * only the rules that combine them. Pure: no allocation, no I/O, no clock.
 * It reads the catalog only through catalog_lookup and never knows how
 * bookings are stored; deciding what to do is the desk's business.
 */
#ifndef SMSDESK_INQUIRY_H
#define SMSDESK_INQUIRY_H

#include "smsdesk/catalog.h"
#include "smsdesk/lang.h"
#include "smsdesk/when.h"

#include <stddef.h>

enum inq_intent {
	INQ_UNKNOWN,
	INQ_BOOK,   /* wants a service at some time */
	INQ_PRICE,  /* how much */
	INQ_AVAIL,  /* any space, when are you free */
	INQ_CANCEL, /* cancel (with or without a reference) */
	INQ_MOVE,   /* change a booking to another time (or a correction) */
	INQ_MY_BOOKINGS, /* what have I booked */
	INQ_HELP,	 /* help, menu, what do you do */
	INQ_STOP,	 /* opt out, in any ordinary words */
	INQ_START,	 /* opt back in: START, UNSTOP */
	INQ_YES,
	INQ_NO,
	INQ_CHOICE,	/* "2": picks a numbered option */
	INQ_THANKS,	/* thanks or an acknowledgement: needs no reply */
	INQ_GREETING,	/* hi, hello — and nothing else */
	INQ_AUTO_REPLY, /* a phone's auto-reply: never answered */
	INQ_NOT_TEXT,	/* a question only a person can answer (payment...) */
	INQ_DURATION,	/* how long does it take */
	INQ_HOURS,	/* are you open, when do you close */
	INQ_TRADE,	/* names only the trade ("look at my bike") */
};

/* "book", "price", ... for logs and tests. */
const char *inq_intent_name(enum inq_intent intent);

/* The part a service or topic word plays in the text. */
enum inq_role {
	INQ_ASKED,   /* asked for: a service to book, a topic to refer */
	INQ_OBJECT,  /* a topic the service is for ("moped" in "moped
			puncture"): the request is the topic */
	INQ_FOR_OBJ, /* a service asked for something we don't cover: dropped */
	INQ_MERGED,  /* part of a more specific service ("trim" with "beard") */
	INQ_TRADE_WORD, /* a word that only names the trade: selects nothing */
	INQ_MENTIONED,	/* a topic said in passing ("my trainer says", "been
			   at the vets"): not what is asked for */
};
const char *inq_role_name(enum inq_role role);

/* Questions asked beside (or instead of) a request. */
enum inq_ask {
	INQ_ASK_PRICE = 1,
	INQ_ASK_DURATION = 1 << 1,
	INQ_ASK_HOURS = 1 << 2,
	INQ_ASK_EARLIEST = 1 << 3,
	INQ_ASK_AVAIL = 1 << 4,
};

#define INQ_MAX_MATCHES 6
#define INQ_MAX_KIN	12
#define INQ_MAX_THINGS	10
#define INQ_REF_MAX	8
#define INQ_WORD_MAX	40
#define INQ_MAX_PARTY                                                          \
	6 /* the most people one text books for; a bigger                      \
	     group is for a person to arrange */

/* One service, topic or trade word as read. */
struct inq_thing {
	int kind;     /* enum cat_kind, or -1 for a trade word */
	size_t idx;   /* into services[] or topics[] */
	int distance; /* edits from the catalog's word; 0 exact */
	enum inq_role role;
	int clause;	/* which clause of the text (split at "and", ".") */
	int segment;	/* which sentence-like piece (split at ".", "?") */
	int persons;	/* how many people it is for (1 unless said) */
	unsigned facts; /* INQ_ASK_PRICE, INQ_ASK_DURATION: what the
			   question beside it asks of this service ("how
			   long is the rpg? and the pilates?"); 0 none */
	char word[INQ_WORD_MAX]; /* the words as folded */
};

/* One booking of several, each on a day its own clause names ("a facial
 * thursday at 10am and a bikini wax friday at 2pm", "Cumartesi 10:00 masaj,
 * pazar 11:00 seans"). */
struct inq_dated {
	size_t match; /* into matches[] */
	int persons;  /* places for it (1 unless its match counts more) */
	struct when_req when; /* the day and time of its clause */
};

/* inquiry.choice for "the last one", "la última": the list's last. */
#define INQ_CHOICE_LAST 99

struct inquiry {
	enum inq_intent intent;
	/* Services and topics asked for (role ASKED or OBJECT), each once,
	 * in the order written; persons[k] goes with matches[k]. */
	struct cat_match matches[INQ_MAX_MATCHES];
	int persons[INQ_MAX_MATCHES];
	/* 1 + the exact time (minutes) the clause of matches[k] names when
	 * several services each name their own ("manicure at 10 and brows
	 * at 11"), else 0 */
	int own_min[INQ_MAX_MATCHES];
	size_t n_matches;
	/* Everything read, for --explain. */
	struct inq_thing things[INQ_MAX_THINGS];
	size_t n_things;
	/* "quero agendar banho pro meu shih tzu" where "banho" opens the
	 * names of six services and is no word of any: the services whose
	 * names hold the word (two at least), to ask which of them, never
	 * the whole menu nor a person (review pt Y s01, c01.1, c05.1); one
	 * service alone ("ele é pequeno" after "which bath?") picks it
	 * where the desk asked which service */
	size_t kin[INQ_MAX_KIN];
	size_t n_kin;
	int asked_thing;	       /* asked for a thing by name that we
					  don't know ("do you do massages") */
	char asked_word[INQ_WORD_MAX]; /* that word */
	int asked_about; /* a thing by a name we don't know, asked about
			    or where a person answers ("how much are
			    glasses"): not ours to refuse, for a person
			    (not_text is LANG_NT_OTHER); its asks are about
			    it, not about our services */
	struct when_req when;
	struct when_req hours_when; /* the day an hours question is about */
	struct when_req gone_when;  /* the day a move is from ("can't make it
				       tmrw, can I do fri"), has_day 0 none */
	char ref[INQ_REF_MAX]; /* upper-case booking reference, "" if none */
	char bare[8];	       /* the text is just a number ("3", "make it
				  11"): that number, else "" */
	int choice;	       /* 1..9 for INQ_CHOICE / "the 2nd one",
				  INQ_CHOICE_LAST for "the last one", else 0 */
	int mday_choice;       /* "el 1" read as the day of the month, but it
				  is also option 1 of a list: 1..9, else 0 */
	int choice_loose;      /* the choice is a lone digit among other
				  words and none says option ("3 is fine",
				  not "3", "option 3", "I'll take 3"): it may
				  be the hour as well */
	unsigned asks;	       /* enum inq_ask bits */
	int wants_price;       /* asks & INQ_ASK_PRICE (kept for callers) */
	int asks_offered;      /* "do you do X?": a yes, its price and length */
	int asks_hours;	       /* asks & INQ_ASK_HOURS */
	int hours_of_day;      /* the hours asked only from a short question
				  naming a day ("Seid ihr heute bis 19 Uhr
				  da?"): an open question of ours ("which
				  day?") takes it as its answer ("Morgen?") */
	int not_text;	       /* enum lang_not_text asked about, or -1 */
	int cancel_terms;      /* how far ahead one must cancel is asked
				  ("Kaç saat önce iptal etmem lazım?"): the
				  terms, for a person, never a cancel */
	int directions;	       /* where we are is asked too, beside another
				  question for a person ("Où êtes-vous ? Il
				  y a un parking ?"): the address is told */
	int complaint;	       /* a word of complaint (LANG_NT_SORRY) */
	int gift;	       /* a gift voucher asked about (LANG_NT_GIFT) */
	int cover;	       /* who covers the cost asked (LANG_NT_COVER) */
	int crisis;	       /* words of a crisis (LANG_NT_CRISIS) */
	int names_booking;     /* a booking noun or "my booking" is said
				  (LW_BOOKING, LW_MINE) */
	int child_aside;       /* an age under 16 said in brackets after a
				  word ("Tochter (6)") */
	int held_moved;	       /* a booking told at one time, another time
				  asked after it: a move */
	unsigned own_event;    /* bits of the pieces that tell of the
				  customer's own hour ("hab ein
				  Vorstellungsgespräch um 10"): what they
				  name is theirs, never asked of us */
	int gift_service;      /* 1 + services[] of the service the catalog
				  names by the voucher word, 0 none */
	int trade;	       /* a trade word was read ("bike", "fix") */
	int correction;	       /* "no, I meant", "actually", "make it" */
	int meant;	       /* "I meant": a day read as at first, not
				  counted from the booking */
	int same_time;	       /* "same time" */
	int refers_back;       /* "that", "it", "one": what was just named */
	int asks_back;	       /* "how much was it again" */
	int greeting;	       /* opens with a greeting */
	int opener;	       /* a greeting that is no goodbye ("kolay
				  gelsin", "merhaba"), and no thanks */
	int greet_only;	       /* only greetings, some of them also a
				  goodbye ("iyi günler"), and no thanks */
	int praise;   /* thanks at length for a visit, asking nothing ("Vielen
			 Dank für die tolle Betreuung ..."): thanked back */
	int thanks;   /* says thanks ("ok thanks"): a yes that
			 closes rather than picks */
	int bye_open; /* "I'll text you back" (LW_BYE_OPEN): knows
			 nothing is settled yet */
	int takes;    /* "je prends", "nehme", "I'll take": a word that
			 picks (LW_CHOICE and LW_YES) */
	int together; /* "together", "at the same time", "juntos": the
			 party wants one time, never one after another */
	int today;    /* "tonight", "this afternoon": today named */
	int day_conflict;     /* the day read disagrees with a weekday or
				 date the text names: asked, never booked */
	int question;	      /* a '?' or a question word */
	int outright;	      /* the question is put outright: a '?', or a
				 question word opens or ends the text ("how
				 early should I arrive", "sorun olur mu"),
				 not a question word inside a
				 request ("book me in when you can") */
	int price_segment;    /* the piece holding the first price word, -1 */
	int price_segment_to; /* the last piece the price question goes on
				 in ("quanto é o pilates? e a acupuntura?") */
	int group;	      /* how many people (or animals, bikes) the
				 text counts: "both", "my 2 dogs"; 0 unsaid */
	int also;	      /* "too", "as well", "at the same time": one
				 more thing, for the visit just booked */
	int also_after;	    /* "right after", "direkt danach": that thing after
			       the visit's end, never at its time */
	int total;	    /* "how much altogether": the sum of what is
			       booked */
	int other;	    /* names someone or something else ("my
			       other car", "for my wife"): a booking
			       beside one held, not a duplicate */
	int whose;	    /* the booking meant is said to be another
			       person's ("cancel my wife's", "el de mi
			       hija", "ablamınkini"): a cancel or move
			       without a reference never picks one of
			       the customer's bookings by itself (the
			       desk does not record whom one is for) */
	int held;	    /* 1 + the index (services[]) of a booking the
			       text tells of holding ("hab morgen um 11
			       eine massage, kann ich noch fango dazu
			       buchen?"): looked up, not asked; 0 none.
			       q->when is that booking's day and time */
	int apart;	    /* several services, one for each of them
			       ("one for a groom and one for a bath"):
			       side by side, not back to back */
	int question_apart; /* the price/duration/space question is in a
			       clause of its own, beside the request */
	int symptom;	    /* a health problem told in everyday words
			       ("my eye is red and painful"): 2 urgent,
			       1 mild, 0 none */
	int n_times;	    /* clock times named one per clause ("9
			       for me and 9:30 for him"): 2 or
			       more, else 0 */
	int times[INQ_MAX_MATCHES];	  /* minutes after midnight, in order */
	int time_clause[INQ_MAX_MATCHES]; /* the clause each was read in */
	/* Bookings on days of their own clauses, in the order written: 2
	 * or more only when the clauses name different days, else 0 (and
	 * when takes the first of them). */
	struct inq_dated dated[INQ_MAX_MATCHES];
	int n_dated;
	size_t n_words;	  /* words read */
	const char *rule; /* the reading rule that chose the intent */
};

/*
 * Read TEXT (UTF-8 as received; invalid bytes are tolerated) against CAT at
 * local time NOW with the words of PACK (NULL: the default pack). Always
 * fills *out; never fails. A text too long to read whole is read at its
 * start and its end (where a closing question usually is).
 */
void inquiry_parse(const struct catalog *cat, const char *text,
		   const struct when_local *now, struct inquiry *out);
void inquiry_parse_lang(const struct catalog *cat, const struct lang_pack *pack,
			const char *text, const struct when_local *now,
			struct inquiry *out);

/*
 * How TEXT was read, for people: one line per fact ("intent: book (rule:
 * service with a day)", "word 'hiarcut' -> service haircut, distance 1,
 * asked"). Returns the length written (truncated to cap).
 */
size_t inquiry_explain(const struct catalog *cat, const struct inquiry *q,
		       char *out, size_t cap);

#endif
