#!/usr/bin/env python3
"""suggest_quality.py — suggestion quality of mtcheck (suggest.c) against
hunspell's own suggestions, on sets of typed<TAB>intended lines
(tests/heldout/suggest/*.tsv). Only typed words hunspell rejects count.
For each engine: first suggestion right (top-1), intended word among the
first three (top-3), no suggestion at all. Case is ignored.

Usage: suggest_quality.py --mtcheck build/mtcheck [--lang en_US] SET.tsv...
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile


def read_set(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                typed, intended = line.split("\t")
                rows.append((typed, intended))
    return rows


def hunspell_suggestions(words, lang):
    out = subprocess.run(["hunspell", "-d", lang, "-a"], input="\n".join(words) + "\n",
                         capture_output=True, text=True, check=True).stdout
    res, lines = {}, [l for l in out.split("\n")[1:]]
    k = 0
    for line in lines:
        if k >= len(words):
            break
        if line == "":
            continue
        if line[0] == "*" or line[0] == "+" or line[0] == "-":
            res[words[k]] = None  # accepted
        elif line[0] == "&":
            res[words[k]] = [s.strip() for s in line.split(": ", 1)[1].split(", ")]
        elif line[0] == "#":
            res[words[k]] = []
        k += 1
    return res


def mtcheck_suggestions(mtcheck, words, lang):
    with tempfile.TemporaryDirectory() as tmp:
        art = os.path.join(tmp, "words.txt")
        with open(art, "w", encoding="utf-8") as f:
            for w in words:
                f.write("They said the %s was here.\n\n" % w)
        out = subprocess.run([mtcheck, "--lang", lang, "--format", "json", "--fail-on", "none",
                              "--disable", "grammar", "--disable", "artifacts", "--disable", "typography", art],
                             capture_output=True, text=True)
        if out.returncode not in (0, 1):
            sys.exit("mtcheck failed: " + out.stderr)
        data = json.loads(out.stdout)
    res = {}
    for f in data["files"]:
        for i in f["issues"]:
            word = i["message"].split("'")[1]
            res[word] = i.get("suggestions", [])
    return res


def score(rows, sugg):
    top1 = top3 = none = 0
    for typed, intended in rows:
        s = [x.lower() for x in (sugg.get(typed) or [])]
        if not s:
            none += 1
        if s[:1] == [intended.lower()]:
            top1 += 1
        if intended.lower() in s[:3]:
            top3 += 1
    return top1, top3, none


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mtcheck", required=True)
    ap.add_argument("--lang", default="en_US")
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("sets", nargs="+")
    a = ap.parse_args()
    print("%-28s %5s  %-24s %-24s" % ("set", "words", "hunspell top1/top3/none", "mtcheck top1/top3/none"))
    for path in a.sets:
        rows = read_set(path)
        hs = hunspell_suggestions([t for t, _ in rows], a.lang)
        rows = [r for r in rows if hs.get(r[0]) is not None]
        ms = mtcheck_suggestions(a.mtcheck, [t for t, _ in rows], a.lang)
        h, m = score(rows, hs), score(rows, ms)
        n = len(rows)
        fmt = lambda s: "%3d%% %3d%% %3d%%" % tuple(round(100 * x / n) for x in s)
        print("%-28s %5d  %-24s %-24s" % (os.path.basename(path), n, fmt(h), fmt(m)))
        if a.show_misses:
            for typed, intended in rows:
                got = ms.get(typed) or []
                if [g.lower() for g in got[:1]] != [intended.lower()]:
                    print("   %s -> %s: mtcheck %s, hunspell %s" % (typed, intended, got, (hs[typed] or [])[:3]))


if __name__ == "__main__":
    main()
