/*
 * store_privacy: what smsdesk keeps about people, and for how long — the
 * key of the opt-out hashes. See include/smsdesk/store.h.
 */
#include "store_internal.h"

#include "smsdesk/digest.h"

#include <stdio.h>
#include <string.h>

static const char SQL_KEY_SET[] =
    "INSERT OR IGNORE INTO secrets (name, value) VALUES ('optout_key', ?1)";
static const char SQL_KEY_GET[] =
    "SELECT value FROM secrets WHERE name = 'optout_key'";

#define KEY_BYTES 32

int db_privacy_setup(struct store *st)
{
	unsigned char key[KEY_BYTES];
	char hex[2 * KEY_BYTES + 1];
	int rc;

	if (st->random(st->random_ctx, key, sizeof(key)) != 0) {
		snprintf(st->errmsg, sizeof(st->errmsg),
			 "no random bytes for the opt-out key");
		return STORE_ERR_DB;
	}
	digest_hex(key, sizeof(key), hex);
	rc = db_exec(st, SQL_KEY_SET, DB_ARGS(DB_T(hex)));
	memset(key, 0, sizeof(key));
	memset(hex, 0, sizeof(hex));
	return rc;
}

int db_optout_key(struct store *st, const char *number, char *out)
{
	unsigned char mac[DIGEST_SHA256_LEN];
	sqlite3_stmt *s;
	const char *key;
	int rc;

	out[0] = '\0';
	if (number == NULL)
		return STORE_ERR_ARG;
	rc = db_row(st, SQL_KEY_GET, DB_NO_ARGS, &s);
	if (rc == STORE_ERR_NOT_FOUND) {
		snprintf(st->errmsg, sizeof(st->errmsg),
			 "the database has no opt-out key");
		return STORE_ERR_DB;
	}
	if (rc < 0)
		return rc;
	key = (const char *)sqlite3_column_text(s, 0);
	digest_hmac_sha256(key, key != NULL ? strlen(key) : 0, number,
			   strlen(number), mac);
	db_done(s);
	out[0] = '#';
	digest_hex(mac, sizeof(mac), out + 1);
	return STORE_OK;
}
