/* options.c — command-line parsing (getopt_long) into mtc_options and its
 * mtc_config. Owns the strings it copies into the options. */
#include "options.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "analyzer.h"
#include "report.h"

static const char help_text[] =
    "Usage: mtcheck [OPTIONS] PATH...\n"
    "Checks machine-translated English news articles: spelling, garbled grammar,\n"
    "quotation structure, translation artifacts, typography. PATH is a file, a\n"
    "directory (searched recursively for *.txt, *.md, *.markdown, *.html, *.htm)\n"
    "or - for standard input.\n"
    "\n"
    "Output:\n"
    "  -f, --format FMT        text (default), json, jsonl, sarif, github, markdown,\n"
    "                          rdjsonl, checkstyle or html (see mtcheck(1))\n"
    "  -o, --output FILE       write the report to FILE (atomically; never over an input)\n"
    "      --html-dir DIR      also write an HTML review page per article and\n"
    "                          DIR/index.html ranking the articles worst first\n"
    "      --sarif FILE        also write the SARIF report to FILE (same run, atomically)\n"
    "      --summary FILE      also write the Markdown summary to FILE (for\n"
    "                          $GITHUB_STEP_SUMMARY; same run, atomically)\n"
    "      --color WHEN        auto (default: on a terminal, unless NO_COLOR is set),\n"
    "                          always or never\n"
    "      --context / --no-context\n"
    "                          show the sentence with a caret line under each issue\n"
    "                          (default: on a terminal), cut to $COLUMNS or 80\n"
    "  -q, --quiet             text: only the articles failing the gate\n"
    "Input:\n"
    "      --encoding NAME     decode input as NAME (any iconv encoding); UTF-8 is strict.\n"
    "                          Default: BOM, else UTF-8, else detected (and reported)\n"
    "      --max-bytes N       refuse inputs larger than N bytes (default 268435456)\n"
    "      --input-format FMT  auto (default: by extension), text, markdown or html\n"
    "      --files0-from FILE  read the inputs from FILE (- = standard input), names\n"
    "                          separated by NUL bytes (git diff -z --name-only, find -print0)\n"
    "      --stdin-jsonl       read {\"id\": ..., \"text\": ...} lines from standard input\n"
    "                          and write one JSON result line per article (jsonl)\n"
    "      --source FILE       the text translated (source.*); --source-list, --source-dir\n"
    "Batch:\n"
    "  -j, --jobs N            check N articles at once (default: the number of cores);\n"
    "                          the output is the same whatever N is\n"
    "      --progress / --no-progress\n"
    "                          progress on standard error (default: only when both\n"
    "                          standard error and output are terminals, never in CI)\n"
    "Configuration:\n"
    "      --config FILE       read settings from FILE instead of the nearest .mtcheck.ini\n"
    "      --no-config         ignore .mtcheck.ini files\n"
    "Checking:\n"
    "      --lang LANG         en_US (default) or en_GB: dictionary and house spelling\n"
    "      --dict FILE         extra accepted words, one per line, # comments (repeatable)\n"
    "      --dicpath DIR       look for hunspell dictionaries in DIR first (repeatable)\n"
    "      --enable ID         enable a rule, an analyzer or a category (repeatable,\n"
    "                          comma-separated; 'all' for everything)\n"
    "      --disable ID        disable a rule, an analyzer or a category\n"
    "      --severity ID=LEVEL set the severity of a rule, analyzer or category\n"
    "                          (minor, major, critical)\n"
    "      --list-rules        list every rule with its default severity and exit\n"
    "Baseline (adopting mtcheck on an existing archive):\n"
    "      --write-baseline FILE  record every finding of this run in FILE (atomically)\n"
    "      --baseline FILE     report only findings not recorded in FILE; the gate and\n"
    "                          the exit status count only those\n"
    "Gate (exit status):\n"
    "      --fail-on LEVEL     none, minor, major (default) or critical: fail an article\n"
    "                          with an issue of that severity or worse\n"
    "      --min-score N       fail an article scoring below N (0-100; default 0)\n"
    "  -h, --help              show this help and exit\n"
    "  -V, --version           show the version and exit\n"
    "\n"
    "Exit status: 0 checked and passed, 1 checked and at least one article failed\n"
    "the gate, 2 usage error or an input that could not be read or decoded (binary\n"
    "files are skipped with a warning; exit 2 only when no file was checked).\n";

const char *mtc_options_help(void)
{
    return help_text;
}

enum {
    OPT_ENCODING = 256,
    OPT_LANG,
    OPT_DICT,
    OPT_DICPATH,
    OPT_ENABLE,
    OPT_DISABLE,
    OPT_SEVERITY,
    OPT_FAIL_ON,
    OPT_MIN_SCORE,
    OPT_MAX_BYTES,
    OPT_COLOR,
    OPT_CONTEXT,
    OPT_NO_CONTEXT,
    OPT_LIST_RULES,
    OPT_INPUT_FORMAT,
    OPT_STDIN_JSONL,
    OPT_PROGRESS,
    OPT_NO_PROGRESS,
    OPT_CONFIG,
    OPT_NO_CONFIG,
    OPT_HTML_DIR,
    OPT_SOURCE,
    OPT_SOURCE_LIST,
    OPT_SOURCE_DIR,
    OPT_SARIF,
    OPT_SUMMARY,
    OPT_BASELINE,
    OPT_WRITE_BASELINE,
    OPT_FILES0_FROM,
};

#define N_LONG_OPTIONS (sizeof long_options / sizeof long_options[0] - 1)

static const struct option long_options[] = {
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"encoding", required_argument, NULL, OPT_ENCODING},
    {"lang", required_argument, NULL, OPT_LANG},
    {"dict", required_argument, NULL, OPT_DICT},
    {"dicpath", required_argument, NULL, OPT_DICPATH},
    {"enable", required_argument, NULL, OPT_ENABLE},
    {"disable", required_argument, NULL, OPT_DISABLE},
    {"severity", required_argument, NULL, OPT_SEVERITY},
    {"fail-on", required_argument, NULL, OPT_FAIL_ON},
    {"min-score", required_argument, NULL, OPT_MIN_SCORE},
    {"max-bytes", required_argument, NULL, OPT_MAX_BYTES},
    {"color", required_argument, NULL, OPT_COLOR},
    {"colour", required_argument, NULL, OPT_COLOR},
    {"context", no_argument, NULL, OPT_CONTEXT},
    {"no-context", no_argument, NULL, OPT_NO_CONTEXT},
    {"list-rules", no_argument, NULL, OPT_LIST_RULES},
    {"jobs", required_argument, NULL, 'j'},
    {"input-format", required_argument, NULL, OPT_INPUT_FORMAT},
    {"stdin-jsonl", no_argument, NULL, OPT_STDIN_JSONL},
    {"progress", no_argument, NULL, OPT_PROGRESS},
    {"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
    {"config", required_argument, NULL, OPT_CONFIG},
    {"no-config", no_argument, NULL, OPT_NO_CONFIG},
    {"html-dir", required_argument, NULL, OPT_HTML_DIR},
    {"source", required_argument, NULL, OPT_SOURCE},
    {"source-list", required_argument, NULL, OPT_SOURCE_LIST},
    {"source-dir", required_argument, NULL, OPT_SOURCE_DIR},
    {"quiet", no_argument, NULL, 'q'},
    {"sarif", required_argument, NULL, OPT_SARIF},
    {"summary", required_argument, NULL, OPT_SUMMARY},
    {"baseline", required_argument, NULL, OPT_BASELINE},
    {"write-baseline", required_argument, NULL, OPT_WRITE_BASELINE},
    {"files0-from", required_argument, NULL, OPT_FILES0_FROM},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};

static mtc_status usage(mtc_error *err, const char *fmt, const char *arg)
{
    mtc_error_set(err, MTC_ERR_USAGE, NULL, -1, -1, fmt, arg);
    return MTC_ERR_USAGE;
}

/* Edit distance between a and b, a transposition of neighbours counting
 * as one edit (optimal string alignment): "--quite" is one from "--quiet".
 * For short strings (option names). */
static size_t edit_distance(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    if (na > 63 || nb > 63)
        return (size_t)-1;
    size_t d[64][64];
    for (size_t i = 0; i <= na; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= nb; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= na; i++)
        for (size_t j = 1; j <= nb; j++) {
            size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[na][nb];
}

/* An unknown option: "did you mean --NAME?" when one long option is
 * within a third of its length in edits (at least 1, at most 3). */
static mtc_status unknown_option(mtc_error *err, const char *arg)
{
    if (strncmp(arg, "--", 2) == 0 && arg[2]) {
        char name[80];
        snprintf(name, sizeof name, "%s", arg + 2);
        char *eq = strchr(name, '=');
        if (eq)
            *eq = '\0';
        size_t len = strlen(name), limit = len / 3 < 1 ? 1 : len / 3 > 3 ? 3 : len / 3;
        const char *best = NULL;
        size_t best_d = limit + 1;
        for (size_t i = 0; i < N_LONG_OPTIONS; i++) {
            size_t d = edit_distance(name, long_options[i].name);
            if (d < best_d) {
                best_d = d;
                best = long_options[i].name;
            }
        }
        if (best) {
            mtc_error_set(err, MTC_ERR_USAGE, NULL, -1, -1,
                          "unknown option '%s'; did you mean --%s?", arg, best);
            return MTC_ERR_USAGE;
        }
    }
    return usage(err, "unknown option '%s'", arg);
}

/* "unknown format 'x' (text, json, ... or checkstyle)" from the registry. */
static mtc_status unknown_format(mtc_error *err, const char *name)
{
    char list[256];
    snprintf(list, sizeof list, "%s", mtc_reporter_names());
    char out[320] = "";
    size_t n = 0;
    char *save = NULL;
    const char *words[32];
    for (char *w = strtok_r(list, " ", &save); w && n < 32; w = strtok_r(NULL, " ", &save))
        words[n++] = w;
    for (size_t i = 0; i < n; i++) {
        strncat(out, i == 0 ? "" : i + 1 == n ? " or " : ", ", sizeof out - strlen(out) - 1);
        strncat(out, words[i], sizeof out - strlen(out) - 1);
    }
    mtc_error_set(err, MTC_ERR_USAGE, NULL, -1, -1, "unknown format '%s' (the formats: %s)", name,
                  out);
    return MTC_ERR_USAGE;
}

/* --enable/--disable take comma-separated ids, each must be known. */
static mtc_status set_rules(mtc_config *cfg, const char *list, int enabled, mtc_error *err)
{
    char *copy = mtc_xstrdup(list);
    mtc_status st = MTC_OK;
    for (char *save = NULL, *tok = strtok_r(copy, ",", &save); tok;
         tok = strtok_r(NULL, ",", &save)) {
        if (!mtc_rule_name_known(tok)) {
            st = usage(err, "unknown rule, analyzer or category '%s' (see --list-rules)", tok);
            break;
        }
        mtc_config_set_rule(cfg, tok, enabled);
    }
    free(copy);
    return st;
}

static mtc_status set_severity(mtc_config *cfg, const char *arg, mtc_error *err)
{
    const char *eq = strchr(arg, '=');
    if (!eq)
        return usage(err, "--severity takes ID=LEVEL, not '%s'", arg);
    char id[96];
    snprintf(id, sizeof id, "%.*s", (int)(eq - arg), arg);
    mtc_severity sev;
    if (mtc_severity_parse(eq + 1, &sev) != 0)
        return usage(err, "unknown severity in '%s' (minor, major, critical)", arg);
    if (!mtc_rule_name_known(id))
        return usage(err, "unknown rule, analyzer or category in '%s' (see --list-rules)", arg);
    mtc_config_set_severity(cfg, id, sev);
    return MTC_OK;
}

static int parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *s == '-')
        return -1;
    if (*end == 'K' || *end == 'k')
        v <<= 10, end++;
    else if (*end == 'M' || *end == 'm')
        v <<= 20, end++;
    else if (*end == 'G' || *end == 'g')
        v <<= 30, end++;
    if (*end)
        return -1;
    *out = (size_t)v;
    return 0;
}

mtc_status mtc_options_parse(int argc, char **argv, mtc_options *opt, mtc_error *err)
{
    memset(opt, 0, sizeof *opt);
    opt->cfg = mtc_config_new();
    strcpy(opt->format, "text");
    opt->max_bytes = MTC_DEFAULT_MAX_BYTES;
    opt->color = -1;
    opt->context = -1;
    opt->progress = -1;
    mtc_config *cfg = opt->cfg;
    optind = 1;
    opterr = 0;
    int c;
    mtc_status st = MTC_OK;
    while (st == MTC_OK && (c = getopt_long(argc, argv, ":f:o:j:qhV", long_options, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (!mtc_reporter_find(optarg))
                return unknown_format(err, optarg);
            snprintf(opt->format, sizeof opt->format, "%s", optarg);
            break;
        case 'o':
            free(opt->output);
            opt->output = mtc_xstrdup(optarg);
            break;
        case OPT_ENCODING:
            free(opt->encoding);
            opt->encoding = mtc_xstrdup(optarg);
            break;
        case OPT_LANG:
            if (strcmp(optarg, "en_US") != 0 && strcmp(optarg, "en_GB") != 0)
                return usage(err, "unsupported --lang '%s' (en_US or en_GB)", optarg);
            snprintf(cfg->lang, sizeof cfg->lang, "%s", optarg);
            opt->lang_set = 1;
            break;
        case OPT_DICT:
            mtc_config_add_dict(cfg, optarg);
            break;
        case OPT_DICPATH:
            mtc_config_add_dicpath(cfg, optarg);
            break;
        case OPT_ENABLE:
            st = set_rules(cfg, optarg, 1, err);
            break;
        case OPT_DISABLE:
            st = set_rules(cfg, optarg, 0, err);
            break;
        case OPT_SEVERITY:
            st = set_severity(cfg, optarg, err);
            break;
        case OPT_FAIL_ON:
            if (strcmp(optarg, "none") == 0) {
                cfg->fail_on_none = 1;
            } else {
                mtc_severity sev;
                if (mtc_severity_parse(optarg, &sev) != 0)
                    return usage(err, "--fail-on takes none, minor, major or critical, not '%s'",
                                 optarg);
                cfg->fail_on = sev;
                cfg->fail_on_none = 0;
            }
            opt->fail_on_set = 1;
            break;
        case OPT_MIN_SCORE: {
            char *end;
            double v = strtod(optarg, &end);
            if (end == optarg || *end || v < 0 || v > 100)
                return usage(err, "--min-score takes a number from 0 to 100, not '%s'", optarg);
            cfg->min_score = v;
            opt->min_score_set = 1;
            break;
        }
        case OPT_MAX_BYTES:
            if (parse_size(optarg, &opt->max_bytes) != 0)
                return usage(err, "--max-bytes takes a size in bytes (K, M, G suffixes), not '%s'",
                             optarg);
            break;
        case OPT_COLOR:
            if (strcmp(optarg, "auto") == 0)
                opt->color = -1;
            else if (strcmp(optarg, "always") == 0)
                opt->color = 1;
            else if (strcmp(optarg, "never") == 0)
                opt->color = 0;
            else
                return usage(err, "--color takes auto, always or never, not '%s'", optarg);
            break;
        case OPT_CONTEXT:
            opt->context = 1;
            break;
        case OPT_NO_CONTEXT:
            opt->context = 0;
            break;
        case OPT_LIST_RULES:
            opt->action = MTC_ACTION_LIST_RULES;
            break;
        case 'j': {
            size_t n;
            if (parse_size(optarg, &n) != 0 || n == 0 || n > 1024)
                return usage(err, "--jobs takes a number from 1 to 1024, not '%s'", optarg);
            opt->jobs = n;
            break;
        }
        case OPT_INPUT_FORMAT:
            if (strcmp(optarg, "auto") == 0)
                opt->input_format = MTC_INPUT_AUTO;
            else if (strcmp(optarg, "text") == 0)
                opt->input_format = MTC_INPUT_TEXT;
            else if (strcmp(optarg, "markdown") == 0 || strcmp(optarg, "md") == 0)
                opt->input_format = MTC_INPUT_MARKDOWN;
            else if (strcmp(optarg, "html") == 0)
                opt->input_format = MTC_INPUT_HTML;
            else
                return usage(err, "--input-format takes auto, text, markdown or html, not '%s'",
                             optarg);
            break;
        case OPT_STDIN_JSONL:
            opt->stdin_jsonl = 1;
            break;
        case OPT_PROGRESS:
            opt->progress = 1;
            break;
        case OPT_NO_PROGRESS:
            opt->progress = 0;
            break;
        case OPT_CONFIG:
            free(opt->config_path);
            opt->config_path = mtc_xstrdup(optarg);
            break;
        case OPT_NO_CONFIG:
            opt->no_config = 1;
            break;
        case OPT_HTML_DIR:
            free(opt->html_dir);
            opt->html_dir = mtc_xstrdup(optarg);
            break;
        case OPT_SOURCE:
            free(opt->source);
            opt->source = mtc_xstrdup(optarg);
            break;
        case OPT_SOURCE_LIST:
            free(opt->source_list);
            opt->source_list = mtc_xstrdup(optarg);
            break;
        case OPT_SOURCE_DIR:
            free(opt->source_dir);
            opt->source_dir = mtc_xstrdup(optarg);
            break;
        case 'q':
            opt->quiet = 1;
            break;
        case OPT_SARIF:
            free(opt->sarif_path);
            opt->sarif_path = mtc_xstrdup(optarg);
            break;
        case OPT_SUMMARY:
            free(opt->summary_path);
            opt->summary_path = mtc_xstrdup(optarg);
            break;
        case OPT_BASELINE:
            free(opt->baseline_path);
            opt->baseline_path = mtc_xstrdup(optarg);
            break;
        case OPT_WRITE_BASELINE:
            free(opt->write_baseline_path);
            opt->write_baseline_path = mtc_xstrdup(optarg);
            break;
        case OPT_FILES0_FROM:
            free(opt->files0_from);
            opt->files0_from = mtc_xstrdup(optarg);
            break;
        case 'h':
            opt->action = MTC_ACTION_HELP;
            return MTC_OK;
        case 'V':
            opt->action = MTC_ACTION_VERSION;
            return MTC_OK;
        case ':':
            return usage(err, "option '%s' needs an argument", argv[optind - 1]);
        default:
            return unknown_option(err, argv[optind - 1]);
        }
    }
    if (st != MTC_OK)
        return st;
    for (int i = optind; i < argc; i++) {
        opt->paths = mtc_xrealloc(opt->paths, (opt->n_paths + 1) * sizeof *opt->paths);
        opt->paths[opt->n_paths++] = mtc_xstrdup(argv[i]);
    }
    if (opt->stdin_jsonl && opt->n_paths > 0)
        return usage(err, "--stdin-jsonl reads standard input only, not '%s'", opt->paths[0]);
    if (opt->source && opt->n_paths != 1)
        return usage(err, "%s", "--source is the source of one article: give exactly one");
    if (opt->files0_from && opt->n_paths > 0)
        return usage(err, "--files0-from gives the inputs: no PATH besides it ('%s')",
                     opt->paths[0]);
    if (opt->files0_from && opt->stdin_jsonl)
        return usage(err, "%s", "--files0-from and --stdin-jsonl cannot be combined");
    /* Two reports into one file would interleave: every output path once. */
    const char *outs[] = {opt->output, opt->sarif_path, opt->summary_path,
                          opt->write_baseline_path};
    const char *names[] = {"--output", "--sarif", "--summary", "--write-baseline"};
    for (size_t i = 0; i < 4; i++)
        for (size_t k = i + 1; k < 4; k++)
            if (outs[i] && outs[k] && strcmp(outs[i], outs[k]) == 0) {
                mtc_error_set(err, MTC_ERR_USAGE, NULL, -1, -1, "%s and %s both write '%s'",
                              names[i], names[k], outs[i]);
                return MTC_ERR_USAGE;
            }
    if (opt->action == MTC_ACTION_CHECK && opt->n_paths == 0 && !opt->stdin_jsonl &&
        !opt->files0_from)
        return usage(err, "%s", "no input: give a file, a directory or - for standard input");
    return MTC_OK;
}

mtc_status mtc_options_read_files0(mtc_options *opt, mtc_error *err)
{
    if (!opt->files0_from)
        return MTC_OK;
    int from_stdin = strcmp(opt->files0_from, "-") == 0;
    const char *shown = from_stdin ? "standard input" : opt->files0_from;
    FILE *fp = from_stdin ? stdin : fopen(opt->files0_from, "rb");
    if (!fp) {
        mtc_error_set(err, MTC_ERR_IO, opt->files0_from, -1, -1,
                      "cannot read the list of inputs (--files0-from): %s", strerror(errno));
        return MTC_ERR_IO;
    }
    char *name = NULL;
    size_t cap = 0;
    ssize_t got;
    size_t entry = 0, offset = 0;
    mtc_status st = MTC_OK;
    while ((got = getdelim(&name, &cap, '\0', fp)) > 0) {
        entry++;
        size_t n = (size_t)got;
        if (name[n - 1] == '\0')
            n--;
        if (n == 0) {
            mtc_error_set(err, MTC_ERR_USAGE, shown, (long long)offset, -1,
                          "entry %zu of the --files0-from list is an empty file name", entry);
            st = MTC_ERR_USAGE;
            break;
        }
        if (from_stdin && n == 1 && name[0] == '-') {
            mtc_error_set(err, MTC_ERR_USAGE, shown, (long long)offset, -1,
                          "entry %zu is '-', but standard input is the list itself", entry);
            st = MTC_ERR_USAGE;
            break;
        }
        offset += (size_t)got;
        opt->paths = mtc_xrealloc(opt->paths, (opt->n_paths + 1) * sizeof *opt->paths);
        opt->paths[opt->n_paths] = mtc_xrealloc(NULL, n + 1);
        memcpy(opt->paths[opt->n_paths], name, n);
        opt->paths[opt->n_paths++][n] = '\0';
    }
    if (st == MTC_OK && ferror(fp)) {
        mtc_error_set(err, MTC_ERR_IO, shown, -1, -1,
                      "cannot read the list of inputs (--files0-from): %s", strerror(errno));
        st = MTC_ERR_IO;
    }
    if (st == MTC_OK && opt->n_paths == 0) {
        mtc_error_set(err, MTC_ERR_USAGE, shown, -1, -1,
                      "the --files0-from list names no input");
        st = MTC_ERR_USAGE;
    }
    free(name);
    if (!from_stdin)
        fclose(fp);
    return st;
}

void mtc_options_free(mtc_options *opt)
{
    free(opt->sarif_path);
    free(opt->summary_path);
    free(opt->baseline_path);
    free(opt->write_baseline_path);
    free(opt->files0_from);
    mtc_config_free(opt->cfg);
    free(opt->output);
    free(opt->html_dir);
    free(opt->source);
    free(opt->source_list);
    free(opt->source_dir);
    free(opt->encoding);
    free(opt->config_path);
    for (size_t i = 0; i < opt->n_paths; i++)
        free(opt->paths[i]);
    free(opt->paths);
    memset(opt, 0, sizeof *opt);
}
