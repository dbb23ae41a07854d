/* suggest_index.c — build-time generator of the suggestion index
 * (checker/analyzers/suggest.c): reads the word list of
 * dictionaries/gen-suggest-words.py ("LEVEL<TAB>WORD<TAB>LOWERCASE" lines)
 * and writes the blob suggest_keys.h lays out: every word's deletion keys
 * (up to two deletions) grouped by bucket, so that the run-time search
 * reads a few buckets of a read-only table linked into the binary and
 * loads nothing. Usage: suggest_index WORDS.txt OUT.bin */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analyzers/suggest_keys.h"

typedef struct word {
    char *text;
    int32_t cp[MTC_SX_MAX_CP];
    size_t n;
    unsigned level;
} word;

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) {
        fprintf(stderr, "suggest_index: out of memory\n");
        exit(1);
    }
    return p;
}

/* Decodes UTF-8 into code points; 0 when malformed or too long. */
static size_t decode(const char *s, int32_t *cp)
{
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        if (n == MTC_SX_MAX_CP)
            return 0;
        int32_t c;
        int len;
        if (p[0] < 0x80) {
            c = p[0];
            len = 1;
        } else if ((p[0] & 0xE0) == 0xC0 && (p[1] & 0xC0) == 0x80) {
            c = (p[0] & 0x1F) << 6 | (p[1] & 0x3F);
            len = 2;
        } else if ((p[0] & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
            c = (p[0] & 0x0F) << 12 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F);
            len = 3;
        } else {
            return 0;
        }
        cp[n++] = c;
        p += len;
    }
    return n;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* The distinct keys of w into keys; returns how many. */
static size_t distinct_keys(const word *w, uint64_t *keys)
{
    size_t k = mtc_sx_keys(w->cp, w->n, 2, keys);
    qsort(keys, k, sizeof *keys, cmp_u64);
    size_t u = 0;
    for (size_t i = 0; i < k; i++)
        if (u == 0 || keys[i] != keys[u - 1])
            keys[u++] = keys[i];
    return u;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: suggest_index WORDS.txt OUT.bin\n");
        return 2;
    }
    FILE *in = fopen(argv[1], "rb");
    if (!in) {
        perror(argv[1]);
        return 1;
    }
    word *words = NULL;
    size_t n_words = 0, cap = 0, pool_size = 0;
    char line[1024];
    long lineno = 0;
    while (fgets(line, sizeof line, in)) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        char *t1 = strchr(line, '\t');
        char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
        if (!t1 || !t2) {
            fprintf(stderr, "%s:%ld: not LEVEL<TAB>WORD<TAB>LOWERCASE\n", argv[1], lineno);
            return 1;
        }
        *t1 = *t2 = '\0';
        if (n_words == cap) {
            cap = cap ? cap * 2 : 4096;
            words = xrealloc(words, cap * sizeof *words);
        }
        word *w = &words[n_words];
        w->level = (unsigned)strtoul(line, NULL, 10);
        w->n = decode(t2 + 1, w->cp);
        if (w->n == 0 || w->level == 0 || w->level > 255)
            continue; /* too long or not UTF-8: not indexed */
        w->text = strdup(t1 + 1);
        pool_size += strlen(w->text) + 1;
        n_words++;
    }
    fclose(in);
    if (n_words == 0 || n_words >= (1u << 24)) {
        fprintf(stderr, "%s: %zu words (need 1 .. 2^24)\n", argv[1], n_words);
        return 1;
    }
    uint64_t *keys = xrealloc(NULL, MTC_SX_MAX_KEYS * sizeof *keys);
    size_t n_entries = 0;
    for (size_t i = 0; i < n_words; i++)
        n_entries += distinct_keys(&words[i], keys);
    uint32_t n_buckets = 1;
    while (n_buckets < n_entries / 6)
        n_buckets <<= 1;
    uint32_t *bucket = calloc((size_t)n_buckets + 1, sizeof *bucket);
    uint32_t *entry = xrealloc(NULL, n_entries * sizeof *entry);
    if (!bucket) {
        fprintf(stderr, "suggest_index: out of memory\n");
        return 1;
    }
    /* counting sort by bucket: sizes, then starts, then fill in word order
     * (so each bucket lists its words by id: the output is deterministic) */
    for (size_t i = 0; i < n_words; i++) {
        size_t k = distinct_keys(&words[i], keys);
        for (size_t j = 0; j < k; j++)
            bucket[mtc_sx_bucket(keys[j], n_buckets) + 1]++;
    }
    for (uint32_t b = 0; b < n_buckets; b++)
        bucket[b + 1] += bucket[b];
    uint32_t *fill = xrealloc(NULL, (size_t)n_buckets * sizeof *fill);
    memcpy(fill, bucket, (size_t)n_buckets * sizeof *fill);
    for (size_t i = 0; i < n_words; i++) {
        size_t k = distinct_keys(&words[i], keys);
        for (size_t j = 0; j < k; j++)
            entry[fill[mtc_sx_bucket(keys[j], n_buckets)]++] =
                (uint32_t)i << 8 | mtc_sx_fingerprint(keys[j]);
    }
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", argv[2]);
    FILE *out = fopen(tmp, "wb");
    if (!out) {
        perror(tmp);
        return 1;
    }
    mtc_sx_header h = {MTC_SX_MAGIC, MTC_SX_VERSION, (uint32_t)n_words, n_buckets,
                       (uint32_t)n_entries, (uint32_t)pool_size};
    fwrite(&h, sizeof h, 1, out);
    uint32_t off = 0;
    for (size_t i = 0; i < n_words; i++) {
        fwrite(&off, sizeof off, 1, out);
        off += (uint32_t)strlen(words[i].text) + 1;
    }
    fwrite(&off, sizeof off, 1, out);
    for (size_t i = 0; i < n_words; i++)
        fputc((int)words[i].level, out);
    for (size_t i = n_words; i % 4; i++)
        fputc(0, out);
    fwrite(bucket, sizeof *bucket, (size_t)n_buckets + 1, out);
    fwrite(entry, sizeof *entry, n_entries, out);
    for (size_t i = 0; i < n_words; i++)
        fwrite(words[i].text, 1, strlen(words[i].text) + 1, out);
    if (fclose(out) != 0 || rename(tmp, argv[2]) != 0) {
        perror(argv[2]);
        return 1;
    }
    fprintf(stderr, "suggest_index: %zu words, %zu keys, %u buckets\n", n_words, n_entries,
            n_buckets);
    for (size_t i = 0; i < n_words; i++)
        free(words[i].text);
    free(words);
    free(keys);
    free(bucket);
    free(entry);
    free(fill);
    return 0;
}
