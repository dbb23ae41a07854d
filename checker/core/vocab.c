/* vocab.c — a worker's vocabulary (vocab.h): an open-addressing table of
 * 64-byte entries, one cache line each (the form's hash, its bytes and the
 * persistent memo slots together, so a probe that finds its word reads one
 * line), linear probing on mtc_wordset_hash, load at most 1/2. Owns the
 * table; forgets every form at once when the next article would fill it. */
#include "vocab.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "words.h"

#define PREFETCH_AHEAD 8

static inline void prefetch(const void *p)
{
#if defined(__GNUC__)
    __builtin_prefetch(p);
#else
    (void)p;
#endif
}

#define VOCAB_NONE UINT32_MAX /* mtc_word.vocab of a word kept nowhere */
#define DEFAULT_MAX_WORDS 65536u
#define LINE 64

typedef struct entry {
    uint64_t hash;
    uint32_t memo[MTC_WM_N_PERSISTENT];
    uint16_t have; /* memo slots filled (bits of MTC_WM_PERSISTENT) */
    uint8_t len;   /* 0: an empty entry */
    char form[MTC_VOCAB_MAX_FORM];
} entry;

static_assert(sizeof(entry) == LINE, "a vocabulary entry is one cache line");
static_assert(MTC_VOCAB_MAX_FORM <= UINT8_MAX, "entry.len holds the form's length");

struct mtc_vocab {
    void *block;     /* the allocation (entries is it aligned to a line) */
    entry *entries;
    size_t cap;      /* power of two; at least twice count; grows up to max_cap */
    size_t max_cap;  /* power of two, 2 * max_words */
    size_t max_words;
    size_t count;
    size_t resets;
};

#define FIRST_CAP 4096 /* 256 KB: a run of a few articles does not clear 8 MB */

static entry *table_new(size_t cap, void **block)
{
    *block = mtc_xcalloc(1, cap * sizeof(entry) + LINE);
    return (entry *)(((uintptr_t)*block + LINE - 1) & ~(uintptr_t)(LINE - 1));
}

/* Doubles the table (between articles: no word points into it). */
static void grow(mtc_vocab *v)
{
    size_t ncap = v->cap * 2;
    void *nblock;
    entry *ne = table_new(ncap, &nblock);
    for (size_t i = 0; i < v->cap; i++) {
        const entry *e = &v->entries[i];
        if (e->len == 0)
            continue;
        size_t j = (size_t)e->hash & (ncap - 1);
        while (ne[j].len) /* forms are distinct: the first empty entry */
            j = (j + 1) & (ncap - 1);
        ne[j] = *e;
    }
    free(v->block);
    v->block = nblock;
    v->entries = ne;
    v->cap = ncap;
}

mtc_vocab *mtc_vocab_new(size_t max_words)
{
    mtc_vocab *v = mtc_xcalloc(1, sizeof *v);
    if (max_words == 0)
        max_words = DEFAULT_MAX_WORDS;
    size_t cap = 16;
    while (cap < 2 * max_words)
        cap *= 2;
    v->max_cap = cap;
    v->max_words = cap / 2;
    v->cap = cap < FIRST_CAP ? cap : FIRST_CAP;
    v->entries = table_new(v->cap, &v->block);
    return v;
}

void mtc_vocab_free(mtc_vocab *v)
{
    if (!v)
        return;
    free(v->block);
    free(v);
}

size_t mtc_vocab_count(const mtc_vocab *v)
{
    return v->count;
}

size_t mtc_vocab_resets(const mtc_vocab *v)
{
    return v->resets;
}

static void forget_all(mtc_vocab *v)
{
    memset(v->entries, 0, v->cap * sizeof(entry));
    v->count = 0;
    v->resets++;
}

void mtc_vocab_recall(mtc_vocab *v, const mtc_document *doc)
{
    /* every word of the article finds a place: what it adds is kept */
    if (v->count + doc->n_distinct > v->max_words && v->count > 0)
        forget_all(v);
    while (2 * (v->count + doc->n_distinct) > v->cap && v->cap < v->max_cap)
        grow(v);
    size_t mask = v->cap - 1;
    for (size_t i = 0; i < doc->n_distinct; i++) {
        /* the entries of the words a few ahead are read while this one's
         * is compared: their cache misses overlap */
        if (i + PREFETCH_AHEAD < doc->n_distinct)
            prefetch(&v->entries[(size_t)doc->words[i + PREFETCH_AHEAD].hash & mask]);
        mtc_word *w = &doc->words[i];
        w->vocab = VOCAB_NONE;
        w->memo_have &= (uint16_t)~MTC_WM_PERSISTENT;
        if (w->len == 0 || w->len > MTC_VOCAB_MAX_FORM)
            continue;
        const char *form = mtc_word_text(doc, w);
        size_t j = (size_t)w->hash & mask;
        entry *e;
        for (;; j = (j + 1) & mask) {
            e = &v->entries[j];
            if (e->len == 0 ||
                (e->hash == w->hash && e->len == w->len && memcmp(e->form, form, w->len) == 0))
                break;
        }
        if (e->len == 0) { /* a new form */
            if (v->count >= v->max_words)
                continue; /* an article of more distinct words than the table holds */
            e->hash = w->hash;
            e->len = (uint8_t)w->len;
            memcpy(e->form, form, w->len);
            v->count++;
        } else if (e->have) {
            for (unsigned s = 0; s < MTC_WM_N_PERSISTENT; s++)
                if (e->have & (1u << s))
                    w->memo[s] = e->memo[s];
            w->memo_have |= e->have;
        }
        w->vocab = (uint32_t)j;
    }
}

void mtc_vocab_learn(mtc_vocab *v, const mtc_document *doc)
{
    for (size_t i = 0; i < doc->n_distinct; i++) {
        const mtc_word *w = &doc->words[i];
        unsigned add = w->memo_have & MTC_WM_PERSISTENT;
        if (w->vocab == VOCAB_NONE || !add)
            continue;
        entry *e = &v->entries[w->vocab];
        add &= ~(unsigned)e->have;
        if (!add)
            continue;
        for (unsigned s = 0; s < MTC_WM_N_PERSISTENT; s++)
            if (add & (1u << s))
                e->memo[s] = w->memo[s];
        e->have = (uint16_t)(e->have | add);
    }
}
