/* source_align.h — the alignment of a translation with its source
 * (align.c): groups of source paragraphs matched to groups of translation
 * paragraphs, and what the checks against the source need to read them
 * (scripts, calibrated length ratios). Built by the checker when a source
 * is given; read-only for the analyzers (mtc_context.source). */
#ifndef MTC_SOURCE_ALIGN_H
#define MTC_SOURCE_ALIGN_H

#include <stddef.h>

#include "document.h"

/* How a unit was aligned. */
typedef enum mtc_align_how {
    MTC_ALIGN_ORDER = 0, /* paragraph counts agree: paragraph i to paragraph i */
    MTC_ALIGN_LENGTH     /* counts differ: by length and anchors (dynamic programming) */
} mtc_align_how;

/* One aligned unit: source paragraphs [src_first, src_first + src_n) are
 * rendered by translation paragraphs [tr_first, tr_first + tr_n). src_n = 0:
 * translation paragraphs without a source (added); tr_n = 0: source
 * paragraphs without a translation (tr_first is the paragraph they would
 * precede). At most 2 paragraphs on a side. */
typedef struct mtc_align_unit {
    size_t src_first, src_n;
    size_t tr_first, tr_n;
    mtc_align_how how;
} mtc_align_unit;

/* The script a source is mostly written in. */
typedef enum mtc_source_script {
    MTC_SCRIPT_LATIN = 0,
    MTC_SCRIPT_HAN,      /* Chinese (and Japanese kanji) */
    MTC_SCRIPT_OTHER
} mtc_source_script;

typedef struct mtc_source_align {
    const mtc_document *src; /* borrowed */
    const mtc_document *tr;  /* borrowed */
    mtc_source_script script;
    mtc_align_unit *units;   /* owned, in translation order */
    size_t n_units;
    int by_length;           /* 1 when the paragraph counts differ */
} mtc_source_align;

/* "Size" of a span used for length ratios: Han characters for a Han
 * source, non-space characters otherwise. */
size_t mtc_source_size(const char *text, size_t a, size_t b, mtc_source_script script);
/* Expected translation/source size ratio into English for a script
 * (calibrated on the dev benchmark for Chinese: median 3.9 non-space
 * English characters per Han character). */
double mtc_source_expected_ratio(mtc_source_script script);

mtc_source_align *mtc_source_align_build(const mtc_document *tr, const mtc_document *src);
void mtc_source_align_free(mtc_source_align *al);

#endif
