/*
 * sim: the modem side of AT on a pseudo-terminal. See include/smsdesk/sim.h.
 *
 * Layout: bytes read from the master go into `in`; the parser consumes them
 * one at a time (echoing as a modem does) until a command line is complete
 * or, after AT+CMGS/AT+CMGW, until the PDU's Ctrl-Z. A complete line is
 * executed at once into `pending`, which is released to `out` when its delay
 * has passed; until then the parser waits, as a modem busy with one command
 * does. URCs and garbage go straight to `out`.
 */
#include "sim_int.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

/* ---- the pty ------------------------------------------------------------ */

static int pty_open(struct sim *sim)
{
	struct termios tio;
	int flags;

	if (openpty(&sim->master, &sim->slave, sim->slave_name, NULL, NULL) !=
	    0) {
		snprintf(sim->errbuf, sizeof(sim->errbuf), "openpty: %s",
			 strerror(errno));
		sim->master = sim->slave = -1;
		return -1;
	}
	/* The settings belong to the slave side; a driver sets its own too. */
	if (tcgetattr(sim->slave, &tio) == 0) {
		cfmakeraw(&tio);
		(void)tcsetattr(sim->slave, TCSANOW, &tio);
	}
	flags = fcntl(sim->master, F_GETFL);
	if (flags < 0 || fcntl(sim->master, F_SETFL, flags | O_NONBLOCK) != 0 ||
	    fcntl(sim->master, F_SETFD, FD_CLOEXEC) != 0 ||
	    fcntl(sim->slave, F_SETFD, FD_CLOEXEC) != 0) {
		snprintf(sim->errbuf, sizeof(sim->errbuf), "pty fcntl: %s",
			 strerror(errno));
		close(sim->master);
		close(sim->slave);
		sim->master = sim->slave = -1;
		return -1;
	}
	if (sim->link_path != NULL) {
		(void)unlink(sim->link_path);
		if (symlink(sim->slave_name, sim->link_path) != 0) {
			snprintf(sim->errbuf, sizeof(sim->errbuf),
				 "symlink %s: %s", sim->link_path,
				 strerror(errno));
			close(sim->master);
			close(sim->slave);
			sim->master = sim->slave = -1;
			return -1;
		}
	}
	return 0;
}

static void pty_close(struct sim *sim)
{
	if (sim->master >= 0)
		close(sim->master);
	if (sim->slave >= 0)
		close(sim->slave);
	sim->master = sim->slave = -1;
	if (sim->link_path != NULL)
		(void)unlink(sim->link_path);
	sim->out.len = 0;
	sim->pending.len = 0;
	sim->busy = 0;
	sim->in_len = 0;
}

/* ---- public ------------------------------------------------------------- */

struct sim *sim_new(const struct sim_config *cfg, char *err, size_t errlen)
{
	static const struct sim_config none;
	struct sim *sim;

	if (cfg == NULL)
		cfg = &none;
	sim = calloc(1, sizeof(*sim));
	if (sim == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	sim->master = sim->slave = -1;
	sim->cap = cfg->capacity ? cfg->capacity : 30;
	sim->manufacturer = sx_dup_or(cfg->manufacturer, "SIMCOM_Ltd");
	sim->model = sx_dup_or(cfg->model, "SIMCOM_SIM800");
	sim->revision = sx_dup_or(cfg->revision, "Revision:1418B04SIM800L24");
	sim->imei = sx_dup_or(cfg->imei, "490154203237518");
	sim->pin = sx_dup_or(cfg->pin, "");
	sim->smsc_default = sx_dup_or(cfg->smsc, "+447785016005");
	sim->operator_name = sx_dup_or(cfg->operator_name, "SIMNET");
	sim->link_path = cfg->link_path ? strdup(cfg->link_path) : NULL;
	sim->mem[0] = calloc(sim->cap, sizeof(struct slot));
	sim->mem[1] = calloc(sim->cap, sizeof(struct slot));
	sim->next_mr = 1;
	sim->pin_tries = 3;
	sim->boot_urcs = cfg->boot_urcs != 0;
	sim->iccid = sx_dup_or(cfg->iccid, "8944110067212345678");
	if (sim->manufacturer == NULL || sim->model == NULL ||
	    sim->revision == NULL || sim->imei == NULL || sim->pin == NULL ||
	    sim->smsc_default == NULL || sim->operator_name == NULL ||
	    sim->iccid == NULL ||
	    (cfg->link_path != NULL && sim->link_path == NULL) ||
	    sim->mem[0] == NULL || sim->mem[1] == NULL) {
		snprintf(err, errlen, "out of memory");
		sim_free(sim);
		return NULL;
	}
	if (cfg->profile == NULL || strcmp(cfg->profile, "zero") == 0) {
		sim->realistic = 0;
	} else if (strcmp(cfg->profile, "realistic") == 0) {
		sim->realistic = 1;
	} else {
		snprintf(err, errlen,
			 "unknown timing profile '%s' (zero, realistic)",
			 cfg->profile);
		sim_free(sim);
		return NULL;
	}
	if (pty_open(sim) != 0) {
		snprintf(err, errlen, "%s", sim->errbuf);
		sim_free(sim);
		return NULL;
	}
	sx_modem_power_up(sim);
	return sim;
}

void sim_free(struct sim *sim)
{
	if (sim == NULL)
		return;
	pty_close(sim);
	for (int m = 0; m < 2; m++) {
		for (size_t i = 0; sim->mem[m] != NULL && i < sim->cap; i++)
			free(sim->mem[m][i].hex);
		free(sim->mem[m]);
	}
	for (size_t i = 0; i < sim->sent_n; i++)
		free(sim->sent[i].hex);
	free(sim->sent);
	free(sim->out.data);
	free(sim->pending.data);
	free(sim->manufacturer);
	free(sim->model);
	free(sim->revision);
	free(sim->imei);
	free(sim->pin);
	free(sim->smsc_default);
	free(sim->operator_name);
	free(sim->iccid);
	free(sim->link_path);
	free(sim);
}

const char *sim_device_path(const struct sim *sim)
{
	return sim->link_path != NULL ? sim->link_path : sim->slave_name;
}

int sim_fd(const struct sim *sim)
{
	return sim->master;
}

int sim_wants_write(const struct sim *sim)
{
	return sim->master >= 0 && sim->out.len > 0;
}

static int pty_read(struct sim *sim)
{
	while (sim->in_len < SIM_IN_MAX) {
		ssize_t n = read(sim->master, sim->in + sim->in_len,
				 SIM_IN_MAX - sim->in_len);
		if (n > 0) {
			sim->in_len += (size_t)n;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK &&
		    errno != EIO)
			return -1;
		break;
	}
	return 0;
}

static int pty_write(struct sim *sim)
{
	while (sim->out.len > 0) {
		ssize_t n = write(sim->master, sim->out.data, sim->out.len);
		if (n > 0) {
			sx_buf_drop(&sim->out, (size_t)n);
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
			return -1;
		break;
	}
	return 0;
}

int sim_step(struct sim *sim, int64_t now_ms)
{
	size_t used = 0;

	if (sim->master < 0)
		return 0;
	if (pty_read(sim) != 0)
		return -1;
	for (;;) {
		if (sim->busy) {
			if (now_ms < sim->due)
				break;
			(void)sx_buf_add(&sim->out, sim->pending.data,
					 sim->pending.len);
			sim->pending.len = 0;
			sim->busy = 0;
		}
		if (used == sim->in_len)
			break;
		char c = sim->in[used++];
		if (sim->mode == MODE_PDU)
			sx_feed_pdu(sim, c, now_ms);
		else
			sx_feed_command(sim, c, now_ms);
	}
	memmove(sim->in, sim->in + used, sim->in_len - used);
	sim->in_len -= used;
	return pty_write(sim);
}

int64_t sim_next_deadline(const struct sim *sim)
{
	return sim->busy ? sim->due : -1;
}

int sim_set_delay(struct sim *sim, const char *command, int ms)
{
	size_t i;

	if (command == NULL || strlen(command) >= sizeof(sim->delays[0].cmd))
		return -1;
	for (i = 0; i < sim->ndelays; i++)
		if (strcmp(sim->delays[i].cmd, command) == 0)
			break;
	if (ms < 0) {
		if (i < sim->ndelays)
			sim->delays[i] = sim->delays[--sim->ndelays];
		return 0;
	}
	if (i == sim->ndelays) {
		if (sim->ndelays == SIM_DELAYS_MAX)
			return -1;
		sim->ndelays++;
	}
	snprintf(sim->delays[i].cmd, sizeof(sim->delays[i].cmd), "%s", command);
	sim->delays[i].ms = ms;
	return 0;
}

static void announce_full(struct sim *sim)
{
	if (sim->storage_full)
		/* Huawei MU509 AT spec 6.21: "^SMMEMFULL:<mem_type>" */
		sx_urc(sim, "^SMMEMFULL:\"%s\"", sx_mem_name(sim->cpms[2]));
}

int sim_deliver(struct sim *sim, const char *pdu_hex)
{
	char *hex = sx_pdu_copy(pdu_hex);
	int mt = sim->cnmi[1];
	int idx;

	if (hex == NULL)
		return -1;
	if (mt == 2 && sim->cnmi[0] != 0 && sim->master >= 0) {
		/* direct delivery: the PDU goes to the driver, not storage */
		sx_urc(sim, "+CMT: ,%d", sx_tpdu_len(hex));
		(void)sx_buf_add(&sim->out, hex, strlen(hex));
		(void)sx_buf_add(&sim->out, "\r\n", 2);
		if (sim->csms == 1)
			sim->ack_pending++;
		free(hex);
		return 0;
	}
	idx = sx_mem_store(sim, sim->cpms[2], hex, 0);
	if (idx < 0) {
		free(hex);
		announce_full(sim);
		return -1;
	}
	if (mt != 0 && sim->cnmi[0] != 0)
		sx_urc(sim, "+CMTI: \"%s\",%d", sx_mem_name(sim->cpms[2]), idx);
	return idx;
}

int sim_deliver_to(struct sim *sim, const char *mem, const char *pdu_hex)
{
	char *hex = sx_pdu_copy(pdu_hex);
	enum mem_id m;
	int idx;

	if (hex == NULL || mem == NULL || sx_mem_parse(mem, &m) != 0 ||
	    m == MEM_MT) {
		free(hex);
		return -1;
	}
	idx = sx_mem_store(sim, m, hex, 0);
	if (idx < 0) {
		free(hex);
		announce_full(sim);
		return -1;
	}
	if (sim->cnmi[1] != 0 && sim->cnmi[0] != 0)
		sx_urc(sim, "+CMTI: \"%s\",%d", sx_mem_name(m), idx);
	return idx;
}

int sim_fault_store_raw(struct sim *sim, const char *line)
{
	char *copy;
	int idx;

	if (line == NULL || strchr(line, '\r') != NULL ||
	    strchr(line, '\n') != NULL || (copy = strdup(line)) == NULL)
		return -1;
	idx = sx_mem_store(sim, sim->cpms[2], copy, 0);
	if (idx < 0) {
		free(copy);
		return -1;
	}
	if (sim->cnmi[1] != 0 && sim->cnmi[0] != 0)
		sx_urc(sim, "+CMTI: \"%s\",%d", sx_mem_name(sim->cpms[2]), idx);
	return idx;
}

unsigned long sim_command_count(const struct sim *sim, const char *key)
{
	for (size_t i = 0; i < sim->n_counts; i++)
		if (strcmp(sim->counts[i].key, key) == 0)
			return sim->counts[i].n;
	return 0;
}

int sim_pin_tries(const struct sim *sim)
{
	return sim->pin_tries;
}

int sim_deliver_status(struct sim *sim, const char *pdu_hex)
{
	char *hex = sx_pdu_copy(pdu_hex);
	int idx;

	if (hex == NULL)
		return -1;
	if (sim->cnmi[3] == 0 || sim->cnmi[0] == 0) {
		free(hex);
		return 0;
	}
	if (sim->cnmi[3] == 1) {
		sx_urc(sim, "+CDS: %d", sx_tpdu_len(hex));
		(void)sx_buf_add(&sim->out, hex, strlen(hex));
		(void)sx_buf_add(&sim->out, "\r\n", 2);
		if (sim->csms == 1)
			sim->ack_pending++;
		free(hex);
		return 0;
	}
	idx = sx_mem_store(sim, sim->cpms[2], hex, 0);
	if (idx < 0) {
		free(hex);
		announce_full(sim);
		return -1;
	}
	sx_urc(sim, "+CDSI: \"%s\",%d", sx_mem_name(sim->cpms[2]), idx);
	return idx;
}

size_t sim_stored(const struct sim *sim)
{
	return sx_mem_used(sim, MEM_SM) + sx_mem_used(sim, MEM_ME);
}

int sim_stat(const struct sim *sim, const char *mem, int index)
{
	enum mem_id m;
	const struct slot *s;

	if (mem == NULL || sx_mem_parse(mem, &m) != 0)
		return -1;
	s = sx_mem_slot(sim, m, index);
	return (s == NULL || s->hex == NULL) ? -1 : s->stat;
}

size_t sim_sent_count(const struct sim *sim)
{
	return sim->sent_n;
}

const char *sim_sent_pdu(const struct sim *sim, size_t i)
{
	return i < sim->sent_n ? sim->sent[i].hex : NULL;
}

void sim_set_next_mr(struct sim *sim, int mr)
{
	sim->next_mr = mr & 0xff;
}

int sim_sent_mr(const struct sim *sim, size_t i)
{
	return i < sim->sent_n ? sim->sent[i].mr : -1;
}

void sim_fault_garbage(struct sim *sim, const void *bytes, size_t len)
{
	if (sim->master >= 0)
		(void)sx_buf_add(&sim->out, bytes, len);
}

void sim_fault_mute(struct sim *sim, int commands)
{
	sim->mute = commands > 0 ? commands : 0;
}

void sim_fault_cms_error(struct sim *sim, int sends, int code)
{
	sim->cms_sends = sends > 0 ? sends : 0;
	sim->cms_code = code;
}

void sim_fault_storage_full(struct sim *sim, int on)
{
	sim->storage_full = on != 0;
	announce_full(sim);
}

void sim_line_drop(struct sim *sim)
{
	pty_close(sim);
}

void sim_port_released(struct sim *sim)
{
	/* The sim holds the slave open, so the kernel never sees a last close
	 * and keeps a killed driver's TIOCEXCL; clear it as a real port would
	 * be after its user died (only root may open an exclusive tty). */
	if (sim->slave >= 0)
		(void)ioctl(sim->slave, TIOCNXCL);
}

int sim_line_restore(struct sim *sim)
{
	if (sim->master >= 0)
		pty_close(sim);
	if (pty_open(sim) != 0)
		return -1;
	sx_modem_power_up(sim);
	return 0;
}
