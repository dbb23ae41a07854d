/* fuzz_report_other.c — libFuzzer target for the line- and table-shaped
 * reporters: text (no context, and with the sentence and caret lines),
 * github (workflow commands: every line one "::level ...::" command, the
 * article's newlines escaped), markdown (every row of a table has the cells
 * of its header) and checkstyle (XML: every '<' opens one of its own tags,
 * every '&' starts a reference, attribute values hold no raw quote); both
 * documents valid UTF-8 whatever the bytes of the file name. */
#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fz_init();
    return 0;
}

static void ot_check_github(const char *s, size_t len)
{
    size_t p = 0;
    while (p < len) {
        size_t e = p;
        while (e < len && s[e] != '\n')
            e++;
        if (e > p && !(strncmp(s + p, "::error ", 8) == 0 || strncmp(s + p, "::warning ", 10) == 0 ||
                       strncmp(s + p, "::notice ", 9) == 0 || strncmp(s + p, "::group::", 9) == 0 ||
                       strncmp(s + p, "::endgroup::", 12) == 0))
            abort(); /* a line that is not a workflow command */
        if (memchr(s + p, '\r', e - p))
            abort();
        p = e + 1;
    }
}

/* Unescaped '|' in a Markdown table row (code spans are not special here:
 * the reporter must escape pipes everywhere). */
static size_t ot_cells(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\\') {
            i++;
            continue;
        }
        if (s[i] == '|')
            c++;
    }
    return c;
}

static void ot_check_markdown(const char *s, size_t len)
{
    size_t p = 0, header = 0;
    while (p < len) {
        size_t e = p;
        while (e < len && s[e] != '\n')
            e++;
        if (e > p && s[p] == '|') {
            size_t c = ot_cells(s + p, e - p);
            if (header == 0)
                header = c;
            else if (c != header)
                abort(); /* a table row with too many or too few cells */
        } else {
            header = 0;
        }
        p = e + 1;
    }
}

static void ot_check_xml(const char *s, size_t len)
{
    static const char *const tags[] = {"<?xml ", "<checkstyle", "</checkstyle>", "<file ",
                                       "</file>", "<error "};
    static const char *const refs[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#"};
    int in_tag = 0, in_value = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (in_value) {
            if (c == '"')
                in_value = 0;
            else if (c == '<')
                abort();
        } else if (in_tag) {
            if (c == '"')
                in_value = 1;
            else if (c == '>')
                in_tag = 0;
            else if (c == '<')
                abort();
        } else if (c == '<') {
            size_t k = 0;
            while (k < sizeof tags / sizeof tags[0] &&
                   strncmp(s + i, tags[k], strlen(tags[k])) != 0)
                k++;
            if (k == sizeof tags / sizeof tags[0])
                abort(); /* a tag the reporter does not write */
            in_tag = 1;
        } else if (c == '>') {
            abort();
        }
        if (c == '&') {
            size_t k = 0;
            while (k < sizeof refs / sizeof refs[0] &&
                   strncmp(s + i, refs[k], strlen(refs[k])) != 0)
                k++;
            if (k == sizeof refs / sizeof refs[0])
                abort(); /* a bare ampersand */
        }
    }
    if (in_tag || in_value)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_article a;
    if (fz_check(data, size, &a) != 0)
        return 0;
    static const char *const ot_formats[] = {"text", "github", "markdown", "checkstyle"};
    for (size_t f = 0; f < sizeof ot_formats / sizeof ot_formats[0]; f++) {
        const mtc_reporter *rep = mtc_reporter_find(ot_formats[f]);
        if (!rep)
            continue;
        size_t len;
        char *out = fz_report(rep, &a, &len);
        size_t bad;
        if (f >= 2 && !mtc_utf8_validate(out, len, &bad))
            abort(); /* a Markdown or XML document that is not UTF-8 */
        if (f == 1)
            ot_check_github(out, len);
        else if (f == 2)
            ot_check_markdown(out, len);
        else if (f == 3)
            ot_check_xml(out, len);
        free(out);
    }
    fz_free(&a);
    return 0;
}
