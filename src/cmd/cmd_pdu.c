/*
 * smsdesk pdu: decode and encode SMS PDUs by hand, for installers checking
 * what a modem prints or takes. Thin: the work is in pdu, gsm7 and concat.
 */
#include "smsdesk/cli.h"
#include "smsdesk/concat.h"
#include "smsdesk/pdu.h"

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char decode_usage[] =
    "usage: smsdesk pdu decode [--smsc | --no-smsc | --length N] HEX...\n"
    "\n"
    "Print the fields of each SMS PDU as 'key: value' lines, text last\n"
    "(newlines as \\n, backslashes as \\\\). Several PDUs that are parts of\n"
    "one long message are printed once, reassembled; parts that are\n"
    "missing make it 'complete: no'. A malformed PDU prints\n"
    "'error: <reason>' and exits 1.\n"
    "\n"
    "A national language shift table in the header (Turkish, Spanish,\n"
    "Portuguese, the languages of India, Urdu) is used to decode the text\n"
    "and shown as 'shift: locking LANG (ID), single LANG (ID)'.\n"
    "\n"
    "The SMSC prefix: AT+CMGR and +CMT print one before the TPDU, AT+CMGS\n"
    "takes hex with or without it. Unless told, both readings are tried: one\n"
    "that decodes and uses every octet wins, the prefixed one first; then\n"
    "any that decodes. The <length> a modem prints with +CMGR counts the\n"
    "TPDU only, so --length settles it, and ends the message there: octets\n"
    "past it (a SIM record's FF padding) are not read ('ignored: N').\n"
    "\n"
    "  --smsc       the hex starts with the SMSC address\n"
    "  --no-smsc    the hex starts with the TPDU\n"
    "  --length N   the modem's <length> (one PDU only)\n";

static const char encode_usage[] =
    "usage: smsdesk pdu encode --to NUMBER [OPTIONS] TEXT...\n"
    "\n"
    "Print the SMS-SUBMIT PDUs for TEXT (the words joined by spaces), one\n"
    "per line, as AT+CMGS sends them: with the 00 SMSC prefix (the modem's\n"
    "own SMSC). GSM-7 when every character fits, else UCS-2 (or, with\n"
    "--shift, GSM-7 with a national language table when that takes fewer\n"
    "segments); long texts are split into concatenated segments. The\n"
    "plan goes to stderr: 'segments: N encoding: E shift: ...'.\n"
    "\n"
    "  --to NUMBER          +447700900123 or national digits\n"
    "  --status-report      ask for a delivery report\n"
    "  --validity MINUTES   relative validity period\n"
    "  --ref N              concatenation reference 0-255 (default 0)\n"
    "  --shift LANG         may use that language's national single shift\n"
    "                       table (tr, es, pt, bn, gu, hi, kn, ml, or, pa,\n"
    "                       ta, te, ur) where it needs fewer segments than\n"
    "                       UCS-2; 'auto' tries every language\n"
    "  --locking            with --shift: may also use the locking shift\n"
    "                       table (only for phones known to support it)\n"
    "  --lengths            print 'LENGTH HEX': LENGTH is AT+CMGS=<length>\n";

static const char pdu_usage[] =
    "usage: smsdesk pdu decode [--smsc | --no-smsc | --length N] HEX...\n"
    "       smsdesk pdu encode --to NUMBER [OPTIONS] TEXT...\n"
    "\n"
    "Decode SMS PDUs as a modem prints them, or encode a text as the\n"
    "SMS-SUBMIT PDUs AT+CMGS takes. 'smsdesk pdu decode --help' and\n"
    "'smsdesk pdu encode --help' tell more.\n";

static void print_escaped(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\n')
			fputs("\\n", stdout);
		else if (c == '\r')
			fputs("\\r", stdout);
		else if (c == '\t')
			fputs("\\t", stdout);
		else if (c == '\\')
			fputs("\\\\", stdout);
		else if (c < 0x20 || c == 0x7F)
			printf("\\x%02X", c);
		else
			putchar(c);
	}
	putchar('\n');
}

static void print_time(const char *key, const struct sms_time *t)
{
	char buf[40];

	sms_time_format(t, buf, sizeof(buf));
	printf("%s: %s\n", key, buf);
}

static void print_validity(const struct pdu_validity *v)
{
	switch (v->format) {
	case PDU_VP_NONE:
		printf("validity: -\n");
		return;
	case PDU_VP_RELATIVE:
		printf("validity: relative %llds\n", (long long)v->seconds);
		return;
	case PDU_VP_ENHANCED:
		printf("validity: enhanced %llds\n", (long long)v->seconds);
		return;
	case PDU_VP_ABSOLUTE:
		print_time("validity", &v->absolute);
		return;
	}
}

/* Everything but concat and text, which depend on reassembly. */
static void print_head(const struct sms_pdu *p)
{
	printf("type: %s\n", pdu_type_name(p->type));
	printf("smsc: %s\n", p->smsc[0] != '\0' ? p->smsc : "-");
	printf("number: %s\n", p->number[0] != '\0' ? p->number : "-");
	printf("number_type: %s\n", sms_number_type_name(p->number_type));
	printf("encoding: %s\n", sms_encoding_name(p->encoding));
	if (p->msg_class >= 0)
		printf("class: %d\n", p->msg_class);
	else
		printf("class: -\n");
	if (p->has_timestamp)
		print_time("timestamp", &p->timestamp);
	else
		printf("timestamp: -\n");
	if (p->pid >= 0)
		printf("pid: 0x%02X\n", p->pid);
	if (p->dcs >= 0)
		printf("dcs: 0x%02X\n", p->dcs);
	if (p->type == PDU_SUBMIT || p->type == PDU_STATUS_REPORT)
		printf("mr: %d\n", p->mr);
	if (p->type == PDU_SUBMIT)
		print_validity(&p->validity);
	if (p->type == PDU_STATUS_REPORT) {
		print_time("discharge", &p->discharge);
		printf("status: 0x%02X (%s)\n", p->status,
		       p->status < 0x20	  ? "delivered"
		       : p->status < 0x40 ? "still trying"
					  : "failed");
	}
	printf("status_report: %s\n", p->status_report ? "yes" : "no");
	if (p->ports.present)
		printf("ports: %d/%d\n", p->ports.dst, p->ports.src);
	if (p->locking_lang != 0 || p->single_lang != 0)
		printf("shift: locking %s (%d), single %s (%d)\n",
		       gsm7_lang_name(p->locking_lang), p->locking_lang,
		       gsm7_lang_name(p->single_lang), p->single_lang);
	else
		printf("shift: -\n");
	if (p->ignored_octets > 0)
		printf("ignored: %d octets after the message\n",
		       p->ignored_octets);
}

static int decode_one(const char *hex, enum pdu_smsc_mode mode, int length,
		      struct sms_pdu *out, int index, int count)
{
	struct pdu_error err;
	int rc;

	if (length >= 0)
		rc = pdu_decode_len(hex, length, out, &err);
	else
		rc = pdu_decode(hex, mode, out, &err);
	if (rc == PDU_OK)
		return 0;
	if (count > 1)
		printf("error: PDU %d: %s\n", index + 1, err.msg);
	else
		printf("error: %s\n", err.msg);
	return -1;
}

static void print_message(const struct concat_message *m,
			  const struct sms_pdu *pdus)
{
	const struct sms_pdu *h = m->head;
	int i;

	print_head(h);
	if (!h->concat.present || h->concat.total <= 1) {
		printf("concat: -\n");
	} else {
		printf("concat: %d/%d/", h->concat.ref, h->concat.total);
		for (i = 0; i < m->received; i++)
			printf("%s%d", i ? "," : "",
			       pdus[m->tags[i]].concat.seq);
		printf("\ncomplete: %s (%d of %d parts)\n",
		       m->incomplete ? "no" : "yes", m->received, m->total);
	}
	printf("text: ");
	print_escaped(m->text, m->text_len);
}

static int decode_all(char **hexes, int count, enum pdu_smsc_mode mode,
		      int length)
{
	struct concat_config cfg = {(size_t)count, INT64_MAX};
	struct concat_message m;
	struct sms_pdu *pdus;
	struct concat *c;
	int i, rc = CLI_OK, first = 1;

	pdus = calloc((size_t)count, sizeof(*pdus));
	c = concat_new(&cfg);
	if (pdus == NULL || c == NULL) {
		fprintf(stderr, "smsdesk pdu: out of memory\n");
		free(pdus);
		concat_free(c);
		return CLI_BAD_INPUT;
	}
	for (i = 0; i < count && rc == CLI_OK; i++) {
		if (decode_one(hexes[i], mode, length, &pdus[i], i, count) < 0)
			rc = CLI_BAD_INPUT;
	}
	for (i = 0; i < count && rc == CLI_OK; i++) {
		if (concat_add(c, &pdus[i], i, 0) == CONCAT_DUPLICATE)
			fprintf(stderr,
				"smsdesk pdu: PDU %d repeats a part: "
				"ignored\n",
				i + 1);
	}
	while (rc == CLI_OK && concat_pop(c, INT64_MAX, &m) == 1) {
		if (!first)
			putchar('\n');
		first = 0;
		print_message(&m, pdus);
	}
	concat_free(c);
	free(pdus);
	return rc;
}

static int cmd_pdu_decode(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"help", no_argument, NULL, 'h'},
	    {"smsc", no_argument, NULL, 's'},
	    {"no-smsc", no_argument, NULL, 'n'},
	    {"length", required_argument, NULL, 'l'},
	    {NULL, 0, NULL, 0},
	};
	enum pdu_smsc_mode mode = PDU_SMSC_AUTO;
	int c, length = -1;
	char *end;

	optind = 0;
	while ((c = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			fputs(decode_usage, stdout);
			return CLI_OK;
		case 's':
			mode = PDU_SMSC_PRESENT;
			break;
		case 'n':
			mode = PDU_SMSC_ABSENT;
			break;
		case 'l':
			length = (int)strtol(optarg, &end, 10);
			if (*end != '\0' || length < 0 || length > 255)
				return cli_usage_error(
				    "pdu", "bad --length '%s'", optarg);
			break;
		default:
			return cli_usage_error("pdu", "bad option for decode");
		}
	}
	if (optind >= argc)
		return cli_usage_error("pdu", "decode needs at least one HEX");
	if (length >= 0 && argc - optind > 1)
		return cli_usage_error("pdu", "--length takes one PDU only");
	return decode_all(argv + optind, argc - optind, mode, length);
}

/* The words of TEXT... joined by single spaces. Caller frees. */
static char *join_words(char **words, int n)
{
	size_t len = 1, pos = 0;
	char *s;
	int i;

	for (i = 0; i < n; i++)
		len += strlen(words[i]) + 1;
	s = malloc(len);
	if (s == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		if (i > 0)
			s[pos++] = ' ';
		memcpy(s + pos, words[i], strlen(words[i]));
		pos += strlen(words[i]);
	}
	s[pos] = '\0';
	return s;
}

static int parse_int(const char *s, int lo, int hi, int *out)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v < lo || v > hi)
		return -1;
	*out = (int)v;
	return 0;
}

/* What the planner chose, on stderr (stdout stays AT+CMGS-ready). */
static void print_plan(const char *text, const struct pdu_submit_options *opt)
{
	struct sms_plan_options po = {.national_shift = opt->national_shift,
				      .locking_shift = opt->locking_shift,
				      .lang = opt->shift_lang};
	struct sms_plan plan;

	sms_plan_with(text, &po, &plan);
	fprintf(stderr, "segments: %d encoding: %s", plan.segments,
		sms_encoding_name(plan.encoding));
	if (plan.charset.locking != 0 || plan.charset.single != 0)
		fprintf(stderr, " shift: locking %s, single %s",
			gsm7_lang_name(plan.charset.locking),
			gsm7_lang_name(plan.charset.single));
	fprintf(stderr, "\n");
}

static int encode_and_print(const char *to, const char *text,
			    const struct pdu_submit_options *opt, int lengths)
{
	struct pdu_segment *segs;
	struct pdu_error err;
	int n, i;

	segs = malloc(SMS_MAX_SEGMENTS * sizeof(*segs));
	if (segs == NULL) {
		fprintf(stderr, "smsdesk pdu: out of memory\n");
		return CLI_BAD_INPUT;
	}
	n = pdu_encode_submit(text, to, opt, segs, SMS_MAX_SEGMENTS, &err);
	if (n < 0) {
		printf("error: %s\n", err.msg);
		free(segs);
		return CLI_BAD_INPUT;
	}
	print_plan(text, opt);
	for (i = 0; i < n; i++) {
		if (lengths)
			printf("%d ", segs[i].tpdu_len);
		printf("%s\n", segs[i].hex);
	}
	free(segs);
	return CLI_OK;
}

static int cmd_pdu_encode(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"help", no_argument, NULL, 'h'},
	    {"to", required_argument, NULL, 't'},
	    {"status-report", no_argument, NULL, 'r'},
	    {"validity", required_argument, NULL, 'v'},
	    {"ref", required_argument, NULL, 'f'},
	    {"lengths", no_argument, NULL, 'L'},
	    {"shift", required_argument, NULL, 's'},
	    {"locking", no_argument, NULL, 'k'},
	    {NULL, 0, NULL, 0},
	};
	struct pdu_submit_options opt = {.msg_class = -1};
	const char *to = NULL;
	int c, lengths = 0, rc;
	char *text;

	optind = 0;
	while ((c = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			fputs(encode_usage, stdout);
			return CLI_OK;
		case 't':
			to = optarg;
			break;
		case 'r':
			opt.status_report = 1;
			break;
		case 'v':
			if (parse_int(optarg, 1, 63 * 7 * 24 * 60,
				      &opt.validity_minutes) < 0)
				return cli_usage_error(
				    "pdu", "bad --validity '%s'", optarg);
			break;
		case 'f':
			if (parse_int(optarg, 0, 255, &opt.concat_ref) < 0)
				return cli_usage_error("pdu", "bad --ref '%s'",
						       optarg);
			break;
		case 'L':
			lengths = 1;
			break;
		case 's':
			opt.national_shift = 1;
			opt.shift_lang = strcmp(optarg, "auto") == 0
					     ? 0
					     : gsm7_lang_from_code(optarg);
			if (opt.shift_lang < 0 || (opt.shift_lang == 0 &&
						   strcmp(optarg, "auto") != 0))
				return cli_usage_error(
				    "pdu",
				    "bad --shift '%s' (tr, es, pt, ..., "
				    "or auto)",
				    optarg);
			break;
		case 'k':
			opt.locking_shift = 1;
			break;
		default:
			return cli_usage_error("pdu", "bad option for encode");
		}
	}
	if (to == NULL)
		return cli_usage_error("pdu", "encode needs --to NUMBER");
	if (opt.locking_shift && !opt.national_shift)
		return cli_usage_error("pdu", "--locking needs --shift");
	if (optind >= argc)
		return cli_usage_error("pdu", "encode needs a TEXT");
	text = join_words(argv + optind, argc - optind);
	if (text == NULL) {
		fprintf(stderr, "smsdesk pdu: out of memory\n");
		return CLI_BAD_INPUT;
	}
	rc = encode_and_print(to, text, &opt, lengths);
	free(text);
	return rc;
}

int cmd_pdu(int argc, char **argv)
{
	if (argc < 2)
		return cli_usage_error("pdu", "decode or encode?");
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(pdu_usage, stdout);
		return CLI_OK;
	}
	if (strcmp(argv[1], "decode") == 0)
		return cmd_pdu_decode(argc - 1, argv + 1);
	if (strcmp(argv[1], "encode") == 0)
		return cmd_pdu_encode(argc - 1, argv + 1);
	return cli_usage_error("pdu", "unknown action '%s'", argv[1]);
}
