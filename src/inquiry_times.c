/*
 * inquiry: several clock times in one text, one in each clause ("9 for me
 * and 9:30 for him", "eye test at 9 and one for my son at 9:30", "me at 2
 * and my wife at 2:30"): each booking takes the time named in its own
 * clause, in the order written. The time reader reads a whole text as one
 * time (the last), so each clause is read again on its own. Alternatives
 * ("9 or 9:30", "10, if not 11") are not several bookings and are left
 * alone.
 */
#include "smsdesk/inquiry.h"

#include "inquiry_read.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "or", "either", "otherwise", "else", "failing that", "if not": the
 * times are alternatives, not one each. */
int rd_alternatives(const struct reader *r)
{
	static const char *const alt[] = {"or",	  "either",  "otherwise",
					  "else", "failing", "ou",
					  "o",	  "oder",    "veya"};
	for (size_t i = 0; i < r->n; i++) {
		for (size_t k = 0; k < sizeof alt / sizeof alt[0]; k++)
			if (strcmp(r->t[i].w, alt[k]) == 0)
				return 1;
		if (strcmp(r->t[i].w, "if") == 0 && i + 1 < r->n &&
		    (r->t[i + 1].cls & LW_NEGATE))
			return 1;
	}
	return 0;
}

/* Marks a bare hour until it is placed beside a real time. */
#define BARE 100000

/* "9 for me", "at 9": a number 1..12 alone in clause C, said as an hour
 * ("for" someone after it, "at" before it), as BARE + its minutes on the
 * morning reading; else -1. */
static int bare_hour(const struct reader *r, int c)
{
	for (size_t i = 0; i < r->n; i++) {
		const struct tok *t = &r->t[i];
		if (t->clause != c || !rd_is_digits(t->w) || strlen(t->w) > 2)
			continue;
		int h = atoi(t->w);
		if (h < 1 || h > 12)
			continue;
		int after_for =
		    i + 1 < r->n && r->t[i + 1].clause == c &&
		    strcmp(r->t[i + 1].w, "for") == 0 && i + 2 < r->n &&
		    (r->t[i + 2].cls & (LW_SELF | LW_PERSON | LW_CHILD |
					LW_PRONOUN | LW_OWNER)) != 0;
		int at = i > 0 && r->t[i - 1].clause == c &&
			 strcmp(r->t[i - 1].w, "at") == 0;
		if (after_for || at)
			return BARE + h * 60;
	}
	return -1;
}

/* The time read is written as one ("9:30", "2pm", "half 2", "at 2"), not
 * a number that may count people ("2 of us"). */
static int written_as_time(const char *clause, const struct when_req *w)
{
	if (w->time_from < 0 || w->time_to <= w->time_from ||
	    (size_t)w->time_to > strlen(clause))
		return 0;
	char t[64];
	size_t len = (size_t)(w->time_to - w->time_from);
	if (len >= sizeof(t))
		return 1;
	memcpy(t, clause + w->time_from, len);
	t[len] = '\0';
	/* a word of the pack before the hour ("um 12", "à 15", "a las 5",
	 * "saat 3"): the reader took it as the time's mark (review de AH
	 * c16.2 "Technikkurs um 10 und PT um 12") */
	if (isalpha((unsigned char)t[0]) && strpbrk(t, "0123456789") != NULL)
		return 1;
	/* folded, "10:30" is "10 30": two numbers */
	const char *sp = strchr(t, ' ');
	if (sp != NULL && sp > t && isdigit((unsigned char)sp[-1]) &&
	    isdigit((unsigned char)sp[1]))
		return 1;
	if (strpbrk(t, ":.") != NULL || strstr(t, "am") != NULL ||
	    strstr(t, "pm") != NULL || strstr(t, "half") != NULL ||
	    strstr(t, "quarter") != NULL || strstr(t, "oclock") != NULL ||
	    strstr(t, "noon") != NULL || strstr(t, "at ") != NULL ||
	    strstr(t, "h") != NULL)
		return 1;
	return w->time_from >= 3 &&
	       strncmp(clause + w->time_from - 3, "at ", 3) == 0;
}

void rd_clause_times(const struct reader *r, const struct when_local *now,
		     struct inquiry *q)
{
	char clause[512];
	int times[INQ_MAX_MATCHES];
	int clause_of[INQ_MAX_MATCHES];
	size_t n = 0;
	const struct when_vocab *v[8];
	size_t nv = lang_when_vocabs(r->cat, r->pack, v, 8);

	q->n_times = 0;
	if (q->when.time != WHEN_TIME_AT || rd_alternatives(r))
		return;
	for (int c = 0; c < r->clauses && n < INQ_MAX_MATCHES; c++) {
		size_t pos = 0;
		clause[0] = '\0';
		for (size_t i = 0; i < r->n; i++) {
			if (r->t[i].clause != c)
				continue;
			int k = snprintf(clause + pos, sizeof(clause) - pos,
					 "%s%s", pos > 0 ? " " : "", r->t[i].w);
			if (k < 0 || (size_t)k >= sizeof(clause) - pos)
				break;
			pos += (size_t)k;
		}
		if (pos == 0)
			continue;
		struct when_req w;
		when_read(clause, now, r->cat, v, nv, &w);
		int m = -1;
		if (w.time == WHEN_TIME_AT && w.problem == WHEN_FINE &&
		    !rd_number_is_mday(&w) && written_as_time(clause, &w))
			m = w.from_min;
		else if (w.time == WHEN_TIME_AT &&
			 w.problem == WHEN_AMBIGUOUS_TIME && !w.has_day &&
			 w.alt_min[0] >= 60 && w.alt_min[0] < 13 * 60)
			/* "Technikkurs um 10 und PT um 12": an hour either
			 * side of noon, settled by the times around it
			 * (review de AH c16.2 booked 12:00 and 14:00); never
			 * beside a day, where "Samstag 5.12." folds to
			 * "samstag 5 12" (review de AM c10.2 read 17:00) */
			m = BARE + w.alt_min[0];
		else
			m = bare_hour(r, c); /* "9 for me" */
		if (m < 0 || (n > 0 && times[n - 1] == m))
			continue;
		clause_of[n] = c;
		times[n++] = m;
	}
	if (n < 2)
		return;
	/* a bare hour is on the half of the day of the times around it */
	int ref = -1;
	for (size_t k = 0; k < n && ref < 0; k++)
		if (times[k] < BARE)
			ref = times[k];
	if (ref < 0)
		return;
	for (size_t k = 0; k < n; k++) {
		if (times[k] < BARE)
			continue;
		int am = times[k] - BARE, h = am / 60, pm = am + 12 * 60;
		int da = am > ref ? am - ref : ref - am;
		int dp = pm > ref ? pm - ref : ref - pm;
		times[k] = h < 12 && dp < da ? pm : am;
	}
	/* the text's own reading must be one of them (the last, usually):
	 * otherwise a clause read a number the whole text does not take as
	 * a time ("2 of us at 10") */
	int seen = 0;
	for (size_t k = 0; k < n; k++)
		seen |= times[k] == q->when.from_min;
	if (!seen)
		return;
	for (size_t k = 0; k < n; k++) {
		q->times[k] = times[k];
		q->time_clause[k] = clause_of[k];
	}
	q->n_times = (int)n; /* kept by rd_times_persons when they fit */
}

/* The times fit the bookings asked: one each for the services named ("eye
 * test at 9 and one for my son at 9:30"), or one service and its people
 * ("me at 2 and my wife at 2:30": as many people as times), or people
 * only, the services being the conversation's ("9 for me and 9:30 for
 * him"). Otherwise ("leave at 17h, a bath at 15h") the text's own reading
 * stands. Called once the things are read. */
void rd_times_persons(const struct reader *r, struct inquiry *q)
{
	int n = q->n_times, booked = 0;
	q->n_times = 0;
	if (n < 2)
		return;
	for (size_t k = 0; k < q->n_matches; k++)
		booked += q->persons[k] > 0 ? q->persons[k] : 1;
	int self = rd_has(r, LW_SELF);
	int other = rd_has(r, LW_PERSON | LW_CHILD);
	if (q->n_matches == 1 && booked < n && self && other)
		q->persons[0] = booked = n;
	if (q->n_matches == 0 && (self || other))
		booked = n;
	if (booked != n)
		return;
	q->n_times = n;
	q->when.from_min = q->when.to_min = q->times[0];
}
