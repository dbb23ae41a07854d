/* report.h — the reporter interface. A reporter streams: begin, then one
 * call per article as soon as it is checked, then end with the run summary.
 * Every reporter writes to a FILE * (tests pass an open_memstream) and
 * every piece of article text goes through the escapers in escape.h. */
#ifndef MTC_REPORT_H
#define MTC_REPORT_H

#include <stdio.h>

#include "checker.h"
#include "config.h"

typedef struct mtc_report_options {
    int color;              /* ANSI colours (text) */
    int show_context;       /* sentence + caret line (text) */
    const mtc_config *cfg;
    const char *base_dir;   /* paths are printed relative to it when set */
    int quiet;              /* text: only articles that fail the gate */
    int width;              /* text: columns for the context line (0 = 80) */
    size_t spill;           /* reports are written in pieces of this many bytes as
                             * they are produced (0: MTC_BUF_SPILL); SIZE_MAX:
                             * each article built in memory, then written */
} mtc_report_options;

/* An input that could not be checked (issue 13): a file that could not be
 * read or decoded, a path that yielded no article, a --stdin-jsonl line
 * that is not a record. Every format names them: a run that skipped an
 * input never looks like a clean pass. */
typedef struct mtc_unread {
    char *path;             /* owned: the file or folder, or the id of a
                             * streamed record; NULL for a record without one */
    long line;              /* the --stdin-jsonl input line; 0 for files */
    int id_is_number;       /* path is a JSON number as written (an id) */
    char *reason;           /* owned */
} mtc_unread;

typedef struct mtc_summary {
    size_t files;
    size_t failed_files;
    size_t issues;
    size_t by_severity[4];
    char **categories;      /* owned; parallel to by_category */
    size_t *by_category;
    size_t n_categories;
    mtc_unread *unread;     /* owned; in input order */
    size_t n_unread;
} mtc_summary;

void mtc_summary_add(mtc_summary *sum, const mtc_result *res);
/* Records an unread input (path may be NULL); returns the entry. */
const mtc_unread *mtc_summary_add_unread(mtc_summary *sum, const char *path, long line,
                                         const char *reason);
void mtc_summary_free(mtc_summary *sum);

typedef struct mtc_reporter {
    const char *name;       /* the --format value */
    void *(*begin)(FILE *out, const mtc_report_options *opt);
    void (*article)(void *state, const mtc_result *res);
    /* Writes the tail, frees state; returns 0, or -1 on a write error. */
    int (*end)(void *state, const mtc_summary *sum);
    /* An input that could not be checked, in input order with the articles
     * (NULL: the reporter lists them from the summary at the end). */
    void (*unread)(void *state, const mtc_unread *u);
} mtc_reporter;

extern const mtc_reporter mtc_reporter_text;
extern const mtc_reporter mtc_reporter_json;
extern const mtc_reporter mtc_reporter_html; /* report_html.c */
/* CI formats (issue 7): report_sarif.c, report_github.c, report_markdown.c,
 * report_rdjsonl.c, report_checkstyle.c, report_jsonl.c. */
extern const mtc_reporter mtc_reporter_sarif;
extern const mtc_reporter mtc_reporter_github;
extern const mtc_reporter mtc_reporter_markdown;
extern const mtc_reporter mtc_reporter_rdjsonl;
extern const mtc_reporter mtc_reporter_checkstyle;
extern const mtc_reporter mtc_reporter_jsonl;

/* By --format name, NULL if unknown. */
const mtc_reporter *mtc_reporter_find(const char *name);
/* Space-separated list of format names (for --help). */
const char *mtc_reporter_names(void);

#endif
