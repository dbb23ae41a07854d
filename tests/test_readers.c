/* test_readers.c — the Markdown (cmark-gfm) and HTML (gumbo) readers:
 * only prose is checked, every position points into the original file,
 * character references are decoded, headings are headlines, inline
 * suppression comments work; --input-format forces a reader. */
#include <criterion/criterion.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buffer.h"
#include "clitest.h"
#include "document.h"
#include "reader.h"
#include "suppress.h"
#include "testutil.h"

static const char *fixture(const char *name)
{
    static char buf[4096];
    char rel[256];
    snprintf(rel, sizeof rel, "tests/fixtures/ci/%s", name);
    return tu_root_path(rel, buf, sizeof buf);
}

static mtc_document *load(const char *name, mtc_input_format fmt)
{
    mtc_document *doc = NULL;
    mtc_error err;
    memset(&err, 0, sizeof err);
    mtc_status st = mtc_document_load(fixture(name), NULL, fmt, 0, &doc, &err);
    cr_assert_eq(st, MTC_OK, "%s", err.message);
    return doc;
}

/* The source text at a text span, via the map. */
static int maps_to(const mtc_document *doc, const char *word)
{
    const char *t = strstr(doc->text, word);
    cr_assert_not_null(t, "'%s' not in the extracted text", word);
    size_t off = (size_t)(t - doc->text);
    size_t src = mtc_document_source_offset(doc, off);
    return strncmp(doc->source + src, word, strlen(word)) == 0;
}

/* Issues as "line:col:text:rule" lines from `mtcheck --format jsonl ARGS`. */
static char *issue_lines(const char *args)
{
    ct_result r = ct_run(args, NULL);
    cr_assert(r.status == 0 || r.status == 1, "exit %d: %s", r.status, r.err);
    mtc_buf b = MTC_BUF_INIT;
    mtc_buf_puts(&b, "");
    char *save = NULL;
    for (char *line = strtok_r(r.out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        json_object *o = json_tokener_parse(line);
        cr_assert_not_null(o, "not JSON: %s", line);
        json_object *issues;
        cr_assert(json_object_object_get_ex(o, "issues", &issues));
        for (size_t i = 0; i < json_object_array_length(issues); i++) {
            json_object *is = json_object_array_get_idx(issues, i), *v;
            long l, c;
            json_object_object_get_ex(is, "line", &v);
            l = json_object_get_int(v);
            json_object_object_get_ex(is, "column", &v);
            c = json_object_get_int(v);
            json_object *text, *rule;
            json_object_object_get_ex(is, "text", &text);
            json_object_object_get_ex(is, "rule", &rule);
            mtc_buf_printf(&b, "%ld:%ld:%s:%s\n", l, c, json_object_get_string(text),
                           json_object_get_string(rule));
        }
        json_object_put(o);
    }
    ct_free(&r);
    return mtc_buf_detach(&b);
}

#define SPELLING_ONLY "--format jsonl --disable all --enable spelling --no-config "

Test(readers, markdown_extracts_prose_only)
{
    mtc_document *doc = load("article.md", MTC_INPUT_AUTO);
    const char *absent[] = {"front matter", "title:", "tags:", "teh code block", "exmaple",
                            "http:", "`", "```", "mtcheck-disable", "|", "# ", "> ", "- first"};
    for (size_t i = 0; i < sizeof absent / sizeof absent[0]; i++)
        cr_expect_null(strstr(doc->text, absent[i]), "'%s' leaked into the prose:\n%s",
                       absent[i], doc->text);
    const char *present[] = {"Talks end withuot agreement", "Officials met in Rome on Monday.",
                             "The secretery said nothing & left.", "A quoted sentense here.",
                             "first itme", "wrod one", "fine"};
    for (size_t i = 0; i < sizeof present / sizeof present[0]; i++)
        cr_expect_not_null(strstr(doc->text, present[i]), "'%s' missing from:\n%s", present[i],
                           doc->text);
    cr_assert(maps_to(doc, "withuot"));
    cr_assert(maps_to(doc, "secretery"));
    cr_assert(maps_to(doc, "wrod"));
    long line, col;
    mtc_document_line_col(doc, (size_t)(strstr(doc->text, "itme") - doc->text), &line, &col);
    cr_assert_eq(line, 20);
    cr_assert_eq(col, 9);
    /* the heading is a headline paragraph of its own */
    cr_assert(doc->n_paragraphs > 3);
    cr_assert(doc->paragraphs[0].is_headline);
    cr_assert_eq(doc->text[doc->paragraphs[0].end], '\n');
    mtc_document_free(doc);
}

Test(readers, markdown_issues_at_source_positions)
{
    char args[4200];
    snprintf(args, sizeof args, SPELLING_ONLY "'%s'", fixture("article.md"));
    char *got = issue_lines(args);
    cr_assert_str_eq(got, "5:13:withuot:spelling.unknown-word\n"
                          "12:5:secretery:spelling.unknown-word\n"
                          "18:13:sentense:spelling.unknown-word\n"
                          "20:9:itme:spelling.unknown-word\n"
                          "25:3:wrod:spelling.unknown-word\n");
    free(got);
}

Test(readers, markdown_suppression_comment_is_what_hides_the_issue)
{
    size_t len;
    char *src = ct_read(fixture("article.md"), &len);
    cr_assert_not_null(src);
    char *c = strstr(src, "<!-- mtcheck-disable-next-line spelling -->");
    cr_assert_not_null(c);
    memcpy(c, "<!-- an ordinary comment here ........ -->", 42);
    char *dir = ct_tmpdir();
    char *p = ct_write(dir, "a.md", src, len);
    char args[4200];
    snprintf(args, sizeof args, SPELLING_ONLY "'%s'", p);
    char *got = issue_lines(args);
    cr_assert_not_null(strstr(got, "10:5:minsiter:spelling.unknown-word\n"), "%s", got);
    free(got);
    free(p);
    free(dir);
    free(src);
}

Test(readers, html_extracts_body_text_only)
{
    mtc_document *doc = load("article.html", MTC_INPUT_AUTO);
    const char *absent[] = {"Teh title", "var teh", "color", "Hoem", "Nwes", "Siet", "Copyrihgt",
                            "<p>", "&amp;", "&eacute;", "mtcheck-disable"};
    for (size_t i = 0; i < sizeof absent / sizeof absent[0]; i++)
        cr_expect_null(strstr(doc->text, absent[i]), "'%s' leaked into the prose:\n%s",
                       absent[i], doc->text);
    cr_assert_not_null(strstr(doc->text, "Monday & the secretery"), "%s", doc->text);
    cr_assert_not_null(strstr(doc->text, "Café owners were unhapy with the plan."), "%s",
                       doc->text);
    cr_assert(maps_to(doc, "withuot"));
    cr_assert(maps_to(doc, "unhapy"));
    /* a decoded reference maps to its '&' */
    size_t e = (size_t)(strstr(doc->text, "é") - doc->text);
    cr_assert_eq(doc->source[mtc_document_source_offset(doc, e)], '&');
    cr_assert(doc->paragraphs[0].is_headline);
    mtc_document_free(doc);
}

Test(readers, html_issues_at_source_positions)
{
    char args[4200];
    snprintf(args, sizeof args, SPELLING_ONLY "'%s'", fixture("article.html"));
    char *got = issue_lines(args);
    cr_assert_str_eq(got, "8:15:withuot:spelling.unknown-word\n"
                          "9:46:secretery:spelling.unknown-word\n"
                          "13:32:unhapy:spelling.unknown-word\n");
    free(got);
}

Test(readers, input_format_forces_a_reader)
{
    char args[4200];
    snprintf(args, sizeof args, SPELLING_ONLY "--input-format text '%s'", fixture("article.md"));
    char *got = issue_lines(args);
    cr_assert_not_null(strstr(got, "15:1:teh:"), "plain text checks the code block: %s", got);
    cr_assert_not_null(strstr(got, "2:9:Teh:"), "and the front matter: %s", got);
    cr_assert_not_null(strstr(got, "minsiter"), "no suppressions in plain text: %s", got);
    free(got);
    /* and Markdown from standard input */
    ct_result r = ct_run(SPELLING_ONLY "--input-format markdown -", fixture("article.md"));
    cr_assert_eq(r.status, 1);
    cr_assert_null(strstr(r.out, "\"teh\""), "%s", r.out);
    cr_assert_not_null(strstr(r.out, "withuot"));
    ct_free(&r);
}

Test(readers, suppression_directives)
{
    const char *src = "<!-- mtcheck-disable spelling, quotes -->\nA line.\n"
                      "<!-- mtcheck-enable spelling -->\nB line.\n"
                      "<!-- mtcheck-disable-next-line -->\n\nC line.\nD line.\n"
                      "<!-- mtcheck-disabled -->\n";
    char *copy = mtc_xstrdup(src);
    mtc_document *doc = mtc_document_from_utf8("x.md", copy, strlen(copy));
    mtc_suppress_builder b;
    memset(&b, 0, sizeof b);
    const char *p = src;
    while ((p = strstr(p, "<!--")) != NULL) {
        const char *e = strstr(p, "-->");
        mtc_suppress_comment(&b, p + 4, (size_t)(e - p - 4), (size_t)(p - src),
                             (size_t)(e + 3 - src));
        p = e + 3;
    }
    mtc_suppress_finish(&b, doc->source, doc->source_len, &doc->suppressions,
                        &doc->n_suppressions);
    size_t a = (size_t)(strstr(src, "A line") - src), bl = (size_t)(strstr(src, "B line") - src);
    size_t c = (size_t)(strstr(src, "C line") - src), d = (size_t)(strstr(src, "D line") - src);
    int spelling_a = 0, quotes_b = 0, spelling_b = 0, all_c = 0, any_d = 0;
    for (size_t i = 0; i < doc->n_suppressions; i++) {
        const mtc_suppression *s = &doc->suppressions[i];
        int in_a = a >= s->start && a < s->end, in_b = bl >= s->start && bl < s->end;
        int in_c = c >= s->start && c < s->end, in_d = d >= s->start && d < s->end;
        spelling_a |= in_a && strcmp(s->rules, "spelling") == 0;
        quotes_b |= in_b && strcmp(s->rules, "quotes") == 0;
        spelling_b |= in_b && strcmp(s->rules, "spelling") == 0;
        all_c |= in_c && strcmp(s->rules, "all") == 0;
        any_d |= in_d && strcmp(s->rules, "all") == 0;
    }
    cr_assert(spelling_a, "spelling disabled on A");
    cr_assert(quotes_b, "quotes still disabled on B (never enabled)");
    cr_assert_not(spelling_b, "spelling enabled again before B");
    cr_assert(all_c, "next non-blank line after disable-next-line");
    cr_assert_not(any_d, "only one line");
    /* 'mtcheck-disabled' is not a directive: 3 ranges from the directives above
     * (spelling, quotes, next line) */
    cr_assert_eq(doc->n_suppressions, 3);
    mtc_document_free(doc);
}

/* Byte offset in the source of the first occurrence of `needle` in the text. */
static size_t src_of(const mtc_document *doc, const char *needle)
{
    const char *t = strstr(doc->text, needle);
    cr_assert_not_null(t, "'%s' not in:\n%s", needle, doc->text);
    return mtc_document_source_offset(doc, (size_t)(t - doc->text));
}

Test(readers, references_and_escapes_map_to_their_source)
{
    const char html[] = "<p>A&amp;B &lt;&quot;quoted&quot; &bogus; &#x4E2D; end</p>";
    mtc_document *doc = NULL;
    mtc_error err;
    cr_assert_eq(mtc_document_from_bytes("x", html, strlen(html), NULL, MTC_INPUT_HTML, &doc, &err),
                 MTC_OK);
    cr_assert_str_eq(doc->text, "A&B <\"quoted\" &bogus; 中 end");
    cr_assert_eq(src_of(doc, "&B"), (size_t)(strstr(html, "&amp;") - html));
    cr_assert_eq(src_of(doc, "B "), (size_t)(strstr(html, "B ") - html));
    cr_assert_eq(src_of(doc, "\"quoted"), (size_t)(strstr(html, "&quot;") - html));
    cr_assert_eq(src_of(doc, "quoted"), (size_t)(strstr(html, "quoted") - html));
    cr_assert_eq(src_of(doc, "&bogus;"), (size_t)(strstr(html, "&bogus;") - html));
    cr_assert_eq(src_of(doc, "中"), (size_t)(strstr(html, "&#x4E2D;") - html));
    cr_assert_eq(src_of(doc, " end"), (size_t)(strstr(html, " end") - html));
    mtc_document_free(doc);

    const char md[] = "Price \\*rose\\* by 5&nbsp;% [here](http://x.y/z) `code` and *fell*.\n";
    cr_assert_eq(mtc_document_from_bytes("x", md, strlen(md), NULL, MTC_INPUT_MARKDOWN, &doc, &err),
                 MTC_OK);
    /* inline code stands as one U+FFFC mapped to the code span */
    cr_assert_str_eq(doc->text, "Price *rose* by 5\u00a0% here \uFFFC and fell.");
    cr_assert_eq(src_of(doc, "\uFFFC"), (size_t)(strstr(md, "`code`") - md), "at %zu", src_of(doc, "\uFFFC"));
    cr_assert_eq(src_of(doc, "*rose"), (size_t)(strstr(md, "\\*rose") - md + 1));
    cr_assert_eq(src_of(doc, "rose"), (size_t)(strstr(md, "rose") - md));
    cr_assert_eq(src_of(doc, "here"), (size_t)(strstr(md, "here") - md));
    cr_assert_eq(src_of(doc, "fell"), (size_t)(strstr(md, "fell") - md));
    mtc_document_free(doc);
}

/* Inline code is a placeholder, not a gap: the words around it are not
 * adjacent. Markdown and HTML, with the findings the gap used to cause
 * (doubled "to", "a executable", empty brackets, a space before "?"), and
 * a real doubled word next to code still found. */
Test(readers, inline_code_is_a_placeholder_not_a_gap)
{
    char *dir = ct_tmpdir();
    const char md[] = "The matches are provided to `match_to_lint` to map them. Use a `harper-ls` "
                      "executable, see the pages (`.svelte`), or ask for `harper-ls`? The the "
                      "`make` step runs.\n";
    const char html[] = "<p>The matches are provided to <code>f</code> to map them. Use a "
                        "<code>tool</code> executable (<code>x</code>). The the step runs.</p>\n";
    char *pm = ct_write(dir, "a.md", md, strlen(md));
    char *ph = ct_write(dir, "b.html", html, strlen(html));
    char args[4200];
    snprintf(args, sizeof args, "--format jsonl --no-config --fail-on none '%s' '%s'", pm, ph);
    ct_result r = ct_run(args, NULL);
    cr_assert_eq(r.status, 0, "%s", r.err);
    for (int f = 0; f < 2; f++) {
        cr_assert(strstr(r.out, f ? "b.html" : "a.md"));
    }
    cr_assert_null(strstr(r.out, "typography.space-before-punctuation"), "%s", r.out);
    cr_assert_null(strstr(r.out, "brackets.empty"), "%s", r.out);
    cr_assert_null(strstr(r.out, "grammar.article-agreement"), "%s", r.out);
    /* the only doubled words are the two real ones ("The the") */
    size_t doubled = 0;
    for (const char *p = r.out; (p = strstr(p, "typography.doubled-word")); p++)
        doubled++;
    cr_assert_eq(doubled, 2, "%s", r.out);
    ct_free(&r);
    free(pm);
    free(ph);
}

/* The source map in runs (document.h's mtc_srcmap, built by reader_extract.c):
 * copied prose is one run however long, a byte decoded from a span and the
 * bytes of a paragraph break keep their span, and every look-up answers as
 * the per-byte maps it replaced did. */
Test(readers, source_map_in_runs)
{
    mtc_extract ex;
    mtc_extract_init(&ex);
    const char *src = "Hello &amp; world\n\nNext";
    for (size_t i = 0; i < 5; i++) /* "Hello" at 0..4 */
        mtc_extract_putc(&ex, src[i], i);
    mtc_extract_putc(&ex, ' ', 5);
    mtc_extract_putc_span(&ex, '&', 6, 11); /* "&amp;" */
    mtc_extract_putc(&ex, ' ', 11);
    for (size_t i = 12; i < 17; i++) /* "world" */
        mtc_extract_putc(&ex, src[i], i);
    mtc_extract_break(&ex);
    for (size_t i = 19; i < 23; i++) /* "Next" */
        mtc_extract_putc(&ex, src[i], i);
    mtc_extract_finish(&ex, strlen(src));
    cr_assert_str_eq(ex.text.data, "Hello & world\n\nNext");
    const mtc_srcmap *m = ex.map;
    cr_assert_not_null(m);
    cr_expect_leq(m->n, 7, "runs: %zu (a run per markup boundary, not per byte)", m->n);
    /* text byte -> [start, end) in the source */
    size_t want[][3] = {{0, 0, 1}, {4, 4, 5}, {5, 5, 6}, {6, 6, 11}, {7, 11, 12}, {8, 12, 13},
                        {12, 16, 17}, {13, 17, 17}, {14, 17, 17}, {15, 19, 20}, {18, 22, 23}};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        cr_expect_eq(mtc_srcmap_start(m, want[i][0]), want[i][1], "start of text byte %zu",
                     want[i][0]);
        cr_expect_eq(mtc_srcmap_end(m, want[i][0]), want[i][2], "end of text byte %zu", want[i][0]);
    }
    cr_expect_eq(mtc_srcmap_start(m, ex.text.len), 23, "the text's end maps to the source's");
    /* positions are clamped to the source */
    cr_expect_leq(mtc_srcmap_start(m, 1000), strlen(src));
    mtc_extract_free(&ex);
}
