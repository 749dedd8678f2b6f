/*
 * store: real sqlite files in a temporary directory. Covers migrations,
 * every inbox and outbox transition, inbound uniqueness, bookings and their
 * references, the last place raced by two connections and by forked
 * processes, crash safety under SIGKILL, conversations, opt-outs, the
 * referral ledger and the report.
 *
 * Where a check needs to look under the store's API (schema version, WAL
 * mode, integrity, hand-made old files) it uses the sqlite3 command-line
 * shell, so this test never includes sqlite3.h.
 */
#include "harness.h"
#include "smsdesk/store.h"

#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char tmpdir[64];
static int db_seq;

/* A fresh database path in the temp directory. */
static void new_path(char *out, size_t cap)
{
	snprintf(out, cap, "%s/db%d.sqlite", tmpdir, ++db_seq);
}

static struct store *open_new(char *path, size_t cap)
{
	char err[256];
	struct store *st;

	new_path(path, cap);
	st = store_open(path, STORE_OPEN_CREATE, err, sizeof(err));
	if (st == NULL)
		printf("  store_open(%s): %s\n", path, err);
	return st;
}

/*
 * Run SQL through the sqlite3 shell on path; the output (trailing newline
 * trimmed) goes to out. Returns the shell's exit status.
 */
static int shell_sql(const char *path, const char *sql, char *out, size_t cap)
{
	char sqlfile[96], outfile[96], cmd[512];
	FILE *f;
	size_t n;
	int rc;

	snprintf(sqlfile, sizeof(sqlfile), "%s/q.sql", tmpdir);
	snprintf(outfile, sizeof(outfile), "%s/q.out", tmpdir);
	f = fopen(sqlfile, "w");
	if (f == NULL)
		return -1;
	fputs(sql, f);
	fclose(f);
	snprintf(cmd, sizeof(cmd), "sqlite3 -batch '%s' < '%s' > '%s' 2>&1",
		 path, sqlfile, outfile);
	rc = system(cmd);
	out[0] = '\0';
	f = fopen(outfile, "r");
	if (f == NULL)
		return -1;
	n = fread(out, 1, cap - 1, f);
	fclose(f);
	out[n] = '\0';
	while (n > 0 && out[n - 1] == '\n')
		out[--n] = '\0';
	return rc;
}

static int64_t put_text(struct store *st, const char *sender, int64_t t,
			const char *pdu, const char *text, int want_rc)
{
	struct store_inbox_new in = {sender, t, pdu, text, 0, "m1", 0};
	int64_t id = 0;

	CHECK_INT(store_inbox_put(st, &in, t + 5, &id), want_rc);
	return id;
}

static int64_t queue_reply(struct store *st, const char *to, int n_parts,
			   int64_t inbox_id, int64_t now)
{
	struct store_out_part parts[3] = {
	    {"0041000B914421436587F90000A0050003AA0301", 20},
	    {"0041000B914421436587F90000A0050003AA0302", 21},
	    {"0041000B914421436587F90000A0050003AA0303", 22},
	};
	struct store_outbox_new msg = {.to = to,
				       .text = "Booked: haircut",
				       .origin = STORE_ORIGIN_REPLY,
				       .inbox_id = inbox_id,
				       .parts = parts,
				       .n_parts = (size_t)n_parts};
	int64_t id = 0;

	CHECK_INT(store_outbox_queue(st, &msg, now, &id), STORE_OK);
	return id;
}

/* ---- opening and migrations --------------------------------------------- */

static void test_open_empty_file(void)
{
	char path[128], out[256], err[256];
	struct store *st = open_new(path, sizeof(path));

	CHECK(st != NULL);
	if (st == NULL)
		return;
	CHECK_INT(store_schema_found(st), 0);
	store_close(st);
	CHECK_INT(shell_sql(path, "PRAGMA user_version;", out, sizeof(out)), 0);
	CHECK_INT(atoi(out), STORE_SCHEMA_VERSION);
	shell_sql(path, "PRAGMA journal_mode;", out, sizeof(out));
	CHECK_STR(out, "wal");
	shell_sql(path, "PRAGMA integrity_check;", out, sizeof(out));
	CHECK_STR(out, "ok");
	st = store_open(path, 0, err, sizeof(err));
	CHECK(st != NULL);
	if (st != NULL)
		CHECK_INT(store_schema_found(st), STORE_SCHEMA_VERSION);
	store_close(st);
}

static void test_open_missing_without_create(void)
{
	char path[128], err[256];
	struct stat sb;

	new_path(path, sizeof(path));
	CHECK(store_open(path, 0, err, sizeof(err)) == NULL);
	CHECK(strstr(err, path) != NULL);
	CHECK(stat(path, &sb) != 0 && errno == ENOENT);
}

static void test_open_garbage_file(void)
{
	char path[128], err[256];
	FILE *f;

	new_path(path, sizeof(path));
	f = fopen(path, "w");
	CHECK(f != NULL);
	if (f == NULL)
		return;
	fputs("this is a shopping list, not a database\n", f);
	for (int i = 0; i < 100; i++)
		fputs("eggs milk bread\n", f);
	fclose(f);
	CHECK(store_open(path, 0, err, sizeof(err)) == NULL);
	CHECK(strstr(err, "not a database") != NULL);
}

static void test_newer_schema_refused(void)
{
	char path[128], out[256], err[256];
	struct store *st = open_new(path, sizeof(path));

	store_close(st);
	CHECK_INT(
	    shell_sql(path, "PRAGMA user_version = 99;", out, sizeof(out)), 0);
	CHECK(store_open(path, 0, err, sizeof(err)) == NULL);
	CHECK(strstr(err, "newer") != NULL);
	CHECK(strstr(err, "99") != NULL);
	/* Refusing must not have touched it. */
	shell_sql(path, "PRAGMA user_version;", out, sizeof(out));
	CHECK_STR(out, "99");
}

static void test_migrate_v1_to_latest(void)
{
	char path[128], out[512], err[256];
	struct store_booking b;
	struct store_inbox_msg m;
	struct store *st;
	int64_t lid = 0;

	new_path(path, sizeof(path));
	CHECK_INT(store_testing_create(path, 1, err, sizeof(err)), STORE_OK);
	shell_sql(path, "PRAGMA user_version;", out, sizeof(out));
	CHECK_STR(out, "1");
	/* A v1 file has no ledger and no reminded_at yet. */
	shell_sql(path, "SELECT count(*) FROM ledger;", out, sizeof(out));
	CHECK(strstr(out, "no such table") != NULL);
	CHECK_INT(shell_sql(path,
			    "INSERT INTO bookings (ref, service, start, "
			    "minutes, customer, created_at) VALUES ('K7QX', "
			    "'haircut', 1800000000, 30, '+441632960001', "
			    "1790000000);"
			    "INSERT INTO inbox (sender, smsc_time, pdu_hash, "
			    "pdu_hex, text, received_at) VALUES "
			    "('+441632960001', 1789999990, 'abc', '07AB', "
			    "'book a cut', 1790000000);",
			    out, sizeof(out)),
		  0);
	st = store_open(path, 0, err, sizeof(err));
	CHECK(st != NULL);
	if (st == NULL)
		return;
	CHECK_INT(store_schema_found(st), 1);
	CHECK_INT(store_booking_find(st, "k7qx", "+441632960001", &b),
		  STORE_OK);
	CHECK_STR(b.service, "haircut");
	CHECK_INT(b.reminded_at, 0);
	CHECK_INT(store_inbox_get(st, 1, &m), STORE_OK);
	CHECK_STR(m.text, "book a cut");
	store_inbox_msg_clear(&m);
	CHECK_INT(store_ledger_add(st, "+441632960001", "nails",
				   STORE_REASON_NOT_OFFERED, NULL, 0,
				   1790000100, &lid),
		  STORE_OK);
	CHECK(lid > 0);
	store_close(st);
	shell_sql(path, "PRAGMA user_version;", out, sizeof(out));
	CHECK_INT(atoi(out), STORE_SCHEMA_VERSION);
	shell_sql(path, "PRAGMA integrity_check; PRAGMA foreign_key_check;",
		  out, sizeof(out));
	CHECK_STR(out, "ok");
}

/*
 * The daemon and `smsdesk send` may both find no file at first start: every
 * opener must succeed, and the schema must be built exactly once.
 */
static void test_concurrent_first_open(void)
{
	char path[128], out[128];
	pid_t pids[6];
	int gate[2], ok = 0;

	new_path(path, sizeof(path));
	if (pipe(gate) != 0) {
		CHECK(0);
		return;
	}
	fflush(stdout);
	for (int i = 0; i < 6; i++) {
		pids[i] = fork();
		if (pids[i] == 0) {
			char err[256], c;
			struct store *st;
			int64_t id;

			close(gate[1]);
			while (read(gate[0], &c, 1) > 0)
				;
			st = store_open(path, STORE_OPEN_CREATE, err,
					sizeof(err));
			if (st == NULL) {
				printf("  child %d: %s\n", i, err);
				fflush(stdout);
				_exit(1);
			}
			id = put_text(st, "+1", i, "AB", "hi", STORE_OK);
			store_close(st);
			_exit(id > 0 ? 0 : 2);
		}
	}
	close(gate[0]);
	close(gate[1]);
	for (int i = 0; i < 6; i++) {
		int status = 0;
		waitpid(pids[i], &status, 0);
		ok += WIFEXITED(status) && WEXITSTATUS(status) == 0;
	}
	CHECK_INT(ok, 6);
	shell_sql(path, "PRAGMA user_version; SELECT count(*) FROM inbox;", out,
		  sizeof(out));
	snprintf(path, sizeof(path), "%d\n6", STORE_SCHEMA_VERSION);
	CHECK_STR(out, path);
}

/* ---- inbox --------------------------------------------------------------- */

static void test_inbox_uniqueness(void)
{
	char path[128];
	struct store *st = open_new(path, sizeof(path));
	int64_t a, b, c, d;

	if (st == NULL) {
		CHECK(0);
		return;
	}
	a = put_text(st, "+441632960001", 1000, "07912345ABCD\n07912345EF01",
		     "hello", STORE_OK);
	CHECK(a > 0);
	/* The same message read again after a crash, even re-cased and
	 * with other separators, is the same row. */
	b = put_text(st, "+441632960001", 1000, "07912345abcd 07912345ef01\n",
		     "hello", STORE_EXISTS);
	CHECK_INT(b, a);
	/* Same sender, same second, different PDU: a new message. */
	c = put_text(st, "+441632960001", 1000, "07912345ABCE", "hellp",
		     STORE_OK);
	CHECK(c != a);
	/* Same PDU from someone else, or at another time: new rows. */
	d = put_text(st, "+441632960002", 1000, "07912345ABCD\n07912345EF01",
		     "hello", STORE_OK);
	CHECK(d != a && d != c);
	CHECK(put_text(st, "+441632960001", 1001, "07912345ABCD\n07912345EF01",
		       "hello", STORE_OK) != a);
	store_close(st);
}

static void test_inbox_states(void)
{
	char path[128];
	struct store *st = open_new(path, sizeof(path));
	struct store_inbox_new in = {"+441632960001",
				     1000,
				     "0791AB",
				     "hi 🙂",
				     STORE_IN_INCOMPLETE | STORE_IN_FLASH,
				     "modem-b",
				     5};
	struct store_inbox_msg m;
	int64_t ids[8], a = 0, b, c;
	int n;

	if (st == NULL) {
		CHECK(0);
		return;
	}
	CHECK_INT(store_inbox_put(st, &in, 1003, &a), STORE_OK);
	CHECK_INT(store_inbox_get(st, a, &m), STORE_OK);
	CHECK_STR(m.sender, "+441632960001");
	CHECK_INT(m.sender_ton, 5);
	CHECK_INT(m.smsc_time, 1000);
	CHECK_INT(m.received_at, 1003);
	CHECK_INT(m.flags, STORE_IN_INCOMPLETE | STORE_IN_FLASH);
	CHECK_STR(m.modem, "modem-b");
	CHECK_STR(m.pdu_hex, "0791AB");
	CHECK_STR(m.text, "hi 🙂");
	CHECK_INT(m.state, STORE_IN_NEW);
	CHECK_INT(m.handled_at, 0);
	store_inbox_msg_clear(&m);
	b = put_text(st, "VODAFONE", 1001, "0791AC", "Top up now", STORE_OK);
	c = put_text(st, "+441632960003", 1002, "0791AD", "cut sat", STORE_OK);

	n = store_inbox_unanswered(st, 0, ids, 8);
	CHECK_INT(n, 3);
	CHECK_INT(ids[0], a);
	CHECK_INT(ids[2], c);
	/* Paging: two at a time. */
	CHECK_INT(store_inbox_unanswered(st, 0, ids, 2), 2);
	CHECK_INT(store_inbox_unanswered(st, ids[1], ids, 2), 1);
	CHECK_INT(ids[0], c);

	CHECK_INT(store_inbox_mark_answered(st, a, 1010), STORE_OK);
	CHECK_INT(store_inbox_mark_ignored(st, b, "alphanumeric sender", 1011),
		  STORE_OK);
	CHECK_INT(store_inbox_get(st, b, &m), STORE_OK);
	CHECK_INT(m.state, STORE_IN_IGNORED);
	CHECK_STR(m.reason, "alphanumeric sender");
	CHECK_INT(m.handled_at, 1011);
	store_inbox_msg_clear(&m);
	CHECK_INT(store_inbox_get(st, a, &m), STORE_OK);
	CHECK_INT(m.state, STORE_IN_ANSWERED);
	store_inbox_msg_clear(&m);
	/* No way back, no double answer. */
	CHECK_INT(store_inbox_mark_answered(st, a, 1012), STORE_ERR_STATE);
	CHECK_INT(store_inbox_mark_ignored(st, a, "loop guard", 1012),
		  STORE_ERR_STATE);
	CHECK_INT(store_inbox_mark_answered(st, b, 1012), STORE_ERR_STATE);
	CHECK_INT(store_inbox_mark_answered(st, 9999, 1012),
		  STORE_ERR_NOT_FOUND);
	CHECK_INT(store_inbox_get(st, 9999, &m), STORE_ERR_NOT_FOUND);
	n = store_inbox_unanswered(st, 0, ids, 8);
	CHECK_INT(n, 1);
	CHECK_INT(ids[0], c);
	store_close(st);
}

static void test_inbox_recent(void)
{
	char path[128];
	struct store *st = open_new(path, sizeof(path));
	struct store_strings list;

	if (st == NULL) {
		CHECK(0);
		return;
	}
	put_text(st, "+441632960009", 100, "01", "auto reply 1", STORE_OK);
	put_text(st, "+441632960009", 200, "02", "auto reply 2", STORE_OK);
	put_text(st, "+441632960008", 250, "03", "someone else", STORE_OK);
	put_text(st, "+441632960009", 300, "04", "auto reply 3", STORE_OK);
	CHECK_INT(store_inbox_recent(st, "+441632960009", 150, 10, &list),
		  STORE_OK);
	CHECK_INT(list.n, 2);
	if (list.n == 2) {
		CHECK_STR(list.v[0], "auto reply 3");
		CHECK_STR(list.v[1], "auto reply 2");
	}
	store_strings_free(&list);
	CHECK_INT(store_inbox_recent(st, "+441632960009", 0, 1, &list),
		  STORE_OK);
	CHECK_INT(list.n, 1);
	store_strings_free(&list);
	store_close(st);
}

/* ---- outbox -------------------------------------------------------------- */

static void check_part(struct store *st, int64_t part, int state, int tries,
		       int mr)
{
	enum store_out_state s;
	int t, m;

	CHECK_INT(store_outbox_part_state(st, part, &s, &t, &m), STORE_OK);
	CHECK_INT(s, state);
	CHECK_INT(t, tries);
	CHECK_INT(m, mr);
}

static int msg_state(struct store *st, int64_t id)
{
	struct store_out_msg m;
	int state;

	if (store_outbox_get(st, id, &m) != STORE_OK)
		return -1;
	state = (int)m.state;
	store_out_msg_clear(&m);
	return state;
}

static void test_outbox_happy_path(void)
{
	char path[128];
	struct store *st = open_new(path, sizeof(path));
	struct store_out_job job, job2;
	struct store_out_msg m;
	int64_t msg, when = 0;

	if (st == NULL) {
		CHECK(0);
		return;
	}
	CHECK_INT(store_outbox_next(st, 1000, NULL, &job), STORE_ERR_NOT_FOUND);
	CHECK_INT(store_outbox_next_due(st, &when), STORE_ERR_NOT_FOUND);
	msg = queue_reply(st, "+441632960001", 2, 0, 1000);
	CHECK_INT(store_outbox_get(st, msg, &m), STORE_OK);
	CHECK_STR(m.to, "+441632960001");
	CHECK_STR(m.text, "Booked: haircut");
	CHECK_INT(m.n_parts, 2);
	CHECK_INT(m.state, STORE_OUT_QUEUED);
	CHECK_INT(m.origin, STORE_ORIGIN_REPLY);
	store_out_msg_clear(&m);
	CHECK_INT(store_outbox_next_due(st, &when), STORE_OK);
	CHECK_INT(when, 1000);
	/* Not due before it was queued. */
	CHECK_INT(store_outbox_next(st, 999, NULL, &job), STORE_ERR_NOT_FOUND);

	CHECK_INT(store_outbox_next(st, 1000, NULL, &job), STORE_OK);
	CHECK_INT(job.msg_id, msg);
	CHECK_INT(job.seq, 1);
	CHECK_INT(job.n_parts, 2);
	CHECK_INT(job.tpdu_len, 20);
	CHECK_INT(job.tries, 0);
	CHECK_STR(job.modem, "");
	CHECK_STR(job.pdu_hex, "0041000B914421436587F90000A0050003AA0301");
	CHECK_INT(store_outbox_mark_sending(st, job.part_id, "m1", 1000),
		  STORE_OK);
	check_part(st, job.part_id, STORE_OUT_SENDING, 1, -1);
	CHECK_INT(msg_state(st, msg), STORE_OUT_QUEUED);
	/* Part 2 waits while part 1 is in flight. */
	CHECK_INT(store_outbox_next(st, 1000, NULL, &job2),
		  STORE_ERR_NOT_FOUND);
	CHECK_INT(store_outbox_mark_sent(st, job.part_id, 17, 1001), STORE_OK);
	check_part(st, job.part_id, STORE_OUT_SENT, 1, 17);

	/* The message is now pinned to m1: another modem may not take it. */
	CHECK_INT(store_outbox_next(st, 1001, "m2", &job2),
		  STORE_ERR_NOT_FOUND);
	CHECK_INT(store_outbox_next(st, 1001, "m1", &job2), STORE_OK);
	CHECK_INT(job2.seq, 2);
	CHECK_STR(job2.modem, "m1");
	CHECK_INT(store_outbox_mark_sending(st, job2.part_id, "m1", 1001),
		  STORE_OK);
	CHECK_INT(store_outbox_mark_sent(st, job2.part_id, 18, 1002), STORE_OK);
	CHECK_INT(msg_state(st, msg), STORE_OUT_SENT);
	CHECK_INT(store_outbox_next(st, 5000, NULL, &job2),
		  STORE_ERR_NOT_FOUND);

	/* Status reports: SC still trying changes nothing; 0 delivers. */
	CHECK_INT(store_outbox_delivered_by_mr(st, "m1", 17, "+441632960001",
					       0x21, 1100),
		  STORE_OK);
	check_part(st, job.part_id, STORE_OUT_SENT, 1, 17);
	CHECK_INT(store_outbox_delivered_by_mr(st, "m1", 17, "+441632960001",
					       0x00, 1100),
		  STORE_OK);
	check_part(st, job.part_id, STORE_OUT_DELIVERED, 1, 17);
	CHECK_INT(msg_state(st, msg), STORE_OUT_SENT);
	CHECK_INT(store_outbox_delivered_by_mr(st, "m2", 18, "+441632960001",
					       0x00, 1100),
		  STORE_ERR_NOT_FOUND);
	CHECK_INT(store_outbox_delivered_by_mr(st, "m1", 18, "+441632960001",
					       0x00, 1100),
		  STORE_OK);
	CHECK_INT(msg_state(st, msg), STORE_OUT_DELIVERED);
	/* A duplicate report finds nothing left to mark. */
	CHECK_INT(store_outbox_delivered_by_mr(st, "m1", 18, "+441632960001",
					       0x00, 1101),
		  STORE_ERR_NOT_FOUND);
	store_close(st);
}

static void test_outbox_retry_and_fail(void)
{
	char path[128];
	struct store *st = open_new(path, sizeof(path));
	struct store_out_job job;
	struct store_out_msg m;
	int64_t msg, part1, when = 0;

	if (st == NULL) {
		CHECK(0);
		return;
	}
	msg = queue_reply(st, "+441632960002", 3, 0, 2000);
	CHECK_INT(store_outbox_next(st, 2000, NULL, &job), STORE_OK);
	part1 = job.part_id;
	/* Transitions that skip a step are refused. */
	CHECK_INT(store_outbox_mark_sent(st, part1, 1, 2000), STORE_ERR_STATE);
	CHECK_INT(store_outbox_mark_retry(st, part1, "x", 2000, 2000),
		  STORE_ERR_STATE);
	CHECK_INT(store_outbox_mark_sending(st, 424242, "m1", 2000),
		  STORE_ERR_NOT_FOUND);
	CHECK_INT(store_outbox_mark_sending(st, part1, "m1", 2000), STORE_OK);
	CHECK_INT(store_outbox_mark_sending(st, part1, "m1", 2000),
		  STORE_ERR_STATE);
	CHECK_INT(store_outbox_mark_retry(st, part1, "+CMS ERROR: 500",
					  2000 + store_outbox_backoff(1), 2001),
		  STORE_OK);
	check_part(st, part1, STORE_OUT_QUEUED, 1, -1);
	CHECK_INT(store_outbox_next(st, 2029, NULL, &job), STORE_ERR_NOT_FOUND);
	CHECK_INT(store_outbox_next_due(st, &when), STORE_OK);
	CHECK_INT(when, 2030);
	CHECK_INT(store_outbox_next(st, 2030, NULL, &job), STORE_OK);
	CHECK_INT(job.part_id, part1);
	CHECK_INT(job.tries, 1);
	CHECK_INT(store_outbox_get(st, msg, &m), STORE_OK);
	CHECK_STR(m.last_error, "+CMS ERROR: 500");
	store_out_msg_clear(&m);
	CHECK_INT(store_outbox_mark_sending(st, part1, "m1", 2030), STORE_OK);
	CHECK_INT(store_outbox_mark_failed(st, part1, "+CMS ERROR: 38", 2031),
		  STORE_OK);
	check_part(st, part1, STORE_OUT_FAILED, 2, -1);
	/* The other parts fail with it; nothing is left to send. */
	CHECK_INT(store_outbox_part_state(st, part1 + 1, NULL, NULL, NULL),
		  STORE_OK);
	check_part(st, part1 + 2, STORE_OUT_FAILED, 0, -1);
	CHECK_INT(store_outbox_next(st, 9999, NULL, &job), STORE_ERR_NOT_FOUND);
	CHECK_INT(store_outbox_get(st, msg, &m), STORE_OK);
	CHECK_INT(m.state, STORE_OUT_FAILED);
	CHECK_STR(m.last_error, "+CMS ERROR: 38");
	store_out_msg_clear(&m);
	CHECK_INT(store_outbox_mark_failed(st, part1, "again", 2032),
		  STORE_ERR_STATE);

	/* A permanent delivery failure in a status report. */
	msg = queue_reply(st, "+441632960002", 1, 0, 3000);
	CHECK_INT(store_outbox_next(st, 3000, NULL, &job), STORE_OK);
	CHECK_INT(store_outbox_mark_sending(st, job.part_id, "m1", 3000),
		  STORE_OK);
	CHECK_INT(store_outbox_mark_sent(st, job.part_id, 200, 3001), STORE_OK);
	CHECK_INT(store_outbox_delivered_by_mr(st, "m1", 200, "+441632960002",
					       0x41, 3100),
		  STORE_OK);
	CHECK_INT(store_outbox_get(st, msg, &m), STORE_OK);
	CHECK_INT(m.state, STORE_OUT_FAILED);
	CHECK_STR(m.last_error, "delivery failed: status 0x41");
	store_out_msg_clear(&m);
	store_close(st);
}

static void test_outbox_mr_reuse_and_recover(void)
{
	char path[128];
	struct store *st = open_new(path, sizeof(path));
	struct store_out_job job;
	int64_t old_part, new_part;

	if (st == NULL) {
		CHECK(0);
		return;
	}
	/* Message references wrap at 256: a report goes to the latest. */
	queue_reply(st, "+441632960003", 1, 0, 100);
	store_outbox_next(st, 100, NULL, &job);
	old_part = job.part_id;
	store_outbox_mark_sending(st, old_part, "m1", 100);
	store_outbox_mark_sent(st, old_part, 5, 101);
	queue_reply(st, "+441632960004", 1, 0, 500);
	CHECK_INT(store_outbox_next(st, 500, NULL, &job), STORE_OK);
	new_part = job.part_id;
	store_outbox_mark_sending(st, new_part, "m1", 500);
	store_outbox_mark_sent(st, new_part, 5, 501);
	CHECK_INT(
	    store_outbox_delivered_by_mr(st, "m1", 5, "+441632960004", 0, 600),
	    STORE_OK);
	check_part(st, new_part, STORE_OUT_DELIVERED, 1, 5);
	check_part(st, old_part, STORE_OUT_SENT, 1, 5);
	/* A late report about the older text (same MR, its recipient) marks
	 * the older part, not the newer one; a national form of the number
	 * matches; another recipient, or a report older than the window,
	 * marks nothing. */
	CHECK_INT(
	    store_outbox_delivered_by_mr(st, "m1", 5, "01632960003", 0x41, 650),
	    STORE_OK);
	check_part(st, old_part, STORE_OUT_FAILED, 1, 5);
	check_part(st, new_part, STORE_OUT_DELIVERED, 1, 5);
	queue_reply(st, "+441632960006", 1, 0, 660);
	CHECK_INT(store_outbox_next(st, 660, NULL, &job), STORE_OK);
	int64_t third = job.part_id;
	store_outbox_mark_sending(st, third, "m1", 660);
	store_outbox_mark_sent(st, third, 9, 661);
	CHECK_INT(
	    store_outbox_delivered_by_mr(st, "m1", 9, "+447700900999", 0, 670),
	    STORE_ERR_NOT_FOUND);
	CHECK_INT(store_outbox_delivered_by_mr(st, "m1", 9, "+441632960006", 0,
					       661 + STORE_REPORT_WINDOW + 1),
		  STORE_ERR_NOT_FOUND);
	check_part(st, third, STORE_OUT_SENT, 1, 9);

	/* A crash while sending: the part goes back to the queue. */
	queue_reply(st, "+441632960005", 1, 0, 700);
	CHECK_INT(store_outbox_next(st, 700, NULL, &job), STORE_OK);
	CHECK_INT(store_outbox_mark_sending(st, job.part_id, "m2", 700),
		  STORE_OK);
	CHECK_INT(store_outbox_recover(st, 800), 1);
	check_part(st, job.part_id, STORE_OUT_QUEUED, 1, -1);
	CHECK_INT(store_outbox_recover(st, 801), 0);
	CHECK_INT(store_outbox_next(st, 800, NULL, &job), STORE_OK);
	CHECK_INT(job.tries, 1);
	CHECK_STR(job.modem, "m2");

	CHECK_INT(store_outbox_backoff(1), 30);
	CHECK_INT(store_outbox_backoff(2), 60);
	CHECK_INT(store_outbox_backoff(4), 240);
	CHECK_INT(store_outbox_backoff(50), 3600);
	store_close(st);
}

static void test_outbox_bad_args_and_replies_guard(void)
{
	char path[128], big[STORE_PDU_HEX_MAX + 2];
	struct store *st = open_new(path, sizeof(path));
	struct store_out_part part = {big, 10};
	struct store_outbox_new msg = {.to = "+441632960001",
				       .text = "x",
				       .origin = STORE_ORIGIN_STAFF,
				       .parts = &part,
				       .n_parts = 1};
	int64_t n = -1, id;

	if (st == NULL) {
		CHECK(0);
		return;
	}
	memset(big, 'A', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	CHECK_INT(store_outbox_queue(st, &msg, 10, &id), STORE_ERR_ARG);
	part.pdu_hex = "00";
	msg.n_parts = 0;
	CHECK_INT(store_outbox_queue(st, &msg, 10, &id), STORE_ERR_ARG);
	msg.n_parts = 1;
	CHECK_INT(store_outbox_queue(st, &msg, 10, &id), STORE_OK);
	/* Staff messages do not count against the reply guard. */
	queue_reply(st, "+441632960001", 1, 0, 20);
	queue_reply(st, "+441632960001", 1, 0, 4000);
	queue_reply(st, "+441632960002", 1, 0, 4000);
	CHECK_INT(store_replies_since(st, "+441632960001", 0, &n), STORE_OK);
	CHECK_INT(n, 2);
	CHECK_INT(store_replies_since(st, "+441632960001", 4000 - 3600, &n),
		  STORE_OK);
	CHECK_INT(n, 1);
	store_close(st);
}

/* ---- transactions ------------------------------------------------------- */

static void test_answer_is_all_or_nothing(void)
{
	char path[128], ref[STORE_REF_MAX];
	struct store *st = open_new(path, sizeof(path));
	struct store_inbox_msg m;
	struct store_conv c;
	int64_t in, msg, ids[4], count = -1;

	if (st == NULL) {
		CHECK(0);
		return;
	}
	in = put_text(st, "+441632960001", 100, "AA", "cut sat 10", STORE_OK);
	/* Rolled back: nothing of the answer remains. */
	CHECK_INT(store_begin(st), STORE_OK);
	CHECK_INT(store_begin(st), STORE_ERR_STATE);
	CHECK_INT(store_inbox_mark_answered(st, in, 110), STORE_OK);
	CHECK_INT(store_booking_create(st, "haircut", 10000, 30, 1,
				       "+441632960001", 110, ref, NULL),
		  STORE_OK);
	CHECK_INT(store_conv_set(st, "+441632960001", "confirm", "x", 999, 110),
		  STORE_OK);
	msg = queue_reply(st, "+441632960001", 1, in, 110);
	CHECK(store_in_transaction(st));
	CHECK_INT(store_rollback(st), STORE_OK);
	CHECK(!store_in_transaction(st));
	CHECK_INT(store_inbox_unanswered(st, 0, ids, 4), 1);
	CHECK_INT(store_booking_count(st, "haircut", 0, 20000, &count),
		  STORE_OK);
	CHECK_INT(count, 0);
	CHECK_INT(store_conv_get(st, "+441632960001", 110, &c),
		  STORE_ERR_NOT_FOUND);
	CHECK_INT(msg_state(st, msg), -1);

	/* Committed: everything is there. A failed step inside (the slot is
	 * full) undoes only itself. */
	CHECK_INT(store_begin(st), STORE_OK);
	CHECK_INT(store_inbox_mark_answered(st, in, 120), STORE_OK);
	CHECK_INT(store_booking_create(st, "haircut", 10000, 30, 1,
				       "+441632960001", 120, ref, NULL),
		  STORE_OK);
	CHECK_INT(store_booking_create(st, "haircut", 10000, 30, 1,
				       "+441632960001", 120, ref, NULL),
		  STORE_ERR_FULL);
	CHECK_STR(ref, "");
	msg = queue_reply(st, "+441632960001", 1, in, 120);
	CHECK_INT(store_commit(st), STORE_OK);
	CHECK_INT(store_commit(st), STORE_ERR_STATE);
	CHECK_INT(store_inbox_get(st, in, &m), STORE_OK);
	CHECK_INT(m.state, STORE_IN_ANSWERED);
	store_inbox_msg_clear(&m);
	CHECK_INT(store_booking_count(st, "haircut", 0, 20000, &count),
		  STORE_OK);
	CHECK_INT(count, 1);
	CHECK_INT(msg_state(st, msg), STORE_OUT_QUEUED);
	store_close(st);
}

/* ---- bookings ------------------------------------------------------------ */

static int is_ref_char(char c)
{
	return c != '\0' && strchr(STORE_REF_ALPHABET, c) != NULL;
}

static void test_reference_alphabet(void)
{
	const char *lookalikes = "0O1IL5S2Z8B";
	char ref[STORE_REF_MAX];

	CHECK_INT(strlen(STORE_REF_ALPHABET), 25);
	for (const char *p = lookalikes; *p; p++)
		CHECK(strchr(STORE_REF_ALPHABET, *p) == NULL);
	/* Every other digit and letter is there. */
	for (char c = '0'; c <= '9'; c++)
		CHECK((strchr(lookalikes, c) == NULL) == is_ref_char(c));
	for (char c = 'A'; c <= 'Z'; c++)
		CHECK((strchr(lookalikes, c) == NULL) == is_ref_char(c));
	CHECK_INT(store_ref_normalise("k7qx", ref), 1);
	CHECK_STR(ref, "K7QX");
	CHECK_INT(store_ref_normalise("K7QX9", ref), 1);
	CHECK_INT(store_ref_normalise("K7Q", ref), 0);
	CHECK_INT(store_ref_normalise("K7QX9A", ref), 0);
	CHECK_INT(store_ref_normalise("K0QX", ref), 0);
	CHECK_INT(store_ref_normalise("K7 X", ref), 0);
	CHECK_INT(store_ref_normalise(NULL, ref), 0);
}

static void test_references_unique_and_clean(void)
{
	char path[128], ref[STORE_REF_MAX], out[128];
	struct store *st = open_new(path, sizeof(path));
	int seen[256] = {0}, bad = 0;

	if (st == NULL) {
		CHECK(0);
		return;
	}
	CHECK_INT(store_begin(st), STORE_OK);
	for (int i = 0; i < 3000; i++) {
		int rc =
		    store_booking_create(st, "haircut", 1000000 + i * 3600, 30,
					 1, "+441632960001", 10, ref, NULL);
		if (rc != STORE_OK || strlen(ref) != 4)
			bad++;
		for (const char *p = ref; *p; p++) {
			if (!is_ref_char(*p))
				bad++;
			seen[(unsigned char)*p]++;
		}
	}
	CHECK_INT(store_commit(st), STORE_OK);
	CHECK_INT(bad, 0);
	/* Uniformly random: every character of the alphabet turns up (12000
	 * draws, 480 expected each). */
	for (const char *p = STORE_REF_ALPHABET; *p; p++)
		CHECK(seen[(unsigned char)*p] > 300);
	store_close(st);
	shell_sql(path, "SELECT count(DISTINCT ref), count(*) FROM bookings;",
		  out, sizeof(out));
	CHECK_STR(out, "3000|3000");
}

/* A broken random source: always the same bytes. */
static int stuck_random(void *ctx, unsigned char *buf, size_t n)
{
	int *calls = ctx;

	(*calls)++;
	memset(buf, 7, n);
	return 0;
}

static void test_reference_collision_grows(void)
{
	char path[128], a[STORE_REF_MAX], b[STORE_REF_MAX], c[STORE_REF_MAX];
	struct store *st = open_new(path, sizeof(path));
	int calls = 0;

	if (st == NULL) {
		CHECK(0);
		return;
	}
	store_set_random(st, stuck_random, &calls);
	CHECK_INT(
	    store_booking_create(st, "haircut", 1000, 30, 5, "+1", 1, a, NULL),
	    STORE_OK);
	CHECK_STR(a, "DDDD");
	/* Every 4-character draw now collides: the store moves to 5. */
	CHECK_INT(
	    store_booking_create(st, "haircut", 1000, 30, 5, "+1", 1, b, NULL),
	    STORE_OK);
	CHECK_STR(b, "DDDDD");
	/* And when even that is taken it fails rather than reuse one. */
	CHECK_INT(
	    store_booking_create(st, "haircut", 1000, 30, 5, "+1", 1, c, NULL),
	    STORE_ERR_DB);
	CHECK(strstr(store_errmsg(st), "reference") != NULL);
	CHECK(calls > 40);
	store_set_random(st, NULL, NULL);
	CHECK_INT(
	    store_booking_create(st, "haircut", 1000, 30, 5, "+1", 1, c, NULL),
	    STORE_OK);
	store_close(st);
}

/*
 * business.capacity (store_set_places): one practitioner is never booked
 * twice at once, whatever the services; checked inside the transaction,
 * for moves too. Left at 0, services overlap as before.
 */
static void test_booking_places_across_services(void)
{
	char path[128], r1[STORE_REF_MAX], r2[STORE_REF_MAX], r3[STORE_REF_MAX];
	struct store *st = open_new(path, sizeof(path));
	const char *ann = "+441632960001", *bob = "+441632960002";
	const int64_t t10 = 1800000000; /* 10:00 */

	if (st == NULL) {
		CHECK(0);
		return;
	}
	CHECK_INT(
	    store_booking_create(st, "adult", t10, 45, 1, ann, 5, r1, NULL),
	    STORE_OK);
	/* per service only: another service at 10:30 overlaps, and fits */
	CHECK_INT(store_booking_create(st, "child", t10 + 1800, 45, 1, bob, 6,
				       r2, NULL),
		  STORE_OK);
	CHECK_INT(store_booking_cancel(st, r2, bob, 7, NULL), STORE_OK);
	store_set_places(st, 1);
	CHECK_INT(store_booking_create(st, "child", t10 + 1800, 45, 1, bob, 8,
				       r2, NULL),
		  STORE_ERR_FULL);
	CHECK_STR(r2, "");
	/* back to back is no overlap */
	CHECK_INT(store_booking_create(st, "child", t10 + 2700, 45, 1, bob, 9,
				       r2, NULL),
		  STORE_OK);
	/* a move into the other booking is refused; within its own time,
	 * the booking moved does not count against itself */
	CHECK_INT(store_booking_move(st, r2, t10 + 900, 1, 10, NULL),
		  STORE_ERR_FULL);
	CHECK_INT(store_booking_move(st, r1, t10 - 900, 1, 11, NULL), STORE_OK);
	store_set_places(st, 2);
	CHECK_INT(
	    store_booking_create(st, "sport", t10, 45, 1, bob, 12, r3, NULL),
	    STORE_OK);
	store_close(st);
}

/* Places are what runs at one moment: two bookings one after the other
 * inside a longer span take one place of it, not two (review tr11 c01.2:
 * 14:00-15:00 and 15:00-17:00 refused 14:00-16:00 with a capacity of 2). */
static void test_booking_places_are_peak_not_overlaps(void)
{
	char path[128], r[4][STORE_REF_MAX];
	struct store *st = open_new(path, sizeof(path));
	const char *ann = "+441632960001", *bob = "+441632960002",
		   *cat = "+441632960003";
	const int64_t t14 = 1800000000;

	if (st == NULL) {
		CHECK(0);
		return;
	}
	CHECK_INT(
	    store_booking_create(st, "lash", t14, 60, 2, ann, 5, r[0], NULL),
	    STORE_OK);
	CHECK_INT(store_booking_create(st, "lash", t14 + 3600, 120, 2, bob, 6,
				       r[1], NULL),
		  STORE_OK);
	/* per service: one at a time runs beside it, so a second place */
	CHECK_INT(
	    store_booking_create(st, "lash", t14, 120, 2, cat, 7, r[2], NULL),
	    STORE_OK);
	/* now two run at 14:00 and two at 15:00: full */
	CHECK_INT(store_booking_create(st, "lash", t14 + 1800, 60, 2, ann, 8,
				       r[3], NULL),
		  STORE_ERR_FULL);
	CHECK_INT(store_booking_cancel(st, r[2], cat, 9, NULL), STORE_OK);
	/* across services (business.capacity): the same */
	store_set_places(st, 2);
	CHECK_INT(
	    store_booking_create(st, "brow", t14, 120, 2, cat, 10, r[2], NULL),
	    STORE_OK);
	CHECK_INT(
	    store_booking_create(st, "nail", t14, 30, 2, cat, 11, r[3], NULL),
	    STORE_ERR_FULL);
	store_close(st);
}

static void test_booking_capacity_and_cancel(void)
{
	char path[128], r1[STORE_REF_MAX], r2[STORE_REF_MAX], r3[STORE_REF_MAX];
	struct store *st = open_new(path, sizeof(path));
	const char *ann = "+441632960001", *bob = "+441632960002";
	const int64_t t10 = 1800000000; /* a 10:00 slot */
	struct store_booking b;
	int64_t id = 0, n = -1;

	if (st == NULL) {
		CHECK(0);
		return;
	}
	CHECK_INT(
	    store_booking_create(st, "haircut", t10, 30, 2, ann, 5, r1, &id),
	    STORE_OK);
	CHECK(id > 0);
	CHECK_INT(
	    store_booking_create(st, "haircut", t10, 30, 2, bob, 6, r2, NULL),
	    STORE_OK);
	CHECK(strcmp(r1, r2) != 0);
	CHECK_INT(
	    store_booking_create(st, "haircut", t10, 30, 2, bob, 7, r3, NULL),
	    STORE_ERR_FULL);
	/* Overlapping from the side counts; touching does not. */
	CHECK_INT(store_booking_create(st, "haircut", t10 + 15 * 60, 30, 2, bob,
				       7, r3, NULL),
		  STORE_ERR_FULL);
	CHECK_INT(store_booking_create(st, "haircut", t10 + 30 * 60, 30, 2, bob,
				       7, r3, NULL),
		  STORE_OK);
	CHECK_INT(store_booking_create(st, "haircut", t10 - 30 * 60, 30, 2, bob,
				       7, r3, NULL),
		  STORE_OK);
	/* Another service has its own capacity. */
	CHECK_INT(
	    store_booking_create(st, "beard", t10, 20, 1, bob, 7, r3, NULL),
	    STORE_OK);
	CHECK_INT(store_booking_count(st, "haircut", t10, t10 + 1800, &n),
		  STORE_OK);
	CHECK_INT(n, 2);
	CHECK_INT(
	    store_booking_create(st, "haircut", t10, 0, 2, bob, 7, r3, NULL),
	    STORE_ERR_ARG);

	/* Someone else's reference looks exactly like a missing one. */
	CHECK_INT(store_booking_cancel(st, r1, bob, 50, &b),
		  STORE_ERR_NOT_FOUND);
	CHECK_INT(store_booking_find(st, r1, bob, &b), STORE_ERR_NOT_FOUND);
	CHECK_INT(store_booking_cancel(st, "KKKK", bob, 50, &b),
		  STORE_ERR_NOT_FOUND);
	CHECK_INT(store_booking_find(st, r1, ann, &b), STORE_OK);
	CHECK_STR(b.service, "haircut");
	CHECK_INT(b.start, t10);
	CHECK_INT(b.state, STORE_BOOKED);
	CHECK_INT(b.created_at, 5);
	/* Typed in lower case by the owner: cancelled, place freed. */
	for (char *p = r1; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	CHECK_INT(store_booking_cancel(st, r1, ann, 60, &b), STORE_OK);
	CHECK_INT(b.state, STORE_CANCELLED);
	CHECK_INT(b.cancelled_at, 60);
	CHECK_INT(store_booking_cancel(st, r1, ann, 61, &b), STORE_ERR_STATE);
	CHECK_INT(store_booking_count(st, "haircut", t10, t10 + 1800, &n),
		  STORE_OK);
	CHECK_INT(n, 1);
	CHECK_INT(
	    store_booking_create(st, "haircut", t10, 30, 2, bob, 70, r3, NULL),
	    STORE_OK);
	store_close(st);
}

static void test_booking_lists_and_reminders(void)
{
	char path[128], ref[STORE_REF_MAX], r_old[STORE_REF_MAX];
	struct store *st = open_new(path, sizeof(path));
	const char *ann = "+441632960001", *bob = "+441632960002";
	const int64_t day = 1800000000, h = 3600;
	struct store_booking_list l;

	if (st == NULL) {
		CHECK(0);
		return;
	}
	store_booking_create(st, "haircut", day + 10 * h, 30, 2, ann, 0, ref,
			     NULL);
	store_booking_create(st, "beard", day + 9 * h, 20, 2, bob, 0, ref,
			     NULL);
	store_booking_create(st, "haircut", day - 2 * h, 30, 2, ann, 0, r_old,
			     NULL);
	store_booking_create(st, "haircut", day + 30 * h, 30, 2, ann, 0, ref,
			     NULL);
	store_booking_create(st, "haircut", day + 11 * h, 30, 2, bob, 0, ref,
			     NULL);
	store_booking_cancel(st, ref, bob, 10, NULL);

	CHECK_INT(store_bookings_upcoming(st, ann, day, &l), STORE_OK);
	CHECK_INT(l.n, 2);
	if (l.n == 2) {
		CHECK_INT(l.v[0].start, day + 10 * h);
		CHECK_INT(l.v[1].start, day + 30 * h);
	}
	store_booking_list_free(&l);
	CHECK_INT(store_bookings_between(st, day, day + 24 * h, 0, &l),
		  STORE_OK);
	CHECK_INT(l.n, 2);
	if (l.n == 2) {
		CHECK_STR(l.v[0].service, "beard");
		CHECK_STR(l.v[1].service, "haircut");
	}
	store_booking_list_free(&l);
	CHECK_INT(store_bookings_between(st, day, day + 24 * h, 1, &l),
		  STORE_OK);
	CHECK_INT(l.n, 3);
	if (l.n == 3)
		CHECK_INT(l.v[2].state, STORE_CANCELLED);
	store_booking_list_free(&l);

	/* Reminders 24 h ahead, at day - 1 h: the 09:00 and 10:00 ones;
	 * not the cancelled 11:00, not the one already past, not the one
	 * more than 24 h away. */
	CHECK_INT(store_bookings_due_reminder(st, day - 1 * h, 24 * h, &l),
		  STORE_OK);
	CHECK_INT(l.n, 2);
	if (l.n == 2) {
		CHECK_STR(l.v[0].service, "beard");
		CHECK_INT(store_booking_mark_reminded(st, l.v[0].id, day - h),
			  STORE_OK);
		CHECK_INT(store_booking_mark_reminded(st, l.v[0].id, day - h),
			  STORE_ERR_STATE);
	}
	store_booking_list_free(&l);
	CHECK_INT(store_bookings_due_reminder(st, day - h, 24 * h, &l),
		  STORE_OK);
	CHECK_INT(l.n, 1);
	if (l.n == 1)
		CHECK_INT(l.v[0].start, day + 10 * h);
	store_booking_list_free(&l);
	/* Booked at short notice: its confirmation was its reminder. */
	store_booking_create(st, "haircut", day + 40 * h, 30, 2, bob,
			     day + 30 * h, ref, NULL);
	CHECK_INT(store_bookings_due_reminder(st, day + 31 * h, 24 * h, &l),
		  STORE_OK);
	CHECK_INT(l.n, 0);
	store_booking_list_free(&l);
	CHECK_INT(store_booking_mark_reminded(st, 9999, 0),
		  STORE_ERR_NOT_FOUND);
	store_close(st);
}

/* ---- the last place, raced -------------------------------------------- */

static void test_last_place_two_connections(void)
{
	char path[128], err[256], r1[STORE_REF_MAX], r2[STORE_REF_MAX];
	struct store *a = open_new(path, sizeof(path));
	struct store *b = store_open(path, 0, err, sizeof(err));
	int64_t n = -1;

	if (a == NULL || b == NULL) {
		CHECK(0);
		store_close(a);
		store_close(b);
		return;
	}
	store_set_busy_timeout(b, 50);
	/* A holds its answering transaction and takes the last place ... */
	CHECK_INT(store_begin(a), STORE_OK);
	CHECK_INT(
	    store_booking_create(a, "haircut", 5000, 30, 1, "+1", 1, r1, NULL),
	    STORE_OK);
	/* ... so B cannot even start deciding until A is done ... */
	CHECK_INT(
	    store_booking_create(b, "haircut", 5000, 30, 1, "+2", 1, r2, NULL),
	    STORE_ERR_BUSY);
	CHECK_INT(store_begin(b), STORE_ERR_BUSY);
	CHECK(!store_in_transaction(b));
	CHECK_INT(store_commit(a), STORE_OK);
	/* ... and then finds the slot full. */
	CHECK_INT(
	    store_booking_create(b, "haircut", 5000, 30, 1, "+2", 1, r2, NULL),
	    STORE_ERR_FULL);
	CHECK_INT(store_booking_count(b, "haircut", 5000, 5001, &n), STORE_OK);
	CHECK_INT(n, 1);
	store_close(a);
	store_close(b);
}

#define RACERS 8

/*
 * RACERS processes, each with its own connection, released at once by a
 * pipe closing, all book the one place left. Exactly one may win.
 */
static void race_round(int round)
{
	char path[128], err[256], out[64];
	struct store *st = open_new(path, sizeof(path));
	pid_t pids[RACERS];
	int gate[2], wins = 0, fulls = 0, other = 0;

	if (st == NULL || pipe(gate) != 0) {
		CHECK(0);
		store_close(st);
		return;
	}
	store_close(st);
	fflush(stdout);
	for (int i = 0; i < RACERS; i++) {
		pids[i] = fork();
		if (pids[i] == 0) {
			char ref[STORE_REF_MAX], who[32], c;
			struct store *me;
			int rc;

			close(gate[1]);
			me = store_open(path, 0, err, sizeof(err));
			if (me == NULL)
				_exit(90);
			snprintf(who, sizeof(who), "+4416329600%02d", i);
			while (read(gate[0], &c, 1) > 0) /* wait for close */
				;
			rc = store_booking_create(me, "haircut",
						  9000 + round * 3600, 30, 1,
						  who, 2, ref, NULL);
			store_close(me);
			_exit(rc == STORE_OK	     ? 0
			      : rc == STORE_ERR_FULL ? 1
						     : 91);
		}
	}
	close(gate[0]);
	close(gate[1]); /* go */
	for (int i = 0; i < RACERS; i++) {
		int status = 0;
		waitpid(pids[i], &status, 0);
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
			wins++;
		else if (WIFEXITED(status) && WEXITSTATUS(status) == 1)
			fulls++;
		else
			other++;
	}
	CHECK_INT(wins, 1);
	CHECK_INT(fulls, RACERS - 1);
	CHECK_INT(other, 0);
	shell_sql(path, "SELECT count(*) FROM bookings;", out, sizeof(out));
	CHECK_STR(out, "1");
}

static void test_last_place_forked_race(void)
{
	for (int round = 0; round < 5; round++)
		race_round(round);
}

/* ---- crash safety ------------------------------------------------------ */

/*
 * The child answers messages in a loop, one transaction per answer (put,
 * mark answered, book, queue the reply, commit), writing one byte to the
 * parent after each of those five steps. In lock-step mode it then waits
 * for the parent's go-ahead, so the parent's SIGKILL lands at a known step,
 * inside or between transactions; free-running, it lands anywhere.
 */
struct crash_pipes {
	int to_parent;
	int from_parent; /* -1: free-running */
};

static void crash_step(const struct crash_pipes *p, int ok, int code)
{
	char c = 's';

	if (!ok || write(p->to_parent, &c, 1) != 1)
		_exit(code);
	if (p->from_parent >= 0 && read(p->from_parent, &c, 1) != 1)
		_exit(code);
}

static void crash_child(const char *path, const struct crash_pipes *p)
{
	char err[256], ref[STORE_REF_MAX], pdu[32];
	struct store *st = store_open(path, 0, err, sizeof(err));

	if (st == NULL)
		_exit(90);
	for (int i = 0;; i++) {
		struct store_inbox_new in = {
		    "+441632960001", i, pdu, "cut", 0, "m1", 0};
		struct store_out_part part = {"0011000B91", 10};
		struct store_outbox_new msg = {.to = "+441632960001",
					       .text = "ok",
					       .origin = STORE_ORIGIN_REPLY,
					       .parts = &part,
					       .n_parts = 1};
		int64_t id = 0;

		snprintf(pdu, sizeof(pdu), "07%06d", i);
		crash_step(p,
			   store_begin(st) == STORE_OK &&
			       store_inbox_put(st, &in, i, &id) == STORE_OK,
			   91);
		crash_step(p, store_inbox_mark_answered(st, id, i) == STORE_OK,
			   92);
		crash_step(p,
			   store_booking_create(
			       st, "haircut", 100000 + i * 3600, 30, 1,
			       "+441632960001", i, ref, NULL) == STORE_OK,
			   93);
		msg.inbox_id = id;
		crash_step(p, store_outbox_queue(st, &msg, i, NULL) == STORE_OK,
			   94);
		crash_step(p, store_commit(st) == STORE_OK, 95);
	}
}

/* Kill the child after `steps` steps; returns whole answers in the file,
 * or -1 when the file is inconsistent. */
static int crash_once(int steps, int lockstep)
{
	char path[128], out[256], want[64], err[256];
	struct store *st = open_new(path, sizeof(path));
	struct crash_pipes cp = {-1, -1};
	int up[2], down[2] = {-1, -1}, status = 0, got = 0, answers;
	int64_t ids[4];
	pid_t pid;
	char c = 'g';

	store_close(st);
	if (pipe(up) != 0 || (lockstep && pipe(down) != 0)) {
		CHECK(0);
		return -1;
	}
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		close(up[0]);
		if (lockstep)
			close(down[1]);
		cp.to_parent = up[1];
		cp.from_parent = down[0];
		crash_child(path, &cp);
	}
	close(up[1]);
	if (lockstep)
		close(down[0]);
	while (got < steps && read(up[0], &c, 1) == 1) {
		got++;
		if (lockstep && got < steps && write(down[1], &c, 1) != 1)
			break;
	}
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	close(up[0]);
	if (lockstep)
		close(down[1]);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
	CHECK_INT(got, steps);

	CHECK_INT(shell_sql(path, "PRAGMA integrity_check;", out, sizeof(out)),
		  0);
	CHECK_STR(out, "ok");
	/* Whole answers only: as many inbound rows as answered ones, as
	 * bookings, as replies pointing at them, as reply parts. */
	shell_sql(path,
		  "SELECT (SELECT count(*) FROM inbox) || ' ' ||"
		  " (SELECT count(*) FROM inbox WHERE state = 1) || ' ' ||"
		  " (SELECT count(*) FROM bookings) || ' ' ||"
		  " (SELECT count(*) FROM out_msg m JOIN inbox i ON"
		  "  i.id = m.inbox_id) || ' ' ||"
		  " (SELECT count(*) FROM out_part);",
		  out, sizeof(out));
	answers = atoi(out);
	snprintf(want, sizeof(want), "%d %d %d %d %d", answers, answers,
		 answers, answers, answers);
	CHECK_STR(out, want);
	/* The store opens and works on after the crash. */
	st = store_open(path, 0, err, sizeof(err));
	CHECK(st != NULL);
	if (st != NULL) {
		CHECK_INT(store_inbox_unanswered(st, 0, ids, 4), 0);
		CHECK_INT(store_outbox_recover(st, 0), 0);
	}
	store_close(st);
	return strcmp(out, want) == 0 ? answers : -1;
}

static void test_crash_mid_transaction(void)
{
	/* Every step of the first two answers: exactly the committed ones
	 * survive, the half-done one is gone. */
	for (int steps = 1; steps <= 11; steps++) {
		TEST_BEGIN("test_crash_mid_transaction/lockstep-%d", steps);
		CHECK_INT(crash_once(steps, 1), steps / 5);
		TEST_END();
	}
	/* Free-running: the kill lands wherever the child happens to be. */
	for (int steps = 40; steps <= 400; steps += 90) {
		int answers;
		TEST_BEGIN("test_crash_mid_transaction/free-%d", steps);
		answers = crash_once(steps, 0);
		CHECK(answers >= steps / 5);
		TEST_END();
	}
	TEST_BEGIN("test_crash_mid_transaction/lockstep-23");
	CHECK_INT(crash_once(23, 1), 4);
}

/* ---- conversations, opt-outs ------------------------------------------- */

static void test_conversation_expiry(void)
{
	char path[128], long_state[STORE_CONV_STATE_MAX + 1];
	struct store *st = open_new(path, sizeof(path));
	struct store_conv c;

	if (st == NULL) {
		CHECK(0);
		return;
	}
	CHECK_INT(store_conv_get(st, "+1", 0, &c), STORE_ERR_NOT_FOUND);
	CHECK_INT(store_conv_set(st, "+1", "which_day", "svc=haircut;t=10:00",
				 1000 + 1800, 1000),
		  STORE_OK);
	CHECK_INT(store_conv_get(st, "+1", 1000, &c), STORE_OK);
	CHECK_STR(c.kind, "which_day");
	CHECK_STR(c.state, "svc=haircut;t=10:00");
	CHECK_INT(c.expires_at, 2800);
	CHECK_INT(c.updated_at, 1000);
	CHECK_INT(store_conv_get(st, "+1", 2799, &c), STORE_OK);
	CHECK_INT(store_conv_get(st, "+1", 2800, &c), STORE_ERR_NOT_FOUND);
	CHECK_INT(store_conv_get(st, "+2", 1000, &c), STORE_ERR_NOT_FOUND);
	/* Replaced, not added. */
	CHECK_INT(store_conv_set(st, "+1", "pick_slot", "1=10:00;2=10:30", 5000,
				 3000),
		  STORE_OK);
	CHECK_INT(store_conv_get(st, "+1", 3000, &c), STORE_OK);
	CHECK_STR(c.kind, "pick_slot");
	CHECK_INT(store_conv_clear(st, "+1"), STORE_OK);
	CHECK_INT(store_conv_get(st, "+1", 3000, &c), STORE_ERR_NOT_FOUND);
	memset(long_state, 'x', sizeof(long_state) - 1);
	long_state[sizeof(long_state) - 1] = '\0';
	CHECK_INT(store_conv_set(st, "+1", "k", long_state, 5000, 3000),
		  STORE_ERR_ARG);
	store_close(st);
}

/* The customer's language (migration 8): kept with the conversation,
 * across its end and a new one, replaced when it changes. */
static void test_conversation_language(void)
{
	char path[128], lang[8];
	struct store *st = open_new(path, sizeof(path));
	struct store_conv c;

	if (st == NULL) {
		CHECK(0);
		return;
	}
	CHECK_INT(store_conv_lang(st, "+1", lang, sizeof(lang)), STORE_OK);
	CHECK_STR(lang, "");
	/* Known before any question: no pending question appears. */
	CHECK_INT(store_conv_lang_set(st, "+1", "es", 1000), STORE_OK);
	CHECK_INT(store_conv_get(st, "+1", 1000, &c), STORE_ERR_NOT_FOUND);
	CHECK_INT(store_conv_set(st, "+1", "offer", "opts=1", 5000, 1100),
		  STORE_OK);
	CHECK_INT(store_conv_lang(st, "+1", lang, sizeof(lang)), STORE_OK);
	CHECK_STR(lang, "es");
	/* The question ends; the language stays. */
	CHECK_INT(store_conv_clear(st, "+1"), STORE_OK);
	CHECK_INT(store_conv_get(st, "+1", 1200, &c), STORE_ERR_NOT_FOUND);
	CHECK_INT(store_conv_lang(st, "+1", lang, sizeof(lang)), STORE_OK);
	CHECK_STR(lang, "es");
	CHECK_INT(store_conv_lang_set(st, "+1", "en", 1300), STORE_OK);
	CHECK_INT(store_conv_lang(st, "+1", lang, sizeof(lang)), STORE_OK);
	CHECK_STR(lang, "en");
	/* Without a language, the end of a question leaves nothing. */
	CHECK_INT(store_conv_set(st, "+2", "offer", "opts=1", 5000, 1100),
		  STORE_OK);
	CHECK_INT(store_conv_clear(st, "+2"), STORE_OK);
	CHECK_INT(store_conv_lang(st, "+2", lang, sizeof(lang)), STORE_OK);
	CHECK_STR(lang, "");
	CHECK_INT(store_conv_lang_set(st, "+3", "toolonglang", 1),
		  STORE_ERR_ARG);
	store_close(st);
}

static void test_optouts(void)
{
	char path[128];
	struct store *st = open_new(path, sizeof(path));
	int64_t since = 0;

	if (st == NULL) {
		CHECK(0);
		return;
	}
	CHECK_INT(store_is_opted_out(st, "+441632960001", &since), 0);
	CHECK_INT(store_optout_set(st, "+441632960001", 500), STORE_OK);
	/* A second STOP keeps the first date. */
	CHECK_INT(store_optout_set(st, "+441632960001", 600), STORE_OK);
	CHECK_INT(store_is_opted_out(st, "+441632960001", &since), 1);
	CHECK_INT(since, 500);
	CHECK_INT(store_is_opted_out(st, "+441632960002", NULL), 0);
	CHECK_INT(store_optout_clear(st, "+441632960001"), STORE_OK);
	CHECK_INT(store_is_opted_out(st, "+441632960001", NULL), 0);
	store_close(st);
}

/* ---- ledger, rotation, report ------------------------------------------ */

static void test_ledger_rotation(void)
{
	char path[128];
	struct store *st = open_new(path, sizeof(path));
	const char *names[3] = {"Quayside Cuts", "Anchor Nails",
				"Dock Barbers"};
	const char *one[1];
	size_t order[3];

	if (st == NULL) {
		CHECK(0);
		return;
	}
	CHECK_INT(store_referral_rank(st, names, 3, order), STORE_OK);
	CHECK_INT(order[0], 0);
	CHECK_INT(order[1], 1);
	CHECK_INT(order[2], 2);
	one[0] = names[0];
	CHECK_INT(store_ledger_add(st, "+1", "haircut", STORE_REASON_FULL, one,
				   1, 100, NULL),
		  STORE_OK);
	CHECK_INT(store_referral_rank(st, names, 3, order), STORE_OK);
	CHECK_INT(order[0], 1);
	CHECK_INT(order[1], 2);
	CHECK_INT(order[2], 0);
	/* Named together: both move behind the one not named. */
	CHECK_INT(store_ledger_add(st, "+2", "haircut", STORE_REASON_CLOSED,
				   names + 1, 1, 200, NULL),
		  STORE_OK);
	CHECK_INT(store_referral_rank(st, names, 3, order), STORE_OK);
	CHECK_INT(order[0], 2);
	CHECK_INT(order[1], 0);
	CHECK_INT(order[2], 1);
	CHECK_INT(store_ledger_add(st, "+3", "haircut", STORE_REASON_FULL,
				   names, 3, 300, NULL),
		  STORE_OK);
	CHECK_INT(store_referral_rank(st, names, 3, order), STORE_OK);
	CHECK_INT(order[0], 0);
	CHECK_INT(order[1], 1);
	CHECK_INT(order[2], 2);
	CHECK_STR(store_reason_name(STORE_REASON_BEYOND_HORIZON),
		  "beyond_horizon");
	CHECK_STR(store_reason_name(STORE_REASON_SHORT_NOTICE), "short_notice");
	store_close(st);
}

static void test_report_numbers(void)
{
	char path[128], ref[STORE_REF_MAX];
	struct store *st = open_new(path, sizeof(path));
	const char *refs[2] = {"Quayside Cuts", "Anchor Nails"};
	struct store_out_job job;
	struct store_report r;
	int64_t in1, in2;

	if (st == NULL) {
		CHECK(0);
		return;
	}
	/* Before `since` (1000): one of everything, which must not count. */
	put_text(st, "+1", 10, "01", "old", STORE_OK);
	queue_reply(st, "+1", 1, 0, 10);
	store_booking_create(st, "haircut", 50000, 30, 9, "+1", 10, ref, NULL);
	store_ledger_add(st, "+1", "nails", STORE_REASON_NOT_OFFERED, refs, 2,
			 10, NULL);
	/* After. */
	in1 = put_text(st, "+2", 2000, "02", "nails pls", STORE_OK);
	in2 = put_text(st, "+3", 2000, "03", "PROMO", STORE_OK);
	put_text(st, "+4", 2000, "04", "hi", STORE_OK);
	store_inbox_mark_answered(st, in1, 2001);
	store_inbox_mark_ignored(st, in2, "alphanumeric sender", 2001);
	queue_reply(st, "+2", 2, in1, 2001);
	queue_reply(st, "+5", 1, 0, 2001);
	queue_reply(st, "+6", 1, 0, 2001);
	while (store_outbox_next(st, 2002, NULL, &job) == STORE_OK) {
		store_outbox_mark_sending(st, job.part_id, "m1", 2002);
		if (strcmp(job.to, "+6") == 0)
			store_outbox_mark_failed(st, job.part_id, "no", 2002);
		else
			store_outbox_mark_sent(st, job.part_id,
					       (int)job.part_id, 2003);
	}
	queue_reply(st, "+7", 1, 0, 2004);
	store_booking_create(st, "haircut", 50000, 30, 9, "+2", 2005, ref,
			     NULL);
	store_booking_create(st, "haircut", 60000, 30, 9, "+3", 2005, ref,
			     NULL);
	store_booking_cancel(st, ref, "+3", 2006, NULL);
	store_ledger_add(st, "+2", "nails", STORE_REASON_NOT_OFFERED, refs + 1,
			 1, 2000, NULL);
	store_ledger_add(st, "+3", "nails", STORE_REASON_NOT_OFFERED, refs, 2,
			 2000, NULL);
	store_ledger_add(st, "+4", "haircut", STORE_REASON_FULL, refs, 1, 2000,
			 NULL);
	store_ledger_add(st, "+4", "", STORE_REASON_OTHER, NULL, 0, 2000, NULL);

	CHECK_INT(store_report_build(st, 1000, &r), STORE_OK);
	CHECK_INT(r.in_total, 3);
	CHECK_INT(r.in_answered, 1);
	CHECK_INT(r.in_ignored, 1);
	CHECK_INT(r.in_new, 1);
	CHECK_INT(r.out_total, 4);
	CHECK_INT(r.out_sent, 2);
	CHECK_INT(r.out_failed, 1);
	CHECK_INT(r.out_queued, 1);
	CHECK_INT(r.out_delivered, 0);
	CHECK_INT(r.out_parts, 5);
	CHECK_INT(r.bookings_made, 2);
	CHECK_INT(r.bookings_cancelled, 1);
	CHECK_INT(r.turned_away, 4);
	CHECK_INT(r.n_demand, 3);
	if (r.n_demand == 3) {
		CHECK_STR(r.demand[0].requested, "nails");
		CHECK_STR(r.demand[0].reason, "not_offered");
		CHECK_INT(r.demand[0].count, 2);
		CHECK_STR(r.demand[1].requested, "");
		CHECK_STR(r.demand[1].reason, "other");
		CHECK_STR(r.demand[2].requested, "haircut");
		CHECK_STR(r.demand[2].reason, "full");
	}
	CHECK_INT(r.n_failed, 1);
	if (r.n_failed == 1) {
		CHECK_STR(r.failed[0].to, "+6");
		CHECK_STR(r.failed[0].error, "no");
		CHECK_INT(r.failed[0].created_at, 2001);
	}
	/* Equal counts are listed by name. */
	CHECK_INT(r.n_referrals, 2);
	if (r.n_referrals == 2) {
		CHECK_STR(r.referrals[0].name, "Anchor Nails");
		CHECK_INT(r.referrals[0].count, 2);
		CHECK_STR(r.referrals[1].name, "Quayside Cuts");
		CHECK_INT(r.referrals[1].count, 2);
	}
	store_report_free(&r);
	/* All time adds the old rows. */
	CHECK_INT(store_report_build(st, 0, &r), STORE_OK);
	CHECK_INT(r.in_total, 4);
	CHECK_INT(r.out_total, 5);
	CHECK_INT(r.bookings_made, 3);
	CHECK_INT(r.turned_away, 5);
	CHECK_INT(r.n_referrals, 2);
	if (r.n_referrals == 2) {
		CHECK_STR(r.referrals[0].name, "Anchor Nails");
		CHECK_INT(r.referrals[0].count, 3);
	}
	store_report_free(&r);
	store_close(st);
}

static void cleanup(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		printf("could not remove %s\n", tmpdir);
}

int main(void)
{
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/smsdesk-store-XXXXXX");
	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	RUN(test_open_empty_file);
	RUN(test_open_missing_without_create);
	RUN(test_open_garbage_file);
	RUN(test_newer_schema_refused);
	RUN(test_migrate_v1_to_latest);
	RUN(test_concurrent_first_open);
	RUN(test_inbox_uniqueness);
	RUN(test_inbox_states);
	RUN(test_inbox_recent);
	RUN(test_outbox_happy_path);
	RUN(test_outbox_retry_and_fail);
	RUN(test_outbox_mr_reuse_and_recover);
	RUN(test_outbox_bad_args_and_replies_guard);
	RUN(test_answer_is_all_or_nothing);
	RUN(test_reference_alphabet);
	RUN(test_references_unique_and_clean);
	RUN(test_reference_collision_grows);
	RUN(test_booking_capacity_and_cancel);
	RUN(test_booking_places_across_services);
	RUN(test_booking_places_are_peak_not_overlaps);
	RUN(test_booking_lists_and_reminders);
	RUN(test_last_place_two_connections);
	RUN(test_last_place_forked_race);
	RUN(test_crash_mid_transaction);
	RUN(test_conversation_expiry);
	RUN(test_conversation_language);
	RUN(test_optouts);
	RUN(test_ledger_rotation);
	RUN(test_report_numbers);
	cleanup();
	return h_done();
}
