/* decode.c — bytes of any encoding → one UTF-8 buffer (mtc_decode).
 * BOM sniffing, strict UTF-8 validation, conversion with glibc iconv, and
 * detection with uchardet behind a confidence test of our own. Owns the
 * decoded buffer until it is handed to the caller in mtc_decoded.text. */
#include "decode.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <uchardet.h>
#include <utf8proc.h>

#include "alloc.h"
#include "utf8.h"

/* ---- encoding names ---- */

/* An encoding as we use it: the name reported to the user (also given to
 * iconv) and the size of its code unit (1 for UTF-8 and 8-bit/multi-byte
 * encodings, where a NUL byte means binary; 2 or 4 for UTF-16/32 and UCS). */
typedef struct encoding {
    char name[64];
    int unit;
} encoding;

/* Aliases, keyed by the name lowercased with everything but letters and
 * digits removed ("UTF-8", "utf8", "Utf_8" → "utf8"). ISO-8859-N and
 * windows-125N are handled by pattern in canonical(). */
static const struct {
    const char *key;
    const char *name;
    int unit;
} aliases[] = {
    {"utf8", "UTF-8", 1},
    {"utf16", "UTF-16", 2},
    {"utf16le", "UTF-16LE", 2},
    {"utf16be", "UTF-16BE", 2},
    {"utf32", "UTF-32", 4},
    {"utf32le", "UTF-32LE", 4},
    {"utf32be", "UTF-32BE", 4},
    {"ucs2", "UCS-2", 2},
    {"ucs2le", "UCS-2LE", 2},
    {"ucs2be", "UCS-2BE", 2},
    {"ucs4", "UCS-4", 4},
    {"ucs4le", "UCS-4LE", 4},
    {"ucs4be", "UCS-4BE", 4},
    {"ascii", "ASCII", 1},
    {"usascii", "ASCII", 1},
    {"latin1", "ISO-8859-1", 1},
    {"l1", "ISO-8859-1", 1},
    {"cp819", "ISO-8859-1", 1},
    {"ibm819", "ISO-8859-1", 1},
    {"latin2", "ISO-8859-2", 1},
    {"latin3", "ISO-8859-3", 1},
    {"latin4", "ISO-8859-4", 1},
    {"latin5", "ISO-8859-9", 1},
    {"latin6", "ISO-8859-10", 1},
    {"latin7", "ISO-8859-13", 1},
    {"latin8", "ISO-8859-14", 1},
    {"latin9", "ISO-8859-15", 1},
    {"latin10", "ISO-8859-16", 1},
    {"gb18030", "GB18030", 1},
    {"gbk", "GBK", 1},
    {"cp936", "GBK", 1},
    {"gb2312", "GB2312", 1},
    {"euccn", "GB2312", 1},
    {"big5", "Big5", 1},
    {"big5hkscs", "Big5-HKSCS", 1},
    {"cp950", "CP950", 1},
    {"shiftjis", "Shift_JIS", 1},
    {"sjis", "Shift_JIS", 1},
    {"mskanji", "Shift_JIS", 1},
    {"cp932", "windows-31j", 1},
    {"windows31j", "windows-31j", 1},
    {"eucjp", "EUC-JP", 1},
    {"iso2022jp", "ISO-2022-JP", 1},
    {"euckr", "EUC-KR", 1},
    {"cp949", "CP949", 1},
    {"uhc", "CP949", 1},
    {"iso2022kr", "ISO-2022-KR", 1},
    {"euctw", "EUC-TW", 1},
    {"koi8r", "KOI8-R", 1},
    {"koi8u", "KOI8-U", 1},
    {"macintosh", "macintosh", 1},
    {"mac", "macintosh", 1},
    {"macroman", "macintosh", 1},
    {"maccyrillic", "x-mac-cyrillic", 1},
    {"xmaccyrillic", "x-mac-cyrillic", 1},
    {"ibm866", "IBM866", 1},
    {"cp866", "IBM866", 1},
    {"ibm855", "IBM855", 1},
    {"cp855", "IBM855", 1},
    {"tis620", "TIS-620", 1},
    {"cp874", "windows-874", 1},
    {"windows874", "windows-874", 1},
};

/* The name handed to iconv for a canonical name that glibc spells otherwise. */
static const char *iconv_name(const char *canonical)
{
    if (strcmp(canonical, "x-mac-cyrillic") == 0)
        return "MAC-CYRILLIC";
    if (strcmp(canonical, "windows-874") == 0)
        return "CP874";
    if (strcmp(canonical, "windows-31j") == 0)
        return "CP932";
    return canonical;
}

static void alias_key(const char *name, char *key, size_t size)
{
    size_t k = 0;
    for (const char *p = name; *p && k + 1 < size; p++) {
        int c = (unsigned char)*p;
        if (mtc_ascii_is_alnum(c))
            key[k++] = (char)mtc_ascii_tolower(c);
    }
    key[k] = '\0';
}

/* Digits only, value in [lo, hi]; -1 otherwise. */
static int small_number(const char *s, int lo, int hi)
{
    int v = 0;
    if (!*s || strlen(s) > 4)
        return -1;
    for (; *s; s++) {
        if (!mtc_ascii_is_digit((unsigned char)*s))
            return -1;
        v = v * 10 + (*s - '0');
    }
    return v >= lo && v <= hi ? v : -1;
}

/* Fills e with the canonical spelling of name. Names we do not know are kept
 * as given, uppercased (iconv decides whether they exist). */
static void canonical(const char *name, encoding *e)
{
    char key[64];
    int n;
    alias_key(name, key, sizeof key);
    e->unit = 1;
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
        if (strcmp(key, aliases[i].key) == 0) {
            snprintf(e->name, sizeof e->name, "%s", aliases[i].name);
            e->unit = aliases[i].unit;
            return;
        }
    }
    if (strncmp(key, "iso8859", 7) == 0 && (n = small_number(key + 7, 1, 16)) > 0) {
        snprintf(e->name, sizeof e->name, "ISO-8859-%d", n);
        return;
    }
    if (strncmp(key, "iso8859", 7) == 0 && strcmp(key + 7, "11987") == 0) {
        snprintf(e->name, sizeof e->name, "ISO-8859-1");
        return;
    }
    const char *num = NULL;
    if (strncmp(key, "windows", 7) == 0)
        num = key + 7;
    else if (strncmp(key, "win", 3) == 0)
        num = key + 3;
    else if (strncmp(key, "cp", 2) == 0)
        num = key + 2;
    else if (strncmp(key, "xcp", 3) == 0)
        num = key + 3;
    if (num && (n = small_number(num, 1250, 1258)) > 0) {
        snprintf(e->name, sizeof e->name, "windows-%d", n);
        return;
    }
    size_t k = 0;
    for (const char *p = name; *p && k + 1 < sizeof e->name; p++)
        e->name[k++] = (char)mtc_ascii_toupper((unsigned char)*p);
    e->name[k] = '\0';
}

/* ---- conversion ---- */

typedef struct conv_result {
    char *text; /* malloc'ed, NUL-terminated */
    size_t len;
    size_t bad;    /* on failure: offset of the bad sequence in the input */
    int truncated; /* on failure: 1 if the input ended inside a sequence */
} conv_result;

/* Converts in[0..n) with cd into a growing UTF-8 buffer. Returns 0, or -1
 * with r->bad (and r->truncated) set and r->text NULL. */
static int convert(iconv_t cd, const char *in, size_t n, conv_result *r)
{
    size_t cap = n + n / 2 + 64;
    char *buf = mtc_xmalloc(cap);
    size_t used = 0;
    char *ip = (char *)in;
    size_t il = n;
    int flushing = 0;

    memset(r, 0, sizeof *r);
    for (;;) {
        char *op = buf + used;
        size_t ol = cap - used - 1; /* room for the terminating NUL */
        size_t rc = flushing ? iconv(cd, NULL, NULL, &op, &ol) : iconv(cd, &ip, &il, &op, &ol);
        int e = errno;
        used = (size_t)(op - buf);
        if (rc != (size_t)-1) {
            if (flushing)
                break;
            flushing = 1; /* all input consumed: emit any pending shift state */
            continue;
        }
        if (e == E2BIG) {
            cap *= 2;
            buf = mtc_xrealloc(buf, cap);
            continue;
        }
        free(buf);
        r->bad = (size_t)(ip - in);
        r->truncated = (e == EINVAL);
        return -1;
    }
    buf[used] = '\0';
    r->text = buf;
    r->len = used;
    return 0;
}

/* Offset of the first code unit of `unit` bytes that is all zero, or
 * (size_t)-1. A NUL byte in 8-bit text, a NUL unit in UTF-16/32. */
static size_t find_nul(const char *s, size_t len, int unit)
{
    if (unit <= 1) {
        const char *p = memchr(s, 0, len);
        return p ? (size_t)(p - s) : (size_t)-1;
    }
    for (size_t i = 0; i + (size_t)unit <= len; i += (size_t)unit) {
        int zero = 1;
        for (int k = 0; k < unit; k++)
            zero &= s[i + (size_t)k] == 0;
        if (zero)
            return i;
    }
    return (size_t)-1;
}

/* Guesses the byte order of BOM-less UTF-16 (unit 2) or UTF-32 (unit 4)
 * from where the zero bytes of ASCII characters sit. Returns 1 for
 * little-endian, 0 for big-endian (the default of RFC 2781 and iconv). */
static int guess_little_endian(const char *s, size_t len, int unit)
{
    size_t lo = 0, hi = 0;
    for (size_t i = 0; i + (size_t)unit <= len; i += (size_t)unit) {
        if (s[i] != 0 && s[i + (size_t)unit - 1] == 0)
            lo++;
        else if (s[i] == 0 && s[i + (size_t)unit - 1] != 0)
            hi++;
    }
    return lo > hi;
}

static mtc_status binary_error(const char *path, size_t off, mtc_error *err)
{
    mtc_error_set(err, MTC_ERR_BINARY, path, (long long)off, -1,
                  "binary file (NUL byte at offset %zu)", off);
    return MTC_ERR_BINARY;
}

/* 1 if s looks like BOM-less UTF-16 text: most code units of its first
 * bytes have exactly one zero byte, always on the same side. */
static int looks_like_utf16(const char *s, size_t len, int *little)
{
    size_t units = len / 2 > 512 ? 512 : len / 2, lo = 0, hi = 0;
    for (size_t i = 0; i < units; i++) {
        char a = s[2 * i], b = s[2 * i + 1];
        lo += (a != 0 && b == 0);
        hi += (a == 0 && b != 0);
    }
    *little = lo > hi;
    return units >= 4 && (lo > hi ? lo : hi) * 10 >= units * 7 && (lo == 0 || hi == 0);
}

/* The binary error for input given without an encoding: says how to read
 * it when it looks like BOM-less UTF-16. */
static mtc_status auto_binary_error(const char *path, const char *s, size_t len, size_t off,
                                    mtc_error *err)
{
    int little;
    if (!looks_like_utf16(s, len, &little))
        return binary_error(path, off, err);
    mtc_error_set(err, MTC_ERR_BINARY, path, (long long)off, -1,
                  "binary file (NUL byte at offset %zu); if it is UTF-16 text without a "
                  "byte-order mark, pass --encoding %s",
                  off, little ? "UTF-16LE" : "UTF-16BE");
    return MTC_ERR_BINARY;
}

/* Length of the UTF-8 sequence a lead byte announces (0: not a lead byte). */
static size_t utf8_seq_len(unsigned char c)
{
    if (c >= 0xC2 && c <= 0xDF)
        return 2;
    if (c >= 0xE0 && c <= 0xEF)
        return 3;
    if (c >= 0xF0 && c <= 0xF4)
        return 4;
    return 0;
}

/* 1 if the invalid sequence at s[bad] is a valid prefix cut by the end. */
static int utf8_truncated_at(const char *s, size_t len, size_t bad)
{
    size_t need = utf8_seq_len((unsigned char)s[bad]);
    if (need == 0 || bad + need <= len)
        return 0;
    for (size_t i = bad + 1; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            return 0;
    return 1;
}

/* Strict UTF-8: s[0..len) sits at byte `base` of the input. */
static mtc_status take_utf8(const char *path, const char *s, size_t len, size_t base,
                            mtc_decoded *out, mtc_error *err)
{
    size_t off = find_nul(s, len, 1);
    size_t bad;
    if (off != (size_t)-1)
        return binary_error(path, base + off, err);
    if (!mtc_utf8_validate(s, len, &bad)) {
        mtc_error_set(err, MTC_ERR_DECODE, path, (long long)(base + bad), -1,
                      utf8_truncated_at(s, len, bad) ? "truncated UTF-8 sequence at byte %zu"
                                                     : "invalid UTF-8 at byte %zu",
                      base + bad);
        return MTC_ERR_DECODE;
    }
    out->text = mtc_xmalloc(len + 1);
    if (len)
        memcpy(out->text, s, len);
    out->text[len] = '\0';
    out->len = len;
    snprintf(out->encoding, sizeof out->encoding, "UTF-8");
    return MTC_OK;
}

/* Drops a leading U+FEFF from a converted text (a BOM in its encoding). */
static void drop_leading_bom(char *text, size_t *len)
{
    if (*len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        memmove(text, text + 3, *len - 3 + 1);
        *len -= 3;
    }
}

/* Converts s[0..len) (at byte `base` of the input) from encoding e. A
 * leading U+FEFF in the result (a BOM in that encoding) is dropped. */
static mtc_status take_iconv(const char *path, const char *s, size_t len, size_t base,
                             const encoding *e, mtc_decoded *out, mtc_error *err)
{
    size_t off = find_nul(s, len, e->unit);
    if (off != (size_t)-1)
        return binary_error(path, base + off, err);
    iconv_t cd = iconv_open("UTF-8", iconv_name(e->name));
    if (cd == (iconv_t)-1) {
        mtc_error_set(err, MTC_ERR_USAGE, path, -1, -1,
                      "unknown encoding '%s' (try UTF-8, UTF-16LE, windows-1252, GB18030...)",
                      e->name);
        return MTC_ERR_USAGE;
    }
    conv_result r;
    int rc = convert(cd, s, len, &r);
    iconv_close(cd);
    if (rc != 0) {
        mtc_error_set(err, MTC_ERR_DECODE, path, (long long)(base + r.bad), -1,
                      r.truncated ? "truncated %s sequence at byte %zu"
                                  : "invalid %s sequence at byte %zu",
                      e->name, base + r.bad);
        return MTC_ERR_DECODE;
    }
    drop_leading_bom(r.text, &r.len);
    out->text = r.text;
    out->len = r.len;
    snprintf(out->encoding, sizeof out->encoding, "%s", e->name);
    return MTC_OK;
}

/* Resolves UTF-16 / UTF-32 / UCS-2 / UCS-4 without a byte order: a BOM
 * decides (and is skipped), else the position of zero bytes. */
static size_t resolve_byte_order(const char *s, size_t len, encoding *e)
{
    static const struct {
        const char *generic, *le, *be;
    } orders[] = {
        {"UTF-16", "UTF-16LE", "UTF-16BE"},
        {"UTF-32", "UTF-32LE", "UTF-32BE"},
        {"UCS-2", "UCS-2LE", "UCS-2BE"},
        {"UCS-4", "UCS-4LE", "UCS-4BE"},
    };
    for (size_t i = 0; i < sizeof orders / sizeof orders[0]; i++) {
        if (strcmp(e->name, orders[i].generic) != 0)
            continue;
        const unsigned char *u = (const unsigned char *)s;
        size_t bom = 0;
        int le;
        if (e->unit == 2 && len >= 2 && u[0] == 0xFF && u[1] == 0xFE)
            le = 1, bom = 2;
        else if (e->unit == 2 && len >= 2 && u[0] == 0xFE && u[1] == 0xFF)
            le = 0, bom = 2;
        else if (e->unit == 4 && len >= 4 && memcmp(s, "\xFF\xFE\0\0", 4) == 0)
            le = 1, bom = 4;
        else if (e->unit == 4 && len >= 4 && memcmp(s, "\0\0\xFE\xFF", 4) == 0)
            le = 0, bom = 4;
        else
            le = guess_little_endian(s, len, e->unit);
        snprintf(e->name, sizeof e->name, "%s", le ? orders[i].le : orders[i].be);
        return bom;
    }
    return 0;
}

/* ---- detection ---- */

/* Common non-ASCII symbols of news text; other symbols count as noise. */
static int common_symbol(int32_t cp)
{
    switch (cp) {
    case 0x00A2:
    case 0x00A3:
    case 0x00A5:
    case 0x00A7:
    case 0x00A9:
    case 0x00AE:
    case 0x00B0:
    case 0x00B1:
    case 0x00B6:
    case 0x00D7:
    case 0x00F7:
    case 0x20AC:
    case 0x2122:
    case 0x2022:
    case 0x2032:
    case 0x2033:
        return 1;
    default:
        return 0;
    }
}

/* What a candidate decoding looks like (see plausible_text). */
typedef struct text_stats {
    size_t letters, ascii_letters;
} text_stats;

/* Our confidence test for a guessed decoding: plausible text has no control
 * characters but tab/CR/LF/FF, no private-use, unassigned or replacement
 * characters, few unusual symbols among its non-ASCII characters, no
 * words mixing case at a non-ASCII letter ("wÖrd") and no accented Latin
 * letter three times in a row: what bytes decoded in the wrong 8-bit
 * charset look like. Fills st. */
static int plausible_text(const char *s, size_t len, text_stats *st)
{
    size_t nonascii = 0, odd_symbols = 0, words = 0, mixed = 0;
    int32_t prev = ' ';
    int word_nonascii = 0, word_mixed = 0, repeats = 0;
    memset(st, 0, sizeof *st);
    for (size_t i = 0; i <= len;) {
        int32_t cp = ' ';
        int n = 1;
        if (i < len) {
            n = mtc_utf8_next(s, len, i, &cp);
            if (cp < 0)
                return 0;
        }
        i += (size_t)n;
        if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r' && cp != '\f')
            return 0;
        if (cp >= 0x7F && cp <= 0x9F)
            return 0;
        if (cp >= 0x80) {
            utf8proc_category_t c = utf8proc_category(cp);
            if (cp == 0xFFFD || c == UTF8PROC_CATEGORY_CO || c == UTF8PROC_CATEGORY_CN ||
                c == UTF8PROC_CATEGORY_CS)
                return 0;
            nonascii++;
            if (mtc_cp_is_symbol(cp) && !common_symbol(cp))
                odd_symbols++;
        }
        if (cp >= 0xC0 && cp <= 0x2FF && cp == prev) {
            if (++repeats >= 2 && mtc_cp_is_letter(cp))
                return 0; /* "ÿÿÿ": no Latin-script word repeats an accented letter */
        } else {
            repeats = 0;
        }
        if (mtc_cp_is_letter(cp)) {
            st->letters++;
            if (cp < 0x80)
                st->ascii_letters++;
            else
                word_nonascii = 1;
            if (mtc_cp_is_upper(cp) && mtc_cp_is_lower(prev) && (cp >= 0x80 || prev >= 0x80))
                word_mixed = 1;
        } else if (mtc_cp_is_letter(prev)) {
            if (word_nonascii) {
                words++;
                mixed += (size_t)word_mixed;
            }
            word_nonascii = word_mixed = 0;
        }
        prev = cp;
    }
    if (odd_symbols >= 3 && odd_symbols * 5 > nonascii)
        return 0;
    if (mixed >= 2 && mixed * 5 > words)
        return 0;
    return 1;
}

/* A superset to try when the guessed charset fails on the input (the WHATWG
 * encoding standard decodes these labels with the superset), or NULL. */
static const char *superset_of(const char *name)
{
    if (strcmp(name, "ISO-8859-1") == 0 || strcmp(name, "ASCII") == 0)
        return "windows-1252";
    if (strcmp(name, "ISO-8859-9") == 0)
        return "windows-1254";
    if (strcmp(name, "ISO-8859-11") == 0 || strcmp(name, "TIS-620") == 0)
        return "windows-874";
    if (strcmp(name, "GB2312") == 0 || strcmp(name, "GBK") == 0)
        return "GB18030";
    if (strcmp(name, "EUC-KR") == 0)
        return "CP949";
    if (strcmp(name, "Shift_JIS") == 0)
        return "windows-31j";
    return NULL;
}

/* A decoding that passed the confidence test. */
typedef struct candidate {
    char *text;
    size_t len;
    encoding enc;
    text_stats stats;
} candidate;

/* Decodes s[0..len) as the charset `name` into c; succeeds only when the
 * whole input converts and the result passes plausible_text(). */
static int try_charset(const char *name, const char *s, size_t len, candidate *c)
{
    canonical(name, &c->enc);
    c->text = NULL;
    if (c->enc.unit != 1 || strcmp(c->enc.name, "UTF-8") == 0 || strcmp(c->enc.name, "ASCII") == 0)
        return 0;
    iconv_t cd = iconv_open("UTF-8", iconv_name(c->enc.name));
    if (cd == (iconv_t)-1)
        return 0;
    conv_result r;
    int rc = convert(cd, s, len, &r);
    iconv_close(cd);
    if (rc != 0)
        return 0;
    if (!mtc_utf8_validate(r.text, r.len, NULL) || !plausible_text(r.text, r.len, &c->stats)) {
        free(r.text);
        return 0;
    }
    drop_leading_bom(r.text, &r.len);
    c->text = r.text;
    c->len = r.len;
    return 1;
}

/* 1 for the multi-byte CJK charsets uchardet reports: their byte structure
 * is strong evidence, unlike a guess between 8-bit charsets. */
static int multibyte_charset(const char *name)
{
    static const char *const names[] = {"GB18030",     "GBK",         "GB2312",      "Big5",
                                        "Big5-HKSCS",  "CP950",       "Shift_JIS",   "windows-31j",
                                        "EUC-JP",      "EUC-KR",      "CP949",       "EUC-TW",
                                        "ISO-2022-JP", "ISO-2022-KR", "ISO-2022-CN", "HZ-GB-2312"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i]) == 0)
            return 1;
    return 0;
}

/* Counts well-formed multi-byte UTF-8 sequences and invalid ones. */
static void utf8_evidence(const char *s, size_t len, size_t *valid_multi, size_t *invalid)
{
    *valid_multi = *invalid = 0;
    for (size_t i = 0; i < len;) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        i += (size_t)mtc_utf8_next(s, len, i, &cp);
        if (cp < 0)
            (*invalid)++;
        else
            (*valid_multi)++;
    }
}

/* Input with no BOM that is not valid UTF-8 (first invalid byte at bad).
 * uchardet guesses; the guess (or its superset) is taken when it converts
 * the whole input to plausible text. For a guess between 8-bit charsets on
 * text whose letters are nearly all ASCII (too little evidence for
 * uchardet), windows-1252 is preferred when it is plausible too: it is what
 * browsers fall back to for English. Input that is mostly valid UTF-8, or
 * valid UTF-8 cut inside its last character, is damaged UTF-8: no guess. */
static mtc_status detect(const char *path, const char *s, size_t len, size_t bad, mtc_decoded *out,
                         mtc_error *err)
{
    size_t valid_multi, invalid;
    utf8_evidence(s, len, &valid_multi, &invalid);
    /* A lead byte and continuation bytes cut by the end: damaged UTF-8. A
     * lone final lead byte may be an 8-bit letter ("caf\xE9"). */
    int truncated = utf8_truncated_at(s, len, bad) && bad + 1 < len;
    int damaged_utf8 = truncated || (valid_multi > 0 && invalid <= valid_multi);
    char guess[64] = "";
    if (!damaged_utf8) {
        uchardet_t ud = uchardet_new();
        if (ud) {
            if (uchardet_handle_data(ud, s, len) == 0) {
                uchardet_data_end(ud);
                snprintf(guess, sizeof guess, "%s", uchardet_get_charset(ud));
            }
            uchardet_delete(ud);
        }
    }
    if (guess[0]) {
        candidate c, fallback;
        encoding e;
        canonical(guess, &e);
        const char *sup = superset_of(e.name);
        int ok = try_charset(e.name, s, len, &c) || (sup && try_charset(sup, s, len, &c));
        if (!multibyte_charset(e.name) && !(ok && strcmp(c.enc.name, "windows-1252") == 0) &&
            try_charset("windows-1252", s, len, &fallback)) {
            int same = ok && c.len == fallback.len && memcmp(c.text, fallback.text, c.len) == 0;
            if (!ok || same || fallback.stats.ascii_letters * 100 >= fallback.stats.letters * 97) {
                if (ok)
                    free(c.text);
                c = fallback;
                ok = 1;
            } else {
                free(fallback.text);
            }
        }
        if (ok) {
            out->text = c.text;
            out->len = c.len;
            snprintf(out->encoding, sizeof out->encoding, "%s", c.enc.name);
            out->detected = 1;
            return MTC_OK;
        }
    }
    if (truncated) {
        mtc_error_set(err, MTC_ERR_DECODE, path, (long long)bad, -1,
                      "truncated UTF-8 sequence at byte %zu (the input ends inside a "
                      "character); if the file is not UTF-8, pass --encoding NAME",
                      bad);
        return MTC_ERR_DECODE;
    }
    mtc_error_set(err, MTC_ERR_DECODE, path, (long long)bad, -1,
                  "invalid UTF-8 at byte %zu; the encoding could not be detected: "
                  "pass --encoding NAME",
                  bad);
    return MTC_ERR_DECODE;
}

/* ---- entry point ---- */

static mtc_status decode_auto(const char *path, const char *s, size_t len, mtc_decoded *out,
                              mtc_error *err)
{
    static const struct {
        const char *bom;
        size_t n;
        const char *name;
        int unit;
    } boms[] = {
        /* clang-format off */
        {"\xFF\xFE\0\0", 4, "UTF-32LE", 4}, /* before UTF-16LE: it starts with FF FE */
        {"\0\0\xFE\xFF", 4, "UTF-32BE", 4},
        {"\xEF\xBB\xBF", 3, "UTF-8", 1},
        {"\xFF\xFE", 2, "UTF-16LE", 2},
        {"\xFE\xFF", 2, "UTF-16BE", 2},
        /* clang-format on */
    };
    for (size_t i = 0; i < sizeof boms / sizeof boms[0]; i++) {
        if (len < boms[i].n || memcmp(s, boms[i].bom, boms[i].n) != 0)
            continue;
        if (boms[i].unit == 1) {
            out->bom_bytes = boms[i].n;
            return take_utf8(path, s + boms[i].n, len - boms[i].n, boms[i].n, out, err);
        }
        encoding e;
        snprintf(e.name, sizeof e.name, "%s", boms[i].name);
        e.unit = boms[i].unit;
        return take_iconv(path, s + boms[i].n, len - boms[i].n, boms[i].n, &e, out, err);
    }
    size_t off = find_nul(s, len, 1);
    if (off != (size_t)-1)
        return auto_binary_error(path, s, len, off, err);
    size_t bad;
    if (mtc_utf8_validate(s, len, &bad))
        return take_utf8(path, s, len, 0, out, err);
    return detect(path, s, len, bad, out, err);
}

static mtc_status decode_named(const char *path, const char *s, size_t len,
                               const char *encoding_name, mtc_decoded *out, mtc_error *err)
{
    encoding e;
    if (!encoding_name[0] || strlen(encoding_name) >= sizeof e.name || strchr(encoding_name, '/')) {
        mtc_error_set(err, MTC_ERR_USAGE, path, -1, -1, "invalid encoding name '%s'",
                      encoding_name);
        return MTC_ERR_USAGE;
    }
    canonical(encoding_name, &e);
    iconv_t cd = iconv_open("UTF-8", iconv_name(e.name));
    if (cd == (iconv_t)-1) {
        mtc_error_set(err, MTC_ERR_USAGE, path, -1, -1,
                      "unknown encoding '%s' (known names include UTF-8, UTF-16LE, "
                      "windows-1252, ISO-8859-1, GB18030, Shift_JIS; see iconv --list)",
                      encoding_name);
        return MTC_ERR_USAGE;
    }
    iconv_close(cd);
    if (strcmp(e.name, "UTF-8") == 0) {
        if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
            out->bom_bytes = 3;
            return take_utf8(path, s + 3, len - 3, 3, out, err);
        }
        return take_utf8(path, s, len, 0, out, err);
    }
    size_t bom = resolve_byte_order(s, len, &e);
    return take_iconv(path, s + bom, len - bom, bom, &e, out, err);
}

mtc_status mtc_decode(const char *path, const char *bytes, size_t len, const char *encoding,
                      mtc_decoded *out, mtc_error *err)
{
    memset(out, 0, sizeof *out);
    if (!bytes && len) {
        mtc_error_set(err, MTC_ERR_USAGE, path, -1, -1, "mtc_decode: no input bytes");
        return MTC_ERR_USAGE;
    }
    if (!bytes)
        bytes = "";
    mtc_status st = encoding ? decode_named(path, bytes, len, encoding, out, err)
                             : decode_auto(path, bytes, len, out, err);
    if (st != MTC_OK) {
        free(out->text);
        memset(out, 0, sizeof *out);
        return st;
    }
    /* The contract: valid UTF-8 without U+0000, whatever iconv produced. */
    size_t bad;
    const char *nul = memchr(out->text, 0, out->len);
    if (nul || !mtc_utf8_validate(out->text, out->len, &bad)) {
        free(out->text);
        memset(out, 0, sizeof *out);
        if (nul) {
            mtc_error_set(err, MTC_ERR_BINARY, path, -1, -1,
                          "binary file (U+0000 in the decoded text)");
            return MTC_ERR_BINARY;
        }
        mtc_error_set(err, MTC_ERR_DECODE, path, -1, -1,
                      "the decoder produced invalid UTF-8 at byte %zu of its output", bad);
        return MTC_ERR_DECODE;
    }
    return MTC_OK;
}
