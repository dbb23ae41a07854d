/* inputs.c — collects the articles to check from command-line paths, and
 * writes report files atomically (temporary file + rename), never over an
 * input. Owns the lists and paths it returns. */
#define _DEFAULT_SOURCE /* DT_DIR, mkstemp, fsync */
#include "inputs.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "utf8.h"

static const char *const article_exts[] = {".txt", ".md", ".markdown", ".html", ".htm"};

int mtc_inputs_is_article_name(const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof article_exts / sizeof article_exts[0]; i++) {
        size_t e = strlen(article_exts[i]);
        if (n > e) {
            size_t k = 0;
            while (k < e && mtc_ascii_tolower((unsigned char)name[n - e + k]) == article_exts[i][k])
                k++;
            if (k == e)
                return 1;
        }
    }
    return 0;
}

static void push_path(mtc_input_list *l, const char *p, size_t arg)
{
    l->paths = mtc_xrealloc(l->paths, (l->n + 1) * sizeof *l->paths);
    l->arg_of = mtc_xrealloc(l->arg_of, (l->n + 1) * sizeof *l->arg_of);
    l->arg_of[l->n] = arg;
    l->paths[l->n++] = mtc_xstrdup(p);
}

static void push_error(mtc_input_list *l, const char *path, const char *what)
{
    l->errors = mtc_xrealloc(l->errors, (l->n_errors + 1) * sizeof *l->errors);
    mtc_error_set(&l->errors[l->n_errors++], MTC_ERR_IO, path, -1, -1, "%s", what);
}

typedef struct dir_id {
    dev_t dev;
    ino_t ino;
} dir_id;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk(mtc_input_list *l, const char *dir, dir_id *stack, size_t depth, size_t arg)
{
    if (depth >= 64) {
        push_error(l, dir, "directories nested too deeply (more than 64 levels)");
        return;
    }
    DIR *d = opendir(dir);
    if (!d) {
        push_error(l, dir, strerror(errno));
        return;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue; /* ., .., hidden files and folders (.git) */
        names = mtc_xrealloc(names, (n + 1) * sizeof *names);
        names[n++] = mtc_xstrdup(de->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(dir) + strlen(names[i]) + 2;
        char *p = mtc_xmalloc(len);
        snprintf(p, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
        struct stat st;
        if (stat(p, &st) != 0) {
            push_error(l, p, strerror(errno));
        } else if (S_ISDIR(st.st_mode)) {
            int loop = 0;
            for (size_t k = 0; k < depth; k++)
                if (stack[k].dev == st.st_dev && stack[k].ino == st.st_ino)
                    loop = 1;
            if (loop) {
                push_error(l, p, "directory loop (a symbolic link to a parent folder): skipped");
            } else {
                stack[depth].dev = st.st_dev;
                stack[depth].ino = st.st_ino;
                walk(l, p, stack, depth + 1, arg);
            }
        } else if (S_ISREG(st.st_mode) && mtc_inputs_is_article_name(names[i])) {
            push_path(l, p, arg);
        }
        free(p);
        free(names[i]);
    }
    free(names);
}

void mtc_inputs_collect(char *const *args, size_t n, mtc_input_list *out)
{
    memset(out, 0, sizeof *out);
    out->folder = mtc_xcalloc(n + 1, 1);
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (strcmp(args[i], "-") != 0 && stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            dir_id stack[64];
            stack[0].dev = st.st_dev;
            stack[0].ino = st.st_ino;
            out->folder[i] = 1;
            walk(out, args[i], stack, 1, i);
        } else {
            push_path(out, args[i], i); /* files, '-' and missing paths (reported on load) */
        }
    }
}

void mtc_inputs_free(mtc_input_list *list)
{
    for (size_t i = 0; i < list->n; i++)
        free(list->paths[i]);
    free(list->paths);
    free(list->arg_of);
    free(list->folder);
    free(list->errors);
    memset(list, 0, sizeof *list);
}

mtc_status mtc_output_open(const char *path, const mtc_input_list *inputs, mtc_output *out,
                           mtc_error *err)
{
    memset(out, 0, sizeof *out);
    struct stat ost;
    if (stat(path, &ost) == 0) {
        if (S_ISDIR(ost.st_mode)) {
            mtc_error_set(err, MTC_ERR_USAGE, path, -1, -1, "output is a directory");
            return MTC_ERR_USAGE;
        }
        for (size_t i = 0; i < inputs->n; i++) {
            struct stat ist;
            if (strcmp(inputs->paths[i], "-") != 0 && stat(inputs->paths[i], &ist) == 0 &&
                ist.st_dev == ost.st_dev && ist.st_ino == ost.st_ino) {
                mtc_error_set(err, MTC_ERR_USAGE, path, -1, -1,
                              "refusing to write the report over an input file");
                return MTC_ERR_USAGE;
            }
        }
    }
    size_t len = strlen(path) + 16;
    out->tmp = mtc_xmalloc(len);
    snprintf(out->tmp, len, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(out->tmp);
    if (fd < 0) {
        mtc_error_set(err, MTC_ERR_IO, path, -1, -1, "cannot create the output: %s",
                      strerror(errno));
        free(out->tmp);
        out->tmp = NULL;
        return MTC_ERR_IO;
    }
    fchmod(fd, 0644);
    out->fp = fdopen(fd, "w");
    if (!out->fp) {
        close(fd);
        unlink(out->tmp);
        free(out->tmp);
        out->tmp = NULL;
        mtc_error_set(err, MTC_ERR_IO, path, -1, -1, "cannot open the output");
        return MTC_ERR_IO;
    }
    out->path = mtc_xstrdup(path);
    return MTC_OK;
}

mtc_status mtc_output_commit(mtc_output *out, mtc_error *err)
{
    int bad = fflush(out->fp) != 0 || ferror(out->fp);
    if (!bad && fsync(fileno(out->fp)) != 0 && errno != EINVAL)
        bad = 1;
    if (fclose(out->fp) != 0)
        bad = 1;
    out->fp = NULL;
    if (bad || rename(out->tmp, out->path) != 0) {
        mtc_error_set(err, MTC_ERR_IO, out->path, -1, -1, "cannot write the output: %s",
                      strerror(errno));
        unlink(out->tmp);
        mtc_output_abort(out);
        return MTC_ERR_IO;
    }
    free(out->tmp);
    free(out->path);
    memset(out, 0, sizeof *out);
    return MTC_OK;
}

void mtc_output_abort(mtc_output *out)
{
    if (out->fp) {
        fclose(out->fp);
        out->fp = NULL;
    }
    if (out->tmp)
        unlink(out->tmp);
    free(out->tmp);
    free(out->path);
    memset(out, 0, sizeof *out);
}
