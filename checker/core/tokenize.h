/* tokenize.h — tokens of every sentence: words (any script, by Unicode
 * category), numbers, ordinals, URLs, e-mail addresses, handles, hashtags,
 * punctuation. Fills doc->tokens and each sentence's token range, and
 * interns every token's lowercase form (words.h). */
#ifndef MTC_TOKENIZE_H
#define MTC_TOKENIZE_H

#include "document.h"

void mtc_tokenize(mtc_document *doc);

#endif
