/* vocab.h — a worker's vocabulary: the lowercase forms its checker has
 * seen, each with what the analyzers decided of the form alone (the memo
 * slots of mtc_word in MTC_WM_PERSISTENT: the grammar lexicon's classes,
 * spelling's part verdict), kept from one article to the next. Before the
 * analyzers run, the checker recalls those memos into the article's
 * interned words (doc->words); after, it keeps what they added. A word
 * then costs one probe of this table per article instead of one probe of
 * each big word list it is looked up in.
 *
 * Only values that are a function of the form and of the checker's
 * configuration may be kept (the checker, and so its vocabulary, belongs
 * to one configuration): recalling a memo gives the analyzers the value
 * they would compute, so the findings do not depend on what was checked
 * before. Bounded: full, it forgets everything and starts again. One
 * thread at a time (one per worker, like the checker). */
#ifndef MTC_VOCAB_H
#define MTC_VOCAB_H

#include <stddef.h>

#include "document.h"

typedef struct mtc_vocab mtc_vocab;

/* A vocabulary of at most max_words forms (0: the default, 65,536: an
 * 8 MB table at most; 128 bytes a form, rounded up to a power of two; it
 * starts at 256 KB and doubles between articles as it fills). Free with
 * mtc_vocab_free (NULL: no-op). */
mtc_vocab *mtc_vocab_new(size_t max_words);
void mtc_vocab_free(mtc_vocab *v);

/* Longest form (bytes) the vocabulary keeps; a longer word's memos are
 * decided afresh in every article. */
#define MTC_VOCAB_MAX_FORM 33

/* Before the analyzers: finds (or adds) every word of doc and sets the
 * persistent memo slots it knows on doc->words (their memo_have bits
 * too), after clearing what another checker may have left in them;
 * records in each word where its entry is (mtc_word.vocab). The words'
 * memos are the one thing of a const document a checker writes
 * (words.h). */
void mtc_vocab_recall(mtc_vocab *v, const mtc_document *doc);
/* After the analyzers: keeps the persistent memo slots the analyzers
 * filled on doc's words in their entries. Call after mtc_vocab_recall on
 * the same document, with no other document in between. */
void mtc_vocab_learn(mtc_vocab *v, const mtc_document *doc);

/* Forms it holds, and times it forgot everything (for tests). */
size_t mtc_vocab_count(const mtc_vocab *v);
size_t mtc_vocab_resets(const mtc_vocab *v);

#endif
