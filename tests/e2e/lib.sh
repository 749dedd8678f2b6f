# Shell twin of tests/harness.h for end-to-end scripts: t_begin/t_end around a
# case, t_eq/t_contains as checks, t_done prints "N passed, N failed".
# SMSDESK_BIN and SMSDESK_SRC are set by `make check` (tests/run.sh).
: "${SMSDESK_BIN:?run through make check}"
: "${SMSDESK_SRC:?run through make check}"
t_passed=0 t_failed=0 t_skipped=0 t_name="" t_bad=0 t_checks=0 t_skip=0
t_begin() { t_name=$1 t_bad=0 t_checks=0 t_skip=0; }
t_fail() { t_bad=1; echo "  $t_name: $*"; }
t_eq() {
	t_checks=$((t_checks + 1))
	[ "$1" = "$2" ] || t_fail "got '$1', want '$2'"
}
t_contains() {
	t_checks=$((t_checks + 1))
	case "$1" in *"$2"*) ;; *) t_fail "output lacks '$2': $1" ;; esac
}
t_lacks() {
	t_checks=$((t_checks + 1))
	case "$1" in *"$2"*) t_fail "output has '$2': $1" ;; esac
}
t_skip() { t_skip=1; echo "skip $t_name: $*"; }
t_end() {
	if [ "$t_skip" = 1 ]; then t_skipped=$((t_skipped + 1))
	elif [ "$t_bad" = 1 ]; then t_failed=$((t_failed + 1)); echo "FAIL $t_name"
	elif [ "$t_checks" = 0 ]; then t_failed=$((t_failed + 1)); echo "FAIL $t_name: checked nothing"
	else t_passed=$((t_passed + 1)); fi
}
t_done() {
	echo "$t_passed passed, $t_failed failed, $t_skipped skipped"
	[ "$t_failed" = 0 ]
	exit $?
}
