/*
 * test_http: the HTTP edge over loopback — our server answered by our
 * client and by raw sockets, in one poll() loop as the daemon runs them.
 */
#include "harness.h"

#include "smsdesk/http.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define SECRET "s3cret-s3cret-s3cret"

static int64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- a handler that records what it saw ---- */

static struct {
	int calls;
	char path[64];
	char from[64];
	char text[256];
	size_t text_len;
	char remote[64];
	int answer; /* status to give */
} seen;

static void handler(void *ctx, const struct http_request *req,
		    struct http_response *res)
{
	const struct http_param *p;

	(void)ctx;
	seen.calls++;
	snprintf(seen.path, sizeof(seen.path), "%s", req->path);
	snprintf(seen.remote, sizeof(seen.remote), "%s", req->remote);
	p = http_param(req, "from");
	snprintf(seen.from, sizeof(seen.from), "%s", p ? p->value : "");
	p = http_param(req, "text");
	seen.text_len = p ? p->len : 0;
	if (p != NULL && p->len < sizeof(seen.text))
		memcpy(seen.text, p->value, p->len + 1);
	res->status = seen.answer ? seen.answer : 200;
	snprintf(res->body, sizeof(res->body), "ok %s\n", req->path);
}

/* ---- a client that records its answer ---- */

struct answer {
	int done;
	int status;
	char body[512];
	char error[256];
};

static void on_done(void *ctx, const struct http_result *res)
{
	struct answer *a = ctx;

	a->done++;
	a->status = res->status;
	snprintf(a->body, sizeof(a->body), "%s", res->body ? res->body : "");
	snprintf(a->error, sizeof(a->error), "%s",
		 res->error ? res->error : "");
}

static int64_t earliest(int64_t a, int64_t b)
{
	if (a < 0)
		return b;
	if (b < 0)
		return a;
	return a < b ? a : b;
}

/* Run both until *flag is set or limit_ms passes; returns the flag. */
static int run_until(struct http_server *srv, struct http_client *cl, int *flag,
		     int want, int limit_ms)
{
	int64_t end = mono_ms() + limit_ms;

	while (*flag < want && mono_ms() < end) {
		struct pollfd fds[2];
		nfds_t n = 0;
		int64_t now = mono_ms(), due = end;
		if (srv != NULL) {
			fds[n++] = (struct pollfd){.fd = http_server_fd(srv),
						   .events = POLLIN};
			due =
			    earliest(due, http_server_next_deadline(srv, now));
		}
		if (cl != NULL) {
			fds[n++] = (struct pollfd){.fd = http_client_fd(cl),
						   .events = POLLIN};
			due = earliest(due, http_client_next_deadline(cl, now));
		}
		int t = due > now ? (int)(due - now) : 0;
		poll(fds, n, t > 200 ? 200 : t);
		now = mono_ms();
		if (srv != NULL)
			http_server_step(srv, now);
		if (cl != NULL)
			http_client_step(cl, now);
	}
	return *flag >= want;
}

static struct http_server *server(int rate, int burst, size_t max_request)
{
	struct http_server_config cfg = {.host = "127.0.0.1",
					 .port = 0,
					 .secret = SECRET,
					 .max_request = max_request,
					 .rate = rate,
					 .burst = burst,
					 .handler = handler};
	char err[200];
	struct http_server *srv = http_server_new(&cfg, err, sizeof(err));

	if (srv == NULL)
		printf("server: %s\n", err);
	memset(&seen, 0, sizeof(seen));
	return srv;
}

static struct http_client *client(int max_in_flight, int timeout_ms)
{
	struct http_client_config cfg = {.max_in_flight = max_in_flight,
					 .timeout_ms = timeout_ms,
					 .max_response = 64};
	char err[200];

	return http_client_new(&cfg, err, sizeof(err));
}

/* GET path?query from srv with our client; fills a. */
static void get(struct http_server *srv, struct http_client *cl,
		const char *pathquery, struct answer *a)
{
	char url[2048];

	memset(a, 0, sizeof(*a));
	snprintf(url, sizeof(url), "http://127.0.0.1:%d%s",
		 http_server_port(srv), pathquery);
	if (http_client_get(cl, url, on_done, a) != 0) {
		a->status = -1;
		return;
	}
	run_until(srv, cl, &a->done, 1, 5000);
}

/*
 * Send raw bytes to the server and read what it answers: for requests our
 * own client would never make. Returns the status, or -1.
 */
static int raw(struct http_server *srv, const char *bytes)
{
	struct sockaddr_in sin = {.sin_family = AF_INET,
				  .sin_port =
				      htons((uint16_t)http_server_port(srv))};
	char buf[1024];
	size_t got = 0;
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	int status = -1;

	inet_pton(AF_INET, "127.0.0.1", &sin.sin_addr);
	if (connect(fd, (struct sockaddr *)&sin, sizeof(sin)) != 0 &&
	    errno != EINPROGRESS) {
		close(fd);
		return -1;
	}
	size_t off = 0, len = strlen(bytes);
	int64_t end = mono_ms() + 5000;
	while (mono_ms() < end) {
		int64_t now = mono_ms();
		struct pollfd fds[2] = {
		    {.fd = http_server_fd(srv), .events = POLLIN},
		    {.fd = fd, .events = POLLIN | (off < len ? POLLOUT : 0)}};
		poll(fds, 2, 50);
		http_server_step(srv, now);
		if (off < len && (fds[1].revents & POLLOUT)) {
			ssize_t w = write(fd, bytes + off, len - off);
			if (w > 0)
				off += (size_t)w;
		}
		if (fds[1].revents & (POLLIN | POLLHUP)) {
			ssize_t r = read(fd, buf + got, sizeof(buf) - 1 - got);
			if (r <= 0)
				break;
			got += (size_t)r;
			buf[got] = '\0';
			if (strstr(buf, "\r\n\r\n") != NULL)
				break;
		}
	}
	close(fd);
	buf[got] = '\0';
	if (got > 12 && strncmp(buf, "HTTP/1.", 7) == 0)
		status = atoi(buf + 9);
	return status;
}

/* ---- pure helpers ---- */

static void test_escape(void)
{
	char out[64];

	CHECK_INT(http_escape("a b+c/é~", 9, out, sizeof(out)), 19);
	CHECK_STR(out, "a%20b%2Bc%2F%C3%A9~");
	CHECK(http_escape("abc", 3, out, 3) >= 3);
	CHECK_STR(out, "");
	CHECK_INT(http_escape("", 0, out, 1), 0);
}

static void test_unescape(void)
{
	char s[64];

	strcpy(s, "a+b%2Bc%C3%A9");
	CHECK_INT(http_unescape(s, strlen(s)), 7);
	CHECK_STR(s, "a b+cé");
	strcpy(s, "x%00y");
	CHECK_INT(http_unescape(s, strlen(s)), 3);
	CHECK(memcmp(s, "x\0y", 3) == 0);
	strcpy(s, "bad%2");
	CHECK_INT(http_unescape(s, strlen(s)), -1);
	strcpy(s, "bad%zz");
	CHECK_INT(http_unescape(s, strlen(s)), -1);
	strcpy(s, "%");
	CHECK_INT(http_unescape(s, strlen(s)), -1);
}

static void test_loopback(void)
{
	CHECK(http_is_loopback("127.0.0.1"));
	CHECK(http_is_loopback("127.1.2.3"));
	CHECK(http_is_loopback("::1"));
	CHECK(http_is_loopback("::ffff:127.0.0.1"));
	CHECK(!http_is_loopback("0.0.0.0"));
	CHECK(!http_is_loopback("192.168.1.2"));
	CHECK(!http_is_loopback("::"));
	CHECK(!http_is_loopback("localhost"));
	CHECK(!http_is_loopback(NULL));
}

/* ---- server ---- */

static void test_get_with_secret(void)
{
	struct http_server *srv = server(0, 0, 0);
	struct http_client *cl = client(4, 5000);
	struct answer a;

	CHECK(srv != NULL && cl != NULL);
	if (srv == NULL || cl == NULL)
		goto out;
	get(srv, cl,
	    "/kannel/mo?secret=" SECRET "&from=%2B447700900123"
	    "&text=Haircut+tomorrow%3F+%C2%A35",
	    &a);
	CHECK_INT(a.status, 200);
	CHECK_STR(a.body, "ok /kannel/mo\n");
	CHECK_INT(seen.calls, 1);
	CHECK_STR(seen.path, "/kannel/mo");
	CHECK_STR(seen.from, "+447700900123");
	CHECK_STR(seen.text, "Haircut tomorrow? £5");
	CHECK_STR(seen.remote, "127.0.0.1");
	/* a status the handler chose goes out as it is */
	seen.answer = 503;
	get(srv, cl, "/x?secret=" SECRET, &a);
	CHECK_INT(a.status, 503);
out:
	http_client_free(cl);
	http_server_free(srv);
}

static void test_secret_refused(void)
{
	struct http_server *srv = server(0, 0, 0);
	struct http_client *cl = client(4, 5000);
	struct answer a;
	uint64_t answered, refused;

	CHECK(srv != NULL && cl != NULL);
	if (srv == NULL || cl == NULL)
		goto out;
	get(srv, cl, "/kannel/mo?from=1", &a);
	CHECK_INT(a.status, 403);
	get(srv, cl, "/kannel/mo?secret=s3cret-s3cret-s3creT", &a);
	CHECK_INT(a.status, 403);
	get(srv, cl, "/kannel/mo?secret=" SECRET "x", &a);
	CHECK_INT(a.status, 403);
	get(srv, cl, "/kannel/mo?secret=", &a);
	CHECK_INT(a.status, 403);
	CHECK_INT(seen.calls, 0);
	http_server_counts(srv, &answered, &refused);
	CHECK_INT(answered, 4);
	CHECK_INT(refused, 4);
out:
	http_client_free(cl);
	http_server_free(srv);
}

static void test_basic_auth(void)
{
	struct http_server *srv = server(0, 0, 0);
	char req[512];

	CHECK(srv != NULL);
	if (srv == NULL)
		return;
	/* "kannel:s3cret-s3cret-s3cret" in base64 */
	snprintf(req, sizeof(req),
		 "GET /kannel/dlr?from=7 HTTP/1.1\r\nHost: x\r\n"
		 "Authorization: Basic "
		 "a2FubmVsOnMzY3JldC1zM2NyZXQtczNjcmV0\r\n\r\n");
	CHECK_INT(raw(srv, req), 200);
	CHECK_INT(seen.calls, 1);
	CHECK_STR(seen.from, "7");
	/* "kannel:wrong" */
	snprintf(req, sizeof(req),
		 "GET /kannel/dlr HTTP/1.1\r\nHost: x\r\n"
		 "Authorization: Basic a2FubmVsOndyb25n\r\n\r\n");
	CHECK_INT(raw(srv, req), 403);
	CHECK_INT(seen.calls, 1);
	http_server_free(srv);
}

static void test_refusals(void)
{
	struct http_server *srv = server(0, 0, 512);
	char req[2048], big[700], body[800];

	CHECK(srv != NULL);
	if (srv == NULL)
		return;
	CHECK_INT(raw(srv, "PUT /kannel/mo?secret=" SECRET
			   " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"),
		  405);
	CHECK_INT(raw(srv, "GET /kannel/mo?secret=" SECRET
			   "&text=%zz HTTP/1.1\r\nHost: x\r\n\r\n"),
		  400);
	CHECK_INT(raw(srv, "GET /kannel/mo?secret=" SECRET
			   "&=x HTTP/1.1\r\nHost: x\r\n\r\n"),
		  400);
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	snprintf(req, sizeof(req),
		 "GET /kannel/mo?secret=" SECRET "&text=%s HTTP/1.1\r\n"
		 "Host: x\r\n\r\n",
		 big);
	CHECK_INT(raw(srv, req), 413);
	snprintf(body, sizeof(body), "secret=" SECRET "&text=%s", big);
	snprintf(req, sizeof(req),
		 "POST /kannel/mo HTTP/1.1\r\nHost: x\r\n"
		 "Content-Type: application/x-www-form-urlencoded\r\n"
		 "Content-Length: %zu\r\n\r\n%s",
		 strlen(body), body);
	CHECK_INT(raw(srv, req), 413);
	CHECK_INT(raw(srv, "POST /kannel/mo HTTP/1.1\r\nHost: x\r\n"
			   "Content-Type: application/json\r\n"
			   "Content-Length: 2\r\n\r\n{}"),
		  415);
	CHECK_INT(seen.calls, 0);
	http_server_free(srv);
}

static void test_post_form(void)
{
	struct http_server *srv = server(0, 0, 0);
	char req[512];
	const char *body = "secret=" SECRET "&from=%2B4477&text=caf%C3%A9+ok";

	CHECK(srv != NULL);
	if (srv == NULL)
		return;
	snprintf(req, sizeof(req),
		 "POST /kannel/mo?x=1 HTTP/1.1\r\nHost: x\r\n"
		 "Content-Type: application/x-www-form-urlencoded; "
		 "charset=utf-8\r\nContent-Length: %zu\r\n\r\n%s",
		 strlen(body), body);
	CHECK_INT(raw(srv, req), 200);
	CHECK_INT(seen.calls, 1);
	CHECK_STR(seen.from, "+4477");
	CHECK_STR(seen.text, "café ok");
	http_server_free(srv);
}

static void test_nul_in_value(void)
{
	struct http_server *srv = server(0, 0, 0);
	struct http_client *cl = client(4, 5000);
	struct answer a;

	CHECK(srv != NULL && cl != NULL);
	if (srv == NULL || cl == NULL)
		goto out;
	get(srv, cl, "/m?secret=" SECRET "&text=a%00b", &a);
	CHECK_INT(a.status, 200);
	CHECK_INT(seen.text_len, 3);
	CHECK(memcmp(seen.text, "a\0b", 3) == 0);
out:
	http_client_free(cl);
	http_server_free(srv);
}

static void test_rate_limit(void)
{
	struct http_server *srv = server(1, 3, 0);
	struct http_client *cl = client(4, 5000);
	struct answer a;
	int ok = 0, limited = 0;

	CHECK(srv != NULL && cl != NULL);
	if (srv == NULL || cl == NULL)
		goto out;
	for (int i = 0; i < 5; i++) {
		get(srv, cl, "/m?secret=" SECRET, &a);
		ok += a.status == 200;
		limited += a.status == 429;
	}
	/* a burst of 3, then about one a second: the test takes well under
	 * a second, so at most one more got through */
	CHECK(ok >= 3 && ok <= 4);
	CHECK_INT(ok + limited, 5);
	CHECK_INT(seen.calls, ok);
out:
	http_client_free(cl);
	http_server_free(srv);
}

/*
 * More callers at once than max_connections, each leaving its connection
 * open (smsbox after a burst): every call is still answered at once, as
 * the server closes each connection after its answer.
 */
static void test_many_at_once(void)
{
	struct http_server_config cfg = {.host = "127.0.0.1",
					 .secret = SECRET,
					 .max_connections = 8,
					 .handler = handler};
	char err[200], url[128];
	struct http_server *srv = http_server_new(&cfg, err, sizeof(err));
	struct http_client *cl = client(40, 5000);
	static struct answer a[40];
	int done = 0, ok = 0;

	CHECK(srv != NULL && cl != NULL);
	if (srv == NULL || cl == NULL)
		goto out;
	memset(&seen, 0, sizeof(seen));
	memset(a, 0, sizeof(a));
	snprintf(url, sizeof(url), "http://127.0.0.1:%d/m?secret=%s",
		 http_server_port(srv), SECRET);
	for (int round = 0; round < 3; round++) {
		for (int i = 0; i < 40; i++) {
			a[i].done = 0;
			CHECK_INT(http_client_get(cl, url, on_done, &a[i]), 0);
		}
		int64_t t0 = mono_ms();
		do {
			done = 0;
			run_until(srv, cl, &done, 1, 50);
			for (int i = 0; i < 40; i++)
				done += a[i].done;
		} while (done < 40 && mono_ms() - t0 < 5000);
		CHECK_INT(done, 40);
		for (int i = 0; i < 40; i++)
			ok += a[i].status == 200;
	}
	CHECK_INT(ok, 120);
	CHECK_INT(seen.calls, 120);
out:
	http_client_free(cl);
	http_server_free(srv);
}

static void test_bad_listen(void)
{
	struct http_server_config cfg = {
	    .host = "localhost", .secret = SECRET, .handler = handler};
	char err[200] = "";

	CHECK(http_server_new(&cfg, err, sizeof(err)) == NULL);
	CHECK(strstr(err, "numeric") != NULL);
	cfg.host = "127.0.0.1";
	cfg.secret = "short";
	CHECK(http_server_new(&cfg, err, sizeof(err)) == NULL);
	CHECK(strstr(err, "16") != NULL);
}

static void test_ipv6_loopback(void)
{
	struct http_server_config cfg = {
	    .host = "::1", .secret = SECRET, .handler = handler};
	char err[200] = "", url[128];
	struct http_server *srv = http_server_new(&cfg, err, sizeof(err));
	struct http_client *cl = client(2, 5000);
	struct answer a = {0};

	if (srv == NULL) {
		SKIP("no IPv6 loopback here");
		http_client_free(cl);
		return;
	}
	memset(&seen, 0, sizeof(seen));
	snprintf(url, sizeof(url), "http://[::1]:%d/v6?secret=" SECRET,
		 http_server_port(srv));
	CHECK_INT(http_client_get(cl, url, on_done, &a), 0);
	run_until(srv, cl, &a.done, 1, 5000);
	CHECK_INT(a.status, 200);
	CHECK_STR(seen.remote, "::1");
	http_client_free(cl);
	http_server_free(srv);
}

/* ---- client ---- */

static void test_client_refused(void)
{
	struct http_client *cl = client(2, 2000);
	struct answer a = {0};
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in sin = {.sin_family = AF_INET};
	socklen_t sl = sizeof(sin);
	char url[128];

	/* a port that was free a moment ago and has no listener */
	inet_pton(AF_INET, "127.0.0.1", &sin.sin_addr);
	bind(fd, (struct sockaddr *)&sin, sizeof(sin));
	getsockname(fd, (struct sockaddr *)&sin, &sl);
	close(fd);
	snprintf(url, sizeof(url), "http://127.0.0.1:%d/cgi-bin/sendsms",
		 ntohs(sin.sin_port));
	CHECK_INT(http_client_get(cl, url, on_done, &a), 0);
	CHECK_INT(http_client_in_flight(cl), 1);
	CHECK_INT(a.done, 0); /* never from inside the call */
	CHECK(run_until(NULL, cl, &a.done, 1, 5000));
	CHECK_INT(a.done, 1);
	CHECK_INT(a.status, 0);
	CHECK(a.error[0] != '\0');
	CHECK_INT(http_client_in_flight(cl), 0);
	http_client_free(cl);
}

static void test_client_timeout_and_bounds(void)
{
	struct http_client *cl = client(2, 300);
	struct answer a = {0}, b = {0}, c = {0};
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in sin = {.sin_family = AF_INET};
	socklen_t sl = sizeof(sin);
	char url[128];

	/* listening, never accepting: the connection is made, no answer */
	inet_pton(AF_INET, "127.0.0.1", &sin.sin_addr);
	bind(fd, (struct sockaddr *)&sin, sizeof(sin));
	listen(fd, 8);
	getsockname(fd, (struct sockaddr *)&sin, &sl);
	snprintf(url, sizeof(url), "http://127.0.0.1:%d/slow",
		 ntohs(sin.sin_port));
	CHECK_INT(http_client_get(cl, url, on_done, &a), 0);
	CHECK_INT(http_client_get(cl, url, on_done, &b), 0);
	CHECK_INT(http_client_get(cl, url, on_done, &c), -1); /* bound */
	CHECK_INT(http_client_get(cl, "ftp://127.0.0.1/x", on_done, &c), -1);
	int64_t t0 = mono_ms();
	CHECK(run_until(NULL, cl, &b.done, 1, 5000));
	CHECK(mono_ms() - t0 >= 250);
	CHECK_INT(a.done + b.done, 2);
	CHECK_INT(a.status, 0);
	CHECK(strstr(a.error, "imeout") != NULL ||
	      strstr(a.error, "timed") != NULL);
	CHECK_INT(c.done, 0);
	CHECK_INT(http_client_get(cl, "ftp://127.0.0.1/x", on_done, &c), -2);
	close(fd);
	http_client_free(cl);
}

static void test_client_body_cut(void)
{
	struct http_server *srv = server(0, 0, 0);
	struct http_client *cl = client(2, 5000);
	struct answer a;
	char path[200];

	CHECK(srv != NULL && cl != NULL);
	if (srv == NULL || cl == NULL)
		goto out;
	/* the handler echoes the path: make it longer than max_response */
	memset(path, 'p', sizeof(path));
	path[0] = '/';
	snprintf(path + 150, 50, "?secret=%s", SECRET);
	get(srv, cl, path, &a);
	CHECK_INT(a.status, 200);
	CHECK_INT(strlen(a.body), 64);
out:
	http_client_free(cl);
	http_server_free(srv);
}

static void test_client_free_in_flight(void)
{
	struct http_server *srv = server(0, 0, 0);
	struct http_client *cl = client(4, 5000);
	struct answer a = {0};
	char url[128];

	CHECK(srv != NULL && cl != NULL);
	if (srv == NULL || cl == NULL)
		goto out;
	snprintf(url, sizeof(url), "http://127.0.0.1:%d/x?secret=%s",
		 http_server_port(srv), SECRET);
	CHECK_INT(http_client_get(cl, url, on_done, &a), 0);
	http_client_step(cl, mono_ms());
	http_client_free(cl); /* no callback, no leak (ASan) */
	cl = NULL;
	CHECK_INT(a.done, 0);
out:
	http_client_free(cl);
	http_server_free(srv);
}

int main(void)
{
	RUN(test_escape);
	RUN(test_unescape);
	RUN(test_loopback);
	RUN(test_get_with_secret);
	RUN(test_secret_refused);
	RUN(test_basic_auth);
	RUN(test_refusals);
	RUN(test_post_form);
	RUN(test_nul_in_value);
	RUN(test_rate_limit);
	RUN(test_many_at_once);
	RUN(test_bad_listen);
	RUN(test_ipv6_loopback);
	RUN(test_client_refused);
	RUN(test_client_timeout_and_bounds);
	RUN(test_client_body_cut);
	RUN(test_client_free_in_flight);
	return h_done();
}
