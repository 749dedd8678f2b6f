#!/usr/bin/env python3
"""run.py DIR (scripts/review/run.py): the fresh review's runner (issue 14);
DIR holds LANG and catalog.cfg; send DIR/texts.tsv (ID<TAB>TEXT) through `smsdesk try`.
Snn: a new number each; Cnn.k: one number per conversation Cnn.
Clock from 2026-12-02T10:00, +2 min per text. Writes DIR/transcript.tsv."""
import os, sys, subprocess, datetime, tempfile
d = sys.argv[1]
lang = open(os.path.join(d, 'LANG')).read().strip()
prefix = {'es': '+3461234', 'fr': '+3361234', 'de': '+4915112', 'tr': '+90532123',
          'pt': '+55119876', 'en': '+4477009'}[lang]
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
binary = os.environ.get('SMSDESK', os.path.join(ROOT, 'smsdesk'))
cat = os.path.join(d, 'catalog.cfg')
db = tempfile.mktemp(suffix='.db', dir=d)
clock = datetime.datetime(2026, 12, 2, 10, 0)
numbers = {}
out = []
n = 0
for line in open(os.path.join(d, 'texts.tsv'), encoding='utf-8'):
    line = line.rstrip('\n')
    if not line.strip() or line.startswith('#'):
        continue
    if '\t' not in line:
        continue
    tid, text = line.split('\t', 1)
    key = tid.split('.')[0] if tid.startswith('C') else tid
    if key not in numbers:
        n += 1
        width = {'es': 4, 'fr': 4, 'de': 5, 'tr': 4, 'pt': 5, 'en': 4}[lang]
        numbers[key] = prefix + str(10 ** (width - 1) + n)
    now = clock.strftime('%Y-%m-%dT%H:%M')
    r = subprocess.run([binary, 'try', '-c', cat, '--db', db, '--now', now,
                        '--from', numbers[key], text], capture_output=True, text=True)
    reply = r.stdout.strip()
    if r.returncode != 0:
        reply = (reply + ' [exit %d: %s]' % (r.returncode, r.stderr.strip())).strip()
    reply = ' || '.join(p.replace('\n', ' ') for p in reply.split('\n\n')) if reply else '(no reply)'
    out.append('\t'.join([tid, now, text, reply]))
    clock += datetime.timedelta(minutes=2)
with open(os.path.join(d, 'transcript.tsv'), 'w', encoding='utf-8') as f:
    f.write('ID\tCLOCK\tTEXT\tREPLY\n')
    for o in out:
        f.write(o + '\n')
for p in (db, db + '-wal', db + '-shm'):
    if os.path.exists(p):
        os.remove(p)
print('%d texts -> %s' % (len(out), os.path.join(d, 'transcript.tsv')))
