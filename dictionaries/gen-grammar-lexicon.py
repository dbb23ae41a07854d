#!/usr/bin/env python3
"""gen-grammar-lexicon.py — builds the part-of-speech lexicon of the grammar
analyzer from link-grammar's English dictionary (Debian package
link-grammar-dictionaries-en): 4.0.dict and the word lists under words/.

Usage: gen-grammar-lexicon.py LINK_GRAMMAR_EN_DIR OUTPUT.tsv [WORDNET_DIR [SCOWL_DIR]]

Output: one line per lowercase word, "word<TAB>classes", classes a string of
letters (sorted, unique):
  N noun            A adjective        R adverb
  V verb, base form (infinitive / plural present: may be finite)
  S verb, 3rd person singular present (finite)
  D verb, past tense (finite; often also the past participle)
  P verb, past participle only (not finite)
  G verb, -ing form (not finite)
Noun number, from link-grammar's noun classes (words.n.1 / .2 / .3):
  C countable singular noun  L plural noun  M mass (uncountable) noun
The parts of speech WordNet (Debian package wordnet-base, WORDNET_DIR, e.g.
/usr/share/wordnet) gives a word's lemma or irregular form, in lowercase:
  n noun  v verb  a adjective  r adverb
(what else a word can be: "further" is also an adverb, "kind" a noun), and
  i an irregular verb form (verb.exc: went, became)
  c an irregular comparative or superlative (adj.exc, adv.exc: easier, best)
  k a collective or quantity noun: one of its three most frequent WordNet
    senses is in noun.group or noun.quantity (team, government, family,
    number, majority), or it is WordNet's "group": "the team are" is British
    usage, not a slip of number
  x a past tense that is not the past participle: link-grammar's D without
    P, where verb.exc lists another form of the same verb that is a
    participle (went: gone, wrote: written; not fled or came, whose
    participle verb.exc does not tell apart)
And from SCOWL's word lists by frequency (Debian package scowl, SCOWL_DIR,
e.g. /usr/share/dict/scowl: english-, american- and british-words up to
size 60, the common words of English):
  f a common word (so "permissions" is a word, "informations" is not one)
A word only WordNet or SCOWL knows has only lowercase letters.
The first line says what generated the file. Only single words made of
ASCII letters, hyphens and apostrophes are kept; proper names are skipped.
"""
import os
import re
import sys

WORD_RE = re.compile(r"^[a-z][a-z'-]*$")


def strip_comments(text):
    out = []
    for line in text.split("\n"):
        # '%' starts a comment unless inside a quoted word ("%" is a word).
        i = 0
        in_q = False
        cut = len(line)
        while i < len(line):
            c = line[i]
            if c == '"':
                in_q = not in_q
            elif c == "%" and not in_q:
                cut = i
                break
            i += 1
        out.append(line[:cut])
    return "\n".join(out)


def statements(text):
    """Yields (lhs_tokens, rhs) for every 'lhs: rhs;' statement."""
    text = strip_comments(text)
    buf = []
    in_q = False
    for c in text:
        if c == '"':
            in_q = not in_q
        if c == ";" and not in_q:
            stmt = "".join(buf)
            buf = []
            # The first ':' followed by whitespace separates the two sides.
            m = re.search(r":\s", stmt + " ")
            if not m:
                continue
            yield stmt[: m.start()].split(), stmt[m.end():]
        else:
            buf.append(c)


def verb_classes_from_rhs(rhs, word):
    # an -ing form has a vowel before its -ing (being, dying); bring, sing,
    # spring and string are base forms
    if word.endswith("ing") and re.search(r"[aeiouy]", word[:-3]):
        return "G"
    if any(m in rhs for m in ("<verb-s>", "<verb-s-s>", "<verb-x-s>", "<verb-x-s,u>",
                                "<verb-y-s>", "<verb-and-s-", "<verb-and-s+")):
        return "S"
    if re.search(r"<verb-(and-)?(x-|s-)?pl", rhs) or "<verb-i>" in rhs:
        return "V"
    if "<verb-sp" in rhs or "<verb-x-sp" in rhs:
        return "D"
    if any(m in rhs for m in ("<verb-pp>", "<verb-s-pp>", "<verb-pv", "<verb-s-pv", "PP-")):
        return "P"
    return "V"


def noun_number_from_rhs(rhs, sub):
    """Number letters (C L M) of a noun defined in 4.0.dict, from the noun
    macros of its definition: -s singular, -p plural, -m/-u mass."""
    out = ""
    if sub == "n-u" or re.search(r"<noun-(main2?|and)-(m|u|p,u)>", rhs) or "D*u" in rhs:
        out += "M"
    if re.search(r"<noun-(main2?|and)-s(-no-punc)?>", rhs):
        out += "C"
    if re.search(r"<noun-(main2?|and)-p(,u)?>", rhs):
        out += "L"
    return out


def file_classes(path):
    """Classes of the words of a words/ file, from its name."""
    name = os.path.basename(path)
    if name.startswith("words.n.1-"):
        return "NC"
    if name.startswith("words.n.2."):
        return "NL"
    if name.startswith("words.n.3"):
        return "NM"
    if name.startswith("words.n.") or name.startswith("words-medical.n"):
        return "N"
    if name.startswith("words.adj."):
        return "A"
    if name.startswith("words.adv.") or name.startswith("words-medical.adv"):
        return "R"
    m = re.match(r"words(?:-medical)?\.v\.\d+\.(\w+)$", name)
    if m:
        return {"1": "V", "2": "S", "3": "D", "4": "G", "5": "G"}.get(m.group(1), "")
    return ""


def add(lex, word, cls):
    if not cls:
        return
    # Strip the subscript: the part after the last '.' when it is a tag.
    m = re.match(r"^(.+?)\.([a-z][a-z0-9,#-]*)$", word)
    if m:
        word = m.group(1)
    if not WORD_RE.match(word):
        return
    lex.setdefault(word, set()).update(cls)


def subscript(word):
    m = re.match(r"^.+\.([a-z][a-z0-9,#-]*)$", word)
    return m.group(1) if m else ""


SCOWL_SIZES = ("10", "20", "35", "40", "50", "55", "60")


def add_scowl(lex, base):
    """Marks the common words (SCOWL sizes up to 60) with 'f'."""
    found = 0
    for kind in ("english", "american", "british"):
        for size in SCOWL_SIZES:
            path = os.path.join(base, "%s-words.%s" % (kind, size))
            if not os.path.exists(path):
                continue
            found += 1
            with open(path, encoding="utf-8", errors="replace") as f:
                for w in f.read().split():
                    if WORD_RE.match(w):
                        lex.setdefault(w, set()).add("f")
    if not found:
        sys.stderr.write("gen-grammar-lexicon.py: %s: no SCOWL word lists (install scowl)\n" % base)
        return 1
    return 0


def add_wordnet(lex, base):
    """Adds WordNet's parts of speech (lowercase letters) from index.POS (the
    lemmas) and POS.exc (irregular forms: went, mice, better)."""
    extra = {"verb": "i", "adj": "c", "adv": "c"}
    for pos, letter in (("noun", "n"), ("verb", "v"), ("adj", "a"), ("adv", "r")):
        for path in (os.path.join(base, "index." + pos), os.path.join(base, pos + ".exc")):
            letters = letter + (extra.get(pos, "") if path.endswith(".exc") else "")
            try:
                with open(path, encoding="utf-8", errors="replace") as f:
                    for line in f:
                        if line.startswith(" "):
                            continue  # the licence header
                        w = line.split(" ", 1)[0]
                        if WORD_RE.match(w):
                            lex.setdefault(w, set()).update(letters)
            except OSError as e:
                sys.stderr.write("gen-grammar-lexicon.py: %s: %s (install wordnet-base)\n"
                                 % (path, e.strerror))
                return 1
    return 0


def add_collective(lex, base):
    """Marks 'k' on nouns whose first three senses (index.noun lists them by
    frequency) include one in noun.group (14) or noun.quantity (23)."""
    group_files = (14, 23)
    try:
        data = open(os.path.join(base, "data.noun"), "rb")
        index = open(os.path.join(base, "index.noun"), encoding="utf-8", errors="replace")
    except OSError as e:
        sys.stderr.write("gen-grammar-lexicon.py: data.noun/index.noun: %s (install wordnet-base)\n"
                         % e.strerror)
        return 1
    lexfile = {}

    def file_of(offset):
        if offset not in lexfile:
            data.seek(int(offset))
            fields = data.readline().split()
            lexfile[offset] = (int(fields[1]), fields[4].decode("ascii", "replace"))
        return lexfile[offset]

    with data, index:
        for line in index:
            if line.startswith(" "):
                continue
            parts = line.split()
            w = parts[0]
            if not WORD_RE.match(w):
                continue
            offsets = parts[4 + int(parts[3]) + 2:]
            for off in offsets[:3]:
                num, head = file_of(off)
                if num in group_files or (num == 3 and head == "group"):
                    lex.setdefault(w, set()).add("k")
                    break
    return 0


def add_person_count(lex, base):
    """Marks 'C' on nouns of people that link-grammar leaves without a number
    (father, man, tourist: its person nouns carry no count mark): a noun
    whose most frequent WordNet sense is in noun.person (18), that has no
    number mark yet and whose plural the lexicon has as a plural ('L';
    regular, or irregular from noun.exc: men)."""
    try:
        data = open(os.path.join(base, "data.noun"), "rb")
        index = open(os.path.join(base, "index.noun"), encoding="utf-8", errors="replace")
        exc_f = open(os.path.join(base, "noun.exc"), encoding="utf-8", errors="replace")
    except OSError as e:
        sys.stderr.write("gen-grammar-lexicon.py: data.noun/index.noun/noun.exc: %s "
                         "(install wordnet-base)\n" % e.strerror)
        return 1
    plurals = {}
    with exc_f:
        for line in exc_f:
            parts = line.split()
            if len(parts) >= 2:
                plurals.setdefault(parts[1], []).append(parts[0])
    with data, index:
        for line in index:
            if line.startswith(" "):
                continue
            parts = line.split()
            w = parts[0]
            if not WORD_RE.match(w) or w not in lex or lex[w] & set("CLM"):
                continue
            offsets = parts[4 + int(parts[3]) + 2:]
            if not offsets:
                continue
            data.seek(int(offsets[0]))
            if int(data.readline().split()[1]) != 18:
                continue
            forms = [w + "s", w + "es"] + plurals.get(w, [])
            if w.endswith("y"):
                forms.append(w[:-1] + "ies")
            if w.endswith("man"):  # WordNet's own detachment rule: chairmen
                forms.append(w[:-3] + "men")
            if any("L" in lex.get(f, ()) for f in forms):
                lex[w].add("C")
    return 0


def verb_forms(base):
    """WordNet's verb.exc as lemma -> its irregular forms (None, with a
    message, when the file cannot be read)."""
    forms = {}
    try:
        with open(os.path.join(base, "verb.exc"), encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                parts = line.split()
                if len(parts) >= 2 and WORD_RE.match(parts[0]):
                    for lemma in parts[1:]:
                        forms.setdefault(lemma, set()).add(parts[0])
    except OSError as e:
        sys.stderr.write("gen-grammar-lexicon.py: verb.exc: %s (install wordnet-base)\n" % e.strerror)
        return None
    return forms


def add_base_not_participle(lex, base):
    """Marks 'b' on a base form ('V') whose past participle is another word,
    so that "have" before it is wrong (have modify, must have write): a
    regular verb whose -ed form the lexicon has as a past or participle, or
    an irregular one with a participle in verb.exc that the lexicon marks
    'P' (written). Not a base that is its own participle (come, become,
    run: verb.exc lists only came, became, ran) or is a past itself."""
    forms = verb_forms(base)
    if forms is None:
        return 1
    for w, c in lex.items():
        if "V" not in c or c & set("DP") or not WORD_RE.match(w):
            continue
        regular = {w + "ed", w + "d" if w.endswith("e") else None,
                   w[:-1] + "ied" if w.endswith("y") else None, w + w[-1] + "ed"}
        irregular = set(forms.get(w, ())) - regular  # verb.exc lists modified too
        if w in irregular:
            continue
        # a regular -ed form that is a common word (not a rare "bursted"),
        # and no irregular past that may be the participle (made, came: the
        # lexicon cannot tell "have made" from "have come")
        regular_ok = not irregular and any(
            r and set("DP") & lex.get(r, set()) and "f" in lex.get(r, set()) for r in regular)
        if regular_ok or any("P" in lex.get(f, ()) for f in irregular):
            c.add("b")
    return 0


def add_past_only(lex, base):
    """Marks 'x' on a past tense whose verb has a separate irregular past
    participle in verb.exc (went/gone)."""
    forms = verb_forms(base)
    if forms is None:
        return 1
    for lemma, fs in forms.items():
        for w in fs:
            c = lex.get(w, set())
            if "D" in c and "P" not in c and any(
                    g != w and "P" in lex.get(g, set()) for g in fs):
                c.add("x")
    return 0


def main():
    if len(sys.argv) not in (3, 4, 5):
        sys.stderr.write("usage: gen-grammar-lexicon.py LINK_GRAMMAR_EN_DIR OUTPUT.tsv "
                         "[WORDNET_DIR [SCOWL_DIR]]\n")
        return 2
    base, out = sys.argv[1], sys.argv[2]
    dict_path = os.path.join(base, "4.0.dict")
    try:
        with open(dict_path, encoding="utf-8", errors="replace") as f:
            text = f.read()
    except OSError as e:
        sys.stderr.write("gen-grammar-lexicon.py: %s: %s (install link-grammar-dictionaries-en)\n"
                         % (dict_path, e.strerror))
        return 1
    lex = {}
    for lhs, rhs in statements(text):
        for tok in lhs:
            if tok.startswith("<"):
                continue  # a macro definition
            if tok.startswith("/en/words/"):
                path = os.path.join(base, "words", tok[len("/en/words/"):])
                cls = file_classes(path)
                if not cls or not os.path.exists(path):
                    continue
                with open(path, encoding="utf-8", errors="replace") as wf:
                    for w in wf.read().split():
                        sub = subscript(w)
                        c = cls
                        if sub.startswith("g"):
                            c = "G"
                        elif sub.endswith("-d") and c in "VS":
                            c = "D"
                        add(lex, w, c)
                continue
            sub = subscript(tok)
            if not sub:
                continue
            if sub.startswith("n") and sub not in ("ntd",):
                add(lex, tok, "N" + noun_number_from_rhs(rhs, sub))
            elif sub in ("a", "a-c", "a-s", "adj"):
                add(lex, tok, "A")
            elif sub in ("e", "adv"):
                add(lex, tok, "R")
            elif sub == "g":
                add(lex, tok, "G")
            elif sub in ("v-d", "q-d", "w-d"):
                add(lex, tok, "D")
            elif sub in ("v", "q", "w"):
                add(lex, tok, verb_classes_from_rhs(rhs, tok.rsplit(".", 1)[0]))
    if len(sys.argv) > 3:
        status = (add_wordnet(lex, sys.argv[3]) or add_past_only(lex, sys.argv[3]) or
                  add_collective(lex, sys.argv[3]) or add_person_count(lex, sys.argv[3]))
        if status:
            return status
    if len(sys.argv) > 4:
        status = add_scowl(lex, sys.argv[4])
        if status:
            return status
    if len(sys.argv) > 3:  # after add_scowl: it reads the 'f' marks
        status = add_base_not_participle(lex, sys.argv[3])
        if status:
            return status
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("# generated by dictionaries/gen-grammar-lexicon.py from %s and words/ "
                "(link-grammar-dictionaries-en); do not edit\n" % dict_path)
        for w in sorted(lex):
            f.write("%s\t%s\n" % (w, "".join(sorted(lex[w]))))
    os.replace(tmp, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
