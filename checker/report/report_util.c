/* report_util.c — see report_util.h. Owns nothing beyond the fingerprint
 * array it returns. */
#define _DEFAULT_SOURCE /* realpath */
#include "report_util.h"

#include "escape.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "document.h"
#include "utf8.h"
#include "wordset.h"

void mtc_report_rel_path(mtc_buf *b, const mtc_report_options *opt, const char *path)
{
    const char *p = path;
    char buf[PATH_MAX];
    if (opt && opt->base_dir && strcmp(path, "-") != 0 && realpath(path, buf)) {
        size_t d = strlen(opt->base_dir);
        if (d > 0 && strncmp(buf, opt->base_dir, d) == 0 &&
            (buf[d] == '/' || opt->base_dir[d - 1] == '/'))
            p = buf + d + (buf[d] == '/');
    }
    while (p[0] == '.' && p[1] == '/')
        p += 2;
    mtc_buf_puts(b, p);
}

static void line_col_bytes(const mtc_document *doc, size_t src, long *line, long *col)
{
    size_t lo = mtc_document_line_index(doc, src);
    *line = (long)lo + 1;
    *col = (long)(src - doc->line_starts[lo]) + 1;
}

void mtc_issue_position(const mtc_document *doc, const mtc_issue *is, mtc_issue_pos *pos)
{
    memset(pos, 0, sizeof *pos);
    size_t s = mtc_document_source_offset(doc, is->start);
    size_t e = mtc_document_source_end(doc, is->end);
    if (e < s || is->end <= is->start)
        e = s; /* an empty span stays where it starts */
    mtc_document_source_line_col(doc, s, &pos->line, &pos->col);
    mtc_document_source_line_col(doc, e, &pos->end_line, &pos->end_col);
    long l;
    line_col_bytes(doc, s, &l, &pos->byte_col);
    line_col_bytes(doc, e, &l, &pos->end_byte_col);
    pos->byte_start = doc->source_base + s;
    pos->byte_end = doc->source_base + e;
    pos->char_start = mtc_document_source_chars(doc, s) + (doc->source_base ? 1 : 0);
    pos->char_len = mtc_utf8_count(doc->source + s, e - s);
}

/* FNV-1a, 64 bits, from a given basis. */
static uint64_t fnv(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* The sentence's text, lowercased (ASCII) with whitespace runs folded. */
static uint64_t hash_sentence(const mtc_document *doc, size_t sentence, uint64_t h)
{
    if (sentence >= doc->n_sentences)
        return fnv(h, "-", 1);
    const mtc_sentence *se = &doc->sentences[sentence];
    int space = 0;
    for (size_t i = se->start; i < se->end; i++) {
        unsigned char c = (unsigned char)doc->text[i];
        if (mtc_ascii_is_space(c)) {
            space = 1;
            continue;
        }
        if (space) {
            h = fnv(h, " ", 1);
            space = 0;
        }
        c = (unsigned char)mtc_ascii_tolower(c);
        h = fnv(h, &c, 1);
    }
    return h;
}

/* The hash of an issue's rule and text (before its sentence). */
static uint64_t hash_issue_head(const mtc_result *res, const mtc_issue *is, uint64_t basis)
{
    uint64_t h = fnv(basis, is->rule, strlen(is->rule) + 1);
    h = fnv(h, res->doc->text + is->start, is->end - is->start);
    return fnv(h, "", 1);
}

/* A key of the fingerprint's hash maps: two 64-bit hashes and a sentence. */
typedef struct fp_key {
    uint64_t a, b;
    size_t sentence;
} fp_key;

char (*mtc_issue_fingerprints(const mtc_result *res))[33]
{
    size_t n = res->n_issues;
    char(*fp)[33] = mtc_xcalloc(n ? n : 1, sizeof *fp);
    /* Issues of the same rule on the same text in the same sentence hash
     * alike: the sentence is hashed once for them (memo), and an issue's
     * occurrence number counts the earlier ones with its hashes (seen):
     * both by hash map, not by comparing every pair (a line of 100,000
     * brackets is 100,000 issues in one sentence). */
    mtc_wordset *memo = mtc_wordset_new(), *seen = mtc_wordset_new();
    uint64_t *full = mtc_xcalloc(n ? 2 * n : 1, sizeof *full);
    for (size_t i = 0; i < n; i++) {
        const mtc_issue *is = &res->issues[i];
        fp_key k;
        memset(&k, 0, sizeof k);
        k.a = hash_issue_head(res, is, 0xcbf29ce484222325ULL);
        k.b = hash_issue_head(res, is, 0x84222325cbf29ce4ULL);
        k.sentence = is->sentence;
        intptr_t at;
        uint64_t a, b;
        if (mtc_wordset_get(memo, (const char *)&k, sizeof k, &at)) {
            a = full[2 * (size_t)at];
            b = full[2 * (size_t)at + 1];
        } else {
            a = hash_sentence(res->doc, is->sentence, k.a);
            b = hash_sentence(res->doc, is->sentence, k.b);
            mtc_wordset_put(memo, (const char *)&k, sizeof k, (intptr_t)i);
        }
        full[2 * i] = a;
        full[2 * i + 1] = b;
        uint64_t ab[2] = {a, b};
        intptr_t count = 0;
        mtc_wordset_get(seen, (const char *)ab, sizeof ab, &count);
        mtc_wordset_put(seen, (const char *)ab, sizeof ab, count + 1);
        uint64_t occurrence = (uint64_t)count;
        uint64_t x = fnv(a, &occurrence, sizeof occurrence);
        uint64_t y = fnv(b, &occurrence, sizeof occurrence);
        snprintf(fp[i], sizeof fp[i], "%016llx%016llx", (unsigned long long)x,
                 (unsigned long long)y);
    }
    mtc_wordset_free(memo);
    mtc_wordset_free(seen);
    free(full);
    return fp;
}

static void gh_escape(mtc_buf *b, const char *s, size_t len, int property)
{
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '%')
            mtc_buf_puts(b, "%25");
        else if (c == '\r')
            mtc_buf_puts(b, "%0D");
        else if (c == '\n')
            mtc_buf_puts(b, "%0A");
        else if (property && c == ':')
            mtc_buf_puts(b, "%3A");
        else if (property && c == ',')
            mtc_buf_puts(b, "%2C");
        else
            mtc_buf_putc(b, c);
    }
}

void mtc_escape_gh_data(mtc_buf *b, const char *s, size_t len)
{
    gh_escape(b, s, len, 0);
}

void mtc_escape_gh_property(mtc_buf *b, const char *s, size_t len)
{
    gh_escape(b, s, len, 1);
}

const char *mtc_report_level(mtc_severity s)
{
    return s >= MTC_SEV_MAJOR ? "error" : "warning";
}

void mtc_json_put_number(mtc_buf *b, double x)
{
    if (x == (long long)x)
        mtc_buf_printf(b, "%lld", (long long)x);
    else
        mtc_buf_printf(b, "%.2f", x);
}

/* An issue object without its closing brace (the source span may follow). */
static void put_issue_open(mtc_buf *b, const mtc_document *doc, const mtc_issue *is)
{
    mtc_issue_pos p;
    mtc_issue_position(doc, is, &p);
    mtc_buf_printf(b,
                   "{\"byte_start\": %zu, \"byte_end\": %zu, \"line\": %ld, \"column\": %ld, "
                   "\"end_line\": %ld, \"end_column\": %ld, \"category\": ",
                   p.byte_start, p.byte_end, p.line, p.col, p.end_line, p.end_col);
    mtc_escape_json(b, is->category, strlen(is->category));
    mtc_buf_puts(b, ", \"rule\": ");
    mtc_escape_json(b, is->rule, strlen(is->rule));
    mtc_buf_printf(b, ", \"severity\": \"%s\", \"message\": ", mtc_severity_name(is->severity));
    mtc_escape_json(b, is->message, strlen(is->message));
    mtc_buf_puts(b, ", \"text\": ");
    mtc_escape_json(b, doc->text + is->start, is->end - is->start);
    mtc_buf_puts(b, ", \"suggestions\": [");
    for (size_t k = 0; k < is->n_suggestions; k++) {
        if (k)
            mtc_buf_puts(b, ", ");
        mtc_escape_json(b, is->suggestions[k], strlen(is->suggestions[k]));
    }
    mtc_buf_puts(b, "], \"sentence\": ");
    if (is->sentence == (size_t)-1)
        mtc_buf_puts(b, "null");
    else
        mtc_buf_printf(b, "%zu", is->sentence);
}

void mtc_json_put_issue(mtc_buf *b, const mtc_document *doc, const mtc_issue *is)
{
    put_issue_open(b, doc, is);
    mtc_buf_putc(b, '}');
}

int mtc_issue_source_offsets(const mtc_document *src, const mtc_issue *is, size_t *start,
                             size_t *end)
{
    if (!src || !is->has_source_span || is->source_end > src->len)
        return 0;
    *start = mtc_document_source_offset(src, is->source_start) + src->source_base;
    *end = mtc_document_source_offset(src, is->source_end) + src->source_base;
    return 1;
}

void mtc_json_put_issue_with_source(mtc_buf *b, const mtc_document *doc, const mtc_document *src,
                                    const mtc_issue *is)
{
    put_issue_open(b, doc, is);
    size_t a, e;
    if (!mtc_issue_source_offsets(src, is, &a, &e)) {
        mtc_buf_putc(b, '}');
        return;
    }
    mtc_buf_puts(b, ", \"source\": {\"file\": ");
    mtc_escape_json(b, src->path, strlen(src->path));
    mtc_buf_printf(b, ", \"byte_start\": %zu, \"byte_end\": %zu, \"text\": ", a, e);
    mtc_escape_json(b, src->text + is->source_start, is->source_end - is->source_start);
    mtc_buf_puts(b, "}}");
}

void mtc_unread_describe(mtc_buf *b, const mtc_unread *u)
{
    if (u->line > 0) {
        mtc_buf_printf(b, "stdin line %ld", u->line);
        if (u->path)
            mtc_buf_printf(b, " (id %s)", u->path);
    } else {
        mtc_buf_puts(b, u->path ? u->path : "stdin");
    }
}
