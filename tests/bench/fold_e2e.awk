# fold_e2e.awk: peers.sh's "bench: e2e SETUP PROFILE: key=value ..." lines
# into the end-to-end table, with each peer's figures divided by smsdesk's
# of the same profile. Other lines are kept verbatim below the table.

function ms(v) {
	if (v == "" || v == "-") return "-"
	v = v + 0
	if (v >= 10000) return sprintf("%.1f s", v / 1000)
	if (v >= 1000) return sprintf("%.2f s", v / 1000)
	if (v >= 100) return sprintf("%.0f ms", v)
	if (v >= 10) return sprintf("%.1f ms", v)
	return sprintf("%.2f ms", v)
}

function ratio(peer, base) {
	if (peer == "" || peer == "-" || base == "" || base == "-" || base + 0 <= 0)
		return "-"
	peer = peer / base
	if (peer >= 100) return sprintf("%.0fx", peer)
	if (peer >= 10) return sprintf("%.1fx", peer)
	return sprintf("%.2fx", peer)
}

/^bench: e2e / {
	split($0, h, ":")
	split(h[2], id, " ")		# "e2e SETUP PROFILE"
	key = id[3] SUBSEP id[2]
	rows[++nrows] = key
	setup[key] = id[2]; prof[key] = id[3]
	for (i = 5; i <= NF; i++) {
		eq = index($i, "=")
		if (eq > 0)
			f[key, substr($i, 1, eq - 1)] = substr($i, eq + 1)
	}
	r = f[key, "replies"] + 0
	cpu_per[key] = r > 0 ? f[key, "cpu_ms"] / r : "-"
	b = f[key, "burst_n"] + 0
	burst_per[key] = (b > 0 && f[key, "burst_ms"] != "-" && f[key, "burst_ms"] != "") ? \
		f[key, "burst_ms"] / b : "-"
	next
}
{ if ($0 != "") other[++nother] = $0 }

END {
	printf "\n%-9s %-16s %4s %9s %9s %9s %-17s %9s %7s %4s %3s | %8s %8s %7s %6s %s\n", \
		"profile", "setup", "n", "lat med", "p95", "max", "burst", \
		"CPU/reply", "RSS KiB", "lost", "dup", "x lat", "x burst", "x CPU", "x RSS", "status"
	for (i = 1; i <= nrows; i++) {
		k = rows[i]
		base = prof[k] SUBSEP "smsdesk"
		bn = f[k, "burst_n"] + 0
		bd = f[k, "burst_done"] + 0
		if (f[k, "burst_ms"] == "-" || f[k, "burst_ms"] == "")
			burst = sprintf("%d/%d answered", bd, bn)
		else
			burst = sprintf("%d in %s", bn, ms(f[k, "burst_ms"]))
		if (setup[k] == "smsdesk" || !(base in setup)) {
			rl = rb = rc = rr = (setup[k] == "smsdesk" ? "1" : "-")
		} else {
			rl = ratio(f[k, "lat_med"], f[base, "lat_med"])
			rb = ratio(burst_per[k], burst_per[base])
			rc = ratio(cpu_per[k], cpu_per[base])
			rr = ratio(f[k, "rss_kb"], f[base, "rss_kb"])
		}
		printf "%-9s %-16s %4s %9s %9s %9s %-17s %9s %7s %4s %3s | %8s %8s %7s %6s %s\n", \
			prof[k], setup[k], f[k, "n"], ms(f[k, "lat_med"]), ms(f[k, "lat_p95"]), \
			ms(f[k, "lat_max"]), burst, ms(cpu_per[k]), f[k, "rss_kb"], \
			f[k, "lost"], f[k, "dup"], rl, rb, rc, rr, f[k, "status"]
	}
	for (i = 1; i <= nother; i++)
		print "  " other[i]
}
