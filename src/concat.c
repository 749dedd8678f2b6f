/*
 * concat: reassembly table. Small and linear on purpose: a desk sees a
 * handful of open groups at a time, and max_groups bounds the scan.
 */
#include "smsdesk/concat.h"

#include <stdlib.h>
#include <string.h>

#define DEFAULT_MAX_GROUPS 64

struct part {
	int present;
	int64_t tag;
	char *text; /* owned, NUL-terminated */
	size_t len;
	/* UCS-2 parts: a surrogate the sender's phone split from its pair at
	 * the part boundary (shown as U+FFFD at that end of text), 0 none. */
	uint16_t lead_low, trail_high;
};

struct group {
	char sender[SMS_ADDR_MAX];
	int ref, total;
	int received;
	int ready;	     /* complete or evicted: waiting for concat_pop */
	int64_t first_seen;  /* `now` of the first part */
	int64_t ready_at;    /* `now` when it became ready */
	uint64_t ready_seq;  /* pop order among ready groups */
	int head_seq;	     /* seq of `head` */
	struct sms_pdu head; /* text cleared */
	struct part parts[]; /* total of them, index seq - 1 */
};

struct concat {
	struct concat_config cfg;
	struct group **groups; /* open and ready, unordered */
	size_t ngroups, cap;
	uint64_t next_ready_seq;
	/* What the last concat_pop handed out. */
	struct sms_pdu out_head;
	char *out_text;
	size_t out_text_cap;
	int64_t out_tags[SMS_MAX_SEGMENTS];
};

struct concat *concat_new(const struct concat_config *cfg)
{
	struct concat *c = calloc(1, sizeof(*c));

	if (c == NULL)
		return NULL;
	c->cfg = *cfg;
	if (c->cfg.max_groups == 0)
		c->cfg.max_groups = DEFAULT_MAX_GROUPS;
	return c;
}

static void group_free(struct group *g)
{
	int i;

	if (g == NULL)
		return;
	for (i = 0; i < g->total; i++)
		free(g->parts[i].text);
	free(g);
}

void concat_free(struct concat *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->ngroups; i++)
		group_free(c->groups[i]);
	free(c->groups);
	free(c->out_text);
	free(c);
}

size_t concat_open_groups(const struct concat *c)
{
	size_t i, n = 0;

	for (i = 0; i < c->ngroups; i++)
		n += !c->groups[i]->ready;
	return n;
}

static void mark_ready(struct concat *c, struct group *g, int64_t now)
{
	g->ready = 1;
	g->ready_at = now;
	g->ready_seq = c->next_ready_seq++;
}

static struct group *find_group(struct concat *c, const char *sender, int ref,
				int total)
{
	size_t i;

	for (i = 0; i < c->ngroups; i++) {
		struct group *g = c->groups[i];

		if (!g->ready && g->ref == ref && g->total == total &&
		    strcmp(g->sender, sender) == 0)
			return g;
	}
	return NULL;
}

/* Full: the oldest open group goes out as it is, never dropped. */
static void evict_oldest(struct concat *c, int64_t now)
{
	struct group *oldest = NULL;
	size_t i;

	for (i = 0; i < c->ngroups; i++) {
		struct group *g = c->groups[i];

		if (!g->ready &&
		    (oldest == NULL || g->first_seen < oldest->first_seen))
			oldest = g;
	}
	if (oldest != NULL)
		mark_ready(c, oldest, now);
}

static struct group *new_group(struct concat *c, const struct sms_pdu *p,
			       int ref, int total, int64_t now)
{
	struct group *g, **grown;
	size_t cap;

	if (c->ngroups == c->cap) {
		cap = c->cap ? c->cap * 2 : 8;
		grown = realloc(c->groups, cap * sizeof(*grown));
		if (grown == NULL)
			return NULL;
		c->groups = grown;
		c->cap = cap;
	}
	g = calloc(1, sizeof(*g) + (size_t)total * sizeof(struct part));
	if (g == NULL)
		return NULL;
	memcpy(g->sender, p->number, sizeof(g->sender));
	g->sender[sizeof(g->sender) - 1] = '\0';
	g->ref = ref;
	g->total = total;
	g->first_seen = now;
	g->head_seq = total + 1;
	c->groups[c->ngroups++] = g;
	return g;
}

#define FFFD "\xEF\xBF\xBD"

/* Note a lone surrogate at either end of a UCS-2 part: a pair the
 * sender's phone split between two parts is joined at delivery. */
static void split_surrogates(const struct sms_pdu *p, struct part *slot)
{
	unsigned first, last;

	slot->lead_low = 0;
	slot->trail_high = 0;
	if (p->encoding != SMS_ENC_UCS2 || p->ud_len < 2 ||
	    p->ud_len % 2 != 0 || slot->len < 3)
		return;
	first = (unsigned)p->ud[0] << 8 | p->ud[1];
	last = (unsigned)p->ud[p->ud_len - 2] << 8 | p->ud[p->ud_len - 1];
	if (first >= 0xDC00 && first <= 0xDFFF &&
	    memcmp(slot->text, FFFD, 3) == 0)
		slot->lead_low = (uint16_t)first;
	if (last >= 0xD800 && last <= 0xDBFF &&
	    memcmp(slot->text + slot->len - 3, FFFD, 3) == 0)
		slot->trail_high = (uint16_t)last;
}

int concat_add(struct concat *c, const struct sms_pdu *part, int64_t tag,
	       int64_t now)
{
	const struct sms_concat *k = &part->concat;
	int ref = 0, total = 1, seq = 1;
	struct group *g;
	struct part *slot;

	if (k->present && k->total > 1 && k->seq >= 1 && k->seq <= k->total) {
		ref = k->ref;
		total = k->total;
		seq = k->seq;
	}
	g = total > 1 ? find_group(c, part->number, ref, total) : NULL;
	if (g != NULL && g->parts[seq - 1].present)
		return CONCAT_DUPLICATE;
	if (g == NULL) {
		if (total > 1 && concat_open_groups(c) >= c->cfg.max_groups)
			evict_oldest(c, now);
		g = new_group(c, part, ref, total, now);
		if (g == NULL)
			return CONCAT_ERR_MEMORY;
	}
	slot = &g->parts[seq - 1];
	slot->text = malloc(part->text_len + 1);
	if (slot->text == NULL) {
		/* Leave no empty group behind to be delivered later. */
		if (g->received == 0) {
			c->ngroups--;
			group_free(g);
		}
		return CONCAT_ERR_MEMORY;
	}
	memcpy(slot->text, part->text, part->text_len);
	slot->text[part->text_len] = '\0';
	slot->len = part->text_len;
	split_surrogates(part, slot);
	slot->tag = tag;
	slot->present = 1;
	g->received++;
	if (seq < g->head_seq) {
		g->head = *part;
		g->head.text[0] = '\0';
		g->head.text_len = 0;
		g->head_seq = seq;
	}
	if (g->received == g->total)
		mark_ready(c, g, now);
	return CONCAT_ADDED;
}

/* The next group to hand out at `now`, or the index count for none. */
static size_t next_due(const struct concat *c, int64_t now)
{
	size_t i, best = c->ngroups;

	for (i = 0; i < c->ngroups; i++) {
		const struct group *g = c->groups[i];

		if (g->ready &&
		    (best == c->ngroups || !c->groups[best]->ready ||
		     g->ready_seq < c->groups[best]->ready_seq))
			best = i;
	}
	if (best < c->ngroups)
		return best;
	for (i = 0; i < c->ngroups; i++) {
		const struct group *g = c->groups[i];

		/* Subtract, so now = INT64_MAX cannot overflow. */
		if (now - g->first_seen >= c->cfg.expiry &&
		    (best == c->ngroups ||
		     g->first_seen < c->groups[best]->first_seen))
			best = i;
	}
	return best;
}

static int build_output(struct concat *c, const struct group *g,
			struct concat_message *out)
{
	size_t need = 1, pos = 0;
	int i, n = 0, joined = 0;
	char *grown;

	for (i = 0; i < g->total; i++)
		need += g->parts[i].len;
	if (need > c->out_text_cap) {
		grown = realloc(c->out_text, need);
		if (grown == NULL)
			return CONCAT_ERR_MEMORY;
		c->out_text = grown;
		c->out_text_cap = need;
	}
	for (i = 0; i < g->total; i++) {
		const struct part *p = &g->parts[i], *next;
		const char *t = p->text;
		size_t len = p->len;
		uint32_t cp;

		if (!p->present)
			continue;
		if (joined) {
			t += 3; /* its U+FFFD went into the pair */
			len -= 3;
			joined = 0;
		}
		next = i + 1 < g->total ? &g->parts[i + 1] : NULL;
		if (p->trail_high != 0 && next != NULL && next->present &&
		    next->lead_low != 0 && len >= 3)
			joined = 1;
		memcpy(c->out_text + pos, t, len - (joined ? 3 : 0));
		pos += len - (joined ? 3 : 0);
		if (joined) {
			/* Four bytes replace the six of two U+FFFD. */
			cp = 0x10000 +
			     (((uint32_t)p->trail_high - 0xD800) << 10) +
			     ((uint32_t)next->lead_low - 0xDC00);
			gsm7_utf8_put(cp, c->out_text, c->out_text_cap, &pos);
		}
		c->out_tags[n++] = p->tag;
	}
	c->out_text[pos] = '\0';
	c->out_head = g->head;
	out->head = &c->out_head;
	out->text = c->out_text;
	out->text_len = pos;
	out->total = g->total;
	out->received = g->received;
	out->incomplete = g->received < g->total;
	out->tags = c->out_tags;
	return 0;
}

int concat_pop(struct concat *c, int64_t now, struct concat_message *out)
{
	size_t i = next_due(c, now);

	if (i == c->ngroups)
		return 0;
	/* Out of memory for the joined text: keep the group for later. */
	if (build_output(c, c->groups[i], out) != 0)
		return 0;
	group_free(c->groups[i]);
	c->groups[i] = c->groups[--c->ngroups];
	return 1;
}

int64_t concat_next_deadline(const struct concat *c)
{
	int64_t best = -1, t;
	size_t i;

	for (i = 0; i < c->ngroups; i++) {
		const struct group *g = c->groups[i];

		t = g->ready ? g->ready_at : g->first_seen + c->cfg.expiry;
		if (best < 0 || t < best)
			best = t;
	}
	return best;
}
