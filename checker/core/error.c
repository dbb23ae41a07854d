/* error.c — mtc_error (status + location + message) and severity names.
 * Owns nothing. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "buffer.h"
#include "escape.h"
#include "mtcheck.h"

void mtc_error_set(mtc_error *err, mtc_status st, const char *path, long long byte_offset,
                   long line, const char *fmt, ...)
{
    if (!err)
        return;
    err->status = st;
    snprintf(err->path, sizeof err->path, "%s", path ? path : "");
    err->byte_offset = byte_offset;
    err->line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}

void mtc_error_format(const mtc_error *err, char *buf, size_t size)
{
    if (err->path[0] && err->line > 0)
        snprintf(buf, size, "%s:%ld: %s", err->path, err->line, err->message);
    else if (err->path[0] && err->byte_offset >= 0)
        snprintf(buf, size, "%s: byte %lld: %s", err->path, err->byte_offset, err->message);
    else if (err->path[0])
        snprintf(buf, size, "%s: %s", err->path, err->message);
    else
        snprintf(buf, size, "%s", err->message);
}

void mtc_error_format_terminal(const mtc_error *err, char *buf, size_t size)
{
    char raw[2200];
    mtc_error_format(err, raw, sizeof raw);
    mtc_buf b = MTC_BUF_INIT;
    mtc_escape_terminal(&b, raw, strlen(raw));
    snprintf(buf, size, "%.*s", (int)b.len, b.data ? b.data : "");
    mtc_buf_free(&b);
}

static const char *const severity_names[] = {"default", "minor", "major", "critical"};

const char *mtc_severity_name(mtc_severity s)
{
    if ((int)s < 0 || s > MTC_SEV_CRITICAL)
        return "unknown";
    return severity_names[s];
}

int mtc_severity_parse(const char *name, mtc_severity *out)
{
    for (int i = 1; i <= MTC_SEV_CRITICAL; i++) {
        if (strcmp(name, severity_names[i]) == 0) {
            *out = (mtc_severity)i;
            return 0;
        }
    }
    return -1;
}
