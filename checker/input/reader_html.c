/* reader_html.c — HTML articles (gumbo, an HTML5 parser): the text of the
 * body, with character references decoded and every byte aligned with its
 * source byte. Skipped elements: head, script, style, noscript, template,
 * nav, header, footer, aside, form, button, select, textarea, pre, code,
 * svg, math, iframe, object. Block elements (p, div, h1-h6, li, td,
 * blockquote, br...) end paragraphs; whitespace is folded. Comments feed
 * the suppressions. Owns the parse tree while reading; walks it with an
 * explicit stack (no recursion on deep documents). */
#include <stdlib.h>
#include <string.h>

#include <gumbo.h>

#include "alloc.h"
#include "input_limits.h"
#include "reader.h"
#include "utf8.h"

static int skipped(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_PRE: case GUMBO_TAG_CODE: case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_TITLE:
        return 1;
    default:
        return 0;
    }
}

static int is_block(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_TD:
    case GUMBO_TAG_TH: case GUMBO_TAG_CAPTION: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_BR:
    case GUMBO_TAG_HR: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_BODY: case GUMBO_TAG_HTML: case GUMBO_TAG_IMG:
        return 1;
    default:
        return 0;
    }
}

typedef struct frame {
    const GumboNode *node;
    unsigned int next; /* next child */
} frame;

/* Aligns a text node. gumbo 0.10 can hand back invalid UTF-8 (a numeric
 * reference too large for 32 bits, "&#x2014eeeeeeee", becomes one stray
 * byte): such bytes become U+FFFD, so the prose is always valid UTF-8. */
static void put_text(mtc_extract *ex, const char *t, const char *src, size_t at, size_t limit)
{
    size_t n = strlen(t), bad;
    if (mtc_utf8_validate(t, n, &bad)) {
        mtc_extract_aligned(ex, t, n, src, at, limit);
        return;
    }
    mtc_buf clean = MTC_BUF_INIT;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        int k = mtc_utf8_next(t, n, i, &cp);
        if (cp < 0)
            mtc_buf_puts(&clean, "\xEF\xBF\xBD");
        else
            mtc_buf_put(&clean, t + i, (size_t)k);
        i += (size_t)k;
    }
    mtc_extract_aligned(ex, clean.data, clean.len, src, at, limit);
    mtc_buf_free(&clean);
}

mtc_status mtc_read_html(const char *src, size_t len, mtc_extract *ex, mtc_error *err)
{
    size_t too_deep;
    if (mtc_html_nesting_exceeds(src, len, MTC_HTML_MAX_DEPTH, &too_deep)) {
        /* gumbo would build (and free recursively) a tree that deep */
        mtc_error_set(err, MTC_ERR_LIMIT, NULL, (long long)too_deep, -1,
                      "HTML elements nested deeper than %d: not read", MTC_HTML_MAX_DEPTH);
        return MTC_ERR_LIMIT;
    }
    GumboOptions opts = kGumboDefaultOptions;
    opts.max_errors = 0; /* we do not read parse errors */
    GumboOutput *out = gumbo_parse_with_options(&opts, src, len);
    if (!out) {
        mtc_extract_finish(ex, len);
        return MTC_OK;
    }
    size_t cap = 64, depth = 0;
    frame *stack = mtc_xmalloc(cap * sizeof *stack);
    stack[depth].node = out->document;
    stack[depth].next = 0;
    depth++;
    while (depth > 0) {
        frame *f = &stack[depth - 1];
        const GumboNode *n = f->node;
        const GumboVector *kids = n->type == GUMBO_NODE_DOCUMENT ? &n->v.document.children
                                  : n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE
                                      ? &n->v.element.children
                                      : NULL;
        if (!kids || f->next >= kids->length) {
            if ((n->type == GUMBO_NODE_ELEMENT) && is_block(n->v.element.tag))
                mtc_extract_break(ex);
            depth--;
            continue;
        }
        const GumboNode *c = kids->data[f->next++];
        switch (c->type) {
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE:
            if (c->v.element.tag == GUMBO_TAG_CODE && c->v.element.original_tag.data >= src &&
                c->v.element.original_tag.data < src + len) {
                /* inline code: a placeholder over the element */
                const GumboStringPiece *ot = &c->v.element.original_tag,
                                       *et = &c->v.element.original_end_tag;
                size_t a = (size_t)(ot->data - src), b = a + ot->length;
                if (et->data && et->data >= src && et->data + et->length <= src + len &&
                    (size_t)(et->data - src) >= b)
                    b = (size_t)(et->data - src) + et->length;
                mtc_extract_placeholder(ex, a, b <= len ? b : len);
                break;
            }
            if (skipped(c->v.element.tag))
                break;
            if (is_block(c->v.element.tag))
                mtc_extract_break(ex);
            if (depth == cap) {
                cap *= 2;
                stack = mtc_xrealloc(stack, cap * sizeof *stack);
            }
            stack[depth].node = c;
            stack[depth].next = 0;
            depth++;
            break;
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_WHITESPACE:
        case GUMBO_NODE_CDATA: {
            const char *t = c->v.text.text;
            size_t at = c->v.text.start_pos.offset;
            size_t olen = c->v.text.original_text.length;
            if (c->v.text.original_text.data >= src && c->v.text.original_text.data <= src + len)
                at = (size_t)(c->v.text.original_text.data - src);
            if (at > len)
                at = len;
            size_t limit = at + olen <= len ? at + olen : len;
            put_text(ex, t, src, at, limit);
            break;
        }
        case GUMBO_NODE_COMMENT: {
            const GumboStringPiece *o = &c->v.text.original_text;
            if (o->data >= src && o->data + o->length <= src + len) {
                size_t a = (size_t)(o->data - src);
                mtc_extract_comments(ex, src, a, a + o->length);
            }
            break;
        }
        default:
            break;
        }
    }
    free(stack);
    gumbo_destroy_output(&opts, out);
    mtc_extract_finish(ex, len);
    return MTC_OK;
}
