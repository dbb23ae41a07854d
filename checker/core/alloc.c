/* alloc.c — xmalloc family: the only place where running out of memory is
 * handled (by aborting with a message). Owns nothing. */
#include "alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(size_t n)
{
    fprintf(stderr, "mtcheck: out of memory (%zu bytes)\n", n);
    abort();
}

void *mtc_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        out_of_memory(n);
    return p;
}

void *mtc_xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        out_of_memory(count * size);
    return p;
}

void *mtc_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        out_of_memory(n);
    return q;
}

char *mtc_xstrdup(const char *s)
{
    return mtc_xstrndup(s, strlen(s));
}

char *mtc_xstrndup(const char *s, size_t n)
{
    char *d = mtc_xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

void mtc_grow(void **items, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return;
    size_t ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > ((size_t)-1) / 2 / elem)
            out_of_memory(need * elem);
        ncap *= 2;
    }
    *items = mtc_xrealloc(*items, ncap * elem);
    *cap = ncap;
}
