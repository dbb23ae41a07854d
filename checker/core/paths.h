/* paths.h — the one "find it in this folder or a parent" search of the
 * project: the nearest .mtcheck.ini (config_ini.c), the repository root
 * (.git, for report paths and the repository word list). */
#ifndef MTC_PATHS_H
#define MTC_PATHS_H

typedef enum mtc_find_kind {
    MTC_FIND_FILE = 0, /* a regular file (after symbolic links) */
    MTC_FIND_ANY       /* any entry: .git is a folder, or a file in a worktree */
} mtc_find_kind;

/* Searches start (a folder; made absolute and resolved with realpath) and
 * every folder above it, up to and including "/", for an entry called name
 * of the given kind. Returns the malloc'ed absolute path of the folder that
 * holds it (the caller frees), or NULL when no folder does or start cannot
 * be resolved. */
char *mtc_find_upward(const char *start, const char *name, mtc_find_kind kind);

#endif
