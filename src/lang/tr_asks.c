/*
 * The Turkish pack's words for questions, complaints, conditions and
 * worries about a service (Wave G: review tr5 s04, s21, s51, s52, s53):
 * "Bel fıtığım var, pazartesi seans istiyorum", "Hamileyim masaj yapabilir
 * misiniz", "dizim çok ağrıyor ne yapayım", "Teşekkürler çok iyi geldi
 * seans". Data only, folded as text_fold does; the rules that read them
 * are the same in every language.
 */
#include "smsdesk/lang.h"

#include "lang_packs.h"

// clang-format off
#include "reader_rows.h"

const struct lang_word lang_tr_asks[] = {
    /* a question about a service: for a person */
    W("hamileyim", LW_ADVICE), W("hamile", LW_ADVICE),
    W("gebeyim", LW_ADVICE), W("emziriyorum", LW_ADVICE),
    W("normal mi", LW_ADVICE), W("zararli mi", LW_ADVICE),
    W("sakincasi var mi", LW_ADVICE), W("sakincali mi", LW_ADVICE),
    W("bakiyor musunuz", LW_ADVICE), W("bakiyormusunuz", LW_ADVICE),
    W("ilgileniyor musunuz", LW_ADVICE), W("kac seans", LW_ADVICE),
    W("kac seans gerekir", LW_ADVICE), W("ac mi gelmeliyim", LW_ADVICE),
    W("fark ne", LW_ADVICE), W("farki ne", LW_ADVICE),
    /* "se chover cancela?": whether the weather cancels it, a question
     * for a person, never a cancel (review pt AI s44) */
    NT("yagmur yagarsa", OTHER), NT("yagmur yagarsa iptal", OTHER), NT("havaya gore", OTHER),
    /* "can he/she/I do it?", "do I need ...?", "what does it include?":
     * whether it suits someone, for a person, never "which day?"
     * (reviews es AH s06, s40, s52, c08.1, de AH s21, s29, AG s19, tr AH
     * s19, fr AH s42, c20.2) */
    V("yapabilir mi", LW_ADVICE, 1), V("yapabilir miyim", LW_ADVICE, 1),
    V("katilabilir mi", LW_ADVICE, 1), V("katilabilir miyim", LW_ADVICE, 1),
    W("baslamak icin gec", LW_ADVICE), W("gec mi", LW_ADVICE),
    W("neler var", LW_ADVICE), W("neler dahil", LW_ADVICE),
    W("dahil mi", LW_ADVICE), W("zorunlu mu", LW_ADVICE),
    W("sart mi", LW_ADVICE), W("gerekiyor mu", LW_ADVICE),
    /* does it hurt, must it fast, is it needed, which is better, who
     * does it, can I stay: for a person, never "hangi gün uygun?"
     * (reviews tr S s29, s31, s38; T s08, s48; R s40, s53; U s45) */
    W("acitiyor mu", LW_ADVICE), W("acitir mi", LW_ADVICE),
    W("aci verir mi", LW_ADVICE), W("iz kaliyor mu", LW_ADVICE),
    W("ac mi gelmesi", LW_ADVICE), W("ac mi gelmeli", LW_ADVICE),
    W("ac kalmasi", LW_ADVICE), W("ac gelmesi", LW_ADVICE),
    W("ac mi gelmesi lazim", LW_ADVICE), W("ac kalmasi lazim", LW_ADVICE),
    W("ac gelmesi lazim", LW_ADVICE),
    W("mi gerekir", LW_ADVICE),
    W("mi gerekiyor", LW_ADVICE),
    W("hangisi daha iyi", LW_ADVICE),
    W("farkli mi", LW_ADVICE), W("bayan terapist", LW_ADVICE),
    W("bayan terapistiniz", LW_ADVICE), W("bayan yapsin", LW_ADVICE),
    W("erkek terapist", LW_ADVICE), W("kadin terapist", LW_ADVICE),
    W("kalabilir miyim", LW_ADVICE),
    W("kac yasindan", LW_ADVICE), W("yas siniri", LW_ADVICE),
    W("yuzebilir miyim", LW_ADVICE), W("denize girebilir miyim", LW_ADVICE),
    W("havuza girebilir miyim", LW_ADVICE), W("ikame arac", LW_ADVICE),
    /* thanks for a session had, complaints */
    W("iyi geldi", LW_PAST), W("cok iyi geldi", LW_PAST),
    NC("sikayet"), NC("sikayetci"),
    /* "fotoğraflar hâlâ mailime gelmedi": work not delivered (review tr AA
     * c13.1 got the menu) */
    NC("hala gelmedi"), NC("hala gonderilmedi"), NC("hala ulasmadi"),
    NC("hala gelmedi mi"), NC("hala bekliyorum"), NC("gondermediniz"),
    NC("mailime gelmedi"), NC("elime gelmedi"), NC("fotograflar gelmedi"),
    NC("fotograflarim gelmedi"), NC("hala mailime gelmedi"),
    NC("sikayetciyim"), NC("memnun degilim"),
    NC("memnun kalmadim"), NC("kaba"),
    /* how the work came out, said after it ("röfle çok sarı oldu", "dün
     * kestirdim yamuk olmuş", "saçımı çok kötü kestiniz", "aracım hala
     * kirli", "çizilmiş"): a complaint for a person, never "hangi gün?"
     * for the service it names. Past forms only: "kısa kesim istiyorum"
     * asks for one. */
    NC("kotu kestiniz"), NC("kotu kesmissiniz"),
    NC("kotu olmus"), NC("kotu oldu"), NC("cok kotu"),
    NC("hic memnun"), NC("memnun kalmadik"),
    NC("yamuk"), NC("egri olmus"), NC("egri oldu"),
    NC("dengesiz olmus"), NC("dengesiz oldu"),
    NC("asimetrik"), NC("kisa olmus"), NC("kisa oldu"),
    NC("kisa kestiniz"), NC("kisa kesmissiniz"),
    NC("sari oldu"), NC("sari olmus"),
    NC("turuncu oldu"), NC("turuncu olmus"),
    NC("yesil oldu"), NC("yesil olmus"),
    NC("koyu oldu"), NC("koyu olmus"),
    NC("acik oldu"), NC("acik olmus"),
    NC("renk tutmadi"), NC("renk tutmamis"),
    NC("boya tutmadi"), NC("boya tutmamis"),
    NC("rengi akti"), NC("rengi soldu"), NC("soldu"),
    NC("solmus"), NC("kapanmadi"), NC("kapanmamis"),
    NC("istedigim gibi olmadi"), NC("istedigim gibi olmamis"),
    NC("istedigim gibi degil"), NC("olmamis"),
    NC("yaktiniz"), NC("yakmissiniz"), NC("yipratti"),
    NC("yipranmis"), NC("kulagimi kestiniz"),
    NC("kestiniz"), NC("jilet kesti"), NC("yara oldu"),
    NC("sivilce cikti"), NC("kizariklik oldu"),
    NC("kizariklik var"), NC("kasinti oldu"),
    NC("cizilmis"), NC("cizildi"), NC("cizdiniz"),
    NC("cizik"), NC("leke kalmis"), NC("lekeli"),
    NC("hala kirli"), NC("kirli kalmis"), NC("temizlenmemis"),
    NC("temiz degil"), NC("yikanmamis"), NC("hasar"),
    NC("hasarli"), NC("zarar verdiniz"), NC("kirdiniz"),
    NC("kirilmis"), NC("kaybolmus"), NC("kayboldu"),
    NC("telafi"), NC("mahvettiniz"), NC("mahvoldu"),
    NC("rezil"), NC("kac yikamada"),
    /* asking what to do, or whether it suits them: for a person */
    /* a cancel said as a condition ("if I have to cancel ..."): a
     * question about cancelling, for a person, never a cancel (review pt
     * AG c20.2 cancelled the lesson just booked) */
    NT("iptal etmem gerekirse", OTHER), NT("iptal etmek zorunda kalirsam", OTHER),
    /* "iptal edersek para yanar mı": the terms asked (review tr AI s36
     * read a cancel); "kapalı mı açık mı": indoor or outdoor, never our
     * hours (s23) */
    NT("iptal edersek", OTHER), NT("iptal ederseniz", OTHER),
    NT("iptal olursa", OTHER), NT("iptal etsek", OTHER),
    NT("kapali mi acik mi", OTHER), NT("acik mi kapali mi", OTHER),
    NT("iptal edersem", OTHER), NT("iptal etsem", OTHER),
    NT("ne onerirsiniz", OTHER), NT("onerirsiniz", OTHER),
    NT("ne tavsiye edersiniz", OTHER), NT("tavsiye edersiniz", OTHER),
    NT("ne yapmaliyim", OTHER), NT("ne yapayim", OTHER),
    NT("ne yapmam lazim", OTHER), NT("ne yapmam gerekiyor", OTHER),
    NT("ne surmeliyim", OTHER), NT("ne kullanmaliyim", OTHER),
    NT("dokuluyor", OTHER), NT("bana uyar mi", OTHER), NT("yakisir mi", OTHER),
    NT("uygun mu", OTHER), NT("yikayabilir miyim", OTHER),
    NT("zarari var mi", OTHER), NT("zarar verir mi", OTHER),
    /* is it safe ("motora su kaçar mı, tehlikeli mi?", tr10 S36 got
     * "which day?") */
    NT("tehlikeli mi", OTHER), NT("tehlikelimi", OTHER),
    NT("tehlikeli", OTHER), NT("riskli mi", OTHER), NT("risk var mi", OTHER),
    NT("guvenli mi", OTHER), NT("su kacar mi", OTHER),
    NT("su kacarmi", OTHER), NT("sorun olur mu", OTHER),
    NT("sorun cikar mi", OTHER), NT("zarar gelir mi", OTHER),
    NT("bir sey olur mu", OTHER), NT("birsey olur mu", OTHER),
    NT("iz kalir mi", OTHER), NT("cizer mi", OTHER), NT("bozar mi", OTHER),
    W("alerjim var", LW_ADVICE),
    /* sending by courier, bringing something, what now: for a person,
     * never "hangi gün uygun?" (review tr AA s50 s55) */
    W("kargo", LW_ADVICE), W("kargoyla", LW_ADVICE), W("kargo ile", LW_ADVICE),
    W("gonderebilir miyim", LW_ADVICE), W("gondersem", LW_ADVICE),
    W("birakacak kimse yok", LW_ADVICE), W("getirmem gerekiyor mu", LW_ADVICE),
    W("getirmeli miyim", LW_ADVICE), W("lazim mi", LW_ADVICE),
    W("gerekli mi", LW_ADVICE), W("ne yapacagiz", LW_ADVICE),
    W("ne yapmaliyim", LW_ADVICE), W("ne yapmam lazim", LW_ADVICE),
    W("ne yapabilirim", LW_ADVICE), W("alerji", LW_ADVICE),
    /* "kaç saatte kurur?": drying, never the visit's length */
    W("kurur", LW_ADVICE), W("kurumasi", LW_ADVICE), W("kuruyor", LW_ADVICE),
    W("hassas", LW_ADVICE), W("yasinda", LW_ADVICE), W("aylik", LW_ADVICE),
    /* a health problem told */
    V("agriyor", LW_SYMPTOM, 1), V("cok agriyor", LW_SYMPTOM, 1),
    V("agrim var", LW_SYMPTOM, 1), V("sizliyor", LW_SYMPTOM, 1),
    V("tutuldu", LW_SYMPTOM, 1), V("skolyoz", LW_SYMPTOM, 1),
    V("fitik", LW_SYMPTOM, 1), V("fitigim", LW_SYMPTOM, 1),
    /* not asked for: negated after, or what the customer has */
    W("degil", LW_NEG_AFTER), W("yok", LW_NEG_AFTER),
    V("var", LW_CONDITION, 2), V("vardi", LW_CONDITION, 2),
    /* kendi randevusunu soruyor ("cuma için kayıtlı mıyım?", "yarın için
     * yazıldım mı?"; inquiry_mine.c) */
    W("ben", LW_AM_I), W("benim", LW_AM_I), W("biz", LW_AM_I),
    W("kayitli", LW_BOOKED), W("kayitliyim", LW_BOOKED), W("yazili", LW_BOOKED),
    W("yaziliyim", LW_BOOKED), W("yazildim", LW_BOOKED), W("yazildim mi", LW_MINE),
    W("yazili miyim", LW_MINE), W("kaydim var mi", LW_MINE),
    W("kaydim", LW_MINE), W("yaziliyim degil mi", LW_MINE),
    /* bir addan önce unvan ("Dr. Ayşe bugün var mı?") */
    W("dr", LW_TITLE), W("doktor", LW_TITLE), W("op dr", LW_TITLE),
    /* bir kişiye: randevu almadı, kimse dönmedi */
    NT("randevu almadim", OTHER), NT("ben randevu almadim", OTHER),
    NT("kimse donmedi", OTHER), NT("kimse cevap vermedi", OTHER),
    NT("donus yapmadiniz", OTHER), NT("geri donmediniz", OTHER),
    /* hatırlatma gönderiyor muyuz, ne kadar önceden randevu: kataloğun
     * kuralı yanıtlar (review tr U s45) */
    NT("hatirlatma", REMINDER), NT("hatirlatma mesaji", REMINDER),
    NT("hatirlatir misiniz", REMINDER), NT("hatirlatiyor musunuz", REMINDER),
    NT("ne kadar onceden", NOTICE), NT("kac gun onceden", NOTICE),
    /* "on peut annuler jusqu'à quand ?": until when, the terms, never a
     * cancel (review fr AI c21.3 cancelled the lesson just booked) */
    NT("ne zamana kadar", NOTICE), NT("en gec ne zaman", NOTICE),
    NT("kac saat onceden", NOTICE), NT("kac gun once", NOTICE),
    /* the terms of a cancel (review tr AF s59) */
    NT("kac saat once", NOTICE), NT("iptal politikasi", NOTICE), NT("iptal kosullari", NOTICE),
    /* "deneme seansı ücretli mi?", "ücretsiz mi?": fiyatı yanıtlar
     * (review tr W s44; diğer paketler de) */
    W("ucretli mi", LW_PRICE), W("ucretsiz mi", LW_PRICE),
    W("bedava mi", LW_PRICE), W("ucretli", LW_PRICE), W("ucretsiz", LW_PRICE),
    W("para aliyor musunuz", LW_PRICE),
    /* "hatırlatma için teşekkürler, yarın oradayım": thanks */
    W("hatirlatma icin tesekkurler", LW_THANKS), W("hatirlatma icin tesekkur ederim", LW_THANKS),
    W("hatirlattiginiz icin tesekkurler", LW_THANKS),
    /* telefon numaramız (LANG_NT_PHONE): katalogda (review tr AL s37) */
    NT("telefon numaraniz", PHONE), NT("telefon numarasi", PHONE), NT("numaraniz", PHONE),
    NT("sizi arayabilir miyim", PHONE), NT("arayabilir miyim", PHONE), NT("telefonla ulasabilir", PHONE),
    /* "Telefon numaranızı verir misiniz, aramak istiyorum" (review tr AN
     * s37 got the menu) */
    NT("telefon numaranizi", PHONE), NT("numaranizi", PHONE), NT("aramak istiyorum", PHONE),
    /* müşterinin adresi ("adresim ..."): ekip için, bizimki değil
     * (review tr AM c01.3) */
    NTOLD("adresim"), NTOLD("adresimiz"), NTOLD("adres su"),
    NTOLD("oturuyorum"), NTOLD("oturuyoruz"),
    {NULL, 0, 0}, /* son */
};

/* A booking said to be another person's, never picked without a reference
 * (inquiry_whose.c): "ablamınkini", "oğlumun randevusu", "oğlum için olan". */
static const char *const whose_after[] = {"icin", NULL};
static const char *const whose_ends[] = {
    "inkinin", "unkinin", "inkini", "unkini", "inkine", "unkine", "inki",
    "unki", "nin", "nun", "in", "un", NULL};
static const char *const whose_third[] = {
    "onunki", "onunkini", "onunkine", NULL};
static const char *const whose_persons[] = {
    "ablam", "abim", "kardesim", "kizkardesim", "teyzem", "halam", "dayim",
    "amcam", "dedem", "ninem", "anneannem", "babaannem", "sevgilim",
    "nisanlim", "enistem", "yengem", "gelinim", "kayinvalidem", "kaynanam",
    NULL};

const struct lang_whose lang_tr_whose = {
    .after = whose_after, .ends = whose_ends, .person_owned = 1,
    .third = whose_third, .persons = whose_persons,
};

// clang-format on
