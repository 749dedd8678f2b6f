/*
 * inquiry: a text that asks about a member of staff by name ("Ist Dr
 * Keller nächste Woche da?", "is Sam in on Saturday?") and names no
 * service: who works when is for a person to answer, never the service
 * menu nor a booking flow. A name is a word of a staff entry's name
 * (catalog staff = (...)) of four letters or more that the language pack
 * does not know as a word of its own, or any word the pack doesn't know
 * after a title of the pack (LW_TITLE: "Frau Dr. Hoffmann", "la Dra
 * Ruiz"). It never reads the clock nor does I/O.
 */
#include "inquiry_read.h"

#include "smsdesk/catalog.h"
#include "smsdesk/text.h"

#include <string.h>

/* W is one of the words of NAME (folded), four letters or more. */
static int in_name(const char *name, const char *w)
{
	char folded[128];
	size_t wl = strlen(w);
	if (wl < 4)
		return 0;
	text_fold(name, folded, sizeof(folded));
	for (const char *p = strstr(folded, w); p != NULL;
	     p = strstr(p + 1, w)) {
		int starts = p == folded || p[-1] == ' ' || p[-1] == '.';
		int ends = p[wl] == '\0' || p[wl] == ' ' || p[wl] == '.';
		if (starts && ends)
			return 1;
	}
	return 0;
}

/* A word of the text is a staff member's name, in a piece of the text
 * that ends with a question mark ("hier ist Anna, habt ihr ...?" is the
 * customer's own name). */
static int names_staff(const struct reader *r, const char *text)
{
	size_t len = strlen(text);
	for (size_t i = 0; i < r->n; i++) {
		int seg = r->t[i].segment;
		if (r->t[i].eff != 0 || r->t[i].thing != 0 ||
		    r->seg_to[seg] >= len || text[r->seg_to[seg]] != '?')
			continue;
		for (size_t s = 0; s < r->cat->n_staff; s++)
			if (r->cat->staff[s].name != NULL &&
			    in_name(r->cat->staff[s].name, r->t[i].w))
				return 1;
	}
	return 0;
}

/* Word I's piece of TEXT ends with a question mark. */
static int in_question(const struct reader *r, const char *text, size_t i)
{
	int seg = r->t[i].segment;
	return r->seg_to[seg] < strlen(text) && text[r->seg_to[seg]] == '?';
}

/* A title then a word the pack doesn't know, in a piece that asks ("Ist
 * Frau Dr. Hoffmann diese Woche da?", de6 s26): a person of the team by
 * name, listed or not. Not one's own ("meine Frau Anna", the pack's person
 * phrase), and not a name the customer gives as theirs ("hier ist Frau Müller,
 * ..."). */
static int titled_name(const struct reader *r, const char *text)
{
	for (size_t i = 0; i + 1 < r->n; i++) {
		if (!(r->t[i].cls & LW_TITLE) ||
		    (r->t[i].eff & (LW_PERSON | LW_OWNER)) ||
		    (i > 0 && (r->t[i - 1].eff & LW_OWNER)))
			continue;
		size_t j = i + 1;
		while (j + 1 < r->n && (r->t[j].cls & LW_TITLE))
			j++;
		const struct tok *t = &r->t[j];
		if (t->thing == 0 && !(t->eff & ~LW_COMMON) &&
		    !rd_has_digit(t->w) && strlen(t->w) >= 3 &&
		    in_question(r, text, j))
			return 1;
	}
	return 0;
}

void rd_staff(const struct reader *r, const char *text, struct inquiry *q)
{
	if (r->cat == NULL || q->n_matches > 0 || q->n_things > 0 || !r->qmark)
		return;
	switch (q->intent) {
	case INQ_BOOK:
	case INQ_AVAIL:
	case INQ_UNKNOWN:
	case INQ_HELP:
	case INQ_HOURS:
		break;
	default:
		return;
	}
	if (!titled_name(r, text) &&
	    (r->cat->n_staff == 0 || !names_staff(r, text)))
		return;
	q->intent = INQ_NOT_TEXT;
	q->not_text = LANG_NT_OTHER;
	q->rule = "asks about a member of staff: for a person";
}
