#!/bin/sh
# Run every test program given, sum their "N passed, N failed" lines, and end
# with one such line for the whole suite. A program that dies without its
# summary (a sanitizer report, a crash) counts as one failure.
set -u
# A pointer to a local kept after its function returned (a use after
# return) is only caught with the fake stacks on; they cost little here.
# What a caller set is kept.
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_stack_use_after_return=1}
export ASAN_OPTIONS
passed=0 failed=0 skipped=0
for t in "$@"; do
	name=${t#*build/san/}
	out=$(mktemp)
	case "$t" in
	*.sh) sh "$t" >"$out" 2>&1 ;;
	*) "$t" >"$out" 2>&1 ;;
	esac
	rc=$?
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$out" | tail -n 1)
	if [ -z "$line" ]; then
		cat "$out"
		echo "FAIL $name: exited $rc without a summary"
		failed=$((failed + 1))
	else
		p=$(echo "$line" | sed -E 's/^([0-9]+) passed.*/\1/')
		f=$(echo "$line" | sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/')
		s=$(echo "$line" | sed -nE 's/.* ([0-9]+) skipped.*/\1/p')
		: "${s:=0}"
		if [ "$f" != 0 ] || [ "$rc" != 0 ]; then
			grep -v -E '^[0-9]+ passed, [0-9]+ failed' "$out"
			[ "$f" = 0 ] && f=1 && echo "FAIL $name: exited $rc"
		else
			grep -E '^skip ' "$out"
		fi
		printf '%-40s %s\n' "$name" "$line"
		passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
	fi
	rm -f "$out"
done
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
