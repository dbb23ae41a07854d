#!/usr/bin/env python3
"""gen-suggest-words.py — the word list the suggestion engine
(checker/analyzers/suggest.c) ranks candidates from: the SCOWL lists of
Debian's scowl package (/usr/share/dict/scowl), whose size levels 10..95 are
a commonness ranking (10 = the most common words). Lowercase words,
contractions (levels <= 70) and capitalised words (names, proper adjectives,
levels <= 50) of American and British English; possessives ('s) are left
out (the spelling analyzer strips them before checking). Output: one
"LEVEL<TAB>WORD<TAB>LOWERCASE" line per distinct word, its lowest level,
sorted by level then bytes; checker/gen/suggest_index.c turns it into the index.
hunspell still filters the candidates for the chosen language at run time.

Usage: gen-suggest-words.py SCOWL_DIR OUTPUT [EXTRA_LIST...]
"""
import os
import sys

LEVELS = (10, 20, 35, 40, 50, 55, 60, 70)
LOWER = ("english-words", "american-words", "british-words", "english-contractions",
         "american-contractions", "british-contractions")
UPPER = ("english-upper", "american-upper", "british-upper")
UPPER_MAX = 50
MAX_CHARS = 32


def usable(w):
    if not (2 <= len(w) <= MAX_CHARS) or w.endswith("'s"):
        return False
    return all(c.isalpha() or c == "'" for c in w) and w[0].isalpha()


def main():
    src, out, extra = sys.argv[1], sys.argv[2], sys.argv[3:]
    best = {}
    for level in LEVELS:
        for stem in LOWER + (UPPER if level <= UPPER_MAX else ()):
            path = os.path.join(src, "%s.%d" % (stem, level))
            if not os.path.exists(path):
                continue
            with open(path, "rb") as f:
                for raw in f:
                    try:
                        w = raw.decode("utf-8").strip()
                    except UnicodeDecodeError:
                        w = raw.decode("latin-1").strip()
                    if usable(w) and w not in best:
                        best[w] = level
    lower = {w.lower() for w in best}
    for path in extra:
        with open(path, encoding="utf-8") as f:
            for line in f:
                w = line.split("#", 1)[0].strip()
                if w and usable(w) and w.lower() not in lower:
                    best[w] = 70
                    lower.add(w.lower())
    if len(best) < 10000:
        sys.exit("gen-suggest-words.py: only %d words under %s: is the scowl package installed?"
                 % (len(best), src))
    rows = sorted(best.items(), key=lambda kv: (kv[1], kv[0].encode("utf-8")))
    tmp = out + ".tmp"
    with open(tmp, "wb") as f:
        for w, level in rows:
            f.write(b"%d\t%s\t%s\n" % (level, w.encode("utf-8"), w.lower().encode("utf-8")))
    os.replace(tmp, out)


if __name__ == "__main__":
    main()
