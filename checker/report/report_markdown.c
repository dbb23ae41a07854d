/* report_markdown.c — a Markdown summary (--format markdown) for
 * $GITHUB_STEP_SUMMARY and pull-request comments: the gate result, totals,
 * a table of the articles (worst first, at most MAX_ROWS) and the most
 * frequent rules with an example each. Keeps one small row per article
 * and one per rule (not the issues); writes everything at the end.
 * Cell text goes through the HTML escaper with '|' escaped. */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "analyzer.h"
#include "buffer.h"
#include "document.h"
#include "escape.h"
#include "report.h"
#include "report_util.h"

#define MAX_ROWS 100
#define MAX_RULES 15

typedef struct row {
    char *path;
    double score;
    size_t issues, by_sev[4], seq;
    int failed;
} row;

typedef struct rule_row {
    const char *rule; /* static */
    mtc_severity severity;
    size_t count;
    char *example;    /* "path:line: text" */
} rule_row;

typedef struct md_state {
    FILE *out;
    mtc_report_options opt;
    row *rows;
    size_t n_rows, cap_rows;
    rule_row *rules;
    size_t n_rules, cap_rules;
} md_state;

static void *md_begin(FILE *out, const mtc_report_options *opt)
{
    md_state *st = mtc_xcalloc(1, sizeof *st);
    st->out = out;
    st->opt = *opt;
    return st;
}

/* Table cell text: escaped, '|' and line breaks neutralised. */
static void cell(mtc_buf *b, const char *s, size_t len)
{
    mtc_buf tmp = MTC_BUF_INIT;
    mtc_escape_html(&tmp, s, len);
    for (size_t i = 0; i < tmp.len; i++) {
        char c = tmp.data[i];
        if (c == '|')
            mtc_buf_puts(b, "\\|");
        else if (c == '\n' || c == '\r')
            mtc_buf_putc(b, ' ');
        else if (c == '`' || c == '*' || c == '_' || c == '[' || c == ']')
            mtc_buf_printf(b, "\\%c", c);
        else
            mtc_buf_putc(b, c);
    }
    mtc_buf_free(&tmp);
}

static void md_article(void *state, const mtc_result *res)
{
    md_state *st = state;
    const mtc_document *doc = res->doc;
    mtc_grow((void **)&st->rows, &st->cap_rows, st->n_rows + 1, sizeof *st->rows);
    row *r = &st->rows[st->n_rows];
    memset(r, 0, sizeof *r);
    mtc_buf path = MTC_BUF_INIT;
    mtc_report_rel_path(&path, &st->opt, doc->path);
    r->path = mtc_buf_detach(&path);
    r->score = res->score;
    r->issues = res->n_issues;
    for (int s = 0; s < 4; s++)
        r->by_sev[s] = res->by_severity[s];
    r->failed = res->failed;
    r->seq = st->n_rows++;
    for (size_t i = 0; i < res->n_issues; i++) {
        const mtc_issue *is = &res->issues[i];
        size_t k = 0;
        while (k < st->n_rules && strcmp(st->rules[k].rule, is->rule) != 0)
            k++;
        if (k == st->n_rules) {
            mtc_grow((void **)&st->rules, &st->cap_rules, k + 1, sizeof *st->rules);
            rule_row *rr = &st->rules[st->n_rules++];
            memset(rr, 0, sizeof *rr);
            rr->rule = is->rule;
            rr->severity = is->severity;
            long line, col;
            mtc_document_line_col(doc, is->start, &line, &col);
            mtc_buf e = MTC_BUF_INIT;
            size_t n = is->end - is->start, k = n;
            if (k > 60) { /* cut on a character boundary */
                k = 60;
                while (k > 0 && ((unsigned char)doc->text[is->start + k] & 0xC0) == 0x80)
                    k--;
            }
            mtc_buf_printf(&e, "%s:%ld: %.*s%s", r->path, line, (int)k, doc->text + is->start,
                           k < n ? "…" : "");
            rr->example = mtc_buf_detach(&e);
        }
        st->rules[k].count++;
    }
}

static int row_cmp(const void *a, const void *b)
{
    const row *x = a, *y = b;
    if (x->failed != y->failed)
        return x->failed ? -1 : 1;
    if (x->score != y->score)
        return x->score < y->score ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int rule_cmp(const void *a, const void *b)
{
    const rule_row *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->rule, y->rule);
}

static int md_end(void *state, const mtc_summary *sum)
{
    md_state *st = state;
    mtc_buf b = MTC_BUF_INIT;
    const mtc_config *cfg = st->opt.cfg;
    mtc_buf_puts(&b, "## mtcheck\n\n");
    if (sum->n_unread)
        mtc_buf_printf(&b, "**Gate: failed** — %zu input%s could not be checked; %zu article%s "
                           "checked, %zu failed",
                       sum->n_unread, sum->n_unread == 1 ? "" : "s", sum->files,
                       sum->files == 1 ? "" : "s", sum->failed_files);
    else if (sum->failed_files)
        mtc_buf_printf(&b, "**Gate: failed** — %zu of %zu article%s failed", sum->failed_files,
                       sum->files, sum->files == 1 ? "" : "s");
    else
        mtc_buf_printf(&b, "**Gate: passed** — %zu article%s checked", sum->files,
                       sum->files == 1 ? "" : "s");
    if (cfg) {
        mtc_buf_printf(&b, " (fail on: %s",
                       cfg->fail_on_none || cfg->fail_on == MTC_SEV_DEFAULT
                           ? "none"
                           : mtc_severity_name(cfg->fail_on));
        if (cfg->min_score > 0)
            mtc_buf_printf(&b, ", minimum score %g", cfg->min_score);
        mtc_buf_putc(&b, ')');
    }
    mtc_buf_printf(&b, ".\n\n| Articles | Failed | Issues | Critical | Major | Minor |\n"
                       "|---:|---:|---:|---:|---:|---:|\n| %zu | %zu | %zu | %zu | %zu | %zu |\n",
                   sum->files, sum->failed_files, sum->issues, sum->by_severity[MTC_SEV_CRITICAL],
                   sum->by_severity[MTC_SEV_MAJOR], sum->by_severity[MTC_SEV_MINOR]);
    if (sum->n_unread) {
        mtc_buf_puts(&b, "\n### Not checked\n\n| Input | Reason |\n|---|---|\n");
        for (size_t i = 0; i < sum->n_unread && i < MAX_ROWS; i++) {
            mtc_buf what = MTC_BUF_INIT;
            mtc_unread_describe(&what, &sum->unread[i]);
            mtc_buf_puts(&b, "| ");
            cell(&b, what.data, what.len);
            mtc_buf_puts(&b, " | ");
            cell(&b, sum->unread[i].reason, strlen(sum->unread[i].reason));
            mtc_buf_puts(&b, " |\n");
            mtc_buf_free(&what);
        }
        if (sum->n_unread > MAX_ROWS)
            mtc_buf_printf(&b, "\n…and %zu more.\n", sum->n_unread - MAX_ROWS);
    }
    if (st->n_rows) {
        qsort(st->rows, st->n_rows, sizeof *st->rows, row_cmp);
        mtc_buf_puts(&b, "\n### Articles, worst first\n\n| Article | Score | Issues | Critical | "
                         "Major | Minor | Gate |\n|---|---:|---:|---:|---:|---:|:---:|\n");
        size_t shown = st->n_rows < MAX_ROWS ? st->n_rows : MAX_ROWS;
        for (size_t i = 0; i < shown; i++) {
            const row *r = &st->rows[i];
            mtc_buf_puts(&b, "| ");
            cell(&b, r->path, strlen(r->path));
            mtc_buf_printf(&b, " | %.1f | %zu | %zu | %zu | %zu | %s |\n", r->score, r->issues,
                           r->by_sev[MTC_SEV_CRITICAL], r->by_sev[MTC_SEV_MAJOR],
                           r->by_sev[MTC_SEV_MINOR], r->failed ? "❌ fail" : "✅ pass");
        }
        if (st->n_rows > shown)
            mtc_buf_printf(&b, "\n…and %zu more article%s.\n", st->n_rows - shown,
                           st->n_rows - shown == 1 ? "" : "s");
    }
    if (st->n_rules) {
        qsort(st->rules, st->n_rules, sizeof *st->rules, rule_cmp);
        mtc_buf_puts(&b, "\n### Top issues\n\n| Rule | Severity | Count | Description | "
                         "First example |\n|---|---|---:|---|---|\n");
        for (size_t i = 0; i < st->n_rules && i < MAX_RULES; i++) {
            const rule_row *rr = &st->rules[i];
            const mtc_rule_info *ri = mtc_rule_find(rr->rule, NULL);
            mtc_buf_puts(&b, "| ");
            cell(&b, rr->rule, strlen(rr->rule));
            mtc_buf_printf(&b, " | %s | %zu | ", mtc_severity_name(rr->severity), rr->count);
            if (ri && ri->description)
                cell(&b, ri->description, strlen(ri->description));
            mtc_buf_puts(&b, " | ");
            cell(&b, rr->example, strlen(rr->example));
            mtc_buf_puts(&b, " |\n");
        }
    }
    fwrite(b.data, 1, b.len, st->out);
    mtc_buf_free(&b);
    int rc = ferror(st->out) ? -1 : 0;
    for (size_t i = 0; i < st->n_rows; i++)
        free(st->rows[i].path);
    for (size_t i = 0; i < st->n_rules; i++)
        free(st->rules[i].example);
    free(st->rows);
    free(st->rules);
    free(st);
    return rc;
}

const mtc_reporter mtc_reporter_markdown = {"markdown", md_begin, md_article, md_end, NULL};
