/* analyzer.h — the analyzer interface. An analyzer is a const table: a
 * name, its rules (id, category, default severity, default on/off, short
 * description), an optional per-worker state (create/destroy: e.g. a
 * hunspell handle), a per-sentence hook and a per-article hook. Hooks emit
 * issues through an mtc_emitter, which applies the configuration (disabled
 * rules, severity overrides) and owns the issues.
 * Analyzers keep no global mutable state: one state per worker thread. */
#ifndef MTC_ANALYZER_H
#define MTC_ANALYZER_H

#include <stddef.h>

#include "config.h"
#include "document.h"
#include "mtcheck.h"
#include "quotemap.h"

#define MTC_MAX_SUGGESTIONS 3

typedef struct mtc_rule_info {
    const char *id;          /* "analyzer.rule-name" */
    const char *category;    /* "spelling", "grammar", "punctuation", "typography", ... */
    mtc_severity severity;   /* default severity */
    int enabled;             /* on by default? */
    const char *description; /* one line, for --list-rules, SARIF, the man page */
} mtc_rule_info;

typedef struct mtc_issue {
    size_t start, end;       /* byte span in doc->text, end exclusive */
    const char *rule;        /* static: the rule's id */
    const char *category;    /* static: the rule's category */
    mtc_severity severity;   /* after configuration */
    char *message;           /* owned */
    char *suggestions[MTC_MAX_SUGGESTIONS]; /* owned */
    size_t n_suggestions;
    size_t sentence;         /* index into doc->sentences (set by the checker) */
    unsigned count;          /* how many errors the issue stands for in the score
                              * (a loop of n copies: n - 1); 1 when emitted */
    int has_source_span;     /* checks against the source: the source bytes */
    size_t source_start, source_end; /* in the source document's text */
} mtc_issue;

/* What an analyzer sees. */
typedef struct mtc_context {
    const mtc_document *doc;
    const mtc_config *cfg;
    const mtc_quotemap *quotes; /* quotation structure of doc */
    const struct mtc_source_align *source; /* doc aligned with its source
                                            * (source_align.h); NULL = none */
} mtc_context;

typedef struct mtc_emitter mtc_emitter;

/* Emits an issue for rule (an index into the current analyzer's rules[],
 * a compile-time constant of its enum) on text bytes [start, end). sev = MTC_SEV_DEFAULT uses the rule's configured severity; an
 * explicit severity is still overridden by the configuration. Returns the
 * issue (to add suggestions) or NULL when the rule is disabled. */
mtc_issue *mtc_emit(mtc_emitter *em, int rule, mtc_severity sev, size_t start, size_t end,
                    const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;
/* 1 if the rule is enabled (skip expensive work for disabled rules). */
int mtc_rule_on(const mtc_emitter *em, int rule);
/* Adds a suggestion (copied; at most MTC_MAX_SUGGESTIONS kept). NULL issue: no-op. */
void mtc_issue_suggest(mtc_issue *is, const char *s, size_t len);
/* Records the source text bytes [start, end) an issue is about. NULL: no-op. */
void mtc_issue_source_span(mtc_issue *is, size_t start, size_t end);

typedef struct mtc_analyzer {
    const char *name;
    const mtc_rule_info *rules;
    size_t n_rules;
    /* Per-worker state; create may be NULL (state = NULL). */
    mtc_status (*create)(const mtc_config *cfg, void **state, mtc_error *err);
    void (*destroy)(void *state);
    /* Either hook may be NULL. */
    void (*check_sentence)(void *state, const mtc_context *ctx, size_t sentence, mtc_emitter *em);
    void (*check_article)(void *state, const mtc_context *ctx, mtc_emitter *em);
    /* The hooks' state when create is NULL (the data rules' rule set). */
    void *data;
} mtc_analyzer;

/* The registry (analyzers.c): every analyzer, in run order; the last is
 * "rules", the bundled data rules (dictionaries/rules/), read once on first
 * use and read-only afterwards. */
const mtc_analyzer *const *mtc_analyzers(size_t *n);
/* MTC_OK, or the error that kept the bundled rule files from loading (a
 * build defect: the test suite loads them). */
mtc_status mtc_analyzers_status(mtc_error *err);
/* Finds a rule by id across all analyzers (NULL if unknown); *owner gets its analyzer. */
const mtc_rule_info *mtc_rule_find(const char *id, const mtc_analyzer **owner);
/* 1 if name is a rule id, an analyzer name, a category or a rule id's prefix
 * (the part before its first '.', e.g. "brackets"). */
int mtc_rule_name_known(const char *name);

void mtc_issue_clear(mtc_issue *is); /* frees message and suggestions */

#endif
