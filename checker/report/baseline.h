/* baseline.h — known findings (--write-baseline FILE, --baseline FILE): how a
 * team adopts mtcheck on an existing archive. A baseline names each finding
 * by its article's path (relative to the repository root, as SARIF gives it)
 * and the fingerprint SARIF carries (report_util.c: rule, flagged text, the
 * sentence's text and the occurrence, so edits elsewhere in the file keep
 * it). Filtering removes the known findings from a result before any
 * reporter sees it, then re-scores and re-applies the gate, so every format
 * and the exit status see only the new findings. */
#ifndef MTC_BASELINE_H
#define MTC_BASELINE_H

#include <stdio.h>

#include "buffer.h"
#include "checker.h"
#include "config.h"
#include "mtcheck.h"
#include "report.h"

/* The first line of every baseline file. */
#define MTC_BASELINE_HEADER "# mtcheck baseline 1"

typedef struct mtc_baseline mtc_baseline;

/* Reads a baseline file. A malformed one is MTC_ERR_CONFIG naming the file
 * and the line; an unreadable one MTC_ERR_IO. */
mtc_status mtc_baseline_load(const char *path, mtc_baseline **out, mtc_error *err);
/* Removes from res the findings the baseline lists (ropt->base_dir makes
 * the path relative as SARIF does), re-scores and re-gates res with cfg.
 * Returns how many it removed. */
size_t mtc_baseline_filter(const mtc_baseline *bl, mtc_result *res, const mtc_config *cfg,
                           const mtc_report_options *ropt);
void mtc_baseline_free(mtc_baseline *bl);

/* Writing: the header (with a line saying what the fields are), then one
 * line per finding of each article, in input order. */
void mtc_baseline_put_header(mtc_buf *b);
void mtc_baseline_put_result(mtc_buf *b, const mtc_result *res, const mtc_report_options *ropt);

#endif
