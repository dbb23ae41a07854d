/* test_suggest.c — the suggestion engine (checker/analyzers/suggest.c):
 * the ranking on real misspellings, the accept filter, the caller's words,
 * split words, words with nothing close, the cost model; and that the
 * spelling analyzer's output does not depend on the machine's speed: the
 * JSON report of an article full of long misspellings is byte-identical
 * natively and under valgrind's callgrind (50 times slower). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clitest.h"
#include "suggest.h"
#include "testutil.h"

static mtc_suggester *open_suggester(void)
{
    mtc_suggester *s = NULL;
    mtc_error err = {0};
    cr_assert_eq(mtc_suggester_new(&s, &err), MTC_OK, "%s", err.message);
    return s;
}

/* The suggestions of w (all candidates accepted) joined by commas. */
static void suggest_str(const mtc_suggester *s, const char *w, mtc_suggest_accept_fn accept,
                        char *buf, size_t size)
{
    char out[3][MTC_SUGGEST_WORD_MAX];
    size_t n = mtc_suggest(s, w, strlen(w), accept, NULL, out, 3);
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        strncat(buf, out[i], size - strlen(buf) - 2);
        if (i + 1 < n)
            strncat(buf, ",", size - strlen(buf) - 1);
    }
}

static const char *first(const mtc_suggester *s, const char *w)
{
    static char out[1][MTC_SUGGEST_WORD_MAX];
    size_t n = mtc_suggest(s, w, strlen(w), NULL, NULL, out, 1);
    return n ? out[0] : "";
}

Test(suggest, real_misspellings_first)
{
    mtc_suggester *s = open_suggester();
    static const char *const pairs[][2] = {
        {"paria", "pariah"},       {"visted", "visited"},         {"govemor", "governor"},
        {"recieve", "receive"},    {"occured", "occurred"},       {"teh", "the"},
        {"goverment", "government"}, {"accomodate", "accommodate"}, {"dont", "don't"},
        {"counterintelligense", "counterintelligence"},
        {"telecomunications", "telecommunications"}, {"responsibilites", "responsibilities"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
        cr_expect_str_eq(first(s, pairs[i][0]), pairs[i][1], "%s", pairs[i][0]);
    mtc_suggester_free(s);
}

static int reject_pariah(const char *w, void *ctx)
{
    (void)ctx;
    return strcmp(w, "pariah") != 0;
}

Test(suggest, accept_filters_in_rank_order)
{
    mtc_suggester *s = open_suggester();
    char all[256], filtered[256];
    suggest_str(s, "paria", NULL, all, sizeof all);
    suggest_str(s, "paria", reject_pariah, filtered, sizeof filtered);
    cr_assert(strncmp(all, "pariah,", 7) == 0, "%s", all);
    cr_assert(strstr(filtered, "pariah") == NULL, "%s", filtered);
    /* the next ones move up */
    cr_assert(strncmp(filtered, all + 7, strlen(all + 7)) == 0, "%s / %s", all, filtered);
    mtc_suggester_free(s);
}

Test(suggest, nothing_close_nothing_suggested)
{
    mtc_suggester *s = open_suggester();
    cr_assert_str_eq(first(s, "xqzjvwk"), "");
    cr_assert_str_eq(first(s, "q"), ""); /* one letter: nothing */
    /* short words get one edit, not two: "tke" -> the/take..., never "tkxe" -> "the" */
    cr_assert_str_eq(first(s, "qxj"), "");
    mtc_suggester_free(s);
}

Test(suggest, callers_words_are_candidates)
{
    mtc_suggester *s = open_suggester();
    cr_assert_str_neq(first(s, "zelenskyi"), "Zelenskyy");
    mtc_suggester_add_word(s, "Zelenskyy", 9);
    cr_assert_str_eq(first(s, "zelenskyi"), "Zelenskyy");
    mtc_suggester_free(s);
}

Test(suggest, two_words_written_together)
{
    mtc_suggester *s = open_suggester();
    char buf[256];
    suggest_str(s, "inspite", NULL, buf, sizeof buf);
    cr_assert(strstr(buf, "in spite") != NULL, "%s", buf);
    /* rare parts are not offered ("lookingness": no "looking ness") */
    suggest_str(s, "lookingness", NULL, buf, sizeof buf);
    cr_assert(strstr(buf, " ") == NULL, "%s", buf);
    mtc_suggester_free(s);
}

Test(suggest, cost_model)
{
    /* a left-out letter is cheaper than a wrong one, a swap cheaper than two,
     * a keyboard neighbour cheaper than a far key, the first letter dearer */
    cr_assert_lt(mtc_suggest_cost("visted", 6, "visited", 7), mtc_suggest_cost("visted", 6, "vested", 6));
    cr_assert_lt(mtc_suggest_cost("recieve", 7, "receive", 7), mtc_suggest_cost("recieve", 7, "relieve", 7));
    cr_assert_lt(mtc_suggest_cost("hoise", 5, "house", 5), mtc_suggest_cost("hoxse", 5, "house", 5));
    cr_assert_gt(mtc_suggest_cost("patter", 6, "latter", 6), mtc_suggest_cost("lapter", 6, "latter", 6));
    cr_assert_eq(mtc_suggest_cost("same", 4, "SAME", 4), 0);
}

Test(suggest, same_output_natively_and_under_callgrind, .timeout = 600)
{
    char buf[4096];
    cr_assert_eq(chdir(tu_root_path(".", buf, sizeof buf)), 0);
#if defined(__SANITIZE_ADDRESS__)
    cr_skip_test("an AddressSanitizer build cannot run under valgrind: compared in make test");
#endif
    if (system("command -v valgrind > /dev/null 2>&1") != 0)
        cr_skip_test("valgrind not installed: the callgrind comparison is skipped");
    const char *args = "--no-config --format json --fail-on none tests/fixtures/suggest/long-misspellings.txt";
    ct_result native = ct_run(args, NULL);
    cr_assert_eq(native.status, 0, "%s", native.err);
    cr_assert(strstr(native.out, "counterintelligence") != NULL, "%s", native.out);
    ct_result slow = ct_run_full("valgrind -q --tool=callgrind --callgrind-out-file=/dev/null", args,
                                 NULL, NULL, 590);
    cr_assert_eq(slow.status, 0, "%s", slow.err);
    cr_assert_eq(slow.out_len, native.out_len);
    cr_assert(memcmp(slow.out, native.out, native.out_len) == 0,
              "the report differs under callgrind");
    ct_free(&native);
    ct_free(&slow);
}
