/* test_report_html.c — the HTML review report: span highlighting (nested,
 * partial and identical overlaps, the very start and end, empty spans,
 * multi-byte characters, line breaks, paragraph breaks), escaping of every
 * string, the page frame and its CSP hashes, page file names, --html-dir,
 * and the headless-Chromium test (tests/browser/check_report.py). */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "clitest.h"
#include "data.h"
#include "escape.h"
#include "report.h"
#include "report_html.h"
#include "sha256.h"
#include "testutil.h"

/* ---- results with chosen issues ---- */

typedef struct fake {
    size_t start, end;
    const char *rule;
    const char *category;
    mtc_severity sev;
    const char *message;
    const char *suggestion; /* or NULL */
} fake;

static mtc_result *fake_result(mtc_document *doc, const fake *f, size_t n)
{
    mtc_result *r = mtc_xcalloc(1, sizeof *r);
    r->doc = doc;
    r->issues = mtc_xcalloc(n ? n : 1, sizeof *r->issues);
    r->n_issues = n;
    for (size_t i = 0; i < n; i++) {
        mtc_issue *is = &r->issues[i];
        is->start = f[i].start;
        is->end = f[i].end;
        is->rule = f[i].rule;
        is->category = f[i].category;
        is->severity = f[i].sev;
        is->message = mtc_xstrdup(f[i].message);
        if (f[i].suggestion) {
            is->suggestions[0] = mtc_xstrdup(f[i].suggestion);
            is->n_suggestions = 1;
        }
        is->sentence = (size_t)-1;
        r->by_severity[f[i].sev]++;
    }
    size_t ns = doc->n_sentences ? doc->n_sentences : 1;
    r->sentence_score = mtc_xcalloc(ns, sizeof *r->sentence_score);
    r->sentence_penalty = mtc_xcalloc(ns, sizeof *r->sentence_penalty);
    for (size_t s = 0; s < doc->n_sentences; s++)
        r->sentence_score[s] = s == 0 ? 30.0 : 100.0;
    r->score = 50;
    return r;
}

static void fake_free(mtc_result *r)
{
    for (size_t i = 0; i < r->n_issues; i++) {
        free(r->issues[i].message);
        for (size_t k = 0; k < r->issues[i].n_suggestions; k++)
            free(r->issues[i].suggestions[k]);
    }
    free(r->issues);
    free(r->sentence_score);
    free(r->sentence_penalty);
    free(r);
}

/* ---- a walk over our own markup: which text each issue's pieces hold ---- */

#define MAXI 16

typedef struct walked {
    char text[MAXI][512]; /* by issue number (1-based) */
    int heads[MAXI];      /* elements carrying data-rule */
    int pieces[MAXI];     /* elements with that data-issue */
    char rule[MAXI][64];
    char severity[MAXI][16];
    long start[MAXI], end[MAXI];
    int balanced;
} walked;

static int attr_value(const char *tag, size_t len, const char *name, char *out, size_t size)
{
    char pat[64];
    snprintf(pat, sizeof pat, " %s=\"", name);
    const char *p = tag;
    while ((p = strstr(p, pat)) != NULL && p < tag + len) {
        p += strlen(pat);
        const char *q = strchr(p, '"');
        size_t n = (size_t)(q - p) < size - 1 ? (size_t)(q - p) : size - 1;
        memcpy(out, p, n);
        out[n] = '\0';
        return 1;
    }
    return 0;
}

static void append_unescaped(char *dst, size_t size, const char *s, size_t n)
{
    size_t d = strlen(dst);
    for (size_t i = 0; i < n && d + 1 < size;) {
        static const char *const ent[][2] = {
            {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}};
        int hit = 0;
        for (size_t k = 0; k < 5; k++) {
            size_t el = strlen(ent[k][0]);
            if (i + el <= n && memcmp(s + i, ent[k][0], el) == 0) {
                dst[d++] = ent[k][1][0];
                i += el;
                hit = 1;
                break;
            }
        }
        if (!hit)
            dst[d++] = s[i++];
    }
    dst[d] = '\0';
}

static void walk(const char *html, walked *w)
{
    memset(w, 0, sizeof *w);
    char names[64][16];
    int issue_of[64];
    int depth = 0;
    w->balanced = 1;
    const char *p = html;
    while (*p) {
        if (*p == '<') {
            const char *q = strchr(p, '>');
            cr_assert_not_null(q, "unterminated tag");
            size_t len = (size_t)(q - p) + 1;
            if (p[1] == '/') {
                char name[16];
                sscanf(p + 2, "%15[a-z0-9]", name);
                if (depth == 0 || strcmp(names[depth - 1], name) != 0)
                    w->balanced = 0;
                else
                    depth--;
            } else {
                cr_assert_lt(depth, 64);
                sscanf(p + 1, "%15[a-z0-9]", names[depth]);
                issue_of[depth] = 0;
                char v[64];
                if (strcmp(names[depth], "mark") == 0 &&
                    attr_value(p, len, "data-issue", v, sizeof v)) {
                    int n = atoi(v);
                    cr_assert(n > 0 && n < MAXI);
                    issue_of[depth] = n;
                    w->pieces[n]++;
                    if (attr_value(p, len, "data-rule", w->rule[n], sizeof w->rule[n])) {
                        w->heads[n]++;
                        attr_value(p, len, "data-severity", w->severity[n], sizeof w->severity[n]);
                        if (attr_value(p, len, "data-start", v, sizeof v))
                            w->start[n] = atol(v);
                        if (attr_value(p, len, "data-end", v, sizeof v))
                            w->end[n] = atol(v);
                    }
                }
                depth++;
            }
            p = q + 1;
        } else {
            const char *q = strchr(p, '<');
            size_t n = q ? (size_t)(q - p) : strlen(p);
            for (int d = 0; d < depth; d++)
                if (issue_of[d])
                    append_unescaped(w->text[issue_of[d]], sizeof w->text[0], p, n);
            p += n;
        }
    }
    if (depth != 0)
        w->balanced = 0;
}

/* Renders text with the issues, walks the markup, checks every issue:
 * exactly one head, carrying the rule, severity and span, and its pieces
 * together hold exactly its text. Returns the markup (caller frees). */
static char *render_and_check(const char *text, const fake *f, size_t n, walked *w)
{
    mtc_document *doc = tu_doc(text);
    mtc_result *res = fake_result(doc, f, n);
    mtc_buf b = MTC_BUF_INIT;
    mtc_html_text(&b, res, "t-");
    walk(b.data, w);
    cr_assert(w->balanced, "unbalanced markup: %s", b.data);
    for (size_t i = 0; i < n; i++) {
        size_t num = i + 1;
        cr_assert_eq(w->heads[num], 1, "issue %zu: %d heads in %s", num, w->heads[num], b.data);
        cr_assert_str_eq(w->rule[num], f[i].rule);
        cr_assert_str_eq(w->severity[num], mtc_severity_name(f[i].sev));
        cr_assert_eq(w->start[num], (long)f[i].start, "issue %zu start", num);
        cr_assert_eq(w->end[num], (long)f[i].end, "issue %zu end", num);
        char want[512];
        snprintf(want, sizeof want, "%.*s", (int)(f[i].end - f[i].start), text + f[i].start);
        cr_assert_str_eq(w->text[num], want, "issue %zu text in %s", num, b.data);
    }
    fake_free(res);
    mtc_document_free(doc);
    return mtc_buf_detach(&b);
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

/* ---- highlighting ---- */

Test(html_text, nested_issues_nest)
{
    const char *t = "The quick brown fox jumps over the dog.";
    fake f[] = {{4, 19, "a.outer", "grammar", MTC_SEV_MAJOR, "outer", NULL},
                {10, 15, "b.inner", "spelling", MTC_SEV_MINOR, "inner", NULL}};
    walked w;
    char *html = render_and_check(t, f, 2, &w);
    cr_assert_eq(w.pieces[1], 1);
    cr_assert_eq(w.pieces[2], 1, "a nested issue is not split");
    free(html);
}

Test(html_text, partial_overlap_splits_the_later_issue)
{
    const char *t = "The quick brown fox jumps over the dog.";
    fake f[] = {{4, 15, "a.first", "grammar", MTC_SEV_MAJOR, "first", NULL},
                {10, 19, "b.second", "spelling", MTC_SEV_MAJOR, "second", NULL}};
    walked w;
    char *html = render_and_check(t, f, 2, &w);
    cr_assert_eq(w.pieces[1], 1);
    cr_assert_eq(w.pieces[2], 2, "the crossing issue is in two pieces: %s", html);
    cr_assert_eq(count(html, " cont"), 1);
    free(html);
}

Test(html_text, identical_and_chained_overlaps)
{
    const char *t = "Alpha beta gamma delta epsilon zeta.";
    fake f[] = {{0, 10, "r.one", "grammar", MTC_SEV_MAJOR, "one", NULL},
                {6, 16, "r.two", "spelling", MTC_SEV_MINOR, "two", NULL},
                {6, 16, "r.two-again", "typography", MTC_SEV_MINOR, "same span", NULL},
                {11, 22, "r.three", "punctuation", MTC_SEV_CRITICAL, "three", NULL},
                {17, 17, "r.empty", "punctuation", MTC_SEV_MINOR, "insert here", NULL}};
    walked w;
    char *html = render_and_check(t, f, 5, &w);
    cr_assert_eq(w.pieces[5], 1);
    cr_assert_str_eq(w.text[5], "");
    free(html);
}

Test(html_text, issues_at_the_very_start_and_end)
{
    const char *t = "Rome talks end today.";
    size_t n = strlen(t);
    fake f[] = {{0, 0, "r.empty-start", "typography", MTC_SEV_MINOR, "at 0", NULL},
                {0, 4, "r.start", "spelling", MTC_SEV_MAJOR, "first word", NULL},
                {0, n, "r.all", "grammar", MTC_SEV_MINOR, "whole text", NULL},
                {n - 1, n, "r.end", "punctuation", MTC_SEV_MINOR, "last byte", NULL},
                {n, n, "r.empty-end", "punctuation", MTC_SEV_MINOR, "after the end", NULL}};
    walked w;
    char *html = render_and_check(t, f, 5, &w);
    free(html);
}

Test(html_text, multibyte_characters)
{
    const char *t = "Caf\xC3\xA9 owner said \xE2\x80\x9C\xE5\x8C\x97\xE4\xBA\xAC\xE2\x80\x9D is "
                    "na\xC3\xAFve \xF0\x9F\x91\x8D.";
    const char *cafe = strstr(t, "Caf");
    const char *q = strstr(t, "\xE2\x80\x9C");
    const char *naive = strstr(t, "na\xC3\xAF");
    fake f[] = {
        {(size_t)(cafe - t), (size_t)(cafe - t) + 5, "r.cafe", "spelling", MTC_SEV_MINOR, "c",
         NULL},
        {(size_t)(q - t), (size_t)(q - t) + 12, "r.quote", "artifacts", MTC_SEV_MAJOR, "q", NULL},
        {(size_t)(q - t) + 3, (size_t)(q - t) + 9, "r.han", "artifacts", MTC_SEV_MAJOR, "h", NULL},
        {(size_t)(naive - t), strlen(t) - 1, "r.tail", "grammar", MTC_SEV_MINOR, "t", NULL}};
    walked w;
    char *html = render_and_check(t, f, 4, &w);
    cr_assert(strstr(html, "\xF0\x9F\x91\x8D") != NULL, "the emoji is kept as is");
    free(html);
}

Test(html_text, span_across_a_line_break)
{
    const char *t = "The first line ends here\nand the next line begins there.\n";
    const char *here = strstr(t, "here");
    fake f[] = {{(size_t)(here - t), (size_t)(here - t) + 8, "r.break", "grammar", MTC_SEV_MAJOR,
                 "across the break", NULL}};
    walked w;
    char *html = render_and_check(t, f, 1, &w);
    cr_assert(strstr(w.text[1], "\n") != NULL);
    free(html);
}

Test(html_text, span_across_paragraphs_and_empty_span_in_the_gap)
{
    const char *t = "One paragraph here.\n\nTwo paragraphs there.\n\nThree.";
    const char *here = strstr(t, "here");
    const char *two = strstr(t, "Two");
    const char *three = strstr(t, "Three");
    fake f[] = {{(size_t)(here - t), (size_t)(two - t) + 3, "r.across", "quotes", MTC_SEV_MAJOR,
                 "across paragraphs", NULL},
                {(size_t)(here - t) + 6, (size_t)(here - t) + 6, "r.gap", "typography",
                 MTC_SEV_MINOR, "in the gap", NULL},
                {(size_t)(two - t) + 4, (size_t)(three - t) + 5, "r.long", "grammar", MTC_SEV_MINOR,
                 "two paragraphs", NULL}};
    walked w;
    char *html = render_and_check(t, f, 3, &w);
    cr_assert_geq(w.pieces[1], 2, "split at the paragraph break");
    cr_assert_eq(count(html, "<p class=\"para"), 3, "paragraphs preserved: %s", html);
    free(html);
}

Test(html_text, sentence_anchors_and_badges)
{
    const char *t = "First sentence is bad. Second one is fine.\n\nThird one.";
    mtc_document *doc = tu_doc(t);
    mtc_result *res = fake_result(doc, NULL, 0);
    mtc_buf b = MTC_BUF_INIT;
    mtc_html_text(&b, res, "t-");
    cr_assert_eq(count(b.data, "class=\"sa "), doc->n_sentences);
    cr_assert_eq(count(b.data, " low\""), 1, "only the first sentence (score 30) has a badge");
    cr_assert(strstr(b.data, "id=\"t-s1\"") != NULL);
    mtc_buf_free(&b);
    fake_free(res);
    mtc_document_free(doc);
}

Test(html_text, random_overlaps_keep_every_issue_whole)
{
    /* paragraphs, a line break, multi-byte characters; spans on character
     * starts, random lengths (empty ones too), many overlaps */
    const char *t =
        "Head line here\n\nFirst para \xC3\xA9t\xC3\xA9 one. Second \xE5\x8C\x97 sentence.\n"
        "Same para after a break.\n\n\nLast para, short.";
    size_t len = strlen(t);
    size_t starts[256], ns = 0;
    for (size_t i = 0; i <= len; i++)
        if (i == len || ((unsigned char)t[i] & 0xC0) != 0x80)
            starts[ns++] = i;
    static const char *const cats[] = {"spelling", "grammar", "punctuation", "typography",
                                       "quotes"};
    unsigned long seed = 12345;
    for (int round = 0; round < 300; round++) {
        fake f[12];
        size_t n = 1 + (size_t)(round % 12);
        for (size_t i = 0; i < n; i++) {
            seed = seed * 6364136223846793005UL + 1442695040888963407UL;
            size_t a = starts[(seed >> 33) % ns];
            seed = seed * 6364136223846793005UL + 1442695040888963407UL;
            size_t b = starts[(seed >> 33) % ns];
            if (b < a) {
                size_t x = a;
                a = b;
                b = x;
            }
            if ((seed >> 20) % 5 == 0)
                b = a; /* empty span */
            f[i] = (fake){
                a,   b,   "r.random", cats[(seed >> 40) % 5], (mtc_severity)(1 + (seed >> 50) % 3),
                "m", NULL};
        }
        walked w;
        char *html = render_and_check(t, f, n, &w);
        free(html);
    }
}

/* ---- escaping ---- */

Test(html_escape, hostile_text_messages_and_suggestions)
{
    const char *t = "He said <script>alert(1)</script> and \"><img src=x onerror=alert(1)> then "
                    "</style> &amp; ]]> {{ }} {{css}}.";
    const char *s = strstr(t, "<script>");
    const char *img = strstr(t, "\"><img");
    fake f[] = {{(size_t)(s - t), (size_t)(s - t) + 25, "r.script", "spelling", MTC_SEV_MAJOR,
                 "msg \"><b>x</b> & 'q'", "<i>sugg</i>"},
                {(size_t)(img - t), (size_t)(img - t) + 32, "r.img", "grammar", MTC_SEV_MINOR,
                 "</mark><script>", NULL}};
    walked w;
    char *html = render_and_check(t, f, 2, &w);
    cr_assert_null(strstr(html, "<script"), "%s", html);
    cr_assert_null(strstr(html, "<img"));
    cr_assert_null(strstr(html, "<b>"));
    cr_assert_null(strstr(html, "<i>"));
    cr_assert_null(strstr(html, "</style"));
    cr_assert(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt;") != NULL);
    cr_assert(strstr(html, "&amp;amp;") != NULL, "&amp; in the text shows as &amp;");
    cr_assert(strstr(html, "msg &quot;&gt;&lt;b&gt;x&lt;/b&gt; &amp; &#39;q&#39;") != NULL,
              "message escaped in the tooltip attribute");
    cr_assert(strstr(html, "{{css}}") != NULL, "slot-like text stays text");
    free(html);
}

Test(html_escape, control_characters_and_invalid_utf8_replaced)
{
    mtc_buf b = MTC_BUF_INIT;
    mtc_escape_html(&b,
                    "a\x01"
                    "b\x7F"
                    "c\xC3(d",
                    7);
    cr_assert_null(strchr(b.data, '\x01'));
    cr_assert_null(strchr(b.data, '\x7F'));
    cr_assert(strstr(b.data, "\xEF\xBF\xBD") != NULL);
    mtc_buf_free(&b);
}

/* ---- page frame and CSP ---- */

static char *csp_hash_of(const char *name)
{
    size_t len;
    const char *d = mtc_data_get(name, &len);
    cr_assert_not_null(d, "%s is built in", name);
    uint8_t digest[32];
    mtc_sha256(d, len, digest);
    mtc_buf b = MTC_BUF_INIT;
    mtc_buf_puts(&b, "'sha256-");
    mtc_base64(&b, digest, 32);
    mtc_buf_putc(&b, '\'');
    return mtc_buf_detach(&b);
}

Test(html_page, sha256_and_base64_vectors)
{
    uint8_t d[32];
    mtc_buf b = MTC_BUF_INIT;
    mtc_sha256("abc", 3, d);
    mtc_base64(&b, d, 32);
    cr_assert_str_eq(b.data, "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
    mtc_buf_clear(&b);
    mtc_sha256("", 0, d);
    mtc_base64(&b, d, 32);
    cr_assert_str_eq(b.data, "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    mtc_buf_clear(&b);
    const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"; /* 56 bytes */
    mtc_sha256(m, strlen(m), d);
    mtc_base64(&b, d, 32);
    cr_assert_str_eq(b.data, "JI1qYdIGOLjlwCaTDD5gOaM85Flk/yFn9uzt1BnbBsE=");
    mtc_buf_clear(&b);
    mtc_base64(&b, (const uint8_t *)"fo", 2);
    cr_assert_str_eq(b.data, "Zm8=");
    mtc_buf_free(&b);
}

Test(html_page, reporter_writes_one_self_contained_page)
{
    tu_run *r = tu_check("Officials said the the talks were over.\n\n"
                         "Text with {{title}} and {{body}} and </script> in it.\n",
                         NULL);
    char *out = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&out, &len);
    mtc_report_options opt;
    memset(&opt, 0, sizeof opt);
    opt.cfg = r->cfg;
    void *st = mtc_reporter_html.begin(fp, &opt);
    mtc_reporter_html.article(st, r->res);
    mtc_summary sum;
    memset(&sum, 0, sizeof sum);
    mtc_summary_add(&sum, r->res);
    cr_assert_eq(mtc_reporter_html.end(st, &sum), 0);
    mtc_summary_free(&sum);
    fclose(fp);

    cr_assert_eq(strncmp(out, "<!DOCTYPE html>", 15), 0);
    cr_assert_eq(count(out, "<script>"), 1);
    cr_assert_eq(count(out, "<style>"), 1);
    cr_assert_eq(count(out, "</script>"), 1, "the article's </script> is escaped");
    cr_assert_eq(count(out, "{{title}}"), 1,
                 "the article's {{title}} stays text; the template's is gone");
    cr_assert_eq(count(out, "{{body}}"), 1);
    cr_assert_eq(count(out, "data-rule=\""), r->res->n_issues);
    cr_assert_gt(r->res->n_issues, 0);
    cr_assert_eq(count(out, "<rect class=\"cell "), r->doc->n_sentences);
    cr_assert_null(strstr(out, "http://"));
    cr_assert_null(strstr(out, "https://"));

    /* the CSP allows exactly the inline CSS and JS, by hash */
    char *css = csp_hash_of("reports/report.css");
    char *js = csp_hash_of("reports/report.js");
    cr_assert(strstr(out, "default-src &#39;none&#39;") != NULL, "CSP meta present");
    mtc_buf csp = MTC_BUF_INIT;
    mtc_html_csp(&csp);
    cr_assert(strstr(csp.data, css) != NULL);
    cr_assert(strstr(csp.data, js) != NULL);
    cr_assert_null(strstr(csp.data, "unsafe"));
    size_t jl;
    const char *jsd = mtc_data_get("reports/report.js", &jl);
    const char *sc = strstr(out, "<script>") + 8;
    cr_assert_eq(strncmp(sc, jsd, jl), 0, "the inline script is the hashed file, byte for byte");
    cr_assert_eq(strncmp(sc + jl, "</script>", 9), 0);
    mtc_buf_free(&csp);
    free(css);
    free(js);
    free(out);
    tu_free(r);
}

Test(html_page, title_is_the_first_line)
{
    mtc_document *doc = tu_doc("\n  Rome talks end  \nBody text here.");
    char *t = mtc_html_title(doc);
    cr_assert_str_eq(t, "Rome talks end");
    free(t);
    mtc_document_free(doc);
    doc = tu_doc("   \n\n");
    t = mtc_html_title(doc);
    cr_assert_str_eq(t, "test.txt", "no text: the file name");
    free(t);
    mtc_document_free(doc);
}

/* ---- page names ---- */

static int safe_name(const char *n)
{
    if (n[0] == '.' || strlen(n) > 80)
        return 0;
    for (const char *p = n; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '-' || *p == '_' || *p == '.'))
            return 0;
    return strstr(n, "..") == NULL && strcmp(n + strlen(n) - 5, ".html") == 0;
}

Test(html_dir, page_names_are_sanitized_bounded_and_unique)
{
    const char *paths[] = {
        "../../etc/passwd",
        "<b>x</b>.txt",
        "/tmp/a/..",
        ".hidden.txt",
        "",
        "news/x.y.z.txt",
        "\xE5\x8C\x97\xE4\xBA\xAC.txt",
        "a/b/index.html",
        "dir/with space/and\"quote'.md",
        "a-very-long-name-that-goes-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on"
        "-and-on-and-on-and-on.txt"};
    size_t n = sizeof paths / sizeof paths[0];
    char *names[16];
    for (size_t i = 0; i < n; i++) {
        names[i] = mtc_html_page_name(paths[i], i);
        cr_assert(safe_name(names[i]), "unsafe page name '%s' for '%s'", names[i], paths[i]);
        cr_assert_neq(strcmp(names[i], "index.html"), 0);
        for (size_t j = 0; j < i; j++)
            cr_assert_neq(strcmp(names[i], names[j]), 0, "names are unique");
    }
    cr_assert_str_eq(names[5], "006-news-x-y-z.html");
    for (size_t i = 0; i < n; i++)
        free(names[i]);
}

/* ---- the command line ---- */

static void no_temp_files(const char *dir)
{
    DIR *d = opendir(dir);
    cr_assert_not_null(d);
    struct dirent *de;
    while ((de = readdir(d)) != NULL)
        cr_assert_null(strstr(de->d_name, ".tmp."), "temporary file left: %s", de->d_name);
    closedir(d);
}

Test(html_cli, format_html_to_a_file)
{
    char *dir = mtc_xstrdup(ct_tmpdir());
    char *in = ct_write(dir, "a.txt", "Officials said the the talks were over.\n", 40);
    char args[2048];
    snprintf(args, sizeof args, "--format html -o '%s/r.html' '%s'", dir, in);
    ct_result r = ct_run(args, NULL);
    cr_assert_eq(r.status, 1, "a major issue fails the gate: %s", r.err);
    char path[1024];
    snprintf(path, sizeof path, "%s/r.html", dir);
    char *html = ct_read(path, NULL);
    cr_assert_not_null(html);
    cr_assert_eq(count(html, "data-rule=\"typography.doubled-word\""), 1);
    cr_assert(strstr(html, "Fails the gate") != NULL);
    no_temp_files(dir);
    free(html);
    ct_free(&r);
    free(in);
    free(dir);
}

Test(html_cli, html_dir_ranks_articles_worst_first)
{
    char *dir = mtc_xstrdup(ct_tmpdir());
    const char *clean =
        "Talks end\n\nOfficials met in Rome on Monday. The talks lasted seven hours.\n";
    const char *bad = "Talks end\n\nOfficals met in in Rome on Monday.. The the talks lasted "
                      "seven hours. Teh end.\n";
    const char *mid =
        "Talks end\n\nOfficials met in in Rome on Monday. The talks lasted seven hours.\n";
    char sub[1024];
    snprintf(sub, sizeof sub, "%s/in", dir);
    cr_assert_eq(mkdir(sub, 0755), 0);
    char *a = ct_write(dir, "in/a-clean.txt", clean, strlen(clean));
    char *b = ct_write(dir, "in/b-bad.txt", bad, strlen(bad));
    char *c = ct_write(dir, "in/c-mid.txt", mid, strlen(mid));
    char args[2048];
    snprintf(args, sizeof args, "--format json --html-dir '%s/out/html' '%s/in'", dir, dir);
    ct_result r = ct_run(args, NULL);
    cr_assert_neq(r.status, 2, "%s", r.err);
    char path[1024];
    snprintf(path, sizeof path, "%s/out/html/index.html", dir);
    char *idx = ct_read(path, NULL);
    cr_assert_not_null(idx, "index.html written");
    const char *pb = strstr(idx, "b-bad.txt"), *pc = strstr(idx, "c-mid.txt"),
               *pa = strstr(idx, "a-clean.txt");
    cr_assert(pa && pb && pc, "every article listed");
    cr_assert(pb < pc && pc < pa, "worst first");
    /* scores in the rows ascend */
    double last = -1;
    int rows = 0;
    for (const char *p = idx; (p = strstr(p, "<tr class=\"")) != NULL; p++) {
        const char *s = strstr(p, "data-score=\"");
        if (!s)
            break;
        double v = atof(s + 12);
        cr_assert_geq(v, last);
        last = v;
        rows++;
    }
    cr_assert_eq(rows, 3);
    /* every linked page exists */
    for (const char *p = idx; (p = strstr(p, "<td class=\"title\"><a href=\"")) != NULL; p++) {
        char name[256];
        sscanf(p + strlen("<td class=\"title\"><a href=\""), "%255[^\"]", name);
        cr_assert(safe_name(name), "%s", name);
        snprintf(path, sizeof path, "%s/out/html/%s", dir, name);
        struct stat st;
        cr_assert_eq(stat(path, &st), 0, "page %s exists", name);
    }
    snprintf(path, sizeof path, "%s/out/html", dir);
    no_temp_files(path);
    free(idx);
    ct_free(&r);
    free(a);
    free(b);
    free(c);
    free(dir);
}

Test(html_cli, html_dir_with_a_hostile_file_name)
{
    char *dir = mtc_xstrdup(ct_tmpdir());
    char sub[1024];
    snprintf(sub, sizeof sub, "%s/<b>x<", dir);
    cr_assert_eq(mkdir(sub, 0755), 0);
    const char *text = "Talks end\n\nOfficials met in in Rome <script>alert(1)</script>.\n";
    char *in = ct_write(sub, "b>.txt", text, strlen(text)); /* the path ends in <b>x</b>.txt */
    char args[2048];
    snprintf(args, sizeof args, "--html-dir '%s/out' '%s'", dir, in);
    ct_result r = ct_run(args, NULL);
    cr_assert_neq(r.status, 2, "%s", r.err);
    char path[1024];
    snprintf(path, sizeof path, "%s/out/index.html", dir);
    char *idx = ct_read(path, NULL);
    cr_assert_not_null(idx);
    cr_assert(strstr(idx, "&lt;b&gt;x&lt;/b&gt;.txt") != NULL);
    cr_assert_null(strstr(idx, "<b>"));
    snprintf(path, sizeof path, "%s/out", dir);
    DIR *d = opendir(path);
    struct dirent *de;
    int pages = 0;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        cr_assert(safe_name(de->d_name), "unsafe name %s", de->d_name);
        pages++;
    }
    closedir(d);
    cr_assert_eq(pages, 2, "index.html and one page");
    free(idx);
    ct_free(&r);
    free(in);
    free(dir);
}

Test(html_cli, html_dir_never_writes_over_an_input)
{
    char *dir = mtc_xstrdup(ct_tmpdir());
    const char *page = "<html><body><p>Officials met in Rome.</p></body></html>\n";
    char *in = ct_write(dir, "index.html", page, strlen(page));
    char args[2048];
    snprintf(args, sizeof args, "--html-dir '%s' '%s'", dir, in);
    ct_result r = ct_run(args, NULL);
    cr_assert_eq(r.status, 2, "refused: %s", r.err);
    cr_assert(strstr(r.err, "input") != NULL, "%s", r.err);
    char *back = ct_read(in, NULL);
    cr_assert_str_eq(back, page, "the input is untouched");
    free(back);
    ct_free(&r);
    free(in);
    free(dir);
}

/* ---- the browser ---- */

static void run_browser_check(const char *args)
{
    char root[4096], script[4096], cmd[16384];
    tu_root_path("", root, sizeof root);
    tu_root_path("tests/browser/check_report.py", script, sizeof script);
    snprintf(cmd, sizeof cmd, "cd '%s' && python3 '%s' %s 2>&1", root, script, args);
    FILE *p = popen(cmd, "r");
    cr_assert_not_null(p);
    char out[16384];
    size_t n = fread(out, 1, sizeof out - 1, p);
    out[n] = '\0';
    int st = pclose(p);
    cr_assert_eq(st, 0, "browser check failed:\n%s", out);
}

Test(html_browser, sample_and_hostile_articles_in_chromium)
{
    char args[8192];
    snprintf(args, sizeof args,
             "'%s' tests/fixtures/seed-article.txt tests/fixtures/hostile-article.txt "
             "tests/fixtures/hostile-article.txt --name '<b>x</b>.txt'",
             ct_bin());
    run_browser_check(args);
}

Test(html_browser, network_check_sees_a_fetch)
{
    run_browser_check("--canary");
}
