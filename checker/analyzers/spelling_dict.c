/* spelling_dict.c — where the spelling analyzer's words come from: the
 * hunspell dictionary search path, user word lists (--dict) and the
 * repository word list (.mtcheck-words.txt) next to the checked files.
 * Owns nothing beyond the buffers and sets it returns to its caller. */
#define _DEFAULT_SOURCE /* realpath */
#include "spelling_dict.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "buffer.h"
#include "data.h"

#ifndef MTC_INSTALL_DICTDIR
#define MTC_INSTALL_DICTDIR "/usr/local/share/mtcheck/dictionaries"
#endif

static int is_file(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

static int is_dir(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* Tries dir/lang.{aff,dic}; 1 when both are regular files. */
static int try_dir(const char *dir, size_t dlen, const char *lang, char *aff, char *dic,
                   size_t size)
{
    if (dlen == 0)
        return 0;
    int n1 = snprintf(aff, size, "%.*s/%s.aff", (int)dlen, dir, lang);
    int n2 = snprintf(dic, size, "%.*s/%s.dic", (int)dlen, dir, lang);
    if (n1 < 0 || n2 < 0 || (size_t)n1 >= size || (size_t)n2 >= size)
        return 0;
    return is_file(aff) && is_file(dic);
}

static int lang_ok(const char *lang)
{
    if (!lang[0])
        return 0;
    for (const char *p = lang; *p; p++) {
        char c = *p;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-'))
            return 0;
    }
    return 1;
}

mtc_status mtc_spelling_find_dict(const mtc_config *cfg, const char *env_dicpath, char *aff,
                                  char *dic, size_t size, mtc_error *err)
{
    const char *lang = cfg->lang[0] ? cfg->lang : "en_US";
    if (!lang_ok(lang)) {
        mtc_error_set(err, MTC_ERR_DICT, "", -1, -1, "invalid dictionary language '%s'", lang);
        return MTC_ERR_DICT;
    }
    mtc_buf searched = MTC_BUF_INIT;
    for (size_t i = 0; i < cfg->n_dicpaths; i++) {
        const char *d = cfg->dicpaths[i];
        if (try_dir(d, strlen(d), lang, aff, dic, size))
            goto found;
        mtc_buf_printf(&searched, "%s%s", searched.len ? ", " : "", d);
    }
    if (env_dicpath) {
        const char *p = env_dicpath;
        while (*p) {
            const char *q = strchr(p, ':');
            size_t n = q ? (size_t)(q - p) : strlen(p);
            if (n) {
                if (try_dir(p, n, lang, aff, dic, size))
                    goto found;
                mtc_buf_printf(&searched, "%s%.*s", searched.len ? ", " : "", (int)n, p);
            }
            p += n;
            if (*p == ':')
                p++;
        }
    }
    static const char *const fixed[] = {MTC_INSTALL_DICTDIR, "/usr/share/hunspell"};
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
        if (try_dir(fixed[i], strlen(fixed[i]), lang, aff, dic, size))
            goto found;
        mtc_buf_printf(&searched, "%s%s", searched.len ? ", " : "", fixed[i]);
    }
    mtc_error_set(err, MTC_ERR_DICT, "", -1, -1,
                  "no hunspell dictionary for language '%s' (looked for %s.aff and %s.dic in: %s)",
                  lang, lang, lang, searched.data ? searched.data : "");
    mtc_buf_free(&searched);
    return MTC_ERR_DICT;
found:
    mtc_buf_free(&searched);
    return MTC_OK;
}

/* Reads a whole file; NULL on error (errno set). */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    mtc_buf b = MTC_BUF_INIT;
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        mtc_buf_put(&b, chunk, n);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        mtc_buf_free(&b);
        errno = EIO;
        return NULL;
    }
    if (!b.data)
        mtc_buf_put(&b, "", 0);
    *len = b.len;
    return mtc_buf_detach(&b);
}

typedef struct word_cb {
    mtc_spelling_word_fn fn;
    void *ctx;
} word_cb;

static int each_word(const char *line, size_t len, long lineno, void *ctx)
{
    (void)lineno;
    word_cb *cb = ctx;
    cb->fn(line, len, cb->ctx);
    return 0;
}

mtc_status mtc_spelling_read_words(const char *path, mtc_spelling_word_fn fn, void *ctx,
                                   mtc_error *err)
{
    size_t len = 0;
    char *data = slurp(path, &len);
    if (!data) {
        mtc_error_set(err, MTC_ERR_IO, path, -1, -1, "cannot read word list: %s",
                      strerror(errno));
        return MTC_ERR_IO;
    }
    word_cb cb = {fn, ctx};
    size_t skip = (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
    mtc_data_each_line(data + skip, len - skip, each_word, &cb, NULL);
    free(data);
    return MTC_OK;
}

static void add_to_set(const char *word, size_t len, void *ctx)
{
    mtc_wordset_add(ctx, word, len);
}

mtc_wordset *mtc_spelling_repo_words(const char *dir)
{
    if (!dir || !dir[0])
        return NULL;
    mtc_wordset *set = NULL;
    /* From the absolute path, however the article was named: the parents of
     * "content/world" include the repository root (issue 13) */
    char abs[PATH_MAX];
    if (realpath(dir, abs))
        dir = abs;
    char *cur = mtc_xstrdup(dir);
    /* Without a repository root above dir, only dir itself is searched. */
    int in_repo = 0;
    {
        char *probe = mtc_xstrdup(dir);
        for (;;) {
            mtc_buf g = MTC_BUF_INIT;
            mtc_buf_printf(&g, "%s/.git", probe);
            int hit = is_dir(g.data) || is_file(g.data);
            mtc_buf_free(&g);
            if (hit) {
                in_repo = 1;
                break;
            }
            char *slash = strrchr(probe, '/');
            if (!slash || slash == probe)
                break;
            *slash = '\0';
        }
        free(probe);
    }
    for (;;) {
        mtc_buf p = MTC_BUF_INIT;
        mtc_buf_printf(&p, "%s/%s", cur, MTC_REPO_WORDS_NAME);
        if (is_file(p.data)) {
            if (!set)
                set = mtc_wordset_new();
            mtc_error ignored;
            mtc_spelling_read_words(p.data, add_to_set, set, &ignored);
        }
        mtc_buf_clear(&p);
        mtc_buf_printf(&p, "%s/.git", cur);
        int root = is_dir(p.data) || is_file(p.data);
        mtc_buf_free(&p);
        if (root || !in_repo)
            break;
        char *slash = strrchr(cur, '/');
        if (!slash || slash == cur)
            break;
        *slash = '\0';
    }
    free(cur);
    return set;
}
