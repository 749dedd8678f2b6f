/*
 * staffbook: the book as the staff keep it — what `smsdesk book`, `move`,
 * `cancel` and `block` share. Reads the staff's times ("2026-03-03T10:00",
 * "2026-03-03 10:00", local business time), checks a time against the
 * catalog (the day is open, the time is on the service's slot grid and
 * inside opening hours) and words the texts a customer gets when staff
 * book, move or cancel for them, in the business's wording (the catalog's
 * `replies`, else the language pack of its first language), and queues
 * them through the outbox — never to a number that opted out.
 *
 * It never reads the clock (now is passed in) and prints nothing; the
 * command-line files print what it returns. Capacity is the store's:
 * store_booking_create_staff and store_booking_move check it inside their
 * transactions, blocks included.
 */
#ifndef SMSDESK_STAFFBOOK_H
#define SMSDESK_STAFFBOOK_H

#include <stddef.h>
#include <stdint.h>

struct catalog;
struct cat_service;
struct store;
struct store_booking;

/*
 * TIME as staff write it: "YYYY-MM-DDTHH:MM" or "YYYY-MM-DD HH:MM", local
 * time in the catalog's zone, into UTC epoch seconds. 0, or -1 when it is
 * not such a time or not a real day.
 */
int staffbook_parse_time(const struct catalog *cat, const char *s,
			 int64_t *out);

/* A day as staff write it ("YYYY-MM-DD"): its local midnight and the next
 * one, in UTC. 0 or -1. */
int staffbook_parse_day(const struct catalog *cat, const char *s, int64_t *from,
			int64_t *to);

/*
 * Is T a time the desk itself could book svc at: the day is open, T starts
 * a slot of the service's grid and the slot ends by closing time. 0 when
 * it is; else -1 with a sentence for the staff in why ("the shop is closed
 * on Sun 1 Mar 2026", "10:10 is not a slot start for Haircut (every 30
 * minutes from opening); nearest: 10:00, 10:30").
 */
int staffbook_check_slot(const struct catalog *cat,
			 const struct cat_service *svc, int64_t t, char *why,
			 size_t cap);

/* "Tue 3 Mar 2026 10:00" (with_day) or "10:00" for staff, local time. */
void staffbook_when(const struct catalog *cat, int64_t t, int with_day,
		    char *out, size_t cap);

/* The texts staff actions send a customer. */
enum staffbook_text {
	STAFFBOOK_BOOKED,    /* "staff_booked": the promise */
	STAFFBOOK_MOVED,     /* "staff_moved": what changed, the new time */
	STAFFBOOK_CANCELLED, /* "staff_cancelled" */
};

/*
 * Word the text of kind about booking b (old_start: the time before a
 * move, else ignored) into out, within policy.max_segments. Returns the
 * length, or -1 when the service is no longer in the catalog.
 */
int staffbook_text(const struct catalog *cat, enum staffbook_text kind,
		   const struct store_booking *b, int64_t old_start, char *out,
		   size_t cap);
/* The same in language LANG (ISO 639-1; NULL, "" or one the business does
 * not answer in: its first language). */
int staffbook_text_in(const struct catalog *cat, const char *lang,
		      enum staffbook_text kind, const struct store_booking *b,
		      int64_t old_start, char *out, size_t cap);
/* The same in the language the customer last wrote in (store_conv_lang
 * of b->customer in ST), else the business's first. */
int staffbook_text_for(struct store *st, const struct catalog *cat,
		       enum staffbook_text kind, const struct store_booking *b,
		       int64_t old_start, char *out, size_t cap);

/* What became of a text to the customer. */
enum staffbook_sent {
	STAFFBOOK_QUEUED,     /* queued; the daemon sends it */
	STAFFBOOK_NO_NUMBER,  /* no number to text */
	STAFFBOOK_OPTED_OUT,  /* the number texted STOP: nothing queued */
	STAFFBOOK_NOT_WANTED, /* the staff said --no-text */
};

/*
 * Queue text to `to` (E.164, or "" for none) as a staff text, inside the
 * caller's transaction when one is open, unless the number opted out.
 * Returns the enum staffbook_sent (>= 0) with *msg_id set when queued, or
 * a negative enum store_err with a sentence in err.
 */
int staffbook_notify(struct store *st, const struct catalog *cat,
		     const char *to, const char *text, int64_t now,
		     int64_t *msg_id, char *err, size_t errlen);

/*
 * A number as staff typed it ("07700 900123", "+44 7700 900123") into
 * E.164 with the business's country (phone_to_e164): 0, or -1 with a
 * sentence in why.
 */
int staffbook_number(const struct catalog *cat, const char *typed, char *out,
		     size_t cap, char *why, size_t whycap);

#endif
