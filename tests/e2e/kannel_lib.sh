# kannel_lib.sh: Debian's Kannel on loopback for tests/e2e/test_kannel.sh and
# tests/bench/kannel.sh (sourced; POSIX sh). The caller sets $tmp (a private
# directory), $pids (processes to stop on exit, appended to here) and
# $SMSDESK_SRC, and keeps its own trap.
#
# kannel_ports                 P_ADMIN P_BOX P_SEND P_DESK P_FAKE P_GATE: free
#                              loopback ports
# kannel_conf FILE [smpp]      conf/kannel.conf as the staff install it, with
#                              these ports, $tmp for logs and spools, the
#                              secrets below, retries every second instead of
#                              every 10, and a fake SMS centre on P_FAKE
#                              instead of the operator's link — or with
#                              "smpp", an SMPP link to drive_smpp on P_FAKE
#                              (see kannel_smpp_section)
# kannel_start                 bearerbox, then smsbox, each waited for
#                              (their pids in bearerbox_pid, smsbox_pid)
# wait_for SECONDS CMD...      CMD every 0.1 s until it succeeds (1: timeout;
#                              SECONDS of wall time, however slow CMD is)

KANNEL_TEST=${KANNEL_TEST:-/usr/lib/kannel/test}
KANNEL_SECRET=${KANNEL_SECRET:-kannel-shared-secret-$$-0123456789}
KANNEL_ADMIN_PASSWORD=kannel-test-admin
KANNEL_SENDSMS_PASSWORD=kannel-test-sendsms

wait_for() {
	_end=$(($(date +%s) + $1))
	shift
	while :; do
		if "$@" >/dev/null 2>&1; then return 0; fi
		[ "$(date +%s)" -lt "$_end" ] || return 1
		sleep 0.1
	done
}

kannel_ports() {
	eval "$(python3 - <<'EOF'
import socket
socks = []
for n in ["P_ADMIN", "P_BOX", "P_SEND", "P_DESK", "P_FAKE", "P_GATE"]:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
    print("%s=%d" % (n, s.getsockname()[1]))
EOF
)"
}

kannel_conf() {
	sed -e "s/^admin-port = 13000/admin-port = $P_ADMIN/" \
		-e "s/^smsbox-port = 13001/smsbox-port = $P_BOX/" \
		-e "s/^bearerbox-port = 13001/bearerbox-port = $P_BOX/" \
		-e "s/^sendsms-port = 13013/sendsms-port = $P_SEND/" \
		-e "s#127.0.0.1:13080/#127.0.0.1:$P_DESK/#" \
		-e "s#/var/log/kannel/#$tmp/#" \
		-e "s#/var/spool/kannel/#$tmp/#" \
		-e "s/CHANGE-this-admin-password/$KANNEL_ADMIN_PASSWORD/" \
		-e "s/CHANGE-this-sendsms-password/$KANNEL_SENDSMS_PASSWORD/" \
		-e "s/CHANGE-this-shared-secret/$KANNEL_SECRET/" \
		-e "s/^http-queue-delay = 10/http-queue-delay = 1/" \
		-e '/^# ---- SMS centre connections/,$d' \
		"$SMSDESK_SRC/conf/kannel.conf" >"$1"
	if [ "${2:-}" = smpp ]; then
		kannel_smpp_section "$1"
	else
		cat >>"$1" <<EOF
group = smsc
smsc = fake
smsc-id = fake
host = 127.0.0.1
port = $P_FAKE
connect-allow-ip = "127.0.0.1"
EOF
	fi
	mkdir -p "$tmp/dlr"
}

# Kannel's drive_smpp (kannel-extras) plays an SMSC on P_FAKE: it binds our
# bearerbox as transmitter and receiver (two smsc groups, one smsc-id, as
# its own test/drive_smpp.conf has them), sends N deliver_sm from "456" to
# "123" with the texts "1".."N", and logs each submit_sm it gets. It also
# connects to bearerbox as an smsbox of its own, on port 13001 always (so
# P_BOX must be 13001); an smsbox-route sends every text from the link to
# our smsbox instead. unified-prefix makes "456" a number the desk answers
# (+447700900456) rather than a short code it must not.
kannel_smpp_section() {
	sed -i -e 's/^group = core$/group = core\nunified-prefix = "+4477009004,4"/' \
		-e 's/^group = smsbox$/group = smsbox\nsmsbox-id = desk/' "$1"
	cat >>"$1" <<EOF
group = smsbox-route
smsbox-id = desk
smsc-id = smpp

group = smsc
smsc = smpp
smsc-id = smpp
host = 127.0.0.1
port = $P_FAKE
smsc-username = "smsdesk"
smsc-password = "test"
system-type = "VMA"
address-range = ""

group = smsc
smsc = smpp
smsc-id = smpp
host = 127.0.0.1
receive-port = $P_FAKE
smsc-username = "smsdesk"
smsc-password = "test"
system-type = "VMA"
address-range = ""
EOF
}

kannel_status() {
	curl -sf "http://127.0.0.1:$P_ADMIN/status.txt?password=$KANNEL_ADMIN_PASSWORD"
}

# The fake SMS centre is "online" once a client (fakesmsc) is connected.
kannel_smsc_online() { kannel_status | grep -q 'online'; }

kannel_start() {
	bearerbox -v 4 "$tmp/kannel.conf" >>"$tmp/bearerbox.out" 2>&1 &
	bearerbox_pid=$!
	pids="$pids $!"
	wait_for 20 kannel_status || {
		echo "bearerbox did not start: $(tail -n 5 "$tmp/bearerbox.out")"
		return 1
	}
	smsbox -v 4 "$tmp/kannel.conf" >>"$tmp/smsbox.out" 2>&1 &
	smsbox_pid=$!
	pids="$pids $!"
	wait_for 20 curl -s -o /dev/null "http://127.0.0.1:$P_SEND/" || {
		echo "smsbox did not start: $(tail -n 5 "$tmp/smsbox.out")"
		return 1
	}
}

# The e2e and bench catalog (tests/data/kannel-e2e.cfg) for this Kannel,
# sending through SENDSMS_PORT (P_SEND, or a gate in front of it).
kannel_catalog() { # kannel_catalog FILE DB SENDSMS_PORT
	sed -e "s#@DB@#$2#" -e "s#@LISTEN@#127.0.0.1:$P_DESK#" \
		-e "s#@SENDSMS@#http://127.0.0.1:$3/cgi-bin/sendsms#" \
		-e "s#@SECRET@#$KANNEL_SECRET#" \
		-e "s#@PASSWORD@#$KANNEL_SENDSMS_PASSWORD#" \
		"$SMSDESK_SRC/tests/data/kannel-e2e.cfg" >"$1"
	chmod 600 "$1"
}

# smsdesk's endpoint is up when it refuses a call without the secret.
kannel_desk_up() {
	[ "$(curl -s -o /dev/null -w '%{http_code}' \
		"http://127.0.0.1:$P_DESK/kannel/mo")" = 403 ]
}
