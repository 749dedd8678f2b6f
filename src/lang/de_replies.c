/*
 * The German pack's replies: every message the desk sends, as a template
 * with named placeholders (lang.h lists which each fills), and the pack
 * itself. Written as a good receptionist texts: Sie-Form, short, polite;
 * only characters of the GSM 7-bit default alphabet (ä ö ü ß are in it),
 * so a reply is as short as its English one. Customers cancel with
 * STORNO and a reference (the reader knows "storno", "stornieren",
 * "absagen"). A business may reword any of them in its catalog
 * (`replies`).
 */
#include "smsdesk/lang.h"

#include "lang_packs.h"

static const struct lang_tpl tpls[] = {
    /* the promise (manners 3): service, local day and time, price, ref,
     * how to cancel */
    {"ref_short", "Ref {ref}"},
    {"booked", "Gebucht: {service}, {when}, {price}. Ref {ref}. Absagen: "
	       "STORNO {ref} senden."},
    {"booked_many", "Gebucht ({count}): {bookings}. Gesamt {total}. "
		    "Absagen: STORNO und Ref senden."},
    {"booked_many_plain", "Gebucht ({count}): {bookings}. Absagen: STORNO "
			  "und Ref senden."},
    {"moved_many", "Verschoben ({count}): {bookings}. Die alten Termine "
		   "sind storniert. Absagen: STORNO und Ref senden."},
    {"moved", "Verschoben: {service} jetzt {when}, {price}. Neue Ref {ref} "
	      "({old_ref} ist storniert). Absagen: STORNO {ref} senden."},
    {"already_booked", "Sie sind schon gebucht: {service}, {when}. Ref "
		       "{ref}."},
    {"with_booking", "Zu Ihrem Termin {service} {when} (Ref {ref}):"},
    {"bookings_total", "Ihre Termine: {bookings}. Gesamt {total}."},
    {"offer", "Frei: {slots}. Zum Buchen {pick} antworten."},
    {"offer_day", "{service} am {day}? Frei: {slots}. Zum Buchen {pick} "
		  "antworten."},
    {"offer_window", "{service} am {day}. Frei: {slots}. Zum Buchen {pick} "
		     "antworten."},
    {"offer_earliest", "Die nächsten freien Termine für {service}: "
		       "{slots}. Zum Buchen {pick} antworten."},
    {"offer_range", "{service}, frei: {slots}. Zum Buchen {pick} "
		    "antworten."},
    {"offer_one", "{service} {when} ist frei. Zum Buchen 1 antworten."},
    {"ask_day_at", "An welchem Tag möchten Sie {service} um {time}? "
		   "Geöffnet: {hours}."},
    {"ask_service", "Welche Leistung möchten Sie? Wir bieten: {services}. "
		    "Bitte mit der Nummer antworten."},
    {"ask_service_brief", "Welche Leistung möchten Sie dann?"},
    {"ask_trade", "Gern helfen wir. Was brauchen Sie? Wir bieten: "
		  "{services}. Bitte mit der Nummer antworten."},
    /* ask_day where the service has a price: what it costs and takes,
     * asked so often beside "which day?" (reviews de AQ c08.1, c09.2) */
    {"ask_day_priced", "{service}: {length}, {price}. Welcher Tag passt "
		       "Ihnen? Geöffnet: {hours}."},
    {"ask_day", "Welcher Tag passt Ihnen für {service}? Geöffnet: "
		"{hours}."},
    {"ask_day_unsure", "Entschuldigung, welchen Tag meinen Sie? Welcher Tag "
		       "passt Ihnen für {service}? Geöffnet: {hours}."},
    {"ask_day_bad", "Entschuldigung, dieses Datum gibt es nicht. Welcher "
		    "Tag passt Ihnen für {service}? Geöffnet: {hours}."},
    {"ask_day_ambiguous", "Entschuldigung, welches Datum meinen Sie? "
			  "Welcher Tag passt Ihnen für {service}? "
			  "Geöffnet: {hours}."},
    {"ask_day_passed", "Entschuldigung, das Datum ist vorbei. Welcher Tag "
		       "passt Ihnen für {service}? Geöffnet: {hours}."},
    {"ask_time", "Um wie viel Uhr am {day}? Geöffnet: {day_hours}."},
    {"ask_time_either", "Um wie viel Uhr am {day}: {a} oder {b}? "
			"Geöffnet: {day_hours}."},
    /* the honest no (manners 4) */
    {"not_offered", "{thing} bieten wir leider nicht an. Versuchen Sie es "
		    "bei {providers}."},
    {"not_offered_ours", "{thing} bieten wir leider nicht an. Wir bieten: "
			 "{services}."},
    {"not_offered_brief", "Das andere, nach dem Sie fragen, bieten wir "
			  "leider nicht an."},
    {"not_offered_unknown", "{thing} haben wir leider nicht im Angebot. Wir "
			    "bieten: {services}. Zum Buchen mit einer "
			    "Nummer antworten."},
    {"no_closed", "Am {day} haben wir leider geschlossen."},
    {"no_full", "{service} ist am {day} leider ausgebucht."},
    {"no_notice", "{service} braucht {notice} Vorlauf, am {day} ist daher "
		  "nichts mehr frei."},
    {"no_horizon", "Wir nehmen Termine leider nur bis {n} Tage im Voraus "
		   "an."},
    {"no_nobody", "Leider kennen wir auch niemanden, der es einschieben "
		  "kann."},
    {"taken", "{day} um {time} ist leider schon vergeben."},
    {"too_soon", "{service} braucht {notice} Vorlauf, {day} {time} ist "
		 "leider zu kurzfristig."},
    {"time_passed", "{time} heute ist leider schon vorbei."},
    {"off_grid", "{service} beginnt im {minutes}-Min.-Takt; rund um {time} "
		 "am {day}."},
    {"outside_hours", "Am {day} haben wir leider nur {day_hours} "
		      "geöffnet."},
    {"last_start", "Der letzte Termin für {service} am {day} ist leider um "
		   "{time}."},
    {"window_full", "Für {service} ist am {day} zu der Zeit leider nichts "
		    "frei."},
    {"elsewhere", "Oder versuchen Sie es bei {providers}."},
    {"our_next", "Unsere nächsten freien Termine: {slots}. Zum Buchen "
		 "{pick} antworten."},
    {"try", "Versuchen Sie es bei {providers}."},
    /* "do you do X?": a yes, what it costs and takes, the day */
    {"price_offered", "Ja, {service} bieten wir an: {price} ({length}). "
		      "Welcher Tag passt Ihnen?"},
    {"price_one", "{service}: {price} ({length}). Zum Buchen "
		  "Tag und Uhrzeit senden, z.B. {example}."},
    /* several services asked about at once: each, then one hint */
    {"price_each", "{service}: {price} ({length})."},
    {"book_example", "Zum Buchen Tag und Uhrzeit senden, z.B. {example}."},
    {"price_all", "Preise: {prices}."},
    {"duration_all", "So lange dauert es: {lengths}."},
    {"duration_same", "Jeder Termin dauert {length}."},
    {"price_booked", "{service}: {price}."},
    {"duration", "{service} dauert etwa {length}."},
    {"hours_week", "Geöffnet: {hours}."},
    {"hours_day", "Am {day} haben wir {day_hours} geöffnet."},
    {"closed_weekly", "{day} haben wir geschlossen."},
    {"closed_day", "Am {day} haben wir geschlossen."},
    {"closed_days", "Geschlossen haben wir: {days}."},
    {"book_hint", "Zum Buchen Leistung, Tag und Uhrzeit senden."},
    /* "Gern ein andermal wieder!" after a cancel for a sick child read
     * as tone-deaf (review de AE): how to book again instead */
    {"cancelled", "Storniert: {service}, {when} (Ref {ref}). Für einen "
		  "neuen Termin einfach schreiben."},
    {"cancel_unknown", "Termin {ref} finden wir für diese Nummer leider "
		       "nicht. MEINE TERMINE zeigt Ihre Termine."},
    {"cancel_already", "Termin {ref} ist bereits storniert."},
    {"cancel_moved", "Termin {old_ref} wurde verschoben: jetzt {ref}, "
		     "{service} {when}. Absagen: STORNO {ref} senden."},
    {"cancel_none_named",
     "Unter dieser Nummer finde ich keinen anstehenden Termin zum Absagen."},
    {"cancel_none",
     "Unter dieser Nummer finde ich keinen anstehenden Termin zum Absagen."},
    {"move_none_named", "Sie haben bei dieser Nummer keinen anstehenden "
			"Termin zum Verschieben."},
    {"move_none", "Unter dieser Nummer finde ich keinen anstehenden Termin zum "
		  "Verschieben. Zum Buchen Leistung, Tag und Uhrzeit senden."},
    {"move_unknown", "Einen anstehenden Termin {ref} finden wir für diese "
		     "Nummer leider nicht."},
    {"move_gone", "Diese Leistung bieten wir leider nicht mehr an. "
		  "Absagen: STORNO {ref} senden."},
    {"which_booking", "Welchen Termin sollen wir {action}? {bookings} Bitte "
		      "mit der Nummer antworten."},
    {"bookings", "Ihre Termine: {bookings}. Absagen: STORNO und Ref "
		 "senden."},
    {"bookings_more", "Und {n} weitere."},
    {"for_persons", "{service} für {n} Personen"},
    {"list_more", " und {n} weitere"},
    {"bookings_none",
     "Unter dieser Nummer finde ich keinen anstehenden Termin."},
    {"help", "{business}: {services}. Senden Sie z.B. {example}. STORNO "
	     "zum Absagen, STOP zum Abmelden."},
    {"greeting", "Hallo! Hier ist {business}. Wir bieten {services}. Zum "
		 "Buchen z.B. {example} senden."},
    {"not_understood", "Entschuldigung, das habe ich nicht verstanden. Zum "
		       "Buchen z.B. {example} senden, PREISE oder HILFE."},
    {"cant_answer", "{topic} kann ich per SMS leider nichts sagen."},
    {"cant_answer_sorry",
     "Das tut uns leid. Per SMS kann ich das nicht klären: bitte "
     "rufen Sie uns an oder kommen Sie vorbei."},
    {"cant_answer_call",
     "{topic} rufen Sie uns am besten an: {phone}. Wir helfen gern weiter."},
    {"cant_answer_sorry_call",
     "Das tut uns leid. Per SMS kann ich das nicht klären: bitte rufen Sie "
     "uns an, {phone}, wir kümmern uns darum."},
    {"none_held_call", "Falls Sie von einer anderen Nummer gebucht haben, "
		       "rufen Sie uns bitte an: {phone}."},
    {"address", "Sie finden uns hier: {address}."},
    {"reminder_yes",
     "Ja: Sie bekommen {ahead} vor jedem Termin eine Erinnerung per SMS."},
    {"reminder_no", "Wir schicken keine Erinnerung per SMS: die Uhrzeit steht "
		    "in Ihrer Terminbestätigung."},
    /* running late (LANG_NT_LATE): no handoff configured */
    {"late_noted", "Danke für die Nachricht, wir wissen Bescheid. Bis bald!"},
    {"crisis", "Es tut mir sehr leid, dass es Ihnen so geht. Wenn Sie in "
	       "Gefahr sind, rufen Sie bitte sofort die {emergency} an."},
    {"crisis_line", "Es tut mir sehr leid, dass es Ihnen so geht. Wenn Sie "
		    "in Gefahr sind, rufen Sie bitte sofort die {emergency} "
		    "an. Sie können auch jederzeit mit jemandem sprechen: "
		    "{line}."},
    {"notice_one", "{service}: bitte mindestens {notice} vorher buchen."},
    {"notice_mode", "Bitte mindestens {notice} vorher buchen; Ausnahmen: "
		    "{list}."},
    {"notice_list", "Bitte mindestens so lange vorher buchen: {list}."},
    {"notice_none",
     "Keine Vorlaufzeit nötig: jeder freie Termin ist buchbar, auch heute."},
    {"cant_answer_can", "Ich kann Termine buchen, verschieben und absagen "
			"und Preise und Öffnungszeiten nennen: z.B. "
			"{example}."},
    {"opted_out", "Sie sind abgemeldet: keine SMS mehr von uns. Mit START "
		  "melden Sie sich wieder an."},
    {"opted_in", "Sie sind wieder angemeldet: wir antworten wieder auf Ihre "
		 "SMS. Mit STOP abmelden."},
    {"already_in", "Sie bekommen unsere SMS bereits. HILFE zeigt die "
		   "Möglichkeiten."},
    {"ack_no_kept",
     "Kein Problem, nichts geändert: Ihr Termin bleibt. Schreiben Sie "
     "uns jederzeit."},
    {"praise_thanks", "Vielen Dank, das freut uns sehr!"},
    /* a party booked one by one: the next person's times follow */
    {"rest_party_full",
     "Für die zweite Person ist um diese Zeit kein Platz mehr."},
    {"phone_is", "Sie erreichen uns telefonisch unter {phone}."},
    {"ack_no", "Kein Problem, nichts gebucht. Schreiben Sie uns "
	       "jederzeit."},
    {"pick_number", "Bitte mit einer Zahl von 1 bis {n} antworten."},
    {"which_one", "Welcher? Bitte mit der Nummer antworten (1-{n})."},
    {"option_or_hour", "Option {n} ist {time} Uhr, {a} Uhr ist Option {b}: "
		       "bitte {n} oder {b} antworten."},
    {"unbooked_offer", "Hinweis: {service} ist noch nicht gebucht. Zum "
		       "Buchen {choices} antworten."},
    {"unbooked_ask", "Hinweis: {service} ist noch nicht gebucht. "
		     "Schreiben Sie uns Tag und Uhrzeit zum Buchen."},
    {"unmoved", "Hinweis: Es ist noch nichts geändert, Ihr Termin "
		"({service}) bleibt wie gebucht."},
    {"list_expired", "Die Liste ist leider abgelaufen. Zum Buchen z.B. "
		     "{example} senden, oder HILFE."},
    {"signature", "{business}"},
    {"reminder", "Erinnerung: {service}, {day} {time} bei {business}. Ref "
		 "{ref}. Verhindert? STORNO {ref} senden."},
    /* texts the staff's commands send (smsdesk book, move, cancel) */
    {"staff_booked", "{business}: gebucht {service}, {when}, {price}. Ref "
		     "{ref}. Absagen: STORNO {ref} senden."},
    {"staff_moved", "{business}: Ihr Termin {service} ist jetzt {when} "
		    "(statt {old_when}). Ref {ref} bleibt. Verhindert? "
		    "STORNO {ref} senden."},
    {"staff_cancelled", "{business}: Ihr Termin {service} am {when} (Ref "
			"{ref}) ist storniert. Gern jederzeit neu buchen."},
    /* a text handed to a person (handoff.c): what the customer hears,
     * the forward to the staff phones, and the answers to a staff phone
     * (its commands are read in English and Spanish: today, tomorrow,
     * waiting, block, unblock, help) */
    {"handoff", "Ich habe Ihre Nachricht an das Team weitergegeben; Sie "
		"bekommen bald eine Antwort."},
    {"handoff_later", "Ich habe Ihre Nachricht an das Team weitergegeben; "
		      "Sie bekommen eine Antwort, sobald wir öffnen "
		      "({when})."},
    {"handoff_sorry", "Das tut uns leid. Ich habe Ihre Nachricht an das Team "
		      "weitergegeben; Sie bekommen bald eine Antwort."},
    {"handoff_sorry_later", "Das tut uns leid. Ich habe Ihre Nachricht an das "
			    "Team weitergegeben; Sie bekommen eine Antwort, "
			    "sobald wir öffnen ({when})."},
    /* running late, told to the team: thanks, never sorry */
    {"handoff_late", "Danke für die Nachricht! Ich habe dem Team Bescheid "
		     "gegeben. Bis bald!"},
    /* a further question while a person has the first: told so */
    /* "zu Ihrer Nachricht gelegt" read oddly (review de AR c08.2, c13.2) */
    {"handoff_more",
     "Danke, ist notiert. Ich habe es an das Team weitergegeben."},
    {"staff_forward", "{code} {number} um {time}: \"{text}\" Antwort: "
		      "{code} + Ihr Text."},
    {"staff_forward_urgent", "DRINGEND, mögliche Krise: {code} "
			     "{number} um {time}: \"{text}\" Antwort: {code} "
			     "+ Ihr Text."},
    {"staff_sent", "Gesendet an {number} ({code})."},
    {"staff_no_such", "Nicht gesendet: keine offene Nachricht {code}."},
    {"staff_opted_out", "Nicht gesendet: {number} ({code}) hat sich "
			"abgemeldet (STOP)."},
    {"staff_too_long", "Nicht gesendet: das wären {n} SMS, erlaubt sind "
		       "{max}. Bitte kürzen und neu senden."},
    {"staff_empty", "Nicht gesendet: bitte Ihre Antwort nach {code} "
		    "schreiben."},
    {"staff_unknown", "Nicht verstanden. Um einem Kunden zu antworten: "
		      "Code und Antwort senden, z.B. #K7 Bis 15 Uhr."},
    {"staff_help", "Nach der PIN: today, tomorrow, waiting, block "
		   "14:00-15:00 Mittag, unblock N, help. Kunden antworten: "
		   "#CODE Ihr Text."},
    {"staff_day", "{day}: {bookings}."},
    {"staff_day_none", "{day}: nichts gebucht."},
    {"staff_waiting", "Offen: {list}."},
    {"staff_waiting_none", "Keine offenen Nachrichten."},
    {"staff_blocked", "Gesperrt {day} {from}-{to} für alle Leistungen "
		      "(Sperre {id}). Aufheben: PIN und unblock {id} senden."},
    {"staff_unblocked", "Freigegeben {day} {from}-{to} (Sperre {id})."},
    {"staff_block_usage", "Schreiben Sie: block 14:00-15:00, block "
			  "tomorrow 14:00-15:00 oder block 2026-03-04 "
			  "14:00-15:00, gern mit Grund."},
    {"staff_unblock_none", "Es gibt keine Sperre {id}."},
    {"staff_summary", "{business}, {day}: {count} gebucht, {first} bis "
		      "{last}. Offene Nachrichten: {waiting}. Abgewiesen seit "
		      "{since}: {turned_away}."},
    {"staff_summary_none", "{business}, {day}: nichts gebucht. Offene "
			   "Nachrichten: {waiting}. Abgewiesen seit {since}: "
			   "{turned_away}."},
    {"staff_summary_week", "{business}, Woche ab {day}: {count} gebucht. "
			   "Offene Nachrichten: {waiting}. Abgewiesen seit "
			   "{since}: {turned_away}."},
    {"dated_booked", "Außerdem gebucht: {service}, {when}, {price}. Ref "
		     "{ref}."},
    {"dated_free", "{service} am {day}: frei um {slots}. Nennen Sie mir "
		   "bitte die Uhrzeit dafür."},
    {"dated_full", "{service} ist am {day} ausgebucht: nennen Sie mir bitte "
		   "einen anderen Tag dafür."},
    {"dated_closed", "Am {day} haben wir geschlossen, also kein {service} an "
		     "dem Tag: nennen Sie mir bitte einen anderen Tag."},
    {"dated_later", "Dann nennen Sie mir bitte noch eine Uhrzeit für "
		    "{service} am {day}."},
    {"dated_far", "Der {day} liegt weiter voraus, als wir buchen: {service} "
		  "geht dann noch nicht."},
    {"rest_with", "Dazu: {services}."},
    {"rest_asked", "Direkt im Anschluss: {services}."},
    {"rest_failed_at",
     "{services} zur genannten Uhrzeit ging nicht (belegt oder keine "
     "Startzeit): bitte eine andere Uhrzeit dafür senden."},
    {"rest_later", "Hinweis: {service} beginnt erst um {time}, nicht direkt "
		   "danach um {end}: da ist keine freie Startzeit."},
    {"rest_failed", "{services} passte nicht direkt danach: bitte eine "
		    "Uhrzeit dafür senden."},
    {"action_cancel", "stornieren"},
    {"action_move", "verschieben"},
    {"minutes", "{n} Min."},
    {"days_n", "{n} Tage"},
    {"hours_n", "{n} Std."},
    {"length_1h", "1 Std."},
    {"length_h", "{n} Std."},
    {"length_hm", "{h} Std. {m} Min."},
    {"and_two", "{a} und {b}"},
    {"date", "{wday}, {mday}. {month}"},
    {"example", "{word} {wday} {hour} Uhr"},
};

/* A service hired for the visit goes beside it, never after it. */
static const char *const hire_words[] = {"verleih", NULL};

/* An age under 16 said of someone ("mein Sohn (6)", "ist 8 Monate alt",
 * "die Kleine ist 3"): the child's version of a service (review de AS
 * s14, s29 offered the adults' one). */
static const char *const age_frames[] = {
    "# jahre",	     "# jahre alt", "# monate",	 "# monate alt", "sohn #",
    "tochter #",     "kind #",	    "enkel #",	 "enkelin #",	 "kleine ist #",
    "kleiner ist #", "er ist #",    "sie ist #", NULL,
};

const struct lang_pack lang_pack_de = {
    .whose = &lang_de_whose,
    .code = "de",
    .jobs = &lang_de_jobs,
    .name = "Deutsch",
    .words = lang_de_words,
    .asks = lang_de_asks,
    .tpls = tpls,
    .n_tpls = sizeof(tpls) / sizeof(tpls[0]),
    .wday_abbr = {"Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"},
    .wday_every = {"Montags", "Dienstags", "Mittwochs", "Donnerstags",
		   "Freitags", "Samstags", "Sonntags"},
    .month_abbr = {"Jan", "Feb", "März", "Apr", "Mai", "Juni", "Juli", "Aug",
		   "Sep", "Okt", "Nov", "Dez"},
    /* Each opens cant_answer: "{topic} kann ich per SMS ..." */
    .not_text_names = {"Dazu", "Zur Bezahlung", "Zur Anfahrt", "Zum Parken",
		       "Zum Stand Ihres Auftrags", "Zu Besuchen ohne Termin",
		       "Zum Verkauf", "Zu Erinnerungen", "Zur Vorlaufzeit",
		       "Zur Verspätung", "Zu unserer Telefonnummer"},
    .when = &when_vocab_de,
    .stems = &lang_de_stems,
    .hire_words = hire_words,
    .age_frames = age_frames,
    .fold_last = 1,
    .umlaut_digraphs = 1,
};
