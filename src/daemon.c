/*
 * daemon: the poll() loop of `smsdesk serve` — start, stop, signals, timers,
 * reload, answering. See daemon.h for its promises and daemon_internal.h
 * for how the daemon's files share the work; the comments here say why it
 * is built the way it is.
 */
#include "daemon_internal.h"

#include "smsdesk/answer.h"
#include "smsdesk/catalog.h"
#include "smsdesk/cli.h"
#include "smsdesk/desk.h"
#include "smsdesk/handoff.h"
#include "smsdesk/health.h"
#include "smsdesk/inbound.h"
#include "smsdesk/kannel.h"
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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

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
	    fresh->n_modems != d->cat->n_modems ||
	    fresh->n_kannel != d->cat->n_kannel)
		log_warn("database, modem and Kannel changes take effect at "
			 "restart");
	catalog_free(d->cat);
	d->cat = fresh;
	if (d->st != NULL)
		store_set_places(d->st, fresh->capacity);
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
		/* Busy (another process writing): soon, backing off; else
		 * (disk full, I/O error) every few seconds. Either way the
		 * inbound row waits in the database, nothing is lost. */
		int busy = rc == STORE_ERR_BUSY;
		d->answer_backoff_ms =
		    !busy			? ANSWER_RETRY_MAX_MS
		    : d->answer_backoff_ms == 0 ? ANSWER_RETRY_MIN_MS
		    : d->answer_backoff_ms * 2 > ANSWER_RETRY_MAX_MS
			? ANSWER_RETRY_MAX_MS
			: d->answer_backoff_ms * 2;
		if (busy)
			log_info("message %lld waits: the database is busy "
				 "(another process is writing); again in "
				 "%lld ms",
				 (long long)id,
				 (long long)d->answer_backoff_ms);
		else
			log_error("answering message %lld failed (%s: %s); "
				  "will retry",
				  (long long)id, store_strerror(rc),
				  store_errmsg(d->st));
		d->next_unanswered_ms = mono_ms() + d->answer_backoff_ms;
		return;
	}
	d->answer_backoff_ms = 0;
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
	/* forwards to the staff and a staff member's answer are queued too */
	d->outbox_dirty |= res.desk.n_replies > 0 || res.handoff.forwards > 0 ||
			   res.handoff.what == HANDOFF_STAFF;
	if (res.handoff.what == HANDOFF_STAFF) {
		log_info("message %lld from staff %s (%s): %s", (long long)id,
			 res.handoff.staff, masked, res.handoff.action);
		return;
	}
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
	static const struct modem_callbacks cb = {
	    .message = on_message,
	    .status_report = on_status_report,
	    .send_result = daemon_on_send_result,
	    .state = daemon_on_state};
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
	for (size_t i = 0; i < d->n_kannel; i++)
		due = earliest(due, kannel_next_deadline(d->kannel[i], now_ms));
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
		/* the daily (weekly) summaries staff asked for */
		if (handoff_summaries(d->st, d->cat, wall_now(d)) > 0)
			d->outbox_dirty = 1;
		d->next_release_ms = now_ms + HANDOFF_RELEASE_MS;
	}
	for (size_t i = 0; i < d->n_modems; i++)
		health_modem(d->health, i, d->modems[i].name, d->modems[i].m,
			     real_now());
	for (size_t i = 0; i < d->n_kannel; i++)
		health_kannel(d->health, d->n_modems + i, d->kannel[i],
			      real_now());
	health_tick(d->health, now_ms, wall_now(d), real_now());
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
		daemon_pump(d, &d->modems[i], now_ms);
	for (size_t i = 0; i < d->n_kannel; i++)
		kannel_pump(d->kannel[i], wall_now(d), d->stopping);
}

static int all_failed(const struct daemon *d)
{
	if (d->n_kannel > 0)
		return 0; /* Kannel keeps trying its links itself */
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

static int run_loop(struct daemon *d)
{
	struct pollfd fds[1 + MAX_MODEMS + MAX_KANNEL];
	int64_t woke_us = -1;

	for (;;) {
		int64_t now_ms = mono_ms();
		size_t n = 0;

		if (woke_us >= 0)
			daemon_note_pass(d, woke_us);

		if (d->stopping &&
		    (daemon_idle_for_stop(d) || now_ms >= d->stop_deadline))
			return CLI_OK;
		int rc = daemon_watch(d, now_ms);
		if (rc != CLI_OK)
			return rc;
		if (all_failed(d)) {
			log_error("no modem can be used; stopping");
			return any_sim_locked(d) ? CLI_SIM_LOCKED : CLI_DEVICE;
		}
		fds[n++] = (struct pollfd){.fd = d->sigfd, .events = POLLIN};
		for (size_t i = 0; i < d->n_modems; i++)
			fds[n++] = (struct pollfd){
			    .fd = modem_fd(d->modems[i].m),
			    .events = modem_poll_events(d->modems[i].m)};
		for (size_t i = 0; i < d->n_kannel; i++)
			fds[n++] = (struct pollfd){
			    .fd = kannel_fd(d->kannel[i]), .events = POLLIN};
		if (poll(fds, n, poll_timeout(d, now_ms)) < 0 &&
		    errno != EINTR) {
			log_error("poll: %s", strerror(errno));
			return CLI_DEVICE;
		}
		woke_us = daemon_mono_us();
		store_busy_budget_reset(d->st);
		if (fds[0].revents & POLLIN)
			read_signals(d);
		now_ms = mono_ms();
		for (size_t i = 0; i < d->n_modems; i++)
			modem_step(d->modems[i].m, fds[i + 1].revents, now_ms);
		for (size_t i = 0; i < d->n_kannel; i++)
			kannel_step(d->kannel[i], now_ms, wall_now(d));
		timers(d, now_ms);
	}
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
	int rc = daemon_take_locks(d, db);
	if (rc != CLI_OK)
		return rc;
	d->st = store_open(db, STORE_OPEN_CREATE, err, sizeof(err));
	if (d->st == NULL) {
		log_error("database %s: %s", db, err);
		return CLI_BAD_INPUT;
	}
	store_set_places(d->st, d->cat->capacity);
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
				    .retry_ms = INBOUND_RETRY_MS,
				    .answer = on_committed,
				    .ctx = d};
	d->in = inbound_new(&ic);
	struct outbox_config oc = {.st = d->st,
				   .retry_seconds = o->retry_seconds};
	d->ob = outbox_new(&oc);
	struct health_config hc = {.st = d->st,
				   .version = SMSDESK_VERSION,
				   .pid = (int64_t)getpid(),
				   .started_at = real_now()};
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
	if (daemon_add_kannel(d, on_committed) != 0)
		return CLI_BAD_INPUT;
	if (d->n_modems == 0 && d->n_kannel == 0) {
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
	d->recover_pending = 1;
	daemon_recover(d);
	log_info("serving %s with %zu modem%s%s, database %s",
		 d->cat->business_name, d->n_modems,
		 d->n_modems == 1 ? "" : "s",
		 d->n_kannel == 0   ? ""
		 : d->n_kannel == 1 ? " and Kannel"
				    : " and Kannel bearers",
		 db);
	answer_unanswered(d);
	/* From here on the loop runs: never wait long for the lock. */
	store_set_busy_budget(d->st, LOOP_BUSY_MS);
	return CLI_OK;
}

static void stop(struct daemon *d)
{
	if (d->health != NULL)
		health_stopped(d->health, real_now());
	health_free(d->health);
	/* Before the outbox and the store: what is in flight stays "sending"
	 * and is sent again at the next start. */
	for (size_t i = 0; i < d->n_kannel; i++)
		kannel_free(d->kannel[i]);
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
