/* baseline.c — reads, writes and applies baselines (see baseline.h). A
 * baseline file is text: the header line MTC_BASELINE_HEADER, '#' comment
 * lines, blank lines, and one line per known finding:
 *   FINGERPRINT RULE PATH
 * FINGERPRINT is SARIF's partialFingerprints "mtcheck/v1" (32 hex digits),
 * RULE the rule id (for the reader: the fingerprint already includes it),
 * PATH the article's path relative to the repository root, percent-encoded
 * as a URI (spaces, '%', control and non-ASCII bytes), as in SARIF. Owns
 * the sorted keys it loads. */
#include "baseline.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "report_util.h"
#include "utf8.h"

struct mtc_baseline {
    char **keys;  /* "PATH\nFINGERPRINT", PATH decoded; sorted */
    size_t n;
};

static int cmp_key(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* PATH as written: every byte outside unreserved, sub-delims, '@', '/' as %XX. */
static void put_path(mtc_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (mtc_ascii_is_alnum(c) || (c && strchr("-._~!$&'()*+,;=@/", c))) {
            mtc_buf_putc(b, (char)c);
        } else {
            char e[3] = {'%', hex[c >> 4], hex[c & 15]};
            mtc_buf_put(b, e, 3);
        }
    }
}

/* Decodes a percent-encoded PATH into b; -1 if malformed. */
static int decode_path(mtc_buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '%') {
            mtc_buf_putc(b, s[i]);
            continue;
        }
        int h = i + 1 < n ? hexval((unsigned char)s[i + 1]) : -1;
        int l = i + 2 < n ? hexval((unsigned char)s[i + 2]) : -1;
        if (h < 0 || l < 0 || (h == 0 && l == 0))
            return -1;
        mtc_buf_putc(b, (char)(h * 16 + l));
        i += 2;
    }
    return 0;
}

static void key_of(mtc_buf *k, const char *path, size_t path_len, const char *fp)
{
    mtc_buf_put(k, path, path_len);
    mtc_buf_putc(k, '\n');
    mtc_buf_puts(k, fp);
}

static mtc_status bad_line(mtc_error *err, const char *path, long line, const char *what)
{
    mtc_error_set(err, MTC_ERR_CONFIG, path, -1, line,
                  "not a baseline line: %s (expected FINGERPRINT RULE PATH; "
                  "write one with --write-baseline)",
                  what);
    return MTC_ERR_CONFIG;
}

mtc_status mtc_baseline_load(const char *path, mtc_baseline **out, mtc_error *err)
{
    *out = NULL;
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        mtc_error_set(err, MTC_ERR_IO, path, -1, -1, "cannot read the baseline: %s",
                      strerror(errno));
        return MTC_ERR_IO;
    }
    mtc_baseline *bl = mtc_xcalloc(1, sizeof *bl);
    size_t cap = 0;
    char *line = NULL;
    size_t line_cap = 0;
    ssize_t got;
    long lineno = 0;
    mtc_status st = MTC_OK;
    while (st == MTC_OK && (got = getline(&line, &line_cap, fp)) >= 0) {
        lineno++;
        size_t n = (size_t)got;
        if (n && line[n - 1] == '\n')
            line[--n] = '\0';
        if (n && line[n - 1] == '\r')
            line[--n] = '\0';
        if (memchr(line, '\0', n)) {
            st = bad_line(err, path, lineno, "a NUL byte");
            break;
        }
        if (lineno == 1) {
            if (strcmp(line, MTC_BASELINE_HEADER) != 0) {
                mtc_error_set(err, MTC_ERR_CONFIG, path, -1, 1,
                              "not an mtcheck baseline: the first line must be '%s' "
                              "(write one with --write-baseline)",
                              MTC_BASELINE_HEADER);
                st = MTC_ERR_CONFIG;
            }
            continue;
        }
        if (n == 0 || line[0] == '#')
            continue;
        /* FINGERPRINT */
        size_t i = 0;
        while (i < n && hexval((unsigned char)line[i]) >= 0 &&
               !(line[i] >= 'A' && line[i] <= 'F'))
            i++;
        if (i != 32 || line[i] != ' ') {
            st = bad_line(err, path, lineno, "the fingerprint is not 32 lowercase hex digits");
            break;
        }
        /* RULE */
        size_t r0 = ++i;
        while (i < n && line[i] != ' ')
            i++;
        if (i == r0 || i >= n) {
            st = bad_line(err, path, lineno, "no rule and path after the fingerprint");
            break;
        }
        size_t p0 = ++i;
        if (p0 >= n || strchr(line + p0, ' ') || strchr(line + p0, '\t')) {
            st = bad_line(err, path, lineno, "the path is empty or has a space (spaces are %20)");
            break;
        }
        mtc_buf dec = MTC_BUF_INIT;
        if (decode_path(&dec, line + p0, n - p0) != 0) {
            mtc_buf_free(&dec);
            st = bad_line(err, path, lineno, "a malformed %XX escape in the path");
            break;
        }
        line[32] = '\0';
        mtc_buf key = MTC_BUF_INIT;
        key_of(&key, dec.data, dec.len, line);
        mtc_buf_free(&dec);
        if (bl->n == cap) {
            cap = cap ? 2 * cap : 64;
            bl->keys = mtc_xrealloc(bl->keys, cap * sizeof *bl->keys);
        }
        bl->keys[bl->n++] = mtc_xstrdup(key.data);
        mtc_buf_free(&key);
    }
    if (st == MTC_OK && ferror(fp)) {
        mtc_error_set(err, MTC_ERR_IO, path, -1, -1, "cannot read the baseline: %s",
                      strerror(errno));
        st = MTC_ERR_IO;
    }
    if (st == MTC_OK && lineno == 0) {
        mtc_error_set(err, MTC_ERR_CONFIG, path, -1, 1,
                      "not an mtcheck baseline: the file is empty (write one with "
                      "--write-baseline)");
        st = MTC_ERR_CONFIG;
    }
    free(line);
    fclose(fp);
    if (st != MTC_OK) {
        mtc_baseline_free(bl);
        return st;
    }
    if (bl->n)
        qsort(bl->keys, bl->n, sizeof *bl->keys, cmp_key);
    *out = bl;
    return MTC_OK;
}

static int known(const mtc_baseline *bl, const char *key)
{
    return bl->n && bsearch(&key, bl->keys, bl->n, sizeof *bl->keys, cmp_key) != NULL;
}

static void article_path(mtc_buf *b, const mtc_result *res, const mtc_report_options *ropt)
{
    const char *p = res->doc->path;
    mtc_report_rel_path(b, ropt, strcmp(p, "-") == 0 ? "stdin" : p);
}

size_t mtc_baseline_filter(const mtc_baseline *bl, mtc_result *res, const mtc_config *cfg,
                           const mtc_report_options *ropt)
{
    if (!bl || !res->n_issues)
        return 0;
    mtc_buf path = MTC_BUF_INIT;
    article_path(&path, res, ropt);
    char(*fp)[33] = mtc_issue_fingerprints(res);
    size_t w = 0;
    for (size_t r = 0; r < res->n_issues; r++) {
        mtc_buf key = MTC_BUF_INIT;
        key_of(&key, path.data ? path.data : "", path.len, fp[r]);
        int drop = known(bl, key.data);
        mtc_buf_free(&key);
        if (drop) {
            mtc_issue_clear(&res->issues[r]);
            continue;
        }
        res->issues[w++] = res->issues[r];
    }
    free(fp);
    mtc_buf_free(&path);
    size_t removed = res->n_issues - w;
    if (removed) {
        res->n_issues = w;
        mtc_score_result(res, cfg);
        mtc_result_apply_gate(res, cfg);
    }
    return removed;
}

void mtc_baseline_free(mtc_baseline *bl)
{
    if (!bl)
        return;
    for (size_t i = 0; i < bl->n; i++)
        free(bl->keys[i]);
    free(bl->keys);
    free(bl);
}

void mtc_baseline_put_header(mtc_buf *b)
{
    mtc_buf_puts(b, MTC_BASELINE_HEADER "\n"
                    "# Known findings, written by mtcheck --write-baseline; mtcheck --baseline FILE\n"
                    "# reports only findings not listed here. One per line: FINGERPRINT RULE PATH\n"
                    "# (SARIF's partialFingerprints mtcheck/v1, the rule, the article's path from\n"
                    "# the repository root, percent-encoded). Delete a line to report it again.\n");
}

void mtc_baseline_put_result(mtc_buf *b, const mtc_result *res, const mtc_report_options *ropt)
{
    if (!res->n_issues)
        return;
    mtc_buf path = MTC_BUF_INIT;
    article_path(&path, res, ropt);
    char(*fp)[33] = mtc_issue_fingerprints(res);
    for (size_t i = 0; i < res->n_issues; i++) {
        mtc_buf_printf(b, "%s %s ", fp[i], res->issues[i].rule);
        put_path(b, path.data ? path.data : "", path.len);
        mtc_buf_putc(b, '\n');
    }
    free(fp);
    mtc_buf_free(&path);
}
