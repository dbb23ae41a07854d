/* inputs.c — collects the articles to check from command-line paths, and
 * writes report files atomically (temporary file + rename), never over an
 * input, one at a time or in batches made durable by one sync. Owns the
 * lists and paths it returns. */
#define _GNU_SOURCE /* DT_DIR, mkstemp, fsync; syncfs on Linux */
#include "inputs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
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

static void push_error(mtc_input_list *l, const char *path, const char *what)
{
    l->errors = mtc_xrealloc(l->errors, (l->n_errors + 1) * sizeof *l->errors);
    mtc_error_set(&l->errors[l->n_errors++], MTC_ERR_IO, path, -1, -1, "%s", what);
}

typedef struct dir_id {
    dev_t dev;
    ino_t ino;
} dir_id;

/* A set of files and folders by device and inode (open addressing): the
 * folders and files a walk has met (folder symlinks that form a DAG reach
 * the same folder by many paths, and each folder is listed, each file
 * counted, once), and the files a run reads (an output is looked up in it:
 * O(1) per output, not a stat() of every input). */
typedef struct mtc_file_ids seen_set;
struct mtc_file_ids {
    dir_id *slots;
    unsigned char *used;
    size_t cap, n;
};

static size_t seen_hash(dev_t dev, ino_t ino)
{
    unsigned long long h = (unsigned long long)ino * 0x9E3779B97F4A7C15ull;
    h ^= (unsigned long long)dev + 0x632BE59BD9B4E019ull + (h << 6) + (h >> 2);
    return (size_t)(h ^ (h >> 29));
}

/* Adds (dev, ino); returns 1 if it was already there. */
static int seen_add(seen_set *s, dev_t dev, ino_t ino)
{
    if ((s->n + 1) * 2 > s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        dir_id *slots = mtc_xcalloc(cap, sizeof *slots);
        unsigned char *used = mtc_xcalloc(cap, 1);
        for (size_t i = 0; i < s->cap; i++) {
            if (!s->used[i])
                continue;
            size_t k = seen_hash(s->slots[i].dev, s->slots[i].ino) & (cap - 1);
            while (used[k])
                k = (k + 1) & (cap - 1);
            used[k] = 1;
            slots[k] = s->slots[i];
        }
        free(s->slots);
        free(s->used);
        s->slots = slots;
        s->used = used;
        s->cap = cap;
    }
    size_t k = seen_hash(dev, ino) & (s->cap - 1);
    while (s->used[k]) {
        if (s->slots[k].dev == dev && s->slots[k].ino == ino)
            return 1;
        k = (k + 1) & (s->cap - 1);
    }
    s->used[k] = 1;
    s->slots[k].dev = dev;
    s->slots[k].ino = ino;
    s->n++;
    return 0;
}

static int seen_has(const seen_set *s, dev_t dev, ino_t ino)
{
    if (!s || !s->cap)
        return 0;
    for (size_t k = seen_hash(dev, ino) & (s->cap - 1); s->used[k]; k = (k + 1) & (s->cap - 1))
        if (s->slots[k].dev == dev && s->slots[k].ino == ino)
            return 1;
    return 0;
}

static void seen_free(seen_set *s)
{
    free(s->slots);
    free(s->used);
}

/* Notes the file at path (when it exists) as one the run reads. */
static void note_id(mtc_input_list *l, const char *path, const struct stat *known)
{
    struct stat st;
    if (!known) {
        if (strcmp(path, "-") == 0 || stat(path, &st) != 0)
            return;
        known = &st;
    }
    if (!l->read_ids)
        l->read_ids = mtc_xcalloc(1, sizeof *l->read_ids);
    seen_add(l->read_ids, known->st_dev, known->st_ino);
}

static void push_path(mtc_input_list *l, const char *p, size_t arg, const struct stat *st)
{
    note_id(l, p, st);
    l->paths = mtc_xrealloc(l->paths, (l->n + 1) * sizeof *l->paths);
    l->arg_of = mtc_xrealloc(l->arg_of, (l->n + 1) * sizeof *l->arg_of);
    l->arg_of[l->n] = arg;
    l->listed[arg]++;
    l->paths[l->n++] = mtc_xstrdup(p);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* 1 when the file at path begins like a page mtcheck wrote: the generator
 * tag report_html.c's page template puts in the head, in its first 2 KiB. */
int mtc_inputs_is_mtcheck_page(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    char head[2049];
    size_t n = fread(head, 1, sizeof head - 1, f);
    fclose(f);
    head[n] = '\0';
    return strstr(head, MTC_GENERATOR_MARK) != NULL;
}

/* What a walk carries: the folders met so far, and the --html-dir folder
 * whose generated pages it never lists (pages_dir_set 0 when none). */
typedef struct walk_ctx {
    seen_set seen;
    dir_id pages_dir;
    int pages_dir_set;
} walk_ctx;

static int is_html_name(const char *name)
{
    size_t n = strlen(name);
    return (n > 5 && strcasecmp(name + n - 5, ".html") == 0) ||
           (n > 4 && strcasecmp(name + n - 4, ".htm") == 0);
}

static void walk(mtc_input_list *l, const char *dir, dir_id *stack, size_t depth, walk_ctx *w,
                 size_t arg)
{
    /* inside the --html-dir folder: its pages are this tool's output */
    int in_pages_dir = w->pages_dir_set && depth > 0 && stack[depth - 1].dev == w->pages_dir.dev &&
                       stack[depth - 1].ino == w->pages_dir.ino;
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
            } else if (!seen_add(&w->seen, st.st_dev, st.st_ino)) { /* else listed already */
                stack[depth].dev = st.st_dev;
                stack[depth].ino = st.st_ino;
                walk(l, p, stack, depth + 1, w, arg);
            }
        } else if (S_ISREG(st.st_mode) && mtc_inputs_is_article_name(names[i]) &&
                   !(in_pages_dir && is_html_name(names[i]) && mtc_inputs_is_mtcheck_page(p))) {
            l->found[arg]++; /* an article, listed now or by an earlier argument */
            if (!seen_add(&w->seen, st.st_dev, st.st_ino))
                push_path(l, p, arg, &st);
        }
        free(p);
        free(names[i]);
    }
    free(names);
}

void mtc_inputs_collect(char *const *args, size_t n, mtc_input_list *out)
{
    mtc_inputs_collect_outside(args, n, NULL, out);
}

void mtc_inputs_collect_outside(char *const *args, size_t n, const char *pages_dir,
                                mtc_input_list *out)
{
    memset(out, 0, sizeof *out);
    out->folder = mtc_xcalloc(n + 1, 1);
    out->found = mtc_xcalloc(n + 1, sizeof *out->found);
    out->listed = mtc_xcalloc(n + 1, sizeof *out->listed);
    walk_ctx w;
    memset(&w, 0, sizeof w);
    struct stat pst;
    if (pages_dir && stat(pages_dir, &pst) == 0 && S_ISDIR(pst.st_mode)) {
        w.pages_dir.dev = pst.st_dev;
        w.pages_dir.ino = pst.st_ino;
        w.pages_dir_set = 1;
    }
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        int found = strcmp(args[i], "-") != 0 && stat(args[i], &st) == 0;
        if (found && S_ISDIR(st.st_mode)) {
            dir_id stack[64];
            stack[0].dev = st.st_dev;
            stack[0].ino = st.st_ino;
            out->folder[i] = 1;
            if (!seen_add(&w.seen, st.st_dev, st.st_ino))
                walk(out, args[i], stack, 1, &w, i);
            else
                out->folder[i] = 2; /* listed by an earlier argument */
        } else {
            /* files, '-' and missing paths (reported on load) */
            push_path(out, args[i], i, found ? &st : NULL);
        }
    }
    seen_free(&w.seen);
}

void mtc_inputs_note_read(mtc_input_list *list, const char *path)
{
    list->reads = mtc_xrealloc(list->reads, (list->n_reads + 1) * sizeof *list->reads);
    list->reads[list->n_reads++] = mtc_xstrdup(path);
    note_id(list, path, NULL);
}

static int same_file(const char *path, const struct stat *ost)
{
    struct stat ist;
    return strcmp(path, "-") != 0 && stat(path, &ist) == 0 && ist.st_dev == ost->st_dev &&
           ist.st_ino == ost->st_ino;
}

void mtc_inputs_free(mtc_input_list *list)
{
    for (size_t i = 0; i < list->n; i++)
        free(list->paths[i]);
    for (size_t i = 0; i < list->n_reads; i++)
        free(list->reads[i]);
    free(list->reads);
    free(list->paths);
    free(list->arg_of);
    free(list->found);
    free(list->listed);
    free(list->folder);
    free(list->errors);
    if (list->read_ids) {
        seen_free(list->read_ids);
        free(list->read_ids);
    }
    memset(list, 0, sizeof *list);
}

/* The temporary report files being written, for the SIGINT/SIGTERM
 * handler: the one piece of process-wide state here, because a signal
 * handler cannot be handed a context. Slots are claimed and released with
 * atomic operations; the handler only reads them and calls unlink(), which
 * is async-signal-safe. */
#define MAX_PENDING 256
static _Atomic(const char *) pending[MAX_PENDING];

static void pending_add(const char *tmp)
{
    for (size_t i = 0; i < MAX_PENDING; i++) {
        const char *expected = NULL;
        if (atomic_compare_exchange_strong(&pending[i], &expected, tmp))
            return;
    }
    /* more outputs open at once than slots: such a file is not removed on
     * a signal (mtcheck keeps at most a few open) */
}

static void pending_remove(const char *tmp)
{
    for (size_t i = 0; i < MAX_PENDING; i++) {
        const char *expected = tmp;
        if (atomic_compare_exchange_strong(&pending[i], &expected, NULL))
            return;
    }
}

static void on_fatal_signal(int sig)
{
    for (size_t i = 0; i < MAX_PENDING; i++) {
        const char *p = atomic_exchange(&pending[i], NULL);
        if (p)
            unlink(p);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

void mtc_output_remove_on_signals(void)
{
    /* SIGXFSZ: a report streamed past the file-size limit (ulimit -f) */
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGXFSZ};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_fatal_signal;
        sigemptyset(&sa.sa_mask);
        struct sigaction old;
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue; /* ignored by whoever started us (nohup): keep it so */
        sigaction(sigs[i], &sa, NULL);
    }
}

mtc_status mtc_output_open(const char *path, const mtc_input_list *inputs, mtc_output *out,
                           mtc_error *err)
{
    memset(out, 0, sizeof *out);
    struct stat ost, lst;
    if (stat(path, &ost) == 0) {
        if (S_ISDIR(ost.st_mode)) {
            mtc_error_set(err, MTC_ERR_USAGE, path, -1, -1, "output is a directory");
            return MTC_ERR_USAGE;
        }
        /* the files the run reads, by device and inode: one look-up, so
         * writing N pages over an earlier run's is O(N), not O(N x inputs) */
        if (seen_has(inputs->read_ids, ost.st_dev, ost.st_ino)) {
            const char *what = NULL;
            for (size_t i = 0; i < inputs->n_reads && !what; i++) /* name it (rare path) */
                if (same_file(inputs->reads[i], &ost))
                    what = inputs->reads[i];
            if (what)
                mtc_error_set(err, MTC_ERR_USAGE, path, -1, -1,
                              "refusing to write the report over '%s', which this run reads",
                              what);
            else
                mtc_error_set(err, MTC_ERR_USAGE, path, -1, -1,
                              "refusing to write the report over an input file");
            return MTC_ERR_USAGE;
        }
        if (!S_ISREG(ost.st_mode)) {
            mtc_error_set(err, MTC_ERR_USAGE, path, -1, -1,
                          "refusing to replace a device, FIFO or socket with the report "
                          "(write to standard output and redirect instead)");
            return MTC_ERR_USAGE;
        }
    }
    if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
        mtc_error_set(err, MTC_ERR_USAGE, path, -1, -1,
                      "refusing to write the report over a symbolic link (name its target)");
        return MTC_ERR_USAGE;
    }

    size_t len = strlen(path) + 16;
    out->tmp = mtc_xmalloc(len);
    snprintf(out->tmp, len, "%s.tmp.XXXXXX", path);
    /* registered before the file exists: a signal between mkstemp() and
     * here would leave it behind (until then the name matches no file) */
    pending_add(out->tmp);
    int fd = mkstemp(out->tmp);
    if (fd < 0) {
        mtc_error_set(err, MTC_ERR_IO, path, -1, -1, "cannot create the output: %s",
                      strerror(errno));
        pending_remove(out->tmp);
        free(out->tmp);
        out->tmp = NULL;
        return MTC_ERR_IO;
    }
    fchmod(fd, 0644);
    out->fp = fdopen(fd, "w");
    if (!out->fp) {
        close(fd);
        unlink(out->tmp);
        pending_remove(out->tmp);
        free(out->tmp);
        out->tmp = NULL;
        mtc_error_set(err, MTC_ERR_IO, path, -1, -1, "cannot open the output");
        return MTC_ERR_IO;
    }
    out->path = mtc_xstrdup(path);
    return MTC_OK;
}

/* The folder a path is in, opened for fsync/syncfs (-1 when it cannot be). */
static int open_folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir =
        slash ? mtc_xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : mtc_xstrdup(".");
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    free(dir);
    return fd;
}

/* Makes the renames in path's folder durable (the folder's own entry
 * list): 0, or -1 with errno on a write error. A folder that cannot be
 * opened or fsynced (EINVAL: some file systems) counts as done. */
static int sync_folder_of(const char *path)
{
    int fd = open_folder_of(path);
    if (fd < 0)
        return 0;
    int r = fsync(fd) != 0 && errno != EINVAL && errno != EBADF ? -1 : 0;
    int e = errno;
    close(fd);
    errno = e;
    return r;
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
    pending_remove(out->tmp); /* after the rename: the name is gone already */
    (void)sync_folder_of(out->path); /* the rename on the disk too (best effort) */
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
    if (out->tmp) {
        unlink(out->tmp);
        pending_remove(out->tmp);
    }
    free(out->tmp);
    free(out->path);
    memset(out, 0, sizeof *out);
}

int mtc_output_unchanged(const char *path, const mtc_input_list *inputs, const void *data,
                         size_t len)
{
    struct stat st;
    if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode) || (size_t)st.st_size != len ||
        (inputs && seen_has(inputs->read_ids, st.st_dev, st.st_ino)))
        return 0;
    int fd = open(path, O_RDONLY | O_NOFOLLOW);
    if (fd < 0)
        return 0;
    const char *want = data;
    char chunk[16384];
    size_t at = 0;
    int same = 1;
    while (same) {
        ssize_t got = read(fd, chunk, sizeof chunk);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            same = got == 0 && at == len;
            break;
        }
        same = (size_t)got <= len - at && memcmp(chunk, want + at, (size_t)got) == 0;
        at += (size_t)got;
    }
    close(fd);
    return same;
}

/* ---- batches ---- */

struct mtc_output_batch {
    mtc_output *q; /* closed temporary files, in order, waiting for their rename */
    size_t n, size;
    char *folder_of;   /* the last file renamed or kept: finish syncs its folder */
    int kept_unsynced; /* a file was kept as it was since the last sync */
};

mtc_output_batch *mtc_output_batch_new(size_t size)
{
    mtc_output_batch *b = mtc_xcalloc(1, sizeof *b);
    b->size = size ? size : 1;
    if (b->size > MAX_PENDING / 2)
        b->size = MAX_PENDING / 2; /* every queued file keeps its signal slot */
    b->q = mtc_xcalloc(b->size, sizeof *b->q);
    return b;
}

mtc_status mtc_output_batch_add(mtc_output_batch *b, mtc_output *out, mtc_error *err)
{
    int bad = fflush(out->fp) != 0 || ferror(out->fp);
    if (fclose(out->fp) != 0)
        bad = 1;
    out->fp = NULL;
    if (bad) {
        mtc_error_set(err, MTC_ERR_IO, out->path, -1, -1, "cannot write the output: %s",
                      strerror(errno));
        mtc_output_abort(out);
        return MTC_ERR_IO;
    }
    b->q[b->n++] = *out; /* the temporary file stays registered for the signal handler */
    memset(out, 0, sizeof *out);
    return b->n == b->size ? mtc_output_batch_flush(b, err) : MTC_OK;
}

/* Writes the data of every queued file to the disk: one syncfs() of their
 * file system where there is one (Linux; *whole set: the kept files are
 * on the disk too), else an fsync() of each. */
static int sync_queued(const mtc_output_batch *b, int *whole)
{
    *whole = 0;
#ifdef __linux__
    int fd = open_folder_of(b->q[0].path);
    if (fd >= 0) {
        int r = syncfs(fd);
        int e = errno;
        close(fd);
        if (r == 0) {
            *whole = 1;
            return 0;
        }
        errno = e;
        if (e != ENOSYS)
            return -1;
    }
#endif
    for (size_t i = 0; i < b->n; i++) {
        int fd = open(b->q[i].tmp, O_RDONLY);
        if (fd < 0)
            return -1;
        int r = fsync(fd) != 0 && errno != EINVAL ? -1 : 0;
        int e = errno;
        close(fd);
        if (r != 0) {
            errno = e;
            return -1;
        }
    }
    return 0;
}

void mtc_output_batch_keep(mtc_output_batch *b, const char *path)
{
    free(b->folder_of);
    b->folder_of = mtc_xstrdup(path);
#ifdef __linux__
    b->kept_unsynced = 1; /* the next syncfs covers it */
#else
    int fd = open(path, O_RDONLY | O_NOFOLLOW); /* no syncfs: its own fsync (best effort) */
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
#endif
}

/* Puts the file system of the folder of path on the disk (syncfs(); an
 * fsync() of the folder where there is none). 0, or -1 with errno. */
static int sync_file_system_of(const char *path)
{
    int fd = open_folder_of(path);
    if (fd < 0)
        return -1;
#ifdef __linux__
    int r = syncfs(fd);
#else
    int r = fsync(fd) != 0 && errno != EINVAL ? -1 : 0;
#endif
    int e = errno;
    close(fd);
    errno = e;
    return r;
}

mtc_status mtc_output_batch_flush(mtc_output_batch *b, mtc_error *err)
{
    if (!b || b->n == 0)
        return MTC_OK;
    mtc_status st = MTC_OK;
    int whole;
    if (sync_queued(b, &whole) != 0) {
        mtc_error_set(err, MTC_ERR_IO, b->q[0].path, -1, -1, "cannot write the output: %s",
                      strerror(errno));
        st = MTC_ERR_IO;
    } else if (whole) {
        b->kept_unsynced = 0; /* the sync covered the kept files too */
    }
    for (size_t i = 0; i < b->n; i++) {
        mtc_output *o = &b->q[i];
        if (st == MTC_OK && rename(o->tmp, o->path) != 0) {
            mtc_error_set(err, MTC_ERR_IO, o->path, -1, -1, "cannot write the output: %s",
                          strerror(errno));
            st = MTC_ERR_IO;
        }
        if (st != MTC_OK)
            unlink(o->tmp); /* this one and the rest of the batch: not written */
        pending_remove(o->tmp);
        free(o->tmp);
        free(b->folder_of);
        b->folder_of = o->path;
        memset(o, 0, sizeof *o);
    }
    b->n = 0;
    return st;
}

mtc_status mtc_output_batch_finish(mtc_output_batch *b, mtc_error *err)
{
    if (!b)
        return MTC_OK;
    mtc_status st = mtc_output_batch_flush(b, err);
    if (st == MTC_OK && b->kept_unsynced) {
        /* files kept as they were and nothing synced since: one sync, in
         * case a kept file's data is not on the disk yet (another program
         * wrote it, or a run that was cut short) */
        if (sync_file_system_of(b->folder_of) != 0) {
            mtc_error_set(err, MTC_ERR_IO, b->folder_of, -1, -1, "cannot write the output: %s",
                          strerror(errno));
            st = MTC_ERR_IO;
        }
        b->kept_unsynced = 0;
    }
    if (st == MTC_OK && b->folder_of && sync_folder_of(b->folder_of) != 0) {
        mtc_error_set(err, MTC_ERR_IO, b->folder_of, -1, -1, "cannot write the output: %s",
                      strerror(errno));
        st = MTC_ERR_IO;
    }
    return st;
}

void mtc_output_batch_free(mtc_output_batch *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n; i++)
        mtc_output_abort(&b->q[i]);
    free(b->q);
    free(b->folder_of);
    free(b);
}
