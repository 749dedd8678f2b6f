/*
 * daemon_watch: what a long-running serve keeps an eye on — its run lock
 * (runlock.h), the database file under it, the wall clock's steps
 * (wallclock.h), the recovery of what a crash left half sent, and its own
 * loop's longest pass. See daemon_internal.h.
 */
#include "daemon_internal.h"

#include "smsdesk/catalog.h"
#include "smsdesk/cli.h"
#include "smsdesk/log.h"
#include "smsdesk/runlock.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

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

int64_t daemon_mono_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* One iteration's work took SINCE_US until now: keep the longest, and say
 * so when the modems were kept waiting for long. */
void daemon_note_pass(struct daemon *d, int64_t since_us)
{
	int64_t took = daemon_mono_us() - since_us;

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

/*
 * Before the database is opened (start-up recovery puts what was "sending"
 * back in the queue: only a database no live daemon holds may be
 * recovered) and before any port is opened: the database's run lock, and a
 * look at who holds each device's lock (serial.c takes it when it opens
 * the port). A device another process holds is named; when every device is
 * held there is nothing to serve.
 */
int daemon_take_locks(struct daemon *d, const char *db)
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

/*
 * Parts a crash left "sending" go back in the queue (we hold the database's
 * run lock: no live daemon owns them). A busy database at start-up only
 * delays it (those parts wait, and the later parts of their messages with
 * them): tried again every second.
 */
void daemon_recover(struct daemon *d)
{
	int recovered = store_outbox_recover(d->st, wall_now(d));

	if (recovered < 0) {
		log_warn(
		    "putting back what a crash left half sent failed (%s); "
		    "trying again",
		    store_strerror(recovered));
		return;
	}
	d->recover_pending = 0;
	d->outbox_dirty = 1;
	if (recovered > 0)
		log_warn("%d outbox part%s interrupted by a crash will be sent "
			 "again",
			 recovered, recovered == 1 ? "" : "s");
}

int daemon_watch(struct daemon *d, int64_t now_ms)
{
	int64_t step;

	if (now_ms < d->next_db_watch_ms)
		return CLI_OK;
	d->next_db_watch_ms = now_ms + DB_WATCH_MS;
	step = wallclock_step(&d->clock);
	if (step != 0 || d->clock_shift != 0)
		clock_stepped(d, step);
	if (d->recover_pending)
		daemon_recover(d);
	if (database_lost(d))
		return CLI_DB_LOST;
	if (lock_lost(d))
		return CLI_IN_USE;
	return CLI_OK;
}
