/* suppress.h — inline suppression directives, the readers' side:
 *   Markdown and HTML comments
 *     <!-- mtcheck-disable [RULE ...] -->  ...  <!-- mtcheck-enable [RULE ...] -->
 *     <!-- mtcheck-disable-next-line [RULE ...] -->
 *   plain text: the same directives, each alone on a line in square brackets
 *     [mtcheck-disable RULE ...]  ...  [mtcheck-enable RULE ...]
 *     [mtcheck-disable-next-line RULE ...]
 * RULE is a rule id, an analyzer name, a category, a rule id's prefix or
 * "all" (the default), several separated by commas or spaces. A reader feeds
 * every comment (or directive line) it meets to a builder; the loader turns
 * the builder into the document's source ranges (document.h), which the
 * checker applies once, before scoring (checker.c). */
#ifndef MTC_SUPPRESS_H
#define MTC_SUPPRESS_H

#include <stddef.h>

#include "document.h"

typedef struct mtc_suppress_builder {
    struct mtc_directive *d; /* owned */
    size_t n, cap;
} mtc_suppress_builder;

/* A comment's text (between <!-- and -->, or the whole comment; for plain
 * text the directive between the brackets) that spans source bytes
 * [src_start, src_end). Comments that are not mtcheck directives are
 * ignored. Returns 1 for a directive, 0 otherwise. */
int mtc_suppress_comment(mtc_suppress_builder *b, const char *text, size_t len, size_t src_start,
                          size_t src_end);
/* Turns the directives into source ranges over source[0, source_len):
 * a disable runs to the first enable naming the rule (or all), else to the
 * end; disable-next-line covers the next non-blank line. Sets *out (malloc'ed,
 * NULL when none) and *n, and empties the builder. */
void mtc_suppress_finish(mtc_suppress_builder *b, const char *source, size_t source_len,
                         mtc_suppression **out, size_t *n);
void mtc_suppress_builder_free(mtc_suppress_builder *b);

/* The checker's index over a document's ranges: per rule name, the ranges
 * naming it, sorted and merged, so a query is a hash look-up and a binary
 * search (O(log ranges)) and building it is O(ranges log ranges). Owns
 * copies of the names; the ranges may be freed after building. NULL (and a
 * valid index to query and free) when n is 0. */
typedef struct mtc_suppress_index mtc_suppress_index;
mtc_suppress_index *mtc_suppress_index_build(const mtc_suppression *s, size_t n);
/* 1 if a range naming name[0, len) holds source byte off. */
int mtc_suppress_index_covers(const mtc_suppress_index *ix, size_t off, const char *name,
                              size_t len);
void mtc_suppress_index_free(mtc_suppress_index *ix);

#endif
