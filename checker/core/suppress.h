/* suppress.h — inline suppression comments in Markdown and HTML articles:
 *   <!-- mtcheck-disable [RULE ...] -->  ...  <!-- mtcheck-enable [RULE ...] -->
 *   <!-- mtcheck-disable-next-line [RULE ...] -->
 * RULE is a rule id, an analyzer name, a category or "all" (the default),
 * several separated by commas or spaces. Readers feed the comments they
 * meet to a builder; the document keeps the resulting source ranges and
 * mtc_suppress_apply drops the issues inside them. */
#ifndef MTC_SUPPRESS_H
#define MTC_SUPPRESS_H

#include <stddef.h>

#include "checker.h"
#include "document.h"

typedef struct mtc_suppression {
    size_t start, end;   /* source bytes [start, end) */
    char rules[160];     /* space-separated ids; "all" = every rule */
} mtc_suppression;

typedef struct mtc_suppress_builder {
    struct mtc_directive *d; /* owned */
    size_t n, cap;
} mtc_suppress_builder;

/* A comment's text (between <!-- and -->, or the whole comment) that
 * spans source bytes [src_start, src_end). Comments that are not mtcheck
 * directives are ignored. */
void mtc_suppress_comment(mtc_suppress_builder *b, const char *text, size_t len, size_t src_start,
                          size_t src_end);
/* Turns the directives into doc->suppressions (doc->source must be set) and
 * empties the builder. */
void mtc_suppress_finish(mtc_suppress_builder *b, mtc_document *doc);
void mtc_suppress_builder_free(mtc_suppress_builder *b);

/* Removes the issues that a suppression covers and scores the result again
 * (score and gate) with cfg. No-op for documents without suppressions. */
void mtc_suppress_apply(mtc_result *res, const mtc_config *cfg);

#endif
