/*
 * cliopt: a table of options to getopt_long. See include/smsdesk/cliopt.h.
 */
#include "smsdesk/cliopt.h"

#include "smsdesk/cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

/* Option values handed to getopt_long: the table's index past any byte. */
#define VAL_BASE 256
#define VAL_HELP 255

/* getopt_long's tables; NULL on allocation failure. Caller frees both. */
static struct option *long_table(const struct cliopt *opts, int n)
{
	struct option *lo = calloc((size_t)n + 2, sizeof(*lo));

	if (lo == NULL)
		return NULL;
	for (int i = 0; i < n; i++) {
		lo[i].name = opts[i].name;
		lo[i].has_arg = opts[i].value ? required_argument : no_argument;
		lo[i].val = VAL_BASE + i;
	}
	lo[n].name = "help";
	lo[n].val = VAL_HELP;
	return lo;
}

/* "+:" or ":" then each letter (with ':' when it takes a value), then 'h'. */
static char *short_table(const struct cliopt *opts, int n, int flags)
{
	char *s = malloc((size_t)n * 2 + 4), *p = s;

	if (s == NULL)
		return NULL;
	if (flags & CLIOPT_STOP_AT_OPERAND)
		*p++ = '+';
	*p++ = ':';
	for (int i = 0; i < n; i++) {
		if (opts[i].letter == 0)
			continue;
		*p++ = opts[i].letter;
		if (opts[i].value)
			*p++ = ':';
	}
	*p++ = 'h';
	*p = '\0';
	return s;
}

static int index_of_letter(const struct cliopt *opts, int n, int c)
{
	for (int i = 0; i < n; i++)
		if (opts[i].letter != 0 && opts[i].letter == c)
			return i;
	return -1;
}

/* One option seen: store it; -1 to go on, else the exit code. */
static int take(const struct cliopt *opts, int n, int c, char **argv,
		const char *cmd, const char *usage)
{
	int i = c >= VAL_BASE ? c - VAL_BASE : index_of_letter(opts, n, c);

	if (c == VAL_HELP || c == 'h') {
		fputs(usage, stdout);
		return CLI_OK;
	}
	if (c == ':')
		return cli_usage_error(cmd, "%s needs a value",
				       argv[optind - 1]);
	if (i < 0 || i >= n)
		return cli_usage_error(cmd, "unknown option '%s'",
				       argv[optind - 1]);
	if (opts[i].value)
		*opts[i].value = optarg;
	else
		*opts[i].flag = 1;
	return -1;
}

int cliopt_parse(int argc, char **argv, const char *cmd, const char *usage,
		 const struct cliopt *opts, int flags, int *first)
{
	int n = 0, c, rc = -1;

	while (opts[n].name != NULL)
		n++;
	struct option *lo = long_table(opts, n);
	char *so = short_table(opts, n, flags);

	if (lo == NULL || so == NULL) {
		free(lo);
		free(so);
		fprintf(stderr, "smsdesk %s: out of memory\n", cmd);
		return CLI_BAD_INPUT;
	}
	opterr = 0;
	optind = 0; /* 0: glibc starts afresh, '+' included */
	while (rc < 0 && (c = getopt_long(argc, argv, so, lo, NULL)) != -1)
		rc = take(opts, n, c, argv, cmd, usage);
	*first = optind;
	free(lo);
	free(so);
	return rc;
}
