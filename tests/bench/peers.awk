# peers.awk: turns one run's simctl log (with the harness's "inq KIND NUMBER"
# lines in front of each "text" it sent) into one "bench: e2e" line.
#
# Input lines:
#   inq KIND +NUMBER          the harness is about to deliver an inquiry
#   delivered T IDX...        simctl: that inquiry is in the modem (T in us)
#   sent I MR T HEX           simctl: an AT+CMGS was accepted (SMS-SUBMIT)
# A reply is recognised by its destination address; a reply in several
# segments counts once (segment 1 counts the reply, the last segment's time
# is when it was fully accepted). Plain awk (mawk): no gawk extensions.

function hexval(s, i, v, c) {
	v = 0
	for (i = 1; i <= length(s); i++) {
		c = index("0123456789ABCDEF", toupper(substr(s, i, 1)))
		if (c == 0)
			return -1
		v = v * 16 + c - 1
	}
	return v
}

function octet(h, k) { return hexval(substr(h, 2 * k + 1, 2)) }

# Decodes destination, concat reference, total and sequence of an
# SMS-SUBMIT into the globals d_num, d_total, d_seq (total 1: single).
function decode_submit(h, p, fo, alen, i, vpf, udl, udhl, end, iei, iel) {
	d_num = ""; d_total = 1; d_seq = 1
	p = 1 + octet(h, 0)		# skip the SMSC part
	fo = octet(h, p); p += 2	# first octet, message reference
	alen = octet(h, p); p += 2	# digits, type of address
	for (i = 0; i < int((alen + 1) / 2); i++) {
		d_num = d_num substr(h, 2 * (p + i) + 2, 1) substr(h, 2 * (p + i) + 1, 1)
	}
	sub(/[Ff]$/, "", d_num)
	p += int((alen + 1) / 2) + 2	# PID, DCS
	vpf = int(fo / 8) % 4
	if (vpf == 2)
		p += 1
	else if (vpf != 0)
		p += 7
	udl = octet(h, p); p += 1
	if (int(fo / 64) % 2 == 1) {
		udhl = octet(h, p); p += 1
		end = p + udhl
		while (p + 1 < end) {
			iei = octet(h, p); iel = octet(h, p + 1)
			if (iei == 0 && iel == 3) {
				d_total = octet(h, p + 3); d_seq = octet(h, p + 4)
			} else if (iei == 8 && iel == 4) {
				d_total = octet(h, p + 4); d_seq = octet(h, p + 5)
			}
			p += 2 + iel
		}
	}
}

function sort_num(a, n, i, j, t) {
	for (i = 2; i <= n; i++) {
		t = a[i]
		for (j = i - 1; j >= 1 && a[j] > t; j--)
			a[j + 1] = a[j]
		a[j + 1] = t
	}
}

$1 == "inq" {
	num = $3; sub(/^\+/, "", num)
	queue[++nq] = num
	kind[num] = $2
	next
}
$1 == "delivered" {
	if (head < nq) {
		num = queue[++head]
		arrived[num] = $2
		if ($3 == "full")
			full++
	}
	next
}
$1 == "sent" {
	decode_submit($5)
	if (d_seq == 1)
		replies[d_num]++
	if (d_seq == d_total && !(d_num in done))
		done[d_num] = $4
	next
}

END {
	ns = 0; lost = 0; dup = 0; nrep = 0
	b_first = -1; b_last = -1; b_done = 0
	for (num in kind) {
		if (kind[num] == "warm")
			continue
		if (!(num in replies)) {
			lost++
			continue
		}
		nrep++
		if (replies[num] > 1)
			dup++
		if (kind[num] == "serial" && (num in arrived) && (num in done))
			lat[++ns] = (done[num] - arrived[num]) / 1000
		if (kind[num] == "burst" && (num in arrived)) {
			if (b_first < 0 || arrived[num] < b_first)
				b_first = arrived[num]
			if (num in done) {
				b_done++
				if (done[num] > b_last)
					b_last = done[num]
			}
		}
	}
	sort_num(lat, ns)
	if (ns > 0) {
		med = ns % 2 ? lat[(ns + 1) / 2] : (lat[ns / 2] + lat[ns / 2 + 1]) / 2
		k = int(ns * 0.95); if (k < ns * 0.95) k++
		p95 = lat[k]; mx = lat[ns]
		lats = sprintf("lat_med=%.2f lat_p95=%.2f lat_max=%.2f", med, p95, mx)
	} else {
		lats = "lat_med=- lat_p95=- lat_max=-"
	}
	burst = (b_done == b && b > 0) ? sprintf("%.0f", (b_last - b_first) / 1000) : "-"
	printf "bench: e2e %s %s: n=%d %s burst_n=%d burst_ms=%s burst_done=%d replies=%d lost=%d dup=%d cpu_ms=%d rss_kb=%d wall_s=%d full=%d status=%s\n", \
		setup, profile, n, lats, b, burst, b_done, nrep, lost, dup, cpu, rss, wall, full + 0, status
}
