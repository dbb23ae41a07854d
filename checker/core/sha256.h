/* sha256.h — SHA-256 (FIPS 180-4) and base64, for the Content-Security-Policy
 * hashes of the HTML report's inline style and script. Owns nothing. */
#ifndef MTC_SHA256_H
#define MTC_SHA256_H

#include <stddef.h>
#include <stdint.h>

#include "buffer.h"

/* Writes the 32-byte digest of data[0..len) to out. */
void mtc_sha256(const void *data, size_t len, uint8_t out[32]);
/* Appends the standard base64 (RFC 4648, with padding) of data[0..len). */
void mtc_base64(mtc_buf *b, const uint8_t *data, size_t len);

#endif
