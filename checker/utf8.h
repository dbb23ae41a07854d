/* utf8.h — locale-independent character helpers: ASCII classes for bytes,
 * a UTF-8 decoder/iterator, and Unicode classes (from utf8proc) for code
 * points. Never use <ctype.h> on article text. */
#ifndef MTC_UTF8_H
#define MTC_UTF8_H

#include <stddef.h>
#include <stdint.h>

static inline int mtc_ascii_is_upper(int c) { return c >= 'A' && c <= 'Z'; }
static inline int mtc_ascii_is_lower(int c) { return c >= 'a' && c <= 'z'; }
static inline int mtc_ascii_is_alpha(int c) { return mtc_ascii_is_upper(c) || mtc_ascii_is_lower(c); }
static inline int mtc_ascii_is_digit(int c) { return c >= '0' && c <= '9'; }
static inline int mtc_ascii_is_alnum(int c) { return mtc_ascii_is_alpha(c) || mtc_ascii_is_digit(c); }
static inline int mtc_ascii_is_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
static inline int mtc_ascii_tolower(int c) { return mtc_ascii_is_upper(c) ? c + 32 : c; }
static inline int mtc_ascii_toupper(int c) { return mtc_ascii_is_lower(c) ? c - 32 : c; }

/* Decodes the code point at s[pos] (pos < len). Returns its length in bytes
 * (1..4) and stores the code point in *cp; an invalid or truncated sequence
 * yields *cp = -1 and length 1. */
int mtc_utf8_next(const char *s, size_t len, size_t pos, int32_t *cp);
/* Decodes the code point that ends just before s[pos] (pos > 0); returns the
 * start offset of that code point. */
size_t mtc_utf8_prev(const char *s, size_t pos, int32_t *cp);
/* Encodes cp into out (at least 4 bytes); returns the number of bytes. */
int mtc_utf8_encode(int32_t cp, char *out);
/* Returns 1 if s[0..len) is valid UTF-8; otherwise 0 and *bad = offset of
 * the first byte of the first invalid sequence. */
int mtc_utf8_validate(const char *s, size_t len, size_t *bad);
/* Number of code points in s[0..len). */
size_t mtc_utf8_count(const char *s, size_t len);

/* Unicode classes (utf8proc general categories). */
int mtc_cp_is_letter(int32_t cp);   /* L* */
int mtc_cp_is_mark(int32_t cp);     /* M* (combining marks continue a word) */
int mtc_cp_is_upper(int32_t cp);    /* Lu or Lt */
int mtc_cp_is_lower(int32_t cp);    /* Ll */
int mtc_cp_is_digit(int32_t cp);    /* Nd */
int mtc_cp_is_space(int32_t cp);    /* Zs, Zl, Zp and ASCII/Unicode whitespace controls */
int mtc_cp_is_punct(int32_t cp);    /* P* */
int mtc_cp_is_symbol(int32_t cp);   /* S* */
int32_t mtc_cp_tolower(int32_t cp);
int32_t mtc_cp_toupper(int32_t cp);

/* Appends the lowercase form of s[0..len) to out (max out_size-1 bytes,
 * NUL-terminated). Returns the length written, or (size_t)-1 if it did not fit. */
size_t mtc_utf8_lower(const char *s, size_t len, char *out, size_t out_size);

#endif
