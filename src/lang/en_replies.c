/*
 * The English pack's replies: every message the desk sends, as a template
 * with named placeholders (lang.h lists which each fills), and the pack
 * itself. A business may reword any of them in its catalog (`replies`).
 */
#include "smsdesk/lang.h"

#include "lang_packs.h"

static const struct lang_tpl tpls[] = {
    /* the promise (manners 3): service, local day and time, price, ref,
     * how to cancel */
    {"ref_short", "ref {ref}"},
    {"booked", "Booked: {service}, {when}, {price}. Ref {ref}. To cancel "
	       "text CANCEL {ref}."},
    {"booked_many", "Booked {count}: {bookings}. Total {total}. To cancel "
		    "text CANCEL and a ref."},
    {"booked_many_plain", "Booked {count}: {bookings}. To cancel text "
			  "CANCEL and a ref."},
    {"moved_many", "Moved {count}: {bookings}. The old ones are cancelled. "
		   "To cancel text CANCEL and a ref."},
    {"moved", "Moved: {service} is now {when}, {price}. New ref {ref} "
	      "({old_ref} is cancelled). To cancel text CANCEL {ref}."},
    {"already_booked", "You're already booked: {service}, {when}. Ref "
		       "{ref}."},
    {"offer", "Free: {slots}. Reply {pick} to book."},
    {"with_booking", "To go with your {service} {when} (ref {ref}):"},
    {"offer_day", "{service} on {day}? Free: {slots}. Reply {pick} to "
		  "book."},
    {"offer_window", "{service} on {day}. Free: {slots}. Reply {pick} to "
		     "book."},
    {"offer_earliest", "Earliest for {service}: {slots}. Reply {pick} to "
		       "book."},
    {"offer_range", "{service}, free: {slots}. Reply {pick} to book."},
    {"offer_one", "{service} {when} is free. Reply 1 to book it."},
    {"ask_day_at", "Which day would you like {service} at {time}? We're "
		   "open {hours}."},
    {"ask_service", "Which service would you like? We do: {services}. "
		    "Reply with a number."},
    {"ask_service_brief", "Which service would you like then?"},
    {"ask_trade", "Happy to help. What do you need? We do: {services}. "
		  "Reply with a number."},
    {"ask_day_priced", "{service}: {length}, {price}. Which day suits "
		       "you? We're open {hours}."},
    {"ask_day", "Which day suits you for {service}? We're open {hours}."},
    {"ask_day_unsure", "Sorry, I'm not sure which day you mean. Which day "
		       "suits you for {service}? We're open {hours}."},
    {"ask_day_bad", "Sorry, I couldn't find that date. Which day suits you "
		    "for {service}? We're open {hours}."},
    {"ask_day_ambiguous", "Sorry, I'm not sure which date you mean. Which "
			  "day suits you for {service}? We're open {hours}."},
    {"ask_day_passed", "Sorry, that date has passed. Which day suits you "
		       "for {service}? We're open {hours}."},
    {"ask_time", "What time on {day}? We're open {day_hours}."},
    {"ask_time_either", "What time on {day}: {a} or {b}? We're open "
			"{day_hours}."},
    /* the honest no (manners 4) */
    {"not_offered", "Sorry, we don't do {thing}. Try {providers}."},
    {"not_offered_ours", "Sorry, we don't do {thing}. We do: {services}."},
    {"not_offered_brief",
     "Sorry, we don't offer the other thing you asked about."},
    {"not_offered_unknown", "Sorry, we don't do {thing}. We do: "
			    "{services}. Reply with a number to book one."},
    {"no_closed", "Sorry, we're closed on {day}."},
    {"no_full", "Sorry, {service} is fully booked on {day}."},
    {"no_notice", "Sorry, {service} needs {notice} notice, so nothing is "
		  "left on {day}."},
    {"no_horizon", "Sorry, we take bookings only up to {n} days ahead."},
    {"no_nobody", "No one we know can fit it in either, sorry."},
    {"taken", "Sorry, {day} {time} is taken."},
    {"too_soon", "Sorry, {service} needs {notice} notice, so {day} {time} "
		 "is too soon."},
    {"time_passed", "Sorry, {time} today has passed."},
    {"off_grid", "{service} starts every {minutes} min; nearest to {time} "
		 "on {day}."},
    {"outside_hours", "Sorry, on {day} we're open {day_hours}."},
    {"last_start", "Sorry, the last {service} on {day} starts at {time}."},
    {"window_full", "Sorry, nothing free for {service} then on {day}."},
    {"elsewhere", "Or try {providers}."},
    {"our_next", "Our next free: {slots}. Reply {pick} to book."},
    {"try", "Try {providers}."},
    /* "do you do X?": a yes, what it costs and takes, the day */
    {"price_offered", "Yes, we do {service}: {price}, {length}. Which "
		      "day suits you?"},
    {"price_one", "{service} is {price} ({length}). Text a day and "
		  "time to book, e.g. {example}."},
    /* several services asked about at once: each, then one hint */
    {"price_each", "{service} is {price} ({length})."},
    {"book_example", "Text a day and time to book, e.g. {example}."},
    {"price_all", "Prices: {prices}."},
    {"duration_all", "How long each takes: {lengths}."},
    {"duration_same", "Each of our appointments takes {length}."},
    {"price_booked", "{service} is {price}."},
    {"duration", "{service} takes about {length}."},
    {"hours_week", "We're open {hours}."},
    {"hours_day", "On {day} we're open {day_hours}."},
    {"closed_weekly", "We're closed on {day}."},
    {"closed_day", "We're closed on {day}."},
    {"closed_days", "We're closed on {days}."},
    {"book_hint", "Text a service, day and time to book."},
    {"cancelled", "Cancelled: {service}, {when} (ref {ref}). Hope to see "
		  "you another time."},
    {"cancel_unknown", "Sorry, we can't find booking {ref} for this number. "
		       "Text MY BOOKINGS to see yours."},
    {"cancel_already", "Booking {ref} is already cancelled."},
    {"cancel_moved", "Booking {old_ref} was moved: it is now {ref}, "
		     "{service} {when}. To cancel that text CANCEL {ref}."},
    {"cancel_none_named",
     "I can't find an upcoming booking on this number to cancel."},
    {"cancel_none",
     "I can't find an upcoming booking on this number to cancel."},
    {"move_none_named", "You have no upcoming bookings on this number to "
			"move."},
    {"move_none", "I can't find an upcoming booking on this number to move. "
		  "Text a service, day and time to book."},
    {"move_unknown", "Sorry, we can't find an upcoming booking {ref} for "
		     "this number."},
    {"move_gone", "Sorry, we no longer offer that service. Text CANCEL "
		  "{ref} to cancel it."},
    {"which_booking", "Which booking shall we {action}? {bookings} Reply "
		      "with its number."},
    {"bookings", "Your bookings: {bookings}. To cancel text CANCEL and the "
		 "ref."},
    {"bookings_more", "And {n} more."},
    {"for_persons", "{service} for {n}"},
    {"list_more", " and {n} more"},
    {"bookings_total", "Your bookings: {bookings}. Total {total}."},
    {"bookings_none", "I can't find an upcoming booking on this number."},
    {"help", "{business}: {services}. Text e.g. {example}. CANCEL to "
	     "cancel, STOP to opt out."},
    {"greeting", "Hi! This is {business}. We do {services}. Text e.g. "
		 "{example} to book."},
    {"not_understood", "Sorry, I didn't catch that. Text e.g. {example} to "
		       "book, PRICES, or HELP."},
    {"cant_answer", "Sorry, I can't answer questions about {topic} by "
		    "text."},
    {"cant_answer_sorry",
     "Sorry to hear that. I can't sort this out by text: please call "
     "or drop in and someone will help."},
    {"cant_answer_call",
     "For {topic}, please call us on {phone}: we'll be glad to help."},
    {"cant_answer_sorry_call",
     "Sorry to hear that. I can't sort this out by text: please call us on "
     "{phone} and someone will help."},
    {"none_held_call",
     "If you booked from another number, please call us on {phone}."},
    {"address", "You'll find us at {address}."},
    {"reminder_yes",
     "Yes: we text you a reminder {ahead} before each booking."},
    {"reminder_no", "We don't send reminders by text: the time is in your "
		    "booking's confirmation."},
    /* running late (LANG_NT_LATE): no handoff configured */
    {"late_noted", "Thanks for letting us know. See you soon!"},
    {"crisis", "I'm so sorry you are going through this. If you are in "
	       "danger now, please call {emergency} straight away."},
    {"crisis_line", "I'm so sorry you are going through this. If you are "
		    "in danger now, please call {emergency} straight away. "
		    "You can also talk to someone at any hour: {line}."},
    {"notice_one", "{service}: please book at least {notice} ahead."},
    {"notice_mode", "Please book at least {notice} ahead; except: {list}."},
    {"notice_list", "Please book at least this far ahead: {list}."},
    {"notice_none",
     "No notice needed: any free time can be booked, even today."},
    {"cant_answer_can", "I can book, move or cancel appointments and tell "
			"you prices and hours: text e.g. {example}."},
    {"opted_out", "You've opted out: no more texts from us. Text START to "
		  "opt back in."},
    {"opted_in", "You're back on: we'll answer your texts again. Text STOP "
		 "to opt out."},
    {"already_in", "You're already getting our texts. Text HELP for "
		   "options."},
    {"ack_no_kept",
     "No problem, nothing changed: your booking stays as it is. Text us "
     "any time."},
    {"praise_thanks", "Thank you, that's lovely to hear!"},
    /* a party booked one by one: the next person's times follow */
    {"rest_party_full", "No room for the other person at that time."},
    {"phone_is", "You can call us on {phone}."},
    {"ack_no", "No problem, nothing booked. Text us any time."},
    {"pick_number", "Please reply with a number from 1 to {n}."},
    {"which_one", "Which one? Reply with its number (1-{n})."},
    {"option_or_hour",
     "Option {n} is {time} and {a} is option {b}: reply {n} or {b}."},
    {"unbooked_offer", "{service} isn't booked yet. Reply {choices} to "
		       "book one of those times."},
    {"unbooked_ask", "{service} isn't booked yet. Text a day and "
		     "time to book it."},
    {"unmoved", "Nothing has changed yet: your {service} stays as "
		"booked."},
    {"list_expired", "Sorry, that list has expired. Text e.g. {example} to "
		     "book, or HELP."},
    {"signature", "{business}"},
    {"reminder", "Reminder: {service}, {day} {time} at {business}. Ref "
		 "{ref}. Can't make it? Text CANCEL {ref}."},
    /* texts the staff's commands send (smsdesk book, move, cancel) */
    {"staff_booked", "{business}: booked {service}, {when}, {price}. Ref "
		     "{ref}. To cancel text CANCEL {ref}."},
    {"staff_moved", "{business}: your {service} is now {when} (was "
		    "{old_when}). Ref {ref} is unchanged. Can't make it? Text "
		    "CANCEL {ref}."},
    {"staff_cancelled", "{business}: your {service} on {when} (ref {ref}) "
			"is cancelled. Text us any time to book again."},
    /* a text handed to a person (handoff.c): what the customer hears,
     * the forward to the staff phones, and the answers to a staff phone's
     * text. Staff texts name the customer's number in full: the staff
     * need it to call back. */
    {"handoff", "I've passed your message to the team; someone will text "
		"you back soon."},
    {"handoff_later", "I've passed your message to the team; someone will "
		      "text you back when we open ({when})."},
    {"handoff_sorry",
     "Sorry to hear that. I've passed your message to the team; "
     "someone will text you back soon."},
    {"handoff_sorry_later",
     "Sorry to hear that. I've passed your message to the "
     "team; someone will text you back when we open "
     "({when})."},
    /* running late, told to the team: thanks, never sorry */
    {"handoff_late",
     "Thanks for letting us know: I've told the team. See you soon!"},
    /* a further question while a person has the first: told so */
    {"handoff_more", "Noted: I've added this to your message for the team."},
    {"staff_forward", "{code} {number} at {time}: \"{text}\" Reply {code} + "
		      "your answer."},
    {"staff_forward_urgent", "URGENT, a possible crisis: {code} {number} "
			     "at {time}: \"{text}\" Reply {code} + your "
			     "answer."},
    {"staff_sent", "Sent to {number} ({code})."},
    {"staff_no_such", "Nothing sent: no text {code} waits for an answer."},
    {"staff_opted_out", "Nothing sent: {number} ({code}) has opted out "
			"(texted STOP)."},
    {"staff_too_long", "Nothing sent: that is {n} texts long, the most is "
		       "{max}. Shorten it and send it again."},
    {"staff_empty", "Nothing sent: write your answer after {code}."},
    {"staff_unknown", "Not understood. To answer a customer, text their "
		      "code and your answer, e.g. #K7 See you at 3."},
    {"staff_help", "After your PIN: today, tomorrow, waiting, block "
		   "14:00-15:00 lunch, unblock N, help. To answer a customer: "
		   "#CODE your answer."},
    {"staff_day", "{day}: {bookings}."},
    {"staff_day_none", "{day}: nothing booked."},
    {"staff_waiting", "Waiting: {list}."},
    {"staff_waiting_none", "Nothing waits for an answer."},
    {"staff_blocked", "Blocked {day} {from}-{to} for every service (block "
		      "{id}). To undo, text your PIN and: unblock {id}"},
    {"staff_unblocked", "Unblocked {day} {from}-{to} (block {id})."},
    {"staff_block_usage", "Write: block 14:00-15:00, block tomorrow "
			  "14:00-15:00 or block 2026-03-04 14:00-15:00, and "
			  "a reason if you like."},
    {"staff_unblock_none", "There is no block {id}."},
    /* the daily (weekly) summary to staff who asked for one
     * (handoff_summary.c): no customer's number in it */
    {"staff_summary", "{business}, {day}: {count} booked, {first} to "
		      "{last}. Waiting for a person: {waiting}. Turned away "
		      "since {since}: {turned_away}."},
    {"staff_summary_none", "{business}, {day}: nothing booked. Waiting for "
			   "a person: {waiting}. Turned away since {since}: "
			   "{turned_away}."},
    {"staff_summary_week", "{business}, week from {day}: {count} "
			   "booked. Waiting for a person: {waiting}. Turned "
			   "away since {since}: {turned_away}."},
    {"rest_with", "With it: {services}."},
    {"rest_asked", "The {services} straight after it."},
    {"dated_booked", "Also booked: {service}, {when}, {price}. Ref {ref}."},
    {"dated_free", "{service} on {day}: free {slots}. Text me the time you "
		   "want for it."},
    {"dated_full", "{service} on {day} is booked up: text me another day "
		   "for it."},
    {"dated_closed", "We're closed on {day}, so no {service} then: text me "
		     "another day for it."},
    {"dated_later", "Then text me a time for the {service} on {day} too."},
    {"dated_far", "{day} is further ahead than we book, so no {service} "
		  "then yet."},
    {"rest_failed_at", "{services} at the time you named isn't free or isn't a "
		       "start time: text another time for it."},
    {"rest_later", "Note: {service} starts at {time}, not straight after at "
		   "{end}: no free start then."},
    {"rest_failed", "I couldn't fit {services} straight after: text a time "
		    "for it."},
    {"action_cancel", "cancel"},
    {"action_move", "move"},
    {"minutes", "{n} min"},
    {"days_n", "{n} days"},
    {"hours_n", "{n} hours"},
    {"length_1h", "1 hour"},
    {"length_h", "{n} hours"},
    {"length_hm", "{h} h {m} min"},
    {"and_two", "{a} and {b}"},
    {"date", "{wday} {mday} {month}"},
    {"example", "{word} {wday} {h12}"},
};

/* A person's age around its number ('#'; '$' the end of the text):
 * "my 3 year old", "he's 7", "aged 10", "she is 5 years". */
static const char *const age_frames[] = {
    "# yo",	  "# year $",	 "# years $",	"# yr $",	"# yrs $",
    "# year old", "# years old", "# year olds", "# years olds", "# yr old",
    "# yrs old",  "# yr olds",	 "# yrs olds",	"aged #",	"age #",
    "hes #",	  "shes #",	 "he's #",	"she's #",	NULL,
};

/* A service hired for the visit goes beside it, never after it. */
static const char *const hire_words[] = {"hire", "rental", NULL};

const struct lang_pack lang_pack_en = {
    .whose = &lang_en_whose,
    .age_frames = age_frames,
    .code = "en",
    .jobs = &lang_en_jobs,
    .name = "English",
    .words = lang_en_words,
    .asks = lang_en_asks,
    .tpls = tpls,
    .n_tpls = sizeof(tpls) / sizeof(tpls[0]),
    .wday_abbr = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"},
    .wday_every = {"Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays",
		   "Saturdays", "Sundays"},
    .month_abbr = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
		   "Sep", "Oct", "Nov", "Dec"},
    .not_text_names = {"that", "payment", "directions", "parking",
		       "the progress of a job", "walk-ins", "what we sell",
		       "reminders", "notice", "running late",
		       "our phone number"},
    .when = &when_vocab_en,
    .hire_words = hire_words,
};
