/*
 * inquiry: what a customer's text asks for. Free text from a phone ("hi do u
 * do haircuts tmrw about 10?", "cancel K7QX", "STOP", "2") becomes one intent
 * plus the services or topics it names (matched through the catalog's word
 * index, typos tolerated), the when-phrase (see when.h), a booking reference
 * and a choice number.
 *
 * Pure: no allocation, no I/O, no clock. It reads the catalog only through
 * catalog_lookup and never knows how bookings are stored; deciding what to
 * do about the inquiry is the desk's business.
 */
#ifndef SMSDESK_INQUIRY_H
#define SMSDESK_INQUIRY_H

#include "smsdesk/catalog.h"
#include "smsdesk/when.h"

#include <stddef.h>

enum inq_intent {
	INQ_UNKNOWN,
	INQ_BOOK,	 /* wants a service at some time */
	INQ_PRICE,	 /* how much */
	INQ_AVAIL,	 /* any space, when are you free */
	INQ_CANCEL,	 /* cancel (with or without a reference) */
	INQ_MOVE,	 /* change a booking to another time */
	INQ_MY_BOOKINGS, /* what have I booked */
	INQ_HELP,	 /* help, menu, what do you do */
	INQ_STOP,	 /* opt out: STOP, STOPALL, UNSUBSCRIBE, END, QUIT */
	INQ_START,	 /* opt back in: START, UNSTOP */
	INQ_YES,
	INQ_NO,
	INQ_CHOICE, /* "2": picks a numbered option */
	INQ_THANKS, /* needs no reply */
};

/* "book", "price", ... for logs and tests. */
const char *inq_intent_name(enum inq_intent intent);

#define INQ_MAX_MATCHES 4
#define INQ_REF_MAX	8

struct inquiry {
	enum inq_intent intent;
	/* Services and topics named, each once, in the order written. */
	struct cat_match matches[INQ_MAX_MATCHES];
	size_t n_matches;
	int asked_thing; /* asked for something by name that matched nothing */
	struct when_req when;
	char ref[INQ_REF_MAX]; /* upper-case booking reference, "" if none */
	int choice;	       /* 1..9 for INQ_CHOICE, else 0 */
	int wants_price;       /* asked the price too ("how much, fri 2pm?") */
	int asks_hours;	       /* "are you open sunday", "when do you close" */
};

/*
 * Read TEXT (UTF-8 as received; invalid bytes are tolerated) against CAT at
 * local time NOW. Always fills *out; never fails.
 */
void inquiry_parse(const struct catalog *cat, const char *text,
		   const struct when_local *now, struct inquiry *out);

#endif
