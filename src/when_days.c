/* when_days: the reader's rules for days, weeks, holidays, counts ("in 3
 * days") and days around a day ("the week before christmas"); dates
 * written with numbers and months are in when_dates.c. */
#include "when_read.h"

#include "smsdesk/civil.h"

#include <string.h>

/* ---- days ---------------------------------------------------------------- */

/* A day and month with no year: this year's, or next year's once gone. */
int wr_day_month(struct rd *rd, int d, int m, int y)
{
	struct when_day out;

	if (y >= 0) {
		if (y < 100)
			y += 2000;
		if (when_day_make(y, m, d, &out) != 0) {
			rd->bad_date = 1;
			return 0;
		}
		set_day(rd, out, 1);
		return 1;
	}
	y = rd->now->day.year;
	if (when_day_make(y, m, d, &out) == 0 &&
	    when_day_cmp(&out, &rd->now->day) < 0)
		y++;
	if (when_day_make(y, m, d, &out) != 0 &&
	    when_day_make(y + 1, m, d, &out) != 0) {
		rd->bad_date = 1;
		return 0;
	}
	set_day(rd, out, 1);
	return 1;
}

/* The day of holiday RULE in YEAR, as a day number; INT64_MIN if none. */
static int64_t holiday_in(int rule, int year)
{
	switch (rule >> 24) {
	case WHEN_HOL_FIXED: {
		int m = (rule >> 8) & 0xFF, d = rule & 0xFF;
		if (!civil_valid(year, m, d))
			return INT64_MIN;
		return civil_days(year, m, d);
	}
	case WHEN_HOL_EASTER:
		return civil_easter(year) + ((rule & 0xFFFF) - 512);
	case WHEN_HOL_NTH: {
		int m = (rule >> 16) & 0xFF, n = ((rule >> 12) & 0xF) - 1;
		int wd = (rule >> 8) & 0xF, off = (rule & 0xFF) - 8;
		int64_t z = civil_nth_weekday(year, m, n, wd);
		return z == INT64_MIN ? z : z + off;
	}
	}
	return INT64_MIN;
}

static struct when_day day_of_number(int64_t z)
{
	struct when_day d;
	civil_from_days(z, &d.year, &d.month, &d.mday);
	d.wday = civil_weekday(z);
	return d;
}

/* A four-digit year at i (after optional SKIP words): tokens used. */
int wr_year_at(const struct rd *rd, int i, int *y)
{
	int k = skip(rd, i);
	const struct lex_tok *t = tok(rd, k);
	if (t->ndigits == 4 && t->num >= 1970 && t->num <= 2999) {
		*y = t->num;
		return k - i + 1;
	}
	return 0;
}

/* The coming weekday W (today counts), moved by MOD. */
struct when_day wr_weekday_day(struct rd *rd, int w, enum mod mod)
{
	int delta = (w - rd->now->day.wday + 7) % 7;

	switch (mod) {
	case M_NONE:
	case M_THIS:
		break;
	case M_NEXT:
		/* "next thursday", "jeudi prochain", "nächsten Donnerstag":
		 * that day of next calendar week (weeks start on Monday), so
		 * on a Wednesday it is 8 days on, never tomorrow; "next
		 * monday" is still the coming Monday. */
		delta = 7 - rd->now->day.wday + w;
		break;
	case M_LAST:
		delta = delta == 0 ? -7 : delta - 7;
		break;
	case M_AFTER_NEXT:
		/* "the thursday after next": the one after the coming one
		 * (issue 11, duckling) */
		if (delta == 0)
			delta = 7;
		delta += 7;
		break;
	}
	return today_plus(rd, delta);
}

/* Monday of the week that holds today, moved by WEEKS. */
static struct when_day week_monday(const struct rd *rd, int weeks)
{
	return today_plus(rd, -rd->now->day.wday + 7 * weeks);
}

static enum mod mod_of(const struct rd *rd, int i, int *len)
{
	static const struct {
		unsigned sense;
		enum mod mod;
	} m[] = {{WS_NEXT, M_NEXT},
		 {WS_THIS, M_THIS},
		 {WS_LAST, M_LAST},
		 {WS_AFTER_NEXT, M_AFTER_NEXT}};
	for (size_t k = 0; k < sizeof(m) / sizeof(m[0]); k++) {
		const struct lex_hit *h = hit(rd, i, m[k].sense);
		/* "pasado mañana", "next day": a longer entry wins. */
		if (h != NULL && h->len >= longest(rd, i)) {
			*len = h->len;
			return m[k].mod;
		}
	}
	*len = 0;
	return M_NONE;
}

/* Is there a week word at i ("week", or the unit "week")? */
static int week_word(const struct rd *rd, int i)
{
	const struct lex_hit *u = hit(rd, i, WS_UNIT_DAYS);
	if (has(rd, i, WS_WEEK))
		return hit(rd, i, WS_WEEK)->len;
	return u != NULL && u->value == 7 ? u->len : 0;
}

/*
 * After a weekday: "after next", "next", "week", "next week", "of next
 * week", "this week", "last". Returns tokens used; sets *mod, *weeks and
 * *week_of (-1 none, else weeks from this one of "<day> next week").
 */
static int weekday_post(const struct rd *rd, int i, enum mod *mod, int *weeks,
			int *week_of, int *near)
{
	int k = skip(rd, i), ml, wl;
	enum mod m = mod_of(rd, k, &ml);

	*week_of = -100;
	*near = 0;
	if (m == M_NONE && (wl = week_word(rd, k)) > 0) {
		/* "el jueves de la semana que viene": the mark after the
		 * week word */
		int pk = skip(rd, k + wl), pl;
		enum mod pm = mod_of(rd, pk, &pl);
		if (pm == M_NEXT || pm == M_THIS || pm == M_LAST) {
			*week_of = pm == M_NEXT ? 1 : pm == M_LAST ? -1 : 0;
			return pk + pl - i;
		}
	}
	if (m != M_NONE && (wl = week_word(rd, k + ml)) > 0) {
		*week_of = m == M_NEXT ? 1 : m == M_LAST ? -1 : 0;
		if (m == M_AFTER_NEXT)
			return 0;
		return k + ml + wl - i;
	}
	if (m == M_AFTER_NEXT || ((m == M_NEXT || m == M_LAST) && k == i)) {
		*mod = m;
		if (m == M_NEXT && hit(rd, k, WS_NEXT) != NULL)
			*near = hit(rd, k, WS_NEXT)->value;
		return k + ml - i;
	}
	if (k == i && (wl = week_word(rd, i)) > 0 && !has(rd, i, WS_IN)) {
		(*weeks)++;
		return wl;
	}
	return 0;
}

/*
 * Days: [modifiers] weekday|relative day|weekend|week|holiday [modifiers].
 * Returns tokens used.
 */
int wr_day(struct rd *rd, int i)
{
	int k = i, weeks = 0, pre = 0, n, coming = 0;
	enum mod mod = M_NONE;
	const struct lex_hit *h;

	for (;;) {
		int ml;
		enum mod m = mod_of(rd, k, &ml);
		const struct lex_hit *an = hit(rd, k, WS_AFTER_NEXT);
		const struct lex_hit *nx = hit(rd, k, WS_NEXT);
		if (m != M_NONE && (m != M_AFTER_NEXT ||
				    (an != NULL && (an->flags & WF_PRE)))) {
			mod = m;
			coming = m == M_NEXT && nx != NULL &&
				 (nx->flags & WF_COMING);
			k += ml;
			pre = 1;
			continue;
		}
		if ((h = hit(rd, k, WS_WEEK_ON)) != NULL &&
		    (has(rd, skip(rd, k + h->len), WS_WEEKDAY) ||
		     has(rd, skip(rd, k + h->len), WS_REL_DAY))) {
			weeks += h->value >= 7 ? h->value / 7 : 1;
			k += h->len;
			pre = 1;
			continue;
		}
		if (k > i && (h = hit(rd, k, WS_SKIP)) != NULL) {
			k += h->len;
			continue;
		}
		if (k == i && (h = hit(rd, k, WS_SKIP)) != NULL &&
		    (has(rd, k + h->len, WS_WEEKDAY) ||
		     has(rd, k + h->len, WS_WEEKEND) ||
		     week_word(rd, k + h->len) > 0)) {
			k += h->len;
			pre = 1; /* "on sa", "the weekend" */
			continue;
		}
		break;
	}

	/* "lundi de Pâques", "viernes santo": a holiday named after its
	 * weekday is the holiday. A weak weekday counts next to a modifier,
	 * or before a number (or "at" and a number) or a part of the day
	 * when it is nothing else ("am Do", "Fr 10 Uhr", "do um 13:30", "sa
	 * 9am", "Fr vormittag": review de U s34 offered today). */
	const struct lex_hit *hol = hit(rd, k, WS_HOLIDAY);
	const struct lex_hit *ah;
	if ((h = hit(rd, k, WS_WEEKDAY)) != NULL &&
	    (hol == NULL || hol->len <= h->len) &&
	    (!(h->flags & WF_WEAK) || pre ||
	     ((tok(rd, k + h->len)->num >= 0 ||
	       hit(rd, k + h->len, WS_WINDOW) != NULL ||
	       ((ah = hit(rd, k + h->len, WS_AT)) != NULL &&
		tok(rd, k + h->len + ah->len)->num >= 0)) &&
	      tok(rd, k + h->len - 1)->sep == ' ' && rd->t->nhits[k] == 1))) {
		int w = h->value, week_of, near;
		n = k + h->len - i;
		n +=
		    weekday_post(rd, k + h->len, &mod, &weeks, &week_of, &near);
		const struct lex_hit *lh;
		int e = skip(rd, i + n);
		if (mod == M_NONE && weeks == 0 && week_of == -100 &&
		    !tok(rd, e - 1)->brk && !tok(rd, e - 1)->dot &&
		    (lh = hit(rd, e, WS_LATER)) != NULL &&
		    lh->len >= longest(rd, e) &&
		    tok(rd, e + lh->len)->num < 0 &&
		    !has(rd, e + lh->len, WS_NEXT) &&
		    !has(rd, e + lh->len, WS_AFTER_NEXT)) {
			/* "den Dienstag danach", "the tuesday after": the
			 * first one after the day talked about; alone, the
			 * coming one */
			rd->anchor_in_text = rd->wday >= 0 || rd->day_set;
			rd->r->has_anchor = 1;
			rd->r->anchor_days = 0;
			rd->r->anchor_wday = 1 + w;
			n = e + lh->len - i;
		}
		if (week_of != -100) {
			/* "friday next week", "tuesday of this week" */
			set_day(rd,
				today_plus(rd, -rd->now->day.wday + w +
						   7 * week_of),
				1);
		} else if (mod == M_NONE && weeks == 0) {
			/* Settled at the end: "wed 1 apr" names one day. */
			if (rd->wday >= 0 && rd->wday != w)
				rd->date_amb = 1;
			rd->wday = w;
			rd->wday_from = tok(rd, i)->off;
			rd->wday_at = i;
			rd->wday_end = i + n;
			rd->wday_to = tok(rd, i + n - 1)->end;
		} else {
			/* "this coming friday": the next one, never today; a
			 * pack whose "next" is the coming one (next_coming)
			 * skips a week only for a weekday "near" ahead */
			int as_coming =
			    mod == M_NEXT &&
			    (coming ||
			     (rd->n_vocabs > 0 && rd->vocabs[0]->next_coming));
			int delta = (w - rd->now->day.wday + 7) % 7;
			struct when_day d = as_coming
						? wr_weekday_day(rd, w, M_NONE)
						: wr_weekday_day(rd, w, mod);
			if (as_coming &&
			    (delta == 0 || (!coming && delta <= near)))
				d = when_day_add(d, 7);
			set_day(rd, when_day_add(d, 7 * weeks), 1);
			rd->day_by_mod = weeks == 0;
		}
		mark(rd, i, n);
		if (rd->wday < 0 || week_of != -100 || mod != M_NONE ||
		    weeks > 0)
			note_day(rd, i, n, "weekday");
		rd->ctx_at = i + n;
		return n;
	}
	/* "Montag morgen": right after a day, a word that is also a part of
	 * the day is that part ("morgen" is tomorrow and the morning). */
	if ((h = hit(rd, k, WS_REL_DAY)) != NULL && mod == M_NONE && k == i &&
	    i == rd->ctx_at && (rd->day_set || rd->wday >= 0) &&
	    has(rd, k, WS_WINDOW))
		return 0;
	if ((h = hit(rd, k, WS_REL_DAY)) != NULL && mod == M_NONE) {
		n = k + h->len - i;
		int wl = week_word(rd, k + h->len);
		if (wl > 0 && !has(rd, k + h->len, WS_IN)) {
			weeks++; /* "tomorrow week" */
			n += wl;
		}
		set_day(rd, today_plus(rd, h->value + 7 * weeks),
			h->value != 0 || weeks > 0);
		mark(rd, i, n);
		note_day(rd, i, n, "relative day");
		rd->ctx_at = i + n;
		return n;
	}
	if ((h = hit(rd, k, WS_WEEKEND)) != NULL) {
		n = k + h->len - i;
		int ml, add = 0;
		enum mod post = mod_of(rd, skip(rd, k + h->len), &ml);
		if (post == M_AFTER_NEXT) {
			add = 14;
			n += ml;
		} else if (mod == M_NONE &&
			   (post == M_NEXT || post == M_LAST)) {
			/* "le week-end prochain", "fim de semana que vem" */
			add = post == M_NEXT ? 7 : -7;
			n = skip(rd, k + h->len) + ml - i;
		} else if (mod == M_NEXT) {
			add = 7;
		} else if (mod == M_AFTER_NEXT) {
			add = 14;
		} else if (mod == M_LAST) {
			add = -7;
		}
		/* This weekend: the coming Saturday and Sunday, or what is
		 * left of the one we are in. */
		int wd = rd->now->day.wday;
		struct when_day sat = today_plus(rd, wd == 6 ? -1 : 5 - wd);
		sat = when_day_add(sat, add);
		struct when_day first = sat, last = when_day_add(sat, 1);
		if (when_day_cmp(&first, &rd->now->day) < 0 &&
		    when_day_cmp(&last, &rd->now->day) >= 0)
			first = rd->now->day;
		set_range(rd, first, last);
		mark(rd, i, n);
		note_day(rd, i, n, "weekend");
		return n;
	}
	if ((n = week_word(rd, k)) > 0 && !has(rd, k, WS_IN)) {
		/* next week, la semana que viene, the week after next */
		int ml, pk = skip(rd, k + n);
		enum mod post = mod_of(rd, pk, &ml);
		const struct lex_hit *wk = hit(rd, k, WS_WEEK);
		if (post != M_NONE) {
			mod =
			    post; /* "la semana que viene", "week after next" */
			n = pk + ml - k;
		} else if (mod == M_NONE && wk != NULL && wk->value == 1) {
			mod = M_NEXT; /* "haftaya": next week in one word */
			n = wk->len;
		} else if (mod == M_NONE) {
			return 0;
		}
		int weeks_on = mod == M_NEXT	     ? 1
			       : mod == M_LAST	     ? -1
			       : mod == M_AFTER_NEXT ? 2
						     : 0;
		n += k - i;
		struct when_day mon = week_monday(rd, weeks_on);
		struct when_day first = mon, last = when_day_add(mon, 6);
		if (weeks_on == 0)
			first = rd->now->day; /* this week: from today */
		set_range(rd, first, last);
		mark(rd, i, n);
		note_day(rd, i, n, "week");
		rd->week_at = i;
		rd->week_end = i + n;
		return n;
	}
	if ((h = hit(rd, k, WS_HOLIDAY)) != NULL) {
		int y = rd->now->day.year, yl;
		n = k + h->len - i;
		if ((yl = wr_year_at(rd, i + n, &y)) > 0) {
			n += yl;
		} else {
			int64_t z = holiday_in(h->value, y);
			int64_t today =
			    civil_days(rd->now->day.year, rd->now->day.month,
				       rd->now->day.mday);
			if (mod == M_LAST) {
				if (z == INT64_MIN || z >= today)
					y--;
			} else if (z == INT64_MIN || z < today) {
				y++;
			}
		}
		int64_t z = holiday_in(h->value, y);
		if (z == INT64_MIN) {
			rd->bad_date = 1;
		} else {
			/* "dia 24 de manhã, pra ceia de Natal", "31 Aralık'ta
			 * ... Yılbaşından önce": a feast beside a date said
			 * plainly is the occasion, the date the day (reviews
			 * pt AL s37, tr AL s54 asked or offered January) */
			rd->weak_next = 1;
			int had = rd->day_set;
			set_day(rd, day_of_number(z), 1);
			if (!had)
				note_day(rd, i, n, "holiday");
		}
		mark(rd, i, n);
		rd->ctx_at = i + n;
		return n;
	}
	return 0;
}

/*
 * The day at i that a count is added to: "2 weeks today", "a fortnight
 * on saturday", "3 weeks tomorrow". Fills *d and returns the tokens used.
 */
static int count_base(struct rd *rd, int i, struct when_day *d)
{
	const struct lex_hit *h;
	int k = skip(rd, i);

	if ((h = hit(rd, k, WS_REL_DAY)) != NULL && h->len >= longest(rd, k)) {
		*d = today_plus(rd, h->value);
		return k + h->len - i;
	}
	if ((h = hit(rd, k, WS_WEEKDAY)) != NULL &&
	    (!(h->flags & WF_WEAK) || k > i)) {
		*d = wr_weekday_day(rd, h->value, M_NONE);
		return k + h->len - i;
	}
	return 0;
}

static int day_aside(struct rd *rd, int i, int last, struct when_day *d);

/* N tokens from I: DAYS from day D ("the day before": one day; "the week
 * before": the seven days before it, today on when some have passed). */
static int from_said_day(struct rd *rd, int i, int n, struct when_day d,
			 int days)
{
	struct when_day first = when_day_add(d, days < 0 ? days : 1);
	struct when_day last = when_day_add(d, days < 0 ? -1 : days);
	mark(rd, i, n);
	if (days > -7 && days < 7) {
		set_day(rd, when_day_add(d, days), 1);
	} else if (when_day_cmp(&last, &rd->now->day) < 0) {
		rd->unsure = 1; /* all before today */
		return n;
	} else {
		if (when_day_cmp(&first, &rd->now->day) < 0)
			first = rd->now->day;
		set_range(rd, first, last);
	}
	rd->r->day_counted = 1;
	note_day(rd, i, n, "counted from a day said");
	return n;
}

/* Tokens [i, i+n) name BASE moved by ADD days (at most ten years). */
static int counted_from(struct rd *rd, int i, int n, struct when_day base,
			long add, const char *rule)
{
	if (add > 3660)
		return 0;
	set_day(rd, when_day_add(base, (int)add), 1);
	mark(rd, i, n);
	note_day(rd, i, n, rule);
	rd->ctx_at = i + n;
	return n;
}

/*
 * Counting: "in 5 days", "in an hour", "3 days later", "2 weeks from now",
 * "3 days ago", "in half an hour", "next 3 days", "in a few days", "2
 * weeks today", "a fortnight on saturday".
 */
int wr_count(struct rd *rd, int i)
{
	const struct lex_hit *h, *u;
	int k = i, in = 0, next = 0, ago = 0, v = 0, few = 0, word = 0, n;
	int anchor = 0;

	if ((h = hit(rd, k, WS_IN)) != NULL) {
		in = 1;
		k += h->len;
	} else if ((h = hit(rd, k, WS_AGO)) != NULL) {
		ago = 1; /* "hace 2 días" */
		k += h->len;
	} else if ((h = hit(rd, k, WS_FEW)) != NULL && h->len > 1 &&
		   has(rd, k, WS_FEW)) {
		/* "next few" as one phrase: handled below as FEW. */
	} else if ((h = hit(rd, k, WS_NEXT)) != NULL &&
		   (tok(rd, k + h->len)->num >= 0 ||
		    has(rd, k + h->len, WS_NUMBER) ||
		    has(rd, k + h->len, WS_FEW))) {
		next = 1;
		k += h->len;
	}
	if ((h = hit(rd, k, WS_DURATION)) != NULL && (in || ago)) {
		v = h->value;
		k += h->len;
		goto minutes;
	}
	if ((h = hit(rd, k, WS_DURATION)) != NULL && !in && !ago && !next) {
		/* "yarım saat sonra", "half an hour earlier": after it */
		const struct lex_hit *p = hit(rd, k + h->len, WS_LATER);
		if (p == NULL && (p = hit(rd, k + h->len, WS_AGO)) != NULL)
			ago = 1;
		if (p != NULL) {
			v = h->value;
			k += h->len + p->len;
			goto minutes;
		}
	}
	if ((h = hit(rd, k, WS_FEW)) != NULL) {
		few = h->value;
		k += h->len;
		if (h->len > 1)
			next = 1; /* "next few" */
	} else if ((n = number(rd, k, &v, &word)) > 0) {
		k += n;
	} else if (!in && !next && !ago && (u = hit(rd, k, WS_UNIT_DAYS)) &&
		   u->value >= 7 && u->len >= longest(rd, k)) {
		struct when_day base;
		if (count_base(rd, k + u->len, &base) == 0)
			return 0;
		v = 1; /* "fortnight on saturday" */
	} else {
		return 0;
	}
	k = skip(rd, k);
	if ((u = hit(rd, k, WS_UNIT_DAYS)) != NULL) {
		k += u->len;
	} else if ((u = hit(rd, k, WS_UNIT_MIN)) != NULL) {
		k += u->len;
	} else {
		/* "in 5 dys": a count of something unknown; in 2 of us;
		 * never an article ("in eine Gruppenstunde", review de AD
		 * s14 asked "which day do you mean?") */
		if (in && !few && !word && tok(rd, k)->num < 0 &&
		    tok(rd, k)->len >= 2 && !tok(rd, k)->known &&
		    tok(rd, k)->s[0] != '~' && tok(rd, k - 1)->sep == ' ')
			rd->unsure = 1;
		return 0;
	}
	if ((h = hit(rd, k, WS_LATER)) != NULL) {
		anchor = h->value == 1 && !in;
		k += h->len;
		/* "a day after tomorrow", "2 weeks after christmas" */
		struct when_day base;
		int bl;
		if (anchor && u->sense == WS_UNIT_DAYS && !few &&
		    (bl = day_aside(rd, k, 0, &base)) > 0) {
			return counted_from(rd, i, k + bl - i, base,
					    (long)v * u->value,
					    "N days after a day");
		}
		if ((h = hit(rd, k, WS_LATER)) != NULL) /* "weeks time" */
			k += h->len;
	} else if ((h = hit(rd, k, WS_AGO)) != NULL) {
		ago = 1;
		k += h->len;
	} else if (!in && !next && !ago) {
		/* "2 weeks today", "a fortnight on saturday" */
		struct when_day base;
		int bl;
		/* "2 weeks" alone is a length, not a day; and years are an
		 * age ("mon fils de 8 ans vendredi"), never a count from */
		if (u->sense != WS_UNIT_DAYS || u->value > 14 || few ||
		    (bl = count_base(rd, k, &base)) == 0)
			return 0;
		return counted_from(rd, i, k + bl - i, base, (long)v * u->value,
				    "N days from a day");
	}
	n = k - i;
	if (few) {
		if (u->sense != WS_UNIT_DAYS || u->value != 1 || ago) {
			rd->unsure = 1; /* "in a few weeks": too vague */
			mark(rd, i, n);
			return n;
		}
		set_range(rd, today_plus(rd, 1), today_plus(rd, few));
		mark(rd, i, n);
		note_day(rd, i, n, "next few days");
		return n;
	}
	if (u->sense == WS_UNIT_DAYS) {
		long days = (long)v * u->value * (ago ? -1 : 1);
		if (days > 3660 || days < -3660 || (next && days < 1))
			return 0; /* "next 0 weeks" names no span */
		if (next) {
			set_range(rd, today_plus(rd, 1),
				  today_plus(rd, (int)days));
			note_day(rd, i, n, "next N days");
		} else {
			set_day(rd, today_plus(rd, (int)days), 1);
			note_day(rd, i, n, ago ? "N days ago" : "in N days");
			if (anchor) {
				/* "6 weeks later": from the day talked about,
				 * when there is one */
				rd->r->has_anchor = 1;
				rd->r->anchor_days = (int)days;
			}
		}
		mark(rd, i, n);
		rd->ctx_at = i + n;
		return n;
	}
	if (next)
		return 0;
	v *= u->value;
minutes:;
	n = k - i;
	if (v > 14 * DAY_MIN)
		return 0;
	int at = rd->now->minute + (ago ? -v : v);
	int days = at >= 0 ? at / DAY_MIN : -((-at + DAY_MIN - 1) / DAY_MIN);
	set_day(rd, today_plus(rd, days), days != 0);
	rd->kind = WHEN_TIME_AT;
	rd->at.min = at - days * DAY_MIN;
	rd->at.strong = 1;
	if (ago)
		rd->past = 1;
	mark(rd, i, n);
	note_day(rd, i, n, "in N minutes");
	note_time(rd, i, n, "in N minutes");
	return n;
}

/* "the day before", "the day after": counted from the day talked about. */
int wr_anchor(struct rd *rd, int i)
{
	const struct lex_hit *h = hit(rd, i, WS_ANCHOR);

	if (h == NULL || h->len < longest(rd, i))
		return 0;
	/* "the day after tomorrow", "the week after next": longer readings
	 * start inside or right after it */
	for (int k = i + 1; k < i + h->len; k++)
		if (longest(rd, k) > i + h->len - k)
			return 0;
	int e = i + h->len;
	if (has(rd, e, WS_NEXT) || has(rd, e, WS_AFTER_NEXT))
		return 0; /* "the week after next" */
	/* "the day before the 15th", "the day after christmas", "the week
	 * before my holiday on the 15th": the day counted from is said here
	 * (review r7 s146: the 15th itself was offered) */
	struct when_day d;
	int ctx = rd->ctx_at, m = day_aside(rd, e, 0, &d);
	if (m > 0 && h->value != 0)
		return from_said_day(rd, i, h->len + m, d, h->value);
	rd->ctx_at = ctx;
	if (m > 0 || has(rd, e, WS_REL_DAY) || has(rd, e, WS_WEEKDAY) ||
	    has(rd, e, WS_HOLIDAY) || tok(rd, e)->num >= 0)
		return 0; /* "that same day, the 15th" */
	rd->r->has_anchor = 1;
	rd->r->anchor_days = h->value;
	rd->unsure = 1; /* alone, no day we can place */
	mark(rd, i, h->len);
	note_day(rd, i, h->len, "counted from the day talked about");
	return h->len;
}

/*
 * The day a day expression at i names (a date, weekday, holiday, relative
 * day; the first or last day of a span such as "the weekend"), read aside:
 * returns the tokens used, 0 when none starts there.
 */
static int day_aside(struct rd *rd, int i, int last, struct when_day *d)
{
	struct rd probe = *rd;
	struct when_req saved = *rd->r;
	int n, at = skip(rd, i);

	probe.day_set = 0;
	probe.wday = -1;
	probe.range_set = 0;
	probe.date_amb = probe.bad_date = probe.past = 0;
	if ((n = wr_day(&probe, at)) == 0)
		n = wr_date(&probe, at);
	*rd->r = saved;
	if (n == 0 || probe.date_amb || probe.bad_date)
		return 0;
	if (probe.day_set)
		*d = probe.day;
	else if (probe.wday >= 0)
		*d = wr_weekday_day(rd, probe.wday, M_NONE);
	else if (probe.range_set)
		*d = last ? probe.rlast : probe.rfirst;
	else
		return 0;
	rd->ctx_at = probe.ctx_at;
	return n + at - i;
}

/*
 * "the week before christmas", "la semaine avant Noël", "la semana antes
 * del 15": the seven days before that day (from today when some have
 * passed), not every day from today (review r7 s115: 2-5 Dec offered).
 */
static int week_before(struct rd *rd, int i)
{
	const struct lex_hit *h;
	struct when_day a;
	int wk = week_word(rd, i), n;

	if (wk == 0 || (h = hit(rd, i + wk, WS_BEFORE)) == NULL ||
	    h->value == 2 || (n = day_aside(rd, i + wk + h->len, 0, &a)) == 0 ||
	    tok(rd, i + wk + h->len + n)->num >= 0)
		return 0;
	return from_said_day(rd, i, n + wk + h->len, a, -7);
}

/*
 * Days around a day: "before christmas" (from today to the day before),
 * "after the 20th" (the week after), "between christmas and new year".
 * "by friday" (WS_BEFORE value 1) includes the day; "till", "until"
 * (value 2) are for times only; so for WS_AFTER ("a partir de sexta"
 * value 1 from the day, "de", "das" value 2 times only).
 */
/*
 * "friday or saturday", "Tuesday or Wednesday evening": two weekdays next
 * to each other joined by a to-word are noted (has_either) for the desk to
 * offer across (review r10 s083, s232, s234 got "not sure which date").
 * Further apart nothing is noted: a day between is never offered.
 */
static int week_after_or(struct rd *rd, int i)
{
	struct when_day a, b;
	int n, m;

	/* "heute oder morgen", "aujourd'hui ou demain", "ajd ou dem1" too
	 * (reviews de AT c16.2, fr BA c10.1): a relative day, of one token
	 * or several, only right before its "or" (day_aside marks what it
	 * reads: "Montagmorgen" keeps its morning) */
	int k0 = skip(rd, i);
	const struct lex_hit *rel = hit(rd, k0, WS_REL_DAY);
	if (!has(rd, k0, WS_WEEKDAY) &&
	    (rel == NULL || hit(rd, k0 + rel->len, WS_TO) == NULL))
		return 0;
	if ((n = day_aside(rd, i, 0, &a)) == 0)
		return 0;
	const struct lex_hit *to = hit(rd, i + n, WS_TO);
	int k1 = to != NULL ? skip(rd, i + n + to->len) : 0;
	if (to == NULL ||
	    (!has(rd, k1, WS_WEEKDAY) && !has(rd, k1, WS_REL_DAY)) ||
	    (m = day_aside(rd, i + n + to->len, 1, &b)) == 0)
		return 0;
	if (when_day_cmp(&b, &a) < 0)
		b = when_day_add(b, 7);
	struct when_day next = when_day_add(a, 1);
	if (when_day_cmp(&next, &b) != 0)
		return 0;
	rd->r->has_either = 1;
	rd->r->either_first = a;
	rd->r->either_last = b;
	return 0; /* each day is read on: the doubt stays */
}

int wr_day_span(struct rd *rd, int i)
{
	const struct lex_hit *h;
	struct when_day a, b;
	int n, m;

	/* "nach Ostern": a span the pack says cannot be placed (asked) */
	for (int k = i; k <= i + 1 && k < rd->t->n; k++)
		if (has(rd, k, WS_UNPLACED))
			return 0;
	if ((h = hit(rd, i, WS_BETWEEN)) != NULL) {
		int k = i + h->len;
		if ((n = day_aside(rd, k, 0, &a)) == 0)
			return 0;
		const struct lex_hit *to = hit(rd, k + n, WS_TO);
		if (to == NULL ||
		    (m = day_aside(rd, k + n + to->len, 1, &b)) == 0)
			return 0;
		if (when_day_cmp(&a, &b) > 0 || when_day_diff(&a, &b) > 31)
			return 0;
		n = k + n + to->len + m - i;
		set_range(rd, a, b);
		mark(rd, i, n);
		note_day(rd, i, n, "between two days");
		return n;
	}
	if ((n = week_after_or(rd, i)) > 0)
		return n;
	if ((n = week_before(rd, i)) > 0)
		return n;
	/* "after 4 january 27": "after 4" is a time, the date follows */
	if ((h = hit(rd, i, WS_BEFORE)) != NULL && h->value != 2 &&
	    (n = day_aside(rd, i + h->len, 0, &a)) > 0 &&
	    tok(rd, i + h->len + n)->num < 0) {
		struct when_day last = h->value == 1 ? a : when_day_add(a, -1);
		n += h->len;
		mark(rd, i, n);
		if (when_day_cmp(&last, &rd->now->day) < 0) {
			rd->unsure = 1; /* "before today" */
			return n;
		}
		set_range(rd, rd->now->day, last);
		note_day(rd, i, n, "before a day");
		return n;
	}
	/* ... unless a longer phrase starts here ("après-demain" is a day);
	 * value 1 ("from", "à partir de", "a partir de sexta") starts on the
	 * day itself: "from next week" is that week, never the one after;
	 * "de", "das" (value 2) are for times only: "horario de sexta" is
	 * Friday's (review pt5 probe), never the week after it */
	if ((h = hit(rd, i, WS_AFTER)) != NULL && h->value != 2 &&
	    h->len >= longest(rd, i) &&
	    (n = day_aside(rd, i + h->len, h->value != 1, &a)) > 0 &&
	    tok(rd, i + h->len + n)->num < 0) {
		int from = h->value == 1 ? 0 : 1;
		n += h->len;
		set_range(rd, when_day_add(a, from), when_day_add(a, from + 6));
		mark(rd, i, n);
		note_day(rd, i, n, "after a day");
		return n;
	}
	return 0;
}
