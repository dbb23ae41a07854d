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
} mtc_report_options;

typedef struct mtc_summary {
    size_t files;
    size_t failed_files;
    size_t issues;
    size_t by_severity[4];
    char **categories;      /* owned; parallel to by_category */
    size_t *by_category;
    size_t n_categories;
} mtc_summary;

void mtc_summary_add(mtc_summary *sum, const mtc_result *res);
void mtc_summary_free(mtc_summary *sum);

typedef struct mtc_reporter {
    const char *name;       /* the --format value */
    void *(*begin)(FILE *out, const mtc_report_options *opt);
    void (*article)(void *state, const mtc_result *res);
    /* Writes the tail, frees state; returns 0, or -1 on a write error. */
    int (*end)(void *state, const mtc_summary *sum);
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
