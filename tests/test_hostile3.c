/* test_hostile3.c — hostile input, round 2 (issue 18), the cases that were
 * quadratic or snowballed: thousands of suppression comments over
 * thousands of issues (4), `--html-dir` inside the folder it checks (14),
 * re-running `--html-dir` over an earlier run's pages (15), and the
 * --stdin-jsonl fuzz target's seeds replayed (tests/fuzz/fuzz_stdin_jsonl.c),
 * and the pages of --html-dir made durable in batches (one sync per 128
 * pages, not an fsync each: case 15's second round).
 * The suppression index is also compared, on random directives, with the
 * plain scan it replaced. Small sizes here; suite `huge` (MTC_HUGE=1, `make
 * bench-huge`) has the issue's sizes and prints their time and peak memory.
 * No assertion is about time: every run is under `timeout`. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <fcntl.h>
#include <json-c/json.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "buffer.h"
#include "clitest.h"
#include "document.h"
#include "escape.h"
#include "inputs.h"
#include "report_html.h"
#include "suppress.h"
#include "testutil.h"

#define LLVMFuzzerTestOneInput h3_fuzz_stdin_jsonl
#include "fuzz/fuzz_stdin_jsonl.c"
#undef LLVMFuzzerTestOneInput

/* ---- helpers ---- */

static char *h3_path(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = mtc_xmalloc(n);
    snprintf(p, n, "%s/%s", dir, name);
    return p;
}

static size_t h3_count(const char *s, const char *needle)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

/* Files in dir whose names end with suffix. */
static size_t h3_files(const char *dir, const char *suffix)
{
    DIR *d = opendir(dir);
    cr_assert_not_null(d, "%s", dir);
    size_t n = 0, k = strlen(suffix);
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        size_t l = strlen(de->d_name);
        n += de->d_name[0] != '.' && l >= k && strcmp(de->d_name + l - k, suffix) == 0;
    }
    closedir(d);
    return n;
}

/* The number of issues of rule in a --format json report. */
static size_t h3_issues_of(const char *json, const char *rule)
{
    json_object *o = json_tokener_parse(json);
    cr_assert_not_null(o, "not JSON: %.300s", json);
    json_object *files = NULL;
    cr_assert(json_object_object_get_ex(o, "files", &files));
    size_t n = 0;
    for (size_t f = 0; f < json_object_array_length(files); f++) {
        json_object *issues = NULL;
        if (!json_object_object_get_ex(json_object_array_get_idx(files, f), "issues", &issues))
            continue;
        for (size_t i = 0; i < json_object_array_length(issues); i++) {
            json_object *r = NULL;
            json_object_object_get_ex(json_object_array_get_idx(issues, i), "rule", &r);
            n += r && strcmp(json_object_get_string(r), rule) == 0;
        }
    }
    json_object_put(o);
    return n;
}

/* Markdown of `blocks` blocks, each a comment (made by comment(i)) and a
 * line of `per` unclosed brackets. */
static char *h3_suppressed_markdown(size_t blocks, size_t per, void (*comment)(size_t, char *, size_t))
{
    size_t cap = blocks * (per + 80) + 1, len = 0;
    char *s = mtc_xmalloc(cap);
    for (size_t i = 0; i < blocks; i++) {
        char c[64];
        comment(i, c, sizeof c);
        len += (size_t)snprintf(s + len, cap - len, "%s\n", c);
        memset(s + len, '(', per);
        len += per;
        s[len++] = '\n';
        s[len++] = '\n';
    }
    s[len] = '\0';
    return s;
}

static void h3_disable_own_name(size_t i, char *c, size_t n)
{
    snprintf(c, n, "<!--mtcheck-disable r%zu-->", i); /* names no rule: suppresses nothing */
}

static void h3_disable_then_enable(size_t i, char *c, size_t n)
{
    snprintf(c, n, i % 2 ? "<!--mtcheck-enable all-->" : "<!--mtcheck-disable brackets-->");
}

static void h3_disable_rule_enable_other(size_t i, char *c, size_t n)
{
    /* enables that name another rule close nothing: off from block 1 on */
    snprintf(c, n, i == 1 ? "<!--mtcheck-disable brackets.unbalanced-->" : "<!--mtcheck-enable spelling-->");
}

/* ---- case 4: suppressions, small ---- */

Test(hostile3, many_suppressions_over_many_issues_keep_their_meaning)
{
    char *dir = ct_tmpdir();
    struct {
        void (*comment)(size_t, char *, size_t);
        size_t expected; /* brackets.unbalanced issues left of 200 x 25 */
    } cases[] = {
        {h3_disable_own_name, 5000},
        {h3_disable_then_enable, 2500},
        {h3_disable_rule_enable_other, 25},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        char *md = h3_suppressed_markdown(200, 25, cases[c].comment);
        char name[32];
        snprintf(name, sizeof name, "s%zu.md", c);
        char *p = ct_write(dir, name, md, strlen(md));
        char args[4400];
        snprintf(args, sizeof args, "--format json --fail-on none '%s'", p);
        ct_result r = ct_run(args, NULL);
        cr_assert_eq(r.status, 0, "case %zu: %s", c, r.err);
        size_t got = h3_issues_of(r.out, "brackets.unbalanced");
        cr_expect_eq(got, cases[c].expected, "case %zu: %zu unclosed brackets reported, not %zu", c,
                     got, cases[c].expected);
        ct_free(&r);
        free(p);
        free(md);
    }
    free(dir);
}

/* The pairing and matching the index replaced, kept here as the reference:
 * each rule of a disable runs to the first later enable naming it or all. */
typedef struct h3_dir {
    int kind; /* 0 disable, 1 enable */
    size_t start, end;
    char rules[64];
} h3_dir;

static int h3_has(const char *list, const char *w, size_t k)
{
    for (const char *p = list; *p;) {
        const char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n == k && memcmp(p, w, k) == 0)
            return 1;
        if (!e)
            break;
        p = e + 1;
    }
    return 0;
}

Test(hostile3, suppression_index_answers_like_the_plain_scan)
{
    static const char *const names[] = {"all", "spelling", "quotes", "brackets",
                                        "brackets.unbalanced", "r1", "r2", "typography"};
    uint64_t seed = 0x9E3779B97F4A7C15ull;
#define H3_RAND() (seed = seed * 6364136223846793005ull + 1442695040888963407ull, (size_t)(seed >> 33))
    for (int round = 0; round < 300; round++) {
        size_t n = 1 + H3_RAND() % 40, src_len = n * 100 + 50;
        char *source = mtc_xmalloc(src_len + 1);
        memset(source, 'x', src_len);
        source[src_len] = '\0';
        h3_dir *d = mtc_xcalloc(n, sizeof *d);
        mtc_suppress_builder b;
        memset(&b, 0, sizeof b);
        for (size_t i = 0; i < n; i++) {
            d[i].kind = (int)(H3_RAND() % 2);
            d[i].start = i * 100 + H3_RAND() % 40;
            d[i].end = d[i].start + 20;
            size_t words = H3_RAND() % 3, w = 0;
            for (size_t k = 0; k < words; k++)
                w += (size_t)snprintf(d[i].rules + w, sizeof d[i].rules - w, "%s%s", w ? " " : "",
                                      names[H3_RAND() % 8]);
            char text[128];
            snprintf(text, sizeof text, " mtcheck-%s %s ", d[i].kind ? "enable" : "disable",
                     d[i].rules);
            if (!words)
                strcpy(d[i].rules, "all");
            cr_assert_eq(mtc_suppress_comment(&b, text, strlen(text), d[i].start, d[i].end), 1);
        }
        mtc_suppression *got = NULL;
        size_t n_got = 0;
        mtc_suppress_finish(&b, source, src_len, &got, &n_got);
        /* the reference ranges, in the same order */
        size_t k = 0;
        for (size_t i = 0; i < n; i++) {
            if (d[i].kind != 0)
                continue;
            for (const char *p = d[i].rules; *p;) {
                const char *e = strchr(p, ' ');
                size_t len = e ? (size_t)(e - p) : strlen(p);
                size_t end = src_len;
                for (size_t j = i + 1; j < n; j++)
                    if (d[j].kind == 1 && (h3_has(d[j].rules, p, len) || h3_has(d[j].rules, "all", 3))) {
                        end = d[j].start;
                        break;
                    }
                if (end > d[i].end) {
                    cr_assert_lt(k, n_got, "round %d: fewer ranges than the scan", round);
                    cr_assert_eq(got[k].start, d[i].end, "round %d range %zu", round, k);
                    cr_assert_eq(got[k].end, end, "round %d range %zu: end %zu, not %zu", round, k,
                                 got[k].end, end);
                    cr_assert(strlen(got[k].rules) == len && memcmp(got[k].rules, p, len) == 0);
                    k++;
                }
                if (!e)
                    break;
                p = e + 1;
            }
        }
        cr_assert_eq(k, n_got, "round %d: %zu ranges, the scan makes %zu", round, n_got, k);
        /* the index: every offset, every name, against a scan of the ranges */
        mtc_suppress_index *ix = mtc_suppress_index_build(got, n_got);
        for (size_t off = 0; off <= src_len; off += 7)
            for (size_t q = 0; q < 8; q++) {
                int want = 0;
                for (size_t r = 0; r < n_got; r++)
                    want |= off >= got[r].start && off < got[r].end &&
                            h3_has(got[r].rules, names[q], strlen(names[q]));
                cr_assert_eq(mtc_suppress_index_covers(ix, off, names[q], strlen(names[q])), want,
                             "round %d: offset %zu, %s", round, off, names[q]);
            }
        cr_assert_eq(mtc_suppress_index_covers(ix, 0, "nothing", 7), 0);
        mtc_suppress_index_free(ix);
        free(got);
        free(d);
        free(source);
    }
#undef H3_RAND
    cr_assert_null(mtc_suppress_index_build(NULL, 0));
    cr_assert_eq(mtc_suppress_index_covers(NULL, 0, "all", 3), 0);
}

/* ---- case 14: --html-dir inside the folder it checks ---- */

static void h3_write_articles(const char *dir, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char name[32], text[96];
        snprintf(name, sizeof name, "a%04zu.txt", i);
        int len = snprintf(text, sizeof text, "Article %zu.\n\nThe mayor said teh plan would pass.\n", i);
        free(ct_write(dir, name, text, (size_t)len));
    }
}

Test(hostile3, html_dir_inside_the_checked_folder_checks_the_same_files_each_time)
{
    char *dir = ct_tmpdir();
    char *hin = h3_path(dir, "hin");
    cr_assert_eq(mkdir(hin, 0755), 0);
    h3_write_articles(hin, 5);
    /* a page of the user's own, not mtcheck's, stays an article */
    const char *own = "<html><body><p>The mayor said teh plan would pass.</p></body></html>\n";
    free(ct_write(hin, "own.html", own, strlen(own)));
    char args[4400];
    snprintf(args, sizeof args, "--format jsonl --html-dir '%s' '%s'", hin, hin);
    char *index = h3_path(hin, "index.html");
    for (int run = 0; run < 3; run++) {
        unlink(index);
        ct_result r = ct_run(args, NULL);
        cr_assert_eq(r.status, 1, "run %d: %s", run, r.err);
        cr_expect_eq(h3_count(r.out, "{\"id\": "), 6, "run %d: 6 articles, not the pages: %s", run,
                     r.out);
        cr_expect_null(strstr(r.out, "-hin-a0000.html"), "run %d: a page checked as an article",
                       run);
        cr_expect_eq(access(index, F_OK), 0, "run %d: index.html written: %s", run, r.err);
        cr_expect_eq(h3_files(hin, ".html"), 6 + 1 + 1, "run %d: 6 pages, the index, own.html",
                     run);
        ct_free(&r);
    }
    /* the html folder inside the checked one: the same */
    char *hin2 = h3_path(dir, "hin2");
    cr_assert_eq(mkdir(hin2, 0755), 0);
    h3_write_articles(hin2, 5);
    char *sub = h3_path(hin2, "review");
    snprintf(args, sizeof args, "--format jsonl --html-dir '%s' '%s'", sub, hin2);
    for (int run = 0; run < 3; run++) {
        ct_result r = ct_run(args, NULL);
        cr_assert_eq(r.status, 1, "run %d: %s", run, r.err);
        cr_expect_eq(h3_count(r.out, "{\"id\": "), 5, "run %d: %s", run, r.out);
        cr_expect_eq(h3_files(sub, ".html"), 6, "run %d", run);
        ct_free(&r);
    }
    free(hin2);
    free(sub);
    free(index);
    free(hin);
    free(dir);
}

Test(hostile3, walk_leaves_out_only_mtcheck_pages_in_the_html_folder)
{
    char *dir = ct_tmpdir();
    const char *page = "<!DOCTYPE html>\n<html><head>\n" MTC_GENERATOR_MARK "0.1\">\n</head></html>\n";
    free(ct_write(dir, "001-x.html", page, strlen(page)));
    free(ct_write(dir, "mine.html", "<p>The mayor spoke.</p>\n", 24));
    free(ct_write(dir, "a.txt", "The mayor spoke.\n", 17));
    char *args[1] = {dir};
    mtc_input_list l;
    mtc_inputs_collect_outside(args, 1, dir, &l);
    cr_assert_eq(l.n, 2, "a.txt and mine.html, not the generated page (%zu)", l.n);
    for (size_t i = 0; i < l.n; i++)
        cr_expect_null(strstr(l.paths[i], "001-x"), "%s", l.paths[i]);
    mtc_inputs_free(&l);
    /* without --html-dir, or another folder as it, every article is listed */
    mtc_inputs_collect(args, 1, &l);
    cr_assert_eq(l.n, 3);
    mtc_inputs_free(&l);
    mtc_inputs_collect_outside(args, 1, "/nonexistent/mtcheck", &l);
    cr_assert_eq(l.n, 3);
    mtc_inputs_free(&l);
    /* a page named on the command line is checked: explicit files never drop out */
    char *explicit_page = h3_path(dir, "001-x.html");
    char *args2[1] = {explicit_page};
    mtc_inputs_collect_outside(args2, 1, dir, &l);
    cr_assert_eq(l.n, 1);
    mtc_inputs_free(&l);
    cr_expect(mtc_inputs_is_mtcheck_page(explicit_page));
    free(explicit_page);
    free(dir);
}

/* ---- case 15: re-running --html-dir ---- */

Test(hostile3, html_dir_rerun_replaces_pages_and_removes_stale_ones)
{
    char *dir = ct_tmpdir();
    char *in = h3_path(dir, "in"), *out = h3_path(dir, "out");
    cr_assert_eq(mkdir(in, 0755), 0);
    h3_write_articles(in, 60);
    char args[4400];
    snprintf(args, sizeof args, "--format jsonl --fail-on none --html-dir '%s' '%s'", out, in);
    for (int run = 0; run < 2; run++) {
        ct_result r = ct_run(args, NULL);
        cr_assert_eq(r.status, 0, "run %d: %s", run, r.err);
        cr_expect_eq(h3_count(r.out, "{\"id\": "), 60);
        cr_expect_eq(h3_files(out, ".html"), 61, "run %d: 60 pages and the index", run);
        ct_free(&r);
    }
    /* ten articles fewer: their pages go, the others are rewritten */
    for (size_t i = 50; i < 60; i++) {
        char name[32];
        snprintf(name, sizeof name, "a%04zu.txt", i);
        char *p = h3_path(in, name);
        unlink(p);
        free(p);
    }
    ct_result r = ct_run(args, NULL);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_expect_eq(h3_files(out, ".html"), 51);
    ct_free(&r);
    /* a page that would replace an input is still refused (the lookup is
     * by device and inode, through a hard link too) */
    char *page = h3_path(out, "001-in-a0000.html"), *article = h3_path(in, "a0001.txt");
    cr_assert_eq(access(page, F_OK), 0, "page name as expected");
    cr_assert_eq(unlink(page), 0);
    cr_assert_eq(link(article, page), 0);
    r = ct_run(args, NULL);
    cr_expect_eq(r.status, 2, "%s", r.err);
    cr_expect(strstr(r.err, "over an input file"), "%s", r.err);
    ct_free(&r);
    free(article);
    free(page);
    free(in);
    free(out);
    free(dir);
}

/* ---- case 15, second round: pages made durable in batches ---- */

/* Files in dir whose names contain ".tmp." (temporary outputs). */
static size_t h3_temporaries(const char *dir)
{
    DIR *d = opendir(dir);
    cr_assert_not_null(d, "%s", dir);
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL)
        n += strstr(de->d_name, ".tmp.") != NULL;
    closedir(d);
    return n;
}

static void h3_batch_put(mtc_output_batch *b, const char *dir, size_t i)
{
    char name[32];
    snprintf(name, sizeof name, "p%03zu.html", i);
    char *path = h3_path(dir, name);
    mtc_input_list none;
    memset(&none, 0, sizeof none);
    mtc_output out;
    mtc_error err;
    cr_assert_eq(mtc_output_open(path, &none, &out, &err), MTC_OK, "%s", err.message);
    fprintf(out.fp, "page %zu\n", i);
    cr_assert_eq(mtc_output_batch_add(b, &out, &err), MTC_OK, "%s", err.message);
    cr_assert_null(out.fp);
    free(path);
}

Test(hostile3, output_batch_renames_a_whole_batch_after_one_sync)
{
    char *dir = ct_tmpdir();
    mtc_output_batch *b = mtc_output_batch_new(100000); /* capped: each keeps its signal slot */
    for (size_t i = 0; i < 127; i++)
        h3_batch_put(b, dir, i);
    /* waiting: not one page under its name, every one a temporary file */
    cr_expect_eq(h3_files(dir, ".html"), 0);
    cr_expect_eq(h3_temporaries(dir), 127);
    h3_batch_put(b, dir, 127); /* the 128th fills the batch */
    cr_expect_eq(h3_files(dir, ".html"), 128);
    cr_expect_eq(h3_temporaries(dir), 0);
    for (size_t i = 128; i < 300; i++)
        h3_batch_put(b, dir, i);
    cr_expect_eq(h3_files(dir, ".html"), 256);
    mtc_error err;
    cr_assert_eq(mtc_output_batch_finish(b, &err), MTC_OK, "%s", err.message);
    cr_expect_eq(h3_files(dir, ".html"), 300);
    cr_expect_eq(h3_temporaries(dir), 0);
    for (size_t i = 0; i < 300; i += 37) {
        char name[32], want[32];
        snprintf(name, sizeof name, "p%03zu.html", i);
        snprintf(want, sizeof want, "page %zu\n", i);
        char *p = h3_path(dir, name);
        char *text = ct_read(p, NULL);
        cr_expect_str_eq(text, want, "%s", name);
        free(text);
        free(p);
    }
    /* freed with files waiting: they are removed, never renamed */
    for (size_t i = 300; i < 310; i++)
        h3_batch_put(b, dir, i);
    mtc_output_batch_free(b);
    cr_expect_eq(h3_files(dir, ".html"), 300);
    cr_expect_eq(h3_temporaries(dir), 0);
    mtc_output_batch_free(NULL);
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
    free(dir);
}

Test(hostile3, html_dir_pages_in_batches_are_whole_self_contained_and_unchanged)
{
    char *dir = ct_tmpdir();
    char *in = h3_path(dir, "in"), *out = h3_path(dir, "out"), *one = h3_path(dir, "one");
    cr_assert_eq(mkdir(in, 0755), 0);
    h3_write_articles(in, 300); /* two full batches and a part */
    char args[4400];
    snprintf(args, sizeof args, "--format jsonl --fail-on none --html-dir '%s' '%s'", out, in);
    for (int run = 0; run < 2; run++) { /* a fresh folder, then over the earlier pages */
        ct_result r = ct_run(args, NULL);
        cr_assert_eq(r.status, 0, "run %d: %s", run, r.err);
        cr_expect_eq(h3_files(out, ".html"), 301, "run %d: 300 pages and the index", run);
        cr_expect_eq(h3_temporaries(out), 0, "run %d: no temporary file left", run);
        ct_free(&r);
    }
    /* every page is whole and self-contained: one inline style and script,
     * the policy hashed once per process is the policy of the assets */
    mtc_buf csp = MTC_BUF_INIT, attr = MTC_BUF_INIT;
    mtc_html_csp(&csp);
    mtc_escape_html(&attr, csp.data, csp.len);
    mtc_buf_puts(&attr, "\">");
    static const size_t probe[] = {0, 1, 126, 127, 128, 200, 255, 256, 299};
    for (size_t k = 0; k < sizeof probe / sizeof probe[0]; k++) {
        char name[64];
        snprintf(name, sizeof name, "%03zu-in-a%04zu.html", probe[k] + 1, probe[k]);
        char *p = h3_path(out, name);
        char *page = ct_read(p, NULL);
        cr_assert_not_null(page, "%s written", name);
        cr_expect_eq(strncmp(page, "<!DOCTYPE html>", 15), 0, "%s", name);
        cr_expect_eq(h3_count(page, "<style>"), 1, "%s", name);
        cr_expect_eq(h3_count(page, "<script>"), 1, "%s", name);
        cr_expect_eq(h3_count(page, "<link"), 0, "%s: nothing loaded from a file", name);
        cr_expect_eq(h3_count(page, attr.data), 1, "%s: the policy of the built-in assets", name);
        size_t n = strlen(page);
        cr_expect(n > 20 && strcmp(page + n - 8, "</html>\n") == 0, "%s ends whole", name);
        free(page);
        free(p);
    }
    mtc_buf_free(&csp);
    mtc_buf_free(&attr);
    /* a page is the same bytes whether its article was checked alone or
     * in a batch of 300 */
    char *first = h3_path(in, "a0000.txt");
    snprintf(args, sizeof args, "--format jsonl --fail-on none --html-dir '%s' '%s'", one, first);
    ct_result r = ct_run(args, NULL);
    cr_assert_eq(r.status, 0, "%s", r.err);
    ct_free(&r);
    char *pa = h3_path(out, "001-in-a0000.html"), *pb = h3_path(one, "001-in-a0000.html");
    size_t la, lb;
    char *a = ct_read(pa, &la), *b = ct_read(pb, &lb);
    cr_assert(a && b);
    cr_expect(la == lb && memcmp(a, b, la) == 0, "the same page alone and in a batch");
    free(a);
    free(b);
    free(pa);
    free(pb);
    free(first);
    snprintf(args, sizeof args, "rm -rf '%s'", dir);
    cr_assert_eq(system(args), 0);
    free(in);
    free(out);
    free(one);
    free(dir);
}

static ino_t h3_inode(const char *dir, const char *name)
{
    char *p = h3_path(dir, name);
    struct stat st;
    cr_assert_eq(lstat(p, &st), 0, "%s", p);
    free(p);
    return st.st_ino;
}

/* A re-run leaves a page that would get the same bytes as it is (no new
 * inode, no rename); a page whose article changed, or that someone edited,
 * is written again. */
Test(hostile3, html_dir_rerun_keeps_unchanged_pages_and_rewrites_the_others)
{
    char *dir = ct_tmpdir();
    char *in = h3_path(dir, "in"), *out = h3_path(dir, "out");
    cr_assert_eq(mkdir(in, 0755), 0);
    h3_write_articles(in, 200);
    char args[4400];
    snprintf(args, sizeof args, "--format jsonl --fail-on none --html-dir '%s' '%s'", out, in);
    ct_result r = ct_run(args, NULL);
    cr_assert_eq(r.status, 0, "%s", r.err);
    ct_free(&r);
    ino_t same = h3_inode(out, "001-in-a0000.html"), changed = h3_inode(out, "006-in-a0005.html"),
          edited = h3_inode(out, "151-in-a0150.html"), index = h3_inode(out, "index.html");
    char *page150 = h3_path(out, "151-in-a0150.html");
    size_t len;
    char *want150 = ct_read(page150, &len);
    char *hand = mtc_xstrdup(want150);
    char *t = strstr(hand, "<main>");
    cr_assert_not_null(t);
    t[1] = 'M'; /* the same size, one byte different */
    free(ct_write(out, "151-in-a0150.html", hand, len));
    const char *text = "Article 5.\n\nThe mayor said teh plan would pass on Monday.\n";
    free(ct_write(in, "a0005.txt", text, strlen(text)));
    r = ct_run(args, NULL);
    cr_assert_eq(r.status, 0, "%s", r.err);
    ct_free(&r);
    cr_expect_eq(h3_inode(out, "001-in-a0000.html"), same, "an unchanged page is left as it is");
    cr_expect_neq(h3_inode(out, "006-in-a0005.html"), changed, "a changed article's page is new");
    cr_expect_neq(h3_inode(out, "151-in-a0150.html"), edited, "an edited page is written again");
    cr_expect_neq(h3_inode(out, "index.html"), index, "the index is written every run");
    char *page5 = h3_path(out, "006-in-a0005.html");
    char *now5 = ct_read(page5, NULL);
    cr_expect(strstr(now5, "on Monday") != NULL, "the page shows the changed article");
    size_t len2;
    char *now150 = ct_read(page150, &len2);
    cr_expect(len2 == len && memcmp(now150, want150, len) == 0, "the edit is undone");
    cr_expect_eq(h3_files(out, ".html"), 201);
    cr_expect_eq(h3_temporaries(out), 0);
    free(now150);
    free(now5);
    free(page5);
    free(hand);
    free(want150);
    free(page150);
    snprintf(args, sizeof args, "rm -rf '%s'", dir);
    cr_assert_eq(system(args), 0);
    free(in);
    free(out);
    free(dir);
}

/* A signal while pages wait for their sync: the waiting pages (temporary
 * files) are removed, the earlier run's index and pages stay as they were. */
static void h3_interrupt_html_dir(int sig)
{
    char *dir = ct_tmpdir();
    char *in = h3_path(dir, "in"), *out = h3_path(dir, "out");
    cr_assert_eq(mkdir(in, 0755), 0);
    h3_write_articles(in, 3);
    char args[4400];
    snprintf(args, sizeof args, "--format jsonl --fail-on none --html-dir '%s' '%s'", out, in);
    ct_result r = ct_run(args, NULL);
    cr_assert_eq(r.status, 0, "%s", r.err);
    ct_free(&r);
    char *index = h3_path(out, "index.html");
    size_t old_len;
    char *old = ct_read(index, &old_len);
    cr_assert_not_null(old);
    /* then a slow run over the same folder: long articles, fewer than a batch */
    char *para = mtc_xmalloc(120 * 1000 + 1);
    para[0] = '\0';
    for (int i = 0; i < 2000; i++)
        strcat(para, "The mayor said the new bridge would open next spring. ");
    for (int i = 0; i < 100; i++) {
        char name[32];
        snprintf(name, sizeof name, "b%03d.txt", i);
        free(ct_write(in, name, para, strlen(para)));
    }
    pid_t pid = fork();
    cr_assert_neq(pid, -1);
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        execl(ct_bin(), "mtcheck", "--fail-on", "none", "--html-dir", out, in, (char *)NULL);
        _exit(127);
    }
    /* wait (at most 60 s) until pages wait as temporary files, then signal */
    size_t waiting = 0;
    for (int i = 0; i < 6000 && waiting < 2; i++) {
        waiting = h3_temporaries(out);
        if (waiting < 2)
            nanosleep(&(struct timespec){0, 10000000}, NULL);
    }
    cr_assert_geq(waiting, 2, "pages wait as temporary files for their sync");
    kill(pid, sig);
    int status;
    cr_assert_eq(waitpid(pid, &status, 0), pid);
    cr_assert(WIFSIGNALED(status) && WTERMSIG(status) == sig, "ended by the signal (%d)", status);
    cr_expect_eq(h3_temporaries(out), 0, "no temporary file left behind");
    size_t len;
    char *now = ct_read(index, &len);
    cr_expect(now && len == old_len && memcmp(now, old, len) == 0, "the earlier index stays");
    cr_expect_eq(h3_files(out, ".html"), 4, "the earlier 3 pages and index, no new page");
    free(now);
    free(old);
    free(para);
    free(index);
    snprintf(args, sizeof args, "rm -rf '%s'", dir);
    cr_assert_eq(system(args), 0);
    free(in);
    free(out);
    free(dir);
}

Test(hostile3, sigint_while_html_pages_wait_removes_them) { h3_interrupt_html_dir(SIGINT); }
Test(hostile3, sigterm_while_html_pages_wait_removes_them) { h3_interrupt_html_dir(SIGTERM); }

/* ---- the --stdin-jsonl fuzz target ---- */

static size_t h3_replay_dir(const char *sub)
{
    char root[4096];
    tu_root_path("tests/fuzz", root, sizeof root);
    char *path = h3_path(root, sub);
    DIR *d = opendir(path);
    size_t n = 0;
    if (d) {
        struct dirent *de;
        while ((de = readdir(d)) != NULL) {
            if (de->d_name[0] == '.')
                continue;
            char *f = h3_path(path, de->d_name);
            size_t len;
            char *data = ct_read(f, &len);
            if (data) {
                h3_fuzz_stdin_jsonl((const uint8_t *)data, len); /* aborts on a broken contract */
                /* and under every --max-bytes and slack */
                for (unsigned m = 0; m < 8 && len >= 2; m++) {
                    data[0] = (char)m;
                    data[1] = (char)(m % 4);
                    h3_fuzz_stdin_jsonl((const uint8_t *)data, len);
                }
                n++;
            }
            free(data);
            free(f);
        }
        closedir(d);
    }
    free(path);
    return n;
}

Test(hostile3, fuzz_stdin_jsonl_replay)
{
    cr_assert_gt(h3_replay_dir("seeds"), 10, "the seed corpus is missing");
    h3_replay_dir("regressions/fuzz_stdin_jsonl");
    static const char *const streams[] = {
        "\x04\x01{\"id\": 1, \"text\": \"0123456789012345678901234567890\"}\n",
        "\x02\x02{\"id\": \"a\", \"text\": \"abc\"}\r\n\r\n \t\n{\"id\": 2e400, \"text\": \"x\"}",
        "\x00\x00{\"id\": 1, \"id\": \"s\", \"text\": \"t\"}\n{\"i\\u0064\": 5, \"id\": 6, \"text\": \"t\"}\n",
        "\x00\x00{\"id\": -0, \"text\": \"\"}\n{\"id\": 1.5E+3 , \"text\": \"\\u0000\"}\n",
    };
    for (size_t i = 0; i < sizeof streams / sizeof streams[0]; i++)
        h3_fuzz_stdin_jsonl((const uint8_t *)streams[i], 2 + strlen(streams[i] + 2));
}

/* ---- the issue's sizes: make bench-huge (MTC_HUGE=1) ---- */

static void h3_require_huge(void)
{
    const char *h = getenv("MTC_HUGE");
    if (!h || strcmp(h, "1") != 0)
        cr_skip_test("set MTC_HUGE=1 (make bench-huge)");
}

/* Runs mtcheck under /usr/bin/time and prints its time and peak memory
 * (standard input piped from pipe_file when set); returns the peak RSS in
 * KiB. */
static long h3_timed(const char *what, const char *args, const char *pipe_file, ct_result *r)
{
    *r = ct_run_full("/usr/bin/time -f 'h3-peak-rss-kib=%M h3-seconds=%e (CPU: user %U s, system %S s)'",
                     args, NULL, pipe_file, 900);
    const char *m = strstr(r->err, "h3-peak-rss-kib=");
    cr_assert_not_null(m, "no /usr/bin/time line: %s", r->err);
    long kib = strtol(m + 16, NULL, 10);
    const char *s = strstr(r->err, "h3-seconds=");
    fprintf(stderr, "bench-huge: %s: status %d, peak RSS %ld MiB, %s", what, r->status, kib / 1024,
            s ? s : "\n");
    return kib;
}

Test(huge, five_thousand_suppressions_over_125000_unclosed_brackets)
{
    h3_require_huge();
    char *dir = ct_tmpdir();
    char *md = h3_suppressed_markdown(5000, 25, h3_disable_own_name);
    char *p = ct_write(dir, "s.md", md, strlen(md));
    char args[4400];
    snprintf(args, sizeof args, "--format json --fail-on none '%s'", p);
    ct_result r;
    long kib = h3_timed("5,000 suppression comments + 125,000 unclosed brackets", args, NULL, &r);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_expect_eq(h3_issues_of(r.out, "brackets.unbalanced"), 125000);
    cr_expect_lt(kib, 1024 * 1024);
    ct_free(&r);
    free(md);
    md = h3_suppressed_markdown(5000, 25, h3_disable_then_enable);
    free(p);
    p = ct_write(dir, "t.md", md, strlen(md));
    snprintf(args, sizeof args, "--format json --fail-on none '%s'", p);
    kib = h3_timed("5,000 disable/enable pairs + 125,000 unclosed brackets", args, NULL, &r);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_expect_eq(h3_issues_of(r.out, "brackets.unbalanced"), 62500);
    ct_free(&r);
    free(md);
    free(p);
    free(dir);
}

Test(huge, stdin_jsonl_300_megabyte_line)
{
    h3_require_huge();
    char *dir = ct_tmpdir();
    char *p = h3_path(dir, "big.jsonl");
    char cmd[4400];
    snprintf(cmd, sizeof cmd,
             "{ printf '{\"id\": 1, \"text\": \"'; head -c 314572800 /dev/zero | tr '\\0' x; "
             "printf '\"}\\n{\"id\": 2, \"text\": \"The mayor spoke.\"}\\n'; } > '%s'",
             p);
    cr_assert_eq(system(cmd), 0);
    ct_result r;
    long kib = h3_timed("--stdin-jsonl, a 300 MB record then a small one", "--stdin-jsonl --format jsonl", p, &r);
    cr_expect_eq(r.status, 2, "%s", r.err);
    cr_expect(strstr(r.out, "larger than --max-bytes"), "%.300s", r.out);
    cr_expect(strstr(r.out, "{\"id\": 2,"), "the next record is checked: %.300s", r.out);
    cr_expect_lt(kib, 1024 * 1024, "memory bounded by --max-bytes, not the line");
    ct_free(&r);
    unlink(p);
    free(p);
    free(dir);
}

Test(huge, html_dir_inside_the_checked_folder_three_times)
{
    h3_require_huge();
    char *dir = ct_tmpdir();
    char *hin = h3_path(dir, "hin");
    cr_assert_eq(mkdir(hin, 0755), 0);
    h3_write_articles(hin, 5);
    char args[4400];
    snprintf(args, sizeof args, "--format jsonl --html-dir '%s' '%s'", hin, hin);
    for (int run = 0; run < 3; run++) {
        ct_result r;
        char what[64];
        snprintf(what, sizeof what, "--html-dir hin hin, run %d", run + 1);
        h3_timed(what, args, NULL, &r);
        cr_assert_eq(r.status, 1, "%s", r.err);
        cr_expect_eq(h3_count(r.out, "{\"id\": "), 5, "run %d: %s", run, r.out);
        cr_expect_eq(h3_files(hin, ".html"), 6, "5 pages and the index");
        ct_free(&r);
    }
    free(hin);
    free(dir);
}

static void h3_rerun(size_t n)
{
    h3_require_huge();
    char *dir = ct_tmpdir();
    char *in = h3_path(dir, "in"), *out = h3_path(dir, "out");
    cr_assert_eq(mkdir(in, 0755), 0);
    h3_write_articles(in, n);
    char args[4400], what[96];
    snprintf(args, sizeof args, "--format jsonl --fail-on none --html-dir '%s' '%s'", out, in);
    for (int run = 0; run < 2; run++) {
        ct_result r;
        snprintf(what, sizeof what, "--html-dir, %zu articles, %s", n,
                 run ? "over the earlier pages" : "fresh folder");
        h3_timed(what, args, NULL, &r);
        cr_assert_eq(r.status, 0, "%s", r.err);
        cr_expect_eq(h3_files(out, ".html"), n + 1);
        ct_free(&r);
    }
    char cmd[4400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' '%s'", in, out);
    cr_assert_eq(system(cmd), 0);
    free(in);
    free(out);
    free(dir);
}

Test(huge, html_dir_rerun_of_4800_articles) { h3_rerun(4800); }
Test(huge, html_dir_rerun_of_19380_articles) { h3_rerun(19380); }

/* 20,000 unique articles of 1-2 KB (each its own invented names and
 * numbers, as in a real archive; ../shared/bench/make_archive.py makes
 * larger ones), into a fresh folder and then over the earlier pages:
 * the per-page cost of --html-dir (case 15, second round). */
static void h3_write_unique_articles(const char *dir, size_t n)
{
    static const char *const onset[] = {"b", "ch", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z"};
    static const char *const vowel[] = {"a", "e", "i", "o", "u", "ai", "ou"};
    static const char *const said[] = {
        "%s said on %s that the council would vote on the plan next week.",
        "The mayor of %s told reporters that %zu new homes would be built.",
        "Officials met in %s on Monday and the talks lasted %zu hours.",
        "%s, a spokesman for the ministry, said the figures were not final.",
        "According to %s, exports rose by %zu percent in the first quarter.",
        "The report, published by %s, found that prices had doubled since %zu.",
    };
    mtc_buf b = MTC_BUF_INIT;
    unsigned long long x = 88172645463325252ull;
    for (size_t i = 0; i < n; i++) {
        mtc_buf_clear(&b);
        char names[3][24];
        for (int k = 0; k < 3; k++) {
            size_t len = 0;
            for (int syl = 0; syl < 3; syl++) {
                x ^= x << 13, x ^= x >> 7, x ^= x << 17;
                len += (size_t)snprintf(names[k] + len, sizeof names[k] - len, "%s%s",
                                        onset[x % 14], vowel[(x >> 8) % 7]);
            }
            names[k][0] = (char)(names[k][0] - 'a' + 'A');
        }
        mtc_buf_printf(&b, "%s and %s agree on a plan\n\n", names[0], names[1]);
        for (int para = 0; para < 5; para++) {
            for (int s = 0; s < 4; s++) {
                x ^= x << 13, x ^= x >> 7, x ^= x << 17;
                const char *fmt = said[x % 6];
                const char *who = names[(x >> 8) % 3];
                size_t num = (size_t)((x >> 16) % 2000) + 3;
                if (strstr(fmt, "%zu"))
                    mtc_buf_printf(&b, fmt, who, num);
                else
                    mtc_buf_printf(&b, fmt, who, names[(x >> 20) % 3]);
                mtc_buf_putc(&b, ' ');
            }
            mtc_buf_puts(&b, "\n\n");
        }
        char name[32];
        snprintf(name, sizeof name, "u%05zu.txt", i);
        free(ct_write(dir, name, b.data, b.len));
    }
    mtc_buf_free(&b);
}

Test(huge, html_dir_20000_unique_articles_fresh_and_rerun)
{
    h3_require_huge();
    char *dir = ct_tmpdir();
    char *in = h3_path(dir, "in"), *out = h3_path(dir, "out");
    cr_assert_eq(mkdir(in, 0755), 0);
    h3_write_unique_articles(in, 20000);
    char args[4400];
    snprintf(args, sizeof args, "--fail-on none --html-dir '%s' '%s'", out, in);
    for (int run = 0; run < 2; run++) {
        ct_result r;
        h3_timed(run ? "--html-dir, 20,000 unique articles, over the earlier pages"
                     : "--html-dir, 20,000 unique articles, fresh folder",
                 args, NULL, &r);
        cr_assert_eq(r.status, 0, "%s", r.err);
        cr_expect_eq(h3_files(out, ".html"), 20001);
        cr_expect_eq(h3_temporaries(out), 0);
        ct_free(&r);
    }
    char cmd[4400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' '%s'", in, out);
    cr_assert_eq(system(cmd), 0);
    free(in);
    free(out);
    free(dir);
}
