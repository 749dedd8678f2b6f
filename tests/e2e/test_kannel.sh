#!/bin/sh
# smsdesk behind the real Kannel from Debian: bearerbox and smsbox started
# here on loopback ports, with conf/kannel.conf as the staff would install
# it (ports, paths and secrets replaced; the SMS centre swapped for Kannel's
# test SMSC, fakesmsc from kannel-extras, whose log shows every text the
# "network" was given). A customer's text goes in at the SMSC side and the
# reply comes out there; Kannel's retries carry texts across a restart of
# smsdesk; STOP withdraws a reply still waiting; long replies go in parts.
#
# Every wait is for a condition (a line in a log, a row in the database),
# bounded; every process started here is stopped by pid on exit.
. "$SMSDESK_SRC/tests/e2e/lib.sh"
. "$SMSDESK_SRC/tests/e2e/kannel_lib.sh"

for tool in bearerbox smsbox "$KANNEL_TEST/fakesmsc" python3 socat curl \
	sqlite3; do
	if ! command -v "$tool" >/dev/null 2>&1 && [ ! -x "$tool" ]; then
		t_begin "Kannel end to end"
		t_skip "$tool is missing (scripts/deps.sh test installs it)"
		t_end
		t_done
	fi
done

tmp=$(mktemp -d /tmp/smsdesk-test-kannel.XXXXXX)
pids=""
cleanup() {
	for p in $pids; do kill "$p" 2>/dev/null; done
	for p in $pids; do wait "$p" 2>/dev/null; done
	exec 3>&- 2>/dev/null
	if [ "${KEEP_TMP:-}" = "" ]; then rm -rf "$tmp"; else echo "kept $tmp"; fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM

kannel_ports
SECRET=$KANNEL_SECRET
DB=$tmp/desk.db

# What the SMS centre was given: TO<TAB>FROM<TAB>PART<TAB>TEXT per line.
fakelog=$tmp/fakesmsc.log # the running fakesmsc's; sent() reads them all
sent() { python3 "$SMSDESK_SRC/tests/e2e/fakesmsc_log.py" "$@" "$tmp"/fakesmsc*.log; }
sent_to() { sent --join | awk -F '\t' -v to="$1" '$1 == to { print $4 }'; }
count_to() { sent_to "$1" | wc -l | tr -d ' '; }
# Waiting is cheap (grep, no Python): at least N messages or parts to TO.
has_replies() {
	[ "$(cat "$tmp"/fakesmsc*.log | grep -c "Got message [0-9]*: <[^ ]* $1 ")" -ge "$2" ]
}
# A customer texts the business at the SMS centre. fakesmsc reads its
# input with stdio but waits for it with select(): a second line written
# before it took the first would sit in its buffer unseen, so each line
# waits until fakesmsc has passed the one before to bearerbox.
n_in=0
fakesmsc_sent() { [ "$(grep -c 'fakesmsc: sent message' "$fakelog")" -ge "$1" ]; }
text_in() {
	printf '%s +441632960000 text %s\n' "$1" "$2" >&3
	n_in=$((n_in + 1))
	wait_for 10 fakesmsc_sent "$n_in" || t_fail "fakesmsc did not take '$2'"
}
sql() { sqlite3 -cmd '.timeout 5000' "$DB" "$1"; }
in_rows() { [ "$(sql "select count(*) from inbox")" -ge "$1" ]; }
# What the desk says to this conversation, by `smsdesk try` on a database of
# its own (booking references are random: shown as Ref R).
ref() { # ref NUMBER TEXT
	"$SMSDESK_BIN" try -c "$tmp/smsdesk.cfg" --db "$tmp/ref.db" \
		--now 2026-03-25T10:00 --from "$1" "$2" | norm
}
norm() { sed 's/Ref [A-Z0-9]*\([. ]\)/Ref R\1/g; s/CANCEL [A-Z0-9]*/CANCEL R/g'; }

desk_pid=""
start_desk() { # start_desk [--now TIME]
	"$SMSDESK_BIN" serve -v -c "$tmp/smsdesk.cfg" "$@" \
		--retry-seconds 1 >>"$tmp/desk.log" 2>&1 &
	desk_pid=$!
	pids="$pids $desk_pid"
	wait_for 20 kannel_desk_up
}
stop_desk() { # stop_desk SIGNAL
	kill -"$1" "$desk_pid"
	wait "$desk_pid"
	desk_rc=$?
}

gate_pid=""
open_gate() {
	socat "TCP-LISTEN:$P_GATE,bind=127.0.0.1,reuseaddr,fork" \
		"TCP:127.0.0.1:$P_SEND" 2>>"$tmp/gate.log" &
	gate_pid=$!
	pids="$pids $gate_pid"
	wait_for 10 curl -s -o /dev/null "http://127.0.0.1:$P_GATE/"
}
# Closed means closed: the connections the client keeps alive to smsbox go
# through socat's children, which are stopped too (by their parent's pid).
close_gate() {
	pkill -P "$gate_pid" 2>/dev/null
	kill "$gate_pid"
	wait "$gate_pid" 2>/dev/null
	return 0
}

# ---- Kannel, configured from conf/kannel.conf ----------------------------------

kannel_conf "$tmp/kannel.conf"

t_begin "Kannel starts from conf/kannel.conf"
for key in "http-request-retry = 8640" "max-messages = 0" "catch-all = true" \
	"omit-empty = true" "concatenation = false" "store-type = file" \
	"id=%I" "time=%T" "text=%b"; do
	t_contains "$(cat "$tmp/kannel.conf")" "$key"
done
kannel_start >"$tmp/start.err" || t_fail "$(cat "$tmp/start.err")"
# fakesmsc in interactive mode: one text per line on its stdin, from fd 3
# (-i 0: it looks at bearerbox's side between lines, at least every second)
mkfifo "$tmp/fakesmsc.in"
start_fakesmsc() {
	"$KANNEL_TEST/fakesmsc" -H 127.0.0.1 -r "$P_FAKE" -i 0 -m -1 \
		<"$tmp/fakesmsc.in" >"$fakelog" 2>&1 &
	pids="$pids $!"
	n_in=0
}
start_fakesmsc
exec 3>"$tmp/fakesmsc.in"
wait_for 20 kannel_smsc_online || t_fail "fakesmsc did not connect: $(kannel_status)"
t_end

kannel_catalog "$tmp/smsdesk.cfg" "$DB" "$P_GATE"

t_begin "smsdesk serves on Kannel alone"
open_gate || t_fail "the sendsms gate did not open"
start_desk --now 2026-03-25T10:00 ||
	t_fail "smsdesk did not start: $(tail -n 5 "$tmp/desk.log")"
t_contains "$(cat "$tmp/desk.log")" "kannel:+441632960000"
t_end

# ---- a conversation through the SMS centre -------------------------------------

t_begin "a text in at the SMS centre, the reply out there"
text_in +447700900101 "haircut please"
wait_for 30 has_replies +447700900101 1 || t_fail "no reply: $(tail -n 5 "$tmp/desk.log")"
t_eq "$(sent_to +447700900101)" "$(ref +447700900101 "haircut please")"
t_contains "$(sent_to +447700900101)" "Haircut: 30 min, GBP 18. Which day suits you?"
t_eq "$(sent | awk -F '\t' '$1 == "+447700900101" { print $2 }')" "+441632960000"
t_end

t_begin "the conversation goes on"
text_in +447700900101 "tomorrow at 11"
wait_for 30 has_replies +447700900101 2 || t_fail "no second reply"
t_eq "$(sent_to +447700900101 | tail -n 1 | norm)" "$(ref +447700900101 "tomorrow at 11")"
t_eq "$(sql "select count(*) from bookings where customer = '+447700900101'")" 1
t_end

t_begin "delivery reports come back and are recorded"
delivered() { [ "$(sql "select count(*) from out_part where state = 3")" -ge 2 ]; }
wait_for 30 delivered || t_fail "not delivered: $(sql "select id, state, last_error from out_part")"
t_contains "$("$SMSDESK_BIN" report -c "$tmp/smsdesk.cfg" 2>&1)" "delivered"
t_end

t_begin "a call Kannel repeats is stored and answered once"
url="http://127.0.0.1:$P_DESK/kannel/mo?secret=$SECRET&from=%2B447700900102&to=%2B441632960000&text=beard+trim&coding=0&charset=UTF-8&time=1774432800&id=0b7e2a1c-e2e0-4c6e-9d1e-000000000102"
t_eq "$(curl -s -w ' %{http_code}' "$url")" "stored
 200"
t_eq "$(curl -s -w ' %{http_code}' "$url")" "already stored
 200"
wait_for 30 has_replies +447700900102 1 || t_fail "no reply"
t_eq "$(sql "select count(*) from inbox where sender = '+447700900102'")" 1
t_end

t_begin "calls without the secret are refused"
t_eq "$(curl -s -o /dev/null -w '%{http_code}' \
	"http://127.0.0.1:$P_DESK/kannel/mo?from=%2B447700900103&text=hi&time=1")" 403
t_eq "$(curl -s -o /dev/null -w '%{http_code}' \
	"http://127.0.0.1:$P_DESK/kannel/mo?secret=wrong-secret-0123456789&from=%2B447700900103&text=hi&time=1")" 403
t_eq "$(curl -s -o /dev/null -w '%{http_code}' \
	"http://127.0.0.1:$P_DESK/elsewhere?secret=$SECRET")" 404
t_eq "$(sql "select count(*) from inbox where sender = '+447700900103'")" 0
t_end

# ---- a restart of smsdesk mid-stream ------------------------------------------------

t_begin "restart mid-stream: nothing lost, nothing twice"
n=0
for i in 11 12 13 14 15; do text_in "+4477009001$i" "haircut friday 10am"; done
wait_for 30 in_rows 8 || t_fail "the first texts did not arrive"
stop_desk TERM
t_eq "$desk_rc" 0
# smsdesk is down: smsbox keeps calling (http-request-retry)
for i in 16 17 18 19 20; do text_in "+4477009001$i" "haircut friday 10am"; done
wait_for 20 grep -q 'Couldn.t fetch' "$tmp/smsbox.log" ||
	t_fail "smsbox did not see smsdesk down"
start_desk --now 2026-03-25T10:00 || t_fail "smsdesk did not start again"
all_answered() {
	for i in 11 12 13 14 15 16 17 18 19 20; do
		has_replies "+4477009001$i" 1 || return 1
	done
}
wait_for 60 all_answered || t_fail "not every text was answered: $(sent | cut -f1 | sort | uniq -c)"
# whatever smsbox still had to retry has arrived by now (1 s apart)
sleep 3
for i in 11 12 13 14 15 16 17 18 19 20; do
	t_eq "$i $(count_to "+4477009001$i")" "$i 1"
	t_eq "$i $(sql "select count(*) from inbox where sender = '+4477009001$i'")" "$i 1"
done
t_end

# ---- a restart of Kannel ----------------------------------------------------------

t_begin "restart of Kannel: what bearerbox holds is kept (store-type = file)"
# smsbox away: bearerbox keeps the texts (in its store file), and is then
# restarted itself (fakesmsc, its client, goes with it)
kill "$smsbox_pid"
wait "$smsbox_pid" 2>/dev/null
for i in 31 32 33; do text_in "+4477009001$i" "beard trim saturday 10am"; done
sleep 1 # nothing to wait for: nobody takes them
t_eq "$(sql "select count(*) from inbox where sender like '+44770090013_'")" 0
kill "$bearerbox_pid"
wait "$bearerbox_pid" 2>/dev/null
fakelog=$tmp/fakesmsc2.log
kannel_start >"$tmp/start.err" || t_fail "$(cat "$tmp/start.err")"
start_fakesmsc
wait_for 20 kannel_smsc_online || t_fail "fakesmsc did not connect again"
for i in 31 32 33; do
	wait_for 30 has_replies "+4477009001$i" 1 || t_fail "no reply to $i"
	t_eq "$i $(count_to "+4477009001$i")" "$i 1"
done
t_end

# ---- STOP withdraws the reply still waiting -----------------------------------------

t_begin "STOP: the reply queued before it is not sent"
close_gate
text_in +447700900201 "haircut friday 11am"
queued() { [ "$(sql "select count(*) from out_msg where to_number = '+447700900201'")" -ge 1 ]; }
wait_for 30 queued || t_fail "the first reply was not queued"
text_in +447700900201 "STOP"
stopped() { [ "$(sql "select count(*) from optouts where number = '+447700900201'")" -ge 1 ]; }
wait_for 30 stopped || t_fail "the STOP was not recorded"
open_gate
wait_for 30 has_replies +447700900201 1 || t_fail "no STOP confirmation"
sleep 2
t_eq "$(count_to +447700900201)" 1
t_eq "$(sent_to +447700900201)" "$(ref +447700900209 "STOP")"
t_eq "$(sql "select count(*) from out_part p join out_msg m on m.id = p.msg_id where m.to_number = '+447700900201' and p.state = 5")" 1
t_end

# ---- long replies --------------------------------------------------------------------

t_begin "a long text goes in parts, each with its own header"
# smsdesk send queues at the real time: the desk on the real clock too
stop_desk TERM
start_desk || t_fail "smsdesk did not start on the real clock"
long="Dear customer, from Monday 6 April our opening hours change: Mon-Fri 08:00-19:00 and Sat 09:00-15:00. Beard trims now take 20 minutes. Thank you for choosing Harbour Street Barbers, see you soon!"
"$SMSDESK_BIN" send -c "$tmp/smsdesk.cfg" --to +447700900301 "$long" >/dev/null 2>&1 ||
	t_fail "smsdesk send failed"
wait_for 30 has_replies +447700900301 2 || t_fail "the long text did not come out"
t_eq "$(sent_to +447700900301)" "$long"
t_eq "$(sent | awk -F '\t' '$1 == "+447700900301" && $3 != "-"' | wc -l | tr -d ' ')" 2
t_end

t_begin "smsdesk stops cleanly"
stop_desk TERM
t_eq "$desk_rc" 0
t_lacks "$(cat "$tmp/desk.log")" "error:"
t_end

# ---- an SMPP link: Kannel's drive_smpp as the SMS centre ------------------------

port_free() {
	python3 -c "import socket,sys; socket.socket().bind(('127.0.0.1', int(sys.argv[1])))" "$1"
}
t_begin "SMPP: texts in over deliver_sm, replies out as submit_sm"
if [ ! -x "$KANNEL_TEST/drive_smpp" ]; then
	t_skip "no $KANNEL_TEST/drive_smpp"
elif ! port_free 13001; then
	t_skip "port 13001 (drive_smpp's smsbox port, fixed) is taken"
else
	# A second Kannel, smsdesk and database beside the first, in smpp/.
	top=$tmp
	tmp=$top/smpp
	mkdir -p "$tmp"
	kannel_ports
	P_BOX=13001
	kannel_conf "$tmp/kannel.conf" smpp
	kannel_catalog "$tmp/smsdesk.cfg" "$tmp/desk.db" "$P_SEND"
	"$SMSDESK_BIN" serve -v -c "$tmp/smsdesk.cfg" >"$tmp/desk.log" 2>&1 &
	smpp_desk=$!
	pids="$pids $smpp_desk"
	wait_for 20 kannel_desk_up || t_fail "smsdesk did not start"
	"$KANNEL_TEST/drive_smpp" -p "$P_FAKE" -m 3 -v 0 >"$tmp/drive_smpp.log" 2>&1 &
	pids="$pids $!"
	kannel_start >"$tmp/start.err" || t_fail "$(cat "$tmp/start.err")"
	submitted() { [ "$(grep -c 'submit_sm: short_message' "$tmp/drive_smpp.log")" -ge 3 ]; }
	wait_for 60 submitted || t_fail "3 replies did not reach drive_smpp: $(tail -n 3 "$tmp/desk.log")"
	DB=$tmp/desk.db
	t_eq "$(sql "select count(*) from inbox where sender = '+447700900456' and modem like 'kannel:%'")" 3
	# what the SMSC was given is what the outbox sent
	sql "select text from out_msg where to_number = '+447700900456' order by id" >"$tmp/want"
	sed -n 's/.*submit_sm: short_message = <\(.*\)>$/\1/p' "$tmp/drive_smpp.log" >"$tmp/got"
	t_eq "$(cat "$tmp/got")" "$(cat "$tmp/want")"
	t_eq "$(wc -l <"$tmp/got" | tr -d ' ')" 3
	kill "$smpp_desk"
	wait "$smpp_desk"
	t_eq "$?" 0
	tmp=$top
fi
t_end

t_done
