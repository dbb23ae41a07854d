/* report_json.c — the JSON reporter (--format json): one document with
 * the tool, every file (sentences with scores, issues with byte spans in the
 * source, lines, columns) and the run summary. The shape is stable:
 * ../shared/bench/score.py and other tools read it. Streams one file at a
 * time; owns only its small state. */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buffer.h"
#include "document.h"
#include "escape.h"
#include "report.h"
#include "report_util.h"

typedef struct json_state {
    FILE *out;
    size_t files;
    mtc_report_options opt;
} json_state;

static void *json_begin(FILE *out, const mtc_report_options *opt)
{
    json_state *st = mtc_xcalloc(1, sizeof *st);
    st->out = out;
    st->opt = *opt;
    fputs("{\"tool\": {\"name\": \"mtcheck\", \"version\": \"" MTC_VERSION "\"},\n \"files\": [", out);
    return st;
}

static size_t src_off(const mtc_document *doc, size_t off)
{
    return doc->source_base + mtc_document_source_offset(doc, off);
}

static size_t src_end(const mtc_document *doc, size_t start, size_t end)
{
    size_t s = mtc_document_source_offset(doc, start), e = mtc_document_source_end(doc, end);
    return doc->source_base + (e < s || end <= start ? s : e);
}

static void json_article(void *state, const mtc_result *res)
{
    json_state *st = state;
    const mtc_document *doc = res->doc;
    mtc_buf b = MTC_BUF_INIT;
    mtc_buf_stream(&b, st->out, st->opt.spill);
    mtc_buf_puts(&b, st->files ? ",\n  {\"path\": " : "\n  {\"path\": ");
    mtc_escape_json(&b, doc->path, strlen(doc->path));
    mtc_buf_puts(&b, ", \"encoding\": ");
    mtc_escape_json(&b, doc->encoding, strlen(doc->encoding));
    mtc_buf_printf(&b, ", \"encoding_detected\": %s, \"words\": %zu, \"score\": ",
                   doc->encoding_detected ? "true" : "false", doc->n_words);
    mtc_json_put_number(&b, res->score);
    mtc_buf_puts(&b, ", \"penalty\": ");
    mtc_json_put_number(&b, res->penalty);
    mtc_buf_puts(&b, ", \"penalty_per_100_words\": ");
    mtc_json_put_number(&b, res->penalty_per_100_words);
    mtc_buf_printf(&b, ", \"passed\": %s,\n   \"sentences\": [", res->failed ? "false" : "true");
    for (size_t s = 0; s < doc->n_sentences; s++) {
        const mtc_sentence *se = &doc->sentences[s];
        long line, col;
        mtc_document_line_col(doc, se->start, &line, &col);
        mtc_buf_printf(&b, "%s{\"byte_start\": %zu, \"byte_end\": %zu, \"line\": %ld, \"paragraph\": %zu",
                       s ? ",\n    " : "\n    ", src_off(doc, se->start), src_end(doc, se->start, se->end),
                       line, se->paragraph);
        if (doc->paragraphs[se->paragraph].is_headline)
            mtc_buf_puts(&b, ", \"headline\": true");
        mtc_buf_puts(&b, ", \"score\": ");
        mtc_json_put_number(&b, res->sentence_score[s]);
        mtc_buf_puts(&b, ", \"penalty\": ");
        mtc_json_put_number(&b, res->sentence_penalty[s]);
        mtc_buf_putc(&b, '}');
    }
    mtc_buf_puts(&b, "],\n   \"issues\": [");
    for (size_t i = 0; i < res->n_issues; i++) {
        mtc_buf_puts(&b, i ? ",\n    " : "\n    ");
        mtc_json_put_issue_with_source(&b, doc, res->source_doc, &res->issues[i]);
    }
    mtc_buf_puts(&b, "]}");
    mtc_buf_flush(&b);
    mtc_buf_free(&b);
    st->files++;
}

static int json_end(void *state, const mtc_summary *sum)
{
    json_state *st = state;
    mtc_buf b = MTC_BUF_INIT;
    mtc_buf_printf(&b, "],\n \"summary\": {\"files\": %zu, \"failed_files\": %zu, \"issues\": %zu, \"by_category\": {",
                   sum->files, sum->failed_files, sum->issues);
    for (size_t c = 0; c < sum->n_categories; c++) {
        if (c)
            mtc_buf_puts(&b, ", ");
        mtc_escape_json(&b, sum->categories[c], strlen(sum->categories[c]));
        mtc_buf_printf(&b, ": %zu", sum->by_category[c]);
    }
    mtc_buf_puts(&b, "}, \"by_severity\": {");
    for (int s = MTC_SEV_MINOR; s <= MTC_SEV_CRITICAL; s++)
        mtc_buf_printf(&b, "%s\"%s\": %zu", s > MTC_SEV_MINOR ? ", " : "",
                       mtc_severity_name((mtc_severity)s), sum->by_severity[s]);
    mtc_buf_putc(&b, '}');
    if (sum->n_unread) {
        /* inputs that could not be checked (issue 13); absent when none */
        mtc_buf_puts(&b, ", \"unread\": [");
        for (size_t i = 0; i < sum->n_unread; i++) {
            const mtc_unread *u = &sum->unread[i];
            mtc_buf_puts(&b, i ? ", {\"path\": " : "{\"path\": ");
            if (u->path)
                mtc_escape_json(&b, u->path, strlen(u->path));
            else
                mtc_buf_puts(&b, "null");
            if (u->line > 0)
                mtc_buf_printf(&b, ", \"line\": %ld", u->line);
            mtc_buf_puts(&b, ", \"error\": ");
            mtc_escape_json(&b, u->reason, strlen(u->reason));
            mtc_buf_putc(&b, '}');
        }
        mtc_buf_putc(&b, ']');
    }
    mtc_buf_puts(&b, "}}\n");
    fwrite(b.data, 1, b.len, st->out);
    mtc_buf_free(&b);
    int rc = ferror(st->out) ? -1 : 0;
    free(st);
    return rc;
}

const mtc_reporter mtc_reporter_json = {"json", json_begin, json_article, json_end, NULL};
