#!/usr/bin/python3
"""Print the rows of phone.c's country table (ISO 3166-1 alpha-2 -> country
calling code, trunk prefixes, international prefixes, and the lengths a
national significant number may have, as a bit mask: bit n for n digits).

The facts are ITU-T's: country calling codes from the list of ITU-T
Recommendation E.164 assigned country codes (ITU Operational Bulletin annex),
trunk and international prefixes from ITU-T "Dialling procedures
(international prefix, national (trunk) prefix and national (significant)
number)" as each administration notified it. They are read here from the
copy libphonenumber keeps (Debian's python3-phonenumbers, 8.12.57), whose
regular expressions are expanded into plain '|' lists ('#' = any digit).
A few territories libphonenumber does not list are added by hand at the end.

Run:  /usr/bin/python3 scripts/gen_phone_countries.py > /tmp/rows.txt
and paste the rows between the markers in src/phone.c.
"""
import re
try:
    import re._parser as sre
except ImportError:  # Python < 3.11
    import sre_parse as sre

import phonenumbers
from phonenumbers import PhoneMetadata


def expand(node_list):
    """All strings a finite regex can match, digits only, \\d as '#'."""
    out = ['']
    for op, av in node_list:
        name = str(op)
        if name == 'LITERAL':
            alts = [chr(av)]
        elif name == 'IN':
            chars = []
            for iop, iav in av:
                iname = str(iop)
                if iname == 'LITERAL':
                    chars.append(chr(iav))
                elif iname == 'RANGE':
                    chars += [chr(c) for c in range(iav[0], iav[1] + 1)]
                elif iname == 'CATEGORY':
                    chars = ['#']
                    break
                else:
                    raise ValueError(iname)
            alts = ['#'] if len(chars) >= 10 else chars
        elif name == 'CATEGORY':
            alts = ['#']
        elif name == 'SUBPATTERN':
            alts = expand(av[-1])
        elif name == 'BRANCH':
            alts = []
            for b in av[1]:
                alts += expand(b)
        elif name in ('MAX_REPEAT', 'MIN_REPEAT'):
            lo, hi, sub = av
            if hi > 3:
                raise ValueError('unbounded repeat')
            inner = expand(sub)
            alts = []
            for k in range(lo, hi + 1):
                seqs = ['']
                for _ in range(k):
                    seqs = [a + b for a in seqs for b in inner]
                alts += seqs
        else:
            raise ValueError(name)
        out = [a + b for a in out for b in alts]
    return out


def alternatives(rx):
    if not rx:
        return ''
    alts = expand(sre.parse(rx))
    seen = []
    for a in alts:
        if a not in seen:
            seen.append(a)
    return '|'.join(seen)


def trunk_of(md):
    # The prefix for parsing when it is a plain finite set without capture
    # of a carrier code; else the one prefix the plan names.
    p = md.national_prefix_for_parsing
    if p and '(' not in p.replace('(?:', ''):
        try:
            return alternatives(p)
        except ValueError:
            pass
    return md.national_prefix or ''


rows = []
for region in sorted(phonenumbers.SUPPORTED_REGIONS):
    md = PhoneMetadata.metadata_for_region(region)
    intl = alternatives(md.international_prefix or '')
    pref = (md.preferred_international_prefix or '').replace('~', '')
    if pref and pref not in intl.split('|'):
        intl = pref + ('|' + intl if intl else '')
    mask = 0
    for n in md.general_desc.possible_length:
        if 0 < n < 32:
            mask |= 1 << n
    rows.append((region, md.country_code, trunk_of(md), intl, mask))

# Territories with no plan of their own in libphonenumber (uninhabited, or
# served through another administration's numbers): ITU-T E.164 assigns
# them no code of their own, so they use the serving country's.
# Their lengths are left open (0): the serving plan's apply through the
# shared code.
by_hand = [
    ('AQ', 672, '', '00', 0),   # Antarctica: Australian bases, +672 1x
    ('BV', 47, '', '00', 0),    # Bouvet Island: Norway
    ('GS', 500, '', '00', 0),   # South Georgia: Falkland Islands' +500
    ('HM', 672, '', '00', 0),   # Heard and McDonald: Australian territory
    ('PN', 64, '', '00', 0),    # Pitcairn: via New Zealand +64
    ('TF', 262, '0', '00', 0),  # French Southern Territories: Reunion +262
    ('UM', 1, '1', '011', 0),   # US Minor Outlying Islands: NANP
]
have = {r[0] for r in rows}
rows += [r for r in by_hand if r[0] not in have]
rows.sort()
for iso, cc, trunk, intl, mask in rows:
    print('    {"%s", %d, "%s", "%s", 0x%x},' % (iso, cc, trunk, intl, mask))
non_geo = sorted(c for c, regs in phonenumbers.COUNTRY_CODE_TO_REGION_CODE.items()
                 if '001' in regs)
print('/* non-geographic: %s */' % ', '.join(str(c) for c in non_geo))
