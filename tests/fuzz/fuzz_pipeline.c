/* fuzz_pipeline.c — libFuzzer target for the whole pipeline on arbitrary
 * bytes: decoding, the Markdown/HTML readers (the first byte picks text,
 * Markdown or HTML), segmentation, tokenizing, every analyzer with every
 * rule on (off-by-default rules included), suppressions, scoring and the
 * gate. Aborts when the document or the result breaks its contract
 * (fz_check_document, fz_check_result). The checker is created once: a
 * hunspell handle takes ~50 ms. */
#include "fuzz_common.h"

static mtc_config *pl_cfg;
static mtc_checker *pl_chk;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    mtc_error err;
    memset(&err, 0, sizeof err);
    pl_cfg = mtc_config_new();
    mtc_config_set_rule(pl_cfg, "all", 1);
    if (mtc_checker_new(pl_cfg, &pl_chk, &err) != MTC_OK)
        abort(); /* no dictionary: nothing to fuzz */
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const mtc_input_format pl_formats[] = {MTC_INPUT_TEXT, MTC_INPUT_TEXT,
                                                  MTC_INPUT_MARKDOWN, MTC_INPUT_HTML};
    mtc_input_format fmt = MTC_INPUT_TEXT;
    if (size > 0) {
        fmt = pl_formats[data[0] & 3];
        data++;
        size--;
    }
    mtc_error err;
    memset(&err, 0, sizeof err);
    mtc_document *doc = NULL;
    if (mtc_document_from_bytes("fuzz", (const char *)data, size, NULL, fmt, &doc, &err) != MTC_OK)
        return 0;
    fz_check_document(doc);
    mtc_result *res = NULL;
    if (mtc_checker_check(pl_chk, doc, &res, &err) == MTC_OK) {
        fz_check_result(doc, res);
        mtc_result_free(res);
    }
    mtc_document_free(doc);
    return 0;
}
