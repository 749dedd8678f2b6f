#!/bin/sh
# What each program links: the daemon binary holds no simulated modem (it
# once shipped 22 sim_* functions), the demo program does, and a unit test
# holds only the modules it calls — no test rig, no simulated modem.
. "$SMSDESK_SRC/tests/e2e/lib.sh"

bin_dir=$(dirname "$SMSDESK_BIN")
# Defined functions (text symbols) whose names start with PREFIX.
defined() { nm --defined-only "$1" 2>/dev/null | grep -c " T $2" ; }

t_begin "smsdesk links no simulated modem"
if ! command -v nm >/dev/null 2>&1; then t_skip "no nm"; fi
t_eq "$(defined "$SMSDESK_BIN" sim_)" 0
t_eq "$(defined "$SMSDESK_BIN" sx_)" 0
t_end

t_begin "smsdesk-demo, beside it, holds the simulated modem"
t_eq "$([ -x "$bin_dir/smsdesk-demo" ] && echo yes)" yes
t_eq "$(defined "$bin_dir/smsdesk-demo" sim_new)" 1
t_end

t_begin "unit tests link neither the rig nor the simulated modem"
n=0
for t in "$bin_dir"/tests/unit/test_*; do
	case "$t" in *.o | *.d) continue ;; esac
	[ -x "$t" ] || continue
	n=$((n + 1))
	for p in sim_ sx_ rig_; do
		c=$(defined "$t" "$p")
		[ "$c" = 0 ] || t_fail "$(basename "$t") defines $c ${p}* functions"
	done
done
t_eq "$([ "$n" -gt 0 ] && echo some)" some
t_end

t_begin "test_at holds at and nothing of the modem, serial or store"
t="$bin_dir/tests/unit/test_at"
t_eq "$(defined "$t" at_feed)" 1
t_eq "$(defined "$t" modem_)" 0
t_eq "$(defined "$t" serial_)" 0
t_eq "$(defined "$t" store_)" 0
t_end

t_done
