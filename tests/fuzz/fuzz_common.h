/* fuzz_common.h — shared by the reporter fuzz targets: turns one fuzz input
 * into a checked article (the first byte picks the input format, the bytes up
 * to the first newline are the file name, the rest is the article) and runs a
 * reporter over it into memory. The checker is built once per process, with
 * every rule on. Header-only (static functions): each target is one file. */
#ifndef MTC_FUZZ_COMMON_H
#define MTC_FUZZ_COMMON_H

#define _GNU_SOURCE /* open_memstream under -std=c11 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checker.h"
#include "config.h"
#include "document.h"
#include "mtcheck.h"
#include "report.h"

typedef struct fz_article {
    char path[256];
    mtc_document *doc;
    mtc_result *res;
} fz_article;

static mtc_config *fz_cfg;
static mtc_checker *fz_chk;

static void fz_init(void)
{
    mtc_error err;
    memset(&err, 0, sizeof err);
    fz_cfg = mtc_config_new();
    mtc_config_set_rule(fz_cfg, "all", 1);
    if (mtc_checker_new(fz_cfg, &fz_chk, &err) != MTC_OK)
        abort();
}

/* 0 when the input is checked (free with fz_free), -1 when it is rejected
 * (binary, undecodable): nothing to report. */
static int fz_check(const uint8_t *data, size_t size, fz_article *a)
{
    static const mtc_input_format formats[] = {MTC_INPUT_TEXT, MTC_INPUT_TEXT, MTC_INPUT_MARKDOWN,
                                               MTC_INPUT_HTML};
    memset(a, 0, sizeof *a);
    mtc_input_format fmt = MTC_INPUT_TEXT;
    if (size > 0) {
        fmt = formats[data[0] & 3];
        data++;
        size--;
    }
    size_t p = 0, k = 0;
    while (p < size && data[p] != '\n') {
        if (data[p] != '\0' && k + 1 < sizeof a->path)
            a->path[k++] = (char)data[p];
        p++;
    }
    a->path[k] = '\0';
    if (k == 0)
        strcpy(a->path, "article.txt");
    if (p < size)
        p++;
    mtc_error err;
    memset(&err, 0, sizeof err);
    if (mtc_document_from_bytes(a->path, (const char *)data + p, size - p, NULL, fmt, &a->doc,
                                &err) != MTC_OK)
        return -1;
    if (mtc_checker_check(fz_chk, a->doc, &a->res, &err) != MTC_OK) {
        mtc_document_free(a->doc);
        a->doc = NULL;
        return -1;
    }
    return 0;
}

static void fz_free(fz_article *a)
{
    mtc_result_free(a->res);
    mtc_document_free(a->doc);
    memset(a, 0, sizeof *a);
}

/* Runs reporter rep over the article (twice, as two files, so separators are
 * exercised); returns the malloc'ed output and its length. */
static char *fz_report(const mtc_reporter *rep, const fz_article *a, size_t *len)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    if (!f)
        abort();
    mtc_report_options ropt;
    memset(&ropt, 0, sizeof ropt);
    ropt.cfg = fz_cfg;
    ropt.show_context = 1;
    void *st = rep->begin(f, &ropt);
    mtc_summary sum;
    memset(&sum, 0, sizeof sum);
    for (int i = 0; i < 2; i++) {
        rep->article(st, a->res);
        mtc_summary_add(&sum, a->res);
    }
    if (rep->end(st, &sum) != 0)
        abort();
    mtc_summary_free(&sum);
    fclose(f);
    *len = n;
    return buf;
}

#endif
