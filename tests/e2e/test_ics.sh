#!/bin/sh
# bookings --ics through the real binary: a catalog string that is not UTF-8
# is refused with FILE:LINE before anything is written (it used to loop
# forever and fill the disk); a long name of 2-, 3- and 4-byte characters is
# folded into lines of at most 75 octets, never inside a character, and
# unfolds to the name as written.
. "$SMSDESK_SRC/tests/e2e/lib.sh"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
base=$SMSDESK_SRC/tests/data/catalog-bad/closed-twice.cfg

# The shop, with NAME as its name and $tmp/shop.db as its database.
make_cfg() {
	sed -e "s|/var/lib/smsdesk/test.db|$tmp/shop.db|" \
	    -e '/^ *"2026-12-25" \];/d' \
	    -e 's/closed = \[ "2026-12-25",/closed = [ "2026-12-25" ];/' \
	    "$base" | awk -v name="$1" '{ sub(/Test Barbers/, name); print }' >"$2"
	chmod 600 "$2"
}

t_begin "a name that is not UTF-8: refused at its line, nothing written"
make_cfg "Salon $(printf '\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200')" "$tmp/bad.cfg"
out=$(timeout 30 "$SMSDESK_BIN" bookings -c "$tmp/bad.cfg" --day 2026-12-02 --ics "$tmp/bad.ics" 2>&1); rc=$?
t_eq "$rc" 1
t_contains "$out" "$tmp/bad.cfg:6: name holds bytes that are not UTF-8 (byte 7, 0x80)"
t_eq "$(test -e "$tmp/bad.ics" && echo written)" ""
out=$("$SMSDESK_BIN" check -c "$tmp/bad.cfg" 2>&1); rc=$?
t_eq "$rc" 1
t_end

name="Salon"
i=0
while [ $i -lt 40 ]; do name="$name é€😀"; i=$((i + 1)); done
name="$name, Harbour; Street"

t_begin "a long name of wide characters: folded at 75 octets, whole characters"
make_cfg "$name" "$tmp/long.cfg"
out=$("$SMSDESK_BIN" check -c "$tmp/long.cfg" --now 2026-12-01T09:00 2>&1); rc=$?
t_eq "$rc" 0
out=$("$SMSDESK_BIN" try -c "$tmp/long.cfg" --db "$tmp/shop.db" \
	--now 2026-12-01T09:00 --from +447700900123 "haircut tomorrow at 10am" 2>&1)
t_contains "$out" "Booked: Haircut, Wed 2 Dec 10:00"
out=$(timeout 30 "$SMSDESK_BIN" bookings -c "$tmp/long.cfg" --db "$tmp/shop.db" \
	--day 2026-12-02 --ics "$tmp/long.ics" 2>&1); rc=$?
t_eq "$rc" 0
t_contains "$out" "1 booking written"
# Every line ends in CRLF and holds at most 75 octets before it.
t_eq "$(LC_ALL=C awk '{ sub(/\r$/, ""); if (length($0) > 75) n++ } END { print n + 0 }' "$tmp/long.ics")" 0
t_eq "$(LC_ALL=C grep -c "$(printf '\r')\$" "$tmp/long.ics")" "$(wc -l <"$tmp/long.ics" | tr -d ' ')"
# No line starts inside a character (a continuation byte after the fold).
t_eq "$(LC_ALL=C grep -c "^ $(printf '[\200-\277]')" "$tmp/long.ics")" 0
# Unfolded, LOCATION is the name with ',' and ';' escaped.
want=$(printf '%s' "$name" | sed 's/,/\\,/g; s/;/\\;/g')
got=$(LC_ALL=C sed 's/\r$//' "$tmp/long.ics" | awk '
	/^ / { if (cur != "") cur = cur substr($0, 2); next }
	{ if (cur != "") print cur; cur = "" }
	/^LOCATION:/ { cur = $0 }
	END { if (cur != "") print cur }' | sed 's/^LOCATION://')
t_eq "$got" "$want"
t_end

t_done
