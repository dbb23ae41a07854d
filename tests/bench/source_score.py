#!/usr/bin/env python3
"""The source.* figures of a flags file, as the acceptance of issue 17 reads
them: only the flags of source.* rules, scored by the benchmark's own scorer
(score.py, imported, not copied). Word-level flags are those score.py calls
word-level (at most WORD_FLAG_BYTES = 40 bytes wide); their precision is the
share overlapping an expert span and their lift is that precision over the
chance of the same flag moved to a random word of its segment. Wide flags
(a paragraph or a sentence) are counted apart: they are not word-level flags
and earn no lift. Also prints the system Pearson of the source.* flags
alone, the share of the experts' error-free segments
carrying a source.* flag, and the per-rule table split by width.

usage: source_score.py SCORE_PY BENCH_DIR FLAGS.json [--json]"""
import collections
import importlib.util
import json
import os
import sys
import tempfile


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("bench_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main(argv):
    args = [a for a in argv if a != "--json"]
    if len(args) != 3:
        sys.exit(__doc__)
    sc = load_scorer(args[0])
    bench, flags_path = args[1], args[2]
    flags = [f for f in sc.load_flags(flags_path) if (f.get("rule") or "").startswith("source.")]
    width = sc.WORD_FLAG_BYTES
    word = [f for f in flags if max(int(f["end"]), int(f["start"]) + 1) - int(f["start"]) <= width]
    out = collections.OrderedDict()
    with tempfile.TemporaryDirectory() as tmp:
        def run(sel):
            p = os.path.join(tmp, "f.jsonl")
            with open(p, "w", encoding="utf-8") as fh:
                for f in sel:
                    fh.write(json.dumps(f) + "\n")
            return sc.score(bench, p)["mt"]
        m_all = run(flags)
        m_word = run(word)
    out["flags"] = m_all["flags"]
    out["word_flags"] = m_word["word_flags"]
    out["wide_flags"] = m_all["flags"] - m_word["flags"]
    out["word_precision"] = m_word["word_precision"]
    out["word_precision_chance"] = m_word["word_precision_chance"]
    out["word_lift"] = m_word["word_lift"]
    out["no_error_segments_flagged"] = m_all["no_error_segments_flagged"]
    out["no_error_segments"] = m_all["no_error_segments"]
    out["system_pearson"] = m_all["system_pearson"]
    out["systems"] = len(m_all["systems"])
    rules = collections.OrderedDict()
    wr = m_word["by_rule"]
    for r, v in m_all["by_rule"].items():
        w = wr.get(r, {"flags": 0, "precision": None, "lift": None, "clean_flags": 0})
        rules[r] = {"flags": v["flags"], "word_flags": w["flags"], "word_precision": w["precision"],
                    "word_lift": w["lift"], "clean_flags": v["clean_flags"]}
    out["by_rule"] = rules
    if "--json" in argv:
        print(json.dumps(out, indent=1))
        return

    def pc(v):
        return "-" if v is None else "%.1f%%" % (100 * v)

    print("source.* word-level flags (<= %d bytes): %d, precision %s (chance %s), lift %s;"
          " wide flags %d (not word-level, no lift)" % (
              width, out["word_flags"], pc(out["word_precision"]), pc(out["word_precision_chance"]),
              "-" if out["word_lift"] is None else "%.3f" % out["word_lift"], out["wide_flags"]))
    print("source.* error-free segments flagged: %s (of %d)" % (
        "-" if out["no_error_segments_flagged"] is None else "%.1f%%" % out["no_error_segments_flagged"],
        out["no_error_segments"]))
    print("source.* alone, system Pearson (%d systems): %s" % (
        out["systems"], "-" if out["system_pearson"] is None else "%.3f" % out["system_pearson"]))
    print("  %-28s %6s %6s %9s %7s %6s" % ("rule", "flags", "word", "word prec", "lift", "clean"))
    for r, v in rules.items():
        print("  %-28s %6d %6d %9s %7s %6d" % (r, v["flags"], v["word_flags"], pc(v["word_precision"]),
                                              "-" if v["word_lift"] is None else "%.3f" % v["word_lift"],
                                              v["clean_flags"]))


if __name__ == "__main__":
    main(sys.argv[1:])
