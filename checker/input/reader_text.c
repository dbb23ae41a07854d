/* reader_text.c — the plain-text reader: the text is the decoded source
 * itself, except for suppression directive lines (suppress.h), which it
 * feeds to the suppressions and blanks out of the checked text (a directive
 * line reads as a blank line: it ends the paragraph before it). A directive
 * line is a whole line, surrounding spaces and tabs aside, of the form
 *   [mtcheck-disable RULE ...]   [mtcheck-enable RULE ...]
 *   [mtcheck-disable-next-line RULE ...]
 * with no other ']' inside: a bracketed note in news copy does not start
 * with "mtcheck-" and never stands alone on its line like this. Owns
 * nothing after returning. */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "reader.h"

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* The directive of line src[a, b) (trimmed to [*ds, *de)), or 0. */
static int directive_line(const char *src, size_t a, size_t b, size_t *ds, size_t *de)
{
    while (a < b && is_blank(src[a]))
        a++;
    while (b > a && is_blank(src[b - 1]))
        b--;
    static const char open[] = "[mtcheck-";
    if (b - a < sizeof open || memcmp(src + a, open, sizeof open - 1) != 0 || src[b - 1] != ']')
        return 0;
    if (memchr(src + a + 1, ']', b - a - 2)) /* "[mtcheck-x] more [text]" */
        return 0;
    *ds = a;
    *de = b;
    return 1;
}

mtc_status mtc_read_text(const char *src, size_t len, char **blanked, mtc_suppress_builder *sup,
                         mtc_error *err)
{
    (void)err;
    *blanked = NULL;
    size_t i = 0;
    while (i < len) {
        const char *nl = memchr(src + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - src) : len;
        size_t ds, de;
        /* only lines that open with '[' can be directives: skip the rest fast */
        if (e - i >= 10 && memchr(src + i, '[', e - i) && directive_line(src, i, e, &ds, &de) &&
            mtc_suppress_comment(sup, src + ds + 1, de - ds - 2, ds, de)) {
            if (!*blanked) {
                *blanked = mtc_xmalloc(len + 1);
                memcpy(*blanked, src, len + 1);
            }
            memset(*blanked + ds, ' ', de - ds);
        }
        i = e + 1;
    }
    return MTC_OK;
}
