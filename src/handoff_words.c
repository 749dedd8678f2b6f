/*
 * handoff_words: the wording of what the handoff sends — to customers ("a
 * person will text you back") and to staff (forwards, confirmations, the
 * SMS commands' answers) — from the business's `replies`, else its
 * language pack; the times and days they show; and queueing a text.
 */
#include "handoff_int.h"

#include "smsdesk/catalog.h"
#include "smsdesk/gsm7.h"
#include "smsdesk/outbox.h"
#include "smsdesk/when.h"

#include <stdio.h>
#include <string.h>

/* LANG's pack when the business answers in it, else its first language's. */
static const struct lang_pack *pack_in(const struct catalog *cat,
				       const char *lang)
{
	const struct lang_pack *pack = NULL;

	for (size_t i = 0; lang != NULL && i < cat->n_languages; i++)
		if (strcmp(cat->languages[i], lang) == 0)
			pack = lang_pack_for(lang);
	if (pack == NULL && cat->n_languages > 0)
		pack = lang_pack_for(cat->languages[0]);
	return pack != NULL ? pack : lang_default();
}

static const struct lang_pack *pack_of(const struct catalog *cat)
{
	return pack_in(cat, NULL);
}

const char *hw_wording(const struct catalog *cat, const char *name)
{
	return hw_wording_in(cat, name, NULL);
}

const char *hw_wording_in(const struct catalog *cat, const char *name,
			  const char *lang)
{
	const struct lang_pack *pack = pack_in(cat, lang);
	const char *t;

	if ((t = catalog_reply(cat, name, pack->code)) != NULL)
		return t;
	t = lang_template(pack, name);
	if (t == NULL)
		t = lang_template(lang_default(), name);
	return t != NULL ? t : "";
}

/* Cut the value of var to its last whole word before `keep` bytes, with
 * "..." after it, in buf. 0, or -1 when it cannot get shorter. */
static int shorten(struct lang_var *var, char *buf, size_t cap)
{
	size_t len = strlen(var->value);
	size_t keep = len > 24 ? len - len / 8 - 4 : 0;

	if (keep < 16)
		return -1;
	while (keep > 0 && var->value[keep] != ' ')
		keep--;
	if (keep < 12)
		keep = len - len / 8 - 4; /* one long word: cut inside it */
	/* never inside a UTF-8 sequence */
	while (keep > 0 && ((unsigned char)var->value[keep] & 0xC0) == 0x80)
		keep--;
	if (keep + 4 > cap)
		keep = cap - 4;
	memmove(buf, var->value, keep);
	memcpy(buf + keep, "...", 4);
	var->value = buf;
	return 0;
}

int hw_render(const struct catalog *cat, const char *name,
	      struct lang_var *vars, size_t n_vars, const char *shrink, int max,
	      char *out, size_t cap)
{
	return hw_render_in(cat, NULL, name, vars, n_vars, shrink, max, out,
			    cap);
}

int hw_render_in(const struct catalog *cat, const char *lang, const char *name,
		 struct lang_var *vars, size_t n_vars, const char *shrink,
		 int max, char *out, size_t cap)
{
	const char *tpl = hw_wording_in(cat, name, lang);
	struct lang_var *sv = NULL;
	char buf[2][1024];
	int segs, which = 0;

	for (size_t i = 0; shrink != NULL && i < n_vars; i++)
		if (strcmp(vars[i].name, shrink) == 0 && vars[i].value != NULL)
			sv = &vars[i];
	lang_render(tpl, vars, n_vars, out, cap);
	segs = lang_segments(out);
	while (segs > max && sv != NULL &&
	       shorten(sv, buf[which], sizeof(buf[which])) == 0) {
		which ^= 1;
		lang_render(tpl, vars, n_vars, out, cap);
		segs = lang_segments(out);
	}
	if (segs > max)
		segs = lang_trim_words(out, cap, max);
	return segs;
}

void hw_time(const struct catalog *cat, int64_t t, int64_t now, char *out,
	     size_t cap)
{
	hw_time_in(cat, NULL, t, now, out, cap);
}

void hw_time_in(const struct catalog *cat, const char *lang, int64_t t,
		int64_t now, char *out, size_t cap)
{
	const struct civil_zone *z = when_zone_of(cat);
	struct when_local l, n;

	if (z == NULL) {
		snprintf(out, cap, "?");
		return;
	}
	when_local_in(z, t, &l);
	when_local_in(z, now, &n);
	const struct lang_pack *pack = pack_in(cat, lang);
	char hm[16];
	lang_fmt_time(pack, l.minute, hm, sizeof(hm));
	if (when_day_cmp(&l.day, &n.day) == 0)
		snprintf(out, cap, "%s", hm);
	else
		snprintf(out, cap, "%s %s", pack->wday_abbr[l.day.wday % 7],
			 hm);
}

void hw_day(const struct catalog *cat, int64_t t, char *out, size_t cap)
{
	const struct civil_zone *z = when_zone_of(cat);
	const struct lang_pack *pack = pack_of(cat);
	struct when_local l;
	char mday[8];

	if (z == NULL) {
		snprintf(out, cap, "?");
		return;
	}
	when_local_in(z, t, &l);
	snprintf(mday, sizeof(mday), "%d", l.day.mday);
	struct lang_var v[] = {
	    {.name = "wday", .value = pack->wday_abbr[l.day.wday % 7]},
	    {.name = "mday", .value = mday},
	    {.name = "month",
	     .value = pack->month_abbr[(l.day.month + 11) % 12]},
	};
	lang_render(hw_wording(cat, "date"), v, 3, out, cap);
}

int hw_queue(struct store *st, const struct catalog *cat, const char *to,
	     const char *text, enum store_origin origin, int64_t inbox_id,
	     int max, int64_t now, unsigned flags, int64_t *msg_id)
{
	char err[160];
	int64_t id = 0;
	struct outbox_text t = {
	    .to = to,
	    .country = cat->country,
	    .text = text,
	    .origin = origin,
	    .inbox_id = inbox_id,
	    .max_segments = max,
	    .expires_at = now + (int64_t)cat->policy.reply_expiry_minutes * 60,
	    .national_shift = cat->policy.national_shift,
	    /* a staff answer may be queued by `smsdesk reply` for a daemon
	     * whose clock is pinned (see cmd_send): due at once */
	    .due_at = origin == STORE_ORIGIN_STAFF ? STORE_DUE_AT_ONCE : 0};
	int rc = outbox_queue(st, &t, now, &id, err, sizeof(err));

	if (rc >= 0 && (flags & HANDOFF_NEVER_SEND))
		rc = store_outbox_withdraw(st, id, "smsdesk try: never sent",
					   now);
	if (rc >= 0 && msg_id != NULL)
		*msg_id = id;
	return rc < 0 ? rc : STORE_OK;
}
