/* testutil.h — helpers shared by the Criterion tests: build a document from
 * a string, run the checker with chosen analyzers/rules, find issues. */
#ifndef MTC_TESTUTIL_H
#define MTC_TESTUTIL_H

#include <stddef.h>

#include "analyzer.h"
#include "checker.h"
#include "config.h"
#include "document.h"
#include "mtcheck.h"

/* A document from a UTF-8 string (copied), segmented and tokenized. */
mtc_document *tu_doc(const char *text);

typedef struct tu_run {
    mtc_config *cfg;
    mtc_checker *chk;
    mtc_document *doc;
    mtc_result *res;
} tu_run;

/* Checks text with only the analyzers/rules named in `only` enabled
 * (comma-separated analyzer names or rule ids; NULL = the defaults).
 * Asserts (Criterion) that checker creation and checking succeed. */
tu_run *tu_check(const char *text, const char *only);
/* The same with a caller-prepared configuration (tu_run takes ownership). */
tu_run *tu_check_cfg(const char *text, mtc_config *cfg);
void tu_free(tu_run *r);

/* Number of issues with that rule id (NULL = all issues). */
size_t tu_count(const tu_run *r, const char *rule);
/* The nth (0-based) issue with that rule id, or NULL. */
const mtc_issue *tu_find(const tu_run *r, const char *rule, size_t nth);
/* 1 if an issue of that rule covers exactly the text `span_text` (its first
 * occurrence at or after byte 0 in the document). */
int tu_has(const tu_run *r, const char *rule, const char *span_text);
/* Checks text with only `rule` on and expects (Criterion cr_expect) an
 * issue of that rule covering exactly `span`, or none at all when span is
 * NULL; dumps the issues found when the expectation fails. */
void tu_expect(const char *rule, const char *text, const char *span);
/* The issue's text as a malloc'ed string (caller frees). */
char *tu_issue_text(const tu_run *r, const mtc_issue *is);
/* Prints the issues to stderr (for debugging failing tests). */
void tu_dump(const tu_run *r);

/* Path of a file under the repository (MTCHECK_ROOT or the current directory). */
const char *tu_root_path(const char *rel, char *buf, size_t size);

#endif
