/*
 * at: every transcript is fed whole, one byte at a time, and split in two at
 * every byte boundary; each way must give the same events and the same bytes
 * on the wire. Dialogues are written out Zephyr-style in the comments; time
 * only moves when a test says so.
 */
#include "harness.h"
#include "smsdesk/at.h"

#include <stdio.h>
#include <string.h>

struct rec {
	char log[8192];	 /* the events, one "KIND..." per ';' */
	char wire[4096]; /* what at handed out for the modem */
	struct at *at;
	int chain; /* on FINAL with tag 1, queue tag 2 */
	int tags;  /* log URC tags */
};

static void rec_add(struct rec *r, const char *fmt, const char *a,
		    const char *b)
{
	size_t n = strlen(r->log);
	snprintf(r->log + n, sizeof(r->log) - n, fmt, a, b);
}

static void on_event(void *ctx, const struct at_event *ev)
{
	struct rec *r = ctx;
	char head[64];

	switch (ev->kind) {
	case AT_EVENT_LINE:
		snprintf(head, sizeof(head), "LINE%d:", ev->tag);
		rec_add(r, "%s%s", head, ev->line);
		if (ev->pdu != NULL)
			rec_add(r, "|%s%s", ev->pdu, "");
		rec_add(r, ";%s%s", "", "");
		return;
	case AT_EVENT_FINAL:
		snprintf(head, sizeof(head), "FINAL%d:%s:%d;", ev->tag,
			 at_result_name(ev->result), ev->code);
		rec_add(r, "%s%s", head, "");
		if (r->chain && ev->tag == 1) {
			struct at_cmd c = {
			    .cmd = "AT+CSQ", .timeout_ms = 100, .tag = 2};
			at_send(r->at, &c, 0);
		}
		return;
	case AT_EVENT_URC:
		if (r->tags) {
			snprintf(head, sizeof(head), "URC%d:", ev->tag);
			rec_add(r, "%s%s", head, ev->line);
		} else {
			rec_add(r, "URC:%s%s", ev->line, "");
		}
		if (ev->pdu != NULL)
			rec_add(r, "|%s%s", ev->pdu, "");
		rec_add(r, ";%s%s", "", "");
		return;
	case AT_EVENT_STRAY:
		rec_add(r, "STRAY:%s;%s", ev->line, "");
		return;
	case AT_EVENT_DROPPED:
		rec_add(r, "DROPPED;%s%s", "", "");
		return;
	}
}

static void drain(struct rec *r)
{
	size_t len, n = strlen(r->wire);
	const char *out = at_output(r->at, &len);

	if (len > sizeof(r->wire) - n - 1)
		len = sizeof(r->wire) - n - 1;
	memcpy(r->wire + n, out, len);
	r->wire[n + len] = '\0';
	at_consumed(r->at, len);
}

/*
 * The URCs the transcripts use, registered as the modem driver would: at
 * itself knows none (the tag is the registration's index + 100).
 */
static const struct {
	const char *prefix;
	int pdu_follows;
} urcs[] = {
    {"+CMTI:", 0}, {"+CMT:", 1},  {"+CDSI:", 0},     {"+CDS:", 1},
    {"RING", 0},   {"^RSSI:", 0}, {"^SMMEMFULL", 0},
};

static struct at *new_at(struct rec *r)
{
	struct at_config cfg = {.on_event = on_event, .ctx = r};
	struct at *at = at_new(&cfg);

	for (size_t i = 0; at != NULL && i < sizeof(urcs) / sizeof(urcs[0]);
	     i++)
		at_add_urc(at, urcs[i].prefix, urcs[i].pdu_follows,
			   100 + (int)i);
	return at;
}

typedef void (*setup_fn)(struct rec *r);

/*
 * Run one transcript with the given cut points (sorted, may be empty):
 * the writer drains before each chunk, as a poll loop would.
 */
static void run_chunks(setup_fn setup, const char *bytes, size_t n,
		       const size_t *cuts, size_t n_cuts, struct rec *r)
{
	size_t from = 0;

	memset(r, 0, sizeof(*r));
	r->at = new_at(r);
	setup(r);
	for (size_t i = 0; i <= n_cuts; i++) {
		size_t to = i < n_cuts ? cuts[i] : n;
		drain(r);
		at_feed(r->at, bytes + from, to - from, 10);
		from = to;
	}
	drain(r);
}

/* Every chunking gives what the whole feed gives; returns the whole run. */
static void check_all_splits(setup_fn setup, const char *bytes, size_t n,
			     const char *want_log, const char *want_wire)
{
	static struct rec whole, part;
	size_t cuts[4096];
	int bad = 0;

	run_chunks(setup, bytes, n, NULL, 0, &whole);
	CHECK_STR(whole.log, want_log);
	if (want_wire != NULL)
		CHECK_STR(whole.wire, want_wire);
	at_free(whole.at);

	for (size_t k = 1; k < n && !bad; k++) {
		run_chunks(setup, bytes, n, &k, 1, &part);
		if (strcmp(part.log, want_log) != 0 ||
		    (want_wire != NULL && strcmp(part.wire, want_wire) != 0)) {
			printf("  split at %zu differs\n", k);
			CHECK_STR(part.log, want_log);
			bad = 1;
		}
		at_free(part.at);
	}
	for (size_t k = 0; k + 1 < n && k < 4096; k++)
		cuts[k] = k + 1;
	run_chunks(setup, bytes, n, cuts, n > 0 ? n - 1 : 0, &part);
	CHECK_STR(part.log, want_log);
	if (want_wire != NULL)
		CHECK_STR(part.wire, want_wire);
	at_free(part.at);
}

#define SPLITS(setup, lit, log, wire)                                          \
	check_all_splits(setup, lit, sizeof(lit) - 1, log, wire)

static void send_simple(struct rec *r, const char *cmd, const char *prefix,
			int tag)
{
	struct at_cmd c = {
	    .cmd = cmd, .prefix = prefix, .timeout_ms = 1000, .tag = tag};
	CHECK_INT(at_send(r->at, &c, 0), 0);
}

static void setup_ate0(struct rec *r)
{
	send_simple(r, "ATE0", NULL, 1);
}

static void setup_cgmi(struct rec *r)
{
	send_simple(r, "AT+CGMI", NULL, 1);
}

static void setup_none(struct rec *r)
{
	(void)r;
}

static void test_echo_and_ok(void)
{
	/* Daemon sends "ATE0\r" / modem echoes it, then "OK". */
	SPLITS(setup_ate0, "ATE0\r\r\nOK\r\n", "FINAL1:OK:-1;", "ATE0\r");
}

static void setup_esc_atz(struct rec *r)
{
	send_simple(r,
		    "\x1b"
		    "ATZ",
		    NULL, 1);
}

static void test_echo_after_esc(void)
{
	/* The driver leads with ESC to leave a stuck "> "; echo has it too. */
	SPLITS(setup_esc_atz,
	       "\x1b"
	       "ATZ\r\r\nOK\r\n",
	       "FINAL1:OK:-1;",
	       "\x1b"
	       "ATZ\r");
}

static void test_line_ends_any_mix(void)
{
	SPLITS(setup_cgmi, "\n\rSIMCOM_Ltd\r\r\n\n\rOK\n",
	       "LINE1:SIMCOM_Ltd;FINAL1:OK:-1;", "AT+CGMI\r");
	SPLITS(setup_cgmi, "\rQuectel\rOK\r", "LINE1:Quectel;FINAL1:OK:-1;",
	       NULL);
}

static void test_error_codes(void)
{
	SPLITS(setup_cgmi, "\r\n+CME ERROR: 10\r\n", "FINAL1:+CME ERROR:10;",
	       NULL);
	SPLITS(setup_cgmi, "\r\n+CMS ERROR: 322\r\n", "FINAL1:+CMS ERROR:322;",
	       NULL);
	/* Verbose errors (AT+CMEE=2) carry text, not a number. */
	SPLITS(setup_cgmi, "\r\n+CME ERROR: SIM not inserted\r\n",
	       "FINAL1:+CME ERROR:-1;", NULL);
	SPLITS(setup_cgmi, "\r\nERROR\r\n", "FINAL1:ERROR:-1;", NULL);
	SPLITS(setup_cgmi, "\r\nNO CARRIER\r\n", "FINAL1:NO CARRIER:-1;", NULL);
}

static void setup_cmgl(struct rec *r)
{
	struct at_cmd c = {.cmd = "AT+CMGL=4",
			   .prefix = "+CMGL:",
			   .pdu_follows = 1,
			   .timeout_ms = 1000,
			   .tag = 1};
	CHECK_INT(at_send(r->at, &c, 0), 0);
}

static void test_cmgl_with_urc_inside(void)
{
	/*
	 * Daemon sends "AT+CMGL=4" / modem lists two messages, and a new
	 * arrival (+CMTI) and a RING cut into the listing.
	 */
	SPLITS(setup_cmgl,
	       "\r\n+CMGL: 1,0,,23\r\n07911326040000F0040B9113\r\n"
	       "\r\n+CMTI: \"SM\",3\r\n"
	       "+CMGL: 2,1,,24\r\nABCDEF0123\r\nRING\r\n\r\nOK\r\n",
	       "LINE1:+CMGL: 1,0,,23|07911326040000F0040B9113;"
	       "URC:+CMTI: \"SM\",3;"
	       "LINE1:+CMGL: 2,1,,24|ABCDEF0123;URC:RING;FINAL1:OK:-1;",
	       "AT+CMGL=4\r");
}

static void test_cmgl_missing_pdu(void)
{
	/* A header without its PDU is still reported, without one. */
	SPLITS(setup_cmgl, "\r\n+CMGL: 1,0,,23\r\nOK\r\n",
	       "LINE1:+CMGL: 1,0,,23;FINAL1:OK:-1;", NULL);
}

static void test_cmgl_pdu_not_hex(void)
{
	/*
	 * A stored message whose PDU line is not hex is still handed over
	 * with it, so the driver can keep it and free the slot; the next
	 * header and the results are not mistaken for a PDU.
	 */
	SPLITS(setup_cmgl,
	       "\r\n+CMGL: 1,0,,23\r\nNOT HEX, GARBLED\r\n"
	       "+CMGL: 2,0,,23\r\n+CMGL: 3,1,,5\r\n0011223344\r\n"
	       "+CMGL: 4,0,,9\r\n\r\nOK\r\n",
	       "LINE1:+CMGL: 1,0,,23|NOT HEX, GARBLED;LINE1:+CMGL: 2,0,,23;"
	       "LINE1:+CMGL: 3,1,,5|0011223344;LINE1:+CMGL: 4,0,,9;"
	       "FINAL1:OK:-1;",
	       NULL);
}

/* at knows no URC of its own: only what the owner registered. */
static void test_urcs_are_registered(void)
{
	struct rec r;
	struct at_config cfg = {.on_event = on_event, .ctx = &r};
	const char *in = "\r\n+CMTI: \"SM\",3\r\n+CMT: ,5\r\n0011223344\r\n";

	memset(&r, 0, sizeof(r));
	r.at = at_new(&cfg);
	at_feed(r.at, in, strlen(in), 1);
	CHECK_STR(r.log, "STRAY:+CMTI: \"SM\",3;STRAY:+CMT: ,5;"
			 "STRAY:0011223344;");
	at_free(r.at);

	memset(&r, 0, sizeof(r));
	r.at = new_at(&r);
	r.tags = 1;
	at_feed(r.at, in, strlen(in), 1);
	CHECK_STR(r.log, "URC100:+CMTI: \"SM\",3;URC101:+CMT: ,5|0011223344;");
	CHECK_INT(at_add_urc(r.at, "", 0, 1), -1);
	for (int i = (int)(sizeof(urcs) / sizeof(urcs[0])); i < AT_URC_MAX; i++)
		CHECK_INT(at_add_urc(r.at, "+X:", 0, i), 0);
	CHECK_INT(at_add_urc(r.at, "+Y:", 0, 1), -1);
	at_free(r.at);
}

static void test_urc_pdu_when_idle(void)
{
	SPLITS(setup_none,
	       "\r\n+CMT: ,24\r\n0791447758100650040C91\r\n"
	       "\r\n+CDS: 25\r\n07914477581006500621\r\n"
	       "^RSSI: 17\r\n^SMMEMFULL: \"SM\"\r\n+CDSI: \"SM\",4\r\n",
	       "URC:+CMT: ,24|0791447758100650040C91;"
	       "URC:+CDS: 25|07914477581006500621;URC:^RSSI: 17;"
	       "URC:^SMMEMFULL: \"SM\";URC:+CDSI: \"SM\",4;",
	       "");
}

static void test_urc_in_middle_of_response(void)
{
	/* +CMT with its PDU arrives between a command's line and its OK. */
	SPLITS(setup_cgmi,
	       "\r\nSIMCOM_Ltd\r\n+CMT: ,24\r\n0791AB\r\n\r\nOK\r\n",
	       "LINE1:SIMCOM_Ltd;URC:+CMT: ,24|0791AB;FINAL1:OK:-1;", NULL);
}

static void setup_creg(struct rec *r)
{
	send_simple(r, "AT+CREG?", "+CREG:", 1);
}

static void test_prefix_beats_urc(void)
{
	/* AT+CREG? owns its +CREG: line; other lines are stray. */
	SPLITS(setup_creg, "\r\n+CREG: 0,1\r\nhello\r\n\r\nOK\r\n",
	       "LINE1:+CREG: 0,1;STRAY:hello;FINAL1:OK:-1;", "AT+CREG?\r");
}

static const char cmgs_pdu[] =
    "0011000B916407281553F80000AA0AE8329BFD4697D9EC37";

static void setup_cmgs(struct rec *r)
{
	struct at_cmd c = {.cmd = "AT+CMGS=23",
			   .prefix = "+CMGS:",
			   .body = cmgs_pdu,
			   .timeout_ms = 1000,
			   .tag = 1};
	CHECK_INT(at_send(r->at, &c, 0), 0);
}

static void test_cmgs_prompt(void)
{
	/*
	 * Daemon sends "AT+CMGS=23\r" / modem answers "> " (no line end) /
	 * daemon sends the PDU and Ctrl-Z / modem answers "+CMGS: 5", "OK".
	 */
	SPLITS(setup_cmgs, "\r\n> \r\n+CMGS: 5\r\n\r\nOK\r\n",
	       "LINE1:+CMGS: 5;FINAL1:OK:-1;",
	       "AT+CMGS=23\r"
	       "0011000B916407281553F80000AA0AE8329BFD4697D9EC37\x1a");
	/* With echo on: the head and the typed body come back. */
	SPLITS(setup_cmgs,
	       "AT+CMGS=23\r\r\n> "
	       "0011000B916407281553F80000AA0AE8329BFD4697D9EC37\x1a"
	       "\r\n+CMGS: 6\r\n\r\nOK\r\n",
	       "LINE1:+CMGS: 6;FINAL1:OK:-1;",
	       "AT+CMGS=23\r"
	       "0011000B916407281553F80000AA0AE8329BFD4697D9EC37\x1a");
}

static void test_cmgs_error_before_prompt(void)
{
	/* No prompt, an error: the body must never be typed. */
	SPLITS(setup_cmgs, "\r\n+CMS ERROR: 304\r\n", "FINAL1:+CMS ERROR:304;",
	       "AT+CMGS=23\r");
}

static void test_nul_and_stray(void)
{
	SPLITS(setup_cgmi, "\0\r\n\0SIM\0COM\r\n\xff\xfe\r\nOK\0\r\n",
	       "LINE1:SIMCOM;LINE1:\xff\xfe;FINAL1:OK:-1;", NULL);
	/* Idle: garbage and a late OK are stray, not results. */
	SPLITS(setup_none, "garbage\r\nOK\r\n", "STRAY:garbage;STRAY:OK;", "");
}

static void test_overlong_line(void)
{
	static char buf[AT_LINE_MAX * 2 + 64];
	size_t n = 0;
	struct rec r;

	memset(&r, 0, sizeof(r));
	r.at = new_at(&r);
	send_simple(&r, "AT+CGMI", NULL, 1);
	n += (size_t)snprintf(buf, sizeof(buf), "\r\n+CMT: ,24\r\n");
	memset(buf + n, 'A', AT_LINE_MAX + 10);
	n += AT_LINE_MAX + 10;
	memcpy(buf + n, "\r\n", 2);
	n += 2;
	memset(buf + n, 'x', AT_LINE_MAX + 1);
	n += AT_LINE_MAX + 1;
	n += (size_t)snprintf(buf + n, sizeof(buf) - n, "\r\nfine\r\nOK\r\n");
	/* Byte by byte: the bounded buffer must hold at every step. */
	for (size_t i = 0; i < n; i++)
		at_feed(r.at, buf + i, 1, 5);
	CHECK_STR(r.log, "URC:+CMT: ,24;DROPPED;DROPPED;LINE1:fine;"
			 "FINAL1:OK:-1;");
	CHECK_INT(at_stats(r.at)->dropped_lines, 2);
	/* A line of exactly AT_LINE_MAX is kept. */
	r.log[0] = '\0';
	send_simple(&r, "AT+CGMI", NULL, 3);
	memset(buf, 'B', AT_LINE_MAX);
	at_feed(r.at, buf, AT_LINE_MAX, 6);
	at_feed(r.at, "\rOK\r", strlen("\rOK\r"), 6);
	CHECK_INT(strlen(r.log), strlen("LINE3:;FINAL3:OK:-1;") + AT_LINE_MAX);
	at_free(r.at);
}

static void test_extras(void)
{
	struct rec r;

	memset(&r, 0, sizeof(r));
	r.at = new_at(&r);
	CHECK_INT(at_add_final_error(r.at, "COMMAND NOT SUPPORT"), 0);
	CHECK_INT(at_add_urc(r.at, "+QXYZ:", 1, 7), 0);
	send_simple(&r, "AT^SYSCFG?", "^SYSCFG:", 1);
	at_feed(r.at, "\r\n+QXYZ: 1\r\nAB12\r\nCOMMAND NOT SUPPORT\r\n",
		strlen("\r\n+QXYZ: 1\r\nAB12\r\nCOMMAND NOT SUPPORT\r\n"), 1);
	CHECK_STR(r.log, "URC:+QXYZ: 1|AB12;FINAL1:ERROR:-1;");
	at_free(r.at);
}

static void test_timeout_and_queue(void)
{
	struct rec r;
	struct at_config cfg = {.on_event = on_event, .ctx = &r};
	struct at_cmd a = {.cmd = "AT", .timeout_ms = 1000, .tag = 1};
	struct at_cmd b = {.cmd = "AT+CSQ", .timeout_ms = 500, .tag = 2};

	memset(&r, 0, sizeof(r));
	r.at = at_new(&cfg);
	CHECK_INT(at_next_deadline(r.at), -1);
	CHECK_INT(at_send(r.at, &a, 100), 0);
	CHECK_INT(at_send(r.at, &b, 150), 0);
	CHECK_INT(at_next_deadline(r.at), 1100);
	drain(&r);
	CHECK_STR(r.wire, "AT\r");
	at_tick(r.at, 1099);
	CHECK_STR(r.log, "");
	at_tick(r.at, 1100);
	CHECK_STR(r.log, "FINAL1:timeout:-1;");
	/* The next one starts at once, timed from the tick. */
	CHECK_INT(at_next_deadline(r.at), 1600);
	drain(&r);
	CHECK_STR(r.wire, "AT\rAT+CSQ\r");
	at_feed(r.at, "\r\n+CSQ: 17,99\r\nOK\r\n",
		strlen("\r\n+CSQ: 17,99\r\nOK\r\n"), 1200);
	CHECK_STR(r.log, "FINAL1:timeout:-1;LINE2:+CSQ: 17,99;FINAL2:OK:-1;");
	CHECK_INT(at_busy(r.at), 0);
	CHECK_INT(at_stats(r.at)->timeouts, 1);
	at_free(r.at);
}

static void test_prompt_timeout_sends_esc(void)
{
	struct rec r;

	memset(&r, 0, sizeof(r));
	r.at = new_at(&r);
	setup_cmgs(&r);
	drain(&r);
	at_tick(r.at, 1000);
	drain(&r);
	CHECK_STR(r.log, "FINAL1:timeout:-1;");
	CHECK_STR(r.wire, "AT+CMGS=23\r\x1b");
	/* A late prompt is no longer answered with the body. */
	at_feed(r.at, "\r\n> ", strlen("\r\n> "), 1001);
	drain(&r);
	CHECK_STR(r.wire, "AT+CMGS=23\r\x1b");
	at_free(r.at);
}

static void test_limits_and_abort(void)
{
	struct rec r;
	struct at_config cfg = {.on_event = on_event, .ctx = &r};
	char big[AT_BODY_MAX + 10];
	struct at_cmd c = {.cmd = "AT", .timeout_ms = 10, .tag = 7};

	memset(&r, 0, sizeof(r));
	r.at = at_new(&cfg);
	memset(big, '0', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	struct at_cmd too_big = {.cmd = "AT+CMGS=1", .body = big};
	CHECK_INT(at_send(r.at, &too_big, 0), -1);
	for (int i = 0; i < AT_QUEUE_MAX; i++)
		CHECK_INT(at_send(r.at, &c, 0), 0);
	/* One is in flight, AT_QUEUE_MAX - 1 wait: one more fits. */
	CHECK_INT(at_send(r.at, &c, 0), 0);
	CHECK_INT(at_send(r.at, &c, 0), -1);
	at_abort(r.at);
	CHECK_INT(at_busy(r.at), 0);
	size_t len;
	at_output(r.at, &len);
	CHECK_INT(len, 0);
	char want[512] = "";
	for (int i = 0; i < AT_QUEUE_MAX + 1; i++)
		strcat(want, "FINAL7:aborted:-1;");
	CHECK_STR(r.log, want);
	at_free(r.at);
	CHECK(at_new(NULL) == NULL);
}

static void test_send_from_callback(void)
{
	struct rec r;

	memset(&r, 0, sizeof(r));
	r.at = new_at(&r);
	r.chain = 1;
	send_simple(&r, "ATZ", NULL, 1);
	drain(&r);
	at_feed(r.at, "OK\r\n", strlen("OK\r\n"), 1);
	drain(&r);
	CHECK_STR(r.wire, "ATZ\rAT+CSQ\r");
	at_feed(r.at, "+CSQ: 5,0\r\nOK\r\n", strlen("+CSQ: 5,0\r\nOK\r\n"), 2);
	CHECK_STR(r.log, "FINAL1:OK:-1;LINE2:+CSQ: 5,0;FINAL2:OK:-1;");
	at_free(r.at);
}

int main(void)
{
	RUN(test_echo_and_ok);
	RUN(test_echo_after_esc);
	RUN(test_line_ends_any_mix);
	RUN(test_error_codes);
	RUN(test_cmgl_with_urc_inside);
	RUN(test_cmgl_missing_pdu);
	RUN(test_cmgl_pdu_not_hex);
	RUN(test_urcs_are_registered);
	RUN(test_urc_pdu_when_idle);
	RUN(test_urc_in_middle_of_response);
	RUN(test_prefix_beats_urc);
	RUN(test_cmgs_prompt);
	RUN(test_cmgs_error_before_prompt);
	RUN(test_nul_and_stray);
	RUN(test_overlong_line);
	RUN(test_extras);
	RUN(test_timeout_and_queue);
	RUN(test_prompt_timeout_sends_esc);
	RUN(test_limits_and_abort);
	RUN(test_send_from_callback);
	return h_done();
}
