/* typography.c — the typography analyzer: doubled punctuation (". ..",
 * ",,", "!!"), a space before , . ; : ? !, no space after one between two
 * words ("table.The", "however,the": typography.missing-space) and words
 * or phrases said twice in a row:
 *   typography.doubled-word    one word twice ("the the", "is is", a word
 *                              repeated across a line break)
 *   typography.doubled-phrase  two to eight words twice ("from the from the",
 *                              "in the middle of the table in the middle of
 *                              the table"); three or more copies are
 *                              artifacts.repetition's translation loops.
 *   typography.double-hyphen   "--" for a dash between words (an em dash)
 *   typography.number-format   a quantity of thousands without separators
 *                              ("25000 people"; "1080 days" where the
 *                              article writes "1,095 days"), an article hook.
 * Doublings English allows are told from their context, with the grammar
 * lexicon's word classes (grammar_lexicon.h): "had had" before anything but
 * a participle, "that that" unless a determiner or a subject pronoun follows
 * (the second "that" must be a pronoun or a determiner), "what it is is",
 * an adverb or adjective doubled for emphasis before a gradable word ("so so
 * much", "far far away"), a capitalised word the lexicon does not know
 * (reduplicated names: "Walla Walla"), coordination chains ("more and more
 * and more"), an object and its complement after a verb of naming ("call a
 * spade a spade"), and the interjections of
 * dictionaries/typography-doubled-ok.txt ("bye bye"). Works on one sentence's tokens at a time (number-format on the
 * article: it compares the article's numbers). Per-worker state:
 * the interjection set, the lexicon (loaded only when a rule that reads it is on)
 * and a scratch array of word positions (all owned, freed by destroy). */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "analyzer.h"
#include "grammar_lexicon.h"
#include "utf8.h"
#include "words.h"
#include "wordset.h"

/* The analyzer's rules: indexes into rules[] (a misspelled id does not compile). */
enum {
    R_DOUBLED_PUNCT,
    R_SPACE_BEFORE,
    R_MISSING_SPACE,
    R_DOUBLED_WORD,
    R_DOUBLED_PHRASE,
    R_NUMBER_FORMAT,
    R_DOUBLE_HYPHEN,
    N_RULES
};

static const mtc_rule_info rules[N_RULES] = {
    [R_DOUBLED_PUNCT] = {"typography.doubled-punctuation", "typography", MTC_SEV_MINOR, 1,
     "Punctuation mark doubled or repeated with a space (\". ..\", \",,\")"},
    [R_SPACE_BEFORE] = {"typography.space-before-punctuation", "typography", MTC_SEV_MINOR, 1,
     "Space before a comma, full stop, semicolon, colon, question or exclamation mark"},
    [R_MISSING_SPACE] = {"typography.missing-space", "typography", MTC_SEV_MINOR, 1,
     "No space after a full stop, question or exclamation mark, comma or semicolon between "
     "two words (\"table.The\", \"however,the\")"},
    [R_DOUBLED_WORD] = {"typography.doubled-word", "typography", MTC_SEV_MAJOR, 1,
     "The same word twice in a row (\"the the\", \"is is\")"},
    [R_DOUBLED_PHRASE] = {"typography.doubled-phrase", "typography", MTC_SEV_MAJOR, 1,
     "A phrase of two to eight words said twice in a row (\"from the from the\")"},
    [R_NUMBER_FORMAT] = {"typography.number-format", "typography", MTC_SEV_MINOR, 1,
     "A quantity of thousands without separators: five digits or more (\"25000 people\"), "
     "or four where the article separates thousands elsewhere (\"1,500 … 1080 days\")"},
    [R_DOUBLE_HYPHEN] = {"typography.double-hyphen", "typography", MTC_SEV_MINOR, 1,
     "Two hyphens standing for a dash between words (\"(Xinhua) -- The\", \"Project--Four\"): "
     "an em dash"},
};

enum {
    PHRASE_MAX_WORDS = 8, /* longer doubled stretches are artifacts.repetition's */
    COMMA_MIN_WORDS = 3,  /* "the Samba Bar, the Samba Bar": a comma may separate
                           * copies of three words or more ("Well done, well
                           * done" is said that way) */
    CLEFT_LOOKBACK = 6,   /* "what the problem really is is": words back to a wh-word */
    WORD_MAX = 96         /* longer words are compared, never looked up */
};

typedef struct typo_state {
    mtc_wordset *doubled_ok;   /* interjections that double: "bye bye", "ha ha" */
    mtc_grammar_lexicon *lx;   /* NULL when no doubling rule is on */
    size_t *words;             /* scratch: token indexes of a sentence's words */
    size_t cap;
} typo_state;

/* 1 when a rule that reads the grammar lexicon is on. */
static int lexicon_needed(const mtc_config *cfg)
{
    for (int r = R_DOUBLED_WORD; r <= R_NUMBER_FORMAT; r++)
        if (mtc_config_rule_enabled(cfg, rules[r].id, "typography", rules[r].category,
                                    rules[r].enabled))
            return 1;
    return 0;
}

static void typo_destroy(void *state)
{
    typo_state *st = state;
    if (!st)
        return;
    mtc_wordset_free(st->doubled_ok);
    mtc_grammar_lexicon_free(st->lx);
    free(st->words);
    free(st);
}

static mtc_status typo_create(const mtc_config *cfg, void **state, mtc_error *err)
{
    typo_state *st = mtc_xcalloc(1, sizeof *st);
    st->doubled_ok = mtc_wordset_new();
    mtc_status s = mtc_wordset_load(st->doubled_ok, "dictionaries/typography-doubled-ok.txt", 1, err);
    if (s == MTC_OK && lexicon_needed(cfg)) {
        st->lx = mtc_grammar_lexicon_load(err);
        if (!st->lx)
            s = err->status != MTC_OK ? err->status : MTC_ERR_CONFIG;
    }
    if (s != MTC_OK) {
        typo_destroy(st);
        return s;
    }
    *state = st;
    return MTC_OK;
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
            /* ".5": a decimal, not a full stop */
            int not_a_stop = c == '.' && i + run < end && mtc_ascii_is_digit((unsigned char)t[i + run]);
            /* ".ai", ".NET", ".js": a name that starts with a dot, not a
             * full stop (".The" after a space is one) */
            if (c == '.' && run == 1 && !not_a_stop && i + 1 < end &&
                mtc_ascii_is_alpha((unsigned char)t[i + 1])) {
                size_t j = i + 1;
                int lower = 0, upper = 0;
                while (j < end && mtc_ascii_is_alpha((unsigned char)t[j])) {
                    lower |= mtc_ascii_is_lower((unsigned char)t[j]);
                    upper |= mtc_ascii_is_upper((unsigned char)t[j]);
                    j++;
                }
                not_a_stop = !(lower && upper); /* all lowercase or all capitals */
            }
            int after_mark = sp > s->start && is_terminal_mark(t[sp - 1]);
            if (sp > s->start && !not_a_stop && !after_mark)
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

/* ------------------------------------------------------ missing space */

/* Length of the run of ASCII letters at i (up to end). */
static size_t letters_at(const char *t, size_t i, size_t end)
{
    size_t j = i;
    while (j < end && mtc_ascii_is_alpha((unsigned char)t[j]))
        j++;
    return j - i;
}

/* 1 when the whitespace-delimited chunk around [from, to) looks like an
 * address, a path, a handle or code: "example.com/News", "a@b.Org",
 * "www.site.Com", "obj.Method()". */
static int in_address(const char *t, size_t lo, size_t hi, size_t from, size_t to)
{
    size_t a = from, b = to;
    while (a > lo && !mtc_ascii_is_space((unsigned char)t[a - 1]))
        a--;
    while (b < hi && !mtc_ascii_is_space((unsigned char)t[b]))
        b++;
    for (size_t i = a; i < b; i++)
        if (t[i] == '/' || t[i] == '@' || t[i] == '\\' || t[i] == '_' || t[i] == '=' || t[i] == '(' ||
            (t[i] == ':' && i + 1 < b && t[i + 1] == '/'))
            return 1;
    return b - a >= 4 && (memcmp(t + a, "www.", 4) == 0 || memcmp(t + a, "WWW.", 4) == 0);
}

/* "table.The", "you?I", "leave;however", "however,the": a word of two or
 * more lowercase letters, the mark, then a word with no space between.
 * After . ? ! the next word must start a sentence (a capital, then
 * lowercase letters or "I"/"A" alone), so "Node.js", "e.g.", "a.m.",
 * "U.S." and "E.ON" pass; after , and ; any word of two letters or more
 * (never digits: "1,000"). Addresses, paths and code are left alone. The
 * issue covers the mark; the fix is the mark and a space. */
/* "--" between words, spaced or not ("(Xinhua) -- The", "Project--Four"):
 * the typewriter's dash. Not an option ("run --help": a space before, a
 * letter right after), a rule of hyphens ("---"), nor between digits. */
static void check_double_hyphen(const mtc_context *ctx, const mtc_sentence *s, mtc_emitter *em)
{
    const char *t = ctx->doc->text;
    for (size_t i = s->start; i + 1 < s->end; i++) {
        if (t[i] != '-' || t[i + 1] != '-')
            continue;
        size_t a = i, b = i + 2;
        if ((a > 0 && t[a - 1] == '-') || (b < ctx->doc->len && t[b] == '-')) {
            while (i + 1 < s->end && t[i + 1] == '-')
                i++;
            continue; /* --- and longer */
        }
        char before = a > s->start ? t[a - 1] : ' ', after = b < s->end ? t[b] : ' ';
        int word_before = mtc_ascii_is_alnum((unsigned char)before) || before == ')';
        int word_after = mtc_ascii_is_alnum((unsigned char)after) || after == '(';
        int spaced = before == ' ' && after == ' ';
        if (!mtc_ascii_is_alnum((unsigned char)before) && mtc_ascii_is_alpha((unsigned char)after))
            continue; /* an option: --help, '--recursive' */
        if (mtc_ascii_is_digit((unsigned char)before) && mtc_ascii_is_digit((unsigned char)after))
            continue; /* 5--10: a range */
        if (!spaced && !(word_before && word_after))
            continue;
        if (!spaced) { /* "rwxr--r-x": a string of symbols, not words */
            int other = 0;
            for (size_t j = a; j > s->start && t[j - 1] != ' ' && !other; j--)
                other = t[j - 1] == '-';
            for (size_t j = b; j < s->end && t[j] != ' ' && !other; j++)
                other = t[j] == '-';
            if (other)
                continue;
        }
        if (spaced && (a < s->start + 2 || b + 1 >= s->end))
            continue; /* a line's leading or trailing marker */
        mtc_issue *is = mtc_emit(em, R_DOUBLE_HYPHEN, MTC_SEV_DEFAULT, a, b,
                                 "two hyphens for a dash: an em dash");
        mtc_issue_suggest(is, "\xE2\x80\x94", 3);
        i = b - 1;
    }
}

static void check_missing_space(const mtc_context *ctx, const mtc_sentence *s, mtc_emitter *em)
{
    const mtc_document *doc = ctx->doc;
    const mtc_paragraph *pg = &doc->paragraphs[s->paragraph];
    const char *t = doc->text;
    size_t hi = pg->end;
    for (size_t i = s->start + 2; i < s->end && i + 1 < hi; i++) {
        char c = t[i];
        if (c != '.' && c != '?' && c != '!' && c != ',' && c != ';')
            continue;
        /* the word before: lowercase letters only, at least two */
        size_t a = i;
        while (a > pg->start && mtc_ascii_is_lower((unsigned char)t[a - 1]))
            a--;
        if (i - a < 2 || (a > pg->start && (mtc_ascii_is_alnum((unsigned char)t[a - 1]) ||
                                           t[a - 1] == '.' || t[a - 1] == '-' || t[a - 1] == '\'' ||
                                           (unsigned char)t[a - 1] >= 0x80)))
            continue;
        size_t b = i + 1, nb = letters_at(t, b, hi);
        if (nb == 0)
            continue;
        char after = b + nb < hi ? t[b + nb] : ' ';
        /* the word after ends the chunk or is followed by punctuation */
        if (!(mtc_ascii_is_space((unsigned char)after) || after == ',' || after == ';' ||
              ((after == '.' || after == '?' || after == '!') &&
               (b + nb + 1 >= hi || mtc_ascii_is_space((unsigned char)t[b + nb + 1])))))
            continue;
        if (c == '.' || c == '?' || c == '!') {
            if (!mtc_ascii_is_upper((unsigned char)t[b]))
                continue;
            int lower_tail = 1;
            for (size_t k = b + 1; k < b + nb; k++)
                lower_tail &= mtc_ascii_is_lower((unsigned char)t[k]);
            if (nb == 1 ? (t[b] != 'I' && t[b] != 'A') : !lower_tail)
                continue;
        } else if (nb < 2) {
            continue;
        }
        if (in_address(t, pg->start, hi, a, b + nb))
            continue;
        mtc_issue *is = mtc_emit(em, R_MISSING_SPACE, MTC_SEV_DEFAULT, i, i + 1,
                                 "no space after '%c' between '%.*s' and '%.*s'", c, (int)(i - a),
                                 t + a, (int)nb, t + b);
        if (is) {
            char fix[2] = {c, ' '};
            mtc_issue_suggest(is, fix, 2);
        }
    }
}

/* ------------------------------------------------------- doubled words */

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

/* Tokens that make up a phrase: words, numbers, "COVID-19". */
static int is_phrase_token(const mtc_token *tk)
{
    return tk->kind == MTC_TOK_WORD || tk->kind == MTC_TOK_OTHER_WORD ||
           tk->kind == MTC_TOK_NUMBER || tk->kind == MTC_TOK_ORDINAL;
}

/* 1 when tokens a and b are the same word, case aside: the same interned
 * lowercase form (words.h). */
static int same_word(const char *t, const mtc_token *a, const mtc_token *b)
{
    (void)t;
    return mtc_tok_same_word(a, b);
}

/* 1 when the token is the ASCII word w (lowercase), case aside. */
static int token_is(const char *t, const mtc_token *tk, const char *w)
{
    size_t n = strlen(w);
    if (tk->end - tk->start != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (mtc_ascii_tolower((unsigned char)t[tk->start + i]) != w[i])
            return 0;
    return 1;
}

static int token_in(const char *t, const mtc_token *tk, const char *const *words)
{
    for (; *words; words++)
        if (token_is(t, tk, *words))
            return 1;
    return 0;
}

/* Word classes of a token (0 for a missing or overlong one). */
static unsigned open_bits(const typo_state *st, const char *t, const mtc_token *tk, int *known)
{
    if (known)
        *known = 0;
    if (!tk || tk->kind != MTC_TOK_WORD || tk->end - tk->start > WORD_MAX)
        return 0;
    return mtc_grammar_open(st->lx, t + tk->start, tk->end - tk->start, known);
}

static unsigned closed_bits(const typo_state *st, const char *t, const mtc_token *tk)
{
    if (!tk || tk->kind != MTC_TOK_WORD || tk->end - tk->start > WORD_MAX)
        return 0;
    return mtc_grammar_closed(st->lx, t + tk->start, tk->end - tk->start);
}

/* 1 when a line break lies in text[a, b). */
static int line_break_in(const char *t, size_t a, size_t b)
{
    for (size_t p = a; p < b; p++)
        if (t[p] == '\n' || t[p] == '\r')
            return 1;
    return 0;
}

/* A sentence's words (phrase tokens), by position: w[k] is a token index. */
typedef struct sentence_words {
    const mtc_document *doc;
    const mtc_sentence *s;
    const size_t *w;
    size_t n;
} sentence_words;

static const mtc_token *word_at(const sentence_words *sw, size_t k)
{
    return &sw->doc->tokens[sw->w[k]];
}

/* The word token right after token index ti, with nothing but space between
 * (NULL at the end of the sentence or before punctuation). */
static const mtc_token *next_word(const sentence_words *sw, size_t ti)
{
    size_t end = sw->s->first_token + sw->s->n_tokens;
    if (ti + 1 >= end)
        return NULL;
    const mtc_token *tk = &sw->doc->tokens[ti + 1];
    return tk->kind == MTC_TOK_WORD ? tk : NULL;
}

/* 1 when copies at a and b (n words each) have the same words, and the
 * same punctuation between their words. */
static int copies_equal(const sentence_words *sw, size_t a, size_t b, size_t n)
{
    const char *t = sw->doc->text;
    for (size_t k = 0; k < n; k++)
        if (!same_word(t, word_at(sw, a + k), word_at(sw, b + k)))
            return 0;
    for (size_t k = 0; k + 1 < n; k++) {
        size_t ga = sw->w[a + k + 1] - sw->w[a + k], gb = sw->w[b + k + 1] - sw->w[b + k];
        if (ga != gb)
            return 0;
        for (size_t g = 1; g < ga; g++) {
            const mtc_token *x = &sw->doc->tokens[sw->w[a + k] + g];
            const mtc_token *y = &sw->doc->tokens[sw->w[b + k] + g];
            if (x->end - x->start != y->end - y->start ||
                memcmp(t + x->start, t + y->start, x->end - x->start) != 0)
                return 0;
        }
    }
    return 1;
}

/* Subjects of a clause and determiners of a noun: after "that that" the
 * second "that" can be neither a pronoun nor a determiner. */
static int starts_noun_phrase_or_clause(const typo_state *st, const char *t, const mtc_token *n)
{
    static const char *const demonstratives[] = {"this", "these", "those", NULL};
    unsigned c = closed_bits(st, t, n);
    return (c & (MTC_CC_ART | MTC_CC_POSS)) || ((c & MTC_CC_SUBJ) && !(c & MTC_CC_DET)) ||
           (n && token_in(t, n, demonstratives));
}

/* A word an intensifier can modify: an adjective or adverb, a quantifier
 * ("so so much"), or a lowercase function adverb the open lexicon lacks
 * ("far far away", "long long ago"). */
static int gradable(const typo_state *st, const char *t, const mtc_token *n)
{
    if (!n)
        return 0;
    int known;
    unsigned o = open_bits(st, t, n, &known);
    unsigned c = closed_bits(st, t, n);
    if (o & (MTC_LX_ADJ | MTC_LX_ADV))
        return 1;
    if ((c & MTC_CC_DET) && !(c & (MTC_CC_ART | MTC_CC_POSS)))
        return 1;
    return !known && !c && !(n->flags & MTC_TF_INITIAL_UPPER);
}

/* 1 when the doubled word at sw->w[k], sw->w[k + 1] is English: see the
 * file comment. */
static int doubled_word_allowed(const typo_state *st, const mtc_context *ctx,
                                const sentence_words *sw, size_t k)
{
    static const char *const copulas[] = {"is", "was", "are", "were", NULL};
    static const char *const cleft_heads[] = {"what", "where", "why", "how", "who", "whatever",
                                              "whoever", "all", NULL};
    const char *t = ctx->doc->text;
    const mtc_token *a = word_at(sw, k), *b = word_at(sw, k + 1);
    const mtc_token *n = next_word(sw, sw->w[k + 1]);
    char low[256];
    size_t ln = mtc_utf8_lower(t + b->start, b->end - b->start, low, sizeof low);
    if (ln != (size_t)-1 && mtc_wordset_contains(st->doubled_ok, low, ln))
        return 1; /* "bye bye", "ha ha" */
    /* a quoted reduplication: "zoom zoom", ‘bye bye’ */
    if (quote_before(t, sw->s->start, a->start) && quote_after(t, sw->s->end, b->end))
        return 1;
    /* a new line starting with a capital: a heading or list item ends above
     * (not a text in capitals wrapped in the middle: "IN THE\nTHE SEA") */
    if (line_break_in(t, a->end, b->start) && (b->flags & MTC_TF_INITIAL_UPPER) &&
        !((a->flags & MTC_TF_ALL_UPPER) && (b->flags & MTC_TF_ALL_UPPER)))
        return 1;
    int known;
    unsigned o = open_bits(st, t, b, &known);
    unsigned c = closed_bits(st, t, b);
    /* a reduplicated name: "Walla Walla", "Bora Bora" */
    if ((a->flags & MTC_TF_INITIAL_UPPER) && (b->flags & MTC_TF_INITIAL_UPPER) && !known && !c)
        return 1;
    /* a noun or a name before its modal homograph: "the can can hold",
     * "Will will notice", "May may" */
    static const char *const primary_aux[] = {"is", "was", "are", "were", "am", "be", "been",
                                               "has", "have", "had", "do", "does", "did", NULL};
    if ((c & MTC_CC_MODAL) && !token_in(t, b, primary_aux)) {
        int a_first = k == 0; /* the sentence's first word */
        if ((a->flags & MTC_TF_INITIAL_UPPER) && (a_first || !(b->flags & MTC_TF_INITIAL_UPPER)))
            return 1;
        if ((o & MTC_LX_NOUN) && k > 0 &&
            (closed_bits(st, t, word_at(sw, k - 1)) & (MTC_CC_DET | MTC_CC_ART | MTC_CC_POSS)))
            return 1;
    }
    /* a verb and its noun homograph as a modifier: "to record record
     * profits", "to address address problems" */
    if (k > 0 && token_is(t, word_at(sw, k - 1), "to") && (o & MTC_LX_VERB) && (o & MTC_LX_NOUN) && n &&
        n->kind == MTC_TOK_WORD && (open_bits(st, t, n, NULL) & MTC_LX_NOUN) && !closed_bits(st, t, n))
        return 1;
    if (token_is(t, b, "had")) {
        /* past perfect of "have" ("had had enough"), unless a participle
         * follows ("had had been", "had had signed") */
        unsigned no = open_bits(st, t, n, NULL);
        int participle = (no & (MTC_LX_VERB_D | MTC_LX_VERB_P)) && !(no & (MTC_LX_NOUN | MTC_LX_ADJ));
        return !(participle || (n && token_is(t, n, "been")));
    }
    if (token_is(t, b, "that"))
        return !starts_noun_phrase_or_clause(st, t, n); /* "that that was", "that that plan" */
    if (token_in(t, b, copulas)) {
        /* "What it is is a scandal": the first copula closes a free relative */
        for (size_t j = k, back = 0; j > 0 && back < CLEFT_LOOKBACK; j--, back++)
            if (token_in(t, word_at(sw, j - 1), cleft_heads))
                return 1;
        return 0;
    }
    /* emphasis: "so so much", "very very good", "far far away", and an -ly
     * adverb before anything ("really really want"; "only only" and "also
     * also" are no -ly adverbs of the lexicon) */
    size_t bl = b->end - b->start;
    int ly_adverb = (o & MTC_LX_ADV) && bl > 3 && mtc_ascii_tolower((unsigned char)t[b->end - 2]) == 'l' &&
                    mtc_ascii_tolower((unsigned char)t[b->end - 1]) == 'y';
    if ((o & (MTC_LX_ADJ | MTC_LX_ADV)) && !c && (ly_adverb || gradable(st, t, n)))
        return 1;
    return 0;
}

/* Function words that cannot stand as the other half of a chain ("from
 * the from the" is a slip; "day by day by day" is not). */
static int heavy_function_word(unsigned c)
{
    return c & (MTC_CC_ART | MTC_CC_POSS | MTC_CC_AUX | MTC_CC_SUBJ | MTC_CC_PREP | MTC_CC_CONJ);
}

/* 1 when the two copies of the two-word unit at sw->w[k] are a chain, a
 * coordination or an idiom of a noun, a preposition and the noun again:
 * "more and more and more", "[day] by day by day", "benevolence and
 * benevolence and", "from time to time to". The genitive "of" makes no such
 * idiom: "one of one of the" is a slip. */
static int chain_allowed(const typo_state *st, const sentence_words *sw, size_t k)
{
    const char *t = sw->doc->text;
    const mtc_token *x = word_at(sw, k), *y = word_at(sw, k + 1);
    unsigned cx = closed_bits(st, t, x), cy = closed_bits(st, t, y);
    const unsigned link = MTC_CC_CONJ | MTC_CC_PREP;
    if (!((cx | cy) & link) || ((cx | cy) & (MTC_CC_ART | MTC_CC_POSS)))
        return 0;
    /* the chain goes on after the copies, or started before them */
    if (k + 4 < sw->n && same_word(t, word_at(sw, k + 4), x))
        return 1;
    if (k > 0 && same_word(t, word_at(sw, k - 1), y))
        return 1;
    /* "X and X and ...": X coordinated with itself, then another conjunct;
     * "time to time to ...": the idiom, then a new phrase */
    return ((cy & MTC_CC_CONJ) || ((cy & MTC_CC_PREP) && !token_is(t, y, "of"))) &&
           !heavy_function_word(cx);
}

/* 1 when the doubled n-word unit at sw->w[k] (n >= 2) is a slip worth
 * reporting: see the file comment. */
static int doubled_phrase_reported(const typo_state *st, const mtc_context *ctx,
                                   const sentence_words *sw, size_t k, size_t n)
{
    const mtc_document *doc = ctx->doc;
    const char *t = doc->text;
    int has_word = 0;
    for (size_t j = 0; j < n; j++) {
        const mtc_token *tk = word_at(sw, k + j);
        if (tk->kind == MTC_TOK_WORD && mtc_utf8_count(t + tk->start, tk->end - tk->start) >= 2)
            has_word = 1;
    }
    if (!has_word)
        return 0; /* numbers, initials, tables */
    /* an equative: "as low as low can be", "as big as Big Ben", "far as far as" */
    if (n == 2 && (token_is(t, word_at(sw, k), "as") || token_is(t, word_at(sw, k + 1), "as")))
        return 0;
    /* an object and its complement after a verb of naming or judging:
     * "call a spade a spade", "called a crime a crime" */
    static const char *const articles[] = {"a", "an", "the", NULL};
    static const char *const naming[] = {
        "call", "calls", "called", "calling", "name", "names", "named", "naming",
        "consider", "considers", "considered", "considering", "deem", "deems", "deemed",
        "term", "terms", "termed", "label", "labels", "labelled", "labeled", NULL};
    if (n == 2 && k > 0 && token_in(t, word_at(sw, k), articles) && token_in(t, word_at(sw, k - 1), naming))
        return 0;
    /* between the copies: nothing, or a comma after three words or more */
    size_t last = sw->w[k + n - 1], second = sw->w[k + n];
    if (second - last > 2)
        return 0;
    if (second - last == 2) {
        const mtc_token *p = &doc->tokens[last + 1];
        int32_t cp;
        mtc_utf8_next(t, p->end, p->start, &cp);
        if (n < COMMA_MIN_WORDS || !(cp == ',' || cp == 0xFF0C || cp == 0x3001))
            return 0;
    }
    /* a comma inside each copy: the seam of a list whose items share
     * words ("true positives, false positives, false negatives") */
    for (size_t j = 0; j + 1 < n; j++)
        if (sw->w[k + j + 1] - sw->w[k + j] > 1)
            return 0;
    if (ctx->quotes && mtc_quotemap_inside(ctx->quotes, word_at(sw, k)->start))
        return 0; /* speech repeats: "Do not worry, do not worry" */
    const mtc_token *b = word_at(sw, k + n);
    if (line_break_in(t, word_at(sw, k + n - 1)->end, b->start) && (b->flags & MTC_TF_INITIAL_UPPER))
        return 0;
    return n != 2 || !chain_allowed(st, sw, k);
}

static void emit_doubled_phrase(const sentence_words *sw, size_t k, size_t n, mtc_emitter *em)
{
    const char *t = sw->doc->text;
    size_t start = word_at(sw, k + n)->start, end = word_at(sw, k + 2 * n - 1)->end;
    size_t shown = end - start;
    if (shown > 60) { /* keep the message short, cut at a character boundary */
        shown = 60;
        while (shown > 0 && ((unsigned char)t[start + shown] & 0xC0) == 0x80)
            shown--;
    }
    mtc_emit(em, R_DOUBLED_PHRASE, MTC_SEV_DEFAULT, start, end,
             "Phrase repeated: \"%.*s%s\" twice in a row", (int)shown, t + start,
             shown < end - start ? "..." : "");
}

static void check_doubled(typo_state *st, const mtc_context *ctx, const mtc_sentence *s,
                          mtc_emitter *em)
{
    const mtc_document *doc = ctx->doc;
    const char *t = doc->text;
    int word_on = mtc_rule_on(em, R_DOUBLED_WORD), phrase_on = mtc_rule_on(em, R_DOUBLED_PHRASE);
    size_t nw = 0;
    for (size_t ti = s->first_token; ti < s->first_token + s->n_tokens; ti++) {
        if (!is_phrase_token(&doc->tokens[ti]))
            continue;
        if (nw == st->cap) {
            st->cap = st->cap ? st->cap * 2 : 64;
            st->words = mtc_xrealloc(st->words, st->cap * sizeof *st->words);
        }
        st->words[nw++] = ti;
    }
    sentence_words sw = {doc, s, st->words, nw};
    for (size_t k = 0; k + 1 < nw;) {
        size_t advance = 1;
        for (size_t n = 1; n <= PHRASE_MAX_WORDS && k + 2 * n <= nw; n++) {
            if (!mtc_tok_same_word(word_at(&sw, k), word_at(&sw, k + n)) ||
                !copies_equal(&sw, k, k + n, n))
                continue; /* the first words differ: the cheap test first */
            if (k + 3 * n <= nw && copies_equal(&sw, k, k + 2 * n, n)) {
                /* three copies or more: a loop (artifacts.repetition) */
                size_t reps = 3;
                while (k + (reps + 1) * n <= nw && copies_equal(&sw, k, k + reps * n, n))
                    reps++;
                advance = reps * n;
                break;
            }
            if (n == 1) {
                const mtc_token *a = word_at(&sw, k), *b = word_at(&sw, k + 1);
                if (!word_on || a->kind != MTC_TOK_WORD || b->kind != MTC_TOK_WORD ||
                    sw.w[k + 1] != sw.w[k] + 1 || b->start == a->end ||
                    doubled_word_allowed(st, ctx, &sw, k))
                    continue;
                mtc_issue *is = mtc_emit(em, R_DOUBLED_WORD, MTC_SEV_DEFAULT, a->start, b->end,
                                         "doubled word '%.*s'", (int)(b->end - b->start),
                                         t + b->start);
                mtc_issue_suggest(is, t + a->start, a->end - a->start);
            } else {
                if (!phrase_on || !doubled_phrase_reported(st, ctx, &sw, k, n))
                    continue;
                emit_doubled_phrase(&sw, k, n, em);
            }
            advance = n; /* the second copy may still end in a doubled word */
            break;
        }
        k += advance;
    }
}

/* ---- typography.number-format ---- */

enum {
    YEAR_FIRST = 1900, /* four digits in this range are read as a year ("in 2022", */
    YEAR_LAST = 2099   /* "2022 graduates") unless a currency sign stands before them */
};

/* A number token that groups its thousands with commas: 1,500, 12,000.5,
 * 3,000km (the grouping of the article's other numbers decides whether
 * four digits without it are a slip). */
static int groups_thousands(const char *w, size_t n)
{
    size_t i = 0;
    while (i < n && mtc_ascii_is_digit((unsigned char)w[i]))
        i++;
    if (i == 0 || i > 3)
        return 0;
    int groups = 0;
    while (i + 4 <= n && w[i] == ',' && mtc_ascii_is_digit((unsigned char)w[i + 1]) &&
           mtc_ascii_is_digit((unsigned char)w[i + 2]) && mtc_ascii_is_digit((unsigned char)w[i + 3]) &&
           (i + 4 == n || !mtc_ascii_is_digit((unsigned char)w[i + 4]))) {
        groups++;
        i += 4;
    }
    return groups > 0 && (i == n || w[i] != ',');
}

/* 1 when the token before number i (adjacent) is a currency sign: $25000. */
static int currency_before(const mtc_document *doc, const mtc_sentence *s, size_t i)
{
    if (i == s->first_token)
        return 0;
    const mtc_token *p = &doc->tokens[i - 1];
    if (p->end != doc->tokens[i].start)
        return 0;
    const char *w = mtc_tok_text(doc, p);
    size_t n = mtc_tok_len(p);
    return (n == 1 && w[0] == '$') || (n == 3 && (!memcmp(w, "\xE2\x82\xAC", 3))) || /* € */
           (n == 2 && (!memcmp(w, "\xC2\xA3", 2) || !memcmp(w, "\xC2\xA5", 2)));   /* £ ¥ */
}

/* 1 when number i counts something: a lowercase plural noun follows it
 * after one space ("25000 people", "1080 days"), or a currency sign stands
 * before it. Codes, ids, phone numbers and years in running text are not
 * followed by a plural noun ("No. 12345 was", "call 95588 for", "600884.SH"). */
static int counts_something(const typo_state *st, const mtc_document *doc, const mtc_sentence *s,
                            size_t i)
{
    if (currency_before(doc, s, i))
        return 1;
    size_t last = s->first_token + s->n_tokens;
    if (i + 1 >= last)
        return 0;
    const mtc_token *t = &doc->tokens[i], *nx = &doc->tokens[i + 1];
    if (nx->kind != MTC_TOK_WORD || (nx->flags & MTC_TF_INITIAL_UPPER) ||
        nx->start != t->end + 1 || doc->text[t->end] != ' ')
        return 0;
    if (i > s->first_token) {
        /* "Route 2400 buses", "No 12345 cases": a name or a number's label */
        const mtc_token *p = &doc->tokens[i - 1];
        if (p->kind == MTC_TOK_WORD && (p->flags & MTC_TF_INITIAL_UPPER)) {
            if (i - 1 > s->first_token)
                return 0;
            /* the sentence's first word: a label if a noun ("Flight 10023
             * passengers"), not a function word or adverb ("Some", "Nearly") */
            unsigned open = mtc_grammar_open_all_tok(st->lx, doc, p);
            if (!mtc_grammar_closed_tok(st->lx, doc, p) && (open & MTC_LX_NOUN) &&
                !(open & (MTC_LX_ADV | MTC_LX_ADJ)))
                return 0;
        }
        if (p->kind == MTC_TOK_PUNCT && (doc->text[p->start] == '#' || doc->text[p->start] == '.'))
            return 0;
    }
    return (mtc_grammar_open_all_tok(st->lx, doc, nx) & MTC_LX_PLURAL) != 0;
}

/* "25000" -> "25,000" in out (at least n + n / 3 + 1 bytes). */
static size_t with_separators(const char *w, size_t n, char *out)
{
    size_t o = 0;
    for (size_t k = 0; k < n; k++) {
        if (k > 0 && (n - k) % 3 == 0)
            out[o++] = ',';
        out[o++] = w[k];
    }
    out[o] = '\0';
    return o;
}

static void check_number_format(const typo_state *st, const mtc_context *ctx, mtc_emitter *em)
{
    const mtc_document *doc = ctx->doc;
    const mtc_token *grouped = NULL; /* the article's first number with separators */
    for (size_t i = 0; i < doc->n_tokens && !grouped; i++) {
        const mtc_token *t = &doc->tokens[i];
        if (t->kind == MTC_TOK_NUMBER && groups_thousands(mtc_tok_text(doc, t), mtc_tok_len(t)))
            grouped = t;
    }
    for (size_t si = 0; si < doc->n_sentences; si++) {
        const mtc_sentence *s = &doc->sentences[si];
        for (size_t i = s->first_token; i < s->first_token + s->n_tokens; i++) {
            const mtc_token *t = &doc->tokens[i];
            const char *w = mtc_tok_text(doc, t);
            size_t n = mtc_tok_len(t);
            if (t->kind != MTC_TOK_NUMBER || n < 4 || n > 15 || w[0] == '0' ||
                (n == 4 && !grouped))
                continue;
            size_t k = 0;
            while (k < n && mtc_ascii_is_digit((unsigned char)w[k]))
                k++;
            if (k != n)
                continue; /* 3.5, 1,000, 5km, 2.0.1 */
            if (t->start > 0 && (doc->text[t->start - 1] == '.' || doc->text[t->start - 1] == ',' ||
                                 doc->text[t->start - 1] == '-' || doc->text[t->start - 1] == '/'))
                continue; /* the tail of 3.14159, 12-34567, 20/12345 */
            if (n == 4 && !currency_before(doc, s, i)) {
                int v = atoi(w);
                if (v >= YEAR_FIRST && v <= YEAR_LAST)
                    continue;
            }
            if (!counts_something(st, doc, s, i))
                continue;
            char fixed[32];
            size_t m = with_separators(w, n, fixed);
            mtc_issue *is;
            if (n == 4)
                is = mtc_emit(em, R_NUMBER_FORMAT, MTC_SEV_DEFAULT, t->start, t->end,
                              "'%.*s' without a thousands separator, where the article writes "
                              "'%.*s': write %s",
                              (int)n, w, (int)mtc_tok_len(grouped), mtc_tok_text(doc, grouped),
                              fixed);
            else
                is = mtc_emit(em, R_NUMBER_FORMAT, MTC_SEV_DEFAULT, t->start, t->end,
                              "'%.*s' without thousands separators: write %s", (int)n, w, fixed);
            mtc_issue_suggest(is, fixed, m);
        }
    }
}

static void typo_check_sentence(void *state, const mtc_context *ctx, size_t sentence,
                                mtc_emitter *em)
{
    const mtc_sentence *s = &ctx->doc->sentences[sentence];
    if (mtc_rule_on(em, R_DOUBLED_PUNCT) ||
        mtc_rule_on(em, R_SPACE_BEFORE))
        check_punctuation(ctx, s, em);
    if (mtc_rule_on(em, R_MISSING_SPACE))
        check_missing_space(ctx, s, em);
    if (mtc_rule_on(em, R_DOUBLE_HYPHEN))
        check_double_hyphen(ctx, s, em);
    const typo_state *st = state;
    /* the lexicon is loaded when the configuration turns a doubling rule on,
     * the same configuration the emitter applies */
    if (st->lx && (mtc_rule_on(em, R_DOUBLED_WORD) || mtc_rule_on(em, R_DOUBLED_PHRASE)))
        check_doubled(state, ctx, s, em);
}

static void typo_check_article(void *state, const mtc_context *ctx, mtc_emitter *em)
{
    const typo_state *st = state;
    if (st->lx && mtc_rule_on(em, R_NUMBER_FORMAT))
        check_number_format(st, ctx, em);
}

const mtc_analyzer mtc_analyzer_typography = {
    "typography", rules, sizeof rules / sizeof rules[0], typo_create, typo_destroy,
    typo_check_sentence, typo_check_article, NULL,
};
