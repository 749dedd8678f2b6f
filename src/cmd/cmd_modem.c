/*
 * smsdesk modem: what staff run first when setting up. --list shows the
 * serial ports and which look like modems; without it, each configured
 * modem (or the --device one) is probed and described: identification,
 * SIM, signal, registration, SMSC, storage and the firmware profile.
 * Exit 3 on device trouble, 4 when the SIM needs staff, 1 on a bad config.
 *
 * A probe never spends a PIN try the daemon would not: with a config whose
 * database exists it asks the same PIN guard (simlock.h), so a PIN the SIM
 * refused before is not entered, and a refusal it meets is remembered.
 * --retry-pin enters it once all the same, for staff who fixed the SIM.
 */
#include "smsdesk/catalog.h"
#include "smsdesk/cli.h"
#include "smsdesk/cliopt.h"
#include "smsdesk/log.h"
#include "smsdesk/modem.h"
#include "smsdesk/runlock.h"
#include "smsdesk/serial.h"
#include "smsdesk/simlock.h"
#include "smsdesk/staffcmd.h"
#include "smsdesk/store.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define PROBE_SECONDS 60

static const char modem_usage[] =
    "usage: smsdesk modem [-c FILE] [--device PATH] [--retry-pin] "
    "[--list]\n\n"
    "Probe the modem and print what it is and how it is set up,\n"
    "or list the serial ports to find which one is the modem.\n\n"
    "  -c, --config FILE  the catalog (its modems entries)\n"
    "  -d, --device PATH  probe this device instead (tty, USB "
    "serial, pty)\n"
    "  -l, --list         list serial ports with USB ids and the "
    "likely modem\n"
    "      --retry-pin    enter the configured PIN once even though "
    "the SIM\n"
    "                     refused it before (after fixing the config "
    "or\n"
    "                     unlocking the SIM): a refused PIN is "
    "otherwise\n"
    "                     never entered again, by the probe or the "
    "daemon\n"
    "  -h, --help         this text\n\n"
    "Exit codes: 0 ok, 1 bad config, 2 usage, 3 modem/device "
    "trouble,\n4 the SIM needs staff (PIN refused or missing, PUK "
    "wanted).\n";

static int list_ports(void)
{
	size_t n = 0;
	struct serial_port_info *ports = serial_list(&n);

	if (ports == NULL) {
		printf("no serial ports found\n");
		return CLI_OK;
	}
	printf("%-24s %-9s %-32s %s\n", "PORT", "USB ID", "DESCRIPTION",
	       "LIKELY MODEM");
	for (size_t i = 0; i < n; i++) {
		char id[16] = "-";
		if (ports[i].usb_vid >= 0)
			snprintf(id, sizeof(id), "%04x:%04x",
				 (unsigned)ports[i].usb_vid & 0xffff,
				 (unsigned)ports[i].usb_pid & 0xffff);
		printf("%-24s %-9s %-32s %s\n", ports[i].path, id,
		       ports[i].description[0] ? ports[i].description : "-",
		       ports[i].family[0] ? ports[i].family : "-");
	}
	free(ports);
	return CLI_OK;
}

static int64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

struct probe {
	char reason[256];
	int closed_after_open;
};

static void on_state(void *ctx, enum modem_state s, const char *reason)
{
	struct probe *p = ctx;

	snprintf(p->reason, sizeof(p->reason), "%s", reason);
	if (s == MODEM_CLOSED)
		p->closed_after_open = 1;
}

static const char *registration_name(int stat)
{
	switch (stat) {
	case 0:
		return "not registered, not searching";
	case 1:
		return "registered, home network";
	case 2:
		return "not registered, searching";
	case 3:
		return "registration denied";
	case 5:
		return "registered, roaming";
	default:
		return "unknown";
	}
}

static void print_info(const char *device, const struct modem_info *i)
{
	char signal[64] = "unknown";

	if (i->rssi >= 0 && i->rssi <= 31)
		/* 27.007 8.5: 0 is -113 dBm or less, steps of 2 dBm. */
		snprintf(signal, sizeof(signal), "%d (%d dBm)", i->rssi,
			 -113 + 2 * i->rssi);
	printf("device:        %s\n", device);
	printf("manufacturer:  %s\n",
	       i->manufacturer[0] ? i->manufacturer : "?");
	printf("model:         %s\n", i->model[0] ? i->model : "?");
	printf("firmware:      %s\n", i->revision[0] ? i->revision : "?");
	printf("IMEI:          %s\n", i->imei[0] ? i->imei : "?");
	printf("SIM:           %s\n", i->sim_state[0] ? i->sim_state : "?");
	printf("ICCID:         %s\n", i->iccid[0] ? i->iccid : "?");
	printf("signal:        %s\n", signal);
	printf("registration:  %d (%s)\n", i->reg_stat,
	       registration_name(i->reg_stat));
	printf("SMSC:          %s\n", i->smsc[0] ? i->smsc : "?");
	if (i->storage_total >= 0)
		printf("storage:       %s %d/%d used\n", i->storage,
		       i->storage_used, i->storage_total);
	else
		printf("storage:       ?\n");
	printf("profile:       %s (%s)\n", i->quirk[0] ? i->quirk : "?",
	       i->quirk_note[0] ? i->quirk_note : "-");
}

/* Run the start-up in probe mode until ready, failed or out of time.
 * ST, when not NULL, remembers refused PINs (the daemon's database). */
static int probe(const char *device, int baud, const char *pin,
		 struct store *st, int retry_pin)
{
	struct probe p = {.reason = ""};
	struct modem_callbacks cb = {.ctx = &p, .state = on_state};
	struct modem_pin_guard guard;
	struct modem_config cfg = {.device = device,
				   .baud = baud,
				   .pin = pin,
				   .probe_only = 1,
				   .command_timeout_ms = 5000,
				   .pin_guard = st != NULL ? &guard : NULL,
				   .retry_pin = retry_pin};
	char err[256];
	int64_t end = mono_ms() + PROBE_SECONDS * 1000;
	int rc = CLI_DEVICE;

	/* Filled before modem_new, which copies it: a guard copied unfilled
	 * was stack garbage, and with a NULL "refused" the probe entered a
	 * PIN the SIM had refused before (one of its three tries). */
	if (st != NULL)
		simlock_guard(st, &guard);
	struct modem *m = modem_new(&cfg, &cb);
	if (m == NULL) {
		fprintf(stderr, "smsdesk modem: out of memory\n");
		return CLI_DEVICE;
	}
	if (modem_start(m, mono_ms(), err, sizeof(err)) != 0) {
		fprintf(stderr, "smsdesk modem: %s\n", err);
		modem_free(m);
		return CLI_DEVICE;
	}
	p.closed_after_open = 0;
	while (modem_state(m) == MODEM_STARTING && mono_ms() < end) {
		struct pollfd pfd = {.fd = modem_fd(m),
				     .events = modem_poll_events(m)};
		int64_t d = modem_next_deadline(m), now = mono_ms();
		int wait = d < 0 ? 1000 : (int)(d > now ? d - now : 0);
		if (wait > 1000)
			wait = 1000;
		pfd.revents = 0;
		if (pfd.fd >= 0)
			poll(&pfd, 1, wait);
		modem_step(m, pfd.revents, mono_ms());
	}
	switch (modem_state(m)) {
	case MODEM_READY:
		print_info(device, modem_info(m));
		rc = CLI_OK;
		break;
	case MODEM_FAILED:
	case MODEM_CLOSED:
		if (modem_info(m)->manufacturer[0] != '\0') {
			print_info(device, modem_info(m));
			fprintf(stderr, "smsdesk modem: %s: %s\n", device,
				p.reason);
			if (modem_failure(m) == MODEM_FAIL_SIM)
				rc = CLI_SIM_LOCKED;
			break;
		}
		/* Nothing identified: the wrong port, most likely. */
		fprintf(stderr,
			"smsdesk modem: %s: %s: no answer to AT commands (a "
			"USB modem has several ports and only one or two "
			"speak AT: try the others from 'smsdesk modem "
			"--list')\n",
			device, p.reason);
		break;
	case MODEM_STARTING:
		print_info(device, modem_info(m));
		fprintf(stderr,
			"smsdesk modem: %s: no complete answer in %d s\n",
			device, PROBE_SECONDS);
		break;
	}
	modem_free(m);
	return rc;
}

int cmd_modem(int argc, char **argv)
{
	const char *config = NULL, *device = NULL;
	int list = 0, retry_pin = 0, first, rc;
	const struct cliopt opts[] = {
	    {"config", 'c', &config, NULL},
	    {"device", 'd', &device, NULL},
	    {"list", 'l', NULL, &list},
	    {"retry-pin", 0, NULL, &retry_pin},
	    CLIOPT_END,
	};
	struct catalog *cat = NULL;
	struct store *st = NULL;

	rc = cliopt_parse(argc, argv, "modem", modem_usage, opts, 0, &first);
	if (rc >= 0)
		return rc;
	rc = CLI_OK;
	if (first < argc)
		return cli_usage_error("modem", "unexpected argument '%s'",
				       argv[first]);
	if (list)
		return list_ports();

	/*
	 * With --device the config is optional: its first modem's PIN and
	 * baud are used when one is given (-c or $SMSDESK_CONFIG).
	 */
	if (device == NULL || config != NULL ||
	    getenv("SMSDESK_CONFIG") != NULL) {
		cat = staffcmd_catalog("modem", cli_config_path(config));
		if (cat == NULL)
			return CLI_BAD_INPUT;
		/* The daemon's memory of refused PINs, if it has run here. */
		char err[256];
		st = store_open(cat->database, 0, err, sizeof(err));
		if (st == NULL)
			log_debug("modem: no database at %s (%s): PIN refusals "
				  "are not remembered",
				  cat->database, err);
	}
	pid_t holder = 0;
	if (device != NULL && runlock_device_holder(device, &holder) == 1) {
		/* the daemon has it: what its heartbeat says (handoff) */
		rc = cli_status_device(cat != NULL ? cat->database : "", device,
				       (long)holder);
	} else if (device != NULL) {
		const struct cat_modem *cm =
		    cat != NULL && cat->n_modems > 0 ? &cat->modems[0] : NULL;
		rc = probe(device, cm != NULL ? cm->baud : 115200,
			   cm != NULL ? cm->pin : NULL, st, retry_pin);
	} else if (cat->n_modems == 0) {
		fprintf(stderr, "smsdesk modem: %s lists no modems\n",
			cat->path);
		rc = CLI_BAD_INPUT;
	} else {
		for (size_t i = 0; i < cat->n_modems; i++) {
			int one;
			if (i > 0)
				printf("\n");
			if (runlock_device_holder(cat->modems[i].device,
						  &holder) == 1)
				one = cli_status_device(cat->database,
							cat->modems[i].device,
							(long)holder);
			else
				one = probe(cat->modems[i].device,
					    cat->modems[i].baud,
					    cat->modems[i].pin, st, retry_pin);
			if (one != CLI_OK)
				rc = one;
		}
	}
	store_close(st);
	catalog_free(cat);
	return rc;
}
