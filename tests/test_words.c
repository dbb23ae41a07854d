/* test_words.c — the article's interned words (checker/core/words.c): one
 * entry per distinct lowercase form, every token pointing at its form, the
 * hash the word sets use, and the grammar lexicon's per-word memo. */
#include <criterion/criterion.h>
#include <string.h>

#include "document.h"
#include "grammar_lexicon.h"
#include "testutil.h"
#include "words.h"
#include "wordset.h"

/* The first token whose text is s (exact bytes). */
static const mtc_token *tok(const mtc_document *d, const char *s)
{
    for (size_t i = 0; i < d->n_tokens; i++) {
        const mtc_token *t = &d->tokens[i];
        if (mtc_tok_len(t) == strlen(s) && memcmp(mtc_tok_text(d, t), s, strlen(s)) == 0)
            return t;
    }
    cr_assert_fail("no token [%s]", s);
    return NULL;
}

Test(words, case_variants_share_one_word)
{
    mtc_document *d = tu_doc("The court said the COURT and The Court met. Court!\n");
    const mtc_token *a = tok(d, "court"), *b = tok(d, "COURT"), *c = tok(d, "Court");
    cr_assert(mtc_tok_same_word(a, b) && mtc_tok_same_word(b, c));
    cr_assert(mtc_tok_same_word(tok(d, "The"), tok(d, "the")));
    const mtc_word *w = mtc_tok_word(d, c);
    cr_assert_eq(w->len, 5);
    cr_assert_str_eq(mtc_word_text(d, w), "court");
    cr_assert_eq(w->hash, mtc_wordset_hash("court", 5), "the word sets' hash");
    mtc_document_free(d);
}

Test(words, different_words_and_punctuation_differ)
{
    mtc_document *d = tu_doc("Courts court, courted: court.\n");
    const mtc_token *a = tok(d, "Courts"), *b = tok(d, "court"), *c = tok(d, "courted");
    cr_assert(!mtc_tok_same_word(a, b));
    cr_assert(!mtc_tok_same_word(b, c));
    cr_assert(!mtc_tok_same_word(tok(d, ","), tok(d, ":")));
    cr_assert(!mtc_tok_same_word(tok(d, ","), b));
    /* courts, court, ",", courted, ":", "." */
    cr_assert_eq(d->n_distinct, 6, "%zu distinct forms", d->n_distinct);
    for (size_t i = 0; i < d->n_tokens; i++)
        cr_assert_lt(d->tokens[i].word, d->n_distinct);
    mtc_document_free(d);
}

Test(words, unicode_lowercase_forms)
{
    /* Unicode case folds into one word; an accent makes another */
    mtc_document *d = tu_doc("ÉCOLE école Ecole ΑΘΗΝΑ αθηνα\n");
    cr_assert(mtc_tok_same_word(tok(d, "ÉCOLE"), tok(d, "école")));
    cr_assert(!mtc_tok_same_word(tok(d, "école"), tok(d, "Ecole")));
    cr_assert(mtc_tok_same_word(tok(d, "ΑΘΗΝΑ"), tok(d, "αθηνα")));
    const mtc_word *w = mtc_tok_word(d, tok(d, "ÉCOLE"));
    cr_assert_str_eq(mtc_word_text(d, w), "école");
    cr_assert_eq(w->len, strlen("école"));
    mtc_document_free(d);
}

Test(words, many_distinct_forms_grow_the_table)
{
    /* more forms than the first table holds: every one found again */
    char text[40000];
    size_t n = 0;
    for (int i = 0; i < 3000; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, "w%dx ", i);
    for (int i = 0; i < 3000; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, "W%dX ", i);
    text[n - 1] = '\n';
    mtc_document *d = tu_doc(text);
    cr_assert_eq(d->n_tokens, 6000);
    cr_assert_eq(d->n_distinct, 3000);
    for (size_t i = 0; i < 3000; i++)
        cr_assert(mtc_tok_same_word(&d->tokens[i], &d->tokens[i + 3000]), "token %zu", i);
    cr_assert(!mtc_tok_same_word(&d->tokens[0], &d->tokens[1]));
    mtc_document_free(d);
}

Test(words, lexicon_by_token_matches_lexicon_by_text)
{
    mtc_error err;
    mtc_grammar_lexicon *lx = mtc_grammar_lexicon_load(&err);
    cr_assert(lx, "%s", err.message);
    mtc_document *d = tu_doc("The Ministry quickly announced it; THE ministry's plans don’t zzqx.\n");
    for (int pass = 0; pass < 2; pass++) /* the second pass reads the memo */
        for (size_t i = 0; i < d->n_tokens; i++) {
            const mtc_token *t = &d->tokens[i];
            const char *s = mtc_tok_text(d, t);
            size_t n = mtc_tok_len(t);
            int k1 = -1, k2 = -1;
            cr_assert_eq(mtc_grammar_open_tok(lx, d, t, &k1), mtc_grammar_open(lx, s, n, &k2),
                         "[%.*s]", (int)n, s);
            cr_assert_eq(k1, k2);
            cr_assert_eq(mtc_grammar_open_all_tok(lx, d, t), mtc_grammar_open_all(lx, s, n));
            cr_assert_eq(mtc_grammar_closed_tok(lx, d, t), mtc_grammar_closed(lx, s, n));
        }
    cr_assert(mtc_grammar_closed_tok(lx, d, tok(d, "THE")) & MTC_CC_ART);
    cr_assert(mtc_grammar_open_tok(lx, d, tok(d, "quickly"), NULL) & MTC_LX_ADV);
    int known = 1;
    cr_assert_eq(mtc_grammar_open_tok(lx, d, tok(d, "zzqx"), &known), 0);
    cr_assert_eq(known, 0);
    mtc_document_free(d);
    mtc_grammar_lexicon_free(lx);
    /* the process's one lexicon: the same again */
    cr_assert_eq(mtc_grammar_lexicon_load(&err), lx);
}

/* Tokens are lowercased eight bytes at a time: only A-Z change (not @ [ `
 * { next to them in ASCII), a non-ASCII byte (in any piece) takes the
 * Unicode path, and a token near the end of the text (fewer than eight
 * bytes after it) gets the same form byte by byte. */
Test(words, short_tokens_word_at_a_time)
{
    mtc_document *d = tu_doc("@ [ ` { A Z a z Q QWERTYU QWERTYUI Qwertyuio ÉTÉ Ü x "
                             "ABCDEFGHÉ ABCDEFGHIJKLMNOPQRSTUVWXYZ MIXed ZZ END\n");
    const char *want[][2] = {{"@", "@"},       {"[", "["},           {"`", "`"},
                             {"{", "{"},       {"A", "a"},           {"Z", "z"},
                             {"a", "a"},       {"z", "z"},           {"QWERTYU", "qwertyu"},
                             {"QWERTYUI", "qwertyui"}, {"Qwertyuio", "qwertyuio"},
                             {"ÉTÉ", "été"},   {"Ü", "ü"},           {"MIXed", "mixed"},
                             {"ZZ", "zz"},     {"END", "end"},
                             {"ABCDEFGHÉ", "abcdefghé"}, /* non-ASCII after 8 bytes */
                             {"ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"}};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const mtc_word *w = mtc_tok_word(d, tok(d, want[i][0]));
        cr_assert_str_eq(mtc_word_text(d, w), want[i][1], "%s", want[i][0]);
        cr_assert_eq(w->len, strlen(want[i][1]));
        cr_assert_eq(w->hash, mtc_wordset_hash(want[i][1], strlen(want[i][1])), "%s", want[i][0]);
        int ascii = 1;
        for (const char *p = want[i][0]; *p; p++)
            ascii &= (unsigned char)*p < 0x80;
        cr_assert_eq(w->ascii, ascii, "%s", want[i][0]);
    }
    /* the same form near the end of the text is the same word */
    cr_assert(mtc_tok_same_word(tok(d, "Q"), tok(d, "Qwertyuio")) == 0);
    mtc_document *e = tu_doc("END end\n");
    cr_assert(mtc_tok_same_word(tok(e, "END"), tok(e, "end")));
    mtc_document_free(e);
    mtc_document_free(d);
}
