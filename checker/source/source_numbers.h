/* source_numbers.h — the numbers of a text span as values (source_numbers.c):
 * digits with group and decimal separators, multipliers (万 亿 千,
 * thousand/million/billion, Millionen/Milliarden/milliards), Chinese
 * numerals, decades (80年代, 1980s), percentages, English number words and
 * month names. Each number carries the values it may stand for. */
#ifndef MTC_SOURCE_NUMBERS_H
#define MTC_SOURCE_NUMBERS_H

#include <stddef.h>

#define MTC_NUM_VALUES 4

enum {
    MTC_NUM_WEAK = 1u << 0  /* matches, but is never reported on its own
                             * ("one", ordinal words, month names, "both") */
};

typedef struct mtc_number {
    size_t start, end;              /* bytes in the text */
    double values[MTC_NUM_VALUES];  /* what it may stand for */
    int n_values;
    unsigned flags;
} mtc_number;

typedef struct mtc_number_list {
    mtc_number *items; /* owned */
    size_t n, cap;
} mtc_number_list;

/* Appends the numbers of source text [a, b) (any language: Chinese
 * numerals, Latin digits with either separator convention, German and
 * French multipliers). */
void mtc_numbers_source(const char *t, size_t a, size_t b, mtc_number_list *out);
/* Appends the numbers of English text [a, b). */
void mtc_numbers_english(const char *t, size_t a, size_t b, mtc_number_list *out);
/* 1 if x and y share a value. */
int mtc_number_match(const mtc_number *x, const mtc_number *y);
void mtc_number_list_free(mtc_number_list *l);

#endif
