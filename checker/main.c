/* main.c — the mtcheck command line and nothing else: parses options,
 * answers --help, --version and --list-rules, hands the check to the run
 * (app/run.c: configurations, inputs, batch, reporters, outputs), shows
 * progress and diagnostics on standard error, and sets the exit status
 * (0 passed, 1 failed the gate, 2 usage, configuration or unreadable
 * input). Lives on the public interface: mtcheck.h, the options and the
 * run. One cleanup path. */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "mtcheck.h"
#include "options.h"
#include "run.h"

#define EXIT_PASS 0
#define EXIT_GATE 1
#define EXIT_TROUBLE 2

/* What standard error shows while the run goes. */
typedef struct terminal {
    int progress;           /* show a progress line */
    int progress_tty;       /* ... redrawn in place */
    int line_open;          /* a progress line is on screen */
    double started, last_shown;
} terminal;

/* Every diagnostic goes through the terminal escaper: a file name with a
 * newline cannot start a "::error" workflow command, nor an ESC sequence
 * reach the terminal. */
static void on_diagnostic(void *ctx, const mtc_error *err)
{
    terminal *t = ctx;
    if (t && t->line_open) {
        fputs("\r\033[K", stderr);
        t->line_open = 0;
    }
    char buf[4400];
    mtc_error_format_terminal(err, buf, sizeof buf);
    fprintf(stderr, "mtcheck: %s\n", buf);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void on_progress(void *ctx, size_t done, size_t total, int final)
{
    terminal *t = ctx;
    if (!t->progress)
        return;
    double now_s = now();
    if (!final && now_s - t->last_shown < (t->progress_tty ? 0.2 : 2.0))
        return;
    t->last_shown = now_s;
    double el = now_s - t->started;
    double rate = el > 0 ? (double)done / el : 0;
    char left[64] = "";
    if (total && rate > 0 && done < total) {
        long s = (long)((double)(total - done) / rate + 0.5);
        snprintf(left, sizeof left, ", %ld:%02ld left", s / 60, s % 60);
    }
    char of[32] = "";
    if (total)
        snprintf(of, sizeof of, "/%zu", total);
    fprintf(stderr, "%smtcheck: %zu%s articles, %.1f/s%s%s", t->progress_tty ? "\r\033[K" : "",
            done, of, rate, left, t->progress_tty && !final ? "" : "\n");
    t->line_open = t->progress_tty && !final;
    fflush(stderr);
}

/* Progress on a terminal: never in CI logs or when stdout is piped, unless
 * --progress asks for it. */
static int use_progress(const mtc_options *opt)
{
    if (opt->progress >= 0)
        return opt->progress;
    const char *ci = getenv("CI");
    if (ci && *ci)
        return 0;
    return isatty(STDERR_FILENO) && isatty(STDOUT_FILENO);
}

static int list_rules(void)
{
    mtc_rule_desc r;
    for (size_t i = 0; mtc_rule_at(i, &r); i++)
        printf("%-40s %-11s %-8s %-3s %s\n", r.id, r.category, mtc_severity_name(r.severity),
               r.enabled ? "on" : "off", r.description);
    return EXIT_PASS;
}

int main(int argc, char **argv)
{
    /* A batch allocates and frees the same few large per-document arrays
     * (text, tokens, sentences) once per article. Keep freed memory for the
     * next article instead of returning it to the kernel and faulting fresh
     * zeroed pages back in every time (the kernel's page clearing was 6%
     * of the profile on a corpus of 1 MB files, 0.7% with this). Peak RSS
     * is still that of the largest article, not of the batch. Arrays of 8 MB
     * and more (only a big article has them: a 1 MB article's largest,
     * its tokens, is under 3 MB) are mapped on their own, grown in place
     * and returned when freed, so a big article's peak is what it holds at
     * once, not that plus the holes its freed arrays leave in the heap (a
     * 64 MB article as SARIF: 491 -> 464 MB). */
    mallopt(M_MMAP_THRESHOLD, 8 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
    int status = EXIT_PASS;
    mtc_options opt;
    mtc_error err;
    memset(&err, 0, sizeof err);
    if (mtc_options_parse(argc, argv, &opt, &err) != MTC_OK) {
        fprintf(stderr, "mtcheck: %s\nTry 'mtcheck --help'.\n", err.message);
        status = EXIT_TROUBLE;
        goto done;
    }
    switch (opt.action) {
    case MTC_ACTION_HELP:
        fputs(mtc_options_help(), stdout);
        break;
    case MTC_ACTION_VERSION:
        printf("mtcheck %s\n", MTC_VERSION);
        break;
    case MTC_ACTION_LIST_RULES:
        status = list_rules();
        break;
    case MTC_ACTION_CHECK: {
        if (mtc_options_read_files0(&opt, &err) != MTC_OK) {
            on_diagnostic(NULL, &err);
            status = EXIT_TROUBLE;
            break;
        }
        terminal term = {use_progress(&opt), isatty(STDERR_FILENO), 0, now(), 0};
        term.last_shown = term.started;
        mtc_run_hooks hooks = {on_diagnostic, on_progress, &term, 1}; /* exits after it */
        mtc_run_totals totals;
        mtc_run_check(&opt, &hooks, &totals);
        status = totals.trouble ? EXIT_TROUBLE : totals.failed ? EXIT_GATE : EXIT_PASS;
        break;
    }
    }
    if (opt.action != MTC_ACTION_CHECK && (fflush(stdout) != 0 || ferror(stdout)))
        status = EXIT_TROUBLE;
done:
    mtc_options_free(&opt);
    return status;
}
