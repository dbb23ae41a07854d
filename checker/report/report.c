/* report.c — the reporter registry (--format names) and the run summary
 * shared by every reporter. The summary owns its category names. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"

static const mtc_reporter *const reporters[] = {
    &mtc_reporter_text,
    &mtc_reporter_json,
    &mtc_reporter_html,
    &mtc_reporter_jsonl,
    &mtc_reporter_sarif,
    &mtc_reporter_github,
    &mtc_reporter_markdown,
    &mtc_reporter_rdjsonl,
    &mtc_reporter_checkstyle,
};

const mtc_reporter *mtc_reporter_find(const char *name)
{
    for (size_t i = 0; i < sizeof reporters / sizeof reporters[0]; i++)
        if (strcmp(reporters[i]->name, name) == 0)
            return reporters[i];
    return NULL;
}

const char *mtc_reporter_names(void)
{
    return "text json html jsonl sarif github markdown rdjsonl checkstyle";
}

void mtc_summary_add(mtc_summary *sum, const mtc_result *res)
{
    sum->files++;
    if (res->failed)
        sum->failed_files++;
    sum->issues += res->n_issues;
    for (int s = 0; s < 4; s++)
        sum->by_severity[s] += res->by_severity[s];
    for (size_t i = 0; i < res->n_issues; i++) {
        const char *cat = res->issues[i].category;
        size_t c = 0;
        while (c < sum->n_categories && strcmp(sum->categories[c], cat) != 0)
            c++;
        if (c == sum->n_categories) {
            sum->categories = mtc_xrealloc(sum->categories, (c + 1) * sizeof *sum->categories);
            sum->by_category = mtc_xrealloc(sum->by_category, (c + 1) * sizeof *sum->by_category);
            sum->categories[c] = mtc_xstrdup(cat);
            sum->by_category[c] = 0;
            sum->n_categories++;
        }
        sum->by_category[c]++;
    }
}

const mtc_unread *mtc_summary_add_unread(mtc_summary *sum, const char *path, long line,
                                         const char *reason)
{
    sum->unread = mtc_xrealloc(sum->unread, (sum->n_unread + 1) * sizeof *sum->unread);
    mtc_unread *u = &sum->unread[sum->n_unread++];
    u->path = path ? mtc_xstrdup(path) : NULL;
    u->line = line;
    u->reason = mtc_xstrdup(reason ? reason : "");
    return u;
}

void mtc_summary_free(mtc_summary *sum)
{
    for (size_t i = 0; i < sum->n_unread; i++) {
        free(sum->unread[i].path);
        free(sum->unread[i].reason);
    }
    free(sum->unread);
    for (size_t i = 0; i < sum->n_categories; i++)
        free(sum->categories[i]);
    free(sum->categories);
    free(sum->by_category);
    memset(sum, 0, sizeof *sum);
}
