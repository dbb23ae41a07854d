/* options.h — the command line: getopt_long into one options struct.
 * Parsing never prints; main.c prints help, versions and errors. */
#ifndef MTC_OPTIONS_H
#define MTC_OPTIONS_H

#include <stddef.h>

#include "config.h"
#include "mtcheck.h"

typedef enum mtc_action {
    MTC_ACTION_CHECK = 0,
    MTC_ACTION_HELP,
    MTC_ACTION_VERSION,
    MTC_ACTION_LIST_RULES
} mtc_action;

typedef struct mtc_options {
    mtc_config *cfg;         /* owned */
    mtc_action action;
    char format[32];         /* "text" */
    char *output;            /* -o FILE, owned; NULL = stdout */
    char *html_dir;          /* --html-dir DIR, owned; NULL = none */
    char *source;            /* --source FILE, owned; NULL = none */
    char *source_list;       /* --source-list FILE, owned; NULL = none */
    char *source_dir;        /* --source-dir DIR, owned; NULL = none */
    char *encoding;          /* --encoding, owned; NULL = detect */
    mtc_input_format input_format;
    char **paths;            /* owned; "-" = standard input */
    size_t n_paths;
    size_t max_bytes;        /* --max-bytes; default MTC_DEFAULT_MAX_BYTES */
    int color;               /* -1 auto, 0 never, 1 always */
    int context;             /* -1 auto (terminal), 0 no, 1 yes */
    /* Batch, streaming and configuration (issue 7). */
    size_t jobs;             /* -j N; 0 = the number of cores */
    int progress;            /* -1 auto (terminal, not CI), 0 no, 1 yes */
    int stdin_jsonl;         /* --stdin-jsonl */
    int quiet;               /* -q, --quiet: only failing articles (text) */
    char *config_path;       /* --config FILE, owned; NULL = search .mtcheck.ini */
    int no_config;           /* --no-config */
    /* CI (issue 13): side reports beside --format, baselines, file lists. */
    char *sarif_path;        /* --sarif FILE, owned; NULL = none */
    char *summary_path;      /* --summary FILE (markdown), owned; NULL = none */
    char *baseline_path;     /* --baseline FILE, owned; NULL = none */
    char *write_baseline_path; /* --write-baseline FILE, owned; NULL = none */
    char *files0_from;       /* --files0-from FILE ("-" = standard input), owned */
    /* Which settings the command line gave (they override .mtcheck.ini). */
    int lang_set, fail_on_set, min_score_set;
} mtc_options;

#define MTC_DEFAULT_MAX_BYTES ((size_t)256 * 1024 * 1024)

/* Parses argv into opt (which it initialises). Returns MTC_OK or
 * MTC_ERR_USAGE with err->message set. */
mtc_status mtc_options_parse(int argc, char **argv, mtc_options *opt, mtc_error *err);
void mtc_options_free(mtc_options *opt);
/* --files0-from: reads the NUL-separated list of inputs (a trailing NUL is
 * optional) and appends them to opt->paths. A file that cannot be read is
 * MTC_ERR_IO; an empty name, or an empty list, MTC_ERR_USAGE naming the
 * list and the entry. */
mtc_status mtc_options_read_files0(mtc_options *opt, mtc_error *err);
/* The --help text. */
const char *mtc_options_help(void);

#endif
