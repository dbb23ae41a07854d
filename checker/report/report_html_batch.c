/* report_html_batch.c — --html-dir DIR: one HTML review page per article
 * (written atomically as each article is checked, put on the disk and
 * renamed 128 at a time: inputs.h's mtc_output_batch) and DIR/index.html,
 * which ranks the articles worst first and is written last. The index lists the run's pages in a
 * comment; a page an earlier run's index listed and this run did not write
 * is removed, when it is still a page mtcheck generated (its generator
 * meta tag) — never any other file. Keeps only a small summary per article
 * (title, path, page name, score, counts, one digit per sentence), never
 * the documents. A page is built in memory (compared with the page already
 * there, left alone when it is the same), except a big article's, which is
 * streamed to its file. Owns the summaries and the folder path. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "alloc.h"
#include "document.h"
#include "escape.h"
#include "report_html.h"
#include "wordset.h"

/* Articles of this many bytes of text or more have their page streamed
 * (mtc_html_dir_article). */
#define HTML_STREAM_MIN ((size_t)4 * 1024 * 1024)

typedef struct page_sum {
    char *title;
    char *path;
    char *file;
    double score, ppw;
    int failed;
    size_t words, n_issues, by_sev[4];
    size_t *by_cat; /* indexed like hd->cats; n_by_cat entries */
    size_t n_by_cat;
    char *buckets; /* one digit 0..4 per sentence */
    size_t n_sent;
} page_sum;

struct mtc_html_dir {
    char *dir;
    const mtc_input_list *inputs;
    mtc_report_options opt;
    page_sum *pages;
    size_t n, cap;
    char **cats; /* owned copies */
    size_t *cat_total;
    size_t n_cats;
    mtc_output_batch *batch; /* the pages written, waiting for one sync */
};

/* ---- file names ---- */

char *mtc_html_page_name(const char *path, size_t index)
{
    /* the file name and its folder's name: articles of a batch often share
     * file names in different folders */
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *from = base;
    if (base > path + 1) {
        from = base - 1;
        while (from > path && from[-1] != '/')
            from--;
        if (from[0] == '.')
            from = base; /* "." and ".." say nothing */
    }
    size_t n = strlen(from);
    const char *dot = strrchr(base, '.');
    if (dot && dot != base)
        n = (size_t)(dot - from);
    base = from;
    mtc_buf b = MTC_BUF_INIT;
    mtc_buf_printf(&b, "%03zu-", index + 1);
    size_t kept = 0;
    int last_sep = 1;
    for (size_t i = 0; i < n && kept < 60; i++) {
        unsigned char c = (unsigned char)base[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            mtc_buf_putc(&b, (char)c);
            kept++;
            last_sep = 0;
        } else if (!last_sep) {
            mtc_buf_putc(&b, c == '_' ? '_' : '-');
            kept++;
            last_sep = 1;
        }
    }
    while (b.len && (b.data[b.len - 1] == '-' || b.data[b.len - 1] == '_'))
        b.data[--b.len] = '\0';
    if (kept == 0)
        mtc_buf_puts(&b, "-article");
    mtc_buf_puts(&b, ".html");
    return mtc_buf_detach(&b);
}

/* Cuts s to at most max bytes on a character boundary, adding an ellipsis
 * (s must have room: the title is longer than max when it is cut). */
static void shorten(char *s, size_t max)
{
    size_t n = strlen(s);
    if (n <= max)
        return;
    size_t cut = max - 3;
    while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
        cut--;
    memcpy(s + cut, "\xE2\x80\xA6", 4);
}

/* ---- writing files ---- */

/* Pages are made durable 128 at a time (one syncfs) and renamed then: an
 * fsync per page cost more than checking the article (20,000 small
 * articles: 15-20 s with it, 8-9 s batched, 6.4-9.5 s with no sync at all;
 * a re-run that leaves the unchanged pages as they are: 3-4 s). */
#define PAGES_PER_SYNC 128

static mtc_status make_dirs(const char *dir, mtc_error *err)
{
    char *p = mtc_xstrdup(dir);
    size_t n = strlen(p);
    for (size_t i = 1; i <= n; i++) {
        if (p[i] != '/' && p[i] != '\0')
            continue;
        char c = p[i];
        p[i] = '\0';
        struct stat st;
        if (stat(p, &st) != 0) {
            if (mkdir(p, 0755) != 0 && errno != EEXIST) {
                mtc_error_set(err, MTC_ERR_IO, p, -1, -1, "cannot create the folder: %s",
                              strerror(errno));
                free(p);
                return MTC_ERR_IO;
            }
        } else if (!S_ISDIR(st.st_mode)) {
            mtc_error_set(err, MTC_ERR_USAGE, p, -1, -1, "--html-dir: not a folder");
            free(p);
            return MTC_ERR_USAGE;
        }
        p[i] = c;
    }
    free(p);
    return MTC_OK;
}

/* Writes DIR/name atomically: queued in the batch (a page; left as it is
 * when it holds these bytes already), or at once with its own fsync (batch
 * NULL: the index). */
static mtc_status write_file(const mtc_html_dir *hd, mtc_output_batch *batch, const char *name,
                             const mtc_buf *b, mtc_error *err)
{
    size_t len = strlen(hd->dir) + strlen(name) + 2;
    char *path = mtc_xmalloc(len);
    snprintf(path, len, "%s/%s", hd->dir, name);
    if (batch && mtc_output_unchanged(path, hd->inputs, b->data ? b->data : "", b->len)) {
        /* a re-run over an unchanged article: the page is there already,
         * byte for byte (a new inode and a rename per page, and freeing
         * the old one, cost more than checking the article) */
        mtc_output_batch_keep(batch, path);
        free(path);
        return MTC_OK;
    }
    mtc_output out;
    mtc_status st = mtc_output_open(path, hd->inputs, &out, err);
    free(path);
    if (st != MTC_OK)
        return st;
    if (b->len && fwrite(b->data, 1, b->len, out.fp) != b->len) {
        mtc_error_set(err, MTC_ERR_IO, out.path, -1, -1, "cannot write the page");
        mtc_output_abort(&out);
        return MTC_ERR_IO;
    }
    return batch ? mtc_output_batch_add(batch, &out, err) : mtc_output_commit(&out, err);
}

/* ---- the batch ---- */

mtc_status mtc_html_dir_open(const char *dir, const mtc_input_list *inputs,
                             const mtc_report_options *opt, mtc_html_dir **out, mtc_error *err)
{
    *out = NULL;
    if (!dir || !*dir) {
        mtc_error_set(err, MTC_ERR_USAGE, NULL, -1, -1, "--html-dir needs a folder");
        return MTC_ERR_USAGE;
    }
    mtc_status st = make_dirs(dir, err);
    if (st != MTC_OK)
        return st;
    mtc_html_dir *hd = mtc_xcalloc(1, sizeof *hd);
    hd->dir = mtc_xstrdup(dir);
    size_t n = strlen(hd->dir);
    while (n > 1 && hd->dir[n - 1] == '/')
        hd->dir[--n] = '\0';
    hd->inputs = inputs;
    if (opt)
        hd->opt = *opt;
    hd->batch = mtc_output_batch_new(PAGES_PER_SYNC);
    *out = hd;
    return MTC_OK;
}

static size_t cat_index(mtc_html_dir *hd, const char *name)
{
    for (size_t k = 0; k < hd->n_cats; k++)
        if (strcmp(hd->cats[k], name) == 0)
            return k;
    hd->cats = mtc_xrealloc(hd->cats, (hd->n_cats + 1) * sizeof *hd->cats);
    hd->cat_total = mtc_xrealloc(hd->cat_total, (hd->n_cats + 1) * sizeof *hd->cat_total);
    hd->cats[hd->n_cats] = mtc_xstrdup(name);
    hd->cat_total[hd->n_cats] = 0;
    return hd->n_cats++;
}

mtc_status mtc_html_dir_article(mtc_html_dir *hd, const mtc_result *res, mtc_error *err)
{
    const mtc_document *doc = res->doc;
    mtc_grow((void **)&hd->pages, &hd->cap, hd->n + 1, sizeof *hd->pages);
    page_sum *p = &hd->pages[hd->n];
    memset(p, 0, sizeof *p);
    p->title = mtc_html_title(doc);
    shorten(p->title, 110);
    p->path = mtc_xstrdup(doc->path);
    p->file = mtc_html_page_name(doc->path, hd->n);
    p->score = res->score;
    p->ppw = res->penalty_per_100_words;
    p->failed = res->failed;
    p->words = doc->n_words;
    p->n_issues = res->n_issues;
    memcpy(p->by_sev, res->by_severity, sizeof p->by_sev);
    for (size_t i = 0; i < res->n_issues; i++) {
        size_t k = cat_index(hd, res->issues[i].category);
        if (k >= p->n_by_cat) {
            p->by_cat = mtc_xrealloc(p->by_cat, (k + 1) * sizeof *p->by_cat);
            memset(p->by_cat + p->n_by_cat, 0, (k + 1 - p->n_by_cat) * sizeof *p->by_cat);
            p->n_by_cat = k + 1;
        }
        p->by_cat[k]++;
        hd->cat_total[k]++;
    }
    p->n_sent = doc->n_sentences;
    p->buckets = mtc_xmalloc(p->n_sent + 1);
    for (size_t s = 0; s < p->n_sent; s++)
        p->buckets[s] = mtc_html_score_class(res->sentence_score ? res->sentence_score[s] : 100)[1];
    p->buckets[p->n_sent] = '\0';
    hd->n++;

    /* A big article's page (about six times its text) is streamed to its
     * temporary file as it is produced, not built in memory first: it is
     * then written again on every run, even when its bytes do not change. */
    mtc_output out;
    int stream = doc->len >= HTML_STREAM_MIN;
    if (stream) {
        size_t len = strlen(hd->dir) + strlen(p->file) + 2;
        char *path = mtc_xmalloc(len);
        snprintf(path, len, "%s/%s", hd->dir, p->file);
        mtc_status st = mtc_output_open(path, hd->inputs, &out, err);
        free(path);
        if (st != MTC_OK)
            return st;
    }
    mtc_buf b = MTC_BUF_INIT;
    if (stream)
        mtc_buf_stream(&b, out.fp, hd->opt.spill);
    mtc_buf tb = MTC_BUF_INIT;
    mtc_buf_puts(&tb, p->title);
    mtc_buf_puts(&tb, " \xE2\x80\x94 mtcheck review");
    mtc_html_page_head(&b, tb.data);
    mtc_buf_free(&tb);
    mtc_buf_puts(&b, "<main>\n");
    mtc_html_article(&b, res, &hd->opt, 0, "index.html");
    mtc_buf_puts(&b, "</main>\n<footer class=\"run\"><p>Checked by mtcheck " MTC_VERSION
                     ". Scores and issues are hints for the editor, not verdicts.</p></footer>\n");
    mtc_html_page_tail(&b);
    mtc_status st;
    if (!stream) {
        st = write_file(hd, hd->batch, p->file, &b, err);
    } else if (mtc_buf_flush(&b) != 0) {
        mtc_error_set(err, MTC_ERR_IO, out.path, -1, -1, "cannot write the page");
        mtc_output_abort(&out);
        st = MTC_ERR_IO;
    } else {
        st = mtc_output_batch_add(hd->batch, &out, err);
    }
    mtc_buf_free(&b);
    return st;
}

/* ---- stale pages of an earlier run ---- */

/* index.html carries the list of the run's pages in a comment; the next run
 * over the same folder reads it back (from an index mtcheck wrote: its
 * generator tag) and removes the listed pages it does not write again. */
#define PAGES_MARK "<!-- mtcheck-pages:"

/* A name mtc_html_page_name can give: NNN-....html, [A-Za-z0-9._-] only. */
static int is_page_name(const char *name, size_t n)
{
    if (n < 10 || n > 200 || memcmp(name + n - 5, ".html", 5) != 0 || name[3] != '-')
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '.' || c == '_' || c == '-';
        if (!ok || (i < 3 && (c < '0' || c > '9')))
            return 0;
    }
    return 1;
}

/* The whole file (NUL-terminated), or NULL; at most max bytes. */
static char *read_small(const char *path, size_t max)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    mtc_buf b = MTC_BUF_INIT;
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len <= max)
        mtc_buf_put(&b, chunk, n);
    fclose(f);
    if (b.len > max) {
        mtc_buf_free(&b);
        return NULL;
    }
    mtc_buf_puts(&b, "");
    return mtc_buf_detach(&b);
}

static char *dir_file(const mtc_html_dir *hd, const char *name, size_t n)
{
    size_t len = strlen(hd->dir) + n + 2;
    char *p = mtc_xmalloc(len);
    snprintf(p, len, "%s/%.*s", hd->dir, (int)n, name);
    return p;
}

/* The page list of the index.html an earlier run wrote in the folder
 * (NULL when there is none, or it is not mtcheck's). */
static char *previous_pages(const mtc_html_dir *hd)
{
    char *path = dir_file(hd, "index.html", 10);
    struct stat st;
    char *old = lstat(path, &st) == 0 && S_ISREG(st.st_mode) ? read_small(path, 64u << 20) : NULL;
    free(path);
    if (!old)
        return NULL;
    char *list = NULL;
    const char *m = strstr(old, PAGES_MARK);
    const char *e = m ? strstr(m, "-->") : NULL;
    if (strstr(old, MTC_GENERATOR_MARK) && m && e) {
        m += strlen(PAGES_MARK);
        list = mtc_xstrndup(m, (size_t)(e - m));
    }
    free(old);
    return list;
}

/* Removes the pages in `list` (an earlier index's) this run did not write,
 * when each is still a regular file mtcheck generated. */
static void remove_stale_pages(const mtc_html_dir *hd, const char *list)
{
    /* the names this run wrote, hashed: O(pages), not O(pages^2) */
    mtc_wordset *wrote = mtc_wordset_new();
    for (size_t i = 0; i < hd->n; i++)
        mtc_wordset_add(wrote, hd->pages[i].file, strlen(hd->pages[i].file));
    for (const char *p = list; *p;) {
        while (*p == ' ' || *p == '\n')
            p++;
        size_t n = strcspn(p, " \n");
        if (n && is_page_name(p, n) && !mtc_wordset_contains(wrote, p, n)) {
            char *page = dir_file(hd, p, n);
            struct stat st;
            if (lstat(page, &st) == 0 && S_ISREG(st.st_mode) && mtc_inputs_is_mtcheck_page(page))
                unlink(page);
            free(page);
        }
        p += n;
    }
    mtc_wordset_free(wrote);
}

static int cmp_rank(const void *a, const void *b)
{
    const page_sum *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? -1 : 1;
    if (x->ppw != y->ppw)
        return x->ppw > y->ppw ? -1 : 1;
    return strcmp(x->path, y->path);
}

static void esc(mtc_buf *b, const char *s)
{
    mtc_escape_html(b, s, strlen(s));
}

mtc_status mtc_html_dir_finish(mtc_html_dir *hd, mtc_error *err)
{
    if (hd->n)
        qsort(hd->pages, hd->n, sizeof *hd->pages, cmp_rank);
    /* category columns, most frequent first */
    size_t *col = mtc_xmalloc((hd->n_cats + 1) * sizeof *col);
    for (size_t k = 0; k < hd->n_cats; k++) {
        size_t j = k;
        while (j > 0 && hd->cat_total[col[j - 1]] < hd->cat_total[k]) {
            col[j] = col[j - 1];
            j--;
        }
        col[j] = k;
    }
    size_t failed = 0, issues = 0, sev[4] = {0, 0, 0, 0};
    for (size_t i = 0; i < hd->n; i++) {
        failed += hd->pages[i].failed != 0;
        issues += hd->pages[i].n_issues;
        for (int s = 0; s < 4; s++)
            sev[s] += hd->pages[i].by_sev[s];
    }

    mtc_buf b = MTC_BUF_INIT;
    char title[96];
    snprintf(title, sizeof title, "mtcheck review \xE2\x80\x94 %zu article%s", hd->n,
             hd->n == 1 ? "" : "s");
    mtc_html_page_head(&b, title);
    mtc_buf_puts(&b, "<main class=\"index\">\n<header class=\"index-head\"><h1>");
    esc(&b, title);
    mtc_buf_printf(&b,
                   "</h1><p>%zu fail the gate \xC2\xB7 %zu issues (%zu critical, %zu major, "
                   "%zu minor) \xC2\xB7 worst first</p></header>\n",
                   failed, issues, sev[MTC_SEV_CRITICAL], sev[MTC_SEV_MAJOR], sev[MTC_SEV_MINOR]);
    mtc_buf_puts(
        &b, "<table class=\"rank\"><thead><tr><th scope=\"col\" class=\"num\">#</th>"
            "<th scope=\"col\">Article</th><th scope=\"col\" class=\"num\">Score</th>"
            "<th scope=\"col\">Gate</th><th scope=\"col\" class=\"num\">Penalty per 100 words</th>"
            "<th scope=\"col\" class=\"num\">Issues</th>");
    for (size_t c = 0; c < hd->n_cats; c++) {
        mtc_buf_puts(
            &b,
            "<th scope=\"col\" class=\"num hide-narrow cat-col\"><span class=\"chip\" data-cat=\"");
        esc(&b, hd->cats[col[c]]);
        mtc_buf_puts(&b, "\"></span>");
        esc(&b, hd->cats[col[c]]);
        mtc_buf_puts(&b, "</th>");
    }
    mtc_buf_puts(&b,
                 "<th scope=\"col\" class=\"hide-narrow\">Sentences</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < hd->n; i++) {
        const page_sum *p = &hd->pages[i];
        mtc_buf_printf(&b,
                       "<tr class=\"%s\" data-score=\"%.2f\"><td class=\"num\">%zu</td>"
                       "<td class=\"title\"><a href=\"",
                       p->failed ? "fail" : "pass", p->score, i + 1);
        esc(&b, p->file);
        mtc_buf_puts(&b, "\">");
        esc(&b, p->title);
        mtc_buf_puts(&b, "</a><div class=\"path\">");
        esc(&b, p->path);
        mtc_buf_printf(
            &b,
            " \xC2\xB7 %zu words</div></td><td class=\"num\"><span class=\"pill %s\">%.0f</span>"
            "</td><td class=\"verdict-cell\">%s</td><td class=\"num\">%.2f</td>"
            "<td class=\"num\">%zu</td>",
            p->words, mtc_html_score_class(p->score), p->score,
            p->failed ? "\xE2\x9C\x97 fail" : "\xE2\x9C\x93 pass", p->ppw, p->n_issues);
        for (size_t c = 0; c < hd->n_cats; c++) {
            size_t k = col[c], v = k < p->n_by_cat ? p->by_cat[k] : 0;
            mtc_buf_printf(&b, "<td class=\"num hide-narrow%s\">%zu</td>", v ? "" : " zero", v);
        }
        mtc_buf_puts(&b, "<td class=\"hide-narrow\">");
        mtc_html_mini_strip(&b, p->buckets, p->n_sent);
        mtc_buf_puts(&b, "</td></tr>\n");
    }
    if (hd->n == 0)
        mtc_buf_puts(&b,
                     "<tr><td colspan=\"7\" class=\"none\">No article was checked.</td></tr>\n");
    mtc_buf_puts(
        &b, "</tbody></table>\n</main>\n<footer class=\"run\"><p>Checked by mtcheck " MTC_VERSION
            ". Scores and issues are hints for the editor, not verdicts.</p></footer>\n");
    mtc_buf_puts(&b, PAGES_MARK);
    for (size_t i = 0; i < hd->n; i++)
        mtc_buf_printf(&b, " %s", hd->pages[i].file);
    mtc_buf_puts(&b, " -->\n");
    mtc_html_page_tail(&b);
    free(col);
    char *stale = previous_pages(hd);
    /* the pages on the disk under their names first, the index last: it
     * never links a page the disk does not hold */
    mtc_status st = mtc_output_batch_finish(hd->batch, err);
    if (st == MTC_OK)
        st = write_file(hd, NULL, "index.html", &b, err);
    mtc_buf_free(&b);
    if (st == MTC_OK && stale)
        remove_stale_pages(hd, stale);
    free(stale);
    return st;
}

void mtc_html_dir_free(mtc_html_dir *hd)
{
    if (!hd)
        return;
    for (size_t i = 0; i < hd->n; i++) {
        page_sum *p = &hd->pages[i];
        free(p->title);
        free(p->path);
        free(p->file);
        free(p->by_cat);
        free(p->buckets);
    }
    free(hd->pages);
    for (size_t k = 0; k < hd->n_cats; k++)
        free(hd->cats[k]);
    free(hd->cats);
    free(hd->cat_total);
    mtc_output_batch_free(hd->batch);
    free(hd->dir);
    free(hd);
}
