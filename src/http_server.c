/*
 * http_server: the server half of the http module (http.h) on
 * libmicrohttpd, run from the caller's poll() loop.
 *
 * libmicrohttpd is started without a thread of its own and with epoll
 * (MHD_USE_EPOLL): it then keeps every socket it owns in one epoll
 * descriptor, which is the one fd the loop polls, and MHD_run() does what is
 * ready without waiting. The raw request URI is taken in the URI log
 * callback (before libmicrohttpd splits it) so that the query and a form
 * body go through one strict parser of our own.
 */
#include "smsdesk/http.h"
#include "smsdesk/log.h"

#include "http_internal.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#define MAX_PARAMS 32

struct http_server {
	struct MHD_Daemon *mhd;
	struct http_server_config cfg;
	char *secret;
	int port;
	/* token bucket: tokens are thousandths of a request */
	int64_t tokens, last_ms, now_ms;
	uint64_t answered, refused;
};

/* One request between the URI callback and the completion notice. */
struct req {
	char *uri; /* raw: path?query */
	char *body;
	size_t body_len;
	int started; /* the access handler has seen the headers */
	int too_big; /* more than max_request bytes came */
};

/* ---- pure helpers ---------------------------------------------------- */

size_t http_escape(const char *in, size_t len, char *out, size_t cap)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t need = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)in[i];
		int plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
			    (c >= '0' && c <= '9') || c == '-' || c == '.' ||
			    c == '_' || c == '~';
		need += plain ? 1 : 3;
	}
	if (need >= cap) {
		if (cap > 0)
			out[0] = '\0';
		return need;
	}
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)in[i];
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' ||
		    c == '_' || c == '~') {
			out[o++] = (char)c;
		} else {
			out[o++] = '%';
			out[o++] = hex[c >> 4];
			out[o++] = hex[c & 15];
		}
	}
	out[o] = '\0';
	return need;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

long http_unescape(char *s, size_t len)
{
	size_t o = 0;

	for (size_t i = 0; i < len; i++) {
		if (s[i] == '+') {
			s[o++] = ' ';
		} else if (s[i] == '%') {
			int hi, lo;
			if (i + 2 >= len)
				return -1;
			hi = hexval(s[i + 1]);
			lo = hexval(s[i + 2]);
			if (hi < 0 || lo < 0)
				return -1;
			s[o++] = (char)(hi << 4 | lo);
			i += 2;
		} else {
			s[o++] = s[i];
		}
	}
	s[o] = '\0';
	return (long)o;
}

int http_is_loopback(const char *host)
{
	struct in_addr a4;
	struct in6_addr a6;

	if (host == NULL)
		return 0;
	if (inet_pton(AF_INET, host, &a4) == 1)
		return (ntohl(a4.s_addr) >> 24) == 127;
	if (inet_pton(AF_INET6, host, &a6) == 1) {
		if (IN6_IS_ADDR_LOOPBACK(&a6))
			return 1;
		return IN6_IS_ADDR_V4MAPPED(&a6) && a6.s6_addr[12] == 127;
	}
	return 0;
}

const struct http_param *http_param(const struct http_request *req,
				    const char *name)
{
	for (size_t i = 0; i < req->n_params; i++)
		if (strcmp(req->params[i].name, name) == 0)
			return &req->params[i];
	return NULL;
}

/*
 * Split "a=1&b=2" (in place) into params, decoding each name and value.
 * Returns 0, or -1 when it is malformed or holds too many pairs.
 */
static int parse_pairs(char *s, struct http_param *p, size_t *n, size_t cap)
{
	while (s != NULL && *s != '\0') {
		char *amp = strchr(s, '&');
		char *eq;
		long nl, vl;

		if (amp != NULL)
			*amp = '\0';
		if (*s != '\0') {
			if (*n == cap)
				return -1;
			eq = strchr(s, '=');
			char *v = eq != NULL ? eq + 1 : s + strlen(s);
			if (eq != NULL)
				*eq = '\0';
			nl = http_unescape(s, strlen(s));
			vl = http_unescape(v, strlen(v));
			if (nl <= 0 || vl < 0 || (long)strlen(s) != nl)
				return -1;
			p[*n].name = s;
			p[*n].value = v;
			p[*n].len = (size_t)vl;
			(*n)++;
		}
		s = amp != NULL ? amp + 1 : NULL;
	}
	return 0;
}

/* ---- the edge's own answers ------------------------------------------ */

static void edge_log(void *cls, const char *fmt, va_list ap)
{
	char line[256];

	(void)cls;
	vsnprintf(line, sizeof(line), fmt, ap);
	line[strcspn(line, "\n")] = '\0';
	log_debug("http: %s", line);
}

static enum MHD_Result respond(struct MHD_Connection *con, int status,
			       const char *body)
{
	struct MHD_Response *r = http_lib.MHD_create_response_from_buffer(
	    strlen(body), (void *)body, MHD_RESPMEM_MUST_COPY);
	enum MHD_Result rc;

	if (r == NULL)
		return MHD_NO;
	http_lib.MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
					 "text/plain; charset=utf-8");
	/* One request a connection: a client that keeps many connections
	 * open and idle (smsbox after a burst) would otherwise hold every
	 * slot of max_connections while new calls wait unaccepted. */
	http_lib.MHD_add_response_header(r, MHD_HTTP_HEADER_CONNECTION,
					 "close");
	rc = http_lib.MHD_queue_response(con, (unsigned int)status, r);
	http_lib.MHD_destroy_response(r);
	return rc;
}

static enum MHD_Result refuse(struct http_server *srv,
			      struct MHD_Connection *con, int status,
			      const char *body)
{
	srv->refused++;
	srv->answered++;
	return respond(con, status, body);
}

/* Take a request's worth of tokens; 0 when the bucket is empty. */
static int take_token(struct http_server *srv)
{
	int64_t cap = (int64_t)srv->cfg.burst * 1000;
	int64_t dt = srv->now_ms - srv->last_ms;

	if (dt > 0) {
		srv->tokens += dt * srv->cfg.rate;
		if (srv->tokens > cap)
			srv->tokens = cap;
		srv->last_ms = srv->now_ms;
	}
	if (srv->tokens < 1000)
		return 0;
	srv->tokens -= 1000;
	return 1;
}

/* Constant-time for equal lengths: the secret is not guessed a byte at a
 * time from answer times. */
static int same_secret(const char *given, size_t len, const char *secret)
{
	size_t n = strlen(secret);
	unsigned char diff = len != n;

	for (size_t i = 0; i < n; i++)
		diff |= (unsigned char)(i < len ? given[i] : 0) ^
			(unsigned char)secret[i];
	return diff == 0;
}

static int has_secret(struct http_server *srv, struct MHD_Connection *con,
		      const struct http_request *req)
{
	const struct http_param *p = http_param(req, "secret");
	char *user, *pass = NULL;
	int ok;

	if (p != NULL)
		return same_secret(p->value, p->len, srv->secret);
	user = http_lib.MHD_basic_auth_get_username_password(con, &pass);
	ok = pass != NULL && same_secret(pass, strlen(pass), srv->secret);
	http_lib.MHD_free(user);
	http_lib.MHD_free(pass);
	return ok;
}

static int form_body(struct MHD_Connection *con)
{
	const char *type = http_lib.MHD_lookup_connection_value(
	    con, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
	static const char form[] = "application/x-www-form-urlencoded";

	if (type == NULL)
		return 0;
	return strncasecmp(type, form, sizeof(form) - 1) == 0 &&
	       (type[sizeof(form) - 1] == '\0' ||
		type[sizeof(form) - 1] == ';');
}

/* ---- requests -------------------------------------------------------- */

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *con)
{
	struct req *r = calloc(1, sizeof(*r));

	(void)cls;
	(void)con;
	if (r != NULL && (r->uri = strdup(uri)) == NULL) {
		free(r);
		r = NULL;
	}
	return r;
}

static void on_completed(void *cls, struct MHD_Connection *con, void **rcls,
			 enum MHD_RequestTerminationCode toe)
{
	struct req *r = *rcls;

	(void)cls;
	(void)con;
	(void)toe;
	if (r != NULL) {
		free(r->uri);
		free(r->body);
		free(r);
	}
	*rcls = NULL;
}

static enum MHD_Result dispatch(struct http_server *srv,
				struct MHD_Connection *con, const char *method,
				struct req *r)
{
	struct http_param params[MAX_PARAMS];
	struct http_request req = {.method = method, .params = params};
	struct http_response res = {.status = 500};
	char remote[INET6_ADDRSTRLEN] = "?";
	const union MHD_ConnectionInfo *ci;
	char *query;

	if (!take_token(srv))
		return refuse(srv, con, 429, "too many requests\n");
	query = strchr(r->uri, '?');
	if (query != NULL)
		*query++ = '\0';
	req.path = r->uri;
	if (parse_pairs(query, params, &req.n_params, MAX_PARAMS) != 0 ||
	    parse_pairs(r->body, params, &req.n_params, MAX_PARAMS) != 0)
		return refuse(srv, con, 400, "malformed parameters\n");
	if (!has_secret(srv, con, &req))
		return refuse(srv, con, 403, "secret missing or wrong\n");
	ci = http_lib.MHD_get_connection_info(
	    con, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (ci != NULL && ci->client_addr != NULL) {
		const struct sockaddr *sa = ci->client_addr;
		if (sa->sa_family == AF_INET)
			inet_ntop(AF_INET,
				  &((const struct sockaddr_in *)sa)->sin_addr,
				  remote, sizeof(remote));
		else if (sa->sa_family == AF_INET6)
			inet_ntop(AF_INET6,
				  &((const struct sockaddr_in6 *)sa)->sin6_addr,
				  remote, sizeof(remote));
	}
	req.remote = remote;
	srv->cfg.handler(srv->cfg.ctx, &req, &res);
	if (res.status < 100 || res.status > 599) {
		res.status = 500;
		snprintf(res.body, sizeof(res.body), "internal error\n");
	}
	srv->answered++;
	return respond(con, res.status, res.body);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *con,
				  const char *url, const char *method,
				  const char *version, const char *data,
				  size_t *data_size, void **rcls)
{
	struct http_server *srv = cls;
	struct req *r = *rcls;
	int post = strcmp(method, MHD_HTTP_METHOD_POST) == 0;

	(void)url;
	(void)version;
	if (r == NULL)
		return MHD_NO; /* out of memory in on_uri: drop it */
	if (!r->started) {
		r->started = 1;
		if (!post && strcmp(method, MHD_HTTP_METHOD_GET) != 0)
			return refuse(srv, con, 405, "GET or POST only\n");
		if (strlen(r->uri) > srv->cfg.max_request)
			return refuse(srv, con, 413, "request too large\n");
		if (post && !form_body(con))
			return refuse(srv, con, 415,
				      "POST a form "
				      "(application/x-www-form-urlencoded)\n");
		return MHD_YES;
	}
	if (*data_size > 0) {
		size_t room = srv->cfg.max_request - strlen(r->uri);
		if (!r->too_big && r->body_len + *data_size <= room) {
			char *b =
			    realloc(r->body, r->body_len + *data_size + 1);
			if (b == NULL)
				return MHD_NO;
			memcpy(b + r->body_len, data, *data_size);
			r->body = b;
			r->body_len += *data_size;
			b[r->body_len] = '\0';
			if (memchr(b, '\0', r->body_len) != NULL)
				r->too_big = -1; /* a NUL: not a form */
		} else if (!r->too_big) {
			r->too_big = 1;
		}
		*data_size = 0;
		return MHD_YES;
	}
	if (r->too_big > 0)
		return refuse(srv, con, 413, "request too large\n");
	if (r->too_big < 0)
		return refuse(srv, con, 400, "malformed body\n");
	return dispatch(srv, con, method, r);
}

/* ---- life ------------------------------------------------------------ */

struct http_server *http_server_new(const struct http_server_config *cfg,
				    char *err, size_t errlen)
{
	struct http_server *srv;
	struct sockaddr_in sin = {.sin_family = AF_INET};
	struct sockaddr_in6 sin6 = {.sin6_family = AF_INET6};
	struct sockaddr *sa;
	unsigned int flags = MHD_USE_EPOLL | MHD_USE_ERROR_LOG;

	if (cfg->handler == NULL || cfg->secret == NULL ||
	    strlen(cfg->secret) < 16) {
		snprintf(err, errlen,
			 "the shared secret must be 16 or more "
			 "characters");
		return NULL;
	}
	if (cfg->port < 0 || cfg->port > 65535) {
		snprintf(err, errlen, "port %d is out of range", cfg->port);
		return NULL;
	}
	if (inet_pton(AF_INET, cfg->host, &sin.sin_addr) == 1) {
		sin.sin_port = htons((uint16_t)cfg->port);
		sa = (struct sockaddr *)&sin;
	} else if (inet_pton(AF_INET6, cfg->host, &sin6.sin6_addr) == 1) {
		sin6.sin6_port = htons((uint16_t)cfg->port);
		sa = (struct sockaddr *)&sin6;
		flags |= MHD_USE_IPv6;
	} else {
		snprintf(err, errlen, "'%s' is not a numeric address",
			 cfg->host);
		return NULL;
	}
	if (http_lib_load(err, errlen) != 0)
		return NULL;
	if (http_lib.MHD_is_feature_supported(MHD_FEATURE_EPOLL) != MHD_YES) {
		snprintf(err, errlen, "this libmicrohttpd lacks epoll");
		return NULL;
	}
	srv = calloc(1, sizeof(*srv));
	if (srv == NULL || (srv->secret = strdup(cfg->secret)) == NULL) {
		free(srv);
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	srv->cfg = *cfg;
	srv->cfg.secret = srv->secret;
	if (srv->cfg.max_request == 0)
		srv->cfg.max_request = 8192;
	if (srv->cfg.max_connections <= 0)
		srv->cfg.max_connections = 128;
	if (srv->cfg.rate <= 0)
		srv->cfg.rate = 500;
	if (srv->cfg.burst <= 0)
		srv->cfg.burst = 1000;
	if (srv->cfg.timeout_s <= 0)
		srv->cfg.timeout_s = 10;
	srv->tokens = (int64_t)srv->cfg.burst * 1000;
	srv->last_ms = -1;
	/* The per-connection pool holds the request line and headers: twice
	 * the request bound leaves room for the headers a client adds. */
	size_t pool = srv->cfg.max_request * 2 + 4096;
	srv->mhd = http_lib.MHD_start_daemon(
	    flags, (uint16_t)cfg->port, NULL, NULL, on_request, srv,
	    MHD_OPTION_EXTERNAL_LOGGER, edge_log, srv, MHD_OPTION_SOCK_ADDR, sa,
	    MHD_OPTION_URI_LOG_CALLBACK, on_uri, srv,
	    MHD_OPTION_NOTIFY_COMPLETED, on_completed, srv,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned int)srv->cfg.max_connections,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)srv->cfg.timeout_s,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, pool, MHD_OPTION_END);
	if (srv->mhd == NULL) {
		snprintf(err, errlen, "cannot listen on %s port %d", cfg->host,
			 cfg->port);
		free(srv->secret);
		free(srv);
		return NULL;
	}
	const union MHD_DaemonInfo *di =
	    http_lib.MHD_get_daemon_info(srv->mhd, MHD_DAEMON_INFO_BIND_PORT);
	srv->port = di != NULL ? di->port : cfg->port;
	return srv;
}

void http_server_free(struct http_server *srv)
{
	if (srv == NULL)
		return;
	http_lib.MHD_stop_daemon(srv->mhd);
	free(srv->secret);
	free(srv);
}

int http_server_port(const struct http_server *srv)
{
	return srv->port;
}

int http_server_fd(const struct http_server *srv)
{
	const union MHD_DaemonInfo *di =
	    http_lib.MHD_get_daemon_info(srv->mhd, MHD_DAEMON_INFO_EPOLL_FD);

	return di != NULL ? di->epoll_fd : -1;
}

int64_t http_server_next_deadline(struct http_server *srv, int64_t now_ms)
{
	MHD_UNSIGNED_LONG_LONG t = 0;

	if (http_lib.MHD_get_timeout(srv->mhd, &t) != MHD_YES)
		return -1;
	if (t > 60000)
		t = 60000;
	return now_ms + (int64_t)t;
}

void http_server_step(struct http_server *srv, int64_t now_ms)
{
	srv->now_ms = now_ms;
	if (srv->last_ms < 0)
		srv->last_ms = now_ms;
	http_lib.MHD_run(srv->mhd);
}

void http_server_counts(const struct http_server *srv, uint64_t *answered,
			uint64_t *refused)
{
	*answered = srv->answered;
	*refused = srv->refused;
}
