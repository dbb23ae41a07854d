#!/usr/bin/env python3
"""rule_spans.py — show one rule's flags next to the experts' spans, to see
whether a flag sits on the wrong word(s) or only near them.

Usage: python3 tests/bench/rule_spans.py BENCH_DIR FLAGS.json RULE [RULE...]

BENCH_DIR is the folder holding gold.jsonl (../shared/bench/dev); FLAGS.json
is mtcheck's JSON report over BENCH_DIR/mt and BENCH_DIR/clean (as written by
`make bench-accuracy` to build/bench/flags.json). For each flag of the named
rule(s) it prints the file, the flagged bytes (marked [[...]] in the segment
text), whether it overlaps an expert span, the chance of a flag of the same
width placed at a random word start of the segment (as score.py computes it,
exactly over all word starts rather than by 20 draws), and the expert spans
of the segment with their categories. Python 3 standard library only.
"""
import bisect
import json
import os
import re
import sys


def load_flags(path, bench):
    doc = json.load(open(path, encoding="utf-8"))
    real = os.path.realpath(bench)
    out = []
    for f in doc["files"]:
        rel = os.path.relpath(os.path.realpath(f["path"]), real)
        for i in f["issues"]:
            out.append((rel, i["byte_start"], i["byte_end"], i["rule"], i.get("message", "")))
    return out


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    bench, flags_path, rules = argv[0], argv[1], set(argv[2:])
    gold = [json.loads(l) for l in open(os.path.join(bench, "gold.jsonl"), encoding="utf-8") if l.strip()]
    by_file = {}
    for g in gold:
        by_file.setdefault(g["file"], []).append(g)
    for v in by_file.values():
        v.sort(key=lambda g: g["start"])
    texts = {}
    tot_hit = tot_ch = 0.0
    for rel, s, e, rule, msg in load_flags(flags_path, bench):
        if rule not in rules or rel not in by_file:
            continue
        segs = by_file[rel]
        k = max(bisect.bisect_right([g["start"] for g in segs], s) - 1, 0)
        g = segs[k]
        if rel not in texts:
            texts[rel] = open(os.path.join(bench, rel), "rb").read()
        body = texts[rel][g["start"]:g["end"]]
        e1 = max(e, s + 1)
        spans = g["errors"]
        hit = any(sp["start"] < e1 and sp["end"] > s for sp in spans)
        starts = [g["start"] + m.start() for m in re.finditer(rb"\S+", body)] or [g["start"]]
        w = e1 - s
        ch = sum(any(sp["start"] < a + w and sp["end"] > a for sp in spans) for a in starts) / len(starts)
        if not g.get("clean"):
            tot_hit += hit
            tot_ch += ch if w <= 40 else hit
        ls, le = s - g["start"], e1 - g["start"]
        marked = (body[:ls] + b"[[" + body[ls:le] + b"]]" + body[le:]).decode("utf-8", "replace")
        print("=== %s seg %d  %s  %s  width %d  chance %.2f  %s" % (
            rel, g["seg"], rule, "HIT" if hit else ("CLEAN" if g.get("clean") else "miss"), w, ch, msg))
        print("   ", marked)
        for sp in sorted(spans, key=lambda x: x["start"]):
            print("    - %-32s %-5s %r" % (sp["category"], sp["severity"],
                                         texts[rel][sp["start"]:sp["end"]].decode("utf-8", "replace")))
    if tot_ch:
        print("lift (exact chance): %.3f over %d hits" % (tot_hit / tot_ch, tot_hit))


if __name__ == "__main__":
    main(sys.argv[1:])
