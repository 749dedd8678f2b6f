/*
 * catalog_people: the people at the business (staff = ( ... )) and the
 * words they want the desk to use (replies = { ... }). A staff phone is a
 * person's own: never a referral's, never another staff member's.
 */
#include "catalog_internal.h"

#include "smsdesk/store.h"

#include <stdio.h>
#include <string.h>

/* ---- staff --------------------------------------------------------------- */

static const char *const summary_names[] = {
    [CAT_SUMMARY_NONE] = "none",
    [CAT_SUMMARY_DAILY] = "daily",
    [CAT_SUMMARY_WEEKLY] = "weekly",
};

static int digits_only(const char *v, size_t min, size_t max)
{
	size_t n = strspn(v, "0123456789");

	return n == strlen(v) && n >= min && n <= max;
}

void parse_staff(struct loader *ld, const config_setting_t *g, size_t idx)
{
	struct catalog *cat = ld->cat;
	struct cat_staff *sf = &cat->staff[idx];
	const config_setting_t *f[N_STAFF_KEYS];
	const char *v;

	check_group(ld, g, staff_keys, N_STAFF_KEYS, "this staff member", f);
	sf->line = line_of(g);
	if ((v = nonempty(ld, f[STAFF_NAME], "name")) != NULL &&
	    fits(ld, f[STAFF_NAME], "name", v, STORE_ID_MAX - 1))
		sf->name = dup_str(ld, v);
	if (f[STAFF_PHONE] != NULL)
		sf->phone = parse_phone(ld, f[STAFF_PHONE], "staff member");
	sf->forward = f[STAFF_FORWARD] != NULL
			  ? config_setting_get_bool(f[STAFF_FORWARD])
			  : 1;
	sf->summary = CAT_SUMMARY_NONE;
	if (f[STAFF_SUMMARY] != NULL &&
	    (v = text_of(ld, f[STAFF_SUMMARY], "summary")) != NULL) {
		size_t k = 0;

		while (k < N_OF(summary_names) && strcmp(summary_names[k], v))
			k++;
		if (k < N_OF(summary_names))
			sf->summary = (enum cat_summary)k;
		else
			ERR(ld, line_of(f[STAFF_SUMMARY]),
			    "summary '%s' is not understood; write \"none\", "
			    "\"daily\" or \"weekly\"",
			    v);
	}
	v = f[STAFF_PIN] != NULL ? text_of(ld, f[STAFF_PIN], "pin") : "";
	if (v == NULL)
		v = "";
	if (v[0] != '\0' && !digits_only(v, 4, 8)) {
		ERR(ld, line_of(f[STAFF_PIN]),
		    "pin must be 4 to 8 digits, or \"\" for none (then this "
		    "phone cannot give commands by text)");
		v = "";
	} else if (v[0] != '\0' && ld->secret_line == 0) {
		ld->secret_line = line_of(f[STAFF_PIN]);
	}
	sf->pin = dup_str(ld, v);
	/* Texts the desk hands to a person must reach somebody. */
	if (idx + 1 == cat->n_staff) {
		size_t k = 0;
		while (k < cat->n_staff && !cat->staff[k].forward)
			k++;
		if (k == cat->n_staff)
			WARN(ld, line_of(config_setting_parent(g)),
			     "no one in staff has forward = true, so texts the "
			     "desk hands to a person reach nobody");
	}
}

/* ---- replies ------------------------------------------------------------- */

static cat_reply_check_fn reply_check;

void catalog_set_reply_check(cat_reply_check_fn fn)
{
	reply_check = fn;
}

static int reply_name_ok(const char *name)
{
	if (name == NULL || name[0] == '\0')
		return 0;
	for (const char *p = name; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || *p == '_'))
			return 0;
	return 1;
}

/* One reply override E in language LANG ("" the first). */
static void parse_reply(struct loader *ld, const config_setting_t *e,
			const char *lang)
{
	struct catalog *cat = ld->cat;
	const char *name = config_setting_name(e), *text;
	struct cat_reply *r = &cat->replies[cat->n_replies];

	if (!reply_name_ok(name)) {
		ERR(ld, line_of(e), "reply name '%s' may use only a-z and '_'",
		    name);
		return;
	}
	if (config_setting_type(e) != CONFIG_TYPE_STRING) {
		ERR(ld, line_of(e),
		    "reply %s must be text in quotes, like %s = "
		    "\"Booked: {service}, {when}.\"",
		    name, name);
		return;
	}
	if ((text = nonempty(ld, e, name)) == NULL)
		return;
	r->name = dup_str(ld, name);
	r->text = dup_str(ld, text);
	snprintf(r->lang, sizeof(r->lang), "%s", lang);
	r->line = line_of(e);
	if (r->name == NULL || r->text == NULL)
		return;
	cat->n_replies++;
}

/* Each override against its reply's rules, once the whole file is read:
 * its length against policy.max_segments as written, wherever policy
 * stands in the file (review es K: a longer 'booked' was refused with "over
 * policy.max_segments (2)" whatever max_segments said). */
void check_replies(struct loader *ld)
{
	struct catalog *cat = ld->cat;
	char why[200];
	for (size_t i = 0; reply_check != NULL && i < cat->n_replies; i++) {
		why[0] = '\0';
		if (reply_check(&cat->replies[i], cat, why, sizeof(why)) != 0)
			ERR(ld, cat->replies[i].line, "%s",
			    why[0] != '\0' ? why : "this reply is not valid");
	}
}

/*
 * replies = { booked = "..."; en = { booked = "..."; }; }: the plain
 * entries word the business's first language, a group named after another
 * of business.languages words that one.
 */
void parse_replies(struct loader *ld, const config_setting_t *g)
{
	struct catalog *cat = ld->cat;
	int n = config_setting_length(g);
	size_t total = 0;

	for (int i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(g, i);
		total += config_setting_type(e) == CONFIG_TYPE_GROUP
			     ? (size_t)config_setting_length(e)
			     : 1;
	}
	cat->replies = alloc_array(ld, total, sizeof(*cat->replies));
	if (cat->replies == NULL)
		return;
	for (int i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(g, i);
		const char *code = config_setting_name(e);

		if (config_setting_type(e) != CONFIG_TYPE_GROUP) {
			parse_reply(ld, e, "");
			continue;
		}
		if (!catalog_other_language(cat, code)) {
			bad_language(ld, e, "replies", code);
			continue;
		}
		for (int k = 0; k < config_setting_length(e); k++)
			parse_reply(ld, config_setting_get_elem(e, k), code);
	}
}

const char *catalog_reply(const struct catalog *cat, const char *name,
			  const char *lang)
{
	int first =
	    lang == NULL || lang[0] == '\0' ||
	    (cat->n_languages > 0 && strcmp(cat->languages[0], lang) == 0);

	for (size_t i = 0; cat->replies != NULL && i < cat->n_replies; i++) {
		const struct cat_reply *r = &cat->replies[i];
		if (strcmp(r->name, name) != 0)
			continue;
		if (first ? r->lang[0] == '\0' : strcmp(r->lang, lang) == 0)
			return r->text;
	}
	return NULL;
}
