/*
 * health: how the running daemon is, told to systemd and written down for
 * `smsdesk status` (issue 13, "a service that says how it is").
 *
 * To systemd it speaks the sd_notify protocol itself — one datagram per
 * message to the AF_UNIX socket named by $NOTIFY_SOCKET (a path, or
 * "@name" in the abstract namespace), newline-separated VAR=value lines
 * (sd_notify(3), "the protocol is stable"). Forty lines instead of a link
 * to libsystemd: the daemon runs the same with and without systemd, and
 * the build needs no other library. It says
 *
 *   READY=1          once a bearer (a modem, a Kannel link) is ready —
 *                    not before: a unit without a modem is not "active";
 *   STATUS=...       each bearer's state and signal, the queue, the texts
 *                    waiting for a person — at every change;
 *   WATCHDOG=1       every half $WATCHDOG_USEC, from the loop itself, so a
 *                    stuck loop gets the daemon restarted (WatchdogSec=);
 *   RELOADING=1, READY=1 around a catalog reload, STOPPING=1 at SIGTERM.
 *
 * For `smsdesk status` it keeps a heartbeat in the database (store.h: one
 * row, one per bearer): written at most every HEALTH_BEAT_MS, and within a
 * second of a change; status reads it without opening any port.
 *
 * It never reads the clock itself (times are passed in), never blocks (the
 * socket is non-blocking; a datagram that cannot go is dropped: the next
 * beat says it again) and never fails the daemon: a heartbeat the store
 * cannot take now is written at the next beat.
 */
#ifndef SMSDESK_HEALTH_H
#define SMSDESK_HEALTH_H

#include <stddef.h>
#include <stdint.h>

struct store;

/* The heartbeat's period; status calls one older than HEALTH_STALE_S
 * stale. */
#define HEALTH_BEAT_MS 10000
#define HEALTH_STALE_S 45

struct health_config {
	struct store *st; /* borrowed: outlives the health */
	const char *version;
	int64_t pid;
	int64_t started_at; /* UTC */
	/* The environment, for tests: NULL reads the process's own
	 * ($NOTIFY_SOCKET, $WATCHDOG_USEC, $WATCHDOG_PID). */
	const char *notify_socket;
	const char *watchdog_usec;
	const char *watchdog_pid;
};

struct health;

/* NULL when out of memory. Free with health_free (NULL is a no-op). */
struct health *health_new(const struct health_config *cfg);
void health_free(struct health *h);

/* Is there a systemd to tell (NOTIFY_SOCKET usable)? 1 or 0. */
int health_notifying(const struct health *h);

/*
 * What bearer i (0-based, in the daemon's order) is now: its name
 * ("/dev/ttyUSB2", "kannel:0"), kind ("modem", "kannel"), state ("ready",
 * "starting", "closed", "failed"), signal (AT+CSQ rssi 0..31, 99 or -1
 * unknown), registration (AT+CREG stat, -1 unknown) and a few words
 * (model, why it failed). A change is told at the next health_tick.
 */
void health_bearer(struct health *h, size_t i, const char *name,
		   const char *kind, const char *state, int rssi, int reg,
		   const char *detail, int64_t wall_now);

/* health_bearer for modem i as its driver sees it now (cheap: call it
 * every pass). */
struct modem;
void health_modem(struct health *h, size_t i, const char *name,
		  const struct modem *m, int64_t wall_now);

/* The same for a Kannel bearer: "ready" while it listens for its smsbox
 * (whether Kannel's own links are up is Kannel's to tell). */
struct kannel;
void health_kannel(struct health *h, size_t i, const struct kannel *k,
		   int64_t wall_now);

/* From the loop, every pass: READY, STATUS, WATCHDOG and the heartbeat
 * when each is due. desk_now is the desk's clock (what the day's counts
 * are about, pinned by --now); real_now is the machine's: the heartbeat
 * is stamped with it, since `smsdesk status` judges its age by its own
 * real clock, whatever the daemon's --now. */
void health_tick(struct health *h, int64_t now_ms, int64_t desk_now,
		 int64_t real_now);
/* When health_tick next has something to do (monotonic ms; for the poll
 * timeout), or -1 for nothing. */
int64_t health_next_deadline(const struct health *h);

/* Around a catalog reload (SIGHUP), and at SIGTERM. */
void health_reloading(struct health *h);
void health_reloaded(struct health *h);
void health_stopping(struct health *h);
/* The daemon stopped cleanly: the heartbeat says so. */
void health_stopped(struct health *h, int64_t wall_now);

/* "signal 18/31 (-77 dBm)", "no signal", "signal unknown". */
void health_signal_words(int rssi, char *out, size_t cap);
/* "home network", "roaming", "searching", "denied", "not registered",
 * "registration unknown". */
const char *health_reg_words(int reg);

#endif
