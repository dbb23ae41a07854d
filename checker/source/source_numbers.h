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

/* The dates of a source span: months (bit m for month m, 1..12) and days
 * of the month (bit d, 1..31) it names: 2月10日, 1989 年11 月13 日, 2月,
 * 8日, 10号, 2023-02-11, 10.02.2023, "10. Februar", "10 février", "10 de
 * febrero". */
typedef struct mtc_source_dates {
    unsigned months;
    unsigned long days;
} mtc_source_dates;
void mtc_dates_source(const char *t, size_t a, size_t b, mtc_source_dates *out);

/* A month name of an English span with its day next to it ("August 8",
 * "8 August", "the 8th of August", "Aug. 8"). */
typedef struct mtc_english_date {
    size_t month_start, month_end; /* the month name */
    int month, day;
} mtc_english_date;
/* Fills out (up to cap) with the dated month names of English text [a, b);
 * returns how many there are (beyond cap: counted, not stored). */
size_t mtc_dates_english(const char *t, size_t a, size_t b, mtc_english_date *out, size_t cap);

#endif
