/* reader_extract.c — the text-and-map builder the readers share
 * (reader.h): folds whitespace, separates paragraphs with blank lines and
 * aligns decoded prose with its source so every byte keeps its source
 * position. Owns the buffers until the caller takes them. */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "reader.h"
#include "utf8.h"

void mtc_extract_init(mtc_extract *ex)
{
    memset(ex, 0, sizeof *ex);
}

void mtc_extract_free(mtc_extract *ex)
{
    mtc_buf_free(&ex->text);
    mtc_srcmap_free(ex->map);
    mtc_suppress_builder_free(&ex->sup);
    memset(ex, 0, sizeof *ex);
}

/* Appends a run of one byte (step 0 until a next byte continues it). */
static void srcmap_push(mtc_srcmap *m, size_t text, size_t src, size_t src_end)
{
    if (m->n == m->cap) {
        size_t cap = m->cap;
        mtc_grow((void **)&m->text, &cap, m->n + 1, sizeof *m->text);
        cap = m->cap;
        mtc_grow((void **)&m->src, &cap, m->n + 1, sizeof *m->src);
        cap = m->cap;
        mtc_grow((void **)&m->src_end, &cap, m->n + 1, sizeof *m->src_end);
        cap = m->cap;
        mtc_grow((void **)&m->step, &cap, m->n + 1, sizeof *m->step);
        m->cap = cap;
    }
    m->text[m->n] = text;
    m->src[m->n] = src;
    m->src_end[m->n] = src_end;
    m->step[m->n] = 0;
    m->n++;
}

/* Maps text byte ex->text.len to the source span [src, src_end): the run
 * open at the end goes on when the byte continues it (the next source
 * byte after copied prose, the same span after a decoded one), else a run
 * starts. */
static void map_put(mtc_extract *ex, size_t src, size_t src_end)
{
    if (!ex->map)
        ex->map = mtc_xcalloc(1, sizeof *ex->map);
    mtc_srcmap *m = ex->map;
    size_t at = ex->text.len;
    if (m->n > 0) {
        size_t k = m->n - 1, len = at - m->text[k];
        if (len == 1 && m->step[k] == 0 && src == ex->prev_src + 1 && src_end == ex->prev_end + 1) {
            m->step[k] = 1; /* a run of one byte becomes a run of copies */
            return;
        }
        if (m->step[k] == 1 ? src == ex->prev_src + 1 && src_end == ex->prev_end + 1
                            : src == ex->prev_src && src_end == ex->prev_end && len > 0)
            return;
    }
    srcmap_push(m, at, src, src_end);
}

static void raw_put(mtc_extract *ex, char c, size_t src, size_t src_end)
{
    /* the maps never go backwards (an alignment that resynchronised too
     * far must not give a later byte an earlier source position) */
    if (ex->text.len > 0 && src < ex->prev_src)
        src = ex->prev_src;
    if (ex->text.len > 0 && src_end < ex->prev_end)
        src_end = ex->prev_end;
    if (src_end < src)
        src_end = src;
    map_put(ex, src, src_end);
    ex->prev_src = src;
    ex->prev_end = src_end;
    mtc_buf_putc(&ex->text, c);
}

void mtc_extract_putc(mtc_extract *ex, char c, size_t src)
{
    mtc_extract_putc_span(ex, c, src, src + 1);
}

void mtc_extract_putc_span(mtc_extract *ex, char c, size_t src, size_t src_end)
{
    int space = mtc_ascii_is_space((unsigned char)c);
    if (space) {
        if (ex->text.len == 0 || ex->pending_break || ex->text.data[ex->text.len - 1] == ' ' ||
            ex->text.data[ex->text.len - 1] == '\n')
            return;
        c = ' ';
    }
    if (ex->pending_break) {
        if (ex->text.len > 0) {
            raw_put(ex, '\n', ex->last_src, ex->last_src);
            raw_put(ex, '\n', ex->last_src, ex->last_src);
        }
        ex->pending_break = 0;
    }
    raw_put(ex, c, src, src_end);
    ex->last_src = src_end;
}

void mtc_extract_placeholder(mtc_extract *ex, size_t src, size_t src_end)
{
    if (src_end <= src)
        src_end = src + 1;
    /* U+FFFC in UTF-8; every byte maps to the whole code span */
    mtc_extract_putc_span(ex, (char)0xEF, src, src_end);
    mtc_extract_putc_span(ex, (char)0xBF, src, src_end);
    mtc_extract_putc_span(ex, (char)0xBC, src, src_end);
}

void mtc_extract_break(mtc_extract *ex)
{
    /* drop a trailing space of the paragraph */
    if (ex->text.len > 0 && ex->text.data[ex->text.len - 1] == ' ') {
        ex->text.len--;
        ex->text.data[ex->text.len] = '\0';
        /* and its place in the map: a run that started at it goes, and the
         * last byte's span is the one before it again */
        mtc_srcmap *m = ex->map;
        while (m && m->n > 0 && m->text[m->n - 1] >= ex->text.len)
            m->n--;
        if (m && m->n > 0 && ex->text.len > 0) {
            size_t k = m->n - 1, d = (ex->text.len - 1 - m->text[k]) * m->step[k];
            ex->prev_src = m->src[k] + d; /* unclamped: the source length comes at the end */
            ex->prev_end = m->src_end[k] + d;
        } else {
            ex->prev_src = ex->prev_end = 0;
        }
    }
    if (ex->text.len > 0)
        ex->pending_break = 1;
}

/* The end (after ';') of a character reference &name; &#N; &#xN; at
 * src[s], or 0. */
static size_t reference_end(const char *src, size_t s, size_t limit)
{
    size_t e = s + 1;
    if (e < limit && src[e] == '#')
        e++;
    size_t start = e;
    while (e < limit && e < s + 40 && mtc_ascii_is_alnum((unsigned char)src[e]))
        e++;
    return e > start && e < limit && src[e] == ';' ? e + 1 : 0;
}

size_t mtc_extract_aligned(mtc_extract *ex, const char *lit, size_t n, const char *src,
                           size_t hint, size_t limit)
{
    size_t s = hint;
    size_t i = 0;
    while (i < n) {
        char c = lit[i];
        size_t ref = s < limit && src[s] == '&' ? reference_end(src, s, limit) : 0;
        if (ref && (ref - s > n - i || memcmp(lit + i, src + s, ref - s) != 0)) {
            /* a character reference, decoded in the literal: the whole code
             * point starts at its '&' and ends after its ';' */
            int32_t cp;
            int k = mtc_utf8_next(lit, n, i, &cp);
            for (int j = 0; j < k; j++)
                mtc_extract_putc_span(ex, lit[i + j], s, ref);
            i += (size_t)k;
            s = ref;
            continue;
        }
        if (s < limit && src[s] == c) {
            mtc_extract_putc(ex, c, s);
            s++, i++;
            continue;
        }
        if (s + 1 < limit && src[s] == '\\' && src[s + 1] == c) {
            s++;
            continue;
        }
        /* resynchronise: the next few literal bytes, a little further on */
        size_t want = n - i < 4 ? n - i : 4;
        size_t found = (size_t)-1;
        for (size_t p = s; p + want <= limit && p < s + 64; p++)
            if (memcmp(src + p, lit + i, want) == 0) {
                found = p;
                break;
            }
        if (found != (size_t)-1 && found != s) {
            s = found;
            continue;
        }
        /* no match: keep the byte at the current position */
        mtc_extract_putc(ex, c, s < limit ? s : (limit ? limit - 1 : 0));
        i++;
    }
    return s;
}

static size_t find_from(const char *s, size_t from, size_t to, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t p = from; p + n <= to; p++)
        if (memcmp(s + p, needle, n) == 0)
            return p;
    return (size_t)-1;
}

void mtc_extract_comments(mtc_extract *ex, const char *src, size_t from, size_t to)
{
    size_t p = from;
    while (p < to) {
        size_t a = find_from(src, p, to, "<!--");
        if (a == (size_t)-1)
            break;
        size_t b = find_from(src, a + 4, to, "-->");
        if (b == (size_t)-1)
            break;
        mtc_suppress_comment(&ex->sup, src + a + 4, b - a - 4, a, b + 3);
        p = b + 3;
    }
}

void mtc_extract_finish(mtc_extract *ex, size_t src_len)
{
    mtc_extract_break(ex);
    ex->pending_break = 0;
    /* the text's end: a run of its own (after the last byte, at its source
     * end; nothing starts there) */
    size_t end = ex->text.len ? ex->last_src : 0;
    if (!ex->map)
        ex->map = mtc_xcalloc(1, sizeof *ex->map);
    mtc_srcmap *m = ex->map;
    srcmap_push(m, ex->text.len, end, end);
    /* every position inside the source, whatever a reader passed (clamped
     * on reading, which keeps the maps from going backwards) */
    m->source_len = src_len;
    if (!ex->text.data)
        mtc_buf_puts(&ex->text, "");
}
