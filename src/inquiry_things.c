/* inquiry: services, topics and trade words in a text, and their roles. */
#include "smsdesk/inquiry.h"

#include "smsdesk/text.h"

#include "inquiry_read.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* ---- services and topics ------------------------------------------------ */

/* The catalog word of match m closest to folded (its distance). */
static const char *closest_word(const struct catalog *cat,
				const struct cat_match *m, const char *folded)
{
	char *const *ws;
	size_t n;
	const char *best = NULL;
	int bd = 99;

	if (m->kind == CAT_SERVICE) {
		ws = cat->services[m->idx].words;
		n = cat->services[m->idx].n_words;
	} else {
		ws = cat->topics[m->idx].words;
		n = cat->topics[m->idx].n_words;
	}
	for (size_t i = 0; i < n; i++) {
		int d = text_distance(folded, ws[i], 3);
		if (d < bd) {
			bd = d;
			best = ws[i];
		}
	}
	return best;
}

/* "haircuts" → "haircut", "brushes" → "brush": exact after a plural. */
static size_t lookup_singular(const struct catalog *cat, const char *word,
			      struct cat_match *out, size_t cap)
{
	char tmp[64];
	size_t len = strlen(word);

	if (len < 4 || len >= sizeof(tmp) || word[len - 1] != 's')
		return 0;
	memcpy(tmp, word, len - 1);
	tmp[len - 1] = '\0';
	size_t n = catalog_lookup(cat, tmp, 0, out, cap);
	if (n == 0 && len > 4 && word[len - 2] == 'e') {
		tmp[len - 2] = '\0';
		n = catalog_lookup(cat, tmp, 0, out, cap);
	}
	return n;
}

static void add_thing(struct inquiry *q, int kind, size_t idx, int dist,
		      enum inq_role role, int clause, const char *word)
{
	for (size_t k = 0; k < q->n_things; k++) {
		struct inq_thing *t = &q->things[k];
		if (t->kind == kind && (kind < 0 || t->idx == idx) &&
		    t->clause == clause &&
		    (kind >= 0 || strcmp(t->word, word) == 0)) {
			if (dist < t->distance)
				t->distance = dist;
			return;
		}
	}
	if (q->n_things >= INQ_MAX_THINGS)
		return;
	struct inq_thing *t = &q->things[q->n_things++];
	t->kind = kind;
	t->idx = idx;
	t->distance = dist;
	t->role = role;
	t->clause = clause;
	t->persons = 1;
	snprintf(t->word, sizeof(t->word), "%s", word);
}

/*
 * May this phrase be a typo of a catalog word? Only words the pack does not
 * know, with no digits, long enough to have a typo budget.
 */
static int fuzzy_ok(const struct reader *r, size_t i, size_t len,
		    const char *phrase)
{
	for (size_t k = 0; k < len; k++) {
		const struct tok *t = &r->t[i + k];
		if (t->cls != 0 || rd_has_digit(t->w) ||
		    rd_is_ref_like(t->w, 0))
			return 0;
	}
	return text_codepoints(phrase) >= (len == 1 ? 4 : 8);
}

/*
 * Walk the words, trying the longest phrase at each place first, exact then
 * with typos. A typo must keep the first letter: "bike" is not "ebike".
 */
static void match_words(struct reader *r, struct inquiry *q)
{
	size_t maxw = catalog_max_phrase_words(r->cat);
	char phrase[256];
	struct cat_match m[4];

	if (maxw == 0)
		maxw = 1;
	if (maxw > 6)
		maxw = 6;
	for (size_t i = 0; i < r->n;) {
		size_t took = 0;
		for (size_t len = maxw; len >= 1 && took == 0; len--) {
			if (i + len > r->n)
				continue;
			size_t pos = 0;
			int fits = 1;
			for (size_t k = 0; k < len && fits; k++) {
				size_t wl = strlen(r->t[i + k].w);
				if (pos + wl + 2 >= sizeof(phrase)) {
					fits = 0;
					break;
				}
				if (k > 0)
					phrase[pos++] = ' ';
				memcpy(phrase + pos, r->t[i + k].w, wl);
				pos += wl;
			}
			if (!fits)
				continue;
			phrase[pos] = '\0';
			size_t n = catalog_lookup(r->cat, phrase, 0, m, 4);
			if (n == 0 && len == 1)
				n = lookup_singular(r->cat, phrase, m, 4);
			if (n == 0 && fuzzy_ok(r, i, len, phrase)) {
				size_t got =
				    catalog_lookup(r->cat, phrase, 1, m, 4);
				for (size_t k = 0; k < got && n == 0; k++) {
					const char *cw =
					    closest_word(r->cat, &m[k], phrase);
					if (cw != NULL && cw[0] == phrase[0]) {
						m[0] = m[k];
						n = 1;
					}
				}
			}
			if (n == 0)
				continue;
			uint64_t c = lang_lookup(r->pack, phrase, NULL);
			enum inq_role role =
			    (c & LW_TRADE) ? INQ_TRADE_WORD : INQ_ASKED;
			add_thing(q, (int)m[0].kind, m[0].idx, m[0].distance,
				  role, r->t[i].clause, phrase);
			for (size_t k = 0; k < len; k++)
				r->t[i + k].thing = (int)q->n_things;
			took = len;
		}
		i += took ? took : 1;
	}
	/* Trade words the catalog does not list ("look at my bike"). */
	for (size_t i = 0; i < r->n; i++) {
		const struct tok *t = &r->t[i];
		if (t->thing != 0)
			continue;
		if (t->pcls & LW_TRADE) {
			char w[INQ_WORD_MAX] = "";
			for (int k = 0; k < t->plen; k++)
				snprintf(w + strlen(w), sizeof(w) - strlen(w),
					 "%s%s", k ? " " : "", r->t[i + k].w);
			add_thing(q, -1, 0, 0, INQ_TRADE_WORD, t->clause, w);
			i += (size_t)t->plen - 1;
		} else if (t->cls & LW_TRADE) {
			add_thing(q, -1, 0, 0, INQ_TRADE_WORD, t->clause, t->w);
		}
	}
}

/* NAME's catalog phrases: does one hold WORD as a whole word? */
static int phrase_holds(char *const *ws, size_t n, const char *word)
{
	size_t wl = strlen(word);
	for (size_t i = 0; i < n; i++) {
		const char *p = ws[i];
		if (strchr(p, ' ') == NULL)
			continue;
		while ((p = strstr(p, word)) != NULL) {
			int start = p == ws[i] || p[-1] == ' ';
			int end = p[wl] == '\0' || p[wl] == ' ';
			if (start && end)
				return 1;
			p++;
		}
	}
	return 0;
}

/*
 * In one clause, a topic beside a service is what the service is for
 * ("moped puncture", "brakes on my van"): the request is the topic. A
 * service named by a word that is part of another service's phrase, with
 * that service also named ("trim on the beard"), is that other service.
 */
static void settle_roles(const struct catalog *cat, struct inquiry *q)
{
	for (size_t a = 0; a < q->n_things; a++) {
		struct inq_thing *ta = &q->things[a];
		if (ta->role != INQ_ASKED)
			continue;
		for (size_t b = 0; b < q->n_things; b++) {
			struct inq_thing *tb = &q->things[b];
			if (a == b || tb->clause != ta->clause ||
			    (tb->role != INQ_ASKED && tb->role != INQ_OBJECT))
				continue;
			if (ta->kind == CAT_SERVICE && tb->kind == CAT_TOPIC) {
				ta->role = INQ_FOR_OBJ;
				tb->role = INQ_OBJECT;
				break;
			}
			if (ta->kind == CAT_SERVICE &&
			    tb->kind == CAT_SERVICE && ta->idx != tb->idx &&
			    strchr(ta->word, ' ') == NULL &&
			    phrase_holds(cat->services[tb->idx].words,
					 cat->services[tb->idx].n_words,
					 ta->word)) {
				ta->role = INQ_MERGED;
				break;
			}
		}
	}
}

/* "two haircuts", "haircut x2", "for 2", "me and my son", "both of us". */
static void count_persons(const struct reader *r, struct inquiry *q)
{
	int global = 0;

	for (size_t i = 0; i < r->n; i++) {
		const struct tok *t = &r->t[i];
		int next_thing = i + 1 < r->n ? r->t[i + 1].thing : 0;
		int v = 0;
		if (t->cls & LW_NUMBER)
			v = t->val;
		else if (rd_is_digits(t->w) && t->w[1] == '\0' &&
			 t->w[0] >= '2' && t->w[0] <= '4')
			v = t->w[0] - '0';
		if (v > 0 && next_thing > 0 && t->thing == 0) {
			q->things[next_thing - 1].persons = v;
			continue;
		}
		/* "x2" right after the thing */
		if (v > 0 && (t->cls & LW_NUMBER) && i > 0 &&
		    r->t[i - 1].thing > 0 && t->w[0] == 'x') {
			q->things[r->t[i - 1].thing - 1].persons = v;
			continue;
		}
		/* "for 2 (people)", "the 3 of us" */
		if (v > 0 && i > 0 &&
		    (strcmp(r->t[i - 1].w, "for") == 0 ||
		     (i + 2 < r->n && strcmp(r->t[i + 1].w, "of") == 0 &&
		      strcmp(r->t[i + 2].w, "us") == 0)) &&
		    (i + 1 >= r->n || !isdigit((unsigned char)t->w[0]) ||
		     strcmp(r->t[i + 1].w, "people") == 0 ||
		     strcmp(r->t[i + 1].w, "of") == 0 ||
		     strcmp(r->t[i + 1].w, "persons") == 0 ||
		     strcmp(r->t[i + 1].w, "guys") == 0))
			global = v;
		/* "me and my son", "my son and me" */
		if ((t->cls & LW_CONJ) && i > 0 && i + 1 < r->n) {
			int self_l = (r->t[i - 1].cls & LW_SELF) != 0;
			int pers_l = (r->t[i - 1].cls & LW_PERSON) != 0;
			size_t j = i + 1;
			while (j < r->n && (r->t[j].cls & LW_FILLER) &&
			       !(r->t[j].cls & LW_SELF))
				j++;
			int self_r = j < r->n && (r->t[j].cls & LW_SELF);
			int pers_r = j < r->n && (r->t[j].cls & LW_PERSON);
			if ((self_l && pers_r) || (pers_l && self_r) ||
			    (pers_l && pers_r))
				global = global > 2 ? global : 2;
		}
	}
	if (global < 2)
		return;
	/* To the one service asked for, if it said nothing itself. */
	struct inq_thing *only = NULL;
	int n = 0;
	for (size_t k = 0; k < q->n_things; k++) {
		if (q->things[k].role == INQ_ASKED &&
		    q->things[k].kind == CAT_SERVICE) {
			only = &q->things[k];
			n++;
		}
	}
	if (n == 1 && only->persons == 1)
		only->persons = global > 4 ? 4 : global;
}

static void list_matches(struct inquiry *q)
{
	q->n_matches = 0;
	for (size_t k = 0; k < q->n_things; k++) {
		const struct inq_thing *t = &q->things[k];
		if (t->kind < 0 ||
		    (t->role != INQ_ASKED && t->role != INQ_OBJECT))
			continue;
		int dup = 0;
		for (size_t j = 0; j < q->n_matches; j++)
			dup |= (int)q->matches[j].kind == t->kind &&
			       q->matches[j].idx == t->idx;
		if (dup || q->n_matches >= INQ_MAX_MATCHES)
			continue;
		q->matches[q->n_matches].kind = (enum cat_kind)t->kind;
		q->matches[q->n_matches].idx = t->idx;
		q->matches[q->n_matches].distance = t->distance;
		q->persons[q->n_matches] = t->persons;
		q->n_matches++;
	}
}

void rd_match_things(struct reader *r, struct inquiry *q)
{
	match_words(r, q);
	settle_roles(r->cat, q);
	count_persons(r, q);
	list_matches(q);
}
