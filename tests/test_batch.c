/* test_batch.c — parallel batches: the same output whatever -j is, input
 * order kept by the reorder window, bounded work in flight, a checker
 * failure stops the run; --stdin-jsonl (alone and under GNU parallel)
 * gives the same issues as checking the files one by one; progress only
 * when asked for (stdout is not a terminal here). */
#include <criterion/criterion.h>
#include <json-c/json.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <valgrind/valgrind.h>

#include "alloc.h"
#include "batch.h"
#include "buffer.h"
#include "clitest.h"
#include "testutil.h"

static void go_root(void)
{
    char buf[4096];
    cr_assert_eq(chdir(tu_root_path(".", buf, sizeof buf)), 0);
}

static const char *const batch_files[] = {
    "tests/fixtures/ci/batch/01-port.txt",  "tests/fixtures/ci/batch/02-rain.txt",
    "tests/fixtures/ci/batch/03-trade.txt", "tests/fixtures/ci/batch/04-school.txt",
    "tests/fixtures/ci/batch/05-bridge.txt", "tests/fixtures/ci/batch/06-notes.md",
    "tests/fixtures/ci/batch/07-page.html",
};
#define N_FILES (sizeof batch_files / sizeof batch_files[0])

Test(batch, output_identical_whatever_jobs)
{
    go_root();
    const char *formats[] = {"json", "jsonl", "text", "sarif"};
    for (size_t f = 0; f < sizeof formats / sizeof formats[0]; f++) {
        char args[256];
        snprintf(args, sizeof args, "--no-config --format %s -j 1 tests/fixtures/ci/batch",
                 formats[f]);
        ct_result one = ct_run(args, NULL);
        cr_assert_eq(one.status, 1, "%s", one.err);
        for (int j = 2; j <= 5; j += 3) {
            snprintf(args, sizeof args, "--no-config --format %s -j %d tests/fixtures/ci/batch",
                     formats[f], j);
            ct_result many = ct_run(args, NULL);
            cr_assert_eq(many.status, one.status);
            cr_assert_eq(many.out_len, one.out_len, "%s -j %d", formats[f], j);
            cr_assert(memcmp(many.out, one.out, one.out_len) == 0, "%s -j %d differs", formats[f], j);
            ct_free(&many);
        }
        ct_free(&one);
    }
}

/* A source of generated articles and a sink that checks the order. */
typedef struct gen {
    size_t n, given;
    _Atomic size_t done; /* written by the sink, read by the source */
    size_t max_in_flight, window;
    int order_ok;
} gen;

static int gen_next(void *ctx, mtc_batch_job *job)
{
    gen *g = ctx;
    if (g->given >= g->n)
        return 0;
    char buf[256];
    snprintf(buf, sizeof buf, "Report %zu\n\nThe the council met on day %zu.\n", g->given, g->given);
    job->bytes = mtc_xstrdup(buf);
    job->len = strlen(buf);
    snprintf(buf, sizeof buf, "doc-%zu", g->given);
    job->path = mtc_xstrdup(buf);
    g->given++;
    /* given counts jobs taken; done counts jobs delivered (read under the lock) */
    if (g->given - g->done > g->max_in_flight)
        g->max_in_flight = g->given - g->done;
    return 1;
}

static void gen_done(void *ctx, const mtc_batch_item *it)
{
    gen *g = ctx;
    char want[64];
    snprintf(want, sizeof want, "doc-%zu", g->done);
    if (it->seq != g->done || strcmp(it->path, want) != 0 || it->status != MTC_OK ||
        it->res->n_issues != 1 || strcmp(it->res->issues[0].rule, "typography.doubled-word") != 0)
        g->order_ok = 0;
    g->done++;
}

Test(batch, library_keeps_order_and_bounds_work_in_flight)
{
    mtc_config *cfg = mtc_config_new();
    mtc_config_set_rule(cfg, "all", 0);
    mtc_config_set_rule(cfg, "typography", 1);
    const mtc_config *cfgs[] = {cfg};
    gen g = {300, 0, 0, 0, 6, 1};
    mtc_batch b;
    memset(&b, 0, sizeof b);
    b.workers = 4;
    b.window = g.window;
    b.configs = cfgs;
    b.n_configs = 1;
    b.input_format = MTC_INPUT_TEXT;
    b.next = gen_next;
    b.next_ctx = &g;
    b.done = gen_done;
    b.done_ctx = &g;
    mtc_error err;
    cr_assert_eq(mtc_batch_run(&b, &err), MTC_OK, "%s", err.message);
    cr_assert_eq(g.done, 300);
    cr_assert(g.order_ok, "results out of order or wrong");
    cr_assert_leq(g.max_in_flight, g.window + 1, "at most the window is in flight (%zu)",
                  g.max_in_flight);
    mtc_config_free(cfg);
}

Test(batch, checker_failure_stops_the_run)
{
    mtc_config *cfg = mtc_config_new();
    snprintf(cfg->lang, sizeof cfg->lang, "xx_XX"); /* no such dictionary */
    mtc_config_add_dicpath(cfg, "/nonexistent");
    const mtc_config *cfgs[] = {cfg};
    gen g = {20, 0, 0, 0, 4, 1};
    mtc_batch b;
    memset(&b, 0, sizeof b);
    b.workers = 2;
    b.configs = cfgs;
    b.n_configs = 1;
    b.next = gen_next;
    b.next_ctx = &g;
    b.done = gen_done;
    b.done_ctx = &g;
    mtc_error err;
    memset(&err, 0, sizeof err);
    cr_assert_neq(mtc_batch_run(&b, &err), MTC_OK);
    cr_assert(strlen(err.message) > 0);
    cr_assert_eq(g.done, 0);
    mtc_config_free(cfg);
}

/* One worker: the calling thread checks every article itself (no thread,
 * no hand-off); the same items in the same order, one in flight at a time,
 * each handed over on the calling thread. */
typedef struct inline_gen {
    gen g;
    pthread_t caller;
    int same_thread;
} inline_gen;

static int inline_next(void *ctx, mtc_batch_job *job)
{
    inline_gen *ig = ctx;
    if (!pthread_equal(pthread_self(), ig->caller))
        ig->same_thread = 0;
    return gen_next(&ig->g, job);
}

static void inline_done(void *ctx, const mtc_batch_item *it)
{
    inline_gen *ig = ctx;
    if (!pthread_equal(pthread_self(), ig->caller))
        ig->same_thread = 0;
    gen_done(&ig->g, it);
}

Test(batch, one_worker_runs_on_the_calling_thread_in_order)
{
    mtc_config *cfg = mtc_config_new();
    mtc_config_set_rule(cfg, "all", 0);
    mtc_config_set_rule(cfg, "typography", 1);
    const mtc_config *cfgs[] = {cfg};
    inline_gen ig = {{50, 0, 0, 0, 1, 1}, pthread_self(), 1};
    mtc_batch b;
    memset(&b, 0, sizeof b);
    b.workers = 1;
    b.configs = cfgs;
    b.n_configs = 1;
    b.input_format = MTC_INPUT_TEXT;
    b.next = inline_next;
    b.next_ctx = &ig;
    b.done = inline_done;
    b.done_ctx = &ig;
    mtc_error err;
    cr_assert_eq(mtc_batch_run(&b, &err), MTC_OK, "%s", err.message);
    cr_assert_eq(ig.g.done, 50);
    cr_assert(ig.g.order_ok, "results out of order or wrong");
    cr_assert(ig.same_thread, "source and sink ran on another thread");
    cr_assert_eq(ig.g.max_in_flight, 1, "one article in flight (%zu)", ig.g.max_in_flight);
    mtc_config_free(cfg);
}

Test(batch, one_worker_checker_failure_stops_the_run)
{
    mtc_config *cfg = mtc_config_new();
    snprintf(cfg->lang, sizeof cfg->lang, "xx_XX"); /* no such dictionary */
    mtc_config_add_dicpath(cfg, "/nonexistent");
    const mtc_config *cfgs[] = {cfg};
    gen g = {20, 0, 0, 0, 4, 1};
    mtc_batch b;
    memset(&b, 0, sizeof b);
    b.workers = 1;
    b.configs = cfgs;
    b.n_configs = 1;
    b.next = gen_next;
    b.next_ctx = &g;
    b.done = gen_done;
    b.done_ctx = &g;
    mtc_error err;
    memset(&err, 0, sizeof err);
    cr_assert_neq(mtc_batch_run(&b, &err), MTC_OK);
    cr_assert(strlen(err.message) > 0);
    cr_assert_eq(g.done, 0);
    cr_assert_eq(g.given, 0, "no job taken before the checker exists");
    mtc_config_free(cfg);
}

/* A second configuration whose checker cannot be created, met after some
 * articles of the first: those are delivered, then the run stops with the
 * error (one worker and two). */
typedef struct two_cfg_gen {
    size_t n, given, done;
} two_cfg_gen;

static int two_cfg_next(void *ctx, mtc_batch_job *job)
{
    two_cfg_gen *g = ctx;
    if (g->given >= g->n)
        return 0;
    job->bytes = mtc_xstrdup("The the council met.\n");
    job->len = strlen(job->bytes);
    char buf[32];
    snprintf(buf, sizeof buf, "doc-%zu", g->given);
    job->path = mtc_xstrdup(buf);
    job->config = g->given >= 3; /* the fourth article on: the broken configuration */
    g->given++;
    return 1;
}

static void two_cfg_done(void *ctx, const mtc_batch_item *it)
{
    two_cfg_gen *g = ctx;
    cr_assert_eq(it->config, 0);
    cr_assert_eq(it->status, MTC_OK);
    g->done++;
}

Test(batch, later_configuration_failure_stops_the_run)
{
    mtc_config *good = mtc_config_new();
    mtc_config_set_rule(good, "all", 0);
    mtc_config_set_rule(good, "typography", 1);
    mtc_config *bad = mtc_config_new();
    snprintf(bad->lang, sizeof bad->lang, "xx_XX");
    mtc_config_add_dicpath(bad, "/nonexistent");
    const mtc_config *cfgs[] = {good, bad};
    for (size_t workers = 1; workers <= 2; workers++) {
        two_cfg_gen g = {10, 0, 0};
        mtc_batch b;
        memset(&b, 0, sizeof b);
        b.workers = workers;
        b.window = 1;
        b.configs = cfgs;
        b.n_configs = 2;
        b.input_format = MTC_INPUT_TEXT;
        b.next = two_cfg_next;
        b.next_ctx = &g;
        b.done = two_cfg_done;
        b.done_ctx = &g;
        mtc_error err;
        memset(&err, 0, sizeof err);
        cr_assert_neq(mtc_batch_run(&b, &err), MTC_OK, "workers %zu", workers);
        cr_assert(strlen(err.message) > 0);
        cr_assert_leq(g.done, 3, "workers %zu: only articles of the first configuration", workers);
        if (workers == 1)
            cr_assert_eq(g.done, 3, "one worker: every article before the failure");
    }
    mtc_config_free(good);
    mtc_config_free(bad);
}

/* A run whose process exits after it leaves its checkers to the operating
 * system, except under a leak checker; the results are the same. */
Test(batch, exiting_run_leaves_checkers_unless_watched)
{
    mtc_batch b;
    memset(&b, 0, sizeof b);
    cr_assert(mtc_batch_frees_all(&b), "a run in a process that goes on frees everything");
    b.exiting = 1;
    int watched = RUNNING_ON_VALGRIND != 0;
#if defined(__SANITIZE_ADDRESS__)
    watched = 1;
#endif
    cr_assert_eq(mtc_batch_frees_all(&b), watched, "frees only under a leak checker");

    mtc_config *cfg = mtc_config_new();
    mtc_config_set_rule(cfg, "all", 0);
    mtc_config_set_rule(cfg, "typography", 1);
    const mtc_config *cfgs[] = {cfg};
    for (size_t workers = 1; workers <= 2; workers++) {
        gen g = {30, 0, 0, 0, 4, 1};
        b.workers = workers;
        b.window = g.window;
        b.configs = cfgs;
        b.n_configs = 1;
        b.input_format = MTC_INPUT_TEXT;
        b.next = gen_next;
        b.next_ctx = &g;
        b.done = gen_done;
        b.done_ctx = &g;
        mtc_error err;
        cr_assert_eq(mtc_batch_run(&b, &err), MTC_OK, "%s", err.message);
        cr_assert_eq(g.done, 30);
        cr_assert(g.order_ok, "workers %zu: results out of order or wrong", workers);
    }
    mtc_config_free(cfg);
}

/* A source that never blocks: the calling thread is woken for half a
 * window of results at a time; every result still comes, in order, with
 * the work in flight bounded, whatever the window and the workers. */
Test(batch, results_in_batches_for_a_source_that_never_blocks)
{
    mtc_config *cfg = mtc_config_new();
    mtc_config_set_rule(cfg, "all", 0);
    mtc_config_set_rule(cfg, "typography", 1);
    const mtc_config *cfgs[] = {cfg};
    size_t windows[] = {1, 2, 3, 8};
    for (size_t workers = 2; workers <= 4; workers += 2)
        for (size_t k = 0; k < sizeof windows / sizeof windows[0]; k++) {
            gen g = {97, 0, 0, 0, windows[k], 1};
            mtc_batch b;
            memset(&b, 0, sizeof b);
            b.workers = workers;
            b.window = g.window;
            b.configs = cfgs;
            b.n_configs = 1;
            b.input_format = MTC_INPUT_TEXT;
            b.next = gen_next;
            b.next_ctx = &g;
            b.done = gen_done;
            b.done_ctx = &g;
            b.source_never_blocks = 1;
            mtc_error err;
            cr_assert_eq(mtc_batch_run(&b, &err), MTC_OK, "%s", err.message);
            cr_assert_eq(g.done, 97, "workers %zu, window %zu", workers, windows[k]);
            cr_assert(g.order_ok, "workers %zu, window %zu: out of order", workers, windows[k]);
            size_t window = windows[k] < workers ? workers : windows[k];
            cr_assert_leq(g.max_in_flight, window + 1, "workers %zu, window %zu: %zu in flight",
                          workers, windows[k], g.max_in_flight);
        }
    mtc_config_free(cfg);
}

/* A first checker made beforehand on its own thread (while a caller lists
 * its inputs) is taken over by the run: the same results with 1 and 2
 * workers; one that cannot be made is NULL, and the run then fails as it
 * would have. */
Test(batch, first_checker_made_beforehand)
{
    mtc_config *cfg = mtc_config_new();
    mtc_config_set_rule(cfg, "all", 0);
    mtc_config_set_rule(cfg, "typography", 1);
    const mtc_config *cfgs[] = {cfg};
    for (size_t workers = 1; workers <= 2; workers++) {
        mtc_batch_early early;
        cr_assert(mtc_batch_prepare(&early, cfg), "a thread starts");
        mtc_checker *first = mtc_batch_prepared(&early);
        cr_assert_not_null(first, "%s", early.err.message);
        cr_assert_null(mtc_batch_prepared(&early), "taken once");
        gen g = {40, 0, 0, 0, 4, 1};
        mtc_batch b;
        memset(&b, 0, sizeof b);
        b.workers = workers;
        b.window = g.window;
        b.configs = cfgs;
        b.n_configs = 1;
        b.input_format = MTC_INPUT_TEXT;
        b.next = gen_next;
        b.next_ctx = &g;
        b.done = gen_done;
        b.done_ctx = &g;
        b.first_checker = first; /* the run frees it */
        mtc_error err;
        cr_assert_eq(mtc_batch_run(&b, &err), MTC_OK, "%s", err.message);
        cr_assert_eq(g.done, 40);
        cr_assert(g.order_ok, "workers %zu: results out of order or wrong", workers);
    }
    mtc_config *bad = mtc_config_new();
    snprintf(bad->lang, sizeof bad->lang, "xx_XX");
    mtc_config_add_dicpath(bad, "/nonexistent");
    mtc_batch_early early;
    mtc_batch_prepare(&early, bad);
    cr_assert_null(mtc_batch_prepared(&early), "no dictionary: no checker");
    cr_assert_neq(early.status, MTC_OK);
    cr_assert(strlen(early.err.message) > 0);
    mtc_config_free(bad);
    mtc_config_free(cfg);
}

/* Writes the batch fixtures as {"id": path, "text": ...} lines. */
static char *write_jsonl(const char *dir)
{
    mtc_buf b = MTC_BUF_INIT;
    for (size_t i = 0; i < N_FILES; i++) {
        size_t len;
        char *text = ct_read(batch_files[i], &len);
        cr_assert_not_null(text);
        json_object *o = json_object_new_object();
        json_object_object_add(o, "id", json_object_new_string(batch_files[i]));
        json_object_object_add(o, "text", json_object_new_string_len(text, (int)len));
        mtc_buf_puts(&b, json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN));
        mtc_buf_putc(&b, '\n');
        json_object_put(o);
        free(text);
    }
    char *p = ct_write(dir, "in.jsonl", b.data, b.len);
    mtc_buf_free(&b);
    return p;
}

/* "rule byte_start byte_end" of every issue of a jsonl result line. */
static char *issues_of(json_object *o)
{
    mtc_buf b = MTC_BUF_INIT;
    mtc_buf_puts(&b, "");
    json_object *issues = json_object_object_get(o, "issues");
    for (size_t i = 0; i < json_object_array_length(issues); i++) {
        json_object *is = json_object_array_get_idx(issues, i);
        mtc_buf_printf(&b, "%s %d %d %s|", json_object_get_string(json_object_object_get(is, "rule")),
                       json_object_get_int(json_object_object_get(is, "byte_start")),
                       json_object_get_int(json_object_object_get(is, "byte_end")),
                       json_object_get_string(json_object_object_get(is, "text")));
    }
    return mtc_buf_detach(&b);
}

/* Checks that the jsonl output holds exactly one line per fixture with the
 * same issues as checking that file alone. */
static void same_as_one_by_one(char *out, int any_order)
{
    char *lines[64];
    size_t n = 0;
    char *save = NULL;
    for (char *l = strtok_r(out, "\n", &save); l && n < 64; l = strtok_r(NULL, "\n", &save))
        lines[n++] = l;
    cr_assert_eq(n, N_FILES, "one result line per article");
    for (size_t i = 0; i < N_FILES; i++) {
        char args[512];
        snprintf(args, sizeof args, "--no-config --format jsonl '%s'", batch_files[i]);
        ct_result one = ct_run(args, NULL);
        json_object *want = json_tokener_parse(one.out);
        cr_assert_not_null(want);
        json_object *got = NULL;
        for (size_t k = 0; k < n && !got; k++) {
            if (!any_order && k != i)
                continue;
            json_object *o = json_tokener_parse(lines[k]);
            cr_assert_not_null(o, "%s", lines[k]);
            if (strcmp(json_object_get_string(json_object_object_get(o, "id")), batch_files[i]) == 0)
                got = o;
            else
                json_object_put(o);
        }
        cr_assert_not_null(got, "no result for %s", batch_files[i]);
        char *a = issues_of(want), *b = issues_of(got);
        cr_assert_str_eq(b, a, "%s", batch_files[i]);
        cr_assert_str_eq(json_object_get_string(json_object_object_get(got, "score")),
                         json_object_get_string(json_object_object_get(want, "score")));
        free(a);
        free(b);
        json_object_put(got);
        json_object_put(want);
        ct_free(&one);
    }
}

Test(batch, stdin_jsonl_same_issues_as_files)
{
    go_root();
    char *dir = ct_tmpdir();
    char *in = write_jsonl(dir);
    ct_result r = ct_run("--stdin-jsonl --no-config -j 3", in);
    cr_assert_eq(r.status, 1, "%s", r.err);
    same_as_one_by_one(r.out, 0);
    ct_free(&r);
    free(in);
    free(dir);
}

Test(batch, stdin_jsonl_under_gnu_parallel)
{
    go_root();
    cr_assert_eq(system("command -v parallel >/dev/null 2>&1"), 0,
                 "GNU parallel is not installed (make deps installs it)");
    char *dir = ct_tmpdir();
    char *in = write_jsonl(dir);
    char cmd[8192];
    snprintf(cmd, sizeof cmd,
             "parallel --will-cite --pipe -N 2 -j 3 '%s' --stdin-jsonl --no-config -j 1 "
             "< '%s' > '%s/out.jsonl' 2> '%s/err.txt'",
             ct_bin(), in, dir, dir);
    int rc = system(cmd);
    (void)rc; /* parallel exits with the number of failed jobs (gate failures) */
    char path[4200];
    snprintf(path, sizeof path, "%s/out.jsonl", dir);
    char *out = ct_read(path, NULL);
    cr_assert_not_null(out);
    same_as_one_by_one(out, 1);
    free(out);
    free(in);
    free(dir);
}

Test(batch, stdin_jsonl_bad_lines)
{
    char *dir = ct_tmpdir();
    const char in[] = "{\"id\": 7, \"text\": \"Rain stops\\n\\nThe the rain stopped.\"}\n"
                      "\n"
                      "this is not json\n"
                      "{\"id\": \"b\"}\n"
                      "{\"id\": \"c\", \"text\": \"Sun returns\\n\\nThe sun came back.\"}\n";
    char *p = ct_write(dir, "in.jsonl", in, strlen(in));
    ct_result r = ct_run("--stdin-jsonl --no-config", p);
    cr_assert_eq(r.status, 2, "bad lines make the run fail: %s", r.err);
    cr_assert(strstr(r.err, "<stdin>:3:"), "%s", r.err);
    cr_assert(strstr(r.err, "<stdin>:4: \"text\""), "%s", r.err);
    cr_assert(strstr(r.out, "{\"id\": 7,"), "numeric ids are echoed as numbers, as written: %s", r.out);
    cr_assert(strstr(r.out, "{\"id\": \"c\""), "%s", r.out);
    cr_assert(strstr(r.out, "typography.doubled-word"));
    ct_free(&r);
    r = ct_run("--stdin-jsonl x.txt", NULL);
    cr_assert_eq(r.status, 2);
    ct_free(&r);
    free(p);
    free(dir);
}

Test(batch, progress_only_when_asked)
{
    go_root();
    ct_result r = ct_run("--no-config --format json tests/fixtures/ci/batch", NULL);
    cr_assert_null(strstr(r.err, "articles"), "no progress when stdout is piped: %s", r.err);
    ct_free(&r);
    r = ct_run("--no-config --format json --progress tests/fixtures/ci/batch", NULL);
    cr_assert(strstr(r.err, "mtcheck: 7/7 articles"), "%s", r.err);
    ct_free(&r);
}
