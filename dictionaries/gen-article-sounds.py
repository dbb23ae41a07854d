#!/usr/bin/env python3
"""gen-article-sounds.py — builds the first-sound table of
grammar.article-agreement ("a" before a consonant sound, "an" before a vowel
sound) from a pronunciation source: espeak-ng's English phoneme rules and
dictionary (Debian package espeak-ng), asked for every word whose spelling
leaves its first sound in doubt.

Usage: gen-article-sounds.py OUTPUT.tsv GRAMMAR_LEXICON.tsv WORDLIST...

Words: the generated grammar lexicon's words and the word lists (one word a
line, e.g. /usr/share/dict/american-english-huge) that start with a spelling
whose first sound varies: u, eu, ew, h, y, on, ou ("a university", "an
hour", "a one-off", "an Euler brick" — Euler is said "Oiler"). Words in
capitals (acronyms) are left to the code, which reads them letter by letter.
Each word is pronounced with the en-us and the en-gb voice; where the two
disagree (herb) the word's sound is "either", and so is an h opening an
unstressed syllable (historic, hotel: "an historic" is accepted English).

Output: "prefix<TAB>vowel|consonant|either", the format the analyzer reads
with the longest matching prefix winning and the first letter deciding where
no prefix matches (a e i o u = vowel). The table is the smallest one under
that reading that gives every pronounced word its sound: words are visited
shortest first and a word is written only where the table so far would
read it wrongly. The first line says what generated the file.
"""
import os
import re
import subprocess
import sys

WORD_RE = re.compile(r"^[A-Za-z][a-z'-]*$")
DOUBT_RE = re.compile(r"^(u|eu|ew|h|y|on|ou)", re.I)
# espeak-ng's phoneme mnemonics (-x) that are vowels; stress and
# syllable marks are skipped before the first phoneme
VOWELS = set("aAeEiIoOuUV@30")
MARKS = set("',%=_:!-")


def start_espeak(words, voice, path):
    """Starts espeak-ng on the words (one a line) writing phonemes to path."""
    with open(path + ".in", "w", encoding="utf-8") as f:
        f.write("".join(w + ".\n" for w in words))
    try:
        return subprocess.Popen(["espeak-ng", "-q", "-x", "-v", voice, "-f", path + ".in"],
                                stdout=open(path, "w", encoding="utf-8"))
    except OSError as e:
        sys.stderr.write("gen-article-sounds.py: espeak-ng: %s (install espeak-ng)\n" % e)
        sys.exit(1)


def first_sounds(words, voice, proc, path):
    """The first sound ('vowel' / 'consonant') of each word, in order."""
    if proc.wait() != 0:
        sys.stderr.write("gen-article-sounds.py: espeak-ng -v %s failed\n" % voice)
        sys.exit(1)
    with open(path, encoding="utf-8") as f:
        out = f.read()
    os.remove(path)
    os.remove(path + ".in")
    lines = out.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) != len(words):
        sys.stderr.write("gen-article-sounds.py: espeak-ng -v %s gave %d lines for %d words\n"
                         % (voice, len(lines), len(words)))
        sys.exit(1)
    sounds = []
    for ph in lines:
        ph = ph.strip()
        i = 0
        while i < len(ph) and ph[i] in MARKS:
            i += 1
        if i < len(ph) and ph[i] in VOWELS:
            sounds.append("vowel")
        elif i == 0 and ph[:1] == "h" and not first_syllable_stressed(ph):
            # an h before an unstressed syllable: "an historic", "an hotel"
            # are accepted beside "a historic"
            sounds.append("either")
        else:
            sounds.append("consonant")
    return sounds


def first_syllable_stressed(ph):
    """1 when a stress mark comes before the first vowel (h'aUs, hj'u:m@n),
    not when the stress falls later (hIst'O:rIk)."""
    for c in ph:
        if c in VOWELS:
            return False
        if c in "',":
            return True
    return True


def letter_default(word):
    return "vowel" if word[0] in "aeiou" else "consonant"


def compress(sound):
    """The prefix table: a prefix whose words all share a sound (or most of
    them, where the prefix is not itself a word) stands for them, so a word
    the pronunciation source does not know (a derived or new word) is read
    like its neighbours ("unicameralist" like "unicameral"); a word that
    differs from the prefix above it gets its own entry."""
    children = {}
    for w in sound:
        for n in range(1, len(w) + 1):
            children.setdefault(w[:n - 1], set()).add(w[:n])
    counts = {}
    for w, s in sound.items():
        for n in range(0, len(w) + 1):
            c = counts.setdefault(w[:n], {})
            c[s] = c.get(s, 0) + 1
    table = {}

    def visit(p, inherited):
        c = counts[p]
        if not DOUBT_RE.match(p):
            value = inherited  # "e", "o": the first letter decides
        elif p in sound:
            value = sound[p]  # a word: its prefix entry must give its sound
        else:
            best = max(sorted(c), key=lambda k: c[k])
            value = best if c[best] * 3 >= sum(c.values()) * 2 else inherited
        if p and value != inherited:
            table[p] = value
        if len(c) == 1:
            return  # every word below agrees
        for ch in sorted(children.get(p, ())):
            visit(ch, value)

    for ch in sorted(children.get("", ())):
        visit(ch, letter_default(ch))
    for w, s in sound.items():  # the table reads every pronounced word right
        got = next((table[w[:n]] for n in range(len(w), 0, -1) if w[:n] in table),
                   letter_default(w))
        assert got == s, (w, got, s)
    return table


def main():
    if len(sys.argv) < 4:
        sys.stderr.write("usage: gen-article-sounds.py OUTPUT.tsv GRAMMAR_LEXICON.tsv WORDLIST...\n")
        return 2
    out, lexicon, lists = sys.argv[1], sys.argv[2], sys.argv[3:]
    words = {}
    for path in [lexicon] + lists:
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                for line in f:
                    if line.startswith("#"):
                        continue
                    w = line.split("\t", 1)[0].strip()
                    if (len(w) < 2 or w.endswith("'s") or not WORD_RE.match(w) or
                            not DOUBT_RE.match(w)):
                        continue  # a letter is read by its name (the code knows)
                    words.setdefault(w.lower(), w)
        except OSError as e:
            sys.stderr.write("gen-article-sounds.py: %s: %s\n" % (path, e.strerror))
            return 1
    keys = sorted(words)
    spoken = [words[k] for k in keys]
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    pus = start_espeak(spoken, "en-us", out + ".us")
    pgb = start_espeak(spoken, "en-gb", out + ".gb")
    us = first_sounds(spoken, "en-us", pus, out + ".us")
    gb = first_sounds(spoken, "en-gb", pgb, out + ".gb")
    sound = {k: (a if a == b else "either") for k, a, b in zip(keys, us, gb)}
    table = compress(sound)
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("# generated by dictionaries/gen-article-sounds.py with espeak-ng (en-us, en-gb) "
                "from %s; do not edit\n" % " ".join([lexicon] + lists))
        for k in sorted(table):
            f.write("%s\t%s\n" % (k, table[k]))
    os.replace(tmp, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
