/*
 * catalog_business: business = { ... }: the name, the time zone (checked
 * against tzdata), the country (written, or derived from the time zone via
 * tzdata's zone.tab), the languages, the opening hours and the closed days.
 */
#include "catalog_internal.h"

#include "smsdesk/civil.h"
#include "smsdesk/lang.h"
#include "smsdesk/phone.h"
#include "smsdesk/text.h"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- value checks -------------------------------------------------------- */

static int parse_2digits(const char *s)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return -1;
	return (s[0] - '0') * 10 + (s[1] - '0');
}

/* "HH:MM" → minutes after midnight; "24:00" only when allow_24. -1 if bad. */
int parse_time(const char *s, int allow_24)
{
	int h, m;

	if (strlen(s) != 5 || s[2] != ':')
		return -1;
	h = parse_2digits(s);
	m = parse_2digits(s + 3);
	if (h < 0 || m < 0 || m > 59)
		return -1;
	if (h == 24 && m == 0 && allow_24)
		return 24 * 60;
	if (h > 23)
		return -1;
	return h * 60 + m;
}

static const char *const day_names[7] = {"mon", "tue", "wed", "thu",
					 "fri", "sat", "sun"};
static const char *const day_long[7] = {"monday",   "tuesday", "wednesday",
					"thursday", "friday",  "saturday",
					"sunday"};

static int day_index(const char *s, size_t len)
{
	for (int d = 0; d < 7; d++) {
		if ((len == 3 && strncmp(s, day_names[d], 3) == 0) ||
		    (len == strlen(day_long[d]) &&
		     strncmp(s, day_long[d], len) == 0))
			return d;
	}
	return -1;
}

/* One token: "daily", "weekdays", "weekend", "mon" or "mon-fri" (may wrap). */
static unsigned parse_day_token(const char *s, size_t len)
{
	const char *dash = memchr(s, '-', len);
	int a, b;
	unsigned bits = 0;

	if (len == 5 && strncmp(s, "daily", 5) == 0)
		return 0x7F;
	if (len == 8 && strncmp(s, "weekdays", 8) == 0)
		return 0x1F;
	if (len == 7 && strncmp(s, "weekend", 7) == 0)
		return 0x60;
	if (dash == NULL) {
		a = day_index(s, len);
		return a < 0 ? 0 : 1u << a;
	}
	a = day_index(s, (size_t)(dash - s));
	b = day_index(dash + 1, len - (size_t)(dash - s) - 1);
	if (a < 0 || b < 0 || a == b)
		return 0;
	for (int d = a;; d = (d + 1) % 7) {
		bits |= 1u << d;
		if (d == b)
			break;
	}
	return bits;
}

/* "mon-fri", "sat", "mon,wed,fri", "daily"; 0 when not understood. */
static unsigned parse_days(const char *s)
{
	char buf[64];
	size_t n = 0;
	unsigned bits = 0;
	const char *p;

	for (p = s; *p != '\0' && n < sizeof(buf) - 1; p++) {
		char c = *p;
		if (c == ' ')
			continue;
		buf[n++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
	}
	if (*p != '\0' || n == 0)
		return 0;
	buf[n] = '\0';
	for (char *tok = buf;;) {
		char *comma = strchr(tok, ',');
		size_t len = comma ? (size_t)(comma - tok) : strlen(tok);
		unsigned b = len ? parse_day_token(tok, len) : 0;

		if (b == 0)
			return 0;
		bits |= b;
		if (comma == NULL)
			break;
		tok = comma + 1;
	}
	return bits;
}

static int days_in_month(int y, int m)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30,
				      31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : mdays[m - 1];
}

/* 0 ok, -1 not in YYYY-MM-DD form, -2 no such day. */
static int check_date(const char *s)
{
	int y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	y = atoi(s);
	m = parse_2digits(s + 5);
	d = parse_2digits(s + 8);
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return -2;
	return 0;
}

/* ---- time zones -------------------------------------------------------- */

static const char *zoneinfo_dir(void)
{
	const char *d = getenv("TZDIR");

	return d != NULL && d[0] == '/' ? d : "/usr/share/zoneinfo";
}

/* Only plain IANA names: no "..", no absolute paths, no odd characters. */
static int tz_name_safe(const char *name)
{
	size_t n = strlen(name);

	if (n == 0 || n > 64 || name[0] == '/' || name[n - 1] == '/')
		return 0;
	for (const char *p = name; *p != '\0'; p++) {
		char c = *p;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '/' || c == '_' ||
		      c == '-' || c == '+'))
			return 0;
		if (c == '/' && p[1] == '/')
			return 0;
	}
	return 1;
}

static int tz_file_ok(const char *name)
{
	char path[PATH_MAX], magic[4];
	struct stat st;
	int fd, ok;

	if (!tz_name_safe(name))
		return 0;
	snprintf(path, sizeof(path), "%s/%s", zoneinfo_dir(), name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	     read(fd, magic, 4) == 4 && memcmp(magic, "TZif", 4) == 0;
	close(fd);
	return ok;
}

/* Nearest entry of directory dir (relative to zoneinfo) to name, or "". */
static void tz_nearest_in(const char *dir, const char *name, char *out,
			  size_t cap)
{
	char path[PATH_MAX], fname[128], fent[128];
	int best_d = 3;
	DIR *d;
	struct dirent *e;

	out[0] = '\0';
	snprintf(path, sizeof(path), "%s/%s", zoneinfo_dir(), dir);
	d = opendir(path);
	if (d == NULL)
		return;
	text_fold(name, fname, sizeof(fname));
	while ((e = readdir(d)) != NULL) {
		int budget = text_typo_budget(text_codepoints(fname)), dist;

		size_t len = strlen(e->d_name);

		if (e->d_name[0] == '.' || len >= cap)
			continue;
		if (budget < 1)
			budget = 1;
		text_fold(e->d_name, fent, sizeof(fent));
		dist = text_distance(fname, fent, budget);
		if (dist <= budget && dist < best_d) {
			best_d = dist;
			memcpy(out, e->d_name, len + 1);
		}
	}
	closedir(d);
}

/* "Europe/Londn" → "Europe/London"; "" when nothing is close. */
static void tz_suggest(const char *name, char *out, size_t cap)
{
	char region[64], fixed_region[64], city[64];
	const char *slash = strchr(name, '/');

	out[0] = '\0';
	if (!tz_name_safe(name))
		return;
	if (slash == NULL) {
		tz_nearest_in("", name, city, sizeof(city));
		if (city[0] != '\0' && tz_file_ok(city))
			snprintf(out, cap, "%s", city);
		return;
	}
	snprintf(region, sizeof(region), "%.*s", (int)(slash - name), name);
	tz_nearest_in("", region, fixed_region, sizeof(fixed_region));
	if (fixed_region[0] == '\0')
		return;
	tz_nearest_in(fixed_region, slash + 1, city, sizeof(city));
	if (city[0] == '\0')
		return;
	snprintf(out, cap, "%s/%s", fixed_region, city);
	if (!tz_file_ok(out))
		out[0] = '\0';
}
/* ---- the group ---------------------------------------------------------- */

static void parse_hours_entry(struct loader *ld, const config_setting_t *g,
			      struct cat_hours *h)
{
	const config_setting_t *f[N_HOURS_KEYS];
	const char *v;

	check_group(ld, g, hours_keys, N_HOURS_KEYS, "this hours entry", f);
	h->line = line_of(g);
	h->open_min = h->close_min = -1;
	if (f[HOURS_DAYS] != NULL && (v = text_of(ld, f[HOURS_DAYS], "days"))) {
		h->days = parse_days(v);
		if (h->days == 0)
			ERR(ld, line_of(f[HOURS_DAYS]),
			    "days '%s' is not understood; write days like "
			    "\"mon-fri\", \"sat\", \"mon,wed,fri\" or "
			    "\"daily\"",
			    v);
	}
	if (f[HOURS_OPEN] != NULL && (v = text_of(ld, f[HOURS_OPEN], "open"))) {
		h->open_min = parse_time(v, 0);
		if (h->open_min < 0)
			ERR(ld, line_of(f[HOURS_OPEN]),
			    "open time '%s' is not a time of day; write it as "
			    "HH:MM, like \"09:00\"",
			    v);
	}
	if (f[HOURS_CLOSE] != NULL &&
	    (v = text_of(ld, f[HOURS_CLOSE], "close"))) {
		h->close_min = parse_time(v, 1);
		if (h->close_min < 0)
			ERR(ld, line_of(f[HOURS_CLOSE]),
			    "close time '%s' is not a time of day; write it as "
			    "HH:MM, like \"18:00\"",
			    v);
	}
	if (h->open_min >= 0 && h->close_min >= 0 &&
	    h->close_min <= h->open_min)
		ERR(ld, line_of(f[HOURS_CLOSE]),
		    "close time '%s' is not after open time '%s'",
		    str_of(f[HOURS_CLOSE]), str_of(f[HOURS_OPEN]));
}

static void check_overlaps(struct loader *ld)
{
	const struct catalog *cat = ld->cat;

	for (size_t j = 1; j < cat->n_hours; j++) {
		const struct cat_hours *b = &cat->hours[j];
		if (b->open_min < 0 || b->close_min <= b->open_min)
			continue;
		for (size_t i = 0; i < j; i++) {
			const struct cat_hours *a = &cat->hours[i];
			unsigned both = a->days & b->days;
			int day = 0;

			if (both == 0 || a->open_min < 0 ||
			    a->close_min <= a->open_min ||
			    a->open_min >= b->close_min ||
			    b->open_min >= a->close_min)
				continue;
			while (!(both & (1u << day)))
				day++;
			ERR(ld, b->line,
			    "these hours overlap the hours on line %d (both "
			    "include %s)",
			    a->line, day_names[day]);
			break;
		}
	}
}

struct dated {
	char d[11];
	int line;
};

static int dated_order(const void *pa, const void *pb)
{
	const struct dated *a = pa, *b = pb;
	int c = strcmp(a->d, b->d);

	return c != 0 ? c : a->line - b->line;
}

static void parse_closed(struct loader *ld, const config_setting_t *s)
{
	struct catalog *cat = ld->cat;
	int n = config_setting_length(s);
	struct dated *v = alloc_array(ld, (size_t)n, sizeof(*v));
	size_t k = 0;

	if (v == NULL)
		return;
	for (int i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(s, i);
		const char *d = text_of(ld, e, "closed date");

		if (d == NULL)
			continue;
		switch (check_date(d)) {
		case -1:
			ERR(ld, line_of(e),
			    "closed date '%s' is not a date; write it as "
			    "YYYY-MM-DD, like \"2026-12-25\"",
			    d);
			continue;
		case -2:
			ERR(ld, line_of(e), "closed date '%s' does not exist",
			    d);
			continue;
		}
		memcpy(v[k].d, d, 11);
		v[k++].line = line_of(e);
	}
	qsort(v, k, sizeof(*v), dated_order);
	cat->closed = alloc_array(ld, k, sizeof(*cat->closed));
	cat->closed_line = alloc_array(ld, k, sizeof(*cat->closed_line));
	for (size_t i = 0;
	     cat->closed != NULL && cat->closed_line != NULL && i < k; i++) {
		if (i > 0 && strcmp(v[i].d, v[i - 1].d) == 0) {
			WARN(ld, v[i].line, "closed date '%s' is listed twice",
			     v[i].d);
			continue;
		}
		cat->closed_line[cat->n_closed] = v[i].line;
		memcpy(cat->closed[cat->n_closed++], v[i].d, 11);
	}
	free(v);
}

static void parse_timezone(struct loader *ld, const config_setting_t *s)
{
	const char *v = nonempty(ld, s, "timezone");
	char near[128];

	if (v == NULL)
		return;
	if (tz_file_ok(v)) {
		char why[160];
		ld->cat->timezone = dup_str(ld, v);
		/* Read once here; every conversion uses this object. */
		ld->cat->zone = civil_zone_load(v, why, sizeof(why));
		if (ld->cat->zone == NULL)
			ERR(ld, line_of(s), "time zone '%s' cannot be used: %s",
			    v, why);
		return;
	}
	tz_suggest(v, near, sizeof(near));
	if (near[0] != '\0')
		ERR(ld, line_of(s),
		    "unknown time zone '%s' (did you mean '%s'?)", v, near);
	else
		ERR(ld, line_of(s),
		    "unknown time zone '%s'; use an IANA name like "
		    "\"Europe/London\"",
		    v);
}

/* ---- the country -------------------------------------------------------- */

/*
 * The country of time zone tz in tzdata's table file (zone.tab: one
 * country per zone; zone1970.tab: a list, the first is the zone's own):
 * 1 and iso filled when found.
 */
static int zone_tab_country(const char *file, const char *tz, char iso[3])
{
	char path[PATH_MAX], line[512];
	FILE *fp;
	int found = 0;

	snprintf(path, sizeof(path), "%s/%s", zoneinfo_dir(), file);
	fp = fopen(path, "r");
	if (fp == NULL)
		return 0;
	while (!found && fgets(line, sizeof(line), fp) != NULL) {
		char *codes = line, *zone, *end;

		if (line[0] == '#')
			continue;
		zone = strchr(line, '\t');
		if (zone == NULL || (zone = strchr(zone + 1, '\t')) == NULL)
			continue;
		zone++;
		end = zone + strcspn(zone, "\t\n");
		if ((size_t)(end - zone) != strlen(tz) ||
		    strncmp(zone, tz, (size_t)(end - zone)) != 0)
			continue;
		if (codes[0] >= 'A' && codes[0] <= 'Z' && codes[1] >= 'A' &&
		    codes[1] <= 'Z') {
			iso[0] = codes[0];
			iso[1] = codes[1];
			iso[2] = '\0';
			found = 1;
		}
	}
	fclose(fp);
	return found;
}

/*
 * What tz is another name of ("GB" → "Europe/London", "US/Eastern" →
 * "America/New_York"): tzdata.zi's "L TARGET LINK" lines, else the symbolic
 * link in the zoneinfo tree. 1 and out filled when it is a link.
 */
static int zone_link_target(const char *tz, char *out, size_t cap)
{
	char path[PATH_MAX], line[256], target[PATH_MAX];
	const char *dir = zoneinfo_dir();
	size_t dlen = strlen(dir);
	FILE *fp;
	ssize_t n;
	int found = 0;

	snprintf(path, sizeof(path), "%s/tzdata.zi", dir);
	fp = fopen(path, "r");
	while (fp != NULL && !found && fgets(line, sizeof(line), fp) != NULL) {
		char t[128], l[128];

		if (line[0] != 'L' ||
		    sscanf(line, "L %127s %127s", t, l) != 2 ||
		    strcmp(l, tz) != 0)
			continue;
		snprintf(out, cap, "%s", t);
		found = 1;
	}
	if (fp != NULL)
		fclose(fp);
	if (found)
		return 1;
	snprintf(path, sizeof(path), "%s/%s", dir, tz);
	if (realpath(path, target) == NULL || strncmp(target, dir, dlen) != 0 ||
	    target[dlen] != '/')
		return 0;
	n = (ssize_t)strlen(target + dlen + 1);
	if (n <= 0 || strcmp(target + dlen + 1, tz) == 0)
		return 0;
	snprintf(out, cap, "%s", target + dlen + 1);
	return 1;
}

static int zone_country(const char *tz, char iso[3])
{
	char link[128];

	if (zone_tab_country("zone.tab", tz, iso) ||
	    zone_tab_country("zone1970.tab", tz, iso))
		return 1;
	if (!zone_link_target(tz, link, sizeof(link)))
		return 0;
	return zone_tab_country("zone.tab", link, iso) ||
	       zone_tab_country("zone1970.tab", link, iso);
}

static void set_country(struct catalog *cat, const struct phone_country *pc)
{
	memcpy(cat->country, pc->iso, 3);
	cat->calling_code = pc->cc;
}

static void parse_country(struct loader *ld, const config_setting_t *s)
{
	const char *v = nonempty(ld, s, "country");
	const struct phone_country *pc;

	if (v == NULL)
		return;
	ld->cat->country_line = line_of(s);
	pc = strlen(v) == 2 ? phone_country(v) : NULL;
	if (pc != NULL) {
		set_country(ld->cat, pc);
		return;
	}
	if (strcmp(v, "UK") == 0 || strcmp(v, "uk") == 0)
		ERR(ld, line_of(s),
		    "country 'UK' is not the ISO 3166 code of the United "
		    "Kingdom; write \"GB\"");
	else
		ERR(ld, line_of(s),
		    "country '%s' is not an ISO 3166 country code; write the "
		    "two letters, like \"GB\", \"ES\" or \"US\"",
		    v);
}

void business_country_default(struct loader *ld, const config_setting_t *tz)
{
	struct catalog *cat = ld->cat;
	const struct phone_country *pc;
	char iso[3];

	if (cat->timezone == NULL)
		return;
	cat->country_line = line_of(tz);
	if (!zone_country(cat->timezone, iso) ||
	    (pc = phone_country(iso)) == NULL)
		return;
	set_country(cat, pc);
	cat->country_derived = 1;
}

/* ---- languages ----------------------------------------------------------- */

/* A language smsdesk can answer in: one with a pack in the registry
 * (lang.h, src/lang/registry.def). */
static int language_supported(const char *code)
{
	return lang_pack_for(code) != NULL;
}

static void parse_languages(struct loader *ld, const config_setting_t *s)
{
	struct catalog *cat = ld->cat;
	int n = s != NULL ? config_setting_length(s) : 0;

	cat->languages = alloc_array(ld, n > 0 ? (size_t)n : 1, 3);
	if (cat->languages == NULL)
		return;
	if (s == NULL) {
		memcpy(cat->languages[0], "en", 3);
		cat->n_languages = 1;
		return;
	}
	if (n == 0)
		ERR(ld, line_of(s),
		    "languages is empty; list the languages you answer in, "
		    "the first the default, like languages = %s;",
		    business_keys[BUS_LANGUAGES].example);
	for (int i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(s, i);
		const char *v = text_of(ld, e, "language");
		char code[3];
		size_t k;

		if (v == NULL)
			continue;
		/* "EN" is "en": ISO 639-1 codes are written in lower case. */
		snprintf(code, sizeof(code), "%.2s", v);
		code[0] = (char)(code[0] >= 'A' && code[0] <= 'Z' ? code[0] + 32
								  : code[0]);
		code[1] = (char)(code[1] >= 'A' && code[1] <= 'Z' ? code[1] + 32
								  : code[1]);
		if (strlen(v) != 2 || !language_supported(code)) {
			char list[128] = "";
			const struct lang_pack *const *packs;
			size_t np = lang_packs(&packs);
			for (size_t j = 0; j < np; j++) {
				size_t len = strlen(list);
				snprintf(list + len, sizeof(list) - len, "%s%s",
					 j ? ", " : "", packs[j]->code);
			}
			ERR(ld, line_of(e),
			    "language '%s' is not one smsdesk can answer in; "
			    "use ISO 639-1 codes from: %s",
			    v, list);
			continue;
		}
		for (k = 0; k < cat->n_languages; k++)
			if (strcmp(cat->languages[k], code) == 0)
				break;
		if (k < cat->n_languages) {
			WARN(ld, line_of(e), "language '%s' is listed twice",
			     code);
			continue;
		}
		memcpy(cat->languages[cat->n_languages++], code, 3);
	}
}

/* ---- where to call or come ---------------------------------------------- */

/* An address longer than this cannot sit in a two-part reply beside the
 * words around it. */
#define ADDRESS_MAX 100

/*
 * The phone a customer calls and the address they come to, for what a text
 * cannot do ("can I pay by card?", "where are you?"). Written after the
 * country, so "0961 234 567" reads as a national number.
 */
static void parse_contact(struct loader *ld, const config_setting_t *f[])
{
	struct catalog *cat = ld->cat;
	const char *v;

	if (f[BUS_PHONE] != NULL)
		cat->business_phone = parse_phone_number(ld, f[BUS_PHONE]);
	if (f[BUS_ADDRESS] == NULL ||
	    (v = nonempty(ld, f[BUS_ADDRESS], "address")) == NULL)
		return;
	if (text_codepoints(v) > ADDRESS_MAX) {
		ERR(ld, line_of(f[BUS_ADDRESS]),
		    "address is %zu characters, over %d: write what a customer "
		    "needs to find us, like %s",
		    text_codepoints(v), ADDRESS_MAX,
		    business_keys[BUS_ADDRESS].example);
		return;
	}
	cat->business_address = dup_str(ld, v);
	ld->business_address = f[BUS_ADDRESS];
}

/* A crisis line is named and numbered in one short phrase, beside the
 * emergency number in a one-part reply. */
#define CRISIS_LINE_MAX 40

/*
 * Who a customer in crisis is told to call, where the country's own numbers
 * (phone_crisis) are not the ones to give or the country has none in the
 * table. The emergency number is digits only: it is dialled, not read.
 */
static void parse_crisis(struct loader *ld, const config_setting_t *f[])
{
	struct catalog *cat = ld->cat;
	const char *v;

	if (f[BUS_EMERGENCY] != NULL &&
	    (v = nonempty(ld, f[BUS_EMERGENCY], "emergency")) != NULL) {
		size_t n = strspn(v, "0123456789");
		if (n == 0 || n > 6 || v[n] != '\0')
			ERR(ld, line_of(f[BUS_EMERGENCY]),
			    "emergency is '%s': write the number dialled in an "
			    "emergency, digits only, like emergency = %s;",
			    v, business_keys[BUS_EMERGENCY].example);
		else
			cat->emergency = dup_str(ld, v);
	}
	if (f[BUS_CRISIS_LINE] == NULL ||
	    (v = nonempty(ld, f[BUS_CRISIS_LINE], "crisis_line")) == NULL)
		return;
	if (text_codepoints(v) > CRISIS_LINE_MAX ||
	    strpbrk(v, "0123456789") == NULL) {
		ERR(ld, line_of(f[BUS_CRISIS_LINE]),
		    "crisis_line is '%s': write the line's name and number "
		    "in at most %d characters, like crisis_line = %s;",
		    v, CRISIS_LINE_MAX, business_keys[BUS_CRISIS_LINE].example);
		return;
	}
	cat->crisis_line = dup_str(ld, v);
}

/* ---- the group ----------------------------------------------------------- */

void parse_business(struct loader *ld, const config_setting_t *g)
{
	struct catalog *cat = ld->cat;
	const config_setting_t *f[N_BUSINESS_KEYS];
	const char *v;

	check_group(ld, g, business_keys, N_BUSINESS_KEYS, "business", f);
	if ((v = nonempty(ld, f[BUS_NAME], "name")) != NULL) {
		cat->business_name = dup_str(ld, v);
		ld->business_name = f[BUS_NAME];
	}
	if (f[BUS_TIMEZONE] != NULL)
		parse_timezone(ld, f[BUS_TIMEZONE]);
	if (f[BUS_COUNTRY] != NULL)
		parse_country(ld, f[BUS_COUNTRY]);
	else if (config_setting_get_member(g, "country") == NULL)
		business_country_default(ld, f[BUS_TIMEZONE]);
	parse_languages(ld, f[BUS_LANGUAGES]);
	if (f[BUS_HOURS] != NULL) {
		size_t n = (size_t)config_setting_length(f[BUS_HOURS]);

		if (n == 0)
			ERR(ld, line_of(f[BUS_HOURS]),
			    "hours is empty; list when you are open, like "
			    "hours = %s;",
			    business_keys[BUS_HOURS].example);
		cat->hours = alloc_array(ld, n, sizeof(*cat->hours));
		for (size_t i = 0; cat->hours != NULL && i < n; i++)
			parse_hours_entry(
			    ld, config_setting_get_elem(f[BUS_HOURS], (int)i),
			    &cat->hours[cat->n_hours++]);
		check_overlaps(ld);
	}
	if (f[BUS_CLOSED] != NULL)
		parse_closed(ld, f[BUS_CLOSED]);
	parse_contact(ld, f);
	parse_crisis(ld, f);
	if (f[BUS_CAPACITY] != NULL) {
		int places = int_of(f[BUS_CAPACITY]);
		if (places < 1)
			ERR(ld, line_of(f[BUS_CAPACITY]),
			    "capacity must be more than 0, not %d", places);
		else
			cat->capacity = places;
	}
}
