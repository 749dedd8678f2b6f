#!/usr/bin/env python3
"""cmp.py [--list|--changed-good] [ROUND-lang ...]: rerun review texts on the
current binary (env SMSDESK or the repository's ./smsdesk) and compare the replies
with the graded ones (booking references masked)."""
import os, sys, re, subprocess, concurrent.futures
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
REV = os.path.join(ROOT, 'tests/data/lang/reviews')
OUT = os.environ.get('CMP_OUT', '/tmp/smsdesk-rerun')
args = [a for a in sys.argv[1:] if not a.startswith('--')]
opts = [a for a in sys.argv[1:] if a.startswith('--')]
rounds = args or sorted(d for d in os.listdir(REV) if os.path.isdir(os.path.join(REV, d)))
os.environ.setdefault('SMSDESK', os.path.join(ROOT, 'smsdesk'))
def mask(s):
    if s.strip() in ('', '(no reply)', '(sin respuesta)'):
        return ''
    if re.search(r'(?i)r[eé]f', s):
        s = re.sub(r'\b[A-Z0-9]{4}\b', 'REF', s)
    return s
def one(r):
    d = os.path.join(OUT, r)
    os.makedirs(d, exist_ok=True)
    open(d + '/LANG', 'w').write(r.split('-')[1])
    subprocess.run(['cp', os.path.join(REV, r, 'catalog.cfg'), d + '/catalog.cfg'])
    rows = [l.rstrip('\n').split('\t') for l in open(os.path.join(REV, r, 'graded.tsv'), encoding='utf-8')][1:]
    rows = [x for x in rows if len(x) >= 4]
    with open(d + '/texts.tsv', 'w', encoding='utf-8') as f:
        for x in rows:
            f.write(x[0] + '\t' + x[1] + '\n')
    subprocess.run(['python3', os.path.join(HERE, 'run.py'), d], capture_output=True)
    new = {}
    for l in list(open(d + '/transcript.tsv', encoding='utf-8'))[1:]:
        p = l.rstrip('\n').split('\t')
        new[p[0]] = p[3]
    base = {}
    bdir = os.environ.get('CMP_BASE')
    if bdir:
        for l in list(open(os.path.join(bdir, r, 'transcript.tsv'), encoding='utf-8'))[1:]:
            p = l.rstrip('\n').split('\t')
            base[p[0]] = p[3]
    res = []
    for x in rows:
        old = base.get(x[0], x[2]) if bdir else x[2]; nw = new.get(x[0], '')
        if mask(old) != mask(nw):
            res.append((x[0], x[3], x[1], old, nw, x[6] if len(x) > 6 else ''))
    return r, len(rows), res
with concurrent.futures.ThreadPoolExecutor(2) as ex:
    for r, n, res in ex.map(one, rounds):
        cg = sum(1 for x in res if x[1] == 'good')
        print('%s: %d texts, %d changed (%d were good)' % (r, n, len(res), cg))
        for x in res:
            if '--list' in opts or ('--changed-good' in opts and x[1] == 'good'):
                print('  %s [%s] %s\n    old: %s\n    new: %s%s' % (x[0], x[1], x[2], x[3], x[4], ('\n    note: ' + x[5]) if x[5] else ''))
