/*
 * wallclock: the desk's clock and its steps. See include/smsdesk/wallclock.h.
 */
#include "smsdesk/wallclock.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int64_t ms_of(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The offset file: one signed number of seconds; anything else is 0. */
static int64_t read_offset(const char *path)
{
	char buf[32];
	FILE *f;
	long long v = 0;

	if (path == NULL || (f = fopen(path, "re")) == NULL)
		return 0;
	if (fgets(buf, sizeof(buf), f) != NULL)
		v = strtoll(buf, NULL, 10);
	fclose(f);
	return (int64_t)v;
}

static int64_t skew_now(const struct wallclock *c)
{
	return ms_of(CLOCK_REALTIME) + c->test_offset * 1000 -
	       ms_of(CLOCK_BOOTTIME);
}

void wallclock_init(struct wallclock *c, int64_t pinned,
		    const char *offset_file)
{
	c->offset_file = offset_file;
	c->test_offset = read_offset(offset_file);
	c->pin_offset = 0;
	c->pin_offset = pinned >= 0 ? pinned - wallclock_now(c) : 0;
	c->skew_ms = skew_now(c);
}

int64_t wallclock_now(const struct wallclock *c)
{
	return (int64_t)time(NULL) + c->test_offset + c->pin_offset;
}

int64_t wallclock_step(struct wallclock *c)
{
	int64_t skew, step;

	c->test_offset = read_offset(c->offset_file);
	skew = skew_now(c);
	step = skew - c->skew_ms;
	c->skew_ms = skew;
	if (step > -WALLCLOCK_STEP_MS && step < WALLCLOCK_STEP_MS)
		return 0;
	/* Round to whole seconds, away from zero at .5. */
	return step >= 0 ? (step + 500) / 1000 : -((-step + 500) / 1000);
}
