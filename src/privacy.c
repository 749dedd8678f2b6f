/*
 * privacy: retention, erasure and access for the people who text the
 * desk. See include/smsdesk/privacy.h.
 */
#include "smsdesk/privacy.h"

#include "smsdesk/catalog.h"
#include "smsdesk/civil.h"
#include "smsdesk/log.h"
#include "smsdesk/phone.h"
#include "smsdesk/text.h"
#include "smsdesk/when.h"

#include <stdlib.h>
#include <string.h>

struct same_person {
	const char *e164;
	const char *country;
};

static int is_same(void *ctx, const char *stored)
{
	const struct same_person *p = ctx;
	char e164[PHONE_E164_MAX];

	if (strcmp(stored, p->e164) == 0)
		return 1;
	return phone_to_e164(stored, p->country, e164, sizeof(e164)) ==
		   PHONE_OK &&
	       strcmp(e164, p->e164) == 0;
}

int privacy_find(const struct catalog *cat, struct store *st, const char *e164,
		 struct store_strings *forms)
{
	struct same_person p = {e164, cat->country};

	return store_numbers_matching(st, is_same, &p, forms);
}

int64_t privacy_cutoff(const struct catalog *cat, int64_t now)
{
	return now - (int64_t)cat->policy.retention_days * 86400;
}

int privacy_prune(const struct catalog *cat, struct store *st, int64_t now,
		  struct store_privacy_counts *out)
{
	return store_prune(st, privacy_cutoff(cat, now), out);
}

void privacy_daily(const struct catalog *cat, struct store *st, int64_t now)
{
	struct store_privacy_counts c;
	int rc = privacy_prune(cat, st, now, &c);

	if (rc != STORE_OK) {
		log_error("retention: pruning what is older than %d days "
			  "failed (%s: %s); will try again tomorrow",
			  cat->policy.retention_days, store_strerror(rc),
			  store_errmsg(st));
		return;
	}
	if (c.texts_in + c.parts_in + c.texts_out + c.bookings +
		c.conversations + c.ledger + c.optouts ==
	    0)
		return;
	log_info("retention: older than %d days, blanked %lld texts in, "
		 "%lld parts, %lld texts out, %lld bookings, %lld ledger rows; "
		 "%lld conversations deleted; %lld opt-outs kept as hashes",
		 cat->policy.retention_days, (long long)c.texts_in,
		 (long long)c.parts_in, (long long)c.texts_out,
		 (long long)c.bookings, (long long)c.ledger,
		 (long long)c.conversations, (long long)c.optouts);
	/* The write-ahead log still holds old pages. Compacting must not
	 * stall the loop behind a staff command's long read: wait briefly,
	 * and leave it for tomorrow when the file is busy. */
	store_set_busy_timeout(st, 250);
	if (store_compact(st) != STORE_OK)
		log_warn("retention: the database file was not compacted "
			 "(%s); freed space is zeroed and will be reused",
			 store_errmsg(st));
	store_busy_restore(st); /* the loop's budget, or the default */
}

/* ---- JSON (RFC 8259) ------------------------------------------------------
 */

struct json {
	FILE *out;
	const struct civil_zone *zone;
	const char *open; /* the table whose array is open, or NULL */
	size_t next;	  /* index into tables[] of the next key to write */
	size_t rows;
	int first_row;
};

/* The tables in the order the store walks them, and their keys. */
static const char *const tables[][2] = {
    {"inbox", "texts_received"},
    {"in_part", "parts_of_long_texts"},
    {"outbox", "texts_sent"},
    {"bookings", "bookings"},
    {"conversations", "pending_conversation"},
    {"ledger", "requests_we_could_not_serve"},
    {"optouts", "opt_out"},
};
#define N_TABLES (sizeof(tables) / sizeof(tables[0]))

static void json_string(FILE *out, const char *s)
{
	size_t len = strlen(s), cap = len * 3 + 4;
	char *clean = malloc(cap);
	const char *p;

	if (clean == NULL) {
		fputs("\"\"", out);
		return;
	}
	text_sanitize_utf8(s, len, clean, cap);
	fputc('"', out);
	for (p = clean; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", out);
		else if (c == '\r')
			fputs("\\r", out);
		else if (c == '\t')
			fputs("\\t", out);
		else if (c < 0x20 || c == 0x7f)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
	free(clean);
}

/* "2026-12-01T09:00:00+00:00" local, or null for 0. */
static void json_time(const struct json *j, int64_t t)
{
	struct civil_time ct;
	int off;

	if (t == 0) {
		fputs("null", j->out);
		return;
	}
	civil_zone_local(j->zone, t, &ct);
	off = ct.utoff;
	fprintf(j->out, "\"%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d\"", ct.year,
		ct.month, ct.mday, ct.hour, ct.minute, ct.second,
		off < 0 ? '-' : '+', abs(off) / 3600, abs(off) % 3600 / 60);
}

/* Close the open array and write empty ones up to (not including) upto. */
static void json_advance(struct json *j, size_t upto)
{
	if (j->open != NULL) {
		fputs("\n  ]", j->out);
		j->open = NULL;
	}
	for (; j->next < upto; j->next++)
		fprintf(j->out, ",\n  \"%s\": []", tables[j->next][1]);
}

static int json_row(void *ctx, const char *table, const struct store_field *f,
		    size_t n)
{
	struct json *j = ctx;
	size_t t = 0;

	while (t < N_TABLES && strcmp(tables[t][0], table) != 0)
		t++;
	if (t == N_TABLES)
		return STORE_OK;
	if (j->open == NULL || strcmp(j->open, table) != 0) {
		json_advance(j, t);
		fprintf(j->out, ",\n  \"%s\": [", tables[t][1]);
		j->open = tables[t][0];
		j->next = t + 1;
		j->first_row = 1;
	}
	fputs(j->first_row ? "\n    {" : ",\n    {", j->out);
	j->first_row = 0;
	for (size_t i = 0; i < n; i++) {
		fprintf(j->out, "%s\"%s\": ", i > 0 ? ", " : "", f[i].name);
		switch (f[i].kind) {
		case STORE_FIELD_TEXT:
			json_string(j->out, f[i].text);
			break;
		case STORE_FIELD_INT:
			fprintf(j->out, "%lld", (long long)f[i].num);
			break;
		case STORE_FIELD_TIME:
			json_time(j, f[i].num);
			break;
		}
	}
	fputc('}', j->out);
	j->rows++;
	return STORE_OK;
}

int privacy_export_json(const struct catalog *cat, struct store *st,
			const char *e164, int64_t now, FILE *out, size_t *rows)
{
	struct store_strings forms = {NULL, 0};
	struct json j = {out, when_zone_of(cat), NULL, 0, 0, 1};
	int rc;

	if (j.zone == NULL)
		j.zone = civil_zone_utc();
	rc = privacy_find(cat, st, e164, &forms);
	if (rc != STORE_OK)
		return rc;
	fputs("{\n  \"number\": ", out);
	json_string(out, e164);
	fputs(",\n  \"business\": ", out);
	json_string(out, cat->business_name);
	fputs(",\n  \"exported\": ", out);
	json_time(&j, now);
	fprintf(out, ",\n  \"kept_for_days\": %d", cat->policy.retention_days);
	fputs(",\n  \"stored_as\": [", out);
	for (size_t i = 0; i < forms.n; i++) {
		fputs(i > 0 ? ", " : "", out);
		json_string(out, forms.v[i]);
	}
	fputs("]", out);
	rc = store_export(st, &forms, e164, json_row, &j);
	json_advance(&j, N_TABLES);
	fputs("\n}\n", out);
	store_strings_free(&forms);
	if (rc == STORE_OK && (ferror(out) || fflush(out) != 0))
		rc = -100;
	if (rows != NULL)
		*rows = j.rows;
	return rc;
}
