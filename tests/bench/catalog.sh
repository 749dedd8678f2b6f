#!/bin/sh
# Catalog benchmark for `make bench`: load+validate time of a generated
# 10,000-service, 1,000-referral catalog (median of several loads, in one
# process and as `smsdesk check`), fuzzy lookup time, and - when valgrind is
# installed - instructions per lookup counted by callgrind.
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
cd "$src"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

make -s --no-print-directory smsdesk
libs=$(pkg-config --libs libconfig 2>/dev/null || echo -lconfig)
cc -std=c11 -O2 -g -Iinclude -D_GNU_SOURCE -o "$tmp/catalog_lookup" \
	tests/bench/catalog_lookup.c build/rel/libsmsdesk.a \
	$(pkg-config --libs libserialport sqlite3 libmicrohttpd libcurl libcrypto 2>/dev/null) $libs -lutil -lm

tests/bench/gen_catalog.sh "$tmp/big.cfg" 10000 1000 100
echo "== catalog ($(wc -c <"$tmp/big.cfg") bytes, $(wc -l <"$tmp/big.cfg") lines)"
"$tmp/catalog_lookup" "$tmp/big.cfg" 7 20000

# The same load through the command staff run, process start included.
runs=""
for i in 1 2 3 4 5; do
	t0=$(date +%s%N)
	./smsdesk check -c "$tmp/big.cfg"
	t1=$(date +%s%N)
	runs="$runs $(((t1 - t0) / 1000000))"
done
echo "smsdesk check: median $(printf '%s\n' $runs | sort -n | sed -n 3p) ms (runs:$runs ms)"

if command -v valgrind >/dev/null 2>&1; then
	n=2000
	valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" \
		--collect-atstart=no --toggle-collect=catalog_lookup \
		"$tmp/catalog_lookup" "$tmp/big.cfg" 1 $n >/dev/null 2>"$tmp/cg.log"
	ir=$(sed -n 's/^summary: *\([0-9]*\).*/\1/p' "$tmp/cg.out")
	echo "fuzzy lookup: $((ir / n)) instructions each (callgrind, $n lookups)"
else
	echo "fuzzy lookup: instructions not counted (valgrind not installed)"
fi
