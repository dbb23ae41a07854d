/* test_hostile.c — hostile and huge inputs through the real binary and the
 * library (issue 9): empty and BOM-only files, inputs over --max-bytes (a
 * sparse 1 GiB file), a long line, a 100,000-word sentence, a million
 * quotation marks, deep brackets, invalid UTF-8 and truncated UTF-16, NUL
 * bytes, CR-only endings, an unreadable file, symlink loops, FIFOs; reports
 * that never overwrite an input, are replaced atomically and never leave
 * the --html-dir folder; and the fuzz targets' seeds and kept crash inputs
 * (tests/fuzz/) replayed through the targets' own checks.
 *
 * Suite `hostile` runs in `make test` (and under `make asan`, `make valgrind`:
 * with MTC_UNDER_VALGRIND set the big inputs shrink 50 times). Suite `huge`
 * (a real 1 GiB file, a 50 MB line, ...) runs only with MTC_HUGE=1: `make
 * bench-huge`. No assertion is about time; every run is under `timeout`. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <json-c/json.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "alloc.h"
#include "clitest.h"
#include "testutil.h"

/* ---- the fuzz targets, compiled in under other names ---- */

#define LLVMFuzzerTestOneInput hx_fuzz_decode
#include "fuzz/fuzz_decode.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerInitialize hx_init_pipeline
#define LLVMFuzzerTestOneInput hx_fuzz_pipeline
#include "fuzz/fuzz_pipeline.c"
#undef LLVMFuzzerInitialize
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput hx_fuzz_reader
#include "fuzz/fuzz_reader.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerInitialize hx_init_report_json
#define LLVMFuzzerTestOneInput hx_fuzz_report_json
#include "fuzz/fuzz_report_json.c"
#undef LLVMFuzzerInitialize
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerInitialize hx_init_report_sarif
#define LLVMFuzzerTestOneInput hx_fuzz_report_sarif
#include "fuzz/fuzz_report_sarif.c"
#undef LLVMFuzzerInitialize
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerInitialize hx_init_report_html
#define LLVMFuzzerTestOneInput hx_fuzz_report_html
#include "fuzz/fuzz_report_html.c"
#undef LLVMFuzzerInitialize
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerInitialize hx_init_report_other
#define LLVMFuzzerTestOneInput hx_fuzz_report_other
#include "fuzz/fuzz_report_other.c"
#undef LLVMFuzzerInitialize
#undef LLVMFuzzerTestOneInput

/* ---- helpers ---- */

static const char clean_article[] =
    "Rome talks end without agreement\n"
    "\n"
    "Officials from both countries met in Rome on Monday. The talks lasted seven hours, "
    "according to a statement released after the meeting.\n";

/* Input sizes shrink under valgrind (50 times slower): the point there is
 * memory errors on every path, not scale. */
static size_t hx_scale(size_t n)
{
    return getenv("MTC_UNDER_VALGRIND") ? n / 50 : n;
}

static int hx_huge(void)
{
    const char *h = getenv("MTC_HUGE");
    return h && *h && strcmp(h, "0") != 0;
}

static ct_result hx_run(const char *prefix, const char *args, const char *stdin_file,
                        int timeout_s)
{
    return ct_run_full(prefix, args, stdin_file, NULL, timeout_s);
}

static json_object *hx_json(const ct_result *r)
{
    json_tokener *tok = json_tokener_new();
    json_object *j = json_tokener_parse_ex(tok, r->out, (int)r->out_len);
    cr_assert_not_null(j, "output is not valid JSON (status %d): %.300s\nstderr: %.500s", r->status,
                       r->out, r->err);
    cr_assert_eq(json_tokener_get_error(tok), json_tokener_success);
    json_tokener_free(tok);
    return j;
}

static json_object *hx_get(json_object *o, const char *key)
{
    json_object *v = NULL;
    cr_assert(json_object_object_get_ex(o, key, &v), "missing key %s", key);
    return v;
}

static json_object *hx_file(json_object *report, size_t i)
{
    json_object *files = hx_get(report, "files");
    cr_assert_gt(json_object_array_length(files), i, "no file %zu in the report", i);
    return json_object_array_get_idx(files, i);
}

/* A buffer of `total` bytes repeating unit, then tail. */
static char *hx_repeat(const char *unit, size_t total, const char *tail, size_t *len)
{
    size_t u = strlen(unit), t = strlen(tail);
    char *b = mtc_xmalloc(total + t + 1);
    for (size_t i = 0; i < total; i++)
        b[i] = unit[i % u];
    memcpy(b + total, tail, t + 1);
    *len = total + t;
    return b;
}

/* Whitespace-separated words, as mtcheck and the benchmark count them (ASCII). */
static size_t hx_words(const char *s, size_t len)
{
    size_t n = 0;
    int in = 0;
    for (size_t i = 0; i < len; i++) {
        int sp = mtc_ascii_is_space((unsigned char)s[i]);
        n += !sp && !in;
        in = !sp;
    }
    return n;
}

static char *hx_path(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = mtc_xmalloc(n);
    snprintf(p, n, "%s/%s", dir, name);
    return p;
}

static void hx_rm_rf(const char *dir)
{
    char cmd[4300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
}

/* Status 0 or 1 (checked; passed or failed the gate) and a JSON report of
 * one file whose word count is `words` (when not (size_t)-1). */
static void hx_expect_checked(const ct_result *r, size_t words, const char *what)
{
    cr_assert(r->status == 0 || r->status == 1, "%s: status %d, stderr: %.500s", what, r->status,
              r->err);
    json_object *j = hx_json(r);
    json_object *f = hx_file(j, 0);
    if (words != (size_t)-1)
        cr_expect_eq((size_t)json_object_get_int64(hx_get(f, "words")), words, "%s: words", what);
    json_object_put(j);
}

/* ---- empty and almost empty ---- */

Test(hostile, empty_file_passes_with_nothing_to_check)
{
    char *dir = ct_tmpdir();
    char *p = ct_write(dir, "empty.txt", "", 0);
    char args[4200];
    snprintf(args, sizeof args, "--format json '%s'", p);
    ct_result r = ct_run(args, NULL);
    cr_assert_eq(r.status, 0, "%s", r.err);
    json_object *j = hx_json(&r);
    json_object *f = hx_file(j, 0);
    cr_expect_eq(json_object_get_int(hx_get(f, "words")), 0);
    cr_expect_eq(json_object_array_length(hx_get(f, "sentences")), 0);
    cr_expect_eq(json_object_array_length(hx_get(f, "issues")), 0);
    cr_expect_eq(json_object_get_double(hx_get(f, "score")), 100.0);
    json_object_put(j);
    ct_free(&r);
    /* the same from standard input */
    r = ct_run("--format json -", p);
    cr_assert_eq(r.status, 0, "%s", r.err);
    ct_free(&r);
    hx_rm_rf(dir);
    free(p);
    free(dir);
}

Test(hostile, bom_only_file_is_an_empty_utf8_article)
{
    char *dir = ct_tmpdir();
    static const char *const boms[] = {"\xEF\xBB\xBF", "\xFF\xFE", "\xFE\xFF", "\xFF\xFE\0\0"};
    static const size_t lens[] = {3, 2, 2, 4};
    static const char *const encs[] = {"UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE"};
    for (size_t i = 0; i < 4; i++) {
        char name[32];
        snprintf(name, sizeof name, "bom%zu.txt", i);
        char *p = ct_write(dir, name, boms[i], lens[i]);
        char args[4200];
        snprintf(args, sizeof args, "--format json '%s'", p);
        ct_result r = ct_run(args, NULL);
        cr_assert_eq(r.status, 0, "BOM %s: %s", encs[i], r.err);
        json_object *j = hx_json(&r);
        json_object *f = hx_file(j, 0);
        cr_expect_eq(json_object_get_int(hx_get(f, "words")), 0, "BOM %s", encs[i]);
        cr_expect_str_eq(json_object_get_string(hx_get(f, "encoding")), encs[i]);
        json_object_put(j);
        ct_free(&r);
        free(p);
    }
    hx_rm_rf(dir);
    free(dir);
}

/* ---- size limits ---- */

Test(hostile, input_over_max_bytes_is_refused_and_the_rest_checked)
{
    char *dir = ct_tmpdir();
    size_t len;
    char *big = hx_repeat("The talks went on. ", 5000, "\n", &len);
    char *p = ct_write(dir, "big.txt", big, len);
    char *ok = ct_write(dir, "ok.txt", clean_article, strlen(clean_article));
    char args[9000];
    snprintf(args, sizeof args, "--format json --max-bytes 4K '%s' '%s'", p, ok);
    ct_result r = ct_run(args, NULL);
    cr_expect_eq(r.status, 2, "an unreadable input makes the status 2");
    cr_expect(strstr(r.err, "--max-bytes") != NULL, "%s", r.err);
    json_object *j = hx_json(&r);
    cr_expect_eq(json_object_array_length(hx_get(j, "files")), 1, "the other file is reported");
    json_object_put(j);
    ct_free(&r);
    /* standard input is counted as it is read */
    r = ct_run("--format json --max-bytes 4K -", p);
    cr_expect_eq(r.status, 2);
    cr_expect(strstr(r.err, "--max-bytes") != NULL, "%s", r.err);
    ct_free(&r);
    /* a limit the file fits in */
    snprintf(args, sizeof args, "--format json --max-bytes 1M '%s'", p);
    r = ct_run(args, NULL);
    hx_expect_checked(&r, hx_words(big, len), "under the limit");
    ct_free(&r);
    hx_rm_rf(dir);
    free(big);
    free(p);
    free(ok);
    free(dir);
}

Test(hostile, one_gigabyte_file_is_refused_by_the_default_limit)
{
    /* a sparse file: 1 GiB long, no disk blocks; refused from its size
     * before a byte is read (the default --max-bytes is 256 MiB) */
    char *dir = ct_tmpdir();
    char *p = hx_path(dir, "huge.txt");
    int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    cr_assert_geq(fd, 0);
    cr_assert_eq(ftruncate(fd, (off_t)1 << 30), 0);
    close(fd);
    char args[4200];
    snprintf(args, sizeof args, "--format json '%s'", p);
    ct_result r = ct_run(args, NULL);
    cr_expect_eq(r.status, 2);
    cr_expect(strstr(r.err, "1073741824 bytes") && strstr(r.err, "--max-bytes 268435456"), "%s",
              r.err);
    json_object *j = hx_json(&r);
    cr_expect_eq(json_object_array_length(hx_get(j, "files")), 0);
    json_object_put(j);
    ct_free(&r);
    hx_rm_rf(dir);
    free(p);
    free(dir);
}

/* ---- pathological shapes ---- */

Test(hostile, long_line_without_a_newline)
{
    char *dir = ct_tmpdir();
    size_t len, n = hx_scale(2 * 1000 * 1000);
    char *line = hx_repeat("word, ", n, "", &len);
    char *p = ct_write(dir, "line.txt", line, len);
    char args[4200];
    snprintf(args, sizeof args, "--format json '%s'", p);
    ct_result r = ct_run(args, NULL);
    hx_expect_checked(&r, hx_words(line, len), "a 2 MB line");
    ct_free(&r);
    hx_rm_rf(dir);
    free(line);
    free(p);
    free(dir);
}

Test(hostile, sentence_of_100000_words)
{
    char *dir = ct_tmpdir();
    size_t words = hx_scale(100000), len;
    char *s = hx_repeat("minister said that talks would ", words / 5 * 31, "end.\n", &len);
    char *p = ct_write(dir, "sentence.txt", s, len);
    char args[4200];
    snprintf(args, sizeof args, "--format json '%s'", p);
    ct_result r = ct_run(args, NULL);
    cr_assert_eq(hx_words(s, len), words + 1);
    hx_expect_checked(&r, words + 1, "one sentence of 100,000 words");
    ct_free(&r);
    hx_rm_rf(dir);
    free(s);
    free(p);
    free(dir);
}

Test(hostile, a_million_quotation_marks)
{
    char *dir = ct_tmpdir();
    size_t n = hx_scale(1000000), len;
    static const char *const units[] = {"\"", "\xE2\x80\x9C\xE2\x80\x9D", "\" said \xE2\x80\x9C"};
    static const size_t unit_len[] = {1, 6, 10};
    for (size_t u = 0; u < 3; u++) {
        char *q = hx_repeat(units[u], n * unit_len[u], "\n", &len);
        char name[32];
        snprintf(name, sizeof name, "quotes%zu.txt", u);
        char *p = ct_write(dir, name, q, len);
        char args[4200];
        snprintf(args, sizeof args, "--format json '%s'", p);
        ct_result r = ct_run(args, NULL);
        hx_expect_checked(&r, (size_t)-1, "a million quotation marks");
        ct_free(&r);
        free(q);
        free(p);
    }
    hx_rm_rf(dir);
    free(dir);
}

Test(hostile, deeply_nested_brackets)
{
    char *dir = ct_tmpdir();
    size_t depth = hx_scale(100000);
    size_t len = depth * 2 + 16;
    char *b = mtc_xmalloc(len + 1);
    /* balanced (((...word...))), then unbalanced ([([... */
    memset(b, '(', depth);
    memcpy(b + depth, "word", 4);
    memset(b + depth + 4, ')', depth);
    b[2 * depth + 4] = '\n';
    char *p1 = ct_write(dir, "balanced.txt", b, 2 * depth + 5);
    for (size_t i = 0; i < 2 * depth; i++)
        b[i] = i % 2 ? '[' : '(';
    b[2 * depth] = '\n';
    char *p2 = ct_write(dir, "unbalanced.txt", b, 2 * depth + 1);
    char args[9000];
    snprintf(args, sizeof args, "--format json '%s' '%s'", p1, p2);
    ct_result r = ct_run(args, NULL);
    cr_assert(r.status == 0 || r.status == 1, "status %d: %.300s", r.status, r.err);
    json_object *j = hx_json(&r);
    cr_expect_eq(json_object_array_length(hx_get(j, "files")), 2);
    json_object_put(j);
    ct_free(&r);
    hx_rm_rf(dir);
    free(b);
    free(p1);
    free(p2);
    free(dir);
}

Test(hostile, invalid_utf8_at_the_start_middle_and_end)
{
    char *dir = ct_tmpdir();
    static const char *const texts[] = {
        "\xFFThe minister said the talks were fine.\n",
        "The minister said \xFF the talks were fine.\n",
        "The minister said the talks were fine.\n\xE2\x80",
    };
    static const long offsets[] = {0, 18, 39};
    for (size_t i = 0; i < 3; i++) {
        char name[32];
        snprintf(name, sizeof name, "bad%zu.txt", i);
        char *p = ct_write(dir, name, texts[i], strlen(texts[i]));
        /* strict UTF-8: refused, naming the first invalid byte */
        char args[4200], want[64];
        snprintf(args, sizeof args, "--format json --encoding UTF-8 '%s'", p);
        ct_result r = ct_run(args, NULL);
        cr_expect_eq(r.status, 2, "case %zu", i);
        snprintf(want, sizeof want, "byte %ld", offsets[i]);
        cr_expect(strstr(r.err, want) != NULL, "case %zu: want '%s' in %s", i, want, r.err);
        ct_free(&r);
        /* detection: a stray byte inside English is decoded as a legacy
         * 8-bit encoding and said so; UTF-8 cut inside its last character
         * is refused (guessing would turn it into mojibake) */
        snprintf(args, sizeof args, "--format json '%s'", p);
        r = ct_run(args, NULL);
        if (i < 2) {
            hx_expect_checked(&r, (size_t)-1, "stray byte");
            cr_expect(strstr(r.err, "detected") != NULL, "case %zu: %s", i, r.err);
        } else {
            cr_expect_eq(r.status, 2);
            cr_expect(strstr(r.err, "truncated UTF-8") != NULL, "%s", r.err);
        }
        ct_free(&r);
        free(p);
    }
    hx_rm_rf(dir);
    free(dir);
}

Test(hostile, truncated_utf16_is_refused_with_its_offset)
{
    char *dir = ct_tmpdir();
    /* BOM + "The cat." in UTF-16LE + half a code unit */
    static const char u16[] = "\xFF\xFET\0h\0e\0 \0c\0a\0t\0.\0\n";
    char *p = ct_write(dir, "u16.txt", u16, sizeof u16 - 1);
    char args[4200];
    snprintf(args, sizeof args, "--format json '%s'", p);
    ct_result r = ct_run(args, NULL);
    cr_expect_eq(r.status, 2);
    cr_expect(strstr(r.err, "truncated UTF-16LE") && strstr(r.err, "byte 18"), "%s", r.err);
    ct_free(&r);
    /* a lone high surrogate in the middle */
    static const char sur[] = "\xFF\xFEO\0K\0\x00\xD8 \0x\0\n\0";
    char *q = ct_write(dir, "sur.txt", sur, sizeof sur - 1);
    snprintf(args, sizeof args, "--format json '%s'", q);
    r = ct_run(args, NULL);
    cr_expect_eq(r.status, 2, "%s", r.err);
    ct_free(&r);
    hx_rm_rf(dir);
    free(p);
    free(q);
    free(dir);
}

Test(hostile, nul_bytes_mean_binary_and_are_skipped)
{
    char *dir = ct_tmpdir();
    static const char nul[] = "Some text\0with NUL bytes.\n";
    char *p = ct_write(dir, "nul.txt", nul, sizeof nul - 1);
    char *ok = ct_write(dir, "ok.txt", clean_article, strlen(clean_article));
    char args[9000];
    snprintf(args, sizeof args, "--format json '%s'", p);
    ct_result r = ct_run(args, NULL);
    cr_expect_eq(r.status, 2, "nothing but a binary file: status 2");
    cr_expect(strstr(r.err, "binary") && strstr(r.err, "offset 9"), "%s", r.err);
    ct_free(&r);
    snprintf(args, sizeof args, "--format json '%s' '%s'", p, ok);
    r = ct_run(args, NULL);
    cr_expect_eq(r.status, 0, "binary skipped with a warning, the other checked: %s", r.err);
    json_object *j = hx_json(&r);
    cr_expect_eq(json_object_array_length(hx_get(j, "files")), 1);
    json_object_put(j);
    ct_free(&r);
    hx_rm_rf(dir);
    free(p);
    free(ok);
    free(dir);
}

Test(hostile, cr_only_line_endings_count_lines)
{
    char *dir = ct_tmpdir();
    size_t lines = hx_scale(10000), len;
    char *body = hx_repeat("A sentence here.\r", lines * 17, "The talks ended,, they said.\r", &len);
    char *p = ct_write(dir, "cr.txt", body, len);
    char args[4200];
    snprintf(args, sizeof args, "--format json --disable all --enable typography '%s'", p);
    ct_result r = ct_run(args, NULL);
    cr_assert_eq(r.status, 0, "%s", r.err);
    json_object *j = hx_json(&r);
    json_object *issues = hx_get(hx_file(j, 0), "issues");
    cr_assert_eq(json_object_array_length(issues), 1);
    json_object *is = json_object_array_get_idx(issues, 0);
    cr_expect_eq((size_t)json_object_get_int64(hx_get(is, "line")), lines + 1);
    cr_expect_eq(json_object_get_int(hx_get(is, "column")), 16);
    json_object_put(j);
    ct_free(&r);
    hx_rm_rf(dir);
    free(body);
    free(p);
    free(dir);
}

/* ---- files that are not plain files ---- */

Test(hostile, unreadable_file_is_reported_and_the_rest_checked)
{
    char *dir = ct_tmpdir();
    char *p = ct_write(dir, "secret.txt", clean_article, strlen(clean_article));
    char *ok = ct_write(dir, "ok.txt", clean_article, strlen(clean_article));
    cr_assert_eq(chmod(p, 0), 0);
    /* root reads anything: drop the two capabilities that let it */
    const char *prefix = geteuid() == 0
                             ? "setpriv --inh-caps=-all --bounding-set=-dac_override,-dac_read_search"
                             : "";
    char args[9000];
    snprintf(args, sizeof args, "--format json '%s' '%s'", p, ok);
    ct_result r = hx_run(prefix, args, NULL, 120);
    cr_expect_eq(r.status, 2, "%s", r.err);
    cr_expect(strstr(r.err, "secret.txt") && strstr(r.err, "Permission denied"), "%s", r.err);
    json_object *j = hx_json(&r);
    cr_expect_eq(json_object_array_length(hx_get(j, "files")), 1);
    json_object_put(j);
    ct_free(&r);
    /* the same file inside a folder */
    snprintf(args, sizeof args, "--format json '%s'", dir);
    r = hx_run(prefix, args, NULL, 120);
    cr_expect_eq(r.status, 2, "%s", r.err);
    cr_expect(strstr(r.err, "Permission denied") != NULL, "%s", r.err);
    ct_free(&r);
    chmod(p, 0644);
    hx_rm_rf(dir);
    free(p);
    free(ok);
    free(dir);
}

Test(hostile, symlink_loops_are_cut)
{
    char *dir = ct_tmpdir();
    char *sub = hx_path(dir, "sub");
    cr_assert_eq(mkdir(sub, 0755), 0);
    char *a = ct_write(dir, "a.txt", clean_article, strlen(clean_article));
    char *b = ct_write(sub, "b.txt", clean_article, strlen(clean_article));
    char *up = hx_path(sub, "up");
    char *self = hx_path(dir, "self.txt");
    cr_assert_eq(symlink("..", up), 0);        /* a folder loop */
    cr_assert_eq(symlink("self.txt", self), 0); /* a file loop */
    char args[4200];
    snprintf(args, sizeof args, "--format json '%s'", dir);
    ct_result r = ct_run(args, NULL);
    cr_expect_eq(r.status, 2, "the loops are reported: %s", r.err);
    cr_expect(strstr(r.err, "directory loop") != NULL, "%s", r.err);
    cr_expect(strstr(r.err, "Too many levels of symbolic links") != NULL, "%s", r.err);
    json_object *j = hx_json(&r);
    cr_expect_eq(json_object_array_length(hx_get(j, "files")), 2, "each article once");
    json_object_put(j);
    ct_free(&r);
    hx_rm_rf(dir);
    free(sub);
    free(a);
    free(b);
    free(up);
    free(self);
    free(dir);
}

Test(hostile, fifo_is_refused_or_skipped_never_waited_on)
{
    char *dir = ct_tmpdir();
    char *fifo = hx_path(dir, "pipe.txt");
    cr_assert_eq(mkfifo(fifo, 0644), 0);
    char *ok = ct_write(dir, "ok.txt", clean_article, strlen(clean_article));
    char args[9000];
    /* named on the command line: refused at once (no writer would block) */
    snprintf(args, sizeof args, "--format json '%s' '%s'", fifo, ok);
    ct_result r = hx_run("", args, NULL, 60);
    cr_expect_eq(r.status, 2, "status %d (-1: killed by the timeout)", r.status);
    cr_expect(strstr(r.err, "not a regular file") != NULL, "%s", r.err);
    json_object *j = hx_json(&r);
    cr_expect_eq(json_object_array_length(hx_get(j, "files")), 1);
    json_object_put(j);
    ct_free(&r);
    /* inside a folder: not an article file, skipped */
    snprintf(args, sizeof args, "--format json '%s'", dir);
    r = hx_run("", args, NULL, 60);
    cr_expect_eq(r.status, 0, "status %d: %s", r.status, r.err);
    ct_free(&r);
    /* a directory named on the command line is searched, a directory
     * named as standard input is an error */
    r = hx_run("", "--format json -", dir, 60);
    cr_expect_eq(r.status, 2, "%s", r.err);
    ct_free(&r);
    unlink(fifo);
    hx_rm_rf(dir);
    free(fifo);
    free(ok);
    free(dir);
}

/* ---- where reports go ---- */

Test(hostile, report_never_overwrites_an_input_under_another_name)
{
    char *dir = ct_tmpdir();
    char *sub = hx_path(dir, "sub");
    cr_assert_eq(mkdir(sub, 0755), 0);
    char *in = ct_write(dir, "in.txt", clean_article, strlen(clean_article));
    char *sym = hx_path(dir, "sym.txt");
    char *hard = hx_path(dir, "hard.txt");
    cr_assert_eq(symlink("in.txt", sym), 0);
    cr_assert_eq(link(in, hard), 0);
    char dotted[4200], updown[4200];
    snprintf(dotted, sizeof dotted, "%s/./in.txt", dir);
    snprintf(updown, sizeof updown, "%s/sub/../in.txt", dir);
    const char *outs[] = {sym, hard, dotted, updown};
    for (size_t i = 0; i < 4; i++) {
        char args[9000];
        snprintf(args, sizeof args, "--format json -o '%s' '%s'", outs[i], in);
        ct_result r = ct_run(args, NULL);
        cr_expect_eq(r.status, 2, "-o %s", outs[i]);
        cr_expect(strstr(r.err, "input") != NULL, "%s", r.err);
        ct_free(&r);
        char *after = ct_read(in, NULL);
        cr_assert_str_eq(after, clean_article, "the input was changed through %s", outs[i]);
        free(after);
    }
    /* an input found inside a folder counts too */
    char args[9000];
    snprintf(args, sizeof args, "--format json -o '%s' '%s'", in, dir);
    ct_result r = ct_run(args, NULL);
    cr_expect_eq(r.status, 2);
    ct_free(&r);
    char cmd[4300];
    snprintf(cmd, sizeof cmd, "ls -a '%s' | grep -q tmp", dir);
    cr_expect_neq(system(cmd), 0, "a temporary file was left behind");
    hx_rm_rf(dir);
    free(sub);
    free(in);
    free(sym);
    free(hard);
    free(dir);
}

Test(hostile, report_file_is_replaced_atomically)
{
    char *dir = ct_tmpdir();
    char *in = ct_write(dir, "in.txt", clean_article, strlen(clean_article));
    char *out = ct_write(dir, "report.json", "OLD", 3);
    char *keep = hx_path(dir, "keep.json");
    cr_assert_eq(link(out, keep), 0);
    char args[9000];
    snprintf(args, sizeof args, "--format json -o '%s' '%s'", out, in);
    ct_result r = ct_run(args, NULL);
    cr_assert_eq(r.status, 0, "%s", r.err);
    ct_free(&r);
    /* a new file was renamed over the name: the old inode still says OLD */
    char *kept = ct_read(keep, NULL);
    cr_expect_str_eq(kept, "OLD");
    free(kept);
    char *rep = ct_read(out, NULL);
    json_object *j = json_tokener_parse(rep);
    cr_expect_not_null(j, "%s", rep);
    json_object_put(j);
    free(rep);
    /* a folder that does not exist: nothing written, status 2 */
    char *missing = hx_path(dir, "missing/report.json");
    snprintf(args, sizeof args, "--format json -o '%s' '%s'", missing, in);
    r = ct_run(args, NULL);
    cr_expect_eq(r.status, 2);
    ct_free(&r);
    /* a folder as output: refused */
    snprintf(args, sizeof args, "--format json -o '%s' '%s'", dir, in);
    r = ct_run(args, NULL);
    cr_expect_eq(r.status, 2);
    cr_expect(strstr(r.err, "directory") != NULL, "%s", r.err);
    ct_free(&r);
    char cmd[4300];
    snprintf(cmd, sizeof cmd, "ls -a '%s' | grep -q tmp", dir);
    cr_expect_neq(system(cmd), 0, "a temporary file was left behind");
    hx_rm_rf(dir);
    free(in);
    free(out);
    free(keep);
    free(missing);
    free(dir);
}

/* Every entry of dir is a regular file named [A-Za-z0-9._-], not starting
 * with '.'; returns how many. */
static size_t hx_check_pages(const char *dir)
{
    DIR *d = opendir(dir);
    cr_assert_not_null(d, "%s", dir);
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        cr_expect_neq(de->d_name[0], '.', "hidden page %s", de->d_name);
        for (const char *c = de->d_name; *c; c++)
            cr_expect(mtc_ascii_is_alnum((unsigned char)*c) || strchr("._-", *c),
                      "page name %s", de->d_name);
        cr_expect_lt(strlen(de->d_name), 120, "page name %s", de->d_name);
        char *p = hx_path(dir, de->d_name);
        struct stat st;
        cr_expect(lstat(p, &st) == 0 && S_ISREG(st.st_mode), "%s is not a file", p);
        free(p);
        n++;
    }
    closedir(d);
    return n;
}

Test(hostile, stdin_jsonl_ids_never_leave_the_html_dir)
{
    char *dir = ct_tmpdir();
    char *html = hx_path(dir, "pages");
    char longid[3000];
    memset(longid, 'x', sizeof longid - 1);
    longid[sizeof longid - 1] = '\0';
    memcpy(longid, "../../", 6);
    size_t cap = 8000;
    char *jsonl = mtc_xmalloc(cap);
    snprintf(jsonl, cap,
             "{\"id\": \"../../../../tmp/escaped\", \"text\": \"Teh minister spoke.\"}\n"
             "{\"id\": \"/tmp/absolute\", \"text\": \"Hello there.\"}\n"
             "{\"id\": \"a\\u0000/../../b\", \"text\": \"Hello there.\"}\n"
             "{\"id\": \"..\", \"text\": \"Hello there.\"}\n"
             "{\"id\": \".\", \"text\": \"Hello there.\"}\n"
             "{\"id\": \"index.html\", \"text\": \"Hello there.\"}\n"
             "{\"id\": \"\", \"text\": \"Hello there.\"}\n"
             "{\"id\": \"sub/dir/name\", \"text\": \"Hello there.\"}\n"
             "{\"id\": \"%s\", \"text\": \"Hello there.\"}\n",
             longid);
    char *in = ct_write(dir, "in.jsonl", jsonl, strlen(jsonl));
    char args[9000];
    snprintf(args, sizeof args, "--stdin-jsonl --format jsonl --html-dir '%s'", html);
    ct_result r = ct_run(args, in);
    cr_assert(r.status == 0 || r.status == 1, "status %d: %s", r.status, r.err);
    size_t lines = 0;
    for (const char *c = r.out; *c; c++)
        lines += *c == '\n';
    cr_expect_eq(lines, 9, "one line per article");
    ct_free(&r);
    /* the folder holds the input and the pages folder, nothing else */
    cr_expect_eq(hx_check_pages(html), 9 + 1, "9 pages and the index");
    DIR *d = opendir(dir);
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL)
        if (de->d_name[0] != '.')
            n++;
    closedir(d);
    cr_expect_eq(n, 2, "something was written next to the pages folder");
    struct stat st;
    cr_expect_neq(stat("/tmp/escaped.html", &st), 0);
    hx_rm_rf(dir);
    free(html);
    free(jsonl);
    free(in);
    free(dir);
}

Test(hostile, file_names_never_leave_the_html_dir_nor_replace_an_input)
{
    char *dir = ct_tmpdir();
    char *sub = hx_path(dir, "a b;$(x)");
    cr_assert_eq(mkdir(sub, 0755), 0);
    char *p1 = ct_write(sub, "..evil name <x>.txt", clean_article, strlen(clean_article));
    char *p2 = ct_write(sub, "-.txt", clean_article, strlen(clean_article));
    char longname[256];
    memset(longname, 'n', 250);
    memcpy(longname + 250, ".txt", 5); /* 254 bytes: the longest a name can be */
    char *p3 = ct_write(sub, longname, clean_article, strlen(clean_article));
    char *html = hx_path(dir, "pages");
    char args[9000];
    snprintf(args, sizeof args, "--format json --html-dir '%s' '%s' '%s/../a b;$(x)/-.txt' '%s'",
             html, p1, sub, p3);
    ct_result r = ct_run(args, NULL);
    cr_assert_eq(r.status, 0, "%s", r.err);
    ct_free(&r);
    cr_expect_eq(hx_check_pages(html), 4);
    /* the index is never written over an input either */
    char *index = hx_path(html, "index.html");
    char *old_index = ct_read(index, NULL);
    snprintf(args, sizeof args, "--format json --html-dir '%s' '%s'", html, index);
    r = ct_run(args, NULL);
    cr_expect_eq(r.status, 2, "%s", r.err);
    char *new_index = ct_read(index, NULL);
    cr_expect_str_eq(new_index, old_index, "index.html, an input, was replaced");
    free(old_index);
    free(new_index);
    free(index);
    ct_free(&r);
    /* a page name that is also an input: refused, the input kept */
    char *victim = ct_write(html, "001-pages-x.html", "<p>An article.</p>", 18);
    char *x = ct_write(html, "x.txt", clean_article, strlen(clean_article));
    snprintf(args, sizeof args, "--format json --html-dir '%s' '%s' '%s'", html, x, victim);
    r = ct_run(args, NULL);
    char *after = ct_read(victim, NULL);
    cr_expect_str_eq(after, "<p>An article.</p>");
    free(after);
    cr_expect_eq(r.status, 2, "%s", r.err);
    ct_free(&r);
    hx_rm_rf(dir);
    free(sub);
    free(p1);
    free(p2);
    free(p3);
    free(html);
    free(victim);
    free(x);
    free(dir);
}

/* ---- readers ---- */

Test(hostile, html_numeric_reference_overflow_gives_valid_utf8)
{
    /* gumbo 0.10 turns this reference into one stray byte (fuzz_reader) */
    static const char html[] = "<p>He said &#x2014eeeeeeee and &#99999999999; left.</p>";
    mtc_document *doc = NULL;
    mtc_error err;
    cr_assert_eq(mtc_document_from_bytes("a.html", html, sizeof html - 1, NULL, MTC_INPUT_HTML,
                                         &doc, &err),
                 MTC_OK, "%s", err.message);
    size_t bad;
    cr_expect(mtc_utf8_validate(doc->text, doc->len, &bad), "invalid UTF-8 at text byte %zu", bad);
    cr_expect(strstr(doc->text, "said \xEF\xBF\xBD and \xEF\xBF\xBD left.") != NULL, "%s", doc->text);
    mtc_document_free(doc);
}

/* ---- the fuzz targets' seeds and kept crash inputs ---- */

typedef int (*hx_one_fn)(const uint8_t *, size_t);
typedef int (*hx_init_fn)(int *, char ***);

/* Runs one() over every file of tests/fuzz/<sub>; returns how many. */
static size_t hx_replay_dir(const char *sub, hx_one_fn one)
{
    char root[4096];
    tu_root_path("tests/fuzz", root, sizeof root);
    char *path = hx_path(root, sub);
    DIR *d = opendir(path);
    size_t n = 0;
    if (d) {
        struct dirent *de;
        while ((de = readdir(d)) != NULL) {
            if (de->d_name[0] == '.')
                continue;
            char *f = hx_path(path, de->d_name);
            struct stat st;
            if (stat(f, &st) == 0 && S_ISREG(st.st_mode)) {
                size_t len;
                char *data = ct_read(f, &len);
                cr_assert_not_null(data, "%s", f);
                one((const uint8_t *)data, len); /* aborts on a broken contract */
                free(data);
                n++;
            }
            free(f);
        }
        closedir(d);
    }
    free(path);
    return n;
}

static void hx_replay(const char *target, hx_init_fn init, hx_one_fn one)
{
    if (init) {
        int argc = 0;
        char **argv = NULL;
        init(&argc, &argv);
    }
    cr_assert_gt(hx_replay_dir("seeds", one), 10, "the seed corpus is missing");
    char sub[128];
    snprintf(sub, sizeof sub, "regressions/%s", target);
    hx_replay_dir(sub, one);
    one((const uint8_t *)"", 0);
}

Test(hostile, fuzz_decode_replay) { hx_replay("fuzz_decode", NULL, hx_fuzz_decode); }
Test(hostile, fuzz_pipeline_replay)
{
    hx_replay("fuzz_pipeline", hx_init_pipeline, hx_fuzz_pipeline);
}
Test(hostile, fuzz_reader_replay) { hx_replay("fuzz_reader", NULL, hx_fuzz_reader); }
Test(hostile, fuzz_report_json_replay)
{
    hx_replay("fuzz_report_json", hx_init_report_json, hx_fuzz_report_json);
}
Test(hostile, fuzz_report_sarif_replay)
{
    hx_replay("fuzz_report_sarif", hx_init_report_sarif, hx_fuzz_report_sarif);
}
Test(hostile, fuzz_report_html_replay)
{
    hx_replay("fuzz_report_html", hx_init_report_html, hx_fuzz_report_html);
}
Test(hostile, fuzz_report_other_replay)
{
    hx_replay("fuzz_report_other", hx_init_report_other, hx_fuzz_report_other);
}

/* ---- huge: make bench-huge (MTC_HUGE=1) ---- */

/* Runs mtcheck under /usr/bin/time (standard input piped from pipe_file
 * when not NULL); returns the peak RSS in KiB. */
static long hx_timed(const char *args, const char *pipe_file, ct_result *r)
{
    *r = ct_run_full("/usr/bin/time -f 'hx-peak-rss-kib=%M hx-seconds=%e'", args, NULL, pipe_file,
                      900);
    const char *m = strstr(r->err, "hx-peak-rss-kib=");
    cr_assert_not_null(m, "no /usr/bin/time line: %s", r->err);
    long kib = strtol(m + 16, NULL, 10);
    const char *s = strstr(r->err, "hx-seconds=");
    cr_log_info("%s: peak RSS %ld MiB, %s", args, kib / 1024, s ? s : "");
    fprintf(stderr, "bench-huge: %.120s: status %d, peak RSS %ld MiB, %s", args, r->status,
            kib / 1024, s ? s : "\n");
    return kib;
}

Test(huge, one_gigabyte_of_text)
{
    if (!hx_huge())
        cr_skip_test("set MTC_HUGE=1 (make bench-huge)");
    char *dir = ct_tmpdir();
    char *p = hx_path(dir, "1g.txt");
    char cmd[4400];
    snprintf(cmd, sizeof cmd,
             "yes 'The minister said on Monday that the talks would go on.' | head -c 1073741824 > '%s'",
             p);
    cr_assert_eq(system(cmd), 0);
    char args[4400];
    /* a file: refused from its size */
    snprintf(args, sizeof args, "--format json '%s'", p);
    ct_result r;
    long kib = hx_timed(args, NULL, &r);
    cr_expect_eq(r.status, 2);
    cr_expect(strstr(r.err, "--max-bytes") != NULL, "%s", r.err);
    cr_expect_lt(kib, 200 * 1024, "refusing must not read the file");
    ct_free(&r);
    /* through a pipe: read up to the limit, then refused */
    kib = hx_timed("--format json -", p, &r);
    cr_expect_eq(r.status, 2);
    cr_expect(strstr(r.err, "larger than --max-bytes") != NULL, "%s", r.err);
    cr_expect_lt(kib, 1024 * 1024, "memory stays near the 256 MiB limit");
    ct_free(&r);
    hx_rm_rf(dir);
    free(p);
    free(dir);
}

Test(huge, limit_sized_article_is_checked)
{
    if (!hx_huge())
        cr_skip_test("set MTC_HUGE=1 (make bench-huge)");
    char *dir = ct_tmpdir();
    char *p = hx_path(dir, "256m.txt");
    char cmd[4400];
    snprintf(cmd, sizeof cmd,
             "yes 'The minister said on Monday that the talks would go on.' | head -c 268435000 > '%s'",
             p);
    cr_assert_eq(system(cmd), 0);
    char args[4400];
    snprintf(args, sizeof args, "--format json --fail-on none -o '%s/r.json' '%s'", dir, p);
    ct_result r;
    long kib = hx_timed(args, NULL, &r);
    cr_expect_eq(r.status, 0, "%s", r.err);
    cr_expect_lt(kib, 16L * 1024 * 1024, "memory bounded");
    ct_free(&r);
    hx_rm_rf(dir);
    free(p);
    free(dir);
}

Test(huge, fifty_megabyte_line)
{
    if (!hx_huge())
        cr_skip_test("set MTC_HUGE=1 (make bench-huge)");
    char *dir = ct_tmpdir();
    size_t len;
    char *line = hx_repeat("word, ", 50 * 1000 * 1000, "", &len);
    char *p = ct_write(dir, "line.txt", line, len);
    free(line);
    char args[4400];
    snprintf(args, sizeof args, "--format json --fail-on none -o '%s/r.json' '%s'", dir, p);
    ct_result r;
    long kib = hx_timed(args, NULL, &r);
    cr_expect_eq(r.status, 0, "%s", r.err);
    cr_expect_lt(kib, 8L * 1024 * 1024);
    ct_free(&r);
    hx_rm_rf(dir);
    free(p);
    free(dir);
}

Test(huge, ten_megabytes_of_quotation_marks_and_brackets)
{
    if (!hx_huge())
        cr_skip_test("set MTC_HUGE=1 (make bench-huge)");
    char *dir = ct_tmpdir();
    /* ten megabytes of each unit (whole characters): quotation marks,
     * brackets, words, CRs */
    static const char *const units[] = {"\"", "\xE2\x80\x9C", "(", "([", "word ", "\r"};
    for (size_t u = 0; u < sizeof units / sizeof units[0]; u++) {
        size_t len;
        char *b = hx_repeat(units[u], 10 * 1000 * 1000 / strlen(units[u]) * strlen(units[u]), "\n",
                           &len);
        char name[32];
        snprintf(name, sizeof name, "u%zu.txt", u);
        char *p = ct_write(dir, name, b, len);
        free(b);
        char args[4400];
        snprintf(args, sizeof args, "--format json --fail-on none -o '%s/r.json' '%s'", dir, p);
        ct_result r;
        long kib = hx_timed(args, NULL, &r);
        cr_expect_eq(r.status, 0, "unit %zu: status %d: %.300s", u, r.status, r.err);
        cr_expect_lt(kib, 16L * 1024 * 1024, "unit %zu", u);
        ct_free(&r);
        free(p);
    }
    hx_rm_rf(dir);
    free(dir);
}
