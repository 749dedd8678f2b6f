#!/usr/bin/env python3
"""score.py DIR: read DIR/graded.tsv (ID TEXT REPLY GRADE WRONG_DAY UNASKED NOTE)."""
import sys, os
rows = [l.rstrip('\n').split('\t') for l in open(os.path.join(sys.argv[1], 'graded.tsv'), encoding='utf-8')][1:]
rows = [r for r in rows if len(r) >= 4 and r[0].strip()]
g = sum(1 for r in rows if r[3].strip() == 'good')
w = sum(1 for r in rows if r[3].strip() == 'weak')
b = sum(1 for r in rows if r[3].strip() == 'bad')
wd = sum(1 for r in rows if len(r) > 4 and r[4].strip() == '1')
ua = sum(1 for r in rows if len(r) > 5 and r[5].strip() == '1')
n = len(rows)
print('%s: %d exchanges, good %d (%.1f%%), weak %d, bad %d, wrong-day %d, unasked %d' % (
    sys.argv[1], n, g, 100.0 * g / max(n, 1), w, b, wd, ua))
