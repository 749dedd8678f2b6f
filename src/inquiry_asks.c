/*
 * inquiry: a question that names a service is a question, not a booking
 * (review r5 S060, S061, S129, S166, C07, C22; r4 s165, c55). "Is the
 * children's eye test free?", "is it free if I'm over 60?" ask the price;
 * "do I need to bring my old glasses?", "how often should I have an eye
 * test?", "does whitening hurt?" ask what only a person can answer. With no
 * day or time named and no booking word, such a text never starts a
 * booking flow. The advice leads are the pack's (LW_ADVICE).
 */
#include "smsdesk/inquiry.h"

#include "inquiry_read.h"

#include "smsdesk/catalog.h"
#include "smsdesk/text.h"

#include <string.h>

/* "is it free", "is the kids test free?", "are children free": "free" in
 * a yes/no question about a thing is its price, not free slots. */
static int asks_if_free(const struct reader *r)
{
	if (r->n < 2)
		return 0;
	const char *w0 = r->t[0].w;
	if (strcmp(w0, "is") != 0 && strcmp(w0, "are") != 0 &&
	    strcmp(w0, "its") != 0 && strcmp(w0, "isnt") != 0)
		return 0;
	for (size_t i = 1; i < r->n; i++)
		if (strcmp(r->t[i].w, "free") == 0 ||
		    strcmp(r->t[i].w, "chargeable") == 0)
			return 1;
	return 0;
}

/* "will a filling hurt?", "does the trial fitting hurt?": a yes/no
 * question about how a service feels. */
static int asks_if_hurts(const struct reader *r)
{
	static const char *const lead[] = {"does", "will", "would", "is", "do"};
	static const char *const how[] = {"hurt", "painful", "safe", "sting"};
	int led = 0, feel = 0;
	if (!r->qmark || r->n < 2)
		return 0;
	for (size_t k = 0; k < sizeof lead / sizeof lead[0]; k++)
		led |= strcmp(r->t[0].w, lead[k]) == 0;
	for (size_t i = 1; i < r->n; i++)
		for (size_t k = 0; k < sizeof how / sizeof how[0]; k++)
			feel |= strcmp(r->t[i].w, how[k]) == 0;
	return led && feel;
}

/* Word I opens a question: the text's first word (after a greeting) in a
 * text with a question mark, or, in a piece ending at "?", its first word
 * after greetings and "and"s, or a word right after an "and": "Hallo, was
 * ... beachten? Darf ich ...?", "Wie viel kostet ein Septum und tut das
 * sehr weh?" (review de V s48, s54). */
static int opens_question(const struct reader *r, size_t i)
{
	if (!r->qmark)
		return 0;
	if (i == 0 || (i == 1 && (r->t[0].eff & LW_GREET)))
		return 1;
	int seg = r->t[i].segment;
	if (seg < 0 || seg >= MAX_SEGMENTS || !r->seg_q[seg])
		return 0;
	/* "Ich möchte ein Tattoo, ist das möglich?": the lead asks only
	 * whether the booking can be, with nothing of its own after it;
	 * "und muss ich dafür nen Termin machen?" asks how to book, which
	 * the booking prompt answers (review de T s32, graded good) */
	int said = 0;
	size_t plen = r->t[i].plen > 0 ? (size_t)r->t[i].plen : 1;
	for (size_t k = i + plen; k < r->n && r->t[k].segment == seg; k++) {
		if (r->t[k].eff & LW_BOOKING)
			return 0;
		said |= !(r->t[k].eff &
			  (LW_FILLER | LW_YES | LW_ACK | LW_AVAIL | LW_THANKS));
	}
	if (!said)
		return 0;
	if (r->t[i - 1].segment == seg && (r->t[i - 1].cls & LW_CONJ))
		return 1;
	size_t j = i;
	while (j > 0 && r->t[j - 1].segment == seg &&
	       (r->t[j - 1].eff & (LW_GREET | LW_CONJ | LW_ALSO)))
		j--;
	return j == 0 || r->t[j - 1].segment != seg;
}

/* An advice phrase is read at i: any LW_ADVICE word or phrase, except one
 * of val 1 ("is the", "ist der") that counts only opening a question. */
static int advice_at(const struct reader *r, size_t i)
{
	const struct tok *t = &r->t[i];
	/* "je suis enceinte ... photos de grossesse" at a studio listing
	 * "enceinte" under its pregnancy session: the catalog's word (review
	 * fr R s14 handed on a plain request) */
	if (t->thing != 0)
		return 0;
	if (t->plen > 0 && (t->pcls & LW_ADVICE))
		return t->pval != 1 || opens_question(r, i);
	return (t->cls & LW_ADVICE) && (t->val != 1 || opens_question(r, i));
}

/* Where the first advice phrase starts (-1 none); *len its words. */
static int advice_where(const struct reader *r, int *len)
{
	for (size_t i = 0; i < r->n; i++)
		if (advice_at(r, i)) {
			*len = r->t[i].plen > 0 && (r->t[i].pcls & LW_ADVICE)
				   ? r->t[i].plen
				   : 1;
			return (int)i;
		}
	return -1;
}

/* A booking word outside the advice phrase ("can I book an eye test, do I
 * need to bring anything"): the text still books. "need", "get", "have"
 * and a verb just before the phrase are read as part of the question. */
static int in_advice(const struct reader *r, size_t i)
{
	for (size_t k = 0; k <= i && k < LANG_MAX_PHRASE_WORDS; k++)
		if (advice_at(r, i - k) && r->t[i - k].plen > (int)k)
			return 1;
	return 0;
}

/* Word I follows a question word of its own piece by at most three words
 * ("on peut faire", "cest possible de se faire"). */
static int asked_verb(const struct reader *r, size_t i)
{
	for (size_t k = 1; k <= 3 && k <= i; k++) {
		const struct tok *p = &r->t[i - k];
		if (p->segment != r->t[i].segment)
			return 0;
		if (p->eff & LW_QUESTION)
			return 1;
	}
	return 0;
}

/* Piece SEG holds a word of a catalog thing or a booking noun. */
static int piece_names_ours(const struct reader *r, int seg)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->t[i].segment == seg &&
		    (r->t[i].thing != 0 || (r->t[i].eff & LW_BOOKING)))
			return 1;
	return 0;
}

static int books_apart(const struct reader *r, int at)
{
	for (size_t i = 0; i < r->n; i++) {
		if (in_advice(r, i))
			continue;
		/* "tiene que ir en ayunas": the verb just before the
		 * question phrase is part of it */
		if ((int)i < at && (int)i >= at - 2 &&
		    r->t[i].segment == r->t[at].segment)
			continue;
		/* "A partir de quel âge on peut faire un massage ?", "c'est
		 * possible de faire une séance photo avec notre chien ?",
		 * "darf ich mit Einverständnis meiner Mutter ein
		 * Bauchnabelpiercing bekommen?": a verb just after "can one",
		 * "is it possible", or after the question phrase, in the
		 * question's own piece is what it asks about, not a booking
		 * (reviews fr V s57, R s45; de V s16) */
		if (at >= 0 && r->t[i].segment == r->t[at].segment &&
		    r->seg_q[r->t[i].segment] &&
		    ((int)i > at || asked_verb(r, i)))
			continue;
		/* "ich hab einen eingewachsenen Zehennagel ... zum Arzt?":
		 * "hab" tells what the customer has (LW_AM_I), like "have"
		 * (review de10 S10) */
		/* "... dura quanto tempo no rosto? Vou pra uma festa": a verb
		 * in a piece of its own naming no service and no booking
		 * tells of the customer's day, books nothing (review pt AL
		 * s18) */
		if ((r->t[i].cls & LW_BOOK) && r->n_segs > 1 &&
		    !piece_names_ours(r, r->t[i].segment))
			continue;
		if ((r->t[i].cls & LW_BOOK) && !(r->t[i].eff & LW_AM_I) &&
		    strcmp(r->t[i].w, "need") != 0 &&
		    strcmp(r->t[i].w, "get") != 0 &&
		    strcmp(r->t[i].w, "have") != 0)
			return 1;
	}
	return 0;
}

/* Every move word is part of the advice phrase at..at+len-1 ("o preço
 * muda?" asks whether the price changes, it moves nothing). */
static int moves_inside(const struct reader *r, int at, int len)
{
	if (at < 0)
		return 0;
	for (size_t i = 0; i < r->n; i++)
		if ((r->t[i].cls & LW_MOVE) &&
		    ((int)i < at || (int)i >= at + len))
			return 0;
	return 1;
}

/* A day read beside an advice question is when something happened or a
 * count of days ("encore mal 3 jours après une extraction"), unless a
 * clock time or a booking word asks for it. */
static int day_asked(const struct reader *r, const struct inquiry *q)
{
	if (q->n_times > 0 || q->when.time != WHEN_TIME_NONE)
		return 1;
	if (!q->when.mentioned || q->when.problem == WHEN_PAST ||
	    rd_has(r, LW_PAST))
		return 0;
	return q->when.has_range ||
	       rd_has(r, LW_WEEKDAY | LW_TODAY | LW_DATEWORD);
}

/* A word of a team member's name (4 letters or more, one the pack does
 * not read otherwise) is in the text: "Ist Dr Keller nächste Woche da?",
 * "a Dra Fernanda atende quinta?" ask about a person, for the team. */
int rd_names_staff(const struct reader *r)
{
	const struct catalog *cat = r->cat;
	for (size_t s = 0; cat != NULL && s < cat->n_staff; s++) {
		char name[96];
		if (cat->staff[s].name == NULL)
			continue;
		text_fold(cat->staff[s].name, name, sizeof name);
		for (char *p = strtok(name, " .-"); p != NULL;
		     p = strtok(NULL, " .-")) {
			if (strlen(p) < 4)
				continue;
			for (size_t i = 0; i < r->n; i++)
				if (strcmp(r->t[i].w, p) == 0 &&
				    r->t[i].thing == 0 &&
				    !(r->t[i].eff & ~LW_COMMON))
					return 1;
		}
	}
	return 0;
}

/* "¿hacéis baño de gatos?", "haceis equilibrado", "do you do diabetic
 * checks?", "vous faites la pose de vernis ?": whether we do a service
 * named, with no day, time or booking word: a yes with what it costs and
 * takes answers it (reviews es6 s19, c08, r9 class 5), never only "which
 * day?". The offer word or phrase is the pack's (LW_QUESTION of val
 * LW_QUESTION_OFFERED); a question mark or the word leading the text
 * makes it a question. */
/* Where the first "do you do" word or phrase stands (-1 none). */
static int offer_word_at(const struct reader *r)
{
	for (size_t i = 0; i < r->n; i++)
		if (((r->t[i].cls & LW_QUESTION) &&
		     r->t[i].val == LW_QUESTION_OFFERED) ||
		    (r->t[i].plen > 1 && (r->t[i].pcls & LW_QUESTION) &&
		     r->t[i].pval == LW_QUESTION_OFFERED))
			return (int)i;
	return -1;
}

static int asks_if_offered(const struct reader *r, const struct inquiry *q)
{
	int at = offer_word_at(r);
	/* "vous faites X ?" reads as a price question in its pack */
	if (at < 0 || (q->intent != INQ_BOOK && q->intent != INQ_PRICE) ||
	    q->when.mentioned || q->n_times > 0 ||
	    q->when.time != WHEN_TIME_NONE ||
	    rd_has(r, LW_BOOKING | LW_AVAIL | LW_NEGATE) || q->not_text >= 0)
		return 0;
	/* "my nurse said I need one every year", "can I get insoles
	 * made?", "I have a fungal nail infection, can you treat that?":
	 * "need", "get" and "have" ask for nothing more than the question
	 * (as books_apart reads them); "quiero cita" books */
	int plen = r->t[at].plen > 1 ? r->t[at].plen : 1;
	for (size_t i = 0; i < r->n; i++)
		if ((r->t[i].eff & LW_BOOK) && strcmp(r->t[i].w, "need") != 0 &&
		    strcmp(r->t[i].w, "get") != 0 &&
		    strcmp(r->t[i].w, "have") != 0 &&
		    ((int)i < at || (int)i >= at + plen))
			return 0;
	/* "how much is a hot towel shave? and do you do nails?": the price
	 * asked elsewhere is a price question, answered as one */
	for (size_t i = 0; i < r->n; i++)
		if ((r->t[i].eff & LW_PRICE) &&
		    ((int)i < at || (int)i >= at + plen))
			return 0;
	int lead = 1;
	for (int i = 0; i < at; i++)
		lead &= (r->t[i].eff &
			 (LW_GREET | LW_FILLER | LW_QUESTION | LW_ALSO)) != 0;
	/* "manikür yapıyor musunuz": the verb ends the question; "ob Sie
	 * Kinesiologie anbieten, mein Sohn ist 6": its piece (review de AQ
	 * c08.1) */
	if (!r->qmark && !lead && (size_t)(at + plen) < r->n &&
	    r->t[at + plen].segment == r->t[at + plen - 1].segment)
		return 0;
	if (!rd_service_asked(q))
		return 0;
	/* "vcs fazem tatuagem em cima de cicatriz?": more than the service
	 * asked about (two words neither the pack nor the catalog knows,
	 * in the question's own piece) is the artist's judgement, for a
	 * person, never a plain yes (review pt7 s67) */
	int unknown = 0, purpose = 0;
	for (size_t i = (size_t)(at + plen); i < r->n; i++) {
		const struct tok *t = &r->t[i];
		if (t->segment != r->t[at].segment)
			break;
		int unk = t->thing == 0 && t->eff == 0 && strlen(t->w) >= 3 &&
			  !rd_has_digit(t->w);
		unknown += unk;
		/* "vous faites de l'auriculo pour maigrir ?": a purpose the
		 * catalog never names ("Auriculothérapie arrêt du tabac") is
		 * the practitioner's to answer, never "yes, of course"
		 * (review fr AL s58) */
		purpose |= unk && i > 0 && r->t[i - 1].thing == 0 &&
			   (r->t[i - 1].cls & LW_RELATIVE) &&
			   r->t[i - 1].val == LW_RELATIVE_FOR && i >= 2 &&
			   r->t[i - 2].thing != 0;
	}
	return unknown >= 2 || purpose ? 2 : 1;
}

/* A catalog topic is read in words [I, I+LEN): the business's own answer
 * (a "we don't, try them" with its referrals) for those words. */
static int topic_in(const struct reader *r, const struct inquiry *q, size_t i,
		    size_t len)
{
	for (size_t k = i; k < i + len && k < r->n; k++) {
		int th = r->t[k].thing;
		if (th > 0 && (size_t)th <= q->n_things &&
		    (q->things[th - 1].kind == CAT_TOPIC ||
		     q->things[th - 1].kind == CAT_SERVICE) &&
		    q->things[th - 1].distance == 0)
			return 1;
	}
	return 0;
}

/* Every opening-hours word of the text is one of value 1, a verb that
 * asks about the hours only when nothing else is named ("vcs atendem?";
 * not "vcs atendem em casa?", "meu plano é IPE, vcs atendem?"). */
static int weak_hours_only(const struct reader *r)
{
	int any = 0;
	for (size_t i = 0; i < r->n; i++) {
		const struct tok *t = &r->t[i];
		if ((t->pcls & LW_HOURS) && t->pval != 1)
			return 0;
		if ((t->cls & LW_HOURS) && t->val != 1)
			return 0;
		any |= (t->eff & LW_HOURS) != 0;
	}
	return any;
}

/*
 * The last question only a person can answer is the specific one ("do you
 * take walk ins": walk-ins, not payment). Words the catalog lists as one of
 * its topics ("em casa" for a clinic with a home-care referral, "receita"
 * under the orthopaedist's) are the catalog's to answer (pt6 s09, s39), and
 * so are its services' words ("ordonnance" under a physiotherapy session:
 * "j'ai une ordonnance" is why they book, review fr O s18, c07).
 */
/* Is W a word of some service's name ("photos" of "Photos d'identité" at
 * a photo studio: the trade itself, never a question for a person about
 * sending a photo; review fr R s10, s39)? */
static int in_a_service_name(const struct reader *r, const char *w)
{
	for (size_t k = 0; k < r->cat->n_services; k++)
		if (strlen(w) >= 4 && rd_name_holds_word(r->cat, k, w))
			return 1;
	return 0;
}

/* Is word I's own phrase (or the word) inside a longer pack phrase begun
 * before it ("vielen Dank im Voraus" holds "im Voraus": no question for a
 * person; "wie weit im Voraus" holds it too: the longer one's question,
 * the notice)? One that only overlaps it holds nothing: "wollte mich" (a
 * booking verb) ends inside "mich beschweren", the complaint (review de
 * AH s41 got the menu). */
static int inside_other_phrase(const struct reader *r, size_t i)
{
	size_t end =
	    i + (size_t)(r->t[i].plen > 1 && (r->t[i].pcls & LW_NOT_TEXT)
			     ? r->t[i].plen
			     : 1);
	for (size_t j = 0; j < i; j++)
		if (r->t[j].plen > 1 && j + (size_t)r->t[j].plen >= end)
			return 1;
	return 0;
}

/* Every hours word of the text lies in [FROM, TO), and one does. */
static int hours_only_in(const struct reader *r, size_t from, size_t to)
{
	int in = 0;
	for (size_t k = 0; k < r->n; k++) {
		if (!(r->t[k].cls & LW_HOURS))
			continue;
		if (k < from || k >= to)
			return 0;
		in = 1;
	}
	return in;
}

/* A word of piece SEG holds a digit: "moro no 12º andar", "Hauptstr.
 * 5" are an address for the team, "in Leipzig" only where they live. */
static int number_in_piece(const struct reader *r, int seg)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->t[i].segment == seg && rd_has_digit(r->t[i].w))
			return 1;
	return 0;
}

void rd_not_text(const struct reader *r, struct inquiry *q)
{
	int told = 0, only_told = 1, told_seg = -1;
	for (size_t i = 0; i < r->n; i++) {
		const struct tok *t = &r->t[i];
		int v = -1;
		if (!((t->pcls | t->cls) & LW_NOT_TEXT))
			continue;
		/* "j'ai des idées noires", "Gedanken mich umzubringen":
		 * whatever else the text says or the catalog's topics name,
		 * the desk answers the crisis (q->crisis) */
		if (((t->pcls & LW_NOT_TEXT) && (t->pval & LANG_NT_CRISIS)) ||
		    ((t->cls & LW_NOT_TEXT) && (t->val & LANG_NT_CRISIS))) {
			q->crisis = 1;
			continue;
		}
		if (inside_other_phrase(r, i))
			continue;
		/* "cuma 17:00 uygun mu?": a day or time asked about is
		 * whether it is free, not a question for a person */
		if (q->when.mentioned && ((t->pcls | t->cls) & LW_AVAIL))
			continue;
		/* a gift voucher is asked about even where the catalog
		 * names a service by it ("Gutschein (Wert frei wählbar)") */
		int gift =
		    (((t->pcls & LW_NOT_TEXT) && t->plen > 1 &&
		      (t->pval & LANG_NT_GIFT)) ||
		     ((t->cls & LW_NOT_TEXT) && (t->val & LANG_NT_GIFT)));
		if (gift) {
			v = (t->pcls & LW_NOT_TEXT) && t->plen > 1 ? t->pval
								   : t->val;
			q->gift = 1;
			if (t->thing > 0 &&
			    q->things[t->thing - 1].kind == CAT_SERVICE &&
			    q->gift_service == 0)
				q->gift_service =
				    (int)q->things[t->thing - 1].idx + 1;
			v &= ~LANG_NT_GIFT;
		} else if ((t->pcls & LW_NOT_TEXT) &&
			   !topic_in(r, q, i, (size_t)t->plen))
			v = t->pval;
		else if ((t->cls & LW_NOT_TEXT) && !topic_in(r, q, i, 1) &&
			 !in_a_service_name(r, t->w))
			v = t->val;
		if (v < 0)
			continue;
		/* "la dirección es Calle Cuba 45": the street after it is
		 * theirs, never where we are */
		if (told && (v & ~LANG_NT_SORRY) == LANG_NT_DIRECTIONS)
			continue;
		q->cover |= (v & LANG_NT_COVER) != 0;
		v &= ~LANG_NT_COVER;
		int lasts = (v & LANG_NT_LASTS) != 0;
		v &= ~LANG_NT_LASTS;
		told |= (v & LANG_NT_TOLD) != 0;
		only_told &= (v & LANG_NT_TOLD) != 0;
		if (v & LANG_NT_TOLD)
			told_seg = t->segment;
		v &= ~LANG_NT_TOLD;
		/* "con cuánta antelación hay que pedir cita": how far ahead,
		 * never whether we take walk-ins (review es U s50) */
		if (v == LANG_NT_WALKIN && q->not_text == LANG_NT_NOTICE)
			continue;
		/* "how much notice to cancel": the notice to cancel is no
		 * booking's, for a person */
		if (v == LANG_NT_NOTICE && rd_has(r, LW_CANCEL)) {
			v = LANG_NT_OTHER;
			q->cancel_terms = 1;
		}
		/* "bis wann muss ich absagen, damit ich nicht zahlen
		 * muss?": the terms, whatever they cost */
		if (q->cancel_terms && q->not_text == LANG_NT_OTHER)
			continue;
		/* "10 dk gecikeceğim, trafik berbat": late, whatever else
		 * the text grumbles about (review tr W s20) */
		if (q->not_text == LANG_NT_LATE &&
		    ((v & ~LANG_NT_SORRY) == LANG_NT_OTHER ||
		     (v & ~LANG_NT_SORRY) == LANG_NT_DIRECTIONS))
			continue;
		/* "Qual o telefone de vcs pra eu ligar?": our number asked,
		 * whatever call word follows (review pt AN s50) */
		if (q->not_text == LANG_NT_PHONE &&
		    (v & ~(LANG_NT_SORRY | LANG_NT_TOLD)) == LANG_NT_OTHER)
			continue;
		if ((v & ~LANG_NT_SORRY) == LANG_NT_DIRECTIONS ||
		    q->not_text == LANG_NT_DIRECTIONS)
			q->directions = 1;
		q->not_text = v & ~LANG_NT_SORRY;
		/* "combien de temps à l'avance": the how much of the notice
		 * phrase asks no price or length (review fr V); nor does
		 * that of "combien de temps tient le semi", "au bout de
		 * combien de temps" (how long it lasts: review fr AZ s49,
		 * c06.2 got the visit's length) */
		int own_words = v == LANG_NT_NOTICE || lasts;
		for (size_t k = i; own_words && k < r->n &&
				   k < i + (size_t)(t->plen > 0 ? t->plen : 1);
		     k++) {
			uint64_t c = r->t[k].cls | r->t[k].pcls;
			if (c & LW_PRICE)
				q->asks &= ~(unsigned)INQ_ASK_PRICE;
			if (c & LW_DURATION)
				q->asks &= ~(unsigned)INQ_ASK_DURATION;
		}
		q->complaint |= (v & LANG_NT_SORRY) != 0;
		/* "kapalı mı açık mı?" (indoor or outdoor): the phrase's
		 * own "open" asks no hours (review tr AI s23) */
		if ((t->pcls & LW_NOT_TEXT) && t->plen > 1 &&
		    hours_only_in(r, i, i + (size_t)t->plen))
			q->asks &= ~(unsigned)INQ_ASK_HOURS;
	}
	/* "samedi dernier le prof est arrivé avec 20 minutes de retard",
	 * "dünkü derste hoca 15 dk geç başladı": lateness on a day gone by
	 * is a complaint, for a person with a sorry, never "thanks for
	 * letting us know, see you soon" (reviews fr AE s33, tr AF c09.1) */
	if (q->not_text == LANG_NT_LATE &&
	    (q->when.problem == WHEN_PAST || rd_has(r, LW_PAST))) {
		q->not_text = LANG_NT_OTHER;
		q->complaint = 1;
	}
	if (q->not_text == LANG_NT_LATE)
		q->complaint = 0;
	/* "Bieten Sie auch Sitzungen per Video an? Ich wohne inzwischen in
	 * Leipzig": where they live, told beside a service asked for, is
	 * why they ask, never a message for the team in its place (review
	 * de AQ s10) */
	if (told && only_told && q->not_text == LANG_NT_OTHER &&
	    !q->complaint && rd_service_asked(q) &&
	    !number_in_piece(r, told_seg))
		q->not_text = -1;
	/* "Bu kadar ücret ödüyoruz, biraz daha özen bekliyorum": a price in
	 * a complaint asking nothing is part of the grievance, never a
	 * price list after the sorry (reviews tr AD s38, tr AF c09.1) */
	if (q->complaint && !r->qmark)
		q->asks &= ~(unsigned)(INQ_ASK_PRICE | INQ_ASK_DURATION);
	if (weak_hours_only(r) && !q->when.mentioned &&
	    (q->n_things > 0 || q->not_text >= 0))
		q->asks &= ~(unsigned)INQ_ASK_HOURS;
}

/* A word of class CLS not read as part of a service or topic ("consulta"
 * naming the service is no booking noun beside it). */
static int free_word(const struct reader *r, uint64_t cls)
{
	for (size_t i = 0; i < r->n; i++)
		if ((r->t[i].eff & cls) && r->t[i].thing == 0)
			return 1;
	return 0;
}

/* Piece SEG ends at "?", or only pieces of a word or none come between
 * it and one that does ("on peut venir seul(e) ?": "(e)" and ")" stand
 * between). WORDS holds each piece's words. */
static int question_piece(const struct reader *r, const size_t *words, int seg)
{
	if (seg < 0 || seg >= r->n_segs || seg >= MAX_SEGMENTS)
		return 0;
	for (int k = seg; k < r->n_segs && k < MAX_SEGMENTS; k++) {
		if (k > seg && words[k] > 1)
			return 0;
		if (r->seg_q[k])
			return 1;
	}
	return 0;
}

/* Words of a question that say what is asked: unknown, or everyday words
 * the pack knows only as such ("faut", "seul", "validade"); three of them
 * in the questions make one of its own. */
enum { SAID_OF_ITS_OWN = 3 };

/* A word neither the pack nor the catalog knows, long enough to name
 * something ("aerial", "scolaires", "brasileño"). */
static int unknown_word(const struct tok *t)
{
	return t->thing == 0 && t->eff == 0 && strlen(t->w) >= 4 &&
	       !rd_has_digit(t->w);
}

static int said_word(const struct tok *t)
{
	return t->thing == 0 && (t->eff & ~(uint64_t)LW_COMMON) == 0 &&
	       strlen(t->w) >= 4 && !rd_has_digit(t->w);
}

/*
 * "Aerial yoga var mı?", "vous faites les photos scolaires ?": a question
 * naming a service with a word we do not know right beside it asks about
 * a kind of it the catalog does not list. A yes (or "which day for the
 * private yoga?") would promise what nobody offered (review tr W s39, fr
 * R s47, s61): for a person. Only with no day, time or booking word, and
 * one service named by one or two words.
 */
static int unlisted_kind(const struct reader *r, const struct inquiry *q)
{
	/* only "do you do ...?": a verb beside the service ("colocar
	 * barba", "Klimaanlage befüllen") is no kind of it */
	int at = offer_word_at(r);
	if (at < 0 || q->when.mentioned || q->n_times > 0 ||
	    q->when.time != WHEN_TIME_NONE)
		return 0;
	/* a booking word outside the offer phrase's own ("vous faites"
	 * holds "faire": review fr AZ s39 "la manucure russe" got "Oui,
	 * bien sûr : Manucure simple") */
	size_t end =
	    (size_t)at + (size_t)(r->t[at].plen > 1 ? r->t[at].plen : 1);
	for (size_t i = 0; i < r->n; i++)
		if ((i < (size_t)at || i >= end) &&
		    (r->t[i].eff & (LW_BOOK | LW_BOOKING | LW_AVAIL | LW_PRICE |
				    LW_DURATION)))
			return 0;
	int th = 0;
	size_t first = 0, last = 0;
	for (size_t i = 0; i < r->n; i++) {
		if (r->t[i].thing == 0)
			continue;
		if (th != 0 && r->t[i].thing != th)
			return 0;
		if (th == 0)
			first = i;
		th = r->t[i].thing;
		last = i;
	}
	if (th == 0 || last - first > 1 || r->t[first].in_phrase ||
	    q->things[th - 1].kind != CAT_SERVICE ||
	    q->things[th - 1].role != INQ_ASKED)
		return 0;
	/* a word of the service's own name ("corn removal" at "Corn and
	 * callus removal") is the service */
	size_t idx = q->things[th - 1].idx;
	int before = first > 0 && unknown_word(&r->t[first - 1]) &&
		     r->t[first - 1].segment == r->t[first].segment &&
		     !rd_name_holds_word(r->cat, idx, r->t[first - 1].w);
	int after = last + 1 < r->n && unknown_word(&r->t[last + 1]) &&
		    r->t[last + 1].segment == r->t[last].segment &&
		    !rd_name_holds_word(r->cat, idx, r->t[last + 1].w);
	return before || after;
}

/*
 * "Gibt es bei euch auch Automatik?", "Sie schicken doch Erinnerungen
 * oder?", "kann ich mit jemand anderem fahren?": a question that names no
 * service or topic, no clock time and no booking noun, with two words
 * we do not know, asks something of its own. The menu of services
 * answered it (review de X s22, s26, s46, s59): for a person. So does
 * the trade's word beside one we do not know ("kann ich auch mit meinem
 * eigenen Auto üben?" at a driving school, s41, s62); "vous faites de la
 * coiffure ?" asks only the trade.
 */
static int question_of_ours(const struct reader *r, const struct inquiry *q)
{
	int trade = q->intent == INQ_TRADE;
	for (size_t k = 0; k < q->n_things; k++)
		trade &= q->things[k].kind < 0;
	/* "Wie lange hab ich nach der bestandenen Theorie Zeit für die
	 * praktische Prüfung?": how long, of something not ours (review de
	 * X s59), never every service's length */
	int how_long = q->intent == INQ_DURATION && q->asks == INQ_ASK_DURATION;
	if (!r->qmark || (q->n_things > 0 && !trade) ||
	    (q->n_matches > 0 && !trade) || q->asked_thing ||
	    q->asked_word[0] != '\0' || q->n_times > 0 || q->when.mentioned ||
	    q->when.time != WHEN_TIME_NONE || (q->asks != 0 && !how_long) ||
	    (q->intent != INQ_BOOK && q->intent != INQ_UNKNOWN && !trade &&
	     !how_long) ||
	    rd_has(r, LW_BOOKING | LW_CHOICE | LW_YES | LW_NO) ||
	    (trade && rd_has(r, LW_BOOK)))
		return 0;
	int unknown = 0;
	for (size_t i = 0; i < r->n; i++)
		unknown += unknown_word(&r->t[i]) && !(r->t[i].eff & LW_TRADE);
	return unknown >= (trade ? 1 : how_long ? 3 : 2);
}

/* Token AT (-1: none) stands before the first service asked: a "do you
 * do" or booking word there asks for it ("machen Sie Ponyreiten?", "je
 * voudrais faire un coaching"); after it, it is about something else
 * ("beim Ponyreiten dabei sein und Fotos machen?", "la boxe c'est avec des
 * coups ? j'ai peur de me faire mal", reviews de AD s54, fr AD s20). */
static int before_service(const struct reader *r, const struct inquiry *q,
			  int at)
{
	if (at < 0)
		return 0;
	for (int i = 0; i < at; i++)
		if (r->t[i].thing > 0 &&
		    q->things[r->t[i].thing - 1].kind == CAT_SERVICE &&
		    q->things[r->t[i].thing - 1].role == INQ_ASKED)
			return 0;
	return 1;
}

/* A choice word with a number beside it ("la 2", "option 3"): the word
 * alone is often an article ("la boxe"). */
static int choice_said(const struct reader *r)
{
	for (size_t i = 0; i < r->n; i++)
		if ((r->t[i].eff & LW_CHOICE) &&
		    ((i + 1 < r->n && rd_has_digit(r->t[i + 1].w)) ||
		     (i > 0 && rd_has_digit(r->t[i - 1].w))))
			return 1;
	return 0;
}

/* Piece SEG opens, after greetings and fillers, with a question word of
 * the thing's nature (LW_QUESTION_ABOUT: "how many", "how old", "who",
 * "why"), never one asking for a slot ("when", "which day"). */
static int opens_about(const struct reader *r, int seg)
{
	for (size_t i = 0; i < r->n; i++) {
		const struct tok *t = &r->t[i];
		if (t->segment != seg)
			continue;
		if (t->plen > 1 && (t->pcls & LW_QUESTION))
			return t->pval == LW_QUESTION_ABOUT;
		if ((t->cls & LW_QUESTION) && t->val == LW_QUESTION_ABOUT)
			return 1;
		if (!(t->eff & (LW_GREET | LW_FILLER)))
			return 0;
	}
	return 0;
}

/*
 * "Kann man mit 54 noch Ukulele lernen als Anfänger?", "azot gerçekten fark
 * eder mi?", "Können Eltern in der Früherziehung dabei bleiben?": a
 * question naming a service, with two words or more we do not know in the
 * question itself, and no day, time, booking, price or length asked, asks
 * something of its own about the service: for a person, never "which day
 * for it?" (the largest class of reviews de, tr, pt, es Z). One such word
 * is enough after the service, where it says something about it ("la boxe
 * fitness c'est avec des coups ?", review fr AD s20), not before it, where
 * it may be the verb asking for it ("je pourrais avoir un coaching ?"),
 * and unless it may be a day misspelt ("haircut mañana?" reads unsure).
 */
static int asks_about_service(const struct reader *r, const struct inquiry *q)
{
	if (!r->qmark || q->intent != INQ_BOOK || q->when.mentioned ||
	    q->n_times > 0 || q->when.time != WHEN_TIME_NONE ||
	    (q->asks & ~(unsigned)INQ_ASK_HOURS) != 0 || q->not_text >= 0 ||
	    q->held > 0 || before_service(r, q, offer_word_at(r)) ||
	    free_word(r, LW_AVAIL | LW_PRICE | LW_DURATION | LW_MOVE |
			     LW_CANCEL | LW_YES | LW_NO) ||
	    choice_said(r))
		return 0;
	/* a booking word before the service, a booking noun or an hours
	 * word: a booking, unless the question says much of its own ("Faut-il
	 * venir en couple pour le rock ou on peut venir seul ?", "a primeira
	 * consulta já inclui o ajuste?", "Como funciona? As sessões têm
	 * validade?": reviews fr AE s37, pt AE s26, s49) */
	int booky = before_service(r, q, rd_where(r, LW_BOOK, NULL)) ||
		    free_word(r, LW_BOOKING | LW_HOURS) ||
		    (q->asks & INQ_ASK_HOURS) != 0;
	int said_all = 0, service_any = 0;
	size_t words[MAX_SEGMENTS] = {0};
	for (size_t i = 0; i < r->n; i++)
		if (r->t[i].segment >= 0 && r->t[i].segment < MAX_SEGMENTS)
			words[r->t[i].segment]++;
	for (int seg = 0; seg < MAX_SEGMENTS; seg++) {
		if (!question_piece(r, words, seg))
			continue;
		int service = 0, unknown = 0, after = 0, said = 0, first = 1;
		for (size_t i = 0; i < r->n; i++) {
			const struct tok *t = &r->t[i];
			if (t->segment != seg)
				continue;
			/* "Und normale Maniküre mit Lack?": whether we do
			 * that one too, the booking prompt's (de T c09.2) */
			if (first && (t->eff & (LW_CONJ | LW_ALSO)))
				break;
			first = 0;
			if (t->thing > 0 &&
			    q->things[t->thing - 1].kind == CAT_SERVICE &&
			    q->things[t->thing - 1].role == INQ_ASKED)
				service = 1;
			unknown += unknown_word(t);
			after += service && unknown_word(t);
			said += said_word(t);
		}
		said_all += said;
		service_any |= service;
		if (service && !booky &&
		    (unknown >= 2 || (after >= 1 && !q->when.unsure)))
			return 1;
		/* "Wie viele Kinder sind in einem Seepferdchenkurs?", "Wie alt
		 * muss mein Kind mindestens für den Seepferdchenkurs sein?":
		 * how many, how old, who, why (review de AK s27, s60) */
		if (service && !booky && opens_about(r, seg))
			return 1;
	}
	return service_any && said_all >= SAID_OF_ITS_OWN;
}

/* The text is a question only a person can answer, by RULE. */
static void to_person(struct inquiry *q, const char *rule)
{
	q->intent = INQ_NOT_TEXT;
	q->not_text = LANG_NT_OTHER;
	q->asked_thing = 0;
	q->rule = rule;
}

void rd_questions(const struct reader *r, struct inquiry *q)
{
	switch (q->intent) {
	case INQ_BOOK:
	case INQ_AVAIL:
	case INQ_UNKNOWN:
	case INQ_TRADE:
	case INQ_HELP:
	case INQ_PRICE:
	case INQ_DURATION:
	case INQ_MOVE: /* "o preço muda?": a move word in the question */
		break;
	default:
		return;
	}
	if (q->n_matches == 0 && q->n_times == 0 &&
	    q->when.time == WHEN_TIME_NONE && !rd_has(r, LW_BOOK) &&
	    rd_names_staff(r)) {
		to_person(q, "asks about a person of the team: for a person");
		return;
	}
	if (question_of_ours(r, q)) {
		to_person(q, "a question naming nothing of ours: for a person");
		return;
	}
	if (asks_about_service(r, q)) {
		to_person(
		    q, "a question of its own about a service: for a person");
		return;
	}
	if (unlisted_kind(r, q)) {
		to_person(q,
			  "a kind of a service the catalog does not list: for "
			  "a person");
		return;
	}
	if (asks_if_free(r) && !q->when.mentioned && q->n_times == 0 &&
	    q->intent != INQ_DURATION) {
		q->intent = INQ_PRICE;
		q->asks = (q->asks & ~(unsigned)INQ_ASK_AVAIL) | INQ_ASK_PRICE;
		q->wants_price = 1;
		q->rule = "is it free: the price";
		return;
	}
	/* "do you do patch tests for lash tint?": the advice asked is the
	 * question, for a person (below) */
	int alen = 0;
	int offered = advice_where(r, &alen) < 0 ? asks_if_offered(r, q) : 0;
	if (offered == 2) {
		to_person(q, "do you do it, and more about it: for a person");
		return;
	}
	if (offered) {
		q->intent = INQ_PRICE;
		q->asks |= INQ_ASK_PRICE;
		q->wants_price = 1;
		q->asks_offered = 1;
		q->rule = "do you do it: what it costs and takes";
		return;
	}
	int len = 0, at = advice_where(r, &len);
	if (at < 0 && !asks_if_hurts(r))
		return;
	/* "how long do gels last", "cuánto tarda en secarse", "dura quanto
	 * tempo no rosto": the length asked is the advice itself, whichever
	 * advice phrase stands just after the length word, whatever day is
	 * told beside it (reviews es AM s10, pt AL s18) */
	int dw = rd_where(r, LW_DURATION, NULL);
	for (int k = dw + 1; dw >= 0 && k <= dw + 4 && k < (int)r->n; k++)
		if (advice_at(r, (size_t)k)) {
			q->asks &= ~(unsigned)INQ_ASK_DURATION;
			if (q->intent == INQ_DURATION && !books_apart(r, at)) {
				to_person(q, "how long it lasts or dries, not "
					     "the visit: for a person");
				return;
			}
		}
	if (day_asked(r, q))
		return;
	if (books_apart(r, at)) {
		/* the booking goes ahead; the question goes to a person.
		 * "randevu almak istiyorum, 20 haftalık gebeyim": no
		 * question mark, no question word, only why they book: no
		 * question (review tr W c04.1, c07.1 asked the day and
		 * handed the text on in one reply) */
		if (!r->qmark && !rd_has(r, LW_QUESTION))
			return;
		if (q->not_text < 0 && q->intent != INQ_MOVE)
			q->not_text = LANG_NT_OTHER;
		return;
	}
	if (q->intent == INQ_MOVE && !moves_inside(r, at, len))
		return;
	/* "o preço muda?": the price asked is the advice itself */
	int pw = rd_where(r, LW_PRICE, NULL);
	if (pw >= at && pw < at + len)
		q->asks &= ~(unsigned)INQ_ASK_PRICE;
	/* "Notfall!!! Hund hat Rattengift gefressen was soll ich tun": a
	 * topic we don't do, asked of alone, is answered with who does it
	 * (review de BC2 s13 got no emergency number) */
	int topic = 0;
	for (size_t k = 0; k < q->n_things; k++)
		topic |= q->things[k].role == INQ_ASKED &&
			 q->things[k].kind == CAT_TOPIC;
	if (topic && !rd_service_asked(q))
		return;
	/* the price or length asked beside it is answered too */
	to_person(q, "a question about a service, not a booking: for a person");
}
