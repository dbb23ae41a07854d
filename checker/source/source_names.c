/* source_names.c — a Chinese name of the source against its romanization
 * in the translation (source_names.h). The source's Han characters are read
 * as Mandarin syllables by ICU's Han-Latin transliterator (one reading per
 * character, tones dropped); the translation's runs of two or three
 * capitalised words that split wholly into pinyin syllables (Zheng
 * Yonggang, Wang Yi-ning, Xi'an) are names. A name whose syllables are a
 * run of the source's is right; one that is such a run but for exactly one
 * syllable is reported at the word holding that syllable; a character's
 * other readings (长 chang or zhang: dictionaries/han-readings.tsv, from
 * Unihan) count as its reading. Names of fewer
 * than three syllables are left alone (Wang Yi, Li Qiang: too short to
 * tell a misreading from another name), and so are names in other
 * romanizations (Kim Jong-un, Tsai Ing-wen: not pinyin). Owns the
 * transliterator of one worker. */
#include "source_names.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "alloc.h"
#include "pinyin.h"
#include "buffer.h"
#include "data.h"
#include "utf8.h"

#define MAX_NAME_SYLLABLES 4
#define MIN_NAME_SYLLABLES 3
#define MAX_WORD_SYLLABLES 3
#define MAX_NAME_WORDS 3

#define MAX_READINGS 6

/* A character with more than one Mandarin reading (长 chang/zhang). */
typedef struct han_readings {
    int32_t cp;
    int syl[MAX_READINGS];
    int n;
} han_readings;

struct mtc_romanizer {
    UTransliterator *han_latin;
    han_readings *alt; /* owned, sorted by cp: dictionaries/han-readings.tsv */
    size_t n_alt, cap_alt;
};

/* One line of dictionaries/han-readings.tsv: HEX<TAB>reading reading... */
static int add_readings(const char *line, size_t len, long lineno, void *ctx)
{
    (void)lineno;
    mtc_romanizer *r = ctx;
    size_t i = 0;
    long cp = 0;
    while (i < len && line[i] != '\t') {
        char c = line[i++];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            return 1;
        cp = cp * 16 + d;
    }
    han_readings h = {(int32_t)cp, {0}, 0};
    while (i < len && h.n < MAX_READINGS) {
        while (i < len && (line[i] == '\t' || line[i] == ' '))
            i++;
        size_t a = i;
        while (i < len && line[i] != ' ')
            i++;
        char y[8];
        if (i == a || i - a >= sizeof y)
            continue;
        memcpy(y, line + a, i - a);
        y[i - a] = '\0';
        int k = mtc_pinyin_index(y);
        if (k >= 0)
            h.syl[h.n++] = k;
    }
    if (r->n_alt > 0 && r->alt[r->n_alt - 1].cp >= h.cp)
        return 1; /* the generator sorts the lines */
    mtc_grow((void **)&r->alt, &r->cap_alt, r->n_alt + 1, sizeof *r->alt);
    r->alt[r->n_alt++] = h;
    return 0;
}

/* 1 if syllable y is a reading of cp other than ICU's. */
static int other_reading(const mtc_romanizer *r, int32_t cp, int y)
{
    size_t lo = 0, hi = r->n_alt;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->alt[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == r->n_alt || r->alt[lo].cp != cp)
        return 0;
    for (int k = 0; k < r->alt[lo].n; k++)
        if (r->alt[lo].syl[k] == y)
            return 1;
    return 0;
}

mtc_status mtc_romanizer_open(mtc_romanizer **out, mtc_error *err)
{
    *out = NULL;
    UErrorCode st = U_ZERO_ERROR;
    UChar id[32];
    u_uastrcpy(id, "Han-Latin; Latin-ASCII");
    UTransliterator *t = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &st);
    if (U_FAILURE(st)) {
        mtc_error_set(err, MTC_ERR_DICT, "", -1, -1,
                      "ICU's Han-Latin transliterator does not open (%s)", u_errorName(st));
        return MTC_ERR_DICT;
    }
    mtc_romanizer *r = mtc_xcalloc(1, sizeof *r);
    r->han_latin = t;
    mtc_status ds = mtc_data_load_lines("dictionaries/han-readings.tsv", add_readings, r, err);
    if (ds != MTC_OK) {
        mtc_romanizer_free(r);
        return ds;
    }
    *out = r;
    return MTC_OK;
}

void mtc_romanizer_free(mtc_romanizer *r)
{
    if (!r)
        return;
    utrans_close(r->han_latin);
    free(r->alt);
    free(r);
}

void mtc_name_mismatch_list_free(mtc_name_mismatch_list *l)
{
    free(l->items);
    memset(l, 0, sizeof *l);
}

static int is_han(int32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0xF900 && cp <= 0xFAFF);
}

/* The syllable index of Han character cp, or -1 when ICU has no reading. */
static int read_han(mtc_romanizer *r, int32_t cp)
{
    UChar buf[32];
    int32_t len = 0;
    U16_APPEND_UNSAFE(buf, len, cp);
    int32_t limit = len;
    UErrorCode st = U_ZERO_ERROR;
    utrans_transUChars(r->han_latin, buf, &len, (int32_t)(sizeof buf / sizeof *buf), 0, &limit, &st);
    if (U_FAILURE(st) || len <= 0 || len > 8)
        return -1;
    char s[9];
    for (int32_t i = 0; i < len; i++) {
        if (buf[i] < 'a' || buf[i] > 'z')
            return -1;
        s[i] = (char)buf[i];
    }
    s[len] = '\0';
    return mtc_pinyin_index(s);
}

int mtc_romanize_word(mtc_romanizer *r, const char *t, size_t a, size_t b, size_t n, char *out,
                      size_t cap)
{
    size_t len = 0, i = a;
    for (size_t k = 0; k < n; k++) {
        int32_t cp = 0;
        int l = i < b ? mtc_utf8_next(t, b, i, &cp) : 0;
        int y = l > 0 && is_han(cp) ? read_han(r, cp) : -1;
        if (y < 0)
            return 0;
        size_t yl = strlen(mtc_pinyin_syllable(y));
        if (len + yl + 1 > cap)
            return 0;
        memcpy(out + len, mtc_pinyin_syllable(y), yl);
        if (len == 0)
            out[0] = (char)mtc_ascii_toupper((unsigned char)out[0]);
        len += yl;
        i += (size_t)l;
    }
    out[len] = '\0';
    return n > 0;
}

/* Splits word w[0, n) at '-' and '\'' into syllables (out, up to cap);
 * 0 when a part does not split. */
static int split_word(const char *w, size_t n, int *out, int cap)
{
    int total = 0;
    size_t a = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && w[i] != '-' && w[i] != '\'')
            continue;
        int k = mtc_pinyin_split_part(w + a, i - a, out + total, cap - total);
        if (k == 0)
            return 0;
        total += k;
        a = i + 1;
    }
    return total;
}

int mtc_pinyin_split(const char *w, size_t n, int *n_syll)
{
    int tmp[16];
    int k = split_word(w, n, tmp, 16);
    if (n_syll)
        *n_syll = k;
    return k > 0;
}

/* The source's readable Han characters, in runs (a run ends at any other
 * character or one without a reading). */
typedef struct src_syllables {
    int *syl;
    int32_t *cp;
    size_t *start, *end, *run;
    size_t n, cap;
} src_syllables;

static void read_source(mtc_romanizer *r, const char *t, size_t a, size_t b, src_syllables *s)
{
    size_t run = 0;
    int in_run = 0;
    size_t i = a;
    while (i < b) {
        int32_t cp = 0;
        int l = mtc_utf8_next(t, b, i, &cp);
        size_t step = (size_t)(l > 0 ? l : 1);
        int k = is_han(cp) ? read_han(r, cp) : -1;
        if (k < 0) {
            if (in_run)
                run++;
            in_run = 0;
            i += step;
            continue;
        }
        if (s->n == s->cap) {
            size_t cap = s->cap;
            mtc_grow((void **)&s->syl, &cap, s->n + 1, sizeof *s->syl);
            cap = s->cap;
            mtc_grow((void **)&s->start, &cap, s->n + 1, sizeof *s->start);
            cap = s->cap;
            mtc_grow((void **)&s->end, &cap, s->n + 1, sizeof *s->end);
            cap = s->cap;
            mtc_grow((void **)&s->run, &cap, s->n + 1, sizeof *s->run);
            cap = s->cap;
            mtc_grow((void **)&s->cp, &cap, s->n + 1, sizeof *s->cp);
            s->cap = cap;
        }
        s->syl[s->n] = k;
        s->cp[s->n] = cp;
        s->start[s->n] = i;
        s->end[s->n] = i + step;
        s->run[s->n] = run;
        s->n++;
        in_run = 1;
        i += step;
    }
}

/* A capitalised word of the translation: an upper-case letter, then
 * lower-case letters, with '-' or '\'' inside before a letter (Yi-ning,
 * Xi'an); a possessive 's / ’s after it is not part of it. */
static size_t name_word_end(const char *t, size_t i, size_t b)
{
    if (!mtc_ascii_is_upper((unsigned char)t[i]))
        return 0;
    size_t e = i + 1;
    while (e < b) {
        unsigned char c = (unsigned char)t[e];
        if (mtc_ascii_is_lower(c)) {
            e++;
            continue;
        }
        if ((c == '-' || c == '\'') && e + 1 < b && mtc_ascii_is_alpha((unsigned char)t[e + 1]) &&
            !(c == '\'' && t[e + 1] == 's' && (e + 2 >= b || !mtc_ascii_is_alpha((unsigned char)t[e + 2])))) {
            e += 2;
            continue;
        }
        break;
    }
    if (e < b && mtc_ascii_is_alpha((unsigned char)t[e]))
        return 0; /* McDonald, iPhone-like: not a pinyin word */
    return e;
}

typedef struct name_word {
    size_t start, end;
    int syl[MAX_WORD_SYLLABLES];
    int n;
} name_word;

static void compare_name(const mtc_romanizer *r, const src_syllables *s, const char *src,
                         const name_word *w, size_t nw, mtc_name_mismatch_list *out)
{
    int N[MAX_NAME_SYLLABLES], owner[MAX_NAME_SYLLABLES];
    int k = 0;
    for (size_t i = 0; i < nw; i++)
        for (int j = 0; j < w[i].n; j++) {
            if (k == MAX_NAME_SYLLABLES)
                return;
            owner[k] = (int)i;
            N[k++] = w[i].syl[j];
        }
    if (k < MIN_NAME_SYLLABLES)
        return;
    size_t hit = (size_t)-1;
    int diff_at = -1;
    for (size_t a = 0; a + (size_t)k <= s->n; a++) {
        if (s->run[a] != s->run[a + (size_t)k - 1])
            continue;
        int d = 0, at = -1;
        for (int j = 0; j < k && d < 2; j++)
            if (s->syl[a + (size_t)j] != N[j] && !other_reading(r, s->cp[a + (size_t)j], N[j])) {
                d++;
                at = j;
            }
        if (d == 0)
            return; /* the name is in the source as written */
        if (d == 1 && hit == (size_t)-1) {
            hit = a;
            diff_at = at;
        }
    }
    if (hit == (size_t)-1)
        return;
    mtc_grow((void **)&out->items, &out->cap, out->n + 1, sizeof *out->items);
    mtc_name_mismatch *m = &out->items[out->n++];
    memset(m, 0, sizeof *m);
    const name_word *bad = &w[owner[diff_at]];
    m->tr_start = bad->start;
    m->tr_end = bad->end;
    m->name_start = w[0].start;
    m->name_end = w[nw - 1].end;
    m->src_start = s->start[hit];
    m->src_end = s->end[hit + (size_t)k - 1];
    size_t len = 0;
    for (int j = 0; j < k; j++) {
        const char *y = mtc_pinyin_syllable(s->syl[hit + (size_t)j]);
        size_t yl = strlen(y);
        if (len + yl + 2 > sizeof m->reading)
            break;
        if (j)
            m->reading[len++] = ' ';
        memcpy(m->reading + len, y, yl);
        len += yl;
    }
    m->reading[len] = '\0';
    (void)src;
}

/* Compares the run of name words collected so far and empties it. */
static void flush(mtc_romanizer *r, const char *src, size_t sa, size_t sb, src_syllables *s,
                  int *read, name_word *words, size_t *nw, mtc_name_mismatch_list *out)
{
    if (*nw >= 2 && *nw <= MAX_NAME_WORDS) {
        if (!*read) {
            read_source(r, src, sa, sb, s);
            *read = 1;
        }
        compare_name(r, s, src, words, *nw, out);
    }
    *nw = 0;
}

void mtc_names_compare(mtc_romanizer *r, const char *src, size_t sa, size_t sb, const char *tr,
                       size_t ta, size_t tb, mtc_name_mismatch_list *out)
{
    src_syllables s = {0};
    int read = 0;
    name_word words[MAX_NAME_WORDS + 1];
    size_t nw = 0; /* a run of capitalised pinyin words, one space apart */
    size_t i = ta;
    while (i < tb) {
        unsigned char c = (unsigned char)tr[i];
        int boundary = i == ta || !(mtc_ascii_is_alnum((unsigned char)tr[i - 1]) ||
                                    tr[i - 1] == '-' || tr[i - 1] == '\'' ||
                                    (unsigned char)tr[i - 1] >= 0x80);
        if (!boundary || !mtc_ascii_is_alpha(c)) {
            if (c != ' ' || nw == 0 || words[nw - 1].end != i)
                flush(r, src, sa, sb, &s, &read, words, &nw, out);
            i++;
            continue;
        }
        size_t e = name_word_end(tr, i, tb);
        name_word w = {i, e, {0}, 0};
        if (e > i)
            w.n = split_word(tr + i, e - i, w.syl, MAX_WORD_SYLLABLES);
        if (w.n == 0) {
            /* a lower-case word, or a capitalised word that is not pinyin */
            flush(r, src, sa, sb, &s, &read, words, &nw, out);
            while (i < tb && (mtc_ascii_is_alnum((unsigned char)tr[i]) || tr[i] == '-' ||
                              tr[i] == '\''))
                i++;
            continue;
        }
        if (nw > 0 && words[nw - 1].end + 1 != i)
            flush(r, src, sa, sb, &s, &read, words, &nw, out);
        if (nw <= MAX_NAME_WORDS)
            words[nw++] = w; /* a run of more words is left alone (flush skips it) */
        i = e;
    }
    flush(r, src, sa, sb, &s, &read, words, &nw, out);
    free(s.syl);
    free(s.start);
    free(s.end);
    free(s.run);
    free(s.cp);
}
