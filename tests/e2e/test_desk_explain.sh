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

r3garage="$SMSDESK_SRC/tests/data/desk_garage_r3.cfg"
g3() { "$SMSDESK_BIN" try -c "$r3garage" --now 2026-12-02T10:00 \
	--from +447700900001 "$@"; }

t_begin "trade work we don't do is named cleanly (review r3, class 7)"
t_contains "$(g3 can you fix my clutch)" "Sorry, we don't do clutches. We do: 1) MOT test"
t_contains "$(g3 timing belt change how much)" "Sorry, we don't do timing belts."
t_contains "$(g3 battery flat can u replace it)" "Sorry, we don't do batteries."
t_contains "$(g3 can u replace a wiper blade)" "Sorry, we don't do a wiper blade."
t_contains "$(g3 need recovery, broke down on the a34)" "Sorry, we don't do recovery."
t_contains "$(g3 my exhaust is blowing can you book me in)" "Sorry, we don't do exhausts."
t_contains "$(g3 do you use genuine parts)" "I can't answer questions about that by text"
t_lacks "$(g3 can you do it cheaper)" "on our list"
t_end

t_begin "the true reason for a no: the last start, the notice (r3, class 8)"
t_contains "$(g3 mot fri 5pm)" "the last MOT test on Fri 4 Dec starts at 16:00."
t_contains "$(g3 mot sat 12)" "the last MOT test on Sat 5 Dec starts at 11:30."
t_contains "$(g3 mot tomorrow evening)" "the last MOT test on Thu 3 Dec starts at 16:00."
t_contains "$(g3 oil change tmrw first thing)" "needs 24 hours notice, so Thu 3 Dec 08:00 is too soon"
t_end

t_begin "an hours question about a day not placed names the closed days"
t_contains "$(g3 u open bank hols?)" "We're closed on Fri 25 Dec, Sat 26 Dec, Mon 28 Dec, Fri 1 Jan."
t_lacks "$(g3 what time do you open)" "closed on"
t_end

t_begin "hours around a holiday or over a span name the closed days in it (review r7 s014)"
t_contains "$(g3 opening hours over christmas)" "We're closed on Fri 25 Dec, Sat 26 Dec, Mon 28 Dec, Fri 1 Jan. We're open"
t_contains "$(g3 are you open on boxing day)" "We're closed on Fri 25 Dec, Sat 26 Dec, Mon 28 Dec, Fri 1 Jan."
t_contains "$(g3 what are your hours between christmas and new year)" "We're closed on Fri 25 Dec, Sat 26 Dec, Mon 28 Dec, Fri 1 Jan."
t_lacks "$(g3 what are your hours next week)" "closed on"
t_contains "$(g3 are you open on the 31st)" "On Thu 31 Dec we're open"
t_lacks "$(g3 are you open on the 31st)" "closed on"
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


t_begin "my 2 kids: two people counted, the second never dropped silently (review r9 s078)"
pod="$SMSDESK_SRC/tests/data/desk_podiatry_r9.cfg"
pdb=$(mktemp -u /tmp/smsdesk-pod-XXXXXX.db)
out=$("$SMSDESK_BIN" try -c "$pod" --db "$pdb" --now 2026-12-02T10:00 \
	--from +447700900001 --explain \
	"my 2 kids both have verrucas can they be seen back to back sat 9?")
t_contains "$out" "service verruca (distance 0), asked, for 2 people"
t_contains "$out" "Booked: Verruca treatment, Sat 5 Dec 09:00"
t_contains "$out" "No room for the other person at that time. Free: 1) 09:30"
rm -f "$pdb"
t_end

t_done
