/* checker.h — the pipeline: runs the analyzers over a document, collects
 * their issues (sorted), drops the suppressed ones, scores sentences and the
 * article, applies the gate. The result (result.h) and scoring (score.h)
 * are their own modules; this header brings both. */
#ifndef MTC_CHECKER_H
#define MTC_CHECKER_H

#include "analyzer.h"
#include "mtcheck.h"
#include "result.h"
#include "score.h"

#endif
