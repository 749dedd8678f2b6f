/*
 * bookcmd: what the staff's commands that change the book (book, cancel,
 * move, block, unblock) share: the catalog and the live database opened
 * together, the time they act at, and how they tell the staff what became
 * of a text to the customer.
 *
 * For short-lived subcommands only: it prints to stderr/stdout. They work
 * on the database a running daemon uses (each change is one short
 * transaction; the daemon sends what they queue), and never create one.
 */
#ifndef SMSDESK_BOOKCMD_H
#define SMSDESK_BOOKCMD_H

#include <stdint.h>

struct catalog;
struct store;

struct bookcmd {
	const char *cmd; /* "book", ... for messages */
	struct catalog *cat;
	struct store *st;
	int64_t now; /* UTC: the clock, or --now */
};

/*
 * Load the catalog (config as given to -c, may be NULL), open its database
 * (or db), and set now from the clock or from now_opt (local
 * "YYYY-MM-DDTHH:MM", for tests). Returns CLI_OK, or the exit code after
 * printing why (CLI_BAD_INPUT, CLI_USAGE for a bad --now).
 */
int bookcmd_open(struct bookcmd *b, const char *cmd, const char *config,
		 const char *db, const char *now_opt);
void bookcmd_close(struct bookcmd *b);

/* Print what a store call's failure means for the staff; returns
 * CLI_BAD_INPUT. */
int bookcmd_store_failed(const struct bookcmd *b, int rc, const char *what);

/*
 * Tell the staff what became of the text to `to` (sent: a
 * staffbook_notify result, or -1 when it failed with err).
 */
void bookcmd_say_text(const struct bookcmd *b, int sent, const char *to,
		      int64_t msg_id, const char *err);

#endif
