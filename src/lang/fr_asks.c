/*
 * The French pack's words for questions, complaints, conditions and
 * worries about a service (Wave G: review fr5 s20, s57): "C'est normal
 * d'avoir encore mal 3 jours après une extraction ?", "le plombage est
 * tombé, je dois revenir ?"; an animal's or a person's health told in
 * everyday words (Wave I: review fr6 s17, s50, s53). Data only, folded as
 * text_fold does; the rules that read them are the same in every language.
 */
#include "smsdesk/lang.h"

#include "lang_packs.h"

// clang-format off
#include "reader_rows.h"

const struct lang_word lang_fr_asks[] = {
    /* a question about a service: for a person */
    W("cest normal", LW_ADVICE), W("c est normal", LW_ADVICE),
    W("est ce normal", LW_ADVICE), W("est ce que cest normal", LW_ADVICE),
    W("normal que", LW_ADVICE), W("normal davoir", LW_ADVICE),
    W("je dois revenir", LW_ADVICE), W("dois je revenir", LW_ADVICE),
    W("faut il revenir", LW_ADVICE), W("il faut revenir", LW_ADVICE),
    /* "quand faut-il commencer ?": advice, never the next free times */
    W("quand faut il", LW_ADVICE), W("quand est ce quil faut", LW_ADVICE),
    W("quand doit on", LW_ADVICE), W("a quel moment faut il", LW_ADVICE),
    W("est ce grave", LW_ADVICE),
    W("cest grave", LW_ADVICE), W("enceinte", LW_ADVICE),
    W("allaite", LW_ADVICE), W("allergique", LW_ADVICE),
    /* "combien de temps pour sécher ?": drying, never the visit's length */
    W("secher", LW_ADVICE), W("sechage", LW_ADVICE), W("pour secher", LW_ADVICE),
    W("a jeun", LW_ADVICE), W("combien de seances", LW_ADVICE),
    W("en supplement", LW_ADVICE), W("compris dans", LW_ADVICE),
    W("rembourse", LW_ADVICE), W("jours apres", LW_PAST),
    /* what to bring, from what age, whether it is mixed, hurts, is
     * included, may be done with a dog: for a person, never "quel jour
     * vous convient ?" (reviews fr V s41, s44, s57, c03; R s21, s45,
     * s53, s57, c11, c12) */
    W("il faut apporter", LW_ADVICE), W("faut il apporter", LW_ADVICE),
    W("faut apporter", LW_ADVICE), W("je dois apporter", LW_ADVICE),
    W("dois je apporter", LW_ADVICE), W("il faut prevoir", LW_ADVICE),
    W("faut il prevoir", LW_ADVICE), W("faut prevoir", LW_ADVICE),
    W("il faut amener", LW_ADVICE), W("faut il amener", LW_ADVICE),
    W("je dois amener", LW_ADVICE), W("je peux amener", LW_ADVICE),
    W("je peux venir avec", LW_ADVICE), W("je peux rester", LW_ADVICE),
    W("a partir de quel age", LW_ADVICE), W("des quel age", LW_ADVICE),
    W("quel age", LW_ADVICE), W("age minimum", LW_ADVICE),
    W("mineur", LW_ADVICE), W("mineure", LW_ADVICE),
    W("a 12 ans", LW_ADVICE), W("a 13 ans", LW_ADVICE),
    W("a 14 ans", LW_ADVICE), W("a 15 ans", LW_ADVICE),
    W("a 16 ans", LW_ADVICE), W("a 17 ans", LW_ADVICE),
    W("mixte", LW_ADVICE),
    /* does it hurt, come without make-up, an allergy test first, without
     * my parents, how long it holds, whether the price depends: for a
     * person, never "quel jour vous convient ?" (review fr AA s07 s08 s17
     * s27 s32 s51 s54, c16.2) */
    W("est ce que ca fait mal", LW_ADVICE), W("ca fait pas mal", LW_ADVICE),
    W("fait il mal", LW_ADVICE), W("douloureux", LW_ADVICE),
    W("douloureuse", LW_ADVICE), W("demaquillee", LW_ADVICE),
    W("demaquille", LW_ADVICE), W("sans maquillage", LW_ADVICE),
    W("test dallergie", LW_ADVICE), W("test allergie", LW_ADVICE),
    W("test cutane", LW_ADVICE), W("sans mes parents", LW_ADVICE),
    W("autorisation parentale", LW_ADVICE), W("accord parental", LW_ADVICE),
    W("tient combien de temps", LW_ADVICE), W("ca tient combien", LW_ADVICE),
    W("ca tient longtemps", LW_ADVICE), W("combien de temps ca tient", LW_ADVICE),
    W("ca depend", LW_ADVICE), W("pour tout le monde", LW_ADVICE),
    W("quelle difference", LW_ADVICE), W("la difference entre", LW_ADVICE),
    /* "se chover cancela?": whether the weather cancels it, a question
     * for a person, never a cancel (review pt AI s44) */
    NT("sil pleut", OTHER), NT("en cas de pluie", OTHER), NT("sil fait mauvais", OTHER),
    /* "can he/she/I do it?", "do I need ...?", "what does it include?":
     * whether it suits someone, for a person, never "which day?"
     * (reviews es AH s06, s40, s52, c08.1, de AH s21, s29, AG s19, tr AH
     * s19, fr AH s42, c20.2) */
    V("peut il faire", LW_ADVICE, 1), V("peut elle faire", LW_ADVICE, 1),
    V("peut on faire", LW_ADVICE, 1), V("il peut faire", LW_ADVICE, 1),
    V("elle peut faire", LW_ADVICE, 1), V("je peux faire", LW_ADVICE, 1),
    V("faut il avoir", LW_ADVICE, 1), V("faut il etre", LW_ADVICE, 1),
    V("il faut avoir", LW_ADVICE, 1), V("il faut etre", LW_ADVICE, 1),
    W("ca fait mal", LW_ADVICE), W("ca peut aider", LW_ADVICE),
    W("peut aider pour", LW_ADVICE), W("comment se passe", LW_ADVICE),
    W("comment ca se passe", LW_ADVICE), W("se deroule", LW_ADVICE),
    W("quest ce qui est compris", LW_ADVICE), W("cest compris", LW_ADVICE),
    W("vous conseillez", LW_ADVICE), W("me conseillez", LW_ADVICE),
    W("yeux sensibles", LW_ADVICE), W("peau sensible", LW_ADVICE),
    W("lentilles", LW_ADVICE), W("pas de garde", LW_ADVICE),
    W("pas de mode de garde", LW_ADVICE),
    W("cest douloureux", LW_ADVICE), W("c est douloureux", LW_ADVICE),
    W("est ce douloureux", LW_ADVICE), W("sont comprises", LW_ADVICE),
    W("sont compris", LW_ADVICE), W("est compris", LW_ADVICE),
    W("est comprise", LW_ADVICE), W("gratuitement", LW_ADVICE),
    W("avec notre chien", LW_ADVICE),
    W("meme format", LW_ADVICE), W("nager", LW_ADVICE),
    W("se baigner", LW_ADVICE), W("me baigner", LW_ADVICE),
    W("voiture de pret", LW_ADVICE), W("vehicule de pret", LW_ADVICE),
    W("voiture de courtoisie", LW_ADVICE),
    W("vehicule de courtoisie", LW_ADVICE),
    W("voiture de remplacement", LW_ADVICE),
    W("jour apres", LW_PAST), W("semaine derniere", LW_PAST),
    W("vous mavez fait", LW_PAST), W("mavez fait", LW_PAST),
    /* "mes semelles faites chez vous il y a 2 semaines me font mal"
     * (review fr P c14.1 booked new insoles) */
    W("faites chez vous", LW_PAST), W("fait chez vous", LW_PAST),
    W("faite chez vous", LW_PAST), W("faits chez vous", LW_PAST),
    W("vous mavez faites", LW_PAST), W("vous mavez posee", LW_PAST),
    W("vous mavez pose", LW_PAST),
    /* complaints, worries about work done */
    NC("pas content"), NC("pas contente"),
    NC("pas satisfait"), NC("pas satisfaite"),
    NC("mecontent"), NC("mecontente"), NC("mecontents"), NC("reclamation"),
    /* "j'ai attendu 40 minutes ... Ce n'est pas sérieux" (review fr O
     * s23 got the greeting and the menu) */
    NC("pas serieux"), NC("pas serieuse"), NC("pas professionnel"),
    NC("inadmissible"), NC("inacceptable"), NC("scandaleux"),
    NC("honteux"), NC("cest une honte"), NC("deplorable"),
    NC("tres decu"), NC("tres decue"), NC("vraiment decu"),
    /* money back asked, or let down: a grievance, sorry first (review fr
     * AH s40 got no sorry); "remboursée par la sécu" asks what the
     * insurance pays, no grievance (review fr AL s12 was told sorry) */
    NC("decu"), NC("decue"), NC("me rembourser"), NC("remboursez moi"),
    NC("etre rembourse"), NC("etre remboursee"), NC("demande un remboursement"),
    NC("le remboursement de"),
    W("mois dernier", LW_PAST), W("le mois dernier", LW_PAST),
    NC("vraiment decue"), NC("jai attendu"), NC("on ma fait attendre"),
    NC("aucune explication"), NC("porter plainte"), NC("me plaindre"),
    NC("plainte"), NC("mal fait"), NC("mal faite"),
    NC("est tombe"), NC("est tombee"),
    NC("sest decolle"), NC("sest casse"),
    /* ---- health in everyday words (the desk's rd_health): 2 urgent (the
     * emergency service, else its referral), 1 seen soon (the emergency
     * service, else the consultation), else a person; never the menu.
     * "c'est urgent ma chienne a mangé du chocolat" (fr6 s50) */
    V("a mange du", LW_SYMPTOM, 2), V("a mange de la", LW_SYMPTOM, 2),
    V("a mange des", LW_SYMPTOM, 2), V("a mange un", LW_SYMPTOM, 2),
    V("a mange une", LW_SYMPTOM, 2), V("mange du chocolat", LW_SYMPTOM, 2),
    V("du chocolat", LW_SYMPTOM, 2), V("avale", LW_SYMPTOM, 2),
    V("empoisonnee", LW_SYMPTOM, 2), V("empoisonnement", LW_SYMPTOM, 2),
    V("intoxique", LW_SYMPTOM, 2), V("intoxiquee", LW_SYMPTOM, 2),
    V("intoxication", LW_SYMPTOM, 2), V("poison", LW_SYMPTOM, 2),
    V("mort aux rats", LW_SYMPTOM, 2), V("raticide", LW_SYMPTOM, 2),
    V("antigel", LW_SYMPTOM, 2), V("anti limace", LW_SYMPTOM, 2),
    V("convulsions", LW_SYMPTOM, 2), V("convulse", LW_SYMPTOM, 2),
    V("crise depilepsie", LW_SYMPTOM, 2), V("respire mal", LW_SYMPTOM, 2),
    V("du mal a respirer", LW_SYMPTOM, 2), V("ne respire plus", LW_SYMPTOM, 2),
    V("etouffe", LW_SYMPTOM, 2), V("setouffe", LW_SYMPTOM, 2),
    V("renverse", LW_SYMPTOM, 2), V("renversee", LW_SYMPTOM, 2),
    V("sest fait renverser", LW_SYMPTOM, 2), V("paralyse", LW_SYMPTOM, 2),
    V("paralysee", LW_SYMPTOM, 2), V("ne se leve plus", LW_SYMPTOM, 2),
    V("ne tient plus debout", LW_SYMPTOM, 2), V("inconscient", LW_SYMPTOM, 2),
    V("inconsciente", LW_SYMPTOM, 2), V("sest effondre", LW_SYMPTOM, 2),
    V("sest effondree", LW_SYMPTOM, 2), V("du sang", LW_SYMPTOM, 2),
    V("mordu", LW_SYMPTOM, 2), V("mordue", LW_SYMPTOM, 2),
    V("sest fait mordre", LW_SYMPTOM, 2), V("morsure", LW_SYMPTOM, 2),
    /* seen soon: "a vomi toute la nuit", "ne mange plus depuis 2 jours",
     * "il se gratte bcp" (fr6 s17, s53, s30) */
    V("vomi", LW_SYMPTOM, 1), V("a vomi", LW_SYMPTOM, 1),
    V("vomir", LW_SYMPTOM, 1), V("vomissement", LW_SYMPTOM, 1),
    V("vomissements", LW_SYMPTOM, 1), V("diarrhee", LW_SYMPTOM, 1),
    V("la diarrhee", LW_SYMPTOM, 1), V("ne mange plus", LW_SYMPTOM, 1),
    V("ne mange pas", LW_SYMPTOM, 1), V("mange plus", LW_SYMPTOM, 1),
    V("ne boit plus", LW_SYMPTOM, 1), V("boit plus", LW_SYMPTOM, 1),
    V("boit beaucoup", LW_SYMPTOM, 1), V("se gratte", LW_SYMPTOM, 1),
    V("se leche", LW_SYMPTOM, 1), V("se lechouille", LW_SYMPTOM, 1),
    V("tousse", LW_SYMPTOM, 1), V("toux", LW_SYMPTOM, 1),
    V("eternue", LW_SYMPTOM, 1), V("fievre", LW_SYMPTOM, 1),
    V("abattu", LW_SYMPTOM, 1), V("abattue", LW_SYMPTOM, 1),
    V("amorphe", LW_SYMPTOM, 1), V("apathique", LW_SYMPTOM, 1),
    V("boiterie", LW_SYMPTOM, 1), V("boitille", LW_SYMPTOM, 1),
    V("ne pose plus la patte", LW_SYMPTOM, 1), V("plaie", LW_SYMPTOM, 1),
    V("grosseur", LW_SYMPTOM, 1), V("une boule", LW_SYMPTOM, 1),
    V("otite", LW_SYMPTOM, 1), V("oeil qui coule", LW_SYMPTOM, 1),
    V("yeux qui coulent", LW_SYMPTOM, 1), V("constipe", LW_SYMPTOM, 1),
    V("constipee", LW_SYMPTOM, 1),
    V("pas en forme", LW_SYMPTOM, 1), V("perd ses poils", LW_SYMPTOM, 1),
    V("diarrhees", LW_SYMPTOM, 1), V("des diarrhees", LW_SYMPTOM, 1),
    V("ne fait plus pipi", LW_SYMPTOM, 1), V("tremble", LW_SYMPTOM, 1),
    V("gemit", LW_SYMPTOM, 1), V("halete", LW_SYMPTOM, 1),
    /* a sore paw or belly is seen at the consultation, not the night
     * emergency ("mal" alone is urgent) */
    V("mal a la patte", LW_SYMPTOM, 1), V("mal a une patte", LW_SYMPTOM, 1),
    V("mal aux pattes", LW_SYMPTOM, 1), V("mal au ventre", LW_SYMPTOM, 1),
    V("mal a loreille", LW_SYMPTOM, 1), V("mal aux oreilles", LW_SYMPTOM, 1),
    /* the skin: "j'ai des boutons partout" is never the menu */
    V("des boutons", LW_SYMPTOM, 1), V("demangeaisons", LW_SYMPTOM, 1),
    V("ca demange", LW_SYMPTOM, 1), V("eczema", LW_SYMPTOM, 1),
    V("urticaire", LW_SYMPTOM, 1), V("plaques rouges", LW_SYMPTOM, 1),
    V("reaction allergique", LW_SYMPTOM, 2),
    /* when it happened, not a time asked for: "toute la nuit" is never
     * the night topic ("urgences de nuit") of the catalog (fr6 s17) */
    W("toute la nuit", LW_COMMON), W("pendant la nuit", LW_COMMON),
    W("dans la nuit", LW_COMMON), W("la nuit derniere", LW_COMMON),
    W("depuis cette nuit", LW_COMMON), W("cette nuit il", LW_COMMON),
    W("cette nuit elle", LW_COMMON),
    /* "un bain en même temps que son vaccin": two things asked, the one
     * never what the other is for (review fr6 s43) */
    W("en meme temps que", LW_CONJ), W("en meme temps qu", LW_CONJ),
    W("en meme temps", LW_CONJ), W("au meme moment que", LW_CONJ),
    /* not asked for: what the customer has */
    W("souffre de", LW_CONDITION), W("je souffre de", LW_CONDITION),
    /* une question sur un rdv à soi, "inscrit" plus loin ("je suis bien
     * inscrite pour jeudi ?", "j'ai un vaccin demain ?"; inquiry_mine.c) */
    W("je suis", LW_AM_I), W("suis je", LW_AM_I), W("est ce que je suis", LW_AM_I),
    W("on est", LW_AM_I), W("il est", LW_AM_I), W("elle est", LW_AM_I),
    W("jai", LW_HAVE_I), W("ai je", LW_HAVE_I), W("est ce que jai", LW_HAVE_I),
    W("jai bien", LW_HAVE_I), W("on a", LW_HAVE_I), W("on a bien", LW_HAVE_I),
    W("inscrit", LW_BOOKED), W("inscrite", LW_BOOKED),
    W("inscrits", LW_BOOKED), W("inscrites", LW_BOOKED), W("notes", LW_BOOKED),
    W("prevus", LW_BOOKED), W("note", LW_BOOKED), W("notee", LW_BOOKED),
    W("enregistre", LW_BOOKED), W("enregistree", LW_BOOKED),
    W("prevu", LW_BOOKED), W("prevue", LW_BOOKED), W("reserve", LW_BOOKED),
    W("reservee", LW_BOOKED), W("confirme", LW_BOOKED),
    W("dans lagenda", LW_BOOKED),
    /* un titre avant un nom ("le Dr Martin consulte samedi ?") */
    W("dr", LW_TITLE), W("docteur", LW_TITLE), W("mme", LW_TITLE),
    W("madame", LW_TITLE), W("monsieur", LW_TITLE), W("mr", LW_TITLE),
    W("mlle", LW_TITLE),
    /* pour une personne : n'a rien réservé, personne n'a répondu */
    /* a cancel said as a condition ("if I have to cancel ..."): a
     * question about cancelling, for a person, never a cancel (review pt
     * AG c20.2 cancelled the lesson just booked) */
    NT("si je dois annuler", OTHER), NT("si jamais je dois annuler", OTHER),
    NT("si je dois decaler", OTHER), NT("si je dois deplacer", OTHER),
    NT("si je veux annuler", OTHER), NT("si jamais j annule", OTHER),
    NT("si j annule", OTHER), NT("si jannule", OTHER),
    NT("jai pas pris de rdv", OTHER), NT("je nai pas pris de rdv", OTHER),
    NT("jai rien reserve", OTHER), NT("je nai rien reserve", OTHER),
    NT("jamais pris de rdv", OTHER), NT("personne ne ma repondu", OTHER),
    NT("personne ne repond", OTHER), NT("pas de reponse", OTHER),
    NT("sans reponse", OTHER), NT("toujours pas de reponse", OTHER),
    /* si nous envoyons un rappel, le délai pour réserver : la politique
     * du catalogue répond (review fr V c18.3). "rappel" seul est aussi
     * le rappel d'un vaccin: des tournures seulement */
    NT("sms de rappel", REMINDER), NT("message de rappel", REMINDER),
    NT("rappel la veille", REMINDER), NT("envoyer un rappel", REMINDER),
    NT("envoyez un rappel", REMINDER), NT("envoyez des rappels", REMINDER),
    NT("rappel par sms", REMINDER), NT("un rappel par sms", REMINDER),
    /* "Vous m'enverrez un rappel ?" (review fr Z c15.2 handed on) */
    NT("menverrez un rappel", REMINDER), NT("menvoyez un rappel", REMINDER),
    NT("menverrez un sms", REMINDER), NT("recevoir un rappel", REMINDER),
    NT("aurai un rappel", REMINDER), NT("y a un rappel", REMINDER),
    NT("un rappel avant", REMINDER), NT("un petit rappel", REMINDER),
    NT("combien de temps a l avance", NOTICE),
    NT("combien de temps a lavance", NOTICE),
    NT("combien de jours a l avance", NOTICE),
    NT("combien de jours a lavance", NOTICE),
    NT("quel delai", NOTICE), NT("delai pour reserver", NOTICE),
    /* "est-ce qu'il faut réserver longtemps à l'avance ?" (review fr AS
     * c22.1 was handed on) */
    NT("longtemps a lavance", NOTICE), NT("longtemps a l avance", NOTICE),
    NT("reserver longtemps", NOTICE),
    /* "on peut annuler jusqu'à quand ?": until when, the terms, never a
     * cancel (review fr AI c21.3 cancelled the lesson just booked) */
    NT("jusqua quand", NOTICE), NT("jusqu a quand", NOTICE),
    NT("jusqua combien de temps", NOTICE), NT("au plus tard quand", NOTICE),
    NT("delai minimum", NOTICE), NT("conditions d annulation", NOTICE),
    /* "je peux annuler si je ne peux pas venir ?": annuler "si", les
     * RDV et comment, jamais une annulation (review es AL c04.3) */
    W("annuler si", LW_MINE), W("lannuler si", LW_MINE), W("annuler en cas de", LW_MINE),
    W("decommander si", LW_MINE),
    /* "l'examen de vue est gratuit ?", "c'est payant ?": its price
     * answers (review fr W; the other packs alike) */
    W("gratuit", LW_PRICE), W("gratuite", LW_PRICE), W("payant", LW_PRICE),
    W("payante", LW_PRICE), W("faut payer", LW_PRICE),
    /* "merci pour le rappel, je serai bien là demain": thanks (review
     * fr X s43 got the menu) */
    W("merci pour le rappel", LW_THANKS), W("merci du rappel", LW_THANKS),
    W("merci pour le message", LW_THANKS),
    /* notre numéro (LANG_NT_PHONE) : le catalogue le donne */
    NT("votre numero", PHONE), NT("numero de telephone", PHONE), NT("votre telephone", PHONE),
    NT("je peux vous appeler", PHONE), NT("peut on vous appeler", PHONE), NT("vous appeler", PHONE),
    NT("vous telephoner", PHONE),
    /* l'adresse du client : pour l'équipe, jamais la nôtre */
    NTOLD("mon adresse"), NTOLD("ladresse cest"), NTOLD("ladresse est"),
    NTOLD("jhabite"), NTOLD("nous habitons"), NTOLD("on habite"),
    {NULL, 0, 0}, /* fin */
};

/* A booking said to be another person's, never picked without a reference
 * (inquiry_whose.c): "celui de ma fille", "le rdv de mon mari", "son rdv". */
static const char *const whose_of[] = {"de", "du", "des", "pour", "pr", NULL};
static const char *const whose_between[] = {
    "ma", "mon", "mes", "notre", "nos", "la", "le", "les", NULL};
static const char *const whose_third[] = {"son", "sa", "ses", NULL};
static const char *const whose_persons[] = {
    "lui", "elle", "eux", "elles", "petit", "petite", "lenfant", "tante",
    "oncle", "epoux", "epouse", "conjointe", "ado", "loulou", "cherie",
    "cheri", "enfant", NULL};

const struct lang_whose lang_fr_whose = {
    .of = whose_of, .between = whose_between, .third = whose_third,
    .persons = whose_persons,
};

// clang-format on
