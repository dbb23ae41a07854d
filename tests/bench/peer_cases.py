#!/usr/bin/env python3
"""peer_cases.py — a held-out check on a peer's own test sentences.

Reads the unit tests of the Harper grammar checker (a git checkout of
github.com/Automattic/harper; nothing of it is copied into this project),
takes each test's sentence as positive (the test expects a lint:
assert_suggestion_result, assert_lint_count N > 0, ...) or negative
(assert_no_lints, assert_lint_count 0), runs mtcheck on every sentence as
its own article (--stdin-jsonl) and prints, per Harper linter file, how
many positives mtcheck flags (found) and how many negatives it flags
(false alarms). Any finding counts. V=1 lists the misses and false alarms.
mtcheck is never tuned on these sentences: they measure how its rules
generalise to test sentences written by others.

usage: peer_cases.py HARPER_CHECKOUT MTCHECK [LINTER.rs ...]
       peer_cases.py --files HARPER_CHECKOUT MTCHECK   (the whole-document
       tests: each test file, Harper's expected lint count, mtcheck's findings;
       the stdin-jsonl reader reads them as plain text)
       (paths relative to the checkout; `make bench-peer-cases
       HARPER_DIR=...` passes the linters of the kinds mtcheck claims)"""
import json, re, subprocess, sys, os, collections

def rust_strings(s, i):
    """yield (literal, end) for a Rust string literal starting at s[i]"""
    if s.startswith('r', i):
        m = re.match(r'r(#*)"', s[i:])
        if not m: return None
        hashes = m.group(1); j = i + len(m.group(0))
        end = s.find('"' + hashes, j)
        return s[j:end], end + 1 + len(hashes)
    if s[i] != '"': return None
    j = i + 1; out = []
    while s[j] != '"':
        if s[j] == '\\':
            c = s[j+1]
            if c == 'n': out.append('\n')
            elif c == 't': out.append('\t')
            elif c == '\n':
                j += 2
                while s[j] in ' \t\n': j += 1
                continue
            elif c == 'u':
                k = s.index('}', j); out.append(chr(int(s[j+3:k], 16))); j = k + 1; continue
            else: out.append(c)
            j += 2
        else:
            out.append(s[j]); j += 1
    return ''.join(out), j + 1

CALL = re.compile(r'(assert_suggestion_result|assert_lint_count|assert_no_lints|assert_top3_suggestion_result|assert_first_sugg_result|assert_good_and_bad_suggestions|assert_nth_suggestion_result)\s*\(\s*')

def cases(src):
    for m in CALL.finditer(src):
        r = rust_strings(src, m.end())
        if not r: continue
        text, end = r
        kind = m.group(1)
        if kind == 'assert_no_lints': yield text, False
        elif kind == 'assert_lint_count':
            n = re.match(r'[^;]*?,\s*(\d+)\s*\)', src[end:end+300], re.S)
            if n: yield text, int(n.group(1)) > 0
        else: yield text, True

def whole_files(repo, mt):
    """Harper's whole-document tests (harper-core/tests/run_tests.rs:
    create_test!(file.md, N, Dialect::X)): the files it expects no lint on
    are clean text; print what mtcheck finds on each test file."""
    rs = subprocess.run(['git', '-C', repo, 'show', 'HEAD:harper-core/tests/run_tests.rs'],
                        capture_output=True, text=True).stdout
    clean = flagged = 0
    for f, n, dialect in re.findall(r'create_test!\((\S+?), (\d+), Dialect::(\w+)\)', rs):
        text = subprocess.run(['git', '-C', repo, 'show', 'HEAD:harper-core/tests/test_sources/' + f],
                              capture_output=True).stdout.decode('utf-8', 'replace')
        if f.endswith('.md') is False:
            continue
        lang = 'en_GB' if dialect == 'British' else 'en_US'
        rec = json.dumps({'id': f, 'text': text}) + '\n'
        out = subprocess.run([mt, '--stdin-jsonl', '--fail-on', 'none', '--lang', lang, '--no-config'],
                             input=rec, capture_output=True, text=True).stdout
        iss = json.loads(out.splitlines()[0]).get('issues', []) if out else []
        rules = sorted(set(x.get('rule') for x in iss))
        if int(n) == 0:
            clean += 1
            flagged += bool(iss)
        print(f'{f:36} Harper expects {n:>2}  mtcheck {len(iss):>3}  {",".join(rules)}')
    print(f'files Harper expects clean: {clean}, mtcheck flags {flagged}')

def main():
    if len(sys.argv) > 1 and sys.argv[1] == '--files':
        return whole_files(sys.argv[2], sys.argv[3])
    repo, mt = sys.argv[1], sys.argv[2]
    files = sys.argv[3:]
    recs = []
    for f in files:
        src = subprocess.run(['git', '-C', repo, 'show', 'HEAD:' + f], capture_output=True, text=True).stdout
        for k, (t, pos) in enumerate(cases(src)):
            if len(t) < 8: continue
            recs.append((os.path.basename(f)[:-3], t, pos))
    inp = ''.join(json.dumps({'id': str(i), 'text': t}) + '\n' for i, (_, t, _) in enumerate(recs))
    out = subprocess.run([mt, '--stdin-jsonl', '--fail-on', 'none'], input=inp, capture_output=True, text=True).stdout
    res = {}
    for line in out.splitlines():
        o = json.loads(line)
        iss = o.get('issues') or (o.get('files') or [{}])[0].get('issues', [])
        res[o['id']] = [x.get('rule') for x in iss]
    tot = collections.defaultdict(lambda: [0, 0, 0, 0])
    verbose = os.environ.get('V')
    for i, (f, t, pos) in enumerate(recs):
        r = res.get(str(i), [])
        st = tot[f]
        if pos:
            st[0] += 1; st[1] += bool(r)
        else:
            st[2] += 1; st[3] += bool(r)
        if verbose and (bool(r) != pos):
            print(('MISS ' if pos else 'FA   ') + f + ': ' + t.replace('\n', ' ')[:150] + ('  ' + ','.join(r) if r else ''))
    P = N = FP = TP = 0
    for f, (p, tp, n, fp) in sorted(tot.items()):
        print(f'{f:34} found {tp:3}/{p:<3}  false alarms {fp:3}/{n:<3}')
        P += p; TP += tp; N += n; FP += fp
    print(f'{"ALL":34} found {TP}/{P} = {100*TP/max(P,1):.0f}%  false alarms {FP}/{N} = {100*FP/max(N,1):.0f}%')
main()
