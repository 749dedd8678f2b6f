/*
 * The Turkish pack's replies: every message the desk sends, as a template
 * with named placeholders (lang.h lists which each fills), and the pack
 * itself. Written as a good receptionist texts: siz, short, polite, and in
 * correct Turkish — ç ğ ı İ ş are kept, never written without their marks
 * (the Turkish national single shift table carries them in GSM 7-bit when
 * policy.national_shift is on; otherwise the reply goes as UCS-2). Days
 * are written so that no ending has to follow a placeholder ("{day} için",
 * "{ref} randevusu"). Customers cancel with İPTAL and a reference. A
 * business may reword any of them in its catalog (`replies`).
 */
#include "smsdesk/lang.h"

#include "lang_packs.h"

static const struct lang_tpl tpls[] = {
    /* the promise (manners 3): service, local day and time, price, ref,
     * how to cancel */
    {"ref_short", "ref {ref}"},
    {"booked", "Randevunuz alındı: {service}, {when}, {price}. Ref {ref}. "
	       "İptal için İPTAL {ref} yazın."},
    {"booked_many", "{count} randevu alındı: {bookings}. Toplam {total}. "
		    "İptal için İPTAL ve ref yazın."},
    {"booked_many_plain", "{count} randevu alındı: {bookings}. İptal için "
			  "İPTAL ve ref yazın."},
    {"moved_many", "{count} randevu değişti: {bookings}. Eskileri iptal "
		   "edildi. İptal için İPTAL ve ref yazın."},
    {"moved", "Randevunuz değişti: {service}, {when}, {price}. Yeni ref "
	      "{ref} ({old_ref} iptal). İptal için İPTAL {ref} yazın."},
    {"already_booked", "Randevunuz zaten var: {service}, {when}. Ref "
		       "{ref}."},
    {"with_booking", "{service} randevunuzla birlikte ({when}, ref {ref}):"},
    {"bookings_total", "Randevularınız: {bookings}. Toplam {total}."},
    {"offer", "Boş: {slots}. Randevu için {pick} yazın."},
    {"offer_day", "{day} için {service}? Boş: {slots}. Randevu için {pick} "
		  "yazın."},
    {"offer_window", "{day}, {service}. Boş: {slots}. Randevu için {pick} "
		     "yazın."},
    {"offer_earliest", "{service} için en erken: {slots}. Randevu için "
		       "{pick} yazın."},
    {"offer_range", "{service}, boş: {slots}. Randevu için {pick} yazın."},
    {"offer_one", "{service} {when} boş. Randevu için 1 yazın."},
    {"ask_day_at", "{service} için saat {time} hangi gün olsun? Açık "
		   "olduğumuz saatler: {hours}."},
    {"ask_service", "Hangi hizmeti istersiniz? Hizmetlerimiz: {services}. "
		    "Lütfen numarayla yanıtlayın."},
    {"ask_service_brief", "O zaman hangi hizmeti istersiniz?"},
    {"ask_trade", "Memnuniyetle. Neye ihtiyacınız var? Hizmetlerimiz: "
		  "{services}. Lütfen numarayla yanıtlayın."},
    {"ask_day_priced", "{service}: {length}, {price}. Hangi gün uygun? "
		       "Saatlerimiz: {hours}."},
    {"ask_day", "{service} için hangi gün uygun? Açık olduğumuz saatler: "
		"{hours}."},
    {"ask_day_unsure", "Günü anlayamadım. {service} için hangi gün? "
		       "Açık: {hours}."},
    {"ask_day_bad", "Bu tarihi bulamadım. {service} için hangi gün? "
		    "Açık: {hours}."},
    {"ask_day_ambiguous", "Tarih belirsiz. {service} için hangi gün? "
			  "Açık: {hours}."},
    {"ask_day_passed", "Bu tarih geçti. {service} için hangi gün? "
		       "Açık: {hours}."},
    {"ask_time", "{day} saat kaçta? O gün {day_hours} arası açığız."},
    {"ask_time_either", "{day} saat kaçta: {a} veya {b}? O gün {day_hours} "
			"arası açığız."},
    /* the honest no (manners 4) */
    {"not_offered", "Üzgünüz, {thing} hizmetimiz yok. Şuraya "
		    "sorabilirsiniz: {providers}."},
    {"not_offered_ours", "Üzgünüz, {thing} hizmetimiz yok. Hizmetlerimiz: "
			 "{services}."},
    {"not_offered_brief", "Üzgünüz, sorduğunuz diğer hizmeti vermiyoruz."},
    {"not_offered_unknown", "Üzgünüz, {thing} listemizde yok. "
			    "Hizmetlerimiz: {services}. Randevu için "
			    "numarayla yanıtlayın."},
    {"no_closed", "Üzgünüz, {day} kapalıyız."},
    {"no_full", "Üzgünüz, {day} için {service} dolu."},
    {"no_notice", "Üzgünüz, {service} için {notice} önceden haber "
		  "gerekiyor; {day} için yer kalmadı."},
    {"no_horizon", "Üzgünüz, en fazla {n} gün sonrasına randevu "
		   "veriyoruz."},
    {"no_nobody", "Maalesef bunu yapabilecek başka birini de bilmiyoruz."},
    {"taken", "Üzgünüz, {day} {time} dolu."},
    {"too_soon", "Üzgünüz, {service} için {notice} önceden haber "
		 "gerekiyor; {day} {time} çok yakın."},
    {"time_passed", "Üzgünüz, bugün {time} geçti."},
    /* "60 dakikada bir başlıyor; ... 14:00 civarı" read as clumsy
     * (review tr10): the time asked is not free, then the times that are */
    {"off_grid", "Üzgünüz, {service} için {day} {time} olmuyor."},
    {"outside_hours", "Üzgünüz, {day} {day_hours} arası açığız."},
    {"last_start", "Üzgünüz, {day} {service} için son randevu saati "
		   "{time}."},
    {"window_full", "Üzgünüz, {day} o saatlerde {service} için yer yok."},
    {"elsewhere", "Ya da şuraya sorabilirsiniz: {providers}."},
    {"our_next", "En yakın boş saatlerimiz: {slots}. Randevu için {pick} "
		 "yazın."},
    {"try", "Şuraya sorabilirsiniz: {providers}."},
    /* "do you do X?": a yes, what it costs and takes, the day */
    {"price_offered", "Evet, {service} var: {price} ({length}). Hangi "
		      "gün uygun?"},
    {"price_one", "{service} {price} ({length}). Randevu için gün ve "
		  "saat yazın, örn. {example}."},
    /* several services asked about at once: each, then one hint */
    {"price_each", "{service} {price} ({length})."},
    {"book_example", "Randevu için gün ve saat yazın, örn. {example}."},
    {"price_all", "Fiyatlar: {prices}."},
    {"duration_all", "Süreler: {lengths}."},
    {"duration_same", "Tüm randevularımız {length} sürüyor."},
    {"price_booked", "{service}: {price}."},
    {"duration", "{service} yaklaşık {length} sürüyor."},
    {"hours_week", "Açık olduğumuz saatler: {hours}."},
    {"hours_day", "{day} {day_hours} arası açığız."},
    {"closed_weekly", "{day} kapalıyız."},
    {"closed_day", "{day} kapalıyız."},
    {"closed_days", "Kapalı olduğumuz günler: {days}."},
    {"book_hint", "Randevu için hizmet, gün ve saat yazın."},
    {"cancelled", "İptal edildi: {service}, {when} (ref {ref}). Başka "
		  "zaman görüşmek üzere."},
    {"cancel_unknown", "Üzgünüz, bu numarada {ref} randevusu bulunamadı. "
		       "Randevularınız için RANDEVULARIM yazın."},
    {"cancel_already", "{ref} randevusu zaten iptal edilmiş."},
    {"cancel_moved", "{old_ref} randevusu değişti: artık {ref}, {service} "
		     "{when}. İptal için İPTAL {ref} yazın."},
    {"cancel_none_named", "Bu numarada iptal edilecek yaklaşan bir randevu "
			  "görünmüyor. Başka bir numarayla aldıysanız o "
			  "numaradan yazın."},
    {"cancel_none", "Bu numarada iptal edilecek yaklaşan bir randevu "
		    "görünmüyor. Mesaj almak istemiyorsanız DUR yazın."},
    {"move_none_named", "Bu numarada değiştirilecek yaklaşan bir randevu "
			"görünmüyor."},
    {"move_none", "Bu numarada değiştirilecek yaklaşan bir randevu görünmüyor. "
		  "Randevu için hizmet, gün ve saat yazın."},
    {"move_unknown", "Üzgünüz, bu numarada yaklaşan {ref} randevusu "
		     "bulunamadı."},
    {"move_gone", "Üzgünüz, bu hizmeti artık vermiyoruz. İptal için İPTAL "
		  "{ref} yazın."},
    {"which_booking", "Hangi randevuyu {action}? {bookings} Lütfen "
		      "numarasını yazın."},
    {"bookings", "Randevularınız: {bookings}. İptal için İPTAL ve ref "
		 "yazın."},
    {"bookings_more", "Ve {n} randevu daha."},
    {"for_persons", "{n} kişi için {service}"},
    {"list_more", " ve {n} hizmet daha"},
    {"bookings_none", "Bu numarada yaklaşan bir randevu görünmüyor."},
    {"help", "{business}: {services}. Örn. {example} yazın. İptal için "
	     "İPTAL, mesajları durdurmak için STOP."},
    {"greeting", "Merhaba, burası {business}. Hizmetlerimiz: {services}. "
		 "Randevu için örn. {example} yazın."},
    {"not_understood", "Kusura bakmayın, anlayamadım. Randevu için örn. "
		       "{example}; FİYAT ya da YARDIM yazabilirsiniz."},
    {"cant_answer", "Kusura bakmayın, {topic} ile ilgili sorulara SMS ile "
		    "cevap veremiyorum."},
    {"cant_answer_sorry", "Yaşadığınız sorun için çok üzgünüz. Bunu SMS ile "
			  "çözemiyorum; lütfen bizi arayın ya da uğrayın."},
    {"cant_answer_call",
     "Kusura bakmayın, {topic} için en iyisi bizi {phone} numarasından "
     "aramanız; memnuniyetle yardımcı oluruz."},
    {"cant_answer_sorry_call", "Yaşadığınız sorun için çok üzgünüz. Bunu SMS "
			       "ile çözemiyorum; lütfen {phone} numarasını "
			       "arayın, ilgilenelim."},
    {"none_held_call", "Randevuyu başka bir numaradan aldıysanız lütfen "
		       "{phone} numarasını arayın."},
    {"address", "Adresimiz: {address}."},
    {"reminder_yes",
     "Evet: her randevudan {ahead} önce SMS ile hatırlatma gönderiyoruz."},
    {"reminder_no", "SMS ile hatırlatma göndermiyoruz: saat, randevu onay "
		    "mesajınızda yazıyor."},
    /* running late (LANG_NT_LATE): no handoff configured */
    {"late_noted", "Haber verdiğiniz için teşekkürler. Görüşmek üzere!"},
    {"crisis", "Bunları yaşadığınız için çok üzgünüm. Tehlikedeyseniz "
	       "lütfen hemen {emergency} numarasını arayın."},
    {"crisis_line", "Çok üzgünüm. Tehlikedeyseniz lütfen hemen "
		    "{emergency} numarasını arayın. 7/24 destek hattı: "
		    "{line}."},
    {"notice_one", "{service} için en az {notice} önceden randevu alın."},
    {"notice_mode", "En az {notice} önceden randevu alın; istisnalar: "
		    "{list}."},
    {"notice_list", "En az şu kadar önceden randevu alın: {list}."},
    {"notice_none", "Önceden haber gerekmez: boş olan her saate, bugün için "
		    "bile randevu alabilirsiniz."},
    {"cant_answer_can", "Randevu alabilir, değiştirebilir, iptal edebilir; "
			"fiyat ve saatleri söyleyebilirim: örn. {example}."},
    {"opted_out", "Listeden çıkarıldınız, artık mesaj göndermeyeceğiz. "
		  "Tekrar için BAŞLA yazın."},
    {"opted_in", "Tekrar listedesiniz, mesajlarınıza yine cevap vereceğiz. "
		 "Durdurmak için STOP yazın."},
    {"already_in", "Mesajlarımızı zaten alıyorsunuz. Seçenekler için YARDIM "
		   "yazın."},
    {"ack_no_kept",
     "Sorun değil, bir şey değişmedi: randevunuz duruyor. Dilediğiniz "
     "zaman yazın."},
    {"praise_thanks", "Çok teşekkür ederiz, buna çok sevindik!"},
    /* a party booked one by one: the next person's times follow */
    {"rest_party_full", "Diğer kişi için o saatte yer yok."},
    {"phone_is", "Bizi {phone} numarasından arayabilirsiniz."},
    {"ack_no", "Sorun değil, randevu oluşturulmadı. Dilediğiniz zaman "
	       "yazabilirsiniz."},
    /* never "1 ile 1 arasında" (review tr10 C06.3) */
    {"pick_number", "Lütfen listedeki numaralardan birini yazın."},
    {"which_one", "Hangisi? Lütfen numarasını yazın (1-{n})."},
    {"option_or_hour", "{n}. seçenek saat {time}, saat {a} ise {b}. seçenek: "
		       "lütfen {n} veya {b} yazın."},
    {"unbooked_offer", "Bilginize: {service} için henüz randevu "
		       "oluşturulmadı. Randevu için {choices} yazın."},
    {"unbooked_ask", "Bilginize: {service} için henüz randevu "
		     "oluşturulmadı. Randevu için gün ve saat yazın."},
    {"unmoved", "Bilginize: henüz bir şey değişmedi, {service} "
		"randevunuz aynen duruyor."},
    {"list_expired", "Kusura bakmayın, bu listenin süresi doldu. Randevu "
		     "için örn. {example} ya da YARDIM yazın."},
    {"signature", "{business}"},
    {"reminder", "Hatırlatma: {service}, {day} {time}, {business}. Ref "
		 "{ref}. Gelemeyecekseniz İPTAL {ref} yazın."},
    /* texts the staff's commands send (smsdesk book, move, cancel) */
    {"staff_booked", "{business}: {service} randevunuz: {when}, {price}. "
		     "Ref {ref}. İptal: İPTAL {ref}"},
    {"staff_moved", "{business}: {service} randevunuz artık {when} "
		    "(önce {old_when}). Ref {ref}. İptal: İPTAL {ref}"},
    {"staff_cancelled", "{business}: {service} randevunuz ({when}, ref "
			"{ref}) iptal edildi."},
    /* a text handed to a person (handoff.c): what the customer hears,
     * the forward to the staff phones, and the answers to a staff phone
     * (its commands are read in English and Spanish: today, tomorrow,
     * waiting, block, unblock, help) */
    {"handoff", "Mesajınızı ekibe ilettim; size kısa süre içinde dönüş "
		"yapılacak."},
    {"handoff_later", "Mesajınızı ekibe ilettim; açıldığımızda ({when}) "
		      "size dönüş yapılacak."},
    {"handoff_sorry", "Yaşadığınız sorun için çok üzgünüz. Mesajınızı ekibe "
		      "ilettim; size kısa süre içinde dönüş yapılacak."},
    {"handoff_sorry_later", "Yaşadığınız sorun için çok üzgünüz. Mesajınızı "
			    "ekibe ilettim; açıldığımızda ({when}) size dönüş "
			    "yapılacak."},
    /* running late, told to the team: thanks, never sorry */
    {"handoff_late",
     "Haber verdiğiniz için teşekkürler, ekibe ilettim. Görüşmek üzere!"},
    /* a further question while a person has the first: told so */
    {"handoff_more", "Not aldım: bunu da ekibe ilettiğim mesajınıza ekledim."},
    {"staff_forward", "{code} {number} saat {time}: \"{text}\" Yanıt: "
		      "{code} + yanıtınız."},
    {"staff_forward_urgent", "ACİL, olası kriz: {code} {number} saat "
			     "{time}: \"{text}\" Yanıt: {code} + "
			     "yanıtınız."},
    {"staff_sent", "{number} numarasına gönderildi ({code})."},
    {"staff_no_such", "Gönderilmedi: yanıt bekleyen {code} mesajı yok."},
    {"staff_opted_out", "Gönderilmedi: {number} ({code}) mesaj almak "
			"istemiyor (STOP)."},
    {"staff_too_long", "Gönderilmedi: {n} SMS tutuyor, en çok {max}. "
		       "Kısaltıp yeniden gönderin."},
    {"staff_empty", "Gönderilmedi: yanıtınızı {code} sonrasına yazın."},
    {"staff_unknown", "Anlaşılmadı. Müşteriye yanıt için kodu ve "
		      "yanıtınızı yazın, örn. #K7 Saat 3te bekliyoruz."},
    {"staff_help", "PIN sonrası: today, tomorrow, waiting, block "
		   "14:00-15:00 öğle, unblock N, help. Müşteriye yanıt: "
		   "#KOD yanıtınız."},
    {"staff_day", "{day}: {bookings}."},
    {"staff_day_none", "{day}: randevu yok."},
    {"staff_waiting", "Bekleyen: {list}."},
    {"staff_waiting_none", "Yanıt bekleyen mesaj yok."},
    {"staff_blocked", "{day} {from}-{to} tüm hizmetlere kapatıldı (blok "
		      "{id}). Geri almak için PIN ve unblock {id} yazın."},
    {"staff_unblocked", "{day} {from}-{to} yeniden açıldı (blok {id})."},
    {"staff_block_usage", "Şöyle yazın: block 14:00-15:00, block tomorrow "
			  "14:00-15:00 ya da block 2026-03-04 14:00-15:00; "
			  "isterseniz bir neden ekleyin."},
    {"staff_unblock_none", "{id} numaralı blok yok."},
    {"staff_summary", "{business}, {day}: {count} randevu, {first}-{last}. "
		      "Bekleyen: {waiting}. {since} beri reddedilen: "
		      "{turned_away}."},
    {"staff_summary_none",
     "{business}, {day}: randevu yok. Bekleyen: "
     "{waiting}. {since} beri reddedilen: {turned_away}."},
    {"staff_summary_week", "{business}, {day} haftası: {count} randevu. "
			   "Bekleyen: {waiting}. {since} beri reddedilen: "
			   "{turned_away}."},
    {"dated_booked", "Ayrıca randevunuz alındı: {service}, {when}, "
		     "{price}. Ref {ref}."},
    {"dated_free", "{day} {service} için boş saatler: {slots}. Hangi saati "
		   "istediğinizi yazın."},
    {"dated_full", "{day} {service} dolu: başka bir gün yazın."},
    {"dated_closed", "{day} kapalıyız, o gün {service} olmaz: başka bir gün "
		     "yazın."},
    {"dated_later", "O zaman {day} {service} için de bir saat yazın."},
    {"dated_far", "{day} randevu verdiğimiz süreden ileride: o gün için "
		  "{service} henüz olmaz."},
    {"rest_with", "Yanında da {services}."},
    {"rest_asked", "Hemen ardından da {services}."},
    {"rest_failed_at", "{services} yazdığınız saatte olmadı (dolu ya da "
		       "başlangıç saati değil); başka bir saat yazın."},
    {"rest_later", "Not: {service} saat {time} başlıyor; hemen arkasından "
		   "({end}) boş başlangıç saati yok."},
    {"rest_failed", "{services} hemen arkasına sığmadı; onun için bir saat "
		    "yazın."},
    {"action_cancel", "iptal edelim"},
    {"action_move", "değiştirelim"},
    {"minutes", "{n} dk"},
    {"days_n", "{n} gün"},
    {"hours_n", "{n} saat"},
    {"length_1h", "1 saat"},
    {"length_h", "{n} saat"},
    {"length_hm", "{h} saat {m} dk"},
    {"and_two", "{a} ve {b}"},
    {"date", "{mday} {month} {wday}"},
    {"example", "{word} {wday} saat {hour}"},
};

/* Turkish SMS is often written without ı, ş, ğ and ç (not GSM-7): a reply
 * that as Unicode would be cut (a greeting naming one service of six, a
 * menu of three) goes out whole in GSM instead; ö, ü and Ç are GSM and
 * stay. fold_to_fit uses this only when it saves a part, and only after
 * the reply's lists are cut to a few items (fold_last). */
static const char *const fit_folds[] = {
    "ı", "i", "İ", "I", "ş", "s", "Ş", "S", "ğ", "g", "Ğ", "G", "ç", "c", NULL,
};

/* A verb said where the catalog lists its noun: "arabayı yıkatmak
 * istiyorum", "dışını yıkatcam", "yıkayabilir misiniz" meet "yıkama",
 * "parlatmak" "parlatma" (review tr10 S07 S60 C10 got the whole menu).
 * Never "kestirmek" for "kesim": what is cut is said beside it ("kedimin
 * tırnaklarını kestirmek" is the claws). Causative and future forms
 * first. Folded. */
static const char *const verb_ends[] = {
    "tacagim", "tecegim", "tacaktim", "tecektim", "tabilir",
    "tebilir", "tiyorum", "tiyoruz",  "ticam",	  "ticem",
    "tcam",    "tcem",	  "tmaya",    "tmeye",	  "tmak",
    "tmek",    "yacagim", "yecegim",  "yabilir",  "yebilir",
    "maya",    "meye",	  "mak",      "mek",	  NULL,
};
static const char *const noun_ends[] = {
    "ma",
    "me",
    "im",
    NULL,
};

/* A service hired for the visit goes beside it, never after it. */
static const char *const hire_words[] = {"kiralama", "kiralik", NULL};

const struct lang_pack lang_pack_tr = {
    .whose = &lang_tr_whose,
    .verb_ends = verb_ends,
    .noun_ends = noun_ends,
    .code = "tr",
    .jobs = &lang_tr_jobs,
    .name = "Türkçe",
    .words = lang_tr_words,
    .asks = lang_tr_asks,
    .tpls = tpls,
    .n_tpls = sizeof(tpls) / sizeof(tpls[0]),
    .wday_abbr = {"Pzt", "Sal", "Çar", "Per", "Cum", "Cmt", "Paz"},
    .wday_every = {"Pazartesi günleri", "Salı günleri", "Çarşamba günleri",
		   "Perşembe günleri", "Cuma günleri", "Cumartesi günleri",
		   "Pazar günleri"},
    /* "per saat 9" reads as nonsense in a sentence (review tr10) */
    .wday_example = {"pazartesi", "salı", "çarşamba", "perşembe", "cuma",
		     "cumartesi", "pazar"},
    .month_abbr = {"Oca", "Şub", "Mar", "Nis", "May", "Haz", "Tem", "Ağu",
		   "Eyl", "Eki", "Kas", "Ara"},
    /* Each is read in "{topic} ile ilgili sorulara ...". */
    .not_text_names = {"bu konu", "ödeme", "adres ve yol tarifi", "park yeri",
		       "işinizin durumu", "randevusuz gelme", "satış",
		       "hatırlatma", "randevu süresi", "gecikme",
		       "telefon numaramız"},
    .when = &when_vocab_tr,
    .fit_folds = fit_folds,
    .fold_last = 1,
    .stems = &lang_tr_stems,
    .hire_words = hire_words,
};
