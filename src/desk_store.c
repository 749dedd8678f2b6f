/* desk: the store as the desk's narrow interface (struct desk_io). */
#include "smsdesk/desk.h"

#include "smsdesk/store.h"

static int opted_out(void *ctx, const char *number)
{
	return store_is_opted_out(ctx, number, NULL);
}

static int optout_set(void *ctx, const char *number, int64_t now)
{
	return store_optout_set(ctx, number, now);
}

static int optout_clear(void *ctx, const char *number)
{
	return store_optout_clear(ctx, number);
}

static int replies_since(void *ctx, const char *to, int64_t since,
			 int64_t *count)
{
	return store_replies_since(ctx, to, since, count);
}

static int conv_get(void *ctx, const char *sender, int64_t now,
		    struct store_conv *out)
{
	return store_conv_get(ctx, sender, now, out);
}

static int conv_set(void *ctx, const char *sender, const char *kind,
		    const char *state, int64_t expires_at, int64_t now)
{
	return store_conv_set(ctx, sender, kind, state, expires_at, now);
}

static int conv_clear(void *ctx, const char *sender)
{
	return store_conv_clear(ctx, sender);
}

static int upcoming(void *ctx, const char *customer, int64_t from,
		    struct store_booking_list *out)
{
	return store_bookings_upcoming(ctx, customer, from, out);
}

static int between(void *ctx, int64_t from, int64_t to,
		   struct store_booking_list *out)
{
	/* Bookings and the staff's blocks: has_place counts both. */
	return store_slots_between(ctx, from, to, out);
}

static int find(void *ctx, const char *ref, const char *customer,
		struct store_booking *out)
{
	return store_booking_find(ctx, ref, customer, out);
}

static int create(void *ctx, const char *service, int64_t start, int minutes,
		  int capacity, const char *customer, int64_t now, char *ref)
{
	return store_booking_create(ctx, service, start, minutes, capacity,
				    customer, now, ref, NULL);
}

static int cancel(void *ctx, const char *ref, const char *customer, int64_t now,
		  struct store_booking *out)
{
	return store_booking_cancel(ctx, ref, customer, now, out);
}

static int set_moved(void *ctx, const char *old_ref, const char *new_ref)
{
	return store_booking_set_moved(ctx, old_ref, new_ref);
}

static int moved_to(void *ctx, const char *old_ref, const char *customer,
		    char *new_ref)
{
	return store_booking_moved_to(ctx, old_ref, customer, new_ref);
}

static int referral_rank(void *ctx, const char *const *names, size_t n,
			 size_t *order)
{
	return store_referral_rank(ctx, names, n, order);
}

static int ledger_add(void *ctx, const char *sender, const char *requested,
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
	    .opted_out = opted_out,
	    .optout_set = optout_set,
	    .optout_clear = optout_clear,
	    .replies_since = replies_since,
	    .conv_get = conv_get,
	    .conv_set = conv_set,
	    .conv_clear = conv_clear,
	    .upcoming = upcoming,
	    .between = between,
	    .find = find,
	    .create = create,
	    .cancel = cancel,
	    .set_moved = set_moved,
	    .moved_to = moved_to,
	    .referral_rank = referral_rank,
	    .ledger_add = ledger_add,
	};
}
