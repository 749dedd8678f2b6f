#!/bin/bash
# loop.sh: the daemon's poll loop under load, for `make bench` (run.sh).
#
#   tests/bench/loop.sh [stall] [burst]     (default: both)
#
# stall: the longest poll-loop pass (from poll() returning to the next
#   poll(): how long the modems wait for the daemon), read from the
#   "loop: longest pass" line smsdesk serve logs when it stops. Measured on
#   one simulated modem (profile zero) while customers text, once alone and
#   once with a competing writer (tests/tools/dbhog) holding the database's
#   write lock HOLD ms of every HOLD+PAUSE ms, as a backup or a staff
#   command can.
# burst: BURST inquiries (default 200) delivered at once across 1, 2 and 4
#   simulated modems with the `realistic` profile (AT+CMGS takes 2.5 s), each
#   modem getting its share; the time from the first delivery to the last
#   reply's AT+CMGS accepted, polled every 50 ms. Replies leave from the
#   modem the text came in on, so the time should fall with the number of
#   modems.
#
# Output, for run.sh (and readable as it is):
#   bench: NAME: VALUE UNIT
# plus "bench: NAME: failed (...)" when a run did not finish.
#
# Counts: BENCH_STALL_N (inquiries during each stall run, default 40),
# BENCH_HOLD_MS (2000), BENCH_PAUSE_MS (1000), BENCH_BURST (200),
# BENCH_MODEMS ("1 2 4"). Every wait is bounded; every process started is
# stopped on exit.
set -euo pipefail

src=$(cd "$(dirname "$0")/../.." && pwd)
cd "$src"
SMSDESK_BIN=${SMSDESK_BIN:-$src/smsdesk}
SIMCTL=${SIMCTL:-$src/build/rel/tests/tools/simctl}
DBHOG=${DBHOG:-$src/build/rel/tests/tools/dbhog}
stall_n=${BENCH_STALL_N:-40}
hold_ms=${BENCH_HOLD_MS:-2000}
pause_ms=${BENCH_PAUSE_MS:-1000}
burst=${BENCH_BURST:-200}
read -r -a modem_counts <<<"${BENCH_MODEMS:-1 2 4}"

tmp=$(mktemp -d /tmp/smsdesk-loop.XXXXXX)
pids=()
cleanup() {
	local p
	for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
	sleep 0.2
	for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

die() {
	echo "loop.sh: $*" >&2
	exit 1
}
[ -x "$SMSDESK_BIN" ] || die "no $SMSDESK_BIN (run make smsdesk)"
[ -x "$SIMCTL" ] || die "no $SIMCTL (run make tools)"
[ -x "$DBHOG" ] || die "no $DBHOG (run make tools)"

now_ms() { echo $((${EPOCHREALTIME/./} / 1000)); }

# conf/smsdesk.cfg with its modems list replaced by the given devices.
catalog() { # catalog OUT DEVICE...
	local out=$1 list="" d
	shift
	for d in "$@"; do
		list+="${list:+, }{ device = \"$d\"; baud = 115200; pin = \"\"; }"
	done
	awk -v list="$list" '
		/^modems = \(/ { print "modems = ( " list " );"; skip = 1; next }
		skip && /^\);/ { skip = 0; next }
		!skip { print }' conf/smsdesk.cfg >"$out"
}

# Simulated modems: sim_start DIR PROFILE starts one more; its commands go
# through a FIFO (fd in sim_fd[i]), its output to DIR/simI.out.
sim_fd=()
sim_out=()
sim_start() {
	local dir=$1 i=${#sim_fd[@]} fd
	mkfifo "$dir/sim$i.in"
	"$SIMCTL" --link "$dir/modem$i" --profile "$2" --capacity 400 \
		<"$dir/sim$i.in" >"$dir/sim$i.out" 2>"$dir/sim$i.err" &
	pids+=($!)
	exec {fd}>"$dir/sim$i.in"
	sim_fd+=("$fd")
	sim_out+=("$dir/sim$i.out")
	wait_for "ready" "$dir/sim$i.out" 1 10 || die "simctl did not start: $(cat "$dir/sim$i.err")"
}
sims_stop() {
	local fd
	for fd in "${sim_fd[@]}"; do
		echo quit >&"$fd" 2>/dev/null || true
		exec {fd}>&-
	done
	sim_fd=()
	sim_out=()
}

# wait_for PATTERN FILE COUNT SECONDS: until FILE has COUNT lines starting
# with PATTERN; 1 on time-out.
wait_for() {
	local until=$(($(now_ms) + $4 * 1000))
	while [ "$(grep -c "^$1" "$2" 2>/dev/null || true)" -lt "$3" ]; do
		[ "$(now_ms)" -lt "$until" ] || return 1
		sleep 0.05
	done
}
sent_total() {
	local f n=0 c
	for f in "${sim_out[@]}"; do
		c=$(grep -c '^sent ' "$f" 2>/dev/null || true)
		n=$((n + c))
	done
	echo "$n"
}

serve() { # serve DIR CATALOG: smsdesk serve in the background
	"$SMSDESK_BIN" serve -c "$2" --db "$1/smsdesk.db" 2>"$1/serve.log" &
	serve_pid=$!
	pids+=("$serve_pid")
}
serve_stop() { # SIGTERM, wait up to 20 s
	local i
	kill -TERM "$serve_pid" 2>/dev/null || true
	for ((i = 0; i < 400; i++)); do
		kill -0 "$serve_pid" 2>/dev/null || break
		sleep 0.05
	done
	kill -KILL "$serve_pid" 2>/dev/null || true
	wait "$serve_pid" 2>/dev/null || true
}

# ---- stall ------------------------------------------------------------------

stall_one() { # stall_one LABEL WITH_WRITER
	local dir=$tmp/stall-$1 i hog=0 longest
	mkdir -p "$dir"
	sim_start "$dir" zero
	catalog "$dir/smsdesk.cfg" "$dir/modem0"
	serve "$dir" "$dir/smsdesk.cfg"
	echo "text +447700940999 how much is a haircut" >&"${sim_fd[0]}"
	wait_for "sent " "${sim_out[0]}" 1 30 || { echo "bench: $2: failed (no first reply)"; serve_stop; sims_stop; return; }
	if [ "$2" = 1 ]; then
		"$DBHOG" "$dir/smsdesk.db" "$hold_ms" "$pause_ms" >"$dir/hog.out" 2>&1 &
		hog=$!
		pids+=("$hog")
		wait_for "holding" "$dir/hog.out" 1 10 || true
	fi
	for ((i = 0; i < stall_n; i++)); do
		echo "text +4477009$((41000 + i)) how much is a beard trim" >&"${sim_fd[0]}"
		sleep 0.1
	done
	wait_for "sent " "${sim_out[0]}" $((stall_n + 1)) $((stall_n * 2 + 30)) || true
	local answered=$(($(sent_total) - 1))
	[ "$hog" = 0 ] || kill -TERM "$hog" 2>/dev/null || true
	[ "$hog" = 0 ] || wait "$hog" 2>/dev/null || true
	serve_stop
	sims_stop
	longest=$(sed -n 's/.*loop: longest pass \([0-9.]*\) ms.*/\1/p' "$dir/serve.log" | tail -n 1)
	if [ -z "$longest" ]; then
		echo "bench: loop stall, $1: failed (no 'loop:' line; $(tail -n 1 "$dir/serve.log"))"
	else
		echo "bench: loop stall, $1: $longest ms"
	fi
	[ "$answered" -ge "$stall_n" ] || echo "bench: loop stall, $1: only $answered of $stall_n answered"
}

# ---- burst across modems ----------------------------------------------------

burst_one() { # burst_one MODEMS
	local m=$1 dir=$tmp/burst-$1 i devs=() t0 t1 limit warm
	mkdir -p "$dir"
	for ((i = 0; i < m; i++)); do
		sim_start "$dir" realistic
		devs+=("$dir/modem$i")
	done
	catalog "$dir/smsdesk.cfg" "${devs[@]}"
	serve "$dir" "$dir/smsdesk.cfg"
	# Warm-up: one inquiry per modem, answered, before the clock starts.
	for ((i = 0; i < m; i++)); do
		echo "text +4477009$((42000 + i)) how much is a haircut" >&"${sim_fd[$i]}"
	done
	for ((i = 0; i < m; i++)); do
		wait_for "sent " "${sim_out[$i]}" 1 60 || { echo "bench: burst $burst, $m modem(s): failed (warm-up)"; serve_stop; sims_stop; return; }
	done
	warm=$(sent_total)
	t0=$(now_ms)
	for ((i = 0; i < burst; i++)); do
		echo "text +4477009$((50000 + i)) how much is a beard trim" >&"${sim_fd[$((i % m))]}"
	done
	limit=$((t0 + (burst * 4 / m + 60) * 1000))
	while [ "$(sent_total)" -lt $((warm + burst)) ] && [ "$(now_ms)" -lt "$limit" ]; do
		sleep 0.05
	done
	t1=$(now_ms)
	local done_n=$(($(sent_total) - warm))
	serve_stop
	sims_stop
	if [ "$done_n" -lt "$burst" ]; then
		echo "bench: burst $burst realistic, $m modem(s): failed ($done_n of $burst answered in $(((t1 - t0) / 1000)) s)"
	else
		awk -v ms=$((t1 - t0)) -v m="$m" -v b="$burst" \
			'BEGIN { printf "bench: burst %d realistic, %d modem%s: %.1f s\n", b, m, m == 1 ? "" : "s", ms / 1000 }'
	fi
}

parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(stall burst)
for p in "${parts[@]}"; do
	case "$p" in
	stall)
		stall_one "no competing writer" 0
		stall_one "competing writer ${hold_ms}/$((hold_ms + pause_ms)) ms" 1
		;;
	burst)
		for m in "${modem_counts[@]}"; do burst_one "$m"; done
		;;
	*) die "unknown part $p" ;;
	esac
done
