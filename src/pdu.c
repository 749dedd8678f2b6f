/*
 * pdu: SMS-DELIVER, SMS-SUBMIT and SMS-STATUS-REPORT (3GPP TS 23.040 9.2).
 *
 * This file holds what decoder and encoder share: names, time stamps,
 * errors. The decoder is in pdu_decode.c, the encoder in pdu_encode.c.
 */
#include "pdu_internal.h"

#include "smsdesk/civil.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int pdu_fail(struct pdu_error *err, int code, const char *fmt, ...)
{
	va_list ap;

	if (err != NULL) {
		err->code = code;
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
		va_end(ap);
	}
	return code;
}

const char *pdu_type_name(enum pdu_type type)
{
	switch (type) {
	case PDU_DELIVER:
		return "deliver";
	case PDU_SUBMIT:
		return "submit";
	case PDU_STATUS_REPORT:
		return "status-report";
	}
	return "?";
}

const char *sms_number_type_name(enum sms_number_type type)
{
	switch (type) {
	case SMS_NUMBER_UNKNOWN:
		return "unknown";
	case SMS_NUMBER_INTERNATIONAL:
		return "international";
	case SMS_NUMBER_NATIONAL:
		return "national";
	case SMS_NUMBER_NETWORK:
		return "network";
	case SMS_NUMBER_SUBSCRIBER:
		return "subscriber";
	case SMS_NUMBER_ALPHANUMERIC:
		return "alphanumeric";
	case SMS_NUMBER_ABBREVIATED:
		return "abbreviated";
	case SMS_NUMBER_RESERVED:
		return "reserved";
	}
	return "?";
}

/* ---- time stamps --------------------------------------------------------- */

/* The SCTS carries its own offset: calendar arithmetic (civil.h) only. */
int64_t sms_time_to_utc(const struct sms_time *t)
{
	return civil_days(t->year, t->month, t->day) * 86400 + t->hour * 3600 +
	       t->minute * 60 + t->second - (int64_t)t->tz_minutes * 60;
}

void sms_time_from_utc(int64_t epoch, int tz_minutes, struct sms_time *out)
{
	int64_t local = epoch + (int64_t)tz_minutes * 60;
	int64_t days = local / 86400, secs = local % 86400;

	if (secs < 0) {
		secs += 86400;
		days--;
	}
	civil_from_days(days, &out->year, &out->month, &out->day);
	out->hour = (int)(secs / 3600);
	out->minute = (int)(secs / 60 % 60);
	out->second = (int)(secs % 60);
	out->tz_minutes = tz_minutes;
}

void sms_time_format(const struct sms_time *t, char *out, size_t cap)
{
	int tz = t->tz_minutes < 0 ? -t->tz_minutes : t->tz_minutes;

	snprintf(out, cap, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
		 t->year % 10000, t->month % 100, t->day % 100, t->hour % 100,
		 t->minute % 100, t->second % 100,
		 t->tz_minutes < 0 ? '-' : '+', tz / 60 % 100, tz % 60);
}

int64_t pdu_relative_seconds(int v)
{
	if (v <= 143)
		return (int64_t)(v + 1) * 5 * 60;
	if (v <= 167)
		return 12 * 3600 + (int64_t)(v - 143) * 30 * 60;
	if (v <= 196)
		return (int64_t)(v - 166) * 86400;
	return (int64_t)(v - 192) * 7 * 86400;
}
