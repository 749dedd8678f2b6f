/*
 * desk: wording. A reply is a list of parts, each a template from the
 * language pack (or the business's own wording of it) with its values.
 * When the whole does not fit max_segments, list items are dropped from the
 * longest list first (keeping one of each while possible), then optional
 * parts (highest prio first); only when nothing else can go are whole words
 * cut from the end.
 */
#include "desk_int.h"
#include "smsdesk/phone.h"

#include "smsdesk/text.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- a small pool for one decision's strings ---------------------------- */

const char *pool_str(struct ctx *c, const char *s)
{
	size_t n = strlen(s) + 1;
	if (c->pool_used + n > sizeof(c->pool))
		return "";
	char *p = c->pool + c->pool_used;
	memcpy(p, s, n);
	c->pool_used += n;
	return p;
}

const char *pool_fmt(struct ctx *c, const char *fmt, ...)
{
	char tmp[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	return pool_str(c, tmp);
}

const char **pool_ptrs(struct ctx *c, size_t n)
{
	static const char *none[1];
	if (c->n_ptrs + n > PTRS_MAX)
		return none;
	const char **p = &c->ptrs[c->n_ptrs];
	c->n_ptrs += n;
	return p;
}

/* ---- parts ----------------------------------------------------------------
 */

struct part *part_add(struct ctx *c, const char *tpl, int prio)
{
	static struct part spare; /* past PART_MAX: filled, never sent */
	struct part *p =
	    c->n_parts < PART_MAX ? &c->parts[c->n_parts++] : &spare;
	memset(p, 0, sizeof(*p));
	p->tpl = tpl;
	p->prio = prio;
	return p;
}

void part_set(struct part *p, const char *name, const char *value)
{
	for (size_t i = 0; i < p->n_vars; i++) {
		if (strcmp(p->vars[i].name, name) == 0) {
			p->vars[i].value = value;
			return;
		}
	}
	if (p->n_vars >= PART_VARS)
		return;
	p->vars[p->n_vars++] = (struct lang_var){.name = name, .value = value};
}

void part_list(struct part *p, const char *name, const char *const *items,
	       size_t n, const char *sep, int numbered)
{
	if (p->n_vars >= PART_VARS)
		return;
	p->vars[p->n_vars++] = (struct lang_var){.name = name,
						 .items = items,
						 .n_items = n,
						 .shown = n,
						 .sep = sep,
						 .numbered = numbered};
}

size_t part_shown(const struct part *p, const char *name)
{
	for (size_t i = 0; i < p->n_vars; i++)
		if (p->vars[i].items != NULL &&
		    strcmp(p->vars[i].name, name) == 0)
			return p->vars[i].shown < p->vars[i].n_items
				   ? p->vars[i].shown
				   : p->vars[i].n_items;
	return 0;
}

/*
 * The business's own wording of a reply (the catalog's `replies`, checked
 * with lang_check_reply when loaded), else the pack's, else English.
 */
const char *tpl_text(const struct ctx *c, const char *name)
{
	const char *t = catalog_reply(c->cat, name, c->pack->code);
	if (t != NULL)
		return t;
	t = lang_template(c->pack, name);
	if (t == NULL)
		t = lang_template(lang_default(), name);
	return t != NULL ? t : "";
}

/* "Ausritt für 2 Personen": a service for N people in the pack's words
 * (for_persons), never a machine's "Ausritt x2" (review de AD2 c07.1). */
const char *fmt_for_persons(struct ctx *c, const char *service, int n)
{
	char out[256];
	struct lang_var v[] = {{.name = "service", .value = service},
			       {.name = "n", .value = pool_fmt(c, "%d", n)}};
	lang_render(tpl_text(c, "for_persons"), v, 2, out, sizeof(out));
	return pool_str(c, out);
}

/* Catalog names and notes in the reply's language (names = { ... }). */
const char *svc_name(const struct ctx *c, const struct cat_service *s)
{
	return catalog_tr(s->names, s->n_names, c->pack->code, s->name);
}

const char *topic_name(const struct ctx *c, const struct cat_topic *t)
{
	return catalog_tr(t->names, t->n_names, c->pack->code, t->name);
}

const char *ref_note(const struct ctx *c, const struct cat_referral *r)
{
	return catalog_tr(r->notes, r->n_notes, c->pack->code, r->note);
}

/* The names a part says (services, topics) start lower case inside a
 * sentence, but in German (reviews es, pt, tr, fr Z: "no hacemos
 * Reparación de móviles", "não fazemos Receita"). */
static void mark_names(const struct ctx *c, struct part *p)
{
	static const char *const names[] = {"service", "topic", "topics",
					    "thing", "visit"};
	int german = strcmp(c->pack->code, "de") == 0;
	for (size_t k = 0; k < p->n_vars; k++)
		for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
			if (strcmp(p->vars[k].name, names[i]) == 0)
				p->vars[k].lower_mid = !german;
}

static size_t render_all(struct ctx *c, const int *dropped, char *out,
			 size_t cap)
{
	size_t pos = 0;
	out[0] = '\0';
	for (size_t i = 0; i < c->n_parts; i++) {
		struct part *p = &c->parts[i];
		if (dropped[i])
			continue;
		char one[DESK_REPLY_MAX];
		mark_names(c, p);
		size_t n = lang_render(tpl_text(c, p->tpl), p->vars, p->n_vars,
				       one, sizeof(one));
		if (n == 0)
			continue;
		if (pos > 0 && pos + 1 < cap)
			out[pos++] = ' ';
		if (pos + n >= cap)
			n = cap - 1 - pos;
		memcpy(out + pos, one, n);
		pos += n;
		out[pos] = '\0';
	}
	return pos;
}

/* A list said with its brief items; 0 when none is left to say so. */
static int brief_one(struct ctx *c, const int *dropped)
{
	for (size_t i = 0; i < c->n_parts; i++) {
		if (dropped[i])
			continue;
		for (size_t k = 0; k < c->parts[i].n_vars; k++) {
			struct lang_var *v = &c->parts[i].vars[k];
			if (v->brief != NULL && !v->use_brief) {
				v->use_brief = 1;
				return 1;
			}
		}
	}
	return 0;
}

/* One list item fewer, from the longest list while it shows more than
 * KEEP items; 0 when none can shrink. */
static int shrink_one(struct ctx *c, const int *dropped, size_t keep)
{
	struct lang_var *best = NULL;
	for (size_t i = 0; i < c->n_parts; i++) {
		if (dropped[i])
			continue;
		for (size_t k = 0; k < c->parts[i].n_vars; k++) {
			struct lang_var *v = &c->parts[i].vars[k];
			/* the bookings made or held are promises: every one
			 * is stated (the words after them go first) */
			/* the menu of services keeps every name while a
			 * fold can (a greeting naming three of six read as
			 * all we do: review tr5) */
			if (v->items == NULL || v->shown <= 1 ||
			    v->shown <= keep ||
			    strcmp(v->name, "bookings") == 0 ||
			    (keep > 1 && strcmp(v->name, "services") == 0))
				continue;
			if (best == NULL || v->shown >= best->shown)
				best = v;
		}
	}
	if (best == NULL)
		return 0;
	best->shown--;
	return 1;
}

static int drop_one(struct ctx *c, int *dropped)
{
	int best = -1;
	for (size_t i = 0; i < c->n_parts; i++)
		if (!dropped[i] && c->parts[i].prio > 0 &&
		    (best < 0 || c->parts[i].prio >= c->parts[best].prio))
			best = (int)i;
	if (best < 0)
		return 0;
	dropped[best] = 1;
	return 1;
}

size_t fold_letters(const struct ctx *c, const char *text, char *out,
		    size_t cap)
{
	const char *const *f = c->pack->fit_folds;
	size_t o = 0;
	if (cap == 0)
		return 0;
	for (const char *p = text; *p != '\0' && o + 1 < cap;) {
		size_t k = 0;
		while (f != NULL && f[k] != NULL &&
		       strncmp(p, f[k], strlen(f[k])) != 0)
			k += 2;
		const char *put = f != NULL && f[k] != NULL ? f[k + 1] : NULL;
		size_t adv = f != NULL && f[k] != NULL ? strlen(f[k]) : 1;
		if (put == NULL) {
			out[o++] = *p;
		} else {
			size_t l = strlen(put);
			if (o + l + 1 >= cap)
				break;
			memcpy(out + o, put, l);
			o += l;
		}
		p += adv;
	}
	out[o] = '\0';
	return o;
}

/*
 * The pack's plain letters for accented ones (fit_folds) in TEXT, in place:
 * only when the text then fits fewer segments (a Spanish reply with
 * "Sesión" is Unicode, 67 characters a part; "Sesion" keeps it GSM).
 */
static void fold_to_fit(const struct ctx *c, char *text, int max)
{
	if (c->pack->fit_folds == NULL ||
	    lang_segments_cat(c->cat, text) <= max)
		return;
	static char out[DESK_REPLY_MAX];
	size_t o = fold_letters(c, text, out, sizeof(out));
	if (lang_segments_cat(c->cat, out) < lang_segments_cat(c->cat, text))
		memcpy(text, out, o + 1);
}

/* A part said shorter when the whole does not fit: a price beside
 * another answer keeps the price and leaves out the example ("massage,
 * and do you do X?": the referral must fit); 0 when none can. */
static int shorten_one(struct ctx *c, const int *dropped)
{
	size_t live = 0;
	for (size_t i = 0; i < c->n_parts; i++)
		live += !dropped[i];
	if (live < 2)
		return 0;
	for (size_t i = 0; i < c->n_parts; i++)
		if (!dropped[i] &&
		    (strcmp(c->parts[i].tpl, "price_one") == 0 ||
		     strcmp(c->parts[i].tpl, "price_offered") == 0)) {
			c->parts[i].tpl = "price_booked";
			return 1;
		}
	return 0;
}

static int is_tpl(const struct part *p, const char *const *names)
{
	for (size_t i = 0; names[i] != NULL; i++)
		if (strcmp(p->tpl, names[i]) == 0)
			return 1;
	return 0;
}

/*
 * "Sorry, I can't answer that by text" beside another answer, where staff
 * take handed-on texts: left out, for the handoff tells the customer a
 * person answers (review pt5 s22, s31, s55 read it as a brush-off).
 */
static void person_answers(struct ctx *c, int *dropped)
{
	static const char *const cant[] = {"cant_answer", "cant_answer_call",
					   "cant_answer_can", NULL};
	static const char *const quiet[] = {"cant_answer", "cant_answer_call",
					    "cant_answer_can", "signature",
					    NULL};
	size_t other = 0;
	for (size_t i = 0; i < c->n_parts; i++)
		other += !is_tpl(&c->parts[i], quiet);
	if (!staff_forward(c) || other == 0)
		return;
	for (size_t i = 0; i < c->n_parts; i++)
		if (is_tpl(&c->parts[i], cant))
			dropped[i] = 1;
}

/* The business's name at the end goes before any letter of the reply is
 * folded: "Auriculothérapie arret du tabac" in a confirmation reads as
 * sloppy where the signature was never missed (review fr AL c05.3, s18,
 * the ê of "arrêt" is no GSM letter). Only where folding is what would
 * make it fit. */
static int unsign_to_fit(struct ctx *c, int *dropped, const char *text, int max)
{
	if (c->pack->fit_folds == NULL ||
	    lang_segments_cat(c->cat, text) <= max)
		return 0;
	char out[DESK_REPLY_MAX];
	fold_letters(c, text, out, sizeof(out));
	if (lang_segments_cat(c->cat, out) >= lang_segments_cat(c->cat, text))
		return 0;
	for (size_t i = 0; i < c->n_parts; i++)
		if (!dropped[i] && strcmp(c->parts[i].tpl, "signature") == 0) {
			dropped[i] = 1;
			return 1;
		}
	return 0;
}

/* Items a list keeps before a fold_last pack gives up its letters. */
enum { ITEMS_KEPT_BEFORE_FOLDING = 3 };

void reply_flush(struct ctx *c)
{
	struct desk_result *o = c->out;
	int dropped[PART_MAX] = {0};
	int max = c->max_segments;

	if (c->n_parts == 0)
		return;
	if (c->want_sign)
		part_set(part_add(c, "signature", 9), "business", biz(c));
	c->want_sign = 0;
	if (o->n_replies >= DESK_MAX_REPLIES) {
		c->n_parts = 0;
		return;
	}
	char *text = o->replies[o->n_replies];
	person_answers(c, dropped);
	for (;;) {
		render_all(c, dropped, text, DESK_REPLY_MAX);
		if (c->pack->fold_last &&
		    lang_segments_cat(c->cat, text) > max &&
		    shrink_one(c, dropped, ITEMS_KEPT_BEFORE_FOLDING))
			continue;
		if (unsign_to_fit(c, dropped, text, max))
			continue;
		fold_to_fit(c, text, max);
		if (lang_segments_cat(c->cat, text) <= max)
			break;
		if (brief_one(c, dropped) || shrink_one(c, dropped, 1) ||
		    drop_one(c, dropped) || shorten_one(c, dropped))
			continue;
		lang_trim_words(text, DESK_REPLY_MAX, max);
		break;
	}
	int seg = lang_segments_cat(c->cat, text);
	if (seg > o->d.segments)
		o->d.segments = seg;
	if (text[0] != '\0')
		o->n_replies++;
	c->n_parts = 0;
}

void say(struct ctx *c, const char *tpl)
{
	part_add(c, tpl, 0);
}

/* Our name at the end, when it still fits. */
void sign(struct ctx *c)
{
	c->want_sign = biz(c)[0] != '\0';
}

const char *biz(const struct ctx *c)
{
	return c->cat->business_name != NULL ? c->cat->business_name : "";
}

const char *show_phone(struct ctx *c, const char *e164)
{
	char home[40];
	if (e164 == NULL ||
	    phone_national(e164, c->cat->country, home, sizeof home) != 0)
		return e164;
	return pool_fmt(c, "%s", home);
}

/* ---- values in the pack's words ------------------------------------------ */

const char *fmt_day(struct ctx *c, const struct when_day *d)
{
	char mday[8], out[64];
	snprintf(mday, sizeof(mday), "%d", d->mday);
	struct lang_var v[] = {
	    {.name = "wday", .value = c->pack->wday_abbr[d->wday % 7]},
	    {.name = "mday", .value = mday},
	    {.name = "month",
	     .value = c->pack->month_abbr[(d->month + 11) % 12]},
	};
	lang_render(tpl_text(c, "date"), v, 3, out, sizeof(out));
	return pool_str(c, out);
}

const char *fmt_hhmm(struct ctx *c, int minute)
{
	char t[16];
	lang_fmt_time(c->pack, minute, t, sizeof(t));
	return pool_str(c, t);
}

const char *fmt_ref(struct ctx *c, const char *ref)
{
	char out[48];
	struct lang_var v[] = {{.name = "ref", .value = ref}};
	lang_render(tpl_text(c, "ref_short"), v, 1, out, sizeof(out));
	return pool_str(c, out);
}

const char *fmt_when(struct ctx *c, int64_t t)
{
	struct when_local l = local_of(c, t);
	return pool_fmt(c, "%s %s", fmt_day(c, &l.day), fmt_hhmm(c, l.minute));
}

/* Periods of one day joined in the pack's words: "09:30-14:00 y
 * 17:00-20:30" (the reviews of round K read "lun-vie 09:30-14:00, lun-vie
 * 17:00-20:30" as a machine's). */
static const char *join_periods(struct ctx *c, const int *open,
				const int *close, size_t n)
{
	char out[160] = "", one[40], a[16], b[16];
	size_t len = 0;
	for (size_t i = 0; i < n && len < sizeof(out); i++) {
		lang_fmt_time(c->pack, open[i], a, sizeof(a));
		lang_fmt_time(c->pack, close[i], b, sizeof(b));
		snprintf(one, sizeof(one), "%s-%s", a, b);
		if (i == 0) {
			len += (size_t)snprintf(out, sizeof(out), "%s", one);
			continue;
		}
		if (i + 1 < n) {
			len += (size_t)snprintf(out + len, sizeof(out) - len,
						", %s", one);
			continue;
		}
		char joined[sizeof(out)];
		struct lang_var v[] = {{.name = "a", .value = out},
				       {.name = "b", .value = one}};
		lang_render(tpl_text(c, "and_two"), v, 2, joined,
			    sizeof(joined));
		memcpy(out, joined, sizeof(out));
		len = strlen(out);
	}
	return pool_str(c, out);
}

/* The days of mask DAYS: "Mon-Fri", "Tue-Wed,Fri". */
static void days_text(struct ctx *c, unsigned days, char *out, size_t cap)
{
	size_t dl = 0;
	out[0] = '\0';
	for (int d = 0; d < 7;) {
		if (!(days & (1u << d))) {
			d++;
			continue;
		}
		int e = d;
		while (e + 1 < 7 && (days & (1u << (e + 1))))
			e++;
		dl += (size_t)snprintf(out + dl, cap - dl, "%s%s",
				       dl ? "," : "", c->pack->wday_abbr[d]);
		if (e > d && dl < cap)
			dl += (size_t)snprintf(out + dl, cap - dl, "-%s",
					       c->pack->wday_abbr[e]);
		if (dl >= cap)
			dl = cap - 1;
		d = e + 1;
	}
}

/* "Mon-Fri 09:00-12:30 and 13:30-18:00, Sat 09:00-13:00": entries of the
 * same days are one, in the order first written. */
const char *fmt_hours(struct ctx *c)
{
	const struct catalog *cat = c->cat;
	char out[320] = "";
	size_t len = 0;
	for (size_t i = 0; i < cat->n_hours && len < sizeof(out); i++) {
		unsigned days = cat->hours[i].days;
		int seen = 0, open[8], close[8];
		size_t n = 0;
		for (size_t k = 0; k < i; k++)
			seen |= cat->hours[k].days == days;
		if (seen)
			continue;
		for (size_t k = i; k < cat->n_hours && n < 8; k++)
			if (cat->hours[k].days == days) {
				open[n] = cat->hours[k].open_min;
				close[n++] = cat->hours[k].close_min;
			}
		/* in the order of the day */
		for (size_t a = 1; a < n; a++)
			for (size_t b = a; b > 0 && open[b] < open[b - 1];
			     b--) {
				int t = open[b];
				open[b] = open[b - 1];
				open[b - 1] = t;
				t = close[b];
				close[b] = close[b - 1];
				close[b - 1] = t;
			}
		char dtext[96];
		days_text(c, days, dtext, sizeof(dtext));
		len += (size_t)snprintf(out + len, sizeof(out) - len, "%s%s %s",
					len ? ", " : "", dtext,
					join_periods(c, open, close, n));
	}
	return pool_str(c, out);
}

/* The day's hours: "09:00-18:00" ("" when closed). */
const char *fmt_day_hours(struct ctx *c, const struct when_day *d)
{
	int open[8], close[8];
	size_t n = when_hours_of(c->cat, d, open, close, 8);
	return join_periods(c, open, close, n);
}

/* How long a visit takes: "45 min", "1 hour", "2 h 30 min" (round K: "120
 * min" read as a machine's). */
const char *fmt_length(struct ctx *c, int minutes)
{
	if (minutes < 60)
		return fmt_minutes(c, minutes);
	char h[16], m[16], out[64];
	snprintf(h, sizeof(h), "%d", minutes / 60);
	snprintf(m, sizeof(m), "%d", minutes % 60);
	struct lang_var v[] = {{.name = "n", .value = h},
			       {.name = "h", .value = h},
			       {.name = "m", .value = m}};
	const char *tpl = minutes % 60 != 0 ? "length_hm"
			  : minutes == 60   ? "length_1h"
					    : "length_h";
	lang_render(tpl_text(c, tpl), v, 3, out, sizeof(out));
	return pool_str(c, out);
}

const char *fmt_minutes(struct ctx *c, int minutes)
{
	char n[16], out[64];
	snprintf(n, sizeof(n), "%d", minutes);
	struct lang_var v = {.name = "n", .value = n};
	lang_render(tpl_text(c, "minutes"), &v, 1, out, sizeof(out));
	return pool_str(c, out);
}

/* "60 min", "2 hours", "24 hours" */
const char *fmt_notice(struct ctx *c, int minutes)
{
	if (minutes < 120 || minutes % 60 != 0)
		return fmt_minutes(c, minutes);
	char n[16], out[64];
	/* "168 Std." read as a machine's (review de AJ s25, s30, s51,
	 * AH s32): whole days from two on are said in days */
	int days = minutes >= 2 * 24 * 60 && minutes % (24 * 60) == 0;
	snprintf(n, sizeof(n), "%d", days ? minutes / (24 * 60) : minutes / 60);
	struct lang_var v = {.name = "n", .value = n};
	lang_render(tpl_text(c, days ? "days_n" : "hours_n"), &v, 1, out,
		    sizeof(out));
	return pool_str(c, out);
}

/* "GBP 18" → ("", "GBP", 1800); "from GBP 95" → ("from", "GBP", 9500);
 * 0 when the price is not that simple ("GBP 20 per tyre"). */
static int price_parts(const char *s, char *pre, size_t pcap, char *cur,
		       size_t cap, long *cents)
{
	const char *p = s;
	pre[0] = '\0';
	for (int w = 0; w < 2; w++) {
		size_t i = 0;
		while (isalpha((unsigned char)p[i]) && i + 1 < cap) {
			cur[i] = p[i];
			i++;
		}
		cur[i] = '\0';
		if (i == 0 || p[i] != ' ')
			return 0;
		char *end;
		double v = strtod(p + i + 1, &end);
		if (end != p + i + 1 && *end == '\0' && v >= 0) {
			*cents = (long)(v * 100 + 0.5);
			return 1;
		}
		/* one word before the currency: "from", "desde", "ab" */
		if (w > 0 || (size_t)(p - s) + i + 1 > pcap)
			return 0;
		snprintf(pre, pcap, "%.*s ", (int)i, p);
		p += i + 1;
	}
	return 0;
}

/* The sum of the services' prices in one currency, or NULL; "from ..."
 * when any of them is a "from" price. */
const char *fmt_total(struct ctx *c, const struct cat_service *const *svcs,
		      size_t n)
{
	char cur[8] = "", one[8], pre[24] = "", p1[24];
	long sum = 0, cents;
	for (size_t i = 0; i < n; i++) {
		if (svcs[i]->price == NULL ||
		    !price_parts(svcs[i]->price, p1, sizeof(p1), one,
				 sizeof(one), &cents))
			return NULL;
		if (cur[0] != '\0' && strcmp(cur, one) != 0)
			return NULL;
		if (p1[0] != '\0' && pre[0] != '\0' && strcmp(p1, pre) != 0)
			return NULL;
		if (p1[0] != '\0')
			snprintf(pre, sizeof(pre), "%s", p1);
		snprintf(cur, sizeof(cur), "%s", one);
		sum += cents;
	}
	if (sum % 100 == 0)
		return pool_fmt(c, "%s%s %ld", pre, cur, sum / 100);
	return pool_fmt(c, "%s%s %ld.%02ld", pre, cur, sum / 100, sum % 100);
}

/* Lower case in place: ASCII and the Latin-1 capitals ("Ç", "Ü"). */
static void lower_latin(char *s)
{
	for (unsigned char *q = (unsigned char *)s; *q != '\0'; q++) {
		if (q[0] == 0xc3 && q[1] >= 0x80 && q[1] <= 0x9e &&
		    q[1] != 0x97)
			q[1] += 0x20;
		else if (q[0] < 0x80)
			*q = (unsigned char)tolower(*q);
	}
}

/* The token of NAME that folds to the folded word W (n bytes), written
 * letter for letter and lower case, into OUT; 0 if none. */
static int name_token(const char *name, const char *w, size_t n, char *out,
		      size_t cap)
{
	char f[64];
	for (const char *p = name; *p != '\0';) {
		size_t l = strcspn(p, " -/(),.'");
		if (l > 0 && l < cap) {
			memcpy(out, p, l);
			out[l] = '\0';
			text_fold(out, f, sizeof(f));
			if (strlen(f) == n && strncmp(f, w, n) == 0 &&
			    text_codepoints(out) == text_codepoints(f)) {
				lower_latin(out);
				return 1;
			}
		}
		p += l;
		p += *p != '\0';
	}
	return 0;
}

/* The word W (n bytes, folded) as the name of another service listing it
 * writes it ("kine" of "Kiné respiratoire"), into OUT; 0 if none. Only the
 * services the catalog's word index says list the word are asked: a walk
 * of every name cost 3 M instructions a reply on 10,000 services. */
static int owner_writes(struct ctx *c, const char *w, size_t n, char *out,
			size_t cap)
{
	char word[64];
	const struct cat_match *o;
	if (n >= sizeof(word))
		return 0;
	memcpy(word, w, n);
	word[n] = '\0';
	size_t k = catalog_word_owners(c->cat, word, &o);
	for (size_t i = 0; i < k; i++)
		if (o[i].kind == CAT_SERVICE &&
		    name_token(svc_name(c, &c->cat->services[o[i].idx]), w, n,
			       out, cap))
			return 1;
	return 0;
}

/*
 * A service's word as its name writes it: the catalog keeps words folded
 * ("fullung", "sac kesimi"), the name keeps the letters ("Füllung" gives
 * "füllung", "Saç kesimi" "saç kesimi"), letter for letter ("Kids’" is not
 * "kids"); a word its name does not hold as another service's name
 * writes it ("kine" of "Kiné respiratoire"). A word no name holds comes
 * back as it is.
 */
const char *svc_word_written(struct ctx *c, const struct cat_service *svc,
			     const char *word)
{
	char out[160] = "", tok[64];
	int changed = 0;
	for (const char *p = word; *p != '\0';) {
		size_t n = strcspn(p, " ");
		size_t len = strlen(out);
		int found =
		    name_token(svc_name(c, svc), p, n, tok, sizeof(tok));
		if (!found)
			found = owner_writes(c, p, n, tok, sizeof(tok));
		if (found) {
			changed |= strncmp(tok, p, n) != 0;
			snprintf(out + len, sizeof(out) - len, "%s%s",
				 len ? " " : "", tok);
		} else {
			snprintf(out + len, sizeof(out) - len, "%s%.*s",
				 len ? " " : "", (int)n, p);
		}
		p += n;
		p += *p != '\0';
	}
	return changed ? pool_str(c, out) : word;
}

/* Every word of W is a word of the service's own name ("manikure" of
 * "Maniküre mit Shellac"; "manikuere" is not). */
static int name_holds(struct ctx *c, const struct cat_service *svc,
		      const char *w)
{
	char tok[64];
	for (const char *p = w; *p != '\0';) {
		size_t n = strcspn(p, " ");
		if (!name_token(svc_name(c, svc), p, n, tok, sizeof(tok)))
			return 0;
		p += n;
		p += *p != '\0';
	}
	return 1;
}

/* The word an example names a service by: the first of its words its name
 * holds, as the name writes it ("maniküre", never "manikuere" when the
 * catalog lists that first), else its first word. */
const char *svc_example_word(struct ctx *c, const struct cat_service *svc)
{
	if (svc->n_words == 0)
		return svc->id;
	for (size_t i = 0; i < svc->n_words && i < 8; i++)
		if (name_holds(c, svc, svc->words[i]))
			return svc_word_written(c, svc, svc->words[i]);
	/* as the catalog writes it: "unverträglichkeit", never the folded
	 * "unvertraglichkeit" a name of compounds does not hold (review de
	 * AR s06, c04.1) */
	const char *w = svc_word_written(c, svc, svc->words[0]);
	if (w == svc->words[0] && svc->words_written != NULL &&
	    svc->words_written[0] != NULL)
		return svc->words_written[0];
	return w;
}

/*
 * An example request built from this catalog: our first service's word, the
 * next day we are open and an hour after opening, in the pack's "example"
 * wording ("haircut sat 10am", "corte sab a las 10").
 */
const char *example_text(struct ctx *c)
{
	if (c->example[0] != '\0')
		return c->example;
	const struct cat_service *svc =
	    c->cat->n_services > 0 ? &c->cat->services[0] : NULL;
	const char *word = svc == NULL	      ? ""
			   : svc->n_words > 0 ? svc->words[0]
					      : svc->id;
	/* A business of several languages: the service's word that its
	 * name in the reply's language holds ("corte" of "Corte de pelo"). */
	if (svc != NULL && c->cat->n_languages > 1) {
		char name[200] = " ", w[200];
		text_fold(svc_name(c, svc), name + 1, sizeof(name) - 2);
		strcat(name, " ");
		for (size_t i = 0; i < svc->n_words; i++) {
			snprintf(w, sizeof(w), " %s ", svc->words[i]);
			if (strstr(name, w) != NULL) {
				word = svc->words[i];
				break;
			}
		}
	}
	if (svc != NULL && c->cat->n_languages <= 1)
		word = svc_example_word(c, svc);
	else if (svc != NULL)
		word = svc_word_written(c, svc, word);
	c->example_wlen = strlen(word);
	struct when_day d = c->lnow.day;
	int open[8], close[8];
	for (int i = 1; i <= 8; i++) {
		d = when_day_add(c->lnow.day, i);
		if (when_hours_of(c->cat, &d, open, close, 8) > 0)
			break;
	}
	int m = open[0] + 60;
	if (svc != NULL && m + svc->minutes > close[0])
		m = open[0];
	m -= m % 60 == 0 ? 0 : m % 60;
	char day[16], hour[16], h12[16];
	const char *wd = c->pack->wday_example[d.wday % 7];
	snprintf(day, sizeof(day), "%s",
		 wd != NULL ? wd : c->pack->wday_abbr[d.wday % 7]);
	for (char *p = day; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	int h = m / 60;
	snprintf(hour, sizeof(hour), "%d", h);
	snprintf(h12, sizeof(h12), "%d%s", h % 12 == 0 ? 12 : h % 12,
		 h < 12 ? "am" : "pm");
	struct lang_var v[] = {
	    {.name = "word", .value = word},
	    {.name = "wday", .value = day},
	    {.name = "hour", .value = hour},
	    {.name = "h12", .value = h12},
	};
	lang_render(tpl_text(c, "example"), v, 4, c->example,
		    sizeof(c->example));
	return c->example;
}

/* NAME without a closing note in brackets ("Komplettpflege kleiner Hund
 * (bis 10 kg)" is "Komplettpflege kleiner Hund"), or NULL when it has none. */
static const char *brief_name(struct ctx *c, const char *name)
{
	size_t n = strlen(name);
	if (n < 4 || name[n - 1] != ')')
		return NULL;
	const char *open = strrchr(name, '(');
	if (open == NULL || open == name)
		return NULL;
	size_t keep = (size_t)(open - name);
	while (keep > 0 && name[keep - 1] == ' ')
		keep--;
	if (keep == 0)
		return NULL;
	return pool_fmt(c, "%.*s", (int)keep, name);
}

/*
 * The catalog's services as a list var (names, or "Name price"): a menu,
 * so when it has to be shorter to fit, the names lose their notes in
 * brackets first and a list still cut says how many more there are (review
 * de7: the eighth service silently missing from every menu).
 */
/* Does NAME hold MINUTES as a number of its own ("Doppelstunde (90
 * Min.)", "Massage 60 Min")? */
static int names_minutes(const char *name, int minutes)
{
	char num[16];
	snprintf(num, sizeof num, "%d", minutes);
	size_t l = strlen(num);
	for (const char *p = name; (p = strstr(p, num)) != NULL; p++)
		if ((p == name || !isdigit((unsigned char)p[-1])) &&
		    !isdigit((unsigned char)p[l]))
			return 1;
	return 0;
}

void services_list(struct ctx *c, struct part *p, const char *name,
		   int numbered, enum svc_beside beside)
{
	size_t n = c->cat->n_services < 12 ? c->cat->n_services : 12;
	const char **items = pool_ptrs(c, n);
	const char **brief = pool_ptrs(c, n);
	int any_brief = 0;
	for (size_t i = 0; i < n; i++) {
		const struct cat_service *s = &c->cat->services[i];
		const char *nm = svc_name(c, s);
		const char *b = brief_name(c, nm);
		any_brief |= b != NULL;
		if (b == NULL)
			b = nm;
		const char *with = beside == BESIDE_PRICE ? s->price
				   : beside == BESIDE_LENGTH
				       ? fmt_length(c, s->minutes)
				       : NULL;
		/* "Fahrstunde (45 Min.)": its name says how long already */
		if (beside == BESIDE_LENGTH && names_minutes(nm, s->minutes))
			with = NULL;
		items[i] = with ? pool_fmt(c, "%s %s", nm, with) : nm;
		brief[i] = with ? pool_fmt(c, "%s %s", b, with) : b;
	}
	part_list(p, name, items, n, numbered ? " " : ", ", numbered);
	if (p->n_vars == 0 || p->vars[p->n_vars - 1].items != items)
		return;
	struct lang_var *v = &p->vars[p->n_vars - 1];
	v->more = tpl_text(c, "list_more");
	v->total = c->cat->n_services;
	v->brief = any_brief ? brief : NULL;
}

/* Segments the parts so far would take, as they stand. */
int parts_segments(struct ctx *c)
{
	int dropped[PART_MAX] = {0};
	static char text[DESK_REPLY_MAX];
	render_all(c, dropped, text, sizeof(text));
	fold_to_fit(c, text, c->max_segments);
	return lang_segments_cat(c->cat, text);
}

/* ---- explaining ------------------------------------------------------------
 */

size_t desk_explain(const struct catalog *cat, const struct desk_result *res,
		    char *out, size_t cap)
{
	const struct desk_decision *d = &res->d;
	size_t pos = inquiry_explain(cat, &res->q, out, cap);
	int n;

	if (pos + 1 >= cap)
		return pos;
	if (cat->n_languages > 1 && d->lang_why != NULL) {
		n = snprintf(out + pos, cap - pos, "language: %s (%s)\n",
			     d->lang, d->lang_why);
		pos += n > 0 && (size_t)n < cap - pos ? (size_t)n : 0;
	}
	n = snprintf(out + pos, cap - pos, "decision: %s (%s)",
		     desk_kind_name(d->kind), desk_reason_name(d->reason));
	pos += n > 0 && (size_t)n < cap - pos ? (size_t)n : 0;
	if (d->subject[0] != '\0' && pos < cap)
		pos +=
		    (size_t)snprintf(out + pos, cap - pos, " %s", d->subject);
	if (d->local[0] != '\0' && pos < cap)
		pos +=
		    (size_t)snprintf(out + pos, cap - pos, " at %s", d->local);
	if (d->ref[0] != '\0' && pos < cap)
		pos +=
		    (size_t)snprintf(out + pos, cap - pos, " ref %s", d->ref);
	for (size_t i = 0; i < d->n_more && pos < cap; i++)
		pos += (size_t)snprintf(
		    out + pos, cap - pos, "; also %s (%s) %s%s%s",
		    desk_kind_name(d->more[i].kind),
		    desk_reason_name(d->more[i].reason), d->more[i].subject,
		    d->more[i].local[0] ? " at " : "", d->more[i].local);
	for (size_t i = 0; i < d->n_named && pos < cap; i++)
		pos += (size_t)snprintf(out + pos, cap - pos, "%s%s (for %s)",
					i == 0 ? "; names " : ", ", d->named[i],
					d->named_for[i]);
	if (pos < cap)
		pos += (size_t)snprintf(out + pos, cap - pos, "\nrule: %s\n",
					d->rule != NULL ? d->rule : "-");
	if (pos >= cap)
		pos = cap - 1;
	return pos;
}
