/* utf8.h — locale-independent character helpers: ASCII classes for bytes,
 * a UTF-8 decoder/iterator, and Unicode classes (from utf8proc) for code
 * points, with inline ASCII fast paths; helpers that test eight bytes at
 * once for scanners. Never use <ctype.h> on article text. */
#ifndef MTC_UTF8_H
#define MTC_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

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
static inline int mtc_utf8_next(const char *s, size_t len, size_t pos, int32_t *cp);
/* The same for a sequence that does not start with an ASCII byte (the
 * out-of-line part of mtc_utf8_next). */
int mtc_utf8_next_multi(const char *s, size_t len, size_t pos, int32_t *cp);
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

/* Unicode classes (utf8proc general categories). The inline functions
 * answer ASCII (and the -1 of an invalid sequence) themselves and ask
 * utf8proc, through the mtc_ucp_* functions, only for other code points. */
static inline int mtc_cp_is_letter(int32_t cp);   /* L* */
static inline int mtc_cp_is_mark(int32_t cp);     /* M* (combining marks continue a word) */
static inline int mtc_cp_is_upper(int32_t cp);    /* Lu or Lt */
static inline int mtc_cp_is_lower(int32_t cp);    /* Ll */
static inline int mtc_cp_is_digit(int32_t cp);    /* Nd */
static inline int mtc_cp_is_space(int32_t cp);    /* Zs, Zl, Zp and ASCII/Unicode whitespace controls */
static inline int mtc_cp_is_punct(int32_t cp);    /* P* */
static inline int mtc_cp_is_symbol(int32_t cp);   /* S* */
static inline int32_t mtc_cp_tolower(int32_t cp);
static inline int32_t mtc_cp_toupper(int32_t cp);
/* The same through utf8proc for any code point (-1: none of the classes). */
int mtc_ucp_is_letter(int32_t cp);
int mtc_ucp_is_mark(int32_t cp);
int mtc_ucp_is_upper(int32_t cp);
int mtc_ucp_is_lower(int32_t cp);
int mtc_ucp_is_digit(int32_t cp);
int mtc_ucp_is_space(int32_t cp);
int mtc_ucp_is_punct(int32_t cp);
int mtc_ucp_is_symbol(int32_t cp);
int32_t mtc_ucp_tolower(int32_t cp);
int32_t mtc_ucp_toupper(int32_t cp);

/* Appends the lowercase form of s[0..len) to out (max out_size-1 bytes,
 * NUL-terminated). Returns the length written, or (size_t)-1 if it did not fit. */
size_t mtc_utf8_lower(const char *s, size_t len, char *out, size_t out_size);

/* ---- eight bytes at a time (scanners skip text without what they seek) ---- */

static inline uint64_t mtc_load8(const char *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}
/* Non-zero when some byte of v is b (exact: no false answers either way). */
static inline uint64_t mtc_has_byte(uint64_t v, unsigned char b)
{
    uint64_t x = v ^ (0x0101010101010101ull * b);
    return (x - 0x0101010101010101ull) & ~x & 0x8080808080808080ull;
}
/* Non-zero when some byte of v is not ASCII. */
static inline uint64_t mtc_has_high(uint64_t v)
{
    return v & 0x8080808080808080ull;
}
/* For eight ASCII bytes: bit 7 of each byte that is ASCII whitespace
 * (mtc_ascii_is_space: space, \t \n \v \f \r), exactly. */
static inline uint64_t mtc_space_mask(uint64_t v)
{
    const uint64_t lo7 = 0x7F7F7F7F7F7F7F7Full, high = 0x8080808080808080ull;
    uint64_t x = v ^ 0x2020202020202020ull; /* ' ' -> 0 */
    uint64_t eq_space = ~(((x & lo7) + lo7) | x) & high;
    uint64_t ge9 = ((v | high) - 0x0909090909090909ull) & high;   /* no borrows */
    uint64_t ge14 = ((v | high) - 0x0E0E0E0E0E0E0E0Eull) & high;
    return eq_space | (ge9 & ~ge14);
}
/* The number of bytes whose bit 7 is set in a mask of bit-7 flags (as
 * mtc_space_mask returns): without a popcount instruction. */
static inline unsigned mtc_count_high(uint64_t mask)
{
    return (unsigned)((((mask >> 7) & 0x0101010101010101ull) * 0x0101010101010101ull) >> 56);
}
/* 1 when the bytes of a loaded word are in memory order from its low bits
 * (the eight-byte scanners that need byte positions check this). */
#if defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define MTC_LITTLE_ENDIAN 1
#else
#define MTC_LITTLE_ENDIAN 0
#endif

/* ---- inline fast paths ---- */

static inline int mtc_utf8_next(const char *s, size_t len, size_t pos, int32_t *cp)
{
    unsigned char c = (unsigned char)s[pos];
    if (c < 0x80) {
        *cp = (int32_t)c;
        return 1;
    }
    return mtc_utf8_next_multi(s, len, pos, cp);
}

/* ASCII punctuation (P*: !"#%&'()*,-./:;?@[\]_{}) and symbols (S*: $+<=>^`|~),
 * as bit masks over code points 0..127. */
#define MTC_ASCII_PUNCT_LO 0x8c00f7ee00000000ull
#define MTC_ASCII_PUNCT_HI 0x28000000b8000001ull
#define MTC_ASCII_SYMBOL_LO 0x7000081000000000ull
#define MTC_ASCII_SYMBOL_HI 0x5000000140000000ull

static inline int mtc_ascii_in_mask(int32_t cp, uint64_t lo, uint64_t hi)
{
    return (int)(((cp < 64 ? lo : hi) >> (cp & 63)) & 1u);
}

static inline int mtc_cp_is_letter(int32_t cp)
{
    return (uint32_t)cp < 0x80 ? mtc_ascii_is_alpha(cp) : mtc_ucp_is_letter(cp);
}
static inline int mtc_cp_is_mark(int32_t cp)
{
    return (uint32_t)cp < 0x80 ? 0 : mtc_ucp_is_mark(cp);
}
static inline int mtc_cp_is_upper(int32_t cp)
{
    return (uint32_t)cp < 0x80 ? mtc_ascii_is_upper(cp) : mtc_ucp_is_upper(cp);
}
static inline int mtc_cp_is_lower(int32_t cp)
{
    return (uint32_t)cp < 0x80 ? mtc_ascii_is_lower(cp) : mtc_ucp_is_lower(cp);
}
static inline int mtc_cp_is_digit(int32_t cp)
{
    return (uint32_t)cp < 0x80 ? mtc_ascii_is_digit(cp) : mtc_ucp_is_digit(cp);
}
static inline int mtc_cp_is_space(int32_t cp)
{
    return (uint32_t)cp < 0x80 ? mtc_ascii_is_space(cp) : mtc_ucp_is_space(cp);
}
static inline int mtc_cp_is_punct(int32_t cp)
{
    return (uint32_t)cp < 0x80
               ? mtc_ascii_in_mask(cp, MTC_ASCII_PUNCT_LO, MTC_ASCII_PUNCT_HI)
               : mtc_ucp_is_punct(cp);
}
static inline int mtc_cp_is_symbol(int32_t cp)
{
    return (uint32_t)cp < 0x80
               ? mtc_ascii_in_mask(cp, MTC_ASCII_SYMBOL_LO, MTC_ASCII_SYMBOL_HI)
               : mtc_ucp_is_symbol(cp);
}
static inline int32_t mtc_cp_tolower(int32_t cp)
{
    return (uint32_t)cp < 0x80 ? mtc_ascii_tolower(cp) : mtc_ucp_tolower(cp);
}
static inline int32_t mtc_cp_toupper(int32_t cp)
{
    return (uint32_t)cp < 0x80 ? mtc_ascii_toupper(cp) : mtc_ucp_toupper(cp);
}

#endif
