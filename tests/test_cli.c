/* test_cli.c — the command line end to end: exit codes, stdin, folders,
 * output files, JSON shape and positions, the same issues whatever the
 * input encoding. */
#include <criterion/criterion.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "clitest.h"
#include "testutil.h"

static const char *seed(void)
{
    static char buf[4096];
    return tu_root_path("tests/fixtures/seed-article.txt", buf, sizeof buf);
}

static const char clean_article[] =
    "Rome talks end without agreement\n"
    "\n"
    "Officials from both countries met in Rome on Monday. The talks lasted seven hours, "
    "according to a statement released after the meeting.\n";

static json_object *parse_json(const char *s)
{
    json_object *j = json_tokener_parse(s);
    cr_assert_not_null(j, "output is not valid JSON: %.300s", s);
    return j;
}

static json_object *get(json_object *o, const char *key)
{
    json_object *v = NULL;
    cr_assert(json_object_object_get_ex(o, key, &v), "missing key %s", key);
    return v;
}

Test(cli, help_and_version)
{
    ct_result r = ct_run("--help", NULL);
    cr_assert_eq(r.status, 0);
    cr_assert(strstr(r.out, "Usage: mtcheck"));
    cr_assert(strstr(r.out, "--fail-on"));
    ct_free(&r);
    r = ct_run("--version", NULL);
    cr_assert_eq(r.status, 0);
    cr_assert(strstr(r.out, "mtcheck " MTC_VERSION));
    ct_free(&r);
}

Test(cli, usage_errors_exit_2)
{
    const char *bad[] = {"", "--no-such-option x.txt", "--format xml x.txt", "--fail-on severe x.txt",
                         "--min-score 140 x.txt", "--lang fr_FR x.txt", "--disable no-such-rule x.txt",
                         "--severity typography=huge x.txt", "--encoding"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ct_result r = ct_run(bad[i], NULL);
        cr_expect_eq(r.status, 2, "'%s' exited %d", bad[i], r.status);
        cr_expect(strlen(r.err) > 0, "'%s' printed no error", bad[i]);
        cr_expect_eq(r.out_len, 0, "'%s' wrote to stdout", bad[i]);
        ct_free(&r);
    }
}

Test(cli, list_rules)
{
    ct_result r = ct_run("--list-rules", NULL);
    cr_assert_eq(r.status, 0);
    cr_assert(strstr(r.out, "typography.doubled-word"));
    ct_free(&r);
}

Test(cli, missing_file_exit_2)
{
    ct_result r = ct_run("/nonexistent/article.txt", NULL);
    cr_assert_eq(r.status, 2);
    cr_assert(strstr(r.err, "/nonexistent/article.txt"), "%s", r.err);
    ct_free(&r);
}

Test(cli, gate_exit_codes)
{
    char *dir = ct_tmpdir();
    char *clean = ct_write(dir, "clean.txt", clean_article, strlen(clean_article));
    const char bad_text[] = "The talks ended on Monday,, officials said. The the talks failed.\n";
    char *bad = ct_write(dir, "bad.txt", bad_text, strlen(bad_text));
    char args[8192];

    snprintf(args, sizeof args, "'%s'", clean);
    ct_result r = ct_run(args, NULL);
    cr_expect_eq(r.status, 0, "clean article: %d %s %s", r.status, r.out, r.err);
    ct_free(&r);

    snprintf(args, sizeof args, "--disable spelling,grammar,artifacts,quotes '%s'", bad);
    r = ct_run(args, NULL);
    cr_expect_eq(r.status, 1, "doubled word is major: %d", r.status); /* default gate: major */
    ct_free(&r);

    snprintf(args, sizeof args, "--fail-on none '%s'", bad);
    r = ct_run(args, NULL);
    cr_expect_eq(r.status, 0);
    ct_free(&r);

    snprintf(args, sizeof args, "--fail-on critical --disable artifacts '%s'", bad);
    r = ct_run(args, NULL);
    cr_expect_eq(r.status, 0);
    ct_free(&r);

    snprintf(args, sizeof args, "--fail-on none --min-score 99.9 '%s'", bad);
    r = ct_run(args, NULL);
    cr_expect_eq(r.status, 1, "score gate");
    ct_free(&r);

    /* gate failure in one file and a clean one: still 1 */
    snprintf(args, sizeof args, "--disable spelling,grammar,artifacts,quotes '%s' '%s'", clean, bad);
    r = ct_run(args, NULL);
    cr_expect_eq(r.status, 1);
    ct_free(&r);
    free(clean);
    free(bad);
    free(dir);
}

Test(cli, text_format_lines)
{
    char *dir = ct_tmpdir();
    const char text[] = "Headline here\n\nThe talks ended on Monday,, officials said.\n";
    char *p = ct_write(dir, "a.txt", text, strlen(text));
    char args[4200];
    snprintf(args, sizeof args, "--enable all --disable spelling,grammar,artifacts,quotes '%s'", p);
    ct_result r = ct_run(args, NULL);
    char expect[4400];
    snprintf(expect, sizeof expect, "%s:3:26: minor: doubled punctuation ',,' [typography.doubled-punctuation]\n", p);
    cr_assert(strstr(r.out, expect), "got: %s", r.out);
    cr_assert_null(strstr(r.out, "\033["), "no colours when not a terminal");
    cr_assert_null(strstr(r.out, "^"), "no caret context when not a terminal");
    ct_free(&r);
    /* --context forces the caret line; --color always the escapes */
    snprintf(args, sizeof args, "--context --color always --disable spelling,grammar,artifacts,quotes '%s'", p);
    r = ct_run(args, NULL);
    cr_assert(strstr(r.out, "^~"), "caret line: %s", r.out);
    cr_assert(strstr(r.out, "\033["));
    ct_free(&r);
    free(p);
    free(dir);
}

/* The ". .." of the sample article: exact span, line and column. */
Test(cli, seed_json_doubled_punctuation_position)
{
    size_t len;
    char *text = ct_read(seed(), &len);
    cr_assert_not_null(text);
    const char *hit = strstr(text, "century. ..");
    cr_assert_not_null(hit);
    size_t start = (size_t)(hit - text) + strlen("century");
    long line = 1, col = 1;
    for (size_t i = 0; i < start; i++) {
        if (text[i] == '\n') {
            line++;
            col = 1;
        } else if ((text[i] & 0xC0) != 0x80) {
            col++;
        }
    }
    char args[4200];
    snprintf(args, sizeof args, "--format json '%s'", seed());
    ct_result r = ct_run(args, NULL);
    cr_assert_eq(r.status, 1, "the sample fails the default gate");
    json_object *j = parse_json(r.out);
    json_object *files = get(j, "files");
    cr_assert_eq(json_object_array_length(files), 1);
    json_object *f = json_object_array_get_idx(files, 0);
    cr_assert_str_eq(json_object_get_string(get(f, "encoding")), "UTF-8");
    cr_assert_gt(json_object_get_int(get(f, "words")), 800);
    cr_assert_gt(json_object_array_length(get(f, "sentences")), 30);
    json_object *issues = get(f, "issues");
    int found = 0;
    for (size_t i = 0; i < json_object_array_length(issues); i++) {
        json_object *is = json_object_array_get_idx(issues, i);
        if (strcmp(json_object_get_string(get(is, "rule")), "typography.doubled-punctuation") != 0)
            continue;
        found = 1;
        cr_expect_eq((size_t)json_object_get_int64(get(is, "byte_start")), start);
        cr_expect_eq((size_t)json_object_get_int64(get(is, "byte_end")), start + 4);
        cr_expect_eq(json_object_get_int(get(is, "line")), line);
        cr_expect_eq(json_object_get_int(get(is, "column")), col);
        cr_expect_str_eq(json_object_get_string(get(is, "text")), ". ..");
        cr_expect_str_eq(json_object_get_string(get(is, "category")), "typography");
    }
    cr_assert(found, "no doubled punctuation issue");
    json_object *sum = get(j, "summary");
    cr_expect_eq(json_object_get_int(get(sum, "files")), 1);
    cr_expect_eq((size_t)json_object_get_int(get(sum, "issues")), json_object_array_length(issues));
    json_object_put(j);
    ct_free(&r);
    free(text);
}

/* Issue spans, lines and columns of the JSON output as one comparable string. */
static char *issue_signature(const char *json_text)
{
    json_object *j = parse_json(json_text);
    json_object *f = json_object_array_get_idx(get(j, "files"), 0);
    json_object *issues = get(f, "issues");
    size_t cap = 1 << 16, n = 0;
    char *sig = mtc_xmalloc(cap);
    sig[0] = '\0';
    for (size_t i = 0; i < json_object_array_length(issues); i++) {
        json_object *is = json_object_array_get_idx(issues, i);
        char row[512];
        int k = snprintf(row, sizeof row, "%lld-%lld %d:%d %s\n",
                         (long long)json_object_get_int64(get(is, "byte_start")),
                         (long long)json_object_get_int64(get(is, "byte_end")),
                         json_object_get_int(get(is, "line")), json_object_get_int(get(is, "column")),
                         json_object_get_string(get(is, "rule")));
        if (n + (size_t)k + 1 > cap) {
            cap *= 2;
            sig = mtc_xrealloc(sig, cap);
        }
        memcpy(sig + n, row, (size_t)k + 1);
        n += (size_t)k;
    }
    json_object_put(j);
    return sig;
}

Test(cli, same_issues_in_every_encoding)
{
    char *dir = ct_tmpdir();
    char cmd[8192];
    snprintf(cmd, sizeof cmd,
             "iconv -f UTF-8 -t WINDOWS-1252 '%s' > '%s/cp1252.txt' && "
             "{ printf '\\377\\376'; iconv -f UTF-8 -t UTF-16LE '%s'; } > '%s/utf16le.txt' && "
             "{ printf '\\376\\377'; iconv -f UTF-8 -t UTF-16BE '%s'; } > '%s/utf16be.txt' && "
             "iconv -f UTF-8 -t UTF-16LE '%s' > '%s/utf16nobom.txt'",
             seed(), dir, seed(), dir, seed(), dir, seed(), dir);
    cr_assert_eq(system(cmd), 0);
    char args[8192];
    snprintf(args, sizeof args, "--format json '%s'", seed());
    ct_result ref = ct_run(args, NULL);
    char *want = issue_signature(ref.out);
    cr_assert(strlen(want) > 0);
    const char *variants[][2] = {{"cp1252.txt", ""},
                                 {"cp1252.txt", "--encoding windows-1252"},
                                 {"utf16le.txt", ""},
                                 {"utf16be.txt", ""},
                                 {"utf16nobom.txt", "--encoding UTF-16LE"}};
    for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++) {
        snprintf(args, sizeof args, "--format json %s '%s/%s'", variants[i][1], dir, variants[i][0]);
        ct_result r = ct_run(args, NULL);
        cr_expect_eq(r.status, ref.status, "%s %s: %s", variants[i][0], variants[i][1], r.err);
        char *got = issue_signature(r.out);
        cr_expect_str_eq(got, want, "%s %s differs", variants[i][0], variants[i][1]);
        free(got);
        ct_free(&r);
    }
    /* the detected encoding is reported on stderr and in JSON */
    snprintf(args, sizeof args, "--format json '%s/cp1252.txt'", dir);
    ct_result r = ct_run(args, NULL);
    cr_expect(strstr(r.err, "detected"), "stderr: %s", r.err);
    cr_expect(strstr(r.out, "\"encoding_detected\": true"));
    ct_free(&r);
    free(want);
    ct_free(&ref);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
    free(dir);
}

Test(cli, strict_utf8_names_byte_offset)
{
    char *dir = ct_tmpdir();
    const char text[] = "The talks ended.\nOfficials said \xff nothing.\n";
    char *p = ct_write(dir, "bad.txt", text, sizeof text - 1);
    char args[4200];
    snprintf(args, sizeof args, "--encoding UTF-8 '%s'", p);
    ct_result r = ct_run(args, NULL);
    cr_assert_eq(r.status, 2);
    cr_assert(strstr(r.err, p), "names the file: %s", r.err);
    cr_assert(strstr(r.err, "32"), "names byte 32: %s", r.err);
    ct_free(&r);
    free(p);
    free(dir);
}

Test(cli, invalid_utf8_without_encoding_detected_or_refused)
{
    char *dir = ct_tmpdir();
    /* one stray byte in English text: either a detected 8-bit encoding
     * (reported) or a refusal naming the offset */
    const char text[] = "The talks ended on Monday.\nOfficials said \x92nothing\x92 at all.\n";
    char *p = ct_write(dir, "odd.txt", text, sizeof text - 1);
    char args[4200];
    snprintf(args, sizeof args, "--format json '%s'", p);
    ct_result r = ct_run(args, NULL);
    if (r.status == 2) {
        cr_expect(strstr(r.err, "--encoding"), "%s", r.err);
    } else {
        cr_expect(strstr(r.err, "detected"), "%s", r.err);
        cr_expect(strstr(r.out, "\"encoding_detected\": true"));
    }
    ct_free(&r);
    free(p);
    free(dir);
}

Test(cli, directory_argument_checks_every_article)
{
    char *dir = ct_tmpdir();
    char sub[4200];
    snprintf(sub, sizeof sub, "%s/sub", dir);
    mkdir(sub, 0755);
    free(ct_write(dir, "b.txt", clean_article, strlen(clean_article)));
    free(ct_write(dir, "a.md", clean_article, strlen(clean_article)));
    free(ct_write(sub, "c.html", clean_article, strlen(clean_article)));
    free(ct_write(dir, "notes.json", "{}", 2));
    free(ct_write(dir, ".hidden.txt", clean_article, strlen(clean_article)));
    char args[4200];
    snprintf(args, sizeof args, "--format json '%s'", dir);
    ct_result r = ct_run(args, NULL);
    cr_assert_lt(r.status, 2, "%s", r.err);
    json_object *j = parse_json(r.out);
    json_object *files = get(j, "files");
    cr_assert_eq(json_object_array_length(files), 3);
    /* sorted: a.md, b.txt, sub/c.html */
    cr_expect(strstr(json_object_get_string(get(json_object_array_get_idx(files, 0), "path")), "/a.md"));
    cr_expect(strstr(json_object_get_string(get(json_object_array_get_idx(files, 2), "path")), "/sub/c.html"));
    json_object_put(j);
    ct_free(&r);
    free(dir);
}

Test(cli, stdin_dash)
{
    char *dir = ct_tmpdir();
    char *p = ct_write(dir, "in.txt", clean_article, strlen(clean_article));
    ct_result r = ct_run("--format json -", p);
    cr_assert_eq(r.status, 0, "%s", r.err);
    json_object *j = parse_json(r.out);
    json_object *f = json_object_array_get_idx(get(j, "files"), 0);
    cr_expect_str_eq(json_object_get_string(get(f, "path")), "-");
    cr_expect_gt(json_object_array_length(get(f, "sentences")), 1);
    json_object_put(j);
    ct_free(&r);
    free(p);
    free(dir);
}

Test(cli, output_file_atomic_and_never_over_input)
{
    char *dir = ct_tmpdir();
    char *p = ct_write(dir, "in.txt", clean_article, strlen(clean_article));
    char out[4200], args[9000];
    snprintf(out, sizeof out, "%s/report.json", dir);
    snprintf(args, sizeof args, "--format json -o '%s' '%s'", out, p);
    ct_result r = ct_run(args, NULL);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert_eq(r.out_len, 0);
    char *report = ct_read(out, NULL);
    cr_assert_not_null(report);
    json_object_put(parse_json(report));
    free(report);
    ct_free(&r);
    /* -o naming the input: refused, input untouched, no temporary left */
    snprintf(args, sizeof args, "--format json -o '%s' '%s'", p, p);
    r = ct_run(args, NULL);
    cr_assert_eq(r.status, 2);
    cr_assert(strstr(r.err, "input"), "%s", r.err);
    char *after = ct_read(p, NULL);
    cr_assert_str_eq(after, clean_article);
    free(after);
    ct_free(&r);
    char cmd[4300];
    snprintf(cmd, sizeof cmd, "ls '%s' | grep -q tmp", dir);
    cr_assert_neq(system(cmd), 0, "a temporary file was left behind");
    free(p);
    free(dir);
}

Test(cli, binary_file_skipped)
{
    char *dir = ct_tmpdir();
    const char bin[] = "GIF89a\0\0\0\x01\x02binary";
    char *b = ct_write(dir, "image.txt", bin, sizeof bin - 1);
    char *p = ct_write(dir, "ok.txt", clean_article, strlen(clean_article));
    char args[9000];
    snprintf(args, sizeof args, "'%s'", b);
    ct_result r = ct_run(args, NULL);
    cr_expect_eq(r.status, 2, "only a binary file: nothing checked");
    cr_expect(strstr(r.err, "binary"), "%s", r.err);
    ct_free(&r);
    snprintf(args, sizeof args, "'%s' '%s'", b, p);
    r = ct_run(args, NULL);
    cr_expect_eq(r.status, 0, "binary skipped, the other checked: %s", r.err);
    cr_expect(strstr(r.err, "binary"));
    ct_free(&r);
    free(b);
    free(p);
    free(dir);
}

Test(cli, crlf_and_cr_line_endings)
{
    char *dir = ct_tmpdir();
    const char lf[] = "Title line\n\nThe talks ended on Monday,, officials said.\n";
    const char crlf[] = "Title line\r\n\r\nThe talks ended on Monday,, officials said.\r\n";
    const char cr[] = "Title line\r\rThe talks ended on Monday,, officials said.\r";
    const char *texts[] = {lf, crlf, cr};
    for (int i = 0; i < 3; i++) {
        char name[16];
        snprintf(name, sizeof name, "e%d.txt", i);
        char *p = ct_write(dir, name, texts[i], strlen(texts[i]));
        char args[4200];
        snprintf(args, sizeof args, "--format json --disable spelling,grammar,artifacts,quotes '%s'", p);
        ct_result r = ct_run(args, NULL);
        json_object *j = parse_json(r.out);
        json_object *f = json_object_array_get_idx(get(j, "files"), 0);
        json_object *issues = get(f, "issues");
        cr_assert_eq(json_object_array_length(issues), 1, "variant %d", i);
        json_object *is = json_object_array_get_idx(issues, 0);
        cr_expect_eq(json_object_get_int(get(is, "line")), 3, "variant %d", i);
        cr_expect_eq(json_object_get_int(get(is, "column")), 26, "variant %d", i);
        cr_expect_eq(json_object_array_length(get(f, "sentences")), 2, "variant %d", i);
        json_object_put(j);
        ct_free(&r);
        free(p);
    }
    free(dir);
}
