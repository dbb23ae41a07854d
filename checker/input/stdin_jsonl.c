/* stdin_jsonl.c — reads {"id": ..., "text": ..., "source": ...} lines (json-c;
 * "source", the text translated, is optional) and makes
 * batch jobs of them (stdin_jsonl.h); a line that is not such a record is
 * a job carrying the error (and the id when the line had one), so every
 * line gets an answer in order. Owns its line buffer; each job owns
 * the copies of its id and text. */
#define _DEFAULT_SOURCE /* getline */
#include "stdin_jsonl.h"

#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "alloc.h"

void mtc_jsonl_source_init(mtc_jsonl_source *src, FILE *in, size_t config)
{
    memset(src, 0, sizeof *src);
    src->in = in;
    src->config = config;
}

void mtc_jsonl_source_free(mtc_jsonl_source *src)
{
    free(src->buf);
    memset(src, 0, sizeof *src);
}

/* A line that is not a record: a job with err set, its id (job->path)
 * kept when the line had one, NULL otherwise; every line gets an answer. */
static void bad_line(mtc_jsonl_source *src, mtc_batch_job *job, const char *what)
{
    mtc_error_set(&job->err, MTC_ERR_USAGE, "<stdin>", -1, (long)src->line, "%s", what);
}

int mtc_jsonl_next(void *ctx, mtc_batch_job *job)
{
    mtc_jsonl_source *src = ctx;
    for (;;) {
        ssize_t n = getline(&src->buf, &src->cap, src->in);
        if (n < 0)
            return 0;
        src->line++;
        size_t len = (size_t)n;
        while (len > 0 && (src->buf[len - 1] == '\n' || src->buf[len - 1] == '\r'))
            len--;
        size_t i = 0;
        while (i < len && (src->buf[i] == ' ' || src->buf[i] == '\t'))
            i++;
        if (i == len)
            continue; /* blank line */
        job->config = src->config;
        job->line = (long)src->line;
        json_tokener *tok = json_tokener_new();
        json_object *obj = json_tokener_parse_ex(tok, src->buf + i, (int)(len - i));
        enum json_tokener_error jerr = json_tokener_get_error(tok);
        size_t used = (size_t)json_tokener_get_parse_end(tok);
        json_tokener_free(tok);
        if (!obj || jerr != json_tokener_success) {
            json_object_put(obj);
            char what[200];
            snprintf(what, sizeof what, "not JSON (%s)",
                     jerr == json_tokener_continue ? "the value is incomplete"
                                                   : json_tokener_error_desc(jerr));
            bad_line(src, job, what);
            return 1;
        }
        for (size_t k = i + used; k < len; k++)
            if (src->buf[k] != ' ' && src->buf[k] != '\t') {
                json_object_put(obj);
                bad_line(src, job, "more than one JSON value on the line");
                return 1;
            }
        json_object *id = NULL, *text = NULL, *source = NULL;
        if (!json_object_is_type(obj, json_type_object)) {
            bad_line(src, job, "not a JSON object");
        } else {
            json_object_object_get_ex(obj, "id", &id);
            int has_text = json_object_object_get_ex(obj, "text", &text); /* null: text NULL */
            json_object_object_get_ex(obj, "source", &source);
            if (id && (json_object_is_type(id, json_type_string) ||
                       json_object_is_type(id, json_type_int)))
                job->path = mtc_xstrdup(json_object_get_string(id));
            if (!job->path)
                bad_line(src, job, id && !json_object_is_type(id, json_type_null)
                                       ? "\"id\" is not a string or an integer"
                                       : "\"id\" (a string or an integer) is missing");
            else if (!has_text)
                bad_line(src, job, "\"text\" (a string) is missing");
            else if (!text)
                bad_line(src, job, "\"text\" is null, not a string");
            else if (!json_object_is_type(text, json_type_string))
                bad_line(src, job, "\"text\" is not a string");
            else if (source && !json_object_is_type(source, json_type_string) &&
                     !json_object_is_type(source, json_type_null))
                bad_line(src, job, "\"source\" (the text translated, a string) is not a string");
            else {
                if (source && json_object_is_type(source, json_type_string)) {
                    /* the translation's source text, for the source.* checks */
                    size_t sl = (size_t)json_object_get_string_len(source);
                    job->source_bytes = mtc_xmalloc(sl + 1);
                    memcpy(job->source_bytes, json_object_get_string(source), sl);
                    job->source_bytes[sl] = '\0';
                    job->source_len = sl;
                }
                size_t tl = (size_t)json_object_get_string_len(text);
                job->bytes = mtc_xmalloc(tl + 1);
                memcpy(job->bytes, json_object_get_string(text), tl);
                job->bytes[tl] = '\0';
                job->len = tl;
            }
        }
        json_object_put(obj);
        return 1;
    }
}
