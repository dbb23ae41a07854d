#!/usr/bin/env python3
"""quotes_recall.py — how much of the experts' quotation-mark punctuation the
quotes analyzer catches.

Usage: python3 tests/bench/quotes_recall.py BENCH_DIR FLAGS.json

BENCH_DIR is the folder holding gold.jsonl (../shared/bench/dev); FLAGS.json
is mtcheck's JSON report over BENCH_DIR/mt and BENCH_DIR/clean (as written by
`make bench-accuracy` to build/bench/flags.json). Prints, for the
Fluency/Punctuation spans made only of quotation marks (with punctuation and
spaces around them): how many there are, the share overlapped by a quotes.*
flag (recall, each rater's span counted separately), and the share of quotes.*
flags on MT text that overlap such a span or any expert span (precision).
Python 3 standard library only.
"""
import json
import os
import sys
from collections import defaultdict

QUOTES = set('"\'“”‘’«»‹›„‚「」『』《》〈〉〝〞〟＂＇')
PUNCT = set(' .,;:!?-—–()[]…')


def quote_span(text):
    t = text.strip()
    return bool(t) and any(c in QUOTES for c in t) and all(c in QUOTES or c in PUNCT for c in t)


def load_flags(path, bench):
    with open(path, encoding='utf-8') as f:
        data = json.load(f)
    out = []
    for fobj in data.get('files', []):
        rel = os.path.relpath(os.path.abspath(fobj['path']), os.path.abspath(bench))
        for is_ in fobj.get('issues', []):
            rule = is_.get('rule', '')
            if rule.startswith('quotes.') or rule.startswith('brackets.'):
                out.append((rel, is_['byte_start'], is_['byte_end'], rule))
    return out


def overlaps(a0, a1, b0, b1):
    return a0 < max(b1, b0 + 1) and max(a1, a0 + 1) > b0


def main(bench, flags_path):
    gold = [json.loads(line) for line in open(os.path.join(bench, 'gold.jsonl'), encoding='utf-8')]
    qspans = defaultdict(list)
    anyspans = defaultdict(list)
    for g in gold:
        for e in g['errors']:
            anyspans[g['file']].append((e['start'], e['end']))
            if e['category'] == 'Fluency/Punctuation' and quote_span(e['text']):
                qspans[g['file']].append((e['start'], e['end']))
    flags = load_flags(flags_path, bench)
    mt_flags = [f for f in flags if f[0].startswith('mt/')]
    clean_flags = [f for f in flags if f[0].startswith('clean/')]
    by_file = defaultdict(list)
    for f in mt_flags:
        by_file[f[0]].append(f)
    n_spans = sum(len(v) for v in qspans.values())
    caught = sum(1 for fn, spans in qspans.items() for s in spans
                 if any(overlaps(f[1], f[2], s[0], s[1]) for f in by_file[fn]))
    on_q = sum(1 for f in mt_flags if any(overlaps(f[1], f[2], s[0], s[1]) for s in qspans[f[0]]))
    on_any = sum(1 for f in mt_flags if any(overlaps(f[1], f[2], s[0], s[1]) for s in anyspans[f[0]]))
    print('Fluency/Punctuation spans made of quotation marks: %d' % n_spans)
    print('  caught by quotes.* / brackets.* flags:        %d (%.1f%%)' % (caught, 100.0 * caught / max(n_spans, 1)))
    print('quotes.* / brackets.* flags on MT:               %d' % len(mt_flags))
    print('  on a quotation-mark punctuation span:          %d (%.1f%%)' % (on_q, 100.0 * on_q / max(len(mt_flags), 1)))
    print('  on any expert span:                            %d (%.1f%%)' % (on_any, 100.0 * on_any / max(len(mt_flags), 1)))
    print('quotes.* / brackets.* flags on clean news:       %d' % len(clean_flags))


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
