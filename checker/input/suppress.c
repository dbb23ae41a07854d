/* suppress.c — inline suppression directives (suppress.h): parses the
 * directives the readers pass in and turns disable/enable pairs and
 * disable-next-line into source ranges for the document. Knows nothing of
 * issues: the checker applies the ranges. Owns the builder's directives
 * until finish; the document owns the ranges. */
#include "suppress.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "utf8.h"

enum { DIR_DISABLE, DIR_ENABLE, DIR_NEXT_LINE };

typedef struct mtc_directive {
    int kind;
    size_t start, end;  /* the comment in source bytes */
    char rules[160];    /* space-separated; "all" when none given */
} mtc_directive;

static const char *find(const char *s, size_t len, const char *needle, size_t *at)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(s + i, needle, n) == 0) {
            *at = i;
            return s + i;
        }
    return NULL;
}

int mtc_suppress_comment(mtc_suppress_builder *b, const char *text, size_t len, size_t src_start,
                          size_t src_end)
{
    size_t at;
    if (!find(text, len, "mtcheck-", &at))
        return 0;
    /* must be the first word of the comment */
    for (size_t i = 0; i < at; i++) {
        char c = text[i];
        if (!(c == '<' || c == '!' || c == '-' || mtc_ascii_is_space((unsigned char)c)))
            return 0;
    }
    const char *p = text + at + 8;
    size_t rest = len - at - 8;
    int kind;
    size_t kw;
    if (rest >= 17 && memcmp(p, "disable-next-line", 17) == 0)
        kind = DIR_NEXT_LINE, kw = 17;
    else if (rest >= 7 && memcmp(p, "disable", 7) == 0)
        kind = DIR_DISABLE, kw = 7;
    else if (rest >= 6 && memcmp(p, "enable", 6) == 0)
        kind = DIR_ENABLE, kw = 6;
    else
        return 0;
    p += kw;
    rest -= kw;
    if (rest > 0 && !(mtc_ascii_is_space((unsigned char)*p) || *p == '-'))
        return 0; /* mtcheck-disabled, ... */
    mtc_grow((void **)&b->d, &b->cap, b->n + 1, sizeof *b->d);
    mtc_directive *d = &b->d[b->n++];
    memset(d, 0, sizeof *d);
    d->kind = kind;
    d->start = src_start;
    d->end = src_end;
    size_t w = 0;
    size_t i = 0;
    while (i < rest) {
        while (i < rest && (mtc_ascii_is_space((unsigned char)p[i]) || p[i] == ','))
            i++;
        size_t s = i;
        while (i < rest && !(mtc_ascii_is_space((unsigned char)p[i]) || p[i] == ','))
            i++;
        size_t n = i - s;
        if (n == 0 || (n >= 2 && memcmp(p + s, "--", 2) == 0))
            continue; /* the closing --> */
        if (w + n + 2 >= sizeof d->rules)
            break;
        if (w)
            d->rules[w++] = ' ';
        memcpy(d->rules + w, p + s, n);
        w += n;
        d->rules[w] = '\0';
    }
    if (w == 0)
        strcpy(d->rules, "all");
    return 1;
}

static int has_rule(const char *list, const char *id, size_t n)
{
    const char *p = list;
    while (*p) {
        const char *e = strchr(p, ' ');
        size_t k = e ? (size_t)(e - p) : strlen(p);
        if (k == n && memcmp(p, id, n) == 0)
            return 1;
        if (!e)
            break;
        p = e + 1;
    }
    return 0;
}

typedef struct range_list {
    mtc_suppression *r;
    size_t n, cap;
} range_list;

static void add_range(range_list *l, size_t start, size_t end, const char *rule, size_t rule_len)
{
    if (end <= start)
        return;
    mtc_grow((void **)&l->r, &l->cap, l->n + 1, sizeof *l->r);
    mtc_suppression *s = &l->r[l->n++];
    memset(s, 0, sizeof *s);
    s->start = start;
    s->end = end;
    snprintf(s->rules, sizeof s->rules, "%.*s", (int)rule_len, rule);
}

/* The next line after byte `from` that is not blank: [*ls, *le). */
static int next_line(const char *s, size_t n, size_t from, size_t *ls, size_t *le)
{
    size_t i = from;
    while (i < n && s[i] != '\n')
        i++;
    while (i < n) {
        i++; /* past '\n' */
        size_t a = i;
        int blank = 1;
        while (i < n && s[i] != '\n') {
            if (!mtc_ascii_is_space((unsigned char)s[i]))
                blank = 0;
            i++;
        }
        if (!blank) {
            *ls = a;
            *le = i;
            return 1;
        }
    }
    return 0;
}

void mtc_suppress_finish(mtc_suppress_builder *b, const char *source, size_t source_len,
                         mtc_suppression **out, size_t *n_out)
{
    range_list l = {NULL, 0, 0};
    for (size_t i = 0; i < b->n; i++) {
        const mtc_directive *d = &b->d[i];
        if (d->kind == DIR_NEXT_LINE) {
            size_t ls, le;
            if (next_line(source, source_len, d->end ? d->end - 1 : 0, &ls, &le))
                add_range(&l, ls, le, d->rules, strlen(d->rules));
            continue;
        }
        if (d->kind != DIR_DISABLE)
            continue;
        /* each rule of the disable runs to the first enable naming it (or
         * naming all), else to the end of the file */
        const char *p = d->rules;
        while (*p) {
            const char *e = strchr(p, ' ');
            size_t k = e ? (size_t)(e - p) : strlen(p);
            size_t end = source_len;
            for (size_t j = i + 1; j < b->n; j++) {
                const mtc_directive *x = &b->d[j];
                if (x->kind == DIR_ENABLE &&
                    (has_rule(x->rules, p, k) || has_rule(x->rules, "all", 3))) {
                    end = x->start;
                    break;
                }
            }
            add_range(&l, d->end, end, p, k);
            if (!e)
                break;
            p = e + 1;
        }
    }
    mtc_suppress_builder_free(b);
    *out = l.r;
    *n_out = l.n;
}

void mtc_suppress_builder_free(mtc_suppress_builder *b)
{
    free(b->d);
    memset(b, 0, sizeof *b);
}
