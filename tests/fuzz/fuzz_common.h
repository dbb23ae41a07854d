/* fuzz_common.h — shared by the reporter fuzz targets: turns one fuzz input
 * into a checked article (the first byte picks the input format, the bytes up
 * to the first newline are the file name, the rest is the article) and runs a
 * reporter over it into memory. The checker is built once per process, with
 * every rule on. Header-only (static functions): each target is one file. */
#ifndef MTC_FUZZ_COMMON_H
#define MTC_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checker.h"
#include "config.h"
#include "document.h"
#include "mtcheck.h"
#include "report.h"
#include "suppress.h"
#include "utf8.h"

typedef struct fz_article {
    char path[256];
    mtc_document *doc;
    mtc_result *res;
} fz_article;

static mtc_config *fz_cfg;
static mtc_checker *fz_chk;

static inline void fz_init(void)
{
    if (fz_chk)
        return;
    mtc_error err;
    memset(&err, 0, sizeof err);
    fz_cfg = mtc_config_new();
    mtc_config_set_rule(fz_cfg, "all", 1);
    if (mtc_checker_new(fz_cfg, &fz_chk, &err) != MTC_OK)
        abort();
}

/* Aborts unless the document keeps its contract: text NUL-terminated and
 * valid UTF-8, spans ordered and inside the text, the source map (Markdown,
 * HTML) inside the source and never going backwards (both the start and
 * the end map, a byte never ending before it starts), suppressions inside the
 * source, every position printable as a line and column. */
static inline void fz_check_document(const mtc_document *doc)
{
    size_t bad;
    if (doc->text[doc->len] != '\0' || !mtc_utf8_validate(doc->text, doc->len, &bad))
        abort();
    if (doc->map) {
        const mtc_srcmap *m = doc->map;
        if (m->n == 0 || m->text[0] != 0 || m->text[m->n - 1] != doc->len ||
            mtc_srcmap_start(m, doc->len) > doc->source_len)
            abort();
        for (size_t k = 1; k < m->n; k++)
            if (m->text[k] <= m->text[k - 1] || m->step[k] > 1)
                abort(); /* runs ascend in the text */
        for (size_t i = 0; i < doc->len; i++) {
            size_t a = mtc_srcmap_start(m, i), e = mtc_srcmap_end(m, i);
            if (a > doc->source_len || a > mtc_srcmap_start(m, i + 1) || e < a ||
                e > doc->source_len || (i && e < mtc_srcmap_end(m, i - 1)))
                abort();
        }
    } else if (doc->source != doc->text || doc->source_len != doc->len) {
        abort();
    }
    for (size_t i = 0; i < doc->n_suppressions; i++)
        if (doc->suppressions[i].start > doc->suppressions[i].end ||
            doc->suppressions[i].end > doc->source_len)
            abort();
    for (size_t p = 0; p < doc->n_paragraphs; p++) {
        const mtc_paragraph *pa = &doc->paragraphs[p];
        if (pa->start > pa->end || pa->end > doc->len ||
            (p && pa->start < doc->paragraphs[p - 1].end) ||
            pa->first_sentence + pa->n_sentences > doc->n_sentences)
            abort();
    }
    for (size_t s = 0; s < doc->n_sentences; s++) {
        const mtc_sentence *se = &doc->sentences[s];
        if (se->start > se->end || se->end > doc->len || se->paragraph >= doc->n_paragraphs ||
            (s && se->start < doc->sentences[s - 1].end) ||
            se->first_token + se->n_tokens > doc->n_tokens)
            abort();
    }
    for (size_t t = 0; t < doc->n_tokens; t++) {
        const mtc_token *tk = &doc->tokens[t];
        if (tk->start >= tk->end || tk->end > doc->len || (t && tk->start < doc->tokens[t - 1].end) ||
            (doc->n_sentences && (mtc_tok_sentence(doc, t) >= doc->n_sentences ||
                                  t >= doc->sentences[mtc_tok_sentence(doc, t)].first_token +
                                           doc->sentences[mtc_tok_sentence(doc, t)].n_tokens)))
            abort();
    }
    long line, col;
    mtc_document_line_col(doc, doc->len, &line, &col);
    if (line < 1 || (size_t)line > doc->n_lines || col < 1)
        abort();
}

/* Aborts unless the result keeps its contract: issues sorted, inside the
 * text, with a rule and a message; scores in 0..100. */
static inline void fz_check_result(const mtc_document *doc, const mtc_result *res)
{
    for (size_t i = 0; i < res->n_issues; i++) {
        const mtc_issue *is = &res->issues[i];
        if (is->start > is->end || is->end > doc->len || !is->rule || !is->category ||
            !is->message || is->n_suggestions > MTC_MAX_SUGGESTIONS)
            abort();
        if (is->sentence != (size_t)-1 && is->sentence >= doc->n_sentences)
            abort();
        if (i && res->issues[i - 1].start > is->start)
            abort();
        long line, col, eline, ecol;
        mtc_document_line_col(doc, is->start, &line, &col);
        mtc_document_line_col(doc, is->end, &eline, &ecol);
        if (line < 1 || col < 1 || eline < line)
            abort();
    }
    if (!(res->score >= 0 && res->score <= 100) || !(res->penalty >= 0))
        abort();
    for (size_t s = 0; s < doc->n_sentences; s++)
        if (!(res->sentence_score[s] >= 0 && res->sentence_score[s] <= 100))
            abort();
}

/* 0 when the input is checked (free with fz_free), -1 when it is rejected
 * (binary, undecodable): nothing to report. */
static inline int fz_check(const uint8_t *data, size_t size, fz_article *a)
{
    static const mtc_input_format formats[] = {MTC_INPUT_TEXT, MTC_INPUT_TEXT, MTC_INPUT_MARKDOWN,
                                               MTC_INPUT_HTML};
    memset(a, 0, sizeof *a);
    mtc_input_format fmt = MTC_INPUT_TEXT;
    if (size > 0) {
        fmt = formats[data[0] & 3];
        data++;
        size--;
    }
    size_t p = 0, k = 0;
    while (p < size && data[p] != '\n') {
        if (data[p] != '\0' && k + 1 < sizeof a->path)
            a->path[k++] = (char)data[p];
        p++;
    }
    a->path[k] = '\0';
    if (k == 0)
        strcpy(a->path, "article.txt");
    if (p < size)
        p++;
    mtc_error err;
    memset(&err, 0, sizeof err);
    if (mtc_document_from_bytes(a->path, (const char *)data + p, size - p, NULL, fmt, &a->doc,
                                &err) != MTC_OK)
        return -1;
    if (mtc_checker_check(fz_chk, a->doc, &a->res, &err) != MTC_OK) {
        mtc_document_free(a->doc);
        a->doc = NULL;
        return -1;
    }
    fz_check_document(a->doc);
    fz_check_result(a->doc, a->res);
    return 0;
}

static inline void fz_free(fz_article *a)
{
    mtc_result_free(a->res);
    mtc_document_free(a->doc);
    memset(a, 0, sizeof *a);
}

/* Runs reporter rep over the article (twice, as two files, so separators are
 * exercised); returns the malloc'ed output and its length. */
static inline char *fz_report(const mtc_reporter *rep, const fz_article *a, size_t *len)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    if (!f)
        abort();
    mtc_report_options ropt;
    memset(&ropt, 0, sizeof ropt);
    ropt.cfg = fz_cfg;
    ropt.show_context = 1;
    void *st = rep->begin(f, &ropt);
    mtc_summary sum;
    memset(&sum, 0, sizeof sum);
    for (int i = 0; i < 2; i++) {
        rep->article(st, a->res);
        mtc_summary_add(&sum, a->res);
    }
    if (rep->end(st, &sum) != 0)
        abort();
    mtc_summary_free(&sum);
    fclose(f);
    *len = n;
    return buf;
}

#endif
