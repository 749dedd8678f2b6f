/*
 * catalog_internal: what the catalog*.c files share, and nothing else may
 * include. The loader (catalog.c) walks the file section by section; each
 * section's parser lives with its own kind of thing (catalog_business.c,
 * catalog_services.c, catalog_people.c, catalog_bearers.c,
 * catalog_policy.c), every key's name, type and example is in one table
 * (catalog_keys.c), and the word index is catalog_index.c.
 *
 * The only header besides catalog*.c that includes libconfig.h. Parsers
 * report with ERR/WARN and keep going: the staff see every problem in one
 * run. Nothing here touches sqlite or the clock (the closed-date check gets
 * "today" from the loader's caller).
 */
#ifndef SMSDESK_CATALOG_INTERNAL_H
#define SMSDESK_CATALOG_INTERNAL_H

#include "smsdesk/catalog.h"

#include <libconfig.h>

#include <stddef.h>
#include <stdint.h>

/* Defaults for keys a file may leave out (conf/smsdesk.cfg lists them). */
#define DEF_REFERRALS_PER_REPLY	 2
#define DEF_MAX_SEGMENTS	 2
#define DEF_BOOKING_HORIZON_DAYS 60
#define DEF_CONVERSATION_MINUTES 30
#define DEF_MAX_REPLIES_PER_HOUR 6
#define DEF_REMINDER_HOURS	 24
#define DEF_REPLY_EXPIRY_MINUTES 240
#define DEF_RETENTION_DAYS	 90
#define DEF_CAPACITY		 1
#define DEF_NOTICE_MINUTES	 0
#define DEF_BAUD		 115200
#define DEF_KANNEL_LISTEN	 "127.0.0.1:13080"
#define DEF_MAX_IN_FLIGHT	 10

#define MAX_ID_LEN   40
#define MAX_WORD_LEN 63 /* bytes, folded */

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* ---- string map (catalog_index.c) --------------------------------------- */

struct strslot {
	const char *key; /* borrowed; NULL = empty */
	uint32_t val;
	int line;
};

struct strmap {
	struct strslot *slots;
	size_t mask;
	size_t n;
};

const struct strslot *strmap_get(const struct strmap *m, const char *key);
/*
 * Insert key (borrowed: it must outlive the map) unless present. Returns the
 * existing slot when the key was already there, NULL when inserted; *oom is
 * set on allocation failure. Free m->slots when done.
 */
const struct strslot *strmap_add(struct strmap *m, const char *key,
				 uint32_t val, int line, int *oom);

#define KIND_BIT 0x80000000u

static inline uint32_t owner_val(enum cat_kind kind, size_t idx)
{
	return (kind == CAT_TOPIC ? KIND_BIT : 0) | (uint32_t)idx;
}

/* Build the word index of a catalog without errors; NULL when out of
 * memory. Free with index_free. */
struct cat_index *index_build(const struct catalog *cat);
void index_free(struct cat_index *ix);

/* ---- the loader and its diagnostics (catalog.c) --------------------------
 */

struct loader {
	const char *path;
	struct cat_diags *diags;
	struct catalog *cat;
	struct strmap ids;    /* id → owner_val, line of first use */
	struct strmap words;  /* folded word → owner_val, line */
	struct strmap phones; /* E.164 of staff and referrals → line */
	int oom;
	int pin_line;	 /* first modem with a non-empty pin, 0 if none */
	int secret_line; /* first staff pin or Kannel secret, 0 if none */
	const config_setting_t *business_name; /* for lint_catalog */
	const config_setting_t *business_address;
};

void diag(struct loader *ld, int line, int warning, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#define ERR(ld, line, ...)  diag((ld), (line), 0, __VA_ARGS__)
#define WARN(ld, line, ...) diag((ld), (line), 1, __VA_ARGS__)

/* Sort by line, stable (line-0 problems first). */
void diags_sort(struct cat_diags *ds);

/* strdup / calloc that set ld->oom on failure (calloc of 0 gives 1). */
char *dup_str(struct loader *ld, const char *s);
void *alloc_array(struct loader *ld, size_t n, size_t size);

/* ---- key tables (catalog_keys.c) ---------------------------------------- */

enum key_type { K_STR, K_INT, K_BOOL, K_STRLIST, K_GROUPLIST, K_GROUP };

struct key_spec {
	const char *name;
	enum key_type type;
	int required;
	const char *example; /* the value, as it would be written */
};

extern const struct key_spec top_keys[];
enum {
	TOP_DATABASE,
	TOP_MODEMS,
	TOP_BUSINESS,
	TOP_SERVICES,
	TOP_TOPICS,
	TOP_REFERRALS,
	TOP_STAFF,
	TOP_REPLIES,
	TOP_KANNEL,
	TOP_POLICY,
	N_TOP_KEYS
};

extern const struct key_spec modem_keys[];
enum { MODEM_DEVICE, MODEM_BAUD, MODEM_PIN, N_MODEM_KEYS };

extern const struct key_spec business_keys[];
enum {
	BUS_NAME,
	BUS_TIMEZONE,
	BUS_COUNTRY,
	BUS_LANGUAGES,
	BUS_HOURS,
	BUS_CLOSED,
	BUS_CAPACITY,
	BUS_PHONE,
	BUS_ADDRESS,
	BUS_EMERGENCY,
	BUS_CRISIS_LINE,
	N_BUSINESS_KEYS
};

extern const struct key_spec hours_keys[];
enum { HOURS_DAYS, HOURS_OPEN, HOURS_CLOSE, N_HOURS_KEYS };

extern const struct key_spec service_keys[];
enum {
	SVC_ID,
	SVC_NAME,
	SVC_NAMES,
	SVC_WORDS,
	SVC_PRICE,
	SVC_MINUTES,
	SVC_CAPACITY,
	SVC_NOTICE,
	SVC_PEOPLE,
	N_SERVICE_KEYS
};

extern const struct key_spec topic_keys[];
enum { TOPIC_ID, TOPIC_NAME, TOPIC_NAMES, TOPIC_WORDS, N_TOPIC_KEYS };

extern const struct key_spec referral_keys[];
enum { REF_NAME, REF_PHONE, REF_COVERS, REF_NOTE, REF_NOTES, N_REFERRAL_KEYS };

extern const struct key_spec staff_keys[];
enum {
	STAFF_NAME,
	STAFF_PHONE,
	STAFF_FORWARD,
	STAFF_SUMMARY,
	STAFF_PIN,
	N_STAFF_KEYS
};

extern const struct key_spec kannel_keys[];
enum {
	KAN_LISTEN,
	KAN_SENDSMS_URL,
	KAN_USERNAME,
	KAN_PASSWORD,
	KAN_SECRET,
	KAN_NUMBERS,
	KAN_MAX_IN_FLIGHT,
	N_KANNEL_KEYS
};

/* A policy key: whole numbers with a range, a true/false switch, or a time
 * of day "HH:MM" (K_STR: minutes after midnight, def when left out). */
struct policy_key {
	struct key_spec spec;
	int min, max, def;
	size_t offset; /* into struct cat_policy, an int */
};

extern const struct policy_key policy_keys[];
extern const size_t n_policy_keys;

/*
 * Check the keys of group s against keys[]: unknown, missing and mistyped
 * keys are reported; found[i] gets each key that is present with the right
 * type (else NULL). noun names the group: "this service".
 */
void check_group(struct loader *ld, const config_setting_t *s,
		 const struct key_spec *keys, size_t n_keys, const char *noun,
		 const config_setting_t **found);

/* The closest of names[] to word within a typo's reach, or NULL. */
const char *nearest(const char *word, const char *const *names, size_t n);

static inline int line_of(const config_setting_t *s)
{
	return (int)config_setting_source_line(s);
}

static inline const char *str_of(const config_setting_t *s)
{
	return config_setting_get_string(s);
}

static inline int int_of(const config_setting_t *s)
{
	return (int)config_setting_get_int64(s);
}

/*
 * The text of a string setting, checked to be valid UTF-8 and to hold no
 * control characters other than tab; NULL (reported as "key holds ...")
 * when it does not. Every string of the catalog is read through it.
 */
const char *text_of(struct loader *ld, const config_setting_t *s,
		    const char *key);

/* A required text that must not be empty; NULL when missing or empty. */
const char *nonempty(struct loader *ld, const config_setting_t *s,
		     const char *key);

/*
 * Report text longer than max bytes (a store field's limit, with room for
 * its NUL already taken out): "name is 129 bytes long; at most 127 fit".
 * Returns 1 when it fits.
 */
int fits(struct loader *ld, const config_setting_t *s, const char *key,
	 const char *text, size_t max);

/* ---- sections (one file each) ------------------------------------------- */

/* catalog_services.c: translations (names = { en = "..."; }) */
int catalog_other_language(const struct catalog *cat, const char *code);
void bad_language(struct loader *ld, const config_setting_t *e,
		  const char *what, const char *code);

/* catalog_business.c */
void parse_business(struct loader *ld, const config_setting_t *g);
/* Derive the country from the time zone when business.country is absent. */
void business_country_default(struct loader *ld, const config_setting_t *tz);

/* catalog_services.c */
void parse_service(struct loader *ld, const config_setting_t *g, size_t idx);
void parse_topic(struct loader *ld, const config_setting_t *g, size_t idx);
void parse_referral(struct loader *ld, const config_setting_t *g, size_t idx);
/*
 * Normalise the phone written in s to E.164 with the business's country;
 * the owner (a referral, a staff member) must not share it with another.
 * Returns a new string or NULL (reported).
 */
/* A phone as written, in E.164 (+441632960123), or NULL after an error at
 * its line. Allocates: owned by the catalog once stored there. Unlike
 * parse_phone, the number is not claimed: the business's own phone may also
 * be a staff member's mobile. */
char *parse_phone_number(struct loader *ld, const config_setting_t *s);
char *parse_phone(struct loader *ld, const config_setting_t *s,
		  const char *owner);

/* catalog_people.c */
void parse_staff(struct loader *ld, const config_setting_t *g, size_t idx);
/* Check every reply override (after policy is read). */
void check_replies(struct loader *ld);
void parse_replies(struct loader *ld, const config_setting_t *g);

/* catalog_bearers.c */
void parse_modem(struct loader *ld, const config_setting_t *g, size_t idx);
void parse_kannel(struct loader *ld, const config_setting_t *g, size_t idx);

/* catalog_business.c: "HH:MM" → minutes after midnight; "24:00" only when
 * allow_24. -1 if bad. */
int parse_time(const char *s, int allow_24);

/* catalog_policy.c */
void parse_policy(struct loader *ld, const config_setting_t *g);

/*
 * catalog_lint.c: after every section (policy and languages known), warn
 * about what costs money: names, prices and notes outside GSM-7, and
 * confirmations longer than max_segments. root is the file's root group.
 */
void lint_catalog(struct loader *ld, const config_setting_t *root);

#endif
