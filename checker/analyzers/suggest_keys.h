/* suggest_keys.h — the deletion keys of the suggestion index, shared by the
 * build-time generator (checker/gen/suggest_index.c) and the run-time
 * search (suggest.c), so both hash exactly alike. A word's keys are the
 * hashes of its lowercase code points with 0, 1 or 2 of them deleted (the
 * SymSpell idea: two words within two edits share a key); a hash picks a
 * bucket (its high bits) and a fingerprint (its low byte). Also the blob's
 * layout. Header only, no state. */
#ifndef MTC_SUGGEST_KEYS_H
#define MTC_SUGGEST_KEYS_H

#include <stddef.h>
#include <stdint.h>

/* Longest word (code points) the index holds or searches. */
#define MTC_SX_MAX_CP 32
/* Most keys one word has: 1 + n + n(n-1)/2 for n = MTC_SX_MAX_CP. */
#define MTC_SX_MAX_KEYS (1 + MTC_SX_MAX_CP + MTC_SX_MAX_CP * (MTC_SX_MAX_CP - 1) / 2)
#define MTC_SX_NONE ((size_t)-1)

/* The blob (native-endian uint32s), in this order after the header:
 *   word_off[n_words + 1]  offsets of NUL-terminated words in pool
 *   level[n_words]         SCOWL size level of each word (uint8, padded to 4)
 *   bucket[n_buckets + 1]  first entry of each bucket
 *   entry[n_entries]       word id << 8 | key fingerprint
 *   pool[pool_size]        the words as written (UTF-8) */
#define MTC_SX_MAGIC 0x5853544du /* "MTSX" */
#define MTC_SX_VERSION 1u
typedef struct mtc_sx_header {
    uint32_t magic, version, n_words, n_buckets, n_entries, pool_size;
} mtc_sx_header;

/* The hash of cp[0..n) without positions skip1 and skip2 (MTC_SX_NONE: none). */
static inline uint64_t mtc_sx_hash(const int32_t *cp, size_t n, size_t skip1, size_t skip2)
{
    uint64_t h = 0xcbf29ce484222325u;
    for (size_t i = 0; i < n; i++) {
        if (i == skip1 || i == skip2)
            continue;
        h ^= (uint32_t)cp[i];
        h *= 0x100000001b3u;
    }
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9u;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebu;
    h ^= h >> 31;
    return h;
}

/* The keys of cp[0..n) with up to max_del deletions (0..2) into out
 * (MTC_SX_MAX_KEYS room); returns how many (repeats included). */
static inline size_t mtc_sx_keys(const int32_t *cp, size_t n, int max_del, uint64_t *out)
{
    size_t k = 0;
    out[k++] = mtc_sx_hash(cp, n, MTC_SX_NONE, MTC_SX_NONE);
    if (max_del >= 1)
        for (size_t i = 0; i < n; i++)
            out[k++] = mtc_sx_hash(cp, n, i, MTC_SX_NONE);
    if (max_del >= 2)
        for (size_t i = 0; i < n; i++)
            for (size_t j = i + 1; j < n; j++)
                out[k++] = mtc_sx_hash(cp, n, i, j);
    return k;
}

static inline uint32_t mtc_sx_bucket(uint64_t h, uint32_t n_buckets)
{
    return (uint32_t)(h >> 32) & (n_buckets - 1);
}

static inline uint32_t mtc_sx_fingerprint(uint64_t h)
{
    return (uint32_t)(h & 0xFF);
}

#endif
