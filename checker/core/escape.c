/* escape.c — JSON and HTML escaping (see escape.h). Owns nothing. */
#include "escape.h"

#include <stdint.h>

#include "utf8.h"

void mtc_escape_json(mtc_buf *out, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    mtc_buf_putc(out, '"');
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            switch (c) {
            case '"': mtc_buf_put(out, "\\\"", 2); break;
            case '\\': mtc_buf_put(out, "\\\\", 2); break;
            case '\n': mtc_buf_put(out, "\\n", 2); break;
            case '\r': mtc_buf_put(out, "\\r", 2); break;
            case '\t': mtc_buf_put(out, "\\t", 2); break;
            case '\b': mtc_buf_put(out, "\\b", 2); break;
            case '\f': mtc_buf_put(out, "\\f", 2); break;
            default:
                if (c < 0x20 || c == 0x7F) {
                    char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                    mtc_buf_put(out, e, 6);
                } else {
                    mtc_buf_putc(out, (char)c);
                }
            }
            i++;
            continue;
        }
        int32_t cp;
        int n = mtc_utf8_next(s, len, i, &cp);
        if (cp < 0) {
            mtc_buf_puts(out, "\\ufffd");
        } else if (cp == 0x2028 || cp == 0x2029) {
            /* valid JSON, but break JavaScript and some line readers */
            mtc_buf_puts(out, cp == 0x2028 ? "\\u2028" : "\\u2029");
        } else {
            mtc_buf_put(out, s + i, (size_t)n);
        }
        i += (size_t)n;
    }
    mtc_buf_putc(out, '"');
}

void mtc_escape_html(mtc_buf *out, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            switch (c) {
            case '&': mtc_buf_puts(out, "&amp;"); break;
            case '<': mtc_buf_puts(out, "&lt;"); break;
            case '>': mtc_buf_puts(out, "&gt;"); break;
            case '"': mtc_buf_puts(out, "&quot;"); break;
            case '\'': mtc_buf_puts(out, "&#39;"); break;
            default:
                if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7F)
                    mtc_buf_puts(out, "\xEF\xBF\xBD");
                else
                    mtc_buf_putc(out, (char)c);
            }
            i++;
            continue;
        }
        int32_t cp;
        int n = mtc_utf8_next(s, len, i, &cp);
        if (cp < 0 || (cp >= 0x80 && cp < 0xA0))
            mtc_buf_puts(out, "\xEF\xBF\xBD");
        else
            mtc_buf_put(out, s + i, (size_t)n);
        i += (size_t)n;
    }
}

void mtc_escape_xml(mtc_buf *out, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\t' || c == '\n' || c == '\r') {
            mtc_buf_printf(out, "&#%d;", c);
            i++;
            continue;
        }
        if (c < 0x80) {
            mtc_escape_html(out, s + i, 1);
            i++;
            continue;
        }
        int32_t cp;
        int n = mtc_utf8_next(s, len, i, &cp);
        if (cp == 0xFFFE || cp == 0xFFFF)
            mtc_buf_puts(out, "\xEF\xBF\xBD");
        else
            mtc_escape_html(out, s + i, (size_t)n);
        i += (size_t)n;
    }
}

void mtc_escape_terminal(mtc_buf *out, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (c < 0x20 || c == 0x7F)
                mtc_buf_printf(out, "\\x%02x", c);
            else if (c == '\\')
                mtc_buf_puts(out, "\\\\");
            else
                mtc_buf_putc(out, (char)c);
            i++;
            continue;
        }
        int32_t cp;
        int n = mtc_utf8_next(s, len, i, &cp);
        if (cp < 0) {
            mtc_buf_printf(out, "\\x%02x", c);
            i++;
            continue;
        }
        if (cp >= 0x80 && cp < 0xA0) /* C1 controls (CSI is U+009B) */
            mtc_buf_printf(out, "\\u%04x", (unsigned)cp);
        else
            mtc_buf_put(out, s + i, (size_t)n);
        i += (size_t)n;
    }
}
