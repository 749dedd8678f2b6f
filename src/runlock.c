/*
 * runlock — TEMPORARY STUB (see include/smsdesk/runlock.h): until the
 * daemon's run lock is merged no daemon takes one, so none is ever found.
 */
#include "smsdesk/runlock.h"

int runlock_in_use(const char *db_path)
{
	(void)db_path;
	return 0;
}
