/*
 * pdu: SMS transfer-layer PDUs of 3GPP TS 23.040 as a modem shows them in
 * PDU mode (AT+CMGF=0): SMS-DELIVER, SMS-SUBMIT and SMS-STATUS-REPORT, hex
 * in and hex out.
 *
 * Decoding is a bounds-checked walk: every field is read after a length
 * guard and a malformed PDU (truncated, lengths that lie, bad semi-octets,
 * a header longer than the user data, reserved or compressed coding) ends
 * in a negative enum pdu_errcode and a message naming the field. Decoders
 * fill caller structs; encoders write into caller arrays with a capacity.
 * Nothing here allocates, logs or does I/O.
 */
#ifndef SMSDESK_PDU_H
#define SMSDESK_PDU_H

#include <stddef.h>
#include <stdint.h>

#include "smsdesk/gsm7.h"

enum pdu_errcode {
	PDU_OK = 0,
	PDU_ERR_HEX = -1,	/* not hex, or an odd number of digits */
	PDU_ERR_SHORT = -2,	/* the PDU ends inside a field */
	PDU_ERR_LENGTH = -3,	/* a length field is out of range */
	PDU_ERR_SEMIOCTET = -4, /* a digit that is not a digit */
	PDU_ERR_TYPE = -5,	/* reserved message type indicator */
	PDU_ERR_DCS = -6,	/* compressed or reserved coding scheme */
	PDU_ERR_UDH = -7,	/* user-data header malformed */
	PDU_ERR_ADDRESS = -8,	/* encode: a number we cannot send to */
	PDU_ERR_TOO_LONG = -9,	/* encode: more segments than allowed */
	PDU_ERR_ARG = -10,	/* encode: an option out of range */
};

struct pdu_error {
	int code;      /* enum pdu_errcode */
	char msg[128]; /* e.g. "truncated in the originator address (TP-OA)" */
};

enum pdu_type {
	PDU_DELIVER = 0,       /* SC -> MS: a message for us (TP-MTI 00) */
	PDU_SUBMIT = 1,	       /* MS -> SC: a message we send (TP-MTI 01) */
	PDU_STATUS_REPORT = 2, /* SC -> MS: delivery outcome (TP-MTI 10) */
};

/* "deliver", "submit", "status-report". */
const char *pdu_type_name(enum pdu_type type);

/* Type of number, the TON bits of an address (TS 23.040 9.1.2.5). */
enum sms_number_type {
	SMS_NUMBER_UNKNOWN = 0,
	SMS_NUMBER_INTERNATIONAL = 1, /* shown with a leading '+' */
	SMS_NUMBER_NATIONAL = 2,
	SMS_NUMBER_NETWORK = 3,
	SMS_NUMBER_SUBSCRIBER = 4,
	SMS_NUMBER_ALPHANUMERIC = 5, /* GSM-7 packed name, cannot reply */
	SMS_NUMBER_ABBREVIATED = 6,
	SMS_NUMBER_RESERVED = 7,
};

/* "unknown", "international", "national", "network", "subscriber",
 * "alphanumeric", "abbreviated", "reserved". */
const char *sms_number_type_name(enum sms_number_type type);

/* Room for an address in UTF-8: 20 digits and '+', or 11 GSM-7 letters of
 * up to 3 bytes each (the euro sign), with the NUL. */
#define SMS_ADDR_MAX 48

/* A service-centre time stamp (TS 23.040 9.2.3.11): local time fields and
 * the offset of that local time from UTC, in minutes (quarter hours). */
struct sms_time {
	int year; /* 2000..2099 */
	int month, day, hour, minute, second;
	int tz_minutes; /* -79*15..79*15 */
};

/* Seconds since 1970-01-01 UTC. */
int64_t sms_time_to_utc(const struct sms_time *t);
/* The same time as fields with a chosen offset (for the encoders). */
void sms_time_from_utc(int64_t epoch, int tz_minutes, struct sms_time *out);
/* ISO 8601 with offset, "2026-11-23T09:00:00+01:00". Needs 26 bytes. */
void sms_time_format(const struct sms_time *t, char *out, size_t cap);

enum pdu_vp_format {
	PDU_VP_NONE = 0,
	PDU_VP_ENHANCED = 1,
	PDU_VP_RELATIVE = 2,
	PDU_VP_ABSOLUTE = 3,
};

struct pdu_validity {
	enum pdu_vp_format format; /* TP-VPF as sent */
	int relative_octet;	   /* PDU_VP_RELATIVE: the raw TP-VP octet */
	int64_t seconds; /* relative or enhanced duration; -1 unknown */
	struct sms_time absolute; /* PDU_VP_ABSOLUTE */
	uint8_t enhanced[7];	  /* PDU_VP_ENHANCED: the raw octets */
};

/* Concatenation from the user-data header (IEI 0x00 or 0x08). */
struct sms_concat {
	int present;  /* 0: a single message */
	int ref;      /* 0..255 or 0..65535 */
	int ref_bits; /* 8 or 16 */
	int total;    /* 1..255 */
	int seq;      /* 1..total */
};

/* Application port addressing (IEI 0x04 or 0x05). */
struct sms_ports {
	int present;
	int bits; /* 8 or 16 */
	int dst, src;
};

struct sms_pdu {
	enum pdu_type type;
	int has_smsc;		 /* the hex carried an SMSC prefix */
	char smsc[SMS_ADDR_MAX]; /* "" when absent or zero-length */
	int tpdu_len;		 /* octets after the SMSC part */

	/* Originator (DELIVER), destination (SUBMIT), recipient (STATUS). */
	char number[SMS_ADDR_MAX];
	enum sms_number_type number_type;
	int number_toa; /* the raw type-of-address octet */

	int first_octet;       /* raw TP-MTI and flags */
	int more_messages;     /* DELIVER: TP-MMS says more are waiting */
	int reply_path;	       /* TP-RP */
	int status_report;     /* TP-SRI (DELIVER), TP-SRR (SUBMIT),
				  TP-SRQ (STATUS-REPORT) */
	int reject_duplicates; /* SUBMIT: TP-RD */
	int mr;		       /* SUBMIT, STATUS-REPORT: TP-MR; else -1 */

	int pid; /* TP-PID; -1 when absent */
	int dcs; /* TP-DCS; -1 when absent */
	enum sms_encoding encoding;
	int msg_class; /* 0..3 (0 = flash), -1 for none */

	int has_timestamp;
	struct sms_time timestamp;    /* TP-SCTS (DELIVER, STATUS-REPORT) */
	struct pdu_validity validity; /* SUBMIT */

	int udhi; /* a user-data header was present */
	struct sms_concat concat;
	struct sms_ports ports;
	/* National language shift tables from the header (IEI 0x24 single
	 * shift, 0x25 locking shift; TS 23.040 9.2.3.24.15-16): the identifiers
	 * as sent (enum gsm7_lang), 0 when absent. GSM-7 text is decoded with
	 * them; an identifier without a table reads as the default. */
	int locking_lang, single_lang;

	/* User data after any header: septet codes (GSM-7) or octets. */
	uint8_t ud[160];
	size_t ud_len;
	char text[SMS_TEXT_MAX]; /* UTF-8, invalid input -> U+FFFD */
	size_t text_len;

	/* STATUS-REPORT */
	struct sms_time discharge; /* TP-DT */
	int status;		   /* TP-ST, 0x00 = delivered */
	int pi;			   /* TP-PI; -1 absent or ignored */

	/* Octets after the message that were not read: past the modem's
	 * <length> (pdu_decode_len), or a status report's padding. */
	int ignored_octets;
};

/* How pdu_decode treats a leading SMSC address. */
enum pdu_smsc_mode {
	PDU_SMSC_ABSENT = 0,  /* the hex starts with the TPDU */
	PDU_SMSC_PRESENT = 1, /* as AT+CMGR and +CMT print it */
	PDU_SMSC_AUTO = 2,    /* see pdu_decode */
};

/*
 * Decode one PDU from hex (upper or lower case, NUL-terminated).
 *
 * PDU_SMSC_AUTO: decode both ways; a reading that succeeds and uses every
 * octet wins, SMSC-prefixed first; then any reading that succeeds, prefixed
 * first. When both fail, the error of the reading that got further is
 * returned. Use pdu_decode_len when the modem gave the TPDU length.
 *
 * Returns PDU_OK or a negative pdu_errcode with err filled (err may be
 * NULL). out is always fully written (zeroed on error but for what was
 * decoded before the error).
 */
int pdu_decode(const char *hex, enum pdu_smsc_mode mode, struct sms_pdu *out,
	       struct pdu_error *err);

/*
 * Decode with the <length> of +CMGR/+CMGL/+CMT, which counts the TPDU
 * octets only, and end the message there: octets past the SMSC part and
 * tpdu_len octets (a SIM record's 0xFF padding) are not read, and counted
 * in ignored_octets. The hex holds an SMSC part when it is longer than
 * tpdu_len and its first octet leaves room for the TPDU; else the first
 * tpdu_len octets are the TPDU. Falls back to PDU_SMSC_AUTO when
 * tpdu_len < 0.
 */
int pdu_decode_len(const char *hex, int tpdu_len, struct sms_pdu *out,
		   struct pdu_error *err);

/* The same walk over binary octets. */
int pdu_decode_bin(const uint8_t *pdu, size_t len, int with_smsc,
		   struct sms_pdu *out, struct pdu_error *err);

/* One encoded segment: the hex as AT+CMGS sends it, SMSC part included. */
#define PDU_HEX_MAX 360
struct pdu_segment {
	char hex[PDU_HEX_MAX];
	int tpdu_len; /* octets after the SMSC part: AT+CMGS=<tpdu_len> */
};

struct pdu_submit_options {
	int status_report;    /* request a status report (TP-SRR) */
	int validity_minutes; /* 0: no TP-VP; else relative, rounded up
				 to the next step TS 23.040 allows */
	int concat_ref;	      /* 0..255, used when more than one segment:
				 keep it across retries so the phone can
				 tell a resend from a new message. 8-bit
				 references only, so that sms_plan's 153/67
				 units per segment hold. */
	int msg_class;	      /* -1 none; 0 flash .. 3 */
	int mr;		      /* TP-MR; 0 lets most modems assign it */
	/* National language shift tables (struct sms_plan_options): the
	 * cheapest encoding may use a single shift table (national_shift,
	 * the catalog's policy.national_shift), also a locking one
	 * (locking_shift), of shift_lang's language (0: any). */
	int national_shift;
	int locking_shift;
	int shift_lang;
};

/*
 * Encode utf8 (invalid bytes become U+FFFD) to `to` ("+447700900123" or
 * national digits) as SMS-SUBMIT segments, encoded and split as
 * sms_plan_with says for the options' shift-table choices, each
 * with the "00" SMSC prefix (the modem's default SMSC). opt may be NULL
 * (defaults: all zero, msg_class -1). Returns the segment count written
 * to segs[0..max_segs), or a negative pdu_errcode (PDU_ERR_TOO_LONG when
 * more than max_segs are needed, PDU_ERR_ADDRESS for a bad number).
 */
int pdu_encode_submit(const char *utf8, const char *to,
		      const struct pdu_submit_options *opt,
		      struct pdu_segment *segs, int max_segs,
		      struct pdu_error *err);

struct pdu_deliver_options {
	const char *smsc; /* "+447785016005"; NULL or "": zero length */
	struct sms_time timestamp; /* TP-SCTS, with its offset */
	int concat_ref;
	int concat_16bit;
	int msg_class;	    /* -1 none; 0 flash .. 3 */
	int more_messages;  /* TP-MMS: the SC holds more (usually 0) */
	int status_report;  /* TP-SRI */
	int national_shift; /* as in struct pdu_submit_options */
	int locking_shift;
	int shift_lang;
};

/*
 * Encode utf8 from `from` as SMS-DELIVER segments exactly as a network
 * delivers them: "+digits" international, "digits" unknown type, anything
 * else an alphanumeric sender (at most 11 GSM-7 characters). Each segment's
 * hex includes the SMSC prefix, as AT+CMGR prints it; tpdu_len excludes it.
 * opt must not be NULL. Returns the segment count or a negative pdu_errcode.
 */
int pdu_encode_deliver(const char *utf8, const char *from,
		       const struct pdu_deliver_options *opt,
		       struct pdu_segment *segs, int max_segs,
		       struct pdu_error *err);

struct pdu_status_fields {
	const char *smsc;	   /* NULL or "": zero-length SMSC */
	int mr;			   /* the TP-MR of the submitted message */
	const char *recipient;	   /* as given to pdu_encode_submit */
	struct sms_time scts;	   /* when the SC received the message */
	struct sms_time discharge; /* when it was delivered (or failed) */
	int status;		   /* TP-ST: 0x00 delivered, 0x40+ failed */
};

/* Encode an SMS-STATUS-REPORT with SMSC prefix into one segment. Returns
 * PDU_OK or a negative pdu_errcode. */
int pdu_encode_status_report(const struct pdu_status_fields *f,
			     struct pdu_segment *seg, struct pdu_error *err);

#endif
