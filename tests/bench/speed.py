#!/usr/bin/env python3
"""speed.py — mtcheck's speed and memory benchmark (make bench-speed).

The headline is an archive of UNIQUE articles (--unique-mb MB, default 20,
written by the benchmark's make_archive.py: invented names and a typo in
one word of 4,000 in every article, so every article brings new names and
new misspellings, as a real archive does): mtcheck on one thread and on all
cores against wc -w (locale pinned: LC_ALL=C.UTF-8) on the same files.
Beside it, the repeated corpus: builds a corpus of news text by repeating the benchmark's articles (files of
about 1 MB, at least --mb MB in all) and a batch of many small article files,
then measures, in the same run, the median of --runs rounds (each round runs
every command once: interleaved, a change in the machine's speed during the
benchmark affects all of them alike) of:
  * build/mtcheck with the default analyzers, one thread (-j 1 when the
    binary has -j) and all cores;
  * wc -w on the same corpus (the floor: reading and splitting words);
  * the hunspell program (hunspell -l -d en_US) on the same corpus;
and the peak RSS (/usr/bin/time -v) of mtcheck on batches of small files of
two sizes, to show that memory does not grow with the number of articles.
--peers also measures harper.js (see harper_bench.mjs) on a 1 MB slice.
--smoke runs everything on tiny input once (make test uses it so the
benchmark never rots). Standard library only.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time


def articles(bench_dir):
    """Texts of every article of the benchmark (mt/ and clean/), sorted."""
    out = []
    for sub in ("mt", "clean"):
        root = os.path.join(bench_dir, sub)
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            for name in sorted(filenames):
                if name.endswith(".txt"):
                    with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                        out.append(f.read().strip() + "\n")
    if not out:
        sys.exit(f"speed.py: no articles under {bench_dir}/mt or {bench_dir}/clean")
    return out


def build_corpus(texts, folder, mb):
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    target = int(mb * 1024 * 1024)
    part_size = min(1024 * 1024, max(target // 4, 16 * 1024))
    total, part, i, cur = 0, 0, 0, []
    cur_size = 0
    paths = []
    while total < target:
        t = texts[i % len(texts)]
        i += 1
        cur.append(t)
        cur_size += len(t.encode("utf-8")) + 1
        total += len(t.encode("utf-8")) + 1
        if cur_size >= part_size or total >= target:
            p = os.path.join(folder, f"part-{part:04d}.txt")
            with open(p, "w", encoding="utf-8") as f:
                f.write("\n".join(cur))
            paths.append(p)
            part += 1
            cur, cur_size = [], 0
    return paths, total


def build_batch(texts, folder, count):
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    per_dir = 1000
    for k in range(count):
        d = os.path.join(folder, f"d{k // per_dir:03d}")
        if k % per_dir == 0:
            os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, f"a{k:06d}.txt"), "w", encoding="utf-8") as f:
            f.write(texts[k % len(texts)])
    return folder


def run_once(cmd):
    """Wall time of one run, and its peak RSS in KiB."""
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    secs = time.perf_counter() - t0
    if p.returncode not in (0, 1):
        sys.exit(f"speed.py: {' '.join(cmd[:3])}... exited {p.returncode}:\n{p.stderr[-2000:]}")
    rss = 0
    for line in p.stderr.splitlines():
        if "Maximum resident set size" in line:
            rss = int(line.split(":")[1])
    return secs, rss


def run_timed(cmd, runs):
    """Median wall time of runs, and the max peak RSS in KiB."""
    times, rss = [], 0
    for _ in range(runs):
        secs, r = run_once(cmd)
        times.append(secs)
        rss = max(rss, r)
    return statistics.median(times), rss


def run_interleaved(cmds, runs):
    """Runs every command once per round, round after round, so that a
    change in the machine's speed during the benchmark (other jobs, CPU
    frequency) affects all of them alike. Returns, per command, the list of
    wall times and the max peak RSS."""
    times = {name: [] for name, _ in cmds}
    rss = {name: 0 for name, _ in cmds}
    for _ in range(runs):
        for name, cmd in cmds:
            secs, r = run_once(cmd)
            times[name].append(secs)
            rss[name] = max(rss[name], r)
    return times, rss


def build_unique(a):
    """The archive of unique articles (make_archive.py), its files, bytes and words."""
    if a.unique_mb <= 0:
        return [], 0, 0
    script = a.make_archive or os.path.join(a.bench_dir, "..", "make_archive.py")
    if not os.path.exists(script):
        return [], 0, 0
    folder = os.path.join(a.work, f"unique-{a.unique_mb:g}mb")
    stamp = os.path.join(folder, ".complete")
    if not os.path.exists(stamp):
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run([sys.executable, script, folder, "--mb", str(a.unique_mb),
                        "--src", os.path.join(a.bench_dir, "mt")], check=True,
                       stdout=subprocess.DEVNULL)
        open(stamp, "w").close()
    files = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".txt"))
    return files, sum(os.path.getsize(f) for f in files), count_words(files)


def count_words(paths):
    n = 0
    for p in paths:
        with open(p, encoding="utf-8") as f:
            n += len(f.read().split())
    return n


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench-dir", default="../shared/bench/dev")
    ap.add_argument("--mtcheck", default="build/mtcheck")
    ap.add_argument("--work", default="build/bench-speed")
    ap.add_argument("--mb", type=float, default=50)
    ap.add_argument("--unique-mb", type=float, default=20,
                    help="size of the archive of unique articles (0: not measured)")
    ap.add_argument("--make-archive", help="make_archive.py (default: BENCH_DIR/../make_archive.py)")
    ap.add_argument("--batch", type=int, default=20000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--peers", action="store_true", help="measure harper.js too")
    ap.add_argument("--peers-dir", default="build/peers")
    ap.add_argument("--smoke", action="store_true", help="tiny input, one run")
    ap.add_argument("--no-hunspell", action="store_true",
                    help="leave out the hunspell program (minutes per round on 20 MB)")
    ap.add_argument("--json", help="also write the figures to this file")
    a = ap.parse_args()
    if a.smoke:
        a.mb, a.batch, a.runs = 0.2, 40, 1
        a.unique_mb = min(a.unique_mb, 0.2)
    if not os.path.isdir(a.bench_dir):
        sys.exit(f"speed.py: no benchmark data at {a.bench_dir}; set BENCH_DIR")
    for tool in ("/usr/bin/time", "wc", "hunspell"):
        if not shutil.which(tool):
            sys.exit(f"speed.py: {tool} is missing (make deps installs it)")
    texts = articles(a.bench_dir)
    corpus, nbytes = build_corpus(texts, os.path.join(a.work, "corpus"), a.mb)
    words = count_words(corpus)
    unique, unique_bytes, unique_words = build_unique(a)
    cores = os.cpu_count() or 1
    help_text = subprocess.run([a.mtcheck, "--help"], capture_output=True, text=True).stdout
    has_jobs = "--jobs" in help_text or "\n  -j" in help_text
    # the default invocation: text report (issues and a score line per article)
    base = [a.mtcheck, "--fail-on", "none"]
    rows = []

    wc_cmd = ["env", "LC_ALL=C.UTF-8", "wc", "-w"]
    cmds = []
    if unique:
        cmds.append(("unique: mtcheck, 1 thread", base + (["-j", "1"] if has_jobs else []) + unique))
        if has_jobs:
            cmds.append((f"unique: mtcheck, {cores} threads", base + ["-j", str(cores)] + unique))
        cmds.append(("unique: wc -w", wc_cmd + unique))
    cmds.append(("mtcheck, 1 thread", base + (["-j", "1"] if has_jobs else []) + corpus))
    if has_jobs:
        cmds.append((f"mtcheck, {cores} threads", base + ["-j", str(cores)] + corpus))
    cmds.append(("wc -w", wc_cmd + corpus))
    if not a.no_hunspell:
        cmds.append(("hunspell -l -d en_US", ["hunspell", "-l", "-d", "en_US"] + corpus))
    load_before = os.getloadavg()
    times, rss = run_interleaved(cmds, a.runs)
    load_after = os.getloadavg()
    unique_rows = []
    for name, _ in cmds:
        secs = statistics.median(times[name])
        w, b = (unique_words, unique_bytes) if name.startswith("unique:") else (words, nbytes)
        row = {"name": name, "seconds": secs, "words_per_s": w / secs,
               "mb_per_s": b / secs / 1e6, "rss_kib": rss[name], "runs": times[name]}
        (unique_rows if name.startswith("unique:") else rows).append(row)
    one = rows[0]
    wc, hun = (rows[-1], None) if a.no_hunspell else (rows[-2], rows[-1])
    allc = rows[1] if has_jobs else None
    # the same ratio round by round (each round ran both within seconds)
    wc_ratio = statistics.median(w / m for w, m in zip(times["wc -w"], times["mtcheck, 1 thread"]))
    u_ratio = u_par = None
    if unique:
        u_ratio = statistics.median(w / m for w, m in zip(times["unique: wc -w"], times["unique: mtcheck, 1 thread"]))
        if has_jobs:
            u_par = statistics.median(o / p for o, p in zip(times["unique: mtcheck, 1 thread"],
                                                           times[f"unique: mtcheck, {cores} threads"]))

    batch_rows = []
    for count in sorted({max(a.batch // 10, 1), a.batch}):
        folder = build_batch(texts, os.path.join(a.work, f"batch-{count}"), count)
        secs, rss = run_timed(base + (["-j", "1"] if has_jobs else []) + [folder], 1 if count > 1000 else a.runs)
        batch_rows.append({"files": count, "seconds": secs, "rss_kib": rss})

    harper = None
    if a.peers:
        harper = measure_harper(a, corpus, one)

    print(f"load average before / after the rounds: {load_before[0]:.2f} / {load_after[0]:.2f} ({cores} cores)")
    if unique:
        print(f"UNIQUE archive (headline): {len(unique)} files, {unique_bytes / 1e6:.1f} MB, {unique_words:,} words")
        print(f"{'command':28} {'seconds':>9} {'words/s':>13} {'MB/s':>8} {'peak RSS':>10}")
        for r in unique_rows:
            print(f"{r['name']:28} {r['seconds']:9.3f} {r['words_per_s']:13,.0f} {r['mb_per_s']:8.2f} {r['rss_kib'] / 1024:8.1f} MB")
        print(f"unique: mtcheck (1 thread) / wc -w: {u_ratio * 100:6.1f}% of wc's throughput (median of the rounds' ratios)")
        if u_par:
            print(f"unique: mtcheck ({cores} threads) / 1 thread: {u_par:6.2f}x (median of the rounds' ratios)")
    else:
        print("unique archive not measured (no make_archive.py, or --unique-mb 0)")
    print(f"REPEATED corpus: {len(corpus)} files, {nbytes / 1e6:.1f} MB, {words:,} words; median of {a.runs} run(s); {cores} cores")
    print(f"{'command':28} {'seconds':>9} {'words/s':>13} {'MB/s':>8} {'peak RSS':>10}")
    for r in rows:
        print(f"{r['name']:28} {r['seconds']:9.3f} {r['words_per_s']:13,.0f} {r['mb_per_s']:8.2f} {r['rss_kib'] / 1024:8.1f} MB")
    print(f"mtcheck (1 thread) / wc -w:      {one['words_per_s'] / wc['words_per_s'] * 100:6.1f}% of wc's throughput "
          f"(median of the rounds' ratios: {wc_ratio * 100:.1f}%)")
    if hun:
        print(f"hunspell / wc -w:                {hun['words_per_s'] / wc['words_per_s'] * 100:6.2f}% of wc's throughput")
        print(f"mtcheck (1 thread) / hunspell:   {one['words_per_s'] / hun['words_per_s']:6.1f}x")
    if allc:
        print(f"mtcheck ({cores} threads) / 1 thread: {allc['words_per_s'] / one['words_per_s']:6.2f}x")
    else:
        print("mtcheck has no -j option yet: multi-threaded figure not measured")
    print("batch of small articles (mtcheck, 1 thread):")
    for b in batch_rows:
        print(f"  {b['files']:6} files  {b['seconds']:8.2f} s  peak RSS {b['rss_kib'] / 1024:7.1f} MB")
    if harper:
        same = harper["mtcheck_words_per_s_same_slice"]
        print(f"harper.js on {harper['mb']:.2f} MB: {harper['words_per_s']:,.0f} words/s; "
              f"mtcheck (1 thread) on the same slice: {same:,.0f} words/s, "
              f"{same / harper['words_per_s']:,.0f}x faster "
              f"({one['words_per_s'] / harper['words_per_s']:,.0f}x at its throughput on the whole corpus)")
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"unique_rows": unique_rows, "unique_wc_ratio_median_of_rounds": u_ratio,
                       "unique_threads_speedup": u_par, "load": [load_before, load_after],
                       "rows": rows, "batch": batch_rows, "harper": harper, "bytes": nbytes,
                       "words": words, "wc_ratio_median_of_rounds": wc_ratio}, f, indent=1)


def measure_harper(a, corpus, one):
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "harper_bench.mjs")
    peers = os.path.abspath(a.peers_dir)
    if not os.path.isdir(os.path.join(peers, "node_modules", "harper.js")):
        sys.exit(f"speed.py: harper.js is not installed in {peers} (make bench-peers installs it)")
    # a 1 MB slice of the same corpus (smaller in smoke mode)
    limit = 1024 * 1024 if not a.smoke else 32 * 1024
    slice_path = os.path.join(os.path.abspath(a.work), "harper-slice.txt")
    data = []
    size = 0
    for p in corpus:
        with open(p, encoding="utf-8") as f:
            for para in f.read().split("\n\n"):
                b = len(para.encode("utf-8")) + 2
                if size + b > limit:
                    break
                data.append(para)
                size += b
        if size >= limit * 0.98:
            break
    with open(slice_path, "w", encoding="utf-8") as f:
        f.write("\n\n".join(data))
    shutil.copy(script, os.path.join(peers, "harper_bench.mjs"))
    p = subprocess.run(["node", "harper_bench.mjs", slice_path, str(a.runs)], cwd=peers,
                       capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"speed.py: harper.js failed:\n{p.stderr[-2000:]}")
    r = json.loads(p.stdout.strip().splitlines()[-1])
    secs = statistics.median(r["seconds"])
    # mtcheck on the very same slice, for a like-for-like ratio
    m_secs, _ = run_timed([a.mtcheck, "--fail-on", "none", slice_path], a.runs)
    return {"mb": size / 1e6, "words": r["words"], "seconds": secs, "lints": r["lints"],
            "words_per_s": r["words"] / secs, "mtcheck_words_per_s_same_slice": r["words"] / m_secs}


if __name__ == "__main__":
    main()
