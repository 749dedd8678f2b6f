/*
 * The staff's bookings end to end: the real `smsdesk serve` on a simulated
 * modem, the real binary's book/move/cancel/block/unblock run beside it on
 * the same live database, customers texting through the simulated network.
 * A staff booking that fills the last place and a block both make the desk
 * offer other times; move and cancel text the customer over the modem; a
 * number that texted STOP is booked but never texted.
 */
#include "harness.h"
#include "support/rig.h"

#include "smsdesk/store.h"

#include <stdlib.h>
#include <string.h>

#define NOW   "2026-12-01T09:00" /* Tuesday 09:00 in London (UTC+0) */
#define ALICE "+447700900001"
#define BOB   "+447700900002"
#define CAROL "+447700900003"
#define DAN   "+447700900004"
#define EVE   "+447700900005"

#define WED_10 1796205600 /* 2026-12-02 10:00 GMT */

static int boot(struct rig *r)
{
	if (rig_init(r, 1, NOW) != 0 || rig_start(r) != 0) {
		CHECK(!"rig started");
		return -1;
	}
	return 0;
}

/* Run smsdesk ARGS at the rig's --now; returns the exit code. */
static int staff(struct rig *r, char *out, size_t cap, const char *args)
{
	char cmd[768];

	snprintf(cmd, sizeof(cmd), "%s --now %s", args, NOW);
	return rig_cli(r, out, cap, cmd);
}

/* The booked bookings starting at t, from the store. */
static size_t booked_at(struct rig *r, int64_t t)
{
	char err[256];
	struct store *st = store_open(r->db, 0, err, sizeof(err));
	struct store_booking_list list = {0};
	size_t n = 0;

	if (st == NULL)
		return 0;
	if (store_bookings_between(st, t, t + 1, 0, &list) == 0)
		n = list.n;
	store_booking_list_free(&list);
	store_close(st);
	return n;
}

/* The reference in "Booked XXXX:" (staff) or "Ref XXXX." (a reply). */
static void ref_after(const char *text, const char *mark, char *ref)
{
	const char *p = strstr(text, mark);
	size_t n = 0;

	ref[0] = '\0';
	if (p == NULL)
		return;
	p += strlen(mark);
	while (n < STORE_REF_MAX - 1 && p[n] != '\0' &&
	       strchr(STORE_REF_ALPHABET, p[n]) != NULL) {
		ref[n] = p[n];
		n++;
	}
	ref[n] = '\0';
}

static void test_last_place_and_block(void)
{
	struct rig r;
	static char out[1 << 16];
	char ref[STORE_REF_MAX];
	const struct rig_reply *rep;

	if (boot(&r) != 0)
		goto out;
	/* Two chairs: Alice takes one by text, the staff the other. */
	rig_text(&r, 0, ALICE, "haircut tomorrow at 10am please");
	CHECK_INT(rig_wait_replies(&r, ALICE, 1, 15000), 1);
	rep = rig_last(&r, ALICE);
	CHECK(rep != NULL && strstr(rep->text, "Booked") != NULL);
	CHECK_INT(staff(&r, out, sizeof(out),
			"book --service haircut --at 2026-12-02T10:00 "
			"--name 'Walk In'"),
		  0);
	CHECK(strstr(out, "Booked ") != NULL);
	ref_after(out, "Booked ", ref);
	CHECK_INT(strlen(ref) >= 4, 1);
	CHECK_INT(booked_at(&r, WED_10), 2);
	/* Bob asks for the same time: the desk offers others. */
	rig_text(&r, 0, BOB, "haircut tomorrow at 10am please");
	CHECK_INT(rig_wait_replies(&r, BOB, 1, 15000), 1);
	rep = rig_last(&r, BOB);
	CHECK(rep != NULL && strstr(rep->text, "Booked") == NULL);
	CHECK(rep != NULL && strstr(rep->text, "10:30") != NULL);
	CHECK_INT(booked_at(&r, WED_10), 2);
	/* A third place by the staff is refused, like the desk's. */
	CHECK_INT(staff(&r, out, sizeof(out),
			"book --service haircut --at 2026-12-02T10:00"),
		  1);
	CHECK(strstr(out, "no place left") != NULL);

	/* Lunch blocked for everything: the desk offers around it. */
	CHECK_INT(staff(&r, out, sizeof(out),
			"block --from 2026-12-02T12:00 --to 2026-12-02T13:00 "
			"--reason lunch"),
		  0);
	CHECK(strstr(out, "block 1") != NULL);
	rig_text(&r, 0, CAROL, "can I get a haircut tomorrow at 12?");
	CHECK_INT(rig_wait_replies(&r, CAROL, 1, 15000), 1);
	rep = rig_last(&r, CAROL);
	CHECK(rep != NULL && strstr(rep->text, "Booked") == NULL);
	CHECK(rep != NULL && strstr(rep->text, "11:30") != NULL);
	CHECK(rep != NULL && strstr(rep->text, "13:00") != NULL);
	CHECK(rep != NULL && strstr(rep->text, "12:30") == NULL);
	CHECK_INT(booked_at(&r, WED_10 + 2 * 3600), 0);
	/* The beard trims are blocked too: 12:45 is not a time. */
	rig_text(&r, 0, DAN, "beard trim tomorrow at 12:45");
	CHECK_INT(rig_wait_replies(&r, DAN, 1, 15000), 1);
	rep = rig_last(&r, DAN);
	CHECK(rep != NULL && strstr(rep->text, "Booked") == NULL);
	CHECK(rep != NULL && strstr(rep->text, "13:00") != NULL);
	/* The block is listed where the staff look. */
	CHECK_INT(rig_cli(&r, out, sizeof(out), "bookings --day 2026-12-02"),
		  0);
	CHECK(strstr(out, "12:00-13:00  all services") != NULL);
	CHECK(strstr(out, "lunch") != NULL);
	CHECK(strstr(out, "Walk In") != NULL);
	CHECK(strstr(out, "staff") != NULL);
	/* Given back, the same question books. */
	CHECK_INT(staff(&r, out, sizeof(out), "unblock 1"), 0);
	rig_text(&r, 0, DAN, "beard trim tomorrow at 12:15 please");
	CHECK_INT(rig_wait_replies(&r, DAN, 2, 15000), 2);
	rep = rig_last(&r, DAN);
	CHECK(rep != NULL && strstr(rep->text, "Booked") != NULL);

	/* The report: Bob and Carol lost to the full slot and the block,
	 * Dan's beard trim taken up after all, Eve not understood (her
	 * number masked, her text shown). */
	rig_text(&r, 0, EVE, "qwzx <flibber> & wob");
	CHECK_INT(rig_wait_replies(&r, EVE, 1, 15000), 1);
	CHECK_INT(staff(&r, out, sizeof(out), "report"), 0);
	CHECK(strstr(out, "  Haircut         2  slot taken 2             0") !=
	      NULL);
	CHECK(strstr(out, "  Beard trim      0                           1") !=
	      NULL);
	CHECK(strstr(out, "  +44*******005    qwzx <flibber> & wob\n") != NULL);
	CHECK(strstr(out, EVE) == NULL);
	/* On the page too, escaped. */
	CHECK_INT(staff(&r, out, sizeof(out), "report --html -"), 0);
	CHECK(strstr(out, "<td>+44*******005</td><td class=\"text\">qwzx "
			  "&lt;flibber&gt; &amp; wob</td>") != NULL);
	CHECK(strstr(out, "<flibber>") == NULL);
out:
	rig_free(&r);
}

static void test_texts_to_the_customer(void)
{
	struct rig r;
	char out[4096], ref[STORE_REF_MAX], staff_ref[STORE_REF_MAX];
	const struct rig_reply *rep;

	if (boot(&r) != 0)
		goto out;
	/* Alice books by text; the staff move her: she is told. */
	rig_text(&r, 0, ALICE, "haircut tomorrow at 10am please");
	CHECK_INT(rig_wait_replies(&r, ALICE, 1, 15000), 1);
	rep = rig_last(&r, ALICE);
	ref_after(rep != NULL ? rep->text : "", "Ref ", ref);
	CHECK_INT(strlen(ref) >= 4, 1);
	char args[256];
	snprintf(args, sizeof(args), "move %s --at 2026-12-02T15:00", ref);
	CHECK_INT(staff(&r, out, sizeof(out), args), 0);
	CHECK(strstr(out, "Moved ") != NULL);
	CHECK(strstr(out, "Texted " ALICE) != NULL);
	CHECK_INT(rig_wait_replies(&r, ALICE, 2, 15000), 2);
	rep = rig_last(&r, ALICE);
	CHECK(rep != NULL && strstr(rep->text, "Wed 2 Dec 15:00") != NULL);
	CHECK(rep != NULL && strstr(rep->text, "was Wed 2 Dec 10:00") != NULL);
	CHECK(rep != NULL && strstr(rep->text, ref) != NULL);
	CHECK(rep != NULL && strstr(rep->text, "CANCEL") != NULL);
	CHECK(rep != NULL && rep->total <= 2);
	CHECK_INT(booked_at(&r, WED_10), 0);
	CHECK_INT(booked_at(&r, WED_10 + 5 * 3600), 1);

	/* A phone booking in the national form: the promise goes out. */
	CHECK_INT(staff(&r, out, sizeof(out),
			"book --service beard-trim --at 2026-12-02T11:00 "
			"--phone '07700 900002' --name Bob"),
		  0);
	ref_after(out, "Booked ", staff_ref);
	CHECK(strstr(out, "Texted " BOB) != NULL);
	CHECK_INT(rig_wait_replies(&r, BOB, 1, 15000), 1);
	rep = rig_last(&r, BOB);
	CHECK(rep != NULL && strstr(rep->text, "Beard trim") != NULL);
	CHECK(rep != NULL && strstr(rep->text, "Wed 2 Dec 11:00") != NULL);
	CHECK(rep != NULL && staff_ref[0] != '\0' &&
	      strstr(rep->text, staff_ref) != NULL);
	/* Bob can cancel it by text like any booking. */
	snprintf(args, sizeof(args), "cancel %s", staff_ref);
	rig_text(&r, 0, BOB, args);
	CHECK_INT(rig_wait_replies(&r, BOB, 2, 15000), 2);
	rep = rig_last(&r, BOB);
	CHECK(rep != NULL && strstr(rep->text, "Cancelled") != NULL);

	/* Carol opted out: booked by phone, never texted. */
	rig_text(&r, 0, CAROL, "STOP");
	CHECK_INT(rig_wait_replies(&r, CAROL, 1, 15000), 1);
	CHECK_INT(staff(&r, out, sizeof(out),
			"book --service haircut --at 2026-12-02T16:00 "
			"--phone +447700900003"),
		  0);
	CHECK(strstr(out, "Booked ") != NULL);
	CHECK(strstr(out, "opted out") != NULL);
	CHECK_INT(booked_at(&r, WED_10 + 6 * 3600), 1);
	/* The staff cancel Alice's: she is told, politely. */
	snprintf(args, sizeof(args), "cancel %s", ref);
	CHECK_INT(staff(&r, out, sizeof(out), args), 0);
	CHECK_INT(rig_wait_replies(&r, ALICE, 3, 15000), 3);
	rep = rig_last(&r, ALICE);
	CHECK(rep != NULL && strstr(rep->text, "cancelled") != NULL);
	CHECK(rep != NULL && strstr(rep->text, ref) != NULL);
	CHECK_INT(staff(&r, out, sizeof(out), args), 1);
	CHECK(strstr(out, "already cancelled") != NULL);
	CHECK_INT(rig_settle(&r, 1500, 15000), 0);
	CHECK_INT(rig_count(&r, CAROL), 1);
	CHECK_INT(rig_count(&r, ALICE), 3);
out:
	rig_free(&r);
}

int main(void)
{
	RUN(test_last_place_and_block);
	RUN(test_texts_to_the_customer);
	return h_done();
}
