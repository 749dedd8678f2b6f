#!/bin/sh
# Interoperability of the PDU codec with an independent implementation:
# gammu's own codec (libgammu 1.42 through Debian's python3-gammu; the
# helper is tests/e2e/gammu_pdu.py, run with /usr/bin/python3).
#
# Route, both directions, no modem involved:
#   1. `smsdesk pdu encode --to N TEXT` prints SMS-SUBMIT PDUs with the 00
#      SMSC prefix; gammu.DecodePDU(SMSC=True) decodes each, the parts are
#      joined in UDH order, and number and text must equal what we sent.
#   2. gammu.EncodeSMS + gammu.EncodePDU(Layout="Deliver") build SMS-DELIVER
#      PDUs (as a network would deliver them, SMSC prefixed); `smsdesk pdu
#      decode` with all parts must print the same number, text and SMSC
#      time stamp as gammu decodes from its own PDUs.
# Skips (clearly) only when python3-gammu cannot be imported; `make check`
# installs it through scripts/deps.sh (group "test").
. "$SMSDESK_SRC/tests/e2e/lib.sh"

PY=/usr/bin/python3
HELPER="$SMSDESK_SRC/tests/e2e/gammu_pdu.py"
NL='
'

# The escaping `smsdesk pdu decode` applies to text: \ -> \\, newline -> \n.
esc() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' | sed -e ':a;N;$!ba;s/\n/\\n/g'; }

if ! "$PY" "$HELPER" check 2>/dev/null; then
	t_begin "gammu interoperability"
	t_skip "python3-gammu is not installed (apt-get install python3-gammu)"
	t_end
	t_done
fi

long_gsm=$(printf 'Hello, I would like to book a full service for my bike, %s' \
	'please call me back. ' | sed 's/.*/&&&&&/')
long_euro="$(printf '%0152d' 0 | tr 0 x)€ and then some more {text} to follow"
long_ucs2="$(printf 'Можно записаться на стрижку завтра? 😀 %.0s' 1 2 3 4)"

# --- 1. smsdesk encodes, gammu decodes ---------------------------------------
to_gammu() {
	name=$1 number=$2 text=$3
	t_begin "smsdesk -> gammu: $name"
	hex=$("$SMSDESK_BIN" pdu encode --to "$number" "$text"); rc=$?
	t_eq "$rc" 0
	out=$(printf '%s\n' "$hex" | "$PY" "$HELPER" decode 2>&1)
	t_eq "$(printf '%s\n' "$out" | sed -n 1p)" "$number"
	t_eq "$(printf '%s\n' "$out" | sed -n 2p)" "$(esc "$text")"
	t_end
}

to_gammu "gsm7" "+447700900123" "Can I get a haircut tomorrow at 10?"
to_gammu "extension table" "07700900123" \
	'Braces {} [brackets] ~tilde^ back\slash |pipe| €uro'
to_gammu "accents in gsm7" "+33612345678" "Bonjour, coupe à 10h? Ça va. Ñ ü ß Å"
to_gammu "ucs2 cyrillic" "+79161234567" "Можно записаться на стрижку завтра?"
to_gammu "emoji and combining marks" "+447700900123" \
	"Thanks 👍🏽 café, and é with a combining accent"
to_gammu "newline" "+447700900123" "line one${NL}line two"
to_gammu "long gsm7, 3 parts" "+447700900123" "$long_gsm"
to_gammu "escape on a segment boundary" "+447700900123" "$long_euro"
to_gammu "long ucs2 with emoji" "+447700900123" "$long_ucs2"

# --- 2. gammu encodes, smsdesk decodes ---------------------------------------
from_gammu() {
	name=$1 number=$2 unicode=$3 text=$4 parts=$5
	t_begin "gammu -> smsdesk: $name"
	ref=$("$PY" "$HELPER" encode "$number" "$unicode" "$text" 2>&1)
	hexes=$(printf '%s\n' "$ref" | sed '/^==$/,$d')
	g_number=$(printf '%s\n' "$ref" | sed -n '/^==$/{n;p;}')
	g_text=$(printf '%s\n' "$ref" | sed -n '/^==$/{n;n;p;}')
	g_time=$(printf '%s\n' "$ref" | sed -n '/^==$/{n;n;n;p;}')
	t_eq "$(printf '%s\n' "$hexes" | wc -l)" "$parts"
	# shellcheck disable=SC2086 # one argument per PDU
	out=$("$SMSDESK_BIN" pdu decode $hexes); rc=$?
	t_eq "$rc" 0
	t_eq "$g_text" "$(esc "$text")"
	t_eq "$(printf '%s\n' "$out" | sed -n 's/^number: //p')" "$g_number"
	t_eq "$(printf '%s\n' "$out" | sed -n 's/^text: //p')" "$g_text"
	t_eq "$(printf '%s\n' "$out" | sed -n 's/^smsc: //p')" "+447785016005"
	t_contains "$(printf '%s\n' "$out" | sed -n 's/^timestamp: //p')" "$g_time"
	if [ "$parts" -gt 1 ]; then
		t_contains "$out" "complete: yes ($parts of $parts parts)"
	else
		t_contains "$out" "concat: -"
	fi
	t_end
}

from_gammu "gsm7" "+447700900002" 0 "Can I get a haircut tomorrow at 10?" 1
from_gammu "alphanumeric sender, extension table" "Quayside" 0 \
	"Hello from gammu {€} [x] ~ ^ | \\" 1
from_gammu "national number" "07700900003" 0 "Ça va? Ñ ü ß Å è é ù ì ò" 1
from_gammu "ucs2 with emoji" "+447700900004" 1 "Привет 😀 and more" 1
from_gammu "newline" "+447700900005" 0 "line one${NL}line two" 1
from_gammu "long gsm7, 3 parts" "+447700900006" 0 "$long_gsm" 3
from_gammu "long ucs2, 3 parts" "+447700900007" 1 "$long_ucs2" 3

t_done
