/*
 * bookcmd: shared plumbing of book, cancel, move, block and unblock. See
 * include/smsdesk/bookcmd.h.
 */
#include "smsdesk/bookcmd.h"

#include "smsdesk/catalog.h"
#include "smsdesk/cli.h"
#include "smsdesk/staffbook.h"
#include "smsdesk/staffcmd.h"
#include "smsdesk/store.h"

#include <stdio.h>
#include <time.h>

int bookcmd_open(struct bookcmd *b, const char *cmd, const char *config,
		 const char *db, const char *now_opt)
{
	b->cmd = cmd;
	b->st = NULL;
	b->now = (int64_t)time(NULL);
	b->cat = staffcmd_catalog(cmd, cli_config_path(config));
	if (b->cat == NULL)
		return CLI_BAD_INPUT;
	if (now_opt != NULL &&
	    staffbook_parse_time(b->cat, now_opt, &b->now) != 0) {
		bookcmd_close(b);
		return cli_usage_error(cmd,
				       "--now wants a local time like "
				       "2026-03-03T10:00, not '%s'",
				       now_opt);
	}
	b->st = staffcmd_store(cmd, b->cat, db);
	if (b->st == NULL) {
		bookcmd_close(b);
		return CLI_BAD_INPUT;
	}
	return CLI_OK;
}

void bookcmd_close(struct bookcmd *b)
{
	store_close(b->st);
	catalog_free(b->cat);
	b->st = NULL;
	b->cat = NULL;
}

int bookcmd_store_failed(const struct bookcmd *b, int rc, const char *what)
{
	if (rc == STORE_ERR_BUSY)
		fprintf(stderr,
			"smsdesk %s: %s: the database stayed busy; nothing "
			"was changed, try again\n",
			b->cmd, what);
	else if (rc == STORE_ERR_DB)
		fprintf(stderr, "smsdesk %s: %s: %s\n", b->cmd, what,
			store_errmsg(b->st));
	else
		fprintf(stderr, "smsdesk %s: %s: %s\n", b->cmd, what,
			store_strerror(rc));
	return CLI_BAD_INPUT;
}

void bookcmd_say_text(const struct bookcmd *b, int sent, const char *to,
		      int64_t msg_id, const char *err)
{
	(void)b;
	switch (sent) {
	case STAFFBOOK_QUEUED:
		printf("Texted %s (message %lld queued; the desk sends it).\n",
		       to, (long long)msg_id);
		break;
	case STAFFBOOK_NO_NUMBER:
		printf("No number: nobody was texted.\n");
		break;
	case STAFFBOOK_OPTED_OUT:
		printf("Not texted: %s has opted out (texted STOP).\n", to);
		break;
	case STAFFBOOK_NOT_WANTED:
		printf("Not texted (--no-text).\n");
		break;
	default:
		printf("Not texted: %s\n", err != NULL ? err : "?");
		break;
	}
}
