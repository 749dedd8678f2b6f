/*
 * test_concat: reassembly of real encoded-then-decoded parts, in every
 * order, with duplicates, expiry, eviction — and nothing ever dropped.
 */
#include "harness.h"
#include "smsdesk/concat.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static struct pdu_segment segs[8];

/* A long message from `from` cut into parts, decoded as the daemon would. */
static int make_parts(const char *from, const char *text, int ref,
		      struct sms_pdu *parts, int max)
{
	struct pdu_deliver_options o = {
	    .smsc = "+447785016005",
	    .timestamp = {2026, 11, 23, 9, 0, 0, 60},
	    .concat_ref = ref,
	    .msg_class = -1,
	};
	struct pdu_error err;
	int n, i;

	n = pdu_encode_deliver(text, from, &o, segs, max, &err);
	for (i = 0; i < n; i++)
		CHECK_INT(
		    pdu_decode(segs[i].hex, PDU_SMSC_AUTO, &parts[i], &err),
		    PDU_OK);
	return n;
}

static char long_text[600];

static void fill_long_text(void)
{
	int i;

	/* 3 segments; every part's text distinct so order errors show. */
	for (i = 0; i < 400; i++)
		long_text[i] = (char)('a' + i / 153 + (i % 7));
	long_text[400] = '\0';
}

static void test_orders(void)
{
	static const int orders[][3] = {{0, 1, 2}, {2, 1, 0}, {1, 2, 0},
					{2, 0, 1}, {1, 0, 2}, {0, 2, 1}};
	struct concat_config cfg = {8, 1000};
	struct sms_pdu parts[3];
	struct concat_message m;
	struct concat *c;
	size_t o;
	int i;

	fill_long_text();
	for (o = 0; o < COUNT(orders); o++) {
		TEST_BEGIN("/concat/order/%d%d%d", orders[o][0], orders[o][1],
			   orders[o][2]);
		CHECK_INT(make_parts("+447700900001", long_text, 42, parts, 3),
			  3);
		c = concat_new(&cfg);
		for (i = 0; i < 3; i++) {
			CHECK_INT(concat_pop(c, 0, &m), 0);
			CHECK_INT(concat_add(c, &parts[orders[o][i]],
					     100 + orders[o][i], i),
				  CONCAT_ADDED);
		}
		CHECK_INT(concat_pop(c, 2, &m), 1);
		CHECK_STR(m.text, long_text);
		CHECK_INT(m.text_len, 400);
		CHECK_INT(m.total, 3);
		CHECK_INT(m.received, 3);
		CHECK_INT(m.incomplete, 0);
		CHECK_INT(m.tags[0], 100);
		CHECK_INT(m.tags[1], 101);
		CHECK_INT(m.tags[2], 102);
		CHECK_STR(m.head->number, "+447700900001");
		CHECK_INT(m.head->concat.seq, 1);
		CHECK_INT(m.head->timestamp.tz_minutes, 60);
		CHECK_INT(concat_pop(c, INT64_MAX, &m), 0);
		CHECK_INT(concat_open_groups(c), 0);
		concat_free(c);
		TEST_END();
	}
}

static void test_duplicates(void)
{
	struct concat_config cfg = {8, 1000};
	struct sms_pdu parts[3];
	struct concat_message m;
	struct concat *c = concat_new(&cfg);

	TEST_BEGIN("/concat/duplicate-ignored");
	fill_long_text();
	make_parts("+447700900001", long_text, 7, parts, 3);
	CHECK_INT(concat_add(c, &parts[1], 1, 0), CONCAT_ADDED);
	CHECK_INT(concat_add(c, &parts[1], 9, 1), CONCAT_DUPLICATE);
	CHECK_INT(concat_add(c, &parts[0], 0, 2), CONCAT_ADDED);
	CHECK_INT(concat_add(c, &parts[0], 9, 3), CONCAT_DUPLICATE);
	CHECK_INT(concat_pop(c, 3, &m), 0);
	CHECK_INT(concat_add(c, &parts[2], 2, 4), CONCAT_ADDED);
	CHECK_INT(concat_pop(c, 4, &m), 1);
	CHECK_STR(m.text, long_text);
	CHECK_INT(m.received, 3);
	CHECK_INT(m.tags[1], 1);
	concat_free(c);
	TEST_END();
}

static void test_expiry(void)
{
	struct concat_config cfg = {8, 1000};
	struct sms_pdu parts[3];
	struct concat_message m;
	struct concat *c = concat_new(&cfg);
	char want[2 * SMS_TEXT_MAX];

	TEST_BEGIN("/concat/expiry-delivers-incomplete");
	fill_long_text();
	make_parts("+447700900001", long_text, 7, parts, 3);
	CHECK_INT(concat_next_deadline(c), -1);
	CHECK_INT(concat_add(c, &parts[2], 2, 500), CONCAT_ADDED);
	CHECK_INT(concat_add(c, &parts[0], 0, 900), CONCAT_ADDED);
	CHECK_INT(concat_next_deadline(c), 1500);
	CHECK_INT(concat_pop(c, 1499, &m), 0);
	CHECK_INT(concat_pop(c, 1500, &m), 1);
	CHECK_INT(m.incomplete, 1);
	CHECK_INT(m.received, 2);
	CHECK_INT(m.total, 3);
	snprintf(want, sizeof(want), "%s%s", parts[0].text, parts[2].text);
	CHECK_STR(m.text, want);
	CHECK_INT(m.head->concat.seq, 1);
	CHECK_INT(m.tags[0], 0);
	CHECK_INT(m.tags[1], 2);
	CHECK_INT(concat_open_groups(c), 0);
	/* The missing part arriving late starts a new group: not lost. */
	CHECK_INT(concat_add(c, &parts[1], 1, 1600), CONCAT_ADDED);
	CHECK_INT(concat_pop(c, INT64_MAX, &m), 1);
	CHECK_STR(m.text, parts[1].text);
	CHECK_INT(m.incomplete, 1);
	concat_free(c);
	TEST_END();
}

static void test_keys(void)
{
	struct concat_config cfg = {8, 1000};
	struct sms_pdu a[3], b[3], d[2];
	struct concat_message m;
	struct concat *c = concat_new(&cfg);
	char shorter[200];
	int got = 0;

	TEST_BEGIN("/concat/key-is-sender-ref-total");
	fill_long_text();
	make_parts("+447700900001", long_text, 5, a, 3);
	make_parts("+447700900002", long_text, 5, b, 3);
	memset(shorter, 'q', 170);
	shorter[170] = '\0';
	CHECK_INT(make_parts("+447700900001", shorter, 5, d, 2), 2);
	CHECK_INT(concat_add(c, &a[0], 0, 0), CONCAT_ADDED);
	CHECK_INT(concat_add(c, &b[0], 10, 0), CONCAT_ADDED);
	CHECK_INT(concat_add(c, &d[0], 20, 0), CONCAT_ADDED);
	CHECK_INT(concat_open_groups(c), 3);
	CHECK_INT(concat_add(c, &b[1], 11, 1), CONCAT_ADDED);
	CHECK_INT(concat_add(c, &d[1], 21, 1), CONCAT_ADDED);
	CHECK_INT(concat_pop(c, 1, &m), 1);
	CHECK_STR(m.text, shorter);
	CHECK_INT(m.tags[0], 20);
	CHECK_INT(concat_add(c, &a[1], 1, 2), CONCAT_ADDED);
	CHECK_INT(concat_add(c, &a[2], 2, 2), CONCAT_ADDED);
	CHECK_INT(concat_add(c, &b[2], 12, 2), CONCAT_ADDED);
	while (concat_pop(c, 2, &m) == 1) {
		CHECK_STR(m.text, long_text);
		CHECK_INT(m.incomplete, 0);
		got++;
	}
	CHECK_INT(got, 2);
	concat_free(c);
	TEST_END();
}

static void test_single_and_eviction(void)
{
	struct concat_config cfg = {2, 1000};
	struct sms_pdu single, g[3][3];
	struct concat_message m;
	struct concat *c = concat_new(&cfg);
	int i, delivered_parts = 0, messages = 0;

	TEST_BEGIN("/concat/single-passes-through");
	CHECK_INT(make_parts("Quayside", "Hello there", 0, &single, 1), 1);
	CHECK_INT(concat_add(c, &single, 77, 0), CONCAT_ADDED);
	CHECK_INT(concat_next_deadline(c), 0);
	CHECK_INT(concat_pop(c, 0, &m), 1);
	CHECK_STR(m.text, "Hello there");
	CHECK_INT(m.total, 1);
	CHECK_INT(m.incomplete, 0);
	CHECK_INT(m.tags[0], 77);
	CHECK_STR(m.head->number, "Quayside");
	TEST_END();

	TEST_BEGIN("/concat/full-table-evicts-oldest-as-incomplete");
	fill_long_text();
	for (i = 0; i < 3; i++)
		make_parts("+447700900001", long_text, 30 + i, g[i], 3);
	CHECK_INT(concat_add(c, &g[0][0], 0, 10), CONCAT_ADDED);
	CHECK_INT(concat_add(c, &g[1][0], 1, 20), CONCAT_ADDED);
	CHECK_INT(concat_pop(c, 20, &m), 0);
	/* A third group: the oldest (ref 30) goes out, incomplete. */
	CHECK_INT(concat_add(c, &g[2][0], 2, 30), CONCAT_ADDED);
	CHECK_INT(concat_open_groups(c), 2);
	CHECK_INT(concat_pop(c, 30, &m), 1);
	CHECK_INT(m.head->concat.ref, 30);
	CHECK_INT(m.incomplete, 1);
	CHECK_INT(m.received, 1);
	delivered_parts += m.received;
	messages++;
	CHECK_INT(concat_pop(c, 30, &m), 0);
	while (concat_pop(c, INT64_MAX, &m) == 1) {
		delivered_parts += m.received;
		messages++;
	}
	CHECK_INT(messages, 3);
	CHECK_INT(delivered_parts, 3);
	concat_free(c);
	TEST_END();

	TEST_BEGIN("/concat/free-null");
	concat_free(NULL);
	CHECK(1);
	TEST_END();
}

/* A surrogate pair (U+1F600) the sender's phone split between two UCS-2
 * parts: each part alone shows U+FFFD at the cut; together, the emoji. */
#define SPLIT_1                                                                \
	"00440C914477009001230008621132900000000E050003420201004800690020D83D"
#define SPLIT_2                                                                \
	"00440C914477009001230008621132900000000E050003420202DE000020006F006B"

static void test_split_surrogate(void)
{
	struct concat_config cfg = {4, 100};
	struct concat_message m;
	struct pdu_error err;
	struct sms_pdu a, b;
	struct concat *c;

	TEST_BEGIN("/concat/ucs2/split-surrogate-pair");
	CHECK_INT(pdu_decode(SPLIT_1, PDU_SMSC_AUTO, &a, &err), PDU_OK);
	CHECK_INT(pdu_decode(SPLIT_2, PDU_SMSC_AUTO, &b, &err), PDU_OK);
	CHECK_STR(a.text, "Hi \xEF\xBF\xBD");
	CHECK_STR(b.text, "\xEF\xBF\xBD ok");
	c = concat_new(&cfg);
	/* Out of order: the join is made at delivery, not on arrival. */
	CHECK_INT(concat_add(c, &b, 2, 0), CONCAT_ADDED);
	CHECK_INT(concat_add(c, &a, 1, 0), CONCAT_ADDED);
	CHECK_INT(concat_pop(c, 0, &m), 1);
	CHECK_STR(m.text, "Hi \xF0\x9F\x98\x80 ok");
	CHECK_INT(m.text_len, strlen("Hi \xF0\x9F\x98\x80 ok"));
	concat_free(c);
	/* A part missing between: nothing to join, the halves stay U+FFFD. */
	c = concat_new(&cfg);
	a.concat.total = 3;
	b.concat.total = 3;
	b.concat.seq = 3;
	concat_add(c, &a, 1, 0);
	concat_add(c, &b, 3, 0);
	CHECK_INT(concat_pop(c, INT64_MAX, &m), 1);
	CHECK_INT(m.incomplete, 1);
	CHECK_STR(m.text, "Hi \xEF\xBF\xBD\xEF\xBF\xBD ok");
	concat_free(c);
	TEST_END();
}

int main(void)
{
	test_orders();
	test_duplicates();
	test_expiry();
	test_keys();
	test_single_and_eviction();
	test_split_surrogate();
	return h_done();
}
