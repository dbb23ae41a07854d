/* source_map.h — which file is the source of an article (source_map.c):
 * one file for the one article checked (--source), a list of
 * ARTICLE<TAB>SOURCE lines (--source-list, paths relative to the list
 * file), or a parallel folder (--source-dir: the source of en/a/b.md is
 * DIR/a/b.md, the article's path taken below the folder argument it was
 * found in). */
#ifndef MTC_SOURCE_MAP_H
#define MTC_SOURCE_MAP_H

#include <stddef.h>

#include "mtcheck.h"

typedef struct mtc_source_map {
    char *single;      /* --source FILE, owned; NULL = none */
    char *dir;         /* --source-dir DIR, owned; NULL = none */
    char **articles;   /* --source-list: the articles' real paths (or the
                        * joined path when it does not exist), owned */
    char **sources;    /* their sources, joined with the list's folder, owned */
    size_t n;
    int any;           /* 1 when some way to find sources is set */
} mtc_source_map;

/* Reads an ARTICLE<TAB>SOURCE list into map (blank lines and lines opening
 * with '#' skipped). A bad line: MTC_ERR_CONFIG naming the file and line. */
mtc_status mtc_source_map_load_list(mtc_source_map *map, const char *path, mtc_error *err);
void mtc_source_map_set_single(mtc_source_map *map, const char *path);
void mtc_source_map_set_dir(mtc_source_map *map, const char *dir);
/* The source path of article (malloc'ed), or NULL when the map has none
 * for it. args are the command-line paths (for --source-dir). *optional
 * is 1 when the path comes from the folder (a content repository may not
 * have translated every article: a missing file is a note, not an error). */
char *mtc_source_map_find(const mtc_source_map *map, const char *article, char *const *args,
                          size_t n_args, int *optional);
void mtc_source_map_free(mtc_source_map *map);

#endif
