/*
 * report: the owner's report as one self-contained HTML page — inline CSS,
 * inline SVG bar charts (drawn here from the numbers, crisp edges, one
 * colour per chart), no script, no font, image or style sheet fetched, so
 * it opens the same in any browser with no network. See
 * include/smsdesk/report.h.
 */
#include "smsdesk/report.h"

#include "smsdesk/catalog.h"
#include "smsdesk/civil.h"
#include "smsdesk/text.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#define CHART_W	 720
#define LABEL_W	 220
#define ROW_H	 26
#define BAR_H	 18
#define PLOT_H	 200
#define AXIS_H	 40
#define MAX_BARS 64

/* Text escaped for HTML and SVG (both XML-safe); bad UTF-8 replaced. */
static void esc(FILE *out, const char *s)
{
	size_t len = strlen(s), cap = 3 * len + 4;
	char *clean = malloc(cap);

	if (clean == NULL)
		return;
	text_sanitize_utf8(s, len, clean, cap);
	for (const char *p = clean; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;
		switch (c) {
		case '&':
			fputs("&amp;", out);
			break;
		case '<':
			fputs("&lt;", out);
			break;
		case '>':
			fputs("&gt;", out);
			break;
		case '"':
			fputs("&quot;", out);
			break;
		case '\'':
			fputs("&#39;", out);
			break;
		default:
			fputc(c < 0x20 ? ' ' : (int)c, out);
		}
	}
	free(clean);
}

struct bars {
	const char *label[MAX_BARS];
	char label_buf[MAX_BARS][STORE_ID_MAX];
	int64_t value[MAX_BARS];
	size_t n;
};

static void bars_add(struct bars *b, const char *label, int64_t v)
{
	if (b->n >= MAX_BARS)
		return;
	snprintf(b->label_buf[b->n], sizeof(b->label_buf[0]), "%s", label);
	b->label[b->n] = b->label_buf[b->n];
	b->value[b->n++] = v;
}

static int64_t bars_max(const struct bars *b)
{
	int64_t m = 0;

	for (size_t i = 0; i < b->n; i++)
		m = b->value[i] > m ? b->value[i] : m;
	return m;
}

static void nothing(FILE *out, const char *id, const char *what)
{
	fprintf(
	    out,
	    "<figure id=\"%s\"><svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "width=\"%d\" height=\"40\" role=\"img\"><text x=\"0\" y=\"24\" "
	    "class=\"none\">%s</text></svg></figure>\n",
	    id, CHART_W, what);
}

/* Horizontal bars: a label on the left, the bar, its value after it. */
static void hbars(FILE *out, const char *id, const char *colour,
		  const char *title, const struct bars *b)
{
	int64_t max = bars_max(b);
	int plot = CHART_W - LABEL_W - 60;
	int h = (int)b->n * ROW_H + 10;

	if (b->n == 0 || max == 0) {
		nothing(out, id, "nothing to show yet");
		return;
	}
	fprintf(out,
		"<figure id=\"%s\"><svg xmlns=\"http://www.w3.org/2000/svg\" "
		"width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"",
		id, CHART_W, h);
	esc(out, title);
	fputs("\">\n", out);
	for (size_t i = 0; i < b->n; i++) {
		int y = (int)i * ROW_H + 4;
		int w = (int)(b->value[i] * plot / max);
		if (b->value[i] > 0 && w < 3)
			w = 3;
		fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">",
			LABEL_W - 8, y + 14);
		esc(out, b->label[i]);
		fprintf(
		    out,
		    "</text><rect x=\"%d\" y=\"%d\" width=\"%d\" "
		    "height=\"%d\" fill=\"%s\" shape-rendering=\"crispEdges\"/>"
		    "<text x=\"%d\" y=\"%d\">%" PRId64 "</text>\n",
		    LABEL_W, y, w, BAR_H, colour, LABEL_W + w + 6, y + 14,
		    b->value[i]);
	}
	fputs("</svg></figure>\n", out);
}

/* Vertical bars over labels; every k-th label when they are many. */
static void vbars(FILE *out, const char *id, const char *colour,
		  const char *title, const struct bars *b)
{
	int64_t max = bars_max(b);
	int left = 40, plot_w = CHART_W - left - 10;
	int slot, bar, every;

	if (b->n == 0) {
		nothing(out, id, "nothing to show yet");
		return;
	}
	slot = plot_w / (int)b->n;
	bar = slot * 2 / 3 > 48 ? 48 : slot * 2 / 3;
	if (bar < 2)
		bar = 2;
	every = (int)((b->n * 70 + (size_t)plot_w - 1) / (size_t)plot_w);
	if (every < 1)
		every = 1;
	fprintf(out,
		"<figure id=\"%s\"><svg xmlns=\"http://www.w3.org/2000/svg\" "
		"width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"",
		id, CHART_W, PLOT_H + AXIS_H + 20);
	esc(out, title);
	fputs("\">\n", out);
	fprintf(out,
		"<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\" "
		"shape-rendering=\"crispEdges\"/>\n",
		left, PLOT_H + 20, CHART_W - 10, PLOT_H + 20);
	for (size_t i = 0; i < b->n; i++) {
		int x = left + (int)i * slot + (slot - bar) / 2;
		int hgt = max > 0 ? (int)(b->value[i] * PLOT_H / max) : 0;
		if (b->value[i] > 0 && hgt < 3)
			hgt = 3;
		if (hgt > 0)
			fprintf(
			    out,
			    "<rect x=\"%d\" y=\"%d\" width=\"%d\" "
			    "height=\"%d\" fill=\"%s\" "
			    "shape-rendering=\"crispEdges\"/>"
			    "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">"
			    "%" PRId64 "</text>\n",
			    x, PLOT_H + 20 - hgt, bar, hgt, colour, x + bar / 2,
			    PLOT_H + 14 - hgt, b->value[i]);
		if ((int)i % every == 0) {
			fprintf(
			    out,
			    "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" "
			    "class=\"axis\">",
			    x + bar / 2, PLOT_H + 38);
			esc(out, b->label[i]);
			fputs("</text>\n", out);
		}
	}
	fputs("</svg></figure>\n", out);
}

static void td(FILE *out, int64_t v)
{
	fprintf(out, "<td>%" PRId64 "</td>", v);
}

static void demand_section(const struct report *r, FILE *out)
{
	struct bars b = {0};

	fputs("<h2>Demand we could not serve, by service</h2>\n"
	      "<p class=\"muted\">Asked for, and not booked with us: not "
	      "offered, the slot taken, too short notice, outside hours or "
	      "closed, or free times offered and none taken. Booked later: "
	      "the same customer booked it within a day after all.</p>\n",
	      out);
	for (size_t i = 0; i < r->n_things; i++)
		if (r->things[i].lost_total > 0)
			bars_add(&b, r->things[i].name,
				 r->things[i].lost_total);
	hbars(out, "chart-demand", REPORT_COLOUR_DEMAND,
	      "Turned-away demand by service", &b);
	if (r->n_things == 0)
		return;
	/* Only the reasons that happened: the table stays narrow. */
	fputs("<table><tr><th>Requested</th>", out);
	for (int k = 0; k < REPORT_N_REASONS; k++) {
		if (r->lost_by_reason[k] == 0)
			continue;
		fputs("<th>", out);
		esc(out, report_reason_words(k));
		fputs("</th>", out);
	}
	fputs("<th>Lost</th><th>Booked later</th></tr>\n", out);
	for (size_t i = 0; i < r->n_things; i++) {
		const struct report_thing *t = &r->things[i];
		fputs("<tr><td>", out);
		esc(out, t->name);
		fputs("</td>", out);
		for (int k = 0; k < REPORT_N_REASONS; k++)
			if (r->lost_by_reason[k] > 0)
				td(out, t->lost[k]);
		td(out, t->lost_total);
		td(out, t->taken_up);
		fputs("</tr>\n", out);
	}
	fputs("<tr class=\"total\"><td>total</td>", out);
	for (int k = 0; k < REPORT_N_REASONS; k++)
		if (r->lost_by_reason[k] > 0)
			td(out, r->lost_by_reason[k]);
	td(out, r->totals.turned_away);
	td(out, r->totals.taken_up);
	fputs("</tr></table>\n", out);
}

static void weeks_section(const struct report *r, FILE *out)
{
	struct bars b = {0};
	char day[32];
	size_t from = r->n_weeks > MAX_BARS ? r->n_weeks - MAX_BARS : 0;

	fputs("<h2>Turned away, week by week</h2>\n", out);
	for (size_t i = from; i < r->n_weeks; i++) {
		snprintf(day, sizeof(day), "%d %s", r->weeks[i].monday.mday,
			 (const char *[]){
			     "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
			     "Aug", "Sep", "Oct", "Nov",
			     "Dec"}[(r->weeks[i].monday.month + 11) % 12]);
		bars_add(&b, day, r->weeks[i].lost);
	}
	vbars(out, "chart-weeks", REPORT_COLOUR_WEEKS,
	      "Turned-away demand by week", &b);
	fputs("<table><tr><th>Week of</th><th>Texts in</th><th>Booked</th>"
	      "<th>by staff</th><th>Cancelled</th><th>Turned away</th>"
	      "<th>Not understood</th><th>Referrals</th></tr>\n",
	      out);
	for (size_t i = 0; i < r->n_weeks; i++) {
		const struct report_week *w = &r->weeks[i];
		when_day_iso(&w->monday, day, sizeof(day));
		fprintf(out, "<tr><td>%s</td>", day);
		td(out, w->texts_in);
		td(out, w->booked_text + w->booked_staff);
		td(out, w->booked_staff);
		td(out, w->cancelled);
		td(out, w->lost);
		td(out, w->not_understood);
		td(out, w->referrals);
		fputs("</tr>\n", out);
	}
	fputs("</table>\n", out);
	if (r->weeks_dropped > 0)
		fprintf(out,
			"<p class=\"muted\">%zu older weeks left out: use "
			"--from.</p>\n",
			r->weeks_dropped);
}

static void hours_section(const struct report *r, FILE *out)
{
	struct bars b = {0};
	char label[16];
	int64_t total = 0;

	fputs("<h2>Bookings by hour of day</h2>\n"
	      "<p class=\"muted\">Bookings made in the period, by the hour "
	      "they start; cancelled ones left out.</p>\n",
	      out);
	for (int h = r->open_hour; h < r->close_hour; h++) {
		snprintf(label, sizeof(label), "%02d", h);
		bars_add(&b, label, r->by_hour[h]);
		total += r->by_hour[h];
	}
	if (total == 0)
		nothing(out, "chart-hours", "no bookings yet");
	else
		vbars(out, "chart-hours", REPORT_COLOUR_HOURS,
		      "Bookings by hour of day", &b);
}

static void referrals_section(const struct report *r, FILE *out)
{
	struct bars b = {0};

	fputs("<h2>Referrals given, by provider</h2>\n", out);
	for (size_t i = 0; i < r->totals.n_referrals; i++)
		bars_add(&b, r->totals.referrals[i].name,
			 r->totals.referrals[i].count);
	hbars(out, "chart-referrals", REPORT_COLOUR_REFERRALS,
	      "Referrals given per provider", &b);
}

static void stamp(const struct catalog *cat, int64_t t, char *out, size_t cap)
{
	const struct civil_zone *z = when_zone_of(cat);
	struct civil_time ct;

	civil_zone_local(z != NULL ? z : civil_zone_utc(), t, &ct);
	snprintf(out, cap, "%04d-%02d-%02d %02d:%02d", ct.year, ct.month,
		 ct.mday, ct.hour, ct.minute);
}

static void texts_section(const struct catalog *cat, const struct report *r,
			  FILE *out)
{
	char when[32], who[STORE_NUMBER_MAX];

	fprintf(out,
		"<h2>Texts not understood</h2>\n<p class=\"muted\">The "
		"latest %d at most; numbers masked. Texts older than %d days "
		"are gone.</p>\n",
		REPORT_NOT_UNDERSTOOD_MAX, cat->policy.retention_days);
	if (r->not_understood.n == 0) {
		fputs("<p>None.</p>\n", out);
		return;
	}
	fputs("<table id=\"not-understood\"><tr><th>Received</th><th>From"
	      "</th><th class=\"text\">Text</th></tr>\n",
	      out);
	for (size_t i = 0; i < r->not_understood.n; i++) {
		const struct store_text_row *t = &r->not_understood.v[i];
		stamp(cat, t->at, when, sizeof(when));
		report_mask(t->sender, who, sizeof(who));
		fprintf(out, "<tr><td>%s</td><td>", when);
		esc(out, who);
		fputs("</td><td class=\"text\">", out);
		esc(out, t->text[0] != '\0' ? t->text : "(text pruned)");
		fputs("</td></tr>\n", out);
	}
	fputs("</table>\n", out);
}

static void counts_section(const struct report *r, FILE *out)
{
	const struct store_report *t = &r->totals;

	fprintf(out,
		"<h2>Messages and bookings</h2>\n<table>"
		"<tr><td>Texts received</td><td>%" PRId64 "</td></tr>"
		"<tr><td>answered</td><td>%" PRId64 "</td></tr>"
		"<tr><td>not answered on purpose</td><td>%" PRId64 "</td></tr>"
		"<tr><td>Texts sent</td><td>%" PRId64 "</td></tr>"
		"<tr><td>SMS segments</td><td>%" PRId64 "</td></tr>"
		"<tr><td>failed</td><td>%" PRId64 "</td></tr>"
		"<tr><td>Bookings made</td><td>%" PRId64 "</td></tr>"
		"<tr><td>cancelled</td><td>%" PRId64 "</td></tr>"
		"</table>\n",
		t->in_total, t->in_answered, t->in_ignored, t->out_total,
		t->out_parts, t->out_failed, t->bookings_made,
		t->bookings_cancelled);
}

int report_html(const struct catalog *cat, const struct report *r, int64_t now,
		FILE *out)
{
	char a[32], b[32], made[32];

	when_day_human(&r->first, a, sizeof(a));
	when_day_human(&r->last, b, sizeof(b));
	stamp(cat, now, made, sizeof(made));
	fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta "
	      "charset=\"utf-8\">\n<meta name=\"viewport\" "
	      "content=\"width=device-width\">\n<title>",
	      out);
	esc(out, cat->business_name);
	fputs(": report</title>\n<style>\n"
	      "body{font:14px/1.4 sans-serif;margin:24px;color:#222;"
	      "background:#fff;max-width:760px}\n"
	      "h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;"
	      "margin:32px 0 8px}\n"
	      "figure{margin:8px 0}svg text{font:12px sans-serif;"
	      "fill:#222}svg text.axis{fill:#555}svg text.none{fill:#777}\n"
	      "table{border-collapse:collapse;margin:8px 0}"
	      "th,td{padding:3px 8px;text-align:right;border-bottom:1px "
	      "solid "
	      "#ddd}td{white-space:nowrap}td.text{white-space:normal}\nth:"
	      "first-child,td:first-child,td.text,th.text{"
	      "text-align:left}tr.total td{font-weight:bold}\n"
	      ".muted{color:#666}\n</style>\n</head>\n<body>\n<h1>",
	      out);
	esc(out, cat->business_name);
	fputs("</h1>\n<p class=\"muted\">", out);
	if (r->has_from || r->has_to)
		fprintf(out, "%s %d to %s %d", a, r->first.year, b,
			r->last.year);
	else
		fprintf(out, "All time, up to %s %d", b, r->last.year);
	fputs(" (", out);
	esc(out, cat->timezone);
	fprintf(out, "). Made %s by smsdesk report.</p>\n", made);
	demand_section(r, out);
	weeks_section(r, out);
	hours_section(r, out);
	referrals_section(r, out);
	texts_section(cat, r, out);
	counts_section(r, out);
	fputs("</body></html>\n", out);
	return ferror(out) ? -1 : 0;
}
