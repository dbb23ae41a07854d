#!/usr/bin/env python3
"""Writes the Mandarin readings of the Han characters that have more than
one (长 chang/zhang, 乐 le/yue, 单 dan/shan), for source.name-mismatch: ICU's
Han-Latin transliterator gives one reading a character, and a name may use
another. Read from the Unicode Character Database's Unihan_Readings.txt
(Debian package unicode-data): the fields kMandarin, kHanyuPinyin,
kTGHZ2013 and kXHC1983, tones dropped, u-umlaut written u.

usage: gen-han-readings.py UNIHAN_READINGS(.txt|.txt.bz2) OUT.tsv
Output: one line per character, sorted by code point:
    HEX<TAB>reading reading ...
"""
import bz2
import collections
import sys
import unicodedata

FIELDS = {"kMandarin", "kHanyuPinyin", "kTGHZ2013", "kXHC1983"}


def toneless(s):
    out = []
    for ch in unicodedata.normalize("NFD", s.lower()):
        if unicodedata.combining(ch):
            continue
        out.append(ch)
    return "".join(out)


def readings(field, value):
    res = []
    for item in value.split():
        if field in ("kHanyuPinyin", "kTGHZ2013", "kXHC1983") and ":" in item:
            item = item.split(":", 1)[1]
        for r in item.split(","):
            r = toneless(r)
            if r.isascii() and r.isalpha():
                res.append(r)
    return res


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, out = sys.argv[1], sys.argv[2]
    opener = bz2.open if src.endswith(".bz2") else open
    table = collections.defaultdict(list)
    with opener(src, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.startswith("U+"):
                continue
            cp, field, value = line.rstrip("\n").split("\t", 2)
            if field not in FIELDS:
                continue
            for r in readings(field, value):
                if r not in table[cp]:
                    table[cp].append(r)
    with open(out, "w", encoding="utf-8") as f:
        for cp in sorted(table, key=lambda c: int(c[2:], 16)):
            if len(table[cp]) > 1:
                f.write("%s\t%s\n" % (cp[2:], " ".join(sorted(table[cp]))))


if __name__ == "__main__":
    main()
