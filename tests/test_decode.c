/* test_decode.c — mtc_decode: BOMs, strict UTF-8, named encodings through
 * iconv, uchardet detection and its refusals, binary input, error offsets.
 * Encoded variants of the paragraphs are made with iconv at run time. */
#include <criterion/criterion.h>
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "utf8.h"

/* News paragraphs (UTF-8). */
/* clang-format off */
static const char EN[] =
    "\xE2\x80\x9CWe will not back down,\xE2\x80\x9D the mayor of Montr\xC3\xA9" "al told "
    "reporters on Tuesday, adding that the city\xE2\x80\x99s budget \xE2\x80\x94 about "
    "\xE2\x82\xAC" "2.4 billion \xE2\x80\x94 would be reviewed by J\xC3\xBCrgen "
    "M\xC3\xBCller\xE2\x80\x99s committee. Critics called the plan na\xC3\xAFve and said "
    "the caf\xC3\xA9 owners on the Rue Saint-Denis had not been consulted.\n"
    "The council meets again next week.\n";

/* Only ISO-8859-1 characters (no curly quotes, dashes or euro sign). */
static const char LATIN1[] =
    "The caf\xC3\xA9 in Z\xC3\xBCrich, run by Se\xC3\xB1or Pe\xC3\xB1" "a, raised the price of "
    "cr\xC3\xA8me br\xC3\xBBl\xC3\xA9" "e by 5\xC2\xBD%, to \xC2\xA3" "3.40, on Monday; "
    "the owner said \xC2\xAB" "costs are rising\xC2\xBB and blamed the weather.\n";

/* Simplified Chinese news text. */
static const char ZH[] =
    "\xE6\x96\xB0\xE5\x8D\x8E\xE7\xA4\xBE\xE5\x8C\x97\xE4\xBA\xAC\x31\x31\xE6\x9C\x88\x32"
    "\x39\xE6\x97\xA5\xE7\x94\xB5\x20\xE5\x9B\xBD\xE5\x8A\xA1\xE9\x99\xA2\xE6\x80\xBB\xE7"
    "\x90\x86\xE5\x91\xA8\xE4\xB8\x80\xE5\x9C\xA8\xE5\x8C\x97\xE4\xBA\xAC\xE4\xBC\x9A\xE8"
    "\xA7\x81\xE4\xBA\x86\xE6\x9D\xA5\xE8\xAE\xBF\xE7\x9A\x84\xE5\xBE\xB7\xE5\x9B\xBD\xE6"
    "\x80\xBB\xE7\x90\x86\xE3\x80\x82\xE5\x8F\x8C\xE6\x96\xB9\xE5\xB0\xB1\xE2\x80\x9C\xE4"
    "\xB8\x80\xE5\xB8\xA6\xE4\xB8\x80\xE8\xB7\xAF\xE2\x80\x9D\xE5\x90\x88\xE4\xBD\x9C\xE3"
    "\x80\x81\xE6\xB0\x94\xE5\x80\x99\xE5\x8F\x98\xE5\x8C\x96\xE7\xAD\x89\xE9\x97\xAE\xE9"
    "\xA2\x98\xE4\xBA\xA4\xE6\x8D\xA2\xE4\xBA\x86\xE6\x84\x8F\xE8\xA7\x81\xE3\x80\x82\xE5"
    "\xA4\x96\xE4\xBA\xA4\xE9\x83\xA8\xE5\x8F\x91\xE8\xA8\x80\xE4\xBA\xBA\xE5\x9C\xA8\xE4"
    "\xBE\x8B\xE8\xA1\x8C\xE8\xAE\xB0\xE8\x80\x85\xE4\xBC\x9A\xE4\xB8\x8A\xE8\xA1\xA8\xE7"
    "\xA4\xBA\xEF\xBC\x8C\xE4\xB8\xAD\xE6\x96\xB9\xE6\x84\xBF\xE5\x90\x8C\xE5\x90\x84\xE6"
    "\x96\xB9\xE5\x8A\xA0\xE5\xBC\xBA\xE6\xB2\x9F\xE9\x80\x9A\xE3\x80\x82\n";

/* Japanese news text (Shift_JIS-representable: no backslash or tilde). */
static const char JA[] =
    "\xE6\x9D\xB1\xE4\xBA\xAC\xEF\xBC\x88\xE5\x85\xB1\xE5\x90\x8C\xEF\xBC\x89\xE6\x94\xBF"
    "\xE5\xBA\x9C\xE3\x81\xAF\xEF\xBC\x92\xEF\xBC\x99\xE6\x97\xA5\xE3\x80\x81\xE6\x96\xB0"
    "\xE3\x81\x9F\xE3\x81\xAA\xE7\xB5\x8C\xE6\xB8\x88\xE5\xAF\xBE\xE7\xAD\x96\xE3\x82\x92"
    "\xE9\x96\xA3\xE8\xAD\xB0\xE6\xB1\xBA\xE5\xAE\x9A\xE3\x81\x97\xE3\x81\x9F\xE3\x80\x82"
    "\xE9\xA6\x96\xE7\x9B\xB8\xE3\x81\xAF\xE3\x80\x8C\xE5\x9B\xBD\xE6\xB0\x91\xE3\x81\xAE"
    "\xE7\x94\x9F\xE6\xB4\xBB\xE3\x82\x92\xE5\xAE\x88\xE3\x82\x8B\xE3\x80\x8D\xE3\x81\xA8"
    "\xE8\xBF\xB0\xE3\x81\xB9\xE3\x81\x9F\xE3\x80\x82\n";

/* English with Chinese and a character outside the BMP (a surrogate pair in
 * UTF-16): for the Unicode encodings. */
static const char MIXED[] =
    "Beijing (\xE5\x8C\x97\xE4\xBA\xAC) said on Monday the \xE2\x80\x9Cnew era\xE2\x80\x9D "
    "slogan \xF0\xA0\xAE\xB7 would stay \xE2\x80\x94 na\xC3\xAFve or not.\n";

/* clang-format on */

/* Encodes the UTF-8 string s into `to` with iconv; malloc'ed, *len set. */
static char *encode(const char *to, const char *s, size_t *len)
{
    iconv_t cd = iconv_open(to, "UTF-8");
    cr_assert_neq(cd, (iconv_t)-1, "iconv cannot encode to %s", to);
    size_t n = strlen(s), cap = 4 * n + 16;
    char *out = malloc(cap);
    char *ip = (char *)s, *op = out;
    size_t il = n, ol = cap;
    size_t rc = iconv(cd, &ip, &il, &op, &ol);
    cr_assert_neq(rc, (size_t)-1, "iconv cannot encode the text to %s (errno %d)", to, errno);
    rc = iconv(cd, NULL, NULL, &op, &ol);
    cr_assert_neq(rc, (size_t)-1);
    iconv_close(cd);
    *len = (size_t)(op - out);
    return out;
}

/* Concatenation of a and b (malloc'ed). */
static char *concat(const char *a, size_t na, const char *b, size_t nb, size_t *len)
{
    char *p = malloc(na + nb + 1);
    memcpy(p, a, na);
    memcpy(p + na, b, nb);
    *len = na + nb;
    return p;
}

/* Decodes and asserts success, the contract of the output, and the text. */
static void expect_text(const char *bytes, size_t len, const char *enc, const char *want,
                        const char *want_enc, int want_detected)
{
    mtc_decoded d;
    mtc_error err;
    memset(&err, 0, sizeof err);
    mtc_status st = mtc_decode("in.txt", bytes, len, enc, &d, &err);
    cr_assert_eq(st, MTC_OK, "decoding as %s failed: %s", enc ? enc : "(auto)", err.message);
    cr_assert_not_null(d.text);
    cr_assert_eq(d.text[d.len], '\0', "not NUL-terminated");
    cr_assert(mtc_utf8_validate(d.text, d.len, NULL), "output is not valid UTF-8");
    cr_assert_eq(d.len, strlen(want), "%s: length %zu, expected %zu", want_enc, d.len,
                 strlen(want));
    cr_assert_eq(memcmp(d.text, want, d.len), 0, "%s: text differs: %s", want_enc, d.text);
    cr_assert_str_eq(d.encoding, want_enc);
    cr_assert_eq(d.detected, want_detected, "%s: detected = %d", want_enc, d.detected);
    free(d.text);
}

/* Decodes and asserts failure with that status and offset (-2: any). */
static mtc_error expect_error(const char *bytes, size_t len, const char *enc, mtc_status want,
                              long long want_offset)
{
    mtc_decoded d;
    mtc_error err;
    memset(&err, 0, sizeof err);
    memset(&d, 0x5A, sizeof d);
    mtc_status st = mtc_decode("in.txt", bytes, len, enc, &d, &err);
    cr_assert_eq(st, want, "status %d, expected %d (%s)", st, want, err.message);
    cr_assert_eq(err.status, want);
    cr_assert_null(d.text, "text must be NULL on error");
    cr_assert_str_eq(err.path, "in.txt");
    if (want_offset != -2)
        cr_assert_eq(err.byte_offset, want_offset, "offset %lld, expected %lld (%s)",
                     err.byte_offset, want_offset, err.message);
    cr_assert_gt(strlen(err.message), 0);
    return err;
}

/* ---- UTF-8 and BOMs ---- */

Test(decode, utf8_plain_is_taken_as_is)
{
    expect_text(EN, strlen(EN), NULL, EN, "UTF-8", 0);
    expect_text(ZH, strlen(ZH), NULL, ZH, "UTF-8", 0);
    mtc_decoded d;
    mtc_error err;
    cr_assert_eq(mtc_decode("x", EN, strlen(EN), NULL, &d, &err), MTC_OK);
    cr_assert_eq(d.bom_bytes, 0);
    free(d.text);
}

Test(decode, utf8_bom_is_stripped)
{
    size_t len;
    char *in = concat("\xEF\xBB\xBF", 3, EN, strlen(EN), &len);
    mtc_decoded d;
    mtc_error err;
    cr_assert_eq(mtc_decode("x", in, len, NULL, &d, &err), MTC_OK);
    cr_assert_eq(d.bom_bytes, 3);
    cr_assert_str_eq(d.text, EN);
    cr_assert_str_eq(d.encoding, "UTF-8");
    free(d.text);
    /* the same with the encoding given */
    cr_assert_eq(mtc_decode("x", in, len, "utf-8", &d, &err), MTC_OK);
    cr_assert_eq(d.bom_bytes, 3);
    cr_assert_str_eq(d.text, EN);
    free(d.text);
    free(in);
}

Test(decode, empty_and_bom_only_inputs_are_empty_text)
{
    static const struct {
        const char *bytes;
        size_t len;
        const char *enc;
    } cases[] = {
        {"", 0, "UTF-8"},
        {"\xEF\xBB\xBF", 3, "UTF-8"},
        {"\xFF\xFE", 2, "UTF-16LE"},
        {"\xFE\xFF", 2, "UTF-16BE"},
        {"\xFF\xFE\0\0", 4, "UTF-32LE"},
        {"\0\0\xFE\xFF", 4, "UTF-32BE"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        expect_text(cases[i].bytes, cases[i].len, NULL, "", cases[i].enc, 0);
    /* no bytes at all, and empty input with an encoding given */
    expect_text(NULL, 0, NULL, "", "UTF-8", 0);
    expect_text("", 0, "windows-1252", "", "windows-1252", 0);
    expect_text("", 0, "UTF-16LE", "", "UTF-16LE", 0);
}

Test(decode, unicode_boms_decide_the_encoding)
{
    static const struct {
        const char *iconv_name, *bom;
        size_t bom_len;
    } cases[] = {
        {"UTF-16LE", "\xFF\xFE", 2},
        {"UTF-16BE", "\xFE\xFF", 2},
        {"UTF-32LE", "\xFF\xFE\0\0", 4},
        {"UTF-32BE", "\0\0\xFE\xFF", 4},
    };
    const char *texts[] = {EN, ZH, MIXED};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        for (size_t t = 0; t < 3; t++) {
            size_t n, len;
            char *body = encode(cases[i].iconv_name, texts[t], &n);
            char *in = concat(cases[i].bom, cases[i].bom_len, body, n, &len);
            expect_text(in, len, NULL, texts[t], cases[i].iconv_name, 0);
            free(in);
            free(body);
        }
    }
}

Test(decode, utf32le_bom_wins_over_utf16le_bom)
{
    /* FF FE 00 00 is the UTF-32LE BOM, not a UTF-16LE BOM followed by U+0000. */
    size_t n, len;
    char *body = encode("UTF-32LE", "ok", &n);
    char *in = concat("\xFF\xFE\0\0", 4, body, n, &len);
    expect_text(in, len, NULL, "ok", "UTF-32LE", 0);
    free(in);
    free(body);
}

Test(decode, cr_and_crlf_are_kept)
{
    const char *text = "First line.\r\nSecond line.\rThird line.\n";
    expect_text(text, strlen(text), NULL, text, "UTF-8", 0);
    size_t n;
    char *le = encode("UTF-16LE", text, &n);
    expect_text(le, n, "UTF-16LE", text, "UTF-16LE", 0);
    free(le);
}

/* ---- named encodings ---- */

Test(decode, named_encodings_round_trip)
{
    static const struct {
        const char *iconv_name; /* to encode the text */
        const char *given;      /* the name passed to mtc_decode */
        const char *canonical;  /* the name it reports */
        int text;               /* 0 EN, 1 LATIN1, 2 ZH, 3 JA, 4 MIXED */
    } cases[] = {
        {"WINDOWS-1252", "windows-1252", "windows-1252", 0},
        {"WINDOWS-1252", "CP1252", "windows-1252", 0},
        {"WINDOWS-1252", "Windows-1252", "windows-1252", 1},
        {"ISO-8859-1", "ISO-8859-1", "ISO-8859-1", 1},
        {"ISO-8859-1", "latin1", "ISO-8859-1", 1},
        {"ISO-8859-1", "iso8859-1", "ISO-8859-1", 1},
        {"GB18030", "GB18030", "GB18030", 2},
        {"GB18030", "gb18030", "GB18030", 0},
        {"GB18030", "GB18030", "GB18030", 4},
        {"SHIFT_JIS", "Shift_JIS", "Shift_JIS", 3},
        {"SHIFT_JIS", "sjis", "Shift_JIS", 3},
        {"ISO-2022-JP", "ISO-2022-JP", "ISO-2022-JP", 3},
        {"EUC-JP", "euc-jp", "EUC-JP", 3},
        {"BIG5", "big5", "Big5", 4},
        {"UTF-16LE", "UTF-16LE", "UTF-16LE", 0},
        {"UTF-16LE", "utf-16le", "UTF-16LE", 4},
        {"UTF-16BE", "UTF-16BE", "UTF-16BE", 2},
        {"UTF-16BE", "UTF16BE", "UTF-16BE", 4},
        /* UTF-16 by name without a BOM: the byte order is worked out */
        {"UTF-16LE", "UTF-16", "UTF-16LE", 0},
        {"UTF-16BE", "UTF-16", "UTF-16BE", 0},
        {"UTF-16LE", "utf16", "UTF-16LE", 4},
        {"UTF-32LE", "UTF-32LE", "UTF-32LE", 4},
        {"UTF-32BE", "UTF-32", "UTF-32BE", 4},
        {"UTF-8", "UTF-8", "UTF-8", 4},
        {"UTF-8", "utf8", "UTF-8", 0},
    };
    const char *texts[] = {EN, LATIN1, ZH, JA, MIXED};
    char big5_text[] = "Taipei (\xE5\x8F\xB0\xE5\x8C\x97) said on Monday.\n";
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *text = texts[cases[i].text];
        if (strcmp(cases[i].iconv_name, "BIG5") == 0)
            text = big5_text; /* traditional characters */
        size_t n;
        char *in = encode(cases[i].iconv_name, text, &n);
        expect_text(in, n, cases[i].given, text, cases[i].canonical, 0);
        free(in);
    }
}

Test(decode, named_utf16_with_bom_strips_it)
{
    size_t n, len;
    char *body = encode("UTF-16BE", EN, &n);
    char *in = concat("\xFE\xFF", 2, body, n, &len);
    expect_text(in, len, "UTF-16", EN, "UTF-16BE", 0);
    expect_text(in, len, "UTF-16BE", EN, "UTF-16BE", 0);
    free(in);
    free(body);
}

Test(decode, same_article_in_three_encodings_is_identical)
{
    size_t n1252, n16le, len16;
    char *w = encode("WINDOWS-1252", EN, &n1252);
    char *le = encode("UTF-16LE", EN, &n16le);
    char *u16 = concat("\xFF\xFE", 2, le, n16le, &len16);
    mtc_decoded a, b, c, e;
    mtc_error err;
    cr_assert_eq(mtc_decode("a", EN, strlen(EN), NULL, &a, &err), MTC_OK);
    cr_assert_eq(mtc_decode("b", w, n1252, "windows-1252", &b, &err), MTC_OK);
    cr_assert_eq(mtc_decode("c", u16, len16, NULL, &c, &err), MTC_OK);
    cr_assert_eq(mtc_decode("e", w, n1252, NULL, &e, &err), MTC_OK, "%s", err.message);
    cr_assert_eq(a.len, b.len);
    cr_assert_eq(a.len, c.len);
    cr_assert_eq(a.len, e.len);
    cr_assert_eq(memcmp(a.text, b.text, a.len), 0);
    cr_assert_eq(memcmp(a.text, c.text, a.len), 0);
    cr_assert_eq(memcmp(a.text, e.text, a.len), 0);
    free(a.text);
    free(b.text);
    free(c.text);
    free(e.text);
    free(u16);
    free(le);
    free(w);
}

Test(decode, large_input_grows_the_output_buffer)
{
    /* windows-1252 → UTF-8 grows every curly quote from 1 to 3 bytes. */
    size_t n;
    char *w = encode("WINDOWS-1252", EN, &n);
    size_t reps = 3000, len = n * reps, want_len = strlen(EN) * reps;
    char *in = malloc(len);
    char *want = malloc(want_len + 1);
    for (size_t i = 0; i < reps; i++) {
        memcpy(in + i * n, w, n);
        memcpy(want + i * strlen(EN), EN, strlen(EN));
    }
    want[want_len] = '\0';
    expect_text(in, len, "windows-1252", want, "windows-1252", 0);
    expect_text(in, len, NULL, want, "windows-1252", 1);
    free(want);
    free(in);
    free(w);
}

Test(decode, unknown_or_malformed_encoding_name_is_usage_error)
{
    const char *names[] = {"no-such-charset", "UTF-99", "", "windows-1252//IGNORE",
                           "UTF-8//TRANSLIT"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        mtc_error err = expect_error(EN, strlen(EN), names[i], MTC_ERR_USAGE, -2);
        cr_assert_eq(err.byte_offset, -1);
    }
    mtc_error err = expect_error(EN, strlen(EN), "no-such-charset", MTC_ERR_USAGE, -1);
    cr_assert_not_null(strstr(err.message, "no-such-charset"), "%s", err.message);
}

/* ---- invalid input and offsets ---- */

Test(decode, invalid_utf8_offsets_start_middle_end)
{
    /* A UTF-8 paragraph damaged in one place: not guessed as another
     * charset; the offset of the first bad byte is reported. */
    size_t en = strlen(EN), len;
    char *in;

    in = concat("\xFF", 1, EN, en, &len);
    mtc_error e1 = expect_error(in, len, NULL, MTC_ERR_DECODE, 0);
    cr_assert_not_null(strstr(e1.message, "byte 0"), "%s", e1.message);
    cr_assert_not_null(strstr(e1.message, "--encoding"), "%s", e1.message);
    free(in);

    size_t mid = 100;
    while ((unsigned char)EN[mid] >= 0x80)
        mid++;
    in = malloc(en);
    memcpy(in, EN, en);
    in[mid] = (char)0x80; /* inside ASCII text: a stray continuation byte */
    mtc_error e2 = expect_error(in, en, NULL, MTC_ERR_DECODE, (long long)mid);
    char want[64];
    snprintf(want, sizeof want, "invalid UTF-8 at byte %zu", mid);
    cr_assert_not_null(strstr(e2.message, want), "%s", e2.message);
    cr_assert_not_null(strstr(e2.message, "--encoding"), "%s", e2.message);
    free(in);

    /* cut inside the final character (the first 2 bytes of a 3-byte ’) */
    const char *cut = "The city\xE2\x80\x99s budget was cut\xE2\x80";
    expect_error(cut, strlen(cut), NULL, MTC_ERR_DECODE, (long long)strlen(cut) - 2);
    in = concat(EN, en, "\xC3", 1, &len);
    expect_error(in, len, NULL, MTC_ERR_DECODE, (long long)en);
    free(in);

    /* the offset counts the BOM */
    const char *bom = "\xEF\xBB\xBF\x61\x62\x80"; /* BOM, "ab", 0x80 */
    expect_error(bom, strlen(bom), NULL, MTC_ERR_DECODE, 5);
}

Test(decode, strict_utf8_reports_the_first_invalid_byte)
{
    static const struct {
        const char *bytes;
        long long offset;
    } cases[] = {
        /* clang-format off */
        {"\x80" "abc", 0},
        {"abc\xC3(def", 3},               /* lead byte without continuation */
        {"ab\xC0\xAF" "cd", 2},           /* overlong '/' */
        {"x\xED\xA0\x80y", 1},            /* UTF-16 surrogate */
        {"xy\xF4\x90\x80\x80", 2},        /* above U+10FFFF */
        {"caf\xE9 au lait", 3},           /* windows-1252 é */
        {"ok \xE2\x80\x9C" "fine\xE2\x80\x9D then\xE2\x80", 18}, /* truncated at end */
        {"\xFE\xFF", 0},                  /* not a BOM when the encoding is UTF-8 */
        /* clang-format on */
    };
    const char *names[] = {"UTF-8", "utf-8", "utf8", "Utf_8"};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
            mtc_error e = expect_error(cases[i].bytes, strlen(cases[i].bytes), names[k],
                                       MTC_ERR_DECODE, cases[i].offset);
            cr_assert_str_eq(e.path, "in.txt");
        }
    }
}

Test(decode, truncated_and_invalid_utf16)
{
    size_t n, len;
    char *body = encode("UTF-16LE", EN, &n);
    /* odd byte count: the last byte starts a code unit it cannot finish */
    char *in = concat("\xFF\xFE", 2, body, n, &len);
    expect_error(in, len - 1, NULL, MTC_ERR_DECODE, (long long)len - 2);
    expect_error(body, n - 1, "UTF-16LE", MTC_ERR_DECODE, (long long)n - 2);
    expect_error(body, n + 1 - 2, "UTF-16", MTC_ERR_DECODE, (long long)n - 2);
    free(in);
    free(body);
    /* a high surrogate followed by a letter, and one at the very end */
    const char lone[] = {'a', 0, 0x00, (char)0xD8, 'b', 0};
    expect_error(lone, sizeof lone, "UTF-16LE", MTC_ERR_DECODE, 2);
    const char tail[] = {'a', 0, 0x00, (char)0xD8};
    mtc_error e = expect_error(tail, sizeof tail, "UTF-16LE", MTC_ERR_DECODE, 2);
    cr_assert_not_null(strstr(e.message, "truncated"), "%s", e.message);
}

Test(decode, invalid_bytes_in_a_named_8bit_encoding)
{
    /* 0x81 is unassigned in windows-1252; GB18030 needs a trail byte */
    const char *w = "Price: \x80\x35 \x81 today"; /* "€5", then 0x81 */
    expect_error(w, strlen(w), "windows-1252", MTC_ERR_DECODE, 10);
    size_t n;
    char *gb = encode("GB18030", ZH, &n);
    /* cut in the middle of the first two-byte character */
    mtc_error e = expect_error(gb, 1, "GB18030", MTC_ERR_DECODE, 0);
    cr_assert_not_null(strstr(e.message, "truncated"), "%s", e.message);
    /* a lead byte followed by a byte that cannot trail it */
    char *bad = malloc(n);
    memcpy(bad, gb, n);
    bad[5] = '\n';
    cr_assert_geq((unsigned char)gb[4], 0x81); /* gb[4] leads a two-byte character */
    expect_error(bad, n, "GB18030", MTC_ERR_DECODE, 4);
    free(bad);
    free(gb);
}

/* ---- binary input ---- */

Test(decode, nul_bytes_are_binary)
{
    static const char bytes[] = "Hello\0world";
    const char *encs[] = {NULL, "UTF-8", "windows-1252", "ISO-8859-1", "GB18030"};
    for (size_t i = 0; i < sizeof encs / sizeof encs[0]; i++) {
        mtc_error e = expect_error(bytes, sizeof bytes - 1, encs[i], MTC_ERR_BINARY, 5);
        cr_assert_not_null(strstr(e.message, "binary file (NUL byte at offset 5)"), "%s",
                           e.message);
    }
    /* after a UTF-8 BOM the offset still counts from the start of the input */
    expect_error("\xEF\xBB\xBF\x61\x62\0", 6, NULL, MTC_ERR_BINARY, 5);
    /* a NUL inside invalid UTF-8: binary wins */
    expect_error("\xFF\xFE\xFD\x01\0abc", 8, "UTF-8", MTC_ERR_BINARY, 4);
}

Test(decode, utf16_zero_bytes_are_not_binary_but_u0000_is)
{
    size_t n, len;
    char *body = encode("UTF-16LE", "ab", &n); /* 61 00 62 00 */
    char *in = concat("\xFF\xFE", 2, body, n, &len);
    expect_text(in, len, NULL, "ab", "UTF-16LE", 0);
    free(in);
    free(body);
    const char nul16[] = {(char)0xFF, (char)0xFE, 'a', 0, 0, 0, 'b', 0};
    expect_error(nul16, sizeof nul16, NULL, MTC_ERR_BINARY, 4);
    expect_error(nul16 + 2, sizeof nul16 - 2, "UTF-16LE", MTC_ERR_BINARY, 2);
    const char nul32[] = {0, 0, (char)0xFE, (char)0xFF, 0, 0, 0, 'a', 0, 0, 0, 0};
    expect_error(nul32, sizeof nul32, NULL, MTC_ERR_BINARY, 8);
}

Test(decode, bomless_utf16_without_encoding_is_binary_with_a_hint)
{
    size_t n;
    char *le = encode("UTF-16LE", EN, &n);
    mtc_error e = expect_error(le, n, NULL, MTC_ERR_BINARY, -2);
    cr_assert_not_null(strstr(e.message, "UTF-16LE"), "%s", e.message);
    free(le);
}

/* ---- detection ---- */

/* clang-format off */
static const char EN_DETECT[] =
    "The government\xE2\x80\x99s spokesman said on Wednesday that talks with the "
    "unions would resume \xE2\x80\x9C" "as soon as possible,\xE2\x80\x9D but warned that "
    "the deficit \xE2\x80\x94 now close to 4% of output \xE2\x80\x94 left little room. "
    "Opposition leaders called the offer \xE2\x80\x9C" "d\xC3\xA9j\xC3\xA0 vu\xE2\x80\x9D "
    "and said they would vote against the budget. Prices in Z\xC3\xBCrich and "
    "M\xC3\xBC" "nchen rose again in October.\n";
/* clang-format on */

Test(decode, detects_windows_1252)
{
    const char *texts[] = {EN_DETECT, EN};
    for (size_t i = 0; i < 2; i++) {
        size_t n;
        char *w = encode("WINDOWS-1252", texts[i], &n);
        expect_text(w, n, NULL, texts[i], "windows-1252", 1);
        free(w);
    }
    /* a single curly apostrophe is enough for plain English */
    const char *one = "The minister\x92s office declined to comment.\n";
    expect_text(one, strlen(one), NULL, "The minister\xE2\x80\x99s office declined to comment.\n",
                "windows-1252", 1);
}

Test(decode, detects_gb18030)
{
    size_t n;
    char *gb = encode("GB18030", ZH, &n);
    expect_text(gb, n, NULL, ZH, "GB18030", 1);
    free(gb);
}

Test(decode, detects_shift_jis)
{
    size_t n;
    char *sj = encode("SHIFT_JIS", JA, &n);
    expect_text(sj, n, NULL, JA, "Shift_JIS", 1);
    free(sj);
}

/* Deterministic pseudo-random bytes in [lo, hi] (xorshift). */
static void random_bytes(char *out, size_t n, uint32_t seed, int lo, int hi)
{
    uint32_t x = seed ? seed : 1;
    for (size_t i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        out[i] = (char)(lo + (int)(x % (uint32_t)(hi - lo + 1)));
    }
}

Test(decode, refuses_random_bytes)
{
    char buf[2000];
    for (uint32_t seed = 1; seed <= 40; seed++) {
        size_t n = 200 + seed * 37;
        /* no NUL byte: invalid UTF-8 that no charset decodes to text */
        random_bytes(buf, n, seed * 2654435761u, 1, 255);
        mtc_error e = expect_error(buf, n, NULL, MTC_ERR_DECODE, -2);
        cr_assert_not_null(strstr(e.message, "--encoding"), "%s", e.message);
        cr_assert_geq(e.byte_offset, 0);
        /* high bytes only */
        random_bytes(buf, n, seed * 40503u, 0x80, 0xFF);
        expect_error(buf, n, NULL, MTC_ERR_DECODE, -2);
        /* printable ASCII with a sprinkle of high bytes, as binary data often is */
        random_bytes(buf, n, seed * 69069u, 0x20, 0xFF);
        expect_error(buf, n, NULL, MTC_ERR_DECODE, -2);
    }
    /* with NUL bytes: binary */
    random_bytes(buf, sizeof buf, 12345, 0, 255);
    expect_error(buf, sizeof buf, NULL, MTC_ERR_BINARY, -2);
}

Test(decode, damaged_utf8_is_not_guessed_as_another_charset)
{
    /* Mostly valid UTF-8 with one bad byte: the error, not a guess. */
    size_t len = strlen(EN_DETECT);
    char *in = malloc(len);
    memcpy(in, EN_DETECT, len);
    in[40] = (char)0xE9;
    cr_assert_eq((unsigned char)EN_DETECT[40] < 0x80, 1);
    expect_error(in, len, NULL, MTC_ERR_DECODE, 40);
    free(in);
}

Test(decode, gb18030_bom_is_dropped)
{
    size_t n, len;
    char *gb = encode("GB18030", ZH, &n);
    char *in = concat("\x84\x31\x95\x33", 4, gb, n, &len); /* U+FEFF in GB18030 */
    expect_text(in, len, "GB18030", ZH, "GB18030", 0);
    expect_text(in, len, NULL, ZH, "GB18030", 1);
    free(in);
    free(gb);
}
