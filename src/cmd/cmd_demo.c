/*
 * smsdesk demo: runs smsdesk-demo, the program installed beside this
 * binary that holds the simulated modem (the daemon binary never links the
 * sim: DESIGN.md). It passes its own path so that the demo's `serve` is
 * this very smsdesk, and every option as given; see smsdesk-demo --help.
 */
#include "smsdesk/cli.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int cmd_demo(int argc, char **argv)
{
	char self[PATH_MAX], helper[PATH_MAX + 16];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	char **args;
	char *slash;

	if (n <= 0) {
		fprintf(stderr, "smsdesk demo: cannot find this program: %s\n",
			strerror(errno));
		return CLI_DEVICE;
	}
	self[n] = '\0';
	slash = strrchr(self, '/');
	if (slash == NULL)
		return CLI_DEVICE;
	snprintf(helper, sizeof(helper), "%.*s/smsdesk-demo",
		 (int)(slash - self), self);
	args = calloc((size_t)argc + 4, sizeof(*args));
	if (args == NULL)
		return CLI_DEVICE;
	args[0] = helper;
	args[1] = "--smsdesk";
	args[2] = self;
	for (int i = 1; i < argc; i++)
		args[i + 2] = argv[i];
	execv(helper, args);
	fprintf(stderr,
		"smsdesk demo: cannot run %s: %s\n(the demo's simulated "
		"modem is a program of its own, installed beside smsdesk by "
		"'make install' and built by 'make')\n",
		helper, strerror(errno));
	free(args);
	return CLI_DEVICE;
}
