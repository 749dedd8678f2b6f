/*
 * wallclock: the desk's clock for `smsdesk serve` — what "today" and
 * "tomorrow" mean — and the noticing of steps in it.
 *
 * The desk reads the wall clock (CLOCK_REALTIME) every time, so a step
 * after start (NTP's first synchronisation on a box without a battery-backed
 * clock, an operator's `date -s`) is seen at once: "tomorrow" is the real
 * tomorrow. `--now` pins the clock at start and it then runs on with the
 * wall clock (it is an offset, so it steps with it too). Waits — retries,
 * backoff, expiry, reconnects — must not stretch or shrink with a step:
 * the daemon times them on the monotonic clock, and what is persisted as a
 * wall time is moved by the size of a step when one is noticed
 * (wallclock_step).
 *
 * A step is a change of more than WALLCLOCK_STEP_MS in the difference
 * between the wall clock and CLOCK_BOOTTIME (which, unlike
 * CLOCK_MONOTONIC, also counts a suspend: a box waking up is not a step).
 * NTP's slewing (at most 500 ppm) never adds up to a step between two
 * checks a second apart.
 *
 * For tests only, an offset file (serve --clock-offset-file) holds a number
 * of seconds added to the wall clock, read at start and at every check:
 * a test steps the clock by writing it. No environment variable is read.
 * This module never logs and never sleeps.
 */
#ifndef SMSDESK_WALLCLOCK_H
#define SMSDESK_WALLCLOCK_H

#include <stdint.h>

#define WALLCLOCK_STEP_MS 2000

struct wallclock {
	int64_t pin_offset;	 /* --now minus the wall clock at start */
	const char *offset_file; /* test hook, or NULL (borrowed) */
	int64_t test_offset;	 /* seconds, from offset_file */
	int64_t skew_ms;	 /* wall minus boottime at the last check */
};

/*
 * Start the clock. PINNED: the --now time (UTC epoch seconds), or -1 for
 * the real time. OFFSET_FILE: the test hook, or NULL.
 */
void wallclock_init(struct wallclock *c, int64_t pinned,
		    const char *offset_file);

/* The desk's now, UTC epoch seconds. */
int64_t wallclock_now(const struct wallclock *c);

/*
 * Look for a step since the last call (or init): returns its size in
 * seconds (positive: the clock went forward), 0 when none. Re-reads the
 * offset file first.
 */
int64_t wallclock_step(struct wallclock *c);

#endif
