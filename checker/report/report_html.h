/* report_html.h — the pieces of the HTML review report, shared by the
 * single-file reporter (report_html.c, --format html), the batch writer
 * (report_html_batch.c, --html-dir) and the tests. Internal to libmtcheck.
 *
 * Every string that reaches the page goes through mtc_escape_html; the page
 * frame, CSS and JS come from reports/ (embedded at build time) and are
 * allowed by a Content-Security-Policy with their SHA-256 hashes. */
#ifndef MTC_REPORT_HTML_H
#define MTC_REPORT_HTML_H

#include <stddef.h>

#include "buffer.h"
#include "checker.h"
#include "inputs.h"
#include "report.h"
#include "report_html_text.h"

/* The --format html reporter (report_html.c). */
extern const mtc_reporter mtc_reporter_html;

/* The article's title: its first non-blank line (bounded, on a character
 * boundary), else the file name. Returns a malloc'ed string the caller
 * frees; it is raw text (escape it). */
char *mtc_html_title(const mtc_document *doc);

/* The page frame from reports/page.html: everything up to the body, and
 * everything after it. title is raw text. */
void mtc_html_page_head(mtc_buf *b, const char *title);
void mtc_html_page_tail(mtc_buf *b);
/* The Content-Security-Policy of every page (hashes of the inline CSS and
 * JS). Appended raw (it is plain ASCII). */
void mtc_html_csp(mtc_buf *b);

/* One article section: header, score, gate, counts, heat strip, category
 * chart, filters, the highlighted text and the numbered issue list. index
 * makes the ids unique when several articles share a page ("a<index>-");
 * back_href, when not NULL, adds a link back to the batch index. */
void mtc_html_article(mtc_buf *b, const mtc_result *res, const mtc_report_options *opt,
                      size_t index, const char *back_href);

/* A small inline SVG bar of the sentence scores (one cell per sentence),
 * given the bucket of each sentence (0..4) as a string of digits. */
void mtc_html_mini_strip(mtc_buf *b, const char *buckets, size_t n);

/* --html-dir: DIR/index.html ranks the articles worst first and links to one
 * page per article. Pages are written atomically as they come; the index
 * at close. Only small summaries are kept in memory. */
typedef struct mtc_html_dir mtc_html_dir;

/* Creates DIR if needed. inputs: the pages never replace an input. */
mtc_status mtc_html_dir_open(const char *dir, const mtc_input_list *inputs,
                             const mtc_report_options *opt, mtc_html_dir **out, mtc_error *err);
mtc_status mtc_html_dir_article(mtc_html_dir *hd, const mtc_result *res, mtc_error *err);
/* Writes DIR/index.html. Does not free hd. */
mtc_status mtc_html_dir_finish(mtc_html_dir *hd, mtc_error *err);
void mtc_html_dir_free(mtc_html_dir *hd);

/* The page file name of the index-th article (0-based) from its path:
 * "NNN-" + the file name without extension reduced to [A-Za-z0-9_-],
 * bounded, + ".html". Never contains '/', never starts with '.', unique per
 * index. Returns a malloc'ed string. */
char *mtc_html_page_name(const char *path, size_t index);

#endif
