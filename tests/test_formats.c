/* test_formats.c — the CI output formats: SARIF 2.1.0 (structural check of
 * the schema's required properties and types, regions, fingerprints),
 * GitHub workflow commands (parsed back, escaping), rdjsonl, checkstyle,
 * jsonl and the Markdown summary. */
#include <criterion/criterion.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "analyzer.h"
#include "buffer.h"
#include "clitest.h"
#include "report_util.h"
#include "testutil.h"

static void go_root(void)
{
    char buf[4096];
    cr_assert_eq(chdir(tu_root_path(".", buf, sizeof buf)), 0);
}

static json_object *get(json_object *o, const char *key, json_type type)
{
    json_object *v = NULL;
    cr_assert(json_object_object_get_ex(o, key, &v), "missing property '%s' in %s", key,
              json_object_to_json_string(o));
    cr_assert(json_object_is_type(v, type), "property '%s' has the wrong type: %s", key,
              json_object_to_json_string(v));
    return v;
}

static long get_int(json_object *o, const char *key, long min)
{
    long v = (long)json_object_get_int64(get(o, key, json_type_int));
    cr_assert(v >= min, "%s = %ld < %ld", key, v, min);
    return v;
}

static int is_level(const char *s)
{
    return !strcmp(s, "none") || !strcmp(s, "note") || !strcmp(s, "warning") ||
           !strcmp(s, "error");
}

/* Checks a SARIF log against the 2.1.0 schema's required properties and
 * types for what mtcheck writes; returns the results array (borrowed). */
static json_object *check_sarif(json_object *log, json_object **rules_out)
{
    cr_assert(json_object_is_type(log, json_type_object));
    cr_assert_str_eq(json_object_get_string(get(log, "version", json_type_string)), "2.1.0");
    get(log, "$schema", json_type_string);
    json_object *runs = get(log, "runs", json_type_array);
    cr_assert_eq(json_object_array_length(runs), 1);
    json_object *run = json_object_array_get_idx(runs, 0);
    json_object *driver = get(get(run, "tool", json_type_object), "driver", json_type_object);
    cr_assert_str_eq(json_object_get_string(get(driver, "name", json_type_string)), "mtcheck");
    json_object *rules = get(driver, "rules", json_type_array);
    size_t n_an, total = 0;
    const mtc_analyzer *const *all = mtc_analyzers(&n_an);
    for (size_t i = 0; i < n_an; i++)
        total += all[i]->n_rules;
    cr_assert_eq(json_object_array_length(rules), total, "every rule of the registry");
    for (size_t i = 0; i < json_object_array_length(rules); i++) {
        json_object *r = json_object_array_get_idx(rules, i);
        const char *id = json_object_get_string(get(r, "id", json_type_string));
        cr_assert_not_null(mtc_rule_find(id, NULL), "unknown rule %s", id);
        get(get(r, "shortDescription", json_type_object), "text", json_type_string);
        const char *lvl = json_object_get_string(
            get(get(r, "defaultConfiguration", json_type_object), "level", json_type_string));
        cr_assert(is_level(lvl), "level %s", lvl);
    }
    json_object *results = get(run, "results", json_type_array);
    for (size_t i = 0; i < json_object_array_length(results); i++) {
        json_object *res = json_object_array_get_idx(results, i);
        get(get(res, "message", json_type_object), "text", json_type_string);
        const char *rule = json_object_get_string(get(res, "ruleId", json_type_string));
        long idx = get_int(res, "ruleIndex", 0);
        cr_assert_lt((size_t)idx, json_object_array_length(rules));
        cr_assert_str_eq(json_object_get_string(
                             get(json_object_array_get_idx(rules, (size_t)idx), "id", json_type_string)),
                         rule);
        cr_assert(is_level(json_object_get_string(get(res, "level", json_type_string))));
        json_object *locs = get(res, "locations", json_type_array);
        cr_assert_eq(json_object_array_length(locs), 1);
        json_object *pl = get(json_object_array_get_idx(locs, 0), "physicalLocation", json_type_object);
        const char *uri = json_object_get_string(
            get(get(pl, "artifactLocation", json_type_object), "uri", json_type_string));
        cr_assert(uri[0] != '\0');
        json_object *reg = get(pl, "region", json_type_object);
        long sl = get_int(reg, "startLine", 1), sc = get_int(reg, "startColumn", 1);
        long el = get_int(reg, "endLine", 1), ec = get_int(reg, "endColumn", 1);
        cr_assert(el > sl || (el == sl && ec >= sc), "region ends before it starts");
        get_int(reg, "charOffset", 0);
        get_int(reg, "charLength", 0);
        json_object *fp = get(res, "partialFingerprints", json_type_object);
        json_object_object_foreach(fp, k, v)
        {
            (void)k;
            cr_assert(json_object_is_type(v, json_type_string));
        }
    }
    if (rules_out)
        *rules_out = rules;
    return results;
}

static json_object *run_sarif(const char *args)
{
    ct_result r = ct_run(args, NULL);
    cr_assert(r.status == 0 || r.status == 1, "exit %d: %s", r.status, r.err);
    json_object *log = json_tokener_parse(r.out);
    cr_assert_not_null(log, "not JSON: %.300s", r.out);
    ct_free(&r);
    return log;
}

static json_object *find_result(json_object *results, const char *snippet)
{
    for (size_t i = 0; i < json_object_array_length(results); i++) {
        json_object *res = json_object_array_get_idx(results, i), *v;
        json_object *pl = json_object_object_get(
            json_object_array_get_idx(json_object_object_get(res, "locations"), 0),
            "physicalLocation");
        json_object *reg = json_object_object_get(pl, "region");
        if (json_object_object_get_ex(reg, "snippet", &v) &&
            strcmp(json_object_get_string(json_object_object_get(v, "text")), snippet) == 0)
            return res;
    }
    return NULL;
}

static long region_int(json_object *res, const char *key)
{
    json_object *pl = json_object_object_get(
        json_object_array_get_idx(json_object_object_get(res, "locations"), 0), "physicalLocation");
    return (long)json_object_get_int64(
        json_object_object_get(json_object_object_get(pl, "region"), key));
}

static const char *fingerprint(json_object *res)
{
    return json_object_get_string(
        json_object_object_get(json_object_object_get(res, "partialFingerprints"), "mtcheck/v1"));
}

Test(formats, sarif_structure_and_regions)
{
    go_root();
    json_object *log =
        run_sarif("--format sarif --no-config tests/fixtures/ci/article.md tests/fixtures/seed-article.txt");
    json_object *results = check_sarif(log, NULL);
    cr_assert_gt(json_object_array_length(results), 5);
    json_object *w = find_result(results, "withuot");
    cr_assert_not_null(w);
    cr_assert_str_eq(json_object_get_string(json_object_object_get(w, "ruleId")),
                     "spelling.unknown-word");
    cr_assert_str_eq(json_object_get_string(json_object_object_get(w, "level")), "error");
    json_object *pl = json_object_object_get(
        json_object_array_get_idx(json_object_object_get(w, "locations"), 0), "physicalLocation");
    cr_assert_str_eq(json_object_get_string(json_object_object_get(
                         json_object_object_get(pl, "artifactLocation"), "uri")),
                     "tests/fixtures/ci/article.md", "relative to the repository root");
    cr_assert_eq(region_int(w, "startLine"), 5);
    cr_assert_eq(region_int(w, "startColumn"), 13);
    cr_assert_eq(region_int(w, "endColumn"), 20);
    size_t len;
    char *src = ct_read("tests/fixtures/ci/article.md", &len);
    cr_assert_eq(region_int(w, "charOffset"), (long)(strstr(src, "withuot") - src));
    cr_assert_eq(region_int(w, "charLength"), 7);
    free(src);
    json_object_put(log);
}

Test(formats, sarif_minor_is_warning_and_offsets_count_characters)
{
    char *dir = ct_tmpdir();
    const char text[] = "Café prices rose again\n\nThe café raised prices on Monday , "
                        "and the ownr said costs had grown.\n";
    char *p = ct_write(dir, "a.txt", text, strlen(text));
    char args[4200];
    snprintf(args, sizeof args, "--format sarif --no-config '%s'", p);
    json_object *log = run_sarif(args);
    json_object *results = check_sarif(log, NULL);
    json_object *o = find_result(results, "ownr");
    cr_assert_not_null(o);
    /* two 'é' before it: the character offset is two less than the byte offset */
    long bytes = (long)(strstr(text, "ownr") - text);
    cr_assert_eq(region_int(o, "charOffset"), bytes - 2);
    json_object *sp = find_result(results, " ,");
    if (!sp)
        sp = find_result(results, " ");
    cr_assert_not_null(sp, "space before the comma");
    cr_assert_str_eq(json_object_get_string(json_object_object_get(sp, "level")), "warning");
    json_object_put(log);
    free(p);
    free(dir);
}

Test(formats, sarif_fingerprints_survive_unrelated_edits)
{
    char *dir = ct_tmpdir();
    const char a[] = "Council approves budget\n\nThe council aproved the budget on Monday.\n\n"
                     "The mayor said the plan was fair. The ownr of a shop agreed.\n";
    const char b[] = "Council approves budget\n\nA new first paragraph was added by an editor "
                     "later.\n\nThe council aproved the budget on Monday.\n\n"
                     "The mayor said the plan was fair. The ownr of a shop agreed.\n";
    const char c[] = "Council approves budget\n\nThe council aproved the new budget on Monday.\n\n"
                     "The mayor said the plan was fair. The ownr of a shop agreed.\n";
    const char *texts[] = {a, b, c};
    char fps[3][2][64];
    for (int k = 0; k < 3; k++) {
        char *p = ct_write(dir, "a.txt", texts[k], strlen(texts[k]));
        char args[4200];
        snprintf(args, sizeof args, "--format sarif --no-config '%s'", p);
        json_object *log = run_sarif(args);
        json_object *results = check_sarif(log, NULL);
        json_object *x = find_result(results, "aproved"), *y = find_result(results, "ownr");
        cr_assert(x && y);
        snprintf(fps[k][0], sizeof fps[k][0], "%s", fingerprint(x));
        snprintf(fps[k][1], sizeof fps[k][1], "%s", fingerprint(y));
        cr_assert_eq(strlen(fps[k][0]), 32);
        json_object_put(log);
        free(p);
    }
    cr_assert_str_eq(fps[0][0], fps[1][0], "a paragraph inserted above does not change it");
    cr_assert_str_eq(fps[0][1], fps[1][1]);
    cr_assert_str_neq(fps[0][0], fps[2][0], "editing the issue's own sentence changes it");
    cr_assert_str_eq(fps[0][1], fps[2][1], "an edit in another sentence does not");
    cr_assert_str_neq(fps[0][0], fps[0][1]);
    free(dir);
}

Test(formats, sarif_fingerprints_distinguish_repeated_issues)
{
    tu_run *r = tu_check("Wind farm opens\n\nThe ownr said the ownr was away.\n", "spelling");
    cr_assert_eq(tu_count(r, "spelling.unknown-word"), 2);
    char(*fp)[33] = mtc_issue_fingerprints(r->res);
    cr_assert_str_neq(fp[0], fp[1], "occurrence index");
    free(fp);
    tu_free(r);
}

/* Undoes GitHub's escaping. */
static char *gh_unescape(const char *s, size_t n)
{
    char *out = mtc_xmalloc(n + 1);
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '%' && i + 2 < n) {
            if (!strncmp(s + i, "%25", 3)) { out[w++] = '%'; i += 2; continue; }
            if (!strncmp(s + i, "%0D", 3)) { out[w++] = '\r'; i += 2; continue; }
            if (!strncmp(s + i, "%0A", 3)) { out[w++] = '\n'; i += 2; continue; }
            if (!strncmp(s + i, "%3A", 3)) { out[w++] = ':'; i += 2; continue; }
            if (!strncmp(s + i, "%2C", 3)) { out[w++] = ','; i += 2; continue; }
        }
        out[w++] = s[i];
    }
    out[w] = '\0';
    return out;
}

Test(formats, github_escaping)
{
    mtc_buf b = MTC_BUF_INIT;
    mtc_escape_gh_property(&b, "a%b\r\n:,c", 9);
    cr_assert_str_eq(b.data, "a%25b%0D%0A%3A%2Cc");
    mtc_buf_clear(&b);
    mtc_escape_gh_data(&b, "50% off:\nnow, here", 18);
    cr_assert_str_eq(b.data, "50%25 off:%0Anow, here");
    mtc_buf_free(&b);
}

Test(formats, github_lines_parse_back)
{
    char *dir = ct_tmpdir();
    const char text[] = "Storm hits coast\n\nThe storm damaged the harbour , officials said. "
                        "The ownr of a hotel said the the roof was lost.\n";
    char *p = ct_write(dir, "news,50%:a.txt", text, strlen(text));
    char args[4200];
    snprintf(args, sizeof args, "--format github --no-config '%s'", p);
    ct_result r = ct_run(args, NULL);
    cr_assert_eq(r.status, 1, "%s", r.err);
    snprintf(args, sizeof args, "--format jsonl --no-config '%s'", p);
    ct_result j = ct_run(args, NULL);
    json_object *o = json_tokener_parse(j.out);
    cr_assert_not_null(o);
    json_object *issues = json_object_object_get(o, "issues");
    size_t n = 0;
    char *save = NULL;
    for (char *line = strtok_r(r.out, "\n", &save); line; line = strtok_r(NULL, "\n", &save), n++) {
        const char *kind = strncmp(line, "::error ", 8) == 0     ? "error"
                           : strncmp(line, "::warning ", 10) == 0 ? "warning"
                                                                  : NULL;
        cr_assert_not_null(kind, "not a workflow command: %s", line);
        const char *props = line + strlen(kind) + 3;
        const char *sep = strstr(props, "::");
        cr_assert_not_null(sep);
        char *msg = gh_unescape(sep + 2, strlen(sep + 2));
        char *plist = mtc_xstrndup(props, (size_t)(sep - props));
        char *file = NULL, *title = NULL;
        long line_no = 0, col = 0, end_col = 0, end_line = 0;
        char *ps = NULL;
        for (char *kv = strtok_r(plist, ",", &ps); kv; kv = strtok_r(NULL, ",", &ps)) {
            char *eq = strchr(kv, '=');
            cr_assert_not_null(eq, "property without '=': %s", kv);
            *eq = '\0';
            char *val = gh_unescape(eq + 1, strlen(eq + 1));
            if (!strcmp(kv, "file")) file = val;
            else if (!strcmp(kv, "title")) title = val;
            else {
                if (!strcmp(kv, "line")) line_no = atol(val);
                else if (!strcmp(kv, "col")) col = atol(val);
                else if (!strcmp(kv, "endLine")) end_line = atol(val);
                else if (!strcmp(kv, "endColumn")) end_col = atol(val);
                else cr_assert_fail("unknown property %s", kv);
                free(val);
            }
        }
        cr_assert_str_eq(file, p, "the file name round-trips through the escaping");
        json_object *is = json_object_array_get_idx(issues, n);
        cr_assert_not_null(is, "more annotations than issues");
        cr_assert_str_eq(title, json_object_get_string(json_object_object_get(is, "rule")));
        cr_assert_eq(line_no, json_object_get_int(json_object_object_get(is, "line")));
        cr_assert_eq(col, json_object_get_int(json_object_object_get(is, "column")));
        cr_assert_eq(end_line, json_object_get_int(json_object_object_get(is, "end_line")));
        cr_assert_eq(end_col, json_object_get_int(json_object_object_get(is, "end_column")));
        const char *sev = json_object_get_string(json_object_object_get(is, "severity"));
        cr_assert_str_eq(kind, strcmp(sev, "minor") == 0 ? "warning" : "error");
        cr_assert(strstr(msg, json_object_get_string(json_object_object_get(is, "message"))));
        free(file);
        free(title);
        free(plist);
        free(msg);
    }
    cr_assert_eq(n, json_object_array_length(issues));
    cr_assert_geq(n, 3);
    json_object_put(o);
    ct_free(&j);
    ct_free(&r);
    free(p);
    free(dir);
}

Test(formats, rdjsonl_checkstyle_jsonl_markdown)
{
    go_root();
    const char *in = "--no-config tests/fixtures/ci/article.md tests/fixtures/ci/batch/05-bridge.txt";
    char args[512];
    snprintf(args, sizeof args, "--format rdjsonl %s", in);
    ct_result r = ct_run(args, NULL);
    cr_assert_eq(r.status, 1);
    size_t n = 0;
    char *save = NULL;
    for (char *line = strtok_r(r.out, "\n", &save); line; line = strtok_r(NULL, "\n", &save), n++) {
        json_object *o = json_tokener_parse(line);
        cr_assert_not_null(o, "%s", line);
        get(o, "message", json_type_string);
        json_object *loc = get(o, "location", json_type_object);
        cr_assert_str_eq(json_object_get_string(get(loc, "path", json_type_string)),
                         "tests/fixtures/ci/article.md");
        json_object *start = get(get(loc, "range", json_type_object), "start", json_type_object);
        get_int(start, "line", 1);
        get_int(start, "column", 1);
        const char *sev = json_object_get_string(get(o, "severity", json_type_string));
        cr_assert(!strcmp(sev, "ERROR") || !strcmp(sev, "WARNING"));
        get(get(o, "code", json_type_object), "value", json_type_string);
        json_object_put(o);
    }
    cr_assert_eq(n, 5);
    ct_free(&r);

    snprintf(args, sizeof args, "--format checkstyle %s", in);
    r = ct_run(args, NULL);
    cr_assert_eq(strncmp(r.out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle", 50), 0);
    cr_assert(strstr(r.out, "<file name=\"tests/fixtures/ci/article.md\">"));
    cr_assert(strstr(r.out, "<file name=\"tests/fixtures/ci/batch/05-bridge.txt\">"));
    cr_assert(strstr(r.out, "<error line=\"5\" column=\"13\" severity=\"error\" message=\"unknown word &#39;withuot&#39;"));
    cr_assert(strstr(r.out, "</checkstyle>\n"));
    ct_free(&r);

    snprintf(args, sizeof args, "--format jsonl %s", in);
    r = ct_run(args, NULL);
    n = 0;
    save = NULL;
    for (char *line = strtok_r(r.out, "\n", &save); line; line = strtok_r(NULL, "\n", &save), n++) {
        json_object *o = json_tokener_parse(line);
        cr_assert_not_null(o);
        get(o, "id", json_type_string);
        get(o, "issues", json_type_array);
        json_object_put(o);
    }
    cr_assert_eq(n, 2, "one line per article");
    ct_free(&r);

    snprintf(args, sizeof args, "--format markdown %s", in);
    r = ct_run(args, NULL);
    cr_assert(strstr(r.out, "**Gate: failed** — 1 of 2 articles failed"), "%s", r.out);
    cr_assert(strstr(r.out, "| Article | Score |"));
    cr_assert(strstr(r.out, "| tests/fixtures/ci/article.md |"));
    cr_assert(strstr(r.out, "| spelling.unknown-word | major | 5 |"), "%s", r.out);
    ct_free(&r);
}
