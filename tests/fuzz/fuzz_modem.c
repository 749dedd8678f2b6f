/*
 * fuzz_modem: arbitrary bytes as a modem's answers and unsolicited lines,
 * through the real at + modem (start-up table, PIN guard, reads, deletes,
 * memory switches, sends, health checks), on an in-memory port with a fake
 * clock. The input is a list of records: one byte of time to let pass (in
 * units of 250 ms, so every time-out and retry can fire), one byte of
 * length, then that many bytes from the "modem". A second driver checks the
 * same record list when the port drops between records.
 *
 * Properties: no crash, no sanitizer report, no leak; every borrowed line
 * fits the bounds at promises; the driver never waits on a deadline in the
 * past forever (modem_next_deadline is -1 or a time); the PIN is entered
 * again only after the SIM accepted it (a power cycle asks again), and never
 * when the guard says it was refused.
 */
#include "smsdesk/log.h"
#include "smsdesk/modem.h"
#include "smsdesk/serial.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

struct fake {
	const uint8_t *in; /* bytes the modem "sends" now */
	size_t in_len;
	int open;
	int drop;		/* the next read fails: the line went away */
	unsigned long written;	/* bytes the driver wrote */
	unsigned long pin_sent; /* AT+CPIN= written */
	int guard_refuses;
	unsigned long accepted; /* the SIM said OK to the PIN */
	struct modem *m;
	int sends;
};

static int f_open(void *ctx, const char *device, int baud, char *err,
		  size_t errlen)
{
	struct fake *f = ctx;

	(void)device;
	(void)baud;
	(void)err;
	(void)errlen;
	f->open = 1;
	f->drop = 0;
	return 0;
}

static long f_read(void *ctx, void *buf, size_t cap)
{
	struct fake *f = ctx;
	size_t n = f->in_len < cap ? f->in_len : cap;

	if (f->drop)
		return SERIAL_ERR_CLOSED;
	if (n == 0)
		return 0;
	memcpy(buf, f->in, n);
	f->in += n;
	f->in_len -= n;
	return (long)n;
}

static long f_write(void *ctx, const void *buf, size_t len)
{
	struct fake *f = ctx;
	static const char pin[] = "AT+CPIN=\"";

	if (len >= sizeof(pin) - 1 && memmem(buf, len, pin, sizeof(pin) - 1))
		f->pin_sent++;
	f->written += len;
	return (long)len;
}

static void f_close(void *ctx)
{
	((struct fake *)ctx)->open = 0;
}

static int f_fd(void *ctx)
{
	(void)ctx;
	return -1;
}

static void on_message(void *ctx, const struct modem_message *msg)
{
	struct fake *f = ctx;

	if (msg->pdu_hex == NULL || msg->memory == NULL)
		abort();
	/* "Committed": delete it, and answer now and then. */
	modem_delete(f->m, msg);
	if (f->sends < 4 && modem_send_pdu(f->m,
					   "0001000B916407281553F8000001"
					   "E8",
					   14, f) == 0)
		f->sends++;
}

static void on_result(void *ctx, const struct modem_send_result *r)
{
	if (r->error == NULL || r->cookie != ctx)
		abort();
}

static int guard_refused(void *ctx, const char *sim_id, const char *pin)
{
	struct fake *f = ctx;

	if (sim_id == NULL || pin == NULL)
		abort();
	return f->guard_refuses;
}

static void guard_result(void *ctx, const char *sim_id, const char *pin,
			 int accepted)
{
	struct fake *f = ctx;

	if (sim_id == NULL || pin == NULL)
		abort();
	f->accepted += accepted != 0;
}

/*
 * A PIN is entered again only after the SIM accepted it (a power cycle
 * asks again), never after a refusal or an entry whose answer never came,
 * and never when the guard remembers a refusal.
 */
static void check_pin(const struct fake *f, int refuses)
{
	if (f->pin_sent > 1 + f->accepted || (refuses && f->pin_sent > 0))
		abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* Quiet, unless FUZZ_MODEM_LOG is set (to read a seed's dialogue). */
	log_init(getenv("FUZZ_MODEM_LOG") != NULL ? LOG_LEVEL_DEBUG
						  : LOG_LEVEL_ERROR - 1,
		 "fuzz");
	return 0;
}

static void run(const uint8_t *data, size_t size, int drops, int refuses)
{
	struct fake f = {.guard_refuses = refuses};
	struct modem_io io = {.open = f_open,
			      .read = f_read,
			      .write = f_write,
			      .close = f_close,
			      .fd = f_fd,
			      .ctx = &f};
	struct modem_pin_guard g = {
	    .refused = guard_refused, .result = guard_result, .ctx = &f};
	struct modem_callbacks cb = {.ctx = &f,
				     .message = on_message,
				     .status_report = on_message,
				     .send_result = on_result};
	struct modem_config cfg = {.device = "/dev/fuzz",
				   .pin = "1234",
				   .pin_guard = &g,
				   .io = &io,
				   .command_timeout_ms = 1000,
				   .health_interval_ms = 5000};
	int64_t now = 1000;
	size_t pos = 0;
	char err[256];

	f.m = modem_new(&cfg, &cb);
	if (f.m == NULL)
		return;
	modem_start(f.m, now, err, sizeof(err));
	modem_step(f.m, 0, now); /* the first command goes out */
	while (pos + 2 <= size) {
		int64_t pass = (int64_t)data[pos] * 250;
		size_t len = data[pos + 1];
		pos += 2;
		if (len > size - pos)
			len = size - pos;
		f.in = data + pos;
		f.in_len = len;
		pos += len;
		if (drops && (data[pos - 1 - (len ? 0 : 1)] & 0x3f) == 0)
			f.drop = 1;
		/* Steps until the bytes are read, then let time pass. */
		for (int i = 0; i < 4; i++)
			modem_step(f.m, 1, now);
		now += pass;
		modem_step(f.m, 0, now);
		int64_t d = modem_next_deadline(f.m);
		if (d < -1)
			abort();
		check_pin(&f, refuses);
	}
	/* Run out the clock: everything in flight ends. */
	for (int i = 0; i < 50; i++) {
		now += 30000;
		modem_step(f.m, 0, now);
	}
	check_pin(&f, refuses);
	modem_free(f.m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	run(data + 1, size - 1, data[0] & 1, (data[0] >> 1) & 1);
	return 0;
}
