/* typography.c — the typography analyzer: doubled punctuation (". ..",
 * ",,", "!!"), a space before , . ; : ? ! and doubled words ("the the",
 * except the words in dictionaries/typography-doubled-ok.txt such as
 * "had had"). Works on one sentence's tokens at a time. Its per-worker
 * state is the exception word set (owned, freed by destroy). */
#include <stdlib.h>
#include <string.h>

#include "analyzer.h"
#include "utf8.h"
#include "wordset.h"

/* The analyzer's rules: indexes into rules[] (a misspelled id does not compile). */
enum { R_DOUBLED_PUNCT, R_SPACE_BEFORE, R_DOUBLED_WORD, N_RULES };

static const mtc_rule_info rules[N_RULES] = {
    [R_DOUBLED_PUNCT] = {"typography.doubled-punctuation", "typography", MTC_SEV_MINOR, 1,
     "Punctuation mark doubled or repeated with a space (\". ..\", \",,\")"},
    [R_SPACE_BEFORE] = {"typography.space-before-punctuation", "typography", MTC_SEV_MINOR, 1,
     "Space before a comma, full stop, semicolon, colon, question or exclamation mark"},
    [R_DOUBLED_WORD] = {"typography.doubled-word", "typography", MTC_SEV_MAJOR, 1,
     "The same word twice in a row (\"the the\")"},
};

typedef struct typo_state {
    mtc_wordset *doubled_ok;
} typo_state;

static mtc_status typo_create(const mtc_config *cfg, void **state, mtc_error *err)
{
    (void)cfg;
    typo_state *st = calloc(1, sizeof *st);
    if (!st)
        abort();
    st->doubled_ok = mtc_wordset_new();
    mtc_status s = mtc_wordset_load(st->doubled_ok, "dictionaries/typography-doubled-ok.txt", 1, err);
    if (s != MTC_OK) {
        mtc_wordset_free(st->doubled_ok);
        free(st);
        return s;
    }
    *state = st;
    return MTC_OK;
}

static void typo_destroy(void *state)
{
    typo_state *st = state;
    if (!st)
        return;
    mtc_wordset_free(st->doubled_ok);
    free(st);
}

static int is_terminal_mark(char c)
{
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '?' || c == '!';
}

static int is_inline_space(char c)
{
    return c == ' ' || c == '\t';
}

/* Length of the run of c starting at i. */
static size_t run_len(const char *t, size_t end, size_t i, char c)
{
    size_t j = i;
    while (j < end && t[j] == c)
        j++;
    return j - i;
}

static void check_punctuation(const mtc_context *ctx, const mtc_sentence *s, mtc_emitter *em)
{
    const char *t = ctx->doc->text;
    size_t end = s->end;
    size_t i = s->start;
    while (i < end) {
        if (i + 8 <= end) {
            uint64_t v = mtc_load8(t + i);
            if (!(mtc_has_byte(v, '.') | mtc_has_byte(v, ',') | mtc_has_byte(v, ';') |
                  mtc_has_byte(v, ':') | mtc_has_byte(v, '?') | mtc_has_byte(v, '!'))) {
                i += 8; /* no mark in these eight bytes */
                continue;
            }
        }
        char c = t[i];
        if (!is_terminal_mark(c)) {
            i++;
            continue;
        }
        size_t run = run_len(t, end, i, c);
        int ellipsis = c == '.' && run >= 3;
        /* a space before the mark: not before an ellipsis, not ".5", not after
         * another mark ("U.S. ." is reported as doubled punctuation instead) */
        if (!ellipsis && i > s->start && is_inline_space(t[i - 1])) {
            size_t sp = i;
            while (sp > s->start && is_inline_space(t[sp - 1]))
                sp--;
            int decimal = c == '.' && i + run < end && mtc_ascii_is_digit((unsigned char)t[i + run]);
            int after_mark = sp > s->start && is_terminal_mark(t[sp - 1]);
            if (sp > s->start && !decimal && !after_mark)
                mtc_emit(em, R_SPACE_BEFORE, MTC_SEV_DEFAULT, sp, i + 1,
                         "space before '%c'", c);
        }
        size_t flag_end = 0;
        int informal_ellipsis = c == '.' && run == 2 && i + 2 < end &&
                                mtc_ascii_is_alnum((unsigned char)t[i + 2]);
        if (!ellipsis && run >= 2 && !informal_ellipsis) {
            flag_end = i + run; /* ",,", "..", "!!", "??" (not "that..about") */
        } else {
            /* the same mark again after spaces: ". ..", ", ," */
            size_t j = i + run;
            while (j < end && is_inline_space(t[j]))
                j++;
            if (j > i + run && j < end && t[j] == c && !(ellipsis && run_len(t, end, j, c) >= 3))
                flag_end = j + run_len(t, end, j, c);
            /* ",." ",;" ";," ":," — a comma, semicolon or colon followed by another mark */
            else if (!ellipsis && (c == ',' || c == ';' || c == ':') && i + 1 < end &&
                     (t[i + 1] == ',' || t[i + 1] == '.' || t[i + 1] == ';' || t[i + 1] == ':') &&
                     t[i + 1] != c && run_len(t, end, i + 1, '.') < 3)
                flag_end = i + 2;
        }
        if (flag_end) {
            mtc_emit(em, R_DOUBLED_PUNCT, MTC_SEV_DEFAULT, i, flag_end,
                     "doubled punctuation '%.*s'", (int)(flag_end - i), t + i);
            i = flag_end;
            continue;
        }
        i += run;
    }
}

static int is_quote_cp(int32_t cp)
{
    return (mtc_quote_char(cp) & MTC_QC_ENGLISH) != 0; /* quotemap.h */
}

static int quote_before(const char *t, size_t lo, size_t off)
{
    int32_t cp;
    return off > lo && (mtc_utf8_prev(t, off, &cp), is_quote_cp(cp));
}

static int quote_after(const char *t, size_t hi, size_t off)
{
    int32_t cp;
    return off < hi && (mtc_utf8_next(t, hi, off, &cp), is_quote_cp(cp));
}

static int ascii_only(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return 0;
    return 1;
}

static void check_doubled_words(typo_state *st, const mtc_context *ctx, const mtc_sentence *s,
                                mtc_emitter *em)
{
    const mtc_document *doc = ctx->doc;
    const char *t = doc->text;
    for (size_t k = 1; k < s->n_tokens; k++) {
        const mtc_token *a = &doc->tokens[s->first_token + k - 1];
        const mtc_token *b = &doc->tokens[s->first_token + k];
        if (a->kind != MTC_TOK_WORD || b->kind != MTC_TOK_WORD)
            continue;
        /* only whitespace between them, no line break (headline/byline joins) */
        int only_space = 1;
        for (size_t p = a->end; p < b->start; p++)
            if (!is_inline_space(t[p]))
                only_space = 0;
        if (!only_space || b->start == a->end)
            continue;
        /* cheap first: ASCII first letters that differ make different words */
        unsigned char a0 = (unsigned char)t[a->start], b0 = (unsigned char)t[b->start];
        if (a0 < 0x80 && b0 < 0x80 && mtc_ascii_tolower(a0) != mtc_ascii_tolower(b0))
            continue;
        size_t la = a->end - a->start, lb = b->end - b->start;
        if (la != lb && ascii_only(t + a->start, la) && ascii_only(t + b->start, lb))
            continue; /* ASCII lowercasing keeps lengths: different words */
        char wa[256], wb[256];
        size_t na = mtc_utf8_lower(t + a->start, la, wa, sizeof wa);
        size_t nb = mtc_utf8_lower(t + b->start, lb, wb, sizeof wb);
        if (na == (size_t)-1 || nb == (size_t)-1 || na != nb || memcmp(wa, wb, na) != 0)
            continue;
        if (mtc_wordset_contains(st->doubled_ok, wa, na))
            continue;
        /* a quoted reduplication: "zoom zoom", ‘bye bye’ */
        if (quote_before(t, s->start, a->start) && quote_after(t, s->end, b->end))
            continue;
        mtc_issue *is = mtc_emit(em, R_DOUBLED_WORD, MTC_SEV_DEFAULT, a->start, b->end,
                                 "doubled word '%.*s'", (int)lb, t + b->start);
        mtc_issue_suggest(is, t + a->start, la);
    }
}

static void typo_check_sentence(void *state, const mtc_context *ctx, size_t sentence,
                                mtc_emitter *em)
{
    const mtc_sentence *s = &ctx->doc->sentences[sentence];
    if (mtc_rule_on(em, R_DOUBLED_PUNCT) ||
        mtc_rule_on(em, R_SPACE_BEFORE))
        check_punctuation(ctx, s, em);
    if (mtc_rule_on(em, R_DOUBLED_WORD))
        check_doubled_words(state, ctx, s, em);
}

const mtc_analyzer mtc_analyzer_typography = {
    "typography", rules, sizeof rules / sizeof rules[0], typo_create, typo_destroy,
    typo_check_sentence, NULL,
};
