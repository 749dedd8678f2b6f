#!/usr/bin/env python3
"""Read a PNG screenshot (Python's standard library only: zlib, struct) and
print, for each chart colour given as #rrggbb, how many pixels have exactly
that colour and the rows they span, plus how much of the page is not white:

    #c0392b 5120 140 186
    nonwhite 0.083

PNG as in RFC 2083 / ISO 15948: 8-bit RGB or RGBA, non-interlaced (what
Chromium writes), scanline filters 0-4 undone with the Paeth predictor.
"""
import struct
import sys
import zlib


def read_png(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit("not a PNG: " + path)
    pos, idat, ihdr = 8, [], None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    width, height, depth, ctype, _, _, interlace = ihdr
    if depth != 8 or ctype not in (2, 6) or interlace != 0:
        raise SystemExit("unsupported PNG (depth %d, type %d, interlace %d)"
                         % (depth, ctype, interlace))
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        base = y * (stride + 1)
        ftype = raw[base]
        line = bytearray(raw[base + 1:base + 1 + stride])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 255
            elif ftype == 2:
                line[i] = (line[i] + b) & 255
            elif ftype == 3:
                line[i] = (line[i] + ((a + b) >> 1)) & 255
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def main():
    width, height, bpp, rows = read_png(sys.argv[1])
    wanted = {}
    for hexcol in sys.argv[2:]:
        h = hexcol.lstrip("#")
        wanted[bytes(int(h[i:i + 2], 16) for i in (0, 2, 4))] = hexcol
    found = {c: [0, None, None] for c in wanted}
    nonwhite = 0
    for y, line in enumerate(rows):
        for x in range(0, width * bpp, bpp):
            px = line[x:x + 3]
            if px != b"\xff\xff\xff":
                nonwhite += 1
            hit = found.get(px)
            if hit is not None:
                hit[0] += 1
                hit[1] = y if hit[1] is None else hit[1]
                hit[2] = y
    for c, hexcol in wanted.items():
        n, y0, y1 = found[c]
        print("%s %d %d %d" % (hexcol, n, -1 if y0 is None else y0,
                                -1 if y1 is None else y1))
    print("nonwhite %.3f" % (nonwhite / float(width * height)))


if __name__ == "__main__":
    main()
