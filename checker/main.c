/* main.c — the mtcheck command line and nothing else: parses options,
 * collects inputs, runs the library over each article, hands results to a
 * reporter, prints errors and sets the exit status (0 passed, 1 failed the
 * gate, 2 usage or unreadable input). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyzer.h"
#include "checker.h"
#include "document.h"
#include "inputs.h"
#include "mtcheck.h"
#include "options.h"
#include "report.h"

#define EXIT_PASS 0
#define EXIT_GATE 1
#define EXIT_TROUBLE 2

static void print_error(const mtc_error *err)
{
    char buf[2200];
    mtc_error_format(err, buf, sizeof buf);
    fprintf(stderr, "mtcheck: %s\n", buf);
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

int main(int argc, char **argv)
{
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

    int status = EXIT_PASS;
    mtc_input_list inputs;
    mtc_inputs_collect(opt.paths, opt.n_paths, &inputs);
    for (size_t i = 0; i < inputs.n_errors; i++) {
        print_error(&inputs.errors[i]);
        status = EXIT_TROUBLE;
    }

    mtc_checker *chk = NULL;
    if (mtc_checker_new(opt.cfg, &chk, &err) != MTC_OK) {
        print_error(&err);
        mtc_inputs_free(&inputs);
        mtc_options_free(&opt);
        return EXIT_TROUBLE;
    }

    mtc_output output;
    memset(&output, 0, sizeof output);
    FILE *out = stdout;
    if (opt.output) {
        if (mtc_output_open(opt.output, &inputs, &output, &err) != MTC_OK) {
            print_error(&err);
            mtc_checker_free(chk);
            mtc_inputs_free(&inputs);
            mtc_options_free(&opt);
            return EXIT_TROUBLE;
        }
        out = output.fp;
    }

    mtc_report_options ropt;
    memset(&ropt, 0, sizeof ropt);
    ropt.cfg = opt.cfg;
    ropt.color = use_color(&opt, out);
    ropt.show_context = opt.context >= 0 ? opt.context : isatty(fileno(out));
    const mtc_reporter *rep = mtc_reporter_find(opt.format);
    void *rstate = rep->begin(out, &ropt);
    mtc_summary sum;
    memset(&sum, 0, sizeof sum);
    size_t checked = 0, binary = 0;

    for (size_t i = 0; i < inputs.n; i++) {
        mtc_document *doc = NULL;
        mtc_status st = mtc_document_load(inputs.paths[i], opt.encoding, opt.input_format,
                                          opt.max_bytes, &doc, &err);
        if (st != MTC_OK) {
            print_error(&err);
            if (st == MTC_ERR_BINARY)
                binary++;
            else
                status = EXIT_TROUBLE;
            continue;
        }
        if (doc->encoding_detected)
            fprintf(stderr, "mtcheck: %s: not valid UTF-8; decoded as %s (detected; use --encoding to choose)\n",
                    inputs.paths[i], doc->encoding);
        mtc_result *res = NULL;
        if (mtc_checker_check(chk, doc, &res, &err) != MTC_OK) {
            print_error(&err);
            status = EXIT_TROUBLE;
            mtc_document_free(doc);
            continue;
        }
        checked++;
        rep->article(rstate, res);
        mtc_summary_add(&sum, res);
        if (res->failed && status == EXIT_PASS)
            status = EXIT_GATE;
        mtc_result_free(res);
        mtc_document_free(doc);
    }
    if (binary && checked == 0)
        status = EXIT_TROUBLE;

    if (rep->end(rstate, &sum) != 0) {
        fprintf(stderr, "mtcheck: error writing the report\n");
        status = EXIT_TROUBLE;
    }
    mtc_summary_free(&sum);
    if (opt.output) {
        if (mtc_output_commit(&output, &err) != MTC_OK) {
            print_error(&err);
            status = EXIT_TROUBLE;
        }
    } else if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "mtcheck: error writing to standard output\n");
        status = EXIT_TROUBLE;
    }
    mtc_checker_free(chk);
    mtc_inputs_free(&inputs);
    mtc_options_free(&opt);
    return status;
}
