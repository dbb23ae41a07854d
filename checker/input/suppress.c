/* suppress.c — inline suppression directives (suppress.h): parses the
 * directives the readers pass in and turns disable/enable pairs and
 * disable-next-line into source ranges for the document. Knows nothing of
 * issues: the checker applies the ranges. Owns the builder's directives
 * until finish; the document owns the ranges. Also the index the checker
 * matches issues against: per rule name, the sorted disjoint ranges naming
 * it, so an issue costs a few binary searches whatever the number of
 * directives. */
#include "suppress.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "wordset.h"
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

/* The next word of a space-separated list: sets *w and *k (its length)
 * and advances *p past it; 0 at the end of the list. */
static int next_word(const char **p, const char **w, size_t *k)
{
    if (!**p)
        return 0;
    const char *e = strchr(*p, ' ');
    *w = *p;
    *k = e ? (size_t)(e - *p) : strlen(*p);
    *p = e ? e + 1 : *p + *k;
    return 1;
}

static size_t count_words(const char *list)
{
    const char *w;
    size_t k, n = 0;
    while (next_word(&list, &w, &k))
        n++;
    return n;
}

void mtc_suppress_finish(mtc_suppress_builder *b, const char *source, size_t source_len,
                         mtc_suppression **out, size_t *n_out)
{
    /* Each rule of a disable runs to the first later enable naming it or
     * naming "all", else to the end of the file. One backward pass keeps,
     * per rule name, the nearest later enable naming it (and the nearest
     * naming all), so pairing costs O(directives), not O(directives^2):
     * end_of[w] is that end for the w-th word of the disables, counted in
     * directive order. */
    size_t n_words = 0;
    for (size_t i = 0; i < b->n; i++)
        if (b->d[i].kind == DIR_DISABLE)
            n_words += count_words(b->d[i].rules);
    size_t *end_of = n_words ? mtc_xmalloc(n_words * sizeof *end_of) : NULL;
    mtc_wordset *next_enable = mtc_wordset_new(); /* rule name -> directive index */
    size_t next_all = b->n, w_at = n_words;
    for (size_t i = b->n; i-- > 0;) {
        const mtc_directive *d = &b->d[i];
        if (d->kind == DIR_ENABLE) {
            const char *p = d->rules, *w;
            size_t k;
            while (next_word(&p, &w, &k)) {
                mtc_wordset_put(next_enable, w, k, (intptr_t)i);
                if (k == 3 && memcmp(w, "all", 3) == 0)
                    next_all = i;
            }
        } else if (d->kind == DIR_DISABLE) {
            w_at -= count_words(d->rules);
            size_t at = w_at, k;
            const char *p = d->rules, *w;
            while (next_word(&p, &w, &k)) {
                intptr_t j;
                size_t e = next_all;
                if (mtc_wordset_get(next_enable, w, k, &j) && (size_t)j < e)
                    e = (size_t)j;
                end_of[at++] = e < b->n ? b->d[e].start : source_len;
            }
        }
    }
    mtc_wordset_free(next_enable);

    range_list l = {NULL, 0, 0};
    w_at = 0;
    for (size_t i = 0; i < b->n; i++) {
        const mtc_directive *d = &b->d[i];
        if (d->kind == DIR_NEXT_LINE) {
            size_t ls, le;
            if (next_line(source, source_len, d->end ? d->end - 1 : 0, &ls, &le))
                add_range(&l, ls, le, d->rules, strlen(d->rules));
        } else if (d->kind == DIR_DISABLE) {
            const char *p = d->rules, *w;
            size_t k;
            while (next_word(&p, &w, &k))
                add_range(&l, d->end, end_of[w_at++], w, k);
        }
    }
    free(end_of);
    mtc_suppress_builder_free(b);
    *out = l.r;
    *n_out = l.n;
}

/* ---- the index the checker queries (suppress.h) ---- */

typedef struct span {
    size_t start, end;
} span;

typedef struct span_list {
    span *s;
    size_t n, cap;
} span_list;

struct mtc_suppress_index {
    mtc_wordset *names; /* rule name -> index into lists */
    span_list *lists;   /* per name: disjoint spans sorted by start */
    size_t n_lists, cap_lists;
};

static int span_cmp(const void *a, const void *b)
{
    const span *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->end < y->end ? -1 : x->end > y->end;
}

mtc_suppress_index *mtc_suppress_index_build(const mtc_suppression *s, size_t n)
{
    if (n == 0)
        return NULL;
    mtc_suppress_index *ix = mtc_xcalloc(1, sizeof *ix);
    ix->names = mtc_wordset_new();
    for (size_t i = 0; i < n; i++) {
        if (s[i].end <= s[i].start)
            continue;
        const char *p = s[i].rules, *w;
        size_t k;
        while (next_word(&p, &w, &k)) {
            intptr_t li;
            if (!mtc_wordset_get(ix->names, w, k, &li)) {
                li = (intptr_t)ix->n_lists;
                mtc_grow((void **)&ix->lists, &ix->cap_lists, ix->n_lists + 1, sizeof *ix->lists);
                memset(&ix->lists[ix->n_lists++], 0, sizeof *ix->lists);
                mtc_wordset_put(ix->names, w, k, li);
            }
            span_list *sl = &ix->lists[li];
            mtc_grow((void **)&sl->s, &sl->cap, sl->n + 1, sizeof *sl->s);
            sl->s[sl->n++] = (span){s[i].start, s[i].end};
        }
    }
    /* sort and merge overlapping or touching spans: each list becomes disjoint */
    for (size_t i = 0; i < ix->n_lists; i++) {
        span_list *sl = &ix->lists[i];
        qsort(sl->s, sl->n, sizeof *sl->s, span_cmp);
        size_t w = 0;
        for (size_t r = 0; r < sl->n; r++) {
            if (w > 0 && sl->s[r].start <= sl->s[w - 1].end) {
                if (sl->s[r].end > sl->s[w - 1].end)
                    sl->s[w - 1].end = sl->s[r].end;
            } else {
                sl->s[w++] = sl->s[r];
            }
        }
        sl->n = w;
    }
    return ix;
}

int mtc_suppress_index_covers(const mtc_suppress_index *ix, size_t off, const char *name,
                              size_t len)
{
    intptr_t li;
    if (!ix || !mtc_wordset_get(ix->names, name, len, &li))
        return 0;
    const span_list *sl = &ix->lists[li];
    size_t lo = 0, hi = sl->n; /* first span starting after off */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sl->s[mid].start <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && off < sl->s[lo - 1].end;
}

void mtc_suppress_index_free(mtc_suppress_index *ix)
{
    if (!ix)
        return;
    for (size_t i = 0; i < ix->n_lists; i++)
        free(ix->lists[i].s);
    free(ix->lists);
    mtc_wordset_free(ix->names);
    free(ix);
}

void mtc_suppress_builder_free(mtc_suppress_builder *b)
{
    free(b->d);
    memset(b, 0, sizeof *b);
}
