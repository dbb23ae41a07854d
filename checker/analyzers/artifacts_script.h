/* artifacts_script.h — which writing system a code point belongs to, as the
 * artifacts analyzer needs it: Latin (English text), a foreign script
 * (untranslated source text), CJK punctuation that travels with it, Greek
 * (foreign only as whole words), or neutral. The data comes from ICU
 * (Script, Script_Extensions and East_Asian_Width properties). Stateless. */
#ifndef MTC_ARTIFACTS_SCRIPT_H
#define MTC_ARTIFACTS_SCRIPT_H

#include <stdint.h>

typedef enum mtc_script_class {
    MTC_SC_NEUTRAL = 0, /* spaces, digits, ASCII and general punctuation, symbols */
    MTC_SC_LATIN,       /* a Latin letter, with or without diacritics */
    MTC_SC_FOREIGN,     /* a letter of another script: Han, Cyrillic, Arabic, ... */
    MTC_SC_GREEK,       /* a Greek letter (α, μ, Ω): foreign only in whole words */
    MTC_SC_CJK_PUNCT,   /* wide or full-width punctuation: 。，、【】「」：（ */
    MTC_SC_MARK         /* a combining mark: belongs to the letter before it */
} mtc_script_class;

mtc_script_class mtc_script_classify(int32_t cp);

/* 1 for a wide (East Asian Width W or F) code point: a Han, kana or Hangul
 * letter carries about as much text as a short English word. */
int mtc_script_is_wide(int32_t cp);

/* 1 for a quotation mark (Unicode Quotation_Mark: “ 「 ＂ ...). */
int mtc_script_is_quotation_mark(int32_t cp);

#endif
