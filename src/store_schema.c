/*
 * store_schema: the database schema as a table of forward migrations, and
 * the upgrade that applies them. See src/store_internal.h.
 *
 * Moved here unchanged from store.c (which had grown past the house limit);
 * the steps are the same, in the same order.
 */
#include "store_internal.h"

#include <stdio.h>

/* ---- schema: one step per version, applied in order, never edited ------
 *
 * To change the schema, append one step at the end of this table and bump
 * STORE_SCHEMA_VERSION in store.h (the _Static_assert below checks the
 * two agree). When two branches each append a step, the integrator keeps
 * both, one after the other, and renumbers. A step is SQL, optionally
 * followed by C (`fix`) for what SQL cannot do; both run inside the
 * upgrade's one transaction.
 */
struct migration {
	const char *sql;
	int (*fix)(struct store *st); /* NULL or run after sql */
};

static const struct migration migrations[] = {
    /* 1: inbox, outbox, bookings, conversations, opt-outs */
    {.sql =
	 "CREATE TABLE inbox ("
	 " id INTEGER PRIMARY KEY,"
	 " sender TEXT NOT NULL,"
	 " smsc_time INTEGER NOT NULL,"
	 " pdu_hash TEXT NOT NULL,"
	 " pdu_hex TEXT NOT NULL,"
	 " text TEXT NOT NULL,"
	 " flags INTEGER NOT NULL DEFAULT 0,"
	 " modem TEXT NOT NULL DEFAULT '',"
	 " received_at INTEGER NOT NULL,"
	 " state INTEGER NOT NULL DEFAULT 0,"
	 " reason TEXT NOT NULL DEFAULT '',"
	 " handled_at INTEGER NOT NULL DEFAULT 0,"
	 " UNIQUE (sender, smsc_time, pdu_hash));"
	 "CREATE INDEX inbox_state ON inbox (state, id);"
	 "CREATE INDEX inbox_sender ON inbox (sender, received_at);"
	 "CREATE TABLE out_msg ("
	 " id INTEGER PRIMARY KEY,"
	 " to_number TEXT NOT NULL,"
	 " text TEXT NOT NULL,"
	 " origin INTEGER NOT NULL,"
	 " inbox_id INTEGER REFERENCES inbox (id),"
	 " modem TEXT NOT NULL DEFAULT '',"
	 " created_at INTEGER NOT NULL,"
	 " n_parts INTEGER NOT NULL);"
	 "CREATE INDEX out_msg_to ON out_msg (to_number, created_at);"
	 "CREATE TABLE out_part ("
	 " id INTEGER PRIMARY KEY,"
	 " msg_id INTEGER NOT NULL REFERENCES out_msg (id) ON DELETE CASCADE,"
	 " seq INTEGER NOT NULL,"
	 " pdu_hex TEXT NOT NULL,"
	 " tpdu_len INTEGER NOT NULL,"
	 " state INTEGER NOT NULL DEFAULT 0,"
	 " tries INTEGER NOT NULL DEFAULT 0,"
	 " next_try_at INTEGER NOT NULL,"
	 " last_error TEXT NOT NULL DEFAULT '',"
	 " modem TEXT NOT NULL DEFAULT '',"
	 " mr INTEGER NOT NULL DEFAULT -1,"
	 " sent_at INTEGER NOT NULL DEFAULT 0,"
	 " done_at INTEGER NOT NULL DEFAULT 0,"
	 " UNIQUE (msg_id, seq));"
	 "CREATE INDEX out_part_due ON out_part (state, next_try_at);"
	 "CREATE INDEX out_part_mr ON out_part (modem, mr, state);"
	 "CREATE TABLE bookings ("
	 " id INTEGER PRIMARY KEY,"
	 " ref TEXT NOT NULL UNIQUE,"
	 " service TEXT NOT NULL,"
	 " start INTEGER NOT NULL,"
	 " minutes INTEGER NOT NULL CHECK (minutes > 0),"
	 " customer TEXT NOT NULL,"
	 " state INTEGER NOT NULL DEFAULT 0,"
	 " created_at INTEGER NOT NULL,"
	 " cancelled_at INTEGER NOT NULL DEFAULT 0);"
	 "CREATE INDEX bookings_service ON bookings (service, start);"
	 "CREATE INDEX bookings_customer ON bookings (customer, start);"
	 "CREATE INDEX bookings_start ON bookings (start);"
	 "CREATE TABLE conversations ("
	 " sender TEXT PRIMARY KEY,"
	 " kind TEXT NOT NULL,"
	 " state TEXT NOT NULL,"
	 " expires_at INTEGER NOT NULL,"
	 " updated_at INTEGER NOT NULL);"
	 "CREATE TABLE optouts ("
	 " number TEXT PRIMARY KEY,"
	 " since INTEGER NOT NULL);"},

    /* 2: the referral ledger, and reminders */
    {.sql =
	 "ALTER TABLE bookings ADD COLUMN reminded_at INTEGER NOT NULL"
	 " DEFAULT 0;"
	 "CREATE TABLE ledger ("
	 " id INTEGER PRIMARY KEY,"
	 " sender TEXT NOT NULL,"
	 " requested TEXT NOT NULL,"
	 " reason TEXT NOT NULL,"
	 " created_at INTEGER NOT NULL);"
	 "CREATE INDEX ledger_created ON ledger (created_at);"
	 "CREATE TABLE ledger_referral ("
	 " ledger_id INTEGER NOT NULL REFERENCES ledger (id) ON DELETE CASCADE,"
	 " position INTEGER NOT NULL,"
	 " name TEXT NOT NULL,"
	 " PRIMARY KEY (ledger_id, position));"
	 "CREATE INDEX ledger_referral_name ON ledger_referral (name,"
	 " ledger_id);"},

    /*
     * 3 (modem): the sender's type of number on inbound rows; the parts of
     * long texts kept until their message is whole (and, once it is, as a
     * record that they were answered, so a re-read part is never answered
     * again); PINs a SIM refused, so that no later start enters them again.
     */
    {.sql = "ALTER TABLE inbox ADD COLUMN sender_ton INTEGER NOT NULL"
	    " DEFAULT -1;"
	    "CREATE TABLE in_part ("
	    " id INTEGER PRIMARY KEY,"
	    " sender TEXT NOT NULL,"
	    " sender_ton INTEGER NOT NULL,"
	    " ref INTEGER NOT NULL,"
	    " total INTEGER NOT NULL,"
	    " seq INTEGER NOT NULL,"
	    " pdu_hex TEXT NOT NULL,"
	    " tpdu_len INTEGER NOT NULL,"
	    " modem TEXT NOT NULL DEFAULT '',"
	    " received_at INTEGER NOT NULL,"
	    " inbox_id INTEGER REFERENCES inbox (id),"
	    " UNIQUE (sender, pdu_hex));"
	    "CREATE INDEX in_part_group ON in_part (sender, ref, total,"
	    " received_at);"
	    "CREATE INDEX in_part_open ON in_part (inbox_id, received_at);"
	    "CREATE TABLE sim_pin_refused ("
	    " sim_id TEXT NOT NULL,"
	    " pin_hash TEXT NOT NULL,"
	    " refused_at INTEGER NOT NULL,"
	    " PRIMARY KEY (sim_id, pin_hash));"},

    /* 4: the staff's side — bookings staff make (who made it, a name, a
     * note), blocks, lost demand taken up later, and the key that keeps a
     * forgotten customer's opt-out as a keyed hash (store_privacy.c) */
    {.sql = "ALTER TABLE bookings ADD COLUMN made_by INTEGER NOT NULL"
	    " DEFAULT 0;"
	    "ALTER TABLE bookings ADD COLUMN name TEXT NOT NULL DEFAULT '';"
	    "ALTER TABLE bookings ADD COLUMN note TEXT NOT NULL DEFAULT '';"
	    "CREATE TABLE blocks ("
	    " id INTEGER PRIMARY KEY,"
	    " service TEXT NOT NULL DEFAULT '',"
	    " start INTEGER NOT NULL,"
	    " end_at INTEGER NOT NULL CHECK (end_at > start),"
	    " reason TEXT NOT NULL DEFAULT '',"
	    " created_at INTEGER NOT NULL);"
	    "CREATE INDEX blocks_start ON blocks (start);"
	    "ALTER TABLE ledger ADD COLUMN taken_at INTEGER NOT NULL"
	    " DEFAULT 0;"
	    "CREATE INDEX ledger_sender ON ledger (sender, created_at);"
	    "CREATE TABLE secrets ("
	    " name TEXT PRIMARY KEY,"
	    " value TEXT NOT NULL);",
     .fix = db_privacy_setup},

    /* 5 (desk): a moved booking names its successor (desk: an old reference
     * after a move points to the new one) */
    {.sql = "ALTER TABLE bookings ADD COLUMN moved_to TEXT NOT NULL"
	    " DEFAULT '';"},

    /*
     * 6 (outbox): the outbox's expiry and flags, the bearer's own message id,
     * and a small key/value table for facts about the file itself (the tag of
     * store_renumber). Replies queued before replies could expire get the
     * default reply expiry (240 minutes), so an upgrade after an outage
     * does not send them days late.
     */
    {.sql =
	 "ALTER TABLE out_msg ADD COLUMN expires_at INTEGER NOT NULL"
	 " DEFAULT 0;"
	 "ALTER TABLE out_msg ADD COLUMN flags INTEGER NOT NULL DEFAULT 0;"
	 "ALTER TABLE out_part ADD COLUMN ref TEXT NOT NULL DEFAULT '';"
	 "CREATE INDEX out_part_ref ON out_part (modem, ref) WHERE ref != '';"
	 "UPDATE out_msg SET expires_at = created_at + 240 * 60"
	 " WHERE origin = 0;"
	 "CREATE TABLE meta ("
	 " key TEXT PRIMARY KEY,"
	 " value TEXT NOT NULL);"},

    /*
     * 7 (handoff): texts handed to a person — a handoff per customer talk
     * with its short code (its customer is its first text's sender, so the
     * privacy prune and erasure need nothing more), the texts in it, the
     * forwards to the staff (for the limits), refused staff commands (for
     * the lock-out), and the daemon's heartbeat for `smsdesk status`.
     */
    {.sql = "CREATE TABLE handoff ("
	    " id INTEGER PRIMARY KEY,"
	    " code TEXT NOT NULL,"
	    " inbox_id INTEGER NOT NULL REFERENCES inbox (id),"
	    " why TEXT NOT NULL,"
	    " created_at INTEGER NOT NULL,"
	    " last_in_at INTEGER NOT NULL,"
	    " answered_at INTEGER NOT NULL DEFAULT 0,"
	    " answered_by TEXT NOT NULL DEFAULT '');"
	    "CREATE INDEX handoff_code ON handoff (code, last_in_at);"
	    "CREATE INDEX handoff_active ON handoff (last_in_at);"
	    "CREATE INDEX handoff_first ON handoff (inbox_id);"
	    "CREATE TABLE handoff_text ("
	    " handoff_id INTEGER NOT NULL REFERENCES handoff (id)"
	    " ON DELETE CASCADE,"
	    " inbox_id INTEGER NOT NULL REFERENCES inbox (id),"
	    " forwarded_at INTEGER NOT NULL DEFAULT 0,"
	    " PRIMARY KEY (handoff_id, inbox_id));"
	    "CREATE TABLE handoff_forward ("
	    " handoff_id INTEGER NOT NULL REFERENCES handoff (id)"
	    " ON DELETE CASCADE,"
	    " at INTEGER NOT NULL);"
	    "CREATE INDEX handoff_forward_id ON handoff_forward (handoff_id,"
	    " at);"
	    "CREATE INDEX handoff_forward_at ON handoff_forward (at);"
	    "CREATE TABLE staff_refusal ("
	    " phone TEXT NOT NULL,"
	    " at INTEGER NOT NULL);"
	    "CREATE INDEX staff_refusal_phone ON staff_refusal (phone, at);"
	    "CREATE TABLE health ("
	    " id INTEGER PRIMARY KEY CHECK (id = 1),"
	    " pid INTEGER NOT NULL,"
	    " version TEXT NOT NULL,"
	    " started_at INTEGER NOT NULL,"
	    " updated_at INTEGER NOT NULL,"
	    " stopped_at INTEGER NOT NULL DEFAULT 0,"
	    " ready INTEGER NOT NULL DEFAULT 0,"
	    " status TEXT NOT NULL DEFAULT '');"
	    "CREATE TABLE health_bearer ("
	    " position INTEGER PRIMARY KEY,"
	    " name TEXT NOT NULL,"
	    " kind TEXT NOT NULL,"
	    " state TEXT NOT NULL,"
	    " rssi INTEGER NOT NULL,"
	    " reg INTEGER NOT NULL,"
	    " since INTEGER NOT NULL,"
	    " detail TEXT NOT NULL);"},

    /*
     * 8 (handoff): the summary texts sent to staff, one row per staff phone,
     * kind ("daily", "weekly") and period (the local day or the week's
     * Monday), so that a restart never sends one twice. A staff phone is
     * the business's, not a customer's: nothing here to prune or forget.
     */
    {.sql = "CREATE TABLE staff_summary ("
	    " phone TEXT NOT NULL,"
	    " kind TEXT NOT NULL,"
	    " period TEXT NOT NULL,"
	    " at INTEGER NOT NULL,"
	    " msg_id INTEGER NOT NULL DEFAULT 0,"
	    " note TEXT NOT NULL DEFAULT '',"
	    " PRIMARY KEY (phone, kind, period));"},

    /*
     * 9 (lang): the language a customer writes in (ISO 639-1, "" not yet
     * known), kept with their conversation for follow-ups and reminders;
     * a conversation that ends keeps its row while it has a language.
     */
    {.sql = "ALTER TABLE conversations ADD COLUMN lang TEXT NOT NULL"
	    " DEFAULT '';"},

    /* append the next step here */
};

#define N_MIGRATIONS ((int)(sizeof(migrations) / sizeof(migrations[0])))

_Static_assert(N_MIGRATIONS == STORE_SCHEMA_VERSION,
	       "STORE_SCHEMA_VERSION must match the migration table");

/*
 * Bring the schema from whatever it is to `target`, in one transaction, so
 * a crash mid-upgrade leaves the old version intact. Re-reads the version
 * under the write lock: another process may have upgraded meanwhile.
 */
int db_migrate(struct store *st, int target, char *err, size_t cap)
{
	struct tx tx;
	int version, rc;
	char pragma[48];

	rc = db_tx_enter(st, &tx);
	if (rc < 0) {
		snprintf(err, cap, "cannot lock the database to upgrade it: %s",
			 st->errmsg);
		return rc;
	}
	rc = db_user_version(st, &version);
	for (int v = version; rc == STORE_OK && v < target; v++) {
		rc = db_script(st, migrations[v].sql);
		if (rc == STORE_OK && migrations[v].fix != NULL)
			rc = migrations[v].fix(st);
		if (rc != STORE_OK)
			snprintf(err, cap,
				 "upgrading the schema to version "
				 "%d failed: %s",
				 v + 1, st->errmsg);
	}
	if (rc == STORE_OK && version < target) {
		snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d",
			 target);
		rc = db_script(st, pragma);
	}
	return db_tx_leave(st, &tx, rc);
}
