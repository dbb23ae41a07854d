/* test_ruleset.c — rules as data (checker/analyzers/ruleset.c): both rule
 * types, every scope, quotations, case, messages and suggestions; bad rule
 * files (file and line); every good/bad example of the bundled rule files
 * and the test ones; a content repository's house rules through
 * .mtcheck.ini and the real binary; the README's rule table against
 * --list-rules. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "analyzer.h"
#include "clitest.h"
#include "ruleset.h"
#include "testutil.h"
#include "words.h"

static mtc_ruleset *load_text(const char *text)
{
    mtc_ruleset *rs = mtc_ruleset_new(mtc_rule_name_known);
    mtc_error err;
    memset(&err, 0, sizeof err);
    mtc_status st = mtc_ruleset_add_text(rs, "test.ini", text, &err);
    cr_assert_eq(st, MTC_OK, "%s:%ld: %s", err.path, err.line, err.message);
    return rs;
}

/* Checks text with only `rule` of the set on. */
static tu_run *check_with(const mtc_ruleset *rs, const char *rule, const char *text)
{
    mtc_config *cfg = mtc_config_new();
    mtc_config_set_rule(cfg, "all", 0);
    mtc_config_set_rule(cfg, rule, 1);
    cfg->user_rules = mtc_ruleset_analyzer(rs);
    return tu_check_cfg(text, cfg);
}

/* Number of findings of `rule` (from rule file text) on text. */
static size_t count_on(const char *rules, const char *rule, const char *text)
{
    mtc_ruleset *rs = load_text(rules);
    tu_run *r = check_with(rs, rule, text);
    size_t n = tu_count(r, rule);
    tu_free(r);
    mtc_ruleset_free(rs);
    return n;
}

/* The error a bad rule file gives. */
static mtc_error load_bad(const char *text)
{
    mtc_ruleset *rs = mtc_ruleset_new(mtc_rule_name_known);
    mtc_error err;
    memset(&err, 0, sizeof err);
    mtc_status st = mtc_ruleset_add_text(rs, "house.ini", text, &err);
    cr_assert_eq(st, MTC_ERR_CONFIG, "accepted: %s", text);
    cr_assert_eq(mtc_ruleset_count(rs), 0, "a failed file leaves no rule behind");
    cr_assert_str_eq(err.path, "house.ini");
    mtc_ruleset_free(rs);
    return err;
}

/* ---- substitution ---- */

static const char swap_rules[] = "[house.place-names]\n"
                                 "type = substitution\n"
                                 "severity = minor\n"
                                 "message = house style: write '%s'\n"
                                 "swap = Kiev -> Kyiv\n"
                                 "swap = Peking -> Beijing\n"
                                 "swap = per cent -> percent\n";

Test(ruleset, substitution_message_span_suggestion)
{
    mtc_ruleset *rs = load_text(swap_rules);
    cr_assert_eq(mtc_ruleset_count(rs), 1);
    const mtc_rule_info *ri = &mtc_ruleset_rules(rs)[0];
    cr_assert_str_eq(ri->id, "house.place-names");
    cr_assert_str_eq(ri->category, "house", "the category defaults to the id's prefix");
    cr_assert_eq(ri->severity, MTC_SEV_MINOR);
    cr_assert_eq(ri->enabled, 1);
    tu_run *r = check_with(rs, "house.place-names",
                           "The delegation flew from Peking to Kiev on Monday.\n");
    cr_assert_eq(tu_count(r, "house.place-names"), 2);
    const mtc_issue *a = tu_find(r, "house.place-names", 0);
    const mtc_issue *b = tu_find(r, "house.place-names", 1);
    cr_expect(tu_has(r, "house.place-names", "Peking"));
    cr_expect(tu_has(r, "house.place-names", "Kiev"));
    cr_expect_str_eq(a->message, "house style: write 'Beijing'");
    cr_expect_str_eq(b->message, "house style: write 'Kyiv'");
    cr_assert_eq(a->n_suggestions, 1);
    cr_expect_str_eq(a->suggestions[0], "Beijing");
    cr_expect_eq(a->severity, MTC_SEV_MINOR);
    tu_free(r);
    mtc_ruleset_free(rs);
}

Test(ruleset, substitution_is_case_aware)
{
    const char *id = "house.place-names";
    cr_expect_eq(count_on(swap_rules, id, "The kiev salad was served cold.\n"), 0,
                 "'Kiev' does not match lowercase 'kiev'");
    cr_expect_eq(count_on(swap_rules, id, "KIEV and kiev are not the entry.\n"), 0);
    cr_expect_eq(count_on(swap_rules, id, "Kievan Rus was a state.\n"), 0, "whole words only");
    cr_expect_eq(count_on(swap_rules, id, "Prices rose by five per cent.\n"), 1);
    cr_expect_eq(count_on(swap_rules, id, "Prices rose by five Per Cent.\n"), 0,
                 "a lowercase entry matches a capital only as the first word");
    mtc_ruleset *rs = load_text(swap_rules);
    tu_run *r = check_with(rs, id, "Per cent figures rose again.\n");
    cr_assert_eq(tu_count(r, id), 1, "sentence-initial capital of a lowercase entry");
    const mtc_issue *is = tu_find(r, id, 0);
    cr_expect_str_eq(is->suggestions[0], "Percent", "the suggestion keeps the capital");
    cr_expect_str_eq(is->message, "house style: write 'Percent'");
    tu_free(r);
    mtc_ruleset_free(rs);
}

Test(ruleset, ignorecase)
{
    static const char rules[] = "[house.ngo]\ntype = substitution\nignorecase = true\n"
                                "message = write '%s'\nswap = non-governmental organisation -> NGO\n";
    cr_expect_eq(count_on(rules, "house.ngo", "A Non-Governmental Organisation said so.\n"), 1);
    cr_expect_eq(count_on(rules, "house.ngo", "The non-governmental organisation said so.\n"), 1);
}

/* ---- existence: scopes ---- */

static size_t scoped(const char *scope, const char *phrase, const char *text)
{
    char rules[512];
    snprintf(rules, sizeof rules,
             "[house.test]\ntype = existence\nscope = %s\nmessage = found '%%s'\nphrase = %s\n",
             scope, phrase);
    return count_on(rules, "house.test", text);
}

Test(ruleset, scope_sentence)
{
    cr_expect_eq(scoped("sentence", "in order to", "He left early in order to rest.\n"), 1);
    cr_expect_eq(scoped("sentence", "in order to", "He left in order. To rest was good.\n"), 0,
                 "a phrase does not cross sentences");
    cr_expect_eq(scoped("sentence", "order", "He left in good orderly fashion.\n"), 0);
}

Test(ruleset, scope_sentence_start)
{
    cr_expect_eq(scoped("sentence-start", "however", "However, the talks failed.\n"), 1);
    cr_expect_eq(scoped("sentence-start", "however", "It rained. However, they met.\n"), 1);
    cr_expect_eq(scoped("sentence-start", "however", "The talks, however, failed.\n"), 0);
}

Test(ruleset, scope_sentence_end)
{
    cr_expect_eq(scoped("sentence-end", "the", "The minister spoke to the.\n"), 1);
    cr_expect_eq(scoped("sentence-end", "the", "He said: \"We spoke to the.\"\n"), 1,
                 "closing quotation marks after the full stop");
    cr_expect_eq(scoped("sentence-end", "the", "The minister spoke to the press.\n"), 0);
    cr_expect_eq(scoped("sentence-end", "the", "The minister spoke to the?\n"), 0,
                 "the closing mark is a full stop");
    cr_expect_eq(scoped("sentence-end", "the", "The minister spoke to the ..\n"), 0);
}

Test(ruleset, scope_clause_end)
{
    cr_expect_eq(scoped("clause-end", "the", "They met at the, then left.\n"), 1);
    cr_expect_eq(scoped("clause-end", "the", "They met at the; then left.\n"), 1);
    cr_expect_eq(scoped("clause-end", "the", "They met at the hotel, then left.\n"), 0);
    cr_expect_eq(scoped("clause-end", "the", "The, as it were, plan failed.\n"), 0,
                 "a word must come before it");
    cr_expect_eq(scoped("clause-end", "the", "They met at the ,then left.\n"), 0,
                 "the comma touches the word");
    cr_expect_eq(scoped("clause-end", "the", "They met at \"the\", then left.\n"), 0,
                 "a quoted word is mentioned, not used");
    cr_expect_eq(scoped("clause-end", "the", "They met at the.\n"), 0);
}

Test(ruleset, scope_line)
{
    const char *p = "share this article";
    cr_expect_eq(scoped("line", p, "The talks went on.\nshare this article\nMore text here.\n"), 1);
    cr_expect_eq(scoped("line", p, "The talks went on.\n[share this article »]\n"), 1,
                 "punctuation around the phrase on its line");
    cr_expect_eq(scoped("line", p, "Readers may share this article with friends.\n"), 0);
    cr_expect_eq(scoped("line", p, "Please share this article\n"), 0);
}

Test(ruleset, scope_paragraph_start_and_end)
{
    cr_expect_eq(scoped("paragraph-start", "meanwhile", "Meanwhile the talks went on.\n"), 1);
    cr_expect_eq(scoped("paragraph-start", "meanwhile",
                        "The talks went on. Meanwhile the rain fell.\n"),
                 0);
    cr_expect_eq(scoped("paragraph-start", "meanwhile",
                        "The talks went on.\n\nMeanwhile the rain fell.\n"),
                 1);
    cr_expect_eq(scoped("paragraph-end", "to be continued",
                        "The talks went on. to be continued.\n\nNext paragraph here.\n"),
                 1);
    cr_expect_eq(scoped("paragraph-end", "to be continued",
                        "He said to be continued was his motto. The end came.\n"),
                 0);
}

Test(ruleset, quotations_inside_outside)
{
    static const char in[] = "[house.q]\ntype = existence\nquotes = inside\nignorecase = true\n"
                             "message = m\nphrase = no comment\n";
    static const char out[] = "[house.q]\ntype = existence\nquotes = outside\n"
                              "message = m\nphrase = no comment\n";
    const char *quoted = "He said: \"No comment at all,\" and left.\n";
    const char *plain = "He had no comment on the plan.\n";
    cr_expect_eq(count_on(in, "house.q", quoted), 1);
    cr_expect_eq(count_on(in, "house.q", plain), 0);
    cr_expect_eq(count_on(out, "house.q", plain), 1);
    cr_expect_eq(count_on(out, "house.q", "He said: \"Well, no comment,\" and left.\n"), 0);
}

Test(ruleset, entry_scopes_min_words_and_scope_messages)
{
    static const char rules[] = "[house.dangle]\ntype = existence\n"
                                "scope = sentence-end, clause-end\nmin-words = 3\n"
                                "message = ends on '%s' (100%%)\n"
                                "message.clause-end = '%s' before a comma\n"
                                "phrase = the\nphrase = and @sentence-end\n";
    cr_expect_eq(count_on(rules, "house.dangle", "They met on Monday and.\n"), 1);
    cr_expect_eq(count_on(rules, "house.dangle", "And, of course, they met.\n"), 0);
    cr_expect_eq(count_on(rules, "house.dangle", "They met, and, later, left.\n"), 0,
                 "'and' holds only at the sentence's end");
    cr_expect_eq(count_on(rules, "house.dangle", "Met the.\n"), 0, "fewer than 3 words");
    mtc_ruleset *rs = load_text(rules);
    tu_run *r = check_with(rs, "house.dangle", "They met at the, then at the.\n");
    cr_assert_eq(tu_count(r, "house.dangle"), 2);
    cr_expect_str_eq(tu_find(r, "house.dangle", 0)->message, "'the' before a comma");
    cr_expect_str_eq(tu_find(r, "house.dangle", 1)->message, "ends on 'the' (100%)");
    tu_free(r);
    mtc_ruleset_free(rs);
}

Test(ruleset, configuration_switches_data_rules)
{
    mtc_ruleset *rs = load_text(swap_rules);
    const char *text = "They flew to Kiev.\n";
    const char *off[] = {"house.place-names", "house", "rules"};
    for (size_t i = 0; i < sizeof off / sizeof off[0]; i++) {
        mtc_config *cfg = mtc_config_new();
        mtc_config_set_rule(cfg, off[i], 0);
        cfg->user_rules = mtc_ruleset_analyzer(rs);
        tu_run *r = tu_check_cfg(text, cfg);
        cr_expect_eq(tu_count(r, "house.place-names"), 0, "--disable %s", off[i]);
        tu_free(r);
    }
    mtc_config *cfg = mtc_config_new();
    mtc_config_set_severity(cfg, "house", MTC_SEV_CRITICAL);
    cfg->user_rules = mtc_ruleset_analyzer(rs);
    tu_run *r = tu_check_cfg(text, cfg);
    cr_assert_eq(tu_count(r, "house.place-names"), 1);
    cr_expect_eq(tu_find(r, "house.place-names", 0)->severity, MTC_SEV_CRITICAL);
    tu_free(r);
    mtc_ruleset_free(rs);
}

Test(ruleset, off_by_default)
{
    mtc_ruleset *rs = load_text("[house.off]\ntype = existence\nenabled = false\n"
                                "message = m\nphrase = kiev\n");
    mtc_config *cfg = mtc_config_new();
    cfg->user_rules = mtc_ruleset_analyzer(rs);
    tu_run *r = tu_check_cfg("the kiev salad.\n", cfg);
    cr_expect_eq(tu_count(r, "house.off"), 0);
    tu_free(r);
    r = check_with(rs, "house.off", "the kiev salad.\n");
    cr_expect_eq(tu_count(r, "house.off"), 1, "--enable turns it on");
    tu_free(r);
    mtc_ruleset_free(rs);
}

/* ---- bad rule files: the file and the line ---- */

Test(ruleset, bad_files_name_file_and_line)
{
    struct {
        const char *text;
        long line;
        const char *says;
    } cases[] = {
        {"[house.a]\ntype = existence\nmessage = m\nphrase = x\ncolour = red\n", 5, "unknown key"},
        {"[house.a]\ntype = regex\n", 2, "existence or substitution"},
        {"[house.a]\nmessage = m\nphrase = x\n", 3, "set the type first"},
        {"; a comment\n\n[house.a]\nmessage = m\n", 3, "no type"},
        {"[house.a]\ntype = existence\nphrase = x\n", 1, "no message"},
        {"[house.a]\ntype = existence\nmessage = m\n\n[house.b]\ntype = existence\n", 1,
         "no phrase"},
        {"[house.a]\ntype = substitution\nmessage = m\nswap = Kiev Kyiv\n", 4, "wrong -> right"},
        {"[house.a]\ntype = substitution\nmessage = m\nswap = Kiev ->\n", 4, "both sides"},
        {"[house.a]\ntype = substitution\nmessage = m\nphrase = Kiev\n", 4, "swap ="},
        {"[house.a]\ntype = existence\nseverity = huge\n", 3, "minor, major or critical"},
        {"[house.a]\ntype = existence\nenabled = maybe\n", 3, "true or false"},
        {"[house.a]\ntype = existence\nscope = page\n", 3, "unknown scope"},
        {"[house.a]\ntype = existence\nmessage = 50% of %d\n", 3, "'%'"},
        {"[house.a]\ntype = existence\nmessage = m\nphrase = x @page\n", 4, "unknown scope"},
        {"[house.a]\ntype = existence\nmessage = m\nphrase = x\nscope = line\n", 5,
         "before the phrases"},
        {"[House]\ntype = existence\n", 1, "prefix.name"},
        {"\n[house.a]\ntype = existence\nmessage = m\nphrase = x\n[house.a]\ntype = existence\n",
         6, "defined already"},
        {"[house.a]\ntype = existence\ncategory = style\nmessage = m\nphrase = x\n", 1,
         "prefix 'house'"},
        {"[grammar.dangling-word]\ntype = existence\nmessage = m\nphrase = x\n", -2, ""},
        {"type = existence\n", 1, "outside a [rule.id] section"},
        {"[house.a]\ntype = existence\nmessage = m\nphrase = x\nthis line has no equals sign\n",
         5, "syntax error"},
        {"[house.a]\ntype = existence\nmessage = m\nphrase = x\n[house.b]\n", 5, "no keys"},
        {"[house.a]\ntype = existence\nmin-words = lots\n", 3, "min-words"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (cases[i].line == -2)
            continue; /* a bundled id: refused by config_ini, tested below */
        mtc_error err = load_bad(cases[i].text);
        cr_expect_eq(err.line, cases[i].line, "case %zu: line %ld, not %ld (%s)", i, err.line,
                     cases[i].line, err.message);
        cr_expect(strstr(err.message, cases[i].says), "case %zu: '%s' does not say '%s'", i,
                  err.message, cases[i].says);
    }
}

Test(ruleset, a_failed_file_keeps_the_earlier_ones)
{
    mtc_ruleset *rs = load_text(swap_rules);
    mtc_error err;
    memset(&err, 0, sizeof err);
    cr_assert_eq(mtc_ruleset_add_text(rs, "b.ini", "[house.b]\ntype = existence\n", &err),
                 MTC_ERR_CONFIG);
    cr_expect_eq(mtc_ruleset_count(rs), 1);
    cr_expect_eq(mtc_ruleset_find(rs, "house.b"), -1);
    tu_run *r = check_with(rs, "house.place-names", "They flew to Kiev.\n");
    cr_expect_eq(tu_count(r, "house.place-names"), 1);
    tu_free(r);
    mtc_ruleset_free(rs);
}

/* ---- the examples of every rule file ---- */

/* Every good example gives no finding of its rule, every bad one exactly one. */
static void check_examples(const mtc_ruleset *rs, int bundled)
{
    for (size_t i = 0; i < mtc_ruleset_count(rs); i++) {
        const char *id = mtc_ruleset_rules(rs)[i].id;
        cr_expect_gt(mtc_ruleset_n_examples(rs, i, 1), 0, "%s (%s) has no bad example", id,
                     mtc_ruleset_source(rs, i));
        cr_expect_gt(mtc_ruleset_n_examples(rs, i, 0), 0, "%s (%s) has no good example", id,
                     mtc_ruleset_source(rs, i));
        for (int bad = 0; bad <= 1; bad++)
            for (size_t k = 0; k < mtc_ruleset_n_examples(rs, i, bad); k++) {
                const char *ex = mtc_ruleset_example(rs, i, bad, k);
                char *text = mtc_xmalloc(strlen(ex) + 2);
                sprintf(text, "%s\n", ex);
                tu_run *r = bundled ? tu_check(text, id) : check_with(rs, id, text);
                size_t n = tu_count(r, id);
                if (n != (size_t)bad)
                    tu_dump(r);
                cr_expect_eq(n, (size_t)bad, "%s (%s): %s example \"%s\" gives %zu findings", id,
                             mtc_ruleset_source(rs, i), bad ? "bad" : "good", ex, n);
                tu_free(r);
                free(text);
            }
    }
}

Test(ruleset, bundled_rule_files_load_and_their_examples_hold)
{
    mtc_error err;
    memset(&err, 0, sizeof err);
    cr_assert_eq(mtc_analyzers_status(&err), MTC_OK, "%s:%ld: %s", err.path, err.line,
                 err.message);
    mtc_ruleset *rs = mtc_ruleset_new(NULL);
    cr_assert_eq(mtc_ruleset_add_bundled(rs, &err), MTC_OK, "%s:%ld: %s", err.path, err.line,
                 err.message);
    cr_assert_gt(mtc_ruleset_count(rs), 0);
    cr_expect_geq(mtc_ruleset_find(rs, "grammar.dangling-word"), 0);
    const mtc_analyzer *owner = NULL;
    const mtc_rule_info *ri = mtc_rule_find("grammar.dangling-word", &owner);
    cr_assert_not_null(ri, "the registry lists the bundled data rules");
    cr_expect_str_eq(owner->name, "rules");
    cr_expect(mtc_rule_name_known("rules"));
    check_examples(rs, 1);
    mtc_ruleset_free(rs);
}

Test(ruleset, test_rule_files_examples_hold)
{
    char dir[4096];
    tu_root_path("tests/fixtures/rules", dir, sizeof dir);
    DIR *d = opendir(dir);
    cr_assert_not_null(d, "%s", dir);
    size_t files = 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".ini") != 0)
            continue;
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        mtc_ruleset *rs = mtc_ruleset_new(mtc_rule_name_known);
        mtc_error err;
        memset(&err, 0, sizeof err);
        cr_assert_eq(mtc_ruleset_add_file(rs, path, &err), MTC_OK, "%s:%ld: %s", err.path,
                     err.line, err.message);
        check_examples(rs, 0);
        mtc_ruleset_free(rs);
        files++;
    }
    closedir(d);
    cr_expect_gt(files, 0);
}

/* ---- a content repository's house rules, through the real binary ---- */

static const char house_ini[] = "[house.place-names]\n"
                                "type = substitution\n"
                                "severity = minor\n"
                                "message = house style: write '%s'\n"
                                "swap = Kiev -> Kyiv\n"
                                "swap = Peking -> Beijing\n";

static char *make_repo(const char *rules_file)
{
    char *dir = ct_tmpdir();
    char sub[4096];
    snprintf(sub, sizeof sub, "%s/style", dir);
    cr_assert_eq(mkdir(sub, 0755), 0);
    free(ct_write(dir, ".mtcheck.ini", "; .mtcheck.ini\nrules = style/house.ini\n",
                  strlen("; .mtcheck.ini\nrules = style/house.ini\n")));
    free(ct_write(sub, "house.ini", rules_file, strlen(rules_file)));
    static const char article[] =
        "Officials flew from Peking to Kiev on Monday for talks on trade.\n";
    free(ct_write(dir, "article.txt", article, strlen(article)));
    return dir;
}

Test(ruleset, house_rules_from_mtcheck_ini)
{
    char *dir = make_repo(house_ini);
    char args[8192];
    snprintf(args, sizeof args, "--format json --fail-on none '%s/article.txt'", dir);
    ct_result r = ct_run(args, NULL);
    cr_assert_eq(r.status, 0, "%d %s", r.status, r.err);
    cr_expect(strstr(r.out, "\"house.place-names\""), "%s", r.out);
    cr_expect(strstr(r.out, "house style: write 'Kyiv'"), "%s", r.out);
    cr_expect(strstr(r.out, "house style: write 'Beijing'"), "%s", r.out);
    ct_free(&r);

    snprintf(args, sizeof args, "'%s/article.txt'", dir);
    r = ct_run(args, NULL);
    cr_expect_eq(r.status, 0, "minor findings pass the default gate");
    cr_expect(strstr(r.out, "[house.place-names]"), "%s", r.out);
    ct_free(&r);
    free(dir);
}

Test(ruleset, house_rules_switched_in_the_ini)
{
    char *dir = make_repo(house_ini);
    static const char ini[] = "rules = style/house.ini\n[severity]\nhouse.place-names = major\n";
    free(ct_write(dir, ".mtcheck.ini", ini, strlen(ini)));
    char args[8192];
    snprintf(args, sizeof args, "'%s/article.txt'", dir);
    ct_result r = ct_run(args, NULL);
    cr_expect_eq(r.status, 1, "major now: the gate fails (%s)", r.err);
    ct_free(&r);
    static const char off[] = "rules = style/house.ini\ndisable = house\n";
    free(ct_write(dir, ".mtcheck.ini", off, strlen(off)));
    r = ct_run(args, NULL);
    cr_expect_eq(r.status, 0);
    cr_expect_null(strstr(r.out, "house.place-names"), "%s", r.out);
    ct_free(&r);
    free(dir);
}

Test(ruleset, bad_house_rule_file_is_exit_2_naming_it)
{
    char *dir = make_repo("[house.place-names]\ntype = substitution\nmessage = m\n"
                          "swap = Kiev Kyiv\n");
    char args[8192];
    snprintf(args, sizeof args, "'%s/article.txt'", dir);
    ct_result r = ct_run(args, NULL);
    cr_expect_eq(r.status, 2);
    cr_expect(strstr(r.err, "style/house.ini:4"), "names the rule file and line: %s", r.err);
    ct_free(&r);

    static const char missing[] = "rules = style/nothing.ini\n";
    free(ct_write(dir, ".mtcheck.ini", missing, strlen(missing)));
    r = ct_run(args, NULL);
    cr_expect_eq(r.status, 2);
    cr_expect(strstr(r.err, "style/nothing.ini"), "%s", r.err);
    ct_free(&r);

    static const char clash[] = "rules = style/house.ini\n";
    free(ct_write(dir, ".mtcheck.ini", clash, strlen(clash)));
    free(ct_write(dir, "style/house.ini",
                  "[grammar.dangling-word]\ntype = existence\nmessage = m\nphrase = x\n",
                  strlen("[grammar.dangling-word]\ntype = existence\nmessage = m\nphrase = x\n")));
    r = ct_run(args, NULL);
    cr_expect_eq(r.status, 2, "a bundled rule's id is refused");
    cr_expect(strstr(r.err, ".mtcheck.ini:1"), "%s", r.err);
    ct_free(&r);
    free(dir);
}

/* ---- the README's rule table is --list-rules ---- */

Test(ruleset, readme_rule_table_matches_list_rules)
{
    char path[4096];
    char *readme = ct_read(tu_root_path("README.md", path, sizeof path), NULL);
    cr_assert_not_null(readme);
    size_t n;
    const mtc_analyzer *const *as = mtc_analyzers(&n);
    size_t listed = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t r = 0; r < as[i]->n_rules; r++) {
            const mtc_rule_info *ri = &as[i]->rules[r];
            char row[256];
            snprintf(row, sizeof row, "\n| `%s` | ", ri->id);
            const char *at = strstr(readme, row);
            cr_expect_not_null(at, "README's rule table has no row for %s", ri->id);
            listed++;
            if (!at)
                continue;
            const char *def = at + strlen(row);
            const char *end = strstr(def, " |");
            cr_assert_not_null(end);
            char cell[64];
            snprintf(cell, sizeof cell, "%.*s", (int)(end - def), def);
            if (ri->enabled)
                cr_expect(strstr(cell, mtc_severity_name(ri->severity)) == cell,
                          "%s: README says '%s', --list-rules %s", ri->id, cell,
                          mtc_severity_name(ri->severity));
            else
                cr_expect_str_eq(cell, "off", "%s is off by default", ri->id);
        }
    /* and no row for a rule --list-rules does not have */
    for (const char *p = strstr(readme, "\n| `"); p; p = strstr(p + 1, "\n| `")) {
        const char *id = p + 4, *q = strchr(id, '`');
        if (!q || strncmp(q, "` | ", 4) != 0 || (size_t)(q - id) >= 128)
            continue;
        char buf[128];
        snprintf(buf, sizeof buf, "%.*s", (int)(q - id), id);
        const char *dot = strchr(buf, '.');
        if (!dot || strchr(buf, ' ') || buf[0] == '-')
            continue; /* another table's row (options, exit status, formulas) */
        char prefix[128];
        snprintf(prefix, sizeof prefix, "%.*s", (int)(dot - buf), buf);
        if (mtc_rule_name_known(prefix))
            cr_expect_not_null(mtc_rule_find(buf, NULL),
                               "README lists '%s', which --list-rules does not", buf);
    }
    cr_expect_gt(listed, 0);
    free(readme);
}

/* The bundled rules keep their first-word look-ups in the words' memo (and
 * the worker's vocabulary); a repository's rules starting on the same
 * word look it up in their own index: both find what they find alone,
 * article after article through one checker. */
Test(ruleset, bundled_memo_does_not_leak_into_house_rules)
{
    static const char rules[] = "[house.the-board]\ntype = existence\n"
                                "message = house style: '%s'\nphrase = the board\n";
    mtc_ruleset *rs = load_text(rules);
    mtc_config *cfg = mtc_config_new();
    cfg->user_rules = mtc_ruleset_analyzer(rs);
    mtc_checker *chk = NULL;
    mtc_error err;
    cr_assert_eq(mtc_checker_new(cfg, &chk, &err), MTC_OK, "%s", err.message);
    const char *text = "The board met on Monday and approved the.\n";
    for (int round = 0; round < 3; round++) {
        mtc_document *d = tu_doc(text);
        mtc_result *res = NULL;
        cr_assert_eq(mtc_checker_check(chk, d, &res, &err), MTC_OK);
        size_t house = 0, dangling = 0;
        for (size_t i = 0; i < res->n_issues; i++) {
            house += strcmp(res->issues[i].rule, "house.the-board") == 0;
            dangling += strcmp(res->issues[i].rule, "grammar.dangling-word") == 0;
        }
        cr_assert_eq(house, 1, "round %d: the house rule on 'The board'", round);
        cr_assert_eq(dangling, 1, "round %d: the bundled rule on 'the.'", round);
        /* the memo holds the bundled rules' entry for 'the', not the house one's */
        const mtc_word *w = mtc_tok_word(d, &d->tokens[0]);
        cr_assert(w->memo_have & (1u << MTC_WM_RS_FIRST));
        cr_assert_neq(w->memo[MTC_WM_RS_FIRST], 0, "'the' starts bundled entries");
        mtc_result_free(res);
        mtc_document_free(d);
    }
    /* a ruleset of its own does not memoise */
    tu_run *r = check_with(rs, "house.the-board", "The board met.\n");
    cr_assert_eq(tu_count(r, "house.the-board"), 1);
    tu_free(r);
    mtc_checker_free(chk);
    mtc_config_free(cfg);
    mtc_ruleset_free(rs);
}
