/* grammar_parse.c — grammar.parse (--deep): link-grammar (liblink-grammar,
 * English dictionary of link-grammar-dictionaries-en) parses a body
 * sentence under a time limit; when no complete linkage exists, the sentence
 * is parsed again allowing null links and the first word left unlinked is
 * reported. Owns the per-worker parser (dictionary, options, text buffer),
 * freed by mtc_grammar_parser_free. Link-grammar's own messages are routed
 * to a handler that drops them: the library never prints. */
#include "grammar_parse.h"

#include <link-grammar/link-includes.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "utf8.h"

#define PARSE_SECONDS 1
#define MIN_WORDS 4
#define MAX_WORDS 40

struct mtc_grammar_parser {
    Dictionary dict;
    Parse_Options opts;
    char *buf; /* the sentence, NUL-terminated */
    size_t cap;
};

static void quiet(lg_errinfo *ei, void *data)
{
    (void)ei;
    (void)data;
}

mtc_status mtc_grammar_parser_new(mtc_grammar_parser **out, mtc_error *err)
{
    *out = NULL;
    lg_error_set_handler(quiet, NULL);
    Dictionary d = dictionary_create_lang("en");
    if (!d) {
        mtc_error_set(err, MTC_ERR_DICT, "link-grammar", -1, -1,
                      "cannot open link-grammar's English dictionary "
                      "(package link-grammar-dictionaries-en)");
        return MTC_ERR_DICT;
    }
    mtc_grammar_parser *p = mtc_xcalloc(1, sizeof *p);
    p->dict = d;
    p->opts = parse_options_create();
    parse_options_set_verbosity(p->opts, 0);
    parse_options_set_max_parse_time(p->opts, PARSE_SECONDS);
    parse_options_set_linkage_limit(p->opts, 1);
    parse_options_set_spell_guess(p->opts, 0);
    parse_options_set_islands_ok(p->opts, 0);
    *out = p;
    return MTC_OK;
}

void mtc_grammar_parser_free(mtc_grammar_parser *p)
{
    if (!p)
        return;
    parse_options_delete(p->opts);
    dictionary_delete(p->dict);
    free(p->buf);
    free(p);
}

/* Parses p->buf; returns the byte range of the first word left unlinked
 * when no complete linkage exists (0 when the sentence parses, times out or
 * has no such word). */
static int first_null_word(mtc_grammar_parser *p, size_t *a, size_t *b)
{
    int found = 0;
    Sentence s = sentence_create(p->buf, p->dict);
    if (!s)
        return 0;
    if (sentence_split(s, p->opts) != 0)
        goto done;
    parse_options_set_min_null_count(p->opts, 0);
    parse_options_set_max_null_count(p->opts, 0);
    if (sentence_parse(s, p->opts) > 0 || parse_options_timer_expired(p->opts))
        goto done;
    parse_options_set_min_null_count(p->opts, 1);
    parse_options_set_max_null_count(p->opts, sentence_length(s));
    if (sentence_parse(s, p->opts) <= 0 || parse_options_timer_expired(p->opts))
        goto done;
    /* one word that does not fit is a lead; several mean the parser is lost */
    if (sentence_null_count(s) != 1)
        goto done;
    Linkage lk = linkage_create(0, s, p->opts);
    if (!lk)
        goto done;
    size_t n = linkage_get_num_words(lk);
    for (size_t i = 0; i < n && !found; i++) {
        const char *w = linkage_get_word(lk, i);
        if (!w || w[0] != '[')
            continue;
        int bs = linkage_get_word_byte_start(lk, i), be = linkage_get_word_byte_end(lk, i);
        if (bs < 0 || be <= bs || (size_t)be > strlen(p->buf))
            continue;
        /* lowercase words only: not punctuation, numbers or names the
         * dictionary does not know */
        if (!mtc_ascii_is_lower((unsigned char)p->buf[bs]))
            continue;
        *a = (size_t)bs;
        *b = (size_t)be;
        found = 1;
    }
    linkage_delete(lk);
done:
    sentence_delete(s);
    return found;
}

void mtc_grammar_parse_check(mtc_grammar_parser *p, const mtc_context *ctx, size_t si,
                             mtc_emitter *em, const char *rule)
{
    const mtc_document *doc = ctx->doc;
    const mtc_sentence *s = &doc->sentences[si];
    size_t words = 0;
    for (size_t i = s->first_token; i < s->first_token + s->n_tokens; i++)
        if (doc->tokens[i].kind == MTC_TOK_WORD)
            words++;
    if (words < MIN_WORDS || words > MAX_WORDS)
        return;
    size_t len = s->end - s->start;
    if (len + 1 > p->cap) {
        p->cap = len + 1;
        p->buf = mtc_xrealloc(p->buf, p->cap);
    }
    memcpy(p->buf, doc->text + s->start, len);
    p->buf[len] = '\0';
    lg_error_set_handler(quiet, NULL); /* per thread in link-grammar */
    size_t a, b;
    if (first_null_word(p, &a, &b))
        mtc_emit(em, rule, MTC_SEV_DEFAULT, s->start + a, s->start + b,
                 "link-grammar cannot fit '%.*s' into a parse of the sentence", (int)(b - a),
                 p->buf + a);
}
