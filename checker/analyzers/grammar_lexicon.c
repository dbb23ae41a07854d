/* grammar_lexicon.c — loads the grammar analyzer's word classes: the
 * generated part-of-speech lexicon (dictionaries/grammar-lexicon.tsv, made at
 * build time from link-grammar's English dictionary) and the closed classes
 * of function words (dictionaries/grammar-closed-classes.tsv). The lexicon
 * also carries noun number and WordNet's parts of speech (open_all). One
 * copy per process, read on first use and read-only after (see
 * mtc_grammar_lexicon_load); it lives until exit. The build freezes the two
 * word sets (checker/gen/freeze_lexicon.c: their tables as they are in
 * memory) into an image the binary links (lexicon_blob.S): the copy is then
 * that image, with nothing to parse; without the image, or with one made
 * from other files, the files are parsed. */
#include "grammar_lexicon.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buffer.h"
#include "data.h"
#include "utf8.h"
#include "words.h"
#include "wordset.h"

#define LEXICON_FILE "dictionaries/grammar-lexicon.tsv"
#define CLOSED_FILE "dictionaries/grammar-closed-classes.tsv"
#define MAX_WORD 96

struct mtc_grammar_lexicon {
    mtc_wordset *open;   /* lowercase word -> MTC_LX_* bits */
    mtc_wordset *closed; /* lowercase word -> MTC_CC_* bits */
};

/* "word<TAB>NVS..." */
static int open_line(const char *line, size_t len, long lineno, void *ctx)
{
    (void)lineno;
    const char *tab = memchr(line, '\t', len);
    if (!tab || tab == line)
        return -1;
    unsigned bits = 0;
    for (const char *p = tab + 1; p < line + len; p++) {
        switch (*p) {
        case 'N': bits |= MTC_LX_NOUN; break;
        case 'V': bits |= MTC_LX_VERB; break;
        case 'S': bits |= MTC_LX_VERB_S; break;
        case 'D': bits |= MTC_LX_VERB_D; break;
        case 'P': bits |= MTC_LX_VERB_P; break;
        case 'G': bits |= MTC_LX_VERB_G; break;
        case 'A': bits |= MTC_LX_ADJ; break;
        case 'R': bits |= MTC_LX_ADV; break;
        case 'C': bits |= MTC_LX_COUNT; break;
        case 'L': bits |= MTC_LX_PLURAL; break;
        case 'M': bits |= MTC_LX_MASS; break;
        case 'n': bits |= MTC_LX_WN_NOUN; break;
        case 'v': bits |= MTC_LX_WN_VERB; break;
        case 'a': bits |= MTC_LX_WN_ADJ; break;
        case 'r': bits |= MTC_LX_WN_ADV; break;
        case 'i': bits |= MTC_LX_IRREG_VERB; break;
        case 'c': bits |= MTC_LX_IRREG_COMP; break;
        case 'f': bits |= MTC_LX_COMMON; break;
        case 'x': bits |= MTC_LX_PAST_ONLY; break;
        case 'k': bits |= MTC_LX_COLLECTIVE; break;
        case 'b': bits |= MTC_LX_BASE_NOT_PART; break;
        case ' ': case '\t': break;
        default: return -1;
        }
    }
    mtc_wordset_put(ctx, line, (size_t)(tab - line), (intptr_t)bits);
    return 0;
}

static const mtc_data_tag closed_tags[] = {
    {"aux", MTC_CC_AUX},   {"modal", MTC_CC_MODAL}, {"det", MTC_CC_DET},
    {"art", MTC_CC_ART},   {"poss", MTC_CC_POSS},   {"subj", MTC_CC_SUBJ},
    {"conj", MTC_CC_CONJ}, {"prep", MTC_CC_PREP},
};

/* "word<TAB>tag,tag" */
static int closed_line(const char *line, size_t len, long lineno, void *ctx)
{
    (void)lineno;
    const char *tab = memchr(line, '\t', len);
    if (!tab || tab == line)
        return -1;
    unsigned bits;
    if (mtc_data_tags(tab + 1, line + len, closed_tags, sizeof closed_tags / sizeof closed_tags[0],
                      &bits))
        return -1; /* unknown tag */
    intptr_t old = 0;
    mtc_wordset_get(ctx, line, (size_t)(tab - line), &old);
    mtc_wordset_put(ctx, line, (size_t)(tab - line), old | (intptr_t)bits);
    return 0;
}

static void lexicon_free(mtc_grammar_lexicon *lx)
{
    if (!lx)
        return;
    mtc_wordset_free(lx->open);
    mtc_wordset_free(lx->closed);
    free(lx);
}

/* The two embedded files an image was frozen from, fingerprinted: their
 * lengths and a hash of every 512th 8-byte word (an image made from other
 * files is not used). */
static uint64_t sample_hash(const char *d, size_t len)
{
    uint64_t h = mtc_wordset_hash(NULL, 0) ^ len;
    for (size_t i = 0; i + 8 <= len; i += 4096) {
        uint64_t v;
        memcpy(&v, d + i, 8);
        h = (h ^ v) * 0x9FB21C651E98DF25ull;
        h ^= h >> 29;
    }
    return h;
}

typedef struct lexicon_image {
    char magic[8];                /* LEXICON_MAGIC */
    uint64_t open_len, closed_len; /* the files' lengths */
    uint64_t open_hash, closed_hash;
    uint64_t pad;                 /* the header is 48 bytes: the sets stay aligned */
} lexicon_image;

static const char LEXICON_MAGIC[8] = {'M', 'T', 'C', 'L', 'E', 'X', '0', '1'};

static int fingerprint(lexicon_image *im)
{
    size_t ol = 0, cl = 0;
    const char *o = mtc_data_get(LEXICON_FILE, &ol), *c = mtc_data_get(CLOSED_FILE, &cl);
    if (!o || !c)
        return 0;
    memset(im, 0, sizeof *im);
    memcpy(im->magic, LEXICON_MAGIC, sizeof im->magic);
    im->open_len = ol;
    im->closed_len = cl;
    im->open_hash = sample_hash(o, ol);
    im->closed_hash = mtc_wordset_hash(c, cl);
    return 1;
}

static mtc_grammar_lexicon *lexicon_read(mtc_error *err);
static void lexicon_free(mtc_grammar_lexicon *lx);

mtc_status mtc_grammar_lexicon_freeze(mtc_buf *out, mtc_error *err)
{
    mtc_grammar_lexicon *lx = lexicon_read(err);
    lexicon_image im;
    if (!lx)
        return err->status != MTC_OK ? err->status : MTC_ERR_CONFIG;
    if (!fingerprint(&im)) {
        lexicon_free(lx);
        mtc_error_set(err, MTC_ERR_CONFIG, LEXICON_FILE, -1, -1, "data file is not built in");
        return MTC_ERR_CONFIG;
    }
    mtc_buf_put(out, (const char *)&im, sizeof im);
    mtc_wordset_freeze(lx->open, out);
    mtc_wordset_freeze(lx->closed, out);
    lexicon_free(lx);
    return MTC_OK;
}

/* The lexicon of a frozen image (the embedded files' sets as they are in
 * memory, written at build time), or NULL when there is none or it was
 * made from other files. */
static mtc_grammar_lexicon *lexicon_thaw(const char *image, size_t len)
{
    lexicon_image want, im;
    if (!image || len < sizeof im || !fingerprint(&want))
        return NULL;
    memcpy(&im, image, sizeof im);
    if (memcmp(&im, &want, sizeof im) != 0)
        return NULL;
    size_t used = 0;
    mtc_wordset *open = mtc_wordset_thaw(image + sizeof im, len - sizeof im, &used);
    mtc_wordset *closed =
        open ? mtc_wordset_thaw(image + sizeof im + used, len - sizeof im - used, NULL) : NULL;
    if (!closed) {
        mtc_wordset_free(open);
        return NULL;
    }
    mtc_grammar_lexicon *lx = mtc_xcalloc(1, sizeof *lx);
    lx->open = open;
    lx->closed = closed;
    return lx;
}

/* The image the build links in (checker/gen/lexicon_blob.S); a build
 * without it (the generator that writes it) reads the files. */
#if defined(__GNUC__)
extern const char mtc_lexicon_blob[] __attribute__((weak));
extern const char mtc_lexicon_blob_end[] __attribute__((weak));
#define LEXICON_BLOB mtc_lexicon_blob
#define LEXICON_BLOB_LEN ((size_t)(mtc_lexicon_blob_end - mtc_lexicon_blob))
#else
#define LEXICON_BLOB NULL
#define LEXICON_BLOB_LEN 0
#endif

mtc_grammar_lexicon *mtc_grammar_lexicon_parse(mtc_error *err)
{
    return lexicon_read(err);
}

mtc_grammar_lexicon *mtc_grammar_lexicon_thaw(const void *image, size_t len)
{
    return lexicon_thaw(image, len);
}

const void *mtc_grammar_lexicon_image(size_t *len)
{
    *len = LEXICON_BLOB ? LEXICON_BLOB_LEN : 0;
    return LEXICON_BLOB;
}

void mtc_grammar_lexicon_discard(mtc_grammar_lexicon *lx)
{
    lexicon_free(lx);
}

const mtc_wordset *mtc_grammar_lexicon_set(const mtc_grammar_lexicon *lx, int closed)
{
    return closed ? lx->closed : lx->open;
}

static mtc_grammar_lexicon *lexicon_read(mtc_error *err)
{
    mtc_grammar_lexicon *lx = mtc_xcalloc(1, sizeof *lx);
    lx->open = mtc_wordset_new();
    lx->closed = mtc_wordset_new();
    size_t n, bytes;
    mtc_wordset_size_hint(LEXICON_FILE, &n, &bytes);
    mtc_wordset_reserve(lx->open, n, bytes); /* one table for the ~100k words */
    if (mtc_data_load_lines(LEXICON_FILE, open_line, lx->open, err) != MTC_OK ||
        mtc_data_load_lines(CLOSED_FILE, closed_line, lx->closed, err) != MTC_OK) {
        lexicon_free(lx);
        return NULL;
    }
    return lx;
}

/* The lexicon is read once per process, on first use, and never changes
 * after: every analyzer of every worker reads the same copy (before, the
 * grammar, agreement and typography analyzers each parsed the 160,000
 * lines per worker: most of mtcheck's start-up). Its data files are the
 * embedded ones, the same for every configuration. It lives until exit. */
static pthread_once_t shared_once = PTHREAD_ONCE_INIT;
static mtc_grammar_lexicon *shared_lexicon; /* written once, under shared_once */
static mtc_error shared_error;              /* why it could not be read */

static void read_shared(void)
{
    const char *blob = LEXICON_BLOB;
    shared_lexicon = blob ? lexicon_thaw(blob, LEXICON_BLOB_LEN) : NULL;
    if (!shared_lexicon)
        shared_lexicon = lexicon_read(&shared_error);
}

mtc_grammar_lexicon *mtc_grammar_lexicon_load(mtc_error *err)
{
    pthread_once(&shared_once, read_shared);
    if (!shared_lexicon && err)
        *err = shared_error;
    return shared_lexicon;
}

void mtc_grammar_lexicon_free(mtc_grammar_lexicon *lx)
{
    (void)lx; /* shared and read-only: see mtc_grammar_lexicon_load */
}

static size_t lower(const char *word, size_t len, char *buf)
{
    if (len >= MAX_WORD)
        return (size_t)-1;
    return mtc_utf8_lower(word, len, buf, MAX_WORD);
}

/* The open-class bits of a lowercase word (n < MAX_WORD) whose hash is h. */
static unsigned open_lower(const mtc_grammar_lexicon *lx, const char *buf, size_t n, uint64_t h)
{
    intptr_t v = 0;
    int found = mtc_wordset_get_hashed(lx->open, buf, n, h, &v);
    if (!found) {
        /* curly apostrophe: the lexicon spells it ' */
        char alt[MAX_WORD];
        size_t m = 0;
        for (size_t i = 0; i < n && m + 1 < sizeof alt; i++) {
            if (i + 2 < n && (unsigned char)buf[i] == 0xE2 && (unsigned char)buf[i + 1] == 0x80 &&
                (unsigned char)buf[i + 2] == 0x99) {
                alt[m++] = '\'';
                i += 2;
            } else {
                alt[m++] = buf[i];
            }
        }
        if (m != n)
            found = mtc_wordset_get(lx->open, alt, m, &v);
    }
    return found ? (unsigned)v : 0;
}

static unsigned open_bits(const mtc_grammar_lexicon *lx, const char *word, size_t len)
{
    char buf[MAX_WORD];
    size_t n = lower(word, len, buf);
    return n == (size_t)-1 ? 0 : open_lower(lx, buf, n, mtc_wordset_hash(buf, n));
}

unsigned mtc_grammar_open(const mtc_grammar_lexicon *lx, const char *word, size_t len, int *known)
{
    /* a word only WordNet knows is unknown here, as before it was added */
    unsigned bits = open_bits(lx, word, len) & MTC_LX_BASIC;
    if (known)
        *known = bits != 0;
    return bits;
}

unsigned mtc_grammar_open_all(const mtc_grammar_lexicon *lx, const char *word, size_t len)
{
    return open_bits(lx, word, len);
}

unsigned mtc_grammar_closed(const mtc_grammar_lexicon *lx, const char *word, size_t len)
{
    char buf[MAX_WORD];
    size_t n = lower(word, len, buf);
    intptr_t v = 0;
    if (n == (size_t)-1 || !mtc_wordset_get(lx->closed, buf, n, &v))
        return 0;
    return (unsigned)v;
}

/* The interned word of a token when the lexicon may know it: what lower()
 * accepts (surface and lowercase form shorter than MAX_WORD), else NULL. */
static mtc_word *tok_word(const mtc_document *doc, const mtc_token *tk)
{
    mtc_word *w = mtc_tok_word(doc, tk);
    return tk->end - tk->start < MAX_WORD && w->len < MAX_WORD ? w : NULL;
}

unsigned mtc_grammar_open_all_tok(const mtc_grammar_lexicon *lx, const mtc_document *doc,
                                  const mtc_token *tk)
{
    mtc_word *w = tok_word(doc, tk);
    if (!w)
        return 0;
    if (!(w->memo_have & (1u << MTC_WM_LX_ALL))) {
        w->memo[MTC_WM_LX_ALL] = open_lower(lx, mtc_word_text(doc, w), w->len, w->hash);
        w->memo_have |= 1u << MTC_WM_LX_ALL;
    }
    return w->memo[MTC_WM_LX_ALL];
}

unsigned mtc_grammar_open_tok(const mtc_grammar_lexicon *lx, const mtc_document *doc,
                              const mtc_token *tk, int *known)
{
    unsigned bits = mtc_grammar_open_all_tok(lx, doc, tk) & MTC_LX_BASIC;
    if (known)
        *known = bits != 0;
    return bits;
}

unsigned mtc_grammar_closed_tok(const mtc_grammar_lexicon *lx, const mtc_document *doc,
                                const mtc_token *tk)
{
    mtc_word *w = tok_word(doc, tk);
    if (!w)
        return 0;
    if (!(w->memo_have & (1u << MTC_WM_LX_CLOSED))) {
        intptr_t v = 0;
        if (!mtc_wordset_get_hashed(lx->closed, mtc_word_text(doc, w), w->len, w->hash, &v))
            v = 0;
        w->memo[MTC_WM_LX_CLOSED] = (uint32_t)v;
        w->memo_have |= 1u << MTC_WM_LX_CLOSED;
    }
    return w->memo[MTC_WM_LX_CLOSED];
}

size_t mtc_grammar_lexicon_size(const mtc_grammar_lexicon *lx)
{
    return mtc_wordset_count(lx->open);
}
