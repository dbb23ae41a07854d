/* result.h — what checking one article produces: its issues (sorted) and
 * its scores. Filled by the checker (checker.c) and scored by score.c;
 * read by the reporters, the batch and, through the accessors of
 * mtcheck.h, by callers of the library. */
#ifndef MTC_RESULT_H
#define MTC_RESULT_H

#include "analyzer.h"
#include "mtcheck.h"

struct mtc_result {
    const mtc_document *doc;     /* borrowed */
    const mtc_document *source_doc; /* borrowed: the article's source, or NULL */
    mtc_issue *issues;           /* owned; sorted by start, end, rule */
    size_t n_issues;
    double *sentence_penalty;    /* owned; doc->n_sentences entries */
    double *sentence_score;      /* owned; 0..100 */
    double penalty;              /* sum of issue weights */
    double penalty_per_100_words;
    double score;                /* 0..100 */
    size_t by_severity[4];       /* counts, index = mtc_severity */
    int failed;                  /* 1 when the gate fails */
};

#endif
