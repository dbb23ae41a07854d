/* config.h — the configuration every analyzer and reporter reads: language,
 * dictionaries, rule switches and severity overrides, scoring weights and
 * the gate. Built by the command line (options.c) and the .mtcheck.ini
 * reader; read-only while checking (shared between threads). */
#ifndef MTC_CONFIG_H
#define MTC_CONFIG_H

#include <stddef.h>

#include "mtcheck.h"

/* One --enable/--disable/severity setting. id is a rule id
 * ("spelling.unknown-word"), an analyzer name ("spelling") or a category. */
typedef struct mtc_rule_setting {
    char id[96];
    int enabled;           /* -1 untouched, 0 off, 1 on */
    mtc_severity severity; /* MTC_SEV_DEFAULT = untouched */
} mtc_rule_setting;

struct mtc_config {
    char lang[16];         /* "en_US" (default) or "en_GB" */
    char **dicts;          /* user dictionary files (--dict), owned */
    size_t n_dicts;
    char **dicpaths;       /* extra hunspell search directories, owned */
    size_t n_dicpaths;
    char *env_dicpath;     /* $MTCHECK_DICPATH (colon-separated folders) when the
                            * configuration was made, searched after dicpaths;
                            * owned, NULL when unset: analyzers read no
                            * environment */
    mtc_rule_setting *rules; /* in order; the last matching setting wins */
    size_t n_rules, cap_rules;
    double weights[4];     /* per severity: [0] unused, minor 1, major 5, critical 10 */
    double score_scale;    /* article score = 100 * exp(-penalty_per_100_words / scale); 10 */
    mtc_severity fail_on;  /* MTC_SEV_DEFAULT means "none" */
    int fail_on_none;      /* 1 when the gate on severities is off */
    double min_score;      /* 0 = no score gate */
    int accept_both_variants; /* spelling: accept US and UK spellings */
    char *source_dir;      /* source-dir key: parallel source folder, owned; NULL = none */
    char *source_list;     /* source-list key: ARTICLE<TAB>SOURCE list, owned; NULL = none */
    /* A content repository's own data rules (`rules =` in .mtcheck.ini), run
     * after the registry's analyzers; borrowed: the mtc_ini that read them
     * owns the rule set. NULL when there are none. */
    const struct mtc_analyzer *user_rules;
};

void mtc_config_add_dict(mtc_config *cfg, const char *path);
void mtc_config_add_dicpath(mtc_config *cfg, const char *dir);
void mtc_config_set_rule(mtc_config *cfg, const char *id, int enabled);
void mtc_config_set_severity(mtc_config *cfg, const char *id, mtc_severity sev);

/* Resolves a rule for analyzer `analyzer` with defaults; the most recent
 * setting whose id equals the rule id, the analyzer name or the category
 * wins. */
int mtc_config_rule_enabled(const mtc_config *cfg, const char *rule_id, const char *analyzer,
                            const char *category, int default_enabled);
mtc_severity mtc_config_rule_severity(const mtc_config *cfg, const char *rule_id,
                                      const char *analyzer, const char *category,
                                      mtc_severity default_severity);

#endif
