#!/usr/bin/python3
"""gammu's own PDU codec (python3-gammu, libgammu) as the independent side
of tests/e2e/test_pdu_gammu.sh. Not a test on its own.

  gammu_pdu.py check                 exit 0 when python3-gammu imports
  gammu_pdu.py decode < HEX lines    SMSC-prefixed PDUs (parts of one
                                     message, any order) -> two lines:
                                     number, then the joined text
  gammu_pdu.py encode NUMBER UNICODE TEXT
                                     SMS-DELIVER PDUs (with SMSC) for TEXT,
                                     one per line, then "==" and gammu's own
                                     decode of them (number, text, time)

Text lines escape backslash and newline as smsdesk pdu decode does.

A quirk of libgammu 1.42 handled here: DecodePDU returns as many characters
as the part has septets (its "Length"), but an escape sequence (the euro
sign, braces, ...) is two septets for one character, so a text with k of
them comes back with k extra characters after the real text (a NUL, or
whatever lies past the user data). The helper keeps the characters that
fill gammu's own septet count and drops the rest.
"""

EXTENSION = set("\f^{}\\[~]|\u20ac")


def gsm7_text(d):
    if d["Coding"] != "Default_No_Compression":
        return d["Text"]
    septets, out = 0, []
    for ch in d["Text"]:
        septets += 2 if ch in EXTENSION else 1
        if septets > d["Length"]:
            break
        out.append(ch)
    return "".join(out)
import binascii
import sys


def escape(text):
    return text.replace("\\", "\\\\").replace("\n", "\\n")


def decode_parts(hexes):
    import gammu

    parts = []
    number = None
    for h in hexes:
        d = gammu.DecodePDU(binascii.unhexlify(h), SMSC=True)
        number = d["Number"]
        parts.append((d["UDH"]["PartNumber"], gsm7_text(d), d))
    parts.sort(key=lambda p: p[0])
    return number, "".join(p[1] for p in parts), parts[0][2]


def main(argv):
    if argv[1] == "check":
        import gammu  # noqa: F401

        return 0
    if argv[1] == "decode":
        hexes = [line.strip() for line in sys.stdin if line.strip()]
        number, text, _ = decode_parts(hexes)
        print(number)
        print(escape(text))
        return 0
    if argv[1] == "encode":
        import gammu

        number, unicode, text = argv[2], argv[3] == "1", argv[4]
        info = {
            "Class": -1,
            "Unicode": unicode,
            "Entries": [{"ID": "ConcatenatedTextLong", "Buffer": text}],
        }
        hexes = []
        for msg in gammu.EncodeSMS(info):
            msg["Number"] = number
            msg["Type"] = "Deliver"
            msg["SMSC"] = {"Number": "+447785016005", "Location": 0}
            pdu = gammu.EncodePDU(msg, Layout="Deliver")
            hexes.append(binascii.hexlify(pdu).decode().upper())
        for h in hexes:
            print(h)
        print("==")
        number, joined, first = decode_parts(hexes)
        print(number)
        print(escape(joined))
        print(first["DateTime"].strftime("%Y-%m-%dT%H:%M:%S"))
        return 0
    print("usage: gammu_pdu.py check|decode|encode", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
