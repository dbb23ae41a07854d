/* config_ini.h — .mtcheck.ini: the project configuration file (INI, read
 * with inih), found in a checked file's folder or the nearest parent, and
 * the set of configurations a run uses (one per .mtcheck.ini found). */
#ifndef MTC_CONFIG_INI_H
#define MTC_CONFIG_INI_H

#include <stddef.h>

#include "config.h"
#include "mtcheck.h"

#define MTC_CONFIG_FILE_NAME ".mtcheck.ini"

/* One configuration file, parsed. */
typedef struct mtc_ini {
    char *path;          /* the file as found (NULL: no file, defaults only); owned */
    char *dir;           /* absolute folder of the file (globs are relative to it); owned */
    mtc_config *cfg;     /* defaults, then the file, then the command line; owned */
    char **include;      /* globs; empty = every article; owned */
    size_t n_include;
    char **exclude;      /* globs; owned */
    size_t n_exclude;
    struct mtc_ruleset *rules; /* the `rules =` files' rules (cfg->user_rules runs
                                * them), NULL when none; owned */
} mtc_ini;

/* Parses the INI text (NUL-terminated) into ini->cfg and its globs. path
 * names the file in messages and its folder resolves relative dictionary
 * paths. Unknown sections, keys and bad values are MTC_ERR_CONFIG errors
 * with the file and line; a bad rule file (`rules =`) is one with the rule
 * file and its line. */
mtc_status mtc_ini_parse_string(mtc_ini *ini, const char *text, const char *path, mtc_error *err);
/* Reads and parses a file into a new mtc_ini (freed with mtc_ini_free). */
mtc_status mtc_ini_load(const char *path, mtc_ini **out, mtc_error *err);
mtc_ini *mtc_ini_new(void);
void mtc_ini_free(mtc_ini *ini);
/* 1 when path (a file) passes the include/exclude globs. Globs are matched
 * (fnmatch, '*' also crosses '/') against the path relative to ini->dir;
 * a glob without '/' also matches the file name alone. */
int mtc_ini_selects(const mtc_ini *ini, const char *path);

/* Applies the command line's settings on top of a configuration. */
typedef void (*mtc_config_override_fn)(void *ctx, mtc_config *cfg);

/* The configurations of one run. Index 0 is "no file" (defaults and the
 * command line); each .mtcheck.ini found adds one. */
typedef struct mtc_config_set {
    mtc_ini **inis;      /* owned */
    size_t n;
    int search;          /* look for .mtcheck.ini near each file */
    mtc_config_override_fn override;
    void *override_ctx;
    struct mtc_dir_cache *cache; /* folder → index; owned */
    size_t n_cache, cap_cache;
} mtc_config_set;

/* explicit_path: --config FILE (used for every file, no search); search: 0
 * for --no-config. The override is applied to every configuration. */
mtc_status mtc_config_set_init(mtc_config_set *set, const char *explicit_path, int search,
                               mtc_config_override_fn override, void *ctx, mtc_error *err);
/* The configuration for an article at path ("-" and ids: the current
 * folder's). *index is its position in set->inis. */
mtc_status mtc_config_set_for(mtc_config_set *set, const char *path, size_t *index,
                              mtc_error *err);
void mtc_config_set_free(mtc_config_set *set);

/* Searches dir and its parents for .mtcheck.ini; returns a malloc'ed path
 * or NULL. */
char *mtc_config_find(const char *dir);

#endif
