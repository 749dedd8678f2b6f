#!/bin/bash
# peers.sh: smsdesk against the SMS daemons people use today, on the same
# simulated modem (tests/tools/simctl), in one run.
#
#   tests/bench/peers.sh [SETUP...]     (default: all of them)
#
# Setups:
#   smsdesk           smsdesk serve with conf/smsdesk.cfg
#   gammu-default     gammu-smsd, files backend, RunOnReceive script that
#                     answers with gammu-smsd-inject; gammu's default timings
#   gammu-fast        the same with the fastest reasonable timings
#   smstools-default  smsd (SMS Server Tools 3) with an eventhandler that
#                     writes a reply file into the outgoing spool; defaults
#   smstools-fast     the same with the fastest reasonable timings
#
# For each setup and each sim profile (zero, realistic) it starts a fresh
# simctl and the daemon, sends one warm-up inquiry (not counted: it also
# waits out the daemon's start-up), then N inquiries one at a time (each from
# its own number, the next one only after the reply's AT+CMGS was accepted
# or the wait timed out), then a burst of B inquiries at once, waits for
# stragglers and duplicates, and stops the daemon. Latency is measured by the
# sim itself: from "delivered T" (the message is in the modem's storage and
# announced) to "sent ... T" (the reply's AT+CMGS accepted).
#
# Output: one line per setup and profile, for tests/bench/run.sh:
#   bench: e2e SETUP PROFILE: key=value ...
# keys: n (serial inquiries), lat_med lat_p95 lat_max (ms), burst_n,
# burst_ms (first burst arrival to last burst reply), replies, lost, dup,
# cpu_ms (user+system of the daemon and every child it reaped, whole run
# including idle time), rss_kb (sum of VmHWM over the daemon's processes at
# the end), wall_s, status (ok, or hung: the daemon stopped answering and
# the setup was abandoned).
#
# Counts can be changed through the environment: BENCH_N_<CLASS>_<PROFILE>
# and BENCH_B_<CLASS>_<PROFILE> with CLASS smsdesk/fast/default and PROFILE
# zero/realistic (e.g. BENCH_N_DEFAULT_ZERO=10). Every wait is bounded.
#
# Runs as root in a private temporary directory: no file under /etc is read
# or written, no system service is started, every process started here is
# stopped on exit (trap), also on errors.
set -euo pipefail

src=$(cd "$(dirname "$0")/../.." && pwd)
cd "$src"
SMSDESK_BIN=${SMSDESK_BIN:-$src/smsdesk}
SIMCTL=${SIMCTL:-$src/build/rel/tests/tools/simctl}

tmp=$(mktemp -d /tmp/smsdesk-peers.XXXXXX)
pids=()

cleanup() {
	local p
	for p in "${pids[@]}"; do
		kill -TERM "$p" 2>/dev/null || true
	done
	sleep 0.2
	for p in "${pids[@]}"; do
		kill -KILL "$p" 2>/dev/null || true
	done
	exec 3>&- 4<&- 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

die() {
	echo "peers.sh: $*" >&2
	exit 1
}

[ -x "$SMSDESK_BIN" ] || die "no $SMSDESK_BIN (run make smsdesk)"
[ -x "$SIMCTL" ] || die "no $SIMCTL (run make tools)"

# ---- counts and time limits -------------------------------------------------
#
# Default polling makes the peers take many seconds per message; to keep
# `make bench` under ~15 minutes their rows use fewer inquiries (the table
# shows n). With the realistic profile every AT+CMGS takes 2.5 s in the sim,
# so a burst costs at least 2.5 s per reply whoever drives the modem.

count() { # count N|B CLASS PROFILE DEFAULT
	local var="BENCH_$1_${2^^}_${3^^}"
	echo "${!var:-$4}"
}

setup_class() {
	case "$1" in
	smsdesk) echo smsdesk ;;
	*-fast) echo fast ;;
	*-default) echo default ;;
	*) die "unknown setup $1" ;;
	esac
}

# ---- the simulated modem ----------------------------------------------------

sim_start() { # sim_start DIR PROFILE
	local dir=$1 line
	mkfifo "$dir/sim.in" "$dir/sim.out"
	"$SIMCTL" --usec --link "$dir/modem" --profile "$2" --capacity 400 \
		<"$dir/sim.in" >"$dir/sim.out" 2>"$dir/sim.err" &
	pids+=($!)
	sim_pid=$!
	exec 3<>"$dir/sim.in" 4<>"$dir/sim.out"
	IFS= read -r -t 10 line <&4 || die "simctl did not start: $(cat "$dir/sim.err")"
	[[ $line == ready* ]] || die "simctl: $line"
	simlog=$dir/sim.log
	sent_seen=0
	: >"$simlog"
}

sim_stop() {
	echo quit >&3 || true
	wait_pid "$sim_pid" 5
	exec 3>&- 4<&-
}

now_us() { echo "${EPOCHREALTIME/./}"; }

# Read simctl's lines into the log until one matches the glob PATTERN or
# until DEADLINE (microseconds, as now_us) passes. Returns 1 on time-out.
# Counts the reply segments seen in sent_seen.
sim_expect() { # sim_expect PATTERN DEADLINE
	local line left
	while :; do
		left=$(($2 - $(now_us)))
		[ "$left" -le 0 ] && return 1
		IFS= read -r -t "$(printf '%d.%06d' $((left / 1000000)) $((left % 1000000)))" line <&4 || return 1
		echo "$line" >>"$simlog"
		[[ $line == "sent "* ]] && sent_seen=$((sent_seen + 1))
		# shellcheck disable=SC2053 # the pattern is a glob on purpose
		[[ $line == $1 ]] && return 0
	done
}

# Drain whatever simctl prints within SECONDS of silence.
sim_drain() { # sim_drain SECONDS
	local line
	while IFS= read -r -t "$1" line <&4; do
		echo "$line" >>"$simlog"
		[[ $line == "sent "* ]] && sent_seen=$((sent_seen + 1))
	done
	return 0
}

# The sender's number as it appears in an SMS-SUBMIT's destination address
# (semi-octets, digits swapped in pairs): how a reply is recognised.
semi_octets() {
	local d=$1 out="" i
	[ $((${#d} % 2)) = 1 ] && d="${d}F"
	for ((i = 0; i < ${#d}; i += 2)); do
		out+="${d:i+1:1}${d:i:1}"
	done
	echo "$out"
}

# Inquiries the example catalog answers in one SMS each; the peers answer
# everything with one fixed text.
questions=("how much is a haircut" "when are you open" "do you do beard trims" "price of a skin fade")

inquire() { # inquire KIND NUMBER INDEX
	echo "inq $1 $2" >>"$simlog"
	echo "text $2 ${questions[$(($3 % ${#questions[@]}))]}" >&3
}

# ---- running a daemon under a wrapper that reports its rusage ---------------

# bash's `times` reports the user and system time of every child the shell
# waited for, and those include the children's own reaped children: the
# fork-per-message scripts of the peers are counted when the peer reaps them.
wrap() { # wrap DIR CMD...
	local dir=$1
	shift
	bash -c 'out=$1; shift; "$@" >"$out.stdout" 2>"$out.stderr" & echo $! >"$out.pid"; wait $!; times >"$out.times"' \
		_ "$dir/daemon" "$@" &
	pids+=($!)
	wrap_pid=$!
	local i
	for ((i = 0; i < 100; i++)); do
		[ -s "$dir/daemon.pid" ] && break
		sleep 0.05
	done
	daemon_pid=$(cat "$dir/daemon.pid")
	pids+=("$daemon_pid")
}

descendants() { # descendants PID: PID and every process below it
	local p
	echo "$1"
	for p in $(ps -o pid= --ppid "$1" 2>/dev/null); do
		descendants "$p"
	done
}

peak_rss_kb() {
	local p sum=0 kb
	for p in $(descendants "$1"); do
		kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$p/status" 2>/dev/null || true)
		sum=$((sum + ${kb:-0}))
	done
	echo "$sum"
}

wait_pid() { # wait_pid PID SECONDS: 0 once gone, 1 if still there
	local i
	for ((i = 0; i < $2 * 20; i++)); do
		kill -0 "$1" 2>/dev/null || return 0
		sleep 0.05
	done
	return 1
}

daemon_stop() { # daemon_stop DIR: SIGTERM, then SIGKILL after 15 s
	kill -TERM "$daemon_pid" 2>/dev/null || true
	if ! wait_pid "$daemon_pid" 15; then
		echo "peers.sh: $setup did not stop on SIGTERM, killed" >&2
		pkill -KILL -P "$daemon_pid" 2>/dev/null || true
		kill -KILL "$daemon_pid" 2>/dev/null || true
	fi
	wait_pid "$wrap_pid" 5 || true
	wait "$wrap_pid" 2>/dev/null || true
}

# "0m1.234s 0m0.010s" (second line: children) -> milliseconds
cpu_ms_of() {
	awk 'NR == 2 {
		t = 0
		for (f = 1; f <= 2; f++) {
			split($f, a, /[ms]/)
			t += a[1] * 60000 + a[2] * 1000
		}
		printf "%d\n", t
	}' "$1"
}

# ---- the setups -------------------------------------------------------------

start_smsdesk() { # DIR
	wrap "$1" "$SMSDESK_BIN" serve -q -c "$src/conf/smsdesk.cfg" \
		--device "$1/modem" --db "$1/smsdesk.db"
}

# gammu-smsd as its manual suggests for an auto-responder: the files
# backend, and RunOnReceive running a script for each received message.
# The script gets the message in environment variables (SMS_1_NUMBER) and
# queues its answer with gammu-smsd-inject, which writes a file into the
# outbox directory; gammu-smsd sends it on its next outbox scan.
#
# Timing knobs (gammu-smsdrc(5)), default -> fast:
#   LoopSleep         1 s   -> 0    (sleep between main-loop rounds)
#   CommTimeout      30 s   -> 0    (outbox rescan when it was empty; also
#                                    how often incoming messages are polled)
#   ReceiveFrequency 15 s   -> 0    (incoming check while busy sending)
#   StatusFrequency  60 s   -> 0    (battery/signal refresh; 0 disables)
#   CheckSecurity/CheckBattery/CheckSignal/CheckNetwork 1 -> 0 (each costs
#                                    AT commands every round)
#   SendTimeout      30 s   (kept: only matters when a send fails)
start_gammu() { # DIR fast|default
	local dir=$1 g=$1/gammu
	mkdir -p "$g/inbox" "$g/outbox" "$g/sent" "$g/error"
	cat >"$g/on-receive.sh" <<-EOF
		#!/bin/sh
		# RunOnReceive: answer every inquiry with one text.
		exec gammu-smsd-inject -c "$g/smsdrc" TEXT "\$SMS_1_NUMBER" \\
		  -text "Thanks for your message. We are open Mon-Sat 9-18, call 01632 960123 to book."
	EOF
	chmod +x "$g/on-receive.sh"
	{
		echo "[gammu]"
		echo "device = $dir/modem"
		echo "connection = at115200"
		echo
		echo "[smsd]"
		echo "service = files"
		echo "inboxpath = $g/inbox/"
		echo "outboxpath = $g/outbox/"
		echo "sentsmspath = $g/sent/"
		echo "errorsmspath = $g/error/"
		echo "logfile = $g/smsd.log"
		echo "debuglevel = 0"
		echo "RunOnReceive = $g/on-receive.sh"
		if [ "$2" = fast ]; then
			echo "LoopSleep = 0"
			echo "CommTimeout = 0"
			echo "ReceiveFrequency = 0"
			echo "StatusFrequency = 0"
			echo "CheckSecurity = 0"
			echo "CheckBattery = 0"
			echo "CheckSignal = 0"
			echo "CheckNetwork = 0"
		fi
	} >"$g/smsdrc"
	wrap "$dir" gammu-smsd -c "$g/smsdrc"
}

# smsd from SMS Server Tools 3, in the foreground (-t) with its own config,
# spool directories, pid and info files. The eventhandler is called as
# "RECEIVED FILE" for each received message; it writes a reply file
# (To: header, blank line, text) into the outgoing spool - created under
# another name and renamed, so smsd never picks up half a file.
#
# Timing knobs (smsd.conf(5)), default -> fast:
#   delaytime              10 s -> 1  (modem process sleeps when idle; also
#                                      the period of the incoming check)
#   delaytime_mainprocess  (= delaytime) -> 1 (outgoing spool scan)
#   check_network           1 -> 0   (AT+CREG? before each round)
#   check_memory_method     1 (AT+CPMS?, kept: needed to notice arrivals)
#   trust_spool           yes (default: no extra second per file)
#   1 s is the smallest value: these settings are whole seconds.
start_smstools() { # DIR fast|default
	local dir=$1 s=$1/smstools
	mkdir -p "$s/outgoing" "$s/checked" "$s/incoming" "$s/sent" "$s/failed" "$s/tmp"
	cat >"$s/event.sh" <<-EOF
		#!/bin/sh
		# eventhandler: answer every received message with one text.
		[ "\$1" = RECEIVED ] || exit 0
		from=\$(sed -n 's/^From: //p' "\$2" | head -n 1)
		[ -n "\$from" ] || exit 0
		reply=\$(mktemp "$s/tmp/reply.XXXXXX")
		printf 'To: %s\n\n%s\n' "\$from" \\
		  "Thanks for your message. We are open Mon-Sat 9-18, call 01632 960123 to book." >"\$reply"
		mv "\$reply" "$s/outgoing/"
	EOF
	chmod +x "$s/event.sh"
	{
		echo "devices = GSM1"
		echo "logfile = $s/smsd.log"
		echo "loglevel = 5"
		echo "outgoing = $s/outgoing"
		echo "checked = $s/checked"
		echo "incoming = $s/incoming"
		echo "sent = $s/sent"
		echo "failed = $s/failed"
		echo "eventhandler = $s/event.sh"
		if [ "$2" = fast ]; then
			echo "delaytime = 1"
			echo "delaytime_mainprocess = 1"
		fi
		echo
		echo "[GSM1]"
		echo "device = $dir/modem"
		echo "incoming = yes"
		echo "baudrate = 115200"
		if [ "$2" = fast ]; then
			echo "check_network = 0"
		fi
	} >"$s/smsd.conf"
	wrap "$dir" smsd -t -c"$s/smsd.conf" -p"$s/smsd.pid" -i"$s/smsd.working"
}

start_setup() { # SETUP DIR
	case "$1" in
	smsdesk) start_smsdesk "$2" ;;
	gammu-default) start_gammu "$2" default ;;
	gammu-fast) start_gammu "$2" fast ;;
	smstools-default) start_smstools "$2" default ;;
	smstools-fast) start_smstools "$2" fast ;;
	esac
}

# ---- one measured run -------------------------------------------------------

# Per-message time-outs: a reply later than this counts as lost for pacing
# (it still counts as answered if it arrives before the end).
timeout_for() {
	case "$(setup_class "$1")" in
	smsdesk) echo 20 ;;
	fast) echo 30 ;;
	default) echo 90 ;;
	esac
}

run_one() { # run_one SETUP PROFILE
	setup=$1
	local profile=$2 class n b tmo dir i num enc deadline status=ok misses=0
	local t_start t_end
	class=$(setup_class "$setup")
	case "$class/$profile" in
	smsdesk/zero) n=$(count N smsdesk zero 50) b=$(count B smsdesk zero 100) ;;
	smsdesk/realistic) n=$(count N smsdesk realistic 20) b=$(count B smsdesk realistic 20) ;;
	fast/zero) n=$(count N fast zero 20) b=$(count B fast zero 50) ;;
	fast/realistic) n=$(count N fast realistic 10) b=$(count B fast realistic 10) ;;
	default/zero) n=$(count N default zero 5) b=$(count B default zero 10) ;;
	default/realistic) n=$(count N default realistic 3) b=$(count B default realistic 5) ;;
	esac
	tmo=$(timeout_for "$setup")
	dir=$tmp/$setup-$profile
	mkdir -p "$dir"
	t_start=$EPOCHREALTIME
	sim_start "$dir" "$profile"
	start_setup "$setup" "$dir"

	# Warm-up: waits out start-up (modem init, first poll), not counted.
	num=447700919999
	inquire warm "+$num" 0
	enc=$(semi_octets "$num")
	sim_expect "sent *$enc*" $(($(now_us) + tmo * 2000000)) || status=hung
	sleep 0.5

	for ((i = 0; i < n; i++)); do
		[ "$status" = ok ] || break
		num=$((447700910000 + i))
		enc=$(semi_octets "$num")
		inquire serial "+$num" "$i"
		if sim_expect "sent *$enc*" $(($(now_us) + tmo * 1000000)); then
			misses=0
			# One at a time means isolated: a pause of 0.3-0.8 s, random
			# so that the next arrival does not lock onto a peer's
			# polling phase, and longer than smsdesk's 250 ms gap
			# between two sends (a guard for real modems).
			sleep "0.$((RANDOM % 6 + 3))"
		else
			misses=$((misses + 1))
			[ "$misses" -ge 2 ] && status=hung
		fi
	done

	if [ "$status" = ok ]; then
		local before=$sent_seen per=2
		[ "$profile" = zero ] || per=5
		for ((i = 0; i < b; i++)); do
			inquire burst "+$((447700920000 + i))" "$i"
		done
		# Every reply within the per-message time-out, plus slack per reply.
		deadline=$(($(now_us) + (tmo + b * per) * 1000000))
		while [ $((sent_seen - before)) -lt "$b" ]; do
			sim_expect "sent *" "$deadline" || break
		done
	fi
	# Stragglers and duplicates: whatever comes within a quiet spell.
	case "$class" in
	smsdesk) sim_drain 2 ;;
	fast) sim_drain 4 ;;
	default) sim_drain 12 ;;
	esac

	local rss cpu
	rss=$(peak_rss_kb "$daemon_pid")
	daemon_stop "$dir"
	sim_stop
	cpu=$(cpu_ms_of "$dir/daemon.times" 2>/dev/null || echo 0)
	t_end=$EPOCHREALTIME
	awk -v setup="$setup" -v profile="$profile" -v status="$status" \
		-v cpu="$cpu" -v rss="$rss" -v n="$n" -v b="$b" \
		-v wall="$(awk -v a="$t_start" -v z="$t_end" 'BEGIN { printf "%.0f", z - a }')" \
		-f "$src/tests/bench/peers.awk" "$simlog"
	if [ "$status" != ok ]; then
		{
			echo "peers.sh: $setup/$profile: daemon stopped answering; last log lines:"
			tail -n 5 "$dir/daemon.stderr" "$dir"/*/smsd.log 2>/dev/null || true
		} >&2
	fi
	rm -rf "$dir"
}

# ---- peak RSS of smsdesk serve with a given catalog -------------------------

# Starts smsdesk serve with CATALOG on a fresh sim, has it answer a few
# inquiries (so the desk's lookups and the store have run), reads VmHWM.
rss_one() { # rss_one LABEL CATALOG
	local dir=$tmp/rss-$1 i rss status=ok
	setup=smsdesk
	mkdir -p "$dir"
	sim_start "$dir" zero
	wrap "$dir" "$SMSDESK_BIN" serve -q -c "$2" --device "$dir/modem" --db "$dir/smsdesk.db"
	for ((i = 0; i < 5; i++)); do
		inquire serial "+$((447700930000 + i))" "$i"
		sim_expect "sent *" $(($(now_us) + 60000000)) || { status=hung; break; }
	done
	rss=$(peak_rss_kb "$daemon_pid")
	daemon_stop "$dir"
	sim_stop
	echo "bench: rss $1: rss_kb=$rss status=$status"
	rm -rf "$dir"
}

# ---- main -------------------------------------------------------------------

if [ "${1:-}" = --rss ]; then
	[ $# = 3 ] || die "usage: peers.sh --rss LABEL CATALOG"
	rss_one "$2" "$3"
	exit 0
fi

setups=("$@")
[ ${#setups[@]} -gt 0 ] || setups=(smsdesk gammu-fast smstools-fast gammu-default smstools-default)
read -r -a profiles <<<"${BENCH_PROFILES:-zero realistic}"

for s in "${setups[@]}"; do
	case "$s" in
	gammu-*) command -v gammu-smsd >/dev/null || { scripts/deps.sh bench || die "cannot install gammu-smsd"; } ;;
	smstools-*) command -v smsd >/dev/null || { scripts/deps.sh bench || die "cannot install smstools"; } ;;
	esac
done

# Default-settings peers spend nearly all their time asleep between polls
# (their whole runs cost well under a second of CPU), so their runs, each
# with its own sim and spool, start first and go on in the background while
# the others are measured one at a time: that keeps `make bench` under
# 15 minutes without shortening the other rows.
parallel=()
serial=()
for p in "${profiles[@]}"; do
	for s in "${setups[@]}"; do
		if [ "$(setup_class "$s")" = default ]; then
			parallel+=("$s/$p")
		else
			serial+=("$s/$p")
		fi
	done
done

jobs_=()
for sp in "${parallel[@]}"; do
	(
		# shellcheck disable=SC2030 # the subshell's own processes
		pids=()
		trap 'for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null; done' EXIT
		trap 'exit 130' INT TERM
		run_one "${sp%/*}" "${sp#*/}" >"$tmp/${sp/\//-}.row"
	) &
	jobs_+=($!)
	# shellcheck disable=SC2031 # the parent's list: the subshells
	pids+=($!)
done
for sp in "${serial[@]}"; do
	run_one "${sp%/*}" "${sp#*/}"
done
for j in "${jobs_[@]}"; do
	wait "$j" || true
done
for sp in "${parallel[@]}"; do
	cat "$tmp/${sp/\//-}.row" 2>/dev/null ||
		echo "bench: e2e ${sp%/*} ${sp#*/}: status=failed"
done
