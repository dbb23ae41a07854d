/* test_streaming.c — reports are written as they are produced (issue 15):
 * a streamed mtc_buf writes the same bytes as one built in memory while
 * holding at most its piece; every --format writes the same report in
 * pieces as when each article is built whole in memory, and no single
 * write is larger than a piece; an --html-dir page of a big article is
 * streamed to its file and is the page built in memory; -o stays atomic
 * when the write fails half-way (a file-size limit: no report, no
 * temporary file left). */
#define _GNU_SOURCE /* fopencookie */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "buffer.h"
#include "clitest.h"
#include "inputs.h"
#include "report.h"
#include "report_html.h"
#include "testutil.h"

/* ---- the buffer ---- */

/* The same appends to b: short strings, printf, single characters and a
 * piece of 200 KB. Checks after each that a streamed b holds at most its
 * piece. */
static void appends(mtc_buf *b, size_t piece)
{
    char *big = mtc_xmalloc(200 * 1024);
    for (size_t i = 0; i < 200 * 1024; i++)
        big[i] = (char)('a' + i % 26);
    for (int i = 0; i < 3000; i++) {
        mtc_buf_puts(b, "word ");
        mtc_buf_printf(b, "%d:%s;", i, i % 7 ? "x" : "a longer formatted piece of text");
        mtc_buf_putc(b, '\n');
        if (i == 1500)
            mtc_buf_put(b, big, 200 * 1024);
        if (b->out)
            cr_assert_leq(b->len, piece, "a streamed buffer holds %zu bytes (piece %zu)", b->len,
                          piece);
    }
    free(big);
}

Test(streaming, buffer_in_pieces_writes_what_memory_holds)
{
    mtc_buf mem = MTC_BUF_INIT;
    appends(&mem, 0);
    cr_assert_gt(mem.len, 200 * 1024);
    const size_t pieces[] = {1, 7, 4096, 0, SIZE_MAX};
    for (size_t k = 0; k < sizeof pieces / sizeof pieces[0]; k++) {
        char *out = NULL;
        size_t len = 0;
        FILE *fp = open_memstream(&out, &len);
        mtc_buf b = MTC_BUF_INIT;
        mtc_buf_stream(&b, fp, pieces[k]);
        appends(&b, pieces[k] ? pieces[k] : MTC_BUF_SPILL);
        if (pieces[k] == 0) /* the 200 KB piece went straight through, uncopied */
            cr_assert_leq(b.cap, 2 * MTC_BUF_SPILL + 2);
        cr_assert_eq(mtc_buf_flush(&b), 0);
        cr_assert_eq(b.len, 0);
        mtc_buf_free(&b);
        fclose(fp);
        cr_assert_eq(len, mem.len, "piece %zu: %zu bytes, in memory %zu", pieces[k], len, mem.len);
        cr_assert_eq(memcmp(out, mem.data, len), 0, "piece %zu: other bytes", pieces[k]);
        free(out);
    }
    mtc_buf_free(&mem);
}

Test(streaming, flush_reports_a_write_error)
{
    FILE *full = fopen("/dev/full", "w");
    cr_assert_not_null(full);
    setvbuf(full, NULL, _IONBF, 0);
    mtc_buf b = MTC_BUF_INIT;
    mtc_buf_stream(&b, full, 0);
    for (int i = 0; i < 20000; i++)
        mtc_buf_puts(&b, "some text ");
    cr_assert_eq(mtc_buf_flush(&b), -1);
    mtc_buf_free(&b);
    fclose(full);
    mtc_buf mem = MTC_BUF_INIT; /* an in-memory buffer has nothing to write */
    mtc_buf_puts(&mem, "x");
    cr_assert_eq(mtc_buf_flush(&mem), 0);
    cr_assert_str_eq(mem.data, "x");
    mtc_buf_free(&mem);
}

/* ---- every format ---- */

/* A FILE that counts the bytes and the largest single write it is given. */
typedef struct counter {
    size_t total, max_write;
    char *data;
    size_t cap;
} counter;

static ssize_t counter_write(void *c, const char *buf, size_t n)
{
    counter *k = c;
    if (n > k->max_write)
        k->max_write = n;
    if (k->total + n > k->cap) {
        k->cap = (k->total + n) * 2;
        k->data = mtc_xrealloc(k->data, k->cap);
    }
    memcpy(k->data + k->total, buf, n);
    k->total += n;
    return (ssize_t)n;
}

/* An article of about 400 KB with issues of several analyzers in every
 * paragraph (doubled words, spacing, unknown words, quotation marks). */
static char *big_article(void)
{
    mtc_buf b = MTC_BUF_INIT;
    mtc_buf_puts(&b, "Officials review the archive\n\n");
    for (int i = 0; i < 2500; i++)
        mtc_buf_printf(&b,
                       "On day %d the the officials in Qiaoshan%c said that talks ,which began "
                       "in %d, were \"over. Mr. Zhang recieved %d letters from the "
                       "goverment and said the plan was \"a success\" .\n\n",
                       i, 'a' + i % 26, 1990 + i % 30, i * 7);
    return mtc_buf_detach(&b);
}

/* Runs the reporter over r's article (twice, so separators are written)
 * into the counter, in pieces of `piece` bytes. */
static void run_reporter(const mtc_reporter *rep, const tu_run *r, size_t piece, counter *k)
{
    memset(k, 0, sizeof *k);
    cookie_io_functions_t io = {NULL, counter_write, NULL, NULL};
    FILE *fp = fopencookie(k, "w", io);
    cr_assert_not_null(fp);
    setvbuf(fp, NULL, _IOFBF, 4096);
    mtc_report_options opt;
    memset(&opt, 0, sizeof opt);
    opt.cfg = r->cfg;
    opt.show_context = 1;
    opt.spill = piece;
    void *st = rep->begin(fp, &opt);
    mtc_summary sum;
    memset(&sum, 0, sizeof sum);
    for (int i = 0; i < 2; i++) {
        rep->article(st, r->res);
        mtc_summary_add(&sum, r->res);
    }
    cr_assert_eq(rep->end(st, &sum), 0, "%s: end", rep->name);
    mtc_summary_free(&sum);
    cr_assert_eq(fclose(fp), 0);
}

Test(streaming, every_format_writes_the_in_memory_report_in_pieces, .timeout = 120)
{
    char *text = big_article();
    tu_run *r = tu_check(text, NULL);
    cr_assert_gt(r->res->n_issues, 10000, "%zu issues", r->res->n_issues);
    const char *names = mtc_reporter_names();
    char name[32];
    for (const char *p = names; *p;) {
        size_t n = strcspn(p, " ");
        cr_assert_lt(n, sizeof name);
        memcpy(name, p, n);
        name[n] = '\0';
        p += n + (p[n] == ' ');
        const mtc_reporter *rep = mtc_reporter_find(name);
        cr_assert_not_null(rep, "%s", name);
        counter whole, dflt, tiny;
        run_reporter(rep, r, SIZE_MAX, &whole); /* each article built in memory */
        run_reporter(rep, r, 0, &dflt);
        run_reporter(rep, r, 1, &tiny);
        cr_assert_eq(dflt.total, whole.total, "%s: %zu bytes in pieces, %zu in memory", name,
                     dflt.total, whole.total);
        cr_assert_eq(memcmp(dflt.data, whole.data, whole.total), 0, "%s: other bytes", name);
        cr_assert_eq(tiny.total, whole.total, "%s: piece 1", name);
        cr_assert_eq(memcmp(tiny.data, whole.data, whole.total), 0, "%s: piece 1", name);
        cr_assert_leq(dflt.max_write, MTC_BUF_SPILL + 4096, "%s: a write of %zu bytes", name,
                      dflt.max_write);
        if (strcmp(name, "markdown") != 0) /* a summary: small whatever the article */
            cr_assert_gt(whole.max_write, 4 * MTC_BUF_SPILL,
                         "%s: the article's report (%zu bytes at once) is big enough to tell",
                         name, whole.max_write);
        free(whole.data);
        free(dflt.data);
        free(tiny.data);
    }
    tu_free(r);
    free(text);
}

/* ---- --html-dir: a big article's page is streamed ---- */

Test(streaming, html_dir_page_of_a_big_article_is_the_page_in_memory, .timeout = 240)
{
    /* over 4 MB of text: the page is streamed to its file */
    mtc_buf t = MTC_BUF_INIT;
    char *one = big_article();
    while (t.len < 4300 * 1024)
        mtc_buf_puts(&t, one);
    free(one);
    char *text = mtc_buf_detach(&t);
    tu_run *r = tu_check(text, NULL);
    free(text);
    char *dir = mtc_xstrdup(ct_tmpdir());
    mtc_input_list none;
    memset(&none, 0, sizeof none);
    mtc_report_options opt;
    memset(&opt, 0, sizeof opt);
    opt.cfg = r->cfg;
    mtc_html_dir *hd;
    mtc_error err;
    cr_assert_eq(mtc_html_dir_open(dir, &none, &opt, &hd, &err), MTC_OK, "%s", err.message);
    cr_assert_eq(mtc_html_dir_article(hd, r->res, &err), MTC_OK, "%s", err.message);
    cr_assert_eq(mtc_html_dir_finish(hd, &err), MTC_OK, "%s", err.message);
    mtc_html_dir_free(hd);

    /* the page as it is built in memory (report_html_batch.c) */
    mtc_buf want = MTC_BUF_INIT, title = MTC_BUF_INIT;
    char *t0 = mtc_html_title(r->doc);
    mtc_buf_puts(&title, t0);
    free(t0);
    mtc_buf_puts(&title, " \xE2\x80\x94 mtcheck review");
    mtc_html_page_head(&want, title.data);
    mtc_buf_puts(&want, "<main>\n");
    mtc_html_article(&want, r->res, &opt, 0, "index.html");
    mtc_buf_puts(&want, "</main>\n<footer class=\"run\"><p>Checked by mtcheck " MTC_VERSION
                        ". Scores and issues are hints for the editor, not verdicts.</p></footer>\n");
    mtc_html_page_tail(&want);
    mtc_buf_free(&title);

    char *name = mtc_html_page_name(r->doc->path, 0);
    char path[4400];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    size_t len = 0;
    char *got = ct_read(path, &len);
    cr_assert_not_null(got, "no page %s", path);
    cr_assert_gt(len, 16 * 1024 * 1024, "a page of %zu bytes", len);
    cr_assert_eq(len, want.len, "page: %zu bytes, in memory %zu", len, want.len);
    cr_assert_eq(memcmp(got, want.data, len), 0, "the page differs from the one in memory");
    DIR *d = opendir(dir);
    cr_assert_not_null(d);
    for (struct dirent *e; (e = readdir(d));)
        cr_assert_null(strstr(e->d_name, ".tmp."), "a temporary file is left: %s", e->d_name);
    closedir(d);
    free(got);
    unlink(path);
    snprintf(path, sizeof path, "%s/index.html", dir);
    cr_assert_eq(unlink(path), 0);
    rmdir(dir);
    free(name);
    free(dir);
    mtc_buf_free(&want);
    tu_free(r);
}

/* ---- -o is atomic when the write fails half-way ---- */

/* 1 when dir holds a file whose name starts with prefix. */
static int has_file(const char *dir, const char *prefix)
{
    DIR *d = opendir(dir);
    cr_assert_not_null(d);
    int found = 0;
    for (struct dirent *e; (e = readdir(d));)
        found |= strncmp(e->d_name, prefix, strlen(prefix)) == 0;
    closedir(d);
    return found;
}

/* expect: the exit status, or -1 for "killed by a signal" (through timeout). */
static void write_fails(const char *prefix, const char *why, int expect)
{
    char *dir = mtc_xstrdup(ct_tmpdir());
    char *text = big_article();
    char *art = ct_write(dir, "big.txt", text, strlen(text));
    free(text);
    const char *formats[] = {"json", "html", "text", "sarif"};
    for (size_t f = 0; f < sizeof formats / sizeof formats[0]; f++) {
        char args[4400];
        snprintf(args, sizeof args, "--format %s --fail-on none -o '%s/report' '%s'", formats[f],
                 dir, art);
        ct_result r = ct_run_full(prefix, args, NULL, NULL, 120);
        if (expect >= 0)
            cr_assert_eq(r.status, expect, "%s, %s: status %d\n%s", why, formats[f], r.status,
                         r.err);
        else
            cr_assert(r.status == -1 || r.status > 128, "%s, %s: status %d\n%s", why,
                      formats[f], r.status, r.err);
        cr_assert_not(has_file(dir, "report"), "%s, %s: a report or a temporary file is left",
                      why, formats[f]);
        ct_free(&r);
    }
    /* the limit is what failed: without it the report is written */
    char args[4400];
    snprintf(args, sizeof args, "--format json --fail-on none -o '%s/report' '%s'", dir, art);
    ct_result r = ct_run(args, NULL);
    cr_assert_eq(r.status, 0, "%s", r.err);
    struct stat sb;
    cr_assert_eq(stat(art, &sb), 0);
    char path[4200];
    snprintf(path, sizeof path, "%s/report", dir);
    struct stat rb;
    cr_assert_eq(stat(path, &rb), 0);
    cr_assert_gt(rb.st_size, 256 * 1024, "the report is larger than the limit");
    ct_free(&r);
    unlink(path);
    unlink(art);
    free(art);
    rmdir(dir);
    free(dir);
}

Test(streaming, output_killed_by_the_file_size_limit_leaves_nothing, .timeout = 240)
{
    /* 256 blocks of 512 bytes: SIGXFSZ on the write past 128 KB */
    write_fails("sh -c 'ulimit -f 256; exec \"$0\" \"$@\"'", "SIGXFSZ", -1);
}

Test(streaming, output_that_cannot_be_written_leaves_nothing, .timeout = 240)
{
    /* the signal ignored: the write fails (EFBIG) and mtcheck reports it */
    write_fails("sh -c 'trap \"\" XFSZ; ulimit -f 256; exec \"$0\" \"$@\"'", "EFBIG", 2);
}
