/* report_html_text.c — the article text of the HTML report: paragraphs as
 * blocks, every issue highlighted at its exact span by a <mark>, sentence
 * anchors for the heat strip and the score badges (see mtc_html_text in
 * report_html_text.h). Overlaps: issues open in order of start (longer first),
 * so an issue inside another nests; when an issue ends while issues opened
 * after it are still open, those are closed and reopened as continuation
 * pieces. With the article's source, each paragraph is followed by the
 * source paragraph(s) aligned with it, the source spans of the source.*
 * issues linked to their marks. Owns only temporary arrays. */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "document.h"
#include "escape.h"
#include "report_html_text.h"
#include "source_align.h"

typedef struct block {
    size_t start, end;
    int kind; /* 0 paragraph, 1 headline, 2 gap */
    size_t para; /* paragraph index (kinds 0 and 1) */
} block;

/* Text bytes [from, to) escaped; an inline-code placeholder (U+FFFC, see
 * mtc_extract_placeholder) shows the code it stands for, as <code>, from
 * the source without its backticks or tags. */
static void put_prose(mtc_buf *b, const mtc_document *doc, size_t from, size_t to)
{
    size_t i = from;
    while (i < to) {
        const char *p = doc->map ? memchr(doc->text + i, 0xEF, to - i) : NULL;
        while (p && !((size_t)(p - doc->text) + 3 <= to && (unsigned char)p[1] == 0xBF &&
                      (unsigned char)p[2] == 0xBC)) {
            size_t at = (size_t)(p - doc->text) + 1;
            p = at < to ? memchr(doc->text + at, 0xEF, to - at) : NULL;
        }
        size_t at = p ? (size_t)(p - doc->text) : to;
        mtc_escape_html(b, doc->text + i, at - i);
        if (!p)
            break;
        size_t s0 = mtc_document_source_offset(doc, at), s1 = mtc_document_source_end(doc, at + 3);
        if (s1 > doc->source_len)
            s1 = doc->source_len;
        const char *src = doc->source;
        if (s0 < s1 && src[s0] == '<') { /* <code>...</code> */
            const char *gt = memchr(src + s0, '>', s1 - s0);
            s0 = gt ? (size_t)(gt - src) + 1 : s1;
            while (s1 > s0 && src[s1 - 1] != '<')
                s1--;
            if (s1 > s0)
                s1--;
        } else {
            while (s0 < s1 && src[s0] == '`')
                s0++;
            while (s1 > s0 && src[s1 - 1] == '`')
                s1--;
        }
        mtc_buf_puts(b, "<code>");
        mtc_escape_html(b, src + s0, s1 > s0 ? s1 - s0 : 0);
        mtc_buf_puts(b, "</code>");
        i = at + 3;
    }
}

typedef struct render {
    mtc_buf *b;
    const mtc_result *res;
    const mtc_document *doc;
    const char *prefix;
    size_t n;            /* issues */
    size_t *s, *e;       /* clamped spans */
    size_t *ord;         /* issue indices by start, longer first */
    unsigned char *done; /* opened (head written) */
    size_t k;            /* first ord entry not yet opened */
    size_t *stack;       /* logically open issues, outermost first */
    size_t depth;
    size_t next_sent;
    const mtc_source_align *al; /* the article aligned with its source, or NULL */
} render;

typedef struct span_ref {
    size_t s, e, i;
} span_ref;

static int cmp_span(const void *a, const void *b)
{
    const span_ref *x = a, *y = b;
    if (x->s != y->s)
        return x->s < y->s ? -1 : 1;
    if (x->e != y->e)
        return x->e > y->e ? -1 : 1; /* longer first: it is the outer element */
    return x->i < y->i ? -1 : x->i > y->i;
}

const char *mtc_html_score_class(double score)
{
    if (score >= 95)
        return "h4";
    if (score >= 80)
        return "h3";
    if (score >= 60)
        return "h2";
    if (score >= 40)
        return "h1";
    return "h0";
}

void mtc_html_issue_tip(mtc_buf *b, const mtc_issue *is)
{
    mtc_buf_printf(b, "%s \xC2\xB7 %s \xC2\xB7 %s\n", mtc_severity_name(is->severity), is->category,
                   is->rule);
    mtc_buf_puts(b, is->message ? is->message : "");
    if (is->n_suggestions) {
        mtc_buf_puts(b, "\nSuggestion: ");
        for (size_t k = 0; k < is->n_suggestions; k++) {
            if (k)
                mtc_buf_puts(b, " \xC2\xB7 ");
            mtc_buf_puts(b, is->suggestions[k]);
        }
    }
}

static void attr(mtc_buf *b, const char *name, const char *value, size_t len)
{
    mtc_buf_printf(b, " %s=\"", name);
    mtc_escape_html(b, value, len);
    mtc_buf_putc(b, '"');
}

static void attr_s(mtc_buf *b, const char *name, const char *value)
{
    attr(b, name, value, strlen(value));
}

/* The short label shown next to a highlight (category initial + number),
 * so categories are told apart without colour. */
static void label(mtc_buf *b, const mtc_issue *is, size_t num)
{
    char c = is->category && is->category[0] ? is->category[0] : '?';
    if (c >= 'a' && c <= 'z')
        c = (char)(c - 32);
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
        c = '?';
    mtc_buf_printf(b, " data-lab=\"%c%zu\"", c, num);
}

static void open_mark(render *r, size_t i)
{
    const mtc_issue *is = &r->res->issues[i];
    const char *sev = mtc_severity_name(is->severity);
    int head = !r->done[i];
    r->done[i] = 1;
    mtc_buf *b = r->b;
    mtc_buf_printf(b, "<mark class=\"iss s-%s%s%s\"", sev, head ? "" : " cont",
                   r->s[i] == r->e[i] ? " empty" : "");
    if (head) {
        mtc_buf_printf(b, " id=\"%sm%zu\" tabindex=\"0\" aria-describedby=\"%si%zu\"", r->prefix,
                       i + 1, r->prefix, i + 1);
        attr_s(b, "data-rule", is->rule);
        attr_s(b, "data-severity", sev);
        attr_s(b, "data-category", is->category);
        size_t ss = mtc_document_source_offset(r->doc, r->s[i]);
        size_t se = r->e[i] > r->s[i] ? mtc_document_source_end(r->doc, r->e[i]) : ss;
        mtc_buf_printf(b, " data-start=\"%zu\" data-end=\"%zu\"", r->doc->source_base + ss,
                       r->doc->source_base + (se < ss ? ss : se));
        label(b, is, i + 1);
    }
    mtc_buf_printf(b, " data-issue=\"%zu\"", i + 1);
    attr_s(b, "data-cat", is->category);
    attr_s(b, "data-sev", sev);
    mtc_buf tip = MTC_BUF_INIT;
    mtc_html_issue_tip(&tip, is);
    attr(b, "data-tip", tip.data, tip.len);
    mtc_buf_free(&tip);
    mtc_buf_putc(b, '>');
}

static void close_mark(render *r)
{
    mtc_buf_puts(r->b, "</mark>");
}

static void sentence_anchor(render *r, size_t k)
{
    double score = r->res->sentence_score ? r->res->sentence_score[k] : 100.0;
    mtc_buf_printf(r->b, "<a class=\"sa %s%s\" id=\"%ss%zu\" data-score=\"%.0f\"></a>",
                   mtc_html_score_class(score), score < MTC_HTML_LOW_SCORE ? " low" : "", r->prefix,
                   k + 1, score);
}

/* Closes every open element that ends at or before pos (and those nested
 * in it), reopening the nested ones that go on as continuations. */
static void close_at(render *r, size_t pos)
{
    size_t j = 0;
    while (j < r->depth && r->e[r->stack[j]] > pos)
        j++;
    if (j == r->depth)
        return;
    for (size_t d = r->depth; d > j; d--)
        close_mark(r);
    size_t w = j;
    for (size_t d = j; d < r->depth; d++)
        if (r->e[r->stack[d]] > pos)
            r->stack[w++] = r->stack[d];
    r->depth = w;
    for (size_t d = j; d < r->depth; d++)
        open_mark(r, r->stack[d]);
}

static void open_at(render *r, size_t pos, size_t block_end)
{
    for (size_t j = r->k; j < r->n && r->s[r->ord[j]] <= pos; j++) {
        size_t i = r->ord[j];
        if (r->done[i])
            continue;
        if (pos == block_end && r->e[i] > pos)
            continue; /* starts where this block ends: its text is in the next block */
        open_mark(r, i);
        if (r->e[i] <= pos)
            close_mark(r); /* empty span (or one whose text was never shown) */
        else
            r->stack[r->depth++] = i;
    }
    while (r->k < r->n && r->done[r->ord[r->k]])
        r->k++;
}

static void render_block(render *r, const block *bl)
{
    mtc_buf *b = r->b;
    static const char *const open_tags[] = {"<p class=\"para\">", "<p class=\"para headline\">",
                                            "<div class=\"gap\">"};
    mtc_buf_puts(b, open_tags[bl->kind]);
    /* continuations of issues that were open at the end of the last block */
    size_t w = 0;
    for (size_t d = 0; d < r->depth; d++)
        if (r->e[r->stack[d]] > bl->start)
            r->stack[w++] = r->stack[d];
    r->depth = w;
    for (size_t d = 0; d < r->depth; d++)
        open_mark(r, r->stack[d]);

    const mtc_document *doc = r->doc;
    size_t pos = bl->start;
    for (;;) {
        close_at(r, pos);
        if (pos < bl->end)
            while (r->next_sent < doc->n_sentences && doc->sentences[r->next_sent].start <= pos)
                sentence_anchor(r, r->next_sent++);
        open_at(r, pos, bl->end);
        if (pos >= bl->end)
            break;
        size_t next = bl->end;
        if (r->k < r->n && r->s[r->ord[r->k]] > pos && r->s[r->ord[r->k]] < next)
            next = r->s[r->ord[r->k]];
        for (size_t d = 0; d < r->depth; d++)
            if (r->e[r->stack[d]] < next)
                next = r->e[r->stack[d]];
        if (r->next_sent < doc->n_sentences && doc->sentences[r->next_sent].start > pos &&
            doc->sentences[r->next_sent].start < next)
            next = doc->sentences[r->next_sent].start;
        put_prose(b, doc, pos, next);
        pos = next;
    }
    for (size_t d = 0; d < r->depth; d++)
        close_mark(r); /* still logically open: reopened in the next block */
    mtc_buf_puts(b, bl->kind == 2 ? "</div>\n" : "</p>\n");
}

/* Source paragraphs [first, first + n) of the aligned source, the source
 * spans of issues linked to their marks in the translation. */
static void render_source(render *r, size_t first, size_t n)
{
    const mtc_document *src = r->al->src;
    if (!n || first + n > src->n_paragraphs)
        return;
    size_t a = src->paragraphs[first].start, e = src->paragraphs[first + n - 1].end;
    mtc_buf *b = r->b;
    mtc_buf_printf(b, "<div class=\"para source\" data-source-para=\"%zu\">", first + 1);
    size_t pos = a;
    while (pos < e) {
        size_t best = (size_t)-1; /* the issue whose source span starts first at or after pos */
        for (size_t i = 0; i < r->n; i++) {
            const mtc_issue *is = &r->res->issues[i];
            if (!is->has_source_span || is->source_start < pos || is->source_end > e ||
                is->source_end <= is->source_start)
                continue;
            if (best == (size_t)-1 || is->source_start < r->res->issues[best].source_start)
                best = i;
        }
        if (best == (size_t)-1) {
            mtc_escape_html(b, src->text + pos, e - pos);
            break;
        }
        const mtc_issue *is = &r->res->issues[best];
        mtc_escape_html(b, src->text + pos, is->source_start - pos);
        mtc_buf_printf(b, "<a class=\"src-iss s-%s\" href=\"#%sm%zu\" data-issue=\"%zu\">",
                       mtc_severity_name(is->severity), r->prefix, best + 1, best + 1);
        mtc_escape_html(b, src->text + is->source_start, is->source_end - is->source_start);
        mtc_buf_puts(b, "</a>");
        pos = is->source_end;
    }
    mtc_buf_puts(b, "</div>\n");
}

/* After translation paragraph p (SIZE_MAX: before the first): the source
 * units that end there, and source paragraphs left untranslated after it. */
static void render_sources_after(render *r, size_t p)
{
    if (!r->al)
        return;
    for (size_t k = 0; k < r->al->n_units; k++) {
        const mtc_align_unit *u = &r->al->units[k];
        int here = u->tr_n ? p != (size_t)-1 && u->tr_first + u->tr_n - 1 == p
                           : u->tr_first == (p == (size_t)-1 ? 0 : p + 1);
        if (here)
            render_source(r, u->src_first, u->src_n);
    }
}

/* Paragraph blocks, plus the gaps between them that an issue touches. */
static block *make_blocks(const render *r, size_t *nb)
{
    const mtc_document *doc = r->doc;
    block *bl = mtc_xmalloc((2 * doc->n_paragraphs + 1) * sizeof *bl);
    size_t n = 0, j = 0, max_end = 0, prev = 0;
    int any = 0;
    for (size_t p = 0; p <= doc->n_paragraphs; p++) {
        size_t gs = prev;
        size_t ge = p < doc->n_paragraphs ? doc->paragraphs[p].start : doc->len;
        if (ge < gs)
            ge = gs;
        /* issues starting before the gap's end: does one reach into it? */
        while (j < r->n && r->s[r->ord[j]] < ge) {
            if (!any || r->e[r->ord[j]] > max_end)
                max_end = r->e[r->ord[j]];
            any = 1;
            j++;
        }
        if (ge > gs && any && max_end > gs)
            bl[n++] = (block){gs, ge, 2, 0};
        if (p < doc->n_paragraphs) {
            const mtc_paragraph *pa = &doc->paragraphs[p];
            size_t end = pa->end < pa->start ? pa->start : pa->end;
            if (end > doc->len)
                end = doc->len;
            bl[n++] = (block){pa->start, end, pa->is_headline ? 1 : 0, p};
            prev = end;
        }
    }
    *nb = n;
    return bl;
}

void mtc_html_text(mtc_buf *b, const mtc_result *res, const char *prefix)
{
    const mtc_document *doc = res->doc;
    render r;
    memset(&r, 0, sizeof r);
    r.b = b;
    r.res = res;
    r.doc = doc;
    r.prefix = prefix;
    r.n = res->n_issues;
    size_t alloc_n = r.n ? r.n : 1;
    r.s = mtc_xmalloc(alloc_n * sizeof *r.s);
    r.e = mtc_xmalloc(alloc_n * sizeof *r.e);
    r.ord = mtc_xmalloc(alloc_n * sizeof *r.ord);
    r.stack = mtc_xmalloc(alloc_n * sizeof *r.stack);
    r.done = mtc_xcalloc(alloc_n, 1);
    for (size_t i = 0; i < r.n; i++) {
        size_t s = res->issues[i].start, e = res->issues[i].end;
        if (s > doc->len)
            s = doc->len;
        if (e > doc->len)
            e = doc->len;
        if (e < s)
            e = s;
        r.s[i] = s;
        r.e[i] = e;
    }
    span_ref *refs = mtc_xmalloc(alloc_n * sizeof *refs);
    for (size_t i = 0; i < r.n; i++)
        refs[i] = (span_ref){r.s[i], r.e[i], i};
    qsort(refs, r.n, sizeof *refs, cmp_span);
    for (size_t i = 0; i < r.n; i++)
        r.ord[i] = refs[i].i;
    free(refs);

    size_t nb;
    block *bl = make_blocks(&r, &nb);
    mtc_source_align *al = res->source_doc ? mtc_source_align_build(doc, res->source_doc) : NULL;
    r.al = al;
    render_sources_after(&r, (size_t)-1);
    for (size_t i = 0; i < nb; i++) {
        render_block(&r, &bl[i]);
        if (bl[i].kind != 2)
            render_sources_after(&r, bl[i].para);
    }
    mtc_source_align_free(al);
    free(bl);

    /* Anything not shown yet (an issue or a sentence outside every block):
     * still give it its element, so every issue can be found. */
    if (r.k < r.n || r.next_sent < doc->n_sentences) {
        mtc_buf_puts(b, "<div class=\"gap\">");
        while (r.next_sent < doc->n_sentences)
            sentence_anchor(&r, r.next_sent++);
        for (size_t j = r.k; j < r.n; j++)
            if (!r.done[r.ord[j]]) {
                open_mark(&r, r.ord[j]);
                close_mark(&r);
            }
        mtc_buf_puts(b, "</div>\n");
    }
    free(r.s);
    free(r.e);
    free(r.ord);
    free(r.stack);
    free(r.done);
}
