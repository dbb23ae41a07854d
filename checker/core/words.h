/* words.h — the article's interned words: every token's lowercase form,
 * stored once per distinct form with its hash (doc->words, document.h), so
 * that analyzers compare two tokens as words by index, look a word up in a
 * word set without lowercasing and hashing it again, and read what the
 * grammar lexicon said of it from the word's memo. */
#ifndef MTC_WORDS_H
#define MTC_WORDS_H

#include "document.h"

/* Interns the lowercase form (mtc_utf8_lower) of every token of doc: sets
 * each token's word and fills doc->words, doc->n_distinct and
 * doc->word_text (replacing what they held). mtc_tokenize calls it. */
void mtc_words_intern(mtc_document *doc);

/* The interned word of a token. The memo is a cache the one thread that
 * checks the document fills (the document is otherwise read-only), hence a
 * mutable word from a const document. */
static inline mtc_word *mtc_tok_word(const mtc_document *d, const mtc_token *t)
{
    return &d->words[t->word];
}
/* Its lowercase form (NUL-terminated; mtc_tok_word(...)->len bytes). */
static inline const char *mtc_word_text(const mtc_document *d, const mtc_word *w)
{
    return d->word_text + w->lower;
}
/* 1 when two tokens are the same word, case aside. */
static inline int mtc_tok_same_word(const mtc_token *a, const mtc_token *b)
{
    return a->word == b->word;
}

#endif
