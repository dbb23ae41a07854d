/* report_html_text.h — the highlighted article text of the HTML review
 * report (report_html_text.c), with the tooltip and score-bucket helpers it
 * shares with report_html.c and report_html_batch.c (report_html.h brings
 * this header). Internal to libmtcheck. */
#ifndef MTC_REPORT_HTML_TEXT_H
#define MTC_REPORT_HTML_TEXT_H

#include "buffer.h"
#include "checker.h"

/* Sentences scoring below this carry a side badge with their score. */
#define MTC_HTML_LOW_SCORE 75.0

/* Appends the article text (report_html_text.c): one block per paragraph
 * (and per inter-paragraph gap that an issue touches), every issue as a
 * <mark> carrying data-rule, data-severity, data-start and data-end at its
 * exact span, and an empty anchor at the start of every sentence. Issues
 * that cross another issue's end or a paragraph boundary are split: the
 * first piece (the head) carries the data-rule/data-severity attributes and
 * the id, the other pieces carry class "cont" and the same data-issue.
 * Ids are prefix + "m<n>" (issue n, 1-based), "i<n>" (its list entry) and
 * "s<n>" (sentence n, 1-based). */
void mtc_html_text(mtc_buf *b, const mtc_result *res, const char *prefix);

/* The tooltip text of an issue (unescaped): severity, rule, message and
 * suggestions, one per line. */
void mtc_html_issue_tip(mtc_buf *b, const mtc_issue *is);

/* Score bucket class of a 0..100 score: "h0" (worst) .. "h4" (clean). */
const char *mtc_html_score_class(double score);

#endif
