/* escape.h — the one JSON escaper and the one HTML escaper. No reporter
 * writes article text, paths, messages or suggestions without them. Invalid
 * UTF-8 is replaced by U+FFFD; control characters are escaped (JSON) or
 * dropped/replaced (HTML). */
#ifndef MTC_ESCAPE_H
#define MTC_ESCAPE_H

#include <stddef.h>

#include "buffer.h"

/* Appends s[0..len) as a JSON string literal, quotes included. */
void mtc_escape_json(mtc_buf *out, const char *s, size_t len);
/* Appends s[0..len) escaped for HTML element text and quoted attribute
 * values (& < > " ' escaped). */
void mtc_escape_html(mtc_buf *out, const char *s, size_t len);

#endif
