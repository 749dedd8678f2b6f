#!/bin/sh
# smsdesk report through the real binary on a real sqlite file: four weeks
# of customers asking through the desk (smsdesk try: slots taken, too short
# notice, things we do not do, texts not understood, offers taken up later)
# and the staff's walk-ins; the text report's demand, weeks and hours,
# --from/--to; and --html checked in a real headless Chromium: the page is
# self-contained (no script, nothing fetched) and its screenshot shows the
# four charts, each in its colour, in order down the page.
. "$SMSDESK_SRC/tests/e2e/lib.sh"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed -e "s|@DB@|$tmp/shop.db|" -e 's|@MODEMS@|{ device = "/dev/null"; }|' \
	"$SMSDESK_SRC/tests/data/e2e.cfg" >"$tmp/shop.cfg"
export SMSDESK_CONFIG="$tmp/shop.cfg"
sd() { "$SMSDESK_BIN" "$@" 2>&1; }
ask() { # DAY FROM TEXT
	"$SMSDESK_BIN" try --db "$tmp/shop.db" --now "2026-11-$1T09:00" \
		--from "$2" "$3" >/dev/null
}

# Mondays 2, 9, 16, 23 Nov: two take the 10:00 chairs, a third is offered
# other times (slot taken), one asks too late for today (notice), one wants
# nails (not offered), one is not understood; the staff book a walk-in.
# In the last week the one turned away at 10:00 books 10:30 after all.
for d in 02 09 16 23; do
	ask $d "+4477009001$d" "haircut tomorrow at 10am"
	ask $d "+4477009002$d" "haircut tomorrow at 10am"
	ask $d "+4477009003$d" "haircut tomorrow at 10am"
	ask $d "+4477009004$d" "can I get my nails done tomorrow"
	ask $d "+4477009005$d" "xyzzy plugh"
	ask $d "+4477009006$d" "haircut today at 9:30"
	sd book --now "2026-11-${d}T09:00" --service beard-trim \
		--at "2026-11-${d}T14:00" >/dev/null
done
ask 23 "+447700900323" "haircut tomorrow at 10:30am"

t_begin "text: demand by service and why, taken up later, weeks, hours"
out=$(sd report --now 2026-11-30T09:00); rc=$?
t_eq "$rc" 0
t_contains "$out" "Harbour Street Barbers: all time, up to Mon 30 Nov 2026 (Europe/London)"
t_contains "$out" "  Haircut        7  slot taken 3, too short notice 4             1"
t_contains "$out" "  Nails          4  not offered 4                                0"
t_contains "$out" "  by why: not offered 4, slot taken 3, too short notice 4"
t_contains "$out" "  2026-11-02       6       3         1          0     3               1          2"
t_contains "$out" "  2026-11-23       7       4         1          0     2               1          2"
t_contains "$out" "  10:00     9  ########################################"
t_contains "$out" "  14:00     4  ##################
"
t_contains "$out" "  09:00     0
"
t_contains "$out" "  made          13"
t_end

t_begin "--from/--to: the days counted, both included"
out=$(sd report --now 2026-11-30T09:00 --from 2026-11-09 --to 2026-11-15); t_eq $? 0
t_contains "$out" "Harbour Street Barbers: Mon 9 Nov 2026 to Sun 15 Nov 2026"
t_contains "$out" "  Haircut        2  slot taken 1, too short notice 1             0"
t_lacks "$out" "2026-11-02"
t_lacks "$out" "2026-11-16"
out=$(sd report --since 2026-11-23 --now 2026-11-30T09:00); t_eq $? 0
t_contains "$out" "Harbour Street Barbers: Mon 23 Nov 2026 to Mon 30 Nov 2026"
t_contains "$out" "  Haircut        1  too short notice 1             1"
out=$(sd report --from 2026-11-31); t_eq $? 2
out=$(sd report --from 2026-11-20 --to 2026-11-10); t_eq $? 1
t_contains "$out" "--to is before --from"
t_end

t_begin "--html: one self-contained page with the four charts"
out=$(sd report --now 2026-11-30T09:00 --html "$tmp/report.html"); t_eq $? 0
t_contains "$out" "report written to $tmp/report.html"
page=$(cat "$tmp/report.html")
t_lacks "$page" "<script"
t_lacks "$page" "<link"
t_lacks "$page" "src="
t_lacks "$page" "url("
t_lacks "$page" "https:"
t_eq "$(grep -o 'http://[^"]*' "$tmp/report.html" | sort -u)" "http://www.w3.org/2000/svg"
for id in chart-demand chart-weeks chart-hours chart-referrals; do
	t_contains "$page" "<figure id=\"$id\"><svg"
done
t_eq "$(grep -c 'fill="#c0392b"' "$tmp/report.html")" 2
t_eq "$(grep -c 'fill="#e67e22"' "$tmp/report.html")" 4
t_eq "$(grep -c 'fill="#2e86c1"' "$tmp/report.html")" 2
t_eq "$(grep -c 'fill="#27ae60"' "$tmp/report.html")" 2
t_contains "$(sd report --html -)" "<!DOCTYPE html>"
t_end

t_begin "--html in headless Chromium: the screenshot shows the charts"
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
	t_skip "no chromium (scripts/deps.sh test installs it)"
else
	# No network, no first-run work, a throwaway profile: the page must
	# stand on its own.
	timeout 120 "$browser" --headless --no-sandbox --disable-gpu \
		--disable-background-networking --disable-component-update \
		--no-first-run --disable-extensions --disable-dev-shm-usage \
		--user-data-dir="$tmp/profile" \
		--hide-scrollbars --window-size=800,2400 \
		--screenshot="$tmp/shot.png" "file://$tmp/report.html" \
		>"$tmp/chromium.log" 2>&1
	t_eq "$(test -s "$tmp/shot.png" && echo shot)" "shot"
	set -- $(python3 "$SMSDESK_SRC/tests/e2e/report_shot.py" "$tmp/shot.png" \
		'#c0392b' '#e67e22' '#2e86c1' '#27ae60' | awk '{ print $2, $3, $4 }')
	# Each chart's bars: plenty of pixels of its colour ...
	for n in $1 $4 $7 $10; do
		t_eq "$([ "$n" -gt 1000 ] && echo bars)" "bars"
	done
	# ... and the charts one below the other, in the page's order.
	t_eq "$([ "$3" -lt "$5" ] && [ "$6" -lt "$8" ] && [ "$9" -lt "${11}" ] && echo order)" "order"
	t_end
	t_begin "an empty database still makes a page: no bars, nothing blank"
	"$SMSDESK_BIN" try --db "$tmp/empty.db" --now 2026-11-02T09:00 \
		--from +447700900999 "thanks" >/dev/null
	out=$(sd report --db "$tmp/empty.db" --html "$tmp/empty.html"); t_eq $? 0
	t_contains "$(cat "$tmp/empty.html")" "nothing to show yet"
	t_eq "$(grep -c 'fill="#c0392b"' "$tmp/empty.html")" 0
fi
t_end

t_done
