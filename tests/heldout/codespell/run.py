#!/usr/bin/env python3
"""run.py — misspellings from another project's list, put into human news:
the held-out spelling check that does not use our own generator.

codespell (Debian package `codespell`) ships a list of real misspellings
people made, each with its correction (codespell_lib/data/dictionary.txt).
This script takes the entries whose misspelling hunspell en_US rejects (a
misspelling that is itself a word is out of scope for a spelling check) and
whose correction is one word; finds, in the clean human news of the
benchmark (../shared/bench/dev/clean), the sentences where that correction
occurs as a whole lowercase word mid-sentence (kind `mid`) or capitalised as
a sentence's first word (kind `start`); and writes one copy of the article
per case, with that one word replaced by the misspelling (seeded: the same
cases every run, at most one case per correction and kind). It runs
build/mtcheck once over all copies and prints, per kind, the misspellings
found (a spelling.* finding overlapping the word), missed, and the false
alarms (spelling findings elsewhere that the untouched article lacks).

Usage: python3 tests/heldout/codespell/run.py [--mtcheck build/mtcheck]
           [--clean ../shared/bench/dev/clean] [--dictionary PATH] [-v]
"""
import argparse
import glob
import json
import os
import random
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
DICT = '/usr/lib/python3/dist-packages/codespell_lib/data/dictionary.txt'


def load_pairs(path):
    pairs = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            wrong, _, right = line.rstrip('\n').partition('->')
            right = right.strip()
            if ',' in right.rstrip(',') or not wrong.isalpha() or not wrong.islower():
                continue
            right = right.rstrip(',').strip()
            if right.isalpha() and right.islower() and right != wrong:
                pairs.setdefault(right, []).append(wrong)
    return pairs


def hunspell_rejects(words):
    out = subprocess.run(['hunspell', '-d', 'en_US', '-l'], input='\n'.join(words) + '\n',
                         capture_output=True, text=True, check=True).stdout
    return set(out.split())


def spelling(issues):
    return [i for i in issues if i['rule'].startswith('spelling.')]


def run_mtcheck(mtcheck, paths):
    res = subprocess.run([mtcheck, '--format', 'json', '--fail-on', 'none', '--no-config'] + paths,
                         capture_output=True, text=True)
    if res.returncode not in (0, 1):
        sys.exit(f'run.py: mtcheck failed ({res.returncode}): {res.stderr.strip()}')
    return {os.path.abspath(f['path']): f['issues'] for f in json.loads(res.stdout)['files']}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--mtcheck', default=os.path.join(ROOT, 'build', 'mtcheck'))
    ap.add_argument('--clean', default=os.path.join(ROOT, '..', 'shared', 'bench', 'dev', 'clean'))
    ap.add_argument('--dictionary', default=DICT)
    ap.add_argument('-v', '--verbose', action='store_true')
    args = ap.parse_args()
    if not os.path.exists(args.dictionary):
        sys.exit(f'run.py: {args.dictionary} missing (apt-get install codespell, or --dictionary)')
    pairs = load_pairs(args.dictionary)
    rejected = hunspell_rejects(sorted({w for ws in pairs.values() for w in ws}))
    pairs = {r: sorted(w for w in ws if w in rejected) for r, ws in pairs.items()}
    pairs = {r: ws for r, ws in pairs.items() if ws}

    rng = random.Random(14)
    articles = sorted(glob.glob(os.path.join(args.clean, '*.txt')))
    cases, used = [], set()
    for art in articles:
        text = open(art, encoding='utf-8').read()
        for m in re.finditer(r"(?<![\w'’-])([A-Za-z]+)(?![\w'’-])", text):
            word = m.group(1)
            before = text[:m.start()].rstrip(' ')
            if word.islower():
                kind = 'mid'
                if not before or before[-1] in '.?!"“\n':
                    continue
            elif word[0].isupper() and word[1:].islower() and (not before or before[-1] in '.?!\n') \
                    and (not before or before.endswith('\n\n') or before[-1] in '.?!'):
                kind = 'start'
            else:
                continue
            low = word.lower()
            if low not in pairs or (low, kind) in used:
                continue
            used.add((low, kind))
            wrong = rng.choice(pairs[low])
            if kind == 'start':
                wrong = wrong[0].upper() + wrong[1:]
            cases.append((art, kind, m.start(), m.end(), word, wrong))

    tmp = tempfile.mkdtemp(prefix='mtc-codespell-')
    rows = []
    for n, (art, kind, s, e, word, wrong) in enumerate(cases):
        text = open(art, encoding='utf-8').read()
        new = text[:s] + wrong + text[e:]
        path = os.path.join(tmp, f'{n:04d}-{kind}-{os.path.basename(art)}')
        with open(path, 'w', encoding='utf-8') as f:
            f.write(new)
        bs = len(new[:s].encode('utf-8'))
        rows.append((path, art, kind, bs, bs + len(wrong.encode('utf-8')), word, wrong))
    found = run_mtcheck(args.mtcheck, [tmp])
    base = {os.path.abspath(p): v for p, v in run_mtcheck(args.mtcheck, articles).items()}

    stats = {}
    for path, art, kind, s, e, word, wrong in rows:
        issues = spelling(found.get(os.path.abspath(path), []))
        hit = [i for i in issues if i['byte_start'] < e and i['byte_end'] > s]
        st = stats.setdefault(kind, {'cases': 0, 'found': 0, 'missed': [], 'alarms': []})
        st['cases'] += 1
        if hit:
            st['found'] += 1
        else:
            st['missed'].append(f'{wrong} ({word})')
        known = {(i['rule'], i['text']) for i in spelling(base.get(os.path.abspath(art), []))}
        for i in issues:
            if i not in hit and (i['rule'], i['text']) not in known:
                st['alarms'].append(f"{os.path.basename(path)}: {i['rule']} '{i['text']}'")
    print(f'codespell misspellings in human news: {len(rows)} cases ({tmp})')
    for kind in ('start', 'mid'):
        st = stats.get(kind)
        if not st:
            continue
        print(f"  {kind:6} found {st['found']:4} / {st['cases']:4}  "
              f"({100.0 * st['found'] / st['cases']:.0f}%)  false alarms {len(st['alarms'])}")
        if args.verbose:
            for x in st['missed']:
                print('      missed', x)
            for x in st['alarms']:
                print('      alarm ', x)
    subprocess.run(['rm', '-rf', tmp])


if __name__ == '__main__':
    main()
