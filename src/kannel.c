/*
 * kannel: the Kannel bearer (kannel.h) — its endpoint, its sendsms requests
 * and the outbox between them. The translations are in kannel_wire.c.
 */
#include "smsdesk/kannel.h"
#include "smsdesk/log.h"
#include "smsdesk/outbox.h"
#include "smsdesk/phone.h"

#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <unistd.h>

#define URL_MAX 4096

struct kannel;

/* One sendsms request waiting for Kannel's answer. */
struct slot {
	struct kannel *k;
	int used;
	struct outbox_job job;
	char ref[40];
};

struct kannel {
	struct kannel_config cfg;
	char *sendsms_url, *username, *password, *secret;
	char **numbers; /* E.164 */
	char **bearers; /* "kannel:" + number */
	size_t n_numbers;
	char callback[320]; /* "http://127.0.0.1:13080" */
	struct http_server *srv;
	struct http_client *cl;
	int epfd;
	struct slot *slots;
	int n_slots, in_flight;
	size_t next_number; /* round robin for the pump */
	int64_t wall;	    /* for the handlers, during kannel_step */
	int64_t now_ms;	    /* the loop's monotonic clock, at the last step */
	/*
	 * Kannel unreachable (no answer, or 5xx): no part is handed out
	 * before down_until_ms, then one as a probe, the wait doubling from
	 * 1 s to 30 s. A modem that is down takes no part either: an outage
	 * must not use up every queued part's tries (expiry still applies).
	 */
	int64_t down_until_ms;
	int down_wait_ms; /* 0 while Kannel answers */
	/*
	 * Messages with a part sent and parts still to go (at most n_slots,
	 * oldest dropped): stopping finishes them (outbox_next_part) and
	 * starts no other.
	 */
	struct {
		int64_t msg_id;
		size_t bearer;
	} * unfinished;
	int n_unfinished;
	int stopping;
};

/* ---- inbound --------------------------------------------------------- */

/* Which of our bearers a message to `receiver` came in on. */
static size_t bearer_of(const struct kannel *k, const char *receiver)
{
	char e164[PHONE_E164_MAX];

	if (receiver[0] != '\0' && phone_to_e164(receiver, k->cfg.country, e164,
						 sizeof(e164)) == PHONE_OK)
		for (size_t i = 0; i < k->n_numbers; i++)
			if (strcmp(k->numbers[i], e164) == 0)
				return i;
	return (size_t)-1;
}

static void on_mo(struct kannel *k, const struct http_request *req,
		  struct http_response *res)
{
	struct kannel_mo mo;
	char err[200], masked[LOG_NUMBER_MAX];
	int64_t id = 0;
	size_t b;
	int rc;

	if (kannel_parse_mo(req, &mo, err, sizeof(err)) != 0) {
		res->status = 400;
		snprintf(res->body, sizeof(res->body), "%s\n", err);
		return;
	}
	b = bearer_of(k, mo.receiver);
	if (b == (size_t)-1) {
		/* Kept and answered all the same: losing a customer's text
		 * is worse than a reply from another of our numbers. */
		log_warn("Kannel: a message to %s, which is not among this "
			 "bearer's numbers; answering from %s",
			 mo.receiver[0] ? mo.receiver : "(no receiver)",
			 k->numbers[0]);
		b = 0;
	}
	struct store_inbox_new in = {.sender = mo.sender,
				     .smsc_time = mo.smsc_time,
				     .pdu_hex = mo.record,
				     .text = mo.text,
				     .flags = mo.flags,
				     .modem = k->bearers[b]};
	rc = store_inbox_put(k->cfg.st, &in, k->wall, &id);
	if (rc < 0) {
		/* Not committed: Kannel keeps it and calls again. */
		log_error("Kannel: cannot store a message from %s: %s",
			  log_number(mo.sender, masked, sizeof(masked)),
			  store_errmsg(k->cfg.st));
		res->status = 503;
		snprintf(res->body, sizeof(res->body),
			 "not stored; try again\n");
		kannel_mo_clear(&mo);
		return;
	}
	res->status = 200;
	if (rc == STORE_EXISTS) {
		log_debug("Kannel: message %lld was already stored",
			  (long long)id);
		snprintf(res->body, sizeof(res->body), "already stored\n");
	} else if (mo.binary) {
		log_info("Kannel: message %lld from %s is binary data: kept, "
			 "not answered",
			 (long long)id,
			 log_number(mo.sender, masked, sizeof(masked)));
		store_inbox_mark_ignored(k->cfg.st, id, "binary data", k->wall);
		snprintf(res->body, sizeof(res->body), "stored\n");
	} else {
		snprintf(res->body, sizeof(res->body), "stored\n");
		if (k->cfg.answer != NULL)
			k->cfg.answer(k->cfg.ctx, id);
	}
	kannel_mo_clear(&mo);
}

static void on_dlr(struct kannel *k, const struct http_request *req,
		   struct http_response *res)
{
	const struct http_param *ref = http_param(req, "ref");
	const struct http_param *type = http_param(req, "type");
	const struct http_param *bearer = http_param(req, "bearer");
	int status, rc;

	if (ref == NULL || type == NULL || bearer == NULL) {
		res->status = 400;
		snprintf(res->body, sizeof(res->body),
			 "ref, bearer and type (%%d) are needed\n");
		return;
	}
	status = kannel_dlr_status(atoi(type->value));
	res->status = 200;
	if (status < 0) {
		snprintf(res->body, sizeof(res->body), "noted\n");
		return;
	}
	for (int i = 0; i < k->n_slots; i++)
		if (k->slots[i].used &&
		    strcmp(k->slots[i].ref, ref->value) == 0) {
			/* Its sendsms answer is still on the way: Kannel
			 * calls again (http-queue-delay) once it is sent. */
			res->status = 503;
			snprintf(res->body, sizeof(res->body),
				 "that part is not sent yet; try again\n");
			return;
		}
	rc = store_outbox_delivered_by_ref(k->cfg.st, bearer->value, ref->value,
					   status, k->wall);
	if (rc == STORE_ERR_NOT_FOUND) {
		/* An earlier try of a part that was sent again, or a
		 * report for another database: nothing to mark. */
		log_debug("Kannel: delivery report for unknown part %s",
			  ref->value);
		snprintf(res->body, sizeof(res->body), "unknown part\n");
	} else if (rc < 0) {
		log_error("Kannel: cannot record a delivery report: %s",
			  store_errmsg(k->cfg.st));
		res->status = 503;
		snprintf(res->body, sizeof(res->body),
			 "not recorded; try again\n");
	} else {
		snprintf(res->body, sizeof(res->body), "recorded\n");
	}
}

static void on_request(void *ctx, const struct http_request *req,
		       struct http_response *res)
{
	struct kannel *k = ctx;

	if (strcmp(req->path, "/kannel/mo") == 0) {
		on_mo(k, req, res);
	} else if (strcmp(req->path, "/kannel/dlr") == 0) {
		on_dlr(k, req, res);
	} else {
		res->status = 404;
		snprintf(res->body, sizeof(res->body),
			 "unknown path: /kannel/mo and /kannel/dlr only\n");
	}
}

/* ---- outbound -------------------------------------------------------- */

static size_t bearer_index(const struct kannel *k, const char *bearer)
{
	for (size_t i = 0; i < k->n_numbers; i++)
		if (strcmp(k->bearers[i], bearer) == 0)
			return i;
	return 0;
}

static void note_unfinished(struct kannel *k, const struct outbox_job *job)
{
	if (k->n_unfinished == k->n_slots) {
		memmove(&k->unfinished[0], &k->unfinished[1],
			(size_t)(k->n_slots - 1) * sizeof(k->unfinished[0]));
		k->n_unfinished--;
	}
	k->unfinished[k->n_unfinished].msg_id = job->msg_id;
	k->unfinished[k->n_unfinished].bearer = bearer_index(k, job->bearer);
	k->n_unfinished++;
}

static struct slot *free_slot(struct kannel *k)
{
	for (int i = 0; i < k->n_slots; i++)
		if (!k->slots[i].used)
			return &k->slots[i];
	return NULL;
}

static void on_answer(void *ctx, const struct http_result *res)
{
	struct slot *s = ctx;
	struct kannel *k = s->k;
	char why[STORE_ERROR_MAX];

	s->used = 0;
	k->in_flight--;
	if (res->status == 0 || res->status >= 500) {
		if (k->down_wait_ms == 0) {
			log_warn(
			    "Kannel's sendsms does not answer (%s); trying "
			    "again with one text at a time",
			    res->status ? res->body : res->error);
			k->down_wait_ms = 1000;
			k->down_until_ms = k->now_ms + k->down_wait_ms;
		} else if (k->now_ms >= k->down_until_ms) {
			/* the probe failed too (the others that were in
			 * flight with the first failure do not count) */
			k->down_wait_ms = k->down_wait_ms >= 15000
					      ? 30000
					      : k->down_wait_ms * 2;
			k->down_until_ms = k->now_ms + k->down_wait_ms;
		}
	} else if (k->down_wait_ms != 0) {
		log_info("Kannel's sendsms answers again");
		k->down_wait_ms = 0;
	}
	log_debug("Kannel: sendsms for part %lld: %d %s",
		  (long long)s->job.part_id, res->status,
		  res->status ? res->body : res->error);
	if (res->status >= 200 && res->status < 300) {
		outbox_sent(k->cfg.ob, &s->job, -1, s->ref, k->wall);
		if (s->job.seq < s->job.n_parts)
			note_unfinished(k, &s->job);
	} else if (res->status >= 400 && res->status < 500) {
		/* Kannel: "the message cannot be in any circumstances
		 * delivered" (a bad number, an unknown user). */
		snprintf(why, sizeof(why), "Kannel refused it: %d %.100s",
			 res->status, res->body);
		why[strcspn(why, "\r\n")] = '\0';
		outbox_failed(k->cfg.ob, &s->job, why, 1, k->wall);
	} else {
		if (res->status == 0)
			snprintf(why, sizeof(why), "sendsms: %.120s",
				 res->error);
		else
			snprintf(why, sizeof(why), "sendsms: %d %.100s",
				 res->status, res->body);
		why[strcspn(why, "\r\n")] = '\0';
		outbox_failed(k->cfg.ob, &s->job, why, 0, k->wall);
	}
	if (k->cfg.kick != NULL)
		k->cfg.kick(k->cfg.ctx);
}

/* Start one job in slot s: 0, or -1 when it was refused at once. */
static int start(struct kannel *k, struct slot *s)
{
	static char url[URL_MAX];
	char dlr[URL_MAX / 2], err[STORE_ERROR_MAX], esc[160];
	const char *from = k->numbers[bearer_index(k, s->job.bearer)];
	int rc;

	snprintf(s->ref, sizeof(s->ref), "%lld.%d", (long long)s->job.part_id,
		 s->job.tries + 1);
	http_escape(s->job.bearer, strlen(s->job.bearer), esc, sizeof(esc));
	/* %d is Kannel's: the report's type */
	snprintf(dlr, sizeof(dlr),
		 "%s/kannel/dlr?secret=%s&bearer=%s&ref=%s"
		 "&type=%%d",
		 k->callback, k->secret, esc, s->ref);
	struct kannel_send send = {.sendsms_url = k->sendsms_url,
				   .username = k->username,
				   .password = k->password,
				   .from = from,
				   .to = s->job.to,
				   .pdu_hex = s->job.pdu_hex,
				   .dlr_url = dlr};
	if (kannel_sendsms_url(&send, url, sizeof(url), err, sizeof(err)) !=
	    0) {
		outbox_failed(k->cfg.ob, &s->job, err, 1, k->wall);
		return -1;
	}
	rc = http_client_get(k->cl, url, on_answer, s);
	if (rc != 0) {
		outbox_failed(k->cfg.ob, &s->job,
			      "the sendsms request could not be made", 0,
			      k->wall);
		return -1;
	}
	s->used = 1;
	k->in_flight++;
	log_debug("Kannel: part %lld (%d of %d, try %d) handed to sendsms",
		  (long long)s->job.part_id, s->job.seq, s->job.n_parts,
		  s->job.tries + 1);
	return 0;
}

int kannel_pump(struct kannel *k, int64_t wall, int stopping)
{
	int started = 0, idle = 0;

	k->wall = wall;
	k->stopping = stopping;
	if (stopping) {
		/* The next part of each message on the wire, and no other. */
		for (int i = 0; i < k->n_unfinished;) {
			struct slot *s = free_slot(k);
			if (s == NULL)
				break;
			if (outbox_next_part(
				k->cfg.ob, wall,
				k->bearers[k->unfinished[i].bearer],
				k->unfinished[i].msg_id,
				&s->job) == OUTBOX_OK &&
			    start(k, s) == 0)
				started++;
			k->unfinished[i] = k->unfinished[--k->n_unfinished];
		}
		return started;
	}
	if (k->down_wait_ms != 0) {
		/* Kannel did not answer: a probe when the wait is over */
		if (k->in_flight > 0 || k->now_ms < k->down_until_ms)
			return 0;
		idle = (int)k->n_numbers - 1; /* one look round, one part */
	}
	/* Round robin over our numbers until each had nothing to give. */
	while (k->in_flight < k->n_slots && idle < (int)k->n_numbers) {
		size_t b = k->next_number++ % k->n_numbers;
		struct slot *s = free_slot(k);
		if (outbox_next(k->cfg.ob, wall, k->bearers[b], 0, &s->job) !=
		    OUTBOX_OK) {
			idle++;
			continue;
		}
		idle = 0;
		if (start(k, s) == 0)
			started++;
		if (k->down_wait_ms != 0)
			break;
	}
	return started;
}

/* ---- the loop -------------------------------------------------------- */

int kannel_fd(const struct kannel *k)
{
	return k->epfd;
}

static int64_t earliest(int64_t a, int64_t b)
{
	if (a < 0)
		return b;
	if (b < 0)
		return a;
	return a < b ? a : b;
}

int64_t kannel_next_deadline(struct kannel *k, int64_t now_ms)
{
	return earliest(http_server_next_deadline(k->srv, now_ms),
			http_client_next_deadline(k->cl, now_ms));
}

void kannel_step(struct kannel *k, int64_t now_ms, int64_t wall)
{
	/* Our epoll holds the two halves' own descriptors, level-triggered:
	 * once each half has done what is ready, it is quiet again. Kannel's
	 * answers first: a delivery report read in the same turn as the
	 * sendsms answer for its part then finds the part sent. */
	k->wall = wall;
	k->now_ms = now_ms;
	http_client_step(k->cl, now_ms);
	http_server_step(k->srv, now_ms);
}

int kannel_busy(const struct kannel *k)
{
	return k->in_flight + (k->stopping ? k->n_unfinished : 0);
}

int kannel_port(const struct kannel *k)
{
	return http_server_port(k->srv);
}

const char *kannel_bearer(const struct kannel *k, size_t i)
{
	return i < k->n_numbers ? k->bearers[i] : NULL;
}

/* ---- life ------------------------------------------------------------ */

void kannel_free(struct kannel *k)
{
	if (k == NULL)
		return;
	http_client_free(k->cl);
	http_server_free(k->srv);
	if (k->epfd >= 0)
		close(k->epfd);
	for (size_t i = 0; i < k->n_numbers; i++) {
		free(k->numbers[i]);
		free(k->bearers[i]);
	}
	free(k->numbers);
	free(k->bearers);
	free(k->slots);
	free(k->unfinished);
	free(k->sendsms_url);
	free(k->username);
	free(k->password);
	free(k->secret);
	free(k);
}

/* A numeric address for host ("localhost" and other names resolved). */
static int numeric_host(const char *host, char *out, size_t cap)
{
	struct addrinfo hints = {.ai_socktype = SOCK_STREAM,
				 .ai_flags = AI_PASSIVE};
	struct addrinfo *res = NULL;

	if (getaddrinfo(host, NULL, &hints, &res) != 0 || res == NULL)
		return -1;
	int rc = getnameinfo(res->ai_addr, res->ai_addrlen, out, (socklen_t)cap,
			     NULL, 0, NI_NUMERICHOST);
	freeaddrinfo(res);
	return rc == 0 ? 0 : -1;
}

struct kannel *kannel_new(const struct kannel_config *cfg, char *err,
			  size_t errlen)
{
	const struct cat_kannel *c = cfg->cat;
	struct kannel *k = calloc(1, sizeof(*k));
	char host[128];

	if (k == NULL)
		goto nomem;
	k->epfd = -1;
	k->cfg = *cfg;
	k->cfg.cat = NULL;
	k->sendsms_url = strdup(c->sendsms_url);
	k->username = strdup(c->username);
	k->password = strdup(c->password);
	k->secret = strdup(c->secret);
	k->numbers = calloc(c->n_numbers, sizeof(char *));
	k->bearers = calloc(c->n_numbers, sizeof(char *));
	k->n_slots = c->max_in_flight > 0 ? c->max_in_flight : 10;
	k->slots = calloc((size_t)k->n_slots, sizeof(*k->slots));
	k->unfinished = calloc((size_t)k->n_slots, sizeof(*k->unfinished));
	if (k->sendsms_url == NULL || k->username == NULL ||
	    k->password == NULL || k->secret == NULL || k->numbers == NULL ||
	    k->bearers == NULL || k->slots == NULL || k->unfinished == NULL ||
	    c->n_numbers == 0)
		goto nomem;
	for (size_t i = 0; i < c->n_numbers; i++) {
		k->numbers[i] = strdup(c->numbers[i]);
		k->bearers[i] = malloc(strlen(c->numbers[i]) + 8);
		if (k->numbers[i] == NULL || k->bearers[i] == NULL)
			goto nomem;
		sprintf(k->bearers[i], "kannel:%s", c->numbers[i]);
		k->n_numbers = i + 1;
	}
	for (int i = 0; i < k->n_slots; i++)
		k->slots[i].k = k;
	if (numeric_host(c->listen_host, host, sizeof(host)) != 0) {
		snprintf(err, errlen, "listen: cannot resolve '%s'",
			 c->listen_host);
		kannel_free(k);
		return NULL;
	}
	/* The address Kannel calls back for delivery reports: where we
	 * listen (a wildcard address is not one Kannel can call). */
	if (strcmp(host, "0.0.0.0") == 0 || strcmp(host, "::") == 0) {
		snprintf(err, errlen,
			 "listen %s: give the address Kannel reaches this "
			 "machine at, not a wildcard",
			 c->listen);
		kannel_free(k);
		return NULL;
	}
	struct http_server_config sc = {.host = host,
					.port = c->listen_port,
					.secret = k->secret,
					.rate = cfg->rate,
					.burst = cfg->burst,
					.handler = on_request,
					.ctx = k};
	k->srv = http_server_new(&sc, err, errlen);
	if (k->srv == NULL) {
		kannel_free(k);
		return NULL;
	}
	snprintf(k->callback, sizeof(k->callback),
		 strchr(host, ':') ? "http://[%s]:%d" : "http://%s:%d", host,
		 http_server_port(k->srv));
	struct http_client_config cc = {.max_in_flight = k->n_slots};
	k->cl = http_client_new(&cc, err, errlen);
	k->epfd = epoll_create1(EPOLL_CLOEXEC);
	if (k->cl == NULL || k->epfd < 0) {
		if (k->epfd < 0)
			snprintf(err, errlen, "epoll: %s", strerror(errno));
		kannel_free(k);
		return NULL;
	}
	struct epoll_event es = {.events = EPOLLIN,
				 .data.fd = http_server_fd(k->srv)};
	struct epoll_event ec = {.events = EPOLLIN,
				 .data.fd = http_client_fd(k->cl)};
	if (epoll_ctl(k->epfd, EPOLL_CTL_ADD, es.data.fd, &es) != 0 ||
	    epoll_ctl(k->epfd, EPOLL_CTL_ADD, ec.data.fd, &ec) != 0) {
		snprintf(err, errlen, "epoll: %s", strerror(errno));
		kannel_free(k);
		return NULL;
	}
	return k;
nomem:
	snprintf(err, errlen, "out of memory (or no numbers)");
	kannel_free(k);
	return NULL;
}
