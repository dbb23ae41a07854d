#!/usr/bin/env python3
"""lt_cases.py — a held-out check on LanguageTool's own English test sentences.

LanguageTool's English rules (languagetool-language-modules/en/.../grammar.xml)
carry their own test sentences: <example correction="..."> (or the older
type="incorrect") is a sentence with an error, <marker>...</marker> around
it; a plain <example> is a correct sentence the rule must leave alone. Its
Java rules have unit tests instead (AvsAnRuleTest: assertCorrect /
assertIncorrect; the word-repeat tests: assertGood / assertBad /
assertMatches(s, N)). This script takes the rules of the kinds mtcheck claims
(MAPPING below), writes every sentence as its own article into a temporary
folder, runs mtcheck once over the folder (--format json --fail-on none
--no-config) and prints, per mtcheck rule family:

  found       positives where an issue of the family's mtcheck rules
              overlaps the marker (a Java test has no marker: anywhere in
              the sentence)
  in-sent     positives where an issue of the family's rules is anywhere
              in the sentence (LanguageTool marks "[This] images", mtcheck
              the noun: "This [images]")
  any         positives where any mtcheck issue overlaps the marker
  flagged     correct sentences with any grammar.* or typography.doubled-*
              issue (false alarms)

-v lists every miss and false alarm with its sentence and LanguageTool rule
id; --by-rule prints the figures per LanguageTool rule too.

Presentation. By default each sentence is the whole article, as
peer_cases.py gives Harper's sentences to mtcheck, so the two benches are
comparable: mtcheck then treats a sentence without final punctuation as a
headline (some checks skip headlines) and a sentence checked alone skips the
voice checks. --lead puts a neutral lead paragraph (LEAD) before the sentence
so that it is always body text; grammar.narrative-person is then left out of
the false alarms (a first-person test sentence after a third-person lead is
what that rule exists to flag).

Nothing of LanguageTool is copied into this project; mtcheck is never tuned
on these sentences: they measure how its rules generalise to test sentences
written by others.

usage: lt_cases.py [-v] [--by-rule] [--lead] LT MTCHECK
  LT   a git directory (bare or a checkout) of
       github.com/languagetool-org/languagetool, or the path of an extracted
       grammar.xml (then the Java tests are left out)
(`make bench-lt-cases LT_DIR=...` runs both presentations.)"""
import argparse, collections, json, os, re, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

EN = 'languagetool-language-modules/en/src/'
GRAMMAR = EN + 'main/resources/org/languagetool/rules/en/grammar.xml'
STYLE = EN + 'main/resources/org/languagetool/rules/en/style.xml'  # newer releases only
JAVA_TESTS = {  # file -> the family its sentences belong to
    EN + 'test/java/org/languagetool/rules/en/AvsAnRuleTest.java': 'a-an',
    EN + 'test/java/org/languagetool/rules/en/EnglishWordRepeatRuleTest.java': 'doubled-word',
    EN + 'test/java/org/languagetool/rules/en/WordRepeatRuleTest.java': 'doubled-word',
    'languagetool-core/src/test/java/org/languagetool/rules/WordRepeatRuleTest.java': 'doubled-word',
}

SV, DN, VF = 'grammar.subject-verb', 'grammar.determiner-number', 'grammar.verb-form'

# The mapping: a LanguageTool rule id (a regular expression, matched whole
# against the id of a <rule> or its <rulegroup>) -> the family it is counted
# in and the mtcheck rules that count as finding its error. The first
# matching row wins. Ids of both the 2019 and the current grammar.xml are
# listed (MD_BASEFORM, THESE_NN, MORE_COMPARATIVE are newer names).
# A family ending in "(declined)" holds LanguageTool rules of the same kind
# of error in cases mtcheck's README says it leaves alone (mass and
# collective nouns, compound subjects, relative clauses, less/least): they
# are counted apart so that the claimed figures stay honest, and kept so the
# gap is visible.
MAPPING = [
    # subject-verb agreement
    (r'HE_VERB_AGR|NON3PRS_VERB|BASE_FORM|IT_VBZ|PEOPLE_VBZ', 'subject-verb', (SV,)),
    (r'PERS_PRONOUN_AGREEMENT.*|I_AM_AGREEMENT.*', 'subject-verb', (SV,)),
    (r'(SINGULAR_)?AGREEMENT_SENT_START.*', 'subject-verb', (SV,)),
    (r'SINGULAR_VERB_AFTER_THESE_OR_THOSE|PLURAL_VERB_AFTER_THIS', 'subject-verb', (SV, DN)),
    (r'SOME_NN_VBP|THIS_NNS_VB', 'subject-verb', (SV, DN)),
    (r'THERE_(S|RE|WAS|WERE|IS|ARE)_.*|THERE_IS_.*|THERE_ARE_.*', 'subject-verb', (SV, DN)),
    (r'AGREEMENT_QUESTION|DOES_YOU|DO_HE_VERB', 'subject-verb', (SV,)),
    (r'MASS_AGREEMENT|COLLECTIVE_NOUN_VERB_AGREEMENT.*|THE_NN_AND_THE_NN|'
     r'RELATIVE_CLAUSE_AGREEMENT|WHAT_VBZ', 'subject-verb (declined)', (SV,)),
    # determiner-noun number
    (r'THIS_NNS|THESE_(SINGULAR_NOUN|NN.*)|EACH_EVERY_NNS|EVERY_EACH_SINGULAR|'
     r'MANY_NN(_U)?|MANY_FEW_UNCOUNTABLE|MUCH_COUNTABLE|A_PLURAL|ONE_PLURAL',
     'determiner-number', (DN, SV)),
    # modal / to / do + a non-base form; have + a past tense
    (r'DID_BASEFORM|MD_BASEFORM.*|TO_NON_BASE|DID_PAST|DO_VBZ|DOES_NP_VBZ|DOES_X_HAS|'
     r'DONT_NEEDS|GOING_TO_VBD', 'verb-form', (VF,)),
    (r'HAVE_PART_AGREEMENT', 'verb-form', (VF,)),
    # a / an (a Java rule: the sentences of its test, JAVA_TESTS)
    (r'EN_A_VS_AN', 'a-an', ('grammar.article-agreement',)),
    # doubled words and phrases
    # (the word-repeat rules are Java rules too: JAVA_TESTS)
    (r'ENGLISH_WORD_REPEAT_RULE|WORD_REPEAT_RULE', 'doubled-word', ('typography.doubled-word',)),
    (r'PHRASE_REPETITION', 'doubled-phrase', ('typography.doubled-phrase', 'typography.doubled-word')),
    # more/most + comparative or superlative
    (r'MOST_COMPARATIVE|MOST_SUPERLATIVE|MORE_COMPARATIVE.*|MORE_SUPERLATIVE.*',
     'double-comparative', ('grammar.double-comparative',)),
    (r'LESS_COMPARATIVE|LEAST_COMPARATIVE', 'double-comparative (declined)', ('grammar.double-comparative',)),
    # two modals or two forms of be in a row
    (r'TWO_CONNECTED_MODAL_VERBS|BE_WILL|WAS_BEEN', 'doubled-auxiliary', ('grammar.doubled-auxiliary',)),
]
MAPPING = [(re.compile(r'(?:' + p + r')\Z'), fam, rules) for p, fam, rules in MAPPING]

# Rules whose issues count as false alarms on a correct sentence.
def is_alarm(rule, lead):
    if lead and rule == 'grammar.narrative-person':
        return False
    return rule.startswith('grammar.') or rule.startswith('typography.doubled-')

LEAD = ('The city council met on Tuesday evening to discuss the annual budget, '
        'officials said in a statement.\n\n')


def map_id(rid):
    for rx, fam, rules in MAPPING:
        if rx.match(rid):
            return fam, rules
    return None


def example_text(ex):
    """(text, marker start, marker end) in characters; whitespace folded as
    LanguageTool folds it"""
    parts, ms, me = [], None, None
    def add(s):
        parts.append(s or '')
    add(ex.text)
    for c in ex:
        if c.tag == 'marker':
            ms = len(''.join(parts))
            add(''.join(c.itertext()))
            me = len(''.join(parts))
        else:
            add(''.join(c.itertext()))
        add(c.tail)
    raw = ''.join(parts)
    # fold runs of whitespace, keeping the marker's place
    out, pos_map = [], []
    prev_space = True
    for i, ch in enumerate(raw):
        pos_map.append(len(out))
        if ch.isspace():
            if not prev_space:
                out.append(' ')
            prev_space = True
        else:
            out.append(ch)
            prev_space = False
    pos_map.append(len(out))
    text = ''.join(out)
    stripped = text.rstrip()
    if ms is None:
        return stripped, None, None
    a, b = pos_map[ms], pos_map[me]
    # a marker that starts on a folded space starts at the next character
    while a < len(text) and a < b and text[a] == ' ':
        a += 1
    return stripped, a, min(b, len(stripped))


def xml_cases(xml_bytes, source, wrong):
    """the mapped rules' examples; adds every rule's wrong sentences (mapped
    or not) to the set wrong"""
    root = ET.fromstring(xml_bytes)
    for ex in root.iter('example'):
        if ex.get('correction') is not None or ex.get('type') == 'incorrect':
            wrong.add(example_text(ex)[0])
    for el in root.iter():
        if el.tag != 'rulegroup' and el.tag != 'rule':
            continue
        if el.tag == 'rule' and el.get('id') is None:
            continue                    # a rule inside a rulegroup: taken with its group
        m = map_id(el.get('id'))
        if not m:
            continue
        fam, rules = m
        for ex in el.iter('example'):
            kind = ex.get('type')
            if kind not in (None, 'incorrect', 'correct'):
                continue                # triggers_error and the like
            pos = ex.get('correction') is not None or kind == 'incorrect'
            text, a, b = example_text(ex)
            if len(text) < 3:
                continue
            yield dict(source=source, rule=el.get('id'), family=fam, rules=rules, text=text,
                       pos=pos, mark=(a, b) if a is not None else None)


def java_string(s):
    return re.sub(r'\\(u[0-9a-fA-F]{4}|.)',
                  lambda m: chr(int(m.group(1)[1:], 16)) if m.group(1)[0] == 'u' and len(m.group(1)) == 5
                  else {'n': '\n', 't': '\t'}.get(m.group(1), m.group(1)), s)


JAVA_CALL = re.compile(r'\b(assertCorrect|assertIncorrect|assertGood|assertBad|assertMatches)\s*\(\s*'
                       r'"((?:[^"\\]|\\.)*)"\s*(?:,\s*(\d+)\s*)?\)')


def java_cases(src, family, source):
    for m in JAVA_CALL.finditer(src):
        call, text, n = m.group(1), java_string(m.group(2)), m.group(3)
        if call == 'assertMatches':
            pos = int(n or 0) > 0
        else:
            pos = call in ('assertIncorrect', 'assertBad')
        rules = next(r for _, f, r in MAPPING if f == family)
        yield dict(source=source, rule=os.path.basename(source)[:-5], family=family, rules=rules,
                   text=text, pos=pos, mark=None)


def git_dir(path):
    return os.path.join(path, '.git') if os.path.isdir(os.path.join(path, '.git')) else path


def git_show(gd, path):
    r = subprocess.run(['git', '--git-dir', gd, 'show', 'HEAD:' + path], capture_output=True)
    return r.stdout if r.returncode == 0 else None


def load_cases(lt):
    """the cases, less repeats (a rulegroup often tests one sentence in
    several of its rules) and less the 'correct' sentences that are some
    LanguageTool rule's wrong sentence (a rule lists another rule's error as
    its own negative: "They is happy. [Found by ...]"); and how many of
    those were left out"""
    wrong, cases = set(), []
    if os.path.isfile(lt):
        with open(lt, 'rb') as f:
            cases = list(xml_cases(f.read(), os.path.basename(lt), wrong))
    else:
        gd = git_dir(lt)
        for path in (GRAMMAR, STYLE):
            data = git_show(gd, path)
            if data is not None:
                cases += xml_cases(data, os.path.basename(path), wrong)
            elif path == GRAMMAR:
                sys.exit(f'lt_cases.py: no {GRAMMAR} at HEAD of {gd}')
        for path, fam in JAVA_TESTS.items():
            data = git_show(gd, path)
            if data is not None:
                cases += java_cases(data.decode('utf-8'), fam, path)
    seen, out, dropped = set(), [], 0
    for c in cases:
        key = (c['family'], c['text'], c['pos'], c['mark'] if c['pos'] else None)
        if key in seen:
            continue
        seen.add(key)
        if not c['pos'] and ('[Found by' in c['text'] or c['text'] in wrong):
            dropped += 1
            continue
        out.append(c)
    return out, dropped


def run_mtcheck(mt, cases, lead):
    """one mtcheck run over a folder holding one article per case; returns
    per case the list of (rule, byte start, byte end) relative to the case's
    sentence"""
    prefix = LEAD if lead else ''
    off = len(prefix.encode('utf-8'))
    with tempfile.TemporaryDirectory(prefix='lt_cases.') as d:
        for i, c in enumerate(cases):
            with open(os.path.join(d, f'{i:05d}.txt'), 'w', encoding='utf-8') as f:
                f.write(prefix + c['text'] + '\n')
        r = subprocess.run([mt, '--format', 'json', '--fail-on', 'none', '--no-config', '--jobs', '1', d],
                           capture_output=True)
        if r.returncode not in (0, 1):
            sys.exit(f'lt_cases.py: mtcheck exited {r.returncode}: {r.stderr.decode()[:500]}')
        out = json.loads(r.stdout)
    res = {}
    for f in out['files']:
        i = int(os.path.basename(f['path'])[:5])
        res[i] = [(x['rule'], x['byte_start'] - off, x['byte_end'] - off)
                  for x in f.get('issues', []) if x['byte_end'] > off]
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('lt')
    ap.add_argument('mtcheck')
    ap.add_argument('-v', action='store_true', help='list misses and false alarms')
    ap.add_argument('--by-rule', action='store_true', help='figures per LanguageTool rule too')
    ap.add_argument('--lead', action='store_true', help='a lead paragraph before each sentence')
    a = ap.parse_args()
    cases, dropped = load_cases(a.lt)
    res = run_mtcheck(a.mtcheck, cases, a.lead)
    fam_tot = collections.OrderedDict()
    rule_tot = collections.OrderedDict()
    misses, alarms = [], []
    for i, c in enumerate(cases):
        iss = res.get(i, [])
        if c['mark'] is None:
            ms, me = 0, len(c['text'].encode('utf-8'))
        else:
            ms = len(c['text'][:c['mark'][0]].encode('utf-8'))
            me = len(c['text'][:c['mark'][1]].encode('utf-8'))
            if me <= ms:
                me = ms + 1
        fam_rules = c['rules']
        for key, tot in ((c['family'], fam_tot), ((c['family'], c['rule']), rule_tot)):
            tot.setdefault(key, [0, 0, 0, 0, 0, 0])
        rows = (fam_tot[c['family']], rule_tot[(c['family'], c['rule'])])
        if c['pos']:
            over = [r for r, s, e in iss if s < me and e > ms]
            found = any(r in fam_rules for r in over)
            near = any(r in fam_rules for r, _, _ in iss)
            for t in rows:
                t[0] += 1; t[1] += found; t[2] += bool(over); t[5] += near
            if not found:
                misses.append((c, sorted(set(r for r, _, _ in iss))))
        else:
            fl = sorted(set(r for r, _, _ in iss if is_alarm(r, a.lead)))
            for t in rows:
                t[3] += 1; t[4] += bool(fl)
            if fl:
                alarms.append((c, fl))
    pres = 'each sentence after a lead paragraph' if a.lead else 'each sentence alone (as peer_cases.py)'
    print(f'LanguageTool test sentences: {len(cases)} cases ({dropped} "correct" sentences that are '
          f'another rule\'s error left out); {pres}')
    print('found: the family\'s rule on the marker; in-sent: anywhere in the sentence; '
          'any: any rule on the marker')
    def line(name, t):
        p, f, an, n, fl, ne = t
        return (f'{name:40} found {f:3}/{p:<3} {100 * f / max(p, 1):3.0f}%  in-sent {ne:3}  any {an:3}'
                f'  false alarms {fl:3}/{n:<3} {100 * fl / max(n, 1):3.0f}%')
    claimed = [0] * 6
    for fam, t in fam_tot.items():
        print(line(fam, t))
        if '(declined)' not in fam:
            claimed = [x + y for x, y in zip(claimed, t)]
    print(line('ALL CLAIMED (declined families left out)', claimed))
    if a.by_rule:
        print()
        for (fam, rule), t in rule_tot.items():
            print(line(f'  {fam}: {rule}', t))
    if a.v:
        print()
        for c, rules in misses:
            mk = c['text'] if c['mark'] is None else (
                c['text'][:c['mark'][0]] + '[' + c['text'][c['mark'][0]:c['mark'][1]] + ']' + c['text'][c['mark'][1]:])
            print(f'MISS {c["family"]} {c["rule"]}: {mk[:160]}' + (f'   ({",".join(rules)})' if rules else ''))
        for c, rules in alarms:
            print(f'FA   {c["family"]} {c["rule"]}: {c["text"][:160]}   {",".join(rules)}')


if __name__ == '__main__':
    main()
