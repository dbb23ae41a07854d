/* document.c — builds a document: reads the file, decodes it (decode.c),
 * indexes lines, segments (segment.c) and tokenizes (tokenize.c); maps text
 * offsets to source lines and columns. Owns every buffer of the document. */
#include "document.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "decode.h"
#include "reader.h"
#include "segment.h"
#include "tokenize.h"
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

mtc_document *mtc_document_from_utf8(const char *path, char *text, size_t len)
{
    mtc_document *doc = mtc_xcalloc(1, sizeof *doc);
    doc->path = mtc_xstrdup(path ? path : "-");
    strcpy(doc->encoding, "UTF-8");
    doc->text = text;
    doc->len = len;
    doc->source = text;
    doc->source_len = len;
    index_lines(doc);
    doc->n_words = count_words(text, len);
    mtc_segment(doc);
    mtc_tokenize(doc);
    return doc;
}

void mtc_document_free(mtc_document *doc)
{
    if (!doc)
        return;
    if (doc->source != doc->text)
        free(doc->source);
    free(doc->text);
    free(doc->map);
    free(doc->map_end);
    free(doc->path);
    free(doc->line_starts);
    free(doc->col_marks);
    free(doc->char_marks);
    free(doc->paragraphs);
    free(doc->sentences);
    free(doc->tokens);
    free(doc->suppressions);
    free(doc);
}

size_t mtc_document_source_offset(const mtc_document *doc, size_t off)
{
    if (off > doc->len)
        off = doc->len;
    return doc->map ? doc->map[off] : off;
}

size_t mtc_document_source_end(const mtc_document *doc, size_t off)
{
    if (off > doc->len)
        off = doc->len;
    if (!doc->map)
        return off;
    return off == 0 || !doc->map_end ? doc->map[off] : doc->map_end[off - 1];
}

void mtc_document_line_col(const mtc_document *doc, size_t off, long *line, long *col)
{
    mtc_document_source_line_col(doc, mtc_document_source_offset(doc, off), line, col);
}

void mtc_document_source_line_col(const mtc_document *doc, size_t src, long *line, long *col)
{
    if (src > doc->source_len)
        src = doc->source_len;
    size_t lo = 0, hi = doc->n_lines; /* find last line start <= src */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->line_starts[mid] <= src)
            lo = mid;
        else
            hi = mid;
    }
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

/* --input-format auto: by the file's extension (any case). */
static mtc_input_format input_format_of(const char *path)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    if (!dot || strchr(dot, '/'))
        return MTC_INPUT_TEXT;
    char ext[16];
    size_t n = 0;
    for (const char *p = dot + 1; *p && n + 1 < sizeof ext; p++)
        ext[n++] = (char)mtc_ascii_tolower((unsigned char)*p);
    ext[n] = '\0';
    if (strcmp(ext, "md") == 0 || strcmp(ext, "markdown") == 0)
        return MTC_INPUT_MARKDOWN;
    if (strcmp(ext, "html") == 0 || strcmp(ext, "htm") == 0)
        return MTC_INPUT_HTML;
    return MTC_INPUT_TEXT;
}

mtc_status mtc_document_from_bytes(const char *path, const char *bytes, size_t len,
                                   const char *encoding, mtc_input_format fmt,
                                   mtc_document **out, mtc_error *err)
{
    *out = NULL;
    mtc_decoded dec;
    memset(&dec, 0, sizeof dec);
    mtc_status st = mtc_decode(path, bytes, len, encoding, &dec, err);
    if (st != MTC_OK)
        return st;
    if (dec.len >= MTC_MAX_TEXT) { /* token offsets are 32-bit (document.h) */
        mtc_error_set(err, MTC_ERR_IO, path, -1, -1,
                      "input is too large: %zu bytes of text once decoded (the limit is 4 GiB)",
                      dec.len);
        free(dec.text);
        return MTC_ERR_IO;
    }
    /* Markdown and HTML readers (reader.h, issue 7): the prose becomes the
     * text, the decoded source stays for positions */
    if (fmt == MTC_INPUT_AUTO)
        fmt = input_format_of(path);
    mtc_document *doc;
    if (fmt == MTC_INPUT_MARKDOWN || fmt == MTC_INPUT_HTML) {
        mtc_extract ex;
        mtc_extract_init(&ex);
        st = fmt == MTC_INPUT_MARKDOWN ? mtc_read_markdown(dec.text, dec.len, &ex, err)
                                       : mtc_read_html(dec.text, dec.len, &ex, err);
        if (st != MTC_OK) {
            if (err && !err->path[0]) /* readers do not know the path */
                snprintf(err->path, sizeof err->path, "%s", path ? path : "-");
            mtc_extract_free(&ex);
            free(dec.text);
            return st;
        }
        size_t tlen = ex.text.len;
        doc = mtc_document_from_utf8(path, mtc_buf_detach(&ex.text), tlen);
        doc->source = dec.text;
        doc->source_len = dec.len;
        doc->map = ex.map;
        doc->map_end = ex.map_end;
        ex.map = NULL;
        ex.map_end = NULL;
        free(doc->line_starts);
        doc->line_starts = NULL;
        index_lines(doc);
        mtc_suppress_finish(&ex.sup, doc);
        mtc_extract_free(&ex);
    } else {
        doc = mtc_document_from_utf8(path, dec.text, dec.len);
    }
    snprintf(doc->encoding, sizeof doc->encoding, "%s", dec.encoding);
    doc->encoding_detected = dec.detected;
    doc->source_base = dec.bom_bytes;
    *out = doc;
    return MTC_OK;
}

/* Reads all of fd; refuses more than max_bytes (0 = no limit). */
static mtc_status read_all(int fd, const char *path, size_t max_bytes, char **data, size_t *len,
                           mtc_error *err)
{
    size_t cap = 0, n = 0;
    char *buf = NULL;
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        if (max_bytes && (unsigned long long)st.st_size > max_bytes) {
            mtc_error_set(err, MTC_ERR_IO, path, -1, -1,
                          "file is %lld bytes, more than --max-bytes %zu", (long long)st.st_size,
                          max_bytes);
            return MTC_ERR_IO;
        }
        cap = (size_t)st.st_size + 1;
        buf = mtc_xmalloc(cap);
    }
    for (;;) {
        if (n + 65536 + 1 > cap)
            mtc_grow((void **)&buf, &cap, n + 65536 + 1, 1);
        ssize_t r = read(fd, buf + n, cap - n - 1);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            mtc_error_set(err, MTC_ERR_IO, path, -1, -1, "cannot read: %s", strerror(errno));
            free(buf);
            return MTC_ERR_IO;
        }
        if (r == 0)
            break;
        n += (size_t)r;
        if (max_bytes && n > max_bytes) {
            mtc_error_set(err, MTC_ERR_IO, path, -1, -1, "input is larger than --max-bytes %zu",
                          max_bytes);
            free(buf);
            return MTC_ERR_IO;
        }
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return MTC_OK;
}

mtc_status mtc_document_load(const char *path, const char *encoding, mtc_input_format fmt,
                             size_t max_bytes, mtc_document **out, mtc_error *err)
{
    *out = NULL;
    int fd;
    int is_stdin = strcmp(path, "-") == 0;
    if (is_stdin) {
        fd = STDIN_FILENO;
    } else {
        fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
        if (fd < 0) {
            mtc_error_set(err, MTC_ERR_IO, path, -1, -1, "cannot open: %s", strerror(errno));
            return MTC_ERR_IO;
        }
        struct stat st;
        if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
            mtc_error_set(err, MTC_ERR_IO, path, -1, -1, "is a directory");
            close(fd);
            return MTC_ERR_IO;
        }
        if (!S_ISREG(st.st_mode)) {
            mtc_error_set(err, MTC_ERR_IO, path, -1, -1,
                          "not a regular file (FIFO, device or socket); pipe it to '-' instead");
            close(fd);
            return MTC_ERR_IO;
        }
        /* regular file: back to blocking reads */
        int fl = fcntl(fd, F_GETFL);
        if (fl >= 0)
            fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    }
    char *data = NULL;
    size_t len = 0;
    mtc_status st = read_all(fd, is_stdin ? "<stdin>" : path, max_bytes, &data, &len, err);
    if (!is_stdin)
        close(fd);
    if (st != MTC_OK)
        return st;
    st = mtc_document_from_bytes(path, data, len, encoding, fmt, out, err);
    free(data);
    return st;
}
