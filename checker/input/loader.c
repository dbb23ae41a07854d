/* loader.c — the input end of the pipeline, in one direction:
 *   file (or bytes) → decode (decode.c) → reader (reader_text.c,
 *   reader_markdown.c, reader_html.c) → document (core/document.c) →
 *   segment (segment.c) and tokenize (tokenize.c).
 * Picks the reader by --input-format or the file's extension, hands the
 * readers' suppression directives to the document as source ranges
 * (suppress.c), and refuses texts the model cannot hold. Owns the file's
 * bytes while reading; the document owns everything it is given. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "decode.h"
#include "document.h"
#include "reader.h"
#include "segment.h"
#include "suppress.h"
#include "tokenize.h"
#include "utf8.h"

/* The model's paragraphs, sentences and tokens. */
static mtc_document *analysed(mtc_document *doc)
{
    mtc_segment(doc);
    mtc_tokenize(doc);
    return doc;
}

mtc_document *mtc_document_from_utf8(const char *path, char *text, size_t len)
{
    return analysed(mtc_document_new(path, text, len, NULL, 0, NULL));
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
    /* the reader: Markdown and HTML prose becomes the text and the decoded
     * source stays for positions; plain text is its own source unless it
     * has suppression lines */
    if (fmt == MTC_INPUT_AUTO)
        fmt = input_format_of(path);
    mtc_document *doc;
    mtc_suppress_builder sup;
    memset(&sup, 0, sizeof sup);
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
        doc = mtc_document_new(path, mtc_buf_detach(&ex.text), tlen, dec.text, dec.len, ex.map);
        ex.map = NULL;
        sup = ex.sup;
        memset(&ex.sup, 0, sizeof ex.sup);
        mtc_extract_free(&ex);
    } else {
        char *blanked = NULL;
        st = mtc_read_text(dec.text, dec.len, &blanked, &sup, err);
        if (st != MTC_OK) {
            mtc_suppress_builder_free(&sup);
            free(dec.text);
            return st;
        }
        doc = blanked ? mtc_document_new(path, blanked, dec.len, dec.text, dec.len, NULL)
                      : mtc_document_new(path, dec.text, dec.len, NULL, 0, NULL);
    }
    mtc_suppress_finish(&sup, doc->source, doc->source_len, &doc->suppressions,
                        &doc->n_suppressions);
    analysed(doc);
    snprintf(doc->encoding, sizeof doc->encoding, "%s", dec.encoding);
    doc->encoding_detected = dec.detected;
    doc->source_base = dec.bom_bytes;
    *out = doc;
    return MTC_OK;
}

/* Reads all of fd, whose fstat is st (NULL: not known, then fstat'ed
 * here); refuses more than max_bytes (0 = no limit). A regular file is
 * read into a buffer of its size and one byte more: the read that finds
 * its end needs no bigger buffer. */
static mtc_status read_all(int fd, const struct stat *known, const char *path, size_t max_bytes,
                           char **data, size_t *len, mtc_error *err)
{
    size_t cap = 0, n = 0;
    char *buf = NULL;
    struct stat own;
    const struct stat *st = known;
    if (!st && fstat(fd, &own) == 0)
        st = &own;
    if (st && S_ISREG(st->st_mode) && st->st_size > 0) {
        if (max_bytes && (unsigned long long)st->st_size > max_bytes) {
            mtc_error_set(err, MTC_ERR_IO, path, -1, -1,
                          "file is %lld bytes, more than --max-bytes %zu", (long long)st->st_size,
                          max_bytes);
            return MTC_ERR_IO;
        }
        cap = (size_t)st->st_size + 2;
        buf = mtc_xmalloc(cap);
    }
    for (;;) {
        if (n + 1 + 1 > cap) /* room for a byte and the NUL */
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
    struct stat st;
    int is_stdin = strcmp(path, "-") == 0;
    if (is_stdin) {
        fd = STDIN_FILENO;
    } else {
        fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
        if (fd < 0) {
            mtc_error_set(err, MTC_ERR_IO, path, -1, -1, "cannot open: %s", strerror(errno));
            return MTC_ERR_IO;
        }
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
        /* a regular file: O_NONBLOCK (against a FIFO's open blocking) does
         * not change how it is read (Linux ignores it for regular files) */
    }
    char *data = NULL;
    size_t len = 0;
    mtc_status rc =
        read_all(fd, is_stdin ? NULL : &st, is_stdin ? "<stdin>" : path, max_bytes, &data, &len, err);
    if (!is_stdin)
        close(fd);
    if (rc != MTC_OK)
        return rc;
    rc = mtc_document_from_bytes(path, data, len, encoding, fmt, out, err);
    free(data);
    return rc;
}
