#!/bin/sh
# smsdesk pdu decode / encode: the installer's view of the codec.
. "$SMSDESK_SRC/tests/e2e/lib.sh"

# gsm7-plain and the three parts of gsm7-long from tests/data/pdu-vectors.json
# (generated with gammu 1.42, see the file for their source).
PLAIN=0791447758100650000C9144770009001000006211329000000023C3B01B94049DCB745018840EA7E5E33A1D447FB7DF72F9FB0E0AD34131D80F
P1=0791447758100650400C91447700090050000062113290000000A00500035C0301906536FBCD022541F7779D4D06B1D3EB3288FE0689DFEF35280C32D7D96CD0BC2CB7A7C76590F92D07B5F320717A5D7681906536FBCD022541F7779D4D06B1D3EB3288FE0689DFEF35280C32D7D96CD0BC2CB7A7C76590F92D07B5F320717A5D7681906536FBCD022541F7779D4D06B1D3EB3288FE0689DFEF35280C32D7D96CD0BC2CB7A7C7
P2=0791447758100650400C91447700090050000062113290000000A00500035C0302CA20F35B0E6AE741E2F4BAEC0221CB6CF69B054A82EEEF3A9B0C62A7D76510FD0D12BFDF6B501864AEB3D9A079596E4F8FCB20F35B0E6AE741E2F4BAEC0221CB6CF69B054A82EEEF3A9B0C62A7D76510FD0D12BFDF6B501864AEB3D9A079596E4F8FCB20F35B0E6AE741E2F4BAEC0221CB6CF69B054A82EEEF3A9B0C62A7D76510FD0D12BFDF
P3=0791447758100650400C91447700090050000062113290000000250500035C0303D6A030C85C67B341F3B2DC9E1E9741E6B71CD4CE83C4E975D90502
NL='
'
NEWLINE=0791447758100650000C9144770009000100006211329000000011ECB4BB0C7ABBCB0A76DA5D06D1EF6F

t_begin "decode prints every field, text last"
out=$("$SMSDESK_BIN" pdu decode "$PLAIN"); rc=$?
t_eq "$rc" 0
t_eq "$out" "type: deliver
smsc: +447785016005
number: +447700900001
number_type: international
encoding: gsm7
class: -
timestamp: 2026-11-23T09:00:00+00:00
pid: 0x00
dcs: 0x00
status_report: no
shift: -
concat: -
text: Can I get a haircut tomorrow at 10?"
t_end

t_begin "decode escapes newlines in the text"
out=$("$SMSDESK_BIN" pdu decode "$NEWLINE"); rc=$?
t_eq "$rc" 0
t_eq "$(printf '%s\n' "$out" | tail -n 1)" 'text: line one\nline two'
t_end

t_begin "decode of one part shows ref/total/seq"
out=$("$SMSDESK_BIN" pdu decode "$P2")
t_contains "$out" "concat: 92/3/2${NL}complete: no (1 of 3 parts)"
t_end

t_begin "decode reassembles parts given in any order"
out=$("$SMSDESK_BIN" pdu decode "$P3" "$P1" "$P2"); rc=$?
t_eq "$rc" 0
t_contains "$out" "concat: 92/3/1,2,3"
t_contains "$out" "complete: yes (3 of 3 parts)"
t_eq "$(printf '%s\n' "$out" | grep -c '^type: ')" 1
want="Hello, I would like to book a full service for my bike. "
t_eq "$(printf '%s\n' "$out" | sed -n 's/^text: //p')" "$want$want$want$want$want$want"
t_end

t_begin "decode of unrelated PDUs prints one block each"
out=$("$SMSDESK_BIN" pdu decode "$PLAIN" "$NEWLINE"); rc=$?
t_eq "$rc" 0
t_eq "$(printf '%s\n' "$out" | grep -c '^text: ')" 2
t_end

t_begin "SMSC prefix: auto, forced, and from the modem's length"
tpdu=${PLAIN#0791447758100650}
out=$("$SMSDESK_BIN" pdu decode "$tpdu")
t_contains "$out" "smsc: -"
t_contains "$out" "number: +447700900001"
out=$("$SMSDESK_BIN" pdu decode --length 50 "$PLAIN")
t_contains "$out" "smsc: +447785016005"
out=$("$SMSDESK_BIN" pdu decode --no-smsc "$PLAIN"); rc=$?
t_eq "$rc" 1
t_contains "$out" "error: "
t_end

t_begin "malformed PDUs: error line, exit 1"
out=$("$SMSDESK_BIN" pdu decode 0791447758100650000C9144770009); rc=$?
t_eq "$rc" 1
t_eq "$out" "error: truncated in the originator address (TP-OA)"
out=$("$SMSDESK_BIN" pdu decode "$PLAIN" 0791ZZ); rc=$?
t_eq "$rc" 1
t_eq "$out" "error: PDU 2: not a hex digit at position 5"
t_end

t_begin "encode prints AT+CMGS-ready PDUs that decode back"
out=$("$SMSDESK_BIN" pdu encode --to +46708251358 --validity 5760 hellohello); rc=$?
t_eq "$rc" 0
t_eq "$out" "0011000B916407281553F80000AA0AE8329BFD4697D9EC37"
out=$("$SMSDESK_BIN" pdu encode --lengths --to +46708251358 --validity 5760 hellohello)
t_eq "$out" "23 0011000B916407281553F80000AA0AE8329BFD4697D9EC37"
long=$(printf '%0200d' 0 | tr 0 y)
out=$("$SMSDESK_BIN" pdu encode --to 07700900123 --ref 9 --status-report "$long"); rc=$?
t_eq "$rc" 0
t_eq "$(printf '%s\n' "$out" | wc -l)" 2
# shellcheck disable=SC2086
back=$("$SMSDESK_BIN" pdu decode $out)
t_contains "$back" "type: submit"
t_contains "$back" "status_report: yes"
t_contains "$back" "concat: 9/2/1,2"
t_contains "$back" "text: $long"
out=$("$SMSDESK_BIN" pdu encode --to +447700900123 Two words)
t_contains "$("$SMSDESK_BIN" pdu decode "$out")" "text: Two words"
t_end

t_begin "encode errors and usage"
out=$("$SMSDESK_BIN" pdu encode --to Bank hello); rc=$?
t_eq "$rc" 1
t_contains "$out" "error: bad destination number 'Bank'"
"$SMSDESK_BIN" pdu encode hello >/dev/null 2>&1; rc=$?
t_eq "$rc" 2
"$SMSDESK_BIN" pdu encode --to 123 >/dev/null 2>&1; rc=$?
t_eq "$rc" 2
"$SMSDESK_BIN" pdu decode >/dev/null 2>&1; rc=$?
t_eq "$rc" 2
"$SMSDESK_BIN" pdu frobnicate >/dev/null 2>&1; rc=$?
t_eq "$rc" 2
"$SMSDESK_BIN" pdu encode --to 123 --ref 300 x >/dev/null 2>&1; rc=$?
t_eq "$rc" 2
t_end

t_begin "--help for pdu, decode and encode"
for args in "--help" "decode --help" "encode --help"; do
	# shellcheck disable=SC2086
	out=$("$SMSDESK_BIN" pdu $args); rc=$?
	t_eq "$rc" 0
	t_contains "$out" "usage: smsdesk pdu"
done
t_contains "$("$SMSDESK_BIN" pdu decode --help)" "--length"
t_end

t_begin "national shift: encode --shift tr takes fewer segments, decode names the table"
TR="Yarın saat 10'da gelebilir miyim? Teşekkürler, Ağustos çok güzel. Şimdi bir randevu almak istiyorum lütfen, öğleden sonra olur mu?"
hex=$("$SMSDESK_BIN" pdu encode --to +905321234567 "$TR" 2>/dev/null)
t_eq "$(printf '%s\n' "$hex" | wc -l)" 2
hex=$("$SMSDESK_BIN" pdu encode --to +905321234567 --shift tr "$TR" 2>/dev/null); rc=$?
t_eq "$rc" 0
t_eq "$(printf '%s\n' "$hex" | wc -l)" 1
plan=$("$SMSDESK_BIN" pdu encode --to +905321234567 --shift auto "$TR" 2>&1 >/dev/null)
t_eq "$plan" "segments: 1 encoding: gsm7 shift: locking default, single turkish"
out=$("$SMSDESK_BIN" pdu decode "$hex")
t_contains "$out" "shift: locking default (0), single turkish (1)"
t_eq "$(printf '%s\n' "$out" | sed -n 's/^text: //p')" "$TR"
"$SMSDESK_BIN" pdu encode --to +905321234567 --shift xx "$TR" >/dev/null 2>&1; rc=$?
t_eq "$rc" 2
"$SMSDESK_BIN" pdu encode --to +905321234567 --locking "$TR" >/dev/null 2>&1; rc=$?
t_eq "$rc" 2
t_end

t_begin "decode --length ends the message at the modem's length"
# The published +CDS report (amro.blogspot.com 2007-09) as read from SIM
# storage: SMSC part 00, the 25-octet TPDU, then the record's padding.
CDS=06000B910221815716F2709021510121807090215101718000
out=$("$SMSDESK_BIN" pdu decode --length 25 "00${CDS}0405FFFFFF"); rc=$?
t_eq "$rc" 0
t_contains "$out" "type: status-report"
t_contains "$out" "ignored: 5 octets after the message"
out=$("$SMSDESK_BIN" pdu decode "00${CDS}FFFFFFFF"); rc=$?
t_eq "$rc" 0
t_contains "$out" "status: 0x00 (delivered)"
t_end

t_done
