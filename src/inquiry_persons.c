/*
 * inquiry: who the services in a text are for — how many people, pets or
 * cars a text counts ("two haircuts", "me and my son", "for 2"), a child
 * named beside a service that has a children's version, and a word that
 * names a person rather than a second service. Split from
 * inquiry_things.c, which finds the services and topics themselves.
 */
#include "smsdesk/inquiry.h"

#include "smsdesk/text.h"
#include "smsdesk/when_vocab.h"

#include "inquiry_read.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * "two haircuts", "haircut x2", "for 2", "me and my son", "both of us",
 * "both my dogs", "my 2 dogs, one for a groom and one for a bath", "8.30
 * both". Sets each thing's persons, q->group (how many the text counts)
 * and q->apart (several services, one each: side by side).
 */
/* The word before i is the pack's "at" ("saat 5 saç", "um 5 Platten"):
 * the number is the time, not a count. */
static int after_at_word(const struct reader *r, size_t i)
{
	const struct when_vocab *v = lang_when(r->pack);
	char f[64];

	for (size_t k = 0; i > 0 && v != NULL && k < v->n_words; k++) {
		if (v->words[k].sense != WS_AT)
			continue;
		text_fold(v->words[k].text, f, sizeof(f));
		if (strcmp(f, r->t[i - 1].w) == 0)
			return 1;
	}
	return 0;
}

/* The folded word is a time word that takes an hour after it ("at",
 * "saat", a part of the day: "morning 9", "sabah 9", "akşam 5": the last
 * word of such an entry), or, with after set, one that follows an hour
 * ("9 am", "5 akşam"). A number next to one is an hour, never a count of
 * people. */
int rd_time_word(const struct reader *r, const char *w, int after)
{
	const struct when_vocab *v = lang_when(r->pack);
	char f[64];

	for (size_t k = 0; w != NULL && v != NULL && k < v->n_words; k++) {
		enum when_sense s = v->words[k].sense;
		if (!(s == WS_AT || s == WS_WINDOW || s == WS_WINDOW_TODAY ||
		      (after && (s == WS_AM || s == WS_PM || s == WS_OCLOCK))))
			continue;
		text_fold(v->words[k].text, f, sizeof(f));
		const char *last = strrchr(f, ' ');
		if (after && last == NULL && strcmp(f, w) == 0)
			return 1;
		if (!after && strcmp(last != NULL ? last + 1 : f, w) == 0)
			return 1;
	}
	return 0;
}

/* W is a unit of time on its own ("meses", "weeks", "Jahre", "ay"): a
 * number before it is a length or an age, never a head count ("grávida
 * de 6 meses" booked six places, review pt AB c15.3). */
static int unit_word(const struct reader *r, const char *w)
{
	const struct when_vocab *v = lang_when(r->pack);
	char f[64];

	for (size_t k = 0; w != NULL && v != NULL && k < v->n_words; k++) {
		enum when_sense s = v->words[k].sense;
		if (s != WS_UNIT_DAYS && s != WS_UNIT_MIN && s != WS_MONTH_UNIT)
			continue;
		text_fold(v->words[k].text, f, sizeof(f));
		if (strcmp(f, w) == 0)
			return 1;
	}
	return 0;
}

static int hour_by_time_word(const struct reader *r, size_t i)
{
	return (i > 0 && rd_time_word(r, r->t[i - 1].w, 0)) ||
	       (i + 1 < r->n && rd_time_word(r, r->t[i + 1].w, 1));
}

/* A word that names whose it is, or a thing of someone's: not a service,
 * a number or a day. */
static int plain_noun(const struct tok *t)
{
	return t->thing == 0 && !rd_has_digit(t->w) &&
	       !(t->eff & (LW_NUMBER | LW_DATEWORD | LW_WEEKDAY | LW_CONJ));
}

/* "my corsa and my partner's polo", "mine and my wife's", "my van and his
 * car": two owned things joined at the conjunction i, neither a service —
 * two of them to book for. */
static int owned_pair(const struct reader *r, size_t i)
{
	int left = 0;
	if (i > 0 && (r->t[i - 1].cls & LW_OWNER))
		left = 1; /* "mine and ..." */
	for (size_t k = i >= 3 ? i - 3 : 0; !left && k + 1 < i; k++) {
		if (!(r->t[k].cls & LW_OWNER) ||
		    r->t[k].segment != r->t[i].segment)
			continue;
		left = 1;
		for (size_t m = k + 1; m < i; m++)
			left &= plain_noun(&r->t[m]);
	}
	if (!left || i + 2 >= r->n || !(r->t[i + 1].cls & LW_OWNER) ||
	    r->t[i + 1].segment != r->t[i].segment)
		return 0;
	return plain_noun(&r->t[i + 2]);
}

static int child_age_at(const struct reader *r, size_t i);

/*
 * "gels for me on Friday 11am and my daughter at the same time", "book me
 * in Saturday at 10 and my friend too": "me" said before the conjunction
 * i and a person named after it (j), who has no service, day or time of
 * their own after them — two people at the one day and time, never the second
 * dropped.
 */
/* Word K lies inside a pack phrase that says "for me" as a courtesy
 * ("marca pra mim": LW_BOOK_COURTESY): the one asking, no person. */
static int courtesy_me(const struct reader *r, size_t k)
{
	for (size_t m = k >= 6 ? k - 6 : 0; m < k; m++)
		if ((r->t[m].pcls & LW_BOOK) &&
		    r->t[m].pval == LW_BOOK_COURTESY &&
		    m + (size_t)r->t[m].plen > k)
			return 1;
	return 0;
}

static int me_then_person(const struct reader *r, size_t i, size_t j)
{
	int me = 0;
	for (size_t k = 0; k + 1 < i; k++)
		me |=
		    (((r->t[k].cls & LW_SELF) && !(r->t[k].cls & LW_FILLER)) ||
		     (r->t[k].pcls & LW_SELF)) &&
		    !courtesy_me(r, k);
	if (!me || r->t[j].thing != 0)
		return 0;
	for (size_t m = j + 1; m < r->n; m++) {
		/* "... and my wife wants her nails done": her own service */
		if (r->t[m].thing != 0 ||
		    (r->t[m].eff & (LW_WEEKDAY | LW_DATEWORD)))
			return 0;
		if (rd_has_digit(r->t[m].w) && !child_age_at(r, m))
			return 0;
	}
	return 1;
}

/*
 * "manicure e pedicure para mim e minha irmã": the services named first,
 * joined by a bare "and", the two people after them (read at the
 * conjunction PAIR_AT): each of them takes every service, never one each
 * (review pt10 s57). "2 of us, one manicure and one pedicure", "my 2
 * daughters, a manicure and a gel" name the people first: one each.
 */
static int each_takes_all(const struct reader *r, size_t pair_at)
{
	size_t last = 0;
	int any = 0;
	for (size_t i = 0; i < r->n; i++) {
		if (r->t[i].thing == 0)
			continue;
		last = i;
		any = 1;
		/* each service's first word: no count word before it */
		if ((i == 0 || r->t[i - 1].thing != r->t[i].thing) && i > 0 &&
		    (r->t[i - 1].cls & LW_NUMBER))
			return 0;
	}
	return any && pair_at > last;
}

/* An LW_ALSO word or phrase of value VAL is in the text. */
static int said_also(const struct reader *r, int val)
{
	for (size_t i = 0; i < r->n; i++)
		if (((r->t[i].cls & LW_ALSO) && r->t[i].val == val) ||
		    (r->t[i].plen > 1 && (r->t[i].pcls & LW_ALSO) &&
		     r->t[i].pval == val))
			return 1;
	return 0;
}

/* "pista mañana 18:30 y 4 palas de alquiler": a later service counted
 * for several beside a first for one is for those playing, during it, not
 * after it (review es AE s48, c06.1 rented the paddles for when the court
 * ended); "right after" keeps them after. */
static void counted_beside(const struct reader *r, struct inquiry *q)
{
	int first = -1, more = 0;
	for (size_t k = 0; k < q->n_things; k++) {
		const struct inq_thing *t = &q->things[k];
		if (t->role != INQ_ASKED || t->kind != CAT_SERVICE)
			continue;
		if (first < 0)
			first = t->persons;
		else if (t->persons >= 2)
			more = 1;
	}
	if (first == 1 && more && !said_also(r, LW_ALSO_AFTER))
		q->apart = 1;
}

/* The person a service asked at token I is said to be for, in the words
 * after it up to the next thing in its piece: 1 the customer ("para mí"),
 * 2 + the token of someone else ("para mi hermano"), 0 none said. */
static size_t whose_after(const struct reader *r, size_t i)
{
	int th = r->t[i].thing, self = 0;
	for (size_t k = i + 1; k < r->n && r->t[k].segment == r->t[i].segment;
	     k++) {
		if (r->t[k].thing != 0 && r->t[k].thing != th)
			break;
		if (r->t[k].thing != 0)
			continue;
		/* "para mi hermano": the person, whose "mi" is also "me" */
		if (r->t[k].eff & (LW_PERSON | LW_CHILD))
			return 2 + k;
		self |= (r->t[k].eff & LW_SELF) && !(r->t[k].cls & LW_BOOK);
	}
	return self ? 1 : 0;
}

/* "una clase para mí y alquiler de tabla para mi hermano, el sábado a las
 * 10": each service said to be for someone else, one of them the customer
 * or two people named: side by side at the time asked, never one after the
 * other (review es AF s39 rented the board at 12:00). */
static void each_for_someone(const struct reader *r, struct inquiry *q)
{
	int n = 0, self = 0, others = 0, last = 0;
	for (size_t i = 0; i < r->n; i++) {
		int th = r->t[i].thing;
		if (th == 0 || th == last)
			continue;
		last = th;
		const struct inq_thing *t = &q->things[th - 1];
		if (t->kind != CAT_SERVICE || t->role != INQ_ASKED)
			continue;
		size_t w = whose_after(r, i);
		if (w == 0 || t->persons > 1)
			return;
		n++;
		self += w == 1;
		others += w >= 2;
	}
	if (n >= 2 && others >= 1 && self + others == n && self <= 1 &&
	    !said_also(r, LW_ALSO_AFTER))
		q->apart = 1;
}

/* "Longenstunde für die Große und Ponyreiten für die Kleine, gleichzeitig":
 * two services or more said to be at the same time (LW_ALSO_TOGETHER),
 * none counted for more than one: side by side (review de AD c19.1 put
 * them back to back); so are services each said to be for someone, and a
 * later one counted for several beside a first for one.
 */
static void together(const struct reader *r, struct inquiry *q)
{
	each_for_someone(r, q);
	int said = said_also(r, LW_ALSO_TOGETHER), n = 0;
	counted_beside(r, q);
	for (size_t k = 0; k < q->n_things && said; k++) {
		if (q->things[k].role != INQ_ASKED ||
		    q->things[k].kind != CAT_SERVICE)
			continue;
		if (q->things[k].persons > 1)
			return;
		n++;
	}
	if (n >= 2)
		q->apart = 1;
}

/* A number stands before a plural that a name of the services IDX holds
 * in the singular ("deux ramonages" at "Ramonage cheminée ..."): the
 * services counted, never dogs or daughters. */
static int counts_our_word(const struct reader *r, const size_t *idx, int n)
{
	for (size_t i = 0; i + 1 < r->n; i++) {
		const struct tok *t = &r->t[i], *w = &r->t[i + 1];
		if (!(t->cls & LW_NUMBER) && !rd_is_digits(t->w))
			continue;
		size_t wl = strlen(w->w);
		char stem[64];
		if (w->thing != 0 || wl < 5 || wl >= sizeof stem ||
		    w->w[wl - 1] != 's')
			continue;
		memcpy(stem, w->w, wl - 1);
		stem[wl - 1] = '\0';
		for (int k = 0; k < n; k++)
			if (rd_name_holds_word(r->cat, idx[k], stem))
				return 1;
	}
	return 0;
}

/* "c'est pour deux ramonages : la cheminée du salon et le poêle à bois":
 * a count as large as the services then named, with no word of a person,
 * counts the services, never a party for each (review fr AM s21 offered
 * the first "pour 2 personnes"). */
static void services_counted(const struct reader *r, struct inquiry *q,
			     int *global)
{
	size_t idx[INQ_MAX_MATCHES];
	int n = 0, counted = 0, other = 0;
	for (size_t k = 0; k < q->n_things; k++) {
		const struct inq_thing *t = &q->things[k];
		if (t->role != INQ_ASKED || t->kind != CAT_SERVICE)
			continue;
		int seen = 0;
		for (int j = 0; j < n; j++)
			seen |= idx[j] == t->idx;
		if (!seen && n < INQ_MAX_MATCHES)
			idx[n++] = t->idx;
		if (t->persons > 1)
			counted = counted == 0 || counted == t->persons
				      ? t->persons
				      : -1;
	}
	other = rd_has(r, LW_PERSON | LW_SELF | LW_OTHER | LW_CHILD | LW_GROUP |
			      LW_EACH);
	if (n < 2 || counted != n || other || (*global > 1 && *global != n) ||
	    !counts_our_word(r, idx, n))
		return;
	for (size_t k = 0; k < q->n_things; k++)
		if (q->things[k].role == INQ_ASKED &&
		    q->things[k].kind == CAT_SERVICE)
			q->things[k].persons = 1;
	*global = 1;
}

/* How many different services the text asks for ("Haareschneiden ...
 * sie Damen": one service named twice is one). */
static int distinct_asked(const struct inquiry *q)
{
	int n = 0;
	for (size_t k = 0; k < q->n_things; k++) {
		const struct inq_thing *t = &q->things[k];
		if (t->role != INQ_ASKED || t->kind != CAT_SERVICE)
			continue;
		int dup = 0;
		for (size_t j = 0; j < k && !dup; j++)
			dup = q->things[j].role == INQ_ASKED &&
			      q->things[j].kind == CAT_SERVICE &&
			      q->things[j].idx == t->idx;
		n += !dup;
	}
	return n;
}

static void count_persons(const struct reader *r, struct inquiry *q)
{
	int global = 0, group = 0;
	size_t pair_at = 0; /* where "me and my sister" was read */

	for (size_t i = 0; i < r->n; i++) {
		const struct tok *t = &r->t[i];
		/* "den 7. Geburtstag": an ordinal's dot ends the piece; the
		 * number counts nothing of the next one (review de AD s10) */
		int next_thing =
		    i + 1 < r->n && r->t[i + 1].segment == t->segment
			? r->t[i + 1].thing
			: 0;
		int v = 0;
		if (t->cls & (LW_OTHER | LW_PERSON))
			q->other = 1;
		if (t->cls & LW_NUMBER)
			v = t->val;
		else if (rd_is_digits(t->w) && t->w[1] == '\0' &&
			 t->w[0] >= '2' && t->w[0] <= '9')
			v = t->w[0] - '0';
		else if (rd_is_digits(t->w) && strlen(t->w) == 2 && i > 0 &&
			 (r->t[i - 1].eff & LW_GROUP))
			v = atoi(t->w); /* "party of 12" */
		if (v > 0 && next_thing > 0 && t->thing == 0 &&
		    !after_at_word(r, i) && !hour_by_time_word(r, i)) {
			q->things[next_thing - 1].persons = v;
			continue;
		}
		/* "two bikes need a service", "both our bikes", "my 2 kids"
		 * (review r9 s078): the people or bikes counted */
		size_t nx = i + 1;
		while (nx < r->n && nx < i + 3 && (r->t[nx].cls & LW_FILLER) &&
		       !(r->t[nx].eff & (LW_TRADE | LW_PERSON | LW_SELF)))
			nx++;
		/* or a word we don't know in the plural ("2 westies", "both
		 * my dogs"), unless the number is a time ("at 2 for...") */
		size_t pl = nx < r->n ? nx : i + 1;
		size_t wl = pl < r->n ? strlen(r->t[pl].w) : 0;
		int plural = wl > 3 && r->t[pl].w[wl - 1] == 's' &&
			     (r->t[pl].eff & ~(uint64_t)LW_TRADE) == 0 &&
			     r->t[pl].thing == 0 && !rd_has_digit(r->t[pl].w) &&
			     !(i > 0 && strcmp(r->t[i - 1].w, "at") == 0) &&
			     !unit_word(r, r->t[pl].w);
		if (plural)
			nx = pl;
		/* "für meine 2 Pudel", "mes deux shih tzus": a number after
		 * "my" counts the customer's own, whatever the plural looks
		 * like (review de AZ s20 booked one of two dogs) */
		int owned = i > 0 && (r->t[i - 1].cls & LW_OWNER) &&
			    i + 1 < r->n && r->t[i + 1].thing == 0 &&
			    r->t[i + 1].segment == t->segment &&
			    !rd_has_digit(r->t[i + 1].w) &&
			    !(r->t[i + 1].eff & (LW_BOOKING | LW_WEEKDAY |
						 LW_DATEWORD | LW_SELF)) &&
			    !unit_word(r, r->t[i + 1].w);
		if (owned && !plural &&
		    !(r->t[nx].eff & (LW_TRADE | LW_PERSON)))
			nx = i + 1;
		/* never an hour ("Pazartesi 9 da bakım": at 9) */
		if (v > 0 && nx < r->n && t->thing == 0 &&
		    !(i + 1 < r->n && rd_time_word(r, r->t[i + 1].w, 1)) &&
		    ((r->t[nx].eff & (LW_TRADE | LW_PERSON)) || plural ||
		     owned ||
		     /* "my 2 kids", never an age ("hijo de 7 años") */
		     /* "für 2 Kinder" too (review de AG c16.1) */
		     ((r->t[nx].eff & LW_CHILD) && i > 0 &&
		      ((r->t[i - 1].cls & LW_OWNER) ||
		       ((r->t[i - 1].cls & LW_RELATIVE) &&
			r->t[i - 1].val == LW_RELATIVE_FOR)) &&
		      !child_age_at(r, i))) &&
		    !(r->t[nx].eff & LW_SELF)) {
			int any = 0;
			for (size_t k = 0; k < q->n_things; k++)
				if (q->things[k].kind == CAT_SERVICE &&
				    q->things[k].role == INQ_ASKED &&
				    q->things[k].clause == t->clause) {
					q->things[k].persons = v;
					any = 1;
				}
			/* "aromaterapi ve refleksoloji 2 kişi": people counted
			 * after the last service count for each one before */
			int after = 0;
			for (size_t m = i + 1; m < r->n; m++)
				after |= r->t[m].thing != 0;
			for (size_t k = 0;
			     any && !after && (r->t[nx].eff & LW_PERSON) &&
			     k < q->n_things;
			     k++)
				if (q->things[k].kind == CAT_SERVICE &&
				    q->things[k].role == INQ_ASKED &&
				    q->things[k].persons == 1)
					q->things[k].persons = v;
			/* "j'ai deux chats, est-ce que ça pose problème ?": a
			 * plural we do not know after "I have", with no
			 * service asked in its clause, tells what they have,
			 * never a party (review fr AM c19.3 booked the insert
			 * twice) */
			/* ... unless as many services are asked, one each:
			 * "j'ai deux chiens, un westie et un beagle" (review
			 * fr AY s24 put the beagle after the westie) */
			int told = plural && !any && i > 0 &&
				   (r->t[i - 1].cls & (LW_HAVE_I | LW_AM_I)) &&
				   !(r->t[nx].eff &
				     (LW_TRADE | LW_PERSON | LW_CHILD)) &&
				   distinct_asked(q) != v;
			if (!any && !told && v > group)
				group = v; /* "my 2 dogs, one for ..." */
			continue;
		}
		/* "x2" right after the thing */
		if (v > 0 && (t->cls & LW_NUMBER) && i > 0 &&
		    r->t[i - 1].thing > 0 && t->w[0] == 'x') {
			q->things[r->t[i - 1].thing - 1].persons = v;
			continue;
		}
		/* "a party of 8", "group of 4" */
		if (v > 0 && i > 0 && (r->t[i - 1].eff & LW_GROUP))
			global = v;
		/* "for 2 (people)", "the 3 of us", "Yoga für 2 bitte" (the
		 * pack's word for "for": review de AH s33) */
		int for_n = i > 0 && (strcmp(r->t[i - 1].w, "for") == 0 ||
				      ((r->t[i - 1].cls & LW_RELATIVE) &&
				       r->t[i - 1].val == LW_RELATIVE_FOR));
		int alone = i + 1 >= r->n ||
			    r->t[i + 1].segment != t->segment ||
			    (r->t[i + 1].eff & (LW_FILLER | LW_THANKS)) != 0;
		if (v > 0 && for_n && alone && v <= INQ_MAX_PARTY &&
		    t->thing == 0 && v > global)
			global = v;
		if (v > 0 &&
		    (for_n ||
		     (i + 2 < r->n && strcmp(r->t[i + 1].w, "of") == 0 &&
		      strcmp(r->t[i + 2].w, "us") == 0)) &&
		    (i + 1 >= r->n || !isdigit((unsigned char)t->w[0]) ||
		     strcmp(r->t[i + 1].w, "people") == 0 ||
		     strcmp(r->t[i + 1].w, "of") == 0 ||
		     strcmp(r->t[i + 1].w, "persons") == 0 ||
		     strcmp(r->t[i + 1].w, "guys") == 0))
			global = v;
		/* "a las 10 los dos": a count phrase standing alone; one
		 * that counts others in ("zu dritt", "uns beide": LW_OTHER)
		 * wherever it stands, never "a party of" a number after it
		 * ("zu dritt 18 Uhr" is three at six) */
		if (t->plen > 1 && (t->pcls & LW_EACH) && t->pval > 1 &&
		    ((size_t)t->plen + i >= r->n ||
		     r->t[i + (size_t)t->plen].segment != t->segment ||
		     (t->pcls & LW_OTHER)) &&
		    t->pval > group)
			group = t->pval;
		/* "ikizler", "Zwillinge": children counted by the word
		 * itself, wherever it stands (review tr AJ s12) */
		/* "ikimize perşembe 17:00": "to both of us", the speaker
		 * counted in, wherever it stands (LW_OTHER; review tr AN
		 * s14 booked one for a couple) */
		if (v > 0 && (t->cls & LW_EACH) &&
		    (t->cls & (LW_CHILD | LW_OTHER)) && v > group)
			group = v;
		/* "8.30 both", "both please": a count word standing alone */
		if (v > 0 && (t->cls & LW_EACH) &&
		    (i + 1 >= r->n ||
		     (r->t[i + 1].eff & (LW_FILLER | LW_THANKS | LW_YES)) ||
		     r->t[i + 1].segment != t->segment) &&
		    v > group)
			group = v;
		/* "me and my son", "my son and me" */
		if ((t->cls & LW_CONJ) && i > 0 && i + 1 < r->n) {
			/* a pack's phrase counts too ("para mí", "pra mim") */
			int self_l = (r->t[i - 1].eff & LW_SELF) != 0;
			/* a pack's phrase names the person too ("meine
			 * Frau", whose "Frau" alone is "Mrs": review de AE
			 * s20 booked one acupuncture for a couple) */
			int pers_l = (r->t[i - 1].eff & LW_PERSON) != 0;
			size_t j = i + 1;
			int self_r = 0;
			while (j < r->n && (r->t[j].cls & LW_FILLER) &&
			       !(r->t[j].cls & LW_SELF) &&
			       !(r->t[j].eff & LW_PERSON)) {
				self_r |= (r->t[j].eff & LW_SELF) != 0;
				j++;
			}
			self_r |= j < r->n && (r->t[j].cls & LW_SELF);
			int pers_r = j < r->n && (r->t[j].eff & LW_PERSON);
			if ((self_l && pers_r) || (pers_l && self_r) ||
			    (pers_l && pers_r) || owned_pair(r, i) ||
			    (pers_r && me_then_person(r, i, j))) {
				global = global > 2 ? global : 2;
				pair_at = i;
			}
		}
	}
	if (group > global)
		global = group;
	services_counted(r, q, &global);
	q->group = global;
	if (global < 2) {
		together(r, q);
		return;
	}
	/* To the one service asked for, if it said nothing itself; several
	 * services for as many: one each, side by side. */
	struct inq_thing *only = NULL;
	int n = 0, said = 0, same = 1;
	for (size_t k = 0; k < q->n_things; k++) {
		if (q->things[k].role == INQ_ASKED &&
		    q->things[k].kind == CAT_SERVICE) {
			same &= only == NULL || only->idx == q->things[k].idx;
			only = &q->things[k];
			n++;
			said |= q->things[k].persons > 1;
		}
	}
	/* "ma belle-sœur et moi sommes enceintes ... yoga prénatal": one
	 * service named twice is one service for them all, never one each
	 * (review fr AK c05.1 offered one place) */
	if (n >= 2 && same && !said) {
		for (size_t k = 0; k < q->n_things; k++)
			if (q->things[k].role == INQ_ASKED &&
			    q->things[k].kind == CAT_SERVICE)
				q->things[k].persons = global > INQ_MAX_PARTY
							   ? INQ_MAX_PARTY
							   : global;
		return;
	}
	if (n == 1 && only->persons == 1)
		only->persons = global > INQ_MAX_PARTY ? INQ_MAX_PARTY : global;
	else if (n >= 2 && !said && each_takes_all(r, pair_at)) {
		for (size_t k = 0; k < q->n_things; k++)
			if (q->things[k].role == INQ_ASKED &&
			    q->things[k].kind == CAT_SERVICE)
				q->things[k].persons = global;
	} else if (n >= 2 && !said && global >= distinct_asked(q))
		/* "meine Frau und ich ... Haareschneiden, sie Damen und
		 * ich Herren": two services for two, one of them named
		 * twice (review de AY s20 put him an hour later) */
		q->apart = 1;
}

/* The catalog's service for children: the first whose words name a child
 * (a one-word children's word of the pack, alone or in a phrase: "kids
 * cut"). The pack's children's words are gathered once (lang_words_with)
 * and each asked of the catalog's word index: no walk of the pack or of
 * every service per text (that cost 30,000 instructions an answer). */
static int child_service(const struct reader *r, size_t *idx)
{
	const struct lang_word *const *w;
	size_t n = lang_words_with(r->pack, LW_CHILD, &w);
	size_t best = SIZE_MAX;
	for (size_t i = 0; i < n; i++) {
		const struct cat_match *o;
		if (strchr(w[i]->text, ' ') == NULL &&
		    catalog_word_owners(r->cat, w[i]->text, &o) > 0 &&
		    o[0].kind == CAT_SERVICE && o[0].idx < best)
			best = o[0].idx;
	}
	*idx = best;
	return best != SIZE_MAX;
}

static int has_phrase(const char *s, const char *w);

/* Is the children's service KS a version of the one A names? "sight
 * test for my son": the kids' name holds this one's, or a kids' word holds
 * the word that named it; "sa première visite" beside "ma fille": the
 * kids' name starts like this one's ("Consultation enfant" and
 * "Consultation / contrôle"). A birthday party for a son is no kids'
 * class (review pt AI s08). */
static int kids_version_of(const struct reader *r, const struct cat_service *ks,
			   const struct inq_thing *a)
{
	char first[INQ_WORD_MAX];
	snprintf(first, sizeof(first), "%s", a->word);
	first[strcspn(first, " -")] = '\0';
	char kn[96] = "", an[96] = "";
	int same =
	    text_fold(ks->name, kn, sizeof(kn)) > 0 &&
	    text_fold(r->cat->services[a->idx].name, an, sizeof(an)) > 0 &&
	    has_phrase(kn, an);
	for (size_t w = 0; w < ks->n_words && !same; w++)
		same =
		    strlen(first) >= 4 && strstr(ks->words[w], first) != NULL;
	an[strcspn(an, " /-")] = '\0';
	same |= strlen(an) >= 4 && kn[0] != '\0' &&
		strncmp(kn, an, strlen(an)) == 0 &&
		(kn[strlen(an)] == ' ' || kn[strlen(an)] == '\0');
	return same;
}

/*
 * "my little boy needs a haircut": with a child named beside a service for
 * anyone, the catalog's children's version of it, when there is one.
 */
static void child_version(struct reader *r, struct inquiry *q)
{
	size_t kids;
	/* "meine Große eine Longenstunde und die Kleine Ponyreiten": the
	 * children's service asked already is the child's; the other is
	 * someone else's, not to be turned into it (review de AD c19.1
	 * booked pony rides only) */
	if (!child_service(r, &kids))
		return;
	for (size_t k = 0; k < q->n_things; k++)
		if (q->things[k].kind == CAT_SERVICE &&
		    q->things[k].role == INQ_ASKED && q->things[k].idx == kids)
			return;
	for (size_t i = 0; i < r->n; i++) {
		const struct tok *t = &r->t[i];
		if (!(t->eff & LW_CHILD) || t->thing != 0)
			continue;
		for (size_t k = 0; k < q->n_things; k++) {
			struct inq_thing *a = &q->things[k];
			if (a->kind != CAT_SERVICE || a->role != INQ_ASKED ||
			    a->segment != t->segment)
				continue;
			if (kids == a->idx ||
			    !kids_version_of(r, &r->cat->services[kids], a))
				return;
			a->role = INQ_MERGED;
			rd_add_thing(q, CAT_SERVICE, kids, 0, INQ_ASKED, t,
				     t->w);
			return;
		}
	}
}

/* Is w a whole-word part of the folded phrase s? */
static int has_phrase(const char *s, const char *w)
{
	size_t lw = strlen(w);
	for (const char *p = strstr(s, w); lw > 0 && p != NULL;
	     p = strstr(p + 1, w))
		if ((p == s || p[-1] == ' ') && (p[lw] == '\0' || p[lw] == ' '))
			return 1;
	return 0;
}

/* Does FRAME (see lang_pack.age_frames) fit the words around token I,
 * its '#' on I? */
static int frame_fits(const struct reader *r, size_t i, const char *frame)
{
	size_t hash = 0, nw = 0;
	for (const char *p = frame; *p != '\0'; nw++) {
		size_t wl = strcspn(p, " ");
		if (wl == 1 && *p == '#')
			hash = nw;
		p += wl + (p[wl] == ' ');
	}
	if (hash > i)
		return 0;
	size_t k = i - hash;
	for (const char *p = frame; *p != '\0'; k++) {
		size_t wl = strcspn(p, " ");
		if (wl == 1 && *p == '$') {
			if (k < r->n)
				return 0;
		} else if (k >= r->n) {
			return 0;
		} else if (!(wl == 1 && *p == '#') &&
			   (strncmp(r->t[k].w, p, wl) != 0 ||
			    r->t[k].w[wl] != '\0')) {
			return 0;
		}
		p += wl + (p[wl] == ' ');
	}
	return 1;
}

/* An age under 16 said of someone, as the pack writes an age: "my 3 year
 * old", "he's 7", "aged 10", "il a 8 ans". */
static int child_age_at(const struct reader *r, size_t i)
{
	const struct tok *t = &r->t[i];
	size_t nd = strspn(t->w, "0123456789");
	if (nd == 0 || nd > 2 || t->w[nd] != '\0' || atoi(t->w) >= 16 ||
	    r->pack == NULL || r->pack->age_frames == NULL)
		return 0;
	for (size_t f = 0; r->pack->age_frames[f] != NULL; f++)
		if (frame_fits(r, i, r->pack->age_frames[f]))
			return 1;
	return 0;
}

/*
 * "can I book my son in for a check-up", "my 3 year old for her first check
 * up": a child named (or an age under 16) with the catalog's children's
 * service at hand is that service; the service for anyone named beside it
 * is the same visit, not a second one, unless the customer counts
 * themself in ("me and my son") or names it apart from the child.
 */
/* Thing A was read by a word of its own service's name that the name of
 * service KIDS does not hold ("ado" of "Séance ado", never "séance"). */
static int own_name_word(const struct reader *r, const struct inq_thing *a,
			 size_t kids)
{
	char w[INQ_WORD_MAX], head[96] = "";
	const char *name = r->cat->services[a->idx].name;
	/* the name's first word is what the service is ("Haircut"), never
	 * whom it is for: only a later word tells the audience; a name of
	 * alternatives ("Consultation / contrôle") says no audience */
	if (strchr(name, '/') != NULL ||
	    text_fold(name, head, sizeof head) == 0)
		return 0;
	head[strcspn(head, " -")] = '\0';
	snprintf(w, sizeof w, "%s", a->word);
	for (char *p = strtok(w, " "); p != NULL; p = strtok(NULL, " "))
		if (strlen(p) >= 3 && strcmp(p, head) != 0 &&
		    rd_name_holds_word(r->cat, a->idx, p) &&
		    !rd_name_holds_word(r->cat, kids, p))
			return 1;
	return 0;
}

static void child_only(struct reader *r, struct inquiry *q)
{
	size_t kids;
	int child = 0, self = 0;
	uint64_t kid_clauses = 0;
	if (r->pack == NULL ||
	    (strcmp(r->pack->code, "en") != 0 &&
	     strcmp(r->pack->code, "fr") != 0) ||
	    !child_service(r, &kids))
		return;
	for (size_t i = 0; i < r->n; i++) {
		const struct tok *t = &r->t[i];
		static const char *const kid[] = {
		    "son",     "sons",	   "daughter",	   "daughters", "kid",
		    "kids",    "child",	   "children",	   "boy",	"girl",
		    "toddler", "grandson", "granddaughter"};
		int here = (t->eff & LW_CHILD) || child_age_at(r, i);
		for (size_t k = 0; k < sizeof(kid) / sizeof(kid[0]); k++)
			here |= strcmp(t->w, kid[k]) == 0;
		child |= here;
		if (here && t->clause >= 0 && t->clause < 64)
			kid_clauses |= UINT64_C(1) << t->clause;
		/* a subject ("i", "je voudrais") does not count one in */
		if ((t->cls & LW_SELF) && strcmp(t->w, "i") != 0 &&
		    !(t->cls & (LW_FILLER | LW_BOOK | LW_QUESTION)))
			self = 1;
	}
	int have = 0;
	for (size_t k = 0; k < q->n_things; k++) {
		const struct inq_thing *c = &q->things[k];
		if (c->kind != CAT_SERVICE || c->idx != kids ||
		    c->role != INQ_ASKED)
			continue;
		have = 1;
		if (c->clause >= 0 && c->clause < 64)
			kid_clauses |= UINT64_C(1) << c->clause;
	}
	/* "un bilan pour mon fils": the catalog's own words for its
	 * children's service name the child */
	if ((!child && !have) || self)
		return;
	const struct cat_service *ks = &r->cat->services[kids];
	for (size_t k = 0; k < q->n_things; k++) {
		struct inq_thing *a = &q->things[k];
		if (a->kind != CAT_SERVICE || a->role != INQ_ASKED ||
		    a->idx == kids)
			continue;
		if (!kids_version_of(r, ks, a))
			continue;
		/* "une séance ado pour mon fils": a service named by a word of
		 * its own name the children's one has not ("ado") is the one
		 * asked; the child's word names who it is for (review fr AP
		 * c05.1 booked the children's session, s24 both) */
		if (own_name_word(r, a, kids)) {
			for (size_t j = 0; j < q->n_things; j++)
				if (q->things[j].kind == CAT_SERVICE &&
				    q->things[j].idx == kids &&
				    q->things[j].role == INQ_ASKED)
					q->things[j].role = INQ_MENTIONED;
			return;
		}
		if (have) {
			/* "need a haircut and my son needs a kids cut": the
			 * one said apart from the child is the customer's */
			if (a->clause < 0 || a->clause >= 64 ||
			    !(kid_clauses & (UINT64_C(1) << a->clause)))
				continue;
			a->role = INQ_MERGED;
		} else {
			a->idx = kids; /* "my 3 year old ... check up" */
			have = 1;
		}
	}
}

/* A catalog word that only names someone ("meinen Sohn"): a person word
 * of the pack in it ("kids cut", "séance ado" name a service). */
static int names_a_person(const struct reader *r, const char *word)
{
	char w[INQ_WORD_MAX];
	snprintf(w, sizeof w, "%s", word);
	for (char *save = NULL, *p = strtok_r(w, " ", &save); p != NULL;
	     p = strtok_r(NULL, " ", &save))
		if (lang_lookup(r->pack, p, NULL) & LW_PERSON)
			return 1;
	return 0;
}

/* Service IDX is one for children: its name holds one of the pack's
 * one-word children's words ("Erstanamnese Kinder und Babys",
 * "Consultation enfant"). */
static int for_children(const struct reader *r, size_t idx)
{
	const struct lang_word *const *w;
	size_t n = lang_words_with(r->pack, LW_CHILD, &w);
	char name[128] = "";
	if (text_fold(r->cat->services[idx].name, name, sizeof name) == 0)
		return 0;
	for (size_t i = 0; i < n; i++) {
		const char *cw = w[i]->text;
		size_t len = strlen(cw);
		if (strchr(cw, ' ') != NULL)
			continue;
		if (has_phrase(name, cw))
			return 1;
		/* "Kinderbehandlung", "Babybehandlung": a compound's first
		 * part */
		for (const char *p = strstr(name, cw); len >= 4 && p != NULL;
		     p = strstr(p + 1, cw))
			if (p == name || p[-1] == ' ')
				return 1;
	}
	return 0;
}

/*
 * "unsere Tochter ist 10 Tage alt ... eine Babybehandlung?": of two
 * children's services, the one named by a word of its own is asked; the
 * one a catalog reads from a person word ("Tochter" of the children's
 * treatment) only says who it is for (review de AT c02.1 offered the
 * children's treatment for a newborn).
 */
static void named_over_person(struct reader *r, struct inquiry *q)
{
	for (size_t a = 0; a < q->n_things; a++) {
		struct inq_thing *pa = &q->things[a];
		if (pa->kind != CAT_SERVICE || pa->role != INQ_ASKED ||
		    !for_children(r, pa->idx) || !names_a_person(r, pa->word))
			continue;
		for (size_t b = 0; b < q->n_things; b++) {
			struct inq_thing *nb = &q->things[b];
			if (b == a || nb->kind != CAT_SERVICE ||
			    nb->idx == pa->idx ||
			    (nb->role != INQ_ASKED && nb->role != INQ_MERGED) ||
			    !for_children(r, nb->idx) ||
			    names_a_person(r, nb->word))
				continue;
			pa->role = INQ_MERGED;
			nb->role = INQ_ASKED;
			return;
		}
	}
}

/*
 * "meine Kleine ist 8 Monate ... eine Erstanamnese", "Folgetermin für
 * meinen Sohn (6)": a child named anywhere in the text (a children's word
 * or an age under 16), no one else counted in, and a service for anyone
 * asked whose children's version the catalog lists beside it: that
 * version. Where a catalog has several ("Erstanamnese Kinder",
 * "Folgekonsultation Kind"), each service its own (reviews de AS s14,
 * s29, c16.1 offered the adults' ones); child_only knows one.
 */
static void child_variant(struct reader *r, struct inquiry *q)
{
	int child = q->child_aside;
	for (size_t i = 0; i < r->n; i++) {
		const struct tok *t = &r->t[i];
		child |= ((t->eff & LW_CHILD) && t->thing == 0) ||
			 child_age_at(r, i);
		/* "für unsere Tochter (6)": "our" owns, counts no one in
		 * (review de BB s10 offered the adults' eye test) */
		if ((t->cls & LW_SELF) &&
		    !(t->cls & (LW_FILLER | LW_BOOK | LW_QUESTION | LW_OWNER)))
			return; /* "für mich und meinen Sohn" */
	}
	/* "für meinen Sohn", a catalog's own word for its children's
	 * service naming a person, names the child too */
	for (size_t k = 0; k < q->n_things && !child; k++)
		child = q->things[k].kind == CAT_SERVICE &&
			for_children(r, q->things[k].idx) &&
			names_a_person(r, q->things[k].word);
	/* "eye test at 9 and one for my son at 9:30", "... my son needs
	 * one too": a visit each, the child's beside the customer's */
	if (!child || q->group >= 2 || q->also || q->n_times >= 2 ||
	    rd_has(r, LW_ALSO))
		return;
	size_t asked = 0;
	for (size_t k = 0; k < q->n_things; k++) {
		const struct inq_thing *a = &q->things[k];
		if (a->kind != CAT_SERVICE || a->role != INQ_ASKED)
			continue;
		int person =
		    for_children(r, a->idx) && names_a_person(r, a->word);
		asked += !person;
		if (for_children(r, a->idx) && !person)
			return; /* the children's one is asked already */
	}
	if (asked != 1)
		return; /* which of several is the child's is not said */
	for (size_t k = 0; k < q->n_things; k++) {
		struct inq_thing *a = &q->things[k];
		if (a->kind != CAT_SERVICE || a->role != INQ_ASKED ||
		    for_children(r, a->idx))
			continue;
		/* "une séance ado pour mon fils": a name of its own audience
		 * stays (own_name_word) */
		/* "eye test at 9 and one for my son" where "my son" is the
		 * children's eye test's own word: that one is the son's,
		 * this one the customer's */
		int named_kid[INQ_MAX_THINGS] = {0};
		for (size_t j = 0; j < q->n_things && j < INQ_MAX_THINGS; j++)
			named_kid[j] = q->things[j].kind == CAT_SERVICE &&
				       names_a_person(r, q->things[j].word);
		for (size_t s = 0; s < r->cat->n_services; s++) {
			int said = 0;
			for (size_t j = 0; j < q->n_things; j++)
				said |= named_kid[j] && q->things[j].idx == s;
			if (said)
				continue;
			if (s != a->idx && for_children(r, s) &&
			    kids_version_of(r, &r->cat->services[s], a) &&
			    !own_name_word(r, a, s)) {
				a->idx = s;
				break;
			}
		}
	}
}

/*
 * "Haare schneiden, Herren": a service's word that is not in its own name
 * (the catalog's generic word) beside the start of a sibling's name (the
 * same "...haarschnitt" for men): the sibling is meant, not both (review
 * de2 c17.1). Names that end alike are siblings; a conjunction between
 * keeps both ("Strähnchen und Schneiden").
 */
int rd_folded_name(const struct catalog *cat, size_t idx, char *out, size_t cap)
{
	return text_fold(cat->services[idx].name, out, cap) > 0;
}

static void sibling_version(struct reader *r, struct inquiry *q)
{
	char na[96], nb[96];
	for (size_t i = 0; i < q->n_things; i++) {
		struct inq_thing *a = &q->things[i];
		if (a->kind != CAT_SERVICE || a->role != INQ_ASKED ||
		    !rd_folded_name(r->cat, a->idx, na, sizeof(na)) ||
		    strstr(na, a->word) != NULL)
			continue;
		for (size_t k = 0; k < q->n_things; k++) {
			const struct inq_thing *b = &q->things[k];
			size_t lb = strlen(b->word);
			if (k == i || b->kind != CAT_SERVICE ||
			    b->role != INQ_ASKED || b->idx == a->idx ||
			    (b->clause != a->clause && rd_has(r, LW_CONJ)) ||
			    lb < 4 ||
			    !rd_folded_name(r->cat, b->idx, nb, sizeof(nb)) ||
			    strncmp(nb, b->word, lb) != 0 ||
			    strlen(nb) <= lb + 4)
				continue;
			size_t la = strlen(na), ln = strlen(nb), s = 0;
			while (s < la && s < ln &&
			       na[la - 1 - s] == nb[ln - 1 - s])
				s++;
			if (s >= 5 && s >= ln - lb) {
				a->role = INQ_MERGED;
				break;
			}
		}
	}
}

/* Things a and b are in one piece of text or two side by side, with no
 * "and" or other conjunction between them ("mon fils a cassé ses lunettes, la
 * monture est en deux morceaux": the frame is what is broken, fr4 s47). */
static int same_sentence(const struct reader *r, size_t a, size_t b)
{
	size_t first = r->n, last = 0;
	for (size_t i = 0; i < r->n; i++) {
		int t = r->t[i].thing;
		if (t != (int)a + 1 && t != (int)b + 1)
			continue;
		if (i < first)
			first = i;
		if (i > last)
			last = i;
	}
	if (first >= last)
		return 0;
	if (r->t[last].segment > r->t[first].segment + 1)
		return 0;
	for (size_t i = first; i <= last; i++)
		if (r->t[i].eff & LW_CONJ)
			return 0;
	return 1;
}

/*
 * "revisão de freios amanhã 8h" (pt3 s36), "eye test for my daughter"
 * (r5 C34): a service read from words that are part of another asked
 * service's name ("Revisão de freios", "Children's eye test") in the same
 * clause is that longer service, not a second visit. "and" between them
 * keeps both ("an eye test and my son needs one too"), and so does the
 * customer counting themself in beside a children's service.
 */
static void covered_by_longer(struct reader *r, struct inquiry *q)
{
	char na[96], nb[96];
	size_t kids = (size_t)-1;
	int self = 0;
	for (size_t i = 0; i < r->n; i++)
		/* "for me", "myself" count the customer in; a subject
		 * ("i", "je", "j'ai", "je voudrais") does not: "je voudrais une
		 * révision de mon vélo enfant" is the children's one only */
		if ((r->t[i].cls & LW_SELF) &&
		    !(r->t[i].cls & (LW_FILLER | LW_BOOK | LW_QUESTION)))
			self = 1;
	if (!child_service(r, &kids))
		kids = (size_t)-1;
	for (size_t i = 0; i < q->n_things; i++) {
		struct inq_thing *a = &q->things[i];
		if (a->kind != CAT_SERVICE || a->role != INQ_ASKED ||
		    strlen(a->word) < 3 ||
		    !rd_folded_name(r->cat, a->idx, na, sizeof(na)))
			continue;
		for (size_t k = 0; k < q->n_things; k++) {
			const struct inq_thing *b = &q->things[k];
			if (k == i || b->kind != CAT_SERVICE ||
			    b->role != INQ_ASKED || b->idx == a->idx ||
			    (b->clause != a->clause &&
			     !same_sentence(r, i, k)) ||
			    (self && b->idx == kids) ||
			    !rd_folded_name(r->cat, b->idx, nb, sizeof(nb)) ||
			    strlen(nb) <= strlen(a->word) ||
			    !has_phrase(nb, a->word) || has_phrase(na, b->word))
				continue;
			a->role = INQ_MERGED;
			break;
		}
	}
}

/*
 * "schneiden und föhnen" where the catalog has "Waschen & Föhnen" and
 * "Damenhaarschnitt (Waschen, Schneiden, Föhnen)": a service read from one
 * word is the one whose own name holds that word and another word of the
 * same piece that nothing else read (review de AY c11.1 booked the blow-dry
 * without the cut); "le semi-permanent sur les pieds" is "Semi-permanent
 * pieds" (review fr AZ c14.1 booked the hands). Only where the words read
 * are in the other's name too and the other word is no word of the
 * first's name.
 */
static void named_in_full(struct reader *r, struct inquiry *q)
{
	char na[96], nb[96];
	for (size_t i = 0; i < q->n_things; i++) {
		struct inq_thing *a = &q->things[i];
		if (a->kind != CAT_SERVICE || a->role != INQ_ASKED ||
		    strlen(a->word) < 4 ||
		    !rd_folded_name(r->cat, a->idx, na, sizeof(na)))
			continue;
		size_t best = SIZE_MAX;
		for (size_t b = 0; b < r->cat->n_services && best == SIZE_MAX;
		     b++) {
			if (b == a->idx ||
			    !rd_folded_name(r->cat, b, nb, sizeof(nb)) ||
			    !has_phrase(nb, a->word))
				continue;
			for (size_t k = 0; k < r->n; k++) {
				const struct tok *t = &r->t[k];
				if (t->segment != a->segment || t->thing != 0 ||
				    strlen(t->w) < 5 || rd_is_digits(t->w) ||
				    (t->cls & (LW_FILLER | LW_WEEKDAY |
					       LW_DATEWORD | LW_BOOK)) ||
				    has_phrase(na, t->w) ||
				    !has_phrase(nb, t->w))
					continue;
				best = b;
				break;
			}
		}
		if (best != SIZE_MAX)
			a->idx = best;
	}
}

/*
 * "Mon fils a cassé ses lunettes" (fr4 s47), "les lentilles pour enfant"
 * (s48): a service the catalog names by a person's words only ("mon
 * fils", "enfant" for the children's eye test) says who, not what, when
 * another service is asked for in the text: it is that other service for
 * that person, not a second visit.
 */
static void person_word_only(struct reader *r, struct inquiry *q)
{
	const uint64_t who = LW_PERSON | LW_CHILD;
	const uint64_t about =
	    who | LW_OWNER | LW_SELF | LW_RELATIVE | LW_FILLER | LW_NUMBER;
	for (size_t i = 0; i < q->n_things; i++) {
		struct inq_thing *a = &q->things[i];
		if (a->kind != CAT_SERVICE || a->role != INQ_ASKED)
			continue;
		char w[INQ_WORD_MAX];
		snprintf(w, sizeof(w), "%s", a->word);
		int person = 0, other = 1;
		for (char *p = strtok(w, " "); p != NULL && other;
		     p = strtok(NULL, " ")) {
			uint64_t c = lang_lookup(r->pack, p, NULL);
			person |= (c & who) != 0;
			other = (c & about) != 0;
		}
		if (!person || !other)
			continue;
		/* "un examen pour ma fille": the children's version of the
		 * service beside it, already read so */
		int version = 0;
		for (size_t k = 0; k < q->n_things; k++)
			version |= k != i && q->things[k].role == INQ_MERGED &&
				   q->things[k].kind == CAT_SERVICE &&
				   q->things[k].clause == a->clause;
		if (version)
			continue;
		for (size_t k = 0; k < q->n_things; k++) {
			const struct inq_thing *b = &q->things[k];
			if (k != i && b->kind == CAT_SERVICE &&
			    b->role == INQ_ASKED && b->idx != a->idx &&
			    (b->clause == a->clause ||
			     same_sentence(r, i, k))) {
				a->role = INQ_MERGED;
				break;
			}
		}
	}
}

/*
 * "cambiar el pendiente del conch", "changer le bijou du tragus": a service
 * read from one loose word of its own (not in its name) right after another
 * service, joined to it only by "of", "del", "du", "vom", says where the
 * first is done, not a second visit (review es AD c22 booked an ear
 * piercing beside the jewel change).
 */
static void located_part(struct reader *r, struct inquiry *q)
{
	char nb[96];
	for (size_t k = 0; k < q->n_things; k++) {
		struct inq_thing *b = &q->things[k];
		if (b->kind != CAT_SERVICE || b->role != INQ_ASKED ||
		    strchr(b->word, ' ') != NULL ||
		    !rd_folded_name(r->cat, b->idx, nb, sizeof(nb)) ||
		    has_phrase(nb, b->word))
			continue;
		size_t at = 0;
		while (at < r->n && r->t[at].thing != (int)k + 1)
			at++;
		if (at == 0 || at >= r->n)
			continue;
		size_t i = at;
		int rel = 0;
		while (
		    i > 0 && r->t[i - 1].thing == 0 &&
		    r->t[i - 1].segment == r->t[at].segment &&
		    (r->t[i - 1].eff & (LW_RELATIVE | LW_FILLER | LW_OWNER)) &&
		    !(r->t[i - 1].eff & (LW_CONJ | LW_ALSO))) {
			rel |= (r->t[i - 1].eff & LW_RELATIVE) &&
			       r->t[i - 1].val != LW_RELATIVE_FOR;
			i--;
		}
		if (!rel || i == 0 || i == at || r->t[i - 1].thing == 0 ||
		    r->t[i - 1].segment != r->t[at].segment)
			continue;
		const struct inq_thing *a = &q->things[r->t[i - 1].thing - 1];
		if (a == b || a->kind != CAT_SERVICE || a->role != INQ_ASKED ||
		    a->idx == b->idx)
			continue;
		b->role = INQ_MERGED;
	}
}

/* "my friend and I want lashes at 11 together", "a la vez": one time for
 * all the party, never one after another. */
static void said_together(const struct reader *r, struct inquiry *q)
{
	static const char *const along[] = {"together", "juntos",   "juntas",
					    "ensemble", "zusammen", "birlikte",
					    NULL};
	q->together = said_also(r, LW_ALSO_TOGETHER);
	for (size_t i = 0; i < r->n; i++)
		for (size_t k = 0; along[k] != NULL; k++)
			q->together |= strcmp(r->t[i].w, along[k]) == 0;
}

void rd_persons(struct reader *r, struct inquiry *q)
{
	said_together(r, q);
	located_part(r, q);
	sibling_version(r, q);
	covered_by_longer(r, q);
	named_in_full(r, q);
	named_over_person(r, q);
	child_version(r, q);
	child_only(r, q);
	child_variant(r, q);
	person_word_only(r, q);
	count_persons(r, q);
}
