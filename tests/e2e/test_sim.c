/*
 * The simulated modem, driven through its pseudo-terminal the way a driver
 * drives a modem: open the device path, write command lines, read answers.
 * The sim runs on a virtual clock (the tests choose now_ms); the only real
 * waiting is poll() for the kernel to move bytes across the pty, bounded.
 */
#include "harness.h"
#include "smsdesk/sim.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

/* Published SMS-DELIVER (dreamfabric tutorial, /work/shared/pdu-vectors.json
 * "dreamfabric-deliver"): +31641600986 "How are you?", TPDU 24 octets. */
static const char DELIVER[] =
    "07911326040000F0040B911346610089F60000208062917314080CC8F71D14969741F9"
    "77FD07";
/* Another, from the same file ("gsm7-plain"). */
static const char DELIVER2[] =
    "0791447758100650000C9144770009001000006211329000000023C3B01B94049DCB7450"
    "18840EA7E5E33A1D447FB7DF72F9FB0E0AD34131D80F";
/* An SMS-SUBMIT to +447700900001 "hi" without SMSC (00 prefix): 15 octets. */
static const char SUBMIT[] = "0001000C91447700090010000002E834";
/* A STATUS-REPORT shape (hex only: the sim never decodes). */
static const char REPORT[] =
    "07914477581006500006010C914477000900106211329000000062113290000000"
    "00";

struct rig {
	struct sim *sim;
	int fd;
	int64_t now;
	char got[8192];
	size_t len;
};

static int64_t mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int open_client(const char *path)
{
	int fd = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	struct termios tio;
	if (fd < 0)
		return -1;
	if (tcgetattr(fd, &tio) == 0) {
		cfmakeraw(&tio);
		tcsetattr(fd, TCSANOW, &tio);
	}
	return fd;
}

static int rig_open(struct rig *r, const struct sim_config *cfg)
{
	char err[200];
	memset(r, 0, sizeof(*r));
	r->now = 1000;
	r->sim = sim_new(cfg, err, sizeof(err));
	if (r->sim == NULL) {
		printf("  sim_new: %s\n", err);
		return -1;
	}
	r->fd = open_client(sim_device_path(r->sim));
	return r->fd < 0 ? -1 : 0;
}

static void rig_close(struct rig *r)
{
	if (r->fd >= 0)
		close(r->fd);
	sim_free(r->sim);
}

/* Step the sim and collect what the client can read, for up to MS real ms
 * or until the collected text ends with STOP (NULL: the whole time). */
static void pump(struct rig *r, const char *stop, int ms)
{
	int64_t end = mono_ms() + ms;
	for (;;) {
		struct pollfd p[2] = {{.fd = sim_fd(r->sim), .events = POLLIN},
				      {.fd = r->fd, .events = POLLIN}};
		if (sim_wants_write(r->sim))
			p[0].events |= POLLOUT;
		(void)poll(p, 2, 5);
		if (sim_step(r->sim, r->now) != 0)
			return;
		ssize_t n =
		    read(r->fd, r->got + r->len, sizeof(r->got) - 1 - r->len);
		if (n > 0)
			r->len += (size_t)n;
		r->got[r->len] = '\0';
		if (stop != NULL && r->len >= strlen(stop) &&
		    strcmp(r->got + r->len - strlen(stop), stop) == 0)
			return;
		if (mono_ms() > end)
			return;
	}
}

/* Write S and collect the answer up to a final result. */
static const char *chat(struct rig *r, const char *s)
{
	static const char *finals[] = {"OK\r\n", "ERROR\r\n", "> "};
	r->len = 0;
	r->got[0] = '\0';
	if (write(r->fd, s, strlen(s)) != (ssize_t)strlen(s))
		return "(write failed)";
	int64_t end = mono_ms() + 2000;
	while (mono_ms() < end) {
		pump(r, NULL, 5);
		for (size_t i = 0; i < 3; i++) {
			size_t k = strlen(finals[i]);
			if (r->len >= k &&
			    strcmp(r->got + r->len - k, finals[i]) == 0)
				return r->got;
		}
		if (strstr(r->got, "ERROR: ") != NULL && r->len > 2 &&
		    r->got[r->len - 1] == '\n')
			return r->got;
	}
	return r->got;
}

static void identify_with_echo(void)
{
	struct rig r;
	if (rig_open(&r, NULL) != 0) {
		CHECK(0);
		return;
	}
	/* echo is on after power-up: the line comes back first */
	CHECK_STR(chat(&r, "AT+CGMI\r"),
		  "AT+CGMI\r\r\nSIMCOM_Ltd\r\n\r\nOK\r\n");
	CHECK_STR(chat(&r, "ATE0\r"), "ATE0\r\r\nOK\r\n");
	CHECK_STR(chat(&r, "AT+CGMM\r"), "\r\nSIMCOM_SIM800\r\n\r\nOK\r\n");
	CHECK_STR(chat(&r, "AT+CGSN\r"), "\r\n490154203237518\r\n\r\nOK\r\n");
	CHECK_STR(chat(&r, "at+cgmr\r"),
		  "\r\nRevision:1418B04SIM800L24\r\n\r\nOK\r\n");
	CHECK_STR(chat(&r, "ATI\r"), "\r\nSIMCOM_Ltd SIMCOM_SIM800\r\n\r\n"
				     "Revision:1418B04SIM800L24\r\n\r\nOK\r\n");
	CHECK_STR(chat(&r, "AT+NOSUCH\r"), "\r\nERROR\r\n");
	CHECK_STR(chat(&r, "AT\r"), "\r\nOK\r\n");
	/* ATZ restores echo */
	CHECK_STR(chat(&r, "ATZ\r"), "\r\nOK\r\n");
	CHECK_STR(chat(&r, "AT\r"), "AT\r\r\nOK\r\n");
	rig_close(&r);
}

static void identity_from_config(void)
{
	struct sim_config cfg = {.manufacturer = "Quectel",
				 .model = "EC25",
				 .revision = "EC25EFAR06A06M4G",
				 .imei = "866758040000000"};
	struct rig r;
	if (rig_open(&r, &cfg) != 0) {
		CHECK(0);
		return;
	}
	CHECK_STR(chat(&r, "ATE0;+CGMI;+CGMM\r"),
		  "ATE0;+CGMI;+CGMM\r\r\nQuectel\r\n\r\nEC25\r\n\r\nOK\r\n");
	CHECK_STR(chat(&r, "AT+GSN\r"), "\r\n866758040000000\r\n\r\nOK\r\n");
	rig_close(&r);
}

static void result_formats(void)
{
	struct rig r;
	if (rig_open(&r, NULL) != 0) {
		CHECK(0);
		return;
	}
	chat(&r, "ATE0\r");
	/* CMEE=0: errors are plain ERROR */
	CHECK_STR(chat(&r, "AT+CMGR=99\r"), "\r\nERROR\r\n");
	CHECK_STR(chat(&r, "AT+CMEE=1\r"), "\r\nOK\r\n");
	CHECK_STR(chat(&r, "AT+CMGR=99\r"), "\r\n+CMS ERROR: 321\r\n");
	CHECK_STR(chat(&r, "AT+CMEE=2\r"), "\r\nOK\r\n");
	CHECK_STR(chat(&r, "AT+CMGR=99\r"),
		  "\r\n+CMS ERROR: invalid memory index\r\n");
	CHECK_STR(chat(&r, "AT+CMEE?\r"), "\r\n+CMEE: 2\r\n\r\nOK\r\n");
	/* V0: numeric final codes, info text without the leading CR LF */
	r.len = 0;
	if (write(r.fd, "ATV0\r", 5) == 5)
		pump(&r, "0\r", 1000);
	CHECK_STR(r.got, "0\r");
	r.len = 0;
	if (write(r.fd, "AT+CSQ\r", 7) == 7)
		pump(&r, "0\r", 1000);
	CHECK_STR(r.got, "+CSQ: 21,0\r\n0\r");
	r.len = 0;
	if (write(r.fd, "AT+BAD\r", 7) == 7)
		pump(&r, "4\r", 1000);
	CHECK_STR(r.got, "4\r");
	CHECK_STR(chat(&r, "ATV1\r"), "\r\nOK\r\n");
	CHECK_STR(chat(&r, "AT+CMGF=1\r"), "\r\nERROR\r\n");
	CHECK_STR(chat(&r, "AT+CMGF=0\r"), "\r\nOK\r\n");
	CHECK_STR(chat(&r, "AT+CREG?\r"), "\r\n+CREG: 0,1\r\n\r\nOK\r\n");
	CHECK_STR(chat(&r, "AT+CREG=2;+CREG?\r"),
		  "\r\n+CREG: 2,1,\"1A2B\",\"0C3D\"\r\n\r\nOK\r\n");
	CHECK_STR(chat(&r, "AT+COPS?\r"),
		  "\r\n+COPS: 0,0,\"SIMNET\"\r\n\r\nOK\r\n");
	CHECK_STR(chat(&r, "AT+CSCA?\r"),
		  "\r\n+CSCA: \"+447785016005\",145\r\n\r\nOK\r\n");
	CHECK_STR(chat(&r, "AT+CSCA=\"+441234\"\r"), "\r\nOK\r\n");
	/* malformed (AT+CMEE=2 is on): empty, no quotes, unterminated */
	CHECK_STR(chat(&r, "AT+CSCA=\r"),
		  "\r\n+CMS ERROR: invalid PDU mode parameter\r\n");
	CHECK_STR(chat(&r, "AT+CSCA=123\r"),
		  "\r\n+CMS ERROR: invalid PDU mode parameter\r\n");
	CHECK_STR(chat(&r, "AT+CSCA=\"+44\r"),
		  "\r\n+CMS ERROR: invalid PDU mode parameter\r\n");
	CHECK_STR(chat(&r, "AT+CSCA?\r"),
		  "\r\n+CSCA: \"+441234\",145\r\n\r\nOK\r\n");
	rig_close(&r);
}

static void pin_flow(void)
{
	struct sim_config cfg = {.pin = "1234"};
	struct rig r;
	if (rig_open(&r, &cfg) != 0) {
		CHECK(0);
		return;
	}
	chat(&r, "ATE0;+CMEE=1\r");
	CHECK_STR(chat(&r, "AT+CPIN?\r"), "\r\n+CPIN: SIM PIN\r\n\r\nOK\r\n");
	CHECK_STR(chat(&r, "AT+CMGL=4\r"), "\r\n+CMS ERROR: 311\r\n");
	CHECK_STR(chat(&r, "AT+CPIN=\"0000\"\r"), "\r\n+CME ERROR: 16\r\n");
	CHECK_STR(chat(&r, "AT+CPIN=\"1234\"\r"), "\r\nOK\r\n");
	CHECK_STR(chat(&r, "AT+CPIN?\r"), "\r\n+CPIN: READY\r\n\r\nOK\r\n");
	CHECK_STR(chat(&r, "AT+CMGL=4\r"), "\r\nOK\r\n");
	rig_close(&r);

	/* three wrong tries lock the SIM behind its PUK */
	if (rig_open(&r, &cfg) != 0) {
		CHECK(0);
		return;
	}
	chat(&r, "ATE0;+CMEE=1\r");
	chat(&r, "AT+CPIN=\"1\"\r");
	chat(&r, "AT+CPIN=\"2\"\r");
	CHECK_STR(chat(&r, "AT+CPIN=\"3\"\r"), "\r\n+CME ERROR: 12\r\n");
	CHECK_STR(chat(&r, "AT+CPIN?\r"), "\r\n+CPIN: SIM PUK\r\n\r\nOK\r\n");
	rig_close(&r);
}

/* The PIN counter is the SIM's: a power cycle (line restore) keeps it. */
static void pin_tries_survive_power_up(void)
{
	struct sim_config cfg = {.pin = "1234"};
	struct rig r;

	if (rig_open(&r, &cfg) != 0) {
		CHECK(0);
		return;
	}
	chat(&r, "ATE0;+CMEE=1\r");
	CHECK_STR(chat(&r, "AT+CPIN=\"0000\"\r"), "\r\n+CME ERROR: 16\r\n");
	CHECK_INT(sim_pin_tries(r.sim), 2);
	close(r.fd);
	sim_line_drop(r.sim);
	CHECK_INT(sim_line_restore(r.sim), 0);
	r.fd = open_client(sim_device_path(r.sim));
	chat(&r, "ATE0;+CMEE=1\r");
	CHECK_STR(chat(&r, "AT+CPIN?\r"), "\r\n+CPIN: SIM PIN\r\n\r\nOK\r\n");
	CHECK_INT(sim_pin_tries(r.sim), 2);
	CHECK_INT(sim_command_count(r.sim, "+CPIN="), 1);
	CHECK_INT(sim_command_count(r.sim, "+CPIN?"), 1);
	CHECK_INT(sim_command_count(r.sim, "+CMEE="), 2);
	CHECK_STR(chat(&r, "AT+CPIN=\"1234\"\r"), "\r\nOK\r\n");
	CHECK_INT(sim_pin_tries(r.sim), 3);
	rig_close(&r);
}

/* Each family's ICCID command, before the PIN is entered. */
static void iccid_commands(void)
{
	struct sim_config cfg = {.pin = "1234", .iccid = "8944110067212345678"};
	struct rig r;

	if (rig_open(&r, &cfg) != 0) {
		CHECK(0);
		return;
	}
	chat(&r, "ATE0;+CMEE=1\r");
	CHECK_STR(chat(&r, "AT+CCID\r"),
		  "\r\n8944110067212345678\r\n\r\nOK\r\n");
	CHECK_STR(chat(&r, "AT+QCCID\r"),
		  "\r\n+QCCID: 8944110067212345678\r\n\r\nOK\r\n");
	CHECK_STR(chat(&r, "AT+CICCID\r"),
		  "\r\n+ICCID: 8944110067212345678\r\n\r\nOK\r\n");
	CHECK_STR(chat(&r, "AT^ICCID?\r"),
		  "\r\n^ICCID: 8944110067212345678\r\n\r\nOK\r\n");
	/* EF_ICCID raw: nibbles swapped, F filler (TS 51.011 10.1.1). */
	CHECK_STR(chat(&r, "AT+CRSM=176,12258,0,0,10\r"),
		  "\r\n+CRSM: 144,0,\"984411007612325476F8\"\r\n\r\nOK\r\n");
	rig_close(&r);

	struct sim_config ublox = {.manufacturer = "u-blox",
				   .iccid = "89441100672123456789"};
	if (rig_open(&r, &ublox) != 0) {
		CHECK(0);
		return;
	}
	chat(&r, "ATE0\r");
	CHECK_STR(chat(&r, "AT+CCID\r"),
		  "\r\n+CCID: 89441100672123456789\r\n\r\nOK\r\n");
	CHECK_STR(chat(&r, "AT+CRSM=176,12258,0,0,10\r"),
		  "\r\n+CRSM: 144,0,\"98441100761232547698\"\r\n\r\nOK\r\n");
	rig_close(&r);
}

/* Arrivals stored in another memory, and a stored line that is not hex. */
static void other_memory_and_raw(void)
{
	struct rig r;
	char want[512];

	if (rig_open(&r, NULL) != 0) {
		CHECK(0);
		return;
	}
	chat(&r, "ATE0;+CMEE=1\r");
	r.len = 0;
	CHECK_INT(sim_deliver_to(r.sim, "ME", DELIVER), 1);
	pump(&r, "\r\n+CMTI: \"ME\",1\r\n", 1000);
	CHECK_STR(r.got, "\r\n+CMTI: \"ME\",1\r\n");
	CHECK_INT(sim_stat(r.sim, "ME", 1), 0);
	/* SM is still the read memory: slot 1 there is empty */
	CHECK_STR(chat(&r, "AT+CMGR=1\r"), "\r\nOK\r\n");
	/* one memory given: only <mem1> changes */
	CHECK_STR(chat(&r, "AT+CPMS=\"ME\"\r"),
		  "\r\n+CPMS: 1,30,0,30,0,30\r\n\r\nOK\r\n");
	snprintf(want, sizeof(want), "\r\n+CMGR: 0,,30\r\n%s\r\n\r\nOK\r\n",
		 DELIVER);
	CHECK_STR(chat(&r, "AT+CMGR=1\r"), want);
	CHECK_STR(chat(&r, "AT+CMGD=1\r"), "\r\nOK\r\n");
	CHECK_INT(sim_stat(r.sim, "ME", 1), -1);
	CHECK_STR(chat(&r, "AT+CPMS?\r"),
		  "\r\n+CPMS: \"ME\",0,30,\"SM\",0,30,\"SM\",0,30\r\n\r\nOK"
		  "\r\n");
	CHECK_INT(sim_deliver_to(r.sim, "XX", DELIVER), -1);

	chat(&r, "AT+CPMS=\"SM\"\r");
	r.len = 0;
	CHECK_INT(sim_fault_store_raw(r.sim, "GARBLED *** 12"), 1);
	pump(&r, "\r\n+CMTI: \"SM\",1\r\n", 1000);
	CHECK_STR(chat(&r, "AT+CMGL=4\r"),
		  "\r\n+CMGL: 1,0,,-1\r\nGARBLED *** 12\r\n\r\nOK\r\n");
	CHECK_INT(sim_fault_store_raw(r.sim, "two\r\nlines"), -1);
	rig_close(&r);
}

static void receive_by_cmti(void)
{
	struct rig r;
	char want[512];
	if (rig_open(&r, NULL) != 0) {
		CHECK(0);
		return;
	}
	chat(&r, "ATE0;+CMEE=1\r");
	CHECK_STR(chat(&r, "AT+CNMI?\r"), "\r\n+CNMI: 2,1,0,0,0\r\n\r\nOK\r\n");
	r.len = 0;
	CHECK_INT(sim_deliver(r.sim, DELIVER), 1);
	pump(&r, "\r\n+CMTI: \"SM\",1\r\n", 1000);
	CHECK_STR(r.got, "\r\n+CMTI: \"SM\",1\r\n");
	CHECK_INT(sim_stored(r.sim), 1);
	CHECK_INT(sim_stat(r.sim, "SM", 1), 0);
	snprintf(want, sizeof(want), "\r\n+CMGR: 0,,30\r\n%s\r\n\r\nOK\r\n",
		 DELIVER);
	CHECK_STR(chat(&r, "AT+CMGR=1\r"), want);
	CHECK_INT(sim_stat(r.sim, "SM", 1), 1);
	/* read again: now REC READ */
	snprintf(want, sizeof(want), "\r\n+CMGR: 1,,30\r\n%s\r\n\r\nOK\r\n",
		 DELIVER);
	CHECK_STR(chat(&r, "AT+CMGR=1\r"), want);
	/* an empty slot reads as a bare OK */
	CHECK_STR(chat(&r, "AT+CMGR=2\r"), "\r\nOK\r\n");
	CHECK_INT(sim_deliver(r.sim, DELIVER2), 2);
	pump(&r, "+CMTI: \"SM\",2\r\n", 1000);
	/* CMGL=0 lists the unread one only; CMGL=4 both */
	snprintf(want, sizeof(want), "\r\n+CMGL: 2,0,,50\r\n%s\r\n\r\nOK\r\n",
		 DELIVER2);
	CHECK_STR(chat(&r, "AT+CMGL=0\r"), want);
	snprintf(want, sizeof(want),
		 "\r\n+CMGL: 1,1,,30\r\n%s\r\n\r\n+CMGL: 2,1,,50\r\n%s\r\n"
		 "\r\nOK\r\n",
		 DELIVER, DELIVER2);
	CHECK_STR(chat(&r, "AT+CMGL=4\r"), want);
	CHECK_STR(
	    chat(&r, "AT+CPMS?\r"),
	    "\r\n+CPMS: \"SM\",2,30,\"SM\",2,30,\"SM\",2,30\r\n\r\nOK\r\n");
	CHECK_STR(chat(&r, "AT+CMGD=1\r"), "\r\nOK\r\n");
	CHECK_INT(sim_stored(r.sim), 1);
	CHECK_INT(sim_stat(r.sim, "SM", 1), -1);
	CHECK_STR(chat(&r, "AT+CMGD=31\r"), "\r\n+CMS ERROR: 321\r\n");
	CHECK_STR(chat(&r, "AT+CMGD=1,4\r"), "\r\nOK\r\n");
	CHECK_INT(sim_stored(r.sim), 0);
	/* garbage in is refused, nothing stored */
	CHECK_INT(sim_deliver(r.sim, "07ZZ"), -1);
	rig_close(&r);
}

static void storages(void)
{
	struct sim_config cfg = {.capacity = 2};
	struct rig r;
	if (rig_open(&r, &cfg) != 0) {
		CHECK(0);
		return;
	}
	chat(&r, "ATE0;+CMEE=1\r");
	CHECK_STR(chat(&r, "AT+CPMS=\"ME\",\"ME\",\"ME\"\r"),
		  "\r\n+CPMS: 0,2,0,2,0,2\r\n\r\nOK\r\n");
	CHECK_INT(sim_deliver(r.sim, DELIVER), 1);
	CHECK_INT(sim_stat(r.sim, "ME", 1), 0);
	CHECK_INT(sim_stat(r.sim, "SM", 1), -1);
	/* MT is SM then ME: ME 1 is MT 3 */
	CHECK_INT(sim_stat(r.sim, "MT", 3), 0);
	pump(&r, "+CMTI: \"ME\",1\r\n", 1000);
	CHECK(strstr(r.got, "\r\n+CMTI: \"ME\",1\r\n") != NULL);
	/* only the first memory changes */
	CHECK_STR(chat(&r, "AT+CPMS=\"SM\"\r"),
		  "\r\n+CPMS: 0,2,1,2,1,2\r\n\r\nOK\r\n");
	CHECK_STR(chat(&r, "AT+CPMS=\"XX\"\r"), "\r\n+CMS ERROR: 302\r\n");
	CHECK_INT(sim_deliver(r.sim, DELIVER2), 2);
	/* ME is full now: the network keeps the third */
	CHECK_INT(sim_deliver(r.sim, DELIVER), -1);
	CHECK_INT(sim_stored(r.sim), 2);
	/* a write into full ME: 322 */
	chat(&r, "AT+CPMS=\"SM\",\"ME\",\"ME\"\r");
	CHECK_STR(chat(&r, "AT+CMGW=15\r"), "\r\n> ");
	r.len = 0;
	if (write(r.fd, SUBMIT, strlen(SUBMIT)) > 0 && write(r.fd, "\x1a", 1))
		pump(&r, "322\r\n", 1000);
	CHECK(strstr(r.got, "\r\n+CMS ERROR: 322\r\n") != NULL);
	/* into SM it fits */
	chat(&r, "AT+CPMS=\"SM\",\"SM\",\"ME\"\r");
	CHECK_STR(chat(&r, "AT+CMGW=15\r"), "\r\n> ");
	r.len = 0;
	if (write(r.fd, SUBMIT, strlen(SUBMIT)) > 0 && write(r.fd, "\x1a", 1))
		pump(&r, "OK\r\n", 1000);
	CHECK(strstr(r.got, "\r\n+CMGW: 1\r\n\r\nOK\r\n") != NULL);
	CHECK_INT(sim_stat(r.sim, "SM", 1), 2);
	rig_close(&r);
}

static void direct_delivery_and_ack(void)
{
	struct rig r;
	char want[512];
	if (rig_open(&r, NULL) != 0) {
		CHECK(0);
		return;
	}
	chat(&r, "ATE0;+CMEE=1\r");
	CHECK_STR(chat(&r, "AT+CNMA\r"), "\r\n+CMS ERROR: 340\r\n");
	CHECK_STR(chat(&r, "AT+CSMS=1\r"), "\r\n+CSMS: 1,1,1\r\n\r\nOK\r\n");
	CHECK_STR(chat(&r, "AT+CNMI=2,2,0,1,0\r"), "\r\nOK\r\n");
	r.len = 0;
	CHECK_INT(sim_deliver(r.sim, DELIVER), 0);
	snprintf(want, sizeof(want), "\r\n+CMT: ,30\r\n%s\r\n", DELIVER);
	pump(&r, want, 1000);
	CHECK_STR(r.got, want);
	CHECK_INT(sim_stored(r.sim), 0);
	CHECK_STR(chat(&r, "AT+CNMA\r"), "\r\nOK\r\n");
	CHECK_STR(chat(&r, "AT+CNMA\r"), "\r\n+CMS ERROR: 340\r\n");
	/* status report pushed with +CDS */
	r.len = 0;
	CHECK_INT(sim_deliver_status(r.sim, REPORT), 0);
	snprintf(want, sizeof(want), "\r\n+CDS: 26\r\n%s\r\n", REPORT);
	pump(&r, want, 1000);
	CHECK_STR(r.got, want);
	/* ds=2: stored and announced with +CDSI */
	chat(&r, "AT+CNMI=2,1,0,2,0\r");
	r.len = 0;
	CHECK_INT(sim_deliver_status(r.sim, REPORT), 1);
	pump(&r, "+CDSI: \"SM\",1\r\n", 1000);
	CHECK_STR(r.got, "\r\n+CDSI: \"SM\",1\r\n");
	/* mode 0: stored quietly, no URC */
	chat(&r, "AT+CNMI=0,1,0,0,0\r");
	r.len = 0;
	CHECK_INT(sim_deliver(r.sim, DELIVER), 2);
	pump(&r, NULL, 50);
	CHECK_INT(r.len, 0);
	rig_close(&r);
}

/* Send SUBMIT through the prompt; returns the collected answer. */
static const char *send_pdu(struct rig *r, const char *len_cmd, const char *hex,
			    const char *end)
{
	const char *p = chat(r, len_cmd);
	size_t n = strlen(p);
	if (n < 4 || strcmp(p + n - 4, "\r\n> ") != 0)
		return p;
	r->len = 0;
	if (write(r->fd, hex, strlen(hex)) != (ssize_t)strlen(hex) ||
	    write(r->fd, end, 1) != 1)
		return "(write failed)";
	pump(r, NULL, 0);
	int64_t stop = mono_ms() + 1000;
	while (mono_ms() < stop && strstr(r->got, "OK\r\n") == NULL &&
	       strstr(r->got, "ERROR") == NULL)
		pump(r, NULL, 5);
	return r->got;
}

static void send_with_prompt(void)
{
	struct rig r;
	if (rig_open(&r, NULL) != 0) {
		CHECK(0);
		return;
	}
	chat(&r, "ATE0;+CMEE=1\r");
	CHECK_STR(send_pdu(&r, "AT+CMGS=15\r", SUBMIT, "\x1a"),
		  "\r\n+CMGS: 1\r\n\r\nOK\r\n");
	CHECK_STR(send_pdu(&r, "AT+CMGS=15\r",
			   "0001000c91447700090010000002e834", "\x1a"),
		  "\r\n+CMGS: 2\r\n\r\nOK\r\n");
	CHECK_INT(sim_sent_count(r.sim), 2);
	CHECK_STR(sim_sent_pdu(r.sim, 0), SUBMIT);
	CHECK_STR(sim_sent_pdu(r.sim, 1), SUBMIT); /* upper-cased */
	CHECK_INT(sim_sent_mr(r.sim, 0), 1);
	CHECK_INT(sim_sent_mr(r.sim, 1), 2);
	CHECK(sim_sent_pdu(r.sim, 2) == NULL);
	/* a length that does not match the PDU */
	CHECK_STR(send_pdu(&r, "AT+CMGS=16\r", SUBMIT, "\x1a"),
		  "\r\n+CMS ERROR: 304\r\n");
	/* ESC cancels: OK and nothing sent */
	CHECK_STR(send_pdu(&r, "AT+CMGS=15\r", SUBMIT, "\x1b"), "\r\nOK\r\n");
	CHECK_INT(sim_sent_count(r.sim), 2);
	/* with echo on, the PDU is echoed before the answer */
	chat(&r, "ATE1\r");
	const char *got = send_pdu(&r, "AT+CMGS=15\r", SUBMIT, "\x1a");
	CHECK(strncmp(got, SUBMIT, strlen(SUBMIT)) == 0);
	CHECK(strstr(got, "\r\n+CMGS: 3\r\n\r\nOK\r\n") != NULL);
	rig_close(&r);
}

static void fault_garbage(void)
{
	struct rig r;
	if (rig_open(&r, NULL) != 0) {
		CHECK(0);
		return;
	}
	chat(&r, "ATE0\r");
	r.len = 0;
	sim_fault_garbage(r.sim, "\xff\x00zz\r\n", 6);
	pump(&r, "zz\r\n", 1000);
	CHECK_INT(r.len, 6);
	CHECK(memcmp(r.got, "\xff\x00zz\r\n", 6) == 0);
	CHECK_STR(chat(&r, "AT\r"), "\r\nOK\r\n");
	rig_close(&r);
}

static void fault_mute(void)
{
	struct rig r;
	if (rig_open(&r, NULL) != 0) {
		CHECK(0);
		return;
	}
	chat(&r, "ATE0\r");
	sim_fault_mute(r.sim, 2);
	r.len = 0;
	if (write(r.fd, "AT\r", 3) != 3)
		CHECK(0);
	pump(&r, NULL, 100);
	CHECK_INT(r.len, 0);
	r.now += 60000; /* no amount of time brings the answer */
	pump(&r, NULL, 20);
	CHECK_INT(r.len, 0);
	if (write(r.fd, "AT+CGMI\r", 8) != 8)
		CHECK(0);
	pump(&r, NULL, 50);
	CHECK_INT(r.len, 0);
	CHECK_STR(chat(&r, "AT\r"), "\r\nOK\r\n");
	rig_close(&r);
}

static void fault_cms_error(void)
{
	struct rig r;
	if (rig_open(&r, NULL) != 0) {
		CHECK(0);
		return;
	}
	chat(&r, "ATE0;+CMEE=1\r");
	sim_fault_cms_error(r.sim, 2, 500);
	CHECK_STR(send_pdu(&r, "AT+CMGS=15\r", SUBMIT, "\x1a"),
		  "\r\n+CMS ERROR: 500\r\n");
	CHECK_STR(send_pdu(&r, "AT+CMGS=15\r", SUBMIT, "\x1a"),
		  "\r\n+CMS ERROR: 500\r\n");
	CHECK_INT(sim_sent_count(r.sim), 0);
	CHECK_STR(send_pdu(&r, "AT+CMGS=15\r", SUBMIT, "\x1a"),
		  "\r\n+CMGS: 1\r\n\r\nOK\r\n");
	CHECK_INT(sim_sent_count(r.sim), 1);
	rig_close(&r);
}

static void fault_storage_full(void)
{
	struct rig r;
	if (rig_open(&r, NULL) != 0) {
		CHECK(0);
		return;
	}
	chat(&r, "ATE0;+CMEE=1\r");
	r.len = 0;
	sim_fault_storage_full(r.sim, 1);
	pump(&r, "^SMMEMFULL:\"SM\"\r\n", 1000);
	CHECK_STR(r.got, "\r\n^SMMEMFULL:\"SM\"\r\n");
	r.len = 0;
	CHECK_INT(sim_deliver(r.sim, DELIVER), -1);
	pump(&r, "^SMMEMFULL:\"SM\"\r\n", 1000);
	CHECK_STR(r.got, "\r\n^SMMEMFULL:\"SM\"\r\n");
	CHECK_INT(sim_stored(r.sim), 0);
	CHECK_STR(send_pdu(&r, "AT+CMGW=15\r", SUBMIT, "\x1a"),
		  "\r\n+CMS ERROR: 322\r\n");
	sim_fault_storage_full(r.sim, 0);
	CHECK_INT(sim_deliver(r.sim, DELIVER), 1);
	rig_close(&r);
}

static void line_drop_and_restore(void)
{
	char dir[] = "/tmp/smsdesk-sim-XXXXXX";
	char link[64];
	struct sim_config cfg = {0};
	struct stat st;
	struct rig r;

	if (mkdtemp(dir) == NULL) {
		CHECK(0);
		return;
	}
	snprintf(link, sizeof(link), "%s/modem", dir);
	cfg.link_path = link;
	if (rig_open(&r, &cfg) != 0) {
		CHECK(0);
		rmdir(dir);
		return;
	}
	CHECK_STR(sim_device_path(r.sim), link);
	chat(&r, "ATE0\r");
	CHECK_INT(sim_deliver(r.sim, DELIVER), 1);
	sim_line_drop(r.sim);
	CHECK_INT(sim_fd(r.sim), -1);
	CHECK_INT(lstat(link, &st), -1);
	/* the driver's fd hangs up */
	struct pollfd p = {.fd = r.fd, .events = POLLIN};
	CHECK_INT(poll(&p, 1, 1000), 1);
	CHECK((p.revents & POLLHUP) != 0);
	char b[8];
	ssize_t n = read(r.fd, b, sizeof(b));
	CHECK(n == 0 || (n < 0 && errno == EIO));
	CHECK_INT(sim_step(r.sim, r.now),
		  0); /* stepping a dropped line is ok */
	close(r.fd);
	CHECK_INT(open(link, O_RDWR | O_NOCTTY), -1);

	CHECK_INT(sim_line_restore(r.sim), 0);
	CHECK_INT(lstat(link, &st), 0);
	CHECK(S_ISLNK(st.st_mode));
	r.fd = open_client(link);
	CHECK(r.fd >= 0);
	/* power-up state again: echo on; storage kept */
	CHECK_STR(chat(&r, "AT\r"), "AT\r\r\nOK\r\n");
	CHECK_INT(sim_stored(r.sim), 1);
	rig_close(&r);
	CHECK_INT(lstat(link, &st), -1); /* sim_free removes the link */
	rmdir(dir);
}

static void boot_urcs_at_power_up(void)
{
	struct sim_config cfg = {.boot_urcs = 1, .pin = "1234"};
	struct rig r;
	if (rig_open(&r, &cfg) != 0) {
		CHECK(0);
		return;
	}
	/* printed before anyone read: they wait in the pty */
	pump(&r, "SMS Ready\r\n", 1000);
	CHECK_STR(r.got, "\r\nRDY\r\n\r\n+CFUN: 1\r\n\r\n+CPIN: SIM PIN\r\n"
			 "\r\nCall Ready\r\n\r\nSMS Ready\r\n");
	rig_close(&r);

	/* without the switch the line stays quiet */
	if (rig_open(&r, NULL) != 0) {
		CHECK(0);
		return;
	}
	r.len = 0;
	pump(&r, NULL, 50);
	CHECK_INT(r.len, 0);
	rig_close(&r);
}

static void delivery_while_dropped(void)
{
	struct rig r;
	char want[512];
	if (rig_open(&r, NULL) != 0) {
		CHECK(0);
		return;
	}
	chat(&r, "ATE0;+CNMI=2,2,0,0,0\r");
	sim_line_drop(r.sim);
	close(r.fd);
	r.fd = -1;
	/* +CMT cannot reach anyone: stored for the resynchronisation */
	CHECK_INT(sim_deliver(r.sim, DELIVER), 1);
	CHECK_INT(sim_line_restore(r.sim), 0);
	r.fd = open_client(sim_device_path(r.sim));
	CHECK(r.fd >= 0);
	chat(&r, "ATE0\r");
	snprintf(want, sizeof(want), "\r\n+CMGL: 1,0,,30\r\n%s\r\n\r\nOK\r\n",
		 DELIVER);
	CHECK_STR(chat(&r, "AT+CMGL=4\r"), want);
	rig_close(&r);
}

static void realistic_timing(void)
{
	struct sim_config cfg = {.profile = "realistic"};
	struct rig r;
	if (rig_open(&r, &cfg) != 0) {
		CHECK(0);
		return;
	}
	CHECK_INT(sim_next_deadline(r.sim), -1);
	r.len = 0;
	if (write(r.fd, "ATE0\r", 5) != 5)
		CHECK(0);
	pump(&r, "ATE0\r", 1000); /* echo at once, the answer later */
	CHECK_STR(r.got, "ATE0\r");
	CHECK_INT(sim_next_deadline(r.sim), r.now + 5);
	r.now += 5;
	pump(&r, "OK\r\n", 1000);
	CHECK_STR(r.got, "ATE0\r\r\nOK\r\n");
	CHECK_INT(sim_next_deadline(r.sim), -1);

	r.len = 0;
	if (write(r.fd, "AT+CMGS=15\r", 11) != 11)
		CHECK(0);
	pump(&r, NULL, 30);
	CHECK_INT(r.len, 0); /* the prompt takes 20 ms */
	r.now += 20;
	pump(&r, "> ", 1000);
	CHECK_STR(r.got, "\r\n> ");
	r.len = 0;
	if (write(r.fd, SUBMIT, strlen(SUBMIT)) < 0 ||
	    write(r.fd, "\x1a", 1) < 0)
		CHECK(0);
	pump(&r, NULL, 50);
	CHECK_INT(r.len, 0);
	CHECK_INT(sim_next_deadline(r.sim), r.now + 2500);
	r.now += 2499;
	pump(&r, NULL, 20);
	CHECK_INT(r.len, 0);
	r.now += 1;
	pump(&r, "OK\r\n", 1000);
	CHECK_STR(r.got, "\r\n+CMGS: 1\r\n\r\nOK\r\n");
	rig_close(&r);

	char err[128];
	cfg.profile = "fast";
	CHECK(sim_new(&cfg, err, sizeof(err)) == NULL);
	CHECK(strstr(err, "fast") != NULL);
}

static void delay_override(void)
{
	struct rig r;
	if (rig_open(&r, NULL) != 0) {
		CHECK(0);
		return;
	}
	chat(&r, "ATE0\r");
	CHECK_INT(sim_set_delay(r.sim, "+CSQ", 7000), 0);
	CHECK_INT(sim_set_delay(r.sim, "+TOO-LONG-A-NAME-X", 1), -1);
	r.len = 0;
	if (write(r.fd, "AT+CSQ\r", 7) != 7)
		CHECK(0);
	pump(&r, NULL, 30);
	CHECK_INT(r.len, 0);
	CHECK_INT(sim_next_deadline(r.sim), r.now + 7000);
	r.now += 7000;
	pump(&r, "OK\r\n", 1000);
	CHECK_STR(r.got, "\r\n+CSQ: 21,0\r\n\r\nOK\r\n");
	/* other commands keep the profile's time (zero) */
	CHECK_STR(chat(&r, "AT\r"), "\r\nOK\r\n");
	/* removed: back to zero */
	CHECK_INT(sim_set_delay(r.sim, "+CSQ", -1), 0);
	CHECK_STR(chat(&r, "AT+CSQ\r"), "\r\n+CSQ: 21,0\r\n\r\nOK\r\n");
	rig_close(&r);
}

/* Line noise a driver might send (a wrong baud rate, a confused client):
 * random bytes biased towards AT syntax. The sim must survive and answer a
 * clean command afterwards. Fixed seed: the same stream every run. */
static void survives_random_input(void)
{
	static const char alphabet[] =
	    "AT+CMGSRLDE01=?;,\"\r\n\x1a\x1b\x00\xff";
	uint32_t seed = 12345;
	char chunk[512];
	struct rig r;

	if (rig_open(&r, NULL) != 0) {
		CHECK(0);
		return;
	}
	for (int round = 0; round < 40; round++) {
		for (size_t i = 0; i < sizeof(chunk); i++) {
			seed = seed * 1103515245u + 12345u;
			uint32_t v = seed >> 16;
			chunk[i] = (v & 3)
				       ? alphabet[v % (sizeof(alphabet) - 1)]
				       : (char)(v >> 3);
		}
		if (write(r.fd, chunk, sizeof(chunk)) < 0)
			CHECK(0);
		pump(&r, NULL, 5);
		r.len = 0; /* keep the collector from filling up */
	}
	/* leave a PDU prompt if one is open, then reset */
	if (write(r.fd, "\x1b\rATZ\r", 6) != 6)
		CHECK(0);
	pump(&r, NULL, 100);
	CHECK_STR(chat(&r, "AT\r"), "AT\r\r\nOK\r\n");
	rig_close(&r);
}

int main(void)
{
	RUN(identify_with_echo);
	RUN(identity_from_config);
	RUN(result_formats);
	RUN(pin_flow);
	RUN(pin_tries_survive_power_up);
	RUN(iccid_commands);
	RUN(other_memory_and_raw);
	RUN(receive_by_cmti);
	RUN(storages);
	RUN(direct_delivery_and_ack);
	RUN(send_with_prompt);
	RUN(fault_garbage);
	RUN(fault_mute);
	RUN(fault_cms_error);
	RUN(fault_storage_full);
	RUN(line_drop_and_restore);
	RUN(boot_urcs_at_power_up);
	RUN(delivery_while_dropped);
	RUN(realistic_timing);
	RUN(delay_override);
	RUN(survives_random_input);
	return h_done();
}
