/*
 * store_busy: one budget of waiting for other connections' locks, shared
 * by every call until it is reset. See store.h, store_set_busy_budget.
 */
#include "store_internal.h"

#include <time.h>

/*
 * sqlite calls this while a lock it needs is held elsewhere (COUNT: how
 * many times for this call so far); 1: try again, 0: give up (SQLITE_BUSY).
 * The pauses grow like sqlite's own busy timeout (1, 2, 5, 10 ms, then
 * 10 ms), cut to what is left of the budget.
 */
static int budget_handler(void *ctx, int count)
{
	static const int pause_ms[] = {1, 2, 5, 10};
	struct store *st = ctx;
	int ms = count < 4 ? pause_ms[count] : 10;

	if (st->busy_left_ms <= 0)
		return 0;
	if (ms > st->busy_left_ms)
		ms = st->busy_left_ms;
	struct timespec ts = {.tv_sec = 0, .tv_nsec = (long)ms * 1000000L};
	nanosleep(&ts, NULL);
	st->busy_left_ms -= ms;
	return 1;
}

void store_set_busy_budget(struct store *st, int ms)
{
	st->busy_budget_ms = ms;
	st->busy_left_ms = ms;
	sqlite3_busy_handler(st->db, budget_handler, st);
}

void store_busy_budget_reset(struct store *st)
{
	st->busy_left_ms = st->busy_budget_ms;
}

void store_busy_restore(struct store *st)
{
	if (st->busy_budget_ms > 0)
		store_set_busy_budget(st, st->busy_budget_ms);
	else
		sqlite3_busy_timeout(st->db, 5000); /* the store's default */
}
