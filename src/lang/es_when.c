/*
 * Spanish for the time reader (when_vocab.h): a small pack that shows the
 * design holds a second language as data (the languages work completes it).
 * Words and meanings after Duckling's Spanish time corpus
 * (facebook/duckling, Duckling/Time/ES/Corpus.hs).
 */
#include "smsdesk/when_vocab.h"

#include "when_rows.h"

/* A part of the day said on its own ("martes 15 por la mañana": the 15th). */
#define P(t, v)                                                                \
	{                                                                      \
		t, WS_WINDOW, WF_DAYPART, v                                    \
	}

static const struct when_word es_words[] = {
    /* ---- lo que cuenta un número suelto delante (nunca una hora) ---- */
    /* a floor: "12º andar", "im 3. Stock", "au 3e étage", "5. kat" is
     * never a day of the month (review pt AM s46 offered Saturday 12) */
    E("piso", WS_COUNTED, 0),
    E("planta", WS_COUNTED, 0),
    E("personas", WS_COUNTED, 0),
    E("persona", WS_COUNTED, 0),
    E("adultos", WS_COUNTED, 0),
    E("niños", WS_COUNTED, 0),
    E("niñas", WS_COUNTED, 0),
    E("hijos", WS_COUNTED, 0),
    E("perros", WS_COUNTED, 0),
    E("perro", WS_COUNTED, 0),
    E("gatos", WS_COUNTED, 0),
    E("gato", WS_COUNTED, 0),
    E("gatitos", WS_COUNTED, 0),
    E("cachorros", WS_COUNTED, 0),
    E("mascotas", WS_COUNTED, 0),
    E("coches", WS_COUNTED, 0),
    E("coche", WS_COUNTED, 0),
    E("carros", WS_COUNTED, 0),
    E("vehículos", WS_COUNTED, 0),
    E("motos", WS_COUNTED, 0),
    E("bicis", WS_COUNTED, 0),
    E("ruedas", WS_COUNTED, 0),
    E("neumáticos", WS_COUNTED, 0),
    /* pieces and items counted, never an hour */
    E("piezas", WS_COUNTED, 0),
    E("unidades", WS_COUNTED, 0),
    E("artículos", WS_COUNTED, 0),
    E("productos", WS_COUNTED, 0),
    E("fotos", WS_COUNTED, 0),
    E("prendas", WS_COUNTED, 0),

    /* ---- días relativos ---- */
    E("hoy", WS_REL_DAY, 0),
    E("mañana", WS_REL_DAY, 1),
    E("mñn", WS_REL_DAY, 1),
    E("pasado mañana", WS_REL_DAY, 2),
    E("ayer", WS_REL_DAY, -1),
    E("anteayer", WS_REL_DAY, -2),
    E("antier", WS_REL_DAY, -2),

    /* ---- días de la semana ---- */
    E("lunes", WS_WEEKDAY, 0),
    E("lun", WS_WEEKDAY, 0),
    E("martes", WS_WEEKDAY, 1),
    W("mar", WS_WEEKDAY, 1),
    E("mart", WS_WEEKDAY, 1),
    E("miércoles", WS_WEEKDAY, 2),
    E("miérc", WS_WEEKDAY, 2),
    E("mié", WS_WEEKDAY, 2),
    E("jueves", WS_WEEKDAY, 3),
    E("jue", WS_WEEKDAY, 3),
    E("juev", WS_WEEKDAY, 3),
    E("viernes", WS_WEEKDAY, 4),
    E("vie", WS_WEEKDAY, 4),
    E("vier", WS_WEEKDAY, 4),
    E("viern", WS_WEEKDAY, 4),
    E("biernes", WS_WEEKDAY, 4),
    E("sábado", WS_WEEKDAY, 5),
    E("sáb", WS_WEEKDAY, 5),
    E("domingo", WS_WEEKDAY, 6),
    E("dom", WS_WEEKDAY, 6),

    /* ---- meses ---- */
    E("enero", WS_MONTH, 1),
    E("febrero", WS_MONTH, 2),
    E("marzo", WS_MONTH, 3),
    E("abril", WS_MONTH, 4),
    E("mayo", WS_MONTH, 5),
    E("junio", WS_MONTH, 6),
    E("julio", WS_MONTH, 7),
    E("agosto", WS_MONTH, 8),
    E("septiembre", WS_MONTH, 9),
    E("setiembre", WS_MONTH, 9),
    E("octubre", WS_MONTH, 10),
    E("noviembre", WS_MONTH, 11),
    E("diciembre", WS_MONTH, 12),
    E("en", WS_MONTH_SPAN, 0),
    E("durante", WS_MONTH_SPAN, 0),

    /* ---- fiestas ---- */
    E("navidad", WS_HOLIDAY, WHEN_FIXED(12, 25)),
    E("nochebuena", WS_HOLIDAY, WHEN_FIXED(12, 24)),
    E("nochevieja", WS_HOLIDAY, WHEN_FIXED(12, 31)),
    E("año nuevo", WS_HOLIDAY, WHEN_FIXED(1, 1)),
    E("reyes", WS_HOLIDAY, WHEN_FIXED(1, 6)),
    E("día de reyes", WS_HOLIDAY, WHEN_FIXED(1, 6)),
    E("jueves santo", WS_HOLIDAY, WHEN_EASTER(-3)),
    E("viernes santo", WS_HOLIDAY, WHEN_EASTER(-2)),
    E("domingo de pascua", WS_HOLIDAY, WHEN_EASTER(0)),
    E("puente", WS_UNPLACED, 0),
    E("festivo", WS_UNPLACED, 0),

    /* ---- este / próximo / pasado ---- */
    E("próximo", WS_NEXT, 0),
    E("próxima", WS_NEXT, 0),
    E("próximos", WS_NEXT, 0),
    E("próximas", WS_NEXT, 0),
    E("que viene", WS_NEXT, 0),
    E("q viene", WS_NEXT, 0),
    E("k viene", WS_NEXT, 0),
    E("que entra", WS_NEXT, 0),
    E("siguiente", WS_NEXT, 0),
    E("este", WS_THIS, 0),
    E("esta", WS_THIS, 0),
    E("pasado", WS_LAST, 0),
    E("pasada", WS_LAST, 0),
    E("semana", WS_WEEK, 0),
    E("fin de semana", WS_WEEKEND, 0),
    E("finde", WS_WEEKEND, 0),

    /* ---- contar ---- */
    E("en", WS_IN, 0),
    E("dentro de", WS_IN, 0),
    E("hace", WS_AGO, 0),
    /* "el sábado de después", "dos semanas después": after the day
     * talked about */
    E("después", WS_LATER, 0),
    E("de después", WS_LATER, 0),
    E("día", WS_UNIT_DAYS, 1),
    E("días", WS_UNIT_DAYS, 1),
    E("semana", WS_UNIT_DAYS, 7),
    E("semanas", WS_UNIT_DAYS, 7),
    E("quincena", WS_UNIT_DAYS, 14),
    E("hora", WS_UNIT_MIN, 60),
    E("horas", WS_UNIT_MIN, 60),
    E("minuto", WS_UNIT_MIN, 1),
    E("minutos", WS_UNIT_MIN, 1),
    E("media hora", WS_DURATION, 30),
    /* "un", "uno": also the article and the pronoun ("de un móvil viejo
     * a uno nuevo"), never an hour on their own: one o'clock is "la
     * una" (review es W s07 offered 13:00) */
    E("un", WS_NUMBER, 1),
    E("un", WS_SKIP, 0),
    E("una", WS_NUMBER, 1),
    E("uno", WS_NUMBER, 1),
    E("uno", WS_SKIP, 0),
    E("dos", WS_NUMBER, 2),
    E("tres", WS_NUMBER, 3),
    E("cuatro", WS_NUMBER, 4),
    E("cinco", WS_NUMBER, 5),
    E("seis", WS_NUMBER, 6),
    E("siete", WS_NUMBER, 7),
    E("ocho", WS_NUMBER, 8),
    E("nueve", WS_NUMBER, 9),
    E("diez", WS_NUMBER, 10),
    E("once", WS_NUMBER, 11),
    E("doce", WS_NUMBER, 12),
    E("unos días", WS_FEW, 3),
    E("primero", WS_ORDINAL, 1),
    E("o", WS_ORD_SUFFIX, 0),

    /* ---- horas ---- */
    E("a las", WS_AT, 0),
    E("a la", WS_AT, 0),
    E("las", WS_AT, 0),
    E("sobre las", WS_ABOUT, 0),
    E("hacia las", WS_ABOUT, 0),
    E("h", WS_OCLOCK, 0),
    E("hs", WS_OCLOCK, 0),
    E("horas", WS_OCLOCK, 0),
    E("en punto", WS_OCLOCK, 0),
    E("mediodía", WS_CLOCK, 720),
    E("medianoche", WS_CLOCK, 0),
    E("y media", WS_MIN_AFTER, 30),
    E("y cuarto", WS_MIN_AFTER, 15),
    E("menos cuarto", WS_MIN_AFTER, -15),
    /* Parts of the day as said in Spain: "la tarde" is after lunch (from
     * about 15:00); "de la tarde" after an hour marks it pm from 12:00
     * ("la una de la tarde"). "a última hora" is the end of the working
     * day, "a primera hora" its start. */
    E("de la mañana", WS_WINDOW, WHEN_SPAN(360, 720)),
    E("de la mñn", WS_WINDOW, WHEN_SPAN(360, 720)),
    P("por la mañana", WHEN_SPAN(360, 840)),
    P("por la mñn", WHEN_SPAN(360, 840)),
    P("x la mañana", WHEN_SPAN(360, 840)),
    P("x la mñn", WHEN_SPAN(360, 840)),
    P("en la mañana", WHEN_SPAN(360, 840)),
    P("por las mañanas", WHEN_SPAN(360, 840)),
    P("x las mañanas", WHEN_SPAN(360, 840)),
    P("a media mañana", WHEN_SPAN(600, 750)),
    P("a primera hora", WHEN_SPAN(360, 600)),
    P("a primera hora de la mañana", WHEN_SPAN(360, 600)),
    P("a última hora de la mañana", WHEN_SPAN(720, 900)),
    E("de la tarde", WS_WINDOW, WHEN_SPAN(720, 1260)),
    /* "5pm", "10 a.m.": as much of Latin America writes hours */
    E("am", WS_AM, 0),
    E("a m", WS_AM, 0),
    E("pm", WS_PM, 0),
    E("p m", WS_PM, 0),
    /* "a las 5 d la tarde": "d" is "de" by SMS (review es10 s18) */
    E("d la tarde", WS_WINDOW, WHEN_SPAN(720, 1260)),
    E("d la mañana", WS_WINDOW, WHEN_SPAN(360, 720)),
    E("d la mñn", WS_WINDOW, WHEN_SPAN(360, 720)),
    E("d la noche", WS_WINDOW, WHEN_SPAN(1080, 1440)),
    /* after work is the late afternoon ("tenéis algo para después del
     * trabajo mañana?" got 10:00, review es10 s26) */
    P("después del trabajo", WHEN_SPAN(1020, 1260)),
    P("después de trabajar", WHEN_SPAN(1020, 1260)),
    P("al salir del trabajo", WHEN_SPAN(1020, 1260)),
    P("al salir de trabajar", WHEN_SPAN(1020, 1260)),
    P("cuando salga del trabajo", WHEN_SPAN(1020, 1260)),
    P("cuando salgo del trabajo", WHEN_SPAN(1020, 1260)),
    P("a la salida del trabajo", WHEN_SPAN(1020, 1260)),
    P("saliendo del trabajo", WHEN_SPAN(1020, 1260)),
    P("después del curro", WHEN_SPAN(1020, 1260)),
    P("al salir del curro", WHEN_SPAN(1020, 1260)),
    P("cuando salga del curro", WHEN_SPAN(1020, 1260)),
    P("saliendo del curro", WHEN_SPAN(1020, 1260)),
    P("después de la oficina", WHEN_SPAN(1020, 1260)),
    P("por la tarde", WHEN_SPAN(900, 1260)),
    P("x la tarde", WHEN_SPAN(900, 1260)),
    P("en la tarde", WHEN_SPAN(900, 1260)),
    P("por las tardes", WHEN_SPAN(900, 1260)),
    P("x las tardes", WHEN_SPAN(900, 1260)),
    P("a media tarde", WHEN_SPAN(1020, 1140)),
    P("media tarde", WHEN_SPAN(1020, 1140)),
    P("a primera hora de la tarde", WHEN_SPAN(900, 1020)),
    P("a última hora de la tarde", WHEN_SPAN(1140, 1260)),
    P("a última hora", WHEN_SPAN(1140, 1260)),
    E("de la noche", WS_WINDOW, WHEN_SPAN(1080, 1440)),
    P("por la noche", WHEN_SPAN(1080, 1440)),
    P("x la noche", WHEN_SPAN(1080, 1440)),
    /* "tarde" alone after a preference is the afternoon ("q dia os viene
     * bien? mejor tarde", review es5 s63); alone it may be "late" */
    /* right after a day only: "jueves tarde", "mañana noche" */
    W("tarde", WS_WINDOW, WHEN_SPAN(900, 1260)),
    W("noche", WS_WINDOW, WHEN_SPAN(1140, 1320)),
    P("mejor tarde", WHEN_SPAN(900, 1260)),
    P("tarde mejor", WHEN_SPAN(900, 1260)),
    P("prefiero tarde", WHEN_SPAN(900, 1260)),
    P("preferiblemente tarde", WHEN_SPAN(900, 1260)),
    P("de tarde", WHEN_SPAN(900, 1260)),
    P("horario de tarde", WHEN_SPAN(900, 1260)),
    P("mejor mañanas", WHEN_SPAN(360, 840)),
    P("prefiero mañanas", WHEN_SPAN(360, 840)),
    P("horario de mañana", WHEN_SPAN(360, 840)),
    E("esta mañana", WS_WINDOW_TODAY, WHEN_SPAN(360, 840)),
    E("esta tarde", WS_WINDOW_TODAY, WHEN_SPAN(900, 1260)),
    E("esta noche", WS_WINDOW_TODAY, WHEN_SPAN(1080, 1440)),
    E("después de las", WS_AFTER, 0),
    E("a partir de las", WS_AFTER, 0),
    E("desde las", WS_AFTER, 0),
    /* the customer's own day: "salgo de trabajar a las 6" is after 6,
     * "entro a trabajar a las 9" before 9, never a booking at that hour */
    E("salgo de trabajar a las", WS_AFTER, WV_OWN_DAY),
    E("salgo del trabajo a las", WS_AFTER, WV_OWN_DAY),
    E("salgo de currar a las", WS_AFTER, WV_OWN_DAY),
    E("salgo a las", WS_AFTER, WV_OWN_DAY),
    E("termino de trabajar a las", WS_AFTER, WV_OWN_DAY),
    E("acabo de trabajar a las", WS_AFTER, WV_OWN_DAY),
    E("entro a trabajar a las", WS_BEFORE, WV_OWN_DAY),
    E("entro a las", WS_BEFORE, WV_OWN_DAY),
    E("empiezo a trabajar a las", WS_BEFORE, WV_OWN_DAY),
    E("trabajo desde las", WS_BEFORE, WV_OWN_DAY),
    E("antes de las", WS_BEFORE, 0),
    E("antes de", WS_BEFORE, 0),  /* "antes de navidad": the days up to it */
    E("antes del", WS_BEFORE, 0), /* "antes del sábado" */
    /* leaving that day: the days before it ("me voy de viaje el sábado"
     * got Saturday's slots, review es10 s38) */
    E("me voy de viaje", WS_BEFORE, 0),
    E("me voy de vacaciones", WS_BEFORE, 0),
    E("nos vamos de viaje", WS_BEFORE, 0),
    E("nos vamos de vacaciones", WS_BEFORE, 0),
    E("salgo de viaje", WS_BEFORE, 0),
    E("me marcho de viaje", WS_BEFORE, 0),
    E("me voy fuera", WS_BEFORE, 0),
    E("me marcho", WS_BEFORE, 0),
    E("entre", WS_BETWEEN, 0),
    E("entre las", WS_BETWEEN, 0),
    /* "de 20 a 22", "de las 5 a las 7": a span only with both ends,
     * never the end alone as the time (review es AI s26, c06.1, c07.1
     * booked 22:00 for 20 to 22) */
    E("de", WS_BETWEEN, WV_SPAN_ONLY),
    E("de las", WS_BETWEEN, WV_SPAN_ONLY),
    E("y las", WS_TO, 0),
    E("a las", WS_TO, 0), /* "de las 10 a las 12" */
    E("a", WS_TO, 0),
    E("hasta", WS_TO, 0),
    E("hasta las", WS_TO, 0),
    /* a day counted from the day talked about: "tb los frenos ese dia"
     * (review es4 c11), "el día antes", "al día siguiente" */
    E("ese dia", WS_ANCHOR, 0),
    E("ese mismo dia", WS_ANCHOR, 0),
    E("el mismo dia", WS_ANCHOR, 0),
    E("el dia antes", WS_ANCHOR, -1),
    E("el dia anterior", WS_ANCHOR, -1),
    E("el dia de antes", WS_ANCHOR, -1),
    E("el dia despues", WS_ANCHOR, 1),
    E("el dia siguiente", WS_ANCHOR, 1),
    E("al dia siguiente", WS_ANCHOR, 1),
    E("lo antes posible", WS_ASAP, 0),
    E("cuanto antes", WS_ASAP, 0),
    E("lo más pronto posible", WS_ASAP, 0),
    E("ahora", WS_ASAP_WEAK, 0),
    /* "ok gracias, hasta ahora": see you in a moment */
    E("hasta ahora", WS_NOT_DATE, 0),
    E("hasta ahorita", WS_NOT_DATE, 0),
    E("ya", WS_ASAP_WEAK, 0),
    /* "Gracias, ya os llamaré": later, no time asked (review es AL
     * c07.3 got the earliest places) */
    E("ya os llamaré", WS_NOT_DATE, 0),
    E("ya te llamaré", WS_NOT_DATE, 0),
    E("ya os escribiré", WS_NOT_DATE, 0),
    E("ya os diré", WS_NOT_DATE, 0),
    /* "ya te digo", "ya os aviso": the customer will come back to us
     * (the reader's LW_BYE phrases), no time asked for */
    /* "vienen unos amigos", "¿vienes?": forms of "venir", never a typo
     * of "viernes" (review es AE s05 asked which date; "vienes" read
     * Friday) */
    E("vienes", WS_NOT_DATE, 0),
    /* "bicis de montaña", "si tomo anticoagulantes": never "mañana"
     * misspelt (reviews es AC s55, AD s42) */
    E("montaña", WS_NOT_DATE, 0),
    E("tomo", WS_NOT_DATE, 0),
    E("vienen", WS_NOT_DATE, 0),
    E("ya te digo", WS_NOT_DATE, 0),
    E("ya os digo", WS_NOT_DATE, 0),
    E("ya te aviso", WS_NOT_DATE, 0),
    E("ya os aviso", WS_NOT_DATE, 0),
    E("ya te confirmo", WS_NOT_DATE, 0),
    E("ya os confirmo", WS_NOT_DATE, 0),
    E("ya te escribo", WS_NOT_DATE, 0),
    E("ya os escribo", WS_NOT_DATE, 0),
    E("ya te llamo", WS_NOT_DATE, 0),
    E("ya os llamo", WS_NOT_DATE, 0),
    E("ya hablamos", WS_NOT_DATE, 0),
    E("ya si eso", WS_NOT_DATE, 0),
    /* words one letter from a day or month name: never one ("bichón
     * maltés" read as martes, review es K s01) */
    E("maltés", WS_NOT_DATE, 0),
    E("maltesa", WS_NOT_DATE, 0),
    E("marco", WS_NOT_DATE, 0),
    E("lunas", WS_NOT_DATE, 0),

    /* ---- dudas ---- */
    E("día", WS_DATE_NOUN, 0),
    /* "el 15", "el día 24", "para el 3": the day of the month */
    E("el", WS_DAY_MARK, 0),
    E("día", WS_DAY_MARK, 0),
    /* "cambiar la cita al 10": to the 10th (an hour is "a las 10");
     * review es7 c08 */
    E("al", WS_DAY_MARK, 0),
    /* "del 10 al 15": the span of days, never only the 15th */
    E("del", WS_MDAY, 0),
    E("al", WS_TO, 0),
    E("el", WS_SKIP, 0),
    E("la", WS_SKIP, 0),
    E("de", WS_SKIP, 0),
    E("del", WS_SKIP, 0),
    E("los", WS_SKIP, 0),
    E("cualquier", WS_NOT_DATE, 0),
    /* "manicura y pedicura, las dos seguidas", "a las 10 las dos": both,
     * never 14:00 (that is "a las dos", "para las dos", "las 2") */
    E("las dos", WS_NOT_DATE, 0),
    E("los dos", WS_NOT_DATE, 0),
    /* a goodbye, no day asked: "gracias, hasta mañana!" */
    E("hasta mañana", WS_NOT_DATE, 0),
    E("nos vemos mañana", WS_NOT_DATE, 0),
    E("hasta mañana entonces", WS_NOT_DATE, 0),
    /* a season's wish, no day asked: "Feliz Navidad a todo el equipo!!"
     * (review es6 s40, d07) */
    E("feliz navidad", WS_NOT_DATE, 0),
    E("felices navidades", WS_NOT_DATE, 0),
    E("feliz nochebuena", WS_NOT_DATE, 0),
    E("feliz nochevieja", WS_NOT_DATE, 0),
    E("feliz año nuevo", WS_NOT_DATE, 0),
    E("feliz año", WS_NOT_DATE, 0),
    E("próspero año nuevo", WS_NOT_DATE, 0),
    E("felices fiestas", WS_NOT_DATE, 0),
    E("felices reyes", WS_NOT_DATE, 0),
    E("feliz día de reyes", WS_NOT_DATE, 0),
    E("feliz pascua", WS_NOT_DATE, 0),
    E("para las", WS_AT, 0),
    /* "y tb pedicura justo después?": after a visit we may not hold
     * (review es2 c06): a time we cannot place, so ask, never the time
     * of the last offer */
    E("justo después", WS_UNPLACED, 0),
    E("justo a continuación", WS_UNPLACED, 0),
    E("a continuación", WS_UNPLACED, 0),
    E("inmediatamente después", WS_UNPLACED, 0),
    E("después de eso", WS_UNPLACED, 0),
    E("acto seguido", WS_UNPLACED, 0),
    E("justo detrás", WS_UNPLACED, 0),
    E("justo despues de", WS_UNPLACED, 0),

    /* since when something is wrong is no day asked ("tienen hueco el
     * viernes a las 10? mi gata no come desde ayer" was read as
     * yesterday and asked "no sé qué fecha dices", review es5 s02) */
    E("desde ayer", WS_NOT_DATE, 0),
    E("desde anteayer", WS_NOT_DATE, 0),
    E("desde antier", WS_NOT_DATE, 0),
    E("desde anoche", WS_NOT_DATE, 0),
    E("desde esta mañana", WS_NOT_DATE, 0),
    E("desde ayer por la tarde", WS_NOT_DATE, 0),
    E("desde ayer por la noche", WS_NOT_DATE, 0),
    E("desde ayer por la mañana", WS_NOT_DATE, 0),
    E("desde la semana pasada", WS_NOT_DATE, 0),
    E("desde el fin de semana", WS_NOT_DATE, 0),
    E("desde el finde", WS_NOT_DATE, 0),
    E("desde el otro día", WS_NOT_DATE, 0),
    E("desde hace", WS_NOT_DATE, 0),
    E("hace un par de días", WS_NOT_DATE, 0),
    E("anoche", WS_NOT_DATE, 0),

    /* ---- el día que no es ("el viernes, no el jueves", "no el jueves,
     * el viernes", "en vez del jueves"): the other day named wins */
    /* a second choice after the first ("a las 11, o si no a las 2") */
    E("o si no", WS_FALLBACK, 0),
    E("y si no", WS_FALLBACK, 0),
    E("si no se puede", WS_FALLBACK, 0),
    E("si no puede ser", WS_FALLBACK, 0),
    E("de lo contrario", WS_FALLBACK, 0),
    /* "el jueves no, el viernes a la misma hora" (review es8 c03): after
     * the day, before a comma */
    {"no", WS_NOT, WF_POST, 0},
    E("en vez de", WS_NOT, 0),
    E("excepto", WS_NOT, 0),
    E("salvo", WS_NOT, 0),
    E("menos el", WS_NOT, 0),
    E("menos los", WS_NOT, 0),
    E("en vez del", WS_NOT, 0),
    E("en lugar de", WS_NOT, 0),
    E("en lugar del", WS_NOT, 0),
    /* "no puedo el jueves, mejor el viernes"; after the day too: "quiero
     * corte el viernes que el lunes no puedo" (review es10) */
    {"no puedo", WS_NOT, WF_POST, 0},
    {"no me va bien", WS_NOT, WF_POST, 0},
    {"no me viene bien", WS_NOT, WF_POST, 0},
    /* "abrís", "abren": opening, never a misspelt "abril" ("¿abrís el 8
     * de diciembre?" was read as 8 April) */
    E("abrís", WS_NOT_DATE, 0),
    E("abren", WS_NOT_DATE, 0),
    E("abrimos", WS_NOT_DATE, 0),
    E("abre", WS_NOT_DATE, 0),
    E("abrir", WS_NOT_DATE, 0),
    E("abrid", WS_NOT_DATE, 0),
    E("qué", WS_NOT_DATE, 0),
    E("mismo", WS_NOT_DATE, 0),
};

const struct when_vocab when_vocab_es = {
    .lang = "es",
    .words = es_words,
    .n_words = sizeof(es_words) / sizeof(es_words[0]),
    .day_first = 1,
    .wday_date = 1,
    .wday_same_next = 1,
};
