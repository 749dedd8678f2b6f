/*
 * daemon: the poll() loop of `smsdesk serve`. See daemon.h for its promises;
 * the comments here say why it is built the way it is.
 */
#include "smsdesk/daemon.h"

#include <stdio.h>
#include <string.h>

/* ---- the daemon ----------------------------------------------------- */

#include "smsdesk/answer.h"
#include "smsdesk/catalog.h"
#include "smsdesk/cli.h"
#include "smsdesk/desk.h"
#include "smsdesk/handoff.h"
#include "smsdesk/health.h"
#include "smsdesk/inbound.h"
#include "smsdesk/simlock.h"
#include "smsdesk/log.h"
#include "smsdesk/modem.h"
#include "smsdesk/outbox.h"
#include "smsdesk/privacy.h"
#include "smsdesk/runlock.h"
#include "smsdesk/wallclock.h"
#include "smsdesk/when.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_MODEMS 8
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
	int sigfd;
	struct wallclock clock; /* the desk's: the wall clock, or --now on */
	int64_t clock_shift;	/* a step not yet applied to the waits */
	int stopping;
	int64_t stop_deadline;
	int64_t next_outbox_ms, next_reminder_ms, next_unanswered_ms;
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

static int64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The desk's clock: the wall clock (or --now running on with it). */
static int64_t wall_now(const struct daemon *d)
{
	return wallclock_now(&d->clock);
}

/* ---- catalog ---- */

static struct catalog *load_catalog(const char *path)
{
	struct cat_diags diags = {0};
	struct catalog *cat = catalog_load(path, &diags);
	char line[512];

	for (size_t i = 0; i < diags.n; i++) {
		catalog_diag_format(path, &diags.v[i], line, sizeof(line));
		if (diags.v[i].warning)
			log_warn("%s", line);
		else
			log_error("%s", line);
	}
	catalog_diags_free(&diags);
	return cat;
}

static void reload_catalog(struct daemon *d)
{
	struct catalog *fresh = load_catalog(d->config_path);

	if (fresh == NULL) {
		log_error("%s is not valid: keeping the catalog already loaded",
			  d->config_path);
		return;
	}
	if (strcmp(fresh->database, d->cat->database) != 0 ||
	    fresh->n_modems != d->cat->n_modems)
		log_warn("database and modem changes take effect at restart");
	catalog_free(d->cat);
	d->cat = fresh;
	log_info("catalog reloaded: %zu services, %zu topics, %zu referrals",
		 fresh->n_services, fresh->n_topics, fresh->n_referrals);
}

/* ---- answering ---- */

/* Answer inbound row ID (answer.c: one transaction, all or nothing). */
static void answer(struct daemon *d, int64_t id)
{
	static struct answer_result res;
	char masked[LOG_NUMBER_MAX];
	int rc = answer_inbound(d->st, d->cat, id, wall_now(d), 0, &res);

	log_number(res.sender, masked, sizeof(masked));
	if (rc < 0) {
		log_error("answering message %lld failed (%s: %s); will retry",
			  (long long)id, store_strerror(rc),
			  store_errmsg(d->st));
		d->next_unanswered_ms = mono_ms() + 5000;
		return;
	}
	switch (res.outcome) {
	case ANSWER_NOT_PENDING:
		return;
	case ANSWER_UNSENDABLE:
		log_error("message %lld from %s: the reply cannot be sent (%s)",
			  (long long)id, masked, res.why);
		return;
	case ANSWER_IGNORED:
	case ANSWER_REPLIED:
		break;
	}
	if (res.guarded) {
		log_warn("not answering %s (message %lld): %s", masked,
			 (long long)id, res.why);
		return;
	}
	d->outbox_dirty |= res.desk.n_replies > 0;
	log_info("message %lld from %s: %s%s%s (%zu repl%s)", (long long)id,
		 masked, desk_kind_name(res.desk.d.kind),
		 res.desk.d.subject[0] ? " " : "", res.desk.d.subject,
		 res.desk.n_replies, res.desk.n_replies == 1 ? "y" : "ies");
}

static void answer_unanswered(struct daemon *d)
{
	int64_t ids[64], after = 0;
	int n;

	d->next_unanswered_ms = 0;
	while ((n = store_inbox_unanswered(d->st, after, ids, 64)) > 0) {
		for (int i = 0; i < n; i++)
			answer(d, ids[i]);
		after = ids[n - 1];
		if (d->next_unanswered_ms != 0)
			break; /* the store is failing: retry later */
	}
}

/* ---- receiving (inbound.c) ---- */

static void on_committed(void *ctx, int64_t inbox_id)
{
	answer(ctx, inbox_id);
}

static void on_message(void *ctx, const struct modem_message *msg)
{
	struct dmodem *dm = ctx;

	inbound_message(dm->d->in, dm->m, dm->name, msg, mono_ms(),
			wall_now(dm->d));
}

static void on_status_report(void *ctx, const struct modem_message *msg)
{
	struct dmodem *dm = ctx;

	inbound_status_report(dm->d->in, dm->m, dm->name, msg, mono_ms(),
			      wall_now(dm->d));
}

/* ---- sending ---- */

static int any_modem_down_long(const struct daemon *d, int64_t now_ms)
{
	for (size_t i = 0; i < d->n_modems; i++)
		if (d->modems[i].down_since_ms != 0 &&
		    now_ms - d->modems[i].down_since_ms > FAILOVER_MS)
			return 1;
	return 0;
}

static void pump_outbox(struct daemon *d, struct dmodem *dm, int64_t now_ms)
{
	struct outbox_job job;
	int64_t now = wall_now(d);

	dm->finishing = 0;
	if (dm->part_id != 0 || !modem_is_ready(dm->m))
		return;
	if (d->stopping && !dm->msg_unfinished)
		return;
	if (d->stopping && now_ms + SEND_TIMEOUT_MS > d->stop_deadline) {
		log_warn("stopping: the rest of message %lld waits for the "
			 "next start (too little of the stop grace left to "
			 "send another part)",
			 (long long)dm->msg_id);
		dm->msg_unfinished = 0;
		return;
	}
	if (d->opt->min_send_gap_ms > 0 && mono_ms() < dm->next_send_ms) {
		/* poll_timeout wakes us at the gap's end */
		d->outbox_dirty = 1;
		dm->finishing = d->stopping;
		return;
	}
	/* outbox_next withdraws what must not go (opted out, expired) and
	 * commits the part it returns as "sending" before we write it.
	 * Stopping: only the rest of the message on the wire. */
	int rc;
	if (d->stopping) {
		rc = outbox_next_part(d->ob, now, dm->name, dm->msg_id, &job);
	} else {
		rc = outbox_next(d->ob, now, dm->name, 0, &job);
		if (rc == OUTBOX_NONE && any_modem_down_long(d, now_ms))
			rc = outbox_next(d->ob, now, dm->name, 1, &job);
	}
	if (rc != OUTBOX_OK) {
		if (d->stopping)
			dm->msg_unfinished = 0;
		return;
	}
	if (modem_send_pdu(dm->m, job.pdu_hex, job.tpdu_len, dm) != 0) {
		outbox_failed(d->ob, &job, "the modem refused the PDU", 1, now);
		return;
	}
	dm->part_id = job.part_id;
	dm->job = job;
	dm->msg_id = job.msg_id;
	dm->msg_unfinished = job.seq < job.n_parts;
	log_debug("sending part %d/%d to %s via %s", job.seq, job.n_parts,
		  job.to, dm->name);
}

static void on_send_result(void *ctx, const struct modem_send_result *res)
{
	struct dmodem *dm = res->cookie;
	struct daemon *d = dm->d;
	int64_t now = wall_now(d);

	if (dm->part_id == 0)
		return;
	if (res->ok)
		outbox_sent(d->ob, &dm->job, res->mr, NULL, now);
	else
		outbox_failed(d->ob, &dm->job, res->error, 0, now);
	dm->part_id = 0;
	dm->next_send_ms = mono_ms() + d->opt->min_send_gap_ms;
	d->outbox_dirty = 1;
	(void)ctx;
}

/* The driver logs its own state changes and warnings; the daemon only needs
 * to know how long each modem has been down, for failover. */
static void on_state(void *ctx, enum modem_state state, const char *reason)
{
	struct dmodem *dm = ctx;

	(void)reason;
	if (state == MODEM_READY) {
		dm->down_since_ms = 0;
		dm->d->outbox_dirty = 1;
	} else if (dm->down_since_ms == 0)
		dm->down_since_ms = mono_ms();
}

/* ---- the loop ---- */

static int open_signals(void)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	if (sigprocmask(SIG_BLOCK, &set, NULL) != 0)
		return -1;
	signal(SIGPIPE, SIG_IGN);
	return signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
}

static void read_signals(struct daemon *d)
{
	struct signalfd_siginfo si;

	while (read(d->sigfd, &si, sizeof(si)) == (ssize_t)sizeof(si)) {
		if (si.ssi_signo == SIGHUP) {
			log_info("SIGHUP: reloading %s", d->config_path);
			health_reloading(d->health);
			reload_catalog(d);
			health_reloaded(d->health);
		} else if (!d->stopping) {
			health_stopping(d->health);
			log_info("stopping: finishing the message on the wire");
			d->stopping = 1;
			d->stop_deadline = mono_ms() + STOP_GRACE_MS;
			d->outbox_dirty = 1;
		}
	}
}

static int add_modem(struct daemon *d, const char *device, int baud,
		     const char *pin)
{
	static const struct modem_callbacks cb = {.message = on_message,
						  .status_report =
						      on_status_report,
						  .send_result = on_send_result,
						  .state = on_state};
	struct dmodem *dm = &d->modems[d->n_modems];
	struct modem_callbacks mine = cb;
	struct modem_pin_guard guard;
	struct modem_config cfg = {.device = device,
				   .baud = baud,
				   .pin = pin,
				   .send_timeout_ms = SEND_TIMEOUT_MS,
				   .pin_guard = &guard};

	if (d->n_modems == MAX_MODEMS)
		return -1;
	mine.ctx = dm;
	dm->d = d;
	/* A PIN a SIM refused is remembered in the database (simlock.h). */
	simlock_guard(d->st, &guard);
	snprintf(dm->name, sizeof(dm->name), "%s", device);
	dm->m = modem_new(&cfg, &mine);
	if (dm->m == NULL)
		return -1;
	dm->down_since_ms = mono_ms();
	d->n_modems++;
	return 0;
}

static int64_t earliest(int64_t a, int64_t b)
{
	if (a < 0)
		return b;
	if (b < 0)
		return a;
	return a < b ? a : b;
}

static int poll_timeout(struct daemon *d, int64_t now_ms)
{
	int64_t due = d->next_outbox_ms;

	due = earliest(due, d->next_reminder_ms);
	due = earliest(due, d->next_release_ms);
	due = earliest(due, d->next_db_watch_ms);
	due = earliest(due, inbound_next_deadline(d->in));
	due = earliest(due, health_next_deadline(d->health));
	if (d->next_unanswered_ms != 0)
		due = earliest(due, d->next_unanswered_ms);
	for (size_t i = 0; i < d->n_modems; i++) {
		const struct dmodem *dm = &d->modems[i];
		due = earliest(due, modem_next_deadline(dm->m));
		/* Still dirty after timers() ran: a send gap is running. Wake
		 * at its end (now, if it just ended); pump_outbox clears the
		 * flag then, so this cannot spin. */
		if (d->outbox_dirty && dm->part_id == 0)
			due = earliest(due, dm->next_send_ms > now_ms
						? dm->next_send_ms
						: now_ms);
	}
	if (d->stopping)
		due = earliest(due, now_ms + 100);
	if (due <= now_ms)
		return 0;
	return due - now_ms > 60000 ? 60000 : (int)(due - now_ms);
}

static void queue_reminders(struct daemon *d)
{
	struct desk_reminder due[16];
	int64_t now = wall_now(d);
	char err[160];
	int n;

	if (d->cat->policy.reminder_hours <= 0 || store_begin(d->st) != 0)
		return;
	n = desk_reminders_due(d->cat, d->st, now, due, 16);
	for (int i = 0; i < n; i++) {
		/* A reminder never goes out once its booking has started. */
		struct store_booking b;
		struct outbox_text t = {
		    .to = due[i].to,
		    .country = d->cat->country,
		    .text = due[i].text,
		    .origin = STORE_ORIGIN_REMINDER,
		    .max_segments = d->cat->policy.max_segments,
		    .national_shift = d->cat->policy.national_shift};

		if (store_booking_get(d->st, due[i].booking_id, &b) != 0) {
			n = -1;
			break;
		}
		t.expires_at = b.start;
		if (outbox_queue(d->st, &t, now, NULL, err, sizeof(err)) < 0) {
			n = -1;
			break;
		}
	}
	if (n < 0 || store_commit(d->st) != 0) {
		store_rollback(d->st);
		log_error("queueing reminders failed; will retry");
	} else if (n > 0) {
		d->outbox_dirty = 1;
		log_info("queued %d reminder%s", n, n == 1 ? "" : "s");
	}
}

static void timers(struct daemon *d, int64_t now_ms)
{
	if (now_ms >= d->next_reminder_ms) {
		queue_reminders(d);
		d->next_reminder_ms = now_ms + REMINDER_POLL_MS;
	}
	if (now_ms >= d->next_release_ms) {
		/* texts handed to a person and held: forwarded once open */
		if (handoff_release(d->st, d->cat, wall_now(d)) > 0)
			d->outbox_dirty = 1;
		d->next_release_ms = now_ms + HANDOFF_RELEASE_MS;
	}
	for (size_t i = 0; i < d->n_modems; i++)
		health_modem(d->health, i, d->modems[i].name, d->modems[i].m,
			     wall_now(d));
	health_tick(d->health, now_ms, wall_now(d));
	if (d->next_unanswered_ms != 0 && now_ms >= d->next_unanswered_ms)
		answer_unanswered(d);
	if (now_ms >= d->next_prune_ms) {
		privacy_daily(d->cat, d->st, wall_now(d));
		d->next_prune_ms = now_ms + 24 * 3600 * 1000LL;
	}
	inbound_tick(d->in, now_ms, wall_now(d));
	if (now_ms >= d->next_outbox_ms) {
		d->next_outbox_ms = now_ms + OUTBOX_POLL_MS;
		d->outbox_dirty = 1;
		/* Sends the store could not record yet (database busy). */
		outbox_tick(d->ob, wall_now(d));
	}
	if (!d->outbox_dirty)
		return;
	d->outbox_dirty = 0;
	for (size_t i = 0; i < d->n_modems; i++)
		pump_outbox(d, &d->modems[i], now_ms);
}

static int all_failed(const struct daemon *d)
{
	for (size_t i = 0; i < d->n_modems; i++)
		if (modem_state(d->modems[i].m) != MODEM_FAILED)
			return 0;
	return 1;
}

/* A SIM needs staff: restarting would not help (and must not try PINs). */
static int any_sim_locked(const struct daemon *d)
{
	for (size_t i = 0; i < d->n_modems; i++)
		if (modem_failure(d->modems[i].m) == MODEM_FAIL_SIM)
			return 1;
	return 0;
}

/* Stopping: done when no part is on the wire and no modem is about to send
 * the next part of its message (pump_outbox ran since the last part
 * ended, so an unfinished message either has its next part on the wire or
 * waits for the send gap). */
static int idle_for_stop(const struct daemon *d)
{
	for (size_t i = 0; i < d->n_modems; i++)
		if (d->modems[i].part_id != 0 || d->modems[i].finishing)
			return 0;
	return outbox_pending(d->ob) == 0;
}

/*
 * A step of the wall clock: the desk's dates follow it at once (it reads
 * the wall clock); what waits must keep its length in real time, so the
 * times persisted as wall times are moved by the step.
 */
static void clock_stepped(struct daemon *d, int64_t step)
{
	if (step != 0)
		log_warn("the wall clock stepped %+lld s; the desk's dates "
			 "follow it, waits keep their length",
			 (long long)step);
	d->clock_shift += step;
	if (d->clock_shift == 0)
		return;
	int rc = store_shift_waits(d->st, d->clock_shift);
	if (rc == STORE_OK) {
		d->clock_shift = 0;
		d->outbox_dirty = 1;
	} else {
		/* Tried again at the next check, a second from now. */
		log_warn("moving the waits by %+lld s failed (%s); will retry",
			 (long long)d->clock_shift, store_strerror(rc));
	}
}

/*
 * Is the database still the file we opened? Removed (rm, a clean-up
 * script) or replaced (a restore copied over it, a rename), everything we
 * write goes to an inode nobody will read again, and the next start would
 * create an empty database: every booking forgotten. Stop loudly instead.
 */
static int database_lost(struct daemon *d)
{
	struct stat st;

	if (stat(d->db_path, &st) != 0) {
		log_error(
		    "the database %s is gone (%s) while serving: stopping "
		    "(exit %d); restore it before starting again, or "
		    "every booking is forgotten",
		    d->db_path, strerror(errno), CLI_DB_LOST);
		return 1;
	}
	if (st.st_dev != d->db_dev || st.st_ino != d->db_ino) {
		log_error("the database %s was replaced by another file while "
			  "serving: stopping (exit %d); start again once the "
			  "right file is in place",
			  d->db_path, CLI_DB_LOST);
		return 1;
	}
	return 0;
}

/* The database's lock file removed under us: lock the new one, or stop
 * when another serve got it first (two daemons on one database). */
static int lock_lost(struct daemon *d)
{
	char err[512];
	int rc = runlock_recheck(d->lock, err, sizeof(err));

	if (rc == RUNLOCK_HELD) {
		log_error("the database's lock file was removed and %s: "
			  "stopping",
			  err);
		return 1;
	}
	if (rc != RUNLOCK_OK)
		log_warn("%s; trying again", err);
	return 0;
}

static int64_t mono_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* One iteration's work took SINCE_US until now: keep the longest, and say
 * so when the modems were kept waiting for long. */
static void note_iteration(struct daemon *d, int64_t since_us)
{
	int64_t took = mono_us() - since_us;

	d->iterations++;
	if (took <= d->longest_us)
		return;
	d->longest_us = took;
	if (took >= 1000000)
		log_warn("loop: one pass took %lld ms (the modems waited)",
			 (long long)(took / 1000));
	else
		log_debug("loop: longest pass so far %lld us", (long long)took);
}

static int run_loop(struct daemon *d)
{
	struct pollfd fds[MAX_MODEMS + 1];
	int64_t woke_us = -1;

	for (;;) {
		int64_t now_ms = mono_ms();
		size_t n = 0;

		if (woke_us >= 0)
			note_iteration(d, woke_us);

		if (d->stopping &&
		    (idle_for_stop(d) || now_ms >= d->stop_deadline))
			return CLI_OK;
		if (now_ms >= d->next_db_watch_ms) {
			int64_t step = wallclock_step(&d->clock);
			d->next_db_watch_ms = now_ms + DB_WATCH_MS;
			if (step != 0 || d->clock_shift != 0)
				clock_stepped(d, step);
			if (database_lost(d))
				return CLI_DB_LOST;
			if (lock_lost(d))
				return CLI_IN_USE;
		}
		if (all_failed(d)) {
			log_error("no modem can be used; stopping");
			return any_sim_locked(d) ? CLI_SIM_LOCKED : CLI_DEVICE;
		}
		fds[n++] = (struct pollfd){.fd = d->sigfd, .events = POLLIN};
		for (size_t i = 0; i < d->n_modems; i++)
			fds[n++] = (struct pollfd){
			    .fd = modem_fd(d->modems[i].m),
			    .events = modem_poll_events(d->modems[i].m)};
		if (poll(fds, n, poll_timeout(d, now_ms)) < 0 &&
		    errno != EINTR) {
			log_error("poll: %s", strerror(errno));
			return CLI_DEVICE;
		}
		woke_us = mono_us();
		if (fds[0].revents & POLLIN)
			read_signals(d);
		now_ms = mono_ms();
		for (size_t i = 0; i < d->n_modems; i++)
			modem_step(d->modems[i].m, fds[i + 1].revents, now_ms);
		timers(d, now_ms);
	}
}

/*
 * Before the database is opened (start-up recovery puts what was "sending"
 * back in the queue: only a database no live daemon holds may be
 * recovered) and before any port is opened: the database's run lock, and a
 * look at who holds each device's lock (serial.c takes it when it opens
 * the port). A device another process holds is named; when every device is
 * held there is nothing to serve.
 */
static int take_locks(struct daemon *d, const char *db)
{
	const struct daemon_options *o = d->opt;
	char err[512];
	size_t held = 0, n = 0;

	int rc = runlock_db(db, &d->lock, NULL, err, sizeof(err));
	if (rc != RUNLOCK_OK) {
		log_error("%s; not starting", err);
		return rc == RUNLOCK_HELD ? CLI_IN_USE : CLI_BAD_INPUT;
	}
	for (size_t i = 0; o->device != NULL || i < d->cat->n_modems; i++) {
		const char *dev =
		    o->device != NULL ? o->device : d->cat->modems[i].device;
		pid_t pid = 0;

		n++;
		if (runlock_device_holder(dev, &pid) == 1) {
			held++;
			if (pid > 0)
				log_error("device %s is in use by another "
					  "process (pid %d): another smsdesk "
					  "serve?",
					  dev, (int)pid);
			else
				log_error("device %s is locked by another "
					  "process",
					  dev);
		}
		if (o->device != NULL)
			break;
	}
	if (n > 0 && held == n) {
		log_error("no device is free; not starting");
		return CLI_IN_USE;
	}
	return CLI_OK;
}

static int start(struct daemon *d)
{
	const struct daemon_options *o = d->opt;
	char err[256];

	d->cat = load_catalog(d->config_path);
	if (d->cat == NULL)
		return CLI_BAD_INPUT;
	int64_t pinned = -1;
	if (o->now != NULL &&
	    when_parse_iso_local(d->cat->timezone, o->now, &pinned) != 0) {
		log_error("--now '%s' is not a local time like "
			  "2026-12-01T09:30",
			  o->now);
		return CLI_USAGE;
	}
	wallclock_init(&d->clock, pinned, o->clock_offset_file);
	const char *db = o->db_path != NULL ? o->db_path : d->cat->database;
	int rc = take_locks(d, db);
	if (rc != CLI_OK)
		return rc;
	d->st = store_open(db, STORE_OPEN_CREATE, err, sizeof(err));
	if (d->st == NULL) {
		log_error("database %s: %s", db, err);
		return CLI_BAD_INPUT;
	}
	struct stat dbst;
	if (stat(db, &dbst) != 0) {
		log_error("database %s: %s", db, strerror(errno));
		return CLI_BAD_INPUT;
	}
	snprintf(d->db_path, sizeof(d->db_path), "%s", db);
	d->db_dev = dbst.st_dev;
	d->db_ino = dbst.st_ino;
	struct inbound_config ic = {.st = d->st,
				    .concat_expiry_ms = o->part_wait_ms > 0
							    ? o->part_wait_ms
							    : CONCAT_EXPIRY_MS,
				    .answer = on_committed,
				    .ctx = d};
	d->in = inbound_new(&ic);
	struct outbox_config oc = {.st = d->st,
				   .retry_seconds = o->retry_seconds};
	d->ob = outbox_new(&oc);
	struct health_config hc = {.st = d->st,
				   .version = SMSDESK_VERSION,
				   .pid = (int64_t)getpid(),
				   .started_at = wall_now(d)};
	d->health = health_new(&hc);
	if (d->in == NULL || d->ob == NULL || d->health == NULL) {
		log_error("cannot start: %s", strerror(errno));
		return CLI_BAD_INPUT;
	}
	if (o->device != NULL) {
		const struct cat_modem *first =
		    d->cat->n_modems > 0 ? &d->cat->modems[0] : NULL;
		if (add_modem(d, o->device, first ? first->baud : 0,
			      first ? first->pin : NULL) != 0)
			return CLI_DEVICE;
	}
	for (size_t i = 0; o->device == NULL && i < d->cat->n_modems; i++)
		if (add_modem(d, d->cat->modems[i].device,
			      d->cat->modems[i].baud,
			      d->cat->modems[i].pin) != 0)
			return CLI_DEVICE;
	if (d->n_modems == 0) {
		log_error("no modem: list one in 'modems' or use --device");
		return CLI_BAD_INPUT;
	}
	/* Numbers stored before they were kept in E.164 (once per country). */
	int renumbered = outbox_renumber(d->st, d->cat->country);
	if (renumbered < 0) {
		log_error("database %s: %s", db, store_errmsg(d->st));
		return CLI_BAD_INPUT;
	}
	if (renumbered > 0)
		log_info("%d stored number%s now in international form",
			 renumbered, renumbered == 1 ? "" : "s");
	int recovered = store_outbox_recover(d->st, wall_now(d));
	if (recovered > 0)
		log_warn("%d outbox part%s interrupted by a crash will be sent "
			 "again",
			 recovered, recovered == 1 ? "" : "s");
	log_info("serving %s with %zu modem%s, database %s",
		 d->cat->business_name, d->n_modems,
		 d->n_modems == 1 ? "" : "s", db);
	answer_unanswered(d);
	return CLI_OK;
}

static void stop(struct daemon *d)
{
	if (d->health != NULL)
		health_stopped(d->health, wall_now(d));
	health_free(d->health);
	inbound_free(d->in);
	if (d->ob != NULL)
		outbox_free(d->ob, wall_now(d));
	for (size_t i = 0; i < d->n_modems; i++)
		modem_free(d->modems[i].m);
	store_close(d->st);
	runlock_free(d->lock); /* after the database is closed */
	catalog_free(d->cat);
	if (d->sigfd >= 0)
		close(d->sigfd);
}

int daemon_serve(const struct daemon_options *opt)
{
	struct daemon d = {.opt = opt, .sigfd = -1};
	int rc;

	d.config_path = opt->config_path;
	/*
	 * Signals first: a SIGTERM (or SIGHUP) that comes while the catalog,
	 * the database and the modems are being set up waits in the signalfd
	 * and is handled by the loop, instead of killing a half-started
	 * daemon (systemd would see a failure, not a clean stop).
	 */
	d.sigfd = open_signals();
	if (d.sigfd < 0) {
		log_error("cannot start: signals: %s", strerror(errno));
		return CLI_BAD_INPUT;
	}
	rc = start(&d);
	if (rc == CLI_OK) {
		rc = run_loop(&d);
		log_info("loop: longest pass %.1f ms over %lld passes",
			 (double)d.longest_us / 1000.0,
			 (long long)d.iterations);
	}
	stop(&d);
	if (rc == CLI_OK)
		log_info("stopped");
	return rc;
}
