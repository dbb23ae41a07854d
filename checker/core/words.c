/* words.c — interns the lowercase form of every token of a document
 * (words.h): one pass over the tokens, each lowercased once into
 * doc->word_text and looked up in a table of the forms seen so far (linear
 * probing on mtc_wordset_hash, the hash every word set uses); a new form
 * becomes the next entry of doc->words. Owns nothing beyond the document's
 * fields it fills; the probe table is freed before returning. */
#include "words.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "bytes.h"
#include "utf8.h"
#include "wordset.h"

typedef struct intern_table {
    uint32_t *slots; /* word index + 1; 0 = empty */
    size_t cap;      /* power of two */
} intern_table;

#define ONES 0x0101010101010101ull
#define HIGH 0x8080808080808080ull

/* The ASCII lowercase of the n < 8 bytes in the low end of v (the rest
 * zero), or 0 with *ascii = 0 when one of them is not ASCII: per byte, 'A'
 * to 'Z' (b + 0x3F has its high bit, b + 0x25 not) gains 0x20. */
static inline uint64_t lower8(uint64_t v, int *ascii)
{
    if (v & HIGH) {
        *ascii = 0;
        return 0;
    }
    *ascii = 1;
    uint64_t upper = (v + 0x3F * ONES) & ~(v + 0x25 * ONES) & HIGH;
    return v | (upper >> 2);
}

static void rehash(intern_table *tb, const mtc_word *words, size_t n, size_t ncap)
{
    uint32_t *ns = mtc_xcalloc(ncap, sizeof *ns);
    for (size_t i = 0; i < n; i++) {
        size_t j = (size_t)words[i].hash & (ncap - 1);
        while (ns[j])
            j = (j + 1) & (ncap - 1);
        ns[j] = (uint32_t)(i + 1);
    }
    free(tb->slots);
    tb->slots = ns;
    tb->cap = ncap;
}

void mtc_words_intern(mtc_document *doc)
{
    free(doc->words);
    free(doc->word_text);
    doc->words = NULL;
    doc->word_text = NULL;
    doc->n_distinct = 0;
    /* first guesses that avoid most re-allocations: every token's bytes
     * (ASCII lowercasing keeps lengths) and a word per two tokens */
    size_t words_cap = 0, text_cap = 0, text_len = 0, n = 0;
    mtc_word *words = NULL;
    char *text = NULL;
    mtc_grow((void **)&text, &text_cap, doc->len + doc->n_tokens + 64, 1);
    mtc_grow((void **)&words, &words_cap, doc->n_tokens / 2 + 16, sizeof *words);
    intern_table tb = {NULL, 0};
    /* room for a distinct word per token up to 4,096 without growing */
    size_t first_cap = 256;
    while (first_cap < 2 * doc->n_tokens && first_cap < 8192)
        first_cap *= 2;
    rehash(&tb, words, 0, first_cap);
    for (size_t ti = 0; ti < doc->n_tokens; ti++) {
        mtc_token *t = &doc->tokens[ti];
        size_t len = t->end - t->start;
        /* a code point's lowercase form is at most 3/2 its bytes (2 -> 3);
         * 8 bytes at least for the word-at-a-time store */
        size_t room = 2 * len + 8;
        if (text_len + room > text_cap)
            mtc_grow((void **)&text, &text_cap, text_len + room, 1);
        char *low = text + text_len;
        const unsigned char *src = (const unsigned char *)doc->text + t->start;
        size_t ln = 0;
        int ascii;
        if (t->start + len + 8 <= doc->len) {
            /* 8 bytes at a time, the last piece masked (the text goes on
             * after the token) */
            ascii = 1;
            while (ascii && ln + 8 <= len) {
                uint64_t lv = lower8(mtc_load64(src + ln), &ascii);
                memcpy(low + ln, &lv, 8);
                ln += 8;
            }
            if (ascii) {
                uint64_t v = mtc_load64(src + ln) & ((1ull << (8 * (len - ln))) - 1);
                uint64_t lv = lower8(v, &ascii);
                memcpy(low + ln, &lv, 8); /* the form's end and NULs after it */
                ln = len;
            }
            if (!ascii)
                ln = 0;
        } else {
            while (ln < len && src[ln] < 0x80) { /* ASCII: in line */
                unsigned c = src[ln];
                low[ln++] = (char)(c | ((c - 'A') < 26u ? 0x20u : 0u));
            }
            ascii = ln == len;
            if (ascii)
                low[ln] = '\0';
        }
        if (!ascii)
            ln = mtc_utf8_lower((const char *)src, len, low, room);
        uint64_t h = mtc_wordset_hash(low, ln);
        size_t j = (size_t)h & (tb.cap - 1);
        uint32_t found = 0;
        for (uint32_t s; (s = tb.slots[j]) != 0; j = (j + 1) & (tb.cap - 1)) {
            const mtc_word *w = &words[s - 1];
            if (w->hash == h && w->len == ln && mtc_bytes_equal(text + w->lower, low, ln)) {
                found = s;
                break;
            }
        }
        if (!found) {
            if (text_len + ln + 1 > UINT32_MAX)
                abort(); /* 4 GB of distinct words: beyond MTC_MAX_TEXT's texts */
            if (n + 1 > words_cap)
                mtc_grow((void **)&words, &words_cap, n + 1, sizeof *words);
            mtc_word *w = &words[n];
            memset(w, 0, sizeof *w);
            w->hash = h;
            w->lower = (uint32_t)text_len;
            w->len = (uint32_t)ln;
            w->ascii = (uint16_t)ascii;
            text_len += ln + 1;
            tb.slots[j] = (uint32_t)(n + 1);
            found = (uint32_t)(n + 1);
            n++;
            if (n * 2 > tb.cap)
                rehash(&tb, words, n, tb.cap * 2);
        }
        t->word = found - 1;
    }
    free(tb.slots);
    doc->words = words;
    doc->n_distinct = n;
    doc->word_text = text;
}
