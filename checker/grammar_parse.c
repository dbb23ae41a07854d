/* grammar_parse.c — grammar.parse (--deep): not available in this build
 * yet; the parser cannot be created. Owns nothing. */
#include "grammar_parse.h"

mtc_status mtc_grammar_parser_new(mtc_grammar_parser **out, mtc_error *err)
{
    *out = NULL;
    mtc_error_set(err, MTC_ERR_CONFIG, "grammar.parse", -1, -1,
                  "link-grammar parsing is not built into this mtcheck");
    return MTC_ERR_CONFIG;
}

void mtc_grammar_parser_free(mtc_grammar_parser *p)
{
    (void)p;
}

void mtc_grammar_parse_check(mtc_grammar_parser *p, const mtc_context *ctx, size_t si,
                             mtc_emitter *em, const char *rule)
{
    (void)p;
    (void)ctx;
    (void)si;
    (void)em;
    (void)rule;
}
