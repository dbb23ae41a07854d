/* data.c — serves the data files embedded at build time (build/gen/
 * embedded.c, made by checker/gen/embed.c) and parses line-oriented data
 * files. Owns nothing: the embedded bytes are static. */
#include "data.h"

#include <string.h>

struct mtc_embedded_file {
    const char *name;
    const unsigned char *data;
    size_t len;
};
extern const struct mtc_embedded_file mtc_embedded_files[];

const char *mtc_data_get(const char *name, size_t *len)
{
    for (const struct mtc_embedded_file *f = mtc_embedded_files; f->name; f++) {
        if (strcmp(f->name, name) == 0) {
            if (len)
                *len = f->len;
            return (const char *)f->data;
        }
    }
    return NULL;
}

const char *mtc_data_name(size_t i)
{
    for (size_t k = 0; mtc_embedded_files[k].name; k++)
        if (k == i)
            return mtc_embedded_files[k].name;
    return NULL;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

int mtc_data_each_line(const char *data, size_t len, mtc_data_line_fn fn, void *ctx,
                       long *bad_line)
{
    size_t i = 0;
    long lineno = 0;
    while (i < len) {
        const char *nl = memchr(data + i, '\n', len - i);
        size_t j = nl ? (size_t)(nl - data) : len;
        lineno++;
        size_t a = i, b = j;
        /* a '#' starts a comment when it begins the line or follows a blank */
        for (const char *h = memchr(data + a, '#', b - a); h;) {
            size_t k = (size_t)(h - data);
            if (k == a || is_blank(data[k - 1])) {
                b = k;
                break;
            }
            h = memchr(h + 1, '#', b - k - 1);
        }
        while (a < b && is_blank(data[a]))
            a++;
        while (b > a && is_blank(data[b - 1]))
            b--;
        if (b > a && fn(data + a, b - a, lineno, ctx) != 0) {
            if (bad_line)
                *bad_line = lineno;
            return -1;
        }
        i = j + 1;
    }
    return 0;
}

mtc_status mtc_data_load_lines(const char *name, mtc_data_line_fn fn, void *ctx, mtc_error *err)
{
    size_t len;
    const char *data = mtc_data_get(name, &len);
    if (!data) {
        mtc_error_set(err, MTC_ERR_CONFIG, name, -1, -1, "data file is not built into mtcheck");
        return MTC_ERR_CONFIG;
    }
    long bad = -1;
    if (mtc_data_each_line(data, len, fn, ctx, &bad) != 0) {
        mtc_error_set(err, MTC_ERR_CONFIG, name, -1, bad, "malformed entry");
        return MTC_ERR_CONFIG;
    }
    return MTC_OK;
}

int mtc_data_tags(const char *p, const char *end, const mtc_data_tag *tags, size_t n,
                  unsigned *bits)
{
    *bits = 0;
    while (p < end) {
        const char *q = p;
        while (q < end && *q != ',')
            q++;
        const char *a = p, *b = q;
        while (a < b && (*a == ' ' || *a == '\t'))
            a++;
        while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
            b--;
        size_t len = (size_t)(b - a), k;
        if (len > 0) {
            for (k = 0; k < n; k++)
                if (strlen(tags[k].name) == len && memcmp(tags[k].name, a, len) == 0)
                    break;
            if (k == n)
                return -1;
            *bits |= tags[k].bit;
        }
        p = q + 1;
    }
    return 0;
}
