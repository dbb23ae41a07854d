/* document.h — the document model. A document owns one UTF-8 buffer (the
 * prose that is checked); paragraphs, sentences and tokens are spans into it
 * ({start, end} byte offsets, end exclusive). For Markdown/HTML input the
 * document also owns the decoded source and a map from every text byte to
 * its byte in the source, so reporters print source positions. */
#ifndef MTC_DOCUMENT_H
#define MTC_DOCUMENT_H

#include <stddef.h>
#include <stdint.h>

#include "mtcheck.h"

#define MTC_COL_BLOCK 4096

typedef struct mtc_span {
    size_t start;
    size_t end; /* exclusive */
} mtc_span;

typedef enum mtc_token_kind {
    MTC_TOK_WORD = 0, /* letters of any script, inner ’ ' - allowed */
    MTC_TOK_NUMBER,   /* 12, 3.5, 1,000, 2.0.1, 5km, 3.5% */
    MTC_TOK_ORDINAL,  /* 21st, 3rd */
    MTC_TOK_URL,
    MTC_TOK_EMAIL,
    MTC_TOK_HANDLE,   /* @name */
    MTC_TOK_HASHTAG,  /* #tag */
    MTC_TOK_PUNCT,    /* one punctuation character (… counts as one) */
    MTC_TOK_SYMBOL,   /* other non-space characters */
    MTC_TOK_OTHER_WORD /* mix of letters and digits (COVID-19, G7, MH370) */
} mtc_token_kind;

/* Token flags (bit set). */
enum {
    MTC_TF_INITIAL_UPPER = 1u << 0, /* first letter uppercase */
    MTC_TF_ALL_UPPER = 1u << 1,     /* every letter uppercase (and >= 1 letter) */
    MTC_TF_HAS_DIGIT = 1u << 2,
    MTC_TF_HAS_HYPHEN = 1u << 3,
    MTC_TF_HAS_APOSTROPHE = 1u << 4,
    MTC_TF_NON_LATIN = 1u << 5,     /* contains letters outside Latin script ranges */
    MTC_TF_MIXED_CASE = 1u << 6,    /* uppercase after a lowercase letter (iPhone, McDonald) */
    MTC_TF_SENTENCE_START = 1u << 7 /* the first token of its sentence */
};

/* 16 bytes: every analyzer walks the token array, so its size is memory
 * traffic, and it is the largest part of a big article's model (a 64 MB
 * article has 11 million tokens). Offsets are 32-bit: a text is at most
 * MTC_MAX_TEXT bytes. A token's sentence is not stored: mtc_tok_sentence
 * finds it, and MTC_TF_SENTENCE_START marks where each one begins. */
#define MTC_MAX_TEXT ((size_t)UINT32_MAX)
typedef struct mtc_token {
    uint32_t start, end;
    uint16_t kind;  /* mtc_token_kind */
    uint16_t flags; /* MTC_TF_* */
    uint32_t word;  /* index into doc->words: tokens with the same lowercase
                     * form have the same word (words.h) */
} mtc_token;

/* One distinct lowercase form of the article's tokens, interned once by the
 * tokenizer (words.c) so that analyzers compare words by index and look them
 * up without lowercasing and hashing them again. memo[] caches what the
 * grammar lexicon and the spelling analyzer decided of the form (filled on
 * first use, words.h). */
enum {
    /* The slots before MTC_WM_N_PERSISTENT hold a function of the form
     * alone (and of the checker's configuration): a worker's vocabulary
     * keeps them from one article to the next (vocab.h). A slot whose
     * value depends on the article goes after it. */
    MTC_WM_LX_ALL,    /* mtc_grammar_open_all */
    MTC_WM_LX_CLOSED, /* mtc_grammar_closed */
    MTC_WM_SP_PART,   /* spelling: its part cache's verdict of a lowercase ASCII token */
    MTC_WM_SP_CAP,    /* spelling: the same of a capitalised ASCII token (the form
                       * with its first letter in uppercase) */
    MTC_WM_RS_FIRST,  /* the bundled data rules: the form's first entry + 1, or 0
                       * (ruleset.c, mtc_ruleset_memoise) */
    MTC_WM_N_PERSISTENT,
    MTC_WM_GR_DEFINED = MTC_WM_N_PERSISTENT, /* grammar: its capitalised form is a
                                              * defined term of the article */
    MTC_WM_N
};
#define MTC_WM_PERSISTENT ((1u << MTC_WM_N_PERSISTENT) - 1u)
typedef struct mtc_word {
    uint64_t hash;      /* mtc_wordset_hash of the lowercase form */
    uint32_t lower;     /* offset of the lowercase form in doc->word_text (NUL-terminated) */
    uint32_t len;       /* its length in bytes */
    uint16_t memo_have; /* bit 1 << MTC_WM_*: memo[] slot filled */
    uint16_t ascii;     /* 1: the form is ASCII (a token of the form with as
                         * many bytes is then ASCII too); 0: not known */
    uint32_t memo[MTC_WM_N];
    uint32_t vocab;     /* its entry in the checking worker's vocabulary
                         * (vocab.c, set while the article is checked) */
} mtc_word;

typedef struct mtc_sentence {
    size_t start, end;      /* trimmed: first to last non-space byte, closing quotes included */
    size_t paragraph;       /* index into doc->paragraphs */
    size_t first_token;     /* index into doc->tokens */
    size_t n_tokens;
} mtc_sentence;

typedef struct mtc_paragraph {
    size_t start, end;      /* trimmed of surrounding whitespace */
    size_t first_sentence;  /* index into doc->sentences */
    size_t n_sentences;
    int is_headline;        /* one line, no terminal punctuation */
} mtc_paragraph;

/* A range of the source where some rules are off. */
typedef struct mtc_suppression {
    size_t start, end;   /* source bytes [start, end) */
    char rules[160];     /* space-separated rule ids, analyzer names,
                          * categories or prefixes; "all" = every rule */
} mtc_suppression;

/* Text bytes to source bytes, in runs (a Markdown or HTML source; plain
 * text needs none). Run k starts at text byte text[k], whose source span is
 * [src[k], src_end[k]); each later byte of the run adds step[k] (1: copied
 * prose, 0: bytes made from one source span, such as a character reference
 * or a paragraph break) to both. Runs ascend in text; the last one holds
 * the text's end. About one run per markup boundary instead of two words
 * per text byte. */
typedef struct mtc_srcmap {
    size_t n, cap;
    size_t *text, *src, *src_end;
    unsigned char *step;
    size_t source_len; /* every position is clamped to it */
} mtc_srcmap;

/* The source byte text byte off starts at, and the one after it. */
size_t mtc_srcmap_start(const mtc_srcmap *m, size_t off);
size_t mtc_srcmap_end(const mtc_srcmap *m, size_t off);
void mtc_srcmap_free(mtc_srcmap *m);

struct mtc_document {
    char *path;             /* as given; "-" for stdin */
    char encoding[64];      /* encoding the input was decoded from */
    int encoding_detected;  /* 1 when guessed by uchardet */
    int id_is_number;       /* path is a --stdin-jsonl id that is a JSON number,
                             * as written: reports echo it unquoted */

    char *text;             /* UTF-8 prose that is checked, NUL-terminated */
    size_t len;

    /* Source positions. For plain text source == text and map == NULL.
     * Otherwise map gives, for text byte i, the byte in source it starts at
     * (i == len: the end) and the source byte after it (so a span ends at
     * its last byte, not after the markup that follows it):
     * mtc_document_source_offset and mtc_document_source_end read it. */
    char *source;           /* decoded source (UTF-8); may alias text */
    size_t source_len;
    mtc_srcmap *map;        /* owned */
    size_t source_base;     /* added to reported offsets: 3 when a UTF-8 BOM
                             * was stripped, so offsets are the file's bytes */

    size_t *line_starts;    /* byte offsets in source where each line starts */
    size_t n_lines;
    uint32_t *col_marks;    /* col_marks[k]: code points from the start of its
                             * line to source byte k * MTC_COL_BLOCK, so a
                             * column costs O(block), not O(line length) */
    size_t n_col_marks;
    size_t *char_marks;     /* char_marks[k]: code points in source before byte
                             * k * MTC_COL_BLOCK (n_col_marks entries) */

    mtc_paragraph *paragraphs;
    size_t n_paragraphs;
    mtc_sentence *sentences;
    size_t n_sentences;
    mtc_token *tokens;
    size_t n_tokens;
    size_t n_words;         /* whitespace-separated words (as the benchmark counts) */
    mtc_word *words;        /* the distinct lowercase forms of the tokens (words.h) */
    size_t n_distinct;
    char *word_text;        /* their bytes, each NUL-terminated */

    /* Inline suppressions, read by the readers (input/suppress.h: HTML
     * comments in Markdown and HTML, [mtcheck-...] lines in plain text), in
     * source bytes; the checker drops the issues inside them before
     * scoring. Owned; NULL when the article has none. */
    mtc_suppression *suppressions;
    size_t n_suppressions;
};

/* Builds the model of an article and takes ownership of text (malloc'ed,
 * NUL-terminated, valid UTF-8, len < MTC_MAX_TEXT) and, when not NULL, of
 * source (the decoded source the text was extracted from) and map (len + 1
 * entries: map[i] is the source byte of text byte i). source == NULL: the
 * text is its own source. Indexes the source's lines and counts words;
 * paragraphs, sentences and tokens are left empty (the loader segments and
 * tokenizes: input/loader.c). path is copied. */
mtc_document *mtc_document_new(const char *path, char *text, size_t len, char *source,
                               size_t source_len, mtc_srcmap *map);

/* A plain-text document from UTF-8 text (taken over, as above), segmented
 * and tokenized; no suppression lines are read (input/loader.c; for tests). */
mtc_document *mtc_document_from_utf8(const char *path, char *text, size_t len);

/* Position in the source file of text byte off (where a span starting
 * there starts). */
size_t mtc_document_source_offset(const mtc_document *doc, size_t off);
/* Position in the source file where a span of text ending at off ends:
 * after the source of text byte off - 1. */
size_t mtc_document_source_end(const mtc_document *doc, size_t off);
/* 1-based line and column (in Unicode characters) of source byte src. */
void mtc_document_source_line_col(const mtc_document *doc, size_t src, long *line, long *col);
/* 0-based index of the line holding source byte src (the last line that
 * starts at or before it): the one line look-up of the project. */
size_t mtc_document_line_index(const mtc_document *doc, size_t src);
/* 1-based line and column (column in Unicode characters) of text byte off,
 * in source coordinates. */
void mtc_document_line_col(const mtc_document *doc, size_t off, long *line, long *col);
/* Number of code points in doc->source before source byte src, in O(block). */
size_t mtc_document_source_chars(const mtc_document *doc, size_t src);

/* Index of the sentence holding token tok (< doc->n_tokens): a binary
 * search of the sentences' first tokens, O(log sentences). Two adjacent
 * tokens i, i + 1 are in different sentences when token i + 1 has
 * MTC_TF_SENTENCE_START. */
size_t mtc_tok_sentence(const mtc_document *doc, size_t tok);

/* Convenience accessors. */
static inline const char *mtc_tok_text(const mtc_document *d, const mtc_token *t)
{
    return d->text + t->start;
}
static inline size_t mtc_tok_len(const mtc_token *t) { return t->end - t->start; }

#endif
