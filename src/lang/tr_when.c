/*
 * Turkish for the time reader (when_vocab.h). Turkish puts case endings on
 * times and days ("yarın saat 10'da", "cumartesiye", "hafta sonuna",
 * "14:00'te"): the endings of a number are their own word to the reader
 * ("10'da" = "10" "da") and are listed here; the endings of a word are
 * cut by the reader (the pack's `suffixes`) when what is left is a word of
 * this pack. Postpositions follow the time ("10'dan sonra", "12'ye kadar",
 * "3 gibi": WF_POST). Dotted and dotless i fold to i ("İPTAL" = "ıptal" =
 * "iptal"), ş ğ ç ö ü to s g c o u, so texts without Turkish letters
 * ("yarin ogleden sonra") read the same; SMS short forms (yrn, pzt, cmt)
 * are listed.
 *
 * Lunar holidays (Ramazan and Kurban Bayramı, kandil nights, arefe) move
 * every year: they are days to ask about, never guessed.
 *
 * Sources: TDK's Güncel Türkçe Sözlük (sozluk.gov.tr) for the words, Law
 * 2429 on national holidays (ulusal bayram ve genel tatiller) for the
 * fixed days. Windows for parts of the day are this desk's choice.
 */
#include "smsdesk/when_vocab.h"

#include "when_rows.h"

#include <stddef.h>

#define PO(t, s, v)                                                            \
	{                                                                      \
		t, s, WF_POST, v                                               \
	}
/* Written before what it moves ("öbür cumartesi"). */
#define PR(t, s, v)                                                            \
	{                                                                      \
		t, s, WF_PRE, v                                                \
	}

static const struct when_word tr_words[] = {
    /* ---- önündeki çıplak sayının saydığı (asla saat değil) ---- */
    /* a floor: "12º andar", "im 3. Stock", "au 3e étage", "5. kat" is
     * never a day of the month (review pt AM s46 offered Saturday 12) */
    E("kat", WS_COUNTED, 0),
    E("katta", WS_COUNTED, 0),
    E("kattayım", WS_COUNTED, 0),
    E("kattayiz", WS_COUNTED, 0),
    E("kişi", WS_COUNTED, 0),
    E("kişilik", WS_COUNTED, 0),
    E("köpek", WS_COUNTED, 0),
    E("kedi", WS_COUNTED, 0),
    E("yavru", WS_COUNTED, 0),
    E("araba", WS_COUNTED, 0),
    E("araç", WS_COUNTED, 0),
    E("lastik", WS_COUNTED, 0),
    /* "2 tane dolgu", "4 adet lastik": the counters (review tr X c18.1
     * "2 tane dolgu" read as 14:00) */
    E("tane", WS_COUNTED, 0),
    E("adet", WS_COUNTED, 0),
    /* pieces and items counted, never an hour ("20 civarı ürün" asked for
       20:00: review tr AA s12) */
    E("ürün", WS_COUNTED, 0),
    E("parça", WS_COUNTED, 0),
    E("fotoğraf", WS_COUNTED, 0),
    E("çeşit", WS_COUNTED, 0),

    /* ---- göreli günler ---- */
    E("bugün", WS_REL_DAY, 0),
    E("bu gün", WS_REL_DAY, 0),
    E("bgn", WS_REL_DAY, 0),
    E("bugn", WS_REL_DAY, 0),
    E("yarın", WS_REL_DAY, 1),
    E("yrn", WS_REL_DAY, 1),
    E("yarn", WS_REL_DAY, 1),
    E("yarınki", WS_REL_DAY, 1),
    E("ertesi gün", WS_REL_DAY, 1),
    E("öbür gün", WS_REL_DAY, 2),
    E("öbürgün", WS_REL_DAY, 2),
    E("yarından sonra", WS_REL_DAY, 2),
    E("yarın değil öbür gün", WS_REL_DAY, 2),
    E("dün", WS_REL_DAY, -1),
    E("evvelsi gün", WS_REL_DAY, -2),
    E("evvelki gün", WS_REL_DAY, -2),

    /* ---- haftanın günleri ---- */
    E("pazartesi", WS_WEEKDAY, 0),
    E("pazartes", WS_WEEKDAY, 0),
    E("ptesi", WS_WEEKDAY, 0),
    E("pzt", WS_WEEKDAY, 0),
    E("pzts", WS_WEEKDAY, 0),
    E("salı", WS_WEEKDAY, 1),
    E("sal", WS_WEEKDAY, 1),
    E("çarşamba", WS_WEEKDAY, 2),
    E("çarşmba", WS_WEEKDAY, 2),
    E("çrş", WS_WEEKDAY, 2),
    E("çarş", WS_WEEKDAY, 2),
    E("crsmb", WS_WEEKDAY, 2),
    E("perşembe", WS_WEEKDAY, 3),
    E("prş", WS_WEEKDAY, 3),
    E("perş", WS_WEEKDAY, 3),
    E("prsmb", WS_WEEKDAY, 3),
    E("cuma", WS_WEEKDAY, 4),
    E("cumartesi", WS_WEEKDAY, 5),
    E("cumartes", WS_WEEKDAY, 5),
    E("cmt", WS_WEEKDAY, 5),
    E("cmts", WS_WEEKDAY, 5),
    E("cts", WS_WEEKDAY, 5),
    E("ctsi", WS_WEEKDAY, 5),
    E("ctesi", WS_WEEKDAY, 5),
    E("c tesi", WS_WEEKDAY, 5),
    E("cumrtesi", WS_WEEKDAY, 5),
    E("pazar", WS_WEEKDAY, 6),
    E("pzr", WS_WEEKDAY, 6),
    /* the desk's own short names (tr_replies.c), as its examples write
     * them */
    E("çar", WS_WEEKDAY, 2),
    E("per", WS_WEEKDAY, 3),
    E("cum", WS_WEEKDAY, 4),
    E("paz", WS_WEEKDAY, 6),

    /* ---- aylar ---- */
    E("ocak", WS_MONTH, 1),
    E("oca", WS_MONTH, 1),
    E("şubat", WS_MONTH, 2),
    E("şub", WS_MONTH, 2),
    E("mart", WS_MONTH, 3),
    E("nisan", WS_MONTH, 4),
    E("nis", WS_MONTH, 4),
    E("mayıs", WS_MONTH, 5),
    W("may", WS_MONTH, 5),
    E("haziran", WS_MONTH, 6),
    E("haz", WS_MONTH, 6),
    E("temmuz", WS_MONTH, 7),
    E("tem", WS_MONTH, 7),
    E("ağustos", WS_MONTH, 8),
    E("ağu", WS_MONTH, 8),
    E("eylül", WS_MONTH, 9),
    E("eyl", WS_MONTH, 9),
    E("ekim", WS_MONTH, 10),
    W("eki", WS_MONTH, 10),
    E("kasım", WS_MONTH, 11),
    W("kas", WS_MONTH, 11),
    E("aralık", WS_MONTH, 12),
    W("ara", WS_MONTH, 12),

    /* ---- bayramlar ve özel günler ---- */
    E("yılbaşı", WS_HOLIDAY, WHEN_FIXED(1, 1)),
    E("yeni yıl", WS_HOLIDAY, WHEN_FIXED(1, 1)),
    E("yılbaşı gecesi", WS_HOLIDAY, WHEN_FIXED(12, 31)),
    E("yılbaşı akşamı", WS_HOLIDAY, WHEN_FIXED(12, 31)),
    E("sevgililer günü", WS_HOLIDAY, WHEN_FIXED(2, 14)),
    E("kadınlar günü", WS_HOLIDAY, WHEN_FIXED(3, 8)),
    E("çocuk bayramı", WS_HOLIDAY, WHEN_FIXED(4, 23)),
    E("ulusal egemenlik ve çocuk bayramı", WS_HOLIDAY, WHEN_FIXED(4, 23)),
    E("emek ve dayanışma günü", WS_HOLIDAY, WHEN_FIXED(5, 1)),
    E("işçi bayramı", WS_HOLIDAY, WHEN_FIXED(5, 1)),
    E("gençlik ve spor bayramı", WS_HOLIDAY, WHEN_FIXED(5, 19)),
    E("gençlik bayramı", WS_HOLIDAY, WHEN_FIXED(5, 19)),
    E("demokrasi ve milli birlik günü", WS_HOLIDAY, WHEN_FIXED(7, 15)),
    E("zafer bayramı", WS_HOLIDAY, WHEN_FIXED(8, 30)),
    E("cumhuriyet bayramı", WS_HOLIDAY, WHEN_FIXED(10, 29)),
    E("öğretmenler günü", WS_HOLIDAY, WHEN_FIXED(11, 24)),
    E("anneler günü", WS_HOLIDAY, WHEN_NTH(5, 2, 6, 0)),
    E("babalar günü", WS_HOLIDAY, WHEN_NTH(6, 3, 6, 0)),
    /* By the moon, or vague: ask. */
    E("bayram", WS_UNPLACED, 0),
    E("bayramda", WS_UNPLACED, 0),
    E("ramazan bayramı", WS_UNPLACED, 0),
    E("şeker bayramı", WS_UNPLACED, 0),
    E("kurban bayramı", WS_UNPLACED, 0),
    E("ramazan", WS_UNPLACED, 0),
    E("arefe", WS_UNPLACED, 0),
    E("kandil", WS_UNPLACED, 0),
    E("tatil", WS_UNPLACED, 0),
    E("resmi tatil", WS_UNPLACED, 0),
    E("bayram tatili", WS_UNPLACED, 0),
    E("sömestr", WS_UNPLACED, 0),
    E("karne", WS_UNPLACED, 0),
    E("bir ara", WS_UNPLACED, 0),
    /* Everyday words one letter from a day or month name, never its typo
     * (the reader's one-edit rule): "pazar 14 kesim" is Sunday at 14:00,
     * never 14 Kasım; "kesim yapın cuma 10", "burun ağdası yarın 3te",
     * "karım için", "bunun fiyatı" name no day. Found by checking every
     * one-edit neighbour of the pack's day and month words against a
     * Turkish dictionary (hunspell-tr), kept where a customer may write
     * it; with an ending ("kesime", "karıma") they are cut to these. */
    E("yazın", WS_NOT_DATE, 0),
    E("yapın", WS_NOT_DATE, 0),
    E("yakın", WS_NOT_DATE, 0),
    E("yarım", WS_NOT_DATE, 0),
    E("yanın", WS_NOT_DATE, 0),
    E("yerin", WS_NOT_DATE, 0),
    E("yaşın", WS_NOT_DATE, 0),
    E("yatın", WS_NOT_DATE, 0),
    E("yayın", WS_NOT_DATE, 0),
    E("yarış", WS_NOT_DATE, 0),
    E("yaran", WS_NOT_DATE, 0),
    E("yarık", WS_NOT_DATE, 0),
    E("burun", WS_NOT_DATE, 0),
    E("bunun", WS_NOT_DATE, 0),
    E("bulun", WS_NOT_DATE, 0),
    E("buzun", WS_NOT_DATE, 0),
    E("kesim", WS_NOT_DATE, 0),
    E("kısım", WS_NOT_DATE, 0), /* and "kışım" */
    E("karım", WS_NOT_DATE, 0),
    E("kanım", WS_NOT_DATE, 0),
    E("kapım", WS_NOT_DATE, 0),
    E("kalım", WS_NOT_DATE, 0),
    E("kaşın", WS_NOT_DATE, 0),
    E("kaşık", WS_NOT_DATE, 0), /* and "kasık" */
    E("kasıt", WS_NOT_DATE, 0),
    E("kazım", WS_NOT_DATE, 0),
    E("kaçım", WS_NOT_DATE, 0),
    E("aradık", WS_NOT_DATE, 0),
    E("surat", WS_NOT_DATE, 0), /* and "sürat" */
    E("subay", WS_NOT_DATE, 0),
    E("hazırlan", WS_NOT_DATE, 0),
    E("hatıran", WS_NOT_DATE, 0),
    E("mayın", WS_NOT_DATE, 0),
    E("başka bir gün", WS_UNPLACED, 0),
    E("başka gün", WS_UNPLACED, 0),
    E("hafta içi", WS_UNPLACED, 0),
    E("haftaiçi", WS_UNPLACED, 0),
    E("ay sonu", WS_UNPLACED, 0),
    E("ayın sonu", WS_UNPLACED, 0),
    E("hafta başı", WS_UNPLACED, 0),
    E("haftabaşı", WS_UNPLACED, 0),
    E("öbür hafta", WS_UNPLACED, 0),
    /* "öbür cumartesi", "öteki cuma": the one after the coming one (TDK:
     * öbür gün is the day after tomorrow; review tr8 s44 "bu cumartesi
     * değil öbür cumartesi" meant 12 Dec on Wed 2 Dec) */
    PR("öbür", WS_AFTER_NEXT, 0),
    PR("öbürkü", WS_AFTER_NEXT, 0),
    PR("öteki", WS_AFTER_NEXT, 0),

    /* ---- bu / gelecek / geçen ---- */
    E("gelecek", WS_NEXT, 0),
    E("önümüzdeki", WS_NEXT, 0),
    E("sonraki", WS_NEXT, 0),
    E("bir sonraki", WS_NEXT, 0),
    E("ertesi", WS_NEXT, 0),
    E("bu", WS_THIS, 0),
    E("geçen", WS_LAST, 0),
    E("geçtiğimiz", WS_LAST, 0),
    E("hafta", WS_WEEK, 0),
    /* "haftaya" is next week by itself ("haftaya salı"). */
    E("haftaya", WS_WEEK, 1),
    E("hafta sonu", WS_WEEKEND, 0),
    E("haftasonu", WS_WEEKEND, 0),
    E("h sonu", WS_WEEKEND, 0),
    E("hafta sonları", WS_WEEKEND, 0),

    /* ---- saymak ---- */
    E("içinde", WS_LATER, 0),
    E("sonra", WS_LATER, 0),
    E("sonrası", WS_LATER, 0),
    E("önce", WS_AGO, 0),
    /* "1 saat ileri/geri alabilir miyiz", "yarım saat erkene": a
     * booking shifted by that much (the desk moves it from its time) */
    E("ileri", WS_LATER, 0),
    E("ileriye", WS_LATER, 0),
    E("sonraya", WS_LATER, 0),
    E("geri", WS_AGO, 0),
    E("geriye", WS_AGO, 0),
    E("erken", WS_AGO, 0),
    E("erkene", WS_AGO, 0),
    E("öne", WS_AGO, 0),
    E("önceye", WS_AGO, 0),
    E("evvel", WS_AGO, 0),
    E("gün", WS_UNIT_DAYS, 1),
    E("gn", WS_UNIT_DAYS, 1),
    E("hafta", WS_UNIT_DAYS, 7),
    E("saat", WS_UNIT_MIN, 60),
    E("sa", WS_UNIT_MIN, 60),
    E("dakika", WS_UNIT_MIN, 1),
    E("dk", WS_UNIT_MIN, 1),
    E("dakka", WS_UNIT_MIN, 1),
    E("yarım saat", WS_DURATION, 30),
    E("çeyrek saat", WS_DURATION, 15),
    E("bir buçuk saat", WS_DURATION, 90),
    /* "bir" is also the article ("yarın bir tıraş"): never an hour on
     * its own (WS_SKIP), and weak, so "bir ara" (some time) is never the
     * 1st of December ("ara" = Aralık). "on" is ten, and English "on": weak. */
    W("bir", WS_NUMBER, 1),
    E("bir", WS_SKIP, 0),
    E("iki", WS_NUMBER, 2),
    E("üç", WS_NUMBER, 3),
    E("üçte", WS_NUMBER, 3),
    E("dört", WS_NUMBER, 4),
    E("beş", WS_NUMBER, 5),
    E("altı", WS_NUMBER, 6),
    E("yedi", WS_NUMBER, 7),
    E("sekiz", WS_NUMBER, 8),
    E("dokuz", WS_NUMBER, 9),
    W("on", WS_NUMBER, 10),
    W("onda", WS_NUMBER, 10),
    E("on bir", WS_NUMBER, 11),
    E("onbir", WS_NUMBER, 11),
    E("on iki", WS_NUMBER, 12),
    E("oniki", WS_NUMBER, 12),
    E("on beş", WS_NUMBER, 15),
    E("yirmi", WS_NUMBER, 20),
    E("otuz", WS_NUMBER, 30),
    E("birkaç", WS_FEW, 3),
    E("bi kaç", WS_FEW, 3),
    E("bikaç", WS_FEW, 3),
    E("bir kaç", WS_FEW, 3),
    E("önümüzdeki birkaç", WS_FEW, 3),
    E("birinci", WS_ORDINAL, 1),
    E("ikinci", WS_ORDINAL, 2),
    E("üçüncü", WS_ORDINAL, 3),
    /* The endings of a day of the month: "5'i", "5'inde", "15'inde". */
    E("inde", WS_ORD_SUFFIX, 0),
    E("unda", WS_ORD_SUFFIX, 0),
    E("inda", WS_ORD_SUFFIX, 0),
    E("unde", WS_ORD_SUFFIX, 0),
    E("sinde", WS_ORD_SUFFIX, 0),
    E("sında", WS_ORD_SUFFIX, 0),

    /* ---- saatler ---- */
    E("saat", WS_AT, 0),
    E("saatte", WS_AT, 0),
    E("saat de", WS_AT, 0),
    E("st", WS_AT, 0),
    E("@", WS_AT, 0),
    E("aşağı yukarı", WS_ABOUT, 0),
    E("yaklaşık", WS_ABOUT, 0),
    /* The endings of a number said as a time: "10'da", "3'te", "10da",
     * "10'a", "10'dan (sonra)". */
    E("da", WS_OCLOCK, 0),
    E("de", WS_OCLOCK, 0),
    E("ta", WS_OCLOCK, 0),
    E("te", WS_OCLOCK, 0),
    E("dan", WS_OCLOCK, 0),
    E("den", WS_OCLOCK, 0),
    E("tan", WS_OCLOCK, 0),
    E("ten", WS_OCLOCK, 0),
    E("a", WS_OCLOCK, 0),
    E("e", WS_OCLOCK, 0),
    E("ya", WS_OCLOCK, 0),
    E("ye", WS_OCLOCK, 0),
    E("gibi", WS_OCLOCK, 0),
    E("civarı", WS_OCLOCK, 0),
    E("civarında", WS_OCLOCK, 0),
    E("sularında", WS_OCLOCK, 0),
    E("suları", WS_OCLOCK, 0),
    E("öğlen", WS_CLOCK, 720),
    E("öğle", WS_CLOCK, 720),
    E("öğlene", WS_CLOCK, 720),
    E("gece yarısı", WS_CLOCK, 0),
    E("yarımda", WS_CLOCK, 750),
    E("buçuk", WS_MIN_AFTER, 30),
    E("buçukta", WS_MIN_AFTER, 30),
    E("buçuğa", WS_MIN_AFTER, 30),
    E("buçuk gibi", WS_MIN_AFTER, 30),
    E("çeyrek geçe", WS_MIN_AFTER, 15),
    E("u çeyrek geçe", WS_MIN_AFTER, 15),
    E("i çeyrek geçe", WS_MIN_AFTER, 15),
    E("yi çeyrek geçe", WS_MIN_AFTER, 15),
    E("çeyrek kala", WS_MIN_AFTER, -15),
    E("e çeyrek kala", WS_MIN_AFTER, -15),
    E("a çeyrek kala", WS_MIN_AFTER, -15),
    E("ye çeyrek kala", WS_MIN_AFTER, -15),
    E("ya çeyrek kala", WS_MIN_AFTER, -15),
    E("sabah", WS_WINDOW, WHEN_SPAN(360, 720)),
    E("sabahları", WS_WINDOW, WHEN_SPAN(360, 720)),
    E("sabahleyin", WS_WINDOW, WHEN_SPAN(360, 720)),
    E("sabah erken", WS_WINDOW, WHEN_SPAN(360, 600)),
    E("sabah erkenden", WS_WINDOW, WHEN_SPAN(360, 600)),
    E("erkenden", WS_WINDOW, WHEN_SPAN(360, 600)),
    E("öğleden önce", WS_WINDOW, WHEN_SPAN(360, 720)),
    E("öğlen arası", WS_WINDOW, WHEN_SPAN(720, 840)),
    E("öğle arası", WS_WINDOW, WHEN_SPAN(720, 840)),
    E("öğle tatili", WS_WINDOW, WHEN_SPAN(720, 840)),
    /* after lunch, from about 13:00, as people in Turkey mean it
     * (review tr K: the list started at 12:00) */
    E("öğleden sonra", WS_WINDOW, WHEN_SPAN(780, 1080)),
    E("öğlenden sonra", WS_WINDOW, WHEN_SPAN(780, 1080)),
    E("öğleden", WS_WINDOW, WHEN_SPAN(780, 1080)),
    E("akşamüstü", WS_WINDOW, WHEN_SPAN(960, 1140)),
    E("akşam üstü", WS_WINDOW, WHEN_SPAN(960, 1140)),
    E("akşama doğru", WS_WINDOW, WHEN_SPAN(960, 1140)),
    E("akşam", WS_WINDOW, WHEN_SPAN(1020, 1320)),
    E("akşamları", WS_WINDOW, WHEN_SPAN(1020, 1320)),
    E("iş çıkışı", WS_WINDOW, WHEN_SPAN(1020, 1260)),
    E("işten sonra", WS_WINDOW, WHEN_SPAN(1020, 1260)),
    E("mesai sonrası", WS_WINDOW, WHEN_SPAN(1020, 1260)),
    E("okuldan sonra", WS_WINDOW, WHEN_SPAN(900, 1080)),
    E("gece", WS_WINDOW, WHEN_SPAN(1200, 1440)),
    E("bu sabah", WS_WINDOW_TODAY, WHEN_SPAN(360, 720)),
    E("bu öğlen", WS_WINDOW_TODAY, WHEN_SPAN(690, 840)),
    E("bu öğleden sonra", WS_WINDOW_TODAY, WHEN_SPAN(780, 1080)),
    E("bu akşam", WS_WINDOW_TODAY, WHEN_SPAN(1020, 1440)),
    E("bu gece", WS_WINDOW_TODAY, WHEN_SPAN(1200, 1440)),
    E("bu akşamüstü", WS_WINDOW_TODAY, WHEN_SPAN(960, 1140)),
    /* After the time: "10'dan sonra", "12'ye kadar", "3'ten önce". */
    PO("sonra", WS_AFTER, 0),
    PO("dan sonra", WS_AFTER, 0),
    PO("den sonra", WS_AFTER, 0),
    PO("tan sonra", WS_AFTER, 0),
    PO("ten sonra", WS_AFTER, 0),
    PO("sonrası", WS_AFTER, 0),
    PO("itibaren", WS_AFTER, 0),
    PO("dan itibaren", WS_AFTER, 0),
    PO("den itibaren", WS_AFTER, 0),
    PO("tan itibaren", WS_AFTER, 0),
    PO("ten itibaren", WS_AFTER, 0),
    PO("önce", WS_BEFORE, 0),
    PO("dan önce", WS_BEFORE, 0),
    PO("den önce", WS_BEFORE, 0),
    PO("tan önce", WS_BEFORE, 0),
    PO("ten önce", WS_BEFORE, 0),
    PO("öncesi", WS_BEFORE, 0),
    PO("kadar", WS_BEFORE, 0),
    PO("a kadar", WS_BEFORE, 0),
    PO("e kadar", WS_BEFORE, 0),
    PO("ya kadar", WS_BEFORE, 0),
    PO("ye kadar", WS_BEFORE, 0),
    PO("a dek", WS_BEFORE, 0),
    PO("e dek", WS_BEFORE, 0),
    E("en geç", WS_BEFORE, 0),
    E("en erken", WS_AFTER, 0),
    E("ile", WS_TO, 0),
    E("ila", WS_TO, 0),
    E("ve", WS_TO, 0),
    E("veya", WS_TO, 0),
    E("ya da", WS_TO, 0),
    E("yada", WS_TO, 0),
    E("asap", WS_ASAP, 0),
    E("en kısa zamanda", WS_ASAP, 0),
    E("en kısa sürede", WS_ASAP, 0),
    E("en yakın zamanda", WS_ASAP, 0),
    E("en yakın", WS_ASAP, 0),
    E("en erken ne zaman", WS_ASAP, 0),
    E("ilk boş", WS_ASAP, 0),
    E("ilk müsait", WS_ASAP, 0),
    E("ilk uygun", WS_ASAP, 0),
    E("bir an önce", WS_ASAP, 0),
    E("acil", WS_ASAP, 0),
    E("acilen", WS_ASAP, 0),
    /* "bugün 16:00 kontrol var mı, acil değil": not urgent says nothing
     * of the earliest; the time named stands (review tr AD s22 offered
     * 10:45) */
    E("acil değil", WS_NOT_DATE, 0),
    E("hemen", WS_ASAP_WEAK, 0),
    E("hemen geliyorum", WS_NOT_DATE, 0),
    E("birazdan geliyorum", WS_NOT_DATE, 0),
    E("birazdan gelirim", WS_NOT_DATE, 0),
    E("şimdi", WS_ASAP_WEAK, 0),
    E("şu an", WS_ASAP_WEAK, 0),
    E("şuan", WS_ASAP_WEAK, 0),
    E("yakında", WS_ASAP_WEAK, 0),
    E("ne zaman olursa", WS_ASAP_WEAK, 0),
    E("farketmez", WS_ASAP_WEAK, 0),
    E("fark etmez", WS_ASAP_WEAK, 0),

    /* ---- şüphe ---- */
    E("günü", WS_DATE_NOUN, 0),
    E("günü", WS_SKIP, 0),
    E("tarihinde", WS_SKIP, 0),
    E("tarihi", WS_SKIP, 0),
    E("ayın", WS_SKIP, 0),
    E("arası", WS_NOT_DATE, 0),
    E("arasında", WS_NOT_DATE, 0),
    E("iyi günler", WS_NOT_DATE, 0),
    E("iyi akşamlar", WS_NOT_DATE, 0),
    E("iyi geceler", WS_NOT_DATE, 0),
    E("hayırlı sabahlar", WS_NOT_DATE, 0),
    E("günaydın", WS_NOT_DATE, 0),
    E("iyi bayramlar", WS_NOT_DATE, 0),
    E("bayramınız kutlu olsun", WS_NOT_DATE, 0),
    E("hayırlı cumalar", WS_NOT_DATE, 0),
    E("görüşmek üzere", WS_NOT_DATE, 0),
    E("doğum", WS_NOT_DATE, 0),
    E("iş", WS_NOT_DATE, 0),
    E("her", WS_NOT_DATE, 0),
    E("hangi", WS_NOT_DATE, 0),
    E("aynı", WS_NOT_DATE, 0),
    E("başka", WS_NOT_DATE, 0),
    E("boş", WS_NOT_DATE, 0),
    E("müsait", WS_NOT_DATE, 0),
    E("uygun", WS_NOT_DATE, 0),
    E("kapalı", WS_NOT_DATE, 0),
    E("açık", WS_NOT_DATE, 0),
    E("tüm", WS_NOT_DATE, 0),
    E("bütün", WS_NOT_DATE, 0),
    E("güzel", WS_NOT_DATE, 0),
    E("kaç", WS_NOT_DATE, 0),
    /* "saat 5'e alalım" (let us take it at 5): two letters from
     * "aralık", never a month not understood (review tr6 c06) */
    E("alalım", WS_NOT_DATE, 0),
    /* a second choice after the first ("yarın 11 olmazsa 14 de olur",
     * "11 doluysa 12"): the first is the one asked (review tr8 s56) */
    E("olmazsa", WS_FALLBACK, 0),
    E("olmassa", WS_FALLBACK, 0),
    E("olmazsa da", WS_FALLBACK, 0),
    E("olmuyorsa", WS_FALLBACK, 0),
    E("olmadı", WS_FALLBACK, 0),
    E("uymazsa", WS_FALLBACK, 0),
    E("uygun değilse", WS_FALLBACK, 0),
    E("müsait değilse", WS_FALLBACK, 0),
    E("doluysa", WS_FALLBACK, 0),
    E("boş değilse", WS_FALLBACK, 0),
    E("yoksa", WS_FALLBACK, 0),
    /* after a day not meant: "cuma değil cumartesi", "yarın olmaz
     * perşembe" (the other day wins; review tr1 S099, S100, S123) */
    E("değil", WS_NOT_AFTER, 0),
    E("hariç", WS_NOT_AFTER, 0),
    /* "perşembe yerine cumaya" (instead of Thursday, to Friday): review
     * tr10 C11.2 got "Tarih belirsiz" */
    E("yerine", WS_NOT_AFTER, 0),
    E("değil de", WS_NOT_AFTER, 0),
    E("değilde", WS_NOT_AFTER, 0),
    E("olmaz", WS_NOT_AFTER, 0),
    E("olmuyor", WS_NOT_AFTER, 0),
    /* spoken and future forms: "yarın olmuyo", "pazartesi olmayacak"
     * (review tr AB c03.2 c13.3 got "Günü anlayamadım", the booking kept) */
    E("olmuyo", WS_NOT_AFTER, 0),
    E("olmayacak", WS_NOT_AFTER, 0),
    E("olmicak", WS_NOT_AFTER, 0),
    E("olmuycak", WS_NOT_AFTER, 0),
    E("olamayacak", WS_NOT_AFTER, 0),
    E("uymuyo", WS_NOT_AFTER, 0),
    E("uymayacak", WS_NOT_AFTER, 0),
    E("uygun değil", WS_NOT_AFTER, 0),
    E("uymuyor", WS_NOT_AFTER, 0),
    /* "yarın gelemeyeceğim, cumaya alabilir miyiz": the day they
     * cannot come is not the one meant (tr1 C18) */
    E("gelemeyeceğim", WS_NOT_AFTER, 0),
    E("gelemiyorum", WS_NOT_AFTER, 0),
    E("gelemem", WS_NOT_AFTER, 0),
    E("gelemicem", WS_NOT_AFTER, 0),
    E("gelemiycem", WS_NOT_AFTER, 0),
    E("gelemeyiz", WS_NOT_AFTER, 0),
    E("gelemeyeceğiz", WS_NOT_AFTER, 0),
    E("yetişemem", WS_NOT_AFTER, 0),
    E("yetişemeyeceğim", WS_NOT_AFTER, 0),
    E("müsait değilim", WS_NOT_AFTER, 0),
    E("erken", WS_NOT_DATE, 0),
    E("geç", WS_NOT_DATE, 0),
};

/*
 * Case and other endings a day, month or time word may carry, as folded:
 * dative, locative, ablative, accusative, genitive, "with", "-ki", the
 * question particle written onto the word ("yarınmı") and the possessive
 * forms after "-sı" ("sonuna", "sonunda"). Longest first.
 */
static const char *const tr_suffixes[] = {
    "ndaki", "ndeki", "leri", "lari", "ndan", "nden", "daki", "deki", "taki",
    "teki",  "nda",   "nde",  "dan",  "den",  "tan",  "ten",  "nin",  "nun",
    "yla",   "yle",   "dir",  "dur",  "tir",  "tur",  "da",   "de",   "ta",
    "te",    "ya",    "ye",   "yi",   "yu",   "na",   "ne",   "ni",   "nu",
    "in",    "un",    "ki",   "ku",   "mi",   "mu",   "la",   "le",   "a",
    "e",     "i",     "u",    NULL,
};

const struct when_vocab when_vocab_tr = {
    .lang = "tr",
    .words = tr_words,
    .n_words = sizeof(tr_words) / sizeof(tr_words[0]),
    .day_first = 1,
    /* "10:00" is never "10:00 veya 22:00?" (review tr AE s40, c03.1) */
    .colon_24h = 1,
    .suffixes = tr_suffixes,
    /* "salı" sent on a Tuesday is next Tuesday: today is "bugün" or
     * "bu salı" (review tr1: "salı günü 14:00" booked the day it was sent) */
    .wday_same_next = 1,
    /* endings put many words two letters from "aralık", "haziran",
     * "öbürgün": "aracım", "aradım", "arayın", "hazırım", "olursun" */
    .no_near_doubt = 1,
};
