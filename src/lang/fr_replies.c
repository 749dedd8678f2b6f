/*
 * The French pack's replies: every message the desk sends, as a template
 * with named placeholders (lang.h lists which each fills), and the pack
 * itself. Written as a good receptionist texts: "vous", short sentences,
 * "RDV" as everyone writes it.
 *
 * GSM-7: é è à ù and É are in the default alphabet, ê â î ô û ç ë ï and
 * À are not (one of them sends the whole reply as UCS-2, 70 characters a
 * segment). Where French allows, the wording keeps to the default
 * alphabet: "c'est trop juste" (not "trop tôt"), "Premiers créneaux" (not
 * "Au plus tôt"), "Vous ne pouvez pas venir ?" (not "Un empêchement ?"),
 * "pour voir vos RDV" (not "les vôtres"), "Quelle heure" at the start of a
 * sentence (not "À quelle heure"), "Merci de" (not "s'il vous plaît"),
 * "aout" for August (the 1990 spelling, no circumflex). A business may
 * reword any template in its catalog (`replies`).
 */
#include "smsdesk/lang.h"

#include "lang_packs.h"

static const struct lang_tpl tpls[] = {
    /* la promesse (manners 3): prestation, jour et heure, prix, réf,
     * comment annuler */
    {"ref_short", "réf {ref}"},
    {"booked", "Réservé : {service}, {when}, {price}. Réf {ref}. Pour "
	       "annuler, envoyez ANNULER {ref}."},
    {"booked_many", "{count} RDV réservés : {bookings}. Total {total}. Pour "
		    "annuler, envoyez ANNULER et la réf."},
    {"booked_many_plain", "{count} RDV réservés : {bookings}. Pour annuler, "
			  "envoyez ANNULER et la réf."},
    {"moved_many", "{count} RDV déplacés : {bookings}. Les anciens sont "
		   "annulés. Pour annuler, envoyez ANNULER et la réf."},
    {"moved", "RDV déplacé : {service}, {when}, {price}. Nouvelle réf {ref} "
	      "({old_ref} est annulée). Pour annuler, envoyez ANNULER "
	      "{ref}."},
    {"already_booked", "Vous avez déjà ce RDV : {service}, {when}. Réf "
		       "{ref}."},
    {"with_booking", "Avec votre {service} {when} (réf {ref}) :"},
    {"bookings_total", "Vos RDV : {bookings}. Total {total}."},
    {"offer", "Créneaux libres : {slots}. Répondez {pick} pour réserver."},
    {"offer_day", "{service} le {day}, créneaux libres : {slots}. Répondez "
		  "{pick} pour réserver."},
    {"offer_window", "{service} le {day}. Libre : {slots}. Répondez {pick} "
		     "pour réserver."},
    {"offer_earliest", "Premiers créneaux pour {service} : {slots}. "
		       "Répondez {pick} pour réserver."},
    {"offer_range", "{service}, libre : {slots}. Répondez {pick} pour "
		    "réserver."},
    {"offer_one", "{service} le {when} est libre. Répondez 1 pour "
		  "réserver."},
    /* the service's name first, then a colon: a catalog name mid-sentence
     * lacks its article ("pour Rééducation du genou", every review) */
    {"ask_day_at", "{service} à {time} : quel jour vous convient ? Nous "
		   "sommes ouverts {hours}."},
    {"ask_service", "Quelle prestation souhaitez-vous ? Nous proposons : "
		    "{services}. Répondez par un numéro."},
    {"ask_service_brief", "Quelle prestation souhaitez-vous alors ?"},
    {"ask_trade", "Avec plaisir. Que souhaitez-vous ? Nous proposons : "
		  "{services}. Répondez par un numéro."},
    /* ask_day where the service has a price (reviews fr AR s11, AO s05) */
    {"ask_day_priced", "{service} : {length}, {price}. Quel jour vous "
		       "convient ? Nous sommes ouverts {hours}."},
    {"ask_day", "{service} : quel jour vous convient ? Nous sommes "
		"ouverts {hours}."},
    {"ask_day_unsure", "Désolé, je n'ai pas compris quel jour. {service} : "
		       "quel jour vous convient ? Nous sommes ouverts "
		       "{hours}."},
    {"ask_day_bad", "Désolé, je ne trouve pas cette date. {service} : quel "
		    "jour vous convient ? Nous sommes ouverts {hours}."},
    {"ask_day_ambiguous", "Désolé, je ne sais pas quelle date vous voulez "
			  "dire. {service} : quel jour vous convient ? "
			  "Nous sommes ouverts {hours}."},
    {"ask_day_passed", "Désolé, cette date est passée. {service} : quel "
		       "jour vous convient ? Nous sommes ouverts "
		       "{hours}."},
    {"ask_time", "Quelle heure vous convient le {day} ? Nous sommes "
		 "ouverts {day_hours}."},
    {"ask_time_either", "Quelle heure le {day} : {a} ou {b} ? Nous sommes "
			"ouverts {day_hours}."},
    /* le non honnête (manners 4) */
    {"not_offered", "{thing} : pas chez nous, désolé. Essayez "
		    "{providers}."},
    {"not_offered_ours", "Désolé, nous ne proposons pas la prestation "
			 "{thing}. Nous faisons : {services}."},
    {"not_offered_brief",
     "Désolé, nous ne proposons pas l'autre prestation demandée."},
    {"not_offered_unknown", "Désolé, \"{thing}\" ne fait pas partie de nos "
			    "prestations. Nous faisons : {services}. Répondez "
			    "par un numéro pour réserver."},
    {"no_closed", "Désolé, nous sommes fermés le {day}."},
    {"no_full", "Désolé, c'est complet le {day} ({service})."},
    {"no_notice", "{service} : à réserver {notice} à l'avance, donc plus "
		  "rien le {day}, désolé."},
    {"no_horizon", "Désolé, nous prenons les RDV jusqu'à {n} jours à "
		   "l'avance seulement."},
    {"no_nobody", "Personne de notre connaissance ne peut le faire non "
		  "plus, désolé."},
    {"taken", "Désolé, le {day} à {time} est déjà pris."},
    {"too_soon", "{service} : à réserver {notice} à l'avance, le {day} à "
		 "{time} c'est trop juste, désolé."},
    {"time_passed", "Désolé, {time} aujourd'hui, c'est déjà passé."},
    {"off_grid", "{service} : un créneau toutes les {minutes} min ; les "
		 "plus proches de {time} le {day}."},
    {"outside_hours", "Désolé, le {day} nous sommes ouverts {day_hours}."},
    {"last_start", "Désolé, le {day} le dernier RDV ({service}) est à "
		   "{time}."},
    {"window_full", "Désolé, plus rien de libre à ce moment-là le {day} "
		    "({service})."},
    {"elsewhere", "Ou essayez {providers}."},
    {"our_next", "Nos prochains créneaux : {slots}. Répondez {pick} pour "
		 "réserver."},
    {"try", "Essayez {providers}."},
    /* "do you do X?": a yes, what it costs and takes, the day */
    {"price_offered", "Oui, bien sûr : {service}, {price} ({length}). "
		      "Quel jour vous convient ?"},
    {"price_one", "{service} : {price} ({length}). Envoyez un jour et "
		  "une heure pour réserver, par ex. {example}."},
    /* several services asked about at once: each, then one hint */
    {"price_each", "{service} : {price} ({length})."},
    {"book_example",
     "Envoyez un jour et une heure pour réserver, par ex. {example}."},
    {"price_all", "Nos tarifs : {prices}."},
    {"duration_all", "Durées : {lengths}."},
    {"duration_same", "Chacun de nos RDV dure {length}."},
    {"price_booked", "{service} : {price}."},
    {"duration", "{service} : comptez environ {length}."},
    {"hours_week", "Nous sommes ouverts {hours}."},
    {"hours_day", "Le {day}, nous sommes ouverts {day_hours}."},
    {"closed_weekly", "Nous sommes fermés {day}."},
    {"closed_day", "Nous sommes fermés le {day}."},
    {"closed_days", "Nous sommes fermés : {days}."},
    {"book_hint", "Envoyez une prestation, un jour et une heure pour "
		  "réserver."},
    {"cancelled", "Annulé : {service}, {when} (réf {ref}). Au plaisir de "
		  "vous revoir."},
    {"cancel_unknown", "Désolé, nous ne trouvons pas le RDV {ref} pour ce "
		       "numéro. Envoyez MES RDV pour voir vos RDV."},
    {"cancel_already", "Le RDV {ref} est déjà annulé."},
    {"cancel_moved", "Le RDV {old_ref} a été déplacé : c'est maintenant "
		     "{ref}, {service} {when}. Pour l'annuler, envoyez "
		     "ANNULER {ref}."},
    {"cancel_none_named",
     "Je ne trouve pas de RDV à venir à annuler pour ce numéro."},
    {"cancel_none",
     "Je ne trouve pas de RDV à venir à annuler pour ce numéro."},
    {"move_none_named", "Je ne trouve pas de RDV à venir à déplacer pour "
			"ce numéro."},
    {"move_none",
     "Je ne trouve pas de RDV à venir à déplacer pour ce numéro. Envoyez une "
     "prestation, un jour et une heure pour réserver."},
    {"move_unknown", "Désolé, nous ne trouvons pas de RDV à venir {ref} "
		     "pour ce numéro."},
    {"move_gone", "Désolé, nous ne proposons plus cette prestation. "
		  "Envoyez ANNULER {ref} pour l'annuler."},
    {"which_booking", "Quel RDV faut-il {action} ? {bookings} Répondez par "
		      "son numéro."},
    {"bookings", "Vos RDV : {bookings}. Pour annuler, envoyez ANNULER et la "
		 "réf."},
    {"bookings_more", "Et {n} de plus."},
    {"for_persons", "{service} pour {n} personnes"},
    {"list_more", " et {n} autre(s)"},
    {"bookings_none", "Je ne trouve pas de RDV à venir pour ce numéro."},
    {"help", "{business} : {services}. Par ex. {example}. ANNULER pour "
	     "annuler, STOP pour ne plus recevoir de SMS."},
    {"greeting", "Bonjour ! Ici {business}. Nous proposons {services}. "
		 "Envoyez par ex. {example} pour réserver."},
    {"not_understood", "Désolé, je n'ai pas compris. Envoyez par ex. "
		       "{example} pour réserver, TARIFS ou AIDE."},
    {"cant_answer", "Désolé, je ne peux pas répondre par SMS pour "
		    "{topic}."},
    {"cant_answer_sorry",
     "Nous sommes désolés. Je ne peux pas régler cela par SMS : "
     "appelez-nous ou passez nous voir."},
    {"cant_answer_call", "Pour {topic}, le mieux est de nous appeler au "
			 "{phone} : nous vous répondrons volontiers."},
    {"cant_answer_sorry_call",
     "Nous sommes désolés. Je ne peux pas régler cela par SMS : "
     "appelez-nous au {phone}, on s'en occupe."},
    {"none_held_call",
     "Si vous avez réservé depuis un autre numéro, appelez-nous au {phone}."},
    {"address", "Notre adresse : {address}."},
    {"reminder_yes",
     "Oui : nous vous envoyons un SMS de rappel {ahead} avant chaque RDV."},
    {"reminder_no", "Nous n'envoyons pas de rappel par SMS : l'heure figure "
		    "dans la confirmation de votre RDV."},
    /* running late (LANG_NT_LATE): no handoff configured */
    {"late_noted", "Merci de nous prévenir. À bientôt !"},
    {"crisis", "Je suis vraiment désolé que vous traversiez cela. En cas "
	       "de danger, appelez tout de suite le {emergency}."},
    {"crisis_line", "Je suis vraiment désolé que vous traversiez cela. En "
		    "cas de danger, appelez tout de suite le {emergency}. "
		    "Quelqu'un vous écoute jour et nuit : {line}."},
    {"notice_one", "{service} : à réserver au moins {notice} à l'avance."},
    {"notice_mode", "Délai minimum pour réserver : {notice} ; sauf {list}."},
    {"notice_list", "Délai minimum pour réserver : {list}."},
    {"notice_none", "Pas de délai : vous pouvez réserver tout créneau libre, "
		    "même aujourd'hui."},
    {"cant_answer_can", "Je peux réserver, déplacer ou annuler un RDV et "
			"donner tarifs et horaires : envoyez par ex. "
			"{example}."},
    {"opted_out", "C'est noté : vous ne recevrez plus de SMS de notre "
		  "part. Envoyez START pour les recevoir à nouveau."},
    {"opted_in", "C'est reparti : nous répondons à nouveau à vos SMS. "
		 "Envoyez STOP pour ne plus en recevoir."},
    {"already_in", "Vous recevez déjà nos SMS. Envoyez AIDE pour les "
		   "options."},
    {"ack_no_kept",
     "Pas de souci, rien ne change : votre rendez-vous est maintenu. "
     "Écrivez-nous quand vous voulez."},
    {"praise_thanks", "Merci beaucoup, ça nous fait très plaisir !"},
    /* a party booked one by one: the next person's times follow */
    {"rest_party_full", "Pour l'autre personne, plus de place à cette heure-là."},
    {"phone_is", "Vous pouvez nous appeler au {phone}."},
    {"ack_no", "Pas de souci, rien n'est réservé. Écrivez-nous quand vous "
	       "voulez."},
    {"pick_number", "Merci de répondre par un numéro de 1 à {n}."},
    {"which_one", "Lequel ? Répondez par son numéro (1-{n})."},
    {"option_or_hour", "L'option {n} est à {time} et {a} est l'option {b} : "
		       "répondez {n} ou {b}."},
    {"unbooked_offer", "Attention, rien n'est encore réservé pour "
		       "{service}. Répondez {choices} pour choisir un "
		       "de ces créneaux."},
    {"unbooked_ask", "Attention, rien n'est encore réservé pour "
		     "{service}. Envoyez-nous un jour et une heure "
		     "pour réserver."},
    {"unmoved", "Attention, rien n'a encore changé : votre "
		"rendez-vous {service} reste tel quel."},
    {"list_expired", "Désolé, cette liste a expiré. Envoyez par ex. "
		     "{example} pour réserver, ou AIDE."},
    {"signature", "{business}"},
    {"reminder", "Rappel : {service}, {day} {time} chez {business}. Réf "
		 "{ref}. Vous ne pouvez pas venir ? Envoyez ANNULER {ref}."},
    /* ce qu'envoient les commandes du personnel (smsdesk book, move,
     * cancel) */
    {"staff_booked", "{business} : RDV réservé, {service}, {when}, {price}. "
		     "Réf {ref}. Pour annuler, envoyez ANNULER {ref}."},
    {"staff_moved", "{business} : votre RDV {service} est déplacé au {when} "
		    "(au lieu du {old_when}). La réf {ref} ne change pas. "
		    "Vous ne pouvez pas venir ? Envoyez ANNULER {ref}."},
    {"staff_cancelled", "{business} : votre RDV {service} du {when} (réf "
			"{ref}) est annulé. Écrivez-nous quand vous voulez "
			"pour en reprendre un."},
    /* un texte confié à une personne (handoff.c) : ce que lit le client,
     * le transfert aux téléphones du personnel et les réponses à un
     * téléphone du personnel (ses commandes se lisent en anglais, en
     * espagnol et en français : auj, demain, attente, bloquer, debloquer,
     * aide) */
    {"handoff", "J'ai transmis votre message à l'équipe : une personne vous "
		"répond très vite."},
    {"handoff_later", "J'ai transmis votre message à l'équipe : une personne "
		      "vous répond dès l'ouverture ({when})."},
    {"handoff_sorry", "Nous sommes désolés. J'ai transmis votre message à "
		      "l'équipe : une personne vous répond très vite."},
    {"handoff_sorry_later",
     "Nous sommes désolés. J'ai transmis votre message à "
     "l'équipe : une personne vous répond dès "
     "l'ouverture ({when})."},
    /* running late, told to the team: thanks, never sorry */
    {"handoff_late",
     "Merci de nous prévenir : j'ai informé l'équipe. À bientôt !"},
    /* a further question while a person has the first: told so */
    {"handoff_more", "C'est noté : je l'ajoute à votre message pour l'équipe."},
    {"staff_forward", "{code} {number} à {time} : \"{text}\" Répondez "
		      "{code} + votre réponse."},
    {"staff_forward_urgent", "URGENT, détresse possible : {code} {number} "
			     "à {time} : \"{text}\" Répondez {code} + votre "
			     "réponse."},
    {"staff_sent", "Envoyé au {number} ({code})."},
    {"staff_no_such", "Rien d'envoyé : aucun message {code} n'attend de "
		      "réponse."},
    {"staff_opted_out", "Rien d'envoyé : le {number} ({code}) a demandé "
			"STOP."},
    {"staff_too_long", "Rien d'envoyé : cela fait {n} SMS, {max} au plus. "
		       "Raccourcissez et renvoyez."},
    {"staff_empty", "Rien d'envoyé : écrivez votre réponse après {code}."},
    {"staff_unknown", "Pas compris. Pour répondre à un client, envoyez le "
		      "code du message et votre réponse, par ex. #K7 Je vous "
		      "attends à 15h."},
    {"staff_help", "Après votre PIN : auj, demain, attente, bloquer "
		   "14:00-15:00 pause, debloquer N, aide. Pour répondre à un "
		   "client : #CODE votre réponse."},
    {"staff_day", "{day} : {bookings}."},
    {"staff_day_none", "{day} : aucun RDV."},
    {"staff_waiting", "En attente : {list}."},
    {"staff_waiting_none", "Aucun message n'attend de réponse."},
    {"staff_blocked", "Bloqué {day} {from}-{to} pour toutes les prestations "
		      "(blocage {id}). Pour l'enlever, envoyez votre PIN et : "
		      "debloquer {id}"},
    {"staff_unblocked", "Débloqué {day} {from}-{to} (blocage {id})."},
    {"staff_block_usage", "Envoyez : bloquer 14:00-15:00, bloquer demain "
			  "14:00-15:00 ou bloquer 2026-03-04 14:00-15:00, et "
			  "un motif si vous voulez."},
    {"staff_unblock_none", "Il n'y a pas de blocage {id}."},
    {"staff_summary", "{business}, {day} : {count} RDV, de {first} à "
		      "{last}. En attente d'une personne : {waiting}. Demandes "
		      "refusées depuis {since} : {turned_away}."},
    {"staff_summary_none", "{business}, {day} : aucun RDV. En attente d'une "
			   "personne : {waiting}. Demandes refusées depuis "
			   "{since} : {turned_away}."},
    {"staff_summary_week", "{business}, semaine du {day} : {count} RDV. En "
			   "attente d'une personne : {waiting}. Demandes "
			   "refusées depuis {since} : {turned_away}."},
    {"dated_booked", "Réservé aussi : {service}, {when}, {price}. Réf "
		     "{ref}."},
    {"dated_free", "{service} le {day} : libre à {slots}. Envoyez-moi "
		   "l'heure voulue."},
    {"dated_full", "{service} le {day} est complet : envoyez-moi un autre "
		   "jour."},
    {"dated_closed", "Nous sommes fermés le {day}, donc pas de {service} ce "
		     "jour-là : envoyez-moi un autre jour."},
    {"dated_later", "Envoyez-moi aussi une heure pour {service} le {day}."},
    {"dated_far", "Le {day} est plus loin que nos réservations : pas encore "
		  "de {service} ce jour-là."},
    {"rest_with", "Avec : {services}."},
    {"rest_asked", "Et juste après : {services}."},
    {"rest_failed_at",
     "{services} à l'heure indiquée n'est pas possible (pris ou pas un horaire "
     "de début) : envoyez une autre heure."},
    {"rest_later", "Attention : {service} commence à {time}, pas juste après "
		   "à {end} : pas d'horaire libre à ce moment."},
    {"rest_failed", "Impossible de caler {services} juste après : envoyez "
		    "une heure pour cela."},
    {"action_cancel", "annuler"},
    {"action_move", "déplacer"},
    {"minutes", "{n} min"},
    {"days_n", "{n} jours"},
    {"hours_n", "{n} heures"},
    {"length_1h", "1 h"},
    {"length_h", "{n} h"},
    {"length_hm", "{h} h {m}"},
    {"and_two", "{a} et {b}"},
    {"date", "{wday} {mday} {month}"},
    {"example", "{word} {wday} {hour}h"},
};

/* "l'ostéo", "d'acupuncture", "qu'un massage", "jusqu'à": the glued
 * article or pronoun of a catalog word. */
static const char *const elisions[] = {"l",	 "d",	   "qu", "j", "m",
				       "t",	 "s",	   "n",	 "c", "jusqu",
				       "lorsqu", "puisqu", NULL};

/* A verb where the catalog lists the noun: "un rdv pour vacciner mon
 * chat" at a vet with "vaccin" (review fr6 c01, s51), "détartrer" and
 * "détartrage", "réviser" and "révision", "vidanger" and "vidange",
 * "blanchir" and "blanchiment", "identifier" and "identification"; the
 * participle ("le faire vacciné", "vaccinée") and "vaccinez-vous". Folded. */
static const char *const verb_ends[] = {
    "er", "ez", "ee", "ees", "es", "e", "ir", NULL,
};
static const char *const noun_ends[] = {
    "",	   "e",	    "age",   "ation",	 "ion", "cation",
    "ure", "ement", "iment", "issement", NULL,
};

/* A person's age around its number ('#'): "il a 8 ans", "mon neveu qui a 9
 * ans", "âgé de 7 ans". */
static const char *const age_frames[] = {
    "il a # ans",   "elle a # ans",  "qui a # ans",
    "age de # ans", "agee de # ans", "fils de # ans", "fille de # ans",
    "enfant de # ans", "de # mois", "fille # ans", "fils # ans",
    "enfant # ans", "petite # ans", "petit # ans", "garcon # ans", NULL,
};

/* French SMS reads "Lecon" plain: a reply that as Unicode would be cut
 * ("Leçon de conduite 1h" makes every reply naming it Unicode, 67
 * characters a part) goes out whole in GSM instead (review fr7 class 1).
 * Only ç: the other accents are GSM (é è à ù, Ç) or rare, and a provider's
 * name ("Ostéo Saône") stays as the catalog writes it. fold_to_fit uses
 * this only when it saves a part. */
/* Where a reply would go as Unicode for a circumflex or a ligature in a
 * catalog name ("Massage bien-être"), the plain letter keeps it in the GSM
 * alphabet, as French texters write: a menu then fits whole (review fr O:
 * five menus ended "et 2 autre(s)", hiding the massage and the first
 * visit). É, è, é, à, ù stay: they are GSM letters. */
static const char *const fit_folds[] = {
    "ç", "c", "ê", "e", "â",  "a", "î", "i",  "ô", "o", "û",  "u", "ë",
    "e", "ï", "i", "œ", "oe", "Ê", "E", "Â",  "A", "Î", "I",  "Ô", "O",
    "Û", "U", "À", "A", "È",  "E", "Œ", "OE", "’", "'", NULL,
};

/* A service hired for the visit goes beside it, never after it. */
static const char *const hire_words[] = {"location", NULL};

const struct lang_pack lang_pack_fr = {
    .whose = &lang_fr_whose,
    .age_frames = age_frames,
    .wday_every_names_one = 1,
    .verb_ends = verb_ends,
    .noun_ends = noun_ends,
    .code = "fr",
    .jobs = &lang_fr_jobs,
    .name = "Français",
    .words = lang_fr_words,
    .asks = lang_fr_asks,
    .tpls = tpls,
    .n_tpls = sizeof(tpls) / sizeof(tpls[0]),
    .wday_abbr = {"lun", "mar", "mer", "jeu", "ven", "sam", "dim"},
    .wday_every = {"le lundi", "le mardi", "le mercredi", "le jeudi",
		   "le vendredi", "le samedi", "le dimanche"},
    .month_abbr = {"janv", "févr", "mars", "avr", "mai", "juin", "juil", "aout",
		   "sept", "oct", "nov", "déc"},
    .when = &when_vocab_fr,
    .elisions = elisions,
    .fit_folds = fit_folds,
    .hour_mark = "h",
    .not_text_names = {"cette demande", "le paiement", "l'accès",
		       "le stationnement", "l'avancement d'un travail",
		       "la venue sans RDV", "les achats et bons cadeaux",
		       "les rappels", "le délai pour réserver", "le retard",
		       "notre numéro"},
    .hire_words = hire_words,
    .fold_last = 1,
    .name_head_first = 1,
};
