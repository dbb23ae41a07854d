/* hunspell_check.c — validates a hunspell dictionary pair before libhunspell
 * reads it. libhunspell trusts the counts in the files: "REP 2000000000"
 * (or MAP, BREAK, COMPOUNDRULE, CHECKCOMPOUNDPATTERN, ICONV, OCONV, AF, AM,
 * PFX/SFX headers) makes it allocate that many entries and abort with
 * std::bad_alloc; "PHONE 2000000000" crashes on the first suggestion; a
 * .dic whose first line is a huge word count sizes its hash table by it.
 * Here every table header must be followed by exactly as many entry lines
 * as it announces, lines are bounded, and the word count must be close to
 * the file's line count. Errors name the file and the line. Owns nothing. */
#include "hunspell_check.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

/* Longer lines are not dictionary data (hunspell's own limit was 8,192). */
#define MAX_LINE 8192
/* Table headers: the keyword, and the number of fields before the count
 * ("REP 12"; "SFX A Y 12"). */
static const struct table_kind {
    const char *keyword;
    int count_field;
} tables[] = {
    {"REP", 1},   {"MAP", 1},   {"BREAK", 1}, {"COMPOUNDRULE", 1}, {"CHECKCOMPOUNDPATTERN", 1},
    {"PHONE", 1}, {"ICONV", 1}, {"OCONV", 1}, {"AF", 1},           {"AM", 1},
    {"PFX", 3},   {"SFX", 3},
};

typedef struct file_lines {
    char *data;
    char **line; /* starts of lines (NUL-terminated in data) */
    size_t n;
} file_lines;

static mtc_status read_lines(const char *path, file_lines *fl, mtc_error *err)
{
    memset(fl, 0, sizeof *fl);
    FILE *f = fopen(path, "rb");
    if (!f) {
        mtc_error_set(err, MTC_ERR_DICT, path, -1, -1, "cannot open: %s", strerror(errno));
        return MTC_ERR_DICT;
    }
    size_t cap = 0, len = 0;
    char chunk[65536];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) {
        mtc_grow((void **)&fl->data, &cap, len + k + 1, 1);
        memcpy(fl->data + len, chunk, k);
        len += k;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(fl->data);
        mtc_error_set(err, MTC_ERR_DICT, path, -1, -1, "cannot read");
        return MTC_ERR_DICT;
    }
    mtc_grow((void **)&fl->data, &cap, len + 1, 1);
    fl->data[len] = '\0';
    size_t lcap = 0;
    char *p = fl->data, *end = fl->data + len;
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *e = nl ? nl : end;
        if ((size_t)(e - p) > MAX_LINE) {
            mtc_error_set(err, MTC_ERR_DICT, path, -1, (long)fl->n + 1,
                          "line longer than %d bytes: not a hunspell dictionary line", MAX_LINE);
            free(fl->line);
            free(fl->data);
            return MTC_ERR_DICT;
        }
        *e = '\0';
        if (e > p && e[-1] == '\r')
            e[-1] = '\0';
        mtc_grow((void **)&fl->line, &lcap, fl->n + 1, sizeof *fl->line);
        fl->line[fl->n++] = p;
        p = e + 1;
    }
    return MTC_OK;
}

static void free_lines(file_lines *fl)
{
    free(fl->line);
    free(fl->data);
}

/* Splits a line into at most max whitespace-separated fields (in place). */
static size_t fields(char *s, char **out, size_t max)
{
    size_t n = 0;
    while (*s && n < max) {
        while (*s == ' ' || *s == '\t')
            s++;
        if (!*s)
            break;
        out[n++] = s;
        while (*s && *s != ' ' && *s != '\t')
            s++;
        if (*s)
            *s++ = '\0';
    }
    return n;
}

static int is_blank_or_comment(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return *s == '\0' || *s == '#';
}

/* Parses a count: digits only (more than 9 of them: LONG_MAX, a count no
 * file can hold). -1 if not a count. */
static long parse_count(const char *s)
{
    size_t n = strlen(s);
    if (n == 0)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return -1;
    return n > 9 ? LONG_MAX : strtol(s, NULL, 10);
}

static mtc_status check_aff(const char *path, mtc_error *err)
{
    file_lines fl;
    mtc_status st = read_lines(path, &fl, err);
    if (st != MTC_OK)
        return st;
    char *copy = NULL;
    size_t copy_cap = 0;
    for (size_t i = 0; i < fl.n && st == MTC_OK; i++) {
        size_t len = strlen(fl.line[i]);
        mtc_grow((void **)&copy, &copy_cap, len + 1, 1);
        memcpy(copy, fl.line[i], len + 1);
        char *f[6];
        size_t nf = fields(copy, f, 6);
        if (nf == 0)
            continue;
        const struct table_kind *kind = NULL;
        for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++)
            if (strcmp(f[0], tables[t].keyword) == 0)
                kind = &tables[t];
        if (!kind)
            continue;
        if ((size_t)kind->count_field >= nf) {
            if (kind->count_field == 1) {
                mtc_error_set(err, MTC_ERR_DICT, path, -1, (long)i + 1,
                              "%s without its number of entries", f[0]);
                st = MTC_ERR_DICT;
            }
            continue; /* a PFX/SFX entry line, checked with its header */
        }
        if (kind->count_field == 3 &&
            (nf != 4 || (strcmp(f[2], "Y") != 0 && strcmp(f[2], "N") != 0)))
            continue; /* "SFX A 0 s ." is an entry, not a header ("SFX A Y 4") */
        long count = parse_count(f[kind->count_field]);
        if (count < 0)
            continue; /* an entry outside its table: hunspell reports, never trusts it */
        /* the next `count` lines that are not blank or comments must be
         * entries of the same table */
        char flag[64] = "";
        if (kind->count_field == 3)
            snprintf(flag, sizeof flag, "%s", f[1]);
        size_t j = i + 1;
        for (long e = 0; e < count; e++, j++) {
            while (j < fl.n && is_blank_or_comment(fl.line[j]))
                j++;
            if (j >= fl.n) {
                mtc_error_set(err, MTC_ERR_DICT, path, -1, (long)i + 1,
                              "%s announces %s entries but the file ends after %ld", f[0],
                              f[kind->count_field], e);
                st = MTC_ERR_DICT;
                break;
            }
            size_t elen = strlen(fl.line[j]);
            char *ecopy = mtc_xmalloc(elen + 1);
            memcpy(ecopy, fl.line[j], elen + 1);
            char *g[3];
            size_t ng = fields(ecopy, g, 3);
            int ok = ng >= 1 && strcmp(g[0], kind->keyword) == 0 &&
                     (kind->count_field != 3 || (ng >= 2 && strcmp(g[1], flag) == 0));
            free(ecopy);
            if (!ok) {
                mtc_error_set(err, MTC_ERR_DICT, path, -1, (long)j + 1,
                              "%s announces %s entries (line %zu) but this is not one of them",
                              kind->keyword, f[kind->count_field], i + 1);
                st = MTC_ERR_DICT;
                break;
            }
        }
        if (st == MTC_OK && j > i + 1)
            i = j - 1; /* the entries are read */
    }
    free(copy);
    free_lines(&fl);
    return st;
}

static mtc_status check_dic(const char *path, mtc_error *err)
{
    file_lines fl;
    mtc_status st = read_lines(path, &fl, err);
    if (st != MTC_OK)
        return st;
    if (fl.n == 0) {
        free_lines(&fl);
        mtc_error_set(err, MTC_ERR_DICT, path, -1, -1, "empty dictionary (no word count line)");
        return MTC_ERR_DICT;
    }
    char *first = fl.line[0];
    if ((unsigned char)first[0] == 0xEF && (unsigned char)first[1] == 0xBB &&
        (unsigned char)first[2] == 0xBF)
        first += 3;
    while (*first == ' ' || *first == '\t')
        first++;
    char digits[24];
    size_t k = 0;
    while (first[k] >= '0' && first[k] <= '9' && k < sizeof digits - 1) {
        digits[k] = first[k];
        k++;
    }
    digits[k] = '\0';
    if (first[k] >= '0' && first[k] <= '9')
        digits[k - 1] = '9'; /* more digits than the buffer: still too many */
    long count = parse_count(digits);
    /* the count sizes hunspell's hash table: it may be approximate, not
     * far beyond the words the file holds */
    size_t bound = fl.n * 4 + 1024;
    if (count <= 0) {
        mtc_error_set(err, MTC_ERR_DICT, path, -1, 1, "the first line must be the number of words");
        st = MTC_ERR_DICT;
    } else if ((size_t)count > bound) {
        mtc_error_set(err, MTC_ERR_DICT, path, -1, 1,
                      "the word count %.20s is far beyond the %zu lines of the file", first, fl.n);
        st = MTC_ERR_DICT;
    }
    free_lines(&fl);
    return st;
}

mtc_status mtc_hunspell_check(const char *aff, const char *dic, mtc_error *err)
{
    mtc_status st = check_aff(aff, err);
    if (st == MTC_OK)
        st = check_dic(dic, err);
    return st;
}
