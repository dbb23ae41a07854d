/* test_core.c — foundation pieces: scoring, gate, JSON/HTML escaping,
 * configuration resolution, the word set, line-oriented data files,
 * line/column positions and the analyzer registry. */
#include <criterion/criterion.h>
#include <json-c/json.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buffer.h"
#include "checker.h"
#include "data.h"
#include "escape.h"
#include "report.h"
#include "testutil.h"
#include "utf8.h"
#include "wordset.h"

Test(score, sentence_and_article_formula)
{
    cr_assert_float_eq(mtc_score_sentence(0), 100.0, 1e-9);
    cr_assert_float_eq(mtc_score_sentence(1), 90.5, 1e-9);
    cr_assert_float_eq(mtc_score_sentence(5), 60.7, 1e-9);
    cr_assert_float_eq(mtc_score_sentence(10), 36.8, 1e-9);
    cr_assert_float_eq(mtc_score_article(0, 10), 100.0, 1e-9);
    cr_assert_float_eq(mtc_score_article(5, 10), 60.7, 1e-9);
    cr_assert_float_eq(mtc_score_article(1, 10), 90.5, 1e-9);
    cr_assert_float_eq(mtc_score_article(5, 20), 77.9, 1e-9);
    /* monotonic */
    for (int p = 0; p < 50; p++)
        cr_assert_geq(mtc_score_sentence(p), mtc_score_sentence(p + 1));
}

Test(score, result_penalties_and_gate)
{
    /* 10 words, one doubled word (major 5) in sentence 0, ",," (minor 1) in sentence 1 */
    tu_run *r = tu_check("The the talks ended today. Officials said,, nothing more.", "typography");
    cr_assert_eq(r->res->n_issues, 2);
    cr_assert_eq(r->doc->n_words, 9);
    cr_assert_float_eq(r->res->penalty, 6.0, 1e-9);
    cr_assert_float_eq(r->res->sentence_penalty[0], 5.0, 1e-9);
    cr_assert_float_eq(r->res->sentence_penalty[1], 1.0, 1e-9);
    cr_assert_float_eq(r->res->sentence_score[0], 60.7, 1e-9);
    cr_assert_float_eq(r->res->penalty_per_100_words, 600.0 / 9.0, 1e-9);
    cr_assert_eq(r->res->by_severity[MTC_SEV_MAJOR], 1);
    cr_assert_eq(r->res->by_severity[MTC_SEV_MINOR], 1);
    cr_assert_eq(r->res->failed, 1, "major fails the default gate");
    mtc_config *cfg = r->cfg;
    cfg->fail_on = MTC_SEV_CRITICAL;
    mtc_result_apply_gate(r->res, cfg);
    cr_assert_eq(r->res->failed, 0);
    cfg->min_score = 99;
    mtc_result_apply_gate(r->res, cfg);
    cr_assert_eq(r->res->failed, 1, "score gate");
    cfg->min_score = 0;
    cfg->fail_on_none = 1;
    mtc_result_apply_gate(r->res, cfg);
    cr_assert_eq(r->res->failed, 0);
    /* weights are configurable */
    cfg->weights[MTC_SEV_MAJOR] = 2;
    mtc_score_result(r->res, cfg);
    cr_assert_float_eq(r->res->penalty, 3.0, 1e-9);
    tu_free(r);
}

Test(score, clean_text_scores_100)
{
    tu_run *r = tu_check("Officials met in Rome on Monday. The talks lasted seven hours.", "typography");
    cr_assert_eq(r->res->n_issues, 0);
    cr_assert_float_eq(r->res->score, 100.0, 1e-9);
    cr_assert_eq(r->res->failed, 0);
    tu_free(r);
}

static char *json_of(const char *s, size_t len)
{
    mtc_buf b = MTC_BUF_INIT;
    mtc_escape_json(&b, s, len);
    return mtc_buf_detach(&b);
}

Test(escape, json_special_characters)
{
    const char in[] = "quote \" backslash \\ nl \n cr \r tab \t bell \x07 nul-free \x1f del \x7f";
    char *out = json_of(in, sizeof in - 1);
    cr_assert_str_eq(out, "\"quote \\\" backslash \\\\ nl \\n cr \\r tab \\t bell \\u0007 "
                          "nul-free \\u001f del \\u007f\"");
    json_object *j = json_tokener_parse(out);
    cr_assert_not_null(j);
    cr_assert_str_eq(json_object_get_string(j), "quote \" backslash \\ nl \n cr \r tab \t bell \x07 nul-free \x1f del \x7f");
    json_object_put(j);
    free(out);
}

Test(escape, json_invalid_utf8_never_emitted)
{
    const char in[] = "caf\xc3\xa9 \xff\xfe bad \xe2\x80 trunc \xe2\x80\x9c ok\xe2\x80\x9d";
    char *out = json_of(in, sizeof in - 1);
    cr_assert(mtc_utf8_validate(out, strlen(out), NULL));
    cr_assert(strstr(out, "caf\xc3\xa9"));
    cr_assert(strstr(out, "\\ufffd"));
    cr_assert(strstr(out, "\xe2\x80\x9c ok\xe2\x80\x9d"));
    json_object *j = json_tokener_parse(out);
    cr_assert_not_null(j);
    json_object_put(j);
    free(out);
    /* U+2028 and U+2029 are escaped */
    out = json_of("a\xe2\x80\xa8" "b\xe2\x80\xa9", 8);
    cr_assert_str_eq(out, "\"a\\u2028b\\u2029\"");
    free(out);
}

Test(escape, html_text_and_attributes)
{
    const char in[] = "<script>alert(1)</script> \"><img src=x onerror=alert(1)> &amp; 'q' \x01";
    mtc_buf b = MTC_BUF_INIT;
    mtc_escape_html(&b, in, sizeof in - 1);
    cr_assert_str_eq(b.data, "&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x "
                             "onerror=alert(1)&gt; &amp;amp; &#39;q&#39; \xef\xbf\xbd");
    mtc_buf_free(&b);
}

Test(buffer, printf_and_detach)
{
    mtc_buf b = MTC_BUF_INIT;
    for (int i = 0; i < 1000; i++)
        mtc_buf_printf(&b, "%d,", i);
    cr_assert_eq(strncmp(b.data, "0,1,2,", 6), 0);
    size_t len = b.len;
    char *s = mtc_buf_detach(&b);
    cr_assert_eq(strlen(s), len);
    cr_assert_null(b.data);
    free(s);
    mtc_buf_free(&b);
}

Test(config, last_matching_setting_wins)
{
    mtc_config *cfg = mtc_config_new();
    cr_assert_eq(mtc_config_rule_enabled(cfg, "spelling.variant", "spelling", "spelling", 1), 1);
    mtc_config_set_rule(cfg, "spelling", 0);
    cr_assert_eq(mtc_config_rule_enabled(cfg, "spelling.variant", "spelling", "spelling", 1), 0);
    mtc_config_set_rule(cfg, "spelling.variant", 1);
    cr_assert_eq(mtc_config_rule_enabled(cfg, "spelling.variant", "spelling", "spelling", 1), 1);
    cr_assert_eq(mtc_config_rule_enabled(cfg, "spelling.unknown-word", "spelling", "spelling", 1), 0);
    mtc_config_set_rule(cfg, "all", 1);
    cr_assert_eq(mtc_config_rule_enabled(cfg, "spelling.unknown-word", "spelling", "spelling", 1), 1);
    mtc_config_set_rule(cfg, "all", 0);
    cr_assert_eq(mtc_config_rule_enabled(cfg, "grammar.parse", "grammar", "grammar", 0), 0);
    cr_assert_eq(mtc_config_rule_severity(cfg, "quotes.spacing", "quotes", "punctuation", MTC_SEV_MINOR),
                 MTC_SEV_MINOR);
    mtc_config_set_severity(cfg, "punctuation", MTC_SEV_MAJOR);
    cr_assert_eq(mtc_config_rule_severity(cfg, "quotes.spacing", "quotes", "punctuation", MTC_SEV_MINOR),
                 MTC_SEV_MAJOR);
    mtc_config_free(cfg);
    mtc_config_free(NULL);
}

Test(config, severity_names)
{
    mtc_severity s;
    cr_assert_eq(mtc_severity_parse("critical", &s), 0);
    cr_assert_eq(s, MTC_SEV_CRITICAL);
    cr_assert_eq(mtc_severity_parse("fatal", &s), -1);
    cr_assert_str_eq(mtc_severity_name(MTC_SEV_MINOR), "minor");
}

Test(wordset, put_get_grow)
{
    mtc_wordset *set = mtc_wordset_new();
    char key[32];
    for (int i = 0; i < 10000; i++) {
        int n = snprintf(key, sizeof key, "word%d", i);
        mtc_wordset_put(set, key, (size_t)n, i);
    }
    cr_assert_eq(mtc_wordset_count(set), 10000);
    intptr_t v;
    cr_assert(mtc_wordset_get(set, "word4242", 8, &v));
    cr_assert_eq(v, 4242);
    cr_assert_not(mtc_wordset_contains(set, "word10000", 9));
    cr_assert_not(mtc_wordset_contains(set, "word4", 4) && 0);
    mtc_wordset_put(set, "word1", 5, 77);
    cr_assert_eq(mtc_wordset_count(set), 10000);
    cr_assert(mtc_wordset_get(set, "word1", 5, &v));
    cr_assert_eq(v, 77);
    mtc_wordset_free(set);
    mtc_wordset_free(NULL);
}

/* A filtered set answers as the plain one: every key (those added after
 * the filter too) is found with its value, absent keys are not. */
Test(wordset, filter_keeps_the_answers)
{
    mtc_wordset *plain = mtc_wordset_new(), *filtered = mtc_wordset_new();
    char key[32];
    for (int i = 0; i < 5000; i++) {
        int n = snprintf(key, sizeof key, "w%d", i * 3);
        mtc_wordset_put(plain, key, (size_t)n, i);
        mtc_wordset_put(filtered, key, (size_t)n, i);
    }
    mtc_wordset_add_filter(filtered);
    for (int i = 5000; i < 6000; i++) { /* after the filter: it grows and rehashes */
        int n = snprintf(key, sizeof key, "w%d", i * 3);
        mtc_wordset_put(plain, key, (size_t)n, i);
        mtc_wordset_put(filtered, key, (size_t)n, i);
    }
    size_t found = 0;
    for (int i = 0; i < 18000 + 500; i++) {
        int n = snprintf(key, sizeof key, "w%d", i);
        intptr_t a = -1, b = -1;
        int in_a = mtc_wordset_get(plain, key, (size_t)n, &a);
        int in_b = mtc_wordset_get(filtered, key, (size_t)n, &b);
        cr_assert_eq(in_a, in_b, "%s", key);
        cr_assert_eq(a, b, "%s", key);
        cr_assert_eq(in_b, i % 3 == 0 && i < 18000, "%s", key);
        found += (size_t)in_b;
    }
    cr_assert_eq(found, 6000);
    cr_assert_not(mtc_wordset_contains(filtered, "", 0));
    mtc_wordset_add_filter(filtered); /* again: rebuilt */
    cr_assert(mtc_wordset_contains(filtered, "w0", 2));
    mtc_wordset *empty = mtc_wordset_new();
    mtc_wordset_add_filter(empty);
    cr_assert_not(mtc_wordset_contains(empty, "w0", 2));
    mtc_wordset_free(empty);
    mtc_wordset_free(plain);
    mtc_wordset_free(filtered);
}

/* A set frozen into an image and thawed answers as the original, borrows
 * the image (nothing copied) and refuses to change. */
Test(wordset, freeze_and_thaw)
{
    mtc_wordset *set = mtc_wordset_new();
    char key[32];
    for (int i = 0; i < 3000; i++) {
        int n = snprintf(key, sizeof key, "k%d", i);
        mtc_wordset_put(set, key, (size_t)n, i * 7);
    }
    mtc_buf b = MTC_BUF_INIT;
    mtc_buf_put(&b, "0123456789abcdef", 16); /* an image need not start the buffer */
    size_t n1 = mtc_wordset_freeze(set, &b);
    size_t n2 = mtc_wordset_freeze(set, &b); /* a second one right after */
    cr_assert_eq(n1 % 16, 0);
    cr_assert_eq(b.len, 16 + n1 + n2);
    char *image = aligned_alloc(16, (b.len + 15) / 16 * 16);
    memcpy(image, b.data, b.len);
    size_t used = 0;
    mtc_wordset *t = mtc_wordset_thaw(image + 16, b.len - 16, &used);
    cr_assert_not_null(t);
    cr_assert_eq(used, n1);
    mtc_wordset *t2 = mtc_wordset_thaw(image + 16 + used, b.len - 16 - used, NULL);
    cr_assert_not_null(t2);
    cr_assert_eq(mtc_wordset_count(t), 3000);
    for (int i = 0; i < 3100; i++) {
        int n = snprintf(key, sizeof key, "k%d", i);
        intptr_t v = -1;
        cr_assert_eq(mtc_wordset_get(t, key, (size_t)n, &v), i < 3000, "%s", key);
        if (i < 3000)
            cr_assert_eq(v, i * 7);
        cr_assert_eq(mtc_wordset_contains(t2, key, (size_t)n), i < 3000);
    }
    cr_assert_null(mtc_wordset_thaw(image + 16, 40, NULL), "shorter than the table");
    cr_assert_null(mtc_wordset_thaw(image, b.len, NULL), "no image there");
    mtc_wordset_free(t);
    mtc_wordset_free(t2);
    free(image);
    mtc_buf_free(&b);
    mtc_wordset_free(set);
}

Test(wordset, thawed_set_is_read_only, .signal = SIGABRT)
{
    mtc_wordset *set = mtc_wordset_new();
    mtc_wordset_add(set, "a", 1);
    mtc_buf b = MTC_BUF_INIT;
    mtc_wordset_freeze(set, &b);
    char *image = aligned_alloc(16, (b.len + 15) / 16 * 16);
    memcpy(image, b.data, b.len);
    mtc_wordset *t = mtc_wordset_thaw(image, b.len, NULL);
    cr_assert_not_null(t);
    mtc_wordset_add(t, "b", 1); /* aborts */
}

typedef struct collect {
    char lines[8][32];
    long linenos[8];
    int n;
} collect;

static int collect_line(const char *line, size_t len, long lineno, void *ctx)
{
    collect *c = ctx;
    if (len >= 32 || c->n >= 8)
        return -1;
    memcpy(c->lines[c->n], line, len);
    c->lines[c->n][len] = '\0';
    c->linenos[c->n++] = lineno;
    return strcmp(c->lines[c->n - 1], "BAD") == 0 ? -1 : 0;
}

Test(data, line_files_comments_and_errors)
{
    const char text[] = "# header comment\n  alpha  \n\nbeta # trailing\nC# \n\tgamma\r\n";
    collect c;
    memset(&c, 0, sizeof c);
    long bad = -1;
    cr_assert_eq(mtc_data_each_line(text, sizeof text - 1, collect_line, &c, &bad), 0);
    cr_assert_eq(c.n, 4);
    cr_assert_str_eq(c.lines[0], "alpha");
    cr_assert_eq(c.linenos[0], 2);
    cr_assert_str_eq(c.lines[1], "beta");
    cr_assert_str_eq(c.lines[2], "C#");
    cr_assert_str_eq(c.lines[3], "gamma");
    cr_assert_eq(c.linenos[3], 6);
    const char worse[] = "ok\nBAD\nok\n";
    memset(&c, 0, sizeof c);
    cr_assert_eq(mtc_data_each_line(worse, sizeof worse - 1, collect_line, &c, &bad), -1);
    cr_assert_eq(bad, 2);
}

Test(data, embedded_files_present)
{
    size_t len = 0;
    const char *d = mtc_data_get("dictionaries/typography-doubled-ok.txt", &len);
    cr_assert_not_null(d);
    cr_assert_gt(len, 10);
    cr_assert_null(mtc_data_get("dictionaries/no-such-file.txt", NULL));
    mtc_error err;
    mtc_wordset *set = mtc_wordset_new();
    cr_assert_eq(mtc_wordset_load(set, "dictionaries/no-such-file.txt", 0, &err), MTC_ERR_CONFIG);
    cr_assert(strstr(err.path, "no-such-file"));
    mtc_wordset_free(set);
}

Test(document, line_and_column_in_characters)
{
    mtc_document *doc = tu_doc("Zürich “talks”\nSecond line — here\r\nThird\rFourth");
    long line, col;
    mtc_document_line_col(doc, 0, &line, &col);
    cr_assert_eq(line, 1);
    cr_assert_eq(col, 1);
    const char *p = strstr(doc->text, "talks");
    mtc_document_line_col(doc, (size_t)(p - doc->text), &line, &col);
    cr_assert_eq(line, 1);
    cr_assert_eq(col, 9); /* Z ü r i c h space “ t */
    p = strstr(doc->text, "here");
    mtc_document_line_col(doc, (size_t)(p - doc->text), &line, &col);
    cr_assert_eq(line, 2);
    cr_assert_eq(col, 15);
    p = strstr(doc->text, "Third");
    mtc_document_line_col(doc, (size_t)(p - doc->text), &line, &col);
    cr_assert_eq(line, 3, "CRLF is one line break");
    p = strstr(doc->text, "Fourth");
    mtc_document_line_col(doc, (size_t)(p - doc->text), &line, &col);
    cr_assert_eq(line, 4, "CR alone is a line break");
    cr_assert_eq(col, 1);
    cr_assert_eq(doc->n_words, 8);
    mtc_document_free(doc);
    mtc_document_free(NULL);
}

Test(registry, rules_are_well_formed)
{
    size_t n;
    const mtc_analyzer *const *all = mtc_analyzers(&n);
    cr_assert_gt(n, 0);
    for (size_t i = 0; i < n; i++) {
        cr_assert_gt(all[i]->n_rules, 0, "%s has no rules", all[i]->name);
        for (size_t r = 0; r < all[i]->n_rules; r++) {
            const mtc_rule_info *ri = &all[i]->rules[r];
            cr_assert(strchr(ri->id, '.'), "rule id %s has no analyzer prefix", ri->id);
            cr_assert(ri->severity >= MTC_SEV_MINOR && ri->severity <= MTC_SEV_CRITICAL);
            cr_assert(ri->description && *ri->description);
            const mtc_analyzer *owner = NULL;
            cr_assert_eq(mtc_rule_find(ri->id, &owner), ri, "duplicate rule id %s", ri->id);
            cr_assert_eq(owner, all[i]);
            cr_assert(mtc_rule_name_known(ri->id));
            cr_assert(mtc_rule_name_known(all[i]->name));
        }
    }
    cr_assert_not(mtc_rule_name_known("no.such-rule"));
}

Test(checker, every_analyzer_on_empty_and_tiny_documents)
{
    const char *texts[] = {"", " ", "\n\n\n", "a", "“", "...", "Hello", "A.", "\"\"\"", "( [ {"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        tu_run *r = tu_check(texts[i], NULL);
        cr_assert_not_null(r->res);
        cr_assert_geq(r->res->score, 0);
        cr_assert_leq(r->res->score, 100);
        tu_free(r);
    }
}

/* Columns on very long lines use checkpoints; they must equal a plain count,
 * including characters cut by a checkpoint boundary. */
Test(document, columns_on_long_lines_match_plain_count)
{
    size_t n = 0, cap = 300000;
    char *text = mtc_xmalloc(cap);
    const char *pieces[] = {"a", "é", "“", "中", "😀", " ", "\n"};
    unsigned seed = 7;
    while (n + 8 < cap) {
        seed = seed * 1103515245u + 12345u;
        unsigned k = (seed >> 16) % 100;
        const char *p = k < 1 ? pieces[6] : pieces[k % 6];
        size_t l = strlen(p);
        memcpy(text + n, p, l);
        n += l;
    }
    text[n] = '\0';
    char *copy = mtc_xstrndup(text, n);
    mtc_document *doc = mtc_document_from_utf8("long.txt", copy, n);
    long line_start_line = 1;
    size_t ls = 0, total = 0;
    long chars = 0;
    for (size_t i = 0; i < n; i++) {
        if ((((unsigned char)text[i]) & 0xC0) == 0x80)
            continue;
        if (i % 997 == 0 || i % 4096 < 4) {
            long line, col;
            mtc_document_line_col(doc, i, &line, &col);
            cr_assert_eq(line, line_start_line, "line at %zu", i);
            cr_assert_eq(col, chars + 1, "column at %zu (line start %zu)", i, ls);
            cr_assert_eq(mtc_document_source_chars(doc, i), total, "characters before %zu", i);
        }
        total++;
        if (text[i] == '\n') {
            line_start_line++;
            ls = i + 1;
            chars = 0;
        } else {
            chars++;
        }
    }
    mtc_document_free(doc);
    free(text);
}

/* Tag lists of line files ("word<TAB>tag,tag"): bits OR'ed, spaces and
 * empty tags allowed, an unknown tag refused. */
Test(data, tag_lists)
{
    static const mtc_data_tag tags[] = {{"aux", 1u}, {"det", 2u}, {"prep", 4u}};
    unsigned bits = 99;
    const char ok[] = " aux , prep,,";
    cr_assert_eq(mtc_data_tags(ok, ok + strlen(ok), tags, 3, &bits), 0);
    cr_assert_eq(bits, 5u);
    const char none[] = "";
    cr_assert_eq(mtc_data_tags(none, none, tags, 3, &bits), 0);
    cr_assert_eq(bits, 0u);
    const char bad[] = "det,verb";
    cr_assert_eq(mtc_data_tags(bad, bad + strlen(bad), tags, 3, &bits), -1);
    const char prefix[] = "de";
    cr_assert_eq(mtc_data_tags(prefix, prefix + strlen(prefix), tags, 3, &bits), -1);
}
