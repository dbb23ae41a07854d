/* suggest.c — the spelling analyzer's suggestion engine (suggest.h).
 * Reads the index checker/gen/suggest_index.c builds from the SCOWL lists
 * and the build links in (checker/gen/suggest_blob.S): for a misspelled
 * word it computes the same deletion keys (suggest_keys.h), reads their
 * buckets, keeps the words within the edit limit by optimal string
 * alignment distance (Damerau with adjacent transpositions) and ranks them
 * by a weighted distance plus the word's commonness; the caller's words
 * (--dict lists) are compared one by one. The work per word is bounded by
 * the index, never by time: same word, same answer. Owns the caller's word
 * copies; the index is read-only data of the binary. */
#include "suggest.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "suggest_keys.h"
#include "utf8.h"

extern const unsigned char mtc_suggest_blob[];
extern const unsigned char mtc_suggest_blob_end[];

typedef struct extra_word {
    char *text;
    int32_t cp[MTC_SX_MAX_CP];
    size_t n;
} extra_word;

struct mtc_suggester {
    uint32_t n_words, n_buckets, n_entries;
    const uint32_t *word_off;
    const uint8_t *level;
    const uint32_t *bucket;
    const uint32_t *entry;
    const char *pool;
    extra_word *extra;
    size_t n_extra, cap_extra;
};

/* The rarest SCOWL level of each part of a split suggestion ("a lot"). */
#define SPLIT_LEVEL 50

/* How many candidates are ranked before hunspell filters them. */
#define RANKED 24

/* Costs (100 = one plain substitution). */
enum {
    C_OMIT = 60,     /* the typed word lacks a letter (visted: visited) */
    C_EXTRA = 80,    /* the typed word has a letter too many */
    C_DOUBLE = 45,   /* ... which doubles its neighbour (occured: occurred) */
    C_SUB = 100,
    C_SUB_NEAR = 75, /* keyboard neighbours, vowels, letters that sound alike */
    C_TRANS = 60,    /* two neighbours swapped (recieve: receive) */
    C_FIRST = 40,    /* extra for an edit of the first letter (rarely mistyped) */
    C_CASE = 30,     /* a capitalised word for a lowercase one */
    C_SPLIT = 85,    /* two words written together (alot: a lot) */
};

/* The commonness penalty of a SCOWL level (10 = most common). */
static int level_penalty(unsigned level)
{
    if (level <= 10)
        return 0;
    if (level <= 20)
        return 4;
    if (level <= 35)
        return 8;
    if (level <= 40)
        return 12;
    if (level <= 50)
        return 18;
    if (level <= 55)
        return 24;
    if (level <= 60)
        return 30;
    return 40;
}

mtc_status mtc_suggester_new(mtc_suggester **out, mtc_error *err)
{
    *out = NULL;
    size_t len = (size_t)(mtc_suggest_blob_end - mtc_suggest_blob);
    mtc_sx_header h;
    if (len < sizeof h) {
        mtc_error_set(err, MTC_ERR_CONFIG, "suggestion index", -1, -1, "not built into mtcheck");
        return MTC_ERR_CONFIG;
    }
    memcpy(&h, mtc_suggest_blob, sizeof h);
    size_t need = sizeof h + ((size_t)h.n_words + 1) * 4 + (((size_t)h.n_words + 3) & ~(size_t)3) +
                  ((size_t)h.n_buckets + 1) * 4 + (size_t)h.n_entries * 4 + h.pool_size;
    if (h.magic != MTC_SX_MAGIC || h.version != MTC_SX_VERSION || need != len ||
        h.n_buckets == 0 || (h.n_buckets & (h.n_buckets - 1)) != 0) {
        mtc_error_set(err, MTC_ERR_CONFIG, "suggestion index", -1, -1,
                      "the index built into mtcheck is damaged or of another version");
        return MTC_ERR_CONFIG;
    }
    mtc_suggester *s = mtc_xcalloc(1, sizeof *s);
    const unsigned char *p = mtc_suggest_blob + sizeof h;
    s->n_words = h.n_words;
    s->n_buckets = h.n_buckets;
    s->n_entries = h.n_entries;
    s->word_off = (const uint32_t *)(const void *)p;
    p += ((size_t)h.n_words + 1) * 4;
    s->level = p;
    p += ((size_t)h.n_words + 3) & ~(size_t)3;
    s->bucket = (const uint32_t *)(const void *)p;
    p += ((size_t)h.n_buckets + 1) * 4;
    s->entry = (const uint32_t *)(const void *)p;
    p += (size_t)h.n_entries * 4;
    s->pool = (const char *)p;
    *out = s;
    return MTC_OK;
}

void mtc_suggester_free(mtc_suggester *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n_extra; i++)
        free(s->extra[i].text);
    free(s->extra);
    free(s);
}

/* Lowercase code points of w[0..len) into cp; 0 when longer than MTC_SX_MAX_CP. */
static size_t lower_cps(const char *w, size_t len, int32_t *cp)
{
    size_t n = 0;
    for (size_t p = 0; p < len;) {
        int32_t c;
        p += (size_t)mtc_utf8_next(w, len, p, &c);
        if (n == MTC_SX_MAX_CP)
            return 0;
        cp[n++] = mtc_cp_tolower(c);
    }
    return n;
}

void mtc_suggester_add_word(mtc_suggester *s, const char *w, size_t len)
{
    if (len == 0 || len >= MTC_SUGGEST_WORD_MAX)
        return;
    extra_word e;
    e.n = lower_cps(w, len, e.cp);
    if (e.n < 2)
        return;
    e.text = mtc_xstrndup(w, len);
    mtc_grow((void **)&s->extra, &s->cap_extra, s->n_extra + 1, sizeof *s->extra);
    s->extra[s->n_extra++] = e;
}

/* Optimal string alignment distance of a and b, or limit + 1 when larger. */
static int osa(const int32_t *a, size_t m, const int32_t *b, size_t n, int limit)
{
    if ((m > n ? m - n : n - m) > (size_t)limit)
        return limit + 1;
    int d[MTC_SX_MAX_CP + 1][MTC_SX_MAX_CP + 1];
    for (size_t i = 0; i <= m; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= n; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= m; i++) {
        int row_min = limit + 1;
        for (size_t j = 1; j <= n; j++) {
            int best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
            if (best < row_min)
                row_min = best;
        }
        if (row_min > limit)
            return limit + 1;
    }
    return d[m][n] > limit ? limit + 1 : d[m][n];
}

/* Row and column of a letter on a QWERTY keyboard; 0 when not a letter. */
static int key_pos(int32_t c, int *row, int *col)
{
    static const char *const rows[3] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
    for (int r = 0; r < 3; r++) {
        const char *k = c > 0 && c < 0x80 ? strchr(rows[r], (int)c) : NULL;
        if (k) {
            *row = r;
            *col = (int)(k - rows[r]);
            return 1;
        }
    }
    return 0;
}

static int is_vowel(int32_t c)
{
    return c < 0x80 && c > 0 && strchr("aeiouy", (int)c) != NULL;
}

/* 1 when typing a for b is a near miss: keyboard neighbours, two vowels,
 * or letters that often stand for the same sound. */
static int near_miss(int32_t a, int32_t b)
{
    if (is_vowel(a) && is_vowel(b))
        return 1;
    static const char *const sounds[] = {"ck", "cs", "ks", "sz", "gj", "mn", "dt", "bp", "fv", "cq", "kq"};
    for (size_t i = 0; i < sizeof sounds / sizeof sounds[0]; i++)
        if ((a == sounds[i][0] && b == sounds[i][1]) || (a == sounds[i][1] && b == sounds[i][0]))
            return 1;
    int ra, ca, rb, cb;
    if (!key_pos(a, &ra, &ca) || !key_pos(b, &rb, &cb))
        return 0;
    if (ra == rb)
        return ca - cb == 1 || cb - ca == 1;
    if (ra - rb == 1 || rb - ra == 1) {
        /* the lower row is shifted right by about half a key */
        int lower_c = ra > rb ? ca : cb, upper_c = ra > rb ? cb : ca;
        return lower_c == upper_c || lower_c + 1 == upper_c;
    }
    return 0;
}

/* The weighted alignment cost of typing t[0..m) for the word w[0..n). */
static int weighted(const int32_t *t, size_t m, const int32_t *w, size_t n)
{
    int d[MTC_SX_MAX_CP + 1][MTC_SX_MAX_CP + 1];
    d[0][0] = 0;
    for (size_t i = 1; i <= m; i++) {
        int dbl = (i >= 2 && t[i - 1] == t[i - 2]) || (i < m && t[i - 1] == t[i]);
        d[i][0] = d[i - 1][0] + (dbl ? C_DOUBLE : C_EXTRA) + (i == 1 ? C_FIRST : 0);
    }
    for (size_t j = 1; j <= n; j++) {
        int dbl = (j >= 2 && w[j - 1] == w[j - 2]) || (j < n && w[j - 1] == w[j]);
        d[0][j] = d[0][j - 1] + (dbl ? C_DOUBLE : C_OMIT) + (j == 1 ? C_FIRST : 0);
    }
    for (size_t i = 1; i <= m; i++) {
        for (size_t j = 1; j <= n; j++) {
            int first = (i == 1 || j == 1) ? C_FIRST : 0;
            int sub = t[i - 1] == w[j - 1] ? 0
                      : (near_miss(t[i - 1], w[j - 1]) ? C_SUB_NEAR : C_SUB) + first;
            int best = d[i - 1][j - 1] + sub;
            int tdbl = (i >= 2 && t[i - 1] == t[i - 2]) || (i < m && t[i - 1] == t[i]);
            int extra = d[i - 1][j] + (tdbl ? C_DOUBLE : C_EXTRA) + (i == 1 ? C_FIRST : 0);
            if (extra < best)
                best = extra;
            int wdbl = (j >= 2 && w[j - 1] == w[j - 2]) || (j < n && w[j - 1] == w[j]);
            int omit = d[i][j - 1] + (wdbl ? C_DOUBLE : C_OMIT) + (j == 1 ? C_FIRST : 0);
            if (omit < best)
                best = omit;
            if (i > 1 && j > 1 && t[i - 1] == w[j - 2] && t[i - 2] == w[j - 1] &&
                d[i - 2][j - 2] + C_TRANS < best)
                best = d[i - 2][j - 2] + C_TRANS;
            d[i][j] = best;
        }
    }
    return d[m][n];
}

int mtc_suggest_cost(const char *typed, size_t tlen, const char *word, size_t wlen)
{
    int32_t t[MTC_SX_MAX_CP], w[MTC_SX_MAX_CP];
    size_t m = lower_cps(typed, tlen, t), n = lower_cps(word, wlen, w);
    if (m == 0 || n == 0)
        return -1;
    return weighted(t, m, w, n);
}

/* 1 when w has an uppercase letter. */
static int has_upper(const char *w)
{
    size_t len = strlen(w);
    for (size_t p = 0; p < len;) {
        int32_t c;
        p += (size_t)mtc_utf8_next(w, len, p, &c);
        if (mtc_cp_is_upper(c))
            return 1;
    }
    return 0;
}

typedef struct ranked {
    int score;
    const char *text;
} ranked;

/* 1 when a ranks before b: lower score, then bytewise. */
static int before(const ranked *a, const ranked *b)
{
    if (a->score != b->score)
        return a->score < b->score;
    return strcmp(a->text, b->text) < 0;
}

/* Inserts a candidate into the best-first list top[0..*n) of at most RANKED. */
static void keep(ranked *top, size_t *n, int score, const char *text)
{
    ranked r = {score, text};
    if (*n == RANKED && !before(&r, &top[RANKED - 1]))
        return;
    for (size_t i = 0; i < *n; i++)
        if (strcmp(top[i].text, text) == 0)
            return;
    size_t i = *n < RANKED ? (*n)++ : RANKED - 1;
    while (i > 0 && before(&r, &top[i - 1])) {
        top[i] = top[i - 1];
        i--;
    }
    top[i] = r;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Scores the candidate text (its lowercase code points c[0..n)) for the
 * typed t[0..m) and keeps it when within limit edits. */
static void consider(ranked *top, size_t *n_top, const int32_t *t, size_t m, int typed_upper,
                     const char *text, const int32_t *c, size_t n, int limit, int penalty)
{
    if (osa(t, m, c, n, limit) > limit)
        return;
    int score = weighted(t, m, c, n) + penalty;
    if (!typed_upper && has_upper(text))
        score += C_CASE;
    keep(top, n_top, score, text);
}

/* The index's word whose lowercase form is c[0..n) (the most common when
 * several), or -1. */
static long exact_word(const mtc_suggester *s, const int32_t *c, size_t n)
{
    uint64_t h = mtc_sx_hash(c, n, MTC_SX_NONE, MTC_SX_NONE);
    uint32_t b = mtc_sx_bucket(h, s->n_buckets), fp = mtc_sx_fingerprint(h);
    long best = -1;
    for (uint32_t e = s->bucket[b]; e < s->bucket[b + 1]; e++) {
        if ((s->entry[e] & 0xFF) != fp)
            continue;
        uint32_t id = s->entry[e] >> 8;
        const char *text = s->pool + s->word_off[id];
        int32_t x[MTC_SX_MAX_CP];
        size_t xn = lower_cps(text, strlen(text), x);
        if (xn != n || memcmp(x, c, n * sizeof *c) != 0)
            continue;
        if (best < 0 || s->level[id] < s->level[best])
            best = (long)id;
    }
    return best;
}

size_t mtc_suggest(const mtc_suggester *s, const char *w, size_t len, mtc_suggest_accept_fn accept,
                   void *ctx, char out[][MTC_SUGGEST_WORD_MAX], size_t max)
{
    int32_t t[MTC_SX_MAX_CP];
    size_t m = lower_cps(w, len, t);
    if (m < 2 || max == 0)
        return 0;
    int limit = m <= 4 ? 1 : 2;
    int typed_upper = 0;
    {
        char tmp[MTC_SUGGEST_WORD_MAX];
        if (len < sizeof tmp) {
            memcpy(tmp, w, len);
            tmp[len] = '\0';
            typed_upper = has_upper(tmp);
        }
    }
    /* the candidates: every word sharing a key (and its fingerprint) */
    uint64_t keys[MTC_SX_MAX_KEYS];
    size_t nk = mtc_sx_keys(t, m, limit, keys);
    uint32_t *ids = NULL;
    size_t n_ids = 0, cap_ids = 0;
    for (size_t k = 0; k < nk; k++) {
        uint32_t b = mtc_sx_bucket(keys[k], s->n_buckets), fp = mtc_sx_fingerprint(keys[k]);
        for (uint32_t e = s->bucket[b]; e < s->bucket[b + 1]; e++) {
            if ((s->entry[e] & 0xFF) != fp)
                continue;
            mtc_grow((void **)&ids, &cap_ids, n_ids + 1, sizeof *ids);
            ids[n_ids++] = s->entry[e] >> 8;
        }
    }
    if (n_ids > 1)
        qsort(ids, n_ids, sizeof *ids, cmp_u32);
    ranked top[RANKED];
    size_t n_top = 0;
    for (size_t i = 0; i < n_ids; i++) {
        if (i > 0 && ids[i] == ids[i - 1])
            continue;
        const char *text = s->pool + s->word_off[ids[i]];
        int32_t c[MTC_SX_MAX_CP];
        size_t n = lower_cps(text, strlen(text), c);
        if (n == 0)
            continue;
        consider(top, &n_top, t, m, typed_upper, text, c, n, limit,
                 level_penalty(s->level[ids[i]]));
    }
    free(ids);
    for (size_t i = 0; i < s->n_extra; i++)
        consider(top, &n_top, t, m, typed_upper, s->extra[i].text, s->extra[i].cp,
                 s->extra[i].n, limit, 0);
    /* two words written together: both parts common words of the index
     * (of two letters or more, but "a") */
    char split[MTC_SX_MAX_CP][MTC_SUGGEST_WORD_MAX];
    for (size_t i = 1; i < m; i++) {
        if ((i < 2 && t[0] != 'a') || m - i < 2)
            continue;
        long a = exact_word(s, t, i), b = a >= 0 ? exact_word(s, t + i, m - i) : -1;
        if (a < 0 || b < 0 || s->level[a] > SPLIT_LEVEL || s->level[b] > SPLIT_LEVEL)
            continue;
        const char *at = s->pool + s->word_off[a], *bt = s->pool + s->word_off[b];
        size_t al = strlen(at), bl = strlen(bt);
        if (al + bl + 2 > MTC_SUGGEST_WORD_MAX)
            continue;
        memcpy(split[i], at, al);
        split[i][al] = ' ';
        memcpy(split[i] + al + 1, bt, bl + 1);
        int score = C_SPLIT + level_penalty(s->level[a]) + level_penalty(s->level[b]);
        if (!typed_upper && has_upper(split[i]))
            score += C_CASE;
        keep(top, &n_top, score, split[i]);
    }
    size_t got = 0;
    for (size_t i = 0; i < n_top && got < max; i++) {
        size_t tl = strlen(top[i].text);
        if (tl >= MTC_SUGGEST_WORD_MAX || (tl == len && memcmp(top[i].text, w, len) == 0))
            continue;
        if (accept && !accept(top[i].text, ctx))
            continue;
        memcpy(out[got++], top[i].text, tl + 1);
    }
    return got;
}

int mtc_suggest_any_within_one(const mtc_suggester *s, const char *w, size_t len,
                               mtc_suggest_accept_fn fn, void *ctx)
{
    int32_t t[MTC_SX_MAX_CP];
    size_t m = lower_cps(w, len, t);
    if (m == 0)
        return 1; /* too long for the index: cannot say no */
    uint64_t keys[MTC_SX_MAX_CP + 1];
    size_t nk = mtc_sx_keys(t, m, 1, keys);
    for (size_t k = 0; k < nk; k++) {
        uint32_t b = mtc_sx_bucket(keys[k], s->n_buckets), fp = mtc_sx_fingerprint(keys[k]);
        for (uint32_t e = s->bucket[b]; e < s->bucket[b + 1]; e++) {
            if ((s->entry[e] & 0xFF) != fp)
                continue;
            const char *text = s->pool + s->word_off[s->entry[e] >> 8];
            int32_t c[MTC_SX_MAX_CP];
            size_t n = lower_cps(text, strlen(text), c);
            if (n && osa(t, m, c, n, 1) <= 1 && fn(text, ctx))
                return 1;
        }
    }
    return 0;
}
