#!/usr/bin/env python3
"""Load for the Kannel path of `make bench`: an SMS centre on Kannel's
"fake" SMSC protocol (the one fakesmsc speaks: one line per message,
"SENDER RECEIVER text TEXT", both ways, over TCP to bearerbox's fake smsc
port; Kannel 1.4.5 gw/smsc/smsc_fake.c), with timestamps fakesmsc does not
give (its log has whole seconds).

  kannel_load.py PORT BUSINESS_NUMBER SERIAL BURST TIMEOUT_S

Phase 1 (serial): SERIAL inquiries, one at a time, each from its own number,
the next only after the reply came (or TIMEOUT_S passed): latency with
nothing else going on. Phase 2 (burst): BURST inquiries from BURST other
numbers written at once: sustained throughput, first inquiry written to
last reply read, and each one's latency under that load. Then it waits a
few seconds more for duplicates.

Prints one line for tests/bench/run.sh's end-to-end table:
  bench: e2e smsdesk kannel: n=.. lat_med=.. lat_p95=.. lat_max=..
         burst_n=.. burst_ms=.. burst_done=.. replies=.. lost=.. dup=..
and one more with the burst's latencies and throughput:
  bench: kannel burst: ..
A reply is a message to the inquiry's number; parts of a long reply (a
user-data header) count once, by their last part.
"""
import select
import socket
import sys
import time
import urllib.parse

port, business = int(sys.argv[1]), sys.argv[2]
serial, burst, timeout = int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
TEXT = "haircut friday 10am"

sock = socket.create_connection(("127.0.0.1", port))
sock.setblocking(False)
buf = b""
got = {}  # number -> [times a reply (its last part) was read]


def pump(wait):
    """Read what bearerbox sent within `wait` seconds."""
    global buf
    r, _, _ = select.select([sock], [], [], max(wait, 0))
    if not r:
        return
    data = sock.recv(65536)
    if not data:
        raise SystemExit("bench: kannel: bearerbox closed the connection")
    now = time.monotonic()
    buf += data
    while b"\n" in buf:
        line, buf = buf.split(b"\n", 1)
        f = line.decode("utf-8", "replace").split(" ")
        if len(f) < 3:
            continue
        to, kind = f[1], f[2]
        if kind == "udh":
            # "udh %05%00%03REF%TOTAL%SEQ data ...": count the last part
            b = urllib.parse.unquote_to_bytes(f[3].replace("+", " "))
            if len(b) >= 6 and b[1] == 0 and b[4] != b[5]:
                continue
        got.setdefault(to, []).append(now)


def send(number):
    sock.sendall(("%s %s text %s\n" % (number, business, TEXT)).encode())
    return time.monotonic()


def pct(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(round(p / 100.0 * (len(v) - 1))))]


# warm-up (not counted)
t = send("+447700800000")
while "+447700800000" not in got and time.monotonic() - t < timeout:
    pump(0.5)

lat = []
sent_at = {}
for i in range(serial):
    n = "+4477008%05d" % (i + 1)
    sent_at[n] = send(n)
    while n not in got and time.monotonic() - sent_at[n] < timeout:
        pump(sent_at[n] + timeout - time.monotonic())
    if n in got:
        lat.append((got[n][0] - sent_at[n]) * 1000)

first = time.monotonic()
bnums = ["+4477009%05d" % (i + 1) for i in range(burst)]
for n in bnums:
    sent_at[n] = send(n)
    pump(0)
deadline = time.monotonic() + timeout + burst / 20.0
while sum(1 for n in bnums if n in got) < burst and time.monotonic() < deadline:
    pump(0.5)
done = [n for n in bnums if n in got]
last = max((got[n][0] for n in done), default=first)
# late duplicates
end = time.monotonic() + 3
while time.monotonic() < end:
    pump(end - time.monotonic())

everyone = list(sent_at)
replies = sum(len(got.get(n, [])) for n in everyone)
lost = sum(1 for n in everyone if n not in got)
dup = sum(len(got[n]) - 1 for n in everyone if n in got and len(got[n]) > 1)
blat = [(got[n][0] - sent_at[n]) * 1000 for n in done]


def ms(v):
    return "%.1f" % v if v is not None else "-"


print(
    "bench: e2e smsdesk kannel: n=%d lat_med=%s lat_p95=%s lat_max=%s "
    "burst_n=%d burst_ms=%s burst_done=%d replies=%d lost=%d dup=%d"
    % (
        len(lat),
        ms(pct(lat, 50) if lat else None),
        ms(pct(lat, 95) if lat else None),
        ms(max(lat) if lat else None),
        burst,
        ms((last - first) * 1000) if len(done) == burst else "-",
        len(done),
        replies,
        lost,
        dup,
    )
)
if blat:
    print(
        "bench: kannel burst: %d inquiries from %d numbers, %d answered in "
        "%.2f s (%.0f replies/s); latency under load median %s ms, p95 %s ms, "
        "max %s ms; lost %d, duplicated %d"
        % (
            burst,
            burst,
            len(done),
            last - first,
            len(done) / max(last - first, 1e-6),
            ms(pct(blat, 50)),
            ms(pct(blat, 95)),
            ms(max(blat)),
            burst - len(done),
            sum(len(got[n]) - 1 for n in done if len(got[n]) > 1),
        )
    )
