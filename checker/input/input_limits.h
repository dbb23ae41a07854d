/* input_limits.h — linear pre-scans that bound what the parsing libraries
 * would build from hostile markup (input_limits.c). */
#ifndef MTC_INPUT_LIMITS_H
#define MTC_INPUT_LIMITS_H

#include <stddef.h>

/* Elements an HTML article may nest (Chromium's tree builder stops at the
 * same depth); deeper markup is refused before gumbo parses it. */
#define MTC_HTML_MAX_DEPTH 512
/* Table cells a Markdown article may make cmark-gfm build once rows are
 * padded to their header's width: the larger of this and 8 per source byte.
 * Beyond it, the tables are read as text. */
#define MTC_MARKDOWN_MIN_CELL_BUDGET 100000

/* 1 if the elements open at some point of the HTML nest deeper than
 * max_depth (void elements, self-closed tags and the siblings-by-default
 * family — p, li, td, tr, … — do not nest); *at gets the byte offset of the
 * tag that goes one level too deep. Comments and raw-text elements (script,
 * style, textarea, title) are skipped. */
int mtc_html_nesting_exceeds(const char *src, size_t len, size_t max_depth, size_t *at);

/* The number of cells cmark-gfm would build for the GFM tables of src:
 * for each delimiter row ("|---|---|"), its columns times its rows (to the
 * next blank line). *at gets the byte offset of the largest table. */
size_t mtc_markdown_table_cells(const char *src, size_t len, size_t *at);

#endif
