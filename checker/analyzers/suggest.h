/* suggest.h — deterministic spelling suggestions (suggest.c): candidates
 * within two edits (one for words of up to 4 letters) of a misspelled
 * word, from the SCOWL word lists indexed at build time by deletion keys
 * (suggest_keys.h) and the caller's own words, ranked by a weighted edit
 * distance (omissions, doubled letters, transpositions, keyboard and
 * sound neighbours cost less; the first letter costs more) plus the word's
 * commonness (its SCOWL level). No clock, no limit on work that depends on
 * the machine: the same word gets the same suggestions everywhere. */
#ifndef MTC_SUGGEST_H
#define MTC_SUGGEST_H

#include <stddef.h>

#include "mtcheck.h"

/* Longest suggestion (bytes, with the NUL). */
#define MTC_SUGGEST_WORD_MAX 130

typedef struct mtc_suggester mtc_suggester;

/* A suggester over the built-in index. MTC_ERR_CONFIG when the index linked
 * into the binary is not one this code reads. */
mtc_status mtc_suggester_new(mtc_suggester **out, mtc_error *err);
void mtc_suggester_free(mtc_suggester *s);

/* Adds a word of the caller's (a --dict list) to the candidates, ranked
 * like the most common words. */
void mtc_suggester_add_word(mtc_suggester *s, const char *w, size_t len);

/* Decides whether a candidate may be suggested (hunspell's verdict for the
 * language); 1 = yes. A candidate may be two words with a space between
 * (alot: "a lot"). */
typedef int (*mtc_suggest_accept_fn)(const char *word, void *ctx);

/* Up to max suggestions for w[0..len) into out, best first, each accepted
 * by accept (NULL: all). Returns how many. */
size_t mtc_suggest(const mtc_suggester *s, const char *w, size_t len, mtc_suggest_accept_fn accept,
                   void *ctx, char out[][MTC_SUGGEST_WORD_MAX], size_t max);

/* 1 when some word of the index within one edit of w[0..len)
 * (case-insensitive; the word itself included) passes fn: a quick and
 * exact "no" for "is any word of a list within one edit?" when every
 * entry of the list is in the index (dictionaries/common-words.txt is). */
int mtc_suggest_any_within_one(const mtc_suggester *s, const char *w, size_t len,
                               mtc_suggest_accept_fn fn, void *ctx);

/* The distance mtc_suggest ranks by (lower is closer; 100 is about one
 * plain substitution), without the commonness; for tests. */
int mtc_suggest_cost(const char *typed, size_t tlen, const char *word, size_t wlen);

#endif
