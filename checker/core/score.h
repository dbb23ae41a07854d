/* score.h — scoring a result and applying the gate (score.c; the formulas
 * are documented in README.md, "Scoring"). */
#ifndef MTC_SCORE_H
#define MTC_SCORE_H

#include "config.h"
#include "result.h"

double mtc_score_sentence(double penalty);
double mtc_score_article(double penalty_per_100_words, double scale);
/* Fills the sentence and article scores and the counts from res->issues. */
void mtc_score_result(mtc_result *res, const mtc_config *cfg);
/* Sets res->failed from the counts and the score (after mtc_score_result). */
void mtc_result_apply_gate(mtc_result *res, const mtc_config *cfg);

#endif
