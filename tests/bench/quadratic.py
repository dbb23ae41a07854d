#!/usr/bin/env python3
"""quadratic.py — the two inputs that were quadratic (issue 15), timed
(make bench-quadratic; a benchmark, never a test):
  * names: one article with N distinct capitalised names (default 40,000)
    sharing one initial, each used once in mid-sentence: spelling's
    inconsistent-name check (once every pair of names, now an index of
    one-deletion forms); target under 1 s;
  * brackets: a line of N '(' (default 100,000: as many issues in one
    sentence), as JSON and as SARIF (whose fingerprints compared every pair
    of issues, now a hash map); target SARIF within 2x JSON.
Reports the median wall and CPU time of --runs rounds, interleaved.
Standard library only.

Usage: quadratic.py --mtcheck build/mtcheck [--work DIR] [--names N] [--brackets N] [--runs R]
"""
import argparse
import os
import random
import resource
import statistics
import subprocess
import time


def names_article(path, n):
    rnd = random.Random(15)
    seen, out = set(), []
    consonants, vowels = "bcdfghklmnprstvz", "aeiou"
    while len(seen) < n:
        w = "K" + "".join(rnd.choice(consonants) + rnd.choice(vowels) for _ in range(3)) + rnd.choice(consonants)
        if w not in seen:
            seen.add(w)
            out.append(w)
    with open(path, "w") as f:
        for i in range(0, n, 10):
            f.write(" ".join("Officials said %s agreed." % w for w in out[i:i + 10]) + "\n\n")


def timed(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode not in (0, 1):
        raise SystemExit("failed: %s\n%s" % (" ".join(cmd), p.stderr.decode()))
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mtcheck", required=True)
    ap.add_argument("--work", default="build/bench-quadratic")
    ap.add_argument("--names", type=int, default=40000)
    ap.add_argument("--brackets", type=int, default=100000)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    names = os.path.join(a.work, "names.txt")
    brackets = os.path.join(a.work, "brackets.txt")
    names_article(names, a.names)
    with open(brackets, "w") as f:
        f.write("(" * a.brackets + "\n")
    base = [a.mtcheck, "--no-config", "--fail-on", "none"]
    cases = {
        "names %d (json)" % a.names: base + ["--format", "json", names],
        "brackets %d json" % a.brackets: base + ["--format", "json", brackets],
        "brackets %d sarif" % a.brackets: base + ["--format", "sarif", brackets],
    }
    res = {k: [] for k in cases}
    for _ in range(a.runs):
        for k, cmd in cases.items():
            res[k].append(timed(cmd))
    print("load average: %.2f %.2f %.2f" % os.getloadavg())
    for k, v in res.items():
        print("%-24s wall %6.2f s  cpu %6.2f s" % (k, statistics.median(x[0] for x in v),
                                                   statistics.median(x[1] for x in v)))
    j = statistics.median(x[1] for x in res["brackets %d json" % a.brackets])
    s = statistics.median(x[1] for x in res["brackets %d sarif" % a.brackets])
    print("sarif / json (cpu): %.2fx" % (s / j if j else float("nan")))


if __name__ == "__main__":
    main()
