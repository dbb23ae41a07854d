/* testutil.c — helpers for the Criterion tests (see testutil.h). */
#include "testutil.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

mtc_document *tu_doc(const char *text)
{
    size_t len = strlen(text);
    return mtc_document_from_utf8("test.txt", mtc_xstrndup(text, len), len);
}

tu_run *tu_check_cfg(const char *text, mtc_config *cfg)
{
    tu_run *r = mtc_xcalloc(1, sizeof *r);
    r->cfg = cfg;
    mtc_error err;
    memset(&err, 0, sizeof err);
    mtc_status st = mtc_checker_new(r->cfg, &r->chk, &err);
    cr_assert_eq(st, MTC_OK, "checker: %s", err.message);
    r->doc = tu_doc(text);
    st = mtc_checker_check(r->chk, r->doc, &r->res, &err);
    cr_assert_eq(st, MTC_OK, "check: %s", err.message);
    return r;
}

tu_run *tu_check(const char *text, const char *only)
{
    mtc_config *cfg = mtc_config_new();
    if (only) {
        mtc_config_set_rule(cfg, "all", 0);
        char *copy = mtc_xstrdup(only);
        for (char *save = NULL, *tok = strtok_r(copy, ",", &save); tok;
             tok = strtok_r(NULL, ",", &save))
            mtc_config_set_rule(cfg, tok, 1);
        free(copy);
    }
    return tu_check_cfg(text, cfg);
}

void tu_free(tu_run *r)
{
    if (!r)
        return;
    mtc_result_free(r->res);
    mtc_document_free(r->doc);
    mtc_checker_free(r->chk);
    mtc_config_free(r->cfg);
    free(r);
}

size_t tu_count(const tu_run *r, const char *rule)
{
    size_t n = 0;
    for (size_t i = 0; i < r->res->n_issues; i++)
        if (!rule || strcmp(r->res->issues[i].rule, rule) == 0)
            n++;
    return n;
}

const mtc_issue *tu_find(const tu_run *r, const char *rule, size_t nth)
{
    for (size_t i = 0; i < r->res->n_issues; i++)
        if (!rule || strcmp(r->res->issues[i].rule, rule) == 0) {
            if (nth == 0)
                return &r->res->issues[i];
            nth--;
        }
    return NULL;
}

int tu_has(const tu_run *r, const char *rule, const char *span_text)
{
    size_t n = strlen(span_text);
    for (size_t i = 0; i < r->res->n_issues; i++) {
        const mtc_issue *is = &r->res->issues[i];
        if (rule && strcmp(is->rule, rule) != 0)
            continue;
        if (is->end - is->start == n && memcmp(r->doc->text + is->start, span_text, n) == 0)
            return 1;
    }
    return 0;
}

char *tu_issue_text(const tu_run *r, const mtc_issue *is)
{
    return mtc_xstrndup(r->doc->text + is->start, is->end - is->start);
}

void tu_dump(const tu_run *r)
{
    for (size_t i = 0; i < r->res->n_issues; i++) {
        const mtc_issue *is = &r->res->issues[i];
        fprintf(stderr, "  [%zu,%zu) %s %s '%.*s': %s\n", is->start, is->end, is->rule,
                mtc_severity_name(is->severity), (int)(is->end - is->start),
                r->doc->text + is->start, is->message);
    }
}

const char *tu_root_path(const char *rel, char *buf, size_t size)
{
    const char *root = getenv("MTCHECK_ROOT");
    snprintf(buf, size, "%s/%s", root && *root ? root : ".", rel);
    return buf;
}

void tu_expect(const char *rule, const char *text, const char *span)
{
    tu_run *r = tu_check(text, rule);
    if (span) {
        if (!tu_has(r, rule, span))
            tu_dump(r);
        cr_expect(tu_has(r, rule, span), "%s: expected '%s' in: %s", rule, span, text);
    } else {
        if (tu_count(r, rule) != 0)
            tu_dump(r);
        cr_expect_eq(tu_count(r, rule), 0, "%s: expected nothing in: %s", rule, text);
    }
    tu_free(r);
}
