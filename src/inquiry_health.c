/*
 * inquiry: a health problem told in everyday words ("I got bleach in my
 * eye", "my face is swollen and my tooth is killing me", "red sore eye, can
 * you see me today?", "my dog ate chocolate") is a problem report. It never
 * gets "didn't catch that", a greeting or a bare menu: the catalog's
 * emergency service offers its earliest slots (or the day asked), its
 * emergency topic gives the referral (urgent words only), and otherwise a
 * person answers. The words are the pack's (LW_SYMPTOM, LW_URGENT); the
 * catalog says which service or topic is the emergency one by listing one
 * of the pack's LW_URGENT words ("emergency", "urgent").
 */
#include "smsdesk/inquiry.h"

#include "inquiry_read.h"

#include <string.h>

/* The severity of the worst symptom not negated ("not painful", "doesn't
 * hurt", "no pain"): 2 urgent, 1 mild, 0 none. */
static int severity(const struct reader *r)
{
	int worst = 0;
	for (size_t i = 0; i < r->n; i++) {
		const struct tok *t = &r->t[i];
		int v = 0;
		if (t->plen > 1 && (t->pcls & LW_SYMPTOM))
			v = t->pval > 0 ? t->pval : 1;
		else if (t->cls & LW_SYMPTOM)
			v = t->val > 0 ? t->val : 1;
		if (v == 0)
			continue;
		int negated = 0;
		for (size_t k = 1; k <= 3 && k <= i; k++) {
			const struct tok *b = &r->t[i - k];
			if (b->segment != t->segment)
				break;
			negated |= (b->cls & LW_NEGATE) != 0 ||
				   strcmp(b->w, "no") == 0 ||
				   strcmp(b->w, "without") == 0;
		}
		/* "não sinto dor nenhuma", "ağrı yok" */
		negated |= i + 1 < r->n && (r->t[i + 1].eff & LW_NEG_AFTER) &&
			   r->t[i + 1].segment == t->segment;
		if (!negated && v > worst)
			worst = v;
	}
	return worst;
}

/* The first of the pack's words W (N of them) that the catalog lists
 * exactly, as a service or (unless SERVICES_ONLY) a topic. 1 when found. */
static int first_listed(const struct reader *r,
			const struct lang_word *const *w, size_t n,
			int services_only, struct cat_match *out)
{
	for (size_t i = 0; i < n; i++) {
		struct cat_match m[4];
		size_t k = catalog_lookup(r->cat, w[i]->text, 0, m, 4);
		for (size_t j = 0; j < k; j++)
			if (m[j].distance == 0 &&
			    (!services_only || m[j].kind == CAT_SERVICE)) {
				*out = m[j];
				return 1;
			}
	}
	return 0;
}

/* The catalog's emergency service or topic: the first listing one of the
 * pack's urgent words, services first; else the first listing one of its
 * symptom words (a groomer's "vet care" topic lists "injured"). 1 when
 * found. */
static int emergency_entry(const struct reader *r, struct cat_match *out)
{
	for (int pass = 0; pass < 2; pass++) {
		const struct lang_word *const *w;
		size_t n = lang_words_with(
		    r->pack, pass == 0 ? LW_URGENT : LW_SYMPTOM, &w);
		if (first_listed(r, w, n, 0, out))
			return 1;
	}
	return 0;
}

/* The catalog's general consultation: the first service named by one of
 * the pack's words for an appointment ("consulta", "atendimento"). A vet's
 * limping dog with no emergency service is seen there (review pt5 s31,
 * c15). 1 when found. */
static int general_service(const struct reader *r, struct cat_match *out)
{
	const struct lang_word *const *w;
	size_t n = lang_words_with(r->pack, LW_BOOKING, &w);
	return first_listed(r, w, n, 1, out);
}

static void only(struct inquiry *q, const struct cat_match *m)
{
	q->matches[0] = *m;
	q->persons[0] = 1;
	q->n_matches = 1;
}

/* No day, no time said: as soon as possible. */
static void soonest(struct inquiry *q)
{
	if (q->when.has_day || q->when.has_range ||
	    q->when.time != WHEN_TIME_NONE)
		return;
	q->when.time = WHEN_TIME_ASAP;
	q->when.mentioned = 1;
	q->when.unsure = 0;
	q->asks |= INQ_ASK_EARLIEST;
}

void rd_health(const struct reader *r, const struct when_local *now,
	       struct inquiry *q)
{
	switch (q->intent) {
	case INQ_UNKNOWN:
	case INQ_BOOK:
	case INQ_AVAIL:
	case INQ_HELP:
	case INQ_GREETING:
	case INQ_TRADE:
	case INQ_NOT_TEXT:
	case INQ_THANKS:
		break;
	default:
		return; /* stop, cancel, move, a choice, a price... */
	}
	int sev = severity(r);
	/* "chipped my tooth yesterday", "lasquei o dente ontem": a day gone
	 * by is when it happened, not the day asked for (review pt4 probe) */
	if (sev > 0 && q->when.has_day && q->when.problem == WHEN_PAST &&
	    q->when.time == WHEN_TIME_NONE &&
	    when_day_cmp(&q->when.day, &now->day) < 0) {
		q->when.has_day = 0;
		q->when.day_explicit = 0;
		q->when.problem = WHEN_FINE;
	}
	struct cat_match e;
	/* nothing asked and nothing wrong: the walk of the pack's urgent
	 * words can tell nothing */
	int has_e = (sev > 0 || q->n_matches > 0) && emergency_entry(r, &e);
	int asked_e = 0, asked_svc = 0, asked_topic = 0;
	for (size_t k = 0; k < q->n_matches; k++) {
		const struct cat_match *m = &q->matches[k];
		asked_e |= has_e && m->kind == e.kind && m->idx == e.idx;
		asked_svc |= m->kind == CAT_SERVICE;
		asked_topic |= m->kind == CAT_TOPIC;
	}
	/* "toothache since the weekend, can someone see me today?": today
	 * is the day asked, whatever else the text names */
	if ((sev > 0 || asked_e) && q->today && q->when.has_day &&
	    q->when.day.year == now->day.year &&
	    q->when.day.month == now->day.month &&
	    q->when.day.mday == now->day.mday)
		q->day_conflict = 0;
	if (asked_e && e.kind == CAT_SERVICE && q->n_matches == 1) {
		/* "an emergency appointment? my filling fell out and it
		 * hurts": the soonest, not "which day suits you" */
		if (q->intent == INQ_BOOK || q->intent == INQ_UNKNOWN ||
		    q->intent == INQ_AVAIL) {
			soonest(q);
			if (q->when.time == WHEN_TIME_ASAP)
				q->intent = INQ_AVAIL;
		}
		q->symptom = sev;
		return;
	}
	if (sev == 0)
		return;
	q->symptom = sev;
	/* "mon piercing a été mal placé ... inadmissible": a complaint,
	 * for a person, never a booking of the consultation (review fr S
	 * s23 got a tattoo design meeting) */
	if (q->complaint && !asked_e && !q->when.mentioned) {
		q->intent = INQ_NOT_TEXT;
		q->not_text = LANG_NT_OTHER;
		q->asked_thing = 0;
		q->rule = "a health problem told as a complaint: for a person";
		return;
	}
	if (asked_svc || asked_topic)
		return; /* "headaches, can I get my eyes checked": booked */
	int general = 0;
	if (!(has_e && e.kind == CAT_SERVICE) && !(has_e && sev >= 2) &&
	    general_service(r, &e))
		has_e = general = 1; /* a mild problem, no emergency service */
	if (has_e && e.kind == CAT_SERVICE) {
		only(q, &e);
		soonest(q);
		/* "vcs atendem quinta 16h?" at a consultation: offered */
		q->intent =
		    q->when.time == WHEN_TIME_ASAP || (general && q->question)
			? INQ_AVAIL
			: INQ_BOOK;
		q->not_text = -1;
		q->asked_thing = 0;
		q->rule = general ? "a health problem: the consultation"
				  : "a health problem: the emergency service";
		return;
	}
	if (has_e && sev >= 2) {
		only(q, &e);
		q->intent = INQ_BOOK;
		q->not_text = -1;
		q->asked_thing = 0;
		q->when.time = WHEN_TIME_NONE;
		q->rule = "an urgent health problem: the emergency referral";
		return;
	}
	q->intent = INQ_NOT_TEXT;
	q->not_text = LANG_NT_OTHER;
	q->asked_thing = 0;
	q->rule = "a health problem: for a person";
}
