/* stdin_jsonl.h — the streaming input of --stdin-jsonl: one JSON object
 * per line, {"id": "...", "text": "..."} (id may also be a number), parsed
 * with json-c, turned into batch jobs. For GNU parallel --pipe, Hadoop
 * Streaming and Spark's RDD.pipe. */
#ifndef MTC_STDIN_JSONL_H
#define MTC_STDIN_JSONL_H

#include <stddef.h>
#include <stdio.h>

#include "batch.h"

typedef struct mtc_jsonl_source {
    FILE *in;          /* borrowed */
    size_t config;     /* configuration index for every article */
    size_t line;       /* lines read */
    char *buf;         /* owned line buffer */
    size_t cap;
    size_t max_bytes;  /* --max-bytes per record (its line); 0 = no limit */
    size_t slack;      /* bytes a record's line may hold beyond max_bytes (the
                        * JSON around the text, escapes): 64 KiB from init */
} mtc_jsonl_source;

void mtc_jsonl_source_init(mtc_jsonl_source *src, FILE *in, size_t config);
void mtc_jsonl_source_free(mtc_jsonl_source *src);
/* mtc_batch.next for a jsonl source: skips blank lines; a line that is not
 * such an object becomes a job with err set ("<stdin>" line N), job->path
 * its id or NULL; job->line is the input line of every job. */
int mtc_jsonl_next(void *src, mtc_batch_job *job);

#endif
