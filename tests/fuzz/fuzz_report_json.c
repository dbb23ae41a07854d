/* fuzz_report_json.c — libFuzzer target for the JSON-shaped reporters
 * (--format json, jsonl, rdjsonl): any checked article, under any file name,
 * must give output that json-c parses back completely (JSON Lines: every
 * line), and the JSON report must carry the file name and every issue's text
 * unchanged. */
#include <json-c/json.h>

#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fz_init();
    return 0;
}

static json_object *js_get(json_object *o, const char *key)
{
    json_object *v = NULL;
    if (!json_object_object_get_ex(o, key, &v))
        abort();
    return v;
}

/* Parses s[0..len) as exactly one JSON value (surrounding whitespace allowed). */
static json_object *js_parse(const char *s, size_t len)
{
    json_tokener *tok = json_tokener_new();
    json_object *o = json_tokener_parse_ex(tok, s, (int)len);
    if (!o || json_tokener_get_error(tok) != json_tokener_success)
        abort(); /* not valid JSON */
    size_t used = json_tokener_get_parse_end(tok);
    while (used < len && (s[used] == '\n' || s[used] == ' '))
        used++;
    if (used != len)
        abort(); /* trailing garbage */
    json_tokener_free(tok);
    return o;
}

static void js_check_json(const fz_article *a)
{
    size_t len;
    char *out = fz_report(&mtc_reporter_json, a, &len);
    json_object *root = js_parse(out, len);
    json_object *files = js_get(root, "files");
    if (json_object_array_length(files) != 2)
        abort();
    json_object *f0 = json_object_array_get_idx(files, 0);
    size_t bad;
    if (mtc_utf8_validate(a->path, strlen(a->path), &bad) &&
        strcmp(json_object_get_string(js_get(f0, "path")), a->path) != 0)
        abort(); /* the file name did not survive */
    json_object *issues = js_get(f0, "issues");
    if (json_object_array_length(issues) != a->res->n_issues)
        abort();
    for (size_t i = 0; i < a->res->n_issues; i++) {
        const mtc_issue *is = &a->res->issues[i];
        json_object *t = js_get(json_object_array_get_idx(issues, i), "text");
        size_t n = is->end - is->start;
        if ((size_t)json_object_get_string_len(t) != n ||
            memcmp(json_object_get_string(t), a->doc->text + is->start, n) != 0)
            abort(); /* the issue's text did not survive */
    }
    json_object_put(root);
    free(out);
}

/* Every line of a JSON Lines report is one JSON object. */
static void js_check_jsonl(const fz_article *a, const char *format, size_t min_lines)
{
    const mtc_reporter *rep = mtc_reporter_find(format);
    if (!rep)
        return; /* not built (yet) */
    size_t len;
    char *out = fz_report(rep, a, &len);
    size_t lines = 0, p = 0;
    while (p < len) {
        size_t e = p;
        while (e < len && out[e] != '\n')
            e++;
        if (e > p) {
            json_object *o = js_parse(out + p, e - p);
            if (!json_object_is_type(o, json_type_object))
                abort();
            json_object_put(o);
            lines++;
        }
        p = e + 1;
    }
    if (lines < min_lines)
        abort();
    free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_article a;
    if (fz_check(data, size, &a) != 0)
        return 0;
    js_check_json(&a);
    js_check_jsonl(&a, "jsonl", 2);                      /* one line per article */
    js_check_jsonl(&a, "rdjsonl", 2 * a.res->n_issues); /* one line per issue */
    fz_free(&a);
    return 0;
}
