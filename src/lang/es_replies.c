/*
 * The Spanish pack's replies: every message the desk sends, as a template
 * with named placeholders (lang.h lists which each fills), and the pack
 * itself. Spanish for both sides of the Atlantic: "tú", "cita" and
 * "reserva", no "vosotros", no "ahorita", no "coger".
 *
 * Written to stay in the GSM 7-bit alphabet where that reads naturally (é,
 * ñ, ü, ¿ and ¡ are in it; á, í, ó and ú are not, and one of them makes a
 * whole reply a Unicode text of 70 characters a part): "Escribe" rather
 * than "Envía", "fecha" rather than "día", "Elige del 1 al 3" rather than
 * "Responde con un número". Days in dates are lower case with their
 * accents, as Spanish writes them ("mié", "sáb"). Where only the accented
 * word is right ("días", "cómo llegar", "¿Y cuál?") it is written
 * properly; with policy.national_shift the Spanish single-shift table
 * carries á í ó ú at GSM cost.
 */
#include "smsdesk/lang.h"

#include "lang_packs.h"

static const struct lang_tpl tpls[] = {
    /* the promise (manners 3): service, local day and time, price, ref,
     * how to cancel */
    {"ref_short", "ref {ref}"},
    {"booked", "Reservado: {service}, {when}, {price}. Ref {ref}. Para "
	       "cancelar escribe CANCELAR {ref}."},
    {"booked_many", "{count} citas reservadas: {bookings}. Total {total}. "
		    "Para cancelar: CANCELAR y la ref."},
    {"booked_many_plain", "{count} citas reservadas: {bookings}. Para "
			  "cancelar: CANCELAR y la ref."},
    {"moved_many", "{count} citas cambiadas: {bookings}. Las anteriores "
		   "quedan anuladas. Para cancelar: CANCELAR y la ref."},
    {"moved", "Cita cambiada: {service}, ahora el {when}, {price}. Nueva "
	      "ref {ref} ({old_ref} queda anulada). Para cancelar escribe "
	      "CANCELAR {ref}."},
    {"already_booked", "Ya tienes cita: {service}, {when}. Ref {ref}."},
    {"with_booking", "Junto a tu {service} {when} (ref {ref}):"},
    {"bookings_total", "Tus citas: {bookings}. Total {total}."},
    {"offer", "Libre: {slots}. Responde {pick} para reservar."},
    {"offer_day", "¿{service} el {day}? Libre: {slots}. Responde {pick} "
		  "para reservar."},
    {"offer_window", "{service} el {day}. Libre: {slots}. Responde {pick} "
		     "para reservar."},
    {"offer_earliest", "Lo primero libre para {service}: {slots}. Responde "
		       "{pick} para reservar."},
    {"offer_range", "{service}, libre: {slots}. Responde {pick} para "
		    "reservar."},
    {"offer_one", "{service} el {when}: hay hueco. Responde 1 para "
		  "reservarlo."},
    {"ask_day_at", "¿Qué día quieres {service} a las {time}? Abrimos "
		   "{hours}."},
    {"ask_service", "¿Qué servicio quieres? Hacemos: {services}. Responde "
		    "{pick}."},
    {"ask_service_brief", "¿Y qué servicio quieres?"},
    /* no "Claro": to "¿lo dais?", "¿está listo?" it reads as a yes
     * (review es4) */
    {"ask_trade", "¿Qué servicio necesitas? Hacemos: {services}. Responde "
		  "{pick}."},
    {"ask_day_priced", "{service}: {length}, {price}. ¿Qué fecha te va "
		       "bien? Abrimos {hours}."},
    {"ask_day", "¿Qué fecha te va bien para {service}? Abrimos {hours}."},
    {"ask_day_unsure", "Perdona, no sé qué fecha dices. ¿Qué fecha te va "
		       "bien para {service}? Abrimos {hours}."},
    {"ask_day_bad", "Perdona, esa fecha no existe. ¿Qué fecha te va bien "
		    "para {service}? Abrimos {hours}."},
    {"ask_day_ambiguous", "Perdona, no tengo claro qué fecha es. ¿Qué fecha "
			  "te va bien para {service}? Abrimos {hours}."},
    {"ask_day_passed", "Perdona, esa fecha ya ha pasado. ¿Qué fecha te va "
		       "bien para {service}? Abrimos {hours}."},
    {"ask_time", "¿A qué hora el {day}? Abrimos {day_hours}."},
    {"ask_time_either", "¿A qué hora el {day}: {a} o {b}? Abrimos "
			"{day_hours}."},
    /* the honest no (manners 4) */
    {"not_offered", "Lo siento, no hacemos {thing}. Prueba con "
		    "{providers}."},
    {"not_offered_ours", "Lo siento, no hacemos {thing}. Hacemos: "
			 "{services}."},
    {"not_offered_brief", "Lo siento, lo otro que pides no lo hacemos."},
    /* not "no tenemos correa" (reads: we have no belt, review es4) */
    {"not_offered_unknown", "Lo siento, {thing} no está entre nuestros "
			    "servicios. Hacemos: "
			    "{services}. Responde {pick} para reservar."},
    {"no_closed", "Lo siento, el {day} cerramos."},
    {"no_full", "Lo siento, el {day} no queda hueco para {service}."},
    {"no_notice", "Lo siento, para {service} necesitamos {notice} de "
		  "aviso: el {day} ya no queda nada."},
    {"no_horizon", "Lo siento, solo damos cita con hasta {n} días de "
		   "antelación."},
    {"no_nobody", "Y nadie que conozcamos tiene hueco, lo siento."},
    {"taken", "Lo siento, ya no hay hueco el {day} a las {time}."},
    {"too_soon", "Lo siento, para {service} necesitamos {notice} de aviso: "
		 "el {day} a las {time} es muy pronto."},
    {"time_passed", "Lo siento, las {time} de hoy ya han pasado."},
    /* never "no hay hueco" (to a Spanish ear: we're full) for an hour
     * that is only off the service's grid (review es4) */
    {"off_grid", "Las citas de {service} empiezan cada {minutes} min: "
		 "el {day} las más cercanas a las {time} son estas."},
    {"outside_hours", "Lo siento, el {day} abrimos {day_hours}."},
    {"last_start", "Lo siento, el {day} la última cita de {service} es a "
		   "las {time}."},
    {"window_full", "Lo siento, a esa hora no hay nada libre para "
		    "{service} el {day}."},
    {"elsewhere", "O prueba con {providers}."},
    {"our_next", "Nuestros siguientes huecos: {slots}. Responde {pick} "
		 "para reservar."},
    {"try", "Prueba con {providers}."},
    /* "do you do X?": a yes, what it costs and takes, the day */
    {"price_offered", "Sí, hacemos {service}: {price} ({length}). "
		      "¿Qué fecha te va bien?"},
    {"price_one", "{service}: {price} ({length}). Para reservar dime "
		  "fecha y hora, p. ej. {example}."},
    /* several services asked about at once: each, then one hint */
    {"price_each", "{service}: {price} ({length})."},
    {"book_example", "Para reservar dime fecha y hora, p. ej. {example}."},
    {"price_all", "Precios: {prices}."},
    {"duration_all", "Duración: {lengths}."},
    {"duration_same", "Todas nuestras citas duran {length}."},
    {"price_booked", "{service}: {price}."},
    {"duration", "{service} dura aprox. {length}."},
    {"hours_week", "Abrimos {hours}."},
    {"hours_day", "El {day} abrimos {day_hours}."},
    {"closed_weekly", "Cerramos {day}."},
    {"closed_day", "El {day} cerramos."},
    {"closed_days", "Cerramos: {days}."},
    {"book_hint", "Para reservar escribe servicio, fecha y hora."},
    {"cancelled", "Cancelada: {service}, {when} (ref {ref}). Si quieres "
		  "otra cita, escríbenos."},
    {"cancel_unknown", "Lo siento, no encontramos la reserva {ref} de este "
		       "teléfono. Escribe MIS CITAS para ver las tuyas."},
    {"cancel_already", "La reserva {ref} ya estaba cancelada."},
    {"cancel_moved", "La reserva {old_ref} ahora es {ref}: {service} "
		     "{when}. Para cancelarla escribe CANCELAR {ref}."},
    {"cancel_none_named",
     "No encuentro ninguna cita con este número que cancelar."},
    {"cancel_none", "No encuentro ninguna cita con este número que cancelar."},
    {"move_none_named", "No tienes ninguna cita en este número que "
			"cambiar."},
    {"move_none", "No encuentro ninguna cita con este número que cambiar. Para "
		  "reservar escribe servicio, fecha y hora."},
    {"move_unknown", "Lo siento, no encontramos ninguna cita {ref} de este "
		     "teléfono."},
    {"move_gone", "Lo siento, ese servicio ya no lo hacemos. Escribe "
		  "CANCELAR {ref} para cancelarla."},
    {"which_booking", "¿Qué cita quieres {action}? {bookings} Responde "
		      "{pick}."},
    {"bookings", "Tus citas: {bookings}. Para cancelar: CANCELAR y la ref."},
    {"bookings_more", "Y {n} más."},
    {"for_persons", "{service} para {n} personas"},
    {"list_more", " y {n} más"},
    {"bookings_none", "No encuentro ninguna cita con este número."},
    {"help", "{business}: {services}. Escribe p. ej. {example}. CANCELAR "
	     "para cancelar, BAJA para no recibir mensajes."},
    {"greeting", "¡Hola! Somos {business}. Hacemos {services}. Escribe p. "
		 "ej. {example} para reservar."},
    {"not_understood", "Perdona, no te he entendido. Escribe p. ej. "
		       "{example} para reservar, PRECIOS o AYUDA."},
    {"cant_answer", "Lo siento, por mensaje no puedo responder sobre "
		    "{topic}."},
    {"cant_answer_sorry",
     "Lo sentimos mucho. Esto no puedo resolverlo por mensaje: "
     "llámanos o pásate y te atendemos."},
    {"cant_answer_call",
     "Sobre {topic} mejor llámanos al {phone} y te lo contamos."},
    {"cant_answer_sorry_call",
     "Lo sentimos mucho. Esto no puedo resolverlo por mensaje: llámanos al "
     "{phone} y te atendemos."},
    {"none_held_call", "Si reservaste desde otro número, llámanos al {phone}."},
    {"address", "Estamos en {address}."},
    {"reminder_yes",
     "Sí: te enviamos un recordatorio por SMS {ahead} antes de cada cita."},
    {"reminder_no", "No enviamos recordatorios por SMS: la hora está en la "
		    "confirmación de tu cita."},
    /* running late (LANG_NT_LATE): no handoff configured */
    {"late_noted", "Gracias por avisar. ¡Hasta pronto!"},
    {"crisis", "Siento mucho que lo pases tan mal. Si corres peligro, "
	       "llama ahora mismo al {emergency}."},
    {"crisis_line", "Siento mucho que lo pases tan mal. Si corres peligro, "
		    "llama ahora mismo al {emergency}. Alguien te escucha a "
		    "cualquier hora: {line}."},
    {"notice_one",
     "{service}: hay que reservar con al menos {notice} de antelación."},
    {"notice_mode", "Antelación mínima para reservar: {notice}; salvo "
		    "{list}."},
    {"notice_list", "Antelación mínima para reservar: {list}."},
    {"notice_none", "No hace falta antelación: puedes reservar cualquier hueco "
		    "libre, incluso hoy."},
    {"cant_answer_can", "Puedo reservar, cambiar o cancelar citas y darte "
			"precios y horarios: escribe p. ej. {example}."},
    {"opted_out", "Te has dado de baja: no volveremos a escribirte. Escribe "
		  "ALTA para volver."},
    {"opted_in", "Vuelves a estar de alta: te responderemos de nuevo. "
		 "Escribe BAJA para darte de baja."},
    {"already_in", "Ya recibes nuestros mensajes. Escribe AYUDA para ver "
		   "opciones."},
    {"ack_no_kept",
     "Vale, no cambio nada: tu cita sigue en pie. Escribe cuando "
     "quieras."},
    {"praise_thanks", "¡Muchas gracias, qué alegría leerlo!"},
    /* a party booked one by one: the next person's times follow */
    {"rest_party_full", "Para la otra persona no queda sitio a esa hora."},
    {"phone_is", "Puedes llamarnos al {phone}."},
    {"ack_no", "Vale, no reservo nada. Escribe cuando quieras."},
    {"pick_number", "Elige del 1 al {n}, por favor."},
    {"which_one", "¿Y cuál? Elige del 1 al {n}."},
    {"option_or_hour", "La opción {n} es a las {time} y las {a} es la opción "
		       "{b}: responde {n} o {b}."},
    {"unbooked_offer", "Ojo: aún no hemos reservado {service}. Responde "
		       "{choices} para elegir una de esas horas."},
    {"unbooked_ask", "Ojo: aún no hemos reservado {service}. "
		     "Escríbenos un día y una hora para reservar."},
    {"unmoved", "Ojo: aún no hemos cambiado nada, tu cita de "
		"{service} sigue igual."},
    {"list_expired", "Perdona, esa lista ya no vale. Escribe p. ej. "
		     "{example} para reservar, o AYUDA."},
    {"signature", "{business}"},
    {"reminder", "Recordatorio: {service}, {day} a las {time} en "
		 "{business}. Ref {ref}. ¿No puedes venir? Escribe CANCELAR "
		 "{ref}."},
    /* texts the staff's commands send (smsdesk book, move, cancel) */
    {"staff_booked", "{business}: reservado {service}, {when}, {price}. "
		     "Ref {ref}. Para cancelar escribe CANCELAR {ref}."},
    {"staff_moved", "{business}: tu cita de {service} pasa al {when} (antes "
		    "{old_when}). La ref {ref} no cambia. ¿No puedes venir? "
		    "Escribe CANCELAR {ref}."},
    {"staff_cancelled", "{business}: tu cita de {service} del {when} (ref "
			"{ref}) queda cancelada. Puedes volver a reservar por "
			"mensaje cuando quieras."},
    /* a text handed to a person (handoff.c): what the customer hears,
     * the forward to the staff phones, and the answers to a staff phone
     * (its commands are read in English and in Spanish: hoy, mañana,
     * pendientes, bloquear, desbloquear, ayuda) */
    {"handoff", "He pasado tu mensaje al equipo: una persona te contesta "
		"en breve."},
    {"handoff_later", "He pasado tu mensaje al equipo: una persona te "
		      "contesta cuando abramos ({when})."},
    {"handoff_sorry", "Lo sentimos mucho. He pasado tu mensaje al equipo: una "
		      "persona te contesta en breve."},
    {"handoff_sorry_later",
     "Lo sentimos mucho. He pasado tu mensaje al equipo: "
     "una persona te contesta cuando abramos ({when})."},
    /* running late, told to the team: thanks, never sorry */
    {"handoff_late",
     "Gracias por avisar: ya se lo he dicho al equipo. ¡Hasta pronto!"},
    /* a further question while a person has the first: told so */
    {"handoff_more", "Anotado: se lo he añadido a tu mensaje para el equipo."},
    {"staff_forward", "{code} {number} a las {time}: \"{text}\" Contesta "
		      "{code} + tu respuesta."},
    {"staff_forward_urgent", "URGENTE, posible crisis: {code} "
			     "{number} a las {time}: \"{text}\" Contesta "
			     "{code} + tu respuesta."},
    {"staff_sent", "Enviado a {number} ({code})."},
    {"staff_no_such", "No enviado: no hay mensaje {code} pendiente de "
		      "respuesta."},
    {"staff_opted_out", "No enviado: {number} ({code}) se ha dado de baja."},
    {"staff_too_long", "No enviado: son {n} mensajes y se permiten {max}. "
		       "Escribe un texto breve y vuelve a mandarlo."},
    {"staff_empty", "No enviado: escribe tu respuesta tras {code}."},
    {"staff_unknown", "No entendido. Para contestar a un cliente escribe la "
		      "clave del aviso y tu respuesta, p. ej. #K7 Te esperamos "
		      "a las 3."},
    {"staff_help", "Tras tu PIN: hoy, mañana, pendientes, bloquear "
		   "14:00-15:00 comida, desbloquear N, ayuda. Para contestar "
		   "a un cliente: #CLAVE tu respuesta."},
    {"staff_day", "{day}: {bookings}."},
    {"staff_day_none", "{day}: nada reservado."},
    {"staff_waiting", "Pendientes: {list}."},
    {"staff_waiting_none", "No hay nada pendiente de respuesta."},
    {"staff_blocked", "Bloqueado {day} {from}-{to} para todos los servicios "
		      "(bloqueo {id}). Para deshacerlo escribe tu PIN y: "
		      "desbloquear {id}"},
    {"staff_unblocked", "Desbloqueado {day} {from}-{to} (bloqueo {id})."},
    {"staff_block_usage", "Escribe: bloquear 14:00-15:00, bloquear mañana "
			  "14:00-15:00 o bloquear 2026-03-04 14:00-15:00, y "
			  "un motivo si quieres."},
    {"staff_unblock_none", "No hay bloqueo {id}."},
    /* el resumen diario (semanal) al personal que lo pidió
     * (handoff_summary.c): sin números de clientes */
    {"staff_summary", "{business}, {day}: {count} citas, de {first} a "
		      "{last}. Mensajes pendientes: {waiting}. Peticiones no "
		      "atendidas desde {since}: {turned_away}."},
    {"staff_summary_none", "{business}, {day}: nada reservado. Mensajes "
			   "pendientes: {waiting}. Peticiones no atendidas "
			   "desde {since}: {turned_away}."},
    {"staff_summary_week", "{business}, semana desde el {day}: {count} "
			   "citas. Mensajes pendientes: {waiting}. Peticiones "
			   "no atendidas desde {since}: {turned_away}."},
    {"dated_booked", "También reservado: {service}, {when}, {price}. Ref "
		     "{ref}."},
    {"dated_free", "{service} el {day}: libre a las {slots}. Dime la hora "
		   "que quieres."},
    {"dated_full", "{service} el {day} está completo: dime otro día."},
    {"dated_closed", "El {day} cerramos, así que {service} ese día no puede "
		     "ser: dime otro día."},
    {"dated_later", "Dime también una hora para {service} el {day}."},
    {"dated_far", "El {day} queda más allá de lo que reservamos: {service} "
		  "ese día aún no."},
    {"rest_with", "Y con ello, {services}."},
    {"rest_asked", "Y justo después, {services}."},
    {"rest_failed_at", "El resto ({services}) a esa hora no puede ser "
		       "(ocupado o no es hora de inicio): dime otra hora."},
    {"rest_later", "Ojo: {service} empieza a las {time}, no justo después a "
		   "las {end}: a esa hora no hay inicio libre."},
    {"rest_failed", "No he podido poner {services} justo después: dime "
		    "una hora para eso."},
    {"action_cancel", "cancelar"},
    {"action_move", "cambiar"},
    {"minutes", "{n} min"},
    {"days_n", "{n} días"},
    {"hours_n", "{n} horas"},
    {"length_1h", "1 hora"},
    {"length_h", "{n} horas"},
    {"length_hm", "{h} h {m} min"},
    {"and_two", "{a} y {b}"},
    {"date", "{wday} {mday} {month}"},
    {"example", "{word} {wday} a las {hour}"},
};

/* Spanish reads "Sesion", "Puncion" and "dias" plain, as SMS writes them:
 * a reply that would be cut as Unicode goes out whole in GSM instead (é, ñ,
 * ü, ¿ and ¡ are GSM and stay). */
static const char *const fit_folds[] = {
    "á", "a", "í", "i", "ó", "o", "ú", "u",  "Á",
    "A", "Í", "I", "Ó", "O", "Ú", "U", NULL,
};

/* A verb where the catalog lists the noun: "cuando podeis bañar a mi
 * perro?" at a vet with "baño" (review es5 c13, s44), "peinarla" and
 * "peinado", "depilarme" and "depilacion", "revisarlo" and "revision",
 * "limpiarle" and "limpieza", "montar" and "montaje", "vacunen" and
 * "vacuna". Folded. */
static const char *const verb_ends[] = {
    "ar",
    "arlo",
    "arla",
    "arle",
    "arlos",
    "arlas",
    "arles",
    "arme",
    "arte",
    "arse",
    "arnos",
    "er",
    "erlo",
    "erla",
    "erle",
    "erme",
    "ir",
    "irlo",
    "irla",
    "irle",
    "irme",
    /* "que le vacunen", "que lo bañe": the asked-for subjunctive
     * (review es6 d06) */
    "en",
    "e",
    NULL,
};
static const char *const noun_ends[] = {
    "o",   "e",	  "a",	 "ado",	    "ada",     "acion", "ion",
    "eza", "aje", "ido", "amiento", "imiento", NULL,
};

/* A service hired for the visit goes beside it, never after it. */
static const char *const hire_words[] = {"alquiler", NULL};

const struct lang_pack lang_pack_es = {
    .whose = &lang_es_whose,
    .verb_ends = verb_ends,
    .noun_ends = noun_ends,
    .code = "es",
    .jobs = &lang_es_jobs,
    .name = "Español",
    .words = lang_es_words,
    .asks = lang_es_asks,
    .tpls = tpls,
    .n_tpls = sizeof(tpls) / sizeof(tpls[0]),
    .wday_abbr = {"lun", "mar", "mié", "jue", "vie", "sáb", "dom"},
    .wday_every = {"los lunes", "los martes", "los miércoles", "los jueves",
		   "los viernes", "los sábados", "los domingos"},
    .month_abbr = {"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago",
		   "sep", "oct", "nov", "dic"},
    .not_text_names = {"eso", "pagos", "cómo llegar", "aparcar",
		       "el estado de un trabajo", "venir sin cita",
		       "lo que vendemos", "recordatorios", "antelación",
		       "el retraso", "nuestro teléfono"},
    .when = &when_vocab_es,
    .fit_folds = fit_folds,
    .hire_words = hire_words,
    .fold_last = 1,
    .name_head_first = 1,
};
