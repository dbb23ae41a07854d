/* paths.c — the upward search (paths.h). Owns nothing beyond the string it
 * returns. */
#define _DEFAULT_SOURCE /* realpath */
#include "paths.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"

char *mtc_find_upward(const char *start, const char *name, mtc_find_kind kind)
{
    char buf[PATH_MAX];
    if (!start || !realpath(start, buf))
        return NULL;
    for (;;) {
        size_t n = strlen(buf);
        char cand[PATH_MAX + 256];
        snprintf(cand, sizeof cand, "%s%s%s", buf, n && buf[n - 1] == '/' ? "" : "/", name);
        struct stat st;
        if (stat(cand, &st) == 0 && (kind == MTC_FIND_ANY || S_ISREG(st.st_mode)))
            return mtc_xstrdup(buf);
        char *slash = strrchr(buf, '/');
        if (!slash || n <= 1)
            return NULL;
        if (slash == buf)
            buf[1] = '\0'; /* "/x" → "/" */
        else
            *slash = '\0';
    }
}
