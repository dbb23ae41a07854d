#!/usr/bin/env python3
"""split_halves.py — score a flags file on each half of the benchmark's MT
documents (an overfitting guard: tune rules on one half, read the other).

The MT documents are sorted by id and dealt alternately into half 0 and
half 1; the clean news goes with both halves. For each half this writes a
bench directory (a filtered gold.jsonl beside symlinks to mt/ and clean/)
and a flags file restricted to that half's files, then runs score.py on it.

    python3 tests/bench/split_halves.py BENCH_DIR FLAGS.json [--score SCORE.py]
        [--work DIR] [--half 0|1] [--json]

Python 3 standard library only.
"""
import argparse, json, os, subprocess, sys


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('bench', help='benchmark dir holding gold.jsonl, mt/ and clean/')
    ap.add_argument('flags', help="mtcheck --format json output (the checker's native shape)")
    ap.add_argument('--score', default=None, help='score.py (default: BENCH/../score.py)')
    ap.add_argument('--work', default='build/bench-halves', help='scratch directory')
    ap.add_argument('--half', type=int, choices=(0, 1), action='append', help='only this half')
    ap.add_argument('--json', action='store_true', help="pass --json to score.py")
    a = ap.parse_args(argv)
    bench = os.path.realpath(a.bench)
    score = a.score or os.path.join(os.path.dirname(bench), 'score.py')
    gold = [json.loads(l) for l in open(os.path.join(bench, 'gold.jsonl'), encoding='utf-8') if l.strip()]
    docs = sorted({g['doc'] for g in gold if not g.get('clean')})
    half_of = {d: i % 2 for i, d in enumerate(docs)}
    with open(a.flags, encoding='utf-8') as f:
        flags = json.load(f)
    for h in a.half or (0, 1):
        keep = [g for g in gold if g.get('clean') or half_of[g['doc']] == h]
        files = {g['file'] for g in keep}
        d = os.path.join(a.work, 'half%d' % h)
        os.makedirs(d, exist_ok=True)
        for sub in ('mt', 'clean'):
            link = os.path.join(d, sub)
            if not os.path.islink(link):
                os.symlink(os.path.join(bench, sub), link)
        with open(os.path.join(d, 'gold.jsonl'), 'w', encoding='utf-8') as f:
            for g in keep:
                f.write(json.dumps(g, ensure_ascii=False) + '\n')
        out = {'files': []}
        for fe in flags.get('files', []):
            p = fe.get('path', '')
            rel = os.path.relpath(os.path.realpath(p), bench).replace(os.sep, '/')
            if rel in files:
                out['files'].append({'path': rel, 'issues': fe.get('issues', [])})
        fp = os.path.join(a.work, 'flags-half%d.json' % h)
        with open(fp, 'w', encoding='utf-8') as f:
            json.dump(out, f)
        n_docs = sum(1 for v in half_of.values() if v == h)
        print('==== half %d: %d MT documents (%s)' % (h, n_docs, ', '.join(x for x in docs if half_of[x] == h)[:200] + '...'))
        sys.stdout.flush()
        cmd = [sys.executable, score, d, fp] + (['--json'] if a.json else [])
        r = subprocess.run(cmd)
        if r.returncode:
            return r.returncode
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
