/* tokenize.c — the tokens of every sentence: fills doc->tokens (owned by the
 * document, freed with free()) and each sentence's first_token/n_tokens.
 * One pass over each sentence span, no per-token allocation.
 *
 * Kinds (document.h):
 *   WORD        letters of any script (Unicode category L, with combining
 *               marks), joined by inner apostrophes (' ’ ʼ between a letter or
 *               digit and a letter: don’t, CNN’s, Kim Jong-un's) and inner
 *               hyphens (- ‐ ‑ between letters: Sino-US, well-known). A
 *               dotted acronym of single ASCII letters is one word with its
 *               final dot (U.S., a.m., e.g., J.K.). A capital initial
 *               dotted onto a capitalised word without a space is one word
 *               (E.ON, E.ON's), not an initial and a word.
 *   NUMBER      digits with inner '.' before a digit and ',' before exactly
 *               three digits (12, 3.5, 1,000, 2.0.1), with a glued '%' or
 *               glued letters as a unit (3.5%, 5km, 1990s).
 *   ORDINAL     digits + st/nd/rd/th (21st, 2nd).
 *   OTHER_WORD  letters mixed with digits (COVID-19, G7, MH370, F-16s). A
 *               hyphen joins only a token that has a letter, and once the
 *               token has a digit only before another digit: "19th-century"
 *               is ORDINAL, PUNCT, WORD; "5-year-old" is NUMBER, PUNCT, WORD;
 *               "G7-led" is OTHER_WORD, PUNCT, WORD.
 *   URL         http://, https://, ftp://, www. up to a space, a quote or
 *               angle bracket; trailing . , ; : ! ? ' and unbalanced ) ] are
 *               left out.
 *   EMAIL       local@domain.tld.   HANDLE @name.   HASHTAG #tag (a letter
 *               is required: "#1" is PUNCT + NUMBER).
 *   PUNCT       one character of Unicode category P (… is one; "..." three).
 *   SYMBOL      any other non-space character (S*, format characters,
 *               invalid bytes: one byte each).
 * A trailing apostrophe (countries’) is NOT part of the word: it is a PUNCT
 * token, because ’ is also the closing single quote and the quotation
 * analyzer needs it; the word then has no MTC_TF_HAS_APOSTROPHE.
 *
 * Flags (on WORD, NUMBER, ORDINAL and OTHER_WORD; URL, EMAIL, HANDLE,
 * HASHTAG, PUNCT and SYMBOL carry none): INITIAL_UPPER (first letter
 * uppercase), ALL_UPPER (>= 1 uppercase letter and no lowercase one; so the
 * NUMBER "5G" is ALL_UPPER), MIXED_CASE (an uppercase letter after a
 * lowercase one in the same hyphen-separated part: iPhone, McDonald, not
 * Sino-US), HAS_DIGIT (NUMBER and ORDINAL too), HAS_HYPHEN, HAS_APOSTROPHE
 * (inner only), NON_LATIN (a letter >= U+0250 outside Latin Extended
 * Additional U+1E00–U+1EFF: CJK, Cyrillic, Greek, Arabic, fullwidth Latin). */
#include "tokenize.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "utf8.h"
#include "words.h"

typedef struct tok_state {
    mtc_document *doc;
    size_t cap;
    size_t email_memo; /* no e-mail address starts before this offset in the current run */
} tok_state;

static inline void push(tok_state *st, size_t s, size_t e, int kind, unsigned flags)
{
    mtc_document *doc = st->doc;
    if (doc->n_tokens + 1 > st->cap)
        mtc_grow((void **)&doc->tokens, &st->cap, doc->n_tokens + 1, sizeof(mtc_token));
    mtc_token *t = &doc->tokens[doc->n_tokens++];
    t->start = (uint32_t)s; /* < MTC_MAX_TEXT (mtc_document_from_bytes) */
    t->end = (uint32_t)e;
    t->kind = (uint16_t)kind;
    t->flags = (uint16_t)flags;
    t->word = 0; /* set by mtc_words_intern */
}

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

static inline int is_letter(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 0 && mtc_ascii_is_alpha(cp);
    return mtc_cp_is_letter(cp);
}
static inline int is_digit(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 0 && mtc_ascii_is_digit(cp);
    return mtc_cp_is_digit(cp);
}
static inline int is_mark(int32_t cp)
{
    return cp >= 0x80 && mtc_cp_is_mark(cp);
}
static inline int is_hyphen(int32_t cp)
{
    return cp == '-' || cp == 0x2010 || cp == 0x2011;
}
static inline int is_apostrophe(int32_t cp)
{
    return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

static int is_non_latin_letter(int32_t cp)
{
    return cp >= 0x250 && !(cp >= 0x1E00 && cp <= 0x1EFF);
}

static int ascii_lower_eq(const char *s, const char *lit, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (mtc_ascii_tolower((unsigned char)s[i]) != lit[i])
            return 0;
    return 1;
}

/* ---- URLs, e-mail, handles, hashtags ---- */

static int url_stop(int32_t cp)
{
    if (cp < 0)
        return 1;
    if (cp < 0x80)
        return mtc_ascii_is_space(cp) || cp == '"' || cp == '<' || cp == '>' || cp == '`' ||
               cp == '{' || cp == '}' || cp == '|' || cp == '\\' || cp == '^' || cp < 0x20;
    return mtc_cp_is_space(cp) || mtc_cp_is_punct(cp);
}

/* End of a URL starting at t[i], or 0. */
static size_t scan_url(const char *t, size_t i, size_t b)
{
    size_t avail = b - i;
    size_t p;
    if (avail > 8 && ascii_lower_eq(t + i, "https://", 8))
        p = 8;
    else if (avail > 7 && ascii_lower_eq(t + i, "http://", 7))
        p = 7;
    else if (avail > 6 && ascii_lower_eq(t + i, "ftp://", 6))
        p = 6;
    else if (avail > 4 && ascii_lower_eq(t + i, "www.", 4) &&
             mtc_ascii_is_alnum((unsigned char)t[i + 4]))
        p = 4;
    else
        return 0;
    size_t j = i + p;
    while (j < b) {
        int n;
        int32_t cp = cp_at(t, b, j, &n);
        if (url_stop(cp))
            break;
        j += (size_t)n;
    }
    /* trailing punctuation and unbalanced closing brackets belong to the prose */
    for (;;) {
        if (j <= i + p)
            return 0;
        char c = t[j - 1];
        if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'') {
            j--;
            continue;
        }
        if (c == ')' || c == ']') {
            char open = c == ')' ? '(' : '[';
            long depth = 0;
            for (size_t k = i; k < j; k++)
                depth += (t[k] == open) - (t[k] == c);
            if (depth < 0) {
                j--;
                continue;
            }
        }
        break;
    }
    return j;
}

static int email_local_char(char c)
{
    return mtc_ascii_is_alnum((unsigned char)c) || c == '.' || c == '_' || c == '%' || c == '+' ||
           c == '-';
}

/* End of an e-mail address starting at t[i] (an ASCII letter or digit), or 0. */
static size_t scan_email(tok_state *st, const char *t, size_t i, size_t b)
{
    if (i < st->email_memo)
        return 0;
    size_t j = i;
    while (j < b && email_local_char(t[j]))
        j++;
    st->email_memo = j;
    if (j >= b || t[j] != '@' || t[j - 1] == '.')
        return 0;
    size_t d = j + 1, end = 0;
    int labels = 0;
    for (;;) {
        size_t ls = d;
        int all_letters = 1;
        while (d < b && (mtc_ascii_is_alnum((unsigned char)t[d]) || t[d] == '-')) {
            if (!mtc_ascii_is_alpha((unsigned char)t[d]))
                all_letters = 0;
            d++;
        }
        if (d == ls)
            break;
        labels++;
        if (labels >= 2 && all_letters && d - ls >= 2)
            end = d;
        if (d + 1 < b && t[d] == '.' && mtc_ascii_is_alnum((unsigned char)t[d + 1]))
            d++;
        else
            break;
    }
    return end;
}

/* End of "@name" / "#tag" at t[i], or 0. */
static size_t scan_tag(const char *t, size_t a, size_t i, size_t b, int hashtag)
{
    if (i > a) {
        int32_t prev;
        mtc_utf8_prev(t, i, &prev);
        if (is_letter(prev) || is_digit(prev))
            return 0;
    }
    size_t j = i + 1;
    int letters = 0;
    while (j < b) {
        int n;
        int32_t cp = cp_at(t, b, j, &n);
        if (cp == '_' || is_digit(cp) || (hashtag && is_mark(cp)))
            ;
        else if (hashtag ? is_letter(cp) : (cp < 0x80 && mtc_ascii_is_alpha(cp)))
            letters = 1;
        else
            break;
        j += (size_t)n;
    }
    if (j == i + 1 || (hashtag && !letters))
        return 0;
    return j;
}

/* ---- words and numbers ---- */

/* End of a dotted acronym of >= 2 single ASCII letters (U.S., a.m.) at t[i], or 0. */
static size_t scan_dotted(const char *t, size_t i, size_t b)
{
    size_t j = i;
    int pairs = 0;
    while (j + 1 < b && mtc_ascii_is_alpha((unsigned char)t[j]) && t[j + 1] == '.') {
        j += 2;
        pairs++;
    }
    if (pairs < 2)
        return 0;
    if (j < b) {
        int n;
        int32_t cp = cp_at(t, b, j, &n);
        if (is_letter(cp) || is_digit(cp))
            return 0;
    }
    return j;
}

typedef struct word_info {
    unsigned flags;
    int kind;
} word_info;

static void note_letter(int32_t cp, unsigned *flags, int *first_letter, int *seen_lower,
                        int *has_upper, int *has_lower)
{
    int up, low;
    if (cp < 0x80) {
        up = mtc_ascii_is_upper(cp);
        low = !up;
    } else {
        up = mtc_cp_is_upper(cp);
        low = !up && mtc_cp_is_lower(cp);
    }
    if (*first_letter) {
        *first_letter = 0;
        if (up)
            *flags |= MTC_TF_INITIAL_UPPER;
    }
    if (up) {
        *has_upper = 1;
        if (*seen_lower)
            *flags |= MTC_TF_MIXED_CASE;
    }
    if (low) {
        *has_lower = 1;
        *seen_lower = 1;
    }
    if (is_non_latin_letter(cp))
        *flags |= MTC_TF_NON_LATIN;
}

static size_t scan_word(const char *t, size_t i, size_t b, word_info *wi);

/* End of an "E.ON" word at t[i]: a capital ASCII letter, '.', then a word
 * whose first two letters are capital ASCII letters and that has no
 * lowercase letter before an apostrophe (E.ON, E.ON's, E.ON-led); 0 when
 * t[i] starts none. Fills kind and flags of the whole. */
static size_t scan_initial_word(const char *t, size_t i, size_t b, word_info *wi)
{
    if (i + 3 >= b || !mtc_ascii_is_upper((unsigned char)t[i]) || t[i + 1] != '.' ||
        !mtc_ascii_is_upper((unsigned char)t[i + 2]) ||
        !mtc_ascii_is_upper((unsigned char)t[i + 3]))
        return 0;
    if (i > 0 && t[i - 1] == '.')
        return 0; /* inside a longer dotted run */
    word_info rest;
    size_t j = scan_word(t, i + 2, b, &rest);
    if (rest.kind != MTC_TOK_WORD || (rest.flags & MTC_TF_MIXED_CASE))
        return 0;
    for (size_t k = i + 2; k < j && t[k] != '\'' && (unsigned char)t[k] != 0xE2 && t[k] != '-';
         k++)
        if (mtc_ascii_is_lower((unsigned char)t[k]))
            return 0;
    if (j < b && t[j] == '.' && j + 1 < b && mtc_ascii_is_alpha((unsigned char)t[j + 1]))
        return 0; /* A.BC.D: a host name or a dotted run, not a word */
    wi->kind = MTC_TOK_WORD;
    wi->flags = rest.flags | MTC_TF_INITIAL_UPPER;
    return j;
}

/* Scans a word, number or mixed token starting at t[i] (a letter or digit).
 * Returns its end; fills kind and flags. */
static size_t scan_word(const char *t, size_t i, size_t b, word_info *wi)
{
    unsigned flags = 0;
    int first_letter = 1, seen_lower = 0, has_upper = 0, has_lower = 0;
    int has_letter = 0, has_digit = 0;

    size_t j = scan_dotted(t, i, b);
    if (j) {
        for (size_t k = i; k < j; k += 2)
            note_letter((unsigned char)t[k], &flags, &first_letter, &seen_lower, &has_upper,
                        &has_lower);
        if (has_upper && !has_lower)
            flags |= MTC_TF_ALL_UPPER;
        wi->flags = flags;
        wi->kind = MTC_TOK_WORD;
        return j;
    }
    j = scan_initial_word(t, i, b, wi);
    if (j)
        return j;

    int n;
    int32_t cp = cp_at(t, b, i, &n);
    int starts_digit = is_digit(cp);
    int in_numeric = starts_digit; /* only digits and numeric separators so far */
    int numeric_has_sep = 0;
    int suffix_letters_only = 0; /* after the numeric part: letters only */
    size_t num_end = i;
    int32_t prev = -1;
    j = i;
    while (j < b) {
        unsigned char c = (unsigned char)t[j];
        if (c < 0x80 && mtc_ascii_is_alpha(c) && !in_numeric) {
            /* an ASCII letter: the letter branch below, inlined */
            int up = mtc_ascii_is_upper(c);
            has_letter = 1;
            if (first_letter) {
                first_letter = 0;
                if (up)
                    flags |= MTC_TF_INITIAL_UPPER;
            }
            if (up) {
                has_upper = 1;
                if (seen_lower)
                    flags |= MTC_TF_MIXED_CASE;
            } else {
                has_lower = 1;
                seen_lower = 1;
            }
            j++;
            /* the lowercase letters after it change nothing else */
            size_t run = j;
            while (run < b && (unsigned)((unsigned char)t[run] - 'a') < 26u)
                run++;
            if (run > j) {
                has_lower = 1;
                seen_lower = 1;
                j = run;
            }
            prev = (unsigned char)t[j - 1];
            continue;
        }
        if (c < 0x80 && !mtc_ascii_is_alnum(c) && c != '-' && c != '\'' &&
            !(in_numeric && (c == '.' || c == ','))) {
            /* an ASCII space or punctuation mark ends the token: none of
             * the joiners below applies (the common case, decided here) */
            break;
        }
        cp = cp_at(t, b, j, &n);
        if (is_letter(cp)) {
            if (in_numeric) {
                in_numeric = 0;
                num_end = j;
                suffix_letters_only = 1;
            }
            has_letter = 1;
            note_letter(cp, &flags, &first_letter, &seen_lower, &has_upper, &has_lower);
            prev = cp;
            j += (size_t)n;
            continue;
        }
        if (is_mark(cp) && prev >= 0) {
            suffix_letters_only = 0;
            j += (size_t)n;
            continue;
        }
        if (is_digit(cp)) {
            has_digit = 1;
            if (!in_numeric)
                suffix_letters_only = 0;
            prev = cp;
            j += (size_t)n;
            continue;
        }
        if (j + (size_t)n >= b)
            break;
        int m;
        int32_t next = cp_at(t, b, j + (size_t)n, &m);
        if (in_numeric && is_digit(prev)) {
            if (cp == '.' && is_digit(next)) {
                numeric_has_sep = 1;
                prev = cp;
                j += (size_t)n;
                continue;
            }
            if (cp == ',') {
                size_t k = j + 1, d = 0;
                while (k < b && mtc_ascii_is_digit((unsigned char)t[k]) && d < 4) {
                    k++;
                    d++;
                }
                if (d == 3) {
                    numeric_has_sep = 1;
                    prev = cp;
                    j += 1;
                    continue;
                }
            }
        }
        if (is_hyphen(cp) && (is_letter(prev) || is_digit(prev)) &&
            ((has_letter && !has_digit && is_letter(next)) || (has_letter && is_digit(next)))) {
            flags |= MTC_TF_HAS_HYPHEN;
            seen_lower = 0;
            suffix_letters_only = 0;
            in_numeric = 0;
            prev = cp;
            j += (size_t)n;
            continue;
        }
        if (is_apostrophe(cp) && (is_letter(prev) || is_digit(prev)) && is_letter(next)) {
            flags |= MTC_TF_HAS_APOSTROPHE;
            suffix_letters_only = 0;
            in_numeric = 0;
            prev = cp;
            j += (size_t)n;
            continue;
        }
        break;
    }
    if (j < b && t[j] == '%' && in_numeric) {
        j++;
    }

    if (has_upper && !has_lower)
        flags |= MTC_TF_ALL_UPPER;
    if (has_digit || starts_digit)
        flags |= MTC_TF_HAS_DIGIT;

    if (starts_digit) {
        if (in_numeric) {
            wi->kind = MTC_TOK_NUMBER;
        } else if (suffix_letters_only) {
            size_t sl = j - num_end;
            if (!numeric_has_sep && sl == 2 &&
                (ascii_lower_eq(t + num_end, "st", 2) || ascii_lower_eq(t + num_end, "nd", 2) ||
                 ascii_lower_eq(t + num_end, "rd", 2) || ascii_lower_eq(t + num_end, "th", 2)))
                wi->kind = MTC_TOK_ORDINAL;
            else
                wi->kind = MTC_TOK_NUMBER;
        } else {
            wi->kind = MTC_TOK_OTHER_WORD;
        }
    } else {
        wi->kind = has_digit ? MTC_TOK_OTHER_WORD : MTC_TOK_WORD;
    }
    wi->flags = flags;
    return j;
}

/* ASCII punctuation (category P) vs symbols (S: $ + < = > ^ ` | ~). */
static int ascii_kind(int c)
{
    switch (c) {
    case '$':
    case '+':
    case '<':
    case '=':
    case '>':
    case '^':
    case '`':
    case '|':
    case '~':
        return MTC_TOK_SYMBOL;
    default:
        return c < 0x20 || c == 0x7F ? MTC_TOK_SYMBOL : MTC_TOK_PUNCT;
    }
}

static void tokenize_span(tok_state *st, size_t a, size_t b)
{
    const char *t = st->doc->text;
    size_t i = a;
    st->email_memo = a;
    int has_at = memchr(t + a, '@', b - a) != NULL; /* else no e-mail address */
    while (i < b) {
        int n;
        int32_t cp = cp_at(t, b, i, &n);
        if (cp < 0x80 ? (cp >= 0 && mtc_ascii_is_space(cp)) : mtc_cp_is_space(cp)) {
            i += (size_t)n;
            continue;
        }
        unsigned char c = (unsigned char)t[i];
        size_t e;
        if ((c == 'h' || c == 'H' || c == 'w' || c == 'W' || c == 'f' || c == 'F') &&
            (e = scan_url(t, i, b)) != 0) {
            push(st, i, e, MTC_TOK_URL, 0);
            i = e;
            continue;
        }
        if (has_at && mtc_ascii_is_alnum(c) && (e = scan_email(st, t, i, b)) != 0) {
            push(st, i, e, MTC_TOK_EMAIL, 0);
            i = e;
            continue;
        }
        if (is_letter(cp) || is_digit(cp)) {
            word_info wi;
            e = scan_word(t, i, b, &wi);
            push(st, i, e, wi.kind, wi.flags);
            i = e;
            continue;
        }
        if ((c == '@' || c == '#') && (e = scan_tag(t, a, i, b, c == '#')) != 0) {
            push(st, i, e, c == '@' ? MTC_TOK_HANDLE : MTC_TOK_HASHTAG, 0);
            i = e;
            continue;
        }
        int kind;
        if (cp < 0)
            kind = MTC_TOK_SYMBOL;
        else if (cp < 0x80)
            kind = ascii_kind(cp);
        else
            kind = mtc_cp_is_punct(cp) ? MTC_TOK_PUNCT : MTC_TOK_SYMBOL;
        push(st, i, i + (size_t)n, kind, 0);
        i += (size_t)n;
    }
}

void mtc_tokenize(mtc_document *doc)
{
    free(doc->tokens);
    doc->tokens = NULL;
    doc->n_tokens = 0;
    tok_state st = {doc, 0, 0};
    /* a first guess that avoids most re-allocations: a token per 5 bytes */
    mtc_grow((void **)&doc->tokens, &st.cap, doc->len / 5 + 16, sizeof(mtc_token));
    for (size_t s = 0; s < doc->n_sentences; s++) {
        mtc_sentence *sent = &doc->sentences[s];
        sent->first_token = doc->n_tokens;
        tokenize_span(&st, sent->start, sent->end);
        sent->n_tokens = doc->n_tokens - sent->first_token;
        if (sent->n_tokens)
            doc->tokens[sent->first_token].flags |= MTC_TF_SENTENCE_START;
    }
    mtc_words_intern(doc);
}
