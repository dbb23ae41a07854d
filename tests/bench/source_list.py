#!/usr/bin/env python3
"""Writes the --source-list of a benchmark folder: one ARTICLE<TAB>SOURCE
line per MT article, from gold.jsonl's file / src_file fields (paths
relative to the folder, where the list is written)."""
import json
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: source_list.py BENCH_DIR OUT")
    bench, out = sys.argv[1], sys.argv[2]
    pairs = {}
    with open(f"{bench}/gold.jsonl", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row.get("src_file"):
                pairs.setdefault(row["file"], row["src_file"])
    import os
    base = os.path.relpath(os.path.abspath(bench), os.path.dirname(os.path.abspath(out)))
    with open(out, "w", encoding="utf-8") as f:
        for art in sorted(pairs):
            f.write(f"{base}/{art}\t{base}/{pairs[art]}\n")


if __name__ == "__main__":
    main()
