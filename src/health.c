/*
 * health: the sd_notify protocol spoken directly, and the heartbeat in the
 * database. See include/smsdesk/health.h.
 */
#include "smsdesk/health.h"

#include "smsdesk/kannel.h"
#include "smsdesk/log.h"
#include "smsdesk/modem.h"
#include "smsdesk/store.h"

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

/* A change is written to the database at most this often. */
#define CHANGE_MS 1000
/* The traffic counts for STATUS= are read at most this often. */
#define COUNT_MS 5000

struct health {
	struct store *st;
	struct store_health beat; /* what we last built */
	int fd;			  /* the notify socket, -1: none */
	struct sockaddr_un addr;
	socklen_t addr_len;
	int64_t watchdog_ms; /* period of WATCHDOG=1, 0: none */
	int64_t next_watchdog_ms;
	int64_t last_write_ms; /* the heartbeat's last write (or try) */
	int64_t next_count_ms; /* the traffic counts' next read */
	int changed;	       /* a bearer changed: tell soon */
	int ready_sent;
	int stopping;
	int64_t queued, waiting; /* from the store, for STATUS= */
	char status[STORE_ID_MAX];
	int warned; /* a datagram failed: said once */
};

/* ---- sd_notify: one datagram to $NOTIFY_SOCKET ------------------------- */

static int notify_open(struct health *h, const char *path)
{
	size_t len;

	h->fd = -1;
	if (path == NULL || path[0] == '\0')
		return 0;
	len = strlen(path);
	if ((path[0] != '/' && path[0] != '@') ||
	    len >= sizeof(h->addr.sun_path)) {
		log_warn("NOTIFY_SOCKET '%s' is not a unix socket we can use: "
			 "systemd will not hear from us",
			 path);
		return 0;
	}
	memset(&h->addr, 0, sizeof(h->addr));
	h->addr.sun_family = AF_UNIX;
	memcpy(h->addr.sun_path, path, len);
	if (path[0] == '@')
		h->addr.sun_path[0] = '\0'; /* the abstract namespace */
	h->addr_len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len);
	h->fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (h->fd < 0) {
		log_warn("cannot make the notify socket: %s", strerror(errno));
		return 0;
	}
	return 1;
}

static void notify(struct health *h, const char *msg)
{
	if (h->fd < 0)
		return;
	if (sendto(h->fd, msg, strlen(msg), MSG_NOSIGNAL,
		   (const struct sockaddr *)&h->addr, h->addr_len) < 0 &&
	    !h->warned) {
		h->warned = 1;
		log_warn("telling systemd failed: %s", strerror(errno));
	}
}

struct health *health_new(const struct health_config *cfg)
{
	struct health *h = calloc(1, sizeof(*h));
	const char *sock = cfg->notify_socket, *usec = cfg->watchdog_usec;
	const char *wpid = cfg->watchdog_pid;

	if (h == NULL)
		return NULL;
	if (sock == NULL)
		sock = getenv("NOTIFY_SOCKET");
	if (usec == NULL)
		usec = getenv("WATCHDOG_USEC");
	if (wpid == NULL)
		wpid = getenv("WATCHDOG_PID");
	h->st = cfg->st;
	h->beat.pid = cfg->pid;
	snprintf(h->beat.version, sizeof(h->beat.version), "%s",
		 cfg->version != NULL ? cfg->version : "");
	h->beat.started_at = cfg->started_at;
	notify_open(h, sock);
	/* WATCHDOG_PID names the process meant (sd_watchdog_enabled(3)). */
	if (usec != NULL &&
	    (wpid == NULL || wpid[0] == '\0' || atoll(wpid) == cfg->pid)) {
		long long us = atoll(usec);
		if (us > 0)
			h->watchdog_ms = us / 2000 > 0 ? us / 2000 : 1;
	}
	h->changed = 1;
	h->last_write_ms = INT64_MIN / 2;
	return h;
}

void health_free(struct health *h)
{
	if (h == NULL)
		return;
	if (h->fd >= 0)
		close(h->fd);
	free(h);
}

int health_notifying(const struct health *h)
{
	return h->fd >= 0;
}

void health_bearer(struct health *h, size_t i, const char *name,
		   const char *kind, const char *state, int rssi, int reg,
		   const char *detail, int64_t wall_now)
{
	struct store_health_bearer *b;

	if (i >= STORE_HEALTH_BEARERS)
		return;
	b = &h->beat.bearers[i];
	if (i >= h->beat.n_bearers) {
		memset(b, 0, sizeof(*b));
		h->beat.n_bearers = i + 1;
		h->changed = 1;
	}
	if (strcmp(b->state, state) != 0) {
		b->since = wall_now;
		h->changed = 1;
	}
	if (b->rssi != rssi || b->reg != reg || strcmp(b->name, name) != 0 ||
	    strcmp(b->detail, detail != NULL ? detail : "") != 0)
		h->changed = 1;
	snprintf(b->name, sizeof(b->name), "%s", name);
	snprintf(b->kind, sizeof(b->kind), "%s", kind);
	snprintf(b->state, sizeof(b->state), "%s", state);
	snprintf(b->detail, sizeof(b->detail), "%s",
		 detail != NULL ? detail : "");
	b->rssi = rssi;
	b->reg = reg;
}

void health_modem(struct health *h, size_t i, const char *name,
		  const struct modem *m, int64_t wall_now)
{
	const struct modem_info *mi = modem_info(m);
	char detail[STORE_ID_MAX] = "";

	switch (modem_failure(m)) {
	case MODEM_FAIL_NONE:
		if (mi->model[0] != '\0')
			snprintf(detail, sizeof(detail), "%.60s %.60s",
				 mi->manufacturer, mi->model);
		break;
	case MODEM_FAIL_DEVICE:
		snprintf(detail, sizeof(detail), "the modem cannot be used");
		break;
	case MODEM_FAIL_SIM:
		snprintf(detail, sizeof(detail),
			 "the SIM needs staff: PIN refused or missing, or PUK");
		break;
	case MODEM_FAIL_NO_SIM:
		snprintf(detail, sizeof(detail), "no SIM card");
		break;
	}
	health_bearer(h, i, name, "modem", modem_state_name(modem_state(m)),
		      mi->rssi, mi->reg_stat, detail, wall_now);
}

void health_kannel(struct health *h, size_t i, const struct kannel *k,
		   int64_t wall_now)
{
	const char *name = kannel_bearer(k, 0);
	char detail[STORE_ID_MAX];

	snprintf(detail, sizeof(detail), "listening on port %d",
		 kannel_port(k));
	health_bearer(h, i, name != NULL ? name : "kannel", "kannel", "ready",
		      -1, -1, detail, wall_now);
}

void health_signal_words(int rssi, char *out, size_t cap)
{
	/* 27.007 +CSQ: 0 is -113 dBm or less, 31 is -51 dBm or more, 2 dBm
	 * a step; 99 not known. */
	if (rssi < 0 || rssi == 99 || rssi > 31)
		snprintf(out, cap, "signal unknown");
	else if (rssi == 0)
		snprintf(out, cap, "no signal (-113 dBm or less)");
	else
		snprintf(out, cap, "signal %d/31 (%d dBm, %s)", rssi,
			 -113 + 2 * rssi,
			 rssi < 10   ? "weak"
			 : rssi < 15 ? "fair"
			 : rssi < 20 ? "good"
				     : "excellent");
}

const char *health_reg_words(int reg)
{
	/* 27.007 +CREG <stat> */
	switch (reg) {
	case 0:
		return "not registered";
	case 1:
		return "registered, home network";
	case 2:
		return "searching for a network";
	case 3:
		return "registration denied";
	case 5:
		return "registered, roaming";
	default:
		return "registration unknown";
	}
}

/* The one line systemctl status shows. */
static void build_status(struct health *h)
{
	size_t ready = 0, len = 0, n = h->beat.n_bearers;
	char *s = h->status;
	size_t cap = sizeof(h->status);

	for (size_t i = 0; i < n; i++)
		ready += strcmp(h->beat.bearers[i].state, "ready") == 0;
	h->beat.ready = ready > 0;
	if (n == 1) {
		const struct store_health_bearer *b = &h->beat.bearers[0];
		len = (size_t)snprintf(s, cap, "%s %s", b->name, b->state);
		if (strcmp(b->kind, "modem") == 0 && b->rssi >= 0 &&
		    b->rssi <= 31 && len < cap)
			len += (size_t)snprintf(s + len, cap - len,
						", signal %d/31", b->rssi);
	} else {
		len =
		    (size_t)snprintf(s, cap, "%zu/%zu bearers ready", ready, n);
	}
	if (len < cap)
		snprintf(s + len, cap - len,
			 "; %lld queued; %lld waiting for a person",
			 (long long)h->queued, (long long)h->waiting);
	snprintf(h->beat.status, sizeof(h->beat.status), "%s", h->status);
}

static void count(struct health *h, int64_t now_ms, int64_t wall_now)
{
	struct store_traffic t;

	if (now_ms < h->next_count_ms)
		return;
	h->next_count_ms = now_ms + COUNT_MS;
	if (store_traffic(h->st, wall_now - 24 * 3600, &t) != STORE_OK)
		return; /* busy: the next look */
	if (t.queued != h->queued || t.waiting != h->waiting)
		h->changed = 1;
	h->queued = t.queued;
	h->waiting = t.waiting;
}

/* When the heartbeat is next written: within a second of a change, else
 * a beat after the last. */
static int64_t beat_due(const struct health *h)
{
	return h->last_write_ms + (h->changed ? CHANGE_MS : HEALTH_BEAT_MS);
}

void health_tick(struct health *h, int64_t now_ms, int64_t desk_now,
		 int64_t real_now)
{
	char msg[STORE_ID_MAX + 16];

	if (h->watchdog_ms > 0 && now_ms >= h->next_watchdog_ms) {
		notify(h, "WATCHDOG=1");
		h->next_watchdog_ms = now_ms + h->watchdog_ms;
	}
	count(h, now_ms, desk_now);
	if (now_ms < beat_due(h))
		return;
	build_status(h);
	if (h->changed) {
		snprintf(msg, sizeof(msg), "STATUS=%s", h->status);
		notify(h, msg);
	}
	if (h->beat.ready && !h->ready_sent && !h->stopping) {
		notify(h, "READY=1");
		h->ready_sent = 1;
		log_info("ready: %s", h->status);
	}
	h->beat.updated_at = real_now;
	h->last_write_ms = now_ms;
	/* the store busy: written again within a second */
	h->changed = store_health_put(h->st, &h->beat) != STORE_OK;
}

int64_t health_next_deadline(const struct health *h)
{
	int64_t due = beat_due(h);

	if (h->watchdog_ms > 0 && h->next_watchdog_ms < due)
		due = h->next_watchdog_ms;
	if (h->next_count_ms < due)
		due = h->next_count_ms;
	return due;
}

void health_reloading(struct health *h)
{
	if (h->ready_sent)
		notify(h, "RELOADING=1");
}

void health_reloaded(struct health *h)
{
	if (h->ready_sent)
		notify(h, "READY=1");
	h->changed = 1;
}

void health_stopping(struct health *h)
{
	h->stopping = 1;
	notify(h, "STOPPING=1");
}

void health_stopped(struct health *h, int64_t wall_now)
{
	build_status(h);
	h->beat.updated_at = wall_now;
	h->beat.stopped_at = wall_now;
	h->beat.ready = 0;
	if (store_health_put(h->st, &h->beat) != STORE_OK)
		log_warn("the heartbeat could not say we stopped: %s",
			 store_errmsg(h->st));
}
