/* agreement.c — the agreement analyzer: number and verb-form agreement that
 * machine translation from a language without number or tense breaks, only
 * where the subject or determiner leaves no doubt. Per sentence:
 *   grammar.subject-verb       a verb that does not agree with a certain
 *                              subject: a subject pronoun ("he go", "they
 *                              goes", "he are"; "everyone have" where a
 *                              clause starts), an auxiliary opening a
 *                              question and its pronoun ("Is you ready?"),
 *                              existential "there" ("there
 *                              is many", "there are much", "there is 5
 *                              men", "there was no grounds"), a bare
 *                              plural after a conjunction or "some", or
 *                              before its relative pronoun ("where gases
 *                              prevents", "people who has"), "were"
 *                              after a singular subject where no
 *                              counterfactual word (if, wish, though)
 *                              allows the subjunctive, "one of the
 *                              problems are", a number-marking determiner and
 *                              its noun ("these problems is", "each country
 *                              have")
 *   grammar.determiner-number  a noun whose number contradicts its
 *                              determiner ("these problem", "each
 *                              countries", "much problems", "a
 *                              informations", "one of the biggest problem",
 *                              "many information")
 *   grammar.verb-form          a modal, "to" or a form of "do" followed by
 *                              a finite verb ("will continues", "can
 *                              became", "to went", "didn't went", "does
 *                              she likes", "should has", "doesn't has"); a
 *                              form of "have" before a past
 *                              tense that is not the participle ("has
 *                              went", "had wrote") or a base form that
 *                              is not ("must have write", "have modify")
 *   grammar.doubled-auxiliary  two forms of "be" or two modals in a row
 *                              ("is was", "is be", "will can")
 *   grammar.double-comparative "more"/"most" before a comparative or
 *                              superlative ("more easier", "most biggest")
 *   grammar.repeated-coordinate the same singular noun on both sides of
 *                              "and"/"or" ("with benevolence and
 *                              benevolence", "strategy and strategy"): a
 *                              translation that lost one of two words; not
 *                              adverbs, comparatives or plurals, which
 *                              English repeats for emphasis ("again and
 *                              again", "more and more", "years and years")
 * Word classes come from grammar_lexicon.c (link-grammar's dictionary for
 * verb forms and noun number, WordNet for what else a word can be); the
 * function words and their roles are dictionaries/agreement-function-words.tsv.
 * A word that could be something else is left alone: precision first.
 * Quotations, headlines, capitalised words (names, titles) and words in
 * capitals are not checked. Every issue covers the word that is wrong (two
 * words for a doubled auxiliary) and suggests the fix where the lexicon has
 * it. Owns its per-worker state (the lexicon, the roles), freed by destroy. */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "analyzer.h"
#include "data.h"
#include "grammar_lexicon.h"
#include "utf8.h"
#include "words.h"
#include "wordset.h"

/* The analyzer's rules: indexes into rules[] (a misspelled id does not compile). */
enum { R_SUBJECT_VERB, R_DET_NUMBER, R_VERB_FORM, R_DOUBLED_AUX, R_DOUBLE_COMP, R_REPEAT_COORD, N_RULES };

static const mtc_rule_info rules[N_RULES] = {
    [R_SUBJECT_VERB] = {"grammar.subject-verb", "grammar", MTC_SEV_MAJOR, 1,
     "Verb does not agree with a certain subject (\"he go\", \"they goes\", \"there is many\", "
     "\"these problems is\")"},
    [R_DET_NUMBER] = {"grammar.determiner-number", "grammar", MTC_SEV_MAJOR, 1,
     "Noun's number contradicts its determiner (\"these problem\", \"each countries\", \"much "
     "problems\")"},
    [R_VERB_FORM] = {"grammar.verb-form", "grammar", MTC_SEV_MAJOR, 1,
     "Modal, \"to\", \"do\" or \"help\" followed by a finite verb instead of the base form "
     "(\"will continues\", \"to went\", \"didn't went\", \"helped built\"), \"have\" before a "
     "past tense or a base form (\"has went\", \"have modify\"), or a modal before an adjective "
     "(\"would nice\")"},
    [R_DOUBLED_AUX] = {"grammar.doubled-auxiliary", "grammar", MTC_SEV_MAJOR, 1,
     "Two forms of \"be\" or two modals in a row (\"is was\", \"is be\", \"will can\")"},
    [R_DOUBLE_COMP] = {"grammar.double-comparative", "grammar", MTC_SEV_MINOR, 1,
     "\"more\" or \"most\" before a comparative or superlative (\"more easier\")"},
    [R_REPEAT_COORD] = {"grammar.repeated-coordinate", "grammar", MTC_SEV_MAJOR, 1,
     "The same singular noun on both sides of \"and\"/\"or\" (\"benevolence and "
     "benevolence\"): one of two words was lost"},
};

#define ROLES_FILE "dictionaries/agreement-function-words.tsv"
#define MAX_WORD 64

/* Roles of function words (tags of agreement-function-words.tsv). */
enum {
    F_DET_PL = 1u << 0,
    F_DET_SG = 1u << 1,
    F_DET_MASS = 1u << 2,
    F_ART = 1u << 3,
    F_THE = 1u << 4,
    F_OF_DET = 1u << 5,
    F_PRON_SG = 1u << 6,
    F_PRON_IT = 1u << 7,
    F_PRON_PL = 1u << 8,
    F_VERB_SG = 1u << 9,
    F_VERB_PL = 1u << 10,
    F_SUBJUNCT = 1u << 11,
    F_BE = 1u << 12,
    F_MODAL = 1u << 13,
    F_TO = 1u << 14,
    F_COMPAR = 1u << 15,
    F_THERE = 1u << 16,
    F_ONE = 1u << 17,
    F_OF = 1u << 18,
    F_CLAUSE = 1u << 19,
    F_SUBJV = 1u << 20,
    F_COORD = 1u << 21,
    F_REL = 1u << 22,
    F_PRON_I = 1u << 23,
    F_PRON_YOU = 1u << 24,
    F_MANDATIVE = 1u << 25,
    F_OBJ = 1u << 26,
    F_PERF = 1u << 27,
    F_DO = 1u << 28,
    F_PART = 1u << 29,
    F_INF = 1u << 30 /* kept apart from the roles: ag_word.infinitive_after */
};

/* Roles that say nothing of a word's own class: a word with only these is
 * still tested as a noun, verb or adjective ("these demand"). */
#define F_CLASSLESS F_MANDATIVE

static const mtc_data_tag role_tags[] = {
    {"det-pl", F_DET_PL},   {"det-sg", F_DET_SG},     {"det-mass", F_DET_MASS}, {"art", F_ART},
    {"the", F_THE},         {"of-det", F_OF_DET},     {"pron-sg", F_PRON_SG},   {"pron-it", F_PRON_IT},
    {"pron-pl", F_PRON_PL}, {"verb-sg", F_VERB_SG},   {"verb-pl", F_VERB_PL},   {"subjunct", F_SUBJUNCT},
    {"be", F_BE},           {"modal", F_MODAL},       {"to", F_TO},             {"compar", F_COMPAR},
    {"there", F_THERE},     {"one", F_ONE},           {"of", F_OF},             {"clause", F_CLAUSE},
    {"subjv", F_SUBJV},     {"coord", F_COORD},       {"rel", F_REL},
    {"pron-i", F_PRON_I},   {"pron-you", F_PRON_YOU}, {"mandative", F_MANDATIVE},
    {"obj", F_OBJ},         {"perf", F_PERF},         {"do", F_DO},             {"part", F_PART},
    {"inf", F_INF},
};

typedef struct ag_state {
    mtc_grammar_lexicon *lx;
    mtc_wordset *roles; /* lowercase function word -> F_* bits */
} ag_state;

/* ---- state ---- */

/* "word<TAB>role,role" */
static int roles_line(const char *line, size_t len, long lineno, void *ctx)
{
    (void)lineno;
    const char *tab = memchr(line, '\t', len);
    if (!tab || tab == line)
        return -1;
    unsigned bits;
    if (mtc_data_tags(tab + 1, line + len, role_tags, sizeof role_tags / sizeof role_tags[0], &bits))
        return -1; /* unknown role */
    mtc_wordset_put(ctx, line, (size_t)(tab - line), (intptr_t)bits);
    return 0;
}

static void ag_destroy(void *state)
{
    ag_state *st = state;
    if (!st)
        return;
    mtc_grammar_lexicon_free(st->lx);
    mtc_wordset_free(st->roles);
    free(st);
}

static mtc_status ag_create(const mtc_config *cfg, void **state, mtc_error *err)
{
    (void)cfg;
    ag_state *st = mtc_xcalloc(1, sizeof *st);
    st->roles = mtc_wordset_new();
    mtc_status s = MTC_OK;
    st->lx = mtc_grammar_lexicon_load(err);
    if (!st->lx)
        s = err->status != MTC_OK ? err->status : MTC_ERR_CONFIG;
    if (s == MTC_OK)
        s = mtc_data_load_lines(ROLES_FILE, roles_line, st->roles, err);
    if (s != MTC_OK) {
        ag_destroy(st);
        return s;
    }
    *state = st;
    return MTC_OK;
}

/* ---- the sentence as the checks see it ---- */

/* One sentence's words: token indexes of the word tokens, and for each
 * whether it follows the previous one with a single space (the two are
 * adjacent words), its roles and its classes. */
typedef struct ag_word {
    size_t tok;
    unsigned roles;   /* F_* (0 unless the word is a function word) */
    unsigned cls;     /* MTC_LX_* from mtc_grammar_open_all */
    int lower;        /* all lowercase ASCII letters ('-' and apostrophes allowed) */
    int checkable;    /* lowercase, or the capitalised first word of the sentence; not quoted */
    int quoted;       /* inside a quotation (its words are looked up all the same) */
    int first;        /* the sentence's first word (only punctuation before it) */
    int joined;       /* adjacent to the previous word: one space, nothing between */
    int boundary;     /* punctuation or the sentence's end follows it */
    int infinitive_after; /* "to" after it is the infinitive marker (able, had) */
    int ends_in_s;    /* its last letter is s (a plural without it is irregular) */
} ag_word;

typedef struct ag_sentence {
    const ag_state *st;
    const mtc_document *doc;
    ag_word *w;
    size_t n;
} ag_sentence;

static int is_lower_word(const mtc_document *doc, const mtc_token *t)
{
    if (t->kind != MTC_TOK_WORD ||
        (t->flags & (MTC_TF_INITIAL_UPPER | MTC_TF_ALL_UPPER | MTC_TF_MIXED_CASE | MTC_TF_HAS_DIGIT |
                     MTC_TF_NON_LATIN)))
        return 0;
    const char *p = mtc_tok_text(doc, t);
    return mtc_ascii_is_lower((unsigned char)p[0]);
}

/* A mark that joins words rather than ending a phrase: - / ' ’ */
static int joining_mark(const mtc_document *doc, const mtc_token *t)
{
    const char *p = mtc_tok_text(doc, t);
    size_t n = mtc_tok_len(t);
    if (n == 1)
        return p[0] == '-' || p[0] == '/' || p[0] == '\'' || p[0] == '&';
    return n == 3 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
           (unsigned char)p[2] == 0x99;
}

/* Builds the word array of a body sentence. */
static size_t collect(const ag_state *st, const mtc_context *ctx, size_t si, ag_word *out,
                      size_t cap)
{
    const mtc_document *doc = ctx->doc;
    const mtc_sentence *s = &doc->sentences[si];
    size_t n = 0, last = s->first_token + s->n_tokens;
    int first = 1;
    for (size_t i = s->first_token; i < last && n < cap; i++) {
        const mtc_token *t = &doc->tokens[i];
        if (t->kind != MTC_TOK_WORD && t->kind != MTC_TOK_OTHER_WORD) {
            if (n > 0 && out[n - 1].tok + 1 == i && t->kind == MTC_TOK_PUNCT &&
                !joining_mark(doc, t))
                out[n - 1].boundary = 1;
            if (t->kind != MTC_TOK_PUNCT)
                first = 0;
            continue;
        }
        ag_word *w = &out[n];
        memset(w, 0, sizeof *w);
        w->tok = i;
        const char *p = mtc_tok_text(doc, t);
        size_t len = mtc_tok_len(t);
        w->lower = is_lower_word(doc, t);
        w->ends_in_s = len > 0 && (p[len - 1] == 's' || p[len - 1] == 'S');
        w->first = first;
        w->checkable = w->lower || (first && t->kind == MTC_TOK_WORD &&
                                    (t->flags & MTC_TF_INITIAL_UPPER) &&
                                    !(t->flags & (MTC_TF_ALL_UPPER | MTC_TF_MIXED_CASE)) && len > 1) ||
                       (first && len == 1 && (p[0] == 'A')) || (len == 1 && p[0] == 'I');
        first = 0;
        w->quoted = ctx->quotes && mtc_quotemap_inside(ctx->quotes, t->start);
        if (w->checkable && len < MAX_WORD) {
            intptr_t v = 0;
            const mtc_word *lw = mtc_tok_word(doc, t); /* interned lowercase form */
            if (lw->len < MAX_WORD &&
                mtc_wordset_get_hashed(st->roles, mtc_word_text(doc, lw), lw->len, lw->hash, &v)) {
                w->roles = (unsigned)v & ~(unsigned)F_INF;
                w->infinitive_after = ((unsigned)v & F_INF) != 0;
            }
            w->cls = mtc_grammar_open_all_tok(st->lx, doc, t);
        }
        if (w->quoted)
            w->checkable = 0; /* quoted speech, titles */
        if (n > 0) {
            const mtc_token *pv = &doc->tokens[out[n - 1].tok];
            w->joined = out[n - 1].tok + 1 == i && pv->end + 1 == t->start && doc->text[pv->end] == ' ';
        }
        n++;
    }
    if (n > 0 && out[n - 1].tok + 1 == last)
        out[n - 1].boundary = 1;
    return n;
}

/* ---- word classes ---- */

#define ANY_VERB (MTC_LX_ANY_VERB | MTC_LX_WN_VERB)
#define ANY_NOUN (MTC_LX_NOUN | MTC_LX_WN_NOUN)
#define ANY_ADJ (MTC_LX_ADJ | MTC_LX_WN_ADJ)
#define ANY_ADV (MTC_LX_ADV | MTC_LX_WN_ADV)

/* A base form by either source: link-grammar's V, or a WordNet verb lemma
 * that is not also an irregular form ("hurt" is both past and base). */
static int maybe_base(unsigned cls)
{
    return (cls & MTC_LX_VERB) || ((cls & MTC_LX_WN_VERB) && !(cls & MTC_LX_IRREG_VERB));
}

/* A countable singular noun: not plural, not a mass noun; with verbs_ok 0
 * no verb reading at all ("these report that ...": a pronoun and its verb),
 * with 1 no finite one (after "the", or after an adjective). */
static int singular_noun(const ag_word *w, int verbs_ok)
{
    unsigned veto = verbs_ok ? (MTC_LX_VERB_S | MTC_LX_VERB_D | MTC_LX_VERB_P) : MTC_LX_ANY_VERB;
    return w->lower && (w->roles & ~F_CLASSLESS) == 0 && (w->cls & MTC_LX_COUNT) &&
           !(w->cls & (MTC_LX_PLURAL | MTC_LX_MASS | veto));
}

/* A singular noun, countable or mass, that has no plural reading (wine,
 * book; not sheep, data); with verbs_ok 1 no finite verb reading. */
static int singular_or_mass_noun(const ag_word *w, int verbs_ok)
{
    unsigned veto = verbs_ok ? (MTC_LX_VERB_S | MTC_LX_VERB_D | MTC_LX_VERB_P) : MTC_LX_ANY_VERB;
    return w->lower && (w->roles & ~F_CLASSLESS) == 0 && (w->cls & (MTC_LX_COUNT | MTC_LX_MASS)) &&
           !(w->cls & (MTC_LX_PLURAL | MTC_LX_COLLECTIVE | veto));
}

/* A plural noun: not singular too (series), not a mass noun (data); with
 * verbs_ok 0 no verb reading (this changes), with 1 the -s form allowed
 * (these measures is: a plural subject takes no -s verb). */
static int plural_noun(const ag_word *w, int verbs_ok)
{
    unsigned veto =
        verbs_ok ? (MTC_LX_VERB | MTC_LX_VERB_D | MTC_LX_VERB_P | MTC_LX_VERB_G) : MTC_LX_ANY_VERB;
    return w->lower && (w->roles & ~F_CLASSLESS) == 0 && (w->cls & MTC_LX_PLURAL) &&
           !(w->cls & (MTC_LX_COUNT | MTC_LX_MASS | MTC_LX_ADJ | veto)); /* "the latter has" */
}

/* A plural noun as a subject: plural_noun, or an irregular plural that is
 * also a rare singular (people, children, men: "these people does"). */
static int plural_subject(const ag_word *w, int verbs_ok)
{
    if (plural_noun(w, verbs_ok))
        return 1;
    return w->lower && (w->roles & ~F_CLASSLESS) == 0 && (w->cls & MTC_LX_PLURAL) &&
           !(w->cls & (MTC_LX_MASS | ANY_ADJ)) && !w->ends_in_s;
}

/* A singular noun of one thing: not collective or a quantity ("the team
 * are", "the majority are" are British usage), no adjective reading ("the
 * poor are"). */
static int individual_noun(const ag_word *w, int verbs_ok)
{
    return singular_noun(w, verbs_ok) && !(w->cls & (MTC_LX_COLLECTIVE | ANY_ADJ));
}

/* An adjective that cannot be the head noun ("these important problem"). */
static int pure_adjective(const ag_word *w)
{
    return w->lower && (w->roles & ~F_CLASSLESS) == 0 && (w->cls & ANY_ADJ) &&
           !(w->cls & (ANY_NOUN | ANY_VERB));
}

/* A superlative before the head ("one of the best student", "these latest
 * report"): an adjective reading and -est or an irregular comparative,
 * whatever else the word can be (best, latest). */
static int superlative_adjective(const ag_sentence *as, const ag_word *w)
{
    if (!w->lower || (w->roles & ~F_CLASSLESS) || !(w->cls & ANY_ADJ) ||
        (w->cls & (MTC_LX_VERB_S | MTC_LX_VERB_D | MTC_LX_PLURAL)))
        return 0;
    const mtc_token *t = &as->doc->tokens[w->tok];
    size_t n = mtc_tok_len(t);
    const char *p = mtc_tok_text(as->doc, t);
    return (n > 5 && memcmp(p + n - 3, "est", 3) == 0) ||
           ((w->cls & MTC_LX_IRREG_COMP) && n >= 4 && memcmp(p + n - 2, "st", 2) == 0);
}

/* After "a"/"an", any adjective reading makes a word the noun's modifier
 * ("a major milestones", "a simple wooden desks"), unless it is a finite
 * or -ing verb form, a plural, or a number or quantity word ("a hundred
 * years", "a few days", "a couple weeks"). */
static int article_adjective(const ag_word *w)
{
    return w->lower && (w->roles & ~F_CLASSLESS) == 0 && (w->cls & ANY_ADJ) &&
           !(w->cls & (MTC_LX_VERB_S | MTC_LX_VERB_D | MTC_LX_VERB_P | MTC_LX_VERB_G | MTC_LX_PLURAL |
                       MTC_LX_COLLECTIVE));
}

/* A verb form that is not a noun: "each countries sent". */
static int verb_not_noun(const ag_word *w)
{
    return w->lower && (w->cls & MTC_LX_ANY_VERB) && !(w->cls & MTC_LX_NOUN);
}

/* The noun phrase ends after word k: punctuation, the end, or a function
 * word that cannot continue it (a preposition, an auxiliary, a relative
 * pronoun...), not "and"/"or" ("both parent and child"). */
static int is_word(const ag_sentence *as, size_t k, const char *w);

static int phrase_ends(const ag_sentence *as, size_t k)
{
    if (as->w[k].boundary || k + 1 == as->n)
        return 1;
    const ag_word *nx = &as->w[k + 1];
    if (!nx->joined || !nx->lower)
        return 0;
    if (nx->roles & F_COORD)
        return 0;
    if (nx->roles & (F_VERB_SG | F_VERB_PL | F_MODAL | F_PERF | F_DO | F_REL | F_OF | F_TO | F_ART |
                     F_THE | F_PRON_SG | F_PRON_PL | F_PRON_I | F_PRON_YOU))
        return 1; /* ... or a subject pronoun: "things you love" */
    if ((nx->roles & (F_DET_SG | F_DET_PL)) && !is_word(as, k + 1, "both") &&
        !(as->w[k].cls & ANY_ADV))
        return 1; /* another noun phrase: "updates every day" (not "are still many") */
    if (!nx->roles && verb_not_noun(nx))
        return 1;
    /* an adverb that is nothing else ("instructions somewhere", "people
     * really"), or a wh-word opening a clause ("ideas how") */
    if (!nx->roles && (nx->cls & ANY_ADV) &&
        !(nx->cls & (MTC_LX_NOUN | MTC_LX_COUNT | MTC_LX_PLURAL | MTC_LX_MASS | ANY_ADJ | ANY_VERB)))
        return 1; /* (a WordNet noun reading aside: "somewhere", "today") */
    static const char *const wh[] = {"how",  "why",   "where", "when",      "whether", "here",
                                     "now",  "today", "then",  "yesterday", "tomorrow"};
    for (size_t i = 0; i < sizeof wh / sizeof *wh; i++)
        if (is_word(as, k + 1, wh[i]))
            return 1;
    unsigned cc = mtc_grammar_closed_tok(as->st->lx, as->doc, &as->doc->tokens[nx->tok]);
    return (cc & (MTC_CC_PREP | MTC_CC_AUX | MTC_CC_MODAL | MTC_CC_CONJ)) != 0; /* "settings but" */
}

/* The head of the noun phrase after determiner d: up to adjs adjectives
 * (and "most" before one), then the noun, every word adjacent to the one
 * before. verbs_ok is the noun test's for the word right after d; after an
 * adjective a verb reading is impossible. (size_t)-1 when none. */
static size_t phrase_head(const ag_sentence *as, size_t d, int (*noun)(const ag_word *, int),
                          int verbs_ok, size_t adjs)
{
    size_t used = 0;
    for (size_t k = d + 1; k < as->n; k++) {
        const ag_word *w = &as->w[k];
        if (!w->joined || as->w[k - 1].boundary)
            return (size_t)-1;
        if (noun(w, k == d + 1 ? verbs_ok : 1))
            return phrase_ends(as, k) ? k : (size_t)-1;
        if (w->lower && (w->roles & F_COMPAR) && k + 1 < as->n && pure_adjective(&as->w[k + 1]))
            continue; /* "the most important" */
        int adjective = pure_adjective(w) || superlative_adjective(as, w) ||
                        ((as->w[d].roles & (F_ART | F_THE | F_OF_DET)) && article_adjective(w));
        if (!adjective || ++used > adjs)
            return (size_t)-1;
    }
    return (size_t)-1;
}

static const char *wtext(const ag_sentence *as, size_t k, size_t *len)
{
    const mtc_token *t = &as->doc->tokens[as->w[k].tok];
    *len = mtc_tok_len(t);
    return mtc_tok_text(as->doc, t);
}

/* Tries stem + each ending (or the stem with its last letter replaced, for
 * "y" -> "ies"); copies the first form that has all bits of want into out. */
/* 1 when word k is w (lowercase ASCII), case aside. */
static int is_word(const ag_sentence *as, size_t k, const char *w)
{
    size_t n;
    const char *t = wtext(as, k, &n);
    for (size_t i = 0; i < n; i++) /* no strlen: most words differ at once */
        if (w[i] == '\0' || mtc_ascii_tolower((unsigned char)t[i]) != w[i])
            return 0;
    return w[n] == '\0';
}

static int make_form(const ag_state *st, const char *w, size_t n, size_t cut, const char *const *ends,
                     unsigned want, char *out, size_t cap)
{
    if (n <= cut)
        return 0;
    size_t stem = n - cut;
    for (const char *const *e = ends; *e; e++) {
        size_t el = strlen(*e);
        if (stem + el + 1 > cap)
            continue;
        memcpy(out, w, stem);
        memcpy(out + stem, *e, el + 1);
        unsigned c = mtc_grammar_open_all(st->lx, out, stem + el);
        if ((c & want) == want)
            return 1;
    }
    return 0;
}

/* The plural of a noun, or the -s form of a verb: want says which. */
static int add_s(const ag_state *st, const char *w, size_t n, unsigned want, char *out, size_t cap)
{
    static const char *const s_es[] = {"s", "es", NULL};
    static const char *const ies[] = {"ies", NULL};
    if (n > 1 && w[n - 1] == 'y' && !strchr("aeiou", w[n - 2]) &&
        make_form(st, w, n, 1, ies, want, out, cap))
        return 1;
    return make_form(st, w, n, 0, s_es, want, out, cap);
}

/* The regular participle of a base form (modify -> modified), when the
 * lexicon has it as a past or participle. */
static int add_ed(const ag_state *st, const char *w, size_t n, char *out, size_t cap)
{
    static const char *const ed[] = {"ed", NULL};
    static const char *const d[] = {"d", NULL};
    static const char *const ied[] = {"ied", NULL};
    unsigned want = MTC_LX_VERB_D;
    if (n > 1 && w[n - 1] == 'y' && !strchr("aeiou", w[n - 2]) &&
        make_form(st, w, n, 1, ied, want, out, cap))
        return 1;
    if (n > 1 && w[n - 1] == 'e' && make_form(st, w, n, 0, d, want, out, cap))
        return 1;
    return make_form(st, w, n, 0, ed, want, out, cap);
}

/* The singular of a plural noun, or the base of an -s verb. */
static int drop_s(const ag_state *st, const char *w, size_t n, unsigned want, char *out, size_t cap)
{
    static const char *const none[] = {"", NULL};
    static const char *const y[] = {"y", NULL};
    if (n > 3 && memcmp(w + n - 3, "ies", 3) == 0 && make_form(st, w, n, 3, y, want, out, cap))
        return 1;
    if (n > 2 && memcmp(w + n - 2, "es", 2) == 0 && make_form(st, w, n, 2, none, want, out, cap))
        return 1;
    return n > 1 && w[n - 1] == 's' && make_form(st, w, n, 1, none, want, out, cap);
}

/* The base of a regular past ("increased" -> "increase"). */
static int drop_ed(const ag_state *st, const char *w, size_t n, char *out, size_t cap)
{
    static const char *const none[] = {"", NULL};
    static const char *const e[] = {"e", NULL};
    static const char *const y[] = {"y", NULL};
    if (n < 4 || memcmp(w + n - 2, "ed", 2) != 0)
        return 0;
    if (n > 4 && memcmp(w + n - 3, "ied", 3) == 0 && make_form(st, w, n, 3, y, MTC_LX_VERB, out, cap))
        return 1;
    if (make_form(st, w, n, 2, none, MTC_LX_VERB, out, cap) ||
        make_form(st, w, n, 2, e, MTC_LX_VERB, out, cap))
        return 1;
    /* stopped -> stop */
    return n > 5 && w[n - 3] == w[n - 4] && make_form(st, w, n, 3, none, MTC_LX_VERB, out, cap);
}

/* The base form of a finite verb w (classes cls) into out: "goes" -> "go",
 * "lifted" -> "lift"; out is "" when the lexicon does not have it. */
static void base_of(const ag_state *st, const char *w, size_t n, unsigned cls, char *out, size_t cap)
{
    if (!((cls & MTC_LX_VERB_S) ? drop_s(st, w, n, MTC_LX_VERB, out, cap) : drop_ed(st, w, n, out, cap)))
        out[0] = 0;
}

static void emit_word(const ag_sentence *as, mtc_emitter *em, int rule, size_t k, const char *sug,
                      const char *fmt, const char *what)
{
    size_t n;
    const char *p = wtext(as, k, &n);
    const mtc_token *t = &as->doc->tokens[as->w[k].tok];
    mtc_issue *is = mtc_emit(em, rule, MTC_SEV_DEFAULT, t->start, t->end, fmt, (int)n, p, what);
    if (!is || !sug || !*sug)
        return;
    char cap[MAX_WORD];
    size_t m = strlen(sug);
    if (n > 0 && p[0] >= 'A' && p[0] <= 'Z' && sug[0] >= 'a' && sug[0] <= 'z' && m < sizeof cap) {
        memcpy(cap, sug, m + 1); /* "Is you": "Are" */
        cap[0] = (char)(cap[0] - 'a' + 'A');
        sug = cap;
    }
    mtc_issue_suggest(is, sug, m);
}

/* The auxiliary of the other number: is <-> are, has <-> have ... */
static const char *other_aux(const char *w, size_t n)
{
    static const char *const pairs[][2] = {
        {"is", "are"},       {"was", "were"},       {"has", "have"},       {"does", "do"},
        {"isn't", "aren't"}, {"wasn't", "weren't"}, {"hasn't", "haven't"}, {"doesn't", "don't"},
    };
    char buf[16];
    size_t m = 0;
    for (size_t i = 0; i < n && m + 1 < sizeof buf; i++) {
        if (i + 2 < n && (unsigned char)w[i] == 0xE2 && (unsigned char)w[i + 1] == 0x80 &&
            (unsigned char)w[i + 2] == 0x99) {
            buf[m++] = '\'';
            i += 2;
        } else {
            buf[m++] = (char)mtc_ascii_tolower((unsigned char)w[i]);
        }
    }
    buf[m] = 0;
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        if (strcmp(buf, pairs[i][0]) == 0)
            return pairs[i][1];
        if (strcmp(buf, pairs[i][1]) == 0)
            return pairs[i][0];
    }
    return NULL;
}

/* 1 when word k may open a clause: the sentence's first word, or after
 * punctuation or a conjunction. */
static int clause_start(const ag_sentence *as, size_t k)
{
    if (as->w[k].first)
        return 1;
    if (k == 0 || as->w[k - 1].boundary)
        return 1;
    const ag_word *p = &as->w[k - 1];
    if (as->w[k].joined && p->first && (p->roles == 0 || p->roles == F_CLAUSE) &&
        (p->cls & ANY_ADV) && !(p->cls & (MTC_LX_ANY_VERB | MTC_LX_NOUN)) &&
        !mtc_grammar_closed_tok(as->st->lx, as->doc, &as->doc->tokens[p->tok]))
        return 1; /* "Currently there's", "Yesterday it"; not "In this temple are" */
    return as->w[k].joined && (as->w[k - 1].roles & F_CLAUSE) && !(as->w[k - 1].roles & F_SUBJV);
}

/* clause_start, "that" and the other subjunctive cues included: for the
 * checks whose error no subjunctive makes right (a singular or -s verb
 * after a plural subject: "that these two contains"). */
static int clause_start_any(const ag_sentence *as, size_t k)
{
    return clause_start(as, k) ||
           (k > 0 && as->w[k].joined && !as->w[k - 1].boundary && (as->w[k - 1].roles & F_CLAUSE));
}

/* An auxiliary or modal before word k: a question or an inversion ("does
 * he have", "had they known"), where the base form is right. */
static int after_aux(const ag_sentence *as, size_t k)
{
    if (k == 0 || !as->w[k].joined)
        return 0;
    const mtc_token *t = &as->doc->tokens[as->w[k - 1].tok];
    return (mtc_grammar_closed_tok(as->st->lx, as->doc, t) &
            (MTC_CC_AUX | MTC_CC_MODAL)) != 0;
}

/* ---- grammar.subject-verb: pronouns ---- */

/* An adverb that may stand between a subject and its verb ("he always
 * goes", "they also say"): no verb or noun reading of its own. */
static int mid_adverb(const ag_word *w)
{
    return w->lower && (w->roles == 0 || w->roles == F_CLAUSE) && (w->cls & ANY_ADV) &&
           !(w->cls & (MTC_LX_ANY_VERB | MTC_LX_NOUN));
}

/* A word before the subject at k after which a subjunctive base verb is
 * right: "demanded that he go", "suggested she consider", "important that
 * she attend", "lest he forget". "That" alone is no cue: "officials said
 * that they goes" is wrong whatever the clause. */
static int after_subjunctive_cue(const ag_sentence *as, size_t k)
{
    if (k == 0 || !as->w[k].joined)
        return 0;
    unsigned prev = as->w[k - 1].roles;
    if (prev & F_MANDATIVE)
        return 1;
    if (!(prev & F_SUBJV))
        return 0;
    if (!(prev & F_CLAUSE))
        return 1; /* lest */
    /* "demanded that", "insisted strongly that", "it is essential that" */
    if (k > 1 && as->w[k - 1].joined && (as->w[k - 2].roles & F_MANDATIVE))
        return 1;
    return k > 2 && as->w[k - 1].joined && as->w[k - 2].joined && mid_adverb(&as->w[k - 2]) &&
           (as->w[k - 3].roles & F_MANDATIVE);
}

/* 1 when a word that opens a counterfactual clause comes before word k in
 * its sentence, so that "were" after a singular subject may be the
 * subjunctive: "if he were", "as though she were", "I wish I were",
 * "whether it were"; without one, "He were too old" is wrong. */
static int counterfactual_before(const ag_sentence *as, size_t k)
{
    static const char *const cues[] = {"if",     "though",  "wish",     "wishes",   "wished",
                                       "unless", "suppose", "supposing", "imagine", "whether",
                                       "rather", "lest",    "even",     "only"};
    if (k > 0 && is_word(as, k - 1, "as"))
        return 1; /* "as it were" */
    for (size_t i = 0; i < k; i++)
        for (size_t c = 0; c < sizeof cues / sizeof *cues; c++)
            if (is_word(as, i, cues[c]))
                return 1;
    return 0;
}

/* An -s verb that is nothing else (not a base form, a past, a plural noun,
 * an adjective or an adverb): "they goes", "I likes", "to exists". */
static int only_s_verb(unsigned c)
{
    return (c & MTC_LX_VERB_S) &&
           !(c & (MTC_LX_VERB | MTC_LX_VERB_D | MTC_LX_VERB_P | MTC_LX_VERB_G | MTC_LX_PLURAL | MTC_LX_ADJ |
                  ANY_ADV));
}

/* An -s word after a plural subject that is a verb: nothing but an -s
 * verb, or also a plural noun after a pronoun that takes no apposition
 * ("they works", "I means"), or after one that does ("we parents", "you
 * guys") but followed by an object pronoun or a particle ("we repairs
 * it", "you wakes up"). */
static int s_verb_here(const ag_sentence *as, size_t vk, int apposition)
{
    unsigned c = as->w[vk].cls;
    if (only_s_verb(c & ~(unsigned)MTC_LX_PLURAL) && (c & MTC_LX_PLURAL))
        return (!apposition && !as->w[vk].boundary) ||
               (vk + 1 < as->n && !as->w[vk].boundary && as->w[vk + 1].joined &&
                as->w[vk + 1].lower && (as->w[vk + 1].roles & F_OBJ));
    return only_s_verb(c);
}

/* "I" and "you" as subjects: "I is", "I are", "I likes"; "you is", "you
 * has", "you drops". Only where a clause starts ("the gift I gave you has"
 * is right: "you" is an object there), not in a compound ("you and I
 * are"), not the numeral after a name ("World War I was"). */
static void check_i_you(const ag_sentence *as, size_t k, mtc_emitter *em)
{
    const ag_word *p = &as->w[k];
    size_t vk = k + 1;
    if (vk + 1 < as->n && mid_adverb(&as->w[vk]) && as->w[vk].joined && !as->w[vk].boundary)
        vk++;
    const ag_word *v = &as->w[vk];
    int is_i = (p->roles & F_PRON_I) != 0;
    if (!v->joined || p->boundary || !v->lower)
        return;
    size_t pn;
    const char *pt = wtext(as, k, &pn);
    if (is_i && pt[0] != 'I')
        return; /* "option -i does": a letter, not the pronoun */
    /* "you" may be an object anywhere but where a clause starts; "I" is
     * always a subject, except as a numeral after a capitalised word */
    if (is_i ? (k > 0 && as->w[k].joined && !as->w[k - 1].lower &&
                !(as->w[k - 1].first && ((as->w[k - 1].cls & ANY_ADV) || (as->w[k - 1].roles & F_CLAUSE))))
                 /* "Yesterday I", "When I", not "Henry I" */
             : !clause_start(as, k))
        return;
    if (k > 0 && (as->w[k - 1].roles & F_COORD))
        return;
    if (after_aux(as, k) || after_subjunctive_cue(as, k))
        return; /* "am I", "do you have", "insisted that you be" */
    size_t n;
    const char *vt = wtext(as, vk, &n);
    char sug[MAX_WORD];
    const char *who = is_i ? "'I'" : "'you'";
    if (v->roles & F_VERB_SG) {
        /* I was: right; I is, I has, I does; you is, you was, you has */
        if (is_i && n >= 3 && memcmp(vt, "was", 3) == 0)
            return;
        const char *o = other_aux(vt, n);
        if (is_i && o && strcmp(o, "are") == 0)
            o = "am";
        emit_word(as, em, R_SUBJECT_VERB, vk, o, "'%.*s' after the subject %s", who);
        return;
    }
    if (is_i && (v->roles & F_VERB_PL) && (v->roles & F_BE) &&
        (!(v->roles & F_SUBJUNCT) || !counterfactual_before(as, k))) {
        emit_word(as, em, R_SUBJECT_VERB, vk,
                  n == 3 ? "am" : is_word(as, vk, "were") ? "was" : NULL,
                  "'%.*s' after the subject %s", who); /* I are, I aren't, I were */
        return;
    }
    if (v->roles & ~F_CLASSLESS)
        return;
    if (s_verb_here(as, vk, !is_i)) {
        if (!drop_s(as->st, vt, n, MTC_LX_VERB, sug, sizeof sug))
            sug[0] = 0;
        emit_word(as, em, R_SUBJECT_VERB, vk, sug, "'%.*s' after the subject %s: the base form?",
                  who);
    }
}

static void check_pronoun(const ag_sentence *as, size_t k, mtc_emitter *em)
{
    size_t vk = k + 1;
    /* "someone else walk": "else" belongs to the pronoun */
    if (vk + 1 < as->n && (as->w[k].roles & F_PRON_IT) && is_word(as, vk, "else") &&
        as->w[vk].joined && !as->w[k].boundary && !as->w[vk].boundary)
        vk++;
    if (vk + 1 < as->n && mid_adverb(&as->w[vk]) && as->w[vk].joined && !as->w[vk].boundary)
        vk++;
    const ag_word *p = &as->w[k], *v = &as->w[vk];
    if (!v->joined || p->boundary || !v->lower)
        return;
    int sg = (p->roles & F_PRON_SG) || ((p->roles & F_PRON_IT) && clause_start(as, k));
    int pl = (p->roles & F_PRON_PL) != 0;
    if (!sg && !pl)
        return;
    /* "He" in mid-sentence is the surname (He Ying) */
    if (k > 0 && !as->w[k].lower)
        return;
    if (after_aux(as, k))
        return; /* "does he have", "was he walking" */
    if (k > 0 && (as->w[k - 1].roles & F_COORD))
        return; /* "he and she go": a compound subject */
    /* "he walking to the building": an -ing form that is nothing else (no
     * noun or adjective in link-grammar's lexicon), with no auxiliary;
     * wrong after a subjunctive cue too ("recommended that he walking") */
    if ((p->roles & (F_PRON_SG | F_PRON_PL)) && !(v->roles & ~F_CLASSLESS) &&
        (v->cls & MTC_LX_VERB_G) && !(p->roles & F_PRON_IT) &&
        !(v->cls & (MTC_LX_VERB | MTC_LX_VERB_S | MTC_LX_VERB_D | MTC_LX_VERB_P | MTC_LX_NOUN |
                    MTC_LX_COUNT | MTC_LX_MASS | MTC_LX_PLURAL | MTC_LX_ADJ | MTC_LX_ADV))) {
        size_t gn;
        const char *gt = wtext(as, vk, &gn);
        static const char *const base_ends[] = {"", "e", NULL};
        char base[MAX_WORD];
        int ing = gn > 4 && memcmp(gt + gn - 3, "ing", 3) == 0 &&
                  (make_form(as->st, gt, gn, 3, base_ends, MTC_LX_VERB, base, sizeof base) ||
                   (gn > 5 && gt[gn - 4] == gt[gn - 5] &&
                    make_form(as->st, gt, gn, 4, base_ends, MTC_LX_VERB, base, sizeof base)));
        /* not after a contracted "is"/"are" ("What's he going"), and not a
         * participle before the finite verb ("he laughing said") */
        size_t pn = 0;
        const char *pt = k > 0 ? wtext(as, k - 1, &pn) : NULL;
        int contracted_be = pt && as->w[k].joined && pn > 2 &&
                            ((pt[pn - 1] == 's' || pt[pn - 1] == 'e') &&
                             (pt[pn - 2] == '\'' || (unsigned char)pt[pn - 2] == 0x99 ||
                              (pn > 3 && pt[pn - 2] == 'r' &&
                               (pt[pn - 3] == '\'' || (unsigned char)pt[pn - 3] == 0x99))));
        int finite_next = vk + 1 < as->n && as->w[vk + 1].joined && !v->boundary &&
                          as->w[vk + 1].lower &&
                          ((as->w[vk + 1].roles & (F_VERB_SG | F_VERB_PL | F_MODAL)) ||
                           (!as->w[vk + 1].roles && (as->w[vk + 1].cls & (MTC_LX_VERB_S | MTC_LX_VERB_D)) &&
                            !(as->w[vk + 1].cls & ANY_NOUN)));
        if (ing && !contracted_be && !finite_next &&
            !mtc_grammar_closed(as->st->lx, gt, gn)) { /* walk-ing, mak-e, run-n-ing; not bring */
            emit_word(as, em, R_SUBJECT_VERB, vk, NULL,
                      "'%.*s' after the subject '%s' without an auxiliary: a finite verb or a "
                      "form of \"be\" is missing",
                      sg ? "he, she" : "they, we");
            return;
        }
    }
    if (after_subjunctive_cue(as, k))
        return; /* "demanded that he go", "suggested she go" */
    if (k >= 3 && is_word(as, k - 3, "as") && is_word(as, k - 2, "well") && is_word(as, k - 1, "as"))
        return; /* "You as well as he are": the verb agrees with the first */
    size_t n;
    const char *vt = wtext(as, vk, &n);
    char sug[MAX_WORD];
    if (sg && (v->roles & F_VERB_PL) &&
        (!(v->roles & F_SUBJUNCT) || ((v->roles & F_BE) && !counterfactual_before(as, k)))) {
        const char *o = other_aux(vt, n);
        emit_word(as, em, R_SUBJECT_VERB, vk, o, "'%.*s' after a singular subject (%s)",
                  "he, she, it");
        return;
    }
    if (pl && (v->roles & F_VERB_SG)) {
        const char *o = other_aux(vt, n);
        emit_word(as, em, R_SUBJECT_VERB, vk, o, "'%.*s' after a plural subject (%s)",
                  "they, we");
        return;
    }
    if (v->roles & ~F_CLASSLESS)
        return;
    unsigned c = v->cls;
    /* he go: a base form that is nothing but a verb (or a noun, which
     * cannot follow "he"); not an adverb or adjective (he even, she still) */
    /* "he like this place": a base verb that is also an adverb or
     * adjective, right after he or she (certain subjects: "it like" may be
     * "feel it like") and before its object, where only the verb fits */
    int object_next = vk + 1 < as->n && !v->boundary && as->w[vk + 1].joined &&
                      as->w[vk + 1].lower &&
                      (as->w[vk + 1].roles & (F_THE | F_ART | F_OF_DET | F_DET_SG | F_DET_PL | F_OBJ));
    int prep_verb = (p->roles & F_PRON_SG) && (c & MTC_LX_VERB) && object_next &&
                    !(c & (MTC_LX_VERB_S | MTC_LX_VERB_D | MTC_LX_VERB_P | MTC_LX_VERB_G)) &&
                    !(mtc_grammar_closed(as->st->lx, vt, n) & ~MTC_CC_PREP);
    if (sg && (c & MTC_LX_VERB) &&
        ((!(c & (MTC_LX_VERB_S | MTC_LX_VERB_D | MTC_LX_VERB_P | MTC_LX_VERB_G | MTC_LX_ADJ | ANY_ADV)) &&
          mtc_grammar_closed(as->st->lx, vt, n) == 0) ||
         prep_verb)) {
        if (!add_s(as->st, vt, n, MTC_LX_VERB_S, sug, sizeof sug))
            sug[0] = 0;
        emit_word(as, em, R_SUBJECT_VERB, vk, sug, "'%.*s' after a singular subject (%s): the -s form?",
                  "he, she, it");
        return;
    }
    /* they goes: an -s form that is not a plural noun (we parents) */
    if (pl && s_verb_here(as, vk, !is_word(as, k, "they"))) {
        if (!drop_s(as->st, vt, n, MTC_LX_VERB, sug, sizeof sug))
            sug[0] = 0;
        emit_word(as, em, R_SUBJECT_VERB, vk, sug, "'%.*s' after a plural subject (%s): the base form?",
                  "they, we");
    }
}

/* ---- grammar.subject-verb: questions ---- */

/* 1 when the sentence of word k ends with a question mark (closing quotes
 * and brackets aside). */
static int is_question(const ag_sentence *as, size_t k)
{
    const mtc_document *doc = as->doc;
    const mtc_sentence *s = &doc->sentences[mtc_tok_sentence(doc, as->w[k].tok)];
    for (size_t i = s->first_token + s->n_tokens; i > s->first_token; i--) {
        const mtc_token *t = &doc->tokens[i - 1];
        const char *p = mtc_tok_text(doc, t);
        size_t n = mtc_tok_len(t);
        if (t->kind != MTC_TOK_PUNCT)
            return 0;
        if (n == 1 && p[0] == '?')
            return 1;
        int closing = (n == 1 && (p[0] == '"' || p[0] == '\'' || p[0] == ')' || p[0] == ']')) ||
                      (n == 3 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
                       ((unsigned char)p[2] == 0x9D || (unsigned char)p[2] == 0x99));
        if (!closing)
            return 0;
    }
    return 0;
}

/* 1 when word k opens a question: the sentence's first word, or the word
 * after its opening wh-word ("What are ...", "Where does ..."); the
 * sentence must end with "?" (is_question) for the inversion to be one. */
static int opens_question(const ag_sentence *as, size_t k)
{
    static const char *const wh[] = {"what", "where", "when", "why", "how", "who", "which", "whom"};
    if (as->w[k].first)
        return is_question(as, k);
    for (size_t i = 0; k == 1 && i < sizeof wh / sizeof wh[0]; i++)
        if (as->w[0].first && as->w[1].joined && is_word(as, 0, wh[i]))
            return is_question(as, k);
    /* after a coordinator that opens the sentence: "But does you ...?" */
    if (k == 1 && as->w[0].first && !as->w[0].boundary && as->w[1].joined &&
        (is_word(as, 0, "but") || is_word(as, 0, "and") || is_word(as, 0, "or") ||
         is_word(as, 0, "so")))
        return is_question(as, k);
    return 0;
}

/* "Is you crazy?", "Does they know?", "Has she went?", "What are he
 * doing?": a finite auxiliary that opens a question (or follows its
 * wh-word) and the subject pronoun after it disagree. Not "were he" (the
 * inverted subjunctive), "was I", "aren't I", nor "it", which may be an
 * object ("Do it again?"). */
static void check_question(const ag_sentence *as, size_t k, mtc_emitter *em)
{
    const ag_word *a = &as->w[k];
    if (!(a->roles & (F_VERB_SG | F_VERB_PL)) || k + 1 >= as->n || a->boundary)
        return;
    const ag_word *p = &as->w[k + 1];
    if (!opens_question(as, k) || !p->joined || !(p->lower || (p->roles & F_PRON_I)) || !p->roles)
        return;
    size_t n;
    const char *t = wtext(as, k, &n);
    const char *o = other_aux(t, n);
    if (!o)
        return; /* am, had, did */
    const char *subject = NULL;
    if (p->roles & (F_THE | F_OF_DET | F_DET_SG | F_DET_PL)) {
        /* "Does your parents live ...?", "Do the man like you?", "Have the
         * man talked?": a noun-phrase subject of certain number */
        if ((a->roles & F_VERB_SG) && !(p->roles & F_DET_SG) &&
            phrase_head(as, k + 1, plural_subject, 1, 2) != (size_t)-1)
            subject = "a plural subject";
        else if ((a->roles & F_VERB_PL) && !(a->roles & F_SUBJUNCT) && !(p->roles & F_DET_PL) &&
                 phrase_head(as, k + 1, individual_noun, 1, 2) != (size_t)-1)
            subject = "a singular subject";
        if (subject)
            emit_word(as, em, R_SUBJECT_VERB, k, o, "'%.*s' before %s", subject);
        return;
    }
    if ((a->roles & F_VERB_SG) && (p->roles & (F_PRON_PL | F_PRON_YOU)))
        subject = "a plural subject (they, we, you)";
    else if ((a->roles & F_VERB_SG) && (p->roles & F_PRON_I) && !is_word(as, k, "was"))
        subject = "the subject 'I'";
    else if ((a->roles & F_VERB_PL) && (p->roles & F_PRON_SG) && !(a->roles & F_SUBJUNCT))
        subject = "a singular subject (he, she)";
    else if ((a->roles & F_VERB_PL) && (p->roles & F_PRON_I) && is_word(as, k, "are"))
        subject = "the subject 'I'";
    if (!subject)
        return;
    if ((p->roles & F_PRON_I) && (strcmp(o, "are") == 0 || is_word(as, k, "are")))
        o = "am";
    emit_word(as, em, R_SUBJECT_VERB, k, o, "'%.*s' before %s", subject);
}

/* ---- grammar.subject-verb: "these" and "those" as subjects ---- */

/* "These includes the ring", "Those two is nice": a plural demonstrative
 * standing for its noun (a numeral may follow it) that opens a clause, and
 * a singular verb after it. */
static void check_demonstrative(const ag_sentence *as, size_t k, mtc_emitter *em)
{
    static const char *const numerals[] = {"two", "three", "four", "five", "six", "seven",
                                           "eight", "nine", "ten", "few"};
    if (is_word(as, k, "this") && clause_start(as, k) && !as->w[k].boundary && k + 1 < as->n &&
        as->w[k + 1].joined && as->w[k + 1].lower && (as->w[k + 1].roles & F_VERB_PL) &&
        !(as->w[k + 1].roles & F_SUBJUNCT)) {
        size_t n;
        const char *vt = wtext(as, k + 1, &n);
        if (other_aux(vt, n)) /* "This are errors" */
            emit_word(as, em, R_SUBJECT_VERB, k + 1, other_aux(vt, n),
                      "'%.*s' after a singular subject (%s)", "this");
        return;
    }
    if (!(is_word(as, k, "these") || is_word(as, k, "those")) || !clause_start_any(as, k) ||
        as->w[k].boundary)
        return;
    size_t j = k + 1;
    for (size_t i = 0; j < as->n && i < sizeof numerals / sizeof numerals[0]; i++)
        if (as->w[j].joined && is_word(as, j, numerals[i]) && !as->w[j].boundary) {
            j++;
            break;
        }
    if (j >= as->n || !as->w[j].joined || !as->w[j].lower)
        return;
    const ag_word *v = &as->w[j];
    size_t n;
    const char *vt = wtext(as, j, &n);
    char sug[MAX_WORD];
    if ((v->roles & F_VERB_SG) && other_aux(vt, n)) {
        emit_word(as, em, R_SUBJECT_VERB, j, other_aux(vt, n), "'%.*s' after a plural subject (%s)",
                  "these, those");
    } else if (!(v->roles & ~F_CLASSLESS) && only_s_verb(v->cls) && !(v->cls & ANY_NOUN)) {
        if (!drop_s(as->st, vt, n, MTC_LX_VERB, sug, sizeof sug))
            sug[0] = 0;
        emit_word(as, em, R_SUBJECT_VERB, j, sug,
                  "'%.*s' after a plural subject (%s): the base form?", "these, those");
    }
}

/* ---- grammar.subject-verb: there is / there are ---- */

/* "there is many", "there are problem."; contracted ("there's secrets")
 * and inverted in a question ("was there bugs?", "are there problem?"). */
/* Between word k and word k + 1 stands one number in digits, greater than
 * one (5, 20, 1,000), single spaces on both sides: "is 5 men". */
static int number_between(const ag_sentence *as, size_t k)
{
    if (k + 1 >= as->n || as->w[k].boundary || as->w[k + 1].tok != as->w[k].tok + 2)
        return 0;
    const mtc_document *doc = as->doc;
    const mtc_token *a = &doc->tokens[as->w[k].tok], *m = &doc->tokens[as->w[k].tok + 1],
                    *b = &doc->tokens[as->w[k + 1].tok];
    if (m->kind != MTC_TOK_NUMBER || a->end + 1 != m->start || m->end + 1 != b->start ||
        doc->text[a->end] != ' ' || doc->text[m->end] != ' ')
        return 0;
    const char *t = mtc_tok_text(doc, m);
    size_t n = mtc_tok_len(m);
    size_t digits = 0;
    for (size_t i = 0; i < n; i++) {
        if (mtc_ascii_is_digit((unsigned char)t[i]))
            digits++;
        else if (t[i] != ',' || i == 0)
            return 0; /* 3.5, 5km, 3% */
    }
    return digits > 0 && !(n == 1 && (t[0] == '0' || t[0] == '1'));
}

/* A plural noun of measure or time that an amount may take as one
 * ("there is 5 minutes left", "10 years"): the lexicon has no such class,
 * so the units of time, money and measure English treats this way. */
static int unit_noun(const ag_sentence *as, size_t k)
{
    static const char *const units[] = {
        "seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "centuries",
        "dollars", "euros", "pounds", "yuan", "cents", "percent", "points", "miles", "kilometres",
        "kilometers", "metres", "meters", "feet", "inches", "yards", "tons", "tonnes", "kilograms",
        "grams", "litres", "liters", "gallons", "degrees"};
    for (size_t i = 0; i < sizeof units / sizeof *units; i++)
        if (is_word(as, k, units[i]))
            return 1;
    return 0;
}

static void check_there(const ag_sentence *as, size_t k, mtc_emitter *em)
{
    size_t n0;
    wtext(as, k, &n0);
    size_t vi, d; /* the verb, and the word the subject's phrase follows */
    /* "there're": the contraction of "there are" */
    int are = is_word(as, k, "there're") || is_word(as, k, "there’re");
    if (n0 > 5) { /* there's, there’s, there're */
        if (!clause_start(as, k))
            return;
        vi = d = k;
    } else if (k > 0 && as->w[k].joined && !as->w[k - 1].boundary && (as->w[k - 1].roles & F_BE) &&
               clause_start(as, k - 1) && !after_aux(as, k - 1)) {
        vi = k - 1; /* "was there bugs?" */
        d = k;
    } else {
        if (!clause_start(as, k))
            return;
        vi = d = k + 1;
    }
    if (d + 1 >= as->n)
        return;
    const ag_word *v = &as->w[vi], *x = &as->w[d + 1];
    if (number_between(as, d) && ((vi == k && !are) || (v->roles & F_VERB_SG)) &&
        (vi != k + 1 || v->joined) &&
        !(vi != d && as->w[vi].boundary)) {
        /* "there is 5 men": a number greater than one before a plural noun
         * that is no unit of measure or time ("there is $5 million left",
         * "there was 10 years of war": one amount) */
        if (plural_subject(x, 1) && !unit_noun(as, d + 1)) {
            size_t n = 0;
            const char *vt = wtext(as, vi, &n);
            const char *o = vi == k ? "there are" : other_aux(vt, n);
            if (o)
                emit_word(as, em, R_SUBJECT_VERB, vi, o, "'%.*s' before a plural subject (%s)",
                          "there is/are");
        }
        return;
    }
    if (!x->joined || !x->checkable || as->w[d].boundary || (vi != d && as->w[vi].boundary) ||
        (vi == k + 1 && !v->joined))
        return;
    size_t n;
    const char *vt = wtext(as, vi, &n);
    const char *o = vi == k && n0 > 5 ? (are ? "there is" : "there are") : other_aux(vt, n);
    if (!o || (vi != k && !(v->roles & F_BE)))
        return;
    int sg = (vi == k && !are) || (v->roles & F_VERB_SG) != 0;
    size_t xn;
    const char *xt = wtext(as, d + 1, &xn);
    int both = xn == 4 && mtc_ascii_tolower((unsigned char)xt[0]) == 'b'; /* there is both X and Y */
    /* an irregular plural that is also a rare singular: "there is people" */
    int irregular_plural = x->lower && !x->roles && (x->cls & MTC_LX_PLURAL) &&
                           !(x->cls & (MTC_LX_MASS | ANY_ADJ)) && xn > 3 && xt[xn - 1] != 's' &&
                           (phrase_ends(as, d + 1) ||
                            (d + 2 < as->n && as->w[d + 2].joined && as->w[d + 2].lower &&
                             !as->w[d + 2].roles && (as->w[d + 2].cls & MTC_LX_VERB_G)));
    /* ... "there's people helping out": an -ing form after it */
    /* "there's lots of time", "there is dozens of": a quantity noun before
     * "of" agrees with what it counts */
    if (sg && (x->cls & MTC_LX_COLLECTIVE) && d + 2 < as->n && (as->w[d + 2].roles & F_OF))
        return;
    /* "there was no grounds", "there is some problems": "no" and "some"
     * take either number, so the noun decides */
    int either = is_word(as, d + 1, "no") || is_word(as, d + 1, "some");
    if (sg && (((x->roles & F_DET_PL) && !both) || irregular_plural ||
               phrase_head(as, d, plural_noun, 1, 0) == d + 1 ||
               (either && phrase_head(as, d + 1, plural_noun, 1, 1) != (size_t)-1))) {
        /* "there is many ...", "there is problems." */
        emit_word(as, em, R_SUBJECT_VERB, vi, o, "'%.*s' before a plural subject (%s)",
                  "there is/are");
    } else if (!sg && (x->roles & F_ART) && d + 2 < as->n) {
        /* "there are a problem with": not "there are a number of", "a lot
         * of", "a few" */
        size_t h = phrase_head(as, d + 1, singular_noun, 1, 2);
        if (h != (size_t)-1 && !(h + 1 < as->n && (as->w[h + 1].roles & F_OF)))
            emit_word(as, em, R_SUBJECT_VERB, vi, o, "'%.*s' before a singular subject (%s)",
                      "there is/are");
    } else if (!sg && phrase_head(as, d, singular_noun, 1, 0) == d + 1) {
        /* "there are problem." (not "there are another five", "there are
         * much fewer") */
        emit_word(as, em, R_SUBJECT_VERB, vi, o, "'%.*s' before a singular subject (%s)",
                  "there is/are");
    }
}

/* ---- determiner and noun; determiner, noun and verb ---- */

/* The word after the subject's head h: h + 1, or past one prepositional
 * phrase that follows it ("the dogs of war | is", "many users in Asia |
 * wants"): a preposition (not "to"), at most one determiner, two
 * adjectives and two nouns or names, all adjacent. (size_t)-1 when a
 * preposition follows but no such phrase. */
static size_t after_head(const ag_sentence *as, size_t h)
{
    size_t j = h + 1;
    if (j >= as->n || as->w[h].boundary || !as->w[j].joined || !as->w[j].lower)
        return j;
    const mtc_token *pt = &as->doc->tokens[as->w[j].tok];
    int prep = (as->w[j].roles & F_OF) ||
               (!as->w[j].roles && (mtc_grammar_closed_tok(as->st->lx, as->doc, pt) & MTC_CC_PREP));
    if (!prep)
        return j;
    size_t m = j + 1;
    if (m < as->n && as->w[m].joined && (as->w[m].roles & (F_THE | F_ART | F_OF_DET | F_DET_SG | F_DET_PL)))
        m++;
    for (size_t adj = 0; adj < 2 && m < as->n && as->w[m].joined && pure_adjective(&as->w[m]); adj++)
        m++;
    size_t nouns = 0;
    while (nouns < 2 && m < as->n && as->w[m].joined && !as->w[m - 1].boundary &&
           !(as->w[m].roles & ~F_CLASSLESS) &&
           ((as->w[m].lower && (as->w[m].cls & ANY_NOUN) && !(as->w[m].cls & MTC_LX_ANY_VERB & ~MTC_LX_VERB)) ||
            (!as->w[m].lower && as->w[m].tok < as->doc->n_tokens &&
             (as->doc->tokens[as->w[m].tok].flags & MTC_TF_INITIAL_UPPER)))) {
        nouns++;
        m++;
    }
    if (nouns == 0 || as->w[m - 1].boundary)
        return (size_t)-1;
    return m;
}

/* 1 when a finite verb comes before word k in the sentence: an auxiliary or
 * modal, or a past or -s form that is no noun. */
static int finite_verb_before(const ag_sentence *as, size_t k)
{
    for (size_t i = 0; i < k; i++) {
        const ag_word *w = &as->w[i];
        if (w->roles & (F_VERB_SG | F_VERB_PL | F_MODAL | F_PERF | F_DO))
            return 1;
        if (w->lower && !w->roles && (w->cls & (MTC_LX_VERB_S | MTC_LX_VERB_D)) &&
            !(w->cls & (ANY_NOUN | ANY_ADJ)))
            return 1;
    }
    return 0;
}

static void check_determiner(const ag_sentence *as, size_t k, mtc_emitter *em)
{
    const ag_word *d = &as->w[k];
    char sug[MAX_WORD];
    size_t n;
    if (d->roles & (F_DET_PL | F_DET_SG | F_DET_MASS)) {
        if (k > 0 && as->w[k].joined && (as->w[k - 1].roles & F_ART))
            return; /* "a few" */
    }
    if (d->roles & F_DET_PL) {
        /* after a preposition, "have" or "be" the determiner is no subject
         * pronoun, so the next word is no verb ("in several book", "have
         * many country"); elsewhere "many say" is a pronoun and its verb */
        int object = 0; /* not "both", which floats: "they are both fine" */
        if (k > 0 && d->joined && as->w[k - 1].lower && !is_word(as, k, "both")) {
            const ag_word *pv = &as->w[k - 1];
            unsigned cc = mtc_grammar_closed_tok(as->st->lx, as->doc, &as->doc->tokens[pv->tok]);
            object = (cc & MTC_CC_PREP) || (pv->roles & (F_PERF | F_BE));
        }
        size_t h = phrase_head(as, k, singular_noun, object, 2);
        /* in an object's place a mass noun cannot follow either ("I have
         * many wine", "there are several red wine"): the determiner needs
         * a plural */
        if (h == (size_t)-1 && object) {
            h = phrase_head(as, k, singular_or_mass_noun, 1, 2);
            /* every word of the phrase open-class ("those on fire": "on"
             * is no adjective), and the phrase ends at a mark or a function
             * word, not at another noun's modifier ("these information hot
             * lines") */
            for (size_t m = k + 1; h != (size_t)-1 && m <= h; m++) {
                size_t mn;
                const char *mt = wtext(as, m, &mn);
                if (mtc_grammar_closed(as->st->lx, mt, mn))
                    h = (size_t)-1;
            }
            if (h != (size_t)-1 && !as->w[h].boundary && h + 1 < as->n && !as->w[h + 1].roles &&
                !mtc_grammar_closed_tok(as->st->lx, as->doc, &as->doc->tokens[as->w[h + 1].tok]))
                h = (size_t)-1;
        }
        /* "these book is": an auxiliary after it, so "book" is no verb */
        if (h == (size_t)-1 && k + 2 < as->n && as->w[k + 2].joined &&
            (as->w[k + 2].roles & (F_VERB_SG | F_VERB_PL | F_MODAL)) &&
            phrase_head(as, k, singular_noun, 1, 0) == k + 1)
            h = k + 1;
        /* "both child love my mother": a base verb with its object after it */
        if (h == (size_t)-1 && k + 3 < as->n && as->w[k + 2].joined && as->w[k + 3].joined &&
            !as->w[k + 1].boundary && !as->w[k + 2].boundary && as->w[k + 2].lower &&
            !as->w[k + 2].roles && (as->w[k + 2].cls & MTC_LX_VERB) &&
            !(as->w[k + 2].cls & (MTC_LX_PLURAL | MTC_LX_VERB_S)) &&
            (as->w[k + 3].roles & (F_OBJ | F_OF_DET | F_THE | F_ART)) && as->w[k + 1].joined &&
            singular_noun(&as->w[k + 1], 0))
            h = k + 1;
        if (h != (size_t)-1) {
            const char *t = wtext(as, h, &n);
            if (!add_s(as->st, t, n, MTC_LX_PLURAL, sug, sizeof sug))
                sug[0] = 0;
            emit_word(as, em, R_DET_NUMBER, h, sug, "singular '%.*s' after a plural determiner (%s)",
                      "these, many, several, both");
            return;
        }
    }
    if (d->roles & (F_DET_SG | F_DET_MASS | F_ART)) {
        /* "much larger cities": "much" is an adverb there; no adjectives */
        size_t h = phrase_head(as, k, plural_noun, (d->roles & F_ART) != 0,
                               (d->roles & F_DET_MASS) ? 0 : 2);
        /* "this rules are": an auxiliary after it, so "rules" is no verb */
        if (h == (size_t)-1 && (d->roles & F_DET_SG) && k + 2 < as->n && as->w[k + 2].joined &&
            (as->w[k + 2].roles & (F_VERB_SG | F_VERB_PL | F_MODAL)) &&
            phrase_head(as, k, plural_noun, 1, 0) == k + 1)
            h = k + 1;
        if (h != (size_t)-1) {
            const char *t = wtext(as, h, &n);
            if (!drop_s(as->st, t, n, (d->roles & F_DET_MASS) ? MTC_LX_NOUN : MTC_LX_COUNT, sug,
                        sizeof sug))
                sug[0] = 0;
            emit_word(as, em, R_DET_NUMBER, h, sug, "plural '%.*s' after a singular determiner (%s)",
                      "this, each, every, much, a");
            return;
        }
    }
    /* many information, these equipment: a plural determiner before a noun
     * that has no plural (a mass noun that is nothing else); not "both",
     * which may pair two mass nouns ("both money and time") */
    if ((d->roles & F_DET_PL) && !is_word(as, k, "both") && k + 1 < as->n) {
        const ag_word *w = &as->w[k + 1];
        if (w->joined && w->lower && !(w->roles & ~F_CLASSLESS) && (w->cls & MTC_LX_MASS) &&
            !(w->cls & (MTC_LX_COUNT | MTC_LX_PLURAL | ANY_VERB | ANY_ADJ | ANY_ADV)) &&
            (phrase_ends(as, k + 1) ||
             (k + 2 < as->n && as->w[k + 2].lower && as->w[k + 2].cls &&
              !(as->w[k + 2].cls & ANY_NOUN)))) {
            /* not a modifier: "many information systems" */
            const char *t = wtext(as, k + 1, &n);
            if (!mtc_grammar_closed(as->st->lx, t, n)) {
                emit_word(as, em, R_DET_NUMBER, k + 1, NULL,
                          "'%.*s' after a plural determiner: %s has no plural",
                          "an uncountable noun");
                return;
            }
        }
    }
    /* a informations, these advices: the plural of a mass noun, a word of
     * neither source, after any determiner */
    if ((d->roles & (F_DET_PL | F_DET_SG | F_DET_MASS | F_ART | F_THE)) && k + 1 < as->n) {
        const ag_word *w = &as->w[k + 1];
        const char *t = wtext(as, k + 1, &n);
        if (w->joined && w->lower && w->cls == 0 && n > 4 && t[n - 1] == 's' && phrase_ends(as, k + 1) &&
            drop_s(as->st, t, n, MTC_LX_MASS, sug, sizeof sug)) {
            unsigned sc = mtc_grammar_open_all(as->st->lx, sug, strlen(sug));
            if (!(sc & (MTC_LX_COUNT | MTC_LX_PLURAL))) {
                emit_word(as, em, R_DET_NUMBER, k + 1, sug, "'%.*s': %s has no plural",
                          "an uncountable noun");
                return;
            }
        }
    }
    /* these problems is / each country have: the verb after the noun, where
     * the noun phrase opens a clause (not "the work of the rescuers is") */
    if (!clause_start(as, k))
        return;
    /* after "and"/"or" a clause starts only when one has ended: a finite
     * verb before it ("any resemblance between the above and my views is":
     * two noun phrases) */
    if (k > 0 && (as->w[k - 1].roles & F_COORD) && !finite_verb_before(as, k - 1))
        return;
    int pl = (d->roles & F_DET_PL) != 0, sg = (d->roles & F_DET_SG) != 0;
    if (d->roles & (F_THE | F_OF_DET))
        pl = 1; /* the problems is, our people is (not "the team are": collective nouns) */
    if (!pl && !sg)
        return;
    size_t h = phrase_head(as, k, pl ? plural_subject : singular_noun, 1, 2);
    if (h == (size_t)-1 && (d->roles & F_THE)) {
        /* "the dog are": a singular noun of one thing and a plural auxiliary */
        size_t h1 = phrase_head(as, k, individual_noun, 1, 2);
        if (h1 == (size_t)-1 || h1 + 1 >= as->n || as->w[h1].boundary)
            return;
        size_t vi = after_head(as, h1);
        if (vi == (size_t)-1 || vi >= as->n)
            return;
        const ag_word *v = &as->w[vi];
        const char *vt = wtext(as, vi, &n);
        const char *o = other_aux(vt, n);
        if (v->joined && v->lower && (v->roles & F_VERB_PL) && !(v->roles & F_SUBJUNCT) && o)
            emit_word(as, em, R_SUBJECT_VERB, vi, o, "'%.*s' after a singular subject (%s)",
                      "the + a singular noun");
        return;
    }
    if (h == (size_t)-1 || h + 1 >= as->n || as->w[h].boundary)
        return;
    size_t vi = after_head(as, h);
    if (vi == (size_t)-1 || vi >= as->n)
        return;
    const ag_word *v = &as->w[vi];
    if (!v->joined || !v->lower)
        return;
    const char *vt = wtext(as, vi, &n);
    const char *o = other_aux(vt, n);
    if (pl && (v->roles & F_VERB_SG) && o)
        emit_word(as, em, R_SUBJECT_VERB, vi, o, "'%.*s' after a plural subject (%s)",
                  "a plural noun");
    else if (pl && !v->roles && (v->cls & MTC_LX_VERB_S) &&
             !(v->cls & (MTC_LX_NOUN | MTC_LX_COUNT | MTC_LX_PLURAL | MTC_LX_MASS | MTC_LX_VERB |
                         MTC_LX_VERB_D | MTC_LX_VERB_P | MTC_LX_VERB_G | ANY_ADJ | ANY_ADV)) &&
             !mtc_grammar_closed(as->st->lx, vt, n)) {
        /* "the students goes": an -s form that is nothing but a verb */
        char vs[MAX_WORD];
        if (!drop_s(as->st, vt, n, MTC_LX_VERB, vs, sizeof vs))
            vs[0] = 0;
        emit_word(as, em, R_SUBJECT_VERB, vi, vs, "'%.*s' after a plural subject (%s): the base form?",
                  "a plural noun");
    }
    else if (sg && (v->roles & F_VERB_PL) && !(v->roles & F_SUBJUNCT) && o)
        emit_word(as, em, R_SUBJECT_VERB, vi, o, "'%.*s' after a singular subject (%s)",
                  "this, each, every");
}

/* ---- a bare plural subject ---- */

/* "where gases prevents", "that prices has risen", "some people thinks",
 * "people who has": a plural noun without a determiner opening a clause (a
 * relative "who"/"that" after an irregular plural allowed) and a singular
 * or -s verb after it. A plural that can also be an -s verb only after a
 * subordinating conjunction ("what matters is", "that counts is": the verb
 * of a pronoun subject); not after "and"/"or" before any verb ("the number
 * of cars and trucks is"), not capitalised (a surname: "Brooks is"). */
static void check_bare_plural(const ag_sentence *as, size_t k, mtc_emitter *em)
{
    static const char *const conj[] = {"where", "when", "because", "if", "while", "since",
                                       "although", "though", "unless", "until", "whereas",
                                       "once"};
    const ag_word *w = &as->w[k];
    if (k == 0 || !w->lower || w->roles || w->boundary || k + 1 >= as->n || !plural_subject(w, 1))
        return;
    int after_conj = 0;
    for (size_t i = 0; i < sizeof conj / sizeof *conj; i++)
        after_conj |= w->joined && is_word(as, k - 1, conj[i]);
    if (after_conj && k >= 2 && as->w[k - 1].joined) {
        /* "the series of if statements": the conjunction names itself */
        const ag_word *b = &as->w[k - 2];
        unsigned bc = mtc_grammar_closed_tok(as->st->lx, as->doc, &as->doc->tokens[b->tok]);
        if ((bc & (MTC_CC_PREP | MTC_CC_DET | MTC_CC_ART)) || (b->roles & (F_OF | F_THE | F_ART)))
            return;
    }
    int some = w->joined && is_word(as, k - 1, "some") && clause_start(as, k - 1);
    /* a relative pronoun after the plural agrees with it wherever the
     * phrase stands ("looking for people who has"), but "one of the ... who
     * has" is disputed usage */
    int relative = k + 2 < as->n && (is_word(as, k + 1, "who") || is_word(as, k + 1, "that")) &&
                   as->w[k + 1].joined && !w->boundary && !as->w[k + 1].boundary;
    for (size_t b = k; relative && b > 0 && b + 4 > k; b--)
        if (is_word(as, b - 1, "one"))
            relative = 0;
    /* the antecedent may be another noun: a coordinated plural ("suns and
     * lands that"), or one inside a phrase that modifies a noun ("the
     * dedication to sports that enables", "a size in 4-byte units that
     * is"). The plural is the antecedent when a determiner or a verb stands
     * right before it ("the firms that", "hire workers who"), or a
     * preposition after a verb ("looking for people who") */
    if (relative) {
        const ag_word *x = w->joined ? &as->w[k - 1] : NULL;
        unsigned xc = x ? mtc_grammar_closed_tok(as->st->lx, as->doc, &as->doc->tokens[x->tok]) : 0;
        const unsigned verb = MTC_LX_VERB | MTC_LX_VERB_S | MTC_LX_VERB_D | MTC_LX_VERB_G;
        const unsigned noun = MTC_LX_NOUN | MTC_LX_COUNT | MTC_LX_PLURAL | MTC_LX_MASS;
        int ok = 0;
        if (x && !x->boundary) {
            if (x->roles & (F_THE | F_OF_DET | F_DET_PL))
                ok = 1;
            else if (x->lower && !x->roles && !xc && (x->cls & verb) && !(x->cls & noun))
                ok = 1;
            else if ((xc & MTC_CC_PREP) && !(x->roles & F_OF) && k >= 2 && x->joined) {
                const ag_word *h = &as->w[k - 2];
                ok = h->lower && !h->boundary && (h->cls & verb) && !(h->cls & noun);
            }
        }
        /* "how many bits that is": "that" is the subject there */
        for (size_t b = k, steps = 0; ok && b > 0 && steps < 3; b--, steps++)
            if (is_word(as, k + 1, "that") &&
                (is_word(as, b - 1, "how") || is_word(as, b - 1, "what") || is_word(as, b - 1, "which")))
                ok = 0;
        relative = ok;
    }
    if (!after_conj && !some && !relative && !clause_start_any(as, k))
        return;
    /* a plural that can be an -s verb is the relative's antecedent only
     * right after its determiner ("the firms that makes"; not "the man
     * scarce lives who is") */
    if ((w->cls & MTC_LX_VERB_S) && relative && !after_conj &&
        !(w->joined && (as->w[k - 1].roles & (F_THE | F_OF_DET | F_DET_PL))))
        return;
    if ((w->cls & MTC_LX_VERB_S) && !after_conj && !relative)
        return;
    if ((as->w[k - 1].roles & F_COORD) && !finite_verb_before(as, k - 1))
        return;
    size_t j = relative ? k + 2 : k + 1;
    const ag_word *v = &as->w[j];
    if (!v->joined || !v->lower)
        return;
    size_t n;
    const char *vt = wtext(as, j, &n);
    const char *o = other_aux(vt, n);
    char sug[MAX_WORD];
    if ((v->roles & F_VERB_SG) && o) {
        emit_word(as, em, R_SUBJECT_VERB, j, o, "'%.*s' after a plural subject (%s)", "a plural noun");
    } else if (!(v->roles & ~F_CLASSLESS) && only_s_verb(v->cls) && !(v->cls & ANY_NOUN) &&
               !mtc_grammar_closed(as->st->lx, vt, n)) {
        if (!drop_s(as->st, vt, n, MTC_LX_VERB, sug, sizeof sug))
            sug[0] = 0;
        emit_word(as, em, R_SUBJECT_VERB, j, sug, "'%.*s' after a plural subject (%s): the base form?",
                  "a plural noun");
    }
}

/* ---- one of the ... ---- */

/* "one hours", "one hexagons": the numeral before a plural noun (not "the
 * one students like", "no one", "one of"). */
static void check_one_plural(const ag_sentence *as, size_t k, mtc_emitter *em)
{
    if (!is_word(as, k, "one") || k + 1 >= as->n || as->w[k].boundary || !as->w[k + 1].joined)
        return;
    if (k > 0 && as->w[k].joined &&
        ((as->w[k - 1].roles & (F_THE | F_ART | F_OF_DET | F_DET_SG | F_DET_PL)) ||
         is_word(as, k - 1, "no") || is_word(as, k - 1, "any") || is_word(as, k - 1, "that")))
        return;
    const ag_word *w = &as->w[k + 1];
    if (!plural_noun(w, 0) || !phrase_ends(as, k + 1))
        return;
    size_t n;
    const char *t = wtext(as, k + 1, &n);
    char sug[MAX_WORD];
    if (!drop_s(as->st, t, n, MTC_LX_COUNT, sug, sizeof sug))
        sug[0] = 0;
    emit_word(as, em, R_DET_NUMBER, k + 1, sug, "plural '%.*s' after %s", "\"one\"");
}

static void check_one_of(const ag_sentence *as, size_t k, mtc_emitter *em)
{
    if (k + 3 >= as->n || !as->w[k + 1].joined || !(as->w[k + 1].roles & F_OF) ||
        !as->w[k + 2].joined || !(as->w[k + 2].roles & F_OF_DET) || as->w[k].boundary ||
        as->w[k + 1].boundary)
        return;
    if (k > 0 && as->w[k].joined && (as->w[k - 1].roles & (F_THE | F_ART | F_OF_DET)))
        return; /* "the one of the ..." */
    char sug[MAX_WORD];
    size_t n;
    /* "one of the ...", "each of the ...": the phrase as the message names it */
    char what[32], subject[16];
    size_t qn;
    const char *q = wtext(as, k, &qn);
    snprintf(what, sizeof what, "\"%.*s of the ...\"", (int)(qn < 8 ? qn : 8), q);
    snprintf(subject, sizeof subject, "%.*s", (int)(qn < 8 ? qn : 8), q);
    for (char *c = subject; *c; c++)
        *c = (char)mtc_ascii_tolower((unsigned char)*c);
    size_t h = phrase_head(as, k + 2, singular_noun, 1, 2);
    if (h != (size_t)-1) {
        const char *t = wtext(as, h, &n);
        if (!add_s(as->st, t, n, MTC_LX_PLURAL, sug, sizeof sug))
            sug[0] = 0;
        emit_word(as, em, R_DET_NUMBER, h, sug, "singular '%.*s' after %s", what);
        return;
    }
    /* a noun modifier before the head: "one of the car park", "one of the
     * best graphics tutorial"; a head that can be a verb only before a
     * punctuation mark or the end ("one of the staff work hard": a verb) */
    size_t m = k + 3;
    for (size_t adj = 0; adj < 2 && m < as->n && as->w[m].joined && !as->w[m - 1].boundary &&
                         (pure_adjective(&as->w[m]) || superlative_adjective(as, &as->w[m]));
         adj++)
        m++;
    if (m + 1 < as->n && as->w[m].joined && as->w[m].lower && !as->w[m].roles &&
        !as->w[m - 1].boundary && !as->w[m].boundary && (as->w[m].cls & (MTC_LX_NOUN | MTC_LX_COUNT | MTC_LX_PLURAL)) &&
        !(as->w[m].cls & (MTC_LX_VERB_S | MTC_LX_VERB_D | MTC_LX_VERB_G | ANY_ADJ)) &&
        as->w[m + 1].joined && singular_noun(&as->w[m + 1], 1) && phrase_ends(as, m + 1) &&
        (!(as->w[m + 1].cls & MTC_LX_ANY_VERB) || as->w[m + 1].boundary || m + 2 == as->n)) {
        const char *t = wtext(as, m + 1, &n);
        if (!add_s(as->st, t, n, MTC_LX_PLURAL, sug, sizeof sug))
            sug[0] = 0;
        emit_word(as, em, R_DET_NUMBER, m + 1, sug, "singular '%.*s' after %s", what);
        return;
    }
    h = phrase_head(as, k + 2, plural_noun, 1, 2);
    if (h == (size_t)-1 || h + 1 >= as->n || as->w[h].boundary)
        return;
    const ag_word *v = &as->w[h + 1];
    const char *vt = wtext(as, h + 1, &n);
    const char *o = other_aux(vt, n);
    if (v->joined && v->lower && (v->roles & F_VERB_PL) && !(v->roles & F_SUBJUNCT) && o) {
        mtc_issue *is = mtc_emit(em, R_SUBJECT_VERB, MTC_SEV_DEFAULT,
                                 as->doc->tokens[v->tok].start, as->doc->tokens[v->tok].end,
                                 "'%.*s' after %s: the subject is '%s'", (int)n, vt, what, subject);
        mtc_issue_suggest(is, o, strlen(o));
    }
}

/* ---- grammar.verb-form ---- */

/* The base form of a finite auxiliary (is, was, has, does...): "be",
 * "have", "do"; NULL for anything else (a base form, a modal). */
static const char *aux_base(const char *w, size_t n)
{
    static const char *const forms[][2] = {
        {"is", "be"},    {"are", "be"},   {"was", "be"},  {"were", "be"}, {"am", "be"},
        {"has", "have"}, {"had", "have"}, {"does", "do"}, {"did", "do"},
    };
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        if (strlen(forms[i][0]) == n && memcmp(w, forms[i][0], n) == 0)
            return forms[i][1];
    return NULL;
}

/* After a form of "have" (perfect) word j: an irregular past whose verb
 * has a participle of its own ("has went", "had wrote": the lexicon's x);
 * no base form, participle, noun or adjective reading ("had broke" is
 * also slang for poor; "has got" is English: got's role "part"). */
static void check_perfect(const ag_sentence *as, size_t k, mtc_emitter *em)
{
    size_t j = k + 1;
    if (j + 1 < as->n && as->w[j].joined && !as->w[k].boundary &&
        (as->w[j].roles & (F_PRON_SG | F_PRON_PL | F_PRON_IT | F_PRON_I | F_PRON_YOU)) &&
        opens_question(as, k))
        j++; /* "Have you went?", "What have they did?" */
    /* has never went, had already went, have not always wrote */
    for (int skip = 0; skip < 2 && j < as->n && as->w[j].joined && !as->w[j - 1].boundary &&
                       ((!as->w[j].roles && mid_adverb(&as->w[j])) || is_word(as, j, "not"));
         skip++)
        j++;
    if (j >= as->n || !as->w[j].joined || !as->w[j].lower || as->w[j - 1].boundary)
        return;
    if (as->w[j].roles & ~F_CLASSLESS) {
        if ((as->w[j].roles & F_DO) && is_word(as, j, "did")) /* "have you did" */
            emit_word(as, em, R_VERB_FORM, j, "done", "'%.*s' after %s: the past participle?",
                      "a form of \"have\"");
        return;
    }
    unsigned c = as->w[j].cls;
    size_t n;
    const char *vt = wtext(as, j, &n);
    if ((c & MTC_LX_PAST_ONLY) &&
        !(c & (MTC_LX_VERB | MTC_LX_VERB_P | MTC_LX_VERB_G | MTC_LX_VERB_S | ANY_NOUN | ANY_ADJ)) &&
        !mtc_grammar_closed(as->st->lx, vt, n)) {
        emit_word(as, em, R_VERB_FORM, j, NULL, "'%.*s' after %s: the past participle?",
                  "a form of \"have\"");
        return;
    }
    /* "have modify", "must have write": a base form that is nothing else
     * (no noun, adjective or adverb reading: "have work", "have like") and
     * not its own participle (have come, have become) */
    /* a noun after it makes it a modifier: "have write permission", "has
     * restart markers" */
    int modifier = j + 1 < as->n && !as->w[j].boundary && as->w[j + 1].joined &&
                   as->w[j + 1].lower && !as->w[j + 1].roles && (as->w[j + 1].cls & ANY_NOUN);
    if ((c & MTC_LX_BASE_NOT_PART) && !modifier &&
        !(c & (MTC_LX_VERB_S | MTC_LX_VERB_D | MTC_LX_VERB_P | MTC_LX_VERB_G | ANY_NOUN | ANY_ADJ |
               ANY_ADV)) &&
        !mtc_grammar_closed(as->st->lx, vt, n)) {
        char sug[MAX_WORD];
        if (!add_ed(as->st, vt, n, sug, sizeof sug))
            sug[0] = 0;
        emit_word(as, em, R_VERB_FORM, j, sug, "'%.*s' after %s: the past participle?",
                  "a form of \"have\"");
    }
}

/* After a form of "do" (do-support) the base form: "didn't went", "does
 * not knows", "did they forked", and in a question "does she likes". */
/* 1 when word k ends in n't (straight or curly apostrophe): don't, didn’t. */
static int contracted_not(const ag_sentence *as, size_t k)
{
    size_t n;
    const char *t = wtext(as, k, &n);
    return n > 3 && t[n - 1] == 't' && (t[n - 2] == '\'' || (unsigned char)t[n - 2] == 0x99);
}

static void check_do(const ag_sentence *as, size_t k, mtc_emitter *em)
{
    size_t j = k + 1;
    /* "Nothing he did helped", "the work they did won": "did" is the verb
     * of a relative clause after its own subject, the next verb the main one */
    if (k >= 2 && as->w[k].joined && as->w[k - 1].joined &&
        (as->w[k - 1].roles & (F_PRON_SG | F_PRON_PL | F_PRON_IT | F_PRON_I | F_PRON_YOU)) &&
        (as->w[k - 2].cls & ANY_NOUN))
        return;
    int det = j < as->n && (as->w[j].roles & (F_THE | F_ART | F_OF_DET | F_DET_SG | F_DET_PL));
    /* a bare noun phrase: "Does memory usage grows?", "What does
     * manipulations means?" (a noun that is no verb, not a pronoun) */
    int bare = j < as->n && !det && as->w[j].lower && !as->w[j].roles &&
               (as->w[j].cls & ANY_NOUN) && !(as->w[j].cls & (ANY_VERB | ANY_ADV)) &&
               !mtc_grammar_closed_tok(as->st->lx, as->doc, &as->doc->tokens[as->w[j].tok]);
    if (j < as->n && as->w[j].joined && !as->w[k].boundary && (det || bare) && opens_question(as, k)) {
        /* "Did the application worked?", "Does your memory usage grows?":
         * a noun phrase subject, then the first word that can only be a
         * finite verb */
        for (size_t m = j + 1; m < as->n && m <= j + 3; m++) {
            const ag_word *x = &as->w[m];
            if (!x->joined || !x->lower || as->w[m - 1].boundary || (x->roles & ~F_CLASSLESS))
                return;
            unsigned c = x->cls;
            /* the end of the question, or an object or adverb after it: not
             * a participle modifying the noun ("Did a man called Daffodil
             * come?") */
            int ends = x->boundary || m + 1 == as->n ||
                       (as->w[m + 1].joined && as->w[m + 1].lower &&
                        ((as->w[m + 1].roles & F_OBJ) || mid_adverb(&as->w[m + 1])));
            /* an -s form, which never modifies a noun, before a preposition:
             * "Does memory usage grows during processing?" */
            if (!ends && (c & MTC_LX_VERB_S) && !(c & (MTC_LX_VERB_D | MTC_LX_VERB_P)) &&
                as->w[m + 1].joined && as->w[m + 1].lower)
                ends = (mtc_grammar_closed_tok(as->st->lx, as->doc, &as->doc->tokens[as->w[m + 1].tok]) &
                        MTC_CC_PREP) != 0;
            if ((c & (MTC_LX_VERB_S | MTC_LX_VERB_D | MTC_LX_VERB_P)) && !maybe_base(c) &&
                !(c & (ANY_NOUN | ANY_ADJ | ANY_ADV | MTC_LX_VERB_G)) && (m > j + 1 || bare) && ends) {
                size_t n;
                const char *vt = wtext(as, m, &n);
                char sug[MAX_WORD];
                base_of(as->st, vt, n, c, sug, sizeof sug);
                emit_word(as, em, R_VERB_FORM, m, sug, "'%.*s' after %s: the base form?",
                          "a form of \"do\"");
                return;
            }
            if (!(c & (ANY_NOUN | ANY_ADJ)))
                return;
        }
        return;
    }
    if (j < as->n && as->w[j].joined && !as->w[k].boundary &&
        ((as->w[j].roles & (F_PRON_SG | F_PRON_PL | F_PRON_IT | F_PRON_I | F_PRON_YOU)) ||
         (!as->w[j].roles && mid_adverb(&as->w[j]))))
        j++; /* does she, did not, didn't even (not "do so") */
    if (j < as->n && j == k + 2 && !as->w[j].roles && mid_adverb(&as->w[j]) && as->w[j].joined &&
        !as->w[j - 1].boundary)
        j++; /* does she really */
    if (j >= as->n || !as->w[j].joined || !as->w[j].lower || as->w[j - 1].boundary)
        return;
    if (as->w[j].roles & ~F_CLASSLESS) {
        /* "doesn't has", "did not had", "does she has": a finite "have"
         * where do-support wants the base form; only where a negation or a
         * subject shows the do is the auxiliary ("what he did had effects") */
        int auxiliary = contracted_not(as, k) || j > k + 1;
        if (auxiliary && (((as->w[j].roles & F_VERB_SG) && is_word(as, j, "has")) || is_word(as, j, "had")))
            emit_word(as, em, R_VERB_FORM, j, "have", "'%.*s' after %s: the base form?",
                      "a form of \"do\"");
        return;
    }
    unsigned c = as->w[j].cls;
    size_t n;
    const char *vt = wtext(as, j, &n);
    if (mtc_grammar_closed(as->st->lx, vt, n))
        return;
    /* an -s form that is not a noun ("do wonders"); a past or participle
     * whatever else it is ("didn't used", "did you saw": no object or
     * adjective stands there in that form) */
    int negated = contracted_not(as, k) || (j == k + 2 && is_word(as, k + 1, "not"));
    /* after "don't", "do not" no noun can stand: "I don't needs help" */
    unsigned noun_veto = negated ? 0u : (unsigned)(ANY_NOUN | ANY_ADV);
    int s_form = (c & MTC_LX_VERB_S) && !(c & (MTC_LX_VERB_D | MTC_LX_VERB_P)) &&
                 !(c & (MTC_LX_VERB_G | noun_veto | ANY_ADJ));
    int past = (c & (MTC_LX_VERB_D | MTC_LX_VERB_P)) && !(c & (MTC_LX_VERB_G | ANY_ADV));
    if ((s_form || past) && !maybe_base(c)) {
        char sug[MAX_WORD];
        base_of(as->st, vt, n, c, sug, sizeof sug);
        emit_word(as, em, R_VERB_FORM, j, sug, "'%.*s' after %s: the base form?", "a form of \"do\"");
    }
}

/* "helped built", "has helped made", "help chose": "help" takes a bare
 * infinitive, so a past form right after it is wrong: one that is nothing
 * but a past (chose, wrote), or a past or participle with no base,
 * adjective or noun reading before no noun ("helped improved our code";
 * not "helped injured residents", "helped displaced families"). */
static void check_help(const ag_sentence *as, size_t k, mtc_emitter *em)
{
    static const char *const help[] = {"help", "helps", "helped", "helping"};
    int is_help = 0;
    for (size_t i = 0; i < sizeof help / sizeof *help; i++)
        is_help |= is_word(as, k, help[i]);
    if (!is_help || !as->w[k].lower || k + 1 >= as->n || as->w[k].boundary)
        return;
    if (k > 0 && as->w[k].joined &&
        (as->w[k - 1].roles & (F_ART | F_THE | F_OF_DET | F_DET_SG | F_DET_PL)))
        return; /* the noun: "a help wanted ad", "the help needed" */
    const ag_word *v = &as->w[k + 1];
    if (!v->joined || !v->lower || (v->roles & ~F_CLASSLESS))
        return;
    size_t n;
    const char *vt = wtext(as, k + 1, &n);
    if (mtc_grammar_closed(as->st->lx, vt, n))
        return;
    unsigned c = v->cls;
    int noun_next = k + 2 < as->n && !v->boundary && as->w[k + 2].joined && as->w[k + 2].lower &&
                    !as->w[k + 2].roles &&
                    (as->w[k + 2].cls & (MTC_LX_NOUN | MTC_LX_COUNT | MTC_LX_MASS | MTC_LX_PLURAL)) &&
                    !mtc_grammar_closed_tok(as->st->lx, as->doc, &as->doc->tokens[as->w[k + 2].tok]);
    /* a participle that is no past ("given": "should've helped given that")
     * acts as a preposition there */
    if ((c & MTC_LX_VERB_P) && !(c & MTC_LX_VERB_D) && !(c & MTC_LX_PAST_ONLY))
        return;
    int past_only = (c & MTC_LX_PAST_ONLY) && !(c & (MTC_LX_VERB | MTC_LX_VERB_P | ANY_NOUN | ANY_ADJ));
    int past = (c & (MTC_LX_VERB_D | MTC_LX_VERB_P)) && !maybe_base(c) &&
               !(c & (MTC_LX_ADJ | MTC_LX_NOUN | MTC_LX_COUNT | MTC_LX_MASS | MTC_LX_PLURAL |
                      MTC_LX_VERB_G | MTC_LX_VERB_S)) &&
               !noun_next;
    if (!past_only && !past)
        return;
    char sug[MAX_WORD];
    base_of(as->st, vt, n, c, sug, sizeof sug);
    emit_word(as, em, R_VERB_FORM, k + 1, sug, "'%.*s' after %s: the base form?", "\"help\"");
}

static void check_verb_form(const ag_sentence *as, size_t k, mtc_emitter *em)
{
    const ag_word *m = &as->w[k];
    if ((m->roles & F_PERF) && (m->lower || opens_question(as, k))) {
        check_perfect(as, k, em);
        return;
    }
    if (m->roles & F_DO) {
        check_do(as, k, em); /* "Does she likes": capitalised at a question's start too */
        return;
    }
    int modal = (m->roles & F_MODAL) != 0, to = (m->roles & F_TO) != 0;
    if ((!modal && !to) || !m->lower)
        return; /* "May became", "Will Smith": a capitalised modal may be a name */
    /* "the will", "a can", "free will": a noun here */
    if (modal && k > 0 && as->w[k].joined &&
        ((as->w[k - 1].roles & (F_THE | F_ART | F_OF_DET | F_DET_SG | F_DET_PL)) ||
         pure_adjective(&as->w[k - 1])))
        return;
    size_t j = k + 1;
    /* one adverb between: "will also continues" */
    if (modal && j < as->n && as->w[j].joined && as->w[j].lower && !as->w[j - 1].boundary &&
        (as->w[j].cls & ANY_ADV) && !(as->w[j].cls & MTC_LX_VERB_S) && !as->w[j].roles)
        j++;
    if (j >= as->n || !as->w[j].joined || !as->w[j].lower || as->w[j - 1].boundary)
        return;
    if (modal && (as->w[j].roles & ~F_CLASSLESS) && !(as->w[j].roles & F_MODAL)) {
        /* "should has", "will is", "can was", "would had": a finite
         * auxiliary after a modal */
        size_t an;
        const char *at = wtext(as, j, &an);
        const char *base = aux_base(at, an);
        if (base)
            emit_word(as, em, R_VERB_FORM, j, base, "'%.*s' after %s: the base form?", "a modal");
        return;
    }
    if (as->w[j].roles & ~F_CLASSLESS)
        return;
    const ag_word *v = &as->w[j];
    size_t n;
    const char *vt = wtext(as, j, &n);
    if (mtc_grammar_closed(as->st->lx, vt, n))
        return;
    unsigned c = v->cls;
    char sug[MAX_WORD];
    sug[0] = 0;
    if (modal && (c & MTC_LX_ADJ) &&
        !(c & (ANY_VERB | ANY_ADV | MTC_LX_NOUN | MTC_LX_COUNT | MTC_LX_MASS | MTC_LX_PLURAL)) &&
        j == k + 1 && !is_word(as, k, "need") && !is_word(as, k, "dare") &&
        (v->boundary || j + 1 == as->n ||
         (as->w[j + 1].joined && !is_word(as, j + 1, "of") &&
          ((as->w[j + 1].roles & (F_TO | F_OF | F_REL | F_CLAUSE)) ||
           (mtc_grammar_closed_tok(as->st->lx, as->doc, &as->doc->tokens[as->w[j + 1].tok]) &
            (MTC_CC_PREP | MTC_CC_CONJ)))))) {
        /* (before a mark, "to", a preposition or a clause: not "would
         * external traffic be", an inverted question's subject, or "could
         * kind of see") */
        /* "It would nice", "will accessible": an adjective that is nothing
         * else right after a modal; "be" is missing */
        emit_word(as, em, R_VERB_FORM, j, NULL, "'%.*s' after %s: \"be\" is missing?", "a modal");
        return;
    }
    if (modal) {
        /* an inverted condition: "should troops pass", "had ... ": a plural
         * noun and its base verb */
        if ((c & MTC_LX_PLURAL) && j + 1 < as->n && as->w[j + 1].joined && as->w[j + 1].lower &&
            !as->w[j].boundary && maybe_base(as->w[j + 1].cls) && !as->w[j + 1].roles)
            return;
        /* an -s form or a past that is nothing else: no base form (put,
         * read), no adjective or adverb reading */
        if ((c & (MTC_LX_VERB_S | MTC_LX_VERB_D | MTC_LX_VERB_P)) && !maybe_base(c) &&
            !(c & (MTC_LX_VERB_G | MTC_LX_ADJ | ANY_ADV))) {
            base_of(as->st, vt, n, c, sug, sizeof sug);
            emit_word(as, em, R_VERB_FORM, j, sug, "'%.*s' after %s: the base form?", "a modal");
        }
        return;
    }
    /* "had to expanded", "able to feigned", "want to goes": after a word
     * that makes "to" the infinitive marker (dictionaries' inf role), a
     * finite form is wrong whatever else it could be elsewhere */
    /* the controller may stand a word or two back: "wants you to", "tried
     * very hard to", "tried not to" */
    int controlled = k > 0 && as->w[k].joined && as->w[k - 1].infinitive_after;
    for (size_t back = 1; !controlled && back <= 3 && back < k; back++) {
        const ag_word *x = &as->w[k - back];
        int filler = x->joined && !x->boundary &&
                     ((x->roles & (F_OBJ | F_PRON_YOU)) || mid_adverb(x) || is_word(as, k - back, "not") ||
                      (x->lower && !x->roles && (x->cls & ANY_ADV)));
        if (!filler)
            break;
        controlled = as->w[k - back - 1].infinitive_after && !as->w[k - back - 1].boundary;
    }
    if (controlled && (c & (MTC_LX_VERB_S | MTC_LX_VERB_D | MTC_LX_VERB_P)) && !maybe_base(c) &&
        !(c & MTC_LX_VERB_G)) {
        base_of(as->st, vt, n, c, sug, sizeof sug);
        emit_word(as, em, R_VERB_FORM, j, sug, "'%.*s' after %s: the base form?", "\"to\"");
        return;
    }
    /* to exists, to continues: an -s form that is nothing else (not a
     * plural noun: "to prices", "to catches"), where "to" is no stranded
     * preposition of a relative clause ("the version it refers to gives":
     * a pronoun and its verb before "to", after a noun) and the word is
     * no path ("moved to refs/heads") */
    const mtc_token *vtok = &as->doc->tokens[v->tok];
    int path = vtok->end < as->doc->len &&
               (as->doc->text[vtok->end] == '/' || as->doc->text[vtok->end] == '\\');
    int stranded = k >= 2 && as->w[k].joined && as->w[k - 1].joined &&
                   (as->w[k - 2].roles & (F_PRON_SG | F_PRON_IT | F_PRON_PL | F_PRON_I | F_PRON_YOU)) &&
                   !clause_start(as, k - 2);
    if (only_s_verb(c) && !(c & ANY_NOUN) && !path && !stranded) {
        if (!drop_s(as->st, vt, n, MTC_LX_VERB, sug, sizeof sug))
            sug[0] = 0;
        emit_word(as, em, R_VERB_FORM, j, sug, "'%.*s' after %s: the base form?", "\"to\"");
        return;
    }
    /* to went, to became: an irregular past that is nothing else (not a
     * participle, a noun or an adjective: "to increased demand") */
    if ((c & MTC_LX_VERB_D) && (c & MTC_LX_IRREG_VERB) &&
        !(c & (MTC_LX_VERB | MTC_LX_VERB_P | MTC_LX_VERB_G | MTC_LX_VERB_S | ANY_NOUN | ANY_ADJ |
               ANY_ADV)))
        emit_word(as, em, R_VERB_FORM, j, NULL, "'%.*s' after %s: the base form?", "\"to\"");
}

/* ---- grammar.doubled-auxiliary ---- */


static void check_doubled(const ag_sentence *as, size_t k, mtc_emitter *em)
{
    if (k + 1 >= as->n || as->w[k].boundary)
        return;
    const ag_word *a = &as->w[k], *b = &as->w[k + 1];
    if (!b->joined || !b->lower || !(a->lower || k == 0))
        return;
    int be = (a->roles & F_BE) && (a->roles & (F_VERB_SG | F_VERB_PL)) && (b->roles & F_BE);
    int modals = (a->roles & F_MODAL) && (b->roles & F_MODAL);
    /* "was not been", "wasn't been": a finite "be", negated, before "been" */
    static const char *const be_not[] = {"isn't", "wasn't", "aren't", "weren't",
                                         "isn’t", "wasn’t", "aren’t", "weren’t"};
    int negated_be = 0;
    for (size_t i = 0; i < sizeof be_not / sizeof *be_not; i++)
        negated_be |= is_word(as, k, be_not[i]);
    if (!be && !modals && is_word(as, k + 1, "been") && negated_be) {
        be = 1;
    } else if (!be && !modals && (a->roles & F_BE) && (a->roles & (F_VERB_SG | F_VERB_PL)) &&
               is_word(as, k + 1, "not") && k + 2 < as->n && !b->boundary &&
               as->w[k + 2].joined && is_word(as, k + 2, "been")) {
        size_t na;
        const char *ta = wtext(as, k, &na);
        const mtc_token *t0 = &as->doc->tokens[a->tok], *t2 = &as->doc->tokens[as->w[k + 2].tok];
        mtc_issue *is = mtc_emit(em, R_DOUBLED_AUX, MTC_SEV_DEFAULT, t0->start, t2->end,
                                 "'%.*s not been': two forms of 'be'; keep one", (int)na, ta);
        if (is) {
            mtc_issue_suggest(is, ta, na);
            mtc_issue_suggest(is, "has not been", 12);
        }
        return;
    }
    if (!be && !modals)
        return;
    /* "this can will be used", "whose will could not": the first is a noun */
    if (modals && k > 0 && a->joined &&
        ((as->w[k - 1].roles & (F_THE | F_ART | F_OF_DET | F_DET_SG | F_DET_PL)) ||
         pure_adjective(&as->w[k - 1]) || is_word(as, k - 1, "whose")))
        return;
    size_t na, nb;
    const char *ta = wtext(as, k, &na), *tb = wtext(as, k + 1, &nb);
    int same = na == nb;
    for (size_t i = 0; same && i < na; i++)
        same = mtc_ascii_tolower((unsigned char)ta[i]) == mtc_ascii_tolower((unsigned char)tb[i]);
    if (same)
        return; /* "is is": typography.doubled-word */
    const mtc_token *t0 = &as->doc->tokens[a->tok], *t1 = &as->doc->tokens[b->tok];
    mtc_issue *is = mtc_emit(em, R_DOUBLED_AUX, MTC_SEV_DEFAULT, t0->start, t1->end,
                             "'%.*s %.*s': two %s in a row; keep one", (int)na, ta, (int)nb, tb,
                             be ? "forms of 'be'" : "modals");
    if (is) {
        mtc_issue_suggest(is, ta, na);
        mtc_issue_suggest(is, tb, nb);
    }
}

/* ---- grammar.double-comparative ---- */

/* 1 when w (lowercase, n bytes) is the -er/-est form of an adjective of
 * the lexicon: easier (easy), bigger (big), larger (large), smaller. */
static int regular_comparative(const ag_state *st, const char *w, size_t n)
{
    static const char *const plain[] = {"", "e", NULL}; /* smaller, larger */
    static const char *const y[] = {"y", NULL};          /* easier */
    static const char *const none[] = {"", NULL};       /* bigger */
    char buf[MAX_WORD];
    size_t cut = 0;
    if (n > 5 && memcmp(w + n - 3, "est", 3) == 0)
        cut = 3;
    else if (n > 4 && memcmp(w + n - 2, "er", 2) == 0)
        cut = 2;
    if (!cut)
        return 0;
    size_t stem = n - cut;
    if (make_form(st, w, n, cut, plain, MTC_LX_ADJ, buf, sizeof buf))
        return 1;
    if (w[stem - 1] == 'i' && make_form(st, w, n, cut + 1, y, MTC_LX_ADJ, buf, sizeof buf))
        return 1;
    return stem >= 3 && w[stem - 1] == w[stem - 2] &&
           make_form(st, w, n, cut + 1, none, MTC_LX_ADJ, buf, sizeof buf);
}

/* A word that cannot be the head of "more younger voters": a known word
 * with no noun or adjective reading ("more easier now", "more easier to
 * use"). */
static int cannot_be_head(const ag_word *w)
{
    return w->joined && w->lower && w->cls != 0 &&
           !(w->cls & (MTC_LX_NOUN | MTC_LX_COUNT | MTC_LX_PLURAL | MTC_LX_MASS | MTC_LX_ADJ));
}

static void check_comparative(const ag_sentence *as, size_t k, mtc_emitter *em)
{
    if (!(as->w[k].roles & F_COMPAR) || k + 1 >= as->n || as->w[k].boundary)
        return;
    const ag_word *a = &as->w[k + 1];
    if (!a->joined || !a->lower || a->roles)
        return;
    size_t n;
    const char *t = wtext(as, k + 1, &n);
    /* a comparative that is nothing else: not a noun (number, cleaner) or a
     * verb (better is also one, but so plainly a comparative) */
    /* "no more after": WordNet lists "after" as the comparative of "aft" */
    int irregular = (a->cls & MTC_LX_IRREG_COMP) && !(mtc_grammar_closed(as->st->lx, t, n) & MTC_CC_PREP);
    int regular = !(a->cls & (ANY_NOUN | ANY_VERB)) && regular_comparative(as->st, t, n);
    if (!irregular && !regular)
        return;
    /* "more easier than", "more easier.", "more easier now": not "more
     * younger voters", where "more" counts the voters */
    int superlative = n > 3 && memcmp(t + n - 3, "est", 3) == 0;
    /* a singular noun after it: "more" cannot count it ("a more older
     * city", "more worse thing") */
    int singular_next = k + 2 < as->n && !a->boundary && as->w[k + 2].joined &&
                        singular_noun(&as->w[k + 2], 1) && !(as->w[k + 2].cls & ANY_ADJ);
    /* "one more smaller suitcase", "two more", "any more": "more" is
     * "additional" after a number or a quantifier */
    static const char *const counting[] = {"one", "two", "three", "four", "five", "six", "seven",
                                           "eight", "nine", "ten", "any", "no", "some", "many",
                                           "several", "few", "much", "lot"};
    size_t mt = as->w[k].tok;
    if (mt > 0 && as->doc->tokens[mt - 1].kind == MTC_TOK_NUMBER &&
        as->doc->tokens[mt - 1].end + 1 == as->doc->tokens[mt].start)
        return; /* "5 more smaller boxes" */
    if (k > 0 && as->w[k].joined) {
        for (size_t i = 0; i < sizeof counting / sizeof *counting; i++)
            if (is_word(as, k - 1, counting[i]))
                return;
        /* "When is more better?": right after a question's inverted "be",
         * "more" is the subject */
        if ((as->w[k - 1].roles & F_BE) && opens_question(as, k - 1))
            return;
    }
    /* after an article "more"/"most" counts nothing: "a more older city",
     * "the most worse time" */
    int after_article = k > 0 && as->w[k].joined && (as->w[k - 1].roles & (F_ART | F_THE));
    if (!superlative && !singular_next && !after_article && !phrase_ends(as, k + 1) &&
        !(k + 2 < as->n && cannot_be_head(&as->w[k + 2])))
        return;
    /* a comparative that is also an adverb after a verb's "more": "write
     * more later", "see more sooner"; only where an adjective stands (after
     * "be", an article or a determiner) or before its noun */
    if ((a->cls & ANY_ADV) && !singular_next && !superlative && !is_word(as, k, "most")) {
        const ag_word *pv = k > 0 && as->w[k].joined ? &as->w[k - 1] : NULL;
        if (!pv || !(pv->roles & (F_BE | F_ART | F_THE | F_OF_DET | F_DET_SG)))
            return;
    }
    size_t nm;
    const char *m = wtext(as, k, &nm);
    const mtc_token *t0 = &as->doc->tokens[as->w[k].tok];
    /* the fix is a deletion: no replacement to suggest */
    mtc_emit(em, R_DOUBLE_COMP, MTC_SEV_DEFAULT, t0->start, t0->end,
             "'%.*s' before the comparative '%.*s': drop '%.*s'", (int)nm, m, (int)n, t, (int)nm, m);
}

/* ---- grammar.repeated-coordinate ---- */

/* "benevolence and benevolence": word k, a coordinator, word k again, all
 * lowercase and adjacent. Only a singular or mass noun that is nothing but
 * a noun: adverbs and particles ("again and again", "over and over"),
 * comparatives ("more and more", "higher and higher"), plurals ("years and
 * years") and verbs ("tried and tried") are repeated for emphasis. The
 * issue covers the second copy, the word that stands where another was
 * meant. */
static void check_repeat_coord(const ag_sentence *as, size_t k, mtc_emitter *em)
{
    if (k + 2 >= as->n)
        return;
    const ag_word *a = &as->w[k], *c = &as->w[k + 1], *b = &as->w[k + 2];
    if (!a->lower || a->roles || a->boundary || !c->joined || !c->lower ||
        !(c->roles & F_COORD) || c->boundary || !b->joined || !b->lower)
        return;
    size_t na, nb;
    const char *ta = wtext(as, k, &na), *tb = wtext(as, k + 2, &nb);
    if (na != nb || na < 3 || memcmp(ta, tb, na) != 0)
        return;
    unsigned cls = a->cls;
    if (!(cls & (MTC_LX_NOUN | MTC_LX_COUNT | MTC_LX_MASS)) ||
        (cls & (MTC_LX_PLURAL | MTC_LX_VERB_S | MTC_LX_VERB_D | MTC_LX_VERB_G | ANY_ADV |
                MTC_LX_IRREG_COMP)))
        return;
    if (mtc_grammar_closed(as->st->lx, ta, na) || regular_comparative(as->st, ta, na))
        return;
    /* "between man and man", "between nation and nation": the two sides
     * of a relation between members of one kind */
    if (k > 0 && as->w[k].joined && is_word(as, k - 1, "between"))
        return;
    /* a chain of three or more: "look and look and look" is emphasis */
    if (k + 4 < as->n && (as->w[k + 3].roles & F_COORD) && as->w[k + 3].joined && as->w[k + 4].joined) {
        size_t n4;
        const char *t4 = wtext(as, k + 4, &n4);
        if (n4 == na && memcmp(t4, ta, na) == 0)
            return;
    }
    if (k >= 2 && (as->w[k - 1].roles & F_COORD) && as->w[k].joined) {
        size_t n0;
        const char *t0 = wtext(as, k - 2, &n0);
        if (n0 == na && memcmp(t0, ta, na) == 0)
            return;
    }
    size_t nc;
    const char *tc = wtext(as, k + 1, &nc);
    const mtc_token *t = &as->doc->tokens[b->tok];
    mtc_emit(em, R_REPEAT_COORD, MTC_SEV_DEFAULT, t->start, t->end,
             "'%.*s %.*s %.*s': the same word on both sides of '%.*s'; a word was lost in "
             "translation?",
             (int)na, ta, (int)nc, tc, (int)nb, tb, (int)nc, tc);
}

/* ---- the hook ---- */

#define MAX_SENTENCE_WORDS 512

static void ag_check_sentence(void *state, const mtc_context *ctx, size_t si, mtc_emitter *em)
{
    const ag_state *st = state;
    const mtc_sentence *s = &ctx->doc->sentences[si];
    if (s->n_tokens < 2)
        return;
    ag_word words[MAX_SENTENCE_WORDS];
    ag_sentence as = {st, ctx->doc, words, collect(st, ctx, si, words, MAX_SENTENCE_WORDS)};
    /* headlines drop articles and auxiliaries by design */
    if (ctx->doc->paragraphs[s->paragraph].is_headline)
        return;
    int sv = mtc_rule_on(em, R_SUBJECT_VERB), dn = mtc_rule_on(em, R_DET_NUMBER);
    int vf = mtc_rule_on(em, R_VERB_FORM), da = mtc_rule_on(em, R_DOUBLED_AUX);
    int dc = mtc_rule_on(em, R_DOUBLE_COMP), rc = mtc_rule_on(em, R_REPEAT_COORD);
    for (size_t k = 0; k + 1 < as.n; k++) {
        const ag_word *w = &words[k];
        if (rc && w->lower && !w->roles)
            check_repeat_coord(&as, k, em); /* quoted words too: a lost word is no style */
        if (sv && w->checkable && !w->roles)
            check_bare_plural(&as, k, em);
        if (vf && w->checkable && !w->roles)
            check_help(&as, k, em);
        if (!w->checkable || !w->roles)
            continue;
        if (sv && (w->roles & (F_PRON_SG | F_PRON_IT | F_PRON_PL)))
            check_pronoun(&as, k, em);
        if (sv && (w->roles & (F_PRON_I | F_PRON_YOU)))
            check_i_you(&as, k, em);
        if (sv && (w->roles & (F_VERB_SG | F_VERB_PL)) && k <= 1)
            check_question(&as, k, em);
        if (sv && (w->roles & F_THERE))
            check_there(&as, k, em);
        if (sv && (w->roles & (F_DET_PL | F_DET_SG)))
            check_demonstrative(&as, k, em);
        if ((sv || dn) && (w->roles & (F_DET_PL | F_DET_SG | F_DET_MASS | F_ART | F_THE | F_OF_DET)))
            check_determiner(&as, k, em);
        if ((sv || dn) && ((w->roles & F_ONE) || is_word(&as, k, "each")))
            check_one_of(&as, k, em);
        if (dn && (w->roles & F_ONE))
            check_one_plural(&as, k, em);
        if (vf)
            check_verb_form(&as, k, em);
        if (da)
            check_doubled(&as, k, em);
        if (dc)
            check_comparative(&as, k, em);
    }
}

const mtc_analyzer mtc_analyzer_agreement = {
    "agreement", rules, sizeof rules / sizeof rules[0], ag_create, ag_destroy, ag_check_sentence,
    NULL, NULL,
};
