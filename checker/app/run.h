/* run.h — one run of mtcheck over the command line's inputs: the
 * configurations (.mtcheck.ini with the command line on top), the inputs
 * (files, folders, --stdin-jsonl), the batch, the reporter, --html-dir and
 * the atomic -o output. What main.c calls: main keeps the terminal policy
 * (progress, colours, printing, the exit status); the run reports back
 * through hooks and counts, and prints nothing itself. */
#ifndef MTC_RUN_H
#define MTC_RUN_H

#include <stddef.h>

#include "mtcheck.h"
#include "options.h"

typedef struct mtc_run_hooks {
    /* An error or warning to show (a file that could not be read, a guessed
     * encoding, a configuration error). May be NULL. */
    void (*diagnostic)(void *ctx, const mtc_error *err);
    /* After every article, in input order: done so far and the total
     * (0 when streaming). May be NULL. */
    void (*progress)(void *ctx, size_t done, size_t total, int final);
    void *ctx;
    /* 1: the process exits right after the run, so the checkers' memory
     * (hunspell's dictionaries) may be left to the operating system
     * (mtc_batch.exiting). */
    int exiting;
} mtc_run_hooks;

/* What the run did. */
typedef struct mtc_run_totals {
    size_t checked;   /* articles checked */
    size_t failed;    /* of them, failing the gate */
    size_t binary;    /* inputs skipped as binary */
    int trouble;      /* 1 when an input, the configuration or an output failed */
} mtc_run_totals;

/* Runs the check the options describe (opt->action MTC_ACTION_CHECK).
 * Every problem goes to hooks->diagnostic and is counted in *totals;
 * returns MTC_OK when the run went to its end (whatever it found), else
 * the status of what stopped it. */
mtc_status mtc_run_check(const mtc_options *opt, const mtc_run_hooks *hooks,
                         mtc_run_totals *totals);

#endif
