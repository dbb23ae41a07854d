/* artifacts.c — the artifacts analyzer: what a machine-translation pipeline
 * leaves in an article that is not English prose at all.
 *   artifacts.foreign-script  a run of letters of another script (Han,
 *                             Cyrillic, Arabic, ...), with the wide
 *                             punctuation that travels with it (。，【】),
 *                             and the Chinese marks that are not wide: the
 *                             name separator between Latin words
 *                             ("Tianyi·Hongjin") and the doubled dash
 *                             ("project——Four")
 *   artifacts.untranslated    a sentence mostly in another script
 *   artifacts.repetition      a word or n-gram looping three or more times,
 *                             a long stretch (over eight words) said twice in
 *                             a row, or the same long sentence twice in an
 *                             article; critical when it loops five times or
 *                             more or repeats over 100 characters (shorter
 *                             doublings are typography.doubled-word and
 *                             typography.doubled-phrase)
 *   artifacts.page-chrome     website furniture carried into the article
 *                             ("About the author", "Leave a Comment")
 *   artifacts.page-metadata   (off by default) a page title's site name
 *                             ("Headline - Example News Network") and a
 *                             page's metadata fields ("[Editor: ...]")
 * Script data comes from ICU (artifacts_script.c); phrase and word lists from
 * dictionaries/page-chrome.txt, page-chrome-sites.txt and
 * artifacts-repeat-ok.txt. Per-worker state: those three sets (owned; freed
 * by destroy). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "analyzer.h"
#include "artifacts_script.h"
#include "data.h"
#include "utf8.h"
#include "words.h"
#include "wordset.h"

/* The analyzer's rules: indexes into rules[] (a misspelled id does not compile). */
enum { R_FOREIGN, R_UNTRANSLATED, R_REPETITION, R_CHROME, R_METADATA, N_RULES };

static const mtc_rule_info rules[N_RULES] = {
    [R_FOREIGN] = {"artifacts.foreign-script", "artifacts", MTC_SEV_MAJOR, 1,
     "Letters of another script (Chinese, Cyrillic, Arabic, ...) left in the English text, "
     "and Chinese punctuation between English words (minor)"},
    [R_UNTRANSLATED] = {"artifacts.untranslated", "artifacts", MTC_SEV_CRITICAL, 1,
     "A sentence mostly in another script: left untranslated"},
    [R_REPETITION] = {"artifacts.repetition", "artifacts", MTC_SEV_MAJOR, 1,
     "A word or phrase looping three or more times, a long stretch said twice, or a repeated "
     "sentence (critical from five copies or 100 characters on)"},
    [R_CHROME] = {"artifacts.page-chrome", "artifacts", MTC_SEV_MAJOR, 1,
     "Website furniture (\"About the author\", \"Share this article\") left in the article"},
    /* Off by default: on the development benchmark its flags are precise
     * (site names: 92%) but sit in short headlines where experts mark most
     * words, so they beat a random word of the segment by only ~1.1x. */
    [R_METADATA] = {"artifacts.page-metadata", "artifacts", MTC_SEV_MINOR, 0,
     "A page title's website name (\"Headline - Example News Network\") or a page's "
     "metadata fields (\"[Editor: ...]\", \"Font: [Large Medium Small]\")"},
};

/* Page-chrome phrase kinds (bits of the values in the phrase set): whole
 * lines (or short sentences), line prefixes, and the same for bracketed
 * fields of a line ("[Editor: ...]"). */
enum { CHROME_EXACT = 1, CHROME_PREFIX = 2, FIELD_EXACT = 4, FIELD_PREFIX = 8 };

/* Tunables, chosen by reading the development benchmark: shorter repeats
 * occur in ordinary prose (a clean news story repeats an 8-word quotation;
 * MT captions repeat 7-word "Source: ..." lines). */
enum {
    MAX_NGRAM = 24,             /* longest looping unit, in words */
    LOOP_MIN_REPS = 3,          /* "x x x" */
    LOOP_SINGLE_PUNCT_REPS = 5, /* "jobs, jobs, jobs" is rhetoric; five is a loop */
    LOOP_QUOTED_REPS = 4,       /* chants inside quotations */
    LOOP_DECIDE_REPS = 8,       /* repeats counted before deciding */
    DOUBLED_MIN_WORDS = 9,      /* shorter units said twice are typography.doubled-phrase's */
    LOOP_CRITICAL_REPS = 5,     /* a unit in five copies or more: the article is broken */
    LOOP_CRITICAL_CHARS = 100,  /* or repeated text this long (characters) */
    DUP_SENTENCE_MIN_WORDS = 10,
    CHROME_MAX_SENTENCE_WORDS = 8,
    CHROME_MAX_PREFIX_WORDS = 8,
    FIELD_LINE_MAX_WORDS = 40, /* bracketed fields: on short metadata lines only */
    FIELD_LABEL_MAX_WORDS = 3, /* "Font size: [Large Medium Small]" */
    TITLE_SITE_MAX_WORDS = 6,  /* "Headline - Example News Network" */
    TITLE_MIN_WORDS = 3,
    NORM_MAX = 1024,
    CHROME_CUT = 200 /* a line too long to normalize: its first bytes only */
};

typedef struct art_state {
    mtc_wordset *chrome; /* normalized phrase -> CHROME_* / FIELD_* bits */
    mtc_wordset *chrome_first; /* the first word of every phrase: a text whose
                                * first word is not one matches none */
    mtc_wordset *sites;  /* last words of outlet names */
    mtc_wordset *rep_ok; /* words that may loop */
} art_state;

/* ---------------------------------------------------------------- utils */

static int is_word_token(const mtc_token *t)
{
    return t->kind == MTC_TOK_WORD || t->kind == MTC_TOK_OTHER_WORD || t->kind == MTC_TOK_NUMBER ||
           t->kind == MTC_TOK_ORDINAL;
}

static int is_number_token(const mtc_token *t)
{
    return t->kind == MTC_TOK_NUMBER || t->kind == MTC_TOK_ORDINAL;
}

static int inside_quote(const mtc_context *ctx, size_t off)
{
    return ctx->quotes && mtc_quotemap_inside(ctx->quotes, off);
}

/* Normalizes text for phrase matching: lowercase, ’ → ', words of letters,
 * digits, marks, ' & @ © and inner hyphens; ':' kept as a word of its own;
 * every other punctuation or symbol and all whitespace become one space;
 * no leading or trailing space, no trailing ':' unless keep_colon (a prefix
 * phrase "read more: *" keeps it). Returns the length, or (size_t)-1 if out
 * is too small. */
static size_t normalize_impl(const char *s, size_t len, char *out, size_t cap, int keep_colon,
                             size_t *first_word_end)
{
    size_t n = 0;
    int pending_space = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (first_word_end && n > 0 && !mtc_ascii_is_alnum(c)) {
            /* first_word_end: stop at the first non-word character after
             * the first word (only the first word is wanted) */
            int32_t cp;
            int k = mtc_utf8_next(s, len, i, &cp);
            int word = cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || mtc_cp_is_letter(cp) ||
                       mtc_cp_is_mark(cp) || mtc_cp_is_digit(cp) || cp == '\'' || cp == '&' ||
                       cp == '@' || cp == 0x00A9;
            if (cp == '-' && i + (size_t)k < len) {
                int32_t nx;
                mtc_utf8_next(s, len, i + (size_t)k, &nx);
                word = mtc_cp_is_letter(nx) || mtc_cp_is_digit(nx);
            }
            if (!word || cp == ':') {
                *first_word_end = i;
                out[n] = '\0';
                return n;
            }
        }
        if (c == ' ') { /* fast paths for the common ASCII bytes */
            pending_space = n > 0;
            i++;
            continue;
        }
        if (mtc_ascii_is_alnum(c)) {
            if (pending_space) {
                if (n + 1 >= cap)
                    return (size_t)-1;
                out[n++] = ' ';
                pending_space = 0;
            }
            if (n + 1 >= cap)
                return (size_t)-1;
            out[n++] = (char)mtc_ascii_tolower(c);
            i++;
            continue;
        }
        int32_t cp;
        int k = mtc_utf8_next(s, len, i, &cp);
        i += (size_t)k;
        if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC)
            cp = '\'';
        int word = mtc_cp_is_letter(cp) || mtc_cp_is_mark(cp) || mtc_cp_is_digit(cp) ||
                   cp == '\'' || cp == '&' || cp == '@' || cp == 0x00A9;
        if (cp == '-' && n > 0 && !pending_space && i < len) {
            int32_t nx;
            mtc_utf8_next(s, len, i, &nx);
            word = mtc_cp_is_letter(nx) || mtc_cp_is_digit(nx);
        }
        if (cp == ':') {
            if (n > 0) {
                if (n + 2 >= cap)
                    return (size_t)-1;
                out[n++] = ' ';
                out[n++] = ':';
                pending_space = 1;
            }
            continue;
        }
        if (!word) {
            pending_space = n > 0;
            continue;
        }
        if (pending_space) {
            if (n + 1 >= cap)
                return (size_t)-1;
            out[n++] = ' ';
            pending_space = 0;
        }
        char enc[4];
        int el = mtc_utf8_encode(mtc_cp_tolower(cp), enc);
        if (n + (size_t)el >= cap)
            return (size_t)-1;
        memcpy(out + n, enc, (size_t)el);
        n += (size_t)el;
    }
    if (first_word_end) {
        *first_word_end = len;
        out[n] = '\0';
        return n;
    }
    while (!keep_colon && n >= 2 && out[n - 1] == ':' && out[n - 2] == ' ')
        n -= 2;
    if (n == 1 && out[0] == ':')
        n = 0;
    out[n] = '\0';
    return n;
}

static size_t chrome_normalize_colon(const char *s, size_t len, char *out, size_t cap,
                                     int keep_colon)
{
    return normalize_impl(s, len, out, cap, keep_colon, NULL);
}

static size_t chrome_normalize(const char *s, size_t len, char *out, size_t cap)
{
    return chrome_normalize_colon(s, len, out, cap, 0);
}

/* 0 when no phrase can match the normalized text s[0..len) because none
 * starts with its first word (found without normalizing the rest); 1 when
 * one may. Only a first word within the first max_end bytes decides. */
static int chrome_may_match(const art_state *st, const char *s, size_t len, size_t max_end)
{
    char w[NORM_MAX];
    size_t end = 0;
    size_t n = normalize_impl(s, len, w, sizeof w, 0, &end);
    if (n == (size_t)-1 || end > max_end)
        return 1;
    return n > 0 && mtc_wordset_contains(st->chrome_first, w, n);
}

/* ---------------------------------------------------------------- state */

static int chrome_line(const char *line, size_t len, long lineno, void *ctx)
{
    (void)lineno;
    art_state *st = ctx;
    int field = len >= 2 && line[0] == '[' && line[len - 1] == ']';
    if (field) {
        line++;
        len -= 2;
    }
    intptr_t kind = field ? FIELD_EXACT : CHROME_EXACT;
    if (len >= 2 && line[len - 1] == '*' && line[len - 2] == ' ') {
        kind = field ? FIELD_PREFIX : CHROME_PREFIX;
        len -= 2;
    }
    char buf[NORM_MAX];
    size_t n = chrome_normalize_colon(line, len, buf, sizeof buf,
                                      kind == CHROME_PREFIX || kind == FIELD_PREFIX);
    if (n == 0 || n == (size_t)-1)
        return 1; /* a phrase of nothing but punctuation, or absurdly long */
    intptr_t old = 0;
    mtc_wordset_get(st->chrome, buf, n, &old);
    mtc_wordset_put(st->chrome, buf, n, old | kind);
    const char *sp = memchr(buf, ' ', n);
    mtc_wordset_add(st->chrome_first, buf, sp ? (size_t)(sp - buf) : n);
    return 0;
}

static void art_destroy(void *state)
{
    art_state *st = state;
    if (!st)
        return;
    mtc_wordset_free(st->chrome);
    mtc_wordset_free(st->chrome_first);
    mtc_wordset_free(st->sites);
    mtc_wordset_free(st->rep_ok);
    free(st);
}

static mtc_status art_create(const mtc_config *cfg, void **state, mtc_error *err)
{
    (void)cfg;
    art_state *st = mtc_xcalloc(1, sizeof *st);
    st->chrome = mtc_wordset_new();
    st->chrome_first = mtc_wordset_new();
    st->sites = mtc_wordset_new();
    st->rep_ok = mtc_wordset_new();
    mtc_status s = mtc_data_load_lines("dictionaries/page-chrome.txt", chrome_line, st, err);
    if (s == MTC_OK)
        s = mtc_wordset_load(st->sites, "dictionaries/page-chrome-sites.txt", 1, err);
    if (s == MTC_OK)
        s = mtc_wordset_load(st->rep_ok, "dictionaries/artifacts-repeat-ok.txt", 1, err);
    if (s != MTC_OK) {
        art_destroy(st);
        return s;
    }
    *state = st;
    return MTC_OK;
}

/* ------------------------------------------------------- foreign script */

typedef struct script_run {
    size_t start, end; /* bytes of the run so far */
    size_t letters;    /* foreign letters in it */
    int open;
} script_run;

static void emit_run(const script_run *run, mtc_emitter *em)
{
    if (!run->open)
        return;
    if (run->letters > 0)
        mtc_emit(em, R_FOREIGN, MTC_SEV_DEFAULT, run->start, run->end,
                 "Text in another script: left untranslated?");
    else
        mtc_emit(em, R_FOREIGN, MTC_SEV_MINOR, run->start, run->end,
                 "Full-width punctuation of Chinese or Japanese text in English prose");
}

static void run_add(script_run *run, size_t start, size_t end, size_t letters)
{
    if (!run->open) {
        run->open = 1;
        run->start = start;
        run->letters = 0;
    }
    run->end = end;
    run->letters += letters;
}

/* Chinese punctuation that is not wide, so check_script's runs miss it,
 * and that English does not use between words:
 *   - the name separator 间隔号 (U+00B7 MIDDLE DOT, or U+2027 HYPHENATION
 *     POINT) joining a Latin letter to a capital: "Tianyi·Hongjin",
 *     "Wealth Tianyi‧Hongjin". A capital after it tells it from the
 *     Catalan "l·l" and dictionary syllables ("hy‧phen"); a spaced dot
 *     ("News · Sport") is a separator English web pages use, and a quoted
 *     title keeps the styling its owners gave it ("the ‘Time Travel‧Tour’
 *     exhibition"): both left alone.
 *   - the Chinese dash 破折号, two em dashes (U+2014, or U+2015 HORIZONTAL
 *     BAR) or more, between a word of two letters or more and a letter or
 *     digit: "project——Four". The English two-em dash of an omission
 *     follows a capital initial or stands between spaces ("Mr. B——", "D——d",
 *     "the —— of"), and is left alone.
 * Reported on the mark itself, with the English replacement. */
static int is_latin_letter(int32_t cp)
{
    return cp >= 0 && (cp < 0x80 ? mtc_ascii_is_alpha(cp) : mtc_script_classify(cp) == MTC_SC_LATIN);
}

static int is_chinese_dash(int32_t cp)
{
    return cp == 0x2014 || cp == 0x2015;
}

static void check_chinese_marks(const mtc_context *ctx, size_t si, mtc_emitter *em)
{
    const mtc_document *doc = ctx->doc;
    const mtc_sentence *s = &doc->sentences[si];
    const char *t = doc->text;
    for (size_t i = s->start; i < s->end;) {
        if ((unsigned char)t[i] < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        int k = mtc_utf8_next(t, s->end, i, &cp);
        if (cp != 0x00B7 && cp != 0x2027 && !is_chinese_dash(cp)) {
            i += (size_t)k;
            continue;
        }
        size_t end = i + (size_t)k;
        size_t n_marks = 1;
        if (is_chinese_dash(cp)) {
            int32_t c2;
            int k2;
            while (end < s->end && (k2 = mtc_utf8_next(t, s->end, end, &c2)) > 0 &&
                   is_chinese_dash(c2)) {
                end += (size_t)k2;
                n_marks++;
            }
        }
        int32_t before = -1, after = -1;
        size_t b = i;
        if (i > s->start)
            b = mtc_utf8_prev(t, i, &before);
        if (end < s->end)
            mtc_utf8_next(t, s->end, end, &after);
        if (!is_chinese_dash(cp)) {
            int quoted = ctx->quotes && mtc_quotemap_inside(ctx->quotes, i);
            if (!quoted && is_latin_letter(before) && is_latin_letter(after) &&
                mtc_cp_is_upper(after)) {
                mtc_issue *is = mtc_emit(em, R_FOREIGN, MTC_SEV_MINOR, i, end,
                                         "'%.*s' joins two words as Chinese does: English "
                                         "uses a space",
                                         k, t + i);
                mtc_issue_suggest(is, " ", 1);
            }
        } else if (n_marks >= 2 && is_latin_letter(before) &&
                   (is_latin_letter(after) || (after >= '0' && after <= '9'))) {
            /* the word before: two letters or more */
            int32_t before2 = -1;
            if (b > s->start)
                mtc_utf8_prev(t, b, &before2);
            if (is_latin_letter(before2)) {
                mtc_issue *is = mtc_emit(em, R_FOREIGN, MTC_SEV_MINOR, i, end,
                                         "'%.*s' is the Chinese dash: English uses one em "
                                         "dash",
                                         (int)(end - i), t + i);
                mtc_issue_suggest(is, "\xE2\x80\x94", 3);
            }
        }
        i = end;
    }
}

/* Greek letters are foreign only as whole words of three letters or more:
 * α, β-blocker, μm and Ω are English technical usage. */
enum { GREEK_MIN_WORD = 3 };

static void check_script(const mtc_context *ctx, size_t si, mtc_emitter *em)
{
    const mtc_document *doc = ctx->doc;
    const mtc_sentence *s = &doc->sentences[si];
    const char *t = doc->text;
    size_t latin_weight = 0, foreign_weight = 0, foreign_letters = 0;
    script_run runs_buf[64];
    size_t n_runs = 0;
    script_run run = {0, 0, 0, 0};
    size_t greek_start = 0, greek_end = 0, greek_n = 0;
    int prev_class = MTC_SC_NEUTRAL; /* class a combining mark inherits */

    /* an all-ASCII sentence has no foreign letters: nothing to report */
    size_t a = s->start;
    while (a + 8 <= s->end && !mtc_has_high(mtc_load8(t + a)))
        a += 8;
    while (a < s->end && (unsigned char)t[a] < 0x80)
        a++;
    if (a >= s->end)
        return;

    for (size_t i = s->start; i <= s->end;) {
        int32_t cp = ' ';
        int k = 1;
        if (i < s->end)
            k = mtc_utf8_next(t, s->end, i, &cp);
        mtc_script_class c = cp < 0      ? MTC_SC_NEUTRAL
                             : cp < 0x80 ? (mtc_ascii_is_alpha(cp) ? MTC_SC_LATIN : MTC_SC_NEUTRAL)
                                         : mtc_script_classify(cp);
        if (c == MTC_SC_MARK)
            c = prev_class == MTC_SC_FOREIGN || prev_class == MTC_SC_GREEK ? prev_class
                                                                           : MTC_SC_NEUTRAL;
        else if (c == MTC_SC_CJK_PUNCT && mtc_script_is_quotation_mark(cp))
            c = MTC_SC_NEUTRAL; /* 「」＂: the quotes analyzer owns quotation marks */
        if (c == MTC_SC_GREEK) {
            if (greek_n == 0)
                greek_start = i;
            greek_end = i + (size_t)k;
            greek_n++;
        } else if (greek_n > 0) {
            /* a Greek word ends here */
            if (greek_n >= GREEK_MIN_WORD && c != MTC_SC_LATIN) {
                run_add(&run, greek_start, greek_end, greek_n);
                foreign_weight += greek_n;
                foreign_letters += greek_n;
            } else {
                latin_weight += greek_n;
            }
            greek_n = 0;
        }
        switch (c) {
        case MTC_SC_LATIN:
            latin_weight++;
            if (run.open) {
                if (n_runs < sizeof runs_buf / sizeof runs_buf[0])
                    runs_buf[n_runs++] = run;
                run.open = 0;
            }
            break;
        case MTC_SC_FOREIGN: {
            size_t w = mtc_script_is_wide(cp) ? 3 : 1; /* a Han letter ~ a short word */
            foreign_weight += w;
            foreign_letters++;
            run_add(&run, i, i + (size_t)k, 1);
            break;
        }
        case MTC_SC_CJK_PUNCT:
            run_add(&run, i, i + (size_t)k, 0);
            break;
        default:
            break;
        }
        prev_class = c;
        i += (size_t)k;
    }
    if (run.open && n_runs < sizeof runs_buf / sizeof runs_buf[0])
        runs_buf[n_runs++] = run;

    if (foreign_letters >= 2 && foreign_weight > latin_weight) {
        mtc_emit(em, R_UNTRANSLATED, MTC_SEV_DEFAULT, s->start, s->end,
                 "Sentence in another script: left untranslated");
        return;
    }
    for (size_t r = 0; r < n_runs; r++)
        emit_run(&runs_buf[r], em);
    check_chinese_marks(ctx, si, em);
}

static void art_check_sentence(void *state, const mtc_context *ctx, size_t si, mtc_emitter *em)
{
    (void)state;
    if (mtc_rule_on(em, R_FOREIGN) || mtc_rule_on(em, R_UNTRANSLATED))
        check_script(ctx, si, em);
}

/* ------------------------------------------------------------ repetition */

typedef struct word_ref {
    size_t tok;    /* index into doc->tokens */
    uint64_t hash; /* lower_hash: of the lowercase form */
} word_ref;

static size_t lower_token(const mtc_document *doc, const mtc_token *tk, char *buf, size_t cap)
{
    size_t n = mtc_utf8_lower(doc->text + tk->start, tk->end - tk->start, buf, cap);
    if (n == (size_t)-1) { /* too long to lowercase: compare as written */
        n = tk->end - tk->start < cap - 1 ? tk->end - tk->start : cap - 1;
        memcpy(buf, doc->text + tk->start, n);
        buf[n] = '\0';
    }
    return n;
}

/* A hash of a token's lowercase form, eight bytes at a time: only equal
 * hashes are compared further, so any function of the form does. */
static uint64_t mix8(uint64_t h, uint64_t v)
{
    h = (h ^ v) * 0x9FB21C651E98DF25ull;
    return h ^ (h >> 29);
}

static uint64_t form_hash(const char *s, size_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    size_t i = 0;
    for (; i + 8 <= n; i += 8)
        h = mix8(h, mtc_load8(s + i));
    uint64_t v = 0;
    for (size_t k = 0; i + k < n; k++)
        v |= (uint64_t)(unsigned char)s[i + k] << (8 * k);
    return mix8(h, v);
}

/* 1 when the token is ASCII and short enough for lower_token's buffer: its
 * lowercase form is then its bytes lowercased one by one. */
static int short_ascii(const mtc_document *doc, const mtc_token *tk)
{
    if (tk->end - tk->start > 255)
        return 0;
    for (size_t i = tk->start; i < tk->end; i++)
        if ((unsigned char)doc->text[i] >= 0x80)
            return 0;
    return 1;
}

/* Eight ASCII bytes lowercased at once: A-Z get 0x20. */
static uint64_t ascii_lower8(uint64_t v)
{
    const uint64_t high = 0x8080808080808080ull;
    uint64_t ge_a = (v + 0x3F3F3F3F3F3F3F3Full) & high;  /* >= 'A' */
    uint64_t gt_z = (v + 0x2525252525252525ull) & high;  /* >= '[' */
    return v | ((ge_a & ~gt_z) >> 2);
}

/* form_hash of the token's lowercase form (as lower_token gives it). */
static uint64_t lower_hash(const mtc_document *doc, const mtc_token *tk)
{
    size_t n = tk->end - tk->start;
    const char *t = doc->text + tk->start;
    if (n <= 255) { /* ASCII: lowercased here, as form_hash reads it */
        uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
        size_t i = 0;
        int ascii = 1;
        for (; i + 8 <= n && ascii; i += 8) {
            uint64_t v = mtc_load8(t + i);
            ascii = !mtc_has_high(v);
            h = mix8(h, ascii_lower8(v));
        }
        uint64_t v = 0;
        if (MTC_LITTLE_ENDIAN && ascii && i < n && tk->start + i + 8 <= doc->len) {
            /* the last 1-7 bytes: one load (the text goes on), the bytes
             * after the token masked off, as form_hash packs them */
            v = mtc_load8(t + i) & (~0ull >> (64 - 8 * (n - i)));
            ascii = !mtc_has_high(v);
            v = ascii_lower8(v);
            i = n;
        }
        for (size_t k = 0; ascii && i + k < n; k++) {
            unsigned char c = (unsigned char)t[i + k];
            ascii = c < 0x80;
            v |= (uint64_t)(unsigned char)mtc_ascii_tolower(c) << (8 * k);
        }
        if (ascii)
            return mix8(h, v);
    }
    char low[256];
    n = lower_token(doc, tk, low, sizeof low);
    return form_hash(low, n);
}

/* lower_hash of the article's word tokens, kept per interned word (words.h:
 * tokens of one lowercase form hash alike), so the checks below hold a hash
 * per distinct word, not per token (a 64 MB article: 1 MB, not 89 MB). */
typedef struct tok_hashes {
    const mtc_document *doc;
    uint64_t *by_word; /* form_hash of the word's lowercase form */
} tok_hashes;

/* A form longer than lower_token's buffer is hashed as lower_hash does it
 * (the token's own bytes, cut), per token. */
#define LOWER_MAX 255

static void tok_hashes_init(tok_hashes *h, const mtc_document *doc)
{
    h->doc = doc;
    h->by_word = mtc_xmalloc((doc->n_distinct ? doc->n_distinct : 1) * sizeof *h->by_word);
    for (size_t w = 0; w < doc->n_distinct; w++)
        h->by_word[w] = doc->words[w].len <= LOWER_MAX
                            ? form_hash(mtc_word_text(doc, &doc->words[w]), doc->words[w].len)
                            : 0;
}

static uint64_t tok_hash(const tok_hashes *h, size_t t)
{
    const mtc_token *tk = &h->doc->tokens[t];
    const mtc_word *w = mtc_tok_word(h->doc, tk);
    return w->len <= LOWER_MAX ? h->by_word[tk->word] : lower_hash(h->doc, tk);
}

static int words_equal(const mtc_document *doc, const word_ref *a, const word_ref *b)
{
    if (a->hash != b->hash)
        return 0;
    const mtc_token *ta = &doc->tokens[a->tok], *tb = &doc->tokens[b->tok];
    size_t bytes = ta->end - ta->start;
    if (bytes == tb->end - tb->start &&
        memcmp(doc->text + ta->start, doc->text + tb->start, bytes) == 0)
        return 1; /* the same bytes: the same lowercase form */
    if (short_ascii(doc, ta) && short_ascii(doc, tb)) {
        if (ta->end - ta->start != tb->end - tb->start)
            return 0;
        for (size_t i = 0; i < ta->end - ta->start; i++)
            if (mtc_ascii_tolower((unsigned char)doc->text[ta->start + i]) !=
                mtc_ascii_tolower((unsigned char)doc->text[tb->start + i]))
                return 0;
        return 1;
    }
    char la[256], lb[256];
    size_t na = lower_token(doc, &doc->tokens[a->tok], la, sizeof la);
    size_t nb = lower_token(doc, &doc->tokens[b->tok], lb, sizeof lb);
    return na == nb && memcmp(la, lb, na) == 0;
}

static int units_equal(const mtc_document *doc, const word_ref *w, size_t a, size_t b, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (!words_equal(doc, &w[a + k], &w[b + k]))
            return 0;
    return 1;
}

/* What separates two consecutive units: the tokens strictly between word
 * w[x] and word w[x + 1]. */
typedef struct separators {
    int any_punct; /* some punctuation */
    int not_comma; /* punctuation other than a comma (, ，、) */
    int sentence_break;
} separators;

static void add_separators(const mtc_document *doc, const word_ref *w, size_t x, separators *sp)
{
    if (mtc_tok_sentence(doc, w[x].tok) != mtc_tok_sentence(doc, w[x + 1].tok))
        sp->sentence_break = 1;
    for (size_t t = w[x].tok + 1; t < w[x + 1].tok; t++) {
        const mtc_token *p = &doc->tokens[t];
        sp->any_punct = 1;
        int32_t cp;
        mtc_utf8_next(doc->text, p->end, p->start, &cp);
        if (!(cp == ',' || cp == 0xFF0C || cp == 0x3001))
            sp->not_comma = 1;
    }
}

/* Decides whether reps consecutive copies of the n-word unit at w[i] are a
 * translation loop. */
static int loop_is_artifact(const art_state *st, const mtc_context *ctx, const word_ref *w,
                            size_t i, size_t n, size_t reps)
{
    const mtc_document *doc = ctx->doc;
    int has_word = 0;
    for (size_t k = 0; k < n; k++) {
        const mtc_token *tk = &doc->tokens[w[i + k].tok];
        if (!is_number_token(tk) && mtc_utf8_count(doc->text + tk->start, tk->end - tk->start) >= 2)
            has_word = 1;
    }
    if (!has_word)
        return 0; /* number sequences, tables, scores, "N/A N/A N/A" */
    separators sp = {0, 0, 0};
    for (size_t r = 1; r < reps; r++)
        add_separators(doc, w, i + r * n - 1, &sp);
    int quoted = inside_quote(ctx, doc->tokens[w[i].tok].start);

    if (n == 1) {
        char low[256];
        size_t ln = lower_token(doc, &doc->tokens[w[i].tok], low, sizeof low);
        /* "very, very, very", "ha ha ha", "no, no, no, no, no": rhetoric, but
         * five copies or more with nothing between, outside speech, are a
         * loop even of such a word ("and and and and and") */
        if (mtc_wordset_contains(st->rep_ok, low, ln) &&
            (reps < LOOP_CRITICAL_REPS || quoted || sp.any_punct))
            return 0;
        if (reps >= LOOP_SINGLE_PUNCT_REPS)
            return 1;
        return reps >= LOOP_MIN_REPS && !sp.any_punct; /* "the the the" */
    }
    if (reps >= LOOP_MIN_REPS)
        return !quoted || reps >= LOOP_QUOTED_REPS;
    /* a long stretch said twice within one sentence, nothing or a comma between */
    return n >= DOUBLED_MIN_WORDS && !quoted && !sp.sentence_break && !sp.not_comma;
}

static void emit_loop(const mtc_context *ctx, const word_ref *w, size_t i, size_t n, size_t reps,
                      mtc_emitter *em)
{
    const mtc_document *doc = ctx->doc;
    size_t us = doc->tokens[w[i].tok].start;
    size_t ue = doc->tokens[w[i + n - 1].tok].end;
    size_t shown = ue - us;
    if (shown > 60) { /* keep the message short, cut at a character boundary */
        shown = 60;
        while (shown > 0 && ((unsigned char)doc->text[us + shown] & 0xC0) == 0x80)
            shown--;
    }
    size_t start = doc->tokens[w[i + n].tok].start;
    size_t end = doc->tokens[w[i + reps * n - 1].tok].end;
    /* the weight grows with the loop: five copies, or 100 characters of
     * repeated text, make the article unusable */
    mtc_severity sev = reps >= LOOP_CRITICAL_REPS ||
                               mtc_utf8_count(doc->text + start, end - start) > LOOP_CRITICAL_CHARS
                           ? MTC_SEV_CRITICAL
                           : MTC_SEV_DEFAULT;
    if (reps == 2)
        mtc_emit(em, R_REPETITION, sev, start, end,
                 "Phrase repeated: \"%.*s%s\" twice in a row", (int)shown, doc->text + us,
                 shown < ue - us ? "..." : "");
    else {
        mtc_issue *is = mtc_emit(em, R_REPETITION, sev, start, end,
                                 "Translation loop: \"%.*s%s\" %zu times in a row", (int)shown,
                                 doc->text + us, shown < ue - us ? "..." : "", reps);
        if (is) /* each copy after the first is an error of its own in the score */
            is->count = (unsigned)(reps - 1 < 1000 ? reps - 1 : 1000);
    }
}

static void check_loops(const art_state *st, const mtc_context *ctx, const mtc_paragraph *p,
                        const tok_hashes *hashes, word_ref **buf, size_t *cap, mtc_emitter *em)
{
    const mtc_document *doc = ctx->doc;
    if (p->n_sentences == 0)
        return;
    const mtc_sentence *first = &doc->sentences[p->first_sentence];
    const mtc_sentence *last = &doc->sentences[p->first_sentence + p->n_sentences - 1];
    size_t t0 = first->first_token, t1 = last->first_token + last->n_tokens;
    size_t nw = 0;
    for (size_t t = t0; t < t1; t++) {
        const mtc_token *tk = &doc->tokens[t];
        if (!is_word_token(tk))
            continue;
        if (nw == *cap) {
            *cap = *cap ? *cap * 2 : 256;
            *buf = mtc_xrealloc(*buf, *cap * sizeof **buf);
        }
        (*buf)[nw].tok = t;
        (*buf)[nw].hash = tok_hash(hashes, t);
        nw++;
    }
    const word_ref *w = *buf;
    for (size_t i = 0; i < nw;) {
        /* every unit starting here begins with w[i] and repeats it n words
         * later: without an equal hash within MAX_NGRAM words, nothing does */
        int any = 0;
        for (size_t n = 1; n <= MAX_NGRAM && i + 2 * n <= nw && !any; n++)
            any = w[i + n].hash == w[i].hash;
        if (!any) {
            i++;
            continue;
        }
        size_t advance = 1;
        for (size_t n = 1; n <= MAX_NGRAM && i + 2 * n <= nw; n++) {
            /* decide on a bounded count (a rejected long repeat must not make
             * the scan quadratic), then measure the whole loop */
            size_t reps = 1;
            while (reps < LOOP_DECIDE_REPS && i + (reps + 1) * n <= nw &&
                   units_equal(doc, w, i, i + reps * n, n))
                reps++;
            if (reps < 2 || !loop_is_artifact(st, ctx, w, i, n, reps))
                continue;
            while (i + (reps + 1) * n <= nw && units_equal(doc, w, i, i + reps * n, n))
                reps++;
            emit_loop(ctx, w, i, n, reps, em);
            advance = reps * n;
            break;
        }
        i += advance;
    }
}

/* 1 when sentences a and b have the same words, lowercased (what a key of
 * their words joined by spaces would show; hashes: lower_hash per token). */
static int same_words(const mtc_document *doc, const tok_hashes *hashes, const mtc_sentence *a,
                      const mtc_sentence *b)
{
    size_t i = a->first_token, ie = a->first_token + a->n_tokens;
    size_t j = b->first_token, je = b->first_token + b->n_tokens;
    for (;;) {
        while (i < ie && !is_word_token(&doc->tokens[i]))
            i++;
        while (j < je && !is_word_token(&doc->tokens[j]))
            j++;
        if (i == ie || j == je)
            return i == ie && j == je;
        word_ref x = {i, tok_hash(hashes, i)}, y = {j, tok_hash(hashes, j)};
        if (!words_equal(doc, &x, &y))
            return 0;
        i++;
        j++;
    }
}

/* The same long sentence twice in an article: the second one is reported.
 * Sentences are compared by a hash of their lowercase words first, then
 * word by word with the earlier ones of the same hash. */
static void check_duplicate_sentences(const mtc_context *ctx, const tok_hashes *hashes,
                                      mtc_emitter *em)
{
    const mtc_document *doc = ctx->doc;
    mtc_wordset *by_hash = mtc_wordset_new(); /* hash -> its latest distinct sentence */
    size_t *chain = mtc_xmalloc((doc->n_sentences ? doc->n_sentences : 1) * sizeof *chain);
    for (size_t si = 0; si < doc->n_sentences; si++) {
        const mtc_sentence *s = &doc->sentences[si];
        size_t words = 0;
        uint64_t h = 0x84222325CBF29CE4ull;
        for (size_t t = s->first_token; t < s->first_token + s->n_tokens; t++) {
            const mtc_token *tk = &doc->tokens[t];
            if (!is_word_token(tk))
                continue;
            words += !is_number_token(tk);
            h = (h ^ tok_hash(hashes, t)) * 0x9FB21C651E98DF25ull;
            h ^= h >> 31;
        }
        if (words < DUP_SENTENCE_MIN_WORDS)
            continue;
        char hk[sizeof h];
        memcpy(hk, &h, sizeof h);
        intptr_t last;
        int dup = 0;
        if (mtc_wordset_get(by_hash, hk, sizeof hk, &last)) {
            for (size_t j = (size_t)last; j != SIZE_MAX && !dup; j = chain[j])
                dup = same_words(doc, hashes, &doc->sentences[j], s);
        } else {
            last = (intptr_t)SIZE_MAX;
        }
        if (!dup) { /* a new sentence: the one later copies are compared with */
            chain[si] = (size_t)last;
            mtc_wordset_put(by_hash, hk, sizeof hk, (intptr_t)si);
            continue;
        }
        if (inside_quote(ctx, s->start))
            continue; /* a quotation repeated as a pull quote */
        /* a long sentence right after its copy: a loop of sentences */
        int looped = si > 0 && same_words(doc, hashes, &doc->sentences[si - 1], s) &&
                     mtc_utf8_count(doc->text + s->start, s->end - s->start) > LOOP_CRITICAL_CHARS;
        if (looped)
            mtc_emit(em, R_REPETITION, MTC_SEV_CRITICAL, s->start, s->end,
                     "The same sentence twice in a row");
        else
            mtc_emit(em, R_REPETITION, MTC_SEV_DEFAULT, s->start, s->end,
                     "The same sentence appears earlier in the article");
    }
    free(chain);
    mtc_wordset_free(by_hash);
}

/* ----------------------------------------------------------- page chrome */

/* Returns 1 if the normalized text norm[0..n) is a chrome phrase: all of it
 * a phrase of kind `exact` (multi-word phrases only unless whole_line), or
 * its first words a phrase of kind `prefix` (0: no prefix matching).
 * truncated: norm is only the start of the text. */
static int chrome_match(const art_state *st, const char *norm, size_t n, int whole_line,
                        int truncated, intptr_t exact, intptr_t prefix)
{
    const char *sp = memchr(norm, ' ', n);
    if (!mtc_wordset_contains(st->chrome_first, norm, sp ? (size_t)(sp - norm) : n))
        return 0; /* every phrase that could match starts with this word */
    intptr_t v = 0;
    if (!truncated && mtc_wordset_get(st->chrome, norm, n, &v)) {
        int multiword = memchr(norm, ' ', n) != NULL;
        if ((v & prefix) || ((v & exact) && (whole_line || multiword)))
            return 1;
    }
    if (!prefix)
        return 0;
    size_t words = 1;
    for (size_t i = 0; i < n && words <= CHROME_MAX_PREFIX_WORDS; i++) {
        if (norm[i] != ' ')
            continue;
        if (mtc_wordset_get(st->chrome, norm, i, &v) && (v & prefix))
            return 1;
        words++;
    }
    return 0;
}

static size_t count_words(const char *s, size_t a, size_t b)
{
    size_t words = 0;
    int in_word = 0;
    for (size_t i = a; i < b; i++) {
        int sp = mtc_ascii_is_space((unsigned char)s[i]);
        if (!sp && !in_word)
            words++;
        in_word = !sp;
    }
    return words;
}

static int bracket_open(int32_t cp)
{
    return cp == '[' || cp == 0x3010 || cp == 0xFF3B;
}
static int bracket_close(int32_t cp)
{
    return cp == ']' || cp == 0x3011 || cp == 0xFF3D;
}

/* Bracketed fields of a short metadata line: "[Source: Xinhua] [Editor: Li
 * Ming] Font: [Large Medium Small]". A field is a bracket group with the
 * label before it ("Font:"), if any. */
static void check_chrome_fields(const art_state *st, const mtc_context *ctx, size_t a, size_t b,
                                mtc_emitter *em)
{
    const char *t = ctx->doc->text;
    if (count_words(t, a, b) > FIELD_LINE_MAX_WORDS)
        return;
    char norm[NORM_MAX];
    size_t prev_end = a;
    for (size_t i = a; i < b;) {
        int32_t cp;
        int k = mtc_utf8_next(t, b, i, &cp);
        if (!bracket_open(cp)) {
            i += (size_t)k;
            continue;
        }
        size_t open = i, close = i + (size_t)k, end = 0;
        while (close < b) {
            int32_t c2;
            int k2 = mtc_utf8_next(t, b, close, &c2);
            if (bracket_close(c2)) {
                end = close + (size_t)k2;
                break;
            }
            if (bracket_open(c2))
                break;
            close += (size_t)k2;
        }
        if (!end) {
            i += (size_t)k;
            continue;
        }
        /* a label "Font size:" just before the bracket */
        size_t fs = open, ls = open;
        while (ls > prev_end && mtc_ascii_is_space((unsigned char)t[ls - 1]))
            ls--;
        if (ls > prev_end && (t[ls - 1] == ':' ||
                              (ls >= prev_end + 3 && memcmp(t + ls - 3, "\xEF\xBC\x9A", 3) == 0))) {
            size_t lab = prev_end;
            while (lab < ls && mtc_ascii_is_space((unsigned char)t[lab]))
                lab++;
            size_t lw = count_words(t, lab, ls);
            if (lw >= 1 && lw <= FIELD_LABEL_MAX_WORDS)
                fs = lab;
        }
        size_t n = chrome_normalize(t + fs, end - fs, norm, sizeof norm);
        if (n > 0 && n != (size_t)-1 && chrome_match(st, norm, n, 1, 0, FIELD_EXACT, FIELD_PREFIX))
            mtc_emit(em, R_METADATA, MTC_SEV_DEFAULT, fs, end,
                     "Website furniture (a page's metadata field) left in the article");
        prev_end = end;
        i = end;
    }
}

/* The outlet's name a page title carries after the headline ("Headline -
 * Example News Network", "Headline | Daily Post - example.com"), on the first
 * line of the article: each trailing segment whose last word names an outlet
 * (dictionaries/page-chrome-sites.txt) or is a domain name. */
static int looks_like_domain(const char *w, size_t n)
{
    size_t dot = n;
    while (dot > 0 && w[dot - 1] != '.')
        dot--;
    if (dot < 2 || !mtc_ascii_is_alnum((unsigned char)w[dot - 2]))
        return 0;
    size_t tld = n - dot;
    if (tld < 2 || tld > 6)
        return 0;
    for (size_t i = dot; i < n; i++)
        if (!mtc_ascii_is_lower((unsigned char)w[i]))
            return 0;
    return 1;
}

static int is_title_separator(int32_t cp)
{
    return cp == '-' || cp == '|' || cp == '_' || cp == 0x2013 || cp == 0x2014 || cp == 0xFF5C ||
           cp == 0x00B7;
}

static int site_segment(const art_state *st, const char *t, size_t a, size_t b)
{
    size_t words = count_words(t, a, b);
    if (words == 0 || words > TITLE_SITE_MAX_WORDS)
        return 0;
    size_t ws = b;
    while (ws > a && !mtc_ascii_is_space((unsigned char)t[ws - 1]))
        ws--;
    if (looks_like_domain(t + ws, b - ws))
        return 1;
    char low[64];
    size_t n = mtc_utf8_lower(t + ws, b - ws, low, sizeof low);
    return n != (size_t)-1 && mtc_wordset_contains(st->sites, low, n);
}

static void check_title_site(const art_state *st, const mtc_context *ctx, size_t a, size_t b,
                             mtc_emitter *em)
{
    const char *t = ctx->doc->text;
    size_t end = b;
    for (int seg = 0; seg < 4; seg++) {
        while (end > a && (t[end - 1] == '.' || mtc_ascii_is_space((unsigned char)t[end - 1])))
            end--;
        /* the last separator: spaced ("x - y"), or unspaced before a domain */
        size_t sep = end, sep_end = end;
        int found = 0;
        for (size_t i = end; i > a && !found;) {
            int32_t cp;
            size_t p = mtc_utf8_prev(t, i, &cp);
            if (is_title_separator(cp)) {
                int spaced = p > a && mtc_ascii_is_space((unsigned char)t[p - 1]) && i < end &&
                             mtc_ascii_is_space((unsigned char)t[i]);
                if (spaced || (cp == '-' || cp == '|')) {
                    sep = p;
                    sep_end = i;
                    found = spaced ? 2 : 1;
                }
            }
            i = p;
        }
        if (!found)
            return;
        size_t ss = sep_end;
        while (ss < end && mtc_ascii_is_space((unsigned char)t[ss]))
            ss++;
        int ok = site_segment(st, t, ss, end);
        if (ok && found == 1) { /* unspaced: only "...-example.com" */
            size_t ws = end;
            while (ws > ss && !mtc_ascii_is_space((unsigned char)t[ws - 1]))
                ws--;
            ok = ws == ss && looks_like_domain(t + ss, end - ss);
        }
        if (!ok || count_words(t, a, sep) < TITLE_MIN_WORDS)
            return;
        mtc_emit(em, R_METADATA, MTC_SEV_DEFAULT, ss, end,
                 "Website name of the page title left in the headline");
        end = sep;
    }
}

static int is_blank_byte(char c)
{
    return mtc_ascii_is_space((unsigned char)c);
}

static void check_chrome(const art_state *st, const mtc_context *ctx, mtc_emitter *em)
{
    const mtc_document *doc = ctx->doc;
    const char *t = doc->text;
    char norm[NORM_MAX];
    mtc_span *flagged = NULL;
    size_t n_flagged = 0, cap_flagged = 0;
    int first_line = 1;
    int metadata = mtc_rule_on(em, R_METADATA);

    for (size_t ls = 0; ls < doc->len;) {
        const char *nl = memchr(t + ls, '\n', doc->len - ls);
        size_t le = nl ? (size_t)(nl - t) : doc->len;
        size_t next = le + 1;
        size_t a = ls, b = le;
        while (a < b && is_blank_byte(t[a]))
            a++;
        while (b > a && is_blank_byte(t[b - 1]))
            b--;
        if (a < b && !chrome_may_match(st, t + a, b - a, CHROME_CUT / 2)) {
            if (metadata) { /* no phrase starts like this line */
                if (first_line)
                    check_title_site(st, ctx, a, b, em);
                check_chrome_fields(st, ctx, a, b, em);
            }
            first_line = 0;
        } else if (a < b) {
            int truncated = 0;
            size_t n = chrome_normalize(t + a, b - a, norm, sizeof norm);
            if (n == (size_t)-1) {
                truncated = 1;
                size_t cut = CHROME_CUT;
                while (cut > 0 && ((unsigned char)t[a + cut] & 0xC0) == 0x80)
                    cut--;
                n = chrome_normalize(t + a, cut, norm, sizeof norm);
            }
            if (n > 0 && n != (size_t)-1 &&
                chrome_match(st, norm, n, 1, truncated, CHROME_EXACT, CHROME_PREFIX)) {
                mtc_emit(em, R_CHROME, MTC_SEV_DEFAULT, a, b,
                         "Website furniture left in the article");
                if (n_flagged == cap_flagged) {
                    cap_flagged = cap_flagged ? cap_flagged * 2 : 8;
                    flagged = mtc_xrealloc(flagged, cap_flagged * sizeof *flagged);
                }
                flagged[n_flagged].start = a;
                flagged[n_flagged].end = b;
                n_flagged++;
            } else if (metadata) {
                if (first_line)
                    check_title_site(st, ctx, a, b, em);
                check_chrome_fields(st, ctx, a, b, em);
            }
            first_line = 0;
        }
        ls = next;
    }

    for (size_t si = 0; si < doc->n_sentences; si++) {
        const mtc_sentence *s = &doc->sentences[si];
        size_t words = 0;
        for (size_t k = s->first_token; k < s->first_token + s->n_tokens; k++)
            words += is_word_token(&doc->tokens[k]);
        if (words == 0 || words > CHROME_MAX_SENTENCE_WORDS)
            continue;
        int covered = 0;
        for (size_t f = 0; f < n_flagged && !covered; f++)
            covered = s->start >= flagged[f].start && s->end <= flagged[f].end;
        if (covered || !chrome_may_match(st, t + s->start, s->end - s->start, (size_t)-1))
            continue;
        size_t n = chrome_normalize(t + s->start, s->end - s->start, norm, sizeof norm);
        if (n > 0 && n != (size_t)-1 && chrome_match(st, norm, n, 0, 0, CHROME_EXACT, 0))
            mtc_emit(em, R_CHROME, MTC_SEV_DEFAULT, s->start, s->end,
                     "Website furniture left in the article");
    }
    free(flagged);
}

/* --------------------------------------------------------------- article */

static void art_check_article(void *state, const mtc_context *ctx, mtc_emitter *em)
{
    const art_state *st = state;
    const mtc_document *doc = ctx->doc;
    if (mtc_rule_on(em, R_REPETITION)) {
        /* lower_hash of the word tokens (per interned word), for both checks */
        tok_hashes hashes;
        tok_hashes_init(&hashes, doc);
        word_ref *buf = NULL;
        size_t cap = 0;
        for (size_t p = 0; p < doc->n_paragraphs; p++)
            check_loops(st, ctx, &doc->paragraphs[p], &hashes, &buf, &cap, em);
        free(buf);
        check_duplicate_sentences(ctx, &hashes, em);
        free(hashes.by_word);
    }
    if (mtc_rule_on(em, R_CHROME) || mtc_rule_on(em, R_METADATA))
        check_chrome(st, ctx, em);
}

const mtc_analyzer mtc_analyzer_artifacts = {
    "artifacts",       rules,       sizeof rules / sizeof rules[0],
    art_create,        art_destroy, art_check_sentence,
    art_check_article, NULL,
};
