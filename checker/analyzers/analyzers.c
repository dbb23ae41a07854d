/* analyzers.c — the analyzer registry: every analyzer, in run order, and
 * rule look-up by id. To add an analyzer: declare its table here and list it
 * in `coded`. The data rules of dictionaries/rules/ (ruleset.h) are the last
 * analyzer, "rules": read from the embedded files once, on first use
 * (pthread_once), and read-only afterwards, so threads share them. The
 * registry owns that rule set for the life of the process. */
#include <pthread.h>
#include <string.h>

#include "analyzer.h"
#include "ruleset.h"

extern const mtc_analyzer mtc_analyzer_typography;
extern const mtc_analyzer mtc_analyzer_spelling;
extern const mtc_analyzer mtc_analyzer_quotes;
extern const mtc_analyzer mtc_analyzer_artifacts;
extern const mtc_analyzer mtc_analyzer_grammar;
extern const mtc_analyzer mtc_analyzer_agreement;
extern const mtc_analyzer mtc_analyzer_source;

static const mtc_analyzer *const coded[] = {
    &mtc_analyzer_typography,
    &mtc_analyzer_spelling,
    &mtc_analyzer_quotes,
    &mtc_analyzer_artifacts,
    &mtc_analyzer_grammar,
    &mtc_analyzer_agreement,
    &mtc_analyzer_source,
};

#define N_CODED (sizeof coded / sizeof coded[0])

static struct registry {
    const mtc_analyzer *all[N_CODED + 1];
    size_t n;
    mtc_ruleset *bundled;
    mtc_status status;
    mtc_error err;
} registry;
static pthread_once_t registry_once = PTHREAD_ONCE_INIT;

/* A data rule's id prefix may be a coded analyzer's name, rule id prefix or
 * category. */
static int coded_name_known(const char *name)
{
    size_t len = strlen(name);
    for (size_t i = 0; i < N_CODED; i++) {
        if (strcmp(coded[i]->name, name) == 0)
            return 1;
        for (size_t r = 0; r < coded[i]->n_rules; r++) {
            const char *id = coded[i]->rules[r].id;
            if (strcmp(coded[i]->rules[r].category, name) == 0 ||
                (strncmp(id, name, len) == 0 && id[len] == '.'))
                return 1;
        }
    }
    return 0;
}

static void registry_init(void)
{
    for (size_t i = 0; i < N_CODED; i++)
        registry.all[registry.n++] = coded[i];
    registry.bundled = mtc_ruleset_new(coded_name_known);
    registry.status = mtc_ruleset_add_bundled(registry.bundled, &registry.err);
    if (registry.status != MTC_OK) {
        mtc_ruleset_free(registry.bundled);
        registry.bundled = mtc_ruleset_new(coded_name_known);
    }
    mtc_ruleset_memoise(registry.bundled); /* complete: read-only from here */
    registry.all[registry.n++] = mtc_ruleset_analyzer(registry.bundled);
}

const mtc_analyzer *const *mtc_analyzers(size_t *n)
{
    pthread_once(&registry_once, registry_init);
    *n = registry.n;
    return registry.all;
}

mtc_status mtc_analyzers_status(mtc_error *err)
{
    pthread_once(&registry_once, registry_init);
    if (registry.status != MTC_OK && err)
        *err = registry.err;
    return registry.status;
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

int mtc_rule_at(size_t i, mtc_rule_desc *out)
{
    size_t n;
    const mtc_analyzer *const *as = mtc_analyzers(&n);
    for (size_t a = 0; a < n; a++) {
        if (i < as[a]->n_rules) {
            const mtc_rule_info *ri = &as[a]->rules[i];
            out->id = ri->id;
            out->category = ri->category;
            out->severity = ri->severity;
            out->enabled = ri->enabled;
            out->description = ri->description;
            return 1;
        }
        i -= as[a]->n_rules;
    }
    return 0;
}
