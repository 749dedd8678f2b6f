#!/bin/sh
# smsdesk status as a member of the service's group sees it: the catalog and
# the database readable (0640, group), the directory not writable, so the
# reader can create no -shm file beside the database. It must say how things
# are, change nothing in the file, and leave nothing behind; the same for
# `smsdesk inbox`-style readers is not promised (they may upgrade a schema).
# The running daemon's side is in test_handoff.c (status against serve on
# the simulated modem).
. "$SMSDESK_SRC/tests/e2e/lib.sh"

tmp=$(mktemp -d /tmp/smsdesk-status.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
chmod 0755 "$tmp"
dir=$tmp/state
mkdir "$dir"
sed "s|^database = .*|database = \"$dir/smsdesk.db\";|" \
	"$SMSDESK_SRC/tests/data/e2e.cfg" | sed 's|@MODEMS@|{ device = "/dev/null"; }|' >"$tmp/smsdesk.cfg"
"$SMSDESK_BIN" try -c "$tmp/smsdesk.cfg" --db "$dir/smsdesk.db" \
	--now 2026-12-01T10:00 --from +447700900001 "hello" >/dev/null 2>&1

t_begin "status without a daemon, as the owner: leaves no file behind"
files=$(ls "$dir" | tr '\n' ' ')
out=$("$SMSDESK_BIN" status -c "$tmp/smsdesk.cfg" 2>&1)
t_eq "$?" 3
t_eq "$(ls "$dir" | tr '\n' ' ')" "$files"
t_contains "$out" "smsdesk serve: not running (no daemon has served"
t_contains "$out" "Last text in:  2026-12-01 10:00"
t_contains "$out" "Waiting for a person: 0"
t_end

t_begin "status as a group member who cannot write the directory"
if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null; then
	t_skip "needs root and setpriv to become another user"
else
	chgrp -R 65534 "$tmp/smsdesk.cfg" "$dir"
	chmod 0640 "$tmp/smsdesk.cfg" "$dir"/*
	chmod 0750 "$dir"
	before=$(cksum <"$dir/smsdesk.db")
	files=$(ls "$dir" | tr '\n' ' ')
	out=$(setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$SMSDESK_BIN" status -c "$tmp/smsdesk.cfg" 2>&1)
	t_eq "$?" 3
	t_contains "$out" "not running"
	t_lacks "$out" "readonly"
	t_eq "$(cksum <"$dir/smsdesk.db")" "$before"
	t_eq "$(ls "$dir" | tr '\n' ' ')" "$files"
fi
t_end

t_begin "status names a database that is not there"
out=$("$SMSDESK_BIN" status -c "$tmp/smsdesk.cfg" --db "$tmp/none.db" 2>&1)
t_eq "$?" 3
t_contains "$out" "no database at $tmp/none.db"
t_end

t_done
