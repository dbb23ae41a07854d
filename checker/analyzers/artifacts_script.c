/* artifacts_script.c — code point → writing-system class for the artifacts
 * analyzer (artifacts_script.h), from ICU's Unicode data: uscript_getScript
 * and Script_Extensions for letters, East_Asian_Width for CJK punctuation.
 * utf8proc has no script property, hence ICU. Stateless, thread-safe. */
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "artifacts_script.h"

static int is_latin_like(UScriptCode s)
{
    return s == USCRIPT_LATIN || s == USCRIPT_COMMON || s == USCRIPT_INHERITED ||
           s == USCRIPT_UNKNOWN;
}

int mtc_script_is_wide(int32_t cp)
{
    if (cp < 0x1100)
        return 0;
    int w = u_getIntPropertyValue((UChar32)cp, UCHAR_EAST_ASIAN_WIDTH);
    return w == U_EA_WIDE || w == U_EA_FULLWIDTH;
}

int mtc_script_is_quotation_mark(int32_t cp)
{
    return u_hasBinaryProperty((UChar32)cp, UCHAR_QUOTATION_MARK) != 0;
}

/* For a Common/Inherited code point: the first real script of its
 * Script_Extensions (the prolonged sound mark ー is Hiragana+Katakana), or
 * USCRIPT_COMMON. */
static UScriptCode extension_script(int32_t cp)
{
    UScriptCode scx[16];
    UErrorCode e = U_ZERO_ERROR;
    int n = uscript_getScriptExtensions((UChar32)cp, scx, 16, &e);
    if (U_FAILURE(e))
        return USCRIPT_COMMON;
    for (int i = 0; i < n; i++) {
        if (!is_latin_like(scx[i]))
            return scx[i];
    }
    return USCRIPT_COMMON;
}

mtc_script_class mtc_script_classify(int32_t cp)
{
    if (cp < 0x80)
        return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ? MTC_SC_LATIN : MTC_SC_NEUTRAL;
    int8_t gc = u_charType((UChar32)cp);
    int letter = gc == U_UPPERCASE_LETTER || gc == U_LOWERCASE_LETTER || gc == U_TITLECASE_LETTER ||
                 gc == U_MODIFIER_LETTER || gc == U_OTHER_LETTER || gc == U_LETTER_NUMBER;
    int mark = gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK || gc == U_COMBINING_SPACING_MARK;
    if (letter || mark) {
        UErrorCode e = U_ZERO_ERROR;
        UScriptCode s = uscript_getScript((UChar32)cp, &e);
        if (U_FAILURE(e))
            return MTC_SC_NEUTRAL;
        if (s == USCRIPT_COMMON || s == USCRIPT_INHERITED) {
            if (mark)
                return MTC_SC_MARK;
            /* µ (micro sign) stays neutral; ー (kana) is foreign */
            if (extension_script(cp) != USCRIPT_COMMON && mtc_script_is_wide(cp))
                return MTC_SC_FOREIGN;
            return MTC_SC_NEUTRAL;
        }
        if (mark)
            return MTC_SC_MARK;
        if (s == USCRIPT_LATIN)
            return mtc_script_is_wide(cp) ? MTC_SC_CJK_PUNCT : MTC_SC_LATIN; /* Ａ full-width */
        if (s == USCRIPT_GREEK)
            return MTC_SC_GREEK;
        return MTC_SC_FOREIGN;
    }
    /* Wide or full-width punctuation, and other full-width forms (＄ ０):
     * Chinese, Japanese and Korean typography. Emoji are wide symbols: not. */
    if (gc == U_OTHER_SYMBOL || gc == U_SPACE_SEPARATOR)
        return MTC_SC_NEUTRAL;
    if (mtc_script_is_wide(cp))
        return MTC_SC_CJK_PUNCT;
    return MTC_SC_NEUTRAL;
}
