/*
 * runlock — TEMPORARY STUB in the outbox branch. The daemon engineer's
 * runlock module (branch `daemon`) replaces this file and src/runlock.c at
 * merge: take theirs. Only the one call `smsdesk try` makes is declared.
 */
#ifndef SMSDESK_RUNLOCK_H
#define SMSDESK_RUNLOCK_H

/*
 * Does a live process (a running `smsdesk serve`) hold the database at
 * DB_PATH? 1: yes; 0: no; -1: cannot tell. Takes nothing, changes nothing.
 */
int runlock_in_use(const char *db_path);

#endif
