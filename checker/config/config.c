/* config.c — the configuration object (config.h): defaults (with the
 * dictionary search path of the environment, $MTCHECK_DICPATH), user
 * dictionaries, rule switches and severity overrides. Owns its strings. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"

mtc_config *mtc_config_new(void)
{
    mtc_config *cfg = mtc_xcalloc(1, sizeof *cfg);
    strcpy(cfg->lang, "en_US");
    cfg->weights[MTC_SEV_MINOR] = 1;
    cfg->weights[MTC_SEV_MAJOR] = 5;
    cfg->weights[MTC_SEV_CRITICAL] = 10;
    cfg->score_scale = 10;
    cfg->fail_on = MTC_SEV_MAJOR;
    cfg->fail_on_none = 0;
    cfg->min_score = 0;
    const char *env = getenv("MTCHECK_DICPATH");
    cfg->env_dicpath = env ? mtc_xstrdup(env) : NULL;
    return cfg;
}

static void free_strings(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

void mtc_config_free(mtc_config *cfg)
{
    if (!cfg)
        return;
    free_strings(cfg->dicts, cfg->n_dicts);
    free_strings(cfg->dicpaths, cfg->n_dicpaths);
    free(cfg->rules);
    free(cfg->env_dicpath);
    free(cfg->source_dir);
    free(cfg->source_list);
    free(cfg);
}

static void push_string(char ***v, size_t *n, const char *s)
{
    *v = mtc_xrealloc(*v, (*n + 1) * sizeof **v);
    (*v)[(*n)++] = mtc_xstrdup(s);
}

void mtc_config_add_dict(mtc_config *cfg, const char *path)
{
    push_string(&cfg->dicts, &cfg->n_dicts, path);
}

void mtc_config_add_dicpath(mtc_config *cfg, const char *dir)
{
    push_string(&cfg->dicpaths, &cfg->n_dicpaths, dir);
}

static mtc_rule_setting *new_setting(mtc_config *cfg, const char *id)
{
    mtc_grow((void **)&cfg->rules, &cfg->cap_rules, cfg->n_rules + 1, sizeof *cfg->rules);
    mtc_rule_setting *s = &cfg->rules[cfg->n_rules++];
    memset(s, 0, sizeof *s);
    snprintf(s->id, sizeof s->id, "%s", id);
    s->enabled = -1;
    s->severity = MTC_SEV_DEFAULT;
    return s;
}

void mtc_config_set_rule(mtc_config *cfg, const char *id, int enabled)
{
    new_setting(cfg, id)->enabled = enabled ? 1 : 0;
}

void mtc_config_set_severity(mtc_config *cfg, const char *id, mtc_severity sev)
{
    new_setting(cfg, id)->severity = sev;
}

/* 1 if the id before a rule id's first '.' is name ("brackets" for
 * "brackets.unbalanced"): every prefix is a group of its own. */
static int is_prefix_group(const char *name, const char *rule_id)
{
    size_t n = strlen(name);
    return strncmp(rule_id, name, n) == 0 && rule_id[n] == '.';
}

static int matches(const mtc_rule_setting *s, const char *rule_id, const char *analyzer,
                   const char *category)
{
    return strcmp(s->id, "all") == 0 || strcmp(s->id, rule_id) == 0 ||
           is_prefix_group(s->id, rule_id) ||
           (analyzer && strcmp(s->id, analyzer) == 0) ||
           (category && strcmp(s->id, category) == 0);
}

int mtc_config_rule_enabled(const mtc_config *cfg, const char *rule_id, const char *analyzer,
                            const char *category, int default_enabled)
{
    for (size_t i = cfg->n_rules; i-- > 0;) {
        const mtc_rule_setting *s = &cfg->rules[i];
        if (s->enabled >= 0 && matches(s, rule_id, analyzer, category))
            return s->enabled;
    }
    return default_enabled;
}

mtc_severity mtc_config_rule_severity(const mtc_config *cfg, const char *rule_id,
                                      const char *analyzer, const char *category,
                                      mtc_severity default_severity)
{
    for (size_t i = cfg->n_rules; i-- > 0;) {
        const mtc_rule_setting *s = &cfg->rules[i];
        if (s->severity != MTC_SEV_DEFAULT && matches(s, rule_id, analyzer, category))
            return s->severity;
    }
    return default_severity;
}
