/*
 * desk: the store as the desk's narrow interface (struct desk_io), and the
 * two calls that use the store directly (desk_answer, desk_reminders_due).
 * Only this part of the desk links the store: the rest runs on any
 * desk_io, so its rules are tested without sqlite.
 */
#include "desk_int.h"

#include "smsdesk/store.h"

#include <stdio.h>
#include <string.h>

static int io_opted_out(void *ctx, const char *number)
{
	return store_is_opted_out(ctx, number, NULL);
}

static int io_optout_set(void *ctx, const char *number, int64_t now)
{
	return store_optout_set(ctx, number, now);
}

static int io_optout_clear(void *ctx, const char *number)
{
	return store_optout_clear(ctx, number);
}

static int io_replies_since(void *ctx, const char *to, int64_t since,
			    int64_t *count)
{
	return store_replies_since(ctx, to, since, count);
}

static int io_conv_get(void *ctx, const char *sender, int64_t now,
		       struct store_conv *out)
{
	return store_conv_get(ctx, sender, now, out);
}

static int io_conv_set(void *ctx, const char *sender, const char *kind,
		       const char *state, int64_t expires_at, int64_t now)
{
	return store_conv_set(ctx, sender, kind, state, expires_at, now);
}

static int io_conv_clear(void *ctx, const char *sender)
{
	return store_conv_clear(ctx, sender);
}

static int io_lang_get(void *ctx, const char *sender, char *out, size_t cap)
{
	return store_conv_lang(ctx, sender, out, cap);
}

static int io_lang_set(void *ctx, const char *sender, const char *lang,
		       int64_t now)
{
	return store_conv_lang_set(ctx, sender, lang, now);
}

static int io_upcoming(void *ctx, const char *customer, int64_t from,
		       struct store_booking_list *out)
{
	return store_bookings_upcoming(ctx, customer, from, out);
}

static int io_between(void *ctx, int64_t from, int64_t to,
		      struct store_booking_list *out)
{
	/* Bookings and the staff's blocks: has_place counts both. */
	return store_slots_between(ctx, from, to, out);
}

static int io_find(void *ctx, const char *ref, const char *customer,
		   struct store_booking *out)
{
	return store_booking_find(ctx, ref, customer, out);
}

static int io_create(void *ctx, const char *service, int64_t start, int minutes,
		     int capacity, const char *customer, int64_t now, char *ref)
{
	return store_booking_create(ctx, service, start, minutes, capacity,
				    customer, now, ref, NULL);
}

static int io_cancel(void *ctx, const char *ref, const char *customer,
		     int64_t now, struct store_booking *out)
{
	return store_booking_cancel(ctx, ref, customer, now, out);
}

static int io_set_moved(void *ctx, const char *old_ref, const char *new_ref)
{
	return store_booking_set_moved(ctx, old_ref, new_ref);
}

static int io_moved_to(void *ctx, const char *old_ref, const char *customer,
		       char *new_ref)
{
	return store_booking_moved_to(ctx, old_ref, customer, new_ref);
}

static int io_referral_rank(void *ctx, const char *const *names, size_t n,
			    size_t *order)
{
	return store_referral_rank(ctx, names, n, order);
}

static int io_ledger_add(void *ctx, const char *sender, const char *requested,
			 enum store_reason reason, const char *const *referrals,
			 size_t n, int64_t now)
{
	return store_ledger_add(ctx, sender, requested, reason, referrals, n,
				now, NULL);
}

void desk_io_store(struct store *st, struct desk_io *io)
{
	*io = (struct desk_io){
	    .ctx = st,
	    .opted_out = io_opted_out,
	    .optout_set = io_optout_set,
	    .optout_clear = io_optout_clear,
	    .replies_since = io_replies_since,
	    .conv_get = io_conv_get,
	    .conv_set = io_conv_set,
	    .conv_clear = io_conv_clear,
	    .upcoming = io_upcoming,
	    .between = io_between,
	    .find = io_find,
	    .create = io_create,
	    .cancel = io_cancel,
	    .set_moved = io_set_moved,
	    .moved_to = io_moved_to,
	    .referral_rank = io_referral_rank,
	    .ledger_add = io_ledger_add,
	    .lang_get = io_lang_get,
	    .lang_set = io_lang_set,
	};
}

int desk_answer(const struct catalog *cat, struct store *st, const char *sender,
		const char *text, int64_t now, struct desk_result *out)
{
	struct desk_io io;
	desk_io_store(st, &io);
	return desk_answer_io(cat, &io, sender, text, now, out);
}

/* ---- reminders -------------------------------------------------------------
 */

int desk_reminders_due(const struct catalog *cat, struct store *st, int64_t now,
		       struct desk_reminder *out, size_t cap)
{
	static struct ctx c;
	static struct desk_result scratch;
	struct store_booking_list bl;
	int64_t lead = (int64_t)cat->policy.reminder_hours * 3600;
	size_t n = 0;
	int rc;

	if (lead <= 0)
		return 0;
	rc = store_bookings_due_reminder(st, now, lead, &bl);
	if (rc < 0)
		return rc;
	if (when_zone_of(cat) == NULL) {
		store_booking_list_free(&bl);
		return STORE_ERR_ARG;
	}
	memset(&c, 0, sizeof(c));
	c.cat = cat;
	c.pack = lang_of_business(cat);
	c.out = &scratch;
	c.item = -1;
	for (size_t i = 0; i < bl.n && n < cap; i++) {
		const struct store_booking *b = &bl.v[i];
		rc = store_booking_mark_reminded(st, b->id, now);
		if (rc < 0)
			break;
		int opted = store_is_opted_out(st, b->customer, NULL);
		if (opted < 0) {
			rc = opted;
			break;
		}
		if (opted == 1 || !desk_can_reply(b->customer))
			continue;
		/* In the language the customer wrote in, when we still
		 * answer in it. */
		char code[8];
		rc = store_conv_lang(st, b->customer, code, sizeof(code));
		if (rc < 0)
			break;
		c.pack = lang_of_business(cat);
		for (size_t k = 0; code[0] != '\0' && k < cat->n_languages; k++)
			if (strcmp(cat->languages[k], code) == 0)
				c.pack = lang_pack_for(code);
		struct when_local l = local_of(&c, b->start);
		const struct cat_service *svc =
		    catalog_service(cat, b->service);
		c.pool_used = 0;
		c.n_ptrs = 0;
		struct lang_var v[] = {
		    {.name = "service",
		     .value = svc != NULL ? svc_name(&c, svc) : b->service},
		    {.name = "day", .value = fmt_day(&c, &l.day)},
		    {.name = "time", .value = fmt_hhmm(&c, l.minute)},
		    {.name = "business", .value = biz(&c)},
		    {.name = "ref", .value = b->ref},
		};
		out[n].booking_id = b->id;
		snprintf(out[n].to, sizeof(out[n].to), "%s", b->customer);
		lang_render(tpl_text(&c, "reminder"), v, 5, out[n].text,
			    sizeof(out[n].text));
		n++;
		rc = 0;
	}
	store_booking_list_free(&bl);
	return rc < 0 ? rc : (int)n;
}
