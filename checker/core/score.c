/* score.c — scores (documented in README.md, "Scoring"):
 *   issue weight      minor 1, major 5, critical 10 (configurable)
 *   issue count       an issue may stand for several errors (a translation
 *                     loop of n copies counts n - 1 times): weight x count
 *   sentence penalty  sum of the weights of its issues
 *   sentence score    100 * exp(-penalty / 10), one decimal: one minor → 90.5,
 *                     one major → 60.7, one critical → 36.8
 *   article penalty   sum of all weights; per 100 words = 100 * penalty / words
 *   article score     100 * exp(-penalty_per_100_words / scale), scale 10 by
 *                     default: one major issue per 100 words → 60.7
 *   gate              fails when an issue is at or above --fail-on, or the
 *                     score is below --min-score.
 * Owns the result's score arrays. */
#include <math.h>
#include <stdlib.h>

#include "alloc.h"
#include "score.h"

static double round1(double x)
{
    return floor(x * 10.0 + 0.5) / 10.0;
}

double mtc_score_sentence(double penalty)
{
    return round1(100.0 * exp(-penalty / 10.0));
}

double mtc_score_article(double penalty_per_100_words, double scale)
{
    if (scale <= 0)
        scale = 10.0;
    return round1(100.0 * exp(-penalty_per_100_words / scale));
}

void mtc_score_result(mtc_result *res, const mtc_config *cfg)
{
    const mtc_document *doc = res->doc;
    size_t ns = doc->n_sentences;
    free(res->sentence_penalty);
    free(res->sentence_score);
    res->sentence_penalty = mtc_xcalloc(ns ? ns : 1, sizeof *res->sentence_penalty);
    res->sentence_score = mtc_xcalloc(ns ? ns : 1, sizeof *res->sentence_score);
    res->penalty = 0;
    for (int s = 0; s < 4; s++)
        res->by_severity[s] = 0;
    for (size_t i = 0; i < res->n_issues; i++) {
        const mtc_issue *is = &res->issues[i];
        double w = cfg->weights[is->severity] * (is->count ? is->count : 1);
        res->penalty += w;
        res->by_severity[is->severity]++;
        if (is->sentence < ns)
            res->sentence_penalty[is->sentence] += w;
    }
    for (size_t s = 0; s < ns; s++)
        res->sentence_score[s] = mtc_score_sentence(res->sentence_penalty[s]);
    res->penalty_per_100_words = doc->n_words ? 100.0 * res->penalty / (double)doc->n_words : 0;
    res->score = mtc_score_article(res->penalty_per_100_words, cfg->score_scale);
}

void mtc_result_apply_gate(mtc_result *res, const mtc_config *cfg)
{
    res->failed = 0;
    if (!cfg->fail_on_none && cfg->fail_on != MTC_SEV_DEFAULT) {
        for (int s = cfg->fail_on; s <= MTC_SEV_CRITICAL; s++)
            if (res->by_severity[s] > 0)
                res->failed = 1;
    }
    if (cfg->min_score > 0 && res->score < cfg->min_score)
        res->failed = 1;
}
