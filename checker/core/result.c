/* result.c — the result of checking one article (result.h): frees it and
 * answers the public accessors of mtcheck.h, so a caller needs no struct
 * layout. Owns nothing beyond the result. */
#include "result.h"

#include <stdlib.h>
#include <string.h>

void mtc_issue_clear(mtc_issue *is)
{
    free(is->message);
    for (size_t i = 0; i < is->n_suggestions; i++)
        free(is->suggestions[i]);
    memset(is, 0, sizeof *is);
}

void mtc_result_free(mtc_result *res)
{
    if (!res)
        return;
    for (size_t i = 0; i < res->n_issues; i++)
        mtc_issue_clear(&res->issues[i]);
    free(res->issues);
    free(res->sentence_penalty);
    free(res->sentence_score);
    free(res);
}

const mtc_document *mtc_result_document(const mtc_result *res)
{
    return res->doc;
}

size_t mtc_result_issue_count(const mtc_result *res)
{
    return res->n_issues;
}

double mtc_result_score(const mtc_result *res)
{
    return res->score;
}

int mtc_result_failed(const mtc_result *res)
{
    return res->failed;
}
