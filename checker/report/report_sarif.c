/* report_sarif.c — the SARIF 2.1.0 reporter (--format sarif) for GitHub
 * code scanning and other SARIF viewers: one run; tool.driver lists every
 * rule of the registry (id, short description, default level); one result
 * per issue with ruleId, ruleIndex, level (error for major and critical,
 * warning for minor), message, a physical location (URI relative to the
 * repository root, region in lines, columns in Unicode code points,
 * charOffset/charLength) and partialFingerprints that survive edits
 * elsewhere in the file. Streams one article at a time; owns its state. */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "analyzer.h"
#include "buffer.h"
#include "document.h"
#include "escape.h"
#include "report.h"
#include "report_util.h"
#include "utf8.h"

typedef struct sarif_state {
    FILE *out;
    mtc_report_options opt;
    size_t results;
} sarif_state;

static void put_str(mtc_buf *b, const char *s)
{
    mtc_escape_json(b, s, strlen(s));
}

/* A path as an RFC 3986 URI reference (SARIF artifactLocation.uri): bytes
 * other than unreserved characters, sub-delimiters, '@' and '/' are
 * percent-encoded (spaces, '#', '?', '%', ':' and non-ASCII bytes). */
static void put_uri(mtc_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    mtc_buf enc = MTC_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (mtc_ascii_is_alnum(c) || (c && strchr("-._~!$&'()*+,;=@/", c))) {
            mtc_buf_putc(&enc, (char)c);
        } else {
            char e[3] = {'%', hex[c >> 4], hex[c & 15]};
            mtc_buf_put(&enc, e, 3);
        }
    }
    mtc_escape_json(b, enc.data ? enc.data : "", enc.len);
    mtc_buf_free(&enc);
}

static void *sarif_begin(FILE *out, const mtc_report_options *opt)
{
    sarif_state *st = mtc_xcalloc(1, sizeof *st);
    st->out = out;
    st->opt = *opt;
    mtc_buf b = MTC_BUF_INIT;
    mtc_buf_puts(&b, "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
                     "  \"version\": \"2.1.0\",\n  \"runs\": [{\n    \"tool\": {\"driver\": {"
                     "\"name\": \"mtcheck\", \"version\": \"" MTC_VERSION "\", "
                     "\"semanticVersion\": \"" MTC_VERSION "\",\n      \"rules\": [");
    size_t n, k = 0;
    const mtc_analyzer *const *all = mtc_analyzers(&n);
    for (size_t i = 0; i < n; i++)
        for (size_t r = 0; r < all[i]->n_rules; r++, k++) {
            const mtc_rule_info *ri = &all[i]->rules[r];
            mtc_buf_puts(&b, k ? ",\n        {\"id\": " : "\n        {\"id\": ");
            put_str(&b, ri->id);
            mtc_buf_puts(&b, ", \"name\": ");
            put_str(&b, ri->id);
            mtc_buf_puts(&b, ", \"shortDescription\": {\"text\": ");
            put_str(&b, ri->description ? ri->description : ri->id);
            mtc_buf_printf(&b, "}, \"defaultConfiguration\": {\"level\": \"%s\", \"enabled\": %s}",
                           mtc_report_level(ri->severity), ri->enabled ? "true" : "false");
            mtc_buf_puts(&b, ", \"properties\": {\"category\": ");
            put_str(&b, ri->category);
            mtc_buf_printf(&b, ", \"severity\": \"%s\", \"tags\": [", mtc_severity_name(ri->severity));
            put_str(&b, ri->category);
            mtc_buf_puts(&b, "]}}");
        }
    mtc_buf_puts(&b, "]}},\n    \"columnKind\": \"unicodeCodePoints\",\n    \"results\": [");
    fwrite(b.data, 1, b.len, out);
    mtc_buf_free(&b);
    return st;
}

static size_t rule_index(const char *id)
{
    size_t n, k = 0;
    const mtc_analyzer *const *all = mtc_analyzers(&n);
    for (size_t i = 0; i < n; i++)
        for (size_t r = 0; r < all[i]->n_rules; r++, k++)
            if (strcmp(all[i]->rules[r].id, id) == 0)
                return k;
    return (size_t)-1;
}

static void sarif_article(void *state, const mtc_result *res)
{
    sarif_state *st = state;
    const mtc_document *doc = res->doc;
    if (!res->n_issues)
        return;
    mtc_buf uri = MTC_BUF_INIT;
    mtc_report_rel_path(&uri, &st->opt, strcmp(doc->path, "-") == 0 ? "stdin" : doc->path);
    char(*fp)[33] = mtc_issue_fingerprints(res);
    mtc_buf b = MTC_BUF_INIT;
    mtc_buf_stream(&b, st->out, st->opt.spill);
    for (size_t i = 0; i < res->n_issues; i++) {
        const mtc_issue *is = &res->issues[i];
        mtc_issue_pos p;
        mtc_issue_position(doc, is, &p);
        mtc_buf_puts(&b, st->results++ ? ",\n      {\"ruleId\": " : "\n      {\"ruleId\": ");
        put_str(&b, is->rule);
        size_t ri = rule_index(is->rule);
        if (ri != (size_t)-1)
            mtc_buf_printf(&b, ", \"ruleIndex\": %zu", ri);
        mtc_buf_printf(&b, ", \"level\": \"%s\", \"message\": {\"text\": ",
                       mtc_report_level(is->severity));
        mtc_buf t = MTC_BUF_INIT;
        mtc_buf_puts(&t, is->message);
        if (is->n_suggestions) {
            mtc_buf_puts(&t, " (suggestions: ");
            for (size_t k = 0; k < is->n_suggestions; k++)
                mtc_buf_printf(&t, "%s%s", k ? ", " : "", is->suggestions[k]);
            mtc_buf_puts(&t, ")");
        }
        mtc_escape_json(&b, t.data, t.len);
        mtc_buf_free(&t);
        mtc_buf_puts(&b, "},\n       \"locations\": [{\"physicalLocation\": {\"artifactLocation\": "
                         "{\"uri\": ");
        put_uri(&b, uri.data, uri.len);
        mtc_buf_puts(&b, ", \"uriBaseId\": \"%SRCROOT%\"}, \"region\": {");
        mtc_buf_printf(&b,
                       "\"startLine\": %ld, \"startColumn\": %ld, \"endLine\": %ld, "
                       "\"endColumn\": %ld, \"charOffset\": %zu, \"charLength\": %zu, "
                       "\"snippet\": {\"text\": ",
                       p.line, p.col, p.end_line, p.end_col, p.char_start, p.char_len);
        mtc_escape_json(&b, doc->text + is->start, is->end - is->start);
        mtc_buf_printf(&b, "}}}}],\n       \"partialFingerprints\": {\"mtcheck/v1\": \"%s\"},"
                           " \"properties\": {\"severity\": \"%s\", \"category\": ",
                       fp[i], mtc_severity_name(is->severity));
        put_str(&b, is->category);
        size_t sa, se;
        if (mtc_issue_source_offsets(res->source_doc, is, &sa, &se)) {
            /* a check against the source: the source bytes it is about */
            mtc_buf_puts(&b, ", \"sourceFile\": ");
            mtc_escape_json(&b, res->source_doc->path, strlen(res->source_doc->path));
            mtc_buf_printf(&b, ", \"sourceByteStart\": %zu, \"sourceByteEnd\": %zu", sa, se);
        }
        mtc_buf_puts(&b, "}}");
    }
    mtc_buf_flush(&b);
    mtc_buf_free(&b);
    mtc_buf_free(&uri);
    free(fp);
}

/* The run's invocation: executionSuccessful is false when an input could
 * not be checked, each one a toolExecutionNotification (level error) with
 * its URI (a streamed record: "stdin" and its line) and the reason. */
static void put_invocation(mtc_buf *b, const sarif_state *st, const mtc_summary *sum)
{
    mtc_buf_printf(b, "\n    ],\n    \"invocations\": [{\"executionSuccessful\": %s, ",
                   sum->n_unread ? "false" : "true");
    if (sum->n_unread) {
        mtc_buf_puts(b, "\"toolExecutionNotifications\": [");
        for (size_t i = 0; i < sum->n_unread; i++) {
            const mtc_unread *u = &sum->unread[i];
            mtc_buf uri = MTC_BUF_INIT, m = MTC_BUF_INIT;
            if (u->line <= 0 && u->path)
                mtc_report_rel_path(&uri, &st->opt, u->path);
            else
                mtc_buf_puts(&uri, "stdin");
            if (u->line > 0)
                mtc_unread_describe(&m, u), mtc_buf_puts(&m, ": ");
            mtc_buf_printf(&m, "not checked: %s", u->reason);
            mtc_buf_puts(b, i ? ",\n        {\"level\": \"error\", \"message\": {\"text\": "
                              : "\n        {\"level\": \"error\", \"message\": {\"text\": ");
            mtc_escape_json(b, m.data, m.len);
            mtc_buf_puts(b, "}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": "
                            "{\"uri\": ");
            put_uri(b, uri.data, uri.len);
            mtc_buf_puts(b, ", \"uriBaseId\": \"%SRCROOT%\"}");
            if (u->line > 0)
                mtc_buf_printf(b, ", \"region\": {\"startLine\": %ld}", u->line);
            mtc_buf_puts(b, "}}], \"descriptor\": {\"id\": \"mtcheck.input\"}}");
            mtc_buf_free(&uri);
            mtc_buf_free(&m);
        }
        mtc_buf_puts(b, "],\n      ");
    }
    mtc_buf_printf(b,
                   "\"properties\": {\"files\": %zu, \"failedFiles\": %zu, \"issues\": %zu",
                   sum->files, sum->failed_files, sum->issues);
    if (sum->n_unread)
        mtc_buf_printf(b, ", \"notChecked\": %zu", sum->n_unread);
    mtc_buf_puts(b, "}}]\n  }]\n}\n");
}

static int sarif_end(void *state, const mtc_summary *sum)
{
    sarif_state *st = state;
    mtc_buf b = MTC_BUF_INIT;
    put_invocation(&b, st, sum);
    fwrite(b.data, 1, b.len, st->out);
    mtc_buf_free(&b);
    int rc = ferror(st->out) ? -1 : 0;
    free(st);
    return rc;
}

const mtc_reporter mtc_reporter_sarif = {"sarif", sarif_begin, sarif_article, sarif_end, NULL};
