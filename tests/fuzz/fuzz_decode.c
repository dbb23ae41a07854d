/* fuzz_decode.c — libFuzzer target for decode.c: arbitrary bytes decoded
 * with encoding detection (no --encoding) and with a named encoding chosen
 * by the first input byte. Checks the decoder's contract: on success the
 * text is valid UTF-8, NUL-terminated, without NUL bytes for byte-oriented
 * encodings; on failure an error status and a message are set. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "utf8.h"

/* Encodings a user may name with --encoding, plus an unknown one. */
static const char *const dec_encodings[] = {
    NULL,        "UTF-8",      "utf8",       "UTF-16",    "UTF-16LE", "UTF-16BE",
    "UTF-32",    "UTF-32BE",   "UCS-2",      "latin1",    "windows-1252", "ISO-8859-15",
    "GB18030",   "GBK",        "Big5",       "Shift_JIS", "EUC-JP",   "ISO-2022-JP",
    "EUC-KR",    "KOI8-R",     "ASCII",      "no-such-encoding", "",   "UTF-7",
};

static void dec_check(const char *bytes, size_t len, const char *enc)
{
    mtc_decoded dec;
    mtc_error err;
    memset(&dec, 0, sizeof dec);
    memset(&err, 0, sizeof err);
    mtc_status st = mtc_decode("fuzz", bytes, len, enc, &dec, &err);
    if (st != MTC_OK) {
        if (dec.text != NULL || err.status == MTC_OK || err.message[0] == '\0')
            abort(); /* a failure must leave no buffer and say why */
        return;
    }
    if (!dec.text || dec.text[dec.len] != '\0')
        abort();
    size_t bad;
    if (!mtc_utf8_validate(dec.text, dec.len, &bad))
        abort();
    if (dec.bom_bytes != 0 && dec.bom_bytes != 3)
        abort();
    if (memchr(dec.encoding, '\0', sizeof dec.encoding) == NULL || dec.encoding[0] == '\0')
        abort();
    free(dec.text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* the bytes as they are, encoding detected */
    dec_check((const char *)data, size, NULL);
    if (size == 0)
        return 0;
    /* the first byte names an encoding for the rest */
    const char *enc = dec_encodings[data[0] % (sizeof dec_encodings / sizeof dec_encodings[0])];
    dec_check((const char *)data + 1, size - 1, enc);
    return 0;
}
