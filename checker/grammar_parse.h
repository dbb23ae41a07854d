/* grammar_parse.h — grammar.parse: link-grammar parses a sentence under a
 * time limit; a sentence that parses only with null links is reported. The
 * parser (dictionary and options) is per-worker state of the grammar
 * analyzer, created only under --deep. */
#ifndef MTC_GRAMMAR_PARSE_H
#define MTC_GRAMMAR_PARSE_H

#include <stddef.h>

#include "analyzer.h"

typedef struct mtc_grammar_parser mtc_grammar_parser;

/* Creates a parser in *out (the caller frees it with
 * mtc_grammar_parser_free); fills err and returns non-OK when link-grammar
 * or its English dictionary is unavailable. */
mtc_status mtc_grammar_parser_new(mtc_grammar_parser **out, mtc_error *err);
void mtc_grammar_parser_free(mtc_grammar_parser *p);
/* Parses sentence si and emits rule on it when no complete linkage exists. */
void mtc_grammar_parse_check(mtc_grammar_parser *p, const mtc_context *ctx, size_t si,
                             mtc_emitter *em, const char *rule);

#endif
