/* report_github.c — GitHub Actions workflow commands (--format github):
 * one `::warning file=F,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE`
 * per issue (`::error` for major and critical). Messages are escaped as the
 * runner requires (% CR LF), property values also (: and ,). GitHub shows
 * only ten annotations of each kind per step: use --format markdown for
 * the full summary. Owns only its small state. */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buffer.h"
#include "document.h"
#include "report.h"
#include "report_util.h"

typedef struct gh_state {
    FILE *out;
    mtc_report_options opt;
} gh_state;

static void *gh_begin(FILE *out, const mtc_report_options *opt)
{
    gh_state *st = mtc_xcalloc(1, sizeof *st);
    st->out = out;
    st->opt = *opt;
    return st;
}

static void gh_article(void *state, const mtc_result *res)
{
    gh_state *st = state;
    const mtc_document *doc = res->doc;
    mtc_buf path = MTC_BUF_INIT;
    mtc_report_rel_path(&path, &st->opt, doc->path);
    mtc_buf b = MTC_BUF_INIT;
    mtc_buf_stream(&b, st->out, st->opt.spill);
    for (size_t i = 0; i < res->n_issues; i++) {
        const mtc_issue *is = &res->issues[i];
        mtc_issue_pos p;
        mtc_issue_position(doc, is, &p);
        mtc_buf_printf(&b, "::%s file=", mtc_report_level(is->severity));
        mtc_escape_gh_property(&b, path.data, path.len);
        mtc_buf_printf(&b, ",line=%ld,col=%ld,endLine=%ld,endColumn=%ld,title=", p.line, p.col,
                       p.end_line, p.end_col);
        mtc_escape_gh_property(&b, is->rule, strlen(is->rule));
        mtc_buf_puts(&b, "::");
        mtc_buf m = MTC_BUF_INIT;
        mtc_buf_printf(&m, "%s (%s)", is->message, mtc_severity_name(is->severity));
        if (is->n_suggestions) {
            mtc_buf_puts(&m, "\nSuggestions: ");
            for (size_t k = 0; k < is->n_suggestions; k++)
                mtc_buf_printf(&m, "%s%s", k ? ", " : "", is->suggestions[k]);
        }
        mtc_escape_gh_data(&b, m.data, m.len);
        mtc_buf_free(&m);
        mtc_buf_putc(&b, '\n');
    }
    mtc_buf_flush(&b);
    mtc_buf_free(&b);
    mtc_buf_free(&path);
}

/* ::error file=F::... for a file that could not be checked; a streamed
 * record has no file: ::error::stdin line N ... */
static void gh_unread(void *state, const mtc_unread *u)
{
    gh_state *st = state;
    mtc_buf b = MTC_BUF_INIT, m = MTC_BUF_INIT;
    if (u->line <= 0 && u->path) {
        mtc_buf path = MTC_BUF_INIT;
        mtc_report_rel_path(&path, &st->opt, u->path);
        mtc_buf_puts(&b, "::error file=");
        mtc_escape_gh_property(&b, path.data, path.len);
        mtc_buf_puts(&b, ",title=mtcheck: not checked::");
        mtc_buf_free(&path);
        mtc_buf_printf(&m, "not checked: %s", u->reason);
    } else {
        mtc_buf_puts(&b, "::error title=mtcheck: not checked::");
        mtc_unread_describe(&m, u);
        mtc_buf_printf(&m, ": not checked: %s", u->reason);
    }
    mtc_escape_gh_data(&b, m.data, m.len);
    mtc_buf_putc(&b, '\n');
    fwrite(b.data, 1, b.len, st->out);
    mtc_buf_free(&b);
    mtc_buf_free(&m);
}

static int gh_end(void *state, const mtc_summary *sum)
{
    gh_state *st = state;
    (void)sum;
    int rc = ferror(st->out) ? -1 : 0;
    free(st);
    return rc;
}

const mtc_reporter mtc_reporter_github = {"github", gh_begin, gh_article, gh_end, gh_unread};
