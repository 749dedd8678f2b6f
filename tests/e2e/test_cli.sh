#!/bin/sh
# The command-line contract: --help, --version, bad usage exits 2.
. "$SMSDESK_SRC/tests/e2e/lib.sh"

t_begin "smsdesk --help lists every subcommand"
out=$("$SMSDESK_BIN" --help); rc=$?
t_eq "$rc" 0
for c in serve check try demo bookings report send modem pdu; do
	t_contains "$out" "  $c "
done
t_end

t_begin "smsdesk --version prints the version"
out=$("$SMSDESK_BIN" --version); rc=$?
t_eq "$rc" 0
t_eq "$out" "smsdesk $(cat "$SMSDESK_SRC/VERSION")"
t_end

t_begin "unknown command exits 2 with a usage line"
err=$("$SMSDESK_BIN" nosuchcmd 2>&1 >/dev/null); rc=$?
t_eq "$rc" 2
t_contains "$err" "unknown command 'nosuchcmd'"
t_contains "$err" "usage:"
t_end

t_begin "no command exits 2"
"$SMSDESK_BIN" >/dev/null 2>&1; rc=$?
t_eq "$rc" 2
t_end

t_begin "every subcommand has --help"
for c in serve check try demo bookings report send modem pdu; do
	"$SMSDESK_BIN" "$c" --help >/dev/null 2>&1; rc=$?
	t_eq "$rc" 0
done
t_end

t_begin "the staff's subcommands share one option parser: help, bad usage"
for c in book cancel move block unblock forget export report inbox reply \
	bookings send status; do
	out=$("$SMSDESK_BIN" "$c" --help 2>&1); rc=$?
	t_eq "$rc" 0
	t_contains "$out" "usage: smsdesk $c"
	out=$("$SMSDESK_BIN" "$c" -h 2>&1); rc=$?
	t_eq "$rc" 0
	err=$("$SMSDESK_BIN" "$c" --no-such-option 2>&1 >/dev/null); rc=$?
	t_eq "$rc" 2
	t_contains "$err" "smsdesk $c: unknown option '--no-such-option'"
	t_contains "$err" "Try 'smsdesk $c --help'."
	err=$("$SMSDESK_BIN" "$c" --db 2>&1 >/dev/null); rc=$?
	t_eq "$rc" 2
	t_contains "$err" "smsdesk $c: --db needs a value"
done
t_end

t_begin "check, try, modem and serve use the same parser and messages"
for c in check try modem serve; do
	out=$("$SMSDESK_BIN" "$c" -h 2>&1); rc=$?
	t_eq "$rc" 0
	t_contains "$out" "usage: smsdesk $c"
	err=$("$SMSDESK_BIN" "$c" --no-such-option 2>&1 >/dev/null); rc=$?
	t_eq "$rc" 2
	t_contains "$err" "smsdesk $c: unknown option '--no-such-option'"
	err=$("$SMSDESK_BIN" "$c" --config 2>&1 >/dev/null); rc=$?
	t_eq "$rc" 2
	t_contains "$err" "smsdesk $c: --config needs a value"
done
for c in try serve; do
	err=$("$SMSDESK_BIN" "$c" --db 2>&1 >/dev/null); rc=$?
	t_eq "$rc" 2
	t_contains "$err" "smsdesk $c: --db needs a value"
done
err=$("$SMSDESK_BIN" serve -v -q 2>&1 >/dev/null); rc=$?
t_eq "$rc" 2
t_contains "$err" "-v and -q"
err=$("$SMSDESK_BIN" serve --part-wait 5s 2>&1 >/dev/null); rc=$?
t_eq "$rc" 2
t_contains "$err" "--part-wait wants seconds"
err=$("$SMSDESK_BIN" check -c "$SMSDESK_SRC/conf/smsdesk.cfg" extra 2>&1 >/dev/null); rc=$?
t_eq "$rc" 2
t_contains "$err" "unexpected argument 'extra'"
# try stops at its text: a "--db" inside the text is a word of it.
out=$("$SMSDESK_BIN" try -c "$SMSDESK_SRC/conf/smsdesk.cfg" --now 2026-12-02T10:00 \
	--from +447700900123 hi --db x 2>&1); rc=$?
t_eq "$rc" 0
t_end

t_begin "options may follow operands, except after reply's text"
cfg=$SMSDESK_SRC/conf/smsdesk.cfg
err=$("$SMSDESK_BIN" cancel ABCD -c "$cfg" --db /nonexistent/x.db 2>&1); rc=$?
t_eq "$rc" 1
t_contains "$err" "/nonexistent/x.db"
# reply stops at its first operand: "--db" below is text, not an option.
err=$("$SMSDESK_BIN" reply -c "$cfg" --db /nonexistent/y.db '#K7' --db x 2>&1); rc=$?
t_eq "$rc" 1
t_contains "$err" "/nonexistent/y.db"
t_end

t_begin "make install honours DESTDIR and PREFIX (dry run)"
out=$(make -s -n -C "$SMSDESK_SRC" install DESTDIR=/tmp/stage PREFIX=/opt/sd 2>&1)
t_contains "$out" "/tmp/stage/opt/sd/bin/smsdesk"
t_contains "$out" "/tmp/stage/etc/smsdesk"
t_contains "$out" "/tmp/stage/opt/sd/lib/systemd/system"
t_contains "$out" "/tmp/stage/opt/sd/share/man/man"
t_end

t_done
