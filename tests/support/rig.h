/*
 * rig: simulated modems in this process and a real `smsdesk serve` child
 * against them — the end-to-end test bench for the daemon. Customers text
 * with rig_text(); the desk's replies are collected, reassembled and decoded
 * from what the daemon sent with AT+CMGS.
 */
#ifndef SMSDESK_TEST_RIG_H
#define SMSDESK_TEST_RIG_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define RIG_MAX_MODEMS	2
#define RIG_MAX_REPLIES 512

struct sim;

struct rig_reply {
	char to[48];
	char text[2048];
	int segments; /* parts received */
	int total;    /* parts announced */
	int modem;    /* which simulated modem sent it */
};

struct rig {
	char dir[64];
	char cfg[96];
	char db[96];
	char log[96];
	char now[32]; /* --now for serve, "" for none */
	/* More arguments for serve (rig_start), each "" when unused. */
	char extra[4][256];
	int n_modems;
	struct sim *sims[RIG_MAX_MODEMS];
	char links[RIG_MAX_MODEMS][96];
	size_t seen[RIG_MAX_MODEMS];
	pid_t serve;
	int concat_ref;
	struct rig_reply replies[RIG_MAX_REPLIES];
	size_t n_replies;
	/* parts of replies not yet complete */
	struct rig_part {
		char to[48];
		int ref, total, seq, modem;
		char text[700];
	} parts[256];
	size_t n_parts;
};

/*
 * Make a scratch dir, N simulated modems and a catalog: the template file
 * (tests/data/e2e.cfg) with @MODEMS@ and @DB@ filled in. Returns 0 or -1.
 */
int rig_init(struct rig *r, int n_modems, const char *now);
/* Start `smsdesk serve` (SMSDESK_BIN) with extra args; -1 on failure. */
int rig_start(struct rig *r);
/* SIGKILL the daemon (a crash) or SIGTERM it and wait; returns its exit. */
int rig_kill(struct rig *r, int sig);
/* Step the simulated modems for MS milliseconds, collecting replies. */
void rig_pump(struct rig *r, int ms);
/* A customer texts: encode SMS-DELIVER part(s) and deliver to modem M. */
int rig_text(struct rig *r, int m, const char *from, const char *text);
/* Pump until at least N replies to TO (NULL: anyone) or TIMEOUT_MS. */
size_t rig_wait_replies(struct rig *r, const char *to, size_t n,
			int timeout_ms);
/* Pump until the daemon has been quiet (no new sends) for QUIET_MS and the
 * modems' storage is empty, or TIMEOUT_MS passed. Returns 0 when settled. */
int rig_settle(struct rig *r, int quiet_ms, int timeout_ms);
/* Pump until the daemon's log holds NEEDLE (e.g. "serving ": it is up and
 * handles signals) or TIMEOUT_MS passed. Returns 0 when found. */
int rig_wait_log(struct rig *r, const char *needle, int timeout_ms);
/* Replies to TO so far. */
size_t rig_count(const struct rig *r, const char *to);
/* The last reply to TO, or NULL. */
const struct rig_reply *rig_last(const struct rig *r, const char *to);
/* Run `smsdesk ARGS...` against the rig's catalog and db; stdout into out. */
int rig_cli(struct rig *r, char *out, size_t cap, const char *args);
/* Stop everything and remove the scratch dir. */
void rig_free(struct rig *r);
/* Monotonic milliseconds. */
int64_t rig_ms(void);

#endif
