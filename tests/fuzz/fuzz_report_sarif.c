/* fuzz_report_sarif.c — libFuzzer target for the SARIF reporter (--format
 * sarif): any checked article under any file name gives a SARIF 2.1.0 log
 * that json-c parses back, with one result per issue, each result's snippet
 * equal to the issue's text, 1-based regions, and an artifact URI that is a
 * valid URI reference (RFC 3986: no spaces, '#', '?' or other raw bytes). */
#include <json-c/json.h>

#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fz_init();
    return 0;
}

static json_object *sa_get(json_object *o, const char *key)
{
    json_object *v = NULL;
    if (!json_object_object_get_ex(o, key, &v))
        abort();
    return v;
}

static int sa_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* 1 if s is a relative URI reference made of RFC 3986 path characters. */
static int sa_uri_ok(const char *s)
{
    static const char allowed[] = "-._~!$&'()*+,;=:@/";
    if (!*s)
        return 0;
    for (const char *p = s; *p; p++) {
        char c = *p;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            strchr(allowed, c))
            continue;
        if (c == '%' && sa_hex(p[1]) && sa_hex(p[2])) {
            p += 2;
            continue;
        }
        return 0;
    }
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const mtc_reporter *rep = mtc_reporter_find("sarif");
    fz_article a;
    if (!rep || fz_check(data, size, &a) != 0)
        return 0;
    size_t len;
    char *out = fz_report(rep, &a, &len);
    json_tokener *tok = json_tokener_new();
    json_object *root = json_tokener_parse_ex(tok, out, (int)len);
    if (!root || json_tokener_get_error(tok) != json_tokener_success)
        abort(); /* not valid JSON */
    if (strcmp(json_object_get_string(sa_get(root, "version")), "2.1.0") != 0)
        abort();
    json_object *run = json_object_array_get_idx(sa_get(root, "runs"), 0);
    json_object *results = sa_get(run, "results");
    if (json_object_array_length(results) != 2 * a.res->n_issues)
        abort(); /* the article is reported twice */
    for (size_t i = 0; i < a.res->n_issues; i++) {
        const mtc_issue *is = &a.res->issues[i];
        json_object *loc = json_object_array_get_idx(sa_get(json_object_array_get_idx(results, i),
                                                             "locations"), 0);
        json_object *phys = sa_get(loc, "physicalLocation");
        const char *uri = json_object_get_string(sa_get(sa_get(phys, "artifactLocation"), "uri"));
        if (!sa_uri_ok(uri))
            abort(); /* not a valid URI reference */
        json_object *region = sa_get(phys, "region");
        if (json_object_get_int64(sa_get(region, "startLine")) < 1 ||
            json_object_get_int64(sa_get(region, "startColumn")) < 1)
            abort();
        json_object *snip = sa_get(sa_get(region, "snippet"), "text");
        size_t n = is->end - is->start;
        if ((size_t)json_object_get_string_len(snip) != n ||
            memcmp(json_object_get_string(snip), a.doc->text + is->start, n) != 0)
            abort();
    }
    json_object_put(root);
    json_tokener_free(tok);
    free(out);
    fz_free(&a);
    return 0;
}
