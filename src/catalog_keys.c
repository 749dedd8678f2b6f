/*
 * catalog_keys: every key the catalog knows, in one place — its name, type,
 * whether it must be there and an example of its value — and the generic
 * checks every group goes through (unknown keys, missing keys, wrong types,
 * "did you mean"). man/smsdesk.cfg.5 and conf/smsdesk.cfg document the same
 * keys: keep the three in step.
 */
#include "catalog_internal.h"

#include "smsdesk/text.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* ---- the tables ---------------------------------------------------------- */

const struct key_spec top_keys[N_TOP_KEYS] = {
    [TOP_DATABASE] = {"database", K_STR, 1, "\"/var/lib/smsdesk/smsdesk.db\""},
    [TOP_MODEMS] = {"modems", K_GROUPLIST, 1,
		    "( { device = \"/dev/ttyUSB2\"; } )"},
    [TOP_BUSINESS] = {"business", K_GROUP, 1,
		      "{ name = \"Harbour Street Barbers\"; ... }"},
    [TOP_SERVICES] = {"services", K_GROUPLIST, 1,
		      "( { id = \"haircut\"; ... } )"},
    [TOP_TOPICS] = {"topics", K_GROUPLIST, 0, "( { id = \"nails\"; ... } )"},
    [TOP_REFERRALS] = {"referrals", K_GROUPLIST, 0,
		       "( { name = \"Quayside Cuts\"; ... } )"},
    [TOP_STAFF] = {"staff", K_GROUPLIST, 0,
		   "( { name = \"Sam\"; phone = \"07700 900123\"; } )"},
    [TOP_REPLIES] = {"replies", K_GROUP, 0, "{ booked = \"...\"; }"},
    [TOP_KANNEL] = {"kannel", K_GROUPLIST, 0,
		    "( { sendsms_url = \"http://127.0.0.1:13013/cgi-bin/"
		    "sendsms\"; ... } )"},
    [TOP_POLICY] = {"policy", K_GROUP, 0, "{ max_segments = 2; }"},
};

const struct key_spec modem_keys[N_MODEM_KEYS] = {
    [MODEM_DEVICE] = {"device", K_STR, 1, "\"/dev/ttyUSB2\""},
    [MODEM_BAUD] = {"baud", K_INT, 0, "115200"},
    [MODEM_PIN] = {"pin", K_STR, 0, "\"1234\""},
};

const struct key_spec business_keys[N_BUSINESS_KEYS] = {
    [BUS_NAME] = {"name", K_STR, 1, "\"Harbour Street Barbers\""},
    [BUS_TIMEZONE] = {"timezone", K_STR, 1, "\"Europe/London\""},
    [BUS_COUNTRY] = {"country", K_STR, 0, "\"GB\""},
    [BUS_LANGUAGES] = {"languages", K_STRLIST, 0, "[ \"en\", \"es\" ]"},
    [BUS_HOURS] = {"hours", K_GROUPLIST, 1,
		   "( { days = \"mon-fri\"; open = \"09:00\"; close = "
		   "\"18:00\"; } )"},
    [BUS_CLOSED] = {"closed", K_STRLIST, 0, "[ \"2026-12-25\" ]"},
    [BUS_CAPACITY] = {"capacity", K_INT, 0, "1"},
    [BUS_PHONE] = {"phone", K_STR, 0, "\"+441632960000\""},
    [BUS_ADDRESS] = {"address", K_STR, 0, "\"12 Harbour Street, Bristol\""},
    [BUS_EMERGENCY] = {"emergency", K_STR, 0, "\"999\""},
    [BUS_CRISIS_LINE] = {"crisis_line", K_STR, 0, "\"Samaritans 116 123\""},
};

const struct key_spec hours_keys[N_HOURS_KEYS] = {
    [HOURS_DAYS] = {"days", K_STR, 1, "\"mon-fri\""},
    [HOURS_OPEN] = {"open", K_STR, 1, "\"09:00\""},
    [HOURS_CLOSE] = {"close", K_STR, 1, "\"18:00\""},
};

const struct key_spec service_keys[N_SERVICE_KEYS] = {
    [SVC_ID] = {"id", K_STR, 1, "\"haircut\""},
    [SVC_NAME] = {"name", K_STR, 1, "\"Haircut\""},
    [SVC_WORDS] = {"words", K_STRLIST, 1, "[ \"haircut\", \"cut\" ]"},
    [SVC_PRICE] = {"price", K_STR, 1, "\"GBP 18\""},
    [SVC_MINUTES] = {"minutes", K_INT, 1, "30"},
    [SVC_CAPACITY] = {"capacity", K_INT, 0, "2"},
    [SVC_NOTICE] = {"notice_minutes", K_INT, 0, "60"},
    [SVC_PEOPLE] = {"people", K_INT, 0, "2"},
    [SVC_NAMES] = {"names", K_GROUP, 0, "{ es = \"Corte de pelo\"; }"},
};

const struct key_spec topic_keys[N_TOPIC_KEYS] = {
    [TOPIC_ID] = {"id", K_STR, 1, "\"nails\""},
    [TOPIC_NAME] = {"name", K_STR, 1, "\"Nails\""},
    [TOPIC_WORDS] = {"words", K_STRLIST, 1, "[ \"nails\", \"manicure\" ]"},
    [TOPIC_NAMES] = {"names", K_GROUP, 0, "{ es = \"Uñas\"; }"},
};

const struct key_spec referral_keys[N_REFERRAL_KEYS] = {
    [REF_NAME] = {"name", K_STR, 1, "\"Quayside Cuts\""},
    [REF_PHONE] = {"phone", K_STR, 1, "\"+441632960123\""},
    [REF_COVERS] = {"covers", K_STRLIST, 1, "[ \"haircut\", \"nails\" ]"},
    [REF_NOTE] = {"note", K_STR, 0, "\"open Sundays\""},
    [REF_NOTES] = {"notes", K_GROUP, 0, "{ es = \"abre domingos\"; }"},
};

const struct key_spec staff_keys[N_STAFF_KEYS] = {
    [STAFF_NAME] = {"name", K_STR, 1, "\"Sam\""},
    [STAFF_PHONE] = {"phone", K_STR, 1, "\"07700 900123\""},
    [STAFF_FORWARD] = {"forward", K_BOOL, 0, "true"},
    [STAFF_SUMMARY] = {"summary", K_STR, 0, "\"daily\""},
    [STAFF_PIN] = {"pin", K_STR, 0, "\"4821\""},
};

const struct key_spec kannel_keys[N_KANNEL_KEYS] = {
    [KAN_LISTEN] = {"listen", K_STR, 0, "\"" DEF_KANNEL_LISTEN "\""},
    [KAN_SENDSMS_URL] = {"sendsms_url", K_STR, 1,
			 "\"http://127.0.0.1:13013/cgi-bin/sendsms\""},
    [KAN_USERNAME] = {"username", K_STR, 1, "\"smsdesk\""},
    [KAN_PASSWORD] = {"password", K_STR, 1, "\"change-me\""},
    [KAN_SECRET] = {"secret", K_STR, 1, "\"a-long-random-shared-secret\""},
    [KAN_NUMBERS] = {"numbers", K_STRLIST, 1, "[ \"+447700900000\" ]"},
    [KAN_MAX_IN_FLIGHT] = {"max_in_flight", K_INT, 0, "10"},
};

#define STR_(x) #x
#define STR(x)	STR_(x) /* the value of a macro, as text */

#define POLICY(name, min, max, def)                                            \
	{                                                                      \
		{#name, K_INT, 0, STR(def)}, min, max, def,                    \
		    offsetof(struct cat_policy, name)                          \
	}
#define SWITCH(name, def)                                                      \
	{                                                                      \
		{#name, K_BOOL, 0, def ? "true" : "false"}, 0, 1, def,         \
		    offsetof(struct cat_policy, name)                          \
	}

const struct policy_key policy_keys[] = {
    POLICY(referrals_per_reply, 1, 5, DEF_REFERRALS_PER_REPLY),
    POLICY(max_segments, 1, 10, DEF_MAX_SEGMENTS),
    POLICY(booking_horizon_days, 1, 365, DEF_BOOKING_HORIZON_DAYS),
    POLICY(conversation_minutes, 1, 1440, DEF_CONVERSATION_MINUTES),
    POLICY(max_replies_per_hour, 1, 60, DEF_MAX_REPLIES_PER_HOUR),
    POLICY(reminder_hours, 0, 168, DEF_REMINDER_HOURS),
    POLICY(reply_expiry_minutes, 5, 10080, DEF_REPLY_EXPIRY_MINUTES),
    POLICY(retention_days, 1, 3650, DEF_RETENTION_DAYS),
    SWITCH(national_shift, 0),
    POLICY(slot_minutes, 0, 240, 0),
    /* a time of day; left out: each day's opening time */
    {{"summary_time", K_STR, 0, "\"08:30\""},
     0,
     24 * 60 - 1,
     -1,
     offsetof(struct cat_policy, summary_minute)},
};
const size_t n_policy_keys = N_OF(policy_keys);

/* ---- the checks ---------------------------------------------------------- */

static int is_string_list(const config_setting_t *s)
{
	int t = config_setting_type(s);

	if (t != CONFIG_TYPE_ARRAY && t != CONFIG_TYPE_LIST)
		return 0;
	for (int i = 0; i < config_setting_length(s); i++)
		if (config_setting_type(config_setting_get_elem(s, i)) !=
		    CONFIG_TYPE_STRING)
			return 0;
	return 1;
}

static int type_ok(const config_setting_t *s, enum key_type type)
{
	int t = config_setting_type(s);

	switch (type) {
	case K_STR:
		return t == CONFIG_TYPE_STRING;
	case K_INT:
		if (t == CONFIG_TYPE_INT64) {
			long long v = config_setting_get_int64(s);
			return v >= INT_MIN && v <= INT_MAX;
		}
		return t == CONFIG_TYPE_INT;
	case K_STRLIST:
		return is_string_list(s);
	case K_GROUPLIST:
		if (t != CONFIG_TYPE_LIST)
			return 0;
		for (int i = 0; i < config_setting_length(s); i++)
			if (config_setting_type(config_setting_get_elem(
				s, i)) != CONFIG_TYPE_GROUP)
				return 0;
		return 1;
	case K_GROUP:
		return t == CONFIG_TYPE_GROUP;
	case K_BOOL:
		return t == CONFIG_TYPE_BOOL;
	}
	return 0;
}

static void type_error(struct loader *ld, const config_setting_t *s,
		       const struct key_spec *k)
{
	const char *what = "";

	switch (k->type) {
	case K_STR:
		what = "text in quotes";
		break;
	case K_INT:
		what = "a whole number";
		break;
	case K_STRLIST:
		what = "a list of texts in square brackets";
		break;
	case K_GROUPLIST:
		what = "a list of { ... } groups in round brackets";
		break;
	case K_GROUP:
		what = "a group in curly brackets";
		break;
	case K_BOOL:
		what = "true or false, without quotes";
		break;
	}
	ERR(ld, line_of(s), "%s must be %s, like %s", k->name, what,
	    k->example);
}

const char *nearest(const char *word, const char *const *names, size_t n)
{
	const char *best = NULL;
	int best_d = 3;
	char fw[128], fn[128];
	int budget;

	text_fold(word, fw, sizeof(fw));
	budget = text_typo_budget(text_codepoints(fw));
	if (budget < 1)
		budget = 1;
	for (size_t i = 0; i < n; i++) {
		int d;

		text_fold(names[i], fn, sizeof(fn));
		d = text_distance(fw, fn, budget);
		if (d <= budget && d < best_d) {
			best = names[i];
			best_d = d;
		}
	}
	return best;
}

struct key_home {
	const struct key_spec *keys;
	size_t n_keys;
	const char *where;
};

static const struct key_home key_homes[] = {
    {top_keys, N_TOP_KEYS, "at the top level of the file"},
    {modem_keys, N_MODEM_KEYS, "inside a modem in modems = ( ... )"},
    {business_keys, N_BUSINESS_KEYS, "inside business = { ... }"},
    {hours_keys, N_HOURS_KEYS, "inside an entry of hours = ( ... )"},
    {service_keys, N_SERVICE_KEYS, "inside a service in services = ( ... )"},
    {topic_keys, N_TOPIC_KEYS, "inside a topic in topics = ( ... )"},
    {referral_keys, N_REFERRAL_KEYS,
     "inside a referral in referrals = ( ... )"},
    {staff_keys, N_STAFF_KEYS, "inside a person in staff = ( ... )"},
    {kannel_keys, N_KANNEL_KEYS, "inside a bearer in kannel = ( ... )"},
};

/*
 * Where a key that is unknown here belongs, when exactly one other kind of
 * group has it ("timezone" written at the top level); NULL otherwise.
 */
static const char *key_home_of(const char *name, const struct key_spec *here)
{
	const char *home = NULL;
	int homes = 0;

	for (size_t h = 0; h < N_OF(key_homes); h++) {
		if (key_homes[h].keys == here)
			continue;
		for (size_t k = 0; k < key_homes[h].n_keys; k++)
			if (strcmp(key_homes[h].keys[k].name, name) == 0) {
				home = key_homes[h].where;
				homes++;
			}
	}
	for (size_t k = 0; k < n_policy_keys; k++)
		if (strcmp(policy_keys[k].spec.name, name) == 0) {
			home = "inside policy = { ... }";
			homes++;
		}
	return homes == 1 ? home : NULL;
}

/*
 * Check the keys of group s against keys[]: unknown, missing and mistyped
 * keys are reported; found[i] gets each key that is present with the right
 * type (else NULL).
 */
void check_group(struct loader *ld, const config_setting_t *s,
		 const struct key_spec *keys, size_t n_keys, const char *noun,
		 const config_setting_t **found)
{
	const char *names[16];
	int guessed[16] = {0}; /* "did you mean" already named it */

	for (size_t k = 0; k < n_keys; k++) {
		found[k] = NULL;
		names[k] = keys[k].name;
	}
	for (int i = 0; i < config_setting_length(s); i++) {
		const config_setting_t *e = config_setting_get_elem(s, i);
		const char *name = config_setting_name(e);
		size_t k = 0;

		while (k < n_keys && strcmp(keys[k].name, name) != 0)
			k++;
		if (k == n_keys) {
			const char *home = key_home_of(name, keys);
			const char *near = nearest(name, names, n_keys);
			char list[200] = "";

			if (home != NULL) {
				ERR(ld, line_of(e),
				    "key '%s' does not belong here; it goes %s",
				    name, home);
				continue;
			}
			if (near != NULL) {
				for (size_t j = 0; j < n_keys; j++)
					guessed[j] |= names[j] == near;
				ERR(ld, line_of(e),
				    "unknown key '%s' (did you mean '%s'?)",
				    name, near);
				continue;
			}
			for (size_t j = 0; j < n_keys; j++) {
				size_t len = strlen(list);
				snprintf(list + len, sizeof(list) - len, "%s%s",
					 j ? ", " : "", names[j]);
			}
			ERR(ld, line_of(e), "unknown key '%s'; %s may have %s",
			    name, noun, list);
		} else if (!type_ok(e, keys[k].type)) {
			type_error(ld, e, &keys[k]);
			found[k] = NULL;
		} else {
			found[k] = e;
		}
	}
	for (size_t k = 0; k < n_keys; k++) {
		if (!keys[k].required || guessed[k] ||
		    config_setting_get_member(s, keys[k].name) != NULL)
			continue;
		ERR(ld, line_of(s), "%s has no '%s'; add one, like %s = %s;",
		    noun, keys[k].name, keys[k].name, keys[k].example);
	}
}

/*
 * Length of the valid UTF-8 sequence at s (1..4), or 0 when it is not one:
 * a stray continuation byte, a cut sequence, an overlong form, a UTF-16
 * surrogate or past U+10FFFF (RFC 3629 section 4).
 */
static size_t utf8_seq(const unsigned char *s)
{
	unsigned c = s[0];
	size_t n;
	uint32_t cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		n = 2, cp = c & 0x1F;
	else if (c >= 0xE0 && c <= 0xEF)
		n = 3, cp = c & 0x0F;
	else if (c >= 0xF0 && c <= 0xF4)
		n = 4, cp = c & 0x07;
	else
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return 0;
	return n;
}

const char *text_of(struct loader *ld, const config_setting_t *s,
		    const char *key)
{
	const unsigned char *t = (const unsigned char *)str_of(s);

	for (size_t i = 0; t[i] != '\0';) {
		size_t n = utf8_seq(t + i);

		if (n == 0) {
			ERR(ld, line_of(s),
			    "%s holds bytes that are not UTF-8 (byte %zu, "
			    "0x%02X); save the file as UTF-8 or retype the "
			    "text",
			    key, i + 1, t[i]);
			return NULL;
		}
		if ((t[i] < 0x20 && t[i] != '\t') || t[i] == 0x7F) {
			ERR(ld, line_of(s),
			    "%s holds a control character (byte %zu, 0x%02X); "
			    "remove it",
			    key, i + 1, t[i]);
			return NULL;
		}
		i += n;
	}
	return (const char *)t;
}

const char *nonempty(struct loader *ld, const config_setting_t *s,
		     const char *key)
{
	const char *v;

	if (s == NULL)
		return NULL;
	v = text_of(ld, s, key);
	if (v == NULL)
		return NULL;
	if (v[0] == '\0') {
		ERR(ld, line_of(s), "%s must not be empty", key);
		return NULL;
	}
	return v;
}

int fits(struct loader *ld, const config_setting_t *s, const char *key,
	 const char *text, size_t max)
{
	size_t n = strlen(text);

	if (n <= max)
		return 1;
	ERR(ld, line_of(s),
	    "%s is %zu bytes long; at most %zu fit (the database keeps no "
	    "more)",
	    key, n, max);
	return 0;
}
