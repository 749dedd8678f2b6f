/*
 * smsdesk status: how the running daemon is — from the heartbeat it keeps in
 * the database (health.h) and the database's own tables, read only: no
 * port is opened, nothing is written, no signal is sent, so any member of
 * the service's group may run it while the daemon serves. Whether a daemon
 * runs at all is the database's run lock (runlock.h), not the heartbeat: a
 * heartbeat left by a daemon that died is called what it is.
 *
 * Exit 0 when a daemon runs, its heartbeat is fresh and a bearer is ready;
 * 3 when none runs, its heartbeat is stale or no modem is ready; 1 when the
 * catalog or the database cannot be read.
 */
#include "smsdesk/catalog.h"
#include "smsdesk/cli.h"
#include "smsdesk/cliopt.h"
#include "smsdesk/health.h"
#include "smsdesk/runlock.h"
#include "smsdesk/staffcmd.h"
#include "smsdesk/store.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char usage[] =
    "usage: smsdesk status [-c FILE] [--db PATH]\n"
    "\n"
    "Say how the running desk is: whether smsdesk serve runs (its pid and\n"
    "uptime), each modem with its state, signal and registration, the last\n"
    "text in and out, the texts waiting to be sent and those waiting for a\n"
    "person. It reads the heartbeat the daemon writes to its database every\n"
    "few seconds and opens no port, so it works while the daemon serves,\n"
    "for anyone in the service's group. It says so when no daemon runs or\n"
    "its heartbeat is stale.\n"
    "\n"
    "  -c, --config FILE  the catalog (default $SMSDESK_CONFIG, else\n"
    "                     /etc/smsdesk/smsdesk.cfg)\n"
    "      --db PATH      the database (default: 'database' in the catalog)\n"
    "  -h, --help         this help\n"
    "\n"
    "Exit: 0 serving with a modem ready, 3 not running, stale or no modem\n"
    "ready, 1 the catalog or the database cannot be read.\n";

/* Does PATH + SUFFIX exist? */
static int beside(const char *path, const char *suffix)
{
	char p[4200];
	struct stat sb;

	snprintf(p, sizeof(p), "%s%s", path, suffix);
	return stat(p, &sb) == 0;
}

/*
 * The database, read only, leaving nothing behind. While a daemon holds it
 * (or after one was killed) its -wal and -shm files are there: the reader
 * shares them, and sees what the write-ahead log holds. When neither is
 * there, sqlite would create them for a reader and could not remove them
 * after (a reader cannot checkpoint): files owned by whoever ran status —
 * root, under sudo — that the daemon, as its own user, could then not
 * open. Everything is in the main file then, so it is read as it is
 * (immutable): no lock, no -wal, no -shm.
 */
static struct store *open_reader(const char *db, char *err, size_t cap)
{
	unsigned flags = STORE_OPEN_READONLY;

	if (runlock_in_use(db) != 1 &&
	    !(beside(db, "-wal") && beside(db, "-shm")))
		flags |= STORE_OPEN_IMMUTABLE;
	return store_open(db, flags, err, cap);
}

static void span(int64_t secs, char *out, size_t cap)
{
	if (secs < 0)
		secs = 0;
	if (secs < 60)
		snprintf(out, cap, "%lld s", (long long)secs);
	else if (secs < 3600)
		snprintf(out, cap, "%lld min", (long long)(secs / 60));
	else if (secs < 2 * 86400)
		snprintf(out, cap, "%lld h %lld min", (long long)(secs / 3600),
			 (long long)(secs % 3600 / 60));
	else
		snprintf(out, cap, "%lld days %lld h",
			 (long long)(secs / 86400),
			 (long long)(secs % 86400 / 3600));
}

/* "2026-03-03 10:02 (4 min ago)", or "never". */
static void moment(int64_t t, int64_t now, char *out, size_t cap)
{
	char when[24], ago[24];

	if (t <= 0) {
		snprintf(out, cap, "never");
		return;
	}
	staffcmd_local(t, when, sizeof(when), 1);
	span(now - t, ago, sizeof(ago));
	snprintf(out, cap, "%s (%s ago)", when, ago);
}

static void bearers(const struct store_health *h, int64_t now)
{
	for (size_t i = 0; i < h->n_bearers; i++) {
		const struct store_health_bearer *b = &h->bearers[i];
		char since[64], sig[64];
		moment(b->since, now, since, sizeof(since));
		printf("  %s %s: %s since %s", b->kind, b->name, b->state,
		       since);
		if (strcmp(b->kind, "modem") == 0) {
			health_signal_words(b->rssi, sig, sizeof(sig));
			printf(", %s, %s", sig, health_reg_words(b->reg));
		}
		if (b->detail[0] != '\0')
			printf(" (%s)", b->detail);
		printf("\n");
	}
	if (h->n_bearers == 0)
		printf("  no modem or Kannel bearer yet\n");
}

static void traffic(struct store *st, int64_t now)
{
	struct store_traffic t;
	char in[64], out[64], old[32];

	if (store_traffic(st, now - 24 * 3600, &t) != STORE_OK) {
		printf("Traffic: cannot be read now (%s)\n", store_errmsg(st));
		return;
	}
	/* a customer still waits when the desk has been quiet for a day:
	 * the day before the last text in counts too (and a daemon run on
	 * a clock of its own, serve --now, is read on that clock) */
	struct store_traffic w;
	if (t.last_in_at > 0 && t.last_in_at < now - 24 * 3600 &&
	    store_traffic(st, t.last_in_at - 24 * 3600, &w) == STORE_OK) {
		t.waiting = w.waiting;
		t.oldest_waiting = w.oldest_waiting;
	}
	moment(t.last_in_at, now, in, sizeof(in));
	moment(t.last_out_at, now, out, sizeof(out));
	printf("Last text in:  %s\n", in);
	printf("Last text out: %s\n", out);
	printf("Queue: %lld part%s waiting to be sent; %lld message%s given "
	       "up in the last 24 h\n",
	       (long long)t.queued, t.queued == 1 ? "" : "s",
	       (long long)t.failed, t.failed == 1 ? "" : "s");
	printf("Waiting for a person: %lld", (long long)t.waiting);
	if (t.waiting > 0) {
		span(now - t.oldest_waiting, old, sizeof(old));
		printf(" (the oldest for %s; see smsdesk inbox)", old);
	}
	printf("\n");
}

static int report(const char *db, struct store *st, int64_t now)
{
	struct store_health h;
	char up[32], beat[32], when[32];
	pid_t holder = runlock_holder(db);
	int held = runlock_in_use(db);
	int rc = store_health_get(st, &h);

	if (rc != STORE_OK && rc != STORE_ERR_NOT_FOUND) {
		fprintf(stderr, "smsdesk status: %s: %s\n", db,
			store_errmsg(st));
		return CLI_BAD_INPUT;
	}
	int have = rc == STORE_OK;
	if (held != 1) {
		if (!have) {
			printf("smsdesk serve: not running (no daemon has "
			       "served %s yet)\n",
			       db);
		} else {
			staffcmd_local(h.updated_at, when, sizeof(when), 1);
			printf("smsdesk serve: not running%s; last heard "
			       "%s (pid %lld), %s\n",
			       held < 0 ? " (as far as the lock file says)"
					: "",
			       when, (long long)h.pid,
			       h.stopped_at > 0
				   ? "stopped cleanly"
				   : "it stopped without saying so (a crash, "
				     "a kill or a power cut)");
		}
		traffic(st, now);
		return CLI_DEVICE;
	}
	if (!have || (holder > 0 && h.pid != holder) || h.stopped_at > 0) {
		printf("smsdesk serve: starting (pid %lld); no heartbeat yet\n",
		       (long long)holder);
		traffic(st, now);
		return CLI_DEVICE;
	}
	span(now - h.started_at, up, sizeof(up));
	span(now - h.updated_at, beat, sizeof(beat));
	int stale = now - h.updated_at > HEALTH_STALE_S;
	printf("smsdesk serve: %s, pid %lld, up %s (heartbeat %s ago%s%s)\n",
	       stale ? "NOT RESPONDING" : "running", (long long)h.pid, up, beat,
	       h.version[0] ? ", version " : "", h.version);
	if (stale)
		printf("  its heartbeat is older than %d s: the daemon's loop "
		       "seems stuck (systemd's watchdog restarts it)\n",
		       HEALTH_STALE_S);
	bearers(&h, now);
	if (!h.ready)
		printf("  no modem is ready: texts are neither received nor "
		       "sent\n");
	traffic(st, now);
	return !stale && h.ready ? CLI_OK : CLI_DEVICE;
}

int cmd_status(int argc, char **argv)
{
	const char *config = NULL, *db = NULL;
	const struct cliopt opts[] = {
	    {"config", 'c', &config, NULL},
	    {"db", 0, &db, NULL},
	    CLIOPT_END,
	};
	char err[512];
	struct stat sb;
	int first, rc = cliopt_parse(argc, argv, "status", usage, opts,
				     CLIOPT_STOP_AT_OPERAND, &first);

	if (rc >= 0)
		return rc;
	if (first < argc)
		return cli_usage_error("status", "no arguments expected");
	struct catalog *cat =
	    staffcmd_catalog("status", cli_config_path(config));
	if (cat == NULL)
		return CLI_BAD_INPUT;
	staffcmd_use_zone(cat->timezone);
	if (db == NULL)
		db = cat->database;
	if (stat(db, &sb) != 0) {
		printf("smsdesk serve: not running (no database at %s: %s)\n",
		       db, strerror(errno));
		catalog_free(cat);
		return CLI_DEVICE;
	}
	struct store *st = open_reader(db, err, sizeof(err));
	if (st == NULL) {
		fprintf(stderr, "smsdesk status: %s\n", err);
		catalog_free(cat);
		return CLI_BAD_INPUT;
	}
	rc = report(db, st, (int64_t)time(NULL));
	store_close(st);
	catalog_free(cat);
	return rc;
}

int cli_status_device(const char *db, const char *device, long holder)
{
	struct store_health h;
	char err[512], since[64], sig[64], beat[32];
	struct store *st = NULL;
	int rc = CLI_DEVICE;
	int64_t now = (int64_t)time(NULL);
	pid_t serving = runlock_holder(db);

	if (holder > 0 && serving == (pid_t)holder)
		fprintf(stderr,
			"smsdesk modem: %s is busy: smsdesk serve (pid %ld) "
			"uses it, so it is not probed\n",
			device, holder);
	else if (holder > 0)
		fprintf(stderr,
			"smsdesk modem: %s is busy: in use by another process "
			"(pid %ld); not probed\n",
			device, holder);
	else
		fprintf(stderr,
			"smsdesk modem: %s is busy: in use by another "
			"process; not probed\n",
			device);
	if (serving <= 0)
		return CLI_DEVICE;
	st = open_reader(db, err, sizeof(err));
	if (st == NULL || store_health_get(st, &h) != STORE_OK) {
		printf("The daemon's heartbeat cannot be read%s%s.\n",
		       st == NULL ? ": " : "", st == NULL ? err : "");
		store_close(st);
		return CLI_DEVICE;
	}
	store_close(st);
	span(now - h.updated_at, beat, sizeof(beat));
	for (size_t i = 0; i < h.n_bearers; i++) {
		const struct store_health_bearer *b = &h.bearers[i];
		if (strcmp(b->name, device) != 0)
			continue;
		moment(b->since, now, since, sizeof(since));
		health_signal_words(b->rssi, sig, sizeof(sig));
		printf("What the daemon said %s ago:\n"
		       "  state:         %s since %s\n"
		       "  signal:        %s\n"
		       "  registration:  %s\n",
		       beat, b->state, since, sig, health_reg_words(b->reg));
		if (b->detail[0] != '\0')
			printf("  modem:         %s\n", b->detail);
		rc = strcmp(b->state, "ready") == 0 &&
			     now - h.updated_at <= HEALTH_STALE_S
			 ? CLI_OK
			 : CLI_DEVICE;
		break;
	}
	if (rc == CLI_DEVICE && h.n_bearers > 0)
		printf("(the daemon's heartbeat may name it another way)\n");
	printf("The whole picture: smsdesk status\n");
	return rc;
}
