#!/usr/bin/env python3
"""diff_issues.py — what changed between two mtcheck JSON reports of the
same inputs: issues present in only one (by file, rule, span, message),
and issues in both whose severity or suggestions differ.

Usage: diff_issues.py BEFORE.json AFTER.json
"""
import json
import sys


def issues(path):
    out = {}
    for f in json.load(open(path, encoding="utf-8"))["files"]:
        for i in f["issues"]:
            key = (f["path"], i["rule"], i.get("line"), i.get("column"), i["message"])
            out[key] = i
    return out


def main():
    a, b = issues(sys.argv[1]), issues(sys.argv[2])
    only_a = sorted(set(a) - set(b), key=str)
    only_b = sorted(set(b) - set(a), key=str)
    changed = [k for k in sorted(set(a) & set(b), key=str)
               if (a[k].get("severity"), a[k].get("suggestions")) != (b[k].get("severity"), b[k].get("suggestions"))]
    for k in only_a:
        print("- %s:%s %s %s" % (k[0], k[2], k[1], k[4]))
    for k in only_b:
        print("+ %s:%s %s %s" % (k[0], k[2], k[1], k[4]))
    sev = 0
    for k in changed:
        x, y = a[k], b[k]
        if x.get("severity") != y.get("severity"):
            sev += 1
        print("~ %s:%s %s %s: %s %s -> %s %s" % (k[0], k[2], k[1], k[4], x.get("severity"),
              x.get("suggestions"), y.get("severity"), y.get("suggestions")))
    print("issues: %d before, %d after; only before %d, only after %d; changed %d (severity %d)"
          % (len(a), len(b), len(only_a), len(only_b), len(changed), sev))
    return 0


if __name__ == "__main__":
    sys.exit(main())
