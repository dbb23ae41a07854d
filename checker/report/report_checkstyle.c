/* report_checkstyle.c — Checkstyle XML (--format checkstyle) for CI
 * servers (Jenkins warnings-ng, GitLab, Bitbucket): <checkstyle> with one
 * <file name=...> per article and one <error line column severity message
 * source> per issue (severity error for major and critical, warning for
 * minor; source "mtcheck.RULE"). Text goes through the HTML/XML escaper.
 * Owns only its small state. */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buffer.h"
#include "document.h"
#include "escape.h"
#include "report.h"
#include "report_util.h"

typedef struct cs_state {
    FILE *out;
    mtc_report_options opt;
} cs_state;

static void *cs_begin(FILE *out, const mtc_report_options *opt)
{
    cs_state *st = mtc_xcalloc(1, sizeof *st);
    st->out = out;
    st->opt = *opt;
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n", out);
    return st;
}

static void cs_article(void *state, const mtc_result *res)
{
    cs_state *st = state;
    const mtc_document *doc = res->doc;
    mtc_buf path = MTC_BUF_INIT;
    mtc_report_rel_path(&path, &st->opt, doc->path);
    mtc_buf b = MTC_BUF_INIT;
    mtc_buf_stream(&b, st->out, st->opt.spill);
    mtc_buf_puts(&b, "  <file name=\"");
    mtc_escape_xml(&b, path.data, path.len);
    mtc_buf_puts(&b, "\">\n");
    for (size_t i = 0; i < res->n_issues; i++) {
        const mtc_issue *is = &res->issues[i];
        mtc_issue_pos p;
        mtc_issue_position(doc, is, &p);
        mtc_buf_printf(&b, "    <error line=\"%ld\" column=\"%ld\" severity=\"%s\" message=\"",
                       p.line, p.col, mtc_report_level(is->severity));
        mtc_escape_xml(&b, is->message, strlen(is->message));
        mtc_buf_puts(&b, "\" source=\"mtcheck.");
        mtc_escape_xml(&b, is->rule, strlen(is->rule));
        mtc_buf_puts(&b, "\"/>\n");
    }
    mtc_buf_puts(&b, "  </file>\n");
    mtc_buf_flush(&b);
    mtc_buf_free(&b);
    mtc_buf_free(&path);
}

/* A file that could not be checked: its <file> with one error (source
 * mtcheck.input); a streamed record is named "stdin". */
static void cs_unread(void *state, const mtc_unread *u)
{
    cs_state *st = state;
    mtc_buf path = MTC_BUF_INIT, m = MTC_BUF_INIT, b = MTC_BUF_INIT;
    if (u->line <= 0 && u->path)
        mtc_report_rel_path(&path, &st->opt, u->path);
    else
        mtc_buf_puts(&path, "stdin");
    if (u->line > 0)
        mtc_unread_describe(&m, u), mtc_buf_puts(&m, ": ");
    mtc_buf_printf(&m, "not checked: %s", u->reason);
    mtc_buf_puts(&b, "  <file name=\"");
    mtc_escape_xml(&b, path.data, path.len);
    mtc_buf_puts(&b, "\">\n    <error");
    if (u->line > 0)
        mtc_buf_printf(&b, " line=\"%ld\"", u->line);
    mtc_buf_puts(&b, " severity=\"error\" message=\"");
    mtc_escape_xml(&b, m.data, m.len);
    mtc_buf_puts(&b, "\" source=\"mtcheck.input\"/>\n  </file>\n");
    fwrite(b.data, 1, b.len, st->out);
    mtc_buf_free(&b);
    mtc_buf_free(&m);
    mtc_buf_free(&path);
}

static int cs_end(void *state, const mtc_summary *sum)
{
    cs_state *st = state;
    (void)sum;
    fputs("</checkstyle>\n", st->out);
    int rc = ferror(st->out) ? -1 : 0;
    free(st);
    return rc;
}

const mtc_reporter mtc_reporter_checkstyle = {"checkstyle", cs_begin, cs_article, cs_end, cs_unread};
