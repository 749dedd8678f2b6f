/*
 * runlock: the database's run lock held by another process (a forked
 * child, as a second `smsdesk serve` would be), tested read-only and named
 * by pid; freed by the kernel when the holder is SIGKILLed; one file for
 * two spellings of a path; and a device's flock found in /proc/locks
 * without opening the device.
 */
#include "harness.h"
#include "smsdesk/runlock.h"

#include <fcntl.h>
#include <limits.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

static char dir[64];

static void path_in(char *out, size_t cap, const char *name)
{
	snprintf(out, cap, "%s/%s", dir, name);
}

/*
 * A child that takes DB's run lock, says so on a pipe and waits to be
 * killed. Returns its pid, or -1.
 */
static pid_t holder_child(const char *db)
{
	int p[2];
	char c = 0;
	pid_t pid;

	if (pipe(p) != 0)
		return -1;
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		struct runlock *rl;
		char err[256];
		close(p[0]);
		c = runlock_db(db, &rl, NULL, err, sizeof(err)) == RUNLOCK_OK
			? 'y'
			: 'n';
		if (write(p[1], &c, 1) != 1)
			_exit(1);
		for (;;)
			pause();
	}
	close(p[1]);
	if (pid < 0 || read(p[0], &c, 1) != 1 || c != 'y') {
		if (pid > 0) {
			kill(pid, SIGKILL);
			waitpid(pid, NULL, 0);
		}
		pid = -1;
	}
	close(p[0]);
	return pid;
}

static void test_lock_path_resolves(void)
{
	char db[128], link[128], a[PATH_MAX], b[PATH_MAX];

	path_in(db, sizeof(db), "desk.db");
	CHECK_INT(runlock_path(db, a, sizeof(a)), 0);
	CHECK(strstr(a, "/desk.db.lock") != NULL);
	/* The database exists and is reached through a symlink: one lock. */
	int fd = open(db, O_CREAT | O_WRONLY, 0600);
	CHECK(fd >= 0);
	close(fd);
	path_in(link, sizeof(link), "other-name.db");
	CHECK_INT(symlink(db, link), 0);
	CHECK_INT(runlock_path(link, b, sizeof(b)), 0);
	CHECK_STR(b, a);
	CHECK_INT(runlock_path("/no/such/dir/x.db", a, sizeof(a)), -1);
	unlink(link);
	unlink(db);
}

static void test_free_when_nobody_serves(void)
{
	char db[128];

	path_in(db, sizeof(db), "never-served.db");
	CHECK_INT(runlock_in_use(db), 0); /* no lock file at all */
	CHECK_INT(runlock_holder(db), 0);
}

static void test_held_by_another_process(void)
{
	char db[128], link[128], err[256], want[64];
	struct runlock *rl = NULL;
	pid_t holder = 0, child;
	int status;

	path_in(db, sizeof(db), "live.db");
	child = holder_child(db);
	CHECK(child > 0);
	if (child <= 0)
		return;
	CHECK_INT(runlock_in_use(db), 1);
	CHECK_INT(runlock_holder(db), child);
	CHECK_INT(runlock_db(db, &rl, &holder, err, sizeof(err)), RUNLOCK_HELD);
	CHECK(rl == NULL);
	CHECK_INT(holder, child);
	snprintf(want, sizeof(want), "(pid %d)", (int)child);
	CHECK(strstr(err, want) != NULL);
	CHECK(strstr(err, "in use") != NULL);
	/* The same database under another name. */
	int fd = open(db, O_CREAT | O_WRONLY, 0600);
	close(fd);
	path_in(link, sizeof(link), "alias.db");
	CHECK_INT(symlink(db, link), 0);
	CHECK_INT(runlock_in_use(link), 1);
	/* A crash frees it: no stale lock to judge. */
	kill(child, SIGKILL);
	waitpid(child, &status, 0);
	CHECK_INT(runlock_in_use(db), 0);
	CHECK_INT(runlock_holder(db), 0);
	CHECK_INT(runlock_db(link, &rl, &holder, err, sizeof(err)), RUNLOCK_OK);
	CHECK(rl != NULL);
	CHECK_INT(runlock_holder(db), getpid());
	runlock_free(rl);
	CHECK_INT(runlock_in_use(db), 0);
	unlink(link);
}

/* Open-file-description locks: even one process cannot take it twice, so
 * a daemon cannot be started twice from one test process either. */
static void test_exclusive_within_a_process(void)
{
	char db[128], err[256];
	struct runlock *a = NULL, *b = NULL;

	path_in(db, sizeof(db), "twice.db");
	CHECK_INT(runlock_db(db, &a, NULL, err, sizeof(err)), RUNLOCK_OK);
	CHECK_INT(runlock_db(db, &b, NULL, err, sizeof(err)), RUNLOCK_HELD);
	CHECK(b == NULL);
	CHECK_INT(runlock_in_use(db), 1);
	runlock_free(a);
	CHECK_INT(runlock_db(db, &b, NULL, err, sizeof(err)), RUNLOCK_OK);
	runlock_free(b);
	runlock_free(NULL);
}

/* The lock file removed under a running daemon: it takes the lock again
 * on a fresh file, or learns that someone else already has. */
static void test_lock_file_removed_is_taken_again(void)
{
	char db[128], lockpath[PATH_MAX], err[256];
	struct runlock *rl = NULL, *other = NULL;
	pid_t child;

	path_in(db, sizeof(db), "removed.db");
	CHECK_INT(runlock_path(db, lockpath, sizeof(lockpath)), 0);
	CHECK_INT(runlock_db(db, &rl, NULL, err, sizeof(err)), RUNLOCK_OK);
	if (rl == NULL)
		return;
	CHECK_INT(runlock_recheck(rl, err, sizeof(err)), RUNLOCK_OK);
	CHECK_INT(unlink(lockpath), 0);
	CHECK_INT(runlock_in_use(db), 0); /* nobody guards it now */
	CHECK_INT(runlock_recheck(rl, err, sizeof(err)), RUNLOCK_OK);
	CHECK_INT(runlock_in_use(db), 1);
	CHECK_INT(runlock_db(db, &other, NULL, err, sizeof(err)), RUNLOCK_HELD);
	/* Removed again, and a second serve locks the new file first. */
	CHECK_INT(unlink(lockpath), 0);
	child = holder_child(db);
	CHECK(child > 0);
	CHECK_INT(runlock_recheck(rl, err, sizeof(err)), RUNLOCK_HELD);
	CHECK(strstr(err, "in use") != NULL);
	if (child > 0) {
		kill(child, SIGKILL);
		waitpid(child, NULL, 0);
	}
	runlock_free(rl);
}

static void test_device_holder_from_proc_locks(void)
{
	int master, slave, p[2];
	char name[64], link[128], c = 0;
	pid_t child, pid = -1;

	if (openpty(&master, &slave, name, NULL, NULL) != 0) {
		SKIP("openpty failed");
		return;
	}
	CHECK_INT(runlock_device_holder(name, &pid), 0);
	CHECK_INT(pid, 0);
	CHECK_INT(pipe(p), 0);
	fflush(NULL);
	child = fork();
	if (child == 0) {
		int fd = open(name, O_RDWR | O_NOCTTY);
		c = fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0 ? 'y' : 'n';
		if (write(p[1], &c, 1) != 1)
			_exit(1);
		for (;;)
			pause();
	}
	CHECK_INT(read(p[0], &c, 1), 1);
	CHECK_INT(c, 'y');
	CHECK_INT(runlock_device_holder(name, &pid), 1);
	CHECK_INT(pid, child);
	/* Through a symlink, as the simulator's stable path is. */
	path_in(link, sizeof(link), "modem");
	CHECK_INT(symlink(name, link), 0);
	CHECK_INT(runlock_device_holder(link, &pid), 1);
	CHECK_INT(pid, child);
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	CHECK_INT(runlock_device_holder(link, &pid), 0);
	/* Our own lock is not "another process". */
	CHECK_INT(flock(slave, LOCK_EX | LOCK_NB), 0);
	CHECK_INT(runlock_device_holder(name, &pid), 0);
	CHECK_INT(runlock_device_holder("/no/such/tty", &pid), -1);
	unlink(link);
	close(p[0]);
	close(p[1]);
	close(slave);
	close(master);
}

int main(void)
{
	char cmd[96];

	snprintf(dir, sizeof(dir), "/tmp/smsdesk-runlock.XXXXXX");
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	RUN(test_lock_path_resolves);
	RUN(test_free_when_nobody_serves);
	RUN(test_held_by_another_process);
	RUN(test_exclusive_within_a_process);
	RUN(test_lock_file_removed_is_taken_again);
	RUN(test_device_holder_from_proc_locks);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return h_done();
}
