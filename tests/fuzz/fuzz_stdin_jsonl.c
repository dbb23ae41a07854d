/* fuzz_stdin_jsonl.c — libFuzzer target for the --stdin-jsonl reader
 * (stdin_jsonl.c): the first byte picks --max-bytes (none, or 1 to 1,000
 * bytes), the second the slack a record's line may have beyond it, the rest
 * is the stream. Checks the reader's contract, line by line against json-c
 * reading the same line on its own: one job per line that is not blank, in
 * order, with its line number; a job either carries an error (a status and
 * a message) or an id and a text; the text is the record's "text" byte for
 * byte and never more than --max-bytes; a string id is the record's "id";
 * a number id is a JSON number as written in the line that json-c reads as
 * the same value; no line longer than --max-bytes plus the slack is
 * parsed. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "stdin_jsonl.h"

/* The record json-c reads from line[0, n), or NULL. */
static json_object *jl_parse(const char *line, size_t n)
{
    json_tokener *tok = json_tokener_new();
    json_object *o = json_tokener_parse_ex(tok, line, (int)n);
    int ok = o && json_tokener_get_error(tok) == json_tokener_success;
    size_t end = (size_t)json_tokener_get_parse_end(tok);
    json_tokener_free(tok);
    for (size_t k = end; ok && k < n; k++)
        if (line[k] != ' ' && line[k] != '\t' && line[k] != '\r')
            ok = 0;
    if (!ok) {
        json_object_put(o);
        return NULL;
    }
    return o;
}

/* 1 if s[0, n) holds the string needle (NUL bytes in s allowed). */
static int jl_contains(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; k <= n && i <= n - k; i++)
        if (memcmp(s + i, needle, k) == 0)
            return 1;
    return 0;
}

/* Checks one job against its line (line[0, n), without the newline). */
static void jl_check_job(const mtc_batch_job *job, const char *line, size_t n, size_t max_bytes,
                         size_t limit)
{
    if (job->err.status != MTC_OK) {
        if (job->err.message[0] == '\0' || job->bytes)
            abort(); /* an error says why and carries no text */
        return;
    }
    if (!job->path || !job->bytes || job->bytes[job->len] != '\0')
        abort();
    if (max_bytes && job->len > max_bytes)
        abort(); /* a text over --max-bytes checked */
    if (limit && n > limit)
        abort(); /* a line over the bound parsed */
    json_object *o = jl_parse(line, n);
    if (!o || !json_object_is_type(o, json_type_object))
        abort(); /* a record json-c does not read as an object */
    json_object *text = NULL, *id = NULL;
    if (!json_object_object_get_ex(o, "text", &text) || !json_object_is_type(text, json_type_string) ||
        (size_t)json_object_get_string_len(text) != job->len ||
        memcmp(json_object_get_string(text), job->bytes, job->len) != 0)
        abort(); /* the text is not the record's */
    if (!json_object_object_get_ex(o, "id", &id))
        abort();
    if (json_object_is_type(id, json_type_string)) {
        if (job->id_is_number || strcmp(json_object_get_string(id), job->path) != 0)
            abort();
    } else {
        if (!job->id_is_number || !jl_contains(line, n, job->path))
            abort(); /* a number id must be as written in the line */
        json_object *v = json_tokener_parse(job->path); /* the NUL ends the number */
        int same = v && json_object_get_type(v) == json_object_get_type(id) &&
                   (json_object_is_type(v, json_type_int)
                        ? json_object_get_int64(v) == json_object_get_int64(id) &&
                              json_object_get_uint64(v) == json_object_get_uint64(id)
                        : json_object_get_double(v) == json_object_get_double(id));
        json_object_put(v);
        if (!same)
            abort(); /* the digits echoed are not the record's id */
    }
    json_object_put(o);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const size_t maxes[] = {0, 1, 16, 100, 1000, 0, 40, 7};
    static const size_t slacks[] = {65536, 0, 8, 64};
    if (size < 3)
        return 0;
    size_t max_bytes = maxes[data[0] % 8], slack = slacks[data[1] % 4];
    const char *in = (const char *)data + 2;
    size_t n = size - 2;
    FILE *f = fmemopen((void *)in, n, "rb");
    if (!f)
        return 0;
    mtc_jsonl_source src;
    mtc_jsonl_source_init(&src, f, 0);
    src.max_bytes = max_bytes;
    src.slack = slack;
    size_t limit = max_bytes ? max_bytes + slack : 0;
    size_t pos = 0;
    long line_no = 0;
    for (;;) {
        mtc_batch_job job;
        memset(&job, 0, sizeof job);
        int got = mtc_jsonl_next(&src, &job);
        /* the next line that is not blank, by the same reading */
        const char *line = NULL;
        size_t len = 0;
        while (pos < n) {
            const char *nl = memchr(in + pos, '\n', n - pos);
            size_t e = nl ? (size_t)(nl - in) : n;
            line_no++;
            size_t a = pos, b = e;
            pos = nl ? e + 1 : n;
            int too_long = limit && b - a > limit;
            while (b > a && in[b - 1] == '\r')
                b--;
            size_t k = a;
            while (k < b && (in[k] == ' ' || in[k] == '\t'))
                k++;
            if (k < b || too_long) {
                line = in + a;
                len = e - a;
                break;
            }
        }
        if (!got) {
            if (line)
                abort(); /* a line left without an answer */
            break;
        }
        if (!line || job.line != line_no || job.config != 0)
            abort(); /* a job for no line, or numbered wrongly */
        char *copy = malloc(len + 1);
        memcpy(copy, line, len);
        copy[len] = '\0';
        jl_check_job(&job, copy, len, max_bytes, limit);
        free(copy);
        free(job.path);
        free(job.bytes);
        free(job.source_bytes);
        free(job.source_path);
    }
    mtc_jsonl_source_free(&src);
    fclose(f);
    return 0;
}
