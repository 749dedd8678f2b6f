#!/bin/sh
# smsdesk try --explain: how a text was read (intent and its rule, each
# word matched with its distance and part, the day and time, the questions
# beside it) and the rule that decided the reply — on the example barber and
# on the bike workshop of the desk's corpora.
. "$SMSDESK_SRC/tests/e2e/lib.sh"

barber="$SMSDESK_SRC/conf/smsdesk.cfg"
bike="$SMSDESK_SRC/tests/data/desk_bike.cfg"
x() { cfg=$1; shift; "$SMSDESK_BIN" try -c "$cfg" --now 2026-03-25T10:00 \
	--from +447700900001 --explain "$@"; }

t_begin "a typo, its distance, the day and time, the promise"
out=$(x "$barber" hiarcut tmrw 10am); rc=$?
t_eq "$rc" 0
t_contains "$out" "Booked: Haircut, Thu 26 Mar 10:00"
t_contains "$out" "--- how it was read"
t_contains "$out" "intent: book"
t_contains "$out" "word 'hiarcut' -> service haircut (distance 1), asked"
t_contains "$out" "when: day Thu 26 Mar 2026"
t_contains "$out" "time 10:00"
t_contains "$out" "decision: booked (none) haircut at 2026-03-26 10:00"
t_contains "$out" "rule: a free slot: booked"
t_end

t_begin "a topic we don't cover as the object of a service"
out=$(x "$bike" moped puncture)
t_contains "$out" "word 'moped' -> topic moped (distance 0), object"
t_contains "$out" "word 'puncture' -> service puncture (distance 0), for an object we don't cover"
t_contains "$out" "decision: refer (not_offered) moped"
t_contains "$out" "Two Stroke Scooters (for moped)"
t_end

t_begin "a trade word selects nothing; 'bike' is not 'e-bike'"
out=$(x "$bike" can you look at my bike)
t_contains "$out" "word 'look at' -> trade word, selects nothing"
t_contains "$out" "word 'my bike' -> trade word, selects nothing"
t_contains "$out" "decision: clarify (trade_only)"
t_lacks "$out" "e-bike"
t_end

t_begin "two requests in one text, both answered"
out=$(x "$barber" tattoo and a haircut sat 10)
t_contains "$out" "word 'tattoo' -> topic tattoo (distance 0), asked"
t_contains "$out" "word 'haircut' -> service haircut (distance 0), asked"
t_contains "$out" "decision: booked (none) haircut at 2026-03-28 10:00"
t_contains "$out" "also refer (not_offered) tattoo"
t_end

t_begin "a question only a person can answer"
out=$(x "$bike" is my bike ready)
t_contains "$out" "intent: not_text"
t_contains "$out" "asks what only a person can answer: the progress of a job"
t_contains "$out" "decision: cant_answer (not_by_text) status"
t_end

t_begin "a phone's auto-reply is read and left alone"
out=$(x "$barber" "I'm driving with Do Not Disturb While Driving turned on")
t_contains "$out" "intent: auto_reply"
t_contains "$out" "decision: silent (auto_reply)"
t_lacks "$out" "Sorry"
t_end

t_begin "a day the text contradicts is asked about"
out=$(x "$barber" haircut thursday the 27th at 10)
t_contains "$out" "decision: clarify (need_day_unsure) haircut"
t_lacks "$out" "Booked"
t_end

t_begin "ordinary words for STOP, and not"
out=$(x "$barber" pls stop)
t_contains "$out" "intent: stop (rule: opt-out words)"
out=$(x "$barber" "i'll stop by tomorrow at 10 for a haircut")
t_contains "$out" "intent: book"
t_end

t_begin "without --explain nothing of it is printed"
out=$("$SMSDESK_BIN" try -c "$barber" --now 2026-03-25T10:00 \
	--from +447700900001 hiarcut tmrw 10am)
t_lacks "$out" "how it was read"
t_end

garage="$SMSDESK_SRC/tests/data/desk_garage.cfg"
g() { "$SMSDESK_BIN" try -c "$garage" --db "$gdb" --now 2026-12-02T10:00 \
	--from +447700900002 "$@"; }

t_begin "two bookings in one text: each price and the total (manners 3)"
gdb=$(mktemp -u /tmp/smsdesk-garage-XXXXXX.db)
out=$(g mot and brake pads tomorrow 9)
t_contains "$out" "MOT test Thu 3 Dec 09:00 (GBP 54.85) ref"
t_contains "$out" "Brake pads 10:00 (from GBP 95) ref"
t_contains "$out" "Total from GBP 149.85."
out=$(g how much altogether)
t_contains "$out" "Your bookings: MOT test Thu 3 Dec 09:00 (GBP 54.85)"
t_contains "$out" "Total from GBP 149.85."
rm -f "$gdb"
t_end

t_begin "a follow-up for the visit just booked names it"
gdb=$(mktemp -u /tmp/smsdesk-garage-XXXXXX.db)
g mot thursday at 10 >/dev/null
out=$(g can you do brake pads at the same time)
t_contains "$out" "To go with your MOT test Thu 3 Dec 10:00 (ref"
t_contains "$out" "Brake pads on Thu 3 Dec. Free: 1) 11:00"
rm -f "$gdb"
t_end

t_done
