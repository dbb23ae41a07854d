/* decode.h — bytes of any encoding → one UTF-8 buffer (iconv; uchardet to
 * detect when the input is not UTF-8 and no encoding was given). */
#ifndef MTC_DECODE_H
#define MTC_DECODE_H

#include <stddef.h>

#include "mtcheck.h"

typedef struct mtc_decoded {
    char *text;          /* malloc'ed, NUL-terminated, valid UTF-8; caller frees */
    size_t len;
    char encoding[64];   /* canonical name: "UTF-8", "UTF-16LE", "windows-1252", ... */
    int detected;        /* 1 when the encoding was guessed by uchardet */
    size_t bom_bytes;    /* bytes of BOM stripped from a UTF-8 input (0 or 3) */
} mtc_decoded;

/* Decodes bytes[0..len).
 * - encoding == NULL: BOM (UTF-8, UTF-16LE/BE, UTF-32LE/BE) decides; else
 *   valid UTF-8 is taken as is; else uchardet guesses, and when it is not
 *   confident the call fails with MTC_ERR_DECODE naming the first invalid
 *   byte offset and the --encoding option.
 * - encoding given: converted with iconv from that encoding; "UTF-8" is
 *   strict (the first invalid byte fails with its offset). A BOM matching the
 *   given encoding is stripped.
 * - NUL bytes in UTF-8/8-bit input: MTC_ERR_BINARY.
 * path is used for messages only. */
mtc_status mtc_decode(const char *path, const char *bytes, size_t len, const char *encoding,
                      mtc_decoded *out, mtc_error *err);

#endif
