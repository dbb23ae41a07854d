/* data.h — data files built into the binary. Every file under dictionaries/
 * (except hunspell .dic/.aff) and reports/ is embedded at build time by
 * checker/gen/embed.c, so build/mtcheck alone is complete. */
#ifndef MTC_DATA_H
#define MTC_DATA_H

#include <stddef.h>

#include "mtcheck.h"

/* Returns the content of an embedded file by its path relative to the repo
 * ("dictionaries/abbreviations.txt", "reports/report.css"), or NULL.
 * The content is NUL-terminated and static (never free it). */
const char *mtc_data_get(const char *name, size_t *len);

/* The name of the i-th embedded file (in build order), NULL past the last. */
const char *mtc_data_name(size_t i);

/* Line-oriented data files: one entry per line, '#' starts a comment,
 * surrounding whitespace is trimmed, blank lines are skipped.
 * Calls fn(line, len, lineno, ctx) for every entry; fn returns 0 to go on or
 * non-zero to stop with an error (the caller fills err with name:lineno). */
typedef int (*mtc_data_line_fn)(const char *line, size_t len, long lineno, void *ctx);
int mtc_data_each_line(const char *data, size_t len, mtc_data_line_fn fn, void *ctx,
                       long *bad_line);

/* Reads an embedded line file by name; on a missing file or a line the
 * callback rejects, fills err ("dictionaries/x.txt:12: ...") and returns
 * MTC_ERR_CONFIG. */
mtc_status mtc_data_load_lines(const char *name, mtc_data_line_fn fn, void *ctx, mtc_error *err);

/* A tag of a line file and its bit (mtc_data_tags). */
typedef struct mtc_data_tag {
    const char *name;
    unsigned bit;
} mtc_data_tag;

/* Parses the tag list "tag,tag,..." in [p, end) (spaces around a tag
 * allowed, empty tags skipped) into the OR of their bits in *bits; -1 on a
 * tag not in tags[0..n), else 0. */
int mtc_data_tags(const char *p, const char *end, const mtc_data_tag *tags, size_t n,
                  unsigned *bits);

#endif
