/* test_config_ini.c — .mtcheck.ini: keys and sections, errors with file
 * and line, include/exclude globs, the nearest file wins, the command line
 * overrides the file. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "clitest.h"
#include "config_ini.h"
#include "testutil.h"

static mtc_ini *parse_ok(const char *text)
{
    mtc_ini *ini = mtc_ini_new();
    mtc_error err;
    memset(&err, 0, sizeof err);
    mtc_status st = mtc_ini_parse_string(ini, text, "/tmp/proj/.mtcheck.ini", &err);
    cr_assert_eq(st, MTC_OK, "%s (line %ld)", err.message, err.line);
    return ini;
}

Test(config_ini, keys_and_sections)
{
    mtc_ini *ini = parse_ok("# comment\nlang = en_GB\ndict = words.txt, /abs/more.txt\n"
                            "disable = typography\nenable = typography.doubled-word\n"
                            "fail-on = critical\nmin-score = 70\naccept-both-variants = false\n"
                            "include = *.md, news/*\nexclude = drafts/\n"
                            "[severity]\nspelling.unknown-word = minor\n");
    const mtc_config *cfg = ini->cfg;
    cr_assert_str_eq(cfg->lang, "en_GB");
    cr_assert_eq(cfg->n_dicts, 2);
    cr_assert_str_eq(cfg->dicts[0], "/tmp/proj/words.txt", "relative to the file's folder");
    cr_assert_str_eq(cfg->dicts[1], "/abs/more.txt");
    cr_assert_eq(cfg->fail_on, MTC_SEV_CRITICAL);
    cr_assert_float_eq(cfg->min_score, 70.0, 1e-9);
    cr_assert_eq(mtc_config_rule_enabled(cfg, "typography.doubled-word", "typography", "typography", 1), 1);
    cr_assert_eq(mtc_config_rule_enabled(cfg, "typography.doubled-punctuation", "typography", "typography", 1), 0);
    cr_assert_eq(mtc_config_rule_severity(cfg, "spelling.unknown-word", "spelling", "spelling",
                                          MTC_SEV_MAJOR),
                 MTC_SEV_MINOR);
    cr_assert_eq(ini->n_include, 2);
    cr_assert_eq(ini->n_exclude, 1);
    mtc_ini_free(ini);
}

Test(config_ini, errors_name_file_and_line)
{
    struct { const char *text; long line; const char *what; } bad[] = {
        {"lang = en_US\nlanguage = en_GB\n", 2, "unknown key 'language'"},
        {"\n\nfail-on = severe\n", 3, "fail-on"},
        {"min-score = 120\n", 1, "min-score"},
        {"disable = no-such-rule\n", 1, "no-such-rule"},
        {"[severity]\nspelling = huge\n", 2, "huge"},
        {"[colours]\nx = 1\n", 2, "unknown section [colours]"},
        {"lang = fr_FR\n", 1, "fr_FR"},
        {"accept-both-variants = maybe\n", 1, "accept-both-variants"},
        {"deep = true\n", 1, "unknown key 'deep'"},
        {"just words\n", 1, "syntax"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        mtc_ini *ini = mtc_ini_new();
        mtc_error err;
        memset(&err, 0, sizeof err);
        mtc_status st = mtc_ini_parse_string(ini, bad[i].text, "cfg/.mtcheck.ini", &err);
        cr_expect_eq(st, MTC_ERR_CONFIG, "case %zu accepted", i);
        cr_expect_eq(err.line, bad[i].line, "case %zu: line %ld", i, err.line);
        cr_expect(strstr(err.message, bad[i].what), "case %zu: %s", i, err.message);
        cr_expect_str_eq(err.path, "cfg/.mtcheck.ini");
        mtc_ini_free(ini);
    }
}

Test(config_ini, globs_select_files)
{
    char *dir = ct_tmpdir();
    char sub[4200];
    snprintf(sub, sizeof sub, "%s/drafts", dir);
    mkdir(sub, 0755);
    const char text[] = "include = *.md\nexclude = drafts/\n";
    char *ini_path = ct_write(dir, ".mtcheck.ini", text, strlen(text));
    char *a = ct_write(dir, "a.md", "x", 1), *b = ct_write(dir, "b.txt", "x", 1);
    char *c = ct_write(sub, "c.md", "x", 1);
    mtc_ini *ini = NULL;
    mtc_error err;
    cr_assert_eq(mtc_ini_load(ini_path, &ini, &err), MTC_OK, "%s", err.message);
    cr_assert(mtc_ini_selects(ini, a));
    cr_assert_not(mtc_ini_selects(ini, b), "not included");
    cr_assert_not(mtc_ini_selects(ini, c), "excluded folder");
    mtc_ini_free(ini);
    char *found = mtc_config_find(sub);
    cr_assert_not_null(found, "the nearest parent's file");
    cr_assert(strstr(found, "/.mtcheck.ini"));
    free(found);
    free(a), free(b), free(c), free(ini_path), free(dir);
}

static const char article[] = "Harbour reopens\n\nThe harbour reopened on Monday , "
                              "and the ownr of a ferry company said trade was back.\n";

Test(config_ini, cli_finds_file_and_command_line_overrides)
{
    char *dir = ct_tmpdir();
    char sub[4200];
    snprintf(sub, sizeof sub, "%s/news", dir);
    mkdir(sub, 0755);
    const char ini[] = "disable = spelling\n[severity]\ntypography = critical\n";
    free(ct_write(dir, ".mtcheck.ini", ini, strlen(ini)));
    char *p = ct_write(sub, "a.txt", article, strlen(article));
    char args[4400];
    /* the file in the parent folder applies */
    snprintf(args, sizeof args, "--format jsonl '%s'", p);
    ct_result r = ct_run(args, NULL);
    cr_assert_eq(r.status, 1, "critical typography fails the gate: %s", r.err);
    cr_assert_null(strstr(r.out, "spelling."), "%s", r.out);
    cr_assert(strstr(r.out, "\"severity\": \"critical\""), "%s", r.out);
    ct_free(&r);
    /* the command line wins */
    snprintf(args, sizeof args, "--format jsonl --enable spelling --severity typography=minor "
                                "--fail-on critical '%s'", p);
    r = ct_run(args, NULL);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert(strstr(r.out, "spelling.unknown-word"), "%s", r.out);
    cr_assert_null(strstr(r.out, "\"severity\": \"critical\""), "%s", r.out);
    ct_free(&r);
    /* --no-config ignores it */
    snprintf(args, sizeof args, "--format jsonl --no-config '%s'", p);
    r = ct_run(args, NULL);
    cr_assert(strstr(r.out, "spelling.unknown-word"));
    ct_free(&r);
    free(p);
    free(dir);
}

Test(config_ini, cli_bad_file_exits_2_with_line)
{
    char *dir = ct_tmpdir();
    const char ini[] = "lang = en_US\n\ncolour = red\n";
    char *cfg = ct_write(dir, ".mtcheck.ini", ini, strlen(ini));
    char *p = ct_write(dir, "a.txt", article, strlen(article));
    char args[4400];
    snprintf(args, sizeof args, "'%s'", p);
    ct_result r = ct_run(args, NULL);
    cr_assert_eq(r.status, 2);
    char want[4300];
    snprintf(want, sizeof want, "%s:3: unknown key 'colour'", cfg);
    cr_assert(strstr(r.err, want), "%s", r.err);
    cr_assert_eq(r.out_len, 0);
    ct_free(&r);
    /* --config names the file explicitly */
    snprintf(args, sizeof args, "--config '%s' '%s'", cfg, p);
    r = ct_run(args, NULL);
    cr_assert_eq(r.status, 2);
    ct_free(&r);
    free(cfg), free(p), free(dir);
}

Test(config_ini, cli_exclude_glob_skips_articles_in_folders)
{
    char *dir = ct_tmpdir();
    char sub[4200];
    snprintf(sub, sizeof sub, "%s/drafts", dir);
    mkdir(sub, 0755);
    const char ini[] = "exclude = drafts/\n";
    free(ct_write(dir, ".mtcheck.ini", ini, strlen(ini)));
    free(ct_write(dir, "a.txt", article, strlen(article)));
    free(ct_write(sub, "b.txt", article, strlen(article)));
    char args[4400];
    snprintf(args, sizeof args, "--format jsonl '%s'", dir);
    ct_result r = ct_run(args, NULL);
    cr_assert(strstr(r.out, "a.txt"));
    cr_assert_null(strstr(r.out, "b.txt"), "%s", r.out);
    ct_free(&r);
    free(dir);
}

Test(config_ini, nearest_file_per_article_with_workers)
{
    char *dir = ct_tmpdir();
    char a[4200], b[4200];
    snprintf(a, sizeof a, "%s/a", dir);
    snprintf(b, sizeof b, "%s/b", dir);
    mkdir(a, 0755);
    mkdir(b, 0755);
    const char ia[] = "disable = spelling\n", ib[] = "disable = typography\n";
    free(ct_write(a, ".mtcheck.ini", ia, strlen(ia)));
    free(ct_write(b, ".mtcheck.ini", ib, strlen(ib)));
    for (int i = 0; i < 3; i++) {
        char name[32];
        snprintf(name, sizeof name, "%d.txt", i);
        free(ct_write(a, name, article, strlen(article)));
        free(ct_write(b, name, article, strlen(article)));
    }
    char args[4400];
    snprintf(args, sizeof args, "--format jsonl -j 3 '%s'", dir);
    ct_result r = ct_run(args, NULL);
    size_t lines = 0;
    char *save = NULL;
    for (char *l = strtok_r(r.out, "\n", &save); l; l = strtok_r(NULL, "\n", &save), lines++) {
        int in_a = strstr(l, "/a/") != NULL;
        cr_assert(in_a || strstr(l, "/b/"), "%s", l);
        cr_assert_eq(strstr(l, "spelling.") == NULL, in_a, "a/ has no spelling: %s", l);
        cr_assert_eq(strstr(l, "typography.") == NULL, !in_a, "b/ has no typography: %s", l);
    }
    cr_assert_eq(lines, 6);
    ct_free(&r);
    free(dir);
}

/* Paths that write one folder differently (dir/x, dir/./x, dir/sub/../x)
 * get its configuration, resolved once per way of writing it; a folder
 * with its own file gets that one; a missing file, the current folder's. */
Test(config_ini, one_configuration_per_folder_however_written)
{
    char *dir = ct_tmpdir();
    char sub[4200];
    snprintf(sub, sizeof sub, "%s/sub", dir);
    mkdir(sub, 0755);
    const char top[] = "disable = spelling\n", own[] = "disable = typography\n";
    free(ct_write(dir, ".mtcheck.ini", top, strlen(top)));
    free(ct_write(sub, ".mtcheck.ini", own, strlen(own)));
    free(ct_write(dir, "a.txt", "x\n", 2));
    free(ct_write(dir, "b.txt", "x\n", 2));
    free(ct_write(sub, "c.txt", "x\n", 2));
    mtc_config_set set;
    mtc_error err;
    cr_assert_eq(mtc_config_set_init(&set, NULL, 1, NULL, NULL, &err), MTC_OK, "%s", err.message);
    const char *top_paths[] = {"%s/a.txt", "%s/b.txt", "%s/./a.txt", "%s/sub/../b.txt",
                               "%s/a.txt"};
    size_t first = 0;
    for (size_t i = 0; i < sizeof top_paths / sizeof top_paths[0]; i++) {
        char p[4400];
        snprintf(p, sizeof p, top_paths[i], dir);
        size_t idx = 99;
        cr_assert_eq(mtc_config_set_for(&set, p, &idx, &err), MTC_OK, "%s", err.message);
        if (i == 0)
            first = idx;
        cr_assert_eq(idx, first, "%s", p);
        cr_assert_eq(mtc_config_rule_enabled(set.inis[idx]->cfg, "spelling.unknown-word",
                                             "spelling", "spelling", 1),
                     0, "%s: the top folder's file", p);
    }
    char c[4400];
    snprintf(c, sizeof c, "%s/sub/c.txt", dir);
    size_t in_sub = 99;
    cr_assert_eq(mtc_config_set_for(&set, c, &in_sub, &err), MTC_OK);
    cr_assert_neq(in_sub, first, "the nearest file wins");
    cr_assert_eq(mtc_config_rule_enabled(set.inis[in_sub]->cfg, "typography.doubled-word",
                                         "typography", "typography", 1),
                 0);
    size_t missing = 99;
    cr_assert_eq(mtc_config_set_for(&set, "no/such/file.txt", &missing, &err), MTC_OK);
    size_t dash = 98;
    cr_assert_eq(mtc_config_set_for(&set, "-", &dash, &err), MTC_OK);
    cr_assert_eq(missing, dash, "a missing file: the current folder's, as for -");
    mtc_config_set_free(&set);
    free(dir);
}
