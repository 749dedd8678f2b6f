/*
 * inquiry: whose booking a text names. "cancel my wife's", "the one for
 * my son", "el de mi hija", "le rdv de mon mari", "den Termin meiner
 * Frau", "o horário dela", "ablamınkini iptal edelim", "my wife can't make
 * it": another person's. The desk does not record whom a booking is for,
 * so a cancel or move that says so without a reference never picks one of
 * the customer's bookings by itself (desk_manage.c). The words are the
 * pack's (struct lang_whose); the rule is the same in every language.
 */
#include "smsdesk/inquiry.h"

#include "inquiry_read.h"

#include <string.h>

static int listed(const char *const *list, const char *w)
{
	for (; list != NULL && *list != NULL; list++)
		if (strcmp(*list, w) == 0)
			return 1;
	return 0;
}

/* Word I names a person other than the customer: a person or child word
 * of the pack, or (EXTRA) one of the words that do so only after "of" or
 * an ending ("him", "ella", "Frau"). */
static int person_at(const struct reader *r, size_t i, int extra)
{
	const struct tok *t = &r->t[i];
	if ((t->eff & LW_SELF) || rd_has_digit(t->w))
		return 0;
	return (t->eff & (LW_PERSON | LW_CHILD)) != 0 ||
	       (extra && listed(r->pack->whose->persons, t->w));
}

/* An owner word or an article just before word I ("MY son", "LA hija"). */
static int owner_before(const struct reader *r, size_t i)
{
	return i > 0 && ((r->t[i - 1].cls & LW_OWNER) ||
			 listed(r->pack->whose->between, r->t[i - 1].w));
}

/* "for my son", "de mi hija", "para o meu filho", "meiner Frau": one of
 * `of` at I, then up to two owner words or articles, then a person. */
static int of_person(const struct reader *r, size_t i)
{
	const struct lang_whose *wh = r->pack->whose;
	if (!listed(wh->of, r->t[i].w))
		return 0;
	for (size_t j = i + 1; j < r->n && j <= i + 3; j++) {
		if (r->t[j].segment != r->t[i].segment)
			return 0;
		if (person_at(r, j, 1))
			return 1;
		if (!(r->t[j].cls & LW_OWNER) &&
		    !listed(wh->between, r->t[j].w))
			return 0;
	}
	return 0;
}

/* "my wifes" ("my wife's" folded), "oğlumun", "ablamınkini": a person
 * word under one of the pack's owning endings. */
static int owning_end(const struct reader *r, size_t i)
{
	const struct lang_whose *wh = r->pack->whose;
	const char *w = r->t[i].w;
	size_t len = strlen(w);
	char stem[64];

	if (wh->ends_after_owner && !owner_before(r, i))
		return 0;
	for (const char *const *e = wh->ends; e != NULL && *e != NULL; e++) {
		size_t el = strlen(*e);
		if (len <= el + 1 || len - el >= sizeof(stem) ||
		    strcmp(w + len - el, *e) != 0)
			continue;
		memcpy(stem, w, len - el);
		stem[len - el] = '\0';
		uint64_t c = lang_lookup(r->pack, stem, NULL);
		if (((c & (LW_PERSON | LW_CHILD)) && !(c & LW_SELF)) ||
		    listed(wh->persons, stem))
			return 1;
	}
	return 0;
}

/*
 * "my wife can't make it", "mi hija no puede ir", "kızım gelemeyecek": a
 * person of the customer's, the one who cannot come, a cancel or move
 * word a few words on in the same piece, no "I" or service between.
 */
static int person_cannot(const struct reader *r, size_t i)
{
	if (!person_at(r, i, 0) || r->t[i].thing != 0 ||
	    (!r->pack->whose->person_owned && !owner_before(r, i)))
		return 0;
	for (size_t j = i + 1; j < r->n && j <= i + 4; j++) {
		const struct tok *t = &r->t[j];
		if (t->segment != r->t[i].segment || (t->eff & LW_SELF) ||
		    t->thing != 0)
			return 0;
		if ((t->eff & (LW_CANCEL | LW_MOVE)) && !person_at(r, j, 0))
			return 1;
	}
	return 0;
}

void rd_whose(const struct reader *r, struct inquiry *q)
{
	const struct lang_whose *wh = r->pack->whose;
	if (wh == NULL)
		return;
	for (size_t i = 0; i < r->n && !q->whose; i++)
		q->whose = listed(wh->third, r->t[i].w) || of_person(r, i) ||
			   (i > 0 && listed(wh->after, r->t[i].w) &&
			    person_at(r, i - 1, 1)) ||
			   owning_end(r, i) || person_cannot(r, i);
}
