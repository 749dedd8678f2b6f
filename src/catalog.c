/*
 * catalog: libconfig file → validated, immutable struct catalog (catalog.h).
 *
 * Loading walks the file once, checking every group against a table of the
 * keys it may hold (catalog_keys.c), and keeps going after a problem so the
 * staff see all of them in one run. Each section is parsed in the file of
 * its kind (catalog_internal.h lists them). Only when nothing is wrong is
 * the word index built (catalog_index.c) and the catalog handed out. This
 * file holds the diagnostics, the walk over the sections and the catalog's
 * life: load and free.
 */
#include "catalog_internal.h"

#include "smsdesk/civil.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- diagnostics ---------------------------------------------------------
 */

void diag(struct loader *ld, int line, int warning, const char *fmt, ...)
{
	struct cat_diags *ds = ld->diags;
	struct cat_diag *v, *d;
	va_list ap;

	v = realloc(ds->v, (ds->n + 1) * sizeof(*ds->v));
	if (v == NULL) {
		ld->oom = 1;
		return;
	}
	ds->v = v;
	d = &ds->v[ds->n++];
	d->line = line;
	d->warning = warning;
	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof(d->msg), fmt, ap);
	va_end(ap);
	if (!warning)
		ds->n_errors++;
}

void catalog_diags_free(struct cat_diags *diags)
{
	if (diags == NULL)
		return;
	free(diags->v);
	diags->v = NULL;
	diags->n = 0;
	diags->n_errors = 0;
}

void catalog_diag_format(const char *path, const struct cat_diag *d, char *out,
			 size_t cap)
{
	const char *w = d->warning == 2 ? "note: "
			: d->warning	? "warning: "
					: "";

	if (d->line > 0)
		snprintf(out, cap, "%s:%d: %s%s", path, d->line, w, d->msg);
	else
		snprintf(out, cap, "%s: %s%s", path, w, d->msg);
}

int catalog_country_note(const struct catalog *cat, struct cat_diag *out)
{
	memset(out, 0, sizeof(*out));
	out->line = cat->country_line;
	out->warning = 2;
	if (cat->country_derived) {
		snprintf(out->msg, sizeof(out->msg),
			 "country not set; using %s from %s", cat->country,
			 cat->timezone);
		return 1;
	}
	if (cat->country[0] == '\0') {
		snprintf(out->msg, sizeof(out->msg),
			 "country not set, and time zone %s belongs to no "
			 "country; every phone number must be written with + "
			 "and its country code",
			 cat->timezone != NULL ? cat->timezone : "?");
		return 1;
	}
	return 0;
}

/* Insertion sort: stable, and diagnostics are few and nearly in order. */
void diags_sort(struct cat_diags *ds)
{
	for (size_t i = 1; i < ds->n; i++) {
		struct cat_diag t = ds->v[i];
		size_t j = i;

		while (j > 0 && ds->v[j - 1].line > t.line) {
			ds->v[j] = ds->v[j - 1];
			j--;
		}
		ds->v[j] = t;
	}
}

char *dup_str(struct loader *ld, const char *s)
{
	char *d = strdup(s);

	if (d == NULL)
		ld->oom = 1;
	return d;
}

void *alloc_array(struct loader *ld, size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);

	if (p == NULL)
		ld->oom = 1;
	return p;
}

/* ---- the file, section by section ---------------------------------------- */

/*
 * Allocate the array for list s (zeroed, one element per entry); an empty
 * list that must not be empty is reported with the key's example.
 */
static void *parse_list(struct loader *ld, const config_setting_t *s,
			const struct key_spec *k, int need_one, size_t size,
			size_t *n_out)
{
	size_t n = s != NULL ? (size_t)config_setting_length(s) : 0;
	void *arr = alloc_array(ld, n, size);

	*n_out = 0;
	if (arr == NULL)
		return NULL;
	if (s != NULL && n == 0 && need_one)
		ERR(ld, line_of(s),
		    "%s is empty; list at least one, like %s = %s;", k->name,
		    k->name, k->example);
	*n_out = n;
	return arr;
}

static void parse_sections(struct loader *ld, const config_setting_t *root)
{
	struct catalog *cat = ld->cat;
	const config_setting_t *f[N_TOP_KEYS];
	const config_setting_t *kan = config_setting_get_member(root, "kannel");
	struct key_spec keys[N_TOP_KEYS];
	const char *v;
	int kannel;

	/* A shop that sends through Kannel alone needs no modem. */
	kannel = kan != NULL && config_setting_is_list(kan) &&
		 config_setting_length(kan) > 0;
	memcpy(keys, top_keys, sizeof(keys));
	keys[TOP_MODEMS].required = !kannel;
	check_group(ld, root, keys, N_TOP_KEYS, "the file", f);
	if ((v = nonempty(ld, f[TOP_DATABASE], "database")) != NULL &&
	    fits(ld, f[TOP_DATABASE], "database", v, PATH_MAX - 1))
		cat->database = dup_str(ld, v);
	cat->modems = parse_list(ld, f[TOP_MODEMS], &keys[TOP_MODEMS], !kannel,
				 sizeof(*cat->modems), &cat->n_modems);
	for (size_t i = 0; cat->modems != NULL && i < cat->n_modems; i++)
		parse_modem(ld, config_setting_get_elem(f[TOP_MODEMS], (int)i),
			    i);
	if (f[TOP_BUSINESS] != NULL)
		parse_business(ld, f[TOP_BUSINESS]);
	cat->services = parse_list(ld, f[TOP_SERVICES], &top_keys[TOP_SERVICES],
				   1, sizeof(*cat->services), &cat->n_services);
	cat->topics = parse_list(ld, f[TOP_TOPICS], &top_keys[TOP_TOPICS], 0,
				 sizeof(*cat->topics), &cat->n_topics);
	cat->referrals =
	    parse_list(ld, f[TOP_REFERRALS], &top_keys[TOP_REFERRALS], 0,
		       sizeof(*cat->referrals), &cat->n_referrals);
	for (size_t i = 0; cat->services != NULL && i < cat->n_services; i++)
		parse_service(
		    ld, config_setting_get_elem(f[TOP_SERVICES], (int)i), i);
	for (size_t i = 0; cat->topics != NULL && i < cat->n_topics; i++)
		parse_topic(ld, config_setting_get_elem(f[TOP_TOPICS], (int)i),
			    i);
	for (size_t i = 0; cat->referrals != NULL && i < cat->n_referrals; i++)
		parse_referral(
		    ld, config_setting_get_elem(f[TOP_REFERRALS], (int)i), i);
	cat->staff = parse_list(ld, f[TOP_STAFF], &top_keys[TOP_STAFF], 0,
				sizeof(*cat->staff), &cat->n_staff);
	for (size_t i = 0; cat->staff != NULL && i < cat->n_staff; i++)
		parse_staff(ld, config_setting_get_elem(f[TOP_STAFF], (int)i),
			    i);
	if (f[TOP_REPLIES] != NULL)
		parse_replies(ld, f[TOP_REPLIES]);
	cat->kannel = parse_list(ld, f[TOP_KANNEL], &top_keys[TOP_KANNEL], 0,
				 sizeof(*cat->kannel), &cat->n_kannel);
	for (size_t i = 0; cat->kannel != NULL && i < cat->n_kannel; i++)
		parse_kannel(ld, config_setting_get_elem(f[TOP_KANNEL], (int)i),
			     i);
	parse_policy(ld, f[TOP_POLICY]);
	check_replies(ld);
	lint_catalog(ld, root);
}

/* libconfig's own words, said the way a shop owner would understand. */
static void syntax_error(struct loader *ld, const config_t *cfg)
{
	const char *t = config_error_text(cfg);
	int line = config_error_line(cfg);

	if (t == NULL)
		t = "unreadable file";
	if (strcmp(t, "syntax error") == 0)
		ERR(ld, line,
		    "syntax error (look for a missing ';', '\"' or bracket "
		    "here or just before)");
	else if (strcmp(t, "duplicate setting name") == 0)
		ERR(ld, line, "a key is set twice in the same group");
	else if (strcmp(t, "mismatched element type in array") == 0)
		ERR(ld, line, "a [ ... ] list mixes texts and numbers");
	else
		ERR(ld, line, "%s", t);
}

static void free_words(char **w, size_t n)
{
	for (size_t i = 0; w != NULL && i < n; i++)
		free(w[i]);
	free(w);
}

static void free_tr(struct cat_tr *tr, size_t n)
{
	for (size_t i = 0; tr != NULL && i < n; i++)
		free(tr[i].text);
	free(tr);
}

void catalog_free(struct catalog *cat)
{
	if (cat == NULL)
		return;
	free(cat->path);
	free(cat->database);
	for (size_t i = 0; cat->modems != NULL && i < cat->n_modems; i++) {
		free(cat->modems[i].device);
		free(cat->modems[i].pin);
	}
	free(cat->modems);
	free(cat->business_name);
	free(cat->business_phone);
	free(cat->business_address);
	free(cat->emergency);
	free(cat->crisis_line);
	free(cat->timezone);
	civil_zone_free(cat->zone);
	free(cat->hours);
	free(cat->closed);
	free(cat->closed_line);
	for (size_t i = 0; cat->services != NULL && i < cat->n_services; i++) {
		struct cat_service *s = &cat->services[i];
		free(s->id);
		free(s->name);
		free(s->price);
		free_words(s->words, s->n_words);
		free_words(s->words_written, s->n_words);
		free_tr(s->names, s->n_names);
	}
	free(cat->services);
	for (size_t i = 0; cat->topics != NULL && i < cat->n_topics; i++) {
		free(cat->topics[i].id);
		free(cat->topics[i].name);
		free_words(cat->topics[i].words, cat->topics[i].n_words);
		free_tr(cat->topics[i].names, cat->topics[i].n_names);
	}
	free(cat->topics);
	for (size_t i = 0; cat->referrals != NULL && i < cat->n_referrals;
	     i++) {
		struct cat_referral *r = &cat->referrals[i];
		free(r->name);
		free(r->phone);
		free(r->note);
		free_tr(r->notes, r->n_notes);
		free_words(r->covers, r->n_covers);
	}
	free(cat->referrals);
	free(cat->languages);
	for (size_t i = 0; cat->staff != NULL && i < cat->n_staff; i++) {
		free(cat->staff[i].name);
		free(cat->staff[i].phone);
		free(cat->staff[i].pin);
	}
	free(cat->staff);
	for (size_t i = 0; cat->replies != NULL && i < cat->n_replies; i++) {
		free(cat->replies[i].name);
		free(cat->replies[i].text);
	}
	free(cat->replies);
	for (size_t i = 0; cat->kannel != NULL && i < cat->n_kannel; i++) {
		struct cat_kannel *k = &cat->kannel[i];
		free(k->listen);
		free(k->listen_host);
		free(k->sendsms_url);
		free(k->username);
		free(k->password);
		free(k->secret);
		free_words(k->numbers, k->n_numbers);
	}
	free(cat->kannel);
	index_free(cat->index);
	free(cat);
}

#define MAX_FILE_BYTES (16 << 20) /* far beyond any shop's catalog */

/*
 * The file's text, ready for libconfig: a UTF-8 byte-order mark (which
 * Windows editors write) is skipped, Windows line endings (CRLF) and tabs
 * pass as they are (libconfig reads both), and what libconfig would
 * misread is named instead: UTF-16, a NUL byte, lines ended by CR alone,
 * @include (its lines would be reported against the wrong file). Returns
 * the text (free the buffer *mem) or NULL, reported.
 */
static const char *read_text(struct loader *ld, FILE *fp, char **mem)
{
	size_t cap = 4096, n = 0, got;
	char *buf = malloc(cap), *text, *grown;
	int line = 1, lone_cr = 0;

	*mem = NULL;
	while (buf != NULL && (got = fread(buf + n, 1, cap - n - 1, fp)) > 0) {
		n += got;
		if (n + 1 < cap)
			continue;
		if (cap >= MAX_FILE_BYTES) {
			free(buf);
			ERR(ld, 0, "the file is over %d MB; is it the catalog?",
			    MAX_FILE_BYTES >> 20);
			return NULL;
		}
		grown = realloc(buf, cap * 2);
		if (grown == NULL)
			break;
		buf = grown;
		cap *= 2;
	}
	if (buf == NULL || ferror(fp)) {
		if (buf == NULL)
			ERR(ld, 0, "out of memory while loading");
		else
			ERR(ld, 0, "cannot read the file: %s", strerror(errno));
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*mem = buf;
	text = buf;
	if (n >= 2 && ((buf[0] == '\xFF' && buf[1] == '\xFE') ||
		       (buf[0] == '\xFE' && buf[1] == '\xFF'))) {
		ERR(ld, 1, "the file is saved as UTF-16; save it as UTF-8");
		return NULL;
	}
	if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		text += 3;
	for (size_t i = 0; i < n; i++) {
		const char *p = buf + i;

		if (*p == '\0') {
			ERR(ld, line,
			    "the file holds a NUL byte here; is it a text "
			    "file?");
			return NULL;
		}
		lone_cr += *p == '\r' && p[1] != '\n';
		if ((i == 0 || p[-1] == '\n') && p[strspn(p, " \t")] == '@' &&
		    strncmp(p + strspn(p, " \t"), "@include", 8) == 0) {
			ERR(ld, line,
			    "@include is not supported; put everything in this "
			    "one file");
			return NULL;
		}
		line += *p == '\n';
	}
	if (lone_cr > line - 1) {
		ERR(ld, 0,
		    "the lines of this file end in CR alone (old Mac style); "
		    "save it with Unix (LF) or Windows (CRLF) line endings");
		return NULL;
	}
	return text;
}

struct catalog *catalog_load(const char *path, struct cat_diags *diags)
{
	struct cat_diags local = {NULL, 0, 0};
	struct loader ld = {.path = path, .diags = diags ? diags : &local};
	config_t cfg;
	struct stat st;
	const char *text = NULL;
	char *mem = NULL;
	FILE *fp;

	memset(ld.diags, 0, sizeof(*ld.diags));
	ld.cat = calloc(1, sizeof(*ld.cat));
	fp = ld.cat != NULL ? fopen(path, "r") : NULL;
	if (ld.cat == NULL) {
		ERR(&ld, 0, "out of memory while loading");
		goto out;
	}
	if (fp == NULL) {
		ERR(&ld, 0, "cannot read the file: %s", strerror(errno));
		goto out;
	}
	if (fstat(fileno(fp), &st) != 0 || !S_ISREG(st.st_mode)) {
		ERR(&ld, 0, "cannot read the file: it is not a regular file");
		goto out;
	}
	ld.cat->path = dup_str(&ld, path);
	text = read_text(&ld, fp, &mem);
	if (text == NULL)
		goto out;
	config_init(&cfg);
	if (config_read_string(&cfg, text) != CONFIG_TRUE) {
		syntax_error(&ld, &cfg);
	} else {
		parse_sections(&ld, config_root_setting(&cfg));
		if (ld.pin_line > 0 && (st.st_mode & 044) != 0)
			WARN(&ld, ld.pin_line,
			     "this file holds a SIM PIN and other users can "
			     "read it; make it private with chmod 600");
		else if (ld.secret_line > 0 && (st.st_mode & 044) != 0)
			WARN(&ld, ld.secret_line,
			     "this file holds staff PINs or Kannel passwords "
			     "and other users can read it; make it private "
			     "with chmod 600");
	}
	config_destroy(&cfg);
	if (ld.oom)
		ERR(&ld, 0, "out of memory while loading");
	if (ld.diags->n_errors == 0) {
		ld.cat->index = index_build(ld.cat);
		if (ld.cat->index == NULL)
			ERR(&ld, 0, "out of memory while indexing");
	}
out:
	if (fp != NULL)
		fclose(fp);
	free(mem);
	free(ld.ids.slots);
	free(ld.words.slots);
	free(ld.phones.slots);
	diags_sort(ld.diags);
	if (ld.diags->n_errors > 0) {
		catalog_free(ld.cat);
		ld.cat = NULL;
	}
	catalog_diags_free(&local);
	return ld.cat;
}
