#!/bin/sh
# build-news-words.sh — regenerates the spelling analyzer's data from public
# word lists shipped as Debian packages (no word is typed by hand here):
#
#   dictionaries/news-words.txt     names and modern news vocabulary that the
#                                   hunspell en_US dictionary (2020) rejects
#   dictionaries/variants-us-gb.tsv US/UK spelling pairs (color/colour)
#   dictionaries/common-words.txt   common lowercase words (link-grammar's
#                                   lexicon, as accepted by en_US)
#
# Sources (Debian packages):
#   iso-codes                     ISO 3166-1/-2 country and subdivision names,
#                                 ISO 4217 currency names
#   link-grammar-dictionaries-en  entity lists (locations, nationalities,
#                                 organisations, given names), the general
#                                 word lists and the word side of 4.0.dict
#                                 of link-grammar 5.12 (2022)
#   wamerican-huge, wbritish-huge SCOWL word lists (2020)
#   hunspell-en-us, hunspell-en-gb, hunspell  the dictionaries themselves and
#                                 the hunspell program to ask them
#
# How the lists are made:
#   names    = capitalised words (country, place, organisation, currency and
#              given names, proper nouns) that at least two of iso-codes,
#              link-grammar, hunspell-en-gb, wamerican-huge and wbritish-huge
#              list, and en_US rejects;
#   words    = lowercase words that at least two of wamerican-huge,
#              wbritish-huge, link-grammar and the newer hunspell en_GB list
#              and en_US rejects, minus British spellings (see variants) —
#              two independent sources must agree, so junk and typos stay out;
#   variants = a word one dictionary accepts and the other rejects, paired
#              with a word the other accepts by the regular US/UK spelling
#              correspondences (our/or, ise/ize, yse/yze, re/er, ll/l, ae/e,
#              oe/e, ogue/og, ence/ense, mme/m, ...).
#
# Usage: sh dictionaries/build-news-words.sh   (from the repository root)
set -eu
cd "$(dirname "$0")/.."
for f in /usr/share/iso-codes/json/iso_3166-1.json /usr/share/link-grammar/en/words \
         /usr/share/dict/american-english-huge /usr/share/dict/british-english-huge \
         /usr/share/hunspell/en_US.dic /usr/share/hunspell/en_GB.dic; do
    [ -e "$f" ] || { echo "build-news-words: missing $f (run make deps)" >&2; exit 2; }
done
command -v hunspell >/dev/null || { echo "build-news-words: hunspell program missing" >&2; exit 2; }

LC_ALL=C.UTF-8 python3 - <<'EOF'
import glob, json, re, subprocess

def hun(dic, words, accepted):
    """Words of `words` that hunspell dictionary `dic` accepts (or rejects)."""
    words = [w for w in words if w and ' ' not in w]
    out = subprocess.run(['hunspell', '-d', dic, '-G' if accepted else '-L', '-i', 'UTF-8'],
                         input='\n'.join(words) + '\n', capture_output=True,
                         text=True, check=True).stdout
    got = set(out.split('\n'))
    return {w for w in words if w in got}

def read_list(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        return {l.strip() for l in f if l.strip() and not l.startswith('#')}

word_re = re.compile(r"^[^\W\d_][^\W\d_'’]*$")

# ---- the sources --------------------------------------------------------
american = read_list('/usr/share/dict/american-english-huge')
british = read_list('/usr/share/dict/british-english-huge')

lg_words, lg_entities = set(), set()
for f in glob.glob('/usr/share/link-grammar/en/words/*'):
    entity = '/entities.' in f
    with open(f, encoding='utf-8', errors='replace') as fh:
        for tok in fh.read().split():
            tok = re.sub(r'\.[a-z0-9-]+$', '', tok)
            for part in tok.split('_'):
                if word_re.match(part):
                    (lg_entities if entity else lg_words).add(part)

# the word side of the entries of link-grammar's main dictionary (idioms
# such as force_majeure, abbreviations, closed classes)
with open('/usr/share/link-grammar/en/4.0.dict', encoding='utf-8', errors='replace') as fh:
    lg_dict = '\n'.join(l for l in fh.read().split('\n') if not l.lstrip().startswith('%'))
for entry in lg_dict.split(';'):
    if ':' not in entry:
        continue
    for tok in entry.split(':')[0].split():
        if tok[:1] in ('<', '/', '#'):
            continue
        tok = re.sub(r'\.[a-z0-9-]+$', '', tok.strip('"'))
        for part in tok.split('_'):
            if word_re.match(part):
                lg_words.add(part)

iso_names = set()
def iso(path, key, fields):
    with open(path, encoding='utf-8') as fh:
        for entry in json.load(fh)[key]:
            for fld in fields:
                for part in re.split(r"[\s,()/;]+", entry.get(fld, '')):
                    for p in part.split('-'):
                        p = p.strip(".'’")
                        if word_re.match(p):
                            iso_names.add(p)
iso('/usr/share/iso-codes/json/iso_3166-1.json', '3166-1', ['name', 'common_name', 'official_name'])
iso('/usr/share/iso-codes/json/iso_3166-2.json', '3166-2', ['name'])
iso('/usr/share/iso-codes/json/iso_3166-3.json', '3166-3', ['name'])
iso('/usr/share/iso-codes/json/iso_4217.json', '4217', ['name'])

gb_stems = set()
with open('/usr/share/hunspell/en_GB.dic', encoding='utf-8-sig') as fh:
    next(fh)
    for line in fh:
        w = line.split('/')[0].split('\t')[0].strip()
        if word_re.match(w):
            gb_stems.add(w)

# ---- US/UK variants ----------------------------------------------------
# GB -> US correspondences; each is tried at every position, and pairs of
# them combined (manoeuvre -> maneuver).
GB_US = [('our', 'or'), ('is', 'iz'), ('ys', 'yz'), ('tre', 'ter'), ('bre', 'ber'),
         ('lre', 'ler'), ('vre', 'ver'), ('cre', 'cer'), ('ll', 'l'), ('l', 'll'),
         ('ae', 'e'), ('oe', 'e'), ('ogue', 'og'), ('ence', 'ense'), ('mme', 'm'),
         ('ph', 'f'), ('ough', 'ow'), ('ould', 'old'), ('eable', 'able'),
         ('ement', 'ment'), ('que', 'ck'), ('yre', 'ire'), ('ey', 'ay'), ('sc', 'sk'),
         ('ium', 'um'), ('py', 'pa'), ('kerb', 'curb'), ('oeuvr', 'euver')]

def variants(word, table):
    out = set()
    for a, b in table:
        i = word.find(a)
        while i >= 0:
            nxt = word[i + len(a):i + len(a) + 1]
            # l/ll only where the spellings really differ: GB fulfil(s),
            # enrolment, skilful; US traveled, modeling
            if (a, b) == ('l', 'll') and nxt not in ('', 's', 'f', 'm', 'e', 'i'):
                pass
            elif (a, b) == ('l', 'll') and table is GB_US and nxt in ('e', 'i'):
                pass
            elif (a, b) == ('l', 'll') and table is not GB_US and nxt not in ('e', 'i'):
                pass
            else:
                out.add(word[:i] + b + word[i + len(a):])
            i = word.find(a, i + 1)
    return out

lower = lambda s: {w for w in s if w[:1].islower() and word_re.match(w)}
pool = lower(american) | lower(british) | lower(lg_words)
us_ok = hun('en_US', pool, True)
gb_ok = hun('en_GB', pool, True)
gb_only = sorted(gb_ok - us_ok)   # British forms en_US rejects
us_only = sorted(us_ok - gb_ok)   # American forms en_GB rejects

def pair_up(words, table, ok_other, ok_other_check):
    cands = {}
    for w in words:
        c1 = variants(w, table)
        c2 = set()
        for c in c1:
            c2 |= variants(c, table)
        cands[w] = (c1, c2)
    allc = set()
    for c1, c2 in cands.values():
        allc |= c1 | c2
    accepted = ok_other_check(allc)
    pairs = {}
    for w, (c1, c2) in cands.items():
        hit = sorted(c for c in c1 if c in accepted and c != w)
        if not hit:
            hit = sorted(c for c in c2 if c in accepted and c != w)
        if len(hit) == 1:
            pairs[w] = hit[0]
    return pairs

US_GB = [(b, a) for a, b in GB_US]
gb_to_us = pair_up(gb_only, GB_US, us_ok, lambda s: hun('en_US', s, True))
us_to_gb = pair_up(us_only, US_GB, gb_ok, lambda s: hun('en_GB', s, True))
gb_accepts = hun('en_GB', set(gb_to_us.values()), True)
us_accepts = hun('en_US', set(us_to_gb.values()), True)
rows = {}
for gb, us in gb_to_us.items():
    # marker: which spelling the other house rejects
    rows[(us, gb)] = 'gb' if us in gb_accepts else 'both'
for us, gb in us_to_gb.items():
    m = 'us' if gb in us_accepts else 'both'
    rows[(us, gb)] = 'both' if rows.get((us, gb), m) != m else m
variant_words = {gb for _, gb in rows} | {us for us, _ in rows}

with open('dictionaries/variants-us-gb.tsv', 'w', encoding='utf-8') as out:
    out.write('# generated by dictionaries/build-news-words.sh from wamerican-huge, '
              'wbritish-huge, link-grammar and hunspell en_US/en_GB — do not edit\n')
    out.write('# us<TAB>gb<TAB>marker: which form the other dictionary rejects '
              '(gb: only the British form marks an article as British; us: only the '
              'American one; both)\n')
    for (us, gb), m in sorted(rows.items()):
        out.write(f'{us}\t{gb}\t{m}\n')

# ---- the news supplement -------------------------------------------------
# a name at least two sources list (iso-codes, link-grammar, hunspell en_GB,
# SCOWL US, SCOWL GB)
name_votes = {}
for src in (iso_names, lg_entities | lg_words, gb_stems, american, british):
    for w in src:
        if w[:1].isupper() and word_re.match(w):
            name_votes[w] = name_votes.get(w, 0) + 1
names = {w for w, n in name_votes.items() if n >= 2}
names = hun('en_US', names, False) if names else set()

# a word at least two of the four sources list (SCOWL US, SCOWL GB,
# link-grammar, hunspell en_GB)
votes = {}
for src in (lower(american), lower(british), lower(lg_words), gb_ok):
    for w in src:
        votes[w] = votes.get(w, 0) + 1
vocab = {w for w, n in votes.items() if n >= 2}
vocab = hun('en_US', vocab, False)
vocab -= variant_words
vocab -= british - american   # SCOWL's British-only spellings
# British forms the variant pairing missed: drop a word when a GB->US
# correspondence turns it into a word en_US accepts.
maybe = {w: variants(w, GB_US) for w in vocab}
acc = hun('en_US', set().union(*maybe.values()) if maybe else set(), True)
vocab = {w for w, vs in maybe.items() if not (vs & acc)}

# A word that only the SCOWL lists know (their US and GB lists are one
# source, not two) and that lies one typing slip from a frequent word is a
# misspelling far more often than the rare word it spells: SCOWL's largest
# sizes keep archaic and dialect entries such as frist, wich, belive,
# durning. It is left out, so that the checker reports it with the frequent
# word as its suggestion. Slips as the spelling analyzer counts them: two
# neighbouring letters swapped, a letter dropped or doubled (not the first);
# the frequent words of dictionaries/frequent-words*.txt (SCOWL sizes 10
# and 20; for words of 4 letters, size 10 only).
def read_frequent(path):
    with open(path, encoding='utf-8') as fh:
        return {l.strip() for l in fh if l.strip() and not l.startswith('#')}
frequent = read_frequent('dictionaries/frequent-words.txt')
most_frequent = read_frequent('dictionaries/frequent-words-10.txt')

def slip_of_frequent(w):
    table = most_frequent if len(w) <= 4 else frequent
    cands = set()
    for i in range(len(w) - 1):
        if w[i] != w[i + 1]:
            cands.add(w[:i] + w[i + 1] + w[i] + w[i + 2:])
    for i in range(1, len(w) + 1):
        for c in 'abcdefghijklmnopqrstuvwxyz':
            cands.add(w[:i] + c + w[i:])
    for i in range(1, len(w)):
        if w[i] == w[i - 1]:
            cands.add(w[:i] + w[i + 1:])
    return any(c != w and c in table for c in cands)

scowl_only = {w for w in vocab
              if (w in american or w in british) and w not in lg_words and w not in gb_ok}
vocab -= {w for w in scowl_only if len(w) >= 4 and w.isascii() and slip_of_frequent(w)}

with open('dictionaries/news-words.txt', 'w', encoding='utf-8') as out:
    out.write('# generated by dictionaries/build-news-words.sh from iso-codes, '
              'link-grammar-dictionaries-en, wamerican-huge, wbritish-huge, hunspell-en-gb '
              '— do not edit\n')
    out.write('# names and news vocabulary the hunspell en_US dictionary rejects; '
              'one word per line\n')
    for w in sorted(names | vocab):
        out.write(w + '\n')
# common words: lowercase words of link-grammar's general lists (a parser's
# lexicon, not a spelling dictionary's long tail) that en_US accepts
common = hun('en_US', {w for w in lower(lg_words) if len(w) >= 3}, True)
with open('dictionaries/common-words.txt', 'w', encoding='utf-8') as out:
    out.write('# generated by dictionaries/build-news-words.sh from '
              'link-grammar-dictionaries-en and hunspell-en-us — do not edit\n')
    out.write('# common English words (a capitalised unknown word one letter from one '
              'of these may be a misspelling)\n')
    for w in sorted(common):
        out.write(w + '\n')
print(f'common-words.txt: {len(common)} words')
print(f'news-words.txt: {len(names)} names, {len(vocab)} words; '
      f'variants-us-gb.tsv: {len(rows)} pairs')
EOF
