/* fuzz_walk.c — libFuzzer target for the directory walk (inputs.c): the
 * input is a program that builds a small tree in a fresh temporary folder —
 * folders, article files, hard links and symbolic links to folders and
 * files, up or down the tree, dangling or looping — then the walk runs over
 * it. Checks the walk's contract: it ends, it names each regular article
 * file at most once (by device and inode), every listed path is an article
 * by its extension, and every error has a message. Each byte pair is one
 * step: (op, argument). */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "inputs.h"

#define WK_MAX_NODES 24

static void wk_rm_rf(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        if (d) {
            struct dirent *de;
            while ((de = readdir(d)) != NULL) {
                if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
                    continue;
                char sub[4096];
                snprintf(sub, sizeof sub, "%s/%s", path, de->d_name);
                wk_rm_rf(sub);
            }
            closedir(d);
        }
        rmdir(path);
    } else {
        unlink(path);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char root[] = "/tmp/mtcheck-fuzz-walk-XXXXXX";
    if (!mkdtemp(root))
        return 0;
    /* nodes[0] is the root folder; folders are nodes a step may put things in */
    char nodes[WK_MAX_NODES][512];
    int is_dir[WK_MAX_NODES];
    size_t n = 1;
    snprintf(nodes[0], sizeof nodes[0], "%s", root);
    is_dir[0] = 1;
    static const char *const names[] = {"a.txt", "b.md", "c.html", "d.TXT", "e.bin", "f", "g.htm"};
    for (size_t i = 0; i + 1 < size && n < WK_MAX_NODES; i += 2) {
        unsigned op = data[i] % 5, arg = data[i + 1];
        /* the folder to put the new node in, and the node it refers to */
        size_t parent = 0, target = arg % n;
        for (size_t k = (arg / 7) % n, tries = 0; tries < n; k = (k + 1) % n, tries++)
            if (is_dir[k]) {
                parent = k;
                break;
            }
        char path[600];
        snprintf(path, sizeof path, "%.500s/n%zu%s", nodes[parent], n,
                 op == 1 || op == 4 ? names[arg % 7] : "");
        if (strlen(path) >= sizeof nodes[0])
            break;
        int made = 0, dir = 0;
        switch (op) {
        case 0: /* a folder */
            made = mkdir(path, 0755) == 0;
            dir = 1;
            break;
        case 1: { /* an article (or not, by its extension) */
            FILE *f = fopen(path, "w");
            if (f) {
                fputs("The mayor spoke.\n", f);
                fclose(f);
                made = 1;
            }
            break;
        }
        case 2: /* a symbolic link to an earlier node (folder or file): up, down, sideways */
        case 3: /* ... or to a name that does not exist */
            made = symlink(op == 2 ? nodes[target] : "/nonexistent/mtcheck", path) == 0;
            dir = op == 2 && is_dir[target];
            break;
        case 4: /* a hard link to an earlier file */
            if (!is_dir[target])
                made = link(nodes[target], path) == 0;
            break;
        }
        if (made) {
            snprintf(nodes[n], sizeof nodes[n], "%s", path);
            is_dir[n] = dir;
            n++;
        }
    }
    char *args[1] = {root};
    mtc_input_list l;
    mtc_inputs_collect(args, 1, &l);
    for (size_t i = 0; i < l.n; i++) {
        if (!mtc_inputs_is_article_name(l.paths[i]))
            abort(); /* only articles by their extension */
        struct stat a;
        if (stat(l.paths[i], &a) != 0 || !S_ISREG(a.st_mode))
            abort();
        for (size_t k = 0; k < i; k++) {
            struct stat b;
            if (stat(l.paths[k], &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino)
                abort(); /* a file listed twice */
        }
    }
    for (size_t i = 0; i < l.n_errors; i++)
        if (l.errors[i].message[0] == '\0')
            abort();
    mtc_inputs_free(&l);
    wk_rm_rf(root);
    return 0;
}
