/* desk: one inbound text → one decision and a reply with manners. */
#include "smsdesk/desk.h"

#include "smsdesk/gsm7.h"
#include "smsdesk/inquiry.h"
#include "smsdesk/when.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_GRID   128 /* slot starts considered on one day */
#define NEAREST	   3   /* alternatives offered around a requested time */
#define LIST_SLOTS 4   /* free slots listed when no time was given */

const char *desk_kind_name(enum desk_kind kind)
{
	switch (kind) {
	case DESK_SILENT:
		return "silent";
	case DESK_BOOKED:
		return "booked";
	case DESK_CLARIFY:
		return "clarify";
	case DESK_OFFER:
		return "offer";
	case DESK_REFER:
		return "refer";
	case DESK_PRICE:
		return "price";
	case DESK_AVAIL:
		return "avail";
	case DESK_CANCELLED:
		return "cancelled";
	case DESK_MOVED:
		return "moved";
	case DESK_BOOKINGS:
		return "bookings";
	case DESK_HELP:
		return "help";
	case DESK_OPTED_OUT:
		return "opted_out";
	case DESK_OPTED_IN:
		return "opted_in";
	case DESK_REFUSED:
		return "refused";
	case DESK_ACK:
		return "ack";
	case DESK_HOURS:
		return "hours";
	case DESK_NOT_UNDERSTOOD:
		return "not_understood";
	}
	return "?";
}

const char *desk_reason_name(enum desk_reason reason)
{
	switch (reason) {
	case DESK_REASON_NONE:
		return "none";
	case DESK_REASON_NOT_OFFERED:
		return "not_offered";
	case DESK_REASON_FULL:
		return "full";
	case DESK_REASON_CLOSED:
		return "closed";
	case DESK_REASON_OUTSIDE_HOURS:
		return "outside_hours";
	case DESK_REASON_SHORT_NOTICE:
		return "short_notice";
	case DESK_REASON_BEYOND_HORIZON:
		return "beyond_horizon";
	case DESK_REASON_PAST:
		return "past";
	case DESK_REASON_NEED_SERVICE:
		return "need_service";
	case DESK_REASON_NEED_DAY:
		return "need_day";
	case DESK_REASON_NEED_TIME:
		return "need_time";
	case DESK_REASON_NEED_WHICH:
		return "need_which";
	case DESK_REASON_NO_BOOKING:
		return "no_booking";
	case DESK_REASON_THANKS:
		return "thanks";
	case DESK_REASON_OPTED_OUT:
		return "opted_out";
	case DESK_REASON_LOOP_GUARD:
		return "loop_guard";
	case DESK_REASON_CANNOT_RECEIVE:
		return "cannot_receive";
	case DESK_REASON_AUTO_REPLY:
		return "auto_reply";
	}
	return "?";
}

int desk_can_reply(const char *sender)
{
	size_t digits = 0;

	if (sender == NULL)
		return 0;
	if (*sender == '+')
		sender++;
	for (; *sender != '\0'; sender++) {
		if (!isdigit((unsigned char)*sender))
			return 0; /* alphanumeric sender: nobody reads replies
				   */
		digits++;
	}
	/* Short codes are up to 6 digits; real numbers are longer. */
	return digits >= 7 && digits <= 15;
}

/* ---- the conversation's memory -------------------------------------------
 *
 * One pending question per sender, kept by the store as kind + state text.
 * The state is "key=value;" pairs so that an old row stays readable.
 */

struct pending {
	char kind[STORE_CONV_KIND_MAX]; /* "" none, "book", "offer", "which" */
	const struct cat_service *svc;
	int has_day;
	struct when_day day;
	enum when_time_kind tk;
	int from, to;
	int64_t opts[DESK_MAX_OPTIONS];
	size_t n_opts;
	char refs[DESK_MAX_OPTIONS][STORE_REF_MAX];
	size_t n_refs;
	char move[STORE_REF_MAX]; /* the booking being moved, "" if none */
	char action[8];		  /* "which": "cancel" or "move" */
};

static const char *state_get(const char *state, const char *key, char *val,
			     size_t cap)
{
	size_t klen = strlen(key);
	const char *p = state;

	while (p != NULL && *p != '\0') {
		if (strncmp(p, key, klen) == 0 && p[klen] == '=') {
			const char *v = p + klen + 1;
			size_t n = strcspn(v, ";");
			if (n >= cap)
				n = cap - 1;
			memcpy(val, v, n);
			val[n] = '\0';
			return val;
		}
		p = strchr(p, ';');
		if (p != NULL)
			p++;
	}
	val[0] = '\0';
	return NULL;
}

static void pending_load(const struct catalog *cat, const struct store_conv *c,
			 struct pending *p)
{
	char v[STORE_CONV_STATE_MAX];

	memset(p, 0, sizeof(*p));
	snprintf(p->kind, sizeof(p->kind), "%s", c->kind);
	if (state_get(c->state, "svc", v, sizeof(v)) != NULL)
		p->svc = catalog_service(cat, v);
	if (state_get(c->state, "day", v, sizeof(v)) != NULL) {
		int y, m, d;
		if (sscanf(v, "%d-%d-%d", &y, &m, &d) == 3 &&
		    when_day_make(y, m, d, &p->day) == 0)
			p->has_day = 1;
	}
	if (state_get(c->state, "time", v, sizeof(v)) != NULL) {
		int k, f, t;
		if (sscanf(v, "%d,%d,%d", &k, &f, &t) == 3 && k >= 0 &&
		    k <= 3) {
			p->tk = (enum when_time_kind)k;
			p->from = f;
			p->to = t;
		}
	}
	if (state_get(c->state, "opts", v, sizeof(v)) != NULL) {
		char *s = v, *end;
		while (*s != '\0' && p->n_opts < DESK_MAX_OPTIONS) {
			long long e = strtoll(s, &end, 10);
			if (end == s)
				break;
			p->opts[p->n_opts++] = e;
			s = *end == ',' ? end + 1 : end;
		}
	}
	if (state_get(c->state, "refs", v, sizeof(v)) != NULL) {
		char *s = v;
		while (*s != '\0' && p->n_refs < DESK_MAX_OPTIONS) {
			size_t n = strcspn(s, ",");
			if (n > 0 && n < STORE_REF_MAX) {
				memcpy(p->refs[p->n_refs], s, n);
				p->refs[p->n_refs++][n] = '\0';
			}
			s += n;
			if (*s == ',')
				s++;
		}
	}
	state_get(c->state, "move", p->move, sizeof(p->move));
	state_get(c->state, "action", p->action, sizeof(p->action));
}

static void state_add(char *buf, size_t cap, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void state_add(char *buf, size_t cap, const char *fmt, ...)
{
	size_t len = strlen(buf);
	va_list ap;

	if (len >= cap)
		return;
	va_start(ap, fmt);
	vsnprintf(buf + len, cap - len, fmt, ap);
	va_end(ap);
}

/* ---- one decision's context ---------------------------------------------- */

struct ctx {
	const struct catalog *cat;
	struct store *st;
	const char *sender;
	int64_t now;
	struct when_local lnow;
	struct desk_result *out;
	int err; /* first store failure */
	struct pending pend;
	int have_pend;
};

static int check(struct ctx *c, int rc)
{
	if (rc < 0 && c->err == 0)
		c->err = rc;
	return rc;
}

static int64_t epoch_of(const struct ctx *c, const struct when_day *d,
			int minute)
{
	time_t t = 0;
	when_epoch_of(c->cat->timezone, d, minute, &t);
	return (int64_t)t;
}

static struct when_local local_of(const struct ctx *c, int64_t t)
{
	struct when_local l;
	if (when_local_of(c->cat->timezone, (time_t)t, &l) != 0)
		memset(&l, 0, sizeof(l));
	return l;
}

/* "Thu 26 Mar 10:00" */
static void fmt_when(const struct ctx *c, int64_t t, char *out, size_t cap)
{
	struct when_local l = local_of(c, t);
	char day[24], hm[8];
	when_day_human(&l.day, day, sizeof(day));
	when_minute_hhmm(l.minute, hm, sizeof(hm));
	snprintf(out, cap, "%s %s", day, hm);
}

static void set_start(struct ctx *c, int64_t t)
{
	struct when_local l = local_of(c, t);
	char iso[11], hm[6];
	c->out->d.start = t;
	when_day_iso(&l.day, iso, sizeof(iso));
	when_minute_hhmm(l.minute, hm, sizeof(hm));
	snprintf(c->out->d.local, sizeof(c->out->d.local), "%s %s", iso, hm);
}

static void decide(struct ctx *c, enum desk_kind kind, enum desk_reason reason)
{
	c->out->d.kind = kind;
	c->out->d.reason = reason;
}

static void set_subject(struct ctx *c, const char *id)
{
	snprintf(c->out->d.subject, sizeof(c->out->d.subject), "%s",
		 id != NULL ? id : "");
}

/* ---- replies that fit ------------------------------------------------------
 *
 * A reply is a head, up to two optional lists and a foot. When the whole does
 * not fit max_segments, items are dropped from the end of the longer list
 * first (keeping at least one of each while possible); only when no list is
 * left are whole words dropped from the end, never part of one.
 */

struct list {
	const char *intro; /* "Free: ", "Try " */
	const char *items[12];
	size_t n;
	const char *sep; /* between items */
	int numbered;	 /* "1) " before each item */
	const char *end; /* after the items: "." or "Reply 1-%d to book." */
};

static int segments_of(const char *text)
{
	struct sms_plan plan;
	if (sms_plan(text, &plan) != GSM7_OK)
		return SMS_MAX_SEGMENTS + 1;
	return plan.segments;
}

static void render(char *out, size_t cap, const char *head,
		   const struct list *a, size_t ka, const struct list *b,
		   size_t kb, const char *foot)
{
	const struct list *ls[2] = {a, b};
	size_t ks[2] = {ka, kb};

	snprintf(out, cap, "%s", head);
	for (int g = 0; g < 2; g++) {
		if (ls[g] == NULL || ks[g] == 0)
			continue;
		if (ls[g]->intro[0] != '\0')
			state_add(out, cap, " %s", ls[g]->intro);
		state_add(out, cap, " ");
		for (size_t i = 0; i < ks[g]; i++) {
			if (i > 0)
				state_add(out, cap, "%s", ls[g]->sep);
			if (ls[g]->numbered)
				state_add(out, cap, "%zu) ", i + 1);
			state_add(out, cap, "%s", ls[g]->items[i]);
		}
		if (ls[g]->end != NULL && strstr(ls[g]->end, "%d") != NULL) {
			char tail[64];
			if (ks[g] == 1)
				snprintf(tail, sizeof(tail),
					 " Reply 1 to book.");
			else
				snprintf(tail, sizeof(tail), ls[g]->end,
					 (int)ks[g]);
			state_add(out, cap, "%s", tail);
		} else if (ls[g]->end != NULL) {
			state_add(out, cap, "%s", ls[g]->end);
		}
	}
	if (foot != NULL && foot[0] != '\0')
		state_add(out, cap, " %s", foot);
}

/* Drop whole words from the end until it fits, and say it was cut. */
static void trim_words(char *text, int max)
{
	size_t len = strlen(text);
	while (segments_of(text) > max && len > 0) {
		char *sp = strrchr(text, ' ');
		if (sp == NULL) {
			text[0] = '\0';
			break;
		}
		strcpy(sp, "...");
		len = strlen(text);
		if (segments_of(text) <= max)
			break;
		*sp = '\0';
	}
}

/* Compose and queue one reply; *ka / *kb say how many items were kept. */
static void reply_lists(struct ctx *c, int max, const char *head,
			const struct list *a, size_t *ka, const struct list *b,
			size_t *kb, const char *foot)
{
	struct desk_result *o = c->out;
	size_t na = a != NULL ? a->n : 0, nb = b != NULL ? b->n : 0;
	char *text;

	if (o->n_replies >= DESK_MAX_REPLIES)
		return;
	text = o->replies[o->n_replies];
	for (;;) {
		render(text, DESK_REPLY_MAX, head, a, na, b, nb, foot);
		if (segments_of(text) <= max)
			break;
		if (na > nb && na > 1)
			na--;
		else if (nb > 1)
			nb--;
		else if (na > 0)
			na--;
		else if (nb > 0)
			nb--;
		else {
			trim_words(text, max);
			break;
		}
	}
	if (ka != NULL)
		*ka = na;
	if (kb != NULL)
		*kb = nb;
	int seg = segments_of(text);
	if (seg > o->d.segments)
		o->d.segments = seg;
	o->n_replies++;
}

static void reply(struct ctx *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void reply(struct ctx *c, const char *fmt, ...)
{
	char text[DESK_REPLY_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	reply_lists(c, c->cat->policy.max_segments, text, NULL, NULL, NULL,
		    NULL, NULL);
}

/* A reply signed with our name when the name still fits. */
static void reply_signed(struct ctx *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void reply_signed(struct ctx *c, const char *fmt, ...)
{
	char text[DESK_REPLY_MAX];
	struct list sign = {.intro = "", .sep = "", .end = ""};
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	sign.items[0] =
	    c->cat->business_name != NULL ? c->cat->business_name : "";
	sign.n = sign.items[0][0] != '\0';
	reply_lists(c, c->cat->policy.max_segments, text, NULL, NULL, &sign,
		    NULL, NULL);
}

/* ---- catalog words in replies -------------------------------------------- */

/* "Mon-Fri 09:00-18:00, Sat 09:00-13:00" */
static void fmt_hours(const struct catalog *cat, char *out, size_t cap)
{
	static const char *const names[7] = {"Mon", "Tue", "Wed", "Thu",
					     "Fri", "Sat", "Sun"};
	out[0] = '\0';
	for (size_t i = 0; i < cat->n_hours; i++) {
		const struct cat_hours *h = &cat->hours[i];
		char days[64] = "", o[8], cl[8];
		int d = 0;
		while (d < 7) {
			if (!(h->days & (1u << d))) {
				d++;
				continue;
			}
			int e = d;
			while (e + 1 < 7 && (h->days & (1u << (e + 1))))
				e++;
			state_add(days, sizeof(days), "%s%s",
				  days[0] ? "," : "", names[d]);
			if (e > d)
				state_add(days, sizeof(days), "-%s", names[e]);
			d = e + 1;
		}
		when_minute_hhmm(h->open_min, o, sizeof(o));
		when_minute_hhmm(h->close_min, cl, sizeof(cl));
		if (h->close_min == 24 * 60)
			snprintf(cl, sizeof(cl), "24:00");
		state_add(out, cap, "%s%s %s-%s", out[0] ? ", " : "", days, o,
			  cl);
	}
}

/* The day's hours: "09:00-18:00" (or "closed"). */
static void fmt_day_hours(const struct ctx *c, const struct when_day *d,
			  char *out, size_t cap)
{
	int open[8], close[8];
	size_t n = when_hours_of(c->cat, d, open, close, 8);
	out[0] = '\0';
	if (n == 0) {
		snprintf(out, cap, "closed");
		return;
	}
	for (size_t i = 0; i < n; i++) {
		char a[8], b[8];
		when_minute_hhmm(open[i], a, sizeof(a));
		when_minute_hhmm(close[i], b, sizeof(b));
		if (close[i] == 24 * 60)
			snprintf(b, sizeof(b), "24:00");
		state_add(out, cap, "%s%s-%s", i ? ", " : "", a, b);
	}
}

/* ---- slots ----------------------------------------------------------------
 */

/* Is there a place left for svc at t (ignoring the booking being moved)? */
static int has_place(struct ctx *c, const struct cat_service *svc, int64_t t,
		     const struct store_booking *moving)
{
	int64_t n = 0;
	int64_t end = t + (int64_t)svc->minutes * 60;
	if (check(c, store_booking_count(c->st, svc->id, t, end, &n)) < 0)
		return 0;
	if (moving != NULL && strcmp(moving->service, svc->id) == 0 &&
	    moving->start < end &&
	    moving->start + (int64_t)moving->minutes * 60 > t)
		n--;
	return n < svc->capacity;
}

static int64_t earliest_start(const struct ctx *c,
			      const struct cat_service *svc)
{
	return c->now + (int64_t)svc->notice_minutes * 60;
}

/*
 * Free slots of svc on day with start minute in [from, to), not before
 * notice allows: epochs into out (at most cap), returns the count found.
 */
static size_t free_slots(struct ctx *c, const struct cat_service *svc,
			 const struct when_day *day, int from, int to,
			 const struct store_booking *moving, int64_t *out,
			 size_t cap)
{
	int grid[MAX_GRID];
	size_t ng = when_slots_of(c->cat, day, svc->minutes, grid, MAX_GRID);
	size_t n = 0;
	int64_t early = earliest_start(c, svc);

	if (ng > MAX_GRID)
		ng = MAX_GRID;
	for (size_t i = 0; i < ng && n < cap; i++) {
		if (grid[i] < from || grid[i] >= to)
			continue;
		int64_t t = epoch_of(c, day, grid[i]);
		if (t < early)
			continue;
		if (has_place(c, svc, t, moving))
			out[n++] = t;
		if (c->err)
			break;
	}
	return n;
}

/* The free slots of the day nearest to minute `near`, in time order. */
static size_t nearest_slots(struct ctx *c, const struct cat_service *svc,
			    const struct when_day *day, int near,
			    const struct store_booking *moving, int64_t *out,
			    size_t want)
{
	int64_t all[MAX_GRID];
	size_t n = free_slots(c, svc, day, 0, 24 * 60, moving, all, MAX_GRID);
	int64_t target = epoch_of(c, day, near);
	size_t k = 0;

	while (k < want && n > 0) {
		size_t best = 0;
		for (size_t i = 1; i < n; i++) {
			int64_t di = llabs((long long)(all[i] - target));
			int64_t db = llabs((long long)(all[best] - target));
			if (di < db || (di == db && all[i] < all[best]))
				best = i; /* ties: the earlier slot */
		}
		out[k++] = all[best];
		all[best] = all[--n];
	}
	for (size_t i = 1; i < k; i++) {
		int64_t v = out[i];
		size_t j = i;
		while (j > 0 && out[j - 1] > v) {
			out[j] = out[j - 1];
			j--;
		}
		out[j] = v;
	}
	return k;
}

/* First free slots from day `from` on, within the booking horizon. */
static size_t next_free(struct ctx *c, const struct cat_service *svc,
			struct when_day from,
			const struct store_booking *moving, int64_t *out,
			size_t want)
{
	size_t n = 0;
	int horizon = c->cat->policy.booking_horizon_days;

	if (when_day_cmp(&from, &c->lnow.day) < 0)
		from = c->lnow.day;
	for (struct when_day d = from;
	     n < want && when_day_diff(&c->lnow.day, &d) <= horizon;
	     d = when_day_add(d, 1)) {
		n += free_slots(c, svc, &d, 0, 24 * 60, moving, out + n,
				want - n);
		if (c->err)
			break;
	}
	return n;
}

/* ---- referrals ------------------------------------------------------------
 */

struct named {
	const struct cat_referral *r[DESK_MAX_NAMED];
	char text[DESK_MAX_NAMED][192];
	size_t n;
};

/*
 * The providers that cover id, fairly rotated (least recently named first),
 * at most referrals_per_reply of them.
 */
static void pick_referrals(struct ctx *c, const char *id, struct named *nm)
{
	size_t idx[64], order[64];
	const char *names[64];
	size_t total = catalog_referrals_for(c->cat, id, idx, 64);
	size_t n = total < 64 ? total : 64;
	size_t want = (size_t)c->cat->policy.referrals_per_reply;

	nm->n = 0;
	if (n == 0)
		return;
	for (size_t i = 0; i < n; i++) {
		names[i] = c->cat->referrals[idx[i]].name;
		order[i] = i;
	}
	if (check(c, store_referral_rank(c->st, names, n, order)) < 0)
		return;
	if (want > DESK_MAX_NAMED)
		want = DESK_MAX_NAMED;
	for (size_t i = 0; i < n && nm->n < want; i++) {
		const struct cat_referral *r =
		    &c->cat->referrals[idx[order[i]]];
		nm->r[nm->n] = r;
		if (r->note != NULL && r->note[0] != '\0')
			snprintf(nm->text[nm->n], sizeof(nm->text[0]),
				 "%s %s (%s)", r->name, r->phone, r->note);
		else
			snprintf(nm->text[nm->n], sizeof(nm->text[0]), "%s %s",
				 r->name, r->phone);
		nm->n++;
	}
}

static enum store_reason ledger_reason(enum desk_reason r)
{
	switch (r) {
	case DESK_REASON_NOT_OFFERED:
		return STORE_REASON_NOT_OFFERED;
	case DESK_REASON_FULL:
		return STORE_REASON_FULL;
	case DESK_REASON_CLOSED:
		return STORE_REASON_CLOSED;
	case DESK_REASON_OUTSIDE_HOURS:
		return STORE_REASON_OUTSIDE_HOURS;
	case DESK_REASON_SHORT_NOTICE:
		return STORE_REASON_SHORT_NOTICE;
	case DESK_REASON_BEYOND_HORIZON:
		return STORE_REASON_BEYOND_HORIZON;
	case DESK_REASON_NONE:
	case DESK_REASON_PAST:
	case DESK_REASON_NEED_SERVICE:
	case DESK_REASON_NEED_DAY:
	case DESK_REASON_NEED_TIME:
	case DESK_REASON_NEED_WHICH:
	case DESK_REASON_NO_BOOKING:
	case DESK_REASON_THANKS:
	case DESK_REASON_OPTED_OUT:
	case DESK_REASON_LOOP_GUARD:
	case DESK_REASON_CANNOT_RECEIVE:
	case DESK_REASON_AUTO_REPLY:
		return STORE_REASON_OTHER;
	}
	return STORE_REASON_OTHER;
}

/* Remember a "no" and whom it named (Manners 5). */
static void record_no(struct ctx *c, const char *requested,
		      enum desk_reason why, const struct named *nm, size_t kept)
{
	const char *names[DESK_MAX_NAMED];
	for (size_t i = 0; i < kept; i++) {
		names[i] = nm->r[i]->name;
		c->out->d.named[i] = nm->r[i]->name;
	}
	c->out->d.n_named = kept;
	check(c,
	      store_ledger_add(c->st, c->sender, requested, ledger_reason(why),
			       names, kept, c->now, NULL));
}

/* ---- conversation writes --------------------------------------------------
 */

static void conv_save(struct ctx *c, const char *kind, const char *state)
{
	int64_t exp =
	    c->now + (int64_t)c->cat->policy.conversation_minutes * 60;
	check(c, store_conv_set(c->st, c->sender, kind, state, exp, c->now));
}

static void conv_clear(struct ctx *c)
{
	int rc = store_conv_clear(c->st, c->sender);
	if (rc != STORE_ERR_NOT_FOUND)
		check(c, rc);
}

/* Remember the numbered slots just offered, so "2" books the second. */
static void remember_offer(struct ctx *c, const struct cat_service *svc,
			   const int64_t *opts, size_t n, const char *move,
			   const struct when_day *day)
{
	char state[STORE_CONV_STATE_MAX] = "";

	state_add(state, sizeof(state), "svc=%s;opts=", svc->id);
	for (size_t i = 0; i < n && i < DESK_MAX_OPTIONS; i++) {
		state_add(state, sizeof(state), "%s%lld", i ? "," : "",
			  (long long)opts[i]);
		c->out->d.options[i] = opts[i];
	}
	c->out->d.n_options = n < DESK_MAX_OPTIONS ? n : DESK_MAX_OPTIONS;
	state_add(state, sizeof(state), ";");
	if (day != NULL) {
		char iso[16];
		when_day_iso(day, iso, sizeof(iso));
		state_add(state, sizeof(state), "day=%s;", iso);
	}
	if (move != NULL && move[0] != '\0')
		state_add(state, sizeof(state), "move=%s;", move);
	if (n > 0)
		conv_save(c, "offer", state);
	else
		conv_clear(c);
}

/* Remember what we know while asking for the rest. */
static void remember_request(struct ctx *c, const struct cat_service *svc,
			     const struct when_req *w, const char *move)
{
	char state[STORE_CONV_STATE_MAX] = "";

	if (svc != NULL)
		state_add(state, sizeof(state), "svc=%s;", svc->id);
	if (w->has_day) {
		char iso[16];
		when_day_iso(&w->day, iso, sizeof(iso));
		state_add(state, sizeof(state), "day=%s;", iso);
	}
	if (w->time != WHEN_TIME_NONE && w->problem == WHEN_FINE)
		state_add(state, sizeof(state), "time=%d,%d,%d;", (int)w->time,
			  w->from_min, w->to_min);
	if (move != NULL && move[0] != '\0')
		state_add(state, sizeof(state), "move=%s;", move);
	conv_save(c, "book", state);
}

/* ---- saying yes -----------------------------------------------------------
 */

static void slot_items(struct ctx *c, const int64_t *opts, size_t n,
		       int with_day, char items[][32], struct list *l)
{
	for (size_t i = 0; i < n && i < 12; i++) {
		if (with_day) {
			fmt_when(c, opts[i], items[i], 32);
		} else {
			struct when_local lt = local_of(c, opts[i]);
			when_minute_hhmm(lt.minute, items[i], 32);
		}
		l->items[i] = items[i];
	}
	l->n = n < 12 ? n : 12;
	l->sep = " ";
	l->numbered = 1;
	l->end = ". Reply 1-%d to book.";
}

/* Offer numbered slots (no referral): "Free: 1) 10:30 2) 11:00 ..." */
static void offer_slots(struct ctx *c, const struct cat_service *svc,
			const char *head, const int64_t *opts, size_t n,
			int with_day, const char *move,
			const struct when_day *day)
{
	char items[12][32];
	struct list l = {.intro = "Free:"};
	size_t kept = 0;

	slot_items(c, opts, n, with_day, items, &l);
	reply_lists(c, c->cat->policy.max_segments, head, &l, &kept, NULL, NULL,
		    NULL);
	remember_offer(c, svc, opts, kept, move, day);
}

/* "60 min", "2 hours", "24 hours" */
static void fmt_notice(int minutes, char *out, size_t cap)
{
	if (minutes >= 120 && minutes % 60 == 0)
		snprintf(out, cap, "%d hours", minutes / 60);
	else
		snprintf(out, cap, "%d min", minutes);
}

static const char *biz(const struct ctx *c)
{
	return c->cat->business_name != NULL ? c->cat->business_name : "";
}

/* Book (or move into) svc at t; the promise states everything (Manners 3). */
static int book_at(struct ctx *c, const struct cat_service *svc, int64_t t,
		   const struct store_booking *moving)
{
	char ref[STORE_REF_MAX] = "", when[32];
	int rc;

	if (moving != NULL) {
		rc = store_booking_cancel(c->st, moving->ref, c->sender, c->now,
					  NULL);
		if (check(c, rc) < 0)
			return rc;
	}
	rc = store_booking_create(c->st, svc->id, t, svc->minutes,
				  svc->capacity, c->sender, c->now, ref, NULL);
	if (rc == STORE_ERR_FULL)
		return rc;
	if (check(c, rc) < 0)
		return rc;
	fmt_when(c, t, when, sizeof(when));
	set_subject(c, svc->id);
	set_start(c, t);
	snprintf(c->out->d.ref, sizeof(c->out->d.ref), "%s", ref);
	/* The promise first; our name only if it still fits. */
	char text[512];
	struct list sign = {.intro = "", .sep = "", .end = ""};
	sign.items[0] = biz(c);
	sign.n = biz(c)[0] != '\0';
	if (moving != NULL) {
		decide(c, DESK_MOVED, DESK_REASON_NONE);
		snprintf(text, sizeof(text),
			 "Moved: %s is now %s, %s. New ref %s (%s is "
			 "cancelled). To cancel text CANCEL %s.",
			 svc->name, when, svc->price, ref, moving->ref, ref);
	} else {
		decide(c, DESK_BOOKED, DESK_REASON_NONE);
		snprintf(text, sizeof(text),
			 "Booked: %s, %s, %s. Ref %s. To cancel text CANCEL "
			 "%s.",
			 svc->name, when, svc->price, ref, ref);
	}
	reply_lists(c, c->cat->policy.max_segments, text, NULL, NULL, &sign,
		    NULL, NULL);
	conv_clear(c);
	return 0;
}

/* ---- saying no ------------------------------------------------------------
 */

/*
 * An honest no: what we cannot do, who can (only providers covering exactly
 * this request), and where useful our own nearest free slots.
 */
static void say_no(struct ctx *c, const char *requested, const char *head,
		   enum desk_reason why, const struct cat_service *svc,
		   const int64_t *opts, size_t n_opts, const char *move)
{
	struct named nm;
	struct list refl = {.intro = "Try", .sep = ", ", .end = "."};
	char items[12][32];
	struct list slots = {.intro = "Our next free:"};
	size_t ka = 0, kb = 0;

	pick_referrals(c, requested, &nm);
	for (size_t i = 0; i < nm.n; i++)
		refl.items[i] = nm.text[i];
	refl.n = nm.n;
	if (svc != NULL && n_opts > 0)
		slot_items(c, opts, n_opts, 1, items, &slots);
	decide(c, DESK_REFER, why);
	set_subject(c, requested);
	if (nm.n == 0 && slots.n == 0 && svc != NULL) {
		char text[512];
		snprintf(text, sizeof(text),
			 "%s No one we know can fit it in "
			 "either, sorry.",
			 head);
		reply_lists(c, c->cat->policy.max_segments, text, NULL, NULL,
			    NULL, NULL, NULL);
	} else {
		reply_lists(c, c->cat->policy.max_segments, head, &slots, &ka,
			    &refl, &kb, NULL);
	}
	record_no(c, requested, why, &nm, kb);
	if (svc != NULL)
		remember_offer(c, svc, opts, ka, move, NULL);
	else
		conv_clear(c);
}

/* Not something we do: a topic, or a word we do not know. */
static void say_not_offered(struct ctx *c, const struct cat_topic *topic)
{
	struct named nm;
	struct list refl = {.intro = "Try", .sep = ", ", .end = "."};
	struct list ours = {.intro = "We do:", .sep = ", ", .end = "."};
	size_t ka = 0, kb = 0;
	char head[256];
	const char *id = topic != NULL ? topic->id : "";

	decide(c, DESK_REFER, DESK_REASON_NOT_OFFERED);
	set_subject(c, id);
	if (topic != NULL)
		snprintf(head, sizeof(head), "Sorry, we don't do %s.",
			 topic->name);
	else
		snprintf(head, sizeof(head), "Sorry, we don't offer that.");
	nm.n = 0;
	if (topic != NULL)
		pick_referrals(c, id, &nm);
	for (size_t i = 0; i < nm.n; i++)
		refl.items[i] = nm.text[i];
	refl.n = nm.n;
	if (nm.n == 0) {
		for (size_t i = 0; i < c->cat->n_services && i < 12; i++)
			ours.items[ours.n++] = c->cat->services[i].name;
		reply_lists(c, c->cat->policy.max_segments, head, &ours, &ka,
			    NULL, NULL, NULL);
	} else {
		reply_lists(c, c->cat->policy.max_segments, head, &refl, &kb,
			    NULL, NULL, NULL);
	}
	record_no(c, id, DESK_REASON_NOT_OFFERED, &nm, kb);
	conv_clear(c);
}

/* ---- the booking request --------------------------------------------------
 */

struct request {
	const struct cat_service *svc;
	struct when_req w;
	int offered; /* a slot we offered: its notice was checked then */
	struct store_booking moving; /* valid when move[0] */
	char move[STORE_REF_MAX];
};

static void ask_service(struct ctx *c, const struct request *rq)
{
	struct list l = {.intro = "We do:",
			 .sep = " ",
			 .numbered = 1,
			 .end = ". Reply with a number."};
	for (size_t i = 0; i < c->cat->n_services && i < 12; i++)
		l.items[l.n++] = c->cat->services[i].name;
	decide(c, DESK_CLARIFY, DESK_REASON_NEED_SERVICE);
	reply_lists(c, c->cat->policy.max_segments,
		    "Which service would you like?", &l, NULL, NULL, NULL,
		    NULL);
	remember_request(c, NULL, &rq->w, rq->move);
}

static void ask_day(struct ctx *c, const struct request *rq, const char *why)
{
	char hours[160];
	fmt_hours(c->cat, hours, sizeof(hours));
	decide(c, DESK_CLARIFY, DESK_REASON_NEED_DAY);
	set_subject(c, rq->svc->id);
	reply(c, "%s%sWhich day suits you for %s? We're open %s.", why,
	      why[0] ? " " : "", rq->svc->name, hours);
	struct when_req w = rq->w;
	w.has_day = 0;
	remember_request(c, rq->svc, &w, rq->move);
}

static void ask_time(struct ctx *c, const struct request *rq)
{
	char day[24], hours[64];
	when_day_human(&rq->w.day, day, sizeof(day));
	fmt_day_hours(c, &rq->w.day, hours, sizeof(hours));
	decide(c, DESK_CLARIFY, DESK_REASON_NEED_TIME);
	set_subject(c, rq->svc->id);
	if (rq->w.alt_min[0] >= 0 && rq->w.problem == WHEN_AMBIGUOUS_TIME) {
		char a[8], b[8];
		when_minute_hhmm(rq->w.alt_min[0], a, sizeof(a));
		when_minute_hhmm(rq->w.alt_min[1], b, sizeof(b));
		reply(c, "What time on %s: %s or %s? We're open %s.", day, a, b,
		      hours);
	} else {
		reply(c, "What time on %s? We're open %s.", day, hours);
	}
	struct when_req w = rq->w;
	w.time = WHEN_TIME_NONE;
	remember_request(c, rq->svc, &w, rq->move);
}

/* Nothing that day: the honest no, with the next free slots. */
static void day_is_gone(struct ctx *c, const struct request *rq,
			enum desk_reason why)
{
	char head[256], day[24], notice[24];
	int64_t opts[NEAREST];
	const struct store_booking *mv = rq->move[0] ? &rq->moving : NULL;
	size_t n = next_free(c, rq->svc, when_day_add(rq->w.day, 1), mv, opts,
			     NEAREST);

	when_day_human(&rq->w.day, day, sizeof(day));
	/* why is one of the four ways a day can be gone; anything else is
	 * said as "fully booked". */
	if (why == DESK_REASON_CLOSED) {
		snprintf(head, sizeof(head), "Sorry, we're closed on %s.", day);
	} else if (why == DESK_REASON_SHORT_NOTICE) {
		fmt_notice(rq->svc->notice_minutes, notice, sizeof(notice));
		snprintf(head, sizeof(head),
			 "Sorry, %s needs %s notice, so nothing is left on %s.",
			 rq->svc->name, notice, day);
	} else if (why == DESK_REASON_BEYOND_HORIZON) {
		snprintf(head, sizeof(head),
			 "Sorry, we take bookings only up to %d days ahead.",
			 c->cat->policy.booking_horizon_days);
		n = 0;
	} else {
		snprintf(head, sizeof(head), "Sorry, %s is fully booked on %s.",
			 rq->svc->name, day);
	}
	say_no(c, rq->svc->id, head, why, rq->svc, opts, n, rq->move);
}

/* Why nothing is free on the day: notice, or bookings. */
static enum desk_reason why_none(struct ctx *c, const struct request *rq)
{
	int grid[MAX_GRID];
	size_t ng =
	    when_slots_of(c->cat, &rq->w.day, rq->svc->minutes, grid, MAX_GRID);
	int64_t early = earliest_start(c, rq->svc);
	if (ng > MAX_GRID)
		ng = MAX_GRID;
	for (size_t i = 0; i < ng; i++)
		if (epoch_of(c, &rq->w.day, grid[i]) >= early)
			return DESK_REASON_FULL;
	return DESK_REASON_SHORT_NOTICE;
}

static void offer_day(struct ctx *c, const struct request *rq, const char *head,
		      int from, int to, int near, enum desk_reason reason)
{
	int64_t opts[MAX_GRID];
	const struct store_booking *mv = rq->move[0] ? &rq->moving : NULL;
	size_t n;

	if (near >= 0)
		n = nearest_slots(c, rq->svc, &rq->w.day, near, mv, opts,
				  NEAREST);
	else
		n = free_slots(c, rq->svc, &rq->w.day, from, to, mv, opts,
			       LIST_SLOTS);
	if (c->err)
		return;
	if (n == 0) {
		day_is_gone(c, rq, why_none(c, rq));
		return;
	}
	decide(c, DESK_OFFER, reason);
	set_subject(c, rq->svc->id);
	offer_slots(c, rq->svc, head, opts, n, 0, rq->move, &rq->w.day);
}

static void book_request(struct ctx *c, struct request *rq)
{
	struct when_req *w = &rq->w;
	const struct cat_service *svc = rq->svc;
	const struct store_booking *mv = rq->move[0] ? &rq->moving : NULL;
	char day[24], head[256];

	set_subject(c, svc->id);
	if (w->problem == WHEN_AMBIGUOUS_DATE || w->problem == WHEN_BAD_DATE) {
		ask_day(c, rq,
			w->problem == WHEN_BAD_DATE
			    ? "Sorry, I couldn't find that date."
			    : "Sorry, I'm not sure which date you mean.");
		return;
	}
	if (!w->has_day) {
		if (w->time == WHEN_TIME_ASAP) {
			int64_t opts[NEAREST];
			size_t n =
			    next_free(c, svc, c->lnow.day, mv, opts, NEAREST);
			if (c->err)
				return;
			if (n == 0) {
				w->day = c->lnow.day;
				w->has_day = 1;
				day_is_gone(c, rq, DESK_REASON_FULL);
				return;
			}
			decide(c, DESK_OFFER, DESK_REASON_NONE);
			snprintf(head, sizeof(head), "Earliest for %s.",
				 svc->name);
			offer_slots(c, svc, head, opts, n, 1, rq->move, NULL);
			return;
		}
		/* A time but no day: today if it is still ahead, else ask. */
		if (w->time != WHEN_TIME_NONE &&
		    (w->problem == WHEN_AMBIGUOUS_TIME ||
		     w->to_min > c->lnow.minute)) {
			w->day = c->lnow.day;
			w->has_day = 1;
			if (w->problem == WHEN_PAST)
				w->problem = WHEN_FINE;
		} else {
			ask_day(c, rq, "");
			return;
		}
	}
	when_day_human(&w->day, day, sizeof(day));
	if (when_day_cmp(&w->day, &c->lnow.day) < 0) {
		ask_day(c, rq, "Sorry, that date has passed.");
		return;
	}
	if (when_day_diff(&c->lnow.day, &w->day) >
	    c->cat->policy.booking_horizon_days) {
		day_is_gone(c, rq, DESK_REASON_BEYOND_HORIZON);
		return;
	}
	int open[8], close[8];
	if (when_hours_of(c->cat, &w->day, open, close, 8) == 0) {
		day_is_gone(c, rq, DESK_REASON_CLOSED);
		return;
	}
	switch (w->time) {
	case WHEN_TIME_NONE:
		snprintf(head, sizeof(head), "%s on %s?", svc->name, day);
		offer_day(c, rq, head, 0, 24 * 60, -1, DESK_REASON_NEED_TIME);
		return;
	case WHEN_TIME_ASAP:
		snprintf(head, sizeof(head), "Earliest %s on %s:", svc->name,
			 day);
		offer_day(c, rq, head, 0, 24 * 60, -1, DESK_REASON_NONE);
		return;
	case WHEN_TIME_WINDOW: {
		int64_t opts[LIST_SLOTS];
		size_t n = free_slots(c, svc, &w->day, w->from_min, w->to_min,
				      mv, opts, LIST_SLOTS);
		if (c->err)
			return;
		if (n > 0) {
			decide(c, DESK_OFFER, DESK_REASON_NONE);
			snprintf(head, sizeof(head), "%s on %s.", svc->name,
				 day);
			offer_slots(c, svc, head, opts, n, 0, rq->move,
				    &w->day);
			return;
		}
		snprintf(head, sizeof(head),
			 "Sorry, nothing free for %s then on %s.", svc->name,
			 day);
		offer_day(c, rq, head, 0, 24 * 60,
			  (w->from_min + w->to_min) / 2, DESK_REASON_FULL);
		return;
	}
	case WHEN_TIME_AT:
		break;
	}
	if (w->problem == WHEN_AMBIGUOUS_TIME) {
		ask_time(c, rq);
		return;
	}
	int m = w->from_min;
	char hm[8];
	when_minute_hhmm(m, hm, sizeof(hm));
	int64_t t = epoch_of(c, &w->day, m);
	set_start(c, t);
	if (!when_is_slot(c->cat, &w->day, svc->minutes, m)) {
		int inside = 0;
		size_t np = when_hours_of(c->cat, &w->day, open, close, 8);
		for (size_t i = 0; i < np; i++)
			inside |= m >= open[i] && m + svc->minutes <= close[i];
		char hours[64];
		fmt_day_hours(c, &w->day, hours, sizeof(hours));
		if (inside)
			snprintf(head, sizeof(head),
				 "%s starts on the %d-minute mark; nearest to "
				 "%s on %s.",
				 svc->name, svc->minutes, hm, day);
		else
			snprintf(head, sizeof(head),
				 "Sorry, on %s we're open %s.", day, hours);
		offer_day(c, rq, head, 0, 24 * 60, m,
			  inside ? DESK_REASON_NEED_TIME
				 : DESK_REASON_OUTSIDE_HOURS);
		return;
	}
	if (t < c->now) {
		snprintf(head, sizeof(head), "Sorry, %s today has passed.", hm);
		offer_day(c, rq, head, 0, 24 * 60, m, DESK_REASON_PAST);
		return;
	}
	if (t < earliest_start(c, svc) && !rq->offered) {
		char notice[24];
		fmt_notice(svc->notice_minutes, notice, sizeof(notice));
		snprintf(head, sizeof(head),
			 "Sorry, %s needs %s notice, so %s is too soon.",
			 svc->name, notice, hm);
		offer_day(c, rq, head, 0, 24 * 60, m, DESK_REASON_SHORT_NOTICE);
		if (c->out->d.kind == DESK_OFFER)
			c->out->d.reason = DESK_REASON_SHORT_NOTICE;
		return;
	}
	if (has_place(c, svc, t, mv)) {
		int rc = book_at(c, svc, t, mv);
		if (rc != STORE_ERR_FULL)
			return;
	}
	if (c->err)
		return;
	snprintf(head, sizeof(head), "Sorry, %s %s is taken.", day, hm);
	offer_day(c, rq, head, 0, 24 * 60, m, DESK_REASON_FULL);
	if (c->out->d.kind == DESK_OFFER)
		c->out->d.reason = DESK_REASON_FULL;
}

/* ---- intents --------------------------------------------------------------
 */

static const struct cat_service *first_service(const struct ctx *c,
					       const struct inquiry *q)
{
	for (size_t i = 0; i < q->n_matches; i++)
		if (q->matches[i].kind == CAT_SERVICE)
			return &c->cat->services[q->matches[i].idx];
	return NULL;
}

static const struct cat_topic *first_topic(const struct ctx *c,
					   const struct inquiry *q)
{
	for (size_t i = 0; i < q->n_matches; i++)
		if (q->matches[i].kind == CAT_TOPIC)
			return &c->cat->topics[q->matches[i].idx];
	return NULL;
}

/* Fill in what this message leaves out from the pending question. */
static void merge_pending(const struct ctx *c, struct request *rq)
{
	const struct pending *p = &c->pend;
	if (!c->have_pend)
		return;
	if (strcmp(p->kind, "book") != 0 && strcmp(p->kind, "offer") != 0)
		return;
	if (rq->svc == NULL)
		rq->svc = p->svc;
	if (!rq->w.has_day && p->has_day && rq->w.time != WHEN_TIME_ASAP) {
		rq->w.has_day = 1;
		rq->w.day = p->day;
		/* A bare hour settles against that day's hours. */
		if (rq->w.problem == WHEN_PAST)
			rq->w.problem = WHEN_FINE;
	}
	if (rq->w.time == WHEN_TIME_NONE && p->tk != WHEN_TIME_NONE) {
		rq->w.time = p->tk;
		rq->w.from_min = p->from;
		rq->w.to_min = p->to;
	}
	if (rq->move[0] == '\0' && p->move[0] != '\0')
		snprintf(rq->move, sizeof(rq->move), "%s", p->move);
}

static int load_moving(struct ctx *c, struct request *rq)
{
	if (rq->move[0] == '\0')
		return 0;
	int rc = store_booking_find(c->st, rq->move, c->sender, &rq->moving);
	if (rc == STORE_ERR_NOT_FOUND || rq->moving.state != STORE_BOOKED ||
	    rq->moving.start < c->now) {
		rq->move[0] = '\0';
		return 0;
	}
	return check(c, rc);
}

static void do_book(struct ctx *c, const struct inquiry *q, const char *text)
{
	struct request rq;
	memset(&rq, 0, sizeof(rq));
	rq.svc = first_service(c, q);
	rq.w = q->when;

	const struct cat_topic *topic = first_topic(c, q);
	if (rq.svc == NULL && topic != NULL) {
		say_not_offered(c, topic);
		return;
	}
	if (rq.svc == NULL && q->asked_thing) {
		say_not_offered(c, NULL);
		return;
	}
	/* Answering "what time?" with a bare "10" or "2". */
	if (c->have_pend && q->when.time == WHEN_TIME_NONE &&
	    !q->when.mentioned && c->pend.has_day) {
		char with_at[64];
		snprintf(with_at, sizeof(with_at), "at %.40s", text);
		struct when_local at_day = c->lnow;
		struct when_req w2;
		when_parse(with_at, &at_day, c->cat, &w2);
		if (w2.time != WHEN_TIME_NONE) {
			w2.has_day = 0;
			rq.w = w2;
		}
	}
	merge_pending(c, &rq);
	if (rq.w.has_day && rq.w.time == WHEN_TIME_AT &&
	    rq.w.problem == WHEN_AMBIGUOUS_TIME && rq.w.alt_min[0] >= 0) {
		/* Settle a bare hour against the day we now know. */
		struct when_req tmp = rq.w;
		int a = when_is_slot(c->cat, &tmp.day, 1, tmp.alt_min[0]);
		int b = when_is_slot(c->cat, &tmp.day, 1, tmp.alt_min[1]);
		if (a != b) {
			rq.w.from_min = rq.w.to_min =
			    a ? tmp.alt_min[0] : tmp.alt_min[1];
			rq.w.problem = WHEN_FINE;
		}
	}
	if (load_moving(c, &rq) < 0)
		return;
	if (rq.svc == NULL) {
		ask_service(c, &rq);
		return;
	}
	book_request(c, &rq);
}

static void do_choice(struct ctx *c, const struct inquiry *q, const char *text);

static void book_option(struct ctx *c, size_t k)
{
	const struct pending *p = &c->pend;
	struct request rq;

	memset(&rq, 0, sizeof(rq));
	if (p->svc == NULL || k >= p->n_opts) {
		decide(c, DESK_CLARIFY, DESK_REASON_NEED_TIME);
		reply(c, "Please reply with a number from 1 to %zu.",
		      p->n_opts);
		return;
	}
	rq.svc = p->svc;
	snprintf(rq.move, sizeof(rq.move), "%s", p->move);
	if (load_moving(c, &rq) < 0)
		return;
	struct when_local l = local_of(c, p->opts[k]);
	rq.w.has_day = 1;
	rq.w.day = l.day;
	rq.w.time = WHEN_TIME_AT;
	rq.w.from_min = rq.w.to_min = l.minute;
	rq.w.mentioned = 1;
	rq.offered = 1;
	book_request(c, &rq);
}

static void list_upcoming(struct ctx *c, struct store_booking_list *bl)
{
	bl->v = NULL;
	bl->n = 0;
	check(c, store_bookings_upcoming(c->st, c->sender, c->now, bl));
}

static const char *service_name(const struct ctx *c, const char *id)
{
	const struct cat_service *s = catalog_service(c->cat, id);
	return s != NULL ? s->name : id;
}

static void cancel_ref(struct ctx *c, const char *ref)
{
	struct store_booking b;
	int rc = store_booking_cancel(c->st, ref, c->sender, c->now, &b);
	snprintf(c->out->d.ref, sizeof(c->out->d.ref), "%s", ref);
	if (rc == STORE_ERR_NOT_FOUND) {
		decide(c, DESK_REFUSED, DESK_REASON_NO_BOOKING);
		reply(c,
		      "Sorry, we can't find booking %s for this number. Text "
		      "MY BOOKINGS to see yours.",
		      ref);
		return;
	}
	if (rc == STORE_ERR_STATE) {
		decide(c, DESK_REFUSED, DESK_REASON_NO_BOOKING);
		reply(c, "Booking %s is already cancelled.", ref);
		return;
	}
	if (check(c, rc) < 0)
		return;
	char when[32];
	fmt_when(c, b.start, when, sizeof(when));
	decide(c, DESK_CANCELLED, DESK_REASON_NONE);
	set_subject(c, b.service);
	set_start(c, b.start);
	reply_signed(c,
		     "Cancelled: %s, %s (ref %s). Hope to see you another "
		     "time.",
		     service_name(c, b.service), when, ref);
	conv_clear(c);
}

/* Several bookings: ask which, numbered. */
static void ask_which(struct ctx *c, const struct store_booking_list *bl,
		      const char *action, const struct when_req *w)
{
	char items[DESK_MAX_OPTIONS][200];
	struct list l = {.intro = "", .sep = " ", .numbered = 1};
	char state[STORE_CONV_STATE_MAX] = "";
	char head[96];
	size_t kept = 0;

	snprintf(head, sizeof(head), "Which booking shall we %s?", action);
	for (size_t i = 0; i < bl->n && i < DESK_MAX_OPTIONS; i++) {
		char when[32];
		fmt_when(c, bl->v[i].start, when, sizeof(when));
		snprintf(items[i], sizeof(items[i]), "%s %s (%s)",
			 service_name(c, bl->v[i].service), when, bl->v[i].ref);
		l.items[l.n++] = items[i];
	}
	l.end = " Reply with its number.";
	decide(c, DESK_CLARIFY, DESK_REASON_NEED_WHICH);
	reply_lists(c, c->cat->policy.max_segments, head, &l, &kept, NULL, NULL,
		    NULL);
	state_add(state, sizeof(state), "action=%s;refs=", action);
	for (size_t i = 0; i < kept; i++)
		state_add(state, sizeof(state), "%s%s", i ? "," : "",
			  bl->v[i].ref);
	state_add(state, sizeof(state), ";");
	if (w != NULL && w->has_day) {
		char iso[16];
		when_day_iso(&w->day, iso, sizeof(iso));
		state_add(state, sizeof(state), "day=%s;", iso);
	}
	if (w != NULL && w->time != WHEN_TIME_NONE && w->problem == WHEN_FINE)
		state_add(state, sizeof(state), "time=%d,%d,%d;", (int)w->time,
			  w->from_min, w->to_min);
	conv_save(c, "which", state);
}

static void do_cancel(struct ctx *c, const struct inquiry *q)
{
	struct store_booking_list bl;

	if (q->ref[0] != '\0') {
		cancel_ref(c, q->ref);
		return;
	}
	list_upcoming(c, &bl);
	if (c->err)
		return;
	/* "can't make it tomorrow": the one on that day. */
	size_t on_day = 0, pick = 0;
	if (q->when.has_day) {
		for (size_t i = 0; i < bl.n; i++) {
			struct when_local l = local_of(c, bl.v[i].start);
			if (when_day_cmp(&l.day, &q->when.day) == 0) {
				on_day++;
				pick = i;
			}
		}
	}
	if (bl.n == 0) {
		decide(c, DESK_REFUSED, DESK_REASON_NO_BOOKING);
		reply(c, "You have no upcoming bookings with us to cancel.");
	} else if (bl.n == 1 || on_day == 1) {
		char ref[STORE_REF_MAX];
		snprintf(ref, sizeof(ref), "%s",
			 bl.v[bl.n == 1 ? 0 : pick].ref);
		cancel_ref(c, ref);
	} else {
		ask_which(c, &bl, "cancel", NULL);
	}
	store_booking_list_free(&bl);
}

static void move_booking(struct ctx *c, const char *ref,
			 const struct when_req *w, const struct inquiry *q)
{
	struct request rq;
	memset(&rq, 0, sizeof(rq));
	snprintf(rq.move, sizeof(rq.move), "%s", ref);
	int rc = store_booking_find(c->st, ref, c->sender, &rq.moving);
	if (rc == STORE_ERR_NOT_FOUND ||
	    (rc == 0 &&
	     (rq.moving.state != STORE_BOOKED || rq.moving.start < c->now))) {
		decide(c, DESK_REFUSED, DESK_REASON_NO_BOOKING);
		snprintf(c->out->d.ref, sizeof(c->out->d.ref), "%s", ref);
		reply(c,
		      "Sorry, we can't find an upcoming booking %s for this "
		      "number.",
		      ref);
		return;
	}
	if (check(c, rc) < 0)
		return;
	rq.svc = catalog_service(c->cat, rq.moving.service);
	if (q != NULL && first_service(c, q) != NULL)
		rq.svc = first_service(c, q);
	if (rq.svc == NULL) {
		decide(c, DESK_REFUSED, DESK_REASON_NOT_OFFERED);
		reply(c,
		      "Sorry, we no longer offer that service. Text CANCEL "
		      "%s to cancel it.",
		      ref);
		return;
	}
	rq.w = *w;
	if (!rq.w.has_day && rq.w.time == WHEN_TIME_NONE) {
		ask_day(c, &rq, "Sure.");
		return;
	}
	if (!rq.w.has_day) {
		/* "change it to 11": the same day, another time */
		struct when_local l = local_of(c, rq.moving.start);
		rq.w.has_day = 1;
		rq.w.day = l.day;
		if (rq.w.problem == WHEN_PAST)
			rq.w.problem = WHEN_FINE;
		if (rq.w.problem == WHEN_AMBIGUOUS_TIME &&
		    rq.w.alt_min[0] >= 0) {
			int a =
			    when_is_slot(c->cat, &l.day, 1, rq.w.alt_min[0]);
			int b =
			    when_is_slot(c->cat, &l.day, 1, rq.w.alt_min[1]);
			if (a != b) {
				rq.w.from_min = rq.w.to_min =
				    a ? rq.w.alt_min[0] : rq.w.alt_min[1];
				rq.w.problem = WHEN_FINE;
			}
		}
	}
	book_request(c, &rq);
}

static void do_move(struct ctx *c, const struct inquiry *q)
{
	struct store_booking_list bl;
	struct when_req w = q->when;

	if (q->ref[0] != '\0') {
		move_booking(c, q->ref, &w, q);
		return;
	}
	list_upcoming(c, &bl);
	if (c->err)
		return;
	if (bl.n == 0) {
		decide(c, DESK_REFUSED, DESK_REASON_NO_BOOKING);
		reply(c, "You have no upcoming bookings with us to move. Text "
			 "a service, day and time to book.");
	} else if (bl.n == 1) {
		char ref[STORE_REF_MAX];
		snprintf(ref, sizeof(ref), "%s", bl.v[0].ref);
		move_booking(c, ref, &w, q);
	} else {
		ask_which(c, &bl, "move", &w);
	}
	store_booking_list_free(&bl);
}

static void do_my_bookings(struct ctx *c)
{
	struct store_booking_list bl;
	char items[DESK_MAX_OPTIONS][200];
	struct list l = {.intro = "", .sep = "; ", .end = "."};

	list_upcoming(c, &bl);
	if (c->err)
		return;
	decide(c, DESK_BOOKINGS, DESK_REASON_NONE);
	if (bl.n == 0) {
		reply(c, "You have no upcoming bookings with us.");
	} else {
		for (size_t i = 0; i < bl.n && i < DESK_MAX_OPTIONS; i++) {
			char when[32];
			fmt_when(c, bl.v[i].start, when, sizeof(when));
			snprintf(items[i], sizeof(items[i]), "%s %s (ref %s)",
				 service_name(c, bl.v[i].service), when,
				 bl.v[i].ref);
			l.items[l.n++] = items[i];
		}
		reply_lists(c, c->cat->policy.max_segments,
			    "Your bookings:", &l, NULL, NULL, NULL,
			    "To cancel text CANCEL and the ref.");
	}
	store_booking_list_free(&bl);
}

static void do_help(struct ctx *c)
{
	struct list l = {.intro = "", .sep = ", ", .end = "."};
	char head[160];

	for (size_t i = 0; i < c->cat->n_services && i < 12; i++)
		l.items[l.n++] = c->cat->services[i].name;
	snprintf(head, sizeof(head), "%s:", biz(c));
	decide(c, DESK_HELP, DESK_REASON_NONE);
	/* HELP always fits one segment. */
	reply_lists(c, 1, head, &l, NULL, NULL, NULL,
		    "Text e.g. haircut sat 10am. CANCEL to cancel, STOP to "
		    "opt out.");
}

static void do_price(struct ctx *c, const struct inquiry *q)
{
	const struct cat_service *svc = first_service(c, q);
	const struct cat_topic *topic = first_topic(c, q);

	if (svc == NULL && topic != NULL) {
		say_not_offered(c, topic);
		return;
	}
	if (svc == NULL && q->asked_thing) {
		say_not_offered(c, NULL);
		return;
	}
	decide(c, DESK_PRICE, DESK_REASON_NONE);
	if (svc != NULL) {
		set_subject(c, svc->id);
		reply(c,
		      "%s is %s (%d min). Text a day and time to book, e.g. "
		      "%s sat 10am.",
		      svc->name, svc->price, svc->minutes,
		      svc->n_words > 0 ? svc->words[0] : svc->id);
		/* "ok, sat 11am then" books it. */
		struct when_req none;
		memset(&none, 0, sizeof(none));
		remember_request(c, svc, &none, NULL);
		return;
	}
	char items[12][96];
	struct list l = {.intro = "", .sep = ", ", .end = "."};
	for (size_t i = 0; i < c->cat->n_services && i < 12; i++) {
		snprintf(items[i], sizeof(items[i]), "%s %s",
			 c->cat->services[i].name, c->cat->services[i].price);
		l.items[l.n++] = items[i];
	}
	reply_lists(c, c->cat->policy.max_segments, "Prices:", &l, NULL, NULL,
		    NULL, NULL);
}

/* "Are you open Sunday?": the hours, for that day when one was named. */
static void tell_hours(struct ctx *c, const struct when_req *w)
{
	char hours[160], day[24];

	decide(c, DESK_HOURS, DESK_REASON_NONE);
	if (w->has_day) {
		when_day_human(&w->day, day, sizeof(day));
		fmt_day_hours(c, &w->day, hours, sizeof(hours));
		if (strcmp(hours, "closed") == 0)
			reply(c,
			      "We're closed on %s. Text a service, day and "
			      "time to book.",
			      day);
		else
			reply(c,
			      "On %s we're open %s. Text a service, day and "
			      "time to book.",
			      day, hours);
		return;
	}
	fmt_hours(c->cat, hours, sizeof(hours));
	reply(c, "We're open %s. Text a service, day and time to book.", hours);
}

static void do_avail(struct ctx *c, const struct inquiry *q)
{
	struct request rq;
	char head[160], day[24];
	int64_t opts[DESK_MAX_OPTIONS];

	memset(&rq, 0, sizeof(rq));
	rq.svc = first_service(c, q);
	rq.w = q->when;
	const struct cat_topic *topic = first_topic(c, q);
	if (rq.svc == NULL && topic != NULL) {
		say_not_offered(c, topic);
		return;
	}
	if (rq.svc == NULL && q->asks_hours) {
		tell_hours(c, &q->when);
		return;
	}
	merge_pending(c, &rq);
	if (rq.svc == NULL && c->cat->n_services == 1)
		rq.svc = &c->cat->services[0];
	if (rq.svc == NULL) {
		ask_service(c, &rq);
		return;
	}
	set_subject(c, rq.svc->id);
	int from = 0, to = 24 * 60;
	if (rq.w.time == WHEN_TIME_WINDOW) {
		from = rq.w.from_min;
		to = rq.w.to_min;
	} else if (rq.w.time == WHEN_TIME_AT && rq.w.problem == WHEN_FINE) {
		from = rq.w.from_min;
	}
	size_t n = 0;
	if (rq.w.has_day) {
		if (when_day_cmp(&rq.w.day, &c->lnow.day) < 0 ||
		    when_day_diff(&c->lnow.day, &rq.w.day) >
			c->cat->policy.booking_horizon_days) {
			book_request(c, &rq);
			return;
		}
		n = free_slots(c, rq.svc, &rq.w.day, from, to, NULL, opts,
			       DESK_MAX_OPTIONS);
	} else {
		/* No day: the next day with room in that window. */
		struct when_day d = c->lnow.day;
		for (int i = 0;
		     i <= c->cat->policy.booking_horizon_days && n == 0;
		     i++, d = when_day_add(d, 1)) {
			n = free_slots(c, rq.svc, &d, from, to, NULL, opts,
				       DESK_MAX_OPTIONS);
			if (c->err)
				return;
			if (n > 0)
				rq.w.day = d;
		}
		rq.w.has_day = n > 0;
	}
	if (c->err)
		return;
	if (n == 0) {
		if (!rq.w.has_day) {
			rq.w.day = c->lnow.day;
			rq.w.has_day = 1;
		}
		int open[8], close[8];
		if (when_hours_of(c->cat, &rq.w.day, open, close, 8) == 0)
			day_is_gone(c, &rq, DESK_REASON_CLOSED);
		else
			day_is_gone(c, &rq, why_none(c, &rq));
		return;
	}
	when_day_human(&rq.w.day, day, sizeof(day));
	snprintf(head, sizeof(head), "%s %s on %s.", rq.svc->name,
		 rq.svc->price, day);
	decide(c, DESK_AVAIL, DESK_REASON_NONE);
	offer_slots(c, rq.svc, head, opts, n, 0, "", &rq.w.day);
}

static void do_choice(struct ctx *c, const struct inquiry *q, const char *text)
{
	const struct pending *p = &c->pend;
	size_t k = (size_t)(q->choice - 1);

	if (c->have_pend && strcmp(p->kind, "offer") == 0) {
		book_option(c, k);
		return;
	}
	if (c->have_pend && strcmp(p->kind, "which") == 0) {
		if (k >= p->n_refs) {
			decide(c, DESK_CLARIFY, DESK_REASON_NEED_WHICH);
			reply(c, "Please reply with a number from 1 to %zu.",
			      p->n_refs);
			return;
		}
		if (strcmp(p->action, "move") == 0) {
			struct when_req w;
			memset(&w, 0, sizeof(w));
			w.has_day = p->has_day;
			w.day = p->day;
			w.time = p->tk;
			w.from_min = p->from;
			w.to_min = p->to;
			w.alt_min[0] = w.alt_min[1] = -1;
			char ref[STORE_REF_MAX];
			snprintf(ref, sizeof(ref), "%s", p->refs[k]);
			move_booking(c, ref, &w, NULL);
		} else {
			char ref[STORE_REF_MAX];
			snprintf(ref, sizeof(ref), "%s", p->refs[k]);
			cancel_ref(c, ref);
		}
		return;
	}
	if (c->have_pend && strcmp(p->kind, "book") == 0 && p->svc == NULL &&
	    k < c->cat->n_services) {
		/* "2" answering "which service?" */
		struct request rq;
		memset(&rq, 0, sizeof(rq));
		rq.svc = &c->cat->services[k];
		rq.w.alt_min[0] = rq.w.alt_min[1] = -1;
		merge_pending(c, &rq);
		if (load_moving(c, &rq) < 0)
			return;
		book_request(c, &rq);
		return;
	}
	if (c->have_pend && strcmp(p->kind, "book") == 0) {
		do_book(c, q, text); /* "2" answering "what time?" */
		return;
	}
	decide(c, DESK_NOT_UNDERSTOOD, DESK_REASON_NONE);
	reply(c, "Sorry, that list has expired. Text a service, day and time "
		 "to book, or HELP.");
}

static int looks_automatic(const char *text)
{
	static const char *const marks[] = {
	    "auto-reply",	    "autoreply",     "auto reply",
	    "automatic reply",	    "out of office", "do not reply",
	    "this is an automated", "undeliverable", NULL};
	for (size_t i = 0; marks[i] != NULL; i++)
		if (strcasestr(text, marks[i]) != NULL)
			return 1;
	return 0;
}

static void dispatch(struct ctx *c, const char *text)
{
	struct inquiry q;
	struct store_conv conv;
	int rc;

	inquiry_parse(c->cat, text, &c->lnow, &q);

	rc = store_is_opted_out(c->st, c->sender, NULL);
	if (check(c, rc) < 0)
		return;
	if (rc == 1) {
		if (q.intent == INQ_START) {
			if (check(c, store_optout_clear(c->st, c->sender)) < 0)
				return;
			decide(c, DESK_OPTED_IN, DESK_REASON_NONE);
			reply_signed(c, "You're back on: we'll answer your "
					"texts again. Text STOP to opt out.");
		} else {
			decide(c, DESK_SILENT, DESK_REASON_OPTED_OUT);
		}
		return;
	}
	if (q.intent == INQ_STOP) {
		if (check(c, store_optout_set(c->st, c->sender, c->now)) < 0)
			return;
		conv_clear(c);
		decide(c, DESK_OPTED_OUT, DESK_REASON_NONE);
		reply_signed(c, "You've opted out: no more texts from us. Text "
				"START to opt back in.");
		return;
	}
	if (looks_automatic(text)) {
		decide(c, DESK_SILENT, DESK_REASON_AUTO_REPLY);
		return;
	}
	int64_t sent = 0;
	if (check(c, store_replies_since(c->st, c->sender, c->now - 3600,
					 &sent)) < 0)
		return;
	if (sent >= c->cat->policy.max_replies_per_hour) {
		decide(c, DESK_SILENT, DESK_REASON_LOOP_GUARD);
		return;
	}
	rc = store_conv_get(c->st, c->sender, c->now, &conv);
	if (rc == 0) {
		pending_load(c->cat, &conv, &c->pend);
		c->have_pend = 1;
	} else if (rc != STORE_ERR_NOT_FOUND && check(c, rc) < 0) {
		return;
	}

	switch (q.intent) {
	case INQ_STOP:
		return; /* handled above */
	case INQ_START:
		decide(c, DESK_OPTED_IN, DESK_REASON_NONE);
		reply_signed(c, "You're already getting our texts. Text HELP "
				"for options.");
		return;
	case INQ_CHOICE:
		do_choice(c, &q, text);
		return;
	case INQ_YES:
		if (c->have_pend && strcmp(c->pend.kind, "offer") == 0 &&
		    c->pend.n_opts >= 1) {
			if (c->pend.n_opts == 1) {
				book_option(c, 0);
			} else {
				decide(c, DESK_CLARIFY, DESK_REASON_NEED_TIME);
				reply(c,
				      "Which one? Reply with its number "
				      "(1-%zu).",
				      c->pend.n_opts);
			}
			return;
		}
		if (c->have_pend && strcmp(c->pend.kind, "book") == 0) {
			do_book(c, &q, text);
			return;
		}
		do_help(c);
		return;
	case INQ_NO:
		if (c->have_pend) {
			conv_clear(c);
			decide(c, DESK_ACK, DESK_REASON_NONE);
			reply(c,
			      "No problem, nothing booked. Text us any time.");
		} else {
			decide(c, DESK_SILENT, DESK_REASON_THANKS);
		}
		return;
	case INQ_THANKS:
		decide(c, DESK_SILENT, DESK_REASON_THANKS);
		return;
	case INQ_HELP:
		do_help(c);
		return;
	case INQ_CANCEL:
		do_cancel(c, &q);
		return;
	case INQ_MOVE:
		do_move(c, &q);
		return;
	case INQ_MY_BOOKINGS:
		do_my_bookings(c);
		return;
	case INQ_PRICE:
		do_price(c, &q);
		return;
	case INQ_AVAIL:
		do_avail(c, &q);
		return;
	case INQ_BOOK:
		do_book(c, &q, text);
		return;
	case INQ_UNKNOWN:
		if (c->have_pend &&
		    (strcmp(c->pend.kind, "book") == 0 ||
		     strcmp(c->pend.kind, "offer") == 0) &&
		    c->pend.has_day) {
			do_book(c, &q, text);
			return;
		}
		decide(c, DESK_NOT_UNDERSTOOD, DESK_REASON_NONE);
		reply(c, "Sorry, I didn't catch that. Text e.g. haircut sat "
			 "10am to book, PRICES, or HELP.");
		return;
	}
}

int desk_answer(const struct catalog *cat, struct store *st, const char *sender,
		const char *text, int64_t now, struct desk_result *out)
{
	struct ctx c;
	struct when_tz_saved tz;

	memset(out, 0, sizeof(*out));
	memset(&c, 0, sizeof(c));
	c.cat = cat;
	c.st = st;
	c.sender = sender;
	c.now = now;
	c.out = out;
	if (!desk_can_reply(sender)) {
		decide(&c, DESK_SILENT, DESK_REASON_CANNOT_RECEIVE);
		return 0;
	}
	if (when_tz_enter(cat->timezone, &tz) != 0)
		return STORE_ERR_ARG;
	if (when_local_of(cat->timezone, (time_t)now, &c.lnow) != 0) {
		when_tz_leave(&tz);
		return STORE_ERR_ARG;
	}
	dispatch(&c, text != NULL ? text : "");
	when_tz_leave(&tz);
	if (c.err != 0)
		return c.err;
	if (out->d.kind == DESK_SILENT)
		out->n_replies = 0;
	return 0;
}

/* ---- reminders ------------------------------------------------------------
 */

int desk_reminders_due(const struct catalog *cat, struct store *st, int64_t now,
		       struct desk_reminder *out, size_t cap)
{
	struct store_booking_list bl;
	struct when_tz_saved tz;
	int64_t lead = (int64_t)cat->policy.reminder_hours * 3600;
	size_t n = 0;
	int rc;

	if (lead <= 0)
		return 0;
	rc = store_bookings_due_reminder(st, now, lead, &bl);
	if (rc < 0)
		return rc;
	if (when_tz_enter(cat->timezone, &tz) != 0) {
		store_booking_list_free(&bl);
		return STORE_ERR_ARG;
	}
	for (size_t i = 0; i < bl.n && n < cap; i++) {
		const struct store_booking *b = &bl.v[i];
		rc = store_booking_mark_reminded(st, b->id, now);
		if (rc < 0)
			break;
		int opted = store_is_opted_out(st, b->customer, NULL);
		if (opted < 0) {
			rc = opted;
			break;
		}
		if (opted == 1 || !desk_can_reply(b->customer))
			continue;
		struct when_local l;
		char day[24], hm[8];
		when_local_of(cat->timezone, (time_t)b->start, &l);
		when_day_human(&l.day, day, sizeof(day));
		when_minute_hhmm(l.minute, hm, sizeof(hm));
		const struct cat_service *svc =
		    catalog_service(cat, b->service);
		out[n].booking_id = b->id;
		snprintf(out[n].to, sizeof(out[n].to), "%s", b->customer);
		snprintf(out[n].text, sizeof(out[n].text),
			 "Reminder: %s, %s %s at %s. Ref %s. Can't make it? "
			 "Text CANCEL %s.",
			 svc != NULL ? svc->name : b->service, day, hm,
			 cat->business_name, b->ref, b->ref);
		n++;
		rc = 0;
	}
	when_tz_leave(&tz);
	store_booking_list_free(&bl);
	return rc < 0 ? rc : (int)n;
}
