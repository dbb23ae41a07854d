/* reader_markdown.c — Markdown articles (cmark-gfm with the GFM table
 * extension, source positions on): the prose of headings (each its own
 * headline paragraph), paragraphs, list items, block quotes and table
 * cells, aligned byte by byte with the source. Skipped: YAML front matter
 * (blanked before parsing, so positions stay), code blocks, inline code
 * (a placeholder stands for it: mtc_extract_placeholder), HTML blocks and
 * inline HTML (scanned for suppression comments), images and link
 * destinations. Owns the parser and tree while reading. */
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "alloc.h"
#include "input_limits.h"
#include "reader.h"
#include "utf8.h"

/* Byte offset of 1-based (line, column) using the line starts. */
typedef struct lines {
    size_t *start;
    size_t n;
    size_t len;
} lines;

static void index_lines(lines *L, const char *s, size_t n)
{
    size_t cap = 0;
    L->n = 0;
    L->len = n;
    L->start = NULL;
    mtc_grow((void **)&L->start, &cap, 1, sizeof *L->start);
    L->start[L->n++] = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= n || s[i + 1] != '\n'))) {
            mtc_grow((void **)&L->start, &cap, L->n + 1, sizeof *L->start);
            L->start[L->n++] = i + 1;
        }
}

static size_t offset_of(const lines *L, int line, int col)
{
    if (line < 1 || (size_t)line > L->n)
        return (size_t)-1;
    size_t off = L->start[line - 1] + (size_t)(col > 0 ? col - 1 : 0);
    return off > L->len ? L->len : off;
}

/* Length of a YAML front matter block at the start ("---" ... "---" or
 * "..."), 0 if none. */
static size_t front_matter(const char *s, size_t n)
{
    if (n < 4 || memcmp(s, "---", 3) != 0 || (s[3] != '\n' && s[3] != '\r'))
        return 0;
    size_t i = s[3] == '\r' && n > 4 && s[4] == '\n' ? 5 : 4;
    while (i < n) {
        size_t e = i;
        while (e < n && s[e] != '\n')
            e++;
        size_t l = e - i;
        if (l > 0 && s[i + l - 1] == '\r')
            l--;
        if (l == 3 && (memcmp(s + i, "---", 3) == 0 || memcmp(s + i, "...", 3) == 0))
            return e < n ? e + 1 : e;
        i = e + 1;
    }
    return 0; /* not closed: not front matter */
}

static int is_block(cmark_node_type t, const char *type_string)
{
    return t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING || t == CMARK_NODE_ITEM ||
           t == CMARK_NODE_BLOCK_QUOTE || t == CMARK_NODE_LIST ||
           strcmp(type_string, "table_cell") == 0 || strcmp(type_string, "table_row") == 0 ||
           strcmp(type_string, "table_header") == 0;
}

mtc_status mtc_read_markdown(const char *src, size_t len, mtc_extract *ex, mtc_error *err)
{
    (void)err;
    size_t fm = front_matter(src, len);
    char *copy = NULL;
    const char *in = src;
    if (fm) {
        copy = mtc_xmalloc(len + 1);
        memcpy(copy, src, len);
        copy[len] = '\0';
        for (size_t i = 0; i < fm; i++)
            if (copy[i] != '\n' && copy[i] != '\r')
                copy[i] = ' ';
        in = copy;
    }
    lines L;
    index_lines(&L, src, len);

    cmark_gfm_core_extensions_ensure_registered();
    cmark_parser *parser = cmark_parser_new(CMARK_OPT_SOURCEPOS);
    cmark_syntax_extension *table = cmark_find_syntax_extension("table");
    /* cmark-gfm pads every row to its header's width: tables that would
     * make more cells than the budget are read as text (input_limits.h) */
    size_t table_at, cell_budget = len * 8 > MTC_MARKDOWN_MIN_CELL_BUDGET
                                       ? len * 8
                                       : MTC_MARKDOWN_MIN_CELL_BUDGET;
    if (table && mtc_markdown_table_cells(in, len, &table_at) <= cell_budget)
        cmark_parser_attach_syntax_extension(parser, table);
    cmark_parser_feed(parser, in, len);
    cmark_node *root = cmark_parser_finish(parser);

    size_t cursor = 0;
    size_t limit = len; /* the end of the leaf block being read: an alignment
                         * never runs into the next block */
    cmark_iter *it = cmark_iter_new(root);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *node = cmark_iter_get_node(it);
        cmark_node_type t = cmark_node_get_type(node);
        const char *ts = cmark_node_get_type_string(node);
        size_t at = offset_of(&L, cmark_node_get_start_line(node), cmark_node_get_start_column(node));
        if (is_block(t, ts)) {
            mtc_extract_break(ex);
            if (ev == CMARK_EVENT_ENTER && at != (size_t)-1 && at > cursor)
                cursor = at;
            if (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING ||
                strcmp(ts, "table_cell") == 0) {
                size_t end = offset_of(&L, cmark_node_get_end_line(node),
                                       cmark_node_get_end_column(node));
                limit = ev == CMARK_EVENT_ENTER && end != (size_t)-1 && end >= cursor
                            ? (end < len ? end + 1 : len)
                            : len;
            }
            continue;
        }
        if (ev != CMARK_EVENT_ENTER)
            continue;
        switch (t) {
        case CMARK_NODE_TEXT: {
            const char *lit = cmark_node_get_literal(node);
            size_t n = lit ? strlen(lit) : 0;
            /* cmark-gfm's inline positions can be off (a lazy continuation
             * line of a block quote); one outside the block is not used */
            size_t hint = at != (size_t)-1 && at >= cursor && at < limit ? at : cursor;
            cursor = mtc_extract_aligned(ex, lit ? lit : "", n, src, hint,
                                         hint < limit ? limit : len);
            break;
        }
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK: {
            size_t nl = cursor;
            while (nl < len && src[nl] != '\n' && src[nl] != '\r')
                nl++;
            /* at the end of the source (an alignment that ran to the end),
             * the space takes the last byte: positions stay inside it */
            mtc_extract_putc(ex, ' ', nl < len ? nl : cursor < len ? cursor : len ? len - 1 : 0);
            if (nl < len)
                cursor = nl + 1;
            break;
        }
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_HTML_INLINE: {
            const char *lit = cmark_node_get_literal(node);
            size_t from = at != (size_t)-1 ? at : cursor;
            size_t n = lit ? strlen(lit) : 0;
            size_t extra = 0; /* CR LF in the source, LF in the literal */
            for (size_t k = 0; k < n; k++)
                extra += lit[k] == '\n';
            size_t to = from + n + extra < len ? from + n + extra : len;
            mtc_extract_comments(ex, src, from, to);
            if (t == CMARK_NODE_HTML_BLOCK)
                mtc_extract_break(ex);
            break;
        }
        case CMARK_NODE_CODE_BLOCK:
            mtc_extract_break(ex);
            break;
        case CMARK_NODE_CODE: {
            /* inline code: a placeholder over its source, backticks and all */
            size_t from = at != (size_t)-1 && at >= cursor && at < limit ? at : cursor;
            size_t to = offset_of(&L, cmark_node_get_end_line(node), cmark_node_get_end_column(node));
            to = to != (size_t)-1 && to >= from && to < limit ? to + 1 : from + 1;
            if (to > len)
                to = len;
            /* cmark-gfm's inline positions may leave the backticks out */
            while (from > cursor && src[from - 1] == '`')
                from--;
            while (to < limit && to < len && src[to] == '`')
                to++;
            if (from < len) {
                mtc_extract_placeholder(ex, from, to);
                cursor = to;
            }
            break;
        }
        case CMARK_NODE_IMAGE:
            cmark_iter_reset(it, node, CMARK_EVENT_EXIT); /* no alt text */
            break;
        default:
            break; /* inline code, emphasis, links (their text only) */
        }
    }
    cmark_iter_free(it);
    cmark_node_free(root);
    cmark_parser_free(parser);
    free(L.start);
    free(copy);
    mtc_extract_finish(ex, len);
    return MTC_OK;
}
