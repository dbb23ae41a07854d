/* fuzz_pipeline.c — libFuzzer target for the whole pipeline on arbitrary
 * bytes: decoding, segmentation, tokenizing, every analyzer with every rule
 * on (off-by-default rules and --deep included), scoring and the gate. The
 * first byte picks the input format (text, Markdown, HTML) so the readers
 * are fuzzed too once they exist. Checks the result's invariants: issues
 * sorted and inside the text, scores in 0..100. The checker is created once
 * (hunspell handles are slow to build). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "checker.h"
#include "config.h"
#include "document.h"
#include "mtcheck.h"

static mtc_config *cfg;
static mtc_checker *chk;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    mtc_error err;
    memset(&err, 0, sizeof err);
    cfg = mtc_config_new();
    mtc_config_set_rule(cfg, "all", 1);
    cfg->deep = getenv("MTC_FUZZ_NO_DEEP") == NULL;
    if (mtc_checker_new(cfg, &chk, &err) != MTC_OK)
        abort(); /* no dictionary: nothing to fuzz */
    return 0;
}

static void check_result(const mtc_document *doc, const mtc_result *res)
{
    for (size_t i = 0; i < res->n_issues; i++) {
        const mtc_issue *is = &res->issues[i];
        if (is->start > is->end || is->end > doc->len || !is->rule || !is->message)
            abort();
        if (doc->n_sentences && is->sentence >= doc->n_sentences)
            abort();
        if (i && res->issues[i - 1].start > is->start)
            abort();
        long line, col;
        mtc_document_line_col(doc, is->start, &line, &col);
        if (line < 1 || col < 1)
            abort();
    }
    if (!(res->score >= 0 && res->score <= 100) || isnan(res->penalty))
        abort();
    for (size_t s = 0; s < doc->n_sentences; s++)
        if (!(res->sentence_score[s] >= 0 && res->sentence_score[s] <= 100))
            abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const mtc_input_format formats[] = {MTC_INPUT_TEXT, MTC_INPUT_TEXT, MTC_INPUT_MARKDOWN,
                                               MTC_INPUT_HTML};
    mtc_input_format fmt = MTC_INPUT_TEXT;
    if (size > 0) {
        fmt = formats[data[0] & 3];
        data++;
        size--;
    }
    mtc_error err;
    memset(&err, 0, sizeof err);
    mtc_document *doc = NULL;
    if (mtc_document_from_bytes("fuzz", (const char *)data, size, NULL, fmt, &doc, &err) != MTC_OK)
        return 0;
    if (doc->text[doc->len] != '\0')
        abort();
    mtc_result *res = NULL;
    if (mtc_checker_check(chk, doc, &res, &err) == MTC_OK) {
        check_result(doc, res);
        mtc_result_free(res);
    }
    mtc_document_free(doc);
    return 0;
}
