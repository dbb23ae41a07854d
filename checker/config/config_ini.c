/* config_ini.c — reads .mtcheck.ini (inih) into an mtc_config plus
 * include/exclude globs, finds the file nearest to each checked article and
 * keeps the run's set of configurations. Keys (section [mtcheck] or none):
 * lang, dict, dicpath, enable, disable, fail-on, min-score,
 * accept-both-variants, include, exclude, rules (rule files, ruleset.h);
 * section [severity]: RULE = LEVEL.
 * Owns the configurations, paths and globs it holds. */
#define _DEFAULT_SOURCE /* realpath */
#include "config_ini.h"

#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ini.h>

#include "alloc.h"
#include "analyzer.h"
#include "ruleset.h"
#include "paths.h"

typedef struct mtc_dir_cache {
    char *raw; /* the folder as the article's path writes it ("": none) */
    char *dir; /* the folder resolved (dir_of), or "." */
    size_t index;
} mtc_dir_cache;

mtc_ini *mtc_ini_new(void)
{
    mtc_ini *ini = mtc_xcalloc(1, sizeof *ini);
    ini->cfg = mtc_config_new();
    return ini;
}

static void free_strings(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

void mtc_ini_free(mtc_ini *ini)
{
    if (!ini)
        return;
    free(ini->path);
    free(ini->dir);
    mtc_config_free(ini->cfg);
    free_strings(ini->include, ini->n_include);
    free_strings(ini->exclude, ini->n_exclude);
    mtc_ruleset_free(ini->rules);
    free(ini);
}

static void push(char ***v, size_t *n, const char *s)
{
    *v = mtc_xrealloc(*v, (*n + 1) * sizeof **v);
    (*v)[(*n)++] = mtc_xstrdup(s);
}

/* Parser state passed through inih. */
typedef struct ini_ctx {
    mtc_ini *ini;
    char msg[512];  /* first error's message ("" = syntax error) */
    int failed;
    mtc_error rule_err; /* a rule file's own error (file and line) */
    int rule_failed;
} ini_ctx;

static int fail(ini_ctx *c, const char *fmt, const char *a, const char *b)
{
    if (!c->failed)
        snprintf(c->msg, sizeof c->msg, fmt, a, b);
    c->failed = 1;
    return 0;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    return s;
}

/* Calls fn for each comma-separated item of value; stops at the first 0. */
static int each_item(ini_ctx *c, const char *name, const char *value,
                     int (*fn)(ini_ctx *, const char *, const char *))
{
    char *copy = mtc_xstrdup(value);
    int ok = 1;
    for (char *save = NULL, *tok = strtok_r(copy, ",", &save); tok && ok;
         tok = strtok_r(NULL, ",", &save)) {
        char *t = trim(tok);
        if (*t)
            ok = fn(c, name, t);
    }
    free(copy);
    return ok;
}

static int parse_bool(const char *v, int *out)
{
    if (!strcmp(v, "true") || !strcmp(v, "yes") || !strcmp(v, "on") || !strcmp(v, "1"))
        *out = 1;
    else if (!strcmp(v, "false") || !strcmp(v, "no") || !strcmp(v, "off") || !strcmp(v, "0"))
        *out = 0;
    else
        return -1;
    return 0;
}

/* A path from the file, relative to the file's folder. */
static char *resolve(const mtc_ini *ini, const char *p)
{
    if (p[0] == '/' || !ini->dir)
        return mtc_xstrdup(p);
    size_t n = strlen(ini->dir) + strlen(p) + 2;
    char *r = mtc_xmalloc(n);
    snprintf(r, n, "%s/%s", ini->dir, p);
    return r;
}

/* A rule id, analyzer, category or group, bundled or from `rules =` (which
 * comes first). */
static int name_known(const ini_ctx *c, const char *name)
{
    return mtc_rule_name_known(name) || mtc_ruleset_name_known(c->ini->rules, name);
}

static int item_rule(ini_ctx *c, const char *name, const char *id)
{
    if (!name_known(c, id))
        return fail(c, "%s: unknown rule, analyzer or category '%s'", name, id);
    mtc_config_set_rule(c->ini->cfg, id, strcmp(name, "enable") == 0);
    return 1;
}

static int item_dict(ini_ctx *c, const char *name, const char *p)
{
    char *r = resolve(c->ini, p);
    if (strcmp(name, "dict") == 0)
        mtc_config_add_dict(c->ini->cfg, r);
    else
        mtc_config_add_dicpath(c->ini->cfg, r);
    free(r);
    return 1;
}

static int item_rules_file(ini_ctx *c, const char *name, const char *p)
{
    (void)name;
    if (!c->ini->rules)
        c->ini->rules = mtc_ruleset_new(mtc_rule_name_known);
    char *r = resolve(c->ini, p);
    mtc_status st = mtc_ruleset_add_file(c->ini->rules, r, &c->rule_err);
    free(r);
    if (st != MTC_OK) {
        c->rule_failed = !c->failed;
        c->failed = 1;
        return 0;
    }
    for (size_t i = 0; i < mtc_ruleset_count(c->ini->rules); i++)
        if (mtc_rule_find(mtc_ruleset_rules(c->ini->rules)[i].id, NULL))
            return fail(c, "rules: '%s' is a bundled rule's id%s",
                        mtc_ruleset_rules(c->ini->rules)[i].id, "");
    c->ini->cfg->user_rules = mtc_ruleset_analyzer(c->ini->rules);
    return 1;
}

static int item_glob(ini_ctx *c, const char *name, const char *g)
{
    if (strcmp(name, "include") == 0)
        push(&c->ini->include, &c->ini->n_include, g);
    else
        push(&c->ini->exclude, &c->ini->n_exclude, g);
    return 1;
}

static int on_main_key(ini_ctx *c, const char *name, const char *value)
{
    mtc_config *cfg = c->ini->cfg;
    if (strcmp(name, "lang") == 0) {
        if (strcmp(value, "en_US") != 0 && strcmp(value, "en_GB") != 0)
            return fail(c, "%s: unsupported language '%s' (en_US or en_GB)", name, value);
        snprintf(cfg->lang, sizeof cfg->lang, "%s", value);
    } else if (strcmp(name, "dict") == 0 || strcmp(name, "dicpath") == 0) {
        return each_item(c, name, value, item_dict);
    } else if (strcmp(name, "enable") == 0 || strcmp(name, "disable") == 0) {
        return each_item(c, name, value, item_rule);
    } else if (strcmp(name, "rules") == 0) {
        return each_item(c, name, value, item_rules_file);
    } else if (strcmp(name, "include") == 0 || strcmp(name, "exclude") == 0) {
        return each_item(c, name, value, item_glob);
    } else if (strcmp(name, "fail-on") == 0) {
        mtc_severity sev;
        if (strcmp(value, "none") == 0) {
            cfg->fail_on_none = 1;
        } else if (mtc_severity_parse(value, &sev) == 0) {
            cfg->fail_on = sev;
            cfg->fail_on_none = 0;
        } else {
            return fail(c, "%s: takes none, minor, major or critical, not '%s'", name, value);
        }
    } else if (strcmp(name, "min-score") == 0) {
        char *end;
        double v = strtod(value, &end);
        if (end == value || *end || v < 0 || v > 100)
            return fail(c, "%s: takes a number from 0 to 100, not '%s'", name, value);
        cfg->min_score = v;
    } else if (strcmp(name, "source-dir") == 0 || strcmp(name, "source-list") == 0) {
        /* where the articles' sources are, relative to this file */
        char **slot = name[7] == 'd' ? &cfg->source_dir : &cfg->source_list;
        free(*slot);
        *slot = resolve(c->ini, value);
    } else if (strcmp(name, "accept-both-variants") == 0) {
        int b;
        if (parse_bool(value, &b) != 0)
            return fail(c, "%s: takes true or false, not '%s'", name, value);
        cfg->accept_both_variants = b;
    } else {
        return fail(c, "unknown key '%s'%s", name, "");
    }
    return 1;
}

static int on_key(void *user, const char *section, const char *name, const char *value)
{
    ini_ctx *c = user;
    if (section[0] == '\0' || strcmp(section, "mtcheck") == 0)
        return on_main_key(c, name, value);
    if (strcmp(section, "severity") == 0) {
        mtc_severity sev;
        if (!name_known(c, name))
            return fail(c, "[severity]: unknown rule, analyzer or category '%s'%s", name, "");
        if (mtc_severity_parse(value, &sev) != 0)
            return fail(c, "[severity] %s: takes minor, major or critical, not '%s'", name, value);
        mtc_config_set_severity(c->ini->cfg, name, sev);
        return 1;
    }
    return fail(c, "unknown section [%s]%s", section, "");
}

static char *dir_of(const char *path)
{
    char *copy = mtc_xstrdup(path);
    char *slash = strrchr(copy, '/');
    if (!slash) {
        free(copy);
        copy = mtc_xstrdup(".");
    } else if (slash == copy) {
        copy[1] = '\0';
    } else {
        *slash = '\0';
    }
    char buf[PATH_MAX];
    if (realpath(copy, buf)) {
        free(copy);
        return mtc_xstrdup(buf);
    }
    return copy;
}

/* libinih's line buffer (INI_MAX_LINE in <ini.h>, 200 in Debian's build):
 * a line, its newline and the NUL must fit. */
#define MTC_INI_MAX_LINE 200

mtc_status mtc_ini_parse_string(mtc_ini *ini, const char *text, const char *path, mtc_error *err)
{
    if (path && !ini->path) {
        ini->path = mtc_xstrdup(path);
        ini->dir = dir_of(path);
    }
    /* libinih (as Debian builds it) reads lines into a 200-byte buffer and
     * parses the rest of a longer line as a new line: a comment could hide
     * "disable = all". Longer lines are an error, never split. */
    long lineno = 1;
    for (const char *p = text, *start = text;; p++) {
        if (*p == '\n' || *p == '\0') {
            if ((size_t)(p - start) >= MTC_INI_MAX_LINE - 1) {
                mtc_error_set(err, MTC_ERR_CONFIG, path ? path : MTC_CONFIG_FILE_NAME, -1, lineno,
                              "line is %zu bytes long; the limit is %d (split the list over "
                              "several keys)",
                              (size_t)(p - start), MTC_INI_MAX_LINE - 2);
                return MTC_ERR_CONFIG;
            }
            if (*p == '\0')
                break;
            lineno++;
            start = p + 1;
        }
    }
    ini_ctx c;
    memset(&c, 0, sizeof c);
    c.ini = ini;
    int line = ini_parse_string(text, on_key, &c);
    if (c.rule_failed) {
        *err = c.rule_err;
        return MTC_ERR_CONFIG;
    }
    if (line != 0) {
        mtc_error_set(err, MTC_ERR_CONFIG, path ? path : MTC_CONFIG_FILE_NAME, -1, line > 0 ? line : -1,
                      "%s", c.failed ? c.msg : "syntax error (expected [section] or key = value)");
        return MTC_ERR_CONFIG;
    }
    return MTC_OK;
}

mtc_status mtc_ini_load(const char *path, mtc_ini **out, mtc_error *err)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        mtc_error_set(err, MTC_ERR_CONFIG, path, -1, -1, "cannot open: %s", strerror(errno));
        return MTC_ERR_CONFIG;
    }
    size_t cap = 4096, n = 0, r;
    char *buf = mtc_xmalloc(cap);
    while ((r = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += r;
        if (cap - n < 2)
            mtc_grow((void **)&buf, &cap, cap * 2, 1);
    }
    int bad = ferror(f);
    fclose(f);
    buf[n] = '\0';
    if (bad || strlen(buf) != n) {
        mtc_error_set(err, MTC_ERR_CONFIG, path, -1, -1,
                      bad ? "cannot read the file" : "NUL byte in the file");
        free(buf);
        return MTC_ERR_CONFIG;
    }
    mtc_ini *ini = mtc_ini_new();
    mtc_status st = mtc_ini_parse_string(ini, buf, path, err);
    free(buf);
    if (st != MTC_OK) {
        mtc_ini_free(ini);
        return st;
    }
    *out = ini;
    return MTC_OK;
}

static int glob_match(const char *glob, const char *rel)
{
    if (fnmatch(glob, rel, 0) == 0)
        return 1;
    if (!strchr(glob, '/')) {
        const char *base = strrchr(rel, '/');
        return fnmatch(glob, base ? base + 1 : rel, 0) == 0;
    }
    /* "dir/" or "dir" style prefixes: drafts/ excludes everything under it */
    size_t g = strlen(glob);
    if (g > 0 && glob[g - 1] == '/' && strncmp(rel, glob, g) == 0)
        return 1;
    return 0;
}

int mtc_ini_selects(const mtc_ini *ini, const char *path)
{
    if (!ini || (ini->n_include == 0 && ini->n_exclude == 0))
        return 1;
    char buf[PATH_MAX];
    const char *rel = path;
    if (ini->dir && realpath(path, buf)) {
        size_t d = strlen(ini->dir);
        rel = buf;
        if (strncmp(buf, ini->dir, d) == 0 && (buf[d] == '/' || ini->dir[d - 1] == '/'))
            rel = buf + d + (buf[d] == '/');
    } else if (rel[0] == '.' && rel[1] == '/') {
        rel += 2;
    }
    int in = ini->n_include == 0;
    for (size_t i = 0; i < ini->n_include && !in; i++)
        in = glob_match(ini->include[i], rel);
    for (size_t i = 0; i < ini->n_exclude && in; i++)
        if (glob_match(ini->exclude[i], rel))
            in = 0;
    return in;
}

char *mtc_config_find(const char *dir)
{
    char *folder = mtc_find_upward(dir, MTC_CONFIG_FILE_NAME, MTC_FIND_FILE);
    if (!folder)
        return NULL;
    size_t n = strlen(folder);
    char *path = mtc_xmalloc(n + sizeof MTC_CONFIG_FILE_NAME + 1);
    sprintf(path, "%s%s%s", folder, n && folder[n - 1] == '/' ? "" : "/", MTC_CONFIG_FILE_NAME);
    free(folder);
    return path;
}

static size_t add_ini(mtc_config_set *set, mtc_ini *ini)
{
    if (set->override)
        set->override(set->override_ctx, ini->cfg);
    set->inis = mtc_xrealloc(set->inis, (set->n + 1) * sizeof *set->inis);
    set->inis[set->n] = ini;
    return set->n++;
}

mtc_status mtc_config_set_init(mtc_config_set *set, const char *explicit_path, int search,
                               mtc_config_override_fn override, void *ctx, mtc_error *err)
{
    memset(set, 0, sizeof *set);
    set->override = override;
    set->override_ctx = ctx;
    set->search = search && !explicit_path;
    if (explicit_path) {
        mtc_ini *ini = NULL;
        mtc_status st = mtc_ini_load(explicit_path, &ini, err);
        if (st != MTC_OK)
            return st;
        add_ini(set, ini);
    } else {
        add_ini(set, mtc_ini_new());
    }
    return MTC_OK;
}

mtc_status mtc_config_set_for(mtc_config_set *set, const char *path, size_t *index,
                              mtc_error *err)
{
    *index = 0;
    if (!set->search)
        return MTC_OK;
    struct stat st;
    int here = strcmp(path, "-") == 0 || stat(path, &st) != 0;
    /* the folder as written: the next file of a folder met before is not
     * resolved again (realpath costs a system call per path component) */
    const char *slash = here ? NULL : strrchr(path, '/');
    char *raw = here ? mtc_xstrdup("")
                : !slash ? mtc_xstrdup(".")
                         : mtc_xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
    for (size_t i = 0; i < set->n_cache; i++)
        if (strcmp(set->cache[i].raw, raw) == 0) {
            *index = set->cache[i].index;
            free(raw);
            return MTC_OK;
        }
    char *dir = here ? mtc_xstrdup(".") : dir_of(path);
    for (size_t i = 0; i < set->n_cache; i++)
        if (strcmp(set->cache[i].dir, dir) == 0) {
            *index = set->cache[i].index;
            mtc_grow((void **)&set->cache, &set->cap_cache, set->n_cache + 1,
                     sizeof *set->cache);
            set->cache[set->n_cache].raw = raw;
            set->cache[set->n_cache].dir = dir;
            set->cache[set->n_cache].index = *index;
            set->n_cache++;
            return MTC_OK;
        }
    char *found = mtc_config_find(dir);
    size_t idx = 0;
    mtc_status rc = MTC_OK;
    if (found) {
        for (idx = 1; idx < set->n; idx++)
            if (strcmp(set->inis[idx]->path, found) == 0)
                break;
        if (idx == set->n) {
            mtc_ini *ini = NULL;
            rc = mtc_ini_load(found, &ini, err);
            idx = rc == MTC_OK ? add_ini(set, ini) : 0;
        }
        free(found);
    }
    if (rc != MTC_OK) {
        free(raw);
        free(dir);
        return rc;
    }
    mtc_grow((void **)&set->cache, &set->cap_cache, set->n_cache + 1, sizeof *set->cache);
    set->cache[set->n_cache].raw = raw;
    set->cache[set->n_cache].dir = dir;
    set->cache[set->n_cache].index = idx;
    set->n_cache++;
    *index = idx;
    return MTC_OK;
}

void mtc_config_set_free(mtc_config_set *set)
{
    for (size_t i = 0; i < set->n; i++)
        mtc_ini_free(set->inis[i]);
    free(set->inis);
    for (size_t i = 0; i < set->n_cache; i++) {
        free(set->cache[i].raw);
        free(set->cache[i].dir);
    }
    free(set->cache);
    memset(set, 0, sizeof *set);
}
