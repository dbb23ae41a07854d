/* test_newcomer.c — issue 13, what a new user meets first, through the real
 * binary: exact spans from the Markdown and HTML readers (every issue of
 * every reader input in the tests and the fuzz corpus), unread inputs named
 * in every output format, --stdin-jsonl answering every line, the
 * repository's configuration found however an article is named, and the
 * smaller items (--html-dir clean-up, format list, did-you-mean, --quiet,
 * terminal width). */
#define _DEFAULT_SOURCE /* DT_DIR, setenv */
#include <criterion/criterion.h>
#include <dirent.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "buffer.h"
#include "clitest.h"
#include "document.h"
#include "testutil.h"

static void go_root(void)
{
    char buf[4096];
    cr_assert_eq(chdir(tu_root_path(".", buf, sizeof buf)), 0);
}

static json_object *member(json_object *o, const char *key)
{
    json_object *v = NULL;
    cr_assert(json_object_object_get_ex(o, key, &v), "no '%s' in %s", key,
              json_object_to_json_string(o));
    return v;
}

/* ---- 1. exact spans ---------------------------------------------------- */

static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* The end of markup a reader skips at src[p] (a tag, a reference's
 * decoded form is handled by the caller), or p when there is none. */
static size_t skip_markup(const char *src, size_t p, size_t e, int html)
{
    if (src[p] == '<') {
        const char *gt = memchr(src + p, '>', e - p);
        return gt ? (size_t)(gt - src) + 1 : p;
    }
    if (html)
        return p;
    if (src[p] == '*' || src[p] == '_' || src[p] == '~' || src[p] == '[' || src[p] == '`')
        return p + 1;
    if (src[p] == '\\' && p + 1 < e)
        return p + 1;
    if (src[p] == ']') {
        if (p + 1 < e && src[p + 1] == '(') {
            const char *close = memchr(src + p, ')', e - p);
            return close ? (size_t)(close - src) + 1 : p + 1;
        }
        return p + 1;
    }
    return p;
}

/* The end of a character reference &name; &#N; &#xN; at src[p], or 0. */
static size_t reference_at(const char *src, size_t p, size_t e)
{
    if (src[p] != '&')
        return 0;
    size_t q = p + 1;
    if (q < e && src[q] == '#')
        q++;
    size_t start = q;
    while (q < e && q < p + 40 &&
           ((src[q] >= 'a' && src[q] <= 'z') || (src[q] >= 'A' && src[q] <= 'Z') ||
            (src[q] >= '0' && src[q] <= '9')))
        q++;
    return q > start && q < e && src[q] == ';' ? q + 1 : 0;
}

/* 1 when text is the source bytes src[s, e): equal byte for byte, except
 * that a whitespace run matches a whitespace run, a character reference
 * matches the one character it stands for and markup inside the span (a
 * tag, emphasis, a link's destination) is skipped. The span must start and
 * end at text, not at markup. */
static int span_matches(const char *text, size_t tn, const char *src, size_t s, size_t e,
                        int html, char *why, size_t whylen)
{
    size_t i = 0, p = s;
    while (i < tn && p < e) {
        if (is_ws(text[i]) && is_ws(src[p])) {
            while (i < tn && is_ws(text[i]))
                i++;
            while (p < e && is_ws(src[p]))
                p++;
            continue;
        }
        if (text[i] == src[p] && !(src[p] == '&' && reference_at(src, p, e) &&
                                   (tn - i < 2 || memcmp(text + i, src + p, 2) != 0))) {
            i++, p++;
            continue;
        }
        size_t ref = reference_at(src, p, e);
        if (ref) {
            i++;
            while (i < tn && ((unsigned char)text[i] & 0xC0) == 0x80)
                i++;
            p = ref;
            continue;
        }
        size_t q = i > 0 ? skip_markup(src, p, e, html) : p;
        if (q == p) {
            snprintf(why, whylen, "text byte %zu ('%c') against source byte %zu ('%c')", i,
                     text[i], p, src[p]);
            return 0;
        }
        p = q;
    }
    if (i < tn || p < e) {
        snprintf(why, whylen, "%s left over", i < tn ? "text" : "source");
        return 0;
    }
    return 1;
}

static void list_files(const char *dir, char ***out, size_t *n)
{
    DIR *d = opendir(dir);
    cr_assert_not_null(d, "cannot open %s", dir);
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.' || strcmp(de->d_name, "README.md") == 0)
            continue;
        char p[4096];
        snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
        struct stat st;
        if (stat(p, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode)) {
            list_files(p, out, n);
        } else if (S_ISREG(st.st_mode)) {
            *out = mtc_xrealloc(*out, (*n + 1) * sizeof **out);
            (*out)[(*n)++] = mtc_xstrdup(p);
        }
    }
    closedir(d);
}

static int has_ext(const char *p, const char *const *exts)
{
    const char *dot = strrchr(p, '.');
    for (; dot && *exts; exts++)
        if (strcasecmp(dot, *exts) == 0)
            return 1;
    return 0;
}

/* Runs the binary over `paths` read as `fmt` (auto, markdown, html) with
 * every rule on and checks every issue's span against the decoded source;
 * returns the number of issues checked. */
static size_t check_spans(char **paths, size_t n, const char *fmt)
{
    if (n == 0)
        return 0;
    mtc_buf args = MTC_BUF_INIT;
    mtc_buf_printf(&args, "--no-config --enable all --fail-on none --format json --input-format %s",
                   fmt);
    for (size_t i = 0; i < n; i++)
        mtc_buf_printf(&args, " '%s'", paths[i]);
    ct_result r = ct_run(args.data, NULL);
    cr_assert(r.status == 0 || r.status == 2, "exit %d: %s", r.status, r.err);
    json_object *root = json_tokener_parse(r.out);
    cr_assert_not_null(root, "not JSON: %.300s", r.out);
    json_object *files = member(root, "files");
    size_t checked = 0;
    for (size_t f = 0; f < json_object_array_length(files); f++) {
        json_object *fo = json_object_array_get_idx(files, f);
        const char *path = json_object_get_string(member(fo, "path"));
        mtc_input_format in = strcmp(fmt, "markdown") == 0 ? MTC_INPUT_MARKDOWN
                              : strcmp(fmt, "html") == 0   ? MTC_INPUT_HTML
                                                           : MTC_INPUT_AUTO;
        mtc_document *doc = NULL;
        mtc_error err;
        memset(&err, 0, sizeof err);
        cr_assert_eq(mtc_document_load(path, NULL, in, 0, &doc, &err), MTC_OK, "%s", err.message);
        int html = in == MTC_INPUT_HTML || (in == MTC_INPUT_AUTO && has_ext(path, (const char *const[]){".html", ".htm", NULL}));
        json_object *issues = member(fo, "issues");
        for (size_t k = 0; k < json_object_array_length(issues); k++) {
            json_object *is = json_object_array_get_idx(issues, k);
            size_t bs = (size_t)json_object_get_int64(member(is, "byte_start"));
            size_t be = (size_t)json_object_get_int64(member(is, "byte_end"));
            const char *text = json_object_get_string(member(is, "text"));
            size_t tn = (size_t)json_object_get_string_len(member(is, "text"));
            cr_assert(bs >= doc->source_base && be >= bs && be - doc->source_base <= doc->source_len,
                      "%s: span [%zu, %zu) outside the source", path, bs, be);
            char why[200] = "";
            cr_expect(span_matches(text, tn, doc->source, bs - doc->source_base,
                                   be - doc->source_base, html, why, sizeof why),
                      "%s (%s): %s '%s' spans '%.*s': %s", path, fmt,
                      json_object_get_string(member(is, "rule")), text, (int)(be - bs),
                      doc->source + bs - doc->source_base, why);
            checked++;
        }
        mtc_document_free(doc);
    }
    json_object_put(root);
    ct_free(&r);
    mtc_buf_free(&args);
    return checked;
}

Test(newcomer, spans_end_at_the_word_in_markdown_and_html)
{
    char *dir = mtc_xstrdup(ct_tmpdir());
    const char md[] = "See [the lnk](http://exampel.com/teh).\n\nWe *recieved* the **welcom** news.\n";
    const char html[] = "<p>See <a href=\"http://exampel.com/\">the welcom</a> and "
                        "<em>recieved</em>.</p>\n";
    char *pm = ct_write(dir, "a.md", md, strlen(md));
    char *ph = ct_write(dir, "a.html", html, strlen(html));
    char args[4200];
    snprintf(args, sizeof args, "--no-config --format json --fail-on none '%s' '%s'", pm, ph);
    ct_result r = ct_run(args, NULL);
    cr_assert_eq(r.status, 0, "%s", r.err);
    json_object *root = json_tokener_parse(r.out);
    json_object *files = member(root, "files");
    const char *want[2][3] = {{"lnk", "recieved", "welcom"}, {"welcom", "recieved", NULL}};
    const char *srcs[2] = {md, html};
    for (size_t f = 0; f < 2; f++) {
        json_object *issues = member(json_object_array_get_idx(files, f), "issues");
        for (size_t w = 0; w < 3 && want[f][w]; w++) {
            int found = 0;
            for (size_t k = 0; k < json_object_array_length(issues); k++) {
                json_object *is = json_object_array_get_idx(issues, k);
                if (strcmp(json_object_get_string(member(is, "text")), want[f][w]) != 0)
                    continue;
                size_t bs = (size_t)json_object_get_int64(member(is, "byte_start"));
                size_t be = (size_t)json_object_get_int64(member(is, "byte_end"));
                cr_expect_eq(be - bs, strlen(want[f][w]), "'%s' spans '%.*s'", want[f][w],
                             (int)(be - bs), srcs[f] + bs);
                cr_expect_eq(memcmp(srcs[f] + bs, want[f][w], strlen(want[f][w])), 0);
                /* the column after the word, not after the markup */
                long end_col = json_object_get_int(member(is, "end_column"));
                long col = json_object_get_int(member(is, "column"));
                cr_expect_eq(end_col - col, (long)strlen(want[f][w]));
                found = 1;
            }
            cr_expect(found, "no issue for '%s'", want[f][w]);
        }
    }
    json_object_put(root);
    ct_free(&r);
    free(pm);
    free(ph);
    free(dir);
}

Test(newcomer, spans_cover_references_but_not_the_markup_around_them)
{
    /* a word ending in a reference ends after its ';'; one before a tag
     * ends before the tag */
    char *dir = mtc_xstrdup(ct_tmpdir());
    const char html[] = "<p>The cafe&eacute;x opened. The <b>recieved</b>&nbsp;news.</p>\n";
    char *ph = ct_write(dir, "b.html", html, strlen(html));
    char args[4200];
    snprintf(args, sizeof args, "--no-config --format json --fail-on none '%s'", ph);
    ct_result r = ct_run(args, NULL);
    json_object *root = json_tokener_parse(r.out);
    json_object *issues = member(json_object_array_get_idx(member(root, "files"), 0), "issues");
    int seen = 0;
    for (size_t k = 0; k < json_object_array_length(issues); k++) {
        json_object *is = json_object_array_get_idx(issues, k);
        const char *t = json_object_get_string(member(is, "text"));
        size_t bs = (size_t)json_object_get_int64(member(is, "byte_start"));
        size_t be = (size_t)json_object_get_int64(member(is, "byte_end"));
        if (strcmp(t, "recieved") == 0) {
            cr_expect_eq(bs, (size_t)(strstr(html, "recieved") - html));
            cr_expect_eq(be, bs + 8);
            seen++;
        }
        if (strcmp(t, "cafeéx") == 0) {
            cr_expect_eq(bs, (size_t)(strstr(html, "cafe&") - html));
            cr_expect_eq(be, (size_t)(strstr(html, "x opened") - html) + 1);
            seen++;
        }
    }
    cr_expect_eq(seen, 2, "%s", r.out);
    json_object_put(root);
    ct_free(&r);
    free(ph);
    free(dir);
}

Test(newcomer, span_matcher_rejects_a_span_running_into_markup)
{
    char why[200];
    const char src[] = "See [the lnk](http://x.y/z).";
    size_t s = (size_t)(strstr(src, "lnk") - src);
    cr_assert(span_matches("lnk", 3, src, s, s + 3, 0, why, sizeof why));
    cr_assert_not(span_matches("lnk", 3, src, s, strlen(src) - 1, 0, why, sizeof why));
    const char h[] = "<em>recieved</em> x";
    cr_assert(span_matches("recieved", 8, h, 4, 12, 1, why, sizeof why));
    cr_assert_not(span_matches("recieved", 8, h, 4, 17, 1, why, sizeof why));
    cr_assert_not(span_matches("recieved", 8, h, 0, 12, 1, why, sizeof why));
}

Test(newcomer, every_reader_input_issue_text_is_its_source_span, .timeout = 300)
{
    go_root();
    static const char *const reader_exts[] = {".md", ".markdown", ".html", ".htm", NULL};
    char **all = NULL, **readers = NULL, **corpus = NULL;
    size_t n_all = 0, n_readers = 0, n_corpus = 0;
    list_files("tests/fixtures", &all, &n_all);
    for (size_t i = 0; i < n_all; i++) {
        if (has_ext(all[i], reader_exts)) {
            readers = mtc_xrealloc(readers, (n_readers + 1) * sizeof *readers);
            readers[n_readers++] = all[i];
        } else {
            free(all[i]);
        }
    }
    free(all);
    /* the fuzz corpus: every seed and reader regression, read by both readers */
    list_files("tests/fuzz/seeds", &corpus, &n_corpus);
    list_files("tests/fuzz/regressions/fuzz_reader", &corpus, &n_corpus);
    cr_assert_gt(n_readers, 3);
    cr_assert_gt(n_corpus, 10);
    size_t checked = check_spans(readers, n_readers, "auto");
    checked += check_spans(corpus, n_corpus, "markdown");
    checked += check_spans(corpus, n_corpus, "html");
    cr_expect_gt(checked, 100, "only %zu issues checked", checked);
    for (size_t i = 0; i < n_readers; i++)
        free(readers[i]);
    for (size_t i = 0; i < n_corpus; i++)
        free(corpus[i]);
    free(readers);
    free(corpus);
}

/* ---- 2. unread inputs are part of every output --------------------------- */

/* The run over good.txt, missing.txt and an empty folder in `format`. */
static ct_result run_with_unread(const char *format, char **dir_out)
{
    char *dir = mtc_xstrdup(ct_tmpdir());
    const char good[] = "The minister visited the school on Monday.\n";
    free(ct_write(dir, "good.txt", good, strlen(good)));
    char empty[4200];
    snprintf(empty, sizeof empty, "%s/empty", dir);
    cr_assert_eq(mkdir(empty, 0755), 0);
    free(ct_write(empty, "notes.pdf", "x", 1)); /* not an article */
    char args[8800];
    snprintf(args, sizeof args, "--no-config --format %s '%s/good.txt' '%s/missing.txt' '%s'",
             format, dir, dir, empty);
    *dir_out = dir;
    return ct_run(args, NULL);
}

Test(newcomer, sarif_names_every_unread_input)
{
    char *dir;
    ct_result r = run_with_unread("sarif", &dir);
    cr_assert_eq(r.status, 2, "%s", r.err);
    json_object *log = json_tokener_parse(r.out);
    cr_assert_not_null(log, "%.300s", r.out);
    json_object *run = json_object_array_get_idx(member(log, "runs"), 0);
    json_object *inv = json_object_array_get_idx(member(run, "invocations"), 0);
    cr_assert_eq(json_object_get_boolean(member(inv, "executionSuccessful")), 0);
    json_object *notes = member(inv, "toolExecutionNotifications");
    cr_assert_eq(json_object_array_length(notes), 2);
    int missing = 0, empty = 0;
    for (size_t i = 0; i < 2; i++) {
        json_object *n = json_object_array_get_idx(notes, i);
        cr_expect_str_eq(json_object_get_string(member(n, "level")), "error");
        const char *text = json_object_get_string(member(member(n, "message"), "text"));
        json_object *loc = json_object_array_get_idx(member(n, "locations"), 0);
        const char *uri = json_object_get_string(
            member(member(member(loc, "physicalLocation"), "artifactLocation"), "uri"));
        if (strstr(uri, "missing.txt")) {
            missing = 1;
            cr_expect(strstr(text, "No such file"), "%s", text);
        }
        if (strstr(uri, "empty")) {
            empty = 1;
            cr_expect(strstr(text, "no article"), "%s", text);
        }
    }
    cr_expect(missing && empty, "%s", r.out);
    json_object_put(log);
    ct_free(&r);
    free(dir);
}

Test(newcomer, sarif_execution_successful_when_everything_was_read)
{
    char *dir = mtc_xstrdup(ct_tmpdir());
    const char good[] = "The minister visited the school on Monday.\n";
    char *p = ct_write(dir, "good.txt", good, strlen(good));
    char args[4200];
    snprintf(args, sizeof args, "--no-config --format sarif '%s'", p);
    ct_result r = ct_run(args, NULL);
    cr_assert_eq(r.status, 0, "%s", r.err);
    json_object *log = json_tokener_parse(r.out);
    json_object *run = json_object_array_get_idx(member(log, "runs"), 0);
    json_object *inv = json_object_array_get_idx(member(run, "invocations"), 0);
    cr_expect_eq(json_object_get_boolean(member(inv, "executionSuccessful")), 1);
    json_object *v;
    cr_expect_not(json_object_object_get_ex(inv, "toolExecutionNotifications", &v));
    json_object_put(log);
    ct_free(&r);
    free(p);
    free(dir);
}

Test(newcomer, markdown_summary_says_the_run_failed)
{
    char *dir;
    ct_result r = run_with_unread("markdown", &dir);
    cr_assert_eq(r.status, 2);
    cr_expect(strstr(r.out, "**Gate: failed**"), "%s", r.out);
    cr_expect_null(strstr(r.out, "Gate: passed"), "%s", r.out);
    cr_expect(strstr(r.out, "### Not checked"), "%s", r.out);
    cr_expect(strstr(r.out, "missing.txt"), "%s", r.out);
    cr_expect(strstr(r.out, "empty"), "%s", r.out);
    ct_free(&r);
    free(dir);
}

Test(newcomer, github_text_json_and_jsonl_name_the_unread)
{
    char *dir;
    ct_result r = run_with_unread("github", &dir);
    cr_assert_eq(r.status, 2);
    cr_expect(strstr(r.out, "::error file=") && strstr(r.out, "missing.txt,title=mtcheck: not checked::"),
              "%s", r.out);
    cr_expect(strstr(r.out, "empty,title=mtcheck: not checked::"), "%s", r.out);
    ct_free(&r);
    free(dir);

    r = run_with_unread("text", &dir);
    cr_assert_eq(r.status, 2);
    cr_expect(strstr(r.out, "missing.txt: not checked: cannot open"), "%s", r.out);
    cr_expect(strstr(r.out, "1 files checked, 0 failed, 2 not checked"), "%s", r.out);
    cr_expect(strstr(r.err, "warning:") && strstr(r.err, "empty: no article"), "%s", r.err);
    ct_free(&r);
    free(dir);

    r = run_with_unread("json", &dir);
    cr_assert_eq(r.status, 2);
    json_object *root = json_tokener_parse(r.out);
    cr_assert_not_null(root);
    json_object *unread = member(member(root, "summary"), "unread");
    cr_expect_eq(json_object_array_length(unread), 2);
    cr_expect_eq(json_object_array_length(member(root, "files")), 1);
    json_object_put(root);
    ct_free(&r);
    free(dir);

    r = run_with_unread("jsonl", &dir);
    cr_assert_eq(r.status, 2);
    cr_expect(strstr(r.out, "missing.txt\", \"error\": \"cannot open"), "%s", r.out);
    ct_free(&r);
    free(dir);
}

Test(newcomer, a_folder_without_articles_is_exit_2_and_a_folder_with_one_is_not)
{
    char *dir = mtc_xstrdup(ct_tmpdir());
    char args[4200];
    snprintf(args, sizeof args, "--no-config '%s'", dir);
    ct_result r = ct_run(args, NULL);
    cr_expect_eq(r.status, 2, "an empty folder passed: %s", r.out);
    cr_expect(strstr(r.err, "warning:") && strstr(r.err, dir), "%s", r.err);
    ct_free(&r);
    const char good[] = "The minister visited the school on Monday.\n";
    free(ct_write(dir, "good.txt", good, strlen(good)));
    r = ct_run(args, NULL);
    cr_expect_eq(r.status, 0, "%s", r.err);
    cr_expect_null(strstr(r.err, "warning"), "%s", r.err);
    ct_free(&r);
    free(dir);
}

/* ---- 3. --stdin-jsonl answers every line ------------------------------------ */

Test(newcomer, stdin_jsonl_answers_every_line_in_order)
{
    char *dir = mtc_xstrdup(ct_tmpdir());
    const char in[] = "{\"id\": \"a\", \"text\": \"The minister visited the school.\"}\n"
                      "not json\n"
                      "{\"id\": 7, \"text\": null}\n"
                      "\n"
                      "{\"text\": \"no id here\"}\n"
                      "{\"id\": \"b\"}\n"
                      "[1, 2]\n"
                      "{\"id\": \"c\", \"text\": \"The school opened on Monday.\"}\n";
    char *p = ct_write(dir, "in.jsonl", in, strlen(in));
    ct_result r = ct_run("--no-config --stdin-jsonl", p);
    cr_expect_eq(r.status, 2, "%s", r.err);
    const char *want_id[] = {"a", NULL, "7", NULL, "b", NULL, "c"};
    const long want_line[] = {0, 2, 3, 5, 6, 7, 0};
    /* a number id is echoed as a number, as written (issue 18) */
    cr_expect(strstr(r.out, "{\"id\": 7, \"line\": 3, \"error\": \"\\\"text\\\" is null"), "%s",
              r.out);
    char *save = NULL;
    size_t k = 0;
    for (char *line = strtok_r(r.out, "\n", &save); line; line = strtok_r(NULL, "\n", &save), k++) {
        cr_assert_lt(k, 7, "more answers than records: %s", line);
        json_object *o = json_tokener_parse(line);
        cr_assert_not_null(o, "not JSON: %s", line);
        json_object *id = member(o, "id"), *v;
        if (want_id[k])
            cr_expect_str_eq(json_object_get_string(id), want_id[k]);
        else
            cr_expect_null(id, "line %zu: id should be null: %s", k, line);
        if (want_line[k]) {
            cr_expect_eq(json_object_get_int(member(o, "line")), want_line[k], "%s", line);
            cr_expect(json_object_object_get_ex(o, "error", &v), "%s", line);
        } else {
            cr_expect_not(json_object_object_get_ex(o, "error", &v), "%s", line);
            member(o, "issues");
        }
        json_object_put(o);
    }
    cr_expect_eq(k, 7, "%zu answers for 7 records", k);
    ct_free(&r);
    free(p);
    free(dir);
}

Test(newcomer, stdin_jsonl_all_good_lines_exit_0)
{
    char *dir = mtc_xstrdup(ct_tmpdir());
    const char in[] = "{\"id\": \"a\", \"text\": \"The minister visited the school.\"}\n"
                      "{\"id\": 2, \"text\": \"The school opened on Monday.\"}\n";
    char *p = ct_write(dir, "in.jsonl", in, strlen(in));
    ct_result r = ct_run("--no-config --stdin-jsonl", p);
    cr_expect_eq(r.status, 0, "%s", r.err);
    cr_expect_null(strstr(r.out, "\"error\""), "%s", r.out);
    ct_free(&r);
    free(p);
    free(dir);
}

/* ---- 4. the repository's word list and configuration ----------------------- */

Test(newcomer, repository_words_and_config_found_however_the_article_is_named)
{
    char *repo = mtc_xstrdup(ct_tmpdir());
    char sub[4200], git[4200];
    snprintf(git, sizeof git, "%s/.git", repo);
    snprintf(sub, sizeof sub, "%s/content/world", repo);
    cr_assert_eq(mkdir(git, 0755), 0);
    snprintf(sub, sizeof sub, "%s/content", repo);
    cr_assert_eq(mkdir(sub, 0755), 0);
    snprintf(sub, sizeof sub, "%s/content/world", repo);
    cr_assert_eq(mkdir(sub, 0755), 0);
    const char words[] = "zorblatt\n";
    free(ct_write(repo, ".mtcheck-words.txt", words, strlen(words)));
    const char art[] = "The zorblatt report was recieved on Monday.\n";
    free(ct_write(sub, "a.md", art, strlen(art)));
    const char *names[] = {"content/world/a.md", "./content/world/a.md", NULL};
    char abs[4300];
    snprintf(abs, sizeof abs, "%s/content/world/a.md", repo);
    for (int with_ini = 0; with_ini < 2; with_ini++) {
        if (with_ini) {
            const char ini[] = "disable = spelling.unknown-word\n";
            free(ct_write(repo, ".mtcheck.ini", ini, strlen(ini)));
        }
        for (int i = 0; i < 3; i++) {
            const char *name = names[i] ? names[i] : abs;
            char args[8800];
            snprintf(args, sizeof args, "--format jsonl '%s'", name);
            char cwd[4096];
            cr_assert_not_null(getcwd(cwd, sizeof cwd));
            cr_assert_eq(chdir(repo), 0);
            ct_result r = ct_run(args, NULL);
            cr_assert_eq(chdir(cwd), 0);
            cr_assert(r.status == 0 || r.status == 1, "%s: %s", name, r.err);
            cr_expect_null(strstr(r.out, "'zorblatt'"), "%s: the word list was not read: %s",
                           name, r.out);
            if (with_ini)
                cr_expect_null(strstr(r.out, "'recieved'"),
                               "%s: the .mtcheck.ini was not read: %s", name, r.out);
            else
                cr_expect(strstr(r.out, "'recieved'"), "%s: %s", name, r.out);
            ct_free(&r);
        }
    }
    free(repo);
}

/* ---- 5. the smaller items --------------------------------------------------- */

static int file_exists(const char *dir, const char *name)
{
    char p[4400];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    struct stat st;
    return stat(p, &st) == 0;
}

Test(newcomer, html_dir_removes_only_its_own_stale_pages)
{
    char *dir = mtc_xstrdup(ct_tmpdir());
    const char good[] = "The minister visited the school on Monday.\n";
    const char bad[] = "The talks were recieved on Monday.\n";
    char *pg = ct_write(dir, "good.txt", good, strlen(good));
    char *pb = ct_write(dir, "bad.txt", bad, strlen(bad));
    char out[4200], args[13000], cwd[4096];
    snprintf(out, sizeof out, "%s/pages", dir);
    cr_assert_not_null(getcwd(cwd, sizeof cwd));
    cr_assert_eq(chdir(dir), 0); /* page names from bare file names */
    snprintf(args, sizeof args, "--no-config --html-dir '%s' good.txt bad.txt", out);
    ct_result r = ct_run(args, NULL);
    cr_assert_eq(r.status, 1, "%s", r.err);
    ct_free(&r);
    cr_assert(file_exists(out, "001-good.html") && file_exists(out, "002-bad.html"));
    /* files of others in the folder: one named like a page, one even
     * carrying mtcheck's generator tag but never written by this folder's runs */
    const char mine[] = "<p>my notes</p>\n";
    const char copied[] = "<meta name=\"generator\" content=\"mtcheck 0.1.0\">\n";
    free(ct_write(out, "003-notes.html", mine, strlen(mine)));
    free(ct_write(out, "009-copied.html", copied, strlen(copied)));
    free(ct_write(out, "readme.txt", mine, strlen(mine)));
    snprintf(args, sizeof args, "--no-config --html-dir '%s' bad.txt", out);
    r = ct_run(args, NULL);
    cr_assert_eq(chdir(cwd), 0);
    cr_assert_eq(r.status, 1, "%s", r.err);
    ct_free(&r);
    cr_expect(file_exists(out, "001-bad.html"));
    cr_expect(file_exists(out, "index.html"));
    cr_expect_not(file_exists(out, "001-good.html"), "a stale page stayed");
    cr_expect_not(file_exists(out, "002-bad.html"), "a stale page stayed");
    cr_expect(file_exists(out, "003-notes.html"), "another file was deleted");
    cr_expect(file_exists(out, "009-copied.html"), "a page this folder's runs never wrote was deleted");
    cr_expect(file_exists(out, "readme.txt"));
    char *index = ct_read(strcat(out, "/index.html"), NULL);
    cr_expect_null(strstr(index, "001-good.html"));
    free(index);
    free(pg);
    free(pb);
    free(dir);
}

Test(newcomer, unknown_format_lists_the_formats)
{
    ct_result r = ct_run("--format nonsense x.txt", NULL);
    cr_expect_eq(r.status, 2);
    cr_expect(strstr(r.err, "unknown format 'nonsense'"), "%s", r.err);
    const char *formats[] = {"text", "json", "jsonl", "sarif", "github", "markdown", "rdjsonl",
                             "checkstyle", "html"};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        cr_expect(strstr(r.err, formats[i]), "'%s' not listed: %s", formats[i], r.err);
    ct_free(&r);
}

Test(newcomer, unknown_option_did_you_mean)
{
    struct { const char *arg, *want; } cases[] = {
        {"--formt json", "did you mean --format?"},
        {"--fromat=json", "did you mean --format?"},
        {"--quite", "did you mean --quiet?"},
        {"--no-contxt", "did you mean --no-context?"},
        {"--disabel spelling", "did you mean --disable?"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char args[200];
        snprintf(args, sizeof args, "%s x.txt", cases[i].arg);
        ct_result r = ct_run(args, NULL);
        cr_expect_eq(r.status, 2);
        cr_expect(strstr(r.err, cases[i].want), "%s: %s", cases[i].arg, r.err);
        ct_free(&r);
    }
    /* nothing close: no guess */
    ct_result r = ct_run("--xyzzy x.txt", NULL);
    cr_expect_eq(r.status, 2);
    cr_expect(strstr(r.err, "unknown option '--xyzzy'"), "%s", r.err);
    cr_expect_null(strstr(r.err, "did you mean"), "%s", r.err);
    ct_free(&r);
}

Test(newcomer, quiet_prints_only_failing_articles)
{
    char *dir = mtc_xstrdup(ct_tmpdir());
    const char good[] = "The minister visited the school on Monday.\n";
    const char bad[] = "The talks were recieved on Monday.\n";
    char *pg = ct_write(dir, "good.txt", good, strlen(good));
    char *pb = ct_write(dir, "bad.txt", bad, strlen(bad));
    char args[9000];
    snprintf(args, sizeof args, "--no-config --quiet '%s' '%s'", pg, pb);
    ct_result r = ct_run(args, NULL);
    cr_expect_eq(r.status, 1);
    cr_expect_null(strstr(r.out, "good.txt"), "a clean article printed: %s", r.out);
    cr_expect(strstr(r.out, "bad.txt:1:16: major: unknown word 'recieved'"), "%s", r.out);
    cr_expect(strstr(r.out, ": FAIL\n"), "%s", r.out);
    ct_free(&r);
    /* only clean articles: nothing at all */
    snprintf(args, sizeof args, "--no-config -q '%s' '%s'", pg, pg);
    r = ct_run(args, NULL);
    cr_expect_eq(r.status, 0);
    cr_expect_eq(r.out_len, 0, "printed: %s", r.out);
    ct_free(&r);
    /* without --quiet the clean article has its pass line */
    snprintf(args, sizeof args, "--no-config '%s'", pg);
    r = ct_run(args, NULL);
    cr_expect(strstr(r.out, "good.txt: score 100.0/100") && strstr(r.out, "pass"), "%s", r.out);
    ct_free(&r);
    free(pg);
    free(pb);
    free(dir);
}

/* Display columns of a UTF-8 line (every code point one column here). */
static size_t columns(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

static size_t widest_line(const char *out)
{
    size_t best = 0;
    for (const char *p = out; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        /* finding lines carry the path; the context lines start with 4 spaces */
        if (n >= 4 && memcmp(p, "    ", 4) == 0 && columns(p, n) > best)
            best = columns(p, n);
        p += n + (nl != NULL);
    }
    return best;
}

Test(newcomer, context_fits_the_terminal_width)
{
    char *dir = mtc_xstrdup(ct_tmpdir());
    mtc_buf t = MTC_BUF_INIT;
    mtc_buf_puts(&t, "The officials said that");
    for (int i = 0; i < 265; i++)
        mtc_buf_puts(&t, " loop");
    mtc_buf_puts(&t, " ended.\n");
    char *p = ct_write(dir, "loop.txt", t.data, t.len);
    char args[4300];
    snprintf(args, sizeof args, "--no-config --context '%s'", p);
    ct_result r = ct_run_full("env -u COLUMNS", args, NULL, NULL, 120);
    cr_assert(strstr(r.out, "artifacts.repetition"), "%s", r.out);
    cr_expect_leq(widest_line(r.out), 80, "a context line is wider than 80 columns");
    cr_expect_null(strstr(r.out, "~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~"),
                   "the caret line runs past the width");
    cr_expect(strstr(r.out, "~…"), "a cut span ends in an ellipsis: %s", r.out);
    /* the same output every time when piped */
    ct_result again = ct_run_full("env -u COLUMNS", args, NULL, NULL, 120);
    cr_expect_str_eq(r.out, again.out);
    ct_free(&again);
    ct_free(&r);
    /* COLUMNS chooses the width */
    r = ct_run_full("env COLUMNS=50", args, NULL, NULL, 120);
    cr_expect_leq(widest_line(r.out), 50, "%s", r.out);
    cr_expect_gt(widest_line(r.out), 40, "%s", r.out);
    ct_free(&r);
    /* a short sentence is shown whole, caret under the span */
    const char s[] = "The talks ended on Monday,, officials said.\n";
    char *q = ct_write(dir, "short.txt", s, strlen(s));
    snprintf(args, sizeof args, "--no-config --context --enable all '%s'", q);
    r = ct_run_full("env -u COLUMNS", args, NULL, NULL, 120);
    cr_expect(strstr(r.out, "    The talks ended on Monday,, officials said.\n"
                            "                             ^~\n"), "%s", r.out);
    ct_free(&r);
    free(q);
    free(p);
    mtc_buf_free(&t);
    free(dir);
}
