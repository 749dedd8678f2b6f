#!/bin/bash
# kannel.sh: the Kannel path of `make bench` — smsdesk serve (the release
# build) behind Debian's bearerbox and smsbox on loopback, configured from
# conf/kannel.conf as tests/e2e/test_kannel.sh does, with
# tests/bench/kannel_load.py as the SMS centre (Kannel's "fake" SMSC
# protocol, with millisecond timestamps).
#
#   tests/bench/kannel.sh
#
# Latency: from the inquiry written to bearerbox to the reply read back
# from it — the whole path: bearerbox, smsbox's HTTP call, smsdesk's
# commit and answer, sendsms, bearerbox again. Serial: BENCH_KANNEL_SERIAL
# (100) inquiries one at a time; burst: BENCH_KANNEL_BURST (1000)
# inquiries from as many numbers written at once, first written to last
# answered. Prints the rows for tests/bench/run.sh:
#   bench: e2e smsdesk kannel: n=.. lat_med=.. ... cpu_ms=.. rss_kb=.. status=..
#   bench: kannel burst: ...
# Every process started here is stopped on exit; every wait is bounded.
set -euo pipefail

src=$(cd "$(dirname "$0")/../.." && pwd)
cd "$src"
export SMSDESK_SRC=$src
SMSDESK_BIN=${SMSDESK_BIN:-$src/smsdesk}
serial=${BENCH_KANNEL_SERIAL:-100}
burst=${BENCH_KANNEL_BURST:-1000}

tmp=$(mktemp -d /tmp/smsdesk-bench-kannel.XXXXXX)
pids=""
cleanup() {
	local p
	for p in $pids; do kill "$p" 2>/dev/null || true; done
	for p in $pids; do wait "$p" 2>/dev/null || true; done
	if [ -z "${KEEP_TMP:-}" ]; then rm -rf "$tmp"; else echo "kept $tmp" >&2; fi
}
trap cleanup EXIT

failed() {
	echo "bench: e2e smsdesk kannel: status=failed"
	echo "bench: kannel: $*"
	exit 0
}

for tool in bearerbox smsbox python3 curl; do
	command -v "$tool" >/dev/null || failed "$tool is missing"
done

# shellcheck source=../e2e/kannel_lib.sh
. tests/e2e/kannel_lib.sh
kannel_ports
kannel_conf "$tmp/kannel.conf"
# Kannel's own logs at warning level only: at info, smsbox writes a line
# per message and the disk becomes the bench.
sed -i -e 's/^log-level = 1/log-level = 2/' -e '/^access-log/d' \
	"$tmp/kannel.conf"
kannel_start >"$tmp/start.err" || failed "$(cat "$tmp/start.err")"
kannel_catalog "$tmp/smsdesk.cfg" "$tmp/desk.db" "$P_SEND"
sed -i 's/max_in_flight = 4;/max_in_flight = 10;/' "$tmp/smsdesk.cfg"

"$SMSDESK_BIN" serve ${BENCH_KANNEL_VERBOSE:--q} -c "$tmp/smsdesk.cfg" --now 2026-03-25T10:00 \
	2>"$tmp/desk.log" &
desk=$!
pids="$pids $desk"
wait_for 20 kannel_desk_up || failed "smsdesk did not start: $(tail -n 3 "$tmp/desk.log")"

timeout $((120 + burst / 5)) python3 tests/bench/kannel_load.py "$P_FAKE" \
	+441632960000 "$serial" "$burst" 30 >"$tmp/load.out" 2>"$tmp/load.err" ||
	failed "the load stopped: $(tail -n 3 "$tmp/load.err")"

# CPU (user + system, ms) and peak RSS of smsdesk over the whole run
read -r ut st < <(awk '{ print $14, $15 }' "/proc/$desk/stat")
tck=$(getconf CLK_TCK)
cpu_ms=$(((ut + st) * 1000 / tck))
rss_kb=$(awk '/^VmHWM/ { print $2 }' "/proc/$desk/status")
kill -TERM "$desk"
wait "$desk" 2>/dev/null || true
status=ok
grep -q 'lost=0 dup=0' "$tmp/load.out" || status=lost-or-dup
sed "1s/\$/ cpu_ms=$cpu_ms rss_kb=$rss_kb status=$status/" "$tmp/load.out"
echo "bench: kannel: the row 'kannel': Debian's Kannel $(dpkg-query -W -f '${Version}' kannel 2>/dev/null) from conf/kannel.conf on loopback; latency from the inquiry written to bearerbox (fake SMSC protocol) to the reply read back from it; CPU and RSS of smsdesk only"
