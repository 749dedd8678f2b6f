/* civil: calendar arithmetic, TZif zones, POSIX TZ rules. */
#include "smsdesk/civil.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DAY_SEC 86400

/* ---- calendar ------------------------------------------------------------ */

/*
 * Days from 1970-01-01 and back, after Howard Hinnant's "chrono-compatible
 * low-level date algorithms" (eras of 400 years, March-based years).
 */
int64_t civil_days(int year, int month, int mday)
{
	int64_t y = (int64_t)year - (month <= 2);
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + mday - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void civil_from_days(int64_t days, int *year, int *month, int *mday)
{
	int64_t z = days + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int m = (int)(mp < 10 ? mp + 3 : mp - 9);

	*mday = (int)(doy - (153 * mp + 2) / 5 + 1);
	*month = m;
	*year = (int)(yoe + era * 400 + (m <= 2));
}

int civil_weekday(int64_t days)
{
	/* 1970-01-01 was a Thursday: 3 counting from Monday. */
	return (int)(((days % 7) + 7 + 3) % 7);
}

int civil_is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int civil_month_days(int year, int month)
{
	static const unsigned char n[12] = {31, 28, 31, 30, 31, 30,
					    31, 31, 30, 31, 30, 31};
	if (month < 1 || month > 12)
		return 0;
	return n[month - 1] + (month == 2 && civil_is_leap(year));
}

int civil_valid(int year, int month, int mday)
{
	return mday >= 1 && mday <= civil_month_days(year, month);
}

int64_t civil_easter(int year)
{
	/* The anonymous Gregorian computus (Nature, 1876; Meeus, Astronomical
	 * Algorithms, ch. 8). */
	int a = year % 19, b = year / 100, c = year % 100;
	int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int month = (h + l - 7 * m + 114) / 31;
	int mday = (h + l - 7 * m + 114) % 31 + 1;
	return civil_days(year, month, mday);
}

int64_t civil_nth_weekday(int year, int month, int n, int wday)
{
	int len = civil_month_days(year, month);

	if (len == 0 || n == 0 || n < -1 || n > 5 || wday < 0 || wday > 6)
		return INT64_MIN;
	if (n == -1) {
		int64_t last = civil_days(year, month, len);
		return last - (civil_weekday(last) - wday + 7) % 7;
	}
	int64_t first = civil_days(year, month, 1);
	int mday = 1 + (wday - civil_weekday(first) + 7) % 7 + (n - 1) * 7;
	if (mday > len)
		return INT64_MIN;
	return first + mday - 1;
}

/* ---- zones: data ----------------------------------------------------------
 */

#define ABBR_CAP 16

/* One way a rule names a day of the year (POSIX TZ, RFC 8536 3.3.1). */
struct rule_day {
	char kind;    /* 'J' 1..365 without Feb 29, 'N' 0..365, 'M' m.w.d */
	int a, b, c;  /* J/N: a; M: month a, week b (5 = last), weekday c */
	int32_t secs; /* local time of the change, -167h..167h */
};

struct posix_rule {
	int std_off, dst_off; /* seconds east */
	int has_dst;
	struct rule_day start, end;
	char std_abbr[ABBR_CAP], dst_abbr[ABBR_CAP];
};

struct ztype {
	int32_t utoff;
	uint8_t isdst;
	uint8_t abbr; /* index into abbrs */
};

struct civil_zone {
	char name[64];
	size_t n_trans, n_types, n_abbr;
	int64_t *trans;
	uint8_t *trans_type;
	struct ztype *types;
	char *abbrs;
	int has_rule;
	struct posix_rule rule;
};

static void errf(char *err, size_t cap, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void errf(char *err, size_t cap, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL || cap == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, cap, fmt, ap);
	va_end(ap);
}

/* ---- zones: POSIX TZ strings --------------------------------------------- */

/* "GMT" or "<+1030>"; returns the byte after it, or NULL. */
static const char *tz_name(const char *p, char *out)
{
	size_t n = 0;

	if (*p == '<') {
		p++;
		while (*p != '\0' && *p != '>') {
			if (n + 1 < ABBR_CAP)
				out[n++] = *p;
			p++;
		}
		if (*p != '>' || n < 1)
			return NULL;
		out[n] = '\0';
		return p + 1;
	}
	while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')) {
		if (n + 1 < ABBR_CAP)
			out[n++] = *p;
		p++;
	}
	if (n < 3)
		return NULL;
	out[n] = '\0';
	return p;
}

/* [+-]hh[:mm[:ss]] with hh <= MAXH; seconds into *out. */
static const char *tz_hms(const char *p, int maxh, int32_t *out)
{
	int sign = 1, part[3] = {0, 0, 0};

	if (*p == '+' || *p == '-')
		sign = *p++ == '-' ? -1 : 1;
	for (int k = 0; k < 3; k++) {
		if (k > 0) {
			if (*p != ':')
				break;
			p++;
		}
		if (*p < '0' || *p > '9')
			return NULL;
		int v = 0, digits = 0;
		while (*p >= '0' && *p <= '9' && digits < 3) {
			v = v * 10 + (*p++ - '0');
			digits++;
		}
		part[k] = v;
	}
	if (part[0] > maxh || part[1] > 59 || part[2] > 59)
		return NULL;
	*out = sign * (part[0] * 3600 + part[1] * 60 + part[2]);
	return p;
}

static const char *tz_num(const char *p, int lo, int hi, int *out)
{
	int v = 0, digits = 0;

	while (*p >= '0' && *p <= '9' && digits < 4) {
		v = v * 10 + (*p++ - '0');
		digits++;
	}
	if (digits == 0 || v < lo || v > hi)
		return NULL;
	*out = v;
	return p;
}

static const char *tz_rule_day(const char *p, struct rule_day *d)
{
	d->secs = 2 * 3600;
	if (*p == 'J') {
		d->kind = 'J';
		p = tz_num(p + 1, 1, 365, &d->a);
	} else if (*p == 'M') {
		d->kind = 'M';
		p = tz_num(p + 1, 1, 12, &d->a);
		if (p == NULL || *p++ != '.')
			return NULL;
		p = tz_num(p, 1, 5, &d->b);
		if (p == NULL || *p++ != '.')
			return NULL;
		p = tz_num(p, 0, 6, &d->c);
	} else {
		d->kind = 'N';
		p = tz_num(p, 0, 365, &d->a);
	}
	if (p != NULL && *p == '/')
		p = tz_hms(p + 1, 167, &d->secs);
	return p;
}

static int tz_posix(const char *p, struct posix_rule *r)
{
	int32_t off;

	memset(r, 0, sizeof(*r));
	p = tz_name(p, r->std_abbr);
	if (p == NULL || (p = tz_hms(p, 24, &off)) == NULL)
		return -1;
	r->std_off = -off; /* POSIX counts west */
	if (*p == '\0')
		return 0;
	p = tz_name(p, r->dst_abbr);
	if (p == NULL)
		return -1;
	r->has_dst = 1;
	r->dst_off = r->std_off + 3600;
	if (*p != ',' && *p != '\0') {
		if ((p = tz_hms(p, 24, &off)) == NULL)
			return -1;
		r->dst_off = -off;
	}
	if (*p == '\0') {
		/* No rule: POSIX leaves it to the implementation; the tz
		 * code's default is the United States' since 2007. */
		p = ",M3.2.0,M11.1.0";
	}
	if (*p++ != ',' || (p = tz_rule_day(p, &r->start)) == NULL ||
	    *p++ != ',' || (p = tz_rule_day(p, &r->end)) == NULL)
		return -1;
	return *p == '\0' ? 0 : -1;
}

/* Local seconds (as if UTC) of a rule's change in YEAR. */
static int64_t rule_local(const struct rule_day *d, int year)
{
	int64_t day;

	switch (d->kind) {
	case 'J':
		day = civil_days(year, 1, 1) + d->a - 1 +
		      (civil_is_leap(year) && d->a >= 60);
		break;
	case 'N':
		day = civil_days(year, 1, 1) + d->a;
		break;
	default: {
		/* Week b of month a: the first weekday c (0 Sunday) of the
		 * month, plus b-1 weeks; week 5 is the last. */
		int wday = (d->c + 6) % 7; /* to Monday = 0 */
		day = civil_nth_weekday(year, d->a, d->b, wday);
		if (day == INT64_MIN)
			day = civil_nth_weekday(year, d->a, -1, wday);
		break;
	}
	}
	return day * DAY_SEC + d->secs;
}

static int rule_isdst(const struct posix_rule *r, int64_t t)
{
	int y, m, d;

	if (!r->has_dst)
		return 0;
	int64_t local = t + r->std_off;
	int64_t days = local / DAY_SEC - (local % DAY_SEC < 0);
	civil_from_days(days, &y, &m, &d);
	int64_t start = rule_local(&r->start, y) - r->std_off;
	int64_t end = rule_local(&r->end, y) - r->dst_off;
	if (start < end)
		return t >= start && t < end;
	/* Southern hemisphere: summer spans the new year. */
	return !(t >= end && t < start);
}

/* ---- zones: TZif ----------------------------------------------------------
 */

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static int64_t be64(const unsigned char *p)
{
	return (int64_t)((uint64_t)be32(p) << 32 | be32(p + 4));
}

struct tzif_head {
	char version;
	uint32_t isut, isstd, leap, time, type, chars;
};

static int tzif_head(const unsigned char *p, size_t len, struct tzif_head *h)
{
	if (len < 44 || memcmp(p, "TZif", 4) != 0)
		return -1;
	h->version = (char)p[4];
	h->isut = be32(p + 20);
	h->isstd = be32(p + 24);
	h->leap = be32(p + 28);
	h->time = be32(p + 32);
	h->type = be32(p + 36);
	h->chars = be32(p + 40);
	if (h->time > 100000 || h->type > 255 || h->chars > 4096 ||
	    h->leap > 10000 || h->isut > 255 || h->isstd > 255)
		return -1;
	return 0;
}

static size_t tzif_block(const struct tzif_head *h, size_t tsize)
{
	return h->time * tsize + h->time + h->type * 6 + h->chars +
	       h->leap * (tsize + 4) + h->isstd + h->isut;
}

struct civil_zone *civil_zone_from_tzif(const char *name,
					const unsigned char *data, size_t len,
					char *err, size_t cap)
{
	struct tzif_head h;
	size_t tsize = 4;
	const unsigned char *p = data;
	const char *footer = NULL;
	char foot[128];

	if (tzif_head(p, len, &h) != 0) {
		errf(err, cap, "not a TZif file");
		return NULL;
	}
	if (h.version != '\0') {
		/* Version 2+: skip the 32-bit block, read the 64-bit one. */
		size_t skip = 44 + tzif_block(&h, 4);
		if (skip > len || tzif_head(p + skip, len - skip, &h) != 0) {
			errf(err, cap, "TZif file cut short");
			return NULL;
		}
		p += skip;
		len -= skip;
		tsize = 8;
	}
	size_t block = tzif_block(&h, tsize);
	if (44 + block > len) {
		errf(err, cap, "TZif file cut short");
		return NULL;
	}
	if (h.leap > 0) {
		errf(err, cap, "leap-second zones are not supported");
		return NULL;
	}
	if (h.type == 0 || h.chars == 0) {
		errf(err, cap, "TZif file without local time types");
		return NULL;
	}
	if (tsize == 8) {
		/* Footer: "\n" TZ string "\n" after the block. */
		const unsigned char *f = p + 44 + block, *end = p + len;
		if (f < end && *f == '\n') {
			const unsigned char *nl =
			    memchr(f + 1, '\n', (size_t)(end - f - 1));
			size_t n = nl != NULL ? (size_t)(nl - f - 1) : 0;
			if (nl == NULL || n >= sizeof(foot)) {
				errf(err, cap, "TZif footer malformed");
				return NULL;
			}
			memcpy(foot, f + 1, n);
			foot[n] = '\0';
			footer = foot;
		}
	}

	size_t bytes = sizeof(struct civil_zone) + h.time * sizeof(int64_t) +
		       h.time + h.type * sizeof(struct ztype) + h.chars + 1;
	struct civil_zone *z = calloc(1, bytes);
	if (z == NULL) {
		errf(err, cap, "out of memory");
		return NULL;
	}
	snprintf(z->name, sizeof(z->name), "%s", name != NULL ? name : "");
	z->n_trans = h.time;
	z->n_types = h.type;
	z->n_abbr = h.chars;
	z->trans = (int64_t *)(z + 1);
	z->types = (struct ztype *)(z->trans + h.time);
	z->trans_type = (uint8_t *)(z->types + h.type);
	z->abbrs = (char *)(z->trans_type + h.time);

	const unsigned char *q = p + 44;
	for (size_t i = 0; i < h.time; i++, q += tsize) {
		z->trans[i] = tsize == 8 ? be64(q) : (int32_t)be32(q);
		if (i > 0 && z->trans[i] <= z->trans[i - 1])
			goto bad;
	}
	for (size_t i = 0; i < h.time; i++, q++) {
		if (*q >= h.type)
			goto bad;
		z->trans_type[i] = *q;
	}
	for (size_t i = 0; i < h.type; i++, q += 6) {
		int32_t off = (int32_t)be32(q);
		if (off < -89999 || off > 93599 || q[4] > 1 || q[5] >= h.chars)
			goto bad;
		z->types[i].utoff = off;
		z->types[i].isdst = q[4];
		z->types[i].abbr = q[5];
	}
	memcpy(z->abbrs, q, h.chars);
	z->abbrs[h.chars] = '\0';
	if (footer != NULL && footer[0] != '\0') {
		if (tz_posix(footer, &z->rule) != 0) {
			free(z);
			errf(err, cap, "TZif footer \"%s\" not understood",
			     footer);
			return NULL;
		}
		z->has_rule = 1;
	}
	return z;
bad:
	free(z);
	errf(err, cap, "TZif data out of range");
	return NULL;
}

struct civil_zone *civil_zone_from_posix(const char *spec, char *err,
					 size_t cap)
{
	struct civil_zone *z = calloc(1, sizeof(*z));

	if (z == NULL) {
		errf(err, cap, "out of memory");
		return NULL;
	}
	if (spec == NULL || tz_posix(spec, &z->rule) != 0) {
		free(z);
		errf(err, cap, "\"%s\" is not a POSIX TZ string",
		     spec != NULL ? spec : "");
		return NULL;
	}
	snprintf(z->name, sizeof(z->name), "%s", spec);
	z->has_rule = 1;
	return z;
}

/* An IANA name: letters, digits, "_+-", separated by single '/', no dots
 * at the start of a part, so it stays inside the zone directory. */
static int zone_name_safe(const char *name)
{
	size_t n = strlen(name);

	if (n == 0 || n > 60 || name[0] == '/' || name[n - 1] == '/')
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = name[i];
		if (c == '/' && name[i + 1] == '/')
			return 0;
		if (c == '.' && (i == 0 || name[i - 1] == '/'))
			return 0;
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		      (c >= '0' && c <= '9') || c == '_' || c == '+' ||
		      c == '-' || c == '/' || c == '.'))
			return 0;
	}
	return 1;
}

struct civil_zone *civil_zone_load(const char *name, char *err, size_t cap)
{
	char path[512];
	const char *dir = getenv("TZDIR");
	enum { CAP = 1 << 16 };

	if (name == NULL || !zone_name_safe(name)) {
		errf(err, cap, "\"%s\" is not a time zone name",
		     name != NULL ? name : "");
		return NULL;
	}
	if (dir == NULL || dir[0] == '\0')
		dir = "/usr/share/zoneinfo";
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		errf(err, cap, "no time zone \"%s\" in %s", name, dir);
		return NULL;
	}
	unsigned char *buf = malloc(CAP);
	if (buf == NULL) {
		fclose(f);
		errf(err, cap, "out of memory");
		return NULL;
	}
	size_t n = fread(buf, 1, CAP, f);
	int big = n == CAP && fgetc(f) != EOF;
	fclose(f);
	if (big) {
		free(buf);
		errf(err, cap, "%s: too big for a TZif file", path);
		return NULL;
	}
	struct civil_zone *z = civil_zone_from_tzif(name, buf, n, err, cap);
	free(buf);
	if (z == NULL && err != NULL && cap > 0) {
		char why[128];
		snprintf(why, sizeof(why), "%s", err);
		errf(err, cap, "%s: %s", path, why);
	}
	return z;
}

void civil_zone_free(struct civil_zone *z)
{
	free(z);
}

static const struct civil_zone utc_zone = {
    .name = "UTC",
    .has_rule = 1,
    .rule = {.std_abbr = "UTC"},
};

const struct civil_zone *civil_zone_utc(void)
{
	return &utc_zone;
}

const char *civil_zone_name(const struct civil_zone *z)
{
	return z->name;
}

/* ---- zones: conversions ---------------------------------------------------
 */

struct zinfo {
	int utoff, isdst;
	const char *abbr;
};

static void zone_info(const struct civil_zone *z, int64_t t, struct zinfo *o)
{
	const struct ztype *ty;

	if (z->n_trans == 0 || t >= z->trans[z->n_trans - 1]) {
		if (z->has_rule) {
			const struct posix_rule *r = &z->rule;
			o->isdst = rule_isdst(r, t);
			o->utoff = o->isdst ? r->dst_off : r->std_off;
			o->abbr = o->isdst ? r->dst_abbr : r->std_abbr;
			return;
		}
		ty = z->n_trans == 0 ? &z->types[0]
				     : &z->types[z->trans_type[z->n_trans - 1]];
	} else if (t < z->trans[0]) {
		ty = &z->types[0]; /* RFC 8536 3.2: type 0 before the table */
	} else {
		/* The last transition at or before t. */
		size_t lo = 0, hi = z->n_trans - 1;
		while (hi - lo > 1) {
			size_t mid = lo + (hi - lo) / 2;
			if (z->trans[mid] <= t)
				lo = mid;
			else
				hi = mid;
		}
		ty = &z->types[z->trans_type[lo]];
	}
	o->utoff = ty->utoff;
	o->isdst = ty->isdst;
	o->abbr = z->abbrs + ty->abbr;
}

int civil_zone_offset(const struct civil_zone *z, int64_t t)
{
	struct zinfo i;

	zone_info(z, t, &i);
	return i.utoff;
}

void civil_zone_local(const struct civil_zone *z, int64_t t,
		      struct civil_time *out)
{
	struct zinfo i;

	zone_info(z, t, &i);
	int64_t local = t + i.utoff;
	int64_t days = local / DAY_SEC, secs = local % DAY_SEC;
	if (secs < 0) {
		secs += DAY_SEC;
		days--;
	}
	civil_from_days(days, &out->year, &out->month, &out->mday);
	out->days = days;
	out->wday = civil_weekday(days);
	out->hour = (int)(secs / 3600);
	out->minute = (int)(secs / 60 % 60);
	out->second = (int)(secs % 60);
	out->utoff = i.utoff;
	out->isdst = i.isdst;
	out->abbr = i.abbr;
}

/*
 * The offsets in effect at some instant of [FROM, TO]: the one at FROM, each
 * transition's inside, and the rule's two past the table. At most CAP.
 */
static int offsets_near(const struct civil_zone *z, int64_t from, int64_t to,
			int *out, int cap)
{
	int n = 0;

#define ADD_OFF(o)                                                             \
	do {                                                                   \
		int o_ = (o), k_ = 0;                                          \
		while (k_ < n && out[k_] != o_)                                \
			k_++;                                                  \
		if (k_ == n && n < cap)                                        \
			out[n++] = o_;                                         \
	} while (0)

	ADD_OFF(civil_zone_offset(z, from));
	if (z->n_trans > 0) {
		size_t lo = 0, hi = z->n_trans;
		while (lo < hi) { /* first transition after from */
			size_t mid = lo + (hi - lo) / 2;
			if (z->trans[mid] <= from)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (size_t i = lo; i < z->n_trans && z->trans[i] <= to; i++)
			ADD_OFF(z->types[z->trans_type[i]].utoff);
	}
	if (z->has_rule &&
	    (z->n_trans == 0 || to >= z->trans[z->n_trans - 1])) {
		ADD_OFF(z->rule.std_off);
		if (z->rule.has_dst)
			ADD_OFF(z->rule.dst_off);
	}
#undef ADD_OFF
	return n;
}

int64_t civil_zone_epoch(const struct civil_zone *z, int64_t days,
			 int64_t second)
{
	/* Offsets are within 26 hours of UTC, so the instant is within 26
	 * hours of the local time read as UTC. */
	const int64_t span = 27 * 3600;
	int64_t base = days * DAY_SEC + second, best = INT64_MAX;
	int offs[16];
	int n = offsets_near(z, base - span, base + span, offs, 16);

	for (int k = 0; k < n; k++) {
		int64_t c = base - offs[k];
		if (civil_zone_offset(z, c) == offs[k] && c < best)
			best = c; /* falls back: the first one */
	}
	if (best != INT64_MAX)
		return best;
	/* In a gap: the moment the clocks jumped over it, the first instant
	 * whose local time is past BASE. */
	int64_t lo = base - span, hi = base + span;
	while (hi - lo > 1) {
		int64_t mid = lo + (hi - lo) / 2;
		if (mid + civil_zone_offset(z, mid) > base)
			hi = mid;
		else
			lo = mid;
	}
	return hi;
}
