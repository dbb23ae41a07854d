/* inputs.h — turns command-line paths into the list of articles to check
 * (directories searched recursively, sorted, symlink loops cut) and writes
 * reports atomically, never over an input. */
#ifndef MTC_INPUTS_H
#define MTC_INPUTS_H

#include <stddef.h>
#include <stdio.h>

#include "mtcheck.h"

typedef struct mtc_input_list {
    char **paths;        /* owned; in order: arguments as given, directory entries sorted */
    size_t *arg_of;      /* owned; per path: the index of the argument it came from */
    size_t n;
    char *folder;        /* owned; per argument: 1 a folder searched, 2 a folder
                          * an earlier argument listed, 0 not a folder */
    size_t *found;       /* owned; per argument: article files its search met
                          * (with those an earlier argument listed) */
    size_t *listed;      /* owned; per argument: paths it put in the list */
    mtc_error *errors;   /* owned; paths that could not be listed */
    size_t n_errors;
    char **reads;        /* owned; other files the run reads (configuration,
                          * word lists, dictionaries): never an output */
    size_t n_reads;
    struct mtc_file_ids *read_ids; /* owned; device and inode of every path
                          * listed and every file noted as read (NULL when
                          * none): what an output is looked up in */
} mtc_input_list;

/* The tag every page mtcheck writes carries in its head (the page
 * template, report_html.c): how a walk and --html-dir know their own pages. */
#define MTC_GENERATOR_MARK "<meta name=\"generator\" content=\"mtcheck "

/* 1 if a file found inside a directory is an article by its extension
 * (.txt .md .markdown .html .htm, any case). */
int mtc_inputs_is_article_name(const char *name);
void mtc_inputs_collect(char *const *args, size_t n, mtc_input_list *out);
/* The same for a run that writes --html-dir pages_dir (NULL: none): a walk
 * never lists the pages mtcheck wrote in that folder (by device and inode;
 * index.html and the article pages, known by MTC_GENERATOR_MARK), so
 * `mtcheck --html-dir DIR DIR` checks the same articles every time. Files
 * named on the command line are listed whatever they are. */
void mtc_inputs_collect_outside(char *const *args, size_t n, const char *pages_dir,
                                mtc_input_list *out);
/* 1 when the file at path begins like a page mtcheck wrote (the generator
 * tag in its first 2 KiB). */
int mtc_inputs_is_mtcheck_page(const char *path);
void mtc_inputs_free(mtc_input_list *list);
/* Records a file the run reads besides the articles (an output may not
 * replace it). */
void mtc_inputs_note_read(mtc_input_list *list, const char *path);

/* An output file written atomically: a temporary file in the same folder,
 * renamed over `path` by commit. */
typedef struct mtc_output {
    FILE *fp;
    char *path;  /* owned */
    char *tmp;   /* owned */
} mtc_output;

/* Refuses (MTC_ERR_USAGE) when path is one of the inputs or of the files
 * noted as read (same file, by device and inode), or exists as anything
 * but a regular file (a symbolic link, device, FIFO or socket: renaming
 * over it would replace it, /dev/null included). */
mtc_status mtc_output_open(const char *path, const mtc_input_list *inputs, mtc_output *out,
                           mtc_error *err);
/* 1 when path is already a regular file (not a symbolic link, not a file
 * the run reads) holding exactly these len bytes: writing it again would
 * change nothing but its inode and time stamps. */
int mtc_output_unchanged(const char *path, const mtc_input_list *inputs, const void *data,
                         size_t len);
/* Installs SIGINT/SIGTERM/SIGHUP/SIGPIPE/SIGXFSZ handlers that remove the
 * temporary files of outputs still open, then end the process by the same
 * signal: an interrupted run (or one stopped by the file-size limit while
 * a report streams) leaves the previous reports as they were. */
void mtc_output_remove_on_signals(void);
/* Flushes, fsyncs, closes and renames, then fsyncs the folder (the
 * rename on the disk); on failure removes the temporary file. */
mtc_status mtc_output_commit(mtc_output *out, mtc_error *err);
void mtc_output_abort(mtc_output *out);

/* Many outputs in one folder (the --html-dir pages), made durable together:
 * each is closed without an fsync and waits, a temporary file, until
 * `size` wait (or a flush); then one sync writes their data to the disk
 * (syncfs() of the folder's file system on Linux, else an fsync() of each)
 * and they are renamed in order. So a reader never sees half a file, and a
 * name never points at a file whose data is not on the disk, with one sync
 * per batch instead of one per file. The waiting files keep their
 * temporary names (removed on a signal, as any open output's). */
typedef struct mtc_output_batch mtc_output_batch;
/* size is capped so the waiting files keep their signal slots (128). */
mtc_output_batch *mtc_output_batch_new(size_t size);
/* Closes out's temporary file (out is then empty) and queues it; flushes
 * when the batch is full. On a write error the file is removed. */
mtc_status mtc_output_batch_add(mtc_output_batch *b, mtc_output *out, mtc_error *err);
/* Notes that the file at path was left as it was (mtc_output_unchanged):
 * finish syncs it when no later batch sync did. */
void mtc_output_batch_keep(mtc_output_batch *b, const char *path);
/* Syncs and renames the queued files. On a sync error none is renamed
 * (all are removed); on a rename error that one and those after it. */
mtc_status mtc_output_batch_flush(mtc_output_batch *b, mtc_error *err);
/* Flushes, then fsyncs the folder: when it returns MTC_OK every file
 * renamed so far is on the disk under its name. */
mtc_status mtc_output_batch_finish(mtc_output_batch *b, mtc_error *err);
/* Removes the files still queued (not renamed); NULL is a no-op. */
void mtc_output_batch_free(mtc_output_batch *b);

#endif
