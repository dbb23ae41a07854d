/* report_jsonl.c — JSON lines (--format jsonl, the default of
 * --stdin-jsonl): one object per article, written and flushed as soon as
 * the article is done: id (the path, or the id of a streamed article),
 * encoding, words, score, penalty per 100 words, passed, counts by
 * severity and the issues (source byte spans, lines, columns, rule,
 * category, severity, message, text, suggestions). No summary line, so
 * outputs of several runs concatenate. Owns only its small state. */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buffer.h"
#include "document.h"
#include "escape.h"
#include "report.h"
#include "report_util.h"

typedef struct jl_state {
    FILE *out;
    mtc_report_options opt;
} jl_state;

static void *jl_begin(FILE *out, const mtc_report_options *opt)
{
    jl_state *st = mtc_xcalloc(1, sizeof *st);
    st->out = out;
    st->opt = *opt;
    return st;
}

static void jl_article(void *state, const mtc_result *res)
{
    jl_state *st = state;
    const mtc_document *doc = res->doc;
    mtc_buf b = MTC_BUF_INIT;
    mtc_buf_stream(&b, st->out, st->opt.spill);
    mtc_buf_puts(&b, "{\"id\": ");
    if (doc->id_is_number) /* digits as the record wrote them */
        mtc_buf_puts(&b, doc->path);
    else
        mtc_escape_json(&b, doc->path, strlen(doc->path));
    mtc_buf_puts(&b, ", \"encoding\": ");
    mtc_escape_json(&b, doc->encoding, strlen(doc->encoding));
    mtc_buf_printf(&b, ", \"words\": %zu, \"score\": ", doc->n_words);
    mtc_json_put_number(&b, res->score);
    mtc_buf_puts(&b, ", \"penalty_per_100_words\": ");
    mtc_json_put_number(&b, res->penalty_per_100_words);
    mtc_buf_printf(&b,
                   ", \"passed\": %s, \"by_severity\": {\"minor\": %zu, \"major\": %zu, "
                   "\"critical\": %zu}, \"issues\": [",
                   res->failed ? "false" : "true", res->by_severity[MTC_SEV_MINOR],
                   res->by_severity[MTC_SEV_MAJOR], res->by_severity[MTC_SEV_CRITICAL]);
    for (size_t i = 0; i < res->n_issues; i++) {
        if (i)
            mtc_buf_puts(&b, ", ");
        mtc_json_put_issue_with_source(&b, doc, res->source_doc, &res->issues[i]);
    }
    mtc_buf_puts(&b, "]}\n");
    mtc_buf_flush(&b);
    fflush(st->out);
    mtc_buf_free(&b);
}

/* {"id": <path or id, or null>, "line": N (streamed records), "error": "..."} */
static void jl_unread(void *state, const mtc_unread *u)
{
    jl_state *st = state;
    mtc_buf b = MTC_BUF_INIT;
    mtc_buf_puts(&b, "{\"id\": ");
    if (u->path && u->id_is_number)
        mtc_buf_puts(&b, u->path);
    else if (u->path)
        mtc_escape_json(&b, u->path, strlen(u->path));
    else
        mtc_buf_puts(&b, "null");
    if (u->line > 0)
        mtc_buf_printf(&b, ", \"line\": %ld", u->line);
    mtc_buf_puts(&b, ", \"error\": ");
    mtc_escape_json(&b, u->reason, strlen(u->reason));
    mtc_buf_puts(&b, "}\n");
    fwrite(b.data, 1, b.len, st->out);
    fflush(st->out);
    mtc_buf_free(&b);
}

static int jl_end(void *state, const mtc_summary *sum)
{
    jl_state *st = state;
    (void)sum;
    int rc = ferror(st->out) ? -1 : 0;
    free(st);
    return rc;
}

const mtc_reporter mtc_reporter_jsonl = {"jsonl", jl_begin, jl_article, jl_end, jl_unread};
