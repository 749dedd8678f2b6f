/*
 * fuzz_at: any byte stream, cut into chunks the input chooses, with a
 * command of each shape in flight (plain, prefixed with PDU lines, the
 * AT+CMGS prompt), must end every command exactly once and never let a
 * borrowed line outgrow the bounded buffer.
 */
#include "smsdesk/at.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct fuzz_ctx {
	int finals;
	struct at *at;
};

static void on_event(void *ctx, const struct at_event *ev)
{
	struct fuzz_ctx *f = ctx;

	if (ev->line != NULL && strlen(ev->line) > AT_LINE_MAX)
		abort();
	if (ev->pdu != NULL && strlen(ev->pdu) > AT_LINE_MAX)
		abort();
	if (ev->kind == AT_EVENT_FINAL)
		f->finals++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_ctx f = {0};
	struct at_config cfg = {.on_event = on_event, .ctx = &f};
	struct at_cmd cmds[3] = {
	    {.cmd = "AT+CGMI", .timeout_ms = 50, .tag = 1},
	    {.cmd = "AT+CMGL=4",
	     .prefix = "+CMGL:",
	     .pdu_follows = 1,
	     .timeout_ms = 50,
	     .tag = 2},
	    {.cmd = "AT+CMGS=5",
	     .prefix = "+CMGS:",
	     .body = "0001000000",
	     .timeout_ms = 50,
	     .tag = 3},
	};
	size_t pos = 0, len;
	int64_t now = 0;
	int sent = 0;

	if (size < 1)
		return 0;
	f.at = at_new(&cfg);
	if (f.at == NULL)
		return 0;
	at_add_final_error(f.at, "COMMAND NOT SUPPORT");
	at_add_urc(f.at, "+QX:", 1, 1);
	at_add_urc(f.at, "+CMT:", 1, 2);
	at_add_urc(f.at, "+CMTI:", 0, 3);
	for (int i = 0; i < 3; i++)
		sent += at_send(f.at, &cmds[i], now) == 0;
	while (pos < size) {
		size_t chunk = (data[pos] % 16) + 1;
		pos++;
		if (chunk > size - pos)
			chunk = size - pos;
		at_output(f.at, &len);
		at_consumed(f.at, len);
		at_feed(f.at, data + pos, chunk, now);
		pos += chunk;
		now += 7;
		at_tick(f.at, now);
	}
	at_tick(f.at, now + 1000);
	at_tick(f.at, now + 2000);
	at_tick(f.at, now + 3000);
	if (f.finals != sent || at_busy(f.at))
		abort();
	at_free(f.at);
	return 0;
}
