/*
 * http: the HTTP edge of the Kannel bearer — a small server (libmicrohttpd)
 * that answers the calls Kannel's smsbox makes for each message and each
 * delivery report, and a client (libcurl's multi interface) that makes the
 * sendsms requests. Both run inside the daemon's one poll() loop: each
 * object hands out one file descriptor to poll, a deadline, and a step
 * function to call after poll() returns. No threads, no blocking calls, no
 * signals.
 *
 * The only module that includes microhttpd.h and curl.h (the server lives
 * in http_server.c, the client in http_client.c; both libraries are loaded
 * at run time by http_lib.c, so a desk without a Kannel bearer never loads
 * them). It knows nothing of SMS:
 * it parses and bounds requests, checks the shared secret and the request
 * rate, and hands a decoded request to a handler that answers at once.
 *
 * It must never: listen anywhere but the address it is given (the catalog
 * defaults it to loopback), answer a request that lacks the secret, read
 * more than the configured bytes of a request or response, follow a
 * redirect, use a proxy, or speak anything but http:// and https://.
 */
#ifndef SMSDESK_HTTP_H
#define SMSDESK_HTTP_H

#include <poll.h>
#include <stddef.h>
#include <stdint.h>

/* ---- server ---------------------------------------------------------- */

struct http_param {
	const char *name;
	const char *value; /* percent-decoded; may hold any byte but NUL */
	size_t len;	   /* bytes in value (a decoded %00 cuts nothing) */
};

/* A request as the handler sees it; every pointer lives until it returns. */
struct http_request {
	const char *method;		 /* "GET" or "POST" */
	const char *path;		 /* "/kannel/mo", no query */
	const struct http_param *params; /* query, then a form body */
	size_t n_params;
	const char *remote; /* the peer's address, "127.0.0.1" */
};

/* The first parameter called name, or NULL. */
const struct http_param *http_param(const struct http_request *req,
				    const char *name);

/* The handler's answer: a status and a short plain-text body. */
struct http_response {
	int status;
	char body[256];
};

typedef void (*http_handler)(void *ctx, const struct http_request *req,
			     struct http_response *res);

struct http_server_config {
	const char *host; /* a numeric address: "127.0.0.1", "::1" */
	int port;	  /* 0: any free port (tests; see http_server_port) */
	/*
	 * The shared secret every request must carry, as the query or form
	 * parameter "secret" or as the password of HTTP Basic auth (any user
	 * name). At least 16 bytes.
	 */
	const char *secret;
	size_t max_request;  /* bytes of URL and body [8192] */
	int max_connections; /* open at once [128] */
	int rate;	     /* requests a second, sustained [500] */
	int burst;	     /* requests at once above the rate [1000] */
	int timeout_s;	     /* an idle connection is closed after [10] */
	http_handler handler;
	void *ctx;
};

struct http_server;

/*
 * Bind and listen. Returns a new server (free with http_server_free) or NULL
 * with the reason in err. Nothing is answered until http_server_step runs.
 *
 * Answers it gives without asking the handler: 400 for a malformed query or
 * body, 403 without the right secret, 405 for a method other than GET or
 * POST, 413 for a request over max_request, 415 for a POST body that is not
 * application/x-www-form-urlencoded, 429 over the rate (Kannel retries all
 * of these, so a burst is delayed, not lost). The handler answers the rest.
 */
struct http_server *http_server_new(const struct http_server_config *cfg,
				    char *err, size_t errlen);
void http_server_free(struct http_server *srv);
/* The port it listens on (the one picked when cfg->port was 0). */
int http_server_port(const struct http_server *srv);
/* The one descriptor to poll for POLLIN. */
int http_server_fd(const struct http_server *srv);
/* Monotonic ms when step must run even without input; -1 when never. */
int64_t http_server_next_deadline(struct http_server *srv, int64_t now_ms);
/* Do what is ready: accept, read, call the handler, write. Never blocks. */
void http_server_step(struct http_server *srv, int64_t now_ms);
/* Requests answered so far, and of those refused by the edge itself. */
void http_server_counts(const struct http_server *srv, uint64_t *answered,
			uint64_t *refused);

/* ---- client ---------------------------------------------------------- */

struct http_result {
	int status;	   /* the HTTP status; 0 when no answer came */
	const char *body;  /* the response body, NUL-terminated (maybe cut) */
	const char *error; /* when status is 0: why, in curl's words */
};

typedef void (*http_done)(void *ctx, const struct http_result *res);

struct http_client_config {
	int max_in_flight;   /* requests at once [10] */
	int timeout_ms;	     /* whole request [30000] */
	int connect_ms;	     /* connecting [5000] */
	size_t max_response; /* bytes of body kept [4096] */
};

struct http_client;

/* A new client (free with http_client_free), or NULL with err. */
struct http_client *http_client_new(const struct http_client_config *cfg,
				    char *err, size_t errlen);
/*
 * Cancel what is in flight (their callbacks are not called) and free.
 */
void http_client_free(struct http_client *cl);
/*
 * Start a GET of url; done(ctx, result) is called from a later
 * http_client_step (never from inside this call), exactly once. Returns 0,
 * -1 when max_in_flight requests are already out, -2 when the request
 * cannot be made (not http:// or https://, out of memory).
 */
int http_client_get(struct http_client *cl, const char *url, http_done done,
		    void *ctx);
int http_client_in_flight(const struct http_client *cl);
int http_client_fd(const struct http_client *cl);
int64_t http_client_next_deadline(struct http_client *cl, int64_t now_ms);
void http_client_step(struct http_client *cl, int64_t now_ms);

/* ---- helpers (pure) -------------------------------------------------- */

/*
 * Percent-encode len bytes of in for a query value (everything but
 * A-Z a-z 0-9 - . _ ~). Writes at most cap-1 bytes plus NUL; returns the
 * length it needed (>= cap means out was too small and holds nothing).
 */
size_t http_escape(const char *in, size_t len, char *out, size_t cap);
/*
 * Decode a query or form value in place ('+' is a space, %XX a byte).
 * Returns its new length, or -1 for a broken %-escape.
 */
long http_unescape(char *s, size_t len);
/* 1 for 127.0.0.0/8, ::1 and ::ffff:127.x.x.x written numerically, else 0. */
int http_is_loopback(const char *host);

#endif
