/* bytes.h — unaligned word loads and the equality of short byte strings
 * with overlapping loads (a word's form is short: a call to memcmp costs
 * more than the compare). Shared by the word sets (wordset.c) and the
 * article's interned words (words.c). Header only, no state. */
#ifndef MTC_BYTES_H
#define MTC_BYTES_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline uint32_t mtc_load32(const void *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

static inline uint64_t mtc_load64(const void *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

/* 1 when a[0, n) == b[0, n). */
static inline int mtc_bytes_equal(const char *a, const char *b, size_t n)
{
    if (n > 16)
        return memcmp(a, b, n) == 0;
    if (n >= 8)
        return mtc_load64(a) == mtc_load64(b) && mtc_load64(a + n - 8) == mtc_load64(b + n - 8);
    if (n >= 4)
        return mtc_load32(a) == mtc_load32(b) && mtc_load32(a + n - 4) == mtc_load32(b + n - 4);
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

#endif
