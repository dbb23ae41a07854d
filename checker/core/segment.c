/* segment.c — doc->text → paragraphs (at blank lines) and sentences (at
 * terminal punctuation). Owns the doc->paragraphs and doc->sentences arrays
 * it fills (the document frees them); everything else is a span.
 *
 * Paragraphs: runs of non-blank lines; "\n", "\r\n" and "\r" end a line, a
 * line of whitespace only is blank; a line break inside a paragraph is
 * whitespace. A one-line paragraph that does not end in . ! ? … (possibly
 * followed by quotes/brackets) and splits into one sentence only is a
 * headline; a one-line paragraph holding several sentences is not (an MT
 * paragraph that lost its final period or ends in a stray “).
 *
 * Sentences: a run of terminal marks (. ! ? … and the fullwidth 。！？),
 * with the closing quotes and brackets after it, ends a sentence when
 * whitespace follows and the next character is an uppercase letter, a letter
 * of a script without case, a digit or an opening quote/bracket. Doubled
 * punctuation after a space (". ..") and a closing quote after a space
 * ("over. ”") stay in the sentence they end. A lone '.' directly followed by
 * whitespace is checked against the abbreviations:
 *   - class "never" (Mr., Jan., No., vs.): never ends a sentence;
 *   - class "end" (U.S., a.m., Inc., etc.; also any dotted acronym of single
 *     letters and any single capital initial): ends one only before an
 *     opening quote or a word of dictionaries/segment-sentence-starters.txt
 *     ("in the U.S. The" splits; "U.S. officials", "3 p.m. Sunday",
 *     "Richard N. Smith" do not).
 * "?"/"!" before a lowercase word ("“Why?” he asked.") does not split, nor
 * a quoted "?"/"!" before "Name verb." with a verb of
 * dictionaries/segment-speech-verbs.txt ("“Why?” Smith asked.").
 *
 * The word lists are parsed once per process, on first use, into sorted
 * tables (pthread_once; immutable afterwards, so threads may share them),
 * through the data loader (data.c): no cap on their size, and a malformed
 * line is an error naming file:line, which mtc_segment_tables_status hands
 * to the checker's creation. Entries point into the embedded data (static);
 * the arrays are allocated once and live as long as the process.
 * One pass over the text; look-ups happen only at candidate boundaries. */
#include "segment.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "data.h"
#include "quotemap.h"
#include "utf8.h"

enum { ABBR_NONE = 0, ABBR_NEVER_ENDS = 1, ABBR_MAY_END = 2 };

typedef struct word_entry {
    const char *s; /* into the embedded data (static) */
    size_t len;
    int cls;
} word_entry;

typedef struct word_table {
    word_entry *e;  /* allocated once, kept for the process's life */
    size_t n, cap;
    int with_class; /* parse an optional second field "end" */
} word_table;

static word_table abbr_table = {.with_class = 1};
static word_table starter_table = {.with_class = 0};
static word_table speech_table = {.with_class = 0};
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;
static mtc_status tables_status = MTC_OK; /* set once, under tables_once */
static mtc_error tables_error;

static int entry_cmp(const void *a, const void *b)
{
    const word_entry *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->s, y->s, n);
    if (c)
        return c;
    return (x->len > y->len) - (x->len < y->len);
}

static int add_line(const char *line, size_t len, long lineno, void *ctx)
{
    (void)lineno;
    word_table *t = ctx;
    size_t w = 0;
    while (w < len && line[w] != ' ' && line[w] != '\t')
        w++;
    int cls = ABBR_NEVER_ENDS;
    if (t->with_class && w < len) {
        size_t c = w;
        while (c < len && (line[c] == ' ' || line[c] == '\t'))
            c++;
        if (len - c == 3 && memcmp(line + c, "end", 3) == 0)
            cls = ABBR_MAY_END;
        else
            return 1;
    }
    mtc_grow((void **)&t->e, &t->cap, t->n + 1, sizeof *t->e);
    t->e[t->n].s = line;
    t->e[t->n].len = w;
    t->e[t->n].cls = cls;
    t->n++;
    return 0;
}

static void load_table(word_table *t, const char *name)
{
    mtc_error err;
    mtc_status st = mtc_data_load_lines(name, add_line, t, &err);
    if (st != MTC_OK && tables_status == MTC_OK) {
        tables_status = st;
        tables_error = err;
    }
    if (t->n > 1)
        qsort(t->e, t->n, sizeof t->e[0], entry_cmp);
}

static void load_tables(void)
{
    load_table(&abbr_table, "dictionaries/abbreviations.txt");
    load_table(&starter_table, "dictionaries/segment-sentence-starters.txt");
    load_table(&speech_table, "dictionaries/segment-speech-verbs.txt");
}

mtc_status mtc_segment_tables_status(mtc_error *err)
{
    pthread_once(&tables_once, load_tables);
    if (tables_status != MTC_OK && err)
        *err = tables_error;
    return tables_status;
}

static int table_find(const word_table *t, const char *s, size_t len)
{
    word_entry key = {s, len, 0};
    if (t->n == 0)
        return ABBR_NONE;
    const word_entry *e = bsearch(&key, t->e, t->n, sizeof t->e[0], entry_cmp);
    return e ? e->cls : ABBR_NONE;
}

/* ---- characters ---- */

static int32_t cp_at(const char *t, size_t len, size_t i, int *n)
{
    unsigned char c = (unsigned char)t[i];
    if (c < 0x80) {
        *n = 1;
        return c;
    }
    int32_t cp;
    *n = mtc_utf8_next(t, len, i, &cp);
    return cp;
}

static int is_space(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 0 && mtc_ascii_is_space(cp);
    return mtc_cp_is_space(cp);
}

static int is_terminal(int32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 /* … */ || cp == 0x3002 /* 。 */ ||
           cp == 0xFF01 /* ！ */ || cp == 0xFF1F /* ？ */ || cp == 0xFF0E /* ． */;
}

/* Closing quotes and brackets that may follow a terminal mark. */
static int is_closer(int32_t cp)
{
    switch (cp) {
    case '"':
    case '\'':
    case ')':
    case ']':
    case '}':
    case 0x2019: /* ’ */
    case 0x201D: /* ” */
    case 0x00BB: /* » */
    case 0x203A: /* › */
    case 0x300D: /* 」 */
    case 0x300F: /* 』 */
    case 0xFF09: /* ） */
    case 0x3011: /* 】 */
    case 0x3015: /* 〕 */
    case 0x300B: /* 》 */
        return 1;
    default:
        return 0;
    }
}

/* Closers that cannot open anything (a straight quote can). */
static int is_closer_only(int32_t cp)
{
    return is_closer(cp) && cp != '"' && cp != '\'';
}

static int is_opener(int32_t cp)
{
    switch (cp) {
    case '"':
    case '\'':
    case '(':
    case '[':
    case '{':
    case 0x2018: /* ‘ */
    case 0x201C: /* “ */
    case 0x00AB: /* « */
    case 0x2039: /* ‹ */
    case 0x300C: /* 「 */
    case 0x300E: /* 『 */
    case 0xFF08: /* （ */
    case 0x3010: /* 【 */
    case 0x3014: /* 〔 */
    case 0x300A: /* 《 */
    case 0x00BF: /* ¿ */
    case 0x00A1: /* ¡ */
        return 1;
    default:
        return 0;
    }
}

static int is_quote_opener(int32_t cp)
{
    return (mtc_quote_char(cp) & MTC_QC_OPENS) != 0;
}

/* A character that can start a sentence. */
static int starts_sentence(int32_t cp)
{
    if (cp < 0)
        return 0;
    if (mtc_cp_is_upper(cp) || mtc_cp_is_digit(cp) || is_opener(cp))
        return 1;
    /* letters of scripts without case (CJK...) */
    return cp >= 0x80 && mtc_cp_is_letter(cp) && !mtc_cp_is_lower(cp);
}

/* ---- abbreviations ---- */

/* Class of the word ending with the '.' at t[dot]: the letters and dots
 * before it back to a space, bracket, quote or hyphen. */
static int abbreviation_class(const char *t, size_t lo, size_t dot)
{
    size_t w = dot;
    while (w > lo) {
        int32_t cp;
        size_t p = mtc_utf8_prev(t, w, &cp);
        if (cp == '.' || (cp >= 0 && mtc_cp_is_letter(cp)))
            w = p;
        else
            break;
        if (dot - w > 32)
            return ABBR_NONE;
    }
    if (w == dot)
        return ABBR_NONE;
    size_t len = dot + 1 - w;
    int cls = table_find(&abbr_table, t + w, len);
    if (cls)
        return cls;
    /* dotted acronym of single ASCII letters (U.S., D.C., J.K.) */
    if (len >= 4 && len % 2 == 0) {
        int ok = 1;
        for (size_t k = 0; k < len && ok; k += 2)
            ok = mtc_ascii_is_alpha((unsigned char)t[w + k]) && t[w + k + 1] == '.';
        if (ok)
            return ABBR_MAY_END;
    }
    /* a single capital initial (Richard N. Smith) */
    int32_t cp;
    int n;
    cp = cp_at(t, dot, w, &n);
    if (w + (size_t)n == dot && mtc_cp_is_upper(cp))
        return ABBR_MAY_END;
    return ABBR_NONE;
}

/* 1 if t[a..dot) is a list number or letter opening the sentence ("1. Pay
 * attention...", "b. Do not..."). */
static int is_enumerator(const char *t, size_t a, size_t dot)
{
    if (dot == a || dot - a > 3)
        return 0;
    if (dot - a == 1 && mtc_ascii_is_alpha((unsigned char)t[a]))
        return 1;
    for (size_t i = a; i < dot; i++)
        if (!mtc_ascii_is_digit((unsigned char)t[i]))
            return 0;
    return 1;
}

/* 1 if the word at t[k..) is a listed sentence starter. */
static int next_word_is_starter(const char *t, size_t end, size_t k)
{
    size_t j = k;
    while (j < end && j - k <= 24) {
        int n;
        int32_t cp = cp_at(t, end, j, &n);
        if ((cp >= 0 && mtc_cp_is_letter(cp)) || ((cp == '\'' || cp == 0x2019) && j > k))
            j += (size_t)n;
        else
            break;
    }
    if (j == k || j - k > 24)
        return 0;
    /* "It's" is listed with a straight apostrophe; accept the curly one too */
    char buf[32];
    size_t o = 0;
    for (size_t i = k; i < j;) {
        if ((unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
            (unsigned char)t[i + 2] == 0x99) {
            buf[o++] = '\'';
            i += 3;
        } else {
            buf[o++] = t[i++];
        }
    }
    return table_find(&starter_table, buf, o) != ABBR_NONE;
}

/* End of the run of letters at t[k..end) (at most 32 bytes), or k. */
static size_t letters_end(const char *t, size_t end, size_t k)
{
    size_t j = k;
    while (j < end && j - k < 32) {
        int n;
        int32_t cp = cp_at(t, end, j, &n);
        if (cp < 0 || !mtc_cp_is_letter(cp))
            break;
        j += (size_t)n;
    }
    return j - k < 32 ? j : k;
}

/* 1 if t[k..) reads "Name verb." or "Name verb," with a speech verb: the
 * attribution of a quoted question or exclamation (“Why?” Smith asked.). */
static int is_attribution(const char *t, size_t end, size_t k)
{
    size_t w1 = letters_end(t, end, k);
    if (w1 == k || w1 >= end || t[w1] != ' ')
        return 0;
    size_t v = w1 + 1;
    size_t w2 = letters_end(t, end, v);
    if (w2 == v || w2 >= end || (t[w2] != '.' && t[w2] != ','))
        return 0;
    return table_find(&speech_table, t + v, w2 - v) != ABBR_NONE;
}

int mtc_segment_is_abbreviation(const char *word, size_t len)
{
    pthread_once(&tables_once, load_tables);
    if (len < 2 || word[len - 1] != '.')
        return 0;
    return abbreviation_class(word, 0, len - 1) != ABBR_NONE;
}

/* ---- building the arrays ---- */

typedef struct seg_state {
    mtc_document *doc;
    size_t pcap, scap;
} seg_state;

static void trim(const char *t, size_t *a, size_t *b)
{
    while (*a < *b) {
        int n;
        int32_t cp = cp_at(t, *b, *a, &n);
        if (!is_space(cp))
            break;
        *a += (size_t)n;
    }
    while (*b > *a) {
        int32_t cp;
        size_t p;
        if ((unsigned char)t[*b - 1] < 0x80) {
            cp = (unsigned char)t[*b - 1];
            p = *b - 1;
        } else {
            p = mtc_utf8_prev(t, *b, &cp);
        }
        if (!is_space(cp))
            break;
        *b = p;
    }
}

static void add_sentence(seg_state *st, size_t a, size_t b)
{
    mtc_document *doc = st->doc;
    trim(doc->text, &a, &b);
    if (a >= b)
        return;
    mtc_grow((void **)&doc->sentences, &st->scap, doc->n_sentences + 1, sizeof(mtc_sentence));
    mtc_sentence *s = &doc->sentences[doc->n_sentences++];
    s->start = a;
    s->end = b;
    s->paragraph = doc->n_paragraphs - 1;
    s->first_token = 0;
    s->n_tokens = 0;
    doc->paragraphs[doc->n_paragraphs - 1].n_sentences++;
}

/* 1 if t[a..b) ends with a terminal mark, possibly followed by quotes
 * (of either direction: MT text closes with “), brackets and spaces. */
static int ends_with_terminal(const char *t, size_t a, size_t b)
{
    while (b > a) {
        int32_t cp;
        size_t p = mtc_utf8_prev(t, b, &cp);
        if (is_terminal(cp))
            return 1;
        if (!is_closer(cp) && !is_quote_opener(cp) && !is_space(cp))
            return 0;
        b = p;
    }
    return 0;
}

/* Splits the paragraph t[a..b) (trimmed) into sentences. */
static void split_sentences(seg_state *st, size_t a, size_t b)
{
    const char *t = st->doc->text;
    size_t sstart = a;
    size_t i = a;
    int dq_open = 0; /* straight double quotes seen so far in the paragraph are odd */
    while (i < b) {
        if (i + 8 <= b) {
            uint64_t v = mtc_load8(t + i);
            if (!(mtc_has_high(v) | mtc_has_byte(v, '"') | mtc_has_byte(v, '.') |
                  mtc_has_byte(v, '!') | mtc_has_byte(v, '?'))) {
                i += 8; /* none of them in these eight bytes */
                continue;
            }
        }
        unsigned char c0 = (unsigned char)t[i];
        if (c0 < 0x80 && c0 != '"' && c0 != '.' && c0 != '!' && c0 != '?') {
            i++; /* an ASCII byte that neither ends nor quotes: most of them */
            continue;
        }
        int n;
        int32_t cp = cp_at(t, b, i, &n);
        if (cp == '"')
            dq_open = !dq_open;
        if (!is_terminal(cp)) {
            i += (size_t)n;
            continue;
        }
        size_t mark = i;
        size_t j = i;
        /* terminal marks and closers glued to them */
        for (;;) {
            while (j < b) {
                int m;
                int32_t c = cp_at(t, b, j, &m);
                if (!is_terminal(c) && !is_closer(c))
                    break;
                if (c == '"')
                    dq_open = !dq_open;
                j += (size_t)m;
            }
            /* after spaces: doubled punctuation (". ..") or a stray closing
             * quote ("over. ”") still belong to this sentence */
            size_t k = j;
            int m = 1;
            int32_t c = -1;
            while (k < b) {
                c = cp_at(t, b, k, &m);
                if (!is_space(c))
                    break;
                k += (size_t)m;
            }
            /* a straight quote after the space closes only when an open one
             * is pending and no word is glued to it ('. "The' opens) */
            int dq_closes = c == '"' && dq_open &&
                            (k + 1 >= b || is_space(cp_at(t, b, k + 1, &m)) ||
                             is_terminal(cp_at(t, b, k + 1, &m)));
            if (k > j && k < b && (is_terminal(c) || is_closer_only(c) || dq_closes)) {
                cp_at(t, b, k, &m);
                if (c == '"')
                    dq_open = 0;
                j = k + (size_t)m;
                continue;
            }
            break;
        }
        if (j >= b)
            break;
        int m;
        int32_t c = cp_at(t, b, j, &m);
        if (!is_space(c)) {
            /* 。！？ end a sentence with no space after them (Chinese and
             * Japanese text: a source read for the source.* checks) */
            int32_t mk = cp_at(t, b, mark, &m);
            if (mk == 0x3002 || mk == 0xFF01 || mk == 0xFF1F) {
                add_sentence(st, sstart, j);
                sstart = j;
            }
            i = j;
            continue;
        }
        size_t k = j;
        while (k < b) {
            c = cp_at(t, b, k, &m);
            if (!is_space(c))
                break;
            k += (size_t)m;
        }
        if (k >= b)
            break;
        /* only quotes left ("solution. “" with a mistyped closing quote):
         * they end this sentence */
        size_t q = k;
        while (q < b) {
            int32_t qc = cp_at(t, b, q, &m);
            if (!is_closer(qc) && !is_quote_opener(qc) && !is_space(qc))
                break;
            q += (size_t)m;
        }
        if (q >= b)
            break;
        int split = starts_sentence(c);
        if (split && t[mark] == '.' && j == mark + 1 && is_enumerator(t, sstart, mark))
            split = 0;
        if (split && (t[mark] == '?' || t[mark] == '!') && j > mark + 1) {
            int32_t last;
            mtc_utf8_prev(t, j, &last);
            if (is_closer(last) && is_attribution(t, b, k))
                split = 0;
        }
        if (split && t[mark] == '.' && j == mark + 1) {
            int cls = abbreviation_class(t, a, mark);
            if (cls == ABBR_NEVER_ENDS)
                split = 0;
            else if (cls == ABBR_MAY_END)
                split = is_quote_opener(c) || next_word_is_starter(t, b, k);
        }
        if (split) {
            add_sentence(st, sstart, j);
            sstart = k;
        }
        i = k;
    }
    add_sentence(st, sstart, b);
}

/* 1 if t[a..b) holds a letter or a digit. */
static int has_word(const char *t, size_t a, size_t b)
{
    for (size_t i = a; i < b;) {
        int n;
        int32_t cp = cp_at(t, b, i, &n);
        if (cp >= 0 && (mtc_cp_is_letter(cp) || mtc_cp_is_digit(cp)))
            return 1;
        i += (size_t)n;
    }
    return 0;
}

/* 1 if the first word of t[a..b) is in lowercase ASCII letters ("there
 * is people"; not "iPhone", a name written that way). */
static int starts_lowercase(const char *t, size_t a, size_t b)
{
    for (size_t i = a; i < b;) {
        int n;
        int32_t cp = cp_at(t, b, i, &n);
        if (cp >= 0 && (mtc_cp_is_letter(cp) || mtc_cp_is_digit(cp))) {
            size_t j = i;
            while (j < b && mtc_ascii_is_lower((unsigned char)t[j]))
                j++;
            return j > i && (j == b || !mtc_ascii_is_alnum((unsigned char)t[j]));
        }
        i += (size_t)n;
    }
    return 0;
}

/* 1 when text [a, b) has a headline's form on its own: it ends in ':' or
 * it is in title case (of its words of four letters or more, all but at
 * most one after the first begin with a capital: "Some Super Bowl
 * Commercials I Can't Wait to See"). */
static int looks_like_headline(const char *t, size_t a, size_t b)
{
    size_t e = b;
    while (e > a && (t[e - 1] == ' ' || t[e - 1] == '\t'))
        e--;
    if (e > a && t[e - 1] == ':')
        return 1;
    size_t words = 0, lower = 0;
    int first = 1;
    for (size_t i = a; i < e;) {
        while (i < e && !mtc_ascii_is_alpha((unsigned char)t[i]))
            i++;
        size_t w = i;
        while (i < e && (mtc_ascii_is_alpha((unsigned char)t[i]) || t[i] == '\''))
            i++;
        if (i - w < 4)
            continue;
        if (!first) {
            words++;
            lower += mtc_ascii_is_lower((unsigned char)t[w]) != 0;
        }
        first = 0;
    }
    return words >= 2 && lower <= 1;
}

static void add_paragraph(seg_state *st, size_t a, size_t b, size_t n_lines)
{
    mtc_document *doc = st->doc;
    mtc_grow((void **)&doc->paragraphs, &st->pcap, doc->n_paragraphs + 1, sizeof(mtc_paragraph));
    mtc_paragraph *p = &doc->paragraphs[doc->n_paragraphs++];
    p->start = a;
    p->end = b;
    p->first_sentence = doc->n_sentences;
    p->n_sentences = 0;
    /* A one-line paragraph without final punctuation is a headline, unless
     * it holds several sentences (an MT paragraph that ends in a stray
     * quote or lost its final period) or starts with a lowercase letter
     * (no headline does: a sentence that lost its period). */
    p->is_headline = 0;
    split_sentences(st, a, b);
    p = &doc->paragraphs[doc->n_paragraphs - 1];
    if (n_lines == 1 && p->n_sentences == 1 && !ends_with_terminal(doc->text, a, b) &&
        has_word(doc->text, a, b) && !starts_lowercase(doc->text, a, b))
        p->is_headline = 1;
}

void mtc_segment(mtc_document *doc)
{
    pthread_once(&tables_once, load_tables);
    free(doc->paragraphs);
    free(doc->sentences);
    doc->paragraphs = NULL;
    doc->sentences = NULL;
    doc->n_paragraphs = 0;
    doc->n_sentences = 0;

    seg_state st = {doc, 0, 0};
    const char *t = doc->text;
    size_t len = doc->len;
    size_t pos = 0;
    int in_par = 0;
    size_t par_start = 0, par_end = 0, n_lines = 0;
    while (pos < len) {
        /* one line: [pos, le), first and last non-space in it */
        size_t le = pos;
        size_t first = (size_t)-1, last_end = 0;
        while (le < len && t[le] != '\n' && t[le] != '\r') {
            if (MTC_LITTLE_ENDIAN && le + 8 <= len) {
                uint64_t v = mtc_load8(t + le);
                if (!(mtc_has_high(v) | mtc_has_byte(v, '\n') | mtc_has_byte(v, '\r'))) {
                    /* eight ASCII bytes of the line: its first and last
                     * non-space bytes among them */
                    uint64_t ns = ~mtc_space_mask(v) & 0x8080808080808080ull;
                    if (ns) {
                        if (first == (size_t)-1)
                            first = le + (size_t)__builtin_ctzll(ns) / 8;
                        last_end = le + (size_t)(63 - __builtin_clzll(ns)) / 8 + 1;
                    }
                    le += 8;
                    continue;
                }
            }
            unsigned char c = (unsigned char)t[le];
            if (c < 0x80) { /* ASCII: the same steps, inlined */
                if (!mtc_ascii_is_space(c)) {
                    if (first == (size_t)-1)
                        first = le;
                    last_end = le + 1;
                }
                le++;
                continue;
            }
            int n;
            int32_t cp = cp_at(t, len, le, &n);
            if (!is_space(cp)) {
                if (first == (size_t)-1)
                    first = le;
                last_end = le + (size_t)n;
            }
            le += (size_t)n;
        }
        size_t next = le;
        if (next < len)
            next += (t[next] == '\r' && next + 1 < len && t[next + 1] == '\n') ? 2 : 1;
        if (first == (size_t)-1) {
            if (in_par)
                add_paragraph(&st, par_start, par_end, n_lines);
            in_par = 0;
        } else {
            if (!in_par) {
                in_par = 1;
                par_start = first;
                n_lines = 0;
            }
            par_end = last_end;
            n_lines++;
        }
        pos = next;
    }
    if (in_par)
        add_paragraph(&st, par_start, par_end, n_lines);
    /* a text of one line is a sentence to check ("echo 'They goes home' |
     * mtcheck -"), not an article's headline with nothing under it, unless
     * its form is a headline's: title case, or a lead-in ending in ':' */
    if (doc->n_paragraphs == 1 && doc->paragraphs[0].is_headline &&
        !looks_like_headline(doc->text, doc->paragraphs[0].start, doc->paragraphs[0].end))
        doc->paragraphs[0].is_headline = 0;
}
