/*
 * The Portuguese pack's replies: every message the desk sends, as a
 * template with named placeholders (lang.h lists which each fills), and
 * the pack itself. Written to read well in Brazil and in Portugal alike:
 * no "você" where a verb alone says it, "agendamento" (understood in both),
 * "Oi!" and "Volte sempre!".
 *
 * GSM-7: of Portuguese's accented letters only é and à are in the default
 * alphabet; ã õ á í ó ú ê â ô ç are in the Portuguese national single
 * shift table (policy.national_shift), otherwise the whole reply goes as
 * UCS-2 at 70 characters a segment, and the desk sizes replies for that.
 * So the replies people get most are worded in the default alphabet where
 * Portuguese allows it: "Temos livre" (not "Horários disponíveis"), "O que
 * deseja fazer?" (not "Qual serviço?"), "Responda com o item desejado"
 * (not "o número"), "fica em cima da hora" (not "antecedência"),
 * "Imprevisto?", "Volte sempre!", "Valores", "sab" for Saturday (the common
 * SMS spelling of "sáb"). Only a few replies keep an accent Portuguese
 * cannot do without ("já", "não", "antecedência"): "não fazemos X" agrees
 * with every name, where "X fica fora do que fazemos" did not. A business may
 * reword any template in its catalog (`replies`).
 */
#include "smsdesk/lang.h"

#include "lang_packs.h"

static const struct lang_tpl tpls[] = {
    /* a promessa (manners 3): serviço, dia e hora, valor, ref, como
     * cancelar */
    {"ref_short", "ref {ref}"},
    {"booked", "Agendado: {service}, {when}, {price}. Ref {ref}. Para "
	       "cancelar, envie CANCELAR {ref}."},
    {"booked_many", "{count} agendamentos: {bookings}. Total {total}. Para "
		    "cancelar, envie CANCELAR e a ref."},
    {"booked_many_plain", "{count} agendamentos: {bookings}. Para cancelar, "
			  "envie CANCELAR e a ref."},
    {"moved_many", "{count} agendamentos remarcados: {bookings}. Os "
		   "anteriores foram cancelados. Para cancelar, envie "
		   "CANCELAR e a ref."},
    {"moved", "Remarcado: {service}, {when}, {price}. Nova ref {ref} "
	      "({old_ref} foi cancelada). Para cancelar, envie CANCELAR "
	      "{ref}."},
    {"already_booked", "Você já tem esse horário: {service}, {when}. Ref "
		       "{ref}."},
    {"with_booking", "Junto com o seu {service} {when} (ref {ref}):"},
    {"bookings_total", "Seus agendamentos: {bookings}. Total {total}."},
    {"offer", "Temos livre: {slots}. Responda {pick} para agendar."},
    {"offer_day", "{service}, {day}? Temos livre: {slots}. Responda {pick} "
		  "para agendar."},
    {"offer_window", "{service}, {day}. Temos livre: {slots}. Responda "
		     "{pick} para agendar."},
    {"offer_earliest", "Os primeiros livres para {service}: {slots}. "
		       "Responda {pick} para agendar."},
    {"offer_range", "{service}, temos livre: {slots}. Responda {pick} para "
		    "agendar."},
    {"offer_one", "{service} {when}: livre. Responda 1 para agendar."},
    {"ask_day_at", "Que dia prefere para {service} às {time}? Abrimos "
		   "{hours}."},
    {"ask_service", "O que deseja fazer? Temos: {services}. Responda com o "
		    "item desejado."},
    {"ask_service_brief", "E o que deseja fazer?"},
    {"ask_trade", "Com prazer. O que deseja? Temos: {services}. Responda "
		  "com o item desejado."},
    {"ask_day_priced", "{service}: {length}, {price}. Que dia prefere? "
		       "Abrimos {hours}."},
    {"ask_day", "Que dia prefere para {service}? Abrimos {hours}."},
    {"ask_day_unsure", "Desculpe, o dia ficou pouco claro. Que dia prefere "
		       "para {service}? Abrimos {hours}."},
    {"ask_day_bad", "Desculpe, essa data parece errada. Que dia prefere "
		    "para {service}? Abrimos {hours}."},
    {"ask_day_ambiguous", "Desculpe, a data ficou confusa. Que dia prefere "
			  "para {service}? Abrimos {hours}."},
    {"ask_day_passed", "Desculpe, essa data passou. Que dia prefere para "
		       "{service}? Abrimos {hours}."},
    {"ask_time", "Que horas prefere ({day})? Abrimos {day_hours}."},
    {"ask_time_either", "Que horas ({day}): {a} ou {b}? Abrimos "
			"{day_hours}."},
    /* o não honesto (manners 4) */
    /* "não fazemos X" agrees with any name, plural or feminine (pt4:
     * "Implantes fica fora do que fazemos" read as a mistake) */
    {"not_offered", "Desculpe, não fazemos {thing}. Tente {providers}."},
    {"not_offered_ours", "Desculpe, não fazemos {thing}. Fazemos: "
			 "{services}."},
    {"not_offered_brief", "Desculpe, o outro pedido fica fora do que fazemos."},
    {"not_offered_unknown", "Desculpe, \"{thing}\" fica fora da nossa "
			    "lista. Fazemos: {services}. Responda com o item "
			    "desejado para agendar."},
    {"no_closed", "Desculpe, {day} estamos fechados."},
    {"no_full", "Desculpe, {day} sem vagas para {service}."},
    {"no_notice", "Desculpe, {service} precisa de {notice} de aviso prévio: "
		  "nada livre {day}."},
    {"no_horizon", "Desculpe, a agenda abre apenas {n} dias adiante."},
    {"no_nobody", "Desculpe, nenhum parceiro nosso consegue encaixar."},
    {"taken", "Desculpe, {day} às {time} já está ocupado."},
    {"too_soon", "Desculpe, para {service} marque com {notice} de folga: "
		 "{day} às {time} fica em cima da hora."},
    {"time_passed", "Desculpe, hoje às {time} já passou."},
    /* "as mais perto de 14:00" read clumsy (review pt10 class 1) */
    {"off_grid", "{service} começa a cada {minutes} min: {day} às {time} "
		 "não dá."},
    {"outside_hours", "Desculpe, {day} abrimos {day_hours}."},
    {"last_start", "Desculpe, {day} o último horário para {service} é às "
		   "{time}."},
    {"window_full", "Desculpe, {day} sem vagas para {service} nessa "
		    "faixa."},
    {"elsewhere", "Ou tente {providers}."},
    {"our_next", "Nossas vagas seguintes: {slots}. Responda {pick} para "
		 "agendar."},
    {"try", "Tente {providers}."},
    /* "do you do X?": a yes, what it costs and takes, the day */
    {"price_offered", "Sim, fazemos {service}: {price} ({length}). "
		      "Que dia prefere?"},
    {"price_one", "{service}: {price} ({length}). Envie dia e hora "
		  "para agendar, ex. {example}."},
    /* several services asked about at once: each, then one hint */
    {"price_each", "{service}: {price} ({length})."},
    {"book_example", "Envie dia e hora para agendar, ex. {example}."},
    {"price_all", "Valores: {prices}."},
    {"duration_all", "Duração: {lengths}."},
    {"duration_same", "Todos os nossos atendimentos duram {length}."},
    {"price_booked", "{service}: {price}."},
    {"duration", "{service} leva cerca de {length}."},
    {"hours_week", "Funcionamos {hours}."},
    {"hours_day", "Em {day} abrimos {day_hours}."},
    {"closed_weekly", "Estamos fechados {day}."},
    {"closed_day", "Estamos fechados em {day}."},
    {"closed_days", "Estamos fechados em {days}."},
    {"book_hint", "Envie o que deseja, dia e hora para agendar."},
    {"cancelled", "Cancelado: {service}, {when} (ref {ref}). Para "
		  "remarcar, é só mandar mensagem."},
    {"cancel_unknown", "Desculpe, nenhum agendamento {ref} para este "
		       "telefone. Envie MEUS HORARIOS para ver os seus."},
    {"cancel_already", "O agendamento {ref} consta como cancelado."},
    {"cancel_moved", "O agendamento {old_ref} foi remarcado: agora é {ref}, "
		     "{service} {when}. Para cancelar, envie CANCELAR "
		     "{ref}."},
    {"cancel_none_named", "Não achei agendamento neste número para "
			  "cancelar."},
    {"cancel_none", "Não achei agendamento neste número para cancelar."},
    {"move_none_named", "Não achei agendamento neste número para "
			"remarcar."},
    {"move_none", "Não achei agendamento neste número para remarcar."},
    {"move_unknown", "Desculpe, nenhum agendamento futuro {ref} para este "
		     "telefone."},
    {"move_gone", "Desculpe, esse item saiu da nossa lista. Envie CANCELAR "
		  "{ref} para cancelar."},
    {"which_booking", "Qual agendamento deseja {action}? {bookings} "
		      "Responda com o item desejado."},
    {"bookings", "Seus agendamentos: {bookings}. Para cancelar, envie "
		 "CANCELAR e a ref."},
    {"bookings_more", "E mais {n}."},
    {"for_persons", "{service} para {n} pessoas"},
    {"list_more", " e mais {n}"},
    {"bookings_none", "Não achei agendamento futuro neste número."},
    {"help", "{business}: {services}. Ex. {example}. CANCELAR para "
	     "cancelar, STOP para sair."},
    {"greeting",
     "Oi! Você está falando com {business}. Fazemos {services}. Envie ex. "
     "{example} para agendar."},
    {"not_understood", "Desculpe, a mensagem ficou confusa. Envie ex. "
		       "{example} para agendar, VALORES ou AJUDA."},
    {"cant_answer", "Desculpe, não consigo responder por SMS sobre "
		    "{topic}."},
    {"cant_answer_sorry",
     "Sentimos muito. Não consigo resolver isso por SMS: ligue "
     "para nós ou passe aqui."},
    {"cant_answer_call",
     "Sobre {topic}, o melhor é ligar para {phone}: a gente te ajuda."},
    {"cant_answer_sorry_call",
     "Sentimos muito. Não consigo resolver isso por SMS: ligue para "
     "{phone} que a gente resolve."},
    {"none_held_call", "Se agendou por outro número, ligue para {phone}."},
    {"address", "Nosso endereço: {address}."},
    {"reminder_yes",
     "Sim: mandamos um lembrete por SMS {ahead} antes de cada horário."},
    {"reminder_no", "Não mandamos lembrete por SMS: o horário está na "
		    "confirmação do agendamento."},
    /* running late (LANG_NT_LATE): no handoff configured */
    {"late_noted", "Obrigado por avisar. Te esperamos!"},
    {"crisis", "Sinto muito que se sinta assim. Se estiver em perigo, "
	       "ligue agora mesmo para o {emergency}."},
    {"crisis_line", "Sinto muito que se sinta assim. Se estiver em perigo, "
		    "ligue agora mesmo para o {emergency}. Pode conversar com "
		    "alguém a qualquer hora: {line}."},
    {"notice_one",
     "{service}: agende com pelo menos {notice} de antecedência."},
    {"notice_mode", "Antecedência mínima para agendar: {notice}; exceto "
		    "{list}."},
    {"notice_list", "Antecedência mínima para agendar: {list}."},
    {"notice_none", "Não precisa de antecedência: dá para agendar qualquer "
		    "horário livre, até para hoje."},
    {"cant_answer_can", "Posso agendar, remarcar ou cancelar e informar "
			"valores e quando abrimos: envie ex. {example}."},
    {"opted_out", "Pronto, saiu da nossa lista de SMS. Envie START para "
		  "voltar a receber."},
    {"opted_in", "Bem-vindo de volta: respondemos de novo as suas "
		 "mensagens. Envie STOP para sair."},
    {"already_in", "Nada a mudar: seguimos respondendo as suas mensagens. "
		   "Envie AJUDA para mais."},
    {"ack_no_kept",
     "Sem problema, nada muda: o seu agendamento continua. Mande "
     "mensagem quando quiser."},
    {"praise_thanks", "Muito obrigado, ficamos muito felizes com isso!"},
    /* a party booked one by one: the next person's times follow */
    {"rest_party_full", "Para a outra pessoa não há vaga nesse horário."},
    {"phone_is", "Pode ligar pra gente no {phone}."},
    {"ack_no", "Sem problema, nada agendado. Mande mensagem quando "
	       "quiser."},
    {"pick_number", "Por favor, responda de 1 a {n}."},
    {"which_one", "Qual deles? Responda de 1 a {n}."},
    {"option_or_hour",
     "A opção {n} é às {time} e {a} é a opção {b}: responda {n} ou {b}."},
    {"unbooked_offer", "Só para avisar: ainda não há nada agendado para "
		       "{service}. Responda {choices} para escolher um "
		       "dos horários."},
    {"unbooked_ask", "Só para avisar: ainda não há nada agendado para "
		     "{service}. Envie o dia e a hora para agendar."},
    {"unmoved", "Só para avisar: nada mudou ainda, seu horário de "
		"{service} continua o mesmo."},
    {"list_expired", "Desculpe, essa lista expirou. Envie ex. {example} "
		     "para agendar, ou AJUDA."},
    {"signature", "{business}"},
    {"reminder", "Lembrete: {service}, {day} {time}, {business}. Ref {ref}. "
		 "Imprevisto? Envie CANCELAR {ref}."},
    /* o que os comandos da equipe enviam (smsdesk book, move, cancel) */
    {"staff_booked", "{business}: agendado {service}, {when}, {price}. Ref "
		     "{ref}. Para cancelar, envie CANCELAR {ref}."},
    {"staff_moved", "{business}: o agendamento de {service} passou para "
		    "{when} (era {old_when}). A ref {ref} continua. "
		    "Imprevisto? Envie CANCELAR {ref}."},
    {"staff_cancelled", "{business}: o agendamento de {service} em {when} "
			"(ref {ref}) foi cancelado. Mande mensagem quando "
			"quiser agendar de novo."},
    /* uma mensagem passada a uma pessoa (handoff.c): o que o cliente lê,
     * o repasse aos telefones da equipe e as respostas a um telefone da
     * equipe (os comandos valem em inglês, espanhol e português: hoje,
     * amanha, pendentes, bloquear, desbloquear, ajuda) */
    {"handoff", "Passei a sua mensagem para a equipe: uma pessoa responde "
		"em breve."},
    {"handoff_later", "Passei a sua mensagem para a equipe: uma pessoa "
		      "responde quando abrirmos ({when})."},
    {"handoff_sorry",
     "Sentimos muito. Passei a sua mensagem para a equipe: uma "
     "pessoa responde em breve."},
    {"handoff_sorry_later",
     "Sentimos muito. Passei a sua mensagem para a equipe: "
     "uma pessoa responde quando abrirmos ({when})."},
    /* running late, told to the team: thanks, never sorry */
    {"handoff_late", "Obrigado por avisar: já avisei a equipe. Te esperamos!"},
    /* a further question while a person has the first: told so */
    {"handoff_more", "Anotado: juntei isso à sua mensagem para a equipe."},
    {"staff_forward", "{code} {number} às {time}: \"{text}\" Responda "
		      "{code} + a sua resposta."},
    {"staff_forward_urgent", "URGENTE, possível crise: {code} "
			     "{number} às {time}: \"{text}\" Responda {code} "
			     "+ a sua resposta."},
    {"staff_sent", "Enviado para {number} ({code})."},
    {"staff_no_such", "Nada enviado: nenhuma mensagem {code} espera "
		      "resposta."},
    {"staff_opted_out", "Nada enviado: {number} ({code}) pediu para sair "
			"(STOP)."},
    {"staff_too_long", "Nada enviado: são {n} SMS e o limite é {max}. "
		       "Encurte e envie de novo."},
    {"staff_empty", "Nada enviado: escreva a resposta depois de {code}."},
    {"staff_unknown", "Não entendi. Para responder a um cliente, envie o "
		      "código da mensagem e a resposta, ex. #K7 Esperamos você "
		      "às 15h."},
    {"staff_help", "Depois do PIN: hoje, amanha, pendentes, bloquear "
		   "14:00-15:00 almoco, desbloquear N, ajuda. Para responder "
		   "a um cliente: #CODIGO a resposta."},
    {"staff_day", "{day}: {bookings}."},
    {"staff_day_none", "{day}: nada agendado."},
    {"staff_waiting", "Pendentes: {list}."},
    {"staff_waiting_none", "Nada espera resposta."},
    {"staff_blocked", "Bloqueado {day} {from}-{to} para todos os serviços "
		      "(bloqueio {id}). Para desfazer, envie o PIN e: "
		      "desbloquear {id}"},
    {"staff_unblocked", "Desbloqueado {day} {from}-{to} (bloqueio {id})."},
    {"staff_block_usage", "Envie: bloquear 14:00-15:00, bloquear amanhã "
			  "14:00-15:00 ou bloquear 2026-03-04 14:00-15:00, e "
			  "um motivo se quiser."},
    {"staff_unblock_none", "Não existe o bloqueio {id}."},
    {"staff_summary", "{business}, {day}: {count} agendamentos, das {first} "
		      "às {last}. Esperando uma pessoa: {waiting}. Pedidos "
		      "recusados desde {since}: {turned_away}."},
    {"staff_summary_none", "{business}, {day}: nada agendado. Esperando uma "
			   "pessoa: {waiting}. Pedidos recusados desde "
			   "{since}: {turned_away}."},
    {"staff_summary_week", "{business}, semana de {day}: {count} "
			   "agendamentos. Esperando uma pessoa: {waiting}. "
			   "Pedidos recusados desde {since}: {turned_away}."},
    {"dated_booked", "Também agendado: {service}, {when}, {price}. Ref "
		     "{ref}."},
    {"dated_free", "{service} {day}: livre às {slots}. Envie a hora que "
		   "prefere."},
    {"dated_full", "{service} {day} está sem vagas: envie outro dia."},
    {"dated_closed", "{day} estamos fechados, então {service} nesse dia não "
		     "dá: envie outro dia."},
    {"dated_later", "Agora envie uma hora para {service} {day}."},
    {"dated_far", "{day} está além do prazo de agendamento: {service} nesse "
		  "dia ainda não."},
    {"rest_with", "E junto, {services}."},
    {"rest_asked", "E logo em seguida, {services}."},
    {"rest_failed_at", "{services} nesse horário não tem vaga: me diga outro "
		       "horário."},
    {"rest_later", "Atenção: {service} começa às {time}, não logo depois às "
		   "{end}: não há horário livre nesse momento."},
    {"rest_failed", "Ficou sem encaixe para {services} logo depois: envie "
		    "outra hora."},
    {"action_cancel", "cancelar"},
    {"action_move", "remarcar"},
    {"minutes", "{n} min"},
    {"days_n", "{n} dias"},
    {"hours_n", "{n} horas"},
    {"length_1h", "1 hora"},
    {"length_h", "{n} horas"},
    {"length_hm", "{h}h{m}"},
    {"and_two", "{a} e {b}"},
    {"date", "{wday} {mday} {month}"},
    {"example", "{word} {wday} {hour}h"},
};

/* Portuguese SMS reads "sessao", "orcamento" and "avaliacao" plain: a
 * reply that as Unicode would be cut goes out whole in GSM instead; é, à
 * and Ç are GSM and stay. fold_to_fit uses this only when it saves a part. */
static const char *const fit_folds[] = {
    "á", "a", "â", "a", "ã", "a", "ç", "c", "ê", "e", "í", "i", "ó",
    "o", "ô", "o", "õ", "o", "ú", "u", "Á", "A", "Â", "A", "Ã", "A",
    "Ê", "E", "Í", "I", "Ó", "O", "Ô", "O", "Õ", "O", "Ú", "U", NULL,
};

/* A service hired for the visit goes beside it, never after it. */
static const char *const hire_words[] = {"aluguel", "aluguer", "locacao", NULL};

const struct lang_pack lang_pack_pt = {
    .whose = &lang_pt_whose,
    .code = "pt",
    .jobs = &lang_pt_jobs,
    .name = "Português",
    .words = lang_pt_words,
    .asks = lang_pt_asks,
    .tpls = tpls,
    .n_tpls = sizeof(tpls) / sizeof(tpls[0]),
    .wday_abbr = {"seg", "ter", "qua", "qui", "sex", "sab", "dom"},
    .wday_every = {"às segundas", "às terças", "às quartas", "às quintas",
		   "às sextas", "aos sábados", "aos domingos"},
    .month_abbr = {"jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago",
		   "set", "out", "nov", "dez"},
    .when = &when_vocab_pt,
    .fit_folds = fit_folds,
    .not_text_names = {"isso", "pagamento", "como chegar", "estacionamento",
		       "o andamento de um trabalho",
		       "atendimento sem hora marcada", "o que vendemos",
		       "lembretes", "antecedência", "o atraso",
		       "nosso telefone"},
    .hire_words = hire_words,
    .fold_last = 1,
    .name_head_first = 1,
};
