/*
 * The Spanish pack's words for questions, complaints, conditions and
 * worries about a service (Wave G: review es5 s13, s41, s46, s56, c15):
 * "se ha comido un chocolate y está temblando", "¿qué tal ha salido de la
 * operación?", "¿tiene que ir en ayunas?", "tengo una cita el jueves pero
 * no sé a qué hora era". Data only, folded as text_fold does; the rules
 * that read them are the same in every language.
 */
#include "smsdesk/lang.h"

#include "lang_packs.h"

// clang-format off
#include "reader_rows.h"

const struct lang_word lang_es_asks[] = {
    /* a question about a service: for a person */
    W("es normal", LW_ADVICE), W("es seguro", LW_ADVICE),
    W("se puede", LW_ADVICE), W("puede comer", LW_ADVICE),
    /* "¿cuánto tarda en secarse?": drying, never the visit's length
     * (review es AM s10, c18.2) */
    W("secarse", LW_ADVICE), W("en secar", LW_ADVICE), W("secado", LW_ADVICE),
    W("se seca", LW_ADVICE), W("en secarse", LW_ADVICE),
    W("en ayunas", LW_ADVICE), W("ayunas", LW_ADVICE), W("ayuno", LW_ADVICE),
    W("cuantas dosis", LW_ADVICE), W("cuantas sesiones", LW_ADVICE),
    W("que le doy", LW_ADVICE),
    W("embarazada", LW_ADVICE), W("alergico", LW_ADVICE),
    W("alergica", LW_ADVICE), W("alergia", LW_ADVICE),
    W("cuesta aparte", LW_ADVICE), W("se cobra aparte", LW_ADVICE),
    W("esta incluido", LW_ADVICE), W("incluye", LW_ADVICE),
    /* "se chover cancela?": whether the weather cancels it, a question
     * for a person, never a cancel (review pt AI s44) */
    NT("si llueve", OTHER), NT("si llueve se cancela", OTHER), NT("en caso de lluvia", OTHER),
    NT("si hace mal tiempo", OTHER),
    /* "can he/she/I do it?", "do I need ...?", "what does it include?":
     * whether it suits someone, for a person, never "which day?"
     * (reviews es AH s06, s40, s52, c08.1, de AH s21, s29, AG s19, tr AH
     * s19, fr AH s42, c20.2) */
    V("puede hacer", LW_ADVICE, 1), V("pueden hacer", LW_ADVICE, 1),
    V("puedo hacer", LW_ADVICE, 1), V("podemos hacer", LW_ADVICE, 1),
    V("puede participar", LW_ADVICE, 1), V("pueden participar", LW_ADVICE, 1),
    V("puedo participar", LW_ADVICE, 1), W("hace falta saber", LW_ADVICE),
    W("tengo que hacer algo", LW_ADVICE), W("saber nadar", LW_ADVICE),
    W("que incluye", LW_ADVICE), W("esta incluida", LW_ADVICE),
    W("cuanto tiempo despues", LW_ADVICE), W("dias despues", LW_PAST),
    /* "¿hay que llevarlo bañado o lo bañáis vosotros?", "¿tengo que
     * traer algo?": what to bring or do before, for a person (review es6
     * d01), never "¿qué fecha?" for the visit just booked */
    W("hay que llevarlo", LW_ADVICE), W("hay que llevarla", LW_ADVICE),
    W("hay que llevar", LW_ADVICE), W("hay que traer", LW_ADVICE),
    W("hay que traerlo", LW_ADVICE), W("hay que traerla", LW_ADVICE),
    W("tengo que llevar", LW_ADVICE), W("tengo que traer", LW_ADVICE),
    W("tengo que llevarlo", LW_ADVICE), W("tengo que traerlo", LW_ADVICE),
    W("tengo que llevarla", LW_ADVICE), W("tengo que traerla", LW_ADVICE),
    W("hace falta llevar", LW_ADVICE), W("hace falta traer", LW_ADVICE),
    W("debo llevar", LW_ADVICE), W("debo traer", LW_ADVICE),
    /* whether they may stay or must leave it, what it is like, who does
     * it, for whom: for a person beside the length or price asked
     * (reviews es T s24, s35, s50, s54; S s36, s47, s57; R s52, s56) */
    W("me puedo quedar", LW_ADVICE), W("puedo quedarme", LW_ADVICE),
    W("me quedo alli", LW_ADVICE), W("me quedo ahi", LW_ADVICE),
    W("hay que dejarlo", LW_ADVICE), W("hay q dejarlo", LW_ADVICE),
    W("hay que dejarla", LW_ADVICE), W("hay q dejarla", LW_ADVICE),
    W("tengo que dejarlo", LW_ADVICE), W("tengo q dejarlo", LW_ADVICE),
    W("lo tengo que dejar", LW_ADVICE), W("la tengo que dejar", LW_ADVICE),
    W("lo tengo q dejar", LW_ADVICE), W("espero alli", LW_ADVICE),
    W("espero ahi", LW_ADVICE),
    W("hay que ir", LW_ADVICE), W("hay q ir", LW_ADVICE),
    W("se descuenta", LW_ADVICE), W("me lo descontais", LW_ADVICE),
    W("se quitan del todo", LW_ADVICE), W("se quita del todo", LW_ADVICE),
    W("lo hace un", LW_ADVICE), W("lo hace una", LW_ADVICE),
    W("quien lo hace", LW_ADVICE),
    W("es doloroso", LW_ADVICE), W("va a doler", LW_ADVICE),
    W("a partir de que edad", LW_ADVICE), W("desde que edad", LW_ADVICE),
    W("con cuantos anos", LW_ADVICE), W("edad minima", LW_ADVICE),
    W("menor de edad", LW_ADVICE), W("es mixto", LW_ADVICE),
    /* does it hurt, bringing someone, a stand-in bike, whether you know:
     * for a person, never "¿qué día te va bien?" (review es AA c08.1) */
    W("hace dano", LW_ADVICE), W("duele mucho", LW_ADVICE),
    W("no tengo con quien dejarlo", LW_ADVICE), W("no tengo con quien dejarla", LW_ADVICE),
    W("puedo ir con", LW_ADVICE), W("sabeis si", LW_ADVICE),
    W("sabes si", LW_ADVICE), W("me podeis decir si", LW_ADVICE),
    W("moto de sustitucion", LW_ADVICE), W("moto de cortesia", LW_ADVICE),
    W("depende de", LW_ADVICE), W("o depende", LW_ADVICE),
    W("es mixta", LW_ADVICE), W("nadar", LW_ADVICE),
    W("coche de sustitucion", LW_ADVICE), W("coche de cortesia", LW_ADVICE),
    W("vehiculo de sustitucion", LW_ADVICE),
    W("tendriais cuidado", LW_ADVICE), W("tendreis cuidado", LW_ADVICE),
    W("teneis cuidado", LW_ADVICE), W("muerde", LW_ADVICE),
    W("agresivo", LW_ADVICE), W("agresiva", LW_ADVICE),
    /* "con algo antipulgas", never "pipetas antipulgas" (a product the
     * vet's topic answers, review es K s48) */
    W("con algo antipulgas", LW_ADVICE), W("champu antipulgas", LW_ADVICE),
    W("bano antipulgas", LW_ADVICE),
    /* asking after an animal or person treated */
    /* a cancel said as a condition ("if I have to cancel ..."): a
     * question about cancelling, for a person, never a cancel (review pt
     * AG c20.2 cancelled the lesson just booked) */
    NT("si tengo que cancelar", OTHER), NT("si tuviera que cancelar", OTHER),
    NT("si necesito cancelar", OTHER), NT("si tengo que anular", OTHER),
    NT("si cancelo", OTHER), NT("si tengo que cambiar la cita", OTHER),
    NT("que tal ha salido", OTHER), NT("q tal ha salido", OTHER),
    NT("como ha salido", OTHER), NT("ha salido de", OTHER),
    NT("que tal esta", OTHER), NT("q tal esta", OTHER),
    NT("como esta", OTHER), NT("como sigue", OTHER),
    NT("resultados", OTHER),
    /* complaints */
    NC("queja"), NC("reclamacion"), NC("no estoy contento"),
    NC("decepcionado"), NC("decepcionada"), NC("reembolso"),
    NC("devolucion del dinero"), NC("me devolvais el dinero"),
    NC("me devuelvan el dinero"), NC("mi dinero"),
    NC("que me devuelvan"), NC("me devolvais"), NC("devolucion"),
    W("mes pasado", LW_PAST), W("el mes pasado", LW_PAST),
    W("semana pasada", LW_PAST), W("la semana pasada", LW_PAST),
    NC("no estoy contenta"), NC("no estoy satisfecho"),
    NC("no estoy satisfecha"), NC("muy mal"),
    /* a charge disputed (review es AA c15.1 was asked a day for an oil
     * change) */
    NC("me habeis cobrado"), NC("me cobrasteis"), NC("me han cobrado"),
    NC("me cobraron"), NC("cobrado de mas"), NC("me habeis clavado"),
    NC("borde"), NC("maleducado"),
    /* their own booking */
    W("tengo una cita", LW_MINE), W("tengo cita", LW_MINE),
    W("me lo recordais", LW_MINE), W("me lo recuerdas", LW_MINE),
    W("no se a que hora", LW_MINE), W("no se a q hora", LW_MINE),
    /* a health problem told (urgent 2, mild 1) */
    W("urgencia", LW_URGENT), W("urgencias", LW_URGENT),
    W("urgente", LW_URGENT), W("emergencia", LW_URGENT),
    V("se ha comido", LW_SYMPTOM, 2), V("ha comido", LW_SYMPTOM, 2),
    V("se comio", LW_SYMPTOM, 2), V("chocolate", LW_SYMPTOM, 2),
    V("veneno", LW_SYMPTOM, 2), V("envenenado", LW_SYMPTOM, 2),
    V("envenenada", LW_SYMPTOM, 2), V("temblando", LW_SYMPTOM, 2),
    V("tiembla", LW_SYMPTOM, 2), V("convulsiones", LW_SYMPTOM, 2),
    V("convulsion", LW_SYMPTOM, 2), V("no respira", LW_SYMPTOM, 2),
    V("respira mal", LW_SYMPTOM, 2), V("atropellado", LW_SYMPTOM, 2),
    V("atropellada", LW_SYMPTOM, 2), V("sangra mucho", LW_SYMPTOM, 2),
    V("desmayado", LW_SYMPTOM, 2), V("inconsciente", LW_SYMPTOM, 2),
    V("sangra", LW_SYMPTOM, 1), V("sangrando", LW_SYMPTOM, 1),
    V("herida", LW_SYMPTOM, 1), V("vomita", LW_SYMPTOM, 1),
    V("vomitando", LW_SYMPTOM, 1), V("vomitos", LW_SYMPTOM, 1),
    V("ha vomitado", LW_SYMPTOM, 1), V("diarrea", LW_SYMPTOM, 1),
    V("cojea", LW_SYMPTOM, 1), V("cojeando", LW_SYMPTOM, 1),
    V("no come", LW_SYMPTOM, 1), V("no quiere comer", LW_SYMPTOM, 1),
    V("bulto", LW_SYMPTOM, 1), V("le ha salido", LW_SYMPTOM, 1),
    V("dolor", LW_SYMPTOM, 1), V("le duele", LW_SYMPTOM, 1),
    V("me duele", LW_SYMPTOM, 1), V("fiebre", LW_SYMPTOM, 1),
    V("hinchado", LW_SYMPTOM, 1), V("hinchada", LW_SYMPTOM, 1),
    V("llorosos", LW_SYMPTOM, 1), V("se rasca", LW_SYMPTOM, 1),
    V("esta fatal", LW_SYMPTOM, 1), V("esta malito", LW_SYMPTOM, 1),
    V("esta malita", LW_SYMPTOM, 1),
    /* not asked for: negated after, or what the customer has */
    W("ninguno", LW_NEG_AFTER), W("ninguna", LW_NEG_AFTER),
    W("sufre de", LW_CONDITION), W("padece", LW_CONDITION),
    W("padece de", LW_CONDITION), W("tengo una", LW_CONDITION),
    /* pregunta por una cita suya, "apuntada" después ("¿estoy apuntada
     * para el viernes?", "¿tengo baño mañana?"; inquiry_mine.c) */
    W("estoy", LW_AM_I), W("ya estoy", LW_AM_I), W("estamos", LW_AM_I),
    W("esta apuntado", LW_AM_I), W("esta apuntada", LW_AM_I),
    W("tengo", LW_HAVE_I), W("tenemos", LW_HAVE_I), W("todavia tengo", LW_HAVE_I),
    W("aun tengo", LW_HAVE_I),
    W("apuntado", LW_BOOKED), W("apuntada", LW_BOOKED),
    W("apuntados", LW_BOOKED), W("apuntadas", LW_BOOKED),
    W("reservados", LW_BOOKED), W("anotados", LW_BOOKED),
    W("anotado", LW_BOOKED), W("anotada", LW_BOOKED),
    W("reservado", LW_BOOKED), W("reservada", LW_BOOKED),
    W("citado", LW_BOOKED), W("citada", LW_BOOKED),
    W("confirmado", LW_BOOKED), W("confirmada", LW_BOOKED),
    W("en la agenda", LW_BOOKED),
    /* un título antes de un nombre ("¿está la Dra. Ruiz el lunes?") */
    W("dr", LW_TITLE), W("dra", LW_TITLE), W("doctor", LW_TITLE),
    W("doctora", LW_TITLE), W("sr", LW_TITLE), W("sra", LW_TITLE),
    /* para una persona: no reservó, nadie contestó */
    NT("no he reservado", OTHER), NT("yo no reserve", OTHER),
    NT("no pedi cita", OTHER), NT("nunca pedi", OTHER),
    NT("nadie me contesto", OTHER), NT("nadie contesta", OTHER),
    NT("nadie me ha contestado", OTHER), NT("nadie responde", OTHER),
    NT("no me habeis contestado", OTHER), NT("sin respuesta", OTHER),
    /* si mandamos recordatorio, con cuánta antelación reservar: lo dice
     * el catálogo (review es U s50) */
    NT("recordatorio", REMINDER), NT("un recordatorio", REMINDER),
    NT("me recordais", REMINDER), NT("me avisais el dia antes", REMINDER),
    NT("aviso el dia antes", REMINDER), NT("me mandais un aviso", REMINDER),
    NT("antelacion", NOTICE), NT("con cuanto tiempo", NOTICE),
    /* "on peut annuler jusqu'à quand ?": until when, the terms, never a
     * cancel (review fr AI c21.3 cancelled the lesson just booked) */
    NT("hasta cuando", NOTICE), NT("como muy tarde", NOTICE),
    NT("politica de cancelacion", NOTICE),
    NT("cuantos dias antes", NOTICE), NT("cuanto antes hay que", NOTICE),
    /* "¿lo puedo cancelar si al final no puedo?": cancelar "si", las
     * citas y cómo, nunca una cancelación (review es AL c04.3) */
    W("cancelar si", LW_MINE), W("anular si", LW_MINE), W("cancelarla si", LW_MINE),
    W("cancelarlo si", LW_MINE), W("anularla si", LW_MINE), W("anularlo si", LW_MINE),
    W("cancelar en caso de", LW_MINE), W("desmarcar si", LW_MINE),
    /* "¿el diagnóstico es gratis?", "¿hay que pagar la revisión?": its
     * price answers (review es W; pt, tr, fr, de W alike) */
    W("gratis", LW_PRICE), W("gratuito", LW_PRICE), W("gratuita", LW_PRICE),
    W("sin coste", LW_PRICE), W("es de pago", LW_PRICE),
    W("hay que pagar", LW_PRICE), W("se paga", LW_PRICE),
    /* "gracias por el recordatorio, allí estaré mañana": thanks */
    W("gracias por el recordatorio", LW_THANKS), W("gracias por recordarmelo", LW_THANKS),
    W("gracias por el aviso", LW_THANKS),
    /* nuestro teléfono (LANG_NT_PHONE): lo dice el catálogo */
    NT("vuestro telefono", PHONE), NT("su telefono", PHONE), NT("numero de telefono", PHONE),
    NT("os puedo llamar", PHONE), NT("puedo llamaros", PHONE), NT("se puede llamar", PHONE),
    NT("un telefono", PHONE), NT("telefono de contacto", PHONE),
    /* la dirección del cliente ("la dirección es Calle Cuba 45"): para
     * el equipo, nunca la nuestra (review es AM c04.2) */
    NTOLD("mi direccion"), NTOLD("la direccion es"), NTOLD("mi direccion es"),
    NTOLD("la direccion seria"), NTOLD("vivo en"), NTOLD("vivimos en"),
    {NULL, 0, 0}, /* the end */
};

/* A booking said to be another person's, never picked without a reference
 * (inquiry_whose.c): "el de mi hija", "la cita de mi marido", "la del niño". */
static const char *const whose_of[] = {
    "de", "del", "para", "pa", "pal", "xa", NULL};
static const char *const whose_between[] = {
    "mi", "mis", "nuestro", "nuestra", "nuestros", "nuestras", "el", "la",
    "los", "las", NULL};
static const char *const whose_persons[] = {
    "ella", "ellos", "ellas", "hijos", "hijas", "hermanos", "tio", "tia",
    "suegra", "cunada", "yerno", "nuera", "chico", "chica", "mami", "papi",
    "abuelita", "abuelito", "churri", "amigo", "amigos", "amigas", NULL};

const struct lang_whose lang_es_whose = {
    .of = whose_of, .between = whose_between, .persons = whose_persons,
};

// clang-format on
