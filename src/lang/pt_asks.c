/*
 * The Portuguese pack's words for questions, complaints, conditions and
 * worries about a service (Wave G: review pt5 s44, s47, c05, c09): "a
 * vacina v10 é quantas doses pra filhote?", "ela precisa ficar em
 * jejum?", "ele é um golden grande, o preço muda?", "não sinto dor
 * nenhuma". Data only, folded as text_fold does; the rules that read them
 * are the same in every language.
 */
#include "smsdesk/lang.h"

#include "lang_packs.h"

// clang-format off
#include "reader_rows.h"
/* what went wrong after a service done here: for a person; with a day
 * and time asked beside it ("descolou, preciso de manutenção sexta 10h")
 * the booking still goes */

const struct lang_word lang_pt_asks[] = {
    /* a question about a service: for a person */
    W("quantas doses", LW_ADVICE), W("qts doses", LW_ADVICE),
    W("quantas sessoes", LW_ADVICE), W("em jejum", LW_ADVICE),
    /* "a maquiagem dura quanto tempo no rosto?", "quanto tempo antes da
     * festa?", "demora pra secar?": how it lasts or dries, never the
     * visit's length (reviews pt AL s18, s46) */
    W("no rosto", LW_ADVICE), W("na pele", LW_ADVICE), W("antes da festa", LW_ADVICE),
    W("antes do evento", LW_ADVICE), W("pra secar", LW_ADVICE), W("para secar", LW_ADVICE),
    W("secagem", LW_ADVICE),
    W("jejum", LW_ADVICE), W("precisa ficar", LW_ADVICE),
    W("precisa de exame antes", LW_ADVICE), W("exame antes", LW_ADVICE),
    W("precisa fazer exame antes", LW_ADVICE), W("precisa fazer", LW_ADVICE),
    W("tem que fazer", LW_ADVICE), W("e normal", LW_ADVICE),
    W("eh normal", LW_ADVICE), W("e seguro", LW_ADVICE),
    W("pode comer", LW_ADVICE),
    /* "vcs tatuam menor de idade?": about the service, for a person,
     * never "que dia?" (review pt7 s30) */
    W("menor de idade", LW_ADVICE), W("de menor", LW_ADVICE),
    W("gravida", LW_ADVICE), W("prenha", LW_ADVICE),
    W("alergico", LW_ADVICE), W("alergica", LW_ADVICE),
    W("o preco muda", LW_ADVICE), W("preco muda", LW_ADVICE),
    W("muda o preco", LW_ADVICE), W("muda o valor", LW_ADVICE),
    W("o valor muda", LW_ADVICE), W("cobra a mais", LW_ADVICE),
    W("paga a mais", LW_ADVICE), W("e gratis", LW_ADVICE),
    W("incluso", LW_ADVICE), W("esta incluido", LW_ADVICE),
    /* "se chover cancela?": whether the weather cancels it, a question
     * for a person, never a cancel (review pt AI s44) */
    NT("se chover", OTHER), NT("se chover cancela", OTHER), NT("se chover cancelam", OTHER),
    NT("em caso de chuva", OTHER), NT("se estiver chovendo", OTHER),
    /* "can he/she/I do it?", "do I need ...?", "what does it include?":
     * whether it suits someone, for a person, never "which day?"
     * (reviews es AH s06, s40, s52, c08.1, de AH s21, s29, AG s19, tr AH
     * s19, fr AH s42, c20.2) */
    V("pode fazer", LW_ADVICE, 1), V("posso fazer", LW_ADVICE, 1),
    V("podem fazer", LW_ADVICE, 1), V("ele pode", LW_ADVICE, 1),
    V("ela pode", LW_ADVICE, 1), V("pode participar", LW_ADVICE, 1),
    V("posso participar", LW_ADVICE, 1), W("o que inclui", LW_ADVICE),
    W("o que esta incluido", LW_ADVICE),
    W("dias depois", LW_PAST),
    /* asking after an animal treated; complaints */
    /* a cancel said as a condition ("if I have to cancel ..."): a
     * question about cancelling, for a person, never a cancel (review pt
     * AG c20.2 cancelled the lesson just booked) */
    NT("se eu precisar desmarcar", OTHER), NT("se precisar desmarcar", OTHER),
    NT("se eu precisar cancelar", OTHER), NT("se precisar cancelar", OTHER),
    NT("se eu tiver que desmarcar", OTHER), NT("se tiver que desmarcar", OTHER),
    NT("se eu tiver que cancelar", OTHER), NT("se tiver que cancelar", OTHER),
    NT("caso eu precise desmarcar", OTHER), NT("caso precise desmarcar", OTHER),
    NT("caso eu precise cancelar", OTHER), NT("caso precise cancelar", OTHER),
    NT("se eu precisar remarcar", OTHER), NT("se precisar remarcar", OTHER),
    NT("como ele esta", OTHER), NT("como ela esta", OTHER),
    NT("como foi a cirurgia", OTHER), NT("resultado", OTHER),
    NC("reclamacao"), NC("nao gostei"),
    NC("insatisfeito"), NC("insatisfeita"),
    /* a service done here that went wrong: a complaint, for a person
     * with an apology, never "que dia prefere?" (review pt10 s17: "fiz o
     * gel aí semana passada e já descascou tudo, que decepção") */
    NC("descascou"), NC("descascando"), NC("lascou"), NC("lascando"),
    NC("descolou"), NC("descolando"), NC("soltou"), NC("soltando"),
    NC("levantou"), NC("quebrou"), NC("estragou"), NC("manchou"),
    NC("nao durou"), NC("durou pouco"), NC("saiu tudo"),
    NC("ficou feio"), NC("ficou feia"), NC("ficou horrivel"),
    NC("ficou torto"), NC("ficou torta"), NC("mal feito"),
    NC("malfeito"), NC("mal feita"), NC("inflamou"), NC("infeccionou"),
    NC("decepcao"), NC("decepcionada"), NC("decepcionado"),
    NC("pessimo"), NC("pessima"), NC("horrivel"), NC("um absurdo"),
    NC("que absurdo"), NC("uma vergonha"), NC("que vergonha"),
    NC("quero uma solucao"), NC("quero meu dinheiro de volta"),
    NC("dinheiro de volta"), NC("reembolso"), NC("refazer"),
    W("mes passado", LW_PAST), W("semana passada", LW_PAST),
    /* "Fiz um penteado ontem e desmanchou": a visit told (review pt AL
     * s43); "ontem" itself is a past word in the reader, as "hier" */
    W("fiz", LW_PAST), W("fizemos", LW_PAST), W("paguei", LW_PAST),
    /* "o instrutor sempre desmarca": our cancelling, complained of, never
     * theirs (review pt AA c09.1 was told it had nothing to cancel) */
    NC("sempre desmarca"), NC("sempre desmarcam"), NC("vive desmarcando"),
    NC("desmarcou de novo"), NC("desmarcaram de novo"), NC("meu dinheiro"),
    /* at the door and nobody there: for a person now, never "a mensagem
     * ficou confusa" (review pt10 s36) */
    NT("na porta", OTHER), NT("aqui na porta", OTHER),
    NT("aqui fora", OTHER), NT("aqui na frente", OTHER),
    NT("ninguem abre", OTHER), NT("ninguem atende", OTHER),
    NT("ninguem aqui", OTHER), NT("cheguei e ta fechado", OTHER),
    NT("cheguei e esta fechado", OTHER), NT("cheguei e nao tem ninguem", OTHER),
    /* who we serve ("vcs atendem homem?"): the catalog does not say;
     * for a person, never ignored for "que dia?" (review pt10 s55) */
    NT("atendem homem", OTHER), NT("atende homem", OTHER),
    NT("atendem homens", OTHER), NT("atende homens", OTHER),
    NT("fazem em homem", OTHER), NT("faz em homem", OTHER),
    NT("homem pode", OTHER), NT("homem tambem pode", OTHER),
    NT("pode ser homem", OTHER), NT("sou homem", OTHER),
    /* haggling: the price is the catalog's; a person, never a booking
     * prompt (review pt10 s59: "mto caro o gel de vcs hein, faz por
     * 60?") */
    NT("caro", OTHER), NT("muito caro", OTHER), NT("mto caro", OTHER),
    NT("caro demais", OTHER), NT("faz por", OTHER), NT("faria por", OTHER),
    NT("fazer por", OTHER), NT("deixa por", OTHER), NT("sai por", OTHER),
    NT("mais barato", OTHER), NT("mais em conta", OTHER),
    NT("precinho", OTHER), NT("chorinho", OTHER), NT("abaixar o preco", OTHER),
    NT("baixar o preco", OTHER), NT("abaixa o preco", OTHER),
    NT("baixa o preco", OTHER), NT("cobrir o preco", OTHER),
    /* not asked for: negated after, or what the customer has */
    W("nenhuma", LW_NEG_AFTER), W("nenhum", LW_NEG_AFTER),
    W("sofre de", LW_CONDITION), W("sofro de", LW_CONDITION),
    W("tenho", LW_CONDITION),
    /* a pessoa pergunta por uma marcação sua, a palavra "marcada" depois
     * ("tenho sessão amanhã né?", "to marcada pra sexta?", pt6 s49;
     * inquiry_mine.c) */
    W("estou", LW_AM_I), W("eu estou", LW_AM_I), W("to", LW_AM_I),
    W("eu to", LW_AM_I), W("tou", LW_AM_I), W("ja estou", LW_AM_I),
    W("esta", LW_AM_I), W("ele esta", LW_AM_I), W("estamos", LW_AM_I), W("ela esta", LW_AM_I), W("eu marquei", LW_AM_I),
    W("tenho", LW_HAVE_I), W("eu tenho", LW_HAVE_I), W("ainda tenho", LW_HAVE_I),
    W("ele tem", LW_HAVE_I), W("ela tem", LW_HAVE_I), W("temos", LW_HAVE_I),
    W("marcado", LW_BOOKED), W("marcada", LW_BOOKED), W("marcados", LW_BOOKED),
    W("marcadas", LW_BOOKED), W("agendado", LW_BOOKED),
    W("agendada", LW_BOOKED), W("confirmado", LW_BOOKED),
    W("confirmada", LW_BOOKED), W("reservado", LW_BOOKED),
    W("reservada", LW_BOOKED), W("na agenda", LW_BOOKED),
    /* um título antes de um nome ("a Dra Fernanda atende quinta?") */
    W("dr", LW_TITLE), W("dra", LW_TITLE), W("doutor", LW_TITLE),
    W("doutora", LW_TITLE), W("sr", LW_TITLE), W("sra", LW_TITLE),
    /* para uma pessoa: não marcou, ninguém respondeu, o que levar
     * (pt6 s48 "kd vcs? mandei msg ontem e ninguem respondeu", c09
     * "Ela tem que ir com algum exame?") */
    NT("nao marquei", OTHER), NT("nunca marquei", OTHER),
    NT("nao agendei", OTHER), NT("ninguem respondeu", OTHER),
    NT("ninguem me respondeu", OTHER), NT("ninguem responde", OTHER),
    NT("ninguem retornou", OTHER), NT("sem resposta", OTHER),
    NT("nao responderam", OTHER), NT("nao me responderam", OTHER),
    NT("nao retornaram", OTHER), NT("kd vcs", OTHER),
    W("tem que ir com", LW_ADVICE), W("tem que levar", LW_ADVICE),
    W("tenho que levar", LW_ADVICE), W("preciso levar", LW_ADVICE),
    W("precisa levar", LW_ADVICE), W("algum exame", LW_ADVICE),
    /* se mandamos lembrete, com quanta antecedência agendar: a política
     * do catálogo responde */
    NT("lembrete", REMINDER), NT("me lembram", REMINDER),
    NT("mandam lembrete", REMINDER), NT("avisam antes", REMINDER),
    NT("antecedencia", NOTICE), NT("com quanto tempo", NOTICE),
    /* "on peut annuler jusqu'à quand ?": until when, the terms, never a
     * cancel (review fr AI c21.3 cancelled the lesson just booked) */
    NT("ate quando", NOTICE), NT("no maximo quando", NOTICE),
    NT("politica de cancelamento", NOTICE),
    NT("quantos dias antes", NOTICE),
    /* "posso cancelar se eu não puder ir?": cancelar "se": as
     * marcações e como, nunca um cancelamento (review es AL c04.3) */
    W("cancelar se", LW_MINE), W("desmarcar se", LW_MINE), W("cancelar caso", LW_MINE),
    W("desmarcar caso", LW_MINE),
    /* may I stay or must I leave it, from what age, does it hurt, an
     * animal that bites, a flea bath, a replacement car: for a person,
     * never "Que dia prefere?" alone (reviews pt R s45, s48; S s44; U
     * s52) */
    W("posso ficar", LW_ADVICE), W("pode ficar", LW_ADVICE),
    W("da pra esperar", LW_ADVICE),
    W("tenho que deixar", LW_ADVICE), W("tem que deixar", LW_ADVICE),
    W("preciso deixar", LW_ADVICE), W("precisa deixar", LW_ADVICE),
    W("a partir de que idade", LW_ADVICE),
    W("a partir de quantos anos", LW_ADVICE),
    W("com quantos anos", LW_ADVICE), W("idade minima", LW_ADVICE),
    W("atendem adolescente", LW_ADVICE), W("atende adolescente", LW_ADVICE),
    W("e doloroso", LW_ADVICE),
    W("morde", LW_ADVICE), W("cachorro bravo", LW_ADVICE),
    W("agressivo", LW_ADVICE), W("agressiva", LW_ADVICE),
    W("antipulgas", LW_ADVICE),
    W("e misto", LW_ADVICE),
    /* a child along with no one to leave them with, in whose car, where the lesson or the test
     * is, how many lessons it takes, being afraid: for a person, never
     * "que dia prefere?" (review pt AA s20 s25 s42 s56 s58) */
    W("nao tenho com quem deixar", LW_ADVICE), W("nao tenho com quem deixa lo", LW_ADVICE),
    W("nao tenho com quem deixala", LW_ADVICE), W("no meu carro", LW_ADVICE),
    W("no de voces", LW_ADVICE), W("no de vcs", LW_ADVICE),
    W("na rua ou", LW_ADVICE), W("no patio", LW_ADVICE),
    W("tenho medo", LW_ADVICE), W("medo de", LW_ADVICE),
    W("sabe me dizer", LW_ADVICE), W("sabem me dizer", LW_ADVICE),
    W("quantas aulas", LW_ADVICE), W("machuca", LW_ADVICE),
    W("nadar", LW_ADVICE), W("carro reserva", LW_ADVICE),
    W("carro de reserva", LW_ADVICE), W("carro substituto", LW_ADVICE),
    W("atendem caminhonete", LW_ADVICE), W("atende caminhonete", LW_ADVICE),
    /* "A avaliação é gratuita?", "é pago?": o preço responde (review
     * pt W s21; os outros pacotes também) */
    W("gratuita", LW_PRICE), W("gratuito", LW_PRICE), W("gratis", LW_PRICE),
    W("de graca", LW_PRICE), W("e pago", LW_PRICE), W("e paga", LW_PRICE),
    W("tem custo", LW_PRICE), W("precisa pagar", LW_PRICE),
    /* "obrigada pelo lembrete, amanhã estou aí": thanks */
    W("obrigada pelo lembrete", LW_THANKS), W("obrigado pelo lembrete", LW_THANKS),
    W("obrigada pelo aviso", LW_THANKS), W("obrigado pelo aviso", LW_THANKS),
    /* nosso telefone (LANG_NT_PHONE): o catálogo responde */
    NT("numero de telefone", PHONE), NT("telefone de voces", PHONE), NT("telefone de vcs", PHONE),
    NT("posso ligar", PHONE), NT("da pra ligar", PHONE), NT("numero pra ligar", PHONE),
    NT("qual o telefone", PHONE), NT("qual o numero", PHONE),
    /* o endereço do cliente ("moro no ..."): para a equipe, nunca o
     * nosso (review pt AM s46) */
    NTOLD("meu endereco"), NTOLD("o endereco e"), NTOLD("moro no"),
    NTOLD("moro na"), NTOLD("moro em"), NTOLD("moro num"), NTOLD("moro numa"),
    {NULL, 0, 0}, /* fim */
};

/* A booking said to be another person's, never picked without a reference
 * (inquiry_whose.c): "o da minha filha", "o horário do meu marido", "o
 * horário dela". */
static const char *const whose_of[] = {
    "de", "do", "da", "dos", "das", "para", "pra", "pro", "pros", "pras",
    NULL};
static const char *const whose_between[] = {
    "meu", "minha", "meus", "minhas", "nosso", "nossa", "o", "a", "os",
    "as", NULL};
static const char *const whose_third[] = {
    "dele", "dela", "deles", "delas", NULL};
static const char *const whose_persons[] = {
    "ele", "ela", "eles", "elas", "esposo", "tia", "tio", "vovo", "sogra",
    "cunhada", "nora", "enteada", "filhos", "filhas", "amigo", NULL};

const struct lang_whose lang_pt_whose = {
    .of = whose_of, .between = whose_between, .third = whose_third,
    .persons = whose_persons,
};

// clang-format on
