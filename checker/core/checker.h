/* checker.h — the pipeline: runs the analyzers over a document, collects
 * their issues (sorted), scores sentences and the article, applies the gate. */
#ifndef MTC_CHECKER_H
#define MTC_CHECKER_H

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

/* Scoring (score.c), documented in README.md. */
double mtc_score_sentence(double penalty);
double mtc_score_article(double penalty_per_100_words, double scale);
void mtc_score_result(mtc_result *res, const mtc_config *cfg);

/* Checks an already built result for issues; used by the checker and tests. */
void mtc_result_apply_gate(mtc_result *res, const mtc_config *cfg);

#endif
