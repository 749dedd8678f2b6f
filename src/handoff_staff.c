/*
 * handoff_staff: a text from a staff phone — never an inquiry. "#K7 text"
 * answers a customer; "PIN command" runs an SMS staff command; STOP and
 * START are honoured as from anyone; everything else (a wrong or missing
 * PIN included) gets the one same "not understood", is counted, and
 * enough of them lock the phone out for a while. See
 * include/smsdesk/handoff.h.
 */
#include "handoff_int.h"

#include "smsdesk/log.h"
#include "smsdesk/staffbook.h"
#include "smsdesk/text.h"
#include "smsdesk/when.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Staff texts may be longer than the customers' replies: a day's list. */
#define STAFF_SEGMENTS 3
#define LIST_MAX       48
#define ITEM_MAX       200

struct staff_ctx {
	struct store *st;
	const struct catalog *cat;
	const struct cat_staff *who;
	const struct store_inbox_msg *msg;
	int64_t now;
	unsigned flags;
	struct desk_result *desk;
	struct handoff_result *out;
};

/* The answer to the staff member: NAME rendered into desk->replies[0]. */
static void say(struct staff_ctx *c, const char *name, struct lang_var *v,
		size_t n)
{
	hw_render(c->cat, name, v, n, NULL, STAFF_SEGMENTS, c->desk->replies[0],
		  sizeof(c->desk->replies[0]));
	c->desk->n_replies = c->desk->replies[0][0] != '\0';
}

static const char *masked(const struct staff_ctx *c, char *buf, size_t cap)
{
	return log_number(c->who->phone, buf, cap);
}

/* Refusals in the lock-out window before this text. */
static int refusals(struct staff_ctx *c, int64_t *n)
{
	return store_staff_refusals_since(
	    c->st, c->who->phone, c->now - HANDOFF_LOCKOUT_MINUTES * 60, n);
}

/*
 * Refuse the text: the same answer whatever was wrong (a wrong or missing
 * PIN, an unknown command or code), counted; silence once locked out. The
 * text itself is never logged (it may hold a PIN).
 */
static int refuse(struct staff_ctx *c, const char *answer, struct lang_var *v,
		  size_t n)
{
	char m[LOG_NUMBER_MAX];
	int64_t before = 0;
	int rc = refusals(c, &before);

	if (rc == STORE_OK)
		rc = store_staff_refused(c->st, c->who->phone, c->now);
	if (rc < 0)
		return rc;
	if (before >= HANDOFF_REFUSALS_MAX) {
		snprintf(c->out->action, sizeof(c->out->action), "locked out");
		log_warn("staff %s (%s): text ignored: locked out (%" PRId64
			 " refused in %d min)",
			 c->who->name, masked(c, m, sizeof(m)), before + 1,
			 HANDOFF_LOCKOUT_MINUTES);
		return STORE_OK;
	}
	snprintf(c->out->action, sizeof(c->out->action), "refused");
	log_warn("staff %s (%s): text refused (not a command, a wrong or "
		 "missing PIN, or no such code); %" PRId64 " in %d min%s",
		 c->who->name, masked(c, m, sizeof(m)), before + 1,
		 HANDOFF_LOCKOUT_MINUTES,
		 before + 1 == HANDOFF_REFUSALS_MAX
		     ? ": no more answers or commands from this phone for now"
		     : "");
	say(c, answer, v, n);
	return STORE_OK;
}

/* ---- answering a customer: "#K7 text" --------------------------------- */

static int by_code(struct staff_ctx *c, const char *p)
{
	struct handoff_answer a;
	char typed[STORE_CODE_MAX], code[STORE_CODE_MAX + 1], n[8], max[8];
	size_t len = 0;
	int rc;

	p++; /* '#' */
	while (*p == ' ')
		p++;
	while (len < STORE_CODE_MAX - 1 && isalnum((unsigned char)*p))
		typed[len++] = *p++;
	typed[len] = '\0';
	while (*p == ' ' || *p == ':' || *p == ',' || *p == '-' || *p == '.')
		p++;
	rc = handoff_answer(c->st, c->cat, typed, p, c->who->name, c->now,
			    c->flags, &a);
	if (rc < 0)
		return rc;
	snprintf(code, sizeof(code), "#%s", a.code[0] ? a.code : typed);
	snprintf(n, sizeof(n), "%d", a.segments);
	snprintf(max, sizeof(max), "%d", c->cat->policy.max_segments);
	struct lang_var v[] = {
	    {.name = "code", .value = code},
	    {.name = "number", .value = a.to},
	    {.name = "n", .value = n},
	    {.name = "max", .value = max},
	};
	size_t nv = sizeof(v) / sizeof(v[0]);
	switch ((enum handoff_answer_rc)rc) {
	case HANDOFF_SENT:
		snprintf(c->out->action, sizeof(c->out->action), "answered #%s",
			 a.code);
		snprintf(c->out->code, sizeof(c->out->code), "%s", a.code);
		say(c, "staff_sent", v, nv);
		return STORE_OK;
	case HANDOFF_NO_SUCH:
	case HANDOFF_NOT_NUMBER:
		return refuse(c, "staff_no_such", v, nv);
	case HANDOFF_OPTED_OUT:
		snprintf(c->out->action, sizeof(c->out->action),
			 "#%s not sent: opted out", a.code);
		say(c, "staff_opted_out", v, nv);
		return STORE_OK;
	case HANDOFF_TOO_LONG:
		snprintf(c->out->action, sizeof(c->out->action),
			 "#%s not sent: too long", a.code);
		say(c, "staff_too_long", v, nv);
		return STORE_OK;
	case HANDOFF_EMPTY:
		snprintf(c->out->action, sizeof(c->out->action),
			 "#%s not sent: empty", a.code);
		say(c, "staff_empty", v, nv);
		return STORE_OK;
	}
	return STORE_OK;
}

/* ---- commands: "PIN today" ------------------------------------------- */

/* Does the PIN typed match who's? Every byte compared (no early exit). */
static int pin_ok(const struct cat_staff *who, const char *typed, size_t len)
{
	const char *pin = who->pin != NULL ? who->pin : "";
	size_t plen = strlen(pin);
	unsigned diff = plen != len || plen == 0;

	for (size_t i = 0; i < len; i++)
		diff |= (unsigned char)typed[i] ^
			(unsigned char)(i < plen ? pin[i] : 0);
	return diff == 0;
}

/* The local day `offset` days after now's, as its [from, to) in UTC. */
static void day_range(const struct catalog *cat, int64_t now, int offset,
		      int64_t *from, int64_t *to)
{
	const struct civil_zone *z = when_zone_of(cat);
	struct when_local l;
	struct when_day d;

	when_local_in(z, now, &l);
	d = when_day_add(l.day, offset);
	*from = when_epoch_in(z, &d, 0);
	d = when_day_add(d, 1);
	*to = when_epoch_in(z, &d, 0);
}

/*
 * A command word as typed, folded ("Mañana" -> "manana") and in English:
 * the commands are read in English, Spanish, French and Portuguese,
 * whatever the business's language (a staff member may prefer any).
 */
static const char *verb_of(const char *typed, char *buf, size_t cap)
{
	static const char *const alias[][2] = {
	    {"hoy", "today"},
	    {"manana", "tomorrow"},
	    {"pendientes", "waiting"},
	    {"bloquear", "block"},
	    {"desbloquear", "unblock"},
	    {"ayuda", "help"},
	    {"reservas", "bookings"},
	    /* French and Portuguese (branch langfp) */
	    {"auj", "today"},
	    {"aujourdhui", "today"},
	    {"demain", "tomorrow"},
	    {"attente", "waiting"},
	    {"bloquer", "block"},
	    {"debloquer", "unblock"},
	    {"aide", "help"},
	    {"hoje", "today"},
	    {"amanha", "tomorrow"},
	    {"pendentes", "waiting"},
	    {"ajuda", "help"},
	};

	text_fold(typed, buf, cap);
	for (size_t i = 0; i < sizeof(alias) / sizeof(alias[0]); i++)
		if (strcmp(buf, alias[i][0]) == 0)
			return alias[i][1];
	return buf;
}

/* A day word: today, tomorrow (or hoy, mañana), YYYY-MM-DD. 0, or -1. */
static int read_day(const struct catalog *cat, int64_t now, const char *typed,
		    int64_t *from, int64_t *to)
{
	char buf[32];
	const char *w = verb_of(typed, buf, sizeof(buf));

	if (strcmp(w, "today") == 0) {
		day_range(cat, now, 0, from, to);
		return 0;
	}
	if (strcmp(w, "tomorrow") == 0) {
		day_range(cat, now, 1, from, to);
		return 0;
	}
	return staffbook_parse_day(cat, typed, from, to);
}

/*
 * Render NAME with a list variable `var` of items, showing as many as fit
 * STAFF_SEGMENTS, and "+N more" after them when not all do.
 */
static void say_list(struct staff_ctx *c, const char *name, const char *var,
		     char items[][ITEM_MAX], size_t n, struct lang_var *extra,
		     size_t n_extra)
{
	const char *ptrs[LIST_MAX + 1];
	char more[32];
	struct lang_var v[4];

	for (size_t shown = n; shown >= 1; shown--) {
		size_t k = 0;
		for (size_t i = 0; i < shown; i++)
			ptrs[k++] = items[i];
		if (shown < n) {
			snprintf(more, sizeof(more), "+%zu more", n - shown);
			ptrs[k++] = more;
		}
		memset(v, 0, sizeof(v));
		v[0] = (struct lang_var){.name = var,
					 .items = ptrs,
					 .n_items = k,
					 .shown = k,
					 .sep = ", "};
		for (size_t i = 0; i < n_extra && i < 3; i++)
			v[i + 1] = extra[i];
		lang_render(hw_wording(c->cat, name), v, 1 + n_extra,
			    c->desk->replies[0], sizeof(c->desk->replies[0]));
		if (lang_segments(c->desk->replies[0]) <= STAFF_SEGMENTS ||
		    shown == 1)
			break;
	}
	if (lang_segments(c->desk->replies[0]) > STAFF_SEGMENTS)
		lang_trim_words(c->desk->replies[0],
				sizeof(c->desk->replies[0]), STAFF_SEGMENTS);
	c->desk->n_replies = 1;
}

static void hhmm(const struct catalog *cat, int64_t t, char *out, size_t cap)
{
	struct when_local l;

	when_local_in(when_zone_of(cat), t, &l);
	snprintf(out, cap, "%02d:%02d", l.minute / 60, l.minute % 60);
}

static int cmd_day(struct staff_ctx *c, int64_t from, int64_t to)
{
	struct store_booking_list bl = {0};
	struct store_block_list kl = {0};
	static char items[LIST_MAX][ITEM_MAX];
	int64_t starts[LIST_MAX];
	char day[48], a[16], b[16];
	size_t n = 0;
	int rc;

	rc = store_bookings_between(c->st, from, to, 0, &bl);
	if (rc == STORE_OK)
		rc = store_blocks_between(c->st, from, to, &kl);
	for (size_t i = 0; rc == STORE_OK && i < bl.n && n < LIST_MAX; i++) {
		const struct store_booking *k = &bl.v[i];
		const struct cat_service *svc =
		    catalog_service(c->cat, k->service);
		hhmm(c->cat, k->start, a, sizeof(a));
		snprintf(items[n], sizeof(items[n]), "%s %.60s %s%s%.40s", a,
			 svc != NULL ? svc->name : k->service, k->ref,
			 k->name[0] ? " " : "", k->name);
		starts[n++] = k->start;
	}
	for (size_t i = 0; rc == STORE_OK && i < kl.n && n < LIST_MAX; i++) {
		const struct store_block *k = &kl.v[i];
		hhmm(c->cat, k->start < from ? from : k->start, a, sizeof(a));
		hhmm(c->cat, k->end > to ? to : k->end, b, sizeof(b));
		snprintf(items[n], sizeof(items[n]), "%s-%s blocked%s%.40s", a,
			 b, k->reason[0] ? " " : "", k->reason);
		starts[n++] = k->start;
	}
	store_booking_list_free(&bl);
	store_block_list_free(&kl);
	if (rc < 0)
		return rc;
	/* by start time: insertion sort of a short list */
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && starts[j] < starts[j - 1]; j--) {
			char tmp[ITEM_MAX];
			int64_t t = starts[j];
			memcpy(tmp, items[j], sizeof(tmp));
			memcpy(items[j], items[j - 1], sizeof(tmp));
			memcpy(items[j - 1], tmp, sizeof(tmp));
			starts[j] = starts[j - 1];
			starts[j - 1] = t;
		}
	hw_day(c->cat, from, day, sizeof(day));
	struct lang_var dv = {.name = "day", .value = day};
	snprintf(c->out->action, sizeof(c->out->action), "bookings of a day");
	if (n == 0) {
		say(c, "staff_day_none", &dv, 1);
		return STORE_OK;
	}
	say_list(c, "staff_day", "bookings", items, n, &dv, 1);
	return STORE_OK;
}

static int cmd_waiting(struct staff_ctx *c)
{
	struct store_handoff_list list = {0};
	static char items[LIST_MAX][ITEM_MAX];
	size_t n = 0;
	int rc = store_handoff_waiting(c->st, c->now - HANDOFF_OPEN_SECONDS, 0,
				       &list);

	if (rc < 0)
		return rc;
	for (size_t i = 0; i < list.n && n < LIST_MAX; i++) {
		const struct store_handoff *h = &list.v[i];
		char when[32], number[STORE_NUMBER_MAX];
		if (hc_customer(c->cat, h, number, sizeof(number)) != 0)
			continue;
		hw_time(c->cat, h->last_in_at, c->now, when, sizeof(when));
		snprintf(items[n], sizeof(items[n]), "#%s %s %s \"%.30s\"",
			 h->code, number, when, h->last_text);
		n++;
	}
	store_handoff_list_free(&list);
	snprintf(c->out->action, sizeof(c->out->action), "waiting");
	if (n == 0) {
		say(c, "staff_waiting_none", NULL, 0);
		return STORE_OK;
	}
	say_list(c, "staff_waiting", "list", items, n, NULL, 0);
	return STORE_OK;
}

/* "14:00-15:00", "14:00 - 15:00", "9:30-10": two local minutes. 0 or -1. */
static int read_span(const char *s, int *a, int *b)
{
	int h1, m1 = 0, h2, m2 = 0, used = 0;

	if (sscanf(s, "%d:%d - %d:%d%n", &h1, &m1, &h2, &m2, &used) == 4 ||
	    (m1 = m2 = 0,
	     sscanf(s, "%d - %d:%d%n", &h1, &h2, &m2, &used) == 3) ||
	    (m2 = 0, sscanf(s, "%d:%d - %d%n", &h1, &m1, &h2, &used) == 3) ||
	    (m1 = m2 = 0, sscanf(s, "%d - %d%n", &h1, &h2, &used) == 2)) {
		if (s[used] != '\0' || h1 < 0 || h1 > 24 || h2 < 0 || h2 > 24 ||
		    m1 < 0 || m1 > 59 || m2 < 0 || m2 > 59)
			return -1;
		*a = h1 * 60 + m1;
		*b = h2 * 60 + m2;
		return *b > *a && *b <= 24 * 60 ? 0 : -1;
	}
	return -1;
}

/* The next word of *p (NUL-terminated in place), or NULL at the end. */
static char *word(char **p)
{
	char *w;

	*p += strspn(*p, " ");
	if (**p == '\0')
		return NULL;
	w = *p;
	*p += strcspn(*p, " ");
	if (**p != '\0')
		*(*p)++ = '\0';
	return w;
}

/* "block [today|tomorrow|YYYY-MM-DD] HH:MM-HH:MM [reason...]" */
static int cmd_block(struct staff_ctx *c, char *args)
{
	char *p = args, *day_word = word(&p), *span = NULL, *reason;
	int64_t from, to, id = 0;
	int a, b, rc;

	if (day_word != NULL && isdigit((unsigned char)day_word[0]) &&
	    strchr(day_word, ':') != NULL) {
		span = day_word; /* no day: today */
		day_word = "today";
	} else {
		span = word(&p);
	}
	reason = p + strspn(p, " ");
	if (day_word == NULL || span == NULL ||
	    read_day(c->cat, c->now, day_word, &from, &to) != 0 ||
	    read_span(span, &a, &b) != 0) {
		snprintf(c->out->action, sizeof(c->out->action),
			 "block: usage");
		say(c, "staff_block_usage", NULL, 0);
		return STORE_OK;
	}
	{
		const struct civil_zone *z = when_zone_of(c->cat);
		struct when_local l;
		when_local_in(z, from, &l);
		to = when_epoch_in(z, &l.day, b);
		from = when_epoch_in(z, &l.day, a);
	}
	if (reason != NULL && strlen(reason) >= STORE_NOTE_MAX)
		reason[STORE_NOTE_MAX - 1] = '\0';
	rc = store_block_add(c->st, "", from, to, reason, c->now, &id);
	if (rc < 0)
		return rc;
	char day[48], sa[16], sb[16], sid[24];
	hw_day(c->cat, from, day, sizeof(day));
	hhmm(c->cat, from, sa, sizeof(sa));
	hhmm(c->cat, to, sb, sizeof(sb));
	snprintf(sid, sizeof(sid), "%" PRId64, id);
	struct lang_var v[] = {
	    {.name = "day", .value = day},
	    {.name = "from", .value = sa},
	    {.name = "to", .value = sb},
	    {.name = "id", .value = sid},
	};
	snprintf(c->out->action, sizeof(c->out->action), "block %" PRId64, id);
	log_info("staff %s blocked %s %s-%s (block %" PRId64 ")", c->who->name,
		 day, sa, sb, id);
	say(c, "staff_blocked", v, sizeof(v) / sizeof(v[0]));
	return STORE_OK;
}

static int cmd_unblock(struct staff_ctx *c, const char *arg)
{
	struct store_block k;
	char *end;
	long long id = arg != NULL ? strtoll(arg, &end, 10) : 0;
	char day[48], sa[16], sb[16], sid[24];
	int rc = STORE_ERR_NOT_FOUND;

	if (arg != NULL && end != arg && *end == '\0' && id > 0)
		rc = store_block_remove(c->st, id, &k);
	if (rc < 0 && rc != STORE_ERR_NOT_FOUND)
		return rc;
	snprintf(sid, sizeof(sid), "%s", arg != NULL ? arg : "");
	struct lang_var v[] = {
	    {.name = "day", .value = day},
	    {.name = "from", .value = sa},
	    {.name = "to", .value = sb},
	    {.name = "id", .value = sid},
	};
	snprintf(c->out->action, sizeof(c->out->action), "unblock");
	if (rc == STORE_ERR_NOT_FOUND) {
		day[0] = sa[0] = sb[0] = '\0';
		say(c, "staff_unblock_none", v, sizeof(v) / sizeof(v[0]));
		return STORE_OK;
	}
	hw_day(c->cat, k.start, day, sizeof(day));
	hhmm(c->cat, k.start, sa, sizeof(sa));
	hhmm(c->cat, k.end, sb, sizeof(sb));
	log_info("staff %s removed block %lld", c->who->name, id);
	say(c, "staff_unblocked", v, sizeof(v) / sizeof(v[0]));
	return STORE_OK;
}

/* A command after a good PIN: words folded to lower case. */
static int command(struct staff_ctx *c, const char *rest)
{
	char buf[256], vb[32], *word1, *args;
	const char *verb;
	int64_t from, to;
	size_t i;

	for (i = 0; rest[i] != '\0' && i < sizeof(buf) - 1; i++)
		buf[i] = (char)tolower((unsigned char)rest[i]);
	buf[i] = '\0';
	word1 = strtok(buf, " ");
	args = strtok(NULL, "");
	if (args != NULL)
		args += strspn(args, " ");
	verb = word1 != NULL ? verb_of(word1, vb, sizeof(vb)) : "help";
	if (strcmp(verb, "help") == 0)
		goto help;
	if (strcmp(verb, "waiting") == 0)
		return cmd_waiting(c);
	if (strcmp(verb, "block") == 0 && args != NULL) {
		/* the reason as typed, not lower-cased */
		char typed[256];
		snprintf(typed, sizeof(typed), "%s", rest + (args - buf));
		for (char *p = typed; *p && *p != ' '; p++)
			*p = (char)tolower((unsigned char)*p);
		return cmd_block(c, typed);
	}
	if (strcmp(verb, "block") == 0) {
		say(c, "staff_block_usage", NULL, 0);
		return STORE_OK;
	}
	if (strcmp(verb, "unblock") == 0)
		return cmd_unblock(c, args);
	if (strcmp(verb, "bookings") == 0)
		verb = args != NULL ? args : "today";
	if (read_day(c->cat, c->now, verb, &from, &to) == 0)
		return cmd_day(c, from, to);
help:
	snprintf(c->out->action, sizeof(c->out->action), "help");
	say(c, "staff_help", NULL, 0);
	return STORE_OK;
}

/* ---- the staff text ------------------------------------------------------
 */

/* The whole text is one STOP (1) or START (2) phrase of the pack; else 0. */
static int stop_or_start(const struct catalog *cat, const char *text)
{
	const struct lang_pack *pack = NULL;
	char folded[64];
	uint64_t cls;

	if (strlen(text) >= sizeof(folded))
		return 0;
	text_fold(text, folded, sizeof(folded));
	if (cat->n_languages > 0)
		pack = lang_pack_for(cat->languages[0]);
	if (pack == NULL)
		pack = lang_default();
	cls = lang_lookup(pack, folded, NULL);
	if (cls & LW_STOP)
		return 1;
	if (cls & LW_START)
		return 2;
	return 0;
}

static int opt(struct staff_ctx *c, int stop)
{
	struct lang_var v = {.name = "business",
			     .value = c->cat->business_name};
	int rc = stop ? store_optout_set(c->st, c->who->phone, c->now)
		      : store_optout_clear(c->st, c->who->phone);

	if (rc < 0)
		return rc;
	snprintf(c->out->action, sizeof(c->out->action), "%s",
		 stop ? "opted out" : "opted in");
	say(c, stop ? "opted_out" : "opted_in", &v, 1);
	/* the one text that may go to a number that just opted out */
	c->desk->d.kind = stop ? DESK_OPTED_OUT : DESK_OPTED_IN;
	return STORE_OK;
}

int handoff_staff_text(struct store *st, const struct catalog *cat,
		       const struct cat_staff *who,
		       const struct store_inbox_msg *msg, int64_t now,
		       unsigned flags, struct desk_result *desk,
		       struct handoff_result *out)
{
	struct staff_ctx c = {st, cat, who, msg, now, flags, desk, out};
	const char *p = msg->text;
	int64_t n = 0;
	int rc, so;

	memset(desk, 0, sizeof(*desk));
	memset(out, 0, sizeof(*out));
	desk->d.kind = DESK_SILENT;
	desk->d.rule = "a staff phone: never read as an inquiry";
	out->what = HANDOFF_STAFF;
	out->staff = who->name;
	while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
		p++;
	so = stop_or_start(cat, p);
	if (so != 0)
		return opt(&c, so == 1);
	rc = refusals(&c, &n);
	if (rc < 0)
		return rc;
	if (n >= HANDOFF_REFUSALS_MAX)
		return refuse(&c, "staff_unknown", NULL, 0);
	if (*p == '#')
		return by_code(&c, p);
	size_t digits = strspn(p, "0123456789");
	if (digits > 0 && (p[digits] == '\0' || p[digits] == ' ')) {
		/* a PIN, right or wrong, is not kept in the database */
		char kept[256];
		snprintf(kept, sizeof(kept), "[PIN]%.240s", p + digits);
		rc = store_inbox_redact(st, msg->id, kept);
		if (rc < 0)
			return rc;
		if (!pin_ok(who, p, digits))
			return refuse(&c, "staff_unknown", NULL, 0);
		snprintf(out->action, sizeof(out->action), "command");
		return command(&c, p + digits + strspn(p + digits, " "));
	}
	return refuse(&c, "staff_unknown", NULL, 0);
}
