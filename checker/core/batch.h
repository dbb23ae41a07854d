/* batch.h — checks many articles on N worker threads and hands the results
 * back in input order (a reorder window), so the output does not depend on
 * N. Memory is bounded: at most `window` articles are in flight. */
#ifndef MTC_BATCH_H
#define MTC_BATCH_H

#include <pthread.h>
#include <stddef.h>

#include "checker.h"
#include "config.h"
#include "mtcheck.h"

/* One unit of work, filled by the source. */
typedef struct mtc_batch_job {
    char *path;          /* owned: file path, or the id of a streamed article */
    char *bytes;         /* owned: the article's bytes; NULL = read the file at path */
    size_t len;
    size_t config;       /* index into mtc_batch.configs */
    long line;           /* the input line of a streamed article; 0 for files */
    int id_is_number;    /* a streamed record's id is a JSON number: path holds
                          * its digits as written, echoed unquoted */
    mtc_error err;       /* a source error (status != MTC_OK): reported, not checked */
    /* The article's translation source (the text it was translated from),
     * for the source.* checks: bytes (owned; a --stdin-jsonl "source"), or
     * a file (owned path). Both NULL: none. */
    char *source_path;
    char *source_bytes;
    size_t source_len;
    int source_optional; /* a missing source file is a note, not an error
                          * (--source-dir); with no source at all: the run
                          * looks for sources and found none (a note) */
} mtc_batch_job;

/* One finished article, handed to the sink in input order. The sink may
 * use doc and res during the call only; the batch frees them afterwards. */
typedef struct mtc_batch_item {
    size_t seq;          /* 0-based input order */
    const char *path;    /* NULL for a streamed line without an id */
    size_t config;
    long line;           /* the job's input line (0 for files) */
    int id_is_number;    /* path is a JSON number as written (mtc_batch_job) */
    mtc_status status;   /* MTC_OK: doc and res are set */
    mtc_error err;
    mtc_document *doc;
    mtc_result *res;
    mtc_document *source_doc; /* the loaded source, or NULL */
    mtc_error source_err;     /* status != MTC_OK: the source could not be read
                               * (the article was checked without it) */
    int source_absent;        /* an optional source file does not exist */
} mtc_batch_item;

typedef struct mtc_batch {
    size_t workers;                  /* threads (>= 1) */
    size_t window;                   /* articles in flight; 0 = 4 * workers */
    const mtc_config *const *configs;
    size_t n_configs;
    const char *encoding;            /* NULL = detect */
    mtc_input_format input_format;
    size_t max_bytes;
    /* Fills job and returns 1, or returns 0 at the end (then never called
     * again). Called by the workers one at a time (a lock of its own, so a
     * source blocking on input does not hold up the results); job is
     * zeroed before. */
    int (*next)(void *ctx, mtc_batch_job *job);
    void *next_ctx;
    /* Called on the calling thread, in input order. */
    void (*done)(void *ctx, const mtc_batch_item *item);
    void *done_ctx;
    /* 1: the process exits soon after the run: the checkers (each worker's
     * hunspell handle and word lists: freeing them costs ~8 ms a worker)
     * are left to the operating system, unless a leak checker is watching
     * (valgrind, or a build with AddressSanitizer: mtc_batch_frees_all). */
    int exiting;
    /* 1 when next never blocks (files, not a stream): with several
     * workers the calling thread is woken when half the window is ready
     * (or a worker waits for room, or the source ended) instead of for
     * every result. 0: each result is handed over as soon as it is next
     * in order (a streamed article's result does not wait for the next
     * input line). */
    int source_never_blocks;
    /* Optional: the first worker's checker for configs[0], made before the
     * run (mtc_batch_prepare: while the caller lists its inputs); the run
     * takes it over (uses it, frees it). NULL: made by the run. */
    mtc_checker *first_checker;
} mtc_batch;

/* Makes the checker of a configuration on a thread of its own while the
 * caller goes on (listing inputs): mtc_batch_prepare starts it (0: no
 * thread could start, nothing to wait for), mtc_batch_prepared waits for
 * it and returns it (NULL when it could not be made: the run then makes it
 * again and reports why). Only one checker is made at a time by these:
 * call mtc_batch_prepared before mtc_batch_run. */
typedef struct mtc_batch_early {
    const mtc_config *cfg;
    mtc_checker *chk;
    mtc_status status;
    mtc_error err;
    pthread_t thread;
    int started;
} mtc_batch_early;
int mtc_batch_prepare(mtc_batch_early *e, const mtc_config *cfg);
mtc_checker *mtc_batch_prepared(mtc_batch_early *e);

/* Runs the batch to the end (workers == 1: on the calling thread, no
 * thread started). Checkers are created one after another (libhunspell
 * 1.7.1 races when handles are created concurrently). Returns
 * an error only when a checker cannot be created; per-article errors go to
 * the sink. */
mtc_status mtc_batch_run(const mtc_batch *b, mtc_error *err);

/* 1 when a run frees its checkers even when b->exiting: under valgrind
 * or in a build with AddressSanitizer (their leak checks stay exact). */
int mtc_batch_frees_all(const mtc_batch *b);

/* Number of online processors (at least 1). */
size_t mtc_batch_cores(void);

#endif
