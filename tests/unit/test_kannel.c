/*
 * test_kannel: the Kannel bearer (kannel.c) against a real sqlite file, the
 * real outbox, and a stand-in for smsbox's sendsms (our own http server,
 * whose answers the test chooses), all over loopback in one poll() loop.
 * The cases Kannel itself cannot easily be made to show: a store that is
 * busy, Kannel refusing or failing, a delivery report that overtakes the
 * sendsms answer. Kannel itself is in tests/e2e/test_kannel.sh.
 */
#include "harness.h"

#include "smsdesk/http.h"
#include "smsdesk/kannel.h"
#include "smsdesk/log.h"
#include "smsdesk/outbox.h"
#include "smsdesk/store.h"

#include <poll.h>
#include <time.h>
#include <unistd.h>

#define SECRET "unit-test-secret-0123456789"
#define NOW    1774432800 /* 2026-03-25 10:00 UTC */

static int64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- smsbox's sendsms, as the test wants it to answer ---- */

static struct {
	int calls;
	int status; /* what to answer */
	char to[64], from[64], text[512], coding[8], dlr_url[512];
} box;

static void sendsms(void *ctx, const struct http_request *req,
		    struct http_response *res)
{
	const struct http_param *p;

	(void)ctx;
	box.calls++;
#define COPY(name, field)                                                      \
	p = http_param(req, name);                                             \
	snprintf(box.field, sizeof(box.field), "%s", p ? p->value : "")
	COPY("to", to);
	COPY("from", from);
	COPY("text", text);
	COPY("coding", coding);
	COPY("dlr-url", dlr_url);
#undef COPY
	res->status = box.status;
	snprintf(res->body, sizeof(res->body), "%s",
		 box.status == 202 ? "0: Accepted for delivery" : "refused");
}

/* ---- the world of one test ---- */

struct world {
	char dir[64], db[96];
	struct store *st;
	struct outbox *ob;
	struct http_server *box; /* the fake sendsms */
	struct http_client *cl;	 /* plays smsbox calling us */
	struct kannel *k;
	int answers;
	int64_t answered_id;
	int kicks;
};

static void on_answer(void *ctx, int64_t id)
{
	struct world *w = ctx;

	w->answers++;
	w->answered_id = id;
}

static void on_kick(void *ctx)
{
	struct world *w = ctx;

	w->kicks++;
}

static int world_open(struct world *w)
{
	static char *numbers[] = {"+441632960000", "+441632960001"};
	char err[200], url[128];

	memset(w, 0, sizeof(*w));
	memset(&box, 0, sizeof(box));
	box.status = 202;
	snprintf(w->dir, sizeof(w->dir), "/tmp/smsdesk-test-kannel.XXXXXX");
	if (mkdtemp(w->dir) == NULL)
		return -1;
	snprintf(w->db, sizeof(w->db), "%s/desk.db", w->dir);
	w->st = store_open(w->db, STORE_OPEN_CREATE, err, sizeof(err));
	struct outbox_config oc = {.st = w->st, .retry_seconds = 1};
	w->ob = w->st ? outbox_new(&oc) : NULL;
	struct http_server_config bc = {.host = "127.0.0.1",
					.secret = "not-asked-by-sendsms-0",
					.handler = sendsms};
	w->box = http_server_new(&bc, err, sizeof(err));
	struct http_client_config cc = {.max_in_flight = 8};
	w->cl = http_client_new(&cc, err, sizeof(err));
	if (w->ob == NULL || w->box == NULL || w->cl == NULL)
		return -1;
	/* sendsms here takes the secret too: the fake checks what the
	 * bearer sends, not what Kannel would ask */
	snprintf(url, sizeof(url),
		 "http://127.0.0.1:%d/cgi-bin/sendsms?secret=%s",
		 http_server_port(w->box), "not-asked-by-sendsms-0");
	static char urlbuf[128];
	snprintf(urlbuf, sizeof(urlbuf), "%s", url);
	struct cat_kannel cat = {.listen = "127.0.0.1:0",
				 .listen_host = "127.0.0.1",
				 .listen_port = 0,
				 .sendsms_url = urlbuf,
				 .username = "smsdesk",
				 .password = "pw",
				 .secret = SECRET,
				 .numbers = numbers,
				 .n_numbers = 2,
				 .max_in_flight = 4};
	struct kannel_config kc = {.cat = &cat,
				   .country = "GB",
				   .st = w->st,
				   .ob = w->ob,
				   .answer = on_answer,
				   .kick = on_kick,
				   .ctx = w};
	w->k = kannel_new(&kc, err, sizeof(err));
	if (w->k == NULL)
		printf("kannel_new: %s\n", err);
	return w->k != NULL ? 0 : -1;
}

static void world_close(struct world *w)
{
	char cmd[128];

	kannel_free(w->k);
	http_client_free(w->cl);
	http_server_free(w->box);
	outbox_free(w->ob, NOW);
	store_close(w->st);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", w->dir);
	if (system(cmd) != 0)
		printf("could not remove %s\n", w->dir);
}

/* One turn of the loop: what is ready, on every side (the fake sendsms
 * only when box_too). */
static void turn(struct world *w, int box_too)
{
	struct pollfd fds[3] = {
	    {.fd = kannel_fd(w->k), .events = POLLIN},
	    {.fd = http_client_fd(w->cl), .events = POLLIN},
	    {.fd = http_server_fd(w->box), .events = POLLIN}};
	int64_t now = mono_ms();

	poll(fds, box_too ? 3 : 2, 10);
	now = mono_ms();
	kannel_step(w->k, now, NOW);
	http_client_step(w->cl, now);
	if (box_too)
		http_server_step(w->box, now);
}

static int run(struct world *w, int *flag, int want, int box_too)
{
	int64_t end = mono_ms() + 5000;

	while (*flag < want && mono_ms() < end)
		turn(w, box_too);
	return *flag >= want;
}

struct answer {
	int done, status;
	char body[256];
};

static void got(void *ctx, const struct http_result *res)
{
	struct answer *a = ctx;

	a->done++;
	a->status = res->status;
	snprintf(a->body, sizeof(a->body), "%s", res->body ? res->body : "");
}

/* smsbox calls us: GET PATH?QUERY (the secret added) */
static void call(struct world *w, const char *pathquery, struct answer *a,
		 int box_too)
{
	char url[1024];

	memset(a, 0, sizeof(*a));
	snprintf(url, sizeof(url), "http://127.0.0.1:%d%s%ssecret=%s",
		 kannel_port(w->k), pathquery,
		 strchr(pathquery, '?') ? "&" : "?", SECRET);
	if (http_client_get(w->cl, url, got, a) != 0)
		a->status = -1;
	else
		run(w, &a->done, 1, box_too);
}

#define MO "/kannel/mo?from=%2B447700900123&to=%2B441632960001&time=1774432800"

/* ---- cases ---- */

static void test_mo_stored_once(void)
{
	struct world w;
	struct answer a;
	struct store_inbox_msg msg;

	CHECK_INT(world_open(&w), 0);
	if (w.k == NULL)
		goto out;
	call(&w, MO "&text=haircut&coding=0&charset=UTF-8&id=u-1", &a, 0);
	CHECK_INT(a.status, 200);
	CHECK_STR(a.body, "stored\n");
	CHECK_INT(w.answers, 1);
	CHECK_INT(store_inbox_get(w.st, w.answered_id, &msg), 0);
	CHECK_STR(msg.sender, "+447700900123");
	CHECK_STR(msg.text, "haircut");
	/* the number the customer wrote to names the bearer */
	CHECK_STR(msg.modem, "kannel:+441632960001");
	store_inbox_msg_clear(&msg);
	/* Kannel calls again (our 200 was lost): stored once, answered once */
	call(&w, MO "&text=haircut&coding=0&charset=UTF-8&id=u-1", &a, 0);
	CHECK_INT(a.status, 200);
	CHECK_STR(a.body, "already stored\n");
	CHECK_INT(w.answers, 1);
	/* malformed: 400, nothing stored */
	call(&w, "/kannel/mo?from=%2B447700900123&text=x", &a, 0);
	CHECK_INT(a.status, 400);
	call(&w, "/kannel/elsewhere", &a, 0);
	CHECK_INT(a.status, 404);
	CHECK_INT(w.answers, 1);
out:
	world_close(&w);
}

static void test_mo_binary_and_other_number(void)
{
	struct world w;
	struct answer a;
	struct store_inbox_msg msg;

	CHECK_INT(world_open(&w), 0);
	if (w.k == NULL)
		goto out;
	call(&w,
	     "/kannel/mo?from=%2B447700900124&to=%2B449999&time=1&text=%01%02"
	     "&coding=1&id=u-2",
	     &a, 0);
	CHECK_INT(a.status, 200);
	CHECK_INT(w.answers, 0); /* data is kept, never answered */
	CHECK_INT(store_inbox_get(w.st, 1, &msg), 0);
	CHECK_INT(msg.state, STORE_IN_IGNORED);
	CHECK_STR(msg.modem, "kannel:+441632960000"); /* the first number */
	store_inbox_msg_clear(&msg);
out:
	world_close(&w);
}

static void test_mo_store_busy(void)
{
	struct world w;
	struct answer a;
	char err[200];
	struct store *other;

	CHECK_INT(world_open(&w), 0);
	if (w.k == NULL)
		goto out;
	/* another process holds the write lock: not committed, so 503 and
	 * Kannel calls again */
	other = store_open(w.db, 0, err, sizeof(err));
	CHECK(other != NULL);
	store_set_busy_timeout(w.st, 50);
	CHECK_INT(store_begin(other), 0);
	call(&w, MO "&text=hello&id=u-3", &a, 0);
	CHECK_INT(a.status, 503);
	CHECK_INT(w.answers, 0);
	store_rollback(other);
	store_close(other);
	call(&w, MO "&text=hello&id=u-3", &a, 0);
	CHECK_INT(a.status, 200);
	CHECK_INT(w.answers, 1);
out:
	world_close(&w);
}

static int64_t queue(struct world *w, const char *text, const char *bearer)
{
	struct outbox_text t = {.to = "+447700900123",
				.country = "GB",
				.text = text,
				.origin = STORE_ORIGIN_REPLY,
				.bearer = bearer,
				.max_segments = 3};
	char err[200];
	int64_t id = 0;

	CHECK_INT(outbox_queue(w->st, &t, NOW, &id, err, sizeof(err)), 0);
	return id;
}

static int part_state(struct world *w, int64_t part_id)
{
	enum store_out_state state = -1;
	int tries, mr;

	store_outbox_part_state(w->st, part_id, &state, &tries, &mr);
	return (int)state;
}

static void test_send_and_report(void)
{
	struct world w;
	struct answer a;
	char dlr[600];

	CHECK_INT(world_open(&w), 0);
	if (w.k == NULL)
		goto out;
	queue(&w, "Booked: Haircut Thu 26 Mar 11:00", "kannel:+441632960001");
	CHECK_INT(kannel_pump(w.k, NOW, 0), 1);
	CHECK_INT(kannel_busy(w.k), 1);
	CHECK(run(&w, &w.kicks, 1, 1));
	CHECK_INT(kannel_busy(w.k), 0);
	CHECK_INT(box.calls, 1);
	CHECK_STR(box.to, "+447700900123");
	CHECK_STR(box.from, "+441632960001"); /* the pinned bearer's number */
	CHECK_STR(box.text, "Booked: Haircut Thu 26 Mar 11:00");
	CHECK_STR(box.coding, "0");
	CHECK_INT(part_state(&w, 1), STORE_OUT_SENT);
	/* Kannel's delivery report: %d filled in as Kannel does */
	const char *d = strstr(box.dlr_url, "/kannel/dlr");
	CHECK(d != NULL);
	CHECK(strstr(box.dlr_url, "secret=" SECRET) != NULL);
	if (d == NULL)
		goto out;
	snprintf(dlr, sizeof(dlr), "%s", d);
	char *type = strstr(dlr, "%d");
	CHECK(type != NULL);
	if (type == NULL)
		goto out;
	type[0] = '8'; /* accepted by the SMSC: nothing to record */
	type[1] = '\0';
	call(&w, dlr, &a, 0);
	CHECK_INT(a.status, 200);
	CHECK_INT(part_state(&w, 1), STORE_OUT_SENT);
	type[0] = '1'; /* delivered */
	call(&w, dlr, &a, 0);
	CHECK_INT(a.status, 200);
	CHECK_STR(a.body, "recorded\n");
	CHECK_INT(part_state(&w, 1), STORE_OUT_DELIVERED);
out:
	world_close(&w);
}

static void test_report_before_answer(void)
{
	struct world w;
	struct answer a;
	/* the dlr-url the bearer gives part 1, first try, of an unpinned
	 * message taken by its first number */
	const char *dlr = "/kannel/dlr?bearer=kannel%3A%2B441632960000"
			  "&ref=1.1&type=1";

	CHECK_INT(world_open(&w), 0);
	if (w.k == NULL)
		goto out;
	queue(&w, "See you then", NULL);
	CHECK_INT(kannel_pump(w.k, NOW, 0), 1);
	/* sendsms has not answered (the fake is not stepped) when the
	 * report comes: 503, and Kannel calls again */
	call(&w, dlr, &a, 0);
	CHECK_INT(a.status, 503);
	CHECK_STR(a.body, "that part is not sent yet; try again\n");
	CHECK_INT(part_state(&w, 1), STORE_OUT_SENDING);
	CHECK(run(&w, &w.kicks, 1, 1));
	char want[200];
	snprintf(want, sizeof(want),
		 "http://127.0.0.1:%d/kannel/dlr?secret=" SECRET
		 "&bearer=kannel%%3A%%2B441632960000&ref=1.1&type=%%d",
		 kannel_port(w.k));
	CHECK_STR(box.dlr_url, want);
	call(&w, dlr, &a, 0);
	CHECK_INT(a.status, 200);
	CHECK_INT(part_state(&w, 1), STORE_OUT_DELIVERED);
	/* a report for a part nobody knows: noted, not retried for a day */
	call(&w, "/kannel/dlr?bearer=kannel%3A%2B441632960000&ref=9.1&type=1",
	     &a, 0);
	CHECK_INT(a.status, 200);
	CHECK_STR(a.body, "unknown part\n");
out:
	world_close(&w);
}

static void test_refused_for_good(void)
{
	struct world w;

	CHECK_INT(world_open(&w), 0);
	if (w.k == NULL)
		goto out;
	box.status = 403; /* Kannel: "Authorization failed" */
	queue(&w, "hello", NULL);
	CHECK_INT(kannel_pump(w.k, NOW, 0), 1);
	CHECK(run(&w, &w.kicks, 1, 1));
	CHECK_INT(part_state(&w, 1), STORE_OUT_FAILED);
	struct store_out_msg m;
	CHECK_INT(store_outbox_get(w.st, 1, &m), 0);
	CHECK(strstr(m.last_error, "Kannel refused it: 403") != NULL);
	store_out_msg_clear(&m);
	CHECK_INT(kannel_pump(w.k, NOW + 60, 0), 0);
out:
	world_close(&w);
}

static void test_kannel_down(void)
{
	struct world w;

	CHECK_INT(world_open(&w), 0);
	if (w.k == NULL)
		goto out;
	box.status = 503; /* "Temporal failure, try again later" */
	queue(&w, "one", NULL);
	queue(&w, "two", NULL);
	queue(&w, "three", NULL);
	CHECK_INT(kannel_pump(w.k, NOW, 0), 3);
	CHECK(run(&w, &w.kicks, 3, 1));
	CHECK_INT(box.calls, 3);
	for (int p = 1; p <= 3; p++)
		CHECK_INT(part_state(&w, p), STORE_OUT_QUEUED);
	/* Kannel did not take them: no part at all until the wait is over,
	 * then one at a time, so an outage cannot use up every part's
	 * tries */
	CHECK_INT(kannel_pump(w.k, NOW + 5, 0), 0);
	int64_t t0 = mono_ms();
	while (mono_ms() - t0 < 1100)
		turn(&w, 1);
	CHECK_INT(kannel_pump(w.k, NOW + 5, 0), 1);
	CHECK_INT(kannel_busy(w.k), 1);
	box.status = 202; /* Kannel is back */
	CHECK(run(&w, &w.kicks, 4, 1));
	CHECK_INT(kannel_pump(w.k, NOW + 5, 0), 2);
	CHECK(run(&w, &w.kicks, 6, 1));
	CHECK_INT(box.calls, 6);
	for (int p = 1; p <= 3; p++)
		CHECK_INT(part_state(&w, p), STORE_OUT_SENT);
out:
	world_close(&w);
}

static void test_stop_finishes_the_message(void)
{
	struct world w;
	char text[400];

	CHECK_INT(world_open(&w), 0);
	if (w.k == NULL)
		goto out;
	memset(text, 'a', 200);
	text[200] = '\0';
	queue(&w, text, NULL);			/* two parts */
	CHECK_INT(kannel_pump(w.k, NOW, 0), 1); /* part 1; part 2 waits */
	CHECK(run(&w, &w.kicks, 1, 1));
	queue(&w, "another", NULL);
	/* stopping: the second part of the message on the wire goes, the
	 * other message does not */
	CHECK_INT(kannel_pump(w.k, NOW, 1), 1);
	CHECK_INT(kannel_busy(w.k), 1);
	CHECK(run(&w, &w.kicks, 2, 1));
	CHECK_INT(kannel_pump(w.k, NOW, 1), 0);
	CHECK_INT(kannel_busy(w.k), 0);
	CHECK_INT(box.calls, 2);
	CHECK_INT(part_state(&w, 2), STORE_OUT_SENT);
	CHECK_INT(part_state(&w, 3), STORE_OUT_QUEUED);
out:
	world_close(&w);
}

int main(void)
{
	log_init(LOG_LEVEL_WARN, "test");
	RUN(test_mo_stored_once);
	RUN(test_mo_binary_and_other_number);
	RUN(test_mo_store_busy);
	RUN(test_send_and_report);
	RUN(test_report_before_answer);
	RUN(test_refused_for_good);
	RUN(test_kannel_down);
	RUN(test_stop_finishes_the_message);
	return h_done();
}
