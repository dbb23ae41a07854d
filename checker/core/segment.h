/* segment.h — paragraphs and sentences: fills doc->paragraphs and
 * doc->sentences from doc->text (spans only, no copies). */
#ifndef MTC_SEGMENT_H
#define MTC_SEGMENT_H

#include <stddef.h>

#include "document.h"

/* Splits doc->text into paragraphs (at blank lines) and sentences.
 * Abbreviations come from the embedded dictionaries/abbreviations.txt. */
void mtc_segment(mtc_document *doc);

/* 1 if text[start..end) (a word with its final '.') is a known abbreviation
 * that does not end a sentence ("Mr.", "U.S." before a lowercase word...). */
int mtc_segment_is_abbreviation(const char *word, size_t len);

#endif
