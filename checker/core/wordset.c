/* wordset.c — open-addressing hash set/map of byte strings (wordset.h).
 * Owns copies of its keys, all in one arena (no allocation per key), or
 * reads them from a frozen image (slots and arena as they are in memory,
 * written at build time: mtc_wordset_freeze / mtc_wordset_thaw).
 * Word-at-a-time hashing, linear probing, load <= 1/2. */
#include "wordset.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buffer.h"
#include "bytes.h"
#include "data.h"
#include "utf8.h"

/* 16 bytes: four slots to a cache line (a look-up in a big list misses the
 * cache; the slot table is what it walks). */
typedef struct slot {
    uint32_t tag; /* the high half of the key's hash, bit 0 set; 0 = empty */
    uint32_t off; /* the key in the arena */
    intptr_t value;
} slot;

struct mtc_wordset {
    slot *slots;
    size_t cap; /* power of two; a key's first slot: its hash's low bits */
    size_t count;
    char *arena; /* every key in insertion order: its length (a uint32_t),
                  * its bytes, a NUL */
    size_t arena_len, arena_cap;
    uint64_t *filter;   /* NULL, or a bit per filter_mask + 1 hash values: a
                         * key's bit is set (mtc_wordset_add_filter) */
    size_t filter_mask;
    int borrowed;       /* slots and arena are an image's (mtc_wordset_thaw):
                         * read-only, not freed */
};

/* An image's header (mtc_wordset_freeze); the slots and the arena follow. */
typedef struct image_header {
    char magic[8]; /* IMAGE_MAGIC */
    uint64_t cap, count, arena_len;
    uint64_t slot_size; /* sizeof(slot) of the build that froze it */
} image_header;

static const char IMAGE_MAGIC[8] = {'M', 'T', 'C', 'W', 'S', 'E', 'T', '1'};

#define KEY_HEADER 4 /* the length before each key in the arena */

mtc_wordset *mtc_wordset_new(void)
{
    mtc_wordset *set = mtc_xcalloc(1, sizeof *set);
    set->cap = 64;
    set->slots = mtc_xcalloc(set->cap, sizeof *set->slots);
    return set;
}

void mtc_wordset_free(mtc_wordset *set)
{
    if (!set)
        return;
    free(set->filter);
    if (!set->borrowed) {
        free(set->arena);
        free(set->slots);
    }
    free(set);
}

static inline uint32_t tag_of(uint64_t h)
{
    return (uint32_t)(h >> 32) | 1u;
}

static inline uint32_t key_len_at(const mtc_wordset *set, uint32_t off)
{
    uint32_t n;
    memcpy(&n, set->arena + off, sizeof n);
    return n;
}

static inline slot *find_slot(const mtc_wordset *set, const char *key, size_t len, uint64_t h)
{
    size_t i = (size_t)h & (set->cap - 1);
    uint32_t tag = tag_of(h);
    for (;;) {
        slot *s = &set->slots[i];
        if (!s->tag || (s->tag == tag && key_len_at(set, s->off) == len &&
                        mtc_bytes_equal(set->arena + s->off + KEY_HEADER, key, len)))
            return s;
        i = (i + 1) & (set->cap - 1);
    }
}

static void rehash_to(mtc_wordset *set, size_t ncap)
{
    slot *ns = mtc_xcalloc(ncap, sizeof *ns);
    for (size_t i = 0; i < set->cap; i++) {
        const slot *s = &set->slots[i];
        if (!s->tag)
            continue;
        uint64_t h = mtc_wordset_hash(set->arena + s->off + KEY_HEADER, key_len_at(set, s->off));
        size_t j = (size_t)h & (ncap - 1);
        while (ns[j].tag) /* keys are distinct: the first empty slot */
            j = (j + 1) & (ncap - 1);
        ns[j] = *s;
    }
    free(set->slots);
    set->slots = ns;
    set->cap = ncap;
}

void mtc_wordset_reserve(mtc_wordset *set, size_t n, size_t key_bytes)
{
    if (set->borrowed)
        abort(); /* a frozen image is read-only: a programming error */
    size_t cap = set->cap;
    while (n * 2 > cap)
        cap *= 2;
    if (cap > set->cap)
        rehash_to(set, cap);
    if (set->arena_cap < key_bytes)
        mtc_grow((void **)&set->arena, &set->arena_cap, key_bytes, 1);
}

void mtc_wordset_size_hint(const char *name, size_t *n, size_t *bytes)
{
    size_t len = 0;
    const char *d = mtc_data_get(name, &len);
    size_t lines = 0;
    for (const char *p = d; p && p < d + len; p++) {
        p = memchr(p, '\n', (size_t)(d + len - p));
        if (!p)
            break;
        lines++;
    }
    *n = d ? lines + 1 : 0;
    *bytes = d ? len + (lines + 1) * (KEY_HEADER + 1) : 0; /* with length and NUL */
}

/* The filter bit of a hash: bits above the ones a slot index uses in a
 * table of up to 2^24 slots. */
static inline size_t filter_bit(const mtc_wordset *set, uint64_t h)
{
    return (size_t)(h >> 24) & set->filter_mask;
}

static inline void filter_set(mtc_wordset *set, uint64_t h)
{
    size_t b = filter_bit(set, h);
    set->filter[b >> 6] |= 1ull << (b & 63);
}

void mtc_wordset_add_filter(mtc_wordset *set)
{
    size_t bits = 512;
    while (bits < 16 * set->count)
        bits *= 2;
    free(set->filter);
    set->filter = mtc_xcalloc(bits / 64, sizeof *set->filter);
    set->filter_mask = bits - 1;
    for (size_t i = 0; i < set->cap; i++) {
        const slot *s = &set->slots[i];
        if (s->tag)
            filter_set(set, mtc_wordset_hash(set->arena + s->off + KEY_HEADER,
                                             key_len_at(set, s->off)));
    }
}

void mtc_wordset_put(mtc_wordset *set, const char *key, size_t len, intptr_t value)
{
    if (set->borrowed)
        abort(); /* a frozen image is read-only: a programming error */
    if ((set->count + 1) * 2 > set->cap)
        rehash_to(set, set->cap * 2);
    uint64_t h = mtc_wordset_hash(key, len);
    slot *s = find_slot(set, key, len, h);
    if (!s->tag) {
        size_t need = set->arena_len + KEY_HEADER + len + 1;
        if (need > UINT32_MAX)
            abort(); /* 4 GB of keys: no word list */
        mtc_grow((void **)&set->arena, &set->arena_cap, need, 1);
        uint32_t n = (uint32_t)len;
        memcpy(set->arena + set->arena_len, &n, sizeof n);
        memcpy(set->arena + set->arena_len + KEY_HEADER, key, len);
        set->arena[set->arena_len + KEY_HEADER + len] = '\0';
        s->off = (uint32_t)set->arena_len;
        s->tag = tag_of(h);
        set->arena_len = need;
        set->count++;
        if (set->filter)
            filter_set(set, h);
    }
    s->value = value;
}

void mtc_wordset_add(mtc_wordset *set, const char *key, size_t len)
{
    mtc_wordset_put(set, key, len, 1);
}

int mtc_wordset_get(const mtc_wordset *set, const char *key, size_t len, intptr_t *value)
{
    return mtc_wordset_get_hashed(set, key, len, mtc_wordset_hash(key, len), value);
}

int mtc_wordset_get_hashed(const mtc_wordset *set, const char *key, size_t len, uint64_t hash,
                           intptr_t *value)
{
    if (set->filter) {
        size_t b = filter_bit(set, hash);
        if (!(set->filter[b >> 6] >> (b & 63) & 1))
            return 0; /* no key has its bit: absent, without a probe */
    }
    const slot *s = find_slot(set, key, len, hash);
    if (!s->tag)
        return 0;
    if (value)
        *value = s->value;
    return 1;
}

int mtc_wordset_contains(const mtc_wordset *set, const char *key, size_t len)
{
    return mtc_wordset_get(set, key, len, NULL);
}

size_t mtc_wordset_count(const mtc_wordset *set)
{
    return set->count;
}

typedef struct load_ctx {
    mtc_wordset *set;
    int lower;
} load_ctx;

static int add_line(const char *line, size_t len, long lineno, void *ctx)
{
    (void)lineno;
    load_ctx *lc = ctx;
    if (!lc->lower) {
        mtc_wordset_add(lc->set, line, len);
        return 0;
    }
    char buf[512];
    size_t n = mtc_utf8_lower(line, len, buf, sizeof buf);
    if (n == (size_t)-1)
        return -1; /* an entry longer than any word */
    mtc_wordset_add(lc->set, buf, n);
    return 0;
}

mtc_status mtc_wordset_load(mtc_wordset *set, const char *name, int lower, mtc_error *err)
{
    size_t n, bytes;
    mtc_wordset_size_hint(name, &n, &bytes);
    mtc_wordset_reserve(set, set->count + n, set->arena_len + bytes);
    load_ctx lc = {set, lower};
    return mtc_data_load_lines(name, add_line, &lc, err);
}

void mtc_wordset_each(const mtc_wordset *set, mtc_wordset_fn fn, void *ctx)
{
    for (size_t i = 0; i < set->cap; i++) {
        const slot *s = &set->slots[i];
        if (s->tag)
            fn(set->arena + s->off + KEY_HEADER, key_len_at(set, s->off), s->value, ctx);
    }
}

size_t mtc_wordset_freeze(const mtc_wordset *set, mtc_buf *out)
{
    size_t start = out->len;
    image_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, IMAGE_MAGIC, sizeof h.magic);
    h.cap = set->cap;
    h.count = set->count;
    h.arena_len = set->arena_len;
    h.slot_size = sizeof(slot);
    mtc_buf_put(out, (const char *)&h, sizeof h);
    mtc_buf_put(out, (const char *)set->slots, set->cap * sizeof(slot));
    if (set->arena_len)
        mtc_buf_put(out, set->arena, set->arena_len);
    while ((out->len - start) % 16) /* the next image stays aligned */
        mtc_buf_putc(out, '\0');
    return out->len - start;
}

mtc_wordset *mtc_wordset_thaw(const void *image, size_t len, size_t *used)
{
    image_header h;
    if (((uintptr_t)image & 15) || len < sizeof h)
        return NULL;
    memcpy(&h, image, sizeof h);
    if (memcmp(h.magic, IMAGE_MAGIC, sizeof h.magic) != 0 || h.slot_size != sizeof(slot) ||
        h.cap == 0 || (h.cap & (h.cap - 1)) || h.count * 2 > h.cap ||
        h.cap > (len - sizeof h) / sizeof(slot) ||
        h.arena_len > len - sizeof h - h.cap * sizeof(slot) || h.arena_len > UINT32_MAX)
        return NULL;
    size_t total = sizeof h + (size_t)h.cap * sizeof(slot) + (size_t)h.arena_len;
    total = (total + 15) & ~(size_t)15;
    if (total > len)
        total = len;
    mtc_wordset *set = mtc_xcalloc(1, sizeof *set);
    set->borrowed = 1;
    set->slots = (slot *)((const char *)image + sizeof h); /* read-only: put aborts */
    set->cap = (size_t)h.cap;
    set->count = (size_t)h.count;
    set->arena = (char *)set->slots + set->cap * sizeof(slot);
    set->arena_len = set->arena_cap = (size_t)h.arena_len;
    if (used)
        *used = total;
    return set;
}
