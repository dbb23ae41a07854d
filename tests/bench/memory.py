#!/usr/bin/env python3
"""memory.py — peak memory of one big article in every --format (make
bench-memory; issue 15: at most 8x the input). A benchmark, never a test.

Builds one article of --mb megabytes (default 64): the unique news articles
of the benchmark's make_archive.py (BENCH_DIR/../make_archive.py: invented
names, typos), concatenated with blank lines between them; without it, the
repository's sample article repeated with its numbers and names varied.
Then runs `mtcheck -j 1 --format F --fail-on none ARTICLE` once per format
(the report to --output, default /dev/null: -o FILE measures the atomic
file output) and prints the peak resident memory (ru_maxrss of the child),
its ratio to the input's size and the wall time.

Usage: memory.py --mtcheck build/mtcheck [--work DIR] [--mb 64]
                 [--formats text,json,...] [--output PATH] [--json FILE]
Standard library only.
"""
import argparse
import glob
import json
import os
import random
import re
import subprocess
import sys
import time

FORMATS = ["text", "json", "jsonl", "sarif", "html", "markdown", "github", "checkstyle", "rdjsonl"]


def from_archive(script, bench_dir, out, mb):
    folder = out + ".d"
    subprocess.run([sys.executable, script, folder, "--mb", str(mb), "--src",
                    os.path.join(bench_dir, "mt")], check=True, stdout=subprocess.DEVNULL)
    with open(out + ".part", "wb") as f:
        for p in sorted(glob.glob(os.path.join(folder, "*.txt"))):
            with open(p, "rb") as a:
                f.write(a.read().rstrip(b"\n") + b"\n\n")
            os.remove(p)
    os.rmdir(folder)
    os.replace(out + ".part", out)


def from_fixtures(root, out, mb):
    """The sample article (tests/fixtures/seed-article.txt) again and again,
    each copy with other numbers and invented names, so the article's words
    do not all repeat."""
    texts = [open(os.path.join(root, "tests", "fixtures", "seed-article.txt"), encoding="utf-8").read()]
    rnd = random.Random(15)
    syll = ["ba", "chen", "dao", "fei", "gu", "hai", "jin", "kun", "li", "min", "qiao", "shan",
            "tao", "wei", "xin", "yu", "zhao"]
    limit, n = int(mb * 1e6), 0
    with open(out + ".part", "w", encoding="utf-8") as f:
        while n < limit:
            t = rnd.choice(texts)
            name = "".join(rnd.choice(syll) for _ in range(3)).capitalize()
            t = re.sub(r"\d+", lambda m: str(rnd.randrange(1, 10 ** len(m.group(0)))), t)
            t = re.sub(r"\b(Zhang|Li|Wang|Chen|Liu|Beijing|Shanghai)\b", name, t)
            t = t.rstrip("\n") + "\n\n"
            f.write(t)
            n += len(t.encode("utf-8"))
    os.replace(out + ".part", out)


def build_article(a):
    os.makedirs(a.work, exist_ok=True)
    out = os.path.join(a.work, f"article-{a.mb:g}mb.txt")
    if os.path.exists(out):
        return out
    script = a.make_archive or os.path.join(a.bench_dir, "..", "make_archive.py")
    if os.path.exists(script) and os.path.isdir(os.path.join(a.bench_dir, "mt")):
        from_archive(script, a.bench_dir, out, a.mb)
    else:
        from_fixtures(a.root, out, a.mb)
    return out


def run_format(a, article, fmt):
    """Wall seconds and peak RSS (bytes) of one run of mtcheck."""
    cmd = [a.mtcheck, "-j", "1", "--format", fmt, "--fail-on", "none", article]
    if a.output != "/dev/null":
        cmd[1:1] = ["-o", a.output]
    t = time.perf_counter()
    with open(os.devnull, "wb") as null:
        p = subprocess.Popen(cmd, stdout=null, stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)  # the child's own rusage
        p.returncode = code = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t
    if code not in (0, 1):
        raise SystemExit("mtcheck --format %s failed with status %d" % (fmt, code))
    return wall, ru.ru_maxrss * 1024  # kilobytes on Linux


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mtcheck", default="build/mtcheck")
    ap.add_argument("--work", default="build/bench-memory")
    ap.add_argument("--mb", type=float, default=64)
    ap.add_argument("--bench-dir", default="../shared/bench/dev")
    ap.add_argument("--make-archive", help="make_archive.py (default: BENCH_DIR/../make_archive.py)")
    ap.add_argument("--formats", default=",".join(FORMATS))
    ap.add_argument("--output", default="/dev/null", help="the report's destination (-o FILE)")
    ap.add_argument("--limit", type=float, default=8.0, help="the target: peak / input")
    ap.add_argument("--json", help="write the figures here")
    a = ap.parse_args()
    a.root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    article = build_article(a)
    size = os.path.getsize(article)
    print("article: %s, %.1f MB (%d bytes)" % (article, size / 1e6, size))
    print("%-11s %12s %8s %9s" % ("format", "peak RSS MB", "x input", "seconds"))
    rows, worst = [], 0.0
    for fmt in a.formats.split(","):
        wall, rss = run_format(a, article, fmt)
        ratio = rss / size
        worst = max(worst, ratio)
        rows.append({"format": fmt, "peak_rss": rss, "ratio": ratio, "seconds": wall})
        print("%-11s %12.1f %8.2f %9.2f" % (fmt, rss / 1e6, ratio, wall), flush=True)
    print("worst: %.2fx the input; target <= %gx: %s" % (worst, a.limit,
                                                       "met" if worst <= a.limit else "NOT met"))
    if a.output != "/dev/null" and os.path.exists(a.output):
        os.remove(a.output)
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"article_bytes": size, "rows": rows, "worst_ratio": worst}, f, indent=1)


if __name__ == "__main__":
    main()
