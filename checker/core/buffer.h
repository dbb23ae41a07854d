/* buffer.h — mtc_buf, the one growable byte string of the project
 * (reporters build their output with it; analyzers build messages). A
 * buffer given an output stream (mtc_buf_stream) is a bounded write
 * buffer: what it holds is written out whenever it reaches MTC_BUF_SPILL
 * bytes, so a report of any size is written as it is produced. */
#ifndef MTC_BUFFER_H
#define MTC_BUFFER_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

typedef struct mtc_buf {
    char *data; /* always NUL-terminated when non-NULL */
    size_t len;
    size_t cap;
    FILE *out;    /* NULL: in memory; else the stream it spills to (not owned) */
    size_t spill; /* streamed: the most it holds before writing out */
} mtc_buf;

#define MTC_BUF_INIT {NULL, 0, 0, NULL, 0}

/* The default piece of a streamed buffer. */
#define MTC_BUF_SPILL ((size_t)64 * 1024)

/* Makes b a write buffer on out: from now on what b holds is written to
 * out whenever it would exceed `piece` bytes (0: MTC_BUF_SPILL; SIZE_MAX:
 * only at mtc_buf_flush), and a piece longer than that goes straight
 * through, uncopied. So a streamed buffer is only appended to: never read
 * back, shortened or detached. */
void mtc_buf_stream(mtc_buf *b, FILE *out, size_t piece);
/* Writes out what a streamed buffer holds (nothing for an in-memory one).
 * Returns 0, or -1 when the stream has had a write error. */
int mtc_buf_flush(mtc_buf *b);

void mtc_buf_put(mtc_buf *b, const char *s, size_t n);
void mtc_buf_puts(mtc_buf *b, const char *s);
void mtc_buf_putc(mtc_buf *b, char c);
void mtc_buf_printf(mtc_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void mtc_buf_vprintf(mtc_buf *b, const char *fmt, va_list ap);
void mtc_buf_clear(mtc_buf *b);
/* Hands the string to the caller (who frees it); the buffer is reset. */
char *mtc_buf_detach(mtc_buf *b);
void mtc_buf_free(mtc_buf *b);

#endif
