/*
 * simlock: a modem PIN guard backed by the store. See simlock.h.
 */
#include "smsdesk/simlock.h"

#include "smsdesk/log.h"

#include <stdio.h>
#include <time.h>

/* FNV-1a, 64 bit, over "smsdesk-pin\0" SIM_ID "\0" PIN. */
void simlock_hash(const char *sim_id, const char *pin, char out[17])
{
	static const char tag[] = "smsdesk-pin";
	uint64_t h = 0xcbf29ce484222325u;
	const char *parts[3] = {tag, sim_id, pin};

	for (int i = 0; i < 3; i++) {
		for (const unsigned char *p = (const unsigned char *)parts[i];
		     *p != '\0'; p++) {
			h ^= *p;
			h *= 0x100000001b3u;
		}
		h *= 0x100000001b3u; /* the "\0" between parts (x ^ 0 == x) */
	}
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}

static int refused(void *ctx, const char *sim_id, const char *pin)
{
	char hash[17];
	int rc;

	simlock_hash(sim_id, pin, hash);
	rc = store_sim_pin_refused(ctx, sim_id, hash);
	if (rc < 0) {
		/* Cannot tell: do not risk a try. */
		log_error("cannot read the PINs refused before (%s): not "
			  "entering the PIN",
			  store_strerror(rc));
		return 1;
	}
	return rc;
}

static void result(void *ctx, const char *sim_id, const char *pin, int accepted)
{
	char hash[17];
	int rc;

	simlock_hash(sim_id, pin, hash);
	/* The wall clock is only a label here (when it was refused). */
	rc = store_sim_pin_record(ctx, sim_id, hash, accepted,
				  (int64_t)time(NULL));
	if (rc < 0)
		log_error("cannot remember that the SIM %s the PIN (%s): the "
			  "next start may enter it again",
			  accepted ? "accepted" : "refused",
			  store_strerror(rc));
}

void simlock_guard(struct store *st, struct modem_pin_guard *out)
{
	out->refused = refused;
	out->result = result;
	out->ctx = st;
}
