/* alloc.h — allocation helpers: out of memory aborts, nothing else does.
 * Every other error in the library is returned to the caller as mtc_error. */
#ifndef MTC_ALLOC_H
#define MTC_ALLOC_H

#include <stddef.h>

void *mtc_xmalloc(size_t n);
void *mtc_xcalloc(size_t count, size_t size);
void *mtc_xrealloc(void *p, size_t n);
char *mtc_xstrdup(const char *s);
char *mtc_xstrndup(const char *s, size_t n);

/* Grows *items (element size elem) so that it holds at least need elements;
 * *cap is updated. Doubles, so appends are amortised O(1). */
void mtc_grow(void **items, size_t *cap, size_t need, size_t elem);

#endif
