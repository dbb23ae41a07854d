/* grammar.c — the grammar analyzer: what machine translation breaks in a
 * sentence's grammar that a spelling checker cannot see. Per sentence:
 *   grammar.narrative-person   a person shift: I/me/my/you/your in an
 *                              article (or section) told in the third
 *                              person, outside quotations (the shared
 *                              quotation map) and speech (transcript
 *                              turns "Name: ...", Q&A); an article told in
 *                              its own first or second person (a column, a
 *                              talk, a diary) is not flagged
 *   grammar.fragment           a body sentence without a finite verb
 *   grammar.missing-subject    a body sentence opening on a finite verb or
 *                              a modal ("Will keep it open", "Discuss ..."),
 *                              except the instructions of a list or tips
 *                              (after a lead-in ending in ':', in a run of
 *                              brief imperative paragraphs or items)
 *   grammar.article-agreement  "a" before a vowel sound, "an" before a
 *                              consonant sound
 *   grammar.lowercase-start    a body sentence starting in lowercase
 *                              (off by default)
 *   grammar.run-together       a capitalised function word between two
 *                              lowercase words: two sentences run together
 *                              without a full stop ("the developer The
 *                              developer may"); or after a semicolon ("the
 *                              strategy; It is"), a conjunction after a
 *                              comma ("Old Town, And many")
 * Word classes come from grammar_lexicon.c (generated from link-grammar's
 * dictionary at build time); every word list is a data file under
 * dictionaries/grammar-*; grammar.dangling-word is a data rule
 * (dictionaries/rules/grammar.ini, run by ruleset.c). Every issue covers one word. The per-sentence
 * hook runs the rules that need only the sentence; the per-article hook
 * first reads the article's shape (headings, speech, lists, voice:
 * shape_article) and runs the rules that depend on it. Owns its per-worker
 * state (the lexicon, the word lists), freed by destroy. */
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
enum { R_PERSON, R_FRAGMENT, R_SUBJECT, R_ARTICLE, R_LOWER, R_RUNTOGETHER, N_RULES };

static const mtc_rule_info rules[N_RULES] = {
    [R_PERSON] = {"grammar.narrative-person", "grammar", MTC_SEV_MAJOR, 1,
     "First- or second-person pronoun in an article told in the third person (a person shift), "
     "outside quotations and speech"},
    [R_FRAGMENT] = {"grammar.fragment", "grammar", MTC_SEV_MINOR, 1, "Body sentence without a finite verb"},
    [R_SUBJECT] = {"grammar.missing-subject", "grammar", MTC_SEV_MAJOR, 1,
     "Body sentence opens on a finite verb or a modal and has no subject"},
    [R_ARTICLE] = {"grammar.article-agreement", "grammar", MTC_SEV_MINOR, 1,
     "\"a\" before a vowel sound or \"an\" before a consonant sound"},
    /* off by default: too rare on the benchmark to beat chance (lift < 1.5) */
    [R_LOWER] = {"grammar.lowercase-start", "grammar", MTC_SEV_MINOR, 0, "Body sentence starts with a lowercase letter"},
    [R_RUNTOGETHER] = {"grammar.run-together", "grammar", MTC_SEV_MAJOR, 1,
     "Capitalised function word between lowercase words or after a semicolon: two sentences run "
     "together without a full stop (\"the developer The developer may\", \"the strategy; It is\")"},
};

#define NARRATIVE_FILE "dictionaries/grammar-narrative-pronouns.txt"
#define GENERIC_YOU_FILE "dictionaries/grammar-generic-you.txt"
#define EXEMPT_FILE "dictionaries/grammar-exempt-starts.txt"
#define IMPERATIVE_FILE "dictionaries/grammar-imperative-ok.txt"
#define SOUNDS_FILE "dictionaries/grammar-article-sounds.tsv"

enum { SOUND_NONE = 0, SOUND_VOWEL = 1, SOUND_CONSONANT = 2, SOUND_EITHER = 3 };

typedef struct gr_state {
    mtc_grammar_lexicon *lx;
    mtc_wordset *narrative;  /* pronouns of grammar.narrative-person */
    uint64_t narrative_first[4]; /* first bytes of those (lowercase) pronouns:
                                  * a cheap test before lowercasing a word */
    mtc_wordset *generic_you; /* words after which "you" is generic ("if you") */
    mtc_wordset *exempt;     /* furniture openings, lowercase, one or two words */
    mtc_wordset *imperative; /* verbs that may open a sentence without subject */
    mtc_wordset *sounds;     /* spelling prefix -> SOUND_* */
    size_t longest_sound;    /* longest prefix in sounds */
} gr_state;

/* The shape of an article, computed once per article by gr_check_article:
 * which paragraphs are headings, speech or list items, which sentences are
 * instructions, and the voice the article and its sections are told in. */
typedef struct gr_para_shape {
    unsigned char heading;    /* a headline: one line without final punctuation,
                               * not ending on ';' or ',' (a list line) */
    unsigned char speech;     /* a speaker's turn: "Name: ...", "Q: ...", an
                               * answer after a question, or a turn's continuation */
    unsigned char label;      /* opens on a speaker's label ("Patient He Ying:") */
    unsigned char question;   /* ends on '?' */
    unsigned char brief;      /* at most BRIEF_SENTENCES sentences, BRIEF_WORDS words */
    unsigned char imperative; /* its first sentence is an instruction's shape */
    unsigned char item;       /* a list item: a bullet or a number first, or
                               * one line ending on ';' or ',' */
    unsigned char lead_in;    /* ends on ':' ("Anti-fraud tips:") */
    unsigned char addressed;  /* speaks to the reader: an opening such as "Do not"
                               * or "Never", or "you"/"your" outside quotations */
    unsigned char in_list;    /* a brief paragraph of a list or a run of tips */
} gr_para_shape;

typedef struct gr_sent_shape {
    unsigned char imperative;  /* IMP_VERB: opens on a base-form verb; IMP_LISTED:
                                * on "Do not", "Never", "Be", ... */
    unsigned char instruction; /* an imperative in a list, after a lead-in or
                                * in a run of imperatives */
    unsigned char own_voice;   /* its article or section is told in the first or
                                * second person */
} gr_sent_shape;

typedef struct gr_shape {
    gr_para_shape *para; /* doc->n_paragraphs */
    gr_sent_shape *sent; /* doc->n_sentences */
} gr_shape;

/* A brief paragraph (a list item, a tip): at most this many sentences and words. */
#define BRIEF_SENTENCES 3
/* A run of brief imperatives without a lead-in, a reader addressed or a
 * list mark is a list from this length on (two bare verbs in a row are as
 * often a plan's points translated without their subject: "Build a
 * network. Establish specifications ..."). */
#define LIST_MIN_RUN 3
#define BRIEF_WORDS 40
/* An article or section is in its own first or second person when at least
 * VOICE_MIN_SENTENCES of its narrative sentences, and at least VOICE_SHARE_PCT
 * percent of them, hold a first- or second-person pronoun. */
#define VOICE_MIN_SENTENCES 3
#define VOICE_SHARE_PCT 40
/* A shift needs a narrative told in the third person to shift from: an
 * article with no narrative sentence free of first- and second-person
 * pronouns (a single sentence checked alone, a note) has no voice to break,
 * and is not flagged. */
#define THIRD_PERSON_MIN_SENTENCES 1

/* ---- state ---- */

typedef struct sounds_ctx {
    mtc_wordset *set;
    size_t longest;
} sounds_ctx;

static int sounds_line(const char *line, size_t len, long lineno, void *vctx)
{
    (void)lineno;
    sounds_ctx *sc = vctx;
    const char *tab = memchr(line, '\t', len);
    if (!tab || tab == line)
        return -1;
    const char *v = tab + 1;
    size_t vn = len - (size_t)(v - line);
    intptr_t sound;
    if (vn == 5 && memcmp(v, "vowel", 5) == 0)
        sound = SOUND_VOWEL;
    else if (vn == 9 && memcmp(v, "consonant", 9) == 0)
        sound = SOUND_CONSONANT;
    else if (vn == 6 && memcmp(v, "either", 6) == 0)
        sound = SOUND_EITHER;
    else
        return -1;
    size_t kn = (size_t)(tab - line);
    mtc_wordset_put(sc->set, line, kn, sound);
    if (kn > sc->longest)
        sc->longest = kn;
    return 0;
}

/* Notes the first byte of a lowercased narrative pronoun. */
static int narrative_first_line(const char *line, size_t len, long lineno, void *vctx)
{
    (void)lineno;
    gr_state *st = vctx;
    char buf[64];
    size_t n = mtc_utf8_lower(line, len, buf, sizeof buf);
    unsigned char c = n == (size_t)-1 || n == 0 ? 0 : (unsigned char)buf[0];
    if (n == (size_t)-1 || n == 0) /* no filter then */
        memset(st->narrative_first, 0xFF, sizeof st->narrative_first);
    st->narrative_first[c / 64] |= 1ull << (c % 64);
    return 0;
}

static void gr_destroy(void *state)
{
    gr_state *st = state;
    if (!st)
        return;
    mtc_grammar_lexicon_free(st->lx);
    mtc_wordset_free(st->narrative);
    mtc_wordset_free(st->generic_you);
    mtc_wordset_free(st->exempt);
    mtc_wordset_free(st->imperative);
    mtc_wordset_free(st->sounds);
    free(st);
}

static mtc_status gr_create(const mtc_config *cfg, void **state, mtc_error *err)
{
    (void)cfg;
    gr_state *st = mtc_xcalloc(1, sizeof *st);
    st->narrative = mtc_wordset_new();
    st->generic_you = mtc_wordset_new();
    st->exempt = mtc_wordset_new();
    st->imperative = mtc_wordset_new();
    st->sounds = mtc_wordset_new();
    sounds_ctx sc = {st->sounds, 0};
    mtc_status s = MTC_OK;
    st->lx = mtc_grammar_lexicon_load(err);
    if (!st->lx)
        s = err->status != MTC_OK ? err->status : MTC_ERR_CONFIG;
    if (s == MTC_OK)
        s = mtc_wordset_load(st->narrative, NARRATIVE_FILE, 1, err);
    if (s == MTC_OK)
        s = mtc_data_load_lines(NARRATIVE_FILE, narrative_first_line, st, err);
    if (s == MTC_OK)
        s = mtc_wordset_load(st->generic_you, GENERIC_YOU_FILE, 1, err);
    if (s == MTC_OK)
        s = mtc_wordset_load(st->exempt, EXEMPT_FILE, 1, err);
    if (s == MTC_OK)
        s = mtc_wordset_load(st->imperative, IMPERATIVE_FILE, 1, err);
    if (s == MTC_OK)
        s = mtc_data_load_lines(SOUNDS_FILE, sounds_line, &sc, err);
    st->longest_sound = sc.longest;
    if (s != MTC_OK) {
        gr_destroy(st);
        return s;
    }
    *state = st;
    return MTC_OK;
}

/* ---- token helpers ---- */

static int is_word(const mtc_token *t)
{
    return t->kind == MTC_TOK_WORD || t->kind == MTC_TOK_OTHER_WORD;
}

static int32_t tok_cp(const mtc_document *doc, const mtc_token *t)
{
    int32_t cp = -1;
    if (t->end > t->start)
        mtc_utf8_next(doc->text, t->end, t->start, &cp);
    return cp;
}

/* 1 when token t is the ASCII word s (lowercase), case aside: its interned
 * lowercase form (words.h) of the same length is s. */
static inline int tok_is(const mtc_document *doc, const mtc_token *t, const char *s)
{
    size_t n = strlen(s);
    const mtc_word *w = mtc_tok_word(doc, t);
    return mtc_tok_len(t) == n && w->len == n && memcmp(mtc_word_text(doc, w), s, n) == 0;
}

static int is_quote_cp(int32_t cp)
{
    return mtc_quote_char(cp) != 0; /* English or foreign (quotemap.h) */
}

static int is_closer_cp(int32_t cp)
{
    return is_quote_cp(cp) || cp == ')' || cp == ']' || cp == 0xFF09;
}

/* Index (absolute) of the sentence's first word token, or (size_t)-1. The
 * tokens before it (if any) must be quotation marks or brackets. */
static size_t first_word(const mtc_document *doc, const mtc_sentence *s)
{
    for (size_t i = s->first_token; i < s->first_token + s->n_tokens; i++) {
        const mtc_token *t = &doc->tokens[i];
        if (is_word(t))
            return i;
        if (t->kind != MTC_TOK_PUNCT)
            return (size_t)-1;
        int32_t cp = tok_cp(doc, t);
        if (!is_quote_cp(cp) && cp != '(' && cp != '[')
            return (size_t)-1;
    }
    return (size_t)-1;
}

/* The sentence's final punctuation (closing quotes and brackets skipped), 0
 * when it ends on a word or a number; *tok gets the index of that mark. */
static int32_t terminal(const mtc_document *doc, const mtc_sentence *s, size_t *tok)
{
    for (size_t i = s->first_token + s->n_tokens; i > s->first_token; i--) {
        const mtc_token *t = &doc->tokens[i - 1];
        if (t->kind != MTC_TOK_PUNCT)
            return 0;
        int32_t cp = tok_cp(doc, t);
        if (is_closer_cp(cp))
            continue;
        if (tok)
            *tok = i - 1;
        return cp;
    }
    return 0;
}

/* 1 when the sentence has at least k words (numbers count); stops there. */
static int has_words(const mtc_document *doc, const mtc_sentence *s, size_t k)
{
    size_t n = 0;
    for (size_t i = s->first_token; i < s->first_token + s->n_tokens && n < k; i++)
        if (is_word(&doc->tokens[i]) || doc->tokens[i].kind == MTC_TOK_NUMBER)
            n++;
    return n >= k;
}

/* The quoted span containing off, or NULL. */
static const mtc_span *quoted_span(const mtc_quotemap *qm, size_t off)
{
    if (!qm)
        return NULL;
    size_t lo = 0, hi = qm->n_quoted;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const mtc_span *sp = &qm->quoted[mid];
        if (off < sp->start)
            hi = mid;
        else if (off >= sp->end)
            lo = mid + 1;
        else
            return sp;
    }
    return NULL;
}

/* 1 if any quotation overlaps bytes [start, end). */
static int has_quotation(const mtc_quotemap *qm, size_t start, size_t end)
{
    if (!qm)
        return 0;
    size_t lo = 0, hi = qm->n_quoted;
    while (lo < hi) { /* first span ending after start */
        size_t mid = lo + (hi - lo) / 2;
        if (qm->quoted[mid].end <= start)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < qm->n_quoted && qm->quoted[lo].start < end;
}

/* ---- paragraph and sentence kinds ---- */

static int starts_with_exempt(const gr_state *st, const mtc_document *doc, size_t w,
                              const mtc_sentence *s)
{
    const mtc_token *t = &doc->tokens[w];
    char buf[128];
    size_t n = mtc_utf8_lower(mtc_tok_text(doc, t), mtc_tok_len(t), buf, sizeof buf);
    if (n == (size_t)-1)
        return 0;
    if (mtc_wordset_contains(st->exempt, buf, n))
        return 1;
    /* two-word openings ("file photo", "read more") */
    size_t last = s->first_token + s->n_tokens;
    if (w + 1 < last && is_word(&doc->tokens[w + 1])) {
        const mtc_token *u = &doc->tokens[w + 1];
        if (n + 1 + mtc_tok_len(u) < sizeof buf) {
            buf[n] = ' ';
            size_t m = mtc_utf8_lower(mtc_tok_text(doc, u), mtc_tok_len(u), buf + n + 1,
                                      sizeof buf - n - 1);
            if (m != (size_t)-1 && mtc_wordset_contains(st->exempt, buf, n + 1 + m))
                return 1;
        }
    }
    return 0;
}

/* 1 if sentence si is narrative body text: not a headline or headline-like
 * line, dateline, byline, caption, credit or list item. */
/* The last character of paragraph p before closing quotes and brackets. */
static int32_t para_last_cp(const mtc_document *doc, const mtc_paragraph *p)
{
    size_t k = p->end;
    while (k > p->start) {
        int32_t c;
        size_t pk = mtc_utf8_prev(doc->text, k, &c);
        if (!is_closer_cp(c))
            return c;
        k = pk;
    }
    return 0;
}

/* A headline: one line without final punctuation; a line ending on ';' or
 * ',' is an item of a list, not a headline. */
static int para_is_heading(const mtc_document *doc, const mtc_paragraph *p)
{
    if (!p->is_headline)
        return 0;
    int32_t c = para_last_cp(doc, p);
    return c != ';' && c != ',' && c != 0xFF1B && c != 0xFF0C;
}

static int is_body(const gr_state *st, const mtc_document *doc, size_t si)
{
    const mtc_sentence *s = &doc->sentences[si];
    const mtc_paragraph *p = &doc->paragraphs[s->paragraph];
    if (para_is_heading(doc, p))
        return 0;
    if (s->n_tokens == 0)
        return 0;
    const mtc_token *t0 = &doc->tokens[s->first_token];
    /* list items: "- ", "* ", "• ", "1. ", "2) " */
    if (t0->kind == MTC_TOK_PUNCT || t0->kind == MTC_TOK_SYMBOL) {
        int32_t cp = tok_cp(doc, t0);
        if (cp == '-' || cp == '*' || cp == 0x2022 || cp == 0x00B7 || cp == 0x2013 ||
            cp == 0x2014 || cp == 0x25CF || cp == 0x25A0 || cp == 0x2023)
            return 0;
    }
    if (t0->kind == MTC_TOK_NUMBER && s->n_tokens > 1) {
        int32_t cp = tok_cp(doc, &doc->tokens[s->first_token + 1]);
        if (cp == '.' || cp == ')')
            return 0;
    }
    size_t w = first_word(doc, s);
    if (w == (size_t)-1)
        return 0;
    const mtc_token *tw = &doc->tokens[w];
    /* dateline: "BEIJING, March 5 (Xinhua) --" */
    if ((tw->flags & MTC_TF_ALL_UPPER) && mtc_tok_len(tw) > 1 &&
        w + 1 < s->first_token + s->n_tokens) {
        int32_t cp = tok_cp(doc, &doc->tokens[w + 1]);
        if (cp == ',' || cp == 0x2014 || cp == 0x2013 || cp == '-' || cp == '(')
            return 0;
    }
    if (starts_with_exempt(st, doc, w, s))
        return 0;
    /* a one-sentence paragraph without final punctuation is headline-like */
    int32_t term = terminal(doc, s, NULL);
    if (term == 0 && p->n_sentences == 1)
        return 0;
    /* a caption in brackets */
    if (t0->kind == MTC_TOK_PUNCT && (tok_cp(doc, t0) == '(' || tok_cp(doc, t0) == '['))
        return 0;
    return 1;
}

/* ---- grammar.narrative-person ---- */

/* 1 if "you" at token i is the generic "you" of a condition ("When you
 * include those born here, the share rises") or, when advice is 1, the
 * "you" of advice ("you should be extra cautious"): the word before or
 * after it is listed. */
static int generic_you(const gr_state *st, const mtc_document *doc, const mtc_sentence *s, size_t i,
                       int advice)
{
    char pb[48];
    if (i > s->first_token && is_word(&doc->tokens[i - 1])) {
        const mtc_token *pv = &doc->tokens[i - 1];
        size_t pm = mtc_utf8_lower(mtc_tok_text(doc, pv), mtc_tok_len(pv), pb, sizeof pb);
        if (pm != (size_t)-1 && mtc_wordset_contains(st->generic_you, pb, pm))
            return 1;
    }
    if (advice && i + 1 < s->first_token + s->n_tokens && is_word(&doc->tokens[i + 1])) {
        const mtc_token *nx = &doc->tokens[i + 1];
        memcpy(pb, "you ", 4);
        size_t nm = mtc_utf8_lower(mtc_tok_text(doc, nx), mtc_tok_len(nx), pb + 4, sizeof pb - 4);
        if (nm != (size_t)-1 && mtc_wordset_contains(st->generic_you, pb, 4 + nm))
            return 1;
    }
    return 0;
}

/* The first- and second-person pronouns of sentence si outside quotations
 * (not generic "you", not the Roman numeral I, not the acronyms US, ME):
 * counted, and reported when em is not NULL. *own counts those that are
 * the narrator's own, not a clause reported from someone else ("Xi said in
 * his reply that you have overcome ...": a past-tense verb, then "that",
 * with no pronoun of the list before it). */
static size_t person_pronouns(const gr_state *st, const mtc_context *ctx, size_t si,
                              mtc_emitter *em, size_t *own)
{
    const mtc_document *doc = ctx->doc;
    const mtc_sentence *s = &doc->sentences[si];
    size_t first = first_word(doc, s);
    size_t last = s->first_token + s->n_tokens;
    size_t found = 0;
    int past_verb = 0, reported = 0;
    for (size_t i = s->first_token; i < last; i++) {
        const mtc_token *t = &doc->tokens[i];
        if (t->kind != MTC_TOK_WORD)
            continue;
        size_t n = mtc_tok_len(t);
        if (!found && !reported) {
            if (past_verb && tok_is(doc, t, "that"))
                reported = 1;
            else if (!past_verb && !(t->flags & MTC_TF_INITIAL_UPPER) &&
                     (mtc_grammar_open_tok(st->lx, doc, t, NULL) & MTC_LX_VERB_D))
                past_verb = 1;
        }
        if ((t->flags & MTC_TF_ALL_UPPER) && n > 1)
            continue; /* US, ME: acronyms */
        unsigned char c0 = (unsigned char)mtc_tok_text(doc, t)[0];
        if (c0 < 0x80 && !((st->narrative_first[mtc_ascii_tolower(c0) / 64] >>
                            (mtc_ascii_tolower(c0) % 64)) & 1))
            continue; /* no pronoun starts with this letter */
        char buf[32];
        size_t m = mtc_utf8_lower(mtc_tok_text(doc, t), n, buf, sizeof buf);
        if (m == (size_t)-1 || !mtc_wordset_contains(st->narrative, buf, m))
            continue;
        if (ctx->quotes && mtc_quotemap_inside(ctx->quotes, t->start))
            continue;
        /* advice reported from someone else is their "you", not the
         * reader's: "The company said that ... you must verify" */
        if (m == 3 && memcmp(buf, "you", 3) == 0 && generic_you(st, doc, s, i, !reported))
            continue;
        if (m == 1 && buf[0] == 'i') {
            /* Roman numeral: "World War I", "Phase I", "(i)" */
            if (mtc_tok_text(doc, t)[0] == 'i')
                continue;
            if (i > s->first_token) {
                const mtc_token *pv = &doc->tokens[i - 1];
                if (is_word(pv) && (pv->flags & MTC_TF_INITIAL_UPPER) && i - 1 != first)
                    continue;
                if (pv->kind == MTC_TOK_PUNCT && (tok_cp(doc, pv) == '(' || tok_cp(doc, pv) == '['))
                    continue;
            }
        }
        found++;
        if (own && !reported)
            (*own)++;
        if (em)
            mtc_emit(em, R_PERSON, MTC_SEV_DEFAULT, t->start, t->end,
                     "'%.*s' in the narrative of an article told in the third person", (int)n,
                     mtc_tok_text(doc, t));
    }
    return found;
}

/* A person shift: a first- or second-person pronoun in a sentence of an
 * article (or section) told in the third person. Not in speech (quotations,
 * a speaker's turn in a transcript or a Q&A), not in questions to the
 * reader, not in instructions (which address the reader). */
static void check_person(const gr_state *st, const mtc_context *ctx, size_t si, const gr_shape *sh,
                         mtc_emitter *em)
{
    const mtc_document *doc = ctx->doc;
    const mtc_sentence *s = &doc->sentences[si];
    const mtc_paragraph *p = &doc->paragraphs[s->paragraph];
    const gr_sent_shape *ss = &sh->sent[si];
    const gr_para_shape *ps = &sh->para[s->paragraph];
    if (!ctx->quotes || ps->heading || ps->speech || ss->own_voice || ss->instruction)
        return;
    /* questions address the reader ("Do you ...?"); a paragraph that quotes
     * someone often carries on the quoted voice past the closing mark */
    if (terminal(doc, s, NULL) == '?' || has_quotation(ctx->quotes, p->start, p->end))
        return;
    person_pronouns(st, ctx, si, em, NULL);
}

/* ---- grammar.fragment ---- */

/* 1 if token i could be the finite verb of its sentence. */
static int maybe_finite(const gr_state *st, const mtc_document *doc, const mtc_sentence *s,
                        size_t i, size_t first)
{
    const mtc_token *t = &doc->tokens[i];
    const char *w = mtc_tok_text(doc, t);
    size_t n = mtc_tok_len(t);
    unsigned cc = mtc_grammar_closed_tok(st->lx, doc, t);
    if (cc & MTC_CC_AUX)
        return 1;
    if (cc & (MTC_CC_DET | MTC_CC_PREP | MTC_CC_CONJ | MTC_CC_SUBJ))
        return 0;
    int known = 0;
    unsigned ox = mtc_grammar_open_tok(st->lx, doc, t, &known);
    if (!known) {
        if (t->kind != MTC_TOK_WORD || (t->flags & (MTC_TF_INITIAL_UPPER | MTC_TF_NON_LATIN)))
            return 0; /* names, acronyms, foreign text */
        const char *h = NULL;
        for (size_t k = n; k > 0; k--)
            if (w[k - 1] == '-') {
                h = w + k;
                break;
            }
        if (h) { /* "re-elected", "co-hosts": the last part decides */
            ox = mtc_grammar_open(st->lx, h, n - (size_t)(h - w), &known);
            if (!known)
                return 0;
        } else {
            return 1; /* an unknown lowercase word: give it the benefit of the doubt */
        }
    }
    if (ox & MTC_LX_VERB_S)
        return 1;
    if (i == first)
        return 0; /* "Revised by ...", "Discuss ..." */
    if (ox & MTC_LX_VERB_D)
        return 1;
    if (ox & MTC_LX_VERB) {
        /* a base form after a determiner, a preposition or "to" is a noun
         * or an infinitive */
        size_t j = i;
        while (j > s->first_token && !is_word(&doc->tokens[j - 1]) &&
               doc->tokens[j - 1].kind == MTC_TOK_PUNCT && is_quote_cp(tok_cp(doc, &doc->tokens[j - 1])))
            j--;
        if (j > s->first_token && is_word(&doc->tokens[j - 1])) {
            const mtc_token *pv = &doc->tokens[j - 1];
            unsigned pc = mtc_grammar_closed_tok(st->lx, doc, pv);
            if (pc & (MTC_CC_DET | MTC_CC_PREP | MTC_CC_POSS))
                return 0;
            /* after an adjective it is a noun: "a significant increase" */
            unsigned px = mtc_grammar_open_tok(st->lx, doc, pv, NULL);
            if (!pc && (px & MTC_LX_ADJ) && !(px & (MTC_LX_VERB | MTC_LX_VERB_S | MTC_LX_VERB_D)))
                return 0;
        }
        return 1;
    }
    return 0;
}

static int has_mark(const mtc_document *doc, const mtc_sentence *s, int32_t a, int32_t b)
{
    for (size_t i = s->first_token; i < s->first_token + s->n_tokens; i++) {
        const mtc_token *t = &doc->tokens[i];
        if (t->kind == MTC_TOK_PUNCT) {
            int32_t cp = tok_cp(doc, t);
            if (cp == a || cp == b)
                return 1;
        }
    }
    return 0;
}

static void check_fragment(const gr_state *st, const mtc_context *ctx, size_t si, size_t w,
                           mtc_emitter *em)
{
    const mtc_document *doc = ctx->doc;
    const mtc_sentence *s = &doc->sentences[si];
    if (terminal(doc, s, NULL) != '.')
        return;
    if (!has_words(doc, s, 2))
        return;
    if (has_mark(doc, s, ':', ';'))
        return; /* labels and lists: "Deaths: 12." */
    int lower_word = 0;
    for (size_t i = w; i < s->first_token + s->n_tokens && !lower_word; i++) {
        const mtc_token *t = &doc->tokens[i];
        if (is_word(t) && !(t->flags & MTC_TF_INITIAL_UPPER) &&
            mtc_ascii_is_alpha((unsigned char)mtc_tok_text(doc, t)[0]) &&
            !(mtc_grammar_closed_tok(st->lx, doc, t) &
              (MTC_CC_PREP | MTC_CC_ART | MTC_CC_CONJ)))
            lower_word = 1;
    }
    if (!lower_word)
        return; /* a dateline or a title: "Xinhua News Agency, Beijing, May 4." */
    for (size_t i = w; i < s->first_token + s->n_tokens; i++)
        if (is_word(&doc->tokens[i]) && maybe_finite(st, doc, s, i, w))
            return;
    const mtc_token *t = &doc->tokens[w];
    mtc_emit(em, R_FRAGMENT, MTC_SEV_DEFAULT, t->start, t->end,
             "sentence without a finite verb (a fragment?)");
}

/* ---- grammar.missing-subject ---- */

/* How sentence si opens on its first word w, when that word is a verb
 * with no subject before it: OPEN_MODAL ("Will keep it open"), OPEN_VERB
 * (a verb-only word or a base form with its object: "Discuss ...",
 * "Hopes ...", "Build a network"), OPEN_NONE otherwise (a subject, a
 * question, a name with its verb, an accepted opening such as "Let"). */
enum { OPEN_NONE = 0, OPEN_MODAL, OPEN_VERB };

static int subjectless_opening(const gr_state *st, const mtc_document *doc, size_t si, size_t w)
{
    const mtc_sentence *s = &doc->sentences[si];
    int32_t term = terminal(doc, s, NULL);
    if (term == '?' || !has_words(doc, s, 2))
        return 0;
    const mtc_token *t = &doc->tokens[w];
    if (t->kind != MTC_TOK_WORD || (t->flags & MTC_TF_ALL_UPPER))
        return 0;
    const char *tw = mtc_tok_text(doc, t);
    size_t tn = mtc_tok_len(t);
    size_t last = s->first_token + s->n_tokens;
    if (w + 1 < last && doc->tokens[w + 1].kind == MTC_TOK_PUNCT &&
        tok_cp(doc, &doc->tokens[w + 1]) != '"' && tok_cp(doc, &doc->tokens[w + 1]) != 0x201C)
        return 0; /* "Watch:", "Update," */
    unsigned cc = mtc_grammar_closed_tok(st->lx, doc, t);
    int flag = 0;
    if (cc & MTC_CC_MODAL) {
        /* "Will keep it open" — but not an inversion ("Should the talks
         * fail", "Had he known", "Were it not for") */
        size_t j = w + 1;
        if (j < last && tok_is(doc, &doc->tokens[j], "not"))
            j++;
        if (j < last && is_word(&doc->tokens[j])) {
            const mtc_token *u = &doc->tokens[j];
            if (!(u->flags & (MTC_TF_INITIAL_UPPER | MTC_TF_NON_LATIN))) {
                unsigned uc = mtc_grammar_closed_tok(st->lx, doc, u);
                int known = 0;
                unsigned ux = mtc_grammar_open_tok(st->lx, doc, u, &known);
                if (!(uc & (MTC_CC_SUBJ | MTC_CC_DET | MTC_CC_POSS | MTC_CC_PREP)) &&
                    ((uc & MTC_CC_AUX) || tok_is(doc, u, "be") || tok_is(doc, u, "been") ||
                     (ux & MTC_LX_ANY_VERB) || (ux == MTC_LX_ADV)) &&
                    !(ux & MTC_LX_NOUN && !(ux & MTC_LX_ANY_VERB)))
                    flag = 1;
            }
        }
    } else if (!cc) {
        char buf[64];
        size_t m = mtc_utf8_lower(tw, tn, buf, sizeof buf);
        if (m == (size_t)-1 || mtc_wordset_contains(st->imperative, buf, m))
            return 0;
        int known = 0;
        unsigned ox = mtc_grammar_open_tok(st->lx, doc, t, &known);
        /* a word that is only a verb, base or 3rd-singular: "Discuss",
         * "Impress", "Hopes" */
        if (known && (ox & (MTC_LX_VERB | MTC_LX_VERB_S)) &&
            !(ox & ~(unsigned)(MTC_LX_VERB | MTC_LX_VERB_S)))
            flag = 1;
        /* a base form that is also a noun, followed by an article or a
         * possessive, is a verb with its object: "Build a network",
         * "Support the enterprises" */
        if (!flag && known && (ox & MTC_LX_VERB) && !(ox & MTC_LX_ADV) && w + 1 < last &&
            is_word(&doc->tokens[w + 1])) { /* ("Like a fish": an adverb or preposition too) */
            const mtc_token *u = &doc->tokens[w + 1];
            unsigned uc = mtc_grammar_closed_tok(st->lx, doc, u);
            if ((uc & (MTC_CC_ART | MTC_CC_POSS)) && !(u->flags & MTC_TF_INITIAL_UPPER))
                flag = 1;
        }
        /* but a name followed by its verb is a subject: "Reeves said" */
        if (flag && w + 1 < last && is_word(&doc->tokens[w + 1])) {
            const mtc_token *u = &doc->tokens[w + 1];
            unsigned uc = mtc_grammar_closed_tok(st->lx, doc, u);
            unsigned ux = mtc_grammar_open_tok(st->lx, doc, u, NULL);
            if ((uc & MTC_CC_AUX) || (!(uc & (MTC_CC_DET | MTC_CC_POSS | MTC_CC_PREP)) &&
                                      (ux & (MTC_LX_VERB_S | MTC_LX_VERB_D)) &&
                                      !(ux & (MTC_LX_NOUN | MTC_LX_ADJ))))
                flag = 0;
        }
    }
    return !flag ? OPEN_NONE : (cc & MTC_CC_MODAL) ? OPEN_MODAL : OPEN_VERB;
}

static int check_subject(const gr_state *st, const mtc_context *ctx, size_t si, size_t w,
                         mtc_emitter *em)
{
    const mtc_document *doc = ctx->doc;
    int open = subjectless_opening(st, doc, si, w);
    if (open == OPEN_NONE)
        return 0;
    const mtc_token *t = &doc->tokens[w];
    mtc_emit(em, R_SUBJECT, MTC_SEV_DEFAULT, t->start, t->end,
             "sentence opens on the verb '%.*s' without a subject", (int)mtc_tok_len(t),
             mtc_tok_text(doc, t));
    return 1;
}

/* ---- grammar.lowercase-start ---- */

static void check_lowercase(const gr_state *st, const mtc_context *ctx, size_t si, size_t w,
                            mtc_emitter *em)
{
    (void)st;
    const mtc_document *doc = ctx->doc;
    const mtc_sentence *s = &doc->sentences[si];
    const mtc_token *t = &doc->tokens[w];
    if (t->kind != MTC_TOK_WORD || (t->flags & (MTC_TF_MIXED_CASE | MTC_TF_HAS_DIGIT)))
        return;
    int32_t cp = tok_cp(doc, t);
    if (!mtc_cp_is_lower(cp))
        return;
    const char *tw = mtc_tok_text(doc, t);
    size_t tn = mtc_tok_len(t);
    if (tn >= 2 && tw[1] == '-')
        return; /* e-commerce, x-ray */
    /* after an ellipsis or inside a quotation that began earlier */
    const mtc_paragraph *p = &doc->paragraphs[s->paragraph];
    if (si > p->first_sentence) {
        const mtc_sentence *ps = &doc->sentences[si - 1];
        size_t k = ps->end;
        while (k > ps->start) { /* step back over closing quotes and brackets */
            int32_t c;
            size_t pk = mtc_utf8_prev(doc->text, k, &c);
            if (!is_closer_cp(c))
                break;
            k = pk;
        }
        if (k >= ps->start + 3 && memcmp(doc->text + k - 3, "...", 3) == 0)
            return;
        if (k >= ps->start + 3 && memcmp(doc->text + k - 3, "\xE2\x80\xA6", 3) == 0)
            return;
        size_t mark;
        int32_t pt = terminal(doc, ps, &mark);
        if (pt == 0x2026 || pt == ':' || pt == ';' || pt == ',')
            return;
    }
    const mtc_span *q = quoted_span(ctx->quotes, t->start);
    if (q && q->start < s->start)
        return;
    if (q && q->start < t->start && si > p->first_sentence)
        return;
    mtc_issue *is = mtc_emit(em, R_LOWER, MTC_SEV_DEFAULT, t->start, t->end,
                             "sentence starts with a lowercase letter");
    if (is) {
        char up[8];
        int n = mtc_utf8_encode(mtc_cp_toupper(cp), up);
        int cl = mtc_utf8_next(tw, tn, 0, &cp);
        char sug[128];
        if ((size_t)n + tn - (size_t)cl < sizeof sug) {
            memcpy(sug, up, (size_t)n);
            memcpy(sug + n, tw + cl, tn - (size_t)cl);
            mtc_issue_suggest(is, sug, (size_t)n + tn - (size_t)cl);
        }
    }
}

/* ---- grammar.article-agreement ---- */

/* Sound of a letter name: A E F H I L M N O R S X start with a vowel. */
static int letter_sound(int c)
{
    c = mtc_ascii_toupper(c);
    return strchr("AEFHILMNORSX", c) ? SOUND_VOWEL : SOUND_CONSONANT;
}

static int word_sound(const gr_state *st, const mtc_document *doc, const mtc_token *t)
{
    const char *w = mtc_tok_text(doc, t);
    size_t n = mtc_tok_len(t);
    unsigned char c0 = (unsigned char)w[0];
    if (t->kind == MTC_TOK_NUMBER) {
        if (!mtc_ascii_is_digit(c0))
            return SOUND_NONE;
        if (c0 == '8')
            return SOUND_VOWEL;
        /* eleven, eighteen (and 11,000 / 18,500) */
        if (n >= 2 && c0 == '1' && (w[1] == '1' || w[1] == '8') &&
            (n == 2 || !mtc_ascii_is_digit((unsigned char)w[2])))
            return SOUND_VOWEL;
        return SOUND_CONSONANT;
    }
    if (!mtc_ascii_is_alpha(c0))
        return SOUND_NONE;
    if (t->kind == MTC_TOK_OTHER_WORD) {
        /* G7, F-16, H1N1, MH370: letter names when capitalised; mp3, h264:
         * letters with no vowel among them cannot be read as a word */
        if (!mtc_ascii_is_upper(c0)) {
            size_t i = 0;
            while (i < n && mtc_ascii_is_alpha((unsigned char)w[i]) && !strchr("aeiouy", w[i]))
                i++;
            return i >= 2 && i < n && mtc_ascii_is_digit((unsigned char)w[i]) ? letter_sound(c0)
                                                                               : SOUND_NONE;
        }
        if (n > 1 && mtc_ascii_is_lower((unsigned char)w[1]))
            return SOUND_NONE;
        return letter_sound(c0);
    }
    size_t letters = 0, vowels = 0;
    for (size_t i = 0; i < n; i++) {
        if (mtc_ascii_is_alpha((unsigned char)w[i])) {
            letters++;
            if (strchr("AEIOUaeiou", w[i]))
                vowels++;
        }
    }
    if (n == 1 || (n >= 2 && w[1] == '-' && mtc_ascii_is_upper(c0)))
        return letter_sound(c0); /* "an X", "an X-ray" */
    /* a lowercase letter before capitals is said by its name: an mDNS
     * record, an iPhone, an eBay seller */
    if (n >= 3 && mtc_ascii_is_lower(c0) && mtc_ascii_is_upper((unsigned char)w[1]))
        return letter_sound(c0);
    /* letters with no vowel cannot be said as a word: an npm package, an
     * mph limit (not "a rhythm": y is a vowel there) */
    if (vowels == 0 && letters == n && n >= 2 && n <= 4 && !memchr(w, 'y', n) && !memchr(w, 'Y', n) &&
        mtc_ascii_is_lower(c0))
        return letter_sound(c0);
    /* an initialism read letter by letter before a hyphen or a lowercase
     * tail: "an LLM-based", "an MSc", "a UN-backed" (not NASA-led: a word) */
    size_t caps = 0;
    while (caps < n && mtc_ascii_is_upper((unsigned char)w[caps]))
        caps++;
    if (caps >= 2 && caps < n && (w[caps] == '-' || mtc_ascii_is_lower((unsigned char)w[caps]))) {
        size_t cv = 0;
        for (size_t i = 0; i < caps; i++)
            cv += strchr("AEIOU", w[i]) != NULL;
        if (caps <= 3 || cv == 0)
            return letter_sound(c0);
        return SOUND_NONE;
    }
    if (t->flags & MTC_TF_ALL_UPPER) {
        /* MAC, FAQ, PAC: three letters that can be said as a word as well
         * as spelled; the two readings may start with different sounds */
        if (letters == 3 && n == 3 && !strchr("AEIOU", w[0]) && strchr("AEIOU", w[1]) &&
            !strchr("AEIOU", w[2]))
            return letter_sound(c0) == SOUND_CONSONANT ? SOUND_CONSONANT : SOUND_EITHER;
        if (letters <= 3 || vowels == 0)
            return letter_sound(c0); /* an MP, a US official, an FBI agent */
        return SOUND_NONE;           /* NATO or N-A-T-O: not decided here */
    }
    char buf[64];
    size_t m = mtc_utf8_lower(w, n, buf, sizeof buf);
    if (m == (size_t)-1)
        return SOUND_NONE;
    size_t maxp = m < st->longest_sound ? m : st->longest_sound;
    for (size_t k = maxp; k > 0; k--) {
        intptr_t v;
        if (mtc_wordset_get(st->sounds, buf, k, &v))
            return (int)v;
    }
    return strchr("aeiou", buf[0]) ? SOUND_VOWEL : SOUND_CONSONANT;
}

static void check_articles(const gr_state *st, const mtc_context *ctx, size_t si, mtc_emitter *em)
{
    const mtc_document *doc = ctx->doc;
    const mtc_sentence *s = &doc->sentences[si];
    size_t first = first_word(doc, s);
    size_t last = s->first_token + s->n_tokens;
    for (size_t i = s->first_token; i + 1 < last; i++) {
        const mtc_token *t = &doc->tokens[i];
        if (t->kind != MTC_TOK_WORD || mtc_tok_len(t) > 2)
            continue;
        int is_a = tok_is(doc, t, "a"), is_an = tok_is(doc, t, "an");
        if (!is_a && !is_an)
            continue;
        const char *tw = mtc_tok_text(doc, t);
        if (mtc_ascii_is_upper((unsigned char)tw[0]) && i != first)
            continue; /* "Plan A", "Section A", the name "An" */
        if (is_an && tw[1] == 'N')
            continue;
        const mtc_token *u = &doc->tokens[i + 1];
        /* a "industry party": the word after an opening quotation mark */
        if (u->kind == MTC_TOK_PUNCT && is_quote_cp(tok_cp(doc, u)) && i + 2 < last &&
            u->start == t->end + 1 && doc->text[t->end] == ' ' &&
            doc->tokens[i + 2].start == u->end && is_word(&doc->tokens[i + 2]))
            u = &doc->tokens[i + 2];
        else if (u->start != t->end + 1 || doc->text[t->end] != ' ')
            continue; /* one space between them: not "a, b" or a line break */
        if (u->kind != MTC_TOK_WORD && u->kind != MTC_TOK_OTHER_WORD && u->kind != MTC_TOK_NUMBER)
            continue;
        /* "A NEW LAW": a headline in capitals, whose words are not initialisms */
        if ((t->flags & MTC_TF_ALL_UPPER) && (u->flags & MTC_TF_ALL_UPPER) && u + 1 < doc->tokens + last &&
            (u[1].flags & MTC_TF_ALL_UPPER) && is_word(&u[1]) && mtc_tok_len(&u[1]) > 1)
            continue;
        if (i > s->first_token) {
            const mtc_token *pv = &doc->tokens[i - 1];
            if (pv->end == t->start && (pv->kind == MTC_TOK_PUNCT || is_word(pv)))
                continue; /* "vitamin-a", "(a)" */
        }
        /* "a" is a letter here: "type a or b"; not before an initialism
         * (a AM station: AM is no auxiliary) */
        unsigned uc = (u->flags & MTC_TF_ALL_UPPER) && mtc_tok_len(u) > 1
                          ? 0
                          : mtc_grammar_closed_tok(st->lx, doc, u);
        if (uc & (MTC_CC_PREP | MTC_CC_CONJ | MTC_CC_AUX))
            continue;
        int snd = word_sound(st, doc, u);
        if (snd == SOUND_NONE || snd == SOUND_EITHER)
            continue;
        if (is_a && snd == SOUND_VOWEL) {
            mtc_issue *is = mtc_emit(em, R_ARTICLE, MTC_SEV_DEFAULT, t->start, t->end,
                                     "'%.*s' before a vowel sound: use 'an'", (int)mtc_tok_len(t),
                                     tw);
            mtc_issue_suggest(is, tw[0] == 'A' ? "An" : "an", 2);
        } else if (is_an && snd == SOUND_CONSONANT) {
            mtc_issue *is = mtc_emit(em, R_ARTICLE, MTC_SEV_DEFAULT, t->start, t->end,
                                     "'%.*s' before a consonant sound: use 'a'",
                                     (int)mtc_tok_len(t), tw);
            mtc_issue_suggest(is, tw[0] == 'A' ? "A" : "a", 1);
        }
    }
}

/* ---- grammar.run-together ---- */

/* 1 if t is a word of lowercase letters only (hyphens and apostrophes
 * allowed): not a name, an acronym or a number. */
static int lowercase_word(const mtc_document *doc, const mtc_token *t)
{
    if (t->kind != MTC_TOK_WORD || (t->flags & (MTC_TF_INITIAL_UPPER | MTC_TF_MIXED_CASE |
                                                MTC_TF_HAS_DIGIT | MTC_TF_NON_LATIN)))
        return 0;
    return mtc_ascii_is_lower((unsigned char)mtc_tok_text(doc, t)[0]);
}

/* "... the housing stock The discount is greater ...": a function word
 * (article, determiner, pronoun, preposition or conjunction) written with
 * a capital between two lowercase words, one space on each
 * side, where the previous word is a content word. A sentence starts there
 * and the full stop before it is missing. Titles ("at The Venetian") are
 * followed by a capitalised word; single letters ("Plan A", "I") are left
 * alone. */
/* 1 when the article writes word t (capitalised) after a lowercase word at
 * least DEFINED_TERM_MIN times: a defined term of its own style ("You",
 * "Your" in a licence; "The Company"), not a sentence run into another.
 * Decided once per word of the article (its memo), by one scan that stops
 * at the third. */
#define DEFINED_TERM_MIN 3
static int defined_term(const mtc_document *doc, const mtc_token *t)
{
    mtc_word *mw = mtc_tok_word(doc, t);
    if (mw->memo_have & (1u << MTC_WM_GR_DEFINED))
        return (int)mw->memo[MTC_WM_GR_DEFINED];
    size_t n = mtc_tok_len(t), seen = 0;
    const char *w = mtc_tok_text(doc, t);
    for (size_t i = 1; i < doc->n_tokens && seen < DEFINED_TERM_MIN; i++) {
        const mtc_token *u = &doc->tokens[i];
        if (mtc_tok_same_word(u, t) && mtc_tok_len(u) == n &&
            memcmp(mtc_tok_text(doc, u), w, n) == 0 && lowercase_word(doc, &doc->tokens[i - 1]))
            seen++;
    }
    mw->memo[MTC_WM_GR_DEFINED] = seen >= DEFINED_TERM_MIN;
    mw->memo_have |= (uint16_t)(1u << MTC_WM_GR_DEFINED);
    return seen >= DEFINED_TERM_MIN;
}

static void check_run_together(const gr_state *st, const mtc_context *ctx, size_t si,
                               mtc_emitter *em)
{
    const mtc_document *doc = ctx->doc;
    const mtc_sentence *s = &doc->sentences[si];
    size_t last = s->first_token + s->n_tokens;
    for (size_t i = s->first_token + 1; i + 1 < last; i++) {
        const mtc_token *t = &doc->tokens[i];
        if (t->kind != MTC_TOK_WORD || !(t->flags & MTC_TF_INITIAL_UPPER) ||
            (t->flags & (MTC_TF_ALL_UPPER | MTC_TF_MIXED_CASE)) || mtc_tok_len(t) < 2)
            continue;
        const char *w = mtc_tok_text(doc, t);
        size_t n = mtc_tok_len(t);
        /* articles, determiners, pronouns, prepositions, conjunctions; not
         * the auxiliaries and modals, which are also names and months
         * ("in early May amid", "Will Smith") */
        if (!(mtc_grammar_closed_tok(st->lx, doc, t) &
              (MTC_CC_ART | MTC_CC_DET | MTC_CC_POSS | MTC_CC_SUBJ | MTC_CC_PREP | MTC_CC_CONJ)))
            continue;
        if (w[0] == 'I' && (w[1] == '\'' || (n > 3 && memcmp(w + 1, "\xE2\x80\x99", 3) == 0)))
            continue; /* I'm, I’ve: always capitalised */
        const mtc_token *pv = &doc->tokens[i - 1], *nx = &doc->tokens[i + 1];
        int32_t mark = pv->kind == MTC_TOK_PUNCT ? tok_cp(doc, pv) : -1;
        if ((mark == ';' || mark == ',') && i >= s->first_token + 2 &&
            is_word(&doc->tokens[i - 2]) && doc->tokens[i - 2].end == pv->start &&
            pv->end + 1 == t->start && doc->text[pv->end] == ' ' && lowercase_word(doc, nx) &&
            t->end + 1 == nx->start && doc->text[t->end] == ' ' &&
            (mark == ';' || (mtc_grammar_closed(st->lx, w, n) & MTC_CC_CONJ)) &&
            !defined_term(doc, t)) {
            /* "the strategy; It is necessary", "Taipa Old Town, And many":
             * a sentence's capital inside the sentence (after a comma only a
             * conjunction: "Lisboa, The Karl Lagerfeld" lists names) */
            mtc_emit(em, R_RUNTOGETHER, MTC_SEV_DEFAULT, t->start, t->end,
                     "capitalised '%.*s' after '%c': lowercase it, or end the sentence before it",
                     (int)n, w, (char)mark);
            continue;
        }
        if (!lowercase_word(doc, pv) || !lowercase_word(doc, nx))
            continue;
        if (pv->end + 1 != t->start || doc->text[pv->end] != ' ' || t->end + 1 != nx->start ||
            doc->text[t->end] != ' ')
            continue;
        if (mtc_grammar_closed_tok(st->lx, doc, pv))
            continue; /* "of The", "and The": a title may follow */
        if (defined_term(doc, t))
            continue;
        mtc_emit(em, R_RUNTOGETHER, MTC_SEV_DEFAULT, t->start, t->end,
                 "capitalised '%.*s' in mid-sentence: a full stop is missing before it?", (int)n,
                 w);
    }
}

/* ---- the article's shape ---- */

/* The number of tokens of the list mark that opens sentence s: a bullet
 * ("- ", "• ") 1, a number ("2. ", "3) ") 2, none 0. */
static size_t list_mark(const mtc_document *doc, const mtc_sentence *s)
{
    size_t i = s->first_token, last = s->first_token + s->n_tokens;
    if (i < last && (doc->tokens[i].kind == MTC_TOK_PUNCT || doc->tokens[i].kind == MTC_TOK_SYMBOL)) {
        int32_t cp = tok_cp(doc, &doc->tokens[i]);
        if (cp == '-' || cp == '*' || cp == 0x2022 || cp == 0x00B7 || cp == 0x2013 ||
            cp == 0x2014 || cp == 0x25CF || cp == 0x25A0 || cp == 0x2023)
            return 1;
    } else if (i + 1 < last && doc->tokens[i].kind == MTC_TOK_NUMBER) {
        int32_t cp = tok_cp(doc, &doc->tokens[i + 1]);
        if (cp == '.' || cp == ')')
            return 2;
    }
    return 0;
}

/* The first word of sentence s after its list mark ("- Do not", "2)
 * Install"), or (size_t)-1. */
static size_t item_first_word(const mtc_document *doc, const mtc_sentence *s)
{
    size_t last = s->first_token + s->n_tokens;
    for (size_t i = s->first_token + list_mark(doc, s); i < last; i++) {
        const mtc_token *t = &doc->tokens[i];
        if (is_word(t))
            return i;
        if (t->kind != MTC_TOK_PUNCT || !is_quote_cp(tok_cp(doc, t)))
            return (size_t)-1;
    }
    return (size_t)-1;
}

/* 1 if sentence si has the shape of an instruction: it opens on a base-form
 * verb with no subject ("Install antivirus software ...") or on an opening
 * listed in grammar-imperative-ok.txt ("Do not ...", "Never ...", "Be
 * wary ..."). Questions are not instructions. */
enum { IMP_NONE = 0, IMP_VERB, IMP_LISTED };

static int imperative_sentence(const gr_state *st, const mtc_document *doc, size_t si)
{
    const mtc_sentence *s = &doc->sentences[si];
    size_t w = item_first_word(doc, s);
    if (w == (size_t)-1 || terminal(doc, s, NULL) == '?' || !has_words(doc, s, 2))
        return 0;
    const mtc_token *t = &doc->tokens[w];
    if (t->kind != MTC_TOK_WORD || (t->flags & MTC_TF_ALL_UPPER))
        return 0;
    char buf[64];
    size_t m = mtc_utf8_lower(mtc_tok_text(doc, t), mtc_tok_len(t), buf, sizeof buf);
    if (m != (size_t)-1 && mtc_wordset_contains(st->imperative, buf, m))
        return IMP_LISTED;
    unsigned ox = mtc_grammar_open_tok(st->lx, doc, t, NULL);
    if (!(ox & MTC_LX_VERB) || mtc_grammar_closed_tok(st->lx, doc, t))
        return IMP_NONE;
    if (subjectless_opening(st, doc, si, w) == OPEN_VERB)
        return IMP_VERB;
    /* a base form that is also a noun ("Pay more attention", "Check the
     * address") is an instruction unless a verb follows it as its
     * predicate ("Pay rises were ...") */
    size_t last = s->first_token + s->n_tokens;
    if (w + 1 >= last || !is_word(&doc->tokens[w + 1]))
        return 0;
    const mtc_token *u = &doc->tokens[w + 1];
    unsigned uc = mtc_grammar_closed_tok(st->lx, doc, u);
    unsigned ux = mtc_grammar_open_tok(st->lx, doc, u, NULL);
    if (uc & (MTC_CC_AUX | MTC_CC_MODAL))
        return IMP_NONE;
    if ((ux & (MTC_LX_VERB_S | MTC_LX_VERB_D)) && !(ux & (MTC_LX_NOUN | MTC_LX_ADJ)))
        return IMP_NONE;
    return IMP_VERB;
}

/* 1 if sentence si holds "you", "your", ... outside quotations. */
static int addresses_reader(const mtc_context *ctx, size_t si)
{
    const mtc_document *doc = ctx->doc;
    const mtc_sentence *s = &doc->sentences[si];
    for (size_t i = s->first_token; i < s->first_token + s->n_tokens; i++) {
        const mtc_token *t = &doc->tokens[i];
        if (t->kind == MTC_TOK_WORD && !(t->flags & MTC_TF_ALL_UPPER && mtc_tok_len(t) > 1) &&
            (tok_is(doc, t, "you") || tok_is(doc, t, "your") || tok_is(doc, t, "yourself")) &&
            !(ctx->quotes && mtc_quotemap_inside(ctx->quotes, t->start)))
            return 1;
    }
    return 0;
}

/* 1 if paragraph p opens on a speaker's label: one to six capitalised words
 * (a parenthesis allowed: "Zhang Wei (reporter)"; after a comma, the
 * speaker's role in any case: "Wang Li, retired teacher") and a colon, with
 * the turn after it in the same paragraph ("Patient He Ying: After the new
 * policy ...", "Q: ...", "A: ..."). */
static int speaker_label(const mtc_document *doc, const mtc_paragraph *p)
{
    if (p->n_sentences == 0)
        return 0;
    const mtc_sentence *s = &doc->sentences[p->first_sentence];
    size_t last = s->first_token + s->n_tokens, words = 0, role = 0;
    int paren = 0, comma = 0;
    for (size_t i = s->first_token; i < last; i++) {
        const mtc_token *t = &doc->tokens[i];
        if (is_word(t)) {
            if (!paren && !comma && !(t->flags & MTC_TF_INITIAL_UPPER))
                return 0;
            if (comma ? ++role > 5 : ++words > 6)
                return 0;
            continue;
        }
        if (t->kind == MTC_TOK_PUNCT && tok_cp(doc, t) == ',' && !paren) {
            if (comma || words == 0)
                return 0; /* one comma, after the name */
            comma = 1;
            continue;
        }
        if (t->kind != MTC_TOK_PUNCT)
            return 0;
        int32_t cp = tok_cp(doc, t);
        if (cp == ':' || cp == 0xFF1A) {
            if (words == 0 || paren || (comma && role == 0))
                return 0;
            for (size_t j = i + 1; j < last; j++)
                if (is_word(&doc->tokens[j]) || doc->tokens[j].kind == MTC_TOK_NUMBER)
                    return 1;
            return p->n_sentences > 1;
        }
        if (cp == '(' || cp == 0xFF08)
            paren++;
        else if ((cp == ')' || cp == 0xFF09) && paren)
            paren--;
        else if (cp != '.' && cp != '-' && cp != '\'' && cp != 0x2019)
            return 0; /* "Dr.", "Jean-Pierre", "O'Brien" */
    }
    return 0;
}

static size_t para_words(const mtc_document *doc, const mtc_paragraph *p, size_t stop)
{
    size_t n = 0;
    for (size_t k = p->first_sentence; k < p->first_sentence + p->n_sentences && n <= stop; k++) {
        const mtc_sentence *s = &doc->sentences[k];
        for (size_t i = s->first_token; i < s->first_token + s->n_tokens; i++)
            if (is_word(&doc->tokens[i]) || doc->tokens[i].kind == MTC_TOK_NUMBER)
                n++;
    }
    return n;
}

/* Sets own_voice on the narrative sentences [from, to) when they are told
 * in the first or second person (see VOICE_*), or, for the whole article,
 * when too few of them are told in the third person to establish its voice
 * (THIRD_PERSON_MIN_SENTENCES). */
static void mark_voice(const gr_state *st, const mtc_context *ctx, gr_shape *sh, size_t from,
                       size_t to, int whole_article)
{
    const mtc_document *doc = ctx->doc;
    size_t narrative = 0, personal = 0;
    for (size_t si = from; si < to; si++) {
        const mtc_sentence *s = &doc->sentences[si];
        const gr_para_shape *ps = &sh->para[s->paragraph];
        if (ps->heading || ps->speech || !has_words(doc, s, 3))
            continue;
        size_t w = first_word(doc, s);
        if (w != (size_t)-1 && ctx->quotes &&
            mtc_quotemap_inside(ctx->quotes, doc->tokens[w].start) &&
            mtc_quotemap_inside(ctx->quotes, doc->tokens[s->first_token + s->n_tokens - 1].start))
            continue; /* a quotation throughout */
        narrative++;
        size_t own = 0;
        person_pronouns(st, ctx, si, NULL, &own);
        if (own)
            personal++;
    }
    int own = personal >= VOICE_MIN_SENTENCES && personal * 100 >= narrative * VOICE_SHARE_PCT;
    if (whole_article && narrative - personal < THIRD_PERSON_MIN_SENTENCES)
        own = 1;
    if (own)
        for (size_t si = from; si < to; si++)
            sh->sent[si].own_voice = 1;
}

static void shape_article(const gr_state *st, const mtc_context *ctx, gr_shape *sh)
{
    const mtc_document *doc = ctx->doc;
    size_t np = doc->n_paragraphs;
    size_t labels = 0, answers = 0;
    for (size_t pi = 0; pi < np; pi++) {
        const mtc_paragraph *p = &doc->paragraphs[pi];
        gr_para_shape *ps = &sh->para[pi];
        if (p->n_sentences == 0)
            continue;
        const mtc_sentence *s0 = &doc->sentences[p->first_sentence];
        const mtc_sentence *sl = &doc->sentences[p->first_sentence + p->n_sentences - 1];
        ps->heading = (unsigned char)para_is_heading(doc, p);
        ps->label = (unsigned char)speaker_label(doc, p);
        labels += ps->label;
        int32_t end = terminal(doc, sl, NULL);
        ps->question = end == '?' || end == 0xFF1F;
        ps->lead_in = end == ':' || end == 0xFF1A;
        ps->brief = p->n_sentences <= BRIEF_SENTENCES && para_words(doc, p, BRIEF_WORDS) <= BRIEF_WORDS;
        int32_t lc = para_last_cp(doc, p);
        ps->item = list_mark(doc, s0) > 0 ||
                   (p->is_headline && (lc == ';' || lc == ',' || lc == 0xFF1B || lc == 0xFF0C));
        for (size_t si = p->first_sentence; si < p->first_sentence + p->n_sentences; si++) {
            sh->sent[si].imperative = (unsigned char)imperative_sentence(st, doc, si);
            if (sh->sent[si].imperative == IMP_LISTED || addresses_reader(ctx, si))
                ps->addressed = 1;
        }
        ps->imperative = sh->sent[p->first_sentence].imperative != IMP_NONE;
        if (pi > 0 && sh->para[pi - 1].question && !ps->question && !ps->heading)
            answers++;
    }
    /* speech: a transcript (two labels or more) or a Q&A (two questions
     * answered or more): from the first turn on, every paragraph that is not
     * a heading is a turn or its continuation */
    int transcript = labels >= 2, qa = answers >= 2, started = 0;
    for (size_t pi = 0; pi < np; pi++) {
        gr_para_shape *ps = &sh->para[pi];
        if (ps->label)
            ps->speech = 1;
        if ((transcript && ps->label) || (qa && ps->question))
            started = 1;
        else if (started && !ps->heading)
            ps->speech = 1;
    }
    /* lists: brief paragraphs after a lead-in ("Anti-fraud tips:"), and runs
     * of brief paragraphs that are instructions or list items, when the run
     * has a list mark, speaks to the reader or is LIST_MIN_RUN long */
    for (size_t pi = 0; pi < np; pi++) {
        gr_para_shape *ps = &sh->para[pi];
        if (ps->brief && !ps->heading && pi > 0 &&
            (sh->para[pi - 1].lead_in || sh->para[pi - 1].in_list))
            ps->in_list = 1;
    }
    for (size_t pi = 0; pi < np;) {
        size_t end = pi;
        int marked = 0;
        while (end < np && sh->para[end].brief && !sh->para[end].heading &&
               (sh->para[end].imperative || sh->para[end].item)) {
            marked |= sh->para[end].item || sh->para[end].addressed;
            end++;
        }
        if (end - pi >= 2 && (marked || end - pi >= LIST_MIN_RUN))
            for (size_t k = pi; k < end; k++)
                sh->para[k].in_list = 1;
        pi = end > pi ? end : pi + 1;
    }
    /* instructions: an imperative in a list paragraph, after a sentence of
     * its paragraph with a colon, or in a run of imperative sentences of its
     * paragraph that speaks to the reader or is LIST_MIN_RUN long */
    for (size_t pi = 0; pi < np; pi++) {
        const mtc_paragraph *p = &doc->paragraphs[pi];
        size_t a = p->first_sentence, z = p->first_sentence + p->n_sentences;
        int colon = 0;
        for (size_t si = a; si < z; si++) {
            gr_sent_shape *ss = &sh->sent[si];
            if (ss->imperative && (sh->para[pi].in_list || colon))
                ss->instruction = 1;
            if (has_mark(doc, &doc->sentences[si], ':', 0xFF1A))
                colon = 1;
        }
        for (size_t si = a; si < z;) {
            size_t end = si;
            int marked = 0;
            while (end < z && sh->sent[end].imperative) {
                marked |= sh->sent[end].imperative == IMP_LISTED || addresses_reader(ctx, end);
                end++;
            }
            if (end - si >= 2 && (marked || end - si >= LIST_MIN_RUN))
                for (size_t k = si; k < end; k++)
                    sh->sent[k].instruction = 1;
            si = end > si ? end : si + 1;
        }
    }
    /* voice: the article's, then each section's (between headings) */
    mark_voice(st, ctx, sh, 0, doc->n_sentences, 1);
    size_t from = 0;
    for (size_t pi = 0; pi <= np; pi++) {
        if (pi < np && !sh->para[pi].heading)
            continue;
        size_t to = pi < np ? doc->paragraphs[pi].first_sentence : doc->n_sentences;
        if (to > from)
            mark_voice(st, ctx, sh, from, to, 0);
        if (pi < np)
            from = doc->paragraphs[pi].first_sentence + doc->paragraphs[pi].n_sentences;
    }
}

/* ---- the hooks ---- */

static void gr_check_sentence(void *state, const mtc_context *ctx, size_t si, mtc_emitter *em)
{
    const gr_state *st = state;
    const mtc_document *doc = ctx->doc;
    const mtc_sentence *s = &doc->sentences[si];
    if (s->n_tokens == 0)
        return;
    if (mtc_rule_on(em, R_ARTICLE))
        check_articles(st, ctx, si, em);
    if (mtc_rule_on(em, R_RUNTOGETHER))
        check_run_together(st, ctx, si, em);
    size_t w = first_word(doc, s);
    if (w != (size_t)-1 && mtc_rule_on(em, R_LOWER) && is_body(st, doc, si))
        check_lowercase(st, ctx, si, w, em);
}

/* The rules that read the article's shape: narrative person (its voice,
 * its speech), missing subjects and fragments (its lists and speech). */
static void gr_check_article(void *state, const mtc_context *ctx, mtc_emitter *em)
{
    const gr_state *st = state;
    const mtc_document *doc = ctx->doc;
    int person = mtc_rule_on(em, R_PERSON), subject = mtc_rule_on(em, R_SUBJECT),
        fragment = mtc_rule_on(em, R_FRAGMENT);
    if ((!person && !subject && !fragment) || doc->n_sentences == 0)
        return;
    gr_shape sh;
    sh.para = mtc_xcalloc(doc->n_paragraphs ? doc->n_paragraphs : 1, sizeof *sh.para);
    sh.sent = mtc_xcalloc(doc->n_sentences, sizeof *sh.sent);
    shape_article(st, ctx, &sh);
    /* a base-form opening is a dropped subject only inside a narrative: a
     * sentence checked alone ("Close the door when you leave.") is an
     * instruction */
    size_t body = 0;
    for (size_t si = 0; si < doc->n_sentences && body < 2; si++)
        body += doc->sentences[si].n_tokens > 0 && is_body(st, doc, si);
    for (size_t si = 0; si < doc->n_sentences; si++) {
        const mtc_sentence *s = &doc->sentences[si];
        if (s->n_tokens == 0)
            continue;
        if (person)
            check_person(st, ctx, si, &sh, em);
        size_t w = first_word(doc, s);
        if (w == (size_t)-1 || !is_body(st, doc, si))
            continue;
        /* quoted speech and a speaker's turn are exempt from the
         * sentence-shape rules */
        if ((ctx->quotes && mtc_quotemap_inside(ctx->quotes, doc->tokens[w].start)) ||
            sh.para[s->paragraph].speech)
            continue;
        if (sh.sent[si].instruction || (body < 2 && sh.sent[si].imperative != IMP_NONE))
            continue; /* subjectless and verbless by design */
        int subjectless = 0;
        if (subject)
            subjectless = check_subject(st, ctx, si, w, em);
        /* one issue per sentence opening: a subjectless sentence is not
         * also reported as a fragment; an opening such as "Thank you very
         * much." has its verb (a bare "Raise great expectations." outside
         * a list stays a fragment: the subject and verb were lost) */
        if (!subjectless && fragment && sh.sent[si].imperative != IMP_LISTED)
            check_fragment(st, ctx, si, w, em);
    }
    free(sh.sent);
    free(sh.para);
}

const mtc_analyzer mtc_analyzer_grammar = {
    "grammar", rules, sizeof rules / sizeof rules[0], gr_create, gr_destroy, gr_check_sentence,
    gr_check_article, NULL,
};
