#!/usr/bin/env python3
"""make_misspellings.py — builds test set (a) of issue 14: human news with one
misspelling put into it, at a sentence start, inside a title-case headline,
or mid-sentence, and the answer key.

Input: the clean human news of the benchmark (../shared/bench/dev/clean: one
article a file, paragraphs separated by a blank line, the first paragraph
usually a headline). For every case the whole article is written again with
exactly one word misspelled, so the checker sees the article around it (a
name is told from a misspelling by the article).

The misspelling generator (our own, seeded, deterministic):
  * the word: a real common word — its lowercase form is in
    dictionaries/common-words.txt (link-grammar's lexicon), 3 letters or more
    at a sentence start, 4 or more elsewhere, at most 2 cases of one word per
    kind; at a sentence start or in a headline a capitalised word whose
    capitalised form is nowhere in the article's body mid-sentence (so it is
    capitalised only because it starts the sentence or the headline is in
    title case: not Reeves in "says Rachel Reeves") and, at a sentence start,
    that no other capitalised word follows (not the first word of a name);
  * the slip, one of: a letter dropped (not the first), a letter doubled
    (not the first), two neighbouring letters swapped (the first two too), a
    vowel written for another vowel (not the first letter);
  * kept only when the result is no word: hunspell en_US rejects it and it
    is in neither dictionaries/common-words.txt nor news-words.txt (a slip
    that makes another real word, "form" for "from", is out of scope).

Output (--out, default tests/heldout/misspell/set): start-NNN.txt,
headline-NNN.txt, mid-NNN.txt and key.tsv (file, kind, byte_start,
byte_end, misspelt, original, slip, source article, paragraph number).

Usage: python3 tests/heldout/misspell/make_misspellings.py [--clean DIR] [--out DIR] [--seed N]
Python 3 standard library and the hunspell program (a Debian package the
project installs) only.
"""
import argparse
import os
import random
import re
import subprocess
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..'))
VOWELS = 'aeiou'
N_START, N_MID, N_HEADLINE = 50, 50, 20
MAX_PER_WORD = 2  # cases of one original word per kind

# abbreviations after which a '.' ends no sentence (enough for edited news)
ABBREV = {'Mr', 'Mrs', 'Ms', 'Dr', 'St', 'Jr', 'Sr', 'No', 'vs', 'Gen', 'Gov', 'Sen', 'Rep',
          'Prof', 'Inc', 'Ltd', 'Co', 'Corp', 'Jan', 'Feb', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'}


def read_words(path, lower=True):
    out = set()
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                out.add(line.lower() if lower else line)
    return out


def hunspell_rejects(words):
    """The words of `words` that hunspell en_US does not know."""
    words = sorted(set(words))
    res = subprocess.run(['hunspell', '-d', 'en_US', '-l', '-i', 'UTF-8'], input='\n'.join(words) + '\n',
                         capture_output=True, text=True, check=True)
    return set(res.stdout.split())


def paragraphs(text):
    """(start, end) byte ranges of the paragraphs of an article."""
    out, pos = [], 0
    b = text.encode('utf-8')
    for m in re.finditer(rb'\n\s*\n', b):
        out.append((pos, m.start()))
        pos = m.end()
    end = len(b.rstrip(b'\n'))
    if pos < end:
        out.append((pos, end))
    return out


WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")


def words_of(par):
    """Words of a paragraph (str) as (start, end, word, initial): initial is
    True at a sentence start, None after a colon, quote or bracket (taken as
    neither), else False."""
    out = []
    prev_end = 0
    for m in WORD.finditer(par):
        gap = par[prev_end:m.start()]
        initial = not out
        if out:
            prev_word = out[-1][2]
            # a sentence ends at . ! ? (not after an abbreviation or an initial)
            if re.search(r'[.!?]["”’)\]]*\s+["“‘(\[]?$', gap) and not (
                    prev_word in ABBREV or (len(prev_word) == 1 and prev_word.isupper())):
                initial = True
            elif re.search(r'[:;"“‘(\[—–-]\s*$', gap):
                initial = None
        out.append((m.start(), m.end(), m.group(0), initial))
        prev_end = m.end()
    return out


def slips(rng, word):
    """Candidate misspellings of word (lowercase), in a seeded random order."""
    n = len(word)
    cands = []
    for i in range(1, n):
        if n >= 4:
            cands.append((word[:i] + word[i + 1:], 'dropped'))
        cands.append((word[:i] + word[i] + word[i:], 'doubled'))
    for i in range(n - 1):
        if word[i] != word[i + 1]:
            cands.append((word[:i] + word[i + 1] + word[i] + word[i + 2:], 'swapped'))
    for i in range(1, n):
        if word[i] in VOWELS:
            for v in VOWELS:
                if v != word[i]:
                    cands.append((word[:i] + v + word[i + 1:], 'vowel'))
    # one slip kind at random first, then the rest: the kinds stay balanced
    kinds = ['dropped', 'doubled', 'swapped', 'vowel']
    rng.shuffle(kinds)
    rng.shuffle(cands)
    cands.sort(key=lambda c: kinds.index(c[1]))
    return cands


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--clean', default=os.path.join(ROOT, '..', 'shared', 'bench', 'dev', 'clean'))
    ap.add_argument('--out', default=os.path.join(ROOT, 'tests', 'heldout', 'misspell', 'set'))
    ap.add_argument('--seed', type=int, default=14)
    args = ap.parse_args()
    if not os.path.isdir(args.clean):
        sys.exit(f'make_misspellings: no clean news folder at {args.clean} (--clean DIR)')
    common = read_words(os.path.join(ROOT, 'dictionaries', 'common-words.txt'))
    news = read_words(os.path.join(ROOT, 'dictionaries', 'news-words.txt'))
    rng = random.Random(args.seed)

    articles = []
    for name in sorted(os.listdir(args.clean)):
        if name.endswith('.txt'):
            with open(os.path.join(args.clean, name), encoding='utf-8') as f:
                articles.append((name, f.read()))

    # candidate sites: (kind, article index, paragraph index, char start, char end, word)
    sites = {'start': [], 'headline': [], 'mid': []}
    for ai, (name, text) in enumerate(articles):
        pars = text.split('\n\n')
        capitalised_mid = set()  # capitalised mid-sentence in the body: names
        for par in pars[1:]:
            for w in words_of(par):
                if not w[3] and w[2][0].isupper():
                    capitalised_mid.add(w[2])
        for pi, par in enumerate(pars):
            ws = words_of(par)
            headline = pi == 0 and '\n' not in par.strip() and not re.search(r'[.!?]["”’)]*$', par.strip())
            for k, (s, e, w, initial) in enumerate(ws):
                nxt = ws[k + 1] if k + 1 < len(ws) else None
                if not re.fullmatch(r'[A-Za-z]+', w) or w.lower() not in common:
                    continue
                if initial is None:
                    continue
                if initial and w[0].isupper() and w[1:].islower() and len(w) >= 3:
                    if w in capitalised_mid or (nxt and nxt[2][0].isupper() and nxt[0] - e == 1):
                        continue
                    sites['start'].append((ai, pi, s, e, w))
                elif (headline and not initial and w[0].isupper() and w[1:].islower() and len(w) >= 4
                      and w not in capitalised_mid):
                    sites['headline'].append((ai, pi, s, e, w))
                elif not initial and w.islower() and len(w) >= 4 and not headline:
                    sites['mid'].append((ai, pi, s, e, w))

    # misspell every candidate word once, ask hunspell which results are no words
    proposals = {}
    for kind in sites:
        for site in sites[kind]:
            w = site[4]
            proposals[(kind,) + site] = slips(rng, w.lower())
    # as written: a capitalised slip must be unknown capitalised (Btu is a word)
    unknown = hunspell_rejects({m for c in proposals.values() for m, _ in c} |
                               {m[0].upper() + m[1:] for c in proposals.values() for m, _ in c})

    def pick(kind, want):
        chosen, used_pars = [], set()
        pool = sites[kind][:]
        rng.shuffle(pool)
        # one case per paragraph first, then more from paragraphs already used
        per_word = {}
        for second_round in (False, True):
            for site in pool:
                if len(chosen) >= want:
                    break
                key = (site[0], site[1])
                if (key in used_pars) != second_round or site in [c[0] for c in chosen]:
                    continue
                if per_word.get(site[4].lower(), 0) >= MAX_PER_WORD:
                    continue  # not a set of 15 misspelled "The"s
                for m, slip in proposals[(kind,) + site]:
                    w = site[4]
                    mis = m[0].upper() + m[1:] if w[0].isupper() else m
                    if m in unknown and mis in unknown and m not in common and m not in news:
                        chosen.append((site, mis, slip))
                        used_pars.add(key)
                        per_word[site[4].lower()] = per_word.get(site[4].lower(), 0) + 1
                        break
        return chosen

    os.makedirs(args.out, exist_ok=True)
    for f in os.listdir(args.out):
        if re.fullmatch(r'(start|headline|mid)-\d+\.txt|key\.tsv', f):
            os.remove(os.path.join(args.out, f))
    rows = []
    for kind, want in (('start', N_START), ('headline', N_HEADLINE), ('mid', N_MID)):
        for n, (site, mis, slip) in enumerate(pick(kind, want), 1):
            ai, pi, s, e, w = site
            name, text = articles[ai]
            pars = text.split('\n\n')
            pars[pi] = pars[pi][:s] + mis + pars[pi][e:]
            out_text = '\n\n'.join(pars)
            prefix = '\n\n'.join(pars[:pi]) + ('\n\n' if pi else '')
            bstart = len((prefix + pars[pi][:s]).encode('utf-8'))
            bend = bstart + len(mis.encode('utf-8'))
            fname = f'{kind}-{n:03d}.txt'
            with open(os.path.join(args.out, fname), 'w', encoding='utf-8', newline='') as f:
                f.write(out_text)
            rows.append((fname, kind, bstart, bend, mis, w, slip, name, pi + 1))
    with open(os.path.join(args.out, 'key.tsv'), 'w', encoding='utf-8', newline='') as f:
        f.write('file\tkind\tbyte_start\tbyte_end\tmisspelt\toriginal\tslip\tarticle\tparagraph\n')
        for r in rows:
            f.write('\t'.join(str(x) for x in r) + '\n')
    counts = {k: sum(1 for r in rows if r[1] == k) for k in ('start', 'headline', 'mid')}
    print(f'make_misspellings: {len(rows)} cases in {args.out} ({counts})')


if __name__ == '__main__':
    main()
