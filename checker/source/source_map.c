/* source_map.c — finds the source file of an article (source_map.h). The
 * list file is read once; articles are compared by real path so "./a.md"
 * and "a.md" are the same article. Owns the map's strings. */
#define _DEFAULT_SOURCE /* realpath */
#include "source_map.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"

static char *join(const char *dir, const char *p)
{
    if (p[0] == '/' || !dir || !*dir)
        return mtc_xstrdup(p);
    size_t n = strlen(dir) + strlen(p) + 2;
    char *r = mtc_xmalloc(n);
    snprintf(r, n, "%s/%s", dir, p);
    return r;
}

static char *real_or_same(const char *p)
{
    char buf[PATH_MAX];
    if (realpath(p, buf))
        return mtc_xstrdup(buf);
    return mtc_xstrdup(p);
}

mtc_status mtc_source_map_load_list(mtc_source_map *map, const char *path, mtc_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        mtc_error_set(err, MTC_ERR_IO, path, -1, -1, "cannot read the source list");
        return MTC_ERR_IO;
    }
    char *dir = mtc_xstrdup(path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    else
        dir[0] = '\0';
    char *line = NULL;
    size_t cap = 0;
    long lineno = 0;
    ssize_t got;
    mtc_status st = MTC_OK;
    size_t cap_items = 0;
    while ((got = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r'))
            line[--got] = '\0';
        if (got == 0 || line[0] == '#')
            continue;
        char *tab = strchr(line, '\t');
        if (!tab || tab == line || tab[1] == '\0' || strchr(tab + 1, '\t')) {
            mtc_error_set(err, MTC_ERR_CONFIG, path, -1, lineno,
                          "expected ARTICLE<TAB>SOURCE");
            st = MTC_ERR_CONFIG;
            break;
        }
        *tab = '\0';
        size_t c1 = cap_items;
        mtc_grow((void **)&map->articles, &c1, map->n + 1, sizeof *map->articles);
        mtc_grow((void **)&map->sources, &cap_items, map->n + 1, sizeof *map->sources);
        char *a = join(dir, line);
        map->articles[map->n] = real_or_same(a);
        free(a);
        map->sources[map->n] = join(dir, tab + 1);
        map->n++;
    }
    free(line);
    free(dir);
    fclose(f);
    map->any = 1;
    return st;
}

void mtc_source_map_set_single(mtc_source_map *map, const char *path)
{
    free(map->single);
    map->single = mtc_xstrdup(path);
    map->any = 1;
}

void mtc_source_map_set_dir(mtc_source_map *map, const char *dir)
{
    free(map->dir);
    map->dir = mtc_xstrdup(dir);
    map->any = 1;
}

/* The part of article below the folder argument it was found in; for an
 * article named directly, its path without the first folder (en/a.md → a.md). */
static const char *below_root(const char *article, char *const *args, size_t n_args)
{
    size_t best = 0;
    for (size_t i = 0; i < n_args; i++) {
        size_t n = strlen(args[i]);
        while (n > 1 && args[i][n - 1] == '/')
            n--;
        struct stat st;
        if (n > best && strncmp(article, args[i], n) == 0 && article[n] == '/' &&
            stat(args[i], &st) == 0 && S_ISDIR(st.st_mode))
            best = n;
    }
    if (best)
        return article + best + 1;
    const char *p = article;
    while (p[0] == '.' && p[1] == '/')
        p += 2;
    const char *slash = strchr(p, '/');
    return slash && p[0] != '/' ? slash + 1 : (strrchr(p, '/') ? strrchr(p, '/') + 1 : p);
}

char *mtc_source_map_find(const mtc_source_map *map, const char *article, char *const *args,
                          size_t n_args, int *optional)
{
    *optional = 0;
    if (map->n) {
        char *real = real_or_same(article);
        for (size_t i = 0; i < map->n; i++)
            if (strcmp(map->articles[i], real) == 0) {
                free(real);
                return mtc_xstrdup(map->sources[i]);
            }
        free(real);
    }
    if (map->single)
        return mtc_xstrdup(map->single);
    if (map->dir) {
        *optional = 1;
        return join(map->dir, below_root(article, args, n_args));
    }
    return NULL;
}

void mtc_source_map_free(mtc_source_map *map)
{
    for (size_t i = 0; i < map->n; i++) {
        free(map->articles[i]);
        free(map->sources[i]);
    }
    free(map->articles);
    free(map->sources);
    free(map->single);
    free(map->dir);
    memset(map, 0, sizeof *map);
}
