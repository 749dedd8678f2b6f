#!/bin/sh
# Desk benchmark for `make bench`: callgrind instructions per answered
# inquiry (desk_answer inclusive: inquiry, when, store reads and writes) on
# the example catalog and on a generated 10,000-service catalog.
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
cd "$src"
tmp=$(mktemp -d /tmp/smsdesk-bench-desk.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

make -s --no-print-directory smsdesk
cc -std=c11 -O2 -g -Iinclude -D_GNU_SOURCE -o "$tmp/desk_bench" \
	tests/bench/desk_bench.c build/rel/libsmsdesk.a \
	$(pkg-config --libs libserialport sqlite3 libconfig libmicrohttpd libcurl libcrypto 2>/dev/null) \
	-lutil -lm
tests/bench/gen_catalog.sh "$tmp/big.cfg" 10000 1000 100

n=${DESK_BENCH_N:-400}
for which in example big; do
	case $which in
	example) cfg=conf/smsdesk.cfg name="example catalog" ;;
	big) cfg=$tmp/big.cfg name="10,000-service catalog" ;;
	esac
	rm -f "$tmp/$which.db"*
	if command -v valgrind >/dev/null 2>&1; then
		valgrind --tool=callgrind --callgrind-out-file="$tmp/$which.cg" \
			--collect-atstart=no --toggle-collect=desk_answer \
			"$tmp/desk_bench" "$cfg" "$tmp/$which.db" "$n" \
			>"$tmp/$which.out" 2>"$tmp/$which.log"
		ir=$(sed -n 's/^summary: *\([0-9]*\).*/\1/p' "$tmp/$which.cg")
		echo "bench: desk inquiry ($name): $((ir / n)) instructions"
	else
		"$tmp/desk_bench" "$cfg" "$tmp/$which.db" "$n" >/dev/null
		echo "desk inquiry ($name): instructions not counted (valgrind not installed)"
	fi
done
