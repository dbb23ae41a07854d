/* analyzers.c — the analyzer registry: every analyzer, in run order, and
 * rule look-up by id. To add an analyzer: declare its table here and list it
 * in `all`. Owns nothing (the tables are const). */
#include <string.h>

#include "analyzer.h"

extern const mtc_analyzer mtc_analyzer_typography;
extern const mtc_analyzer mtc_analyzer_spelling;
extern const mtc_analyzer mtc_analyzer_quotes;
extern const mtc_analyzer mtc_analyzer_artifacts;
extern const mtc_analyzer mtc_analyzer_grammar;
extern const mtc_analyzer mtc_analyzer_source;

static const mtc_analyzer *const all[] = {
    &mtc_analyzer_typography,
    &mtc_analyzer_spelling,
    &mtc_analyzer_quotes,
    &mtc_analyzer_artifacts,
    &mtc_analyzer_grammar,
    &mtc_analyzer_source,
};

const mtc_analyzer *const *mtc_analyzers(size_t *n)
{
    *n = sizeof all / sizeof all[0];
    return all;
}

const mtc_rule_info *mtc_rule_find(const char *id, const mtc_analyzer **owner)
{
    size_t n;
    const mtc_analyzer *const *as = mtc_analyzers(&n);
    for (size_t i = 0; i < n; i++) {
        for (size_t r = 0; r < as[i]->n_rules; r++) {
            if (strcmp(as[i]->rules[r].id, id) == 0) {
                if (owner)
                    *owner = as[i];
                return &as[i]->rules[r];
            }
        }
    }
    return NULL;
}

int mtc_rule_name_known(const char *name)
{
    if (strcmp(name, "all") == 0)
        return 1;
    size_t n;
    const mtc_analyzer *const *as = mtc_analyzers(&n);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(as[i]->name, name) == 0)
            return 1;
        for (size_t r = 0; r < as[i]->n_rules; r++) {
            const char *id = as[i]->rules[r].id;
            size_t n = strlen(name);
            if (strcmp(id, name) == 0 || strcmp(as[i]->rules[r].category, name) == 0 ||
                (strncmp(id, name, n) == 0 && id[n] == '.')) /* the id's prefix */
                return 1;
        }
    }
    return 0;
}
