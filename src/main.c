/*
 * smsdesk: one binary, subcommands (DESIGN.md "Command line"). This file
 * only dispatches; each subcommand lives in src/cmd/cmd_<name>.c.
 */
#include "smsdesk/catalog.h"
#include "smsdesk/lang.h"
#include "smsdesk/cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct subcommand {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *synopsis;
	const char *summary;
};

static const struct subcommand subcommands[] = {
    {"serve", cmd_serve, "[-c FILE] [--device PATH] [--db PATH] [--now TIME]",
     "run the desk: answer texts from the modem(s)"},
    {"check", cmd_check, "[-c FILE]", "validate the catalog (FILE:LINE: ...)"},
    {"try", cmd_try,
     "[-c FILE] [--db PATH] [--now TIME] [--explain] --from NUMBER TEXT...",
     "print the reply the desk would send to TEXT"},
    {"demo", cmd_demo, "[-c FILE]",
     "text the desk from this terminal through a simulated modem"},
    {"bookings", cmd_bookings, "[-c FILE] [--db PATH] [--day YYYY-MM-DD]",
     "list a day's bookings"},
    {"report", cmd_report, "[-c FILE] [--db PATH]",
     "messages, bookings and the demand we turned away"},
    {"send", cmd_send, "[-c FILE] [--db PATH] --to NUMBER TEXT...",
     "queue a text from the staff"},
    {"modem", cmd_modem, "[-c FILE] [--device PATH] [--list]",
     "probe the modem, or list serial ports"},
    {"pdu", cmd_pdu, "decode HEX... | encode --to NUMBER TEXT...",
     "decode or encode SMS PDUs"},
    {"book", cmd_book,
     "[-c FILE] --service ID --at TIME [--name N] [--phone NUMBER] "
     "[--note T]",
     "book a walk-in or a phone booking"},
    {"cancel", cmd_cancel, "[-c FILE] [--no-text] REF",
     "cancel a booking by its reference"},
    {"move", cmd_move, "[-c FILE] [--no-text] REF --at TIME",
     "move a booking to another time (the customer is told)"},
    {"block", cmd_block,
     "[-c FILE] --from TIME --to TIME [--service ID] [--reason T] | --list",
     "take time out of the book (lunch, a day off)"},
    {"unblock", cmd_unblock, "[-c FILE] N", "give a blocked time back"},
    {"forget", cmd_forget, "[-c FILE] NUMBER | --expired",
     "erase one customer (an opt-out survives), or prune old data"},
    {"export", cmd_export, "[-c FILE] NUMBER",
     "what is held about one customer, as JSON"},
    {"inbox", cmd_inbox, "[-c FILE] [--db PATH] [--days N] [-v] [NUMBER]",
     "what waits for a person, and recent conversations"},
    {"reply", cmd_reply, "[-c FILE] [--db PATH] REF|NUMBER TEXT...",
     "answer a customer (REF: a handed-off text's code, K7)"},
    {"status", cmd_status, "[-c FILE] [--db PATH]",
     "the running daemon's health: modems, queue, waiting texts"},
};

#define N_SUBCOMMANDS (sizeof(subcommands) / sizeof(subcommands[0]))

static void usage(FILE *out)
{
	fprintf(out, "usage: smsdesk COMMAND [OPTIONS]\n"
		     "       smsdesk --help | --version\n\n"
		     "A front desk reachable by text message.\n\nCommands:\n");
	for (size_t i = 0; i < N_SUBCOMMANDS; i++)
		fprintf(out, "  %-9s %s\n", subcommands[i].name,
			subcommands[i].summary);
	fprintf(out, "\n'smsdesk COMMAND --help' tells more about a command.\n"
		     "Config: -c FILE, else $SMSDESK_CONFIG, else "
		     "/etc/smsdesk/smsdesk.cfg.\n"
		     "Exit codes: 0 ok, 1 bad input/config, 2 usage, 3 "
		     "modem/device trouble.\n");
}

const char *cli_config_path(const char *given)
{
	const char *env;

	if (given != NULL && given[0] != '\0')
		return given;
	env = getenv("SMSDESK_CONFIG");
	if (env != NULL && env[0] != '\0')
		return env;
	return "/etc/smsdesk/smsdesk.cfg";
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "smsdesk %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	for (size_t i = 0; i < N_SUBCOMMANDS; i++)
		if (strcmp(subcommands[i].name, cmd) == 0)
			fprintf(stderr, "usage: smsdesk %s %s\n", cmd,
				subcommands[i].synopsis);
	fprintf(stderr, "Try 'smsdesk %s --help'.\n", cmd);
	return CLI_USAGE;
}

int cli_not_yet(const char *cmd)
{
	fprintf(stderr, "smsdesk %s: not yet available in this version\n", cmd);
	return CLI_USAGE;
}

int main(int argc, char **argv)
{
	/* Reply overrides in catalogs are checked against the desk's own. */
	catalog_set_reply_check(lang_catalog_reply_check);
	if (argc < 2) {
		usage(stderr);
		return CLI_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return CLI_OK;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("smsdesk %s\n", SMSDESK_VERSION);
		return CLI_OK;
	}
	for (size_t i = 0; i < N_SUBCOMMANDS; i++)
		if (strcmp(argv[1], subcommands[i].name) == 0)
			return subcommands[i].run(argc - 1, argv + 1);
	fprintf(stderr, "smsdesk: unknown command '%s'\n", argv[1]);
	fprintf(stderr, "usage: smsdesk COMMAND [OPTIONS]; try 'smsdesk "
			"--help'.\n");
	return CLI_USAGE;
}
