/*
 * report: what the desk did, for the owner to read or to look at — the
 * demand we could not serve first (by service and by why: not offered,
 * slot taken, too short notice, outside hours or closed, an offer never
 * taken up), week by week, bookings by hour of day, the referrals we gave,
 * the texts the desk did not understand (numbers masked), and the message
 * counts. report_build reads the store once and buckets in the business's
 * time zone; report_text and report_html write it (report_html.c: one
 * self-contained page, inline SVG charts, no scripts, nothing fetched).
 *
 * It never reads the clock (now is passed in) and never writes the store.
 */
#ifndef SMSDESK_REPORT_H
#define SMSDESK_REPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "smsdesk/store.h"
#include "smsdesk/when.h"

struct catalog;

/* Why demand was lost, as the owner reads it. */
enum report_reason {
	REPORT_NOT_OFFERED,   /* a thing we do not do */
	REPORT_FULL,	      /* the slot (or the day) was taken */
	REPORT_SHORT_NOTICE,  /* too soon for the service's notice */
	REPORT_OUTSIDE_HOURS, /* outside opening hours */
	REPORT_CLOSED,	      /* closed that day */
	REPORT_TOO_FAR,	      /* beyond the booking horizon */
	REPORT_NOT_TAKEN,     /* free times offered, none taken */
	REPORT_OTHER,
	REPORT_N_REASONS
};

/* "not offered", "slot taken", ... */
const char *report_reason_words(enum report_reason r);

/* What was asked and lost, per service or topic. */
struct report_thing {
	char id[STORE_ID_MAX]; /* "" for a thing we do not know */
	char name[STORE_ID_MAX];
	int is_service;
	int64_t lost[REPORT_N_REASONS];
	int64_t lost_total;
	int64_t taken_up; /* asked, refused or offered, then booked */
};

struct report_week {
	struct when_day monday;
	int64_t texts_in;
	int64_t booked_text, booked_staff; /* bookings made that week */
	int64_t cancelled;
	int64_t lost; /* demand turned away (not taken up) */
	int64_t not_understood;
	int64_t referrals; /* providers named */
};

#define REPORT_MAX_WEEKS	  104
#define REPORT_NOT_UNDERSTOOD_MAX 50

struct report {
	int64_t from, to;	     /* [from, to) UTC; 0 / INT64_MAX open */
	int has_from, has_to;	     /* --from / --to given */
	struct when_day first, last; /* the days covered (local) */
	struct store_report totals;  /* message counts and totals */
	struct report_thing *things; /* most lost first */
	size_t n_things;
	int64_t lost_by_reason[REPORT_N_REASONS];
	struct report_week *weeks; /* oldest first */
	size_t n_weeks;
	size_t weeks_dropped;	   /* older weeks left out */
	int64_t by_hour[24];	   /* bookings made, by local start hour */
	int open_hour, close_hour; /* the hours the chart shows */
	struct store_text_list not_understood; /* latest first */
};

/*
 * Read the report for the days [from_day, to_day] (each "YYYY-MM-DD" or
 * NULL for open: all time up to now), in the catalog's zone. Returns 0,
 * -1 with a sentence in err for a bad day, or a negative store error
 * (store_errmsg). Free with report_free (also after a failure).
 */
int report_build(const struct catalog *cat, struct store *st,
		 const char *from_day, const char *to_day, int64_t now,
		 struct report *out, char *err, size_t cap);
void report_free(struct report *r);

/* A number as a report shows it: "+44******123" (cap >= 8). */
void report_mask(const char *number, char *out, size_t cap);

/* The report as text for a terminal. Returns 0, or -1 if writing failed. */
int report_text(const struct catalog *cat, const struct report *r, FILE *out);

/*
 * The report as one HTML page: inline CSS and SVG, no script, nothing to
 * fetch. The charts carry ids (chart-demand, chart-weeks, chart-hours,
 * chart-referrals) and each draws its bars in one colour of
 * REPORT_COLOURS, so a test can find them in a screenshot. Returns 0, or
 * -1 if writing failed.
 */
int report_html(const struct catalog *cat, const struct report *r, int64_t now,
		FILE *out);

/* The bar colours of the four charts, in that order. */
#define REPORT_COLOUR_DEMAND	"#c0392b"
#define REPORT_COLOUR_WEEKS	"#e67e22"
#define REPORT_COLOUR_HOURS	"#2e86c1"
#define REPORT_COLOUR_REFERRALS "#27ae60"

#endif
