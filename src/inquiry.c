/* inquiry: a customer's text → intent, things asked for, questions, when. */
#include "smsdesk/inquiry.h"

#include "inquiry_read.h"

#include "smsdesk/text.h"
#include "smsdesk/when_vocab.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The dates and times of TEXT, read in the pack's language first, then in
 * the business's other languages. */
static void read_when(const struct reader *r, const char *text,
		      const struct when_local *now, struct when_req *out)
{
	const struct when_vocab *v[8];
	size_t n = lang_when_vocabs(r->cat, r->pack, v, 8);
	when_read(text, now, r->cat, v, n, out);
}

/* Reference characters: the store's alphabet (no 0/O, 1/I/L, 2/Z, 5/S,
 * 8/B), repeated here so the reader needs no store. */
static const char ref_alphabet[] = "34679ACDEFGHJKMNPQRTUVWXY";

static struct reader rd; /* single-threaded; keeps the stack small */

const char *inq_intent_name(enum inq_intent intent)
{
	switch (intent) {
	case INQ_UNKNOWN:
		return "unknown";
	case INQ_BOOK:
		return "book";
	case INQ_PRICE:
		return "price";
	case INQ_AVAIL:
		return "avail";
	case INQ_CANCEL:
		return "cancel";
	case INQ_MOVE:
		return "move";
	case INQ_MY_BOOKINGS:
		return "my_bookings";
	case INQ_HELP:
		return "help";
	case INQ_STOP:
		return "stop";
	case INQ_START:
		return "start";
	case INQ_YES:
		return "yes";
	case INQ_NO:
		return "no";
	case INQ_CHOICE:
		return "choice";
	case INQ_THANKS:
		return "thanks";
	case INQ_GREETING:
		return "greeting";
	case INQ_AUTO_REPLY:
		return "auto_reply";
	case INQ_NOT_TEXT:
		return "not_text";
	case INQ_DURATION:
		return "duration";
	case INQ_HOURS:
		return "hours";
	case INQ_TRADE:
		return "trade";
	}
	return "?";
}

const char *inq_role_name(enum inq_role role)
{
	switch (role) {
	case INQ_ASKED:
		return "asked";
	case INQ_OBJECT:
		return "object";
	case INQ_FOR_OBJ:
		return "for an object we don't cover";
	case INQ_MERGED:
		return "part of another";
	case INQ_TRADE_WORD:
		return "trade word, selects nothing";
	case INQ_MENTIONED:
		return "said in passing, not asked for";
	}
	return "?";
}

/* ---- words and clauses -------------------------------------------------- */

static int is_boundary(const char *s, size_t i, size_t len)
{
	char c = s[i];
	if (c == '?' || c == '!' || c == ';' || c == '\n' || c == '&' ||
	    c == '+' || c == '(' || c == ')')
		return 1;
	if ((c == '-' || c == '/') && i > 0 && i + 1 < len && s[i - 1] == ' ' &&
	    s[i + 1] == ' ')
		return 1; /* "brakes sat 11 - how much?" */
	if (c == '.' || c == ',') {
		/* "10.30", "1,5" are numbers */
		int before = i > 0 && isdigit((unsigned char)s[i - 1]);
		int after = i + 1 < len && isdigit((unsigned char)s[i + 1]);
		return !(before && after);
	}
	return 0;
}

/*
 * "l oeil", "j ai", "d urgence": an elided article or pronoun typed with a
 * space for the apostrophe is glued back to its word ("loeil", as
 * "l'oeil" folds), so the pack's and the catalog's words match it (fr4
 * s19: "une poussiere dans l oeil" missed the topic "poussiere dans
 * l'oeil"). Only a pack's elision alone as a word, before a word starting
 * with a vowel or h. Returns the new length of the folded s.
 */
static size_t glue_elisions(const struct lang_pack *pack, char *s, size_t n)
{
	if (pack == NULL || pack->elisions == NULL)
		return n;
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && s[i - 1] != ' ')
			continue;
		size_t wl = strcspn(s + i, " ");
		if (i + wl >= n || i + wl + 1 >= n ||
		    strchr("aeiouyh", s[i + wl + 1]) == NULL)
			continue;
		int el = 0;
		for (size_t k = 0; pack->elisions[k] != NULL && !el; k++)
			el = strlen(pack->elisions[k]) == wl &&
			     strncmp(s + i, pack->elisions[k], wl) == 0;
		if (!el)
			continue;
		memmove(s + i + wl, s + i + wl + 1, n - (i + wl + 1) + 1);
		n--;
	}
	return n;
}

/* "fuer", "schoen", "naechste": a word the pack does not know, written
 * with "ue", "oe" or "ae" for an umlaut, is read as the folded umlaut
 * spelling when the pack knows that one (review de AL s26 read "Termin
 * fuer 2 Kinder" as a booking reference FUER and booked one child). The
 * word is rewritten in place: the folded spelling is never longer. */
static void respell_umlauts(const struct lang_pack *pack, char *w)
{
	char alt[64];
	size_t n = strlen(w), k = 0;
	int changed = 0;
	if (!pack->umlaut_digraphs || n >= sizeof alt ||
	    lang_lookup(pack, w, NULL) != 0)
		return;
	for (size_t i = 0; i < n; i++) {
		alt[k++] = w[i];
		if (i + 1 < n && w[i + 1] == 'e' && i > 0 &&
		    (w[i] == 'u' || w[i] == 'o' || w[i] == 'a') &&
		    !(w[i] == 'u' && (w[i - 1] == 'e' || w[i - 1] == 'a' ||
				      w[i - 1] == 'q'))) {
			i++;
			changed = 1;
		}
	}
	alt[k] = '\0';
	if (changed && lang_lookup(pack, alt, NULL) != 0)
		memcpy(w, alt, k + 1);
}

static void add_segment(struct reader *r, const char *text, size_t from,
			size_t len, size_t *used)
{
	const char *s = text + from;
	if (len == 0 || len >= sizeof(r->seg))
		return;
	int seg = r->n_segs < MAX_SEGMENTS ? r->n_segs++ : MAX_SEGMENTS - 1;
	r->seg_from[seg] = from;
	r->seg_to[seg] = from + len;
	memcpy(r->seg, s, len);
	r->seg[len] = '\0';
	if (*used + 2 >= sizeof(r->buf))
		return;
	size_t n = text_fold(r->seg, r->buf + *used, sizeof(r->buf) - *used);
	n = glue_elisions(r->pack, r->buf + *used, n);
	char *p = r->buf + *used;
	char *end = p + n;
	int any = 0;
	*used += n + 1;
	while (p < end) {
		while (p < end && *p == ' ')
			p++;
		if (p >= end)
			break;
		if (!r->tail && r->n >= MAX_WORDS / 2) {
			/* the start keeps half the words; the rest is read as
			 * the end, which keeps its last words */
			r->tail = 1;
			r->tail_from = r->n;
		}
		if (r->n >= MAX_WORDS) {
			/* the end keeps its last words: drop its first */
			memmove(&r->t[r->tail_from], &r->t[r->tail_from + 1],
				(r->n - r->tail_from - 1) * sizeof(r->t[0]));
			r->n--;
		}
		memset(&r->t[r->n], 0, sizeof(r->t[0]));
		char *word = p;
		r->t[r->n].w = p;
		r->t[r->n].clause = r->clauses;
		r->t[r->n].segment = seg;
		r->n++;
		any = 1;
		while (p < end && *p != ' ')
			p++;
		*p++ = '\0';
		respell_umlauts(r->pack, word);
	}
	if (any)
		r->clauses++;
}

/* A word or phrase of class CLS with value VAL ("right after" is
 * LW_ALSO_AFTER, "I'll text you back" LW_BYE_OPEN). */
static int said_val(const struct reader *r, uint64_t cls, int val)
{
	for (size_t i = 0; i < r->n; i++) {
		const struct tok *t = &r->t[i];
		if ((t->plen > 1 && (t->pcls & cls) && t->pval == val) ||
		    ((t->cls & cls) && t->val == val))
			return 1;
	}
	return 0;
}

/* A "same" word not inside a "same day" phrase ("el mismo día" is that
 * day, never the same time). */
static int same_outside_day(const struct reader *r)
{
	size_t day_to = 0;
	for (size_t i = 0; i < r->n; i++) {
		const struct tok *t = &r->t[i];
		if (t->plen > 1 && (t->pcls & LW_ALSO) &&
		    t->pval == LW_ALSO_SAME_DAY && i + (size_t)t->plen > day_to)
			day_to = i + (size_t)t->plen;
		if ((t->eff & LW_SAME) && i >= day_to &&
		    !(t->plen > 1 && (t->pcls & LW_ALSO) &&
		      t->pval == LW_ALSO_SAME_DAY))
			return 1;
	}
	return 0;
}

/* Every LW_ALSO word or phrase in the text only says the day ("same day",
 * "le même jour"): LW_ALSO_SAME_DAY. */
static int also_day_only(const struct reader *r)
{
	int any = 0;
	for (size_t i = 0; i < r->n; i++) {
		const struct tok *t = &r->t[i];
		if (t->plen > 1 && (t->pcls & LW_ALSO)) {
			if (t->pval != LW_ALSO_SAME_DAY)
				return 0;
			any = 1;
		} else if ((t->cls & LW_ALSO) && t->val != LW_ALSO_SAME_DAY)
			return 0;
	}
	return any;
}

/* Split raw text into clauses at punctuation, fold each into words. */
static void split(struct reader *r, const char *text)
{
	size_t len = strlen(text), used = 0;
	size_t cut_a = len, cut_b = len;

	r->n = 0;
	r->tail = 0;
	r->tail_from = 0;
	r->clauses = 0;
	r->n_segs = 0;
	memset(r->seg_plus, 0, sizeof(r->seg_plus));
	memset(r->seg_q, 0, sizeof(r->seg_q));
	r->qmark = strchr(text, '?') != NULL;
	if (len > 2 * RAW_HALF) {
		/* The start and the end, cut at spaces. */
		cut_a = RAW_HALF;
		while (cut_a > 0 && text[cut_a] != ' ')
			cut_a--;
		cut_b = len - RAW_HALF;
		while (cut_b < len && text[cut_b] != ' ')
			cut_b++;
	}
	size_t start = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i == cut_a) {
			add_segment(r, text, start, i - start, &used);
			if (cut_a < len) {
				r->tail = 1; /* from here on, the end */
				r->tail_from = r->n;
			}
			i = cut_b;
			start = cut_b;
			continue;
		}
		if (i == len || is_boundary(text, i, len)) {
			int before = r->n_segs;
			add_segment(r, text, start, i - start, &used);
			if (r->n_segs > before) {
				r->seg_plus[r->n_segs - 1] =
				    i < len && text[i] == '+';
				r->seg_q[r->n_segs - 1] =
				    i < len && text[i] == '?';
			} else if (r->n_segs > 0 && i < len && text[i] == '?') {
				/* "venir seul(e) ?", "lundi !?": the "?" after
				 * nothing ends the piece before it */
				r->seg_q[r->n_segs - 1] = 1;
			}
			start = i + 1;
		}
	}
}

/* Classes of every word and the longest pack phrase at each place. */
static void classify(struct reader *r)
{
	size_t maxp = lang_max_phrase(r->pack);
	char phrase[256];

	for (size_t i = 0; i < r->n; i++) {
		struct tok *t = &r->t[i];
		t->cls = lang_lookup(r->pack, t->w, &t->val);
		/* "me l'avancer", "pour l'annuler": the verb after an
		 * elided pronoun is the pack's verb (review fr AL c16.2 was
		 * no move); only a word the pack does not know whole */
		const char *bare =
		    t->cls == 0 ? rd_unelided(r->pack, t->w) : NULL;
		/* five letters at least: "coups" is no "c'" and "oups";
		 * only the verbs of acting on a booking: "demandeurs
		 * d'emploi" names no job question */
		if (bare != NULL && strlen(bare) >= 5) {
			int v = 0;
			uint64_t c = lang_lookup(r->pack, bare, &v) &
				     (LW_MOVE | LW_CANCEL | LW_BOOK);
			if (c != 0) {
				t->cls = c;
				t->val = v;
			}
		}
		t->eff |= t->cls;
		size_t pos = 0;
		int fits = 1;
		for (size_t k = 0; k < maxp && i + k < r->n && fits; k++) {
			size_t wl = strlen(r->t[i + k].w);
			if (pos + wl + 2 >= sizeof(phrase)) {
				fits = 0;
				break;
			}
			if (k > 0)
				phrase[pos++] = ' ';
			memcpy(phrase + pos, r->t[i + k].w, wl);
			pos += wl;
			phrase[pos] = '\0';
			if (k == 0)
				continue;
			int v;
			uint64_t c = lang_lookup(r->pack, phrase, &v);
			if (c != 0) {
				t->pcls = c;
				t->plen = (int)k + 1;
				t->pval = v;
			}
		}
		for (int k = 0; k < t->plen; k++)
			r->t[i + (size_t)k].eff |= t->pcls;
	}
	/* "bis wann kann ich kostenlos stornieren?": a phrase about a
	 * booking of theirs asks no price with its "kostenlos" */
	for (size_t i = 0; i < r->n; i++) {
		const struct tok *t = &r->t[i];
		for (int k = 0; (t->pcls & LW_MINE) && k < t->plen; k++)
			r->t[i + (size_t)k].eff &= ~LW_PRICE;
	}
	for (size_t i = 0; i < r->n; i++) {
		const struct tok *t = &r->t[i];
		if (!(t->pcls & LW_MOVE) || t->pval != LW_MOVE_TRAVEL)
			continue;
		for (int k = 0; k < t->plen; k++) {
			r->t[i + (size_t)k].cls &= ~LW_MOVE;
			r->t[i + (size_t)k].eff &= ~LW_MOVE;
			r->t[i + (size_t)k].pcls &= ~LW_MOVE;
		}
	}
	/* "and", "also": a new request starts at the word. */
	for (size_t i = 1; i < r->n; i++) {
		if (!(r->t[i].cls & LW_CONJ) && !(r->t[i].pcls & LW_CONJ))
			continue;
		if (r->t[i].clause != r->t[i - 1].clause)
			continue;
		int c = r->clauses++, old = r->t[i].clause;
		for (size_t k = i; k < r->n && r->t[k].clause == old; k++)
			r->t[k].clause = c;
	}
}

int rd_has(const struct reader *r, uint64_t cls)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->t[i].eff & cls)
			return 1;
	return 0;
}

/* The first place where a word or phrase of cls starts, or -1. */
int rd_where(const struct reader *r, uint64_t cls, int *val)
{
	for (size_t i = 0; i < r->n; i++) {
		if (r->t[i].pcls & cls) {
			if (val != NULL)
				*val = r->t[i].pval;
			return (int)i;
		}
		if (r->t[i].cls & cls) {
			if (val != NULL)
				*val = r->t[i].val;
			return (int)i;
		}
	}
	return -1;
}

/* Every word is of one of the classes in cls (and there is a word). */
int rd_all_of(const struct reader *r, uint64_t cls)
{
	if (r->n == 0)
		return 0;
	for (size_t i = 0; i < r->n; i++)
		if (!(r->t[i].eff & cls))
			return 0;
	return 1;
}

int rd_is_digits(const char *w)
{
	if (*w == '\0')
		return 0;
	for (; *w != '\0'; w++)
		if (!isdigit((unsigned char)*w))
			return 0;
	return 1;
}

int rd_has_digit(const char *w)
{
	for (; *w != '\0'; w++)
		if (isdigit((unsigned char)*w))
			return 1;
	return 0;
}

/* ---- references and choices -------------------------------------------- */

int rd_is_ref_like(const char *w, int after_keyword)
{
	size_t len = strlen(w);
	int digits = 0, letters = 0;

	if (len < 4 || len > 5)
		return 0;
	for (size_t i = 0; i < len; i++) {
		int c = toupper((unsigned char)w[i]);
		if (c == '\0' || strchr(ref_alphabet, c) == NULL)
			return 0;
		if (isdigit(c))
			digits++;
		else
			letters++;
	}
	/* Alone, a reference must look like one: "have" and "when" are
	 * spelled in the same alphabet. */
	return after_keyword ? 1 : digits > 0 && letters > 0;
}

static int code_shaped(const char *w)
{
	size_t len = strlen(w);
	int digits = 0;
	if (len < 4 || len > 5)
		return 0;
	for (size_t i = 0; i < len; i++) {
		if (!isalnum((unsigned char)w[i]))
			return 0;
		digits += isdigit((unsigned char)w[i]) != 0;
	}
	/* "10am", "1030" are times, not codes. */
	if ((size_t)digits == len)
		return 0;
	if (isdigit((unsigned char)w[0]) &&
	    (strcmp(w + len - 2, "am") == 0 || strcmp(w + len - 2, "pm") == 0))
		return 0;
	return 1;
}

/* "11den", "10da", "3te": an hour with the pack's ending for a time
 * written on (WS_OCLOCK, "11'den 12'ye"), never a booking reference
 * (review tr10 S56: "11DEN randevusu bulunamadı"). */
static int hour_with_ending(const struct reader *r, const char *w)
{
	size_t d = 0;
	while (isdigit((unsigned char)w[d]))
		d++;
	if (d == 0 || d > 2 || atoi(w) > 24 || w[d] == '\0')
		return 0;
	const struct when_vocab *v = lang_when(r->pack);
	for (size_t i = 0; v != NULL && i < v->n_words; i++)
		if (v->words[i].sense == WS_OCLOCK &&
		    strcmp(v->words[i].text, w + d) == 0)
			return 1;
	return 0;
}

static void find_ref(const struct reader *r, struct inquiry *q)
{
	for (size_t i = 0; i < r->n; i++) {
		const char *w = r->t[i].w;
		if (hour_with_ending(r, w))
			continue;
		/* "absagen, Bruno ist krank": past a comma the word after
		 * a cancel is a name, not the reference */
		int after = i > 0 && r->t[i - 1].segment == r->t[i].segment &&
			    (r->t[i - 1].cls &
			     (LW_REFKEY | LW_CANCEL | LW_BOOKING | LW_MOVE));
		if (after && r->t[i].cls != 0)
			continue;
		/* After "cancel" or "ref", a code-shaped word is taken as the
		 * reference even when it cannot be one of ours, so a mistyped
		 * code is refused rather than another booking cancelled. */
		if (!rd_is_ref_like(w, after) && !(after && code_shaped(w)))
			continue;
		size_t k;
		for (k = 0; w[k] != '\0' && k + 1 < INQ_REF_MAX; k++)
			q->ref[k] = (char)toupper((unsigned char)w[k]);
		q->ref[k] = '\0';
		return;
	}
}

/* "2", "option 3", "the second one", "#1 please": one number, and around
 * it only words that may surround a choice. */
int rd_choice_of(const struct reader *r)
{
	int choice = 0;
	for (size_t i = 0; i < r->n; i++) {
		const struct tok *t = &r->t[i];
		int c = 0;
		if (t->w[0] >= '1' && t->w[0] <= '9' && t->w[1] == '\0') {
			c = t->w[0] - '0';
		} else if (t->w[0] >= '1' && t->w[0] <= '9' &&
			   isalpha((unsigned char)t->w[1]) &&
			   (lang_lookup(r->pack, t->w + 1, NULL) & LW_CHOICE)) {
			c = t->w[0] - '0'; /* "2'si", "3ü": an ordinal ending */
		} else if (t->plen > 1 && (t->pcls & LW_ORDINAL) &&
			   (t->pval < 10 || t->pval == INQ_CHOICE_LAST)) {
			/* "the last one", "la última": a phrase */
			c = t->pval;
			i += (size_t)t->plen - 1;
		} else if ((t->cls & LW_ORDINAL) &&
			   (t->val < 10 || t->val == INQ_CHOICE_LAST)) {
			c = t->val;
		}
		/* "ok dann bitte für 2" to an offer: how many, never the
		 * second option (review de AJ c05.3 got "1 bis 1") */
		if (c > 0 && i > 0 && (r->t[i - 1].cls & LW_RELATIVE) &&
		    r->t[i - 1].val == LW_RELATIVE_FOR)
			return 0;
		if (c > 0) {
			if (choice != 0)
				return 0; /* two numbers: not a choice */
			choice = c;
			continue;
		}
		if (!(t->eff & (LW_CHOICE | LW_FILLER | LW_YES | LW_PRONOUN |
				LW_THANKS | LW_BOOK | LW_SELF)))
			return 0;
	}
	return choice;
}

/*
 * Read the when-phrase again without the pieces of text that hold words of
 * class `cls` (and no service), when some other piece is left: returns 1
 * when it did.
 */
static int when_without(const struct reader *r, const char *text,
			const struct when_local *now, struct inquiry *q,
			uint64_t cls)
{
	static char masked[2 * RAW_HALF + 16];
	int hit[MAX_SEGMENTS] = {0}, svc[MAX_SEGMENTS] = {0};
	size_t len = strlen(text);

	if (len >= sizeof(masked) || r->n_segs < 2)
		return 0;
	for (size_t i = 0; i < r->n; i++) {
		int s = r->t[i].segment;
		if (r->t[i].eff & cls)
			hit[s] = 1;
		if (r->t[i].thing > 0 &&
		    q->things[r->t[i].thing - 1].kind == CAT_SERVICE)
			svc[s] = 1;
	}
	int mask = 0, left = 0;
	for (int s = 0; s < r->n_segs; s++) {
		mask |= hit[s] && !svc[s];
		left |= !(hit[s] && !svc[s]);
	}
	if (!mask || !left)
		return 0;
	memcpy(masked, text, len + 1);
	for (int s = 0; s < r->n_segs; s++)
		if (hit[s] && !svc[s])
			memset(masked + r->seg_from[s], ' ',
			       r->seg_to[s] - r->seg_from[s]);
	read_when(r, masked, now, &q->when);
	return 1;
}

/*
 * Times in an opening-hours question ("are you open til 4?") are not the
 * booking's time; the day a customer can't make ("can't make it tmrw, can
 * I do fri at 10") is not the day they want.
 */
static void when_of_the_request(const struct reader *r, const char *text,
				const struct when_local *now, struct inquiry *q)
{
	int has_svc = 0;
	for (size_t k = 0; k < q->n_things; k++)
		has_svc |= q->things[k].kind == CAT_SERVICE;
	if ((q->asks & INQ_ASK_HOURS) && has_svc) {
		struct when_req all = q->when;
		if (when_without(r, text, now, q, LW_HOURS)) {
			q->hours_when = all;
			/* "vcs atendem no dia 26/12? queria fisio de manha":
			 * the day asked about is the booking's day, only its
			 * times are not (review pt6 s46 offered today) */
			/* "31 Aralık'ta açık mısınız? Yılbaşından önce kombi
			 * bakımı": a feast named beside the date asked about
			 * is the occasion, the date the day (review tr AL
			 * s54 offered January) */
			int feast = q->when.has_day &&
				    q->when.day_rule != NULL &&
				    strcmp(q->when.day_rule, "holiday") == 0 &&
				    all.day_rule != NULL &&
				    strcmp(all.day_rule, "holiday") != 0;
			if (feast)
				q->when.has_day = 0;
			if (!q->when.has_day && !q->when.has_range &&
			    !q->when.unsure && all.has_day &&
			    all.problem == WHEN_FINE) {
				q->when.has_day = 1;
				q->when.day = all.day;
				q->when.day_explicit = all.day_explicit;
				q->when.weekday_only = all.weekday_only;
				q->when.day_rule = all.day_rule;
				q->when.day_from = all.day_from;
				q->when.day_to = all.day_to;
				q->when.mentioned = 1;
			}
		}
	}
	if (q->when.problem == WHEN_AMBIGUOUS_DATE &&
	    rd_has(r, LW_CANCEL | LW_BOOKING | LW_MINE) &&
	    (rd_has(r, LW_MOVE | LW_CORRECT) ||
	     (rd_has(r, LW_CANCEL) &&
	      ((q->asks & INQ_ASK_AVAIL) || r->qmark)))) {
		/* "el sábado no puedo, ¿tenéis el lunes?": the day they
		 * can't is gone, the one asked is wanted */
		struct when_req all = q->when;
		if (when_without(r, text, now, q,
				 LW_CANCEL | LW_BOOKING | LW_MINE)) {
			if (q->when.has_day && q->when.problem == WHEN_FINE)
				q->gone_when = all;
			else
				q->when = all;
		}
	}
}

/*
 * A reading that disagrees with the text's own words is no reading: one
 * weekday named and the day read is another weekday, or one day of the
 * month ("the 1st") and the day read is another date. Then the day is
 * unsure and the desk asks — a booking is never made on a day the text
 * contradicts.
 */
static void check_day_words(const struct reader *r, struct inquiry *q)
{
	int wday = -1, mday = -1, n_wday = 0, n_mday = 0;
	if (!q->when.has_day || q->gone_when.has_day || q->when.day_counted)
		return;
	for (size_t i = 0; i < r->n; i++) {
		const struct tok *t = &r->t[i];
		/* "mal depuis lundi": when it began, not a day asked */
		int since = i > 0 && (r->t[i - 1].eff & LW_PAST);
		if ((t->cls & LW_WEEKDAY) && !since && t->val != wday) {
			wday = t->val;
			n_wday++;
		}
		const char *w = t->w;
		size_t len = strlen(w);
		if (len >= 3 && len <= 4 && isdigit((unsigned char)w[0]) &&
		    (strcmp(w + len - 2, "st") == 0 ||
		     strcmp(w + len - 2, "nd") == 0 ||
		     strcmp(w + len - 2, "rd") == 0 ||
		     strcmp(w + len - 2, "th") == 0)) {
			int d = atoi(w);
			if (d >= 1 && d <= 31 && d != mday) {
				mday = d;
				n_mday++;
			}
		}
	}
	if ((n_wday == 1 && q->when.day.wday != wday) ||
	    (n_mday == 1 && q->when.day.mday != mday)) {
		q->when.unsure = 1;
		q->day_conflict = 1;
	}
}

/* The words of the clauses marked in KEEP (or the one clause ONE when
 * keep is NULL), folded, into out: two numbers in a row were one written
 * with a dot or colon ("19.12", "10:30") and are joined back. */
void rd_clause_words(const struct reader *r, const int *keep, int one,
		     char *out, size_t cap)
{
	size_t used = 0;
	const char *prev = NULL;

	out[0] = '\0';
	for (size_t i = 0; i < r->n; i++) {
		int c = r->t[i].clause;
		if (keep != NULL ? (c >= 64 || !keep[c]) : c != one)
			continue;
		size_t wl = strlen(r->t[i].w);
		if (used + wl + 2 >= cap)
			break;
		if (used > 0)
			out[used++] = prev != NULL && rd_is_digits(prev) &&
					      rd_is_digits(r->t[i].w) &&
					      strlen(prev) <= 2
					  ? '.'
					  : ' ';
		memcpy(out + used, r->t[i].w, wl + 1);
		used += wl;
		prev = r->t[i].w;
	}
}

/*
 * "Mañana podría ir a las 9:30 para quitarme una dureza? Es que luego
 * entro a trabajar a las 11": the time said with the service is the one
 * asked; a later sentence with a time of its own and no service, booking
 * or day word is why (review es R s34 booked 11:00, the hour she could
 * not come). Read again without such sentences, when the service's own
 * holds a time; the day stays the one read.
 */
static void time_of_the_service(const struct reader *r, const char *text,
				const struct when_local *now, struct inquiry *q)
{
	static char masked[2 * RAW_HALF + 16];
	int svc[MAX_SEGMENTS] = {0}, digit[MAX_SEGMENTS] = {0},
	    said[MAX_SEGMENTS] = {0};
	/* "luego" (es: later today) is no day of its own here */
	const uint64_t booking = LW_BOOK | LW_BOOKING | LW_MINE | LW_MOVE |
				 LW_WEEKDAY | LW_DATEWORD | LW_CORRECT |
				 LW_CONJ | LW_ALSO;
	size_t len = strlen(text);

	if (q->when.time != WHEN_TIME_AT || q->when.problem != WHEN_FINE ||
	    r->n_segs < 2 || len >= sizeof(masked))
		return;
	for (size_t i = 0; i < r->n; i++) {
		int s = r->t[i].segment;
		int th = r->t[i].thing;
		if (th > 0 && q->things[th - 1].kind == CAT_SERVICE &&
		    q->things[th - 1].role == INQ_ASKED)
			svc[s] = 1;
		if (th == 0 && rd_has_digit(r->t[i].w))
			digit[s] = 1;
		/* "Hab ein Vorstellungsgespräch um 10": a common "have"
		 * (LW_COMMON beside LW_BOOK) books nothing by itself
		 * (review de AY s58 booked 10:00, the interview's hour) */
		uint64_t b = r->t[i].eff & booking;
		if ((r->t[i].cls & LW_COMMON) && b == LW_BOOK)
			b = 0;
		if (b)
			said[s] = 1;
	}
	int own = 0, mask = 0;
	for (int s = 0; s < r->n_segs; s++) {
		own |= svc[s] && digit[s];
		mask |= digit[s] && !svc[s] && !said[s];
	}
	if (!own || !mask)
		return;
	memcpy(masked, text, len + 1);
	for (int s = 0; s < r->n_segs; s++)
		if (digit[s] && !svc[s] && !said[s])
			memset(masked + r->seg_from[s], ' ',
			       r->seg_to[s] - r->seg_from[s]);
	struct when_req w;
	read_when(r, masked, now, &w);
	if (w.time != WHEN_TIME_AT || w.problem != WHEN_FINE ||
	    w.from_min == q->when.from_min || w.has_day != q->when.has_day ||
	    (w.has_day && when_day_cmp(&w.day, &q->when.day) != 0))
		return;
	q->when = w;
	for (int s = 0; s < r->n_segs && s < 32; s++)
		if (digit[s] && !svc[s] && !said[s])
			q->own_event |= 1u << s;
}

/*
 * "nail art possible pour Noël ?", "eine Hochsteckfrisur für Silvester":
 * a feast after "for" is the occasion, never the day asked (review fr AZ
 * c17.1 was told we are closed on the 25th): the day is left to ask.
 */
static void feast_as_occasion(const struct reader *r,
			      const struct when_local *now, struct inquiry *q)
{
	if (!q->when.has_day || q->when.day_rule == NULL ||
	    strcmp(q->when.day_rule, "holiday") != 0)
		return;
	/* beyond the days we book ("coupe pour Noël" in March): that is
	 * the answer, whatever the day meant */
	struct when_day last = when_day_add(
	    now->day, r->cat != NULL ? r->cat->policy.booking_horizon_days : 0);
	if (r->cat == NULL || when_day_cmp(&q->when.day, &last) > 0)
		return;
	for (size_t i = 0; i + 1 < r->n; i++) {
		const struct tok *t = &r->t[i], *n = &r->t[i + 1];
		if (!(t->cls & LW_RELATIVE) || t->val != LW_RELATIVE_FOR ||
		    !(n->eff & LW_DATEWORD) || rd_has_digit(n->w) ||
		    n->segment != t->segment)
			continue;
		q->when.has_day = 0;
		q->when.day_rule = "a feast is the occasion";
		return;
	}
}

/*
 * "habe morgen um 14 Uhr einen Termin bei Ihnen. Ich schaffe es leider erst
 * um 15 Uhr. Geht das noch?": a piece telling a booking held at one time
 * ("have", a booking noun, a number) and a later piece with another time
 * ask to move it there (review de BD2 c14.2 booked 14:00, the hour they
 * could not make, a wrong day). The told piece is read aside; the day
 * stays the one it names where the later piece names none.
 */
static void held_then_other_time(const struct reader *r, const char *text,
				 const struct when_local *now,
				 struct inquiry *q)
{
	static char masked[2 * RAW_HALF + 16];
	size_t len = strlen(text);
	int told = -1, later = -1;

	if (q->when.time != WHEN_TIME_AT || r->n_segs < 2 ||
	    len >= sizeof(masked))
		return;
	/* "habe um 14 Uhr einen Termin beim Zahnarzt, kann ich danach um
	 * 16 zum Haarschnitt?": a service asked is a new booking, the
	 * booking told someone else's */
	if (rd_service_asked(q))
		return;
	for (int s = 0; s < r->n_segs; s++) {
		int have = 0, noun = 0, digit = 0;
		for (size_t i = 0; i < r->n; i++) {
			const struct tok *t = &r->t[i];
			if (t->segment != s)
				continue;
			have |= (t->cls & LW_HAVE_I) != 0 ||
				(t->cls & (LW_COMMON | LW_BOOK)) ==
				    (LW_COMMON | LW_BOOK);
			noun |= (t->eff & LW_BOOKING) != 0;
			digit |= rd_has_digit(t->w);
		}
		if (told < 0 && have && noun && digit)
			told = s;
		else if (told >= 0 && digit && !noun)
			later = s;
	}
	if (told < 0 || later < 0)
		return;
	memcpy(masked, text, len + 1);
	memset(masked + r->seg_from[told], ' ',
	       r->seg_to[told] - r->seg_from[told]);
	struct when_req w;
	read_when(r, masked, now, &w);
	if (w.time != WHEN_TIME_AT || w.problem != WHEN_FINE)
		return;
	if (!w.has_day && q->when.has_day) {
		w.has_day = 1;
		w.day = q->when.day;
		w.day_explicit = q->when.day_explicit;
		w.day_rule = q->when.day_rule;
	}
	q->when = w;
	q->n_times = 0; /* one time asked, never one per clause */
	q->held_moved = 1;
}

/*
 * Several services, each in a clause of its own with its own time
 * ("Maniküre am Sa um 10 und Augenbrauen um 11", "manicure at 10 and a
 * pedicure at 11"): each takes the clock time of its clause, never one
 * shifted after the other; the request's time is the first service's
 * (review de4 c14). Only when two or more clauses name different exact
 * times and no later clause names a day of its own.
 */
static void own_times(const struct reader *r, const struct when_local *now,
		      struct inquiry *q)
{
	static char words[FOLD_CAP];
	int clause[INQ_MAX_MATCHES];
	int n_own = 0, differ = 0, first = -1;

	if (q->when.time != WHEN_TIME_AT || q->when.problem != WHEN_FINE)
		return;
	for (size_t k = 0; k < q->n_matches; k++) {
		clause[k] = -1;
		if (q->matches[k].kind != CAT_SERVICE)
			continue;
		for (size_t i = 0; i < r->n && clause[k] < 0; i++) {
			int th = r->t[i].thing;
			if (th > 0 &&
			    q->things[th - 1].kind == (int)CAT_SERVICE &&
			    q->things[th - 1].idx == q->matches[k].idx)
				clause[k] = r->t[i].clause;
		}
	}
	int mins[INQ_MAX_MATCHES] = {0};
	for (size_t k = 0; k < q->n_matches; k++) {
		if (clause[k] < 0)
			continue;
		int dup = 0;
		for (size_t j = 0; j < k; j++)
			dup |= clause[j] == clause[k];
		if (dup)
			return; /* two services in one clause: not each its own
				 */
		rd_clause_words(r, NULL, clause[k], words, sizeof(words));
		struct when_req w;
		read_when(r, words, now, &w);
		if (first >= 0 && w.has_day &&
		    (!q->when.has_day ||
		     when_day_cmp(&w.day, &q->when.day) != 0))
			return; /* another day for this one: not ours to split
				 */
		if (w.time != WHEN_TIME_AT || w.problem != WHEN_FINE ||
		    w.from_min < 0) {
			if (first < 0)
				first = (int)k;
			continue;
		}
		mins[k] = 1 + w.from_min;
		if (n_own > 0) {
			for (size_t j = 0; j < k; j++)
				differ |= mins[j] > 0 && mins[j] != mins[k];
		}
		n_own++;
		if (first < 0)
			first = (int)k;
	}
	if (n_own < 2 || !differ || first < 0 || mins[first] == 0)
		return;
	for (size_t k = 0; k < q->n_matches; k++)
		q->own_min[k] = mins[k];
	q->when.from_min = q->when.to_min = mins[first] - 1;
}

/*
 * A number that counts ("tomorrow 2 bikes", "x3", "2 haircuts") is no time:
 * when the time reader took a bare number for the time and the word after
 * it is a person, a bike, a service or a count, the time is dropped.
 */
/*
 * "Ca. 8 kg", "un chien de 12 kg": a number the time reader took, with a
 * weight or a length after it, is no clock time (review de AZ s02 asked
 * which day for 08:00). The SI symbols are the same in every language.
 */
static void drop_measured_time(const char *text, struct inquiry *q)
{
	static const char *const si[] = {"kg", "g",    "cm",	"mm", "km",
					 "m",  "kilo", "kilos", NULL};
	struct when_req *w = &q->when;
	size_t len = strlen(text), p, n = 0;
	char word[16];

	if (w->time != WHEN_TIME_AT || w->time_to <= 0 ||
	    (size_t)w->time_to > len ||
	    !isdigit((unsigned char)text[w->time_to - 1]))
		return;
	for (p = (size_t)w->time_to; p < len && text[p] == ' ';)
		p++;
	/* a letter of another script (0x80 and up) belongs to the word:
	 * "möglich" is no "m", "gözlük" no "g" */
	while (
	    p < len && n + 1 < sizeof(word) &&
	    (isalpha((unsigned char)text[p]) || (unsigned char)text[p] >= 0x80))
		word[n++] = text[p++];
	word[n] = '\0';
	if (n == 0 || (p < len && (isalpha((unsigned char)text[p]) ||
				   (unsigned char)text[p] >= 0x80)))
		return;
	for (size_t k = 0; si[k] != NULL; k++)
		if (strcasecmp(word, si[k]) == 0) {
			w->time = WHEN_TIME_NONE;
			w->time_rule = NULL;
			if (w->problem == WHEN_AMBIGUOUS_TIME)
				w->problem = WHEN_FINE;
			if (!w->has_day && !w->has_range && !w->unsure)
				w->mentioned = 0;
			return;
		}
}

static void drop_counted_time(const struct reader *r, const char *text,
			      struct inquiry *q)
{
	struct when_req *w = &q->when;
	char word[64], folded[64], prev[64];
	size_t len = strlen(text);
	struct cat_match m[1];

	if (w->time != WHEN_TIME_AT || w->time_from < 0 || w->time_to <= 0 ||
	    (size_t)w->time_to > len)
		return;
	int from = w->time_from, art = 0;
	/* "cambiar las 4 ruedas": the article read with the number counts
	 * unless "a"/"sobre"/"hacia"/"para" comes before it ("a las 4"; review
	 * es4 s12) */
	if ((strncasecmp(text + from, "las ", 4) == 0 ||
	     strncasecmp(text + from, "los ", 4) == 0) &&
	    from + 4 < w->time_to) {
		size_t pe = (size_t)from, pb;
		while (pe > 0 && text[pe - 1] == ' ')
			pe--;
		pb = pe;
		while (pb > 0 && text[pb - 1] != ' ')
			pb--;
		char pw[16] = "";
		if (pe - pb < sizeof(pw)) {
			memcpy(pw, text + pb, pe - pb);
			pw[pe - pb] = '\0';
		}
		if (pe > pb && strcasecmp(pw, "a") != 0 &&
		    strcasecmp(pw, "sobre") != 0 &&
		    strcasecmp(pw, "hacia") != 0 &&
		    strcasecmp(pw, "para") != 0 && strcasecmp(pw, "de") != 0) {
			from += 4;
			art = 1;
		}
	}
	/* the number itself, after the "at" word the time reader keeps with
	 * it ("for 2", "at 3") */
	int num = w->time_to;
	while (num > from && isdigit((unsigned char)text[num - 1]))
		num--;
	if (num == w->time_to)
		return; /* "2pm", "14:00": said as a time */
	if (num > from) {
		/* only an "at" word before it: "for 2", "at 3" ("halb 3",
		 * "half 2" are said as times) */
		size_t pl = (size_t)(num - from);
		if (pl >= sizeof(prev))
			return;
		memcpy(prev, text + from, pl);
		while (pl > 0 && prev[pl - 1] == ' ')
			pl--;
		prev[pl] = '\0';
		text_fold(prev, folded, sizeof(folded));
		if (strchr(folded, ' ') != NULL || !rd_time_word(r, folded, 0))
			return;
	}
	from = num;
	int counted =
	    from > 0 && (text[from - 1] == 'x' || text[from - 1] == 'X');
	size_t p = (size_t)w->time_to, n = 0;
	while (p < len && text[p] == ' ')
		p++;
	while (p < len && n + 1 < sizeof(word) && text[p] != ' ' &&
	       !ispunct((unsigned char)text[p]))
		word[n++] = text[p++];
	word[n] = '\0';
	/* "for 2 westies", "for 3 of us", "jabs for my 2 pups": a person or
	 * a plural the reader does not know (no service, no time word; an
	 * English -s plural: other packs list their counted nouns in the
	 * time reader, WS_COUNTED) after it is what the number counts, even
	 * after "for" or "at"; and "for 2" ending the text is the party the
	 * count reader took */
	if (!counted && n > 0) {
		text_fold(word, folded, sizeof(folded));
		uint64_t cls = lang_lookup(r->pack, folded, NULL);
		size_t fl = strlen(folded);
		counted = strcmp(folded, "people") == 0 ||
			  (cls == 0 && fl > 3 && folded[fl - 1] == 's' &&
			   strcmp(r->pack->code, "en") == 0 &&
			   catalog_lookup(r->cat, folded, 0, m, 1) == 0 &&
			   !rd_time_word(r, folded, 1));
	}
	if (!counted && n == 0 && p >= len && q->group > 1 &&
	    atoi(text + from) == q->group) {
		size_t f = (size_t)from;
		while (f > 0 && text[f - 1] == ' ')
			f--;
		counted = f >= 3 && strncasecmp(text + f - 3, "for", 3) == 0 &&
			  (f == 3 || text[f - 4] == ' ');
	}
	/* "sabah 9 muayene", "tomorrow morning 9 check-up": after a part
	 * of the day or "at", the number is the hour */
	size_t e = (size_t)from;
	while (e > 0 && text[e - 1] == ' ')
		e--;
	size_t b = e;
	while (b > 0 && text[b - 1] != ' ')
		b--;
	if (!counted && !art && e > b && e - b < sizeof(prev)) {
		memcpy(prev, text + b, e - b);
		prev[e - b] = '\0';
		text_fold(prev, folded, sizeof(folded));
		if (rd_time_word(r, folded, 0))
			return;
	}
	if (!counted && n > 0) {
		text_fold(word, folded, sizeof(folded));
		uint64_t cls = lang_lookup(r->pack, folded, NULL);
		/* "yarın 11 saç", "morgen 11 Platten": ten or more of a
		 * service or a bike is no count, the number is the hour */
		int few = atoi(text + from) <= 9;
		counted = (cls & (LW_PERSON | LW_CHILD)) != 0 ||
			  (few && (cls & LW_TRADE)) ||
			  strcmp(folded, "people") == 0 ||
			  strcmp(folded, "of") == 0 ||
			  (few && catalog_lookup(r->cat, folded, 0, m, 1) > 0);
		size_t fl = strlen(folded);
		if (!counted && few && fl > 3 && folded[fl - 1] == 's') {
			folded[fl - 1] = '\0';
			counted = catalog_lookup(r->cat, folded, 0, m, 1) > 0;
		}
	}
	if (counted) {
		w->time = WHEN_TIME_NONE;
		w->problem =
		    w->problem == WHEN_AMBIGUOUS_TIME ? WHEN_FINE : w->problem;
		w->mentioned = w->has_day || w->has_range;
	}
}

/* The time reader took the text's number for the day of the month ("dia
 * 15", "el 15", "le 15", "the 15th"): it is then neither an hour nor the
 * number of an option, whatever the desk just asked. */
int rd_number_is_mday(const struct when_req *w)
{
	return w->has_day && w->time == WHEN_TIME_NONE && w->day_rule != NULL &&
	       strcmp(w->day_rule, "day of the month") == 0;
}

/* The text is a number and polite or correcting words only. */
static void find_bare(const struct reader *r, struct inquiry *q)
{
	const uint64_t around = LW_FILLER | LW_YES | LW_ACK | LW_CORRECT |
				LW_THANKS | LW_PRONOUN | LW_CHOICE | LW_SELF |
				LW_MOVE | LW_SAME | LW_BOOK | LW_GREET |
				LW_QUESTION | LW_NUMBER | LW_NO;
	int at = -1, other = 0;
	if (rd_number_is_mday(&q->when))
		return;
	for (size_t i = 0; i < r->n; i++) {
		const char *w = r->t[i].w;
		size_t n = strlen(w);
		if (n >= 1 && n <= 4 && rd_is_digits(w)) {
			if (at >= 0)
				return; /* two numbers */
			at = (int)i;
			continue;
		}
		/* "11 please, it's for Bella": names in a sentence of their
		 * own */
		if ((r->t[i].eff & ~(uint64_t)LW_COMMON) == 0 &&
		    r->t[i].thing == 0) {
			other = 1;
			continue;
		}
		if (!(r->t[i].eff & around))
			return;
	}
	for (size_t i = 0; other && at >= 0 && i < r->n; i++)
		if ((r->t[i].eff & ~(uint64_t)LW_COMMON) == 0 &&
		    r->t[i].thing == 0 && r->t[i].segment == r->t[at].segment)
			return;
	if (at >= 0)
		snprintf(q->bare, sizeof(q->bare), "%s", r->t[at].w);
}

/* The question words stand in a clause without the service asked for, or
 * close the text after it ("service fri 10 how much"). */
static int question_apart(const struct reader *r, const struct inquiry *q)
{
	const uint64_t ask = LW_PRICE | LW_DURATION | LW_AVAIL | LW_EARLIEST;
	int seen = 0;
	int first = rd_where(r, ask, NULL);
	if (first > 0) {
		int trailing = 1, before = 0;
		for (size_t i = (size_t)first; i < r->n; i++)
			trailing &=
			    (r->t[i].eff & (ask | LW_FILLER | LW_QUESTION |
					    LW_PRONOUN | LW_THANKS)) != 0 &&
			    r->t[i].thing == 0;
		for (int i = 0; i < first; i++)
			before |= r->t[i].thing > 0;
		if (trailing && before)
			return 1;
	}
	for (size_t i = 0; i < r->n; i++) {
		if (!(r->t[i].eff & ask))
			continue;
		seen = 1;
		for (size_t k = 0; k < q->n_things; k++)
			if (q->things[k].role == INQ_ASKED &&
			    q->things[k].clause == r->t[i].clause)
				return 0;
	}
	return seen;
}

/*
 * A price word marked a question too ("vous faites les lentilles ?", "do
 * you do X"): a yes/no question about a service, answered with its price;
 * with no service of ours named ("vous faites des bons cadeaux ?"), or
 * beside what only a person answers, it asks no price: the list of every
 * price would answer nothing.
 */
/* "wann", "quand" asking in a question of its own, no phrase around it
 * ("ab wann", "quand vous voulez"). */
static int asks_when(const struct reader *r)
{
	for (size_t i = 0; i < r->n; i++) {
		const struct tok *t = &r->t[i];
		if (!(t->cls & LW_QUESTION) || t->val != LW_QUESTION_WHEN)
			continue;
		int inside = 0;
		for (size_t j = 0; j <= i; j++)
			inside |=
			    r->t[j].plen > 1 && j + (size_t)r->t[j].plen > i;
		/* "wann gibts was freies für ...": opening its piece asks
		 * as a '?' ending it does */
		int seg = t->segment, opens = 1;
		for (size_t j = 0; j < i; j++)
			opens &= r->t[j].segment != seg ||
				 (r->t[j].eff & (LW_GREET | LW_FILLER)) != 0;
		if (!inside && seg >= 0 && seg < MAX_SEGMENTS &&
		    (r->seg_q[seg] || opens))
			return 1;
	}
	return 0;
}

/* A service or a booking is what the when asks about. */
int rd_service_asked(const struct inquiry *q)
{
	for (size_t k = 0; k < q->n_things; k++)
		if (q->things[k].kind == CAT_SERVICE &&
		    q->things[k].role == INQ_ASKED)
			return 1;
	return 0;
}

static int when_of_a_visit(const struct reader *r, const struct inquiry *q)
{
	if (q->when.problem == WHEN_PAST ||
	    rd_has(r, LW_HOURS | LW_MINE | LW_CANCEL | LW_MOVE | LW_NOT_TEXT |
			  LW_BOOKED))
		return 0;
	return rd_service_asked(q) || rd_has(r, LW_BOOKING | LW_AVAIL);
}

static int price_asked(const struct reader *r, const struct inquiry *q)
{
	int any = 0;
	for (size_t i = 0; i < r->n; i++) {
		const struct tok *t = &r->t[i];
		/* an hours phrase it begins says what it is: "kaça kadar
		 * açıksınız" (until when) holds "kaça" (how much) and asks
		 * the hours (review tr8 s75 got the price list) */
		uint64_t c = t->plen > 1 && (t->pcls & (LW_PRICE | LW_HOURS))
				 ? t->pcls
				 : t->cls;
		if (!(c & LW_PRICE))
			continue;
		/* "combien de temps dure une séance ?", "ça dure combien": a
		 * length phrase holding "how much" asks the length alone
		 * (review fr O s10 got the price too) */
		if ((t->eff & LW_DURATION) && !(c & LW_DURATION) &&
		    !(t->pcls & LW_PRICE))
			continue;
		/* "combien de temps de délai": how soon, no price */
		if ((t->eff & LW_EARLIEST) && !(c & LW_EARLIEST) &&
		    !(t->pcls & LW_PRICE))
			continue;
		/* "orçamento sexta 10h" at a studio whose service is the
		 * orçamento: the word names the visit asked, no price (review
		 * pt7 c21 then booked a second service on the first's day) */
		if (t->thing > 0 &&
		    q->things[t->thing - 1].kind == CAT_SERVICE &&
		    q->things[t->thing - 1].role == INQ_ASKED)
			continue;
		any = 1;
		if (!(c & LW_QUESTION))
			return 1;
	}
	if (!any)
		return 0;
	/* "vous faites des bons cadeaux pour une coupe ?": a question about
	 * what only a person answers */
	if (rd_has(r, LW_NOT_TEXT))
		return 0;
	for (size_t k = 0; k < q->n_things; k++)
		if (q->things[k].kind == CAT_SERVICE &&
		    q->things[k].role == INQ_ASKED)
			return 1;
	return 0;
}

/* A day gone by, no time, beside words about the past ("ich war letzte
 * Woche"): the visit told about. */
static int past_visit(const struct reader *r, const struct inquiry *q)
{
	return rd_has(r, LW_PAST) && q->when.problem == WHEN_PAST &&
	       q->when.time == WHEN_TIME_NONE;
}

static void no_when(struct when_req *w)
{
	memset(w, 0, sizeof(*w));
	w->from_min = w->to_min = -1;
	w->alt_min[0] = w->alt_min[1] = -1;
	w->day_from = w->day_to = w->time_from = w->time_to = -1;
}

/* A when word: a weekday, a date word, today's, or a number (an hour, a
 * day of the month). */
static int when_tok(const struct tok *t)
{
	return (t->eff & (LW_WEEKDAY | LW_DATEWORD | LW_TODAY | LW_SAME |
			  LW_EARLIEST)) != 0 ||
	       rd_has_digit(t->w);
}

/* "al viernes", "to friday": where a move sends a booking. */
static int destination_at(const struct reader *r, size_t k)
{
	static const char *const to[] = {"al",	"to",	"pra",
					 "auf", "nach", "au"};
	if (k + 1 >= r->n || r->t[k + 1].segment != r->t[k].segment)
		return 0;
	for (size_t j = 0; j < sizeof to / sizeof to[0]; j++)
		if (strcmp(r->t[k].w, to[j]) == 0) {
			const struct tok *n = &r->t[k + 1];
			/* "to the 15th": one word between */
			if ((n->cls & LW_FILLER) && !when_tok(n) &&
			    k + 2 < r->n && n->segment == r->t[k + 2].segment)
				n = &r->t[k + 2];
			/* "para el lunes", "a las 10" after a job's name say
			 * when the job is ("cambiar las pastillas para el
			 * lunes"): only "al"/"to" + a day or hour moves */
			return when_tok(n) && !(n->eff & LW_SAME);
		}
	return 0;
}

/* "cambio de aceite", "cambiar las pastillas", "change the oil", "troca
 * de óleo": a move word that is part of a service's or topic's name, or
 * whose object is a thing (a part, a fluid: not a booking, a day or an
 * hour), names the job, never a move (review es4: 16 garage texts got "no
 * booking to move"). A move needs a booking, a day or an hour after it
 * ("cambiar mi cita", "cambiar al jueves", "pasar la revisión al
 * viernes"). The word's move class is dropped. */
/* "Hab die SMS gelöscht", "j'ai effacé le message": a cancel word inside
 * a pack phrase that names our texts (LW_STOP_OBJ, no cancel of its own)
 * deletes the message, never the booking (review de AR c14.2: "Wann war
 * nochmal mein Termin? Hab die SMS gelöscht" cancelled it). */
static void cancel_words_of_messages(struct reader *r)
{
	for (size_t i = 0; i < r->n; i++) {
		struct tok *t = &r->t[i];
		if (!(t->eff & LW_CANCEL))
			continue;
		int message = 0;
		for (size_t j = 0; j <= i; j++) {
			const struct tok *p = &r->t[j];
			/* ... or that tells why they are late: "die S-Bahn
			 * fällt aus" (review de AT s55) */
			int late = (p->pcls & LW_NOT_TEXT) &&
				   (p->pval & 0xff) == LANG_NT_LATE;
			message |= p->plen > 1 && j + (size_t)p->plen > i &&
				   ((p->pcls & LW_STOP_OBJ) || late) &&
				   !(p->pcls & LW_CANCEL);
		}
		if (message) {
			t->cls &= ~LW_CANCEL;
			t->eff &= ~LW_CANCEL;
			t->pcls &= ~LW_CANCEL;
		}
	}
}

static void move_words_of_jobs(struct reader *r)
{
	for (size_t i = 0; i < r->n; i++) {
		struct tok *t = &r->t[i];
		if (!(t->cls & LW_MOVE) || t->val != LW_MOVE_REPLACES ||
		    (t->plen > 1 && (t->pcls & LW_MOVE)))
			continue;
		int covered = 0; /* inside an earlier move phrase */
		for (size_t k = 1; k <= 5 && k <= i; k++)
			covered |= (size_t)r->t[i - k].plen > k &&
				   (r->t[i - k].pcls & LW_MOVE);
		if (covered)
			continue;
		int job = t->thing != 0;
		/* "cuánto cuesta cambiarla": what replacing it costs, the
		 * job (review es W s01 was told it had no booking to move) */
		for (size_t k = i >= 2 ? i - 2 : 0; k < i; k++)
			job |= (r->t[k].eff & LW_PRICE) &&
			       r->t[k].segment == t->segment;
		/* "y las bujías las cambiáis?": the part named before the
		 * verb, its pronoun right before it, and nowhere to move to
		 * after it (review es AA c12.2 was told it had no booking) */
		if (!job && i >= 2 &&
		    (r->t[i - 1].eff & (LW_PRONOUN | LW_FILLER)) &&
		    !destination_at(r, i + 1))
			for (size_t k = i - 2; k + 4 >= i; k--) {
				const struct tok *o = &r->t[k];
				if (o->segment != t->segment ||
				    (o->eff & (LW_BOOKING | LW_MINE)))
					break;
				if (o->thing != 0 ||
				    (o->eff == 0 && strlen(o->w) >= 4)) {
					job = 1;
					break;
				}
				if (k == 0)
					break;
			}
		for (size_t k = i + 1; !job && k < r->n && k <= i + 5; k++) {
			const struct tok *o = &r->t[k];
			if (o->segment != t->segment)
				break;
			if (o->thing != 0 ||
			    ((o->eff & LW_COMMON) && !(o->eff & ~LW_COMMON))) {
				/* the object; a destination after it
				 * ("pasa la revisión al viernes") moves */
				size_t e = k;
				while (e + 1 < r->n && o->thing != 0 &&
				       r->t[e + 1].thing == o->thing)
					e++;
				job = !destination_at(r, e + 1);
				break;
			}
			if (rd_has_digit(o->w) && k + 1 < r->n &&
			    (r->t[k + 1].thing != 0 ||
			     !(r->t[k + 1].eff & ~LW_COMMON)))
				continue; /* "las 4 ruedas" */
			if (when_tok(o) ||
			    (o->eff & (LW_BOOKING | LW_MINE | LW_CANCEL)))
				break;
			if (o->eff & (LW_FILLER | LW_RELATIVE | LW_NUMBER |
				      LW_PRONOUN | LW_SELF | LW_PERSON))
				continue;
			if (o->eff == 0) { /* a word the pack doesn't know */
				job = !destination_at(r, k + 1);
				break;
			}
			break;
		}
		/* the job's verb, read past like "para" ("cuanto por cambiar
		 * el embrague": the embrague is what is asked) */
		if (job) {
			t->cls = (t->cls & ~LW_MOVE) | LW_COMMON | LW_FILLER;
			t->eff = (t->eff & ~LW_MOVE) | LW_COMMON | LW_FILLER;
		}
	}
}

/* Only greetings and small words, and no thanks: 1 when one of them is a
 * greeting that opens and does not close ("kolay gelsin", "merhaba"), 2
 * when each greeting also closes ("iyi günler" is both), else 0. */
static int opens_only(const struct reader *r)
{
	const uint64_t small = LW_GREET | LW_FILLER;
	int seen = 0;
	for (size_t i = 0; i < r->n; i++) {
		uint64_t e = r->t[i].eff;
		if ((e & LW_THANKS) || !(e & small) || r->t[i].thing != 0)
			return 0;
		if ((e & LW_GREET) && !(e & LW_BYE))
			seen = 1;
		else if ((e & LW_GREET) && seen == 0)
			seen = 2;
	}
	return seen;
}

/*
 * The last piece a price question in piece seg goes on in: each next piece
 * that starts with "and" and holds only things and small words ("quanto é
 * o pilates? e a acupuntura?", review pt6 s24: the second price dropped).
 */
static int price_goes_on(const struct reader *r, int seg)
{
	if (seg < 0)
		return seg;
	for (;;) {
		size_t i = 0;
		while (i < r->n && r->t[i].segment <= seg)
			i++;
		if (i >= r->n || r->t[i].segment != seg + 1 ||
		    !(r->t[i].eff & LW_CONJ))
			return seg;
		int things = 0, small = 1;
		for (; i < r->n && r->t[i].segment == seg + 1; i++) {
			if (r->t[i].thing != 0)
				things = 1;
			else if (!(r->t[i].eff & (LW_CONJ | LW_FILLER |
						  LW_RELATIVE | LW_PRONOUN)))
				small = 0;
		}
		if (!things || !small)
			return seg;
		seg++;
	}
}

/*
 * "für meinen Sohn (6)", "Meine Große (9) möchte eine Longenstunde", "mis
 * gemelos (4)": a number of one or two digits alone in brackets after a
 * word is an age said aside, never a head count, a day or an hour (review
 * de AD s50, c19.1 booked three places for "Sohn (6)", s14 asked "which
 * day do you mean?"). Returns TEXT, or a copy with such numbers blanked
 * (*young set when one is under 16)
 * (the same length, so the pieces keep their places); a static buffer,
 * valid until the next call.
 */
static const char *ages_aside(const char *text, int *young)
{
	static char copy[FOLD_CAP];
	size_t len = strlen(text);
	const char *src = text;
	for (size_t i = 1; i + 2 < len; i++) {
		if (text[i] != '(')
			continue;
		size_t nd = strspn(text + i + 1, "0123456789");
		if (nd == 0 || nd > 2 || text[i + 1 + nd] != ')')
			continue;
		size_t b = i;
		while (b > 0 && text[b - 1] == ' ')
			b--;
		/* after a word, not a number or a date ("13.12. (13)") */
		if (b == 0 || !isalpha((unsigned char)text[b - 1]) ||
		    len >= sizeof(copy))
			continue;
		if (src == text) {
			memcpy(copy, text, len + 1);
			src = copy;
		}
		/* the age is kept aside: under 16, a child (review de BB
		 * s10 "Sehtest für unsere Tochter (6)" got the adults') */
		*young |= atoi(text + i + 1) < 16;
		memset(copy + i + 1, ' ', nd);
	}
	return src;
}

void inquiry_parse_lang(const struct catalog *cat, const struct lang_pack *pack,
			const char *text, const struct when_local *now,
			struct inquiry *out)
{
	struct reader *r = &rd;

	memset(out, 0, sizeof(*out));
	if (text == NULL)
		text = "";
	text = ages_aside(text, &out->child_aside);
	r->cat = cat;
	r->pack = pack != NULL ? pack : lang_default();
	out->not_text = -1;
	split(r, text);
	classify(r);
	out->n_words = r->n;
	read_when(r, text, now, &out->when);
	rd_match_things(r, out);
	move_words_of_jobs(r);
	cancel_words_of_messages(r);
	find_ref(r, out);
	for (size_t k = 0; k < out->n_things; k++)
		out->trade |= out->things[k].role == INQ_TRADE_WORD;

	/* "but now the weather's better" in a long text is not "as soon as
	 * possible": only an earliest word, or a short text, says that. */
	if (out->when.time == WHEN_TIME_ASAP && !rd_has(r, LW_EARLIEST) &&
	    r->n > 8) {
		out->when.time = WHEN_TIME_NONE;
		out->when.mentioned = out->when.has_day || out->when.has_range;
	}
	int v = 0;
	if (rd_has(r, LW_PRICE) && price_asked(r, out))
		out->asks |= INQ_ASK_PRICE;
	if (rd_has(r, LW_DURATION))
		out->asks |= INQ_ASK_DURATION;
	if (rd_has(r, LW_EARLIEST) || out->when.time == WHEN_TIME_ASAP)
		out->asks |= INQ_ASK_EARLIEST;
	if (rd_has(r, LW_EARLIEST) && out->when.time == WHEN_TIME_NONE &&
	    !out->when.has_day && !out->when.has_range) {
		out->when.time = WHEN_TIME_ASAP; /* "next free slot" */
		out->when.mentioned = 1;
		/* "el primer día que tengas": the ordinal is the earliest
		 * phrase's own, no day of the month unsure (review es AH
		 * c19.2) */
		out->when.unsure = 0;
	}
	if (out->when.time == WHEN_TIME_NONE && !out->when.has_day &&
	    !out->when.has_range && !out->when.unsure && asks_when(r) &&
	    when_of_a_visit(r, out)) {
		out->when.time = WHEN_TIME_ASAP; /* LW_QUESTION_WHEN */
		out->when.mentioned = 1;
		out->asks |= INQ_ASK_EARLIEST;
	}
	if (rd_has(r, LW_AVAIL))
		out->asks |= INQ_ASK_AVAIL;
	if (rd_has(r, LW_HOURS) &&
	    (r->qmark || rd_has(r, LW_QUESTION) || r->n <= 4))
		out->asks |= INQ_ASK_HOURS;
	rd_not_text(r, out);
	out->names_booking = rd_has(r, LW_BOOKING | LW_MINE);
	(void)v;
	int pw = rd_where(r, LW_PRICE, NULL);
	out->price_segment = pw >= 0 ? r->t[pw].segment : -1;
	out->price_segment_to = price_goes_on(r, out->price_segment);
	out->hours_when = out->when;
	when_of_the_request(r, text, now, out);
	drop_counted_time(r, text, out);
	drop_measured_time(text, out);
	own_times(r, now, out);
	time_of_the_service(r, text, now, out);
	feast_as_occasion(r, now, out);
	find_bare(r, out);
	check_day_words(r, out);
	rd_clause_times(r, now, out);
	rd_clause_days(r, now, out);
	held_then_other_time(r, text, now, out);
	out->wants_price = (out->asks & INQ_ASK_PRICE) != 0;
	out->asks_hours = (out->asks & INQ_ASK_HOURS) != 0;
	/* "not 10, 11": a time set aside for another is a correction */
	out->correction = rd_has(r, LW_CORRECT) || out->when.has_not_time ||
			  out->when.has_not_day; /* "Thu no, Fri" too */
	out->same_time = same_outside_day(r);
	/* "no actually a pedicure, same day": instead, not as well (review
	 * fr8 c13) */
	out->also =
	    rd_has(r, LW_ALSO) && !(out->correction && also_day_only(r) &&
				    !rd_has(r, LW_PERSON | LW_OTHER | LW_CONJ));
	out->also_after = said_val(r, LW_ALSO, LW_ALSO_AFTER);
	out->bye_open = said_val(r, LW_BYE, LW_BYE_OPEN);
	out->total = rd_has(r, LW_TOTAL) && out->wants_price;
	out->refers_back = rd_has(r, LW_PRONOUN);
	rd_whose(r, out);
	out->asks_back = rd_has(r, LW_BACK) && out->wants_price;
	out->greeting = r->n > 0 && (r->t[0].eff & LW_GREET) != 0;
	out->opener = opens_only(r) == 1;
	out->greet_only = opens_only(r) != 0;
	out->today = rd_has(r, LW_TODAY);
	out->question_apart = question_apart(r, out);
	out->question = r->qmark || rd_has(r, LW_QUESTION);
	out->outright =
	    r->qmark || (r->n > 1 && ((r->t[0].cls | r->t[r->n - 1].cls) &
				      LW_QUESTION) != 0);
	if (!out->question && past_visit(r, out))
		no_when(&out->when); /* "war gestern zur Pediküre, danke" */
	rd_decide_intent(r, text, out);
	/* "any weekday morning but not Monday": a day said not to be meant
	 * is never the day a new booking is offered on (review r9 s098) */
	if (out->intent == INQ_BOOK)
		when_req_drop_unmeant(&out->when);
	/* "ich hab am Freitag um 10 Fußreflexzonen gebucht": only a
	 * booking told of, nothing else asked: looked up */
	if (out->held > 0 && out->n_matches == 0 &&
	    (out->intent == INQ_BOOK || out->intent == INQ_UNKNOWN))
		out->intent = INQ_MY_BOOKINGS;
	rd_times_persons(r, out);
	rd_questions(r, out);
	rd_staff(r, text, out);
	rd_health(r, now, out);
	/* "ich war letzte Woche zur Maniküre ... hätte gern wieder einen
	 * Termin": the day gone by is the visit told about, not the day
	 * asked for */
	if (out->intent == INQ_BOOK && past_visit(r, out))
		no_when(&out->when);
	/* "what's the total", "total?": the sum of what is booked */
	if (rd_has(r, LW_TOTAL) && out->question && out->n_matches == 0 &&
	    (out->intent == INQ_UNKNOWN || out->intent == INQ_NOT_TEXT ||
	     out->intent == INQ_PRICE)) {
		out->intent = INQ_PRICE;
		out->total = 1;
		out->not_text = -1;
	}
	rd_facts(r, out);
}

void inquiry_parse(const struct catalog *cat, const char *text,
		   const struct when_local *now, struct inquiry *out)
{
	inquiry_parse_lang(cat, NULL, text, now, out);
}
