#!/bin/bash
# run.sh: every benchmark of `make bench`, folded into one table, printed and
# written to build/bench/latest.txt. Run by `make bench` after ./smsdesk and
# the test tools are built (run from anywhere: it cd's to the repository).
#
# It calls, when present:
#   tests/bench/codec.sh     codec throughput and instructions per message
#   tests/bench/catalog.sh   catalog load time, lookups (10,000 services)
#   tests/bench/desk.sh      instructions per answered inquiry
#   tests/bench/peers.sh     smsdesk, gammu-smsd and smstools end to end on
#                            the simulated modem, and smsdesk's peak RSS
#   tests/bench/loop.sh      the longest poll-loop pass with and without a
#                            competing writer holding the database, and a
#                            burst of 200 inquiries across 1, 2 and 4 modems
#                            (realistic profile; about 16 minutes)
# and parses what they print. Lines of the form
#   bench: NAME: VALUE UNIT [min V max V]
# are taken as they are from any of them; the other formats understood are
# those the scripts printed when this was written. Output that is not
# understood is kept, verbatim, under the script's name: nothing is dropped.
#
# Cheap benchmarks are repeated (BENCH_REPEAT, default 3) and shown as the
# median with min and max; the end-to-end rows are one run each, the median
# over their n inquiries with p95 and max.
set -euo pipefail

src=$(cd "$(dirname "$0")/../.." && pwd)
cd "$src"
repeat=${BENCH_REPEAT:-3}
out=build/bench
mkdir -p "$out"
tmp=$(mktemp -d /tmp/smsdesk-bench.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

export SMSDESK_BIN=${SMSDESK_BIN:-$src/smsdesk}
export SIMCTL=${SIMCTL:-$src/build/rel/tests/tools/simctl}

note() { echo "bench: $(date -u +%T) $*" >&2; }

# Run a sub-benchmark with a time limit; its output goes to FILE, a failure
# is recorded in the table rather than stopping the others.
run_part() { # run_part NAME LIMIT_SECONDS FILE CMD...
	local name=$1 limit=$2 file=$3 rc=0
	shift 3
	note "$name ..."
	timeout --kill-after=10 "$limit" "$@" >"$file" 2>"$file.err" || rc=$?
	if [ "$rc" != 0 ]; then
		echo "bench: $name: failed (exit $rc)" >>"$file"
		tail -n 5 "$file.err" | sed "s/^/bench: $name: stderr: /" >>"$file"
	fi
}

# ---- micro-benchmarks (repeated) ---------------------------------------------

# Each part's output, run after run, goes to one file; the folding below
# keys each figure by its label and takes the median of the repeats.
for part in codec catalog desk; do
	[ -x "tests/bench/$part.sh" ] || [ -f "tests/bench/$part.sh" ] || continue
	reps=$repeat
	[ "$part" = catalog ] && reps=1 # it takes medians itself and is slow
	for ((r = 1; r <= reps; r++)); do
		if [ -x "tests/bench/$part.sh" ]; then
			run_part "$part" 600 "$tmp/$part.$r" "tests/bench/$part.sh"
		else
			run_part "$part" 600 "$tmp/$part.$r" sh "tests/bench/$part.sh"
		fi
		sed "s/^/$part	/" "$tmp/$part.$r" >>"$tmp/micro.raw"
	done
done

gen_big=tests/bench/gen_catalog.sh
if [ -f "$gen_big" ]; then
	sh "$gen_big" "$tmp/big.cfg" >/dev/null
fi
for ((r = 1; r <= repeat; r++)); do
	run_part rss 120 "$tmp/rss.$r" tests/bench/peers.sh --rss example conf/smsdesk.cfg
	sed "s/^/rss	/" "$tmp/rss.$r" >>"$tmp/micro.raw"
	if [ -f "$tmp/big.cfg" ]; then
		run_part rss 120 "$tmp/rss10k.$r" tests/bench/peers.sh --rss 10000-services "$tmp/big.cfg"
		sed "s/^/rss	/" "$tmp/rss10k.$r" >>"$tmp/micro.raw"
	fi
done

# ---- end to end --------------------------------------------------------------

run_part peers 1500 "$tmp/peers" tests/bench/peers.sh
[ -f tests/bench/kannel.sh ] && run_part kannel 1200 "$tmp/kannel" bash tests/bench/kannel.sh && cat "$tmp/kannel" >>"$tmp/peers"
touch "$tmp/micro.raw"

# ---- the poll loop under load, and several modems (one run each) -------------

if [ -f tests/bench/loop.sh ]; then
	run_part loop 2400 "$tmp/loop" bash tests/bench/loop.sh
fi

# ---- the table ---------------------------------------------------------------

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
debian=$(cat /etc/debian_version 2>/dev/null || echo "not Debian")
{
	echo "smsdesk $(cat VERSION 2>/dev/null || echo '?') benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "machine: $(nproc) CPUs, ${cpu:-unknown CPU}, Debian $debian, $(uname -r)"
	echo
	echo "Micro-benchmarks: median of the repeated runs [min-max]"
	awk -F '\t' -f tests/bench/fold_micro.awk "$tmp/micro.raw"
	echo
	echo "End to end on the simulated modem (tests/tools/simctl): latency is from"
	echo "the inquiry's arrival in the modem (+CMTI) to the reply's AT+CMGS being"
	echo "accepted; median, p95 and max over n inquiries sent one at a time;"
	echo "burst: B inquiries delivered at once, first arrival to last reply;"
	echo "CPU: user+system of the daemon and its reaped children over the whole"
	echo "run (idle time included) per reply; RSS: peak, summed over the daemon's"
	echo "processes. x: the peer's figure divided by smsdesk's (same profile)."
	echo "Rows *-default ran alongside the others (they sleep between polls)."
	awk -f tests/bench/fold_e2e.awk "$tmp/peers"
	if [ -f "$tmp/loop" ]; then
		echo
		echo "Poll loop and several modems (tests/bench/loop.sh, one run each):"
		echo "loop stall: the longest pass from poll() returning to the next poll()"
		echo "(the time the modems waited for the daemon) while customers text, alone"
		echo "and with another process holding the database's write lock; burst: first"
		echo "delivery to the last reply's AT+CMGS accepted, inquiries shared evenly"
		echo "between the modems."
		sed 's/^bench: /  /' "$tmp/loop"
	fi
} >"$tmp/table"
cp "$tmp/table" "$out/latest.txt"
cat "$out/latest.txt"
