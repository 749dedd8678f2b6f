#!/usr/bin/env python3
"""Read Kannel's fakesmsc log and print what the SMS centre was given.

fakesmsc (kannel-extras) prints each message bearerbox hands it as
  ... Got message N: <FROM TO text LITERAL>
  ... Got message N: <FROM TO ucs-2 URLENCODED-UTF16BE>
  ... Got message N: <FROM TO data URLENCODED-OCTETS>
  ... Got message N: <FROM TO udh URLENCODED-UDH data URLENCODED-TEXT>
(Kannel 1.4.5, gw/smsc/smsc_fake.c: sms_to_client). For a message with a
user-data header the text is Kannel's own UTF-8 when the coding was 7-bit,
UTF-16BE when it was UCS-2.

Prints one line per message: TO<TAB>FROM<TAB>PART<TAB>TEXT, where PART is
"-" for a single message and "ref:seq/total" for a concatenated one.
With --join, the parts of a concatenated message are put back together
(in sequence order) and printed once, as "-" lines.
"""
import re
import sys
import urllib.parse

LINE = re.compile(r"Got message \d+: <(\S+) (\S+) (text|ucs-2|data|udh) (.*)>$")


def unquote(s: str) -> bytes:
    # Kannel's octstr_url_encode writes a space as '+'
    return urllib.parse.unquote_to_bytes(s.replace("+", " "))


def text_of(raw: bytes) -> str:
    # The line does not say the coding. A UCS-2 part (UTF-16BE) has control
    # bytes in it (the high octets of its characters: 0x00 for Latin, 0x04
    # for Cyrillic ...); Kannel's 7-bit text is UTF-8 and a reply never
    # holds control characters.
    if len(raw) % 2 == 0 and any(c < 0x09 for c in raw):
        return raw.decode("utf-16-be", errors="replace")
    return raw.decode("utf-8", errors="replace")


def parse(line):
    m = LINE.search(line.rstrip("\n"))
    if m is None:
        return None
    frm, to, kind, rest = m.groups()
    part = "-"
    if kind == "text":
        text = rest
    elif kind == "ucs-2":
        text = unquote(rest).decode("utf-16-be", "replace")
    elif kind == "data":
        text = text_of(unquote(rest))
    else:
        udh_enc, _, data = rest.partition(" data ")
        udh = unquote(udh_enc)
        raw = unquote(data)
        text = text_of(raw)
        # concatenation element (TS 23.040 9.2.3.24.1 / .8)
        i = 1
        while i + 1 < len(udh):
            iei, ln = udh[i], udh[i + 1]
            v = udh[i + 2 : i + 2 + ln]
            if iei == 0 and ln == 3:
                part = "%d:%d/%d" % (v[0], v[2], v[1])
            elif iei == 8 and ln == 4:
                part = "%d:%d/%d" % (v[0] << 8 | v[1], v[3], v[2])
            i += 2 + ln
    return to, frm, part, text


def main():
    join = "--join" in sys.argv[1:]
    files = [a for a in sys.argv[1:] if a != "--join"]
    out, groups = [], {}
    for name in files:
        with open(name, encoding="utf-8", errors="replace") as f:
            for line in f:
                p = parse(line)
                if p is None:
                    continue
                to, frm, part, text = p
                if not join or part == "-":
                    out.append((to, frm, part, text))
                    continue
                ref, _, st = part.partition(":")
                seq, _, total = st.partition("/")
                g = groups.setdefault((to, frm, ref), {})
                g[int(seq)] = text
                if len(g) == int(total):
                    out.append((to, frm, "-", "".join(g[k] for k in sorted(g))))
                    del groups[(to, frm, ref)]
    for to, frm, part, text in out:
        print("%s\t%s\t%s\t%s" % (to, frm, part, text.replace("\n", "\\n")))


if __name__ == "__main__":
    main()
