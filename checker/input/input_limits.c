/* input_limits.c — bounds the parsing libraries do not have. gumbo builds
 * a tree as deep as the markup nests and walks (and frees) it recursively,
 * with an open-element stack search per tag: 80,000 nested tables overflow
 * the stack and 100,000 nested <div>s take minutes. cmark-gfm pads every
 * table row to its header's width: a 4,000-column header over 4,000 short
 * rows becomes 16 million cells. Both are measured here, in linear pre-scans
 * of the source, before the library sees it. Owns nothing. */
#include "input_limits.h"

#include <string.h>

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int is_name_char(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == ':' || c == '_';
}

/* Tag names (lowercase) compared with the name at s[0, n). */
static int name_is(const char *s, size_t n, const char *name)
{
    size_t k = strlen(name);
    if (n != k)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (lower((unsigned char)s[i]) != name[i])
            return 0;
    return 1;
}

static int name_in(const char *s, size_t n, const char *const *names)
{
    for (size_t i = 0; names[i]; i++)
        if (name_is(s, n, names[i]))
            return 1;
    return 0;
}

/* Elements that never have content (HTML's void elements). */
static const char *const void_elements[] = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "param", "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame", NULL,
};

/* Elements whose start tag ends an open one of the same family (an
 * unclosed <p>, <li> or <td> is a sibling of the next, not its parent). */
static const char *const implied_end[] = {
    "p",     "li",    "dt", "dd", "option", "optgroup", "tr", "td", "th",
    "thead", "tbody", "tfoot", "rb", "rt",  "rp",       "rtc", "colgroup", "caption", NULL,
};

/* Elements whose content is raw text up to their end tag. */
static const char *const raw_text[] = {
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
    "plaintext", NULL,
};

static int ascii_ncaseeq(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (lower((unsigned char)a[i]) != lower((unsigned char)b[i]))
            return 0;
    return 1;
}

/* Finds "</name" (case-insensitive) from s[i]; returns its offset or len. */
static size_t find_end_tag(const char *s, size_t len, size_t i, const char *name, size_t n)
{
    for (; i + 2 + n <= len; i++) {
        const char *lt = memchr(s + i, '<', len - i);
        if (!lt)
            return len;
        i = (size_t)(lt - s);
        if (i + 2 + n <= len && s[i + 1] == '/' && ascii_ncaseeq(s + i + 2, name, n))
            return i;
    }
    return len;
}

int mtc_html_nesting_exceeds(const char *src, size_t len, size_t max_depth, size_t *at)
{
    size_t depth = 0;
    size_t i = 0;
    while (i < len) {
        const char *lt = memchr(src + i, '<', len - i);
        if (!lt)
            break;
        i = (size_t)(lt - src);
        if (i + 4 <= len && memcmp(src + i, "<!--", 4) == 0) {
            size_t j = i + 4;
            while (j + 3 <= len && memcmp(src + j, "-->", 3) != 0)
                j++;
            i = j + 3 <= len ? j + 3 : len;
            continue;
        }
        int closing = i + 1 < len && src[i + 1] == '/';
        size_t ns = i + 1 + (size_t)closing, ne = ns;
        if (ne >= len || !((src[ne] >= 'a' && src[ne] <= 'z') || (src[ne] >= 'A' && src[ne] <= 'Z'))) {
            i++; /* "<" in text, "<!DOCTYPE", "<?xml" */
            continue;
        }
        while (ne < len && is_name_char((unsigned char)src[ne]))
            ne++;
        size_t tag_at = i;
        /* the end of the tag: the next '>' outside a quoted attribute value */
        size_t j = ne;
        char quote = 0;
        for (; j < len; j++) {
            char c = src[j];
            if (quote) {
                if (c == quote)
                    quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                break;
            }
        }
        int self_closing = j > ne && j < len && src[j - 1] == '/';
        i = j < len ? j + 1 : len;
        size_t n = ne - ns;
        if (closing) {
            if (depth > 0 && !name_in(src + ns, n, void_elements) &&
                !name_in(src + ns, n, implied_end))
                depth--;
            continue;
        }
        if (name_in(src + ns, n, raw_text)) {
            char name[16];
            size_t k = n < sizeof name - 1 ? n : sizeof name - 1;
            for (size_t q = 0; q < k; q++)
                name[q] = (char)lower((unsigned char)src[ns + q]);
            name[k] = '\0';
            i = find_end_tag(src, len, i, name, k);
            continue;
        }
        if (self_closing || name_in(src + ns, n, void_elements) ||
            name_in(src + ns, n, implied_end))
            continue;
        if (++depth > max_depth) {
            *at = tag_at;
            return 1;
        }
    }
    return 0;
}

/* The length of the line at s[i] (without its line break). */
static size_t line_end(const char *s, size_t len, size_t i)
{
    const char *nl = memchr(s + i, '\n', len - i);
    return nl ? (size_t)(nl - s) : len;
}

/* Columns of a GFM delimiter row ("| --- | :-: |"), 0 if it is not one. */
static size_t delimiter_columns(const char *s, size_t a, size_t b)
{
    size_t cols = 0, dashes = 0;
    int in_cell = 0;
    while (a < b && (s[a] == ' ' || s[a] == '\t'))
        a++;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r'))
        b--;
    if (a >= b)
        return 0;
    int has_pipe = 0;
    for (size_t i = a; i < b; i++) {
        char c = s[i];
        if (c == '|') {
            has_pipe = 1;
            if (in_cell) {
                if (!dashes)
                    return 0;
                cols++;
            }
            in_cell = 0;
            dashes = 0;
        } else if (c == '-') {
            in_cell = 1;
            dashes++;
        } else if (c == ':') {
            in_cell = 1;
        } else if (c != ' ' && c != '\t') {
            return 0;
        }
    }
    if (in_cell) {
        if (!dashes)
            return 0;
        cols++;
    }
    return has_pipe || cols > 1 ? cols : 0;
}

size_t mtc_markdown_table_cells(const char *src, size_t len, size_t *at)
{
    size_t total = 0, largest = 0;
    *at = 0;
    size_t i = 0;
    while (i < len) {
        size_t e = line_end(src, len, i);
        size_t cols = memchr(src + i, '-', e - i) ? delimiter_columns(src, i, e) : 0;
        size_t next = e < len ? e + 1 : len;
        if (cols > 0) {
            /* the table's rows run to the next blank line */
            size_t rows = 1, k = next;
            while (k < len) {
                size_t ke = line_end(src, len, k);
                size_t q = k;
                while (q < ke && (src[q] == ' ' || src[q] == '\t' || src[q] == '\r'))
                    q++;
                if (q == ke)
                    break;
                rows++;
                k = ke < len ? ke + 1 : len;
            }
            size_t cells = cols * (rows + 1);
            if (cells > largest) {
                largest = cells;
                *at = i;
            }
            total += cells;
            next = k;
        }
        i = next;
    }
    return total;
}
