/* main.c — the mtcheck command line and nothing else: parses options,
 * finds the configuration (.mtcheck.ini), collects inputs (or streams
 * --stdin-jsonl), runs the batch (batch.c) over them, hands results in
 * input order to a reporter, shows progress, prints errors and sets the
 * exit status (0 passed, 1 failed the gate, 2 usage or unreadable input). */
#define _DEFAULT_SOURCE /* realpath */
#include <limits.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "analyzer.h"
#include "baseline.h"
#include "batch.h"
#include "checker.h"
#include "config_ini.h"
#include "document.h"
#include "escape.h"
#include "inputs.h"
#include "mtcheck.h"
#include "options.h"
#include "report.h"
#include "report_html.h"
#include "stdin_jsonl.h"

#define EXIT_PASS 0
#define EXIT_GATE 1
#define EXIT_TROUBLE 2

/* Every diagnostic goes through the terminal escaper: a file name with a
 * newline cannot start a "::error" workflow command, nor an ESC sequence
 * reach the terminal. */
static void print_error(const mtc_error *err)
{
    char buf[2200];
    mtc_error_format(err, buf, sizeof buf);
    mtc_buf line = MTC_BUF_INIT;
    mtc_escape_terminal(&line, buf, strlen(buf));
    fprintf(stderr, "mtcheck: %.*s\n", (int)line.len, line.data ? line.data : "");
    mtc_buf_free(&line);
}

static int list_rules(void)
{
    size_t n;
    const mtc_analyzer *const *all = mtc_analyzers(&n);
    for (size_t i = 0; i < n; i++)
        for (size_t r = 0; r < all[i]->n_rules; r++) {
            const mtc_rule_info *ri = &all[i]->rules[r];
            printf("%-40s %-11s %-8s %-3s %s\n", ri->id, ri->category,
                   mtc_severity_name(ri->severity), ri->enabled ? "on" : "off", ri->description);
        }
    return ferror(stdout) ? EXIT_TROUBLE : EXIT_PASS;
}

static int use_color(const mtc_options *opt, FILE *out)
{
    if (opt->color >= 0)
        return opt->color;
    const char *nc = getenv("NO_COLOR");
    if (nc && *nc)
        return 0;
    const char *term = getenv("TERM");
    if (term && strcmp(term, "dumb") == 0)
        return 0;
    return isatty(fileno(out));
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

/* The repository root (nearest folder with .git), else the current
 * folder: SARIF and annotation paths are relative to it. */
static char *repository_root(void)
{
    char buf[PATH_MAX];
    if (!getcwd(buf, sizeof buf))
        return NULL;
    char cand[PATH_MAX + 8];
    for (;;) {
        struct stat st;
        snprintf(cand, sizeof cand, "%s/.git", strcmp(buf, "/") == 0 ? "" : buf);
        if (stat(cand, &st) == 0)
            return strdup(buf);
        char *slash = strrchr(buf, '/');
        if (!slash || slash == buf)
            break;
        *slash = '\0';
    }
    return getcwd(buf, sizeof buf) ? strdup(buf) : NULL;
}

/* The command line's settings on top of a .mtcheck.ini configuration. */
static void apply_command_line(void *ctx, mtc_config *cfg)
{
    const mtc_options *opt = ctx;
    const mtc_config *cli = opt->cfg;
    if (cfg == cli)
        return;
    if (opt->lang_set)
        snprintf(cfg->lang, sizeof cfg->lang, "%s", cli->lang);
    for (size_t i = 0; i < cli->n_dicts; i++)
        mtc_config_add_dict(cfg, cli->dicts[i]);
    for (size_t i = 0; i < cli->n_dicpaths; i++)
        mtc_config_add_dicpath(cfg, cli->dicpaths[i]);
    for (size_t i = 0; i < cli->n_rules; i++) {
        const mtc_rule_setting *s = &cli->rules[i];
        if (s->enabled >= 0)
            mtc_config_set_rule(cfg, s->id, s->enabled);
        if (s->severity != MTC_SEV_DEFAULT)
            mtc_config_set_severity(cfg, s->id, s->severity);
    }
    if (opt->fail_on_set) {
        cfg->fail_on = cli->fail_on;
        cfg->fail_on_none = cli->fail_on_none;
    }
    if (opt->min_score_set)
        cfg->min_score = cli->min_score;
}

/* The job source over a list of files. */
typedef struct file_source {
    const mtc_input_list *inputs;
    const size_t *config;   /* per input */
    const char *selected;   /* per input: 1 = check it */
    size_t next;
} file_source;

static int next_file(void *ctx, mtc_batch_job *job)
{
    file_source *fs = ctx;
    while (fs->next < fs->inputs->n && !fs->selected[fs->next])
        fs->next++;
    if (fs->next >= fs->inputs->n)
        return 0;
    job->path = strdup(fs->inputs->paths[fs->next]);
    job->config = fs->config[fs->next];
    fs->next++;
    return job->path != NULL;
}

/* A report written beside the main one in the same run (--sarif, --summary). */
typedef struct side_report {
    const mtc_reporter *rep;
    void *state;
    mtc_output out;
} side_report;

/* What the sink needs: the reporter, the summary, the exit status. */
typedef struct run {
    const mtc_reporter *rep;
    void *rstate;
    side_report sides[2];
    size_t n_sides;
    const mtc_baseline *baseline;   /* --baseline, or NULL */
    FILE *baseline_out;             /* --write-baseline, or NULL */
    const mtc_config *const *cfgs;  /* per configuration index (the gate after a baseline) */
    const mtc_report_options *ropt;
    mtc_summary sum;
    int status;
    mtc_html_dir *html;     /* --html-dir, or NULL */
    size_t checked, binary, done, total; /* total 0 = unknown (stream) */
    int progress;
    int progress_tty;
    double started, last_shown;
} run;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void show_progress(run *r, int final)
{
    double t = now();
    if (!final && t - r->last_shown < (r->progress_tty ? 0.2 : 2.0))
        return;
    r->last_shown = t;
    double el = t - r->started;
    double rate = el > 0 ? (double)r->done / el : 0;
    char left[64] = "";
    if (r->total && rate > 0 && r->done < r->total) {
        long s = (long)((double)(r->total - r->done) / rate + 0.5);
        snprintf(left, sizeof left, ", %ld:%02ld left", s / 60, s % 60);
    }
    char total[32] = "";
    if (r->total)
        snprintf(total, sizeof total, "/%zu", r->total);
    fprintf(stderr, "%smtcheck: %zu%s articles, %.1f/s%s%s", r->progress_tty ? "\r\033[K" : "",
            r->done, total, rate, left, r->progress_tty && !final ? "" : "\n");
    fflush(stderr);
}

static void on_article(void *ctx, const mtc_batch_item *it)
{
    run *r = ctx;
    r->done++;
    if (it->status != MTC_OK) {
        if (r->progress && r->progress_tty)
            fputs("\r\033[K", stderr);
        print_error(&it->err);
        if (it->status == MTC_ERR_BINARY)
            r->binary++;
        else
            r->status = EXIT_TROUBLE;
    } else {
        if (it->doc->encoding_detected)
        {
            mtc_buf name = MTC_BUF_INIT;
            mtc_escape_terminal(&name, it->path, strlen(it->path));
            fprintf(stderr,
                    "mtcheck: %.*s: not valid UTF-8; decoded as %s (detected; use --encoding to choose)\n",
                    (int)name.len, name.data ? name.data : "", it->doc->encoding);
            mtc_buf_free(&name);
        }
        r->checked++;
        if (r->baseline_out) {
            mtc_buf b = MTC_BUF_INIT;
            mtc_baseline_put_result(&b, it->res, r->ropt);
            if (b.len)
                fwrite(b.data, 1, b.len, r->baseline_out);
            mtc_buf_free(&b);
        }
        if (r->baseline)
            mtc_baseline_filter(r->baseline, it->res, r->cfgs[it->config], r->ropt);
        r->rep->article(r->rstate, it->res);
        for (size_t i = 0; i < r->n_sides; i++)
            r->sides[i].rep->article(r->sides[i].state, it->res);
        mtc_summary_add(&r->sum, it->res);
        mtc_error herr;
        if (r->html && mtc_html_dir_article(r->html, it->res, &herr) != MTC_OK) {
            print_error(&herr);
            r->status = EXIT_TROUBLE;
        }
        if (it->res->failed && r->status == EXIT_PASS)
            r->status = EXIT_GATE;
    }
    if (r->progress)
        show_progress(r, 0);
}

/* The files this run reads besides the articles (configurations, word
 * lists, the hunspell dictionaries of the --dicpath folders): no output may
 * replace them. */
static void note_files_read(const mtc_config_set *configs, mtc_input_list *inputs)
{
    for (size_t i = 0; i < configs->n; i++) {
        const mtc_ini *ini = configs->inis[i];
        if (ini->path)
            mtc_inputs_note_read(inputs, ini->path);
        const mtc_config *cfg = ini->cfg;
        for (size_t d = 0; d < cfg->n_dicts; d++)
            mtc_inputs_note_read(inputs, cfg->dicts[d]);
        for (size_t d = 0; d < cfg->n_dicpaths; d++) {
            static const char *const exts[] = {".dic", ".aff"};
            for (size_t e = 0; e < 2; e++) {
                char p[PATH_MAX];
                snprintf(p, sizeof p, "%s/%s%s", cfg->dicpaths[d], cfg->lang, exts[e]);
                mtc_inputs_note_read(inputs, p);
            }
        }
    }
}

int main(int argc, char **argv)
{
    /* A batch allocates and frees the same few large per-document arrays
     * (text, tokens, sentences) once per article. Keep freed memory for the
     * next article instead of returning it to the kernel and faulting fresh
     * zeroed pages back in every time (the kernel's page clearing was 6%
     * of the profile on a corpus of 1 MB files, 0.7% with this). Peak RSS
     * is still that of the largest article, not of the batch. */
    mtc_output_remove_on_signals();
    mallopt(M_MMAP_THRESHOLD, 64 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
    mtc_options opt;
    mtc_error err;
    memset(&err, 0, sizeof err);
    if (mtc_options_parse(argc, argv, &opt, &err) != MTC_OK) {
        fprintf(stderr, "mtcheck: %s\nTry 'mtcheck --help'.\n", err.message);
        mtc_options_free(&opt);
        return EXIT_TROUBLE;
    }
    if (opt.action == MTC_ACTION_HELP) {
        fputs(mtc_options_help(), stdout);
        mtc_options_free(&opt);
        return ferror(stdout) ? EXIT_TROUBLE : EXIT_PASS;
    }
    if (opt.action == MTC_ACTION_VERSION) {
        printf("mtcheck %s\n", MTC_VERSION);
        mtc_options_free(&opt);
        return ferror(stdout) ? EXIT_TROUBLE : EXIT_PASS;
    }
    if (opt.action == MTC_ACTION_LIST_RULES) {
        mtc_options_free(&opt);
        return list_rules();
    }
    if (mtc_options_read_files0(&opt, &err) != MTC_OK) {
        print_error(&err);
        mtc_options_free(&opt);
        return EXIT_TROUBLE;
    }
    mtc_baseline *baseline = NULL;
    if (opt.baseline_path && mtc_baseline_load(opt.baseline_path, &baseline, &err) != MTC_OK) {
        print_error(&err);
        mtc_options_free(&opt);
        return EXIT_TROUBLE;
    }
    if (opt.stdin_jsonl && strcmp(opt.format, "text") == 0)
        strcpy(opt.format, "jsonl"); /* the streaming mode's default */

    run r;
    memset(&r, 0, sizeof r);
    r.status = EXIT_PASS;
    mtc_config_set configs;
    if (mtc_config_set_init(&configs, opt.config_path, !opt.no_config, apply_command_line, &opt,
                            &err) != MTC_OK) {
        print_error(&err);
        mtc_baseline_free(baseline);
        mtc_options_free(&opt);
        return EXIT_TROUBLE;
    }

    mtc_input_list inputs;
    mtc_inputs_collect(opt.paths, opt.n_paths, &inputs);
    for (size_t i = 0; i < inputs.n_errors; i++) {
        print_error(&inputs.errors[i]);
        r.status = EXIT_TROUBLE;
    }
    size_t *config_of = calloc(inputs.n + 1, sizeof *config_of);
    char *selected = calloc(inputs.n + 1, 1);
    size_t stream_config = 0;
    int config_failed = config_of == NULL || selected == NULL;
    for (size_t i = 0; i < inputs.n && !config_failed; i++) {
        if (mtc_config_set_for(&configs, inputs.paths[i], &config_of[i], &err) != MTC_OK) {
            print_error(&err);
            config_failed = 1;
            break;
        }
        /* every explicit file and every article found in a folder, unless
         * the configuration's include/exclude globs leave it out */
        selected[i] = strcmp(inputs.paths[i], "-") == 0 ||
                      mtc_ini_selects(configs.inis[config_of[i]], inputs.paths[i]);
        r.total += selected[i] != 0;
    }
    if (!config_failed && opt.stdin_jsonl &&
        mtc_config_set_for(&configs, "-", &stream_config, &err) != MTC_OK) {
        print_error(&err);
        config_failed = 1;
    }
    if (config_failed) {
        mtc_baseline_free(baseline);
        free(config_of);
        free(selected);
        mtc_inputs_free(&inputs);
        mtc_config_set_free(&configs);
        mtc_options_free(&opt);
        return EXIT_TROUBLE;
    }

    note_files_read(&configs, &inputs);
    mtc_output output;
    memset(&output, 0, sizeof output);
    FILE *out = stdout;
    if (opt.output) {
        if (mtc_output_open(opt.output, &inputs, &output, &err) != MTC_OK) {
            print_error(&err);
            mtc_baseline_free(baseline);
            free(config_of);
            free(selected);
            mtc_inputs_free(&inputs);
            mtc_config_set_free(&configs);
            mtc_options_free(&opt);
            return EXIT_TROUBLE;
        }
        out = output.fp;
    }

    char *root = repository_root();
    mtc_report_options ropt;
    memset(&ropt, 0, sizeof ropt);
    ropt.cfg = configs.inis[0]->cfg;
    ropt.color = use_color(&opt, out);
    ropt.show_context = opt.context >= 0 ? opt.context : isatty(fileno(out));
    ropt.base_dir = root;
    r.rep = mtc_reporter_find(opt.format);
    r.progress = use_progress(&opt);
    r.progress_tty = isatty(STDERR_FILENO);
    r.started = r.last_shown = now();

    const mtc_config **cfgs = calloc(configs.n, sizeof *cfgs);
    for (size_t i = 0; cfgs && i < configs.n; i++)
        cfgs[i] = configs.inis[i]->cfg;
    file_source fs = {&inputs, config_of, selected, 0};
    mtc_jsonl_source js;
    mtc_jsonl_source_init(&js, stdin, stream_config);

    mtc_batch b;
    memset(&b, 0, sizeof b);
    b.workers = opt.jobs ? opt.jobs : mtc_batch_cores();
    if (!opt.stdin_jsonl && r.total < b.workers)
        b.workers = r.total ? r.total : 1;
    b.configs = cfgs;
    b.n_configs = configs.n;
    b.encoding = opt.encoding;
    b.input_format = opt.input_format;
    b.max_bytes = opt.max_bytes;
    b.next = opt.stdin_jsonl ? mtc_jsonl_next : next_file;
    b.next_ctx = opt.stdin_jsonl ? (void *)&js : (void *)&fs;
    b.done = on_article;
    b.done_ctx = &r;

    if (opt.html_dir && mtc_html_dir_open(opt.html_dir, &inputs, &ropt, &r.html, &err) != MTC_OK) {
        print_error(&err);
        r.status = EXIT_TROUBLE;
    }
    /* Side outputs: the SARIF report, the Markdown summary, the baseline being
     * written; each a temporary file renamed into place at the end. */
    const char *side_paths[2] = {opt.sarif_path, opt.summary_path};
    const mtc_reporter *side_reps[2] = {&mtc_reporter_sarif, &mtc_reporter_markdown};
    int cannot_report = 0;
    mtc_report_options side_ropt = ropt;
    side_ropt.color = 0;
    side_ropt.show_context = 0;
    for (size_t i = 0; i < 2; i++) {
        if (!side_paths[i])
            continue;
        side_report *sr = &r.sides[r.n_sides];
        if (mtc_output_open(side_paths[i], &inputs, &sr->out, &err) != MTC_OK) {
            print_error(&err);
            r.status = EXIT_TROUBLE;
            cannot_report = 1; /* check nothing: the run could not report */
            continue;
        }
        sr->rep = side_reps[i];
        sr->state = sr->rep->begin(sr->out.fp, &side_ropt);
        r.n_sides++;
    }
    mtc_output baseline_out;
    memset(&baseline_out, 0, sizeof baseline_out);
    if (opt.write_baseline_path) {
        if (mtc_output_open(opt.write_baseline_path, &inputs, &baseline_out, &err) != MTC_OK) {
            print_error(&err);
            r.status = EXIT_TROUBLE;
            cannot_report = 1;
        } else {
            mtc_buf hb = MTC_BUF_INIT;
            mtc_baseline_put_header(&hb);
            fwrite(hb.data, 1, hb.len, baseline_out.fp);
            mtc_buf_free(&hb);
            r.baseline_out = baseline_out.fp;
        }
    }
    r.baseline = baseline;
    r.cfgs = cfgs;
    r.ropt = &ropt;
    r.rstate = r.rep->begin(out, &ropt);
    int fatal = cannot_report; /* nothing is checked, no report is committed */
    if (cfgs && !cannot_report && (opt.stdin_jsonl || r.total > 0) &&
        mtc_batch_run(&b, &err) != MTC_OK) {
        print_error(&err);
        fatal = 1;
    }
    if (r.progress && r.done)
        show_progress(&r, 1);
    if (fatal)
        r.status = EXIT_TROUBLE;
    if (r.binary && r.checked == 0)
        r.status = EXIT_TROUBLE;

    if (r.html) {
        if (!fatal && mtc_html_dir_finish(r.html, &err) != MTC_OK) {
            print_error(&err);
            r.status = EXIT_TROUBLE;
        }
        mtc_html_dir_free(r.html);
    }
    if (r.rep->end(r.rstate, &r.sum) != 0) {
        fprintf(stderr, "mtcheck: error writing the report\n");
        r.status = EXIT_TROUBLE;
    }
    for (size_t i = 0; i < r.n_sides; i++) {
        side_report *sr = &r.sides[i];
        if (sr->rep->end(sr->state, &r.sum) != 0 || fatal) {
            mtc_output_abort(&sr->out);
            if (!fatal)
                fprintf(stderr, "mtcheck: error writing %s\n", sr->out.path);
            r.status = EXIT_TROUBLE;
        } else if (mtc_output_commit(&sr->out, &err) != MTC_OK) {
            print_error(&err);
            r.status = EXIT_TROUBLE;
        }
    }
    if (r.baseline_out) {
        /* A baseline records every article asked for, or nothing. */
        if (r.status == EXIT_TROUBLE) {
            fprintf(stderr, "mtcheck: %s: baseline not written (not every input was checked)\n",
                    opt.write_baseline_path);
            mtc_output_abort(&baseline_out);
        } else if (mtc_output_commit(&baseline_out, &err) != MTC_OK) {
            print_error(&err);
            r.status = EXIT_TROUBLE;
        }
    }
    mtc_baseline_free(baseline);
    mtc_summary_free(&r.sum);
    if (opt.output) {
        if (fatal) {
            mtc_output_abort(&output);
        } else if (mtc_output_commit(&output, &err) != MTC_OK) {
            print_error(&err);
            r.status = EXIT_TROUBLE;
        }
    } else if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "mtcheck: error writing to standard output\n");
        r.status = EXIT_TROUBLE;
    }
    mtc_jsonl_source_free(&js);
    free(cfgs);
    free(root);
    free(config_of);
    free(selected);
    mtc_inputs_free(&inputs);
    mtc_config_set_free(&configs);
    mtc_options_free(&opt);
    return r.status;
}
