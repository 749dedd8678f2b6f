/*
 * The time reader against tests/data/when_corpus.txt: several hundred date
 * and time phrases from other date parsers' test suites, the issues and SMS
 * usage, each with the reading expected relative to a fixed now (the file's
 * header says how a row is written). Every field of the reading is checked:
 * what a row does not name must be absent, so a day the text did not name
 * fails the row.
 */
#include "harness.h"

#include "smsdesk/catalog.h"
#include "smsdesk/when.h"
#include "smsdesk/when_vocab.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Harbour Street Barbers' hours: Mon-Fri 9-18, Sat 9-13. */
static struct cat_hours hours[] = {
    {CAT_MON | CAT_TUE | CAT_WED | CAT_THU | CAT_FRI, 540, 1080, 1},
    {CAT_SAT, 540, 780, 2},
};
static char closed[][11] = {"2026-12-25", "2026-12-26"};
static struct catalog cat = {
    .timezone = "Europe/London",
    .hours = hours,
    .n_hours = 2,
    .closed = closed,
    .n_closed = 2,
};

struct want {
	int has_day;
	struct when_day day;
	int has_range;
	struct when_day first, last;
	enum when_time_kind time;
	int from, to;
	int alt[2];
	enum when_problem problem;
	int unsure;
	const struct when_vocab *lang; /* read first, then English */
};

static char *trim(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	return s;
}

static int parse_day(const char *s, struct when_day *d)
{
	int y, m, md;
	if (sscanf(s, "%d-%d-%d", &y, &m, &md) != 3)
		return -1;
	return when_day_make(y, m, md, d);
}

static int parse_hhmm(const char *s)
{
	int h, m;
	if (sscanf(s, "%d:%d", &h, &m) != 2)
		return -1;
	return h * 60 + m;
}

static int parse_want(char *spec, struct want *w, char *err, size_t cap)
{
	memset(w, 0, sizeof(*w));
	w->from = w->to = -1;
	w->alt[0] = w->alt[1] = -1;
	char *f;
	for (f = strtok(spec, " "); f != NULL; f = strtok(NULL, " ")) {
		char *v = strchr(f, '=');
		if (v != NULL)
			*v++ = '\0';
		if (strcmp(f, "none") == 0) {
			continue;
		} else if (strcmp(f, "day") == 0 && v != NULL) {
			w->has_day = 1;
			if (parse_day(v, &w->day) != 0)
				goto bad;
		} else if (strcmp(f, "range") == 0 && v != NULL) {
			char *dots = strstr(v, "..");
			if (dots == NULL)
				goto bad;
			*dots = '\0';
			w->has_range = 1;
			if (parse_day(v, &w->first) != 0 ||
			    parse_day(dots + 2, &w->last) != 0)
				goto bad;
		} else if (strcmp(f, "at") == 0 && v != NULL) {
			w->time = WHEN_TIME_AT;
			w->from = w->to = parse_hhmm(v);
		} else if (strcmp(f, "window") == 0 && v != NULL) {
			char *dash = strchr(v, '-');
			if (dash == NULL)
				goto bad;
			*dash = '\0';
			w->time = WHEN_TIME_WINDOW;
			w->from = parse_hhmm(v);
			w->to = parse_hhmm(dash + 1);
		} else if (strcmp(f, "amb") == 0 && v != NULL) {
			char *slash = strchr(v, '/');
			if (slash == NULL)
				goto bad;
			*slash = '\0';
			w->time = WHEN_TIME_AT;
			w->alt[0] = parse_hhmm(v);
			w->alt[1] = parse_hhmm(slash + 1);
			w->problem = WHEN_AMBIGUOUS_TIME;
		} else if (strcmp(f, "asap") == 0) {
			w->time = WHEN_TIME_ASAP;
		} else if (strcmp(f, "unsure") == 0) {
			w->unsure = 1;
		} else if (strcmp(f, "lang") == 0 && v != NULL &&
			   when_vocab_find(v) != NULL) {
			w->lang = when_vocab_find(v);
		} else if (strcmp(f, "problem") == 0 && v != NULL) {
			if (strcmp(v, "past") == 0)
				w->problem = WHEN_PAST;
			else if (strcmp(v, "ambiguous-date") == 0)
				w->problem = WHEN_AMBIGUOUS_DATE;
			else if (strcmp(v, "ambiguous-time") == 0)
				w->problem = WHEN_AMBIGUOUS_TIME;
			else if (strcmp(v, "bad-date") == 0)
				w->problem = WHEN_BAD_DATE;
			else
				goto bad;
		} else {
			goto bad;
		}
	}
	return 0;
bad:
	snprintf(err, cap, "cannot read \"%s\"", f);
	return -1;
}

static int day_eq(const struct when_day *a, const struct when_day *b)
{
	return a->year == b->year && a->month == b->month && a->mday == b->mday;
}

/* Per-source tallies for the summary line. */
struct tally {
	char name[32];
	int rows;
};

int main(void)
{
	const char *src = getenv("SMSDESK_SRC");
	char path[1024], line[1024];
	struct tally tallies[32];
	size_t n_tallies = 0;
	int rows = 0, lineno = 0;
	const struct when_vocab *en[] = {&when_vocab_en};

	snprintf(path, sizeof(path), "%s/tests/data/when_corpus.txt",
		 src != NULL ? src : ".");
	FILE *f = fopen(path, "r");
	TEST_BEGIN("corpus file %s opens", path);
	CHECK(f != NULL);
	TEST_END();
	if (f == NULL)
		return h_done();
	while (fgets(line, sizeof(line), f) != NULL) {
		lineno++;
		char *s = trim(line);
		if (*s == '\0' || *s == '#')
			continue;
		char *cols[4];
		int nc = 0;
		for (char *p = s; nc < 4;) {
			cols[nc++] = p;
			char *bar = strchr(p, '|');
			if (bar == NULL)
				break;
			*bar = '\0';
			p = bar + 1;
		}
		TEST_BEGIN("%d: %s", lineno, nc >= 2 ? trim(cols[1]) : s);
		if (nc != 4) {
			CHECK(!"a row has four columns");
			TEST_END();
			continue;
		}
		char *now_s = trim(cols[0]), *text = trim(cols[1]);
		char *spec = trim(cols[2]), *source = trim(cols[3]);
		char err[128], shown[256];
		struct want w;
		struct when_local now;
		int y, mo, d, hh, mi;
		snprintf(shown, sizeof(shown), "%s", spec);
		if (sscanf(now_s, "%d-%d-%dT%d:%d", &y, &mo, &d, &hh, &mi) !=
			5 ||
		    when_day_make(y, mo, d, &now.day) != 0 ||
		    parse_want(spec, &w, err, sizeof(err)) != 0 ||
		    source[0] == '\0') {
			CHECK(!"row reads");
			TEST_END();
			continue;
		}
		now.minute = hh * 60 + mi;
		rows++;
		char tag[32];
		snprintf(tag, sizeof(tag), "%.*s", (int)strcspn(source, " :"),
			 source);
		size_t k = 0;
		while (k < n_tallies && strcmp(tallies[k].name, tag) != 0)
			k++;
		if (k == n_tallies && n_tallies < 32) {
			snprintf(tallies[k].name, sizeof(tallies[k].name), "%s",
				 tag);
			tallies[k].rows = 0;
			n_tallies++;
		}
		if (k < n_tallies)
			tallies[k].rows++;

		struct when_req r;
		const struct when_vocab *two[] = {w.lang, &when_vocab_en};
		if (w.lang != NULL)
			when_read(text, &now, &cat, two, 2, &r);
		else
			when_read(text, &now, &cat, en, 1, &r);
		int ok = r.has_day == w.has_day && r.has_range == w.has_range &&
			 r.time == w.time && r.problem == w.problem &&
			 r.unsure == w.unsure;
		if (ok && w.has_day)
			ok = day_eq(&r.day, &w.day);
		if (ok && w.has_range)
			ok = day_eq(&r.range_first, &w.first) &&
			     day_eq(&r.range_last, &w.last);
		if (ok && w.from >= 0)
			ok = r.from_min == w.from && r.to_min == w.to;
		if (ok && w.alt[0] >= 0)
			ok = r.alt_min[0] == w.alt[0] &&
			     r.alt_min[1] == w.alt[1];
		CHECK(ok);
		if (!ok) {
			char got[256];
			when_describe(text, &r, got, sizeof(got));
			printf("      want: %s\n      got:  %s\n", shown, got);
		}
		TEST_END();
	}
	fclose(f);
	TEST_BEGIN("corpus holds at least 300 phrases");
	CHECK(rows >= 300);
	TEST_END();
	printf("when corpus: %d phrases:", rows);
	for (size_t k = 0; k < n_tallies; k++)
		printf(" %s %d%s", tallies[k].name, tallies[k].rows,
		       k + 1 < n_tallies ? "," : "\n");
	return h_done();
}
