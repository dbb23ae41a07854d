/* source_names.h — Chinese personal and place names against their
 * romanization (source_names.c): the source's Han characters read as
 * Mandarin syllables through ICU's Han-Latin transliterator, the
 * translation's capitalised names split into pinyin syllables, and a name
 * that matches a run of the source's syllables but for one syllable
 * reported at the word holding it (郑永刚 → "Yang Yonggang"). */
#ifndef MTC_SOURCE_NAMES_H
#define MTC_SOURCE_NAMES_H

#include <stddef.h>

#include "mtcheck.h"

/* The Han-Latin transliterator and the syllable table; one per worker
 * (ICU transliterators are not shared between threads). */
typedef struct mtc_romanizer mtc_romanizer;

/* Opens the transliterator (ICU reads its rules: about 0.2 s, so callers
 * open it on first use). MTC_ERR_INTERNAL naming ICU's error on failure. */
mtc_status mtc_romanizer_open(mtc_romanizer **out, mtc_error *err);
void mtc_romanizer_free(mtc_romanizer *r);

/* One name of the translation that differs from the source by one syllable. */
typedef struct mtc_name_mismatch {
    size_t tr_start, tr_end;     /* the translation's word holding the wrong syllable */
    size_t name_start, name_end; /* the whole name in the translation */
    size_t src_start, src_end;   /* the source characters the name renders */
    char reading[64];            /* the source's reading, e.g. "zheng yong gang" */
} mtc_name_mismatch;

typedef struct mtc_name_mismatch_list {
    mtc_name_mismatch *items; /* owned */
    size_t n, cap;
} mtc_name_mismatch_list;

/* Appends the names of translation text tr[ta, tb) of three or four
 * syllables that are not in source src[sa, sb) as written but are there
 * with one syllable different. */
void mtc_names_compare(mtc_romanizer *r, const char *src, size_t sa, size_t sb, const char *tr,
                       size_t ta, size_t tb, mtc_name_mismatch_list *out);
void mtc_name_mismatch_list_free(mtc_name_mismatch_list *l);

/* The pinyin word of the first n Han characters of t[a, b) as a name is
 * written (深圳 → "Shenzhen"), into out (cap bytes); 0 when [a, b) does
 * not open with n readable Han characters. */
int mtc_romanize_word(mtc_romanizer *r, const char *t, size_t a, size_t b, size_t n, char *out,
                      size_t cap);

/* 1 if word w (n bytes, ASCII letters, '-' and '\'' ignored) splits into
 * pinyin syllables; *n_syll gets the fewest syllables it splits into. */
int mtc_pinyin_split(const char *w, size_t n, int *n_syll);

#endif
