/* batch.c — the worker pool (batch.h): N threads take jobs from the source
 * in order, load and check them with their own mtc_checker (one per worker
 * and configuration, created one at a time under a lock: the first
 * worker's before the threads start, the others' on their first job), and
 * put the results into a window of slots; the calling thread hands the
 * slots to the sink strictly in input order. With one worker the calling
 * thread does it all itself, article after article. Owns the checkers, the slots and every job,
 * document and result until the sink has seen it. */
#include "batch.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sys/stat.h>
#include <valgrind/valgrind.h>

#include "alloc.h"
#include "document.h"
#include "suppress.h"

typedef struct slot {
    int ready;
    mtc_batch_item item;
    char *path; /* owned copy of the job's path */
} slot;

typedef struct pool {
    const mtc_batch *b;
    size_t window;
    pthread_mutex_t lock;
    pthread_cond_t space; /* a slot was freed, or stop */
    pthread_cond_t ready; /* a slot was filled, or the source ended */
    pthread_mutex_t create_lock; /* serialises mtc_checker_new */
    pthread_mutex_t source_lock; /* serialises the source (may block on input) */
    slot *slots;
    size_t reserved;   /* window places taken (>= jobs taken) */
    size_t next_seq;   /* jobs taken (under source_lock) */
    size_t total;      /* jobs in all, once eof is set */
    size_t delivered;  /* items handed to the sink */
    size_t running;    /* workers still running */
    int eof;           /* the source ended (total is set) */
    int eof_source;    /* the same, under source_lock */
    int stop;          /* fatal error: stop taking jobs */
    mtc_error fatal;
} pool;

typedef struct worker {
    pool *p;
    pthread_t thread;
    mtc_checker **checkers; /* per configuration, created on first use */
} worker;

#if defined(__SANITIZE_ADDRESS__)
#define MTC_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MTC_ASAN 1
#endif
#endif
#ifndef MTC_ASAN
#define MTC_ASAN 0
#endif

int mtc_batch_frees_all(const mtc_batch *b)
{
    return !b->exiting || MTC_ASAN || RUNNING_ON_VALGRIND;
}

/* Frees a worker's checkers, or leaves them to the operating system when
 * the process exits after the run and no leak checker watches. */
static void free_checkers(const mtc_batch *b, mtc_checker **checkers, size_t n)
{
    if (!mtc_batch_frees_all(b))
        return; /* left with the process: like its other pages */
    for (size_t c = 0; c < n; c++)
        mtc_checker_free(checkers[c]);
    free(checkers);
}

static void *make_early(void *arg)
{
    mtc_batch_early *e = arg;
    e->status = mtc_checker_new(e->cfg, &e->chk, &e->err);
    return NULL;
}

int mtc_batch_prepare(mtc_batch_early *e, const mtc_config *cfg)
{
    memset(e, 0, sizeof *e);
    e->cfg = cfg;
    e->started = pthread_create(&e->thread, NULL, make_early, e) == 0;
    return e->started;
}

mtc_checker *mtc_batch_prepared(mtc_batch_early *e)
{
    if (!e->started)
        return NULL;
    pthread_join(e->thread, NULL);
    e->started = 0;
    mtc_checker *chk = e->status == MTC_OK ? e->chk : NULL;
    e->chk = NULL;
    return chk;
}

size_t mtc_batch_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (size_t)n : 1;
}

/* The article's source, decoded and read like an article (any encoding,
 * text/Markdown/HTML by its extension). A failure is recorded in the
 * item; the article is still checked, without it. */
static void load_source(const mtc_batch *b, const mtc_batch_job *job, mtc_batch_item *it)
{
    mtc_status st;
    if (job->source_bytes) {
        size_t n = strlen(job->path) + 16;
        char *name = mtc_xmalloc(n);
        snprintf(name, n, "%s (source)", job->path);
        st = mtc_document_from_bytes(name, job->source_bytes, job->source_len, NULL,
                                     MTC_INPUT_AUTO, &it->source_doc, &it->source_err);
        free(name);
    } else if (job->source_path) {
        struct stat sb;
        if (job->source_optional && stat(job->source_path, &sb) != 0) {
            it->source_absent = 1;
            return;
        }
        st = mtc_document_load(job->source_path, NULL, MTC_INPUT_AUTO, b->max_bytes,
                               &it->source_doc, &it->source_err);
    } else {
        it->source_absent = job->source_optional;
        return;
    }
    if (st != MTC_OK) {
        it->source_doc = NULL;
        if (it->source_err.status == MTC_OK)
            it->source_err.status = st;
    }
}

static void process(worker *w, mtc_batch_job *job, mtc_batch_item *it)
{
    const mtc_batch *b = w->p->b;
    it->config = job->config < b->n_configs ? job->config : 0;
    it->line = job->line;
    it->id_is_number = job->id_is_number;
    if (job->err.status != MTC_OK) {
        it->status = job->err.status;
        it->err = job->err;
        return;
    }
    mtc_status st;
    if (job->bytes)
        st = mtc_document_from_bytes(job->path, job->bytes, job->len, b->encoding,
                                     b->input_format, &it->doc, &it->err);
    else
        st = mtc_document_load(job->path, b->encoding, b->input_format, b->max_bytes, &it->doc,
                               &it->err);
    if (st != MTC_OK) {
        it->status = st;
        return;
    }
    it->doc->id_is_number = job->id_is_number;
    mtc_checker *chk = w->checkers[it->config];
    if (!chk) {
        pthread_mutex_lock(&w->p->create_lock);
        st = mtc_checker_new(b->configs[it->config], &chk, &it->err);
        pthread_mutex_unlock(&w->p->create_lock);
        if (st != MTC_OK) {
            it->status = st;
            mtc_document_free(it->doc);
            it->doc = NULL;
            pthread_mutex_lock(&w->p->lock);
            if (!w->p->stop) {
                w->p->stop = 1;
                w->p->fatal = it->err;
            }
            pthread_cond_broadcast(&w->p->ready);
            pthread_cond_broadcast(&w->p->space);
            pthread_mutex_unlock(&w->p->lock);
            return;
        }
        w->checkers[it->config] = chk;
    }
    load_source(b, job, it);
    st = mtc_checker_check_source(chk, it->doc, it->source_doc, &it->res, &it->err);
    if (st != MTC_OK) {
        it->status = st;
        return;
    }
    it->status = MTC_OK;
}

/* Whether a worker that has just filled a slot wakes the calling thread:
 * always when results are handed over one by one or the run is ending;
 * for a source that never blocks, once the next slot in order and half the
 * window are ready (called under the lock). */
static int wake_caller(const pool *p)
{
    if (!p->slots[p->delivered % p->window].ready)
        return 0; /* it waits for that one */
    if (!p->b->source_never_blocks || p->eof || p->stop)
        return 1;
    size_t n = 1;
    while (n < p->window && p->slots[(p->delivered + n) % p->window].ready)
        n++;
    return 2 * n >= p->window;
}

static void *worker_main(void *arg)
{
    worker *w = arg;
    pool *p = w->p;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        /* a place in the window first, then the job: the source is read
         * outside the main lock, so results keep flowing while it blocks */
        while (!p->stop && !p->eof && p->reserved - p->delivered >= p->window) {
            pthread_cond_broadcast(&p->ready); /* the window is full: drain it */
            pthread_cond_wait(&p->space, &p->lock);
        }
        if (p->stop || p->eof)
            break;
        p->reserved++;
        pthread_mutex_unlock(&p->lock);

        mtc_batch_job job;
        memset(&job, 0, sizeof job);
        pthread_mutex_lock(&p->source_lock);
        int got = !p->eof_source && p->b->next(p->b->next_ctx, &job);
        size_t seq = got ? p->next_seq++ : 0;
        if (!got && !p->eof_source) {
            p->eof_source = 1;
            pthread_mutex_lock(&p->lock);
            p->total = p->next_seq;
            p->eof = 1;
            pthread_cond_broadcast(&p->ready);
            pthread_cond_broadcast(&p->space);
            pthread_mutex_unlock(&p->lock);
        }
        pthread_mutex_unlock(&p->source_lock);
        if (!got) {
            pthread_mutex_lock(&p->lock);
            break;
        }

        mtc_batch_item it;
        memset(&it, 0, sizeof it);
        it.seq = seq;
        process(w, &job, &it);
        free(job.bytes);
        free(job.source_bytes);
        free(job.source_path);

        pthread_mutex_lock(&p->lock);
        slot *s = &p->slots[seq % p->window];
        s->item = it;
        s->path = job.path;
        s->item.path = s->path;
        s->ready = 1;
        /* the calling thread waits only for the next slot in order: a
         * result further on is taken when that one is (no wake-up each) */
        if (wake_caller(p))
            pthread_cond_broadcast(&p->ready);
    }
    p->running--;
    pthread_cond_broadcast(&p->ready);
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

/* One worker: the calling thread takes each job, checks it and hands it to
 * the sink itself, in order (no thread, no hand-off per article: the same
 * items, in the same order, as the pool would deliver). */
static mtc_status run_inline(const mtc_batch *b, mtc_error *err)
{
    pool p;
    memset(&p, 0, sizeof p);
    p.b = b;
    p.window = 1;
    worker w;
    memset(&w, 0, sizeof w);
    w.p = &p;
    size_t nc = b->n_configs ? b->n_configs : 1;
    w.checkers = mtc_xcalloc(nc, sizeof *w.checkers);
    mtc_status rc = MTC_OK;
    if (b->first_checker)
        w.checkers[0] = b->first_checker; /* made before the run */
    else if (b->n_configs)
        rc = mtc_checker_new(b->configs[0], &w.checkers[0], err);
    /* process() takes these for a checker it creates later (one thread:
     * nothing waits on them) */
    pthread_mutex_init(&p.lock, NULL);
    pthread_mutex_init(&p.create_lock, NULL);
    pthread_cond_init(&p.space, NULL);
    pthread_cond_init(&p.ready, NULL);
    for (size_t seq = 0; rc == MTC_OK && !p.stop; seq++) {
        mtc_batch_job job;
        memset(&job, 0, sizeof job);
        if (!b->next(b->next_ctx, &job))
            break;
        mtc_batch_item it;
        memset(&it, 0, sizeof it);
        it.seq = seq;
        process(&w, &job, &it);
        free(job.bytes);
        free(job.source_bytes);
        free(job.source_path);
        it.path = job.path;
        if (!p.stop)
            b->done(b->done_ctx, &it);
        mtc_result_free(it.res);
        mtc_document_free(it.doc);
        mtc_document_free(it.source_doc);
        free(job.path);
    }
    if (rc == MTC_OK && p.fatal.status != MTC_OK) {
        *err = p.fatal;
        rc = p.fatal.status;
    }
    free_checkers(b, w.checkers, nc);
    pthread_cond_destroy(&p.space);
    pthread_cond_destroy(&p.ready);
    pthread_mutex_destroy(&p.lock);
    pthread_mutex_destroy(&p.create_lock);
    return rc;
}

mtc_status mtc_batch_run(const mtc_batch *b, mtc_error *err)
{
    if (b->workers <= 1)
        return run_inline(b, err);
    pool p;
    memset(&p, 0, sizeof p);
    p.b = b;
    size_t nw = b->workers ? b->workers : 1;
    p.window = b->window ? b->window : 4 * nw;
    if (p.window < nw)
        p.window = nw;
    pthread_mutex_init(&p.lock, NULL);
    pthread_mutex_init(&p.create_lock, NULL);
    pthread_mutex_init(&p.source_lock, NULL);
    pthread_cond_init(&p.space, NULL);
    pthread_cond_init(&p.ready, NULL);
    p.slots = mtc_xcalloc(p.window, sizeof *p.slots);
    worker *ws = mtc_xcalloc(nw, sizeof *ws);
    mtc_status rc = MTC_OK;

    /* The first worker's checker for the first configuration before any
     * thread starts: fails fast on a bad dictionary. The other workers
     * create theirs on their first job, one at a time (create_lock), while
     * the first one already checks articles. */
    for (size_t i = 0; i < nw; i++) {
        ws[i].p = &p;
        ws[i].checkers = mtc_xcalloc(b->n_configs ? b->n_configs : 1, sizeof *ws[i].checkers);
    }
    if (b->first_checker)
        ws[0].checkers[0] = b->first_checker; /* made before the run */
    else if (b->n_configs)
        rc = mtc_checker_new(b->configs[0], &ws[0].checkers[0], err);
    size_t started = 0;
    if (rc == MTC_OK) {
        p.running = nw;
        for (; started < nw; started++)
            if (pthread_create(&ws[started].thread, NULL, worker_main, &ws[started]) != 0)
                break;
        pthread_mutex_lock(&p.lock);
        p.running = started;
        if (started == 0) {
            p.stop = 1;
            mtc_error_set(&p.fatal, MTC_ERR_IO, NULL, -1, -1, "cannot start a worker thread");
        }
        for (;;) {
            slot *s = &p.slots[p.delivered % p.window];
            while (!s->ready && !p.stop && !(p.running == 0 || (p.eof && p.delivered == p.total)))
                pthread_cond_wait(&p.ready, &p.lock);
            if (!s->ready || p.stop)
                break;
            pthread_mutex_unlock(&p.lock);
            b->done(b->done_ctx, &s->item);
            mtc_result_free(s->item.res);
            mtc_document_free(s->item.doc);
            mtc_document_free(s->item.source_doc);
            free(s->path);
            pthread_mutex_lock(&p.lock);
            memset(s, 0, sizeof *s);
            p.delivered++;
            pthread_cond_broadcast(&p.space);
        }
        p.stop = p.stop ? p.stop : 1;
        pthread_cond_broadcast(&p.space);
        int fatal = p.fatal.status != MTC_OK;
        pthread_mutex_unlock(&p.lock);
        for (size_t i = 0; i < started; i++)
            pthread_join(ws[i].thread, NULL);
        if (fatal) {
            *err = p.fatal;
            rc = p.fatal.status;
        }
    }
    /* undelivered slots (after a fatal error) */
    for (size_t i = 0; i < p.window; i++) {
        mtc_result_free(p.slots[i].item.res);
        mtc_document_free(p.slots[i].item.doc);
        mtc_document_free(p.slots[i].item.source_doc);
        free(p.slots[i].path);
    }
    for (size_t i = 0; i < nw; i++)
        free_checkers(b, ws[i].checkers, b->n_configs ? b->n_configs : 1);
    free(ws);
    free(p.slots);
    pthread_cond_destroy(&p.space);
    pthread_cond_destroy(&p.ready);
    pthread_mutex_destroy(&p.lock);
    pthread_mutex_destroy(&p.create_lock);
    pthread_mutex_destroy(&p.source_lock);
    return rc;
}
