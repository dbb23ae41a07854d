/* report_util.h — helpers shared by the CI reporters (SARIF, GitHub,
 * Markdown, rdjsonl, checkstyle, jsonl): repository-relative paths, source
 * positions of an issue, stable fingerprints and escapers of the formats. */
#ifndef MTC_REPORT_UTIL_H
#define MTC_REPORT_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "buffer.h"
#include "checker.h"
#include "report.h"

/* Appends path relative to opt->base_dir when it lies inside it (else as
 * given), with '/' separators and no leading "./". */
void mtc_report_rel_path(mtc_buf *b, const mtc_report_options *opt, const char *path);
/* An unread input for people: its path, or "stdin line N" (with the
 * record's id when it has one). */
void mtc_unread_describe(mtc_buf *b, const mtc_unread *u);

/* Where an issue is in its source file. Lines and columns are 1-based;
 * columns count Unicode characters (col) or UTF-8 bytes (byte_col); the
 * end is the position just after the span. Offsets are the file's bytes
 * (BOM included) and characters. */
typedef struct mtc_issue_pos {
    long line, col, end_line, end_col;
    long byte_col, end_byte_col;
    size_t byte_start, byte_end;
    size_t char_start, char_len;
} mtc_issue_pos;

void mtc_issue_position(const mtc_document *doc, const mtc_issue *is, mtc_issue_pos *pos);

/* Fingerprints of a result's issues (res->n_issues entries, malloc'ed;
 * caller frees): 32 hex digits of a hash of the rule, the issue's text, its
 * sentence's text (case and whitespace folded) and how many identical
 * (rule, text, sentence) triples come before it. Stable under edits
 * elsewhere in the file. */
char (*mtc_issue_fingerprints(const mtc_result *res))[33];

/* GitHub workflow command escaping: data (% CR LF) and property values
 * (also : and ,). */
void mtc_escape_gh_data(mtc_buf *b, const char *s, size_t len);
void mtc_escape_gh_property(mtc_buf *b, const char *s, size_t len);

/* JSON pieces shared by the json and jsonl reporters: a number (integers
 * without decimals, else two decimals) and one issue object (positions in
 * the source, category, rule, severity, message, text, suggestions,
 * sentence index). */
void mtc_json_put_number(mtc_buf *b, double x);
void mtc_json_put_issue(mtc_buf *b, const mtc_document *doc, const mtc_issue *is);
/* The same, with "source": {"file", "byte_start", "byte_end", "text"} for
 * an issue about bytes of the article's source (src may be NULL). */
void mtc_json_put_issue_with_source(mtc_buf *b, const mtc_document *doc, const mtc_document *src,
                                    const mtc_issue *is);
/* The source span's file offsets of an issue (0 when it has none). */
int mtc_issue_source_offsets(const mtc_document *src, const mtc_issue *is, size_t *start,
                             size_t *end);

/* "error" for major and critical, "warning" for minor (SARIF and GitHub). */
const char *mtc_report_level(mtc_severity s);

#endif
