#!/bin/sh
# The installed tree as a fresh machine gets it: `make install` into a
# DESTDIR, then the sysusers.d and tmpfiles.d files it installed applied to
# that root (what the package scripts, the next boot or `make install`
# itself as root do), then `smsdesk check` run as the service user (by its
# uid, with setpriv) must read the catalog — before, the catalog was left
# root:root 0640 and the unit could never start. Nothing outside the
# scratch directory is touched: no user is created on this machine.
. "$SMSDESK_SRC/tests/e2e/lib.sh"

tmp=$(mktemp -d /tmp/smsdesk-install.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
chmod 0755 "$tmp"
root=$tmp/root

t_begin "make install DESTDIR= puts the unit, sysusers.d and tmpfiles.d files in place"
out=$(make -s -C "$SMSDESK_SRC" install DESTDIR="$root" PREFIX=/usr \
	INSTALL_BIN="$SMSDESK_BIN" INSTALL_DEMO="$(dirname "$SMSDESK_BIN")/smsdesk-demo" 2>&1)
t_eq "$?" 0
for f in usr/bin/smsdesk usr/bin/smsdesk-demo etc/smsdesk/smsdesk.cfg \
	usr/lib/systemd/system/smsdesk.service \
	usr/lib/sysusers.d/smsdesk.conf usr/lib/tmpfiles.d/smsdesk.conf; do
	[ -f "$root/$f" ]
	t_eq "$f $?" "$f 0"
done
t_lacks "$(cat "$root/usr/lib/tmpfiles.d/smsdesk.conf")" "@SYSCONFDIR@"
t_lacks "$out" "systemd-sysusers /usr" # DESTDIR: nothing applied here
t_end

can_apply=yes
if [ "$(id -u)" != 0 ]; then
	can_apply="needs root (setpriv to the service user, chown in the root)"
else
	for tool in systemd-sysusers systemd-tmpfiles setpriv; do
		command -v "$tool" >/dev/null || can_apply="no $tool (scripts/deps.sh test installs it)"
	done
fi

t_begin "the service user reads the catalog and owns the state directory"
if [ "$can_apply" != yes ]; then
	t_skip "$can_apply"
else
	systemd-sysusers --root="$root" >/dev/null 2>&1
	t_eq "sysusers $?" "sysusers 0"
	uid=$(awk -F: '$1 == "smsdesk" { print $3 }' "$root/etc/passwd")
	gid=$(awk -F: '$1 == "smsdesk" { print $4 }' "$root/etc/passwd")
	t_contains "uid=$uid gid=$gid" "uid=${uid:-none}"
	systemd-tmpfiles --root="$root" --create >/dev/null 2>&1
	t_eq "tmpfiles $?" "tmpfiles 0"
	t_eq "$(stat -c '%u:%g %a' "$root/etc/smsdesk/smsdesk.cfg")" "0:$gid 640"
	t_eq "$(stat -c '%u:%g %a' "$root/var/lib/smsdesk")" "$uid:$gid 750"
	out=$(setpriv --reuid="$uid" --regid="$gid" --clear-groups \
		"$root/usr/bin/smsdesk" check -c "$root/etc/smsdesk/smsdesk.cfg" 2>&1)
	t_eq "check as smsdesk: $? $out" "check as smsdesk: 0 "
	setpriv --reuid="$uid" --regid="$gid" --clear-groups \
		touch "$root/var/lib/smsdesk/smsdesk.db.lock"
	t_eq "state dir writable: $?" "state dir writable: 0"
	# Anyone else: not even the catalog (it holds the SIM's PIN).
	out=$(setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$root/usr/bin/smsdesk" check -c "$root/etc/smsdesk/smsdesk.cfg" 2>&1)
	t_eq "check as nobody: $?" "check as nobody: 1"
	t_contains "$out" "Permission denied"
fi
t_end

t_begin "systemd-analyze verify accepts the installed unit"
if ! command -v systemd-analyze >/dev/null; then
	t_skip "no systemd-analyze (scripts/deps.sh test installs it)"
else
	# verify checks that the programs exist: point them into the root.
	sed "s|/usr/bin/smsdesk|$root/usr/bin/smsdesk|g" \
		"$root/usr/lib/systemd/system/smsdesk.service" >"$tmp/smsdesk.service"
	out=$(systemd-analyze verify --man=no "$tmp/smsdesk.service" 2>&1)
	t_eq "verify: $? $out" "verify: 0 "
	unit=$(cat "$root/usr/lib/systemd/system/smsdesk.service")
	t_contains "$unit" "After=time-sync.target"
	t_contains "$unit" "RestartPreventExitStatus=4 6"
	t_contains "$unit" "TimeoutStopSec=135"
	# a service that says how it is: ready only with a modem, a watchdog,
	# and a reload that checks the catalog before the daemon hears of it
	t_contains "$unit" "Type=notify"
	t_contains "$unit" "WatchdogSec="
	t_contains "$unit" "ExecReload=/usr/bin/smsdesk check -c /etc/smsdesk/smsdesk.cfg"
fi
t_end

t_done
