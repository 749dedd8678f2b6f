#!/bin/sh
# Install the Debian packages a make target needs, and nothing else.
#
# usage: scripts/deps.sh GROUP...   (groups: build test fuzz bench)
#
# Runs on every `make check` / `make demo`, so the common case (everything
# present) must be quick and silent: one dpkg-query for all packages.
set -eu

pkgs_build="gcc make pkg-config libc6-dev libserialport-dev libsqlite3-dev libconfig-dev libmicrohttpd-dev libcurl4-openssl-dev libssl-dev tzdata"
pkgs_test="sqlite3 socat gammu python3-gammu procps systemd util-linux kannel kannel-extras curl python3 jq chromium"
pkgs_fuzz="clang libclang-rt-14-dev"
pkgs_bench="valgrind gammu-smsd smstools procps"

want=""
for group in "$@"; do
	case "$group" in
	build) want="$want $pkgs_build" ;;
	test) want="$want $pkgs_test" ;;
	fuzz) want="$want $pkgs_fuzz" ;;
	bench) want="$want $pkgs_bench" ;;
	*) echo "deps.sh: unknown group '$group'" >&2; exit 2 ;;
	esac
done

if ! command -v dpkg-query >/dev/null 2>&1; then
	# Not Debian: trust pkg-config for the libraries and say what we need.
	for lib in libserialport sqlite3 libconfig libmicrohttpd libcurl; do
		if ! pkg-config --exists "$lib" 2>/dev/null; then
			echo "smsdesk needs the $lib development files; install them with your package manager" >&2
			exit 1
		fi
	done
	exit 0
fi

missing=""
for p in $want; do
	case " $missing " in *" $p "*) continue ;; esac
	status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)
	case "$status" in
	ii*) ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0

echo "smsdesk: installing missing packages:$missing" >&2
if [ "$(id -u)" = 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	sudo="sudo -n"
else
	echo "smsdesk: cannot install$missing: not root and no password-less sudo." >&2
	echo "smsdesk: run: sudo apt-get install$missing" >&2
	exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# smstools starts a service on install; in a container that may fail harmlessly.
if ! $sudo apt-get install -y -q --no-install-recommends $missing >/tmp/smsdesk-apt.$$ 2>&1; then
	$sudo apt-get update -q >/dev/null 2>&1 || true
	if ! $sudo apt-get install -y -q --no-install-recommends $missing >/tmp/smsdesk-apt.$$ 2>&1; then
		tail -n 20 /tmp/smsdesk-apt.$$ >&2
		rm -f /tmp/smsdesk-apt.$$
		echo "smsdesk: apt-get could not install:$missing" >&2
		exit 1
	fi
fi
rm -f /tmp/smsdesk-apt.$$
exit 0
