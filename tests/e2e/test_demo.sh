#!/bin/sh
# `smsdesk demo --script`: the simulated modem and a real `smsdesk serve`
# child, driven by a replayed conversation; what it prints is what a phone
# would show.
. "$SMSDESK_SRC/tests/e2e/lib.sh"

cfg="$SMSDESK_SRC/conf/smsdesk.cfg"
script="$SMSDESK_SRC/tests/data/demo-script.txt"

t_begin "demo --script replays a conversation and shows each reply"
out=$(timeout 120 "$SMSDESK_BIN" demo -c "$cfg" --now 2026-12-01T09:00 \
	--script "$script" 2>&1); rc=$?
t_eq "$rc" 0
t_contains "$out" "you>  hi do u do haircuts tmrw about 10?"
t_contains "$out" "desk> Booked: Haircut, Wed 2 Dec 10:00, GBP 18."
t_contains "$out" "[1 SMS, gsm7]"
t_contains "$out" "Beard trim is GBP 10"
t_contains "$out" "Harbour Nails & Beauty 07700 900123"
# "thanks!" needs no answer: four texts, three replies.
t_eq "$(printf '%s\n' "$out" | grep -c '^desk> ')" 3
t_end

t_begin "demo with the Spanish example catalog answers in either language"
es_cfg="$SMSDESK_SRC/conf/ejemplo-es.cfg"
out=$(timeout 120 "$SMSDESK_BIN" demo -c "$es_cfg" --now 2026-12-01T09:00 \
	--script "$SMSDESK_SRC/tests/data/demo-script-es.txt" 2>&1); rc=$?
t_eq "$rc" 0
t_contains "$out" "you are texting Barbería Ruzafa"
t_contains "$out" "desk> Corte de pelo el mié 2 dic 11:00: hay hueco."
t_contains "$out" "desk> Arreglo de barba: 8 € (15 min)."
t_contains "$out" "desk> Hot towel shave is 18 € (30 min)."
t_contains "$out" "Sorry, we don't do nails. Try Estética Marina 600 000 103 (walk-ins)."
# "gracias!!" needs no answer: four texts, three replies.
t_eq "$(printf '%s\n' "$out" | grep -c '^desk> ')" 3
t_end

t_begin "demo leaves no scratch directory behind"
before=$(ls -d /tmp/smsdesk-demo.* 2>/dev/null | wc -l)
printf 'how much is a haircut\n' >"${TMPDIR:-/tmp}/demo-one.$$"
timeout 60 "$SMSDESK_BIN" demo -c "$cfg" --script "${TMPDIR:-/tmp}/demo-one.$$" >/dev/null 2>&1
rm -f "${TMPDIR:-/tmp}/demo-one.$$"
t_eq "$(ls -d /tmp/smsdesk-demo.* 2>/dev/null | wc -l)" "$before"
t_end

t_begin "demo with a broken catalog says where and exits 1"
bad="${TMPDIR:-/tmp}/demo-bad.$$.cfg"
printf 'database = "x";\nmodems = ( { device = "/dev/null"; } );\nbusiness = {\n' >"$bad"
err=$("$SMSDESK_BIN" demo -c "$bad" --script /dev/null 2>&1); rc=$?
rm -f "$bad"
t_eq "$rc" 1
t_contains "$err" "$bad:"
t_end

t_done
