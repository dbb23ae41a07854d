/* buffer.h — mtc_buf, the one growable byte string of the project
 * (reporters build their output with it; analyzers build messages). */
#ifndef MTC_BUFFER_H
#define MTC_BUFFER_H

#include <stdarg.h>
#include <stddef.h>

typedef struct mtc_buf {
    char *data; /* always NUL-terminated when non-NULL */
    size_t len;
    size_t cap;
} mtc_buf;

#define MTC_BUF_INIT {NULL, 0, 0}

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
