/* utf8.c — UTF-8 decoding/encoding and Unicode character classes through
 * utf8proc. Pure functions; owns nothing. */
#include "utf8.h"

#include <string.h>

#include <utf8proc.h>

int mtc_utf8_next_multi(const char *s, size_t len, size_t pos, int32_t *cp)
{
    const unsigned char *p = (const unsigned char *)s + pos;
    size_t avail = len - pos;
    unsigned c = p[0];
    if (c < 0x80) {
        *cp = (int32_t)c;
        return 1;
    }
    int n;
    int32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2; v = c & 0x1F; min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3; v = c & 0x0F; min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4; v = c & 0x07; min = 0x10000;
    } else {
        *cp = -1;
        return 1;
    }
    if (avail < (size_t)n) {
        *cp = -1;
        return 1;
    }
    for (int i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80) {
            *cp = -1;
            return 1;
        }
        v = (v << 6) | (p[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = -1;
        return 1;
    }
    *cp = v;
    return n;
}

size_t mtc_utf8_prev(const char *s, size_t pos, int32_t *cp)
{
    size_t start = pos - 1;
    int back = 0;
    while (start > 0 && back < 3 && (((unsigned char)s[start]) & 0xC0) == 0x80) {
        start--;
        back++;
    }
    int n = mtc_utf8_next(s, pos, start, cp);
    if (start + (size_t)n != pos) {
        *cp = -1;
        return pos - 1;
    }
    return start;
}

int mtc_utf8_encode(int32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

int mtc_utf8_validate(const char *s, size_t len, size_t *bad)
{
    size_t i = 0;
    while (i < len) {
        if (i + 8 <= len) { /* eight ASCII bytes at once */
            uint64_t v;
            memcpy(&v, s + i, 8);
            if (!(v & 0x8080808080808080ull)) {
                i += 8;
                continue;
            }
        }
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        int n = mtc_utf8_next(s, len, i, &cp);
        if (cp < 0) {
            if (bad)
                *bad = i;
            return 0;
        }
        i += (size_t)n;
    }
    return 1;
}

size_t mtc_utf8_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if ((((unsigned char)s[i]) & 0xC0) != 0x80)
            n++;
    return n;
}

static utf8proc_category_t cat(int32_t cp)
{
    if (cp < 0 || !utf8proc_codepoint_valid(cp))
        return UTF8PROC_CATEGORY_CN;
    return utf8proc_category(cp);
}

int mtc_ucp_is_letter(int32_t cp)
{
    if (cp < 0x80)
        return mtc_ascii_is_alpha(cp);
    utf8proc_category_t c = cat(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

int mtc_ucp_is_mark(int32_t cp)
{
    utf8proc_category_t c = cat(cp);
    return c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME;
}

int mtc_ucp_is_upper(int32_t cp)
{
    if (cp < 0x80)
        return mtc_ascii_is_upper(cp);
    utf8proc_category_t c = cat(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

int mtc_ucp_is_lower(int32_t cp)
{
    if (cp < 0x80)
        return mtc_ascii_is_lower(cp);
    return cat(cp) == UTF8PROC_CATEGORY_LL;
}

int mtc_ucp_is_digit(int32_t cp)
{
    if (cp < 0x80)
        return mtc_ascii_is_digit(cp);
    return cat(cp) == UTF8PROC_CATEGORY_ND;
}

int mtc_ucp_is_space(int32_t cp)
{
    if (cp < 0x80)
        return mtc_ascii_is_space(cp);
    if (cp == 0x85)
        return 1;
    utf8proc_category_t c = cat(cp);
    return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

int mtc_ucp_is_punct(int32_t cp)
{
    utf8proc_category_t c = cat(cp);
    return c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_PO;
}

int mtc_ucp_is_symbol(int32_t cp)
{
    utf8proc_category_t c = cat(cp);
    return c >= UTF8PROC_CATEGORY_SM && c <= UTF8PROC_CATEGORY_SO;
}

int32_t mtc_ucp_tolower(int32_t cp)
{
    if (cp < 0x80)
        return mtc_ascii_tolower(cp);
    return cp < 0 ? cp : utf8proc_tolower(cp);
}

int32_t mtc_ucp_toupper(int32_t cp)
{
    if (cp < 0x80)
        return mtc_ascii_toupper(cp);
    return cp < 0 ? cp : utf8proc_toupper(cp);
}

size_t mtc_utf8_lower(const char *s, size_t len, char *out, size_t out_size)
{
    /* ASCII fast path: the longest ASCII prefix that fits, without a bounds
     * check per byte; the loop below finishes (or reports no room) */
    size_t room = out_size ? out_size - 1 : 0;
    size_t lim = len < room ? len : room;
    size_t i = 0;
    while (i < lim) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80)
            break;
        out[i] = (char)(c | ((unsigned)(c - 'A') < 26u ? 0x20 : 0));
        i++;
    }
    size_t o = i;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) { /* ASCII fast path */
            if (o + 2 > out_size)
                return (size_t)-1;
            out[o++] = (char)mtc_ascii_tolower(c);
            i++;
            continue;
        }
        int32_t cp;
        int n = mtc_utf8_next(s, len, i, &cp);
        char enc[4];
        int m;
        if (cp < 0) {
            enc[0] = s[i];
            m = 1;
        } else {
            m = mtc_utf8_encode(mtc_cp_tolower(cp), enc);
        }
        if (o + (size_t)m + 1 > out_size)
            return (size_t)-1;
        for (int k = 0; k < m; k++)
            out[o++] = enc[k];
        i += (size_t)n;
    }
    if (out_size)
        out[o] = '\0';
    return o;
}
