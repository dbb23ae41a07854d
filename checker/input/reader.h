/* reader.h — the readers, one per input format. Markdown and HTML extract
 * the prose of a decoded source into a UTF-8 text with a source map (runs
 * of text bytes, document.h's mtc_srcmap) from every text byte to the
 * source byte it starts at and to the source byte after it (the text's end
 * included), paragraphs separated by blank lines,
 * plus the suppression comments met on the way. A span of text [s, e) is
 * the source span [map[s], map_end[e-1]): it ends at its last byte, not at
 * the markup after it (issue 13). Plain text is its own source, less its
 * suppression lines. The loader (loader.c) picks the reader and turns its
 * output into a document. Readers never print; they own nothing after
 * returning. */
#ifndef MTC_READER_H
#define MTC_READER_H

#include <stddef.h>

#include "buffer.h"
#include "document.h"
#include "mtcheck.h"
#include "suppress.h"

typedef struct mtc_extract {
    mtc_buf text;              /* the prose; caller takes text.data */
    mtc_srcmap *map;           /* text byte -> source span, in runs (document.h);
                                * caller takes it */
    size_t prev_src, prev_end; /* the source span of the last byte put */
    mtc_suppress_builder sup;  /* suppression directives met */
    size_t last_src;           /* source byte after the last byte put */
    int pending_break;         /* a paragraph break is due before the next text */
} mtc_extract;

void mtc_extract_init(mtc_extract *ex);
void mtc_extract_free(mtc_extract *ex);
/* Appends one byte of prose at source byte src. Whitespace is folded: a
 * run becomes one space, none at the start of a paragraph. */
void mtc_extract_putc(mtc_extract *ex, char c, size_t src);
/* The same for a byte decoded from the source bytes [src, src_end) (a
 * character reference). */
void mtc_extract_putc_span(mtc_extract *ex, char c, size_t src, size_t src_end);
/* Ends the current paragraph (a blank line follows when more text comes). */
/* Inline code (Markdown `x`, HTML <code>) at src[src, src_end): not prose,
 * but a thing the sentence names. It stands in the text as one U+FFFC
 * OBJECT REPLACEMENT CHARACTER (a symbol token), so the words around it
 * are not read as adjacent ("provided to `f` to map" is no doubled "to",
 * "a `tool` executable" no "a executable", "(`x`)" no empty brackets). */
void mtc_extract_placeholder(mtc_extract *ex, size_t src, size_t src_end);
void mtc_extract_break(mtc_extract *ex);
/* Appends lit (decoded prose) whose source text starts near src[hint] and
 * ends before src[limit]: aligns the two, skipping backslash escapes,
 * character references and markup, so each byte maps to its source byte.
 * Returns the source position after the aligned text. */
size_t mtc_extract_aligned(mtc_extract *ex, const char *lit, size_t n, const char *src,
                           size_t hint, size_t limit);
/* Feeds every <!-- ... --> comment in src[from, to) to the suppressions. */
void mtc_extract_comments(mtc_extract *ex, const char *src, size_t from, size_t to);
/* Finishes the maps (map[len] = end of the last text; both clamped to the
 * source). */
void mtc_extract_finish(mtc_extract *ex, size_t src_len);

/* Markdown (cmark-gfm, with GFM tables): headings, paragraphs, list items,
 * block quotes and table cells; not code, HTML, link destinations, images
 * or YAML front matter. */
mtc_status mtc_read_markdown(const char *src, size_t len, mtc_extract *ex, mtc_error *err);
/* HTML (gumbo): the text of the body, not script, style, nav, header,
 * footer, aside, form, noscript, template, pre or code; character
 * references decoded; block elements end paragraphs. */
mtc_status mtc_read_html(const char *src, size_t len, mtc_extract *ex, mtc_error *err);

/* Plain text (reader_text.c): feeds the suppression directive lines
 * ("[mtcheck-disable RULE]" alone on a line; suppress.h) to sup. When there
 * is one, *blanked is a malloc'ed copy of src (NUL-terminated, same length)
 * with the directive lines turned into spaces, the text to check; else
 * *blanked is NULL and src is checked as it is. src is NUL-terminated. */
mtc_status mtc_read_text(const char *src, size_t len, char **blanked, mtc_suppress_builder *sup,
                         mtc_error *err);

#endif
