#!/bin/sh
# smsdesk try: a conversation replayed from the shell with --db, exactly the
# texts that would be sent, and the usage errors.
. "$SMSDESK_SRC/tests/e2e/lib.sh"

cfg="$SMSDESK_SRC/conf/smsdesk.cfg"
tmp=$(mktemp -d /tmp/smsdesk-test-try.XXXXXX)
db="$tmp/desk.db"
try() { "$SMSDESK_BIN" try -c "$cfg" --db "$db" --from +447700900001 "$@"; }

t_begin "a question, the answer, the promise"
out=$(try --now 2026-03-25T10:00 haircut); rc=$?
t_eq "$rc" 0
t_eq "$out" "Haircut: 30 min, GBP 18. Which day suits you? We're open Mon-Fri 09:00-18:00, Sat 09:00-13:00."
out=$(try --now 2026-03-25T10:01 tomorrow at 11)
t_contains "$out" "Booked: Haircut, Thu 26 Mar 11:00, GBP 18. Ref "
ref=$(echo "$out" | sed -n 's/.*Ref \([A-Z0-9]*\)\..*/\1/p')
t_contains "$out" "To cancel text CANCEL $ref."
t_eq "$(echo "$out" | wc -l)" 1
t_end

t_begin "the booking persists in the database"
out=$(try --now 2026-03-25T10:02 my bookings)
t_eq "$out" "Your bookings: Haircut Thu 26 Mar 11:00 (ref $ref). To cancel text CANCEL and the ref."
t_end

t_begin "another number cannot cancel it"
out=$("$SMSDESK_BIN" try -c "$cfg" --db "$db" --now 2026-03-25T10:03 --from +447700900002 cancel "$ref")
t_contains "$out" "we can't find booking $ref for this number"
t_end

t_begin "cancel by reference"
out=$(try --now 2026-03-25T10:04 cancel "$ref")
t_contains "$out" "Cancelled: Haircut, Thu 26 Mar 11:00 (ref $ref)."
t_end

t_begin "thanks gets no reply"
out=$(try --now 2026-03-25T10:05 thanks); rc=$?
t_eq "$rc" 0
t_eq "$out" ""
t_end

t_begin "STOP, then silence, then START"
out=$(try --now 2026-03-25T11:10 STOP)
t_contains "$out" "You've opted out"
out=$(try --now 2026-03-25T11:11 haircut tmrw 10)
t_eq "$out" ""
out=$(try --now 2026-03-25T11:12 START)
t_contains "$out" "You're back on"
out=$(try --now 2026-03-25T11:13 haircut tmrw 10)
t_contains "$out" "Booked: Haircut, Thu 26 Mar 10:00"
t_end

t_begin "full slot: numbered choices, then pick 2"
for n in 2 3; do
	"$SMSDESK_BIN" try -c "$cfg" --db "$db" --now 2026-03-25T12:00 --from +44770090000$n haircut fri 10am >/dev/null
done
out=$(try --now 2026-03-25T12:01 haircut fri 10am)
t_eq "$out" "Sorry, Fri 27 Mar 10:00 is taken. Free: 1) 09:00 2) 09:30 3) 10:30. Reply 1-3 to book."
out=$(try --now 2026-03-25T12:02 2)
t_contains "$out" "Booked: Haircut, Fri 27 Mar 09:30"
t_end

t_begin "try's replies are recorded, never to be sent"
out=$("$SMSDESK_BIN" report -c "$cfg" --db "$db"); rc=$?
t_eq "$rc" 0
t_contains "$out" "Not sent on purpose"
t_contains "$out" "smsdesk try: never sent"
t_lacks "$out" "queued 1"
t_end

t_begin "without --db nothing is kept"
before=$(ls -d /tmp/smsdesk-try-* 2>/dev/null | wc -l)
out=$("$SMSDESK_BIN" try -c "$cfg" --now 2026-03-25T10:00 --from +447700900001 how much is a beard trim)
t_eq "$out" "Beard trim is GBP 10 (15 min). Text a day and time to book, e.g. beard thu 10am."
after=$(ls -d /tmp/smsdesk-try-* 2>/dev/null | wc -l)
t_eq "$after" "$before"
t_end

t_begin "a menu that must be shorter names every service, or how many more"
# review de7: the eighth service was silently missing from every menu
hs="$SMSDESK_SRC/tests/data/lang/de/hundesalon.cfg"
out=$("$SMSDESK_BIN" try -c "$hs" --db "$tmp/hs.db" --now 2026-12-02T10:00 --from +4917012345678 Hallo)
t_contains "$out" "Komplettpflege mittlerer Hund, Komplettpflege großer Hund."
t_eq "$(echo "$out" | grep -c '\.\.\.')" 0
sh "$SMSDESK_SRC/tests/bench/gen_catalog.sh" "$tmp/many.cfg" 20 5 5 >/dev/null
out=$("$SMSDESK_BIN" try -c "$tmp/many.cfg" --db "$tmp/many.db" --now 2026-03-25T10:00 --from +447700900001 hi)
t_contains "$out" "Service 10, Service 11 and 8 more."
t_end

t_begin "a weekday we close every week is answered for every week"
# reviews es8 and fr8: "closed on Sun 6 Dec" left the next Sunday open
en() { "$SMSDESK_BIN" try -c "$cfg" --db "$tmp/e$1.db" --now "$2" --from +447700900009 "$3"; }
t_eq "$(en 1 2026-03-25T10:00 'are you open on sundays?')" "We're closed on Sundays. We're open Mon-Fri 09:00-18:00, Sat 09:00-13:00."
# a closed date on a day we open is said as the date
t_contains "$(en 2 2026-12-20T10:00 'open on the 25th?')" "We're closed on Fri 25 Dec."
lang() { "$SMSDESK_BIN" try -c "$SMSDESK_SRC/tests/data/lang/$1" --db "$tmp/w$2.db" --now 2026-12-02T10:00 --from +34600111222 "$3"; }
t_contains "$(lang es/catalog.cfg 1 'abris los domingos?')" "Cerramos los domingos."
t_contains "$(lang fr/beaute.cfg 2 'vs etes ouvert le lundi ?')" "Nous sommes fermés le lundi. Nous sommes ouverts "
t_contains "$(lang de/hundesalon.cfg 3 'habt ihr montags offen?')" "Montags haben wir geschlossen. Geöffnet: "
t_contains "$(lang pt/salao.cfg 4 'vcs abrem domingo?')" "Estamos fechados aos domingos."
t_end

t_begin "usage errors exit 2"
"$SMSDESK_BIN" try -c "$cfg" --now 2026-03-25T10:00 hello >/dev/null 2>&1; rc=$?
t_eq "$rc" 2
"$SMSDESK_BIN" try -c "$cfg" --from +447700900001 --now tomorrow hello >/dev/null 2>&1; rc=$?
t_eq "$rc" 2
"$SMSDESK_BIN" try -c "$cfg" --from +447700900001 >/dev/null 2>&1; rc=$?
t_eq "$rc" 2
"$SMSDESK_BIN" try -c "$tmp/missing.cfg" --from +447700900001 hi >/dev/null 2>&1; rc=$?
t_eq "$rc" 1
t_end

rm -rf "$tmp"
t_done
