#!/usr/bin/env python3
"""run.py — measures mtcheck on test set (a) of issue 14 (see README.md):
misspellings found and missed (by kind: start, headline, mid), false alarms
(spelling findings away from the misspelling that the untouched article does
not have), the spelling findings on the untouched articles, and the false
alarms on the sentence-initial names set (names/*.txt, where every spelling
finding is a false alarm).

Usage: python3 tests/heldout/misspell/run.py [--mtcheck build/mtcheck]
           [--clean ../shared/bench/dev/clean] [-v]
"""
import argparse
import csv
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..', '..'))


def run_mtcheck(mtcheck, paths):
    """{path: [issue, ...]} for the files under paths (JSON report)."""
    res = subprocess.run([mtcheck, '--format', 'json', '--fail-on', 'none', '--no-config'] + paths,
                         capture_output=True, text=True)
    if res.returncode not in (0, 1):
        sys.exit(f'run.py: mtcheck failed ({res.returncode}): {res.stderr.strip()}')
    report = json.loads(res.stdout)
    return {os.path.abspath(f['path']): f['issues'] for f in report['files']}


def spelling(issues):
    return [i for i in issues if i['rule'].startswith('spelling.')]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--mtcheck', default=os.path.join(ROOT, 'build', 'mtcheck'))
    ap.add_argument('--clean', default=os.path.join(ROOT, '..', 'shared', 'bench', 'dev', 'clean'))
    ap.add_argument('-v', '--verbose', action='store_true', help='list every miss and false alarm')
    args = ap.parse_args()
    setdir = os.path.join(HERE, 'set')
    namesdir = os.path.join(HERE, 'names')
    with open(os.path.join(setdir, 'key.tsv'), encoding='utf-8') as f:
        key = list(csv.DictReader(f, delimiter='\t'))

    found = run_mtcheck(args.mtcheck, [setdir, namesdir])
    have_clean = os.path.isdir(args.clean)
    clean = run_mtcheck(args.mtcheck, [args.clean]) if have_clean else {}
    clean_by_name = {os.path.basename(p): v for p, v in clean.items()}

    stats = {}
    alarms = []
    for row in key:
        path = os.path.join(setdir, row['file'])
        issues = spelling(found.get(path, []))
        s, e = int(row['byte_start']), int(row['byte_end'])
        hit = [i for i in issues if i['byte_start'] < e and i['byte_end'] > s]
        st = stats.setdefault(row['kind'], {'cases': 0, 'found': 0, 'missed': [], 'rules': {}})
        st['cases'] += 1
        if hit:
            st['found'] += 1
            for i in hit:
                st['rules'][i['rule']] = st['rules'].get(i['rule'], 0) + 1
        else:
            st['missed'].append(f"{row['file']}: {row['misspelt']} ({row['original']}, {row['slip']})")
        # a finding away from the misspelling that the untouched article lacks
        base = {(i['rule'], i['text']) for i in spelling(clean_by_name.get(row['article'], []))}
        for i in issues:
            if i in hit or (i['rule'], i['text']) in base:
                continue
            alarms.append(f"{row['file']}: {i['rule']} '{i['text']}'")

    total = sum(st['cases'] for st in stats.values())
    print(f'misspelling set: {total} cases in {setdir}')
    for kind in ('start', 'headline', 'mid'):
        st = stats.get(kind)
        if not st:
            continue
        rules = ', '.join(f'{r} {n}' for r, n in sorted(st['rules'].items()))
        print(f"  {kind:9s} found {st['found']:3d} / {st['cases']:3d}  ({100.0 * st['found'] / st['cases']:.0f}%)"
              f"  missed {len(st['missed'])}  [{rules}]")
        if args.verbose:
            for m in st['missed']:
                print(f'      missed {m}')
    print(f'  false alarms in the cases (new spelling findings away from the misspelling): {len(alarms)}')
    if args.verbose:
        for a in alarms:
            print(f'      {a}')
    if have_clean:
        ci = [(os.path.basename(p), i) for p, v in sorted(clean.items()) for i in spelling(v)]
        print(f'untouched articles ({len(clean)} in {args.clean}): {len(ci)} spelling findings')
        for name, i in ci:
            print(f"      {name}: {i['rule']} '{i['text']}'")
    else:
        print(f'untouched articles: not measured (no folder {args.clean})')

    names = {p: v for p, v in found.items() if p.startswith(namesdir + os.sep)}
    n_paras = 0
    for p in names:
        with open(p, encoding='utf-8') as f:
            n_paras += sum(1 for par in f.read().split('\n\n') if par.strip())
    ni = [(os.path.basename(p), i) for p, v in sorted(names.items()) for i in spelling(v)]
    print(f'names set: {len(names)} articles, {n_paras} paragraphs in {namesdir}: '
          f'{len(ni)} spelling findings (false alarms)')
    for name, i in ni:
        print(f"      {name}: {i['rule']} '{i['text']}'")


if __name__ == '__main__':
    main()
