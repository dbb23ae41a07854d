/* source_numbers.c — finds the numbers of a span and the values each may
 * stand for (source_numbers.h), for comparing a translation's numbers with
 * its source's. Two scanners: one for sources (Chinese numerals and
 * multipliers, dates and decades, Latin digits read with either separator
 * convention, German and French multiplier words) and one for English
 * (digits, number words, multiplier words, decades, month names).
 * Numbers glued to letters (COVID-19, G20, 5G, MH370) are names, not
 * quantities, and are left out on both sides. Owns nothing but the lists
 * it fills. */
#include "source_numbers.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "utf8.h"

void mtc_number_list_free(mtc_number_list *l)
{
    free(l->items);
    memset(l, 0, sizeof *l);
}

static mtc_number *push(mtc_number_list *l, size_t start, size_t end, unsigned flags)
{
    mtc_grow((void **)&l->items, &l->cap, l->n + 1, sizeof *l->items);
    mtc_number *n = &l->items[l->n++];
    memset(n, 0, sizeof *n);
    n->start = start;
    n->end = end;
    n->flags = flags;
    return n;
}

static void add_value(mtc_number *n, double v)
{
    for (int i = 0; i < n->n_values; i++)
        if (n->values[i] == v)
            return;
    if (n->n_values < MTC_NUM_VALUES)
        n->values[n->n_values++] = v;
}

static int same(double x, double y)
{
    double m = fabs(x) > fabs(y) ? fabs(x) : fabs(y);
    return fabs(x - y) <= 1e-9 * (m > 1 ? m : 1);
}

int mtc_number_match(const mtc_number *x, const mtc_number *y)
{
    for (int i = 0; i < x->n_values; i++)
        for (int j = 0; j < y->n_values; j++)
            if (same(x->values[i], y->values[j]))
                return 1;
    return 0;
}

static int32_t cp_at(const char *t, size_t b, size_t i, int *len)
{
    int32_t cp = 0;
    int l = mtc_utf8_next(t, b, i, &cp);
    if (len)
        *len = l;
    return cp;
}

static int32_t cp_before(const char *t, size_t a, size_t i)
{
    if (i <= a)
        return 0;
    int32_t cp = 0;
    mtc_utf8_prev(t, i, &cp);
    return cp;
}

/* An ASCII or fullwidth digit's value, else -1. */
static int digit_value(int32_t cp)
{
    if (cp >= '0' && cp <= '9')
        return cp - '0';
    if (cp >= 0xFF10 && cp <= 0xFF19)
        return cp - 0xFF10;
    return -1;
}

static int is_letter_ascii(int32_t cp) { return cp < 128 && mtc_ascii_is_alpha((int)cp); }

/* Parses a digit run with separators starting at i. Returns the end;
 * *plain is the value read with '.' decimal and ',' grouping; *alt the
 * value with the other convention when it differs (else NAN). */
static size_t scan_digits(const char *t, size_t b, size_t i, double *plain, double *alt)
{
    char buf[96];
    size_t n = 0, j = i;
    while (j < b && n + 4 < sizeof buf) {
        int l;
        int32_t cp = cp_at(t, b, j, &l);
        int d = digit_value(cp);
        if (d >= 0) {
            buf[n++] = (char)('0' + d);
            j += (size_t)l;
            continue;
        }
        if ((cp == ',' || cp == '.' || cp == 0xFF0C || cp == 0xFF0E) && n > 0) {
            int l2;
            size_t k = j + (size_t)l;
            if (k < b && digit_value(cp_at(t, b, k, &l2)) >= 0) {
                buf[n++] = (cp == ',' || cp == 0xFF0C) ? ',' : '.';
                j = k;
                continue;
            }
        }
        break;
    }
    buf[n] = '\0';
    /* reading 1: ',' groups, '.' decimal (the other reading below) */
    char r1[96];
    size_t n1 = 0;
    int seps = 0, only_three = 1;
    for (size_t k = 0; k < n; k++) {
        if (buf[k] == ',' || buf[k] == '.') {
            seps++;
            size_t d = 0;
            while (k + 1 + d < n && buf[k + 1 + d] >= '0' && buf[k + 1 + d] <= '9')
                d++;
            if (d != 3)
                only_three = 0;
        }
        if (buf[k] != ',')
            r1[n1++] = buf[k];
    }
    r1[n1] = '\0';
    /* more than one '.' in reading 1 (1.234.567) means '.' groups */
    int dots = 0, commas = 0;
    for (size_t k = 0; k < n; k++) {
        dots += buf[k] == '.';
        commas += buf[k] == ',';
    }
    char clean[96];
    size_t c = 0;
    if (dots > 1) { /* German grouping */
        for (size_t k = 0; k < n; k++)
            if (buf[k] != '.')
                clean[c++] = buf[k] == ',' ? '.' : buf[k];
        clean[c] = '\0';
        *plain = strtod(clean, NULL);
        *alt = NAN;
        return j;
    }
    *plain = strtod(r1, NULL);
    *alt = NAN;
    if (seps == 1 && (commas == 1 || (dots == 1 && only_three))) {
        /* "3,5" / "16.000": the other convention reads it differently */
        for (size_t k = 0; k < n; k++)
            if (buf[k] != '.')
                clean[c++] = buf[k] == ',' ? '.' : buf[k];
        clean[c] = '\0';
        double v = strtod(clean, NULL);
        if (!same(v, *plain))
            *alt = v;
    }
    return j;
}

/* ---- Chinese numerals ---- */

static int han_digit(int32_t cp)
{
    switch (cp) {
    case 0x3007: case 0x96F6: return 0;           /* 〇 零 */
    case 0x4E00: return 1;                         /* 一 */
    case 0x4E8C: case 0x4E24: return 2;            /* 二 两 */
    case 0x4E09: return 3;
    case 0x56DB: return 4;
    case 0x4E94: return 5;
    case 0x516D: return 6;
    case 0x4E03: return 7;
    case 0x516B: return 8;
    case 0x4E5D: return 9;
    default: return -1;
    }
}

static double han_unit(int32_t cp)
{
    switch (cp) {
    case 0x5341: return 10;    /* 十 */
    case 0x767E: return 100;   /* 百 */
    case 0x5343: return 1000;  /* 千 */
    case 0x4E07: return 1e4;   /* 万 */
    case 0x4EBF: return 1e8;   /* 亿 */
    default: return 0;
    }
}

/* Classifiers and units after which a lone numeral 二..九 is a count. */
static int is_classifier(int32_t cp)
{
    static const int32_t cls[] = {
        0x4E2A, 0x540D, 0x4F4D, 0x5BB6, 0x9879, 0x6B21, 0x6761, 0x4EF6, 0x79CD, 0x53EA,
        0x8F86, 0x67B6, 0x8258, 0x5EA7, 0x6240, 0x53F0, 0x90E8, 0x573A, 0x6279, 0x5C4A,
        0x5C81, 0x500D, 0x5929, 0x5E74, 0x6708, 0x65E5, 0x53F7, 0x5468, 0x5428, 0x5143,
        0x4EBA, 0x6237, 0x4F8B, 0x7BC7, 0x5C0F, 0x5206, 0x79D2, 0x91CC, 0x7C73, 0x70B9};
    /* 个名位家项次条件种只 辆架艘座所台部场批届 岁倍天年月日号周吨元 人户例篇小分秒里米点 */
    for (size_t i = 0; i < sizeof cls / sizeof *cls; i++)
        if (cls[i] == cp)
            return 1;
    return 0;
}

/* Value of a run of Chinese numerals (standard reading; all digits without
 * units read digit by digit, as in 二〇二三). */
static double han_value(const int32_t *cps, size_t n, int *has_unit)
{
    double total = 0, section = 0, cur = 0;
    int units = 0;
    for (size_t i = 0; i < n; i++) {
        int d = han_digit(cps[i]);
        double u = han_unit(cps[i]);
        if (d >= 0) {
            cur = d;
        } else if (u >= 1e4) {
            units = 1;
            section += cur;
            total = (total + section) * u;
            section = cur = 0;
        } else if (u > 0) {
            units = 1;
            section += (cur == 0 ? 1 : cur) * u;
            cur = 0;
        }
    }
    *has_unit = units;
    if (!units) {
        double v = 0;
        for (size_t i = 0; i < n; i++)
            v = v * 10 + han_digit(cps[i]);
        return v;
    }
    return total + section + cur;
}

/* After a number at j: 万/亿/千/百 (and 万亿), German/French multiplier
 * words, 年代. Returns the multiplier and moves *j past it. */
static double source_multiplier(const char *t, size_t b, size_t *j, int *decade)
{
    double m = 1;
    size_t k = *j;
    *decade = 0;
    for (int round = 0; round < 2 && k < b; round++) {
        int l;
        int32_t cp = cp_at(t, b, k, &l);
        double u = han_unit(cp);
        if (u >= 100) {
            m *= u;
            k += (size_t)l;
            continue;
        }
        break;
    }
    if (m == 1) {
        /* Latin multiplier words after a space */
        size_t s = k;
        while (s < b && (t[s] == ' ' || (unsigned char)t[s] == 0xC2))
            s += (t[s] == ' ') ? 1 : 2;
        static const struct { const char *w; double m; } words[] = {
            {"Millionen", 1e6}, {"Million", 1e6}, {"Mio.", 1e6}, {"Mio", 1e6},
            {"Milliarden", 1e9}, {"Milliarde", 1e9}, {"Mrd.", 1e9}, {"Mrd", 1e9},
            {"milliards", 1e9}, {"milliard", 1e9}, {"millions", 1e6}, {"million", 1e6},
            {"Tausend", 1e3}, {"mille", 1e3}, {"Billionen", 1e12}, {"Billion", 1e12}};
        for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
            size_t wl = strlen(words[w].w);
            if (s + wl <= b && memcmp(t + s, words[w].w, wl) == 0 &&
                (s + wl == b || !is_letter_ascii((unsigned char)t[s + wl]))) {
                m = words[w].m;
                k = s + wl;
                break;
            }
        }
    }
    /* 年代 (decade) */
    if (k + 6 <= b && memcmp(t + k, "\xE5\xB9\xB4\xE4\xBB\xA3", 6) == 0) {
        *decade = 1;
        k += 6;
    }
    *j = k;
    return m;
}

static void add_decade(mtc_number *n, double v)
{
    add_value(n, v);
    if (v >= 10 && v < 100 && fmod(v, 10) == 0) {
        add_value(n, 1900 + v);
        if (v <= 30)
            add_value(n, 2000 + v);
    }
}

void mtc_numbers_source(const char *t, size_t a, size_t b, mtc_number_list *out)
{
    size_t i = a;
    while (i < b) {
        int l;
        int32_t cp = cp_at(t, b, i, &l);
        if (digit_value(cp) >= 0) {
            int32_t prev = cp_before(t, a, i);
            int32_t prev2 = prev == '-' ? cp_before(t, a, i - 1) : 0;
            double plain, alt;
            size_t j = scan_digits(t, b, i, &plain, &alt);
            int32_t next = j < b ? cp_at(t, b, j, NULL) : 0;
            /* glued to Latin letters: a name (5G, COVID-19, PM2.5) */
            if (is_letter_ascii(prev) || is_letter_ascii(prev2) || is_letter_ascii(next) ||
                prev == '.' || digit_value(prev) >= 0) {
                while (j < b && (is_letter_ascii((unsigned char)t[j]) || t[j] == '-' ||
                                 digit_value((unsigned char)t[j]) >= 0))
                    j++;
                i = j;
                continue;
            }
            size_t start = i;
            int decade;
            double m = source_multiplier(t, b, &j, &decade);
            /* a list marker opening the paragraph ("3. ", "1、") is often
             * dropped or rendered by the layout: it only matches */
            unsigned flags = 0;
            int32_t after = j < b ? cp_at(t, b, j, NULL) : 0;
            if (start == a && (after == '.' || after == 0x3001 || after == ')' || after == 0xFF09))
                flags |= MTC_NUM_WEAK;
            mtc_number *n = push(out, start, j, flags);
            if (decade) {
                add_decade(n, plain);
            } else {
                add_value(n, plain * m);
                if (!isnan(alt))
                    add_value(n, alt * m);
            }
            i = j;
            continue;
        }
        if (han_digit(cp) >= 0 || han_unit(cp) > 0) {
            int32_t cps[32];
            size_t n = 0, j = i;
            while (j < b && n < 32) {
                int l2;
                int32_t c = cp_at(t, b, j, &l2);
                if (han_digit(c) < 0 && han_unit(c) == 0)
                    break;
                cps[n++] = c;
                j += (size_t)l2;
            }
            int32_t prev = cp_before(t, a, i);
            int32_t next = j < b ? cp_at(t, b, j, NULL) : 0;
            int has_unit = 0;
            double v = han_value(cps, n, &has_unit);
            int ok = 0;
            if (has_unit)
                /* 二十, 一百, 三千万 — not 十 alone (十分 "very"), nor a
                 * run opening on a unit (万一 "in case", 千万 "by all means") */
                ok = n >= 2 && han_unit(cps[0]) < 100;
            else if (n >= 2)
                ok = next == 0x5E74; /* 二〇二三年 */
            else if (i >= a + 9 && memcmp(t + i - 9, "\xE7\x99\xBE\xE5\x88\x86\xE4\xB9\x8B", 9) == 0)
                ok = 1; /* 百分之五 */
            else
                /* a lone 二..九 or 两 counting something, not after 第 (ordinals are paraphrased) */
                ok = cps[0] != 0x4E00 && cps[0] != 0x3007 && cps[0] != 0x96F6 &&
                     prev != 0x7B2C && is_classifier(next);
            if (ok) {
                size_t start = i;
                int decade = 0;
                if (j + 6 <= b && memcmp(t + j, "\xE5\xB9\xB4\xE4\xBB\xA3", 6) == 0) {
                    decade = 1;
                    j += 6;
                }
                /* 两/二 counting people or things is as often "both",
                 * "the couple", "a pair": it only matches */
                unsigned flags = n == 1 && han_digit(cps[0]) == 2 ? MTC_NUM_WEAK : 0;
                mtc_number *num = push(out, start, j, flags);
                if (decade)
                    add_decade(num, v);
                else
                    add_value(num, v);
            } else if (han_unit(cps[0]) < 100) {
                /* 两国, 五口, 九二共识, 十英里: counted often enough to
                 * match a translation's number, too loosely to be missed */
                mtc_number *num = push(out, i, j, MTC_NUM_WEAK);
                add_value(num, v);
                if (!has_unit && n == 2 && v >= 10)
                    add_value(num, 1900 + v);
            }
            i = j;
            continue;
        }
        i += (size_t)(l > 0 ? l : 1);
    }
}

/* ---- English ---- */

static const char *const units_words[] = {"zero", "one", "two", "three", "four", "five",
    "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
    "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
static const char *const tens_words[] = {"", "", "twenty", "thirty", "forty", "fifty",
    "sixty", "seventy", "eighty", "ninety"};
static const char *const ordinal_words[] = {"", "first", "second", "third", "fourth",
    "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"};
static const char *const months[] = {"January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December"};
static const char *const month_abbr[] = {"Jan", "Feb", "Mar", "Apr", "", "Jun", "Jul", "Aug",
    "Sept", "Oct", "Nov", "Dec"};

static int word_eq(const char *t, size_t a, size_t b, const char *w)
{
    size_t n = strlen(w);
    if (b - a != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (mtc_ascii_tolower((unsigned char)t[a + i]) != w[i])
            return 0;
    return 1;
}

/* The value of a number word (0..90), -1 if none. */
static int small_word(const char *t, size_t a, size_t b)
{
    for (int i = 0; i < 20; i++)
        if (word_eq(t, a, b, units_words[i]))
            return i;
    for (int i = 2; i < 10; i++)
        if (word_eq(t, a, b, tens_words[i]))
            return i * 10;
    /* twenty-five */
    for (size_t k = a; k < b; k++)
        if (t[k] == '-') {
            int x = -1, y = -1;
            for (int i = 2; i < 10; i++)
                if (word_eq(t, a, k, tens_words[i]))
                    x = i * 10;
            for (int i = 1; i < 10; i++)
                if (word_eq(t, k + 1, b, units_words[i]))
                    y = i;
            return x > 0 && y > 0 ? x + y : -1;
        }
    return -1;
}

/* The value of an ordinal word: first..twelfth, thirteenth..nineteenth,
 * twentieth..ninetieth, twenty-first..ninety-ninth; -1 if none. */
static int ordinal_word_value(const char *t, size_t a, size_t b)
{
    for (int k = 1; k <= 12; k++)
        if (word_eq(t, a, b, ordinal_words[k]))
            return k;
    if (b - a > 2 && word_eq(t, b - 2, b, "th")) {
        int v = small_word(t, a, b - 2); /* thirteenth = thirteen + th */
        if (v >= 13 && v <= 19)
            return v;
    }
    if (b - a > 4 && word_eq(t, b - 4, b, "ieth")) { /* twentieth */
        for (int i = 2; i < 10; i++) {
            size_t n = strlen(tens_words[i]);
            if (b - a != n + 3)
                continue;
            size_t j = 0; /* "twent" of "twentieth" */
            while (j + 1 < n && mtc_ascii_tolower((unsigned char)t[a + j]) == tens_words[i][j])
                j++;
            if (j + 1 == n)
                return i * 10;
        }
    }
    for (size_t k = a; k < b; k++)
        if (t[k] == '-') { /* twenty-first */
            int x = -1;
            for (int i = 2; i < 10; i++)
                if (word_eq(t, a, k, tens_words[i]))
                    x = i * 10;
            for (int i = 1; i <= 9 && x > 0; i++)
                if (word_eq(t, k + 1, b, ordinal_words[i]))
                    return x + i;
            return -1;
        }
    return -1;
}

static double multiplier_word(const char *t, size_t a, size_t b)
{
    if (word_eq(t, a, b, "hundred"))
        return 100;
    if (word_eq(t, a, b, "thousand"))
        return 1e3;
    if (word_eq(t, a, b, "million") || word_eq(t, a, b, "mn") || word_eq(t, a, b, "m"))
        return 1e6;
    if (word_eq(t, a, b, "billion") || word_eq(t, a, b, "bn"))
        return 1e9;
    if (word_eq(t, a, b, "trillion") || word_eq(t, a, b, "tn"))
        return 1e12;
    return 0;
}

/* The next ASCII word after i (skipping spaces); *ws, *we its span. */
static int next_word(const char *t, size_t b, size_t i, size_t *ws, size_t *we)
{
    size_t k = i;
    while (k < b && t[k] == ' ')
        k++;
    if (k == i || k >= b || !is_letter_ascii((unsigned char)t[k]))
        return 0;
    size_t e = k;
    while (e < b && (is_letter_ascii((unsigned char)t[e]) || t[e] == '-'))
        e++;
    *ws = k;
    *we = e;
    return 1;
}

void mtc_numbers_english(const char *t, size_t a, size_t b, mtc_number_list *out)
{
    size_t i = a;
    while (i < b) {
        unsigned char c = (unsigned char)t[i];
        int32_t prev = cp_before(t, a, i);
        if (mtc_ascii_is_digit(c)) {
            int32_t prev2 = prev == '-' ? cp_before(t, a, i - 1) : 0;
            double plain, alt;
            size_t j = scan_digits(t, b, i, &plain, &alt);
            size_t start = i;
            if (is_letter_ascii(prev) || is_letter_ascii(prev2) || prev == '.' ||
                digit_value(prev) >= 0) {
                /* part of a name (Hwasong-17, G20): it only matches */
                mtc_number *n = push(out, start, j, MTC_NUM_WEAK);
                add_value(n, plain);
                while (j < b && (mtc_ascii_is_alnum((unsigned char)t[j]) || t[j] == '-'))
                    j++;
                i = j;
                continue;
            }
            size_t le = j;
            while (le < b && is_letter_ascii((unsigned char)t[le]))
                le++;
            int decade = 0, metres = 0;
            double m = 1;
            if (le > j) {
                metres = word_eq(t, j, le, "m");
                if (word_eq(t, j, le, "s")) {
                    decade = 1;
                } else if (word_eq(t, j, le, "st") || word_eq(t, j, le, "nd") ||
                           word_eq(t, j, le, "rd") || word_eq(t, j, le, "th") ||
                           word_eq(t, j, le, "km") || word_eq(t, j, le, "kg") ||
                           word_eq(t, j, le, "cm") || word_eq(t, j, le, "mm") ||
                           word_eq(t, j, le, "kw") || word_eq(t, j, le, "mw") ||
                           word_eq(t, j, le, "gw")) {
                } else if ((m = multiplier_word(t, j, le)) > 0) {
                } else {
                    mtc_number *n = push(out, start, j, MTC_NUM_WEAK); /* a name: 5G, 3D */
                    add_value(n, plain);
                    i = le;
                    continue;
                }
                if (m == 0)
                    m = 1;
                j = le;
            } else {
                size_t ws, we;
                if (next_word(t, b, j, &ws, &we)) {
                    double mw = multiplier_word(t, ws, we);
                    if (mw > 0 && !word_eq(t, ws, we, "m")) {
                        m = mw;
                        j = we;
                    }
                }
            }
            mtc_number *n = push(out, start, j, 0);
            if (decade)
                add_decade(n, plain);
            else
                add_value(n, plain * m);
            if (metres)
                add_value(n, plain); /* 5m: metres or million */
            /* 2022-23: the second year in full */
            if (!decade && j + 3 <= b && t[j] == '-' && plain >= 1900 && plain < 2100 &&
                mtc_ascii_is_digit((unsigned char)t[j + 1]) &&
                mtc_ascii_is_digit((unsigned char)t[j + 2]) &&
                (j + 3 == b || !mtc_ascii_is_digit((unsigned char)t[j + 3]))) {
                double y = floor(plain / 100) * 100 + (t[j + 1] - '0') * 10 + (t[j + 2] - '0');
                mtc_number *n2 = push(out, j + 1, j + 3, 0);
                add_value(n2, y);
                add_value(n2, y - floor(plain / 100) * 100);
                j += 3;
            }
            i = j;
            continue;
        }
        if (is_letter_ascii(c) && !is_letter_ascii(prev) && prev != '-' && prev != '\'') {
            size_t e = i;
            while (e < b && (is_letter_ascii((unsigned char)t[e]) || t[e] == '-'))
                e++;
            while (e > i && t[e - 1] == '-')
                e--;
            int v = small_word(t, i, e);
            int ord = v < 0 ? ordinal_word_value(t, i, e) : -1;
            if (ord > 0) { /* ordinals are paraphrased (the 48th, No. 48): they only match */
                mtc_number *n = push(out, i, e, MTC_NUM_WEAK);
                add_value(n, ord);
                i = e;
                continue;
            }
            if (v < 0) { /* two-day, five-year */
                size_t h = i;
                while (h < e && t[h] != '-')
                    h++;
                if (h < e && (v = small_word(t, i, h)) >= 0)
                    e = h;
            }
            double m = multiplier_word(t, i, e);
            unsigned flags = 0;
            double value = -1;
            size_t end = e;
            if (v >= 0) {
                value = v;
                if (v <= 1)
                    flags |= MTC_NUM_WEAK; /* "one" is a pronoun as often as a number */
                size_t ws, we;
                while (next_word(t, b, end, &ws, &we)) {
                    double mw = multiplier_word(t, ws, we);
                    if (mw <= 0 || word_eq(t, ws, we, "m") || word_eq(t, ws, we, "bn") ||
                        word_eq(t, ws, we, "mn") || word_eq(t, ws, we, "tn"))
                        break;
                    value *= mw;
                    end = we;
                    flags &= ~(unsigned)MTC_NUM_WEAK;
                }
            } else if (m > 0 && !word_eq(t, i, e, "m") && !word_eq(t, i, e, "bn") &&
                       !word_eq(t, i, e, "mn") && !word_eq(t, i, e, "tn")) {
                /* "a million", "a hundred" */
                size_t pa = i;
                while (pa > a && t[pa - 1] == ' ')
                    pa--;
                if (pa >= a + 1 && (t[pa - 1] == 'a' || t[pa - 1] == 'A') &&
                    (pa - 1 == a || !is_letter_ascii((unsigned char)t[pa - 2])))
                    value = m;
            } else {
                for (int k = 1; k <= 12; k++) {
                    if (word_eq(t, i, e, ordinal_words[k])) {
                        value = k;
                        flags |= MTC_NUM_WEAK;
                    }
                }
                for (int k = 0; k < 12 && value < 0; k++) {
                    size_t ml = strlen(months[k]), al = strlen(month_abbr[k]);
                    if ((e - i == ml && memcmp(t + i, months[k], ml) == 0) ||
                        (al && e - i == al && memcmp(t + i, month_abbr[k], al) == 0)) {
                        value = k + 1;
                        flags |= MTC_NUM_WEAK;
                    }
                }
                if (value < 0 && (word_eq(t, i, e, "both") || word_eq(t, i, e, "twice") ||
                                  word_eq(t, i, e, "pair") || word_eq(t, i, e, "double"))) {
                    value = 2;
                    flags |= MTC_NUM_WEAK;
                }
                if (value < 0 && word_eq(t, i, e, "dozen")) {
                    value = 12;
                    flags |= MTC_NUM_WEAK;
                }
                if (value < 0 && word_eq(t, i, e, "half")) {
                    value = 0.5;
                    flags |= MTC_NUM_WEAK;
                }
            }
            if (value >= 0) {
                mtc_number *n = push(out, i, end, flags);
                add_value(n, value);
            }
            i = end > i ? end : i + 1;
            continue;
        }
        i++;
    }
}

/* ---- dates ---- */

/* Month names of the Latin-script source languages mtcheck reads
 * (German, French, Spanish, Italian, Portuguese, Dutch, English), compared
 * without regard to the case of ASCII letters. */
static const struct { const char *name; int month; } source_months[] = {
    {"januar", 1}, {"jänner", 1}, {"janvier", 1}, {"enero", 1}, {"gennaio", 1}, {"janeiro", 1},
    {"januari", 1}, {"january", 1},
    {"februar", 2}, {"février", 2}, {"fevrier", 2}, {"febrero", 2}, {"febbraio", 2},
    {"fevereiro", 2}, {"februari", 2}, {"february", 2},
    {"märz", 3}, {"mars", 3}, {"marzo", 3}, {"março", 3}, {"maart", 3}, {"march", 3},
    {"april", 4}, {"avril", 4}, {"abril", 4}, {"aprile", 4},
    {"mai", 5}, {"mayo", 5}, {"maggio", 5}, {"maio", 5}, {"mei", 5}, {"may", 5},
    {"juni", 6}, {"juin", 6}, {"junio", 6}, {"giugno", 6}, {"junho", 6}, {"june", 6},
    {"juli", 7}, {"juillet", 7}, {"julio", 7}, {"luglio", 7}, {"julho", 7}, {"july", 7},
    {"august", 8}, {"août", 8}, {"aout", 8}, {"agosto", 8}, {"augustus", 8},
    {"september", 9}, {"septembre", 9}, {"septiembre", 9}, {"settembre", 9}, {"setembro", 9},
    {"oktober", 10}, {"octobre", 10}, {"octubre", 10}, {"ottobre", 10}, {"outubro", 10},
    {"october", 10},
    {"november", 11}, {"novembre", 11}, {"noviembre", 11}, {"novembro", 11},
    {"dezember", 12}, {"décembre", 12}, {"decembre", 12}, {"diciembre", 12}, {"dicembre", 12},
    {"dezembro", 12}, {"december", 12},
};

/* The month named by the letters t[i, e) (a Latin-script source), or 0. */
static int source_month_name(const char *t, size_t i, size_t e)
{
    for (size_t k = 0; k < sizeof source_months / sizeof *source_months; k++) {
        const char *m = source_months[k].name;
        size_t n = strlen(m);
        if (e - i != n)
            continue;
        size_t j = 0;
        while (j < n && mtc_ascii_tolower((unsigned char)t[i + j]) == (unsigned char)m[j])
            j++;
        if (j == n)
            return source_months[k].month;
    }
    return 0;
}

/* 〇 零 一 .. 九 两 and 十: the numerals of a month or a day. */
static int is_han_numeral(int32_t cp)
{
    return han_digit(cp) >= 0 || cp == 0x5341;
}

/* Reads an ASCII or fullwidth digit run at i (at most 4 digits); *end past
 * it. -1 when there is none or it is longer. */
static long read_int(const char *t, size_t b, size_t i, size_t *end)
{
    long v = 0;
    int n = 0;
    size_t j = i;
    while (j < b) {
        int l;
        int d = digit_value(cp_at(t, b, j, &l));
        if (d < 0)
            break;
        if (++n > 4)
            return -1;
        v = v * 10 + d;
        j += (size_t)l;
    }
    *end = j;
    return n ? v : -1;
}

static size_t skip_spaces(const char *t, size_t b, size_t j)
{
    while (j < b && t[j] == ' ')
        j++;
    return j;
}

static void add_month(mtc_source_dates *d, long m)
{
    if (m >= 1 && m <= 12)
        d->months |= 1u << m;
}

static void add_day(mtc_source_dates *d, long v)
{
    if (v >= 1 && v <= 31)
        d->days |= 1ul << v;
}

void mtc_dates_source(const char *t, size_t a, size_t b, mtc_source_dates *out)
{
    memset(out, 0, sizeof *out);
    size_t i = a;
    while (i < b) {
        int l;
        int32_t cp = cp_at(t, b, i, &l);
        size_t step = (size_t)(l > 0 ? l : 1);
        long v = -1;
        size_t j = i;
        if (digit_value(cp) >= 0 && digit_value(cp_before(t, a, i)) < 0) {
            v = read_int(t, b, i, &j);
            /* 2023-02-11, 2023/2/11, 2023.02.11; 11.02.2023, 11/02/2023 */
            size_t e1, e2;
            if (v >= 0 && j < b && (t[j] == '-' || t[j] == '/' || t[j] == '.')) {
                char sep = t[j];
                long x = read_int(t, b, j + 1, &e1);
                if (x >= 0 && e1 < b && t[e1] == sep) {
                    long y = read_int(t, b, e1 + 1, &e2);
                    if (y >= 0 && v >= 1000) {
                        add_month(out, x);
                        add_day(out, y);
                    } else if (y >= 0 && (e2 - e1 - 1 == 2 || e2 - e1 - 1 == 4)) {
                        add_day(out, v);
                        add_month(out, x);
                        if (sep == '/') { /* either order */
                            add_day(out, x);
                            add_month(out, v);
                        }
                    }
                    i = y >= 0 ? e2 : e1;
                    continue;
                }
            }
        } else if (is_han_numeral(cp) && !is_han_numeral(cp_before(t, a, i))) {
            int32_t cps[8];
            size_t n = 0;
            j = i;
            while (j < b && n < 8) {
                int l2;
                int32_t c = cp_at(t, b, j, &l2);
                if (!is_han_numeral(c))
                    break;
                cps[n++] = c;
                j += (size_t)l2;
            }
            int has_unit;
            if (n < 8)
                v = (long)han_value(cps, n, &has_unit);
        }
        if (v < 0) {
            /* a month name of a Latin-script source, with a number beside it */
            if (is_letter_ascii(cp) && !is_letter_ascii(cp_before(t, a, i))) {
                size_t e = i;
                while (e < b && (is_letter_ascii((unsigned char)t[e]) || (unsigned char)t[e] >= 0x80)) {
                    int32_t c = cp_at(t, b, e, &l);
                    if (c >= 0x80 && !((c >= 0xC0 && c <= 0x24F)))
                        break;
                    e += (size_t)(l > 0 ? l : 1);
                }
                int m = source_month_name(t, i, e);
                if (m) {
                    add_month(out, m);
                    /* "10. Februar", "10 février", "1er mai", "10 de febrero" */
                    size_t p = i;
                    while (p > a && t[p - 1] == ' ')
                        p--;
                    if (p >= a + 3 && memcmp(t + p - 3, " de", 3) == 0)
                        for (p -= 3; p > a && t[p - 1] == ' ';)
                            p--;
                    if (p > a && (t[p - 1] == '.' || t[p - 1] == 'r'))
                        p -= t[p - 1] == 'r' && p >= a + 2 && t[p - 2] == 'e' ? 2 : (t[p - 1] == '.');
                    size_t q = p;
                    while (q > a && digit_value((unsigned char)t[q - 1]) >= 0)
                        q--;
                    size_t qe;
                    if (q < p)
                        add_day(out, read_int(t, b, q, &qe));
                    /* "February 10" */
                    size_t r = skip_spaces(t, b, e);
                    long d = r > e ? read_int(t, b, r, &qe) : -1;
                    if (d >= 0)
                        add_day(out, d);
                    i = e;
                    continue;
                }
                i = e > i ? e : i + step;
                continue;
            }
            i += step;
            continue;
        }
        size_t k = skip_spaces(t, b, j);
        int32_t unit = k < b ? cp_at(t, b, k, NULL) : 0;
        if (unit == 0x6708) /* 月 */
            add_month(out, v);
        else if (unit == 0x65E5 || unit == 0x53F7) /* 日 号 */
            add_day(out, v);
        i = j > i ? j : i + step;
    }
}

size_t mtc_dates_english(const char *t, size_t a, size_t b, mtc_english_date *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = a; i < b; i++) {
        if (!mtc_ascii_is_upper((unsigned char)t[i]) || (i > a && is_letter_ascii((unsigned char)t[i - 1])))
            continue;
        size_t e = i;
        while (e < b && is_letter_ascii((unsigned char)t[e]))
            e++;
        int month = 0;
        for (int k = 0; k < 12 && !month; k++) {
            size_t ml = strlen(months[k]), al = strlen(month_abbr[k]);
            if ((e - i == ml && memcmp(t + i, months[k], ml) == 0) ||
                (al && e - i == al && memcmp(t + i, month_abbr[k], al) == 0 && e < b && t[e] == '.') ||
                (k == 8 && e - i == 3 && memcmp(t + i, "Sep", 3) == 0 && e < b && t[e] == '.'))
                month = k + 1;
        }
        if (!month) {
            i = e;
            continue;
        }
        size_t me = e;
        if (e < b && t[e] == '.')
            e++;
        long day = -1;
        /* "August 8", "Aug. 8th" (not "August 2023") */
        size_t r = skip_spaces(t, b, e), re;
        if (r > e && r < b && mtc_ascii_is_digit((unsigned char)t[r])) {
            long d = read_int(t, b, r, &re);
            if (d >= 1 && d <= 31 && re - r <= 2 && (re >= b || !mtc_ascii_is_digit((unsigned char)t[re])))
                day = d;
        }
        /* "8 August", "8th August", "the 8th of August" */
        if (day < 0) {
            size_t p = i;
            while (p > a && t[p - 1] == ' ')
                p--;
            if (p >= a + 3 && memcmp(t + p - 3, " of", 3) == 0)
                for (p -= 3; p > a && t[p - 1] == ' ';)
                    p--;
            size_t q = p;
            while (q > a && is_letter_ascii((unsigned char)t[q - 1]) && p - q < 2)
                q--;
            if (q < p && !(word_eq(t, q, p, "st") || word_eq(t, q, p, "nd") ||
                           word_eq(t, q, p, "rd") || word_eq(t, q, p, "th")))
                q = p;
            size_t dq = q;
            while (dq > a && mtc_ascii_is_digit((unsigned char)t[dq - 1]))
                dq--;
            if (p == i || dq == q || q - dq > 2 || (dq > a && (is_letter_ascii((unsigned char)t[dq - 1]) ||
                                                                  t[dq - 1] == '.' || t[dq - 1] == ',')))
                dq = q;
            if (dq < q) {
                long d = read_int(t, b, dq, &re);
                if (d >= 1 && d <= 31)
                    day = d;
            }
        }
        if (day > 0) {
            if (n < cap) {
                out[n].month_start = i;
                out[n].month_end = me;
                out[n].month = month;
                out[n].day = (int)day;
            }
            n++;
        }
        i = e;
    }
    return n;
}
