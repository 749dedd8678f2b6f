/*
 * cliopt: the option parsing every subcommand does, from a table. Each
 * subcommand used to write the same getopt_long loop (-c/--config, --db,
 * --now, --help, "needs a value", "unknown option"), and the copies had
 * begun to differ in their messages. A subcommand now lists its options
 * and where each one's value goes; the loop and its messages are here.
 *
 * For short-lived subcommands only: it prints the --help text to stdout and
 * usage errors to stderr. It never exits the process.
 */
#ifndef SMSDESK_CLIOPT_H
#define SMSDESK_CLIOPT_H

/*
 * One option: its long name, an optional one-letter short name, and either
 * value (the option takes a value, stored as a borrowed argv string; a
 * repeated option keeps the last) or flag (no value; set to 1). --help and
 * -h are always known and need no entry.
 */
struct cliopt {
	const char *name;
	char letter;
	const char **value;
	int *flag;
};

/* Stop at the first operand: what follows it is text, not options (reply). */
#define CLIOPT_STOP_AT_OPERAND 1

/* The table's end. */
#define CLIOPT_END                                                             \
	{                                                                      \
		NULL, 0, NULL, NULL                                            \
	}

/*
 * Parse argv[1..] against opts (ending with CLIOPT_END). Operands are
 * moved after the options (unless CLIOPT_STOP_AT_OPERAND); *first is set to
 * the index of the first operand. Returns -1 to go on, CLI_OK after
 * printing usage for --help, or CLI_USAGE after saying what was wrong.
 */
int cliopt_parse(int argc, char **argv, const char *cmd, const char *usage,
		 const struct cliopt *opts, int flags, int *first);

#endif
