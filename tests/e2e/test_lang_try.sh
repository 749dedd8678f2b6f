#!/bin/sh
# Which language, through smsdesk try (the daemon's own answering path, on a
# scratch database): the Spanish example catalog (conf/ejemplo-es.cfg,
# business.languages = [ "es", "en" ]) answers each text in its language,
# keeps a text that does not tell in the customer's language, shows the
# language in --explain, and tells a customer handed to a person in theirs.
. "$SMSDESK_SRC/tests/e2e/lib.sh"

cfg="$SMSDESK_SRC/conf/ejemplo-es.cfg"
tmp=$(mktemp -d /tmp/smsdesk-test-lang-try.XXXXXX)
db="$tmp/desk.db"
try() { "$SMSDESK_BIN" try -c "$cfg" --db "$db" "$@"; }

t_begin "a Spanish text is answered in Spanish, an English one in English"
out=$(try --now 2026-12-01T09:00 --from +34600000001 "hola, un corte mañana a las 11 porfa"); rc=$?
t_eq "$rc" 0
t_contains "$out" "Reservado: Corte de pelo, mié 2 dic 11:00, 15 €. Ref "
t_contains "$out" "¡Te esperamos!"
out=$(try --now 2026-12-01T09:00 --from +34600000002 "hi, can I book a haircut tomorrow at 12?")
t_contains "$out" "Booked: Haircut, Wed 2 Dec 12:00, 15 €. Ref "
t_contains "$out" "See you then!"
t_end

t_begin "a text that does not tell stays in the customer's language"
out=$(try --now 2026-12-01T09:05 --from +34600000002 "beard trim on friday")
t_contains "$out" "Beard trim on Fri 4 Dec?"
out=$(try --now 2026-12-01T09:06 --from +34600000002 "2")
t_contains "$out" "Booked: Beard trim, Fri 4 Dec"
out=$(try --now 2026-12-01T09:05 --from +34600000001 "barba el viernes")
t_contains "$out" "Arreglo de barba el vie 4 dic?"
out=$(try --now 2026-12-01T09:06 --from +34600000001 "2")
t_contains "$out" "Reservado: Arreglo de barba, vie 4 dic"
t_end

t_begin "--explain says which language and why"
out=$(try --now 2026-12-01T09:10 --from +34600000001 --explain "11:30?")
t_contains "$out" "language: es (the customer's language so far)"
out=$(try --now 2026-12-01T09:10 --from +34600000003 --explain "how much is a shave")
t_contains "$out" "language: en (the text is written in it)"
t_contains "$out" "Hot towel shave is 18 €"
out=$(try --now 2026-12-01T09:10 --from +34600000004 --explain "ok")
t_contains "$out" "language: es (the business's first language)"
t_end

t_begin "a customer handed to a person is told so in their language"
sed 's/^policy = {/staff = ( { name = "Sam"; phone = "+34600000777"; } );\npolicy = {/' \
	"$cfg" >"$tmp/staff.cfg"
out=$("$SMSDESK_BIN" try -c "$tmp/staff.cfg" --now 2026-12-01T22:00 \
	--from +34600000005 "can I speak to a person please" 2>/dev/null)
t_contains "$out" "I've passed your message to the team"
t_contains "$out" "(Wed 10:00)"
out=$("$SMSDESK_BIN" try -c "$tmp/staff.cfg" --now 2026-12-01T22:00 \
	--from +34600000006 "quiero hablar con una persona" 2>/dev/null)
t_contains "$out" "He pasado tu mensaje al equipo"
t_contains "$out" "(mié 10:00)"
t_end

t_begin "a complaint handed to a person is told sorry first"
out=$("$SMSDESK_BIN" try -c "$tmp/staff.cfg" --now 2026-12-01T22:00 \
	--from +34600000008 "my beard trim came out patchy, not happy" 2>/dev/null)
t_contains "$out" "Sorry to hear that. I've passed your message to the team"
t_contains "$out" "(Wed 10:00)"
sed 's/^policy = {/staff = ( { name = "Ayşe"; phone = "+905321112233"; forward = true; } );\npolicy = {/' \
	"$SMSDESK_SRC/tests/data/lang/tr/catalog.cfg" >"$tmp/tr-staff.cfg"
out=$("$SMSDESK_BIN" try -c "$tmp/tr-staff.cfg" --db "$tmp/tr.db" \
	--now 2026-03-25T10:00 --from +905551234567 "röfle çok sarı oldu" 2>/dev/null)
t_contains "$out" "Yaşadığınız sorun için çok üzgünüz. Mesajınızı ekibe ilettim"
out=$("$SMSDESK_BIN" try -c "$SMSDESK_SRC/tests/data/lang/tr/catalog.cfg" \
	--db "$tmp/tr.db" --now 2026-03-25T10:00 --from +905551234568 \
	"saçımı çok kötü kestiniz" 2>/dev/null)
t_contains "$out" "Yaşadığınız sorun için çok üzgünüz. Bunu SMS ile"
t_end

t_begin "a cancel that names a booking none holds gets no opt-out hint (tr10 s11)"
out=$("$SMSDESK_BIN" try -c "$SMSDESK_SRC/tests/data/lang/tr/catalog.cfg" \
	--db "$tmp/tr.db" --now 2026-03-25T10:00 --from +905551234569 \
	"Yarınki randevumu iptal etmek istiyorum" 2>/dev/null)
t_contains "$out" "Bu numarada iptal edilecek yaklaşan bir randevu görünmüyor"
out=$("$SMSDESK_BIN" try -c "$SMSDESK_SRC/tests/data/lang/tr/catalog.cfg" \
	--db "$tmp/tr.db" --now 2026-03-25T10:00 --from +905551234570 \
	"iptal" 2>/dev/null)
t_contains "$out" "DUR yazın"
t_end

t_begin "the staff's cancel texts the customer in their language"
out=$(try --now 2026-12-01T09:00 --from +34600000007 "hi, can I book a shave on friday at 12?")
ref=$(echo "$out" | sed -n 's/.*Ref \([A-Z0-9]*\)\..*/\1/p')
t_contains "$out" "Booked: Hot towel shave, Fri 4 Dec 12:00"
out=$("$SMSDESK_BIN" cancel -c "$cfg" --db "$db" "$ref" 2>&1); rc=$?
t_eq "$rc" 0
out=$("$SMSDESK_BIN" inbox -c "$cfg" --db "$db" --now 2026-12-01T09:10 +34600000007 2>&1)
t_contains "$out" "your Hot towel shave on Fri 4 Dec 12:00 (ref $ref) is cancelled"
t_end

# Review pt10 (an esmalteria in São Paulo, its catalog): the replies as
# sent, through the daemon's answering path with its handoff.
pcfg="$SMSDESK_SRC/tests/data/lang/pt/esmalteria.cfg"
ptry() { "$SMSDESK_BIN" try -c "$pcfg" --db "$tmp/pt.db" "$@" 2>/dev/null; }

t_begin "pt: a time off the grid is said plainly (was 'as mais perto de 14:00')"
out=$(ptry --now 2026-12-02T10:00 --from +5511990000001 "Oi, queria marcar manicure amanhã às 14h")
t_contains "$out" "Manicure (mão) começa a cada 40 min: qui 3 dez às 14:00 não dá. Temos livre: 1) 13:00"
t_end

t_begin "pt: 'marca pra mim ..., é pra minha mãe' books one; 'gel na mão' the gel alone"
out=$(ptry --now 2026-12-02T10:00 --from +5511990000002 "Marca pra mim mão e pé sexta 18h, é pra minha mãe, o nome dela é Sônia")
t_contains "$out" "Agendado: Pé e mão, sex 4 dez 18:00, R\$ 70. Ref "
out=$(ptry --now 2026-12-02T10:00 --from +5511990000003 "gel na mão sexta 10h")
t_contains "$out" "Agendado: Esmaltação em gel, sex 4 dez 10:00, R\$ 80. Ref "
t_end

t_begin "pt: a booking described that this number does not hold: said, and a person"
out=$(ptry --now 2026-12-02T10:00 --from +5511990000004 "Preciso cancelar meu horário de amanhã")
t_contains "$out" "Não achei agendamento neste número para cancelar. Passei a sua mensagem para a equipe"
t_end

t_begin "two services, no time: the visit is named as one, and one answer books both"
out=$(try --now 2026-12-01T09:20 --from +34600000031 "corte y barba el viernes por la tarde")
t_contains "$out" "Corte de pelo + arreglo de barba el vie 4 dic. Libre: 1) 16:30"
t_lacks "$out" "Y justo después"
t_lacks "$out" "Dime también una hora"
out=$(try --now 2026-12-01T09:21 --from +34600000031 "1")
t_contains "$out" "2 citas reservadas: Corte de pelo vie 4 dic 16:30"
t_contains "$out" "Arreglo de barba 17:00"
out=$(try --now 2026-12-01T09:22 --from +34600000032 "haircut and beard trim friday afternoon")
t_contains "$out" "Haircut + beard trim on Fri 4 Dec. Free: 1) 12:00"
t_lacks "$out" "straight after it"
out=$(try --now 2026-12-01T09:23 --from +34600000032 "2")
t_contains "$out" "Haircut Fri 4 Dec 12:30"
t_contains "$out" "Beard trim 13:00"
t_end

t_begin "no booking found is said of this number, never 'you have none with us' (reviews es X, fr W)"
out=$(try --now 2026-12-01T10:00 --from +34600000051 "quiero cancelar")
t_contains "$out" "No encuentro ninguna cita con este número que cancelar."
out=$(try --now 2026-12-01T10:00 --from +34600000052 "please cancel")
t_contains "$out" "I can't find an upcoming booking on this number to cancel."
t_end

t_begin "what a text cannot do says where it can: the business's phone and address"
sed 's/^  languages = \(.*\)$/  languages = \1\n  phone = "963 12 34 56";\n  address = "Calle de Cuba 12, Valencia";/' \
	"$cfg" >"$tmp/contact.cfg"
ctry() { "$SMSDESK_BIN" try -c "$tmp/contact.cfg" --db "$tmp/contact.db" "$@" 2>/dev/null; }
out=$(ctry --now 2026-12-01T10:00 --from +34600000041 "se puede pagar con tarjeta?")
t_eq "$out" "Sobre pagos mejor llámanos al 963 12 34 56 y te lo contamos."
out=$(ctry --now 2026-12-01T10:00 --from +34600000042 "do you take card?")
t_eq "$out" "For payment, please call us on 963 12 34 56: we'll be glad to help."
out=$(ctry --now 2026-12-01T10:00 --from +34600000043 "el corte de ayer me quedó fatal, muy mal")
t_contains "$out" "Lo sentimos mucho. Esto no puedo resolverlo por mensaje: llámanos al 963 12 34 56"
out=$(ctry --now 2026-12-01T10:00 --from +34600000044 "¿dónde estáis?")
t_eq "$out" "Estamos en Calle de Cuba 12, Valencia."
out=$(ctry --now 2026-12-01T10:00 --from +34600000045 --explain "where are you?")
t_contains "$out" "You'll find us at Calle de Cuba 12, Valencia."
t_contains "$out" "address"
out=$(ctry --now 2026-12-01T10:00 --from +34600000046 "quiero corte mañana a las 11, y dónde estáis?")
t_contains "$out" "Reservado: Corte de pelo, mié 2 dic 11:00"
t_contains "$out" "Estamos en Calle de Cuba 12, Valencia."
# without them, the honest dead end it always was: no number made up
out=$(try --now 2026-12-01T10:00 --from +34600000047 "se puede pagar con tarjeta?")
t_contains "$out" "por mensaje no puedo responder sobre pagos."
t_lacks "$out" "llámanos"
t_end

t_begin "staff who take texts still hear 'where are you?' only when no address answers it"
sed 's/^policy = {/staff = ( { name = "Sam"; phone = "+34600000777"; } );\npolicy = {/' \
	"$tmp/contact.cfg" >"$tmp/contact-staff.cfg"
out=$("$SMSDESK_BIN" try -c "$tmp/contact-staff.cfg" --now 2026-12-01T12:00 \
	--from +34600000048 "¿dónde estáis?" 2>/dev/null)
t_eq "$out" "Estamos en Calle de Cuba 12, Valencia."
t_end

t_begin "hours and lengths as people write them: one day's periods joined, long visits in hours"
out=$(try --now 2026-12-01T10:00 --from +34600000051 "qué horario tenéis?")
t_eq "$out" "Abrimos lun-vie 10:00-14:00 y 16:30-20:30, sáb 10:00-14:00."
out=$(try --now 2026-12-01T10:00 --from +34600000052 "what are your opening hours?")
t_contains "$out" "Mon-Fri 10:00-14:00 and 16:30-20:30, Sat 10:00-14:00"
sed 's/price = "18 €"; minutes = 30;/price = "18 €"; minutes = 150;/' "$cfg" >"$tmp/long.cfg"
out=$("$SMSDESK_BIN" try -c "$tmp/long.cfg" --now 2026-12-01T10:00 --from +34600000053 "cuánto dura el afeitado?" 2>/dev/null)
t_contains "$out" "dura aprox. 2 h 30 min."
out=$("$SMSDESK_BIN" try -c "$tmp/long.cfg" --now 2026-12-01T10:00 --from +34600000054 "how long is a shave?" 2>/dev/null)
t_contains "$out" "takes about 2 h 30 min."
out=$("$SMSDESK_BIN" try -c "$tmp/long.cfg" --now 2026-12-01T10:00 --from +34600000055 "cuánto dura el corte?" 2>/dev/null)
t_contains "$out" "dura aprox. 30 min."
t_end

t_begin "fr: a long price list says once how many it leaves out; no booking here, yet the number to call"
fcfg="$SMSDESK_SRC/tests/data/lang/fr/coiffure.cfg"
out=$("$SMSDESK_BIN" try -c "$fcfg" --now 2026-12-02T10:00 --from +33612340040 "Bonjour, vous pouvez m'envoyer vos tarifs svp ?" 2>/dev/null)
t_contains "$out" "et 1 autre(s)."
t_lacks "$out" "de plus"
out=$("$SMSDESK_BIN" try -c "$fcfg" --now 2026-12-02T10:00 --from +33612340041 "je voudrais annuler mon rdv de demain" 2>/dev/null)
t_contains "$out" "Si vous avez réservé depuis un autre numéro, appelez-nous au 04 65 71 23 45."
t_end

t_begin "fr: a whole menu in the GSM alphabet, the hours on a closed day, a length alone (review fr O)"
kcfg="$SMSDESK_SRC/tests/data/lang/fr/kine2.cfg"
ktry() { "$SMSDESK_BIN" try -c "$kcfg" --now 2026-12-02T10:00 "$@" 2>/dev/null; }
out=$(ktry --from +33612340060 "rdv")
t_contains "$out" "6) Massage bien-etre (1 h) 7) Bilan kiné (première séance)."
t_lacks "$out" "autre(s)"
out=$(ktry --from +33612340061 "dispo dimanche ?")
t_eq "$out" "Nous sommes fermés le dimanche. Nous sommes ouverts lun-ven 8h-12h30 et 14h-19h30, sam 8h30-12h."
out=$(ktry --from +33612340062 "Combien de temps dure une séance ?")
t_eq "$out" "Séance de kiné (sur ordonnance) : comptez environ 30 min."
out=$(ktry --from +33612340063 "Bonjour, je dois décaler mon rendez-vous de vendredi, c'est possible ?")
t_eq "$out" "Je ne trouve pas de RDV à venir à déplacer pour ce numéro. J'ai transmis votre message à l'équipe : une personne vous répond très vite."
t_end

t_begin "fr: times as French texts write them, a day's slots across the day, the name before a colon, réf in a list (reviews fr P, Q)"
out=$(ktry --from +33612340064 "une séance jeudi")
t_eq "$out" "Séance de kiné (sur ordonnance) le jeu 3 déc, créneaux libres : 1) 8h 2) 11h 3) 16h 4) 19h. Répondez 1-4 pour réserver."
out=$(ktry --from +33612340065 "bonjour je voudrais un rdv pour une rééducation du genou")
t_eq "$out" "Rééducation du genou : 30 min, 16,13 € (remboursé sur ordonnance). Quel jour vous convient ? Nous sommes ouverts lun-ven 8h-12h30 et 14h-19h30, sam 8h30-12h."
out=$(ktry --from +33612340066 "un massage et un drainage samedi 9h")
t_contains "$out" "(60 €) réf "
t_contains "$out" "Drainage lymphatique 10h (40 €) réf "
out=$("$SMSDESK_BIN" try -c "$kcfg" --now 2026-12-02T11:38 --from +33612340067 "une séance ce matin ?" 2>/dev/null)
t_contains "$out" "le mer 2 déc à 11h45 c'est trop juste"
out=$("$SMSDESK_BIN" try -c "$SMSDESK_SRC/tests/data/lang/fr/podologie.cfg" --now 2026-12-02T10:00 --from +33612340068 "Bonjour, mes semelles faites chez vous il y a 2 semaines me font mal" 2>/dev/null)
t_eq "$out" "Nous sommes désolés. J'ai transmis votre message à l'équipe : une personne vous répond très vite."
t_end

t_begin "de: a length that ends in its own full stop ends the sentence once (review de S: 'Min..')"
out=$("$SMSDESK_BIN" try -c "$SMSDESK_SRC/tests/data/lang/de/nagelstudio.cfg" --now 2026-12-02T10:00 --from +4915112340071 "wie lange dauert eine Pediküre?" 2>/dev/null)
t_eq "$out" "Pediküre dauert etwa 1 Std."
t_end

t_begin "de: several places at one time name the service once, then each ref; a party is 'für 2 Personen', never 'x2' (reviews de AD s46, AD2 c07.1)"
rcfg="$SMSDESK_SRC/tests/data/lang/de/reitschule.cfg"
out=$("$SMSDESK_BIN" try -c "$rcfg" --now 2026-12-02T10:00 --from +4915112000077 "Wir würden gern am 3. Advent (13.12.) einen Ausritt machen, 4 Personen. Geht 11 Uhr?" 2>/dev/null)
t_contains "$out" "Gebucht (4): Ausritt ins Gelände (2 Std., nur mit Reiterfahrung) So, 13. Dez 11:00 (55 €) Ref "
t_eq "$(echo "$out" | grep -o 'Ref [A-Z0-9]\{4\}' | wc -l | tr -d ' ')" 4
t_eq "$(echo "$out" | grep -c '\.\.\.')" 0
r2cfg="$SMSDESK_SRC/tests/data/lang/de/reitschule2.cfg"
out=$("$SMSDESK_BIN" try -c "$r2cfg" --now 2026-12-02T10:00 --from +4915112000078 "Hallo, meine Freundin und ich würden gern zusammen ausreiten, am Samstag 12.12. vormittags" 2>/dev/null)
t_contains "$out" "Ausritt für 2 Personen am Sa, 12. Dez."
t_end

t_begin "tr: a name written in title case stays as written mid-sentence, never 'yin Yoga' (review tr AF)"
ycfg="$SMSDESK_SRC/tests/data/lang/tr/yoga.cfg"
out=$("$SMSDESK_BIN" try -c "$ycfg" --now 2026-12-02T10:00 --from +905321230099 "yarın yin yoga var mı" 2>/dev/null)
t_contains "$out" "için Yin Yoga?"
t_end

t_begin "tr: running late is thanked and told to the team, never a complaint's sorry (review tr W s20)"
pcfg="$SMSDESK_SRC/tests/data/lang/tr/pilates.cfg"
out=$("$SMSDESK_BIN" try -c "$pcfg" --now 2026-12-02T10:00 --from +905321230071 "Randevuma 10 dk gecikeceğim trafik berbat 😩" 2>/dev/null)
t_eq "$out" "Haber verdiğiniz için teşekkürler, ekibe ilettim. Görüşmek üzere!"
t_end

t_begin "es: running late with no team taking texts: thanks, never 'call us' or sorry"
out=$(try --now 2026-12-01T09:00 --from +34600000071 "llego 10 min tarde, hay mucho trafico, fatal")
t_eq "$out" "Gracias por avisar. ¡Hasta pronto!"
t_end

t_begin "how long, naming no service: each service's length, never the menu (review tr W s18)"
out=$("$SMSDESK_BIN" try -c "$pcfg" --now 2026-12-02T10:00 --from +905321230072 "Seanslar kaç dakika sürüyor?" 2>/dev/null)
t_contains "$out" "Süreler: Deneme seansı (reformer) 50 dk, "
t_contains "$out" "Özel yoga (birebir) 1 saat"
t_lacks "$out" "Hangi hizmeti"
t_end

t_begin "a closed day asked with the weekend's hours: closed on that weekday, the hours said once (reviews tr W s12, de AY s50)"
out=$("$SMSDESK_BIN" try -c "$pcfg" --now 2026-12-02T10:00 --from +905321230073 "Hafta sonu açık mısınız? Pazar günü gelebilir miyim" 2>/dev/null)
t_eq "$out" "Pazar günleri kapalıyız. Açık olduğumuz saatler: Pzt-Cum 08:00-12:00 ve 13:00-21:00, Cmt 09:00-15:00."
out=$(try --now 2026-12-01T09:00 --from +34600000073 "abris el finde? el domingo puedo ir?")
t_eq "$out" "Cerramos los domingos. Abrimos lun-vie 10:00-14:00 y 16:30-20:30, sáb 10:00-14:00."
t_end

t_begin "de: a price that is a word reads as one, never 'kostet kostenlos' (review de X s36)"
out=$("$SMSDESK_BIN" try -c "$SMSDESK_SRC/tests/data/lang/de/fahrschule.cfg" --now 2026-12-02T10:00 --from +4915112340074 "Hallo, was kostet die Erstberatung?" 2>/dev/null)
t_contains "$out" "Kostenlose Erstberatung: kostenlos (30 Min.)."
t_lacks "$out" "kostet kostenlos"
t_end

t_begin "a word that opens several services' names: which of them, numbered 1..n, the number picking its service (review pt Y s01, es W s24; pt AB s35, es AC s58)"
out=$("$SMSDESK_BIN" try -c "$SMSDESK_SRC/tests/data/lang/pt/petshop2.cfg" --now 2026-12-02T10:00 --from +5511987600075 "oi bom dia, quero agendar banho pro meu shih tzu" 2>/dev/null)
t_eq "$out" "O que deseja fazer? Temos: 1) Banho cão porte pequeno 2) Banho cão porte médio 3) Banho cão porte grande 4) Banho + tosa higiênica 5) Banho + tosa completa 6) Banho de gato. Responda com o item desejado."
out=$("$SMSDESK_BIN" try -c "$SMSDESK_SRC/tests/data/lang/es/reparamovil.cfg" --db "$tmp/kin.db" --now 2026-12-02T10:00 --from +34612340076 "Ola kiero cita pa la pantaya del movil l sabado" 2>/dev/null)
t_contains "$out" "Hacemos: 1) Cambio de pantalla de móvil 2) Paso de datos a móvil nuevo. Responde 1-2."
out=$("$SMSDESK_BIN" try -c "$SMSDESK_SRC/tests/data/lang/es/reparamovil.cfg" --db "$tmp/kin.db" --now 2026-12-02T10:02 --from +34612340076 "2" 2>/dev/null)
t_contains "$out" "Paso de datos a móvil nuevo"
t_lacks "$out" "Hacemos:"
t_end

t_begin "a grievance asking money back is told sorry, whatever it asks; a visit gone by told is for a person, never the menu (review fr AH s40, c13.1, de AH s41, tr AH s54)"
scfg="$SMSDESK_SRC/tests/data/lang/fr/sophro.cfg"
out=$("$SMSDESK_BIN" try -c "$scfg" --now 2026-12-02T10:00 --from +33612340077 "Bonjour, je suis très déçue, j'ai attendu 20 minutes devant la porte hier et personne n'est venu m'ouvrir. Je souhaite être remboursée." 2>/dev/null)
t_contains "$out" "Nous sommes désolés."
t_contains "$out" "transmis votre message"
out=$("$SMSDESK_BIN" try -c "$scfg" --now 2026-12-02T10:00 --from +33612340078 "Bonjour, j'ai été facturée 80€ pour un simple suivi la semaine dernière alors que c'est 50€ normalement. Pouvez-vous vérifier ?" 2>/dev/null)
t_contains "$out" "transmis votre message"
t_lacks "$out" "Nous proposons"
out=$("$SMSDESK_BIN" try -c "$SMSDESK_SRC/tests/data/lang/de/boulder.cfg" --now 2026-12-02T10:00 --from +4915112340079 "Hallo, ich wollte mich beschweren. War gestern bei euch und die Matten waren total verrutscht." 2>/dev/null)
t_contains "$out" "Das tut uns leid."
t_lacks "$out" "Wir bieten"
out=$("$SMSDESK_BIN" try -c "$SMSDESK_SRC/tests/data/lang/tr/muzik.cfg" --now 2026-12-02T10:00 --from +905321230080 "Merhaba, geçen ay aldığım derste hoca 20 dakika geç geldi ve ders yarım kaldı. Ücret iadesi istiyorum, çok memnun kalmadım açıkçası." 2>/dev/null)
t_contains "$out" "çok üzgünüz"
t_lacks "$out" "Haber verdiğiniz için"
t_lacks "$out" "Fiyatlar"
t_end

t_begin "two places booked together are moved together: none left at the old time (review de AH c15.3)"
bcfg="$SMSDESK_SRC/tests/data/lang/de/boulder.cfg"
btry() { "$SMSDESK_BIN" try -c "$bcfg" --db "$tmp/pair.db" --from +4915112340081 "$@" 2>/dev/null; }
out=$(btry --now 2026-12-02T10:00 "Yoga Freitag 19 Uhr für 2 Personen")
t_contains "$out" "Gebucht (2)"
out=$(btry --now 2026-12-02T10:01 "Können wir das auf Samstag vormittag verschieben?")
t_contains "$out" "für 2 Personen"
out=$(btry --now 2026-12-02T10:02 "halb 11 bitte")
t_contains "$out" "Verschoben (2): Yoga für Boulderer Sa, 5. Dez 10:30"
t_contains "$out" "Die alten Termine sind storniert."
out=$(btry --now 2026-12-02T10:03 "meine Termine?")
t_lacks "$out" "Fr, 4. Dez"
t_eq "$(printf '%s' "$out" | grep -o 'Sa, 5. Dez 10:30' | wc -l | tr -d ' ')" 2
t_end

t_begin "a thing hired for the visit goes with it, never straight after it (review pt AI s42, es AH s06)"
out=$("$SMSDESK_BIN" try -c "$SMSDESK_SRC/tests/data/lang/es/buceo.cfg" --now 2026-12-02T10:00 --from +34612340082 "Hola, mi hijo quiere hacer snorkel y alquiler de equipo completo" 2>/dev/null)
t_contains "$out" "Y con ello, Alquiler de equipo completo (día)."
t_lacks "$out" "justo después"
t_end

t_begin "thanks at length praising a visit is thanked back; thanks that close get no reply (review de AI s52 got 'not understood')"
out=$("$SMSDESK_BIN" try -c "$SMSDESK_SRC/tests/data/lang/de/logopaedie.cfg" --now 2026-12-02T10:00 --from +4915112340083 "Vielen Dank für die tolle Betreuung von Paul, er spricht jetzt viel deutlicher! 🙏" 2>/dev/null)
t_contains "$out" "Vielen Dank, das freut uns sehr!"
t_lacks "$out" "nicht verstanden"
out=$("$SMSDESK_BIN" try -c "$SMSDESK_SRC/tests/data/lang/fr/sophro.cfg" --now 2026-12-02T10:00 --from +33612340084 "ok merci, à demain alors, bonne journée à vous" 2>/dev/null)
t_eq "$out" ""
t_end

t_begin "a party counted in German ('zu dritt', 'für uns beide', '2 Plätze', 'meine beste Freundin und ich') is offered for all of them (review de AJ s01, s27, c16.1, c17.2)"
kcfg="$SMSDESK_SRC/tests/data/lang/de/kochschule.cfg"
out=$("$SMSDESK_BIN" try -c "$kcfg" --now 2026-12-02T10:00 --from +4915112340085 "hallo wir sind zu dritt und wollen am fr 11.12 asiatisch kochen, geht das?" 2>/dev/null)
t_contains "$out" "für 3 Personen"
out=$("$SMSDESK_BIN" try -c "$kcfg" --now 2026-12-02T10:00 --from +4915112340086 "Ok dann buche ich den Fischkurs für uns beide, Freitag 8. Januar" 2>/dev/null)
t_contains "$out" "für 2 Personen"
out=$("$SMSDESK_BIN" try -c "$kcfg" --now 2026-12-02T10:00 --from +4915112340087 "Hallo, habt ihr am Freitag noch 2 Plätze im italienischen Kochkurs?" 2>/dev/null)
t_contains "$out" "für 2 Personen"
out=$("$SMSDESK_BIN" try -c "$kcfg" --now 2026-12-02T10:00 --from +4915112340088 "Moin, ich und meine beste Freundin wollen zusammen den Backkurs machen. Am liebsten am 19.12." 2>/dev/null)
t_contains "$out" "für 2 Personen"
t_end

t_begin "leaving a course is no opt-out from our texts (review es AJ s60 silenced a customer asking for a refund)"
out=$("$SMSDESK_BIN" try -c "$SMSDESK_SRC/tests/data/lang/es/autoescuela.cfg" --now 2026-12-02T10:00 --from +34612340089 "quiero darme de baja del curso y que me devuelvan la matrícula" 2>/dev/null)
t_lacks "$out" "Te has dado de baja"
t_contains "$out" "Lo sentimos"
out=$("$SMSDESK_BIN" try -c "$SMSDESK_SRC/tests/data/lang/es/autoescuela.cfg" --now 2026-12-02T10:00 --from +34612340090 "quiero darme de baja de los mensajes" 2>/dev/null)
t_contains "$out" "Te has dado de baja"
t_end

t_begin "a notice of whole days is said in days, never '168 Std.' (review de AJ s25, s30, s51)"
out=$("$SMSDESK_BIN" try -c "$SMSDESK_SRC/tests/data/lang/de/kochschule.cfg" --now 2026-12-02T10:00 --from +4915112340091 "Wie weit im Voraus muss ich buchen?" 2>/dev/null)
t_contains "$out" "7 Tage"
t_contains "$out" "24 Std."
t_lacks "$out" "168"
t_end

t_begin "one service named twice for two is one service for both, never one each (review fr AK c05.1 offered one place)"
out=$("$SMSDESK_BIN" try -c "$SMSDESK_SRC/tests/data/lang/fr/yoga.cfg" --now 2026-12-02T10:00 --from +33612340092 "Bonjour, ma belle-sœur et moi sommes enceintes, on aimerait venir au yoga prénatal ensemble mardi prochain le matin" 2>/dev/null)
t_contains "$out" "pour 2 personnes"
t_end

t_begin "a signature goes before an accent: 'arrêt' stays in the confirmation (review fr AL c05.3, s18 read 'arret')"
out=$("$SMSDESK_BIN" try -c "$SMSDESK_SRC/tests/data/lang/fr/acupuncture.cfg" --db "$tmp/acu.db" --now 2026-12-02T10:00 --from +33612340093 "auriculo samedi 10h30" 2>/dev/null)
t_contains "$out" "Auriculothérapie arrêt du tabac"
t_lacks "$out" "arret"
t_end

t_begin "things counted are no party: two services named, or cats told of (review fr AM s21, c19.3 booked the insert twice)"
rc="$SMSDESK_SRC/tests/data/lang/fr/ramonage.cfg"
out=$("$SMSDESK_BIN" try -c "$rc" --db "$tmp/ram.db" --now 2026-12-02T10:00 --from +33612340094 "Bonjour, c'est pour deux ramonages : la cheminée du salon et le poêle à bois de la véranda. Le même jour si possible, mardi 8 ?" 2>/dev/null)
t_lacks "$out" "personnes"
t_contains "$out" "ramonage poêle à bois"
"$SMSDESK_BIN" try -c "$rc" --db "$tmp/ram.db" --now 2026-12-02T10:00 --from +33612340095 "Bonjour, j'ai deux chats, est-ce que ça pose problème pendant le ramonage ?" >/dev/null 2>&1
out=$("$SMSDESK_BIN" try -c "$rc" --db "$tmp/ram.db" --now 2026-12-02T10:02 --from +33612340095 "D'accord. Alors je voudrais prendre rdv pour mon insert, jeudi prochain l'après-midi." 2>/dev/null)
t_contains "$out" "Ramonage insert"
t_lacks "$out" "personnes"
t_end

t_begin "a list is cut before its letters are folded: 'sofá', 'sillón' stay (review es AM s47 read 'sofa', 'sillon', 'mas')"
out=$("$SMSDESK_BIN" try -c "$SMSDESK_SRC/tests/data/lang/es/tapiceria.cfg" --db "$tmp/tap.db" --now 2026-12-02T10:00 --from +34600000096 "me mandáis la lista de precios porfa?" 2>/dev/null)
t_contains "$out" "Limpieza de sofá de 2 plazas"
t_contains "$out" "sillón"
t_contains "$out" "más."
t_lacks "$out" "sofa de"
t_end

t_begin "a question for a person gets the handoff alone, never 'which day?' beside it (reviews de AP s41, de AQ c07.3)"
sc="$SMSDESK_SRC/tests/data/lang/de/shiatsu.cfg"
out=$("$SMSDESK_BIN" try -c "$sc" --db "$tmp/shi.db" --now 2026-12-02T10:00 --from +4915112340091 "Guten Tag, ich bin 74 und habe eine künstliche Hüfte. Ist Shiatsu trotzdem möglich?" 2>/dev/null)
t_contains "$out" "Ich habe Ihre Nachricht an das Team weitergegeben"
t_lacks "$out" "Welcher Tag"
kc="$SMSDESK_SRC/tests/data/lang/de/kinesiologie.cfg"
out=$("$SMSDESK_BIN" try -c "$kc" --db "$tmp/kin.db" --now 2026-12-02T10:00 --from +4915112340092 "Sitzung online am Montag um 10 Uhr bitte" 2>/dev/null)
t_contains "$out" "Gebucht: Sitzung online (Video), Mo, 7. Dez 10:00"
out=$("$SMSDESK_BIN" try -c "$kc" --db "$tmp/kin.db" --now 2026-12-02T10:02 --from +4915112340092 "Wie bekomme ich den Link?" 2>/dev/null)
t_contains "$out" "weitergegeben"
t_lacks "$out" "Welcher Tag"
t_end

t_begin "'ob Sie X anbieten' is answered yes, with price and length (review de AQ c08.1)"
out=$("$SMSDESK_BIN" try -c "$kc" --db "$tmp/kin2.db" --now 2026-12-02T10:00 --from +4915112340093 "Hi! Ich wollte fragen ob Sie Kinesiologie für Kinder anbieten, mein Sohn ist 6 und hat oft Wutanfälle" 2>/dev/null)
t_contains "$out" "Ja, Kinesiologie für Kinder bieten wir an: 55 € (45 Min.)"
t_end

t_begin "an example names a service as the catalog writes it: 'unverträglichkeit', never 'unvertraglichkeit' (review de AR s06, c04.1)"
out=$("$SMSDESK_BIN" try -c "$SMSDESK_SRC/tests/data/lang/de/ernaehrung.cfg" --db "$tmp/ern.db" --now 2026-12-02T10:00 --from +4915112340094 "Was kostet die Beratung bei Unverträglichkeiten?" 2>/dev/null)
t_contains "$out" "z.B. unverträglichkeit do 10 Uhr"
t_end

t_begin "a follow-up just after a text handed on joins it, never 'no booking found' again (reviews fr AR c02.2, c06.2); a couple asking to come together is never booked twice (de AR c06.2)"
nc="$SMSDESK_SRC/tests/data/lang/fr/naturopathie.cfg"
"$SMSDESK_BIN" try -c "$nc" --db "$tmp/nat.db" --now 2026-12-02T10:00 --from +33612340097 "Bonjour, j'ai rdv demain à 10h mais j'ai un empêchement, est-ce qu'on peut décaler à la semaine prochaine ?" >/dev/null 2>&1
out=$("$SMSDESK_BIN" try -c "$nc" --db "$tmp/nat.db" --now 2026-12-02T10:02 --from +33612340097 "Mardi matin plutôt" 2>/dev/null)
t_contains "$out" "C'est noté : je l'ajoute à votre message pour l'équipe."
t_lacks "$out" "Je ne trouve pas"
ec="$SMSDESK_SRC/tests/data/lang/de/ernaehrung.cfg"
out=$("$SMSDESK_BIN" try -c "$ec" --db "$tmp/ern2.db" --now 2026-12-02T10:00 --from +4915112340095 "Hallo, mein Mann und ich wollen beide abnehmen. Können wir zusammen kommen? Nächsten Montag vormittag?" 2>/dev/null)
t_contains "$out" "Ich habe Ihre Nachricht an das Team weitergegeben"
out=$("$SMSDESK_BIN" try -c "$ec" --db "$tmp/ern2.db" --now 2026-12-02T10:02 --from +4915112340095 "Ja, 10 Uhr wäre gut" 2>/dev/null)
t_lacks "$out" "Gebucht"
t_lacks "$out" "11:00"
t_end

t_begin "slots offered are spread: a morning's three on the half hour, more of a day far apart (reviews fr AS s23, de AS s14)"
pc="$SMSDESK_SRC/tests/data/lang/fr/psychomotricite.cfg"
out=$("$SMSDESK_BIN" try -c "$pc" --db "$tmp/psy.db" --now 2026-12-02T10:00 --from +33612340098 "bjr, ya de la place samedi matin pr un bilan ? mon fils a 7 ans" 2>/dev/null)
t_contains "$out" "Libre : 1) 9h 2) 9h30 3) 10h."
t_lacks "$out" "9h15"
hc="$SMSDESK_SRC/tests/data/lang/de/homoeopathie.cfg"
out=$("$SMSDESK_BIN" try -c "$hc" --db "$tmp/hom.db" --now 2026-12-02T10:00 --from +4915112340096 "Erstanamnese für meine Kleine, am besten noch diese Woche, egal wann" 2>/dev/null)
t_contains "$out" "Erstanamnese Kinder und Babys, frei: 1) Do, 3. Dez 10:00 2) Do, 3. Dez 14:30"
t_lacks "$out" "10:15"
t_end

t_begin "which day, with what the service costs and takes (ask_day_priced; reviews de AQ c08.1, c09.2)"
out=$("$SMSDESK_BIN" try -c "$hc" --db "$tmp/hom2.db" --now 2026-12-02T10:00 --from +4915112340097 "Ich brauche eine Erstanamnese" 2>/dev/null)
t_contains "$out" "Erstanamnese Erwachsene: 2 Std. 30 Min., 180 €. Welcher Tag passt Ihnen?"
t_end

t_begin "how far ahead: the usual notice, then the exceptions (notice_mode; reviews de AR s36, AQ s31); 'Vorlauf', 'longtemps à l'avance' ask it (de AS s58, fr AS c22.1)"
out=$("$SMSDESK_BIN" try -c "$SMSDESK_SRC/tests/data/lang/de/ernaehrung.cfg" --db "$tmp/ern3.db" --now 2026-12-02T10:00 --from +4915112340098 "Wie lange im Voraus muss ich buchen?" 2>/dev/null)
t_contains "$out" "Bitte mindestens 2 Std. vorher buchen; Ausnahmen: Erstberatung (inkl. Anamnese) 24 Std."
out=$("$SMSDESK_BIN" try -c "$SMSDESK_SRC/tests/data/lang/de/homoeopathie.cfg" --db "$tmp/hom3.db" --now 2026-12-02T10:00 --from +4915112340099 "Wieviel Vorlauf brauchen Sie für einen Termin für meinen Säugling?" 2>/dev/null)
t_contains "$out" "Erstanamnese Kinder und Babys: bitte mindestens 24 Std. vorher buchen."
out=$("$SMSDESK_BIN" try -c "$SMSDESK_SRC/tests/data/lang/fr/psychomotricite.cfg" --db "$tmp/psy2.db" --now 2026-12-02T10:00 --from +33612340099 "Bonjour, est-ce qu'il faut réserver longtemps à l'avance pour un bilan ?" 2>/dev/null)
t_contains "$out" "Bilan psychomoteur : à réserver au moins 2 jours à l'avance."
t_end

t_begin "who covers the cost goes to the team without a price list (LANG_NT_COVER; review de AV s13)"
out=$("$SMSDESK_BIN" try -c "$SMSDESK_SRC/tests/data/lang/de/atemtherapie.cfg" --db "$tmp/atem.db" --now 2026-12-02T10:00 --from +4915112340100 "Übernimmt die AOK die Kosten? Ich bin bei der AOK versichert." 2>/dev/null)
t_contains "$out" "Ich habe Ihre Nachricht an das Team weitergegeben"
t_lacks "$out" "Preise:"
t_end

# Words of a crisis (reviews fr AX "idées noires" got the menu, de AX
# "Gedanken mich umzubringen" got "bieten wir leider nicht an"): the
# country's emergency number and crisis line first, in the customer's
# language; the staff are texted at once, marked urgent, even with the shop
# closed, while an ordinary question waits for opening time.
hcfg="$SMSDESK_SRC/tests/data/lang/de/friseursalon.cfg"
t_begin "a crisis: the emergency number and the line first, the staff texted at once"
out=$("$SMSDESK_BIN" try -c "$hcfg" --db "$tmp/crisis.db" --now 2026-12-01T23:30 \
	--from +4915100000011 "Ich will nicht mehr leben" 2>&1)
t_contains "$out" "Es tut mir sehr leid, dass es Ihnen so geht. Wenn Sie in Gefahr sind, rufen Sie bitte sofort die 112 an. Sie können auch jederzeit mit jemandem sprechen: TelefonSeelsorge 0800 111 0 111."
t_contains "$out" "Ich habe Ihre Nachricht an das Team weitergegeben"
t_contains "$out" "handed to staff as #"
t_contains "$out" "(crisis): forwarded"
out=$("$SMSDESK_BIN" try -c "$hcfg" --db "$tmp/crisis.db" --now 2026-12-01T23:31 \
	--from +4915100000012 "Kann ich mit Karte zahlen?" 2>&1)
t_contains "$out" "held until open"
t_eq "$(sqlite3 "$tmp/crisis.db" "select count(*) from out_msg where origin = 1 and text like 'DRINGEND, mögliche Krise: #% +4915100000011 um 23:30: \"Ich will nicht mehr leben\"%'")" 1
t_eq "$(sqlite3 "$tmp/crisis.db" "select count(*) from out_msg where origin = 1")" 1
t_end

t_begin "crisis words sent again and again: the staff's phones are never flooded"
for m in 40 41 42 43 44 45; do
	"$SMSDESK_BIN" try -c "$hcfg" --db "$tmp/crisis.db" --now 2026-12-01T23:$m \
		--from +4915100000013 "Ich will nicht mehr leben" >/dev/null 2>&1
done
n=$(sqlite3 "$tmp/crisis.db" "select count(*) from out_msg where origin = 1 and text like '%+4915100000013%'")
t_eq "$([ "$n" -ge 1 ] && [ "$n" -le 4 ] && echo ok)" ok
t_end

t_begin "a crisis in Spanish: 112 and 024; a back that 'kills me' books as ever"
out=$(try --now 2026-12-01T23:30 --from +34600000031 "no quiero vivir más, ya no aguanto")
t_contains "$out" "Siento mucho que lo pases tan mal. Si corres peligro, llama ahora mismo al 112. Alguien te escucha a cualquier hora: 024."
t_lacks "$out" "Reservado"
out=$("$SMSDESK_BIN" try -c "$SMSDESK_SRC/tests/data/lang/fr/catalog.cfg" --db "$tmp/fr-crisis.db" \
	--now 2026-03-25T10:00 --from +33600000031 "j'ai des idées noires, je ne sais plus quoi faire" 2>/dev/null)
t_contains "$out" "En cas de danger, appelez tout de suite le 112. Quelqu'un vous écoute jour et nuit : 3114."
out=$("$SMSDESK_BIN" try -c "$SMSDESK_SRC/tests/data/lang/fr/catalog.cfg" --db "$tmp/fr-crisis.db" \
	--now 2026-03-25T10:00 --from +33600000032 "Ce mal de dos va me tuer, une coupe demain à 15h ?" 2>/dev/null)
t_contains "$out" "Réservé"
t_lacks "$out" "112"
t_end

t_begin "a crisis where the catalog names its own numbers"
sed -e 's|^  country = "ES";|  country = "ES"; emergency = "061"; crisis_line = "Teléfono de la Esperanza 717 003 717";|' \
	"$cfg" >"$tmp/own.cfg"
t_eq "$(grep -c 'emergency = "061"' "$tmp/own.cfg")" 1
out=$("$SMSDESK_BIN" try -c "$tmp/own.cfg" --db "$tmp/own.db" --now 2026-12-01T10:00 \
	--from +34600000032 "a veces pienso en quitarme la vida" 2>/dev/null)
t_contains "$out" "llama ahora mismo al 061. Alguien te escucha a cualquier hora: Teléfono de la Esperanza 717 003 717."
t_end

# Review de BA (a foot-care practice in Kiel) and fr BA (a bicycle workshop
# in Strasbourg): "no booking to cancel here" beside a handoff answered what
# nobody asked (de s10); a time asked in the lunch break is offered on both
# sides of it, never three before (fr s37).
t_begin "a question handed on is told alone, never 'no booking found' beside it (de BA s10)"
out=$("$SMSDESK_BIN" try -c "$SMSDESK_SRC/tests/data/lang/de/podologie.cfg" --db "$tmp/podo.db" \
	--now 2026-12-02T10:18 --from +4915100000201 \
	"Machen Sie Hausbesuche? Meine Mutter ist 87 und kommt nicht mehr gut die Treppe runter." 2>/dev/null)
t_eq "$out" "Ich habe Ihre Nachricht an das Team weitergegeben; Sie bekommen bald eine Antwort."
t_end

t_begin "noon in the lunch break: the nearest before and after it (fr BA s37)"
out=$("$SMSDESK_BIN" try -c "$SMSDESK_SRC/tests/data/lang/fr/velo2.cfg" --db "$tmp/velo.db" \
	--now 2026-12-02T11:12 --from +33612340201 \
	"Salut, tu peux me caser un réglage dérailleur vendredi à midi ?" 2>/dev/null)
t_contains "$out" "Créneaux libres : 1) 11h 2) 11h30 3) 14h."
t_end

rm -rf "$tmp"
t_done
