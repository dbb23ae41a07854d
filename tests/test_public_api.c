/* test_public_api.c — mtcheck.h alone is enough to load, check and read an
 * article's result (no internal header is included here), and the rule list
 * it gives is the one --list-rules prints. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clitest.h"
#include "mtcheck.h"

Test(public_api, load_check_and_read_a_result_through_accessors)
{
    const char *text = "The minister recieved the report on Tuesday.\n";
    mtc_document *doc = NULL;
    mtc_error err;
    memset(&err, 0, sizeof err);
    cr_assert_eq(mtc_document_from_bytes("news/a.txt", text, strlen(text), NULL, MTC_INPUT_AUTO,
                                         &doc, &err),
                 MTC_OK, "%s", err.message);
    cr_assert_str_eq(mtc_document_path(doc), "news/a.txt");
    int detected = -1;
    cr_assert_str_eq(mtc_document_encoding(doc, &detected), "UTF-8");
    cr_assert_eq(detected, 0);
    cr_assert_eq(mtc_document_words(doc), 7);
    mtc_config *cfg = mtc_config_new();
    mtc_checker *chk = NULL;
    cr_assert_eq(mtc_checker_new(cfg, &chk, &err), MTC_OK, "%s", err.message);
    mtc_result *res = NULL;
    cr_assert_eq(mtc_checker_check(chk, doc, &res, &err), MTC_OK);
    cr_assert_eq(mtc_result_document(res), doc);
    cr_assert_geq(mtc_result_issue_count(res), 1, "the misspelling is found");
    cr_assert_lt(mtc_result_score(res), 100.0);
    cr_assert_eq(mtc_result_failed(res), 1, "a major issue fails the default gate");
    mtc_result_free(res);

    /* a clean sentence passes */
    const char *clean = "The minister received the report on Tuesday.\n";
    mtc_document *d2 = NULL;
    cr_assert_eq(mtc_document_from_bytes("b.txt", clean, strlen(clean), "windows-1252",
                                         MTC_INPUT_TEXT, &d2, &err),
                 MTC_OK, "%s", err.message);
    cr_assert_eq(mtc_checker_check(chk, d2, &res, &err), MTC_OK);
    cr_assert_eq(mtc_result_issue_count(res), 0);
    cr_assert_float_eq(mtc_result_score(res), 100.0, 1e-9);
    cr_assert_eq(mtc_result_failed(res), 0);
    cr_assert_eq(strcmp(mtc_document_encoding(d2, NULL), "UTF-8") != 0, 1,
                 "the given encoding is the one reported");
    mtc_result_free(res);
    mtc_document_free(d2);
    mtc_checker_free(chk);
    mtc_config_free(cfg);
    mtc_document_free(doc);
}

Test(public_api, rule_list_is_the_one_list_rules_prints)
{
    ct_result r = ct_run("--list-rules", NULL);
    cr_assert_eq(r.status, 0);
    mtc_rule_desc d;
    size_t n = 0;
    const char *line = r.out;
    for (; mtc_rule_at(n, &d); n++) {
        cr_assert_not_null(line, "fewer lines than rules");
        char id[128];
        cr_assert_eq(sscanf(line, "%127s", id), 1);
        cr_assert_str_eq(id, d.id, "rule %zu", n);
        cr_assert_not_null(d.category);
        cr_assert_not_null(d.description);
        cr_assert(d.severity >= MTC_SEV_MINOR && d.severity <= MTC_SEV_CRITICAL);
        line = strchr(line, '\n');
        if (line)
            line++;
    }
    cr_assert_gt(n, 10);
    cr_assert(line == NULL || *line == '\0', "more lines than rules: %s", line ? line : "");
    cr_assert_eq(mtc_rule_at(n + 5, &d), 0);
    ct_free(&r);
}

Test(public_api, error_format_for_a_terminal_escapes_control_characters)
{
    mtc_error err;
    mtc_error_set(&err, MTC_ERR_IO, "bad\nname\033[31m.txt", -1, 3, "cannot read");
    char buf[512];
    mtc_error_format_terminal(&err, buf, sizeof buf);
    cr_assert_null(strchr(buf, '\n'), "%s", buf);
    cr_assert_null(strchr(buf, '\033'), "%s", buf);
    cr_assert_not_null(strstr(buf, ":3: cannot read"), "%s", buf);
    mtc_error_format(&err, buf, sizeof buf);
    cr_assert_not_null(strchr(buf, '\n'), "the plain format keeps the bytes");
}
