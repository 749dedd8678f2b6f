/* lang: language packs — the lexicon index, templates and their renderer. */
#include "smsdesk/lang.h"

#include "smsdesk/catalog.h"
#include "smsdesk/gsm7.h"
#include "smsdesk/text.h"
#include "smsdesk/when_vocab.h"

#include <stdio.h>
#include <string.h>

#include "lang/lang_packs.h"

/* ---- the registry (src/lang/registry.def) -------------------------------- */

static const struct lang_pack *const packs[] = {
#define LANG_PACK(code) &lang_pack_##code,
#include "lang/registry.def"
#undef LANG_PACK
};
#define N_PACKS (sizeof(packs) / sizeof(packs[0]))

const struct lang_pack *lang_default(void)
{
	return packs[0];
}

const struct lang_pack *lang_pack_for(const char *code)
{
	for (size_t i = 0; code != NULL && i < N_PACKS; i++)
		if (strcmp(packs[i]->code, code) == 0)
			return packs[i];
	return NULL;
}

size_t lang_packs(const struct lang_pack *const **out)
{
	*out = packs;
	return N_PACKS;
}

const struct lang_pack *lang_of_business(const struct catalog *cat)
{
	const struct lang_pack *p = NULL;
	for (size_t i = 0; cat != NULL && p == NULL && i < cat->n_languages;
	     i++)
		p = lang_pack_for(cat->languages[i]);
	return p != NULL ? p : lang_default();
}

const struct when_vocab *lang_when(const struct lang_pack *pack)
{
	if (pack == NULL)
		pack = lang_default();
	return pack->when != NULL ? pack->when : when_vocab_find(pack->code);
}

size_t lang_when_vocabs(const struct catalog *cat,
			const struct lang_pack *first,
			const struct when_vocab **out, size_t cap)
{
	size_t n = 0;
	const struct when_vocab *v;

	if (cap == 0)
		return 0;
	if (first != NULL && (v = lang_when(first)) != NULL)
		out[n++] = v;
	for (size_t i = 0; cat != NULL && i < cat->n_languages && n < cap;
	     i++) {
		const struct lang_pack *p = lang_pack_for(cat->languages[i]);
		size_t k = 0;
		if (p == NULL || (v = lang_when(p)) == NULL)
			continue;
		while (k < n && out[k] != v)
			k++;
		if (k == n)
			out[n++] = v;
	}
	if (n == 0)
		out[n++] = lang_when(lang_default());
	return n;
}

/* ---- the word index ------------------------------------------------------
 *
 * Open addressing over the pack's words, built on first use. A word listed
 * under several classes is one entry with the classes or-ed together.
 */

#define INDEX_SLOTS 8192 /* power of two, over twice the largest pack */
#define INDEX_WORDS 4000
#define TPL_SLOTS   1024 /* power of two, over twice the most templates */

struct merged {
	const char *text;
	uint64_t cls;
	int val;
};

struct lang_index {
	const struct lang_pack *pack;
	uint16_t slot[INDEX_SLOTS]; /* 1 + index into m, 0 empty */
	struct merged m[INDEX_WORDS];
	size_t n;
	size_t max_words;
	/* Reply templates by name: a reply looks up several per text, and a
	 * name search over 200 templates was 7% of an answered inquiry. */
	uint16_t tpl_slot[TPL_SLOTS]; /* 1 + index into pack->tpls, 0 empty */
};

static struct lang_index indexes[12];

static uint32_t hash_of(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 16777619u;
	}
	return h;
}

static size_t words_in(const char *s)
{
	size_t n = 1;
	for (; *s != '\0'; s++)
		n += *s == ' ';
	return n;
}

static void index_add_templates(struct lang_index *ix)
{
	const struct lang_pack *pack = ix->pack;
	for (size_t i = 0; i < pack->n_tpls && i < TPL_SLOTS / 2; i++) {
		uint32_t h = hash_of(pack->tpls[i].name) & (TPL_SLOTS - 1);
		while (ix->tpl_slot[h] != 0) {
			if (strcmp(pack->tpls[ix->tpl_slot[h] - 1].name,
				   pack->tpls[i].name) == 0)
				break; /* the first of a name listed twice wins
					*/
			h = (h + 1) & (TPL_SLOTS - 1);
		}
		if (ix->tpl_slot[h] == 0)
			ix->tpl_slot[h] = (uint16_t)(i + 1);
	}
}

/* Add a NULL-terminated table to IX; a word met again gets its classes
 * added (and its value when it has one). */
static void index_add(struct lang_index *ix, const struct lang_word *words)
{
	for (size_t w = 0; words != NULL && words[w].text != NULL; w++) {
		const struct lang_word *lw = &words[w];
		uint32_t h = hash_of(lw->text) & (INDEX_SLOTS - 1);
		while (ix->slot[h] != 0 &&
		       strcmp(ix->m[ix->slot[h] - 1].text, lw->text) != 0)
			h = (h + 1) & (INDEX_SLOTS - 1);
		if (ix->slot[h] != 0) {
			struct merged *m = &ix->m[ix->slot[h] - 1];
			m->cls |= lw->cls;
			if (lw->val != 0)
				m->val = lw->val;
			continue;
		}
		if (ix->n >= INDEX_WORDS)
			return; /* a pack this big needs a bigger index */
		ix->m[ix->n] = (struct merged){lw->text, lw->cls, lw->val};
		ix->slot[h] = (uint16_t)(++ix->n);
		size_t k = words_in(lw->text);
		if (k > ix->max_words && k <= LANG_MAX_PHRASE_WORDS)
			ix->max_words = k;
	}
}

static struct lang_index *index_of(const struct lang_pack *pack)
{
	for (size_t i = 0; i < sizeof(indexes) / sizeof(indexes[0]); i++) {
		struct lang_index *ix = &indexes[i];
		if (ix->pack == pack)
			return ix;
		if (ix->pack != NULL)
			continue;
		ix->pack = pack;
		index_add(ix, pack->words);
		index_add(ix, pack->asks);
		index_add_templates(ix);
		return ix;
	}
	return NULL;
}

size_t lang_fmt_time(const struct lang_pack *pack, int minute, char *out,
		     size_t cap)
{
	int h = minute / 60 % 25, m = minute % 60;
	int n;
	if (pack == NULL || pack->hour_mark == NULL)
		n = snprintf(out, cap, "%02d:%02d", h, m);
	else if (m == 0)
		n = snprintf(out, cap, "%d%s", h, pack->hour_mark);
	else
		n = snprintf(out, cap, "%d%s%02d", h, pack->hour_mark, m);
	return n < 0 ? 0 : (size_t)n < cap ? (size_t)n : cap - 1;
}

uint64_t lang_lookup(const struct lang_pack *pack, const char *folded, int *val)
{
	struct lang_index *ix = index_of(pack);
	if (val != NULL)
		*val = 0;
	if (ix == NULL || folded == NULL)
		return 0;
	uint32_t h = hash_of(folded) & (INDEX_SLOTS - 1);
	while (ix->slot[h] != 0) {
		const struct merged *m = &ix->m[ix->slot[h] - 1];
		if (strcmp(m->text, folded) == 0) {
			if (val != NULL)
				*val = m->val;
			return m->cls;
		}
		h = (h + 1) & (INDEX_SLOTS - 1);
	}
	return 0;
}

/* ---- words of a class, gathered once ------------------------------------
 *
 * The reader asks some questions of a whole class ("which of the urgent
 * words does the catalog list?"). Walking the pack's few thousand rows on
 * every text cost more than reading it, so each pack's rows of a class are
 * gathered once into a static pool. A pool that is full (more packs or
 * classes than it was sized for) still answers, from a walk into scratch.
 */

#define CLASS_LISTS 48
#define CLASS_POOL  4096

struct class_list {
	const struct lang_pack *pack;
	uint64_t cls;
	size_t at, n; /* in pool */
};

static struct class_list class_lists[CLASS_LISTS];
static size_t n_class_lists;
static const struct lang_word *class_pool[CLASS_POOL];
static size_t class_pool_used;

static size_t class_gather(const struct lang_pack *pack, uint64_t cls,
			   const struct lang_word **out, size_t cap)
{
	size_t n = 0;
	for (const struct lang_word *w = pack->words; w != NULL && w->text; w++)
		if ((w->cls & cls) != 0) {
			if (n == cap)
				return SIZE_MAX;
			out[n++] = w;
		}
	return n;
}

size_t lang_words_with(const struct lang_pack *pack, uint64_t cls,
		       const struct lang_word *const **out)
{
	static const struct lang_word *scratch[INDEX_WORDS];
	for (size_t i = 0; i < n_class_lists; i++)
		if (class_lists[i].pack == pack && class_lists[i].cls == cls) {
			*out = class_pool + class_lists[i].at;
			return class_lists[i].n;
		}
	if (n_class_lists < CLASS_LISTS) {
		size_t n = class_gather(pack, cls, class_pool + class_pool_used,
					CLASS_POOL - class_pool_used);
		if (n != SIZE_MAX) {
			class_lists[n_class_lists++] =
			    (struct class_list){pack, cls, class_pool_used, n};
			*out = class_pool + class_pool_used;
			class_pool_used += n;
			return n;
		}
	}
	size_t n = class_gather(pack, cls, scratch, INDEX_WORDS);
	*out = scratch;
	return n == SIZE_MAX ? INDEX_WORDS : n;
}

size_t lang_max_phrase(const struct lang_pack *pack)
{
	struct lang_index *ix = index_of(pack);
	return ix != NULL ? ix->max_words : 1;
}

const char *lang_template(const struct lang_pack *pack, const char *name)
{
	struct lang_index *ix = pack != NULL ? index_of(pack) : NULL;
	if (ix == NULL || pack->n_tpls > TPL_SLOTS / 2) {
		for (size_t i = 0; pack != NULL && i < pack->n_tpls; i++)
			if (strcmp(pack->tpls[i].name, name) == 0)
				return pack->tpls[i].text;
		return NULL;
	}
	uint32_t h = hash_of(name) & (TPL_SLOTS - 1);
	for (; ix->tpl_slot[h] != 0; h = (h + 1) & (TPL_SLOTS - 1)) {
		const struct lang_tpl *t = &pack->tpls[ix->tpl_slot[h] - 1];
		if (strcmp(t->name, name) == 0)
			return t->text;
	}
	return NULL;
}

/* ---- rendering ----------------------------------------------------------- */

/* Append s[0..n) to out at *pos, never cutting a UTF-8 sequence. */
static void put(char *out, size_t cap, size_t *pos, const char *s, size_t n)
{
	if (cap == 0)
		return;
	if (*pos + n >= cap) {
		n = cap - 1 - *pos;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(out + *pos, s, n);
	*pos += n;
	out[*pos] = '\0';
}

static void puts_(char *out, size_t cap, size_t *pos, const char *s)
{
	put(out, cap, pos, s, strlen(s));
}

/* Is position AT of out inside a sentence: after a word, never at the
 * start, after ". ! ? :" or a list's "1) "? */
static int mid_sentence(const char *out, size_t at)
{
	size_t k = at;
	while (k > 0 && out[k - 1] == ' ')
		k--;
	if (k == 0 || k == at)
		return 0; /* the start, or glued to what comes before */
	char c = out[k - 1];
	return !(c == '.' || c == '!' || c == '?' || c == ':' || c == ')' ||
		 c == '(' || c == '"' || c == '\n' || (c >= '0' && c <= '9'));
}

/* A capital at Q: ASCII, Latin-1 in UTF-8 (C3 80-9E), Turkish "İ", "Ğ",
 * "Ş". */
static int upper_at(const unsigned char *q)
{
	return (q[0] >= 'A' && q[0] <= 'Z') ||
	       (q[0] == 0xC3 && q[1] >= 0x80 && q[1] <= 0x9E) ||
	       (q[0] == 0xC4 && (q[1] == 0xB0 || q[1] == 0x9E)) ||
	       (q[0] == 0xC5 && q[1] == 0x9E);
}

/* A later word of the name starting at P, up to END or where the name
 * ends ("(", ",", " + "), starts with a capital: a name written in title
 * case ("Yin Yoga", "Özel Ders"), kept as written (review tr AF: "yin
 * Yoga" in about fourteen replies). */
static int title_case(const unsigned char *p, const unsigned char *end)
{
	for (const unsigned char *q = p + 1; q + 1 < end; q++) {
		if (*q == '(' || *q == ',' ||
		    (q[0] == ' ' && q[1] == '+' && q + 2 < end && q[2] == ' '))
			return 0;
		if (q[0] == ' ' && upper_at(q + 1))
			return 1;
	}
	return 0;
}

/* Lower the first letter of out[at, end) when the word it starts is not
 * all capitals ("TÜV", "LCA", "HU/AU" stay): ASCII, Latin-1 capitals in
 * UTF-8 (C3 80-9E) and Turkish "İ" (C4 B0, to "i"). Returns the bytes the
 * text got shorter by (1 for "İ"). */
static size_t lower_first(char *out, size_t at, size_t end)
{
	unsigned char *p = (unsigned char *)out + at;
	if (at + 2 >= end)
		return 0;
	if (title_case(p, (unsigned char *)out + end))
		return 0;
	/* the second letter upper case too: an acronym, kept */
	size_t w = (p[0] >= 0xC0) ? 2 : 1;
	const unsigned char *n = p + w;
	if (upper_at(n) || n[0] == '/' || n[0] == '-' || n[0] == ' ' ||
	    (n[0] >= '0' && n[0] <= '9'))
		return 0;
	if (p[0] >= 'A' && p[0] <= 'Z')
		p[0] = (unsigned char)(p[0] - 'A' + 'a');
	else if (p[0] == 0xC3 && p[1] >= 0x80 && p[1] <= 0x9E && p[1] != 0x97)
		p[1] = (unsigned char)(p[1] + 0x20);
	else if (p[0] == 0xC4 && p[1] == 0xB0) {
		/* "İ" to "i": one byte shorter, the rest moved up */
		p[0] = 'i';
		memmove(p + 1, p + 2, strlen((char *)p + 2) + 1);
		return 1;
	}
	return 0;
}

/* Every name after a " + " in out[at, end) lowered as the first was
 * ("biyometrik fotoğraf + Vize fotoğrafı" read as a slip, review tr AA
 * s27). Returns the bytes the text got shorter by. */
static size_t lower_joined(char *out, size_t at, size_t end)
{
	size_t cut = 0;
	for (size_t i = at; i + 3 < end - cut; i++)
		if (out[i] == ' ' && out[i + 1] == '+' && out[i + 2] == ' ')
			cut += lower_first(out, i + 3, end - cut);
	return cut;
}

static const struct lang_var *var_named(const struct lang_var *vars, size_t n,
					const char *name, size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(vars[i].name) == len &&
		    memcmp(vars[i].name, name, len) == 0)
			return &vars[i];
	return NULL;
}

static void put_list(char *out, size_t cap, size_t *pos,
		     const struct lang_var *v)
{
	size_t shown = v->shown < v->n_items ? v->shown : v->n_items;
	size_t total = v->total > v->n_items ? v->total : v->n_items;
	const char *const *items =
	    v->use_brief && v->brief != NULL ? v->brief : v->items;
	char num[24];

	for (size_t i = 0; i < shown; i++) {
		if (i > 0)
			puts_(out, cap, pos, v->sep != NULL ? v->sep : ", ");
		if (v->numbered) {
			snprintf(num, sizeof(num), "%zu) ", i + 1);
			puts_(out, cap, pos, num);
		}
		puts_(out, cap, pos, items[i]);
	}
	if (v->more != NULL && shown < total) {
		char n[24], said[96];
		snprintf(n, sizeof(n), "%zu", total - shown);
		struct lang_var nv = {.name = "n", .value = n};
		lang_render(v->more, &nv, 1, said, sizeof(said));
		puts_(out, cap, pos, said);
	}
}

size_t lang_render(const char *tpl, const struct lang_var *vars, size_t n_vars,
		   char *out, size_t cap)
{
	size_t pos = 0;

	if (cap == 0)
		return 0;
	out[0] = '\0';
	if (tpl == NULL)
		return 0;
	while (*tpl != '\0') {
		const char *open = strchr(tpl, '{');
		if (open == NULL) {
			puts_(out, cap, &pos, tpl);
			break;
		}
		put(out, cap, &pos, tpl, (size_t)(open - tpl));
		const char *close = strchr(open, '}');
		if (close == NULL) {
			puts_(out, cap, &pos, open);
			break;
		}
		const char *name = open + 1;
		size_t len = (size_t)(close - name);
		if (len == 4 && memcmp(name, "pick", 4) == 0) {
			for (size_t i = 0; i < n_vars; i++) {
				if (!vars[i].numbered || vars[i].items == NULL)
					continue;
				size_t k = vars[i].shown < vars[i].n_items
					       ? vars[i].shown
					       : vars[i].n_items;
				char range[48];
				if (k <= 1)
					snprintf(range, sizeof(range), "1");
				else
					snprintf(range, sizeof(range), "1-%zu",
						 k);
				puts_(out, cap, &pos, range);
				break;
			}
		} else {
			const struct lang_var *v =
			    var_named(vars, n_vars, name, len);
			size_t at = pos;
			if (v != NULL && v->value != NULL)
				puts_(out, cap, &pos, v->value);
			else if (v != NULL && v->items != NULL)
				put_list(out, cap, &pos, v);
			if (v != NULL && v->lower_mid && mid_sentence(out, at))
				pos -= lower_first(out, at, pos);
			if (v != NULL && v->lower_mid)
				pos -= lower_joined(out, at, pos);
		}
		tpl = close + 1;
		/* a value ending in its own full stop ("1 Std. 30 Min.")
		 * before the sentence's: one (review de S "Min..") */
		if (*tpl == '.' && tpl[1] != '.' && pos > 0 && pos < cap &&
		    out[pos - 1] == '.' && (pos < 2 || out[pos - 2] != '.'))
			tpl++;
	}
	return pos;
}

int lang_segments(const char *text)
{
	struct sms_plan plan;
	if (sms_plan(text, &plan) != GSM7_OK)
		return SMS_MAX_SEGMENTS + 1;
	return plan.segments;
}

int lang_segments_cat(const struct catalog *cat, const char *text)
{
	struct sms_plan plan;
	struct sms_plan_options o = {
	    .national_shift = cat != NULL && cat->policy.national_shift &&
			      cat->n_kannel == 0};
	if (!o.national_shift)
		return lang_segments(text);
	if (sms_plan_with(text, &o, &plan) != GSM7_OK)
		return SMS_MAX_SEGMENTS + 1;
	return plan.segments;
}

int lang_trim_words(char *text, size_t cap, int max)
{
	size_t len;

	if (cap == 0)
		return 1;
	len = strnlen(text, cap);
	if (len >= cap)
		len = cap - 1;
	text[len] = '\0';
	if (lang_segments(text) <= max)
		return lang_segments(text);
	while (len > 0) {
		/* Cut at the last space, then say it was cut ("..."), as
		 * long as the dots fit in the buffer and the segments. */
		size_t sp = len;
		while (sp > 0 && text[sp - 1] != ' ')
			sp--;
		if (sp == 0) {
			text[0] = '\0';
			return 1;
		}
		len = sp - 1;
		while (len > 0 && text[len - 1] == ' ')
			len--;
		text[len] = '\0';
		if (len == 0 || len + 4 > cap)
			continue;
		memcpy(text + len, "...", 4);
		if (lang_segments(text) <= max)
			break;
		text[len] = '\0';
	}
	return lang_segments(text);
}

/* ---- what each reply fills ---------------------------------------------- */

/*
 * The placeholders: service, when ("Sat 28 Mar 10:00"), day ("Sat 28
 * Mar"), old_when (as when), time ("10:00"), price, minutes, ref, old_ref,
 * business, thing (a topic's name), providers (list), slots (numbered
 * list), services (list), prices (list), bookings (list), hours,
 * day_hours, example ("haircut sat 10am"), notice ("2 hours"), n, more,
 * total, count, action, topic, a, b, and for the staff's summary first,
 * last (times), waiting, turned_away (counts), since (as when); for "example"
 * (the request a reply suggests, "haircut sat 10am"): word (the service's first
 * word), wday (lower case), hour ("10"), h12 ("10am").
 */
static const struct lang_reply_spec specs[] = {
    {"booked", "service when price ref business", "service when ref"},
    {"booked_many", "bookings total count business", "bookings"},
    {"booked_many_plain", "bookings count business", "bookings"},
    {"moved", "service when price ref old_ref business", "service when ref"},
    {"moved_many", "bookings count business", "bookings"},
    {"already_booked", "service when ref", "ref"},
    {"offer", "slots", "slots"},
    {"with_booking", "service when ref", "ref"},
    {"bookings_total", "bookings total", "bookings total"},
    {"offer_day", "service day slots price", "slots"},
    {"offer_window", "service day slots price", "slots"},
    {"offer_earliest", "service slots price", "slots"},
    {"offer_range", "service slots price", "slots"},
    {"ask_day_at", "service time hours", ""},
    {"offer_one", "service when slots price", ""},
    {"ask_service", "services", "services"},
    {"ask_trade", "services", "services"},
    {"ask_service_brief", "", ""},
    {"ask_day", "service hours", ""},
    {"ask_day_priced", "service hours price length", ""},
    {"ask_day_unsure", "service hours", ""},
    {"ask_day_bad", "service hours", ""},
    {"ask_day_ambiguous", "service hours", ""},
    {"ask_day_passed", "service hours", ""},
    {"ask_time", "service day day_hours", ""},
    {"ask_time_either", "service day day_hours a b", "a b"},
    {"not_offered", "thing providers", "providers"},
    {"not_offered_ours", "thing services", ""},
    {"not_offered_unknown", "thing services", ""},
    {"not_offered_brief", "", ""},
    {"no_closed", "service day slots providers", ""},
    {"no_full", "service day slots providers", ""},
    {"no_notice", "service day notice slots providers", ""},
    {"no_horizon", "service n providers", ""},
    {"no_nobody", "", ""},
    {"taken", "service day time", ""},
    {"too_soon", "service notice day time", ""},
    {"time_passed", "time", ""},
    {"off_grid", "service minutes time day", ""},
    {"outside_hours", "day day_hours", ""},
    {"last_start", "service day time day_hours", ""},
    {"window_full", "service day", ""},
    {"elsewhere", "providers", "providers"},
    {"try", "providers", "providers"},
    {"our_next", "slots", "slots"},
    {"book_hint", "", ""},
    {"rest_failed", "services", "services"},
    {"rest_failed_at", "services", "services"},
    {"rest_party_full", "", ""},
    {"phone_is", "phone business", "phone"},
    {"rest_later", "service time end", "time"},
    {"minutes", "n", "n"},
    {"hours_n", "n", "n"},
    {"days_n", "n", "n"},
    {"length_1h", "", ""},
    {"length_h", "n", "n"},
    {"length_hm", "h m", "h m"},
    {"and_two", "a b", "a b"},
    {"date", "wday mday month", ""},
    {"price_one", "service price minutes length example", "price"},
    {"price_offered", "service price minutes length", "price"},
    {"price_all", "prices", "prices"},
    {"duration_all", "lengths", "lengths"},
    {"duration_same", "length", "length"},
    {"price_each", "service price minutes length", "price"},
    {"book_example", "example", ""},
    {"price_booked", "service price ref", "price"},
    {"duration", "service minutes length", "minutes|length"},
    {"hours_week", "hours", "hours"},
    {"hours_day", "day day_hours", "day_hours"},
    {"closed_day", "day", ""},
    {"closed_days", "days", "days"},
    {"cancelled", "service when ref business", "ref"},
    {"cancel_unknown", "ref", ""},
    {"cancel_already", "ref", ""},
    {"cancel_moved", "old_ref ref service when", "ref"},
    {"cancel_none", "", ""},
    {"cancel_none_named", "", ""},
    {"move_none", "", ""},
    {"move_none_named", "", ""},
    {"ref_short", "ref", "ref"},
    {"move_unknown", "ref", ""},
    {"move_gone", "ref", ""},
    {"which_booking", "action bookings", "bookings"},
    {"bookings", "bookings more", "bookings"},
    {"bookings_more", "n", "n"},
    {"closed_weekly", "day", "day"},
    {"list_more", "n", "n"},
    {"for_persons", "service n", "service n"},
    {"bookings_none", "", ""},
    {"help", "business services example", ""},
    {"greeting", "business services example", ""},
    {"not_understood", "example services", ""},
    {"cant_answer", "topic business", ""},
    {"cant_answer_can", "example", ""},
    {"cant_answer_sorry", "business", ""},
    {"cant_answer_call", "topic business phone", "phone"},
    {"cant_answer_sorry_call", "business phone", "phone"},
    {"address", "business address", "address"},
    {"reminder_yes", "ahead", "ahead"},
    {"reminder_no", "", ""},
    {"late_noted", "business", ""},
    {"crisis", "emergency business", "emergency"},
    {"crisis_line", "emergency line business", "emergency line"},
    {"notice_one", "service notice", "service notice"},
    {"notice_list", "list", "list"},
    {"notice_mode", "notice list", "notice list"},
    {"notice_none", "", ""},
    {"none_held_call", "phone", "phone"},
    {"opted_out", "business", ""},
    {"opted_in", "business", ""},
    {"already_in", "", ""},
    {"ack_no", "", ""},
    {"praise_thanks", "", ""},
    {"ack_no_kept", "", ""},
    {"pick_number", "n", ""},
    {"which_one", "n", ""},
    {"option_or_hour", "n time a b", ""},
    {"unbooked_offer", "service choices", ""},
    {"unbooked_ask", "service", ""},
    {"unmoved", "service", ""},
    {"list_expired", "example", ""},
    {"signature", "business", "business"},
    {"reminder", "service day time business ref", "ref"},
    {"staff_booked", "service when price ref business", "service when ref"},
    {"staff_moved", "service when old_when price ref business",
     "service when ref"},
    {"staff_cancelled", "service when ref business", "service when ref"},
    {"handoff", "business", ""},
    {"handoff_later", "when business", ""},
    {"handoff_sorry", "business", ""},
    {"handoff_sorry_later", "when business", ""},
    {"handoff_late", "business", ""},
    {"handoff_more", "business", ""},
    {"staff_forward", "code number time text business", "code text"},
    {"staff_forward_urgent", "code number time text business", "code text"},
    {"staff_sent", "code number", ""},
    {"staff_no_such", "code", ""},
    {"staff_opted_out", "code number", ""},
    {"staff_too_long", "code n max", ""},
    {"staff_empty", "code", ""},
    {"staff_unknown", "", ""},
    {"staff_help", "", ""},
    {"staff_day", "day bookings", "bookings"},
    {"staff_day_none", "day", ""},
    {"staff_waiting", "list", "list"},
    {"staff_waiting_none", "", ""},
    {"staff_blocked", "day from to id", "id"},
    {"staff_unblocked", "day from to id", ""},
    {"staff_block_usage", "", ""},
    {"staff_unblock_none", "id", ""},
    {"staff_summary", "business day count first last waiting turned_away since",
     "count"},
    {"staff_summary_none", "business day waiting turned_away since", ""},
    {"staff_summary_week", "business day count waiting turned_away since",
     "count"},
    {"rest_asked", "services", "services"},
    {"rest_with", "services", "services"},
    {"dated_booked", "service when price ref", "service when ref"},
    {"dated_free", "service day slots", "service day slots"},
    {"dated_full", "service day", "service day"},
    {"dated_closed", "service day", "day"},
    {"dated_later", "service day", "service day"},
    {"dated_far", "service day", "day"},
    {"action_cancel", "", ""},
    {"action_move", "", ""},
    {"example", "word wday hour h12", "word"},
};

const struct lang_reply_spec *lang_reply_spec(const char *name)
{
	for (size_t i = 0; i < sizeof(specs) / sizeof(specs[0]); i++)
		if (strcmp(specs[i].name, name) == 0)
			return &specs[i];
	return NULL;
}

size_t lang_reply_specs(const struct lang_reply_spec **out)
{
	*out = specs;
	return sizeof(specs) / sizeof(specs[0]);
}

/* NAME (len bytes) is one of the space-separated words of list. */
static int listed(const char *list, const char *name, size_t len)
{
	const char *p = list;
	while (*p != '\0') {
		size_t n = strcspn(p, " ");
		if (n == len && memcmp(p, name, len) == 0)
			return 1;
		p += n;
		while (*p == ' ')
			p++;
	}
	return 0;
}

static const char *longest(const char *a, const char *b)
{
	if (b == NULL)
		return a;
	return strlen(b) > strlen(a) ? b : a;
}

int lang_check_reply(const struct catalog *cat, const char *name,
		     const char *text, char *why, size_t cap)
{
	return lang_check_reply_in(cat, "", name, text, why, cap);
}

int lang_check_reply_in(const struct catalog *cat, const char *lang,
			const char *name, const char *text, char *why,
			size_t cap)
{
	const struct lang_reply_spec *spec = lang_reply_spec(name);
	char buf[2048];

	if (spec == NULL) {
		const char *near = NULL;
		int best = 3;
		for (size_t i = 0; i < sizeof(specs) / sizeof(specs[0]); i++) {
			int d = text_distance(name, specs[i].name, 2);
			if (d < best) {
				best = d;
				near = specs[i].name;
			}
		}
		if (near != NULL)
			snprintf(why, cap,
				 "no standard reply is called '%s' (did you "
				 "mean '%s'?)",
				 name, near);
		else
			snprintf(why, cap, "no standard reply is called '%s'",
				 name);
		return -1;
	}
	/* Every placeholder is one this reply fills; braces balance. */
	for (const char *p = text; *p != '\0'; p++) {
		if (*p == '}') {
			snprintf(why, cap, "'%s': '}' without '{'", name);
			return -1;
		}
		if (*p != '{')
			continue;
		const char *close = strchr(p, '}');
		const char *next = strchr(p + 1, '{');
		if (close == NULL || (next != NULL && next < close)) {
			snprintf(why, cap, "'%s': '{' without '}'", name);
			return -1;
		}
		size_t len = (size_t)(close - p - 1);
		if (!listed(spec->allowed, p + 1, len) &&
		    !(len == 4 && memcmp(p + 1, "pick", 4) == 0)) {
			snprintf(why, cap,
				 "'%s': unknown placeholder {%.*s} (this "
				 "reply fills: %s)",
				 name, (int)(len > 40 ? 40 : len), p + 1,
				 spec->allowed[0] != '\0' ? spec->allowed
							  : "none");
			return -1;
		}
		p = close;
	}
	/* Each required placeholder, or one of "a|b" */
	for (const char *r = spec->required; *r != '\0';) {
		size_t n = strcspn(r, " ");
		char want[96] = "";
		int found = 0;
		for (const char *a = r; a < r + n;) {
			size_t k = strcspn(a, "| ");
			char one[48];
			snprintf(one, sizeof(one), "{%.*s}", (int)k, a);
			found |= strstr(text, one) != NULL;
			size_t wl = strlen(want);
			snprintf(want + wl, sizeof(want) - wl, "%s%s",
				 wl ? " or " : "", one);
			a += k;
			if (*a == '|')
				a++;
		}
		if (!found) {
			snprintf(why, cap, "'%s' must keep %s", name, want);
			return -1;
		}
		r += n;
		while (*r == ' ')
			r++;
	}
	/* The longest rendering, one item per list. */
	const char *svc = "", *price = "", *thing = "", *prov = "";
	char provbuf[256] = "";
	/* Names and notes in the reply's language (names = { ... }): the
	 * plain ones for the first language. */
	const char *code = lang[0] != '\0' ? lang : NULL;
	for (size_t i = 0; cat != NULL && i < cat->n_services; i++) {
		const struct cat_service *sv = &cat->services[i];
		svc = longest(
		    svc, catalog_tr(sv->names, sv->n_names, code, sv->name));
		price = longest(price, sv->price);
	}
	for (size_t i = 0; cat != NULL && i < cat->n_topics; i++)
		thing = longest(thing, catalog_tr(cat->topics[i].names,
						  cat->topics[i].n_names, code,
						  cat->topics[i].name));
	for (size_t i = 0; cat != NULL && i < cat->n_referrals; i++) {
		char one[256];
		const struct cat_referral *r = &cat->referrals[i];
		const char *note =
		    catalog_tr(r->notes, r->n_notes, code, r->note);
		snprintf(one, sizeof(one), "%s %s (%s)", r->name, r->phone,
			 note != NULL ? note : "");
		if (strlen(one) > strlen(provbuf))
			snprintf(provbuf, sizeof(provbuf), "%s", one);
	}
	prov = provbuf;
	const char *biz =
	    cat != NULL && cat->business_name != NULL ? cat->business_name : "";
	char booking[320];
	snprintf(booking, sizeof(booking), "%s Wed 30 Sep 10:00 (ref ACDEF)",
		 svc);
	const char *one_svc[1] = {svc}, *one_prov[1] = {prov},
		   *one_slot[1] = {"Wed 30 Sep 10:00"}, *one_bk[1] = {booking};
	char priced[256];
	snprintf(priced, sizeof(priced), "%s %s", svc, price);
	const char *one_price[1] = {priced};
	struct lang_var vars[] = {
	    {.name = "service", .value = svc},
	    {.name = "when", .value = "Wed 30 Sep 10:00"},
	    {.name = "day", .value = "Wed 30 Sep"},
	    {.name = "time", .value = "10:00"},
	    {.name = "price", .value = price},
	    {.name = "minutes", .value = "120"},
	    {.name = "length", .value = "12 h 45 min"},
	    {.name = "h", .value = "12"},
	    {.name = "m", .value = "45"},
	    {.name = "ref", .value = "ACDEF"},
	    {.name = "old_ref", .value = "ACDEF"},
	    {.name = "old_when", .value = "Wed 30 Sep 10:00"},
	    {.name = "business", .value = biz},
	    {.name = "thing", .value = thing},
	    {.name = "hours",
	     .value = "Mon-Fri 09:00-18:00, Sat 09:00-13:00, Sun 10:00-16:00"},
	    {.name = "day_hours", .value = "09:00-12:30, 13:30-18:00"},
	    {.name = "example", .value = "haircut sat 10am"},
	    {.name = "notice", .value = "24 hours"},
	    {.name = "n", .value = "60"},
	    {.name = "more", .value = "99"},
	    {.name = "count", .value = "4"},
	    {.name = "total", .value = "GBP 999.99"},
	    {.name = "action", .value = "cancel"},
	    {.name = "topic", .value = "directions"},
	    {.name = "phone",
	     .value = cat != NULL && cat->business_phone != NULL
			  ? cat->business_phone
			  : "+441632960000"},
	    {.name = "address",
	     .value = cat != NULL && cat->business_address != NULL
			  ? cat->business_address
			  : "12 Harbour Street, Bristol BS1 4RN, first floor, "
			    "the blue door beside the bakery"},
	    {.name = "emergency",
	     .value = cat != NULL && cat->emergency != NULL ? cat->emergency
							    : "112"},
	    {.name = "line",
	     .value = cat != NULL && cat->crisis_line != NULL
			  ? cat->crisis_line
			  : "TelefonSeelsorge 0800 111 0 111"},
	    {.name = "a", .value = "07:00"},
	    {.name = "b", .value = "19:00"},
	    {.name = "first", .value = "07:00"},
	    {.name = "last", .value = "19:00"},
	    {.name = "waiting", .value = "999"},
	    {.name = "turned_away", .value = "9999"},
	    {.name = "since", .value = "Wed 30 Sep 09:00"},
	    {.name = "providers", .items = one_prov, .n_items = 1, .shown = 1},
	    {.name = "services", .items = one_svc, .n_items = 1, .shown = 1},
	    {.name = "slots",
	     .items = one_slot,
	     .n_items = 1,
	     .shown = 1,
	     .numbered = 1},
	    {.name = "prices", .items = one_price, .n_items = 1, .shown = 1},
	    {.name = "bookings", .items = one_bk, .n_items = 1, .shown = 1},
	};
	lang_render(text, vars, sizeof(vars) / sizeof(vars[0]), buf,
		    sizeof(buf));
	/* Without a catalog (a pack checked alone): the default. */
	int max = cat != NULL && cat->policy.max_segments >= 1
		      ? cat->policy.max_segments
		      : 2;
	int seg = lang_segments(buf);
	if (seg > max) {
		snprintf(why, cap,
			 "'%s' can take %d SMS segments at its longest, over "
			 "policy.max_segments (%d)",
			 name, seg, max);
		return -1;
	}
	return 0;
}

int lang_catalog_reply_check(const struct cat_reply *reply,
			     const struct catalog *cat, char *why, size_t cap)
{
	return lang_check_reply_in(cat, reply->lang, reply->name, reply->text,
				   why, cap) != 0;
}
