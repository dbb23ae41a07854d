/* buffer.c — the growable string buffer (see buffer.h), in memory or
 * streamed to a FILE * in pieces of at most MTC_BUF_SPILL bytes. Owns its
 * data until mtc_buf_detach hands it over; never owns the stream. */
#include "buffer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

static void reserve(mtc_buf *b, size_t extra)
{
    mtc_grow((void **)&b->data, &b->cap, b->len + extra + 1, 1);
}

/* A streamed buffer's contents, written out. */
static void spill(mtc_buf *b)
{
    if (b->len)
        fwrite(b->data, 1, b->len, b->out);
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void mtc_buf_stream(mtc_buf *b, FILE *out, size_t piece)
{
    b->out = out;
    b->spill = piece ? piece : MTC_BUF_SPILL;
}

int mtc_buf_flush(mtc_buf *b)
{
    if (!b->out)
        return 0;
    spill(b);
    return ferror(b->out) ? -1 : 0;
}

void mtc_buf_put(mtc_buf *b, const char *s, size_t n)
{
    if (b->out && n > b->spill - b->len) {
        spill(b);
        if (n > b->spill) { /* a long piece: straight through */
            fwrite(s, 1, n, b->out);
            return;
        }
    }
    reserve(b, n);
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void mtc_buf_puts(mtc_buf *b, const char *s)
{
    mtc_buf_put(b, s, strlen(s));
}

void mtc_buf_putc(mtc_buf *b, char c)
{
    mtc_buf_put(b, &c, 1);
}

void mtc_buf_vprintf(mtc_buf *b, const char *fmt, va_list ap)
{
    /* format straight into the spare capacity; only when it does not fit,
     * grow to the exact size and format again */
    if (b->cap - b->len < 64)
        reserve(b, 64);
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap2);
    va_end(ap2);
    if (n < 0) {
        b->data[b->len] = '\0';
        return;
    }
    if ((size_t)n >= b->cap - b->len) {
        reserve(b, (size_t)n);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    }
    b->len += (size_t)n;
    if (b->out && b->len > b->spill)
        spill(b);
}

void mtc_buf_printf(mtc_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    mtc_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

void mtc_buf_clear(mtc_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

char *mtc_buf_detach(mtc_buf *b)
{
    char *s = b->data ? b->data : mtc_xstrdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return s;
}

void mtc_buf_free(mtc_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->out = NULL;
    b->spill = 0;
}
