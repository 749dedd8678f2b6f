#!/bin/sh
# The staff's booking commands through the real binary and a real sqlite
# file, without a daemon: --help and exit codes (0 ok, 1 bad input, 2
# usage), what the catalog allows (service, slot grid, opening hours,
# closed days) and --force, numbers in national form, blocks listed and
# removed, and every change visible to 'smsdesk bookings'.
. "$SMSDESK_SRC/tests/e2e/lib.sh"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed -e "s|@DB@|$tmp/shop.db|" -e 's|@MODEMS@|{ device = "/dev/null"; }|' \
	"$SMSDESK_SRC/tests/data/e2e.cfg" >"$tmp/shop.cfg"
export SMSDESK_CONFIG="$tmp/shop.cfg"
now="--now 2026-12-01T09:00" # a Tuesday
sd() { "$SMSDESK_BIN" "$@" 2>&1; }

t_begin "no database yet: refused, nothing created"
out=$(sd book $now --service haircut --at 2026-12-02T10:00); rc=$?
t_eq "$rc" 1
t_contains "$out" "no database at $tmp/shop.db"
t_eq "$(test -e "$tmp/shop.db" && echo made)" ""
t_end

"$SMSDESK_BIN" try --db "$tmp/shop.db" $now --from +447700900001 "hi" >/dev/null

t_begin "every new command has --help and is listed"
for c in book cancel move block unblock; do
	out=$(sd $c --help); rc=$?
	t_eq "$rc" 0
	t_contains "$out" "usage: smsdesk $c"
	t_contains "$(sd --help)" "  $c "
done
t_end

t_begin "usage errors exit 2"
out=$(sd book --service haircut); t_eq $? 2
t_contains "$out" "--service and --at are needed"
out=$(sd book $now --service haircut --at "tomorrow 10"); t_eq $? 2
t_contains "$out" "--at wants a local time like 2026-03-03T10:00"
out=$(sd book $now --service haircut --at 2026-12-02T10:00 --bogus); t_eq $? 2
out=$(sd cancel); t_eq $? 2
out=$(sd move ABCD); t_eq $? 2
out=$(sd unblock abc); t_eq $? 2
out=$(sd block $now --day 2026-12-02 --from 2026-12-02T10:00 --to 2026-12-02T11:00); t_eq $? 2
t_end

t_begin "what the catalog does not allow is refused (exit 1), --force books"
out=$(sd book $now --service perm --at 2026-12-02T10:00); t_eq $? 1
t_contains "$out" "no service 'perm'"
t_contains "$out" "haircut, beard-trim"
out=$(sd book $now --service haircut --at 2026-12-02T10:10); t_eq $? 1
t_contains "$out" "10:10 is not a slot start for Haircut (every 30 minutes from opening); nearest: 10:00, 10:30"
t_contains "$out" "--force"
out=$(sd book $now --service haircut --at 2026-12-02T17:45); t_eq $? 1
t_contains "$out" "outside opening hours"
out=$(sd book $now --service haircut --at 2026-12-06T10:00); t_eq $? 1
t_contains "$out" "closed on 2026-12-06"
out=$(sd book $now --service haircut --at 2026-12-25T10:00); t_eq $? 1
t_contains "$out" "a closed date in the catalog"
out=$(sd book $now --service haircut --at 2026-11-30T10:00); t_eq $? 1
t_contains "$out" "over already"
out=$(sd book $now --service haircut --at 2026-12-02T10:00 --phone 'call me'); t_eq $? 1
t_contains "$out" "is not a phone number"
out=$(sd book $now --service haircut --at 2026-12-02T18:30 --force --name "After hours"); t_eq $? 0
t_contains "$out" "Booked "
t_contains "$out" "Wed 2 Dec 2026 18:30-19:00, After hours."
t_end

t_begin "a national number becomes E.164; the booking shows who and why"
out=$(sd book $now --service haircut --at "2026-12-02 10:00" --name "Ann Lee" \
	--phone "07700 900123" --note "prefers Sam"); t_eq $? 0
t_contains "$out" "+447700900123"
t_contains "$out" "Texted +447700900123"
ref=$(printf '%s' "$out" | sed -n 's/^Booked \([^:]*\):.*/\1/p')
t_eq "$(printf '%s' "$ref" | wc -c | tr -d ' ')" 4
t_eq "$(sqlite3 "$tmp/shop.db" "select to_number from out_msg where origin = 1")" "+447700900123"
out=$(sd bookings --day 2026-12-02)
t_contains "$out" "Ann Lee +447700900123"
t_contains "$out" "prefers Sam"
t_contains "$out" "staff"
t_end

t_begin "move: full, off the grid, same time, then moved"
sd book $now --service haircut --at 2026-12-02T11:00 >/dev/null
sd book $now --service haircut --at 2026-12-02T11:00 >/dev/null
out=$(sd move $now "$ref" --at 2026-12-02T11:00); t_eq $? 1
t_contains "$out" "no place left"
out=$(sd move $now "$ref" --at 2026-12-02T11:05); t_eq $? 1
t_contains "$out" "is unchanged"
out=$(sd move $now "$ref" --at 2026-12-02T10:00); t_eq $? 0
t_contains "$out" "already at that time"
out=$(sd move $now "$ref" --at 2026-12-02T14:30 --no-text); t_eq $? 0
t_contains "$out" "now Wed 2 Dec 2026 14:30 (was Wed 2 Dec 2026 10:00)"
t_contains "$out" "Not texted (--no-text)"
out=$(sd move $now QQQQ --at 2026-12-02T14:30); t_eq $? 1
t_contains "$out" "no booking 'QQQQ'"
t_end

t_begin "blocks: bad spans refused, bookings inside listed, list and unblock"
out=$(sd block $now --from 2026-12-02T13:00 --to 2026-12-02T12:00); t_eq $? 1
t_contains "$out" "--to must be after --from"
out=$(sd block $now --day 2026-12-02 --service perm); t_eq $? 1
out=$(sd block $now --from 2026-12-02T14:00 --to 2026-12-02T15:00 --service haircut --reason "broken chair"); t_eq $? 0
t_contains "$out" "Blocked Wed 2 Dec 2026 14:00 - 15:00 for Haircut (block 1: broken chair)"
t_contains "$out" "These bookings are inside it and still stand"
t_contains "$out" "$ref"
out=$(sd block $now --day 2026-12-03 --reason "day off"); t_eq $? 0
t_contains "$out" "Thu 3 Dec 2026 00:00 - Fri 4 Dec 2026 00:00 for all services (block 2: day off)"
out=$(sd block $now --list)
t_contains "$out" "   1  Wed 2 Dec 2026 14:00 - 15:00  Haircut  broken chair"
t_contains "$out" "   2  Thu 3 Dec 2026 00:00 - Fri 4 Dec 2026 00:00  all services  day off"
out=$(sd book $now --service beard-trim --at 2026-12-03T10:00); t_eq $? 1
t_contains "$out" "no place left"
out=$(sd unblock 2); t_eq $? 0
t_contains "$out" "Removed block 2"
out=$(sd unblock 2); t_eq $? 1
t_contains "$out" "no block 2"
out=$(sd book $now --service beard-trim --at 2026-12-03T10:00); t_eq $? 0
t_end

t_begin "cancel: by reference, twice, unknown"
out=$(sd cancel $now --no-text "$ref"); t_eq $? 0
t_contains "$out" "Cancelled $ref: Haircut, Wed 2 Dec 2026 14:30, Ann Lee, +447700900123."
out=$(sd cancel $now "$ref"); t_eq $? 1
t_contains "$out" "already cancelled"
out=$(sd cancel $now QQQQ); t_eq $? 1
t_end

t_begin "forget and export: help, usage, bad numbers, JSON for nobody"
for c in forget export; do
	out=$(sd $c --help); t_eq $? 0
	t_contains "$out" "usage: smsdesk $c"
	out=$(sd $c); t_eq $? 2
	out=$(sd $c 'not a number'); t_eq $? 1
	t_contains "$out" "is not a phone number"
done
out=$(sd forget --expired +447700900001); t_eq $? 2
out=$("$SMSDESK_BIN" export $now 07700 900555 2>/dev/null); t_eq $? 2
out=$("$SMSDESK_BIN" export $now "07700 900555" 2>"$tmp/err"); t_eq $? 0
t_eq "$(printf '%s' "$out" | jq -r '.number + " " + (.stored_as | length | tostring) + " " + (.bookings | length | tostring)')" "+447700900555 0 0"
t_contains "$(cat "$tmp/err")" "nothing is held about +447700900555"
out=$(sd forget $now --dry-run +447700900123); t_eq $? 0
t_contains "$out" "Would forget +447700900123 (stored as +447700900123)"
t_contains "$out" "would be made anonymous"
t_contains "$(sd export $now +447700900123)" '"texts_sent": ['
t_end

t_done
