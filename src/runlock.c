/*
 * runlock: kernel locks that say a live smsdesk serve owns a database or a
 * device. See include/smsdesk/runlock.h for why these locks and not others.
 */
#include "smsdesk/runlock.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

struct runlock {
	int fd;
	char path[PATH_MAX]; /* the lock file */
	char db[PATH_MAX];   /* the database, as given: for messages */
};

int runlock_path(const char *db_path, char *out, size_t cap)
{
	char resolved[PATH_MAX], dir[PATH_MAX], real_dir[PATH_MAX];
	const char *slash, *base;
	int n;

	if (db_path == NULL || db_path[0] == '\0')
		return -1;
	if (realpath(db_path, resolved) != NULL) {
		n = snprintf(out, cap, "%s.lock", resolved);
		return n < 0 || (size_t)n >= cap ? -1 : 0;
	}
	/* Not there yet: resolve its directory, keep its name. */
	slash = strrchr(db_path, '/');
	if (slash == NULL) {
		snprintf(dir, sizeof(dir), ".");
		base = db_path;
	} else {
		size_t len = (size_t)(slash - db_path);
		if (len == 0)
			len = 1; /* "/x.db" */
		if (len >= sizeof(dir))
			return -1;
		memcpy(dir, db_path, len);
		dir[len] = '\0';
		base = slash + 1;
	}
	if (base[0] == '\0' || realpath(dir, real_dir) == NULL)
		return -1;
	n = snprintf(out, cap, "%s%s%s.lock", real_dir,
		     strcmp(real_dir, "/") == 0 ? "" : "/", base);
	return n < 0 || (size_t)n >= cap ? -1 : 0;
}

/* The pid the holder wrote into the lock file, or 0. */
static pid_t read_pid(int fd)
{
	char buf[32];
	ssize_t n = pread(fd, buf, sizeof(buf) - 1, 0);
	long pid;
	char *end;

	if (n <= 0)
		return 0;
	buf[n] = '\0';
	pid = strtol(buf, &end, 10);
	if (end == buf || pid <= 0 || pid > INT_MAX)
		return 0;
	return (pid_t)pid;
}

static int lock_whole(int fd, int cmd, struct flock *fl)
{
	memset(fl, 0, sizeof(*fl));
	fl->l_type = F_WRLCK;
	fl->l_whence = SEEK_SET; /* start 0, length 0: the whole file */
	return fcntl(fd, cmd, fl);
}

static void held_message(const char *db_path, pid_t pid, char *err,
			 size_t errlen)
{
	if (pid > 0)
		snprintf(err, errlen,
			 "database %s is in use by another smsdesk serve "
			 "(pid %d)",
			 db_path, (int)pid);
	else
		snprintf(err, errlen,
			 "database %s is in use by another smsdesk serve",
			 db_path);
}

/*
 * Open (creating it) and lock RL->path into RL->fd, and write our pid in
 * it. Lock, then check that the file locked is still the one at the path:
 * an operator may have removed it between our open and our lock, and a
 * lock on an unlinked inode would guard nothing.
 */
static int take(struct runlock *rl, const char *db_path, pid_t *holder,
		char *err, size_t errlen)
{
	struct flock fl;
	char line[32];

	for (int attempt = 0;; attempt++) {
		struct stat fst, pst;

		rl->fd = open(rl->path,
			      O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0640);
		if (rl->fd < 0) {
			snprintf(err, errlen,
				 "cannot open the lock file %s: %s", rl->path,
				 strerror(errno));
			return RUNLOCK_ERR;
		}
		if (lock_whole(rl->fd, F_OFD_SETLK, &fl) != 0) {
			int e = errno;
			pid_t pid =
			    e == EAGAIN || e == EACCES ? read_pid(rl->fd) : 0;
			close(rl->fd);
			rl->fd = -1;
			if (e == EAGAIN || e == EACCES) {
				if (holder != NULL)
					*holder = pid;
				held_message(db_path, pid, err, errlen);
				return RUNLOCK_HELD;
			}
			snprintf(err, errlen, "cannot lock %s: %s", db_path,
				 strerror(e));
			return RUNLOCK_ERR;
		}
		if (fstat(rl->fd, &fst) == 0 && stat(rl->path, &pst) == 0 &&
		    fst.st_dev == pst.st_dev && fst.st_ino == pst.st_ino)
			break;
		close(rl->fd);
		rl->fd = -1;
		if (attempt == 3) {
			snprintf(err, errlen,
				 "the lock file %s keeps being replaced",
				 rl->path);
			return RUNLOCK_ERR;
		}
	}
	/* For people and for messages; the lock is what counts. */
	int n = snprintf(line, sizeof(line), "%d\n", (int)getpid());
	if (ftruncate(rl->fd, 0) != 0 ||
	    pwrite(rl->fd, line, (size_t)n, 0) != (ssize_t)n) {
		/* The lock holds without it: only the messages lose the pid. */
	}
	return RUNLOCK_OK;
}

int runlock_db(const char *db_path, struct runlock **out, pid_t *holder,
	       char *err, size_t errlen)
{
	struct runlock *rl;
	int rc;

	*out = NULL;
	if (holder != NULL)
		*holder = 0;
	rl = calloc(1, sizeof(*rl));
	if (rl == NULL) {
		snprintf(err, errlen, "out of memory");
		return RUNLOCK_ERR;
	}
	if (runlock_path(db_path, rl->path, sizeof(rl->path)) != 0) {
		snprintf(err, errlen,
			 "database %s: its directory cannot be resolved",
			 db_path);
		free(rl);
		return RUNLOCK_ERR;
	}
	snprintf(rl->db, sizeof(rl->db), "%s", db_path);
	rc = take(rl, db_path, holder, err, errlen);
	if (rc != RUNLOCK_OK) {
		free(rl);
		return rc;
	}
	*out = rl;
	return RUNLOCK_OK;
}

int runlock_recheck(struct runlock *rl, char *err, size_t errlen)
{
	struct stat fst, pst;
	struct runlock fresh;
	int rc;

	if (fstat(rl->fd, &fst) == 0 && stat(rl->path, &pst) == 0 &&
	    fst.st_dev == pst.st_dev && fst.st_ino == pst.st_ino)
		return RUNLOCK_OK;
	/* Gone or replaced: lock what is at the path now, keeping the old
	 * lock until the new one is ours. */
	fresh = *rl;
	rc = take(&fresh, rl->db, NULL, err, errlen);
	if (rc != RUNLOCK_OK)
		return rc;
	close(rl->fd);
	rl->fd = fresh.fd;
	return RUNLOCK_OK;
}

void runlock_free(struct runlock *rl)
{
	if (rl == NULL)
		return;
	close(rl->fd); /* releases the OFD lock */
	free(rl);
}

/* Open DB_PATH's lock file read-only: fd, -2 when absent, -1 on error. */
static int open_for_test(const char *db_path)
{
	char path[PATH_MAX];
	int fd;

	if (runlock_path(db_path, path, sizeof(path)) != 0)
		return errno == ENOENT ? -2 : -1;
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return errno == ENOENT ? -2 : -1;
	return fd;
}

int runlock_in_use(const char *db_path)
{
	struct flock fl;
	int fd = open_for_test(db_path);
	int held;

	if (fd == -2)
		return 0;
	if (fd < 0)
		return -1;
	if (lock_whole(fd, F_OFD_GETLK, &fl) != 0) {
		close(fd);
		return -1;
	}
	held = fl.l_type != F_UNLCK;
	close(fd);
	return held;
}

pid_t runlock_holder(const char *db_path)
{
	struct flock fl;
	int fd = open_for_test(db_path);
	pid_t pid = 0;

	if (fd < 0)
		return 0;
	if (lock_whole(fd, F_OFD_GETLK, &fl) == 0 && fl.l_type != F_UNLCK)
		pid = read_pid(fd);
	close(fd);
	return pid;
}

/*
 * /proc/locks lines (fs/locks.c, lock_get_status):
 *   "1: FLOCK  ADVISORY  WRITE 1234 00:19:3 0 EOF"
 *   "2: OFDLCK ADVISORY  WRITE -1 fe:00:10953592 0 EOF"
 *   "3: -> FLOCK ..." (a process waiting for lock 3, not a holder)
 * The device numbers are the filesystem's major and minor in hex, then the
 * inode in decimal.
 */
int runlock_device_holder(const char *path, pid_t *pid)
{
	struct stat st;
	char line[256];
	FILE *f;
	int found = 0;

	*pid = 0;
	if (stat(path, &st) != 0)
		return -1;
	f = fopen("/proc/locks", "re");
	if (f == NULL)
		return -1;
	while (!found && fgets(line, sizeof(line), f) != NULL) {
		char kind[16], mode[16], access[16];
		unsigned maj, mnr;
		unsigned long ino;
		int owner;

		if (strstr(line, "->") != NULL)
			continue;
		if (sscanf(line, "%*d: %15s %15s %15s %d %x:%x:%lu", kind, mode,
			   access, &owner, &maj, &mnr, &ino) != 7)
			continue;
		if (maj != major(st.st_dev) || mnr != minor(st.st_dev) ||
		    ino != (unsigned long)st.st_ino)
			continue;
		if (owner == (int)getpid())
			continue;
		*pid = owner > 0 ? (pid_t)owner : 0;
		found = 1;
	}
	fclose(f);
	return found;
}
