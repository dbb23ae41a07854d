/* wordset.h — an open-addressing hash set of byte strings (word lists,
 * caches). Owns copies of its keys. Not thread-safe for writes; read-only
 * sharing between threads is fine. */
#ifndef MTC_WORDSET_H
#define MTC_WORDSET_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "mtcheck.h"

/* The sets' hash of a key, public so that a word hashed once (the article's
 * interned words, words.h) is looked up without hashing it again. A
 * multiply-xorshift hash reading 8 bytes at a time (words are short; the
 * byte-at-a-time FNV-1a it replaces cost more than the probe). The last 1-8
 * bytes are read as two overlapping 4-byte loads, or 3 bytes when shorter. */
static inline uint64_t mtc_wordset_load32_(const unsigned char *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

static inline uint64_t mtc_wordset_hash(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    uint64_t h = 0x9E3779B97F4A7C15ull ^ ((uint64_t)len * 0xC2B2AE3D27D4EB4Full);
    while (len > 8) {
        uint64_t v;
        memcpy(&v, p, 8);
        h = (h ^ v) * 0x9FB21C651E98DF25ull;
        h ^= h >> 29;
        p += 8;
        len -= 8;
    }
    uint64_t v = 0;
    if (len >= 4)
        v = mtc_wordset_load32_(p) | mtc_wordset_load32_(p + len - 4) << 32;
    else if (len)
        v = (uint64_t)p[0] | (uint64_t)p[len >> 1] << 8 | (uint64_t)p[len - 1] << 16;
    h = (h ^ v) * 0x9FB21C651E98DF25ull;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 32;
    return h;
}

typedef struct mtc_wordset mtc_wordset;

mtc_wordset *mtc_wordset_new(void);
void mtc_wordset_free(mtc_wordset *set);
/* Adds a key with an integer value (replaces the value if present). */
void mtc_wordset_put(mtc_wordset *set, const char *key, size_t len, intptr_t value);
void mtc_wordset_add(mtc_wordset *set, const char *key, size_t len); /* value 1 */
/* 1 if present (and *value set when value != NULL), else 0. */
int mtc_wordset_get(const mtc_wordset *set, const char *key, size_t len, intptr_t *value);
/* mtc_wordset_get with the key's hash already computed (mtc_wordset_hash). */
int mtc_wordset_get_hashed(const mtc_wordset *set, const char *key, size_t len, uint64_t hash,
                           intptr_t *value);
int mtc_wordset_contains(const mtc_wordset *set, const char *key, size_t len);
/* Adds a filter to a set most look-ups of which miss: a bit per hash value
 * (16 bits a key, at least 512 in all), set for every key (those added
 * later too); a look-up whose bit is clear answers "absent" without
 * probing the table, reading a bitmap small enough for the cache instead.
 * Answers do not change. */
void mtc_wordset_add_filter(mtc_wordset *set);

/* Calls fn for every key (in table order) with its value. */
typedef void (*mtc_wordset_fn)(const char *key, size_t len, intptr_t value, void *ctx);
void mtc_wordset_each(const mtc_wordset *set, mtc_wordset_fn fn, void *ctx);

/* Appends an image of set to out (its table and keys as they are in
 * memory, padded to 16 bytes): a build step writes it, the binary links
 * it, mtc_wordset_thaw reads it with nothing to parse. Returns its size.
 * The image is for the build that wrote it (the slot layout is checked). */
struct mtc_buf;
size_t mtc_wordset_freeze(const mtc_wordset *set, struct mtc_buf *out);
/* A read-only set over an image at image (16-byte aligned, len bytes
 * available), borrowed: the image must outlive the set, mtc_wordset_put
 * aborts, mtc_wordset_free frees only the set. *used (may be NULL): the
 * image's size, where the next one starts. NULL when it is no image. */
mtc_wordset *mtc_wordset_thaw(const void *image, size_t len, size_t *used);
size_t mtc_wordset_count(const mtc_wordset *set);
/* Makes room for n keys of key_bytes bytes in all (a hint: loading a big
 * list then grows the table once). */
void mtc_wordset_reserve(mtc_wordset *set, size_t n, size_t key_bytes);
/* Upper bounds for a line file's entries (lines) and their bytes, to pass
 * to mtc_wordset_reserve before loading it; 0 when the file is absent. */
void mtc_wordset_size_hint(const char *name, size_t *n, size_t *bytes);
/* Adds every entry of an embedded line file (data.h); with lower != 0 the
 * entries are lowercased (ASCII + Unicode) first. */
mtc_status mtc_wordset_load(mtc_wordset *set, const char *name, int lower, mtc_error *err);

#endif
