#!/bin/sh
# smsdesk check: silent and 0 on the example, FILE:LINE: message and exit 1 on
# broken files, a warning (exit 0) for a PIN in a file others can read.
. "$SMSDESK_SRC/tests/e2e/lib.sh"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bad=$SMSDESK_SRC/tests/data/catalog-bad

t_begin "the example catalog passes silently"
out=$("$SMSDESK_BIN" check -c "$SMSDESK_SRC/conf/smsdesk.cfg" \
	--now 2026-06-01T12:00 2>&1); rc=$?
t_eq "$rc" 0
t_eq "$out" ""
t_end

t_begin "-c defaults to \$SMSDESK_CONFIG"
out=$(SMSDESK_CONFIG="$bad/price-not-text.cfg" "$SMSDESK_BIN" check 2>&1); rc=$?
t_eq "$rc" 1
t_eq "$out" "$bad/price-not-text.cfg:12: price must be text in quotes, like \"GBP 18\""
t_end

t_begin "a misspelled key: did you mean"
cp "$bad/unknown-key-pirce.cfg" "$tmp/shop.cfg"
out=$(cd "$tmp" && "$SMSDESK_BIN" check -c shop.cfg 2>&1); rc=$?
t_eq "$rc" 1
t_eq "$out" "shop.cfg:12: unknown key 'pirce' (did you mean 'price'?)"
t_end

t_begin "every problem is reported, in line order"
out=$("$SMSDESK_BIN" check --config "$bad/many-mistakes.cfg" 2>&1); rc=$?
t_eq "$rc" 1
f=$bad/many-mistakes.cfg
t_eq "$out" "$f:11: unknown time zone 'Europe/Lundon' (did you mean 'Europe/London'?)
$f:16: price must be text in quotes, like \"GBP 18\"
$f:16: minutes must be more than 0, not 0
$f:20: phone '+44 1632 96O123' is not a phone number; write digits, spaces and an optional +, like \"+441632960123\" or \"01632 960123\"
$f:20: covers names 'nail', which is not a service or topic id (did you mean 'nails'?)"
t_end

t_begin "a syntax error names libconfig's line"
out=$("$SMSDESK_BIN" check -c "$bad/syntax-missing-bracket.cfg" 2>&1); rc=$?
t_eq "$rc" 1
t_eq "$out" "$bad/syntax-missing-bracket.cfg:13: syntax error (look for a missing ';', '\"' or bracket here or just before)"
t_end

t_begin "a missing key with no line: FILE: message"
out=$("$SMSDESK_BIN" check -c "$bad/missing-database.cfg" 2>&1); rc=$?
t_eq "$rc" 1
t_eq "$out" "$bad/missing-database.cfg: the file has no 'database'; add one, like database = \"/var/lib/smsdesk/smsdesk.db\";"
t_end

t_begin "a file that is not there"
out=$("$SMSDESK_BIN" check -c "$tmp/nope.cfg" 2>&1); rc=$?
t_eq "$rc" 1
t_eq "$out" "$tmp/nope.cfg: cannot read the file: No such file or directory"
t_end

t_begin "a SIM PIN in a world-readable file: warning, exit 0"
sed 's/pin = "";/pin = "1234";/' "$SMSDESK_SRC/conf/smsdesk.cfg" >"$tmp/pin.cfg"
line=$(grep -n 'pin = "1234"' "$tmp/pin.cfg" | cut -d: -f1)
chmod 644 "$tmp/pin.cfg"
out=$("$SMSDESK_BIN" check -c "$tmp/pin.cfg" 2>&1); rc=$?
t_eq "$rc" 0
t_eq "$out" "$tmp/pin.cfg:$line: warning: this file holds a SIM PIN and other users can read it; make it private with chmod 600"
chmod 600 "$tmp/pin.cfg"
out=$("$SMSDESK_BIN" check -c "$tmp/pin.cfg" 2>&1); rc=$?
t_eq "$rc" 0
t_eq "$out" ""
t_end

t_begin "a service word that is an everyday word of our language: a warning with its line (review fr AG: 'ce' read in 'ce soir')"
sed 's/^    words = \[ "haircut",/    words = [ "tonight", "haircut",/' "$SMSDESK_SRC/conf/smsdesk.cfg" >"$tmp/every.cfg"
chmod 600 "$tmp/every.cfg"
line=$(grep -n '"tonight", "haircut"' "$tmp/every.cfg" | cut -d: -f1)
t_eq "$(grep -c '"tonight", "haircut"' "$tmp/every.cfg")" 1
out=$("$SMSDESK_BIN" check -c "$tmp/every.cfg" 2>&1); rc=$?
t_eq "$rc" 0
t_contains "$out" "$tmp/every.cfg:$line: warning: 'tonight' among the words of this service is an everyday word in en"
out=$("$SMSDESK_BIN" check -c "$SMSDESK_SRC/conf/smsdesk.cfg" 2>&1)
t_eq "$(echo "$out" | grep -c 'everyday word')" 0
t_end

t_begin "a warning alone does not fail the check"
cp "$bad/closed-twice.cfg" "$tmp/twice.cfg"
chmod 600 "$tmp/twice.cfg"
out=$("$SMSDESK_BIN" check -c "$tmp/twice.cfg" 2>&1); rc=$?
t_eq "$rc" 0
t_eq "$out" "$tmp/twice.cfg:7: note: country not set; using GB from Europe/London
$tmp/twice.cfg:10: warning: closed date '2026-12-25' is listed twice"
t_end

t_begin "no country: derived from the time zone and stated; none for UTC"
sed 's|Europe/London|America/New_York|' "$bad/closed-twice.cfg" >"$tmp/ny.cfg"
sed -i '/^ *"2026-12-25" \];/d; s/closed = \[ "2026-12-25",/closed = [ "2026-12-25" ];/' "$tmp/ny.cfg"
out=$("$SMSDESK_BIN" check -c "$tmp/ny.cfg" 2>&1); rc=$?
t_eq "$rc" 0
t_eq "$out" "$tmp/ny.cfg:7: note: country not set; using US from America/New_York"
sed 's|America/New_York|Etc/UTC|' "$tmp/ny.cfg" >"$tmp/utc.cfg"
out=$("$SMSDESK_BIN" check -c "$tmp/utc.cfg" 2>&1); rc=$?
t_eq "$rc" 0
t_eq "$out" "$tmp/utc.cfg:7: note: country not set, and time zone Etc/UTC belongs to no country; every phone number must be written with + and its country code"
sed 's|timezone = "Etc/UTC";|timezone = "Etc/UTC"; country = "IE";|' "$tmp/utc.cfg" >"$tmp/ie.cfg"
out=$("$SMSDESK_BIN" check -c "$tmp/ie.cfg" 2>&1); rc=$?
t_eq "$rc" 0
t_eq "$out" ""
t_end

t_begin "closed dates already past: a warning each, against --now"
sed 's|closed = \[ "2026-12-25",|closed = [ "2025-12-25",|' "$bad/closed-twice.cfg" >"$tmp/past.cfg"
sed -i 's|timezone = "Europe/London";|timezone = "Europe/London"; country = "GB";|' "$tmp/past.cfg"
out=$("$SMSDESK_BIN" check -c "$tmp/past.cfg" --now 2026-01-10T09:00 2>&1); rc=$?
t_eq "$rc" 0
t_eq "$out" "$tmp/past.cfg:9: warning: closed date '2025-12-25' is already past (today is 2026-01-10); if you meant next year's, fix the year"
out=$("$SMSDESK_BIN" check -c "$tmp/past.cfg" --now 2025-12-01T09:00 2>&1); rc=$?
t_eq "$out" ""
"$SMSDESK_BIN" check -c "$tmp/past.cfg" --now 2026-13-01T09:00 >/dev/null 2>&1; rc=$?
t_eq "$rc" 2
t_end

t_begin "a byte-order mark, CRLF line ends and tabs: accepted, lines kept"
printf '\357\273\277' >"$tmp/bom.cfg"
sed 's/$/\r/; s/  /\t/g' "$SMSDESK_SRC/conf/smsdesk.cfg" >>"$tmp/bom.cfg"
out=$("$SMSDESK_BIN" check -c "$tmp/bom.cfg" --now 2026-06-01T12:00 2>&1); rc=$?
t_eq "$rc" 0
t_eq "$out" ""
sed -i 's/max_segments = 2;/max_segments = 0;/' "$tmp/bom.cfg"
line=$(grep -n 'max_segments = 0' "$tmp/bom.cfg" | cut -d: -f1)
out=$("$SMSDESK_BIN" check -c "$tmp/bom.cfg" 2>&1); rc=$?
t_eq "$rc" 1
t_eq "$out" "$tmp/bom.cfg:$line: max_segments must be between 1 and 10, not 0"
t_end

t_begin "the Spanish example checks clean; a reply in another language is measured with the names in it"
out=$("$SMSDESK_BIN" check -c "$SMSDESK_SRC/conf/ejemplo-es.cfg" 2>&1); rc=$?
t_eq "$rc" 0
t_eq "$out" ""
long=$(printf 'Very long English name %.0s' 1 2 3 4 5 6 7 8 9 10 11 12 13 14)
sed "s/names = { en = \"Haircut\"; };/names = { en = \"$long\"; };/" \
	"$SMSDESK_SRC/conf/ejemplo-es.cfg" >"$tmp/es-long.cfg"
line=$(grep -n '^  en = {' "$tmp/es-long.cfg" | cut -d: -f1)
out=$("$SMSDESK_BIN" check -c "$tmp/es-long.cfg" 2>&1); rc=$?
t_eq "$rc" 1
t_eq "$out" "$tmp/es-long.cfg:$((line + 1)): 'booked' can take 3 SMS segments at its longest, over policy.max_segments (2)"
t_end

t_begin "a reply is measured against policy.max_segments as written, wherever policy stands"
sed 's/max_segments = 2;/max_segments = 3;/' "$tmp/es-long.cfg" >"$tmp/es-long3.cfg"
out=$("$SMSDESK_BIN" check -c "$tmp/es-long3.cfg" 2>&1); rc=$?
t_eq "$rc" 0
t_eq "$out" ""
t_end

t_begin "usage errors exit 2"
"$SMSDESK_BIN" check --bogus >/dev/null 2>&1; rc=$?
t_eq "$rc" 2
"$SMSDESK_BIN" check -c a.cfg extra >/dev/null 2>&1; rc=$?
t_eq "$rc" 2
out=$("$SMSDESK_BIN" check --help); rc=$?
t_eq "$rc" 0
t_contains "$out" "usage: smsdesk check [-c FILE]"
t_end

t_done
