/* fuzz_reader.c — libFuzzer target for the Markdown and HTML readers
 * (reader_markdown.c, reader_html.c, reader_extract.c, suppress.c): the
 * first byte picks the reader, the rest is the source, decoded as UTF-8 or
 * detected. Aborts when the document breaks its contract: prose that is not
 * valid UTF-8, a source map outside the source or going backwards,
 * suppressions outside the source (fz_check_document). No analyzers: fast. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    mtc_input_format fmt = MTC_INPUT_MARKDOWN;
    if (size > 0) {
        fmt = (data[0] & 1) ? MTC_INPUT_HTML : MTC_INPUT_MARKDOWN;
        data++;
        size--;
    }
    mtc_error err;
    memset(&err, 0, sizeof err);
    mtc_document *doc = NULL;
    if (mtc_document_from_bytes("fuzz", (const char *)data, size, NULL, fmt, &doc, &err) != MTC_OK)
        return 0;
    fz_check_document(doc);
    for (size_t i = 0; i <= doc->len; i += 1 + i / 8) {
        long line, col;
        mtc_document_line_col(doc, i, &line, &col);
        if (line < 1 || col < 1)
            abort();
    }
    mtc_document_free(doc);
    return 0;
}
