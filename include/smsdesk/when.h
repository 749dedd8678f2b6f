/*
 * when: the desk's sense of time. Turns what customers write about dates and
 * times ("tmrw 10", "sat 2pm", "25th dec", "after 4", "asap") into local
 * civil days and minutes in the business's time zone, and does the slot
 * arithmetic bookings need (a slot starts at opening time, steps by the
 * service's minutes and must end by closing time).
 *
 * The words it knows are data: one language pack per language
 * (when_vocab.h, src/lang/<code>_when.c); the rules (src/when_read.c,
 * when_days.c, when_dates.c, when_times.c) are written on word senses
 * only.
 *
 * Pure: "now" is always passed in; this module never reads the clock and
 * never touches TZ (local time comes from civil.h's zone objects). Ambiguity
 * ("7" when we are open neither at 07:00 nor at 19:00, "05-06") is reported,
 * never guessed, and a day it cannot read is never today: it sets `unsure`.
 * Reading allocates nothing; each pack is indexed once per process.
 */
#ifndef SMSDESK_WHEN_H
#define SMSDESK_WHEN_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct catalog;

/* A local civil day. wday: 0 Monday ... 6 Sunday (as enum cat_day bits). */
struct when_day {
	int year;
	int month; /* 1..12 */
	int mday;  /* 1..31 */
	int wday;
};

/* A local civil moment: a day and minutes after local midnight. */
struct when_local {
	struct when_day day;
	int minute;
};

enum when_time_kind {
	WHEN_TIME_NONE,	  /* no time mentioned */
	WHEN_TIME_AT,	  /* an exact time: from == to */
	WHEN_TIME_WINDOW, /* "after 4", "morning", "2-4pm": [from, to) */
	WHEN_TIME_ASAP,	  /* "asap", "earliest", "soonest" */
};

enum when_problem {
	WHEN_FINE,
	WHEN_AMBIGUOUS_TIME, /* "7": neither or both of 07:00 and 19:00 fit */
	WHEN_AMBIGUOUS_DATE, /* "05-06": day-month or month-day */
	WHEN_BAD_DATE,	     /* "31/02", "32nd" */
	WHEN_PAST,	     /* an explicit time earlier today / date gone */
};

/* What a customer said about when. Filled by when_parse. */
struct when_req {
	int has_day; /* day is set */
	struct when_day day;
	int day_explicit; /* a date or weekday was named, not just "today" */
	enum when_time_kind time;
	int from_min, to_min; /* minutes after local midnight */
	enum when_problem problem;
	int alt_min[2]; /* WHEN_AMBIGUOUS_TIME: the two readings */
	/* The hour was written as the 24-hour clock writes it ("7h" in
	 * French or Brazilian texts): where both readings fit the day,
	 * the hour as written, never asked (review pt AB s05 s41). */
	int h24;
	int hour_asked; /* the morning named fits neither reading ("às 2 de
			   manhã"): asked, never settled by our hours */
	int mentioned;	/* any time or date word was seen at all */
	/*
	 * A span of days rather than one ("this weekend", "next week", "in
	 * the next few days"): the desk offers slots across
	 * [range_first, range_last] instead of asking. has_day is then 0.
	 */
	int has_range;
	struct when_day range_first, range_last; /* inclusive */
	/*
	 * The text holds a date or time word the reader could not place
	 * ("boxing day" in a pack without it, "the 3rd of smarch") and no
	 * other word named the day: the desk must ask about the day, never
	 * fall back to today or guess. has_day and has_range are then 0.
	 */
	int unsure;
	/*
	 * A day the text says is not the one meant ("not tomorrow", "can't
	 * make friday") while another day is named: has_day is the other.
	 */
	int has_not_day;
	struct when_day not_day;
	/*
	 * The only day named was said not to be meant ("not Monday",
	 * "can't make friday"): has_day is that day, for a booking held on
	 * it; a new booking never offers it (the desk moves it to not_day).
	 */
	int day_not_meant;
	/*
	 * A time said not to be the one, another said after it ("not 10,
	 * 11", "pas 10h, 11h", "11 değil 12"): not_min is the minute set
	 * aside (its first reading); the time read is the other.
	 */
	int has_not_time;
	int not_min;
	/*
	 * A day counted from the booking or day being talked about ("the day
	 * before" -1, "6 weeks later" 42): the desk places it when the
	 * conversation has one. Alone, "6 weeks later" is also read from
	 * today (has_day); "the day before" is unsure.
	 */
	int has_anchor;
	int anchor_days;
	/* The day is counted from another the text names ("the day after
	 * monday", "the day before the 15th"): those words are not the day's
	 * own weekday or date. */
	int day_counted;
	/* 1 + the weekday of "the tuesday after", "den Dienstag danach": the
	 * first such weekday after the day talked about (anchor_days 0);
	 * 0 none */
	int anchor_wday;
	/*
	 * "friday or saturday", "Tuesday or Wednesday evening": two days next
	 * to each other said as alternatives. The reading stays a doubt
	 * (problem WHEN_AMBIGUOUS_DATE); the desk may offer across both
	 * (never a day between two days further apart).
	 */
	int has_either;
	struct when_day either_first, either_last;
	/*
	 * Two days named that disagree ("mañana trabajo ... pasar al
	 * viernes"): the day read and the other one. The reading stays a
	 * doubt; the desk may settle it when one of them is the day of the
	 * booking being moved (the other is where it goes).
	 */
	int has_other_day;
	struct when_day other_day;
	/*
	 * The day is a weekday named alone ("wednesday"): read as the
	 * coming one; when a booking is being changed the desk may take the
	 * one nearest that booking instead.
	 */
	int weekday_only;
	/*
	 * For explanations (when_describe, try --explain): the rule that set
	 * the day and the one that set the time (static strings, NULL when
	 * none), and the bytes of the text they read ([from, to), -1 none).
	 */
	const char *day_rule, *time_rule;
	int day_from, day_to, time_from, time_to;
};

/*
 * Local time and zones. The catalog's zone object (civil.h) is the way in:
 * when_local_in/when_epoch_in convert with it and touch nothing else.
 *
 * The name-based calls below are kept while callers move: they find the zone
 * by name in a small per-process cache (each zone read once from the tz
 * database), never through TZ. when_tz_enter/leave no longer switch TZ; they
 * only check the name, and will go once nobody calls them.
 */
struct civil_zone;

/* Local civil time of instant T in zone Z. */
void when_local_in(const struct civil_zone *z, int64_t t,
		   struct when_local *out);
/*
 * Instant of local DAY at MINUTE in zone Z. A minute that does not exist
 * (spring-forward gap) maps to the instant just after the gap; a minute that
 * exists twice (fall-back) to its first occurrence.
 */
int64_t when_epoch_in(const struct civil_zone *z, const struct when_day *day,
		      int minute);
/* Zone NAME from the per-process cache (loaded on first use), or NULL when
 * there is no such zone. Not to be freed. */
const struct civil_zone *when_zone_named(const char *tz);
/* The catalog's zone: the one it loaded, else (a catalog built by hand) its
 * timezone by name. NULL when neither can be had. */
const struct civil_zone *when_zone_of(const struct catalog *cat);

struct when_tz_saved {
	int switched;
	int had;
	char old[128];
};
/* Deprecated: TZ is no longer switched. Returns 0 when TZ names a zone. */
int when_tz_enter(const char *tz, struct when_tz_saved *s);
void when_tz_leave(const struct when_tz_saved *s);

/* As when_local_in, the zone by name. Returns 0, or -1 (no such zone). */
int when_local_of(const char *tz, time_t t, struct when_local *out);

/* As when_epoch_in, the zone by name. Returns 0 or -1. */
int when_epoch_of(const char *tz, const struct when_day *day, int minute,
		  time_t *out);

/* DAY moved by N days (N may be negative); fills wday. */
/*
 * The command line's --now: "YYYY-MM-DDTHH:MM" as local time in TZ, to UTC
 * epoch seconds. Returns 0, or -1 when it is not such a time (or not a
 * real day).
 */
int when_parse_iso_local(const char *tz, const char *s, int64_t *out);

struct when_day when_day_add(struct when_day day, int n);
/* A new booking's view of R: when the only day named was said not to be
 * meant (day_not_meant), it becomes the day set aside (not_day) and no
 * day is left, so it is never offered ("any weekday but not Monday",
 * "... en vez de este sábado"). */
void when_req_drop_unmeant(struct when_req *r);
/* R as when_read leaves a text that names no day and no time. */
void when_req_none(struct when_req *r);
/* Negative, zero or positive as a is before, equal to or after b. */
int when_day_cmp(const struct when_day *a, const struct when_day *b);
/* Whole days from a to b (b - a). */
int when_day_diff(const struct when_day *a, const struct when_day *b);
/* A checked day: returns 0 and fills wday, or -1 when it does not exist. */
int when_day_make(int year, int month, int mday, struct when_day *out);

/* "YYYY-MM-DD" into out (cap >= 11). */
void when_day_iso(const struct when_day *day, char *out, size_t cap);
/* "Sat 28 Mar" into out: what replies say. */
void when_day_human(const struct when_day *day, char *out, size_t cap);
/* "14:30" into out. */
void when_minute_hhmm(int minute, char *out, size_t cap);

/* The day is in the catalog's closed list. */
int when_is_closed_day(const struct catalog *cat, const struct when_day *day);

/*
 * Opening hours of DAY: writes up to cap [open, close) pairs (minutes) into
 * open/close in time order and returns how many; 0 when closed that day (by
 * weekday or by the closed list).
 */
size_t when_hours_of(const struct catalog *cat, const struct when_day *day,
		     int *open, int *close, size_t cap);

/*
 * The slot grid for a service of LEN minutes on DAY: writes slot start
 * minutes (every slot starts at an opening time plus a multiple of LEN and
 * ends by that period's close) into out, returns the count in total (may
 * exceed cap).
 */
/* How far apart the starts of a LEN-minute service are: LEN (back to
 * back, the contract), or the catalog's policy.slot_minutes when that is
 * set and shorter. */
int when_slot_step(const struct catalog *cat, int len);
size_t when_slots_of(const struct catalog *cat, const struct when_day *day,
		     int len, int *out, size_t cap);

/* MINUTE is a slot start for a LEN-minute service on DAY. */
int when_is_slot(const struct catalog *cat, const struct when_day *day, int len,
		 int minute);

/*
 * Read the date and time phrases in TEXT (raw UTF-8 from the phone) relative
 * to NOW (the business's local time), with the words of VOCABS (N_VOCABS
 * language packs, when_vocab.h; none means English). CAT supplies opening
 * hours, used only to resolve bare hours ("10" -> 10:00, "2" -> 14:00) and
 * may be NULL (then every bare hour from 1 to 11 is ambiguous unless "am",
 * "pm" or a part of the day says). Fills *out and returns out->problem.
 *
 * Readings (one for each, so the desk's reply can name the date taken):
 * a weekday alone or with "this"/"next" is the coming one ("next" skips
 * today); "the <weekday> after next", "<weekday> week" and "a week on
 * <weekday>" are a week after that; "<weekday> next week" is the one in
 * next week. "this weekend" is the coming Saturday and Sunday (what is left
 * of it at the weekend), "next weekend" the one after; "next week" is next
 * Monday to Sunday; these and "in december", "next few days" fill the range
 * instead of the day. A day before today (or a time earlier today) is
 * WHEN_PAST with the day filled. Words that look like a date but cannot be
 * placed set unsure: has_day stays 0 unless another word named the day.
 */
struct when_vocab;
enum when_problem when_read(const char *text, const struct when_local *now,
			    const struct catalog *cat,
			    const struct when_vocab *const *vocabs,
			    size_t n_vocabs, struct when_req *out);

/* when_read in the catalog's languages (business.languages; English when
 * CAT is NULL or none of them has a pack). */
enum when_problem when_parse(const char *text, const struct when_local *now,
			     const struct catalog *cat, struct when_req *out);

/*
 * One line saying how R was read, for staff and tests: e.g. "day Thu 3 Dec
 * (the thursday after next), time window 17:00-21:00 (evening)". TEXT is the
 * text R was read from (for the quoted words), or NULL.
 */
void when_describe(const char *text, const struct when_req *r, char *out,
		   size_t cap);

#endif
