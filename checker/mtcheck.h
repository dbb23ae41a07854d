/* mtcheck.h — the public API of libmtcheck: load an article, check it with
 * the configured analyzers, score it, and hand the result to a reporter.
 *
 * Ownership: every *_new / *_load function returns an object the caller
 * frees with the matching *_free; every *_free accepts NULL.
 * Errors: functions that can fail return an mtc_status and fill an
 * mtc_error (never print). Out of memory aborts.
 * Threads: nothing here uses global mutable state; an mtc_checker must be
 * used by one thread at a time (create one per worker). */
#ifndef MTCHECK_H
#define MTCHECK_H

#include <stddef.h>
#include <stdio.h>

#define MTC_VERSION "0.1.0"

typedef enum mtc_status {
    MTC_OK = 0,
    MTC_ERR_IO,        /* file could not be read or written */
    MTC_ERR_DECODE,    /* bytes could not be decoded */
    MTC_ERR_BINARY,    /* input looks binary (NUL bytes) */
    MTC_ERR_CONFIG,    /* bad option, config or data file */
    MTC_ERR_DICT,      /* dictionary missing or unusable */
    MTC_ERR_USAGE,     /* caller misuse */
    MTC_ERR_LIMIT      /* input beyond a bound mtcheck sets (nesting, size) */
} mtc_status;

/* An error with its location. byte_offset/line are -1 when not applicable. */
typedef struct mtc_error {
    mtc_status status;
    char path[1024];
    long long byte_offset;
    long line;
    char message[1024];
} mtc_error;

typedef enum mtc_severity {
    MTC_SEV_DEFAULT = 0, /* when emitting: use the rule's configured severity */
    MTC_SEV_MINOR = 1,
    MTC_SEV_MAJOR = 2,
    MTC_SEV_CRITICAL = 3
} mtc_severity;

const char *mtc_severity_name(mtc_severity s);           /* "minor", ... */
int mtc_severity_parse(const char *name, mtc_severity *out); /* 0 ok, -1 unknown */

/* Formats "path:line: message" (or "path: byte N: message") into buf. */
void mtc_error_format(const mtc_error *err, char *buf, size_t size);
/* The same, safe for a terminal or a CI log: control characters and
 * invalid UTF-8 of file names and messages as \xNN (escape.h). */
void mtc_error_format_terminal(const mtc_error *err, char *buf, size_t size);
void mtc_error_set(mtc_error *err, mtc_status st, const char *path,
                   long long byte_offset, long line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

typedef struct mtc_config mtc_config;     /* config.h */
typedef struct mtc_document mtc_document; /* document.h */
typedef struct mtc_checker mtc_checker;   /* checker.h */
typedef struct mtc_result mtc_result;     /* checker.h */

/* ---- configuration ---- */
mtc_config *mtc_config_new(void);
void mtc_config_free(mtc_config *cfg);

/* ---- documents ---- */
typedef enum mtc_input_format {
    MTC_INPUT_AUTO = 0, /* by file extension */
    MTC_INPUT_TEXT,
    MTC_INPUT_MARKDOWN,
    MTC_INPUT_HTML
} mtc_input_format;

/* Decodes bytes (encoding: NULL = detect) and segments them.
 * path is only used for messages and reports (copied). */
mtc_status mtc_document_from_bytes(const char *path, const char *bytes, size_t len,
                                   const char *encoding, mtc_input_format fmt,
                                   mtc_document **out, mtc_error *err);
/* Reads the file ("-" = standard input) then as above. */
mtc_status mtc_document_load(const char *path, const char *encoding, mtc_input_format fmt,
                             size_t max_bytes, mtc_document **out, mtc_error *err);
void mtc_document_free(mtc_document *doc);

/* ---- checking ---- */
mtc_status mtc_checker_new(const mtc_config *cfg, mtc_checker **out, mtc_error *err);
void mtc_checker_free(mtc_checker *chk);
/* Runs every enabled analyzer over doc and scores it. The result borrows
 * doc (doc must outlive it). */
mtc_status mtc_checker_check(mtc_checker *chk, const mtc_document *doc, mtc_result **out,
                             mtc_error *err);
/* The same with the article's source (NULL = none): doc is aligned with
 * it and the source.* checks run. The result borrows src too. */
mtc_status mtc_checker_check_source(mtc_checker *chk, const mtc_document *doc,
                                    const mtc_document *src, mtc_result **out, mtc_error *err);
void mtc_result_free(mtc_result *res);

/* ---- accessors (the structs are internal) ---- */
const char *mtc_document_path(const mtc_document *doc);
/* The encoding the article was decoded from ("UTF-8", "windows-1252", ...);
 * *detected (when not NULL) is 1 when it was guessed, not given or certain. */
const char *mtc_document_encoding(const mtc_document *doc, int *detected);
size_t mtc_document_words(const mtc_document *doc);
const mtc_document *mtc_result_document(const mtc_result *res);
size_t mtc_result_issue_count(const mtc_result *res);
double mtc_result_score(const mtc_result *res);  /* 0..100 */
int mtc_result_failed(const mtc_result *res);    /* 1 when the gate fails */

/* ---- rules ---- */
typedef struct mtc_rule_desc {
    const char *id;          /* "analyzer.rule-name" */
    const char *category;
    mtc_severity severity;   /* default severity */
    int enabled;             /* on by default */
    const char *description;
} mtc_rule_desc;
/* The i-th rule of every analyzer, in run order: fills *out and returns 1,
 * or returns 0 past the last one. */
int mtc_rule_at(size_t i, mtc_rule_desc *out);

#endif
