/* test_vocab.c — a worker's vocabulary (checker/core/vocab.c): what the
 * analyzers decided of a form is recalled into the next article's words,
 * article-dependent memos are not, long forms are not kept, a full
 * vocabulary forgets everything at once, memos another checker left in a
 * document are cleared; and a checker that has checked other articles
 * finds exactly what a fresh checker finds. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buffer.h"
#include "document.h"
#include "testutil.h"
#include "vocab.h"
#include "words.h"

/* The interned word of the first token whose text is s. */
static mtc_word *word_of(const mtc_document *d, const char *s)
{
    for (size_t i = 0; i < d->n_tokens; i++) {
        const mtc_token *t = &d->tokens[i];
        if (mtc_tok_len(t) == strlen(s) && memcmp(mtc_tok_text(d, t), s, strlen(s)) == 0)
            return mtc_tok_word(d, t);
    }
    cr_assert_fail("no token [%s]", s);
    return NULL;
}

static void set_memo(mtc_word *w, unsigned slot, uint32_t v)
{
    w->memo[slot] = v;
    w->memo_have |= (uint16_t)(1u << slot);
}

Test(vocab, persistent_memos_are_recalled_in_the_next_article)
{
    mtc_vocab *v = mtc_vocab_new(0);
    mtc_document *a = tu_doc("The court met in Beijing.\n");
    mtc_vocab_recall(v, a);
    set_memo(word_of(a, "court"), MTC_WM_LX_ALL, 77);
    set_memo(word_of(a, "court"), MTC_WM_SP_PART, 5);
    set_memo(word_of(a, "Beijing"), MTC_WM_SP_CAP, 9);
    mtc_vocab_learn(v, a);
    cr_assert_eq(mtc_vocab_count(v), a->n_distinct);

    mtc_document *b = tu_doc("Courts and the COURT left Beijing for Shanghai.\n");
    mtc_vocab_recall(v, b);
    mtc_word *court = word_of(b, "COURT"); /* the same form: court */
    cr_assert(court->memo_have & (1u << MTC_WM_LX_ALL));
    cr_assert_eq(court->memo[MTC_WM_LX_ALL], 77);
    cr_assert_eq(court->memo[MTC_WM_SP_PART], 5);
    cr_assert_eq(word_of(b, "Beijing")->memo[MTC_WM_SP_CAP], 9);
    cr_assert(word_of(b, "Beijing")->memo_have & (1u << MTC_WM_SP_CAP));
    /* forms not decided before: nothing recalled */
    cr_assert_eq(word_of(b, "Courts")->memo_have, 0);
    cr_assert_eq(word_of(b, "Shanghai")->memo_have, 0);
    mtc_document_free(a);
    mtc_document_free(b);
    mtc_vocab_free(v);
}

Test(vocab, article_memos_are_not_kept)
{
    mtc_vocab *v = mtc_vocab_new(0);
    mtc_document *a = tu_doc("The Agreement was signed.\n");
    mtc_vocab_recall(v, a);
    set_memo(word_of(a, "Agreement"), MTC_WM_GR_DEFINED, 1);
    mtc_vocab_learn(v, a);
    mtc_document *b = tu_doc("An agreement was signed.\n");
    mtc_vocab_recall(v, b);
    cr_assert_eq(word_of(b, "agreement")->memo_have, 0, "a defined term belongs to its article");
    mtc_document_free(a);
    mtc_document_free(b);
    mtc_vocab_free(v);
}

Test(vocab, long_forms_are_not_kept)
{
    char text[256];
    char longw[MTC_VOCAB_MAX_FORM + 2];
    memset(longw, 'a', sizeof longw - 1);
    longw[sizeof longw - 1] = '\0';
    char fits[MTC_VOCAB_MAX_FORM + 1];
    memset(fits, 'b', sizeof fits - 1);
    fits[sizeof fits - 1] = '\0';
    snprintf(text, sizeof text, "%s %s end.\n", longw, fits);
    mtc_vocab *v = mtc_vocab_new(0);
    mtc_document *a = tu_doc(text);
    mtc_vocab_recall(v, a);
    set_memo(word_of(a, longw), MTC_WM_LX_ALL, 3);
    set_memo(word_of(a, fits), MTC_WM_LX_ALL, 4);
    mtc_vocab_learn(v, a);
    mtc_document *b = tu_doc(text);
    mtc_vocab_recall(v, b);
    cr_assert_eq(word_of(b, longw)->memo_have, 0, "%zu bytes: not kept", strlen(longw));
    cr_assert_eq(word_of(b, fits)->memo[MTC_WM_LX_ALL], 4, "%zu bytes: kept", strlen(fits));
    mtc_document_free(a);
    mtc_document_free(b);
    mtc_vocab_free(v);
}

Test(vocab, a_full_vocabulary_forgets_everything)
{
    mtc_vocab *v = mtc_vocab_new(16);
    mtc_document *a = tu_doc("one two three four five six seven eight nine ten\n");
    mtc_vocab_recall(v, a);
    set_memo(word_of(a, "one"), MTC_WM_LX_ALL, 1);
    mtc_vocab_learn(v, a);
    cr_assert_eq(mtc_vocab_resets(v), 0);
    mtc_document *b = tu_doc("alpha beta gamma delta epsilon zeta eta theta one\n");
    mtc_vocab_recall(v, b); /* 10 + 9 forms do not fit in 16: start again */
    cr_assert_eq(mtc_vocab_resets(v), 1);
    cr_assert_eq(mtc_vocab_count(v), b->n_distinct);
    cr_assert_eq(word_of(b, "one")->memo_have, 0, "forgotten with the rest");
    set_memo(word_of(b, "one"), MTC_WM_LX_ALL, 2);
    mtc_vocab_learn(v, b);
    mtc_document *c = tu_doc("one more\n");
    mtc_vocab_recall(v, c);
    cr_assert_eq(mtc_vocab_resets(v), 1);
    cr_assert_eq(word_of(c, "one")->memo[MTC_WM_LX_ALL], 2);
    mtc_document_free(a);
    mtc_document_free(b);
    mtc_document_free(c);
    mtc_vocab_free(v);
}

Test(vocab, stale_memos_of_another_checker_are_cleared)
{
    mtc_vocab *v = mtc_vocab_new(0);
    mtc_document *a = tu_doc("The court met.\n");
    set_memo(word_of(a, "court"), MTC_WM_SP_PART, 7); /* as another checker left it */
    set_memo(word_of(a, "court"), MTC_WM_GR_DEFINED, 1);
    mtc_vocab_recall(v, a);
    cr_assert_eq(word_of(a, "court")->memo_have & MTC_WM_PERSISTENT, 0);
    cr_assert(word_of(a, "court")->memo_have & (1u << MTC_WM_GR_DEFINED),
              "article memos are the document's own");
    mtc_document_free(a);
    mtc_vocab_free(v);
}

/* Every issue of a result, one line each. */
static char *issues_text(const mtc_result *res)
{
    mtc_buf b = MTC_BUF_INIT;
    for (size_t i = 0; i < res->n_issues; i++) {
        const mtc_issue *is = &res->issues[i];
        char head[128];
        snprintf(head, sizeof head, "%zu-%zu %d ", is->start, is->end, (int)is->severity);
        mtc_buf_puts(&b, head);
        mtc_buf_puts(&b, is->rule);
        mtc_buf_puts(&b, " ");
        mtc_buf_puts(&b, is->message);
        for (size_t k = 0; k < is->n_suggestions; k++) {
            mtc_buf_puts(&b, " |");
            mtc_buf_puts(&b, is->suggestions[k]);
        }
        mtc_buf_putc(&b, '\n');
    }
    return b.data ? mtc_buf_detach(&b) : mtc_xstrdup("");
}

static char *check_with(mtc_checker *chk, const char *text, size_t *n_issues)
{
    mtc_document *d = tu_doc(text);
    mtc_result *res = NULL;
    mtc_error err;
    cr_assert_eq(mtc_checker_check(chk, d, &res, &err), MTC_OK);
    char *s = issues_text(res);
    *n_issues = res->n_issues;
    mtc_result_free(res);
    mtc_document_free(d);
    return s;
}

static char *read_fixture(const char *rel)
{
    char path[4096];
    FILE *f = fopen(tu_root_path(rel, path, sizeof path), "rb");
    cr_assert_not_null(f, "%s", rel);
    mtc_buf b = MTC_BUF_INIT;
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        mtc_buf_put(&b, chunk, n);
    fclose(f);
    return b.data ? mtc_buf_detach(&b) : mtc_xstrdup("");
}

Test(vocab, a_used_checker_finds_what_a_fresh_one_finds)
{
    /* the same words in other cases, places and articles: misspellings
     * lowercase and capitalised, names, variants, hyphenated words */
    const char *crafted[] = {
        "Comitee Report\n\nThe comitee met in Beijing. Beijing said the colour of the "
        "flag was red. Dujoun Guaquei said the committee would recieve them.\n",
        "The Committee met. Colour and color, programme and program. Recieve is wrong; "
        "the comitee agreed. Guaquei left Beijing for Kim Jong-un's city.\n",
        "BEIJING -- The the report said Guaquei and Dujoun went to the U.S. and the US. "
        "Their products is new. He go there.\n",
    };
    const char *files[] = {"tests/fixtures/seed-article.txt",
                           "tests/fixtures/ci/batch/01-port.txt",
                           "tests/fixtures/ci/batch/02-rain.txt",
                           "tests/fixtures/ci/batch/03-trade.txt"};
    size_t n_crafted = sizeof crafted / sizeof crafted[0];
    size_t n_files = sizeof files / sizeof files[0];
    size_t n = n_crafted + n_files;
    char **texts = mtc_xcalloc(n, sizeof *texts);
    for (size_t i = 0; i < n_crafted; i++)
        texts[i] = mtc_xstrdup(crafted[i]);
    for (size_t i = 0; i < n_files; i++)
        texts[n_crafted + i] = read_fixture(files[i]);

    mtc_config *cfg = mtc_config_new();
    mtc_error err;
    mtc_checker *used = NULL;
    cr_assert_eq(mtc_checker_new(cfg, &used, &err), MTC_OK, "%s", err.message);
    size_t total = 0;
    /* three times round: a verdict is memoised when a word is met again
     * (the second round at the latest), recalled from the third on */
    for (int round = 0; round < 3; round++) {
        for (size_t i = 0; i < n; i++) {
            mtc_checker *fresh = NULL;
            cr_assert_eq(mtc_checker_new(cfg, &fresh, &err), MTC_OK, "%s", err.message);
            size_t nf, nu;
            char *want = check_with(fresh, texts[i], &nf);
            char *got = check_with(used, texts[i], &nu);
            cr_assert_str_eq(got, want, "round %d, article %zu", round, i);
            total += nu;
            free(want);
            free(got);
            mtc_checker_free(fresh);
        }
    }
    cr_assert_gt(total, 20, "the articles have findings to compare (%zu)", total);
    mtc_checker_free(used);
    mtc_config_free(cfg);
    for (size_t i = 0; i < n; i++)
        free(texts[i]);
    free(texts);
}

/* The table starts small and doubles between articles: what it kept is
 * still there after it grew. */
Test(vocab, growing_keeps_what_it_kept)
{
    mtc_vocab *v = mtc_vocab_new(0);
    mtc_buf b = MTC_BUF_INIT;
    for (int i = 0; i < 3000; i++)
        mtc_buf_printf(&b, "w%d ", i);
    mtc_buf_puts(&b, "\n");
    mtc_document *a = tu_doc(b.data);
    mtc_vocab_recall(v, a);
    set_memo(word_of(a, "w7"), MTC_WM_LX_ALL, 70);
    set_memo(word_of(a, "w2999"), MTC_WM_LX_CLOSED, 29);
    mtc_vocab_learn(v, a);
    mtc_buf_clear(&b);
    for (int i = 0; i < 9000; i++)
        mtc_buf_printf(&b, "x%d ", i);
    mtc_buf_puts(&b, "w7 w2999\n");
    mtc_document *c = tu_doc(b.data);
    mtc_vocab_recall(v, c); /* 3,000 + 9,002 forms: the table grows twice */
    cr_assert_eq(mtc_vocab_resets(v), 0);
    cr_assert_eq(mtc_vocab_count(v), 3000 + 9000);
    cr_assert_eq(word_of(c, "w7")->memo[MTC_WM_LX_ALL], 70);
    cr_assert(word_of(c, "w7")->memo_have & (1u << MTC_WM_LX_ALL));
    cr_assert_eq(word_of(c, "w2999")->memo[MTC_WM_LX_CLOSED], 29);
    cr_assert_eq(word_of(c, "x5")->memo_have, 0);
    mtc_buf_free(&b);
    mtc_document_free(a);
    mtc_document_free(c);
    mtc_vocab_free(v);
}
