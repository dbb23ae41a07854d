/* run.c — one run of mtcheck (run.h): finds the configurations and merges
 * the command line over each .mtcheck.ini, collects and selects the inputs
 * (or streams --stdin-jsonl), opens the -o output and the side reports
 * (--sarif, --summary, --write-baseline) atomically, runs the batch
 * (batch.c), filters each result by --baseline and hands results in input
 * order to the reporters and to --html-dir, then commits or aborts the
 * outputs. Decides the report's
 * settings (colours, context, paths relative to the repository root) from
 * the options and the output. Prints nothing: diagnostics go to the
 * caller's hooks. One cleanup path; owns everything it opens until it
 * returns. */
#define _DEFAULT_SOURCE /* realpath */
#include "run.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "baseline.h"
#include "batch.h"
#include "checker.h"
#include "config_ini.h"
#include "inputs.h"
#include "paths.h"
#include "report.h"
#include "report_html.h"
#include "source_map.h"
#include "stdin_jsonl.h"

static void diagnose(const mtc_run_hooks *h, const mtc_error *err)
{
    if (h && h->diagnostic)
        h->diagnostic(h->ctx, err);
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

/* The repository root (nearest folder with .git), else the current
 * folder: SARIF and annotation paths are relative to it. */
static char *repository_root(void)
{
    char *root = mtc_find_upward(".", ".git", MTC_FIND_ANY);
    if (root)
        return root;
    char buf[PATH_MAX];
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

/* The job source over a list of files. */
typedef struct file_source {
    const mtc_input_list *inputs;
    const size_t *config;   /* per input */
    const char *selected;   /* per input: 1 = check it */
    size_t next;
    const mtc_source_map *cli_sources;    /* --source, --source-list, --source-dir */
    const mtc_source_map *config_sources; /* per configuration (source-* keys) */
    char *const *args;                    /* the command-line paths */
    size_t n_args;
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
    if (!job->path)
        return 0;
    /* its source: the command line's, else its configuration's */
    const mtc_source_map *maps[2] = {fs->cli_sources, &fs->config_sources[job->config]};
    for (int m = 0; m < 2 && !job->source_path; m++)
        if (maps[m]->any) {
            job->source_path = mtc_source_map_find(maps[m], job->path, fs->args, fs->n_args,
                                                   &job->source_optional);
            if (!job->source_path)
                job->source_optional = 1; /* looked for, none: a note */
        }
    return 1;
}

/* A report written beside the main one in the same run (--sarif, --summary). */
typedef struct side_report {
    const mtc_reporter *rep;
    void *state;
    mtc_output out;
} side_report;

/* What the sink needs: the reporters, the summary, the counts. */
typedef struct sink {
    const mtc_run_hooks *hooks;
    const mtc_reporter *rep;
    void *rstate;
    side_report sides[2];
    size_t n_sides;
    const mtc_baseline *baseline;   /* --baseline, or NULL */
    FILE *baseline_out;             /* --write-baseline, or NULL */
    const mtc_config *const *cfgs;  /* per configuration index (the gate after a baseline) */
    const mtc_report_options *ropt;
    mtc_summary sum;
    mtc_html_dir *html;     /* --html-dir, or NULL */
    size_t done, total;     /* total 0 = unknown (stream) */
    int stream;             /* --stdin-jsonl: every line is answered */
    mtc_run_totals *totals;
} sink;

/* An input that could not be checked (issue 13): in the summary and the
 * report (every format names it) and exit status 2. */
static void report_unread(sink *s, const char *path, long line, int id_is_number,
                          const mtc_error *err)
{
    char reason[1200];
    if (err->byte_offset >= 0)
        snprintf(reason, sizeof reason, "byte %lld: %s", err->byte_offset, err->message);
    else if (err->line > 0 && line <= 0)
        snprintf(reason, sizeof reason, "line %ld: %s", err->line, err->message);
    else
        snprintf(reason, sizeof reason, "%s", err->message);
    mtc_unread *u = (mtc_unread *)mtc_summary_add_unread(&s->sum, path, line, reason);
    u->id_is_number = id_is_number && path;
    if (s->rep->unread)
        s->rep->unread(s->rstate, u);
    s->totals->trouble = 1;
}

/* Columns for the text context line: $COLUMNS when set, else the
 * terminal's width, else 80 (piped output does not depend on a window). */
static int output_width(FILE *out)
{
    const char *cols = getenv("COLUMNS");
    if (cols && *cols) {
        char *end;
        long v = strtol(cols, &end, 10);
        if (!*end && v >= 20 && v <= 10000)
            return (int)v;
    }
    struct winsize ws;
    if (isatty(fileno(out)) && ioctl(fileno(out), TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
        return ws.ws_col;
    return 80;
}

static void on_article(void *ctx, const mtc_batch_item *it)
{
    sink *s = ctx;
    s->done++;
    if (it->status != MTC_OK) {
        diagnose(s->hooks, &it->err);
        if (it->status == MTC_ERR_BINARY && !s->stream)
            s->totals->binary++; /* a binary file in a folder is skipped, not an error */
        else
            report_unread(s, it->path, it->line, it->id_is_number, &it->err);
    } else {
        int detected;
        const char *enc = mtc_document_encoding(it->doc, &detected);
        if (detected) {
            mtc_error note;
            mtc_error_set(&note, MTC_OK, it->path, -1, -1,
                          "not valid UTF-8; decoded as %s (detected; use --encoding to choose)",
                          enc);
            diagnose(s->hooks, &note);
        }
        if (it->source_err.status != MTC_OK) {
            diagnose(s->hooks, &it->source_err);
            s->totals->trouble = 1;
        }
        if (it->source_absent) {
            mtc_error note;
            mtc_error_set(&note, MTC_OK, it->path, -1, -1,
                          "no source found; checked without the source checks");
            diagnose(s->hooks, &note);
        }
        s->totals->checked++;
        if (s->baseline_out) {
            mtc_buf b = MTC_BUF_INIT;
            mtc_buf_stream(&b, s->baseline_out, s->ropt->spill);
            mtc_baseline_put_result(&b, it->res, s->ropt);
            mtc_buf_flush(&b);
            mtc_buf_free(&b);
        }
        if (s->baseline)
            mtc_baseline_filter(s->baseline, it->res, s->cfgs[it->config], s->ropt);
        s->rep->article(s->rstate, it->res);
        for (size_t i = 0; i < s->n_sides; i++)
            s->sides[i].rep->article(s->sides[i].state, it->res);
        mtc_summary_add(&s->sum, it->res);
        mtc_error herr;
        if (s->html && mtc_html_dir_article(s->html, it->res, &herr) != MTC_OK) {
            diagnose(s->hooks, &herr);
            s->totals->trouble = 1;
        }
        if (mtc_result_failed(it->res))
            s->totals->failed++;
    }
    if (s->hooks && s->hooks->progress)
        s->hooks->progress(s->hooks->ctx, s->done, s->total, 0);
}

mtc_status mtc_run_check(const mtc_options *opt, const mtc_run_hooks *hooks,
                         mtc_run_totals *totals)
{
    memset(totals, 0, sizeof *totals);
    /* an interrupted run leaves no temporary output behind */
    mtc_output_remove_on_signals();
    mtc_error err;
    memset(&err, 0, sizeof err);
    mtc_status result = MTC_OK;
    const char *format = opt->stdin_jsonl && strcmp(opt->format, "text") == 0
                             ? "jsonl" /* the streaming mode's default */
                             : opt->format;
    sink s;
    memset(&s, 0, sizeof s);
    s.hooks = hooks;
    s.totals = totals;
    s.rep = mtc_reporter_find(format);
    mtc_input_list inputs;
    memset(&inputs, 0, sizeof inputs);
    mtc_output output;
    memset(&output, 0, sizeof output);
    size_t *config_of = NULL;
    char *selected = NULL, *root = NULL;
    size_t *articles_of = NULL;
    mtc_source_map cli_sources;
    memset(&cli_sources, 0, sizeof cli_sources);
    mtc_source_map *config_sources = NULL;
    const mtc_config **cfgs = NULL;
    int have_configs = 0, have_inputs = 0, have_output = 0, have_stream = 0;
    mtc_batch_early early; /* the first checker, made while the inputs are listed */
    memset(&early, 0, sizeof early);
    mtc_jsonl_source js;
    mtc_config_set configs;
    mtc_baseline *baseline = NULL;
    mtc_output baseline_out;
    memset(&baseline_out, 0, sizeof baseline_out);
    int have_baseline_out = 0;

    if (!s.rep) {
        mtc_error_set(&err, MTC_ERR_USAGE, "", -1, -1, "unknown format '%s'", format);
        goto fail;
    }
    if (opt->baseline_path && mtc_baseline_load(opt->baseline_path, &baseline, &err) != MTC_OK)
        goto fail;
    if (mtc_config_set_init(&configs, opt->config_path, !opt->no_config, apply_command_line,
                            (void *)opt, &err) != MTC_OK)
        goto fail;
    have_configs = 1;
    /* the first worker's checker (hunspell and the word lists: ~50 ms) is
     * made on a thread of its own meanwhile */
    mtc_batch_prepare(&early, configs.inis[0]->cfg);

    mtc_inputs_collect_outside(opt->paths, opt->n_paths, opt->html_dir, &inputs);
    have_inputs = 1;
    for (size_t i = 0; i < inputs.n_errors; i++) {
        diagnose(hooks, &inputs.errors[i]);
        totals->trouble = 1;
    }
    config_of = calloc(inputs.n + 1, sizeof *config_of);
    selected = calloc(inputs.n + 1, 1);
    articles_of = calloc(opt->n_paths + 1, sizeof *articles_of); /* per argument */
    if (!config_of || !selected || !articles_of) {
        mtc_error_set(&err, MTC_ERR_IO, "", -1, -1, "out of memory");
        goto fail;
    }
    for (size_t i = 0; i < inputs.n; i++) {
        if (mtc_config_set_for(&configs, inputs.paths[i], &config_of[i], &err) != MTC_OK)
            goto fail;
        /* every explicit file and every article found in a folder, unless
         * the configuration's include/exclude globs leave it out */
        selected[i] = strcmp(inputs.paths[i], "-") == 0 ||
                      inputs.folder[inputs.arg_of[i]] != 1 || /* named on the command line */
                      mtc_ini_selects(configs.inis[config_of[i]], inputs.paths[i]);
        s.total += selected[i] != 0;
        if (selected[i])
            articles_of[inputs.arg_of[i]]++;
    }
    size_t stream_config = 0;
    if (opt->stdin_jsonl && mtc_config_set_for(&configs, "-", &stream_config, &err) != MTC_OK)
        goto fail;

    /* where the sources are: the command line, then each configuration */
    config_sources = calloc(configs.n + 1, sizeof *config_sources);
    if (!config_sources) {
        mtc_error_set(&err, MTC_ERR_IO, "", -1, -1, "out of memory");
        goto fail;
    }
    if (opt->source)
        mtc_source_map_set_single(&cli_sources, opt->source);
    if (opt->source_dir)
        mtc_source_map_set_dir(&cli_sources, opt->source_dir);
    if (opt->source_list) {
        mtc_inputs_note_read(&inputs, opt->source_list);
        if (mtc_source_map_load_list(&cli_sources, opt->source_list, &err) != MTC_OK)
            goto fail;
    }
    for (size_t i = 0; i < configs.n; i++) {
        const mtc_config *c = configs.inis[i]->cfg;
        if (c->source_dir)
            mtc_source_map_set_dir(&config_sources[i], c->source_dir);
        if (c->source_list) {
            mtc_inputs_note_read(&inputs, c->source_list);
            if (mtc_source_map_load_list(&config_sources[i], c->source_list, &err) != MTC_OK)
                goto fail;
        }
    }

    note_files_read(&configs, &inputs);
    FILE *out = stdout;
    if (opt->output) {
        if (mtc_output_open(opt->output, &inputs, &output, &err) != MTC_OK)
            goto fail;
        have_output = 1;
        out = output.fp;
    }

    root = repository_root();
    mtc_report_options ropt;
    memset(&ropt, 0, sizeof ropt);
    ropt.cfg = configs.inis[0]->cfg;
    ropt.color = use_color(opt, out);
    ropt.show_context = opt->context >= 0 ? opt->context : isatty(fileno(out));
    ropt.base_dir = root;
    ropt.quiet = opt->quiet;
    ropt.width = output_width(out);

    cfgs = calloc(configs.n, sizeof *cfgs);
    if (!cfgs) {
        mtc_error_set(&err, MTC_ERR_IO, "", -1, -1, "out of memory");
        goto fail;
    }
    for (size_t i = 0; i < configs.n; i++)
        cfgs[i] = configs.inis[i]->cfg;
    file_source fs = {&inputs, config_of, selected, 0, &cli_sources, config_sources,
                      opt->paths, opt->n_paths};
    mtc_jsonl_source_init(&js, stdin, stream_config);
    js.max_bytes = opt->max_bytes;
    have_stream = 1;

    mtc_batch b;
    memset(&b, 0, sizeof b);
    b.workers = opt->jobs ? opt->jobs : mtc_batch_cores();
    b.exiting = hooks->exiting;
    b.source_never_blocks = !opt->stdin_jsonl; /* the files were listed before */
    if (!opt->stdin_jsonl && s.total < b.workers)
        b.workers = s.total ? s.total : 1;
    b.configs = cfgs;
    b.n_configs = configs.n;
    b.encoding = opt->encoding;
    b.input_format = opt->input_format;
    b.max_bytes = opt->max_bytes;
    b.next = opt->stdin_jsonl ? mtc_jsonl_next : next_file;
    b.next_ctx = opt->stdin_jsonl ? (void *)&js : (void *)&fs;
    b.done = on_article;
    b.done_ctx = &s;

    if (opt->html_dir && mtc_html_dir_open(opt->html_dir, &inputs, &ropt, &s.html, &err) != MTC_OK) {
        diagnose(hooks, &err);
        totals->trouble = 1;
    }
    /* Side outputs: the SARIF report, the Markdown summary, the baseline being
     * written; each a temporary file renamed into place at the end. */
    const char *side_paths[2] = {opt->sarif_path, opt->summary_path};
    const mtc_reporter *side_reps[2] = {&mtc_reporter_sarif, &mtc_reporter_markdown};
    int cannot_report = 0;
    mtc_report_options side_ropt = ropt;
    side_ropt.color = 0;
    side_ropt.show_context = 0;
    for (size_t i = 0; i < 2; i++) {
        if (!side_paths[i])
            continue;
        side_report *sr = &s.sides[s.n_sides];
        if (mtc_output_open(side_paths[i], &inputs, &sr->out, &err) != MTC_OK) {
            diagnose(hooks, &err);
            totals->trouble = 1;
            cannot_report = 1; /* check nothing: the run could not report */
            continue;
        }
        sr->rep = side_reps[i];
        sr->state = sr->rep->begin(sr->out.fp, &side_ropt);
        s.n_sides++;
    }
    if (opt->write_baseline_path) {
        if (mtc_output_open(opt->write_baseline_path, &inputs, &baseline_out, &err) != MTC_OK) {
            diagnose(hooks, &err);
            totals->trouble = 1;
            cannot_report = 1;
        } else {
            have_baseline_out = 1;
            mtc_buf hb = MTC_BUF_INIT;
            mtc_baseline_put_header(&hb);
            fwrite(hb.data, 1, hb.len, baseline_out.fp);
            mtc_buf_free(&hb);
            s.baseline_out = baseline_out.fp;
        }
    }
    s.baseline = baseline;
    s.cfgs = cfgs;
    s.ropt = &ropt;
    s.rstate = s.rep->begin(out, &ropt);
    s.stream = opt->stdin_jsonl;
    /* folders that could not be listed, and paths that yield no article (a
     * mistyped folder in a workflow must not pass): named in the report */
    for (size_t i = 0; i < inputs.n_errors; i++)
        report_unread(&s, inputs.errors[i].path, 0, 0, &inputs.errors[i]);
    for (size_t a = 0; a < opt->n_paths; a++)
        /* a folder with no article file, or whose every article the
         * configuration excludes; not one an earlier argument listed */
        if (inputs.folder[a] == 1 && articles_of[a] == 0 &&
            (inputs.found[a] == 0 || inputs.listed[a] > 0)) {
            static const char why[] = "no article in this folder (no .txt, .md, .markdown, "
                                      ".html or .htm file, or all excluded by the configuration)";
            mtc_error w;
            mtc_error_set(&w, MTC_OK, "", -1, -1, "warning: %s: %s", opt->paths[a], why);
            diagnose(hooks, &w);
            mtc_error_set(&w, MTC_ERR_USAGE, opt->paths[a], -1, -1, "%s", why);
            report_unread(&s, opt->paths[a], 0, 0, &w);
        }
    int fatal = cannot_report; /* nothing is checked, no report is committed */
    int will_run = !cannot_report && (opt->stdin_jsonl || s.total > 0);
    b.first_checker = mtc_batch_prepared(&early); /* the batch takes it over */
    if (!will_run) {
        mtc_checker_free(b.first_checker);
        b.first_checker = NULL;
    }
    if (will_run && mtc_batch_run(&b, &err) != MTC_OK) {
        diagnose(hooks, &err);
        result = err.status != MTC_OK ? err.status : MTC_ERR_CONFIG;
        fatal = 1;
        totals->trouble = 1;
    }
    if (hooks && hooks->progress && s.done)
        hooks->progress(hooks->ctx, s.done, s.total, 1);
    if (totals->binary && totals->checked == 0)
        totals->trouble = 1;

    if (s.html) {
        if (!fatal && mtc_html_dir_finish(s.html, &err) != MTC_OK) {
            diagnose(hooks, &err);
            totals->trouble = 1;
        }
        mtc_html_dir_free(s.html);
    }
    if (s.rep->end(s.rstate, &s.sum) != 0) {
        mtc_error_set(&err, MTC_ERR_IO, "", -1, -1, "error writing the report");
        diagnose(hooks, &err);
        totals->trouble = 1;
    }
    for (size_t i = 0; i < s.n_sides; i++) {
        side_report *sr = &s.sides[i];
        if (sr->rep->end(sr->state, &s.sum) != 0 || fatal) {
            if (!fatal) {
                mtc_error_set(&err, MTC_ERR_IO, "", -1, -1, "error writing %s", sr->out.path);
                diagnose(hooks, &err);
            }
            mtc_output_abort(&sr->out);
            totals->trouble = 1;
        } else if (mtc_output_commit(&sr->out, &err) != MTC_OK) {
            diagnose(hooks, &err);
            totals->trouble = 1;
        }
    }
    s.n_sides = 0;
    if (have_baseline_out) {
        have_baseline_out = 0;
        /* A baseline records every article asked for, or nothing. */
        if (totals->trouble) {
            mtc_error_set(&err, MTC_ERR_IO, opt->write_baseline_path, -1, -1,
                          "baseline not written (not every input was checked)");
            diagnose(hooks, &err);
            mtc_output_abort(&baseline_out);
        } else if (mtc_output_commit(&baseline_out, &err) != MTC_OK) {
            diagnose(hooks, &err);
            totals->trouble = 1;
        }
    }
    if (have_output) {
        have_output = 0;
        if (fatal) {
            mtc_output_abort(&output);
        } else if (mtc_output_commit(&output, &err) != MTC_OK) {
            diagnose(hooks, &err);
            totals->trouble = 1;
        }
    } else if (fflush(stdout) != 0 || ferror(stdout)) {
        mtc_error_set(&err, MTC_ERR_IO, "", -1, -1, "error writing to standard output");
        diagnose(hooks, &err);
        totals->trouble = 1;
    }
    goto done;

fail:
    diagnose(hooks, &err);
    totals->trouble = 1;
    result = err.status != MTC_OK ? err.status : MTC_ERR_CONFIG;
done:
    mtc_checker_free(mtc_batch_prepared(&early)); /* a step before the batch failed */
    for (size_t i = 0; i < s.n_sides; i++) /* only when a step above failed */
        mtc_output_abort(&s.sides[i].out);
    if (have_baseline_out)
        mtc_output_abort(&baseline_out);
    if (have_output)
        mtc_output_abort(&output);
    mtc_baseline_free(baseline);
    if (have_stream)
        mtc_jsonl_source_free(&js);
    mtc_summary_free(&s.sum);
    free(cfgs);
    free(root);
    free(config_of);
    free(selected);
    free(articles_of);
    mtc_source_map_free(&cli_sources);
    for (size_t i = 0; config_sources && i < configs.n; i++)
        mtc_source_map_free(&config_sources[i]);
    free(config_sources);
    if (have_inputs)
        mtc_inputs_free(&inputs);
    if (have_configs)
        mtc_config_set_free(&configs);
    return result;
}
