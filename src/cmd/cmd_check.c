/*
 * smsdesk check: validate the catalog the way the daemon would load it, and
 * tell the staff every problem as FILE:LINE: message. Silent when all is
 * well, like ntpd -n, so it fits in scripts and editors' make-like runs.
 */
#include "smsdesk/catalog.h"
#include "smsdesk/cli.h"

#include <getopt.h>
#include <stdio.h>

static void check_help(void)
{
	printf("usage: smsdesk check [-c FILE]\n\n"
	       "Check the catalog FILE (default: $SMSDESK_CONFIG, else\n"
	       "/etc/smsdesk/smsdesk.cfg) and print each problem as\n"
	       "FILE:LINE: message, warnings as FILE:LINE: warning: message\n"
	       "and what it assumed (the country, from the time zone) as\n"
	       "FILE:LINE: note: message. Prints nothing when the file is\n"
	       "valid and says all it means.\n\n"
	       "  -c, --config FILE   the catalog to check\n"
	       "  -h, --help          this help\n\n"
	       "Exit status: 0 valid (warnings allowed), 1 errors found,\n"
	       "2 usage.\n");
}

int cmd_check(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"config", required_argument, NULL, 'c'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	const char *given = NULL, *path;
	struct cat_diags diags;
	struct cat_diag note;
	struct catalog *cat;
	int have_note;
	char line[1200];
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "c:h", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			given = optarg;
			break;
		case 'h':
			check_help();
			return CLI_OK;
		default:
			return cli_usage_error("check", "unknown option '%s'",
					       argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("check", "unexpected argument '%s'",
				       argv[optind]);
	path = cli_config_path(given);
	cat = catalog_load(path, &diags);
	/* What the loader assumed goes in line order among the problems. */
	have_note = cat != NULL && catalog_country_note(cat, &note);
	for (size_t i = 0; i <= diags.n; i++) {
		if (have_note &&
		    (i == diags.n || diags.v[i].line > note.line)) {
			catalog_diag_format(path, &note, line, sizeof(line));
			printf("%s\n", line);
			have_note = 0;
		}
		if (i == diags.n)
			break;
		catalog_diag_format(path, &diags.v[i], line, sizeof(line));
		printf("%s\n", line);
	}
	catalog_diags_free(&diags);
	if (cat == NULL)
		return CLI_BAD_INPUT;
	catalog_free(cat);
	return CLI_OK;
}
