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

/* The load status of the word lists segmentation reads (loaded once per
 * process, on first use): MTC_OK, or the error naming the data file and
 * line, copied to err. The checker's creation asks, so a malformed list
 * stops the run instead of checking with a part of it. */
mtc_status mtc_segment_tables_status(mtc_error *err);

#endif
