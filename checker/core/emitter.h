/* emitter.h — the emitter analyzers report through (mtc_emit,
 * mtc_rule_on, mtc_issue_suggest: declared in analyzer.h): one analyzer's
 * rules as the configuration resolved them, and the issues of the document
 * being checked. The pipeline (checker.c) fills and drains it; emitter.c
 * defines the functions, so an analyzer depends on the emitter, not on the
 * pipeline that runs it. */
#ifndef MTC_EMITTER_H
#define MTC_EMITTER_H

#include <stddef.h>

#include "analyzer.h"

/* A resolved rule: enabled flag and severity after configuration. */
typedef struct rule_state {
    const mtc_rule_info *info;
    int enabled;
    mtc_severity severity;
    int severity_overridden; /* the configuration names a severity */
} rule_state;

typedef struct analyzer_slot {
    const mtc_analyzer *an;
    void *state;
    rule_state *rules; /* an->n_rules entries */
    int any_enabled;
} analyzer_slot;

struct mtc_emitter {
    analyzer_slot *slot;
    mtc_issue *issues;
    size_t n, cap;
    size_t text_len;
};

#endif
