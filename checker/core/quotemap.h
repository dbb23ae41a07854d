/* quotemap.h — the quotation structure of a document, computed once per
 * document and shared by every analyzer that needs to know whether a byte
 * lies inside a quotation (quotes, grammar.narrative-person, ...).
 * Owns its arrays; mtc_quotemap_free releases them. */
#ifndef MTC_QUOTEMAP_H
#define MTC_QUOTEMAP_H

#include <stddef.h>
#include <stdint.h>

#include "document.h"

typedef enum mtc_quote_role {
    MTC_QR_OPEN = 0,     /* opens a quotation */
    MTC_QR_CLOSE,        /* closes a quotation */
    MTC_QR_APOSTROPHE,   /* ’ or ' inside/at the edge of a word: not a quote */
    MTC_QR_UNKNOWN       /* a quote mark whose role could not be decided */
} mtc_quote_role;

typedef struct mtc_quote_mark {
    size_t start, end;   /* the mark's bytes in doc->text */
    int32_t cp;          /* the code point (“ ” ‘ ’ " ' « » 「 ...) */
    uint8_t role;        /* mtc_quote_role, as the context suggests */
    uint8_t is_double;   /* 1 for double marks */
    uint8_t is_straight; /* 1 for " and ' */
    uint8_t is_foreign;  /* marks of another language (「」《》«»„...) */
    long partner;        /* index of the matching mark, or -1 (for a quotation
                          * continued in the next paragraph: that paragraph's
                          * opening mark) */
    size_t paragraph;
    /* Additions (issue 4). */
    uint8_t glyph;       /* mtc_quote_role the glyph itself shows: OPEN for “ ‘ « 「,
                          * CLOSE for ” ’ » 」, UNKNOWN for straight " ' ＂ */
    uint8_t continues;   /* 1: opening mark of a paragraph that continues a
                          * quotation left open by the previous paragraph */
    uint8_t continued;   /* 1: opening mark of a quotation still open at the end
                          * of its paragraph and continued by the next one */
    uint8_t depth;       /* openers: number of quotations open around it */
    long parent;         /* openers: index of the enclosing opening mark, or -1 */
    int32_t english;     /* English mark that replaces a foreign one (else 0) */
} mtc_quote_mark;

typedef struct mtc_quotemap {
    mtc_quote_mark *marks; /* in text order */
    size_t n_marks;
    mtc_span *quoted;      /* sorted, non-overlapping spans of quoted text
                            * (outermost quotations, marks included) */
    size_t n_quoted;
    size_t cursor;         /* where the last mtc_quotemap_inside ended: a hint
                            * (the one thread checking the document moves it;
                            * no answer depends on it) */
} mtc_quotemap;

mtc_quotemap *mtc_quotemap_build(const mtc_document *doc);
/* The one answer to "is this a quotation mark": 0 when cp is none, else
 * MTC_QC_ENGLISH for the English marks (“ ” ‟ " ‘ ’ ‛ ') or MTC_QC_FOREIGN
 * for those of dictionaries/quotes-foreign.tsv (« » „ 「 …), with
 * MTC_QC_OPENS and/or MTC_QC_CLOSES for the side its glyph can stand on
 * (both for " and ') and MTC_QC_DOUBLE for the double family. Every analyzer
 * and the segmenter ask here, each keeping the subset it needs. */
enum {
    MTC_QC_ENGLISH = 1u << 0,
    MTC_QC_FOREIGN = 1u << 1,
    MTC_QC_OPENS = 1u << 2,
    MTC_QC_CLOSES = 1u << 3,
    MTC_QC_DOUBLE = 1u << 4
};
unsigned mtc_quote_char(int32_t cp);

/* The load status of the mark tables (dictionaries/quotes-foreign.tsv and
 * quotes-elisions.txt, loaded once per process on first use): MTC_OK, or
 * the error naming file:line, copied to err (asked by the checker's
 * creation). */
mtc_status mtc_quotemap_tables_status(mtc_error *err);
void mtc_quotemap_free(mtc_quotemap *qm);
/* 1 if text byte off lies inside a quotation: from the previous look-up's
 * span when off is in or just after it (analyzers walk the text forward),
 * else by binary search. */
int mtc_quotemap_inside(const mtc_quotemap *qm, size_t off);

#endif
