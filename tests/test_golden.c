/* test_golden.c — the data-driven layer of the tests: golden cases (the
 * .txt files in tests/golden/; format in tests/golden/README.md: an article,
 * then the findings an editor expects on it) and the whole-article
 * regression of the sample article (tests/fixtures/seed-article.expected.txt,
 * rewritten by `make golden-update`, i.e. MTC_GOLDEN_UPDATE=1).
 *
 * Suite golden: `cases` runs every file but known-gaps.txt and fails with
 * every mismatch as file:line; `known_gaps` runs known-gaps.txt and only
 * reports; `rule_coverage` asks every registered rule for a positive and a
 * negative case; `harness_reports_mismatches` checks this runner itself;
 * `seed_article` diffs the sample article's findings.
 * Everything parsed is owned by its g_file (free_file); checkers by their
 * g_checkers cache (free_checkers). */
#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buffer.h"
#include "testutil.h"

#define GOLDEN_DIR "tests/golden"
#define KNOWN_GAPS "known-gaps.txt"
#define SEED_ARTICLE "tests/fixtures/seed-article.txt"
#define SEED_EXPECTED "tests/fixtures/seed-article.expected.txt"
#define MAX_REPORTED 40 /* mismatch lines copied into the assertion message */

/* ---- the golden file format ---- */

typedef struct g_expect {
    char *rule;
    char *span; /* unescaped span text */
    size_t nth; /* 1-based occurrence of span in the case text */
    long line;
} g_expect;

typedef struct g_case {
    char *title;
    long line;     /* line of the ===== line */
    char *text;    /* the article, ending in "\n" */
    char *source;  /* the article's source (above a ~~~~~ line), or NULL */
    char *check;   /* analyzers/rules to enable; NULL = the file's default */
    char lang[16]; /* lang: (en_US, en_GB); "" = the default */
    char **none;   /* rules/analyzers/categories with no finding but the expected ones */
    size_t n_none;
    g_expect *expects;
    size_t n_expects;
} g_case;

typedef struct g_file {
    char path[512]; /* as reported: tests/golden/x.txt */
    char *check;    /* file default (`check:` in the preamble); NULL = the file's stem */
    g_case *cases;
    size_t n_cases;
    mtc_buf errors; /* parse errors, one per line */
} g_file;

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

static int is_rule_line(const char *s, char c)
{
    size_t n = 0;
    while (s[n] == c)
        n++;
    return n >= 5;
}

static int is_separator(const char *s) /* ----- alone on its line */
{
    const char *t = s;
    while (*t == '-')
        t++;
    while (*t == ' ' || *t == '\t' || *t == '\r')
        t++;
    return t - s >= 5 && *t == '\0';
}

/* Parses "..." with \" \\ \n \t escapes at *p; the result is malloc'ed. */
static char *parse_quoted(const char **p)
{
    const char *s = *p;
    if (*s != '"')
        return NULL;
    s++;
    mtc_buf b = MTC_BUF_INIT;
    mtc_buf_put(&b, "", 0);
    for (; *s && *s != '"'; s++) {
        if (*s == '\\' && s[1]) {
            s++;
            char c = *s == 'n' ? '\n' : *s == 't' ? '\t' : *s;
            mtc_buf_putc(&b, c);
        } else {
            mtc_buf_putc(&b, *s);
        }
    }
    if (*s != '"') {
        mtc_buf_free(&b);
        return NULL;
    }
    *p = s + 1;
    return mtc_buf_detach(&b);
}

static void put_quoted(mtc_buf *b, const char *s, size_t n)
{
    mtc_buf_putc(b, '"');
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '"' || c == '\\') {
            mtc_buf_putc(b, '\\');
            mtc_buf_putc(b, c);
        } else if (c == '\n') {
            mtc_buf_puts(b, "\\n");
        } else if (c == '\t') {
            mtc_buf_puts(b, "\\t");
        } else {
            mtc_buf_putc(b, c);
        }
    }
    mtc_buf_putc(b, '"');
}

static void add_list(char ***items, size_t *n, const char *list)
{
    char *copy = mtc_xstrdup(list);
    for (char *save = NULL, *tok = strtok_r(copy, ",", &save); tok;
         tok = strtok_r(NULL, ",", &save)) {
        tok = trim(tok);
        if (!*tok)
            continue;
        *items = mtc_xrealloc(*items, (*n + 1) * sizeof **items);
        (*items)[(*n)++] = mtc_xstrdup(tok);
    }
    free(copy);
}

static void perr(g_file *f, long line, const char *what, const char *s)
{
    mtc_buf_printf(&f->errors, "%s:%ld: %s: %s\n", f->path, line, what, s);
}

/* One expectation line: RULE "span" [@N] [# comment]. */
static void parse_expect(g_file *f, g_case *c, char *s, long line)
{
    char *sp = s;
    while (*sp && *sp != ' ' && *sp != '\t')
        sp++;
    if (!*sp) {
        perr(f, line, "expected RULE \"span\" [@N], check: or none:", s);
        return;
    }
    char *rule = mtc_xstrndup(s, (size_t)(sp - s));
    const char *p = sp;
    while (*p == ' ' || *p == '\t')
        p++;
    char *span = parse_quoted(&p);
    if (!span || !*span) {
        perr(f, line, span ? "empty span" : "span must be in double quotes", s);
        free(rule);
        free(span);
        return;
    }
    size_t nth = 1;
    while (*p == ' ' || *p == '\t')
        p++;
    if (*p == '@') {
        char *end;
        long v = strtol(p + 1, &end, 10);
        if (v < 1 || end == p + 1) {
            perr(f, line, "bad occurrence (@1 is the first)", s);
            free(rule);
            free(span);
            return;
        }
        nth = (size_t)v;
        p = end;
        while (*p == ' ' || *p == '\t')
            p++;
    }
    if (*p && *p != '#') {
        perr(f, line, "trailing text after the span", s);
        free(rule);
        free(span);
        return;
    }
    c->expects = mtc_xrealloc(c->expects, (c->n_expects + 1) * sizeof *c->expects);
    c->expects[c->n_expects++] = (g_expect){rule, span, nth, line};
}

static char *read_file(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    mtc_buf b = MTC_BUF_INIT;
    mtc_buf_put(&b, "", 0);
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
        mtc_buf_put(&b, chunk, n);
    fclose(fp);
    if (len)
        *len = b.len;
    return mtc_buf_detach(&b);
}

/* Splits data into lines in place (\n removed); returns the array. */
static char **split_lines(char *data, size_t *n)
{
    char **lines = NULL;
    *n = 0;
    for (char *p = data; *p;) {
        char *nl = strchr(p, '\n');
        lines = mtc_xrealloc(lines, (*n + 1) * sizeof *lines);
        lines[(*n)++] = p;
        if (!nl)
            break;
        *nl = '\0';
        p = nl + 1;
    }
    return lines;
}

/* Parses a golden file's text (data is modified and stays owned by the caller). */
static void parse_text(g_file *f, char *data)
{
    size_t n;
    char **lines = split_lines(data, &n);
    size_t i = 0;
    /* Preamble: comments, blank lines, check:. */
    for (; i < n && !is_rule_line(lines[i], '='); i++) {
        char *s = trim(lines[i]);
        if (!*s || *s == '#')
            continue;
        if (strncmp(s, "check:", 6) == 0 && !f->check)
            f->check = mtc_xstrdup(trim(s + 6));
        else
            perr(f, (long)i + 1, "before the first case only # comments and check: may appear", s);
    }
    while (i < n) {
        g_case c;
        memset(&c, 0, sizeof c);
        c.line = (long)i + 1;
        c.title = mtc_xstrdup(trim(lines[i] + strspn(lines[i], "=")));
        i++;
        size_t t0 = i;
        while (i < n && !is_separator(lines[i]) && !is_rule_line(lines[i], '='))
            i++;
        size_t t1 = i;
        /* a ~~~~~ line: the source above it, the article below */
        for (size_t k = t0; k < t1; k++)
            if (is_rule_line(lines[k], '~')) {
                size_t s0 = t0, s1 = k;
                while (s0 < s1 && !*trim(lines[s0]))
                    s0++;
                while (s1 > s0 && !*trim(lines[s1 - 1]))
                    s1--;
                mtc_buf src = MTC_BUF_INIT;
                for (size_t q = s0; q < s1; q++) {
                    mtc_buf_puts(&src, lines[q]);
                    mtc_buf_putc(&src, '\n');
                }
                c.source = src.len ? mtc_buf_detach(&src) : mtc_xstrdup("");
                mtc_buf_free(&src);
                t0 = k + 1;
                break;
            }
        while (t0 < t1 && !*trim(lines[t0]))
            t0++;
        while (t1 > t0 && !*trim(lines[t1 - 1]))
            t1--;
        mtc_buf text = MTC_BUF_INIT;
        for (size_t k = t0; k < t1; k++) {
            size_t l = strlen(lines[k]);
            if (l && lines[k][l - 1] == '\r')
                l--;
            mtc_buf_put(&text, lines[k], l);
            mtc_buf_putc(&text, '\n');
        }
        if (!text.len)
            perr(f, c.line, "case without text", c.title);
        else if (strncmp(trim(lines[t0]), "check:", 6) == 0 || strncmp(trim(lines[t0]), "lang:", 5) == 0)
            perr(f, (long)t0 + 1, "check: and lang: go after the ----- line, not in the text", c.title);
        c.text = text.len ? mtc_buf_detach(&text) : mtc_xstrdup("");
        mtc_buf_free(&text);
        if (i >= n || !is_separator(lines[i])) {
            perr(f, c.line, "case without a ----- line and expectations", c.title);
        } else {
            for (i++; i < n && !is_rule_line(lines[i], '='); i++) {
                char *s = trim(lines[i]);
                if (!*s || *s == '#')
                    continue;
                if (strncmp(s, "check:", 6) == 0) {
                    free(c.check);
                    c.check = mtc_xstrdup(trim(s + 6));
                } else if (strncmp(s, "lang:", 5) == 0) {
                    const char *l = trim(s + 5);
                    if (strcmp(l, "en_US") != 0 && strcmp(l, "en_GB") != 0)
                        perr(f, (long)i + 1, "lang: is en_US or en_GB", s);
                    else
                        snprintf(c.lang, sizeof c.lang, "%s", l);
                } else if (strncmp(s, "none:", 5) == 0) {
                    add_list(&c.none, &c.n_none, s + 5);
                } else {
                    parse_expect(f, &c, s, (long)i + 1);
                }
            }
            if (!c.n_expects && !c.n_none)
                perr(f, c.line, "case expects nothing: list findings or a none: line", c.title);
        }
        f->cases = mtc_xrealloc(f->cases, (f->n_cases + 1) * sizeof *f->cases);
        f->cases[f->n_cases++] = c;
    }
    free(lines);
}

static void parse_file(g_file *f, const char *fullpath)
{
    char *data = read_file(fullpath, NULL);
    if (!data) {
        mtc_buf_printf(&f->errors, "%s: cannot read: %s\n", f->path, strerror(errno));
        return;
    }
    parse_text(f, data);
    free(data);
}

static void free_file(g_file *f)
{
    for (size_t i = 0; i < f->n_cases; i++) {
        g_case *c = &f->cases[i];
        free(c->title);
        free(c->text);
        free(c->source);
        free(c->check);
        for (size_t k = 0; k < c->n_none; k++)
            free(c->none[k]);
        free(c->none);
        for (size_t k = 0; k < c->n_expects; k++) {
            free(c->expects[k].rule);
            free(c->expects[k].span);
        }
        free(c->expects);
    }
    free(f->cases);
    free(f->check);
    mtc_buf_free(&f->errors);
}

/* ---- running cases ---- */

/* Checkers built so far in this process, one per distinct check: and lang:. */
typedef struct g_checkers {
    char **keys;
    mtc_config **cfgs;
    mtc_checker **chks;
    size_t n;
} g_checkers;

static mtc_config *config_for(const char *check, const char *lang)
{
    mtc_config *cfg = mtc_config_new();
    if (lang && *lang)
        snprintf(cfg->lang, sizeof cfg->lang, "%s", lang);
    if (strcmp(check, "default") == 0)
        return cfg;
    mtc_config_set_rule(cfg, "all", 0);
    char **names = NULL;
    size_t n = 0;
    add_list(&names, &n, check);
    for (size_t i = 0; i < n; i++) {
        mtc_config_set_rule(cfg, names[i], 1);
        free(names[i]);
    }
    free(names);
    return cfg;
}

static size_t checker_for(g_checkers *cs, const char *check, const char *lang)
{
    mtc_buf key = MTC_BUF_INIT;
    mtc_buf_printf(&key, "%s|%s", lang, check);
    for (size_t i = 0; i < cs->n; i++)
        if (strcmp(cs->keys[i], key.data) == 0) {
            mtc_buf_free(&key);
            return i;
        }
    cs->keys = mtc_xrealloc(cs->keys, (cs->n + 1) * sizeof *cs->keys);
    cs->cfgs = mtc_xrealloc(cs->cfgs, (cs->n + 1) * sizeof *cs->cfgs);
    cs->chks = mtc_xrealloc(cs->chks, (cs->n + 1) * sizeof *cs->chks);
    cs->keys[cs->n] = mtc_buf_detach(&key);
    cs->cfgs[cs->n] = config_for(check, lang);
    mtc_error err;
    memset(&err, 0, sizeof err);
    mtc_status st = mtc_checker_new(cs->cfgs[cs->n], &cs->chks[cs->n], &err);
    cr_assert_eq(st, MTC_OK, "checker for '%s': %s", check, err.message);
    return cs->n++;
}

static void free_checkers(g_checkers *cs)
{
    for (size_t i = 0; i < cs->n; i++) {
        mtc_checker_free(cs->chks[i]);
        mtc_config_free(cs->cfgs[i]);
        free(cs->keys[i]);
    }
    free(cs->keys);
    free(cs->cfgs);
    free(cs->chks);
    memset(cs, 0, sizeof *cs);
}

static const char *analyzer_of(const char *rule)
{
    const mtc_analyzer *owner = NULL;
    return mtc_rule_find(rule, &owner) && owner ? owner->name : "";
}

/* 1 if the issue falls under a none: name (rule id, analyzer, category or "all"). */
static int covered_by(const mtc_issue *is, const char *name)
{
    return strcmp(name, "all") == 0 || strcmp(name, is->rule) == 0 ||
           strcmp(name, is->category) == 0 || strcmp(name, analyzer_of(is->rule)) == 0;
}

static int rule_enabled(const mtc_config *cfg, const char *rule)
{
    const mtc_analyzer *owner = NULL;
    const mtc_rule_info *ri = mtc_rule_find(rule, &owner);
    return ri && mtc_config_rule_enabled(cfg, ri->id, owner->name, ri->category, ri->enabled);
}

static int ascii_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int word_byte(unsigned char c) /* a letter or digit, or part of a non-ASCII one */
{
    return ascii_alnum(c) || c >= 0x80;
}

/* Byte offset of the nth (1-based) occurrence of needle in hay, or -1.
 * Occurrences inside a longer word do not count: "Modro" is not found in
 * "Modrow" (only an edge that is an ASCII letter or digit is checked, so
 * "”" after a word still counts). */
static long long find_nth(const char *hay, const char *needle, size_t nth)
{
    const char *p = hay;
    size_t nl = strlen(needle);
    if (!nl)
        return -1;
    for (;;) {
        const char *q = strstr(p, needle);
        if (!q)
            return -1;
        p = q + 1;
        if (ascii_alnum((unsigned char)needle[0]) && q > hay && word_byte((unsigned char)q[-1]))
            continue;
        if (ascii_alnum((unsigned char)needle[nl - 1]) && word_byte((unsigned char)q[nl]))
            continue;
        if (--nth == 0)
            return q - hay;
    }
}

static void describe_issues(mtc_buf *out, const mtc_document *doc, const mtc_result *res)
{
    if (!res->n_issues) {
        mtc_buf_puts(out, "      (no findings)\n");
        return;
    }
    for (size_t i = 0; i < res->n_issues; i++) {
        const mtc_issue *is = &res->issues[i];
        mtc_buf_printf(out, "      %s ", is->rule);
        put_quoted(out, doc->text + is->start, is->end - is->start);
        /* The occurrence index, so a line can be pasted into the case. */
        size_t nth = 0;
        char *span = mtc_xstrndup(doc->text + is->start, is->end - is->start);
        for (size_t k = 1; span[0]; k++) {
            long long at = find_nth(doc->text, span, k);
            if (at < 0)
                break;
            if ((size_t)at == is->start) {
                nth = k;
                break;
            }
        }
        free(span);
        if (nth > 1)
            mtc_buf_printf(out, " @%zu", nth);
        mtc_buf_puts(out, "\n");
    }
}

/* The case's check: value, else the file's, else the file's stem (which
 * may be written into stem, of sizeof f->path bytes). */
static const char *case_check(const g_file *f, const g_case *c, char *stem)
{
    const char *check = c->check ? c->check : f->check;
    if (check)
        return check;
    const char *base = strrchr(f->path, '/');
    snprintf(stem, sizeof f->path, "%s", base ? base + 1 : f->path);
    char *dot = strrchr(stem, '.');
    if (dot)
        *dot = '\0';
    return stem;
}

/* Runs one case; appends its mismatches to out (nothing when it passes).
 * Returns the number of mismatches. */
static size_t run_case(const g_file *f, const g_case *c, g_checkers *cs, mtc_buf *out)
{
    char stem[sizeof f->path];
    const char *check = case_check(f, c, stem);
    size_t k = checker_for(cs, check, c->lang);
    mtc_buf msg = MTC_BUF_INIT;
    size_t bad = 0;

    if (strcmp(check, "default") != 0) {
        char **names = NULL;
        size_t n = 0;
        add_list(&names, &n, check);
        for (size_t i = 0; i < n; i++) {
            if (!mtc_rule_name_known(names[i]) || strcmp(names[i], "default") == 0) {
                mtc_buf_printf(&msg, "    %s:%ld: check: '%s' is no rule, analyzer or category\n",
                               f->path, c->line, names[i]);
                bad++;
            }
            free(names[i]);
        }
        free(names);
        if (!n) {
            mtc_buf_printf(&msg, "    %s:%ld: check: names nothing\n", f->path, c->line);
            bad++;
        }
    }
    for (size_t i = 0; i < c->n_none; i++)
        if (!mtc_rule_name_known(c->none[i])) {
            mtc_buf_printf(&msg, "    %s:%ld: none: '%s' is no rule, analyzer or category\n",
                           f->path, c->line, c->none[i]);
            bad++;
        }

    mtc_document *doc = tu_doc(c->text);
    mtc_document *src = c->source ? tu_doc(c->source) : NULL;
    mtc_result *res = NULL;
    mtc_error err;
    memset(&err, 0, sizeof err);
    mtc_status st = mtc_checker_check_source(cs->chks[k], doc, src, &res, &err);
    cr_assert_eq(st, MTC_OK, "%s:%ld: check: %s", f->path, c->line, err.message);

    char *matched = mtc_xcalloc(res->n_issues + 1, 1);
    for (size_t e = 0; e < c->n_expects; e++) {
        const g_expect *x = &c->expects[e];
        if (!mtc_rule_find(x->rule, NULL)) {
            mtc_buf_printf(&msg, "    %s:%ld: unknown rule '%s'\n", f->path, x->line, x->rule);
            bad++;
            continue;
        }
        if (!rule_enabled(cs->cfgs[k], x->rule)) {
            mtc_buf_printf(&msg, "    %s:%ld: rule %s is not enabled by check: %s\n", f->path,
                           x->line, x->rule, check);
            bad++;
            continue;
        }
        long long at = find_nth(doc->text, x->span, x->nth);
        if (at < 0) {
            mtc_buf_printf(&msg, "    %s:%ld: span ", f->path, x->line);
            put_quoted(&msg, x->span, strlen(x->span));
            mtc_buf_printf(&msg, " @%zu is not in the case text\n", x->nth);
            bad++;
            continue;
        }
        size_t s = (size_t)at, e2 = s + strlen(x->span);
        int found = 0;
        for (size_t i = 0; i < res->n_issues; i++) {
            const mtc_issue *is = &res->issues[i];
            if (!matched[i] && strcmp(is->rule, x->rule) == 0 && is->start == s && is->end == e2) {
                matched[i] = 1;
                found = 1;
                break;
            }
        }
        if (!found) {
            mtc_buf_printf(&msg, "    %s:%ld: missing %s ", f->path, x->line, x->rule);
            put_quoted(&msg, x->span, strlen(x->span));
            if (x->nth > 1)
                mtc_buf_printf(&msg, " @%zu", x->nth);
            mtc_buf_printf(&msg, " (bytes %zu-%zu)\n", s, e2);
            bad++;
        }
    }
    for (size_t i = 0; i < res->n_issues; i++) {
        if (matched[i])
            continue;
        const mtc_issue *is = &res->issues[i];
        for (size_t n = 0; n < c->n_none; n++) {
            if (covered_by(is, c->none[n])) {
                mtc_buf_printf(&msg, "    unexpected %s ", is->rule);
                put_quoted(&msg, doc->text + is->start, is->end - is->start);
                mtc_buf_printf(&msg, " (bytes %zu-%zu, none: %s): %s\n", is->start, is->end,
                               c->none[n], is->message);
                bad++;
                break;
            }
        }
    }
    if (bad) {
        mtc_buf_printf(out, "%s:%ld: case \"%s\" (check: %s): %zu mismatch%s\n", f->path, c->line,
                       c->title, check, bad, bad == 1 ? "" : "es");
        mtc_buf_put(out, msg.data, msg.len);
        mtc_buf_puts(out, "    the checker found:\n");
        describe_issues(out, doc, res);
    }
    free(matched);
    mtc_buf_free(&msg);
    mtc_result_free(res);
    mtc_document_free(doc);
    mtc_document_free(src);
    return bad;
}

/* ---- the golden directory ---- */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted names of the *.txt files in tests/golden (malloc'ed; caller frees). */
static char **golden_files(size_t *n)
{
    char dir[1024];
    tu_root_path(GOLDEN_DIR, dir, sizeof dir);
    DIR *d = opendir(dir);
    cr_assert_not_null(d, "cannot open %s: %s", dir, strerror(errno));
    char **names = NULL;
    *n = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        size_t l = strlen(de->d_name);
        if (de->d_name[0] == '.' || l < 5 || strcmp(de->d_name + l - 4, ".txt") != 0)
            continue;
        names = mtc_xrealloc(names, (*n + 1) * sizeof *names);
        names[(*n)++] = mtc_xstrdup(de->d_name);
    }
    closedir(d);
    if (*n)
        qsort(names, *n, sizeof *names, cmp_str);
    return names;
}

static void load_golden(const char *name, g_file *f)
{
    memset(f, 0, sizeof *f);
    snprintf(f->path, sizeof f->path, "%s/%s", GOLDEN_DIR, name);
    char full[1024];
    tu_root_path(f->path, full, sizeof full);
    parse_file(f, full);
}

static void free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* The first MAX_REPORTED lines of s (for an assertion message). */
static char *head_lines(const char *s)
{
    size_t lines = 0;
    const char *p = s;
    while (*p && lines < MAX_REPORTED) {
        const char *nl = strchr(p, '\n');
        p = nl ? nl + 1 : p + strlen(p);
        lines++;
    }
    mtc_buf b = MTC_BUF_INIT;
    mtc_buf_put(&b, s, (size_t)(p - s));
    if (*p)
        mtc_buf_puts(&b, "    ... (all of them on standard error, above)\n");
    return mtc_buf_detach(&b);
}

Test(golden, cases, .timeout = 600)
{
    size_t n;
    char **names = golden_files(&n);
    mtc_buf out = MTC_BUF_INIT;
    mtc_buf_put(&out, "", 0);
    size_t cases = 0, failed = 0, files = 0;
    g_checkers cs = {0};
    for (size_t i = 0; i < n; i++) {
        if (strcmp(names[i], KNOWN_GAPS) == 0)
            continue;
        g_file f;
        load_golden(names[i], &f);
        files++;
        if (f.errors.len) {
            mtc_buf_put(&out, f.errors.data, f.errors.len);
            failed++;
        }
        for (size_t c = 0; c < f.n_cases; c++) {
            cases++;
            failed += run_case(&f, &f.cases[c], &cs, &out) ? 1 : 0;
        }
        free_file(&f);
    }
    free_checkers(&cs);
    free_names(names, n);
    cr_assert_gt(files, 0, "no golden files in %s", GOLDEN_DIR);
    if (failed) {
        char *head = head_lines(out.data);
        if (strlen(head) < out.len) /* too long for one message: all of it on stderr */
            fprintf(stderr, "golden: %zu of %zu cases fail:\n%s", failed, cases, out.data);
        cr_assert_fail("%zu of %zu golden cases fail (a case that shows a real, accepted "
                       "limitation belongs in " GOLDEN_DIR "/" KNOWN_GAPS "):\n%s",
                       failed, cases, head);
        free(head);
    }
    mtc_buf_free(&out);
}

/* known-gaps.txt: what editors expect and the analyzers do not do yet. Only
 * reported: a summary on standard error and each open gap as an info
 * message (--verbose). Not cr_log_warn: a warning makes Criterion exit 1. */
Test(golden, known_gaps, .timeout = 600)
{
    g_file f;
    load_golden(KNOWN_GAPS, &f);
    cr_assert_eq(f.errors.len, 0, "%s", f.errors.data ? f.errors.data : "");
    g_checkers cs = {0};
    size_t open = 0;
    mtc_buf closed = MTC_BUF_INIT;
    mtc_buf_put(&closed, "", 0);
    for (size_t c = 0; c < f.n_cases; c++) {
        mtc_buf out = MTC_BUF_INIT;
        if (run_case(&f, &f.cases[c], &cs, &out)) {
            open++;
            cr_log_info("known gap, still open: %s", out.data);
        } else {
            mtc_buf_printf(&closed, " %s:%ld (\"%s\")", f.path, f.cases[c].line, f.cases[c].title);
        }
        mtc_buf_free(&out);
    }
    fprintf(stderr, "golden: %zu known gaps open, %zu now pass (details: --verbose)\n", open,
            f.n_cases - open);
    if (closed.len)
        fprintf(stderr, "golden: known gaps now passing (move them to the analyzer's file):%s\n",
                closed.data);
    mtc_buf_free(&closed);
    free_checkers(&cs);
    free_file(&f);
}

/* Every registered rule has at least one positive case (an expected
 * finding) and one negative case (a none: naming it, its analyzer, its
 * category or all, in a case that runs the rule) in the golden files;
 * known gaps do not count. Whether the cases pass is golden/cases' job. */
Test(golden, rule_coverage, .timeout = 60)
{
    size_t n;
    char **names = golden_files(&n);
    size_t na;
    const mtc_analyzer *const *as = mtc_analyzers(&na);
    mtc_buf missing = MTC_BUF_INIT;
    mtc_buf_put(&missing, "", 0);
    size_t holes = 0;
    g_file *files = mtc_xcalloc(n + 1, sizeof *files);
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], KNOWN_GAPS) != 0)
            load_golden(names[i], &files[i]);
    for (size_t a = 0; a < na; a++) {
        for (size_t r = 0; r < as[a]->n_rules; r++) {
            const mtc_rule_info *ri = &as[a]->rules[r];
            int pos = 0, neg = 0;
            for (size_t i = 0; i < n; i++)
                for (size_t c = 0; c < files[i].n_cases; c++) {
                    const g_case *gc = &files[i].cases[c];
                    for (size_t e = 0; e < gc->n_expects; e++)
                        pos |= strcmp(gc->expects[e].rule, ri->id) == 0;
                    int named = 0;
                    for (size_t k = 0; k < gc->n_none; k++)
                        named |= strcmp(gc->none[k], ri->id) == 0 ||
                                 strcmp(gc->none[k], as[a]->name) == 0 ||
                                 strcmp(gc->none[k], ri->category) == 0 ||
                                 strcmp(gc->none[k], "all") == 0;
                    if (named && !neg) { /* counts only if the case runs the rule */
                        char stem[sizeof files[i].path];
                        mtc_config *cfg = config_for(case_check(&files[i], gc, stem), gc->lang);
                        neg = rule_enabled(cfg, ri->id);
                        mtc_config_free(cfg);
                    }
                }
            if (!pos || !neg) {
                mtc_buf_printf(&missing, "  %s: no %s case\n", ri->id,
                               !pos && !neg ? "positive or negative"
                               : !pos       ? "positive"
                                            : "negative");
                holes++;
            }
        }
    }
    for (size_t i = 0; i < n; i++)
        free_file(&files[i]);
    free(files);
    free_names(names, n);
    cr_assert_eq(holes, 0, "rules without golden cases in %s/ (see its README.md):\n%s", GOLDEN_DIR,
                 missing.data);
    mtc_buf_free(&missing);
}

/* The harness itself: wrong expectations and malformed lines are caught,
 * right ones pass. */
Test(golden, harness_reports_mismatches, .timeout = 60)
{
    static const char text[] = "check: typography\n"
                               "===== right\n"
                               "He said the the talks , were over.\n"
                               "-----\n"
                               "typography.doubled-word \"the the\"\n"
                               "typography.space-before-punctuation \" ,\"\n"
                               "none: typography\n"
                               "===== wrong span, unexpected finding, missing text, unknown rule\n"
                               "He said the the talks , were over.\n"
                               "-----\n"
                               "typography.doubled-word \"the\" @2\n"
                               "typography.doubled-word \"were\" @2\n"
                               "typography.no-such-rule \"talks\"\n"
                               "none: typography, nonsense\n"
                               "===== a rule the case does not run\n"
                               "Officials said the the meeting was over.\n"
                               "-----\n"
                               "check: typography.space-before-punctuation\n"
                               "typography.doubled-word \"the the\"\n"
                               "===== an occurrence inside a longer word does not count\n"
                               "Modrow and Modro met.\n"
                               "-----\n"
                               "typography.doubled-word \"Modro\" @2\n"
                               "===== a misspelt check: name\n"
                               "Text.\n"
                               "-----\n"
                               "check: typografy\n"
                               "none: all\n"
                               "===== malformed\n"
                               "Text.\n"
                               "-----\n"
                               "typography.doubled-word the\n"
                               "typography.doubled-word \"the\" @0\n"
                               "===== no expectations\n"
                               "Text.\n"
                               "-----\n";
    g_file f;
    memset(&f, 0, sizeof f);
    snprintf(f.path, sizeof f.path, "harness.txt");
    char *data = mtc_xstrdup(text);
    parse_text(&f, data);
    free(data);
    cr_assert_eq(f.n_cases, 7);
    cr_assert_not_null(f.errors.data);
    cr_assert_not_null(strstr(f.errors.data, "harness.txt:32: span must be in double quotes"), "%s",
                       f.errors.data);
    cr_assert_not_null(strstr(f.errors.data, "harness.txt:33: bad occurrence"), "%s",
                       f.errors.data);
    cr_assert_not_null(strstr(f.errors.data, "harness.txt:34: case expects nothing"), "%s",
                       f.errors.data);

    g_checkers cs = {0};
    mtc_buf out = MTC_BUF_INIT;
    cr_assert_eq(run_case(&f, &f.cases[0], &cs, &out), 0, "%s", out.data ? out.data : "");
    cr_assert_eq(out.len, 0);

    /* missing "the" @2, span "were" @2 absent, unknown rule, unknown none:
     * name, and the real finding "the the" unexpected; " ," unexpected too */
    cr_assert_eq(run_case(&f, &f.cases[1], &cs, &out), 6, "%s", out.data);
    cr_assert_not_null(strstr(out.data, "harness.txt:8: case \"wrong span"), "%s", out.data);
    cr_assert_not_null(
        strstr(out.data, "harness.txt:11: missing typography.doubled-word \"the\" @2"), "%s",
        out.data);
    cr_assert_not_null(strstr(out.data, "harness.txt:12: span \"were\" @2 is not in the case text"),
                       "%s", out.data);
    cr_assert_not_null(strstr(out.data, "harness.txt:13: unknown rule 'typography.no-such-rule'"),
                       "%s", out.data);
    cr_assert_not_null(strstr(out.data, "none: 'nonsense' is no rule"), "%s", out.data);
    cr_assert_not_null(strstr(out.data, "unexpected typography.doubled-word \"the the\""), "%s",
                       out.data);
    cr_assert_not_null(
        strstr(out.data, "the checker found:\n      typography.doubled-word \"the the\""), "%s",
        out.data);
    mtc_buf_clear(&out);

    cr_assert_eq(run_case(&f, &f.cases[2], &cs, &out), 1, "%s", out.data);
    cr_assert_not_null(
        strstr(out.data, "is not enabled by check: typography.space-before-punctuation"), "%s",
        out.data);
    mtc_buf_clear(&out);

    cr_assert_eq(run_case(&f, &f.cases[3], &cs, &out), 1, "%s", out.data);
    cr_assert_not_null(strstr(out.data, "span \"Modro\" @2 is not in the case text"), "%s",
                       out.data);
    mtc_buf_clear(&out);

    cr_assert_eq(run_case(&f, &f.cases[4], &cs, &out), 1, "%s", out.data);
    cr_assert_not_null(strstr(out.data, "check: 'typografy' is no rule"), "%s", out.data);

    mtc_buf_free(&out);
    free_checkers(&cs);
    free_file(&f);
}

/* ---- the sample article ---- */

/* The sample article's findings under the default configuration, one line
 * each: LINE:COLUMN RULE "span" (no severities or messages: spelling's
 * suggestions, and with them its severity, depend on a CPU-time limit). */
static char *seed_findings(void)
{
    char path[1024];
    tu_root_path(SEED_ARTICLE, path, sizeof path);
    mtc_error err;
    memset(&err, 0, sizeof err);
    mtc_document *doc = NULL;
    mtc_status st = mtc_document_load(path, NULL, MTC_INPUT_TEXT, 0, &doc, &err);
    cr_assert_eq(st, MTC_OK, "%s: %s", path, err.message);
    mtc_config *cfg = mtc_config_new();
    mtc_checker *chk = NULL;
    st = mtc_checker_new(cfg, &chk, &err);
    cr_assert_eq(st, MTC_OK, "checker: %s", err.message);
    mtc_result *res = NULL;
    st = mtc_checker_check(chk, doc, &res, &err);
    cr_assert_eq(st, MTC_OK, "check: %s", err.message);
    mtc_buf b = MTC_BUF_INIT;
    mtc_buf_put(&b, "", 0);
    for (size_t i = 0; i < res->n_issues; i++) {
        const mtc_issue *is = &res->issues[i];
        long line, col;
        mtc_document_line_col(doc, is->start, &line, &col);
        mtc_buf_printf(&b, "%ld:%ld %s ", line, col, is->rule);
        put_quoted(&b, doc->text + is->start, is->end - is->start);
        mtc_buf_putc(&b, '\n');
    }
    mtc_result_free(res);
    mtc_checker_free(chk);
    mtc_config_free(cfg);
    mtc_document_free(doc);
    return mtc_buf_detach(&b);
}

/* Lines of s that are not # comments or blank (pointers into s, modified). */
static char **finding_lines(char *s, size_t *n)
{
    size_t all;
    char **lines = split_lines(s, &all);
    *n = 0;
    for (size_t i = 0; i < all; i++)
        if (*trim(lines[i]) && lines[i][0] != '#')
            lines[(*n)++] = lines[i];
    return lines;
}

/* A line diff (longest common subsequence): "-" expected only, "+" found only. */
static void diff_lines(mtc_buf *out, char **a, size_t na, char **b, size_t nb)
{
    size_t *t = mtc_xcalloc((na + 1) * (nb + 1), sizeof *t);
#define T(i, j) t[(i) * (nb + 1) + (j)]
    for (size_t i = na; i-- > 0;)
        for (size_t j = nb; j-- > 0;)
            T(i, j) = strcmp(a[i], b[j]) == 0      ? T(i + 1, j + 1) + 1
                      : T(i + 1, j) >= T(i, j + 1) ? T(i + 1, j)
                                                   : T(i, j + 1);
    size_t i = 0, j = 0;
    while (i < na || j < nb) {
        if (i < na && j < nb && strcmp(a[i], b[j]) == 0) {
            i++, j++;
        } else if (i < na && (j == nb || T(i + 1, j) >= T(i, j + 1))) {
            mtc_buf_printf(out, "  - %s\n", a[i++]);
        } else {
            mtc_buf_printf(out, "  + %s\n", b[j++]);
        }
    }
#undef T
    free(t);
}

Test(golden, seed_article, .timeout = 120)
{
    char *found = seed_findings();
    char path[1024];
    tu_root_path(SEED_EXPECTED, path, sizeof path);
    const char *update = getenv("MTC_GOLDEN_UPDATE");
    if (update && *update && strcmp(update, "0") != 0) {
        FILE *fp = fopen(path, "wb");
        cr_assert_not_null(fp, "cannot write %s: %s", path, strerror(errno));
        fprintf(fp,
                "# Generated by `make golden-update` (tests/test_golden.c): the findings of\n"
                "# mtcheck on %s with the default rules, one a line:\n"
                "# LINE:COLUMN RULE \"span\" (column in characters). Do not edit by hand.\n",
                SEED_ARTICLE);
        fputs(found, fp);
        cr_assert_eq(fclose(fp), 0, "cannot write %s", path);
        fprintf(stderr, "golden: rewrote %s\n", SEED_EXPECTED);
        free(found);
        return;
    }
    char *expected = read_file(path, NULL);
    cr_assert_not_null(expected, "cannot read %s (make golden-update writes it)", path);
    size_t na, nb;
    char *found_copy = mtc_xstrdup(found);
    char **a = finding_lines(expected, &na);
    char **b = finding_lines(found_copy, &nb);
    mtc_buf d = MTC_BUF_INIT;
    diff_lines(&d, a, na, b, nb);
    if (d.len) {
        cr_assert_fail("the sample article's findings changed (- expected, + found); if the "
                       "change is intended, run `make golden-update` and review the diff:\n%s",
                       d.data);
    }
    mtc_buf_free(&d);
    free(a);
    free(b);
    free(found_copy);
    free(expected);
    free(found);
}
