#!/bin/sh
# Codec micro-benchmark: decode and encode throughput (messages per second)
# and callgrind instructions per message, for a 160-character GSM-7 text
# and a 70-character UCS-2 text (one full segment each). The decode case
# is what the daemon does per received SMS-DELIVER (auto-detecting the
# SMSC prefix); the encode case is one SMS-SUBMIT for AT+CMGS.
#
# Run from the repository root after `make` (it links build/rel's library);
# valgrind comes with `make bench`'s dependencies. Builds its own small
# program, tests/bench/codec_bench.c, into build/bench/.
set -eu

lib=build/rel/libsmsdesk.a
if [ ! -f "$lib" ]; then
	echo "codec.sh: $lib missing: run make first" >&2
	exit 1
fi
mkdir -p build/bench
bin=build/bench/codec_bench
${CC:-cc} -std=c11 -O2 -g -Iinclude -D_GNU_SOURCE -o "$bin" \
	tests/bench/codec_bench.c "$lib"

ITER=${CODEC_BENCH_ITER:-200000}  # timing loop
CG_ITER=${CODEC_BENCH_CG_ITER:-2000} # callgrind loop

# Instructions of one run under callgrind ("Collected : N").
instructions() {
	valgrind --tool=callgrind --callgrind-out-file=/dev/null \
		"$bin" "$1" "$2" 2>&1 >/dev/null |
		sed -n 's/.*Collected : *\([0-9]*\).*/\1/p'
}

printf '%-22s %14s %12s\n' "codec" "msgs/s" "Ir/msg"
for case in decode-gsm7 encode-gsm7 decode-ucs2 encode-ucs2; do
	rate=$("$bin" "$case" "$ITER")
	if command -v valgrind >/dev/null 2>&1; then
		base=$(instructions "$case" 0)
		full=$(instructions "$case" "$CG_ITER")
		ir=$(( (full - base) / CG_ITER ))
	else
		ir="n/a"
	fi
	case $case in
	*gsm7) label="$case (160 ch)" ;;
	*) label="$case (70 ch)" ;;
	esac
	printf '%-22s %14s %12s\n' "$label" "$rate" "$ir"
done
