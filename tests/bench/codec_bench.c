/*
 * codec_bench: the work the daemon does per message, in a loop.
 *
 *   codec_bench CASE ITERATIONS
 *
 * CASE is decode-gsm7, encode-gsm7 (a 160-character text, one segment),
 * decode-ucs2 or encode-ucs2 (70 Cyrillic characters). Prints the
 * messages per second. Built and run by tests/bench/codec.sh, which also
 * runs it under callgrind with 0 and N iterations: the difference over N
 * is the instruction count of one message, free of start-up costs.
 */
#include "smsdesk/pdu.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static volatile unsigned sink;

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void make_text(char *out, int gsm7)
{
	static const char gsm[] = "Can I get a haircut tomorrow at 10? ";
	static const char cyr[] = "Можно записаться на стрижку? ";
	const char *unit = gsm7 ? gsm : cyr;
	size_t pos = 0, i = 0, units = 0, want = gsm7 ? 160 : 70;

	/* Whole characters only, to exactly one full segment. */
	while (units < want) {
		unsigned char c = (unsigned char)unit[i];
		size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;

		memcpy(out + pos, unit + i, n);
		pos += n;
		units++;
		i += n;
		if (unit[i] == '\0')
			i = 0;
	}
	out[pos] = '\0';
}

int main(int argc, char **argv)
{
	struct pdu_deliver_options o = {
	    .smsc = "+447785016005",
	    .timestamp = {2026, 11, 23, 9, 0, 0, 60},
	    .msg_class = -1,
	};
	struct pdu_segment seg;
	struct pdu_error err;
	struct sms_pdu pdu;
	char text[1024];
	long i, n;
	int gsm7, decode;
	double t0, dt;

	if (argc != 3) {
		fprintf(stderr, "usage: codec_bench CASE ITERATIONS\n");
		return 2;
	}
	gsm7 = strstr(argv[1], "gsm7") != NULL;
	decode = strncmp(argv[1], "decode", 6) == 0;
	n = atol(argv[2]);
	make_text(text, gsm7);
	if (pdu_encode_deliver(text, "+447700900001", &o, &seg, 1, &err) != 1) {
		fprintf(stderr, "codec_bench: %s\n", err.msg);
		return 1;
	}
	t0 = now_seconds();
	for (i = 0; i < n; i++) {
		if (decode) {
			pdu_decode(seg.hex, PDU_SMSC_AUTO, &pdu, &err);
			sink += (unsigned)pdu.text_len;
		} else {
			struct pdu_segment out;

			pdu_encode_submit(text, "+447700900001", NULL, &out, 1,
					  &err);
			sink += (unsigned)out.tpdu_len;
		}
	}
	dt = now_seconds() - t0;
	if (n > 0)
		printf("%.0f\n", dt > 0 ? (double)n / dt : 0.0);
	return 0;
}
