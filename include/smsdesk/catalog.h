/*
 * catalog: the business as the staff describe it in one libconfig file
 * (DESIGN.md "Catalog"), loaded, validated and frozen.
 *
 * The only module that includes libconfig. A loaded catalog is immutable: the
 * daemon swaps in a new one on SIGHUP and never edits one in place. Every
 * problem a shop owner can make is reported as FILE:LINE: message, all of
 * them, not just the first. It must never touch sqlite or the clock.
 */
#ifndef SMSDESK_CATALOG_H
#define SMSDESK_CATALOG_H

#include <stddef.h>

/* Days of the week as a bit set: bit 0 is Monday ... bit 6 is Sunday. */
enum cat_day {
	CAT_MON = 1 << 0,
	CAT_TUE = 1 << 1,
	CAT_WED = 1 << 2,
	CAT_THU = 1 << 3,
	CAT_FRI = 1 << 4,
	CAT_SAT = 1 << 5,
	CAT_SUN = 1 << 6,
};

struct cat_hours {
	unsigned days; /* enum cat_day bits */
	int open_min;  /* minutes after local midnight */
	int close_min; /* > open_min */
	int line;      /* where the staff wrote it */
};

/*
 * A name or note in another of the business's languages (names = { en =
 * "Haircut"; }): lang is one of business.languages other than the first,
 * whose wording is the plain name or note.
 */
struct cat_tr {
	char lang[3];
	char *text;
	int line;
};

struct cat_service {
	char *id;
	char *name;	      /* in the business's first language */
	struct cat_tr *names; /* in its other languages (names = { ... }) */
	size_t n_names;
	char **words; /* folded (text_fold); may be phrases: "beard trim" */
	/* words[i] as the catalog writes it ("Unverträglichkeit"): what an
	 * example shows a customer, never folded letters */
	char **words_written;
	size_t n_words;
	char *price; /* as written: "GBP 18" */
	int minutes;
	int capacity;
	int notice_minutes;
	int people; /* how many one booking serves [1]: a massage for two,
		       a couples' session */
	int line;
};

struct cat_topic {
	char *id;
	char *name;
	struct cat_tr *names;
	size_t n_names;
	char **words; /* folded */
	size_t n_words;
	int line;
};

struct cat_referral {
	char *name;
	char *phone;	      /* E.164: +441632960123 */
	char *note;	      /* "" when absent */
	struct cat_tr *notes; /* the note in other languages */
	size_t n_notes;
	char **covers; /* service and topic ids */
	size_t n_covers;
	int line;
};

struct cat_modem {
	char *device;
	int baud;
	char *pin; /* "" when none */
	int line;
};

/* What a staff member receives by SMS besides forwards. */
enum cat_summary {
	CAT_SUMMARY_NONE = 0, /* "none" */
	CAT_SUMMARY_DAILY,    /* "daily" */
	CAT_SUMMARY_WEEKLY,   /* "weekly" */
};

/*
 * A person at the business (staff = ( ... )). Texts from phone are never
 * read as customer inquiries. Phones are unique across staff and referrals.
 */
struct cat_staff {
	char *name;
	char *phone; /* E.164, normalised with the business's country */
	int forward; /* 1 [default]: receives texts the desk hands to a person
		      */
	enum cat_summary summary; /* [CAT_SUMMARY_NONE] */
	char *pin; /* 4..8 digits; "" when none (then no SMS staff commands) */
	int line;
};

/*
 * One reply template override (replies = { name = "text"; ... }), kept as
 * written. The catalog checks only the shape (name [a-z_]+, text not empty,
 * valid UTF-8) and then asks the hook set with catalog_set_reply_check.
 * A plain entry words the reply in the business's first language (lang
 * ""); an entry inside a language's group (replies = { en = { booked =
 * "..."; }; }) words it in that one of business.languages.
 */
struct cat_reply {
	char *name;
	char *text;
	char lang[3]; /* "" the first language, else ISO 639-1 */
	int line;
};

/*
 * The business's own wording of reply NAME in language LANG (ISO 639-1;
 * NULL or "" the first language), or NULL when it has none. Borrowed from
 * cat.
 */
struct catalog;
const char *catalog_reply(const struct catalog *cat, const char *name,
			  const char *lang);

/*
 * TEXT (a name or note in the business's first language) in language LANG
 * when TR holds it, else TEXT itself. Borrowed from the catalog.
 */
const char *catalog_tr(const struct cat_tr *tr, size_t n, const char *lang,
		       const char *text);

/* A Kannel bearer (kannel = ( ... )), beside the modems. */
struct cat_kannel {
	char *listen;	   /* "127.0.0.1:13080" [default] as written */
	char *listen_host; /* "127.0.0.1" (brackets of "[::1]:13080" removed) */
	int listen_port;   /* 1..65535 */
	char *sendsms_url; /* http:// or https:// URL of Kannel's sendsms */
	char *username;	   /* sendsms user */
	char *password;	   /* sendsms password */
	char *secret;	   /* Kannel must present it; 16+ characters */
	char **numbers;	   /* E.164 business numbers this bearer serves */
	size_t n_numbers;
	int max_in_flight; /* 1..1000 [10] sends waiting for Kannel's answer */
	int line;
};

/* Allowed range and [default when the key is left out]. */
struct cat_policy {
	int referrals_per_reply;  /* 1..5 [2] */
	int max_segments;	  /* 1..10 [2] */
	int booking_horizon_days; /* 1..365 [60] */
	int conversation_minutes; /* 1..1440 [30] */
	int max_replies_per_hour; /* 1..60 [6] */
	int reminder_hours;	  /* 0..168 [24]; 0 = no reminders */
	int reply_expiry_minutes; /* 5..10080 [240]: older queued replies
				     are not sent */
	int retention_days;	  /* 1..3650 [90]: texts, numbers and PDUs
				     are kept this long */
	int national_shift;	  /* 0 [default] or 1: replies may use a GSM
				     national single-shift table */
	int slot_minutes;   /* 0 [default]: a service's slots start back to
			       back (every `minutes` from opening, the
			       contract); 10..240: a longer service may also
			       start on any multiple of this from opening
			       ("any quarter hour where it fits") */
	int summary_minute; /* summary_time = "HH:MM": when staff summaries
			       go, minutes after local midnight; -1
			       [default]: at each day's opening time */
};

struct cat_index; /* the word index, private to catalog_index.c */
struct civil_zone;

struct catalog {
	char *path; /* the file it was loaded from */
	char *database;
	struct cat_modem *modems;
	size_t n_modems;
	char *business_name;
	/* Where a customer calls or comes when a text cannot do: NULL when
	 * not written. The phone in E.164; the address as written. */
	char *business_phone;
	char *business_address;
	/* Who a customer in crisis ("I want to end my life") is told to
	 * call: the emergency number and a crisis line, as written
	 * (business.emergency, business.crisis_line); NULL when not written,
	 * and the country's own are used (phone_crisis). */
	char *emergency;
	char *crisis_line;
	char *timezone;	     /* IANA name, checked against tzdata */
	char country[3];     /* ISO 3166 alpha-2 ("GB"); "" when unknown */
	int country_derived; /* 1: not written; derived from the time zone */
	/* business.capacity: customers served at once, whatever the service
	 * (one practitioner: 1); 0 when not written: only each service's own
	 * capacity limits it, so different services may overlap */
	int capacity;
	int country_line; /* where it was written, or the time zone's line */
	int calling_code; /* ITU-T E.164 code of country (44); 0 if unknown */
	char (*languages)[3]; /* ISO 639-1, first is the default; ["en"] */
	size_t n_languages;
	struct cat_hours *hours;
	size_t n_hours;
	char (*closed)[11]; /* "YYYY-MM-DD", sorted */
	int *closed_line;   /* where each closed date is written */
	size_t n_closed;
	struct cat_service *services;
	size_t n_services;
	struct cat_topic *topics;
	size_t n_topics;
	struct cat_referral *referrals;
	size_t n_referrals;
	struct cat_staff *staff;
	size_t n_staff;
	struct cat_reply *replies; /* in file order */
	size_t n_replies;
	struct cat_kannel *kannel;
	size_t n_kannel;
	struct cat_policy policy;
	struct cat_index *index;
	/* The time zone, read once at load (civil.h); NULL in catalogs built
	 * by hand (when_zone_of then finds it by name). */
	struct civil_zone *zone;
};

/* One problem found while loading, in the staff's terms. */
struct cat_diag {
	int line;    /* 0 when the problem is not on one line */
	int warning; /* 1: reported, but the catalog still loads; 2: a note
			(catalog_country_note), printed "note: " */
	char msg[240];
};

struct cat_diags {
	struct cat_diag *v;
	size_t n;
	size_t n_errors;
};

/*
 * Load and validate PATH. Returns a new catalog (free with catalog_free) when
 * there are no errors, else NULL. Every error and warning goes into *diags
 * (may be NULL; it is overwritten, not appended to), in line order with
 * line-0 problems first; free it with catalog_diags_free even when empty.
 * Defaults for optional keys: baud 115200, pin "", capacity 1,
 * notice_minutes 0, note "", and struct cat_policy's.
 */
struct catalog *catalog_load(const char *path, struct cat_diags *diags);
void catalog_free(struct catalog *cat);
void catalog_diags_free(struct cat_diags *diags);

/*
 * "FILE:LINE: message" (or "FILE: message" when line is 0) into out, with
 * "warning: " (or "note: ") before the message of a warning (or a note).
 * Truncated to cap.
 */
void catalog_diag_format(const char *path, const struct cat_diag *d, char *out,
			 size_t cap);

/*
 * The hook the language side fills to validate reply overrides: called for
 * each entry of replies = { ... } once its shape is right (name of a-z and
 * '_', non-empty valid UTF-8 text). Returns 0 when the reply is fine, else
 * nonzero with a sentence for the staff in why ("no standard reply is
 * called 'boked' (did you mean 'booked'?)"), reported at the reply's line.
 * cat is still being loaded: only the business, services, topics and
 * referrals are filled in. Set once at start-up, before any load; NULL (the
 * default) accepts every well-shaped reply.
 */
typedef int (*cat_reply_check_fn)(const struct cat_reply *reply,
				  const struct catalog *cat, char *why,
				  size_t cap);
void catalog_set_reply_check(cat_reply_check_fn fn);

/*
 * What check states about an assumption the loader made (not a problem):
 * the country taken from the time zone ("country not set; using GB from
 * Europe/London"), or that there is no country at all. Fills *out (line
 * and msg; warning is 2, printed as "note: ") and returns 1 when there is
 * something to state, else 0.
 */
int catalog_country_note(const struct catalog *cat, struct cat_diag *out);

/*
 * The hook the desk side fills so that check measures the booking
 * confirmation exactly as the desk writes it: write into out (cap bytes)
 * the promise for svc at its longest (widest date and time, a 5-character
 * reference), without the business's name (check adds " NAME" itself where
 * the desk signs). Set once at start-up; NULL restores the built-in copy of
 * desk.c's wording ("Booked: NAME, WHEN, PRICE. Ref REF. To cancel text
 * CANCEL REF.").
 */
typedef void (*cat_confirmation_fn)(const struct catalog *cat,
				    const struct cat_service *svc, char *out,
				    size_t cap);
void catalog_set_confirmation_text(cat_confirmation_fn fn);

/*
 * Warn about closed dates before today ("YYYY-MM-DD" in the business's
 * zone; the caller reads the clock, the catalog never does): appended to
 * diags, which are sorted by line again.
 */
void catalog_warn_past(const struct catalog *cat, const char *today,
		       struct cat_diags *diags);

enum cat_kind { CAT_SERVICE, CAT_TOPIC };

struct cat_match {
	enum cat_kind kind;
	size_t idx;   /* into services[] or topics[] */
	int distance; /* 0 for an exact match */
};

/*
 * Look up one folded word or phrase in the index. Exact matches first; with
 * fuzzy set, words within text_typo_budget() edits also match (the smaller
 * budget of the query and the word). A service or topic appears once, at its
 * best distance; ties go services first, then file order. Returns the number
 * of matches written to out (best first, at most cap; at most 64 fuzzy
 * candidates are kept, the closest).
 */
size_t catalog_lookup(const struct catalog *cat, const char *folded, int fuzzy,
		      struct cat_match *out, size_t cap);

/* A service's or topic's phrase of two or more words, split into its
 * folded words (borrowed from the catalog's index). */
struct cat_phrase {
	enum cat_kind kind;
	size_t idx;
	size_t n_words;
	const char *const *words;
};

/*
 * The phrases whose word POS (0 or 1) is WORD (folded): *out points at the
 * first, and the return value says how many follow it in one run (0, and
 * *out NULL, when none). Borrowed: valid while the catalog is.
 */
size_t catalog_phrases_at(const struct catalog *cat, size_t pos,
			  const char *word, const struct cat_phrase **out);

/*
 * The services and topics that list WORD (one folded word) alone or inside
 * a phrase ("kids" in "kids cut"): *out points at them, services first in
 * file order, then topics, each once (distance 0); the return value says
 * how many (0, and *out NULL, when none). Borrowed like catalog_phrases_at.
 */
size_t catalog_word_owners(const struct catalog *cat, const char *word,
			   const struct cat_match **out);

/* The longest phrase (in words) any service or topic lists. */
size_t catalog_max_phrase_words(const struct catalog *cat);

const struct cat_service *catalog_service(const struct catalog *cat,
					  const char *id);
const struct cat_topic *catalog_topic(const struct catalog *cat,
				      const char *id);

/*
 * Referrals that cover service or topic ID, in file order: writes their
 * indexes into out (at most cap) and returns how many cover it in total.
 */
size_t catalog_referrals_for(const struct catalog *cat, const char *id,
			     size_t *out, size_t cap);

#endif
