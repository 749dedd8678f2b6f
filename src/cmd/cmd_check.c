/*
 * smsdesk check: validate the catalog the way the daemon would load it, and
 * tell the staff every problem as FILE:LINE: message — errors (exit 1),
 * warnings about what loads but costs money or customers (exit 0), and a
 * note on what was assumed (the country, from the time zone). Silent when
 * all is well, like ntpd -n, so it fits in scripts and editors' make-like
 * runs.
 */
#include "smsdesk/catalog.h"
#include "smsdesk/cli.h"
#include "smsdesk/cliopt.h"
#include "smsdesk/when.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static const char check_usage[] =
    "usage: smsdesk check [-c FILE] [--now YYYY-MM-DDTHH:MM]\n\n"
    "Check the catalog FILE (default: $SMSDESK_CONFIG, else\n"
    "/etc/smsdesk/smsdesk.cfg) and print each problem as\n"
    "FILE:LINE: message, warnings as FILE:LINE: warning: message\n"
    "and what it assumed (the country, from the time zone) as\n"
    "FILE:LINE: note: message. Prints nothing when the file is\n"
    "valid and says all it means.\n\n"
    "  -c, --config FILE   the catalog to check\n"
    "      --now TIME      take TIME (local business time) as now,\n"
    "                      for the warning about closed dates that\n"
    "                      are past\n"
    "  -h, --help          this help\n\n"
    "Exit status: 0 valid (warnings allowed), 1 errors found,\n"
    "2 usage.\n";

/* Today in the business's zone: from --now, else the clock. 0 or -1. */
static int today_of(const struct catalog *cat, const char *now, char *out,
		    size_t cap)
{
	struct when_local l;
	int64_t t;

	if (now != NULL) {
		if (when_parse_iso_local(cat->timezone, now, &t) != 0)
			return -1;
	} else {
		t = (int64_t)time(NULL);
	}
	const struct civil_zone *z = when_zone_of(cat);
	if (z == NULL)
		return -1;
	when_local_in(z, t, &l);
	when_day_iso(&l.day, out, cap);
	return 0;
}

int cmd_check(int argc, char **argv)
{
	const char *given = NULL, *now = NULL, *path;
	const struct cliopt opts[] = {
	    {"config", 'c', &given, NULL},
	    {"now", 0, &now, NULL},
	    CLIOPT_END,
	};
	struct cat_diags diags;
	struct cat_diag note;
	struct catalog *cat;
	char line[1200], today[16];
	int first, have_note;
	int rc =
	    cliopt_parse(argc, argv, "check", check_usage, opts, 0, &first);

	if (rc >= 0)
		return rc;
	if (first < argc)
		return cli_usage_error("check", "unexpected argument '%s'",
				       argv[first]);
	path = cli_config_path(given);
	cat = catalog_load(path, &diags);
	if (cat != NULL) {
		if (today_of(cat, now, today, sizeof(today)) != 0) {
			catalog_diags_free(&diags);
			catalog_free(cat);
			return cli_usage_error("check",
					       "--now '%s' is not a time like "
					       "2026-12-24T10:00",
					       now);
		}
		catalog_warn_past(cat, today, &diags);
	}
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
