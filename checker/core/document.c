/* document.c — the document model: takes the text (and, for Markdown and
 * HTML, the source and its map) from the loader (input/loader.c), indexes
 * the source's lines, counts words, and answers "where in the source is text
 * byte N" (offset, line and column, character count): the one position
 * function every reporter uses. Reads no file and knows no format or
 * analysis; segment.c and tokenize.c fill the paragraph, sentence and token
 * arrays. Owns every buffer of the document. */
#include "document.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "utf8.h"

static void index_lines(mtc_document *doc)
{
    const char *s = doc->source;
    size_t n = doc->source_len;
    size_t cap = 0;
    doc->n_lines = 0;
    mtc_grow((void **)&doc->line_starts, &cap, 1, sizeof *doc->line_starts);
    doc->line_starts[doc->n_lines++] = 0;
    free(doc->col_marks);
    free(doc->char_marks);
    doc->n_col_marks = n / MTC_COL_BLOCK + 1;
    doc->col_marks = mtc_xmalloc(doc->n_col_marks * sizeof *doc->col_marks);
    doc->char_marks = mtc_xmalloc(doc->n_col_marks * sizeof *doc->char_marks);
    uint32_t col = 0;  /* code points since the start of the current line */
    size_t line0 = 0;  /* code points before the current line */
    size_t next_mark = 0; /* the next multiple of MTC_COL_BLOCK */
    for (size_t i = 0; i < n; i++) {
        if (i == next_mark) {
            doc->col_marks[i / MTC_COL_BLOCK] = col;
            doc->char_marks[i / MTC_COL_BLOCK] = line0 + col;
            next_mark += MTC_COL_BLOCK;
        }
        if ((i & 7) == 0 && i + 8 <= n) {
            /* eight bytes at once when none is \n or \r (or another byte
             * below 0x0E): count those that start a character */
            uint64_t v;
            memcpy(&v, s + i, 8);
            const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
            if (!((v - ones * 0x0E) & ~v & highs)) {
                uint64_t cont = v & ~(v << 1) & highs; /* 10xxxxxx bytes */
                col += 8 - mtc_count_high(cont);
                i += 7;
                continue;
            }
        }
        unsigned char c = (unsigned char)s[i];
        if (c > '\r') { /* neither \n nor \r: the common case */
            col += (c & 0xC0) != 0x80;
            continue;
        }
        if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= n || s[i + 1] != '\n'))) {
            mtc_grow((void **)&doc->line_starts, &cap, doc->n_lines + 1,
                     sizeof *doc->line_starts);
            doc->line_starts[doc->n_lines++] = i + 1;
            line0 += col + 1; /* the line's characters and its \n or \r */
            col = 0;
        } else if ((((unsigned char)s[i]) & 0xC0) != 0x80) {
            col++;
        }
    }
    if (n % MTC_COL_BLOCK == 0) {
        doc->col_marks[n / MTC_COL_BLOCK] = col;
        doc->char_marks[n / MTC_COL_BLOCK] = line0 + col;
    }
}

size_t mtc_document_source_chars(const mtc_document *doc, size_t src)
{
    if (src > doc->source_len)
        src = doc->source_len;
    size_t k = src / MTC_COL_BLOCK;
    if (k >= doc->n_col_marks)
        return mtc_utf8_count(doc->source, src);
    size_t block = k * MTC_COL_BLOCK;
    return doc->char_marks[k] + mtc_utf8_count(doc->source + block, src - block);
}

static size_t count_words(const char *s, size_t len)
{
    /* whitespace-separated words, as the benchmark (and wc -w) count them */
    size_t words = 0;
    int in_word = 0;
    size_t i = 0;
    while (i < len) {
        if (MTC_LITTLE_ENDIAN && i + 8 <= len) {
            uint64_t v = mtc_load8(s + i);
            if (!mtc_has_high(v)) { /* eight ASCII bytes: words start after spaces */
                uint64_t sp = mtc_space_mask(v);
                uint64_t after_space = (sp << 8) | (in_word ? 0 : 0x80);
                words += mtc_count_high(~sp & after_space & 0x8080808080808080ull);
                in_word = !(sp >> 63);
                i += 8;
                continue;
            }
        }
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) { /* ASCII: the same steps, inlined */
            int space = mtc_ascii_is_space(c);
            words += !space && !in_word;
            in_word = !space;
            i++;
            continue;
        }
        int32_t cp;
        int n = mtc_utf8_next(s, len, i, &cp);
        int space = mtc_cp_is_space(cp);
        if (!space && !in_word)
            words++;
        in_word = !space;
        i += (size_t)n;
    }
    return words;
}

mtc_document *mtc_document_new(const char *path, char *text, size_t len, char *source,
                               size_t source_len, mtc_srcmap *map)
{
    mtc_document *doc = mtc_xcalloc(1, sizeof *doc);
    doc->path = mtc_xstrdup(path ? path : "-");
    strcpy(doc->encoding, "UTF-8");
    doc->text = text;
    doc->len = len;
    doc->source = source ? source : text;
    doc->source_len = source ? source_len : len;
    doc->map = map;
    index_lines(doc);
    doc->n_words = count_words(text, len);
    return doc;
}

void mtc_document_free(mtc_document *doc)
{
    if (!doc)
        return;
    if (doc->source != doc->text)
        free(doc->source);
    free(doc->text);
    mtc_srcmap_free(doc->map);
    free(doc->path);
    free(doc->line_starts);
    free(doc->col_marks);
    free(doc->char_marks);
    free(doc->paragraphs);
    free(doc->sentences);
    free(doc->tokens);
    free(doc->words);
    free(doc->word_text);
    free(doc->suppressions);
    free(doc);
}

const char *mtc_document_path(const mtc_document *doc)
{
    return doc->path;
}

const char *mtc_document_encoding(const mtc_document *doc, int *detected)
{
    if (detected)
        *detected = doc->encoding_detected;
    return doc->encoding;
}

size_t mtc_document_words(const mtc_document *doc)
{
    return doc->n_words;
}

/* The run of m holding text byte off: the last one starting at or before it. */
static size_t srcmap_run(const mtc_srcmap *m, size_t off)
{
    size_t lo = 0, hi = m->n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->text[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* Text byte off read through base (m->src or m->src_end): its run's value
 * plus the run's step for each byte before it, clamped to the source. */
static size_t srcmap_at(const mtc_srcmap *m, const size_t *base, size_t off)
{
    if (m->n == 0)
        return 0;
    size_t k = srcmap_run(m, off);
    size_t v = base[k] + (off > m->text[k] ? (off - m->text[k]) * m->step[k] : 0);
    return v < m->source_len ? v : m->source_len;
}

size_t mtc_srcmap_start(const mtc_srcmap *m, size_t off)
{
    return srcmap_at(m, m->src, off);
}

size_t mtc_srcmap_end(const mtc_srcmap *m, size_t off)
{
    return srcmap_at(m, m->src_end, off);
}

void mtc_srcmap_free(mtc_srcmap *m)
{
    if (!m)
        return;
    free(m->text);
    free(m->src);
    free(m->src_end);
    free(m->step);
    free(m);
}

size_t mtc_document_source_offset(const mtc_document *doc, size_t off)
{
    if (off > doc->len)
        off = doc->len;
    return doc->map ? mtc_srcmap_start(doc->map, off) : off;
}

size_t mtc_document_source_end(const mtc_document *doc, size_t off)
{
    if (off > doc->len)
        off = doc->len;
    if (!doc->map)
        return off;
    return off == 0 ? mtc_srcmap_start(doc->map, 0) : mtc_srcmap_end(doc->map, off - 1);
}

size_t mtc_document_line_index(const mtc_document *doc, size_t src)
{
    size_t lo = 0, hi = doc->n_lines; /* find last line start <= src */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->line_starts[mid] <= src)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

size_t mtc_tok_sentence(const mtc_document *doc, size_t tok)
{
    /* the last sentence starting at or before tok: sentences own their
     * tokens in order, and an empty one has the first token of the next,
     * so the last of equal first tokens is the one that holds tok */
    size_t lo = 0, hi = doc->n_sentences;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->sentences[mid].first_token <= tok)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

void mtc_document_line_col(const mtc_document *doc, size_t off, long *line, long *col)
{
    mtc_document_source_line_col(doc, mtc_document_source_offset(doc, off), line, col);
}

void mtc_document_source_line_col(const mtc_document *doc, size_t src, long *line, long *col)
{
    if (src > doc->source_len)
        src = doc->source_len;
    size_t lo = mtc_document_line_index(doc, src);
    *line = (long)lo + 1;
    size_t ls = doc->line_starts[lo];
    size_t block = src / MTC_COL_BLOCK * MTC_COL_BLOCK;
    if (block > ls && block / MTC_COL_BLOCK < doc->n_col_marks)
        /* from the checkpoint: a character cut by the block edge is counted
         * once, by its first byte (continuation bytes never count) */
        *col = (long)doc->col_marks[block / MTC_COL_BLOCK] +
               (long)mtc_utf8_count(doc->source + block, src - block) + 1;
    else
        *col = (long)mtc_utf8_count(doc->source + ls, src - ls) + 1;
}
