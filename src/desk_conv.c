/*
 * desk: the conversation's memory. One pending question per sender, kept by
 * the store as kind + state text ("key=value;" pairs, so an old row stays
 * readable): what we asked ("book": service, day, time known so far;
 * "offer": the numbered slots; "which": the bookings listed) or, after a
 * booking ("done"), which booking was just made, so "make it 11", "no I
 * meant Tuesday" and "how much was it again" are read against it.
 */
#include "desk_int.h"

#include "smsdesk/text.h"
#include "smsdesk/when_vocab.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* "a,b,c" into up to cap strings of size STORE_REF_MAX or ids. */
static size_t split_list(const char *v, char out[][STORE_ID_MAX], size_t cap)
{
	size_t n = 0;
	while (*v != '\0' && n < cap) {
		size_t k = strcspn(v, ",");
		if (k > 0 && k < STORE_ID_MAX) {
			memcpy(out[n], v, k);
			out[n++][k] = '\0';
		}
		v += k;
		if (*v == ',')
			v++;
	}
	return n;
}

void pending_load(struct ctx *c, const struct store_conv *conv)
{
	struct pending *p = &c->pend;
	char v[STORE_CONV_STATE_MAX];
	char ids[DESK_MAX_OPTIONS][STORE_ID_MAX];

	memset(p, 0, sizeof(*p));
	snprintf(p->kind, sizeof(p->kind), "%s", conv->kind);
	p->persons = 1;
	if (state_get(conv->state, "svc", v, sizeof(v)) != NULL)
		p->svc = catalog_service(c->cat, v);
	if (state_get(conv->state, "day", v, sizeof(v)) != NULL) {
		int y, m, d;
		if (sscanf(v, "%d-%d-%d", &y, &m, &d) == 3 &&
		    when_day_make(y, m, d, &p->day) == 0)
			p->has_day = 1;
	}
	if (state_get(conv->state, "range", v, sizeof(v)) != NULL) {
		int y1, m1, d1, y2, m2, d2;
		if (sscanf(v, "%d-%d-%d,%d-%d-%d", &y1, &m1, &d1, &y2, &m2,
			   &d2) == 6 &&
		    when_day_make(y1, m1, d1, &p->range_first) == 0 &&
		    when_day_make(y2, m2, d2, &p->range_last) == 0)
			p->has_range = 1;
	}
	if (state_get(conv->state, "time", v, sizeof(v)) != NULL) {
		int k, f, t;
		if (sscanf(v, "%d,%d,%d", &k, &f, &t) == 3 && k >= 0 &&
		    k <= 3) {
			p->tk = (enum when_time_kind)k;
			p->from = f;
			p->to = t;
		}
	}
	if (state_get(conv->state, "opts", v, sizeof(v)) != NULL) {
		char *s = v, *end;
		while (*s != '\0' && p->n_opts < DESK_MAX_OPTIONS) {
			long long e = strtoll(s, &end, 10);
			if (end == s)
				break;
			p->opts[p->n_opts++] = e;
			s = *end == ',' ? end + 1 : end;
		}
	}
	if (state_get(conv->state, "refs", v, sizeof(v)) != NULL) {
		size_t n = split_list(v, ids, DESK_MAX_OPTIONS);
		for (size_t i = 0; i < n; i++)
			if (strlen(ids[i]) < STORE_REF_MAX)
				snprintf(p->refs[p->n_refs++], STORE_REF_MAX,
					 "%s", ids[i]);
	}
	if (state_get(conv->state, "also", v, sizeof(v)) != NULL) {
		size_t n = split_list(v, ids, MAX_ALSO);
		for (size_t i = 0; i < n; i++) {
			const struct cat_service *s =
			    catalog_service(c->cat, ids[i]);
			if (s != NULL)
				p->also[p->n_also++] = s;
		}
	}
	/* by the services' ids, as "also": a catalog edited meanwhile
	 * never turns a number into another service */
	if (state_get(conv->state, "menu", v, sizeof(v)) != NULL) {
		char menu[INQ_MAX_KIN][STORE_ID_MAX];
		size_t n = split_list(v, menu, INQ_MAX_KIN);
		for (size_t i = 0; i < n; i++) {
			const struct cat_service *s =
			    catalog_service(c->cat, menu[i]);
			/* one gone: no number picks anything, never the
			 * next service moved up into its place */
			if (s == NULL) {
				p->n_menu = 0;
				p->menu_gone = 1;
				break;
			}
			p->menu[p->n_menu++] = (size_t)(s - c->cat->services);
		}
	}
	if (state_get(conv->state, "persons", v, sizeof(v)) != NULL) {
		int n = atoi(v);
		p->persons = n >= 1 && n <= 6 ? n : 1;
	}
	if (state_get(conv->state, "apart", v, sizeof(v)) != NULL)
		p->apart = atoi(v) == 1;
	state_get(conv->state, "move", p->move, sizeof(p->move));
	state_get(conv->state, "action", p->action, sizeof(p->action));
	state_get(conv->state, "last", p->last, sizeof(p->last));
	p->nudged = state_get(conv->state, "nudged", v, sizeof(v)) != NULL;
	p->told = state_get(conv->state, "told", v, sizeof(v)) != NULL;
}

int pending_is(const struct ctx *c, const char *kind)
{
	return c->have_pend && strcmp(c->pend.kind, kind) == 0;
}

void conv_save(struct ctx *c, const char *kind, const char *state)
{
	int64_t exp =
	    c->now + (int64_t)c->cat->policy.conversation_minutes * 60;
	check(c,
	      c->io->conv_set(c->io->ctx, c->sender, kind, state, exp, c->now));
}

/* The open question stays as it is, with MARK ("nudged=1;") added. */
static void conv_mark(struct ctx *c, const char *mark)
{
	struct store_conv conv;

	if (check(c, c->io->conv_get(c->io->ctx, c->sender, c->now, &conv)) < 0)
		return;
	state_add(conv.state, sizeof(conv.state), "%s", mark);
	conv_save(c, conv.kind, conv.state);
}

void conv_nudged(struct ctx *c)
{
	conv_mark(c, "nudged=1;");
}

/* "thanks, see you then" to a list we offered or to our question for a
 * day: the customer may think it is booked. Once per question, say it is
 * not and keep it open (reviews r8 c05, fr6 c08, es6 d03, pt6 c13). "I'll
 * text you back" (LW_BYE_OPEN) knows nothing is settled: no reply. */
int says_unbooked(struct ctx *c, const struct inquiry *q)
{
	const struct pending *p = &c->pend;
	int offer = pending_is(c, "offer") && p->n_opts > 0;

	if (q->bye_open || p->nudged || p->svc == NULL ||
	    (!offer && (!pending_is(c, "book") || p->told)))
		return 0;
	decide(c, DESK_CLARIFY,
	       offer || p->has_day ? DESK_REASON_NEED_TIME
				   : DESK_REASON_NEED_DAY,
	       "thanks to an open question: nothing is booked yet");
	set_subject(c, p->svc->id);
	const char *tpl = p->move[0] != '\0' ? "unmoved"
			  : offer	     ? "unbooked_offer"
					     : "unbooked_ask";
	struct part *pt = part_add(c, tpl, 0);
	part_set(pt, "service", svc_name(c, p->svc));
	part_set(pt, "choices",
		 p->n_opts > 1 ? pool_fmt(c, "1-%zu", p->n_opts) : "1");
	conv_mark(c, "nudged=1;");
	return 1;
}

void conv_clear(struct ctx *c)
{
	int rc = c->io->conv_clear(c->io->ctx, c->sender);
	if (rc != STORE_ERR_NOT_FOUND)
		check(c, rc);
}

/*
 * The language to read TEXT in and answer it in: the one of the business's
 * languages it is written in; a text that does not tell ("10am?", "ok")
 * stays in the language the sender last wrote in. A text that tells is
 * remembered (lang_remember) for the next ones and the sender's reminders.
 */
void lang_choose(struct ctx *c, const char *text)
{
	char code[8] = "";
	int sure = 0;

	if (c->cat->n_languages < 2)
		return;
	if (c->io->lang_get != NULL &&
	    check(c, c->io->lang_get(c->io->ctx, c->sender, code,
				     sizeof(code))) < 0)
		return;
	c->spoke = lang_pack_for(code);
	c->pack = lang_detect(c->cat, text, c->spoke, &sure);
	c->lang_told = sure;
	snprintf(c->out->d.lang, sizeof(c->out->d.lang), "%s", c->pack->code);
	c->out->d.lang_why = sure ? "the text is written in it"
			     : c->pack == c->spoke
				 ? "the customer's language so far"
				 : "the business's first language";
}

/* Remember the language the text told (lang_choose), once we answer the
 * sender (not for an opt-out or a machine). */
void lang_remember(struct ctx *c)
{
	if (c->lang_told && c->pack != c->spoke && c->io->lang_set != NULL)
		check(c, c->io->lang_set(c->io->ctx, c->sender, c->pack->code,
					 c->now));
}

static void add_common(char *state, size_t cap, const struct request *rq)
{
	/* "tem horário semana que vem?": the span stays the conversation's
	 * until a day is named (review pt4 c14) */
	if (rq->w.has_range && !rq->w.has_day) {
		char a[16], b[16];
		when_day_iso(&rq->w.range_first, a, sizeof(a));
		when_day_iso(&rq->w.range_last, b, sizeof(b));
		state_add(state, cap, "range=%s,%s;", a, b);
	}
	if (rq->move[0] != '\0')
		state_add(state, cap, "move=%s;", rq->move);
	if (rq->n_also > 0) {
		state_add(state, cap, "also=");
		for (size_t i = 0; i < rq->n_also; i++)
			state_add(state, cap, "%s%s", i ? "," : "",
				  rq->also[i]->id);
		state_add(state, cap, ";");
	}
	if (rq->persons > 1)
		state_add(state, cap, "persons=%d;", rq->persons);
	if (rq->apart)
		state_add(state, cap, "apart=1;");
}

/* Remember the numbered slots just offered, so "2" books the second. */
void remember_offer(struct ctx *c, const struct request *rq,
		    const int64_t *opts, size_t n, const struct when_day *day)
{
	char state[STORE_CONV_STATE_MAX] = "";
	struct desk_decision *d = &c->out->d;

	state_add(state, sizeof(state), "svc=%s;opts=", rq->svc->id);
	d->n_options = 0;
	for (size_t i = 0; i < n && i < DESK_MAX_OPTIONS; i++) {
		state_add(state, sizeof(state), "%s%lld", i ? "," : "",
			  (long long)opts[i]);
		d->options[d->n_options++] = opts[i];
	}
	state_add(state, sizeof(state), ";");
	if (day != NULL) {
		char iso[16];
		when_day_iso(day, iso, sizeof(iso));
		state_add(state, sizeof(state), "day=%s;", iso);
	}
	/* The hour asked ("yarın 11de" answered with the nearest starts):
	 * "pardon, cuma" keeps it (review tr4 c03) */
	if (rq->w.time == WHEN_TIME_AT && rq->w.problem == WHEN_FINE)
		state_add(state, sizeof(state), "time=%d,%d,%d;",
			  (int)rq->w.time, rq->w.from_min, rq->w.to_min);
	add_common(state, sizeof(state), rq);
	if (n > 0)
		conv_save(c, "offer", state);
	else
		conv_clear(c);
}

/* Remember what we know while asking for the rest. */
void remember_request(struct ctx *c, const struct request *rq)
{
	char state[STORE_CONV_STATE_MAX] = "";
	const struct when_req *w = &rq->w;

	if (rq->svc != NULL)
		state_add(state, sizeof(state), "svc=%s;", rq->svc->id);
	if (w->has_day) {
		char iso[16];
		when_day_iso(&w->day, iso, sizeof(iso));
		state_add(state, sizeof(state), "day=%s;", iso);
	}
	if (w->time != WHEN_TIME_NONE && w->problem == WHEN_FINE)
		state_add(state, sizeof(state), "time=%d,%d,%d;", (int)w->time,
			  w->from_min, w->to_min);
	add_common(state, sizeof(state), rq);
	if (c->n_menu > 0) {
		state_add(state, sizeof(state), "menu=");
		for (size_t i = 0; i < c->n_menu; i++)
			state_add(state, sizeof(state), "%s%s", i ? "," : "",
				  c->cat->services[c->menu[i]].id);
		state_add(state, sizeof(state), ";");
	}
	conv_save(c, "book", state);
}

/* What we know after answering a question about a service (its price or
 * length): "ok book one sat" books it, but we asked nothing, so a thanks
 * to the answer needs no "not booked yet" (tests/e2e/test_demo.sh). */
void remember_answered(struct ctx *c, const struct request *rq)
{
	remember_request(c, rq);
	conv_mark(c, "told=1;");
}

/* A booking was made: "make it 11" and "how much was it" refer to it. */
void remember_booked(struct ctx *c, const char *ref,
		     const struct cat_service *svc)
{
	char state[STORE_CONV_STATE_MAX] = "";
	state_add(state, sizeof(state), "last=%s;svc=%s;", ref, svc->id);
	conv_save(c, "done", state);
}

/* Booked by picking one of the list just offered: the list is kept, so
 * "no sorry 2" (review r11 c15) moves the booking to option 2. */
void remember_booked_pick(struct ctx *c, const char *ref,
			  const struct cat_service *svc)
{
	char state[STORE_CONV_STATE_MAX] = "";
	const struct pending *p = &c->pend;
	state_add(state, sizeof(state), "last=%s;svc=%s;opts=", ref, svc->id);
	for (size_t i = 0; i < p->n_opts; i++)
		state_add(state, sizeof(state), "%s%lld", i ? "," : "",
			  (long long)p->opts[i]);
	state_add(state, sizeof(state), ";");
	conv_save(c, "done", state);
}

/* A booking was cancelled: "actually make it Thursday at 3, don't cancel"
 * wants its service again at the new time (review tr6 c18). */
void remember_cancelled(struct ctx *c, const char *ref, const char *svc_id)
{
	char state[STORE_CONV_STATE_MAX] = "";
	state_add(state, sizeof(state), "last=%s;svc=%s;", ref, svc_id);
	conv_save(c, "cancelled", state);
}

void remember_which(struct ctx *c, char refs[][STORE_REF_MAX], size_t n,
		    const char *action, const struct when_req *w)
{
	char state[STORE_CONV_STATE_MAX] = "";

	state_add(state, sizeof(state), "action=%s;refs=", action);
	for (size_t i = 0; i < n; i++)
		state_add(state, sizeof(state), "%s%s", i ? "," : "", refs[i]);
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

/* Fill in what this message leaves out from the pending question. */
void merge_pending(const struct ctx *c, struct request *rq)
{
	const struct pending *p = &c->pend;
	if (!pending_is(c, "book") && !pending_is(c, "offer"))
		return;
	const struct cat_service *named = rq->svc_named ? rq->svc : NULL;
	/* "ah y también uñas" while the large-dog bath is still asked: one
	 * more thing after it, never in its place (review es6 c13); with a day
	 * or time ("y tb barba justo después?") it keeps its own reading */
	if (named != NULL && c->q != NULL && c->q->also &&
	    !c->q->when.mentioned && p->svc != NULL && p->svc != named &&
	    rq->n_also == 0 && p->n_also + 1 < MAX_ALSO) {
		rq->svc = p->svc;
		rq->also[0] = named;
		rq->also_min[0] = 0;
		rq->n_also = 1;
		for (size_t i = 0; i < p->n_also; i++)
			if (p->also[i] != rq->svc && p->also[i] != named)
				rq->also[rq->n_also++] = p->also[i];
	}
	if (rq->svc == NULL)
		rq->svc = p->svc;
	/* "le plus tôt possible" right after a day's list: the earliest of
	 * that day, not of the calendar (review fr2 c13) */
	if (!rq->w.has_day && !rq->w.has_range && p->has_day &&
	    (rq->w.time != WHEN_TIME_ASAP || pending_is(c, "offer")) &&
	    !rq->w.unsure) {
		rq->w.has_day = 1;
		rq->w.day = p->day;
		rq->day_named = 1; /* named earlier in the conversation */
		/* A bare hour settles against that day's hours. */
		if (rq->w.problem == WHEN_PAST)
			rq->w.problem = WHEN_FINE;
	}
	/* A span said earlier ("semana que vem", "next week") holds until a
	 * day is named; a weekday named alone then is that weekday inside the
	 * span, never the coming one before it (review pt4 c14: "quarta"
	 * offered today, not next week's Wednesday) */
	if (p->has_range && !rq->w.has_range && !rq->w.unsure) {
		if (!rq->w.has_day) {
			rq->w.has_range = 1;
			rq->w.range_first = p->range_first;
			rq->w.range_last = p->range_last;
		} else if (rq->w.weekday_only &&
			   when_day_cmp(&rq->w.day, &p->range_first) < 0) {
			struct when_day d = rq->w.day;
			while (when_day_cmp(&d, &p->range_first) < 0)
				d = when_day_add(d, 7);
			if (when_day_cmp(&d, &p->range_last) <= 0) {
				rq->w.day = d;
				rq->w.day_rule =
				    "weekday inside the span talked "
				    "about";
			}
		}
	}
	if (rq->w.time == WHEN_TIME_NONE && p->tk != WHEN_TIME_NONE) {
		rq->w.time = p->tk;
		rq->w.from_min = p->from;
		rq->w.to_min = p->to;
	}
	if (rq->move[0] == '\0' && p->move[0] != '\0')
		snprintf(rq->move, sizeof(rq->move), "%s", p->move);
	/* The rest of what we were asking about, unless this text names a
	 * service itself ("ok the full groom then", "just the gel nails"):
	 * it says what it wants now. The service already talked about, set
	 * from the pending one before we got here ("2pm" after "cut and
	 * blow-dry saturday"), is no choice of the text: the rest comes. */
	if (rq->n_also == 0 && named == NULL)
		for (size_t i = 0; i < p->n_also; i++)
			if (p->also[i] != rq->svc)
				rq->also[rq->n_also++] = p->also[i];
	/* "e minha amiga também quer, mesmo horário?" while slots are
	 * offered: one more person for them, never the offer again for one
	 * (review pt10 c08.2) */
	if (named == NULL && rq->persons <= 1 && c->q != NULL && c->q->also &&
	    c->q->other && c->q->group < 2 && p->persons < MAX_PARTY)
		rq->persons = p->persons + 1;
	if (rq->persons <= 1)
		rq->persons = p->persons;
	people_served(rq);
	if (rq->n_also > 0 && !rq->apart)
		rq->apart = p->apart;
}

/*
 * A bare hour answering "what time?" or correcting one ("make it 11", "2",
 * "3 then"): only a text that is nothing but that number and a few polite
 * or correcting words (the reader says which: inquiry.bare), read as
 * "at N". Never a number inside a date or a count ("in 3 days", "16/7",
 * "2 bikes"). Returns 1 and fills w's time when one was found.
 */
int bare_time(struct ctx *c, const char *text, struct when_req *w)
{
	char with_at[64];
	(void)text;
	if (c->q == NULL || c->q->bare[0] == '\0')
		return 0;
	snprintf(with_at, sizeof(with_at), "at %s", c->q->bare);
	struct when_req w2;
	/* "at N" is English whatever the customer's language. */
	static const struct when_vocab *const en[] = {&when_vocab_en};
	when_read(with_at, &c->lnow, c->cat, en, 1, &w2);
	if (w2.time != WHEN_TIME_AT)
		return 0;
	w->time = w2.time;
	w->from_min = w2.from_min;
	w->to_min = w2.to_min;
	w->problem = w2.problem == WHEN_PAST ? WHEN_FINE : w2.problem;
	w->alt_min[0] = w2.alt_min[0];
	w->alt_min[1] = w2.alt_min[1];
	w->mentioned = 1;
	return 1;
}

/* We asked which day for a service, with no time held: "Que dia
 * prefere para X?" */
int asked_day(const struct ctx *c)
{
	const struct pending *p = &c->pend;
	return pending_is(c, "book") && p->svc != NULL && !p->has_day &&
	       !p->has_range && p->tk == WHEN_TIME_NONE;
}

/*
 * A bare number answering "which day?" ("2", "15"): that day of this month,
 * or of the next when it has gone by (review pt5 c08: "2" was read as
 * 14:00 and the day asked again). Returns 1 and sets w's day when found.
 */
int bare_mday(struct ctx *c, struct when_req *w)
{
	const char *b = c->q != NULL ? c->q->bare : "";
	char *end;
	long n = strtol(b, &end, 10);
	if (b[0] < '1' || b[0] > '9' || *end != '\0' || n > 31)
		return 0;
	int y = c->lnow.day.year, m = c->lnow.day.month;
	if (n < c->lnow.day.mday && ++m > 12) {
		m = 1;
		y++;
	}
	struct when_day d;
	if (when_day_make(y, m, (int)n, &d) != 0)
		return 0;
	w->has_day = 1;
	w->day = d;
	w->day_explicit = 1;
	w->mentioned = 1;
	return 1;
}

/* A closed hour this near the day's hours is read as meant for them. */
#define NEAR_OPEN_MIN 90

/* Minutes from minute m to the nearest open time of day (0 inside). */
static int off_hours(const struct ctx *c, const struct when_day *day, int m)
{
	int open[8], close[8], best = 24 * 60;
	size_t n = when_hours_of(c->cat, day, open, close, 8);

	for (size_t i = 0; i < n; i++) {
		int d = m < open[i]	? open[i] - m
			: m >= close[i] ? m - close[i]
					: 0;
		if (d < best)
			best = d;
	}
	return best;
}

/* Settle an ambiguous bare hour ("7") against the hours of a known day. */
void settle_hour(const struct ctx *c, struct when_req *w,
		 const struct when_day *day)
{
	if (w->time != WHEN_TIME_AT || w->problem != WHEN_AMBIGUOUS_TIME ||
	    w->alt_min[0] < 0 || w->hour_asked)
		return;
	int a = when_is_slot(c->cat, day, 1, w->alt_min[0]);
	int b = when_is_slot(c->cat, day, 1, w->alt_min[1]);
	if (a != b) {
		w->from_min = w->to_min = a ? w->alt_min[0] : w->alt_min[1];
		w->problem = WHEN_FINE;
		return;
	}
	/* "sexta 7h" open at 7 and at 19: the hour as written, seven in the
	 * morning, as the 24-hour clock writes it */
	if (a && b && w->h24) {
		w->from_min = w->to_min = w->alt_min[0] < w->alt_min[1]
					      ? w->alt_min[0]
					      : w->alt_min[1];
		w->problem = WHEN_FINE;
		return;
	}
	/* Both closed: "semi demain 9h" to a shop opening at 9:30 is the
	 * hour as written, the morning, and the nearest starts answer it,
	 * never "09:00 or 21:00?" (review fr11 s54, es11 c18.1) */
	if (a || b)
		return;
	int m = w->alt_min[0] < w->alt_min[1] ? w->alt_min[0] : w->alt_min[1];
	if (off_hours(c, day, m) <= NEAR_OPEN_MIN) {
		w->from_min = w->to_min = m; /* the hour as written */
		w->problem = WHEN_FINE;
	}
}

/*
 * The day being talked about: the booking this conversation just made, the
 * day we were asking about, else the sender's latest booking. Returns 1
 * and fills *d, 0 when there is none.
 */
int talked_day(struct ctx *c, struct when_day *d)
{
	struct store_booking b;
	/* or just cancelled: "Geht stattdessen der Sonntag danach?" is the
	 * Sunday after the one given up (review de AD c20.3) */
	if ((pending_is(c, "done") || pending_is(c, "cancelled")) &&
	    c->pend.last[0] != '\0' &&
	    c->io->find(c->io->ctx, c->pend.last, c->sender, &b) == 0) {
		*d = local_of(c, b.start).day;
		return 1;
	}
	if ((pending_is(c, "book") || pending_is(c, "offer")) &&
	    c->pend.has_day) {
		*d = c->pend.day;
		return 1;
	}
	const struct store_booking_list *bl = my_upcoming(c);
	if (bl != NULL && bl->n > 0) {
		*d = local_of(c, bl->v[bl->n - 1].start).day;
		return 1;
	}
	return 0;
}

/*
 * A day said against BASE: "6 weeks later", "the day before" are counted
 * from it; with NEAR (a booking being changed), a weekday named alone
 * ("actually wednesday") is the one nearest BASE, never before today.
 */
void place_day(const struct ctx *c, struct when_req *w,
	       const struct when_day *base, int near)
{
	if (w->has_anchor) {
		w->day = when_day_add(*base, w->anchor_days);
		if (w->anchor_wday > 0) {
			w->day = when_day_add(*base, 1);
			while (w->day.wday != w->anchor_wday - 1)
				w->day = when_day_add(w->day, 1);
		}
		w->has_day = 1;
		w->has_range = 0;
		w->unsure = 0;
		w->weekday_only = 0;
		w->day_rule = "counted from the day talked about";
		if (when_day_cmp(&w->day, &c->lnow.day) < 0)
			w->problem = WHEN_PAST;
		else if (w->problem == WHEN_PAST)
			w->problem = WHEN_FINE;
		return;
	}
	if (near && w->has_day && !w->weekday_only && w->day_rule != NULL &&
	    strcmp(w->day_rule, "weekday") == 0 &&
	    when_day_cmp(&w->day, base) == 0) {
		/* "no wait, next saturday" for a Saturday booking: the one
		 * after it */
		w->day = when_day_add(w->day, 7);
		return;
	}
	if (!near || !w->weekday_only || !w->has_day)
		return;
	struct when_day best = w->day;
	int gap = abs(when_day_diff(base, &best));
	for (int k = 1; k <= 10; k++) {
		struct when_day d = when_day_add(w->day, 7 * k);
		int g = abs(when_day_diff(base, &d));
		if (g < gap) {
			best = d;
			gap = g;
		}
	}
	if (when_day_cmp(&best, &w->day) != 0) {
		w->day = best;
		w->day_rule = "weekday nearest the booking";
	}
}
