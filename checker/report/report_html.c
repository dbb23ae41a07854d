/* report_html.c — the HTML review report (--format html): a self-contained
 * page (inline CSS and JS from reports/, a Content-Security-Policy that
 * allows only their SHA-256 hashes) with, per article, the score and gate,
 * counts by category and severity, a heat strip of sentence scores, a
 * chart of issues by category, filters, the highlighted text
 * (report_html_text.c) and the numbered issue list. Streams: the page head
 * is written with the first article, each article as it comes, the tail at
 * the end. Owns only its small state. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "data.h"
#include "document.h"
#include "escape.h"
#include "report_html.h"
#include "report_util.h"
#include "sha256.h"

/* ---- page frame ---- */

static const char fallback_page[] =
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta http-equiv=\"Content-Security-Policy\" content=\"{{csp}}\">\n"
    "<title>{{title}}</title>\n<style>{{css}}</style>\n</head>\n<body>\n{{body}}\n"
    "<script>{{js}}</script>\n</body>\n</html>\n";

static const char *get_data(const char *name, size_t *len)
{
    const char *d = mtc_data_get(name, len);
    if (!d) {
        *len = 0;
        return "";
    }
    return d;
}

static void hash_source(mtc_buf *b, const char *kind, const char *name)
{
    size_t len;
    const char *d = get_data(name, &len);
    uint8_t digest[32];
    mtc_sha256(d, len, digest);
    mtc_buf_printf(b, "%s 'sha256-", kind);
    mtc_base64(b, digest, sizeof digest);
    mtc_buf_putc(b, '\'');
}

void mtc_html_csp(mtc_buf *b)
{
    mtc_buf_puts(b, "default-src 'none'; ");
    hash_source(b, "style-src", "reports/report.css");
    mtc_buf_puts(b, "; ");
    hash_source(b, "script-src", "reports/report.js");
    mtc_buf_puts(b, "; img-src 'none'; font-src 'none'; connect-src 'none'; media-src 'none'; "
                    "object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'");
}

/* The policy as the page's attribute value, hashed and escaped once per
 * process (the assets are built in and never change; hashing them for each
 * page was a tenth of an --html-dir run). Immutable once made: threads
 * share it. */
static pthread_once_t csp_once = PTHREAD_ONCE_INIT;
static mtc_buf csp_attr = MTC_BUF_INIT;

static void csp_make(void)
{
    mtc_buf tmp = MTC_BUF_INIT;
    mtc_html_csp(&tmp);
    mtc_escape_html(&csp_attr, tmp.data, tmp.len);
    mtc_buf_free(&tmp);
}

/* Expands {{name}} slots of the page template in [from, to): the values
 * are written once and never scanned again, so text that looks like a slot
 * stays text. */
static void expand(mtc_buf *b, const char *t, size_t from, size_t to, const char *title)
{
    size_t i = from;
    while (i < to) {
        const char *open = strstr(t + i, "{{");
        size_t o = open ? (size_t)(open - t) : to;
        if (o > to)
            o = to;
        mtc_buf_put(b, t + i, o - i);
        if (o >= to)
            break;
        const char *close = strstr(t + o + 2, "}}");
        if (!close || (size_t)(close - t) + 2 > to) {
            mtc_buf_put(b, t + o, to - o);
            break;
        }
        size_t nlen = (size_t)(close - t) - o - 2;
        const char *name = t + o + 2;
        size_t len;
        if (nlen == 3 && memcmp(name, "csp", 3) == 0) {
            pthread_once(&csp_once, csp_make);
            mtc_buf_put(b, csp_attr.data, csp_attr.len);
        } else if (nlen == 5 && memcmp(name, "title", 5) == 0) {
            mtc_escape_html(b, title, strlen(title));
        } else if (nlen == 7 && memcmp(name, "version", 7) == 0) {
            mtc_buf_puts(b, MTC_VERSION);
        } else if (nlen == 3 && memcmp(name, "css", 3) == 0) {
            const char *d = get_data("reports/report.css", &len);
            mtc_buf_put(b, d, len);
        } else if (nlen == 2 && memcmp(name, "js", 2) == 0) {
            const char *d = get_data("reports/report.js", &len);
            mtc_buf_put(b, d, len);
        } /* unknown slots expand to nothing */
        i = (size_t)(close - t) + 2;
    }
}

static const char *page_template(size_t *len, size_t *body)
{
    const char *t = mtc_data_get("reports/page.html", len);
    if (!t || !strstr(t, "{{body}}")) {
        t = fallback_page;
        *len = sizeof fallback_page - 1;
    }
    *body = (size_t)(strstr(t, "{{body}}") - t);
    return t;
}

void mtc_html_page_head(mtc_buf *b, const char *title)
{
    size_t len, body;
    const char *t = page_template(&len, &body);
    expand(b, t, 0, body, title);
}

void mtc_html_page_tail(mtc_buf *b)
{
    size_t len, body;
    const char *t = page_template(&len, &body);
    expand(b, t, body + 8, len, "");
}

char *mtc_html_title(const mtc_document *doc)
{
    const char *t = doc->text;
    size_t i = 0, n = doc->len;
    while (i < n && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r'))
        i++;
    size_t j = i;
    while (j < n && t[j] != '\n' && t[j] != '\r')
        j++;
    while (j > i && (t[j - 1] == ' ' || t[j - 1] == '\t'))
        j--;
    if (j == i) {
        const char *slash = strrchr(doc->path, '/');
        return mtc_xstrdup(slash && slash[1] ? slash + 1 : doc->path);
    }
    const size_t max = 200;
    if (j - i <= max)
        return mtc_xstrndup(t + i, j - i);
    size_t cut = i + max;
    while (cut > i && ((unsigned char)t[cut] & 0xC0) == 0x80)
        cut--; /* on a character boundary */
    mtc_buf b = MTC_BUF_INIT;
    mtc_buf_put(&b, t + i, cut - i);
    mtc_buf_puts(&b, "\xE2\x80\xA6");
    return mtc_buf_detach(&b);
}

/* ---- counts ---- */

typedef struct cat_count {
    const char *name; /* borrowed from the issues */
    size_t by_sev[4];
    size_t total;
} cat_count;

static int cmp_cat(const void *a, const void *b)
{
    const cat_count *x = a, *y = b;
    if (x->total != y->total)
        return x->total > y->total ? -1 : 1;
    return strcmp(x->name, y->name);
}

/* Categories of the result's issues, most frequent first; caller frees. */
static cat_count *count_categories(const mtc_result *res, size_t *n_out)
{
    cat_count *c = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < res->n_issues; i++) {
        const mtc_issue *is = &res->issues[i];
        size_t k = 0;
        while (k < n && strcmp(c[k].name, is->category) != 0)
            k++;
        if (k == n) {
            mtc_grow((void **)&c, &cap, n + 1, sizeof *c);
            memset(&c[n], 0, sizeof *c);
            c[n++].name = is->category;
        }
        c[k].by_sev[is->severity & 3]++;
        c[k].total++;
    }
    if (n)
        qsort(c, n, sizeof *c, cmp_cat);
    *n_out = n;
    return c;
}

/* ---- pieces of an article section ---- */

static void esc(mtc_buf *b, const char *s)
{
    mtc_escape_html(b, s, strlen(s));
}

static void put_pct(mtc_buf *b, double x)
{
    if (x == (long long)x)
        mtc_buf_printf(b, "%lld", (long long)x);
    else
        mtc_buf_printf(b, "%.2f", x);
}

static void heat_strip(mtc_buf *b, const mtc_result *res, const char *prefix)
{
    const mtc_document *doc = res->doc;
    size_t n = doc->n_sentences;
    mtc_buf_printf(b,
                   "<svg class=\"heat\" viewBox=\"0 0 %zu 10\" preserveAspectRatio=\"none\" "
                   "role=\"list\" aria-label=\"Sentence scores, one cell per sentence\">",
                   n ? n : 1);
    for (size_t s = 0; s < n; s++) {
        double sc = res->sentence_score ? res->sentence_score[s] : 100.0;
        long line, col;
        mtc_document_line_col(doc, doc->sentences[s].start, &line, &col);
        mtc_buf_printf(
            b,
            "<a href=\"#%ss%zu\" role=\"listitem\"><rect class=\"cell %s\" x=\"%zu\" y=\"0\" "
            "width=\"1\" height=\"10\" data-sentence=\"%zu\" data-score=\"%.0f\">"
            "<title>Sentence %zu (line %ld): score %.0f</title></rect></a>",
            prefix, s + 1, mtc_html_score_class(sc), s, s + 1, sc, s + 1, line, sc);
    }
    mtc_buf_puts(b, "</svg>\n");
}

void mtc_html_mini_strip(mtc_buf *b, const char *buckets, size_t n)
{
    mtc_buf_printf(b,
                   "<svg class=\"mini\" viewBox=\"0 0 %zu 10\" preserveAspectRatio=\"none\" "
                   "aria-hidden=\"true\">",
                   n ? n : 1);
    for (size_t s = 0; s < n; s++)
        mtc_buf_printf(b, "<rect class=\"h%c\" x=\"%zu\" y=\"0\" width=\"1\" height=\"10\"/>",
                       buckets[s] >= '0' && buckets[s] <= '4' ? buckets[s] : '4', s);
    mtc_buf_puts(b, "</svg>");
}

static void category_table(mtc_buf *b, const mtc_result *res, const cat_count *c, size_t nc)
{
    size_t max = 1;
    for (size_t k = 0; k < nc; k++)
        if (c[k].total > max)
            max = c[k].total;
    mtc_buf_puts(
        b, "<table class=\"counts\"><thead><tr><th scope=\"col\">Category</th>"
           "<th scope=\"col\" class=\"num\">Critical</th><th scope=\"col\" class=\"num\">Major</th>"
           "<th scope=\"col\" class=\"num\">Minor</th><th scope=\"col\" class=\"num\">Total</th>"
           "<th scope=\"col\" class=\"chart\"><span "
           "class=\"sr\">Chart</span></th></tr></thead>\n<tbody>");
    for (size_t k = 0; k < nc; k++) {
        mtc_buf_puts(b, "<tr><th scope=\"row\"><span class=\"chip\"");
        mtc_buf_puts(b, " data-cat=\"");
        esc(b, c[k].name);
        mtc_buf_puts(b, "\"></span>");
        esc(b, c[k].name);
        mtc_buf_printf(
            b,
            "</th><td class=\"num\">%zu</td><td class=\"num\">%zu</td><td class=\"num\">%zu</td>"
            "<td class=\"num\">%zu</td><td class=\"chart\">",
            c[k].by_sev[MTC_SEV_CRITICAL], c[k].by_sev[MTC_SEV_MAJOR], c[k].by_sev[MTC_SEV_MINOR],
            c[k].total);
        /* stacked bar: critical, major, minor */
        mtc_buf_printf(b,
                       "<svg class=\"bar\" viewBox=\"0 0 %zu 10\" preserveAspectRatio=\"none\" "
                       "aria-hidden=\"true\">",
                       max);
        size_t x = 0;
        static const char *const sev_class[] = {"", "b-minor", "b-major", "b-critical"};
        for (int s = MTC_SEV_CRITICAL; s >= MTC_SEV_MINOR; s--) {
            size_t w = c[k].by_sev[s];
            if (!w)
                continue;
            mtc_buf_printf(b, "<rect class=\"%s\" x=\"%zu\" y=\"0\" width=\"%zu\" height=\"10\"/>",
                           sev_class[s], x, w);
            x += w;
        }
        mtc_buf_puts(b, "</svg></td></tr>\n");
    }
    if (nc == 0)
        mtc_buf_puts(b, "<tr><td colspan=\"6\" class=\"none\">No issues found.</td></tr>\n");
    mtc_buf_printf(b,
                   "</tbody><tfoot><tr><th scope=\"row\">All</th><td class=\"num\">%zu</td>"
                   "<td class=\"num\">%zu</td><td class=\"num\">%zu</td><td class=\"num\">%zu</td>"
                   "<td></td></tr></tfoot></table>\n",
                   res->by_severity[MTC_SEV_CRITICAL], res->by_severity[MTC_SEV_MAJOR],
                   res->by_severity[MTC_SEV_MINOR], res->n_issues);
}

static void filters(mtc_buf *b, const mtc_result *res, const cat_count *c, size_t nc)
{
    if (res->n_issues == 0)
        return;
    mtc_buf_puts(b, "<form class=\"filters\" hidden aria-label=\"Filter the issues\">"
                    "<fieldset><legend>Category</legend>");
    for (size_t k = 0; k < nc; k++) {
        mtc_buf_puts(b, "<label><input type=\"checkbox\" checked data-filter=\"cat\" value=\"");
        esc(b, c[k].name);
        mtc_buf_puts(b, "\"><span class=\"chip\" data-cat=\"");
        esc(b, c[k].name);
        mtc_buf_puts(b, "\"></span>");
        esc(b, c[k].name);
        mtc_buf_printf(b, " <span class=\"n\">%zu</span></label>", c[k].total);
    }
    mtc_buf_puts(b, "</fieldset><fieldset><legend>Severity</legend>");
    for (int s = MTC_SEV_CRITICAL; s >= MTC_SEV_MINOR; s--) {
        if (!res->by_severity[s])
            continue;
        const char *name = mtc_severity_name((mtc_severity)s);
        mtc_buf_printf(b,
                       "<label><input type=\"checkbox\" checked data-filter=\"sev\" value=\"%s\">"
                       "<span class=\"sevtag s-%s\">%s</span> <span class=\"n\">%zu</span></label>",
                       name, name, name, res->by_severity[s]);
    }
    mtc_buf_puts(b,
                 "</fieldset><p class=\"keys\">Keys: <kbd>n</kbd> next issue, <kbd>p</kbd> previous"
                 "</p></form>\n");
}

/* The issue's text for the list, shortened to about 120 bytes. */
static void quote_text(mtc_buf *b, const mtc_document *doc, size_t s, size_t e)
{
    if (s > doc->len)
        s = doc->len;
    if (e > doc->len)
        e = doc->len;
    if (e <= s) {
        mtc_buf_puts(b, "<span class=\"empty-span\">(position)</span>");
        return;
    }
    size_t max = 120, cut = e;
    if (e - s > max) {
        cut = s + max;
        while (cut > s && ((unsigned char)doc->text[cut] & 0xC0) == 0x80)
            cut--;
    }
    mtc_buf_puts(b, "<q>");
    mtc_escape_html(b, doc->text + s, cut - s);
    if (cut < e)
        mtc_buf_puts(b, "\xE2\x80\xA6");
    mtc_buf_puts(b, "</q>");
}

static void issue_list(mtc_buf *b, const mtc_result *res, const char *prefix)
{
    const mtc_document *doc = res->doc;
    mtc_buf_printf(b,
                   "<section class=\"issues\" aria-labelledby=\"%sissues\"><h2 id=\"%sissues\">"
                   "Issues <span class=\"n\">%zu</span></h2>\n",
                   prefix, prefix, res->n_issues);
    if (res->n_issues == 0) {
        mtc_buf_puts(b, "<p class=\"none\">No issues found.</p></section>\n");
        return;
    }
    mtc_buf_puts(b, "<ol class=\"issue-list\">\n");
    for (size_t i = 0; i < res->n_issues; i++) {
        const mtc_issue *is = &res->issues[i];
        const char *sev = mtc_severity_name(is->severity);
        long line, col;
        mtc_document_line_col(doc, is->start <= doc->len ? is->start : doc->len, &line, &col);
        char c = is->category[0] >= 'a' && is->category[0] <= 'z'     ? (char)(is->category[0] - 32)
                 : (is->category[0] >= 'A' && is->category[0] <= 'Z') ? is->category[0]
                                                                      : '?';
        mtc_buf_printf(b, "<li id=\"%si%zu\" class=\"item s-%s\" data-cat=\"", prefix, i + 1, sev);
        esc(b, is->category);
        mtc_buf_printf(b, "\" data-sev=\"%s\"><a class=\"lab\" href=\"#%sm%zu\" data-cat=\"", sev,
                       prefix, i + 1);
        esc(b, is->category);
        mtc_buf_printf(b,
                       "\" aria-label=\"Go to issue %zu in the text\">%c%zu</a> "
                       "<span class=\"sevtag s-%s\">%s</span> <span class=\"cat\">",
                       i + 1, c, i + 1, sev, sev);
        esc(b, is->category);
        mtc_buf_puts(b, "</span><div class=\"msg\">");
        esc(b, is->message ? is->message : "");
        mtc_buf_puts(b, "</div><div class=\"quote\">");
        quote_text(b, doc, is->start, is->end);
        if (is->n_suggestions) {
            mtc_buf_puts(b, " <span class=\"arrow\" aria-hidden=\"true\">\xE2\x86\x92</span> "
                            "<span class=\"sugg\">");
            for (size_t k = 0; k < is->n_suggestions; k++) {
                if (k)
                    mtc_buf_puts(b, " \xC2\xB7 ");
                mtc_buf_puts(b, "<ins>");
                esc(b, is->suggestions[k]);
                mtc_buf_puts(b, "</ins>");
            }
            mtc_buf_puts(b, "</span>");
        }
        mtc_buf_puts(b, "</div><div class=\"where\"><code class=\"rule\">");
        esc(b, is->rule);
        mtc_buf_printf(b, "</code> \xC2\xB7 line %ld, column %ld</div></li>\n", line, col);
    }
    mtc_buf_puts(b, "</ol></section>\n");
}

static void gate_text(mtc_buf *b, const mtc_config *cfg)
{
    if (!cfg)
        return;
    mtc_buf_puts(b, "<span class=\"rule-of-gate\">Gate: ");
    if (cfg->fail_on_none || cfg->fail_on == MTC_SEV_DEFAULT)
        mtc_buf_puts(b, "no severity limit");
    else
        mtc_buf_printf(b, "fails on a %s issue or worse", mtc_severity_name(cfg->fail_on));
    if (cfg->min_score > 0)
        mtc_buf_printf(b, ", or a score below %.0f", cfg->min_score);
    mtc_buf_puts(b, "</span>");
}

void mtc_html_article(mtc_buf *b, const mtc_result *res, const mtc_report_options *opt,
                      size_t index, const char *back_href)
{
    const mtc_document *doc = res->doc;
    char prefix[32];
    snprintf(prefix, sizeof prefix, "a%zu-", index);
    char *title = mtc_html_title(doc);
    size_t nc;
    cat_count *cats = count_categories(res, &nc);

    mtc_buf_printf(b,
                   "<article class=\"doc\" id=\"a%zu\" aria-labelledby=\"%stitle\">\n"
                   "<header class=\"doc-head\">\n",
                   index, prefix);
    if (back_href) {
        mtc_buf_puts(b, "<nav class=\"crumbs\"><a href=\"");
        esc(b, back_href);
        mtc_buf_puts(b, "\">\xE2\x86\x90 All articles</a></nav>\n");
    }
    mtc_buf_printf(b,
                   "<div class=\"verdict %s\"><div class=\"score-box %s\" aria-label=\"Score\">"
                   "<span class=\"score\">%.0f</span><span class=\"outof\">/100</span></div>"
                   "<div class=\"head-text\"><h1 id=\"%stitle\">",
                   res->failed ? "fail" : "pass", mtc_html_score_class(res->score), res->score,
                   prefix);
    esc(b, title);
    mtc_buf_puts(b, "</h1>\n<p class=\"meta\"><span class=\"path\">");
    const char *path = doc->path;
    if (opt && opt->base_dir) {
        size_t bl = strlen(opt->base_dir);
        if (bl && strncmp(path, opt->base_dir, bl) == 0 && path[bl] == '/')
            path += bl + 1;
    }
    esc(b, path);
    mtc_buf_printf(b, "</span> \xC2\xB7 %zu words \xC2\xB7 %zu sentences \xC2\xB7 ", doc->n_words,
                   doc->n_sentences);
    esc(b, doc->encoding);
    if (doc->encoding_detected)
        mtc_buf_puts(b, " (detected)");
    mtc_buf_printf(b, "</p>\n<p class=\"gate\"><strong class=\"gate-verdict\">%s</strong> ",
                   res->failed ? "\xE2\x9C\x97 Fails the gate" : "\xE2\x9C\x93 Passes the gate");
    gate_text(b, opt ? opt->cfg : NULL);
    mtc_buf_puts(b, " <span class=\"ppw\">Penalty ");
    put_pct(b, res->penalty_per_100_words);
    mtc_buf_puts(b, " per 100 words</span></p></div></div>\n</header>\n");

    mtc_buf_puts(
        b, "<section class=\"overview\">\n<div class=\"panel heat-panel\"><h2>Sentences</h2>");
    heat_strip(b, res, prefix);
    mtc_buf_puts(
        b, "<p class=\"legend\" aria-hidden=\"true\"><span class=\"sw h4\"></span>95\xE2\x80\x93"
           "100 <span class=\"sw h3\"></span>80\xE2\x80\x93"
           "94 <span class=\"sw h2\"></span>60\xE2\x80\x93"
           "79 <span class=\"sw h1\"></span>40\xE2\x80\x93"
           "59 <span class=\"sw h0\"></span>below 40"
           " \xC2\xB7 click a cell to jump to its sentence</p></div>\n"
           "<div class=\"panel cat-panel\"><h2>Issues by category</h2>");
    category_table(b, res, cats, nc);
    mtc_buf_puts(b, "</div>\n</section>\n");
    filters(b, res, cats, nc);
    mtc_buf_puts(b, "<div class=\"work\">\n<section class=\"text\" aria-label=\"Article text\">\n");
    mtc_html_text(b, res, prefix);
    mtc_buf_puts(b, "</section>\n");
    issue_list(b, res, prefix);
    mtc_buf_puts(b, "</div>\n</article>\n");
    free(cats);
    free(title);
}

/* ---- the streaming reporter ---- */

typedef struct html_state {
    FILE *out;
    mtc_report_options opt;
    size_t files;
} html_state;

static void *html_begin(FILE *out, const mtc_report_options *opt)
{
    html_state *st = mtc_xcalloc(1, sizeof *st);
    st->out = out;
    st->opt = *opt;
    return st; /* the head waits for the first article: its title is the page's */
}

static void html_article(void *state, const mtc_result *res)
{
    html_state *st = state;
    mtc_buf b = MTC_BUF_INIT;
    mtc_buf_stream(&b, st->out, st->opt.spill);
    if (st->files == 0) {
        char *title = mtc_html_title(res->doc);
        mtc_buf tb = MTC_BUF_INIT;
        mtc_buf_puts(&tb, title);
        mtc_buf_puts(&tb, " \xE2\x80\x94 mtcheck review");
        mtc_html_page_head(&b, tb.data);
        mtc_buf_free(&tb);
        free(title);
        mtc_buf_puts(&b, "<main>\n");
    }
    mtc_html_article(&b, res, &st->opt, st->files, NULL);
    mtc_buf_flush(&b);
    mtc_buf_free(&b);
    st->files++;
}

static int html_end(void *state, const mtc_summary *sum)
{
    html_state *st = state;
    mtc_buf b = MTC_BUF_INIT;
    if (st->files == 0) {
        mtc_html_page_head(&b, "mtcheck review");
        mtc_buf_puts(&b, "<main>\n<p class=\"none\">No article was checked.</p>\n");
    }
    if (sum->n_unread) {
        mtc_buf_printf(&b, "<section class=\"unread\"><h2>%zu input%s not checked</h2>\n<ul>\n",
                       sum->n_unread, sum->n_unread == 1 ? "" : "s");
        for (size_t i = 0; i < sum->n_unread; i++) {
            mtc_buf what = MTC_BUF_INIT;
            mtc_unread_describe(&what, &sum->unread[i]);
            mtc_buf_puts(&b, "<li><code>");
            mtc_escape_html(&b, what.data, what.len);
            mtc_buf_puts(&b, "</code>: ");
            mtc_escape_html(&b, sum->unread[i].reason, strlen(sum->unread[i].reason));
            mtc_buf_puts(&b, "</li>\n");
            mtc_buf_free(&what);
        }
        mtc_buf_puts(&b, "</ul></section>\n");
    }
    mtc_buf_puts(&b, "</main>\n<footer class=\"run\"><p>");
    if (sum->files > 1)
        mtc_buf_printf(&b, "%zu articles \xC2\xB7 %zu fail the gate \xC2\xB7 %zu issues \xC2\xB7 ",
                       sum->files, sum->failed_files, sum->issues);
    mtc_buf_puts(&b, "Checked by mtcheck " MTC_VERSION ". Scores and issues are hints for the "
                     "editor, not verdicts.</p></footer>\n");
    mtc_html_page_tail(&b);
    fwrite(b.data, 1, b.len, st->out);
    mtc_buf_free(&b);
    int rc = ferror(st->out) ? -1 : 0;
    free(st);
    return rc;
}

const mtc_reporter mtc_reporter_html = {"html", html_begin, html_article, html_end, NULL};
