/*
 * runlock: "is a live smsdesk serve using this database / this device?" —
 * kernel-held locks that say so, for `serve` itself (one daemon per
 * database, taken before start-up recovery touches anything) and for the
 * commands that must not write behind a running daemon's back (`try`,
 * `send`, `modem`).
 *
 * The database lock is an open-file-description lock (fcntl F_OFD_SETLK) on
 * a file beside the database, "<database>.lock" (the database path resolved
 * through symlinks first, so two spellings of one file share one lock).
 * Advisory locks bind root as much as anyone (unlike TIOCEXCL, which root
 * passes through), the kernel drops them when the holder dies in any way
 * (SIGKILL included: no stale lock to judge), and F_OFD_GETLK answers "is
 * it held?" without taking anything, so a read-only check from any user who
 * may read the directory has no side effect on a daemon starting at that
 * moment. The holder writes its pid into the file for the messages; the
 * lock, not the file's existence or content, is the truth. The file is
 * never removed (removing it would let a second process lock a new inode
 * while the first still holds the old one).
 *
 * The device lock is the flock(2) that serial.c takes on the port's own
 * file descriptor when it opens it (the kernel frees it on any exit, root
 * included, and it names the device by its inode, so /dev/ttyUSB2 and a
 * /dev/serial/by-id/ link to it are one lock). runlock_device_holder()
 * finds who holds it without opening the device (opening a serial port
 * raises DTR and may steal the bytes another reader is owed) by reading
 * /proc/locks.
 *
 * Why not UUCP lock files (/run/lock/LCK..ttyUSB2): a SIGKILLed holder
 * leaves the file behind, and "is the pid in it alive?" then judges
 * whatever process reuses the pid; the name is the device's basename, so a
 * by-id link and the node it points to get two different locks; /run/lock's
 * owner and mode differ between distributions (Debian 1777, others
 * root:lock 0775) and the unit's ProtectSystem=strict makes it read-only;
 * ModemManager ignores it anyway. A kernel lock has none of these problems.
 *
 * runlock never logs and never exits; errors are returned with a sentence.
 */
#ifndef SMSDESK_RUNLOCK_H
#define SMSDESK_RUNLOCK_H

#include <stddef.h>
#include <sys/types.h>

enum runlock_err {
	RUNLOCK_OK = 0,
	RUNLOCK_HELD = -1, /* another live process holds it */
	RUNLOCK_ERR = -2,  /* cannot take or test it: err says why */
};

struct runlock;

/*
 * Take the run lock of the database at DB_PATH (which need not exist yet;
 * its directory must). On success returns RUNLOCK_OK and *out (release with
 * runlock_free; the lock also ends with the process). When another process
 * holds it: RUNLOCK_HELD, *holder its pid (0 when it could not be read) and
 * a sentence in err naming it. Otherwise RUNLOCK_ERR and err. HOLDER may be
 * NULL.
 */
int runlock_db(const char *db_path, struct runlock **out, pid_t *holder,
	       char *err, size_t errlen);

/*
 * Is the lock file we hold still the one at its path? When it was removed
 * or replaced (a clean-up script, an operator), a second serve could lock
 * a new file and run beside us: take the lock on what is at the path now.
 * RUNLOCK_OK (still ours, or ours again), RUNLOCK_HELD (another process
 * got there first: two daemons on one database; err names it) or
 * RUNLOCK_ERR. One stat when nothing changed: cheap enough once a second.
 */
int runlock_recheck(struct runlock *rl, char *err, size_t errlen);

/* Release the lock and free. runlock_free(NULL) is a no-op. */
void runlock_free(struct runlock *rl);

/*
 * Does a live process (a running `smsdesk serve`) hold the database at
 * DB_PATH? 1: yes; 0: no (also when no lock file exists: no daemon ever
 * served it); -1: cannot tell (the lock file cannot be opened for reading
 * or the lock cannot be tested) — callers that would write should then
 * refuse. Takes nothing, changes nothing.
 */
int runlock_in_use(const char *db_path);

/*
 * The pid of the process holding DB_PATH's run lock: > 0 when held and the
 * pid is known, 0 when not held or unknown.
 */
pid_t runlock_holder(const char *db_path);

/*
 * Who holds the device at PATH (a tty, a symlink to one, a pseudo-terminal)
 * with a flock/OFD/POSIX lock, from /proc/locks: 1 with *pid (0 when the
 * kernel does not say: OFD locks), 0 when nobody, -1 when PATH does not
 * exist or /proc/locks cannot be read. Never opens the device. The calling
 * process's own locks count as "nobody" only for flock/POSIX locks whose
 * pid is ours.
 */
int runlock_device_holder(const char *path, pid_t *pid);

/*
 * The path of DB_PATH's lock file ("<resolved database path>.lock") into
 * out. Returns 0, or -1 when it does not fit or the directory cannot be
 * resolved.
 */
int runlock_path(const char *db_path, char *out, size_t cap);

#endif
