/*
 * catalog_bearers: how texts come and go — the GSM modems (modems = ( ... ))
 * and the Kannel bearers (kannel = ( ... )). Device paths are unique; a
 * business number is served by one bearer only.
 */
#include "catalog_internal.h"

#include "smsdesk/phone.h"
#include "smsdesk/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int baud_ok(int b)
{
	static const int rates[] = {9600,   19200,  38400,  57600,
				    115200, 230400, 460800, 921600};

	for (size_t i = 0; i < N_OF(rates); i++)
		if (rates[i] == b)
			return 1;
	return 0;
}

void parse_modem(struct loader *ld, const config_setting_t *g, size_t idx)
{
	struct cat_modem *md = &ld->cat->modems[idx];
	const config_setting_t *f[N_MODEM_KEYS];
	const char *v;

	check_group(ld, g, modem_keys, N_MODEM_KEYS, "this modem", f);
	md->line = line_of(g);
	if ((v = nonempty(ld, f[MODEM_DEVICE], "device")) != NULL &&
	    fits(ld, f[MODEM_DEVICE], "device", v, STORE_ID_MAX - 1)) {
		for (size_t i = 0; i < idx; i++) {
			const struct cat_modem *other = &ld->cat->modems[i];
			if (other->device != NULL &&
			    strcmp(other->device, v) == 0)
				ERR(ld, line_of(f[MODEM_DEVICE]),
				    "device '%s' is already used by the modem "
				    "on line %d",
				    v, other->line);
		}
		md->device = dup_str(ld, v);
	}
	md->baud = DEF_BAUD;
	if (f[MODEM_BAUD] != NULL) {
		md->baud = int_of(f[MODEM_BAUD]);
		if (!baud_ok(md->baud))
			ERR(ld, line_of(f[MODEM_BAUD]),
			    "baud %d is not a serial speed; use one of 9600, "
			    "19200, 38400, 57600, 115200, 230400, 460800, "
			    "921600",
			    md->baud);
	}
	v = f[MODEM_PIN] != NULL ? text_of(ld, f[MODEM_PIN], "pin") : "";
	if (v == NULL)
		v = "";
	if (v[0] != '\0') {
		size_t n = strspn(v, "0123456789");
		if (n != strlen(v) || n < 4 || n > 8)
			ERR(ld, line_of(f[MODEM_PIN]),
			    "pin must be 4 to 8 digits, or \"\" for none");
		else if (ld->pin_line == 0)
			ld->pin_line = line_of(f[MODEM_PIN]);
	}
	md->pin = dup_str(ld, v);
}

/* ---- Kannel ---------------------------------------------------------------
 */

/*
 * "host:port", "[v6]:port": host into host (cap bytes), port into *port.
 * 0 when it is not of that form.
 */
static int split_listen(const char *v, char *host, size_t cap, int *port)
{
	const char *colon, *h = v, *he;
	char *end;
	long p;

	if (v[0] == '[') {
		he = strchr(v, ']');
		if (he == NULL || he[1] != ':')
			return 0;
		h = v + 1;
		colon = he + 1;
	} else {
		colon = strrchr(v, ':');
		if (colon == NULL || memchr(v, ':', (size_t)(colon - v)))
			return 0;
		he = colon;
	}
	if (he == h || (size_t)(he - h) >= cap)
		return 0;
	for (const char *c = h; c < he; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		      (*c >= '0' && *c <= '9') || *c == '.' || *c == '-' ||
		      (v[0] == '[' && *c == ':')))
			return 0;
	if (colon[1] < '0' || colon[1] > '9')
		return 0;
	p = strtol(colon + 1, &end, 10);
	if (*end != '\0' || p < 1 || p > 65535)
		return 0;
	memcpy(host, h, (size_t)(he - h));
	host[he - h] = '\0';
	*port = (int)p;
	return 1;
}

static int is_loopback(const char *host)
{
	return strcmp(host, "localhost") == 0 ||
	       strncmp(host, "127.", 4) == 0 || strcmp(host, "::1") == 0;
}

static void kannel_listen(struct loader *ld, const config_setting_t *s,
			  struct cat_kannel *k, size_t idx)
{
	const char *v =
	    s != NULL ? nonempty(ld, s, "listen") : DEF_KANNEL_LISTEN;
	char host[256];

	if (v == NULL)
		return;
	if (!split_listen(v, host, sizeof(host), &k->listen_port)) {
		ERR(ld, line_of(s),
		    "listen '%s' is not host:port; write it like \"%s\"", v,
		    DEF_KANNEL_LISTEN);
		return;
	}
	k->listen = dup_str(ld, v);
	k->listen_host = dup_str(ld, host);
	for (size_t i = 0; i < idx; i++) {
		const struct cat_kannel *o = &ld->cat->kannel[i];
		if (o->listen != NULL && o->listen_port == k->listen_port &&
		    strcmp(o->listen_host, host) == 0)
			ERR(ld, s != NULL ? line_of(s) : k->line,
			    "listen %s is already used by the Kannel bearer "
			    "on line %d; give each its own port",
			    v, o->line);
	}
	if (s != NULL && !is_loopback(host))
		WARN(ld, line_of(s),
		     "listen %s takes calls from other machines; only the "
		     "secret keeps strangers out (use 127.0.0.1 when Kannel "
		     "runs on this machine)",
		     v);
}

static void kannel_url(struct loader *ld, const config_setting_t *s,
		       struct cat_kannel *k)
{
	const char *v = nonempty(ld, s, "sendsms_url");
	const char *host;

	if (v == NULL)
		return;
	host = strncmp(v, "http://", 7) == 0	? v + 7
	       : strncmp(v, "https://", 8) == 0 ? v + 8
						: NULL;
	if (host == NULL || host[0] == '\0' || host[0] == '/' ||
	    strpbrk(v, " \t?#") != NULL) {
		ERR(ld, line_of(s),
		    "sendsms_url '%s' is not an http:// or https:// address "
		    "without ? or spaces; write it like %s",
		    v, kannel_keys[KAN_SENDSMS_URL].example);
		return;
	}
	k->sendsms_url = dup_str(ld, v);
}

static void kannel_numbers(struct loader *ld, const config_setting_t *s,
			   struct cat_kannel *k)
{
	int n = config_setting_length(s);

	k->numbers = alloc_array(ld, (size_t)n, sizeof(char *));
	if (k->numbers == NULL)
		return;
	if (n == 0)
		ERR(ld, line_of(s),
		    "numbers is empty; list the business numbers this bearer "
		    "serves, like numbers = %s;",
		    kannel_keys[KAN_NUMBERS].example);
	for (int i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(s, i);
		const char *v = text_of(ld, e, "number");
		char e164[PHONE_E164_MAX];
		const struct strslot *prev;
		int rc;

		if (v == NULL)
			continue;
		rc = phone_to_e164(v, ld->cat->country, e164, sizeof(e164));
		if (rc != PHONE_OK) {
			ERR(ld, line_of(e),
			    "number '%s' cannot be read as a phone number: %s",
			    v, phone_error_text(rc));
			continue;
		}
		k->numbers[k->n_numbers] = dup_str(ld, e164);
		if (k->numbers[k->n_numbers] == NULL)
			return;
		prev = strmap_add(&ld->phones, k->numbers[k->n_numbers], 2,
				  line_of(e), &ld->oom);
		k->n_numbers++;
		if (prev == NULL)
			continue;
		if (prev->val == 2)
			ERR(ld, line_of(e),
			    "number %s is already served by the bearer on line "
			    "%d",
			    e164, prev->line);
		else
			ERR(ld, line_of(e),
			    "number %s is the business's own, but line %d "
			    "gives "
			    "it to a %s",
			    e164, prev->line,
			    prev->val ? "staff member" : "referral");
	}
}

void parse_kannel(struct loader *ld, const config_setting_t *g, size_t idx)
{
	struct cat_kannel *k = &ld->cat->kannel[idx];
	const config_setting_t *f[N_KANNEL_KEYS];
	const char *v;

	check_group(ld, g, kannel_keys, N_KANNEL_KEYS, "this Kannel bearer", f);
	k->line = line_of(g);
	kannel_listen(ld, f[KAN_LISTEN], k, idx);
	if (f[KAN_SENDSMS_URL] != NULL)
		kannel_url(ld, f[KAN_SENDSMS_URL], k);
	if ((v = nonempty(ld, f[KAN_USERNAME], "username")) != NULL)
		k->username = dup_str(ld, v);
	if ((v = nonempty(ld, f[KAN_PASSWORD], "password")) != NULL) {
		k->password = dup_str(ld, v);
		if (ld->secret_line == 0)
			ld->secret_line = line_of(f[KAN_PASSWORD]);
	}
	if ((v = nonempty(ld, f[KAN_SECRET], "secret")) != NULL) {
		if (strlen(v) < 16)
			ERR(ld, line_of(f[KAN_SECRET]),
			    "secret is %zu characters; use at least 16 (a "
			    "long random text only Kannel and smsdesk know)",
			    strlen(v));
		else
			k->secret = dup_str(ld, v);
		if (ld->secret_line == 0)
			ld->secret_line = line_of(f[KAN_SECRET]);
	}
	if (f[KAN_NUMBERS] != NULL)
		kannel_numbers(ld, f[KAN_NUMBERS], k);
	k->max_in_flight = DEF_MAX_IN_FLIGHT;
	if (f[KAN_MAX_IN_FLIGHT] != NULL) {
		int n = int_of(f[KAN_MAX_IN_FLIGHT]);
		if (n < 1 || n > 1000)
			ERR(ld, line_of(f[KAN_MAX_IN_FLIGHT]),
			    "max_in_flight must be between 1 and 1000, not %d",
			    n);
		else
			k->max_in_flight = n;
	}
}
