/*
 * store, the staff's side: bookings staff make count against capacity
 * exactly as texted ones (and mark the customer's lost demand as taken up),
 * blocks take every place of what they cover inside the booking
 * transaction, the desk's slot list carries them, moves keep the reference
 * and never take the last place twice, cancel by reference, walk-ins get no
 * reminder. Real sqlite files in a temporary directory.
 */
#include "harness.h"
#include "smsdesk/store.h"

#include <string.h>
#include <unistd.h>

static char tmpdir[64];
static int db_seq;

#define H   3600
#define DAY 1796169600 /* 2026-12-02 00:00 UTC (London is on UTC) */

static struct store *open_new(void)
{
	char path[128], err[256];
	struct store *st;

	snprintf(path, sizeof(path), "%s/db%d.sqlite", tmpdir, ++db_seq);
	st = store_open(path, STORE_OPEN_CREATE, err, sizeof(err));
	if (st == NULL)
		printf("  store_open(%s): %s\n", path, err);
	return st;
}

static int staff_book(struct store *st, const char *service, int64_t start,
		      int minutes, int capacity, const char *customer,
		      char *ref)
{
	struct store_staff_booking b = {service,  start,     minutes,  capacity,
					customer, "Ann Lee", "walk-in"};

	return store_booking_create_staff(st, &b, DAY - 12 * H, ref, NULL);
}

static void test_staff_booking_counts(void)
{
	struct store *st = open_new();
	char ref[STORE_REF_MAX], ref2[STORE_REF_MAX];
	struct store_booking b;

	if (st == NULL) {
		CHECK(0);
		return;
	}
	/* One place texted, one staffed: the third is refused either way. */
	CHECK_INT(store_booking_create(st, "haircut", DAY + 10 * H, 30, 2,
				       "+447700900001", DAY - 12 * H, ref,
				       NULL),
		  STORE_OK);
	CHECK_INT(staff_book(st, "haircut", DAY + 10 * H, 30, 2, "", ref2),
		  STORE_OK);
	CHECK_INT(
	    staff_book(st, "haircut", DAY + 10 * H + 15 * 60, 30, 2, "", ref),
	    STORE_ERR_FULL);
	CHECK_INT(store_booking_create(st, "haircut", DAY + 10 * H, 30, 2,
				       "+447700900002", DAY - 12 * H, ref,
				       NULL),
		  STORE_ERR_FULL);
	CHECK_STR(ref, "");
	CHECK_INT(store_booking_by_ref(st, ref2, &b), STORE_OK);
	CHECK_INT(b.by, STORE_BY_STAFF);
	CHECK_STR(b.name, "Ann Lee");
	CHECK_STR(b.note, "walk-in");
	CHECK_STR(b.customer, "");
	/* Lower case as typed on a phone's keyboard finds it too. */
	for (char *p = ref2; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	CHECK_INT(store_booking_by_ref(st, ref2, &b), STORE_OK);
	CHECK_INT(store_booking_by_ref(st, "ZZZZ", &b), STORE_ERR_NOT_FOUND);
	/* Too long a name is the caller's bug, not a truncation. */
	struct store_staff_booking big = {"haircut", DAY + 14 * H, 30,	2,
					  "",	     NULL,	   NULL};
	char name[STORE_NAME_MAX + 1];
	memset(name, 'x', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	big.name = name;
	CHECK_INT(store_booking_create_staff(st, &big, DAY, ref, NULL),
		  STORE_ERR_ARG);
	store_close(st);
}

static void test_blocks_take_every_place(void)
{
	struct store *st = open_new();
	struct store_booking_list l = {0};
	struct store_block_list bl = {0};
	struct store_block k;
	char ref[STORE_REF_MAX];
	int64_t lunch = 0, chair = 0;

	if (st == NULL) {
		CHECK(0);
		return;
	}
	CHECK_INT(store_block_add(st, NULL, DAY + 12 * H, DAY + 13 * H, "lunch",
				  DAY, &lunch),
		  STORE_OK);
	CHECK_INT(store_block_add(st, "beard-trim", DAY + 15 * H, DAY + 16 * H,
				  "broken chair", DAY, &chair),
		  STORE_OK);
	CHECK_INT(
	    store_block_add(st, "", DAY + 9 * H, DAY + 9 * H, "", DAY, NULL),
	    STORE_ERR_ARG);
	/* Inside the lunch block, touching its edges, across its start. */
	CHECK_INT(staff_book(st, "haircut", DAY + 12 * H, 30, 5, "", ref),
		  STORE_ERR_FULL);
	CHECK_INT(store_booking_create(st, "haircut", DAY + 11 * H + 45 * 60,
				       30, 5, "+447700900001", DAY, ref, NULL),
		  STORE_ERR_FULL);
	CHECK_INT(store_booking_create(st, "haircut", DAY + 11 * H + 30 * 60,
				       30, 5, "+447700900001", DAY, ref, NULL),
		  STORE_OK);
	CHECK_INT(store_booking_create(st, "haircut", DAY + 13 * H, 30, 5,
				       "+447700900001", DAY, ref, NULL),
		  STORE_OK);
	/* The chair block only stops beard trims. */
	CHECK_INT(staff_book(st, "beard-trim", DAY + 15 * H, 15, 1, "", ref),
		  STORE_ERR_FULL);
	CHECK_INT(staff_book(st, "haircut", DAY + 15 * H, 30, 1, "", ref),
		  STORE_OK);
	/* The desk's list: bookings of the day and both blocks. */
	CHECK_INT(store_slots_between(st, DAY, DAY + 24 * H, &l), STORE_OK);
	size_t blocks = 0, bookings = 0;
	for (size_t i = 0; i < l.n; i++) {
		if (l.v[i].state == STORE_BLOCKED) {
			blocks++;
			CHECK_INT(store_booking_places(&l.v[i], "haircut", 5),
				  l.v[i].service[0] == '\0' ? 5 : 0);
			CHECK_INT(
			    store_booking_places(&l.v[i], "beard-trim", 1), 1);
		} else {
			bookings++;
			CHECK_INT(store_booking_places(&l.v[i], "haircut", 5),
				  1);
			CHECK_INT(
			    store_booking_places(&l.v[i], "beard-trim", 1), 0);
		}
	}
	CHECK_INT(blocks, 2);
	CHECK_INT(bookings, 3);
	store_booking_list_free(&l);
	/* A block that began the day before still shows. */
	CHECK_INT(store_block_add(st, "", DAY - 2 * H, DAY + H, "", DAY, NULL),
		  STORE_OK);
	CHECK_INT(store_slots_between(st, DAY + 30 * 60, DAY + 40 * 60, &l),
		  STORE_OK);
	CHECK_INT(l.n, 1);
	CHECK(l.n == 1 && l.v[0].state == STORE_BLOCKED &&
	      l.v[0].minutes == 180);
	store_booking_list_free(&l);
	/* Unblocking gives the lunch hour back at once. */
	CHECK_INT(store_block_remove(st, lunch, &k), STORE_OK);
	CHECK_STR(k.reason, "lunch");
	CHECK_INT(store_block_remove(st, lunch, NULL), STORE_ERR_NOT_FOUND);
	CHECK_INT(staff_book(st, "haircut", DAY + 12 * H, 30, 5, "", ref),
		  STORE_OK);
	CHECK_INT(store_blocks_between(st, DAY, DAY + 24 * H, &bl), STORE_OK);
	CHECK_INT(bl.n, 2);
	store_block_list_free(&bl);
	store_close(st);
}

static void test_move_and_cancel_by_ref(void)
{
	struct store *st = open_new();
	struct store_booking b, before;
	char a[STORE_REF_MAX], c[STORE_REF_MAX];

	if (st == NULL) {
		CHECK(0);
		return;
	}
	CHECK_INT(store_booking_create(st, "haircut", DAY + 10 * H, 30, 1,
				       "+447700900001", DAY, a, NULL),
		  STORE_OK);
	CHECK_INT(store_booking_create(st, "haircut", DAY + 11 * H, 30, 1,
				       "+447700900002", DAY, c, NULL),
		  STORE_OK);
	/* Onto a full slot: nothing changes. */
	CHECK_INT(store_booking_move(st, a, DAY + 11 * H, 1, DAY, &before),
		  STORE_ERR_FULL);
	CHECK_INT(store_booking_by_ref(st, a, &b), STORE_OK);
	CHECK_INT(b.start, DAY + 10 * H);
	/* Half an hour on overlaps only itself: allowed. */
	CHECK_INT(
	    store_booking_move(st, a, DAY + 10 * H + 15 * 60, 1, DAY, &before),
	    STORE_OK);
	CHECK_INT(before.start, DAY + 10 * H);
	CHECK_INT(store_booking_by_ref(st, a, &b), STORE_OK);
	CHECK_INT(b.start, DAY + 10 * H + 15 * 60);
	CHECK_STR(b.ref, a);
	/* Into a block: refused. */
	CHECK_INT(store_block_add(st, "haircut", DAY + 14 * H, DAY + 15 * H, "",
				  DAY, NULL),
		  STORE_OK);
	CHECK_INT(store_booking_move(st, a, DAY + 14 * H, 1, DAY, NULL),
		  STORE_ERR_FULL);
	CHECK_INT(store_booking_cancel_ref(st, c, DAY, &b), STORE_OK);
	CHECK_STR(b.customer, "+447700900002");
	CHECK_INT(store_booking_cancel_ref(st, c, DAY, &b), STORE_ERR_STATE);
	CHECK_INT(store_booking_move(st, c, DAY + 16 * H, 1, DAY, NULL),
		  STORE_ERR_STATE);
	CHECK_INT(store_booking_cancel_ref(st, "QQQQ", DAY, NULL),
		  STORE_ERR_NOT_FOUND);
	/* The cancelled place is free again. */
	CHECK_INT(store_booking_move(st, a, DAY + 11 * H, 1, DAY, NULL),
		  STORE_OK);
	store_close(st);
}

static void test_walk_ins_get_no_reminder(void)
{
	struct store *st = open_new();
	struct store_booking_list l = {0};
	char ref[STORE_REF_MAX];

	if (st == NULL) {
		CHECK(0);
		return;
	}
	CHECK_INT(staff_book(st, "haircut", DAY + 10 * H, 30, 2, "", ref),
		  STORE_OK);
	CHECK_INT(staff_book(st, "haircut", DAY + 10 * H, 30, 2,
			     "+447700900009", ref),
		  STORE_OK);
	CHECK_INT(store_bookings_due_reminder(st, DAY + 9 * H, 12 * H, &l),
		  STORE_OK);
	CHECK_INT(l.n, 1);
	CHECK(l.n == 1 && strcmp(l.v[0].customer, "+447700900009") == 0);
	store_booking_list_free(&l);
	store_close(st);
}

int main(void)
{
	char cmd[128];

	snprintf(tmpdir, sizeof(tmpdir), "/tmp/smsdesk-staff-XXXXXX");
	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	RUN(test_staff_booking_counts);
	RUN(test_blocks_take_every_place);
	RUN(test_move_and_cancel_by_ref);
	RUN(test_walk_ins_get_no_reminder);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		printf("could not remove %s\n", tmpdir);
	return h_done();
}
