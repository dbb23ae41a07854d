/* stdin_jsonl.c — reads {"id": ..., "text": ..., "source": ...} lines (json-c;
 * "source", the text translated, is optional) and makes
 * batch jobs of them (stdin_jsonl.h); a line that is not such a record is
 * a job carrying the error (and the id when the line had one), so every
 * line gets an answer in order. Owns its line buffer; each job owns
 * the copies of its id and text. */
#include "stdin_jsonl.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "alloc.h"

void mtc_jsonl_source_init(mtc_jsonl_source *src, FILE *in, size_t config)
{
    memset(src, 0, sizeof *src);
    src->in = in;
    src->config = config;
    src->slack = 65536;
}

void mtc_jsonl_source_free(mtc_jsonl_source *src)
{
    free(src->buf);
    memset(src, 0, sizeof *src);
}

/* The end of the JSON value at s[i] (a valid value: json-c parsed the line). */
static size_t value_end(const char *s, size_t len, size_t i)
{
    if (s[i] == '"') {
        for (i++; i < len && s[i] != '"'; i++)
            if (s[i] == '\\')
                i++;
        return i < len ? i + 1 : len;
    }
    if (s[i] == '{' || s[i] == '[') {
        int depth = 0;
        for (; i < len; i++) {
            if (s[i] == '"') {
                i = value_end(s, len, i) - 1;
            } else if (s[i] == '{' || s[i] == '[') {
                depth++;
            } else if ((s[i] == '}' || s[i] == ']') && --depth == 0) {
                return i + 1;
            }
        }
        return len;
    }
    while (i < len && s[i] != ',' && s[i] != '}' && s[i] != ']' && s[i] != ' ' && s[i] != '\t')
        i++;
    return i;
}

static size_t skip_space(const char *s, size_t len, size_t i)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    return i;
}

/* 1 if the JSON string key[0, n) (quotes included) is "id", escapes
 * decoded ("\u0069d" too, as json-c reads it). */
static int key_is_id(const char *key, size_t n)
{
    if (n == 4 && memcmp(key, "\"id\"", 4) == 0)
        return 1;
    if (n > 64 || !memchr(key, '\\', n))
        return 0;
    json_tokener *tok = json_tokener_new();
    json_object *k = json_tokener_parse_ex(tok, key, (int)n);
    int is = k && json_object_is_type(k, json_type_string) &&
             json_object_get_string_len(k) == 2 && memcmp(json_object_get_string(k), "id", 2) == 0;
    json_object_put(k);
    json_tokener_free(tok);
    return is;
}

/* The number the record's top-level "id" key holds, as written (json-c
 * keeps 64 bits: 18446744073709551615 or a 30-digit id would come back
 * changed), copied into a new string; NULL when the key is not found as
 * plain "id". When the key repeats, the last one counts, as in json-c. */
static char *raw_number_id(const char *s, size_t len)
{
    size_t i = skip_space(s, len, 0), vs = 0, ve = 0;
    int found = 0;
    if (i >= len || s[i] != '{')
        return NULL;
    i++;
    for (;;) {
        i = skip_space(s, len, i);
        if (i >= len || s[i] != '"')
            break;
        size_t ks = i, ke = value_end(s, len, i);
        i = skip_space(s, len, ke);
        if (i >= len || s[i] != ':')
            break;
        i = skip_space(s, len, i + 1);
        if (i >= len)
            break;
        size_t e = value_end(s, len, i);
        if (key_is_id(s + ks, ke - ks)) {
            found = 1;
            vs = i;
            ve = e;
        }
        i = skip_space(s, len, e);
        if (i >= len || s[i] != ',')
            break;
        i++;
    }
    if (!found || !(s[vs] == '-' || (s[vs] >= '0' && s[vs] <= '9')))
        return NULL;
    return mtc_xstrndup(s + vs, ve - vs);
}

/* A line that is not a record: a job with err set, its id (job->path)
 * kept when the line had one, NULL otherwise; every line gets an answer. */
static void bad_line(mtc_jsonl_source *src, mtc_batch_job *job, const char *what)
{
    mtc_error_set(&job->err, MTC_ERR_USAGE, "<stdin>", -1, (long)src->line, "%s", what);
}

/* Reads one line into src->buf, at most limit bytes of it (0: no limit);
 * the rest of a longer line is read and dropped. Returns the bytes kept,
 * -1 at the end of the input; *too_long is set for a line cut. */
static ssize_t read_line(mtc_jsonl_source *src, size_t limit, int *too_long)
{
    size_t len = 0;
    int c = 0, any = 0;
    *too_long = 0;
    while ((c = getc_unlocked(src->in)) != EOF) {
        any = 1;
        if (c == '\n')
            break;
        if (limit && len >= limit) {
            *too_long = 1;
            continue; /* drop, in bounded memory */
        }
        if (len + 2 > src->cap) {
            size_t cap = src->cap ? src->cap * 2 : 4096;
            src->buf = mtc_xrealloc(src->buf, cap);
            src->cap = cap;
        }
        src->buf[len++] = (char)c;
    }
    if (!any)
        return -1;
    if (!src->buf) {
        src->buf = mtc_xmalloc(1);
        src->cap = 1;
    }
    src->buf[len] = '\0';
    return (ssize_t)len;
}

int mtc_jsonl_next(void *ctx, mtc_batch_job *job)
{
    mtc_jsonl_source *src = ctx;
    for (;;) {
        int too_long;
        /* a record's line holds its text and some JSON around it (an
         * escaped text may be longer than the text: src->slack bytes more,
         * then the decoded text is measured against the limit too) */
        size_t limit = src->max_bytes ? src->max_bytes + src->slack : 0;
        ssize_t n = read_line(src, limit, &too_long);
        if (n < 0)
            return 0;
        src->line++;
        if (too_long) {
            job->config = src->config;
            job->line = (long)src->line;
            char what[160];
            snprintf(what, sizeof what, "record is larger than --max-bytes %zu: not read",
                     src->max_bytes);
            bad_line(src, job, what);
            return 1;
        }
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
        if (len - i > (size_t)INT_MAX) { /* json-c takes an int length */
            bad_line(src, job, "record is larger than 2 GiB: not read");
            return 1;
        }
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
            if (id && json_object_is_type(id, json_type_string)) {
                job->path = mtc_xstrdup(json_object_get_string(id));
            } else if (id && (json_object_is_type(id, json_type_int) ||
                              json_object_is_type(id, json_type_double))) {
                /* a number id is echoed as written, whatever its size */
                job->path = raw_number_id(src->buf + i, len - i);
                if (!job->path)
                    job->path = mtc_xstrdup(json_object_to_json_string(id));
                job->id_is_number = 1;
            }
            if (!job->path)
                bad_line(src, job, id && !json_object_is_type(id, json_type_null)
                                       ? "\"id\" is not a string or a number"
                                       : "\"id\" (a string or a number) is missing");
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
                if (src->max_bytes && tl > src->max_bytes) {
                    char what[160];
                    snprintf(what, sizeof what, "\"text\" is %zu bytes, more than --max-bytes %zu",
                             tl, src->max_bytes);
                    bad_line(src, job, what);
                    json_object_put(obj);
                    return 1;
                }
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
