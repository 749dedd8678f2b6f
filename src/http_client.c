/*
 * http_client: the client half of the http module (http.h) on libcurl's
 * multi interface, run from the caller's poll() loop.
 *
 * libcurl tells us which sockets it wants watched (CURLMOPT_SOCKETFUNCTION)
 * and when it next needs a call (CURLMOPT_TIMERFUNCTION); we keep those
 * sockets in an epoll descriptor of our own, so the loop polls one fd
 * however many requests are out, and http_lib.curl_multi_socket_action() is
 * told exactly which socket is ready. Finished transfers are collected with
 * http_lib.curl_multi_info_read() and reported from http_client_step only.
 */
#include "smsdesk/http.h"

#include "http_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <time.h>
#include <unistd.h>

struct xfer {
	struct http_client *cl;
	CURL *easy;
	http_done done;
	void *ctx;
	char *body;
	size_t len;
	struct xfer *prev, *next; /* every transfer in flight */
	char errbuf[CURL_ERROR_SIZE];
};

struct http_client {
	struct http_client_config cfg;
	CURLM *multi;
	int epfd;
	int in_flight;
	struct xfer *xfers;
	int64_t timer_ms;  /* -1: curl wants no timeout call */
	int timer_due_now; /* curl asked for a call at once */
};

static int curl_ready;

static int64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- what curl asks of us ------------------------------------------- */

static int on_socket(CURL *easy, curl_socket_t s, int what, void *clp,
		     void *sockp)
{
	struct http_client *cl = clp;
	struct epoll_event ev = {.data.fd = s};

	(void)easy;
	(void)sockp;
	if (what == CURL_POLL_REMOVE) {
		/* The socket may be closed already: epoll forgot it then. */
		epoll_ctl(cl->epfd, EPOLL_CTL_DEL, s, NULL);
		return 0;
	}
	if (what & CURL_POLL_IN)
		ev.events |= EPOLLIN;
	if (what & CURL_POLL_OUT)
		ev.events |= EPOLLOUT;
	if (epoll_ctl(cl->epfd, EPOLL_CTL_MOD, s, &ev) != 0 &&
	    (errno != ENOENT ||
	     epoll_ctl(cl->epfd, EPOLL_CTL_ADD, s, &ev) != 0))
		return -1;
	return 0;
}

static int on_timer(CURLM *multi, long timeout_ms, void *clp)
{
	struct http_client *cl = clp;

	(void)multi;
	if (timeout_ms < 0) {
		cl->timer_ms = -1;
	} else {
		cl->timer_ms = mono_ms() + timeout_ms;
		cl->timer_due_now = timeout_ms == 0;
	}
	return 0;
}

static size_t on_data(char *data, size_t size, size_t n, void *xp)
{
	struct xfer *x = xp;
	size_t len = size * n;
	size_t room = x->cl->cfg.max_response - x->len;

	if (len > room)
		len = room;
	if (len > 0) {
		memcpy(x->body + x->len, data, len);
		x->len += len;
		x->body[x->len] = '\0';
	}
	/* Taking all of it even when cut: the answer's status matters more
	 * than its tail. */
	return size * n;
}

/* ---- life ------------------------------------------------------------ */

struct http_client *http_client_new(const struct http_client_config *cfg,
				    char *err, size_t errlen)
{
	struct http_client *cl;

	if (http_lib_load(err, errlen) != 0)
		return NULL;
	if (!curl_ready) {
		if (http_lib.curl_global_init(CURL_GLOBAL_DEFAULT) !=
		    CURLE_OK) {
			snprintf(err, errlen, "libcurl cannot start");
			return NULL;
		}
		curl_ready = 1;
	}
	cl = calloc(1, sizeof(*cl));
	if (cl == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	cl->cfg = *cfg;
	if (cl->cfg.max_in_flight <= 0)
		cl->cfg.max_in_flight = 10;
	if (cl->cfg.timeout_ms <= 0)
		cl->cfg.timeout_ms = 30000;
	if (cl->cfg.connect_ms <= 0)
		cl->cfg.connect_ms = 5000;
	if (cl->cfg.max_response == 0)
		cl->cfg.max_response = 4096;
	cl->timer_ms = -1;
	cl->epfd = epoll_create1(EPOLL_CLOEXEC);
	cl->multi = http_lib.curl_multi_init();
	if (cl->epfd < 0 || cl->multi == NULL) {
		snprintf(err, errlen, "cannot start the HTTP client: %s",
			 strerror(errno));
		http_client_free(cl);
		return NULL;
	}
	http_lib.curl_multi_setopt(cl->multi, CURLMOPT_SOCKETFUNCTION,
				   on_socket);
	http_lib.curl_multi_setopt(cl->multi, CURLMOPT_SOCKETDATA, cl);
	http_lib.curl_multi_setopt(cl->multi, CURLMOPT_TIMERFUNCTION, on_timer);
	http_lib.curl_multi_setopt(cl->multi, CURLMOPT_TIMERDATA, cl);
	http_lib.curl_multi_setopt(cl->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS,
				   (long)cl->cfg.max_in_flight);
	return cl;
}

static void xfer_free(struct xfer *x)
{
	if (x->prev != NULL)
		x->prev->next = x->next;
	else if (x->cl->xfers == x)
		x->cl->xfers = x->next;
	if (x->next != NULL)
		x->next->prev = x->prev;
	http_lib.curl_easy_cleanup(x->easy);
	free(x->body);
	free(x);
}

void http_client_free(struct http_client *cl)
{
	if (cl == NULL)
		return;
	while (cl->xfers != NULL) {
		http_lib.curl_multi_remove_handle(cl->multi, cl->xfers->easy);
		xfer_free(cl->xfers);
	}
	if (cl->multi != NULL)
		http_lib.curl_multi_cleanup(cl->multi);
	if (cl->epfd >= 0)
		close(cl->epfd);
	free(cl);
}

/* ---- requests -------------------------------------------------------- */

int http_client_get(struct http_client *cl, const char *url, http_done done,
		    void *ctx)
{
	struct xfer *x;

	if (cl->in_flight >= cl->cfg.max_in_flight)
		return -1;
	if (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0)
		return -2;
	x = calloc(1, sizeof(*x));
	if (x == NULL)
		return -2;
	x->body = malloc(cl->cfg.max_response + 1);
	x->easy = http_lib.curl_easy_init();
	if (x->body == NULL || x->easy == NULL) {
		http_lib.curl_easy_cleanup(x->easy);
		free(x->body);
		free(x);
		return -2;
	}
	x->body[0] = '\0';
	x->cl = cl;
	x->done = done;
	x->ctx = ctx;
	CURL *e = x->easy;
	http_lib.curl_easy_setopt(e, CURLOPT_URL, url);
	http_lib.curl_easy_setopt(e, CURLOPT_PRIVATE, x);
	http_lib.curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_data);
	http_lib.curl_easy_setopt(e, CURLOPT_WRITEDATA, x);
	http_lib.curl_easy_setopt(e, CURLOPT_ERRORBUFFER, x->errbuf);
	http_lib.curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	http_lib.curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
	http_lib.curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
	/* Never through a proxy from the environment: sendsms is reached
	 * directly, usually on loopback. */
	http_lib.curl_easy_setopt(e, CURLOPT_PROXY, "");
	http_lib.curl_easy_setopt(e, CURLOPT_TIMEOUT_MS,
				  (long)cl->cfg.timeout_ms);
	http_lib.curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS,
				  (long)cl->cfg.connect_ms);
	http_lib.curl_easy_setopt(e, CURLOPT_USERAGENT, "smsdesk");
	x->next = cl->xfers;
	if (cl->xfers != NULL)
		cl->xfers->prev = x;
	cl->xfers = x;
	if (http_lib.curl_multi_add_handle(cl->multi, e) != CURLM_OK) {
		xfer_free(x);
		return -2;
	}
	cl->in_flight++;
	return 0;
}

int http_client_in_flight(const struct http_client *cl)
{
	return cl->in_flight;
}

int http_client_fd(const struct http_client *cl)
{
	return cl->epfd;
}

int64_t http_client_next_deadline(struct http_client *cl, int64_t now_ms)
{
	if (cl->timer_due_now)
		return now_ms;
	return cl->timer_ms;
}

static void finish(struct http_client *cl)
{
	CURLMsg *m;
	int left;

	while ((m = http_lib.curl_multi_info_read(cl->multi, &left)) != NULL) {
		struct xfer *x = NULL;
		struct http_result res = {0};
		long status = 0;

		if (m->msg != CURLMSG_DONE)
			continue;
		http_lib.curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE,
					   &x);
		if (m->data.result == CURLE_OK) {
			http_lib.curl_easy_getinfo(
			    m->easy_handle, CURLINFO_RESPONSE_CODE, &status);
			res.status = (int)status;
		} else {
			res.error =
			    x->errbuf[0]
				? x->errbuf
				: http_lib.curl_easy_strerror(m->data.result);
		}
		res.body = x->body;
		http_lib.curl_multi_remove_handle(cl->multi, m->easy_handle);
		cl->in_flight--;
		x->done(x->ctx, &res);
		xfer_free(x);
	}
}

void http_client_step(struct http_client *cl, int64_t now_ms)
{
	struct epoll_event ev[16];
	int running = 0, n;

	/* Each socket ready now, at most a bounded number of rounds so one
	 * busy step cannot hold the loop. */
	for (int round = 0; round < 8; round++) {
		n = epoll_wait(cl->epfd, ev, 16, 0);
		if (n <= 0)
			break;
		for (int i = 0; i < n; i++) {
			int flags = 0;
			if (ev[i].events & EPOLLIN)
				flags |= CURL_CSELECT_IN;
			if (ev[i].events & EPOLLOUT)
				flags |= CURL_CSELECT_OUT;
			if (ev[i].events & (EPOLLERR | EPOLLHUP))
				flags |= CURL_CSELECT_ERR;
			http_lib.curl_multi_socket_action(
			    cl->multi, ev[i].data.fd, flags, &running);
		}
		if (n < 16)
			break;
	}
	if (cl->timer_due_now ||
	    (cl->timer_ms >= 0 && now_ms >= cl->timer_ms)) {
		cl->timer_due_now = 0;
		cl->timer_ms = -1;
		http_lib.curl_multi_socket_action(
		    cl->multi, CURL_SOCKET_TIMEOUT, 0, &running);
	}
	finish(cl);
}
