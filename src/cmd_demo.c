/* smsdesk demo: placeholder until its issue lands. */
#include "smsdesk/cli.h"

#include <stdio.h>
#include <string.h>

int cmd_demo(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--help") == 0) {
		printf("smsdesk demo: not yet available in this version\n");
		return CLI_OK;
	}
	return cli_not_yet("demo");
}
