/* placeholder replaced below */
#include "smsdesk/cli.h"
int cmd_status(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_not_yet("status");
}
