/* test_suppress.c — inline suppressions in plain-text articles
 * ([mtcheck-disable RULE] lines, input/reader_text.c) and the one place they
 * are applied (before scoring, core/checker.c): the loader's document, the
 * checker's result and the binary's output. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "checker.h"
#include "clitest.h"
#include "config.h"
#include "document.h"
#include "testutil.h"

static mtc_document *load_text(const char *src)
{
    mtc_document *doc = NULL;
    mtc_error err;
    memset(&err, 0, sizeof err);
    cr_assert_eq(mtc_document_from_bytes("a.txt", src, strlen(src), NULL, MTC_INPUT_AUTO, &doc,
                                         &err),
                 MTC_OK, "%s", err.message);
    return doc;
}

/* Number of issues of rule whose text is `word`. */
static size_t count_word(const mtc_result *res, const mtc_document *doc, const char *rule,
                         const char *word)
{
    size_t n = 0;
    for (size_t i = 0; i < res->n_issues; i++) {
        const mtc_issue *is = &res->issues[i];
        if (strcmp(is->rule, rule) == 0 && is->end - is->start == strlen(word) &&
            memcmp(doc->text + is->start, word, strlen(word)) == 0)
            n++;
    }
    return n;
}

static mtc_result *check(const mtc_document *doc, mtc_config **cfg, mtc_checker **chk)
{
    mtc_error err;
    memset(&err, 0, sizeof err);
    *cfg = mtc_config_new();
    cr_assert_eq(mtc_checker_new(*cfg, chk, &err), MTC_OK, "%s", err.message);
    mtc_result *res = NULL;
    cr_assert_eq(mtc_checker_check(*chk, doc, &res, &err), MTC_OK);
    return res;
}

Test(suppress, text_directive_lines_become_ranges_and_blank_text)
{
    const char *src = "Intro line here.\n\n"
                      "  [mtcheck-disable spelling, quotes]  \n"
                      "Middle paragraph.\n"
                      "[mtcheck-enable spelling]\n\n"
                      "[mtcheck-disable-next-line]\n\n"
                      "Last paragraph.\n";
    mtc_document *doc = load_text(src);
    /* the source keeps every byte; the text has the same length with the
     * directive lines as spaces, so positions are those of the file */
    cr_assert_eq(doc->source_len, strlen(src));
    cr_assert_eq(doc->len, strlen(src));
    cr_assert_str_eq(doc->source, src);
    cr_assert_null(doc->map);
    cr_assert_null(strstr(doc->text, "mtcheck"), "directive left in the text: %s", doc->text);
    cr_assert_not_null(strstr(doc->text, "Middle paragraph."));
    size_t mid = (size_t)(strstr(src, "Middle") - src), last = (size_t)(strstr(src, "Last") - src);
    int spelling_mid = 0, quotes_mid = 0, quotes_last = 0, all_last = 0;
    for (size_t i = 0; i < doc->n_suppressions; i++) {
        const mtc_suppression *s = &doc->suppressions[i];
        int in_mid = mid >= s->start && mid < s->end, in_last = last >= s->start && last < s->end;
        spelling_mid |= in_mid && strcmp(s->rules, "spelling") == 0;
        quotes_mid |= in_mid && strcmp(s->rules, "quotes") == 0;
        quotes_last |= in_last && strcmp(s->rules, "quotes") == 0;
        all_last |= in_last && strcmp(s->rules, "all") == 0;
    }
    cr_assert(spelling_mid && quotes_mid, "both rules off in the middle paragraph");
    cr_assert(quotes_last, "quotes never enabled again: off to the end");
    cr_assert(all_last, "disable-next-line skips the blank line to the next text line");
    cr_assert_eq(doc->n_suppressions, 3);
    /* intro, middle, last: a directive line reads as a blank line */
    cr_assert_eq(doc->n_paragraphs, 3);
    mtc_document_free(doc);
}

Test(suppress, text_that_only_looks_like_a_directive_is_news_text)
{
    const char *texts[] = {
        "The team recieved a medal. [mtcheck-disable spelling]\n", /* not alone on its line */
        "[mtcheck-disabled spelling]\nThe team recieved a medal.\n", /* not a directive word */
        "[mtcheck-disable spelling] and [more]\nThe team recieved a medal.\n", /* two brackets */
        "mtcheck-disable spelling\nThe team recieved a medal.\n",  /* no brackets */
        "<!-- mtcheck-disable spelling -->\nThe team recieved a medal.\n", /* HTML syntax */
        "[Editor's note: mtcheck-disable spelling]\nThe team recieved a medal.\n",
    };
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        mtc_document *doc = load_text(texts[k]);
        cr_assert_eq(doc->n_suppressions, 0, "case %zu", k);
        cr_assert_eq(doc->text, doc->source, "case %zu: the text is the source", k);
        mtc_config *cfg;
        mtc_checker *chk;
        mtc_result *res = check(doc, &cfg, &chk);
        cr_assert_eq(count_word(res, doc, "spelling.unknown-word", "recieved"), 1, "case %zu", k);
        mtc_result_free(res);
        mtc_checker_free(chk);
        mtc_config_free(cfg);
        mtc_document_free(doc);
    }
}

Test(suppress, checker_drops_suppressed_issues_before_scoring)
{
    const char *with = "The minister recieved the report on Tuesday.\n\n"
                       "[mtcheck-disable-next-line spelling]\n"
                       "The council recieved a letter on Monday.\n";
    const char *clean = "The minister recieved the report on Tuesday.\n\n"
                        "[mtcheck-disable-next-line spelling]\n"
                        "The council received a letter on Monday.\n";
    mtc_document *d1 = load_text(with), *d2 = load_text(clean);
    mtc_config *c1, *c2;
    mtc_checker *k1, *k2;
    mtc_result *r1 = check(d1, &c1, &k1), *r2 = check(d2, &c2, &k2);
    cr_assert_eq(count_word(r1, d1, "spelling.unknown-word", "recieved"), 1,
                 "only the first paragraph's word is reported");
    cr_assert_lt(r1->issues[0].start, strlen("The minister recieved"));
    /* the suppressed issue costs nothing: same counts, penalty and score as
     * the article without it */
    cr_assert_eq(r1->n_issues, r2->n_issues);
    cr_assert_float_eq(r1->penalty, r2->penalty, 1e-9);
    cr_assert_float_eq(r1->score, r2->score, 1e-9);
    cr_assert_eq(r1->by_severity[MTC_SEV_MAJOR], r2->by_severity[MTC_SEV_MAJOR]);
    cr_assert_float_eq(r1->sentence_score[d1->n_sentences - 1], 100.0, 1e-9);
    mtc_result_free(r1);
    mtc_result_free(r2);
    mtc_checker_free(k1);
    mtc_checker_free(k2);
    mtc_config_free(c1);
    mtc_config_free(c2);
    mtc_document_free(d1);
    mtc_document_free(d2);
}

Test(suppress, names_rule_id_prefix_category_analyzer_or_all)
{
    const char *names[] = {"spelling.unknown-word", "spelling", "all", ""};
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
        char src[256];
        snprintf(src, sizeof src, "[mtcheck-disable %s]\nThe team recieved a medal.\n", names[k]);
        mtc_document *doc = load_text(src);
        mtc_config *cfg;
        mtc_checker *chk;
        mtc_result *res = check(doc, &cfg, &chk);
        cr_assert_eq(count_word(res, doc, "spelling.unknown-word", "recieved"), 0, "'%s'",
                     names[k]);
        mtc_result_free(res);
        mtc_checker_free(chk);
        mtc_config_free(cfg);
        mtc_document_free(doc);
    }
    /* another rule's name leaves the finding */
    mtc_document *doc = load_text("[mtcheck-disable grammar, quotes.unopened]\n"
                                  "The team recieved a medal.\n");
    mtc_config *cfg;
    mtc_checker *chk;
    mtc_result *res = check(doc, &cfg, &chk);
    cr_assert_eq(count_word(res, doc, "spelling.unknown-word", "recieved"), 1);
    mtc_result_free(res);
    mtc_checker_free(chk);
    mtc_config_free(cfg);
    mtc_document_free(doc);
}

Test(suppress, binary_reports_source_lines_and_passes_a_fully_suppressed_article)
{
    char *dir = mtc_xstrdup(ct_tmpdir());
    const char *src = "The minister recieved the report on Tuesday.\n\n"
                      "[mtcheck-disable spelling]\n"
                      "The council recieved a letter on Monday.\n"
                      "[mtcheck-enable spelling]\n\n"
                      "The mayor recieved praise.\n";
    char *path = ct_write(dir, "a.txt", src, strlen(src));
    char args[1024];
    snprintf(args, sizeof args, "--format json '%s'", path);
    ct_result r = ct_run(args, NULL);
    cr_assert_eq(r.status, 1, "gate fails on the unsuppressed words: %s", r.err);
    /* lines 1 and 7 are reported, line 4 is not, the directive lines never */
    cr_assert_not_null(strstr(r.out, "\"line\": 1, \"column\": 14"), "%s", r.out);
    cr_assert_not_null(strstr(r.out, "\"line\": 7, \"column\": 11"), "%s", r.out);
    cr_assert_null(strstr(r.out, "\"line\": 4, \"column\""), "%s", r.out);
    cr_assert_null(strstr(r.out, "mtcheck'"), "%s", r.out);
    ct_free(&r);

    const char *quiet = "[mtcheck-disable spelling]\nThe council recieved a letter on Monday.\n";
    char *p2 = ct_write(dir, "b.txt", quiet, strlen(quiet));
    snprintf(args, sizeof args, "--format json '%s'", p2);
    r = ct_run(args, NULL);
    cr_assert_eq(r.status, 0, "every finding suppressed: the article passes\n%s", r.out);
    cr_assert_not_null(strstr(r.out, "\"issues\": 0"), "%s", r.out);
    ct_free(&r);

    /* --input-format markdown reads the same file as Markdown: the bracket
     * line is prose there, not a directive */
    snprintf(args, sizeof args, "--format json --input-format markdown '%s'", p2);
    r = ct_run(args, NULL);
    cr_assert_eq(r.status, 1, "%s", r.out);
    ct_free(&r);
    free(path);
    free(p2);
    free(dir);
}
