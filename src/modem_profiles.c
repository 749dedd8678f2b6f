/*
 * modem_profiles: what each modem family says and needs (firmware-notes/),
 * and the unsolicited result codes the driver registers with `at`. See
 * modem_int.h and modem.h.
 */
#include "modem_int.h"

#include <string.h>
#include <strings.h>

/*
 * Profiles, kept consistent with firmware-notes/ (the "Recommended driver
 * settings" table of firmware-notes/README.md); each entry names the note
 * that holds its sources. All use one memory for all three AT+CPMS slots
 * and AT+CSMS=0, so +CMT/+CDS never need AT+CNMA. Every profile routes
 * status reports as +CDS (<ds>=1): the daemon asks for one on each text it
 * sends, and they are what turns "sent" into "delivered" (README.md there).
 */
/*
 * ICCID commands (the SIM is identified by it, to remember a refused PIN
 * across restarts): AT+CCID answers a bare line on SIM800/SIM900,
 * AT+CICCID "+ICCID:" on SIM7600, AT+QCCID "+QCCID:" on Quectel, AT+CCID
 * "+CCID:" on u-blox (TinyGSM's getSimCCIDImpl for each, 4c552105), and
 * AT^ICCID? "^ICCID:" on Huawei (firmware-notes/huawei-e3372-e173.md).
 * Any that fails falls back to the 27.007 AT+CRSM read of EF_ICCID, which
 * a SIM allows before its PIN is entered.
 */
static const struct modem_quirk quirks[] = {
    /* "SMS Ready" late means the module restarted (simcom-sim800.md). */
    {.name = "simcom-sim800",
     .manufacturer = "SIMCOM",
     .model = "SIM800",
     .storage = "SM",
     .cnmi = "AT+CNMI=2,1,0,1,0",
     .iccid_cmd = "AT+CCID",
     .iccid_prefix = "",
     .note = "firmware-notes/simcom-sim800.md"},
    {.name = "simcom-sim900",
     .manufacturer = "SIMCOM",
     .model = "SIM900",
     .storage = "SM",
     .cnmi = "AT+CNMI=2,1,0,1,0",
     .iccid_cmd = "AT+CCID",
     .iccid_prefix = "",
     .note = "firmware-notes/simcom-sim800.md"},
    {.name = "simcom-sim7600",
     .manufacturer = "SIMCOM",
     .model = "SIM7600",
     .storage = "SM",
     .cnmi = "AT+CNMI=2,1,0,1,0",
     .iccid_cmd = "AT+CICCID",
     .iccid_prefix = "+ICCID:",
     .note = "firmware-notes/simcom-sim7600.md"},
    /*
     * URCs go to whichever port AT+QURCCFG names, and some users never
     * saw +CMTI: route them to ours and also list storage at each health
     * check. Status reports with ds=1 (+CDS): ds=2 announces them in the
     * wrong memory (quectel-ec25.md).
     */
    {.name = "quectel-ec25",
     .manufacturer = "Quectel",
     .model = "EC25",
     .storage = "SM",
     .cnmi = "AT+CNMI=2,1,0,1,0",
     .extra_init = "AT+QURCCFG=\"urcport\",\"usbat\"",
     .extra_urc = "+QUSIM:",
     .poll_storage = 1,
     .iccid_cmd = "AT+QCCID",
     .iccid_prefix = "+QCCID:",
     .note = "firmware-notes/quectel-ec25.md"},
    {.name = "quectel-eg25",
     .manufacturer = "Quectel",
     .model = "EG25",
     .storage = "SM",
     .cnmi = "AT+CNMI=2,1,0,1,0",
     .extra_init = "AT+QURCCFG=\"urcport\",\"usbat\"",
     .extra_urc = "+QUSIM:",
     .poll_storage = 1,
     .iccid_cmd = "AT+QCCID",
     .iccid_prefix = "+QCCID:",
     .note = "firmware-notes/quectel-ec25.md"},
    /* URC routing as on the EC25: unverified for the BG96 (its note). */
    {.name = "quectel-bg96",
     .manufacturer = "Quectel",
     .model = "BG96",
     .storage = "SM",
     .cnmi = "AT+CNMI=2,1,0,1,0",
     .extra_init = "AT+QURCCFG=\"urcport\",\"usbat\"",
     .iccid_cmd = "AT+QCCID",
     .iccid_prefix = "+QCCID:",
     .note = "firmware-notes/quectel-bg96.md"},
    /* A UART module: one channel for AT and URCs. */
    {.name = "quectel-m35",
     .manufacturer = "Quectel",
     .model = "M35",
     .storage = "SM",
     .cnmi = "AT+CNMI=2,1,0,1,0",
     .iccid_cmd = "AT+QCCID",
     .iccid_prefix = "+QCCID:",
     .note = "firmware-notes/quectel-m35.md"},
    /* ^RSSI/^BOOT/^MODE flood the port unless AT^CURC=0. */
    {.name = "huawei-e3372",
     .manufacturer = "huawei",
     .model = "E3372",
     .storage = "SM",
     .cnmi = "AT+CNMI=2,1,0,1,0",
     .extra_init = "AT^CURC=0",
     .extra_final = "COMMAND NOT SUPPORT",
     .extra_urc = "^DSFLOWRPT:",
     .iccid_cmd = "AT^ICCID?",
     .iccid_prefix = "^ICCID:",
     .note = "firmware-notes/huawei-e3372-e173.md"},
    {.name = "huawei-e173",
     .manufacturer = "huawei",
     .model = "E173",
     .storage = "SM",
     .cnmi = "AT+CNMI=2,1,0,1,0",
     .extra_init = "AT^CURC=0",
     .extra_final = "COMMAND NOT SUPPORT",
     .extra_urc = "^DSFLOWRPT:",
     .iccid_cmd = "AT^ICCID?",
     .iccid_prefix = "^ICCID:",
     .note = "firmware-notes/huawei-e3372-e173.md"},
    /* "SIM busy" early after boot: the AT+CPIN? retry covers it. */
    {.name = "ublox",
     .manufacturer = "u-blox",
     .storage = "SM",
     .cnmi = "AT+CNMI=2,1,0,1,0",
     .iccid_cmd = "AT+CCID",
     .iccid_prefix = "+CCID:",
     .note = "firmware-notes/ublox-sara-lisa.md"},
    {.name = "telit",
     .manufacturer = "Telit",
     .storage = "SM",
     .cnmi = "AT+CNMI=2,1,0,1,0",
     .note = "firmware-notes/telit-he910-le910.md"},
    /* Last: matches anything. */
    {.name = "generic",
     .storage = "SM",
     .cnmi = "AT+CNMI=2,1,0,1,0",
     .note = "firmware-notes/README.md"},
};

#define N_QUIRKS (sizeof(quirks) / sizeof(quirks[0]))

/* Case-insensitive: "SIMCOM_Ltd" and "SIMCOM INCORPORATED" both match. */
static int contains_nocase(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay != '\0'; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return 1;
	return n == 0;
}

const struct modem_quirk *modem_quirk_for(const char *manufacturer,
					  const char *model)
{
	for (size_t i = 0; i < N_QUIRKS; i++) {
		const struct modem_quirk *q = &quirks[i];
		if (q->manufacturer != NULL &&
		    (manufacturer == NULL ||
		     !contains_nocase(manufacturer, q->manufacturer)))
			continue;
		if (q->model != NULL &&
		    (model == NULL || !contains_nocase(model, q->model)))
			continue;
		return q;
	}
	return &quirks[N_QUIRKS - 1];
}

const struct modem_quirk *modem_quirk_by_name(const char *name)
{
	for (size_t i = 0; i < N_QUIRKS; i++)
		if (name != NULL && strcmp(quirks[i].name, name) == 0)
			return &quirks[i];
	return NULL;
}

/*
 * 27.005/27.007 URCs and vendor lines seen in the field (firmware-notes/).
 * `at` matches them after the command in flight had its chance, so that
 * AT+CREG? still gets its own +CREG: line. pdu: a PDU line follows.
 */
static const struct {
	const char *prefix;
	int pdu;
	enum urc_kind kind;
} urc_table[] = {
    {"+CMTI:", 0, URC_CMTI},
    {"+CMT:", 1, URC_CMT},
    {"+CDSI:", 0, URC_CDSI},
    {"+CDS:", 1, URC_CDS},
    {"+CBM:", 1, URC_OTHER},
    {"RING", 0, URC_OTHER},
    {"+CRING:", 0, URC_OTHER},
    {"+CLIP:", 0, URC_OTHER},
    {"+CREG:", 0, URC_CREG},
    {"+CGREG:", 0, URC_OTHER},
    {"+CEREG:", 0, URC_OTHER},
    {"+CUSD:", 0, URC_OTHER},
    {"+CIEV:", 0, URC_OTHER},
    {"+CPIN:", 0, URC_OTHER},
    {"+CFUN:", 0, URC_OTHER},
    {"^RSSI:", 0, URC_RSSI},
    {"^SMMEMFULL", 0, URC_MEMFULL},
    {"^MODE:", 0, URC_OTHER},
    {"^BOOT:", 0, URC_OTHER},
    {"^HCSQ:", 0, URC_OTHER},
    {"^SRVST:", 0, URC_OTHER},
    {"^SIMST:", 0, URC_OTHER},
    {"^SYSSTART", 0, URC_OTHER},
    {"Call Ready", 0, URC_OTHER},
    /* SIM800 boot lines: seen once ready, the module restarted. */
    {"SMS Ready", 0, URC_BOOT},
    {"RDY", 0, URC_BOOT},
    {"+QIND:", 0, URC_OTHER},
    {"+PBREADY", 0, URC_OTHER},
    {"NORMAL POWER DOWN", 0, URC_OTHER},
    {"UNDER-VOLTAGE", 0, URC_OTHER},
    {"OVER-VOLTAGE", 0, URC_OTHER},
};

void modem_register_urcs(struct at *at)
{
	for (size_t i = 0; i < sizeof(urc_table) / sizeof(urc_table[0]); i++)
		at_add_urc(at, urc_table[i].prefix, urc_table[i].pdu,
			   (int)urc_table[i].kind);
}

void modem_register_profile(struct at *at, const struct modem_quirk *q)
{
	if (q->extra_final != NULL)
		at_add_final_error(at, q->extra_final);
	if (q->extra_urc != NULL)
		at_add_urc(at, q->extra_urc, 0, URC_OTHER);
}
