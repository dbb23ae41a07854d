/* test_ci.c — what a content repository's CI relies on (issue 13), through
 * the real binary: baselines (--write-baseline, --baseline), side reports in
 * one run (--sarif, --summary beside --format), NUL-separated input lists
 * (--files0-from) and the README's pre-commit hook with non-ASCII names, the
 * man page's rule list against --list-rules, and the README's JSON example
 * against the sample article's real output. */
#include <criterion/criterion.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "alloc.h"
#include "buffer.h"
#include "clitest.h"
#include "testutil.h"

static const char article[] = "Minister visits the capital\n\n"
                              "The minister recieved the letter on Monday morning.\n\n"
                              "The comittee met on Tuesday in the capital city.\n";
/* The same article edited: a paragraph added above, a new error at the end. */
static const char edited[] = "Minister visits the capital\n\n"
                             "A new paragraph was added here by the editor today.\n\n"
                             "The minister recieved the letter on Monday morning.\n\n"
                             "The comittee met on Tuesday in the capital city. "
                             "The mayor was recieved warmly.\n";

/* mtcheck ARGS run in folder dir. */
static ct_result run_in(const char *dir, const char *args)
{
    char prefix[4200];
    snprintf(prefix, sizeof prefix, "env -C '%s'", dir);
    return ct_run_full(prefix, args, NULL, NULL, 120);
}

static size_t count_str(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

static char *path_in(const char *dir, const char *name)
{
    mtc_buf b = MTC_BUF_INIT;
    mtc_buf_printf(&b, "%s/%s", dir, name);
    return b.data;
}

/* ---- baseline ---- */

Test(ci, baseline_hides_known_findings_and_gates_on_new_ones)
{
    char *dir = ct_tmpdir();
    free(ct_write(dir, "a.txt", article, strlen(article)));
    ct_result w = run_in(dir, "--no-progress --write-baseline known.baseline a.txt");
    cr_assert_eq(w.status, 1, "the run itself still reports and gates: %s", w.err);
    char *bl = path_in(dir, "known.baseline");
    char *text = ct_read(bl, NULL);
    cr_assert_not_null(text, "no baseline written");
    cr_assert(strncmp(text, "# mtcheck baseline 1\n", 21) == 0, "header: %s", text);
    cr_assert_eq(count_str(text, " spelling.unknown-word a.txt\n"), 2, "%s", text);

    /* unchanged article: nothing new, gate passes, in every format */
    ct_result t = run_in(dir, "--no-progress --baseline known.baseline a.txt");
    cr_assert_eq(t.status, 0, "%s%s", t.out, t.err);
    cr_assert_null(strstr(t.out, "recieved"), "%s", t.out);
    ct_result j = run_in(dir, "--format json --baseline known.baseline a.txt");
    cr_assert_eq(j.status, 0);
    json_object *o = json_tokener_parse(j.out);
    cr_assert_not_null(o);
    json_object *sum, *issues;
    cr_assert(json_object_object_get_ex(o, "summary", &sum));
    cr_assert(json_object_object_get_ex(sum, "issues", &issues));
    cr_assert_eq(json_object_get_int(issues), 0, "%s", j.out);
    json_object_put(o);

    /* edited elsewhere plus one new error: only the new one, in every format */
    free(ct_write(dir, "a.txt", edited, strlen(edited)));
    ct_result e = run_in(dir, "--no-progress --baseline known.baseline a.txt");
    cr_assert_eq(e.status, 1, "the new finding fails the gate: %s", e.out);
    cr_assert_eq(count_str(e.out, "[spelling.unknown-word]"), 1, "%s", e.out);
    cr_assert(strstr(e.out, "a.txt:7:64:"), "the new 'recieved' is reported: %s", e.out);
    ct_result g = run_in(dir, "--format github --baseline known.baseline a.txt");
    cr_assert_eq(count_str(g.out, "::error "), 1, "%s", g.out);
    ct_result s = run_in(dir, "--format sarif --baseline known.baseline a.txt");
    cr_assert_eq(count_str(s.out, "\"ruleId\""), 1, "%s", s.out);
    ct_result c = run_in(dir, "--format checkstyle --baseline known.baseline a.txt");
    cr_assert_eq(count_str(c.out, "<error "), 1, "%s", c.out);

    /* negative: without the baseline all three findings are there */
    ct_result n = run_in(dir, "--no-progress a.txt");
    cr_assert_eq(count_str(n.out, "[spelling.unknown-word]"), 3, "%s", n.out);
    ct_free(&w), ct_free(&t), ct_free(&j), ct_free(&e), ct_free(&g), ct_free(&s), ct_free(&c);
    ct_free(&n);
    free(text);
    free(bl);
    free(dir);
}

Test(ci, baseline_is_per_article_path)
{
    char *dir = ct_tmpdir();
    free(ct_write(dir, "a.txt", article, strlen(article)));
    free(ct_write(dir, "b.txt", article, strlen(article)));
    ct_result w = run_in(dir, "--no-progress --write-baseline bl a.txt");
    cr_assert_eq(w.status, 1);
    /* b.txt has the same sentences but is not in the baseline */
    ct_result r = run_in(dir, "--no-progress --baseline bl a.txt b.txt");
    cr_assert_eq(r.status, 1);
    cr_assert_eq(count_str(r.out, "a.txt:"), 1, "only a.txt's score line: %s", r.out);
    cr_assert_eq(count_str(r.out, "b.txt:3:14:"), 1, "%s", r.out);
    ct_free(&w), ct_free(&r);
    free(dir);
}

Test(ci, baseline_with_non_ascii_and_space_names_round_trips)
{
    char *dir = ct_tmpdir();
    free(ct_write(dir, "café report.txt", article, strlen(article)));
    ct_result w = run_in(dir, "--no-progress --write-baseline bl 'café report.txt'");
    char *bl = path_in(dir, "bl");
    char *text = ct_read(bl, NULL);
    cr_assert_not_null(text);
    cr_assert(strstr(text, " caf%C3%A9%20report.txt\n"), "%s", text);
    ct_result r = run_in(dir, "--no-progress --baseline bl 'café report.txt'");
    cr_assert_eq(r.status, 0, "%s", r.out);
    ct_free(&w), ct_free(&r);
    free(text);
    free(bl);
    free(dir);
}

Test(ci, bad_baseline_is_exit_2_naming_file_and_line)
{
    char *dir = ct_tmpdir();
    free(ct_write(dir, "a.txt", article, strlen(article)));
    const char *header_bad = "{\"version\": \"2.1.0\"}\n";
    free(ct_write(dir, "sarif.json", header_bad, strlen(header_bad)));
    ct_result r1 = run_in(dir, "--baseline sarif.json a.txt");
    cr_assert_eq(r1.status, 2);
    cr_assert(strstr(r1.err, "sarif.json:1:"), "%s", r1.err);
    cr_assert_str_empty(r1.out, "nothing checked: %s", r1.out);

    const char *line_bad = "# mtcheck baseline 1\n# comment\n\n"
                           "0123456789abcdef0123456789abcdef spelling.unknown-word a.txt\n"
                           "0123456789abcdef spelling.unknown-word a.txt\n";
    free(ct_write(dir, "short.baseline", line_bad, strlen(line_bad)));
    ct_result r2 = run_in(dir, "--baseline short.baseline a.txt");
    cr_assert_eq(r2.status, 2);
    cr_assert(strstr(r2.err, "short.baseline:5: "), "%s", r2.err);

    const char *path_bad = "# mtcheck baseline 1\n"
                           "0123456789abcdef0123456789abcdef spelling.unknown-word a%ZZ.txt\n";
    free(ct_write(dir, "esc.baseline", path_bad, strlen(path_bad)));
    ct_result r3 = run_in(dir, "--baseline esc.baseline a.txt");
    cr_assert_eq(r3.status, 2);
    cr_assert(strstr(r3.err, "esc.baseline:2: "), "%s", r3.err);

    ct_result r4 = run_in(dir, "--baseline missing.baseline a.txt");
    cr_assert_eq(r4.status, 2);
    cr_assert(strstr(r4.err, "missing.baseline"), "%s", r4.err);

    free(ct_write(dir, "empty.baseline", "", 0));
    ct_result r5 = run_in(dir, "--baseline empty.baseline a.txt");
    cr_assert_eq(r5.status, 2);
    cr_assert(strstr(r5.err, "empty.baseline:1:"), "%s", r5.err);

    /* negative: a well-formed baseline with only comments is accepted */
    const char *ok = "# mtcheck baseline 1\n# nothing known yet\n";
    free(ct_write(dir, "ok.baseline", ok, strlen(ok)));
    ct_result r6 = run_in(dir, "--no-progress --baseline ok.baseline a.txt");
    cr_assert_eq(r6.status, 1, "%s", r6.err);
    cr_assert_eq(count_str(r6.out, "[spelling.unknown-word]"), 2);
    ct_free(&r1), ct_free(&r2), ct_free(&r3), ct_free(&r4), ct_free(&r5), ct_free(&r6);
    free(dir);
}

Test(ci, write_baseline_is_atomic_and_all_or_nothing)
{
    char *dir = ct_tmpdir();
    free(ct_write(dir, "a.txt", article, strlen(article)));
    const char *old = "# mtcheck baseline 1\n# the old one\n";
    char *bl = ct_write(dir, "bl", old, strlen(old));
    /* an input that cannot be read: the old baseline stays as it was */
    ct_result r = run_in(dir, "--no-progress --write-baseline bl a.txt missing.txt");
    cr_assert_eq(r.status, 2);
    cr_assert(strstr(r.err, "baseline not written"), "%s", r.err);
    char *text = ct_read(bl, NULL);
    cr_assert_str_eq(text, old);
    free(text);
    /* never over an input */
    ct_result i = run_in(dir, "--no-progress --write-baseline a.txt a.txt");
    cr_assert_eq(i.status, 2);
    text = ct_read(bl, NULL);
    char *a = ct_read(path_in(dir, "a.txt"), NULL);
    cr_assert_str_eq(a, article, "the input is untouched");
    free(a);
    /* positive: a good run replaces it, leaving no temporary file behind */
    ct_result ok = run_in(dir, "--no-progress --write-baseline bl a.txt");
    cr_assert_eq(ok.status, 1);
    free(text);
    text = ct_read(bl, NULL);
    cr_assert_eq(count_str(text, "\n"), 5 + 2, "header (5 lines) and two findings: %s", text);
    char cmd[4300];
    snprintf(cmd, sizeof cmd, "test $(ls -A '%s' | wc -l) -eq 2", dir);
    cr_assert_eq(system(cmd), 0, "only a.txt and bl in the folder");
    ct_free(&r), ct_free(&i), ct_free(&ok);
    free(text);
    free(bl);
    free(dir);
}

/* ---- side reports ---- */

Test(ci, sarif_and_summary_beside_github_in_one_run_agree)
{
    char *dir = ct_tmpdir();
    free(ct_write(dir, "a.txt", article, strlen(article)));
    free(ct_write(dir, "b.txt", edited, strlen(edited)));
    ct_result r = run_in(dir, "--format github --sarif out.sarif --summary summary.md a.txt b.txt");
    cr_assert_eq(r.status, 1, "%s", r.err);
    char *sp = path_in(dir, "out.sarif"), *mp = path_in(dir, "summary.md");
    char *sarif = ct_read(sp, NULL), *md = ct_read(mp, NULL);
    cr_assert_not_null(sarif);
    cr_assert_not_null(md);
    cr_assert_eq(count_str(r.out, "::error "), 5, "%s", r.out);
    cr_assert_eq(count_str(sarif, "\"ruleId\""), 5, "%s", sarif);
    cr_assert(strstr(md, "| 2 | 2 | 5 |"), "summary row: %s", md);
    /* each side file is what its own format prints */
    ct_result s = run_in(dir, "--format sarif a.txt b.txt");
    cr_assert_str_eq(sarif, s.out);
    ct_result m = run_in(dir, "--format markdown a.txt b.txt");
    cr_assert_str_eq(md, m.out);
    ct_result g = run_in(dir, "--format github a.txt b.txt");
    cr_assert_str_eq(r.out, g.out, "the main report is unchanged by side reports");
    ct_free(&r), ct_free(&s), ct_free(&m), ct_free(&g);
    free(sarif), free(md), free(sp), free(mp);
    free(dir);
}

Test(ci, side_report_paths_are_checked)
{
    char *dir = ct_tmpdir();
    free(ct_write(dir, "a.txt", article, strlen(article)));
    ct_result same = run_in(dir, "-o r.sarif --format sarif --sarif r.sarif a.txt");
    cr_assert_eq(same.status, 2);
    cr_assert(strstr(same.err, "--output and --sarif both write 'r.sarif'"), "%s", same.err);
    ct_result over = run_in(dir, "--summary a.txt a.txt");
    cr_assert_eq(over.status, 2, "never over an input");
    char *a = ct_read(path_in(dir, "a.txt"), NULL);
    cr_assert_str_eq(a, article);
    free(a);
    ct_result nodir = run_in(dir, "--sarif no/such/dir/x.sarif a.txt");
    cr_assert_eq(nodir.status, 2);
    cr_assert(strstr(nodir.err, "no/such/dir"), "%s", nodir.err);
    /* one side report that cannot be created: no other report is committed */
    ct_result half = run_in(dir, "-o main.txt --sarif ok.sarif --summary no/such/dir/s.md a.txt");
    cr_assert_eq(half.status, 2);
    char *ok = path_in(dir, "ok.sarif"), *mainp = path_in(dir, "main.txt");
    cr_assert_null(ct_read(ok, NULL), "no SARIF claiming a successful run");
    cr_assert_null(ct_read(mainp, NULL));
    free(ok), free(mainp);
    ct_free(&half);
    ct_free(&same), ct_free(&over), ct_free(&nodir);
    free(dir);
}

/* ---- NUL-separated inputs ---- */

Test(ci, files0_from_reads_any_file_name)
{
    char *dir = ct_tmpdir();
    free(ct_write(dir, "café report.txt", article, strlen(article)));
    free(ct_write(dir, "北京.txt", edited, strlen(edited)));
    free(ct_write(dir, "line\nbreak.txt", article, strlen(article)));
    const char list[] = "café report.txt\0北京.txt\0line\nbreak.txt"; /* last NUL optional */
    free(ct_write(dir, "list", list, sizeof list - 1));
    ct_result r = run_in(dir, "--format json --files0-from list");
    cr_assert_eq(r.status, 1, "%s", r.err);
    cr_assert(strstr(r.out, "\"path\": \"café report.txt\""), "%s", r.out);
    cr_assert(strstr(r.out, "\"path\": \"北京.txt\""), "%s", r.out);
    cr_assert(strstr(r.out, "\"path\": \"line\\nbreak.txt\""), "%s", r.out);
    cr_assert(strstr(r.out, "\"files\": 3,"), "%s", r.out);
    /* from standard input */
    char prefix[4200];
    snprintf(prefix, sizeof prefix, "env -C '%s'", dir);
    char *lp = path_in(dir, "list");
    ct_result s = ct_run_full(prefix, "--format json --files0-from -", lp, NULL, 120);
    cr_assert_eq(s.status, 1, "%s", s.err);
    cr_assert(strstr(s.out, "\"files\": 3,"), "%s", s.out);
    ct_free(&r), ct_free(&s);
    free(lp);
    free(dir);
}

Test(ci, files0_from_bad_lists_are_usage_errors)
{
    char *dir = ct_tmpdir();
    free(ct_write(dir, "a.txt", article, strlen(article)));
    const char empty_entry[] = "a.txt\0\0a.txt\0";
    free(ct_write(dir, "l1", empty_entry, sizeof empty_entry - 1));
    ct_result r1 = run_in(dir, "--files0-from l1");
    cr_assert_eq(r1.status, 2);
    cr_assert(strstr(r1.err, "l1: byte 6: entry 2"), "%s", r1.err);
    free(ct_write(dir, "l2", "", 0));
    ct_result r2 = run_in(dir, "--files0-from l2");
    cr_assert_eq(r2.status, 2);
    cr_assert(strstr(r2.err, "names no input"), "%s", r2.err);
    ct_result r3 = run_in(dir, "--files0-from l1 a.txt");
    cr_assert_eq(r3.status, 2);
    cr_assert(strstr(r3.err, "no PATH besides it"), "%s", r3.err);
    ct_result r4 = run_in(dir, "--files0-from nosuch");
    cr_assert_eq(r4.status, 2);
    cr_assert(strstr(r4.err, "nosuch"), "%s", r4.err);
    /* a name in the list that does not exist is an unreadable input, named */
    const char missing[] = "a.txt\0gone.txt\0";
    free(ct_write(dir, "l3", missing, sizeof missing - 1));
    ct_result r5 = run_in(dir, "--no-progress --files0-from l3");
    cr_assert_eq(r5.status, 2);
    cr_assert(strstr(r5.err, "gone.txt"), "%s", r5.err);
    cr_assert(strstr(r5.out, "a.txt:3:14:"), "a.txt is still checked: %s", r5.out);
    ct_free(&r1), ct_free(&r2), ct_free(&r3), ct_free(&r4), ct_free(&r5);
    free(dir);
}

/* The fenced block of README.md that starts with `opening` (malloc'ed). */
static char *readme_block(const char *opening)
{
    char buf[4096];
    char *readme = ct_read(tu_root_path("README.md", buf, sizeof buf), NULL);
    cr_assert_not_null(readme);
    char *p = strstr(readme, opening);
    cr_assert_not_null(p, "README.md has no block starting with %s", opening);
    p += strlen(opening);
    char *end = strstr(p, "\n```\n");
    cr_assert_not_null(end);
    char *block = mtc_xstrdup(p);
    block[end - p + 1] = '\0';
    free(readme);
    return block;
}

/* Runs sh -c SCRIPT in dir with build/ first on PATH; returns the status. */
static int sh_in(const char *dir, const char *script, char **out)
{
    char *sp = path_in(dir, ".script.sh");
    FILE *f = fopen(sp, "w");
    cr_assert_not_null(f);
    fputs(script, f);
    fclose(f);
    char bindir[4096];
    snprintf(bindir, sizeof bindir, "%s", ct_bin());
    *strrchr(bindir, '/') = '\0';
    mtc_buf cmd = MTC_BUF_INIT;
    mtc_buf_printf(&cmd, "cd '%s' && PATH='%s':\"$PATH\" sh '%s' > '%s.out' 2>&1", dir, bindir,
                   sp, sp);
    int st = system(cmd.data);
    mtc_buf_free(&cmd);
    mtc_buf op = MTC_BUF_INIT;
    mtc_buf_printf(&op, "%s.out", sp);
    *out = ct_read(op.data, NULL);
    mtc_buf_free(&op);
    free(sp);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

Test(ci, readme_pre_commit_hook_checks_non_ascii_names)
{
    char *hook = readme_block("```sh\n#!/bin/sh\n");
    cr_assert(strstr(hook, "-z"), "the hook's list is NUL-separated");
    char *dir = ct_tmpdir();
    char *out = NULL;
    char setup[512];
    snprintf(setup, sizeof setup,
             "git init -q . && git config user.email t@example.com && git config user.name t");
    cr_assert_eq(sh_in(dir, setup, &out), 0, "%s", out);
    free(out);
    free(ct_write(dir, "café report.txt", article, strlen(article)));
    free(ct_write(dir, "北京.txt", article, strlen(article)));
    cr_assert_eq(sh_in(dir, "git add 'café report.txt' 北京.txt", &out), 0, "%s", out);
    free(out);
    mtc_buf script = MTC_BUF_INIT;
    mtc_buf_puts(&script, "#!/bin/sh\n");
    mtc_buf_puts(&script, hook);
    /* both staged articles fail: the hook blocks, naming both */
    int st = sh_in(dir, script.data, &out);
    cr_assert_eq(st, 1, "%s", out);
    cr_assert(strstr(out, "café report.txt:3:14:"), "%s", out);
    cr_assert(strstr(out, "北京.txt:3:14:"), "%s", out);
    cr_assert(strstr(out, "commit with --no-verify"), "%s", out);
    free(out);
    /* with a baseline recording today's findings the same commit passes */
    cr_assert_eq(sh_in(dir, "mtcheck --no-progress --write-baseline .mtcheck-baseline "
                            "'café report.txt' 北京.txt; test -s .mtcheck-baseline",
                       &out),
                 0, "%s", out);
    free(out);
    st = sh_in(dir, script.data, &out);
    cr_assert_eq(st, 0, "%s", out);
    free(out);
    /* nothing staged: passes without running a check */
    cr_assert_eq(sh_in(dir, "git commit -qm x --no-verify", &out), 0, "%s", out);
    free(out);
    st = sh_in(dir, script.data, &out);
    cr_assert_eq(st, 0, "%s", out);
    free(out);
    mtc_buf_free(&script);
    free(hook);
    free(dir);
}

Test(ci, readme_workflow_runs_mtcheck_once_with_side_reports)
{
    char *wf = readme_block("```yaml\nname: mtcheck\n");
    cr_assert_eq(count_str(wf, "mtcheck --"), 1, "one run of mtcheck: %s", wf);
    cr_assert(strstr(wf, "git diff -z --name-only"), "%s", wf);
    cr_assert(strstr(wf, "--files0-from"), "%s", wf);
    cr_assert(strstr(wf, "--format github --sarif mtcheck.sarif --summary \"$GITHUB_STEP_SUMMARY\""),
              "%s", wf);
    free(wf);
}

/* ---- the man page's rule list ---- */

/* The roff make man-update writes for --list-rules output (malloc'ed). */
static char *rules_roff(const char *list)
{
    mtc_buf b = MTC_BUF_INIT;
    const char *line = list;
    while (*line) {
        const char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) : strlen(line);
        const char *f[4];
        size_t fl[4];
        const char *p = line;
        for (int k = 0; k < 4; k++) {
            f[k] = p;
            while (p < line + n && *p != ' ')
                p++;
            fl[k] = (size_t)(p - f[k]);
            while (p < line + n && *p == ' ')
                p++;
        }
        mtc_buf_printf(&b, ".TP\n.B %.*s\n\\&%.*s, %.*s, %s by default. ", (int)fl[0], f[0],
                       (int)fl[1], f[1], (int)fl[2], f[2],
                       fl[3] == 2 && strncmp(f[3], "on", 2) == 0 ? "on" : "off");
        for (; p < line + n; p++) {
            if (*p == '\\')
                mtc_buf_puts(&b, "\\e");
            else
                mtc_buf_putc(&b, *p);
        }
        mtc_buf_putc(&b, '\n');
        line += n + (nl != NULL);
    }
    return b.data ? b.data : mtc_xstrdup("");
}

/* NULL when the page's generated section is the roff of list, else why not. */
static const char *rules_section_mismatch(const char *page, const char *list)
{
    const char *begin = strstr(page, "\n.\\\" BEGIN RULES");
    const char *end = strstr(page, "\n.\\\" END RULES");
    if (!begin || !end || end < begin)
        return "no BEGIN RULES / END RULES lines";
    begin = strchr(begin + 1, '\n') + 1;
    char *want = rules_roff(list);
    size_t have_len = (size_t)(end + 1 - begin);
    int same = strlen(want) == have_len && memcmp(want, begin, have_len) == 0;
    free(want);
    return same ? NULL : "the rule list differs from --list-rules (run make man-update)";
}

Test(ci, man_page_rule_list_matches_binary)
{
    char buf[4096];
    char *page = ct_read(tu_root_path("mtcheck.1", buf, sizeof buf), NULL);
    cr_assert_not_null(page);
    cr_assert_null(strstr(page, "@RULES@"), "no placeholder left in the committed page");
    ct_result r = ct_run("--list-rules", NULL);
    cr_assert_eq(r.status, 0);
    const char *why = rules_section_mismatch(page, r.out);
    cr_assert_null(why, "%s", why);
    cr_assert_gt(count_str(page, "\n.TP\n.B "), count_str(r.out, "\n"), "every rule is an entry");
    /* negative: a page missing one rule, or with a stale description, is caught */
    char *first_nl = strchr(r.out, '\n');
    cr_assert_str_not_empty(rules_section_mismatch(page, first_nl + 1));
    char *stale = mtc_xstrdup(page);
    char *d = strstr(stale, "by default. ");
    cr_assert_not_null(d);
    d[12] = d[12] == 'X' ? 'Y' : 'X';
    cr_assert_str_not_empty(rules_section_mismatch(stale, r.out));
    free(stale);
    ct_free(&r);
    free(page);
}

/* ---- the README's JSON example ---- */

/* NULL when example (the README's, "..." elisions removed) agrees with the
 * real output: every key of an example object has an equal value in the real
 * one (recursively); an example array's elements are the real array's first
 * elements. Else the JSON path of the first difference (static buffer). */
static const char *json_subset_mismatch(json_object *ex, json_object *real, char *path, size_t cap)
{
    if (json_object_get_type(ex) == json_type_object) {
        if (json_object_get_type(real) != json_type_object)
            return path;
        size_t len = strlen(path);
        json_object_object_foreach(ex, key, val)
        {
            snprintf(path + len, cap - len, ".%s", key);
            json_object *rv;
            if (!json_object_object_get_ex(real, key, &rv))
                return path;
            const char *m = json_subset_mismatch(val, rv, path, cap);
            if (m)
                return m;
            path[len] = '\0';
        }
        return NULL;
    }
    if (json_object_get_type(ex) == json_type_array) {
        if (json_object_get_type(real) != json_type_array ||
            json_object_array_length(ex) > json_object_array_length(real))
            return path;
        size_t len = strlen(path);
        for (size_t i = 0; i < json_object_array_length(ex); i++) {
            snprintf(path + len, cap - len, "[%zu]", i);
            const char *m = json_subset_mismatch(json_object_array_get_idx(ex, i),
                                                 json_object_array_get_idx(real, i), path, cap);
            if (m)
                return m;
            path[len] = '\0';
        }
        return NULL;
    }
    if (json_object_get_type(ex) == json_type_double || json_object_get_type(ex) == json_type_int) {
        if (json_object_get_type(real) != json_type_double &&
            json_object_get_type(real) != json_type_int)
            return path;
        return json_object_get_double(ex) == json_object_get_double(real) ? NULL : path;
    }
    return json_object_equal(ex, real) ? NULL : path;
}

static json_object *readme_json_example(void)
{
    char buf[4096];
    char *block = ct_read(tu_root_path("README.md", buf, sizeof buf), NULL);
    cr_assert_not_null(block);
    char *start = strstr(block, "### JSON output\n");
    cr_assert_not_null(start);
    start = strstr(start, "\n```\n");
    cr_assert_not_null(start);
    start += 5;
    char *end = strstr(start, "\n```\n");
    cr_assert_not_null(end);
    end[1] = '\0';
    /* drop the elisions: ", ..." before a closing bracket */
    mtc_buf b = MTC_BUF_INIT;
    for (const char *p = start; *p; p++) {
        if (strncmp(p, ", ...", 5) == 0) {
            p += 4;
            continue;
        }
        mtc_buf_putc(&b, *p);
    }
    json_object *o = json_tokener_parse(b.data);
    cr_assert_not_null(o, "the README's JSON example does not parse: %s", b.data);
    mtc_buf_free(&b);
    free(block);
    return o;
}

Test(ci, readme_json_example_is_real_output)
{
    json_object *ex = readme_json_example();
    char root[4096];
    tu_root_path("", root, sizeof root);
    ct_result r = run_in(root, "--format json tests/fixtures/seed-article.txt");
    cr_assert_eq(r.status, 1);
    json_object *real = json_tokener_parse(r.out);
    cr_assert_not_null(real);
    char path[512] = "$";
    const char *m = json_subset_mismatch(ex, real, path, sizeof path);
    cr_assert_null(m, "README.md's JSON example differs from the real output at %s; the real "
                      "output is:\n%s",
                   m, r.out);
    /* the example shows real issues, not an empty skeleton */
    json_object *files, *f0, *issues;
    cr_assert(json_object_object_get_ex(ex, "files", &files));
    f0 = json_object_array_get_idx(files, 0);
    cr_assert(json_object_object_get_ex(f0, "issues", &issues));
    cr_assert_gt(json_object_array_length(issues), 0);
    /* negative: a changed value or a key the output does not have is caught */
    path[1] = '\0';
    json_object_object_add(f0, "words", json_object_new_int(946));
    cr_assert_str_eq(json_subset_mismatch(ex, real, path, sizeof path), "$.files[0].words");
    json_object_object_add(f0, "words", json_object_new_int(945));
    path[1] = '\0';
    cr_assert_null(json_subset_mismatch(ex, real, path, sizeof path));
    json_object_object_add(f0, "no_such_key", json_object_new_int(1));
    path[1] = '\0';
    cr_assert_not_null(json_subset_mismatch(ex, real, path, sizeof path));
    json_object_put(ex);
    json_object_put(real);
    ct_free(&r);
}
