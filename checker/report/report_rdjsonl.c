/* report_rdjsonl.c — reviewdog's diagnostic format as JSON lines
 * (--format rdjsonl): one Diagnostic per issue with message, location
 * (path relative to the repository root, range with 1-based lines and
 * UTF-8 byte columns, as reviewdog counts them), severity (ERROR for major
 * and critical, WARNING for minor), code (the rule id), suggestions
 * (replacements of the span) and source. Owns only its small state. */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buffer.h"
#include "document.h"
#include "escape.h"
#include "report.h"
#include "report_util.h"

typedef struct rd_state {
    FILE *out;
    mtc_report_options opt;
} rd_state;

static void *rd_begin(FILE *out, const mtc_report_options *opt)
{
    rd_state *st = mtc_xcalloc(1, sizeof *st);
    st->out = out;
    st->opt = *opt;
    return st;
}

static void put_range(mtc_buf *b, const mtc_issue_pos *p)
{
    mtc_buf_printf(b,
                   "{\"start\": {\"line\": %ld, \"column\": %ld}, \"end\": {\"line\": %ld, "
                   "\"column\": %ld}}",
                   p->line, p->byte_col, p->end_line, p->end_byte_col);
}

static void rd_article(void *state, const mtc_result *res)
{
    rd_state *st = state;
    const mtc_document *doc = res->doc;
    mtc_buf path = MTC_BUF_INIT;
    mtc_report_rel_path(&path, &st->opt, doc->path);
    mtc_buf b = MTC_BUF_INIT;
    mtc_buf_stream(&b, st->out, st->opt.spill);
    for (size_t i = 0; i < res->n_issues; i++) {
        const mtc_issue *is = &res->issues[i];
        mtc_issue_pos p;
        mtc_issue_position(doc, is, &p);
        mtc_buf_puts(&b, "{\"message\": ");
        mtc_escape_json(&b, is->message, strlen(is->message));
        mtc_buf_puts(&b, ", \"location\": {\"path\": ");
        mtc_escape_json(&b, path.data, path.len);
        mtc_buf_puts(&b, ", \"range\": ");
        put_range(&b, &p);
        mtc_buf_printf(&b, "}, \"severity\": \"%s\", \"code\": {\"value\": ",
                       is->severity >= MTC_SEV_MAJOR ? "ERROR" : "WARNING");
        mtc_escape_json(&b, is->rule, strlen(is->rule));
        mtc_buf_puts(&b, "}");
        /* a suggestion replaces the span; only when the span maps to one
         * contiguous piece of the source */
        if (is->n_suggestions && p.byte_end - p.byte_start == is->end - is->start) {
            mtc_buf_puts(&b, ", \"suggestions\": [");
            for (size_t k = 0; k < is->n_suggestions; k++) {
                mtc_buf_puts(&b, k ? ", {\"range\": " : "{\"range\": ");
                put_range(&b, &p);
                mtc_buf_puts(&b, ", \"text\": ");
                mtc_escape_json(&b, is->suggestions[k], strlen(is->suggestions[k]));
                mtc_buf_putc(&b, '}');
            }
            mtc_buf_putc(&b, ']');
        }
        mtc_buf_puts(&b, ", \"source\": {\"name\": \"mtcheck\"}}\n");
    }
    mtc_buf_flush(&b);
    mtc_buf_free(&b);
    mtc_buf_free(&path);
}

/* A diagnostic of severity ERROR on the file that could not be checked
 * (code mtcheck.input); a streamed record is at line N of "stdin". */
static void rd_unread(void *state, const mtc_unread *u)
{
    rd_state *st = state;
    mtc_buf path = MTC_BUF_INIT, m = MTC_BUF_INIT, b = MTC_BUF_INIT;
    if (u->line <= 0 && u->path)
        mtc_report_rel_path(&path, &st->opt, u->path);
    else
        mtc_buf_puts(&path, "stdin");
    if (u->line > 0)
        mtc_unread_describe(&m, u), mtc_buf_puts(&m, ": ");
    mtc_buf_printf(&m, "not checked: %s", u->reason);
    mtc_buf_puts(&b, "{\"message\": ");
    mtc_escape_json(&b, m.data, m.len);
    mtc_buf_puts(&b, ", \"location\": {\"path\": ");
    mtc_escape_json(&b, path.data, path.len);
    if (u->line > 0)
        mtc_buf_printf(&b, ", \"range\": {\"start\": {\"line\": %ld}}", u->line);
    mtc_buf_puts(&b, "}, \"severity\": \"ERROR\", \"code\": {\"value\": \"mtcheck.input\"}, "
                     "\"source\": {\"name\": \"mtcheck\"}}\n");
    fwrite(b.data, 1, b.len, st->out);
    mtc_buf_free(&b);
    mtc_buf_free(&m);
    mtc_buf_free(&path);
}

static int rd_end(void *state, const mtc_summary *sum)
{
    rd_state *st = state;
    (void)sum;
    int rc = ferror(st->out) ? -1 : 0;
    free(st);
    return rc;
}

const mtc_reporter mtc_reporter_rdjsonl = {"rdjsonl", rd_begin, rd_article, rd_end, rd_unread};
