/*
 * dbhog: a competing writer for the benchmarks — another process that holds
 * the database's write lock (BEGIN IMMEDIATE) for HOLD_MS, lets go for
 * PAUSE_MS, and again, as a backup, a report or a staff command on a busy
 * day can. Through the store's own API, so it takes the lock exactly as
 * smsdesk's commands do.
 *
 *   dbhog DB HOLD_MS PAUSE_MS [SECONDS]
 *
 * Waits (up to 30 s) for DB to exist, then runs for SECONDS (default: until
 * killed). Prints "holding" when it first has the lock and, at the end,
 * "held N times". A test tool: not installed.
 */
#include "smsdesk/store.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t quit;

static void on_signal(int sig)
{
	(void)sig;
	quit = 1;
}

static int64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void sleep_ms(int ms)
{
	struct timespec ts = {.tv_sec = ms / 1000,
			      .tv_nsec = (long)(ms % 1000) * 1000000L};

	nanosleep(&ts, NULL);
}

int main(int argc, char **argv)
{
	struct store *st = NULL;
	char err[256];
	int held = 0;

	if (argc < 4 || argc > 5) {
		fprintf(stderr, "usage: dbhog DB HOLD_MS PAUSE_MS [SECONDS]\n");
		return 2;
	}
	int hold = atoi(argv[2]), pause_ms = atoi(argv[3]);
	int64_t end = argc == 5 ? mono_ms() + 1000LL * atoi(argv[4]) : -1;

	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);
	for (int i = 0; i < 300 && st == NULL && !quit; i++) {
		if (access(argv[1], F_OK) == 0)
			st = store_open(argv[1], 0, err, sizeof(err));
		if (st == NULL)
			sleep_ms(100);
	}
	if (st == NULL) {
		fprintf(stderr, "dbhog: %s: %s\n", argv[1],
			quit ? "stopped" : err);
		return 1;
	}
	store_set_busy_timeout(st, 60000);
	while (!quit && (end < 0 || mono_ms() < end)) {
		if (store_begin(st) != 0) {
			sleep_ms(10);
			continue;
		}
		if (held++ == 0) {
			printf("holding\n");
			fflush(stdout);
		}
		sleep_ms(hold);
		store_commit(st);
		sleep_ms(pause_ms);
	}
	store_close(st);
	printf("held %d times\n", held);
	return 0;
}
