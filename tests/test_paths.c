/* test_paths.c — the one upward search (core/paths.c) and the core's
 * once-loaded word lists (segment.c, quotemap.c: their load status). */
#define _DEFAULT_SOURCE /* realpath */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "clitest.h"
#include "config_ini.h"
#include "paths.h"
#include "quotemap.h"
#include "segment.h"

static char *join(const char *a, const char *b)
{
    char *p = mtc_xmalloc(strlen(a) + strlen(b) + 2);
    sprintf(p, "%s/%s", a, b);
    return p;
}

Test(paths, find_upward_returns_the_nearest_folder_holding_the_name)
{
    char real[PATH_MAX];
    cr_assert_not_null(realpath(ct_tmpdir(), real));
    char *dir = mtc_xstrdup(real);
    char *a = join(dir, "a"), *ab = join(a, "b"), *abc = join(ab, "c");
    cr_assert_eq(mkdir(a, 0755), 0);
    cr_assert_eq(mkdir(ab, 0755), 0);
    cr_assert_eq(mkdir(abc, 0755), 0);
    free(ct_write(a, "marker.ini", "x", 1));
    char *hit = mtc_find_upward(abc, "marker.ini", MTC_FIND_FILE);
    cr_assert_not_null(hit);
    cr_assert_str_eq(hit, a, "nearest holder is a/, found %s", hit);
    free(hit);
    /* a nearer one wins */
    free(ct_write(ab, "marker.ini", "x", 1));
    hit = mtc_find_upward(abc, "marker.ini", MTC_FIND_FILE);
    cr_assert_str_eq(hit, ab);
    free(hit);
    /* the start folder itself counts */
    hit = mtc_find_upward(ab, "marker.ini", MTC_FIND_FILE);
    cr_assert_str_eq(hit, ab);
    free(hit);
    /* a folder of that name is no file, but any entry for MTC_FIND_ANY */
    char *gitdir = join(ab, "marker.d");
    cr_assert_eq(mkdir(gitdir, 0755), 0);
    hit = mtc_find_upward(abc, "marker.d", MTC_FIND_FILE);
    cr_assert(hit == NULL || strcmp(hit, ab) != 0, "a folder is not a file: %s", hit);
    free(hit);
    hit = mtc_find_upward(abc, "marker.d", MTC_FIND_ANY);
    cr_assert_str_eq(hit, ab);
    free(hit);
    /* nothing above: NULL; an unresolvable start: NULL */
    cr_assert_null(mtc_find_upward(abc, "no-such-marker-7f3a.ini", MTC_FIND_ANY));
    char *gone = join(dir, "does/not/exist");
    cr_assert_null(mtc_find_upward(gone, "marker.ini", MTC_FIND_ANY));
    /* relative starts are resolved first: the .mtcheck.ini search uses it */
    free(ct_write(a, ".mtcheck.ini", "[mtcheck]\n", 10));
    char *ini = mtc_config_find(abc);
    char *want = join(a, ".mtcheck.ini");
    cr_assert_str_eq(ini, want);
    free(ini);
    free(want);
    free(gone);
    free(gitdir);
    free(abc);
    free(ab);
    free(a);
    free(dir);
}

Test(paths, core_word_lists_load_whole_and_without_error)
{
    mtc_error err;
    memset(&err, 0, sizeof err);
    cr_assert_eq(mtc_segment_tables_status(&err), MTC_OK, "%s", err.message);
    cr_assert_eq(mtc_quotemap_tables_status(&err), MTC_OK, "%s", err.message);
    /* the last entries of the lists are read (no silent cap): the final
     * abbreviation of the file is known */
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/dictionaries/abbreviations.txt",
             getenv("MTCHECK_ROOT") ? getenv("MTCHECK_ROOT") : ".");
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f, "%s", path);
    char line[256], last[256] = "";
    while (fgets(line, sizeof line, f)) {
        char *h = strchr(line, '#');
        if (h && (h == line || h[-1] == ' ' || h[-1] == '\t'))
            *h = '\0';
        char w[256];
        if (sscanf(line, "%255s", w) == 1)
            strcpy(last, w);
    }
    fclose(f);
    cr_assert_neq(last[0], '\0');
    cr_assert(mtc_segment_is_abbreviation(last, strlen(last)), "'%s' not loaded", last);
    cr_assert_not(mtc_segment_is_abbreviation("Zqxv.", 5));
}
