# fold_micro.awk: the micro-benchmarks' output, run after run, as
# "PART<TAB>LINE" lines, folded into one row per figure: the median of the
# repeats with [min-max]. Understands the fixed line format
#   bench: NAME: VALUE UNIT [min V max V]
# and the formats codec.sh, catalog.sh and peers.sh --rss printed when this
# was written; any other line is kept verbatim under its part's name.

function add(name, v, unit, lo, hi,    key) {
	key = name "\034" unit
	label_of[key] = name
	if (!(key in nv)) {
		order[++nkeys] = key
		units[key] = unit
	}
	vals[key, ++nv[key]] = v + 0
	if (lo != "") { own_lo[key] = lo; own_hi[key] = hi }
}

function verbatim(part, line) {
	if (!((part, line) in seen)) {
		seen[part, line] = 1
		raw[++nraw] = sprintf("  %s: %s", part, line)
	}
}

function num(s) { return s ~ /^-?[0-9]+(\.[0-9]+)?$/ }

function fmt(v) {
	v = v + 0
	if (v >= 100000) return sprintf("%.0f", v)
	if (v >= 100) return sprintf("%.0f", v)
	if (v >= 10) return sprintf("%.1f", v)
	return sprintf("%.2f", v)
}

{
	part = $1
	line = $0
	sub(/^[^\t]*\t/, "", line)
	n = split(line, w, " ")
}

# The fixed format, from any script.
line ~ /^bench: [^:]+: / {
	name = line; sub(/^bench: /, "", name); sub(/: .*/, "", name)
	rest = line; sub(/^bench: [^:]+: /, "", rest)
	m = split(rest, r, " ")
	if (name ~ /^rss / && rest ~ /^rss_kb=/) {
		label = substr(name, 5)
		v = rest; sub(/^rss_kb=/, "", v); sub(/ .*/, "", v)
		add("peak RSS, smsdesk serve, " label " catalog", v, "KiB", "", "")
		if (rest !~ /status=ok/) verbatim(part, line)
		next
	}
	if (m >= 2 && num(r[1])) {
		lo = ""; hi = ""
		if (m >= 6 && r[3] == "min" && r[5] == "max") { lo = r[4]; hi = r[6] }
		add(part " " name, r[1], r[2], lo, hi)
		next
	}
	verbatim(part, line)
	next
}

# codec.sh: "LABEL (N ch)   RATE   IR"
part == "codec" && line ~ /^codec +msgs\/s/ { next }
part == "codec" && n >= 3 && num(w[n]) && num(w[n - 1]) {
	label = line; sub(/ +[0-9.]+ +[0-9.]+ *$/, "", label)
	add("codec " label, w[n - 1], "msgs/s", "", "")
	add("codec " label, w[n], "instructions/msg", "", "")
	next
}
part == "codec" && n >= 3 && num(w[n - 1]) && w[n] == "n/a" {
	label = line; sub(/ +[0-9.]+ +n\/a *$/, "", label)
	add("codec " label, w[n - 1], "msgs/s", "", "")
	next
}

# catalog.sh
part == "catalog" && line ~ /^== catalog/ { info["catalog"] = line; next }
part == "catalog" && line ~ /^catalog: [0-9]+ services/ { info["catalog2"] = line; next }
part == "catalog" && line ~ /^load\+validate: median / {
	# load+validate: median X ms (min A, max B, K runs)
	v = w[3]; lo = w[6]; hi = w[8]; sub(/,/, "", lo); sub(/,/, "", hi)
	add("catalog load+validate, 10,000 services (in process)", v, "ms", lo, hi)
	next
}
part == "catalog" && line ~ /^smsdesk check: median / {
	runs = line; sub(/.*runs: */, "", runs); sub(/ *ms\).*/, "", runs)
	k = split(runs, rr, " "); lo = ""; hi = ""
	for (i = 1; i <= k; i++) {
		if (lo == "" || rr[i] + 0 < lo + 0) lo = rr[i]
		if (hi == "" || rr[i] + 0 > hi + 0) hi = rr[i]
	}
	add("catalog smsdesk check, 10,000 services (process)", w[4], "ms", lo, hi)
	next
}
part == "catalog" && line ~ /^fuzzy lookup: [0-9.]+ us each/ {
	add("catalog fuzzy lookup, 10,000 services", w[3], "us", "", "")
	next
}
part == "catalog" && line ~ /^fuzzy lookup: [0-9]+ instructions each/ {
	add("catalog fuzzy lookup, 10,000 services", w[3], "instructions", "", "")
	next
}

{ if (line != "") verbatim(part, line) }

END {
	for (i = 1; i <= nkeys; i++) {
		key = order[i]
		k = nv[key]
		for (a = 2; a <= k; a++) {	# insertion sort (mawk: no asort)
			t = vals[key, a]
			for (b = a - 1; b >= 1 && vals[key, b] > t; b--)
				vals[key, b + 1] = vals[key, b]
			vals[key, b + 1] = t
		}
		med = k % 2 ? vals[key, (k + 1) / 2] : (vals[key, k / 2] + vals[key, k / 2 + 1]) / 2
		lo = vals[key, 1]; hi = vals[key, k]
		if (key in own_lo && k == 1) { lo = own_lo[key]; hi = own_hi[key] }
		range = (lo == hi && k == 1 && !(key in own_lo)) ? "(1 run)" : \
			sprintf("[%s-%s]", fmt(lo), fmt(hi))
		printf "  %-58s %10s %-16s %s\n", label_of[key], fmt(med), units[key], range
	}
	for (k2 in info)
		printf "  (%s)\n", info[k2]
	if (nraw > 0) {
		print "  Not understood (verbatim):"
		for (i = 1; i <= nraw; i++)
			print "  " raw[i]
	}
}
