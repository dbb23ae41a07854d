/* wordset.c — open-addressing hash set/map of byte strings (wordset.h).
 * Owns copies of its keys. FNV-1a hashing, linear probing, load <= 1/2. */
#include "wordset.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "data.h"
#include "utf8.h"

typedef struct slot {
    char *key; /* NULL = empty */
    size_t len;
    uint64_t hash;
    intptr_t value;
} slot;

struct mtc_wordset {
    slot *slots;
    size_t cap; /* power of two */
    size_t count;
};

static uint64_t hash_bytes(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

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
    for (size_t i = 0; i < set->cap; i++)
        free(set->slots[i].key);
    free(set->slots);
    free(set);
}

static slot *find_slot(slot *slots, size_t cap, const char *key, size_t len, uint64_t h)
{
    size_t i = (size_t)h & (cap - 1);
    for (;;) {
        slot *s = &slots[i];
        if (!s->key || (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0))
            return s;
        i = (i + 1) & (cap - 1);
    }
}

static void rehash(mtc_wordset *set)
{
    size_t ncap = set->cap * 2;
    slot *ns = mtc_xcalloc(ncap, sizeof *ns);
    for (size_t i = 0; i < set->cap; i++) {
        slot *s = &set->slots[i];
        if (s->key)
            *find_slot(ns, ncap, s->key, s->len, s->hash) = *s;
    }
    free(set->slots);
    set->slots = ns;
    set->cap = ncap;
}

void mtc_wordset_put(mtc_wordset *set, const char *key, size_t len, intptr_t value)
{
    if ((set->count + 1) * 2 > set->cap)
        rehash(set);
    uint64_t h = hash_bytes(key, len);
    slot *s = find_slot(set->slots, set->cap, key, len, h);
    if (!s->key) {
        s->key = mtc_xstrndup(key, len);
        s->len = len;
        s->hash = h;
        set->count++;
    }
    s->value = value;
}

void mtc_wordset_add(mtc_wordset *set, const char *key, size_t len)
{
    mtc_wordset_put(set, key, len, 1);
}

int mtc_wordset_get(const mtc_wordset *set, const char *key, size_t len, intptr_t *value)
{
    uint64_t h = hash_bytes(key, len);
    const slot *s = find_slot(set->slots, set->cap, key, len, h);
    if (!s->key)
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
    load_ctx lc = {set, lower};
    return mtc_data_load_lines(name, add_line, &lc, err);
}
