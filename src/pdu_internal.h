/*
 * pdu_internal: what the PDU codec's three files share (src/pdu.c,
 * src/pdu_decode.c, src/pdu_encode.c). Not a public header: nothing
 * outside the pdu module includes it.
 */
#ifndef SMSDESK_PDU_INTERNAL_H
#define SMSDESK_PDU_INTERNAL_H

#include "smsdesk/pdu.h"

/* SMSC (12) + the longest TPDU (SUBMIT with absolute VP: 164), with room. */
#define PDU_BIN_MAX 200
#define UD_MAX	    140

/* TP-MTI and first-octet flags (TS 23.040 9.2.3). */
#define FO_MTI_MASK 0x03
#define FO_MMS_RD   0x04 /* DELIVER/STATUS: TP-MMS; SUBMIT: TP-RD */
#define FO_VPF_MASK 0x18
#define FO_SRI	    0x20 /* TP-SRI, TP-SRR, TP-SRQ */
#define FO_UDHI	    0x40
#define FO_RP	    0x80

/* TON bits of a type-of-address octet. */
#define TOA_TON(toa)	  (((toa) >> 4) & 0x07)
#define TOA_INTERNATIONAL 0x91
#define TOA_UNKNOWN	  0x81
#define TOA_ALPHANUMERIC  0xD0

/* Information element identifiers (TS 23.040 9.2.3.24). */
#define IEI_CONCAT8  0x00
#define IEI_PORTS8   0x04
#define IEI_PORTS16  0x05
#define IEI_CONCAT16 0x08
#define IEI_SINGLE   0x24 /* national language single shift (9.2.3.24.15) */
#define IEI_LOCKING  0x25 /* national language locking shift (9.2.3.24.16) */

/* Fill err (may be NULL) with code and the message; returns code. */
int pdu_fail(struct pdu_error *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Seconds of a relative validity period octet (TS 23.040 9.2.3.12.1). */
int64_t pdu_relative_seconds(int v);

#endif
