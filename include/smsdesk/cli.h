/*
 * cli: the subcommands of the one smsdesk binary (DESIGN.md "Command line").
 *
 * main.c dispatches; each subcommand lives in its own src/cmd/cmd_<name>.c so
 * the people working on different parts of the desk do not edit one file.
 * A subcommand parses its own options with getopt_long, prints its own
 * --help, and returns one of the exit codes below. Subcommands are thin:
 * the work belongs to the modules they call.
 */
#ifndef SMSDESK_CLI_H
#define SMSDESK_CLI_H

enum cli_exit {
	CLI_OK = 0,
	CLI_BAD_INPUT = 1, /* bad input or config */
	CLI_USAGE = 2,
	CLI_DEVICE = 3, /* modem or device trouble */
	/*
	 * serve: no modem can be used and a SIM needs staff — its PIN was
	 * refused (now, or at an earlier start: remembered per SIM in the
	 * database), no PIN is configured, or it wants its PUK. A restart
	 * cannot help and must not enter the PIN again: conf/smsdesk.service
	 * lists 4 in RestartPreventExitStatus=. smsdesk modem exits 4 too.
	 */
	CLI_SIM_LOCKED = 4,
	/* serve: another live smsdesk serve holds the database or a device
	 * (runlock); the message names its pid. */
	CLI_IN_USE = 5,
	/* serve: the database file was removed or replaced under the running
	 * daemon. conf/smsdesk.service does not restart on it
	 * (RestartPreventExitStatus=): a restart would create an empty
	 * database and forget every booking. */
	CLI_DB_LOST = 6,
};

/* argv[0] is the subcommand's name; options follow. */
int cmd_serve(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_try(int argc, char **argv);
int cmd_demo(int argc, char **argv);
int cmd_bookings(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_send(int argc, char **argv);
int cmd_modem(int argc, char **argv);
int cmd_pdu(int argc, char **argv);
int cmd_book(int argc, char **argv);
int cmd_cancel(int argc, char **argv);
int cmd_move(int argc, char **argv);
int cmd_block(int argc, char **argv);
int cmd_unblock(int argc, char **argv);
int cmd_forget(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_inbox(int argc, char **argv);
int cmd_reply(int argc, char **argv);
int cmd_status(int argc, char **argv);

/*
 * The config file to use: the -c value if given, else $SMSDESK_CONFIG,
 * else /etc/smsdesk/smsdesk.cfg. Returns a borrowed string.
 */
const char *cli_config_path(const char *given);

/*
 * Print "smsdesk CMD: MESSAGE" and "Try 'smsdesk CMD --help'." to stderr and
 * return CLI_USAGE, for a subcommand's bad usage.
 */
int cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * smsdesk modem on a device another process holds (HOLDER its pid, 0 when
 * unknown): say who, and when it is the `serve` of database DB, what its
 * heartbeat says of that device (cmd_status.c). CLI_OK when it is ready.
 */
int cli_status_device(const char *db, const char *device, long holder);

/* For subcommands whose issue has not landed: say so, return CLI_USAGE. */
int cli_not_yet(const char *cmd);

#endif
