/* test_rules.c — the rule registry: every rule id's prefix is a group that
 * --enable/--disable/--severity accept, ids are unique, and the prefix
 * groups work through the real binary. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer.h"
#include "clitest.h"

Test(rules, every_prefix_is_a_known_group)
{
    size_t n;
    const mtc_analyzer *const *as = mtc_analyzers(&n);
    for (size_t i = 0; i < n; i++) {
        for (size_t r = 0; r < as[i]->n_rules; r++) {
            const char *id = as[i]->rules[r].id;
            cr_assert_not_null(id, "analyzer %s: rule %zu has no id (a gap in its enum)",
                               as[i]->name, r);
            const char *dot = strchr(id, '.');
            cr_assert_not_null(dot, "rule id '%s' has no prefix", id);
            char prefix[64];
            size_t len = (size_t)(dot - id);
            cr_assert_lt(len, sizeof prefix);
            memcpy(prefix, id, len);
            prefix[len] = '\0';
            cr_assert(mtc_rule_name_known(prefix), "prefix '%s' of '%s' is not accepted", prefix,
                      id);
            const mtc_analyzer *owner = NULL;
            cr_assert_eq(mtc_rule_find(id, &owner), &as[i]->rules[r], "rule id '%s' is not unique",
                         id);
        }
    }
    cr_assert_not(mtc_rule_name_known("bracket"), "a part of a prefix is not a group");
    cr_assert_not(mtc_rule_name_known("grammar.narrative"), "a part of an id is not a rule");
}

Test(rules, disable_by_prefix_through_the_binary)
{
    char *dir = ct_tmpdir();
    char *path = ct_write(dir, "a.txt", "The mayor (who spoke said it.\n", 30);
    char args[512];
    snprintf(args, sizeof args, "--format json %s", path);
    ct_result on = ct_run(args, NULL);
    cr_assert(strstr(on.out, "brackets.unbalanced"), "the bracket is reported: %s", on.out);
    snprintf(args, sizeof args, "--format json --disable brackets %s", path);
    ct_result off = ct_run(args, NULL);
    cr_assert_eq(off.status, 0, "--disable brackets is accepted: %s", off.err);
    cr_assert_null(strstr(off.out, "brackets.unbalanced"), "and turns the rule off: %s", off.out);
    snprintf(args, sizeof args, "--disable bracket %s", path);
    ct_result bad = ct_run(args, NULL);
    cr_assert_eq(bad.status, 2, "an unknown group is refused");
    ct_free(&on);
    ct_free(&off);
    ct_free(&bad);
    free(path);
}
