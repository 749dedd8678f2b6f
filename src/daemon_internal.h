/*
 * daemon_internal: what the daemon's files share and nobody else may see —
 * the constants that tie the loop's timings together, struct daemon and
 * struct dmodem, and the calls between daemon.c (the loop, start, stop,
 * signals, timers, answering), daemon_send.c (handing the outbox's parts to
 * the modems, and stopping between messages, never inside one) and
 * daemon_watch.c (what a long-running process must keep an eye on: its run
 * lock, the database file, the wall clock, the loop's own stalls). Include
 * it only from src/daemon*.c.
 */
#ifndef SMSDESK_DAEMON_INTERNAL_H
#define SMSDESK_DAEMON_INTERNAL_H

#include "smsdesk/daemon.h"
#include "smsdesk/modem.h"
#include "smsdesk/outbox.h"
#include "smsdesk/wallclock.h"

#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#define MAX_MODEMS 8
#define MAX_KANNEL 8
/* Parts of a long text usually arrive within seconds; give late networks
 * three minutes before answering what arrived. */
#define CONCAT_EXPIRY_MS (3 * 60 * 1000)
/* `smsdesk send` writes the outbox from another process: look every second. */
#define OUTBOX_POLL_MS	 1000
#define REMINDER_POLL_MS (60 * 1000)
/* Texts handed to a person and held (closed, limits) are looked at this
 * often: a forward goes within seconds of the opening. */
#define HANDOFF_RELEASE_MS (10 * 1000)
/* A modem down this long lets the others carry its replies. */
#define FAILOVER_MS (60 * 1000)
/*
 * Stopping (SIGTERM): no new message is started; the one on the wire is
 * finished, all its parts. A part gets SEND_TIMEOUT_MS (AT+CMGS may take a
 * minute: SIM800 manual "Max Response Time" 60 s; 27.005 allows it), and
 * another part is started only while that much of the grace remains, so
 * every part started has resolved before the grace ends and nothing is
 * left "sending" for the next start to send again. conf/smsdesk.service's
 * TimeoutStopSec (135 s) is this grace plus time to close: keep them
 * together.
 */
#define SEND_TIMEOUT_MS (65 * 1000)
#define STOP_GRACE_MS	(120 * 1000)
/*
 * The loop never waits long for the database: another process holding the
 * write lock (`smsdesk send`, a report, a backup) makes the calls of one
 * pass give up after LOOP_BUSY_MS in all (store_set_busy_budget, reset at
 * each pass) with STORE_ERR_BUSY, and what failed is tried again
 * from a timer — answering here (from ANSWER_RETRY_MIN_MS, doubling), a
 * send's result in the outbox (outbox_tick), a received text's commit in
 * inbound (INBOUND_RETRY_MS; its text stays on the SIM meanwhile). Start-up
 * (migrations, recovery) keeps the store's 5 s: nothing waits on it yet.
 * The FULL sync of each commit stays inside the loop: a text is deleted
 * from the SIM only once its commit is on disk (Invariant 1), and a sync
 * costs milliseconds, not seconds. make bench measures the longest pass.
 */
#define LOOP_BUSY_MS	     50
#define ANSWER_RETRY_MIN_MS  100
#define ANSWER_RETRY_MAX_MS  5000
#define INBOUND_RETRY_MS     1000
#define OUTBOX_BUSY_RETRY_MS 200
/* How often the database file's identity and the wall clock are checked. */
#define DB_WATCH_MS 1000

struct daemon;

struct dmodem {
	struct daemon *d;
	char name[128]; /* the device path; the store's modem id */
	struct modem *m;
	int64_t part_id;       /* outbox part on the wire, 0 when none */
	struct outbox_job job; /* that part, for outbox_sent/failed */
	/* The message of the last part started, and whether parts of it are
	 * still to go (a stop finishes it). */
	int64_t msg_id;
	int msg_unfinished;
	int finishing; /* stopping, and waiting out the send gap to go on */
	int64_t next_send_ms;
	int64_t down_since_ms; /* 0 while ready */
};

struct kannel;

struct daemon {
	const struct daemon_options *opt;
	const char *config_path;
	struct catalog *cat;
	struct runlock *lock; /* the database's: held from before opening it */
	struct store *st;
	struct outbox *ob;
	struct health *health; /* systemd's notify, the heartbeat (health.h) */
	char db_path[4096];    /* a copy: a reload frees the catalog's */
	dev_t db_dev; /* the file opened, to notice it removed or replaced */
	ino_t db_ino;
	int64_t next_db_watch_ms;
	struct inbound *in;
	struct dmodem modems[MAX_MODEMS];
	size_t n_modems;
	struct kannel *kannel[MAX_KANNEL]; /* Kannel bearers (kannel.h) */
	size_t n_kannel;
	int sigfd;
	struct wallclock clock; /* the desk's: the wall clock, or --now on */
	int64_t clock_shift;	/* a step not yet applied to the waits */
	int stopping;
	int64_t stop_deadline;
	int64_t next_outbox_ms, next_reminder_ms, next_unanswered_ms;
	int64_t answer_backoff_ms; /* 0 while answering works */
	int recover_pending;	   /* start-up recovery not yet done */
	int64_t next_prune_ms; /* retention (privacy.h): at start, then daily */
	int64_t next_release_ms; /* held handoffs (handoff.h) */
	/* Something may be ready to send: a reply was queued, a send ended, a
	 * modem came up, or the periodic look for `smsdesk send`'s texts.
	 * The outbox is read only then, not on every byte from a modem. */
	int outbox_dirty;
	/* The longest time from poll() returning to the next poll() call:
	 * how long the modems waited for us (make bench reads it from the
	 * "loop:" line logged at stop). */
	int64_t longest_us, iterations;
};

static inline int64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The earlier of two deadlines; a negative one is none. */
static inline int64_t earliest(int64_t a, int64_t b)
{
	if (a < 0)
		return b;
	if (b < 0)
		return a;
	return a < b ? a : b;
}

/* The machine's clock, for what another process compares with its own
 * (the heartbeat `smsdesk status` reads), never the desk's --now. */
static inline int64_t real_now(void)
{
	return (int64_t)time(NULL);
}

/* The desk's clock: the wall clock (or --now running on with it). */
static inline int64_t wall_now(const struct daemon *d)
{
	return wallclock_now(&d->clock);
}

/* ---- daemon_send.c ---- */

/* Hand DM the next part due, if it is free (stopping: only the rest of the
 * message it is sending). */
void daemon_pump(struct daemon *d, struct dmodem *dm, int64_t now_ms);
/* The modem callbacks for a send's result and a change of state. */
void daemon_on_send_result(void *ctx, const struct modem_send_result *res);
void daemon_on_state(void *ctx, enum modem_state state, const char *reason);
/* Stopping: nothing on the wire, nothing about to go, nothing unrecorded. */
int daemon_idle_for_stop(const struct daemon *d);
/*
 * The catalog's Kannel bearers (kannel.h), each listening for its smsbox;
 * answer is called for each text committed. Returns 0, or -1 (logged).
 */
int daemon_add_kannel(struct daemon *d, void (*answer)(void *, int64_t));

/* ---- daemon_watch.c ---- */

/* Before the database is opened: its run lock, and who holds the devices.
 * CLI_OK, or the exit code to stop with. */
int daemon_take_locks(struct daemon *d, const char *db);
/* Put back what a crash left "sending" (again each second until done). */
void daemon_recover(struct daemon *d);
/* Once a second from the loop: the wall clock's steps, the recovery still
 * to do, the database file and the lock file. CLI_OK, or the exit code to
 * stop with. */
int daemon_watch(struct daemon *d, int64_t now_ms);
/* Microseconds on the monotonic clock. */
int64_t daemon_mono_us(void);
/* One pass of the loop took from SINCE_US until now: keep the longest. */
void daemon_note_pass(struct daemon *d, int64_t since_us);

#endif
