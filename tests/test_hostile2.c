/* test_hostile2.c — hostile input, round 2 (issue 18), through the real
 * binary: markup nested past what gumbo survives, Markdown tables that
 * cmark-gfm would pad to millions of cells, folder symlinks forming a DAG,
 * outputs that would replace a device, a FIFO, a symbolic link or a file
 * the run reads, file names carrying terminal and workflow-command
 * injections, characters XML cannot carry, configuration lines longer than
 * the INI parser's buffer, and hunspell dictionaries whose counts libhunspell
 * trusts. Small sizes here; `make bench-huge` has the issue's sizes. No
 * assertion is about time: every run is under `timeout`. */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clitest.h"

static char *repeat(const char *unit, size_t times, const char *tail)
{
    size_t u = strlen(unit), t = strlen(tail);
    char *s = malloc(u * times + t + 1);
    cr_assert_not_null(s);
    for (size_t i = 0; i < times; i++)
        memcpy(s + i * u, unit, u);
    memcpy(s + u * times, tail, t + 1);
    return s;
}

static ct_result run(const char *fmt, const char *a, const char *b)
{
    char args[16384];
    snprintf(args, sizeof args, fmt, a, b);
    return ct_run(args, NULL);
}

Test(hostile2, html_nested_past_the_limit_is_refused_naming_the_byte)
{
    char *dir = ct_tmpdir();
    char *deep = repeat("<table><tr><td>", 2000, "text");
    char *p = ct_write(dir, "deep.html", deep, strlen(deep));
    char *ok = ct_write(dir, "ok.txt", "The mayor spoke.\n", 17);
    ct_result r = run("%s %s", p, ok);
    cr_assert_eq(r.status, 2, "a nesting error is exit 2: %s", r.err);
    cr_assert(strstr(r.err, "deep.html: byte ") && strstr(r.err, "nested deeper than 512"),
              "names the file and the byte: %s", r.err);
    cr_assert(strstr(r.out, "ok.txt"), "the other article is still checked: %s", r.out);
    ct_free(&r);
    char *divs = repeat("<div>", 100000, "x");
    char *q = ct_write(dir, "divs.html", divs, strlen(divs));
    r = run("%s", q, "");
    cr_assert_eq(r.status, 2, "100,000 <div>s: refused at once, %s", r.err);
    ct_free(&r);
    free(deep);
    free(divs);
    free(p);
    free(q);
    free(ok);
}

Test(hostile2, html_siblings_that_close_themselves_are_not_nesting)
{
    char *dir = ct_tmpdir();
    /* thousands of unclosed <p>, <li>, <td>: siblings, as in sloppy pages */
    char *body = repeat("<li>An item <p>A paragraph <td>a cell ", 3000,
                        "<div><div>The mayor said teh thing.</div></div>");
    char *p = ct_write(dir, "sloppy.html", body, strlen(body));
    ct_result r = run("--format json %s", p, "");
    cr_assert_lt(r.status, 2, "read: %s", r.err);
    cr_assert(strstr(r.out, "\"teh\""), "and checked to the end: %.300s", r.out);
    ct_free(&r);
    free(body);
    free(p);
}

Test(hostile2, markdown_tables_past_the_cell_budget_are_read_as_text)
{
    char *dir = ct_tmpdir();
    char *head = repeat("a|", 3000, "\n");
    char *delim = repeat("-|", 3000, "\n");
    char *rows = repeat("x\n", 3000, "\nThe mayor said teh thing.\n");
    size_t n = strlen(head) + strlen(delim) + strlen(rows) + 2;
    char *md = malloc(n + 1);
    snprintf(md, n + 1, "|%s|%s%s", head, delim, rows);
    char *p = ct_write(dir, "table.md", md, strlen(md));
    ct_result r = run("--format json %s", p, "");
    cr_assert_lt(r.status, 2, "read: %s", r.err);
    cr_assert(strstr(r.out, "\"teh\""), "checked to the end: %.300s", r.out);
    ct_free(&r);
    /* a normal table is still a table: its cells are prose */
    const char *small = "| Name | Role |\n|---|---|\n| Zhao | teh mayor |\n";
    char *s = ct_write(dir, "small.md", small, strlen(small));
    r = run("--format json %s", s, "");
    cr_assert(strstr(r.out, "\"teh\""), "cells are read: %s", r.out);
    cr_assert_null(strstr(r.out, "---"), "the delimiter row is not prose: %s", r.out);
    ct_free(&r);
    free(head);
    free(delim);
    free(rows);
    free(md);
    free(p);
    free(s);
}

Test(hostile2, folder_symlinks_forming_a_dag_count_each_file_once)
{
    char *dir = ct_tmpdir();
    char path[4096], target[4096];
    for (int i = 0; i <= 12; i++) {
        snprintf(path, sizeof path, "%.2000s/d%d", dir, i);
        cr_assert_eq(mkdir(path, 0755), 0);
    }
    for (int i = 0; i < 12; i++) {
        snprintf(target, sizeof target, "../d%d", i + 1);
        snprintf(path, sizeof path, "%.2000s/d%d/a", dir, i);
        cr_assert_eq(symlink(target, path), 0);
        snprintf(path, sizeof path, "%.2000s/d%d/b", dir, i);
        cr_assert_eq(symlink(target, path), 0);
    }
    snprintf(path, sizeof path, "%.2000s/d12", dir);
    free(ct_write(path, "x.txt", "The mayor spoke.\n", 17));
    free(ct_write(path, "y.txt", "The minister spoke.\n", 20));
    snprintf(path, sizeof path, "%.2000s/d0", dir);
    ct_result r = run("--format jsonl %s", path, "");
    cr_assert_eq(r.status, 0, "%s", r.err);
    size_t lines = 0;
    for (const char *c = r.out; *c; c++)
        lines += *c == '\n';
    cr_assert_eq(lines, 2, "each of the 2 files once (not 2 x 4,096 times): %zu lines", lines);
    ct_free(&r);
}

Test(hostile2, output_is_never_a_device_fifo_or_symlink)
{
    char *dir = ct_tmpdir();
    char *a = ct_write(dir, "a.txt", "The mayor spoke.\n", 17);
    struct stat before, after;
    cr_assert_eq(stat("/dev/null", &before), 0);
    ct_result r = run("-o /dev/null %s", a, "");
    cr_assert_eq(r.status, 2, "-o /dev/null refused: %s", r.err);
    cr_assert(strstr(r.err, "device, FIFO or socket"), "%s", r.err);
    cr_assert_eq(stat("/dev/null", &after), 0);
    cr_assert(S_ISCHR(after.st_mode) && after.st_ino == before.st_ino, "/dev/null untouched");
    ct_free(&r);

    char fifo[4096];
    snprintf(fifo, sizeof fifo, "%.2000s/fifo", dir);
    cr_assert_eq(mkfifo(fifo, 0644), 0);
    r = run("-o %s %s", fifo, a);
    cr_assert_eq(r.status, 2, "a FIFO refused: %s", r.err);
    cr_assert_eq(stat(fifo, &after), 0);
    cr_assert(S_ISFIFO(after.st_mode), "the FIFO is still a FIFO");
    ct_free(&r);

    char *keep = ct_write(dir, "keep.txt", "precious\n", 9);
    char link[4096];
    snprintf(link, sizeof link, "%.2000s/link", dir);
    cr_assert_eq(symlink(keep, link), 0);
    r = run("-o %s %s", link, a);
    cr_assert_eq(r.status, 2, "a symbolic link refused: %s", r.err);
    struct stat lst;
    cr_assert_eq(lstat(link, &lst), 0);
    cr_assert(S_ISLNK(lst.st_mode), "the link is still a link");
    char *text = ct_read(keep, NULL);
    cr_assert_str_eq(text, "precious\n", "its target untouched");
    free(text);
    ct_free(&r);

    /* a regular file (or a new name) is still written */
    char out[4096];
    snprintf(out, sizeof out, "%.2000s/report.json", dir);
    r = run("--format json -o %s %s", out, a);
    cr_assert_eq(r.status, 0, "%s", r.err);
    text = ct_read(out, NULL);
    cr_assert(text && strstr(text, "\"files\""), "written");
    free(text);
    ct_free(&r);
    free(a);
    free(keep);
}

Test(hostile2, output_never_replaces_a_file_the_run_reads)
{
    char *dir = ct_tmpdir();
    char *a = ct_write(dir, "a.txt", "The mayor spoke.\n", 17);
    char *words = ct_write(dir, "words.txt", "Zhaoxing\n", 9);
    char args[8192];
    snprintf(args, sizeof args, "--dict %s -o %s %s", words, words, a);
    ct_result r = ct_run(args, NULL);
    cr_assert_eq(r.status, 2, "a word list is not an output: %s", r.err);
    cr_assert(strstr(r.err, "which this run reads"), "%s", r.err);
    ct_free(&r);
    char *text = ct_read(words, NULL);
    cr_assert_str_eq(text, "Zhaoxing\n");
    free(text);

    char *ini = ct_write(dir, ".mtcheck.ini", "fail-on = critical\n", 19);
    r = run("-o %s %s", ini, a);
    cr_assert_eq(r.status, 2, "the configuration is not an output: %s", r.err);
    text = ct_read(ini, NULL);
    cr_assert_str_eq(text, "fail-on = critical\n");
    free(text);
    ct_free(&r);
    free(a);
    free(words);
    free(ini);
}

Test(hostile2, file_names_cannot_inject_into_standard_error)
{
    char *dir = ct_tmpdir();
    char name[256];
    snprintf(name, sizeof name, "%.150s/x\n::error file=evil::pwned\x1b]0;title\a.txt", dir);
    ct_result r = run("'%s'", name, "");
    cr_assert_eq(r.status, 2);
    cr_assert_null(strstr(r.err, "\n::error"), "no workflow command starts a line: %s", r.err);
    cr_assert_null(strchr(r.err, '\x1b'), "no ESC reaches the terminal");
    cr_assert_null(strchr(r.err, '\a'), "no BEL");
    cr_assert(strstr(r.err, "x\\x0a::error") && strstr(r.err, "\\x1b]0;title\\x07"),
              "shown escaped: %s", r.err);
    ct_free(&r);
}

Test(hostile2, checkstyle_carries_only_xml_characters)
{
    char *dir = ct_tmpdir();
    char name[256];
    snprintf(name, sizeof name, "a\xef\xbf\xbe\tb.txt"); /* U+FFFE and a tab */
    char *p = ct_write(dir, name, "Teh mayor said teh thing.\n", 26);
    ct_result r = run("--format checkstyle '%s'", p, "");
    cr_assert_lt(r.status, 2, "%s", r.err);
    cr_assert_null(strstr(r.out, "\xef\xbf\xbe"), "U+FFFE replaced: %s", r.out);
    cr_assert_null(strchr(r.out, '\t'), "a tab in an attribute is a reference");
    cr_assert(strstr(r.out, "&#9;"), "%s", r.out);
    ct_free(&r);
    free(p);
}

Test(hostile2, configuration_lines_longer_than_the_parser_are_errors)
{
    char *dir = ct_tmpdir();
    char *line = repeat("x", 197, "disable = all\n");
    char *text = malloc(strlen(line) + 3);
    sprintf(text, "; %s", line);
    free(ct_write(dir, ".mtcheck.ini", text, strlen(text)));
    char *a = ct_write(dir, "a.txt", "The mayor said teh thing.\n", 26);
    ct_result r = run("%s", a, "");
    cr_assert_eq(r.status, 2, "never split into a hidden switch: %s", r.err);
    cr_assert(strstr(r.err, ".mtcheck.ini:1: line is"), "names file and line: %s", r.err);
    ct_free(&r);
    /* a list split over several keys is read whole */
    const char *split = "disable = spelling\ndisable = grammar\n";
    free(ct_write(dir, ".mtcheck.ini", split, strlen(split)));
    r = run("--format json %s", a, "");
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert_null(strstr(r.out, "spelling."), "both keys apply: %s", r.out);
    ct_free(&r);
    free(line);
    free(text);
    free(a);
}

/* A copy of the system's en_US dictionary with one line added to its .aff. */
static char *broken_dicpath(const char *extra_aff_line)
{
    char *dir = ct_tmpdir();
    char *copy = strdup(dir);
    size_t alen, dlen;
    char *aff = ct_read("/usr/share/hunspell/en_US.aff", &alen);
    char *dic = ct_read("/usr/share/hunspell/en_US.dic", &dlen);
    cr_assert(aff && dic, "hunspell-en-us is installed");
    char *both = malloc(alen + strlen(extra_aff_line) + 2);
    memcpy(both, aff, alen);
    memcpy(both + alen, extra_aff_line, strlen(extra_aff_line));
    both[alen + strlen(extra_aff_line)] = '\n';
    free(ct_write(copy, "en_US.aff", both, alen + strlen(extra_aff_line) + 1));
    free(ct_write(copy, "en_US.dic", dic, dlen));
    free(both);
    free(aff);
    free(dic);
    return copy;
}

Test(hostile2, broken_dictionaries_are_errors_never_crashes)
{
    const char *lines[] = {"REP 2000000000", "MAP 2000000000", "BREAK 2000000000",
                           "COMPOUNDRULE 2000000000", "CHECKCOMPOUNDPATTERN 2000000000",
                           "PHONE 2000000000", "ICONV 7", "SFX Q Y 2000000000"};
    char *article = ct_write(ct_tmpdir(), "a.txt", "The mayor said teh thing.\n", 26);
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        char *dp = broken_dicpath(lines[i]);
        ct_result r = run("--dicpath %s %s", dp, article);
        cr_assert_eq(r.status, 2, "%s: exit 2, not a crash (%d): %s", lines[i], r.status, r.err);
        cr_assert(strstr(r.err, "en_US.aff:") && strstr(r.err, "entries"),
                  "%s: names the file and line: %s", lines[i], r.err);
        ct_free(&r);
        free(dp);
    }
    /* the unmodified copy works: the check accepts real dictionaries */
    char *good = broken_dicpath("# nothing added");
    ct_result r = run("--format json --dicpath %s %s", good, article);
    cr_assert_eq(r.status, 1, "%s", r.err);
    cr_assert(strstr(r.out, "\"teh\""), "%s", r.out);
    ct_free(&r);
    /* a word count far beyond the file */
    char *dir = ct_tmpdir();
    size_t alen;
    char *aff = ct_read("/usr/share/hunspell/en_US.aff", &alen);
    free(ct_write(dir, "en_US.aff", aff, alen));
    free(ct_write(dir, "en_US.dic", "2000000000\nhello\n", 17));
    r = run("--dicpath %s %s", dir, article);
    cr_assert_eq(r.status, 2, "%s", r.err);
    cr_assert(strstr(r.err, "en_US.dic:1: the word count"), "%s", r.err);
    ct_free(&r);
    free(aff);
    free(good);
    free(article);
}

#include <dirent.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>

/* 1 if dir holds a file whose name contains ".tmp." */
static int has_temporary(const char *dir)
{
    DIR *d = opendir(dir);
    cr_assert_not_null(d);
    struct dirent *de;
    int found = 0;
    while ((de = readdir(d)) != NULL)
        found |= strstr(de->d_name, ".tmp.") != NULL;
    closedir(d);
    return found;
}

static void interrupt_mid_run(int sig)
{
    char *dir = ct_tmpdir();
    char *copy = strdup(dir);
    char arts[8192];
    snprintf(arts, sizeof arts, "%.4000s/articles", copy);
    cr_assert_eq(mkdir(arts, 0755), 0);
    char *para = repeat("The mayor said the new bridge would open next spring. ", 2000, "\n");
    for (int i = 0; i < 150; i++) {
        char name[32];
        snprintf(name, sizeof name, "a%03d.txt", i);
        free(ct_write(arts, name, para, strlen(para)));
    }
    char *report = ct_write(copy, "report.json", "old report\n", 11);
    pid_t pid = fork();
    cr_assert_neq(pid, -1);
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        execl(ct_bin(), "mtcheck", "--format", "json", "-o", report, arts, (char *)NULL);
        _exit(127);
    }
    /* wait (at most 60 s) until the temporary report exists, then signal */
    int seen = 0;
    for (int i = 0; i < 6000 && !seen; i++) {
        seen = has_temporary(copy);
        if (!seen)
            nanosleep(&(struct timespec){0, 10000000}, NULL);
    }
    cr_assert(seen, "the run writes its report to a temporary file first");
    kill(pid, sig);
    int status;
    cr_assert_eq(waitpid(pid, &status, 0), pid);
    cr_assert(WIFSIGNALED(status) && WTERMSIG(status) == sig, "ended by the signal (%d)", status);
    cr_assert_not(has_temporary(copy), "no temporary file left behind");
    char *text = ct_read(report, NULL);
    cr_assert_str_eq(text, "old report\n", "the previous report is kept");
    free(text);
    free(report);
    free(para);
    free(copy);
}

Test(hostile2, sigterm_mid_batch_removes_temporary_files) { interrupt_mid_run(SIGTERM); }
Test(hostile2, sigint_mid_batch_removes_temporary_files) { interrupt_mid_run(SIGINT); }

/* ---- the issue's sizes: make bench-huge (MTC_HUGE=1) ---- */

static void require_huge(void)
{
    const char *h = getenv("MTC_HUGE");
    if (!h || strcmp(h, "1") != 0)
        cr_skip_test("set MTC_HUGE=1 (make bench-huge)");
}

static void huge_html(const char *unit, size_t times)
{
    require_huge();
    char *dir = ct_tmpdir();
    char *html = repeat(unit, times, "");
    char *p = ct_write(dir, "deep.html", html, strlen(html));
    char *ok = ct_write(dir, "ok.txt", "The mayor spoke.\n", 17);
    ct_result r = run("--format jsonl %s %s", p, ok);
    cr_assert_eq(r.status, 2, "refused, not a crash (%d): %s", r.status, r.err);
    cr_assert(strstr(r.err, "nested deeper than"), "%s", r.err);
    cr_assert(strstr(r.out, "ok.txt"), "the other article is checked");
    ct_free(&r);
    free(html);
    free(p);
    free(ok);
}

Test(huge, html_80000_nested_tables) { huge_html("<table><tr><td>", 80000); }
Test(huge, html_400000_nested_divs) { huge_html("<div>", 400000); }

Test(huge, markdown_4000_column_table_over_4000_rows)
{
    require_huge();
    char *dir = ct_tmpdir();
    char *head = repeat("a|", 4000, "\n");
    char *delim = repeat("-|", 4000, "\n");
    char *rows = repeat("x\n", 20000, "\nThe mayor said teh thing.\n");
    size_t n = strlen(head) + strlen(delim) + strlen(rows) + 2;
    char *md = malloc(n + 1);
    snprintf(md, n + 1, "|%s|%s%s", head, delim, rows);
    char *p = ct_write(dir, "table.md", md, strlen(md));
    ct_result r = run("--format json %s", p, "");
    cr_assert_lt(r.status, 2, "%s", r.err);
    cr_assert(strstr(r.out, "\"teh\""));
    ct_free(&r);
    free(head);
    free(delim);
    free(rows);
    free(md);
    free(p);
}

Test(huge, symlink_dag_of_16_levels)
{
    require_huge();
    char *dir = ct_tmpdir();
    char path[8192], target[64];
    for (int i = 0; i <= 16; i++) {
        snprintf(path, sizeof path, "%.2000s/d%d", dir, i);
        cr_assert_eq(mkdir(path, 0755), 0);
    }
    for (int i = 0; i < 16; i++) {
        snprintf(target, sizeof target, "../d%d", i + 1);
        snprintf(path, sizeof path, "%.2000s/d%d/a", dir, i);
        cr_assert_eq(symlink(target, path), 0);
        snprintf(path, sizeof path, "%.2000s/d%d/b", dir, i);
        cr_assert_eq(symlink(target, path), 0);
    }
    snprintf(path, sizeof path, "%.2000s/d16", dir);
    free(ct_write(path, "x.txt", "The mayor spoke.\n", 17));
    snprintf(path, sizeof path, "%.2000s/d0", dir);
    ct_result r = run("--format jsonl %s", path, "");
    cr_assert_eq(r.status, 0, "%s", r.err);
    size_t lines = 0;
    for (const char *c = r.out; *c; c++)
        lines += *c == '\n';
    cr_assert_eq(lines, 1, "checked once, not 65,536 times");
    ct_free(&r);
}

/* ---- the directory-walk fuzz target, replayed on fixed programs ---- */

#define LLVMFuzzerTestOneInput hx2_fuzz_walk
#include "fuzz/fuzz_walk.c"
#undef LLVMFuzzerTestOneInput

Test(hostile2, fuzz_walk_replay)
{
    /* folders, files, links up and down, dangling links, hard links */
    static const uint8_t programs[][16] = {
        {0, 0, 1, 1, 2, 0, 2, 1, 4, 2, 3, 0, 0, 3, 2, 4},
        {0, 0, 0, 1, 0, 2, 2, 0, 2, 1, 2, 2, 1, 5, 4, 6},
        {1, 0, 1, 1, 1, 2, 4, 1, 4, 2, 2, 1, 2, 2, 3, 3},
        {0, 7, 2, 0, 2, 7, 0, 14, 2, 1, 1, 21, 2, 3, 4, 4},
    };
    for (size_t i = 0; i < sizeof programs / sizeof programs[0]; i++)
        hx2_fuzz_walk(programs[i], sizeof programs[i]);
    DIR *d = opendir("tests/fuzz/seeds");
    if (!d)
        return;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        char path[600];
        snprintf(path, sizeof path, "tests/fuzz/seeds/%s", de->d_name);
        size_t len;
        char *bytes = ct_read(path, &len);
        if (bytes)
            hx2_fuzz_walk((const uint8_t *)bytes, len < 96 ? len : 96);
        free(bytes);
    }
    closedir(d);
}

Test(hostile2, stdin_jsonl_ids_round_trip_and_records_are_bounded)
{
    char *dir = ct_tmpdir();
    const char *in = "{\"id\": 18446744073709551615, \"text\": \"The mayor spoke.\"}\n"
                     "{\"id\": 123456789012345678901234567890, \"text\": \"The mayor spoke.\"}\n"
                     "{\"id\": -5, \"text\": \"The mayor spoke.\"}\n"
                     "{\"id\": \"a\", \"text\": \"The mayor said the plan would pass.\"}\n";
    char *p = ct_write(dir, "in.jsonl", in, strlen(in));
    ct_result r = ct_run("--stdin-jsonl --format jsonl", p);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert(strstr(r.out, "{\"id\": 18446744073709551615,"), "%s", r.out);
    cr_assert(strstr(r.out, "{\"id\": 123456789012345678901234567890,"), "%s", r.out);
    cr_assert(strstr(r.out, "{\"id\": -5,"), "%s", r.out);
    cr_assert(strstr(r.out, "{\"id\": \"a\","), "strings stay strings: %s", r.out);
    ct_free(&r);
    /* a record over --max-bytes is answered with an error, the next is checked */
    char *big = repeat("x", 300000, "");
    char *text = malloc(strlen(big) + 200);
    sprintf(text, "{\"id\": 1, \"text\": \"%s\"}\n{\"id\": 2, \"text\": \"The mayor spoke.\"}\n", big);
    char *q = ct_write(dir, "big.jsonl", text, strlen(text));
    r = ct_run("--stdin-jsonl --max-bytes 100K --format jsonl", q);
    cr_assert_eq(r.status, 2, "%s", r.err);
    cr_assert(strstr(r.out, "\"line\": 1, \"error\": \"record is larger than --max-bytes"), "%s",
              r.out);
    cr_assert(strstr(r.out, "{\"id\": 2,"), "the next record is checked: %s", r.out);
    ct_free(&r);
    free(big);
    free(text);
    free(p);
    free(q);
}

Test(hostile2, markdown_summary_escapes_the_backslash)
{
    char *dir = ct_tmpdir();
    char *p = ct_write(dir, "\\[click here\\](https:\\\\evil.example\\\\login).txt",
                       "Teh mayor spoke.\n", 17);
    ct_result r = run("--format markdown '%s'", p, "");
    cr_assert_null(strstr(r.out, "\\[click here\\](https"), "no live link: %s", r.out);
    cr_assert(strstr(r.out, "\\\\\\[click here\\\\\\]\\(https"), "backslashes escaped: %s", r.out);
    ct_free(&r);
    free(p);
}

Test(hostile2, explicit_files_are_never_excluded)
{
    char *dir = ct_tmpdir();
    free(ct_write(dir, ".mtcheck.ini", "exclude = **\n", 13));
    char *a = ct_write(dir, "a.txt", "The mayor said teh thing.\n", 26);
    ct_result r = run("--format json %s", a, "");
    cr_assert_eq(r.status, 1, "the named file is checked: %s", r.err);
    cr_assert(strstr(r.out, "\"teh\""), "%s", r.out);
    ct_free(&r);
    r = run("--format json %s", dir, "");
    cr_assert_eq(r.status, 2, "a folder whose every article is excluded: exit 2 (%s)", r.err);
    cr_assert(strstr(r.err, "no article"), "and says so: %s", r.err);
    ct_free(&r);
    free(a);
}
