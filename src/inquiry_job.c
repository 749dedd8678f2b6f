/*
 * inquiry: trade work asked for by a name the catalog doesn't know ("can
 * you fix my clutch", "timing belt change how much", "battery flat can u
 * replace it", "my exhaust is blowing"), named cleanly for the honest no
 * ("clutches", "timing belts", "a wiper blade"); whether a thing asked
 * for by an unknown name may get that no at all, or goes to a person
 * ("how much are glasses" at an optician); and questions about how we
 * work that are no request at all ("do you use genuine parts", "can you do
 * it cheaper"). The rules are generic: every word they use is the
 * language pack's (struct lang_jobs, src/lang/<code>_jobs.c).
 */
#include "smsdesk/inquiry.h"

#include "inquiry_read.h"

#include "smsdesk/catalog.h"
#include "smsdesk/text.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static int in(const char *w, const char *const *list)
{
	for (size_t i = 0; list != NULL && list[i] != NULL; i++)
		if (strcmp(w, list[i]) == 0)
			return 1;
	return 0;
}

/* The pack's job words (NULL when it has none). */
static const struct lang_jobs *jobs_of(const struct reader *r)
{
	return r->pack != NULL ? r->pack->jobs : NULL;
}

/* W is in the pack's list named by FIELD (none: no). */
#define J(r, w, field) (jobs_of(r) != NULL && in((w), jobs_of(r)->field))

int rd_job_verb(const struct reader *r, const char *w)
{
	return J(r, w, verbs);
}

int rd_not_named(const struct reader *r, const char *w)
{
	return J(r, w, not_named);
}

int rd_offer_verb(const struct reader *r, const char *w)
{
	return J(r, w, offer);
}

/* Verbs of trade work: the thing after them is the job ("need" and "do"
 * are read by the generic rule, inquiry_intent.c). */
/* Words that name nothing on their own, even unclassed. */
static int content(const struct reader *r, const struct tok *t)
{
	size_t n = strlen(t->w);
	if (t->thing != 0 || (t->eff & ~LW_COMMON) != 0 || n < 3 ||
	    J(r, t->w, stop) || J(r, t->w, skip) || J(r, t->w, not_named))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isalpha((unsigned char)t->w[i]))
			return 0;
	return 1;
}

/* A name the customer would use for many of them: no plural. */
static int uncountable(const struct lang_jobs *jw, const char *w)
{
	size_t n = strlen(w);
	if (in(w, jw->mass))
		return 1;
	for (size_t i = 0; jw->mass_ends != NULL && jw->mass_ends[i] != NULL;
	     i++) {
		size_t e = strlen(jw->mass_ends[i]);
		if (n > e && strcmp(w + n - e, jw->mass_ends[i]) == 0)
			return 1;
	}
	return n > 0 && w[n - 1] == 's';
}

/* "clutch" -> "clutches", "battery" -> "batteries", "belt" -> "belts". */
static void plural(const struct lang_jobs *jw, char *w, size_t cap)
{
	size_t n = strlen(w);
	if (n == 0 || !jw->plural || uncountable(jw, w))
		return;
	if (w[n - 1] == 'y' && n > 1 && !strchr("aeiou", w[n - 2])) {
		if (n + 3 <= cap)
			snprintf(w + n - 1, cap - (n - 1), "ies");
		return;
	}
	int es = w[n - 1] == 'x' || w[n - 1] == 'z' ||
		 (n > 1 && (w[n - 1] == 'h') &&
		  (w[n - 2] == 'c' || w[n - 2] == 's'));
	if (n + 3 <= cap)
		snprintf(w + n, cap - n, "%s", es ? "es" : "s");
}

/* W as a name: past an elided article glued to it ("lembrayage" is
 * "embrayage", French). */
static const char *unglued(const struct reader *r, const char *w)
{
	const char *const *el = r->pack != NULL ? r->pack->elisions : NULL;
	for (size_t i = 0; el != NULL && el[i] != NULL; i++) {
		size_t n = strlen(el[i]);
		if (strncmp(w, el[i], n) == 0 && strlen(w + n) >= 3 &&
		    strchr("aeiouyh", w[n]) != NULL)
			return w + n;
	}
	return w;
}

/*
 * The job named from word J on (up to three words of one clause), into
 * OUT: "a wiper blade" keeps its article, a bare name becomes plural
 * ("clutches") where the pack says so. Returns the words used, 0 when J
 * names nothing.
 */
static size_t job_phrase(const struct reader *r, size_t j, int keep_article,
			 char *out, size_t cap)
{
	const struct lang_jobs *jw = jobs_of(r);
	size_t k = j, used = 0;
	out[0] = '\0';
	while (k < r->n && used < 3 && r->t[k].clause == r->t[j].clause &&
	       r->t[k].segment == r->t[j].segment && content(r, &r->t[k])) {
		size_t l = strlen(out);
		snprintf(out + l, cap - l, "%s%s", used ? " " : "",
			 used ? r->t[k].w : unglued(r, r->t[k].w));
		k++;
		used++;
	}
	if (used == 0)
		return 0;
	int article = keep_article && j > 0 && J(r, r->t[j - 1].w, articles);
	if (article) {
		size_t a = strlen(r->t[j - 1].w) + 1, l = strlen(out);
		if (l + a < cap) {
			memmove(out + a, out, l + 1);
			memcpy(out, r->t[j - 1].w, a - 1);
			out[a - 1] = ' ';
		}
	} else {
		/* pluralise the last word */
		char *last = strrchr(out, ' ');
		last = last != NULL ? last + 1 : out;
		plural(jw, last, cap - (size_t)(last - out));
	}
	return used;
}

/* The first job named at the start of a clause ("timing belt change",
 * "battery flat", "my exhaust is blowing", "Kupplung wechseln"), past
 * owners and the car. */
static size_t leading_job(const struct reader *r, size_t upto, char *out,
			  size_t cap)
{
	for (size_t i = 0; i < upto && i < r->n; i++) {
		const struct tok *t = &r->t[i];
		if (J(r, t->w, skip) ||
		    (t->eff &
		     (LW_GREET | LW_FILLER | LW_SELF | LW_BOOK | LW_QUESTION)))
			continue;
		if (!content(r, t))
			return 0;
		size_t used = job_phrase(r, i, 0, out, cap);
		/* a name followed by what is wrong or what to do with it */
		size_t after = i + used;
		/* "is", "has": the state after it ("exhaust is blowing") */
		if (used > 0 && after + 1 < r->n &&
		    J(r, r->t[after].w, linking))
			after++;
		if (used > 0 && after < r->n &&
		    (J(r, r->t[after].w, state) || J(r, r->t[after].w, verbs)))
			return used;
		return 0;
	}
	return 0;
}

/* One thing fitted keeps its article ("a wiper blade"); a kind of work is
 * named in the plural ("clutches"). */
static int one_thing(const struct reader *r, const char *verb)
{
	const struct lang_jobs *jw = jobs_of(r);
	for (size_t i = 0;
	     jw != NULL && jw->one_thing != NULL && jw->one_thing[i] != NULL;
	     i++)
		if (strncmp(verb, jw->one_thing[i], strlen(jw->one_thing[i])) ==
		    0)
			return 1;
	return 0;
}

int rd_job_asked(const struct reader *r, struct inquiry *q)
{
	char buf[INQ_WORD_MAX];
	if (jobs_of(r) == NULL)
		return 0;
	for (size_t k = 0; k < q->n_things; k++)
		if (q->things[k].kind >= 0)
			return 0; /* a service or topic we know was named */
	for (size_t i = 0; i < r->n; i++) {
		if (!J(r, r->t[i].w, verbs))
			continue;
		/* "my vision has changed": a state, no work asked for */
		if (i > 0 && J(r, r->t[i - 1].w, linking))
			continue;
		size_t j = i + 1;
		while (j < r->n && J(r, r->t[j].w, skip))
			j++;
		int one = one_thing(r, r->t[i].w);
		if (j < r->n && job_phrase(r, j, one, buf, sizeof(buf)) > 0) {
			snprintf(q->asked_word, sizeof(q->asked_word), "%s",
				 buf);
			return 1;
		}
		/* "battery flat can u replace it": the job named first */
		if (leading_job(r, i, buf, sizeof(buf)) > 0) {
			snprintf(q->asked_word, sizeof(q->asked_word), "%s",
				 buf);
			return 1;
		}
	}
	/* "my exhaust is blowing can you book me in", "car battery dead
	 * need a new one tomorrow" */
	if ((rd_has(r, LW_BOOK | LW_PRICE | LW_QUESTION) ||
	     q->when.mentioned) &&
	    leading_job(r, r->n, buf, sizeof(buf)) > 0) {
		snprintf(q->asked_word, sizeof(q->asked_word), "%s", buf);
		return 1;
	}
	return 0;
}

/* A clean name for a word found after "do you do", "need", "quote for"
 * ("how much to replace a headlight bulb": past the verb). */
void rd_job_name(const struct reader *r, size_t j, char *out, size_t cap)
{
	if (jobs_of(r) == NULL)
		return;
	char buf[INQ_WORD_MAX];
	int one = 0;
	if (j < r->n && J(r, r->t[j].w, verbs)) {
		one = one_thing(r, r->t[j].w);
		j++;
		while (j < r->n && J(r, r->t[j].w, skip))
			j++;
	}
	if (j < r->n && content(r, &r->t[j]) &&
	    job_phrase(r, j, one, buf, sizeof(buf)) > 0)
		snprintf(out, cap, "%s", buf);
}

/* ---- a typo inside a service's name ---------------------------------------
 */

/* PH (LEN words) is the run at I with one word off by one letter, its
 * first letter kept, a word no pack knows. */
static int one_word_off(const struct reader *r, size_t i, size_t len,
			const struct cat_phrase *ph)
{
	size_t off = 0;
	if (ph->n_words != len)
		return 0;
	for (size_t k = 0; k < len; k++) {
		const char *w = r->t[i + k].w, *cw = ph->words[k];
		if (strcmp(w, cw) == 0)
			continue;
		if (off++ || r->t[i + k].cls != 0 || strlen(w) < 3 ||
		    w[0] != cw[0] || rd_has_digit(w) ||
		    text_distance(w, cw, 1) != 1)
			return 0;
	}
	return off == 1;
}

int rd_phrase_typo(const struct reader *r, size_t i, size_t len,
		   struct cat_match *m)
{
	int found = 0;
	if (r->cat == NULL || len < 2 || i + len > r->n)
		return 0;
	/* the typo is past the first word, or in it and the second is kept */
	for (size_t pos = 0; pos < 2; pos++) {
		const struct cat_phrase *ph;
		size_t n =
		    catalog_phrases_at(r->cat, pos, r->t[i + pos].w, &ph);
		for (size_t x = 0; x < n; x++) {
			if (!one_word_off(r, i, len, &ph[x]))
				continue;
			if (found &&
			    (m->kind != ph[x].kind || m->idx != ph[x].idx))
				return 0; /* two fit: ambiguous */
			m->kind = ph[x].kind;
			m->idx = ph[x].idx;
			m->distance = 1;
			found = 1;
		}
	}
	return found;
}

/* ---- may we say no? ------------------------------------------------------
 */

/* Two folded words are one ("check", "checks"; "glasses", "sunglasses";
 * a typo of one): the name asked is about something we do. */
static int kin(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	if (na < 4 || nb < 4)
		return 0;
	if (na > nb) {
		const char *t = a;
		a = b;
		b = t;
		size_t tn = na;
		na = nb;
		nb = tn;
	}
	/* "check"/"checks", "lens"/"lenses"; "glasses" in "sunglasses" */
	if (strncmp(a, b, na) == 0 && nb - na <= 3)
		return 1;
	if (na >= 5 && strcmp(b + nb - na, a) == 0)
		return 1;
	return text_distance(a, b, 1) <= 1;
}

/* HEAD (one folded word) is a word of PHRASE. */
static int in_phrase(const char *head, const char *phrase)
{
	char b[256];
	char *save = NULL;
	snprintf(b, sizeof(b), "%s", phrase);
	for (char *y = strtok_r(b, " ", &save); y != NULL;
	     y = strtok_r(NULL, " ", &save))
		if (kin(head, y))
			return 1;
	return 0;
}

/* The word of NAME (folded) that says what it is: "wheel building" is a
 * building, "sports glasses" glasses, "limpieza facial" a limpieza. */
static void head_word(const struct reader *r, const char *name, char *out,
		      size_t cap)
{
	const char *sp =
	    jobs_of(r)->head_first ? strchr(name, ' ') : strrchr(name, ' ');
	if (jobs_of(r)->head_first)
		snprintf(out, cap, "%.*s",
			 (int)(sp != NULL ? (size_t)(sp - name) : strlen(name)),
			 name);
	else
		snprintf(out, cap, "%s", sp != NULL ? sp + 1 : name);
}

/* The name asked for is one of our services' or topics' words by its
 * head ("glasses" at an optician that fits glasses, "checks" where we do
 * contact lens checks, "eye tsts"): we cannot know it is a no. */
static int about_ours(const struct reader *r, const char *name)
{
	const struct catalog *cat = r->cat;
	char head[INQ_WORD_MAX];
	head_word(r, name, head, sizeof(head));
	char folded[256];
	for (int kind = 0; cat != NULL && kind < 2; kind++) {
		size_t cnt = kind == 0 ? cat->n_services : cat->n_topics;
		for (size_t x = 0; x < cnt; x++) {
			char *const *ws = kind == 0 ? cat->services[x].words
						    : cat->topics[x].words;
			size_t nw = kind == 0 ? cat->services[x].n_words
					      : cat->topics[x].n_words;
			const char *nm = kind == 0 ? cat->services[x].name
						   : cat->topics[x].name;
			text_fold(nm, folded, sizeof(folded));
			if (in_phrase(head, folded))
				return 1;
			for (size_t y = 0; y < nw; y++)
				if (in_phrase(head, ws[y]))
					return 1;
		}
	}
	return 0;
}

/* Someone at the business takes texts the desk hands on (staff with
 * forward = true and a phone). */
static int person_answers(const struct catalog *cat)
{
	for (size_t i = 0; cat != NULL && i < cat->n_staff; i++)
		if (cat->staff[i].forward && cat->staff[i].phone != NULL &&
		    cat->staff[i].phone[0] != '\0')
			return 1;
	return 0;
}

int rd_may_say_no(const struct reader *r, const struct inquiry *q, int request)
{
	if (!request || jobs_of(r) == NULL || q->asked_word[0] == '\0')
		return 0;
	if (person_answers(r->cat))
		return 0;
	char name[INQ_WORD_MAX];
	text_fold(q->asked_word, name, sizeof(name));
	return !about_ours(r, name);
}

/*
 * A question about how we work, not a request: "do you use genuine
 * parts", "what oil do you use", "do you have a courtesy car", "can you do
 * it cheaper", "can you collect my car from work".
 */
int rd_asks_about_us(const struct reader *r)
{
	if (jobs_of(r) == NULL)
		return 0;
	for (size_t i = 0; i + 2 < r->n; i++) {
		if (J(r, r->t[i].w, about_lead) &&
		    J(r, r->t[i + 1].w, about_you) &&
		    J(r, r->t[i + 2].w, about_how) &&
		    /* "can you have a look": the trade's phrase, asked */
		    !(r->t[i + 2].plen > 1 && (r->t[i + 2].pcls & LW_TRADE)))
			return 1;
	}
	/* "can you do it cheaper", "any deals" */
	for (size_t i = 0; i < r->n; i++)
		if (J(r, r->t[i].w, comparing))
			return 1;
	return 0;
}

/*
 * "mot retest", "can you do a retest": a retest the catalog doesn't list
 * is not the full service at full price. The service named beside it is
 * dropped and the retest asked for, so the honest no lists what we do
 * (the MOT among them, to book by number). Not a question whether one is
 * included ("is the retest included"): that is for a person.
 */
int rd_retest(const struct reader *r, struct inquiry *q)
{
	if (jobs_of(r) == NULL || jobs_of(r)->retest == NULL)
		return 0;
	int at = -1;
	for (size_t i = 0; i < r->n; i++) {
		if (J(r, r->t[i].w, included))
			return 0;
		if (r->t[i].thing == 0 && J(r, r->t[i].w, retest))
			at = (int)i;
	}
	if (at < 0 || q->n_matches > 1)
		return 0;
	for (size_t k = 0; k < q->n_things; k++)
		if (q->things[k].kind == CAT_SERVICE)
			q->things[k].role = INQ_MENTIONED;
	q->n_matches = 0;
	/* named as the pack's first word for it ("retests") */
	snprintf(q->asked_word, sizeof(q->asked_word), "%s",
		 jobs_of(r)->retest[0]);
	if (jobs_of(r)->plural)
		plural(jobs_of(r), q->asked_word, sizeof(q->asked_word));
	return 1;
}

/* Token T is a plain word no pack class and no catalog word knows. */
static int unknown_word(const struct reader *r, const struct tok *t)
{
	return t->eff == 0 && content(r, t);
}

/* Word K follows a verb asking whether we do it ("do thai"), or the pack's
 * article after one ("is a thai", "book a thai"; not "get my dogs nails",
 * "whats the cheapest service"). */
static int asked_for(const struct reader *r, size_t k)
{
	const struct tok *t = k > 0 ? &r->t[k - 1] : NULL;
	if (t == NULL || t->segment != r->t[k].segment)
		return 0;
	if (J(r, t->w, offer))
		return 1;
	if (!J(r, t->w, articles) || k < 2 ||
	    r->t[k - 2].segment != r->t[k].segment)
		return 0;
	t = &r->t[k - 2];
	return (t->eff & (LW_QUESTION | LW_BOOK | LW_PRICE)) ||
	       J(r, t->w, offer);
}

/*
 * "Do you do Thai massage", "Indian head massage", "couples massage" at a
 * clinic whose services are sports massages (review r10 s122-s124 got
 * "Which day suits you for Sports massage"): a word before one of our
 * service words that no pack class and no catalog word knows makes it
 * another kind of that thing, not ours. The service is dropped and the
 * two words asked about: for a person, or the honest no when none of
 * their words is ours (rd_may_say_no).
 */
int rd_other_kind(const struct reader *r, struct inquiry *q)
{
	if (jobs_of(r) == NULL || q->n_matches != 1 ||
	    q->matches[0].kind != CAT_SERVICE)
		return 0;
	for (size_t i = 1; i < r->n; i++) {
		int th = r->t[i].thing;
		if (th <= 0 || q->things[th - 1].kind != (int)CAT_SERVICE ||
		    strchr(q->things[th - 1].word, ' ') != NULL)
			continue;
		size_t k = i - 1;
		/* "indian head massage": past one everyday word */
		if (r->t[k].thing == 0 && r->t[k].eff == LW_COMMON && k > 0 &&
		    r->t[k - 1].segment == r->t[i].segment &&
		    unknown_word(r, &r->t[k - 1]))
			k--;
		/* asked for: right after "do", "any", "book" or "how much is
		 * a", never a name ("Hi it's Siobhán haircut") nor a measure
		 * ("60 min massage") */
		if (r->t[k].segment != r->t[i].segment ||
		    !unknown_word(r, &r->t[k]) || !asked_for(r, k))
			return 0;
		/* "une séance stress" at "Séance stress et sommeil": a word
		 * of the service's own name is that service, never another
		 * kind of it (review fr AL c07.1 was handed on) */
		if (rd_name_holds_word(r->cat, q->things[th - 1].idx,
				       r->t[k].w))
			return 0;
		char buf[INQ_WORD_MAX];
		size_t pos = 0;
		buf[0] = '\0';
		for (size_t j = k; j <= i; j++)
			pos += (size_t)snprintf(buf + pos, sizeof(buf) - pos,
						"%s%s", j > k ? " " : "",
						r->t[j].w);
		if (pos >= sizeof(buf))
			return 0;
		for (size_t m = 0; m < q->n_things; m++)
			if (q->things[m].kind == CAT_SERVICE)
				q->things[m].role = INQ_MENTIONED;
		q->n_matches = 0;
		snprintf(q->asked_word, sizeof(q->asked_word), "%s", buf);
		return 1;
	}
	return 0;
}
