/* escape.h — the one JSON escaper, the one HTML escaper, the XML
 * attribute escaper and the terminal escaper. No reporter
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

/* Appends s[0..len) for an XML attribute or element text: as HTML, and
 * also the characters XML 1.0 cannot carry (U+FFFE, U+FFFF, C0 controls)
 * replaced by U+FFFD, tab/newline/CR written as character references (an
 * attribute keeps them that way). */
void mtc_escape_xml(mtc_buf *out, const char *s, size_t len);
/* Appends s[0..len) for a terminal or standard error: control characters
 * (C0, DEL, C1: ESC sequences, newlines that would start a new line a CI
 * runner parses) and bytes of invalid UTF-8 as \xNN, the backslash as \\. */
void mtc_escape_terminal(mtc_buf *out, const char *s, size_t len);

#endif
