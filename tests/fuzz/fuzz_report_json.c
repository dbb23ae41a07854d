/* fuzz_report_json.c — libFuzzer target for the JSON reporter: any checked
 * article (any file name, any text) must give a report that json-c parses
 * back completely, with the path and every issue's text intact. */
#include <json-c/json.h>

#include "fuzz_common.h"
#include "utf8.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fz_init();
    return 0;
}

static json_object *get(json_object *o, const char *key)
{
    json_object *v = NULL;
    if (!json_object_object_get_ex(o, key, &v))
        abort();
    return v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_article a;
    if (fz_check(data, size, &a) != 0)
        return 0;
    size_t len;
    char *out = fz_report(&mtc_reporter_json, &a, &len);
    json_tokener *tok = json_tokener_new_ex(JSON_TOKENER_DEFAULT_DEPTH);
    json_object *root = json_tokener_parse_ex(tok, out, (int)len);
    if (!root || json_tokener_get_error(tok) != json_tokener_success)
        abort(); /* not valid JSON */
    size_t used = json_tokener_get_parse_end(tok);
    while (used < len && (out[used] == '\n' || out[used] == ' '))
        used++;
    if (used != len)
        abort(); /* trailing garbage */
    json_object *files = get(root, "files");
    if (json_object_array_length(files) != 2)
        abort();
    json_object *f0 = json_object_array_get_idx(files, 0);
    size_t bad;
    if (mtc_utf8_validate(a.path, strlen(a.path), &bad) && strchr(a.path, 0x7f) == NULL &&
        strcmp(json_object_get_string(get(f0, "path")), a.path) != 0)
        abort(); /* the file name did not survive */
    json_object *issues = get(f0, "issues");
    if (json_object_array_length(issues) != a.res->n_issues)
        abort();
    for (size_t i = 0; i < a.res->n_issues; i++) {
        const mtc_issue *is = &a.res->issues[i];
        json_object *t = get(json_object_array_get_idx(issues, i), "text");
        size_t n = is->end - is->start;
        if ((size_t)json_object_get_string_len(t) != n ||
            memcmp(json_object_get_string(t), a.doc->text + is->start, n) != 0)
            abort(); /* the issue's text did not survive */
    }
    json_object_put(root);
    json_tokener_free(tok);
    free(out);
    fz_free(&a);
    return 0;
}
